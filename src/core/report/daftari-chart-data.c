/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-chart-data.h"

#include <glib/gi18n-lib.h>

#include "daftari-account.h"
#include "daftari-query.h"

/* Up to a quarter the balance is drawn day by day; longer periods by month
 * end, which keeps the points few enough to hover and the reads cheap. */
#define BALANCE_DAILY_DAYS 93

DaftariChart *
daftari_report_chart_months (DaftariBook *book, DaftariMonth last, guint months, GError **error)
{
  const DaftariCommodity *currency = daftari_book_get_currency (book);
  g_autoptr(DaftariChart) chart = daftari_chart_new (DAFTARI_CHART_BARS, currency);
  g_autoptr(DaftariPnlReport) pnl = NULL;
  DaftariPeriod first, final, period;

  daftari_period_month (&first, book, daftari_month_add (last, 1 - (int) months));
  daftari_period_month (&final, book, last);
  if (!daftari_period_init (&period, book, first.from_day, final.to_day, error) ||
      (pnl = daftari_report_pnl (book, &period, TRUE, error)) == NULL)
    return NULL;
  daftari_chart_set_title (chart, _("Income and Expenses by Month"));
  for (guint i = 0; i < pnl->months->len; i++)
    daftari_chart_add_month (chart, g_array_index (pnl->months, DaftariMonth, i),
                             pnl->totals->total_income->values[i + 1], pnl->totals->total_expense->values[i + 1]);
  return g_steal_pointer (&chart);
}

DaftariChart *
daftari_report_chart_expenses (DaftariBook *book, const DaftariCategoryTotals *totals)
{
  DaftariChart *chart = daftari_chart_new (DAFTARI_CHART_CATEGORIES, daftari_book_get_currency (book));

  daftari_chart_set_title (chart, _("Expenses by Category"));
  for (guint i = 0; i < totals->expense->len; i++)
    {
      const DaftariReportLine *line = g_ptr_array_index (totals->expense, i);
      daftari_chart_add_slice (chart, line->account_id, line->name, line->values[0]);
    }
  return chart;
}

gboolean
daftari_report_chart_balance_monthly (const DaftariPeriod *period)
{
  return (period->to_ts - period->from_ts) / 86400 + 1 > BALANCE_DAILY_DAYS;
}

/* The ids of the wallets whose money is in the book currency. */
static GHashTable *
book_wallets (DaftariBook *book, GError **error)
{
  g_autoptr(GPtrArray) accounts = daftari_account_list (book, TRUE, error);
  GHashTable *wallets;

  if (accounts == NULL)
    return NULL;
  wallets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < accounts->len; i++)
    {
      const DaftariAccount *account = g_ptr_array_index (accounts, i);
      if (daftari_account_kind_is_wallet (account->kind) && account->commodity == daftari_book_get_currency (book))
        g_hash_table_add (wallets, g_memdup2 (&account->id, sizeof account->id));
    }
  return wallets;
}

static gboolean
wallets_balance (DaftariBook *book, GHashTable *wallets, gint64 ts, gint64 *out, GError **error)
{
  GHashTableIter iter;
  gpointer key;

  *out = 0;
  g_hash_table_iter_init (&iter, wallets);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 amount = 0;
      if (!daftari_query_balance (book, *(gint64 *) key, ts, &amount, error))
        return FALSE;
      *out += amount;
    }
  return TRUE;
}

static DaftariDay
next_day (DaftariDay day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day % 100, (GDateMonth) (day / 100 % 100), (GDateYear) (day / 10000));
  g_date_add_days (&date, 1);
  return (DaftariDay) (g_date_get_year (&date) * 10000 + g_date_get_month (&date) * 100 + g_date_get_day (&date));
}

/* One read of the period's transactions, summed per day onto the opening
 * balance: a quarter of a busy book costs one pass, not a balance per day. */
