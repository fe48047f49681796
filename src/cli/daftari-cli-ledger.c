/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Commands that read the ledger: balance, txn list|show|void|restore. */
#include "daftari-cli-context.h"

#include <glib/gi18n-lib.h>

/* What a transaction is about, in a few words. */
static const char *
describe (const DaftariTxn *txn)
{
  if (*txn->memo)
    return txn->memo;
  if (*txn->payee)
    return txn->payee;
  return daftari_txn_kind_to_string (txn->kind);
}

void
daftari_cli_txn_json (DaftariCli *cli, JsonBuilder *builder, const DaftariTxn *txn)
{
  DaftariCalendar *calendar = daftari_book_get_calendar (cli->book);
  const DaftariCommodity *currency = daftari_book_get_currency (cli->book);
  g_autofree char *date = daftari_calendar_format_date (calendar, txn->ts);
  g_autofree char *time = daftari_calendar_format_time (calendar, txn->ts);
  const struct { const char *name; const char *value; } texts[] = {
    { "date", date }, { "time", time }, { "kind", daftari_txn_kind_to_string (txn->kind) },
    { "memo", txn->memo }, { "payee", txn->payee }, { "channel", txn->channel },
    { "counterparty", txn->counterparty }, { "reference", txn->reference },
  };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, txn->id);
  json_builder_set_member_name (builder, "ts");
  json_builder_add_int_value (builder, txn->ts);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      json_builder_set_member_name (builder, texts[i].name);
      json_builder_add_string_value (builder, texts[i].value);
    }
  json_builder_set_member_name (builder, "voided");
  json_builder_add_boolean_value (builder, txn->voided);
  daftari_cli_json_money (builder, "amount", daftari_txn_get_principal (txn), currency);
  json_builder_set_member_name (builder, "splits");
  json_builder_begin_array (builder);
  for (guint i = 0; i < txn->splits->len; i++)
    {
      const DaftariSplit *split = daftari_txn_get_split (txn, i);
      g_autoptr(DaftariAccount) account = daftari_account_get (cli->book, split->account_id, NULL);

      if (account == NULL)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "account");
      json_builder_add_string_value (builder, account->name);
      json_builder_set_member_name (builder, "commodity");
      json_builder_add_string_value (builder, account->commodity->code);
      daftari_cli_json_money (builder, "amount", split->amount, account->commodity);
      daftari_cli_json_money (builder, "value", split->value, currency);
      json_builder_set_member_name (builder, "fee");
      json_builder_add_boolean_value (builder, split->role == DAFTARI_SPLIT_FEE);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* "M-PESA → KCB" from the accounts money leaves and enters. */
static char *
flow (DaftariCli *cli, const DaftariTxn *txn)
{
  g_autoptr(GString) from = g_string_new (NULL);
  g_autoptr(GString) to = g_string_new (NULL);

  for (guint i = 0; i < txn->splits->len; i++)
    {
      const DaftariSplit *split = daftari_txn_get_split (txn, i);
      g_autoptr(DaftariAccount) account = NULL;
      GString *side = split->amount < 0 ? from : to;

      if (split->role == DAFTARI_SPLIT_FEE)
        continue;
      account = daftari_account_get (cli->book, split->account_id, NULL);
      if (account != NULL)
        g_string_append_printf (side, "%s%s", side->len ? ", " : "", account->name);
    }
  return g_strdup_printf ("%s → %s", from->str, to->str);
}

