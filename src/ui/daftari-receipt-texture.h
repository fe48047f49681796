/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A receipt file as a picture to show: an image at most max_side pixels on
 * its longer side (a 60-megapixel photo is not decoded whole), or a PDF's
 * first page. NULL with error when it cannot be shown. */
GdkTexture *daftari_receipt_texture_new (GBytes      *bytes,
                                         const char  *mime,
                                         int          max_side,
                                         GError     **error);

G_END_DECLS
