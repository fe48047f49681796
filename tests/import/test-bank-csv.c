/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Bank CSV exports through a mapping: the three layouts modelled on KCB,
 * Equity and Co-op exports (docs/import.md says what was assumed), the
 * guesser, decimal conventions, bad rows and files, the mapping remembered
 * per wallet, idempotent import into a book, and the CLI. */
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "test-common.h"
#include "test-run-cli.h"
#include "daftari-bank-csv.h"
#include "daftari-error.h"
#include "daftari-import-error.h"
#include "daftari-import-mapping.h"
#include "daftari-import.h"
#include "import-parse-test.h"

/* KCB-like: account details above the header, dd Mon yyyy, money out
 * before money in, a narration wrapped into a row of its own, newest first. */
static const char kcb[] =
  "KCB BANK KENYA\r\nAccount Name,DEMO SHOP LTD\r\nAccount Number,1234567890\r\n\r\n"
  "Transaction Date,Value Date,Transaction Details,Bank Reference Number,Money Out,Money In,Ledger Balance\r\n"
  "06 Mar 2025,06 Mar 2025,\"CHEQUE 000123, RENT MARCH\",CHQ000123,\"10,000.00\",,\"1,470.00\"\r\n"
  "05 Mar 2025,05 Mar 2025,LEDGER FEE,FT25064ABD,30.00,,\"11,470.00\"\r\n"
  "05 Mar 2025,05 Mar 2025,MPESA C2B 600100,FT25064ABC,,\"1,500.00\",\"11,500.00\"\r\n"
  ",,SKA1B2C3D4 JANE WANJIRU,,,,\r\n"
  "04 Mar 2025,04 Mar 2025,OPENING DEPOSIT,FT25063AAA,,\"10,000.00\",\"10,000.00\"\r\n";

/* Equity-like: dd/mm/yyyy, Debit and Credit, a bad date and a bad amount. */
static const char equity[] =
  "Transaction Date,Value Date,Narrative,Transaction Reference,Debit,Credit,Running Balance\n"
  "01/03/2025,01/03/2025,SALARY FEBRUARY,S123,,\"45,000.00\",\"45,000.00\"\n"
  "31/02/2025,31/02/2025,NOT A DAY,S124,10.00,,\"44,990.00\"\n"
  "02/03/2025,02/03/2025,SHOP RENT,S125,\"1,00.0\",,\"44,990.00\"\n"
  "03/03/2025,03/03/2025,ATM WITHDRAWAL,S126,\"2,000.00\",,\"43,000.00\"\n"
  ",,TOTALS,,\"2,000.00\",\"45,000.00\",\n";

/* Co-op-like: semicolons, one amount with a Dr/Cr column, date and time. */
static const char coop[] =
  "Posting Date;Value Date;Narration;Reference;Amount;Dr/Cr;Book Balance\n"
  "2025-03-09 08:00:00;2025-03-09;CASH DEPOSIT;R0;10,000.00;CR;10,000.00\n"
  "2025-03-10 09:15:00;2025-03-10;POS KAMAU STORES;R1;1,250.50;DR;8,749.50\n"
  "2025-03-10 09:15:00;2025-03-10;POS KAMAU STORES;R1;1,250.50;DR;7,499.00\n";

static DaftariImportParse *
parse_with (const char *text, const DaftariBankMapping *m)
{
  g_autoptr(GError) error = NULL;
  DaftariImportParse *parse = daftari_bank_csv_parse (text, strlen (text), m, &error);

  g_assert_no_error (error);
  return parse;
}

static const char *
problem (DaftariImportParse *parse, guint i)
{
  return ((DaftariImportProblem *) g_ptr_array_index (parse->problems, i))->message;
}

