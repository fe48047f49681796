/* SPDX-License-Identifier: GPL-3.0-or-later */
/* chart bars|balance|categories|budget: a chart of the book as PNG, SVG or PDF
 * (docs/charts.md). The figures come from the core's queries; drawing is
 * the core's DaftariChart. */
#include "daftari-cli-context.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "daftari-chart.h"
#include "daftari-forecast.h"
/* Budgets come from the planning area when it is built (src/core/plan). */
#if __has_include ("daftari-budget.h")
#include "daftari-budget.h"
#define HAVE_BUDGETS 1
#endif

#define DEFAULT_WIDTH     960
#define DEFAULT_HEIGHT    540
#define DEFAULT_MONTHS    12    /* bars: a year */
#define HISTORY_DAYS      182   /* balance: half a year of days ... */
#define DAILY_LIMIT       186   /* ... drawn day by day up to this many, else month by month */
#define DEFAULT_FORECAST  3     /* balance: months ahead */
#define MAX_FORECAST      12
#define Z80               1.2815515655446004
#define Z95               1.959963984540054

typedef struct {
  DaftariCli      *cli;
  DaftariCalendar *calendar;
  DaftariDay       from, to;
  const char      *wallet;
  int              months;
} ChartRequest;

/* ---- days ---- */

static GDate
to_gdate (DaftariDay day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day % 100, (day / 100) % 100, day / 10000);
  return date;
}

static DaftariDay
from_gdate (const GDate *date)
{
  return g_date_get_year (date) * 10000 + g_date_get_month (date) * 100 + g_date_get_day (date);
}

static DaftariDay
day_add (DaftariDay day, int days)
{
  GDate date = to_gdate (day);

  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  return from_gdate (&date);
}

static int
days_between (DaftariDay a, DaftariDay b)
{
  GDate x = to_gdate (a), y = to_gdate (b);

  return g_date_days_between (&x, &y);
}

static DaftariDay
month_end (DaftariMonth month)
{
  return month * 100 + g_date_get_days_in_month (month % 100, month / 100);
}

/* ---- income, expense and categories from the month totals ---- */

/* Every account by id, to tell income from expense in the month totals. */
static GHashTable *
accounts_by_id (DaftariBook *book, GError **error)
{
  g_autoptr(GPtrArray) accounts = daftari_account_list (book, TRUE, error);
  GHashTable *by_id;

  if (accounts == NULL)
    return NULL;
  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) daftari_account_free);
  g_ptr_array_set_free_func (accounts, NULL);
  for (guint i = 0; i < accounts->len; i++)
    {
      DaftariAccount *account = g_ptr_array_index (accounts, i);
      g_hash_table_insert (by_id, &account->id, account);
    }
  return by_id;
}

/* Calls add (account, natural amount) for each category's total of month. */
static gboolean
each_category_total (DaftariBook *book, GHashTable *accounts, DaftariMonth month,
                     void (*add) (const DaftariAccount *, gint64, gpointer), gpointer data, GError **error)
{
  g_autoptr(GArray) totals = daftari_query_month_totals (book, month, error);

  if (totals == NULL)
    return FALSE;
  for (guint i = 0; i < totals->len; i++)
    {
      const DaftariAccountTotal *t = &g_array_index (totals, DaftariAccountTotal, i);
      const DaftariAccount *account = g_hash_table_lookup (accounts, &t->account_id);

      if (account != NULL && daftari_account_kind_is_category (account->kind))
        add (account, daftari_cli_natural (account, t->value), data);
    }
  return TRUE;
}

typedef struct { gint64 income, expense; } MonthSums;

static void
add_to_month (const DaftariAccount *account, gint64 amount, gpointer data)
{
  MonthSums *sums = data;

  if (account->kind == DAFTARI_ACCOUNT_INCOME)
    sums->income += amount;
  else
    sums->expense += amount;
}

