/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The forecasting engine: recursions checked by hand, degenerate input,
 * intervals, seasonality, the scores, and determinism. */
#include <math.h>

#include "daftari-forecast.h"
#include "daftari-forecast-eval.h"
#include "daftari-forecast-private.h"

#define EPS 1e-9

static const DaftariForecastMethod every_method[] = {
  DAFTARI_FORECAST_COMBINED, DAFTARI_FORECAST_NAIVE, DAFTARI_FORECAST_SEASONAL_NAIVE,
  DAFTARI_FORECAST_NAIVE2, DAFTARI_FORECAST_SES, DAFTARI_FORECAST_HOLT, DAFTARI_FORECAST_DAMPED,
  DAFTARI_FORECAST_HW_ADDITIVE, DAFTARI_FORECAST_HW_MULTIPLICATIVE, DAFTARI_FORECAST_THETA,
  DAFTARI_FORECAST_ETS, DAFTARI_FORECAST_CROSTON, DAFTARI_FORECAST_SBA,
};

/* A small deterministic generator for test data. */
static double
noise (guint32 *state)
{
  *state = *state * 1664525u + 1013904223u;
  return (*state >> 8) / 16777216.0 - 0.5;
}

/* Monthly sales with a trend, a season and noise. */
static double *
make_seasonal (guint n, double level, double slope, double amplitude, guint32 seed)
{
  double *y = g_new (double, n);

  for (guint t = 0; t < n; t++)
    y[t] = (level + slope * t) * (1 + amplitude * sin (2 * G_PI * t / 12)) * (1 + 0.05 * noise (&seed));
  return y;
}

static void
assert_sane (const DaftariForecast *f, guint horizon)
{
  g_assert_nonnull (f);
  g_assert_cmpuint (f->horizon, ==, horizon);
  g_assert_nonnull (f->model);
  for (guint h = 0; h < horizon; h++)
    {
      g_assert_true (isfinite (f->mean[h]));
      g_assert_true (isfinite (f->lo95[h]) && isfinite (f->hi95[h]));
      g_assert_true (isfinite (f->lo80[h]) && isfinite (f->hi80[h]));
      g_assert_cmpfloat (f->lo95[h], <=, f->lo80[h]);
      g_assert_cmpfloat (f->lo80[h], <=, f->mean[h]);
      g_assert_cmpfloat (f->mean[h], <=, f->hi80[h]);
      g_assert_cmpfloat (f->hi80[h], <=, f->hi95[h]);
    }
}

static DaftariForecast *
forecast (const double *y, guint n, guint horizon, DaftariForecastMethod method)
{
  g_autoptr(GError) error = NULL;
  DaftariForecast *f = daftari_forecast_compute (y, n, 12, horizon, method, &error);

  g_assert_no_error (error);
  assert_sane (f, horizon);
  return f;
}

/* ---- recursions, by hand ---- */

/* SES, alpha 0.5 from level 10 over 12, 11, 15:
 *   l1 = 10 + 0.5 (12 - 10) = 11, l2 = 11 + 0.5 (11 - 11) = 11,
 *   l3 = 11 + 0.5 (15 - 11) = 13; every forecast 13. */
static void
test_ses_recursion (void)
{
  DaftariEtsModel m = { .error = DAFTARI_ETS_ADDITIVE, .trend = DAFTARI_ETS_NONE,
                        .season = DAFTARI_ETS_NONE, .period = 1, .alpha = 0.5, .level = 10 };
  const double y[] = { 12, 11, 15 };
  double fitted[3], mean[2];

  g_assert_true (daftari_forecast_ets_run (&m, y, 3, fitted, 2, mean));
  g_assert_cmpfloat_with_epsilon (fitted[0], 10, EPS);
  g_assert_cmpfloat_with_epsilon (fitted[1], 11, EPS);
  g_assert_cmpfloat_with_epsilon (fitted[2], 11, EPS);
  g_assert_cmpfloat_with_epsilon (mean[0], 13, EPS);
  g_assert_cmpfloat_with_epsilon (mean[1], 13, EPS);
}

/* Holt, alpha 0.5, beta 0.2 (error-correction form), from level 10 and
 * slope 1 over 12, 13, 13:
 *   t1: f = 11,    e = 1,     l = 11.5,   b = 1.2
 *   t2: f = 12.7,  e = 0.3,   l = 12.85,  b = 1.26
 *   t3: f = 14.11, e = -1.11, l = 13.555, b = 1.038
 * forecasts 13.555 + h 1.038. */
