/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one write path: post, replace, void, unvoid, the audit trail, batches
 * (with refusals in the middle of them), the queries over what was written,
 * and daftari_check_run finding damage done to a copy behind its back. */
#include "test-common.h"

#include <json-glib/json-glib.h>

#include "daftari-book-private.h"

#define KES(units) ((gint64) (units) * 100)

static void
assert_same_splits (const DaftariTxn *a, const DaftariTxn *b)
{
  g_assert_cmpuint (a->splits->len, ==, b->splits->len);
  for (guint i = 0; i < a->splits->len; i++)
    {
      const DaftariSplit *x = daftari_txn_get_split (a, i), *y = daftari_txn_get_split (b, i);
      g_assert_cmpint (x->account_id, ==, y->account_id);
      g_assert_cmpint (x->amount, ==, y->amount);
      g_assert_cmpint (x->value, ==, y->value);
      g_assert_cmpint (x->role, ==, y->role);
    }
}

static DaftariTxn *
get (TestBook *tb, gint64 id)
{
  g_autoptr(GError) error = NULL;
  DaftariTxn *txn = daftari_ledger_get (tb->book, id, &error);

  g_assert_no_error (error);
  return txn;
}

/* The audit row's JSON for one side ("before" or "after"), parsed. */
static JsonNode *
audit_side (TestBook *tb, gint64 txn_id, const char *action, const char *side)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM audit WHERE txn_id = %" G_GINT64_FORMAT
                                          " AND action = '%s' ORDER BY id DESC LIMIT 1", side, txn_id, action);
  sqlite3 *db = test_db_open (tb->path);
  sqlite3_stmt *stmt = NULL;
  JsonNode *node = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      g_autoptr(GError) error = NULL;
      node = json_from_string ((const char *) sqlite3_column_text (stmt, 0), &error);
      g_assert_no_error (error);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return node;
}

/* The amount of the split on account_id in an audit JSON, or 0. */
static gint64
json_amount_on (JsonNode *node, gint64 account_id)
{
  JsonArray *splits = json_object_get_array_member (json_node_get_object (node), "splits");

  for (guint i = 0; i < json_array_get_length (splits); i++)
    {
      JsonObject *split = json_array_get_object_element (splits, i);
      if (json_object_get_int_member (split, "account") == account_id)
        return json_object_get_int_member (split, "amount");
    }
  return 0;
}

static void
test_post_and_get (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariTxn) txn = daftari_txn_new (DAFTARI_TXN_GENERAL, test_day (tb->book, 3));
  g_autoptr(DaftariTxn) back = NULL;
  gint64 id = 0;

  daftari_txn_set_text (&txn->memo, "Stock and a fee, “quoted”");
  daftari_txn_set_text (&txn->payee, "BIDCO");
  daftari_txn_set_text (&txn->channel, "till");
  daftari_txn_set_text (&txn->counterparty, "532100");
  daftari_txn_set_text (&txn->reference, "INV-7");
  daftari_txn_add_split (txn, tb->stock, KES (90), KES (90), DAFTARI_SPLIT_NORMAL);
  daftari_txn_add_split (txn, tb->charges, KES (10), KES (10), DAFTARI_SPLIT_FEE);
  daftari_txn_add_split (txn, tb->mpesa, -KES (100), -KES (100), DAFTARI_SPLIT_NORMAL);
  g_assert_true (daftari_ledger_post (tb->book, txn, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (txn->id, ==, id);

  back = get (tb, id);
  g_assert_cmpint (back->ts, ==, txn->ts);
  g_assert_cmpint (back->kind, ==, DAFTARI_TXN_GENERAL);
  g_assert_cmpstr (back->memo, ==, txn->memo);
  g_assert_cmpstr (back->payee, ==, "BIDCO");
  g_assert_cmpstr (back->channel, ==, "till");
  g_assert_cmpstr (back->counterparty, ==, "532100");
  g_assert_cmpstr (back->reference, ==, "INV-7");
  g_assert_false (back->voided);
  assert_same_splits (txn, back);
  /* The principal leaves the fee out. */
  g_assert_cmpint (daftari_txn_get_principal (back), ==, KES (90));
  {
    /* The legs are stored in the order they were given. */
    g_autofree char *sql = g_strdup_printf ("SELECT group_concat (account_id || ':' || amount || ':' || role, ',')"
                                            " = '%" G_GINT64_FORMAT ":9000:0,%" G_GINT64_FORMAT ":1000:1,"
                                            "%" G_GINT64_FORMAT ":-10000:0'"
                                            " FROM (SELECT * FROM split WHERE txn_id = %" G_GINT64_FORMAT " ORDER BY n)",
                                            tb->stock, tb->charges, tb->mpesa, id);
    g_assert_cmpint (test_db_int (tb->path, sql), ==, 1);
  }
  g_assert_cmpint (test_balance (tb->book, tb->mpesa), ==, KES (10000 - 100));

  /* Unknown numbers are reported as such. */
  g_clear_error (&error);
  g_assert_null (daftari_ledger_get (tb->book, 424242, &error));
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_NOT_FOUND);
  test_assert_sound (tb->book);
}

