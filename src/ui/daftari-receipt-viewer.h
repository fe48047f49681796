/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "daftari-core.h"

G_BEGIN_DECLS

/* A window showing the receipt kept with a transaction. NULL with error
 * when the transaction has none or it cannot be read. */
GtkWindow *daftari_receipt_viewer_new (GtkWindow   *parent,
                                       DaftariBook *book,
                                       gint64       txn_id,
                                       GError     **error);

G_END_DECLS