static DaftariChart *
bars_chart (ChartRequest *req, GHashTable *accounts, GError **error)
{
  g_autoptr(DaftariChart) chart = daftari_chart_new (DAFTARI_CHART_BARS,
                                                     daftari_book_get_currency (req->cli->book));

  for (DaftariMonth m = req->from / 100; m <= req->to / 100; m = daftari_month_add (m, 1))
    {
      MonthSums sums = { 0, 0 };

      if (!each_category_total (req->cli->book, accounts, m, add_to_month, &sums, error))
        return NULL;
      daftari_chart_add_month (chart, m, sums.income, sums.expense);
    }
  daftari_chart_set_title (chart, _("Income and expense"));
  return g_steal_pointer (&chart);
}

static void
add_to_category (const DaftariAccount *account, gint64 amount, gpointer data)
{
  GHashTable *sums = data;
  gint64 *sum;

  if (account->kind != DAFTARI_ACCOUNT_EXPENSE)
    return;
  if ((sum = g_hash_table_lookup (sums, &account->id)) == NULL)
    {
      sum = g_new0 (gint64, 2);
      sum[0] = account->id;
      g_hash_table_insert (sums, sum, sum);
    }
  sum[1] += amount;
}

static DaftariChart *
categories_chart (ChartRequest *req, GHashTable *accounts, GError **error)
{
  g_autoptr(DaftariChart) chart = daftari_chart_new (DAFTARI_CHART_CATEGORIES,
                                                     daftari_book_get_currency (req->cli->book));
  /* id → { id, total }, keyed by the array's first element. */
  g_autoptr(GHashTable) sums = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  GHashTableIter iter;
  gint64 *sum;

  for (DaftariMonth m = req->from / 100; m <= req->to / 100; m = daftari_month_add (m, 1))
    if (!each_category_total (req->cli->book, accounts, m, add_to_category, sums, error))
      return NULL;
  g_hash_table_iter_init (&iter, sums);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &sum))
    {
      const DaftariAccount *account = g_hash_table_lookup (accounts, &sum[0]);
      daftari_chart_add_slice (chart, account->id, account->name, sum[1]);
    }
  daftari_chart_set_title (chart, _("Spending by category"));
  return g_steal_pointer (&chart);
}

/* ---- balance with its forecast ---- */

/* The wallets to add up: the one asked for, or every open wallet in the
 * book currency (others would need a rate per day). */
static GPtrArray *
balance_wallets (ChartRequest *req, GHashTable *accounts, GError **error)
{
  GPtrArray *wallets = g_ptr_array_new ();
  const DaftariCommodity *currency = daftari_book_get_currency (req->cli->book);
  GHashTableIter iter;
  DaftariAccount *account;

  if (req->wallet != NULL)
    {
      g_autoptr(DaftariAccount) found = daftari_cli_account (req->cli, req->wallet, error);

      if (found == NULL || !daftari_account_kind_is_wallet (found->kind))
        {
          if (found != NULL)
            g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                         _("%s is not a wallet; give a wallet’s name to --wallet"), found->name);
          g_ptr_array_unref (wallets);
          return NULL;
        }
      g_ptr_array_add (wallets, g_hash_table_lookup (accounts, &found->id));
      return wallets;
    }
  g_hash_table_iter_init (&iter, accounts);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &account))
    if (daftari_account_kind_is_wallet (account->kind) && !account->archived && account->commodity == currency)
      g_ptr_array_add (wallets, account);
  return wallets;
}

static gboolean
balance_at (ChartRequest *req, GPtrArray *wallets, DaftariDay day, gint64 *out, GError **error)
{
  gint64 ts = daftari_calendar_day_end (req->calendar, day);

  *out = 0;
  for (guint i = 0; i < wallets->len; i++)
    {
      const DaftariAccount *wallet = g_ptr_array_index (wallets, i);
      gint64 amount;

      if (!daftari_query_balance (req->cli->book, wallet->id, ts, &amount, error))
        return FALSE;
      *out += amount;
    }
  return TRUE;
}

/* The wallets' net flow per month up to the month before req->to, as
 * doubles for the forecasting engine; NULL when there is no history. */
