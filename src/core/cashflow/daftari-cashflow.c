/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The cash-flow forecast from today (docs/cashflow.md), and the floor its
 * outlook warns about. */
#include "daftari-cashflow-private.h"

#include <glib/gi18n-lib.h>

#include "daftari-book-private.h"
#include "daftari-error.h"
#include "daftari-recurrence.h"

#define FLOOR_SETTING "cashflow-floor"

gint64
daftari_cashflow_get_floor (DaftariBook *book)
{
  g_autofree char *text = daftari_book_get_setting (book, FLOOR_SETTING);
  gint64 floor = 0;

  if (text != NULL && !g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &floor, NULL))
    floor = 0;
  return floor;
}

gboolean
daftari_cashflow_set_floor (DaftariBook *book, gint64 floor, GError **error)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, floor);
  return daftari_book_set_setting (book, FLOOR_SETTING, text, error);
}

gboolean
cf_check_months (guint n_months, GError **error)
{
  if (n_months >= 1 && n_months <= DAFTARI_CASHFLOW_MAX_MONTHS)
    return TRUE;
  g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
               _("A cash-flow forecast covers 1 to %d months, not %u"), DAFTARI_CASHFLOW_MAX_MONTHS, n_months);
  return FALSE;
}

/* The forecasts made from past month starts, for as many days as this one. */
static GPtrArray *
past_forecasts (const CfHistory *history, DaftariDay from_day, guint n_days, GError **error)
{
  g_autoptr(GPtrArray) pasts = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_past_free);
  g_autofree gint64 *closing = cf_history_closing (history);
  DaftariMonth first, last;

  if (!cf_past_months (history, from_day, &first, &last))
    return g_steal_pointer (&pasts);
  for (DaftariMonth month = first; cf_months_between (month, last) >= 0; month = daftari_month_add (month, 1))
    {
      CfPast *past = cf_past_new (history, closing, month, n_days, error);
      if (past == NULL)
        return NULL;
      g_ptr_array_add (pasts, past);
    }
  return g_steal_pointer (&pasts);
}

DaftariCashflow *
daftari_cashflow_forecast (DaftariBook *book, gint64 wallet_id, DaftariDay from_day, guint n_months,
                           GError **error)
{
  g_autoptr(CfHistory) history = NULL;
  g_autoptr(CfPlan) plan = NULL;
  g_autoptr(GArray) occurrences = NULL;
  g_autoptr(GPtrArray) pasts = NULL;
  g_autoptr(CfCalibration) calibration = NULL;
  DaftariDay to_day, history_from;
  DaftariCashflow *cashflow;

  if (!cf_check_months (n_months, error))
    return NULL;
  if (from_day == 0)
    from_day = daftari_calendar_today (daftari_book_get_calendar (book));
  to_day = daftari_day_add (cf_day_add_months (from_day, (int) n_months), -1);
  /* The baseline's years, and those of the past forecasts before them. */
  history_from = cf_month_first (daftari_month_add (from_day / 100, -(CF_HISTORY_MONTHS + CF_CALIBRATION_ORIGINS)));
  history = cf_history_load (book, wallet_id, history_from, daftari_day_add (from_day, -1), error);
  if (history == NULL)
    return NULL;
  plan = cf_plan_new (from_day, to_day);
  pasts = past_forecasts (history, from_day, plan->n_days, error);
  if (pasts == NULL)
    return NULL;
  calibration = cf_calibrate ((CfPast *const *) pasts->pdata, pasts->len, from_day, plan->n_days);
  occurrences = daftari_schedule_upcoming (book, 0, to_day, error);
  if (occurrences == NULL)
    return NULL;
  cf_plan_add_occurrences (plan, history, occurrences);
  cf_plan_add_invoices (plan, history);
  if (!cf_plan_add_baseline (plan, history, error))
    return NULL;
  cashflow = cf_plan_path (plan, history, cf_history_balance_before (history, from_day), calibration->method);
  cf_calibration_apply (calibration, cashflow);
  daftari_cashflow_set_outlook (cashflow, daftari_cashflow_get_floor (book));
  return cashflow;
}
