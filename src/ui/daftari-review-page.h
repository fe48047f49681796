/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-page.h"

G_BEGIN_DECLS

/* What waits for the owner's word: incoming payments that may settle an
 * invoice (accept or reject each suggestion), imported rows held over the
 * per-transaction limit (post or dismiss), and better categories suggested
 * for transactions filed under "Other" (apply). */
#define DAFTARI_TYPE_REVIEW_PAGE (daftari_review_page_get_type ())
G_DECLARE_FINAL_TYPE (DaftariReviewPage, daftari_review_page, DAFTARI, REVIEW_PAGE, DaftariPage)

/* How many things wait, as last shown; for tests and the sidebar. */
guint daftari_review_page_get_n_waiting (DaftariReviewPage *self);

G_END_DECLS
