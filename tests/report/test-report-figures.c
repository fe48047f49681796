/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every report's figures on the hand-built book (report-book.h), against
 * figures worked out here from the entries posted. */
#include "report-book.h"

#include "daftari-report.h"
#include "daftari-report-table.h"

static DaftariPeriod
period (ReportBook *rb, DaftariDay from, DaftariDay to)
{
  g_autoptr(GError) error = NULL;
  DaftariPeriod p;

  g_assert_true (daftari_period_init (&p, rb->tb->book, from, to, &error));
  g_assert_no_error (error);
  return p;
}

static const DaftariReportLine *
line (GPtrArray *lines, const char *name)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const DaftariReportLine *l = g_ptr_array_index (lines, i);
      if (g_str_equal (l->name, name))
        return l;
    }
  g_error ("no line %s", name);
}

static gint64
value_of (GPtrArray *lines, const char *name, guint column)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const DaftariReportLine *l = g_ptr_array_index (lines, i);
      if (g_str_equal (l->name, name))
        return l->values[column];
    }
  return 0;
}

static void
test_monthly (void)
{
  g_autoptr(ReportBook) rb = report_book_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariMonthlyReport) report = daftari_report_monthly (rb->tb->book, 202501, &error);
  const DaftariCategoryTotals *t;

  g_assert_no_error (error);
  t = report->totals;
  g_assert_cmpuint (t->n_columns, ==, 3);
  /* This month. */
  g_assert_cmpint (value_of (t->income, "Sales", 0), ==, JAN_SALES);
  g_assert_cmpint (value_of (t->expense, "Stock purchases", 0), ==, JAN_STOCK);
  g_assert_cmpint (value_of (t->expense, "Rent", 0), ==, RB_RENT_KCB);
  g_assert_cmpint (value_of (t->expense, "Electricity (KPLC)", 0), ==, RB_KPLC);
  g_assert_cmpint (value_of (t->expense, "M-PESA & bank charges", 0), ==, JAN_CHARGES);
  g_assert_cmpint (t->total_income->values[0], ==, JAN_SALES);
  g_assert_cmpint (t->total_expense->values[0], ==, JAN_EXPENSES);
  g_assert_cmpint (t->net->values[0], ==, JAN_SALES - JAN_EXPENSES);
  /* The month before and the same month a year before. */
  g_assert_cmpint (value_of (t->income, "Sales", 1), ==, RB_SALE_2024_12);
  g_assert_cmpint (value_of (t->expense, "Stock purchases", 1), ==, RB_STOCK_2024_12);
  g_assert_cmpint (value_of (t->expense, "Rent", 1), ==, 0);
  g_assert_cmpint (t->net->values[1], ==, RB_SALE_2024_12 - RB_STOCK_2024_12);
  g_assert_cmpint (value_of (t->income, "Sales", 2), ==, RB_SALE_2024_01);
  g_assert_cmpint (value_of (t->expense, "Rent", 2), ==, RB_RENT_2024_01);
  g_assert_cmpint (t->net->values[2], ==, RB_SALE_2024_01 - RB_RENT_2024_01);
  /* Categories with nothing in any of the three months are left out. */
  for (guint i = 0; i < t->expense->len; i++)
    g_assert_cmpstr (((DaftariReportLine *) g_ptr_array_index (t->expense, i))->name, !=, "Water");

  /* The table: changes in amount and in percent (hundredths). */
  {
    g_autoptr(DaftariReportTable) table = daftari_monthly_report_table (report, rb->tb->book);
    const DaftariReportRow *sales = g_ptr_array_index (table->rows, 0);
    g_assert_cmpstr (sales->section, ==, "income");
    g_assert_cmpstr (sales->cells[0].text, ==, "Sales");
    g_assert_cmpint (sales->cells[3].number, ==, JAN_SALES - RB_SALE_2024_12);
    g_assert_cmpint (sales->cells[4].number, ==, (gint64) (JAN_SALES - RB_SALE_2024_12) * 10000 / RB_SALE_2024_12);
    g_assert_cmpint (sales->cells[6].number, ==, JAN_SALES - RB_SALE_2024_01);
    /* Rent had nothing the month before: no percentage. */
    for (guint r = 0; r < table->rows->len; r++)
      {
        const DaftariReportRow *row = g_ptr_array_index (table->rows, r);
        if (g_strcmp0 (row->cells[0].text, "Rent") == 0)
          g_assert_true (row->cells[4].empty);
      }
  }
}

