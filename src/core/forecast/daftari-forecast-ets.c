/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Exponential smoothing state space models (ETS), after Hyndman, Koehler,
 * Ord & Snyder, "Forecasting with Exponential Smoothing" (2008): fitting by
 * maximum likelihood with GSL's Nelder-Mead simplex, selection or Akaike
 * weighting by AICc, and prediction intervals, analytic where the book
 * gives them exactly (classes 1 and 2) and simulated with a multiplicative
 * season. Multiplicative trends are left out: they extrapolate
 * explosively and rarely win (Hyndman's forecast package leaves them out by
 * default for the same reason). */
#include "daftari-forecast-private.h"

#include <gsl/gsl_multimin.h>
#include <math.h>

#define BOUND_LOW   1e-4
#define BOUND_HIGH  0.9999
#define PHI_LOW     0.8
#define PHI_HIGH    0.98
#define INVALID_LIK 1e30

/* Paths simulated for the intervals of models with a multiplicative
 * season: the 2.5% quantile of 1000 draws is off by about half a point of
 * coverage, less than the models' own error. */
#define N_PATHS 1000

typedef struct {
  double l;
  double b;
  double s[DAFTARI_ETS_MAX_PERIOD];
} EtsState;

static void
state_init (const DaftariEtsModel *m, EtsState *st)
{
  st->l = m->level;
  st->b = m->trend != DAFTARI_ETS_NONE ? m->slope : 0;
  if (m->season != DAFTARI_ETS_NONE)
    for (guint j = 0; j < m->period; j++)
      st->s[j] = m->season0[j];
}

/* The trend's contribution to the next step. */
static inline double
damped_slope (const DaftariEtsModel *m, const EtsState *st)
{
  if (m->trend == DAFTARI_ETS_NONE)
    return 0;
  return m->damped ? m->phi * st->b : st->b;
}

/* One step: the forecast of y at season position j given the state, then
 * the state updated with the actual y (see daftari-forecast.h). Returns the
 * forecast. */
static inline double
state_step (const DaftariEtsModel *m, EtsState *st, guint j, double y)
{
  double phib = damped_slope (m, st);
  double q = st->l + phib;
  double f, p, s;

  switch (m->season)
    {
    case DAFTARI_ETS_ADDITIVE:
      s = st->s[j];
      f = q + s;
      p = y - s;
      st->s[j] = s + m->gamma * (y - q - s);
      break;
    case DAFTARI_ETS_MULTIPLICATIVE:
      s = st->s[j];
      f = q * s;
      p = y / s;
      st->s[j] = s + m->gamma * (y / q - s);
      break;
    case DAFTARI_ETS_NONE:
    default:
      f = q;
      p = y;
      break;
    }
  st->l = q + m->alpha * (p - q);
  if (m->trend != DAFTARI_ETS_NONE)
    st->b = phib + m->beta * (p - q);
  return f;
}

/* The point forecast h >= 1 steps after the state, at season position j. */
static double
state_forecast (const DaftariEtsModel *m, const EtsState *st, guint h, guint j)
{
  double q = st->l, phi_sum = 0, power = 1;

  if (m->trend != DAFTARI_ETS_NONE)
    {
      if (m->damped)
        for (guint k = 1; k <= h; k++)
          {
            power *= m->phi;
            phi_sum += power;
          }
      else
        phi_sum = h;
      q += phi_sum * st->b;
    }
  if (m->season == DAFTARI_ETS_ADDITIVE)
    return q + st->s[j];
  if (m->season == DAFTARI_ETS_MULTIPLICATIVE)
    return q * st->s[j];
  return q;
}

gboolean
daftari_forecast_ets_run (const DaftariEtsModel *m, const double *y, guint n, double *out_fitted,
                          guint horizon, double *out_mean)
{
  EtsState st;
  guint period = m->season != DAFTARI_ETS_NONE ? m->period : 1;
  guint j = 0;

  g_return_val_if_fail (period >= 1 && period <= DAFTARI_ETS_MAX_PERIOD, FALSE);
  state_init (m, &st);
  for (guint t = 0; t < n; t++)
    {
      double f = state_step (m, &st, j, y[t]);

      if (out_fitted)
        out_fitted[t] = f;
      if (++j == period)
        j = 0;
    }
  for (guint h = 1; h <= horizon && out_mean; h++)
    out_mean[h - 1] = state_forecast (m, &st, h, (n + h - 1) % period);
  return isfinite (st.l) && isfinite (st.b);
}

