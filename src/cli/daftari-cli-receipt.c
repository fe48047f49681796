/* SPDX-License-Identifier: GPL-3.0-or-later */
/* receipt scan FILE... ; receipt save FILE --wallet W ... ; receipt-eval DIR. */
#include "daftari-cli-context.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "daftari-receipt.h"

/* ---- receipt scan ------------------------------------------------------- */

static void
print_scan_text (const char *path, const DaftariReceiptScan *scan)
{
  const DaftariReceiptFields *fields = scan->fields;
  g_autofree char *models = scan->second_model != NULL ? g_strdup_printf ("%s, %s", scan->languages, scan->second_model)
                                                       : g_strdup (scan->languages);

  g_print ("%s\n", path);
  for (guint i = 0; i < DAFTARI_RECEIPT_N_FIELDS; i++)
    {
      const DaftariReceiptField *field = &fields->field[i];

      if (field->value == NULL)
        g_print ("  %-16s —\n", daftari_receipt_field_label (i));
      else
        g_print ("  %-16s %s  (%d%s)\n", daftari_receipt_field_label (i), field->value, field->confidence,
                 field->confidence < DAFTARI_RECEIPT_CONFIDENT ? _(", check it") : "");
    }
  for (guint i = 0; i < fields->items->len; i++)
    {
      const DaftariReceiptItem *item = g_ptr_array_index (fields->items, i);
      g_autofree char *amount = daftari_receipt_format_amount (item->amount);

      g_print ("    %-40s %12s\n", item->description, amount);
    }
  g_print (_("  read with Tesseract (%s) in %.2f s\n"), models, scan->seconds);
}

static void
add_words_json (JsonBuilder *builder, const char *member, GArray *words)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < words->len; i++)
    {
      const DaftariReceiptWord *w = &g_array_index (words, DaftariReceiptWord, i);

      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, w->text);
      json_builder_add_int_value (builder, w->line);
      json_builder_add_int_value (builder, w->confidence);
      json_builder_add_int_value (builder, w->box.x);
      json_builder_add_int_value (builder, w->box.y);
      json_builder_add_int_value (builder, w->box.width);
      json_builder_add_int_value (builder, w->box.height);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
}

/* Extra readings of a line (of words each), as an array of {"words": …}. */
static void
add_readings_json (JsonBuilder *builder, const char *name, GPtrArray *readings)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < readings->len; i++)
    {
      json_builder_begin_object (builder);
      add_words_json (builder, "words", g_ptr_array_index (readings, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_scan_json (JsonBuilder *builder, const char *path, const DaftariReceiptScan *scan, gboolean words)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, path);
  json_builder_set_member_name (builder, "languages");
  json_builder_add_string_value (builder, scan->languages);
  daftari_cli_json_text (builder, "second_model", scan->second_model);
  json_builder_set_member_name (builder, "seconds");
  json_builder_add_double_value (builder, scan->seconds);
  daftari_receipt_picture_to_json (scan, builder);
  daftari_receipt_fields_to_json (scan->fields, builder);
  if (words)
    add_words_json (builder, "words", scan->words);
  if (words && scan->second_words != NULL)
    add_words_json (builder, "second_words", scan->second_words);
  if (words && scan->reread_words != NULL)
    add_words_json (builder, "reread_words", scan->reread_words);
  if (words && scan->latin_words != NULL)
    add_words_json (builder, "latin_words", scan->latin_words);
  if (words && scan->latin_date_words != NULL)
    add_words_json (builder, "latin_date_words", scan->latin_date_words);
  if (words && scan->date_readings != NULL)
    add_readings_json (builder, "date_readings", scan->date_readings);
  if (words && scan->total_readings != NULL)
    add_readings_json (builder, "total_readings", scan->total_readings);
  json_builder_end_object (builder);
}

static int
receipt_scan (DaftariCli *cli, int argc, char **argv)
{
  gboolean words = FALSE;
  const GOptionEntry entries[] = {
    { "words", 0, 0, G_OPTION_ARG_NONE, &words, N_("With --json: every word read, with its line, confidence and box"),
      NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariReceiptReader) reader = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, _("FILE…"), _("Read the fields of receipts."), entries))
    return DAFTARI_EXIT_USAGE;
  if (argc < 1)
    return daftari_cli_usage ("%s", _("receipt scan needs at least one FILE"));
  if ((reader = daftari_receipt_reader_new (&error)) == NULL)
    return daftari_cli_fail (cli, error);
  json_builder_begin_array (builder);
  for (int i = 0; i < argc; i++)
    {
      g_autoptr(DaftariReceiptScan) scan = daftari_receipt_reader_scan_file (reader, argv[i], NULL, &error);

      if (scan == NULL)
        {
          g_printerr ("daftari-cli: %s: %s\n", argv[i], error->message);
          g_clear_error (&error);
          status = DAFTARI_EXIT_REFUSED;
          continue;
        }
      if (cli->json)
        add_scan_json (builder, argv[i], scan, words);
      else
        print_scan_text (argv[i], scan);
    }
  json_builder_end_array (builder);
  if (cli->json)
    daftari_cli_print_json (builder);
  return status;
}

