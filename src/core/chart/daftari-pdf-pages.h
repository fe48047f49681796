/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-pdf-draw.h"

G_BEGIN_DECLS

/* The pages of Daftari's printed documents (invoices, statements, the
 * report PDF): A4 with the same margins, a bold rule along the top and a
 * footer with the page number; and what puts a document's blocks on them.
 *
 * A document is a list of blocks (a header, a table's column headings, one
 * row...), each drawn by a function of the document's that measures when
 * cr is NULL and draws otherwise, so measuring and drawing cannot disagree.
 * The document decides where pages break (what must stay together, what is
 * repeated on the next page); DaftariPdfPages keeps the cursor, gives each
 * block placed its page and y, and replays a page's blocks to draw it. */

#define DAFTARI_PDF_PAGE_W         595.276                          /* A4, in points */
#define DAFTARI_PDF_PAGE_H         841.89
#define DAFTARI_PDF_MARGIN_X       42.52                            /* 15 mm */
#define DAFTARI_PDF_MARGIN_TOP     42.0
#define DAFTARI_PDF_CONTENT_W      (DAFTARI_PDF_PAGE_W - 2 * DAFTARI_PDF_MARGIN_X)
#define DAFTARI_PDF_CONTENT_BOTTOM (DAFTARI_PDF_PAGE_H - 64.0)      /* the body stops here ... */
#define DAFTARI_PDF_FOOTER_Y       (DAFTARI_PDF_PAGE_H - 46.0)      /* ... and the footer starts here */

typedef struct {
  guint    kind;        /* the document's own kind of block */
  guint    page;        /* from 0 */
  double   y;           /* of its top, in points from the page's top */
  guint    part;        /* which part of the document (a report's table) */
  guint    row;         /* which row of it (a line of a table) */
  gboolean continued;   /* a heading repeated on a later page */
} DaftariPdfBlock;

/* Measures (cr == NULL) or draws block at block->y; returns its height. */
typedef double (*DaftariPdfBlockFunc) (gpointer data, cairo_t *cr, const DaftariPdfBlock *block);

typedef struct _DaftariPdfPages DaftariPdfPages;

/* space_before: by kind, the white space above a block unless it opens a
 * page. furniture: a bit (1 << kind) per kind repeated at the top of pages
 * (a "continued" header, a table's column headings): a page that holds
 * nothing else is still empty, and takes any block. Both are kept, not
 * copied. */
DaftariPdfPages *daftari_pdf_pages_new     (DaftariPdfBlockFunc  block_func,
                                            gpointer             data,
                                            const double        *space_before,
                                            guint                furniture);
void             daftari_pdf_pages_free    (DaftariPdfPages     *pages);

/* The height of a block, with no space above it. */
double           daftari_pdf_pages_measure (DaftariPdfPages     *pages,
                                            guint                kind,
                                            guint                part,
                                            guint                row,
                                            gboolean             continued);
/* Whether height more, starting with a block of kind, fits on the current
 * page. An empty page takes anything (and cuts what is taller than a page)
 * rather than breaking page after page. */
gboolean         daftari_pdf_pages_fits    (DaftariPdfPages     *pages,
                                            guint                kind,
                                            double               height);
/* Puts a block below the last one on the current page, whether or not it
 * fits: the document checks first. */
void             daftari_pdf_pages_place   (DaftariPdfPages     *pages,
                                            guint                kind,
                                            guint                part,
                                            guint                row,
                                            gboolean             continued);
void             daftari_pdf_pages_break   (DaftariPdfPages     *pages);
guint            daftari_pdf_pages_count   (DaftariPdfPages     *pages);

/* Draws page (from 0) on cr, in points from the page's corner: white paper,
 * the rule along the top, the page's blocks, and a footer of footer_left
 * and, at the right, footer_right (its number) in context. */
void             daftari_pdf_pages_draw    (DaftariPdfPages     *pages,
                                            cairo_t             *cr,
                                            guint                page,
                                            PangoContext        *context,
                                            const char          *footer_left,
                                            const char          *footer_right);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariPdfPages, daftari_pdf_pages_free)

G_END_DECLS
