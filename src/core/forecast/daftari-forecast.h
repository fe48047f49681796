/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Forecasting a book's monthly totals (docs/forecasting.md).
 *
 * Every method takes a series of doubles, oldest first, with NAN for a
 * missing period, and a seasonal period (12 for months, 52 for weeks, 7 for
 * days; 1 for none). It returns point forecasts and 80% and 95% prediction
 * intervals that are always finite, and the same numbers for the same input:
 * the only randomness, in simulated intervals, comes from a fixed seed. */

#define DAFTARI_FORECAST_ERROR (daftari_forecast_error_quark ())
typedef enum {
  DAFTARI_FORECAST_ERROR_INVALID,   /* no usable data, a zero horizon, a bad period */
  DAFTARI_FORECAST_ERROR_METHOD,    /* no method of that name */
  DAFTARI_FORECAST_ERROR_PARSE,     /* an evaluation file that is not in the expected format */
  DAFTARI_FORECAST_ERROR_IO,        /* an evaluation file that cannot be read */
} DaftariForecastError;

GQuark daftari_forecast_error_quark (void);

typedef enum {
  DAFTARI_FORECAST_COMBINED = 0,     /* the default: weighted ETS and multi-scale Theta */
  DAFTARI_FORECAST_NAIVE,            /* last value */
  DAFTARI_FORECAST_SEASONAL_NAIVE,   /* value one period ago */
  DAFTARI_FORECAST_NAIVE2,           /* naive on seasonally adjusted data */
  DAFTARI_FORECAST_SES,              /* simple exponential smoothing */
  DAFTARI_FORECAST_HOLT,             /* linear trend */
  DAFTARI_FORECAST_DAMPED,           /* damped trend */
  DAFTARI_FORECAST_HW_ADDITIVE,      /* Holt-Winters, additive seasonality */
  DAFTARI_FORECAST_HW_MULTIPLICATIVE,/* Holt-Winters, multiplicative seasonality */
  DAFTARI_FORECAST_THETA,            /* the Theta method */
  DAFTARI_FORECAST_ETS,              /* ETS chosen by AICc, seasonal models included */
  DAFTARI_FORECAST_CROSTON,          /* Croston, for intermittent series */
  DAFTARI_FORECAST_SBA,              /* Syntetos-Boylan approximation of Croston */
  DAFTARI_FORECAST_N_METHODS
} DaftariForecastMethod;

/* "combined", "naive", "snaive", "naive2", "ses", "holt", "damped",
 * "hw-additive", "hw-multiplicative", "theta", "ets", "croston", "sba". */
const char *daftari_forecast_method_to_string   (DaftariForecastMethod  method);
gboolean    daftari_forecast_method_from_string (const char            *name,
                                                 DaftariForecastMethod *out_method);

typedef struct {
  DaftariForecastMethod method;
  guint    horizon;
  double  *mean;       /* horizon values each */
  double  *lo80;
  double  *hi80;
  double  *lo95;
  double  *hi95;
  gboolean seasonal;   /* the seasonality test found the data seasonal */
  char    *model;      /* what was fitted, for people: "ETS(M,Ad,N)", "SBA" */
} DaftariForecast;

/* Forecasts the next horizon values of y[0..n-1]. Methods that cannot be
 * fitted to the data (too short, seasonal models without two full periods)
 * fall back to a simpler one, which model names. Fails only when y holds no
 * finite value at all, or horizon or period is 0. */
DaftariForecast *daftari_forecast_compute (const double           *y,
                                           guint                   n,
                                           guint                   period,
                                           guint                   horizon,
                                           DaftariForecastMethod   method,
                                           GError                **error);
void             daftari_forecast_free    (DaftariForecast        *forecast);

/* The seasonality test the M competitions use: the autocorrelation at lag
 * period is significant at 90% (one-sided), under Bartlett's variance for
 * the lower lags. Needs more than three periods of data. */
gboolean daftari_forecast_is_seasonal (const double *y,
                                       guint         n,
                                       guint         period);

/* Classical decomposition: the mean ratio (or difference, when additive) of
 * the data to its centred moving average in each position of the period,
 * normalised to average 1 (or 0). Writes period indices to out_index, the one
 * for y[t] being out_index[t % period]. Needs two full periods. */
gboolean daftari_forecast_seasonal_indices (const double *y,
                                            guint         n,
                                            guint         period,
                                            gboolean      multiplicative,
                                            double       *out_index);

/* Exponential smoothing in the innovations (error-correction) form of
 * Hyndman et al. (2008), exposed so the tests can check the recursions by
 * hand. With q the level plus damped trend and s the seasonal index of the
 * period:
 *   level  l = q + alpha (p - q)         p = y, y - s or y / s
 *   trend  b = phi b + beta (p - q)
 *   season s = s + gamma (y - q - s)      or  s + gamma (y / q - s)
 * so that beta and gamma are the error-correction forms (beta = alpha beta*
 * of Holt's own notation). */
typedef enum {
  DAFTARI_ETS_NONE,
  DAFTARI_ETS_ADDITIVE,
  DAFTARI_ETS_MULTIPLICATIVE,
} DaftariEtsComponent;

#define DAFTARI_ETS_MAX_PERIOD 24

typedef struct {
  DaftariEtsComponent error;    /* additive or multiplicative: only the likelihood differs */
  DaftariEtsComponent trend;    /* none or additive */
  gboolean            damped;
  DaftariEtsComponent season;
  guint               period;   /* 1 .. DAFTARI_ETS_MAX_PERIOD */
  double alpha, beta, gamma, phi;
  double level;                 /* initial states, before the first observation */
  double slope;
  double season0[DAFTARI_ETS_MAX_PERIOD]; /* season0[t % period] is y[t]'s for t < period */
} DaftariEtsModel;

/* Runs the model over y[0..n-1] (n >= 0, all finite), writing the one-step
 * fitted values (n, may be NULL) and the point forecasts (horizon, may be
 * NULL). Returns FALSE if a state became non-finite. */
gboolean daftari_forecast_ets_run (const DaftariEtsModel *model,
                                   const double          *y,
                                   guint                  n,
                                   double                *out_fitted,
                                   guint                  horizon,
                                   double                *out_mean);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariForecast, daftari_forecast_free)

G_END_DECLS
