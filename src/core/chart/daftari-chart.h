/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "daftari-calendar.h"
#include "daftari-commodity.h"

G_BEGIN_DECLS

/* Charts drawn by core code on any cairo_t (docs/charts.md): the window's
 * widget, PNG, SVG and PDF files all go through daftari_chart_draw. A chart
 * holds plain data (labelled amounts in minor units, days, intervals); it
 * never reads a book. Drawing, hit testing and the items' bounds come from
 * one layout per size, so what is hit is what was drawn. */

#define DAFTARI_CHART_ERROR (daftari_chart_error_quark ())
typedef enum {
  DAFTARI_CHART_ERROR_FORMAT,   /* a file name that is not .png, .svg or .pdf; a bad size */
  DAFTARI_CHART_ERROR_IO,       /* the file could not be written */
} DaftariChartError;

GQuark daftari_chart_error_quark (void);

typedef enum {
  DAFTARI_CHART_BARS,           /* income against expense, grouped bars per month */
  DAFTARI_CHART_BALANCE,        /* balance line, forecast continuation, 80%/95% bands */
  DAFTARI_CHART_CATEGORIES,     /* a donut of amounts per category */
  DAFTARI_CHART_BUDGET,         /* horizontal bars of actual spending, a budget marker */
} DaftariChartKind;

typedef enum {
  DAFTARI_CHART_THEME_LIGHT,
  DAFTARI_CHART_THEME_DARK,
} DaftariChartTheme;

typedef enum {
  DAFTARI_CHART_ITEM_NONE,
  DAFTARI_CHART_ITEM_INCOME,    /* a month's income bar: id is the month, YYYYMM */
  DAFTARI_CHART_ITEM_EXPENSE,   /* a month's expense bar: id is the month, YYYYMM */
  DAFTARI_CHART_ITEM_BALANCE,   /* a point of the balance: id is the day, YYYYMMDD */
  DAFTARI_CHART_ITEM_FORECAST,  /* a forecast point: id is the day, YYYYMMDD */
  DAFTARI_CHART_ITEM_SLICE,     /* a category's slice: id is the category's */
  DAFTARI_CHART_ITEM_OTHER,     /* the "Other" slice of the small categories: id 0 */
  DAFTARI_CHART_ITEM_BUDGET,    /* a category's budget bar: id is the category's */
} DaftariChartItemKind;

/* What is under the pointer, for a tooltip and for "show its transactions". */
typedef struct {
  DaftariChartItemKind kind;
  guint    index;               /* 0 .. daftari_chart_get_n_items () - 1 */
  gint64   id;                  /* month, day or category id, as the kind says */
  gint64   value;               /* exact, minor units: the bar's, slice's or point's amount */
  gint64   reference;           /* the budget of a budget bar; 0 otherwise */
  char    *label;               /* "Mar 2025", "Rent", "2025-03-14" */
  char    *text;                /* the tooltip: label, what it is and the exact amount */
  double   x, y, width, height; /* where it is drawn, in the size asked for */
} DaftariChartItem;

void daftari_chart_item_free (DaftariChartItem *item);

/* The same data as rows of strings, for screen readers and a table view. */
typedef struct {
  GStrv      columns;
  GPtrArray *rows;              /* of GStrv, as many strings as columns */
} DaftariChartTable;

void daftari_chart_table_free (DaftariChartTable *table);

typedef struct _DaftariChart DaftariChart;

/* currency: how amounts read ("KES 1,234.50"); NULL for KES. */
DaftariChart *daftari_chart_new          (DaftariChartKind        kind,
                                          const DaftariCommodity *currency);
void          daftari_chart_free         (DaftariChart           *chart);
DaftariChartKind daftari_chart_get_kind  (const DaftariChart     *chart);
void          daftari_chart_set_title    (DaftariChart           *chart,
                                          const char             *title);
const char   *daftari_chart_get_title    (const DaftariChart     *chart);

/* Bars: one month's income and expense, both as positive amounts. */
void          daftari_chart_add_month    (DaftariChart           *chart,
                                          DaftariMonth            month,
                                          gint64                  income,
                                          gint64                  expense);
/* Balance: a known balance at the end of a day, days in increasing order. */
void          daftari_chart_add_balance  (DaftariChart           *chart,
                                          DaftariDay              day,
                                          gint64                  balance);
/* Balance: a forecast balance with its intervals, after the known days. */
void          daftari_chart_add_forecast (DaftariChart           *chart,
                                          DaftariDay              day,
                                          gint64                  mean,
                                          gint64                  lo80,
                                          gint64                  hi80,
                                          gint64                  lo95,
                                          gint64                  hi95);
/* Categories: one category's amount (negative amounts are left out). */
void          daftari_chart_add_slice    (DaftariChart           *chart,
                                          gint64                  category_id,
                                          const char             *label,
                                          gint64                  amount);
/* Budget: one category's budget and what was spent against it. */
void          daftari_chart_add_budget   (DaftariChart           *chart,
                                          gint64                  category_id,
                                          const char             *label,
                                          gint64                  budget,
                                          gint64                  actual);

/* Paints the whole chart on cr in the rectangle (0, 0, width, height) of
 * cr's user space. With fill_background the theme's background is painted
 * first (files); the widget leaves it to the window. */
void          daftari_chart_draw         (DaftariChart           *chart,
                                          cairo_t                *cr,
                                          double                  width,
                                          double                  height,
                                          DaftariChartTheme       theme,
                                          gboolean                fill_background);
/* Draws the item of that index outlined, as under the pointer; -1: none. */
void          daftari_chart_set_highlight (DaftariChart          *chart,
                                           int                    index);

/* The items a reader can point at, in the order the table lists them. */
guint         daftari_chart_get_n_items  (DaftariChart           *chart);
/* Item index as laid out at width x height; NULL past the end. */
DaftariChartItem *daftari_chart_get_item (DaftariChart           *chart,
                                          double                  width,
                                          double                  height,
                                          guint                   index);
/* The item drawn at (x, y) at that size, or NULL over empty space. */
DaftariChartItem *daftari_chart_hit      (DaftariChart           *chart,
                                          double                  width,
                                          double                  height,
                                          double                  x,
                                          double                  y);

/* A sentence or two that says what the chart shows, for screen readers. */
char         *daftari_chart_describe     (DaftariChart           *chart);
DaftariChartTable *daftari_chart_table   (DaftariChart           *chart);

/* PNG, SVG or PDF by the file name's extension, width x height pixels
 * (points for SVG and PDF), background painted. Writes nothing on error. */
gboolean      daftari_chart_export       (DaftariChart           *chart,
                                          const char             *path,
                                          int                     width,
                                          int                     height,
                                          DaftariChartTheme       theme,
                                          GError                **error);

/* Axis helpers, public for the tests and for reports that print figures
 * the way the axes do. A "nice" step of 1, 2 or 5 times a power of ten
 * that cuts range into at most max_ticks intervals. */
double        daftari_chart_nice_step    (double                  range,
                                          guint                   max_ticks);
/* A tick value (major units) as the axis writes it: "2,500" below 10,000,
 * else "12K", "1.5M", "2B", with as many decimals as the step needs. */
char         *daftari_chart_format_tick  (double                  value,
                                          double                  step,
                                          double                  axis_max);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariChart, daftari_chart_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariChartItem, daftari_chart_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariChartTable, daftari_chart_table_free)

G_END_DECLS
