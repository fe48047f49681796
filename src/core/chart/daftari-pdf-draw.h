/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* Drawing a printed page in points: greys, rules, boxes and text set with
 * Pango. Every function that sets text measures it too, and only draws
 * when cr is not NULL, so a document can measure with the very call that
 * draws. Invoices, statements and the report PDF share it. */

/* The greys of Daftari's printed documents: greys only, so a page prints
 * the same on a black-and-white printer. */
#define DAFTARI_PDF_INK   0.10
#define DAFTARI_PDF_MUTED 0.38
#define DAFTARI_PDF_RULE  0.62

typedef struct {
  const char     *family;    /* "Sans", "Sans Bold", "Sans Italic" */
  double          size;      /* in points, before any scale */
  double          grey;
  PangoAlignment  align;
  gboolean        tabular;   /* digits of equal width, so amounts line up */
  double          spacing;   /* letter spacing in points: little, or PDF
                              * readers extract words as loose letters */
} DaftariPdfTextStyle;

/* Unhinted metrics at 72 dpi: text measures the same in points whatever
 * it is drawn on (a PDF, a screen preview at any zoom), so what was
 * measured is what is drawn and a preview breaks pages as the PDF does. */
PangoContext *daftari_pdf_context_new    (PangoLanguage             *language);

void          daftari_pdf_set_grey       (cairo_t                   *cr,
                                          double                     grey);
void          daftari_pdf_fill_rect      (cairo_t                   *cr,
                                          double                     x,
                                          double                     y,
                                          double                     w,
                                          double                     h,
                                          double                     grey);
/* A horizontal rule of the given line width. */
void          daftari_pdf_hline          (cairo_t                   *cr,
                                          double                     x,
                                          double                     y,
                                          double                     w,
                                          double                     width,
                                          double                     grey);

/* Lays text out in style, its size times scale, wrapped at width when
 * width > 0 (between words, or inside a word longer than the line); draws
 * it with its top left at (x, y) when cr is not NULL, and returns its
 * height. NULL text is empty. */
double        daftari_pdf_text_at        (PangoContext              *context,
                                          cairo_t                   *cr,
                                          const DaftariPdfTextStyle *style,
                                          double                     scale,
                                          double                     x,
                                          double                     y,
                                          double                     width,
                                          const char                *text);
/* The width of text on one line. */
double        daftari_pdf_text_width     (PangoContext              *context,
                                          const DaftariPdfTextStyle *style,
                                          double                     scale,
                                          const char                *text);

G_END_DECLS
