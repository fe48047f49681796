/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The M-PESA statement PDF reader on statements drawn here with cairo and
 * pango as the spec lays them out (both title variants, both signs of
 * Withdrawn, wrapped details, several pages, rows of one second out of
 * order), an encrypted copy made with qpdf, and files that are not
 * statements; then into a book and through the CLI. */
#include <cairo-pdf.h>
#include <json-glib/json-glib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "test-common.h"
#include "test-run-cli.h"
#include "daftari-import-error.h"
#include "daftari-import.h"
#include "daftari-mpesa-pdf.h"
#include "import-parse-test.h"

typedef struct {
  const char *receipt, *time, *details, *status, *paid_in, *withdrawn, *balance;
} Row;

/* Newest first. Opening 100.00; a Paybill and its charge under one receipt;
 * a Fuliza-funded till payment printed before its credit (same second); a
 * Fuliza repayment; a transfer whose details wrap over three lines; a
 * failed airtime purchase. Ends at 1,277.00. */
static const Row rows[] = {
  { "SKA1B2C3D7", "2024-11-29 13:05:00", "Airtime Purchase", "Failed", "", "50.00", "1,277.00" },
  { "SKA1B2C3D6", "2024-11-29 13:00:00", "Customer Transfer to -\n07******901 JOHN\nKAMAU", "Completed", "", "300.00", "1,277.00" },
  { "SKA1B2C3D5", "2024-11-29 12:30:00", "OD Loan Repayment to\n232323 - M-PESA Overdraw", "Completed", "", "423.00", "1,577.00" },
  { "SKA1B2C3D4", "2024-11-29 12:00:00", "Funds received from -\n0722000111 MARY ATIENO", "Completed", "2,000.00", "", "2,000.00" },
  { "SKA1B2C3D3", "2024-11-29 11:00:00", "Merchant Payment Fuliza\nM-Pesa to 5123456 -\nMAMA PIMA SHOP", "Completed", "", "1,000.00", "0.00" },
  { "SKA1B2C3D3", "2024-11-29 11:00:00", "OverDraft of Credit Party", "Completed", "423.00", "", "1,000.00" },
  { "SKA1B2C3D2", "2024-11-29 10:00:00", "Pay Bill Charge", "Completed", "", "23.00", "577.00" },
  { "SKA1B2C3D2", "2024-11-29 10:00:00", "Pay Bill to 888880 - KPLC\nPREPAID Acc. 54100000000", "Completed", "", "500.00", "600.00" },
  { "SKA1B2C3D1", "2024-11-29 09:00:00", "Funds received from -\n2547******541 JANE WANJIRU", "Completed", "1,000.00", "", "1,100.00" },
};
#define N_COMPLETED 8

static const char *const summary[][3] = {
  { "SEND MONEY:", "0.00", "300.00" }, { "RECEIVED MONEY:", "3,000.00", "0.00" },
  { "AGENT DEPOSIT:", "0.00", "0.00" }, { "AGENT WITHDRAWAL:", "0.00", "0.00" },
  { "LIPA NA M-PESA (PAYBILL):", "0.00", "500.00" }, { "LIPA NA M-PESA (BUY GOODS):", "0.00", "1,000.00" },
  { "OTHERS:", "423.00", "446.00" }, { "TOTAL:", "3,423.00", "2,246.00" },
};

typedef struct {
  gboolean    full_title;       /* "MPESA FULL STATEMENT" and COMPLETED, Withdrawn positive */
  guint       rows_per_page;
  const char *total_paid_in;    /* to tamper with the SUMMARY, or NULL */
  const char *balance_d5;       /* to break the running balance, or NULL */
} Layout;

static void
show (cairo_t *cr, double x, double y, const char *text, gboolean right)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 7");
  int w, h;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, &h);
  cairo_move_to (cr, right ? x - (double) w / PANGO_SCALE : x, y);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);
}

