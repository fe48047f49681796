/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "report-book.h"

#include "daftari-customer.h"
#include "daftari-invoice.h"

gint64
report_book_noon (ReportBook *rb, DaftariDay day)
{
  return daftari_calendar_day_noon (daftari_book_get_calendar (rb->tb->book), day);
}

static gint64
record (ReportBook *rb, DaftariTxnKind kind, gint64 wallet, gint64 category, gint64 amount, DaftariDay day,
        const char *memo)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (daftari_ops_record (rb->tb->book, kind, wallet, category, amount, report_book_noon (rb, day),
                                     memo, &id, &error));
  g_assert_no_error (error);
  return id;
}

static gint64
transfer (ReportBook *rb, gint64 from, gint64 to, gint64 amount, gint64 fee, DaftariDay day, const char *memo)
{
  g_autoptr(GError) error = NULL;
  DaftariTransferSpec spec = { from, to, amount, fee, report_book_noon (rb, day), memo };
  gint64 id = 0;

  g_assert_true (daftari_ops_transfer (rb->tb->book, &spec, &id, &error));
  g_assert_no_error (error);
  return id;
}

static void
pay (ReportBook *rb, DaftariPayChannel channel, const char *number, const char *account, gint64 category,
     gint64 amount, gint64 fee, DaftariDay day, const char *memo)
{
  g_autoptr(GError) error = NULL;
  DaftariPaySpec spec = { channel, rb->tb->mpesa, number, account, category, amount, fee,
                          report_book_noon (rb, day), memo };

  g_assert_true (daftari_ops_pay (rb->tb->book, &spec, NULL, &error));
  g_assert_no_error (error);
}

static gint64
customer (ReportBook *rb, const char *name)
{
  g_autoptr(GError) error = NULL;
  DaftariCustomerSpec spec = { .name = name };
  gint64 id = 0;

  g_assert_true (daftari_customer_add (rb->tb->book, &spec, &id, &error));
  g_assert_no_error (error);
  return id;
}

static void
add_line (DaftariInvoice *invoice, gint64 quantity, gint64 price, DaftariVatRate rate)
{
  DaftariInvoiceLine *line = daftari_invoice_add_line (invoice, "Goods");
  line->quantity = quantity * DAFTARI_QUANTITY_ONE;
  line->unit_price = price;
  line->vat_rate = rate;
}

static gint64
invoice (ReportBook *rb, gint64 customer_id, DaftariDay day, gint64 price_a, DaftariVatRate rate_a,
         gint64 quantity_a, gint64 price_b, DaftariVatRate rate_b)
{
  g_autoptr(DaftariInvoice) draft = daftari_invoice_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;

  draft->customer_id = customer_id;
  add_line (draft, quantity_a, price_a, rate_a);
  if (price_b)
    add_line (draft, 1, price_b, rate_b);
  g_assert_true (daftari_invoice_save_draft (rb->tb->book, draft, &error));
  g_assert_true (daftari_invoice_issue (rb->tb->book, draft->id, report_book_noon (rb, day), &number, &error));
  g_assert_no_error (error);
  return draft->id;
}

