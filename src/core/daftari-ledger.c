/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-ledger.h"

#include <glib/gi18n-lib.h>

#include "daftari-book-private.h"
#include "daftari-db.h"
#include "daftari-error.h"
#include "daftari-row-queue.h"
#include "daftari-rules.h"
#include "daftari-txn-json.h"
#include "daftari-write-cache.h"

/* Accounts a write touches, gathered so the overdraft rule can look at each
 * wallet once, from the earliest moment the write changed it. */
static void
touch (GArray *touched, const DaftariRuleAccount *account, gint64 ts)
{
  for (guint i = 0; i < touched->len; i++)
    {
      DaftariRuleTouch *t = &g_array_index (touched, DaftariRuleTouch, i);
      if (t->account.id == account->id)
        {
          t->from_ts = MIN (t->from_ts, ts);
          return;
        }
    }
  DaftariRuleTouch t = { *account, ts };
  g_array_append_val (touched, t);
}

/* The split rows; their effect on balances and month totals goes to the
 * write cache, which the book writes before anything reads them. */
/* One INSERT of all of a transaction's splits (up to four), so that a
 * typical post runs two statements rather than four. */
static const char *const insert_splits_sql[] = {
  NULL,
  "INSERT INTO split (txn_id, n, account_id, ts, amount, value, role) VALUES (?,?,?,?,?,?,?)",
  "INSERT INTO split (txn_id, n, account_id, ts, amount, value, role) VALUES (?,?,?,?,?,?,?),(?,?,?,?,?,?,?)",
  "INSERT INTO split (txn_id, n, account_id, ts, amount, value, role) VALUES (?,?,?,?,?,?,?),(?,?,?,?,?,?,?),"
  "(?,?,?,?,?,?,?)",
  "INSERT INTO split (txn_id, n, account_id, ts, amount, value, role) VALUES (?,?,?,?,?,?,?),(?,?,?,?,?,?,?),"
  "(?,?,?,?,?,?,?),(?,?,?,?,?,?,?)",
};

static gboolean
insert_split_rows (DaftariBook *book, gint64 txn_id, const DaftariTxn *txn, guint first, guint count,
                   GError **error)
{
  sqlite3_stmt *insert = daftari_book_prepare (book, insert_splits_sql[count], error);

  if (insert == NULL)
    return FALSE;
  for (guint i = 0; i < count; i++)
    {
      const DaftariSplit *split = daftari_txn_get_split (txn, first + i);
      int column = i * 7;

      sqlite3_bind_int64 (insert, column + 1, txn_id);
      sqlite3_bind_int (insert, column + 2, first + i);
      sqlite3_bind_int64 (insert, column + 3, split->account_id);
      sqlite3_bind_int64 (insert, column + 4, txn->ts);
      sqlite3_bind_int64 (insert, column + 5, split->amount);
      sqlite3_bind_int64 (insert, column + 6, split->value);
      sqlite3_bind_int (insert, column + 7, split->role);
    }
  return daftari_db_step_done (insert, error);
}

/* The splits' effect on balances, month totals and the wallets' flows goes
 * to the write cache, which the book writes before anything reads them. */
static gboolean
cache_splits (DaftariBook *book, const DaftariTxn *txn, GError **error)
{
  return daftari_write_cache_add_txn (daftari_book_get_write_cache (book), book, txn, 1, error);
}

static gboolean
write_splits (DaftariBook *book, gint64 txn_id, const DaftariTxn *txn, GError **error)
{
  guint most = G_N_ELEMENTS (insert_splits_sql) - 1;

  for (guint first = 0; first < txn->splits->len; first += most)
    if (!insert_split_rows (book, txn_id, txn, first, MIN (most, txn->splits->len - first), error))
      return FALSE;
  return cache_splits (book, txn, error);
}

/* The inverse of write_splits, written through at once: removing splits can
 * lower an account's latest date, which only SQL can find again. */
