/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "daftari-invoice.h"

G_BEGIN_DECLS

/* Shared by the invoice area's own files only. */

/* Invoice rows as stored; lines only when with_lines. */
DaftariInvoice *daftari_invoice_from_row   (DaftariBook   *book,
                                            sqlite3_stmt  *stmt,
                                            gboolean       with_lines,
                                            GError       **error);
/* Inserts a new draft row and its lines (invoice->id set), inside a write. */
gboolean        daftari_invoice_insert     (DaftariBook    *book,
                                            DaftariInvoice *invoice,
                                            GError        **error);
/* The next number of the year of ts, taken from the counter (inside the
 * issuing write, so a refusal gives it back). */
gboolean        daftari_invoice_next_number (DaftariBook   *book,
                                             gint64         ts,
                                             char         **out_number,
                                             int           *out_year,
                                             gint64        *out_seq,
                                             GError       **error);
/* A customer_payment row for a posted transaction, inside the caller's
 * write. Also used where payments are matched to invoices (reconcile). */
gboolean        daftari_customer_payment_insert (DaftariBook  *book,
                                                 gint64        customer_id,
                                                 gint64        txn_id,
                                                 gint64        wallet_id,
                                                 gint64        ts,
                                                 gint64        amount,
                                                 gint64       *out_id,
                                                 GError      **error);
/* Allocates to an issued invoice up to what it still owes, out of
 * *inout_left (lowered by what it took), inside the caller's write. */
gboolean        daftari_customer_payment_allocate (DaftariBook  *book,
                                                   gint64        payment_id,
                                                   gint64        invoice_id,
                                                   gint64       *inout_left,
                                                   GError      **error);
gboolean        daftari_invoice_refuse     (GError       **error,
                                            DaftariInvoiceError code,
                                            const char    *message);

#define DAFTARI_INVOICE_COLUMNS \
  "id, customer_id, state, number, issue_ts, due_days, due_day, vat_inclusive, discount_kind," \
  " discount_value, notes, net, vat, total, coalesce (txn_id, 0)," \
  " (SELECT coalesce (sum (amount), 0) FROM payment_allocation WHERE invoice_id = invoice.id)"

G_END_DECLS
