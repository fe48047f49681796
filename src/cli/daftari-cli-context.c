/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-cli-context.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

gboolean
daftari_cli_parse (DaftariCli *cli, int *argc, char ***argv, const char *parameters, const char *summary,
                   const GOptionEntry *entries)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameters);
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = cli->group ? g_strdup_printf ("daftari-cli %s %s", cli->group, (*argv)[0])
                                         : g_strdup_printf ("daftari-cli %s", (*argv)[0]);

  g_set_prgname (prgname);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      daftari_cli_usage ("%s", error->message);
      return FALSE;
    }
  /* Drop the command's name: what is left are its arguments. */
  (*argc)--;
  (*argv)++;
  return TRUE;
}

int
daftari_cli_usage (const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("daftari-cli: %s\n", message);
  return DAFTARI_EXIT_USAGE;
}

int
daftari_cli_fail (DaftariCli *cli, GError *error)
{
  g_printerr ("daftari-cli: %s\n", error->message);
  if (error->domain == DAFTARI_BOOK_ERROR)
    return DAFTARI_EXIT_FILE;
  return DAFTARI_EXIT_REFUSED;
}

gboolean
daftari_cli_open_book (DaftariCli *cli, int *out_status)
{
  g_autoptr(GError) error = NULL;

  if (cli->book != NULL)
    return TRUE;
  cli->book = daftari_book_open (cli->book_path, &error);
  if (cli->book == NULL)
    {
      *out_status = daftari_cli_fail (cli, error);
      return FALSE;
    }
  if (daftari_book_get_backup_path (cli->book) != NULL)
    g_printerr (_("daftari-cli: the book was updated to a new format; the old one is kept at %s\n"),
                daftari_book_get_backup_path (cli->book));
  return TRUE;
}

void
daftari_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  puts (text);
}

DaftariAccount *
daftari_cli_account (DaftariCli *cli, const char *name, GError **error)
{
  return daftari_account_find (cli->book, name, error);
}

gboolean
daftari_cli_date (DaftariCli *cli, const char *text, gint64 *out_ts, GError **error)
{
  DaftariDay day;

  if (text == NULL)
    {
      *out_ts = daftari_calendar_now ();
      return TRUE;
    }
  if (!daftari_day_parse (text, &day, error))
    return FALSE;
  *out_ts = daftari_calendar_day_noon (daftari_book_get_calendar (cli->book), day);
  return TRUE;
}

void
daftari_cli_json_money (JsonBuilder *builder, const char *member, gint64 minor,
                        const DaftariCommodity *commodity)
{
  g_autofree char *text = daftari_money_format (minor, commodity,
                                                DAFTARI_MONEY_FORMAT_NO_CODE | DAFTARI_MONEY_FORMAT_NO_GROUPING);
  g_autofree char *minor_member = g_strconcat (member, "_minor", NULL);

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, text);
  json_builder_set_member_name (builder, minor_member);
  json_builder_add_int_value (builder, minor);
}

void
daftari_cli_json_text (JsonBuilder *builder, const char *member, const char *text)
{
  json_builder_set_member_name (builder, member);
  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
}

void
daftari_cli_json_day (JsonBuilder *builder, const char *member, DaftariDay day)
{
  g_autofree char *text = day != 0 ? daftari_day_format (day) : NULL;

  daftari_cli_json_text (builder, member, text);
}

gint64
daftari_cli_natural (const DaftariAccount *account, gint64 amount)
{
  return daftari_account_kind_is_credit (account->kind) ? -amount : amount;
}
