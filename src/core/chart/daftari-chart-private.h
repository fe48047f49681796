/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "daftari-chart.h"

G_BEGIN_DECLS

/* Inside the chart renderer: the data, one layout per size, the style of
 * a theme, and the parts each kind of chart shares (frame, axes, text). */

/* Spacing, in pixels (or points in SVG/PDF). */
#define CHART_MARGIN      16.0
#define CHART_GAP          8.0
#define CHART_SWATCH      12.0
#define CHART_FONT_PX     12.0
#define CHART_TITLE_PX    16.0
/* Slices under this share of the total go into "Other" ... */
#define CHART_OTHER_SHARE  0.03
/* ... and so do all past this many, so each keeps its own colour. */
#define CHART_MAX_SLICES   7

typedef struct {
  double r, g, b, a;
} ChartRgba;

typedef struct {
  ChartRgba background, text, muted, grid, axis;
  ChartRgba income, expense, line, spent, over, marker, other;
  ChartRgba palette[CHART_MAX_SLICES];
} ChartStyle;

const ChartStyle *chart_style (DaftariChartTheme theme);
void  chart_set_colour        (cairo_t *cr, const ChartRgba *colour);
void  chart_set_colour_alpha  (cairo_t *cr, const ChartRgba *colour, double alpha);

typedef struct {
  DaftariMonth month;
  gint64       income, expense;
} ChartMonth;

typedef struct {
  DaftariDay day;
  gboolean   forecast;
  gint64     value;             /* the balance, or the forecast's mean */
  gint64     lo80, hi80, lo95, hi95;
} ChartPoint;

typedef struct {
  gint64  id;
  char   *label;
  gint64  amount;               /* the slice's amount, or what was spent */
  gint64  budget;
} ChartCategory;

/* A slice as drawn: a category, or "Other" for the small ones. */
typedef struct {
  gint64      id;
  const char *label;            /* the category's, or the translated "Other" */
  gint64      amount;
  guint       n_merged;         /* categories in Other; 0 for a category */
  guint       colour;           /* index into the palette; CHART_MAX_SLICES: Other's grey */
} ChartSlice;

/* One item as laid out: what a hit test finds and what is drawn. */
typedef struct {
  DaftariChartItemKind kind;
  guint   data;                 /* index into months, points, slices or categories */
  double  x, y, w, h;           /* bounds of the drawn shape */
  double  cx, cy, r0, r1, a0, a1; /* slices: centre, radii, angles (radians, clockwise from 12 o'clock) */
  double  reach;                /* budget bars: right end of bar or marker, whichever is further */
} ChartRegion;

/* A value axis: ticks min, min + step, ..., max, in major units. */
typedef struct {
  double min, max, step;
  double p0, p1;                /* pixels of min and max */
} ChartAxis;

typedef struct {
  gboolean valid;
  double   width, height;
  double   top;                 /* below the title and the legend */
  double   px, py, pw, ph;      /* the plot area */
  ChartAxis axis;               /* the value axis */
  double   d0, d1;              /* balance: the julian days at the plot's left and right */
  GArray  *regions;             /* of ChartRegion, one per item */
} ChartLayout;

struct _DaftariChart {
  DaftariChartKind kind;
  const DaftariCommodity *currency;
  char    *title;
  GArray  *months;              /* of ChartMonth */
  GArray  *points;              /* of ChartPoint, known days then forecast */
  GArray  *categories;          /* of ChartCategory */
  GArray  *slices;              /* of ChartSlice, rebuilt with the layout */
  int      highlight;
  ChartLayout layout;
  PangoContext *pango;
  PangoLayout  *text;           /* reused for every label */
  PangoLayout  *title_text;
};

/* daftari-chart.c */
gboolean chart_is_empty         (DaftariChart *chart);
void     chart_invalidate       (DaftariChart *chart);
const ChartLayout *chart_layout (DaftariChart *chart, double width, double height);
double   chart_major            (const DaftariChart *chart, gint64 minor);
char    *chart_money            (const DaftariChart *chart, gint64 minor);
char    *chart_month_label      (DaftariMonth month);
char    *chart_day_label        (DaftariDay day);
guint    chart_day_julian       (DaftariDay day);

/* daftari-chart-text.c: measured and drawn with the chart's own Pango
 * context, so that sizes do not depend on the surface drawn on. */
