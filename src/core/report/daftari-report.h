/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-account.h"
#include "daftari-book.h"
#include "daftari-calendar.h"

G_BEGIN_DECLS

/* Reports over a book (docs/reports.md). Every amount is gint64 minor units
 * of the book currency unless a row says otherwise (cash flow per wallet is
 * in the wallet's own commodity). Periods are whole days of the book's time
 * zone. Each report is a plain struct; daftari-report-table.h turns any of
 * them into one table shape that is written as text, CSV or JSON. */

typedef struct {
  DaftariDay from_day;
  DaftariDay to_day;
  gint64     from_ts;      /* the first second of from_day */
  gint64     to_ts;        /* the last second of to_day */
} DaftariPeriod;

/* Refuses a period that ends before it starts. */
gboolean daftari_period_init (DaftariPeriod *period,
                              DaftariBook   *book,
                              DaftariDay     from_day,
                              DaftariDay     to_day,
                              GError       **error);
/* The whole of a month. */
void     daftari_period_month (DaftariPeriod *period,
                               DaftariBook   *book,
                               DaftariMonth   month);

/* One category's figures, one per column of its report; signed as people
 * read them: income and expenses both positive when they grow. */
typedef struct {
  gint64  account_id;      /* 0 for a total line */
  char   *name;
  gint64 *values;
} DaftariReportLine;

typedef struct {
  guint              n_columns;
  GPtrArray         *income;         /* of DaftariReportLine*, by name; all-zero ones left out */
  GPtrArray         *expense;
  DaftariReportLine *total_income;
  DaftariReportLine *total_expense;
  DaftariReportLine *net;            /* income − expense */
} DaftariCategoryTotals;

/* The month pivot: column 0 the month, 1 the month before, 2 the same
 * month a year earlier. */
typedef struct {
  DaftariMonth           month;
  DaftariCategoryTotals *totals;
} DaftariMonthlyReport;

/* Profit and loss: column 0 the whole period; with by_month, column i
 * (1 ≤ i ≤ months->len) the part of the period in months[i − 1]. */
typedef struct {
  DaftariPeriod          period;
  GArray                *months;      /* of DaftariMonth; empty without by_month */
  DaftariCategoryTotals *totals;
} DaftariPnlReport;

/* One wallet over a period, in its own commodity. closing − opening equals
 * money_in − money_out + transfers_in − transfers_out − fees. */
typedef struct {
  gint64                  wallet_id;   /* 0 for the total line */
  char                   *name;
  const DaftariCommodity *commodity;
  gint64 opening;
  gint64 money_in;        /* from outside the wallets: sales, income, loans, customers */
  gint64 money_out;       /* to outside the wallets, fees apart */
  gint64 transfers_in;    /* from another wallet */
  gint64 transfers_out;   /* to another wallet, fees apart */
  gint64 fees;            /* M-PESA and bank charges paid from the wallet */
  gint64 closing;
} DaftariCashflowRow;

typedef struct {
  DaftariPeriod       period;
  GPtrArray          *wallets;    /* of DaftariCashflowRow* */
  DaftariCashflowRow *total;      /* wallets in the book currency only */
} DaftariCashflowReport;

typedef struct {
  gint64                  account_id;  /* 0 for computed lines (retained earnings, …) */
  char                   *name;
  const DaftariCommodity *commodity;
  gint64                  amount;      /* in the account's commodity */
  gint64                  value;       /* in the book currency, at the date's rate for wallets */
  gboolean                has_rate;    /* FALSE: a foreign wallet valued at cost, no rate yet */
} DaftariBalanceLine;

typedef struct {
  DaftariDay  as_of;
  GPtrArray  *assets;        /* of DaftariBalanceLine*: wallets, then receivables */
  GPtrArray  *liabilities;   /* Fuliza, VAT payable, … (positive: owed) */
  GPtrArray  *equity;        /* opening balances, retained earnings, revaluation */
  gint64      total_assets;
  gint64      total_liabilities;
  gint64      total_equity;
  /* total_assets − total_liabilities − total_equity: 0 in a sound book. */
  gint64      difference;
} DaftariBalanceSheet;

