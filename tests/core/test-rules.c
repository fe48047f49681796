/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every rule of the book and every refusal. Each refusal is checked twice:
 * the GError must name the rule, the wallet and the figures, and the file,
 * read back through a separate connection, must hold exactly what it held
 * before. */
#include "test-common.h"

#define KES(units) ((gint64) (units) * 100)

/* Asserts that error's message holds each of the NULL-terminated parts. */
static void
assert_says (const GError *error, ...)
{
  va_list args;
  const char *part;

  g_assert_nonnull (error);
  va_start (args, error);
  while ((part = va_arg (args, const char *)) != NULL)
    if (strstr (error->message, part) == NULL)
      g_error ("“%s” does not say “%s”", error->message, part);
  va_end (args);
}

static void
assert_unchanged (TestBook *tb, const char *before)
{
  g_autofree char *after = test_db_dump (tb->path);
  g_assert_cmpstr (after, ==, before);
}

static gboolean
expense (TestBook *tb, gint64 wallet, gint64 amount, gint64 ts, GError **error)
{
  return daftari_ops_record (tb->book, DAFTARI_TXN_EXPENSE, wallet, tb->stock, amount, ts, NULL, NULL, error);
}

static gint64
transfer_ok (TestBook *tb, gint64 from, gint64 to, gint64 amount, gint64 fee, gint64 ts)
{
  g_autoptr(GError) error = NULL;
  DaftariTransferSpec spec = { .from_id = from, .to_id = to, .amount = amount, .fee = fee, .ts = ts };
  gint64 id = 0;

  daftari_ops_transfer (tb->book, &spec, &id, &error);
  g_assert_no_error (error);
  return id;
}

/* Exactly the limit is allowed, one cent more is refused, with the figures. */
static void
test_limit_exact (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;

  g_assert_cmpint (daftari_book_get_txn_limit (tb->book), ==, KES (500000));
  g_assert_true (expense (tb, tb->kcb, KES (500000), test_day (tb->book, 1), NULL));
  g_assert_cmpint (test_balance (tb->book, tb->kcb), ==, KES (500000));

  before = test_db_dump (tb->path);
  g_assert_false (expense (tb, tb->kcb, KES (500000) + 1, test_day (tb->book, 2), &error));
  g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_LIMIT);
  assert_says (error, "limit", "KCB", "KES 500,000.01", "KES 500,000.00", NULL);
  assert_unchanged (tb, before);

  /* Money coming in is held to the same limit. */
  g_clear_error (&error);
  g_assert_false (daftari_ops_record (tb->book, DAFTARI_TXN_INCOME, tb->mpesa, tb->sales, KES (500000) + 1,
                                      test_day (tb->book, 2), NULL, NULL, &error));
  g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_LIMIT);
  assert_says (error, "M-PESA", NULL);
  /* And so is one dated in the past, which takes the other write path. */
  g_clear_error (&error);
  g_assert_false (daftari_ops_record (tb->book, DAFTARI_TXN_INCOME, tb->mpesa, tb->sales, KES (600000),
                                      test_day (tb->book, -30), NULL, NULL, &error));
  g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_LIMIT);
  assert_unchanged (tb, before);
  test_assert_sound (tb->book);
}

/* Opening balances are not money moving: no limit. */
static void
test_limit_opening_exempt (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;
  gint64 big, id = 0;

  big = test_add_wallet (tb->book, "Equity", DAFTARI_ACCOUNT_BANK, NULL, KES (2000000), test_day (tb->book, 0), FALSE);
  g_assert_cmpint (test_balance (tb->book, big), ==, KES (2000000));
  g_assert_true (daftari_ops_opening_balance (tb->book, tb->cash, KES (750000), test_day (tb->book, 0), &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_balance (tb->book, tb->cash), ==, KES (750000));
  g_assert_cmpint (test_balance (tb->book, tb->opening), ==, -KES (2000000 + 750000 + 10000 + 1000000));
  test_assert_sound (tb->book);
}

/* Only an opening balance is exempt, not anything labelled as one: money
 * moved between two wallets, or income, is held to the limit whatever its
 * kind says. */
static void
test_limit_opening_label (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariTxn) between = daftari_txn_new (DAFTARI_TXN_OPENING, test_day (tb->book, 1));
  g_autoptr(DaftariTxn) sale = daftari_txn_new (DAFTARI_TXN_OPENING, test_day (tb->book, 1));
  g_autoptr(DaftariTxn) genuine = daftari_txn_new (DAFTARI_TXN_OPENING, test_day (tb->book, 1));
  g_autofree char *before = test_db_dump (tb->path);

  daftari_txn_add_split (between, tb->kcb, -KES (600000), -KES (600000), 0);
  daftari_txn_add_split (between, tb->mpesa, KES (600000), KES (600000), 0);
  g_assert_false (daftari_ledger_post (tb->book, between, NULL, &error));
  g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_LIMIT);
  g_clear_error (&error);
  daftari_txn_add_split (sale, tb->cash, KES (600000), KES (600000), 0);
  daftari_txn_add_split (sale, tb->sales, -KES (600000), -KES (600000), 0);
  g_assert_false (daftari_ledger_post (tb->book, sale, NULL, &error));
  g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_LIMIT);
  {
    g_autofree char *after = test_db_dump (tb->path);
    g_assert_cmpstr (after, ==, before);
  }

  daftari_txn_add_split (genuine, tb->cash, KES (600000), KES (600000), 0);
  daftari_txn_add_split (genuine, tb->opening, -KES (600000), -KES (600000), 0);
  g_assert_true (daftari_ledger_post (tb->book, genuine, NULL, NULL));
  g_assert_cmpint (test_balance (tb->book, tb->cash), ==, KES (600000));
}

