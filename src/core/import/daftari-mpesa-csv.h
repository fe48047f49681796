/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "daftari-import-row.h"

G_BEGIN_DECLS

/* Files larger than this are refused whole (DAFTARI_IMPORT_ERROR_TOO_LARGE):
 * a year of a busy till is a few MB. */
#define DAFTARI_MPESA_CSV_MAX_BYTES ((gsize) 200 * 1024 * 1024)

/* Reads an M-PESA statement CSV: the 13-column M-PESA for Business layout
 * or the 7-column customer one, found by its header line (columns by name,
 * in any order; lines before the header are ignored). RFC 4180 quoting,
 * CR, LF or CRLF line ends, an optional UTF-8 BOM.
 *
 * Rows come back in file order, KES cents, times as UTC seconds (the file's
 * are East Africa Time). Charges stay rows of their own (kind CHARGE).
 * Not-completed rows are skipped problems, unreadable ones rejected
 * problems naming the line and the text, and every break in the running
 * balance a warning (a skipped problem) naming time, receipt and amount.
 *
 * Each row's key is "csv:<receipt>:<UTC seconds>:<cents>:<n>", where n
 * counts earlier rows of the file with the same receipt, time and amount
 * (0 for the first). One receipt can have several rows in one second (a
 * Fuliza credit and its payment, a charge), and rows of one second may come
 * in either order; the amount tells them apart without depending on that
 * order, and n only numbers rows that are identical anyway, so reading the
 * same statement again, or an overlapping one, gives the same keys.
 *
 * Returns NULL and sets a DAFTARI_IMPORT_ERROR when the file as a whole
 * cannot be read (binary, not UTF-8, too large, no header, an unclosed
 * quote); nothing of such a file is returned. */
DaftariImportParse *daftari_mpesa_csv_parse (const char  *data,
                                             gsize        length,
                                             GError     **error);

/* From this size on, the rows after the header are read in two halves at
 * once, one thread each, on a machine with two processors or more. The
 * rows, keys, lines and problems are exactly those of one reader. */
#define DAFTARI_MPESA_CSV_SPLIT_BYTES ((gsize) 4 * 1024 * 1024)

/* daftari_mpesa_csv_parse with another size to split from, for tests and
 * fuzzing: 0 splits any file with a line break past its middle,
 * G_MAXSIZE none. */
DaftariImportParse *daftari_mpesa_csv_parse_split (const char  *data,
                                                   gsize        length,
                                                   gsize        split_bytes,
                                                   GError     **error);

G_END_DECLS
