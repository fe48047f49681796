/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report PDF of the hand-built book (report-book.h), read back with
 * poppler: the words and figures on its pages against figures worked out
 * here from what was posted; a table long enough to run onto a second page;
 * writes that fail (no such folder, a folder in the way, cancelled) leaving
 * nothing behind and the old file whole; and `daftari-cli report pdf`. */
#include <glib/gstdio.h>

#include "pdf-text.h"
#include "report-book.h"
#include "test-run-cli.h"

#include "daftari-report-pdf.h"

/* "13,000.00": minor units with thousands separators, put together here
 * rather than by the money code under test. */
static char *
grouped (gint64 minor)
{
  g_autofree char *units = g_strdup_printf ("%lld", (long long) ((minor < 0 ? -minor : minor) / 100));
  GString *text = g_string_new (minor < 0 ? "-" : "");
  gsize n = strlen (units);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, units[i]);
    }
  g_string_append_printf (text, ".%02d", (int) ((minor < 0 ? -minor : minor) % 100));
  return g_string_free (text, FALSE);
}

static DaftariPeriod
january (DaftariBook *book)
{
  DaftariPeriod period;

  daftari_period_month (&period, book, 202501);
  return period;
}

static void
assert_holds (const char *text, const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” is not in the PDF:\n%s", needle, text);
}

/* The folder holds exactly the names given (no temporary file left). */
static void
assert_folder_holds (const char *dir, const char *const *names)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      if (g_str_has_suffix (name, ".daftari") || g_str_has_suffix (name, "-wal") || g_str_has_suffix (name, "-shm"))
        continue;
      if (!g_strv_contains (names, name))
        g_error ("%s is left in the folder", name);
      n++;
    }
  g_assert_cmpuint (n, ==, g_strv_length ((GStrv) names));
}

static void
test_january (void)
{
  g_autoptr(ReportBook) rb = report_book_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (rb->tb->dir, "report.pdf", NULL);
  DaftariPeriod period = january (rb->tb->book);
  g_autoptr(TestPdf) pdf = NULL;
  g_autofree char *text = NULL, *first = NULL, *last = NULL, *footer = NULL, *title = NULL;
  g_autofree char *sales = grouped (JAN_SALES), *expenses = grouped (JAN_EXPENSES);
  g_autofree char *net = grouped (JAN_SALES - JAN_EXPENSES), *rent = grouped (RB_RENT_KCB);
  g_autofree char *sales_figure = g_strdup_printf ("KES %s", sales);
  g_autofree char *fees = grouped (JAN_CHARGES), *output_vat = grouped (RB_INV1_VAT16 + RB_INV2_VAT8);
  const char *const left[] = { "report.pdf", NULL };
  int n_pages;

  g_assert_true (daftari_report_pdf_write (rb->tb->book, &period, path, NULL, &error));
  g_assert_no_error (error);
  assert_folder_holds (rb->tb->dir, left);

  pdf = test_pdf_open (path);
  n_pages = poppler_document_get_n_pages (pdf);
  g_assert_cmpint (n_pages, >=, 1);
  title = poppler_document_get_title (pdf);
  g_assert_cmpstr (title, ==, "Business report — January 2025");
  text = test_pdf_all_text (pdf);
  first = test_pdf_page_text (pdf, 0);
  /* The first page: who, when, and the key figures. */
  assert_holds (first, "Business report");
  assert_holds (first, "January 2025");
  assert_holds (first, sales_figure);
  /* The categories with their totals, grouped in thousands. */
  g_assert_cmpstr (sales, ==, "13,000.00");
  assert_holds (text, "Sales");
  assert_holds (text, "Stock purchases");
  assert_holds (text, "Electricity (KPLC)");
  assert_holds (text, rent);
  assert_holds (text, sales);
  assert_holds (text, expenses);
  assert_holds (text, net);
  /* The other reports are there, with a figure each. */
  assert_holds (text, "Cash flow by wallet");
  assert_holds (text, "Bitcoin (BTC)");
  assert_holds (text, "Balance sheet");
  assert_holds (text, "Total assets");
  assert_holds (text, "VAT summary");
  assert_holds (text, output_vat);
  assert_holds (text, "16%");
  assert_holds (text, "M-PESA and bank charges");
  assert_holds (text, fees);
  assert_holds (text, "Top customers and payees");
  assert_holds (text, "Baraka");
  /* The charts, titled by the pages' headings. */
  assert_holds (text, "Income and Expenses by Month");
  assert_holds (text, "Expenses by Category");
  assert_holds (text, "Balance of All Wallets");
  /* Page numbers. */
  last = test_pdf_page_text (pdf, n_pages - 1);
  footer = g_strdup_printf ("Page %d of %d", n_pages, n_pages);
  assert_holds (last, footer);
}

