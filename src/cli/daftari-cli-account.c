/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Commands about accounts and rates: account add|list|archive|restore, rate set|list. */
#include "daftari-cli-context.h"

#include <glib/gi18n-lib.h>

static int
account_add (DaftariCli *cli, int argc, char **argv)
{
  g_autofree char *kind_text = NULL;
  g_autofree char *commodity = NULL;
  g_autofree char *institution = NULL;
  g_autofree char *opening = NULL;
  g_autofree char *date = NULL;
  gboolean overdraft = FALSE;
  const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, N_("mpesa, bank, cash, crypto, income or expense"), N_("KIND") },
    { "commodity", 0, 0, G_OPTION_ARG_STRING, &commodity, N_("KES, USD, BTC, ETH or USDT"), N_("CODE") },
    { "institution", 0, 0, G_OPTION_ARG_STRING, &institution, N_("The bank: KCB, Equity, Co-operative, NCBA, Absa, Stanbic, DTB, I&M, Family or Other"), N_("NAME") },
    { "opening", 0, 0, G_OPTION_ARG_STRING, &opening, N_("The wallet’s balance to start with"), N_("AMOUNT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The date of the opening balance (default today)"), N_("YYYY-MM-DD") },
    { "allow-overdraft", 0, 0, G_OPTION_ARG_NONE, &overdraft, N_("Let the wallet go below zero"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  DaftariAccountSpec spec = { 0 };
  const DaftariCommodity *held;
  gint64 id;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, _("NAME"), _("Add a wallet or a category."), entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 1)
    return daftari_cli_usage ("%s", _("account add needs exactly one NAME (quote a name with spaces)"));
  if (kind_text == NULL || !daftari_account_kind_from_string (kind_text, &spec.kind) ||
      spec.kind > DAFTARI_ACCOUNT_EXPENSE)
    return daftari_cli_usage ("%s", _("--kind must be mpesa, bank, cash, crypto, income or expense"));
  if (!daftari_cli_open_book (cli, &status))
    return status;

  spec.name = argv[0];
  spec.commodity = commodity;
  spec.institution = institution;
  spec.allow_overdraft = overdraft;
  held = daftari_commodity_lookup (commodity ? commodity
                                             : spec.kind == DAFTARI_ACCOUNT_CRYPTO ? "BTC"
                                             : daftari_book_get_currency (cli->book)->code);
  if (opening != NULL &&
      (held == NULL || !daftari_money_parse (opening, held, &spec.opening, &error) ||
       !daftari_cli_date (cli, date, &spec.opening_ts, &error)))
    {
      if (error == NULL)
        g_set_error (&error, DAFTARI_MONEY_ERROR, DAFTARI_MONEY_ERROR_UNKNOWN_COMMODITY,
                     _("“%s” is not a currency Daftari knows"), commodity);
      return daftari_cli_fail (cli, error);
    }
  if (!daftari_account_add (cli->book, &spec, &id, &error))
    return daftari_cli_fail (cli, error);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, spec.name);
      json_builder_end_object (builder);
      daftari_cli_print_json (builder);
    }
  else
    g_print (_("Added “%s”\n"), spec.name);
  return DAFTARI_EXIT_OK;
}

static void
add_account_json (JsonBuilder *builder, const DaftariAccount *account, gint64 balance)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, account->id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, account->name);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, daftari_account_kind_to_string (account->kind));
  json_builder_set_member_name (builder, "commodity");
  json_builder_add_string_value (builder, account->commodity->code);
  daftari_cli_json_text (builder, "institution", account->institution);
  json_builder_set_member_name (builder, "allow_overdraft");
  json_builder_add_boolean_value (builder, account->allow_overdraft);
  json_builder_set_member_name (builder, "archived");
  json_builder_add_boolean_value (builder, account->archived);
  daftari_cli_json_money (builder, "balance", balance, account->commodity);
  json_builder_end_object (builder);
}

static int
account_list (DaftariCli *cli, int argc, char **argv)
{
  gboolean all = FALSE;
  const GOptionEntry entries[] = {
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Include archived accounts"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, "", _("List wallets, categories and Daftari’s own accounts."), entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 0)
    return daftari_cli_usage ("%s", _("account list takes no arguments"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if ((accounts = daftari_account_list (cli->book, all, &error)) == NULL)
    return daftari_cli_fail (cli, error);

  json_builder_begin_array (builder);
  if (!cli->json)
    g_print ("%-28s %-10s %-5s %20s\n", _("NAME"), _("KIND"), "", _("BALANCE"));
  for (guint i = 0; i < accounts->len; i++)
    {
      const DaftariAccount *account = g_ptr_array_index (accounts, i);
      gint64 balance;
      g_autofree char *text = NULL;

      if (!daftari_query_current_balance (cli->book, account->id, &balance, &error))
        return daftari_cli_fail (cli, error);
      balance = daftari_cli_natural (account, balance);
      if (cli->json)
        {
          add_account_json (builder, account, balance);
          continue;
        }
      text = daftari_money_format (balance, account->commodity, DAFTARI_MONEY_FORMAT_NO_CODE);
      g_print ("%-28s %-10s %-5s %20s%s\n", account->name, daftari_account_kind_to_string (account->kind),
               account->commodity->code, text, account->archived ? _(" (archived)") : "");
    }
  json_builder_end_array (builder);
  if (cli->json)
    daftari_cli_print_json (builder);
  return DAFTARI_EXIT_OK;
}

static int
account_archive (DaftariCli *cli, int argc, char **argv, gboolean archived)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariAccount) account = NULL;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, _("NAME"),
                          archived ? _("Hide an account from lists and stop new money in it; its history stays.")
                                   : _("Bring an archived account back."), NULL))
    return DAFTARI_EXIT_USAGE;
  if (argc != 1)
    return daftari_cli_usage ("%s", _("give exactly one account NAME"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if ((account = daftari_cli_account (cli, argv[0], &error)) == NULL ||
      !daftari_account_set_archived (cli->book, account->id, archived, &error))
    return daftari_cli_fail (cli, error);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, account->name);
      json_builder_set_member_name (builder, "archived");
      json_builder_add_boolean_value (builder, archived);
      json_builder_end_object (builder);
      daftari_cli_print_json (builder);
    }
  else
    g_print (archived ? _("Archived “%s”\n") : _("Restored “%s”\n"), account->name);
  return DAFTARI_EXIT_OK;
}

