/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-chart.h"
#include "daftari-report.h"

G_BEGIN_DECLS

/* The charts the Reports page shows above its tables, made from the same
 * report data or from cheap ledger reads, and what a click on one of their
 * items stands for: which transactions to list. */

/* Income against expense for the months up to and including last. */
DaftariChart *daftari_report_chart_months   (DaftariBook                 *book,
                                             DaftariMonth                 last,
                                             guint                        months,
                                             GError                     **error);
/* A donut of the expense categories of the totals' first column. */
DaftariChart *daftari_report_chart_expenses (DaftariBook                 *book,
                                             const DaftariCategoryTotals *totals);
/* The wallets in the book currency together, at the end of each day of the
 * period (or of each month, for periods longer than a quarter). */
DaftariChart *daftari_report_chart_balance  (DaftariBook                 *book,
                                             const DaftariPeriod         *period,
                                             GError                     **error);

typedef enum {
  DAFTARI_REPORT_PICK_WALLETS,   /* anything that moved money in a wallet of the book currency */
  DAFTARI_REPORT_PICK_INCOME,    /* anything touching an income category */
  DAFTARI_REPORT_PICK_EXPENSE,   /* anything touching an expense category */
  DAFTARI_REPORT_PICK_CATEGORY,  /* anything touching category_id */
  DAFTARI_REPORT_PICK_OTHER,     /* expenses in none of the excluded categories */
} DaftariReportPickKind;

/* The transactions behind one item of a chart. */
typedef struct {
  DaftariReportPickKind kind;
  char                 *title;
  gint64                from_ts;
  gint64                to_ts;
  gint64                category_id;
  GArray               *excluded;   /* of gint64 category ids, for OTHER */
} DaftariReportPick;

/* What an item of chart (as ::item-activated gives it) stands for, the
 * chart drawn for period; NULL for an item with nothing behind it. */
DaftariReportPick *daftari_report_pick_new  (DaftariBook                 *book,
                                             DaftariChart                *chart,
                                             const DaftariPeriod         *period,
                                             DaftariChartItemKind         kind,
                                             gint64                       id);
void               daftari_report_pick_free (DaftariReportPick           *pick);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariReportPick, daftari_report_pick_free)

G_END_DECLS
