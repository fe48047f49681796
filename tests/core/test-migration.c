/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening books made by older Daftari (schema version 1, built here with raw
 * SQL the way version 1 wrote it), and files that are not Daftari books or
 * come from a newer Daftari. An update backs the book up first, keeps every
 * row, and either completes or leaves the file exactly as it was. Files
 * that are refused are not touched at all, not even their journal mode. */
#include "test-common.h"

#include <glib/gstdio.h>

#include "daftari-book-private.h"
#include "daftari-schema.h"

/* 2024-11-10 at noon in Nairobi, and the days after it. */
#define NOV_10 G_GINT64_CONSTANT (1731229200)
#define DAY    86400

/* A small shop's book as version 1 stored it: settings, the seeded roles,
 * two wallets, a rate, five transactions (one a transfer with a fee), and
 * the caches (balances, latest dates, month totals) as the ledger kept them. */
static const char old_book_sql[] =
  "INSERT INTO setting VALUES ('business_name', 'Duka la Zamani'), ('currency', 'KES'),"
  " ('time_zone', 'Africa/Nairobi'), ('txn_limit', '50000000'), ('created', '1731000000');"
  "INSERT INTO account (id, name, kind, commodity, institution, role, created) VALUES"
  " (1, 'Sales', 'income', 'KES', NULL, NULL, 1731000000),"
  " (2, 'Stock purchases', 'expense', 'KES', NULL, NULL, 1731000000),"
  " (3, 'M-PESA & bank charges', 'expense', 'KES', NULL, 'charges', 1731000000),"
  " (4, 'Other expenses', 'expense', 'KES', NULL, 'other-expenses', 1731000000),"
  " (5, 'Accounts Receivable', 'receivable', 'KES', NULL, 'receivable', 1731000000),"
  " (6, 'VAT payable', 'liability', 'KES', NULL, 'vat', 1731000000),"
  " (7, 'Fuliza', 'liability', 'KES', NULL, 'fuliza', 1731000000),"
  " (8, 'Opening balances', 'equity', 'KES', NULL, 'opening', 1731000000),"
  " (9, 'M-PESA', 'mpesa', 'KES', NULL, NULL, 1731000000),"
  " (10, 'KCB', 'bank', 'KES', 'KCB', NULL, 1731000000);"
  "INSERT INTO rate VALUES ('BTC', 20241101, 900000000000000);"
  "INSERT INTO txn (id, ts, kind, memo, payee, voided, created) VALUES"
  " (1, 1731229200, 'opening', 'Opening balance', '', 0, 1731229200),"
  " (2, 1731229200, 'opening', 'Opening balance', '', 0, 1731229200),"
  " (3, 1731315600, 'transfer', 'To the bank', '', 0, 1731315600),"
  " (4, 1731402000, 'income', 'Sale to JANE', 'JANE WANJIRU', 0, 1731402000),"
  " (5, 1731488400, 'expense', 'Stock', 'BIDCO', 0, 1731488400);"
  "INSERT INTO split (txn_id, n, account_id, ts, amount, value, role) VALUES"
  " (1, 0, 9, 1731229200, 1000000, 1000000, 0), (1, 1, 8, 1731229200, -1000000, -1000000, 0),"
  " (2, 0, 10, 1731229200, 5000000, 5000000, 0), (2, 1, 8, 1731229200, -5000000, -5000000, 0),"
  " (3, 0, 3, 1731315600, 3000, 3000, 1), (3, 1, 9, 1731315600, -203000, -203000, 0),"
  " (3, 2, 10, 1731315600, 200000, 200000, 0),"
  " (4, 0, 9, 1731402000, 150000, 150000, 0), (4, 1, 1, 1731402000, -150000, -150000, 0),"
  " (5, 0, 10, 1731488400, -70000, -70000, 0), (5, 1, 2, 1731488400, 70000, 70000, 0);"
  "UPDATE account SET balance = coalesce ((SELECT sum (amount) FROM split WHERE account_id = account.id), 0),"
  " last_ts = coalesce ((SELECT max (ts) FROM split WHERE account_id = account.id), 0);"
  "INSERT INTO account_month SELECT account_id, 202411, sum (amount), sum (value) FROM split GROUP BY account_id;";

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = test_make_dir ();
  f->path = g_build_filename (f->dir, "old.daftari", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* A book at an old version, through the real migration code stopped at
 * that step, holding the small shop's rows. */
static void
make_book_at (const char *path, int version, const char *extra_sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
  g_assert_true (daftari_schema_migrate (db, version, &error));
  g_assert_no_error (error);
  test_sql_exec (db, old_book_sql);
  if (extra_sql != NULL)
    test_sql_exec (db, extra_sql);
  sqlite3_close (db);
  g_assert_cmpint (test_db_int (path, "PRAGMA user_version"), ==, version);
}

/* A version-1 book. */
static void
make_old_book (const char *path, const char *extra_sql)
{
  make_book_at (path, 1, extra_sql);
}

static char *
file_bytes (const char *path, gsize *out_length)
{
  g_autoptr(GError) error = NULL;
  char *bytes = NULL;

  g_assert_true (g_file_get_contents (path, &bytes, out_length, &error));
  g_assert_no_error (error);
  return bytes;
}

/* The rows of a table a migration must keep as they were. */
static char *
dump_rows (const char *path, const char *sql)
{
  sqlite3 *db = test_db_open (path);
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (out, "%s|", sqlite3_column_text (stmt, i));
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static void
assert_rows_kept (const char *old_path, const char *new_path, const char *sql)
{
  g_autofree char *before = dump_rows (old_path, sql);
  g_autofree char *after = dump_rows (new_path, sql);

  g_assert_cmpstr (before, !=, "");
  g_assert_cmpstr (after, ==, before);
}

static void
test_migrate_v1 (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariBook) book = NULL;
  g_autofree char *old_dump = NULL;
  g_autofree char *backup_dump = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *base = NULL;
  gint64 balance;

  make_old_book (f->path, NULL);
  old_dump = test_db_dump (f->path);

  book = daftari_book_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (book);

  /* The backup is the book as it was, byte for byte in its data. */
  g_assert_nonnull (daftari_book_get_backup_path (book));
  backup = g_strdup (daftari_book_get_backup_path (book));
  base = g_path_get_basename (backup);
  g_assert_true (g_str_has_prefix (base, "old.daftari.v1-"));
  g_assert_true (g_str_has_suffix (base, ".bak"));
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  backup_dump = test_db_dump (backup);
  g_assert_cmpstr (backup_dump, ==, old_dump);

  /* The book is at the latest version, with its data intact. */
  g_assert_cmpint (test_db_int (f->path, "PRAGMA user_version"), ==, daftari_schema_latest_version ());
  g_assert_cmpint (test_db_int (f->path, "PRAGMA application_id"), ==, DAFTARI_APPLICATION_ID);
  assert_rows_kept (backup, f->path, "SELECT * FROM setting ORDER BY key");
  assert_rows_kept (backup, f->path, "SELECT * FROM account ORDER BY id");
  assert_rows_kept (backup, f->path, "SELECT id, ts, kind, memo, payee, voided, created FROM txn ORDER BY id");
  assert_rows_kept (backup, f->path, "SELECT * FROM split ORDER BY txn_id, n");
  assert_rows_kept (backup, f->path, "SELECT * FROM account_month ORDER BY account_id, month");
  assert_rows_kept (backup, f->path, "SELECT * FROM rate ORDER BY commodity, day");
  /* Version 2 marks old transfers as such and starts an empty audit trail. */
  g_assert_cmpint (test_db_int (f->path, "SELECT count (*) FROM txn WHERE channel = 'transfer'"), ==, 1);
  g_assert_cmpint (test_db_int (f->path, "SELECT id FROM txn WHERE channel = 'transfer'"), ==, 3);
  g_assert_cmpint (test_db_int (f->path, "SELECT count (*) FROM txn WHERE counterparty != '' OR reference != ''"), ==, 0);
  g_assert_cmpint (test_db_int (f->path, "SELECT count (*) FROM audit"), ==, 0);

  g_assert_cmpstr (daftari_book_get_business_name (book), ==, "Duka la Zamani");
  g_assert_cmpint (daftari_book_get_txn_limit (book), ==, 50000000);
  g_assert_true (daftari_query_balance (book, 9, NOV_10 + DAY, &balance, &error));
  g_assert_cmpint (balance, ==, 1000000 - 203000);
  g_assert_cmpint (test_balance (book, 9), ==, 1000000 - 203000 + 150000);
  g_assert_cmpint (test_balance (book, 10), ==, 5000000 + 200000 - 70000);
  test_assert_sound (book);

  /* The migrated book works: post, void (which needs the audit trail), check. */
  {
    gint64 id = test_record (book, DAFTARI_TXN_EXPENSE, 9, 2, 5000, NOV_10 + 5 * DAY);
    g_assert_true (daftari_ledger_void (book, 4, &error));
    g_assert_no_error (error);
    g_assert_true (daftari_ledger_void (book, id, &error));
    g_assert_no_error (error);
    g_assert_cmpint (test_db_int (f->path, "SELECT count (*) FROM audit WHERE action = 'void'"), ==, 2);
  }
  test_assert_sound (book);
  g_clear_object (&book);

  /* Opening it again changes nothing and makes no second backup. */
  book = daftari_book_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_null (daftari_book_get_backup_path (book));
  {
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;
    guint backups = 0;
    while ((name = g_dir_read_name (dir)) != NULL)
      backups += g_str_has_suffix (name, ".bak");
    g_assert_cmpuint (backups, ==, 1);
  }
}

/* A step that fails rolls the whole update back: the book stays at version
 * 1 with its data, the backup is there, and the error says what happened. */
static void
test_failed_migration (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariBook) book = NULL;
  g_autofree char *old_dump = NULL;
  g_autofree char *after = NULL;

  /* A column of the same name as one step 2 adds makes that step fail. */
  make_old_book (f->path, "ALTER TABLE txn ADD COLUMN reference TEXT");
  old_dump = test_db_dump (f->path);

  book = daftari_book_open (f->path, &error);
  g_assert_null (book);
  g_assert_nonnull (error);
  g_assert_true (error->domain == DAFTARI_BOOK_ERROR);
  g_assert_nonnull (strstr (error->message, "version 2"));

  after = test_db_dump (f->path);
  g_assert_cmpstr (after, ==, old_dump);
  g_assert_cmpint (test_db_int (f->path, "SELECT count (*) FROM sqlite_schema WHERE name = 'audit'"), ==, 0);
}

