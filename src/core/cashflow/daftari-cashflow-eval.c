/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The forecast replayed on the book's own history: standing on each past
 * month start, forecast from what was known then, and compare with what
 * happened; beside two naive forecasts, so the figures mean something. */
#include "daftari-cashflow-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "daftari-error.h"
#include "daftari-recurrence.h"

typedef struct {
  double abs_error, pct_error;
  guint  n, n_pct;
} ErrorSum;

static void
error_add (ErrorSum *sum, double forecast, gint64 actual)
{
  double error = fabs (forecast - (double) actual);

  sum->abs_error += error;
  sum->n++;
  if (actual != 0)
    {
      sum->pct_error += 100 * error / fabs ((double) actual);
      sum->n_pct++;
    }
}

static void
error_finish (const ErrorSum *sum, double *out_mae, double *out_mape)
{
  *out_mae = sum->n > 0 ? sum->abs_error / sum->n : NAN;
  *out_mape = sum->n_pct > 0 ? sum->pct_error / sum->n_pct : NAN;
}

typedef struct {
  ErrorSum forecast, flat, drift, repeat;
  guint    inside80, inside95, model80, model95, n_days;
} Tally;

typedef struct {
  Tally    all, by_month[DAFTARI_CASHFLOW_MAX_MONTHS];
  ErrorSum methods[CF_N_METHODS];
} Tallies;

static void
tally_finish (const Tally *tally, DaftariCashflowScore *score)
{
  score->n_points = tally->forecast.n;
  score->n_days = tally->n_days;
  error_finish (&tally->forecast, &score->mae, &score->mape);
  error_finish (&tally->flat, &score->flat_mae, &score->flat_mape);
  error_finish (&tally->drift, &score->drift_mae, &score->drift_mape);
  error_finish (&tally->repeat, &score->repeat_mae, &score->repeat_mape);
  score->coverage80 = tally->n_days > 0 ? (double) tally->inside80 / tally->n_days : NAN;
  score->coverage95 = tally->n_days > 0 ? (double) tally->inside95 / tally->n_days : NAN;
}

static void
count_day (Tally *tally, const DaftariCashflowDay *model, const DaftariCashflowDay *day, gint64 actual)
{
  tally->n_days++;
  tally->inside80 += day->lo80 <= actual && actual <= day->hi80;
  tally->inside95 += day->lo95 <= actual && actual <= day->hi95;
  tally->model80 += model->lo80 <= actual && actual <= model->hi80;
  tally->model95 += model->lo95 <= actual && actual <= model->hi95;
}

static void
count_month_end (Tally *tally, const CfPast *past, double mean, guint k, gint64 actual)
{
  gint64 opening = past->paths[0]->opening;

  error_add (&tally->forecast, mean, actual);
  error_add (&tally->flat, (double) opening, actual);
  error_add (&tally->drift, (double) opening + k * past->mean_net, actual);
  error_add (&tally->repeat, (double) opening + (double) k * (double) past->last_net, actual);
}

/* One origin, pasts[index]: its method and bands from the past forecasts
 * before it (their outcomes known by then), scored on every day (bands)
 * and every month end (errors). */
static void
score_origin (CfPast *const *pasts, guint index, guint n_months, Tallies *tallies, guint *out_calibrated,
              guint *chosen)
{
  const CfPast *past = pasts[index];
  guint first = index > CF_CALIBRATION_ORIGINS ? index - CF_CALIBRATION_ORIGINS : 0;
  DaftariMonth month = past->from_day / 100;
  guint n_days = (guint) daftari_day_diff (past->from_day, cf_month_last (daftari_month_add (month, (int) n_months - 1))) + 1;
  g_autoptr(CfCalibration) calibration = cf_calibrate (pasts + first, index - first, past->from_day, n_days);
  const DaftariCashflow *model = past->paths[calibration->method];
  g_autoptr(GArray) days = g_array_copy (model->days);
  DaftariCashflow calibrated = *model;

  calibrated.days = days;
  cf_calibration_apply (calibration, &calibrated);
  *out_calibrated += calibration->n_origins > 0;
  chosen[calibration->method]++;
  for (guint i = 0; i < n_days; i++)
    {
      const DaftariCashflowDay *day = &g_array_index (days, DaftariCashflowDay, i);
      guint k = (guint) cf_months_between (month, day->day / 100);

      count_day (&tallies->all, &g_array_index (model->days, DaftariCashflowDay, i), day, past->actual[i]);
      count_day (&tallies->by_month[k], &g_array_index (model->days, DaftariCashflowDay, i), day, past->actual[i]);
    }
  for (guint k = 1; k <= n_months; k++)
    {
      int i = daftari_day_diff (past->from_day, cf_month_last (daftari_month_add (month, (int) k - 1)));
      gint64 actual = past->actual[i];
      double mean = (double) g_array_index (days, DaftariCashflowDay, i).mean;

      count_month_end (&tallies->all, past, mean, k, actual);
      count_month_end (&tallies->by_month[k - 1], past, mean, k, actual);
      for (guint m = 0; m < CF_N_METHODS; m++)
        error_add (&tallies->methods[m],
                   (double) g_array_index (past->paths[m]->days, DaftariCashflowDay, i).mean, actual);
    }
}

