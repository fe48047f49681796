/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Bands from the book's own past. The engine's intervals describe its
 * model of the monthly flows; the balance a shop owner sees also moves with
 * invoices paid early or late, lumpy days, and a business whose spending
 * follows its income. So the forecast is replayed from past month starts,
 * and its errors d days ahead (what happened minus what was forecast) say
 * how wide the band must be d days ahead. The same replay says which way of
 * forecasting the baseline came closest to what happened. */
#include "daftari-cashflow-private.h"

#include <gsl/gsl_cdf.h>
#include <math.h>

/* Fewer past forecasts than this say too little: the model's bands stay. */
#define MIN_ORIGINS 4
/* Choosing between ways of forecasting needs less: even one past month
 * tells a level kept from a steady climb. */
#define MIN_CHOOSE_ORIGINS 1
/* Without past forecasts to compare, the hedge between flows and level. */
#define DEFAULT_METHOD DAFTARI_CASHFLOW_METHOD_MEAN

void
cf_calibration_free (CfCalibration *calibration)
{
  if (calibration == NULL)
    return;
  g_free (calibration->half80);
  g_free (calibration->half95);
  g_free (calibration);
}

/* Days of past's forecast whose outcome was known before before_day. */
static guint
observed_days (const CfPast *past, DaftariDay before_day, guint n_days)
{
  int known = daftari_day_diff (past->from_day, before_day);

  return MIN (MIN (past->n_actual, n_days), (guint) MAX (known, 0));
}

static gint64
past_mean (const CfPast *past, CfMethod method, guint i)
{
  return g_array_index (past->paths[method]->days, DaftariCashflowDay, i).mean;
}

/* The method whose daily balances were nearest what happened (mean
 * absolute error over every day with an outcome); ties go to the first. */
static void
choose_method (CfCalibration *calibration, CfPast *const *pasts, guint n_pasts, DaftariDay before_day)
{
  double best = INFINITY;

  for (guint m = 0; m < CF_N_METHODS; m++)
    {
      double sum = 0;
      guint n = 0;

      for (guint p = 0; p < n_pasts; p++)
        {
          guint days = observed_days (pasts[p], before_day, calibration->n_days);
          for (guint i = 0; i < days; i++)
            sum += fabs ((double) pasts[p]->actual[i] - (double) past_mean (pasts[p], m, i));
          n += days;
        }
      if (n > 0 && sum / n < best)
        {
          best = sum / n;
          calibration->method = m;
        }
    }
}

/* Pool adjacent violators: the non-decreasing sequence nearest to y
 * (least squares, weights w), in place. The mean square error of a
 * forecast d days ahead cannot really fall as d grows; fitting it so,
 * rather than taking a running maximum, does not chase the noise. */
static void
monotone_fit (double *y, const double *w, guint n)
{
  g_autofree double *value = g_new (double, n);
  g_autofree double *weight = g_new (double, n);
  g_autofree guint *size = g_new (guint, n);
  guint blocks = 0, i = 0;

  for (guint k = 0; k < n; k++)
    {
      value[blocks] = y[k];
      weight[blocks] = w[k];
      size[blocks] = 1;
      blocks++;
      while (blocks > 1 && value[blocks - 2] > value[blocks - 1])
        {
          double total = weight[blocks - 2] + weight[blocks - 1];

          value[blocks - 2] = total > 0 ? (value[blocks - 2] * weight[blocks - 2] + value[blocks - 1] * weight[blocks - 1]) / total
                                        : MAX (value[blocks - 2], value[blocks - 1]);
          weight[blocks - 2] = total;
          size[blocks - 2] += size[blocks - 1];
          blocks--;
        }
    }
  for (guint b = 0; b < blocks; b++)
    for (guint k = 0; k < size[b]; k++)
      y[i++] = value[b];
}

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* The p-quantile of sorted v[0..n-1], interpolated. */
static double
quantile (const double *v, guint n, double p)
{
  double at = p * (n - 1);
  guint i = (guint) floor (at);

  return i + 1 < n ? v[i] + (at - i) * (v[i + 1] - v[i]) : v[n - 1];
}

/* How far, in units of the error's scale on their day, the past
 * forecasts' errors went: the quantiles of |error| / scale over every day
 * with an outcome. Balances have heavy tails (a quiet month, then a big
 * order), so these, not the normal law's 1.28 and 1.96, set the bands. */
