/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-write-cache.h"

#include <glib/gi18n-lib.h>

#include "daftari-book-private.h"
#include "daftari-db.h"
#include "daftari-error.h"
#include "daftari-row-queue.h"
#include "daftari-wallet-flow.h"

typedef struct {
  gint64 account_id;
  gint64 balance;     /* not yet added to account.balance */
  gint64 last_ts;     /* not yet in account.last_ts; 0 when none */
} PendingAccount;

typedef struct {
  gint64 key;         /* account_id << 32 | month: first, for g_int64_hash */
  gint64 amount;
  gint64 value;
} PendingMonth;

typedef struct {
  gint64            key;   /* wallet_id << 32 | month: first, for g_int64_hash */
  DaftariWalletFlow flow;
} PendingFlow;

/* Room for the wallet legs and splits of one transaction on the stack; a
 * larger one (a payroll journal) takes the heap. */
#define FEW_SPLITS 16

struct _DaftariWriteCache {
  GHashTable *accounts;   /* gint64* id → DaftariCachedAccount */
  GHashTable *pending;    /* gint64* id → PendingAccount */
  GHashTable *months;     /* gint64* key → PendingMonth */
  GHashTable *flows;      /* gint64* key → PendingFlow */
  gboolean    limit_known;
  gint64      limit;
  gboolean    charges_known;
  gint64      charges_id; /* the charges category, 0 if the book has none */
  GArray     *scratch_accounts;  /* of DaftariRuleAccount */
  GArray     *scratch_touched;   /* of DaftariRuleTouch */
  DaftariRowQueue *row_queue;
};

DaftariWriteCache *
daftari_write_cache_new (void)
{
  DaftariWriteCache *cache = g_new0 (DaftariWriteCache, 1);

  /* Values start with their gint64 key, so the key pointer is the value. */
  cache->accounts = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  cache->pending = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  cache->months = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  cache->flows = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  cache->scratch_accounts = g_array_sized_new (FALSE, FALSE, sizeof (DaftariRuleAccount), 8);
  cache->scratch_touched = g_array_sized_new (FALSE, FALSE, sizeof (DaftariRuleTouch), 8);
  return cache;
}

void
daftari_write_cache_free (DaftariWriteCache *cache)
{
  if (cache == NULL)
    return;
  g_hash_table_unref (cache->accounts);
  g_hash_table_unref (cache->pending);
  g_hash_table_unref (cache->months);
  g_hash_table_unref (cache->flows);
  g_array_unref (cache->scratch_accounts);
  g_array_unref (cache->scratch_touched);
  g_clear_pointer (&cache->row_queue, daftari_row_queue_free);
  g_free (cache);
}

void
daftari_write_cache_clear (DaftariWriteCache *cache)
{
  g_hash_table_remove_all (cache->accounts);
  g_hash_table_remove_all (cache->pending);
  g_hash_table_remove_all (cache->months);
  g_hash_table_remove_all (cache->flows);
  cache->limit_known = FALSE;
  cache->charges_known = FALSE;
}

GArray *
daftari_write_cache_scratch_accounts (DaftariWriteCache *cache)
{
  g_array_set_size (cache->scratch_accounts, 0);
  return cache->scratch_accounts;
}

DaftariRowQueue *
daftari_write_cache_row_queue (DaftariWriteCache *cache, DaftariBook *book)
{
  if (cache->row_queue == NULL)
    cache->row_queue = daftari_row_queue_new (book);
  return cache->row_queue;
}

GArray *
daftari_write_cache_scratch_touched (DaftariWriteCache *cache)
{
  g_array_set_size (cache->scratch_touched, 0);
  return cache->scratch_touched;
}

