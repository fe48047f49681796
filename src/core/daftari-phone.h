/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Kenyan mobile numbers as M-PESA writes them: 2547XXXXXXXX or 2541XXXXXXXX.
 * Accepts 07…, 01…, +254…, 254…, 7… and 1…, with spaces or dashes. */
gboolean daftari_phone_normalise (const char  *text,
                                  char       **out_phone,
                                  GError     **error);

/* A Paybill or Till number: 5 to 7 digits. */
gboolean daftari_shortcode_check (const char  *text,
                                  GError     **error);

G_END_DECLS
