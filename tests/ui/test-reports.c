/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Reports page and the dashboard's report cards as a shop owner uses
 * them: three months of sales, rent and stock posted here, the figures the
 * page shows and saves computed from what was posted, the chart's bars and
 * the transactions behind one, the report PDF, a budget and a double
 * payment on the dashboard, and the flag dismissed. Runs under Xvfb with a
 * private keyring. */
#include <adwaita.h>
#include <glib/gstdio.h>

#include "test-common.h"
#include "ui-test.h"
#include "daftari-cashflow.h"
#include "daftari-anomaly.h"
#include "daftari-budget.h"
#include "daftari-chart-view.h"
#include "daftari-dashboard-page.h"
#include "daftari-main-view.h"
#include "daftari-reports-page.h"
#include "daftari-window.h"

/* What was posted, for the expected figures. */
typedef struct {
  DaftariMonth months[3];     /* the month before last, last month, this month */
  gint64       sales[3];
  gint64       stock[3];
  gint64       rent;          /* every month */
  gint64       budget;        /* rent's */
} Posted;

/* "61250.50", as the CSV writes money. */
static char *
plain (gint64 minor)
{
  return g_strdup_printf ("%lld.%02lld", (long long) (minor / 100), (long long) (minor % 100));
}

/* "61,250.50", as the table shows it. */
static char *
grouped (DaftariBook *book, gint64 minor)
{
  g_autofree char *text = daftari_money_format (minor, daftari_book_get_currency (book), DAFTARI_MONEY_FORMAT_DEFAULT);
  /* "KES 61,250.50" → "61,250.50" */
  const char *space = strchr (text, ' ');
  return g_strdup (space ? space + 1 : text);
}

static gint64
post (DaftariBook *book, DaftariTxnKind kind, gint64 ts, gint64 wallet, gint64 category, gint64 amount,
      const char *payee)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariTxn) txn = daftari_txn_new (kind, ts);
  gint64 sign = kind == DAFTARI_TXN_INCOME ? 1 : -1;

  daftari_txn_set_text (&txn->payee, payee);
  daftari_txn_add_split (txn, wallet, sign * amount, sign * amount, DAFTARI_SPLIT_NORMAL);
  daftari_txn_add_split (txn, category, -sign * amount, -sign * amount, DAFTARI_SPLIT_NORMAL);
  g_assert_true (daftari_ledger_post (book, txn, NULL, &error));
  g_assert_no_error (error);
  return txn->id;
}

/* Sales and stock different every month, rent the same; this month's stock
 * is one payment to KAMAU HARDWARE made twice a minute apart (the planted
 * anomaly), and rent has a budget. */
static void
make_book (Fixture *f, Posted *p)
{
  g_autoptr(GError) error = NULL;
  DaftariBookSetup setup = { "Duka la Majaribio", "KES", NULL };
  g_autoptr(DaftariBook) book = daftari_book_create (f->book_path, &setup, &error);
  DaftariCalendar *calendar = daftari_book_get_calendar (book);
  DaftariMonth this_month = daftari_calendar_today (calendar) / 100;
  DaftariAccountSpec mpesa = { .name = "M-PESA", .kind = DAFTARI_ACCOUNT_MPESA, .opening = 10000000 };
  const gint64 sales[3] = { 8000000, 9500000, 6125050 };
  const gint64 stock[3] = { 3000000, 3400000, 4500000 * 2 };
  gint64 wallet, now = daftari_calendar_now ();

  g_assert_no_error (error);
  mpesa.opening_ts = daftari_calendar_day_noon (calendar, daftari_month_add (this_month, -2) * 100 + 1);
  g_assert_true (daftari_account_add (book, &mpesa, &wallet, &error));
  p->rent = 2000000;
  p->budget = 2500000;
  for (int i = 0; i < 3; i++)
    {
      p->months[i] = daftari_month_add (this_month, i - 2);
      p->sales[i] = sales[i];
      p->stock[i] = stock[i];
    }
  for (int i = 0; i < 2; i++)
    {
      post (book, DAFTARI_TXN_EXPENSE, daftari_calendar_day_noon (calendar, p->months[i] * 100 + 5), wallet,
            test_account_id (book, "Rent"), p->rent, "LANDLORD");
      post (book, DAFTARI_TXN_INCOME, daftari_calendar_day_noon (calendar, p->months[i] * 100 + 10), wallet,
            test_account_id (book, "Sales"), p->sales[i], "Counter sales");
      post (book, DAFTARI_TXN_EXPENSE, daftari_calendar_day_noon (calendar, p->months[i] * 100 + 12), wallet,
            test_account_id (book, "Stock purchases"), p->stock[i], "KAMAU HARDWARE");
    }
  /* This month's within the last minutes: in this month, and before now. */
  post (book, DAFTARI_TXN_EXPENSE, now - 240, wallet, test_account_id (book, "Rent"), p->rent, "LANDLORD");
  post (book, DAFTARI_TXN_INCOME, now - 180, wallet, test_account_id (book, "Sales"), p->sales[2], "Counter sales");
  post (book, DAFTARI_TXN_EXPENSE, now - 120, wallet, test_account_id (book, "Stock purchases"), p->stock[2] / 2,
        "KAMAU HARDWARE");
  post (book, DAFTARI_TXN_EXPENSE, now - 60, wallet, test_account_id (book, "Stock purchases"), p->stock[2] / 2,
        "KAMAU HARDWARE");
  g_assert_true (daftari_budget_set (book, test_account_id (book, "Rent"), 0, p->budget, &error));
  g_assert_no_error (error);
}