/* Seventy expense categories: the income and expense table runs past the
 * first page, goes on under its heading repeated, and loses no row. */
static void
test_long_table (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tb->dir, "long.pdf", NULL);
  g_autoptr(TestPdf) pdf = NULL;
  g_autofree char *text = NULL, *second = NULL;
  DaftariPeriod period = january (tb->book);
  int n_pages;

  for (int i = 0; i < 70; i++)
    {
      g_autofree char *name = g_strdup_printf ("Expense line %02d", i);
      DaftariAccountSpec spec = { .name = name, .kind = DAFTARI_ACCOUNT_EXPENSE };
      gint64 id = 0;

      g_assert_true (daftari_account_add (tb->book, &spec, &id, &error));
      g_assert_no_error (error);
      test_record (tb->book, DAFTARI_TXN_EXPENSE, tb->kcb, id, 100000 + i * 100, test_day (tb->book, 9 + i % 20));
    }
  g_assert_true (daftari_report_pdf_write (tb->book, &period, path, NULL, &error));
  g_assert_no_error (error);
  pdf = test_pdf_open (path);
  n_pages = poppler_document_get_n_pages (pdf);
  g_assert_cmpint (n_pages, >=, 3);
  text = test_pdf_all_text (pdf);
  second = test_pdf_page_text (pdf, 1);
  assert_holds (second, "Monthly summary (continued)");
  assert_holds (second, "Page 2 of");
  for (int i = 0; i < 70; i++)
    {
      g_autofree char *name = g_strdup_printf ("Expense line %02d", i);
      g_autofree char *amount = grouped (100000 + i * 100);
      assert_holds (text, name);
      assert_holds (text, amount);
      /* Once: a row is never drawn on two pages. */
      g_assert_null (strstr (strstr (text, name) + 1, name));
    }
}

static void
assert_write_fails (ReportBook *rb, const char *path, const char *reason)
{
  g_autoptr(GError) error = NULL;
  DaftariPeriod period = january (rb->tb->book);

  g_assert_false (daftari_report_pdf_write (rb->tb->book, &period, path, NULL, &error));
  g_assert_error (error, DAFTARI_REPORT_PDF_ERROR, DAFTARI_REPORT_PDF_ERROR_WRITE);
  g_assert_true (g_str_has_prefix (error->message, "Cannot save the report to “"));
  assert_holds (error->message, path);
  assert_holds (error->message, reason);
}

