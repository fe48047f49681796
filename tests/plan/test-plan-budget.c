/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Budgets: the pace rule at its edges, and a month's report on a real book. */
#include "test-common.h"

#include "daftari-budget.h"

/* A 30-day month, KES 1,000.00 budgeted (100000 minor units). */
static void
test_pace_edges (void)
{
  /* Half the month gone: ahead only past 50% + 10 points. */
  g_assert_cmpint (daftari_budget_state (100000, 60000, 15, 30), ==, DAFTARI_BUDGET_ON_TRACK);
  g_assert_cmpint (daftari_budget_state (100000, 60001, 15, 30), ==, DAFTARI_BUDGET_AHEAD);
  /* Day 1 (3.3%): the floor holds the warning back until half is spent. */
  g_assert_cmpint (daftari_budget_state (100000, 49999, 1, 30), ==, DAFTARI_BUDGET_ON_TRACK);
  g_assert_cmpint (daftari_budget_state (100000, 50000, 1, 30), ==, DAFTARI_BUDGET_AHEAD);
  /* Day 27 (90%): 100% spent is exactly the pace plus the margin. */
  g_assert_cmpint (daftari_budget_state (100000, 100000, 27, 30), ==, DAFTARI_BUDGET_ON_TRACK);
  g_assert_cmpint (daftari_budget_state (100000, 99999, 26, 30), ==, DAFTARI_BUDGET_AHEAD);
  /* Over is over, on any day; a month that is over has no pace. */
  g_assert_cmpint (daftari_budget_state (100000, 100001, 30, 30), ==, DAFTARI_BUDGET_OVER);
  g_assert_cmpint (daftari_budget_state (100000, 100001, 2, 30), ==, DAFTARI_BUDGET_OVER);
  g_assert_cmpint (daftari_budget_state (100000, 99000, 30, 30), ==, DAFTARI_BUDGET_ON_TRACK);
  /* A month to come (nothing gone by) with spending already half the budget. */
  g_assert_cmpint (daftari_budget_state (100000, 50000, 0, 30), ==, DAFTARI_BUDGET_AHEAD);
  /* A zero budget: anything spent is over. */
  g_assert_cmpint (daftari_budget_state (0, 0, 10, 30), ==, DAFTARI_BUDGET_ON_TRACK);
  g_assert_cmpint (daftari_budget_state (0, 1, 10, 30), ==, DAFTARI_BUDGET_OVER);
}

static const DaftariBudgetLine *
line_for (const DaftariBudgetReport *r, gint64 category)
{
  for (guint i = 0; i < r->lines->len; i++)
    if (g_array_index (r->lines, DaftariBudgetLine, i).category_id == category)
      return &g_array_index (r->lines, DaftariBudgetLine, i);
  g_assert_not_reached ();
}

static DaftariBudgetReport *
report (TestBook *tb, DaftariMonth month, DaftariDay today)
{
  g_autoptr(GError) error = NULL;
  DaftariBudgetReport *r = daftari_budget_report (tb->book, month, today, &error);

  g_assert_no_error (error);
  return r;
}

static void
set (TestBook *tb, gint64 category, DaftariMonth month, gint64 amount)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (daftari_budget_set (tb->book, category, month, amount, &error));
  g_assert_no_error (error);
}

/* February: its own rent budget, the every-month stock budget; the actuals
 * are the month's totals, the variance what is left. */
