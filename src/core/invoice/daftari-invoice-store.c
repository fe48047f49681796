/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Invoices in the book: drafts saved and edited, invoices loaded and listed.
 * Figures are stored as computed when the draft was last saved: once issued
 * an invoice's figures never change, whatever a later Daftari computes. */
#include "daftari-invoice-private.h"

#include <glib/gi18n-lib.h>

#include "daftari-account.h"
#include "daftari-book-private.h"
#include "daftari-customer.h"
#include "daftari-db.h"

gboolean
daftari_invoice_refuse (GError **error, DaftariInvoiceError code, const char *message)
{
  g_set_error_literal (error, DAFTARI_INVOICE_ERROR, code, message);
  return FALSE;
}

static gboolean
load_lines (DaftariBook *book, DaftariInvoice *invoice, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT description, quantity, unit_price, discount_kind, discount_value, vat_rate, category_id,"
      " amount, share, net, vat FROM invoice_line WHERE invoice_id = ? ORDER BY n", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, invoice->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftariInvoiceLine *line = daftari_invoice_add_line (invoice, (const char *) sqlite3_column_text (stmt, 0));
      const char *rate = (const char *) sqlite3_column_text (stmt, 5);

      line->quantity = sqlite3_column_int64 (stmt, 1);
      line->unit_price = sqlite3_column_int64 (stmt, 2);
      line->discount.kind = sqlite3_column_int (stmt, 3);
      line->discount.value = sqlite3_column_int64 (stmt, 4);
      daftari_vat_rate_parse (rate, &line->vat_rate, NULL);
      line->category_id = sqlite3_column_int64 (stmt, 6);
      line->amount = sqlite3_column_int64 (stmt, 7);
      line->invoice_discount = sqlite3_column_int64 (stmt, 8);
      line->net = sqlite3_column_int64 (stmt, 9);
      line->vat = sqlite3_column_int64 (stmt, 10);
      invoice->totals.lines_amount += line->amount;
      invoice->totals.discount += line->invoice_discount;
      invoice->totals.net_by_rate[line->vat_rate] += line->net;
      invoice->totals.vat_by_rate[line->vat_rate] += line->vat;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftari_db_set_error (error, daftari_book_get_db (book), rc);
      return FALSE;
    }
  return TRUE;
}

DaftariInvoice *
daftari_invoice_from_row (DaftariBook *book, sqlite3_stmt *stmt, gboolean with_lines, GError **error)
{
  g_autoptr(DaftariInvoice) invoice = daftari_invoice_new ();
  const char *state = (const char *) sqlite3_column_text (stmt, 2);

  invoice->id = sqlite3_column_int64 (stmt, 0);
  invoice->customer_id = sqlite3_column_int64 (stmt, 1);
  invoice->issued = !g_str_equal (state, "draft");
  invoice->voided = g_str_equal (state, "void");
  invoice->number = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  invoice->issue_ts = sqlite3_column_int64 (stmt, 4);
  invoice->due_days = sqlite3_column_int (stmt, 5);
  invoice->due_day = sqlite3_column_int (stmt, 6);
  invoice->vat_inclusive = sqlite3_column_int (stmt, 7);
  invoice->discount.kind = sqlite3_column_int (stmt, 8);
  invoice->discount.value = sqlite3_column_int64 (stmt, 9);
  g_free (invoice->notes);
  invoice->notes = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
  invoice->totals.net = sqlite3_column_int64 (stmt, 11);
  invoice->totals.vat = sqlite3_column_int64 (stmt, 12);
  invoice->totals.total = sqlite3_column_int64 (stmt, 13);
  invoice->txn_id = sqlite3_column_int64 (stmt, 14);
  invoice->paid = sqlite3_column_int64 (stmt, 15);
  if (with_lines && !load_lines (book, invoice, error))
    return NULL;
  return g_steal_pointer (&invoice);
}

static DaftariInvoice *
fetch (DaftariBook *book, sqlite3_stmt *stmt, const char *missing, GError **error)
{
  DaftariInvoice *invoice = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      invoice = daftari_invoice_from_row (book, stmt, FALSE, error);
      sqlite3_reset (stmt);
      /* Lines use a statement of their own: read them after the reset. */
      if (invoice != NULL && (invoice->id = id, !load_lines (book, invoice, error)))
        g_clear_pointer (&invoice, daftari_invoice_free);
      return invoice;
    }
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, DAFTARI_INVOICE_ERROR, DAFTARI_INVOICE_ERROR_NOT_FOUND, missing);
  else
    daftari_db_set_error (error, sqlite3_db_handle (stmt), rc);
  sqlite3_reset (stmt);
  return NULL;
}

DaftariInvoice *
daftari_invoice_load (DaftariBook *book, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT " DAFTARI_INVOICE_COLUMNS " FROM invoice WHERE id = ?", error);
  g_autofree char *missing = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  missing = g_strdup_printf (_("There is no invoice with id %lld"), (long long) id);
  return fetch (book, stmt, missing, error);
}