/* The fee is a charge, not part of the money moved. */
static void
test_limit_fee_not_counted (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;
  DaftariTransferSpec spec = { .from_id = tb->kcb, .to_id = tb->cash, .amount = KES (500000) + 1,
                               .ts = test_day (tb->book, 2) };
  g_autofree char *before = NULL;
  gint64 id;

  id = transfer_ok (tb, tb->kcb, tb->mpesa, KES (500000), KES (105), test_day (tb->book, 1));
  g_assert_cmpint (test_balance (tb->book, tb->kcb), ==, KES (1000000 - 500000 - 105));
  g_assert_cmpint (test_balance (tb->book, tb->charges), ==, KES (105));
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM split s JOIN account a ON a.id = s.account_id"
                                            " WHERE s.txn_id = %" G_GINT64_FORMAT " AND s.role = 1"
                                            " AND a.role = 'charges' AND s.value = 10500", id);
    g_assert_cmpint (test_db_int (tb->path, sql), ==, 1);
  }

  before = test_db_dump (tb->path);
  g_assert_false (daftari_ops_transfer (tb->book, &spec, NULL, &error));
  g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_LIMIT);
  assert_says (error, "KCB", "KES 500,000.01", NULL);
  assert_unchanged (tb, before);
}

/* The limit is kept in the book, survives reopening, and can be changed. */
static void
test_limit_change (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;

  g_assert_true (daftari_book_set_txn_limit (tb->book, KES (1000), &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_db_int (tb->path, "SELECT CAST (value AS INTEGER) FROM setting WHERE key = 'txn_limit'"),
                   ==, KES (1000));

  g_clear_object (&tb->book);
  tb->book = daftari_book_open (tb->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (daftari_book_get_txn_limit (tb->book), ==, KES (1000));

  g_assert_true (expense (tb, tb->mpesa, KES (1000), test_day (tb->book, 1), NULL));
  before = test_db_dump (tb->path);
  g_assert_false (expense (tb, tb->mpesa, KES (1000) + 1, test_day (tb->book, 1), &error));
  g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_LIMIT);
  assert_says (error, "KES 1,000.01", "KES 1,000.00", NULL);
  g_clear_error (&error);

  /* A limit must be a positive amount. */
  g_assert_false (daftari_book_set_txn_limit (tb->book, 0, &error));
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (daftari_book_set_txn_limit (tb->book, -KES (5), &error));
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID);
  assert_unchanged (tb, before);
  g_assert_cmpint (daftari_book_get_txn_limit (tb->book), ==, KES (1000));
}

/* A limit changed in the middle of a batch holds for the rest of it. */
static void
test_limit_change_in_batch (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (daftari_ledger_batch_begin (tb->book, &error));
  g_assert_true (expense (tb, tb->kcb, KES (600), test_day (tb->book, 1), &error));
  g_assert_true (daftari_book_set_txn_limit (tb->book, KES (500), &error));
  g_assert_no_error (error);
  g_assert_false (expense (tb, tb->kcb, KES (600), test_day (tb->book, 2), &error));
  g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_LIMIT);
  g_clear_error (&error);
  g_assert_true (expense (tb, tb->kcb, KES (500), test_day (tb->book, 3), &error));
  g_assert_true (daftari_ledger_batch_commit (tb->book, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_db_int (tb->path, "SELECT count (*) FROM txn WHERE kind = 'expense'"), ==, 2);
  g_assert_cmpint (test_balance (tb->book, tb->kcb), ==, KES (1000000 - 1100));
  test_assert_sound (tb->book);
}

/* Crypto is held to the limit by its value in the book currency. */
static void
test_limit_by_value (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;
  const DaftariCommodity *btc = daftari_commodity_lookup ("BTC");
  gint64 wallet;
  g_autofree char *before = NULL;
  DaftariTransferSpec spec;

  g_assert_true (daftari_rates_set (tb->book, btc, 20241201, 9000000 * DAFTARI_RATE_ONE, &error));
  wallet = test_add_wallet (tb->book, "Bitcoin", DAFTARI_ACCOUNT_CRYPTO, "BTC", 100000000, test_day (tb->book, 0), FALSE);

  spec = (DaftariTransferSpec) { .from_id = wallet, .to_id = tb->kcb, .amount = 6000000, .ts = test_day (tb->book, 1) };
  before = test_db_dump (tb->path);
  g_assert_false (daftari_ops_transfer (tb->book, &spec, NULL, &error));
  g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_LIMIT);
  assert_says (error, "Bitcoin", "KES 540,000.00", NULL);
  assert_unchanged (tb, before);

  spec.amount = 5000000;
  transfer_ok (tb, wallet, tb->kcb, 5000000, 0, test_day (tb->book, 1));
  g_assert_cmpint (test_balance (tb->book, wallet), ==, 95000000);
  g_assert_cmpint (test_balance (tb->book, tb->kcb), ==, KES (1000000 + 450000));
}

