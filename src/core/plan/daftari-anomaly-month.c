/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A category's month far above what its history forecast for it: the
 * forecasting engine's 95% upper bound, learned from the months before. */
#include "daftari-anomaly-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "daftari-forecast.h"
#include "daftari-query.h"

/* Months in a year: the season of monthly totals. */
#define MONTHS_PER_YEAR 12

typedef struct {
  gint64       category_id;
  const char  *category;
  DaftariMonth month;
  gint64       actual;
  double       mean;
  double       hi95;
  gboolean     so_far;       /* the month is not over */
} MonthCheck;

static gint64
to_minor (double value)
{
  return (gint64) CLAMP (llround (value), -9.0e18, 9.0e18);
}

static DaftariAnomaly *
month_flag (DaftariBook *book, const MonthCheck *c)
{
  DaftariAnomaly *flag = g_new0 (DaftariAnomaly, 1);
  DaftariCalendar *calendar = daftari_book_get_calendar (book);
  g_autofree char *actual = daftari_anomaly_money (book, c->actual);
  g_autofree char *mean = daftari_anomaly_money (book, to_minor (c->mean));
  g_autofree char *hi95 = daftari_anomaly_money (book, to_minor (c->hi95));
  g_autofree char *month = g_strdup_printf ("%04d-%02d", c->month / 100, c->month % 100);
  gint64 end;

  flag->kind = DAFTARI_ANOMALY_MONTH;
  flag->key = g_strdup_printf ("month:%lld:%d", (long long) c->category_id, c->month);
  flag->category_id = c->category_id;
  flag->month = c->month;
  flag->amount = c->actual;
  flag->usual = to_minor (c->mean);
  flag->payee = g_strdup ("");
  daftari_calendar_month_range (calendar, c->month, &flag->ts, &end);
  flag->message = c->so_far
    ? g_strdup_printf (_("%s in %s: %s so far, above the whole month’s forecast of %s (95%% upper "
                         "bound %s)"), c->category, month, actual, mean, hi95)
    : g_strdup_printf (_("%s in %s: %s, far above its forecast of %s (95%% upper bound %s)"),
                       c->category, month, actual, mean, hi95);
  return flag;
}

/* Judges series[index] by a forecast from the months before it. */
static gboolean
judge (const GArray *series, guint index, MonthCheck *c)
{
  g_autofree double *history = g_new (double, MAX (index, 1));
  g_autoptr(DaftariForecast) forecast = NULL;

  for (guint i = 0; i < index; i++)
    history[i] = (double) g_array_index (series, gint64, i);
  forecast = daftari_forecast_compute (history, index, MONTHS_PER_YEAR, 1, DAFTARI_FORECAST_COMBINED, NULL);
  if (forecast == NULL)
    return FALSE;
  c->actual = g_array_index (series, gint64, index);
  c->mean = forecast->mean[0];
  c->hi95 = forecast->hi95[0];
  return c->actual > 0 && (double) c->actual > c->hi95 &&
         (double) c->actual >= DAFTARI_ANOMALY_MONTH_RATIO * MAX (c->mean, 0);
}

static gboolean
check_category (DaftariBook *book, MonthCheck *c, DaftariMonth current, guint months, GPtrArray *out,
                GError **error)
{
  GError *local = NULL;
  DaftariMonth first = daftari_query_first_month (book, c->category_id, &local);
  g_autoptr(GArray) series = NULL;

  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (first == 0 || first > current)
    return TRUE;
  if ((series = daftari_query_monthly_series (book, c->category_id, first, current, error)) == NULL)
    return FALSE;
  for (guint k = 0; k < months && k < series->len; k++)
    {
      guint index = series->len - 1 - k;

      c->month = daftari_month_add (current, -(int) k);
      c->so_far = k == 0;
      if (index >= DAFTARI_ANOMALY_MIN_MONTHS && judge (series, index, c))
        g_ptr_array_add (out, month_flag (book, c));
    }
  return TRUE;
}

gboolean
daftari_anomaly_check_months (DaftariBook *book, const DaftariAnomalyScan *scan,
                              const DaftariAnomalyOptions *options, GPtrArray *out, GError **error)
{
  DaftariMonth current = options->today / 100;

  for (guint i = 0; i < scan->category_ids->len; i++)
    {
      MonthCheck c = { g_array_index (scan->category_ids, gint64, i), g_ptr_array_index (scan->category_names, i) };

      /* Spending far above forecast is the worry; income above it is news. */
      if (scan->category_outgoing->data[i] &&
          !check_category (book, &c, current, options->months, out, error))
        return FALSE;
    }
  return TRUE;
}
