/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Categories as a donut, largest first, clockwise from twelve o'clock, with
 * the list of slices and their shares beside it. Small slices (under 3% of
 * the total, or past the seventh) go into one grey "Other", so every slice
 * that is drawn has a colour of its own. */
#include "daftari-chart-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#define HOLE 0.58     /* the hole's radius, as a share of the donut's */
#define ROW_GAP 6.0

static int
by_amount_desc (gconstpointer a, gconstpointer b)
{
  const ChartCategory *x = a, *y = b;

  if (x->amount != y->amount)
    return x->amount > y->amount ? -1 : 1;
  return g_strcmp0 (x->label, y->label);
}

gint64
chart_slices_total (const DaftariChart *chart)
{
  gint64 total = 0;

  for (guint i = 0; i < chart->slices->len; i++)
    total += g_array_index (chart->slices, ChartSlice, i).amount;
  return total;
}

void
chart_donut_prepare (DaftariChart *chart)
{
  g_autoptr(GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (ChartCategory), chart->categories->len);
  ChartSlice other = { 0, _("Other"), 0, 0, CHART_MAX_SLICES };
  const ChartCategory *last_merged = NULL;
  double total = 0;

  g_array_append_vals (sorted, chart->categories->data, chart->categories->len);  /* borrowed labels */
  g_array_sort (sorted, by_amount_desc);
  g_array_set_size (chart->slices, 0);
  for (guint i = 0; i < sorted->len; i++)
    total += (double) g_array_index (sorted, ChartCategory, i).amount;
  for (guint i = 0; i < sorted->len; i++)
    {
      const ChartCategory *c = &g_array_index (sorted, ChartCategory, i);

      if (i < CHART_MAX_SLICES && c->amount >= total * CHART_OTHER_SHARE)
        {
          ChartSlice s = { c->id, c->label, c->amount, 0, i };
          g_array_append_val (chart->slices, s);
        }
      else
        {
          other.amount += c->amount;
          other.n_merged++;
          last_merged = c;
        }
    }
  /* "Other" of one category would hide its name for nothing. */
  if (other.n_merged == 1)
    {
      ChartSlice s = { last_merged->id, last_merged->label, last_merged->amount, 0, CHART_MAX_SLICES };
      g_array_append_val (chart->slices, s);
    }
  else if (other.n_merged > 1)
    g_array_append_val (chart->slices, other);
}

/* "Rent  42.1%": a slice as the list beside the donut shows it. */
static char *
slice_row (const ChartSlice *slice, gint64 total)
{
  return g_strdup_printf ("%s  %.1f%%", slice->label, 100.0 * slice->amount / total);
}

void
chart_donut_layout (DaftariChart *chart, ChartLayout *layout)
{
  gint64 total = chart_slices_total (chart);
  double list_w = 0, avail_h, diameter, cum = 0, start = -G_PI / 2;

  for (guint i = 0; i < chart->slices->len; i++)
    {
      g_autofree char *row = slice_row (&g_array_index (chart->slices, ChartSlice, i), total);
      double w;
      chart_text_size (chart, row, &w, NULL);
      list_w = MAX (list_w, w);
    }
  list_w = MIN (list_w + CHART_SWATCH + CHART_GAP, layout->width * 0.45);
  avail_h = layout->height - CHART_MARGIN - layout->top;
  diameter = MAX (MIN (avail_h, layout->width - 2 * CHART_MARGIN - list_w - 2 * CHART_GAP), 2);
  /* The donut and its list together, centred across the width. */
  layout->px = CHART_MARGIN + MAX ((layout->width - 2 * CHART_MARGIN - diameter - 2 * CHART_GAP - list_w) / 2, 0);
  layout->py = layout->top;
  layout->pw = diameter;
  layout->ph = diameter;
  for (guint i = 0; i < chart->slices->len; i++)
    {
      const ChartSlice *s = &g_array_index (chart->slices, ChartSlice, i);
      ChartRegion r = { .kind = s->n_merged > 0 ? DAFTARI_CHART_ITEM_OTHER : DAFTARI_CHART_ITEM_SLICE,
                        .data = i };
      double middle;

      r.cx = layout->px + diameter / 2;
      r.cy = layout->py + diameter / 2;
      r.r1 = diameter / 2;
      r.r0 = r.r1 * HOLE;
      r.a0 = start + 2 * G_PI * cum / total;
      cum += (double) s->amount;
      r.a1 = start + 2 * G_PI * cum / total;
      /* Bounds: a small box around a point in the middle of the slice. */
      middle = (r.a0 + r.a1) / 2;
      r.x = r.cx + cos (middle) * (r.r0 + r.r1) / 2 - 2;
      r.y = r.cy + sin (middle) * (r.r0 + r.r1) / 2 - 2;
      r.w = r.h = 4;
      g_array_append_val (layout->regions, r);
    }
}