void     chart_text_size        (DaftariChart *chart, const char *text, double *w, double *h);
/* Draws text with its box aligned at (x, y): xalign/yalign 0 left/top,
 * 0.5 centre, 1 right/bottom. */
void     chart_text_draw        (DaftariChart *chart, cairo_t *cr, const char *text,
                                 double x, double y, double xalign, double yalign,
                                 const ChartRgba *colour);
double   chart_title_height     (DaftariChart *chart, double width);
void     chart_title_draw       (DaftariChart *chart, cairo_t *cr, const ChartRgba *colour);

/* daftari-chart-axis.c */
void     chart_axis_fit         (ChartAxis *axis, double lo, double hi, guint max_ticks);
double   chart_axis_pixel       (const ChartAxis *axis, double value);
/* The widest tick label of an axis, to leave room for it. */
double   chart_axis_label_width (DaftariChart *chart, const ChartAxis *axis);
/* Places the plot under layout->top with a value axis on its left that
 * holds lo .. hi (major units), months under it (bars, balance). */
void     chart_axis_layout_left (DaftariChart *chart, ChartLayout *layout, double lo, double hi);
/* Horizontal grid lines and labels left of the plot (bars, balance). */
void     chart_axis_draw_left   (DaftariChart *chart, cairo_t *cr, const ChartLayout *layout,
                                 const ChartStyle *style);
/* Vertical grid lines and labels under the plot (budget). */
void     chart_axis_draw_bottom (DaftariChart *chart, cairo_t *cr, const ChartLayout *layout,
                                 const ChartStyle *style);
/* Month names under the plot at the given x, the year under January and
 * under the first; thinned out when they would overlap. */
void     chart_axis_draw_months (DaftariChart *chart, cairo_t *cr, const ChartLayout *layout,
                                 const ChartStyle *style, const DaftariMonth *months,
                                 const double *xs, guint n);

/* daftari-chart-legend.c: swatches and labels in a row under the title. */
typedef enum { LEGEND_BOX, LEGEND_LINE, LEGEND_DASH, LEGEND_MARKER } ChartLegendShape;
typedef struct {
  ChartLegendShape shape;
  const ChartRgba *colour;
  double           alpha;
  const char      *label;
} ChartLegendEntry;
double   chart_legend_height    (DaftariChart *chart);
void     chart_legend_draw      (DaftariChart *chart, cairo_t *cr, double y,
                                 const ChartLegendEntry *entries, guint n,
                                 const ChartStyle *style);
void     chart_swatch_draw      (cairo_t *cr, double x, double y, const ChartLegendEntry *entry);

/* daftari-chart-item.c: the item under the pointer, outlined. */
void     chart_highlight_draw   (DaftariChart *chart, cairo_t *cr, const ChartLayout *layout,
                                 const ChartStyle *style);

/* Each kind lays itself out under layout->top and draws itself. */
void     chart_bars_layout      (DaftariChart *chart, ChartLayout *layout);
void     chart_bars_draw        (DaftariChart *chart, cairo_t *cr, const ChartLayout *layout, const ChartStyle *style);
void     chart_line_layout      (DaftariChart *chart, ChartLayout *layout);
void     chart_line_draw        (DaftariChart *chart, cairo_t *cr, const ChartLayout *layout, const ChartStyle *style);
void     chart_donut_prepare    (DaftariChart *chart);
gint64   chart_slices_total     (const DaftariChart *chart);
void     chart_donut_layout     (DaftariChart *chart, ChartLayout *layout);
/* A slice's outline as a path on cr (drawing and highlighting). */
void     chart_donut_wedge      (cairo_t *cr, const ChartRegion *region);
void     chart_donut_draw       (DaftariChart *chart, cairo_t *cr, const ChartLayout *layout, const ChartStyle *style);
void     chart_budget_layout    (DaftariChart *chart, ChartLayout *layout);
/* "120%" of the budget used, or a dash without a budget. */
char    *chart_budget_used      (const ChartCategory *category);
gboolean chart_budget_is_over   (const ChartCategory *category);
void     chart_budget_draw      (DaftariChart *chart, cairo_t *cr, const ChartLayout *layout, const ChartStyle *style);

G_END_DECLS
