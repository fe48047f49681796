/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Each report as a DaftariReportTable: which columns, which sections. The
 * keys and sections here are the CSV and JSON schema (docs/reports.md). */
#include "daftari-report-table.h"

#include <glib/gi18n-lib.h>

#include "daftari-money.h"

static DaftariReportTable *
table_new (DaftariBook *book, const char *name, const char *title)
{
  return daftari_report_table_new (name, title, daftari_book_get_currency (book));
}

/* (now − before) × 100% in hundredths; empty when before is 0. */
static void
set_change (DaftariReportRow *row, guint column, gint64 now, gint64 before)
{
  gint64 pct;

  daftari_report_row_number (row, column, now - before);
  if (before != 0 && daftari_money_muldiv (now - before, 10000, before < 0 ? -before : before, &pct, NULL))
    daftari_report_row_number (row, column + 1, pct);
}

static void
monthly_line (DaftariReportTable *table, const char *section, gboolean total, const DaftariReportLine *line)
{
  DaftariReportRow *row = daftari_report_table_row (table, section, total);

  daftari_report_row_text (row, 0, line->name);
  daftari_report_row_number (row, 1, line->values[0]);
  daftari_report_row_number (row, 2, line->values[1]);
  set_change (row, 3, line->values[0], line->values[1]);
  daftari_report_row_number (row, 5, line->values[2]);
  set_change (row, 6, line->values[0], line->values[2]);
}

typedef void (*LineFunc) (DaftariReportTable *table, const char *section, gboolean total,
                          const DaftariReportLine *line);

static void
category_sections (DaftariReportTable *table, const DaftariCategoryTotals *totals, LineFunc add)
{
  for (guint i = 0; i < totals->income->len; i++)
    add (table, "income", FALSE, g_ptr_array_index (totals->income, i));
  add (table, "income_total", TRUE, totals->total_income);
  for (guint i = 0; i < totals->expense->len; i++)
    add (table, "expense", FALSE, g_ptr_array_index (totals->expense, i));
  add (table, "expense_total", TRUE, totals->total_expense);
  add (table, "net", TRUE, totals->net);
}

static char *
month_text (DaftariMonth month)
{
  return g_strdup_printf ("%04d-%02d", month / 100, month % 100);
}

DaftariReportTable *
daftari_monthly_report_table (const DaftariMonthlyReport *report, DaftariBook *book)
{
  DaftariReportTable *table = table_new (book, "monthly", _("Monthly summary"));
  g_autofree char *month = month_text (report->month);
  DaftariPeriod period;

  daftari_period_month (&period, book, report->month);
  daftari_report_table_period (table, period.from_day, period.to_day);
  g_free (table->subtitle);
  table->subtitle = g_steal_pointer (&month);
  daftari_report_table_column (table, "category", _("Category"), DAFTARI_REPORT_TEXT);
  daftari_report_table_column (table, "this_month", _("This month"), DAFTARI_REPORT_MONEY);
  daftari_report_table_column (table, "previous_month", _("Previous month"), DAFTARI_REPORT_MONEY);
  daftari_report_table_column (table, "change", _("Change"), DAFTARI_REPORT_MONEY);
  daftari_report_table_column (table, "change_pct", _("Change %"), DAFTARI_REPORT_PERCENT);
  daftari_report_table_column (table, "last_year", _("A year ago"), DAFTARI_REPORT_MONEY);
  daftari_report_table_column (table, "change_year", _("Change"), DAFTARI_REPORT_MONEY);
  daftari_report_table_column (table, "change_year_pct", _("Change %"), DAFTARI_REPORT_PERCENT);
  category_sections (table, report->totals, monthly_line);
  return table;
}

static void
pnl_line (DaftariReportTable *table, const char *section, gboolean total, const DaftariReportLine *line)
{
  DaftariReportRow *row = daftari_report_table_row (table, section, total);

  daftari_report_row_text (row, 0, line->name);
  for (guint c = 1; c < table->columns->len; c++)
    daftari_report_row_number (row, c, line->values[c - 1]);
}