static double *
net_flow_history (ChartRequest *req, GPtrArray *wallets, guint *out_n, GError **error)
{
  DaftariMonth last = daftari_month_add (req->to / 100, -1), first = last + 1;
  double *history;

  for (guint i = 0; i < wallets->len; i++)
    {
      const DaftariAccount *wallet = g_ptr_array_index (wallets, i);
      DaftariMonth f = daftari_query_first_month (req->cli->book, wallet->id, error);

      if (f == 0 && error != NULL && *error != NULL)
        return NULL;
      if (f != 0)
        first = MIN (first, f);
    }
  if (first > last)
    return NULL;
  *out_n = 0;
  history = NULL;
  for (guint i = 0; i < wallets->len; i++)
    {
      const DaftariAccount *wallet = g_ptr_array_index (wallets, i);
      g_autoptr(GArray) series = daftari_query_monthly_series (req->cli->book, wallet->id, first, last, error);

      if (series == NULL)
        {
          g_free (history);
          return NULL;
        }
      if (history == NULL)
        history = g_new0 (double, MAX (series->len, 1));
      for (guint t = 0; t < series->len; t++)
        history[t] += (double) g_array_index (series, gint64, t);
      *out_n = series->len;
    }
  return history;
}

/* Month-end balances ahead: the last balance plus the forecast net flows
 * added up, the first month counted only for the days left in it. The
 * engine gives each month's interval; months are taken as independent, so
 * the spreads add in quadrature (docs/charts.md says why that is enough
 * for a picture and where the cash-flow forecast does better). */
static void
add_forecast (ChartRequest *req, DaftariChart *chart, gint64 last_balance, const DaftariForecast *f)
{
  DaftariMonth month = req->to / 100;
  int days = g_date_get_days_in_month (month % 100, month / 100);
  double left = (double) (days - req->to % 100) / days, mean = (double) last_balance;
  double var80 = 0, var95 = 0;

  for (guint h = 0; h < f->horizon; h++)
    {
      double share = h == 0 ? left : 1;
      double s80 = (f->hi80[h] - f->lo80[h]) / (2 * Z80), s95 = (f->hi95[h] - f->lo95[h]) / (2 * Z95);

      mean += share * f->mean[h];
      var80 += share * s80 * s80;
      var95 += share * s95 * s95;
      if (share == 0)
        continue;  /* req->to is a month's last day: its month is already known */
      daftari_chart_add_forecast (chart, month_end (daftari_month_add (month, h)), llround (mean),
                                  llround (mean - Z80 * sqrt (var80)), llround (mean + Z80 * sqrt (var80)),
                                  llround (mean - Z95 * sqrt (var95)), llround (mean + Z95 * sqrt (var95)));
    }
}

static gboolean
add_history (ChartRequest *req, DaftariChart *chart, GPtrArray *wallets, gint64 *out_last, GError **error)
{
  gboolean daily = days_between (req->from, req->to) <= DAILY_LIMIT;
  DaftariDay day = req->from;

  while (day <= req->to)
    {
      if (!balance_at (req, wallets, day, out_last, error))
        return FALSE;
      daftari_chart_add_balance (chart, day, *out_last);
      if (day == req->to)
        break;
      if (daily)
        day = day_add (day, 1);
      else
        day = MIN (day < month_end (day / 100) ? month_end (day / 100)
                                               : month_end (daftari_month_add (day / 100, 1)), req->to);
    }
  return TRUE;
}

