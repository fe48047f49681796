/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Seasonality: the M competitions' autocorrelation test, classical
 * decomposition, and the two naive methods that define the benchmarks. */
#include "daftari-forecast-private.h"

#include <math.h>

static double
mean_of (const double *y, guint n)
{
  double sum = 0;

  for (guint t = 0; t < n; t++)
    sum += y[t];
  return n > 0 ? sum / n : 0;
}

/* Sample autocorrelation at lag k with the full-series mean and
 * denominator, as R's acf() computes it. */
static double
autocorrelation (const double *y, guint n, double mean, double denominator, guint k)
{
  double sum = 0;

  for (guint t = 0; t + k < n; t++)
    sum += (y[t] - mean) * (y[t + k] - mean);
  return sum / denominator;
}

gboolean
daftari_forecast_is_seasonal (const double *y, guint n, guint period)
{
  double mean, denominator = 0, lower = 0, limit, r;

  /* Fewer than three periods leave too few pairs at the seasonal lag for
   * the autocorrelation to mean anything. */
  if (period < 2 || n <= 3 * period)
    return FALSE;
  mean = mean_of (y, n);
  for (guint t = 0; t < n; t++)
    denominator += (y[t] - mean) * (y[t] - mean);
  if (!(denominator > 0) || !isfinite (denominator))
    return FALSE;

  for (guint k = 1; k < period; k++)
    {
      r = autocorrelation (y, n, mean, denominator, k);
      lower += r * r;
    }
  /* 1.645: one-sided 90% quantile of the normal. */
  limit = 1.6448536269514722 * sqrt ((1 + 2 * lower) / n);
  r = autocorrelation (y, n, mean, denominator, period);
  return fabs (r) > limit;
}

/* The centred moving average of one period at t (2 x period for an even
 * period), or NAN where the window leaves the data. */
static double
centred_average (const double *y, guint n, guint period, guint t)
{
  guint half = period / 2;
  double sum = 0;

  if (t < half || t + half >= n)
    return NAN;
  if (period % 2 == 1)
    {
      for (guint j = t - half; j <= t + half; j++)
        sum += y[j];
      return sum / period;
    }
  sum = 0.5 * y[t - half] + 0.5 * y[t + half];
  for (guint j = t - half + 1; j < t + half; j++)
    sum += y[j];
  return sum / period;
}

/* The ratio (or difference) of y[t] to its trend; FALSE where there is no
 * trend at t, or none to take a ratio to. */
static gboolean
detrended (const double *y, guint n, guint period, gboolean multiplicative, guint t,
           double *out_value)
{
  double trend = centred_average (y, n, period, t);

  if (isnan (trend) || (multiplicative && !(trend > 0)))
    return FALSE;
  *out_value = multiplicative ? y[t] / trend : y[t] - trend;
  return TRUE;
}

/* James-Stein shrinkage of the indices towards their mean (Miller &
 * Williams 2003): each index is the mean of only a few ratios, so with
 * weak seasonality much of the pattern is noise, and pulling the indices
 * together by the share the noise explains lowers their total squared
 * error. The noise is measured by the spread of the ratios around their
 * position's index. */
static void
shrink_indices (const double *y, guint n, guint period, gboolean multiplicative,
                const guint *count, double mean, double *index)
{
  double within = 0, between = 0, noise = 0, factor;
  guint df = 0;

  for (guint t = 0; t < n; t++)
    {
      double value, d;

      if (!detrended (y, n, period, multiplicative, t, &value))
        continue;
      d = value - index[t % period];
      within += d * d;
      df++;
    }
  /* The estimator needs four or more positions, and spare degrees of
   * freedom to measure the noise with. */
  if (period < 4 || df <= period)
    return;
  within /= df - period;
  for (guint j = 0; j < period; j++)
    {
      noise += within / count[j];
      between += (index[j] - mean) * (index[j] - mean);
    }
  noise /= period;
  factor = between > 0 ? CLAMP (1 - (period - 3) * noise / between, 0, 1) : 0;
  for (guint j = 0; j < period; j++)
    index[j] = mean + factor * (index[j] - mean);
}

gboolean
daftari_seasonal_indices (const double *y, guint n, guint period, gboolean multiplicative,
                          gboolean shrink, double *out_index)
{
  g_autofree double *sum = NULL;
  g_autofree guint *count = NULL;
  double total = 0;

  if (period < 2 || n < 2 * period)
    return FALSE;
  sum = g_new0 (double, period);
  count = g_new0 (guint, period);

  for (guint t = 0; t < n; t++)
    {
      double value;

      if (!detrended (y, n, period, multiplicative, t, &value))
        {
          /* A ratio to a trend at or below zero has no meaning. */
          if (multiplicative && !isnan (centred_average (y, n, period, t)))
            return FALSE;
          continue;
        }
      sum[t % period] += value;
      count[t % period]++;
    }

  for (guint j = 0; j < period; j++)
    {
      if (count[j] == 0)
        return FALSE;
      out_index[j] = sum[j] / count[j];
      total += out_index[j];
    }
  total /= period;
  if (shrink)
    shrink_indices (y, n, period, multiplicative, count, total, out_index);
  for (guint j = 0; j < period; j++)
    {
      if (multiplicative)
        out_index[j] = total > 0 ? out_index[j] / total : NAN;
      else
        out_index[j] -= total;
      if (!isfinite (out_index[j]) || (multiplicative && !(out_index[j] > 0)))
        return FALSE;
    }
  return TRUE;
}