/* An edit rewrites the transaction in place and keeps what it was. */
static void
test_replace (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariTxn) edited = NULL;
  g_autoptr(DaftariTxn) back = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  gint64 id, jan = test_day (tb->book, 20), mar = test_day (tb->book, 65);

  id = test_record (tb->book, DAFTARI_TXN_EXPENSE, tb->mpesa, tb->stock, KES (100), jan);
  g_assert_cmpint (test_db_int (tb->path, "SELECT count (*) FROM account_month WHERE month = 202501"
                                          " AND account_id = (SELECT id FROM account WHERE name = 'Stock purchases')"), ==, 1);

  /* Moved to March, into another category, for more. */
  edited = daftari_ops_build_record (tb->book, DAFTARI_TXN_EXPENSE, tb->mpesa, tb->rent, KES (150), mar, "Rent, March", &error);
  g_assert_no_error (error);
  g_assert_true (daftari_ledger_replace (tb->book, id, edited, &error));
  g_assert_no_error (error);

  back = get (tb, id);
  g_assert_cmpint (back->ts, ==, mar);
  g_assert_cmpstr (back->memo, ==, "Rent, March");
  assert_same_splits (edited, back);
  g_assert_cmpint (test_balance (tb->book, tb->mpesa), ==, KES (10000 - 150));
  g_assert_cmpint (test_balance (tb->book, tb->stock), ==, 0);
  g_assert_cmpint (test_balance (tb->book, tb->rent), ==, KES (150));
  /* January's total for Stock is gone, not left as a row of zeros. */
  g_assert_cmpint (test_db_int (tb->path, "SELECT count (*) FROM account_month WHERE amount = 0 AND value = 0"), ==, 0);
  g_assert_cmpint (test_db_int (tb->path, "SELECT count (*) FROM txn"), ==, 3);

  g_assert_cmpint (test_db_int (tb->path, "SELECT count (*) FROM audit WHERE action = 'edit'"), ==, 1);
  before = audit_side (tb, id, "edit", "before");
  after = audit_side (tb, id, "edit", "after");
  g_assert_cmpint (json_amount_on (before, tb->stock), ==, KES (100));
  g_assert_cmpint (json_amount_on (before, tb->mpesa), ==, -KES (100));
  g_assert_cmpint (json_amount_on (after, tb->rent), ==, KES (150));
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (before), "ts"), ==, jan);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (after), "ts"), ==, mar);
  g_assert_cmpint (test_db_int (tb->path, "SELECT abs (strftime ('%s', 'now') - ts) < 600 FROM audit"), ==, 1);

  /* Moving the latest transaction back in time lowers the wallet's latest date. */
  g_clear_pointer (&edited, daftari_txn_free);
  edited = daftari_ops_build_record (tb->book, DAFTARI_TXN_EXPENSE, tb->mpesa, tb->rent, KES (150), jan, NULL, &error);
  g_assert_true (daftari_ledger_replace (tb->book, id, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_db_int (tb->path, "SELECT count (*) FROM account a WHERE last_ts !="
                                          " coalesce ((SELECT max (ts) FROM split s WHERE s.account_id = a.id), 0)"), ==, 0);

  /* A missing transaction cannot be edited. */
  g_assert_false (daftari_ledger_replace (tb->book, 999, edited, &error));
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_NOT_FOUND);
  test_assert_sound (tb->book);
}

