/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "daftari-core.h"

G_BEGIN_DECLS

/* Adds a customer, or edits one: name, phone (normalised, errors shown on
 * the field), email, KRA PIN, address, the language their documents are
 * printed in, notes. Emits ::saved with the customer id. */
#define DAFTARI_TYPE_CUSTOMER_DIALOG (daftari_customer_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DaftariCustomerDialog, daftari_customer_dialog, DAFTARI, CUSTOMER_DIALOG, AdwWindow)

/* customer_id: 0 for a new customer. */
DaftariCustomerDialog *daftari_customer_dialog_new (GtkWindow      *parent,
                                                    DaftariSession *session,
                                                    gint64          customer_id);

G_END_DECLS
