/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How a DaftariLedgerModel reads the book: the matching ids when it opens,
 * then a page of rows at a time, made into items. */
#include "daftari-listing-private.h"
#include "daftari-query-private.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "daftari-book-private.h"
#include "daftari-db.h"
#include "daftari-money.h"
#include "daftari-txn.h"

/* ---- The ids -------------------------------------------------------- */

/* The same test as daftari_query_transactions() (DAFTARI_TXN_MATCH_SQL), so
 * the model lists exactly what it returns. */
/* One account and nothing else asked: its splits alone, from the covering
 * index. A void transaction has no splits, so it never shows here, as in
 * daftari_query_transactions(). */
static const char ids_of_account_sql[] =
  "SELECT txn_id, ts FROM split WHERE account_id = ?5 AND ts BETWEEN ?1 AND ?2";
static const char ids_of_account_matching_sql[] =
  "SELECT s.txn_id, s.ts FROM split s JOIN txn t ON t.id = s.txn_id"
  " WHERE s.account_id = ?5 AND s.ts BETWEEN ?1 AND ?2 AND" DAFTARI_TXN_MATCH_SQL;
/* Every transaction: one pass over the table beats the index plus a row
 * lookup each (measured with sqlite3 on a million: 30 ms against 210 ms). */
static const char ids_all_sql[] =
  "SELECT t.id, t.ts FROM txn t NOT INDEXED WHERE" DAFTARI_TXN_MATCH_SQL;
static const char ids_between_sql[] =
  "SELECT t.id, t.ts FROM txn t INDEXED BY txn_by_ts WHERE" DAFTARI_TXN_MATCH_SQL;

typedef struct {
  gint64 ts;
  gint64 id;
} Row;

static int
row_compare (const void *a, const void *b)
{
  const Row *x = a, *y = b;

  if (x->ts != y->ts)
    return x->ts < y->ts ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

/* Oldest first. Insertion sort while the rows are nearly in order (ids grow
 * with time; only same-second rows and back-dated ones are out of place),
 * qsort as soon as that stops paying. */
static void
sort_rows (Row *rows, guint n)
{
  guint64 budget = n;

  for (guint i = 1; i < n; i++)
    {
      Row row = rows[i];
      guint j = i;

      while (j > 0 && row_compare (&row, &rows[j - 1]) < 0)
        {
          rows[j] = rows[j - 1];
          j--;
          if (budget-- == 0)
            {
              rows[j] = row;
              qsort (rows, n, sizeof *rows, row_compare);
              return;
            }
        }
      rows[j] = row;
    }
}

/* Binds a filter with the numbering of DAFTARI_TXN_MATCH_SQL. */
static void
bind_filter (sqlite3_stmt *stmt, const DaftariTxnFilter *filter, gint64 driving, const char *pattern)
{
  sqlite3_bind_int64 (stmt, 1, filter->from_ts);
  sqlite3_bind_int64 (stmt, 2, filter->to_ts);
  if (sqlite3_bind_parameter_count (stmt) < 7)
    {
      sqlite3_bind_int64 (stmt, 5, driving);
      return;
    }
  sqlite3_bind_text (stmt, 3, pattern, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, filter->include_voided);
  sqlite3_bind_int64 (stmt, 5, driving);
  sqlite3_bind_int64 (stmt, 7, driving == filter->category_id ? 0 : filter->category_id);
}

static const char *
ids_sql (const DaftariTxnFilter *filter, gint64 driving, const char *pattern)
{
  if (driving)
    return pattern == NULL && (filter->category_id == 0 || driving == filter->category_id)
           ? ids_of_account_sql : ids_of_account_matching_sql;
  if (filter->from_ts == G_MININT64 && filter->to_ts == G_MAXINT64)
    return ids_all_sql;
  return ids_between_sql;
}

/* Sorted rows to ids, newest first, each once (a transaction may have two
 * splits in one account), in the rows' own memory. */
static gint64 *
rows_to_ids (Row *rows, guint n, guint *out_n)
{
  gint64 *ids = (gint64 *) rows;
  guint kept = 0;

  sort_rows (rows, n);
  /* ids[k] lies at or before rows[k]: reading ahead of writing is safe. */
  for (guint i = 0; i < n; i++)
    {
      gint64 id = rows[i].id;
      if (kept == 0 || ids[kept - 1] != id)
        ids[kept++] = id;
    }
  for (guint i = 0; i < kept / 2; i++)
    {
      gint64 t = ids[i];
      ids[i] = ids[kept - 1 - i];
      ids[kept - 1 - i] = t;
    }
  *out_n = kept;
  return g_renew (gint64, ids, MAX (kept, 1));
}

gint64 *
daftari_ledger_rows_load_ids (DaftariBook *book, const DaftariTxnFilter *filter, guint *out_n, GError **error)
{
  gint64 driving = filter->account_id ? filter->account_id : filter->category_id;
  g_autofree char *pattern = filter->text && *filter->text ? daftari_query_like_pattern (filter->text) : NULL;
  sqlite3_stmt *stmt = daftari_book_prepare (book, ids_sql (filter, driving, pattern), error);
  g_autoptr(GArray) rows = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  rows = g_array_sized_new (FALSE, FALSE, sizeof (Row), 4096);
  bind_filter (stmt, filter, driving, pattern);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row row = { sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 0) };
      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftari_db_set_error (error, daftari_book_get_db (book), rc);
      return NULL;
    }
  {
    guint n = rows->len;
    return rows_to_ids ((Row *) (void *) g_array_free (g_steal_pointer (&rows), FALSE), n, out_n);
  }
}

