/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "daftari-report.h"

G_BEGIN_DECLS

/* The business report on A4 paper (docs/reports.md, "Report PDF"): the
 * period's key figures, income and expenses by category, cash flow by
 * wallet, the balance sheet at the period's end, VAT, charges, top
 * customers and payees, and the charts of the Reports page, with page
 * numbers. Text is laid out with Pango in the user's language. */

#define DAFTARI_REPORT_PDF_ERROR (daftari_report_pdf_error_quark ())
typedef enum {
  DAFTARI_REPORT_PDF_ERROR_WRITE,    /* the file cannot be written (folder, permissions, disk full) */
  DAFTARI_REPORT_PDF_ERROR_RENDER,   /* cairo failed while drawing */
} DaftariReportPdfError;

GQuark   daftari_report_pdf_error_quark (void);

/* Writes the report for period to path. The PDF is written to a new file
 * in the same folder and renamed over path only when it is complete, so a
 * failure (an unwritable folder, a full disk, cancellable cancelled) leaves
 * neither a half-written PDF nor a stray temporary file, and an existing
 * file at path is only replaced by a whole one. Errors from the book's
 * reports are passed on as they are. */
gboolean daftari_report_pdf_write       (DaftariBook         *book,
                                         const DaftariPeriod *period,
                                         const char          *path,
                                         GCancellable        *cancellable,
                                         GError             **error);

/* A file name for the report of period, without a folder: "Daftari report
 * 2026-10.pdf" for a whole month, else "Daftari report 2026-01-01 to
 * 2026-03-31.pdf" (translated). */
char    *daftari_report_pdf_file_name   (const DaftariPeriod *period);

G_END_DECLS
