/* SPDX-License-Identifier: GPL-3.0-or-later */
/* wallet_flow_month from scratch: for books made before the ledger kept it,
 * and for the check that compares it with the splits. */
#include "daftari-wallet-flow.h"

#include "daftari-book-private.h"
#include "daftari-db.h"

#define MAX_SIDES 16

typedef struct {
  gint64            key;       /* wallet_id << 32 | month: first, for g_int64_hash */
  DaftariWalletFlow flow;
} MonthFlow;

typedef struct {
  GArray           *splits;    /* of DaftariSplit: the transaction being read */
  GArray           *classes;   /* of DaftariFlowClass, one per split */
  gint64            ts;
  GHashTable       *months;    /* key → MonthFlow */
  DaftariCalendar  *calendar;
} Rebuild;

/* Every account's class, by id (n_ids entries). */
static DaftariFlowClass *
load_classes (DaftariBook *book, gint64 *out_n_ids, GError **error)
{
  g_autoptr(GPtrArray) accounts = daftari_account_list (book, TRUE, error);
  DaftariFlowClass *classes;
  gint64 n_ids = 1;

  if (accounts == NULL)
    return NULL;
  for (guint i = 0; i < accounts->len; i++)
    n_ids = MAX (n_ids, ((DaftariAccount *) g_ptr_array_index (accounts, i))->id + 1);
  classes = g_new0 (DaftariFlowClass, n_ids);
  for (guint i = 0; i < accounts->len; i++)
    {
      DaftariAccount *account = g_ptr_array_index (accounts, i);
      classes[account->id] = daftari_flow_class (account->kind, g_strcmp0 (account->role, DAFTARI_ROLE_CHARGES) == 0);
    }
  *out_n_ids = n_ids;
  return classes;
}

static void
add_txn (Rebuild *rebuild)
{
  DaftariWalletSide sides[MAX_SIDES];
  DaftariMonth month;
  guint n;

  if (rebuild->splits->len == 0)
    return;
  month = daftari_calendar_month_of (rebuild->calendar, rebuild->ts);
  n = daftari_wallet_sides (&g_array_index (rebuild->splits, DaftariSplit, 0),
                            &g_array_index (rebuild->classes, DaftariFlowClass, 0), rebuild->splits->len, sides,
                            MAX_SIDES);
  for (guint i = 0; i < n; i++)
    {
      gint64 key = sides[i].wallet_id << 32 | (guint32) month;
      MonthFlow *entry = g_hash_table_lookup (rebuild->months, &key);

      if (entry == NULL)
        {
          entry = g_new0 (MonthFlow, 1);
          entry->key = key;
          g_hash_table_insert (rebuild->months, &entry->key, entry);
        }
      daftari_wallet_flow_add_side (&entry->flow, &sides[i], 1);
    }
  g_array_set_size (rebuild->splits, 0);
  g_array_set_size (rebuild->classes, 0);
}