/* ---- likelihood ---- */

/* -2 log likelihood up to a constant: n log(sum e^2) for additive errors,
 * plus 2 sum log|f| for multiplicative (relative) errors. Also returns the
 * sum of squared errors. */
static double
ets_likelihood (const DaftariEtsModel *m, const double *y, guint n, double sse_floor,
                double *out_sse)
{
  EtsState st;
  guint period = m->season != DAFTARI_ETS_NONE ? m->period : 1;
  double sse = 0, log_sum = 0, product = 1;
  gboolean relative = m->error == DAFTARI_ETS_MULTIPLICATIVE;
  guint j = 0;

  state_init (m, &st);
  for (guint t = 0; t < n; t++)
    {
      double f, e;

      if (m->season == DAFTARI_ETS_MULTIPLICATIVE && !(fabs (st.s[j]) > 1e-10))
        return INVALID_LIK;
      f = state_step (m, &st, j, y[t]);
      if (relative)
        {
          if (!(f > 1e-10))
            return INVALID_LIK;
          e = (y[t] - f) / f;
          /* One log per many steps: log is the costliest thing here. */
          product *= f;
          if (product > 1e100 || product < 1e-100)
            {
              log_sum += log (product);
              product = 1;
            }
        }
      else
        e = y[t] - f;
      sse += e * e;
      if (++j == period)
        j = 0;
    }
  if (!isfinite (sse) || !isfinite (st.l) || !isfinite (st.b))
    return INVALID_LIK;
  log_sum += log (product);
  if (out_sse)
    *out_sse = sse;
  /* A perfect fit (a constant series) would give log 0. */
  sse = MAX (sse, sse_floor);
  return n * log (sse) + 2 * log_sum;
}

/* ---- the optimisation problem ---- */

typedef struct {
  const double   *y;
  guint           n;
  DaftariEtsModel base;       /* structure, heuristic states */
  double          scale;      /* of the level, to keep the simplex well shaped */
  double          sse_floor;
  guint           n_free;
} Problem;

static inline double
logistic (double x)
{
  return 1 / (1 + exp (-x));
}

static double
logit (double p)
{
  p = CLAMP (p, 1e-6, 1 - 1e-6);
  return log (p / (1 - p));
}

/* Maps the unconstrained simplex coordinates to parameters that satisfy
 * the usual bounds: alpha in (0, 1), beta < alpha, gamma < 1 - alpha,
 * phi in [0.8, 0.98]. The order is alpha, beta, gamma, phi, level, slope. */
static void
unpack (const Problem *p, const double *x, DaftariEtsModel *m)
{
  guint i = 0;

  *m = p->base;
  m->alpha = BOUND_LOW + (BOUND_HIGH - BOUND_LOW) * logistic (x[i++]);
  if (m->trend != DAFTARI_ETS_NONE)
    m->beta = BOUND_LOW + (m->alpha - BOUND_LOW) * logistic (x[i++]);
  if (m->season != DAFTARI_ETS_NONE)
    m->gamma = BOUND_LOW + MAX (1 - m->alpha - BOUND_LOW, 0) * logistic (x[i++]);
  if (m->damped)
    m->phi = PHI_LOW + (PHI_HIGH - PHI_LOW) * logistic (x[i++]);
  m->level = p->base.level + p->scale * x[i++];
  if (m->trend != DAFTARI_ETS_NONE)
    m->slope = p->base.slope + 0.1 * p->scale * x[i++];
}

/* The starting point, where Hyndman's forecast package starts too: alpha
 * small, beta a tenth of it, gamma small, phi near one. */
static void
start_point (const Problem *p, double *x)
{
  const DaftariEtsModel *m = &p->base;
  guint period = m->season != DAFTARI_ETS_NONE ? m->period : 1;
  double alpha = BOUND_LOW + 0.2 * (BOUND_HIGH - BOUND_LOW) / period;
  guint i = 0;

  x[i++] = logit ((alpha - BOUND_LOW) / (BOUND_HIGH - BOUND_LOW));
  if (m->trend != DAFTARI_ETS_NONE)
    x[i++] = logit (0.1);
  if (m->season != DAFTARI_ETS_NONE)
    x[i++] = logit (0.05);
  if (m->damped)
    x[i++] = logit (0.85);
  x[i++] = 0;
  if (m->trend != DAFTARI_ETS_NONE)
    x[i++] = 0;
}

