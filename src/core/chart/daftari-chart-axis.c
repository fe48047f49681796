/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Value axes: "nice" ticks (1, 2 or 5 times a power of ten), labels in short
 * forms, grid lines; and the months under a time axis. */
#include "daftari-chart-private.h"

#include <math.h>
#include <string.h>

double
daftari_chart_nice_step (double range, guint max_ticks)
{
  double raw, magnitude, n;

  if (!(range > 0) || !isfinite (range) || max_ticks == 0)
    return 1;
  raw = range / max_ticks;
  magnitude = pow (10, floor (log10 (raw)));
  n = raw / magnitude;
  /* The tolerance keeps 0.3 / 3 = 0.09999... from becoming 0.2. */
  if (n <= 1 + 1e-9)
    return magnitude;
  if (n <= 2 + 1e-9)
    return 2 * magnitude;
  if (n <= 5 + 1e-9)
    return 5 * magnitude;
  return 10 * magnitude;
}

/* "1234567" → "1,234,567": the grouping money uses. */
static void
append_grouped (GString *out, const char *digits)
{
  size_t n = strlen (digits);

  for (size_t i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
}

char *
daftari_chart_format_tick (double value, double step, double axis_max)
{
  double magnitude = fabs (axis_max), unit = 1, scaled_step;
  const char *suffix = "";
  int decimals = 0;
  char format[16], number[G_ASCII_DTOSTR_BUF_SIZE];
  GString *out;
  char *point;

  /* The short form is chosen once for the whole axis, from its largest
   * tick, so that every label has the same unit: 0, 5K, 10K, 15K. Below
   * 10,000 whole numbers read well enough as they are. */
  if (magnitude >= 1e9)
    unit = 1e9, suffix = "B";
  else if (magnitude >= 1e6)
    unit = 1e6, suffix = "M";
  else if (magnitude >= 1e4)
    unit = 1e3, suffix = "K";
  if (!(step > 0) || fabs (value) < step * 1e-6)
    return g_strdup ("0");
  scaled_step = step / unit;
  if (scaled_step < 1)
    decimals = CLAMP ((int) ceil (-log10 (scaled_step) - 1e-9), 0, 6);
  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (number, sizeof number, format, fabs (value) / unit);

  out = g_string_new (value < 0 ? "−" : "");
  point = strchr (number, '.');
  if (point != NULL)
    *point = '\0';
  append_grouped (out, number);
  if (point != NULL)
    {
      g_string_append_c (out, '.');
      g_string_append (out, point + 1);
    }
  g_string_append (out, suffix);
  return g_string_free (out, FALSE);
}

void
chart_axis_fit (ChartAxis *axis, double lo, double hi, guint max_ticks)
{
  double step;

  if (!(hi - lo > 1e-9))
    {
      double pad = MAX (fabs (lo) * 0.1, 1);
      hi = lo + pad;
      if (lo != 0)
        lo -= pad;
    }
  max_ticks = MAX (max_ticks, 1);
  step = daftari_chart_nice_step (hi - lo, max_ticks);
  for (;;)
    {
      axis->min = floor (lo / step + 1e-9) * step;
      axis->max = ceil (hi / step - 1e-9) * step;
      if ((axis->max - axis->min) / step <= max_ticks + 0.5)
        break;
      step = daftari_chart_nice_step (step * 1.01, 1);
    }
  axis->step = step;
}

double
chart_axis_pixel (const ChartAxis *axis, double value)
{
  return axis->p0 + (value - axis->min) / (axis->max - axis->min) * (axis->p1 - axis->p0);
}

static guint
axis_n_ticks (const ChartAxis *axis)
{
  return (guint) llround ((axis->max - axis->min) / axis->step) + 1;
}

static char *
axis_label (const ChartAxis *axis, guint i)
{
  return daftari_chart_format_tick (axis->min + i * axis->step, axis->step,
                                    MAX (fabs (axis->min), fabs (axis->max)));
}

double
chart_axis_label_width (DaftariChart *chart, const ChartAxis *axis)
{
  double widest = 0, w;

  for (guint i = 0; i < axis_n_ticks (axis); i++)
    {
      g_autofree char *label = axis_label (axis, i);
      chart_text_size (chart, label, &w, NULL);
      widest = MAX (widest, w);
    }
  chart_text_size (chart, chart->currency->code, &w, NULL);
  return MAX (widest, w);
}

/* Lines one pixel wide fall on pixel centres. */
static double
crisp (double v)
{
  return floor (v) + 0.5;
}

static void
grid_line (cairo_t *cr, const ChartStyle *style, double value, double x0, double y0, double x1,
           double y1)
{
  /* The zero line is the baseline money is measured from: stronger. */
  chart_set_colour (cr, fabs (value) < 1e-9 ? &style->axis : &style->grid);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
}

void
chart_axis_draw_left (DaftariChart *chart, cairo_t *cr, const ChartLayout *layout,
                      const ChartStyle *style)
{
  const ChartAxis *axis = &layout->axis;

  for (guint i = 0; i < axis_n_ticks (axis); i++)
    {
      double value = axis->min + i * axis->step;
      double y = crisp (chart_axis_pixel (axis, value));
      g_autofree char *label = axis_label (axis, i);

      grid_line (cr, style, value, layout->px, y, layout->px + layout->pw, y);
      chart_text_draw (chart, cr, label, layout->px - CHART_GAP, y, 1, 0.5, &style->muted);
    }
  /* The unit, above the labels. */
  chart_text_draw (chart, cr, chart->currency->code, layout->px - CHART_GAP, layout->py - CHART_GAP,
                   1, 1, &style->muted);
}

void
chart_axis_draw_bottom (DaftariChart *chart, cairo_t *cr, const ChartLayout *layout,
                        const ChartStyle *style)
{
  const ChartAxis *axis = &layout->axis;
  double bottom = layout->py + layout->ph, h = 0;

  for (guint i = 0; i < axis_n_ticks (axis); i++)
    {
      double value = axis->min + i * axis->step;
      double x = crisp (chart_axis_pixel (axis, value));
      g_autofree char *label = axis_label (axis, i);

      grid_line (cr, style, value, x, layout->py, x, bottom);
      chart_text_draw (chart, cr, label, x, bottom + CHART_GAP / 2, 0.5, 0, &style->muted);
    }
  chart_text_size (chart, chart->currency->code, NULL, &h);
  chart_text_draw (chart, cr, chart->currency->code, layout->px + layout->pw,
                   bottom + CHART_GAP / 2 + h, 1, 0, &style->muted);
}

static char *
month_name (DaftariMonth month, const char *format)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (month / 100, month % 100, 1, 0, 0, 0);

  return date != NULL ? g_date_time_format (date, format) : g_strdup ("?");
}

