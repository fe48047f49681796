/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Commands that move money: transfer, pay, record. */
#include "daftari-cli-context.h"

#include <glib/gi18n-lib.h>

/* Parses an optional fee in the paying wallet's commodity. */
static gboolean
parse_fee (const char *text, const DaftariAccount *wallet, gint64 *out_fee, GError **error)
{
  *out_fee = 0;
  return text == NULL || daftari_money_parse (text, wallet->commodity, out_fee, error);
}

int
daftari_cli_transfer (DaftariCli *cli, int argc, char **argv)
{
  g_autofree char *fee = NULL;
  g_autofree char *date = NULL;
  g_autofree char *memo = NULL;
  const GOptionEntry entries[] = {
    { "fee", 0, 0, G_OPTION_ARG_STRING, &fee, N_("The charge for the transfer, paid from FROM"), N_("AMOUNT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day it happened (default now)"), N_("YYYY-MM-DD") },
    { "memo", 0, 0, G_OPTION_ARG_STRING, &memo, N_("A note"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariAccount) from = NULL;
  g_autoptr(DaftariAccount) to = NULL;
  DaftariTransferSpec spec = { 0 };
  gint64 id;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, _("FROM TO AMOUNT"),
                          _("Move money between two wallets. AMOUNT is in FROM’s currency; between "
                            "currencies the latest rates on or before the date are used."), entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 3)
    return daftari_cli_usage ("%s", _("transfer needs FROM, TO and AMOUNT"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if ((from = daftari_cli_account (cli, argv[0], &error)) == NULL ||
      (to = daftari_cli_account (cli, argv[1], &error)) == NULL ||
      !daftari_money_parse (argv[2], from->commodity, &spec.amount, &error) ||
      !parse_fee (fee, from, &spec.fee, &error) ||
      !daftari_cli_date (cli, date, &spec.ts, &error))
    return daftari_cli_fail (cli, error);
  spec.from_id = from->id;
  spec.to_id = to->id;
  spec.memo = memo;
  if (!daftari_ops_transfer (cli->book, &spec, &id, &error))
    return daftari_cli_fail (cli, error);
  return daftari_cli_posted (cli, id);
}

int
daftari_cli_pay (DaftariCli *cli, int argc, char **argv)
{
  g_autofree char *account_ref = NULL;
  g_autofree char *category = NULL;
  g_autofree char *fee = NULL;
  g_autofree char *date = NULL;
  g_autofree char *memo = NULL;
  const GOptionEntry entries[] = {
    { "account", 0, 0, G_OPTION_ARG_STRING, &account_ref, N_("The Paybill account number"), N_("REF") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &category, N_("The expense category (default Other expenses)"), N_("NAME") },
    { "fee", 0, 0, G_OPTION_ARG_STRING, &fee, N_("The transaction cost"), N_("AMOUNT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day it happened (default now)"), N_("YYYY-MM-DD") },
    { "memo", 0, 0, G_OPTION_ARG_STRING, &memo, N_("A note"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariAccount) wallet = NULL;
  g_autoptr(DaftariAccount) spend = NULL;
  DaftariPaySpec spec = { 0 };
  gint64 id;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, _("paybill|till|pochi FROM NUMBER AMOUNT"),
                          _("Pay with Lipa na M-PESA: a Paybill number and --account, a Till number, "
                            "or a Pochi la Biashara phone."), entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 4 || !daftari_pay_channel_from_string (argv[0], &spec.channel))
    return daftari_cli_usage ("%s", _("pay needs paybill, till or pochi, then FROM, NUMBER and AMOUNT"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if ((wallet = daftari_cli_account (cli, argv[1], &error)) == NULL ||
      (category != NULL && (spend = daftari_cli_account (cli, category, &error)) == NULL) ||
      !daftari_money_parse (argv[3], wallet->commodity, &spec.amount, &error) ||
      !parse_fee (fee, wallet, &spec.fee, &error) ||
      !daftari_cli_date (cli, date, &spec.ts, &error))
    return daftari_cli_fail (cli, error);
  spec.wallet_id = wallet->id;
  spec.number = argv[2];
  spec.account = account_ref;
  spec.category_id = spend ? spend->id : 0;
  spec.memo = memo;
  if (!daftari_ops_pay (cli->book, &spec, &id, &error))
    return daftari_cli_fail (cli, error);
  return daftari_cli_posted (cli, id);
}

int
daftari_cli_record (DaftariCli *cli, int argc, char **argv)
{
  g_autofree char *category = NULL;
  g_autofree char *date = NULL;
  g_autofree char *memo = NULL;
  const GOptionEntry entries[] = {
    { "category", 0, 0, G_OPTION_ARG_STRING, &category, N_("The income or expense category"), N_("NAME") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day it happened (default now)"), N_("YYYY-MM-DD") },
    { "memo", 0, 0, G_OPTION_ARG_STRING, &memo, N_("A note"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariAccount) wallet = NULL;
  g_autoptr(DaftariAccount) kind_of = NULL;
  DaftariTxnKind kind;
  gint64 amount, ts, id;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, _("income|expense WALLET AMOUNT"),
                          _("Record money coming into a wallet or going out of it."), entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 3 || !daftari_txn_kind_from_string (argv[0], &kind) ||
      (kind != DAFTARI_TXN_INCOME && kind != DAFTARI_TXN_EXPENSE))
    return daftari_cli_usage ("%s", _("record needs income or expense, then WALLET and AMOUNT"));
  if (category == NULL)
    return daftari_cli_usage ("%s", _("record needs --category"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if ((wallet = daftari_cli_account (cli, argv[1], &error)) == NULL ||
      (kind_of = daftari_cli_account (cli, category, &error)) == NULL ||
      !daftari_money_parse (argv[2], wallet->commodity, &amount, &error) ||
      !daftari_cli_date (cli, date, &ts, &error) ||
      !daftari_ops_record (cli->book, kind, wallet->id, kind_of->id, amount, ts, memo, &id, &error))
    return daftari_cli_fail (cli, error);
  return daftari_cli_posted (cli, id);
}
