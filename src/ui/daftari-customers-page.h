/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-page.h"

G_BEGIN_DECLS

/* Customers: the list (searched by name or phone) with what each owes and
 * the credit they hold, beside the selected customer's details, balance
 * and history, newest first. Customers are added and edited in the
 * customer dialog; a statement of account saves as a PDF. */
#define DAFTARI_TYPE_CUSTOMERS_PAGE (daftari_customers_page_get_type ())
G_DECLARE_FINAL_TYPE (DaftariCustomersPage, daftari_customers_page, DAFTARI, CUSTOMERS_PAGE, DaftariPage)

/* Selects the customer with this id when it is in the list. */
void     daftari_customers_page_select         (DaftariCustomersPage *self,
                                                gint64                customer_id);
/* The id of the selected customer, 0 when none. */
gint64   daftari_customers_page_get_selected   (DaftariCustomersPage *self);
/* Writes the selected customer's statement (all of it, to today) to path
 * as a PDF, on this thread. The "Statement PDF…" button does the same off
 * the main thread, after asking where. */
gboolean daftari_customers_page_save_statement (DaftariCustomersPage *self,
                                                const char           *path,
                                                GError              **error);

G_END_DECLS
