/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-forecast.h"

G_BEGIN_DECLS

/* Scoring the methods on held-out data in the M competitions' format
 * (series,category,start_year,start_month,horizon,train,test; the values
 * space-separated), so that a claim about accuracy can be checked. */

typedef struct {
  char   *id;
  char   *category;
  guint   horizon;
  double *train;
  guint   n_train;
  double *test;
  guint   n_test;
} DaftariForecastSeries;

void       daftari_forecast_series_free (DaftariForecastSeries *series);
/* Every series of the file, in order; a GPtrArray of DaftariForecastSeries. */
GPtrArray *daftari_forecast_series_load (const char  *path,
                                         GError     **error);

/* The symmetric MAPE of the M3 competition, in percent:
 * 200/h sum |y - f| / (|y| + |f|), a step where both are zero counting 0. */
double daftari_forecast_smape (const double *actual,
                               const double *forecast,
                               guint         h);
/* Mean absolute error scaled by the in-sample one-period-back naive
 * method's (Hyndman & Koehler 2006); NAN when that is zero. */
double daftari_forecast_mase  (const double *train,
                               guint         n_train,
                               guint         period,
                               const double *actual,
                               const double *forecast,
                               guint         h);

typedef struct {
  char   *category;     /* NULL for all series together */
  guint   n_series;
  double  smape;        /* mean over the series */
  double  mase;         /* mean over the series where it is defined */
  double  coverage80;   /* share of actual values inside the 80% interval */
  double  coverage95;
  /* running sums while scoring */
  double  smape_sum, mase_sum;
  guint   n_mase, n_points, inside80, inside95;
} DaftariForecastScore;

typedef struct {
  DaftariForecastMethod method;
  DaftariForecastScore  total;
  GPtrArray            *categories;  /* of DaftariForecastScore, in first-seen order */
  double                seconds;     /* spent forecasting, wall clock, reading excluded */
  double                cpu_seconds; /* the same in processor time, which other programs do not inflate */
} DaftariForecastEval;

void                 daftari_forecast_eval_free (DaftariForecastEval *eval);
/* Forecasts each series' test period from its training data with the
 * method and scores the forecasts. */
DaftariForecastEval *daftari_forecast_evaluate  (GPtrArray             *series,
                                                 guint                  period,
                                                 DaftariForecastMethod  method,
                                                 GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariForecastSeries, daftari_forecast_series_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariForecastEval, daftari_forecast_eval_free)

G_END_DECLS
