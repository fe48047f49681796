/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Renders each kind of chart at 1280×720 into an image surface, the median
 * of many runs, beside a baseline measured in the same run: filling the
 * surface and drawing as many plain rectangles as the chart has items.
 * Two figures per chart: a full draw (layout and paint, as after a resize
 * or new data) and a repaint (the layout kept, as on hover).
 * Run by hand: bench-charts [--runs N]. Target: ≤ 16 ms per chart. */
#include <locale.h>
#include <math.h>

#include "daftari-chart.h"
#include "daftari-core.h"

#define W 1280
#define H 720

static int n_runs = 200;

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *samples)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, samples->len / 2);
}

/* Milliseconds of the median run of draw (cr, data). */
static double
time_median (cairo_surface_t *surface, void (*draw) (cairo_t *, gpointer), gpointer data)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (int i = 0; i < n_runs; i++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();
      double ms;

      draw (cr, data);
      cairo_surface_flush (surface);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      cairo_destroy (cr);
      g_array_append_val (samples, ms);
    }
  return median (samples);
}

typedef struct {
  DaftariChart *chart;
  gboolean      relayout;
} ChartRun;

static void
draw_chart (cairo_t *cr, gpointer data)
{
  ChartRun *run = data;

  if (run->relayout)  /* new data: setting the title drops the layout */
    daftari_chart_set_title (run->chart, daftari_chart_get_title (run->chart));
  daftari_chart_draw (run->chart, cr, W, H, DAFTARI_CHART_THEME_LIGHT, TRUE);
}

static void
draw_baseline (cairo_t *cr, gpointer data)
{
  guint n = GPOINTER_TO_UINT (data);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0.447, 0.698);
  for (guint i = 0; i < n; i++)
    {
      cairo_rectangle (cr, 40 + (i * 37) % (W - 80), 40 + (i * 53) % (H - 300), 20, 200);
      cairo_fill (cr);
    }
}

static DaftariChart *
make_chart (DaftariChartKind kind)
{
  static const char *const names[] = { "Stock", "Rent", "Transport", "Airtime", "Salaries", "Electricity (KPLC)",
                                       "Water", "M-PESA charges", "Repairs", "Packaging", "Advertising", "Security" };
  DaftariChart *chart = daftari_chart_new (kind, NULL);
  GRand *rand = g_rand_new_with_seed (8);

  daftari_chart_set_title (chart, "Duka la Amina");
  switch (kind)
    {
    case DAFTARI_CHART_BARS:
      for (int m = 0; m < 12; m++)
        daftari_chart_add_month (chart, daftari_month_add (202501, m), g_rand_int_range (rand, 1, 90000000),
                                 g_rand_int_range (rand, 1, 80000000));
      break;
    case DAFTARI_CHART_BALANCE:
      {
        gint64 balance = 50000000;
        GDate date;

        g_date_clear (&date, 1);
        g_date_set_dmy (&date, 1, 1, 2025);
        for (int d = 0; d < 182; d++, g_date_add_days (&date, 1))
          {
            balance += g_rand_int_range (rand, -2000000, 2100000);
            daftari_chart_add_balance (chart, g_date_get_year (&date) * 10000 + g_date_get_month (&date) * 100 +
                                       g_date_get_day (&date), balance);
          }
        for (int m = 1; m <= 3; m++)
          daftari_chart_add_forecast (chart, daftari_month_add (202507, m - 1) * 100 + 28, balance + m * 1000000,
                                      balance - m * 3000000, balance + m * 5000000, balance - m * 6000000,
                                      balance + m * 8000000);
        break;
      }
    case DAFTARI_CHART_CATEGORIES:
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        daftari_chart_add_slice (chart, i + 1, names[i], g_rand_int_range (rand, 100000, 9000000));
      break;
    case DAFTARI_CHART_BUDGET:
    default:
      for (guint i = 0; i < 10; i++)
        daftari_chart_add_budget (chart, i + 1, names[i], 5000000, g_rand_int_range (rand, 1000000, 7000000));
      break;
    }
  g_rand_free (rand);
  return chart;
}

int
main (int argc, char **argv)
{
  static const char *const kinds[] = { "bars", "balance", "categories", "budget" };
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Runs per figure (the median is printed)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("");
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  double worst = 0;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_runs < 1)
    {
      g_printerr ("bench-charts: %s\n", error != NULL ? error->message : "--runs must be at least 1");
      return 1;
    }
  daftari_core_init ();
  g_print ("Charts at %d×%d into an image surface, median of %d runs (ms)\n", W, H, n_runs);
  g_print ("%-11s %6s %10s %10s %10s %8s\n", "chart", "items", "full draw", "repaint", "baseline", "ratio");
  for (DaftariChartKind kind = DAFTARI_CHART_BARS; kind <= DAFTARI_CHART_BUDGET; kind++)
    {
      g_autoptr(DaftariChart) chart = make_chart (kind);
      ChartRun full = { chart, TRUE }, repaint = { chart, FALSE };
      guint n = daftari_chart_get_n_items (chart);
      double full_ms, repaint_ms, base_ms;
      cairo_t *cr = cairo_create (surface);

      draw_chart (cr, &repaint);  /* warm up fonts and caches */
      cairo_destroy (cr);
      full_ms = time_median (surface, draw_chart, &full);
      repaint_ms = time_median (surface, draw_chart, &repaint);
      base_ms = time_median (surface, draw_baseline, GUINT_TO_POINTER (n));
      worst = MAX (worst, full_ms);
      g_print ("%-11s %6u %10.3f %10.3f %10.3f %7.1f×\n", kinds[kind], n, full_ms, repaint_ms, base_ms,
               full_ms / MAX (base_ms, 1e-6));
    }
  g_print ("Slowest full draw: %.3f ms (target ≤ 16 ms): %s\n", worst, worst <= 16 ? "met" : "NOT met");
  cairo_surface_destroy (surface);
  return 0;
}
