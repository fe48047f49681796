/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "daftari-core.h"

G_BEGIN_DECLS

/* Move money between two wallets. Every field is checked while typing
 * against the book's rules (limit, overdraft, rates), and the field at
 * fault says what is wrong. */
#define DAFTARI_TYPE_TRANSFER_DIALOG (daftari_transfer_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DaftariTransferDialog, daftari_transfer_dialog, DAFTARI, TRANSFER_DIALOG, AdwWindow)

DaftariTransferDialog *daftari_transfer_dialog_new (GtkWindow      *parent,
                                                    DaftariSession *session,
                                                    gint64          from_id);

G_END_DECLS