static void
test_void_and_unvoid (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariTxn) original = NULL;
  g_autoptr(DaftariTxn) voided = NULL;
  g_autoptr(DaftariTxn) restored = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *dump = NULL;
  DaftariTransferSpec spec = { .from_id = tb->mpesa, .to_id = tb->kcb, .amount = KES (1000), .fee = KES (33),
                               .ts = test_day (tb->book, 4), .memo = "To the bank" };
  gint64 id = 0;

  g_assert_true (daftari_ops_transfer (tb->book, &spec, &id, &error));
  original = get (tb, id);

  g_assert_true (daftari_ledger_void (tb->book, id, &error));
  g_assert_no_error (error);
  voided = get (tb, id);
  g_assert_true (voided->voided);
  g_assert_cmpuint (voided->splits->len, ==, 0);
  g_assert_cmpstr (voided->memo, ==, "To the bank");
  g_assert_cmpint (test_balance (tb->book, tb->mpesa), ==, KES (10000));
  g_assert_cmpint (test_balance (tb->book, tb->charges), ==, 0);
  before = audit_side (tb, id, "void", "before");
  after = audit_side (tb, id, "void", "after");
  g_assert_null (after);
  g_assert_cmpint (json_amount_on (before, tb->mpesa), ==, -KES (1033));

  /* A void stays out of lists unless asked for. */
  {
    DaftariTxnFilter filter;
    g_autoptr(GPtrArray) live = NULL;
    g_autoptr(GPtrArray) all = NULL;

    daftari_txn_filter_init (&filter);
    filter.account_id = tb->kcb;
    live = daftari_query_transactions (tb->book, &filter, NULL);
    filter.include_voided = TRUE;
    filter.account_id = 0;
    filter.text = "To the bank";
    all = daftari_query_transactions (tb->book, &filter, NULL);
    g_assert_cmpuint (live->len, ==, 1);   /* KCB's opening balance only */
    g_assert_cmpuint (all->len, ==, 1);
    g_assert_true (((DaftariTxn *) g_ptr_array_index (all, 0))->voided);
  }

  /* A void cannot be voided again, nor edited; refusals write nothing. */
  dump = test_db_dump (tb->path);
  g_clear_error (&error);
  g_assert_false (daftari_ledger_void (tb->book, id, &error));
  g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_VOIDED);
  g_clear_error (&error);
  g_assert_false (daftari_ledger_replace (tb->book, id, original, &error));
  g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_VOIDED);
  g_clear_error (&error);
  {
    g_autofree char *again = test_db_dump (tb->path);
    g_assert_cmpstr (again, ==, dump);
  }

  g_assert_true (daftari_ledger_unvoid (tb->book, id, &error));
  g_assert_no_error (error);
  restored = get (tb, id);
  g_assert_false (restored->voided);
  g_assert_cmpint (restored->ts, ==, original->ts);
  assert_same_splits (original, restored);
  g_assert_cmpint (test_balance (tb->book, tb->mpesa), ==, KES (10000 - 1033));
  g_assert_cmpint (test_db_int (tb->path, "SELECT count (*) FROM audit WHERE action = 'unvoid' AND after IS NOT NULL"), ==, 1);

  /* Only a void can be restored; only a transaction that exists can be voided. */
  g_assert_false (daftari_ledger_unvoid (tb->book, id, &error));
  g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (daftari_ledger_void (tb->book, 31337, &error));
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_NOT_FOUND);
  test_assert_sound (tb->book);
}

/* Edited, voided, restored: the restored version is the edited one. */
static void
test_unvoid_after_edit (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariTxn) edited = NULL;
  g_autoptr(DaftariTxn) restored = NULL;
  gint64 id = test_record (tb->book, DAFTARI_TXN_INCOME, tb->cash, tb->sales, KES (50), test_day (tb->book, 1));

  edited = daftari_ops_build_record (tb->book, DAFTARI_TXN_INCOME, tb->cash, tb->sales, KES (70), test_day (tb->book, 2),
                                     "more", &error);
  g_assert_true (daftari_ledger_replace (tb->book, id, edited, &error));
  g_assert_true (daftari_ledger_void (tb->book, id, &error));
  g_assert_true (daftari_ledger_unvoid (tb->book, id, &error));
  g_assert_no_error (error);
  restored = get (tb, id);
  g_assert_cmpstr (restored->memo, ==, "more");
  assert_same_splits (edited, restored);
  g_assert_cmpint (test_balance (tb->book, tb->cash), ==, KES (70));
  g_assert_cmpint (test_db_int (tb->path, "SELECT group_concat (action) = 'edit,void,unvoid'"
                                          " FROM (SELECT action FROM audit ORDER BY id)"), ==, 1);
  test_assert_sound (tb->book);
}

static gint64
count_rows (TestBook *tb, const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s", table);
  /* The book's own connection: it sees the batch's uncommitted rows. */
  return test_sql_int (daftari_book_get_db (tb->book), sql);
}

/* Refusals in the middle of a batch, on both write paths: each undoes only
 * itself, the rest of the batch lands, and the book is sound after. */