DaftariCachedAccount *
daftari_write_cache_account (DaftariWriteCache *cache, DaftariBook *book, gint64 account_id, GError **error)
{
  DaftariCachedAccount *account = g_hash_table_lookup (cache->accounts, &account_id);
  sqlite3_stmt *stmt;

  if (account != NULL)
    return account;
  /* What is read must include what is pending, so write that first. */
  if (!daftari_write_cache_flush (cache, book, error))
    return NULL;
  account = g_new0 (DaftariCachedAccount, 1);
  if (!daftari_rules_load_account (book, account_id, &account->info, error) ||
      (stmt = daftari_book_prepare (book, "SELECT balance FROM account WHERE id = ?", error)) == NULL)
    {
      g_free (account);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, account_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    account->balance = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  g_hash_table_insert (cache->accounts, &account->info.id, account);
  return account;
}

void
daftari_write_cache_add (DaftariWriteCache *cache, gint64 account_id, DaftariMonth month, gint64 ts,
                         gint64 amount, gint64 value)
{
  DaftariCachedAccount *account = g_hash_table_lookup (cache->accounts, &account_id);
  PendingAccount *pending = g_hash_table_lookup (cache->pending, &account_id);
  gint64 key = account_id << 32 | (guint32) month;
  PendingMonth *totals = g_hash_table_lookup (cache->months, &key);

  if (account != NULL)
    {
      account->balance += amount;
      account->info.last_ts = MAX (account->info.last_ts, ts);
    }
  if (pending == NULL)
    {
      pending = g_new0 (PendingAccount, 1);
      pending->account_id = account_id;
      g_hash_table_insert (cache->pending, &pending->account_id, pending);
    }
  pending->balance += amount;
  pending->last_ts = MAX (pending->last_ts, ts);
  if (totals == NULL)
    {
      totals = g_new0 (PendingMonth, 1);
      totals->key = key;
      g_hash_table_insert (cache->months, &totals->key, totals);
    }
  totals->amount += amount;
  totals->value += value;
}

static gboolean
load_charges_id (DaftariWriteCache *cache, DaftariBook *book, GError **error)
{
  sqlite3_stmt *stmt;

  if (cache->charges_known)
    return TRUE;
  if ((stmt = daftari_book_prepare (book, "SELECT id FROM account WHERE role = 'charges'", error)) == NULL)
    return FALSE;
  cache->charges_id = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  cache->charges_known = TRUE;
  return TRUE;
}

static void
add_flow (DaftariWriteCache *cache, DaftariMonth month, const DaftariWalletSide *side, int sign)
{
  gint64 key = side->wallet_id << 32 | (guint32) month;
  PendingFlow *pending = g_hash_table_lookup (cache->flows, &key);

  if (pending == NULL)
    {
      pending = g_new0 (PendingFlow, 1);
      pending->key = key;
      g_hash_table_insert (cache->flows, &pending->key, pending);
    }
  daftari_wallet_flow_add_side (&pending->flow, side, sign);
}

/* The wallets' flows of txn, by the rule in daftari-wallet-flow.c. */
static gboolean
add_flows (DaftariWriteCache *cache, DaftariBook *book, const DaftariTxn *txn, DaftariMonth month, int sign,
           GError **error)
{
  guint n_splits = txn->splits->len, n;
  DaftariFlowClass few_classes[FEW_SPLITS];
  DaftariWalletSide few_sides[FEW_SPLITS];
  g_autofree DaftariFlowClass *many_classes = n_splits > FEW_SPLITS ? g_new (DaftariFlowClass, n_splits) : NULL;
  g_autofree DaftariWalletSide *many_sides = n_splits > FEW_SPLITS ? g_new (DaftariWalletSide, n_splits) : NULL;
  DaftariFlowClass *classes = many_classes ? many_classes : few_classes;
  DaftariWalletSide *sides = many_sides ? many_sides : few_sides;

  if (!load_charges_id (cache, book, error))
    return FALSE;
  for (guint i = 0; i < n_splits; i++)
    {
      gint64 id = daftari_txn_get_split (txn, i)->account_id;
      DaftariCachedAccount *account = daftari_write_cache_account (cache, book, id, error);

      if (account == NULL)
        return FALSE;
      classes[i] = daftari_flow_class (account->info.kind, id == cache->charges_id);
    }
  n = daftari_wallet_sides (&g_array_index (txn->splits, DaftariSplit, 0), classes, n_splits, sides, n_splits);
  for (guint i = 0; i < n; i++)
    add_flow (cache, month, &sides[i], sign);
  return TRUE;
}

gboolean
daftari_write_cache_add_txn (DaftariWriteCache *cache, DaftariBook *book, const DaftariTxn *txn, int sign,
                             GError **error)
{
  DaftariMonth month = daftari_calendar_month_of (daftari_book_get_calendar (book), txn->ts);

  /* Classifying may load an account, which writes what is pending: first. */
  if (!add_flows (cache, book, txn, month, sign, error))
    return FALSE;
  for (guint i = 0; i < txn->splits->len; i++)
    {
      const DaftariSplit *split = daftari_txn_get_split (txn, i);
      daftari_write_cache_add (cache, split->account_id, month, sign > 0 ? txn->ts : 0, sign * split->amount,
                               sign * split->value);
    }
  return TRUE;
}

gboolean
daftari_write_cache_get_limit (DaftariWriteCache *cache, DaftariBook *book, gint64 *out_limit, GError **error)
{
  sqlite3_stmt *stmt;

  if (!cache->limit_known)
    {
      stmt = daftari_book_prepare (book, "SELECT CAST (value AS INTEGER) FROM setting WHERE key = 'txn_limit'", error);
      if (stmt == NULL)
        return FALSE;
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          cache->limit = sqlite3_column_int64 (stmt, 0);
          cache->limit_known = TRUE;
        }
      sqlite3_reset (stmt);
      if (!cache->limit_known)
        {
          g_set_error (error, DAFTARI_BOOK_ERROR, DAFTARI_BOOK_ERROR_CORRUPT,
                       _("The book has lost its per-transaction limit. Set it again."));
          return FALSE;
        }
    }
  *out_limit = cache->limit;
  return TRUE;
}