/* ---- receipt save ------------------------------------------------------- */

typedef struct {
  char    *wallet, *category, *amount, *date, *merchant;
  gboolean again;
} SaveOptions;

static void
save_options_clear (SaveOptions *o)
{
  g_free (o->wallet);
  g_free (o->category);
  g_free (o->amount);
  g_free (o->date);
  g_free (o->merchant);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SaveOptions, save_options_clear)

/* The amount typed, or the total read, in the wallet's commodity. */
static gboolean
save_amount (const SaveOptions *o, const DaftariReceiptScan *scan, const DaftariAccount *wallet,
             gint64 *out_amount, GError **error)
{
  if (o->amount != NULL)
    return daftari_money_parse (o->amount, wallet->commodity, out_amount, error);
  if (scan->fields->field[DAFTARI_RECEIPT_TOTAL].value == NULL)
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                   _("No total was found on the receipt; give the amount with --amount"));
      return FALSE;
    }
  return daftari_receipt_amount_to_minor (scan->fields->total, wallet->commodity, out_amount, error);
}

static gboolean
save_date (DaftariCli *cli, const SaveOptions *o, const DaftariReceiptScan *scan, gint64 *out_ts, GError **error)
{
  if (o->date == NULL && scan->fields->date != 0)
    {
      *out_ts = daftari_calendar_day_noon (daftari_book_get_calendar (cli->book), scan->fields->date);
      return TRUE;
    }
  if (o->date == NULL)
    g_printerr ("%s\n", _("daftari-cli: no date was found on the receipt; today is used (give one with --date)"));
  return daftari_cli_date (cli, o->date, out_ts, error);
}

static gint64
save_category (DaftariCli *cli, const SaveOptions *o, const char *merchant, GError **error)
{
  g_autoptr(DaftariAccount) category = NULL;

  if (o->category == NULL)
    return daftari_receipt_suggest_category (cli->book, merchant, error);
  if ((category = daftari_cli_account (cli, o->category, error)) == NULL)
    return 0;
  return category->id;
}

static void
print_saved (DaftariCli *cli, gint64 txn_id, gint64 attachment_id, const DaftariTxn *txn)
{
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "attachment");
      json_builder_add_int_value (builder, attachment_id);
      json_builder_set_member_name (builder, "txn");
      daftari_cli_txn_json (cli, builder, txn);
      json_builder_end_object (builder);
      daftari_cli_print_json (builder);
      return;
    }
  daftari_cli_print_txn (cli, txn, TRUE);
  g_print (_("Receipt image attached (attachment %lld) to transaction %lld\n"), (long long) attachment_id,
           (long long) txn_id);
}