static void
test_pnl (void)
{
  g_autoptr(ReportBook) rb = report_book_new ();
  g_autoptr(GError) error = NULL;
  DaftariPeriod p = period (rb, 20250106, 20250210);
  g_autoptr(DaftariPnlReport) report = daftari_report_pnl (rb->tb->book, &p, TRUE, &error);
  const DaftariCategoryTotals *t;

  g_assert_no_error (error);
  t = report->totals;
  g_assert_cmpuint (report->months->len, ==, 2);
  g_assert_cmpint (g_array_index (report->months, DaftariMonth, 0), ==, 202501);
  /* From the 6th: the sale of the 5th is out, February's is in. */
  g_assert_cmpint (value_of (t->income, "Sales", 0), ==, JAN_SALES - RB_SALE_MPESA + RB_SALE_2025_02);
  g_assert_cmpint (value_of (t->income, "Sales", 1), ==, JAN_SALES - RB_SALE_MPESA);
  g_assert_cmpint (value_of (t->income, "Sales", 2), ==, RB_SALE_2025_02);
  g_assert_cmpint (t->total_expense->values[0], ==, JAN_EXPENSES);
  g_assert_cmpint (t->total_expense->values[2], ==, 0);
  g_assert_cmpint (t->net->values[0], ==, JAN_SALES - RB_SALE_MPESA + RB_SALE_2025_02 - JAN_EXPENSES);
  g_assert_cmpint (line (t->expense, "Rent")->values[1], ==, RB_RENT_KCB);
}

/* Whole months only (the aggregate path) and ragged ends (the split path)
 * must agree with the same sums done day by day. */
static void
test_pnl_spans_agree (void)
{
  g_autoptr(ReportBook) rb = report_book_new ();
  g_autoptr(GError) error = NULL;
  gint64 by_days = 0;

  for (DaftariDay d = 20241201; d <= 20241231; d++)
    {
      DaftariPeriod p = period (rb, d, d);
      g_autoptr(DaftariPnlReport) day = daftari_report_pnl (rb->tb->book, &p, FALSE, &error);
      g_assert_no_error (error);
      by_days += day->totals->net->values[0];
    }
  for (DaftariDay d = 20250101; d <= 20250131; d++)
    {
      DaftariPeriod p = period (rb, d, d);
      g_autoptr(DaftariPnlReport) day = daftari_report_pnl (rb->tb->book, &p, FALSE, &error);
      g_assert_no_error (error);
      by_days += day->totals->net->values[0];
    }
  {
    DaftariPeriod p = period (rb, 20241201, 20250131);
    g_autoptr(DaftariPnlReport) whole = daftari_report_pnl (rb->tb->book, &p, FALSE, &error);
    g_assert_no_error (error);
    g_assert_cmpint (whole->totals->net->values[0], ==, by_days);
    g_assert_cmpint (by_days, ==, RB_SALE_2024_12 - RB_STOCK_2024_12 + JAN_SALES - JAN_EXPENSES);
  }
}

static const DaftariCashflowRow *
wallet_row (const DaftariCashflowReport *report, gint64 id)
{
  for (guint i = 0; i < report->wallets->len; i++)
    {
      const DaftariCashflowRow *row = g_ptr_array_index (report->wallets, i);
      if (row->wallet_id == id)
        return row;
    }
  g_error ("no wallet %" G_GINT64_FORMAT, id);
}