static gboolean
add_daily (DaftariBook *book, DaftariChart *chart, GHashTable *wallets, const DaftariPeriod *period,
           DaftariDay last, GError **error)
{
  DaftariCalendar *calendar = daftari_book_get_calendar (book);
  /* day → 1 + its index in deltas, the change of the wallets that day */
  g_autoptr(GHashTable) moved = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) deltas = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autoptr(GPtrArray) txns = NULL;
  DaftariTxnFilter filter;
  gint64 balance;

  daftari_txn_filter_init (&filter);
  filter.from_ts = period->from_ts;
  filter.to_ts = period->to_ts;
  if (!wallets_balance (book, wallets, period->from_ts - 1, &balance, error) ||
      (txns = daftari_query_transactions (book, &filter, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < txns->len; i++)
    {
      const DaftariTxn *txn = g_ptr_array_index (txns, i);
      DaftariDay day = daftari_calendar_day_of (calendar, txn->ts);
      guint slot = GPOINTER_TO_UINT (g_hash_table_lookup (moved, GINT_TO_POINTER (day)));

      if (slot == 0)
        {
          gint64 zero = 0;
          g_array_append_val (deltas, zero);
          slot = deltas->len;
          g_hash_table_insert (moved, GINT_TO_POINTER (day), GUINT_TO_POINTER (slot));
        }
      for (guint s = 0; s < txn->splits->len; s++)
        {
          const DaftariSplit *split = &g_array_index (txn->splits, DaftariSplit, s);
          if (g_hash_table_contains (wallets, &split->account_id))
            g_array_index (deltas, gint64, slot - 1) += split->amount;
        }
    }
  for (DaftariDay day = period->from_day; day <= last; day = next_day (day))
    {
      guint slot = GPOINTER_TO_UINT (g_hash_table_lookup (moved, GINT_TO_POINTER (day)));
      if (slot != 0)
        balance += g_array_index (deltas, gint64, slot - 1);
      daftari_chart_add_balance (chart, day, balance);
    }
  return TRUE;
}

static gboolean
add_month_ends (DaftariBook *book, DaftariChart *chart, GHashTable *wallets, const DaftariPeriod *period,
                gint64 until_ts, GError **error)
{
  DaftariCalendar *calendar = daftari_book_get_calendar (book);
  DaftariMonth last = daftari_calendar_month_of (calendar, until_ts);

  for (DaftariMonth month = daftari_calendar_month_of (calendar, period->from_ts); month <= last;
       month = daftari_month_add (month, 1))
    {
      gint64 start, end, balance;

      daftari_calendar_month_range (calendar, month, &start, &end);
      end = MIN (end, until_ts);
      if (!wallets_balance (book, wallets, end, &balance, error))
        return FALSE;
      daftari_chart_add_balance (chart, daftari_calendar_day_of (calendar, end), balance);
    }
  return TRUE;
}

DaftariChart *
daftari_report_chart_balance (DaftariBook *book, const DaftariPeriod *period, GError **error)
{
  DaftariCalendar *calendar = daftari_book_get_calendar (book);
  g_autoptr(DaftariChart) chart = daftari_chart_new (DAFTARI_CHART_BALANCE, daftari_book_get_currency (book));
  g_autoptr(GHashTable) wallets = book_wallets (book, error);
  /* Tomorrow has no balance yet: a period reaching past today stops there. */
  gint64 until_ts = MIN (period->to_ts, daftari_calendar_day_end (calendar, daftari_calendar_today (calendar)));
  gboolean ok;

  if (wallets == NULL)
    return NULL;
  daftari_chart_set_title (chart, _("Balance of All Wallets"));
  if (until_ts < period->from_ts)
    return g_steal_pointer (&chart);
  ok = daftari_report_chart_balance_monthly (period) ? add_month_ends (book, chart, wallets, period, until_ts, error)
                                 : add_daily (book, chart, wallets, period, daftari_calendar_day_of (calendar, until_ts),
                                              error);
  return ok ? g_steal_pointer (&chart) : NULL;
}
