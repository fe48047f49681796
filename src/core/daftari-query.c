/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-query.h"

#include "daftari-account.h"
#include "daftari-book-private.h"
#include "daftari-db.h"
#include "daftari-error.h"
#include "daftari-ledger.h"
#include "daftari-query-private.h"

/* Runs a statement that yields one integer (a SUM), already bound. */
static gboolean
step_int64 (sqlite3_stmt *stmt, gint64 *out_value, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    *out_value = sqlite3_column_int64 (stmt, 0);
  else
    daftari_db_set_error (error, sqlite3_db_handle (stmt), rc);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

gboolean
daftari_query_current_balance (DaftariBook *book, gint64 account_id, gint64 *out_amount, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book, "SELECT balance FROM account WHERE id = ?", error);

  if (stmt == NULL || !daftari_book_sync (book, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  return step_int64 (stmt, out_amount, error);
}

/* Whether the account has a split after ts: one step along its index. */
static gboolean
has_split_after (DaftariBook *book, gint64 account_id, gint64 ts, gboolean *out, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT EXISTS (SELECT 1 FROM split WHERE account_id = ? AND ts > ?)", error);
  gint64 found = 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int64 (stmt, 2, ts);
  if (!step_int64 (stmt, &found, error))
    return FALSE;
  *out = found != 0;
  return TRUE;
}

/* Whole months before the one holding as_of_ts come from account_month.
 * That month's own splits are summed from its nearer end: from its start
 * up to as_of_ts, or, late in the month or after the account's last split
 * (the end of an import, a balance today), back from its end: the months
 * up to and including it, less what came after as_of_ts. */
gboolean
daftari_query_balance (DaftariBook *book, gint64 account_id, gint64 as_of_ts, gint64 *out_amount,
                       GError **error)
{
  DaftariCalendar *calendar = daftari_book_get_calendar (book);
  DaftariMonth month;
  gint64 month_start, month_end, months_sum = 0, splits_sum = 0;
  sqlite3_stmt *months, *splits;
  /* Not inside a transaction already (a write, or a caller's read). */
  gboolean own = sqlite3_get_autocommit (daftari_book_get_db (book)), ok, backwards, later = TRUE;

  months = daftari_book_prepare (book,
      "SELECT coalesce (sum (amount), 0) FROM account_month WHERE account_id = ? AND month < ?", error);
  if (months == NULL || !daftari_book_sync (book, error))
    return FALSE;
  month = daftari_calendar_month_of (calendar, as_of_ts);
  daftari_calendar_month_range (calendar, month, &month_start, &month_end);
  /* All sums from one state of the book: another program's edit committed
   * between them could move money across months and count it twice. */
  if (own && !daftari_db_exec (daftari_book_get_db (book), "BEGIN", error))
    return FALSE;
  backwards = as_of_ts - month_start > month_end - as_of_ts;
  ok = backwards || has_split_after (book, account_id, as_of_ts, &later, error);
  backwards = backwards || !later;
  splits = !ok ? NULL : daftari_book_prepare (book, backwards
      ? "SELECT coalesce (sum (amount), 0) FROM split WHERE account_id = ? AND ts > ? AND ts < ?"
      : "SELECT coalesce (sum (amount), 0) FROM split WHERE account_id = ? AND ts >= ? AND ts <= ?", error);
  if (splits != NULL)
    {
      sqlite3_bind_int64 (months, 1, account_id);
      sqlite3_bind_int (months, 2, backwards ? daftari_month_add (month, 1) : month);
      sqlite3_bind_int64 (splits, 1, account_id);
      sqlite3_bind_int64 (splits, 2, backwards ? as_of_ts : month_start);
      sqlite3_bind_int64 (splits, 3, backwards ? month_end : as_of_ts);
    }
  ok = splits != NULL && step_int64 (months, &months_sum, error) && step_int64 (splits, &splits_sum, error);
  if (own)
    daftari_db_exec (daftari_book_get_db (book), "COMMIT", NULL);
  if (!ok)
    return FALSE;
  *out_amount = backwards ? months_sum - splits_sum : months_sum + splits_sum;
  return TRUE;
}

void
daftari_txn_filter_init (DaftariTxnFilter *filter)
{
  *filter = (DaftariTxnFilter) { .from_ts = G_MININT64, .to_ts = G_MAXINT64 };
}

/* "50%_off" must match itself, not any text: escape LIKE's wildcards. */
char *
daftari_query_like_pattern (const char *text)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = text; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

GPtrArray *
daftari_query_transactions (DaftariBook *book, const DaftariTxnFilter *filter, GError **error)
{
  /* With an account, walk that account's splits by date; otherwise the
   * transactions by date. Newest first so a limit keeps the latest. */
  static const char by_account[] =
    "SELECT DISTINCT t.id, t.ts FROM split s JOIN txn t ON t.id = s.txn_id"
    " WHERE s.account_id = ?5 AND s.ts BETWEEN ?1 AND ?2 AND" DAFTARI_TXN_MATCH_SQL
    " ORDER BY t.ts DESC, t.id DESC LIMIT ?6";
  static const char by_date[] =
    "SELECT t.id, t.ts FROM txn t WHERE" DAFTARI_TXN_MATCH_SQL
    " ORDER BY t.ts DESC, t.id DESC LIMIT ?6";
  gint64 driving = filter->account_id ? filter->account_id : filter->category_id;
  sqlite3_stmt *stmt = daftari_book_prepare (book, driving ? by_account : by_date, error);
  g_autoptr(GPtrArray) txns = g_ptr_array_new_with_free_func ((GDestroyNotify) daftari_txn_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *pattern = filter->text && *filter->text ? daftari_query_like_pattern (filter->text) : NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, filter->from_ts);
  sqlite3_bind_int64 (stmt, 2, filter->to_ts);
  sqlite3_bind_text (stmt, 3, pattern, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, filter->include_voided);
  if (driving)
    sqlite3_bind_int64 (stmt, 5, driving);
  sqlite3_bind_int64 (stmt, 6, filter->limit ? (gint64) filter->limit : -1);
  sqlite3_bind_int64 (stmt, 7, driving == filter->category_id ? 0 : filter->category_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftari_db_set_error (error, daftari_book_get_db (book), rc);
      return NULL;
    }
  for (guint i = ids->len; i > 0; i--)
    {
      DaftariTxn *txn = daftari_ledger_get (book, g_array_index (ids, gint64, i - 1), error);
      if (txn == NULL)
        return NULL;
      g_ptr_array_add (txns, txn);
    }
  return g_steal_pointer (&txns);
}

GArray *
daftari_query_month_totals (DaftariBook *book, DaftariMonth month, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT m.account_id, m.value FROM account_month m JOIN account a ON a.id = m.account_id"
      " WHERE m.month = ? AND a.kind IN ('income', 'expense') AND m.value != 0"
      " ORDER BY a.kind DESC, a.name", error);
  g_autoptr(GArray) totals = g_array_new (FALSE, FALSE, sizeof (DaftariAccountTotal));
  int rc;

  if (stmt == NULL || !daftari_book_sync (book, error))
    return NULL;
  sqlite3_bind_int (stmt, 1, month);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftariAccountTotal total = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };
      g_array_append_val (totals, total);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftari_db_set_error (error, daftari_book_get_db (book), rc);
      return NULL;
    }
  return g_steal_pointer (&totals);
}

