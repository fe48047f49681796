/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The transactions CSV read back with a CSV reader of its own and compared
 * row by row with the entries posted (report-book.h). */
#include <gio/gio.h>

#include "report-book.h"

#include "daftari-export.h"
#include "daftari-report.h"

/* RFC 4180 read independently of the writer: quoted fields may hold
 * commas, doubled quotes and line breaks; records end with CRLF. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  GString *field = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      if (*p == '"')
        {
          for (p++; *p && !(p[0] == '"' && p[1] != '"'); p++)
            {
              if (p[0] == '"')
                p++;
              g_string_append_c (field, *p);
            }
          g_assert_true (*p == '"');
          p++;
        }
      else
        while (*p && *p != ',' && *p != '\r' && *p != '\n')
          g_string_append_c (field, *p++);
      g_ptr_array_add (fields, g_strdup (field->str));
      g_string_truncate (field, 0);
      if (*p == ',')
        p++;
      else
        {
          /* The end of a record must be CRLF, exactly. */
          g_assert_true (p[0] == '\r' && p[1] == '\n');
          p += 2;
          g_ptr_array_add (fields, NULL);
          g_ptr_array_add (records, g_ptr_array_steal (fields, NULL));
        }
    }
  g_string_free (field, TRUE);
  return records;
}

static char *
export_text (ReportBook *rb, gint64 from_ts, gint64 to_ts, guint64 *out_rows)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (rb->tb->dir, "export.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  char *text = NULL;

  g_assert_no_error (error);
  g_assert_true (daftari_export_csv (rb->tb->book, from_ts, to_ts, G_OUTPUT_STREAM (out), out_rows, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error));
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  return text;
}

typedef struct {
  DaftariDay  day;
  const char *wallet;
  const char *channel;
  const char *counterparty;
  const char *category;
  gint64      in, out, fee;
  const char *kind;
  const char *memo;
} Expected;

static char *
cents (gint64 amount)
{
  return g_strdup_printf ("%s%lld.%02lld", amount < 0 ? "-" : "", (long long) ABS (amount) / 100,
                          (long long) ABS (amount) % 100);
}

