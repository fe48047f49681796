/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the cash-flow forecast reads from the book: the wallets' daily flows
 * sorted into scheduled posts, invoice payments, opening balances and the
 * rest, and the invoices, payments and schedules. */
#include "daftari-cashflow-private.h"

#include <glib/gi18n-lib.h>

#include "daftari-account.h"
#include "daftari-book-private.h"
#include "daftari-db.h"
#include "daftari-error.h"
#include "daftari-query.h"
#include "daftari-recurrence.h"

/* Steps to the end of a statement's rows; FALSE (with error) if SQLite failed. */
static gboolean
finish (DaftariBook *book, sqlite3_stmt *stmt, int rc, GError **error)
{
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  daftari_db_set_error (error, daftari_book_get_db (book), rc);
  return FALSE;
}

void
cf_history_free (CfHistory *history)
{
  if (history == NULL)
    return;
  g_clear_pointer (&history->wallets, g_array_unref);
  g_free (history->base);
  g_free (history->scheduled);
  g_free (history->invoiced);
  g_free (history->openings);
  g_clear_pointer (&history->invoices, g_array_unref);
  g_clear_pointer (&history->allocations, g_array_unref);
  g_clear_pointer (&history->payments, g_array_unref);
  g_clear_pointer (&history->schedules, g_ptr_array_unref);
  g_free (history);
}

gboolean
cf_history_counts (const CfHistory *history, gint64 wallet_id)
{
  for (guint i = 0; i < history->wallets->len; i++)
    if (g_array_index (history->wallets, gint64, i) == wallet_id)
      return TRUE;
  return FALSE;
}

int
cf_history_index (const CfHistory *history, DaftariDay day)
{
  return daftari_day_diff (history->first_day, day);
}

gint64
cf_history_balance_before (const CfHistory *history, DaftariDay day)
{
  int end = CLAMP (cf_history_index (history, day), 0, (int) history->n_days);
  gint64 balance = history->opening;

  for (int i = 0; i < end; i++)
    balance += history->base[i] + history->scheduled[i] + history->invoiced[i] + history->openings[i];
  return balance;
}

/* The wallets counted: the one asked for, or every wallet in the book currency. */
static gboolean
choose_wallets (CfHistory *history, GError **error)
{
  const DaftariCommodity *currency = daftari_book_get_currency (history->book);
  g_autoptr(GPtrArray) accounts = NULL;

  history->commodity = currency;
  if (history->wallet_id != 0)
    {
      g_autoptr(DaftariAccount) wallet = daftari_account_get (history->book, history->wallet_id, error);
      if (wallet == NULL)
        return FALSE;
      if (!daftari_account_kind_is_wallet (wallet->kind))
        {
          g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                       _("“%s” is a category, not a wallet; forecast a wallet or leave the wallet out for all of them"),
                       wallet->name);
          return FALSE;
        }
      history->commodity = wallet->commodity;
      g_array_append_val (history->wallets, history->wallet_id);
      return TRUE;
    }
  accounts = daftari_account_list (history->book, TRUE, error);
  if (accounts == NULL)
    return FALSE;
  for (guint i = 0; i < accounts->len; i++)
    {
      DaftariAccount *account = g_ptr_array_index (accounts, i);
      if (daftari_account_kind_is_wallet (account->kind) && account->commodity == currency)
        g_array_append_val (history->wallets, account->id);
    }
  return TRUE;
}

/* The transactions that are not "everything else": scheduled posts,
 * customer payments and opening balances, each to its own part. */
/* Txn ids as hash keys: they fit a pointer on the 64-bit platforms Daftari runs on. */
#define TXN_KEY(id) GSIZE_TO_POINTER ((gsize) (id))

typedef enum { PART_BASE, PART_SCHEDULED, PART_INVOICED, PART_OPENING } Part;

static gboolean
collect_ids (DaftariBook *book, sqlite3_stmt *stmt, GHashTable *parts, Part part, GError **error)
{
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (parts, TXN_KEY (sqlite3_column_int64 (stmt, 0)), GINT_TO_POINTER (part));
  return finish (book, stmt, rc, error);
}

static GHashTable *
special_txns (DaftariBook *book, GError **error)
{
  g_autoptr(GHashTable) parts = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(DaftariAccount) opening = daftari_account_find_role (book, DAFTARI_ROLE_OPENING, NULL);
  sqlite3_stmt *stmt;

  if (opening != NULL)
    {
      stmt = daftari_book_prepare (book, "SELECT txn_id FROM split WHERE account_id = ?", error);
      if (stmt != NULL)
        sqlite3_bind_int64 (stmt, 1, opening->id);
      if (!collect_ids (book, stmt, parts, PART_OPENING, error))
        return NULL;
    }
  if (!collect_ids (book, daftari_book_prepare (book, "SELECT txn_id FROM customer_payment", error), parts,
                    PART_INVOICED, error) ||
      !collect_ids (book, daftari_book_prepare (book, "SELECT txn_id FROM schedule_post", error), parts,
                    PART_SCHEDULED, error))
    return NULL;
  return g_steal_pointer (&parts);
}