static void
assert_flows (const DaftariCashflowRow *row, gint64 opening, gint64 in, gint64 out, gint64 t_in, gint64 t_out,
              gint64 fees)
{
  g_assert_cmpint (row->opening, ==, opening);
  g_assert_cmpint (row->money_in, ==, in);
  g_assert_cmpint (row->money_out, ==, out);
  g_assert_cmpint (row->transfers_in, ==, t_in);
  g_assert_cmpint (row->transfers_out, ==, t_out);
  g_assert_cmpint (row->fees, ==, fees);
  /* The identity: the flows are all that moved the balance. */
  g_assert_cmpint (row->closing - row->opening, ==, in - out + t_in - t_out - fees);
}

static void
test_cashflow (void)
{
  g_autoptr(ReportBook) rb = report_book_new ();
  g_autoptr(GError) error = NULL;
  DaftariPeriod p = period (rb, 20250101, 20250131);
  g_autoptr(DaftariCashflowReport) report = daftari_report_cashflow (rb->tb->book, &p, &error);
  TestBook *tb = rb->tb;
  gint64 closing;

  g_assert_no_error (error);
  assert_flows (wallet_row (report, tb->mpesa), RB_SALE_2024_01 - RB_RENT_2024_01,
                RB_OPENING_MPESA + RB_SALE_MPESA + RB_PAY1, RB_STOCK_MPESA + RB_KPLC + RB_POCHI,
                RB_TRANSFER_IN, RB_FLOAT, RB_KPLC_FEE);
  assert_flows (wallet_row (report, tb->kcb), RB_SALE_2024_12 - RB_STOCK_2024_12,
                RB_OPENING_KCB + RB_SALE_KCB + RB_PAY2, RB_RENT_KCB, 0, RB_TRANSFER_IN, RB_TRANSFER_FEE);
  assert_flows (wallet_row (report, tb->cash), 0, 0, 0, RB_FLOAT, 0, 0);
  assert_flows (wallet_row (report, tb->overdraft), 0, 0, 0, 0, 0, 0);
  assert_flows (wallet_row (report, rb->bitcoin), 0, RB_BTC_SATS, 0, 0, 0, 0);
  g_assert_true (wallet_row (report, rb->bitcoin)->commodity == daftari_commodity_lookup ("BTC"));

  /* Closing balances as the ledger's own balance query has them. */
  g_assert_true (daftari_query_balance (tb->book, tb->mpesa, p.to_ts, &closing, &error));
  g_assert_cmpint (wallet_row (report, tb->mpesa)->closing, ==, closing);
  g_assert_true (daftari_query_balance (tb->book, tb->kcb, p.to_ts, &closing, &error));
  g_assert_cmpint (wallet_row (report, tb->kcb)->closing, ==, closing);

  /* The total covers the KES wallets: transfers between them cancel. */
  g_assert_cmpint (report->total->transfers_in, ==, report->total->transfers_out + RB_FLOAT - RB_FLOAT);
  g_assert_cmpint (report->total->fees, ==, JAN_CHARGES);
  g_assert_cmpint (report->total->closing - report->total->opening, ==,
                   report->total->money_in - report->total->money_out + report->total->transfers_in -
                   report->total->transfers_out - report->total->fees);

  /* And for a span inside the month, from day to day. */
  {
    DaftariPeriod mid = period (rb, 20250110, 20250113);
    g_autoptr(DaftariCashflowReport) part = daftari_report_cashflow (rb->tb->book, &mid, &error);
    g_assert_no_error (error);
    assert_flows (wallet_row (part, tb->mpesa), RB_SALE_2024_01 - RB_RENT_2024_01 + RB_OPENING_MPESA + RB_SALE_MPESA
                  - RB_STOCK_MPESA, 0, RB_KPLC, RB_TRANSFER_IN, RB_FLOAT, RB_KPLC_FEE);
  }
}

/* Whole months come from the ledger's month flows and ragged ends from the
 * transactions: both ways must agree with adding up single days, which
 * never use the months. */
