/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-rules.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "daftari-book-private.h"
#include "daftari-db.h"
#include "daftari-error.h"
#include "daftari-money.h"
#include "daftari-query.h"
#include "daftari-write-cache.h"

gboolean
daftari_rules_load_account (DaftariBook *book, gint64 id, DaftariRuleAccount *out_account, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT kind, commodity, archived, allow_overdraft, last_ts FROM account WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      out_account->id = id;
      daftari_account_kind_from_string ((const char *) sqlite3_column_text (stmt, 0), &out_account->kind);
      out_account->commodity = daftari_commodity_lookup ((const char *) sqlite3_column_text (stmt, 1));
      out_account->archived = sqlite3_column_int (stmt, 2);
      out_account->allow_overdraft = sqlite3_column_int (stmt, 3);
      out_account->last_ts = sqlite3_column_int64 (stmt, 4);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_NOT_FOUND,
                 _("There is no account number %lld"), (long long) id);
  else
    daftari_db_set_error (error, daftari_book_get_db (book), rc);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

/* Names are only needed to explain a refusal, so they are not carried
 * around on the hot path but looked up here. */
static char *
name_of (DaftariBook *book, gint64 account_id)
{
  g_autoptr(DaftariAccount) account = daftari_account_get (book, account_id, NULL);
  return g_strdup (account ? account->name : "?");
}

static gboolean
refuse (GError **error, DaftariRuleError code, const char *format, ...) G_GNUC_PRINTF (3, 4);

static gboolean
refuse (GError **error, DaftariRuleError code, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, DAFTARI_RULE_ERROR, code, message);
  return FALSE;
}

static gboolean
check_split (DaftariBook *book, const DaftariSplit *split, const DaftariRuleAccount *account,
             GError **error)
{
  g_autofree char *name = NULL;

  if (account->archived)
    {
      name = name_of (book, account->id);
      return refuse (error, DAFTARI_RULE_ERROR_ARCHIVED,
                     _("“%s” is archived. Restore it before recording money in it."), name);
    }
  if ((split->amount > 0) != (split->value > 0) || (split->amount < 0) != (split->value < 0))
    {
      name = name_of (book, account->id);
      return refuse (error, DAFTARI_RULE_ERROR_INVALID,
                     _("The amount and the value for “%s” go in opposite directions"), name);
    }
  if (account->commodity == daftari_book_get_currency (book) && split->amount != split->value)
    {
      name = name_of (book, account->id);
      return refuse (error, DAFTARI_RULE_ERROR_INVALID,
                     _("“%s” is kept in the book currency, so its amount and value must be equal"), name);
    }
  return TRUE;
}

/* The wallet money leaves (or, failing that, enters), to name in a refusal. */
static char *
wallet_of (DaftariBook *book, const DaftariTxn *txn, GArray *accounts)
{
  gint64 entering = 0;

  for (guint i = 0; i < accounts->len; i++)
    {
      const DaftariRuleAccount *account = &g_array_index (accounts, DaftariRuleAccount, i);
      if (!daftari_account_kind_is_wallet (account->kind))
        continue;
      if (daftari_txn_get_split (txn, i)->amount < 0)
        return name_of (book, account->id);
      entering = entering ? entering : account->id;
    }
  return name_of (book, entering ? entering : g_array_index (accounts, DaftariRuleAccount, 0).id);
}

/* An opening balance is a wallet's starting money against equity and
 * nothing else: a transaction merely labelled "opening" that moves money
 * between wallets or records income is not exempt from the limit. */
static gboolean
is_opening_balance (const DaftariTxn *txn, GArray *accounts)
{
  guint wallets = 0;

  if (txn->kind != DAFTARI_TXN_OPENING)
    return FALSE;
  for (guint i = 0; i < accounts->len; i++)
    {
      DaftariAccountKind kind = g_array_index (accounts, DaftariRuleAccount, i).kind;
      if (daftari_account_kind_is_wallet (kind))
        wallets++;
      else if (kind != DAFTARI_ACCOUNT_EQUITY)
        return FALSE;
    }
  return wallets == 1;
}