typedef struct {
  char  *key;             /* customer id, or the payee's number / name */
  char  *name;
  gint64 amount;
  guint  count;
} DaftariPartyRow;

typedef struct {
  DaftariPeriod period;
  GPtrArray    *invoiced;     /* of DaftariPartyRow*: customers by invoices issued (totals incl. VAT) */
  GPtrArray    *paid;         /* customers by payments received */
  GPtrArray    *payees;       /* by money paid out to expense categories, fees apart */
} DaftariTopReport;

typedef struct {
  gint64 wallet_id;           /* 0: charges no wallet paid (journal entries) */
  char  *name;
  gint64 amount;              /* book currency */
  guint  count;
} DaftariChargesRow;

typedef struct {
  DaftariPeriod period;
  GPtrArray    *wallets;      /* of DaftariChargesRow* */
  gint64        total;
  guint         count;
} DaftariChargesReport;

/* Invoice VAT rates as daftari-invoice.h numbers them. */
#define DAFTARI_REPORT_VAT_RATES 4

typedef struct {
  gint64 txn_id;
  DaftariDay day;
  char  *description;         /* the transaction's payee or memo */
  gint64 amount;              /* what the wallets paid */
  gint64 vat;                 /* the receipt's VAT */
} DaftariInputVatRow;

typedef struct {
  DaftariPeriod period;
  /* Invoices issued in the period, by rate (standard, reduced, zero, exempt). */
  gint64     sales_net[DAFTARI_REPORT_VAT_RATES];
  gint64     sales_vat[DAFTARI_REPORT_VAT_RATES];
  /* Invoices voided in the period (issued in it or before): taken off. */
  gint64     voided_net[DAFTARI_REPORT_VAT_RATES];
  gint64     voided_vat[DAFTARI_REPORT_VAT_RATES];
  guint      invoices;
  guint      voided;
  gint64     output_vat;      /* Σ sales_vat − Σ voided_vat */
  GPtrArray *purchases;       /* of DaftariInputVatRow*: receipts with a VAT field */
  gint64     input_vat;
  gint64     net_vat;         /* output − input: payable when positive */
} DaftariVatReport;

DaftariMonthlyReport  *daftari_report_monthly   (DaftariBook         *book,
                                                 DaftariMonth         month,
                                                 GError             **error);
DaftariPnlReport      *daftari_report_pnl       (DaftariBook         *book,
                                                 const DaftariPeriod *period,
                                                 gboolean             by_month,
                                                 GError             **error);
DaftariCashflowReport *daftari_report_cashflow  (DaftariBook         *book,
                                                 const DaftariPeriod *period,
                                                 GError             **error);
DaftariBalanceSheet   *daftari_report_balance   (DaftariBook         *book,
                                                 DaftariDay           as_of,
                                                 GError             **error);
/* limit: how many of each list (0: all). */
DaftariTopReport      *daftari_report_top       (DaftariBook         *book,
                                                 const DaftariPeriod *period,
                                                 guint                limit,
                                                 GError             **error);
DaftariChargesReport  *daftari_report_charges   (DaftariBook         *book,
                                                 const DaftariPeriod *period,
                                                 GError             **error);
DaftariVatReport      *daftari_report_vat       (DaftariBook         *book,
                                                 const DaftariPeriod *period,
                                                 GError             **error);

void daftari_category_totals_free  (DaftariCategoryTotals *totals);
void daftari_monthly_report_free   (DaftariMonthlyReport  *report);
void daftari_pnl_report_free       (DaftariPnlReport      *report);
void daftari_cashflow_report_free  (DaftariCashflowReport *report);
void daftari_balance_sheet_free    (DaftariBalanceSheet   *report);
void daftari_top_report_free       (DaftariTopReport      *report);
void daftari_charges_report_free   (DaftariChargesReport  *report);
void daftari_vat_report_free       (DaftariVatReport      *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariMonthlyReport, daftari_monthly_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariPnlReport, daftari_pnl_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariCashflowReport, daftari_cashflow_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariBalanceSheet, daftari_balance_sheet_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariTopReport, daftari_top_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariChargesReport, daftari_charges_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariVatReport, daftari_vat_report_free)

G_END_DECLS
