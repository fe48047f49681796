/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-forecast.h"

G_BEGIN_DECLS

/* Shared between the files of the forecasting engine; not for callers. */

/* z-scores of the central 80% and 95% normal intervals. */
#define DAFTARI_Z80 1.2815515655446004
#define DAFTARI_Z95 1.959963984540054

DaftariForecast *daftari_forecast_new (guint horizon);

/* Puts lo95 <= lo80 <= mean <= hi80 <= hi95 back in order and replaces
 * anything non-finite. */
void daftari_forecast_tidy (DaftariForecast *forecast);

/* Normal intervals around mean[] from a standard deviation per step. */
void daftari_forecast_set_normal (DaftariForecast *forecast,
                                  const double    *sd);

/* A deterministic generator (splitmix64), so simulated intervals come out
 * the same on every run and every platform. */
typedef struct {
  guint64 state;
  double  spare;
  gboolean has_spare;
} DaftariRng;

void   daftari_rng_init     (DaftariRng *rng, guint64 seed);
double daftari_rng_uniform  (DaftariRng *rng);
double daftari_rng_gaussian (DaftariRng *rng);

/* In-place sort and the type-7 sample quantile of a sorted array. */
void   daftari_sort_doubles (double *values, guint n);
double daftari_quantile_sorted (const double *sorted, guint n, double p);
/* The same quantile of an unsorted array, which it reorders: selection
 * instead of a sort, for large samples. */
double daftari_quantile (double *values, guint n, double p);
/* Several quantiles at once, p ascending: each selection works on what is
 * left above the previous one. */
void   daftari_quantiles (double *values, guint n, const double *p, guint n_p, double *out);

/* ---- ETS ---- */

typedef struct {
  DaftariEtsModel model;
  double   lik;        /* -2 log likelihood, up to a constant shared by all models of one series */
  double   aicc;
  double   sigma2;     /* innovation variance, relative for multiplicative errors */
  guint    n_params;   /* counted for the AICc: smoothing, initial states, sigma */
  gboolean ok;
} DaftariEtsFit;

/* Fits one model by maximum likelihood: smoothing parameters, damping and
 * initial level and slope by Nelder-Mead; seasonal initial states from a
 * classical decomposition of the first three periods. */
gboolean daftari_ets_fit (const double        *y,
                          guint                n,
                          DaftariEtsComponent  error,
                          DaftariEtsComponent  trend,
                          gboolean             damped,
                          DaftariEtsComponent  season,
                          guint                period,
                          DaftariEtsFit       *out_fit);

/* The automatic pool: errors A or M, trend none, damped or linear, season
 * none, A or M, less the unstable additive error with multiplicative
 * season. */
#define DAFTARI_ETS_N_CANDIDATES 15

/* Fits every model of the pool that the data allow (seasonal ones only
 * with seasonal_models) into fits, which has room for all; returns how
 * many. */
guint    daftari_ets_fit_pool (const double  *y,
                               guint          n,
                               guint          period,
                               gboolean       seasonal_models,
                               DaftariEtsFit *fits);
/* The fitted model with the lowest AICc. */
gboolean daftari_ets_auto     (const double  *y,
                               guint          n,
                               guint          period,
                               gboolean       seasonal_models,
                               DaftariEtsFit *out_best);

/* Point forecasts and intervals: analytic without a multiplicative season
 * (classes 1 and 2 of Hyndman et al. 2008), simulated with one. */
void daftari_ets_predict (const DaftariEtsFit *fit,
                          const double        *y,
                          guint                n,
                          DaftariForecast     *out);

/* The models' forecasts averaged with their Akaike weights. */
void daftari_ets_predict_weighted (const DaftariEtsFit *fits,
                                   guint                n_fits,
                                   const double        *y,
                                   guint                n,
                                   DaftariForecast     *out);

char *daftari_ets_model_name (const DaftariEtsModel *model);

/* ---- Theta ---- */

/* Theta on y from its SES fit: SES plus half the slope of the linear
 * regression on time (Hyndman & Billah 2003). */
void daftari_theta_predict (const DaftariEtsFit *ses,
                            const double        *y,
                            guint                n,
                            DaftariForecast     *out);

/* Theta fitted to y and to its temporal aggregates over each divisor of
 * the period (for months: two-monthly, quarterly, ..., yearly means), each
 * forecast spread back over the months and averaged (the forecast
 * combination of Kourentzes, Petropoulos & Trapero's MAPA, 2014). Falls
 * back to SES for fewer than three values. */
void daftari_theta_aggregated_predict (const double    *y,
                                       guint            n,
                                       guint            period,
                                       DaftariForecast *out);

/* ---- simple and intermittent methods ---- */

void     daftari_naive_predict          (const double *y, guint n, DaftariForecast *out);
void     daftari_seasonal_naive_predict (const double *y, guint n, guint period, DaftariForecast *out);
/* Croston's method; with sba, its Syntetos-Boylan bias correction. */
void     daftari_croston_predict        (const double *y, guint n, gboolean sba, DaftariForecast *out);
/* Whether y (non-negative) has demand in fewer than 1 of 1.32 periods. */
gboolean daftari_is_intermittent        (const double *y, guint n);

/* ---- seasonal adjustment ---- */

typedef struct {
  gboolean seasonal;
  gboolean multiplicative;
  guint    period;
  double  *index;      /* period entries; index[t % period] */
} DaftariSeasonal;

/* daftari_forecast_seasonal_indices(), optionally with the indices shrunk
 * towards their mean by as much as their noise explains. */
gboolean daftari_seasonal_indices (const double *y,
                                   guint         n,
                                   guint         period,
                                   gboolean      multiplicative,
                                   gboolean      shrink,
                                   double       *out_index);

/* Decides whether y is seasonal and, if so, writes the adjusted series to
 * out_adjusted (n values; a copy of y otherwise). */
void daftari_seasonal_adjust     (const double    *y,
                                  guint            n,
                                  guint            period,
                                  gboolean         shrink,
                                  DaftariSeasonal *out_seasonal,
                                  double          *out_adjusted);
/* Puts the season back into a forecast of the adjusted series that starts
 * at time n. */
void daftari_seasonal_restore    (const DaftariSeasonal *seasonal,
                                  guint                  n,
                                  DaftariForecast       *forecast);
void daftari_seasonal_clear      (DaftariSeasonal       *seasonal);

gboolean daftari_forecast_all_positive (const double *y,
                                        guint         n);

G_END_DECLS