static DaftariChart *
balance_chart (ChartRequest *req, GHashTable *accounts, GError **error)
{
  g_autoptr(GPtrArray) wallets = balance_wallets (req, accounts, error);
  g_autoptr(DaftariChart) chart = NULL;
  g_autofree double *history = NULL;
  g_autoptr(DaftariForecast) forecast = NULL;
  GError *local = NULL;
  gint64 last = 0;
  guint n = 0;

  if (wallets == NULL)
    return NULL;
  chart = daftari_chart_new (DAFTARI_CHART_BALANCE, wallets->len == 1
                             ? ((const DaftariAccount *) g_ptr_array_index (wallets, 0))->commodity
                             : daftari_book_get_currency (req->cli->book));
  daftari_chart_set_title (chart, wallets->len == 1 && req->wallet != NULL
                           ? ((const DaftariAccount *) g_ptr_array_index (wallets, 0))->name
                           : _("Balance of all wallets"));
  if (wallets->len == 0 || !add_history (req, chart, wallets, &last, error))
    return wallets->len == 0 ? g_steal_pointer (&chart) : NULL;
  if (req->months == 0)
    return g_steal_pointer (&chart);
  history = net_flow_history (req, wallets, &n, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  if (history != NULL &&
      (forecast = daftari_forecast_compute (history, n, 12, req->months + 1, DAFTARI_FORECAST_COMBINED,
                                            &local)) != NULL)
    add_forecast (req, chart, last, forecast);
  else
    {
      /* A picture of the past is still worth drawing. */
      g_printerr (_("daftari-cli: no forecast: %s\n"),
                  local != NULL ? local->message : _("no complete month of history yet"));
      g_clear_error (&local);
    }
  return g_steal_pointer (&chart);
}

/* ---- budget against actual ---- */

#ifdef HAVE_BUDGETS
/* The budgets of --to's month against what was spent by --to. */
static DaftariChart *
budget_chart (ChartRequest *req, GError **error)
{
  g_autoptr(DaftariBudgetReport) report = daftari_budget_report (req->cli->book, req->to / 100, req->to, error);
  g_autoptr(DaftariChart) chart = NULL;
  g_autofree char *month = NULL;

  if (report == NULL)
    return NULL;
  chart = daftari_chart_new (DAFTARI_CHART_BUDGET, daftari_book_get_currency (req->cli->book));
  for (guint i = 0; i < report->lines->len; i++)
    {
      const DaftariBudgetLine *line = &g_array_index (report->lines, DaftariBudgetLine, i);
      daftari_chart_add_budget (chart, line->category_id, line->category, line->budget, line->actual);
    }
  month = g_strdup_printf ("%04d-%02d", report->month / 100, report->month % 100);
  /* Translators: the title of the budget chart, "Budget against spending, 2025-03" */
  {
    g_autofree char *title = g_strdup_printf (_("Budget against spending, %s"), month);
    daftari_chart_set_title (chart, title);
  }
  return g_steal_pointer (&chart);
}
#endif

/* ---- the command ---- */

/* --from and --to, with each kind's default period ending today. */
static gboolean
resolve_period (ChartRequest *req, const char *kind, const char *from, const char *to, GError **error)
{
  DaftariMonth this_month;

  req->calendar = daftari_book_get_calendar (req->cli->book);
  req->to = daftari_calendar_today (req->calendar);
  if (to != NULL && !daftari_day_parse (to, &req->to, error))
    return FALSE;
  this_month = req->to / 100;
  if (g_str_equal (kind, "bars"))
    req->from = daftari_month_add (this_month, 1 - DEFAULT_MONTHS) * 100 + 1;
  else if (g_str_equal (kind, "balance"))
    req->from = day_add (req->to, -HISTORY_DAYS);
  else
    req->from = this_month * 100 + 1;
  if (from != NULL && !daftari_day_parse (from, &req->from, error))
    return FALSE;
  if (req->from > req->to)
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                   _("--from comes after --to; give the first day before the last"));
      return FALSE;
    }
  return TRUE;
}

static void
print_result (DaftariCli *cli, DaftariChart *chart, const char *kind, const char *output)
{
  g_autofree char *description = daftari_chart_describe (chart);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, output);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, kind);
      json_builder_set_member_name (builder, "items");
      json_builder_add_int_value (builder, daftari_chart_get_n_items (chart));
      json_builder_set_member_name (builder, "description");
      json_builder_add_string_value (builder, description);
      json_builder_end_object (builder);
      daftari_cli_print_json (builder);
    }
  else
    g_print ("%s\n%s\n", output, description);
}