static double
objective (const gsl_vector *v, void *data)
{
  const Problem *p = data;
  DaftariEtsModel m;

  unpack (p, v->data, &m);
  return ets_likelihood (&m, p->y, p->n, p->sse_floor, NULL);
}

/* Nelder-Mead from the starting point, restarted once from where it
 * stopped: one run of the simplex often stalls on a ridge. The caller
 * checks the likelihood where it ends. */
static gboolean
minimise (Problem *p, double *x)
{
  gsl_multimin_function fn = { objective, p->n_free, p };
  gsl_multimin_fminimizer *s = gsl_multimin_fminimizer_alloc (gsl_multimin_fminimizer_nmsimplex2, p->n_free);
  gsl_vector_view start = gsl_vector_view_array (x, p->n_free);
  gsl_vector *step = gsl_vector_alloc (p->n_free);
  gboolean ok = TRUE;

  for (guint round = 0; round < 2 && ok; round++)
    {
      /* GSL's set() leaves the minimum unset until the first iteration. */
      double checkpoint = INFINITY;
      int status = GSL_CONTINUE;
      guint iter = 0;

      gsl_vector_set_all (step, round == 0 ? 1.0 : 0.25);
      if (gsl_multimin_fminimizer_set (s, &fn, &start.vector, step) != GSL_SUCCESS)
        {
          ok = FALSE;
          break;
        }
      while (status == GSL_CONTINUE && iter < 100 * p->n_free)
        {
          if (gsl_multimin_fminimizer_iterate (s) != GSL_SUCCESS)
            break;
          status = gsl_multimin_test_size (gsl_multimin_fminimizer_size (s), 1e-3);
          /* Near a bound the simplex can crawl along a flat valley for
           * ever without shrinking; stop when the likelihood has stopped
           * improving, by far less than matters for the AICc. */
          if (++iter % (5 * p->n_free) == 0)
            {
              double now = gsl_multimin_fminimizer_minimum (s);

              if (checkpoint - now < 1e-3)
                status = GSL_SUCCESS;
              checkpoint = now;
            }
        }
      if (iter > 0)
        gsl_vector_memcpy (&start.vector, gsl_multimin_fminimizer_x (s));
    }
  gsl_vector_free (step);
  gsl_multimin_fminimizer_free (s);
  return ok;
}

/* ---- initial states ---- */

static double
mean_of (const double *y, guint n)
{
  double sum = 0;

  for (guint t = 0; t < n; t++)
    sum += y[t];
  return sum / n;
}

/* Least squares line through y[0..n-1] against t = 1..n: intercept is the
 * value at t = 0, just before the first observation. */
static void
fit_line (const double *y, guint n, double *out_intercept, double *out_slope)
{
  double tm = (n + 1) / 2.0, ym = mean_of (y, n), sxy = 0, sxx = 0;

  for (guint t = 0; t < n; t++)
    {
      sxy += (t + 1 - tm) * (y[t] - ym);
      sxx += (t + 1 - tm) * (t + 1 - tm);
    }
  *out_slope = sxx > 0 ? sxy / sxx : 0;
  *out_intercept = ym - *out_slope * tm;
}

/* Heuristic initial states, much as Hyndman's forecast package makes them:
 * seasonal indices from a classical decomposition (of the whole series,
 * not only its first three periods: with a small gamma the initial indices
 * are the indices for good, and more data makes them less noisy), level and
 * slope from a line through the first ten (or two periods of) seasonally
 * adjusted values. Level and slope are then fitted with the rest. */
static gboolean
initial_states (const double *y, guint n, DaftariEtsModel *m)
{
  guint period = m->season != DAFTARI_ETS_NONE ? m->period : 1;
  guint first = MIN (n, MAX (10, 2 * period));
  g_autofree double *adjusted = g_new (double, first);

  if (m->season != DAFTARI_ETS_NONE)
    {
      gboolean multiplicative = m->season == DAFTARI_ETS_MULTIPLICATIVE;

      if (!daftari_seasonal_indices (y, n, period, multiplicative, TRUE, m->season0))
        return FALSE;
    }
  for (guint t = 0; t < first; t++)
    {
      double s = m->season0[t % period];

      if (m->season == DAFTARI_ETS_ADDITIVE)
        adjusted[t] = y[t] - s;
      else if (m->season == DAFTARI_ETS_MULTIPLICATIVE)
        adjusted[t] = y[t] / s;
      else
        adjusted[t] = y[t];
    }
  if (m->trend != DAFTARI_ETS_NONE && first >= 2)
    fit_line (adjusted, first, &m->level, &m->slope);
  else
    {
      m->level = mean_of (adjusted, first);
      m->slope = 0;
    }
  return TRUE;
}