static void
test_holt_recursion (void)
{
  DaftariEtsModel m = { .error = DAFTARI_ETS_ADDITIVE, .trend = DAFTARI_ETS_ADDITIVE,
                        .season = DAFTARI_ETS_NONE, .period = 1, .alpha = 0.5, .beta = 0.2,
                        .level = 10, .slope = 1 };
  const double y[] = { 12, 13, 13 };
  double fitted[3], mean[2];

  g_assert_true (daftari_forecast_ets_run (&m, y, 3, fitted, 2, mean));
  g_assert_cmpfloat_with_epsilon (fitted[0], 11, EPS);
  g_assert_cmpfloat_with_epsilon (fitted[1], 12.7, EPS);
  g_assert_cmpfloat_with_epsilon (fitted[2], 14.11, EPS);
  g_assert_cmpfloat_with_epsilon (mean[0], 14.593, EPS);
  g_assert_cmpfloat_with_epsilon (mean[1], 15.631, EPS);
}

/* Damped, phi 0.9, otherwise as above, over 12 alone:
 *   f = 10 + 0.9 = 10.9, e = 1.1, l = 11.45, b = 0.9 + 0.22 = 1.12;
 *   forecasts 11.45 + 0.9 (1.12) = 12.458, 11.45 + 1.71 (1.12) = 13.3652. */
static void
test_damped_recursion (void)
{
  DaftariEtsModel m = { .error = DAFTARI_ETS_ADDITIVE, .trend = DAFTARI_ETS_ADDITIVE,
                        .damped = TRUE, .season = DAFTARI_ETS_NONE, .period = 1, .alpha = 0.5,
                        .beta = 0.2, .phi = 0.9, .level = 10, .slope = 1 };
  const double y[] = { 12 };
  double fitted[1], mean[2];

  g_assert_true (daftari_forecast_ets_run (&m, y, 1, fitted, 2, mean));
  g_assert_cmpfloat_with_epsilon (fitted[0], 10.9, EPS);
  g_assert_cmpfloat_with_epsilon (mean[0], 12.458, EPS);
  g_assert_cmpfloat_with_epsilon (mean[1], 13.3652, EPS);
}

/* Holt-Winters additive, period 2, alpha 0.5, beta 0.1, gamma 0.2, level
 * 10, slope 0, seasons +1 and -1, over 12, 8:
 *   t1: f = 11,  p - q = 1    → s1 = 1.2,   l = 10.5, b = 0.1
 *   t2: f = 9.6, p - q = -1.6 → s2 = -1.32, l = 9.8,  b = -0.06
 * forecasts 9.8 - 0.06 + 1.2 = 10.94 and 9.8 - 0.12 - 1.32 = 8.36. */
static void
test_holt_winters_additive_recursion (void)
{
  DaftariEtsModel m = { .error = DAFTARI_ETS_ADDITIVE, .trend = DAFTARI_ETS_ADDITIVE,
                        .season = DAFTARI_ETS_ADDITIVE, .period = 2, .alpha = 0.5, .beta = 0.1,
                        .gamma = 0.2, .level = 10, .slope = 0, .season0 = { 1, -1 } };
  const double y[] = { 12, 8 };
  double fitted[2], mean[2];

  g_assert_true (daftari_forecast_ets_run (&m, y, 2, fitted, 2, mean));
  g_assert_cmpfloat_with_epsilon (fitted[0], 11, EPS);
  g_assert_cmpfloat_with_epsilon (fitted[1], 9.6, EPS);
  g_assert_cmpfloat_with_epsilon (mean[0], 10.94, EPS);
  g_assert_cmpfloat_with_epsilon (mean[1], 8.36, EPS);
}

/* Holt-Winters multiplicative, same parameters, seasons 1.1 and 0.9, over
 * 12, 9:
 *   t1: f = 11; p = 12/1.1, p - q = 10/11; s1 = 1.1 + 0.2 (1.2 - 1.1) = 1.12;
 *       l = 10 + 5/11; b = 1/11
 *   t2: q = 10 + 6/11, f = 0.9 q; p = 10, p - q = -6/11;
 *       s2 = 0.9 + 0.2 (9/q - 0.9); l = q - 3/11; b = 1/11 - 0.6/11
 * forecasts (l + b) s1 and (l + 2b) s2. */
