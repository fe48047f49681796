/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The forecasting engine's entry point: cleans the input, adjusts it for
 * the season, runs a method, and puts the season back. The default is a
 * combination of three methods, because a combination is rarely much worse
 * than its best member and its best member cannot be known in advance
 * (Makridakis & Hibon 2000; Petropoulos & Svetunkov 2020). */
#include "daftari-forecast-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

G_DEFINE_QUARK (daftari-forecast-error-quark, daftari_forecast_error)

static const char *const method_names[DAFTARI_FORECAST_N_METHODS] = {
  [DAFTARI_FORECAST_COMBINED]           = "combined",
  [DAFTARI_FORECAST_NAIVE]              = "naive",
  [DAFTARI_FORECAST_SEASONAL_NAIVE]     = "snaive",
  [DAFTARI_FORECAST_NAIVE2]             = "naive2",
  [DAFTARI_FORECAST_SES]                = "ses",
  [DAFTARI_FORECAST_HOLT]               = "holt",
  [DAFTARI_FORECAST_DAMPED]             = "damped",
  [DAFTARI_FORECAST_HW_ADDITIVE]        = "hw-additive",
  [DAFTARI_FORECAST_HW_MULTIPLICATIVE]  = "hw-multiplicative",
  [DAFTARI_FORECAST_THETA]              = "theta",
  [DAFTARI_FORECAST_ETS]                = "ets",
  [DAFTARI_FORECAST_CROSTON]            = "croston",
  [DAFTARI_FORECAST_SBA]                = "sba",
};

const char *
daftari_forecast_method_to_string (DaftariForecastMethod method)
{
  g_return_val_if_fail (method < DAFTARI_FORECAST_N_METHODS, NULL);
  return method_names[method];
}

gboolean
daftari_forecast_method_from_string (const char *name, DaftariForecastMethod *out_method)
{
  for (guint i = 0; i < DAFTARI_FORECAST_N_METHODS; i++)
    if (g_ascii_strcasecmp (name, method_names[i]) == 0)
      {
        *out_method = i;
        return TRUE;
      }
  return FALSE;
}

/* ---- the forecast object and small numerical helpers ---- */

DaftariForecast *
daftari_forecast_new (guint horizon)
{
  DaftariForecast *f = g_new0 (DaftariForecast, 1);

  f->horizon = horizon;
  f->mean = g_new0 (double, horizon);
  f->lo80 = g_new0 (double, horizon);
  f->hi80 = g_new0 (double, horizon);
  f->lo95 = g_new0 (double, horizon);
  f->hi95 = g_new0 (double, horizon);
  return f;
}

void
daftari_forecast_free (DaftariForecast *f)
{
  if (f == NULL)
    return;
  g_free (f->mean);
  g_free (f->lo80);
  g_free (f->hi80);
  g_free (f->lo95);
  g_free (f->hi95);
  g_free (f->model);
  g_free (f);
}

void
daftari_forecast_set_normal (DaftariForecast *f, const double *sd)
{
  for (guint h = 0; h < f->horizon; h++)
    {
      f->lo80[h] = f->mean[h] - DAFTARI_Z80 * sd[h];
      f->hi80[h] = f->mean[h] + DAFTARI_Z80 * sd[h];
      f->lo95[h] = f->mean[h] - DAFTARI_Z95 * sd[h];
      f->hi95[h] = f->mean[h] + DAFTARI_Z95 * sd[h];
    }
}

static double
finite_or (double value, double fallback)
{
  return isfinite (value) ? value : fallback;
}

void
daftari_forecast_tidy (DaftariForecast *f)
{
  for (guint h = 0; h < f->horizon; h++)
    {
      double v[5];

      f->mean[h] = finite_or (f->mean[h], h > 0 ? f->mean[h - 1] : 0);
      v[0] = finite_or (f->lo95[h], f->mean[h]);
      v[1] = finite_or (f->lo80[h], f->mean[h]);
      v[2] = f->mean[h];
      v[3] = finite_or (f->hi80[h], f->mean[h]);
      v[4] = finite_or (f->hi95[h], f->mean[h]);
      daftari_sort_doubles (v, 5);
      f->lo95[h] = v[0];
      f->lo80[h] = MIN (v[1], f->mean[h]);
      f->hi80[h] = MAX (v[3], f->mean[h]);
      f->hi95[h] = v[4];
    }
}