static const ChartRgba *
slice_colour (const ChartStyle *style, const ChartSlice *slice)
{
  return slice->colour < CHART_MAX_SLICES ? &style->palette[slice->colour] : &style->other;
}

void
chart_donut_wedge (cairo_t *cr, const ChartRegion *r)
{
  cairo_new_path (cr);
  cairo_move_to (cr, r->cx + r->r1 * cos (r->a0), r->cy + r->r1 * sin (r->a0));
  cairo_arc (cr, r->cx, r->cy, r->r1, r->a0, r->a1);
  cairo_line_to (cr, r->cx + r->r0 * cos (r->a1), r->cy + r->r0 * sin (r->a1));
  cairo_arc_negative (cr, r->cx, r->cy, r->r0, r->a1, r->a0);
  cairo_close_path (cr);
}

static void
draw_total (DaftariChart *chart, cairo_t *cr, const ChartLayout *layout, const ChartStyle *style)
{
  const ChartRegion *r = &g_array_index (layout->regions, ChartRegion, 0);
  gint64 total = chart_slices_total (chart);
  g_autofree char *amount = chart_money (chart, total);
  double w, h;

  chart_text_size (chart, amount, &w, &h);
  if (w > 1.8 * r->r0)
    {
      /* Too wide for the hole: the short form the axes use. */
      double major = chart_major (chart, total);
      g_free (amount);
      amount = daftari_chart_format_tick (major, major / 100, major);
    }
  chart_text_draw (chart, cr, _("Total"), r->cx, r->cy, 0.5, 1, &style->muted);
  chart_text_draw (chart, cr, amount, r->cx, r->cy, 0.5, 0, &style->text);
}

static void
draw_list (DaftariChart *chart, cairo_t *cr, const ChartLayout *layout, const ChartStyle *style)
{
  gint64 total = chart_slices_total (chart);
  double x = layout->px + layout->pw + 2 * CHART_GAP, h, y;

  chart_text_size (chart, "Ag", NULL, &h);
  y = layout->py + MAX ((layout->ph - chart->slices->len * (h + ROW_GAP)) / 2, 0);
  for (guint i = 0; i < chart->slices->len; i++, y += h + ROW_GAP)
    {
      const ChartSlice *s = &g_array_index (chart->slices, ChartSlice, i);
      ChartLegendEntry entry = { LEGEND_BOX, slice_colour (style, s), 1, s->label };
      g_autofree char *row = slice_row (s, total);

      chart_swatch_draw (cr, x, y + (h - CHART_SWATCH) / 2, &entry);
      chart_text_draw (chart, cr, row, x + CHART_SWATCH + CHART_GAP / 2, y + h / 2, 0, 0.5, &style->text);
    }
}

void
chart_donut_draw (DaftariChart *chart, cairo_t *cr, const ChartLayout *layout, const ChartStyle *style)
{
  for (guint i = 0; i < layout->regions->len; i++)
    {
      const ChartRegion *r = &g_array_index (layout->regions, ChartRegion, i);

      chart_donut_wedge (cr, r);
      chart_set_colour (cr, slice_colour (style, &g_array_index (chart->slices, ChartSlice, r->data)));
      cairo_fill (cr);
    }
  draw_total (chart, cr, layout, style);
  draw_list (chart, cr, layout, style);
}