static void
test_overdraft_simple (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = test_db_dump (tb->path);

  g_assert_false (expense (tb, tb->mpesa, KES (10000) + 1, test_day (tb->book, 1), &error));
  g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_OVERDRAFT);
  assert_says (error, "M-PESA", "below zero", "-KES 0.01", "2025-01-02", NULL);
  assert_unchanged (tb, before);

  /* Down to exactly zero is fine; a cent below it is not. */
  g_assert_true (expense (tb, tb->mpesa, KES (10000), test_day (tb->book, 1), NULL));
  g_assert_cmpint (test_balance (tb->book, tb->mpesa), ==, 0);
  g_free (before);
  before = test_db_dump (tb->path);
  g_clear_error (&error);
  g_assert_false (expense (tb, tb->mpesa, 1, test_day (tb->book, 2), &error));
  g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_OVERDRAFT);
  assert_unchanged (tb, before);

  /* A wallet that allows an overdraft may go below zero. */
  g_assert_true (expense (tb, tb->overdraft, KES (5000), test_day (tb->book, 2), NULL));
  g_assert_cmpint (test_balance (tb->book, tb->overdraft), ==, -KES (5000));
  test_assert_sound (tb->book);
}

/* A back-dated expense that leaves enough at its own date but makes a later
 * point negative is refused, naming that later point. */
static void
test_overdraft_back_dated (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gint64 balance;

  g_assert_true (expense (tb, tb->mpesa, KES (8000), test_day (tb->book, 10), NULL));
  before = test_db_dump (tb->path);
  g_assert_false (expense (tb, tb->mpesa, KES (3000), test_day (tb->book, 5), &error));
  g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_OVERDRAFT);
  assert_says (error, "M-PESA", "-KES 1,000.00", "2025-01-11", NULL);
  assert_unchanged (tb, before);

  g_assert_true (expense (tb, tb->mpesa, KES (2000), test_day (tb->book, 5), NULL));
  g_assert_true (daftari_query_balance (tb->book, tb->mpesa, test_day (tb->book, 5), &balance, NULL));
  g_assert_cmpint (balance, ==, KES (8000));
  g_assert_cmpint (test_balance (tb->book, tb->mpesa), ==, 0);
  /* An income dated before the spending is always welcome. */
  test_record (tb->book, DAFTARI_TXN_INCOME, tb->mpesa, tb->sales, KES (100), test_day (tb->book, 3));
  g_assert_cmpint (test_balance (tb->book, tb->mpesa), ==, KES (100));
  test_assert_sound (tb->book);
}

/* Voiding income that was already spent would leave a hole in the past. */
static void
test_overdraft_void_spent_income (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gint64 income, spend;

  income = test_record (tb->book, DAFTARI_TXN_INCOME, tb->cash, tb->sales, KES (5000), test_day (tb->book, 1));
  spend = test_record (tb->book, DAFTARI_TXN_EXPENSE, tb->cash, tb->stock, KES (4000), test_day (tb->book, 2));

  before = test_db_dump (tb->path);
  g_assert_false (daftari_ledger_void (tb->book, income, &error));
  g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_OVERDRAFT);
  assert_says (error, "Cash", "-KES 4,000.00", "2025-01-03", NULL);
  assert_unchanged (tb, before);

  /* Void the spending first, and then the income may go. */
  g_assert_true (daftari_ledger_void (tb->book, spend, NULL));
  g_assert_true (daftari_ledger_void (tb->book, income, NULL));
  g_assert_cmpint (test_balance (tb->book, tb->cash), ==, 0);
  g_assert_cmpint (test_db_int (tb->path, "SELECT count (*) FROM audit WHERE action = 'void'"), ==, 2);

  /* Restoring the spending before its income is refused the same way. */
  g_free (before);
  before = test_db_dump (tb->path);
  g_clear_error (&error);
  g_assert_false (daftari_ledger_unvoid (tb->book, spend, &error));
  g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_OVERDRAFT);
  assert_says (error, "Cash", NULL);
  assert_unchanged (tb, before);
  g_assert_true (daftari_ledger_unvoid (tb->book, income, NULL));
  g_assert_true (daftari_ledger_unvoid (tb->book, spend, NULL));
  g_assert_cmpint (test_balance (tb->book, tb->cash), ==, KES (1000));
  test_assert_sound (tb->book);
}

static DaftariTxn *
build_record (TestBook *tb, DaftariTxnKind kind, gint64 wallet, gint64 amount, gint64 ts)
{
  g_autoptr(GError) error = NULL;
  DaftariTxn *txn = daftari_ops_build_record (tb->book, kind, wallet,
                                              kind == DAFTARI_TXN_INCOME ? tb->sales : tb->stock,
                                              amount, ts, "edited", &error);
  g_assert_no_error (error);
  return txn;
}