static void
score_quantiles (const CfCalibration *calibration, CfPast *const *pasts, guint n_pasts, DaftariDay before_day,
                 const double *mse, guint reach, double *out_q80, double *out_q95)
{
  g_autoptr(GArray) scores = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint p = 0; p < n_pasts; p++)
    {
      guint days = MIN (observed_days (pasts[p], before_day, calibration->n_days), reach + 1);
      for (guint i = 0; i < days; i++)
        {
          double e = (double) pasts[p]->actual[i] - (double) past_mean (pasts[p], calibration->method, i);
          double score = mse[i] > 0 ? fabs (e) / sqrt (mse[i]) : 0;
          g_array_append_val (scores, score);
        }
    }
  g_array_sort (scores, compare_double);
  *out_q80 = quantile (&g_array_index (scores, double, 0), scores->len, 0.80);
  *out_q95 = quantile (&g_array_index (scores, double, 0), scores->len, 0.95);
}

/* The error's scale d days ahead: the root mean square of the past
 * forecasts' errors on that day (bias included: a band must cover it
 * too), fitted non-decreasing in d. Where fewer than MIN_ORIGINS past
 * forecasts reach, it grows on from the last day they did as the square
 * root of time, as independent days add up. The bands are that scale times
 * the quantiles of the errors measured in it, widened by the ratio of
 * Student's t to the normal law for as many errors as stand behind the
 * scale: a handful of errors gives a wide band, not an overconfident one. */
static void
set_bands (CfCalibration *calibration, CfPast *const *pasts, guint n_pasts, DaftariDay before_day)
{
  guint n_days = calibration->n_days;
  g_autofree guint *count = g_new0 (guint, n_days);
  g_autofree double *weight = g_new0 (double, n_days);
  g_autofree double *squares = g_new0 (double, n_days);
  double q80, q95;
  guint reach = 0;

  for (guint p = 0; p < n_pasts; p++)
    {
      guint days = observed_days (pasts[p], before_day, n_days);
      for (guint i = 0; i < days; i++)
        {
          double e = (double) pasts[p]->actual[i] - (double) past_mean (pasts[p], calibration->method, i);
          squares[i] += e * e;
          count[i]++;
        }
    }
  while (reach + 1 < n_days && count[reach + 1] >= MIN_ORIGINS)
    reach++;
  for (guint i = 0; i <= reach; i++)
    {
      weight[i] = count[i];
      squares[i] /= count[i];
    }
  monotone_fit (squares, weight, reach + 1);
  score_quantiles (calibration, pasts, n_pasts, before_day, squares, reach, &q80, &q95);
  calibration->half80 = g_new0 (double, n_days);
  calibration->half95 = g_new0 (double, n_days);
  for (guint i = 0; i < n_days; i++)
    {
      guint df = count[MIN (i, reach)];
      double scale = sqrt (squares[MIN (i, reach)]) * (i > reach ? sqrt ((i + 1.0) / (reach + 1.0)) : 1.0);

      calibration->half80[i] = q80 * gsl_cdf_tdist_Pinv (0.90, df) / gsl_cdf_ugaussian_Pinv (0.90) * scale;
      calibration->half95[i] = q95 * gsl_cdf_tdist_Pinv (0.975, df) / gsl_cdf_ugaussian_Pinv (0.975) * scale;
    }
}

CfCalibration *
cf_calibrate (CfPast *const *pasts, guint n_pasts, DaftariDay before_day, guint n_days)
{
  CfCalibration *calibration = g_new0 (CfCalibration, 1);

  calibration->method = DEFAULT_METHOD;
  calibration->n_days = n_days;
  for (guint p = 0; p < n_pasts; p++)
    calibration->n_origins += observed_days (pasts[p], before_day, n_days) > 0;
  if (n_days == 0)
    return calibration;
  if (calibration->n_origins >= MIN_CHOOSE_ORIGINS)
    choose_method (calibration, pasts, n_pasts, before_day);
  if (calibration->n_origins < MIN_ORIGINS)
    {
      calibration->n_origins = 0;
      return calibration;
    }
  set_bands (calibration, pasts, n_pasts, before_day);
  return calibration;
}

void
cf_calibration_apply (const CfCalibration *calibration, DaftariCashflow *cashflow)
{
  cashflow->calibration_origins = calibration->n_origins;
  if (calibration->n_origins == 0)
    return;
  for (guint i = 0; i < cashflow->days->len && i < calibration->n_days; i++)
    {
      DaftariCashflowDay *day = &g_array_index (cashflow->days, DaftariCashflowDay, i);
      gint64 half80 = llround (calibration->half80[i]);
      gint64 half95 = MAX (llround (calibration->half95[i]), half80);

      day->lo80 = day->mean - half80;
      day->hi80 = day->mean + half80;
      day->lo95 = day->mean - half95;
      day->hi95 = day->mean + half95;
    }
}
