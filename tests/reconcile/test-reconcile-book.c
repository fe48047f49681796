/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reconciling a real book file: automatic matches through the ledger,
 * review, accept (and what it teaches), reject, pick, undo, idempotency, a
 * refused match that writes nothing, and the CLI end to end. */
#include <json-glib/json-glib.h>

#include "test-common.h"
#include "test-run-cli.h"
#include "daftari-customer.h"
#include "daftari-invoice.h"
#include "daftari-ledger.h"
#include "daftari-import-source.h"
#include "daftari-import.h"
#include "daftari-reconcile.h"

typedef struct {
  TestBook *tb;
  gint64    john, mary;
  gint64    inv_a, inv_b, inv_c;   /* John 5,000 · John 2,000 · Mary 5,000 */
} Fixture;

static gint64
issue (TestBook *tb, gint64 customer, gint64 price, int day)
{
  g_autoptr(DaftariInvoice) invoice = daftari_invoice_new ();
  g_autoptr(GError) error = NULL;
  DaftariInvoiceLine *line = daftari_invoice_add_line (invoice, "Work");

  invoice->customer_id = customer;
  line->quantity = DAFTARI_QUANTITY_ONE;
  line->unit_price = price;
  line->vat_rate = DAFTARI_VAT_EXEMPT;
  g_assert_true (daftari_invoice_save_draft (tb->book, invoice, &error));
  g_assert_true (daftari_invoice_issue (tb->book, invoice->id, test_day (tb->book, day), NULL, &error));
  g_assert_no_error (error);
  return invoice->id;
}

static gint64
customer (TestBook *tb, const char *name, const char *phone)
{
  DaftariCustomerSpec spec = { .name = name, .phone = phone };
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (daftari_customer_add (tb->book, &spec, &id, &error));
  return id;
}

/* Money in on M-PESA as an import leaves it: income to Sales, with the
 * payer, phone and account reference. */
static gint64
money_in (TestBook *tb, gint64 amount, int day, const char *payer, const char *phone, const char *reference)
{
  g_autoptr(DaftariTxn) txn = daftari_txn_new (DAFTARI_TXN_INCOME, test_day (tb->book, day));
  g_autoptr(GError) error = NULL;
  gint64 id;

  daftari_txn_set_text (&txn->payee, payer);
  daftari_txn_set_text (&txn->counterparty, phone);
  daftari_txn_set_text (&txn->reference, reference);
  daftari_txn_add_split (txn, tb->mpesa, amount, amount, DAFTARI_SPLIT_NORMAL);
  daftari_txn_add_split (txn, tb->sales, -amount, -amount, DAFTARI_SPLIT_NORMAL);
  g_assert_true (daftari_ledger_post (tb->book, txn, &id, &error));
  return id;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->tb = test_book_new ();
  f->john = customer (f->tb, "John Kamau", "0712345678");
  f->mary = customer (f->tb, "Mary Wanjiru", "0722000111");
  f->inv_a = issue (f->tb, f->john, 500000, 10);
  f->inv_b = issue (f->tb, f->john, 200000, 11);
  f->inv_c = issue (f->tb, f->mary, 500000, 12);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_book_free (f->tb);
}

static gint64
owed (Fixture *f, gint64 invoice_id)
{
  g_autoptr(DaftariInvoice) invoice = daftari_invoice_load (f->tb->book, invoice_id, NULL);
  return daftari_invoice_balance (invoice);
}

static gint64
count (Fixture *f, const char *sql)
{
  return test_db_int (f->tb->path, sql);
}

static DaftariReconcileResult *
run (Fixture *f, int threshold)
{
  g_autoptr(GError) error = NULL;
  DaftariReconcileResult *result = daftari_reconcile_run (f->tb->book, threshold, FALSE, &error);

  g_assert_no_error (error);
  return result;
}