/* Edits that would overdraw the wallet at any point are refused. */
static void
test_overdraft_edit (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autofree char *before = NULL;
  gint64 income, spend;
  const struct { gboolean on_income; DaftariTxnKind kind; gint64 wallet_offset; gint64 amount; int day; } bad[] = {
    { TRUE,  DAFTARI_TXN_INCOME,  0, KES (3000), 1 },   /* less came in than was spent */
    { TRUE,  DAFTARI_TXN_INCOME,  0, KES (5000), 3 },   /* it came in after the spending */
    { TRUE,  DAFTARI_TXN_INCOME,  1, KES (5000), 1 },   /* it came into another wallet */
    { FALSE, DAFTARI_TXN_EXPENSE, 0, KES (6000), 2 },   /* more was spent than came in */
    { FALSE, DAFTARI_TXN_EXPENSE, 0, KES (4000), 0 },   /* spent before it came in */
  };

  income = test_record (tb->book, DAFTARI_TXN_INCOME, tb->cash, tb->sales, KES (5000), test_day (tb->book, 1));
  spend = test_record (tb->book, DAFTARI_TXN_EXPENSE, tb->cash, tb->stock, KES (4000), test_day (tb->book, 2));
  before = test_db_dump (tb->path);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 wallet = bad[i].wallet_offset ? tb->mpesa : tb->cash;
      g_autoptr(DaftariTxn) txn = build_record (tb, bad[i].kind, wallet, bad[i].amount, test_day (tb->book, bad[i].day));

      g_assert_false (daftari_ledger_replace (tb->book, bad[i].on_income ? income : spend, txn, &error));
      g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_OVERDRAFT);
      assert_says (error, "Cash", NULL);
      assert_unchanged (tb, before);
    }

  /* A fair edit goes through, and the audit trail keeps both versions. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DaftariTxn) txn = build_record (tb, DAFTARI_TXN_EXPENSE, tb->cash, KES (5000), test_day (tb->book, 2));
    g_assert_true (daftari_ledger_replace (tb->book, spend, txn, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (test_balance (tb->book, tb->cash), ==, 0);
  g_assert_cmpint (test_db_int (tb->path, "SELECT count (*) FROM audit WHERE action = 'edit'"
                                          " AND before LIKE '%-400000%' AND after LIKE '%-500000%'"), ==, 1);
  test_assert_sound (tb->book);
}

/* Within one second money in counts before money out, on both write paths. */
static void
test_overdraft_same_second (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;
  gint64 t = test_day (tb->book, 5);

  g_assert_false (expense (tb, tb->cash, KES (100), t, &error));
  g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_OVERDRAFT);
  g_clear_error (&error);
  test_record (tb->book, DAFTARI_TXN_INCOME, tb->cash, tb->sales, KES (100), t);
  g_assert_true (expense (tb, tb->cash, KES (100), t, NULL));

  /* Later: 100 in and out in the same second again. */
  test_record (tb->book, DAFTARI_TXN_INCOME, tb->cash, tb->sales, KES (100), t + 100);
  g_assert_true (expense (tb, tb->cash, KES (100), t + 100, NULL));
  /* Back-dated between the two: out alone is refused, in-then-out is not. */
  g_assert_false (expense (tb, tb->cash, KES (10), t + 50, &error));
  g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_OVERDRAFT);
  test_record (tb->book, DAFTARI_TXN_INCOME, tb->cash, tb->sales, KES (10), t + 50);
  g_assert_true (expense (tb, tb->cash, KES (10), t + 50, NULL));
  g_assert_cmpint (test_balance (tb->book, tb->cash), ==, 0);
  test_assert_sound (tb->book);
}

static void
assert_post_refused (TestBook *tb, DaftariTxn *txn, GQuark domain, gint code, const char *says)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = test_db_dump (tb->path);
  gint64 id = -1;

  g_assert_false (daftari_ledger_post (tb->book, txn, &id, &error));
  g_assert_error (error, domain, code);
  if (says != NULL)
    assert_says (error, says, NULL);
  g_assert_cmpint (id, ==, -1);
  assert_unchanged (tb, before);
}

