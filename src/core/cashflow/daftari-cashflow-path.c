/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The daily balance path: the opening balance plus each day's known flows
 * and baseline, with the baseline's uncertainty accumulated into bands. */
#include "daftari-cashflow-private.h"

#include <math.h>

#include "daftari-recurrence.h"

DaftariDay
cf_month_first (DaftariMonth month)
{
  return month * 100 + 1;
}

DaftariDay
cf_month_last (DaftariMonth month)
{
  return month * 100 + daftari_month_days (month);
}

DaftariDay
cf_day_add_months (DaftariDay day, int months)
{
  DaftariMonth month = daftari_month_add (day / 100, months);
  return month * 100 + MIN (day % 100, daftari_month_days (month));
}

const char *
daftari_cashflow_method_to_string (DaftariCashflowMethod method)
{
  static const char *const names[] = { "flows", "level", "mean", "flat" };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == DAFTARI_CASHFLOW_N_METHODS);
  return method < DAFTARI_CASHFLOW_N_METHODS ? names[method] : "";
}

CfPlan *
cf_plan_new (DaftariDay from_day, DaftariDay to_day)
{
  CfPlan *plan = g_new0 (CfPlan, 1);

  plan->from_day = from_day;
  plan->to_day = to_day;
  plan->n_days = (guint) daftari_day_diff (from_day, to_day) + 1;
  plan->scheduled = g_new0 (gint64, plan->n_days);
  plan->invoiced = g_new0 (gint64, plan->n_days);
  for (guint m = 0; m < CF_N_METHODS; m++)
    {
      CfBaseline *base = &plan->base[m];

      base->mean = g_new0 (double, plan->n_days);
      base->var_lo80 = g_new0 (double, plan->n_days);
      base->var_hi80 = g_new0 (double, plan->n_days);
      base->var_lo95 = g_new0 (double, plan->n_days);
      base->var_hi95 = g_new0 (double, plan->n_days);
      base->model = g_strdup ("");
    }
  plan->items = g_array_new (FALSE, FALSE, sizeof (DaftariCashflowItem));
  return plan;
}

void
cf_plan_free (CfPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->scheduled);
  g_free (plan->invoiced);
  for (guint m = 0; m < CF_N_METHODS; m++)
    {
      CfBaseline *base = &plan->base[m];

      g_free (base->mean);
      g_free (base->var_lo80);
      g_free (base->var_hi80);
      g_free (base->var_lo95);
      g_free (base->var_hi95);
      g_free (base->model);
    }
  g_array_unref (plan->items);
  g_free (plan);
}

void
daftari_cashflow_free (DaftariCashflow *cashflow)
{
  if (cashflow == NULL)
    return;
  g_array_unref (cashflow->days);
  g_array_unref (cashflow->items);
  g_free (cashflow->baseline_model);
  g_free (cashflow);
}

void
daftari_cashflow_set_outlook (DaftariCashflow *cashflow, gint64 floor)
{
  cashflow->floor = floor;
  cashflow->likely_below = 0;
  cashflow->possible_below = 0;
  for (guint i = 0; i < cashflow->days->len; i++)
    {
      const DaftariCashflowDay *day = &g_array_index (cashflow->days, DaftariCashflowDay, i);

      if (cashflow->likely_below == 0 && day->mean < floor)
        cashflow->likely_below = day->day;
      if (cashflow->possible_below == 0 && day->lo80 < floor)
        cashflow->possible_below = day->day;
    }
}

static int
item_by_day (gconstpointer a, gconstpointer b)
{
  const DaftariCashflowItem *x = a, *y = b;
  if (x->day != y->day)
    return x->day > y->day ? 1 : -1;
  if (x->kind != y->kind)
    return x->kind > y->kind ? 1 : -1;
  return (x->ref_id > y->ref_id) - (x->ref_id < y->ref_id);
}

/* The mean path is the opening plus the day's parts, exactly (the baseline
 * rounded to whole minor units per day); each band end moves out by the
 * square root of the variance accumulated so far on its side. */
DaftariCashflow *
cf_plan_path (const CfPlan *plan, const CfHistory *history, gint64 opening, CfMethod method)
{
  DaftariCashflow *cashflow = g_new0 (DaftariCashflow, 1);
  const CfBaseline *base = &plan->base[method];
  gint64 mean = opening;
  double lo80 = 0, hi80 = 0, lo95 = 0, hi95 = 0;

  cashflow->wallet_id = history->wallet_id;
  cashflow->commodity = history->commodity;
  cashflow->from_day = plan->from_day;
  cashflow->to_day = plan->to_day;
  cashflow->opening = opening;
  cashflow->history_months = plan->history_months;
  cashflow->baseline_model = g_strdup (base->model);
  cashflow->method = method;
  cashflow->days = g_array_sized_new (FALSE, FALSE, sizeof (DaftariCashflowDay), plan->n_days);
  cashflow->items = g_array_copy (plan->items);
  g_array_sort (cashflow->items, item_by_day);
  for (guint i = 0; i < plan->n_days; i++)
    {
      DaftariCashflowDay day = { .day = daftari_day_add (plan->from_day, (int) i) };

      day.scheduled = plan->scheduled[i];
      day.invoices = plan->invoiced[i];
      day.baseline = llround (base->mean[i]);
      mean += day.scheduled + day.invoices + day.baseline;
      lo80 += base->var_lo80[i];
      hi80 += base->var_hi80[i];
      /* A 95% interval is never narrower than the 80% one. */
      lo95 += MAX (base->var_lo95[i], base->var_lo80[i]);
      hi95 += MAX (base->var_hi95[i], base->var_hi80[i]);
      day.mean = mean;
      day.lo80 = mean - llround (sqrt (lo80));
      day.hi80 = mean + llround (sqrt (hi80));
      day.lo95 = mean - llround (sqrt (lo95));
      day.hi95 = mean + llround (sqrt (hi95));
      cashflow->scheduled_total += day.scheduled;
      cashflow->invoices_total += day.invoices;
      cashflow->baseline_total += day.baseline;
      g_array_append_val (cashflow->days, day);
    }
  return cashflow;
}
