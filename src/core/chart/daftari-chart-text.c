/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Labels and the title, through Pango. */
#include "daftari-chart-private.h"

static void
layout_size (PangoLayout *layout, double *w, double *h)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (w != NULL)
    *w = (double) logical.width / PANGO_SCALE;
  if (h != NULL)
    *h = (double) logical.height / PANGO_SCALE;
}

void
chart_text_size (DaftariChart *chart, const char *text, double *w, double *h)
{
  pango_layout_set_text (chart->text, text, -1);
  layout_size (chart->text, w, h);
}

static void
show_layout (cairo_t *cr, PangoLayout *layout, double x, double y, double xalign, double yalign,
             const ChartRgba *colour)
{
  double w, h;

  layout_size (layout, &w, &h);
  cairo_move_to (cr, x - w * xalign, y - h * yalign);
  chart_set_colour (cr, colour);
  pango_cairo_show_layout (cr, layout);
}

void
chart_text_draw (DaftariChart *chart, cairo_t *cr, const char *text, double x, double y,
                 double xalign, double yalign, const ChartRgba *colour)
{
  pango_layout_set_text (chart->text, text, -1);
  show_layout (cr, chart->text, x, y, xalign, yalign, colour);
}

/* The title's height plus a gap, or 0 without a title; long titles end
 * with an ellipsis rather than running off the chart. */
double
chart_title_height (DaftariChart *chart, double width)
{
  double h;

  if (chart->title == NULL || *chart->title == '\0')
    return 0;
  pango_layout_set_text (chart->title_text, chart->title, -1);
  pango_layout_set_width (chart->title_text, (int) (MAX (width - 2 * CHART_MARGIN, 1) * PANGO_SCALE));
  pango_layout_set_ellipsize (chart->title_text, PANGO_ELLIPSIZE_END);
  layout_size (chart->title_text, NULL, &h);
  return h + CHART_GAP;
}

void
chart_title_draw (DaftariChart *chart, cairo_t *cr, const ChartRgba *colour)
{
  if (chart_title_height (chart, chart->layout.width) > 0)
    show_layout (cr, chart->title_text, CHART_MARGIN, CHART_MARGIN, 0, 0, colour);
}