/* Transactions that make no sense as double entry are refused. */
static void
test_shape (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;
  const DaftariCommodity *btc = daftari_commodity_lookup ("BTC");
  gint64 t = test_day (tb->book, 1), bitcoin;

  g_assert_true (daftari_rates_set (tb->book, btc, 20241201, 9000000 * DAFTARI_RATE_ONE, &error));
  bitcoin = test_add_wallet (tb->book, "Bitcoin", DAFTARI_ACCOUNT_CRYPTO, "BTC", 0, 0, FALSE);
  {
    g_autoptr(DaftariTxn) txn = daftari_txn_new (DAFTARI_TXN_GENERAL, t);
    daftari_txn_add_split (txn, tb->mpesa, -100, -100, 0);
    assert_post_refused (tb, txn, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_INVALID, "two sides");
  }
  {
    g_autoptr(DaftariTxn) txn = daftari_txn_new (DAFTARI_TXN_GENERAL, t);
    daftari_txn_add_split (txn, tb->mpesa, -100, -100, 0);
    daftari_txn_add_split (txn, tb->stock, 90, 90, 0);
    assert_post_refused (tb, txn, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_UNBALANCED, "KES 0.10");
  }
  {
    /* Values that would overflow while being summed. */
    g_autoptr(DaftariTxn) txn = daftari_txn_new (DAFTARI_TXN_GENERAL, t);
    daftari_txn_add_split (txn, tb->overdraft, G_MAXINT64, G_MAXINT64, 0);
    daftari_txn_add_split (txn, tb->cash, 1, 1, 0);
    daftari_txn_add_split (txn, tb->stock, -G_MAXINT64, -G_MAXINT64, 0);
    assert_post_refused (tb, txn, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_UNBALANCED, NULL);
  }
  {
    g_autoptr(DaftariTxn) txn = daftari_txn_new (DAFTARI_TXN_GENERAL, t);
    daftari_txn_add_split (txn, tb->mpesa, -9000, -9000, 0);
    daftari_txn_add_split (txn, bitcoin, 1000, -1000, 0);
    daftari_txn_add_split (txn, tb->stock, 10000, 10000, 0);
    assert_post_refused (tb, txn, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_INVALID, "opposite directions");
  }
  {
    g_autoptr(DaftariTxn) txn = daftari_txn_new (DAFTARI_TXN_GENERAL, t);
    daftari_txn_add_split (txn, tb->mpesa, -100, -200, 0);
    daftari_txn_add_split (txn, tb->stock, 200, 200, 0);
    assert_post_refused (tb, txn, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_INVALID, "M-PESA");
  }
  {
    g_autoptr(DaftariTxn) txn = daftari_txn_new (DAFTARI_TXN_GENERAL, t);
    daftari_txn_add_split (txn, tb->mpesa, 0, 0, 0);
    daftari_txn_add_split (txn, tb->stock, 0, 0, 0);
    assert_post_refused (tb, txn, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_INVALID, "more than zero");
  }
  {
    g_autoptr(DaftariTxn) txn = daftari_txn_new (DAFTARI_TXN_GENERAL, t);
    daftari_txn_add_split (txn, tb->mpesa, -100, -100, 0);
    daftari_txn_add_split (txn, 99999, 100, 100, 0);
    assert_post_refused (tb, txn, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_NOT_FOUND, NULL);
  }
}

static void
test_archived (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariTxn) txn = NULL;
  gint64 t = test_day (tb->book, 1);

  g_assert_true (daftari_account_set_archived (tb->book, tb->mpesa, TRUE, &error));
  g_assert_no_error (error);
  txn = build_record (tb, DAFTARI_TXN_EXPENSE, tb->mpesa, KES (10), t);
  assert_post_refused (tb, txn, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_ARCHIVED, "M-PESA");

  /* Daftari's own accounts cannot be archived. */
  g_assert_false (daftari_account_set_archived (tb->book, tb->charges, TRUE, &error));
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID);
  g_assert_cmpint (test_db_int (tb->path, "SELECT archived FROM account WHERE role = 'charges'"), ==, 0);

  g_assert_true (daftari_account_set_archived (tb->book, tb->mpesa, FALSE, NULL));
  g_assert_true (daftari_ledger_post (tb->book, txn, NULL, NULL));
  g_assert_cmpint (test_balance (tb->book, tb->mpesa), ==, KES (9990));
}

/* Archiving a wallet in the middle of a batch stops money going into it
 * for the rest of the batch too. */
static void
test_archived_in_batch (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (daftari_ledger_batch_begin (tb->book, &error));
  test_record (tb->book, DAFTARI_TXN_INCOME, tb->mpesa, tb->sales, KES (5), test_day (tb->book, 1));
  g_assert_true (daftari_account_set_archived (tb->book, tb->mpesa, TRUE, &error));
  g_assert_false (daftari_ops_record (tb->book, DAFTARI_TXN_INCOME, tb->mpesa, tb->sales, KES (5),
                                      test_day (tb->book, 2), NULL, NULL, &error));
  g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_ARCHIVED);
  g_assert_true (daftari_ledger_batch_commit (tb->book, NULL));
  g_assert_cmpint (test_balance (tb->book, tb->mpesa), ==, KES (10005));
  test_assert_sound (tb->book);
}

/* Turning a wallet's overdraft off in the middle of a batch holds for the
 * rest of the batch. */