static void
test_kcb (void)
{
  g_autoptr(DaftariBankMapping) m = daftari_bank_mapping_preset ("kcb");
  g_autoptr(DaftariImportParse) parse = parse_with (kcb, m);

  g_assert_cmpuint (parse->rows->len, ==, 4);
  g_assert_cmpuint (parse->problems->len, ==, 0);
  /* Turned round: oldest first. */
  g_assert_cmpstr (import_test_row (parse, 0)->details, ==, "OPENING DEPOSIT");
  g_assert_cmpint (import_test_row (parse, 0)->amount, ==, 1000000);
  g_assert_cmpstr (import_test_row (parse, 1)->details, ==, "MPESA C2B 600100 SKA1B2C3D4 JANE WANJIRU");
  g_assert_cmpstr (import_test_row (parse, 1)->reference, ==, "FT25064ABC");
  g_assert_cmpint (import_test_row (parse, 2)->amount, ==, -3000);
  g_assert_cmpint (import_test_row (parse, 3)->amount, ==, -1000000);
  g_assert_cmpint (import_test_row (parse, 3)->balance, ==, 147000);
  g_assert_cmpstr (import_test_row (parse, 3)->details, ==, "CHEQUE 000123, RENT MARCH");
  /* 2025-03-04, noon EAT. */
  g_assert_cmpint (import_test_row (parse, 0)->ts, ==, 1741078800);
  for (guint i = 0; i < parse->rows->len; i++)
    g_assert_true (g_str_has_prefix (import_test_row (parse, i)->key, "bank:"));
}

static void
test_equity_bad_rows (void)
{
  g_autoptr(DaftariBankMapping) m = daftari_bank_mapping_preset ("equity");
  g_autoptr(DaftariImportParse) parse = parse_with (equity, m);

  g_assert_cmpuint (parse->rows->len, ==, 2);
  g_assert_cmpint (import_test_row (parse, 1)->amount, ==, -200000);
  g_assert_cmpuint (parse->problems->len, ==, 3);
  g_assert_nonnull (strstr (problem (parse, 0), "31/02/2025"));
  g_assert_true (((DaftariImportProblem *) parse->problems->pdata[0])->rejected);
  g_assert_nonnull (strstr (problem (parse, 1), "1,00.0"));
  g_assert_cmpuint (((DaftariImportProblem *) parse->problems->pdata[1])->line, ==, 4);
  g_assert_nonnull (strstr (problem (parse, 2), "TOTALS"));
  g_assert_false (((DaftariImportProblem *) parse->problems->pdata[2])->rejected);
}

static void
test_coop_and_keys (void)
{
  g_autoptr(DaftariBankMapping) m = daftari_bank_mapping_preset ("co-op");
  g_autoptr(DaftariImportParse) parse = parse_with (coop, m);
  g_autoptr(DaftariImportParse) again = parse_with (coop, m);

  g_assert_cmpuint (parse->rows->len, ==, 3);
  g_assert_cmpint (import_test_row (parse, 0)->amount, ==, 1000000);
  g_assert_cmpint (import_test_row (parse, 1)->amount, ==, -125050);
  g_assert_cmpint (import_test_row (parse, 1)->ts, ==, 1741587300);   /* 2025-03-10 09:15:00 EAT */
  /* Two equal payments in one second: the balance tells them apart. */
  g_assert_cmpstr (import_test_row (parse, 1)->key, !=, import_test_row (parse, 2)->key);
  for (guint i = 0; i < parse->rows->len; i++)
    g_assert_cmpstr (import_test_row (parse, i)->key, ==, import_test_row (again, i)->key);
  g_assert_cmpuint (parse->problems->len, ==, 0);
}