/* Reads every split in transaction order and sums each wallet's months. */
static gboolean
read_splits (DaftariBook *book, Rebuild *rebuild, const DaftariFlowClass *by_id, gint64 n_ids, GError **error)
{
  sqlite3 *db = daftari_book_get_db (book);
  sqlite3_stmt *read = NULL;
  gint64 current = 0;
  int rc = sqlite3_prepare_v2 (db, "SELECT txn_id, ts, account_id, amount, value, role FROM split ORDER BY txn_id, n",
                               -1, &read, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      gint64 txn_id = sqlite3_column_int64 (read, 0);
      DaftariSplit split = {
        .account_id = sqlite3_column_int64 (read, 2),
        .amount = sqlite3_column_int64 (read, 3),
        .value = sqlite3_column_int64 (read, 4),
        .role = sqlite3_column_int (read, 5),
      };
      DaftariFlowClass class = split.account_id > 0 && split.account_id < n_ids ? by_id[split.account_id]
                                                                                 : DAFTARI_FLOW_OTHER;

      if (txn_id != current)
        {
          add_txn (rebuild);
          current = txn_id;
          rebuild->ts = sqlite3_column_int64 (read, 1);
        }
      g_array_append_val (rebuild->splits, split);
      g_array_append_val (rebuild->classes, class);
      rc = SQLITE_OK;
    }
  add_txn (rebuild);
  sqlite3_finalize (read);
  if (rc != SQLITE_DONE)
    {
      daftari_db_set_error (error, db, rc);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_months (DaftariBook *book, GHashTable *months, const char *into, GError **error)
{
  sqlite3 *db = daftari_book_get_db (book);
  g_autofree char *clear = g_strdup_printf ("DELETE FROM %s", into);
  g_autofree char *insert = g_strdup_printf (
      "INSERT INTO %s (wallet_id, month, money_in, money_out, transfers_in, transfers_out, fees)"
      " VALUES (?, ?, ?, ?, ?, ?, ?)", into);
  sqlite3_stmt *stmt = NULL;
  GHashTableIter iter;
  MonthFlow *entry;
  gboolean ok = TRUE;

  if (!daftari_db_exec (db, clear, error))
    return FALSE;
  if (sqlite3_prepare_v2 (db, insert, -1, &stmt, NULL) != SQLITE_OK)
    {
      daftari_db_set_error (error, db, sqlite3_errcode (db));
      return FALSE;
    }
  g_hash_table_iter_init (&iter, months);
  while (ok && g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    {
      const DaftariWalletFlow *flow = &entry->flow;

      sqlite3_bind_int64 (stmt, 1, entry->key >> 32);
      sqlite3_bind_int (stmt, 2, (int) (entry->key & 0xffffffff));
      sqlite3_bind_int64 (stmt, 3, flow->money_in);
      sqlite3_bind_int64 (stmt, 4, flow->money_out);
      sqlite3_bind_int64 (stmt, 5, flow->transfers_in);
      sqlite3_bind_int64 (stmt, 6, flow->transfers_out);
      sqlite3_bind_int64 (stmt, 7, flow->fees);
      ok = daftari_db_step_done (stmt, error);
    }
  sqlite3_finalize (stmt);
  return ok;
}

gboolean
daftari_wallet_flow_rebuild (DaftariBook *book, const char *into, GError **error)
{
  g_autofree DaftariFlowClass *by_id = NULL;
  g_autoptr(GHashTable) months = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  g_autoptr(GArray) splits = g_array_new (FALSE, FALSE, sizeof (DaftariSplit));
  g_autoptr(GArray) classes = g_array_new (FALSE, FALSE, sizeof (DaftariFlowClass));
  Rebuild rebuild = { splits, classes, 0, months, daftari_book_get_calendar (book) };
  gint64 n_ids = 0;

  return (by_id = load_classes (book, &n_ids, error)) != NULL &&
         read_splits (book, &rebuild, by_id, n_ids, error) &&
         write_months (book, months, into, error);
}

gboolean
daftari_wallet_flow_ensure (DaftariBook *book, GError **error)
{
  sqlite3_stmt *stale = daftari_book_prepare (book, "SELECT 1 FROM setting WHERE key = 'wallet_flow_stale'", error);
  gboolean needed;

  if (stale == NULL)
    return FALSE;
  needed = sqlite3_step (stale) == SQLITE_ROW;
  sqlite3_reset (stale);
  if (!needed)
    return TRUE;
  if (!daftari_book_begin (book, error))
    return FALSE;
  if (!daftari_wallet_flow_rebuild (book, "wallet_flow_month", error) ||
      !daftari_db_exec (daftari_book_get_db (book), "DELETE FROM setting WHERE key = 'wallet_flow_stale'", error))
    {
      daftari_book_rollback (book);
      return FALSE;
    }
  return daftari_book_commit (book, error);
}