static void
test_overdraft_off_in_batch (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;

  test_record (tb->book, DAFTARI_TXN_INCOME, tb->overdraft, tb->sales, KES (1000), test_day (tb->book, 1));
  g_assert_true (daftari_ledger_batch_begin (tb->book, &error));
  test_record (tb->book, DAFTARI_TXN_EXPENSE, tb->overdraft, tb->stock, KES (100), test_day (tb->book, 2));
  g_assert_true (daftari_account_update (tb->book, tb->overdraft, "Overdraft bank", FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (daftari_ops_record (tb->book, DAFTARI_TXN_EXPENSE, tb->overdraft, tb->stock, KES (2000),
                                      test_day (tb->book, 3), NULL, NULL, &error));
  g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_OVERDRAFT);
  g_assert_true (daftari_ledger_batch_commit (tb->book, NULL));
  g_assert_cmpint (test_balance (tb->book, tb->overdraft), ==, KES (900));
  test_assert_sound (tb->book);
}

/* Cross-commodity money needs a rate on or before its day. */
static void
test_no_rate (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;
  const DaftariCommodity *btc = daftari_commodity_lookup ("BTC");
  DaftariAccountSpec spec = { .name = "Cold wallet", .kind = DAFTARI_ACCOUNT_CRYPTO, .opening = 1000,
                              .opening_ts = test_day (tb->book, 0) };
  g_autofree char *before = test_db_dump (tb->path);
  DaftariTransferSpec transfer;
  gint64 bitcoin;

  /* An opening balance that cannot be valued leaves no account behind. */
  g_assert_false (daftari_account_add (tb->book, &spec, NULL, &error));
  g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_NO_RATE);
  assert_says (error, "BTC", "2025-01-01", NULL);
  assert_unchanged (tb, before);

  bitcoin = test_add_wallet (tb->book, "Bitcoin", DAFTARI_ACCOUNT_CRYPTO, "BTC", 0, 0, FALSE);
  /* A rate from after the transfer does not count. */
  g_assert_true (daftari_rates_set (tb->book, btc, 20250105, 9000000 * DAFTARI_RATE_ONE, NULL));
  g_free (before);
  before = test_db_dump (tb->path);
  transfer = (DaftariTransferSpec) { .from_id = tb->kcb, .to_id = bitcoin, .amount = KES (4500),
                                     .ts = test_day (tb->book, 3) };
  g_clear_error (&error);
  g_assert_false (daftari_ops_transfer (tb->book, &transfer, NULL, &error));
  g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_NO_RATE);
  assert_says (error, "BTC", "2025-01-04", NULL);
  assert_unchanged (tb, before);

  /* The book currency never needs one; a rate for it is refused. */
  g_clear_error (&error);
  g_assert_false (daftari_rates_set (tb->book, daftari_commodity_lookup ("KES"), 20250101, DAFTARI_RATE_ONE, &error));
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (daftari_rates_set (tb->book, btc, 20250101, 0, &error));
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID);
  assert_unchanged (tb, before);
}

/* Balances are checked for overflow like any other sum of money: an
 * account pushed past the 64-bit range is refused, not wrapped or turned
 * into a floating-point number by SQLite. */
static void
test_balance_overflow (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gint64 sales_before;

  g_assert_true (daftari_book_set_txn_limit (tb->book, G_MAXINT64, NULL));
  /* Sales grows by credits: take it to the edge of the range. */
  test_record (tb->book, DAFTARI_TXN_INCOME, tb->overdraft, tb->sales, G_MAXINT64, test_day (tb->book, 1));
  test_record (tb->book, DAFTARI_TXN_EXPENSE, tb->overdraft, tb->stock, G_MAXINT64, test_day (tb->book, 2));
  test_record (tb->book, DAFTARI_TXN_INCOME, tb->overdraft, tb->sales, 1, test_day (tb->book, 3));
  sales_before = test_balance (tb->book, tb->sales);
  g_assert_cmpint (sales_before, ==, G_MININT64);

  before = test_db_dump (tb->path);
  g_assert_false (daftari_ops_record (tb->book, DAFTARI_TXN_INCOME, tb->overdraft, tb->sales, 1,
                                      test_day (tb->book, 4), NULL, NULL, &error));
  g_assert_nonnull (error);
  assert_says (error, "too large", NULL);
  assert_unchanged (tb, before);
  g_assert_cmpint (test_db_int (tb->path, "SELECT count (*) FROM account WHERE typeof (balance) != 'integer'"), ==, 0);
  test_assert_sound (tb->book);
}

/* Lipa na M-PESA: the number, the account reference and the fee split. */
static void
test_pay_paybill (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariTxn) txn = NULL;
  gint64 electricity = test_account_id (tb->book, "Electricity (KPLC)");
  DaftariPaySpec spec = {
    .channel = DAFTARI_PAY_PAYBILL, .wallet_id = tb->mpesa, .number = "888880", .account = "54100000000",
    .category_id = electricity, .amount = KES (2000), .fee = KES (23), .ts = test_day (tb->book, 1),
  };
  gint64 id = 0;

  g_assert_true (daftari_ops_pay (tb->book, &spec, &id, &error));
  g_assert_no_error (error);
  txn = daftari_ledger_get (tb->book, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (txn->kind, ==, DAFTARI_TXN_PAYMENT);
  g_assert_cmpstr (txn->channel, ==, "paybill");
  g_assert_cmpstr (txn->counterparty, ==, "888880");
  g_assert_cmpstr (txn->reference, ==, "54100000000");
  g_assert_cmpstr (txn->memo, ==, "Paybill 888880, account 54100000000");
  g_assert_cmpint (daftari_txn_get_principal (txn), ==, KES (2000));
  g_assert_cmpint (test_balance (tb->book, tb->mpesa), ==, KES (10000 - 2023));
  g_assert_cmpint (test_balance (tb->book, electricity), ==, KES (2000));
  g_assert_cmpint (test_balance (tb->book, tb->charges), ==, KES (23));
  {
    g_autofree char *sql = g_strdup_printf (
        "SELECT count (*) FROM split s JOIN account a ON a.id = s.account_id WHERE s.txn_id = %" G_GINT64_FORMAT
        " AND ((s.role = 1 AND a.role = 'charges' AND s.amount = 2300)"
        "   OR (s.role = 0 AND a.name = 'Electricity (KPLC)' AND s.amount = 200000)"
        "   OR (s.role = 0 AND a.name = 'M-PESA' AND s.amount = -202300))", id);
    g_assert_cmpint (test_db_int (tb->path, sql), ==, 3);
  }
  test_assert_sound (tb->book);
}

