/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-page.h"

G_BEGIN_DECLS

/* Invoices: the list (filtered by status, searched, sorted; overdue ones
 * marked) beside a preview of the selected invoice's PDF and what can be
 * done with it: issue, record a payment, save as PDF, print, void,
 * duplicate. New invoices and drafts open in the invoice editor. */
#define DAFTARI_TYPE_INVOICES_PAGE (daftari_invoices_page_get_type ())
G_DECLARE_FINAL_TYPE (DaftariInvoicesPage, daftari_invoices_page, DAFTARI, INVOICES_PAGE, DaftariPage)

/* Selects the invoice with this id when it is in the list. */
void   daftari_invoices_page_select        (DaftariInvoicesPage *self,
                                            gint64               invoice_id);
/* For tests: the id of the selected invoice, 0 when none. */
gint64 daftari_invoices_page_get_selected  (DaftariInvoicesPage *self);

/* For tests: prints the selected invoice through the page's own print
 * operation, exported to a PDF file instead of a printer. */
gboolean daftari_invoices_page_print_to_file (DaftariInvoicesPage *self,
                                              const char          *path,
                                              GError             **error);

G_END_DECLS
