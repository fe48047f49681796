/* SPDX-License-Identifier: GPL-3.0-or-later */
/* import mpesa-csv|sms|daraja FILE --wallet W [--dry-run]; import undo BATCH. */
#include "daftari-cli-context.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "daftari-daraja.h"
#include "daftari-import-error.h"
#include "daftari-import.h"
#include "daftari-mpesa-csv.h"
#include "daftari-sms.h"

#define MAX_FILE_BYTES ((goffset) 200 * 1024 * 1024)

/* Text or an "SMS Backup & Restore" XML file, told apart by its start. */
static DaftariImportParse *
parse_sms (const char *data, gsize length, GError **error)
{
  const char *p = data;

  while (p < data + length && g_ascii_isspace (*p))
    p++;
  if (length >= 3 && (guchar) data[0] == 0xEF && (guchar) data[1] == 0xBB && (guchar) data[2] == 0xBF)
    p = data + 3;
  if (p < data + length && *p == '<')
    return daftari_sms_parse_backup_xml (data, length, error);
  return daftari_sms_parse_text (data, length, error);
}

static DaftariImportParse *
parse_file (const char *kind, const char *data, gsize length, GError **error)
{
  if (g_str_equal (kind, "mpesa-csv"))
    return daftari_mpesa_csv_parse (data, length, error);
  if (g_str_equal (kind, "sms"))
    return parse_sms (data, length, error);
  return daftari_daraja_parse (data, length, error);
}

static gboolean
read_file (const char *path, char **out_data, gsize *out_length, GError **error)
{
  GStatBuf st;

  if (g_stat (path, &st) == 0 && st.st_size > MAX_FILE_BYTES)
    {
      g_set_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_TOO_LARGE,
                   _("%s is larger than 200 MB; split it into smaller statements"), path);
      return FALSE;
    }
  return g_file_get_contents (path, out_data, out_length, error);
}

static void
add_count (JsonBuilder *builder, const char *name, gint64 value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
print_json (const DaftariImportResult *r, gboolean dry_run)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_count (builder, "batch", r->batch_id);
  json_builder_set_member_name (builder, "dry_run");
  json_builder_add_boolean_value (builder, dry_run);
  add_count (builder, "rows", r->n_rows);
  add_count (builder, "new", r->n_new);
  add_count (builder, "duplicate", r->n_duplicate);
  add_count (builder, "skipped", r->n_skipped);
  add_count (builder, "held", r->n_held);
  add_count (builder, "rejected", r->n_rejected);
  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < r->warnings->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (r->warnings, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  daftari_cli_print_json (builder);
}

static void
print_text (const DaftariImportResult *r, gboolean dry_run)
{
  for (guint i = 0; i < r->warnings->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (r->warnings, i));
  if (dry_run)
    g_print ("%s\n", _("Dry run: nothing was written."));
  else
    g_print (_("Import %lld:\n"), (long long) r->batch_id);
  g_print (_("  rows read   %u\n"), r->n_rows);
  g_print (_("  new         %u\n"), r->n_new);
  g_print (_("  duplicate   %u\n"), r->n_duplicate);
  g_print (_("  skipped     %u\n"), r->n_skipped);
  g_print (_("  held        %u\n"), r->n_held);
  g_print (_("  rejected    %u\n"), r->n_rejected);
}

static int
import_file (DaftariCli *cli, const char *kind, int argc, char **argv)
{
  g_autofree char *wallet_name = NULL;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "wallet", 0, 0, G_OPTION_ARG_STRING, &wallet_name, N_("The wallet the rows go into"), N_("WALLET") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Show what would happen without writing"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariAccount) wallet = NULL;
  g_autoptr(DaftariImportParse) parse = NULL;
  g_autoptr(DaftariImportResult) result = NULL;
  g_autofree char *data = NULL;
  g_autofree char *base = NULL;
  gsize length = 0;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, _("FILE"), _("Import a file into a wallet."), entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 1)
    return daftari_cli_usage ("%s", _("import needs exactly one FILE"));
  if (wallet_name == NULL)
    return daftari_cli_usage ("%s", _("import needs --wallet WALLET"));
  if (!read_file (argv[0], &data, &length, &error) ||
      (parse = parse_file (kind, data, length, &error)) == NULL)
    {
      g_printerr ("daftari-cli: %s\n", error->message);
      return DAFTARI_EXIT_REFUSED;
    }
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if ((wallet = daftari_cli_account (cli, wallet_name, &error)) == NULL)
    return daftari_cli_fail (cli, error);
  base = g_path_get_basename (argv[0]);
  result = daftari_import_rows (cli->book, wallet->id, kind, base, parse, dry_run, NULL, &error);
  if (result == NULL)
    return daftari_cli_fail (cli, error);
  if (cli->json)
    print_json (result, dry_run);
  else
    print_text (result, dry_run);
  return DAFTARI_EXIT_OK;
}

static int
import_undo (DaftariCli *cli, int argc, char **argv)
{
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr(GError) error = NULL;
  gint64 batch;
  char *end = NULL;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, _("BATCH"), _("Undo an import as a whole."), entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 1)
    return daftari_cli_usage ("%s", _("import undo needs exactly one BATCH number"));
  batch = g_ascii_strtoll (argv[0], &end, 10);
  if (end == argv[0] || *end != '\0' || batch <= 0)
    return daftari_cli_usage (_("“%s” is not an import number"), argv[0]);
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if (!daftari_import_undo (cli->book, batch, &error))
    return daftari_cli_fail (cli, error);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_object (builder);
      add_count (builder, "undone", batch);
      json_builder_end_object (builder);
      daftari_cli_print_json (builder);
    }
  else
    g_print (_("Import %lld undone\n"), (long long) batch);
  return DAFTARI_EXIT_OK;
}

int
daftari_cli_import (DaftariCli *cli, int argc, char **argv)
{
  static const char *const kinds[] = { "mpesa-csv", "sms", "daraja" };

  cli->group = "import";
  for (guint i = 0; argc >= 2 && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (argv[1], kinds[i]))
      return import_file (cli, kinds[i], argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "undo"))
    return import_undo (cli, argc - 1, argv + 1);
  return daftari_cli_usage ("%s", _("use “import mpesa-csv”, “import sms”, “import daraja” or “import undo”"));
}
