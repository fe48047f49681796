/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export csv: the transactions, one row per wallet leg (docs/reports.md). */
#include "daftari-cli-context.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>

#include "daftari-export.h"

/* "-" is standard output; anything else a file, replaced only when whole. */
static GOutputStream *
open_output (const char *path, GError **error)
{
  g_autoptr(GFile) file = NULL;

  if (g_str_equal (path, "-"))
    return g_unix_output_stream_new (1, FALSE);
  file = g_file_new_for_commandline_arg (path);
  return G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error));
}

static gboolean
day_bound (DaftariCli *cli, const char *text, gboolean end, gint64 *out_ts, GError **error)
{
  DaftariCalendar *calendar = daftari_book_get_calendar (cli->book);
  DaftariDay day;

  if (text == NULL)
    return TRUE;
  if (!daftari_day_parse (text, &day, error))
    return FALSE;
  *out_ts = end ? daftari_calendar_day_end (calendar, day) : daftari_calendar_day_start (calendar, day);
  return TRUE;
}

static int
export_csv (DaftariCli *cli, int argc, char **argv)
{
  g_autofree char *output = NULL, *from = NULL, *to = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The CSV file to write (- for standard output)"), N_("FILE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day (default: the first transaction)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day (default: the last transaction)"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = NULL;
  gint64 from_ts = G_MININT64, to_ts = G_MAXINT64;
  guint64 rows = 0;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, "",
                          _("Transactions as CSV, one row per wallet leg, in a stable schema for analysis."), entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 0)
    return daftari_cli_usage ("%s", _("export csv takes options only"));
  if (output == NULL)
    return daftari_cli_usage ("%s", _("export csv needs -o FILE (or -o - for standard output)"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if (!day_bound (cli, from, FALSE, &from_ts, &error) || !day_bound (cli, to, TRUE, &to_ts, &error))
    return daftari_cli_fail (cli, error);
  if (from_ts > to_ts)
    return daftari_cli_usage ("%s", _("--to is before --from: give a period that ends after it starts"));
  if ((out = open_output (output, &error)) == NULL ||
      !daftari_export_csv (cli->book, from_ts, to_ts, out, &rows, NULL, &error) ||
      !g_output_stream_close (out, NULL, &error))
    return daftari_cli_fail (cli, error);
  if (g_str_equal (output, "-"))
    return DAFTARI_EXIT_OK;
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, output);
      json_builder_set_member_name (builder, "rows");
      json_builder_add_int_value (builder, (gint64) rows);
      json_builder_end_object (builder);
      daftari_cli_print_json (builder);
    }
  else
    g_printerr (_("%llu rows written to %s\n"), (unsigned long long) rows, output);
  return DAFTARI_EXIT_OK;
}

int
daftari_cli_export (DaftariCli *cli, int argc, char **argv)
{
  cli->group = "export";
  if (argc >= 2 && g_str_equal (argv[1], "csv"))
    return export_csv (cli, argc - 1, argv + 1);
  return daftari_cli_usage ("%s", _("use “export csv -o FILE [--from D] [--to D]”"));
}
