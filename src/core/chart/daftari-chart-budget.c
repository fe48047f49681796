/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Budget against actual: a horizontal bar of what each category spent, a
 * marker where its budget is, the bar in the "over" colour past it, and the
 * share of the budget used at the end of the row. */
#include "daftari-chart-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#define BAR_MAX      28.0   /* the thickest a bar gets when there are few rows */
#define MARKER_W      3.0
#define MARKER_OVER   4.0   /* how far the marker reaches past the bar, up and down */

static const ChartCategory *
category_at (const DaftariChart *chart, guint i)
{
  return &g_array_index (chart->categories, ChartCategory, i);
}

/* "120%", or a dash when there is no budget to measure against. */
char *
chart_budget_used (const ChartCategory *c)
{
  if (c->budget <= 0)
    return g_strdup ("—");
  return g_strdup_printf ("%.0f%%", 100.0 * (double) c->amount / (double) c->budget);
}

gboolean
chart_budget_is_over (const ChartCategory *c)
{
  return c->amount > c->budget;
}

void
chart_budget_layout (DaftariChart *chart, ChartLayout *layout)
{
  guint n = chart->categories->len;
  double labels_w = 0, used_w, text_h, hi = 0, row_h, bar;

  for (guint i = 0; i < n; i++)
    {
      const ChartCategory *c = category_at (chart, i);
      double w;

      chart_text_size (chart, c->label, &w, NULL);
      labels_w = MAX (labels_w, w);
      hi = MAX (hi, chart_major (chart, MAX (c->amount, c->budget)));
    }
  labels_w = MIN (labels_w, layout->width * 0.3);
  chart_text_size (chart, "1000%", &used_w, &text_h);
  layout->px = CHART_MARGIN + labels_w + CHART_GAP;
  layout->pw = MAX (layout->width - CHART_MARGIN - used_w - CHART_GAP - layout->px, 1);
  layout->py = layout->top;
  layout->ph = MAX (layout->height - CHART_MARGIN - 2 * text_h - CHART_GAP / 2 - layout->py, 1);
  chart_axis_fit (&layout->axis, 0, hi, (guint) CLAMP (layout->pw / 90, 2, 8));
  layout->axis.p0 = layout->px;
  layout->axis.p1 = layout->px + layout->pw;

  row_h = layout->ph / n;
  bar = MIN (row_h * 0.6, BAR_MAX);
  for (guint i = 0; i < n; i++)
    {
      const ChartCategory *c = category_at (chart, i);
      ChartRegion r = { .kind = DAFTARI_CHART_ITEM_BUDGET, .data = i };
      double marker = chart_axis_pixel (&layout->axis, chart_major (chart, c->budget));

      r.x = layout->px;
      r.y = layout->py + row_h * (i + 0.5) - bar / 2;
      r.w = chart_axis_pixel (&layout->axis, chart_major (chart, c->amount)) - layout->px;
      r.h = bar;
      r.cx = marker;
      r.reach = MAX (r.x + r.w, marker + MARKER_W / 2);
      g_array_append_val (layout->regions, r);
    }
}

void
chart_budget_draw (DaftariChart *chart, cairo_t *cr, const ChartLayout *layout, const ChartStyle *style)
{
  chart_axis_draw_bottom (chart, cr, layout, style);
  for (guint i = 0; i < layout->regions->len; i++)
    {
      const ChartRegion *r = &g_array_index (layout->regions, ChartRegion, i);
      const ChartCategory *c = category_at (chart, r->data);
      g_autofree char *used = chart_budget_used (c);
      double middle = r->y + r->h / 2;

      chart_text_draw (chart, cr, c->label, layout->px - CHART_GAP, middle, 1, 0.5, &style->text);
      if (r->w > 0)
        {
          chart_set_colour (cr, chart_budget_is_over (c) ? &style->over : &style->spent);
          cairo_rectangle (cr, r->x, r->y, r->w, r->h);
          cairo_fill (cr);
        }
      chart_set_colour (cr, &style->marker);
      cairo_rectangle (cr, r->cx - MARKER_W / 2, r->y - MARKER_OVER, MARKER_W, r->h + 2 * MARKER_OVER);
      cairo_fill (cr);
      chart_text_draw (chart, cr, used, r->reach + CHART_GAP / 2, middle, 0, 0.5,
                       chart_budget_is_over (c) ? &style->over : &style->text);
    }
}