static double
spread (const double *y, guint n)
{
  double mean = mean_of (y, n), sum = 0;

  for (guint t = 0; t < n; t++)
    sum += (y[t] - mean) * (y[t] - mean);
  return n > 1 ? sqrt (sum / (n - 1)) : 0;
}

gboolean
daftari_ets_fit (const double *y, guint n, DaftariEtsComponent error, DaftariEtsComponent trend,
                 gboolean damped, DaftariEtsComponent season, guint period, DaftariEtsFit *out)
{
  Problem p = { .y = y, .n = n };
  double x[6], level_scale, sse = 0;
  guint n_season = 0, n_states;

  *out = (DaftariEtsFit) { .ok = FALSE };
  p.base = (DaftariEtsModel) {
    .error = error, .trend = trend, .damped = damped && trend != DAFTARI_ETS_NONE,
    .season = season, .period = season != DAFTARI_ETS_NONE ? period : 1,
    .phi = 1,
  };
  if (season != DAFTARI_ETS_NONE)
    {
      if (period < 2 || period > DAFTARI_ETS_MAX_PERIOD || n < 2 * period)
        return FALSE;
      n_season = period - 1;
    }
  /* Relative errors and seasonal ratios need positive data. */
  if ((error == DAFTARI_ETS_MULTIPLICATIVE || season == DAFTARI_ETS_MULTIPLICATIVE) &&
      !daftari_forecast_all_positive (y, n))
    return FALSE;

  p.n_free = 2 + (trend != DAFTARI_ETS_NONE ? 2 : 0) + (season != DAFTARI_ETS_NONE) + p.base.damped;
  n_states = p.n_free + n_season;
  if (n < p.n_free + 1 || !initial_states (y, n, &p.base))
    return FALSE;

  level_scale = spread (y, MIN (n, 10));
  p.scale = MAX (level_scale, 1e-3 * (fabs (mean_of (y, n)) + 1e-9));
  p.sse_floor = error == DAFTARI_ETS_MULTIPLICATIVE ? n * 1e-20
                : n * pow (1e-10 * (fabs (mean_of (y, n)) + p.scale), 2);

  start_point (&p, x);
  if (!minimise (&p, x))
    return FALSE;

  unpack (&p, x, &out->model);
  out->lik = ets_likelihood (&out->model, y, n, p.sse_floor, &sse);
  if (!(out->lik < INVALID_LIK))
    return FALSE;
  out->n_params = n_states + 1;
  out->sigma2 = sse / (n > n_states ? n - n_states : 1);
  /* AICc is defined only with more observations than parameters plus one. */
  if (n > out->n_params + 1)
    out->aicc = out->lik + 2.0 * out->n_params
                + 2.0 * out->n_params * (out->n_params + 1) / (n - out->n_params - 1);
  else
    out->aicc = INFINITY;
  out->ok = TRUE;
  return TRUE;
}

/* ---- selection ---- */

typedef struct {
  DaftariEtsComponent error, trend;
  gboolean            damped;
  DaftariEtsComponent season;
} Candidate;

#define A DAFTARI_ETS_ADDITIVE
#define M DAFTARI_ETS_MULTIPLICATIVE
#define N DAFTARI_ETS_NONE

/* Additive errors with multiplicative seasons are left out: they are
 * numerically unstable (Hyndman et al. 2008, section 7.3). */
static const Candidate candidates[DAFTARI_ETS_N_CANDIDATES] = {
  { A, N, FALSE, N }, { A, A, TRUE, N }, { A, A, FALSE, N },
  { M, N, FALSE, N }, { M, A, TRUE, N }, { M, A, FALSE, N },
  { A, N, FALSE, A }, { A, A, TRUE, A }, { A, A, FALSE, A },
  { M, N, FALSE, A }, { M, A, TRUE, A }, { M, A, FALSE, A },
  { M, N, FALSE, M }, { M, A, TRUE, M }, { M, A, FALSE, M },
};

#undef A
#undef M
#undef N

