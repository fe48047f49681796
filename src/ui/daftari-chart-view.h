/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "daftari-chart.h"

G_BEGIN_DECLS

/* A core DaftariChart on screen: drawn in the window's light or dark style,
 * a tooltip with the exact amount of what is under the pointer, and
 * ::item-activated (kind, id) when a bar, slice or point is clicked, so the
 * page can show its transactions. Screen readers get the chart as an image
 * with the chart's own description. */
#define DAFTARI_TYPE_CHART_VIEW (daftari_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (DaftariChartView, daftari_chart_view, DAFTARI, CHART_VIEW, GtkWidget)

GtkWidget    *daftari_chart_view_new       (void);
/* Takes the chart (NULL: nothing to show). */
void          daftari_chart_view_set_chart (DaftariChartView *self,
                                            DaftariChart     *chart);
DaftariChart *daftari_chart_view_get_chart (DaftariChartView *self);

G_END_DECLS
