/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every report on a big book, each beside a plain SQL query over the same
 * data on a raw sqlite3 connection in the same run, and the CSV export rate.
 *
 *   bench-reports [--book FILE] [--transactions N] [--seed S]
 *
 * --book reuses FILE when it exists (or makes it there, to reuse next time);
 * without it the book is made in a temporary folder. Target (issue 8):
 * every report ≤ 100 ms on a 1,000,000-transaction book. Build with
 * --buildtype=release for figures worth quoting. */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>

#include "bench-common.h"
#include "daftari-core.h"
#include "daftari-export.h"
#include "daftari-report.h"

#define REPEAT 5

typedef struct {
  DaftariBook  *book;
  sqlite3      *raw;
  DaftariPeriod period;
  DaftariMonth  month;
  gint64        charges_id;
} Bench;

typedef void (*Work) (Bench *bench, gpointer data);

static double
time_work (Work work, Bench *bench, gpointer data)
{
  double runs[REPEAT];

  for (guint i = 0; i < REPEAT; i++)
    {
      gint64 start = g_get_monotonic_time ();
      work (bench, data);
      runs[i] = (g_get_monotonic_time () - start) / 1e6;
    }
  return bench_median (runs, REPEAT);
}

/* The baseline: a query run to its end on the raw connection. */
static void
raw_query (Bench *bench, gpointer data)
{
  sqlite3_stmt *stmt;
  gint64 sink = 0;

  if (sqlite3_prepare_v2 (bench->raw, data, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", (const char *) data, sqlite3_errmsg (bench->raw));
  sqlite3_bind_int64 (stmt, 1, bench->period.from_ts);
  sqlite3_bind_int64 (stmt, 2, bench->period.to_ts);
  sqlite3_bind_int64 (stmt, 3, bench->charges_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    sink += sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  (void) sink;
}

static void
run_monthly (Bench *bench, gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariMonthlyReport) report = daftari_report_monthly (bench->book, bench->month, &error);
  bench_check (report != NULL, error);
}

static void
run_pnl (Bench *bench, gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariPnlReport) report = daftari_report_pnl (bench->book, &bench->period, data != NULL, &error);
  bench_check (report != NULL, error);
}

static void
run_cashflow (Bench *bench, gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariCashflowReport) report = daftari_report_cashflow (bench->book, &bench->period, &error);
  bench_check (report != NULL, error);
}

static void
run_balance (Bench *bench, gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariBalanceSheet) report = daftari_report_balance (bench->book, bench->period.to_day, &error);
  bench_check (report != NULL, error);
}

static void
run_top (Bench *bench, gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariTopReport) report = daftari_report_top (bench->book, &bench->period, 10, &error);
  bench_check (report != NULL, error);
}

static void
run_charges (Bench *bench, gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariChargesReport) report = daftari_report_charges (bench->book, &bench->period, &error);
  bench_check (report != NULL, error);
}

static void
run_vat (Bench *bench, gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariVatReport) report = daftari_report_vat (bench->book, &bench->period, &error);
  bench_check (report != NULL, error);
}

/* The plain SQL a person would write for each, over the same period. */
static const char base_categories[] =
  "SELECT s.account_id, sum (s.value) FROM txn t JOIN split s ON s.txn_id = t.id"
  " WHERE t.ts BETWEEN ?1 AND ?2 GROUP BY s.account_id";
static const char base_cashflow[] =
  "SELECT s.account_id, sum (CASE WHEN s.amount > 0 THEN s.amount END), sum (CASE WHEN s.amount < 0 THEN s.amount END),"
  " sum (CASE WHEN t.kind = 'transfer' THEN s.amount END) FROM txn t JOIN split s ON s.txn_id = t.id"
  " WHERE t.ts BETWEEN ?1 AND ?2 GROUP BY s.account_id";
static const char base_balance[] =
  "SELECT account_id, sum (amount), sum (value) FROM split WHERE ts <= ?2 GROUP BY account_id";
