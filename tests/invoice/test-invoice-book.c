/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Invoices in a real book: numbering (also from two processes at once),
 * posting, payments and their allocation, voids, credit, aging, recurring
 * drafts and the documents filled for the PDF renderer. */
#include <gio/gio.h>
#include <string.h>

#include "test-common.h"
#include "daftari-business.h"
#include "daftari-customer.h"
#include "daftari-invoice.h"
#include "daftari-invoice-fill.h"
#include "daftari-receivables.h"

static gint64
add_customer (DaftariBook *book, const char *name)
{
  g_autoptr(GError) error = NULL;
  DaftariCustomerSpec spec = { .name = name, .phone = "0712 345 678" };
  gint64 id = 0;

  g_assert_true (daftari_customer_add (book, &spec, &id, &error));
  g_assert_no_error (error);
  return id;
}

/* A draft of one 16% line of price (cents) with due_days. */
static gint64
draft (DaftariBook *book, gint64 customer, gint64 price, int due_days)
{
  g_autoptr(DaftariInvoice) invoice = daftari_invoice_new ();
  g_autoptr(GError) error = NULL;
  DaftariInvoiceLine *line = daftari_invoice_add_line (invoice, "Goods");

  line->unit_price = price;
  invoice->customer_id = customer;
  invoice->due_days = due_days;
  g_assert_true (daftari_invoice_save_draft (book, invoice, &error));
  g_assert_no_error (error);
  return invoice->id;
}

static char *
issue (DaftariBook *book, gint64 id, gint64 ts)
{
  g_autoptr(GError) error = NULL;
  char *number = NULL;

  g_assert_true (daftari_invoice_issue (book, id, ts, &number, &error));
  g_assert_no_error (error);
  return number;
}

static DaftariInvoice *
load (DaftariBook *book, gint64 id)
{
  g_autoptr(GError) error = NULL;
  DaftariInvoice *invoice = daftari_invoice_load (book, id, &error);
  g_assert_no_error (error);
  return invoice;
}

