/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Everything printed on an invoice (or a customer statement), already
 * computed and formatted by the invoice code: the PDF renderer does layout
 * only, never arithmetic, so what it prints is exactly what the books say.
 * Strings are UTF-8; amounts are formatted ("KES 1,234.50") by the caller. */

typedef struct {
  char *description;
  char *quantity;        /* "2", "0.125" */
  char *unit_price;      /* "1,000.00" */
  char *discount;        /* "10%", "50.00" or "" */
  char *vat_rate;        /* "16%", "8%", "0%", "Exempt" */
  char *vat;             /* the line's VAT */
  char *amount;          /* the line's total as printed in the table */
} DaftariDocumentLine;

typedef struct {
  char *label;           /* "Subtotal", "VAT 16%", "Total", "Paid", "Balance due" */
  char *amount;
  gboolean emphasised;   /* the total and the balance due */
} DaftariDocumentTotal;

typedef enum {
  DAFTARI_DOCUMENT_INVOICE,
  DAFTARI_DOCUMENT_STATEMENT,  /* a customer's invoices, payments and balance */
} DaftariDocumentKind;

typedef struct {
  DaftariDocumentKind kind;
  char      *language;          /* "en" or "sw": the labels the renderer prints */
  /* The business */
  char      *business_name;
  char      *business_address;  /* may have line breaks */
  char      *business_kra_pin;
  char      *business_phone;
  char      *logo_path;         /* PNG, or NULL */
  /* The document */
  char      *title;             /* "INVOICE", "STATEMENT" — or NULL for the renderer's own, in language */
  char      *number;            /* "INV-2026-0001"; for a statement, the period */
  char      *issue_date;        /* "2026-11-21" */
  char      *due_date;          /* "" for a statement */
  char      *status;            /* "Paid", "Overdue", … or "" */
  /* The customer */
  char      *customer_name;
  char      *customer_address;
  char      *customer_phone;
  char      *customer_kra_pin;
  /* The table: for a statement, each line is an invoice or a payment with
   * description, date in quantity, and amount; the other columns "". */
  GPtrArray *lines;             /* of DaftariDocumentLine* */
  GPtrArray *totals;            /* of DaftariDocumentTotal* */
  char      *notes;
  /* How to pay, e.g. "Pay via M-PESA Paybill 123456, Account INV-2026-0001"
   * and/or "Till 654321"; also encoded in a QR code when not empty. */
  char      *payment_instructions;
} DaftariDocument;

DaftariDocument     *daftari_document_new       (DaftariDocumentKind kind);
void                 daftari_document_free      (DaftariDocument    *document);
DaftariDocumentLine *daftari_document_add_line  (DaftariDocument    *document);
void                 daftari_document_add_total (DaftariDocument    *document,
                                                 const char         *label,
                                                 const char         *amount,
                                                 gboolean            emphasised);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariDocument, daftari_document_free)

G_END_DECLS