static DaftariMainView *
open_window (Fixture *f)
{
  f->window = daftari_window_new (ui_test_app (), f->book_path);
  gtk_window_present (GTK_WINDOW (f->window));
  spin_a_moment ();
  return DAFTARI_MAIN_VIEW (find_descendant (GTK_WIDGET (f->window), DAFTARI_TYPE_MAIN_VIEW));
}

typedef struct {
  gboolean done;
  gboolean ok;
  GError  *error;
} Exported;

static void
exported (GObject *source, GAsyncResult *result, gpointer data)
{
  Exported *e = data;

  e->ok = daftari_reports_page_export_pdf_finish (DAFTARI_REPORTS_PAGE (source), result, &e->error);
  e->done = TRUE;
}

static gboolean
export_done (gpointer data)
{
  return ((Exported *) data)->done;
}

/* What "Export PDF…" writes once its file is chosen (the chooser is the
 * desktop's own dialog, out of a test's reach): the report PDF of the
 * page's period, written off the main thread. */
static Exported
export_pdf (DaftariReportsPage *page, const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Exported e = { FALSE, FALSE, NULL };

  daftari_reports_page_export_pdf_async (page, file, NULL, exported, &e);
  spin_until (export_done, &e);
  return e;
}

static DaftariChartItem *
find_item (DaftariChart *chart, DaftariChartItemKind kind, gint64 id)
{
  for (guint i = 0; i < daftari_chart_get_n_items (chart); i++)
    {
      DaftariChartItem *item = daftari_chart_get_item (chart, 800, 400, i);
      if (item->kind == kind && item->id == id)
        return item;
      daftari_chart_item_free (item);
    }
  return NULL;
}

static gboolean
transactions_shown (gpointer data)
{
  GtkWidget *window = find_toplevel (ADW_TYPE_WINDOW);
  return window != NULL && g_strcmp0 (gtk_widget_get_name (window), "report-transactions") == 0 &&
         gtk_widget_get_mapped (window);
}

/* The monthly summary of this month and of last month, its bars, and the
 * transactions of this month's income bar. */