GHashTable *
daftari_ledger_rows_load_accounts (DaftariBook *book, GError **error)
{
  g_autoptr(GPtrArray) list = daftari_account_list (book, TRUE, error);
  GHashTable *accounts;

  if (list == NULL)
    return NULL;
  accounts = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                    (GDestroyNotify) daftari_account_free);
  for (guint i = 0; i < list->len; i++)
    {
      DaftariAccount *account = g_ptr_array_index (list, i);
      g_hash_table_insert (accounts, &account->id, account);
    }
  g_ptr_array_set_free_func (list, NULL);
  return accounts;
}

/* ---- Pages ---------------------------------------------------------- */

#define Q8   "?,?,?,?,?,?,?,?"
#define Q32  Q8 "," Q8 "," Q8 "," Q8
#define Q128 Q32 "," Q32 "," Q32 "," Q32
G_STATIC_ASSERT (DAFTARI_LEDGER_PAGE_SIZE == 128);

/* Whether a receipt is kept with a row: one look-up in txn_attachment's
 * primary key each (txn_id leads it). */
static const char page_txns_sql[] =
  "SELECT id, ts, kind, memo, payee, channel, counterparty, reference, voided,"
  " EXISTS (SELECT 1 FROM txn_attachment l WHERE l.txn_id = txn.id) FROM txn"
  " WHERE id IN (" Q128 ")";
static const char page_splits_sql[] =
  "SELECT txn_id, account_id, amount, value, role FROM split"
  " WHERE txn_id IN (" Q128 ") ORDER BY txn_id, n";
/* What an account moved later in a second than a transaction: the list
 * orders by time, then by number. */
static const char later_in_second_sql[] =
  "SELECT coalesce (sum (amount), 0) FROM split WHERE account_id = ?1 AND ts = ?2 AND txn_id > ?3";
/* An account's splits between two times, in that order. */
static const char segment_moves_sql[] =
  "SELECT ts, txn_id, amount FROM split WHERE account_id = ?1 AND ts BETWEEN ?2 AND ?3 ORDER BY ts, txn_id";

static void
bind_ids (sqlite3_stmt *stmt, const gint64 *ids, guint n)
{
  for (guint i = 0; i < DAFTARI_LEDGER_PAGE_SIZE; i++)
    if (i < n)
      sqlite3_bind_int64 (stmt, i + 1, ids[i]);
    else
      sqlite3_bind_null (stmt, i + 1);
}

static DaftariTxn *
txn_from_row (sqlite3_stmt *stmt)
{
  DaftariTxnKind kind = DAFTARI_TXN_GENERAL;
  DaftariTxn *txn;

  daftari_txn_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &kind);
  txn = daftari_txn_new (kind, sqlite3_column_int64 (stmt, 1));
  txn->id = sqlite3_column_int64 (stmt, 0);
  daftari_txn_set_text (&txn->memo, (const char *) sqlite3_column_text (stmt, 3));
  daftari_txn_set_text (&txn->payee, (const char *) sqlite3_column_text (stmt, 4));
  daftari_txn_set_text (&txn->channel, (const char *) sqlite3_column_text (stmt, 5));
  daftari_txn_set_text (&txn->counterparty, (const char *) sqlite3_column_text (stmt, 6));
  daftari_txn_set_text (&txn->reference, (const char *) sqlite3_column_text (stmt, 7));
  txn->voided = sqlite3_column_int (stmt, 8);
  return txn;
}