static void
test_holt_winters_multiplicative_recursion (void)
{
  DaftariEtsModel m = { .error = DAFTARI_ETS_MULTIPLICATIVE, .trend = DAFTARI_ETS_ADDITIVE,
                        .season = DAFTARI_ETS_MULTIPLICATIVE, .period = 2, .alpha = 0.5,
                        .beta = 0.1, .gamma = 0.2, .level = 10, .slope = 0,
                        .season0 = { 1.1, 0.9 } };
  const double y[] = { 12, 9 };
  double fitted[2], mean[2];
  double q = 10 + 6.0 / 11, s2 = 0.9 + 0.2 * (9 / q - 0.9), l = q - 3.0 / 11, b = 0.4 / 11;

  g_assert_true (daftari_forecast_ets_run (&m, y, 2, fitted, 2, mean));
  g_assert_cmpfloat_with_epsilon (fitted[0], 11, EPS);
  g_assert_cmpfloat_with_epsilon (fitted[1], 0.9 * q, EPS);
  g_assert_cmpfloat_with_epsilon (mean[0], (l + b) * 1.12, EPS);
  g_assert_cmpfloat_with_epsilon (mean[1], (l + 2 * b) * s2, EPS);
  g_assert_cmpfloat_with_epsilon (mean[0], 11.546181818181818, 1e-9);
}

/* Fitted SES on a level series forecasts that level. */
static void
test_ses_fit (void)
{
  double y[30];
  guint32 seed = 7;
  g_autoptr(DaftariForecast) f = NULL;

  for (guint t = 0; t < G_N_ELEMENTS (y); t++)
    y[t] = 100 + noise (&seed);
  f = forecast (y, G_N_ELEMENTS (y), 6, DAFTARI_FORECAST_SES);
  g_assert_cmpfloat (fabs (f->mean[0] - 100), <, 1);
  g_assert_cmpfloat (fabs (f->mean[5] - f->mean[0]), <, EPS);
}

/* ---- degenerate input ---- */

static void
test_constant (void)
{
  double y[24];

  for (guint t = 0; t < G_N_ELEMENTS (y); t++)
    y[t] = 500;
  for (guint i = 0; i < G_N_ELEMENTS (every_method); i++)
    {
      g_autoptr(DaftariForecast) f = forecast (y, G_N_ELEMENTS (y), 12, every_method[i]);
      /* SBA deflates Croston by 1 - alpha/2 by design. */
      double expected = every_method[i] == DAFTARI_FORECAST_SBA ? 475 : 500;

      for (guint h = 0; h < 12; h++)
        g_assert_cmpfloat_with_epsilon (f->mean[h], expected, 1e-6 * 500);
    }
}

static void
test_one_point (void)
{
  const double y[] = { 1200 };

  for (guint i = 0; i < G_N_ELEMENTS (every_method); i++)
    {
      g_autoptr(DaftariForecast) f = forecast (y, 1, 6, every_method[i]);

      g_assert_cmpfloat_with_epsilon (f->mean[0], 1200, 1e-6);
      /* One value says nothing about the spread, but claims no certainty. */
      g_assert_cmpfloat (f->hi95[5], >, f->lo95[5]);
    }
}

static void
test_all_zeros (void)
{
  double y[18] = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (every_method); i++)
    {
      g_autoptr(DaftariForecast) f = forecast (y, G_N_ELEMENTS (y), 6, every_method[i]);

      for (guint h = 0; h < 6; h++)
        {
          g_assert_cmpfloat (fabs (f->mean[h]), <, 1e-9);
          g_assert_cmpfloat (fabs (f->hi95[h]), <, 1e-9);
        }
    }
}

/* Net cash flow: around zero, often below it. Forecasts may be negative
 * and must stay finite; the default keeps the season and the level. */