static int
receipt_save (DaftariCli *cli, int argc, char **argv)
{
  g_auto(SaveOptions) o = { 0 };
  const GOptionEntry entries[] = {
    { "wallet", 0, 0, G_OPTION_ARG_STRING, &o.wallet, N_("The wallet the receipt was paid from"), N_("WALLET") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &o.category, N_("The expense category (default: suggested)"),
      N_("CATEGORY") },
    { "amount", 0, 0, G_OPTION_ARG_STRING, &o.amount, N_("The amount, instead of the total read"), N_("AMOUNT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &o.date, N_("The date, instead of the date read"), N_("YYYY-MM-DD") },
    { "merchant", 0, 0, G_OPTION_ARG_STRING, &o.merchant, N_("The merchant, instead of the name read"),
      N_("NAME") },
    { "again", 0, 0, G_OPTION_ARG_NONE, &o.again, N_("Save it even if this receipt was saved before"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariReceiptReader) reader = NULL;
  g_autoptr(DaftariReceiptScan) scan = NULL;
  g_autoptr(DaftariAccount) wallet = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(DaftariTxn) txn = NULL;
  g_autofree char *details = NULL;
  g_autofree char *name = NULL;
  DaftariReceiptSave spec = { 0 };
  gint64 txn_id = 0, attachment_id = 0;
  const char *merchant;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, _("FILE"), _("Save a receipt as an expense, its image attached."),
                          entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 1)
    return daftari_cli_usage ("%s", _("receipt save needs exactly one FILE"));
  if (o.wallet == NULL)
    return daftari_cli_usage ("%s", _("receipt save needs --wallet WALLET"));
  file = g_file_new_for_commandline_arg (argv[0]);
  if ((bytes = g_file_load_bytes (file, NULL, NULL, &error)) == NULL
      || (reader = daftari_receipt_reader_new (&error)) == NULL
      || (scan = daftari_receipt_reader_scan_bytes (reader, bytes, NULL, NULL, NULL, &error)) == NULL)
    return daftari_cli_fail (cli, error);
  if (!daftari_cli_open_book (cli, &status))
    return status;
  merchant = o.merchant != NULL ? o.merchant : scan->fields->field[DAFTARI_RECEIPT_MERCHANT].value;
  details = daftari_receipt_details_to_json_string (scan);
  name = g_file_get_basename (file);
  spec = (DaftariReceiptSave) { .memo = merchant, .image = bytes, .mime = scan->mime, .name = name,
                                .details = details };
  if ((wallet = daftari_cli_account (cli, o.wallet, &error)) == NULL
      || !save_amount (&o, scan, wallet, &spec.amount, &error)
      || !save_date (cli, &o, scan, &spec.ts, &error)
      || (spec.category_id = save_category (cli, &o, merchant, &error)) == 0)
    return daftari_cli_fail (cli, error);
  spec.wallet_id = wallet->id;
  spec.again = o.again;
  if (!daftari_receipt_save (cli->book, &spec, &txn_id, &attachment_id, &error))
    {
      /* The core's message asks whether it was paid twice; say how to. */
      if (g_error_matches (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_EXISTS))
        {
          g_autofree char *hint = g_strdup_printf (_("%s (with --again)"), error->message);
          g_free (error->message);
          error->message = g_steal_pointer (&hint);
        }
      return daftari_cli_fail (cli, error);
    }
  if ((txn = daftari_ledger_get (cli->book, txn_id, &error)) == NULL)
    return daftari_cli_fail (cli, error);
  print_saved (cli, txn_id, attachment_id, txn);
  return DAFTARI_EXIT_OK;
}

int
daftari_cli_receipt (DaftariCli *cli, int argc, char **argv)
{
  cli->group = "receipt";
  if (argc >= 2 && g_str_equal (argv[1], "scan"))
    return receipt_scan (cli, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "save"))
    return receipt_save (cli, argc - 1, argv + 1);
  return daftari_cli_usage ("%s", _("use “receipt scan FILE…” or “receipt save FILE --wallet WALLET”"));
}

/* ---- receipt-eval ------------------------------------------------------- */

typedef struct {
  guint   n, total_ok, date_ok, merchant_ok;
  GArray *seconds;           /* double: our reading of each receipt */
  GArray *baseline;          /* double: `tesseract IMG stdout` on each */
  gboolean show_misses;
  const char *words_dir;     /* NULL, or where each receipt's recognised words are kept */
} Eval;

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  guint n = values->len;

  if (n == 0)
    return 0;
  g_array_sort (values, compare_doubles);
  return n % 2 ? g_array_index (values, double, n / 2)
               : (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

/* The time of the plain tesseract command on the raw image, one thread as
 * we use, output thrown away: the baseline we are measured against. */
static gboolean
time_tesseract (const char *image, double *out_seconds)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                                                       | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) process = NULL;
  gint64 start = g_get_monotonic_time ();

  g_subprocess_launcher_setenv (launcher, "OMP_THREAD_LIMIT", "1", TRUE);
  process = g_subprocess_launcher_spawn (launcher, NULL, "tesseract", image, "stdout", NULL);
  if (process == NULL || !g_subprocess_wait_check (process, NULL, NULL))
    return FALSE;
  *out_seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  return TRUE;
}

static const char *
key_string (JsonObject *key, const char *member)
{
  return json_object_has_member (key, member) ? json_object_get_string_member_with_default (key, member, "") : "";
}

/* text from its first digit on ("$8.20" → "8.20"); "" when it has none. */
static const char *
amount_of (const char *text)
{
  while (text != NULL && *text != '\0' && !g_ascii_isdigit (*text) && *text != '-')
    text++;
  return text != NULL ? text : "";
}

static const char *
or_dash (const char *value)
{
  return value != NULL ? value : "-";
}

/* One line per receipt with a field read wrong: what the key says, then
 * what was read. */
static void
print_miss (const char *name, JsonObject *key, const DaftariReceiptFields *f, gboolean total_ok, gboolean date_ok,
            gboolean merchant_ok)
{
  g_autoptr(GString) line = g_string_new (name);

  g_string_append_c (line, ':');
  if (!total_ok)
    g_string_append_printf (line, " total %s≠%s", key_string (key, "total"),
                            or_dash (f->field[DAFTARI_RECEIPT_TOTAL].value));
  if (!date_ok)
    g_string_append_printf (line, " date %s≠%s", key_string (key, "date"),
                            or_dash (f->field[DAFTARI_RECEIPT_DATE].value));
  if (!merchant_ok)
    g_string_append_printf (line, " merchant %s≠%s", key_string (key, "company"),
                            or_dash (f->field[DAFTARI_RECEIPT_MERCHANT].value));
  g_printerr ("%s\n", line->str);
}

static void
score_receipt (Eval *ev, const char *name, JsonObject *key, const DaftariReceiptScan *scan)
{
  const DaftariReceiptFields *f = scan->fields;
  const DaftariCommodity *two_decimals = daftari_commodity_lookup ("KES");
  g_autofree char *want_company = daftari_receipt_normalise_company (key_string (key, "company"));
  g_autofree char *got_company = daftari_receipt_normalise_company (
      f->field[DAFTARI_RECEIPT_MERCHANT].value != NULL ? f->field[DAFTARI_RECEIPT_MERCHANT].value : "");
  gint64 want_total = -1;
  DaftariDay want_day = 0;
  gboolean total_ok, date_ok, merchant_ok;

  /* Some answer keys write the total with a currency sign ("$8.20", "RM 8.20"):
   * the amount is what is scored. */
  daftari_money_parse (amount_of (key_string (key, "total")), two_decimals, &want_total, NULL);
  daftari_receipt_parse_date (key_string (key, "date"), &want_day);
  total_ok = f->field[DAFTARI_RECEIPT_TOTAL].value != NULL && f->total == want_total;
  date_ok = want_day != 0 && f->date == want_day;
  merchant_ok = want_company[0] != '\0' && g_str_equal (want_company, got_company);
  ev->total_ok += total_ok;
  ev->date_ok += date_ok;
  ev->merchant_ok += merchant_ok;
  if (ev->show_misses && (!total_ok || !date_ok || !merchant_ok))
    print_miss (name, key, f, total_ok, date_ok, merchant_ok);
}

/* --words DIR: the words Tesseract read from a receipt, kept in
 * DIR/NNN.json (as `receipt scan --json --words` prints them), so that
 * work on the extractor can be scored again without recognising every
 * image again. The time kept is the time of the recognition. */
static GArray *
words_from_json (JsonObject *o, const char *member)
{
  JsonArray *words = json_object_has_member (o, member) ? json_object_get_array_member (o, member) : NULL;
  g_autoptr(GArray) out = NULL;

  if (words == NULL)
    return NULL;
  out = daftari_receipt_words_new ();
  for (guint i = 0; i < json_array_get_length (words); i++)
    {
      JsonArray *w = json_array_get_array_element (words, i);
      DaftariReceiptBox box;

      if (w == NULL || json_array_get_length (w) != 7)
        return NULL;
      box = (DaftariReceiptBox) { json_array_get_int_element (w, 3), json_array_get_int_element (w, 4),
                                  json_array_get_int_element (w, 5), json_array_get_int_element (w, 6) };
      daftari_receipt_words_add (out, json_array_get_string_element (w, 0), &box,
                                 json_array_get_int_element (w, 2), json_array_get_int_element (w, 1));
    }
  return g_steal_pointer (&out);
}

static DaftariReceiptFields *
extract_words (GArray *words)
{
  return daftari_receipt_extract ((const DaftariReceiptWord *) (gpointer) words->data, words->len);
}

/* A member written by add_readings_json; NULL when absent (not read). */
static GPtrArray *
readings_from_json (JsonObject *o, const char *member)
{
  JsonArray *a;
  GPtrArray *readings;

  if (!json_object_has_member (o, member))
    return NULL;
  a = json_object_get_array_member (o, member);
  readings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint i = 0; a != NULL && i < json_array_get_length (a); i++)
    {
      GArray *w = words_from_json (json_array_get_object_element (a, i), "words");

      g_ptr_array_add (readings, w != NULL ? w : daftari_receipt_words_new ());
    }
  return readings;
}

