/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "daftari-chart.h"

G_BEGIN_DECLS

/* What a chart drew, read back from cairo's SVG with GMarkup: every filled
 * or stroked path outside <defs> with its colour and geometry, and the
 * colours text was drawn in (cairo writes glyphs as <use> inside a <g>
 * that carries the fill). */

typedef struct {
  guint32  fill;          /* 0xRRGGBB, or G_MAXUINT32 when not filled */
  double   fill_opacity;
  gboolean stroked;
  gboolean dashed;
  guint    n_curves;      /* C commands: arcs come out as curves */
  double   x0, y0;        /* the first point (M) */
  double   x1, y1;        /* the first L point after it, or the first point again */
  double   left, top, right, bottom;  /* bounding box of every point */
} SvgPath;

typedef struct {
  GArray *paths;          /* of SvgPath */
  GArray *text_colours;   /* of guint32 */
} SvgChart;

SvgChart *svg_chart_parse_file (const char *path);
SvgChart *svg_chart_render (DaftariChart *chart, int width, int height, DaftariChartTheme theme);
void      svg_chart_free   (SvgChart *svg);
/* The filled paths of one colour, in document order. */
GArray   *svg_chart_fills  (const SvgChart *svg, guint32 colour);
gboolean  svg_chart_has_text_colour (const SvgChart *svg, guint32 colour);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SvgChart, svg_chart_free)

G_END_DECLS
