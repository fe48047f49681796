/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The chart's data, its layout per size, and drawing: the frame (background,
 * title, legend, the empty state) here, each kind in its own file. */
#include "daftari-chart-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "daftari-money.h"

G_DEFINE_QUARK (daftari-chart-error-quark, daftari_chart_error)

static void
category_clear (gpointer data)
{
  ChartCategory *category = data;

  g_free (category->label);
}

static PangoLayout *
new_text_layout (PangoContext *context, double pixels, gboolean bold)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, pixels * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  return layout;
}

DaftariChart *
daftari_chart_new (DaftariChartKind kind, const DaftariCommodity *currency)
{
  DaftariChart *chart = g_new0 (DaftariChart, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  chart->kind = kind;
  chart->currency = currency != NULL ? currency : daftari_commodity_lookup ("KES");
  chart->months = g_array_new (FALSE, FALSE, sizeof (ChartMonth));
  chart->points = g_array_new (FALSE, FALSE, sizeof (ChartPoint));
  chart->categories = g_array_new (FALSE, FALSE, sizeof (ChartCategory));
  g_array_set_clear_func (chart->categories, category_clear);
  chart->slices = g_array_new (FALSE, FALSE, sizeof (ChartSlice));
  chart->highlight = -1;
  chart->layout.regions = g_array_new (FALSE, FALSE, sizeof (ChartRegion));

  /* Text is measured without hinting, so a layout made for a size holds
   * whatever surface the chart is then drawn on. */
  chart->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (chart->pango, options);
  cairo_font_options_destroy (options);
  chart->text = new_text_layout (chart->pango, CHART_FONT_PX, FALSE);
  chart->title_text = new_text_layout (chart->pango, CHART_TITLE_PX, TRUE);
  return chart;
}

void
daftari_chart_free (DaftariChart *chart)
{
  if (chart == NULL)
    return;
  g_free (chart->title);
  g_array_unref (chart->months);
  g_array_unref (chart->points);
  g_array_unref (chart->categories);
  g_array_unref (chart->slices);
  g_array_unref (chart->layout.regions);
  g_object_unref (chart->text);
  g_object_unref (chart->title_text);
  g_object_unref (chart->pango);
  g_free (chart);
}

DaftariChartKind
daftari_chart_get_kind (const DaftariChart *chart)
{
  return chart->kind;
}

void
chart_invalidate (DaftariChart *chart)
{
  chart->layout.valid = FALSE;
}

void
daftari_chart_set_title (DaftariChart *chart, const char *title)
{
  /* Copied before the old one goes: title may be the chart's own. */
  char *copy = g_strdup (title);

  g_free (chart->title);
  chart->title = copy;
  chart_invalidate (chart);
}

const char *
daftari_chart_get_title (const DaftariChart *chart)
{
  return chart->title;
}

void
daftari_chart_add_month (DaftariChart *chart, DaftariMonth month, gint64 income, gint64 expense)
{
  ChartMonth m = { month, MAX (income, 0), MAX (expense, 0) };

  g_return_if_fail (chart->kind == DAFTARI_CHART_BARS);
  g_array_append_val (chart->months, m);
  chart_invalidate (chart);
}

void
daftari_chart_add_balance (DaftariChart *chart, DaftariDay day, gint64 balance)
{
  ChartPoint p = { day, FALSE, balance, balance, balance, balance, balance };

  g_return_if_fail (chart->kind == DAFTARI_CHART_BALANCE);
  g_array_append_val (chart->points, p);
  chart_invalidate (chart);
}

void
daftari_chart_add_forecast (DaftariChart *chart, DaftariDay day, gint64 mean, gint64 lo80,
                            gint64 hi80, gint64 lo95, gint64 hi95)
{
  /* Intervals nest: a 95% band narrower than the 80% one is drawn as the
   * 80% one, not crossed. */
  ChartPoint p = { day, TRUE, mean, MIN (lo80, mean), MAX (hi80, mean), 0, 0 };

  g_return_if_fail (chart->kind == DAFTARI_CHART_BALANCE);
  p.lo95 = MIN (lo95, p.lo80);
  p.hi95 = MAX (hi95, p.hi80);
  g_array_append_val (chart->points, p);
  chart_invalidate (chart);
}

static void
add_category (DaftariChart *chart, gint64 id, const char *label, gint64 amount, gint64 budget)
{
  ChartCategory c = { id, g_strdup (label != NULL ? label : ""), amount, budget };

  g_array_append_val (chart->categories, c);
  chart_invalidate (chart);
}

void
daftari_chart_add_slice (DaftariChart *chart, gint64 category_id, const char *label, gint64 amount)
{
  g_return_if_fail (chart->kind == DAFTARI_CHART_CATEGORIES);
  if (amount > 0)
    add_category (chart, category_id, label, amount, 0);
}

void
daftari_chart_add_budget (DaftariChart *chart, gint64 category_id, const char *label, gint64 budget,
                          gint64 actual)
{
  g_return_if_fail (chart->kind == DAFTARI_CHART_BUDGET);
  add_category (chart, category_id, label, MAX (actual, 0), MAX (budget, 0));
}

void
daftari_chart_set_highlight (DaftariChart *chart, int index)
{
  chart->highlight = index;
}

/* ---- shared helpers ---- */

double
chart_major (const DaftariChart *chart, gint64 minor)
{
  return (double) minor / (double) daftari_commodity_unit (chart->currency);
}

char *
chart_money (const DaftariChart *chart, gint64 minor)
{
  return daftari_money_format (minor, chart->currency, DAFTARI_MONEY_FORMAT_DEFAULT);
}

char *
chart_month_label (DaftariMonth month)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (month / 100, month % 100, 1, 0, 0, 0);

  return date != NULL ? g_date_time_format (date, "%b %Y") : g_strdup ("?");
}