static void
test_monthly (Fixture *f, gconstpointer data)
{
  g_autoptr(DaftariBook) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariChartItem) bar = NULL;
  g_autofree char *sales_now = NULL, *sales_before = NULL, *sales_two_ago = NULL, *stock_now = NULL;
  g_autofree char *expected_line = NULL, *plain_now = NULL, *plain_before = NULL;
  g_autofree char *csv_path = NULL, *csv = NULL, *svg_path = NULL, *svg = NULL, *bad_path = NULL;
  g_autoptr(GFile) csv_file = NULL, svg_file = NULL, bad_file = NULL;
  g_autofree char *pdf_path = NULL, *pdf = NULL, *bad_pdf = NULL;
  gsize pdf_length = 0;
  Exported pdf_done, pdf_failed;
  DaftariReportsPage *page;
  DaftariChartView *chart_view;
  DaftariChart *chart;
  GtkWidget *dialog;
  Posted p;

  make_book (f, &p);
  book = daftari_book_open (f->book_path, &error);
  g_assert_no_error (error);
  sales_now = grouped (book, p.sales[2]);
  sales_before = grouped (book, p.sales[1]);
  sales_two_ago = grouped (book, p.sales[0]);
  stock_now = grouped (book, p.stock[2]);

  daftari_main_view_show_page (open_window (f), "reports");
  spin_a_moment ();
  page = DAFTARI_REPORTS_PAGE (find_descendant (GTK_WIDGET (f->window), DAFTARI_TYPE_REPORTS_PAGE));
  g_assert_nonnull (daftari_reports_page_get_table (page));
  g_assert_cmpstr (daftari_reports_page_get_table (page)->name, ==, "monthly");
  /* This month against last month: both months' sales, this month's stock. */
  g_assert_true (shows_text (GTK_WIDGET (page), sales_now));
  g_assert_true (shows_text (GTK_WIDGET (page), sales_before));
  g_assert_true (shows_text (GTK_WIDGET (page), stock_now));
  g_assert_false (shows_text (GTK_WIDGET (page), sales_two_ago));

  /* The bars: this month's income bar holds the sales. */
  chart_view = child (page, DAFTARI_TYPE_REPORTS_PAGE, "chart_view");
  chart = daftari_chart_view_get_chart (chart_view);
  g_assert_nonnull (chart);
  g_assert_cmpint (daftari_chart_get_kind (chart), ==, DAFTARI_CHART_BARS);
  bar = find_item (chart, DAFTARI_CHART_ITEM_INCOME, p.months[2]);
  g_assert_nonnull (bar);
  g_assert_cmpint (bar->value, ==, p.sales[2]);

  /* Its transactions: the one sale, in a window of its own. */
  g_signal_emit_by_name (chart_view, "item-activated", (guint) DAFTARI_CHART_ITEM_INCOME, (gint64) p.months[2]);
  spin_until (transactions_shown, NULL);
  dialog = GTK_WIDGET (find_toplevel (ADW_TYPE_WINDOW));
  g_assert_true (shows_text (dialog, "Counter sales"));
  g_assert_true (shows_text (dialog, sales_now));
  g_assert_true (shows_text (dialog, "1 transaction"));
  g_assert_false (shows_text (dialog, "KAMAU HARDWARE"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Saved as CSV: the sales line with this month's and last month's. */
  csv_path = g_build_filename (f->dir, "monthly.csv", NULL);
  csv_file = g_file_new_for_path (csv_path);
  g_assert_true (daftari_reports_page_save_csv (page, csv_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, &error));
  plain_now = plain (p.sales[2]);
  plain_before = plain (p.sales[1]);
  expected_line = g_strdup_printf ("\r\nincome,Sales,%s,%s,", plain_now, plain_before);
  g_assert_nonnull (strstr (csv, expected_line));
  g_assert_true (g_str_has_prefix (csv, "section,category,this_month,"));

  /* The chart saved by its extension; a wrong one refused, nothing written. */
  svg_path = g_build_filename (f->dir, "bars.svg", NULL);
  svg_file = g_file_new_for_path (svg_path);
  g_assert_true (daftari_reports_page_save_chart (page, svg_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg_path, &svg, NULL, &error));
  g_assert_nonnull (strstr (svg, "<svg"));
  bad_path = g_build_filename (f->dir, "bars.txt", NULL);
  bad_file = g_file_new_for_path (bad_path);
  g_assert_false (daftari_reports_page_save_chart (page, bad_file, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));

  /* The report PDF of the month: a whole PDF holding this month's sales;
   * into a folder that is not there, refused with the reason and nothing
   * written. */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button_labelled (GTK_WIDGET (page), "Export _PDF…"))));
  pdf_path = g_build_filename (f->dir, "report.pdf", NULL);
  pdf_done = export_pdf (page, pdf_path);
  g_assert_no_error (pdf_done.error);
  g_assert_true (pdf_done.ok);
  g_assert_true (g_file_get_contents (pdf_path, &pdf, &pdf_length, &error));
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  g_assert_cmpuint (pdf_length, >, 10000);
  bad_pdf = g_build_filename (f->dir, "missing", "report.pdf", NULL);
  pdf_failed = export_pdf (page, bad_pdf);
  g_assert_false (pdf_failed.ok);
  g_assert_nonnull (pdf_failed.error);
  g_assert_nonnull (strstr (pdf_failed.error->message, "That folder does not exist"));
  g_clear_error (&pdf_failed.error);
  g_assert_false (g_file_test (bad_pdf, G_FILE_TEST_EXISTS));

  /* Last month: its sales against the month before; this month's gone. */
  gtk_drop_down_set_selected (child (page, DAFTARI_TYPE_REPORTS_PAGE, "period_dropdown"), DAFTARI_PERIOD_LAST_MONTH);
  spin_a_moment ();
  g_assert_true (shows_text (GTK_WIDGET (page), sales_before));
  g_assert_true (shows_text (GTK_WIDGET (page), sales_two_ago));
  g_assert_false (shows_text (GTK_WIDGET (page), sales_now));

  g_unlink (csv_path);
  g_unlink (svg_path);
  g_unlink (pdf_path);
}

