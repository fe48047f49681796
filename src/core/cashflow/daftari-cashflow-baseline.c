/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The baseline: everything that is neither scheduled nor an invoice's
 * payment, forecast by the engine month by month and spread evenly over
 * each month's days. */
#include "daftari-cashflow-private.h"

#include <math.h>

#include "daftari-forecast.h"
#include "daftari-recurrence.h"

#define MONTHS_PER_YEAR 12
/* A first month whose books start after this day is partial: left out,
 * or its low total would read as a bad month. */
#define LAST_FULL_START_DAY 3

DaftariMonth
cf_first_full_month (const CfHistory *history)
{
  DaftariDay start = MAX (history->first_activity, history->first_day);

  if (history->first_activity == 0)
    return 0;
  return start % 100 <= LAST_FULL_START_DAY ? start / 100 : daftari_month_add (start / 100, 1);
}

int
cf_months_between (DaftariMonth a, DaftariMonth b)
{
  return (b / 100 - a / 100) * 12 + (b % 100 - a % 100);
}

/* Month by month, the baseline's daily rate: the month's net flow over its
 * number of days, so February's shortness does not read as a bad month. */
static double *
daily_rates (const CfHistory *history, const gint64 *flows, DaftariMonth first, guint n_months)
{
  double *rates = g_new0 (double, n_months);

  for (guint m = 0; m < n_months; m++)
    {
      DaftariMonth month = daftari_month_add (first, (int) m);
      int start = cf_history_index (history, cf_month_first (month));
      int days = daftari_month_days (month);
      gint64 sum = 0;

      for (int i = MAX (start, 0); i < start + days && i < (int) history->n_days; i++)
        sum += flows[i];
      rates[m] = (double) sum / days;
    }
  return rates;
}

/* One day's share of a month's squared interval half-width, from the
 * half-width of the daily rate (never negative: the engine cuts intervals
 * of series that never went below zero at zero). */
static double
side_variance (double rate_half_width, double days)
{
  double w = MAX (rate_half_width, 0.0);
  return w * w * days;
}

/* Adds one forecast series' daily rates (scaled by share_of[h], the part of
 * month h it stands for) and variances to a baseline. */
static void
add_series (const CfPlan *plan, CfBaseline *base, const DaftariForecast *forecast, const double *share_of)
{
  DaftariMonth from_month = plan->from_day / 100;

  for (guint i = 0; i < plan->n_days; i++)
    {
      DaftariDay day = daftari_day_add (plan->from_day, (int) i);
      guint h = (guint) cf_months_between (from_month, day / 100);
      double days = daftari_month_days (day / 100);
      double share = share_of ? share_of[h] : 1.0;
      double mean = forecast->mean[h];

      if (share <= 0)
        continue;
      /* The month's interval half-width is the rate's times its days; each
       * day carries its share of the month's variance, so a month's
       * variances add up day by day and independent months add. */
      base->mean[i] += share * mean;
      base->var_lo80[i] += side_variance (share * (mean - forecast->lo80[h]), days);
      base->var_hi80[i] += side_variance (share * (forecast->hi80[h] - mean), days);
      base->var_lo95[i] += side_variance (share * (mean - forecast->lo95[h]), days);
      base->var_hi95[i] += side_variance (share * (forecast->hi95[h] - mean), days);
    }
}

/* One end of a level's interval as a rate's: the month's share of the
 * level's variance (what it adds to the month before's), over its days. */
static double
rate_half_width (double half_width, double before, double days)
{
  return sqrt (MAX (half_width * half_width - before * before, 0.0)) / days;
}

/* The engine on the running total of the baseline at each month's end
 * (the level the business keeps its money at, with its trend), turned into
 * month-by-month daily rates: what the level is expected to move by each
 * month, from where it last stood. A business that spends what comes in
 * keeps its level; one that grows shows a trend in it. */
