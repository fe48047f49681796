/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The forecast replayed on generated history (two years of the demo shop)
 * and on a business with known noise: enough origins, the point forecast
 * no worse than the naive ones, bands calibrated from the replays before
 * them covering about what they claim; too short a book refused. */
#include <math.h>

#include "cashflow-fixture.h"

#include "daftari-cashflow.h"
#include "daftari-generator.h"
#include "daftari-ledger.h"
#include "daftari-recurrence.h"

static void
test_generated (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "shop.daftari", NULL);
  DaftariBookSetup setup = { "Duka", "KES", NULL };
  g_autoptr(DaftariBook) book = daftari_book_create (path, &setup, &error);
  g_autofree DaftariCashflowEval *eval = NULL;

  g_assert_no_error (error);
  /* 25 transactions a day: two years. */
  g_assert_true (daftari_generator_fill (book, 11, 25 * 730, test_day (book, 730), &error));
  g_assert_no_error (error);
  eval = daftari_cashflow_eval (book, 0, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (eval->n_origins, >=, 10);
  g_assert_cmpuint (eval->n_points, ==, 3 * eval->n_origins);
  g_assert_cmpuint (eval->n_days, >=, 85 * eval->n_origins);
  g_assert_true (isfinite (eval->mae) && eval->mae > 0);
  g_assert_true (isfinite (eval->flat_mae) && isfinite (eval->repeat_mae) && isfinite (eval->drift_mae));
  g_test_message ("origins %u (%u calibrated) MAE %.0f (flat %.0f, drift %.0f, repeat %.0f) MAPE %.1f%% "
                  "coverage %.1f%% / %.1f%% (the engine's bands %.1f%% / %.1f%%)", eval->n_origins, eval->n_calibrated,
                  eval->mae, eval->flat_mae, eval->drift_mae, eval->repeat_mae, eval->mape, 100 * eval->coverage80,
                  100 * eval->coverage95, 100 * eval->model_coverage80, 100 * eval->model_coverage95);
  /* The demo shop spends what comes in, so its balance keeps a level: the
   * forecast of that level beats both naive forecasts. */
  g_assert_cmpfloat (eval->mae, <, eval->flat_mae);
  g_assert_cmpfloat (eval->mae, <, eval->drift_mae);
  g_assert_cmpuint (eval->n_calibrated, >=, eval->n_origins - 4);
  g_assert_cmpfloat (eval->coverage80, >=, 0.65);
  g_assert_cmpfloat (eval->coverage80, <=, 0.92);
  g_assert_cmpfloat (eval->coverage95, >=, eval->coverage80);
  g_assert_cmpfloat (eval->coverage95, >=, 0.85);
  for (guint k = 0; k < 3; k++)
    g_assert_cmpuint (eval->by_month[k].n_points, ==, eval->n_origins);
  g_clear_object (&book);
  test_remove_dir (dir);
}

/* Three years of a business with known noise: sales of KES 10,000 +- 4,000
 * (uniform) and stock of KES 9,000 every day, so the balance climbs KES
 * 1,000 a day, give or take a random walk of KES 2,309 a day. */
#define NOISY_DAYS (3 * 365)
#define NOISY_SPREAD 400000
#define NOISY_DAY_SD (NOISY_SPREAD / G_SQRT3)  /* of a uniform on +-spread */
#define G_SQRT3 1.7320508075688772

static TestBook *
noisy_business (void)
{
  TestBook *tb = test_book_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(GError) error = NULL;

  g_assert_true (daftari_ledger_batch_begin (tb->book, &error));
  for (int day = 0; day < NOISY_DAYS; day++)
    {
      test_record (tb->book, DAFTARI_TXN_INCOME, tb->kcb, tb->sales,
                   1000000 + g_rand_int_range (rand, -NOISY_SPREAD, NOISY_SPREAD + 1), test_day (tb->book, day));
      test_record (tb->book, DAFTARI_TXN_EXPENSE, tb->kcb, tb->stock, 900000, test_day (tb->book, day) + 60);
    }
  g_assert_true (daftari_ledger_batch_commit (tb->book, &error));
  g_assert_no_error (error);
  return tb;
}