static void
test_customers (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(DaftariCustomer) c = NULL;
  DaftariCustomerSpec spec = { "Wanjiku Stores", "+254 112 345 678", "w@stores.co.ke", "p051234567q",
                               "Box 1, Nyeri", NULL, "sw" };
  gint64 id;

  g_assert_true (daftari_customer_add (tb->book, &spec, &id, &error));
  c = daftari_customer_get (tb->book, id, &error);
  g_assert_cmpstr (c->phone, ==, "254112345678");
  g_assert_cmpstr (c->kra_pin, ==, "P051234567Q");
  g_assert_cmpstr (c->language, ==, "sw");
  g_assert_false (daftari_customer_add (tb->book, &spec, NULL, &error));
  g_assert_error (error, DAFTARI_INVOICE_ERROR, DAFTARI_INVOICE_ERROR_EXISTS);
  g_clear_error (&error);
  spec.name = "Other";
  spec.phone = "0812345678";
  g_assert_false (daftari_customer_add (tb->book, &spec, NULL, &error));
  g_clear_error (&error);
  spec.phone = NULL;
  spec.language = "fr";
  g_assert_false (daftari_customer_add (tb->book, &spec, NULL, &error));
  g_clear_error (&error);
  found = daftari_customer_search (tb->book, "0112345678", &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = daftari_customer_search (tb->book, "wanji", &error);
  g_assert_cmpuint (found->len, ==, 1);
}

static void
test_issue_posts (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;
  gint64 customer = add_customer (tb->book, "Amina");
  g_autoptr(DaftariInvoice) invoice = daftari_invoice_new ();
  g_autoptr(DaftariInvoice) issued = NULL;
  g_autoptr(DaftariAccount) ar = daftari_account_find_role (tb->book, DAFTARI_ROLE_RECEIVABLE, NULL);
  g_autoptr(DaftariAccount) vat = daftari_account_find_role (tb->book, DAFTARI_ROLE_VAT, NULL);
  g_autofree char *number = NULL;
  DaftariInvoiceLine *line;

  invoice->customer_id = customer;
  line = daftari_invoice_add_line (invoice, "Sugar");
  line->quantity = 3000;
  line->unit_price = 25000;
  line = daftari_invoice_add_line (invoice, "Books");
  line->unit_price = 100000;
  line->vat_rate = DAFTARI_VAT_EXEMPT;
  g_assert_true (daftari_invoice_save_draft (tb->book, invoice, &error));
  g_assert_no_error (error);
  number = issue (tb->book, invoice->id, test_day (tb->book, 10));
  g_assert_cmpstr (number, ==, "INV-2025-0001");
  /* AR +1,870; Sales −1,750; VAT payable −120. */
  g_assert_cmpint (test_balance (tb->book, ar->id), ==, 187000);
  g_assert_cmpint (test_balance (tb->book, tb->sales), ==, -175000);
  g_assert_cmpint (test_balance (tb->book, vat->id), ==, -12000);
  issued = load (tb->book, invoice->id);
  g_assert_true (issued->issued);
  g_assert_cmpint (issued->due_day, ==, 20250111);
  g_assert_cmpint (daftari_invoice_status (issued, 20250111), ==, DAFTARI_INVOICE_SENT);
  g_assert_cmpint (daftari_invoice_status (issued, 20250112), ==, DAFTARI_INVOICE_OVERDUE);
  /* Issued invoices are not drafts any more. */
  g_assert_false (daftari_invoice_issue (tb->book, invoice->id, 0, NULL, &error));
  g_assert_error (error, DAFTARI_INVOICE_ERROR, DAFTARI_INVOICE_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (daftari_invoice_save_draft (tb->book, issued, &error));
  g_clear_error (&error);
  test_assert_sound (tb->book);
}

/* Numbers are per year, gap-free: a refused issue gives its number back. */
static void
test_numbering (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;
  gint64 customer = add_customer (tb->book, "Amina");
  gint64 big = draft (tb->book, customer, 50000000, 0); /* KES 580,000 with VAT: over the limit */
  g_autofree char *a = issue (tb->book, draft (tb->book, customer, 1000, 0), test_day (tb->book, 1));
  g_autofree char *b = NULL, *c = NULL, *d = NULL;

  g_assert_false (daftari_invoice_issue (tb->book, big, test_day (tb->book, 2), NULL, &error));
  g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_LIMIT);
  g_clear_error (&error);
  b = issue (tb->book, draft (tb->book, customer, 1000, 0), test_day (tb->book, 3));
  c = issue (tb->book, draft (tb->book, customer, 1000, 0), test_day (tb->book, 400));
  g_assert_cmpstr (a, ==, "INV-2025-0001");
  g_assert_cmpstr (b, ==, "INV-2025-0002");
  g_assert_cmpstr (c, ==, "INV-2026-0001");
  g_assert_true (daftari_invoice_set_pattern (tb->book, "sh/{yy}/{NNN}", &error));
  d = issue (tb->book, draft (tb->book, customer, 1000, 0), test_day (tb->book, 5));
  g_assert_cmpstr (d, ==, "SH/25/003");
  g_assert_false (daftari_invoice_set_pattern (tb->book, "X-{NNN}", &error));
  g_clear_error (&error);
  {
    g_autoptr(DaftariInvoice) found = daftari_invoice_lookup (tb->book, "sh/25/003", &error);
    g_assert_no_error (error);
    g_assert_nonnull (found);
  }
}

/* Two programs issue 20 drafts each at the same time: 40 distinct numbers,
 * 0001 to 0040, none missing. */
static void
test_concurrent_numbers (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  const char *cli = g_getenv ("DAFTARI_CLI");
  gint64 customer = add_customer (tb->book, "Amina");
  GString *first = g_string_new (NULL), *second = g_string_new (NULL);
  g_autoptr(GSubprocess) p1 = NULL, p2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *s1 = NULL, *s2 = NULL;
  g_autofree char *script = NULL;

  if (cli == NULL)
    {
      g_test_skip ("DAFTARI_CLI is not set");
      return;
    }
  for (int i = 0; i < 40; i++)
    g_string_append_printf (i % 2 ? second : first, " %lld", (long long) draft (tb->book, customer, 1000, 0));
  script = g_strdup ("for id in $2; do \"$0\" --book \"$1\" invoice issue $id || exit 1; done");
  s1 = g_string_free (first, FALSE);
  s2 = g_string_free (second, FALSE);
  p1 = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, "sh", "-c", script, cli, tb->path, s1, NULL);
  p2 = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, "sh", "-c", script, cli, tb->path, s2, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (p1, NULL, &error));
  g_assert_true (g_subprocess_wait_check (p2, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_db_int (tb->path, "SELECT count (DISTINCT number) FROM invoice WHERE state = 'issued'"), ==, 40);
  g_assert_cmpint (test_db_int (tb->path, "SELECT min (seq) FROM invoice"), ==, 1);
  g_assert_cmpint (test_db_int (tb->path, "SELECT max (seq) FROM invoice"), ==, 40);
  test_assert_balanced (tb->path);
}