static DaftariForecast *
level_forecast (const CfPlan *plan, const double *rates, DaftariMonth first, guint n_months, guint horizon,
                GError **error)
{
  g_autofree double *levels = g_new (double, n_months);
  g_autoptr(DaftariForecast) forecast = NULL;
  DaftariMonth from_month = plan->from_day / 100;
  double level = 0, last, hw[4] = { 0 };

  for (guint m = 0; m < n_months; m++)
    {
      level += rates[m] * daftari_month_days (daftari_month_add (first, (int) m));
      levels[m] = level;
    }
  forecast = daftari_forecast_compute (levels, n_months, MONTHS_PER_YEAR, horizon, DAFTARI_FORECAST_ETS, error);
  if (forecast == NULL)
    return NULL;
  last = levels[n_months - 1];
  for (guint h = 0; h < horizon; h++)
    {
      double days = daftari_month_days (daftari_month_add (from_month, (int) h));
      double mean = forecast->mean[h];
      double lo80 = mean - forecast->lo80[h], hi80 = forecast->hi80[h] - mean;
      double lo95 = mean - forecast->lo95[h], hi95 = forecast->hi95[h] - mean;
      double rate = (mean - last) / days;

      forecast->lo80[h] = rate - rate_half_width (lo80, hw[0], days);
      forecast->hi80[h] = rate + rate_half_width (hi80, hw[1], days);
      forecast->lo95[h] = rate - rate_half_width (lo95, hw[2], days);
      forecast->hi95[h] = rate + rate_half_width (hi95, hw[3], days);
      forecast->mean[h] = rate;
      hw[0] = MAX (hw[0], lo80);
      hw[1] = MAX (hw[1], hi80);
      hw[2] = MAX (hw[2], lo95);
      hw[3] = MAX (hw[3], hi95);
      last = mean;
    }
  return g_steal_pointer (&forecast);
}

/* Invoices not issued yet will be paid too. The customers' payments are
 * forecast as a series of their own; in each month, what the open invoices
 * already bring is taken off (never below zero), and the rest is the
 * share of that month's payments expected from invoices still to come. */
static double *
new_invoice_shares (const CfPlan *plan, const DaftariForecast *payments, guint horizon)
{
  double *share = g_new0 (double, horizon);
  DaftariMonth from_month = plan->from_day / 100;

  for (guint h = 0; h < horizon; h++)
    {
      DaftariMonth month = daftari_month_add (from_month, (int) h);
      int start = MAX (daftari_day_diff (plan->from_day, cf_month_first (month)), 0);
      int end = MIN (daftari_day_diff (plan->from_day, cf_month_last (month)), (int) plan->n_days - 1);
      double expected = payments->mean[h] * (end - start + 1);
      double open = 0;

      for (int i = start; i <= end; i++)
        open += (double) plan->invoiced[i];
      share[h] = expected > 0 ? MAX (expected - open, 0.0) / expected : 0;
    }
  return share;
}

/* Receipts from invoices still to come, the same in every method. */
static gboolean
add_new_invoices (CfPlan *plan, const CfHistory *history, DaftariMonth first, guint n_months, guint horizon,
                  GError **error)
{
  g_autofree double *paid = daily_rates (history, history->invoiced, first, n_months);
  g_autofree double *shares = NULL;
  g_autoptr(DaftariForecast) payments = NULL;
  gboolean any_paid = FALSE;

  for (guint m = 0; m < n_months; m++)
    any_paid |= paid[m] != 0;
  if (!any_paid)
    return TRUE;
  payments = daftari_forecast_compute (paid, n_months, MONTHS_PER_YEAR, horizon, DAFTARI_FORECAST_COMBINED, error);
  if (payments == NULL)
    return FALSE;
  shares = new_invoice_shares (plan, payments, horizon);
  for (guint m = 0; m < CF_N_METHODS; m++)
    add_series (plan, &plan->base[m], payments, shares);
  return TRUE;
}

/* The mean of the flows' and the level's forecasts: before the book's
 * past can tell which of the two fits it, a hedge between them (their
 * intervals averaged end by end, as the engine's combinations do). */
