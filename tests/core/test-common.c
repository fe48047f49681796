/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-common.h"

#include <glib/gstdio.h>
#include <locale.h>

void
test_common_init (int *argc, char ***argv)
{
  setlocale (LC_ALL, "");
  g_test_init (argc, argv, NULL);
  daftari_core_init ();
}

char *
test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("daftari-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
test_remove_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  if (listing == NULL)
    return;
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (dir);
}

gint64
test_day (DaftariBook *book, int offset)
{
  g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, 2025);
  DaftariDay day;

  if (offset >= 0)
    g_date_add_days (date, offset);
  else
    g_date_subtract_days (date, -offset);
  day = g_date_get_year (date) * 10000 + g_date_get_month (date) * 100 + g_date_get_day (date);
  return daftari_calendar_day_noon (daftari_book_get_calendar (book), day);
}

gint64
test_account_id (DaftariBook *book, const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariAccount) account = daftari_account_find (book, name, &error);

  g_assert_no_error (error);
  return account->id;
}

gint64
test_add_wallet (DaftariBook *book, const char *name, DaftariAccountKind kind, const char *commodity,
                 gint64 opening, gint64 opening_ts, gboolean allow_overdraft)
{
  g_autoptr(GError) error = NULL;
  DaftariAccountSpec spec = {
    .name = name, .kind = kind, .commodity = commodity, .allow_overdraft = allow_overdraft,
    .opening = opening, .opening_ts = opening_ts,
  };
  gint64 id = 0;

  g_assert_true (daftari_account_add (book, &spec, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

TestBook *
test_book_new (void)
{
  g_autoptr(GError) error = NULL;
  const DaftariBookSetup setup = { "Test Shop", "KES", "Africa/Nairobi" };
  TestBook *tb = g_new0 (TestBook, 1);
  gint64 start;

  tb->dir = test_make_dir ();
  tb->path = g_build_filename (tb->dir, "book.daftari", NULL);
  tb->book = daftari_book_create (tb->path, &setup, &error);
  g_assert_no_error (error);
  start = test_day (tb->book, 0);
  tb->mpesa = test_add_wallet (tb->book, "M-PESA", DAFTARI_ACCOUNT_MPESA, NULL, 1000000, start, FALSE);
  tb->kcb = test_add_wallet (tb->book, "KCB", DAFTARI_ACCOUNT_BANK, NULL, 100000000, start, FALSE);
  tb->cash = test_add_wallet (tb->book, "Cash", DAFTARI_ACCOUNT_CASH, NULL, 0, 0, FALSE);
  tb->overdraft = test_add_wallet (tb->book, "Overdraft bank", DAFTARI_ACCOUNT_BANK, NULL, 0, 0, TRUE);
  tb->sales = test_account_id (tb->book, "Sales");
  tb->stock = test_account_id (tb->book, "Stock purchases");
  tb->rent = test_account_id (tb->book, "Rent");
  tb->charges = test_account_id (tb->book, "M-PESA & bank charges");
  tb->other = test_account_id (tb->book, "Other expenses");
  tb->opening = test_account_id (tb->book, "Opening balances");
  return tb;
}

void
test_book_free (TestBook *tb)
{
  if (tb == NULL)
    return;
  g_clear_object (&tb->book);
  test_remove_dir (tb->dir);
  g_free (tb->dir);
  g_free (tb->path);
  g_free (tb);
}

gint64
test_balance (DaftariBook *book, gint64 account_id)
{
  g_autoptr(GError) error = NULL;
  gint64 balance = G_MININT64;

  g_assert_true (daftari_query_current_balance (book, account_id, &balance, &error));
  g_assert_no_error (error);
  return balance;
}

gint64
test_record (DaftariBook *book, DaftariTxnKind kind, gint64 wallet, gint64 category, gint64 amount, gint64 ts)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  daftari_ops_record (book, kind, wallet, category, amount, ts, "test", &id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

sqlite3 *
test_db_open (const char *path)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);

  if (rc != SQLITE_OK)
    g_error ("cannot open %s: %s", path, sqlite3_errstr (rc));
  sqlite3_busy_timeout (db, 10000);
  return db;
}

gint64
test_sql_int (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return value;
}

void
test_sql_exec (sqlite3 *db, const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

gint64
test_db_int (const char *path, const char *sql)
{
  sqlite3 *db = test_db_open (path);
  gint64 value = test_sql_int (db, sql);

  sqlite3_close (db);
  return value;
}

/* Appends every row of one table, ordered by all its columns. */
static void
dump_table (sqlite3 *db, const char *table, GString *out)
{
  g_autofree char *probe = g_strdup_printf ("SELECT * FROM \"%s\"", table);
  g_autoptr(GString) sql = g_string_new (probe);
  sqlite3_stmt *stmt = NULL;
  int columns;

  g_assert_cmpint (sqlite3_prepare_v2 (db, probe, -1, &stmt, NULL), ==, SQLITE_OK);
  columns = sqlite3_column_count (stmt);
  sqlite3_finalize (stmt);
  for (int i = 1; i <= columns; i++)
    g_string_append_printf (sql, "%s%d", i == 1 ? " ORDER BY " : ", ", i);

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
  g_string_append_printf (out, "[%s]\n", table);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < columns; i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);
          g_string_append_printf (out, "%s%s", i ? "|" : "", text ? text : "NULL");
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
}

char *
test_db_dump (const char *path)
{
  sqlite3 *db = test_db_open (path);
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    dump_table (db, (const char *) sqlite3_column_text (stmt, 0), out);
  sqlite3_finalize (stmt);
  g_string_append_printf (out, "user_version=%" G_GINT64_FORMAT "\n", test_sql_int (db, "PRAGMA user_version"));
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

gint64
test_expect_convert (gint64 amount, const DaftariCommodity *from, gint64 from_rate,
                     const DaftariCommodity *to, gint64 to_rate)
{
  __int128 n = (__int128) amount * from_rate, d = to_rate, q, r;

  for (guint i = 0; i < to->scale; i++)
    n *= 10;
  for (guint i = 0; i < from->scale; i++)
    d *= 10;
  q = n / d;
  r = n % d;
  if (2 * (r < 0 ? -r : r) >= d)
    q += n < 0 ? -1 : 1;
  return (gint64) q;
}

void
test_assert_sound (DaftariBook *book)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = daftari_check_run (book, &error);

  g_assert_no_error (error);
  g_assert_nonnull (problems);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("check: %s\n", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
}

void
test_assert_balanced (const char *path)
{
  g_assert_cmpint (test_db_int (path, "SELECT count (*) FROM (SELECT txn_id FROM split"
                                      " GROUP BY txn_id HAVING sum (value) != 0)"), ==, 0);
  /* A live transaction has two legs or more, a void one none. */
  g_assert_cmpint (test_db_int (path, "SELECT count (*) FROM txn t WHERE"
                                      " (SELECT count (*) FROM split s WHERE s.txn_id = t.id)"
                                      " NOT BETWEEN (CASE WHEN t.voided THEN 0 ELSE 2 END)"
                                      " AND (CASE WHEN t.voided THEN 0 ELSE 1000 END)"), ==, 0);
}
