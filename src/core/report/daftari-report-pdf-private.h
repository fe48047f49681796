/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-chart.h"
#include "daftari-pdf-pages.h"
#include "daftari-report-table.h"

G_BEGIN_DECLS

/* Between the report PDF's contents (daftari-report-pdf.c: which reports,
 * the file) and its pages (daftari-report-pdf-layout.c: where everything
 * goes, drawing). */

#define PDF_MAX_COLUMNS 10
#define PDF_N_FIGURES   4

typedef struct {
  char               *title;
  char               *note;        /* under the title: what it covers */
  char               *footnote;    /* under the table, or NULL */
  DaftariReportTable *table;       /* a table part ... */
  DaftariChart       *chart;       /* ... or a chart part */
  guint               columns[PDF_MAX_COLUMNS];  /* the table's columns shown, in order */
  guint               n_columns;
  guint               name_column; /* the one that takes the room left (an index in columns) */
  double              scale;       /* of the fonts, when a wide table needs it */
  double              x[PDF_MAX_COLUMNS];
  double              w[PDF_MAX_COLUMNS];
} PdfPart;

/* A key figure across the first page. */
typedef struct {
  const char *caption;
  gint64      amount;
} PdfFigure;

typedef struct {
  PangoContext           *context;
  const DaftariCommodity *currency;
  char                   *business;
  char                   *period_text;
  char                   *prepared;
  PdfFigure               figures[PDF_N_FIGURES];
  GPtrArray              *parts;    /* of PdfPart* */
  DaftariPdfPages        *pages;    /* where each piece goes */
  guint                   n_pages;
} PdfReport;

PdfReport *pdf_report_new       (const DaftariCommodity *currency);
void       pdf_report_free      (PdfReport              *r);
/* Takes table and note. keys: the columns shown, in order; a key starting
 * with '?' only when some row has something in it. */
PdfPart   *pdf_report_add_table (PdfReport              *r,
                                 DaftariReportTable     *table,
                                 char                   *note,
                                 const char *const      *keys);
/* Takes chart; its title becomes the part's heading. */
PdfPart   *pdf_report_add_chart (PdfReport              *r,
                                 DaftariChart           *chart,
                                 const char             *note);
/* Once every part is in: gives each block its page; sets n_pages. */
void       pdf_report_paginate  (PdfReport              *r);
/* Page (0-based) with its footer, on cr in points from the page's corner. */
void       pdf_report_draw_page (PdfReport              *r,
                                 cairo_t                *cr,
                                 guint                   page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdfReport, pdf_report_free)

G_END_DECLS
