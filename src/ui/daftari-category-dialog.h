/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "daftari-core.h"

G_BEGIN_DECLS

/* Files one transaction under another category, showing what Daftari
 * suggests for it (a rule, or what it learned from the owner's own
 * choices) and how sure it is. */
#define DAFTARI_TYPE_CATEGORY_DIALOG (daftari_category_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DaftariCategoryDialog, daftari_category_dialog, DAFTARI, CATEGORY_DIALOG, AdwWindow)

/* NULL with error when the transaction has no single category to change. */
DaftariCategoryDialog *daftari_category_dialog_new (GtkWindow       *parent,
                                                    DaftariSession  *session,
                                                    gint64           txn_id,
                                                    GError         **error);

G_END_DECLS