static gboolean
remove_splits (DaftariBook *book, const DaftariTxn *txn, GError **error)
{
  DaftariWriteCache *cache = daftari_book_get_write_cache (book);
  sqlite3_stmt *remove = daftari_book_prepare (book, "DELETE FROM split WHERE txn_id = ?", error);
  sqlite3_stmt *latest = remove ? daftari_book_prepare (book,
      "UPDATE account SET last_ts = coalesce ((SELECT max (ts) FROM split WHERE account_id = ?1), 0)"
      " WHERE id = ?1", error) : NULL;

  if (latest == NULL)
    return FALSE;
  sqlite3_bind_int64 (remove, 1, txn->id);
  if (!daftari_db_step_done (remove, error))
    return FALSE;
  if (!daftari_write_cache_add_txn (cache, book, txn, -1, error) ||
      !daftari_write_cache_flush (cache, book, error))
    return FALSE;
  for (guint i = 0; i < txn->splits->len; i++)
    {
      sqlite3_bind_int64 (latest, 1, daftari_txn_get_split (txn, i)->account_id);
      if (!daftari_db_step_done (latest, error))
        return FALSE;
    }
  /* Nothing is pending after the flush; the cached dates are now stale. */
  daftari_write_cache_clear (cache);
  return TRUE;
}

/* Inserts a new transaction row (*inout_id == 0: SQLite picks the id) or
 * rewrites an existing one. */
