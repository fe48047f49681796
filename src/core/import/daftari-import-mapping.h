/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-bank-mapping.h"
#include "daftari-book.h"

G_BEGIN_DECLS

/* The bank CSV mapping remembered for a wallet (table import_mapping, one
 * per wallet): the next export of the same bank reads without asking. */

/* Replaces the wallet's mapping, in one write. */
gboolean            daftari_import_mapping_save (DaftariBook              *book,
                                                 gint64                    wallet_id,
                                                 const DaftariBankMapping *mapping,
                                                 GError                  **error);
/* The wallet's mapping; NULL without error when it has none. */
DaftariBankMapping *daftari_import_mapping_load (DaftariBook              *book,
                                                 gint64                    wallet_id,
                                                 GError                  **error);

G_END_DECLS
