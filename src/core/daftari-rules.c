/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-rules.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "daftari-book-private.h"
#include "daftari-db.h"
#include "daftari-error.h"
#include "daftari-money.h"
#include "daftari-query.h"

gboolean
daftari_rules_load_account (DaftariBook *book, gint64 id, DaftariRuleAccount *out_account, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT kind, commodity, archived, allow_overdraft, last_ts, name FROM account WHERE id = ?", error);
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
      g_strlcpy (out_account->name, (const char *) sqlite3_column_text (stmt, 5), sizeof out_account->name);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_NOT_FOUND,
                 _("There is no account number %" G_GINT64_FORMAT), id);
  else
    daftari_db_set_error (error, daftari_book_get_db (book), rc);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
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
  if (account->archived)
    return refuse (error, DAFTARI_RULE_ERROR_ARCHIVED,
                   _("“%s” is archived. Restore it before recording money in it."), account->name);
  if ((split->amount > 0) != (split->value > 0) || (split->amount < 0) != (split->value < 0))
    return refuse (error, DAFTARI_RULE_ERROR_INVALID,
                   _("The amount and the value for “%s” go in opposite directions"), account->name);
  if (account->commodity == daftari_book_get_currency (book) && split->amount != split->value)
    return refuse (error, DAFTARI_RULE_ERROR_INVALID,
                   _("“%s” is kept in the book currency, so its amount and value must be equal"),
                   account->name);
  return TRUE;
}

static gint64
read_limit (DaftariBook *book, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT CAST (value AS INTEGER) FROM setting WHERE key = 'txn_limit'", error);
  gint64 limit = -1;

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    limit = sqlite3_column_int64 (stmt, 0);
  else
    g_set_error (error, DAFTARI_BOOK_ERROR, DAFTARI_BOOK_ERROR_CORRUPT,
                 _("The book has lost its per-transaction limit. Set it again."));
  sqlite3_reset (stmt);
  return limit;
}

/* The wallet money leaves (or, failing that, enters), to name in a refusal. */
static const char *
wallet_of (const DaftariTxn *txn, GArray *accounts)
{
  const char *entering = NULL;

  for (guint i = 0; i < accounts->len; i++)
    {
      const DaftariRuleAccount *account = &g_array_index (accounts, DaftariRuleAccount, i);
      if (!daftari_account_kind_is_wallet (account->kind))
        continue;
      if (daftari_txn_get_split (txn, i)->amount < 0)
        return account->name;
      entering = entering ? entering : account->name;
    }
  return entering ? entering : g_array_index (accounts, DaftariRuleAccount, 0).name;
}

static gboolean
check_limit (DaftariBook *book, const DaftariTxn *txn, GArray *accounts, gint64 principal, GError **error)
{
  const DaftariCommodity *currency = daftari_book_get_currency (book);
  gint64 limit;
  g_autofree char *amount_text = NULL;
  g_autofree char *limit_text = NULL;

  if (txn->kind == DAFTARI_TXN_OPENING)
    return TRUE;  /* a starting balance is not money moving */
  limit = read_limit (book, error);
  if (limit < 0)
    return FALSE;
  if (principal <= limit)
    return TRUE;
  amount_text = daftari_money_format (principal, currency, 0);
  limit_text = daftari_money_format (limit, currency, 0);
  return refuse (error, DAFTARI_RULE_ERROR_LIMIT,
                 _("Refused by the per-transaction limit: %s from “%s” is more than the limit of %s. "
                   "Nothing was recorded. Split it into smaller transactions, or raise the limit."),
                 amount_text, wallet_of (txn, accounts), limit_text);
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

      if (!daftari_rules_load_account (book, split->account_id, account, error) ||
          !check_split (book, split, account, error))
        return FALSE;
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

  return refuse (error, DAFTARI_RULE_ERROR_OVERDRAFT,
                 _("Refused: “%s” would go below zero, to %s on %s. Nothing was recorded. "
                   "Record the money that came in first, or allow an overdraft on this wallet."),
                 account->name, balance_text, when);
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