static const double col_x[] = { 30, 95, 195, 330, 435, 500, 565 };

static double
table_header (cairo_t *cr, double y)
{
  const char *names[] = { "Receipt No.", "Completion Time", "Details", "Transaction Status", "Paid In",
                          "Withdrawn", "Balance" };
  for (guint c = 0; c < G_N_ELEMENTS (names); c++)
    show (cr, col_x[c], y, names[c], c >= 4);
  return y + 14;
}

/* Draws the statement into path. */
static void
draw_statement (const char *path, const Layout *l)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  double y = 40;
  guint on_page = 0, page = 1;

  show (cr, 30, y, l->full_title ? "MPESA FULL STATEMENT" : "M-PESA STATEMENT", FALSE);
  show (cr, 30, y += 14, "Customer Name: DEMO SHOP", FALSE);
  show (cr, 30, y += 10, "Mobile Number: 0712******", FALSE);
  show (cr, 30, y += 10, "Statement Period: 29 Nov 2024 - 29 Nov 2024", FALSE);
  show (cr, 30, y += 10, "Request Date: 30 Nov 2024", FALSE);
  show (cr, 30, y += 20, "SUMMARY", FALSE);
  y += 12;
  show (cr, 30, y, "TRANSACTION TYPE", FALSE), show (cr, 300, y, "PAID IN", TRUE), show (cr, 400, y, "PAID OUT", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (summary); i++)
    {
      const char *in = i == 7 && l->total_paid_in ? l->total_paid_in : summary[i][1];
      y += 10;
      show (cr, 30, y, summary[i][0], FALSE), show (cr, 300, y, in, TRUE), show (cr, 400, y, summary[i][2], TRUE);
    }
  show (cr, 30, y += 20, "DETAILED STATEMENT", FALSE);
  y = table_header (cr, y + 12);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const Row *r = &rows[i];
      g_auto(GStrv) details = g_strsplit (r->details, "\n", -1);
      g_autofree char *out = *r->withdrawn && !l->full_title ? g_strconcat ("-", r->withdrawn, NULL)
                                                              : g_strdup (r->withdrawn);
      g_autofree char *status = l->full_title ? g_ascii_strup (r->status, -1) : g_strdup (r->status);
      const char *balance = l->balance_d5 && g_str_equal (r->receipt, "SKA1B2C3D5") ? l->balance_d5 : r->balance;
      if (on_page == l->rows_per_page)
        {
          show (cr, 280, 810, page == 1 ? "Page 1" : "Page n", FALSE);
          cairo_show_page (cr);
          page++;
          on_page = 0;
          y = table_header (cr, 40);
        }
      show (cr, col_x[0], y, r->receipt, FALSE);
      show (cr, col_x[1], y, r->time, FALSE);
      show (cr, col_x[3], y, status, FALSE);
      show (cr, col_x[4], y, r->paid_in, TRUE);
      show (cr, col_x[5], y, out, TRUE);
      show (cr, col_x[6], y, balance, TRUE);
      for (guint k = 0; details[k] != NULL; k++)
        show (cr, col_x[2], y + 10 * k, details[k], FALSE);
      y += 10 * g_strv_length (details) + 4;
      on_page++;
    }
  show (cr, 30, 790, "Disclaimer: this statement is issued by a demo.", FALSE);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static char *
make_pdf (const char *dir, const char *name, const Layout *l)
{
  char *path = g_build_filename (dir, name, NULL);

  draw_statement (path, l);
  return path;
}

static DaftariImportParse *
parse_path (const char *path, const char *password, GError **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return daftari_mpesa_pdf_parse (data, length, password, error);
}

static gboolean
has_problem (DaftariImportParse *parse, const char *a, const char *b)
{
  for (guint i = 0; i < parse->problems->len; i++)
    {
      const char *m = ((DaftariImportProblem *) g_ptr_array_index (parse->problems, i))->message;
      if (strstr (m, a) != NULL && (b == NULL || strstr (m, b) != NULL))
        return TRUE;
    }
  return FALSE;
}

