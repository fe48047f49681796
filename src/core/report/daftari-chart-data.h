/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-chart.h"
#include "daftari-report.h"

G_BEGIN_DECLS

/* The charts that go with the reports, filled from the same report data or
 * from cheap ledger reads: the Reports page draws them in the window and
 * the report PDF on its pages, so both show the same figures. */

/* Income against expense for the months up to and including last. */
DaftariChart *daftari_report_chart_months          (DaftariBook                 *book,
                                                    DaftariMonth                 last,
                                                    guint                        months,
                                                    GError                     **error);
/* A donut of the expense categories of the totals' first column. */
DaftariChart *daftari_report_chart_expenses        (DaftariBook                 *book,
                                                    const DaftariCategoryTotals *totals);
/* The wallets in the book currency together, at the end of each day of the
 * period (or of each month, for periods longer than a quarter); a period
 * reaching past today stops at today. */
DaftariChart *daftari_report_chart_balance         (DaftariBook                 *book,
                                                    const DaftariPeriod         *period,
                                                    GError                     **error);
/* Whether daftari_report_chart_balance gives month ends for this period. */
gboolean      daftari_report_chart_balance_monthly (const DaftariPeriod         *period);

G_END_DECLS
