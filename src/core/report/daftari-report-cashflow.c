/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Money through each wallet over a period, and the charges paid. */
#include "daftari-report.h"

#include <glib/gi18n-lib.h>

#include "daftari-book-private.h"
#include "daftari-report-private.h"

#define MAX_SIDES 8

static void
cashflow_row_free (DaftariCashflowRow *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row);
}

void
daftari_cashflow_report_free (DaftariCashflowReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->wallets);
  cashflow_row_free (report->total);
  g_free (report);
}

typedef struct {
  const DaftariReportAccounts *accounts;
  DaftariWalletFlow           *by_id;     /* each wallet's flows, by account id */
} Flows;

static gboolean
add_flows (const DaftariReportTxn *txn, gpointer data, GError **error)
{
  Flows *flows = data;
  DaftariWalletSide sides[MAX_SIDES];
  guint n = daftari_report_wallet_sides (flows->accounts, txn, sides, MAX_SIDES);

  for (guint i = 0; i < n; i++)
    daftari_wallet_flow_add_side (&flows->by_id[sides[i].wallet_id], &sides[i], 1);
  return TRUE;
}

/* The whole months' flows, from the totals the ledger keeps, added in C
 * like the ledger adds them (modulo 2^64, daftari-wallet-flow.h). */
static gboolean
add_months (DaftariBook *book, Flows *flows, DaftariMonth first, DaftariMonth last, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT wallet_id, money_in, money_out, transfers_in, transfers_out, fees"
      " FROM wallet_flow_month WHERE month BETWEEN ? AND ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, first);
  sqlite3_bind_int (stmt, 2, last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      DaftariWalletFlow month = {
        .money_in = sqlite3_column_int64 (stmt, 1),
        .money_out = sqlite3_column_int64 (stmt, 2),
        .transfers_in = sqlite3_column_int64 (stmt, 3),
        .transfers_out = sqlite3_column_int64 (stmt, 4),
        .fees = sqlite3_column_int64 (stmt, 5),
      };
      if (id > 0 && id < flows->accounts->n_ids)
        daftari_wallet_flow_add (&flows->by_id[id], &month);
    }
  return daftari_report_finish (stmt, rc, error);
}

/* Whole months from their totals, the ragged ends transaction by
 * transaction: a year costs twelve rows per wallet and two part-months. */
static gboolean
add_period (DaftariBook *book, Flows *flows, const DaftariPeriod *period, GError **error)
{
  DaftariMonth first, last;
  gint64 first_start, last_end;
  gint64 from = period->from_ts, to = period->to_ts;

  if (!daftari_report_whole_months (book, from, to, &first, &last, &first_start, &last_end))
    return daftari_report_scan (book, from, to, DAFTARI_REPORT_SCAN_ALL, 0, add_flows, flows, error);
  return add_months (book, flows, first, last, error) &&
         (from >= first_start ||
          daftari_report_scan (book, from, first_start - 1, DAFTARI_REPORT_SCAN_ALL, 0, add_flows, flows, error)) &&
         (to < last_end ||
          daftari_report_scan (book, last_end, to, DAFTARI_REPORT_SCAN_ALL, 0, add_flows, flows, error));
}

static void
add_to_total (DaftariCashflowRow *total, const DaftariCashflowRow *row)
{
  total->opening += row->opening;
  total->money_in += row->money_in;
  total->money_out += row->money_out;
  total->transfers_in += row->transfers_in;
  total->transfers_out += row->transfers_out;
  total->fees += row->fees;
  total->closing += row->closing;
}

/* Opening and closing balances and the flows between, as one state of the book. */
static gboolean
read_wallets (DaftariBook *book, const DaftariReportAccounts *accounts, const DaftariPeriod *period,
              DaftariReportSum **out_opening, DaftariReportSum **out_closing, Flows *flows, GError **error)
{
  gboolean own, ok;

  if (!daftari_report_read_begin (book, &own, error))
    return FALSE;
  *out_opening = daftari_report_sums (book, accounts, G_MININT64, period->from_ts - 1, error);
  *out_closing = *out_opening ? daftari_report_sums (book, accounts, G_MININT64, period->to_ts, error) : NULL;
  ok = *out_closing != NULL && add_period (book, flows, period, error);
  daftari_report_read_end (book, own);
  return ok;
}