static void
test_batch_refusals (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *committed = test_db_dump (tb->path);
  gint64 cash = 0, id, balance, replaced, voided, first_income = 0;
  guint accepted = 0;

  g_assert_true (daftari_ledger_batch_begin (tb->book, &error));
  /* Appended in time order: checked ahead, cached, never savepointed. */
  for (int day = 10; day < 20; day++)
    {
      id = test_record (tb->book, DAFTARI_TXN_INCOME, tb->cash, tb->sales, KES (100), test_day (tb->book, day));
      first_income = first_income ? first_income : id;
      cash += KES (100), accepted++;
    }
  /* Refused ahead: more than is in Cash, and over the limit. */
  {
    gint64 txns = count_rows (tb, "txn"), splits = count_rows (tb, "split");
    g_assert_false (daftari_ops_record (tb->book, DAFTARI_TXN_EXPENSE, tb->cash, tb->stock, cash + 1,
                                        test_day (tb->book, 20), NULL, NULL, &error));
    g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_OVERDRAFT);
    g_clear_error (&error);
    g_assert_false (daftari_ops_record (tb->book, DAFTARI_TXN_INCOME, tb->cash, tb->sales, KES (500001),
                                        test_day (tb->book, 20), NULL, NULL, &error));
    g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_LIMIT);
    g_clear_error (&error);
    g_assert_cmpint (count_rows (tb, "txn"), ==, txns);
    g_assert_cmpint (count_rows (tb, "split"), ==, splits);
  }
  /* Back-dated inside the batch: written in a savepoint, then checked. */
  test_record (tb->book, DAFTARI_TXN_EXPENSE, tb->cash, tb->stock, KES (150), test_day (tb->book, 12));
  cash -= KES (150), accepted++;
  {
    gint64 txns = count_rows (tb, "txn"), splits = count_rows (tb, "split");
    /* On day 11 Cash holds 200: 250 would leave it at -50 then. */
    g_assert_false (daftari_ops_record (tb->book, DAFTARI_TXN_EXPENSE, tb->cash, tb->stock, KES (250),
                                        test_day (tb->book, 11), NULL, NULL, &error));
    g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_OVERDRAFT);
    g_clear_error (&error);
    g_assert_cmpint (count_rows (tb, "txn"), ==, txns);
    g_assert_cmpint (count_rows (tb, "split"), ==, splits);
  }
  /* The batch goes on in time order after the savepoints, cached again. */
  id = test_record (tb->book, DAFTARI_TXN_EXPENSE, tb->cash, tb->stock, cash, test_day (tb->book, 21));
  accepted++;
  g_assert_true (daftari_query_current_balance (tb->book, tb->cash, &balance, NULL));
  g_assert_cmpint (balance, ==, 0);
  g_assert_false (daftari_ops_record (tb->book, DAFTARI_TXN_EXPENSE, tb->cash, tb->stock, 1,
                                      test_day (tb->book, 22), NULL, NULL, &error));
  g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_OVERDRAFT);
  g_clear_error (&error);
  /* Edits and voids inside the batch, one of each refused. */
  replaced = test_record (tb->book, DAFTARI_TXN_INCOME, tb->cash, tb->sales, KES (40), test_day (tb->book, 23));
  voided = test_record (tb->book, DAFTARI_TXN_INCOME, tb->mpesa, tb->sales, KES (5), test_day (tb->book, 23));
  accepted += 2;
  /* The first income was spent by day 21: it cannot be voided now. */
  g_assert_false (daftari_ledger_void (tb->book, first_income, &error));
  g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_OVERDRAFT);
  g_clear_error (&error);
  {
    g_autoptr(DaftariTxn) more = daftari_ops_build_record (tb->book, DAFTARI_TXN_INCOME, tb->cash, tb->sales,
                                                           KES (60), test_day (tb->book, 24), NULL, NULL);
    g_autoptr(DaftariTxn) earlier = daftari_ops_build_record (tb->book, DAFTARI_TXN_EXPENSE, tb->cash, tb->stock,
                                                              KES (1), test_day (tb->book, 5), NULL, NULL);
    g_assert_true (daftari_ledger_replace (tb->book, replaced, more, &error));
    g_assert_no_error (error);
    g_assert_false (daftari_ledger_replace (tb->book, replaced, earlier, &error));
    g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_OVERDRAFT);
    g_clear_error (&error);
  }
  g_assert_true (daftari_ledger_void (tb->book, voided, &error));
  g_assert_no_error (error);
  test_record (tb->book, DAFTARI_TXN_EXPENSE, tb->cash, tb->stock, KES (60), test_day (tb->book, 25));
  accepted++;

  /* Nothing of the batch is visible to another connection before commit. */
  {
    g_autofree char *outside = test_db_dump (tb->path);
    g_assert_cmpstr (outside, ==, committed);
  }
  g_assert_true (daftari_ledger_batch_commit (tb->book, &error));
  g_assert_no_error (error);

  g_assert_cmpint (test_db_int (tb->path, "SELECT count (*) FROM txn WHERE kind IN ('income', 'expense')"), ==, accepted);
  g_assert_cmpint (test_db_int (tb->path, "SELECT count (*) FROM txn WHERE voided"), ==, 1);
  g_assert_cmpint (test_balance (tb->book, tb->cash), ==, 0);
  g_assert_cmpint (test_db_int (tb->path, "SELECT balance FROM account WHERE name = 'Cash'"), ==, 0);
  g_assert_cmpint (test_balance (tb->book, tb->mpesa), ==, KES (10000));
  g_assert_cmpint (test_balance (tb->book, tb->sales), ==, -KES (1000 + 60));
  g_assert_cmpint (test_balance (tb->book, tb->stock), ==, KES (1000 + 60));
  test_assert_balanced (tb->path);
  test_assert_sound (tb->book);
}

/* post_many writes appended rows together: a run of them (past one
 * multi-row INSERT and past the queue's capacity), one refused in the
 * middle, and a back-dated one among them behave as posts one by one. */
