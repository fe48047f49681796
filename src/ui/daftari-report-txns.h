/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "daftari-report-charts.h"

G_BEGIN_DECLS

/* "Click a bar or slice to see its transactions": a window over parent
 * listing what the pick stands for, newest first, each with the amount that
 * counted in the chart. Its widget name is "report-transactions". */
GtkWidget *daftari_report_txns_show (GtkWindow               *parent,
                                     DaftariBook             *book,
                                     const DaftariReportPick *pick);

G_END_DECLS
