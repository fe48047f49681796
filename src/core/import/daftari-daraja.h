/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "daftari-import-row.h"

G_BEGIN_DECLS

#define DAFTARI_DARAJA_MAX_BYTES ((gsize) 200 * 1024 * 1024)

/* Reads Daraja callbacks a business saved: a C2B confirmation object, an
 * STK Push callback ({"Body":{"stkCallback":{...}}}), or an array of
 * either or both. Every completed payment is a BUSINESS_RECEIVED row with
 * a positive amount in KES cents, its time in UTC seconds (Daraja's are
 * East Africa Time), the payer's phone (masked or not) and name, the
 * shortcode, and the BillRefNumber as reference: the strongest key for
 * matching a payment to an invoice. A record's line is its 1-based index.
 *
 * STK callbacks with a ResultCode other than 0 (1032: cancelled by the
 * user) are skipped problems with Safaricom's ResultDesc; records with no
 * receipt, amount or time are rejected problems; a receipt seen earlier in
 * the file (Safaricom retries callbacks) is skipped. Keys are
 * "daraja:<receipt>".
 *
 * Returns NULL with a DAFTARI_IMPORT_ERROR when the text is not JSON, or is
 * JSON of another shape. */
DaftariImportParse *daftari_daraja_parse (const char  *json,
                                          gsize        length,
                                          GError     **error);

G_END_DECLS