/* Asserts a file is refused with code and left exactly as it was. */
static void
assert_refused_untouched (const char *path, gint code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariBook) book = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;

  before = file_bytes (path, &before_length);
  book = daftari_book_open (path, &error);
  g_assert_null (book);
  g_assert_error (error, DAFTARI_BOOK_ERROR, code);
  after = file_bytes (path, &after_length);
  g_assert_cmpmem (after, after_length, before, before_length);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

/* Another program's SQLite database is not a book, and is not changed. */
static void
test_foreign_database (Fixture *f, gconstpointer data)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
  test_sql_exec (db, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);"
                     "INSERT INTO notes (text) VALUES ('not money');");
  sqlite3_close (db);
  assert_refused_untouched (f->path, DAFTARI_BOOK_ERROR_NOT_A_BOOK);
  g_assert_cmpint (test_db_int (f->path, "SELECT count (*) FROM notes"), ==, 1);
}

static void
test_not_sqlite (Fixture *f, gconstpointer data)
{
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty.daftari", NULL);

  g_assert_true (g_file_set_contents (text, "Mauzo ya leo: 1,500\n", -1, NULL));
  assert_refused_untouched (text, DAFTARI_BOOK_ERROR_NOT_A_BOOK);
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  assert_refused_untouched (empty, DAFTARI_BOOK_ERROR_NOT_A_BOOK);
}

