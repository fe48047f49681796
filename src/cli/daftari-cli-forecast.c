/* SPDX-License-Identifier: GPL-3.0-or-later */
/* forecast: an account's next months; forecast-eval: the methods scored on
 * a forecasting competition's data (docs/forecasting.md). */
#include "daftari-cli-context.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "daftari-forecast.h"
#include "daftari-forecast-eval.h"

/* Months in a year: the season of monthly books. */
#define MONTHS_PER_YEAR 12
/* The longest forecast worth asking for from a few years of books. */
#define MAX_MONTHS 60

/* ---- forecast-eval ---- */

/* Without --method: the default and the benchmarks it is measured
 * against, which take a fraction of its time. */
static const DaftariForecastMethod default_set[] = {
  DAFTARI_FORECAST_COMBINED, DAFTARI_FORECAST_THETA, DAFTARI_FORECAST_DAMPED,
  DAFTARI_FORECAST_SES, DAFTARI_FORECAST_NAIVE2, DAFTARI_FORECAST_SEASONAL_NAIVE,
  DAFTARI_FORECAST_NAIVE,
};

/* "all", or method names separated by commas. */
static GArray *
parse_methods (const char *text, GError **error)
{
  g_autoptr(GArray) methods = g_array_new (FALSE, FALSE, sizeof (DaftariForecastMethod));
  g_auto(GStrv) names = NULL;

  if (text == NULL)
    {
      g_array_append_vals (methods, default_set, G_N_ELEMENTS (default_set));
      return g_steal_pointer (&methods);
    }
  if (g_str_equal (text, "all"))
    {
      for (DaftariForecastMethod m = 0; m < DAFTARI_FORECAST_N_METHODS; m++)
        g_array_append_val (methods, m);
      return g_steal_pointer (&methods);
    }
  names = g_strsplit (text, ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      DaftariForecastMethod m;

      if (!daftari_forecast_method_from_string (g_strstrip (names[i]), &m))
        {
          g_set_error (error, DAFTARI_FORECAST_ERROR, DAFTARI_FORECAST_ERROR_METHOD,
                       _("“%s” is not a forecasting method; try combined, theta, ets, damped, "
                         "holt, ses, hw-additive, hw-multiplicative, naive2, snaive, naive, "
                         "croston, sba or all"), names[i]);
          return NULL;
        }
      g_array_append_val (methods, m);
    }
  return g_steal_pointer (&methods);
}

static void
print_score_row (const char *label, guint n_series, const DaftariForecastScore *score,
                 double seconds)
{
  g_print ("  %-18s %6u %8.3f %7.3f %8.1f%% %8.1f%%", label, n_series, score->smape, score->mase,
           100 * score->coverage80, 100 * score->coverage95);
  if (seconds >= 0)
    g_print (" %8.2f", seconds);
  g_print ("\n");
}

static void
print_eval_text (const char *path, GPtrArray *series, guint period, GPtrArray *evals,
                 double total_seconds)
{
  double total_cpu_seconds = 0;

  for (guint i = 0; i < evals->len; i++)
    total_cpu_seconds += ((const DaftariForecastEval *) g_ptr_array_index (evals, i))->cpu_seconds;
  g_print (_("%s: %u series, period %u\n\n"), path, series->len, period);
  g_print ("  %-18s %6s %8s %7s %9s %9s %8s\n", _("Method"), _("Series"), _("sMAPE"), _("MASE"),
           /* xgettext:no-c-format */
           _("80% cov"),
           /* xgettext:no-c-format */
           _("95% cov"), _("Seconds"));
  for (guint i = 0; i < evals->len; i++)
    {
      const DaftariForecastEval *e = g_ptr_array_index (evals, i);
      print_score_row (daftari_forecast_method_to_string (e->method), e->total.n_series,
                       &e->total, e->seconds);
    }
  for (guint i = 0; i < evals->len; i++)
    {
      const DaftariForecastEval *e = g_ptr_array_index (evals, i);

      g_print ("\n");
      g_print (_("%s by category:\n"), daftari_forecast_method_to_string (e->method));
      for (guint c = 0; c < e->categories->len; c++)
        {
          const DaftariForecastScore *score = g_ptr_array_index (e->categories, c);
          print_score_row (score->category, score->n_series, score, -1);
        }
    }
  g_print ("\n");
  g_print (_("Total time: %.2f s (processor time %.2f s)\n"), total_seconds, total_cpu_seconds);
}