static void
receive (ReportBook *rb, gint64 invoice_id, gint64 wallet, gint64 amount, DaftariDay day)
{
  g_autoptr(GError) error = NULL;
  DaftariPaymentSpec spec = { .wallet_id = wallet, .amount = amount, .ts = report_book_noon (rb, day),
                              .invoice_ids = &invoice_id, .n_invoices = 1 };

  g_assert_true (daftari_invoice_receive_payment (rb->tb->book, &spec, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* A saved receipt as the receipts area keeps it: the image once, its fields
 * as JSON in attachment.details, linked to the transaction. Written with
 * SQL because it is not money: the ledger's rules are not involved. */
static void
attach (ReportBook *rb, gint64 txn_id, const char *sha, const char *details)
{
  g_autofree char *sql = g_strdup_printf (
      "INSERT INTO attachment (sha256, mime, bytes, details, created) VALUES ('%s', 'image/png', x'00', '%s', 0);"
      "INSERT INTO txn_attachment (txn_id, attachment_id) VALUES (%" G_GINT64_FORMAT ", last_insert_rowid ());",
      sha, details, txn_id);
  sqlite3 *db = test_db_open (rb->tb->path);

  test_sql_exec (db, sql);
  sqlite3_close (db);
}

ReportBook *
report_book_new (void)
{
  ReportBook *rb = g_new0 (ReportBook, 1);
  TestBook *tb = rb->tb = test_book_new ();
  g_autoptr(GError) error = NULL;
  const DaftariCommodity *btc = daftari_commodity_lookup ("BTC");
  gint64 inv3, rent, stock;

  rb->kplc_category = test_account_id (tb->book, "Electricity (KPLC)");
  record (rb, DAFTARI_TXN_INCOME, tb->mpesa, tb->sales, RB_SALE_2024_01, 20240110, "test");
  record (rb, DAFTARI_TXN_EXPENSE, tb->mpesa, tb->rent, RB_RENT_2024_01, 20240120, "test");
  record (rb, DAFTARI_TXN_INCOME, tb->kcb, tb->sales, RB_SALE_2024_12, 20241215, "test");
  record (rb, DAFTARI_TXN_EXPENSE, tb->kcb, tb->stock, RB_STOCK_2024_12, 20241220, "test");

  g_assert_true (daftari_rates_set (tb->book, btc, 20250101, RB_BTC_RATE_1 * DAFTARI_RATE_ONE, &error));
  g_assert_true (daftari_rates_set (tb->book, btc, 20250120, RB_BTC_RATE_2 * DAFTARI_RATE_ONE, &error));
  g_assert_no_error (error);
  rb->bitcoin = test_add_wallet (tb->book, "Bitcoin", DAFTARI_ACCOUNT_CRYPTO, "BTC", RB_BTC_SATS,
                                 report_book_noon (rb, 20250102), FALSE);

  record (rb, DAFTARI_TXN_INCOME, tb->mpesa, tb->sales, RB_SALE_MPESA, 20250105, RB_SALE_MEMO);
  record (rb, DAFTARI_TXN_INCOME, tb->kcb, tb->sales, RB_SALE_KCB, 20250106, "test");
  stock = record (rb, DAFTARI_TXN_EXPENSE, tb->mpesa, tb->stock, RB_STOCK_MPESA, 20250107, "test");
  rent = record (rb, DAFTARI_TXN_EXPENSE, tb->kcb, tb->rent, RB_RENT_KCB, 20250108, "test");
  pay (rb, DAFTARI_PAY_PAYBILL, "888880", "54100000000", rb->kplc_category, RB_KPLC, RB_KPLC_FEE, 20250110,
       "KPLC PREPAID");
  transfer (rb, tb->kcb, tb->mpesa, RB_TRANSFER_IN, RB_TRANSFER_FEE, 20250112, "test");
  rb->float_txn = transfer (rb, tb->mpesa, tb->cash, RB_FLOAT, 0, 20250113, RB_FLOAT_MEMO);
  pay (rb, DAFTARI_PAY_POCHI, "0712345678", NULL, tb->stock, RB_POCHI, 0, 20250114, NULL);

  rb->baraka = customer (rb, "Baraka Hardware");
  rb->amina = customer (rb, "Amina Stores");
  {
    gint64 inv1 = invoice (rb, rb->baraka, 20250115, RB_INV1_NET16 / 10, DAFTARI_VAT_STANDARD, 10,
                           RB_INV1_EXEMPT, DAFTARI_VAT_EXEMPT);
    gint64 inv2 = invoice (rb, rb->amina, 20250116, RB_INV2_NET8, DAFTARI_VAT_REDUCED, 1, 0, 0);
    inv3 = invoice (rb, rb->baraka, 20250117, RB_INV3_NET16, DAFTARI_VAT_STANDARD, 1, 0, 0);
    g_assert_true (daftari_invoice_void (tb->book, inv3, report_book_noon (rb, 20250118), &error));
    g_assert_no_error (error);
    receive (rb, inv1, tb->mpesa, RB_PAY1, 20250120);
    receive (rb, inv2, tb->kcb, RB_PAY2, 20250121);
  }
  record (rb, DAFTARI_TXN_INCOME, tb->mpesa, tb->sales, RB_SALE_2025_02, 20250203, "test");

  attach (rb, rent, "aa", "{\"merchant\": {\"value\": \"LANDLORD LTD\"}, \"vat\": {\"value\": \"689.66\", \"confidence\": 90}}");
  attach (rb, stock, "bb", "{\"vat_minor\": 9655}");
  /* A receipt without VAT counts for nothing. */
  attach (rb, rb->float_txn, "cc", "{\"total\": {\"value\": \"500.00\"}}");
  return rb;
}

void
report_book_free (ReportBook *rb)
{
  if (rb == NULL)
    return;
  test_book_free (rb->tb);
  g_free (rb);
}