static void
test_rows (void)
{
  g_autoptr(ReportBook) rb = report_book_new ();
  const Expected expected[] = {
    { 20250101, "M-PESA", "mpesa", "", "Opening balances", RB_OPENING_MPESA, 0, 0, "opening", NULL },
    { 20250101, "KCB", "bank", "", "Opening balances", RB_OPENING_KCB, 0, 0, "opening", NULL },
    { 20250105, "M-PESA", "mpesa", "", "Sales", RB_SALE_MPESA, 0, 0, "income", RB_SALE_MEMO },
    { 20250106, "KCB", "bank", "", "Sales", RB_SALE_KCB, 0, 0, "income", "test" },
    { 20250107, "M-PESA", "agent", "", "Stock purchases", 0, RB_STOCK_MPESA, 0, "expense",
      "SKR1 Customer Withdrawal At Agent Till 123456 - MAMA AGENT" },
    { 20250108, "KCB", "bank", "", "Rent", 0, RB_RENT_KCB, 0, "expense", "test" },
    { 20250110, "M-PESA", "paybill", "888880", "Electricity (KPLC)", 0, RB_KPLC, RB_KPLC_FEE, "payment",
      "KPLC PREPAID" },
    { 20250112, "KCB", "transfer", "M-PESA", "", 0, RB_TRANSFER_IN, RB_TRANSFER_FEE, "transfer", "test" },
    { 20250112, "M-PESA", "transfer", "KCB", "", RB_TRANSFER_IN, 0, 0, "transfer", "test" },
    { 20250113, "M-PESA", "transfer", "Cash", "", 0, RB_FLOAT, 0, "transfer", RB_FLOAT_MEMO },
    { 20250113, "Cash", "transfer", "M-PESA", "", RB_FLOAT, 0, 0, "transfer", RB_FLOAT_MEMO },
    { 20250114, "M-PESA", "pochi", "254712345678", "Stock purchases", 0, RB_POCHI, 0, "payment", NULL },
    { 20250120, "M-PESA", "mpesa", "Baraka Hardware", "Accounts Receivable", RB_PAY1, 0, 0, "general", NULL },
    { 20250121, "KCB", "bank", "Amina Stores", "Accounts Receivable", RB_PAY2, 0, 0, "general", NULL },
  };
  gint64 mpesa = RB_SALE_2024_01 - RB_RENT_2024_01, kcb = RB_SALE_2024_12 - RB_STOCK_2024_12, cash = 0;
  DaftariPeriod p;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_auto(GStrv) header = g_strsplit (DAFTARI_EXPORT_CSV_HEADER, ",", -1);
  guint64 rows = 0;
  guint r = 1;

  /* The stock purchase came from a statement row of an agent withdrawal:
   * its source and channel come from there. Its import row keeps no
   * details (as imports write them now): the text is the memo after the
   * receipt. Not money: plain SQL. */
  {
    sqlite3 *db = test_db_open (rb->tb->path);
    g_autofree char *sql = g_strdup_printf (
        "UPDATE txn SET memo = 'SKR1 Customer Withdrawal At Agent Till 123456 - MAMA AGENT'"
        " WHERE kind = 'expense' AND ts = %" G_GINT64_FORMAT ";"
        "INSERT INTO import_batch (ts, source, wallet_id) VALUES (0, 'mpesa-csv', %" G_GINT64_FORMAT ");"
        "INSERT INTO import_row (batch_id, wallet_id, key, txn_id, state, receipt, ts, amount, details)"
        " SELECT last_insert_rowid (), %" G_GINT64_FORMAT ", 'k1', id, 'posted', 'SKR1', ts, -1, ''"
        " FROM txn WHERE kind = 'expense' AND ts = %" G_GINT64_FORMAT,
        report_book_noon (rb, 20250107), rb->tb->mpesa, rb->tb->mpesa, report_book_noon (rb, 20250107));
    test_sql_exec (db, sql);
    sqlite3_close (db);
  }
  g_assert_true (daftari_period_init (&p, rb->tb->book, 20250101, 20250131, &error));
  text = export_text (rb, p.from_ts, p.to_ts, &rows);
  records = parse_csv (text);
  /* Bitcoin's opening (01-02) is a row too, checked apart. */
  g_assert_cmpuint (rows, ==, G_N_ELEMENTS (expected) + 1);
  g_assert_cmpuint (records->len, ==, rows + 1);
  g_assert_cmpstrv ((char **) g_ptr_array_index (records, 0), header);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++, r++)
    {
      const Expected *e = &expected[i];
      char **row = g_ptr_array_index (records, r);
      g_autofree char *date = daftari_day_format (e->day);
      g_autofree char *in = NULL, *out = NULL, *fee = NULL, *balance = NULL;
      gint64 *running;

      if (g_str_equal (row[4], "Bitcoin"))
        {
          g_assert_cmpstr (row[0], ==, "2025-01-02");
          g_assert_cmpstr (row[8], ==, "0.01000000");
          g_assert_cmpstr (row[11], ==, "0.01000000");
          g_assert_cmpstr (row[14], ==, "BTC");
          row = g_ptr_array_index (records, ++r);
        }
      g_assert_cmpuint (g_strv_length (row), ==, g_strv_length (header));
      running = g_str_equal (e->wallet, "M-PESA") ? &mpesa : g_str_equal (e->wallet, "KCB") ? &kcb : &cash;
      *running += e->in - e->out - e->fee;
      in = cents (e->in), out = cents (e->out), fee = cents (e->fee), balance = cents (*running);
      g_assert_cmpstr (row[0], ==, date);
      g_assert_cmpstr (row[1], ==, "12:00:00");        /* local noon, as posted */
      g_assert_cmpstr (row[3], ==, "2025-01");
      g_assert_cmpstr (row[4], ==, e->wallet);
      g_assert_cmpstr (row[5], ==, e->channel);
      g_assert_cmpstr (row[6], ==, e->counterparty);
      g_assert_cmpstr (row[7], ==, e->category);
      g_assert_cmpstr (row[8], ==, in);
      g_assert_cmpstr (row[9], ==, out);
      g_assert_cmpstr (row[10], ==, fee);
      g_assert_cmpstr (row[11], ==, balance);
      g_assert_cmpstr (row[12], ==, e->day == 20250107 ? "mpesa-csv" : "manual");
      g_assert_cmpstr (row[14], ==, "KES");
      g_assert_cmpstr (row[15], ==, e->kind);
      if (e->memo != NULL)
        g_assert_cmpstr (row[18], ==, e->memo);
    }
  /* 2025-01-05 was a Sunday; the Paybill's account number is the reference. */
  g_assert_cmpstr (((char **) g_ptr_array_index (records, 4))[2], ==, "Sunday");
  g_assert_cmpstr (((char **) g_ptr_array_index (records, 8))[17], ==, "54100000000");
  /* The quoting that carried the memo: doubled quotes inside a quoted field. */
  g_assert_nonnull (strstr (text, "\"Float, \"\"petty\"\"\ncash\""));
  /* The last rows' balances are the wallets' balances at the end of the month. */
  {
    gint64 balance;
    g_assert_true (daftari_query_balance (rb->tb->book, rb->tb->mpesa, p.to_ts, &balance, &error));
    g_assert_cmpint (balance, ==, mpesa);
    g_assert_true (daftari_query_balance (rb->tb->book, rb->tb->kcb, p.to_ts, &balance, &error));
    g_assert_cmpint (balance, ==, kcb);
  }
}

/* Without bounds: every wallet leg, and each wallet's last balance is its
 * balance now. */
static void
test_whole_book (void)
{
  g_autoptr(ReportBook) rb = report_book_new ();
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) last = g_hash_table_new (g_str_hash, g_str_equal);
  guint64 rows = 0;
  gint64 legs = test_db_int (rb->tb->path,
      "SELECT count (*) FROM split s JOIN account a ON a.id = s.account_id"
      " WHERE a.kind IN ('mpesa', 'bank', 'cash', 'crypto')");

  text = export_text (rb, G_MININT64, G_MAXINT64, &rows);
  records = parse_csv (text);
  g_assert_cmpint ((gint64) rows, ==, legs);
  g_assert_cmpuint (records->len, ==, rows + 1);
  for (guint r = 1; r < records->len; r++)
    {
      char **row = g_ptr_array_index (records, r);
      g_hash_table_insert (last, row[4], row[11]);
    }
  {
    g_autofree char *mpesa = cents (test_balance (rb->tb->book, rb->tb->mpesa));
    g_autofree char *kcb = cents (test_balance (rb->tb->book, rb->tb->kcb));
    g_assert_cmpstr (g_hash_table_lookup (last, "M-PESA"), ==, mpesa);
    g_assert_cmpstr (g_hash_table_lookup (last, "KCB"), ==, kcb);
  }
}

int
main (int argc, char **argv)
{
  test_common_init (&argc, &argv);
  g_test_add_func ("/export/rows", test_rows);
  g_test_add_func ("/export/whole-book", test_whole_book);
  return g_test_run ();
}
