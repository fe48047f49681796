/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "daftari-bank-mapping.h"
#include "daftari-import-row.h"
#include "daftari-mpesa-csv.h"

G_BEGIN_DECLS

/* The same limit as M-PESA statements: a bank export is a few MB a year. */
#define DAFTARI_BANK_CSV_MAX_BYTES DAFTARI_MPESA_CSV_MAX_BYTES

/* Reads a bank's CSV export with a mapping (daftari-bank-mapping.h).
 * Rows come back oldest first (a newest-first file is turned round), in
 * cents, kind OTHER, the reference as receipt and reference, the
 * description as details. Dates without a time are noon EAT, so that no
 * time zone moves them to another day. A row without a date but with a
 * description continues the description above (exports wrap long
 * narrations into rows of their own); without a date and with an amount it
 * is a total, skipped. Unreadable dates and amounts are rejected problems
 * naming the line and the text; balance breaks are skipped problems.
 *
 * Each key is "bank:<hash>:<n>": a hash of the date, amount, description
 * and balance, and n counting earlier rows of the file with the same four,
 * so reading the same export, or an overlapping one, gives the same keys.
 *
 * NULL with a DAFTARI_IMPORT_ERROR when the file as a whole cannot be read
 * (binary, not UTF-8, too large, no header matching the mapping, an
 * unclosed quote), or a DAFTARI_INPUT_ERROR when the mapping is unusable. */
DaftariImportParse *daftari_bank_csv_parse (const char               *data,
                                            gsize                     length,
                                            const DaftariBankMapping *mapping,
                                            GError                  **error);

/* A date (and optional time: 14:05, 14:05:09, 2:05 PM) in the format, as
 * UTC seconds of EAT. FALSE for a date that does not exist (31/02/2025) or
 * a two-digit year. */
gboolean daftari_bank_csv_parse_date   (const char               *text,
                                        DaftariBankDateFormat     format,
                                        gint64                   *out_ts);

/* An amount with the mapping's decimal and thousands separators; a
 * parenthesised amount or a trailing "DR" is negative, a trailing "CR"
 * positive. */
gboolean daftari_bank_csv_parse_amount (const char               *text,
                                        const DaftariBankMapping *mapping,
                                        gint64                   *out_minor,
                                        GError                  **error);

G_END_DECLS