/* A book from a newer Daftari is refused, not downgraded or damaged. */
static void
test_too_new (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariBook) book = daftari_book_create (f->path, &(DaftariBookSetup) { "Future", NULL, NULL }, &error);
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", daftari_schema_latest_version () + 1);
  sqlite3 *db;

  g_assert_no_error (error);
  g_clear_object (&book);
  db = test_db_open (f->path);
  test_sql_exec (db, bump);
  sqlite3_close (db);
  assert_refused_untouched (f->path, DAFTARI_BOOK_ERROR_TOO_NEW);
}

static void
test_missing_and_existing (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariBook) book = NULL;
  g_autofree char *before = NULL;

  book = daftari_book_open (f->path, &error);
  g_assert_null (book);
  g_assert_error (error, DAFTARI_BOOK_ERROR, DAFTARI_BOOK_ERROR_IO);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  book = daftari_book_open (f->dir, &error);
  g_assert_error (error, DAFTARI_BOOK_ERROR, DAFTARI_BOOK_ERROR_IO);
  g_clear_error (&error);

  /* Creating over an existing book is refused and leaves it alone. */
  book = daftari_book_create (f->path, &(DaftariBookSetup) { "First", NULL, NULL }, &error);
  g_assert_no_error (error);
  g_clear_object (&book);
  before = test_db_dump (f->path);
  book = daftari_book_create (f->path, &(DaftariBookSetup) { "Second", NULL, NULL }, &error);
  g_assert_null (book);
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_EXISTS);
  {
    g_autofree char *after = test_db_dump (f->path);
    g_assert_cmpstr (after, ==, before);
  }
  g_clear_error (&error);

  /* A crypto book currency is refused and leaves no file behind. */
  {
    g_autofree char *other = g_build_filename (f->dir, "btc.daftari", NULL);
    book = daftari_book_create (other, &(DaftariBookSetup) { "Crypto", "BTC", NULL }, &error);
    g_assert_null (book);
    g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID);
    g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  }
}

/* A new book is at the latest version, marked as Daftari's, in WAL mode
 * with foreign keys enforced, and starts with the defaults. */
