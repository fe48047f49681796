/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cashflow: the wallets' balance for the next months, with bands and the
 * outlook; cashflow-eval: that forecast scored on the book's own history
 * (docs/cashflow.md). */
#include "daftari-cli-context.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "daftari-cashflow.h"
#include "daftari-recurrence.h"

#define DEFAULT_MONTHS 3
/* A table row every week. */
#define ROW_DAYS 7

typedef struct {
  int    months;
  char  *wallet;
  char  *from;
  char  *floor;
  char  *set_floor;
} CashflowOptions;

static void
options_clear (CashflowOptions *o)
{
  g_free (o->wallet);
  g_free (o->from);
  g_free (o->floor);
  g_free (o->set_floor);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CashflowOptions, options_clear)

static gboolean
check_months (int months)
{
  return months >= 1 && months <= DAFTARI_CASHFLOW_MAX_MONTHS;
}

/* --wallet NAME → its id; none: 0, every wallet in the book currency. */
static gboolean
wallet_of (DaftariCli *cli, const char *name, gint64 *out_id, GError **error)
{
  g_autoptr(DaftariAccount) wallet = NULL;

  *out_id = 0;
  if (name == NULL)
    return TRUE;
  wallet = daftari_cli_account (cli, name, error);
  if (wallet == NULL)
    return FALSE;
  *out_id = wallet->id;
  return TRUE;
}

static char *
money (const DaftariCashflow *cashflow, gint64 minor)
{
  return daftari_money_format (minor, cashflow->commodity, 0);
}

/* "Likely to fall below KES 20,000.00 on 2026-12-14." and its kin. */
static char *
outlook_text (const DaftariCashflow *cashflow)
{
  g_autofree char *floor = money (cashflow, cashflow->floor);
  g_autofree char *likely = cashflow->likely_below ? daftari_day_format (cashflow->likely_below) : NULL;
  g_autofree char *possible = cashflow->possible_below ? daftari_day_format (cashflow->possible_below) : NULL;
  g_autofree char *to = daftari_day_format (cashflow->to_day);

  if (likely != NULL)
    return g_strdup_printf (_("Likely to fall below %s on %s."), floor, likely);
  if (possible != NULL)
    return g_strdup_printf (_("Not expected to fall below %s, but it could from %s (the lower 80%% bound)."), floor,
                            possible);
  return g_strdup_printf (_("Not expected to fall below %s before %s."), floor, to);
}

static void
print_row (const DaftariCashflow *cashflow, const DaftariCashflowDay *day, gint64 scheduled, gint64 invoices,
           gint64 baseline)
{
  g_autofree char *date = daftari_day_format (day->day);
  g_autofree char *mean = daftari_money_format (day->mean, cashflow->commodity, DAFTARI_MONEY_FORMAT_NO_CODE);
  g_autofree char *lo80 = daftari_money_format (day->lo80, cashflow->commodity, DAFTARI_MONEY_FORMAT_NO_CODE);
  g_autofree char *hi80 = daftari_money_format (day->hi80, cashflow->commodity, DAFTARI_MONEY_FORMAT_NO_CODE);
  g_autofree char *lo95 = daftari_money_format (day->lo95, cashflow->commodity, DAFTARI_MONEY_FORMAT_NO_CODE);
  g_autofree char *hi95 = daftari_money_format (day->hi95, cashflow->commodity, DAFTARI_MONEY_FORMAT_NO_CODE);
  g_autofree char *s = daftari_money_format (scheduled, cashflow->commodity, DAFTARI_MONEY_FORMAT_NO_CODE);
  g_autofree char *i = daftari_money_format (invoices, cashflow->commodity, DAFTARI_MONEY_FORMAT_NO_CODE);
  g_autofree char *b = daftari_money_format (baseline, cashflow->commodity, DAFTARI_MONEY_FORMAT_NO_CODE);
  g_autofree char *range80 = g_strdup_printf ("%s – %s", lo80, hi80);
  g_autofree char *range95 = g_strdup_printf ("%s – %s", lo95, hi95);

  g_print ("%-10s  %14s  %-29s  %-29s  %13s  %13s  %13s\n", date, mean, range80, range95, s, i, b);
}