static void
test_post_many (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) txns = g_ptr_array_new_with_free_func ((GDestroyNotify) daftari_txn_free);
  const guint run = 1500;
  guint posted = 0;
  gboolean ok;

  /* Cash starts empty: each day's sale funds the next day's purchase. */
  for (guint i = 0; i < run; i++)
    g_ptr_array_add (txns, daftari_ops_build_record (tb->book, i % 2 ? DAFTARI_TXN_EXPENSE : DAFTARI_TXN_INCOME,
                                                     tb->cash, i % 2 ? tb->stock : tb->sales, KES (10) + i % 2,
                                                     test_day (tb->book, 10) + i * 60, NULL, NULL));
  /* The first purchase would spend 10.01 out of 10: refused, the sale before
   * it is written. */
  g_assert_true (daftari_ledger_batch_begin (tb->book, &error));
  g_assert_false (daftari_ledger_post_many (tb->book, (DaftariTxn *const *) txns->pdata, run, &posted, &error));
  g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_OVERDRAFT);
  g_clear_error (&error);
  g_assert_cmpuint (posted, ==, 1);
  g_assert_true (daftari_ledger_batch_commit (tb->book, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (tb, "txn WHERE kind = 'income'"), ==, 1);

  /* Every purchase made affordable: Cash gets a float first, dated before
   * all of them but posted after the sale above, so it goes back in time. */
  {
    DaftariTxn *float_in = daftari_ops_build_record (tb->book, DAFTARI_TXN_INCOME, tb->cash, tb->sales, KES (100),
                                                     test_day (tb->book, 9), NULL, NULL);
    g_ptr_array_insert (txns, 1, float_in);
  }
  g_assert_true (daftari_ledger_batch_begin (tb->book, &error));
  ok = daftari_ledger_post_many (tb->book, (DaftariTxn *const *) txns->pdata + 1, txns->len - 1, &posted, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (posted, ==, run);
  g_assert_true (daftari_ledger_batch_commit (tb->book, &error));
  g_assert_no_error (error);

  /* Each transaction got the id of its own row, in order, with its splits. */
  for (guint i = 1; i < txns->len; i++)
    {
      DaftariTxn *txn = g_ptr_array_index (txns, i);
      g_autoptr(DaftariTxn) stored = daftari_ledger_get (tb->book, txn->id, &error);
      g_assert_no_error (error);
      g_assert_cmpint (stored->ts, ==, txn->ts);
      g_assert_cmpuint (stored->splits->len, ==, txn->splits->len);
      g_assert_cmpint (daftari_txn_get_split (stored, 0)->amount, ==, daftari_txn_get_split (txn, 0)->amount);
      if (i > 1)
        g_assert_cmpint (txn->id, ==, ((DaftariTxn *) g_ptr_array_index (txns, i - 1))->id + 1);
    }
  /* The float, 750 sales of 10 and 750 purchases of 10.01. */
  g_assert_cmpint (test_balance (tb->book, tb->cash), ==, KES (100) + 750 * KES (10) - 750 * (KES (10) + 1));
  test_assert_balanced (tb->path);
  test_assert_sound (tb->book);
}

/* An aborted batch leaves the file as it was, and the book's memory too. */
static void
test_batch_abort (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = test_db_dump (tb->path);
  g_autofree char *after = NULL;

  g_assert_true (daftari_ledger_batch_begin (tb->book, &error));
  test_record (tb->book, DAFTARI_TXN_EXPENSE, tb->mpesa, tb->stock, KES (9000), test_day (tb->book, 2));
  test_record (tb->book, DAFTARI_TXN_EXPENSE, tb->mpesa, tb->stock, KES (500), test_day (tb->book, 1));
  daftari_ledger_batch_abort (tb->book);
  after = test_db_dump (tb->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (daftari_book_in_write (tb->book));

  /* What the batch spent is not remembered: all 10,000 may be spent now. */
  test_record (tb->book, DAFTARI_TXN_EXPENSE, tb->mpesa, tb->stock, KES (10000), test_day (tb->book, 3));
  g_assert_cmpint (test_balance (tb->book, tb->mpesa), ==, 0);
  test_assert_sound (tb->book);
}

/* A dry run gives the verdict a post would, and writes nothing, in a
 * batch or not. */
static void
test_dry_run (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) check_error = NULL;
  g_autoptr(GError) post_error = NULL;
  g_autofree char *before = test_db_dump (tb->path);
  g_autoptr(DaftariTxn) fits = daftari_ops_build_record (tb->book, DAFTARI_TXN_EXPENSE, tb->mpesa, tb->stock,
                                                         KES (10000), test_day (tb->book, 2), NULL, NULL);
  g_autoptr(DaftariTxn) too_much = daftari_ops_build_record (tb->book, DAFTARI_TXN_EXPENSE, tb->mpesa, tb->stock,
                                                             KES (10000) + 1, test_day (tb->book, 1), NULL, NULL);

  g_assert_true (daftari_ledger_check (tb->book, fits, &check_error));
  g_assert_no_error (check_error);
  g_assert_cmpint (fits->id, ==, 0);
  g_assert_false (daftari_ledger_check (tb->book, too_much, &check_error));
  g_assert_false (daftari_ledger_post (tb->book, too_much, NULL, &post_error));
  g_assert_error (check_error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_OVERDRAFT);
  g_assert_cmpstr (check_error->message, ==, post_error->message);
  {
    g_autofree char *after = test_db_dump (tb->path);
    g_assert_cmpstr (after, ==, before);
  }

  /* Inside a batch, between posts that are kept. */
  g_assert_true (daftari_ledger_batch_begin (tb->book, NULL));
  test_record (tb->book, DAFTARI_TXN_INCOME, tb->cash, tb->sales, KES (50), test_day (tb->book, 1));
  g_assert_true (daftari_ledger_check (tb->book, fits, NULL));
  g_assert_false (daftari_ledger_check (tb->book, too_much, NULL));
  test_record (tb->book, DAFTARI_TXN_EXPENSE, tb->cash, tb->stock, KES (50), test_day (tb->book, 3));
  g_assert_true (daftari_ledger_batch_commit (tb->book, NULL));
  g_assert_cmpint (test_db_int (tb->path, "SELECT count (*) FROM txn"), ==, 2 + 2);
  g_assert_cmpint (test_balance (tb->book, tb->mpesa), ==, KES (10000));
  g_assert_cmpint (test_balance (tb->book, tb->cash), ==, 0);
  test_assert_sound (tb->book);
}

static guint
count_matching (TestBook *tb, const DaftariTxnFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) txns = daftari_query_transactions (tb->book, filter, &error);

  g_assert_no_error (error);
  /* Oldest first, always. */
  for (guint i = 1; i < txns->len; i++)
    g_assert_cmpint (((DaftariTxn *) g_ptr_array_index (txns, i - 1))->ts, <=,
                     ((DaftariTxn *) g_ptr_array_index (txns, i))->ts);
  return txns->len;
}