static gboolean
step_error (DaftariBook *book, sqlite3_stmt *stmt, int rc, GError **error)
{
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  daftari_db_set_error (error, daftari_book_get_db (book), rc);
  return FALSE;
}

/* The transactions of ids (with their splits) by id; an id the book no
 * longer has is simply absent. Those with a receipt are added to
 * with_receipt (keys point into the returned transactions). */
static GHashTable *
fetch_txns (DaftariBook *book, const gint64 *ids, guint n, GHashTable *with_receipt, GError **error)
{
  sqlite3_stmt *head = daftari_book_prepare (book, page_txns_sql, error);
  sqlite3_stmt *legs = head ? daftari_book_prepare (book, page_splits_sql, error) : NULL;
  g_autoptr(GHashTable) txns = NULL;
  int rc;

  if (legs == NULL)
    return NULL;
  txns = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) daftari_txn_free);
  bind_ids (head, ids, n);
  while ((rc = sqlite3_step (head)) == SQLITE_ROW)
    {
      DaftariTxn *txn = txn_from_row (head);
      g_hash_table_insert (txns, &txn->id, txn);
      if (sqlite3_column_int (head, 9))
        g_hash_table_add (with_receipt, &txn->id);
    }
  if (!step_error (book, head, rc, error))
    return NULL;
  bind_ids (legs, ids, n);
  while ((rc = sqlite3_step (legs)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (legs, 0);
      DaftariTxn *txn = g_hash_table_lookup (txns, &id);
      if (txn != NULL)
        daftari_txn_add_split (txn, sqlite3_column_int64 (legs, 1), sqlite3_column_int64 (legs, 2),
                               sqlite3_column_int64 (legs, 3), sqlite3_column_int (legs, 4));
    }
  if (!step_error (book, legs, rc, error))
    return NULL;
  return g_steal_pointer (&txns);
}

