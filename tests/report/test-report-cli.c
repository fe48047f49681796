/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftari-cli report … and export csv, end to end on the hand-built book:
 * --json parsed back, CSV files read back, the tables people read. */
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "report-book.h"

/* Runs daftari-cli with the book; returns its stdout, asserting the exit status. */
static char *
run_cli (ReportBook *rb, int expected_status, char **out_err, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL, *err = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("DAFTARI_CLI"));
  g_ptr_array_add (argv, (char *) "--book");
  g_ptr_array_add (argv, rb->tb->path);
  va_start (args, out_err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char *const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error));
  if (g_subprocess_get_exit_status (process) != expected_status)
    g_error ("exit %d, expected %d: %s", g_subprocess_get_exit_status (process), expected_status, err);
  if (out_err != NULL)
    *out_err = err;
  else
    g_free (err);
  return out;
}

static JsonObject *
parse_json (const char *text, JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static JsonObject *
row_named (JsonObject *root, const char *column, const char *name)
{
  JsonArray *rows = json_object_get_array_member (root, "rows");

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      if (g_strcmp0 (json_object_get_string_member_with_default (row, column, ""), name) == 0)
        return row;
    }
  g_error ("no row %s", name);
}

static void
test_monthly_json (void)
{
  g_autoptr(ReportBook) rb = report_book_new ();
  g_autofree char *out = run_cli (rb, 0, NULL, "report", "monthly", "--month", "2025-01", "--json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = parse_json (out, parser), *sales, *net;

  g_assert_cmpstr (json_object_get_string_member (root, "report"), ==, "monthly");
  g_assert_cmpstr (json_object_get_string_member (root, "from"), ==, "2025-01-01");
  g_assert_cmpstr (json_object_get_string_member (root, "to"), ==, "2025-01-31");
  sales = row_named (root, "category", "Sales");
  g_assert_cmpint (json_object_get_int_member (sales, "this_month_minor"), ==, JAN_SALES);
  g_assert_cmpint (json_object_get_int_member (sales, "previous_month_minor"), ==, RB_SALE_2024_12);
  g_assert_cmpint (json_object_get_int_member (sales, "last_year_minor"), ==, RB_SALE_2024_01);
  net = row_named (root, "section", "net");
  g_assert_cmpint (json_object_get_int_member (net, "this_month_minor"), ==, JAN_SALES - JAN_EXPENSES);
  {
    g_autofree char *exact = g_strdup_printf ("%d.%02d", JAN_SALES / 100, JAN_SALES % 100);
    g_assert_cmpstr (json_object_get_string_member (sales, "this_month"), ==, exact);
  }
}

static void
test_balance_json (void)
{
  g_autoptr(ReportBook) rb = report_book_new ();
  g_autofree char *out = run_cli (rb, 0, NULL, "report", "balance", "--as-of", "2025-01-31", "--json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = parse_json (out, parser);
  gint64 vat = RB_INV1_VAT16 + RB_INV2_VAT8;

  g_assert_cmpint (json_object_get_int_member (root, "difference_minor"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (root, "total_liabilities_minor"), ==, vat);
  g_assert_cmpint (json_object_get_int_member (root, "total_assets_minor"), ==,
                   json_object_get_int_member (root, "total_liabilities_minor") +
                   json_object_get_int_member (root, "total_equity_minor"));
  g_assert_cmpint (json_object_get_int_member (row_named (root, "account", "Cash"), "value_minor"), ==, RB_FLOAT);
  g_assert_cmpstr (json_object_get_string_member (row_named (root, "account", "Bitcoin"), "holding"), ==,
                   "BTC 0.01000000");
}

static void
test_vat_and_pnl_json (void)
{
  g_autoptr(ReportBook) rb = report_book_new ();
  g_autofree char *vat_out = run_cli (rb, 0, NULL, "report", "vat", "--from", "2025-01-01", "--to", "2025-01-31",
                                      "--json", NULL);
  g_autofree char *pnl_out = run_cli (rb, 0, NULL, "--json", "report", "pnl", "--from", "2025-01-06", "--to",
                                      "2025-02-10", "--by-month", NULL);
  g_autoptr(JsonParser) vat_parser = json_parser_new ();
  g_autoptr(JsonParser) pnl_parser = json_parser_new ();
  JsonObject *vat = parse_json (vat_out, vat_parser), *pnl = parse_json (pnl_out, pnl_parser);
  gint64 output = RB_INV1_VAT16 + RB_INV2_VAT8;

  g_assert_cmpint (json_object_get_int_member (vat, "output_vat_minor"), ==, output);
  g_assert_cmpint (json_object_get_int_member (vat, "input_vat_minor"), ==, RB_RENT_VAT + RB_STOCK_VAT);
  g_assert_cmpint (json_object_get_int_member (vat, "net_vat_minor"), ==, output - RB_RENT_VAT - RB_STOCK_VAT);
  g_assert_cmpint (json_object_get_int_member (row_named (pnl, "category", "Sales"), "2025-02_minor"), ==,
                   RB_SALE_2025_02);
  g_assert_cmpint (json_object_get_int_member (pnl, "net_minor"), ==,
                   JAN_SALES - RB_SALE_MPESA + RB_SALE_2025_02 - JAN_EXPENSES);
}

static void
test_cashflow_csv_file (void)
{
  g_autoptr(ReportBook) rb = report_book_new ();
  g_autofree char *path = g_build_filename (rb->tb->dir, "cashflow.csv", NULL);
  /* What it says goes to the file. */
  g_autofree char *out G_GNUC_UNUSED = run_cli (rb, 0, NULL, "report", "cashflow", "--from", "2025-01-01", "--to", "2025-01-31",
                                  "-o", path, NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *fees = g_strdup_printf (",%d.%02d,", RB_KPLC_FEE / 100, RB_KPLC_FEE % 100);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==,
                   "section,wallet,currency,opening,money_in,money_out,transfers_in,transfers_out,fees,closing");
  g_assert_true (g_str_has_prefix (lines[1], "wallet,M-PESA,KES,"));
  g_assert_nonnull (strstr (lines[1], fees));
}

static void
test_people_table (void)
{
  g_autoptr(ReportBook) rb = report_book_new ();
  g_autofree char *out = run_cli (rb, 0, NULL, "report", "pnl", "--from", "2025-01-01", "--to", "2025-01-31", NULL);
  /* KES with thousands separators: 13,000.00 for the month's sales. */
  g_autofree char *grouped = g_strdup_printf ("%d,%03d.%02d", JAN_SALES / 100000, JAN_SALES / 100 % 1000,
                                              JAN_SALES % 100);

  g_assert_nonnull (strstr (out, "Profit and loss"));
  g_assert_nonnull (strstr (out, grouped));
  g_assert_nonnull (strstr (out, "Total income"));
}

static void
test_export_cli (void)
{
  g_autoptr(ReportBook) rb = report_book_new ();
  g_autofree char *path = g_build_filename (rb->tb->dir, "txns.csv", NULL);
  g_autofree char *out = run_cli (rb, 0, NULL, "export", "csv", "-o", path, "--from", "2025-01-01", "--to",
                                  "2025-01-31", "--json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = parse_json (out, parser);
  g_autofree char *text = NULL;
  DaftariCalendar *calendar = daftari_book_get_calendar (rb->tb->book);
  g_autofree char *sql = g_strdup_printf (
      "SELECT count (*) FROM split s JOIN account a ON a.id = s.account_id JOIN txn t ON t.id = s.txn_id"
      " WHERE a.kind IN ('mpesa', 'bank', 'cash', 'crypto') AND t.ts BETWEEN %" G_GINT64_FORMAT
      " AND %" G_GINT64_FORMAT, daftari_calendar_day_start (calendar, 20250101),
      daftari_calendar_day_end (calendar, 20250131));
  gint64 legs = test_db_int (rb->tb->path, sql);

  g_assert_cmpint (json_object_get_int_member (root, "rows"), ==, legs);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "date,time,weekday,month,wallet,channel,"));
}

static void
test_usage_errors (void)
{
  g_autoptr(ReportBook) rb = report_book_new ();
  g_autofree char *err = NULL;
  g_autofree char *out = run_cli (rb, 1, &err, "report", "pnl", "--from", "2025-02-01", "--to", "2025-01-01", NULL);
  /* Refused runs: their exit status is the test. */
  g_autofree char *out2 G_GNUC_UNUSED = run_cli (rb, 2, NULL, "export", "csv", NULL);
  g_autofree char *out3 G_GNUC_UNUSED = run_cli (rb, 2, NULL, "report", "cashflow", "-o", "x.txt", NULL);

  g_assert_nonnull (strstr (err, "before it starts"));
  g_assert_cmpstr (out, ==, "");
}

int
main (int argc, char **argv)
{
  test_common_init (&argc, &argv);
  g_test_add_func ("/report-cli/monthly-json", test_monthly_json);
  g_test_add_func ("/report-cli/balance-json", test_balance_json);
  g_test_add_func ("/report-cli/vat-pnl-json", test_vat_and_pnl_json);
  g_test_add_func ("/report-cli/cashflow-csv", test_cashflow_csv_file);
  g_test_add_func ("/report-cli/people-table", test_people_table);
  g_test_add_func ("/report-cli/export", test_export_cli);
  g_test_add_func ("/report-cli/usage-errors", test_usage_errors);
  return g_test_run ();
}