static void
test_negative (void)
{
  double y[60];
  guint32 seed = 11;

  for (guint t = 0; t < G_N_ELEMENTS (y); t++)
    y[t] = -2000 + 3000 * sin (2 * G_PI * t / 12) + 500 * noise (&seed);
  g_assert_true (daftari_forecast_is_seasonal (y, G_N_ELEMENTS (y), 12));
  for (guint i = 0; i < G_N_ELEMENTS (every_method); i++)
    {
      g_autoptr(DaftariForecast) f = forecast (y, G_N_ELEMENTS (y), 12, every_method[i]);
      double sum = 0;

      for (guint h = 0; h < 12; h++)
        sum += f->mean[h];
      g_assert_cmpfloat (sum / 12, <, 2000);
      g_assert_cmpfloat (sum / 12, >, -6000);
      if (every_method[i] == DAFTARI_FORECAST_COMBINED)
        {
          g_assert_cmpfloat (fabs (sum / 12 + 2000), <, 500);
          /* t = 63 is the season's peak, t = 69 its trough. */
          g_assert_cmpfloat (f->mean[3], >, 0);
          g_assert_cmpfloat (f->mean[9], <, -3000);
        }
    }
}

/* Three to twenty-four months: every method answers, sensibly. */
static void
test_short_histories (void)
{
  for (guint n = 2; n <= 24; n++)
    {
      g_autofree double *y = make_seasonal (n, 1000, 10, 0.2, n);

      for (guint i = 0; i < G_N_ELEMENTS (every_method); i++)
        {
          g_autoptr(DaftariForecast) f = forecast (y, n, 12, every_method[i]);

          g_assert_cmpfloat (f->mean[0], >, 300);
          g_assert_cmpfloat (f->mean[0], <, 3000);
        }
    }
}