static gboolean
later_in_second (DaftariBook *book, gint64 account_id, gint64 ts, gint64 id, gint64 *out_sum,
                 GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book, later_in_second_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int64 (stmt, 2, ts);
  sqlite3_bind_int64 (stmt, 3, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_sum = sqlite3_column_int64 (stmt, 0);
  else
    daftari_db_set_error (error, daftari_book_get_db (book), rc);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

/* The account's balance just after (ts, id): all of its second from
 * daftari_query_balance(), less what came later in that second. */
static gboolean
balance_after (DaftariBook *book, gint64 account_id, gint64 ts, gint64 id, gint64 *out_balance,
               GError **error)
{
  gint64 through_second, later;

  return daftari_query_balance (book, account_id, ts, &through_second, error) &&
         later_in_second (book, account_id, ts, id, &later, error) &&
         daftari_money_sub (through_second, later, out_balance, error);
}

/* Whether txn lists after (ts, id): later, or in the same second with a
 * higher number. */
static gboolean
is_after (const DaftariTxn *txn, gint64 ts, gint64 id)
{
  return txn->ts > ts || (txn->ts == ts && txn->id > id);
}

/* Whether a split at (ts, id) lists after txn. */
static gboolean
is_after_split (gint64 ts, gint64 id, const DaftariTxn *txn)
{
  return ts > txn->ts || (ts == txn->ts && id > txn->id);
}

/* The next slot (towards newer rows, i.e. lower indices) holding a row. */
static int
next_row (DaftariTxn **slots, int i)
{
  while (--i >= 0 && slots[i] == NULL)
    ;
  return i;
}

/* Balances of the rows from slot first down to slot last (newer), all in
 * one month and in order: from the account's balance after the first, add
 * its splits up to each row, read in one pass over the covering index. */
static gboolean
segment_balances (DaftariLedgerRows *rows, DaftariTxn **slots, int first, int last, gint64 *balances,
                  GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (rows->book, segment_moves_sql, error);
  const DaftariTxn *from = slots[first];
  gboolean ok = TRUE;
  gint64 balance;
  int k, rc = SQLITE_DONE;

  if (stmt == NULL || !balance_after (rows->book, rows->focus->id, from->ts, from->id, &balance, error))
    return FALSE;
  balances[first] = balance;
  k = next_row (slots, first);
  sqlite3_bind_int64 (stmt, 1, rows->focus->id);
  sqlite3_bind_int64 (stmt, 2, from->ts);
  sqlite3_bind_int64 (stmt, 3, slots[last]->ts);
  while (ok && k >= last && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 ts = sqlite3_column_int64 (stmt, 0), id = sqlite3_column_int64 (stmt, 1);

      if (!is_after_split (ts, id, from))
        continue;
      /* Every row before this split has all it will get. */
      for (; k >= last && is_after_split (ts, id, slots[k]); k = next_row (slots, k))
        balances[k] = balance;
      ok = daftari_money_add (balance, sqlite3_column_int64 (stmt, 2), &balance, error);
    }
  sqlite3_reset (stmt);
  if (!ok)
    return FALSE;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      daftari_db_set_error (error, daftari_book_get_db (rows->book), rc);
      return FALSE;
    }
  for (; k >= last; k = next_row (slots, k))
    balances[k] = balance;
  return TRUE;
}

/* Running balances of the page's rows (slots newest first), walked oldest
 * first in runs of one month: each run starts from daftari_query_balance()
 * and adds what the account moved up to each row (rows the filter hides
 * included), so a page costs a query and a scan of at most a month's
 * splits per month it spans, dense or sparse. */
static gboolean
page_balances (DaftariLedgerRows *rows, DaftariTxn **slots, guint n, gint64 *balances, GError **error)
{
  DaftariCalendar *calendar = daftari_book_get_calendar (rows->book);
  int first = next_row (slots, n);

  if (!daftari_book_sync (rows->book, error))
    return FALSE;
  while (first >= 0)
    {
      DaftariMonth month = daftari_calendar_month_of (calendar, slots[first]->ts);
      int last = first, k;

      /* Extend the run while rows stay in the month and in order (they
       * would not only if the book changed since the ids were read). */
      while ((k = next_row (slots, last)) >= 0 &&
             is_after (slots[k], slots[last]->ts, slots[last]->id) &&
             daftari_calendar_month_of (calendar, slots[k]->ts) == month)
        last = k;
      if (!segment_balances (rows, slots, first, last, balances, error))
        return FALSE;
      first = next_row (slots, last);
    }
  return TRUE;
}

/* ---- Items ---------------------------------------------------------- */

static const char *
kind_label (DaftariTxnKind kind)
{
  switch (kind)
    {
    case DAFTARI_TXN_OPENING:
      return _("Opening balance");
    case DAFTARI_TXN_INCOME:
      return _("Money in");
    case DAFTARI_TXN_EXPENSE:
      return _("Money out");
    case DAFTARI_TXN_TRANSFER:
      return _("Transfer");
    case DAFTARI_TXN_PAYMENT:
      return _("Payment");
    case DAFTARI_TXN_GENERAL:
    default:
      return _("Entry");
    }
}

/* The memo, else the payee, else who was paid, else what kind it is. */
static char *
describe (const DaftariTxn *txn)
{
  if (*txn->memo)
    return g_strdup (txn->memo);
  if (*txn->payee)
    return g_strdup (txn->payee);
  if (*txn->counterparty)
    {
      if (g_str_equal (txn->channel, "paybill"))
        return g_strdup_printf (_("Paybill %s, account %s"), txn->counterparty, txn->reference);
      if (g_str_equal (txn->channel, "till"))
        return g_strdup_printf (_("Till %s"), txn->counterparty);
      if (g_str_equal (txn->channel, "pochi"))
        return g_strdup_printf (_("Pochi la Biashara %s"), txn->counterparty);
      return g_strdup (txn->counterparty);
    }
  return g_strdup (kind_label (txn->kind));
}

static const DaftariAccount *
lookup_account (DaftariLedgerRows *rows, gint64 id)
{
  DaftariAccount *account = g_hash_table_lookup (rows->accounts, &id);

  /* Added since the model was loaded. */
  if (account == NULL && (account = daftari_account_get (rows->book, id, NULL)) != NULL)
    g_hash_table_insert (rows->accounts, &account->id, account);
  return account;
}

/* "A, B" from accounts, each once. */
static void
join_names (GString *out, GPtrArray *accounts)
{
  for (guint i = 0; i < accounts->len; i++)
    {
      const DaftariAccount *account = g_ptr_array_index (accounts, i);
      g_string_append_printf (out, "%s%s", i ? ", " : "", account ? account->name : _("Unknown account"));
    }
}

/* "M-PESA → KCB Business": the accounts money left and entered, fees aside. */
static char *
flow (DaftariLedgerRows *rows, const DaftariTxn *txn)
{
  g_autoptr(GPtrArray) from = g_ptr_array_new ();
  g_autoptr(GPtrArray) to = g_ptr_array_new ();
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < txn->splits->len; i++)
    {
      const DaftariSplit *split = daftari_txn_get_split (txn, i);
      const DaftariAccount *account;
      GPtrArray *side = split->amount < 0 ? from : to;

      if (split->role == DAFTARI_SPLIT_FEE || split->amount == 0)
        continue;
      account = lookup_account (rows, split->account_id);
      if (!g_ptr_array_find (side, account, NULL))
        g_ptr_array_add (side, (gpointer) account);
    }
  join_names (text, from);
  if (from->len && to->len)
    g_string_append (text, " → ");
  join_names (text, to);
  return g_string_free (text, FALSE);
}

