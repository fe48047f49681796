/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "daftari-receipt-words.h"

G_BEGIN_DECLS

/* A receipt's picture, scaled to fit, with the boxes of the words a field
 * was read from drawn over it: the owner sees where each figure came from.
 * Boxes are in the pixels of the file (width × height given with them). */
#define DAFTARI_TYPE_RECEIPT_IMAGE (daftari_receipt_image_get_type ())
G_DECLARE_FINAL_TYPE (DaftariReceiptImage, daftari_receipt_image, DAFTARI, RECEIPT_IMAGE, GtkWidget)

GtkWidget *daftari_receipt_image_new         (void);
/* The picture (NULL: none) and the size of the file it shows. */
void       daftari_receipt_image_set_texture (DaftariReceiptImage *self,
                                              GdkTexture          *texture,
                                              int                  file_width,
                                              int                  file_height);
/* A picture of only part of the file (in the file's pixels), shown as
 * large as fits: the paper of a photo of a receipt lying on a table, not
 * the table. get_part: the part shown. */
void       daftari_receipt_image_set_texture_of_part (DaftariReceiptImage     *self,
                                                      GdkTexture              *texture,
                                                      int                      file_width,
                                                      int                      file_height,
                                                      const DaftariReceiptBox *part);
void       daftari_receipt_image_get_part    (DaftariReceiptImage *self,
                                              DaftariReceiptBox   *part);
/* Boxes of one field: drawn in outline; the highlighted set filled too. */
void       daftari_receipt_image_clear_boxes (DaftariReceiptImage *self);
void       daftari_receipt_image_add_boxes   (DaftariReceiptImage *self,
                                              const GArray        *boxes,
                                              gboolean             highlighted);
/* How many boxes are drawn; for tests. */
guint      daftari_receipt_image_get_n_boxes (DaftariReceiptImage *self);

G_END_DECLS
