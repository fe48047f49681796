/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The evaluation on the M3 competition's monthly data, when it is there:
 * the Naive2 benchmark reproduces the published score (proof that the
 * metric and the seasonal adjustment are right), and the default method
 * keeps its accuracy and interval coverage. */
#include <math.h>
#include <stdio.h>

#include "daftari-forecast-eval.h"

#define EXIT_SKIP 77

static GPtrArray *m3;

static DaftariForecastEval *
evaluate (DaftariForecastMethod method)
{
  g_autoptr(GError) error = NULL;
  DaftariForecastEval *eval = daftari_forecast_evaluate (m3, 12, method, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (eval->total.n_series, ==, 1428);
  g_test_message ("%s: sMAPE %.3f, MASE %.3f, coverage %.3f / %.3f, %.2f s",
                  daftari_forecast_method_to_string (method), eval->total.smape, eval->total.mase,
                  eval->total.coverage80, eval->total.coverage95, eval->seconds);
  return eval;
}

/* Makridakis & Hibon (2000): Naive2 scored 16.91 on the monthly series. */
static void
test_naive2 (void)
{
  g_autoptr(DaftariForecastEval) eval = evaluate (DAFTARI_FORECAST_NAIVE2);

  g_assert_cmpfloat (fabs (eval->total.smape - 16.91), <=, 0.3);
}

/* The target: better than Theta's 13.85, with honest intervals. */
static void
test_default (void)
{
  g_autoptr(DaftariForecastEval) eval = evaluate (DAFTARI_FORECAST_COMBINED);

  g_assert_cmpfloat (eval->total.smape, <=, 13.5);
  g_assert_cmpfloat (eval->total.coverage95, >=, 0.90);
  g_assert_cmpfloat (eval->total.coverage95, <=, 0.97);
  g_assert_cmpfloat (eval->total.coverage80, <, eval->total.coverage95);
  g_assert_cmpuint (eval->categories->len, ==, 6);
}

int
main (int argc, char **argv)
{
  const char *dir = g_getenv ("DAFTARI_SHARED_DATA");
  g_autofree char *path = g_build_filename (dir ? dir : ".", "m3-monthly.csv", NULL);
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* A fresh clone has no ../shared: nothing to measure against. */
      printf ("1..0 # SKIP %s not found (set DAFTARI_SHARED_DATA)\n", path);
      return EXIT_SKIP;
    }
  m3 = daftari_forecast_series_load (path, &error);
  g_assert_no_error (error);

  g_test_add_func ("/forecast/m3/naive2", test_naive2);
  g_test_add_func ("/forecast/m3/default", test_default);
  status = g_test_run ();
  g_ptr_array_unref (m3);
  return status;
}
