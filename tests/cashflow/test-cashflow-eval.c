/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The forecast replayed on generated history (two years of the demo shop):
 * enough origins, errors finite, band coverage in a sane range and the 95%
 * band covering at least what the 80% one does; too short a book refused. */
#include <math.h>

#include "cashflow-fixture.h"

#include "daftari-cashflow.h"
#include "daftari-generator.h"

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
  g_assert_true (isfinite (eval->flat_mae) && isfinite (eval->repeat_mae));
  g_assert_cmpfloat (eval->coverage80, >=, 0.3);
  g_assert_cmpfloat (eval->coverage80, <=, 1.0);
  g_assert_cmpfloat (eval->coverage95, >=, eval->coverage80);
  g_test_message ("origins %u MAE %.0f (flat %.0f, repeat %.0f) MAPE %.1f%% coverage %.1f%% / %.1f%%", eval->n_origins,
                  eval->mae, eval->flat_mae, eval->repeat_mae, eval->mape, 100 * eval->coverage80,
                  100 * eval->coverage95);
  g_clear_object (&book);
  test_remove_dir (dir);
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
  return g_test_run ();
}