static void
pay (TestBook *tb, const gint64 *ids, guint n, gint64 customer, gint64 amount, gboolean oldest, gint64 *out_left)
{
  g_autoptr(GError) error = NULL;
  DaftariPaymentSpec spec = { customer, tb->mpesa, amount, test_day (tb->book, 20), NULL, ids, n, oldest };

  g_assert_true (daftari_invoice_receive_payment (tb->book, &spec, NULL, out_left, &error));
  g_assert_no_error (error);
}

static void
test_payments (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariAccount) ar = daftari_account_find_role (tb->book, DAFTARI_ROLE_RECEIVABLE, NULL);
  gint64 amina = add_customer (tb->book, "Amina");
  gint64 baraka = add_customer (tb->book, "Baraka");
  gint64 ids[3], left, balance, credit, mpesa_before = test_balance (tb->book, tb->mpesa);

  /* Three invoices of 116.00, 232.00 and 348.00. */
  for (int i = 0; i < 3; i++)
    {
      ids[i] = draft (tb->book, amina, 10000 * (i + 1), 7 * i);
      g_free (issue (tb->book, ids[i], test_day (tb->book, 10 + i)));
    }
  /* Partial payment of one. */
  pay (tb, ids, 1, 0, 5000, FALSE, &left);
  g_assert_cmpint (left, ==, 0);
  {
    g_autoptr(DaftariInvoice) inv = load (tb->book, ids[0]);
    g_assert_cmpint (inv->paid, ==, 5000);
    g_assert_cmpint (daftari_invoice_status (inv, 20250101), ==, DAFTARI_INVOICE_PARTIAL);
  }
  /* One payment across the second and the first: 232.00 + the 66.00 left. */
  {
    gint64 two[] = { ids[1], ids[0] };
    pay (tb, two, 2, 0, 29800, FALSE, &left);
    g_assert_cmpint (left, ==, 0);
  }
  {
    g_autoptr(DaftariInvoice) a = load (tb->book, ids[0]);
    g_autoptr(DaftariInvoice) b = load (tb->book, ids[1]);
    g_assert_cmpint (daftari_invoice_status (a, 20250101), ==, DAFTARI_INVOICE_PAID);
    g_assert_cmpint (daftari_invoice_status (b, 20250101), ==, DAFTARI_INVOICE_PAID);
  }
  /* Overpaying the third by 52.00 leaves that as credit. */
  pay (tb, &ids[2], 1, 0, 40000, FALSE, &left);
  g_assert_cmpint (left, ==, 5200);
  g_assert_true (daftari_customer_credit (tb->book, amina, &credit, &error));
  g_assert_cmpint (credit, ==, 5200);
  g_assert_true (daftari_customer_balance (tb->book, amina, &balance, &error));
  g_assert_cmpint (balance, ==, -5200);
  /* The next invoice (116.00) takes the credit when issued. */
  {
    gint64 next = draft (tb->book, amina, 10000, 0);
    g_autoptr(DaftariInvoice) inv = NULL;
    g_free (issue (tb->book, next, test_day (tb->book, 30)));
    inv = load (tb->book, next);
    g_assert_cmpint (inv->paid, ==, 5200);
    g_assert_cmpint (daftari_invoice_balance (inv), ==, 6400);
  }
  /* Refused: a payment mixing customers' invoices; paying a draft. */
  {
    gint64 other = draft (tb->book, baraka, 10000, 0);
    gint64 mixed[] = { ids[0], other };
    DaftariPaymentSpec spec = { 0, tb->mpesa, 100, 0, NULL, mixed, 1, FALSE };
    spec.invoice_ids = &other;
    g_assert_false (daftari_invoice_receive_payment (tb->book, &spec, NULL, NULL, &error));
    g_assert_error (error, DAFTARI_INVOICE_ERROR, DAFTARI_INVOICE_ERROR_STATE);
    g_clear_error (&error);
    g_free (issue (tb->book, other, test_day (tb->book, 31)));
    spec.invoice_ids = mixed;
    spec.n_invoices = 2;
    g_assert_false (daftari_invoice_receive_payment (tb->book, &spec, NULL, NULL, &error));
    g_assert_error (error, DAFTARI_INVOICE_ERROR, DAFTARI_INVOICE_ERROR_INVALID);
    g_clear_error (&error);
  }
  /* The wallet got every shilling; AR is what is still owed. */
  g_assert_cmpint (test_balance (tb->book, tb->mpesa) - mpesa_before, ==, 5000 + 29800 + 40000);
  g_assert_cmpint (test_balance (tb->book, ar->id), ==, 6400 + 11600);
  test_assert_sound (tb->book);
}