static void
add_row (DaftariCashflowRow *sum, const DaftariCashflowRow *row)
{
  sum->money_in += row->money_in;
  sum->money_out += row->money_out;
  sum->transfers_in += row->transfers_in;
  sum->transfers_out += row->transfers_out;
  sum->fees += row->fees;
}

static void
assert_span_is_its_days (ReportBook *rb, DaftariDay from, DaftariDay to)
{
  g_autoptr(GError) error = NULL;
  DaftariPeriod whole_period = period (rb, from, to);
  g_autoptr(DaftariCashflowReport) whole = daftari_report_cashflow (rb->tb->book, &whole_period, &error);
  g_autofree DaftariCashflowRow *by_days = NULL;
  DaftariCalendar *calendar = daftari_book_get_calendar (rb->tb->book);
  DaftariDay day = from;

  g_assert_no_error (error);
  by_days = g_new0 (DaftariCashflowRow, whole->wallets->len);
  for (;;)
    {
      DaftariPeriod p = period (rb, day, day);
      g_autoptr(DaftariCashflowReport) one = daftari_report_cashflow (rb->tb->book, &p, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < whole->wallets->len; i++)
        {
          const DaftariCashflowRow *row = g_ptr_array_index (whole->wallets, i);
          add_row (&by_days[i], wallet_row (one, row->wallet_id));
        }
      if (day == to)
        break;
      day = daftari_calendar_day_of (calendar, daftari_calendar_day_end (calendar, day) + 1);
    }
  for (guint i = 0; i < whole->wallets->len; i++)
    {
      const DaftariCashflowRow *row = g_ptr_array_index (whole->wallets, i);
      assert_flows (row, row->opening, by_days[i].money_in, by_days[i].money_out, by_days[i].transfers_in,
                    by_days[i].transfers_out, by_days[i].fees);
    }
}

static void
test_cashflow_spans_agree (void)
{
  g_autoptr(ReportBook) rb = report_book_new ();

  assert_span_is_its_days (rb, 20240101, 20250131);   /* whole months only */
  assert_span_is_its_days (rb, 20240115, 20250120);   /* ragged at both ends */
  assert_span_is_its_days (rb, 20241201, 20250112);   /* a month, then part of one */
}

static const DaftariBalanceLine *
balance_line (GPtrArray *lines, gint64 account_id, const char *name)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const DaftariBalanceLine *l = g_ptr_array_index (lines, i);
      if ((account_id && l->account_id == account_id) || (name && g_str_has_prefix (l->name, name)))
        return l;
    }
  return NULL;
}

