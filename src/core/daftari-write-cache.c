/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-write-cache.h"

#include <glib/gi18n-lib.h>

#include "daftari-book-private.h"
#include "daftari-db.h"
#include "daftari-error.h"
#include "daftari-row-queue.h"

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

struct _DaftariWriteCache {
  GHashTable *accounts;   /* gint64* id → DaftariCachedAccount */
  GHashTable *pending;    /* gint64* id → PendingAccount */
  GHashTable *months;     /* gint64* key → PendingMonth */
  gboolean    limit_known;
  gint64      limit;
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
  cache->limit_known = FALSE;
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

gboolean
daftari_write_cache_flush (DaftariWriteCache *cache, DaftariBook *book, GError **error)
{
  if (g_hash_table_size (cache->pending) == 0 && g_hash_table_size (cache->months) == 0)
    return TRUE;
  return flush_accounts (cache, book, error) && flush_months (cache, book, error);
}