static gboolean
write_txn_row (DaftariBook *book, const DaftariTxn *txn, gint64 *inout_id, GError **error)
{
  sqlite3_stmt *stmt = *inout_id == 0
    ? daftari_book_prepare (book,
        "INSERT INTO txn (ts, kind, memo, payee, channel, counterparty, reference, voided, created)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error)
    : daftari_book_prepare (book,
        "UPDATE txn SET ts = ?1, kind = ?2, memo = ?3, payee = ?4, channel = ?5, counterparty = ?6,"
        " reference = ?7, voided = ?8 WHERE id = ?10", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, txn->ts);
  sqlite3_bind_text (stmt, 2, daftari_txn_kind_to_string (txn->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, txn->memo, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, txn->payee, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, txn->channel, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, txn->counterparty, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, txn->reference, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 8, txn->voided);
  if (*inout_id == 0)
    sqlite3_bind_int64 (stmt, 9, daftari_calendar_now ());
  else
    sqlite3_bind_int64 (stmt, 10, *inout_id);
  if (!daftari_db_step_done (stmt, error))
    return FALSE;
  if (*inout_id == 0)
    *inout_id = sqlite3_last_insert_rowid (daftari_book_get_db (book));
  return TRUE;
}

static gboolean
write_audit (DaftariBook *book, gint64 txn_id, const char *action,
             const DaftariTxn *before, const DaftariTxn *after, GError **error)
{
  g_autofree char *before_json = before ? daftari_txn_to_json (before) : NULL;
  g_autofree char *after_json = after ? daftari_txn_to_json (after) : NULL;
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "INSERT INTO audit (ts, txn_id, action, before, after) VALUES (?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, daftari_calendar_now ());
  sqlite3_bind_int64 (stmt, 2, txn_id);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, before_json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, after_json, -1, SQLITE_STATIC);
  return daftari_db_step_done (stmt, error);
}

static gboolean
finish (DaftariBook *book, gboolean ok, GError **error)
{
  if (!ok)
    {
      daftari_book_rollback (book);
      return FALSE;
    }
  return daftari_book_commit (book, error);
}

/* Checks a transaction against the rules that need no writing (its shape,
 * its accounts, the limit) and adds the accounts it touches to touched,
 * which may already hold those of the version it replaces. */
static gboolean
check_new (DaftariBook *book, const DaftariTxn *txn, GArray *touched, GError **error)
{
  GArray *accounts = daftari_write_cache_scratch_accounts (daftari_book_get_write_cache (book));

  if (!daftari_rules_check_txn (book, txn, accounts, error))
    return FALSE;
  for (guint i = 0; i < accounts->len; i++)
    touch (touched, &g_array_index (accounts, DaftariRuleAccount, i), txn->ts);
  return TRUE;
}

static gboolean
touch_old (DaftariBook *book, const DaftariTxn *old, GArray *touched, GError **error)
{
  for (guint i = 0; i < old->splits->len; i++)
    {
      DaftariRuleAccount account;
      if (!daftari_rules_load_account (book, daftari_txn_get_split (old, i)->account_id, &account, error))
        return FALSE;
      touch (touched, &account, old->ts);
    }
  return TRUE;
}

/* A transaction after everything in its accounts: every rule is checked
 * before anything is written, so a refusal needs no savepoint to undo it.
 * With a queue, its rows are written later, with those of other posts. */
static gboolean
append (DaftariBook *book, DaftariTxn *txn, GArray *touched, DaftariRowQueue *queue, gint64 *inout_id,
        GError **error)
{
  if (!daftari_rules_check_overdraft_ahead (book, txn, touched, error))
    return FALSE;
  if (queue != NULL && daftari_row_queue_add (queue, txn, inout_id, error) && cache_splits (book, txn, error))
    return TRUE;
  if (queue == NULL && write_txn_row (book, txn, inout_id, error) && write_splits (book, *inout_id, txn, error))
    return TRUE;
  /* Rows may be half written and nothing can take back just them. */
  daftari_book_break_write (book);
  return FALSE;
}

/* A back-dated transaction: the overdraft rule must walk what came after
 * it, with it in place, so it is written inside a savepoint first. */
static gboolean
insert_in_past (DaftariBook *book, DaftariTxn *txn, GArray *touched, gint64 *inout_id, GError **error)
{
  gboolean ok;

  if (!daftari_book_begin (book, error))
    return FALSE;
  ok = write_txn_row (book, txn, inout_id, error) &&
       write_splits (book, *inout_id, txn, error) &&
       daftari_rules_check_overdraft (book, touched, error);
  return finish (book, ok, error);
}

gboolean
daftari_ledger_post (DaftariBook *book, DaftariTxn *txn, gint64 *out_id, GError **error)
{
  GArray *touched = daftari_write_cache_scratch_touched (daftari_book_get_write_cache (book));
  gboolean owner = !daftari_book_in_write (book);
  gint64 id = 0;
  gboolean ok;

  if (owner && !daftari_book_begin (book, error))
    return FALSE;
  txn->voided = FALSE;
  ok = check_new (book, txn, touched, error) &&
       (daftari_rules_appends (touched) ? append (book, txn, touched, NULL, &id, error)
                                        : insert_in_past (book, txn, touched, &id, error));
  if (owner)
    ok = finish (book, ok, error);
  if (!ok)
    return FALSE;
  txn->id = id;
  if (out_id != NULL)
    *out_id = id;
  return TRUE;
}

/* One post of post_many: appended rows wait in the queue; a back-dated
 * transaction needs every earlier row in place, so the queue goes first. */
static gboolean
post_queued (DaftariBook *book, DaftariTxn *txn, DaftariRowQueue *queue, GError **error)
{
  GArray *touched = daftari_write_cache_scratch_touched (daftari_book_get_write_cache (book));
  gint64 id = 0;

  txn->voided = FALSE;
  if (!check_new (book, txn, touched, error))
    return FALSE;
  if (daftari_rules_appends (touched))
    {
      if (!append (book, txn, touched, queue, &id, error))
        return FALSE;
    }
  else if (!daftari_row_queue_flush (queue, error) || !insert_in_past (book, txn, touched, &id, error))
    return FALSE;
  else
    daftari_row_queue_note_id (queue, id);
  txn->id = id;
  return TRUE;
}

gboolean
daftari_ledger_post_many (DaftariBook *book, DaftariTxn *const *txns, guint n, guint *out_posted,
                          GError **error)
{
  DaftariRowQueue *queue = daftari_write_cache_row_queue (daftari_book_get_write_cache (book), book);
  guint posted = 0;
  gboolean ok;

  g_return_val_if_fail (daftari_book_in_write (book), FALSE);
  ok = daftari_row_queue_start (queue, error);
  while (ok && posted < n && post_queued (book, txns[posted], queue, error))
    posted++;
  ok = ok && posted == n;
  /* Rows already accepted are written even when a later one is refused. */
  if (!daftari_row_queue_flush (queue, ok ? error : NULL))
    {
      daftari_book_break_write (book);
      ok = FALSE;
    }
  if (out_posted != NULL)
    *out_posted = posted;
  return ok;
}

gboolean
daftari_ledger_check (DaftariBook *book, DaftariTxn *txn, GError **error)
{
  gint64 id = txn->id;
  gboolean ok;

  /* The same path as a real post, always rolled back: the verdict cannot
   * drift from what posting would say. */
  if (!daftari_book_begin (book, error))
    return FALSE;
  ok = daftari_ledger_post (book, txn, NULL, error);
  daftari_book_rollback (book);
  txn->id = id;
  return ok;
}

/* Loads a transaction inside the write and refuses a voided one. */
static DaftariTxn *
load_live (DaftariBook *book, gint64 id, GError **error)
{
  g_autoptr(DaftariTxn) txn = daftari_ledger_get (book, id, error);

  if (txn != NULL && txn->voided)
    {
      g_set_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_VOIDED,
                   _("Transaction %lld is void; it cannot be changed"), (long long) id);
      return NULL;
    }
  return g_steal_pointer (&txn);
}

