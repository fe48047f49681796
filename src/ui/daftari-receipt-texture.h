/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "daftari-receipt-words.h"

G_BEGIN_DECLS

/* A receipt file as a picture to show: an image at most max_side pixels on
 * its longer side (a 60-megapixel photo is not decoded whole), or a PDF's
 * first page. NULL with error when it cannot be shown. */
GdkTexture *daftari_receipt_texture_new (GBytes      *bytes,
                                         const char  *mime,
                                         int          max_side,
                                         GError     **error);
/* Only part of the file (in its pixels, file_width × file_height as the
 * reader counts them: a PDF page at 300 dpi), at most max_side pixels on
 * its longer side: the paper of a photo of a receipt on a table, sharp
 * though it is a small piece of the frame. *covers: the part of the file
 * the picture shows (part, give or take a pixel of rounding). */
GdkTexture *daftari_receipt_texture_new_part (GBytes                  *bytes,
                                              const char              *mime,
                                              int                      file_width,
                                              int                      file_height,
                                              const DaftariReceiptBox *part,
                                              int                      max_side,
                                              DaftariReceiptBox       *covers,
                                              GError                 **error);

G_END_DECLS