static void
test_apply (Fixture *f, gconstpointer data)
{
  gint64 txn = money_in (f->tb, 500000, 20, "JOHN KAMAU", "254712345678", "inv-2026-42");
  gint64 mpesa_before = test_balance (f->tb->book, f->tb->mpesa);
  gint64 sales_before = test_balance (f->tb->book, f->tb->sales);
  g_autoptr(DaftariReconcileResult) result = NULL;
  g_autoptr(DaftariTxn) after = NULL;
  g_autofree char *sql = NULL;
  gint64 balance;

  /* test_day is 2025: use the number the book gave. */
  {
    g_autoptr(DaftariInvoice) a = daftari_invoice_load (f->tb->book, f->inv_a, NULL);
    g_autoptr(DaftariTxn) txn_row = daftari_ledger_get (f->tb->book, txn, NULL);
    daftari_txn_set_text (&txn_row->reference, a->number);
    g_assert_true (daftari_ledger_replace (f->tb->book, txn, txn_row, NULL));
  }
  result = run (f, 90);
  g_assert_cmpuint (result->n_applied, ==, 1);
  g_assert_cmpint (owed (f, f->inv_a), ==, 0);
  g_assert_cmpint (owed (f, f->inv_b), ==, 200000);
  /* The same transaction, now wallet ← Accounts Receivable; the wallet
   * holds what it held; Sales no longer counts it twice. */
  after = daftari_ledger_get (f->tb->book, txn, NULL);
  g_assert_cmpint (after->kind, ==, DAFTARI_TXN_GENERAL);
  g_assert_cmpint (test_balance (f->tb->book, f->tb->mpesa), ==, mpesa_before);
  g_assert_cmpint (test_balance (f->tb->book, f->tb->sales), ==, sales_before + 500000);
  g_assert_true (daftari_customer_balance (f->tb->book, f->john, &balance, NULL));
  g_assert_cmpint (balance, ==, 200000);
  sql = g_strdup_printf ("SELECT count (*) FROM audit WHERE txn_id = %lld AND action = 'edit'", (long long) txn);
  g_assert_cmpint (count (f, sql), >=, 1);
  g_assert_cmpint (count (f, "SELECT count (*) FROM reconcile_match WHERE state = 'applied'"), ==, 1);
  test_assert_sound (f->tb->book);
  test_assert_balanced (f->tb->path);
}

static void
test_idempotent (Fixture *f, gconstpointer data)
{
  g_autoptr(DaftariReconcileResult) first = NULL;
  g_autoptr(DaftariReconcileResult) second = NULL;
  g_autofree char *dump1 = NULL, *dump2 = NULL;

  money_in (f->tb, 700000, 20, "JOHN KAMAU", "254712345678", "");   /* both of John's: sure */
  money_in (f->tb, 300000, 21, "PETER OTIENO", "254733000000", ""); /* nobody's: waits or nothing */
  money_in (f->tb, 500000, 22, "SOMEONE", "254744000000", "");      /* Mary's amount only: waits */
  first = run (f, 90);
  g_assert_cmpuint (first->n_applied, ==, 1);
  g_assert_cmpuint (first->n_review, >=, 1);
  dump1 = test_db_dump (f->tb->path);
  second = run (f, 90);
  dump2 = test_db_dump (f->tb->path);
  g_assert_cmpuint (second->n_applied, ==, 0);
  g_assert_cmpstr (dump1, ==, dump2);
}

static void
test_dry_run (Fixture *f, gconstpointer data)
{
  g_autoptr(DaftariReconcileResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;

  money_in (f->tb, 700000, 20, "JOHN KAMAU", "254712345678", "");
  before = test_db_dump (f->tb->path);
  result = daftari_reconcile_run (f->tb->book, 90, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_applied, ==, 1);
  after = test_db_dump (f->tb->path);
  g_assert_cmpstr (before, ==, after);
}

static gint64
first_match (Fixture *f, gint64 txn)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = daftari_reconcile_review (f->tb->book, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      DaftariReconcileItem *item = g_ptr_array_index (items, i);
      if (item->txn_id == txn)
        return ((DaftariReconcileSuggestion *) g_ptr_array_index (item->suggestions, 0))->match_id;
    }
  g_assert_not_reached ();
}

static void
test_accept_teaches (Fixture *f, gconstpointer data)
{
  /* John's brother pays 2,000 from his phone, no reference: not sure. */
  gint64 txn = money_in (f->tb, 200000, 20, "PETER KAMAU", "254733000000", "");
  g_autoptr(DaftariReconcileResult) first = run (f, 90);
  g_autoptr(DaftariReconcileResult) later = NULL;
  g_autoptr(GError) error = NULL;
  gint64 match;

  g_assert_cmpuint (first->n_applied, ==, 0);
  match = first_match (f, txn);
  g_assert_true (daftari_reconcile_accept (f->tb->book, match, &error));
  g_assert_no_error (error);
  g_assert_cmpint (owed (f, f->inv_b), ==, 0);
  g_assert_cmpint (count (f, "SELECT count (*) FROM payer_alias WHERE kind = 'phone' AND key = '254733000000'"), ==, 1);
  /* Next month he pays John's other invoice the same way: matched alone. */
  money_in (f->tb, 500000, 40, "PETER KAMAU", "254733000000", "");
  later = run (f, 90);
  g_assert_cmpuint (later->n_applied, ==, 1);
  g_assert_cmpint (owed (f, f->inv_a), ==, 0);
  test_assert_sound (f->tb->book);
}

