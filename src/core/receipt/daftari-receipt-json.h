/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "daftari-receipt-fields.h"

G_BEGIN_DECLS

/* The fields as members of the object being built: each field is
 * {"value", "confidence", "boxes": [[x, y, w, h], ...]} or null, then
 * "total_checked" and "items". The CLI prints it; a saved receipt keeps it
 * in attachment.details. */
void  daftari_receipt_fields_to_json        (const DaftariReceiptFields *fields,
                                             JsonBuilder                *builder);
char *daftari_receipt_fields_to_json_string (const DaftariReceiptFields *fields);
/* A box as the array [x, y, width, height]. */
void  daftari_receipt_box_to_json           (const DaftariReceiptBox    *box,
                                             JsonBuilder                *builder);

G_END_DECLS