void
daftari_rng_init (DaftariRng *rng, guint64 seed)
{
  *rng = (DaftariRng) { .state = seed };
}

/* splitmix64 (Steele, Lea & Flood 2014): tiny, fast, and the same
 * everywhere, unlike rand(). */
static guint64
rng_next (DaftariRng *rng)
{
  guint64 z = (rng->state += 0x9e3779b97f4a7c15ull);

  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

double
daftari_rng_uniform (DaftariRng *rng)
{
  /* 53 random bits, never exactly 0 so that log() below stays finite. */
  return ((rng_next (rng) >> 11) + 0.5) * (1.0 / 9007199254740992.0);
}

double
daftari_rng_gaussian (DaftariRng *rng)
{
  double u, v, r;

  if (rng->has_spare)
    {
      rng->has_spare = FALSE;
      return rng->spare;
    }
  /* Box-Muller: two normals from two uniforms. */
  u = daftari_rng_uniform (rng);
  v = daftari_rng_uniform (rng);
  r = sqrt (-2 * log (u));
  rng->spare = r * sin (2 * G_PI * v);
  rng->has_spare = TRUE;
  return r * cos (2 * G_PI * v);
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

void
daftari_sort_doubles (double *values, guint n)
{
  qsort (values, n, sizeof (double), compare_doubles);
}

double
daftari_quantile_sorted (const double *sorted, guint n, double p)
{
  double position, fraction;
  guint below;

  if (n == 0)
    return 0;
  position = CLAMP (p, 0, 1) * (n - 1);
  below = (guint) floor (position);
  if (below >= n - 1)
    return sorted[n - 1];
  fraction = position - below;
  return sorted[below] + fraction * (sorted[below + 1] - sorted[below]);
}

/* Hoare's selection: afterwards values[k] is what it would be sorted, with
 * nothing greater before it and nothing smaller after it. */
static void
select_kth (double *values, guint n, guint k)
{
  guint left = 0, right = n - 1;

  while (left < right)
    {
      double pivot = values[left + (right - left) / 2];
      guint i = left, j = right;

      while (i <= j)
        {
          while (values[i] < pivot)
            i++;
          while (values[j] > pivot)
            j--;
          if (i <= j)
            {
              double swap = values[i];
              values[i] = values[j];
              values[j] = swap;
              i++;
              if (j == 0)
                break;
              j--;
            }
        }
      if (k <= j)
        right = j;
      else if (k >= i)
        left = i;
      else
        break;
    }
}

/* The type-7 quantile at position (of the whole array, sorted), when
 * values[0..lo-1] are known to be in place and no greater than the rest:
 * position is at or after lo - 1. Moves lo past the order statistic it
 * placed. */
static double
quantile_from (double *values, guint n, guint *lo, double position)
{
  guint below = (guint) floor (position);
  double fraction = position - below, next;

  if (below >= *lo)
    {
      select_kth (values + *lo, n - *lo, below - *lo);
      *lo = below + 1;
    }
  if (below >= n - 1)
    return values[n - 1];
  /* The next order statistic is the least of what lies above. */
  next = values[below + 1];
  for (guint i = below + 2; i < n; i++)
    next = MIN (next, values[i]);
  return values[below] + fraction * (next - values[below]);
}

double
daftari_quantile (double *values, guint n, double p)
{
  guint lo = 0;

  if (n == 0)
    return 0;
  return quantile_from (values, n, &lo, CLAMP (p, 0, 1) * (n - 1));
}

void
daftari_quantiles (double *values, guint n, const double *p, guint n_p, double *out)
{
  guint lo = 0;

  for (guint i = 0; i < n_p; i++)
    {
      g_return_if_fail (i == 0 || p[i] >= p[i - 1]);
      out[i] = n > 0 ? quantile_from (values, n, &lo, CLAMP (p[i], 0, 1) * (n - 1)) : 0;
    }
}

/* ---- input ---- */

/* Drops leading missing values, fills gaps inside by straight lines, and
 * counts the missing values at the end, which are forecast rather than
 * guessed. Returns NULL when nothing is left. */
static double *
clean_input (const double *y, guint n, guint *out_n, guint *out_trailing)
{
  guint first = 0, last = n;
  double *clean;

  while (first < n && !isfinite (y[first]))
    first++;
  while (last > first && !isfinite (y[last - 1]))
    last--;
  if (first == last)
    return NULL;

  clean = g_new (double, last - first);
  for (guint t = first, prev = first; t < last; t++)
    {
      if (isfinite (y[t]))
        {
          clean[t - first] = y[t];
          prev = t;
          continue;
        }
      guint next = t + 1;
      while (!isfinite (y[next]))
        next++;
      clean[t - first] = y[prev] + (y[next] - y[prev]) * (double) (t - prev) / (next - prev);
    }
  *out_n = last - first;
  *out_trailing = n - last;
  return clean;
}

static gboolean
all_non_negative (const double *y, guint n)
{
  for (guint t = 0; t < n; t++)
    if (y[t] < 0)
      return FALSE;
  return TRUE;
}

/* ---- methods on clean data ---- */

typedef struct {
  const double   *y;          /* clean input */
  guint           n;
  guint           period;
  DaftariSeasonal seasonal;
  double         *adjusted;   /* y without its season */
} Series;

/* Naive2 is a benchmark defined on the classical indices; every other
 * method gets them shrunk. */
static void
series_init (Series *s, const double *y, guint n, guint period, gboolean shrink)
{
  s->y = y;
  s->n = n;
  s->period = period;
  s->adjusted = g_new (double, n);
  daftari_seasonal_adjust (y, n, period, shrink, &s->seasonal, s->adjusted);
}

/* ---- gross errors ---- */

/* A value this many robust standard deviations off the local median of
 * the adjusted series is a gross error (a typing slip, a one-off deal
 * booked in the wrong month): under any plausible distribution it would
 * essentially never happen. Peaks that repeat are seasons, taken out
 * before the test. The evaluation is flat between 6 and 10
 * (docs/forecasting.md). */
#define GROSS_ERROR_SDS 8.0
#define GROSS_ERROR_HALF_WINDOW 3

static double
window_median (const double *z, guint n, guint t)
{
  double w[2 * GROSS_ERROR_HALF_WINDOW + 1];
  guint lo = t >= GROSS_ERROR_HALF_WINDOW ? t - GROSS_ERROR_HALF_WINDOW : 0;
  guint hi = MIN (n - 1, t + GROSS_ERROR_HALF_WINDOW), k = 0;

  for (guint i = lo; i <= hi; i++)
    w[k++] = z[i];
  return daftari_quantile (w, k, 0.5);
}

/* Replaces gross errors in y (inside the series: the last value may be
 * the start of something new, and only what follows could tell) by the
 * local median with the season put back, and adjusts again. */
static void
series_clean (Series *s, double *y)
{
  g_autofree double *local = NULL, *deviation = NULL;
  gboolean changed = FALSE;
  double scale;

  if (s->n < 2 * GROSS_ERROR_HALF_WINDOW + 2)
    return;
  local = g_new (double, s->n);
  deviation = g_new (double, s->n);
  for (guint t = 0; t < s->n; t++)
    {
      local[t] = window_median (s->adjusted, s->n, t);
      deviation[t] = fabs (s->adjusted[t] - local[t]);
    }
  /* The median absolute deviation, made a standard deviation for normal
   * data; the quantile reorders its input, so measure afterwards. */
  scale = 1.4826 * daftari_quantile (deviation, s->n, 0.5);
  if (!(scale > 0))
    return;
  for (guint t = 0; t + 1 < s->n; t++)
    {
      const DaftariSeasonal *season = &s->seasonal;
      double value = local[t];

      if (!(fabs (s->adjusted[t] - local[t]) > GROSS_ERROR_SDS * scale))
        continue;
      if (season->seasonal)
        value = season->multiplicative ? value * season->index[t % s->period]
                                       : value + season->index[t % s->period];
      y[t] = value;
      changed = TRUE;
    }
  if (changed)
    {
      daftari_seasonal_clear (&s->seasonal);
      daftari_seasonal_adjust (y, s->n, s->period, TRUE, &s->seasonal, s->adjusted);
    }
}

/* The benchmarks are defined on the data as given; Croston's zeros are
 * what it models. */
static gboolean
method_cleans (DaftariForecastMethod method)
{
  switch (method)
    {
    case DAFTARI_FORECAST_NAIVE:
    case DAFTARI_FORECAST_SEASONAL_NAIVE:
    case DAFTARI_FORECAST_NAIVE2:
    case DAFTARI_FORECAST_CROSTON:
    case DAFTARI_FORECAST_SBA:
      return FALSE;
    case DAFTARI_FORECAST_COMBINED:
    case DAFTARI_FORECAST_SES:
    case DAFTARI_FORECAST_HOLT:
    case DAFTARI_FORECAST_DAMPED:
    case DAFTARI_FORECAST_HW_ADDITIVE:
    case DAFTARI_FORECAST_HW_MULTIPLICATIVE:
    case DAFTARI_FORECAST_THETA:
    case DAFTARI_FORECAST_ETS:
    case DAFTARI_FORECAST_N_METHODS:
    default:
      return TRUE;
    }
}

static void
series_clear (Series *s)
{
  daftari_seasonal_clear (&s->seasonal);
  g_free (s->adjusted);
}

/* A non-seasonal ETS model on the adjusted series, falling back to the
 * naive method when the series is too short for it. */
static void
predict_adjusted_ets (Series *s, DaftariEtsComponent trend, gboolean damped, DaftariForecast *out)
{
  DaftariEtsFit fit;

  if (daftari_ets_fit (s->adjusted, s->n, DAFTARI_ETS_ADDITIVE, trend, damped,
                       DAFTARI_ETS_NONE, 1, &fit))
    daftari_ets_predict (&fit, s->adjusted, s->n, out);
  else if (trend != DAFTARI_ETS_NONE)
    {
      predict_adjusted_ets (s, DAFTARI_ETS_NONE, FALSE, out);
      return;
    }
  else
    {
      daftari_naive_predict (s->adjusted, s->n, out);
      out->model = g_strdup ("Naive");
    }
  daftari_seasonal_restore (&s->seasonal, s->n, out);
}

static void
predict_theta (Series *s, DaftariForecast *out)
{
  DaftariEtsFit ses;

  if (s->n < 3 || !daftari_ets_fit (s->adjusted, s->n, DAFTARI_ETS_ADDITIVE, DAFTARI_ETS_NONE,
                                    FALSE, DAFTARI_ETS_NONE, 1, &ses))
    {
      predict_adjusted_ets (s, DAFTARI_ETS_NONE, FALSE, out);
      return;
    }
  daftari_theta_predict (&ses, s->adjusted, s->n, out);
  daftari_seasonal_restore (&s->seasonal, s->n, out);
}

/* Holt-Winters as the ETS model with that structure, fitted to the data
 * as it is; without two full periods there is no season to fit, and Holt's
 * trend alone is the honest answer. */
static void
predict_holt_winters (Series *s, DaftariEtsComponent season, DaftariForecast *out)
{
  DaftariEtsComponent error = season;
  DaftariEtsFit fit;

  if (daftari_ets_fit (s->y, s->n, error, DAFTARI_ETS_ADDITIVE, FALSE, season, s->period, &fit) ||
      (season == DAFTARI_ETS_MULTIPLICATIVE &&
       daftari_ets_fit (s->y, s->n, DAFTARI_ETS_ADDITIVE, DAFTARI_ETS_ADDITIVE, FALSE,
                        DAFTARI_ETS_ADDITIVE, s->period, &fit)))
    daftari_ets_predict (&fit, s->y, s->n, out);
  else
    predict_adjusted_ets (s, DAFTARI_ETS_ADDITIVE, FALSE, out);
}

static void
predict_ets_auto (Series *s, DaftariForecast *out)
{
  DaftariEtsFit best;

  if (daftari_ets_auto (s->y, s->n, s->period, s->period >= 2, &best))
    daftari_ets_predict (&best, s->y, s->n, out);
  else
    {
      daftari_naive_predict (s->y, s->n, out);
      out->model = g_strdup ("Naive");
    }
}

static void
predict_croston (Series *s, gboolean sba, DaftariForecast *out)
{
  /* Sizes and gaps mean nothing for data that goes below zero, and two
   * values say nothing about either. */
  if (!all_non_negative (s->y, s->n) || s->n < 3)
    predict_adjusted_ets (s, DAFTARI_ETS_NONE, FALSE, out);
  else
    daftari_croston_predict (s->y, s->n, sba, out);
}

/* ---- the combination ---- */

/* The mean, step by step, of the members' forecasts and of each of their
 * interval ends: averaging the quantiles of forecast distributions gives a
 * calibrated one when the members agree on the shape (Lichtendahl,
 * Grushka-Cockayne & Winkler 2013). */
static void
combine_mean (DaftariForecast **members, guint n_members, DaftariForecast *out)
{
  for (guint h = 0; h < out->horizon; h++)
    {
      out->mean[h] = out->lo80[h] = out->hi80[h] = out->lo95[h] = out->hi95[h] = 0;
      for (guint i = 0; i < n_members; i++)
        {
          out->mean[h] += members[i]->mean[h] / n_members;
          out->lo80[h] += members[i]->lo80[h] / n_members;
          out->hi80[h] += members[i]->hi80[h] / n_members;
          out->lo95[h] += members[i]->lo95[h] / n_members;
          out->hi95[h] += members[i]->hi95[h] / n_members;
        }
    }
}

/* The default, two families that see the data differently, averaged:
 *  - ETS fitted to the data as they are, with the season evolving inside
 *    the model, every model of the pool weighted by its Akaike weight;
 *  - Theta on the seasonally adjusted data, where the season is fixed and
 *    shrunk, at the monthly and coarser time scales.
 * Intermittent series go to SBA instead. */
static void
predict_combined (Series *s, DaftariForecast *out)
{
  DaftariEtsFit fits[DAFTARI_ETS_N_CANDIDATES];
  DaftariForecast *members[2];
  guint n_fits;

  if (daftari_is_intermittent (s->y, s->n))
    {
      daftari_croston_predict (s->y, s->n, TRUE, out);
      return;
    }
  members[0] = daftari_forecast_new (out->horizon);
  members[1] = daftari_forecast_new (out->horizon);
  daftari_theta_aggregated_predict (s->adjusted, s->n, s->period, members[1]);
  daftari_seasonal_restore (&s->seasonal, s->n, members[1]);

  n_fits = daftari_ets_fit_pool (s->y, s->n, s->period, s->period >= 2, fits);
  if (n_fits > 0)
    {
      daftari_ets_predict_weighted (fits, n_fits, s->y, s->n, members[0]);
      combine_mean (members, 2, out);
      out->model = g_strdup_printf ("Mean(%s, %s)", members[0]->model, members[1]->model);
    }
  else
    {
      combine_mean (members + 1, 1, out);
      out->model = g_strdup (members[1]->model);
    }
  daftari_forecast_free (members[0]);
  daftari_forecast_free (members[1]);
}

static void
predict (Series *s, DaftariForecastMethod method, DaftariForecast *out)
{
  switch (method)
    {
    case DAFTARI_FORECAST_NAIVE:
      daftari_naive_predict (s->y, s->n, out);
      break;
    case DAFTARI_FORECAST_SEASONAL_NAIVE:
      daftari_seasonal_naive_predict (s->y, s->n, s->period, out);
      break;
    case DAFTARI_FORECAST_NAIVE2:
      daftari_naive_predict (s->adjusted, s->n, out);
      daftari_seasonal_restore (&s->seasonal, s->n, out);
      break;
    case DAFTARI_FORECAST_SES:
      predict_adjusted_ets (s, DAFTARI_ETS_NONE, FALSE, out);
      break;
    case DAFTARI_FORECAST_HOLT:
      predict_adjusted_ets (s, DAFTARI_ETS_ADDITIVE, FALSE, out);
      break;
    case DAFTARI_FORECAST_DAMPED:
      predict_adjusted_ets (s, DAFTARI_ETS_ADDITIVE, TRUE, out);
      break;
    case DAFTARI_FORECAST_HW_ADDITIVE:
      predict_holt_winters (s, DAFTARI_ETS_ADDITIVE, out);
      break;
    case DAFTARI_FORECAST_HW_MULTIPLICATIVE:
      predict_holt_winters (s, DAFTARI_ETS_MULTIPLICATIVE, out);
      break;
    case DAFTARI_FORECAST_THETA:
      predict_theta (s, out);
      break;
    case DAFTARI_FORECAST_ETS:
      predict_ets_auto (s, out);
      break;
    case DAFTARI_FORECAST_CROSTON:
    case DAFTARI_FORECAST_SBA:
      predict_croston (s, method == DAFTARI_FORECAST_SBA, out);
      break;
    case DAFTARI_FORECAST_COMBINED:
    case DAFTARI_FORECAST_N_METHODS:
    default:
      predict_combined (s, out);
      break;
    }
  if (out->model == NULL)
    out->model = g_strdup (method_names[method < DAFTARI_FORECAST_N_METHODS ? method : 0]);
}

static gboolean
forecast_is_finite (const DaftariForecast *f)
{
  for (guint h = 0; h < f->horizon; h++)
    if (!isfinite (f->mean[h]) || !isfinite (f->lo95[h]) || !isfinite (f->hi95[h]) ||
        !isfinite (f->lo80[h]) || !isfinite (f->hi80[h]))
      return FALSE;
  return TRUE;
}

/* Money that has never gone below zero (sales, a category's spending) will
 * not: cut forecasts and intervals at zero. */
static void
clamp_at_zero (DaftariForecast *f)
{
  for (guint h = 0; h < f->horizon; h++)
    {
      f->mean[h] = MAX (f->mean[h], 0);
      f->lo80[h] = MAX (f->lo80[h], 0);
      f->hi80[h] = MAX (f->hi80[h], 0);
      f->lo95[h] = MAX (f->lo95[h], 0);
      f->hi95[h] = MAX (f->hi95[h], 0);
    }
}

/* Keeps the last horizon steps of a forecast made longer to cover
 * missing values at the end of the data. */
static void
drop_leading_steps (DaftariForecast *f, guint skip, guint horizon)
{
  if (skip == 0)
    return;
  memmove (f->mean, f->mean + skip, horizon * sizeof (double));
  memmove (f->lo80, f->lo80 + skip, horizon * sizeof (double));
  memmove (f->hi80, f->hi80 + skip, horizon * sizeof (double));
  memmove (f->lo95, f->lo95 + skip, horizon * sizeof (double));
  memmove (f->hi95, f->hi95 + skip, horizon * sizeof (double));
  f->horizon = horizon;
}

DaftariForecast *
daftari_forecast_compute (const double *y, guint n, guint period, guint horizon,
                          DaftariForecastMethod method, GError **error)
{
  g_autofree double *clean = NULL;
  DaftariForecast *f;
  guint n_clean = 0, trailing = 0;
  Series s;

  if (horizon == 0 || period == 0 || method >= DAFTARI_FORECAST_N_METHODS)
    {
      g_set_error (error, DAFTARI_FORECAST_ERROR, DAFTARI_FORECAST_ERROR_INVALID,
                   _("A forecast needs a horizon and a period of at least one"));
      return NULL;
    }
  clean = y != NULL ? clean_input (y, n, &n_clean, &trailing) : NULL;
  if (clean == NULL)
    {
      g_set_error (error, DAFTARI_FORECAST_ERROR, DAFTARI_FORECAST_ERROR_INVALID,
                   _("There is no data to forecast from"));
      return NULL;
    }

  f = daftari_forecast_new (horizon + trailing);
  series_init (&s, clean, n_clean, period, method != DAFTARI_FORECAST_NAIVE2);
  f->method = method;
  /* Intermittent series are all zeros and spikes: nothing to clean. */
  if (method_cleans (method) && !daftari_is_intermittent (clean, n_clean))
    series_clean (&s, clean);
  predict (&s, method, f);
  f->seasonal = s.seasonal.seasonal;
  if (!forecast_is_finite (f))
    {
      g_clear_pointer (&f->model, g_free);
      daftari_naive_predict (clean, n_clean, f);
      f->model = g_strdup ("Naive");
    }
  series_clear (&s);

  daftari_forecast_tidy (f);
  if (all_non_negative (clean, n_clean))
    clamp_at_zero (f);
  drop_leading_steps (f, trailing, horizon);
  return f;
}