static void
test_conventions (void)
{
  g_autoptr(DaftariBankMapping) m = daftari_bank_mapping_preset ("co-op");
  g_autoptr(GError) error = NULL;
  gint64 v = 0, ts = 0;

  m->decimal = ',';
  m->thousands = '.';
  g_assert_true (daftari_bank_csv_parse_amount ("1.250,50", m, &v, &error));
  g_assert_cmpint (v, ==, 125050);
  g_assert_true (daftari_bank_csv_parse_amount ("(12,00)", m, &v, &error));
  g_assert_cmpint (v, ==, -1200);
  g_assert_false (daftari_bank_csv_parse_amount ("1,250.50", m, &v, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  m->decimal = '.';
  m->thousands = ',';
  g_assert_true (daftari_bank_csv_parse_amount ("2,000.00 DR", m, &v, &error));
  g_assert_cmpint (v, ==, -200000);
  g_assert_false (daftari_bank_csv_parse_amount ("1,00.0", m, &v, &error));
  g_assert_nonnull (strstr (error->message, "thousands"));
  g_clear_error (&error);
  g_assert_true (daftari_bank_csv_parse_date ("29-Feb-2024 2:05 PM", DAFTARI_BANK_DATE_D_MON_Y, &ts));
  g_assert_cmpint (ts, ==, 1709204700);
  g_assert_false (daftari_bank_csv_parse_date ("31/02/25", DAFTARI_BANK_DATE_DMY, &ts));
  g_assert_false (daftari_bank_csv_parse_date ("29/02/2025", DAFTARI_BANK_DATE_DMY, &ts));
  g_assert_false (daftari_bank_csv_parse_date ("2025-03-10 25:00", DAFTARI_BANK_DATE_YMD, &ts));
}

static void
test_guess (void)
{
  const char *files[] = { kcb, equity, coop };
  const char *presets[] = { "kcb", "equity", "co-op" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DaftariBankMapping) guess = daftari_bank_mapping_guess (files[i], strlen (files[i]), &error);
      g_autoptr(DaftariBankMapping) preset = daftari_bank_mapping_preset (presets[i]);
      g_autoptr(DaftariImportParse) a = NULL, b = NULL;

      g_assert_no_error (error);
      g_assert_cmpint (guess->date_format, ==, preset->date_format);
      g_assert_cmpint (guess->delimiter, ==, preset->delimiter);
      /* The guess reads the file exactly as the bank's layout does. */
      a = parse_with (files[i], guess);
      b = parse_with (files[i], preset);
      g_assert_cmpuint (a->rows->len, ==, b->rows->len);
      for (guint k = 0; k < a->rows->len; k++)
        g_assert_cmpstr (import_test_row (a, k)->key, ==, import_test_row (b, k)->key);
    }
}

static void
test_bad_files (void)
{
  g_autoptr(DaftariBankMapping) m = daftari_bank_mapping_preset ("equity");
  g_autoptr(GError) error = NULL;
  gsize big = (gsize) 100 * 1024 * 1024;
  g_autofree char *junk = g_malloc0 (big);

  g_assert_null (daftari_bank_csv_parse ("a,b\n\xff\xfe", 6, m, &error));
  g_assert_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_NOT_TEXT);
  g_clear_error (&error);
  /* 100 MB of binary: refused whole, with where. */
  g_assert_null (daftari_bank_csv_parse (junk, big, m, &error));
  g_assert_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_NOT_TEXT);
  g_clear_error (&error);
  g_assert_null (daftari_bank_csv_parse (coop, strlen (coop), m, &error));
  g_assert_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "Transaction Date"));
  g_clear_error (&error);
  g_assert_null (daftari_bank_mapping_guess ("hello,world\n1,2\n", 16, &error));
  g_assert_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_MALFORMED);
  g_clear_error (&error);
  /* An unusable mapping. */
  g_free (m->amount);
  m->amount = g_strdup ("Amount");
  g_assert_null (daftari_bank_csv_parse (equity, strlen (equity), m, &error));
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID);
}

static void
test_remembered (void)
{
  TestBook *tb = test_book_new ();
  g_autofree char *dir = g_strdup (tb->dir);
  g_autoptr(DaftariBankMapping) m = daftari_bank_mapping_preset ("co-op");
  g_autoptr(DaftariBankMapping) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL, *b = NULL;

  g_assert_null (daftari_import_mapping_load (tb->book, tb->kcb, &error));
  g_assert_no_error (error);
  m->decimal = ',';
  m->thousands = ' ';
  g_assert_true (daftari_import_mapping_save (tb->book, tb->kcb, m, &error));
  g_assert_no_error (error);
  loaded = daftari_import_mapping_load (tb->book, tb->kcb, &error);
  g_assert_no_error (error);
  a = daftari_bank_mapping_to_json (m);
  b = daftari_bank_mapping_to_json (loaded);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpint (test_db_int (tb->path, "SELECT count(*) FROM import_mapping WHERE source = 'co-op'"), ==, 1);
  /* Not a wallet: refused. */
  g_assert_false (daftari_import_mapping_save (tb->book, tb->sales, m, &error));
  g_assert_nonnull (error);
  test_book_free (tb);
  test_remove_dir (dir);
}

