/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-report-private.h"

#include "daftari-book-private.h"
#include "daftari-calendar.h"
#include "daftari-db.h"
#include "daftari-money.h"

void
daftari_report_accounts_free (DaftariReportAccounts *accounts)
{
  if (accounts == NULL)
    return;
  g_clear_pointer (&accounts->list, g_ptr_array_unref);
  g_free (accounts->by_id);
  g_free (accounts);
}

DaftariReportAccounts *
daftari_report_accounts_new (DaftariBook *book, GError **error)
{
  g_autoptr(DaftariReportAccounts) accounts = g_new0 (DaftariReportAccounts, 1);

  if ((accounts->list = daftari_account_list (book, TRUE, error)) == NULL)
    return NULL;
  for (guint i = 0; i < accounts->list->len; i++)
    accounts->n_ids = MAX (accounts->n_ids, ((DaftariAccount *) g_ptr_array_index (accounts->list, i))->id + 1);
  accounts->by_id = g_new0 (DaftariAccount *, accounts->n_ids);
  for (guint i = 0; i < accounts->list->len; i++)
    {
      DaftariAccount *account = g_ptr_array_index (accounts->list, i);
      accounts->by_id[account->id] = account;
      if (account->role != NULL && g_str_equal (account->role, DAFTARI_ROLE_CHARGES))
        accounts->charges_id = account->id;
    }
  return g_steal_pointer (&accounts);
}

DaftariAccount *
daftari_report_account (const DaftariReportAccounts *accounts, gint64 id)
{
  return id > 0 && id < accounts->n_ids ? accounts->by_id[id] : NULL;
}

gboolean
daftari_report_is_wallet (const DaftariReportAccounts *accounts, gint64 id)
{
  DaftariAccount *account = daftari_report_account (accounts, id);
  return account != NULL && daftari_account_kind_is_wallet (account->kind);
}

gboolean
daftari_report_read_begin (DaftariBook *book, gboolean *out_own, GError **error)
{
  *out_own = sqlite3_get_autocommit (daftari_book_get_db (book));
  if (!daftari_book_sync (book, error))
    return FALSE;
  return !*out_own || daftari_db_exec (daftari_book_get_db (book), "BEGIN", error);
}

void
daftari_report_read_end (DaftariBook *book, gboolean own)
{
  if (own)
    daftari_db_exec (daftari_book_get_db (book), "COMMIT", NULL);
}

gboolean
daftari_report_finish (sqlite3_stmt *stmt, int rc, GError **error)
{
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  daftari_db_set_error (error, sqlite3_db_handle (stmt), rc);
  return FALSE;
}

sqlite3_stmt *
daftari_report_prepare_period (DaftariBook *book, const char *sql, gint64 from_ts, gint64 to_ts, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book, sql, error);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, from_ts);
      sqlite3_bind_int64 (stmt, 2, to_ts);
    }
  return stmt;
}

static gboolean
add_months (DaftariBook *book, DaftariReportSum *sums, gint64 n_ids, DaftariMonth first, DaftariMonth last,
            GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT account_id, sum (amount), sum (value) FROM account_month"
      " WHERE month BETWEEN ? AND ? GROUP BY account_id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, first);
  sqlite3_bind_int (stmt, 2, last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      if (id <= 0 || id >= n_ids)
        continue;
      sums[id].amount += sqlite3_column_int64 (stmt, 1);
      sums[id].value += sqlite3_column_int64 (stmt, 2);
    }
  return daftari_report_finish (stmt, rc, error);
}

/* The splits of [from_ts, to_ts], account by account. In the book currency
 * amount and value are the same, and the covering index has the amount; a
 * foreign wallet's value needs its rows. */
static gboolean
add_splits (DaftariBook *book, const DaftariReportAccounts *accounts, DaftariReportSum *sums, gint64 from_ts,
            gint64 to_ts, GError **error)
{
  sqlite3_stmt *by_amount = daftari_book_prepare (book,
      "SELECT coalesce (sum (amount), 0), 0 FROM split WHERE account_id = ? AND ts BETWEEN ? AND ?", error);
  sqlite3_stmt *by_value = by_amount ? daftari_book_prepare (book,
      "SELECT coalesce (sum (amount), 0), coalesce (sum (value), 0) FROM split"
      " WHERE account_id = ? AND ts BETWEEN ? AND ?", error) : NULL;
  const DaftariCommodity *currency = daftari_book_get_currency (book);

  if (by_value == NULL)
    return FALSE;
  for (guint i = 0; i < accounts->list->len; i++)
    {
      DaftariAccount *account = g_ptr_array_index (accounts->list, i);
      gboolean same = account->commodity == currency;
      sqlite3_stmt *stmt = same ? by_amount : by_value;
      int rc;

      sqlite3_bind_int64 (stmt, 1, account->id);
      sqlite3_bind_int64 (stmt, 2, from_ts);
      sqlite3_bind_int64 (stmt, 3, to_ts);
      if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
        return daftari_report_finish (stmt, rc, error);
      sums[account->id].amount += sqlite3_column_int64 (stmt, 0);
      sums[account->id].value += same ? sqlite3_column_int64 (stmt, 0) : sqlite3_column_int64 (stmt, 1);
      sqlite3_reset (stmt);
    }
  return TRUE;
}