char *
chart_day_label (DaftariDay day)
{
  return daftari_day_format (day);
}

guint
chart_day_julian (DaftariDay day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day % 100, (day / 100) % 100, day / 10000);
  return g_date_valid (&date) ? g_date_get_julian (&date) : 0;
}

gboolean
chart_is_empty (DaftariChart *chart)
{
  switch (chart->kind)
    {
    case DAFTARI_CHART_BARS:
      for (guint i = 0; i < chart->months->len; i++)
        {
          const ChartMonth *m = &g_array_index (chart->months, ChartMonth, i);
          if (m->income != 0 || m->expense != 0)
            return FALSE;
        }
      return TRUE;
    case DAFTARI_CHART_BALANCE:
      return chart->points->len == 0;
    case DAFTARI_CHART_CATEGORIES:
    case DAFTARI_CHART_BUDGET:
    default:
      return chart->categories->len == 0;
    }
}

/* ---- layout ---- */

const ChartLayout *
chart_layout (DaftariChart *chart, double width, double height)
{
  ChartLayout *layout = &chart->layout;

  if (layout->valid && layout->width == width && layout->height == height)
    return layout;
  g_array_set_size (layout->regions, 0);
  layout->width = width;
  layout->height = height;
  layout->top = CHART_MARGIN + chart_title_height (chart, width);
  layout->valid = TRUE;
  if (chart->kind == DAFTARI_CHART_CATEGORIES)
    chart_donut_prepare (chart);
  if (chart_is_empty (chart))
    return layout;
  if (chart->kind != DAFTARI_CHART_CATEGORIES)
    layout->top += chart_legend_height (chart) + CHART_GAP;
  switch (chart->kind)
    {
    case DAFTARI_CHART_BARS:       chart_bars_layout (chart, layout); break;
    case DAFTARI_CHART_BALANCE:    chart_line_layout (chart, layout); break;
    case DAFTARI_CHART_CATEGORIES: chart_donut_layout (chart, layout); break;
    case DAFTARI_CHART_BUDGET:     chart_budget_layout (chart, layout); break;
    default: break;
    }
  return layout;
}

/* ---- drawing ---- */

static void
draw_empty (DaftariChart *chart, cairo_t *cr, const ChartLayout *layout, const ChartStyle *style)
{
  double middle = layout->top + (layout->height - layout->top - CHART_MARGIN) / 2;

  chart_text_draw (chart, cr, _("No data for this period"), layout->width / 2, middle, 0.5, 0.5,
                   &style->muted);
}

static void
draw_legend (DaftariChart *chart, cairo_t *cr, const ChartStyle *style)
{
  double y = CHART_MARGIN + chart_title_height (chart, chart->layout.width);

  switch (chart->kind)
    {
    case DAFTARI_CHART_BARS:
      {
        ChartLegendEntry entries[] = {
          { LEGEND_BOX, &style->income, 1, _("Income") },
          { LEGEND_BOX, &style->expense, 1, _("Expense") },
        };
        chart_legend_draw (chart, cr, y, entries, G_N_ELEMENTS (entries), style);
        break;
      }
    case DAFTARI_CHART_BALANCE:
      {
        ChartLegendEntry entries[] = {
          { LEGEND_LINE, &style->line, 1, _("Balance") },
          { LEGEND_DASH, &style->line, 1, _("Forecast") },
          /* xgettext:no-c-format */
          { LEGEND_BOX, &style->line, 0.40, _("80% interval") },
          /* xgettext:no-c-format */
          { LEGEND_BOX, &style->line, 0.18, _("95% interval") },
        };
        gboolean forecast = chart->points->len > 0 &&
          g_array_index (chart->points, ChartPoint, chart->points->len - 1).forecast;
        chart_legend_draw (chart, cr, y, entries, forecast ? G_N_ELEMENTS (entries) : 1, style);
        break;
      }
    case DAFTARI_CHART_BUDGET:
      {
        ChartLegendEntry entries[] = {
          { LEGEND_BOX, &style->spent, 1, _("Spent") },
          { LEGEND_BOX, &style->over, 1, _("Over budget") },
          { LEGEND_MARKER, &style->marker, 1, _("Budget") },
        };
        chart_legend_draw (chart, cr, y, entries, G_N_ELEMENTS (entries), style);
        break;
      }
    case DAFTARI_CHART_CATEGORIES:
    default:
      break;  /* the donut lists its slices beside it */
    }
}

void
daftari_chart_draw (DaftariChart *chart, cairo_t *cr, double width, double height,
                    DaftariChartTheme theme, gboolean fill_background)
{
  const ChartStyle *style = chart_style (theme);
  const ChartLayout *layout = chart_layout (chart, width, height);

  cairo_save (cr);
  if (fill_background)
    {
      chart_set_colour (cr, &style->background);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }
  chart_title_draw (chart, cr, &style->text);
  if (chart_is_empty (chart))
    draw_empty (chart, cr, layout, style);
  else
    {
      draw_legend (chart, cr, style);
      switch (chart->kind)
        {
        case DAFTARI_CHART_BARS:       chart_bars_draw (chart, cr, layout, style); break;
        case DAFTARI_CHART_BALANCE:    chart_line_draw (chart, cr, layout, style); break;
        case DAFTARI_CHART_CATEGORIES: chart_donut_draw (chart, cr, layout, style); break;
        case DAFTARI_CHART_BUDGET:     chart_budget_draw (chart, cr, layout, style); break;
        default: break;
        }
      chart_highlight_draw (chart, cr, layout, style);
    }
  cairo_restore (cr);
}
