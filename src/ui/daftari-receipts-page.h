/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-page.h"

G_BEGIN_DECLS

/* Receipts: a photo, scan or PDF in (file chooser, drag and drop, paste),
 * read in the background, the fields shown over the picture to check and
 * correct, then saved as an expense with the picture attached. */
#define DAFTARI_TYPE_RECEIPTS_PAGE (daftari_receipts_page_get_type ())
G_DECLARE_FINAL_TYPE (DaftariReceiptsPage, daftari_receipts_page, DAFTARI, RECEIPTS_PAGE, DaftariPage)

/* Reads a receipt as if it had been chosen (tests, drag and drop, paste). */
void        daftari_receipts_page_read       (DaftariReceiptsPage *self,
                                              GBytes              *bytes,
                                              const char          *name);
/* "empty", "reading" or "review". */
const char *daftari_receipts_page_get_state  (DaftariReceiptsPage *self);

G_END_DECLS