gboolean
daftari_report_whole_months (DaftariBook *book, gint64 from_ts, gint64 to_ts, DaftariMonth *out_first,
                             DaftariMonth *out_last, gint64 *out_start, gint64 *out_end)
{
  DaftariCalendar *calendar = daftari_book_get_calendar (book);
  DaftariMonth first = 0, last;
  gint64 start, end;

  if (from_ts > to_ts)
    return FALSE;
  last = daftari_calendar_month_of (calendar, to_ts);
  daftari_calendar_month_range (calendar, last, &start, &end);
  if (to_ts != end - 1)
    last = daftari_month_add (last, -1);
  if (from_ts != G_MININT64)
    {
      first = daftari_calendar_month_of (calendar, from_ts);
      daftari_calendar_month_range (calendar, first, &start, &end);
      if (from_ts != start)
        first = daftari_month_add (first, 1);
    }
  if (first > last)
    return FALSE;
  *out_first = first;
  *out_last = last;
  *out_start = G_MININT64;
  if (first != 0)
    daftari_calendar_month_range (calendar, first, out_start, &end);
  daftari_calendar_month_range (calendar, last, &start, out_end);
  return TRUE;
}

DaftariReportSum *
daftari_report_sums (DaftariBook *book, const DaftariReportAccounts *accounts, gint64 from_ts, gint64 to_ts,
                     GError **error)
{
  g_autofree DaftariReportSum *sums = g_new0 (DaftariReportSum, accounts->n_ids);
  DaftariMonth first, last;
  gint64 first_start, last_end;
  gboolean ok;

  if (from_ts > to_ts)
    return g_steal_pointer (&sums);
  if (!daftari_report_whole_months (book, from_ts, to_ts, &first, &last, &first_start, &last_end))
    return add_splits (book, accounts, sums, from_ts, to_ts, error) ? g_steal_pointer (&sums) : NULL;
  ok = add_months (book, sums, accounts->n_ids, first, last, error);
  if (ok && from_ts < first_start)
    ok = add_splits (book, accounts, sums, from_ts, first_start - 1, error);
  if (ok && to_ts >= last_end)
    ok = add_splits (book, accounts, sums, last_end, to_ts, error);
  return ok ? g_steal_pointer (&sums) : NULL;
}

static void
clear_txn (DaftariReportTxn *txn)
{
  g_array_set_size (txn->splits, 0);
}