static void
eval_finish (DaftariCashflowEval *eval, const Tallies *tallies)
{
  DaftariCashflowScore all = { 0 };

  tally_finish (&tallies->all, &all);
  eval->n_points = all.n_points;
  eval->n_days = all.n_days;
  eval->mae = all.mae;
  eval->mape = all.mape;
  eval->coverage80 = all.coverage80;
  eval->coverage95 = all.coverage95;
  eval->flat_mae = all.flat_mae;
  eval->flat_mape = all.flat_mape;
  eval->drift_mae = all.drift_mae;
  eval->drift_mape = all.drift_mape;
  eval->repeat_mae = all.repeat_mae;
  eval->repeat_mape = all.repeat_mape;
  eval->model_coverage80 = (double) tallies->all.model80 / tallies->all.n_days;
  eval->model_coverage95 = (double) tallies->all.model95 / tallies->all.n_days;
  for (guint k = 0; k < eval->n_months; k++)
    tally_finish (&tallies->by_month[k], &eval->by_month[k]);
  for (guint m = 0; m < CF_N_METHODS; m++)
    error_finish (&tallies->methods[m], &eval->method_mae[m], &eval->method_mape[m]);
}

static gboolean
too_short (guint n_months, GError **error)
{
  g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
               _("The book’s history is too short to replay: it needs %d complete months before a forecast "
                 "and %u months after it; add more history or ask for fewer months"),
               CF_MIN_HISTORY_MONTHS, n_months);
  return FALSE;
}

/* Every month start with CF_MIN_HISTORY_MONTHS complete months before it
 * is forecast once (by every method, over the longest horizon); each one
 * with n_months of outcomes after it is then scored as it would have been
 * shown, its method and bands learned from the ones before it. */
DaftariCashflowEval *
daftari_cashflow_eval (DaftariBook *book, gint64 wallet_id, guint n_months, GError **error)
{
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(CfHistory) history = NULL;
  g_autoptr(GPtrArray) pasts = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_past_free);
  g_autofree gint64 *closing = NULL;
  g_autofree DaftariCashflowEval *eval = g_new0 (DaftariCashflowEval, 1);
  g_autofree Tallies *tallies = g_new0 (Tallies, 1);
  DaftariMonth first;
  guint n_days = 31 * n_months;

  if (!cf_check_months (n_months, error))
    return NULL;
  history = cf_history_load (book, wallet_id, 0, 0, error);
  if (history == NULL)
    return NULL;
  closing = cf_history_closing (history);
  first = cf_first_full_month (history);
  eval->n_months = n_months;
  for (DaftariMonth month = first != 0 ? daftari_month_add (first, CF_MIN_HISTORY_MONTHS) : 0;
       month != 0 && cf_month_last (daftari_month_add (month, (int) n_months - 1)) <= history->last_activity;
       month = daftari_month_add (month, 1))
    {
      CfPast *past = cf_past_new (history, closing, month, n_days, error);
      if (past == NULL)
        return NULL;
      g_ptr_array_add (pasts, past);
    }
  if (pasts->len == 0)
    {
      too_short (n_months, error);
      return NULL;
    }
  for (guint i = 0; i < pasts->len; i++)
    score_origin ((CfPast *const *) pasts->pdata, i, n_months, tallies, &eval->n_calibrated, eval->method_chosen);
  eval->n_origins = pasts->len;
  eval_finish (eval, tallies);
  eval->seconds = g_timer_elapsed (timer, NULL);
  return g_steal_pointer (&eval);
}
