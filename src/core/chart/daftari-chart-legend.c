/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The legend: a swatch per series, in a row under the title. */
#include "daftari-chart-private.h"

double
chart_legend_height (DaftariChart *chart)
{
  double h;

  chart_text_size (chart, "Ag", NULL, &h);
  return MAX (h, CHART_SWATCH);
}

void
chart_swatch_draw (cairo_t *cr, double x, double y, const ChartLegendEntry *entry)
{
  static const double dash[] = { 5, 3 };
  double middle = y + CHART_SWATCH / 2;

  chart_set_colour_alpha (cr, entry->colour, entry->alpha);
  switch (entry->shape)
    {
    case LEGEND_BOX:
      cairo_rectangle (cr, x, y, CHART_SWATCH, CHART_SWATCH);
      cairo_fill (cr);
      break;
    case LEGEND_MARKER:
      cairo_rectangle (cr, x + CHART_SWATCH / 2 - 1.5, y - 1, 3, CHART_SWATCH + 2);
      cairo_fill (cr);
      break;
    case LEGEND_DASH:
    case LEGEND_LINE:
    default:
      cairo_save (cr);
      cairo_set_line_width (cr, 2);
      if (entry->shape == LEGEND_DASH)
        cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_move_to (cr, x - 2, middle);
      cairo_line_to (cr, x + CHART_SWATCH + 2, middle);
      cairo_stroke (cr);
      cairo_restore (cr);
      break;
    }
}

void
chart_legend_draw (DaftariChart *chart, cairo_t *cr, double y, const ChartLegendEntry *entries,
                   guint n, const ChartStyle *style)
{
  double x = CHART_MARGIN, h = chart_legend_height (chart);

  for (guint i = 0; i < n; i++)
    {
      double w;

      chart_swatch_draw (cr, x, y + (h - CHART_SWATCH) / 2, &entries[i]);
      x += CHART_SWATCH + CHART_GAP / 2;
      chart_text_draw (chart, cr, entries[i].label, x, y + h / 2, 0, 0.5, &style->text);
      chart_text_size (chart, entries[i].label, &w, NULL);
      x += w + 2 * CHART_GAP;
    }
}