static void
add_double (JsonBuilder *builder, const char *member, double value)
{
  json_builder_set_member_name (builder, member);
  /* Rounded so the figures read as they print; NAN (no MASE scale
   * anywhere) is not JSON and comes out as null. */
  if (isfinite (value))
    json_builder_add_double_value (builder, round (value * 1e6) / 1e6);
  else
    json_builder_add_null_value (builder);
}

static void
add_score (JsonBuilder *builder, const DaftariForecastScore *score)
{
  json_builder_set_member_name (builder, "series");
  json_builder_add_int_value (builder, score->n_series);
  add_double (builder, "smape", score->smape);
  add_double (builder, "mase", score->mase);
  add_double (builder, "coverage80", score->coverage80);
  add_double (builder, "coverage95", score->coverage95);
}

/* The first method's figures at the top, for scripts; every method's,
 * with its categories, under "methods". */
static void
print_eval_json (const char *path, guint period, GPtrArray *evals, double total_seconds)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const DaftariForecastEval *first = g_ptr_array_index (evals, 0);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, path);
  json_builder_set_member_name (builder, "period");
  json_builder_add_int_value (builder, period);
  json_builder_set_member_name (builder, "method");
  json_builder_add_string_value (builder, daftari_forecast_method_to_string (first->method));
  add_score (builder, &first->total);
  add_double (builder, "seconds", first->seconds);
  add_double (builder, "cpu_seconds", first->cpu_seconds);
  add_double (builder, "total_seconds", total_seconds);
  json_builder_set_member_name (builder, "methods");
  json_builder_begin_array (builder);
  for (guint i = 0; i < evals->len; i++)
    {
      const DaftariForecastEval *e = g_ptr_array_index (evals, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "method");
      json_builder_add_string_value (builder, daftari_forecast_method_to_string (e->method));
      add_score (builder, &e->total);
      add_double (builder, "seconds", e->seconds);
      add_double (builder, "cpu_seconds", e->cpu_seconds);
      json_builder_set_member_name (builder, "categories");
      json_builder_begin_array (builder);
      for (guint c = 0; c < e->categories->len; c++)
        {
          const DaftariForecastScore *score = g_ptr_array_index (e->categories, c);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "category");
          json_builder_add_string_value (builder, score->category);
          add_score (builder, score);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  daftari_cli_print_json (builder);
}

static int
fail_forecast (DaftariCli *cli, GError *error)
{
  /* A file that cannot be read is a file error, as for books. */
  if (g_error_matches (error, DAFTARI_FORECAST_ERROR, DAFTARI_FORECAST_ERROR_IO))
    {
      g_printerr ("daftari-cli: %s\n", error->message);
      return DAFTARI_EXIT_FILE;
    }
  return daftari_cli_fail (cli, error);
}

