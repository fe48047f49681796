/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Settling a payment with invoices, and taking it back. The payment's own
 * transaction is re-expressed (daftari_ledger_replace: the audit trail
 * keeps the income it was) as wallet ← Accounts Receivable, then it is
 * recorded as the customer's payment and allocated, all in one write. */
#include "daftari-reconcile-private.h"

#include <glib/gi18n-lib.h>

#include "daftari-account.h"
#include "daftari-book-private.h"
#include "daftari-db.h"
#include "daftari-error.h"
#include "daftari-invoice-private.h"
#include "daftari-ledger.h"
#include "daftari-reconcile-text.h"

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

/* The income legs become one Accounts Receivable leg; wallets and fees
 * stay. Returns the income category it was (the first), for undo. */
static DaftariTxn *
as_customer_payment (DaftariBook *book, const DaftariTxn *income, gint64 receivable, gint64 *out_category,
                     GError **error)
{
  g_autoptr(DaftariTxn) txn = daftari_txn_copy (income);
  gint64 credited = 0;

  *out_category = 0;
  g_array_set_size (txn->splits, 0);
  for (guint i = 0; i < income->splits->len; i++)
    {
      const DaftariSplit *split = daftari_txn_get_split (income, i);
      g_autoptr(DaftariAccount) account = daftari_account_get (book, split->account_id, error);
      if (account == NULL)
        return NULL;
      if (account->kind == DAFTARI_ACCOUNT_INCOME)
        {
          credited += split->value;
          if (*out_category == 0)
            *out_category = account->id;
        }
      else
        daftari_txn_add_split (txn, split->account_id, split->amount, split->value, split->role);
    }
  daftari_txn_add_split (txn, receivable, credited, credited, DAFTARI_SPLIT_NORMAL);
  txn->kind = DAFTARI_TXN_GENERAL;
  return g_steal_pointer (&txn);
}

/* What the invoice still owes, and whose it is; refuses one that is not
 * open. */
static gboolean
open_invoice (DaftariBook *book, gint64 invoice_id, gint64 customer_id, gint64 *out_owed, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT number, customer_id, state, total - (SELECT coalesce (sum (amount), 0) FROM payment_allocation"
      " WHERE invoice_id = ?1) FROM invoice WHERE id = ?1", error);
  g_autofree char *number = NULL;
  gboolean issued = FALSE;
  gint64 owner = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      number = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      owner = sqlite3_column_int64 (stmt, 1);
      issued = g_str_equal ((const char *) sqlite3_column_text (stmt, 2), "issued");
      *out_owed = sqlite3_column_int64 (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return daftari_reconcile_sql_failed (book, error);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_NOT_FOUND,
                   _("There is no invoice %lld"), (long long) invoice_id);
      return FALSE;
    }
  if (!issued || *out_owed <= 0 || owner != customer_id)
    {
      g_set_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_INVALID,
                   owner != customer_id ? _("Invoice %s is another customer’s; one payment settles one customer’s invoices")
                   : !issued ? _("Invoice %s is not open (a draft or void): it cannot take a payment")
                             : _("Invoice %s is already paid"),
                   number != NULL ? number : "?");
      return FALSE;
    }
  return TRUE;
}

/* The candidate's rows in reconcile_match: its invoices now in state, the
 * payment's other waiting suggestions gone. */