/* Profit and loss over custom dates (the two months before this one), its
 * expense donut, and a slice's transactions. */
static void
test_pnl_custom (Fixture *f, gconstpointer data)
{
  g_autoptr(DaftariBook) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariChartItem) slice = NULL;
  g_autofree char *from = NULL, *to = NULL, *sales_total = NULL, *stock_total = NULL, *stock_now = NULL;
  g_autofree char *stock_each = NULL;
  DaftariReportsPage *page;
  DaftariChartView *chart_view;
  DaftariPeriod last;
  GtkWidget *dialog;
  Posted p;

  make_book (f, &p);
  book = daftari_book_open (f->book_path, &error);
  g_assert_no_error (error);
  daftari_period_month (&last, book, p.months[1]);
  to = daftari_day_format (last.to_day);
  from = g_strdup_printf ("%04d-%02d-01", p.months[0] / 100, p.months[0] % 100);
  sales_total = grouped (book, p.sales[0] + p.sales[1]);
  stock_total = grouped (book, p.stock[0] + p.stock[1]);
  stock_now = grouped (book, p.stock[2]);
  stock_each = grouped (book, p.stock[1]);

  daftari_main_view_show_page (open_window (f), "reports");
  spin_a_moment ();
  page = DAFTARI_REPORTS_PAGE (find_descendant (GTK_WIDGET (f->window), DAFTARI_TYPE_REPORTS_PAGE));
  gtk_drop_down_set_selected (child (page, DAFTARI_TYPE_REPORTS_PAGE, "report_dropdown"), DAFTARI_REPORT_CHOICE_PNL);
  gtk_drop_down_set_selected (child (page, DAFTARI_TYPE_REPORTS_PAGE, "period_dropdown"), DAFTARI_PERIOD_CUSTOM);
  spin_a_moment ();
  /* A date that is not one is refused and said so. */
  set_text (child (page, DAFTARI_TYPE_REPORTS_PAGE, "from_entry"), "2025-02-31");
  set_text (child (page, DAFTARI_TYPE_REPORTS_PAGE, "to_entry"), to);
  gtk_widget_activate_action (GTK_WIDGET (page), "page.apply-dates", NULL);
  spin_a_moment ();
  g_assert_true (shows_text (GTK_WIDGET (page), "is not a date"));
  g_assert_null (daftari_reports_page_get_table (page));

  set_text (child (page, DAFTARI_TYPE_REPORTS_PAGE, "from_entry"), from);
  gtk_widget_activate_action (GTK_WIDGET (page), "page.apply-dates", NULL);
  spin_a_moment ();
  g_assert_cmpstr (daftari_reports_page_get_table (page)->name, ==, "pnl");
  g_assert_cmpstr (daftari_reports_page_get_table (page)->from, ==, from);
  g_assert_cmpstr (daftari_reports_page_get_table (page)->to, ==, to);
  g_assert_true (shows_text (GTK_WIDGET (page), sales_total));
  g_assert_true (shows_text (GTK_WIDGET (page), stock_total));
  g_assert_false (shows_text (GTK_WIDGET (page), stock_now));

  chart_view = child (page, DAFTARI_TYPE_REPORTS_PAGE, "chart_view");
  g_assert_cmpint (daftari_chart_get_kind (daftari_chart_view_get_chart (chart_view)), ==, DAFTARI_CHART_CATEGORIES);
  slice = find_item (daftari_chart_view_get_chart (chart_view), DAFTARI_CHART_ITEM_SLICE,
                     test_account_id (book, "Stock purchases"));
  g_assert_nonnull (slice);
  g_assert_cmpint (slice->value, ==, p.stock[0] + p.stock[1]);
  g_signal_emit_by_name (chart_view, "item-activated", (guint) DAFTARI_CHART_ITEM_SLICE, slice->id);
  spin_until (transactions_shown, NULL);
  dialog = GTK_WIDGET (find_toplevel (ADW_TYPE_WINDOW));
  g_assert_true (shows_text (dialog, "2 transactions"));
  g_assert_true (shows_text (dialog, stock_each));
  g_assert_true (shows_text (dialog, stock_total));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