DaftariReportTable *
daftari_pnl_report_table (const DaftariPnlReport *report, DaftariBook *book)
{
  DaftariReportTable *table = table_new (book, "pnl", _("Profit and loss"));

  daftari_report_table_period (table, report->period.from_day, report->period.to_day);
  daftari_report_table_column (table, "category", _("Category"), DAFTARI_REPORT_TEXT);
  daftari_report_table_column (table, "total", _("Total"), DAFTARI_REPORT_MONEY);
  for (guint i = 0; i < report->months->len; i++)
    {
      g_autofree char *month = month_text (g_array_index (report->months, DaftariMonth, i));
      daftari_report_table_column (table, month, month, DAFTARI_REPORT_MONEY);
    }
  category_sections (table, report->totals, pnl_line);
  daftari_report_table_fact (table, "net", _("Net profit"), DAFTARI_REPORT_MONEY, report->totals->net->values[0]);
  return table;
}

static void
cashflow_row (DaftariReportTable *table, const char *section, const DaftariCashflowRow *flow)
{
  DaftariReportRow *row = daftari_report_table_row (table, section, flow->wallet_id == 0);
  const gint64 figures[] = { flow->opening, flow->money_in, flow->money_out, flow->transfers_in,
                             flow->transfers_out, flow->fees, flow->closing };

  row->commodity = flow->commodity;
  daftari_report_row_text (row, 0, flow->name);
  daftari_report_row_text (row, 1, flow->commodity->code);
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    daftari_report_row_number (row, i + 2, figures[i]);
}

DaftariReportTable *
daftari_cashflow_report_table (const DaftariCashflowReport *report, DaftariBook *book)
{
  DaftariReportTable *table = table_new (book, "cashflow", _("Cash flow by wallet"));

  daftari_report_table_period (table, report->period.from_day, report->period.to_day);
  daftari_report_table_column (table, "wallet", _("Wallet"), DAFTARI_REPORT_TEXT);
  daftari_report_table_column (table, "currency", _("Currency"), DAFTARI_REPORT_TEXT);
  daftari_report_table_column (table, "opening", _("Opening"), DAFTARI_REPORT_MONEY);
  daftari_report_table_column (table, "money_in", _("Money in"), DAFTARI_REPORT_MONEY);
  daftari_report_table_column (table, "money_out", _("Money out"), DAFTARI_REPORT_MONEY);
  daftari_report_table_column (table, "transfers_in", _("Transfers in"), DAFTARI_REPORT_MONEY);
  daftari_report_table_column (table, "transfers_out", _("Transfers out"), DAFTARI_REPORT_MONEY);
  daftari_report_table_column (table, "fees", _("Charges"), DAFTARI_REPORT_MONEY);
  daftari_report_table_column (table, "closing", _("Closing"), DAFTARI_REPORT_MONEY);
  for (guint i = 0; i < report->wallets->len; i++)
    cashflow_row (table, "wallet", g_ptr_array_index (report->wallets, i));
  cashflow_row (table, "total", report->total);
  return table;
}

static void
balance_row (DaftariReportTable *table, const char *section, gboolean total, const char *name,
             const DaftariBalanceLine *line, gint64 value)
{
  DaftariReportRow *row = daftari_report_table_row (table, section, total);

  daftari_report_row_text (row, 0, line ? line->name : name);
  if (line != NULL && line->commodity != table->currency)
    {
      g_autofree char *holding = daftari_money_format (line->amount, line->commodity, DAFTARI_MONEY_FORMAT_DEFAULT);
      daftari_report_row_text (row, 1, holding);
    }
  if (line != NULL && !line->has_rate)
    daftari_report_row_text (row, 2, _("no rate: at cost"));
  daftari_report_row_number (row, 3, value);
}

static void
balance_section (DaftariReportTable *table, const char *section, const char *total_section,
                 const char *total_name, GPtrArray *lines, gint64 total)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const DaftariBalanceLine *line = g_ptr_array_index (lines, i);
      balance_row (table, section, FALSE, NULL, line, line->value);
    }
  balance_row (table, total_section, TRUE, total_name, NULL, total);
}

