/* SPDX-License-Identifier: GPL-3.0-or-later */
/* import mpesa-csv|mpesa-pdf|sms|daraja|bank-csv FILE --wallet W [--dry-run] [--adjust];
 * import undo BATCH. */
#include "daftari-cli-context.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "daftari-bank-csv.h"
#include "daftari-daraja.h"
#include "daftari-import-error.h"
#include "daftari-import-mapping.h"
#include "daftari-import-source.h"
#include "daftari-import.h"
#include "daftari-mpesa-csv.h"
#include "daftari-mpesa-pdf.h"
#include "daftari-sms.h"

/* What a kind of file needs besides its bytes. */
typedef struct {
  char               *password;  /* mpesa-pdf */
  DaftariBankMapping *mapping;   /* bank-csv */
} ParseExtras;

static DaftariImportParse *
parse_file (const char *kind, const char *data, gsize length, const ParseExtras *extras, GError **error)
{
  DaftariImportSourceOptions options = { extras->password, extras->mapping };
  DaftariImportSource source = DAFTARI_IMPORT_SOURCE_UNKNOWN;

  daftari_import_source_from_string (kind, &source);
  return daftari_import_source_parse (source, data, length, &options, error);
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
  add_count (builder, "adjustment", r->adjustment);
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

/* The password of a statement PDF, from --password or the first line of
 * --password-file (so that it need not stand in the shell's history). */
static gboolean
read_password (const char *given, const char *file, char **out, GError **error)
{
  g_autofree char *text = NULL;
  char *newline;

  if (file == NULL)
    {
      *out = g_strdup (given);
      return TRUE;
    }
  if (!g_file_get_contents (file, &text, NULL, error))
    return FALSE;
  if ((newline = strpbrk (text, "\r\n")) != NULL)
    *newline = '\0';
  *out = g_steal_pointer (&text);
  return TRUE;
}

/* The bank CSV mapping options; each set one replaces that part of the
 * mapping chosen by --mapping, remembered for the wallet, or guessed. */
typedef struct {
  char    *name;
  char    *columns[8];  /* date, description, in, out, amount, indicator, balance, reference */
  char    *date_format;
  char    *debit_marker;
  char    *delimiter;
  char    *decimal;
  char    *thousands;
  int      skip_rows;
  gboolean save;
} MappingOptions;

static void
mapping_options_clear (MappingOptions *o)
{
  g_free (o->name);
  for (guint i = 0; i < G_N_ELEMENTS (o->columns); i++)
    g_free (o->columns[i]);
  g_free (o->date_format);
  g_free (o->debit_marker);
  g_free (o->delimiter);
  g_free (o->decimal);
  g_free (o->thousands);
}

static char **
mapping_column (DaftariBankMapping *m, guint i)
{
  char **slots[] = { &m->date, &m->description, &m->money_in, &m->money_out, &m->amount, &m->indicator,
                     &m->balance, &m->reference };
  return slots[i];
}

static void
set_empty (char **slot)
{
  g_free (*slot);
  *slot = g_strdup ("");
}

/* "," ";" "." "none" "space" → the byte. */
static gboolean
read_separator (const char *text, char *out)
{
  if (g_str_equal (text, "none") || *text == '\0')
    *out = '\0';
  else if (g_str_equal (text, "space"))
    *out = ' ';
  else if (strlen (text) == 1)
    *out = text[0];
  else
    return FALSE;
  return TRUE;
}

static gboolean
apply_options (DaftariBankMapping *m, const MappingOptions *o, gboolean *out_changed, GError **error)
{
  gboolean changed = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (o->columns); i++)
    if (o->columns[i] != NULL)
      {
        char **slot = mapping_column (m, i);
        g_free (*slot);
        *slot = g_strdup (o->columns[i]);
        /* Two money columns or one amount: naming one kind drops the other. */
        if (i == 2 || i == 3)
          set_empty (&m->amount);
        if (i == 4)
          {
            set_empty (&m->money_in);
            set_empty (&m->money_out);
          }
        changed = TRUE;
      }
  if (o->date_format != NULL && !daftari_bank_date_format_from_string (o->date_format, &m->date_format))
    {
      g_set_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_MALFORMED,
                   _("“%s” is not a date format: use dd/mm/yyyy, yyyy-mm-dd or dd-mmm-yyyy"), o->date_format);
      return FALSE;
    }
  if ((o->delimiter != NULL && !read_separator (o->delimiter, &m->delimiter)) ||
      (o->decimal != NULL && !read_separator (o->decimal, &m->decimal)) ||
      (o->thousands != NULL && !read_separator (o->thousands, &m->thousands)))
    {
      g_set_error_literal (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_MALFORMED,
                           _("a separator must be one character, “space” or “none”"));
      return FALSE;
    }
  if (o->debit_marker != NULL)
    {
      g_free (m->debit_marker);
      m->debit_marker = g_strdup (o->debit_marker);
    }
  if (o->skip_rows >= 0)
    m->skip_rows = o->skip_rows;
  changed = changed || o->date_format || o->delimiter || o->decimal || o->thousands || o->debit_marker ||
            o->skip_rows >= 0;
  *out_changed = changed;
  return TRUE;
}

