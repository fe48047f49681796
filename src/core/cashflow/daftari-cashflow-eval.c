/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The forecast replayed on the book's own history: standing on each past
 * month start, forecast from what was known then, and compare with what
 * happened; beside two naive forecasts, so the figures mean something. */
#include "daftari-cashflow-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "daftari-error.h"
#include "daftari-recurrence.h"

/* The least history a replayed forecast stands on: half a year. */
#define MIN_HISTORY_MONTHS 6

typedef struct {
  double abs_error, pct_error;
  guint  n, n_pct;
} ErrorSum;

static void
error_add (ErrorSum *sum, gint64 forecast, gint64 actual)
{
  double error = fabs ((double) forecast - (double) actual);

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

/* The balance at the end of every day of the history. */
static gint64 *
closing_balances (const CfHistory *history)
{
  gint64 *closing = g_new (gint64, history->n_days);
  gint64 balance = history->opening;

  for (guint i = 0; i < history->n_days; i++)
    {
      balance += history->base[i] + history->scheduled[i] + history->invoiced[i] + history->openings[i];
      closing[i] = balance;
    }
  return closing;
}

typedef struct {
  ErrorSum forecast, flat, repeat;
  guint    inside80, inside95, n_days;
} Tally;

/* One origin: the forecast from month's first day, scored on every day
 * (bands) and every month end (errors). */
static gboolean
replay_month (const CfHistory *history, const gint64 *closing, DaftariMonth month, guint n_months, Tally *tally,
              GError **error)
{
  DaftariDay from = cf_month_first (month);
  DaftariDay to = cf_month_last (daftari_month_add (month, (int) n_months - 1));
  int start = cf_history_index (history, from);
  gint64 opening = start > 0 ? closing[start - 1] : history->opening;
  int last_month_start = cf_history_index (history, cf_month_first (daftari_month_add (month, -1)));
  gint64 last_net = opening - (last_month_start > 0 ? closing[last_month_start - 1] : history->opening);
  g_autoptr(CfPlan) plan = cf_plan_new (from, to);
  g_autoptr(GArray) occurrences = cf_history_occurrences (history, from, to);
  g_autoptr(DaftariCashflow) cashflow = NULL;

  cf_plan_add_occurrences (plan, history, occurrences);
  cf_plan_add_invoices (plan, history);
  if (!cf_plan_add_baseline (plan, history, error))
    return FALSE;
  cashflow = cf_plan_path (plan, history, opening);
  for (guint i = 0; i < cashflow->days->len; i++)
    {
      const DaftariCashflowDay *day = &g_array_index (cashflow->days, DaftariCashflowDay, i);
      gint64 actual = closing[start + (int) i];

      tally->n_days++;
      tally->inside80 += day->lo80 <= actual && actual <= day->hi80;
      tally->inside95 += day->lo95 <= actual && actual <= day->hi95;
    }
  for (guint k = 1; k <= n_months; k++)
    {
      DaftariDay end = cf_month_last (daftari_month_add (month, (int) k - 1));
      int i = daftari_day_diff (from, end);
      gint64 actual = closing[start + i];

      error_add (&tally->forecast, g_array_index (cashflow->days, DaftariCashflowDay, i).mean, actual);
      error_add (&tally->flat, opening, actual);
      error_add (&tally->repeat, opening + (gint64) k * last_net, actual);
    }
  return TRUE;
}

DaftariCashflowEval *
daftari_cashflow_eval (DaftariBook *book, gint64 wallet_id, guint n_months, GError **error)
{
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(CfHistory) history = NULL;
  g_autofree gint64 *closing = NULL;
  g_autofree DaftariCashflowEval *eval = g_new0 (DaftariCashflowEval, 1);
  DaftariMonth first;
  Tally tally = { 0 };

  if (!cf_check_months (n_months, error))
    return NULL;
  history = cf_history_load (book, wallet_id, 0, 0, error);
  if (history == NULL)
    return NULL;
  closing = closing_balances (history);
  first = cf_first_full_month (history);
  eval->n_months = n_months;
  for (DaftariMonth month = first != 0 ? daftari_month_add (first, MIN_HISTORY_MONTHS) : 0;
       month != 0 && cf_month_last (daftari_month_add (month, (int) n_months - 1)) <= history->last_activity;
       month = daftari_month_add (month, 1))
    {
      if (!replay_month (history, closing, month, n_months, &tally, error))
        return NULL;
      eval->n_origins++;
    }
  if (eval->n_origins == 0)
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                   _("The book’s history is too short to replay: it needs %d complete months before a forecast "
                     "and %u months after it; add more history or ask for fewer months"),
                   MIN_HISTORY_MONTHS, n_months);
      return NULL;
    }
  eval->n_points = tally.forecast.n;
  eval->n_days = tally.n_days;
  error_finish (&tally.forecast, &eval->mae, &eval->mape);
  error_finish (&tally.flat, &eval->flat_mae, &eval->flat_mape);
  error_finish (&tally.repeat, &eval->repeat_mae, &eval->repeat_mape);
  eval->coverage80 = (double) tally.inside80 / tally.n_days;
  eval->coverage95 = (double) tally.inside95 / tally.n_days;
  eval->seconds = g_timer_elapsed (timer, NULL);
  return g_steal_pointer (&eval);
}
