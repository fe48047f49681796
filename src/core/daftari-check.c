/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-check.h"

#include <glib/gi18n-lib.h>

#include "daftari-account.h"
#include "daftari-book-private.h"
#include "daftari-db.h"
#include "daftari-wallet-flow.h"
#include "daftari-error.h"

/* Runs a query whose every row is a problem; describe turns a row into a
 * sentence. At most 20 rows of each kind are reported. */
static gboolean
collect (DaftariBook *book, const char *sql, char *(*describe) (sqlite3_stmt *),
         GPtrArray *problems, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (daftari_book_get_db (book), sql, -1, &stmt, NULL);
  guint found = 0;

  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      if (found++ < 20)
        g_ptr_array_add (problems, describe (stmt));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      daftari_db_set_error (error, daftari_book_get_db (book), rc);
      return FALSE;
    }
  if (found > 20)
    g_ptr_array_add (problems, g_strdup_printf (_("… and %u more like it"), found - 20));
  return TRUE;
}

static char *
describe_integrity (sqlite3_stmt *stmt)
{
  return g_strdup_printf (_("SQLite integrity: %s"), sqlite3_column_text (stmt, 0));
}

static char *
describe_foreign_key (sqlite3_stmt *stmt)
{
  return g_strdup_printf (_("Row %lld of %s points to a missing row of %s"),
                          sqlite3_column_int64 (stmt, 1), sqlite3_column_text (stmt, 0),
                          sqlite3_column_text (stmt, 2));
}

static char *
describe_unbalanced (sqlite3_stmt *stmt)
{
  return g_strdup_printf (_("Transaction %lld does not balance: its values sum to %lld"),
                          sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1));
}

static char *
describe_amount_value (sqlite3_stmt *stmt)
{
  return g_strdup_printf (_("Transaction %lld has an amount unequal to its value in “%s”, "
                            "which is kept in the book currency"),
                          sqlite3_column_int64 (stmt, 0), sqlite3_column_text (stmt, 1));
}

static char *
describe_split_date (sqlite3_stmt *stmt)
{
  return g_strdup_printf (_("Transaction %lld has a split dated apart from it"),
                          sqlite3_column_int64 (stmt, 0));
}

static char *
describe_shape (sqlite3_stmt *stmt)
{
  return g_strdup_printf (_("Transaction %lld has %lld splits, which its state does not allow"),
                          sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1));
}

static char *
describe_balance (sqlite3_stmt *stmt)
{
  return g_strdup_printf (_("The stored balance of “%s” (%lld) differs from its splits (%lld)"),
                          sqlite3_column_text (stmt, 0), sqlite3_column_int64 (stmt, 1),
                          sqlite3_column_int64 (stmt, 2));
}

static char *
describe_negative (sqlite3_stmt *stmt)
{
  return g_strdup_printf (_("“%s” went below zero, which it does not allow"), sqlite3_column_text (stmt, 0));
}

static char *
describe_month (sqlite3_stmt *stmt)
{
  return g_strdup_printf (_("The total of “%s” for %d-%02d is stored wrongly"),
                          sqlite3_column_text (stmt, 0), sqlite3_column_int (stmt, 1) / 100,
                          sqlite3_column_int (stmt, 1) % 100);
}

/* Recomputes account_month from the splits in a scratch table, month by
 * the book's calendar, and reports rows that differ in either direction. */