/* --mapping NAME (a bank's layout, "saved" or "guess"), else the wallet's
 * remembered mapping, else a guess from the file; then the options. */
static DaftariBankMapping *
choose_mapping (DaftariCli *cli, gint64 wallet_id, const MappingOptions *o, const char *data, gsize length,
                GError **error)
{
  g_autoptr(DaftariBankMapping) m = NULL;
  const char *name = o->name;
  gboolean changed = FALSE;

  if (name != NULL && !g_str_equal (name, "saved") && !g_str_equal (name, "guess"))
    {
      if ((m = daftari_bank_mapping_preset (name)) == NULL)
        {
          g_autofree char *known = g_strjoinv (", ", (char **) daftari_bank_mapping_preset_names ());
          g_set_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_MALFORMED,
                       _("there is no mapping “%s”: use %s, saved or guess"), name, known);
          return NULL;
        }
    }
  else if (name == NULL || g_str_equal (name, "saved"))
    {
      g_autoptr(GError) local = NULL;
      m = daftari_import_mapping_load (cli->book, wallet_id, &local);
      if (local != NULL || (m == NULL && name != NULL))
        {
          if (local != NULL)
            g_propagate_error (error, g_steal_pointer (&local));
          else
            g_set_error_literal (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_MALFORMED,
                                 _("no mapping is remembered for this wallet: give the columns, or "
                                   "--mapping guess, and --save-mapping"));
          return NULL;
        }
    }
  if (m == NULL && (m = daftari_bank_mapping_guess (data, length, error)) == NULL)
    return NULL;
  if (!apply_options (m, o, &changed, error))
    return NULL;
  if (changed)
    {
      g_free (m->name);
      m->name = g_strdup ("custom");
    }
  return g_steal_pointer (&m);
}

static void
print_result (DaftariCli *cli, const DaftariImportResult *result, gboolean dry_run)
{
  if (cli->json)
    print_json (result, dry_run);
  else
    print_text (result, dry_run);
}