static void
test_new_book (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariBook) book = daftari_book_create (f->path, &(DaftariBookSetup) { "Mama Mboga", "USD", "UTC" },
                                                     &error);
  sqlite3 *db;

  g_assert_no_error (error);
  g_assert_cmpint (test_db_int (f->path, "PRAGMA user_version"), ==, daftari_schema_latest_version ());
  g_assert_cmpint (test_db_int (f->path, "PRAGMA application_id"), ==, DAFTARI_APPLICATION_ID);
  g_assert_cmpstr (daftari_book_get_currency (book)->code, ==, "USD");
  g_assert_cmpstr (daftari_calendar_get_zone (daftari_book_get_calendar (book)), ==, "UTC");
  /* The default limit is 500,000 units of the book currency. */
  g_assert_cmpint (daftari_book_get_txn_limit (book), ==, 50000000);
  g_assert_cmpint (test_db_int (f->path, "SELECT count (*) FROM account WHERE role IS NOT NULL"), ==, 6);
  g_assert_cmpint (test_db_int (f->path, "SELECT count (*) FROM account WHERE commodity != 'USD'"), ==, 0);

  db = test_db_open (f->path);
  {
    sqlite3_stmt *stmt = NULL;
    sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);
  g_assert_cmpint (test_sql_int (daftari_book_get_db (book), "PRAGMA foreign_keys"), ==, 1);
}

/* Step 8 rebuilds import_row lighter: every row keeps its id, key and
 * details; the state is still checked and the key still unique; a row
 * pointing nowhere is found by the book check instead of by SQLite. */
static void
test_migrate_v7_imports (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariBook) book = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  const char *select_rows = "SELECT * FROM import_row ORDER BY id";
  gboolean dangling_found = FALSE;
  sqlite3 *db;

  make_book_at (f->path, 7,
                "INSERT INTO setting VALUES ('wallet_flow_stale', '1');"
                "INSERT INTO import_batch (id, ts, source, wallet_id, rows, new, duplicate, held)"
                " VALUES (1, 1731402000, 'mpesa-csv', 9, 3, 1, 1, 1);"
                "INSERT INTO import_row (id, batch_id, wallet_id, key, txn_id, state, receipt, ts, amount, details)"
                " VALUES (4, 1, 9, 'csv:SKA1:1731402000:150000:0', 4, 'posted', 'SKA1', 1731402000, 150000,"
                "  '{\"text\":\"Sale to JANE\",\"kind\":\"received\",\"line\":2}'),"
                " (7, 1, 9, 'csv:SKA2:1731402060:90000000:0', NULL, 'held', 'SKA2', 1731402060, 90000000,"
                "  '{\"text\":\"Big sale\",\"kind\":\"received\",\"line\":3}'),"
                " (9, 1, 9, 'sms:SKA1:received', 4, 'duplicate', 'SKA1', 1731402001, 150000, '');");
  book = daftari_book_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_db_int (f->path, "PRAGMA user_version"), ==, daftari_schema_latest_version ());
  assert_rows_kept (daftari_book_get_backup_path (book), f->path, select_rows);
  /* The indexes by batch and by receipt are gone; the key (which starts with
   * the receipt) and the transaction are still found fast. */
  g_assert_cmpint (test_db_int (f->path, "SELECT count (*) FROM pragma_index_list ('import_row')"), ==, 2);
  g_assert_cmpint (test_db_int (f->path, "SELECT count (*) FROM pragma_foreign_key_list ('import_row')"), ==, 0);
  test_assert_sound (book);

  db = daftari_book_get_db (book);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO import_row (batch_id, wallet_id, key, state, ts, amount)"
                                     " VALUES (1, 9, 'csv:SKA9:1:1:0', 'lost', 1, 1)", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT_CHECK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO import_row (batch_id, wallet_id, key, state, ts, amount)"
                                     " VALUES (1, 9, 'sms:SKA1:received', 'held', 1, 1)", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT_UNIQUE);
  test_sql_exec (db, "INSERT INTO import_row (batch_id, wallet_id, key, state, ts, amount)"
                     " VALUES (99, 9, 'csv:SKA9:1:1:0', 'held', 1, 1)");
  problems = daftari_check_run (book, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    dangling_found = dangling_found || strstr (g_ptr_array_index (problems, i), "import_batch") != NULL;
  g_assert_true (dangling_found);
}

int
main (int argc, char **argv)
{
  test_common_init (&argc, &argv);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/migration/v1-to-latest", test_migrate_v1);
  ADD ("/migration/failure-rolls-back", test_failed_migration);
  ADD ("/migration/foreign-database", test_foreign_database);
  ADD ("/migration/not-sqlite", test_not_sqlite);
  ADD ("/migration/too-new", test_too_new);
  ADD ("/migration/missing-and-existing", test_missing_and_existing);
  ADD ("/migration/new-book", test_new_book);
  ADD ("/migration/v7-imports", test_migrate_v7_imports);
#undef ADD
  return g_test_run ();
}
