/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "daftari-report-table.h"

G_BEGIN_DECLS

/* A report table as people read it on screen: a grid of labels, a heading
 * over each section, money right-aligned with tabular figures and KES
 * thousands separators, total lines in bold. The same cells the CSV holds,
 * so what is saved is what is shown. */
GtkWidget *daftari_report_grid_new (const DaftariReportTable *table);

G_END_DECLS