/* What the focused account moved in txn (saturating: the ledger never
 * lets a balance overflow, so this never does either). */
static gint64
focus_amount (DaftariLedgerRows *rows, const DaftariTxn *txn)
{
  gint64 sum = 0;

  for (guint i = 0; i < txn->splits->len; i++)
    {
      const DaftariSplit *split = daftari_txn_get_split (txn, i);
      if (split->account_id == rows->focus->id && __builtin_add_overflow (sum, split->amount, &sum))
        return split->amount < 0 ? G_MININT64 : G_MAXINT64;
    }
  return sum;
}

/* Income, liabilities and equity grow with credits: shown sign-flipped,
 * as daftari_query_monthly_series() does. */
static gint64
as_read (DaftariLedgerRows *rows, gint64 amount)
{
  if (!daftari_account_kind_is_credit (rows->focus->kind))
    return amount;
  return amount == G_MININT64 ? G_MAXINT64 : -amount;
}

static DaftariLedgerItem *
make_item (DaftariLedgerRows *rows, const DaftariTxn *txn, gint64 balance, gboolean has_receipt)
{
  DaftariLedgerItem *item = g_object_new (DAFTARI_TYPE_LEDGER_ITEM, NULL);
  const DaftariCommodity *commodity = rows->focus ? rows->focus->commodity
                                                  : daftari_book_get_currency (rows->book);

  item->id = txn->id;
  item->ts = txn->ts;
  item->date = daftari_calendar_format_date (daftari_book_get_calendar (rows->book), txn->ts);
  item->kind = daftari_txn_kind_to_string (txn->kind);
  item->description = describe (txn);
  item->accounts = flow (rows, txn);
  item->voided = txn->voided;
  item->has_receipt = has_receipt;
  /* A void keeps its row but not its splits: it moved nothing. */
  item->amount_minor = rows->focus ? as_read (rows, focus_amount (rows, txn))
                                   : daftari_txn_get_principal (txn);
  item->amount = txn->voided ? g_strdup ("") : daftari_money_format (item->amount_minor, commodity, 0);
  if (rows->focus != NULL)
    {
      item->balance_minor = as_read (rows, balance);
      item->balance = daftari_money_format (item->balance_minor, commodity, 0);
    }
  else
    item->balance = g_strdup ("");
  return item;
}

gboolean
daftari_ledger_rows_fill (DaftariLedgerRows *rows, const gint64 *ids, guint n, DaftariLedgerItem **items,
                          GError **error)
{
  g_autoptr(GHashTable) with_receipt = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) txns = NULL;
  DaftariTxn *slots[DAFTARI_LEDGER_PAGE_SIZE];
  gint64 balances[DAFTARI_LEDGER_PAGE_SIZE] = { 0 };

  g_return_val_if_fail (n <= DAFTARI_LEDGER_PAGE_SIZE, FALSE);
  if ((txns = fetch_txns (rows->book, ids, n, with_receipt, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    slots[i] = g_hash_table_lookup (txns, &ids[i]);
  if (rows->focus != NULL && !page_balances (rows, slots, n, balances, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    items[i] = slots[i] ? make_item (rows, slots[i], balances[i], g_hash_table_contains (with_receipt, &ids[i]))
                        : daftari_ledger_item_new_placeholder (ids[i]);
  return TRUE;
}