DaftariCashflowReport *
daftari_report_cashflow (DaftariBook *book, const DaftariPeriod *period, GError **error)
{
  g_autoptr(DaftariReportAccounts) accounts = daftari_report_accounts_new (book, error);
  g_autoptr(DaftariCashflowReport) report = g_new0 (DaftariCashflowReport, 1);
  g_autofree DaftariReportSum *opening = NULL;
  g_autofree DaftariReportSum *closing = NULL;
  g_autofree DaftariWalletFlow *by_id = NULL;
  const DaftariCommodity *currency = daftari_book_get_currency (book);
  Flows flows;

  report->period = *period;
  report->wallets = g_ptr_array_new_with_free_func ((GDestroyNotify) cashflow_row_free);
  report->total = g_new0 (DaftariCashflowRow, 1);
  report->total->name = g_strdup (_("Total"));
  report->total->commodity = currency;
  if (accounts == NULL)
    return NULL;
  by_id = g_new0 (DaftariWalletFlow, accounts->n_ids);
  flows = (Flows) { accounts, by_id };
  if (!read_wallets (book, accounts, period, &opening, &closing, &flows, error))
    return NULL;
  for (guint i = 0; i < accounts->list->len; i++)
    {
      DaftariAccount *account = g_ptr_array_index (accounts->list, i);
      DaftariCashflowRow *row;

      if (!daftari_account_kind_is_wallet (account->kind))
        continue;
      row = g_new0 (DaftariCashflowRow, 1);
      row->wallet_id = account->id;
      row->name = g_strdup (account->name);
      row->commodity = account->commodity;
      row->opening = opening[account->id].amount;
      row->closing = closing[account->id].amount;
      row->money_in = by_id[account->id].money_in;
      row->money_out = by_id[account->id].money_out;
      row->transfers_in = by_id[account->id].transfers_in;
      row->transfers_out = by_id[account->id].transfers_out;
      row->fees = by_id[account->id].fees;
      g_ptr_array_add (report->wallets, row);
    }
  /* Archived wallets that did nothing and hold nothing are left out. */
  for (guint i = report->wallets->len; i > 0; i--)
    {
      DaftariCashflowRow *row = g_ptr_array_index (report->wallets, i - 1);
      DaftariAccount *account = daftari_report_account (accounts, row->wallet_id);
      if (account->archived && row->opening == 0 && row->closing == 0 && row->money_in == 0 &&
          row->money_out == 0 && row->transfers_in == 0 && row->transfers_out == 0 && row->fees == 0)
        g_ptr_array_remove_index (report->wallets, i - 1);
      else if (row->commodity == currency)
        add_to_total (report->total, row);
    }
  return g_steal_pointer (&report);
}

static void
charges_row_free (DaftariChargesRow *row)
{
  g_free (row->name);
  g_free (row);
}

void
daftari_charges_report_free (DaftariChargesReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->wallets);
  g_free (report);
}

typedef struct {
  const DaftariReportAccounts *accounts;
  DaftariChargesReport        *report;
  GHashTable                  *rows;       /* wallet id → DaftariChargesRow* */
} Charges;

static gboolean
add_charges (const DaftariReportTxn *txn, gpointer data, GError **error)
{
  Charges *charges = data;
  DaftariWalletSide sides[MAX_SIDES];
  guint n = daftari_report_wallet_sides (charges->accounts, txn, sides, MAX_SIDES);
  gint64 value = daftari_report_charges_value (charges->accounts, txn), wallet_id = 0;
  DaftariChargesRow *row;

  for (guint i = 0; i < n && wallet_id == 0; i++)
    if (sides[i].fee != 0)
      wallet_id = sides[i].wallet_id;
  row = g_hash_table_lookup (charges->rows, &wallet_id);
  if (row == NULL)
    {
      DaftariAccount *wallet = daftari_report_account (charges->accounts, wallet_id);
      row = g_new0 (DaftariChargesRow, 1);
      row->wallet_id = wallet_id;
      row->name = g_strdup (wallet ? wallet->name : _("No wallet"));
      g_hash_table_insert (charges->rows, &row->wallet_id, row);
      g_ptr_array_add (charges->report->wallets, row);
    }
  row->amount += value;
  row->count++;
  charges->report->total += value;
  charges->report->count++;
  return TRUE;
}

static int
by_amount (gconstpointer a, gconstpointer b)
{
  const DaftariChargesRow *x = *(DaftariChargesRow **) a, *y = *(DaftariChargesRow **) b;
  return x->amount != y->amount ? (x->amount < y->amount ? 1 : -1) : g_strcmp0 (x->name, y->name);
}

DaftariChargesReport *
daftari_report_charges (DaftariBook *book, const DaftariPeriod *period, GError **error)
{
  g_autoptr(DaftariReportAccounts) accounts = daftari_report_accounts_new (book, error);
  g_autoptr(DaftariChargesReport) report = g_new0 (DaftariChargesReport, 1);
  g_autoptr(GHashTable) rows = g_hash_table_new (g_int64_hash, g_int64_equal);
  Charges charges = { accounts, report, rows };

  report->period = *period;
  report->wallets = g_ptr_array_new_with_free_func ((GDestroyNotify) charges_row_free);
  if (accounts == NULL)
    return NULL;
  if (accounts->charges_id != 0 &&
      !daftari_report_scan (book, period->from_ts, period->to_ts, DAFTARI_REPORT_SCAN_TOUCHING, accounts->charges_id, add_charges,
                            &charges, error))
    return NULL;
  g_ptr_array_sort (report->wallets, by_amount);
  return g_steal_pointer (&report);
}
