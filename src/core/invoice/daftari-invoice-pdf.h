/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "daftari-invoice-document.h"

G_BEGIN_DECLS

/* An invoice or a customer statement laid out on A4 (595.276 × 841.89 pt)
 * with vector text, for a PDF file or any cairo_t (an in-app preview, a
 * PNG). The layout and page breaks are computed once per call and shared by
 * both entry points, so the preview shows exactly the pages of the PDF.
 * docs/invoice-pdf.md describes the layout. */

#define DAFTARI_DOCUMENT_PAGE_WIDTH  595.276
#define DAFTARI_DOCUMENT_PAGE_HEIGHT 841.89

#define DAFTARI_DOCUMENT_ERROR (daftari_document_error_quark ())
typedef enum {
  DAFTARI_DOCUMENT_ERROR_WRITE,   /* the PDF file cannot be written */
  DAFTARI_DOCUMENT_ERROR_LOGO,    /* the logo file cannot be read as a PNG */
  DAFTARI_DOCUMENT_ERROR_PAGE,    /* no such page in the document */
  DAFTARI_DOCUMENT_ERROR_RENDER,  /* cairo failed while drawing */
} DaftariDocumentError;

GQuark   daftari_document_error_quark     (void);

/* Writes the document to path as a PDF. The file is written beside it as
 * "path.tmp" and renamed at the end, so a failed render never leaves a
 * half-written PDF, and an existing file is only replaced by a complete one. */
gboolean daftari_document_render_pdf      (const DaftariDocument  *document,
                                           const char             *path,
                                           GError                **error);

/* Draws page (0-based) of the document onto cr, in points with the page's
 * top-left corner at the current origin; scale cr for other sizes. Sets
 * *out_n_pages (when not NULL) even when page is out of range. */
gboolean daftari_document_render_to_cairo (const DaftariDocument  *document,
                                           cairo_t                *cr,
                                           guint                   page,
                                           guint                  *out_n_pages,
                                           GError                **error);

G_END_DECLS