static gboolean
flush_accounts (DaftariWriteCache *cache, DaftariBook *book, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "UPDATE account SET balance = balance + ?1, last_ts = max (last_ts, ?2) WHERE id = ?3", error);
  GHashTableIter iter;
  PendingAccount *pending;

  if (stmt == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, cache->pending);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &pending))
    {
      sqlite3_bind_int64 (stmt, 1, pending->balance);
      sqlite3_bind_int64 (stmt, 2, pending->last_ts);
      sqlite3_bind_int64 (stmt, 3, pending->account_id);
      if (!daftari_db_step_done (stmt, error))
        return FALSE;
      g_hash_table_iter_remove (&iter);
    }
  return TRUE;
}

static gboolean
flush_months (DaftariWriteCache *cache, DaftariBook *book, GError **error)
{
  sqlite3_stmt *add = daftari_book_prepare (book,
      "INSERT INTO account_month (account_id, month, amount, value) VALUES (?1, ?2, ?3, ?4)"
      " ON CONFLICT DO UPDATE SET amount = amount + ?3, value = value + ?4", error);
  sqlite3_stmt *prune = add ? daftari_book_prepare (book,
      "DELETE FROM account_month WHERE account_id = ? AND month = ? AND amount = 0 AND value = 0", error) : NULL;
  GHashTableIter iter;
  PendingMonth *totals;

  if (prune == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, cache->months);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &totals))
    {
      gint64 account_id = totals->key >> 32;
      int month = (int) (totals->key & 0xffffffff);

      sqlite3_bind_int64 (add, 1, account_id);
      sqlite3_bind_int (add, 2, month);
      sqlite3_bind_int64 (add, 3, totals->amount);
      sqlite3_bind_int64 (add, 4, totals->value);
      sqlite3_bind_int64 (prune, 1, account_id);
      sqlite3_bind_int (prune, 2, month);
      if (!daftari_db_step_done (add, error) || !daftari_db_step_done (prune, error))
        return FALSE;
      g_hash_table_iter_remove (&iter);
    }
  return TRUE;
}

static gboolean
flow_is_zero (const DaftariWalletFlow *flow)
{
  return flow->money_in == 0 && flow->money_out == 0 && flow->transfers_in == 0 && flow->transfers_out == 0 &&
         flow->fees == 0;
}

/* Adds in C, not in SQL: flows add modulo 2^64 (daftari-wallet-flow.h). */
static gboolean
flush_flows (DaftariWriteCache *cache, DaftariBook *book, GError **error)
{
  sqlite3_stmt *read = daftari_book_prepare (book,
      "SELECT money_in, money_out, transfers_in, transfers_out, fees FROM wallet_flow_month"
      " WHERE wallet_id = ? AND month = ?", error);
  sqlite3_stmt *write = read ? daftari_book_prepare (book,
      "INSERT OR REPLACE INTO wallet_flow_month (wallet_id, month, money_in, money_out, transfers_in,"
      " transfers_out, fees) VALUES (?, ?, ?, ?, ?, ?, ?)", error) : NULL;
  sqlite3_stmt *prune = write ? daftari_book_prepare (book,
      "DELETE FROM wallet_flow_month WHERE wallet_id = ? AND month = ?", error) : NULL;
  GHashTableIter iter;
  PendingFlow *pending;

  if (prune == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, cache->flows);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &pending))
    {
      gint64 wallet_id = pending->key >> 32;
      int month = (int) (pending->key & 0xffffffff);
      DaftariWalletFlow flow = { 0 };
      sqlite3_stmt *stmt;
      int rc;

      sqlite3_bind_int64 (read, 1, wallet_id);
      sqlite3_bind_int (read, 2, month);
      if ((rc = sqlite3_step (read)) == SQLITE_ROW)
        flow = (DaftariWalletFlow) {
          sqlite3_column_int64 (read, 0), sqlite3_column_int64 (read, 1), sqlite3_column_int64 (read, 2),
          sqlite3_column_int64 (read, 3), sqlite3_column_int64 (read, 4),
        };
      sqlite3_reset (read);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          daftari_db_set_error (error, daftari_book_get_db (book), rc);
          return FALSE;
        }
      daftari_wallet_flow_add (&flow, &pending->flow);
      /* A month that comes back to nothing has no row, as in a rebuild. */
      stmt = flow_is_zero (&flow) ? prune : write;
      sqlite3_bind_int64 (stmt, 1, wallet_id);
      sqlite3_bind_int (stmt, 2, month);
      if (stmt == write)
        {
          sqlite3_bind_int64 (write, 3, flow.money_in);
          sqlite3_bind_int64 (write, 4, flow.money_out);
          sqlite3_bind_int64 (write, 5, flow.transfers_in);
          sqlite3_bind_int64 (write, 6, flow.transfers_out);
          sqlite3_bind_int64 (write, 7, flow.fees);
        }
      if (!daftari_db_step_done (stmt, error))
        return FALSE;
      g_hash_table_iter_remove (&iter);
    }
  return TRUE;
}

gboolean
daftari_write_cache_flush (DaftariWriteCache *cache, DaftariBook *book, GError **error)
{
  if (g_hash_table_size (cache->pending) == 0 && g_hash_table_size (cache->months) == 0 &&
      g_hash_table_size (cache->flows) == 0)
    return TRUE;
  return flush_accounts (cache, book, error) && flush_months (cache, book, error) &&
         flush_flows (cache, book, error);
}