static void
test_reject_remembered (Fixture *f, gconstpointer data)
{
  gint64 txn = money_in (f->tb, 500000, 20, "SOMEONE", "254744000000", "");
  g_autoptr(DaftariReconcileResult) first = run (f, 90);
  g_autoptr(DaftariReconcileResult) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 match = first_match (f, txn), rejected_invoice;

  g_assert_nonnull (first);

  sql = g_strdup_printf ("SELECT invoice_id FROM reconcile_match WHERE id = %lld", (long long) match);
  rejected_invoice = count (f, sql);
  g_assert_true (daftari_reconcile_reject (f->tb->book, match, &error));
  g_assert_no_error (error);
  second = run (f, 0);   /* even at threshold 0 */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count (*) FROM reconcile_match WHERE txn_id = %lld AND invoice_id = %lld"
                         " AND state != 'rejected'", (long long) txn, (long long) rejected_invoice);
  g_assert_cmpint (count (f, sql), ==, 0);
  g_assert_cmpint (owed (f, rejected_invoice), ==, 500000);
  /* Rejecting what is no longer waiting says so. */
  g_assert_false (daftari_reconcile_reject (f->tb->book, match, &error));
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_NOT_FOUND);
}

static void
test_pick_and_undo (Fixture *f, gconstpointer data)
{
  gint64 txn = money_in (f->tb, 500000, 20, "SOMEONE", "254744000000", "");
  g_autoptr(DaftariInvoice) c = daftari_invoice_load (f->tb->book, f->inv_c, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariTxn) back = NULL;
  gint64 sales = test_balance (f->tb->book, f->tb->sales);

  g_assert_true (daftari_reconcile_pick (f->tb->book, txn, c->number, &error));
  g_assert_no_error (error);
  g_assert_cmpint (owed (f, f->inv_c), ==, 0);
  /* A payment already settled cannot be picked again. */
  g_assert_false (daftari_reconcile_pick (f->tb->book, txn, c->number, &error));
  g_clear_error (&error);
  g_assert_true (daftari_reconcile_undo (f->tb->book, txn, &error));
  g_assert_no_error (error);
  g_assert_cmpint (owed (f, f->inv_c), ==, 500000);
  back = daftari_ledger_get (f->tb->book, txn, NULL);
  g_assert_cmpint (back->kind, ==, DAFTARI_TXN_INCOME);
  g_assert_cmpint (test_balance (f->tb->book, f->tb->sales), ==, sales);
  g_assert_cmpint (count (f, "SELECT count (*) FROM customer_payment"), ==, 0);
  test_assert_sound (f->tb->book);
}

