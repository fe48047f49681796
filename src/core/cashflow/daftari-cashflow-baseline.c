/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The baseline: everything that is neither scheduled nor an invoice's
 * payment, forecast by the engine month by month and spread evenly over
 * each month's days. */
#include "daftari-cashflow-private.h"

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
 * month h it stands for) and variances to the plan's baseline. */
static void
add_series (CfPlan *plan, const DaftariForecast *forecast, const double *share_of)
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
      plan->base_mean[i] += share * mean;
      plan->var_lo80[i] += side_variance (share * (mean - forecast->lo80[h]), days);
      plan->var_hi80[i] += side_variance (share * (forecast->hi80[h] - mean), days);
      plan->var_lo95[i] += side_variance (share * (mean - forecast->lo95[h]), days);
      plan->var_hi95[i] += side_variance (share * (forecast->hi95[h] - mean), days);
    }
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

gboolean
cf_plan_add_baseline (CfPlan *plan, const CfHistory *history, GError **error)
{
  DaftariMonth first = cf_first_full_month (history);
  DaftariMonth from_month = plan->from_day / 100;
  int n_months = first != 0 ? cf_months_between (first, from_month) : 0;
  guint horizon = (guint) cf_months_between (from_month, plan->to_day / 100) + 1;
  g_autofree double *rates = NULL;
  g_autofree double *paid = NULL;
  g_autofree double *shares = NULL;
  g_autoptr(DaftariForecast) forecast = NULL;
  g_autoptr(DaftariForecast) payments = NULL;
  gboolean any_paid = FALSE;

  if (n_months <= 0)
    {
      /* Nothing complete to learn from: no baseline, and no band around it. */
      plan->model = g_strdup ("");
      return TRUE;
    }
  rates = daily_rates (history, history->base, first, (guint) n_months);
  forecast = daftari_forecast_compute (rates, (guint) n_months, MONTHS_PER_YEAR, horizon, DAFTARI_FORECAST_COMBINED,
                                       error);
  if (forecast == NULL)
    return FALSE;
  plan->history_months = (guint) n_months;
  plan->model = g_strdup (forecast->model ? forecast->model : "");
  add_series (plan, forecast, NULL);
  paid = daily_rates (history, history->invoiced, first, (guint) n_months);
  for (int m = 0; m < n_months; m++)
    any_paid |= paid[m] != 0;
  if (!any_paid)
    return TRUE;
  payments = daftari_forecast_compute (paid, (guint) n_months, MONTHS_PER_YEAR, horizon, DAFTARI_FORECAST_COMBINED,
                                       error);
  if (payments == NULL)
    return FALSE;
  shares = new_invoice_shares (plan, payments, horizon);
  add_series (plan, payments, shares);
  return TRUE;
}