/* The days of the wallets' first and last flows. */
static gboolean
activity_span (CfHistory *history, gint64 *out_first_ts, gint64 *out_last_ts, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (history->book,
      "SELECT min (ts), max (ts) FROM split WHERE account_id = ?", error);

  *out_first_ts = G_MAXINT64;
  *out_last_ts = G_MININT64;
  for (guint i = 0; stmt != NULL && i < history->wallets->len; i++)
    {
      int rc;

      sqlite3_bind_int64 (stmt, 1, g_array_index (history->wallets, gint64, i));
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        {
          *out_first_ts = MIN (*out_first_ts, sqlite3_column_int64 (stmt, 0));
          *out_last_ts = MAX (*out_last_ts, sqlite3_column_int64 (stmt, 1));
        }
      if (!finish (history->book, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error))
        return FALSE;
    }
  return stmt != NULL;
}

/* The first second of every day of the window and of the day after it:
 * a split's day is then found by comparing integers, not by asking the
 * time zone two million times (a book of a million transactions). */
static gint64 *
day_starts (const CfHistory *history)
{
  gint64 *starts = g_new (gint64, history->n_days + 1);

  for (guint i = 0; i <= history->n_days; i++)
    starts[i] = daftari_calendar_day_start (history->calendar, daftari_day_add (history->first_day, (int) i));
  return starts;
}

/* The day index of ts, from the index of the row before: rows come by
 * time, so this mostly steps forward; a search when they do not. */
