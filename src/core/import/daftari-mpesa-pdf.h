/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "daftari-import-row.h"
#include "daftari-mpesa-csv.h"

G_BEGIN_DECLS

/* The same limit as every import file (daftari-mpesa-csv.h). */
#define DAFTARI_MPESA_PDF_MAX_BYTES DAFTARI_MPESA_CSV_MAX_BYTES

/* Errors about a statement's password, apart from DAFTARI_IMPORT_ERROR so
 * that a caller can ask for the password and try again. */
#define DAFTARI_MPESA_PDF_ERROR (daftari_mpesa_pdf_error_quark ())
typedef enum {
  DAFTARI_MPESA_PDF_ERROR_NEEDS_PASSWORD,  /* encrypted, and no password was given */
  DAFTARI_MPESA_PDF_ERROR_WRONG_PASSWORD,  /* encrypted, and the password given does not open it */
} DaftariMpesaPdfError;

GQuark daftari_mpesa_pdf_error_quark (void);

/* Reads a customer "M-PESA STATEMENT" / "MPESA FULL STATEMENT" PDF with
 * poppler: every page's words and their positions, then
 * daftari_statement_layout_parse() (daftari-statement-layout.h says what
 * rows, keys and checks come out). password may be NULL.
 *
 * NULL and an error, with nothing returned, when the file is over the
 * size limit, not a PDF, cut short (no %%EOF at its end), damaged, locked
 * (DAFTARI_MPESA_PDF_ERROR) or not a statement. */
DaftariImportParse *daftari_mpesa_pdf_parse (const char  *data,
                                             gsize        length,
                                             const char  *password,
                                             GError     **error);

G_END_DECLS