int
daftari_cli_forecast_eval (DaftariCli *cli, int argc, char **argv)
{
  g_autofree char *method_names = NULL;
  int period = MONTHS_PER_YEAR;
  const GOptionEntry entries[] = {
    { "method", 0, 0, G_OPTION_ARG_STRING, &method_names,
      N_("Methods to score, separated by commas, or “all” (default: the default method and "
         "the benchmarks)"), N_("METHOD") },
    { "period", 0, 0, G_OPTION_ARG_INT, &period,
      N_("Seasonal period of the data: 12 for months, 52 for weeks, 7 for days"), N_("N") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GPtrArray) evals = NULL;
  g_autoptr(GArray) methods = NULL;
  double total_seconds = 0;

  if (!daftari_cli_parse (cli, &argc, &argv, _("FILE.csv"),
                          /* xgettext:no-c-format */
                          _("Score the forecasting methods on a data set in the M3 competition’s "
                            "format: sMAPE, MASE and how often the 80% and 95% intervals held "
                            "the actual values."), entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 1)
    return daftari_cli_usage ("%s", _("forecast-eval needs one data file"));
  if (period < 1 || period > 366)
    return daftari_cli_usage ("%s", _("--period must be between 1 and 366"));
  if ((methods = parse_methods (method_names, &error)) == NULL)
    return daftari_cli_usage ("%s", error->message);
  if ((series = daftari_forecast_series_load (argv[0], &error)) == NULL)
    return fail_forecast (cli, error);

  evals = g_ptr_array_new_with_free_func ((GDestroyNotify) daftari_forecast_eval_free);
  for (guint i = 0; i < methods->len; i++)
    {
      DaftariForecastMethod m = g_array_index (methods, DaftariForecastMethod, i);
      DaftariForecastEval *e = daftari_forecast_evaluate (series, period, m, &error);

      if (e == NULL)
        return fail_forecast (cli, error);
      total_seconds += e->seconds;
      g_ptr_array_add (evals, e);
    }
  if (cli->json)
    print_eval_json (argv[0], period, evals, total_seconds);
  else
    print_eval_text (argv[0], series, period, evals, total_seconds);
  return DAFTARI_EXIT_OK;
}

/* ---- forecast ---- */

/* Money is integers: the forecast's doubles become minor units here, once,
 * half away from zero, and saturate rather than overflow. */
static gint64
to_minor (double value)
{
  if (!(value < 9.2e18))
    return value > 0 ? G_MAXINT64 : G_MININT64 + 1;
  if (!(value > -9.2e18))
    return G_MININT64 + 1;
  return (gint64) llround (value);
}

static char *
month_text (DaftariMonth month)
{
  return g_strdup_printf ("%04d-%02d", month / 100, month % 100);
}

static char *
money_text (double value, const DaftariCommodity *currency)
{
  return daftari_money_format (to_minor (value), currency, 0);
}

static void
print_forecast_text (const DaftariAccount *account, const DaftariCommodity *currency,
                     DaftariMonth first, DaftariMonth last, const DaftariForecast *f)
{
  g_autofree char *from = month_text (first);
  g_autofree char *to = month_text (last);

  /* Translators: "Sales: monthly totals ahead, learned from 2024-01 to 2026-10 (method: …)" */
  g_print (_("%s: monthly totals ahead, learned from %s to %s (method: %s)\n\n"), account->name, from, to,
           f->model);
  g_print ("  %-8s %20s %43s %43s\n", _("Month"), _("Forecast"),
           /* xgettext:no-c-format */
           _("80% interval"),
           /* xgettext:no-c-format */
           _("95% interval"));
  for (guint h = 0; h < f->horizon; h++)
    {
      g_autofree char *month = month_text (daftari_month_add (last, h + 1));
      g_autofree char *mean = money_text (f->mean[h], currency);
      g_autofree char *lo80 = money_text (f->lo80[h], currency);
      g_autofree char *hi80 = money_text (f->hi80[h], currency);
      g_autofree char *lo95 = money_text (f->lo95[h], currency);
      g_autofree char *hi95 = money_text (f->hi95[h], currency);

      g_print ("  %-8s %20s %20s – %20s %20s – %20s\n", month, mean, lo80, hi80, lo95, hi95);
    }
}

static void
print_forecast_json (const DaftariAccount *account, const DaftariCommodity *currency,
                     DaftariMonth first, DaftariMonth last, guint n_history,
                     const DaftariForecast *f)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *from = month_text (first);
  g_autofree char *to = month_text (last);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "account");
  json_builder_add_string_value (builder, account->name);
  json_builder_set_member_name (builder, "currency");
  json_builder_add_string_value (builder, currency->code);
  json_builder_set_member_name (builder, "method");
  json_builder_add_string_value (builder, daftari_forecast_method_to_string (f->method));
  json_builder_set_member_name (builder, "model");
  json_builder_add_string_value (builder, f->model);
  json_builder_set_member_name (builder, "history_from");
  json_builder_add_string_value (builder, from);
  json_builder_set_member_name (builder, "history_to");
  json_builder_add_string_value (builder, to);
  json_builder_set_member_name (builder, "history_months");
  json_builder_add_int_value (builder, n_history);
  json_builder_set_member_name (builder, "seasonal");
  json_builder_add_boolean_value (builder, f->seasonal);
  json_builder_set_member_name (builder, "forecast");
  json_builder_begin_array (builder);
  for (guint h = 0; h < f->horizon; h++)
    {
      g_autofree char *month = month_text (daftari_month_add (last, h + 1));

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "month");
      json_builder_add_string_value (builder, month);
      daftari_cli_json_money (builder, "mean", to_minor (f->mean[h]), currency);
      daftari_cli_json_money (builder, "lo80", to_minor (f->lo80[h]), currency);
      daftari_cli_json_money (builder, "hi80", to_minor (f->hi80[h]), currency);
      daftari_cli_json_money (builder, "lo95", to_minor (f->lo95[h]), currency);
      daftari_cli_json_money (builder, "hi95", to_minor (f->hi95[h]), currency);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  daftari_cli_print_json (builder);
}