static void
test_balance_sheet (void)
{
  g_autoptr(ReportBook) rb = report_book_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariBalanceSheet) sheet = daftari_report_balance (rb->tb->book, 20250131, &error);
  TestBook *tb = rb->tb;
  gint64 mpesa = RB_SALE_2024_01 - RB_RENT_2024_01 + RB_OPENING_MPESA + RB_SALE_MPESA + RB_PAY1 - RB_STOCK_MPESA
                 - RB_KPLC - RB_POCHI - RB_KPLC_FEE + RB_TRANSFER_IN - RB_FLOAT;
  gint64 kcb = RB_SALE_2024_12 - RB_STOCK_2024_12 + RB_OPENING_KCB + RB_SALE_KCB + RB_PAY2 - RB_RENT_KCB
               - RB_TRANSFER_IN - RB_TRANSFER_FEE;
  gint64 receivable = RB_INV1_NET16 + RB_INV1_VAT16 + RB_INV1_EXEMPT - RB_PAY1;
  gint64 vat = RB_INV1_VAT16 + RB_INV2_VAT8;
  gint64 retained = RB_SALE_2024_01 + RB_SALE_2024_12 + JAN_SALES - RB_RENT_2024_01 - RB_STOCK_2024_12 - JAN_EXPENSES;
  gint64 opening = RB_OPENING_MPESA + RB_OPENING_KCB + BTC_VALUE (RB_BTC_RATE_1);
  gint64 gain = BTC_VALUE (RB_BTC_RATE_2) - BTC_VALUE (RB_BTC_RATE_1);
  gint64 assets = mpesa + kcb + RB_FLOAT + BTC_VALUE (RB_BTC_RATE_2) + receivable;

  g_assert_no_error (error);
  g_assert_cmpint (balance_line (sheet->assets, tb->mpesa, NULL)->value, ==, mpesa);
  g_assert_cmpint (balance_line (sheet->assets, tb->kcb, NULL)->value, ==, kcb);
  g_assert_cmpint (balance_line (sheet->assets, tb->cash, NULL)->value, ==, RB_FLOAT);
  /* Bitcoin at the latest rate on or before the day. */
  g_assert_cmpint (balance_line (sheet->assets, rb->bitcoin, NULL)->amount, ==, RB_BTC_SATS);
  g_assert_cmpint (balance_line (sheet->assets, rb->bitcoin, NULL)->value, ==, BTC_VALUE (RB_BTC_RATE_2));
  g_assert_cmpint (balance_line (sheet->assets, 0, "Accounts Receivable")->value, ==, receivable);
  g_assert_cmpint (balance_line (sheet->liabilities, 0, "VAT payable")->value, ==, vat);
  g_assert_cmpint (balance_line (sheet->liabilities, 0, "Fuliza")->value, ==, 0);
  g_assert_cmpint (balance_line (sheet->equity, 0, "Opening balances")->value, ==, opening);
  g_assert_cmpint (balance_line (sheet->equity, 0, "Retained earnings")->value, ==, retained);
  g_assert_cmpint (balance_line (sheet->equity, 0, "Unrealised")->value, ==, gain);
  g_assert_cmpint (sheet->total_assets, ==, assets);
  g_assert_cmpint (sheet->total_liabilities, ==, vat);
  g_assert_cmpint (sheet->total_equity, ==, opening + retained + gain);
  /* Assets = liabilities + equity, worked out by hand and by the report. */
  g_assert_cmpint (assets, ==, vat + opening + retained + gain);
  g_assert_cmpint (sheet->difference, ==, 0);

  /* Mid-month: bitcoin still at the first rate, so no gain. */
  {
    g_autoptr(DaftariBalanceSheet) mid = daftari_report_balance (rb->tb->book, 20250115, &error);
    g_assert_no_error (error);
    g_assert_cmpint (balance_line (mid->assets, rb->bitcoin, NULL)->value, ==, BTC_VALUE (RB_BTC_RATE_1));
    g_assert_null (balance_line (mid->equity, 0, "Unrealised"));
    g_assert_cmpint (mid->difference, ==, 0);
  }
}

static void
assert_party (GPtrArray *rows, guint index, const char *name, gint64 amount, guint count)
{
  const DaftariPartyRow *row;

  g_assert_cmpuint (rows->len, >, index);
  row = g_ptr_array_index (rows, index);
  g_assert_cmpstr (row->name, ==, name);
  g_assert_cmpint (row->amount, ==, amount);
  g_assert_cmpuint (row->count, ==, count);
}