static int
day_index (const gint64 *starts, guint n_days, int previous, gint64 ts)
{
  int lo = 0, hi = (int) n_days;

  if (previous >= 0 && starts[previous] <= ts)
    {
      while (previous < (int) n_days && starts[previous + 1] <= ts)
        previous++;
      return previous;
    }
  /* The last index whose start is <= ts (ts is inside the window). */
  while (hi - lo > 1)
    {
      int mid = (lo + hi) / 2;
      if (starts[mid] <= ts)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

/* Every wallet split of the window, by day, into the baseline: the rows
 * are many (two million on a book of a million transactions), so each is
 * only a time and an amount added up. */
static gboolean
read_flows (CfHistory *history, const gint64 *starts, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (history->book,
      "SELECT ts, amount FROM split WHERE account_id = ? AND ts BETWEEN ? AND ?", error);
  gint64 from_ts = starts[0];
  gint64 to_ts = starts[history->n_days] - 1;
  int first = G_MAXINT, last = -1;

  for (guint w = 0; stmt != NULL && w < history->wallets->len; w++)
    {
      gint64 wallet = g_array_index (history->wallets, gint64, w);
      gint64 balance;
      int rc, index = -1;

      if (!daftari_query_balance (history->book, wallet, from_ts - 1, &balance, error))
        return FALSE;
      history->opening += balance;
      sqlite3_bind_int64 (stmt, 1, wallet);
      sqlite3_bind_int64 (stmt, 2, from_ts);
      sqlite3_bind_int64 (stmt, 3, to_ts);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          index = day_index (starts, history->n_days, index, sqlite3_column_int64 (stmt, 0));
          history->base[index] += sqlite3_column_int64 (stmt, 1);
          first = MIN (first, index);
          last = MAX (last, index);
        }
      if (!finish (history->book, stmt, rc, error))
        return FALSE;
    }
  if (last >= 0)
    {
      history->first_activity = daftari_day_add (history->first_day, first);
      history->last_activity = daftari_day_add (history->first_day, last);
    }
  return stmt != NULL;
}

/* The few transactions that are not "everything else" (scheduled posts,
 * customer payments, opening balances) move from the baseline to their
 * own part, split by split. */
static gboolean
move_special (CfHistory *history, const gint64 *starts, GHashTable *parts, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (history->book,
      "SELECT account_id, ts, amount FROM split WHERE txn_id = ?", error);
  gint64 *by_part[] = { history->base, history->scheduled, history->invoiced, history->openings };
  GHashTableIter iter;
  gpointer key, value;

  if (stmt == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, parts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      int rc;

      sqlite3_bind_int64 (stmt, 1, (gint64) GPOINTER_TO_SIZE (key));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 ts = sqlite3_column_int64 (stmt, 1);
          gint64 amount = sqlite3_column_int64 (stmt, 2);
          int index;

          if (ts < starts[0] || ts >= starts[history->n_days] || !cf_history_counts (history, sqlite3_column_int64 (stmt, 0)))
            continue;
          index = day_index (starts, history->n_days, -1, ts);
          history->base[index] -= amount;
          by_part[GPOINTER_TO_INT (value)][index] += amount;
        }
      if (!finish (history->book, stmt, rc, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_invoices (CfHistory *history, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (history->book,
      "SELECT i.id, i.customer_id, i.issue_ts, i.due_day, i.total, coalesce (v.ts, 0)"
      " FROM invoice i LEFT JOIN txn v ON v.id = i.void_txn_id"
      " WHERE i.state IN ('issued', 'void') AND i.issue_ts > 0 ORDER BY i.id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 void_ts = sqlite3_column_int64 (stmt, 5);
      CfInvoice invoice = {
        .id = sqlite3_column_int64 (stmt, 0),
        .customer_id = sqlite3_column_int64 (stmt, 1),
        .issue_day = daftari_calendar_day_of (history->calendar, sqlite3_column_int64 (stmt, 2)),
        .due_day = sqlite3_column_int (stmt, 3),
        .total = sqlite3_column_int64 (stmt, 4),
        .void_day = void_ts != 0 ? daftari_calendar_day_of (history->calendar, void_ts) : 0,
      };
      g_array_append_val (history->invoices, invoice);
    }
  return finish (history->book, stmt, rc, error);
}

static gboolean
read_payments (CfHistory *history, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (history->book,
      "SELECT a.invoice_id, p.customer_id, p.wallet_id, p.ts, i.due_day, a.amount"
      " FROM payment_allocation a JOIN customer_payment p ON p.id = a.payment_id"
      " JOIN invoice i ON i.id = a.invoice_id ORDER BY p.ts", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CfAllocation allocation = {
        .invoice_id = sqlite3_column_int64 (stmt, 0),
        .customer_id = sqlite3_column_int64 (stmt, 1),
        .wallet_id = sqlite3_column_int64 (stmt, 2),
        .day = daftari_calendar_day_of (history->calendar, sqlite3_column_int64 (stmt, 3)),
        .due_day = sqlite3_column_int (stmt, 4),
        .amount = sqlite3_column_int64 (stmt, 5),
      };
      g_array_append_val (history->allocations, allocation);
    }
  if (!finish (history->book, stmt, rc, error))
    return FALSE;
  stmt = daftari_book_prepare (history->book,
      "SELECT customer_id, wallet_id, ts FROM customer_payment ORDER BY ts", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CfPayment payment = {
        .customer_id = sqlite3_column_int64 (stmt, 0),
        .wallet_id = sqlite3_column_int64 (stmt, 1),
        .day = daftari_calendar_day_of (history->calendar, sqlite3_column_int64 (stmt, 2)),
      };
      g_array_append_val (history->payments, payment);
    }
  return finish (history->book, stmt, rc, error);
}

CfHistory *
cf_history_load (DaftariBook *book, gint64 wallet_id, DaftariDay first_day, DaftariDay last_day, GError **error)
{
  g_autoptr(CfHistory) history = g_new0 (CfHistory, 1);
  g_autoptr(GHashTable) parts = NULL;
  g_autofree gint64 *starts = NULL;

  history->book = book;
  history->calendar = daftari_book_get_calendar (book);
  history->wallet_id = wallet_id;
  history->wallets = g_array_new (FALSE, FALSE, sizeof (gint64));
  history->invoices = g_array_new (FALSE, FALSE, sizeof (CfInvoice));
  history->allocations = g_array_new (FALSE, FALSE, sizeof (CfAllocation));
  history->payments = g_array_new (FALSE, FALSE, sizeof (CfPayment));
  if (!choose_wallets (history, error) || !daftari_book_sync (book, error))
    return NULL;
  if (first_day == 0 || last_day == 0)
    {
      gint64 first_ts, last_ts;

      if (!activity_span (history, &first_ts, &last_ts, error))
        return NULL;
      if (first_ts > last_ts)
        first_ts = last_ts = daftari_calendar_now ();
      if (first_day == 0)
        first_day = daftari_calendar_day_of (history->calendar, first_ts);
      if (last_day == 0)
        last_day = daftari_calendar_day_of (history->calendar, last_ts);
    }
  history->first_day = first_day;
  history->n_days = MAX (daftari_day_diff (first_day, last_day) + 1, 1);
  history->base = g_new0 (gint64, history->n_days);
  history->scheduled = g_new0 (gint64, history->n_days);
  history->invoiced = g_new0 (gint64, history->n_days);
  history->openings = g_new0 (gint64, history->n_days);
  starts = day_starts (history);
  parts = special_txns (book, error);
  if (parts == NULL || !read_flows (history, starts, error) || !move_special (history, starts, parts, error) ||
      !read_invoices (history, error) ||
      !read_payments (history, error))
    return NULL;
  history->schedules = daftari_schedule_list (book, error);
  if (history->schedules == NULL)
    return NULL;
  return g_steal_pointer (&history);
}