static gboolean
check_limit (DaftariBook *book, const DaftariTxn *txn, GArray *accounts, gint64 principal, GError **error)
{
  const DaftariCommodity *currency = daftari_book_get_currency (book);
  gint64 limit;
  g_autofree char *amount_text = NULL;
  g_autofree char *limit_text = NULL;
  g_autofree char *wallet = NULL;

  if (is_opening_balance (txn, accounts))
    return TRUE;  /* a starting balance is not money moving */
  if (!daftari_write_cache_get_limit (daftari_book_get_write_cache (book), book, &limit, error))
    return FALSE;
  if (principal <= limit)
    return TRUE;
  amount_text = daftari_money_format (principal, currency, 0);
  limit_text = daftari_money_format (limit, currency, 0);
  wallet = wallet_of (book, txn, accounts);
  return refuse (error, DAFTARI_RULE_ERROR_LIMIT,
                 _("Refused by the per-transaction limit: %s from “%s” is more than the limit of %s. "
                   "Nothing was recorded. Split it into smaller transactions, or raise the limit."),
                 amount_text, wallet, limit_text);
}

gboolean
daftari_rules_check_txn (DaftariBook *book, const DaftariTxn *txn, GArray *accounts, GError **error)
{
  gint64 sum = 0, principal;

  if (txn->splits->len < 2)
    return refuse (error, DAFTARI_RULE_ERROR_INVALID, _("A transaction needs at least two sides"));
  g_array_set_size (accounts, txn->splits->len);
  for (guint i = 0; i < txn->splits->len; i++)
    {
      const DaftariSplit *split = daftari_txn_get_split (txn, i);
      DaftariRuleAccount *account = &g_array_index (accounts, DaftariRuleAccount, i);

      DaftariCachedAccount *cached = daftari_write_cache_account (daftari_book_get_write_cache (book), book,
                                                                  split->account_id, error);
      gint64 after;

      if (cached == NULL)
        return FALSE;
      *account = cached->info;
      if (!check_split (book, split, account, error))
        return FALSE;
      /* A balance past 64 bits would wrap in the cache and turn into a
       * floating-point number in SQLite: refuse it like any overflow. */
      if (__builtin_add_overflow (cached->balance, split->amount, &after))
        {
          g_autofree char *name = name_of (book, account->id);
          return refuse (error, DAFTARI_RULE_ERROR_INVALID,
                         _("The transaction’s amounts are too large: “%s” cannot hold that much"), name);
        }
      if (__builtin_add_overflow (sum, split->value, &sum))
        return refuse (error, DAFTARI_RULE_ERROR_UNBALANCED, _("The transaction’s amounts are too large"));
    }
  if (sum != 0)
    {
      g_autofree char *off = daftari_money_format (sum, daftari_book_get_currency (book), 0);
      return refuse (error, DAFTARI_RULE_ERROR_UNBALANCED,
                     _("The transaction does not balance: its sides differ by %s"), off);
    }
  principal = daftari_txn_get_principal (txn);
  if (principal <= 0)
    return refuse (error, DAFTARI_RULE_ERROR_INVALID, _("The amount must be more than zero"));
  return check_limit (book, txn, accounts, principal, error);
}

static gboolean
refuse_overdraft (DaftariBook *book, const DaftariRuleAccount *account, gint64 balance, gint64 ts,
                  GError **error)
{
  g_autofree char *balance_text = daftari_money_format (balance, account->commodity, 0);
  g_autofree char *when = daftari_calendar_format_time (daftari_book_get_calendar (book), ts);
  g_autofree char *name = name_of (book, account->id);

  return refuse (error, DAFTARI_RULE_ERROR_OVERDRAFT,
                 _("Refused: “%s” would go below zero, to %s on %s. Nothing was recorded. "
                   "Record the money that came in first, or allow an overdraft on this wallet."),
                 name, balance_text, when);
}

/* Walks the wallet's splits from from_ts onwards. Within one second, money
 * in counts before money out: statements list such rows in any order. */