gboolean
daftari_report_scan (DaftariBook *book, gint64 from_ts, gint64 to_ts, DaftariReportScan what, gint64 touching,
                     DaftariReportTxnFunc func, gpointer data, GError **error)
{
  /* Walks txn_by_ts, then each transaction's splits by their primary key:
   * no sort, one step per split. Voided transactions have no splits. */
#define SCAN_COLUMNS "SELECT t.id, t.ts, t.kind, s.account_id, s.amount, s.value, s.role"
#define SCAN_TEXTS ", t.memo, t.payee, t.channel, t.counterparty, t.reference"
#define SCAN_FROM " FROM txn t JOIN split s ON s.txn_id = t.id WHERE t.ts BETWEEN ?1 AND ?2"
#define SCAN_ORDER " ORDER BY t.ts, t.id, s.n"
  static const char *const sql[] = {
    [DAFTARI_REPORT_SCAN_ALL] = SCAN_COLUMNS SCAN_FROM SCAN_ORDER,
    [DAFTARI_REPORT_SCAN_TEXTS] = SCAN_COLUMNS SCAN_TEXTS SCAN_FROM SCAN_ORDER,
    /* Only those that name who was paid: the splits of the rest are not read. */
    [DAFTARI_REPORT_SCAN_PAYEES] = SCAN_COLUMNS SCAN_TEXTS SCAN_FROM
      " AND (t.counterparty != '' OR t.payee != '')" SCAN_ORDER,
    /* Only those with a split on one account (the charges), in the order
     * the index gives them: each one's splits still come together, and
     * sorting by time would cost more than the walk. */
    [DAFTARI_REPORT_SCAN_TOUCHING] = SCAN_COLUMNS SCAN_FROM
      " AND t.id IN (SELECT c.txn_id FROM split c WHERE c.account_id = ?3 AND c.ts BETWEEN ?1 AND ?2)",
  };
  sqlite3_stmt *stmt = daftari_report_prepare_period (book, sql[what], from_ts, to_ts, error);
  gboolean with_texts = what == DAFTARI_REPORT_SCAN_TEXTS || what == DAFTARI_REPORT_SCAN_PAYEES;
  g_autoptr(GArray) splits = g_array_new (FALSE, FALSE, sizeof (DaftariSplit));
  g_autofree char *memo = NULL, *payee = NULL, *channel = NULL, *counterparty = NULL, *reference = NULL;
  DaftariReportTxn txn = { .id = 0, .splits = splits };
  gboolean ok = TRUE;
  int rc;

  if (stmt == NULL || !daftari_book_sync (book, error))
    return FALSE;
  if (what == DAFTARI_REPORT_SCAN_TOUCHING)
    sqlite3_bind_int64 (stmt, 3, touching);
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      DaftariSplit split = {
        sqlite3_column_int64 (stmt, 3), sqlite3_column_int64 (stmt, 4), sqlite3_column_int64 (stmt, 5),
        sqlite3_column_int (stmt, 6),
      };

      if (id != txn.id)
        {
          if (txn.id != 0)
            ok = func (&txn, data, error);
          clear_txn (&txn);
          txn.id = id;
          txn.ts = sqlite3_column_int64 (stmt, 1);
          if (!daftari_txn_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &txn.kind))
            txn.kind = DAFTARI_TXN_GENERAL;
          if (with_texts)
            {
              /* Copied: the row's text goes away at the next step. */
              g_free (memo), memo = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
              g_free (payee), payee = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
              g_free (channel), channel = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
              g_free (counterparty), counterparty = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
              g_free (reference), reference = g_strdup ((const char *) sqlite3_column_text (stmt, 11));
              txn.memo = memo, txn.payee = payee, txn.channel = channel;
              txn.counterparty = counterparty, txn.reference = reference;
            }
        }
      g_array_append_val (splits, split);
    }
  if (!ok)
    {
      sqlite3_reset (stmt);
      return FALSE;
    }
  if (!daftari_report_finish (stmt, rc, error))
    return FALSE;
  return txn.id == 0 || func (&txn, data, error);
}

/* Each split's class, for the flow rule: in few when it has room, else in
 * *out_many (g_free it). */
static const DaftariFlowClass *
classify (const DaftariReportAccounts *accounts, const DaftariReportTxn *txn, DaftariFlowClass *few, guint room,
          DaftariFlowClass **out_many)
{
  guint n = txn->splits->len;
  DaftariFlowClass *classes = n <= room ? few : (*out_many = g_new (DaftariFlowClass, n));

  for (guint i = 0; i < n; i++)
    {
      gint64 id = g_array_index (txn->splits, DaftariSplit, i).account_id;
      DaftariAccount *account = daftari_report_account (accounts, id);
      classes[i] = account == NULL ? DAFTARI_FLOW_OTHER
                                   : daftari_flow_class (account->kind, id == accounts->charges_id);
    }
  return classes;
}

#define FEW_SPLITS 16

/* The charges of a transaction, in the book currency: a refund is negative. */
gint64
daftari_report_charges_value (const DaftariReportAccounts *accounts, const DaftariReportTxn *txn)
{
  DaftariFlowClass few[FEW_SPLITS];
  g_autofree DaftariFlowClass *many = NULL;
  const DaftariFlowClass *classes = classify (accounts, txn, few, FEW_SPLITS, &many);

  return daftari_wallet_charges_value (&g_array_index (txn->splits, DaftariSplit, 0), classes, txn->splits->len);
}

guint
daftari_report_wallet_sides (const DaftariReportAccounts *accounts, const DaftariReportTxn *txn,
                             DaftariWalletSide *sides, guint max)
{
  DaftariFlowClass few[FEW_SPLITS];
  g_autofree DaftariFlowClass *many = NULL;
  const DaftariFlowClass *classes = classify (accounts, txn, few, FEW_SPLITS, &many);

  return daftari_wallet_sides (&g_array_index (txn->splits, DaftariSplit, 0), classes, txn->splits->len, sides, max);
}
