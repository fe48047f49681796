/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "test-common.h"

G_BEGIN_DECLS

/* The hand-built book every report test reads (tests/report/report-book.c
 * says what is posted, day by day). Amounts are cents; the tests work out
 * the figures they expect from these, not from the code under test. */

/* 2024-01 (the pivot's "a year ago"). */
#define RB_SALE_2024_01   80000   /* Sales into M-PESA, 2024-01-10 */
#define RB_RENT_2024_01   30000   /* Rent from M-PESA, 2024-01-20 */
/* 2024-12 (the pivot's "previous month"). */
#define RB_SALE_2024_12  100000   /* Sales into KCB, 2024-12-15 */
#define RB_STOCK_2024_12  40000   /* Stock from KCB, 2024-12-20 */
/* 2025-01, the pivot month. The TestBook openings (M-PESA 10,000,
 * KCB 1,000,000) are on 2025-01-01. */
#define RB_OPENING_MPESA 1000000
#define RB_OPENING_KCB   100000000
#define RB_SALE_MPESA    250000   /* 01-05, memo with a comma */
#define RB_SALE_KCB      150000   /* 01-06 */
#define RB_STOCK_MPESA    70000   /* 01-07, with a receipt (vat_minor) */
#define RB_RENT_KCB      500000   /* 01-08, with a receipt ({"vat": {"value": …}}) */
#define RB_KPLC          120000   /* 01-10 Paybill 888880 from M-PESA … */
#define RB_KPLC_FEE        2300   /* … with this charge */
#define RB_TRANSFER_IN   300000   /* 01-12 KCB → M-PESA … */
#define RB_TRANSFER_FEE    5000   /* … with this bank charge */
#define RB_FLOAT          50000   /* 01-13 M-PESA → Cash, memo with , " and a line break */
#define RB_POCHI          20000   /* 01-14 Pochi 0712345678 from M-PESA, Stock */
/* Invoices: 1 (Baraka, 01-15): 10 × 750.00 at 16% + 1 × 500.00 exempt;
 * 2 (Amina, 01-16): 1 × 1,000.00 at 8%; 3 (Baraka, 01-17): 1 × 100.00 at
 * 16%, voided 01-18. */
#define RB_INV1_NET16    750000
#define RB_INV1_VAT16    120000
#define RB_INV1_EXEMPT    50000
#define RB_INV2_NET8     100000
#define RB_INV2_VAT8       8000
#define RB_INV3_NET16     10000
#define RB_INV3_VAT16      1600
#define RB_PAY1          500000   /* 01-20 Baraka pays into M-PESA */
#define RB_PAY2          108000   /* 01-21 Amina pays invoice 2 in full into KCB */
#define RB_RENT_VAT       68966   /* the rent receipt's VAT */
#define RB_STOCK_VAT       9655   /* the stock receipt's VAT */
/* Bitcoin: 0.01 BTC opening on 01-02 at KES 9,000,000; a rate of
 * 10,000,000 from 01-20. */
#define RB_BTC_SATS     1000000
#define RB_BTC_RATE_1   9000000
#define RB_BTC_RATE_2  10000000
/* 2025-02. */
#define RB_SALE_2025_02   10000   /* Sales into M-PESA, 02-03 */

/* Income and expenses of 2025-01, as posted. */
#define JAN_SALES (RB_SALE_MPESA + RB_SALE_KCB + RB_INV1_NET16 + RB_INV1_EXEMPT + RB_INV2_NET8)
#define JAN_STOCK (RB_STOCK_MPESA + RB_POCHI)
#define JAN_CHARGES (RB_KPLC_FEE + RB_TRANSFER_FEE)
#define JAN_EXPENSES (JAN_STOCK + RB_RENT_KCB + RB_KPLC + JAN_CHARGES)
#define BTC_VALUE(rate) ((gint64) RB_BTC_SATS * (rate) * 100 / 100000000)

typedef struct {
  TestBook *tb;
  gint64    bitcoin;
  gint64    kplc_category;
  gint64    baraka, amina;
  gint64    float_txn;
} ReportBook;

ReportBook *report_book_new  (void);
void        report_book_free (ReportBook *rb);
/* The book's local noon of a day given as YYYYMMDD. */
gint64      report_book_noon (ReportBook *rb,
                              DaftariDay  day);

#define RB_FLOAT_MEMO "Float, \"petty\"\ncash"
#define RB_SALE_MEMO  "Sugar, flour"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReportBook, report_book_free)

G_END_DECLS