gboolean
daftari_forecast_seasonal_indices (const double *y, guint n, guint period, gboolean multiplicative,
                                   double *out_index)
{
  return daftari_seasonal_indices (y, n, period, multiplicative, FALSE, out_index);
}

/* Multiplicative models need strictly positive data (NaN counts as not). */
gboolean
daftari_forecast_all_positive (const double *y, guint n)
{
  for (guint t = 0; t < n; t++)
    if (!(y[t] > 0))
      return FALSE;
  return TRUE;
}

void
daftari_seasonal_adjust (const double *y, guint n, guint period, gboolean shrink,
                         DaftariSeasonal *out_seasonal, double *out_adjusted)
{
  DaftariSeasonal *s = out_seasonal;

  *s = (DaftariSeasonal) { .period = period };
  for (guint t = 0; t < n; t++)
    out_adjusted[t] = y[t];
  if (!daftari_forecast_is_seasonal (y, n, period))
    return;

  /* Seasons of sales scale with the level, so ratios are the rule;
   * differences are left for data that crosses or touches zero (net cash
   * flow), where ratios cannot be taken. */
  s->index = g_new (double, period);
  s->multiplicative = daftari_forecast_all_positive (y, n);
  if (!daftari_seasonal_indices (y, n, period, s->multiplicative, shrink, s->index))
    {
      g_clear_pointer (&s->index, g_free);
      return;
    }
  s->seasonal = TRUE;
  for (guint t = 0; t < n; t++)
    out_adjusted[t] = s->multiplicative ? y[t] / s->index[t % period] : y[t] - s->index[t % period];
}

static double
reseason (const DaftariSeasonal *s, double value, guint t)
{
  double index = s->index[t % s->period];

  return s->multiplicative ? value * index : value + index;
}

void
daftari_seasonal_restore (const DaftariSeasonal *seasonal, guint n, DaftariForecast *f)
{
  if (!seasonal->seasonal)
    return;
  for (guint h = 0; h < f->horizon; h++)
    {
      guint t = n + h;

      f->mean[h] = reseason (seasonal, f->mean[h], t);
      f->lo80[h] = reseason (seasonal, f->lo80[h], t);
      f->hi80[h] = reseason (seasonal, f->hi80[h], t);
      f->lo95[h] = reseason (seasonal, f->lo95[h], t);
      f->hi95[h] = reseason (seasonal, f->hi95[h], t);
    }
  f->seasonal = TRUE;
}

void
daftari_seasonal_clear (DaftariSeasonal *seasonal)
{
  g_clear_pointer (&seasonal->index, g_free);
}

/* Root mean square of the lag-k differences: the one-step error of the
 * naive method that repeats the value k periods back. */
static double
lag_rms (const double *y, guint n, guint k)
{
  double sum = 0;

  if (n <= k)
    return 0;
  for (guint t = k; t < n; t++)
    sum += (y[t] - y[t - k]) * (y[t] - y[t - k]);
  return sqrt (sum / (n - k));
}

void
daftari_naive_predict (const double *y, guint n, DaftariForecast *f)
{
  g_autofree double *sd = g_new (double, f->horizon);
  double sigma = lag_rms (y, n, 1);

  /* One value says nothing about how much the next may differ; rather
   * than claim certainty, allow half its size either way. */
  if (n < 2)
    sigma = 0.5 * fabs (y[n - 1]);
  for (guint h = 0; h < f->horizon; h++)
    {
      f->mean[h] = y[n - 1];
      sd[h] = sigma * sqrt (h + 1.0);
    }
  daftari_forecast_set_normal (f, sd);
}

void
daftari_seasonal_naive_predict (const double *y, guint n, guint period, DaftariForecast *f)
{
  g_autofree double *sd = NULL;
  double sigma;

  if (period < 2 || n < period + 1)
    {
      daftari_naive_predict (y, n, f);
      return;
    }
  sd = g_new (double, f->horizon);
  sigma = lag_rms (y, n, period);
  for (guint h = 0; h < f->horizon; h++)
    {
      f->mean[h] = y[n - period + h % period];
      sd[h] = sigma * sqrt ((double) (h / period + 1));
    }
  daftari_forecast_set_normal (f, sd);
}