static const char base_top[] =
  "SELECT t.counterparty, sum (s.value) AS paid FROM txn t JOIN split s ON s.txn_id = t.id"
  " WHERE t.ts BETWEEN ?1 AND ?2 AND t.counterparty != '' AND s.value > 0 AND s.role = 0"
  " GROUP BY t.counterparty ORDER BY paid DESC LIMIT 10";
static const char base_charges[] =
  "SELECT w.account_id, sum (c.value) FROM split c JOIN split w ON w.txn_id = c.txn_id AND w.value < 0"
  " WHERE c.account_id = ?3 AND c.ts BETWEEN ?1 AND ?2 GROUP BY w.account_id";
static const char base_vat[] =
  "SELECT l.vat_rate, sum (l.net), sum (l.vat) FROM invoice i JOIN invoice_line l ON l.invoice_id = i.id"
  " WHERE i.issue_ts BETWEEN ?1 AND ?2 GROUP BY l.vat_rate";

static void
report (const char *what, double ours, double baseline)
{
  g_print ("%-40s %10.2f ms %10.2f ms %8.2f×   %s\n", what, ours * 1000, baseline * 1000, ours / baseline,
           ours <= 0.1 ? "≤ 100 ms: yes" : "≤ 100 ms: NO");
}

static void
bench_period (Bench *bench, const char *label)
{
  struct { const char *name; Work work; gpointer data; const char *baseline; } rows[] = {
    { "profit and loss", run_pnl, NULL, base_categories },
    { "profit and loss, by month", run_pnl, GINT_TO_POINTER (1), base_categories },
    { "cash flow by wallet", run_cashflow, NULL, base_cashflow },
    { "balance sheet (as of the last day)", run_balance, NULL, base_balance },
    { "top customers and payees", run_top, NULL, base_top },
    { "charges per wallet", run_charges, NULL, base_charges },
    { "VAT summary", run_vat, NULL, base_vat },
  };
  g_autofree char *from = daftari_day_format (bench->period.from_day);
  g_autofree char *to = daftari_day_format (bench->period.to_day);

  g_print ("\n%s: %s – %s\n", label, from, to);
  g_print ("%-40s %13s %13s %9s\n", "", "Daftari", "plain SQL", "ratio");
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      double ours = time_work (rows[i].work, bench, rows[i].data);
      double theirs = time_work (raw_query, bench, (gpointer) rows[i].baseline);
      g_autofree char *what = g_strdup_printf ("  %s", rows[i].name);
      report (what, ours, theirs);
    }
}

/* The export to a file, and the baseline: the same rows read by SQL and
 * written with fprintf, no formatting of dates or money. */
static void
bench_export (Bench *bench, const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "bench-export.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileOutputStream) out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  guint64 rows = 0, raw_rows = 0;
  gint64 start;
  double ours, theirs;
  sqlite3_stmt *stmt;
  FILE *raw_out;

  bench_check (out != NULL, error);
  start = g_get_monotonic_time ();
  bench_check (daftari_export_csv (bench->book, G_MININT64, G_MAXINT64, G_OUTPUT_STREAM (out), &rows, NULL, &error) &&
         g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error), error);
  ours = (g_get_monotonic_time () - start) / 1e6;

  raw_out = fopen (path, "w");
  start = g_get_monotonic_time ();
  sqlite3_prepare_v2 (bench->raw,
                      "SELECT t.id, t.ts, t.kind, t.memo, t.channel, t.counterparty, s.account_id, s.amount"
                      " FROM txn t JOIN split s ON s.txn_id = t.id JOIN account a ON a.id = s.account_id"
                      " WHERE a.kind IN ('mpesa', 'bank', 'cash', 'crypto') ORDER BY t.ts, t.id, s.n", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      fprintf (raw_out, "%lld,%lld,%s,%s,%s,%s,%lld,%lld\n", (long long) sqlite3_column_int64 (stmt, 0),
               (long long) sqlite3_column_int64 (stmt, 1), sqlite3_column_text (stmt, 2),
               sqlite3_column_text (stmt, 3), sqlite3_column_text (stmt, 4), sqlite3_column_text (stmt, 5),
               (long long) sqlite3_column_int64 (stmt, 6), (long long) sqlite3_column_int64 (stmt, 7));
      raw_rows++;
    }
  sqlite3_finalize (stmt);
  fclose (raw_out);
  theirs = (g_get_monotonic_time () - start) / 1e6;
  g_print ("\n%-40s %10.2f s  %10.2f s  %8.2f×\n", "export csv, whole book", ours, theirs, ours / theirs);
  g_print ("%-40s %10.0f/s %10.0f/s   (%" G_GUINT64_FORMAT " rows; plain: %" G_GUINT64_FORMAT ")\n",
           "  rows per second", rows / ours, raw_rows / theirs, rows, raw_rows);
  g_unlink (path);
}

