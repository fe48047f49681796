/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading a forecasting competition's data and scoring methods on it. */
#include "daftari-forecast-eval.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <time.h>

enum { COL_SERIES, COL_CATEGORY, COL_YEAR, COL_MONTH, COL_HORIZON, COL_TRAIN, COL_TEST, N_COLUMNS };

void
daftari_forecast_series_free (DaftariForecastSeries *series)
{
  if (series == NULL)
    return;
  g_free (series->id);
  g_free (series->category);
  g_free (series->train);
  g_free (series->test);
  g_free (series);
}

/* "12 13.5 NA 14": numbers separated by spaces, NA (or nan) for a missing
 * value. */
static double *
parse_values (const char *text, guint *out_n, gboolean *out_ok)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t", -1);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  *out_ok = TRUE;
  for (guint i = 0; words[i] != NULL; i++)
    {
      char *end = NULL;
      double v;

      if (words[i][0] == '\0')
        continue;
      if (g_ascii_strcasecmp (words[i], "NA") == 0 || g_ascii_strcasecmp (words[i], "nan") == 0)
        v = NAN;
      else
        {
          v = g_ascii_strtod (words[i], &end);
          if (end == words[i] || *end != '\0' || isinf (v))
            *out_ok = FALSE;
        }
      g_array_append_val (values, v);
    }
  *out_n = values->len;
  return (double *) (void *) g_array_free (g_steal_pointer (&values), FALSE);
}

static gboolean
parse_error (GError **error, const char *path, guint line, const char *why)
{
  g_set_error (error, DAFTARI_FORECAST_ERROR, DAFTARI_FORECAST_ERROR_PARSE,
               _("%s, line %u: %s"), path, line, why);
  return FALSE;
}

static DaftariForecastSeries *
parse_line (const char *line, const char *path, guint number, GError **error)
{
  g_auto(GStrv) fields = g_strsplit (line, ",", -1);
  g_autoptr(DaftariForecastSeries) s = g_new0 (DaftariForecastSeries, 1);
  gboolean train_ok, test_ok;
  guint64 horizon;

  if (g_strv_length (fields) != N_COLUMNS)
    {
      parse_error (error, path, number, _("expected 7 comma-separated fields"));
      return NULL;
    }
  s->id = g_strdup (g_strstrip (fields[COL_SERIES]));
  s->category = g_strdup (g_strstrip (fields[COL_CATEGORY]));
  if (!g_ascii_string_to_unsigned (g_strstrip (fields[COL_HORIZON]), 10, 1, 10000, &horizon, NULL))
    {
      parse_error (error, path, number, _("the horizon is not a positive number"));
      return NULL;
    }
  s->train = parse_values (fields[COL_TRAIN], &s->n_train, &train_ok);
  s->test = parse_values (fields[COL_TEST], &s->n_test, &test_ok);
  if (!train_ok || !test_ok || s->n_train == 0 || s->n_test == 0)
    {
      parse_error (error, path, number, _("the training or test values are not numbers"));
      return NULL;
    }
  s->horizon = MIN ((guint) horizon, s->n_test);
  return g_steal_pointer (&s);
}

GPtrArray *
daftari_forecast_series_load (const char *path, GError **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) daftari_forecast_series_free);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) local = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &local))
    {
      g_set_error (error, DAFTARI_FORECAST_ERROR, DAFTARI_FORECAST_ERROR_IO,
                   _("Cannot read %s: %s"), path, local->message);
      return NULL;
    }
  lines = g_strsplit (contents, "\n", -1);
  if (lines[0] == NULL || !g_str_has_prefix (lines[0], "series,category"))
    {
      parse_error (error, path, 1, _("the header must start with “series,category”"));
      return NULL;
    }
  for (guint i = 1; lines[i] != NULL; i++)
    {
      DaftariForecastSeries *s;

      g_strchomp (lines[i]);   /* also takes a Windows "\r" */
      if (lines[i][0] == '\0')
        continue;
      s = parse_line (lines[i], path, i + 1, error);
      if (s == NULL)
        return NULL;
      g_ptr_array_add (all, s);
    }
  if (all->len == 0)
    {
      parse_error (error, path, 2, _("there are no series"));
      return NULL;
    }
  return g_steal_pointer (&all);
}

double
daftari_forecast_smape (const double *actual, const double *forecast, guint h)
{
  double sum = 0;

  for (guint i = 0; i < h; i++)
    {
      double denominator = fabs (actual[i]) + fabs (forecast[i]);

      if (denominator > 0)
        sum += fabs (actual[i] - forecast[i]) / denominator;
    }
  return h > 0 ? 200.0 * sum / h : 0;
}