/* The account's monthly totals from its first month with money to the
 * last complete month, as doubles of minor units. */
static double *
account_history (DaftariCli *cli, const DaftariAccount *account, DaftariMonth *out_first,
                 DaftariMonth *out_last, guint *out_n, GError **error)
{
  DaftariCalendar *calendar = daftari_book_get_calendar (cli->book);
  DaftariMonth this_month = daftari_calendar_today (calendar) / 100;
  g_autoptr(GArray) totals = NULL;
  GError *local = NULL;
  double *history;

  *out_last = daftari_month_add (this_month, -1);
  *out_first = daftari_query_first_month (cli->book, account->id, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  if (*out_first == 0 || *out_first > *out_last)
    {
      g_set_error (error, DAFTARI_FORECAST_ERROR, DAFTARI_FORECAST_ERROR_INVALID,
                   _("%s has no complete month of history to forecast from yet"), account->name);
      return NULL;
    }
  totals = daftari_query_monthly_series (cli->book, account->id, *out_first, *out_last, error);
  if (totals == NULL)
    return NULL;
  history = g_new (double, MAX (totals->len, 1));
  for (guint i = 0; i < totals->len; i++)
    history[i] = (double) g_array_index (totals, gint64, i);
  *out_n = totals->len;
  return history;
}

int
daftari_cli_forecast (DaftariCli *cli, int argc, char **argv)
{
  int months = 0;
  g_autofree char *method_name = NULL;
  const GOptionEntry entries[] = {
    { "months", 0, 0, G_OPTION_ARG_INT, &months, N_("How many months ahead (1 to 60)"), N_("N") },
    { "method", 0, 0, G_OPTION_ARG_STRING, &method_name,
      N_("The forecasting method (default: combined)"), N_("METHOD") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariAccount) account = NULL;
  g_autoptr(DaftariForecast) forecast = NULL;
  g_autofree double *history = NULL;
  DaftariForecastMethod method = DAFTARI_FORECAST_COMBINED;
  DaftariMonth first = 0, last = 0;
  guint n_history = 0;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, _("ACCOUNT|CATEGORY"),
                          /* xgettext:no-c-format */
                          _("Forecast a wallet’s or a category’s monthly totals, with 80% and 95% "
                            "intervals, from its history up to the last complete month."), entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 1)
    return daftari_cli_usage ("%s", _("forecast needs one account or category"));
  if (months < 1 || months > MAX_MONTHS)
    return daftari_cli_usage ("%s", _("--months must be between 1 and 60"));
  if (method_name != NULL && !daftari_forecast_method_from_string (method_name, &method))
    return daftari_cli_usage (_("“%s” is not a forecasting method"), method_name);
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if ((account = daftari_cli_account (cli, argv[0], &error)) == NULL ||
      (history = account_history (cli, account, &first, &last, &n_history, &error)) == NULL ||
      (forecast = daftari_forecast_compute (history, n_history, MONTHS_PER_YEAR, months, method,
                                            &error)) == NULL)
    return daftari_cli_fail (cli, error);

  if (cli->json)
    print_forecast_json (account, daftari_book_get_currency (cli->book), first, last, n_history,
                         forecast);
  else
    print_forecast_text (account, daftari_book_get_currency (cli->book), first, last, forecast);
  return DAFTARI_EXIT_OK;
}