static void
test_top (void)
{
  g_autoptr(ReportBook) rb = report_book_new ();
  g_autoptr(GError) error = NULL;
  DaftariPeriod p = period (rb, 20250101, 20250131);
  g_autoptr(DaftariTopReport) top = daftari_report_top (rb->tb->book, &p, 10, &error);

  g_assert_no_error (error);
  /* The voided invoice is not counted. */
  g_assert_cmpuint (top->invoiced->len, ==, 2);
  assert_party (top->invoiced, 0, "Baraka Hardware", RB_INV1_NET16 + RB_INV1_VAT16 + RB_INV1_EXEMPT, 1);
  assert_party (top->invoiced, 1, "Amina Stores", RB_INV2_NET8 + RB_INV2_VAT8, 1);
  assert_party (top->paid, 0, "Baraka Hardware", RB_PAY1, 1);
  assert_party (top->paid, 1, "Amina Stores", RB_PAY2, 1);
  /* Payees by money out, fees apart; the Pochi phone normalised. */
  g_assert_cmpuint (top->payees->len, ==, 2);
  assert_party (top->payees, 0, "KPLC PREPAID", RB_KPLC, 1);
  g_assert_cmpstr (((DaftariPartyRow *) g_ptr_array_index (top->payees, 0))->key, ==, "paybill:888880");
  g_assert_cmpint (((DaftariPartyRow *) g_ptr_array_index (top->payees, 1))->amount, ==, RB_POCHI);

  {
    g_autoptr(DaftariTopReport) one = daftari_report_top (rb->tb->book, &p, 1, &error);
    g_assert_cmpuint (one->invoiced->len, ==, 1);
    g_assert_cmpuint (one->payees->len, ==, 1);
  }
}

static void
test_charges (void)
{
  g_autoptr(ReportBook) rb = report_book_new ();
  g_autoptr(GError) error = NULL;
  DaftariPeriod p = period (rb, 20250101, 20250131);
  g_autoptr(DaftariChargesReport) charges = daftari_report_charges (rb->tb->book, &p, &error);

  g_assert_no_error (error);
  g_assert_cmpint (charges->total, ==, JAN_CHARGES);
  g_assert_cmpuint (charges->count, ==, 2);
  g_assert_cmpuint (charges->wallets->len, ==, 2);
  /* Largest first: KCB's bank charge, then M-PESA's. */
  g_assert_cmpint (((DaftariChargesRow *) g_ptr_array_index (charges->wallets, 0))->wallet_id, ==, rb->tb->kcb);
  g_assert_cmpint (((DaftariChargesRow *) g_ptr_array_index (charges->wallets, 0))->amount, ==, RB_TRANSFER_FEE);
  g_assert_cmpint (((DaftariChargesRow *) g_ptr_array_index (charges->wallets, 1))->wallet_id, ==, rb->tb->mpesa);
  g_assert_cmpint (((DaftariChargesRow *) g_ptr_array_index (charges->wallets, 1))->amount, ==, RB_KPLC_FEE);
  {
    DaftariPeriod feb = period (rb, 20250201, 20250228);
    g_autoptr(DaftariChargesReport) none = daftari_report_charges (rb->tb->book, &feb, &error);
    g_assert_cmpint (none->total, ==, 0);
    g_assert_cmpuint (none->wallets->len, ==, 0);
  }
}

static void
test_vat (void)
{
  g_autoptr(ReportBook) rb = report_book_new ();
  g_autoptr(GError) error = NULL;
  DaftariPeriod p = period (rb, 20250101, 20250131);
  g_autoptr(DaftariVatReport) vat = daftari_report_vat (rb->tb->book, &p, &error);
  gint64 output = RB_INV1_VAT16 + RB_INV2_VAT8, input = RB_RENT_VAT + RB_STOCK_VAT;

  g_assert_no_error (error);
  g_assert_cmpuint (vat->invoices, ==, 3);
  g_assert_cmpuint (vat->voided, ==, 1);
  g_assert_cmpint (vat->sales_net[0], ==, RB_INV1_NET16 + RB_INV3_NET16);
  g_assert_cmpint (vat->sales_vat[0], ==, RB_INV1_VAT16 + RB_INV3_VAT16);
  g_assert_cmpint (vat->sales_net[1], ==, RB_INV2_NET8);
  g_assert_cmpint (vat->sales_vat[1], ==, RB_INV2_VAT8);
  g_assert_cmpint (vat->sales_net[3], ==, RB_INV1_EXEMPT);
  g_assert_cmpint (vat->sales_vat[3], ==, 0);
  g_assert_cmpint (vat->voided_vat[0], ==, RB_INV3_VAT16);
  g_assert_cmpint (vat->output_vat, ==, output);
  g_assert_cmpuint (vat->purchases->len, ==, 2);
  g_assert_cmpint (vat->input_vat, ==, input);
  g_assert_cmpint (vat->net_vat, ==, output - input);
  /* The rent receipt's purchase: what KCB paid. */
  {
    const DaftariInputVatRow *rent = g_ptr_array_index (vat->purchases, 1);
    g_assert_cmpint (rent->amount, ==, RB_RENT_KCB);
    g_assert_cmpint (rent->vat, ==, RB_RENT_VAT);
    g_assert_cmpint (rent->day, ==, 20250108);
  }
  /* The output VAT is what VAT payable holds at the end of the month. */
  {
    g_autoptr(DaftariBalanceSheet) sheet = daftari_report_balance (rb->tb->book, 20250131, &error);
    g_assert_cmpint (sheet->total_liabilities, ==, vat->output_vat);
  }
  /* Voided in February, issued in January: taken off in February. */
  {
    DaftariPeriod feb = period (rb, 20250201, 20250228);
    g_autoptr(DaftariVatReport) none = daftari_report_vat (rb->tb->book, &feb, &error);
    g_assert_cmpint (none->output_vat, ==, 0);
    g_assert_cmpint (none->input_vat, ==, 0);
  }
}