static void
check_rows (DaftariImportParse *parse)
{
  gint64 in = 0, out = 0;

  g_assert_cmpuint (parse->rows->len, ==, N_COMPLETED);
  for (guint i = 0; i < parse->rows->len; i++)
    {
      DaftariImportRow *row = import_test_row (parse, i);
      g_assert_true (g_str_has_prefix (row->key, "pdf:"));
      g_assert_cmpstr (row->receipt, ==, rows[i + 1].receipt);
      g_assert_cmpuint (row->line, ==, i + 2);
      if (row->amount > 0)
        in += row->amount;
      else
        out -= row->amount;
    }
  g_assert_cmpint (in, ==, 342300);
  g_assert_cmpint (out, ==, 224600);
  /* Three lines of details, with the counterparty on the continuation lines. */
  g_assert_cmpint (import_test_row (parse, 0)->kind, ==, DAFTARI_MPESA_SENT);
  g_assert_cmpint (import_test_row (parse, 0)->amount, ==, -30000);
  g_assert_cmpstr (import_test_row (parse, 0)->counterparty, ==, "JOHN KAMAU");
  g_assert_cmpstr (import_test_row (parse, 0)->phone, ==, "2547******901");
  g_assert_cmpint (import_test_row (parse, 0)->balance, ==, 127700);
  g_assert_cmpint (import_test_row (parse, 3)->kind, ==, DAFTARI_MPESA_TILL);
  g_assert_cmpstr (import_test_row (parse, 3)->shortcode, ==, "5123456");
  g_assert_cmpint (import_test_row (parse, 4)->kind, ==, DAFTARI_MPESA_FULIZA_CREDIT);
  g_assert_cmpint (import_test_row (parse, 6)->kind, ==, DAFTARI_MPESA_PAYBILL);
  g_assert_cmpstr (import_test_row (parse, 6)->reference, ==, "54100000000");
  g_assert_cmpint (import_test_row (parse, 5)->kind, ==, DAFTARI_MPESA_CHARGE);
  g_assert_cmpint (import_test_row (parse, 7)->ts, ==, 1732860000);   /* 2024-11-29 09:00:00 EAT */
  /* The failed row is skipped, and every check passes. */
  for (guint i = 0; i < parse->problems->len; i++)
    g_test_message ("problem: %s", ((DaftariImportProblem *) g_ptr_array_index (parse->problems, i))->message);
  g_assert_cmpuint (parse->problems->len, ==, 1);
  g_assert_true (has_problem (parse, "SKA1B2C3D7", "not completed"));
}

static void
test_variants (void)
{
  g_autofree char *dir = test_make_dir ();
  Layout a = { FALSE, 100, NULL, NULL }, b = { TRUE, 3, NULL, NULL };
  g_autofree char *path_a = make_pdf (dir, "a.pdf", &a), *path_b = make_pdf (dir, "b.pdf", &b);
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariImportParse) pa = parse_path (path_a, NULL, &error);
  g_autoptr(DaftariImportParse) pb = NULL;

  g_assert_no_error (error);
  check_rows (pa);
  /* Title variant, upper-case status, positive Withdrawn, three pages. */
  pb = parse_path (path_b, NULL, &error);
  g_assert_no_error (error);
  check_rows (pb);
  for (guint i = 0; i < pa->rows->len; i++)
    g_assert_cmpstr (import_test_row (pa, i)->key, ==, import_test_row (pb, i)->key);
  test_remove_dir (dir);
}

