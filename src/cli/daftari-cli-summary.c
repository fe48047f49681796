/* SPDX-License-Identifier: GPL-3.0-or-later */
/* summary: the business at a glance, as `build-aux/daftari.sh run` shows it. */
#include "daftari-cli-context.h"

#include <glib/gi18n-lib.h>

static void
print_money_line (const char *label, gint64 amount, const DaftariCommodity *commodity, const char *extra)
{
  g_autofree char *text = daftari_money_format (amount, commodity, 0);
  g_print ("  %-24s %22s%s\n", label, text, extra ? extra : "");
}

/* "Money in   KES 3,159,301.00  (KES 4,636,395.00)": this month, then last. */
static void
print_compared (const char *label, gint64 now, gint64 before, const DaftariCommodity *currency)
{
  g_autofree char *before_text = daftari_money_format (before, currency, 0);
  g_autofree char *extra = g_strdup_printf ("  (%s)", before_text);
  print_money_line (label, now, currency, extra);
}

static void
print_json (DaftariCli *cli, const DaftariSummary *summary)
{
  const DaftariCommodity *currency = daftari_book_get_currency (cli->book);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "business");
  json_builder_add_string_value (builder, daftari_book_get_business_name (cli->book));
  json_builder_set_member_name (builder, "wallets");
  json_builder_begin_array (builder);
  for (guint i = 0; i < summary->wallets->len; i++)
    {
      const DaftariWalletBalance *wallet = &g_array_index (summary->wallets, DaftariWalletBalance, i);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, wallet->account->name);
      json_builder_set_member_name (builder, "commodity");
      json_builder_add_string_value (builder, wallet->account->commodity->code);
      daftari_cli_json_money (builder, "balance", wallet->balance, wallet->account->commodity);
      daftari_cli_json_money (builder, "value", wallet->value, currency);
      json_builder_set_member_name (builder, "has_rate");
      json_builder_add_boolean_value (builder, wallet->has_rate);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  daftari_cli_json_money (builder, "total", summary->total, currency);
  daftari_cli_json_money (builder, "month_in", summary->this_month.in, currency);
  daftari_cli_json_money (builder, "month_out", summary->this_month.out, currency);
  daftari_cli_json_money (builder, "last_month_in", summary->last_month.in, currency);
  daftari_cli_json_money (builder, "last_month_out", summary->last_month.out, currency);
  json_builder_end_object (builder);
  daftari_cli_print_json (builder);
}

static void
print_text (DaftariCli *cli, const DaftariSummary *summary)
{
  const DaftariCommodity *currency = daftari_book_get_currency (cli->book);
  const DaftariMonthFlow *now = &summary->this_month, *before = &summary->last_month;

  g_print ("%s\n\n%s\n", daftari_book_get_business_name (cli->book), _("Wallets"));
  for (guint i = 0; i < summary->wallets->len; i++)
    {
      const DaftariWalletBalance *wallet = &g_array_index (summary->wallets, DaftariWalletBalance, i);
      g_autofree char *worth = NULL;

      if (wallet->account->commodity != currency)
        {
          g_autofree char *value_text = daftari_money_format (wallet->value, currency, 0);
          worth = wallet->has_rate ? g_strdup_printf ("  (%s)", value_text) : g_strdup (_("  (no rate yet)"));
        }
      print_money_line (wallet->account->name, wallet->balance, wallet->account->commodity, worth);
    }
  print_money_line (_("Total"), summary->total, currency, NULL);
  g_print ("\n%s\n", _("This month (last month)"));
  print_compared (_("Money in"), now->in, before->in, currency);
  print_compared (_("Money out"), now->out, before->out, currency);
  print_compared (_("Net"), now->in - now->out, before->in - before->out, currency);
}

int
daftari_cli_summary (DaftariCli *cli, int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariSummary) summary = NULL;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, "", _("Show the wallets and this month against the last."), NULL))
    return DAFTARI_EXIT_USAGE;
  if (argc != 0)
    return daftari_cli_usage ("%s", _("summary takes no arguments"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  summary = daftari_summary_compute (cli->book, daftari_calendar_now (), &error);
  if (summary == NULL)
    return daftari_cli_fail (cli, error);
  if (cli->json)
    print_json (cli, summary);
  else
    print_text (cli, summary);
  return DAFTARI_EXIT_OK;
}
