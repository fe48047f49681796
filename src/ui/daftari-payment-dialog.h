/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "daftari-core.h"

G_BEGIN_DECLS

/* Records a customer's payment on an invoice into a wallet: the amount
 * starts at what the invoice still owes; more than that stays as the
 * customer's credit, and the dialog says so before it is posted. */
#define DAFTARI_TYPE_PAYMENT_DIALOG (daftari_payment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DaftariPaymentDialog, daftari_payment_dialog, DAFTARI, PAYMENT_DIALOG, AdwWindow)

DaftariPaymentDialog *daftari_payment_dialog_new (GtkWindow      *parent,
                                                  DaftariSession *session,
                                                  gint64          invoice_id);

G_END_DECLS