DaftariInvoice *
daftari_invoice_find (DaftariBook *book, const char *number, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT " DAFTARI_INVOICE_COLUMNS " FROM invoice WHERE number = upper (trim (?))", error);
  g_autofree char *missing = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
  missing = g_strdup_printf (_("There is no invoice numbered “%s”"), number);
  return fetch (book, stmt, missing, error);
}

DaftariInvoice *
daftari_invoice_lookup (DaftariBook *book, const char *number_or_id, GError **error)
{
  const char *p = number_or_id;

  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '\0' && p != number_or_id && p - number_or_id < 18)
    return daftari_invoice_load (book, g_ascii_strtoll (number_or_id, NULL, 10), error);
  return daftari_invoice_find (book, number_or_id, error);
}

/* The book's first income category, for lines that name none. */
static gboolean
default_category (DaftariBook *book, gint64 *out_id, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT id FROM account WHERE kind = 'income' AND archived = 0 ORDER BY id LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  return daftari_invoice_refuse (error, DAFTARI_INVOICE_ERROR_INVALID,
                                 _("The book has no income category for invoice lines; add one first"));
}

static gboolean
check_categories (DaftariBook *book, DaftariInvoice *invoice, GError **error)
{
  gint64 fallback = 0;

  for (guint i = 0; i < invoice->lines->len; i++)
    {
      DaftariInvoiceLine *line = daftari_invoice_get_line (invoice, i);
      g_autoptr(DaftariAccount) account = NULL;

      if (line->category_id == 0)
        {
          if (fallback == 0 && !default_category (book, &fallback, error))
            return FALSE;
          line->category_id = fallback;
          continue;
        }
      if ((account = daftari_account_get (book, line->category_id, error)) == NULL)
        return FALSE;
      if (account->kind != DAFTARI_ACCOUNT_INCOME)
        {
          g_set_error (error, DAFTARI_INVOICE_ERROR, DAFTARI_INVOICE_ERROR_INVALID,
                       _("“%s” is not an income category"), account->name);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_draft (DaftariBook *book, DaftariInvoice *invoice, GError **error)
{
  g_autoptr(DaftariCustomer) customer = NULL;

  if (invoice->lines->len == 0)
    return daftari_invoice_refuse (error, DAFTARI_INVOICE_ERROR_INVALID, _("An invoice needs at least one line"));
  if ((customer = daftari_customer_get (book, invoice->customer_id, error)) == NULL)
    return FALSE;
  if (invoice->due_days < 0 || invoice->due_days > 365)
    return daftari_invoice_set_due_days (invoice, invoice->due_days, error);
  return check_categories (book, invoice, error) && daftari_invoice_compute (invoice, error);
}

static gboolean
write_lines (DaftariBook *book, const DaftariInvoice *invoice, GError **error)
{
  sqlite3_stmt *clear = daftari_book_prepare (book, "DELETE FROM invoice_line WHERE invoice_id = ?", error);
  sqlite3_stmt *insert = clear ? daftari_book_prepare (book,
      "INSERT INTO invoice_line (invoice_id, n, description, quantity, unit_price, discount_kind,"
      " discount_value, vat_rate, category_id, amount, share, net, vat)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error) : NULL;

  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, invoice->id);
  if (!daftari_db_step_done (clear, error))
    return FALSE;
  for (guint i = 0; i < invoice->lines->len; i++)
    {
      const DaftariInvoiceLine *line = daftari_invoice_get_line (invoice, i);
      sqlite3_bind_int64 (insert, 1, invoice->id);
      sqlite3_bind_int (insert, 2, i);
      sqlite3_bind_text (insert, 3, line->description, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 4, line->quantity);
      sqlite3_bind_int64 (insert, 5, line->unit_price);
      sqlite3_bind_int (insert, 6, line->discount.kind);
      sqlite3_bind_int64 (insert, 7, line->discount.value);
      sqlite3_bind_text (insert, 8, daftari_vat_rate_to_string (line->vat_rate), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 9, line->category_id);
      sqlite3_bind_int64 (insert, 10, line->amount);
      sqlite3_bind_int64 (insert, 11, line->invoice_discount);
      sqlite3_bind_int64 (insert, 12, line->net);
      sqlite3_bind_int64 (insert, 13, line->vat);
      if (!daftari_db_step_done (insert, error))
        return FALSE;
    }
  return TRUE;
}

static void
bind_head (sqlite3_stmt *stmt, const DaftariInvoice *invoice)
{
  sqlite3_bind_int64 (stmt, 1, invoice->customer_id);
  sqlite3_bind_int (stmt, 2, invoice->due_days);
  sqlite3_bind_int (stmt, 3, invoice->vat_inclusive);
  sqlite3_bind_int (stmt, 4, invoice->discount.kind);
  sqlite3_bind_int64 (stmt, 5, invoice->discount.value);
  sqlite3_bind_text (stmt, 6, invoice->notes ? invoice->notes : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, invoice->totals.net);
  sqlite3_bind_int64 (stmt, 8, invoice->totals.vat);
  sqlite3_bind_int64 (stmt, 9, invoice->totals.total);
}

gboolean
daftari_invoice_insert (DaftariBook *book, DaftariInvoice *invoice, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "INSERT INTO invoice (customer_id, due_days, vat_inclusive, discount_kind, discount_value, notes,"
      " net, vat, total, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);

  if (stmt == NULL || !check_draft (book, invoice, error))
    return FALSE;
  bind_head (stmt, invoice);
  sqlite3_bind_int64 (stmt, 10, daftari_calendar_now ());
  if (!daftari_db_step_done (stmt, error))
    return FALSE;
  invoice->id = sqlite3_last_insert_rowid (daftari_book_get_db (book));
  return write_lines (book, invoice, error);
}

static gboolean
update_draft (DaftariBook *book, DaftariInvoice *invoice, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "UPDATE invoice SET customer_id = ?1, due_days = ?2, vat_inclusive = ?3, discount_kind = ?4,"
      " discount_value = ?5, notes = ?6, net = ?7, vat = ?8, total = ?9 WHERE id = ?10 AND state = 'draft'",
      error);

  if (stmt == NULL || !check_draft (book, invoice, error))
    return FALSE;
  bind_head (stmt, invoice);
  sqlite3_bind_int64 (stmt, 10, invoice->id);
  if (!daftari_db_step_done (stmt, error))
    return FALSE;
  if (sqlite3_changes (daftari_book_get_db (book)) == 0)
    return daftari_invoice_refuse (error, DAFTARI_INVOICE_ERROR_STATE,
                                   _("Only a draft can be edited; this invoice has been issued"));
  return write_lines (book, invoice, error);
}

gboolean
daftari_invoice_save_draft (DaftariBook *book, DaftariInvoice *invoice, GError **error)
{
  gboolean ok;

  if (!daftari_book_begin (book, error))
    return FALSE;
  ok = invoice->id == 0 ? daftari_invoice_insert (book, invoice, error) : update_draft (book, invoice, error);
  if (!ok)
    {
      daftari_book_rollback (book);
      return FALSE;
    }
  return daftari_book_commit (book, error);
}

gboolean
daftari_invoice_delete_draft (DaftariBook *book, gint64 id, GError **error)
{
  sqlite3_stmt *lines = daftari_book_prepare (book,
      "DELETE FROM invoice_line WHERE invoice_id = ?1 AND"
      " (SELECT state FROM invoice WHERE id = ?1) = 'draft'", error);
  sqlite3_stmt *head = lines ? daftari_book_prepare (book,
      "DELETE FROM invoice WHERE id = ? AND state = 'draft'"
      " AND NOT EXISTS (SELECT 1 FROM invoice_schedule WHERE template_id = invoice.id)", error) : NULL;
  gboolean ok;

  if (head == NULL || !daftari_book_begin (book, error))
    return FALSE;
  sqlite3_bind_int64 (lines, 1, id);
  sqlite3_bind_int64 (head, 1, id);
  ok = daftari_db_step_done (lines, error) && daftari_db_step_done (head, error);
  if (ok && sqlite3_changes (daftari_book_get_db (book)) == 0)
    ok = daftari_invoice_refuse (error, DAFTARI_INVOICE_ERROR_STATE,
                                 _("Only a draft that no recurring schedule uses can be deleted"));
  if (!ok)
    {
      daftari_book_rollback (book);
      return FALSE;
    }
  return daftari_book_commit (book, error);
}

GPtrArray *
daftari_invoice_list (DaftariBook *book, const DaftariInvoiceFilter *filter, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT " DAFTARI_INVOICE_COLUMNS " FROM invoice WHERE ?1 = 0 OR customer_id = ?1"
      " ORDER BY state = 'draft', issue_ts, seq, id", error);
  g_autoptr(GPtrArray) invoices = g_ptr_array_new_with_free_func ((GDestroyNotify) daftari_invoice_free);
  DaftariDay today = filter->today ? filter->today : daftari_calendar_today (daftari_book_get_calendar (book));
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, filter->customer_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftariInvoice *invoice = daftari_invoice_from_row (book, stmt, FALSE, NULL);
      if (!filter->any_status && daftari_invoice_status (invoice, today) != filter->status)
        daftari_invoice_free (invoice);
      else
        g_ptr_array_add (invoices, invoice);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftari_db_set_error (error, daftari_book_get_db (book), rc);
      return NULL;
    }
  return g_steal_pointer (&invoices);
}
