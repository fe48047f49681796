/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Income and expense per category: the month pivot and profit and loss. */
#include "daftari-report.h"

#include <glib/gi18n-lib.h>

#include "daftari-error.h"
#include "daftari-report-private.h"

static DaftariReportLine *
line_new (gint64 account_id, const char *name, guint n_columns)
{
  DaftariReportLine *line = g_new0 (DaftariReportLine, 1);

  line->account_id = account_id;
  line->name = g_strdup (name);
  line->values = g_new0 (gint64, n_columns);
  return line;
}

static void
line_free (DaftariReportLine *line)
{
  if (line == NULL)
    return;
  g_free (line->name);
  g_free (line->values);
  g_free (line);
}

void
daftari_category_totals_free (DaftariCategoryTotals *totals)
{
  if (totals == NULL)
    return;
  g_ptr_array_unref (totals->income);
  g_ptr_array_unref (totals->expense);
  line_free (totals->total_income);
  line_free (totals->total_expense);
  line_free (totals->net);
  g_free (totals);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariCategoryTotals, daftari_category_totals_free)

static DaftariCategoryTotals *
totals_new (guint n_columns)
{
  DaftariCategoryTotals *totals = g_new0 (DaftariCategoryTotals, 1);

  totals->n_columns = n_columns;
  totals->income = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  totals->expense = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  totals->total_income = line_new (0, _("Total income"), n_columns);
  totals->total_expense = line_new (0, _("Total expenses"), n_columns);
  totals->net = line_new (0, _("Net"), n_columns);
  return totals;
}

/* Column c of every category is its movement over [starts[c], ends[c]]. */
static DaftariCategoryTotals *
category_totals (DaftariBook *book, const gint64 *starts, const gint64 *ends, guint n_columns, GError **error)
{
  g_autoptr(DaftariReportAccounts) accounts = daftari_report_accounts_new (book, error);
  g_autoptr(DaftariCategoryTotals) totals = totals_new (n_columns);
  g_autoptr(GPtrArray) sums = g_ptr_array_new_with_free_func (g_free);
  gboolean own;

  if (accounts == NULL || !daftari_report_read_begin (book, &own, error))
    return NULL;
  for (guint c = 0; c < n_columns; c++)
    {
      DaftariReportSum *column = daftari_report_sums (book, accounts, starts[c], ends[c], error);
      if (column == NULL)
        {
          daftari_report_read_end (book, own);
          return NULL;
        }
      g_ptr_array_add (sums, column);
    }
  daftari_report_read_end (book, own);

  /* daftari_account_list gives categories by kind and name. */
  for (guint i = 0; i < accounts->list->len; i++)
    {
      DaftariAccount *account = g_ptr_array_index (accounts->list, i);
      gboolean income = account->kind == DAFTARI_ACCOUNT_INCOME, any = FALSE;
      DaftariReportLine *line, *total;

      if (!daftari_account_kind_is_category (account->kind))
        continue;
      line = line_new (account->id, account->name, n_columns);
      total = income ? totals->total_income : totals->total_expense;
      for (guint c = 0; c < n_columns; c++)
        {
          gint64 value = ((DaftariReportSum *) g_ptr_array_index (sums, c))[account->id].value;
          line->values[c] = income ? -value : value;
          total->values[c] += line->values[c];
          any = any || value != 0;
        }
      if (any)
        g_ptr_array_add (income ? totals->income : totals->expense, line);
      else
        line_free (line);
    }
  for (guint c = 0; c < n_columns; c++)
    totals->net->values[c] = totals->total_income->values[c] - totals->total_expense->values[c];
  return g_steal_pointer (&totals);
}

gboolean
daftari_period_init (DaftariPeriod *period, DaftariBook *book, DaftariDay from_day, DaftariDay to_day,
                     GError **error)
{
  DaftariCalendar *calendar = daftari_book_get_calendar (book);

  if (to_day < from_day)
    {
      g_autofree char *from = daftari_day_format (from_day);
      g_autofree char *to = daftari_day_format (to_day);
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                   _("The period ends (%s) before it starts (%s): give --from a day on or before --to"), to, from);
      return FALSE;
    }
  *period = (DaftariPeriod) { from_day, to_day, daftari_calendar_day_start (calendar, from_day),
                              daftari_calendar_day_end (calendar, to_day) };
  return TRUE;
}

void
daftari_period_month (DaftariPeriod *period, DaftariBook *book, DaftariMonth month)
{
  DaftariCalendar *calendar = daftari_book_get_calendar (book);
  gint64 start, end;

  daftari_calendar_month_range (calendar, month, &start, &end);
  *period = (DaftariPeriod) { daftari_calendar_day_of (calendar, start), daftari_calendar_day_of (calendar, end - 1),
                              start, end - 1 };
}

void
daftari_monthly_report_free (DaftariMonthlyReport *report)
{
  if (report == NULL)
    return;
  daftari_category_totals_free (report->totals);
  g_free (report);
}

DaftariMonthlyReport *
daftari_report_monthly (DaftariBook *book, DaftariMonth month, GError **error)
{
  g_autoptr(DaftariMonthlyReport) report = g_new0 (DaftariMonthlyReport, 1);
  DaftariMonth months[3] = { month, daftari_month_add (month, -1), daftari_month_add (month, -12) };
  gint64 starts[3], ends[3];

  report->month = month;
  for (guint c = 0; c < 3; c++)
    {
      DaftariPeriod period;
      daftari_period_month (&period, book, months[c]);
      starts[c] = period.from_ts;
      ends[c] = period.to_ts;
    }
  if ((report->totals = category_totals (book, starts, ends, 3, error)) == NULL)
    return NULL;
  return g_steal_pointer (&report);
}

void
daftari_pnl_report_free (DaftariPnlReport *report)
{
  if (report == NULL)
    return;
  daftari_category_totals_free (report->totals);
  g_array_unref (report->months);
  g_free (report);
}

DaftariPnlReport *
daftari_report_pnl (DaftariBook *book, const DaftariPeriod *period, gboolean by_month, GError **error)
{
  DaftariCalendar *calendar = daftari_book_get_calendar (book);
  g_autoptr(DaftariPnlReport) report = g_new0 (DaftariPnlReport, 1);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (gint64));

  report->period = *period;
  report->months = g_array_new (FALSE, FALSE, sizeof (DaftariMonth));
  g_array_append_val (starts, period->from_ts);
  g_array_append_val (ends, period->to_ts);
  if (by_month)
    {
      DaftariMonth last = daftari_calendar_month_of (calendar, period->to_ts);
      for (DaftariMonth m = daftari_calendar_month_of (calendar, period->from_ts); m <= last;
           m = daftari_month_add (m, 1))
        {
          gint64 start, end;
          daftari_calendar_month_range (calendar, m, &start, &end);
          start = MAX (start, period->from_ts);
          end = MIN (end - 1, period->to_ts);
          g_array_append_val (report->months, m);
          g_array_append_val (starts, start);
          g_array_append_val (ends, end);
        }
    }
  report->totals = category_totals (book, &g_array_index (starts, gint64, 0), &g_array_index (ends, gint64, 0), starts->len, error);
  return report->totals ? g_steal_pointer (&report) : NULL;
}
