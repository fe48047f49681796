/* SPDX-License-Identifier: GPL-3.0-or-later */
/* summary: the business at a glance, as `build-aux/daftari.sh run` shows it. */
#include "daftari-cli-context.h"

#include <glib/gi18n-lib.h>

typedef struct {
  gint64 in;
  gint64 out;
} MonthFlow;

static gboolean
month_flow (DaftariCli *cli, DaftariMonth month, MonthFlow *out_flow, GError **error)
{
  g_autoptr(GArray) totals = daftari_query_month_totals (cli->book, month, error);

  *out_flow = (MonthFlow) { 0, 0 };
  if (totals == NULL)
    return FALSE;
  for (guint i = 0; i < totals->len; i++)
    {
      const DaftariAccountTotal *total = &g_array_index (totals, DaftariAccountTotal, i);
      g_autoptr(DaftariAccount) account = daftari_account_get (cli->book, total->account_id, error);
      if (account == NULL)
        return FALSE;
      if (account->kind == DAFTARI_ACCOUNT_INCOME)
        out_flow->in -= total->value;
      else
        out_flow->out += total->value;
    }
  return TRUE;
}

static void
print_money_line (const char *label, gint64 amount, const DaftariCommodity *commodity, const char *extra)
{
  g_autofree char *text = daftari_money_format (amount, commodity, 0);
  g_print ("  %-24s %22s%s\n", label, text, extra ? extra : "");
}

int
daftari_cli_summary (DaftariCli *cli, int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const DaftariCommodity *currency;
  DaftariMonth this_month, last_month;
  MonthFlow now, before;
  gint64 total = 0;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, "", _("Show the wallets and this month against the last."), NULL))
    return DAFTARI_EXIT_USAGE;
  if (!daftari_cli_open_book (cli, &status))
    return status;
  currency = daftari_book_get_currency (cli->book);
  this_month = daftari_calendar_month_of (daftari_book_get_calendar (cli->book), daftari_calendar_now ());
  last_month = daftari_month_add (this_month, -1);
  if ((accounts = daftari_account_list (cli->book, FALSE, &error)) == NULL ||
      !month_flow (cli, this_month, &now, &error) || !month_flow (cli, last_month, &before, &error))
    return daftari_cli_fail (cli, error);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "business");
  json_builder_add_string_value (builder, daftari_book_get_business_name (cli->book));
  json_builder_set_member_name (builder, "wallets");
  json_builder_begin_array (builder);
  if (!cli->json)
    g_print ("%s\n\n%s\n", daftari_book_get_business_name (cli->book), _("Wallets"));
  for (guint i = 0; i < accounts->len; i++)
    {
      const DaftariAccount *account = g_ptr_array_index (accounts, i);
      g_autofree char *worth = NULL;
      gint64 balance, value = 0;
      gboolean valued;

      if (!daftari_account_kind_is_wallet (account->kind))
        continue;
      if (!daftari_query_current_balance (cli->book, account->id, &balance, &error))
        return daftari_cli_fail (cli, error);
      /* A crypto wallet with no rate yet is shown but not added up. */
      valued = daftari_rates_value (cli->book, account->commodity, balance, daftari_calendar_now (), &value, NULL);
      if (valued)
        total += value;
      if (cli->json)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, account->name);
          json_builder_set_member_name (builder, "commodity");
          json_builder_add_string_value (builder, account->commodity->code);
          daftari_cli_json_money (builder, "balance", balance, account->commodity);
          daftari_cli_json_money (builder, "value", value, currency);
          json_builder_end_object (builder);
          continue;
        }
      if (account->commodity != currency)
        {
          g_autofree char *value_text = daftari_money_format (value, currency, 0);
          worth = valued ? g_strdup_printf ("  (%s)", value_text) : g_strdup (_("  (no rate yet)"));
        }
      print_money_line (account->name, balance, account->commodity, worth);
    }
  json_builder_end_array (builder);
  daftari_cli_json_money (builder, "total", total, currency);
  daftari_cli_json_money (builder, "month_in", now.in, currency);
  daftari_cli_json_money (builder, "month_out", now.out, currency);
  daftari_cli_json_money (builder, "last_month_in", before.in, currency);
  daftari_cli_json_money (builder, "last_month_out", before.out, currency);
  json_builder_end_object (builder);
  if (cli->json)
    {
      daftari_cli_print_json (builder);
      return DAFTARI_EXIT_OK;
    }
  print_money_line (_("Total"), total, currency, NULL);
  g_print ("\n%s\n", _("This month (last month)"));
  {
    g_autofree char *in_before = daftari_money_format (before.in, currency, 0);
    g_autofree char *out_before = daftari_money_format (before.out, currency, 0);
    g_autofree char *net_before = daftari_money_format (before.in - before.out, currency, 0);
    g_autofree char *in_extra = g_strdup_printf ("  (%s)", in_before);
    g_autofree char *out_extra = g_strdup_printf ("  (%s)", out_before);
    g_autofree char *net_extra = g_strdup_printf ("  (%s)", net_before);
    print_money_line (_("Money in"), now.in, currency, in_extra);
    print_money_line (_("Money out"), now.out, currency, out_extra);
    print_money_line (_("Net"), now.in - now.out, currency, net_extra);
  }
  return DAFTARI_EXIT_OK;
}