static void
print_text (const DaftariCashflow *cashflow, const char *wallet_name)
{
  g_autofree char *from = daftari_day_format (cashflow->from_day);
  g_autofree char *to = daftari_day_format (cashflow->to_day);
  g_autofree char *opening = money (cashflow, cashflow->opening);
  g_autofree char *outlook = outlook_text (cashflow);
  g_autofree char *s = money (cashflow, cashflow->scheduled_total);
  g_autofree char *i = money (cashflow, cashflow->invoices_total);
  g_autofree char *b = money (cashflow, cashflow->baseline_total);
  gint64 scheduled = 0, invoices = 0, baseline = 0;

  g_print (_("Cash-flow forecast for %s, %s to %s\n"), wallet_name ? wallet_name : _("all wallets"), from, to);
  g_print (_("Balance at the start: %s\n\n"), opening);
  g_print ("%-10s  %14s  %-29s  %-29s  %13s  %13s  %13s\n", _("Date"), _("Expected"),
           /* xgettext:no-c-format */
           _("80% range"),
           /* xgettext:no-c-format */
           _("95% range"), _("Scheduled"), _("Invoices"), _("Baseline"));
  for (guint n = 0; n < cashflow->days->len; n++)
    {
      const DaftariCashflowDay *day = &g_array_index (cashflow->days, DaftariCashflowDay, n);

      scheduled += day->scheduled;
      invoices += day->invoices;
      baseline += day->baseline;
      if (n % ROW_DAYS == ROW_DAYS - 1 || n + 1 == cashflow->days->len)
        print_row (cashflow, day, scheduled, invoices, baseline);
    }
  g_print ("\n");
  g_print (_("Parts (from the start): scheduled %s, open invoices %s, everything else %s.\n"), s, i, b);
  if (cashflow->history_months == 0)
    g_print ("%s\n", _("No complete month of history yet: only scheduled items and invoices are forecast."));
  else if (cashflow->method == DAFTARI_CASHFLOW_METHOD_FLAT)
    g_print ("%s\n", _("Everything else is expected to even out: in the book’s past, leaving it out came closest "
                       "to what happened."));
  else if (cashflow->method == DAFTARI_CASHFLOW_METHOD_LEVEL)
    g_print (_("Everything else is forecast from the level the balance kept over %u months of history (%s).\n"),
             cashflow->history_months, cashflow->baseline_model);
  else
    g_print (_("Everything else is forecast from %u months of history (%s).\n"), cashflow->history_months,
             cashflow->baseline_model);
  if (cashflow->calibration_origins > 0)
    g_print (ngettext ("The ranges come from how far %u past forecast was from what happened.\n",
                       "The ranges come from how far %u past forecasts were from what happened.\n",
                       cashflow->calibration_origins),
             cashflow->calibration_origins);
  else
    g_print ("%s\n", _("The ranges are the model’s own: the book is too young to check them against its past."));
  g_print ("%s\n", outlook);
}