static void
last_full_month (Bench *bench, gint64 last_ts)
{
  DaftariCalendar *calendar = daftari_book_get_calendar (bench->book);
  bench->month = daftari_month_add (daftari_calendar_month_of (calendar, last_ts), -1);
  daftari_period_month (&bench->period, bench->book, bench->month);
}

int
main (int argc, char **argv)
{
  int transactions = 1000000, seed = 254;
  g_autofree char *book_path = NULL;
  const GOptionEntry entries[] = {
    { "book", 0, 0, G_OPTION_ARG_FILENAME, &book_path, "Book to reuse (made there if missing)", "FILE" },
    { "transactions", 0, 0, G_OPTION_ARG_INT, &transactions, "Transactions to make", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Generator seed", "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— measure the reports");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(DaftariBook) book = NULL;
  g_autoptr(DaftariAccount) charges = NULL;
  Bench bench = { 0 };
  gint64 last_ts;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  bench_check (g_option_context_parse (context, &argc, &argv, &error), error);
  daftari_core_init ();
  if (book_path == NULL)
    {
      dir = g_dir_make_tmp ("daftari-bench-reports-XXXXXX", &error);
      bench_check (dir != NULL, error);
      book_path = g_build_filename (dir, "bench.daftari", NULL);
    }
  else
    dir = g_path_get_dirname (book_path);
  book = bench_open_or_make (book_path, "Benchmark Wholesalers", transactions, seed);
  bench.book = book;
  bench_check (sqlite3_open_v2 (book_path, &bench.raw, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK, NULL);
  charges = daftari_account_find_role (book, DAFTARI_ROLE_CHARGES, &error);
  bench_check (charges != NULL, error);
  bench.charges_id = charges->id;
  {
    sqlite3_stmt *stmt;
    g_autofree char *last_day = NULL;
    sqlite3_prepare_v2 (bench.raw, "SELECT max (ts), count (*) FROM txn", -1, &stmt, NULL);
    sqlite3_step (stmt);
    last_ts = sqlite3_column_int64 (stmt, 0);
    last_day = daftari_day_format (daftari_calendar_day_of (daftari_book_get_calendar (book), last_ts));
    g_print ("%lld transactions, the last on %s\n", (long long) sqlite3_column_int64 (stmt, 1), last_day);
    sqlite3_finalize (stmt);
  }

  last_full_month (&bench, last_ts);
  {
    double ours = time_work (run_monthly, &bench, NULL);
    double theirs = 3 * time_work (raw_query, &bench, (gpointer) base_categories);
    g_print ("\n%-40s %13s %13s %9s\n", "", "Daftari", "plain SQL", "ratio");
    report ("monthly summary (3 months: ×3 baseline)", ours, theirs);
  }
  bench_period (&bench, "A month");
  {
    DaftariCalendar *calendar = daftari_book_get_calendar (book);
    DaftariDay to = bench.period.to_day;
    gint64 start, end;
    /* From the 15th: the first month's ragged part comes from the splits. */
    daftari_calendar_month_range (calendar, daftari_month_add (bench.month, -11), &start, &end);
    bench_check (daftari_period_init (&bench.period, book, daftari_calendar_day_of (calendar, start) + 14, to, &error),
           error);
  }
  bench_period (&bench, "About a year, from the 15th");
  bench_export (&bench, dir);
  sqlite3_close (bench.raw);
  return 0;
}