DaftariReportTable *
daftari_balance_sheet_table (const DaftariBalanceSheet *report, DaftariBook *book)
{
  DaftariReportTable *table = table_new (book, "balance", _("Balance sheet"));

  daftari_report_table_period (table, 0, report->as_of);
  daftari_report_table_column (table, "account", _("Account"), DAFTARI_REPORT_TEXT);
  daftari_report_table_column (table, "holding", _("Holding"), DAFTARI_REPORT_TEXT);
  daftari_report_table_column (table, "note", _("Note"), DAFTARI_REPORT_TEXT);
  daftari_report_table_column (table, "value", _("Value"), DAFTARI_REPORT_MONEY);
  balance_section (table, "assets", "assets_total", _("Total assets"), report->assets, report->total_assets);
  balance_section (table, "liabilities", "liabilities_total", _("Total liabilities"), report->liabilities,
                   report->total_liabilities);
  balance_section (table, "equity", "equity_total", _("Total equity"), report->equity, report->total_equity);
  balance_row (table, "liabilities_and_equity", TRUE, _("Liabilities and equity"), NULL,
               report->total_liabilities + report->total_equity);
  daftari_report_table_fact (table, "total_assets", _("Total assets"), DAFTARI_REPORT_MONEY, report->total_assets);
  daftari_report_table_fact (table, "total_liabilities", _("Total liabilities"), DAFTARI_REPORT_MONEY,
                             report->total_liabilities);
  daftari_report_table_fact (table, "total_equity", _("Total equity"), DAFTARI_REPORT_MONEY, report->total_equity);
  daftari_report_table_fact (table, "difference", _("Assets less liabilities and equity (0 when the books balance)"),
                             DAFTARI_REPORT_MONEY, report->difference);
  return table;
}

static void
party_rows (DaftariReportTable *table, const char *section, GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const DaftariPartyRow *party = g_ptr_array_index (rows, i);
      DaftariReportRow *row = daftari_report_table_row (table, section, FALSE);
      daftari_report_row_number (row, 0, i + 1);
      daftari_report_row_text (row, 1, party->name);
      daftari_report_row_text (row, 2, party->key);
      daftari_report_row_number (row, 3, party->amount);
      daftari_report_row_number (row, 4, party->count);
    }
}

DaftariReportTable *
daftari_top_report_table (const DaftariTopReport *report, DaftariBook *book)
{
  DaftariReportTable *table = table_new (book, "top", _("Top customers and payees"));

  daftari_report_table_period (table, report->period.from_day, report->period.to_day);
  daftari_report_table_column (table, "rank", _("#"), DAFTARI_REPORT_COUNT);
  daftari_report_table_column (table, "name", _("Name"), DAFTARI_REPORT_TEXT);
  daftari_report_table_column (table, "key", _("Customer id or number"), DAFTARI_REPORT_TEXT);
  daftari_report_table_column (table, "amount", _("Amount"), DAFTARI_REPORT_MONEY);
  daftari_report_table_column (table, "count", _("Count"), DAFTARI_REPORT_COUNT);
  party_rows (table, "invoiced", report->invoiced);
  party_rows (table, "paid", report->paid);
  party_rows (table, "payees", report->payees);
  return table;
}

