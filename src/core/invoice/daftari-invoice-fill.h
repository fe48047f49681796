/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-book.h"
#include "daftari-calendar.h"
#include "daftari-invoice-document.h"

G_BEGIN_DECLS

/* Fills the documents the PDF renderer lays out: every figure computed and
 * formatted here, in the customer's language, from what the book holds. */
DaftariDocument *daftari_invoice_to_document          (DaftariBook  *book,
                                                       gint64        invoice_id,
                                                       GError      **error);
/* A customer's invoices, voids and payments between two days (0: from the
 * first / to today), with the balance brought forward and the balance due. */
DaftariDocument *daftari_customer_statement_document  (DaftariBook  *book,
                                                       gint64        customer_id,
                                                       DaftariDay    from,
                                                       DaftariDay    to,
                                                       GError      **error);

G_END_DECLS
