/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "daftari-core.h"

G_BEGIN_DECLS

/* A new invoice, or a draft's changes: the customer, the lines, the terms,
 * with the totals recomputed by the core on every keystroke and the field
 * at fault marked. Saves a draft, or saves and issues it. Emits ::saved
 * with the invoice id. Each line's entries are named "description",
 * "quantity", "price", "vat" and "discount" (for tests and a11y tools). */
#define DAFTARI_TYPE_INVOICE_EDITOR (daftari_invoice_editor_get_type ())
G_DECLARE_FINAL_TYPE (DaftariInvoiceEditor, daftari_invoice_editor, DAFTARI, INVOICE_EDITOR, AdwWindow)

/* invoice_id: a draft to edit, or 0 for a new invoice. */
DaftariInvoiceEditor *daftari_invoice_editor_new         (GtkWindow            *parent,
                                                          DaftariSession       *session,
                                                          gint64                invoice_id);
/* Selects a customer by id (after the customer dialog added one). */
void                  daftari_invoice_editor_set_customer (DaftariInvoiceEditor *self,
                                                          gint64                customer_id);

G_END_DECLS