gboolean
daftari_ledger_replace (DaftariBook *book, gint64 id, DaftariTxn *txn, GError **error)
{
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (DaftariRuleTouch));
  g_autoptr(DaftariTxn) old = NULL;
  gboolean ok;

  if (!daftari_book_begin (book, error))
    return FALSE;
  txn->id = id;
  txn->voided = FALSE;
  ok = daftari_rules_check_not_invoiced (book, id, error) &&
       (old = load_live (book, id, error)) != NULL &&
       touch_old (book, old, touched, error) &&
       check_new (book, txn, touched, error) &&
       remove_splits (book, old, error) &&
       write_txn_row (book, txn, &id, error) &&
       write_splits (book, id, txn, error) &&
       write_audit (book, id, "edit", old, txn, error) &&
       daftari_rules_check_overdraft (book, touched, error);
  return finish (book, ok, error);
}

gboolean
daftari_ledger_void (DaftariBook *book, gint64 id, GError **error)
{
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (DaftariRuleTouch));
  g_autoptr(DaftariTxn) old = NULL;
  g_autoptr(DaftariTxn) voided = NULL;
  gboolean ok;

  if (!daftari_book_begin (book, error))
    return FALSE;
  ok = daftari_rules_check_not_invoiced (book, id, error) &&
       (old = load_live (book, id, error)) != NULL &&
       touch_old (book, old, touched, error);
  if (ok)
    {
      voided = daftari_txn_copy (old);
      voided->voided = TRUE;
      g_array_set_size (voided->splits, 0);
    }
  ok = ok &&
       remove_splits (book, old, error) &&
       write_txn_row (book, voided, &id, error) &&
       write_audit (book, id, "void", old, NULL, error) &&
       daftari_rules_check_overdraft (book, touched, error);
  return finish (book, ok, error);
}

static DaftariTxn *
load_last_voided (DaftariBook *book, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT before FROM audit WHERE txn_id = ? AND action = 'void' ORDER BY id DESC LIMIT 1", error);
  DaftariTxn *txn = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    txn = daftari_txn_from_json ((const char *) sqlite3_column_text (stmt, 0), error);
  else
    g_set_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_INVALID,
                 _("Transaction %lld is not void"), (long long) id);
  sqlite3_reset (stmt);
  return txn;
}