static double
mean_abs_lag_difference (const double *y, guint n, guint lag)
{
  double sum = 0;
  guint count = 0;

  for (guint t = lag; t < n; t++)
    if (isfinite (y[t]) && isfinite (y[t - lag]))
      {
        sum += fabs (y[t] - y[t - lag]);
        count++;
      }
  return count > 0 ? sum / count : 0;
}

double
daftari_forecast_mase (const double *train, guint n_train, guint period, const double *actual,
                       const double *forecast, guint h)
{
  guint lag = period > 1 && n_train > period ? period : 1;
  double scale = mean_abs_lag_difference (train, n_train, lag), error = 0;

  if (!(scale > 0))
    return NAN;
  for (guint i = 0; i < h; i++)
    error += fabs (actual[i] - forecast[i]);
  return error / h / scale;
}

static void
score_init (DaftariForecastScore *score, const char *category)
{
  *score = (DaftariForecastScore) { .category = g_strdup (category) };
}

static void
score_free (DaftariForecastScore *score)
{
  g_free (score->category);
  g_free (score);
}

static void
score_add (DaftariForecastScore *score, const DaftariForecastSeries *s, guint period,
           const DaftariForecast *f)
{
  double mase = daftari_forecast_mase (s->train, s->n_train, period, s->test, f->mean, s->horizon);

  score->n_series++;
  score->smape_sum += daftari_forecast_smape (s->test, f->mean, s->horizon);
  if (isfinite (mase))
    {
      score->mase_sum += mase;
      score->n_mase++;
    }
  for (guint h = 0; h < s->horizon; h++)
    {
      score->n_points++;
      score->inside80 += s->test[h] >= f->lo80[h] && s->test[h] <= f->hi80[h];
      score->inside95 += s->test[h] >= f->lo95[h] && s->test[h] <= f->hi95[h];
    }
}

static void
score_finish (DaftariForecastScore *score)
{
  score->smape = score->n_series ? score->smape_sum / score->n_series : NAN;
  score->mase = score->n_mase ? score->mase_sum / score->n_mase : NAN;
  score->coverage80 = score->n_points ? (double) score->inside80 / score->n_points : NAN;
  score->coverage95 = score->n_points ? (double) score->inside95 / score->n_points : NAN;
}

void
daftari_forecast_eval_free (DaftariForecastEval *eval)
{
  if (eval == NULL)
    return;
  g_free (eval->total.category);
  g_clear_pointer (&eval->categories, g_ptr_array_unref);
  g_free (eval);
}

static DaftariForecastScore *
category_score (DaftariForecastEval *eval, const char *category)
{
  DaftariForecastScore *score;

  for (guint i = 0; i < eval->categories->len; i++)
    {
      score = g_ptr_array_index (eval->categories, i);
      if (g_str_equal (score->category, category))
        return score;
    }
  score = g_new (DaftariForecastScore, 1);
  score_init (score, category);
  g_ptr_array_add (eval->categories, score);
  return score;
}

/* A missing actual value would leave nothing to score the forecast by:
 * such a file is refused rather than scored on part of its data. */
static gboolean
series_test_complete (const DaftariForecastSeries *s)
{
  for (guint h = 0; h < s->horizon; h++)
    if (!isfinite (s->test[h]))
      return FALSE;
  return TRUE;
}

DaftariForecastEval *
daftari_forecast_evaluate (GPtrArray *series, guint period, DaftariForecastMethod method,
                           GError **error)
{
  g_autoptr(DaftariForecastEval) eval = g_new0 (DaftariForecastEval, 1);
  gint64 start = g_get_monotonic_time ();
  clock_t cpu_start = clock ();

  eval->method = method;
  eval->categories = g_ptr_array_new_with_free_func ((GDestroyNotify) score_free);
  score_init (&eval->total, NULL);
  for (guint i = 0; i < series->len; i++)
    {
      const DaftariForecastSeries *s = g_ptr_array_index (series, i);
      g_autoptr(DaftariForecast) f = NULL;

      if (!series_test_complete (s))
        {
          g_set_error (error, DAFTARI_FORECAST_ERROR, DAFTARI_FORECAST_ERROR_PARSE,
                       _("Series %s has missing test values"), s->id);
          return NULL;
        }
      f = daftari_forecast_compute (s->train, s->n_train, period, s->horizon, method, error);
      if (f == NULL)
        {
          g_prefix_error (error, _("Series %s: "), s->id);
          return NULL;
        }
      score_add (&eval->total, s, period, f);
      score_add (category_score (eval, s->category), s, period, f);
    }
  eval->seconds = (g_get_monotonic_time () - start) / 1e6;
  eval->cpu_seconds = (double) (clock () - cpu_start) / CLOCKS_PER_SEC;
  score_finish (&eval->total);
  for (guint i = 0; i < eval->categories->len; i++)
    score_finish (g_ptr_array_index (eval->categories, i));
  return g_steal_pointer (&eval);
}