static void
assert_pay_refused (TestBook *tb, const DaftariPaySpec *spec, GQuark domain, gint code, const char *says)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = test_db_dump (tb->path);

  g_assert_false (daftari_ops_pay (tb->book, spec, NULL, &error));
  g_assert_error (error, domain, code);
  if (says != NULL)
    assert_says (error, says, NULL);
  assert_unchanged (tb, before);
}

static void
test_pay_refusals (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  gint64 t = test_day (tb->book, 1);
  DaftariPaySpec base = { .channel = DAFTARI_PAY_PAYBILL, .wallet_id = tb->mpesa, .number = "888880",
                          .account = "ACC-1", .amount = KES (100), .ts = t };
  DaftariPaySpec spec;

  spec = base, spec.account = NULL;
  assert_pay_refused (tb, &spec, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID, "account number");
  spec = base, spec.account = "";
  assert_pay_refused (tb, &spec, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID, "account number");
  spec = base, spec.account = "1234567890123456789012345678901";
  assert_pay_refused (tb, &spec, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID, "30 characters");
  spec = base, spec.number = "1234";
  assert_pay_refused (tb, &spec, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID, "5 to 7 digits");
  spec = base, spec.number = "12345678";
  assert_pay_refused (tb, &spec, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID, "5 to 7 digits");
  spec = base, spec.channel = DAFTARI_PAY_TILL, spec.number = "53a100";
  assert_pay_refused (tb, &spec, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID, NULL);
  spec = base, spec.channel = DAFTARI_PAY_POCHI, spec.number = "0812345678";
  assert_pay_refused (tb, &spec, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID, "Kenyan mobile number");
  /* Only M-PESA and bank wallets pay through Lipa na M-PESA. */
  spec = base, spec.wallet_id = tb->cash;
  assert_pay_refused (tb, &spec, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID, "Cash");
  spec = base, spec.category_id = tb->sales;
  assert_pay_refused (tb, &spec, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID, "expense category");
  spec = base, spec.amount = 0;
  assert_pay_refused (tb, &spec, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_INVALID, "more than zero");
  spec = base, spec.fee = -1;
  assert_pay_refused (tb, &spec, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID, "negative");
  /* The fee leaves the wallet too: 10,000 with a fee of 10 overdraws it. */
  spec = base, spec.amount = KES (10000), spec.fee = KES (10);
  assert_pay_refused (tb, &spec, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_OVERDRAFT, "-KES 10.00");
  spec.amount = KES (9990);
  g_assert_true (daftari_ops_pay (tb->book, &spec, NULL, NULL));
  g_assert_cmpint (test_balance (tb->book, tb->mpesa), ==, 0);
  /* The limit is on the money paid, not on the fee with it. */
  spec = base, spec.wallet_id = tb->kcb, spec.amount = KES (500000), spec.fee = KES (100);
  g_assert_true (daftari_ops_pay (tb->book, &spec, NULL, NULL));
  spec.amount += 1;
  assert_pay_refused (tb, &spec, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_LIMIT, "KES 500,000.01");
  test_assert_sound (tb->book);
}