gboolean
daftari_ledger_unvoid (DaftariBook *book, gint64 id, GError **error)
{
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (DaftariRuleTouch));
  g_autoptr(DaftariTxn) current = NULL;
  g_autoptr(DaftariTxn) restored = NULL;
  gboolean ok;

  if (!daftari_book_begin (book, error))
    return FALSE;
  ok = daftari_rules_check_not_invoiced (book, id, error) &&
       (current = daftari_ledger_get (book, id, error)) != NULL;
  if (ok && !current->voided)
    {
      g_set_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_INVALID,
                   _("Transaction %lld is not void"), (long long) id);
      ok = FALSE;
    }
  ok = ok && (restored = load_last_voided (book, id, error)) != NULL;
  if (ok)
    {
      restored->id = id;
      restored->voided = FALSE;
    }
  ok = ok &&
       check_new (book, restored, touched, error) &&
       write_txn_row (book, restored, &id, error) &&
       write_splits (book, id, restored, error) &&
       write_audit (book, id, "unvoid", NULL, restored, error) &&
       daftari_rules_check_overdraft (book, touched, error);
  return finish (book, ok, error);
}

DaftariTxn *
daftari_ledger_get (DaftariBook *book, gint64 id, GError **error)
{
  sqlite3_stmt *head = daftari_book_prepare (book,
      "SELECT ts, kind, memo, payee, channel, counterparty, reference, voided FROM txn WHERE id = ?", error);
  sqlite3_stmt *legs = head ? daftari_book_prepare (book,
      "SELECT account_id, amount, value, role FROM split WHERE txn_id = ? ORDER BY n", error) : NULL;
  g_autoptr(DaftariTxn) txn = NULL;
  DaftariTxnKind kind = DAFTARI_TXN_GENERAL;

  if (legs == NULL)
    return NULL;
  sqlite3_bind_int64 (head, 1, id);
  if (sqlite3_step (head) != SQLITE_ROW)
    {
      sqlite3_reset (head);
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_NOT_FOUND,
                   _("There is no transaction number %lld"), (long long) id);
      return NULL;
    }
  daftari_txn_kind_from_string ((const char *) sqlite3_column_text (head, 1), &kind);
  txn = daftari_txn_new (kind, sqlite3_column_int64 (head, 0));
  txn->id = id;
  daftari_txn_set_text (&txn->memo, (const char *) sqlite3_column_text (head, 2));
  daftari_txn_set_text (&txn->payee, (const char *) sqlite3_column_text (head, 3));
  daftari_txn_set_text (&txn->channel, (const char *) sqlite3_column_text (head, 4));
  daftari_txn_set_text (&txn->counterparty, (const char *) sqlite3_column_text (head, 5));
  daftari_txn_set_text (&txn->reference, (const char *) sqlite3_column_text (head, 6));
  txn->voided = sqlite3_column_int (head, 7);
  sqlite3_reset (head);

  sqlite3_bind_int64 (legs, 1, id);
  while (sqlite3_step (legs) == SQLITE_ROW)
    daftari_txn_add_split (txn, sqlite3_column_int64 (legs, 0), sqlite3_column_int64 (legs, 1),
                           sqlite3_column_int64 (legs, 2), sqlite3_column_int (legs, 3));
  sqlite3_reset (legs);
  return g_steal_pointer (&txn);
}

gboolean
daftari_ledger_batch_begin (DaftariBook *book, GError **error)
{
  return daftari_book_set_auto_checkpoint (book, FALSE, error) && daftari_book_begin (book, error);
}

gboolean
daftari_ledger_batch_commit (DaftariBook *book, GError **error)
{
  gboolean ok = daftari_book_commit (book, error);

  daftari_book_set_auto_checkpoint (book, TRUE, NULL);
  return ok;
}

void
daftari_ledger_batch_abort (DaftariBook *book)
{
  daftari_book_rollback (book);
  daftari_book_set_auto_checkpoint (book, TRUE, NULL);
}
