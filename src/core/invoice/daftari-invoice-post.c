/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What invoices do to the books, always through daftari-ledger.c and each
 * operation one SQLite transaction (nested savepoints inside a caller's):
 *
 *   issue:   Accounts Receivable  +total
 *            each income category −net of its lines
 *            VAT payable          −VAT
 *   payment: wallet               +amount
 *            Accounts Receivable  −amount
 *   void:    the issue's splits negated, in a new transaction dated the
 *            void (the month already reported keeps its figures)
 *
 * Allocations of payments to invoices live beside the ledger (they move no
 * money): what a payment does not cover stays as the customer's credit. */
#include "daftari-invoice-private.h"

#include <glib/gi18n-lib.h>

#include "daftari-account.h"
#include "daftari-book-private.h"
#include "daftari-customer.h"
#include "daftari-db.h"
#include "daftari-ledger.h"

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

static DaftariDay
day_add (DaftariDay day, int days)
{
  g_autoptr(GDate) date = g_date_new_dmy (day % 100, (day / 100) % 100, day / 10000);

  g_date_add_days (date, days);
  return g_date_get_year (date) * 10000 + g_date_get_month (date) * 100 + g_date_get_day (date);
}

/* Adds value to the split of account, or a new split. */
static void
credit_account (DaftariTxn *txn, gint64 account_id, gint64 value)
{
  for (guint i = 0; i < txn->splits->len; i++)
    {
      DaftariSplit *split = daftari_txn_get_split (txn, i);
      if (split->account_id == account_id)
        {
          split->amount += value;
          split->value += value;
          return;
        }
    }
  daftari_txn_add_split (txn, account_id, value, value, DAFTARI_SPLIT_NORMAL);
}

static DaftariTxn *
build_issue (DaftariBook *book, const DaftariInvoice *invoice, const char *number, gint64 ts,
             const char *customer, GError **error)
{
  g_autoptr(DaftariAccount) receivable = daftari_account_find_role (book, DAFTARI_ROLE_RECEIVABLE, error);
  g_autoptr(DaftariAccount) vat = receivable ? daftari_account_find_role (book, DAFTARI_ROLE_VAT, error) : NULL;
  g_autoptr(DaftariTxn) txn = NULL;
  g_autofree char *memo = NULL;

  if (vat == NULL)
    return NULL;
  txn = daftari_txn_new (DAFTARI_TXN_GENERAL, ts);
  memo = g_strdup_printf (_("Invoice %s"), number);
  daftari_txn_set_text (&txn->memo, memo);
  daftari_txn_set_text (&txn->payee, customer);
  daftari_txn_set_text (&txn->reference, number);
  daftari_txn_add_split (txn, receivable->id, invoice->totals.total, invoice->totals.total, DAFTARI_SPLIT_NORMAL);
  /* Sums of nets that already fit in the total cannot overflow. */
  for (guint i = 0; i < invoice->lines->len; i++)
    {
      const DaftariInvoiceLine *line = daftari_invoice_get_line (invoice, i);
      if (line->net != 0)
        credit_account (txn, line->category_id, -line->net);
    }
  if (invoice->totals.vat != 0)
    daftari_txn_add_split (txn, vat->id, -invoice->totals.vat, -invoice->totals.vat, DAFTARI_SPLIT_NORMAL);
  return g_steal_pointer (&txn);
}

static gboolean
mark_issued (DaftariBook *book, const DaftariInvoice *invoice, const char *number, int year, gint64 seq,
             gint64 ts, gint64 txn_id, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "UPDATE invoice SET state = 'issued', number = ?, year = ?, seq = ?, issue_ts = ?, due_day = ?,"
      " txn_id = ?, net = ?, vat = ?, total = ? WHERE id = ? AND state = 'draft'", error);
  DaftariDay day = daftari_calendar_day_of (daftari_book_get_calendar (book), ts);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_int64 (stmt, 3, seq);
  sqlite3_bind_int64 (stmt, 4, ts);
  sqlite3_bind_int (stmt, 5, day_add (day, invoice->due_days));
  sqlite3_bind_int64 (stmt, 6, txn_id);
  sqlite3_bind_int64 (stmt, 7, invoice->totals.net);
  sqlite3_bind_int64 (stmt, 8, invoice->totals.vat);
  sqlite3_bind_int64 (stmt, 9, invoice->totals.total);
  sqlite3_bind_int64 (stmt, 10, invoice->id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_CONSTRAINT_UNIQUE)
    {
      g_set_error (error, DAFTARI_INVOICE_ERROR, DAFTARI_INVOICE_ERROR_EXISTS,
                   _("The number %s is already used; check the invoice number pattern"), number);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      daftari_db_set_error (error, daftari_book_get_db (book), rc);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_issuable (DaftariInvoice *invoice, GError **error)
{
  if (invoice->issued)
    {
      g_set_error (error, DAFTARI_INVOICE_ERROR, DAFTARI_INVOICE_ERROR_STATE,
                   _("Invoice %s has already been issued"), invoice->number);
      return FALSE;
    }
  /* The figures were stored by the same rule when saved; computing them
   * again here keeps a hand-edited row from being posted. */
  if (!daftari_invoice_compute (invoice, error))
    return FALSE;
  if (invoice->totals.total <= 0)
    return daftari_invoice_refuse (error, DAFTARI_INVOICE_ERROR_INVALID,
                                   _("An invoice for nothing cannot be issued: its total is zero"));
  return TRUE;
}

static gboolean
issue_inside (DaftariBook *book, gint64 id, gint64 ts, char **out_number, GError **error)
{
  g_autoptr(DaftariInvoice) invoice = daftari_invoice_load (book, id, error);
  g_autoptr(DaftariCustomer) customer = NULL;
  g_autoptr(DaftariTxn) txn = NULL;
  g_autofree char *number = NULL;
  gint64 seq, txn_id;
  int year;

  if (invoice == NULL || !check_issuable (invoice, error) ||
      (customer = daftari_customer_get (book, invoice->customer_id, error)) == NULL ||
      !daftari_invoice_next_number (book, ts, &number, &year, &seq, error) ||
      (txn = build_issue (book, invoice, number, ts, customer->name, error)) == NULL ||
      !daftari_ledger_post (book, txn, &txn_id, error) ||
      !mark_issued (book, invoice, number, year, seq, ts, txn_id, error) ||
      !daftari_customer_apply_credit (book, invoice->customer_id, error))
    return FALSE;
  if (out_number != NULL)
    *out_number = g_steal_pointer (&number);
  return TRUE;
}

gboolean
daftari_invoice_issue (DaftariBook *book, gint64 id, gint64 ts, char **out_number, GError **error)
{
  if (!daftari_book_begin (book, error))
    return FALSE;
  return finish (book, issue_inside (book, id, ts ? ts : daftari_calendar_now (), out_number, error), error);
}

/* ---- Void ---- */

static DaftariTxn *
build_reversal (DaftariBook *book, const DaftariInvoice *invoice, gint64 ts, GError **error)
{
  g_autoptr(DaftariTxn) issued = daftari_ledger_get (book, invoice->txn_id, error);
  g_autoptr(DaftariTxn) txn = NULL;
  g_autofree char *memo = NULL;

  if (issued == NULL)
    return NULL;
  txn = daftari_txn_new (DAFTARI_TXN_GENERAL, MAX (ts, issued->ts));
  memo = g_strdup_printf (_("Void of invoice %s"), invoice->number);
  daftari_txn_set_text (&txn->memo, memo);
  daftari_txn_set_text (&txn->payee, issued->payee);
  daftari_txn_set_text (&txn->reference, invoice->number);
  /* A transaction voided in the ledger itself has no splits left: there is
   * nothing to reverse, and the invoice only changes status. */
  for (guint i = 0; i < issued->splits->len; i++)
    {
      const DaftariSplit *split = daftari_txn_get_split (issued, i);
      daftari_txn_add_split (txn, split->account_id, -split->amount, -split->value, split->role);
    }
  return g_steal_pointer (&txn);
}

static gboolean
mark_void (DaftariBook *book, gint64 id, gint64 void_txn_id, GError **error)
{
  sqlite3_stmt *free_payments = daftari_book_prepare (book,
      "DELETE FROM payment_allocation WHERE invoice_id = ?", error);
  sqlite3_stmt *mark = free_payments ? daftari_book_prepare (book,
      "UPDATE invoice SET state = 'void', void_txn_id = nullif (?, 0) WHERE id = ?", error) : NULL;

  if (mark == NULL)
    return FALSE;
  sqlite3_bind_int64 (free_payments, 1, id);
  sqlite3_bind_int64 (mark, 1, void_txn_id);
  sqlite3_bind_int64 (mark, 2, id);
  return daftari_db_step_done (free_payments, error) && daftari_db_step_done (mark, error);
}

static gboolean
void_inside (DaftariBook *book, gint64 id, gint64 ts, GError **error)
{
  g_autoptr(DaftariInvoice) invoice = daftari_invoice_load (book, id, error);
  g_autoptr(DaftariTxn) reversal = NULL;
  gint64 void_txn_id = 0;

  if (invoice == NULL)
    return FALSE;
  if (!invoice->issued)
    return daftari_invoice_refuse (error, DAFTARI_INVOICE_ERROR_STATE,
                                   _("A draft has no entries to void; delete it instead"));
  if (invoice->voided)
    {
      g_set_error (error, DAFTARI_INVOICE_ERROR, DAFTARI_INVOICE_ERROR_STATE,
                   _("Invoice %s is already void"), invoice->number);
      return FALSE;
    }
  if ((reversal = build_reversal (book, invoice, ts, error)) == NULL)
    return FALSE;
  if (reversal->splits->len > 0 && !daftari_ledger_post (book, reversal, &void_txn_id, error))
    return FALSE;
  return mark_void (book, id, void_txn_id, error);
}

gboolean
daftari_invoice_void (DaftariBook *book, gint64 id, gint64 ts, GError **error)
{
  if (!daftari_book_begin (book, error))
    return FALSE;
  return finish (book, void_inside (book, id, ts ? ts : daftari_calendar_now (), error), error);
}

/* ---- Payments and their allocation ---- */

/* What an invoice still owes, read inside the write. */
static gboolean
owed (DaftariBook *book, gint64 invoice_id, gint64 *out, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT total - (SELECT coalesce (sum (amount), 0) FROM payment_allocation WHERE invoice_id = ?1)"
      " FROM invoice WHERE id = ?1 AND state = 'issued'", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  rc = sqlite3_step (stmt);
  *out = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;
  daftari_db_set_error (error, daftari_book_get_db (book), rc);
  return FALSE;
}

gboolean
daftari_customer_payment_allocate (DaftariBook *book, gint64 payment_id, gint64 invoice_id, gint64 *inout_left,
                                   GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "INSERT INTO payment_allocation (payment_id, invoice_id, amount) VALUES (?, ?, ?)"
      " ON CONFLICT (payment_id, invoice_id) DO UPDATE SET amount = amount + excluded.amount", error);
  gint64 due, take;

  if (stmt == NULL || !owed (book, invoice_id, &due, error))
    return FALSE;
  take = MIN (due, *inout_left);
  if (take <= 0)
    return TRUE;
  sqlite3_bind_int64 (stmt, 1, payment_id);
  sqlite3_bind_int64 (stmt, 2, invoice_id);
  sqlite3_bind_int64 (stmt, 3, take);
  if (!daftari_db_step_done (stmt, error))
    return FALSE;
  *inout_left -= take;
  return TRUE;
}

/* The customer's open invoices, the oldest due first. */
static GArray *
open_invoices (DaftariBook *book, gint64 customer_id, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT id FROM invoice WHERE customer_id = ? AND state = 'issued' AND total >"
      " (SELECT coalesce (sum (amount), 0) FROM payment_allocation WHERE invoice_id = invoice.id)"
      " ORDER BY due_day, issue_ts, id", error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftari_db_set_error (error, daftari_book_get_db (book), rc);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static gboolean
allocate_oldest (DaftariBook *book, gint64 customer_id, gint64 payment_id, gint64 *inout_left, GError **error)
{
  g_autoptr(GArray) ids = open_invoices (book, customer_id, error);

  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len && *inout_left > 0; i++)
    if (!daftari_customer_payment_allocate (book, payment_id, g_array_index (ids, gint64, i), inout_left, error))
      return FALSE;
  return TRUE;
}

/* Checks the invoices named and returns their customer. */
static gboolean
check_targets (DaftariBook *book, const DaftariPaymentSpec *spec, gint64 *out_customer, char **out_ref,
               GError **error)
{
  *out_customer = spec->customer_id;
  for (guint i = 0; i < spec->n_invoices; i++)
    {
      g_autoptr(DaftariInvoice) invoice = daftari_invoice_load (book, spec->invoice_ids[i], error);
      if (invoice == NULL)
        return FALSE;
      if (!invoice->issued || invoice->voided)
        return daftari_invoice_refuse (error, DAFTARI_INVOICE_ERROR_STATE,
                                       invoice->voided ? _("A void invoice cannot be paid")
                                                       : _("A draft cannot be paid: issue it first"));
      if (*out_customer == 0)
        *out_customer = invoice->customer_id;
      if (invoice->customer_id != *out_customer)
        return daftari_invoice_refuse (error, DAFTARI_INVOICE_ERROR_INVALID,
                                       _("One payment can only settle invoices of one customer"));
      if (*out_ref == NULL)
        *out_ref = g_strdup (invoice->number);
    }
  if (*out_customer == 0)
    return daftari_invoice_refuse (error, DAFTARI_INVOICE_ERROR_INVALID, _("A payment needs a customer"));
  return TRUE;
}

static DaftariTxn *
build_payment (DaftariBook *book, const DaftariPaymentSpec *spec, const DaftariCustomer *customer,
               const char *reference, GError **error)
{
  g_autoptr(DaftariAccount) wallet = daftari_account_get (book, spec->wallet_id, error);
  g_autoptr(DaftariAccount) receivable = NULL;
  g_autoptr(DaftariTxn) txn = NULL;
  g_autofree char *memo = NULL;

  if (wallet == NULL)
    return NULL;
  if (!daftari_account_kind_is_wallet (wallet->kind) || wallet->commodity != daftari_book_get_currency (book))
    {
      g_set_error (error, DAFTARI_INVOICE_ERROR, DAFTARI_INVOICE_ERROR_INVALID,
                   _("“%s” cannot receive an invoice payment: use a wallet in %s"), wallet->name,
                   daftari_book_get_currency (book)->code);
      return NULL;
    }
  if ((receivable = daftari_account_find_role (book, DAFTARI_ROLE_RECEIVABLE, error)) == NULL)
    return NULL;
  txn = daftari_txn_new (DAFTARI_TXN_GENERAL, spec->ts ? spec->ts : daftari_calendar_now ());
  memo = spec->memo ? g_strdup (spec->memo)
                    : reference ? g_strdup_printf (_("Payment for invoice %s"), reference)
                                : g_strdup_printf (_("Payment from %s"), customer->name);
  daftari_txn_set_text (&txn->memo, memo);
  daftari_txn_set_text (&txn->payee, customer->name);
  daftari_txn_set_text (&txn->reference, reference);
  daftari_txn_add_split (txn, wallet->id, spec->amount, spec->amount, DAFTARI_SPLIT_NORMAL);
  daftari_txn_add_split (txn, receivable->id, -spec->amount, -spec->amount, DAFTARI_SPLIT_NORMAL);
  return g_steal_pointer (&txn);
}

gboolean
daftari_customer_payment_insert (DaftariBook *book, gint64 customer_id, gint64 txn_id, gint64 wallet_id, gint64 ts,
                                 gint64 amount, gint64 *out_id, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "INSERT INTO customer_payment (customer_id, txn_id, wallet_id, ts, amount) VALUES (?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int64 (stmt, 2, txn_id);
  sqlite3_bind_int64 (stmt, 3, wallet_id);
  sqlite3_bind_int64 (stmt, 4, ts);
  sqlite3_bind_int64 (stmt, 5, amount);
  if (!daftari_db_step_done (stmt, error))
    return FALSE;
  *out_id = sqlite3_last_insert_rowid (daftari_book_get_db (book));
  return TRUE;
}

static gboolean
receive_inside (DaftariBook *book, const DaftariPaymentSpec *spec, gint64 *out_payment_id, gint64 *out_left,
                GError **error)
{
  g_autoptr(DaftariCustomer) customer = NULL;
  g_autoptr(DaftariTxn) txn = NULL;
  g_autofree char *reference = NULL;
  gint64 customer_id, payment_id, left = spec->amount;

  if (spec->amount <= 0)
    return daftari_invoice_refuse (error, DAFTARI_INVOICE_ERROR_INVALID, _("The amount must be more than zero"));
  if (!check_targets (book, spec, &customer_id, &reference, error) ||
      (customer = daftari_customer_get (book, customer_id, error)) == NULL ||
      (txn = build_payment (book, spec, customer, reference, error)) == NULL ||
      !daftari_ledger_post (book, txn, NULL, error) ||
      !daftari_customer_payment_insert (book, customer_id, txn->id, spec->wallet_id, txn->ts, spec->amount,
                                        &payment_id, error))
    return FALSE;
  for (guint i = 0; i < spec->n_invoices && left > 0; i++)
    if (!daftari_customer_payment_allocate (book, payment_id, spec->invoice_ids[i], &left, error))
      return FALSE;
  if (spec->allocate_oldest && left > 0 && !allocate_oldest (book, customer_id, payment_id, &left, error))
    return FALSE;
  if (out_payment_id != NULL)
    *out_payment_id = payment_id;
  if (out_left != NULL)
    *out_left = left;
  return TRUE;
}

gboolean
daftari_invoice_receive_payment (DaftariBook *book, const DaftariPaymentSpec *spec, gint64 *out_payment_id,
                                 gint64 *out_credit_left, GError **error)
{
  if (!daftari_book_begin (book, error))
    return FALSE;
  return finish (book, receive_inside (book, spec, out_payment_id, out_credit_left, error), error);
}

/* Payments with money not yet allocated, oldest first. */
static GArray *
unallocated_payments (DaftariBook *book, gint64 customer_id, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT id, amount - (SELECT coalesce (sum (amount), 0) FROM payment_allocation WHERE payment_id = p.id)"
      " AS remaining FROM customer_payment p WHERE customer_id = ? AND remaining > 0 ORDER BY ts, id", error);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row[2] = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };
      g_array_append_vals (rows, row, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftari_db_set_error (error, daftari_book_get_db (book), rc);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

static gboolean
apply_credit_inside (DaftariBook *book, gint64 customer_id, GError **error)
{
  g_autoptr(GArray) payments = unallocated_payments (book, customer_id, error);

  if (payments == NULL)
    return FALSE;
  for (guint i = 0; i < payments->len; i++)
    {
      gint64 *row = &g_array_index (payments, gint64, i * 2);
      gint64 left = row[1];
      if (!allocate_oldest (book, customer_id, row[0], &left, error))
        return FALSE;
      if (left > 0)
        break;  /* no open invoice is left to take more */
    }
  return TRUE;
}

gboolean
daftari_customer_apply_credit (DaftariBook *book, gint64 customer_id, GError **error)
{
  if (!daftari_book_begin (book, error))
    return FALSE;
  return finish (book, apply_credit_inside (book, customer_id, error), error);
}