static void
test_checks (void)
{
  g_autofree char *dir = test_make_dir ();
  Layout l = { FALSE, 100, "3,500.00", "1,576.00" };
  g_autofree char *path = make_pdf (dir, "bad.pdf", &l);
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariImportParse) parse = parse_path (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (parse->rows->len, ==, N_COMPLETED);
  g_assert_true (has_problem (parse, "2024-11-29 12:30:00 SKA1B2C3D5", "balance does not follow"));
  g_assert_true (has_problem (parse, "SUMMARY", "3,500.00"));
  g_assert_true (has_problem (parse, "SUMMARY", "3,423.00"));
  test_remove_dir (dir);
}

static gboolean
run_qpdf (const char *in, const char *out)
{
  const char *argv[] = { "qpdf", "--encrypt", "1234567", "owner-secret", "256", "--", in, out, NULL };
  int status = -1;

  return g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                       NULL, NULL, NULL, NULL, &status, NULL) && g_spawn_check_wait_status (status, NULL);
}

static void
test_encrypted (void)
{
  g_autofree char *dir = NULL, *plain = NULL, *locked = NULL, *qpdf = g_find_program_in_path ("qpdf");
  Layout l = { FALSE, 100, NULL, NULL };
  g_autoptr(GError) error = NULL;
  DaftariImportParse *parse;

  if (qpdf == NULL)
    {
      g_test_skip ("qpdf is not installed");
      return;
    }
  dir = test_make_dir ();
  plain = make_pdf (dir, "plain.pdf", &l);
  locked = g_build_filename (dir, "locked.pdf", NULL);
  g_assert_true (run_qpdf (plain, locked));
  g_assert_null (parse_path (locked, NULL, &error));
  g_assert_error (error, DAFTARI_MPESA_PDF_ERROR, DAFTARI_MPESA_PDF_ERROR_NEEDS_PASSWORD);
  g_clear_error (&error);
  g_assert_null (parse_path (locked, "7654321", &error));
  g_assert_error (error, DAFTARI_MPESA_PDF_ERROR, DAFTARI_MPESA_PDF_ERROR_WRONG_PASSWORD);
  g_assert_nonnull (strstr (error->message, "wrong"));
  g_clear_error (&error);
  parse = parse_path (locked, "1234567", &error);
  g_assert_no_error (error);
  check_rows (parse);
  daftari_import_parse_free (parse);
  test_remove_dir (dir);
}