static void
add_mean (CfPlan *plan)
{
  const CfBaseline *a = &plan->base[DAFTARI_CASHFLOW_METHOD_FLOWS];
  const CfBaseline *b = &plan->base[DAFTARI_CASHFLOW_METHOD_LEVEL];
  CfBaseline *mean = &plan->base[DAFTARI_CASHFLOW_METHOD_MEAN];
  CfBaseline *flat = &plan->base[DAFTARI_CASHFLOW_METHOD_FLAT];

  for (guint i = 0; i < plan->n_days; i++)
    {
      mean->mean[i] = (a->mean[i] + b->mean[i]) / 2;
      mean->var_lo80[i] = pow ((sqrt (a->var_lo80[i]) + sqrt (b->var_lo80[i])) / 2, 2);
      mean->var_hi80[i] = pow ((sqrt (a->var_hi80[i]) + sqrt (b->var_hi80[i])) / 2, 2);
      mean->var_lo95[i] = pow ((sqrt (a->var_lo95[i]) + sqrt (b->var_lo95[i])) / 2, 2);
      mean->var_hi95[i] = pow ((sqrt (a->var_hi95[i]) + sqrt (b->var_hi95[i])) / 2, 2);
    }
  g_free (mean->model);
  mean->model = g_strdup_printf ("Mean(%s, %s)", a->model, b->model);
  /* The flat forecast has no model of its own spread: it borrows the
   * hedge's (bands that stay a line would claim certainty). */
  for (guint i = 0; i < plan->n_days; i++)
    {
      flat->var_lo80[i] = mean->var_lo80[i];
      flat->var_hi80[i] = mean->var_hi80[i];
      flat->var_lo95[i] = mean->var_lo95[i];
      flat->var_hi95[i] = mean->var_hi95[i];
    }
}

gboolean
cf_plan_add_baseline (CfPlan *plan, const CfHistory *history, GError **error)
{
  DaftariMonth from_month = plan->from_day / 100;
  DaftariMonth first = cf_first_full_month (history);
  int n_months;
  guint horizon = (guint) cf_months_between (from_month, plan->to_day / 100) + 1;
  g_autofree double *rates = NULL;
  g_autoptr(DaftariForecast) flows = NULL;
  g_autoptr(DaftariForecast) level = NULL;

  if (first != 0 && cf_months_between (first, from_month) > CF_HISTORY_MONTHS)
    first = daftari_month_add (from_month, -CF_HISTORY_MONTHS);
  n_months = first != 0 ? cf_months_between (first, from_month) : 0;
  if (n_months <= 0)
    /* Nothing complete to learn from: no baseline, and no band around it. */
    return TRUE;
  rates = daily_rates (history, history->base, first, (guint) n_months);
  flows = daftari_forecast_compute (rates, (guint) n_months, MONTHS_PER_YEAR, horizon, DAFTARI_FORECAST_COMBINED,
                                    error);
  if (flows == NULL)
    return FALSE;
  level = level_forecast (plan, rates, first, (guint) n_months, horizon, error);
  if (level == NULL)
    return FALSE;
  plan->history_months = (guint) n_months;
  add_series (plan, &plan->base[DAFTARI_CASHFLOW_METHOD_FLOWS], flows, NULL);
  add_series (plan, &plan->base[DAFTARI_CASHFLOW_METHOD_LEVEL], level, NULL);
  g_free (plan->base[DAFTARI_CASHFLOW_METHOD_FLOWS].model);
  plan->base[DAFTARI_CASHFLOW_METHOD_FLOWS].model = g_strdup (flows->model ? flows->model : "");
  g_free (plan->base[DAFTARI_CASHFLOW_METHOD_LEVEL].model);
  plan->base[DAFTARI_CASHFLOW_METHOD_LEVEL].model = g_strdup (level->model ? level->model : "");
  add_mean (plan);
  return add_new_invoices (plan, history, first, (guint) n_months, horizon, error);
}
