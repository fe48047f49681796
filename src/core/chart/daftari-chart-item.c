/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Items: what a reader can point at. Hit testing looks in the same regions
 * the drawing used, and the tooltip text carries the exact amount. */
#include "daftari-chart-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>

/* How far from a point of the balance line the pointer may be, in pixels. */
#define POINT_REACH 12.0

void
daftari_chart_item_free (DaftariChartItem *item)
{
  if (item == NULL)
    return;
  g_free (item->label);
  g_free (item->text);
  g_free (item);
}

guint
daftari_chart_get_n_items (DaftariChart *chart)
{
  if (chart_is_empty (chart))
    return 0;
  switch (chart->kind)
    {
    case DAFTARI_CHART_BARS:
      return 2 * chart->months->len;
    case DAFTARI_CHART_BALANCE:
      return chart->points->len;
    case DAFTARI_CHART_CATEGORIES:
      chart_donut_prepare (chart);
      return chart->slices->len;
    case DAFTARI_CHART_BUDGET:
    default:
      return chart->categories->len;
    }
}

static void
describe_bar (DaftariChart *chart, DaftariChartItem *item, const ChartRegion *r)
{
  const ChartMonth *m = &g_array_index (chart->months, ChartMonth, r->data);
  gboolean income = r->kind == DAFTARI_CHART_ITEM_INCOME;
  g_autofree char *amount = NULL;

  item->id = m->month;
  item->value = income ? m->income : m->expense;
  item->label = chart_month_label (m->month);
  amount = chart_money (chart, item->value);
  /* Translators: "Income, Mar 2025: KES 12,000.00" */
  item->text = g_strdup_printf (income ? _("Income, %s: %s") : _("Expense, %s: %s"), item->label, amount);
}

static void
describe_point (DaftariChart *chart, DaftariChartItem *item, const ChartRegion *r)
{
  const ChartPoint *p = &g_array_index (chart->points, ChartPoint, r->data);
  g_autofree char *amount = chart_money (chart, p->value);

  item->id = p->day;
  item->value = p->value;
  item->label = chart_day_label (p->day);
  if (!p->forecast)
    {
      /* Translators: "Balance on 2025-03-14: KES 12,000.00" */
      item->text = g_strdup_printf (_("Balance on %s: %s"), item->label, amount);
      return;
    }
  {
    g_autofree char *lo80 = chart_money (chart, p->lo80);
    g_autofree char *hi80 = chart_money (chart, p->hi80);
    g_autofree char *lo95 = chart_money (chart, p->lo95);
    g_autofree char *hi95 = chart_money (chart, p->hi95);

    /* Translators: the forecast balance on a day, then its 80% and 95% intervals. */
    item->text = g_strdup_printf (_("Forecast for %s: %s\n80%%: %s – %s\n95%%: %s – %s"), item->label,
                                  amount, lo80, hi80, lo95, hi95);
  }
}

static void
describe_slice (DaftariChart *chart, DaftariChartItem *item, const ChartRegion *r)
{
  const ChartSlice *s = &g_array_index (chart->slices, ChartSlice, r->data);
  g_autofree char *amount = chart_money (chart, s->amount);
  double share = 100.0 * s->amount / chart_slices_total (chart);

  item->id = s->id;
  item->value = s->amount;
  item->label = g_strdup (s->label);
  if (s->n_merged > 0)
    /* Translators: "Other (4 categories): KES 1,200.00 (3.5%)" */
    item->text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u category): %s (%.1f%%)",
                                               "%s (%u categories): %s (%.1f%%)", s->n_merged),
                                  s->label, s->n_merged, amount, share);
  else
    /* Translators: "Rent: KES 30,000.00 (42.0%)" */
    item->text = g_strdup_printf (_("%s: %s (%.1f%%)"), s->label, amount, share);
}

static void
describe_budget (DaftariChart *chart, DaftariChartItem *item, const ChartRegion *r)
{
  const ChartCategory *c = &g_array_index (chart->categories, ChartCategory, r->data);
  g_autofree char *spent = chart_money (chart, c->amount);
  g_autofree char *budget = chart_money (chart, c->budget);
  g_autofree char *used = chart_budget_used (c);

  item->id = c->id;
  item->value = c->amount;
  item->reference = c->budget;
  item->label = g_strdup (c->label);
  /* Translators: "Rent: KES 12,000.00 spent of KES 10,000.00 (120%)" */
  item->text = g_strdup_printf (_("%s: %s spent of %s (%s)"), c->label, spent, budget, used);
}