static void
test_failures (void)
{
  g_autoptr(ReportBook) rb = report_book_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autofree char *missing = g_build_filename (rb->tb->dir, "no-such-folder", "report.pdf", NULL);
  g_autofree char *folder = g_build_filename (rb->tb->dir, "a-folder", NULL);
  g_autofree char *old = g_build_filename (rb->tb->dir, "old.pdf", NULL);
  g_autofree char *kept = NULL;
  DaftariPeriod period = january (rb->tb->book);
  const char *const left[] = { "a-folder", "old.pdf", NULL };

  /* No such folder: nothing can be opened, and the owner is told so. */
  assert_write_fails (rb, missing, "That folder does not exist");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* A folder in the way: the PDF is written beside it, the rename fails,
   * and the whole of what was written goes. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  assert_write_fails (rb, folder, "A folder already has that name");
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));

  /* Cancelled: the file there before is left as it was. */
  g_assert_true (g_file_set_contents (old, "the old report", -1, NULL));
  g_cancellable_cancel (cancelled);
  g_assert_false (daftari_report_pdf_write (rb->tb->book, &period, old, cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (old, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "the old report");
  assert_folder_holds (rb->tb->dir, left);

  /* Not cancelled, it replaces the old file with a whole PDF. */
  g_clear_error (&error);
  g_clear_pointer (&kept, g_free);
  g_assert_true (daftari_report_pdf_write (rb->tb->book, &period, old, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (old, &kept, NULL, NULL));
  g_assert_true (g_str_has_prefix (kept, "%PDF-"));
  assert_folder_holds (rb->tb->dir, left);
}

static void
test_file_name (void)
{
  g_autoptr(ReportBook) rb = report_book_new ();
  DaftariPeriod period = january (rb->tb->book);
  g_autofree char *month = daftari_report_pdf_file_name (&period);
  g_autofree char *days = NULL;

  g_assert_cmpstr (month, ==, "Daftari report 2025-01.pdf");
  g_assert_true (daftari_period_init (&period, rb->tb->book, 20250105, 20250320, NULL));
  days = daftari_report_pdf_file_name (&period);
  g_assert_cmpstr (days, ==, "Daftari report 2025-01-05 to 2025-03-20.pdf");
}

static void
test_cli (void)
{
  g_autoptr(ReportBook) rb = report_book_new ();
  g_autofree char *path = g_build_filename (rb->tb->dir, "cli.pdf", NULL);
  g_autofree char *missing = g_build_filename (rb->tb->dir, "nowhere", "cli.pdf", NULL);
  g_autofree char *csv = g_build_filename (rb->tb->dir, "pnl.pdf", NULL);
  g_autoptr(TestPdf) pdf = NULL;
  g_autofree char *text = NULL, *sales = grouped (JAN_SALES);
  g_auto(TestRun) made = test_run (rb->tb->path, "report", "pdf", "--from", "2025-01-01", "--to", "2025-01-31",
                                   "-o", path, "--json", NULL);
  g_auto(TestRun) month = test_run (rb->tb->path, "report", "pdf", "--month", "2025-01", "-o", path, NULL);
  g_auto(TestRun) no_output = test_run (rb->tb->path, "report", "pdf", NULL);
  g_auto(TestRun) both = test_run (rb->tb->path, "report", "pdf", "--month", "2025-01", "--from", "2025-01-01",
                                   "-o", path, NULL);
  g_auto(TestRun) nowhere = test_run (rb->tb->path, "report", "pdf", "-o", missing, NULL);
  g_auto(TestRun) pnl = test_run (rb->tb->path, "report", "pnl", "-o", csv, NULL);

  g_assert_cmpint (made.status, ==, 0);
  assert_holds (made.out, "\"file\"");
  assert_holds (made.out, "\"from\" : \"2025-01-01\"");
  g_assert_cmpint (month.status, ==, 0);
  assert_holds (month.err, "Written to");
  pdf = test_pdf_open (path);
  text = test_pdf_all_text (pdf);
  assert_holds (text, "January 2025");
  assert_holds (text, "Stock purchases");
  assert_holds (text, sales);
  /* Wrong usage is 2; a file that cannot be written is 3, as the README says. */
  g_assert_cmpint (no_output.status, ==, 2);
  assert_holds (no_output.err, "-o FILE.pdf");
  g_assert_cmpint (both.status, ==, 2);
  g_assert_cmpint (nowhere.status, ==, 3);
  assert_holds (nowhere.err, "That folder does not exist");
  g_assert_cmpint (pnl.status, ==, 2);
  assert_holds (pnl.err, "report pdf");
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  test_common_init (&argc, &argv);
  g_test_add_func ("/report-pdf/january", test_january);
  g_test_add_func ("/report-pdf/long-table", test_long_table);
  g_test_add_func ("/report-pdf/failures", test_failures);
  g_test_add_func ("/report-pdf/file-name", test_file_name);
  g_test_add_func ("/report-pdf/cli", test_cli);
  return g_test_run ();
}