/* Enough data to fit every state with some left over, as the forecast
 * package requires (more than the states plus four); simple exponential
 * smoothing is always tried, so that short series get a forecast. */
static gboolean
candidate_fits_data (const Candidate *c, guint index, guint n, guint period)
{
  guint n_states = 2 + (c->trend != DAFTARI_ETS_NONE ? 2 : 0) + c->damped
                   + (c->season != DAFTARI_ETS_NONE ? period : 0);

  return index == 0 || n > n_states + 4;
}

guint
daftari_ets_fit_pool (const double *y, guint n, guint period, gboolean seasonal_models,
                      DaftariEtsFit *fits)
{
  guint n_fits = 0;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      const Candidate *c = &candidates[i];

      if (c->season != DAFTARI_ETS_NONE && !seasonal_models)
        continue;
      if (candidate_fits_data (c, i, n, period) &&
          daftari_ets_fit (y, n, c->error, c->trend, c->damped, c->season, period, &fits[n_fits]))
        n_fits++;
    }
  return n_fits;
}

gboolean
daftari_ets_auto (const double *y, guint n, guint period, gboolean seasonal_models,
                  DaftariEtsFit *out_best)
{
  DaftariEtsFit fits[DAFTARI_ETS_N_CANDIDATES];
  guint n_fits = daftari_ets_fit_pool (y, n, period, seasonal_models, fits);

  if (n_fits == 0)
    return FALSE;
  *out_best = fits[0];
  for (guint i = 1; i < n_fits; i++)
    if (fits[i].aicc < out_best->aicc)
      *out_best = fits[i];
  return TRUE;
}

/* ---- prediction ---- */

/* Hyndman et al. (2008), table 6.1: h-step variances of the linear models
 * are sigma^2 (1 + sum_{j<h} c_j^2). */
static double
linear_coefficient (const DaftariEtsModel *m, guint j)
{
  double c = m->alpha;

  if (m->trend != DAFTARI_ETS_NONE)
    c += m->damped ? m->beta * m->phi * (1 - pow (m->phi, j)) / (1 - m->phi) : m->beta * j;
  if (m->season == DAFTARI_ETS_ADDITIVE && j % m->period == 0)
    c += m->gamma;
  return c;
}

/* Class 1, additive errors: v_h = sigma^2 (1 + sum_{j<h} c_j^2).
 * Class 2, multiplicative errors without a multiplicative season:
 * v_h = (1 + sigma^2) theta_h - mu_h^2, theta_h = mu_h^2 + sigma^2
 * sum_{j<h} c_j^2 theta_{h-j} (Hyndman et al. 2008, chapter 6). */
static void
predict_analytic (const DaftariEtsFit *fit, DaftariForecast *out)
{
  guint horizon = out->horizon;
  g_autofree double *sd = g_new (double, horizon);
  g_autofree double *c2 = g_new (double, horizon);
  g_autofree double *theta = g_new (double, horizon);
  double sigma2 = fit->sigma2;

  for (guint j = 1; j < horizon; j++)
    {
      double c = linear_coefficient (&fit->model, j);
      c2[j] = c * c;
    }
  for (guint h = 1; h <= horizon; h++)
    {
      double mu2 = out->mean[h - 1] * out->mean[h - 1], sum = 0;

      if (fit->model.error == DAFTARI_ETS_ADDITIVE)
        {
          for (guint j = 1; j < h; j++)
            sum += c2[j];
          sd[h - 1] = sqrt (sigma2 * (1 + sum));
          continue;
        }
      for (guint j = 1; j < h; j++)
        sum += c2[j] * theta[h - 1 - j];
      theta[h - 1] = mu2 + sigma2 * sum;
      sd[h - 1] = sqrt (MAX ((1 + sigma2) * theta[h - 1] - mu2, 0));
    }
  daftari_forecast_set_normal (out, sd);
}

/* Sample paths from the final state with normal innovations; the interval
 * ends are the sample quantiles at each step. The seed is fixed, so the same
 * data gives the same intervals. */