static void
test_void (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariAccount) ar = daftari_account_find_role (tb->book, DAFTARI_ROLE_RECEIVABLE, NULL);
  g_autoptr(DaftariAccount) vat = daftari_account_find_role (tb->book, DAFTARI_ROLE_VAT, NULL);
  gint64 amina = add_customer (tb->book, "Amina");
  gint64 id = draft (tb->book, amina, 100000, 0);
  g_autofree char *number = issue (tb->book, id, test_day (tb->book, 3));
  g_autoptr(DaftariInvoice) voided = NULL;
  gint64 credit, left;
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_false (daftari_invoice_void (tb->book, draft (tb->book, amina, 100, 0), 0, &error));
  g_assert_error (error, DAFTARI_INVOICE_ERROR, DAFTARI_INVOICE_ERROR_STATE);
  g_clear_error (&error);
  /* The invoice's own posting cannot be voided or edited behind its back. */
  {
    g_autoptr(DaftariInvoice) issued = load (tb->book, id);
    g_autoptr(DaftariTxn) posting = daftari_ledger_get (tb->book, issued->txn_id, &error);
    g_assert_no_error (error);
    g_assert_false (daftari_ledger_void (tb->book, issued->txn_id, &error));
    g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, number));
    g_clear_error (&error);
    g_assert_false (daftari_ledger_replace (tb->book, issued->txn_id, posting, &error));
    g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_INVALID);
    g_clear_error (&error);
  }
  pay (tb, &id, 1, 0, 50000, FALSE, &left);
  g_assert_true (daftari_invoice_void (tb->book, id, test_day (tb->book, 40), &error));
  g_assert_no_error (error);
  voided = load (tb->book, id);
  g_assert_true (voided->voided);
  g_assert_cmpstr (voided->number, ==, number);
  g_assert_cmpint (daftari_invoice_status (voided, 20250101), ==, DAFTARI_INVOICE_VOID);
  /* Reversed: Sales and VAT back to zero; the payment is now credit. */
  g_assert_cmpint (test_balance (tb->book, tb->sales), ==, 0);
  g_assert_cmpint (test_balance (tb->book, vat->id), ==, 0);
  g_assert_cmpint (test_balance (tb->book, ar->id), ==, -50000);
  g_assert_true (daftari_customer_credit (tb->book, amina, &credit, &error));
  g_assert_cmpint (credit, ==, 50000);
  g_assert_false (daftari_invoice_void (tb->book, id, 0, &error));
  g_clear_error (&error);
  /* The void is a transaction of its own, in the void's month. */
  g_assert_cmpint (test_db_int (tb->path, "SELECT count (*) FROM txn WHERE memo LIKE 'Void of invoice%'"), ==, 1);
  problems = daftari_check_run (tb->book, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  test_assert_balanced (tb->path);
}