static DaftariReceiptScan *
load_words (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(DaftariReceiptScan) scan = NULL;
  JsonObject *o;

  if (!json_parser_load_from_file (parser, path, NULL) || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  o = json_node_get_object (json_parser_get_root (parser));
  scan = g_new0 (DaftariReceiptScan, 1);
  if ((scan->words = words_from_json (o, "words")) == NULL)
    return NULL;
  scan->second_words = words_from_json (o, "second_words");
  scan->reread_words = words_from_json (o, "reread_words");
  scan->latin_words = words_from_json (o, "latin_words");
  scan->latin_date_words = words_from_json (o, "latin_date_words");
  scan->date_readings = readings_from_json (o, "date_readings");
  scan->total_readings = readings_from_json (o, "total_readings");
  scan->seconds = json_object_get_double_member_with_default (o, "seconds", 0);
  scan->width = json_object_get_int_member_with_default (o, "width", 0);
  scan->height = json_object_get_int_member_with_default (o, "height", 0);
  if (!daftari_receipt_box_from_json (json_object_get_member (o, "paper"), &scan->paper))
    scan->paper = (DaftariReceiptBox) { 0, 0, scan->width, scan->height };
  scan->languages = g_strdup (json_object_get_string_member_with_default (o, "languages", ""));
  if (json_object_has_member (o, "second_model") && !json_object_get_null_member (o, "second_model"))
    scan->second_model = g_strdup (json_object_get_string_member (o, "second_model"));
  /* As the reader does: the second reading's fields merged in. */
  scan->fields = extract_words (scan->words);
  if (scan->second_words != NULL && scan->second_words->len > 0)
    scan->fields = daftari_receipt_fields_merge (scan->fields, extract_words (scan->second_words));
  if (scan->reread_words != NULL && scan->reread_words->len > 0)
    scan->fields = daftari_receipt_fields_merge_reread (scan->fields, extract_words (scan->reread_words), scan->words,
                                                        scan->second_words, scan->reread_words);
  if (scan->latin_words != NULL && scan->latin_words->len > 0)
    scan->fields = daftari_receipt_fields_merge_latin (scan->fields, extract_words (scan->latin_words), scan->words,
                                                       scan->second_words, scan->reread_words, scan->latin_words,
                                                       scan->latin_date_words);
  if (scan->date_readings != NULL)
    daftari_receipt_scan_vote_date (scan);
  if (scan->total_readings != NULL)
    daftari_receipt_scan_vote_total (scan);
  return g_steal_pointer (&scan);
}

static void
save_words (const char *path, const char *image, const DaftariReceiptScan *scan)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  add_scan_json (builder, image, scan, TRUE);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  if (!json_generator_to_file (generator, path, &error))
    g_printerr ("daftari-cli: %s\n", error->message);
}