static void
add_int (JsonBuilder *builder, const char *member, gint64 value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
days_json (JsonBuilder *builder, const DaftariCashflow *cashflow)
{
  json_builder_set_member_name (builder, "days");
  json_builder_begin_array (builder);
  for (guint n = 0; n < cashflow->days->len; n++)
    {
      const DaftariCashflowDay *day = &g_array_index (cashflow->days, DaftariCashflowDay, n);

      json_builder_begin_object (builder);
      daftari_cli_json_day (builder, "day", day->day);
      add_int (builder, "mean", day->mean);
      add_int (builder, "lo80", day->lo80);
      add_int (builder, "hi80", day->hi80);
      add_int (builder, "lo95", day->lo95);
      add_int (builder, "hi95", day->hi95);
      add_int (builder, "scheduled", day->scheduled);
      add_int (builder, "invoices", day->invoices);
      add_int (builder, "baseline", day->baseline);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
items_json (JsonBuilder *builder, const DaftariCashflow *cashflow)
{
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint n = 0; n < cashflow->items->len; n++)
    {
      const DaftariCashflowItem *item = &g_array_index (cashflow->items, DaftariCashflowItem, n);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, item->kind == DAFTARI_CASHFLOW_ITEM_INVOICE ? "invoice" : "scheduled");
      add_int (builder, "id", item->ref_id);
      daftari_cli_json_day (builder, "day", item->day);
      daftari_cli_json_day (builder, "due_day", item->due_day);
      if (item->kind == DAFTARI_CASHFLOW_ITEM_INVOICE)
        add_int (builder, "delay_days", item->delay_days);
      add_int (builder, "amount_minor", item->amount);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* Top-level amounts as the other commands write them ("1234.50" and
 * _minor); the days and items, in minor units only, to keep it compact. */
static void
print_json (const DaftariCashflow *cashflow, const char *wallet_name)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *outlook = outlook_text (cashflow);

  json_builder_begin_object (builder);
  daftari_cli_json_text (builder, "wallet", wallet_name);
  json_builder_set_member_name (builder, "currency");
  json_builder_add_string_value (builder, cashflow->commodity->code);
  daftari_cli_json_day (builder, "from", cashflow->from_day);
  daftari_cli_json_day (builder, "to", cashflow->to_day);
  daftari_cli_json_money (builder, "opening", cashflow->opening, cashflow->commodity);
  daftari_cli_json_money (builder, "floor", cashflow->floor, cashflow->commodity);
  daftari_cli_json_day (builder, "likely_below", cashflow->likely_below);
  daftari_cli_json_day (builder, "possible_below", cashflow->possible_below);
  json_builder_set_member_name (builder, "outlook");
  json_builder_add_string_value (builder, outlook);
  daftari_cli_json_money (builder, "scheduled", cashflow->scheduled_total, cashflow->commodity);
  daftari_cli_json_money (builder, "invoices", cashflow->invoices_total, cashflow->commodity);
  daftari_cli_json_money (builder, "baseline", cashflow->baseline_total, cashflow->commodity);
  add_int (builder, "history_months", cashflow->history_months);
  json_builder_set_member_name (builder, "model");
  json_builder_add_string_value (builder, cashflow->baseline_model);
  json_builder_set_member_name (builder, "method");
  json_builder_add_string_value (builder, daftari_cashflow_method_to_string (cashflow->method));
  add_int (builder, "calibration_origins", cashflow->calibration_origins);
  days_json (builder, cashflow);
  items_json (builder, cashflow);
  json_builder_end_object (builder);
  daftari_cli_print_json (builder);
}

static int
store_floor (DaftariCli *cli, const char *text)
{
  const DaftariCommodity *currency = daftari_book_get_currency (cli->book);
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  gint64 floor;

  if (!daftari_money_parse (text, currency, &floor, &error) || !daftari_cashflow_set_floor (cli->book, floor, &error))
    return daftari_cli_fail (cli, error);
  shown = daftari_money_format (floor, currency, 0);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_object (builder);
      daftari_cli_json_money (builder, "floor", floor, currency);
      json_builder_end_object (builder);
      daftari_cli_print_json (builder);
    }
  else
    g_print (_("The cash-flow outlook now warns below %s.\n"), shown);
  return DAFTARI_EXIT_OK;
}

int
daftari_cli_cashflow (DaftariCli *cli, int argc, char **argv)
{
  g_auto(CashflowOptions) o = { .months = DEFAULT_MONTHS };
  const GOptionEntry entries[] = {
    { "months", 0, 0, G_OPTION_ARG_INT, &o.months, N_("How many months ahead, 1 to 6 (default 3)"), N_("N") },
    { "wallet", 0, 0, G_OPTION_ARG_STRING, &o.wallet, N_("One wallet (default: all wallets in the book currency)"),
      N_("WALLET") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &o.from, N_("The first day forecast (default today)"), N_("YYYY-MM-DD") },
    { "floor", 0, 0, G_OPTION_ARG_STRING, &o.floor, N_("Warn below this balance this time (default: the stored floor, or 0)"),
      N_("AMOUNT") },
    { "set-floor", 0, 0, G_OPTION_ARG_STRING, &o.set_floor, N_("Store the balance the outlook warns below"), N_("AMOUNT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariCashflow) cashflow = NULL;
  DaftariDay from = 0;
  gint64 wallet_id, floor;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, NULL,
                          _("Forecast the balance day by day from schedules, open invoices and the book’s history."),
                          entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 0 || !check_months (o.months))
    return daftari_cli_usage ("%s", _("cashflow takes --months N (1 to 6), --wallet, --from, --floor and --set-floor"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if (o.set_floor != NULL)
    return store_floor (cli, o.set_floor);
  if (!wallet_of (cli, o.wallet, &wallet_id, &error) ||
      (o.from != NULL && !daftari_day_parse (o.from, &from, &error)) ||
      (cashflow = daftari_cashflow_forecast (cli->book, wallet_id, from, (guint) o.months, &error)) == NULL)
    return daftari_cli_fail (cli, error);
  if (o.floor != NULL)
    {
      if (!daftari_money_parse (o.floor, cashflow->commodity, &floor, &error))
        return daftari_cli_fail (cli, error);
      daftari_cashflow_set_outlook (cashflow, floor);
    }
  if (cli->json)
    print_json (cashflow, o.wallet);
  else
    print_text (cashflow, o.wallet);
  return DAFTARI_EXIT_OK;
}

static void
add_double (JsonBuilder *builder, const char *member, double value)
{
  json_builder_set_member_name (builder, member);
  if (isfinite (value))
    json_builder_add_double_value (builder, round (value * 1e4) / 1e4);
  else
    json_builder_add_null_value (builder);
}

static void
score_json (JsonBuilder *builder, const DaftariCashflowScore *score)
{
  add_int (builder, "points", score->n_points);
  add_int (builder, "days", score->n_days);
  add_double (builder, "mae", score->mae);
  add_double (builder, "mape", score->mape);
  add_double (builder, "coverage80", score->coverage80);
  add_double (builder, "coverage95", score->coverage95);
  add_double (builder, "flat_mae", score->flat_mae);
  add_double (builder, "flat_mape", score->flat_mape);
  add_double (builder, "drift_mae", score->drift_mae);
  add_double (builder, "drift_mape", score->drift_mape);
  add_double (builder, "repeat_mae", score->repeat_mae);
  add_double (builder, "repeat_mape", score->repeat_mape);
}

static void
print_eval_json (const DaftariCashflowEval *eval)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const DaftariCashflowScore all = {
    eval->n_points, eval->n_days, eval->mae, eval->mape, eval->coverage80, eval->coverage95,
    eval->flat_mae, eval->flat_mape, eval->drift_mae, eval->drift_mape, eval->repeat_mae, eval->repeat_mape,
  };

  json_builder_begin_object (builder);
  add_int (builder, "months", eval->n_months);
  add_int (builder, "origins", eval->n_origins);
  score_json (builder, &all);
  add_double (builder, "model_coverage80", eval->model_coverage80);
  add_double (builder, "model_coverage95", eval->model_coverage95);
  add_int (builder, "calibrated_origins", eval->n_calibrated);
  json_builder_set_member_name (builder, "by_month");
  json_builder_begin_array (builder);
  for (guint k = 0; k < eval->n_months; k++)
    {
      json_builder_begin_object (builder);
      add_int (builder, "month", k + 1);
      score_json (builder, &eval->by_month[k]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "methods");
  json_builder_begin_object (builder);
  for (guint m = 0; m < DAFTARI_CASHFLOW_N_METHODS; m++)
    {
      json_builder_set_member_name (builder, daftari_cashflow_method_to_string (m));
      json_builder_begin_object (builder);
      add_double (builder, "mae", eval->method_mae[m]);
      add_double (builder, "mape", eval->method_mape[m]);
      add_int (builder, "chosen", eval->method_chosen[m]);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  add_double (builder, "seconds", eval->seconds);
  json_builder_end_object (builder);
  daftari_cli_print_json (builder);
}

static void
print_eval_row (const char *label, double mae, double mape, const DaftariCommodity *currency)
{
  g_autofree char *amount = daftari_money_format (llround (mae), currency, DAFTARI_MONEY_FORMAT_NO_CODE);
  g_print ("  %-28s %16s %9.1f%%\n", label, amount, mape);
}

/* Month by month of the horizon: the forecast's error beside the flat
 * balance's, and the bands' coverage. */
static void
print_eval_months (const DaftariCashflowEval *eval, const DaftariCommodity *currency)
{
  g_print ("  %-8s %16s %16s %16s %8s %8s\n", _("Month"), _("Mean error"), _("Flat"), _("Average net"),
           /* xgettext:no-c-format */
           _("In 80%"),
           /* xgettext:no-c-format */
           _("In 95%"));
  for (guint k = 0; k < eval->n_months; k++)
    {
      const DaftariCashflowScore *score = &eval->by_month[k];
      g_autofree char *mae = daftari_money_format (llround (score->mae), currency, DAFTARI_MONEY_FORMAT_NO_CODE);
      g_autofree char *flat = daftari_money_format (llround (score->flat_mae), currency, DAFTARI_MONEY_FORMAT_NO_CODE);
      g_autofree char *drift = daftari_money_format (llround (score->drift_mae), currency, DAFTARI_MONEY_FORMAT_NO_CODE);

      g_print ("  %-8u %16s %16s %16s %7.1f%% %7.1f%%\n", k + 1, mae, flat, drift, 100 * score->coverage80,
               100 * score->coverage95);
    }
  g_print ("\n");
}

int
daftari_cli_cashflow_eval (DaftariCli *cli, int argc, char **argv)
{
  g_auto(CashflowOptions) o = { .months = DEFAULT_MONTHS };
  const GOptionEntry entries[] = {
    { "months", 0, 0, G_OPTION_ARG_INT, &o.months, N_("How many months each replayed forecast covers, 1 to 6 (default 3)"),
      N_("N") },
    { "wallet", 0, 0, G_OPTION_ARG_STRING, &o.wallet, N_("One wallet (default: all wallets in the book currency)"),
      N_("WALLET") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autofree DaftariCashflowEval *eval = NULL;
  const DaftariCommodity *currency;
  gint64 wallet_id;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, NULL,
                          _("Replay the cash-flow forecast from each past month and compare with what happened."),
                          entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 0 || !check_months (o.months))
    return daftari_cli_usage ("%s", _("cashflow-eval takes --months N (1 to 6) and --wallet"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if (!wallet_of (cli, o.wallet, &wallet_id, &error) ||
      (eval = daftari_cashflow_eval (cli->book, wallet_id, (guint) o.months, &error)) == NULL)
    return daftari_cli_fail (cli, error);
  if (cli->json)
    {
      print_eval_json (eval);
      return DAFTARI_EXIT_OK;
    }
  currency = daftari_book_get_currency (cli->book);
  g_print (_("%u forecasts of %u months replayed: %u month-end balances, %u daily balances.\n\n"), eval->n_origins,
           eval->n_months, eval->n_points, eval->n_days);
  g_print ("  %-28s %16s %10s\n", _("Month-end balance"), _("Mean error"), _("MAPE"));
  print_eval_row (_("Cash-flow forecast"), eval->mae, eval->mape, currency);
  print_eval_row (_("Balance stays flat"), eval->flat_mae, eval->flat_mape, currency);
  print_eval_row (_("Plus the average monthly net"), eval->drift_mae, eval->drift_mape, currency);
  print_eval_row (_("Last month’s net repeats"), eval->repeat_mae, eval->repeat_mape, currency);
  g_print ("\n");
  print_eval_months (eval, currency);
  g_print (_("Daily balances inside the 80%% band: %.1f%%, inside the 95%% band: %.1f%%.\n"), 100 * eval->coverage80,
           100 * eval->coverage95);
  g_print (_("The bands of %u forecasts came from the errors of the forecasts before them; "
             "the engine’s own bands would have held %.1f%% and %.1f%%.\n"),
           eval->n_calibrated, 100 * eval->model_coverage80, 100 * eval->model_coverage95);
  g_print (_("Time: %.2f s\n"), eval->seconds);
  return DAFTARI_EXIT_OK;
}
