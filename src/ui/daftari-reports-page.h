/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-page.h"
#include "daftari-report-table.h"

G_BEGIN_DECLS

/* The reports of docs/reports.md for a period the owner picks, each as a
 * table with the matching chart above it (clicking a bar, slice or point
 * lists its transactions). Page actions: page.save-csv, page.save-chart,
 * page.export-pdf (every report of the period as one PDF, written off the
 * main thread; a toast says when it is saved or why not).
 * The choosers are the template children "report_dropdown" and
 * "period_dropdown" (DaftariReportChoice, DaftariPeriodChoice order), the
 * custom dates "from_entry" and "to_entry" (applied on Enter or by
 * page.apply-dates), the chart "chart_view". */
#define DAFTARI_TYPE_REPORTS_PAGE (daftari_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (DaftariReportsPage, daftari_reports_page, DAFTARI, REPORTS_PAGE, DaftariPage)

typedef enum {
  DAFTARI_REPORT_CHOICE_MONTHLY,
  DAFTARI_REPORT_CHOICE_PNL,
  DAFTARI_REPORT_CHOICE_CASHFLOW,
  DAFTARI_REPORT_CHOICE_BALANCE,
  DAFTARI_REPORT_CHOICE_TOP,
  DAFTARI_REPORT_CHOICE_CHARGES,
  DAFTARI_REPORT_CHOICE_VAT,
} DaftariReportChoice;

typedef enum {
  DAFTARI_PERIOD_THIS_MONTH,   /* the 1st to today */
  DAFTARI_PERIOD_LAST_MONTH,
  DAFTARI_PERIOD_THIS_YEAR,    /* 1 January to today */
  DAFTARI_PERIOD_LAST_YEAR,
  DAFTARI_PERIOD_CUSTOM,
} DaftariPeriodChoice;

/* The table on screen (NULL before the page is first shown, or on error). */
const DaftariReportTable *daftari_reports_page_get_table      (DaftariReportsPage *self);
/* What "Save as CSV…" and "Save Chart…" write, without their dialogs. */
gboolean                  daftari_reports_page_save_csv       (DaftariReportsPage *self,
                                                               GFile              *file,
                                                               GError            **error);
gboolean                  daftari_reports_page_save_chart     (DaftariReportsPage *self,
                                                               GFile              *file,
                                                               GError            **error);
/* What "Export PDF…" does once a file is chosen: the report PDF of the
 * page's period (daftari-report-pdf.h), written in a thread. */
void                      daftari_reports_page_export_pdf_async  (DaftariReportsPage  *self,
                                                                  GFile               *file,
                                                                  GCancellable        *cancellable,
                                                                  GAsyncReadyCallback  callback,
                                                                  gpointer             user_data);
gboolean                  daftari_reports_page_export_pdf_finish (DaftariReportsPage  *self,
                                                                  GAsyncResult        *result,
                                                                  GError             **error);

G_END_DECLS
