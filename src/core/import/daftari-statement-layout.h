/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "daftari-import-row.h"

G_BEGIN_DECLS

/* The pure half of the M-PESA statement PDF reader: words with their
 * positions on the page (as poppler lays them out) back into the rows of
 * the DETAILED STATEMENT table and the figures of its SUMMARY. Kept apart
 * from poppler so that it can be tested and fuzzed on its own. */

typedef struct {
  guint   page;            /* 0-based */
  double  x1, y1, x2, y2;  /* points, y growing down the page */
  char   *text;            /* one word, UTF-8, no white space */
} DaftariPdfWord;

DaftariPdfWord *daftari_pdf_word_new  (guint       page,
                                       double      x1,
                                       double      y1,
                                       double      x2,
                                       double      y2,
                                       const char *text);
void            daftari_pdf_word_free (DaftariPdfWord *word);

/* Reads the words (of DaftariPdfWord*; not changed) of a whole statement.
 *
 * The table's columns are found from its header row (Receipt No. |
 * Completion Time | Details | Transaction Status | Paid In | Withdrawn |
 * Balance), on every page that repeats it; a page without it keeps the
 * columns of the page before. A line whose Receipt No. cell holds a
 * receipt starts a row; the lines just under it without one continue it
 * (wrapped details, a time on a line of its own). Rows become
 * DaftariImportRows through the same rules as the statement CSV
 * (daftari-mpesa-statement.h), keys "pdf:…", line = the row's number in
 * the table, counting from 1.
 *
 * Then the checks: the running balance (a skipped problem per row that
 * breaks it, with time, receipt and amount), and the SUMMARY's TOTAL paid
 * in and paid out against the rows (a skipped problem, line 0, per column
 * that differs, with the type lines that differ and a row of exactly the
 * difference, if there is one). A statement without a SUMMARY says so.
 *
 * NULL with a DAFTARI_IMPORT_ERROR when no page has the table's header:
 * it is not an M-PESA statement. */
DaftariImportParse *daftari_statement_layout_parse (GPtrArray  *words,
                                                    GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariPdfWord, daftari_pdf_word_free)

G_END_DECLS