static void
test_refusal_writes_nothing (Fixture *f, gconstpointer data)
{
  gint64 txn = money_in (f->tb, 500000, 20, "JOHN KAMAU", "254712345678", "");
  g_autoptr(DaftariReconcileResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariInvoice) a = daftari_invoice_load (f->tb->book, f->inv_a, NULL);
  g_autoptr(DaftariTxn) row = daftari_ledger_get (f->tb->book, txn, NULL);
  g_autofree char *before = NULL, *after = NULL;

  daftari_txn_set_text (&row->reference, a->number);
  g_assert_true (daftari_ledger_replace (f->tb->book, txn, row, NULL));
  /* The per-transaction limit is lowered below the payment: the ledger
   * refuses to re-express it, so the match waits and nothing is written. */
  g_assert_true (daftari_book_set_txn_limit (f->tb->book, 100000, &error));
  before = test_db_dump (f->tb->path);
  result = run (f, 90);
  g_assert_cmpuint (result->n_applied, ==, 0);
  g_assert_cmpuint (result->warnings->len, ==, 1);
  g_assert_cmpint (owed (f, f->inv_a), ==, 500000);
  g_assert_cmpint (count (f, "SELECT count (*) FROM customer_payment"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count (*) FROM reconcile_match WHERE state = 'review'"), >=, 1);
  /* The payment is untouched: still income, as before the run. */
  g_clear_pointer (&row, daftari_txn_free);
  row = daftari_ledger_get (f->tb->book, txn, NULL);
  g_assert_cmpint (row->kind, ==, DAFTARI_TXN_INCOME);
  after = test_db_dump (f->tb->path);
  g_assert_cmpstr (before, !=, after);   /* only the review rows were added */
}

/* ---- The CLI ---- */

static JsonObject *
parse (JsonParser *parser, const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_cli (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL, *out2 = NULL, *out3 = NULL, *out4 = NULL, *eval = NULL, *match = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *o, *waiting;
  const char *path = f->tb->path;

  if (g_getenv ("DAFTARI_CLI") == NULL)
    {
      g_test_skip ("DAFTARI_CLI is not set");
      return;
    }
  money_in (f->tb, 700000, 20, "JOHN KAMAU", "254712345678", "");
  money_in (f->tb, 500000, 21, "SOMEONE", "254744000000", "");
  g_clear_object (&f->tb->book);   /* the CLI opens the file itself */
  g_assert_cmpint (test_run_cli (path, &out, NULL, "--json", "reconcile", NULL), ==, 0);
  o = parse (parser, out);
  g_assert_cmpint (json_object_get_int_member (o, "applied"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (o, "review"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "applied_matches")), ==, 1);
  g_assert_cmpint (test_run_cli (path, &out2, NULL, "--json", "reconcile", "review", NULL), ==, 0);
  o = parse (parser, out2);
  waiting = json_array_get_object_element (json_object_get_array_member (o, "waiting"), 0);
  g_assert_cmpint (json_object_get_int_member (waiting, "amount_minor"), ==, 500000);
  match = g_strdup_printf ("%lld", (long long) json_object_get_int_member (
      json_array_get_object_element (json_object_get_array_member (waiting, "suggestions"), 0), "match"));
  g_assert_cmpint (test_run_cli (path, &out3, NULL, "--json", "reconcile", "accept", match, NULL), ==, 0);
  o = parse (parser, out3);
  g_assert_cmpint (json_object_get_int_member (o, "accept"), ==, g_ascii_strtoll (match, NULL, 10));
  /* Accepting again: nothing waits under that number. */
  g_assert_cmpint (test_run_cli (path, &out4, NULL, "reconcile", "accept", match, NULL), ==, 1);
  g_assert_cmpint (test_db_int (path, "SELECT count (*) FROM customer_payment"), ==, 2);
  g_assert_cmpint (test_run_cli (path, &eval, NULL, "--json", "reconcile-eval", "--seed", "3", "--invoices", "400", NULL), ==, 0);
  o = parse (parser, eval);
  g_assert_cmpint (json_object_get_int_member (o, "seed"), ==, 3);
  g_assert_cmpfloat (json_object_get_double_member (o, "precision"), >=, 0.0);
  g_assert_cmpfloat (json_object_get_double_member (o, "top1"), <=, 1.0);
  g_assert_cmpint (json_object_get_int_member (o, "payments"), >, 300);
}

/* A payment imported from a statement keeps the payer's phone and the
 * account typed at the Paybill, so it settles the invoice it names. */
static void
test_imported_payment (Fixture *f, gconstpointer data)
{
  static const char statement[] =
    "Receipt No.,Completion Time,Details,Transaction Status,Paid In,Withdrawn,Balance\n"
    "TAB1C2D3E4,2025-01-20 10:15:00,\"Pay Bill from 2547******678 - JOHN KAMAU Acc. INV-2025-0001\","
    "Completed,\"5,000.00\",,\"15,000.00\"\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariImportParse) parse = daftari_import_source_parse (DAFTARI_IMPORT_SOURCE_MPESA_CSV, statement,
                                                                     sizeof statement - 1, NULL, &error);
  g_autoptr(DaftariImportResult) imported = NULL;
  g_autoptr(DaftariReconcileResult) result = NULL;

  g_assert_no_error (error);
  imported = daftari_import_rows (f->tb->book, f->tb->mpesa, "mpesa-csv", "statement.csv", parse, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imported->n_new, ==, 1);
  g_assert_cmpint (count (f, "SELECT count (*) FROM txn WHERE reference = 'INV-2025-0001'"
                             " AND counterparty = '2547******678'"), ==, 1);
  result = run (f, 90);
  g_assert_cmpuint (result->n_applied, ==, 1);
  g_assert_cmpint (owed (f, f->inv_a), ==, 0);
  g_assert_cmpint (owed (f, f->inv_b), ==, 200000);
}

int
main (int argc, char **argv)
{
  test_common_init (&argc, &argv);
#define ADD(path, fn) g_test_add ("/reconcile-book/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("apply", test_apply);
  ADD ("imported-payment", test_imported_payment);
  ADD ("idempotent", test_idempotent);
  ADD ("dry-run", test_dry_run);
  ADD ("accept-teaches", test_accept_teaches);
  ADD ("reject-remembered", test_reject_remembered);
  ADD ("pick-and-undo", test_pick_and_undo);
  ADD ("refusal-writes-nothing", test_refusal_writes_nothing);
  ADD ("cli", test_cli);
  return g_test_run ();
}
