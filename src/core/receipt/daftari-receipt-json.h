/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "daftari-receipt-fields.h"
#include "daftari-receipt-reader.h"

G_BEGIN_DECLS

/* The fields as members of the object being built: each field is
 * {"value", "confidence", "boxes": [[x, y, w, h], ...]} or null, then
 * "total_checked" and "items". The CLI prints them; a saved receipt keeps
 * them in attachment.details (below). */
void  daftari_receipt_fields_to_json        (const DaftariReceiptFields *fields,
                                             JsonBuilder                *builder);
char *daftari_receipt_fields_to_json_string (const DaftariReceiptFields *fields);
/* What a saved receipt keeps in attachment.details: the picture's width,
 * height and the part read ("paper": [x, y, width, height]), then the
 * fields as above. */
char *daftari_receipt_details_to_json_string (const DaftariReceiptScan *scan);
/* The picture's size and the part read, from such details; FALSE when
 * they do not say (saved before they did, or not JSON), the outputs then
 * undefined. */
gboolean daftari_receipt_details_paper      (const char                 *details,
                                             int                        *width,
                                             int                        *height,
                                             DaftariReceiptBox          *paper);
/* The members "width", "height" (the file's pixels) and "paper" (the
 * part read) of the object being built. */
void  daftari_receipt_picture_to_json       (const DaftariReceiptScan   *scan,
                                             JsonBuilder                *builder);
/* A box as the array [x, y, width, height], and back (FALSE when node is
 * not such an array of four integers). */
void  daftari_receipt_box_to_json           (const DaftariReceiptBox    *box,
                                             JsonBuilder                *builder);
gboolean daftari_receipt_box_from_json      (JsonNode                   *node,
                                             DaftariReceiptBox          *box);

G_END_DECLS