static int
chart_run (DaftariCli *cli, int argc, char **argv)
{
  g_autofree char *output = NULL, *from = NULL, *to = NULL, *wallet = NULL;
  int width = DEFAULT_WIDTH, height = DEFAULT_HEIGHT, months = DEFAULT_FORECAST;
  gboolean dark = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write: .png, .svg or .pdf"), N_("FILE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day (bars: its month)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day (default: today)"), N_("YYYY-MM-DD") },
    { "wallet", 0, 0, G_OPTION_ARG_STRING, &wallet, N_("balance: one wallet (default: every wallet in the book currency)"), N_("WALLET") },
    { "months", 0, 0, G_OPTION_ARG_INT, &months, N_("balance: months of forecast, 0 to 12 (default 3)"), N_("N") },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("Width in pixels (points for SVG and PDF)"), N_("W") },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, N_("Height in pixels (points for SVG and PDF)"), N_("H") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_("Dark background"), NULL },
    { NULL }
  };
  const char *kind = argv[0];
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) accounts = NULL;
  g_autoptr(DaftariChart) chart = NULL;
  ChartRequest req = { cli };
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, "",
                          _("Draw a chart of the book: bars (income and expense per month), balance "
                            "(with a forecast), categories (spending) or budget (against spending in "
                            "the month of --to)."), entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 0)
    return daftari_cli_usage (_("chart %s takes options only"), kind);
  if (output == NULL)
    return daftari_cli_usage ("%s", _("chart needs -o FILE.png, FILE.svg or FILE.pdf"));
  if (months < 0 || months > MAX_FORECAST)
    return daftari_cli_usage ("%s", _("--months must be between 0 and 12"));
  if (wallet != NULL && !g_str_equal (kind, "balance"))
    return daftari_cli_usage ("%s", _("--wallet is for chart balance"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  req.wallet = wallet;
  req.months = months;
  if (!resolve_period (&req, kind, from, to, &error) || (accounts = accounts_by_id (cli->book, &error)) == NULL)
    return daftari_cli_fail (cli, error);
  if (g_str_equal (kind, "bars"))
    chart = bars_chart (&req, accounts, &error);
  else if (g_str_equal (kind, "balance"))
    chart = balance_chart (&req, accounts, &error);
#ifdef HAVE_BUDGETS
  else if (g_str_equal (kind, "budget"))
    chart = budget_chart (&req, &error);
#endif
  else
    chart = categories_chart (&req, accounts, &error);
  if (chart == NULL ||
      !daftari_chart_export (chart, output, width, height,
                             dark ? DAFTARI_CHART_THEME_DARK : DAFTARI_CHART_THEME_LIGHT, &error))
    {
      if (error->domain == G_FILE_ERROR)
        {
          g_printerr ("daftari-cli: %s\n", error->message);
          return DAFTARI_EXIT_FILE;
        }
      return daftari_cli_fail (cli, error);
    }
  print_result (cli, chart, kind, output);
  return DAFTARI_EXIT_OK;
}

int
daftari_cli_chart (DaftariCli *cli, int argc, char **argv)
{
  cli->group = "chart";
  if (argc >= 2 && (g_str_equal (argv[1], "bars") || g_str_equal (argv[1], "balance") ||
                    g_str_equal (argv[1], "categories")))
    return chart_run (cli, argc - 1, argv + 1);
#ifdef HAVE_BUDGETS
  if (argc >= 2 && g_str_equal (argv[1], "budget"))
    return chart_run (cli, argc - 1, argv + 1);
  return daftari_cli_usage ("%s", _("use “chart bars|balance|categories|budget -o FILE.png|.svg|.pdf "
                                    "[--from D] [--to D]”"));
#else
  if (argc >= 2 && g_str_equal (argv[1], "budget"))
    return daftari_cli_usage ("%s", _("chart budget needs budgets, which this build does not have; "
                                      "use chart bars, balance or categories"));
  return daftari_cli_usage ("%s", _("use “chart bars|balance|categories -o FILE.png|.svg|.pdf "
                                    "[--from D] [--to D]”"));
#endif
}