static void
test_pay_till_and_pochi (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  static const struct { const char *typed; const char *stored; } phones[] = {
    { "0712 345 678", "254712345678" }, { "+254 112 345 678", "254112345678" },
    { "254712000111", "254712000111" }, { "0110-000-222", "254110000222" },
  };
  DaftariPaySpec till = { .channel = DAFTARI_PAY_TILL, .wallet_id = tb->mpesa, .number = "532100",
                          .amount = KES (150), .ts = test_day (tb->book, 1) };
  gint64 id = 0;

  g_assert_true (daftari_ops_pay (tb->book, &till, &id, NULL));
  {
    g_autoptr(DaftariTxn) txn = daftari_ledger_get (tb->book, id, NULL);
    g_assert_cmpstr (txn->channel, ==, "till");
    g_assert_cmpstr (txn->counterparty, ==, "532100");
    g_assert_cmpstr (txn->reference, ==, "");
    g_assert_cmpstr (txn->memo, ==, "Till 532100");
  }
  /* With no category it is an "Other expenses" payment. */
  g_assert_cmpint (test_balance (tb->book, tb->other), ==, KES (150));

  for (guint i = 0; i < G_N_ELEMENTS (phones); i++)
    {
      DaftariPaySpec pochi = { .channel = DAFTARI_PAY_POCHI, .wallet_id = tb->mpesa, .number = phones[i].typed,
                               .category_id = tb->stock, .amount = KES (10), .ts = test_day (tb->book, 2),
                               .memo = "Sukuma" };
      g_autoptr(GError) error = NULL;
      g_autoptr(DaftariTxn) txn = NULL;

      g_assert_true (daftari_ops_pay (tb->book, &pochi, &id, &error));
      g_assert_no_error (error);
      txn = daftari_ledger_get (tb->book, id, NULL);
      g_assert_cmpstr (txn->channel, ==, "pochi");
      g_assert_cmpstr (txn->counterparty, ==, phones[i].stored);
      g_assert_cmpstr (txn->memo, ==, "Sukuma");
    }
  g_assert_cmpint (test_db_int (tb->path, "SELECT count (*) FROM txn WHERE channel = 'pochi'"
                                          " AND counterparty GLOB '254[71][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'"), ==, 4);
  test_assert_sound (tb->book);
}

/* The everyday operations check what they are given. A negative amount is
 * the ledger's rule (a form marks its amount field); the rest, bad input. */
static void
test_ops_inputs (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autofree char *before = test_db_dump (tb->path);
  gint64 t = test_day (tb->book, 1);
  struct { const char *what; gboolean ok; GError *error; } cases[6] = { { 0 } };
  DaftariTransferSpec same = { .from_id = tb->mpesa, .to_id = tb->mpesa, .amount = 100, .ts = t };
  DaftariTransferSpec to_category = { .from_id = tb->mpesa, .to_id = tb->stock, .amount = 100, .ts = t };
  DaftariTransferSpec negative_fee = { .from_id = tb->mpesa, .to_id = tb->kcb, .amount = 100, .fee = -1, .ts = t };

  cases[0].ok = daftari_ops_record (tb->book, DAFTARI_TXN_INCOME, tb->mpesa, tb->stock, 100, t, NULL, NULL, &cases[0].error);
  cases[1].ok = daftari_ops_record (tb->book, DAFTARI_TXN_EXPENSE, tb->sales, tb->stock, 100, t, NULL, NULL, &cases[1].error);
  cases[2].ok = daftari_ops_record (tb->book, DAFTARI_TXN_EXPENSE, tb->mpesa, tb->stock, -100, t, NULL, NULL, &cases[2].error);
  cases[3].ok = daftari_ops_transfer (tb->book, &same, NULL, &cases[3].error);
  cases[4].ok = daftari_ops_transfer (tb->book, &to_category, NULL, &cases[4].error);
  cases[5].ok = daftari_ops_transfer (tb->book, &negative_fee, NULL, &cases[5].error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_false (cases[i].ok);
      if (i == 2)
        g_assert_error (cases[i].error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_INVALID);
      else
        g_assert_error (cases[i].error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID);
      g_clear_error (&cases[i].error);
    }
  assert_unchanged (tb, before);
}

int
main (int argc, char **argv)
{
  test_common_init (&argc, &argv);
  g_test_add_func ("/rules/limit/exact", test_limit_exact);
  g_test_add_func ("/rules/limit/opening-exempt", test_limit_opening_exempt);
  g_test_add_func ("/rules/limit/opening-label", test_limit_opening_label);
  g_test_add_func ("/rules/limit/fee-not-counted", test_limit_fee_not_counted);
  g_test_add_func ("/rules/limit/change", test_limit_change);
  g_test_add_func ("/rules/limit/change-in-batch", test_limit_change_in_batch);
  g_test_add_func ("/rules/limit/by-value", test_limit_by_value);
  g_test_add_func ("/rules/overdraft/simple", test_overdraft_simple);
  g_test_add_func ("/rules/overdraft/back-dated", test_overdraft_back_dated);
  g_test_add_func ("/rules/overdraft/void-spent-income", test_overdraft_void_spent_income);
  g_test_add_func ("/rules/overdraft/edit", test_overdraft_edit);
  g_test_add_func ("/rules/overdraft/same-second", test_overdraft_same_second);
  g_test_add_func ("/rules/shape", test_shape);
  g_test_add_func ("/rules/archived", test_archived);
  g_test_add_func ("/rules/archived-in-batch", test_archived_in_batch);
  g_test_add_func ("/rules/overdraft/off-in-batch", test_overdraft_off_in_batch);
  g_test_add_func ("/rules/no-rate", test_no_rate);
  g_test_add_func ("/rules/balance-overflow", test_balance_overflow);
  g_test_add_func ("/rules/pay/paybill", test_pay_paybill);
  g_test_add_func ("/rules/pay/refusals", test_pay_refusals);
  g_test_add_func ("/rules/pay/till-and-pochi", test_pay_till_and_pochi);
  g_test_add_func ("/rules/ops-inputs", test_ops_inputs);
  return g_test_run ();
}