static gboolean
check_running_balance (DaftariBook *book, const DaftariRuleAccount *account, gint64 from_ts,
                       GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT ts, amount FROM split WHERE account_id = ? AND ts >= ? ORDER BY ts, amount DESC", error);
  gint64 running;
  int rc;

  if (stmt == NULL || !daftari_query_balance (book, account->id, from_ts - 1, &running, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account->id);
  sqlite3_bind_int64 (stmt, 2, from_ts);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 ts = sqlite3_column_int64 (stmt, 0);
      running += sqlite3_column_int64 (stmt, 1);
      if (running < 0)
        {
          sqlite3_reset (stmt);
          return refuse_overdraft (book, account, running, ts, error);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftari_db_set_error (error, daftari_book_get_db (book), rc);
      return FALSE;
    }
  return TRUE;
}

gboolean
daftari_rules_check_overdraft (DaftariBook *book, GArray *touched, GError **error)
{
  for (guint i = 0; i < touched->len; i++)
    {
      const DaftariRuleTouch *t = &g_array_index (touched, DaftariRuleTouch, i);
      gint64 balance;

      if (!daftari_account_kind_is_wallet (t->account.kind) || t->account.allow_overdraft)
        continue;
      if (t->from_ts < t->account.last_ts)
        {
          if (!check_running_balance (book, &t->account, t->from_ts, error))
            return FALSE;
          continue;
        }
      /* Nothing came after the write: the wallet's balance now is the only
       * one that changed. */
      if (!daftari_query_current_balance (book, t->account.id, &balance, error))
        return FALSE;
      if (balance < 0)
        return refuse_overdraft (book, &t->account, balance, t->from_ts, error);
    }
  return TRUE;
}

/* Only a wallet that must not go below zero cares what came after a write:
 * a category, or a wallet allowed an overdraft, takes a back-dated entry
 * like any other. (Counting them sent every row of an import older than the
 * book's category history down the slow, savepoint path.) */
gboolean
daftari_rules_appends (GArray *touched)
{
  for (guint i = 0; i < touched->len; i++)
    {
      const DaftariRuleTouch *t = &g_array_index (touched, DaftariRuleTouch, i);
      if (!daftari_account_kind_is_wallet (t->account.kind) || t->account.allow_overdraft)
        continue;
      if (t->from_ts < t->account.last_ts)
        return FALSE;
    }
  return TRUE;
}

gboolean
daftari_rules_check_overdraft_ahead (DaftariBook *book, const DaftariTxn *txn, GArray *touched, GError **error)
{
  DaftariWriteCache *cache = daftari_book_get_write_cache (book);

  for (guint i = 0; i < touched->len; i++)
    {
      const DaftariRuleTouch *t = &g_array_index (touched, DaftariRuleTouch, i);
      DaftariCachedAccount *cached;
      gint64 after;

      if (!daftari_account_kind_is_wallet (t->account.kind) || t->account.allow_overdraft)
        continue;
      if ((cached = daftari_write_cache_account (cache, book, t->account.id, error)) == NULL)
        return FALSE;
      after = cached->balance;
      for (guint s = 0; s < txn->splits->len; s++)
        if (daftari_txn_get_split (txn, s)->account_id == t->account.id &&
            __builtin_add_overflow (after, daftari_txn_get_split (txn, s)->amount, &after))
          return refuse (error, DAFTARI_RULE_ERROR_INVALID, _("The transaction’s amounts are too large"));
      if (after < 0)
        return refuse_overdraft (book, &t->account, after, txn->ts, error);
    }
  return TRUE;
}

gboolean
daftari_rules_check_not_invoiced (DaftariBook *book, gint64 txn_id, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT number, 0 FROM invoice WHERE txn_id = ?1 OR void_txn_id = ?1"
      " UNION ALL SELECT NULL, 1 FROM customer_payment WHERE txn_id = ?1 LIMIT 1", error);
  g_autofree char *number = NULL;
  gboolean payment = FALSE, found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, txn_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      number = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      payment = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (!found)
    return TRUE;
  if (payment)
    return refuse (error, DAFTARI_RULE_ERROR_INVALID,
                   _("Transaction %lld is a customer’s payment of invoices; it cannot be changed here."),
                   (long long) txn_id);
  return refuse (error, DAFTARI_RULE_ERROR_INVALID,
                 _("Transaction %lld belongs to invoice %s: void or pay the invoice instead."),
                 (long long) txn_id, number ? number : "");
}