static void
test_aging (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariAgingReport) report = NULL;
  gint64 amina = add_customer (tb->book, "Amina");
  gint64 baraka = add_customer (tb->book, "Baraka");
  gint64 left;

  /* As of 2025-06-30 (day 180): due on days 180 (current), 170 (10 late),
   * 140 (40), 100 (80), 30 (150). Each 116.00. */
  int issued_day[] = { 166, 156, 126, 86, 16 };
  for (guint i = 0; i < G_N_ELEMENTS (issued_day); i++)
    g_free (issue (tb->book, draft (tb->book, i % 2 ? baraka : amina, 10000, 14), test_day (tb->book, issued_day[i])));
  /* Baraka pays 16.00 off the oldest of his (allocated oldest first). */
  pay (tb, NULL, 0, baraka, 1600, TRUE, &left);
  g_assert_cmpint (left, ==, 0);
  report = daftari_receivables_aging (tb->book, 20250630, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->buckets[DAFTARI_AGING_CURRENT], ==, 11600);
  g_assert_cmpint (report->buckets[DAFTARI_AGING_1_30], ==, 11600 - 0);
  g_assert_cmpint (report->buckets[DAFTARI_AGING_31_60], ==, 11600);
  g_assert_cmpint (report->buckets[DAFTARI_AGING_61_90], ==, 11600 - 1600);
  g_assert_cmpint (report->buckets[DAFTARI_AGING_OVER_90], ==, 11600);
  g_assert_cmpint (report->total, ==, 5 * 11600 - 1600);
  g_assert_cmpuint (report->rows->len, ==, 2);
  /* DSO: owed 56,400 ÷ invoiced in 90 days (days 91..180: 3 × 11,600 =
   * 34,800) × 90 = 145.86… → 145.9 days. */
  g_assert_cmpint (report->sales_90_days, ==, 34800);
  g_assert_cmpint (report->dso_tenths, ==, 1459);
  g_assert_cmpint (daftari_aging_bucket_of (20250101, 20250101), ==, DAFTARI_AGING_CURRENT);
  g_assert_cmpint (daftari_aging_bucket_of (20250101, 20250131), ==, DAFTARI_AGING_1_30);
  g_assert_cmpint (daftari_aging_bucket_of (20250101, 20250201), ==, DAFTARI_AGING_31_60);
  g_assert_cmpint (daftari_aging_bucket_of (20250101, 20250401), ==, DAFTARI_AGING_61_90);
  g_assert_cmpint (daftari_aging_bucket_of (20250101, 20250402), ==, DAFTARI_AGING_OVER_90);
}