void
daftari_cli_print_txn (DaftariCli *cli, const DaftariTxn *txn, gboolean detailed)
{
  const DaftariCommodity *currency = daftari_book_get_currency (cli->book);
  g_autofree char *date = daftari_calendar_format_date (daftari_book_get_calendar (cli->book), txn->ts);
  g_autofree char *amount = daftari_money_format (daftari_txn_get_principal (txn), currency,
                                                  DAFTARI_MONEY_FORMAT_NO_CODE);
  g_autofree char *route = flow (cli, txn);

  if (!detailed)
    {
      g_print ("%6" G_GINT64_FORMAT "  %s  %-9s %-34.34s %-32.32s %14s%s\n", txn->id, date,
               daftari_txn_kind_to_string (txn->kind), describe (txn), route,
               txn->voided ? _("void") : amount, "");
      return;
    }
  g_print (_("Transaction %lld%s\n"), (long long) txn->id, txn->voided ? _(" (void)") : "");
  g_print ("  %-14s %s\n", _("Date:"), date);
  g_print ("  %-14s %s\n", _("Kind:"), daftari_txn_kind_to_string (txn->kind));
  g_print ("  %-14s %s\n", _("Description:"), describe (txn));
  if (*txn->counterparty)
    g_print ("  %-14s %s %s\n", _("Paid to:"), txn->counterparty, txn->reference);
  for (guint i = 0; i < txn->splits->len; i++)
    {
      const DaftariSplit *split = daftari_txn_get_split (txn, i);
      g_autoptr(DaftariAccount) account = daftari_account_get (cli->book, split->account_id, NULL);
      g_autofree char *text = NULL;
      g_autofree char *value = NULL;

      if (account == NULL)
        continue;
      text = daftari_money_format (split->amount, account->commodity, 0);
      value = daftari_money_format (split->value, currency, 0);
      g_print ("  %-28s %22s", account->name, text);
      if (account->commodity != currency)
        g_print ("  (%s)", value);
      g_print ("%s\n", split->role == DAFTARI_SPLIT_FEE ? _("  fee") : "");
    }
}

int
daftari_cli_posted (DaftariCli *cli, gint64 id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariTxn) txn = daftari_ledger_get (cli->book, id, &error);

  if (txn == NULL)
    return daftari_cli_fail (cli, error);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      daftari_cli_txn_json (cli, builder, txn);
      daftari_cli_print_json (builder);
    }
  else
    daftari_cli_print_txn (cli, txn, TRUE);
  return DAFTARI_EXIT_OK;
}

static gboolean
day_bound (DaftariCli *cli, const char *text, gboolean end, gint64 *out_ts, GError **error)
{
  DaftariDay day;

  if (text == NULL)
    return TRUE;
  if (!daftari_day_parse (text, &day, error))
    return FALSE;
  *out_ts = end ? daftari_calendar_day_end (daftari_book_get_calendar (cli->book), day)
                : daftari_calendar_day_start (daftari_book_get_calendar (cli->book), day);
  return TRUE;
}

int
daftari_cli_balance (DaftariCli *cli, int argc, char **argv)
{
  g_autofree char *as_of = NULL;
  const GOptionEntry entries[] = {
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, N_("The balance at the end of this day (default: now)"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariAccount) account = NULL;
  gint64 ts = G_MAXINT64, balance;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, _("ACCOUNT"), _("Show the balance of a wallet or category."), entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 1)
    return daftari_cli_usage ("%s", _("balance needs exactly one ACCOUNT"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if ((account = daftari_cli_account (cli, argv[0], &error)) == NULL ||
      !day_bound (cli, as_of, TRUE, &ts, &error) ||
      !daftari_query_balance (cli->book, account->id, ts, &balance, &error))
    return daftari_cli_fail (cli, error);
  balance = daftari_cli_natural (account, balance);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "account");
      json_builder_add_string_value (builder, account->name);
      json_builder_set_member_name (builder, "commodity");
      json_builder_add_string_value (builder, account->commodity->code);
      daftari_cli_json_money (builder, "balance", balance, account->commodity);
      daftari_cli_json_text (builder, "as_of", as_of);
      json_builder_end_object (builder);
      daftari_cli_print_json (builder);
    }
  else
    {
      g_autofree char *text = daftari_money_format (balance, account->commodity, 0);
      g_print ("%s: %s\n", account->name, text);
    }
  return DAFTARI_EXIT_OK;
}