static void
test_missing_months (void)
{
  g_autofree double *y = make_seasonal (48, 1000, 5, 0.3, 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariForecast) f = NULL;
  double nothing[3] = { NAN, NAN, NAN };

  y[0] = NAN;      /* before the books start */
  y[20] = NAN;     /* a month never entered */
  y[47] = NAN;     /* the last month not in yet */
  f = forecast (y, 48, 12, DAFTARI_FORECAST_COMBINED);
  g_assert_cmpfloat (f->mean[0], >, 500);

  g_assert_null (daftari_forecast_compute (nothing, 3, 12, 6, DAFTARI_FORECAST_COMBINED, &error));
  g_assert_error (error, DAFTARI_FORECAST_ERROR, DAFTARI_FORECAST_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (daftari_forecast_compute (y, 48, 12, 0, DAFTARI_FORECAST_COMBINED, &error));
  g_assert_error (error, DAFTARI_FORECAST_ERROR, DAFTARI_FORECAST_ERROR_INVALID);
}

/* Huge values must not overflow into inf. */
static void
test_extreme_values (void)
{
  double y[30];

  for (guint t = 0; t < G_N_ELEMENTS (y); t++)
    y[t] = (t % 2 ? 1e15 : -1e15) + t;
  for (guint i = 0; i < G_N_ELEMENTS (every_method); i++)
    {
      g_autoptr(DaftariForecast) f = forecast (y, G_N_ELEMENTS (y), 6, every_method[i]);
      (void) f;
    }
}

/* A one-off deal booked inside the history does not carry into the
 * forecast of an ordinary month. */
static void
test_outlier (void)
{
  double y[36];
  guint32 seed = 5;
  g_autoptr(DaftariForecast) f = NULL;

  for (guint t = 0; t < G_N_ELEMENTS (y); t++)
    y[t] = 1000 + 50 * noise (&seed);
  y[30] = 50000;
  f = forecast (y, G_N_ELEMENTS (y), 6, DAFTARI_FORECAST_COMBINED);
  g_assert_cmpfloat (f->mean[0], <, 1200);
  g_assert_cmpfloat (f->mean[0], >, 800);
}

static void
test_intermittent (void)
{
  const double y[] = { 0, 0, 300, 0, 0, 0, 500, 0, 200, 0, 0, 0, 400, 0, 0, 300, 0, 0 };
  g_autoptr(DaftariForecast) f = forecast (y, G_N_ELEMENTS (y), 6, DAFTARI_FORECAST_COMBINED);

  g_assert_cmpstr (f->model, ==, "SBA");
  g_assert_cmpfloat (f->mean[0], >, 0);
  g_assert_cmpfloat (f->mean[0], <, 300);
  g_assert_cmpfloat (f->lo80[0], ==, 0);
  g_assert_cmpfloat (f->hi95[0], >=, 300);
}

/* ---- intervals ---- */

static void
test_intervals_widen (void)
{
  double y[60];
  guint32 seed = 13;
  const DaftariForecastMethod methods[] = {
    DAFTARI_FORECAST_COMBINED, DAFTARI_FORECAST_NAIVE, DAFTARI_FORECAST_SES, DAFTARI_FORECAST_HOLT,
    DAFTARI_FORECAST_DAMPED, DAFTARI_FORECAST_THETA, DAFTARI_FORECAST_ETS,
  };

  /* A random walk with drift: no season, uncertainty that grows. */
  y[0] = 1000;
  for (guint t = 1; t < G_N_ELEMENTS (y); t++)
    y[t] = y[t - 1] + 5 + 80 * noise (&seed);
  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    {
      g_autoptr(DaftariForecast) f = forecast (y, G_N_ELEMENTS (y), 18, methods[i]);

      for (guint h = 1; h < 18; h++)
        {
          g_assert_cmpfloat (f->hi95[h] - f->lo95[h], >=, f->hi95[h - 1] - f->lo95[h - 1] - 1e-6);
          g_assert_cmpfloat (f->hi80[h] - f->lo80[h], >=, f->hi80[h - 1] - f->lo80[h - 1] - 1e-6);
        }
      g_assert_cmpfloat (f->hi95[17] - f->lo95[17], >, f->hi95[0] - f->lo95[0]);
      /* The 95% interval contains the 80% one and is wider. */
      g_assert_cmpfloat (f->hi95[0] - f->lo95[0], >, f->hi80[0] - f->lo80[0]);
    }
}

/* ---- seasonality ---- */

static void
test_seasonality (void)
{
  g_autofree double *seasonal = make_seasonal (60, 1000, 2, 0.3, 21);
  double trend[60], index[12];

  g_assert_true (daftari_forecast_is_seasonal (seasonal, 60, 12));
  for (guint t = 0; t < 60; t++)
    trend[t] = 100 + 3 * t;
  g_assert_false (daftari_forecast_is_seasonal (trend, 60, 12));
  /* Three periods or fewer: not enough to tell. */
  g_assert_false (daftari_forecast_is_seasonal (seasonal, 36, 12));

  /* A pure multiplicative pattern comes back exactly. */
  for (guint t = 0; t < 60; t++)
    trend[t] = 500 * (1 + 0.2 * (t % 12 == 11) - 0.1 * (t % 12 == 0));
  g_assert_true (daftari_forecast_seasonal_indices (trend, 60, 12, TRUE, index));
  {
    double mean = (1.2 + 0.9 + 10) / 12;

    g_assert_cmpfloat_with_epsilon (index[11], 1.2 / mean, 1e-9);
    g_assert_cmpfloat_with_epsilon (index[0], 0.9 / mean, 1e-9);
    g_assert_cmpfloat_with_epsilon (index[5], 1 / mean, 1e-9);
  }
  /* A seasonal series' forecast follows its season. */
  {
    g_autoptr(DaftariForecast) f = forecast (seasonal, 60, 12, DAFTARI_FORECAST_COMBINED);
    /* t = 63 is the peak of sin(2 pi t / 12), t = 69 the trough. */
    g_assert_true (f->seasonal);
    g_assert_cmpfloat (f->mean[3], >, f->mean[9] * 1.3);
  }
}

/* ---- scores ---- */

static void
test_scores (void)
{
  const double actual[] = { 100, 200, 0 };
  const double fc[] = { 110, 180, 0 };
  const double train[] = { 10, 20, 30, 50 };
  const double a2[] = { 60, 70 };
  const double f2[] = { 50, 90 };

  /* 200/3 (10/210 + 20/380 + 0) */
  g_assert_cmpfloat_with_epsilon (daftari_forecast_smape (actual, fc, 3),
                                  200.0 / 3 * (10.0 / 210 + 20.0 / 380), 1e-12);
  /* Lag-1 scale (10 + 10 + 20)/3; errors (10 + 20)/2. */
  g_assert_cmpfloat_with_epsilon (daftari_forecast_mase (train, 4, 12, a2, f2, 2),
                                  15.0 / (40.0 / 3), 1e-12);
  /* No variation at all: no scale. */
  g_assert_true (isnan (daftari_forecast_mase (a2, 1, 12, a2, f2, 2)));
}

static void
test_method_names (void)
{
  for (guint i = 0; i < DAFTARI_FORECAST_N_METHODS; i++)
    {
      DaftariForecastMethod m;

      g_assert_true (daftari_forecast_method_from_string (daftari_forecast_method_to_string (i), &m));
      g_assert_cmpint (m, ==, i);
    }
  g_assert_false (daftari_forecast_method_from_string ("arima", &(DaftariForecastMethod) { 0 }));
}

/* Selection gives what sorting gives, ties and all. */
static void
test_quantiles (void)
{
  static const double p[] = { 0, 0.025, 0.1, 0.5, 0.5, 0.9, 0.975, 1 };
  guint32 seed = 3;

  for (guint n = 1; n < 300; n += 7)
    {
      g_autofree double *values = g_new (double, n);
      g_autofree double *sorted = g_new (double, n);
      double q[G_N_ELEMENTS (p)];

      for (guint i = 0; i < n; i++)
        values[i] = sorted[i] = i % 5 == 0 ? 1 : floor (100 * noise (&seed));
      daftari_sort_doubles (sorted, n);
      daftari_quantiles (values, n, p, G_N_ELEMENTS (p), q);
      for (guint k = 0; k < G_N_ELEMENTS (p); k++)
        {
          g_autofree double *copy = g_memdup2 (sorted, n * sizeof (double));

          g_assert_cmpfloat_with_epsilon (q[k], daftari_quantile_sorted (sorted, n, p[k]), 1e-12);
          g_assert_cmpfloat_with_epsilon (daftari_quantile (copy, n, p[k]),
                                          daftari_quantile_sorted (sorted, n, p[k]), 1e-12);
        }
    }
}

/* ---- determinism ---- */

static void
test_deterministic (void)
{
  g_autofree double *y = make_seasonal (72, 2000, 8, 0.25, 99);

  for (guint i = 0; i < G_N_ELEMENTS (every_method); i++)
    {
      g_autoptr(DaftariForecast) a = forecast (y, 72, 18, every_method[i]);
      g_autoptr(DaftariForecast) b = forecast (y, 72, 18, every_method[i]);

      g_assert_cmpmem (a->mean, 18 * sizeof (double), b->mean, 18 * sizeof (double));
      g_assert_cmpmem (a->lo95, 18 * sizeof (double), b->lo95, 18 * sizeof (double));
      g_assert_cmpmem (a->hi95, 18 * sizeof (double), b->hi95, 18 * sizeof (double));
      g_assert_cmpstr (a->model, ==, b->model);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/forecast/recursion/ses", test_ses_recursion);
  g_test_add_func ("/forecast/recursion/holt", test_holt_recursion);
  g_test_add_func ("/forecast/recursion/damped", test_damped_recursion);
  g_test_add_func ("/forecast/recursion/holt-winters-additive", test_holt_winters_additive_recursion);
  g_test_add_func ("/forecast/recursion/holt-winters-multiplicative", test_holt_winters_multiplicative_recursion);
  g_test_add_func ("/forecast/fit/ses", test_ses_fit);
  g_test_add_func ("/forecast/degenerate/constant", test_constant);
  g_test_add_func ("/forecast/degenerate/one-point", test_one_point);
  g_test_add_func ("/forecast/degenerate/all-zeros", test_all_zeros);
  g_test_add_func ("/forecast/degenerate/negative", test_negative);
  g_test_add_func ("/forecast/degenerate/short", test_short_histories);
  g_test_add_func ("/forecast/degenerate/missing", test_missing_months);
  g_test_add_func ("/forecast/degenerate/extreme", test_extreme_values);
  g_test_add_func ("/forecast/robust/outlier", test_outlier);
  g_test_add_func ("/forecast/robust/intermittent", test_intermittent);
  g_test_add_func ("/forecast/intervals/widen", test_intervals_widen);
  g_test_add_func ("/forecast/seasonality", test_seasonality);
  g_test_add_func ("/forecast/scores", test_scores);
  g_test_add_func ("/forecast/method-names", test_method_names);
  g_test_add_func ("/forecast/quantiles", test_quantiles);
  g_test_add_func ("/forecast/deterministic", test_deterministic);
  return g_test_run ();
}