static void
test_import (void)
{
  TestBook *tb = test_book_new ();
  g_autofree char *dir = g_strdup (tb->dir);
  g_autoptr(DaftariBankMapping) m = daftari_bank_mapping_preset ("kcb");
  g_autoptr(DaftariImportParse) parse = parse_with (kcb, m);
  gint64 wallet = test_add_wallet (tb->book, "KCB Biashara", DAFTARI_ACCOUNT_BANK, NULL, 0, 0, FALSE);
  g_autoptr(GError) error = NULL;
  DaftariImportResult *r;

  r = daftari_import_rows (tb->book, wallet, "bank-csv", "kcb.csv", parse, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (r->n_new, ==, 4);
  g_assert_cmpuint (r->warnings->len, ==, 0);
  g_assert_cmpint (test_balance (tb->book, wallet), ==, 147000);
  daftari_import_result_free (r);
  r = daftari_import_rows (tb->book, wallet, "bank-csv", "kcb.csv", parse, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (r->n_duplicate, ==, 4);
  g_assert_cmpuint (r->n_new, ==, 0);
  g_assert_cmpint (test_balance (tb->book, wallet), ==, 147000);
  daftari_import_result_free (r);
  test_book_free (tb);
  test_remove_dir (dir);
}

static JsonObject *
summary (JsonParser *parser, const char *out)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_cli (void)
{
  g_autofree char *dir = NULL, *book = NULL, *file = NULL, *huge = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *keys[] = { "rows", "new", "duplicate", "skipped", "held", "rejected", "warnings" };
  char *out = NULL, *err = NULL;
  JsonObject *o;
  FILE *f;

  if (g_getenv ("DAFTARI_CLI") == NULL)
    {
      g_test_skip ("DAFTARI_CLI is not set");
      return;
    }
  dir = test_make_dir ();
  book = g_build_filename (dir, "cli.daftari", NULL);
  file = g_build_filename (dir, "equity.csv", NULL);
  huge = g_build_filename (dir, "huge.csv", NULL);
  g_assert_true (g_file_set_contents (file, equity, -1, NULL));
  g_assert_cmpint (test_run_cli (book, &out, &err, "init", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (book, &out, &err, "account", "add", "Equity", "--kind", "bank", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Columns given by hand (numbers and names), remembered. */
  g_assert_cmpint (test_run_cli (book, &out, &err, "--json", "import", "bank-csv", file, "--wallet", "Equity",
                            "--date-col", "1", "--description-col", "Narrative", "--out-col", "Debit",
                            "--in-col", "Credit", "--balance-col", "7", "--reference-col", "4",
                            "--date-format", "dd/mm/yyyy", "--save-mapping", NULL), ==, 0);
  o = summary (parser, out);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (json_object_has_member (o, keys[i]));
  g_assert_cmpint (json_object_get_int_member (o, "new"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (o, "rejected"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (o, "skipped"), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_db_int (book, "SELECT count(*) FROM import_mapping"), ==, 1);

  /* Next time the remembered mapping reads it: all duplicates. */
  g_assert_cmpint (test_run_cli (book, &out, &err, "--json", "import", "bank-csv", file, "--wallet", "Equity",
                            "--dry-run", NULL), ==, 0);
  o = summary (parser, out);
  g_assert_cmpint (json_object_get_int_member (o, "duplicate"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (o, "new"), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A wrong layout refuses the file whole; an unknown name is explained. */
  g_assert_cmpint (test_run_cli (book, &out, &err, "import", "bank-csv", file, "--wallet", "Equity",
                            "--mapping", "co-op", NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (book, &out, &err, "import", "bank-csv", file, "--wallet", "Equity",
                            "--mapping", "barclays", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "barclays"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Over the size limit: refused before reading (a sparse file). */
  f = g_fopen (huge, "wb");
  g_assert_nonnull (f);
  g_assert_cmpint (fseeko (f, (off_t) 201 * 1024 * 1024, SEEK_SET), ==, 0);
  fputc ('\n', f);
  fclose (f);
  g_assert_cmpint (test_run_cli (book, &out, &err, "import", "bank-csv", huge, "--wallet", "Equity", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "200 MB"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_db_int (book, "SELECT count(*) FROM import_batch"), ==, 1);
  test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  test_common_init (&argc, &argv);
  g_test_add_func ("/bank-csv/kcb", test_kcb);
  g_test_add_func ("/bank-csv/equity-bad-rows", test_equity_bad_rows);
  g_test_add_func ("/bank-csv/co-op", test_coop_and_keys);
  g_test_add_func ("/bank-csv/conventions", test_conventions);
  g_test_add_func ("/bank-csv/guess", test_guess);
  g_test_add_func ("/bank-csv/bad-files", test_bad_files);
  g_test_add_func ("/bank-csv/remembered", test_remembered);
  g_test_add_func ("/bank-csv/import", test_import);
  g_test_add_func ("/bank-csv/cli", test_cli);
  return g_test_run ();
}