GArray *
daftari_query_monthly_series (DaftariBook *book, gint64 account_id, DaftariMonth first, DaftariMonth last,
                              GError **error)
{
  g_autoptr(DaftariAccount) account = daftari_account_get (book, account_id, error);
  sqlite3_stmt *stmt = account ? daftari_book_prepare (book,
      "SELECT month, value FROM account_month WHERE account_id = ? AND month BETWEEN ? AND ?", error) : NULL;
  g_autoptr(GArray) series = g_array_new (FALSE, TRUE, sizeof (gint64));
  gint64 sign;
  guint n = 0;
  int rc;

  if (stmt == NULL || !daftari_book_sync (book, error))
    return NULL;
  sign = daftari_account_kind_is_credit (account->kind) ? -1 : 1;
  for (DaftariMonth m = first; m <= last; m = daftari_month_add (m, 1))
    n++;
  g_array_set_size (series, n);
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int (stmt, 2, first);
  sqlite3_bind_int (stmt, 3, last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftariMonth month = sqlite3_column_int (stmt, 0);
      guint index = (month / 100 - first / 100) * 12 + (month % 100 - first % 100);
      g_array_index (series, gint64, index) = sign * sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftari_db_set_error (error, daftari_book_get_db (book), rc);
      return NULL;
    }
  return g_steal_pointer (&series);
}

DaftariMonth
daftari_query_first_month (DaftariBook *book, gint64 account_id, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT coalesce (min (month), 0) FROM account_month WHERE account_id = ?", error);
  gint64 month = 0;

  if (stmt == NULL || !daftari_book_sync (book, error))
    return 0;
  sqlite3_bind_int64 (stmt, 1, account_id);
  if (!step_int64 (stmt, &month, error))
    return 0;
  return (DaftariMonth) month;
}
