/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "daftari-core.h"

G_BEGIN_DECLS

/* Lipa na M-PESA: a Paybill number and account, a Till number, or a Pochi
 * la Biashara phone; checked while typing like the transfer dialog. */
#define DAFTARI_TYPE_PAY_DIALOG (daftari_pay_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DaftariPayDialog, daftari_pay_dialog, DAFTARI, PAY_DIALOG, AdwWindow)

DaftariPayDialog *daftari_pay_dialog_new (GtkWindow      *parent,
                                          DaftariSession *session,
                                          gint64          wallet_id);

G_END_DECLS
