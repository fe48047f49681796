/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "test-common.h"

G_BEGIN_DECLS

/* A synthetic business with known habits, all of 2025, for forecasts from
 * 2026-01-01 (FIXTURE_FROM):
 *   sales into KCB every day, KES 1,000 +- 300 (seeded), stock KES 400 a day:
 *     the baseline's true rate is KES 600 a day;
 *   rent KES 30,000 on the 1st and wages KES 5,000 every Friday, from KCB,
 *     as schedules posted through 2025 (so history holds scheduled posts);
 *   customer A always pays 10 days after the due date, into M-PESA;
 *   customer B 2 days before it, into KCB; customer C has no history;
 *   open on 2026-01-01: A's overdue invoice, A's newer one (part paid), B's
 *   and C's. */
#define FIXTURE_FROM 20260101
#define FIXTURE_RENT 3000000
#define FIXTURE_WAGES 500000
#define FIXTURE_RATE 60000           /* the baseline, minor units a day */

typedef struct {
  TestBook *tb;
  gint64    a_overdue, a_open, b_open, c_open;   /* invoice ids */
  gint64    a_overdue_owed, a_open_owed, b_open_owed, c_open_owed;
  DaftariDay a_open_due, b_open_due, c_open_due;
} CashflowFixture;

CashflowFixture *cashflow_fixture_new  (void);
void             cashflow_fixture_free (CashflowFixture *fixture);

G_END_DECLS
