/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The balance over time: known days as a solid line, the forecast as a
 * dashed continuation from the last known day inside its 95% and 80% bands,
 * which start at zero width there (the last balance is known). */
#include "daftari-chart-private.h"

#define DOT_RADIUS 3.0
#define BAND_95    0.18
#define BAND_80    0.40

static const ChartPoint *
point_at (const DaftariChart *chart, guint i)
{
  return &g_array_index (chart->points, ChartPoint, i);
}

static double
day_x (const ChartLayout *layout, DaftariDay day)
{
  return layout->px + ((double) chart_day_julian (day) - layout->d0) / (layout->d1 - layout->d0) * layout->pw;
}

static double
value_y (const DaftariChart *chart, const ChartLayout *layout, gint64 value)
{
  return chart_axis_pixel (&layout->axis, chart_major (chart, value));
}

void
chart_line_layout (DaftariChart *chart, ChartLayout *layout)
{
  gint64 lo = G_MAXINT64, hi = G_MININT64;

  for (guint i = 0; i < chart->points->len; i++)
    {
      lo = MIN (lo, point_at (chart, i)->lo95);
      hi = MAX (hi, point_at (chart, i)->hi95);
    }
  chart_axis_layout_left (chart, layout, chart_major (chart, lo), chart_major (chart, hi));
  layout->d0 = chart_day_julian (point_at (chart, 0)->day);
  layout->d1 = chart_day_julian (point_at (chart, chart->points->len - 1)->day);
  if (layout->d1 <= layout->d0)
    layout->d1 = layout->d0 + 1;
  for (guint i = 0; i < chart->points->len; i++)
    {
      const ChartPoint *p = point_at (chart, i);
      ChartRegion r = { .kind = p->forecast ? DAFTARI_CHART_ITEM_FORECAST : DAFTARI_CHART_ITEM_BALANCE,
                        .data = i };

      r.cx = day_x (layout, p->day);
      r.cy = value_y (chart, layout, p->value);
      /* Bounds: the point, and a forecast's whole 95% interval. */
      r.x = r.cx - DOT_RADIUS;
      r.w = 2 * DOT_RADIUS;
      r.y = value_y (chart, layout, p->hi95) - DOT_RADIUS;
      r.h = value_y (chart, layout, p->lo95) + DOT_RADIUS - r.y;
      g_array_append_val (layout->regions, r);
    }
}

/* The first forecast point, or the number of points when there is none. */
static guint
first_forecast (const DaftariChart *chart)
{
  guint i = 0;

  while (i < chart->points->len && !point_at (chart, i)->forecast)
    i++;
  return i;
}

static void
draw_band (DaftariChart *chart, cairo_t *cr, const ChartLayout *layout, guint from, gboolean wide)
{
  const ChartRegion *regions = (const ChartRegion *) (void *) layout->regions->data;

  cairo_move_to (cr, regions[from].cx, regions[from].cy);
  for (guint i = from + 1; i < chart->points->len; i++)
    cairo_line_to (cr, regions[i].cx, value_y (chart, layout, wide ? point_at (chart, i)->hi95
                                                                     : point_at (chart, i)->hi80));
  for (guint i = chart->points->len - 1; i > from; i--)
    cairo_line_to (cr, regions[i].cx, value_y (chart, layout, wide ? point_at (chart, i)->lo95
                                                                     : point_at (chart, i)->lo80));
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_polyline (cairo_t *cr, const ChartLayout *layout, guint from, guint to)
{
  const ChartRegion *regions = (const ChartRegion *) (void *) layout->regions->data;

  cairo_move_to (cr, regions[from].cx, regions[from].cy);
  for (guint i = from + 1; i < to; i++)
    cairo_line_to (cr, regions[i].cx, regions[i].cy);
  cairo_stroke (cr);
}

static void
draw_month_ticks (DaftariChart *chart, cairo_t *cr, const ChartLayout *layout, const ChartStyle *style)
{
  DaftariDay first = point_at (chart, 0)->day, last = point_at (chart, chart->points->len - 1)->day;
  DaftariMonth month = first % 100 == 1 ? first / 100 : daftari_month_add (first / 100, 1);
  g_autoptr(GArray) months = g_array_new (FALSE, FALSE, sizeof (DaftariMonth));
  g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));

  for (; month * 100 + 1 <= last; month = daftari_month_add (month, 1))
    {
      double x = day_x (layout, month * 100 + 1);
      g_array_append_val (months, month);
      g_array_append_val (xs, x);
    }
  chart_axis_draw_months (chart, cr, layout, style, (DaftariMonth *) (void *) months->data,
                          (double *) (void *) xs->data, months->len);
}

void
chart_line_draw (DaftariChart *chart, cairo_t *cr, const ChartLayout *layout, const ChartStyle *style)
{
  static const double dash[] = { 6, 4 };
  const ChartRegion *regions = (const ChartRegion *) (void *) layout->regions->data;
  guint n = chart->points->len, forecast = first_forecast (chart);
  /* The forecast continues from the last known point, if there is one. */
  guint anchor = forecast > 0 ? forecast - 1 : 0;

  chart_axis_draw_left (chart, cr, layout, style);
  draw_month_ticks (chart, cr, layout, style);
  cairo_save (cr);
  cairo_rectangle (cr, layout->px, layout->py, layout->pw, layout->ph);
  cairo_clip (cr);
  if (forecast < n)
    {
      chart_set_colour_alpha (cr, &style->line, BAND_95);
      draw_band (chart, cr, layout, anchor, TRUE);
      chart_set_colour_alpha (cr, &style->line, BAND_80);
      draw_band (chart, cr, layout, anchor, FALSE);
    }
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  chart_set_colour (cr, &style->line);
  if (forecast > 1)
    draw_polyline (cr, layout, 0, forecast);
  else if (forecast == 1)
    {
      cairo_arc (cr, regions[0].cx, regions[0].cy, DOT_RADIUS, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  if (forecast < n)
    {
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      draw_polyline (cr, layout, anchor, n);
      cairo_set_dash (cr, NULL, 0, 0);
      for (guint i = forecast; i < n; i++)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, regions[i].cx, regions[i].cy, DOT_RADIUS, 0, 2 * G_PI);
        }
      cairo_fill (cr);
    }
  cairo_restore (cr);
}