static void
test_query_filters (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  DaftariTxnFilter filter;
  g_autoptr(GPtrArray) latest = NULL;
  gint64 id;

  /* Days 1..10: an income to M-PESA each day, an expense from KCB on even days. */
  for (int day = 1; day <= 10; day++)
    {
      g_autofree char *memo = g_strdup_printf (day == 4 ? "50%%_off day %d" : "sale day %d", day);
      daftari_ops_record (tb->book, DAFTARI_TXN_INCOME, tb->mpesa, tb->sales, KES (day), test_day (tb->book, day),
                          memo, NULL, NULL);
      if (day % 2 == 0)
        test_record (tb->book, DAFTARI_TXN_EXPENSE, tb->kcb, tb->rent, KES (1), test_day (tb->book, day));
    }
  id = test_record (tb->book, DAFTARI_TXN_EXPENSE, tb->mpesa, tb->rent, KES (1), test_day (tb->book, 11));
  g_assert_true (daftari_ledger_void (tb->book, id, NULL));

  daftari_txn_filter_init (&filter);
  g_assert_cmpuint (count_matching (tb, &filter), ==, 2 + 10 + 5);   /* two openings */
  filter.include_voided = TRUE;
  g_assert_cmpuint (count_matching (tb, &filter), ==, 2 + 10 + 5 + 1);
  filter.include_voided = FALSE;

  filter.from_ts = daftari_calendar_day_start (daftari_book_get_calendar (tb->book), 20250104);
  filter.to_ts = daftari_calendar_day_end (daftari_book_get_calendar (tb->book), 20250106);
  g_assert_cmpuint (count_matching (tb, &filter), ==, 3 + 1);
  filter.account_id = tb->kcb;
  g_assert_cmpuint (count_matching (tb, &filter), ==, 1);

  daftari_txn_filter_init (&filter);
  filter.account_id = tb->mpesa;
  g_assert_cmpuint (count_matching (tb, &filter), ==, 1 + 10);
  filter.category_id = tb->rent;
  g_assert_cmpuint (count_matching (tb, &filter), ==, 0);
  filter.account_id = 0;
  g_assert_cmpuint (count_matching (tb, &filter), ==, 5);
  filter.account_id = tb->kcb;
  g_assert_cmpuint (count_matching (tb, &filter), ==, 5);

  /* Text is searched literally: % and _ are not wildcards. */
  daftari_txn_filter_init (&filter);
  filter.text = "50%_off";
  g_assert_cmpuint (count_matching (tb, &filter), ==, 1);
  filter.text = "%";
  g_assert_cmpuint (count_matching (tb, &filter), ==, 1);
  filter.text = "sale day";
  g_assert_cmpuint (count_matching (tb, &filter), ==, 9);
  filter.text = "SALE DAY 1";   /* LIKE ignores ASCII case: day 1 and day 10 */
  g_assert_cmpuint (count_matching (tb, &filter), ==, 2);

  /* A limit keeps the latest, still listed oldest first. */
  daftari_txn_filter_init (&filter);
  filter.limit = 3;
  filter.account_id = tb->mpesa;
  latest = daftari_query_transactions (tb->book, &filter, NULL);
  g_assert_cmpuint (latest->len, ==, 3);
  g_assert_cmpint (((DaftariTxn *) g_ptr_array_index (latest, 2))->ts, ==, test_day (tb->book, 10));
  g_assert_cmpint (((DaftariTxn *) g_ptr_array_index (latest, 0))->ts, ==, test_day (tb->book, 8));
}