static int
txn_list (DaftariCli *cli, int argc, char **argv)
{
  g_autofree char *from = NULL, *to = NULL, *account_name = NULL, *category_name = NULL, *text = NULL;
  int limit = 0;
  gboolean voided = FALSE;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("From this day"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("To this day, inclusive"), N_("YYYY-MM-DD") },
    { "account", 0, 0, G_OPTION_ARG_STRING, &account_name, N_("Only those touching this wallet"), N_("NAME") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &category_name, N_("Only those in this category"), N_("NAME") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &text, N_("Only those whose note, payee, number or reference has TEXT"), N_("TEXT") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("Only the latest N"), N_("N") },
    { "include-void", 0, 0, G_OPTION_ARG_NONE, &voided, N_("Show void transactions too"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariAccount) account = NULL;
  g_autoptr(DaftariAccount) category = NULL;
  g_autoptr(GPtrArray) txns = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  DaftariTxnFilter filter;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, "", _("List transactions, oldest first."), entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 0 || limit < 0)
    return daftari_cli_usage ("%s", _("txn list takes options only, and a positive --limit"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  daftari_txn_filter_init (&filter);
  filter.text = text;
  filter.limit = limit;
  filter.include_voided = voided;
  if ((account_name && (account = daftari_cli_account (cli, account_name, &error)) == NULL) ||
      (category_name && (category = daftari_cli_account (cli, category_name, &error)) == NULL) ||
      !day_bound (cli, from, FALSE, &filter.from_ts, &error) ||
      !day_bound (cli, to, TRUE, &filter.to_ts, &error))
    return daftari_cli_fail (cli, error);
  filter.account_id = account ? account->id : 0;
  filter.category_id = category ? category->id : 0;
  if ((txns = daftari_query_transactions (cli->book, &filter, &error)) == NULL)
    return daftari_cli_fail (cli, error);

  json_builder_begin_array (builder);
  for (guint i = 0; i < txns->len; i++)
    if (cli->json)
      daftari_cli_txn_json (cli, builder, g_ptr_array_index (txns, i));
    else
      daftari_cli_print_txn (cli, g_ptr_array_index (txns, i), FALSE);
  json_builder_end_array (builder);
  if (cli->json)
    daftari_cli_print_json (builder);
  return DAFTARI_EXIT_OK;
}

static gboolean
parse_id (const char *text, gint64 *out_id, GError **error)
{
  guint64 id;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                   _("“%s” is not a transaction number"), text);
      return FALSE;
    }
  *out_id = (gint64) id;
  return TRUE;
}

/* txn show|void|restore ID */
static int
txn_one (DaftariCli *cli, int argc, char **argv)
{
  const char *verb = argv[0];
  g_autoptr(GError) error = NULL;
  gint64 id;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, _("ID"),
                          g_str_equal (verb, "void")
                            ? _("Void a transaction: its money leaves the books, the record and its history stay.")
                            : g_str_equal (verb, "restore") ? _("Undo the void of a transaction.")
                                                            : _("Show a transaction in full."), NULL))
    return DAFTARI_EXIT_USAGE;
  if (argc != 1)
    return daftari_cli_usage ("%s", _("give exactly one transaction ID"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if (!parse_id (argv[0], &id, &error) ||
      (g_str_equal (verb, "void") && !daftari_ledger_void (cli->book, id, &error)) ||
      (g_str_equal (verb, "restore") && !daftari_ledger_unvoid (cli->book, id, &error)))
    return daftari_cli_fail (cli, error);
  return daftari_cli_posted (cli, id);
}

int
daftari_cli_txn (DaftariCli *cli, int argc, char **argv)
{
  cli->group = "txn";
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return txn_list (cli, argc - 1, argv + 1);
  if (argc >= 2 && (g_str_equal (argv[1], "show") || g_str_equal (argv[1], "void") ||
                    g_str_equal (argv[1], "restore")))
    return txn_one (cli, argc - 1, argv + 1);
  return daftari_cli_usage ("%s", _("use “txn list”, “txn show ID”, “txn void ID” or “txn restore ID”"));
}