static void
predict_simulated (const DaftariEtsFit *fit, const EtsState *final, guint n, DaftariForecast *out)
{
  const DaftariEtsModel *m = &fit->model;
  guint period = m->season != DAFTARI_ETS_NONE ? m->period : 1;
  double sigma = sqrt (fit->sigma2);
  g_autofree double *paths = g_new (double, (gsize) out->horizon * N_PATHS);
  DaftariRng rng;

  daftari_rng_init (&rng, 0x9e3779b97f4a7c15ull);
  for (guint k = 0; k < N_PATHS; k++)
    {
      EtsState st = *final;

      for (guint h = 0; h < out->horizon; h++)
        {
          guint j = (n + h) % period;
          double f = state_forecast (m, &st, 1, j);
          double e = sigma * daftari_rng_gaussian (&rng);
          double value = m->error == DAFTARI_ETS_MULTIPLICATIVE ? f * (1 + e) : f + e;

          if (!isfinite (value))
            value = f;
          state_step (m, &st, j, value);
          paths[(gsize) h * N_PATHS + k] = value;
        }
    }
  for (guint h = 0; h < out->horizon; h++)
    {
      static const double p[] = { 0.025, 0.10, 0.90, 0.975 };
      double *sample = paths + (gsize) h * N_PATHS;
      double q[G_N_ELEMENTS (p)];

      daftari_quantiles (sample, N_PATHS, p, G_N_ELEMENTS (p), q);
      out->lo95[h] = q[0];
      out->lo80[h] = q[1];
      out->hi80[h] = q[2];
      out->hi95[h] = q[3];
    }
}

void
daftari_ets_predict (const DaftariEtsFit *fit, const double *y, guint n, DaftariForecast *out)
{
  const DaftariEtsModel *m = &fit->model;
  guint period = m->season != DAFTARI_ETS_NONE ? m->period : 1;
  EtsState st;
  guint j = 0;

  state_init (m, &st);
  for (guint t = 0; t < n; t++)
    {
      state_step (m, &st, j, y[t]);
      if (++j == period)
        j = 0;
    }
  for (guint h = 1; h <= out->horizon; h++)
    out->mean[h - 1] = state_forecast (m, &st, h, (n + h - 1) % period);

  if (m->season != DAFTARI_ETS_MULTIPLICATIVE)
    predict_analytic (fit, out);
  else
    predict_simulated (fit, &st, n, out);
  out->model = daftari_ets_model_name (m);
}

/* Kolassa (2011): rather than bet on the model with the lowest AICc, weigh
 * every model by its Akaike weight exp(-delta/2), the relative likelihood
 * that it is the best of the pool. Models with a negligible weight are
 * skipped; the interval ends are averaged with the same weights. */
void
daftari_ets_predict_weighted (const DaftariEtsFit *fits, guint n_fits, const double *y, guint n,
                              DaftariForecast *out)
{
  g_autoptr(DaftariForecast) member = daftari_forecast_new (out->horizon);
  double best = INFINITY, total = 0;
  guint chosen = 0;

  for (guint i = 0; i < n_fits; i++)
    best = MIN (best, fits[i].aicc);
  /* Too short for the AICc: the one model tried for such data. */
  if (!isfinite (best))
    {
      daftari_ets_predict (&fits[0], y, n, out);
      return;
    }
  for (guint h = 0; h < out->horizon; h++)
    out->mean[h] = out->lo80[h] = out->hi80[h] = out->lo95[h] = out->hi95[h] = 0;
  for (guint i = 0; i < n_fits; i++)
    {
      double weight = exp (-0.5 * (fits[i].aicc - best));

      if (!(weight >= 1e-3))
        continue;
      g_clear_pointer (&member->model, g_free);
      daftari_ets_predict (&fits[i], y, n, member);
      for (guint h = 0; h < out->horizon; h++)
        {
          out->mean[h] += weight * member->mean[h];
          out->lo80[h] += weight * member->lo80[h];
          out->hi80[h] += weight * member->hi80[h];
          out->lo95[h] += weight * member->lo95[h];
          out->hi95[h] += weight * member->hi95[h];
        }
      total += weight;
      chosen++;
    }
  for (guint h = 0; h < out->horizon; h++)
    {
      out->mean[h] /= total;
      out->lo80[h] /= total;
      out->hi80[h] /= total;
      out->lo95[h] /= total;
      out->hi95[h] /= total;
    }
  out->model = g_strdup_printf ("ETS(%u weighted)", chosen);
}

char *
daftari_ets_model_name (const DaftariEtsModel *m)
{
  static const char letter[] = { 'N', 'A', 'M' };

  return g_strdup_printf ("ETS(%c,%c%s,%c)", letter[m->error], letter[m->trend],
                          m->damped ? "d" : "", letter[m->season]);
}