int
daftari_cli_account_cmd (DaftariCli *cli, int argc, char **argv)
{
  cli->group = "account";
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return account_add (cli, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return account_list (cli, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "archive"))
    return account_archive (cli, argc - 1, argv + 1, TRUE);
  if (argc >= 2 && g_str_equal (argv[1], "restore"))
    return account_archive (cli, argc - 1, argv + 1, FALSE);
  return daftari_cli_usage ("%s", _("use “account add”, “account list”, “account archive” or “account restore”"));
}

static int
rate_set (DaftariCli *cli, int argc, char **argv)
{
  g_autofree char *date = NULL;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day the rate is for (default today)"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  const DaftariCommodity *commodity;
  DaftariDay day;
  gint64 rate;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, _("CODE RATE"),
                          _("Set how much one unit of CODE is worth in the book currency, e.g. “rate set BTC 9,000,000”."),
                          entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 2)
    return daftari_cli_usage ("%s", _("rate set needs a CODE and a RATE"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  commodity = daftari_commodity_lookup (argv[0]);
  if (commodity == NULL)
    {
      g_set_error (&error, DAFTARI_MONEY_ERROR, DAFTARI_MONEY_ERROR_UNKNOWN_COMMODITY,
                   _("“%s” is not a currency Daftari knows"), argv[0]);
      return daftari_cli_fail (cli, error);
    }
  if (date == NULL)
    day = daftari_calendar_today (daftari_book_get_calendar (cli->book));
  if ((date != NULL && !daftari_day_parse (date, &day, &error)) ||
      !daftari_rate_parse (argv[1], &rate, &error) ||
      !daftari_rates_set (cli->book, commodity, day, rate, &error))
    return daftari_cli_fail (cli, error);
  {
    g_autofree char *text = daftari_rate_format (rate);
    g_autofree char *plain = daftari_rate_format_full (rate, DAFTARI_MONEY_FORMAT_NO_GROUPING);
    g_autofree char *from = daftari_day_format (day);

    if (cli->json)
      {
        g_autoptr(JsonBuilder) builder = json_builder_new ();
        json_builder_begin_object (builder);
        json_builder_set_member_name (builder, "commodity");
        json_builder_add_string_value (builder, commodity->code);
        json_builder_set_member_name (builder, "date");
        json_builder_add_string_value (builder, from);
        json_builder_set_member_name (builder, "rate");
        json_builder_add_string_value (builder, plain);
        json_builder_end_object (builder);
        daftari_cli_print_json (builder);
      }
    else
      g_print (_("1 %s = %s %s from %s\n"), commodity->code, text,
               daftari_book_get_currency (cli->book)->code, from);
  }
  return DAFTARI_EXIT_OK;
}

static int
rate_list (DaftariCli *cli, int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rates = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, "", _("List the rates, newest first."), NULL))
    return DAFTARI_EXIT_USAGE;
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if ((rates = daftari_rates_list (cli->book, &error)) == NULL)
    return daftari_cli_fail (cli, error);
  json_builder_begin_array (builder);
  for (guint i = 0; i < rates->len; i++)
    {
      const DaftariRateEntry *entry = &g_array_index (rates, DaftariRateEntry, i);
      g_autofree char *text = daftari_rate_format_full (entry->rate, cli->json ? DAFTARI_MONEY_FORMAT_NO_GROUPING : 0);
      g_autofree char *day = daftari_day_format (entry->day);
      if (!cli->json)
        {
          g_print ("%s  %-5s %s\n", day, entry->commodity->code, text);
          continue;
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, day);
      json_builder_set_member_name (builder, "commodity");
      json_builder_add_string_value (builder, entry->commodity->code);
      json_builder_set_member_name (builder, "rate");
      json_builder_add_string_value (builder, text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (cli->json)
    daftari_cli_print_json (builder);
  return DAFTARI_EXIT_OK;
}

int
daftari_cli_rate (DaftariCli *cli, int argc, char **argv)
{
  cli->group = "rate";
  if (argc >= 2 && g_str_equal (argv[1], "set"))
    return rate_set (cli, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return rate_list (cli, argc - 1, argv + 1);
  return daftari_cli_usage ("%s", _("use “rate set CODE RATE” or “rate list”"));
}
