/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo book's generator: the same seed makes the same book, whether
 * posted as one batch or one write at a time; a different seed does not;
 * what it makes stays within its dates, never overdraws, and passes check. */
#include "test-common.h"

#include "daftari-book-private.h"

#define N_TXNS 1500

/* 2025-06-30 at noon in Nairobi: a fixed end, so runs compare. */
#define END_TS G_GINT64_CONSTANT (1751274000)

/* Everything a book holds but the times it was written at. */
static const char *const content_queries[] = {
  "SELECT key, value FROM setting WHERE key != 'created' ORDER BY key",
  ("SELECT id, name, kind, commodity, institution, allow_overdraft, archived, role, balance, last_ts"
   " FROM account ORDER BY id"),
  "SELECT id, ts, kind, memo, payee, channel, counterparty, reference, voided FROM txn ORDER BY id",
  "SELECT txn_id, n, account_id, ts, amount, value, role FROM split ORDER BY txn_id, n",
  "SELECT account_id, month, amount, value FROM account_month ORDER BY account_id, month",
  "SELECT commodity, day, rate FROM rate ORDER BY commodity, day",
};

static char *
content (const char *path)
{
  sqlite3 *db = test_db_open (path);
  GString *out = g_string_new (NULL);

  for (guint q = 0; q < G_N_ELEMENTS (content_queries); q++)
    {
      sqlite3_stmt *stmt = NULL;
      g_assert_cmpint (sqlite3_prepare_v2 (db, content_queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int i = 0; i < sqlite3_column_count (stmt); i++)
            g_string_append_printf (out, "%s|", sqlite3_column_text (stmt, i));
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static DaftariBook *
new_book (const char *dir, const char *name, char **out_path)
{
  g_autoptr(GError) error = NULL;
  const DaftariBookSetup setup = { "Mama Mboga Traders", "KES", NULL };
  DaftariBook *book;

  *out_path = g_build_filename (dir, name, NULL);
  book = daftari_book_create (*out_path, &setup, &error);
  g_assert_no_error (error);
  return book;
}

static char *
filled (const char *dir, const char *name, guint32 seed, guint n)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DaftariBook) book = new_book (dir, name, &path);

  g_assert_true (daftari_generator_fill (book, seed, n, END_TS, &error));
  g_assert_no_error (error);
  test_assert_sound (book);
  return g_steal_pointer (&path);
}

/* The generator's transactions posted one write at a time, outside any
 * batch: the ledger's other path must make the very same book. */
static char *
posted_one_by_one (const char *dir, const char *name, guint32 seed, guint n)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DaftariBook) book = new_book (dir, name, &path);
  g_autoptr(DaftariGenerator) generator = daftari_generator_new (book, seed, n, END_TS, &error);
  DaftariTxn *txn;

  g_assert_no_error (error);
  while ((txn = daftari_generator_next (generator, &error)) != NULL)
    {
      g_assert_true (daftari_ledger_post (book, txn, NULL, &error));
      g_assert_no_error (error);
      daftari_txn_free (txn);
    }
  g_assert_no_error (error);
  test_assert_sound (book);
  return g_steal_pointer (&path);
}

static void
test_same_seed_same_book (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *a = filled (dir, "a.daftari", 7, N_TXNS);
  g_autofree char *b = filled (dir, "b.daftari", 7, N_TXNS);
  g_autofree char *c = posted_one_by_one (dir, "c.daftari", 7, N_TXNS);
  g_autofree char *d = filled (dir, "d.daftari", 8, N_TXNS);
  g_autofree char *content_a = content (a);
  g_autofree char *content_b = content (b);
  g_autofree char *content_c = content (c);
  g_autofree char *content_d = content (d);

  g_assert_cmpuint (strlen (content_a), >, 100000);
  g_assert_cmpstr (content_a, ==, content_b);
  g_assert_cmpstr (content_a, ==, content_c);
  g_assert_cmpstr (content_a, !=, content_d);
  test_remove_dir (dir);
}

static void
test_demo_book (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = filled (dir, "demo.daftari", 254, 3000);
  /* About 25 a day: 3,000 spread over the 120 days before the end, the
   * opening balances a minute before the first day. */
  gint64 start = END_TS - 120 * 86400;

  g_assert_cmpint (test_db_int (path, "SELECT count (*) FROM txn"), ==, 3000 + 5);
  g_assert_cmpint (test_db_int (path, "SELECT count (*) FROM txn WHERE kind = 'opening'"), ==, 5);
  g_assert_cmpint (test_db_int (path, "SELECT max (ts) FROM txn"), <=, END_TS);
  g_assert_cmpint (test_db_int (path, "SELECT min (ts) FROM txn WHERE kind != 'opening'"), >=, start);
  g_assert_cmpint (test_db_int (path, "SELECT min (ts) FROM txn"), ==, start - 60);
  test_assert_balanced (path);
  /* It is a shop's book: sales, stock, Lipa na M-PESA with fees, transfers
   * (some into bitcoin), and rent when the bank can pay it. */
  g_assert_cmpint (test_db_int (path, "SELECT count (*) FROM txn WHERE kind = 'income'"), >, 1000);
  g_assert_cmpint (test_db_int (path, "SELECT count (*) FROM txn WHERE channel = 'paybill'"), >, 50);
  g_assert_cmpint (test_db_int (path, "SELECT count (*) FROM txn WHERE channel = 'till'"), >, 50);
  g_assert_cmpint (test_db_int (path, "SELECT count (*) FROM split WHERE role = 1"), >, 50);
  g_assert_cmpint (test_db_int (path, "SELECT count (*) FROM txn t JOIN split s ON s.txn_id = t.id"
                                      " JOIN account a ON a.id = s.account_id"
                                      " WHERE t.kind = 'transfer' AND a.commodity = 'BTC'"), >, 0);
  g_assert_cmpint (test_db_int (path, "SELECT count (*) FROM txn WHERE memo = 'Shop rent'"), >=, 1);
  /* No wallet ever went below zero (check_run looked too). */
  g_assert_cmpint (test_db_int (path, "SELECT count (*) FROM account WHERE kind IN ('mpesa', 'bank', 'cash', 'crypto')"
                                      " AND balance < 0"), ==, 0);
  test_remove_dir (dir);
}

/* A generator that cannot make its wallets (the names are taken) fails
 * cleanly, and the batch it was in leaves nothing behind. */
static void
test_fill_fails_cleanly (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = NULL;
  g_autoptr(DaftariBook) book = new_book (dir, "taken.daftari", &path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  test_add_wallet (book, "M-PESA", DAFTARI_ACCOUNT_MPESA, NULL, 0, 0, FALSE);
  before = test_db_dump (path);
  g_assert_false (daftari_generator_fill (book, 1, 100, END_TS, &error));
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_EXISTS);
  after = test_db_dump (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (daftari_book_in_write (book));
  g_clear_object (&book);
  test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  test_common_init (&argc, &argv);
  g_test_add_func ("/generator/same-seed-same-book", test_same_seed_same_book);
  g_test_add_func ("/generator/demo-book", test_demo_book);
  g_test_add_func ("/generator/fill-fails-cleanly", test_fill_fails_cleanly);
  return g_test_run ();
}