static void
test_table_writers (void)
{
  g_autoptr(ReportBook) rb = report_book_new ();
  g_autoptr(GError) error = NULL;
  DaftariPeriod p = period (rb, 20250101, 20250131);
  g_autoptr(DaftariChargesReport) charges = daftari_report_charges (rb->tb->book, &p, &error);
  g_autoptr(DaftariReportTable) table = daftari_charges_report_table (charges, rb->tb->book);
  g_autofree char *csv = daftari_report_table_to_csv (table);
  g_autoptr(JsonNode) json = daftari_report_table_to_json (table);
  g_autofree char *expected = g_strdup_printf ("section,wallet,amount,count\r\n"
                                               "wallet,KCB,%d.%02d,1\r\n"
                                               "wallet,M-PESA,%d.%02d,1\r\n"
                                               "total,Total,%d.%02d,2\r\n",
                                               RB_TRANSFER_FEE / 100, RB_TRANSFER_FEE % 100,
                                               RB_KPLC_FEE / 100, RB_KPLC_FEE % 100,
                                               JAN_CHARGES / 100, JAN_CHARGES % 100);
  JsonObject *root = json_node_get_object (json);
  JsonArray *rows = json_object_get_array_member (root, "rows");

  g_assert_cmpstr (csv, ==, expected);
  g_assert_cmpstr (json_object_get_string_member (root, "report"), ==, "charges");
  g_assert_cmpstr (json_object_get_string_member (root, "from"), ==, "2025-01-01");
  g_assert_cmpuint (json_array_get_length (rows), ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (rows, 2), "amount_minor"), ==,
                   JAN_CHARGES);
}

static void
test_bad_period (void)
{
  g_autoptr(ReportBook) rb = report_book_new ();
  g_autoptr(GError) error = NULL;
  DaftariPeriod p;

  g_assert_false (daftari_period_init (&p, rb->tb->book, 20250131, 20250101, &error));
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID);
}

int
main (int argc, char **argv)
{
  test_common_init (&argc, &argv);
  g_test_add_func ("/report/monthly", test_monthly);
  g_test_add_func ("/report/pnl", test_pnl);
  g_test_add_func ("/report/pnl-spans-agree", test_pnl_spans_agree);
  g_test_add_func ("/report/cashflow", test_cashflow);
  g_test_add_func ("/report/cashflow-spans-agree", test_cashflow_spans_agree);
  g_test_add_func ("/report/balance-sheet", test_balance_sheet);
  g_test_add_func ("/report/top", test_top);
  g_test_add_func ("/report/charges", test_charges);
  g_test_add_func ("/report/vat", test_vat);
  g_test_add_func ("/report/table-writers", test_table_writers);
  g_test_add_func ("/report/bad-period", test_bad_period);
  return g_test_run ();
}