/* A balance as of any moment is the sum of the account's splits up to it,
 * whichever end of its month the query sums from: early and late in a
 * month, on a split's own second, between splits, at month ends and after
 * the last split. */
static void
test_query_balance_any_moment (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  DaftariCalendar *calendar = daftari_book_get_calendar (tb->book);
  gint64 march = daftari_calendar_day_start (calendar, 20250301);
  gint64 april = daftari_calendar_day_start (calendar, 20250401);
  g_autofree char *path = g_strdup (daftari_book_get_path (tb->book));
  sqlite3 *db;
  gint64 moments[64];
  guint n = 0;

  /* Money in every three days of March, and out on some, at odd hours. */
  for (guint day = 0; day < 31; day += 3)
    {
      gint64 ts = march + day * 86400 + 3600 * (day % 7) + 1;
      test_record (tb->book, DAFTARI_TXN_INCOME, tb->cash, tb->sales, KES (100 + day), ts);
      if (day % 2 == 0)
        test_record (tb->book, DAFTARI_TXN_EXPENSE, tb->cash, tb->stock, KES (20), ts + 60);
      moments[n++] = ts - 1;
      moments[n++] = ts;
      moments[n++] = ts + 30;
      moments[n++] = ts + 60;
    }
  moments[n++] = march - 1;
  moments[n++] = march;
  moments[n++] = april - 1;
  moments[n++] = april;
  moments[n++] = april + 40 * 86400;
  db = test_db_open (path);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *sql = g_strdup_printf ("SELECT coalesce (sum (amount), 0) FROM split WHERE account_id = %"
                                              G_GINT64_FORMAT " AND ts <= %" G_GINT64_FORMAT, tb->cash, moments[i]);
      gint64 balance = -1;
      g_assert_true (daftari_query_balance (tb->book, tb->cash, moments[i], &balance, &error));
      g_assert_no_error (error);
      g_assert_cmpint (balance, ==, test_sql_int (db, sql));
    }
  sqlite3_close (db);
}

/* Balances as of any moment, month totals and monthly series. */
static void
test_query_balances (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) totals = NULL;
  g_autoptr(GArray) series = NULL;
  DaftariCalendar *calendar = daftari_book_get_calendar (tb->book);
  gint64 balance;

  /* January 31 and February 1 in Nairobi, an hour either side of midnight. */
  gint64 jan_end = daftari_calendar_day_start (calendar, 20250201) - 3600;
  gint64 feb_start = daftari_calendar_day_start (calendar, 20250201) + 3600;

  test_record (tb->book, DAFTARI_TXN_INCOME, tb->cash, tb->sales, KES (300), jan_end);
  test_record (tb->book, DAFTARI_TXN_INCOME, tb->cash, tb->sales, KES (200), feb_start);
  test_record (tb->book, DAFTARI_TXN_EXPENSE, tb->cash, tb->stock, KES (50), test_day (tb->book, 70));

  g_assert_true (daftari_query_balance (tb->book, tb->cash, jan_end - 1, &balance, &error));
  g_assert_cmpint (balance, ==, 0);
  g_assert_true (daftari_query_balance (tb->book, tb->cash, jan_end, &balance, &error));
  g_assert_cmpint (balance, ==, KES (300));
  g_assert_true (daftari_query_balance (tb->book, tb->cash, feb_start, &balance, &error));
  g_assert_cmpint (balance, ==, KES (500));
  g_assert_true (daftari_query_balance (tb->book, tb->cash, G_MAXINT64, &balance, &error));
  g_assert_cmpint (balance, ==, KES (450));
  g_assert_no_error (error);

  totals = daftari_query_month_totals (tb->book, 202502, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (totals->len, ==, 1);
  g_assert_cmpint (g_array_index (totals, DaftariAccountTotal, 0).account_id, ==, tb->sales);
  g_assert_cmpint (g_array_index (totals, DaftariAccountTotal, 0).value, ==, -KES (200));

  /* Income reads positive in a series; March has the expense only. */
  series = daftari_query_monthly_series (tb->book, tb->sales, 202412, 202503, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (series->len, ==, 4);
  g_assert_cmpint (g_array_index (series, gint64, 0), ==, 0);
  g_assert_cmpint (g_array_index (series, gint64, 1), ==, KES (300));
  g_assert_cmpint (g_array_index (series, gint64, 2), ==, KES (200));
  g_assert_cmpint (g_array_index (series, gint64, 3), ==, 0);
  g_assert_cmpint (daftari_query_first_month (tb->book, tb->stock, NULL), ==, 202503);
  g_assert_cmpint (daftari_query_first_month (tb->book, tb->rent, NULL), ==, 0);
}

/* Copies a closed book and damages the copy through raw SQL. */
static char *
damaged_copy (TestBook *tb, const char *name, const char *sql)
{
  g_autofree char *copy = g_build_filename (tb->dir, name, NULL);
  g_autoptr(GFile) from = g_file_new_for_path (tb->path);
  g_autoptr(GFile) to = g_file_new_for_path (copy);
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  db = test_db_open (copy);
  test_sql_exec (db, sql);
  sqlite3_close (db);
  return g_steal_pointer (&copy);
}

static void
assert_check_finds (const char *path, const char *finding)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariBook) book = daftari_book_open (path, &error);
  g_autoptr(GPtrArray) problems = NULL;
  gboolean found = FALSE;

  g_assert_no_error (error);
  problems = daftari_check_run (book, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    found |= strstr (g_ptr_array_index (problems, i), finding) != NULL;
  if (!found)
    g_error ("check of %s did not find “%s” (%u problems)", path, finding, problems->len);
}