void
chart_axis_draw_months (DaftariChart *chart, cairo_t *cr, const ChartLayout *layout,
                        const ChartStyle *style, const DaftariMonth *months, const double *xs,
                        guint n)
{
  double widest = 0, h = 0, y = layout->py + layout->ph + CHART_GAP;
  guint every = 1;
  int last_year = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = month_name (months[i], "%b");
      double w;
      chart_text_size (chart, name, &w, &h);
      widest = MAX (widest, w);
    }
  if (n > 1 && xs[1] - xs[0] > 0)
    every = (guint) ceil ((widest + CHART_GAP) / (xs[1] - xs[0]));
  every = MAX (every, 1);
  for (guint i = 0; i < n; i += every)
    {
      g_autofree char *name = month_name (months[i], "%b");
      int year = months[i] / 100;

      chart_text_draw (chart, cr, name, xs[i], y, 0.5, 0, &style->muted);
      if (year != last_year)
        {
          g_autofree char *year_text = g_strdup_printf ("%d", year);
          chart_text_draw (chart, cr, year_text, xs[i], y + h, 0.5, 0, &style->muted);
          last_year = year;
        }
    }
}

void
chart_axis_layout_left (DaftariChart *chart, ChartLayout *layout, double lo, double hi)
{
  double text_h;

  chart_text_size (chart, "Ag", NULL, &text_h);
  /* Room for the unit above the plot, and two lines of months under it. */
  layout->py = layout->top + text_h + CHART_GAP;
  layout->ph = MAX (layout->height - CHART_MARGIN - 2 * text_h - CHART_GAP - layout->py, 1);
  chart_axis_fit (&layout->axis, lo, hi, (guint) CLAMP (layout->ph / 50, 2, 10));
  layout->px = CHART_MARGIN + chart_axis_label_width (chart, &layout->axis) + CHART_GAP;
  layout->pw = MAX (layout->width - CHART_MARGIN - layout->px, 1);
  layout->axis.p0 = layout->py + layout->ph;
  layout->axis.p1 = layout->py;
}
