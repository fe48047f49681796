/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Income against expense: a pair of bars per month from a zero baseline. */
#include "daftari-chart-private.h"

/* Each bar's share of its month's width, and the widest a bar gets when
 * there are only a few months. */
#define BAR_SHARE 0.36
#define BAR_MAX   56.0

static void
add_bar (ChartLayout *layout, DaftariChartItemKind kind, guint month, double x, double w, double top)
{
  double base = layout->axis.p0;
  ChartRegion r = { .kind = kind, .data = month, .x = x, .y = top, .w = w, .h = base - top };

  g_array_append_val (layout->regions, r);
}

void
chart_bars_layout (DaftariChart *chart, ChartLayout *layout)
{
  double hi = 0, group, bar;

  for (guint i = 0; i < chart->months->len; i++)
    {
      const ChartMonth *m = &g_array_index (chart->months, ChartMonth, i);
      hi = MAX (hi, chart_major (chart, MAX (m->income, m->expense)));
    }
  chart_axis_layout_left (chart, layout, 0, hi);
  group = layout->pw / chart->months->len;
  bar = MIN (group * BAR_SHARE, BAR_MAX);
  for (guint i = 0; i < chart->months->len; i++)
    {
      const ChartMonth *m = &g_array_index (chart->months, ChartMonth, i);
      double centre = layout->px + group * (i + 0.5);

      /* One pixel apart, so the pair reads as two bars and not one. */
      add_bar (layout, DAFTARI_CHART_ITEM_INCOME, i, centre - bar - 1, bar,
               chart_axis_pixel (&layout->axis, chart_major (chart, m->income)));
      add_bar (layout, DAFTARI_CHART_ITEM_EXPENSE, i, centre + 1, bar,
               chart_axis_pixel (&layout->axis, chart_major (chart, m->expense)));
    }
}

void
chart_bars_draw (DaftariChart *chart, cairo_t *cr, const ChartLayout *layout, const ChartStyle *style)
{
  guint n = chart->months->len;
  g_autofree DaftariMonth *months = g_new (DaftariMonth, n);
  g_autofree double *xs = g_new (double, n);

  chart_axis_draw_left (chart, cr, layout, style);
  for (guint i = 0; i < layout->regions->len; i++)
    {
      const ChartRegion *r = &g_array_index (layout->regions, ChartRegion, i);

      if (r->h <= 0)
        continue;
      chart_set_colour (cr, r->kind == DAFTARI_CHART_ITEM_INCOME ? &style->income : &style->expense);
      cairo_rectangle (cr, r->x, r->y, r->w, r->h);
      cairo_fill (cr);
    }
  for (guint i = 0; i < n; i++)
    {
      months[i] = g_array_index (chart->months, ChartMonth, i).month;
      xs[i] = layout->px + layout->pw / n * (i + 0.5);
    }
  chart_axis_draw_months (chart, cr, layout, style, months, xs, n);
}