DaftariReportTable *
daftari_charges_report_table (const DaftariChargesReport *report, DaftariBook *book)
{
  DaftariReportTable *table = table_new (book, "charges", _("M-PESA and bank charges"));
  DaftariReportRow *row;

  daftari_report_table_period (table, report->period.from_day, report->period.to_day);
  daftari_report_table_column (table, "wallet", _("Wallet"), DAFTARI_REPORT_TEXT);
  daftari_report_table_column (table, "amount", _("Charges"), DAFTARI_REPORT_MONEY);
  daftari_report_table_column (table, "count", _("Transactions"), DAFTARI_REPORT_COUNT);
  for (guint i = 0; i < report->wallets->len; i++)
    {
      const DaftariChargesRow *charges = g_ptr_array_index (report->wallets, i);
      row = daftari_report_table_row (table, "wallet", FALSE);
      daftari_report_row_text (row, 0, charges->name);
      daftari_report_row_number (row, 1, charges->amount);
      daftari_report_row_number (row, 2, charges->count);
    }
  row = daftari_report_table_row (table, "total", TRUE);
  daftari_report_row_text (row, 0, _("Total"));
  daftari_report_row_number (row, 1, report->total);
  daftari_report_row_number (row, 2, report->count);
  return table;
}

static void
vat_row (DaftariReportTable *table, const char *section, gboolean total, const char *item, const char *rate,
         gint64 net, gint64 vat)
{
  DaftariReportRow *row = daftari_report_table_row (table, section, total);

  daftari_report_row_text (row, 0, item);
  daftari_report_row_text (row, 1, rate);
  daftari_report_row_number (row, 2, net);
  daftari_report_row_number (row, 3, vat);
}

DaftariReportTable *
daftari_vat_report_table (const DaftariVatReport *report, DaftariBook *book)
{
  /* The order of DaftariVatRate; rate keys as invoices store them. */
  static const char *const rates[DAFTARI_REPORT_VAT_RATES] = { "16", "8", "0", "exempt" };
  DaftariReportTable *table = table_new (book, "vat", _("VAT summary"));
  gint64 net = 0, paid = 0;

  daftari_report_table_period (table, report->period.from_day, report->period.to_day);
  daftari_report_table_column (table, "item", _("Item"), DAFTARI_REPORT_TEXT);
  daftari_report_table_column (table, "rate", _("Rate"), DAFTARI_REPORT_TEXT);
  daftari_report_table_column (table, "net", _("Net"), DAFTARI_REPORT_MONEY);
  daftari_report_table_column (table, "vat", _("VAT"), DAFTARI_REPORT_MONEY);
  for (int i = 0; i < DAFTARI_REPORT_VAT_RATES; i++)
    {
      net += report->sales_net[i] - report->voided_net[i];
      if (report->sales_net[i] != 0 || report->sales_vat[i] != 0)
        vat_row (table, "output", FALSE, _("Sales invoiced"), rates[i], report->sales_net[i], report->sales_vat[i]);
      if (report->voided_net[i] != 0 || report->voided_vat[i] != 0)
        vat_row (table, "output", FALSE, _("Invoices voided"), rates[i], -report->voided_net[i],
                 -report->voided_vat[i]);
    }
  vat_row (table, "output_total", TRUE, _("Output VAT"), NULL, net, report->output_vat);
  for (guint i = 0; i < report->purchases->len; i++)
    {
      const DaftariInputVatRow *purchase = g_ptr_array_index (report->purchases, i);
      g_autofree char *day = daftari_day_format (purchase->day);
      g_autofree char *item = g_strdup_printf ("%s %s", day, purchase->description);
      vat_row (table, "input", FALSE, item, NULL, purchase->amount - purchase->vat, purchase->vat);
      paid += purchase->amount - purchase->vat;
    }
  vat_row (table, "input_total", TRUE, _("Input VAT (receipts)"), NULL, paid, report->input_vat);
  vat_row (table, "net", TRUE, _("Net VAT payable (output − input)"), NULL, net - paid, report->net_vat);
  daftari_report_table_fact (table, "output_vat", _("Output VAT"), DAFTARI_REPORT_MONEY, report->output_vat);
  daftari_report_table_fact (table, "input_vat", _("Input VAT"), DAFTARI_REPORT_MONEY, report->input_vat);
  daftari_report_table_fact (table, "net_vat", _("Net VAT payable"), DAFTARI_REPORT_MONEY, report->net_vat);
  daftari_report_table_fact (table, "invoices", _("Invoices issued"), DAFTARI_REPORT_COUNT, report->invoices);
  return table;
}