static void
test_month_report (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(DaftariBudgetReport) feb = NULL;
  g_autoptr(DaftariBudgetReport) mar = NULL;
  g_autoptr(GError) error = NULL;
  DaftariCalendar *calendar = daftari_book_get_calendar (tb->book);
  const DaftariBudgetLine *rent, *stock;

  set (tb, tb->rent, 0, 4000000);
  set (tb, tb->rent, 202502, 5000000);
  set (tb, tb->stock, 0, 2000000);
  set (tb, tb->stock, 0, 3000000);              /* replaces, not adds */
  g_assert_cmpint (test_db_int (tb->path, "SELECT count (*) FROM budget"), ==, 3);

  test_record (tb->book, DAFTARI_TXN_EXPENSE, tb->kcb, tb->rent, 4500000,
               daftari_calendar_day_noon (calendar, 20250203));
  test_record (tb->book, DAFTARI_TXN_EXPENSE, tb->kcb, tb->stock, 1000000,
               daftari_calendar_day_noon (calendar, 20250205));
  test_record (tb->book, DAFTARI_TXN_EXPENSE, tb->kcb, tb->stock, 1000000,
               daftari_calendar_day_noon (calendar, 20250210));
  test_record (tb->book, DAFTARI_TXN_EXPENSE, tb->kcb, tb->stock, 700000,
               daftari_calendar_day_noon (calendar, 20250301));

  /* 14 February: half the month gone. Rent 90% spent: ahead of the pace.
   * Stock 66.7% of KES 30,000: ahead too (> 50% + 10). */
  feb = report (tb, 202502, 20250214);
  g_assert_cmpint (feb->days, ==, 28);
  g_assert_cmpint (feb->elapsed_days, ==, 14);
  g_assert_cmpuint (feb->lines->len, ==, 2);
  rent = line_for (feb, tb->rent);
  g_assert_false (rent->every_month);
  g_assert_cmpint (rent->budget, ==, 5000000);
  g_assert_cmpint (rent->actual, ==, 4500000);
  g_assert_cmpint (rent->variance, ==, 500000);
  g_assert_cmpint (rent->percent, ==, 90);
  g_assert_cmpint (rent->state, ==, DAFTARI_BUDGET_AHEAD);
  stock = line_for (feb, tb->stock);
  g_assert_true (stock->every_month);
  g_assert_cmpint (stock->actual, ==, 2000000);
  g_assert_cmpint (stock->percent, ==, 66);
  g_assert_cmpint (stock->state, ==, DAFTARI_BUDGET_AHEAD);
  g_assert_cmpint (feb->budget, ==, 8000000);
  g_assert_cmpint (feb->actual, ==, 6500000);

  /* March, as on 1 April: the every-month rent; nothing spent on rent. */
  mar = report (tb, 202503, 20250401);
  rent = line_for (mar, tb->rent);
  g_assert_true (rent->every_month);
  g_assert_cmpint (rent->budget, ==, 4000000);
  g_assert_cmpint (rent->actual, ==, 0);
  g_assert_cmpint (rent->variance, ==, 4000000);
  g_assert_cmpint (rent->state, ==, DAFTARI_BUDGET_ON_TRACK);
  g_assert_cmpint (line_for (mar, tb->stock)->actual, ==, 700000);

  /* Income has no budget; nor does a negative amount. Nothing written. */
  g_assert_false (daftari_budget_set (tb->book, tb->sales, 0, 100, &error));
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (daftari_budget_set (tb->book, tb->stock, 0, -1, &error));
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (test_db_int (tb->path, "SELECT count (*) FROM budget"), ==, 3);

  /* Removing February's own rent budget brings the every-month one back. */
  g_assert_true (daftari_budget_remove (tb->book, tb->rent, 202502, &error));
  g_assert_no_error (error);
  g_assert_false (daftari_budget_remove (tb->book, tb->rent, 202502, &error));
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_NOT_FOUND);
  {
    g_autoptr(DaftariBudgetReport) again = report (tb, 202502, 20250214);
    g_assert_cmpint (line_for (again, tb->rent)->budget, ==, 4000000);
    g_assert_cmpint (line_for (again, tb->rent)->state, ==, DAFTARI_BUDGET_OVER);
  }
}

int
main (int argc, char **argv)
{
  test_common_init (&argc, &argv);
  g_test_add_func ("/plan/budget/pace-edges", test_pace_edges);
  g_test_add_func ("/plan/budget/month-report", test_month_report);
  return g_test_run ();
}
