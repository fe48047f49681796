/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-summary.h"

#include "daftari-query.h"
#include "daftari-rates.h"

static void
clear_wallet (gpointer data)
{
  DaftariWalletBalance *wallet = data;
  g_clear_pointer (&wallet->account, daftari_account_free);
}

void
daftari_summary_free (DaftariSummary *summary)
{
  if (summary == NULL)
    return;
  g_clear_pointer (&summary->wallets, g_array_unref);
  g_free (summary);
}

/* Income categories hold credits (negative values), expenses debits. */
gboolean
daftari_summary_month_flow (DaftariBook *book, DaftariMonth month, DaftariMonthFlow *out_flow, GError **error)
{
  g_autoptr(GArray) totals = daftari_query_month_totals (book, month, error);

  *out_flow = (DaftariMonthFlow) { 0, 0 };
  if (totals == NULL)
    return FALSE;
  for (guint i = 0; i < totals->len; i++)
    {
      const DaftariAccountTotal *total = &g_array_index (totals, DaftariAccountTotal, i);
      g_autoptr(DaftariAccount) account = daftari_account_get (book, total->account_id, error);
      if (account == NULL)
        return FALSE;
      if (account->kind == DAFTARI_ACCOUNT_INCOME)
        out_flow->in -= total->value;
      else
        out_flow->out += total->value;
    }
  return TRUE;
}

static gboolean
add_wallets (DaftariBook *book, DaftariSummary *summary, gint64 now, GError **error)
{
  g_autoptr(GPtrArray) accounts = daftari_account_list (book, FALSE, error);

  if (accounts == NULL)
    return FALSE;
  for (guint i = 0; i < accounts->len; i++)
    {
      DaftariAccount *account = g_ptr_array_index (accounts, i);
      DaftariWalletBalance wallet = { 0 };

      if (!daftari_account_kind_is_wallet (account->kind))
        continue;
      if (!daftari_query_current_balance (book, account->id, &wallet.balance, error))
        return FALSE;
      /* A crypto wallet without a rate is listed but not added up. */
      wallet.has_rate = daftari_rates_value (book, account->commodity, wallet.balance, now, &wallet.value, NULL);
      if (wallet.has_rate)
        summary->total += wallet.value;
      wallet.account = daftari_account_copy (account);
      g_array_append_val (summary->wallets, wallet);
    }
  return TRUE;
}

DaftariSummary *
daftari_summary_compute (DaftariBook *book, gint64 now, GError **error)
{
  g_autoptr(DaftariSummary) summary = g_new0 (DaftariSummary, 1);

  summary->wallets = g_array_new (FALSE, TRUE, sizeof (DaftariWalletBalance));
  g_array_set_clear_func (summary->wallets, clear_wallet);
  summary->month = daftari_calendar_month_of (daftari_book_get_calendar (book), now);
  if (!add_wallets (book, summary, now, error) ||
      !daftari_summary_month_flow (book, summary->month, &summary->this_month, error) ||
      !daftari_summary_month_flow (book, daftari_month_add (summary->month, -1), &summary->last_month, error))
    return NULL;
  return g_steal_pointer (&summary);
}