cashflow_shown (gpointer page)
{
  return shows_text (page, "Likely to fall below KES 1,000,000,000.00");
}

static gboolean
flag_shown (gpointer page)
{
  return shows_text (page, "paid twice?");
}

static gboolean
flags_settled (gpointer page)
{
  return shows_text (page, "Nothing unusual in the last three months.");
}

/* The dashboard: the month by category, the budget, the double payment;
 * Dismiss stores the dismissal and the flag stays gone after the rescan. */
static void
test_dashboard (Fixture *f, gconstpointer data)
{
  g_autoptr(DaftariBook) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stock_now = NULL, *rent = NULL, *budget = NULL, *percent = NULL;
  GtkWidget *page;
  Posted p;

  make_book (f, &p);
  book = daftari_book_open (f->book_path, &error);
  g_assert_no_error (error);
  stock_now = daftari_money_format (p.stock[2], daftari_book_get_currency (book), DAFTARI_MONEY_FORMAT_DEFAULT);
  rent = daftari_money_format (p.rent, daftari_book_get_currency (book), DAFTARI_MONEY_FORMAT_DEFAULT);
  budget = daftari_money_format (p.budget, daftari_book_get_currency (book), DAFTARI_MONEY_FORMAT_DEFAULT);
  percent = g_strdup_printf ("%d%%", (int) (p.rent * 100 / p.budget));
  /* A floor far above what the shop holds: the outlook must warn at once. */
  g_assert_true (daftari_cashflow_set_floor (book, G_GINT64_CONSTANT (100000000000), &error));
  g_assert_no_error (error);

  open_window (f);
  page = find_descendant (GTK_WIDGET (f->window), DAFTARI_TYPE_DASHBOARD_PAGE);
  g_assert_true (shows_text (page, "Stock purchases"));
  g_assert_true (shows_text (page, stock_now));
  g_assert_true (shows_text (page, budget));
  g_assert_true (shows_text (page, percent));
  g_assert_true (shows_text (page, "Cash-Flow Outlook"));
  /* The outlook is worked out in a thread. */
  spin_until (cashflow_shown, page);
  g_assert_true (shows_text (page, "In Two Months"));
  spin_until (flag_shown, page);
  g_assert_true (shows_text (page, "KAMAU HARDWARE"));
  g_assert_cmpint (ui_test_db_int (f->book_path, "SELECT count (*) FROM anomaly_dismissal"), ==, 0);

  press (GTK_WIDGET (button_labelled (page, "_Dismiss")));
  g_assert_cmpint (ui_test_db_int (f->book_path, "SELECT count (*) FROM anomaly_dismissal"), ==, 1);
  spin_until (flags_settled, page);
  g_assert_false (shows_text (page, "paid twice?"));
  g_assert_null (button_labelled (page, "_Dismiss"));
}

int
main (int argc, char **argv)
{
  int status = ui_test_init (&argc, &argv);

  if (status != 0)
    return status;
  g_test_add ("/reports/monthly", Fixture, NULL, fixture_set_up, test_monthly, fixture_tear_down);
  g_test_add ("/reports/pnl-custom", Fixture, NULL, fixture_set_up, test_pnl_custom, fixture_tear_down);
  g_test_add ("/reports/dashboard", Fixture, NULL, fixture_set_up, test_dashboard, fixture_tear_down);
  return ui_test_run ();
}
