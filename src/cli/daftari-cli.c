/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "daftari-cli-context.h"

typedef struct {
  const char        *name;
  DaftariCliCommand  run;
  const char        *summary;
} Command;

static const Command commands[] = {
  { "init",     daftari_cli_init,        N_("Create a new book") },
  { "demo",     daftari_cli_demo,        N_("Create a book filled with a realistic, made-up shop") },
  { "summary",  daftari_cli_summary,     N_("Show the business, its wallets and this month at a glance") },
  { "account",  daftari_cli_account_cmd, N_("Add, list or archive wallets and categories") },
  { "rate",     daftari_cli_rate,        N_("Set or list crypto and foreign currency rates") },
  { "transfer", daftari_cli_transfer,    N_("Move money between two wallets") },
  { "pay",      daftari_cli_pay,         N_("Pay with Lipa na M-PESA: Paybill, Till or Pochi la Biashara") },
  { "record",   daftari_cli_record,      N_("Record money coming in or going out") },
  { "balance",  daftari_cli_balance,     N_("Show an account’s balance") },
  { "txn",      daftari_cli_txn,         N_("List, show, void or restore transactions") },
  { "limit",    daftari_cli_limit,       N_("Show or set the per-transaction limit") },
  { "check",    daftari_cli_check,       N_("Verify that the book is sound") },
  { "customer", daftari_cli_customer,    N_("Add, list or show customers") },
  { "invoice",  daftari_cli_invoice,     N_("Create, issue, pay, void and print invoices") },
  { "report",   daftari_cli_report,      N_("Reports: monthly, pnl, cashflow, balance, top, charges, vat, aging, pdf") },
  { "import",   daftari_cli_import,      N_("Import M-PESA statements, SMS and Daraja callbacks; undo an import") },
#ifdef DAFTARI_HAVE_FORECAST
  { "forecast",      daftari_cli_forecast,      N_("Forecast an account’s monthly totals") },
  { "forecast-eval", daftari_cli_forecast_eval, N_("Score the forecasting methods on a data set") },
#endif
#ifdef DAFTARI_HAVE_CATEGORISE
  { "rule",           daftari_cli_rule,           N_("Add, list or remove the rules that pick categories") },
  { "categorise",     daftari_cli_categorise,     N_("Suggest categories for uncategorised transactions") },
  { "categorise-eval", daftari_cli_categorise_eval, N_("Score category suggestions on the book’s own history") },
#endif
#ifdef DAFTARI_HAVE_RECONCILE
  { "reconcile",      daftari_cli_reconcile,      N_("Match incoming payments to open invoices") },
  { "reconcile-eval", daftari_cli_reconcile_eval, N_("Score payment matching on a generated scenario") },
#endif
#ifdef DAFTARI_HAVE_RECEIPT
  { "receipt",        daftari_cli_receipt,        N_("Read receipts: scan fields, save as an expense") },
  { "receipt-eval",   daftari_cli_receipt_eval,   N_("Score receipt reading on a directory of receipts") },
#endif
#ifdef DAFTARI_HAVE_REPORT_BOOKS
  { "export",         daftari_cli_export,         N_("Export transactions as CSV") },
#endif
#ifdef DAFTARI_HAVE_CHART
  { "chart",          daftari_cli_chart,          N_("Draw a chart as PNG, SVG or PDF") },
#endif
#ifdef DAFTARI_HAVE_CASHFLOW
  { "cashflow",       daftari_cli_cashflow,       N_("Forecast the wallets’ balance, day by day") },
  { "cashflow-eval",  daftari_cli_cashflow_eval,  N_("Score the cash-flow forecast on the book’s own history") },
#endif
#ifdef DAFTARI_HAVE_PLAN
  { "schedule",       daftari_cli_schedule,       N_("Add, list or post recurring transactions") },
  { "budget",         daftari_cli_budget,         N_("Set or show monthly budgets per category") },
  { "anomalies",      daftari_cli_anomalies,      N_("List or dismiss unusual transactions") },
#endif
};

static void
print_help (void)
{
  g_print ("%s\n\n", _("Usage: daftari-cli [--book FILE] [--json] COMMAND [ARGUMENTS…]"));
  g_print ("%s\n\n", _("Daftari keeps a small business’s books: M-PESA, banks, cash and crypto."));
  g_print ("%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-14s %s\n", commands[i].name, _(commands[i].summary));
  g_print ("\n%s\n", _("Options:"));
  g_print ("  --book FILE    %s\n", _("The book to use (default: the default book)"));
  g_print ("  --json         %s\n", _("Print data as JSON"));
  g_print ("  --version      %s\n", _("Print the version"));
  g_print ("\n%s\n", _("“daftari-cli COMMAND --help” describes a command."));
  g_print ("%s\n", _("Exit status: 0 done, 1 refused or invalid input (nothing written), "
                     "2 wrong usage, 3 file or database error."));
}

/* Takes --book and --json from anywhere on the line, so that
 * "daftari-cli balance M-PESA --json" works as well as the other order. */
static gboolean
take_global_options (DaftariCli *cli, int *argc, char **argv)
{
  int out = 1;

  for (int i = 1; i < *argc; i++)
    {
      if (g_str_equal (argv[i], "--json"))
        cli->json = TRUE;
      else if (g_str_equal (argv[i], "--book"))
        {
          if (i + 1 >= *argc)
            return FALSE;
          g_free (cli->book_path);
          cli->book_path = g_strdup (argv[++i]);
        }
      else if (g_str_has_prefix (argv[i], "--book="))
        {
          g_free (cli->book_path);
          cli->book_path = g_strdup (argv[i] + strlen ("--book="));
        }
      else
        argv[out++] = argv[i];
    }
  argv[out] = NULL;
  *argc = out;
  return TRUE;
}

int
main (int argc, char **argv)
{
  DaftariCli cli = { 0 };
  int status = DAFTARI_EXIT_USAGE;

  setlocale (LC_ALL, "");
  daftari_core_init ();
  textdomain (GETTEXT_PACKAGE);

  if (!take_global_options (&cli, &argc, argv))
    return daftari_cli_usage ("%s", _("--book needs a file name"));
  if (cli.book_path == NULL)
    cli.book_path = daftari_book_default_path ();

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_help ();
      status = argc < 2 ? DAFTARI_EXIT_USAGE : DAFTARI_EXIT_OK;
    }
  else if (g_str_equal (argv[1], "--version"))
    {
      g_print ("daftari-cli %s\n", PACKAGE_VERSION);
      status = DAFTARI_EXIT_OK;
    }
  else
    {
      guint i;
      for (i = 0; i < G_N_ELEMENTS (commands); i++)
        if (g_str_equal (argv[1], commands[i].name))
          break;
      if (i < G_N_ELEMENTS (commands))
        status = commands[i].run (&cli, argc - 1, argv + 1);
      else
        status = daftari_cli_usage (_("“%s” is not a command. “daftari-cli --help” lists them."), argv[1]);
    }

  g_clear_object (&cli.book);
  g_free (cli.book_path);
  return status;
}