static DaftariReceiptScan *
eval_scan (Eval *ev, DaftariReceiptReader *reader, const char *image, const char *stem, GError **error)
{
  g_autofree char *name = g_strconcat (stem, ".json", NULL);
  g_autofree char *cached = ev->words_dir != NULL ? g_build_filename (ev->words_dir, name, NULL) : NULL;
  DaftariReceiptScan *scan = cached != NULL ? load_words (cached) : NULL;

  if (scan != NULL)
    return scan;
  scan = daftari_receipt_reader_scan_file (reader, image, NULL, error);
  if (scan != NULL && cached != NULL)
    save_words (cached, image, scan);
  return scan;
}

/* One receipt of the directory: NNN.jpg with key/NNN.json. A receipt we
 * cannot read scores zero on every field; its time is still counted. */
static void
eval_one (Eval *ev, DaftariReceiptReader *reader, const char *dir, const char *image_name, gboolean baseline)
{
  g_autofree char *stem = g_strndup (image_name, strrchr (image_name, '.') - image_name);
  g_autofree char *key_name = g_strconcat (stem, ".json", NULL);
  g_autofree char *image = g_build_filename (dir, "img", image_name, NULL);
  g_autofree char *key_path = g_build_filename (dir, "key", key_name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariReceiptScan) scan = NULL;
  gint64 start;
  double seconds;

  if (!json_parser_load_from_file (parser, key_path, &error) || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_printerr (_("daftari-cli: %s has no usable key (%s); skipped\n"), image_name,
                  error != NULL ? error->message : _("not a JSON object"));
      return;
    }
  start = g_get_monotonic_time ();
  scan = eval_scan (ev, reader, image, stem, &error);
  seconds = scan != NULL && scan->seconds > 0 ? scan->seconds
                                              : (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  g_array_append_val (ev->seconds, seconds);
  ev->n++;
  if (scan == NULL)
    g_printerr ("daftari-cli: %s: %s\n", image_name, error->message);
  else
    score_receipt (ev, stem, json_node_get_object (json_parser_get_root (parser)), scan);
  if (baseline && time_tesseract (image, &seconds))
    g_array_append_val (ev->baseline, seconds);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static GPtrArray *
list_images (const char *dir, GError **error)
{
  g_autofree char *img = g_build_filename (dir, "img", NULL);
  g_autoptr(GDir) d = g_dir_open (img, 0, error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (d == NULL)
    return NULL;
  while ((name = g_dir_read_name (d)) != NULL)
    if (strrchr (name, '.') != NULL && strrchr (name, '.') != name)
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  return g_steal_pointer (&names);
}

/* Only the images whose name's number is odd (or even); names without a
 * number go with the even ones. */
static void
keep_parity (GPtrArray *images, gboolean odd)
{
  for (guint i = images->len; i > 0; i--)
    {
      const char *name = g_ptr_array_index (images, i - 1);
      guint64 number = g_ascii_strtoull (name, NULL, 10);

      if ((number % 2 == 1) != odd)
        g_ptr_array_remove_index (images, i - 1);
    }
}

static void
print_eval (DaftariCli *cli, const Eval *ev, const char *languages, const char *second_model)
{
  double n = MAX (ev->n, 1), ours = median (ev->seconds), base = median (ev->baseline);
  const struct { const char *name; double value; } figures[] = {
    { "total_accuracy", ev->total_ok / n }, { "date_accuracy", ev->date_ok / n },
    { "merchant_accuracy", ev->merchant_ok / n }, { "median_seconds", ours },
    { "baseline_median_seconds", base }, { "ratio_to_baseline", base > 0 ? ours / base : 0 },
  };
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (!cli->json)
    {
      g_print ("%-24s %u\n%-24s %s\n%-24s %s\n", "receipts", ev->n, "languages", languages, "second_model",
               second_model != NULL ? second_model : "-");
      for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
        g_print ("%-24s %.3f\n", figures[i].name, figures[i].value);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "receipts");
  json_builder_add_int_value (builder, ev->n);
  json_builder_set_member_name (builder, "languages");
  json_builder_add_string_value (builder, languages);
  daftari_cli_json_text (builder, "second_model", second_model);
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      json_builder_set_member_name (builder, figures[i].name);
      json_builder_add_double_value (builder, figures[i].value);
    }
  json_builder_end_object (builder);
  daftari_cli_print_json (builder);
}

int
daftari_cli_receipt_eval (DaftariCli *cli, int argc, char **argv)
{
  int limit = 0, skip = 0;
  gboolean no_baseline = FALSE, misses = FALSE;
  g_autofree char *only = NULL, *words_dir = NULL;
  const GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("Score only the first N receipts (by name)"), N_("N") },
    { "skip", 0, 0, G_OPTION_ARG_INT, &skip, N_("Skip the first N receipts (by name)"), N_("N") },
    { "no-baseline", 0, 0, G_OPTION_ARG_NONE, &no_baseline, N_("Do not time the tesseract command"), NULL },
    { "misses", 0, 0, G_OPTION_ARG_NONE, &misses, N_("List the fields read wrong, on stderr"), NULL },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only,
      N_("Score only the receipts whose number is odd, or even (to develop on one half, check on the other)"),
      N_("odd|even") },
    { "words", 0, 0, G_OPTION_ARG_FILENAME, &words_dir,
      N_("Keep the words read from each receipt in DIR and reuse them next time (to work on the extractor)"),
      N_("DIR") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(DaftariReceiptReader) reader = NULL;
  g_autoptr(GArray) seconds = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) baseline = g_array_new (FALSE, FALSE, sizeof (double));
  Eval ev = { .seconds = seconds, .baseline = baseline };

  if (!daftari_cli_parse (cli, &argc, &argv, _("DIR"), _("Score receipt reading on a directory of receipts "
                                                        "(img/NNN.jpg with key/NNN.json)."), entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 1)
    return daftari_cli_usage ("%s", _("receipt-eval needs exactly one DIR"));
  if (limit < 0 || skip < 0)
    return daftari_cli_usage ("%s", _("--limit and --skip take a number of receipts, 0 or more"));
  if (only != NULL && !g_str_equal (only, "odd") && !g_str_equal (only, "even"))
    return daftari_cli_usage ("%s", _("--only takes “odd” or “even”"));
  if (words_dir != NULL && g_mkdir_with_parents (words_dir, 0700) != 0)
    return daftari_cli_usage (_("cannot create the folder %s"), words_dir);
  ev.show_misses = misses;
  ev.words_dir = words_dir;
  if ((images = list_images (argv[0], &error)) == NULL || (reader = daftari_receipt_reader_new (&error)) == NULL)
    return daftari_cli_fail (cli, error);
  if (only != NULL)
    keep_parity (images, g_str_equal (only, "odd"));
  for (guint i = (guint) skip; i < images->len && (limit == 0 || i < (guint) (skip + limit)); i++)
    eval_one (&ev, reader, argv[0], g_ptr_array_index (images, i), !no_baseline);
  if (ev.n == 0)
    {
      g_printerr (_("daftari-cli: no receipts with keys in %s\n"), argv[0]);
      return DAFTARI_EXIT_REFUSED;
    }
  print_eval (cli, &ev, daftari_receipt_reader_get_languages (reader),
              daftari_receipt_reader_get_second_model (reader));
  return DAFTARI_EXIT_OK;
}