static void
test_bad_input (void)
{
  g_autofree char *dir = test_make_dir (), *path = NULL, *other = NULL, *data = NULL;
  Layout l = { FALSE, 100, NULL, NULL };
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  gsize length;

  path = make_pdf (dir, "s.pdf", &l);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  /* Cut short: refused, not read as a shorter statement. */
  g_assert_null (daftari_mpesa_pdf_parse (data, length * 2 / 3, NULL, &error));
  g_assert_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "cut short"));
  g_clear_error (&error);
  /* Junk, and an empty file. */
  g_assert_null (daftari_mpesa_pdf_parse ("\x01\x02\x00garbage%%EOF", 15, NULL, &error));
  g_assert_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_NOT_TEXT);
  g_clear_error (&error);
  g_assert_null (daftari_mpesa_pdf_parse ("", 0, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* A PDF head and tail around junk: poppler refuses it as damaged. */
  g_assert_null (daftari_mpesa_pdf_parse ("%PDF-1.5\n\xff\xfe junk \n%%EOF\n", 24, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* A real PDF that is not a statement. */
  other = g_build_filename (dir, "invoice.pdf", NULL);
  surface = cairo_pdf_surface_create (other, 595, 842);
  cr = cairo_create (surface);
  show (cr, 30, 40, "INVOICE INV-2025-0042 Total 1,000.00", FALSE);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_assert_null (parse_path (other, NULL, &error));
  g_assert_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "not an M-PESA statement"));
  test_remove_dir (dir);
}

static void
test_import (void)
{
  TestBook *tb = test_book_new ();
  g_autofree char *dir = g_strdup (tb->dir);
  Layout l = { TRUE, 4, NULL, NULL };
  g_autofree char *path = make_pdf (dir, "s.pdf", &l);
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariImportParse) parse = parse_path (path, NULL, &error);
  gint64 wallet = test_add_wallet (tb->book, "M-PESA Binafsi", DAFTARI_ACCOUNT_MPESA, NULL, 0, 0, FALSE);
  DaftariImportResult *r;

  g_assert_no_error (error);
  r = daftari_import_rows (tb->book, wallet, "mpesa-pdf", "s.pdf", parse, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (r->n_new, ==, N_COMPLETED);
  g_assert_cmpuint (r->n_skipped, ==, 1);
  g_assert_cmpint (test_balance (tb->book, wallet), ==, 127700);
  daftari_import_result_free (r);
  r = daftari_import_rows (tb->book, wallet, "mpesa-pdf", "s.pdf", parse, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (r->n_new, ==, 0);
  g_assert_cmpuint (r->n_duplicate, ==, N_COMPLETED);
  g_assert_cmpint (test_balance (tb->book, wallet), ==, 127700);
  daftari_import_result_free (r);
  test_book_free (tb);
  test_remove_dir (dir);
}

static void
test_cli (void)
{
  g_autofree char *dir = NULL, *book = NULL, *plain = NULL, *locked = NULL, *pw = NULL, *qpdf = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *keys[] = { "rows", "new", "duplicate", "skipped", "held", "rejected", "warnings" };
  Layout l = { FALSE, 5, NULL, NULL };
  JsonObject *o;

  if (g_getenv ("DAFTARI_CLI") == NULL || (qpdf = g_find_program_in_path ("qpdf")) == NULL)
    {
      g_test_skip ("DAFTARI_CLI is not set or qpdf is missing");
      return;
    }
  dir = test_make_dir ();
  book = g_build_filename (dir, "cli.daftari", NULL);
  plain = make_pdf (dir, "plain.pdf", &l);
  locked = g_build_filename (dir, "locked.pdf", NULL);
  pw = g_build_filename (dir, "password.txt", NULL);
  g_assert_true (run_qpdf (plain, locked));
  g_assert_true (g_file_set_contents (pw, "1234567\n", -1, NULL));
  g_assert_cmpint (test_run_cli (book, &out, &err, "init", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (book, &out, &err, "account", "add", "M-PESA", "--kind", "mpesa", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (test_run_cli (book, &out, &err, "import", "mpesa-pdf", locked, "--wallet", "M-PESA", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "password"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (book, &out, &err, "import", "mpesa-pdf", locked, "--wallet", "M-PESA",
                            "--password", "0000000", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "wrong"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_db_int (book, "SELECT count(*) FROM import_batch"), ==, 0);

  g_assert_cmpint (test_run_cli (book, &out, &err, "--json", "import", "mpesa-pdf", locked, "--wallet", "M-PESA",
                            "--password-file", pw, "--dry-run", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  o = json_node_get_object (json_parser_get_root (parser));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (json_object_has_member (o, keys[i]));
  g_assert_cmpint (json_object_get_int_member (o, "rows"), ==, N_COMPLETED);
  g_assert_cmpint (json_object_get_int_member (o, "new"), ==, N_COMPLETED);
  g_assert_cmpint (json_object_get_int_member (o, "skipped"), ==, 1);
  g_assert_cmpint (test_db_int (book, "SELECT count(*) FROM txn"), ==, 0);
  test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  test_common_init (&argc, &argv);
  g_test_add_func ("/mpesa-pdf/variants", test_variants);
  g_test_add_func ("/mpesa-pdf/checks", test_checks);
  g_test_add_func ("/mpesa-pdf/encrypted", test_encrypted);
  g_test_add_func ("/mpesa-pdf/bad-input", test_bad_input);
  g_test_add_func ("/mpesa-pdf/import", test_import);
  g_test_add_func ("/mpesa-pdf/cli", test_cli);
  return g_test_run ();
}
