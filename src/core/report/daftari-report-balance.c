/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The balance sheet as of the end of a day. */
#include "daftari-report.h"

#include <glib/gi18n-lib.h>

#include "daftari-rates.h"
#include "daftari-report-private.h"

static void
line_free (DaftariBalanceLine *line)
{
  g_free (line->name);
  g_free (line);
}

void
daftari_balance_sheet_free (DaftariBalanceSheet *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->assets);
  g_ptr_array_unref (report->liabilities);
  g_ptr_array_unref (report->equity);
  g_free (report);
}

static DaftariBalanceLine *
add_line (GPtrArray *lines, const DaftariAccount *account, const char *name, const DaftariCommodity *commodity,
          gint64 amount, gint64 value)
{
  DaftariBalanceLine *line = g_new0 (DaftariBalanceLine, 1);

  line->account_id = account ? account->id : 0;
  line->name = g_strdup (account ? account->name : name);
  line->commodity = account ? account->commodity : commodity;
  line->amount = amount;
  line->value = value;
  line->has_rate = TRUE;
  g_ptr_array_add (lines, line);
  return line;
}

static gint64
sum_values (GPtrArray *lines)
{
  gint64 total = 0;
  for (guint i = 0; i < lines->len; i++)
    total += ((DaftariBalanceLine *) g_ptr_array_index (lines, i))->value;
  return total;
}

/* A wallet at the day's rate; without a rate, at what it cost (its value in
 * the ledger), flagged. Returns the gain over that cost. */
static gint64
add_wallet (DaftariBook *book, DaftariBalanceSheet *report, const DaftariAccount *account,
            const DaftariReportSum *sum, gint64 ts)
{
  gint64 value;
  gboolean has_rate = daftari_rates_value (book, account->commodity, sum->amount, ts, &value, NULL);
  DaftariBalanceLine *line;

  if (!has_rate)
    value = sum->value;
  line = add_line (report->assets, account, NULL, NULL, sum->amount, value);
  line->has_rate = has_rate;
  return value - sum->value;
}

DaftariBalanceSheet *
daftari_report_balance (DaftariBook *book, DaftariDay as_of, GError **error)
{
  const DaftariCommodity *currency = daftari_book_get_currency (book);
  g_autoptr(DaftariReportAccounts) accounts = daftari_report_accounts_new (book, error);
  g_autoptr(DaftariBalanceSheet) report = g_new0 (DaftariBalanceSheet, 1);
  g_autofree DaftariReportSum *sums = NULL;
  gint64 ts = daftari_calendar_day_end (daftari_book_get_calendar (book), as_of);
  gint64 retained = 0, revaluation = 0;
  GPtrArray *receivables = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  gboolean own;

  report->as_of = as_of;
  report->assets = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  report->liabilities = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  report->equity = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  if (accounts != NULL && daftari_report_read_begin (book, &own, error))
    {
      sums = daftari_report_sums (book, accounts, G_MININT64, ts, error);
      daftari_report_read_end (book, own);
    }
  if (sums == NULL)
    {
      g_ptr_array_unref (receivables);
      return NULL;
    }
  for (guint i = 0; i < accounts->list->len; i++)
    {
      DaftariAccount *account = g_ptr_array_index (accounts->list, i);
      const DaftariReportSum *sum = &sums[account->id];

      if (daftari_account_kind_is_wallet (account->kind))
        {
          if (!account->archived || sum->amount != 0)
            revaluation += add_wallet (book, report, account, sum, ts);
        }
      else if (daftari_account_kind_is_category (account->kind))
        retained -= sum->value;
      else if (account->kind == DAFTARI_ACCOUNT_RECEIVABLE)
        add_line (receivables, account, NULL, NULL, sum->amount, sum->value);
      else if (account->kind == DAFTARI_ACCOUNT_LIABILITY)
        add_line (report->liabilities, account, NULL, NULL, -sum->amount, -sum->value);
      else
        add_line (report->equity, account, NULL, NULL, -sum->amount, -sum->value);
    }
  g_ptr_array_extend_and_steal (report->assets, receivables);
  add_line (report->equity, NULL, _("Retained earnings (income less expenses to date)"), currency, retained, retained);
  if (revaluation != 0)
    add_line (report->equity, NULL, _("Unrealised gains on crypto and foreign currency"), currency, revaluation,
              revaluation);
  report->total_assets = sum_values (report->assets);
  report->total_liabilities = sum_values (report->liabilities);
  report->total_equity = sum_values (report->equity);
  report->difference = report->total_assets - report->total_liabilities - report->total_equity;
  return g_steal_pointer (&report);
}