static gboolean
check_month_totals (DaftariBook *book, GPtrArray *problems, GError **error)
{
  sqlite3 *db = daftari_book_get_db (book);
  DaftariCalendar *calendar = daftari_book_get_calendar (book);
  sqlite3_stmt *read = NULL, *add = NULL;
  int rc;

  if (!daftari_db_exec (db,
                        "CREATE TEMP TABLE IF NOT EXISTS check_month (account_id INTEGER, month INTEGER,"
                        " amount INTEGER, value INTEGER, PRIMARY KEY (account_id, month));"
                        "DELETE FROM temp.check_month;", error))
    return FALSE;
  rc = sqlite3_prepare_v2 (db, "SELECT account_id, ts, amount, value FROM split ORDER BY ts", -1, &read, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db,
                             "INSERT INTO temp.check_month VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO UPDATE"
                             " SET amount = amount + ?3, value = value + ?4", -1, &add, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      sqlite3_bind_int64 (add, 1, sqlite3_column_int64 (read, 0));
      sqlite3_bind_int (add, 2, daftari_calendar_month_of (calendar, sqlite3_column_int64 (read, 1)));
      sqlite3_bind_int64 (add, 3, sqlite3_column_int64 (read, 2));
      sqlite3_bind_int64 (add, 4, sqlite3_column_int64 (read, 3));
      rc = sqlite3_step (add);
      sqlite3_reset (add);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (read);
  sqlite3_finalize (add);
  if (rc != SQLITE_DONE)
    {
      daftari_db_set_error (error, db, rc);
      return FALSE;
    }
  /* The ledger deletes a month whose totals come back to zero, so a row
   * of zeros and no row at all mean the same, on either side. */
  return collect (book,
                  "SELECT a.name, x.month FROM ("
                  "  SELECT account_id, month, amount, value FROM account_month WHERE amount != 0 OR value != 0"
                  "  EXCEPT SELECT account_id, month, amount, value FROM temp.check_month"
                  "  UNION"
                  "  SELECT account_id, month, amount, value FROM temp.check_month WHERE amount != 0 OR value != 0"
                  "  EXCEPT SELECT account_id, month, amount, value FROM account_month"
                  ") x JOIN account a ON a.id = x.account_id",
                  describe_month, problems, error) &&
         daftari_db_exec (db, "DROP TABLE temp.check_month", error);
}

static char *
describe_flow (sqlite3_stmt *stmt)
{
  return g_strdup_printf (_("The cash-flow totals of “%s” for %d-%02d are stored wrongly"),
                          sqlite3_column_text (stmt, 0), sqlite3_column_int (stmt, 1) / 100,
                          sqlite3_column_int (stmt, 1) % 100);
}

/* Recomputes wallet_flow_month by the flow rule into a scratch table and
 * reports months that differ in either direction. */
static gboolean
check_wallet_flows (DaftariBook *book, GPtrArray *problems, GError **error)
{
  sqlite3 *db = daftari_book_get_db (book);

  return daftari_db_exec (db,
                          "CREATE TEMP TABLE IF NOT EXISTS check_flow (wallet_id INTEGER, month INTEGER,"
                          " money_in INTEGER, money_out INTEGER, transfers_in INTEGER, transfers_out INTEGER,"
                          " fees INTEGER, PRIMARY KEY (wallet_id, month))", error) &&
         daftari_wallet_flow_rebuild (book, "temp.check_flow", error) &&
         collect (book,
                  "SELECT a.name, x.month FROM ("
                  "  SELECT * FROM wallet_flow_month EXCEPT SELECT * FROM temp.check_flow"
                  "  UNION"
                  "  SELECT * FROM temp.check_flow EXCEPT SELECT * FROM wallet_flow_month"
                  ") x JOIN account a ON a.id = x.wallet_id",
                  describe_flow, problems, error) &&
         daftari_db_exec (db, "DROP TABLE temp.check_flow", error);
}

static gboolean
run_checks (DaftariBook *book, GPtrArray *problems, GError **error)
{
  g_autofree char *same_currency = g_strdup_printf (
      "SELECT s.txn_id, a.name FROM split s JOIN account a ON a.id = s.account_id"
      " WHERE a.commodity = '%s' AND s.amount != s.value",
      daftari_book_get_currency (book)->code);

  if (!daftari_book_sync (book, error) ||
      !collect (book, "SELECT integrity_check FROM pragma_integrity_check WHERE integrity_check != 'ok'",
                describe_integrity, problems, error) ||
      !collect (book, "SELECT \"table\", rowid, parent FROM pragma_foreign_key_check",
                describe_foreign_key, problems, error) ||
      /* import_row keeps its references unchecked by SQLite (schema step 8). */
      !collect (book,
                "SELECT 'import_row', r.id, CASE WHEN b.id IS NULL THEN 'import_batch'"
                " WHEN a.id IS NULL THEN 'account' ELSE 'txn' END FROM import_row r"
                " LEFT JOIN import_batch b ON b.id = r.batch_id LEFT JOIN account a ON a.id = r.wallet_id"
                " LEFT JOIN txn t ON t.id = r.txn_id"
                " WHERE b.id IS NULL OR a.id IS NULL OR (r.txn_id IS NOT NULL AND t.id IS NULL)",
                describe_foreign_key, problems, error) ||
      !collect (book, "SELECT txn_id, sum (value) FROM split GROUP BY txn_id HAVING sum (value) != 0",
                describe_unbalanced, problems, error) ||
      !collect (book, same_currency, describe_amount_value, problems, error) ||
      !collect (book, "SELECT s.txn_id FROM split s JOIN txn t ON t.id = s.txn_id WHERE s.ts != t.ts",
                describe_split_date, problems, error) ||
      !collect (book,
                "SELECT t.id, count (s.n) AS legs FROM txn t LEFT JOIN split s ON s.txn_id = t.id"
                " GROUP BY t.id HAVING (t.voided AND legs > 0) OR (NOT t.voided AND legs < 2)",
                describe_shape, problems, error) ||
      !collect (book,
                "SELECT a.name, a.balance, coalesce (x.total, 0) FROM account a"
                " LEFT JOIN (SELECT account_id, sum (amount) AS total FROM split GROUP BY account_id) x"
                " ON x.account_id = a.id WHERE a.balance != coalesce (x.total, 0)",
                describe_balance, problems, error) ||
      !collect (book,
                "SELECT name FROM ("
                "  SELECT a.name AS name, sum (s.amount) OVER (PARTITION BY s.account_id"
                "      ORDER BY s.ts, s.amount DESC ROWS UNBOUNDED PRECEDING) AS running"
                "  FROM split s JOIN account a ON a.id = s.account_id"
                "  WHERE a.kind IN ('mpesa', 'bank', 'cash', 'crypto') AND NOT a.allow_overdraft"
                ") WHERE running < 0 GROUP BY name",
                describe_negative, problems, error) ||
      !check_month_totals (book, problems, error) ||
      !check_wallet_flows (book, problems, error))
    return FALSE;
  return TRUE;
}

GPtrArray *
daftari_check_run (DaftariBook *book, GError **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = daftari_book_get_db (book);
  gboolean own = sqlite3_get_autocommit (db);
  gboolean ok;

  /* One read transaction for every query, so that all of them judge the
   * same state of the book: another program may commit between two of
   * them, and a total read before its write compared with one read after
   * would look like damage. Inside a write (or a caller's read) the
   * connection already has one. */
  if (own && !daftari_db_exec (db, "BEGIN", error))
    return NULL;
  ok = run_checks (book, problems, error);
  if (own)
    daftari_db_exec (db, ok ? "COMMIT" : "ROLLBACK", NULL);
  return ok ? g_steal_pointer (&problems) : NULL;
}