static void
test_noisy (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TestBook) tb = noisy_business ();
  g_autofree DaftariCashflowEval *eval = daftari_cashflow_eval (tb->book, tb->kcb, 3, &error);
  g_autoptr(DaftariCashflow) cashflow = NULL;
  const DaftariCashflowDay *day30;
  double half80, truth80;

  g_assert_no_error (error);
  g_test_message ("origins %u MAE %.0f (flat %.0f, drift %.0f) coverage %.1f%% / %.1f%% (engine %.1f%% / %.1f%%)",
                  eval->n_origins, eval->mae, eval->flat_mae, eval->drift_mae, 100 * eval->coverage80,
                  100 * eval->coverage95, 100 * eval->model_coverage80, 100 * eval->model_coverage95);
  for (guint m = 0; m < DAFTARI_CASHFLOW_N_METHODS; m++)
    g_test_message ("  %s: MAE %.0f, chosen %u times", daftari_cashflow_method_to_string (m), eval->method_mae[m],
                    eval->method_chosen[m]);
  g_assert_cmpuint (eval->n_origins, >=, 25);
  /* A steady trend: the forecast follows it, the flat balance cannot. */
  g_assert_cmpfloat (eval->mae, <, 0.5 * eval->flat_mae);
  g_assert_cmpuint (eval->method_chosen[DAFTARI_CASHFLOW_METHOD_FLOWS], >=, eval->n_origins - 4);
  g_assert_cmpfloat (eval->coverage80, >=, 0.70);
  g_assert_cmpfloat (eval->coverage80, <=, 0.90);
  g_assert_cmpfloat (eval->coverage95, >=, 0.88);
  g_assert_cmpfloat (eval->coverage95, <=, 0.995);

  /* Today's forecast: the replays chose the monthly flows (a steady climb,
   * not a level kept), its bands come from two years of them, and 30 days
   * ahead their half-width is near the truth's (the noise of 31 days). */
  cashflow = daftari_cashflow_forecast (tb->book, tb->kcb, daftari_day_add (20250101, NOISY_DAYS), 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cashflow->calibration_origins, ==, 24);
  g_assert_cmpint (cashflow->method, ==, DAFTARI_CASHFLOW_METHOD_FLOWS);
  day30 = &g_array_index (cashflow->days, DaftariCashflowDay, 30);
  half80 = (day30->hi80 - day30->lo80) / 2.0;
  truth80 = 1.2816 * NOISY_DAY_SD * sqrt (31);
  g_test_message ("30 days ahead: 80%% half-width %.0f, the noise's %.0f", half80, truth80);
  g_assert_cmpfloat (half80, >, 0.5 * truth80);
  g_assert_cmpfloat (half80, <, 2.5 * truth80);
}

/* The synthetic business: a year of history allows a few origins for a one-month
 * horizon (invoice and schedule replays included), one for six months; the empty Cash wallet none. */
static void
test_fixture (void)
{
  g_autoptr(GError) error = NULL;
  CashflowFixture *fixture = cashflow_fixture_new ();
  g_autofree DaftariCashflowEval *one = daftari_cashflow_eval (fixture->tb->book, 0, 1, &error);
  g_autofree DaftariCashflowEval *six = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (one->n_origins, ==, 12 - 6);
  g_assert_true (isfinite (one->mae) && isfinite (one->flat_mae));
  g_assert_cmpfloat (one->coverage95, >=, one->coverage80);
  six = daftari_cashflow_eval (fixture->tb->book, 0, 6, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (six->n_origins, ==, 1);
  g_assert_null (daftari_cashflow_eval (fixture->tb->book, fixture->tb->cash, 1, &error));
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID);
  cashflow_fixture_free (fixture);
}

int
main (int argc, char **argv)
{
  test_common_init (&argc, &argv);
  g_test_add_func ("/cashflow-eval/generated", test_generated);
  g_test_add_func ("/cashflow-eval/fixture", test_fixture);
  g_test_add_func ("/cashflow-eval/noisy", test_noisy);
  return g_test_run ();
}