static gboolean
record_match (DaftariBook *book, const DaftariReconcileSource *source, const DaftariReconcileCandidate *c,
              const gint64 *taken, const char *state, gint64 category, GError **error)
{
  sqlite3_stmt *drop = daftari_book_prepare (book,
      "DELETE FROM reconcile_match WHERE txn_id = ? AND state = 'review'", error);
  sqlite3_stmt *insert = drop ? daftari_book_prepare (book,
      "INSERT INTO reconcile_match (txn_id, invoice_id, amount, confidence, reasons, state, created, rank,"
      " category_id) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)", error) : NULL;
  g_autofree char *reasons = daftari_match_reasons_keys (c->reasons);

  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (drop, 1, source->txn_id);
  if (!daftari_db_step_done (drop, error))
    return FALSE;
  for (guint i = 0; i < c->n_invoices; i++)
    {
      sqlite3_bind_int64 (insert, 1, source->txn_id);
      sqlite3_bind_int64 (insert, 2, c->invoice_ids[i]);
      sqlite3_bind_int64 (insert, 3, taken[i]);
      sqlite3_bind_int (insert, 4, CLAMP (c->confidence, 0, 100));
      sqlite3_bind_text (insert, 5, reasons, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 6, state, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 7, g_get_real_time () / G_USEC_PER_SEC);
      sqlite3_bind_int64 (insert, 8, category);
      if (!daftari_db_step_done (insert, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
learn_alias (DaftariBook *book, DaftariAliasKind kind, const char *text, gint64 customer_id, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "INSERT INTO payer_alias (kind, key, customer_id, created) VALUES (?, ?, ?, ?)"
      " ON CONFLICT (kind, key) DO UPDATE SET customer_id = excluded.customer_id, created = excluded.created", error);
  g_autofree char *key = daftari_alias_key (kind, text);

  if (stmt == NULL)
    return FALSE;
  if (key == NULL)
    return TRUE;
  /* An invoice number names an invoice, not a payer. */
  if (kind == DAFTARI_ALIAS_REFERENCE && daftari_reference_is_invoice_number (text))
    return TRUE;
  sqlite3_bind_text (stmt, 1, daftari_alias_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, customer_id);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time () / G_USEC_PER_SEC);
  return daftari_db_step_done (stmt, error);
}

static gboolean
learn (DaftariBook *book, const DaftariReconcileSource *source, gint64 customer_id, GError **error)
{
  return learn_alias (book, DAFTARI_ALIAS_PHONE, source->phone, customer_id, error) &&
         learn_alias (book, DAFTARI_ALIAS_NAME, source->payer, customer_id, error) &&
         learn_alias (book, DAFTARI_ALIAS_REFERENCE, source->reference, customer_id, error);
}

static gboolean
apply_inside (DaftariBook *book, const DaftariReconcileSource *source, const DaftariReconcileCandidate *c,
              const char *state, gboolean learn_payer, GError **error)
{
  g_autoptr(DaftariAccount) receivable = daftari_account_find_role (book, DAFTARI_ROLE_RECEIVABLE, error);
  g_autoptr(DaftariTxn) income = NULL;
  g_autoptr(DaftariTxn) payment = NULL;
  gint64 taken[DAFTARI_RECONCILE_MAX_INVOICES] = { 0 };
  gint64 category, payment_id, left = source->amount;

  if (receivable == NULL || (income = daftari_ledger_get (book, source->txn_id, error)) == NULL ||
      (payment = as_customer_payment (book, income, receivable->id, &category, error)) == NULL ||
      !daftari_ledger_replace (book, source->txn_id, payment, error) ||
      !daftari_customer_payment_insert (book, c->customer_id, source->txn_id, source->wallet_id, source->ts,
                                        source->amount, &payment_id, error))
    return FALSE;
  /* Each invoice takes up to what it owes now; the rest is credit. */
  for (guint i = 0; i < c->n_invoices; i++)
    {
      gint64 owed = 0, before = left;
      if (!open_invoice (book, c->invoice_ids[i], c->customer_id, &owed, error) ||
          !daftari_customer_payment_allocate (book, payment_id, c->invoice_ids[i], &left, error))
        return FALSE;
      taken[i] = before - left;
    }
  return record_match (book, source, c, taken, state, category, error) &&
         (!learn_payer || learn (book, source, c->customer_id, error));
}

gboolean
daftari_reconcile_apply (DaftariBook *book, const DaftariReconcileSource *source,
                         const DaftariReconcileCandidate *candidate, const char *state, gboolean learn_payer,
                         GError **error)
{
  if (candidate->n_invoices == 0 || candidate->n_invoices > DAFTARI_RECONCILE_MAX_INVOICES)
    {
      g_set_error_literal (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                           _("A match needs one to eight invoices"));
      return FALSE;
    }
  if (!daftari_book_begin (book, error))
    return FALSE;
  return finish (book, apply_inside (book, source, candidate, state, learn_payer, error), error);
}

/* ---- Undo ---- */

static gboolean
settled_by_reconcile (DaftariBook *book, gint64 txn_id, gint64 *out_category, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT category_id FROM reconcile_match WHERE txn_id = ? AND state IN ('applied', 'accepted')"
      " AND category_id IS NOT NULL LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, txn_id);
  rc = sqlite3_step (stmt);
  *out_category = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return daftari_reconcile_sql_failed (book, error);
  g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_NOT_FOUND,
               _("Transaction %lld was not settled by reconciliation; nothing to undo"), (long long) txn_id);
  return FALSE;
}

static gboolean
forget_payment (DaftariBook *book, gint64 txn_id, GError **error)
{
  sqlite3_stmt *allocations = daftari_book_prepare (book,
      "DELETE FROM payment_allocation WHERE payment_id IN (SELECT id FROM customer_payment WHERE txn_id = ?)", error);
  sqlite3_stmt *payment = allocations ? daftari_book_prepare (book,
      "DELETE FROM customer_payment WHERE txn_id = ?", error) : NULL;
  sqlite3_stmt *matches = payment ? daftari_book_prepare (book,
      "UPDATE reconcile_match SET state = 'rejected' WHERE txn_id = ? AND state IN ('applied', 'accepted')",
      error) : NULL;

  if (matches == NULL)
    return FALSE;
  sqlite3_bind_int64 (allocations, 1, txn_id);
  sqlite3_bind_int64 (payment, 1, txn_id);
  sqlite3_bind_int64 (matches, 1, txn_id);
  return daftari_db_step_done (allocations, error) && daftari_db_step_done (payment, error) &&
         daftari_db_step_done (matches, error);
}

/* The receivable leg goes back to the income category it came from. */
static gboolean
undo_inside (DaftariBook *book, gint64 txn_id, GError **error)
{
  g_autoptr(DaftariAccount) receivable = daftari_account_find_role (book, DAFTARI_ROLE_RECEIVABLE, error);
  g_autoptr(DaftariTxn) txn = NULL;
  gint64 category;

  if (receivable == NULL || !settled_by_reconcile (book, txn_id, &category, error) ||
      (txn = daftari_ledger_get (book, txn_id, error)) == NULL || !forget_payment (book, txn_id, error))
    return FALSE;
  for (guint i = 0; i < txn->splits->len; i++)
    if (daftari_txn_get_split (txn, i)->account_id == receivable->id)
      daftari_txn_get_split (txn, i)->account_id = category;
  txn->kind = DAFTARI_TXN_INCOME;
  return daftari_ledger_replace (book, txn_id, txn, error);
}

gboolean
daftari_reconcile_undo (DaftariBook *book, gint64 txn_id, GError **error)
{
  if (!daftari_book_begin (book, error))
    return FALSE;
  return finish (book, undo_inside (book, txn_id, error), error);
}
