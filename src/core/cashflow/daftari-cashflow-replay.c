/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Forecasts made in the past: standing on a past month's first day, the
 * forecast by every method from what was known then, beside what happened.
 * The live forecast learns its method and its bands from them; the replay
 * (cashflow-eval) scores them. */
#include "daftari-cashflow-private.h"

#include "daftari-recurrence.h"

gint64 *
cf_history_closing (const CfHistory *history)
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

void
cf_past_free (CfPast *past)
{
  if (past == NULL)
    return;
  for (guint m = 0; m < CF_N_METHODS; m++)
    g_clear_pointer (&past->paths[m], daftari_cashflow_free);
  g_free (past->actual);
  g_free (past);
}

/* The balance at the start of history day index (the opening before the first). */
static gint64
closing_before (const CfHistory *history, const gint64 *closing, int index)
{
  index = MIN (index, (int) history->n_days);
  return index > 0 ? closing[index - 1] : history->opening;
}

/* The average monthly net flow (opening balances left out) over the months
 * the baseline learns from: the "average month repeats" naive forecast. */
static double
mean_net (const CfHistory *history, DaftariMonth month)
{
  DaftariMonth first = cf_first_full_month (history);
  int n_months, start, end;
  gint64 sum = 0;

  if (first == 0 || cf_months_between (first, month) <= 0)
    return 0;
  n_months = MIN (cf_months_between (first, month), CF_HISTORY_MONTHS);
  start = MAX (cf_history_index (history, cf_month_first (daftari_month_add (month, -n_months))), 0);
  end = MIN (cf_history_index (history, cf_month_first (month)), (int) history->n_days);
  for (int i = start; i < end; i++)
    sum += history->base[i] + history->scheduled[i] + history->invoiced[i];
  return (double) sum / n_months;
}

CfPast *
cf_past_new (const CfHistory *history, const gint64 *closing, DaftariMonth month, guint n_days, GError **error)
{
  g_autoptr(CfPast) past = g_new0 (CfPast, 1);
  DaftariDay from = cf_month_first (month);
  DaftariDay to = daftari_day_add (from, (int) n_days - 1);
  int start = cf_history_index (history, from);
  gint64 opening = closing_before (history, closing, start);
  g_autoptr(CfPlan) plan = cf_plan_new (from, to);
  g_autoptr(GArray) occurrences = cf_history_occurrences (history, from, to);

  cf_plan_add_occurrences (plan, history, occurrences);
  cf_plan_add_invoices (plan, history);
  if (!cf_plan_add_baseline (plan, history, error))
    return NULL;
  past->from_day = from;
  for (guint m = 0; m < CF_N_METHODS; m++)
    past->paths[m] = cf_plan_path (plan, history, opening, m);
  past->actual = g_new0 (gint64, n_days);
  for (guint i = 0; i < n_days && start + (int) i < (int) history->n_days; i++)
    past->actual[past->n_actual++] = closing[start + (int) i];
  past->last_net = opening - closing_before (history, closing,
                                             cf_history_index (history, cf_month_first (daftari_month_add (month, -1))));
  past->mean_net = mean_net (history, month);
  return g_steal_pointer (&past);
}

gboolean
cf_past_months (const CfHistory *history, DaftariDay before_day, DaftariMonth *out_first, DaftariMonth *out_last)
{
  DaftariMonth first = cf_first_full_month (history);
  DaftariMonth last = daftari_day_add (before_day, -1) / 100;

  if (first == 0)
    return FALSE;
  first = daftari_month_add (first, CF_MIN_HISTORY_MONTHS);
  if (cf_months_between (first, last) >= CF_CALIBRATION_ORIGINS)
    first = daftari_month_add (last, 1 - CF_CALIBRATION_ORIGINS);
  *out_first = first;
  *out_last = last;
  return cf_months_between (first, last) >= 0;
}