static void
test_recurring_and_duplicate (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;
  gint64 amina = add_customer (tb->book, "Amina");
  gint64 template = draft (tb->book, amina, 250000, 30);
  g_autoptr(GArray) created = NULL;
  g_autoptr(GArray) again = NULL;
  gint64 copy;

  g_assert_true (daftari_invoice_duplicate (tb->book, template, &copy, &error));
  {
    g_autoptr(DaftariInvoice) a = load (tb->book, template);
    g_autoptr(DaftariInvoice) b = load (tb->book, copy);
    g_assert_false (b->issued);
    g_assert_cmpint (b->totals.total, ==, a->totals.total);
    g_assert_cmpint (b->due_days, ==, 30);
  }
  g_assert_false (daftari_invoice_schedule_monthly (tb->book, template, 20250131, NULL, &error));
  g_clear_error (&error);
  g_assert_true (daftari_invoice_schedule_monthly (tb->book, template, 20250115, NULL, &error));
  created = daftari_invoice_run_schedules (tb->book, 20250320, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (created->len, ==, 3);   /* January, February, March */
  again = daftari_invoice_run_schedules (tb->book, 20250320, &error);
  g_assert_cmpuint (again->len, ==, 0);
  g_assert_cmpint (test_db_int (tb->path, "SELECT count (*) FROM invoice WHERE state = 'draft'"), ==, 5);
}

static void
test_documents (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;
  DaftariCustomerSpec spec = { "Juma", "0722000000", NULL, "A123456789Z", "Mombasa", NULL, "sw" };
  DaftariBusinessSpec business = { .address = "Moi Avenue, Nairobi", .kra_pin = "P051234567Q",
                                   .paybill = "123456", .till = "654321" };
  g_autoptr(DaftariDocument) doc = NULL;
  g_autoptr(DaftariDocument) statement = NULL;
  g_autofree char *number = NULL;
  gint64 customer, id, left;

  g_assert_true (daftari_customer_add (tb->book, &spec, &customer, &error));
  g_assert_true (daftari_business_set (tb->book, &business, &error));
  g_assert_no_error (error);
  business = (DaftariBusinessSpec) { .paybill = "12" };
  g_assert_false (daftari_business_set (tb->book, &business, &error));
  g_clear_error (&error);
  id = draft (tb->book, customer, 100000, 7);
  number = issue (tb->book, id, test_day (tb->book, 0));
  doc = daftari_invoice_to_document (tb->book, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (doc->language, ==, "sw");
  g_assert_cmpstr (doc->number, ==, number);
  g_assert_cmpstr (doc->business_name, ==, "Test Shop");
  g_assert_cmpstr (doc->business_kra_pin, ==, "P051234567Q");
  g_assert_cmpstr (doc->customer_phone, ==, "254722000000");
  g_assert_cmpstr (doc->due_date, ==, "2025-01-08");
  g_assert_cmpuint (doc->lines->len, ==, 1);
  g_assert_cmpstr (((DaftariDocumentLine *) g_ptr_array_index (doc->lines, 0))->vat, ==, "160.00");
  g_assert_nonnull (strstr (doc->payment_instructions, "Paybill 123456, Akaunti INV-2025-0001"));
  g_assert_nonnull (strstr (doc->payment_instructions, "Till 654321"));
  {
    const DaftariDocumentTotal *last = g_ptr_array_index (doc->totals, doc->totals->len - 1);
    g_assert_cmpstr (last->amount, ==, "KES 1,160.00");
    g_assert_true (last->emphasised);
  }
  pay (tb, &id, 1, 0, 116000, FALSE, &left);
  statement = daftari_customer_statement_document (tb->book, customer, 0, 20250131, &error);
  g_assert_no_error (error);
  g_assert_cmpint (statement->kind, ==, DAFTARI_DOCUMENT_STATEMENT);
  g_assert_cmpuint (statement->lines->len, ==, 2);
  g_assert_cmpstr (((DaftariDocumentTotal *) g_ptr_array_index (statement->totals, 0))->amount, ==, "KES 0.00");
}

int
main (int argc, char **argv)
{
  test_common_init (&argc, &argv);
  g_test_add_func ("/invoice/customers", test_customers);
  g_test_add_func ("/invoice/issue-posts", test_issue_posts);
  g_test_add_func ("/invoice/numbering", test_numbering);
  g_test_add_func ("/invoice/numbering/two-processes", test_concurrent_numbers);
  g_test_add_func ("/invoice/payments", test_payments);
  g_test_add_func ("/invoice/void", test_void);
  g_test_add_func ("/invoice/aging", test_aging);
  g_test_add_func ("/invoice/recurring-and-duplicate", test_recurring_and_duplicate);
  g_test_add_func ("/invoice/documents", test_documents);
  return g_test_run ();
}