static int
import_file (DaftariCli *cli, const char *kind, int argc, char **argv)
{
  g_autofree char *wallet_name = NULL, *password = NULL, *password_file = NULL;
  gboolean dry_run = FALSE, adjust = FALSE;
  MappingOptions mo = { .skip_rows = -1 };
  const GOptionEntry common[] = {
    { "wallet", 0, 0, G_OPTION_ARG_STRING, &wallet_name, N_("The wallet the rows go into"), N_("WALLET") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Show what would happen without writing"), NULL },
    { "adjust", 0, 0, G_OPTION_ARG_NONE, &adjust,
      N_("Book a difference from the file's last balance as a flagged adjustment"), NULL },
  };
  const GOptionEntry pdf[] = {
    { "password", 0, 0, G_OPTION_ARG_STRING, &password, N_("The statement's password"), N_("PASSWORD") },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      N_("Read the statement's password from the first line of a file"), N_("FILE") },
  };
  const GOptionEntry bank[] = {
    { "mapping", 0, 0, G_OPTION_ARG_STRING, &mo.name, N_("kcb, equity, co-op, saved (the wallet's) or guess"),
      N_("NAME") },
    { "date-col", 0, 0, G_OPTION_ARG_STRING, &mo.columns[0], N_("The date column (name or number)"), N_("COL") },
    { "description-col", 0, 0, G_OPTION_ARG_STRING, &mo.columns[1], N_("The description column"), N_("COL") },
    { "in-col", 0, 0, G_OPTION_ARG_STRING, &mo.columns[2], N_("The money in column"), N_("COL") },
    { "out-col", 0, 0, G_OPTION_ARG_STRING, &mo.columns[3], N_("The money out column"), N_("COL") },
    { "amount-col", 0, 0, G_OPTION_ARG_STRING, &mo.columns[4], N_("One signed amount column"), N_("COL") },
    { "indicator-col", 0, 0, G_OPTION_ARG_STRING, &mo.columns[5], N_("A debit/credit indicator column"),
      N_("COL") },
    { "balance-col", 0, 0, G_OPTION_ARG_STRING, &mo.columns[6], N_("The balance column"), N_("COL") },
    { "reference-col", 0, 0, G_OPTION_ARG_STRING, &mo.columns[7], N_("The reference column"), N_("COL") },
    { "date-format", 0, 0, G_OPTION_ARG_STRING, &mo.date_format, N_("dd/mm/yyyy, yyyy-mm-dd or dd-mmm-yyyy"),
      N_("FORMAT") },
    { "debit-marker", 0, 0, G_OPTION_ARG_STRING, &mo.debit_marker, N_("The indicator's text for money out"),
      N_("TEXT") },
    { "delimiter", 0, 0, G_OPTION_ARG_STRING, &mo.delimiter, N_("The field delimiter: , or ;"), N_("CHAR") },
    { "decimal", 0, 0, G_OPTION_ARG_STRING, &mo.decimal, N_("The decimal separator: . or ,"), N_("CHAR") },
    { "thousands", 0, 0, G_OPTION_ARG_STRING, &mo.thousands, N_("The thousands separator, space or none"),
      N_("CHAR") },
    { "skip-rows", 0, 0, G_OPTION_ARG_INT, &mo.skip_rows, N_("Rows before the header row"), N_("N") },
    { "save-mapping", 0, 0, G_OPTION_ARG_NONE, &mo.save, N_("Remember the mapping for the wallet"), NULL },
  };
  g_autoptr(GArray) entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariAccount) wallet = NULL;
  g_autoptr(DaftariImportParse) parse = NULL;
  g_autoptr(DaftariImportResult) result = NULL;
  g_autofree char *data = NULL;
  g_autofree char *base = NULL;
  ParseExtras extras = { NULL, NULL };
  DaftariImportOptions options = { 0 };
  gboolean is_bank = g_str_equal (kind, "bank-csv");
  gsize length = 0;
  int status = DAFTARI_EXIT_OK;

  g_array_append_vals (entries, common, G_N_ELEMENTS (common));
  if (g_str_equal (kind, "mpesa-pdf"))
    g_array_append_vals (entries, pdf, G_N_ELEMENTS (pdf));
  if (is_bank)
    g_array_append_vals (entries, bank, G_N_ELEMENTS (bank));
  if (!daftari_cli_parse (cli, &argc, &argv, _("FILE"), _("Import a file into a wallet."),
                          (const GOptionEntry *) (gpointer) entries->data))
    status = DAFTARI_EXIT_USAGE;
  else if (argc != 1)
    status = daftari_cli_usage ("%s", _("import needs exactly one FILE"));
  else if (wallet_name == NULL)
    status = daftari_cli_usage ("%s", _("import needs --wallet WALLET"));
  else if (password != NULL && password_file != NULL)
    status = daftari_cli_usage ("%s", _("give --password or --password-file, not both"));
  if (status != DAFTARI_EXIT_OK)
    {
      mapping_options_clear (&mo);
      return status;
    }
  /* The file first: a file refused whole needs no book. */
  if (!daftari_import_source_read_file (argv[0], &data, &length, &error) ||
      !read_password (password, password_file, &extras.password, &error))
    {
      mapping_options_clear (&mo);
      g_printerr ("daftari-cli: %s\n", error->message);
      return DAFTARI_EXIT_REFUSED;
    }
  if (!daftari_cli_open_book (cli, &status))
    status = status != DAFTARI_EXIT_OK ? status : DAFTARI_EXIT_FILE;
  else if ((wallet = daftari_cli_account (cli, wallet_name, &error)) == NULL)
    status = daftari_cli_fail (cli, error);
  else if ((is_bank && (extras.mapping = choose_mapping (cli, wallet->id, &mo, data, length, &error)) == NULL) ||
           (parse = parse_file (kind, data, length, &extras, &error)) == NULL)
    {
      g_printerr ("daftari-cli: %s\n", error->message);
      status = DAFTARI_EXIT_REFUSED;
    }
  if (status == DAFTARI_EXIT_OK)
    {
      base = g_path_get_basename (argv[0]);
      options.dry_run = dry_run;
      options.adjust_balance = adjust;
      result = daftari_import_rows_full (cli->book, wallet->id, kind, base, parse, &options, NULL, &error);
      if (result == NULL || (is_bank && mo.save && !dry_run &&
                             !daftari_import_mapping_save (cli->book, wallet->id, extras.mapping, &error)))
        status = daftari_cli_fail (cli, error);
      else
        print_result (cli, result, dry_run);
    }
  daftari_bank_mapping_free (extras.mapping);
  g_free (extras.password);
  mapping_options_clear (&mo);
  return status;
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
  static const char *const kinds[] = { "mpesa-csv", "mpesa-pdf", "sms", "daraja", "bank-csv" };

  cli->group = "import";
  for (guint i = 0; argc >= 2 && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (argv[1], kinds[i]))
      return import_file (cli, kinds[i], argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "undo"))
    return import_undo (cli, argc - 1, argv + 1);
  return daftari_cli_usage ("%s", _("use “import mpesa-csv”, “import mpesa-pdf”, “import sms”, “import daraja”, "
                                    "“import bank-csv” or “import undo”"));
}
