/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "daftari-core.h"

G_BEGIN_DECLS

/* Add a wallet (account_id 0) or edit one: its name and whether it may go
 * below zero. Kind, currency and opening balance are set when adding. */
#define DAFTARI_TYPE_WALLET_DIALOG (daftari_wallet_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DaftariWalletDialog, daftari_wallet_dialog, DAFTARI, WALLET_DIALOG, AdwWindow)

DaftariWalletDialog *daftari_wallet_dialog_new (GtkWindow      *parent,
                                                DaftariSession *session,
                                                gint64          account_id);

G_END_DECLS