static void
test_check_finds_damage (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  static const struct { const char *sql; const char *finding; } damage[] = {
    { "UPDATE split SET value = value + 1, amount = amount + 1 WHERE n = 0"
      " AND txn_id = (SELECT max (txn_id) FROM split)", "does not balance" },
    { "UPDATE account SET balance = balance + 1 WHERE name = 'M-PESA'", "stored balance of “M-PESA”" },
    { "UPDATE account_month SET amount = amount + 1, value = value + 1"
      " WHERE account_id = (SELECT id FROM account WHERE name = 'Stock purchases')",
      "total of “Stock purchases” for 2025-01" },
    { "DELETE FROM account_month WHERE account_id = (SELECT id FROM account WHERE name = 'Sales')",
      "total of “Sales”" },
    { "UPDATE wallet_flow_month SET money_out = money_out + 1"
      " WHERE wallet_id = (SELECT id FROM account WHERE name = 'Cash')",
      "cash-flow totals of “Cash” for 2025-01" },
    { "DELETE FROM wallet_flow_month WHERE wallet_id = (SELECT id FROM account WHERE name = 'M-PESA')",
      "cash-flow totals of “M-PESA”" },
    { "UPDATE split SET value = value * 2 WHERE account_id = (SELECT id FROM account WHERE name = 'Cash')",
      "kept in the book currency" },
    { "UPDATE txn SET voided = 1 WHERE id = (SELECT max (id) FROM txn)", "splits, which its state does not allow" },
    { "UPDATE split SET ts = ts + 1 WHERE n = 1 AND txn_id = (SELECT max (txn_id) FROM split)",
      "dated apart from it" },
    /* Spending moved before the money came in. */
    { "UPDATE txn SET ts = ts - 86400 * 5 WHERE kind = 'expense';"
      "UPDATE split SET ts = ts - 86400 * 5 WHERE txn_id IN (SELECT id FROM txn WHERE kind = 'expense')",
      "“Cash” went below zero" },
  };

  test_record (tb->book, DAFTARI_TXN_INCOME, tb->cash, tb->sales, KES (100), test_day (tb->book, 5));
  test_record (tb->book, DAFTARI_TXN_EXPENSE, tb->cash, tb->stock, KES (80), test_day (tb->book, 6));
  test_record (tb->book, DAFTARI_TXN_EXPENSE, tb->mpesa, tb->stock, KES (20), test_day (tb->book, 7));
  test_assert_sound (tb->book);
  /* Closing folds the write-ahead log into the file, so a copy is whole. */
  g_clear_object (&tb->book);

  for (guint i = 0; i < G_N_ELEMENTS (damage); i++)
    {
      g_autofree char *name = g_strdup_printf ("damaged-%u.daftari", i);
      g_autofree char *copy = damaged_copy (tb, name, damage[i].sql);
      assert_check_finds (copy, damage[i].finding);
    }

  /* The original, untouched, is still sound. */
  {
    g_autoptr(GError) error = NULL;
    tb->book = daftari_book_open (tb->path, &error);
    g_assert_no_error (error);
    test_assert_sound (tb->book);
  }
}

int
main (int argc, char **argv)
{
  test_common_init (&argc, &argv);
  g_test_add_func ("/ledger/post-and-get", test_post_and_get);
  g_test_add_func ("/ledger/replace", test_replace);
  g_test_add_func ("/ledger/void-and-unvoid", test_void_and_unvoid);
  g_test_add_func ("/ledger/unvoid-after-edit", test_unvoid_after_edit);
  g_test_add_func ("/ledger/batch/refusals", test_batch_refusals);
  g_test_add_func ("/ledger/batch/abort", test_batch_abort);
  g_test_add_func ("/ledger/batch/post-many", test_post_many);
  g_test_add_func ("/ledger/dry-run", test_dry_run);
  g_test_add_func ("/ledger/query/filters", test_query_filters);
  g_test_add_func ("/ledger/query/balances", test_query_balances);
  g_test_add_func ("/ledger/query/balance-any-moment", test_query_balance_any_moment);
  g_test_add_func ("/ledger/check/finds-damage", test_check_finds_damage);
  return g_test_run ();
}
