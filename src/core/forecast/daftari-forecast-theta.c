/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Theta method of Assimakopoulos & Nikolopoulos (2000), the best
 * method on the M3 monthly data, in the form Hyndman & Billah (2003) showed
 * it to be: simple exponential smoothing with a drift of half the slope of
 * the least squares line through the data. */
#include "daftari-forecast-private.h"

#include <math.h>

/* Slope of the least squares line of y on t = 0..n-1. */
static double
regression_slope (const double *y, guint n)
{
  double tm = (n - 1) / 2.0, ym = 0, sxy = 0, sxx = 0;

  for (guint t = 0; t < n; t++)
    ym += y[t];
  ym /= n;
  for (guint t = 0; t < n; t++)
    {
      sxy += (t - tm) * (y[t] - ym);
      sxx += (t - tm) * (t - tm);
    }
  return sxx > 0 ? sxy / sxx : 0;
}

void
daftari_theta_predict (const DaftariEtsFit *ses, const double *y, guint n, DaftariForecast *out)
{
  double alpha = ses->model.alpha;
  double drift = regression_slope (y, n) / 2;
  /* The theta = 2 line's weight on the drift at the origin: what SES has
   * absorbed of a linear trend after n steps. */
  double absorbed = (1 - pow (1 - alpha, n)) / alpha;

  /* The SES intervals carry over: the drift is a deterministic term. */
  daftari_ets_predict (ses, y, n, out);
  for (guint h = 0; h < out->horizon; h++)
    {
      double shift = drift * (h + absorbed);

      out->mean[h] += shift;
      out->lo80[h] += shift;
      out->hi80[h] += shift;
      out->lo95[h] += shift;
      out->hi95[h] += shift;
    }
  g_free (out->model);
  out->model = g_strdup ("Theta");
}

/* Theta on the means of k consecutive values, the last mean ending with
 * the data; the oldest n % k values are left out. FALSE if there are too
 * few means to fit. */
static gboolean
predict_aggregate (const double *y, guint n, guint k, DaftariForecast *out)
{
  guint n_means = n / k, skip = n - n_means * k;
  g_autofree double *means = NULL;
  DaftariEtsFit ses;

  /* A line and a smoothing constant need a few points beyond the first. */
  if (n_means < (k == 1 ? 3 : 4))
    return FALSE;
  means = g_new (double, n_means);
  for (guint i = 0; i < n_means; i++)
    {
      double sum = 0;

      for (guint j = 0; j < k; j++)
        sum += y[skip + i * k + j];
      means[i] = sum / k;
    }
  if (!daftari_ets_fit (means, n_means, DAFTARI_ETS_ADDITIVE, DAFTARI_ETS_NONE, FALSE,
                        DAFTARI_ETS_NONE, 1, &ses))
    return FALSE;
  daftari_theta_predict (&ses, means, n_means, out);
  return TRUE;
}

void
daftari_theta_aggregated_predict (const double *y, guint n, guint period, DaftariForecast *out)
{
  g_autoptr(DaftariForecast) monthly = daftari_forecast_new (out->horizon);
  g_autofree double *sum = g_new0 (double, out->horizon);
  guint levels = 0;

  if (!predict_aggregate (y, n, 1, monthly))
    {
      DaftariEtsFit ses;

      if (daftari_ets_fit (y, n, DAFTARI_ETS_ADDITIVE, DAFTARI_ETS_NONE, FALSE,
                           DAFTARI_ETS_NONE, 1, &ses))
        daftari_ets_predict (&ses, y, n, out);
      else
        {
          daftari_naive_predict (y, n, out);
          out->model = g_strdup ("Naive");
        }
      return;
    }
  for (guint k = 1; k <= MAX (period, 1); k++)
    {
      g_autoptr(DaftariForecast) level = NULL;

      if (MAX (period, 1) % k != 0)
        continue;
      level = daftari_forecast_new ((out->horizon + k - 1) / k);
      if (!predict_aggregate (y, n, k, level))
        continue;
      for (guint h = 0; h < out->horizon; h++)
        sum[h] += level->mean[h / k];
      levels++;
    }

  /* Aggregates are smoother than the months they stand for, so their
   * intervals would be too narrow for a month: the intervals are the
   * monthly Theta's, moved to the combined forecast. */
  for (guint h = 0; h < out->horizon; h++)
    {
      double mean = sum[h] / levels, shift = mean - monthly->mean[h];

      out->mean[h] = mean;
      out->lo80[h] = monthly->lo80[h] + shift;
      out->hi80[h] = monthly->hi80[h] + shift;
      out->lo95[h] = monthly->lo95[h] + shift;
      out->hi95[h] = monthly->hi95[h] + shift;
    }
  out->model = g_strdup_printf ("Theta(%u levels)", levels);
}