static DaftariChartItem *
item_from_region (DaftariChart *chart, const ChartLayout *layout, guint index)
{
  const ChartRegion *r = &g_array_index (layout->regions, ChartRegion, index);
  DaftariChartItem *item = g_new0 (DaftariChartItem, 1);

  item->kind = r->kind;
  item->index = index;
  item->x = r->x;
  item->y = r->y;
  item->width = r->w;
  item->height = r->h;
  switch (r->kind)
    {
    case DAFTARI_CHART_ITEM_INCOME:
    case DAFTARI_CHART_ITEM_EXPENSE:
      describe_bar (chart, item, r);
      break;
    case DAFTARI_CHART_ITEM_BALANCE:
    case DAFTARI_CHART_ITEM_FORECAST:
      describe_point (chart, item, r);
      break;
    case DAFTARI_CHART_ITEM_SLICE:
    case DAFTARI_CHART_ITEM_OTHER:
      describe_slice (chart, item, r);
      break;
    case DAFTARI_CHART_ITEM_BUDGET:
    case DAFTARI_CHART_ITEM_NONE:
    default:
      describe_budget (chart, item, r);
      break;
    }
  return item;
}

DaftariChartItem *
daftari_chart_get_item (DaftariChart *chart, double width, double height, guint index)
{
  const ChartLayout *layout = chart_layout (chart, width, height);

  return index < layout->regions->len ? item_from_region (chart, layout, index) : NULL;
}

static gboolean
in_rect (const ChartRegion *r, double x, double y, double right)
{
  return x >= r->x && x <= right && y >= r->y && y <= r->y + r->h && r->h > 0;
}

static gboolean
in_wedge (const ChartRegion *r, double x, double y)
{
  double dx = x - r->cx, dy = y - r->cy, distance = hypot (dx, dy), angle = atan2 (dy, dx);

  if (distance < r->r0 || distance > r->r1)
    return FALSE;
  while (angle < r->a0)
    angle += 2 * G_PI;
  return angle < r->a1;
}

/* The point nearest the pointer's x, if the pointer is near enough to it
 * (or, for a forecast, inside its interval). */
static int
hit_point (const ChartLayout *layout, double x, double y)
{
  int best = -1;
  double best_dx = G_MAXDOUBLE;

  if (x < layout->px - POINT_REACH || x > layout->px + layout->pw + POINT_REACH)
    return -1;
  for (guint i = 0; i < layout->regions->len; i++)
    {
      const ChartRegion *r = &g_array_index (layout->regions, ChartRegion, i);
      double dx = fabs (r->cx - x);

      if (dx < best_dx)
        best_dx = dx, best = (int) i;
    }
  if (best >= 0)
    {
      const ChartRegion *r = &g_array_index (layout->regions, ChartRegion, best);
      gboolean near = fabs (r->cy - y) <= POINT_REACH && best_dx <= POINT_REACH * 4;
      gboolean inside = r->kind == DAFTARI_CHART_ITEM_FORECAST && best_dx <= POINT_REACH &&
                        y >= r->y && y <= r->y + r->h;
      if (!near && !inside)
        best = -1;
    }
  return best;
}

static int
hit_index (DaftariChart *chart, const ChartLayout *layout, double x, double y)
{
  if (chart->kind == DAFTARI_CHART_BALANCE)
    return hit_point (layout, x, y);
  for (guint i = 0; i < layout->regions->len; i++)
    {
      const ChartRegion *r = &g_array_index (layout->regions, ChartRegion, i);
      gboolean hit;

      switch (r->kind)
        {
        case DAFTARI_CHART_ITEM_SLICE:
        case DAFTARI_CHART_ITEM_OTHER:
          hit = in_wedge (r, x, y);
          break;
        case DAFTARI_CHART_ITEM_BUDGET:
          /* The row up to its bar's end or its budget, whichever is further. */
          hit = in_rect (r, x, y, r->reach);
          break;
        default:
          hit = in_rect (r, x, y, r->x + r->w);
          break;
        }
      if (hit)
        return (int) i;
    }
  return -1;
}

DaftariChartItem *
daftari_chart_hit (DaftariChart *chart, double width, double height, double x, double y)
{
  const ChartLayout *layout = chart_layout (chart, width, height);
  int index = hit_index (chart, layout, x, y);

  return index >= 0 ? item_from_region (chart, layout, index) : NULL;
}

/* The item under the pointer, outlined in the text colour. */
void
chart_highlight_draw (DaftariChart *chart, cairo_t *cr, const ChartLayout *layout,
                      const ChartStyle *style)
{
  const ChartRegion *r;

  if (chart->highlight < 0 || (guint) chart->highlight >= layout->regions->len)
    return;
  r = &g_array_index (layout->regions, ChartRegion, chart->highlight);
  cairo_save (cr);
  chart_set_colour (cr, &style->text);
  cairo_set_line_width (cr, 2);
  switch (r->kind)
    {
    case DAFTARI_CHART_ITEM_SLICE:
    case DAFTARI_CHART_ITEM_OTHER:
      chart_donut_wedge (cr, r);
      break;
    case DAFTARI_CHART_ITEM_BALANCE:
    case DAFTARI_CHART_ITEM_FORECAST:
      cairo_arc (cr, r->cx, r->cy, POINT_REACH / 2, 0, 2 * G_PI);
      break;
    case DAFTARI_CHART_ITEM_BUDGET:
      cairo_rectangle (cr, r->x - 1, r->y - 1, r->reach - r->x + 2, r->h + 2);
      break;
    default:
      cairo_rectangle (cr, r->x - 1, r->y - 1, r->w + 2, r->h + 2);
      break;
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}
