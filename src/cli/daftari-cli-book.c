/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Commands about the book as a whole: init, demo, summary, limit, check. */
#include "daftari-cli-context.h"

#include <glib/gi18n-lib.h>

static gboolean
create_book (DaftariCli *cli, const DaftariBookSetup *setup, int *out_status)
{
  g_autoptr(GError) error = NULL;

  cli->book = daftari_book_create (cli->book_path, setup, &error);
  if (cli->book == NULL)
    {
      *out_status = daftari_cli_fail (cli, error);
      return FALSE;
    }
  return TRUE;
}

static void
print_created (DaftariCli *cli)
{
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, daftari_book_get_path (cli->book));
      json_builder_set_member_name (builder, "business");
      json_builder_add_string_value (builder, daftari_book_get_business_name (cli->book));
      json_builder_set_member_name (builder, "currency");
      json_builder_add_string_value (builder, daftari_book_get_currency (cli->book)->code);
      json_builder_end_object (builder);
      daftari_cli_print_json (builder);
    }
  else
    g_print (_("Created the book of %s at %s\n"), daftari_book_get_business_name (cli->book),
             daftari_book_get_path (cli->book));
}

int
daftari_cli_init (DaftariCli *cli, int argc, char **argv)
{
  g_autofree char *business = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *zone = NULL;
  const GOptionEntry entries[] = {
    { "business", 0, 0, G_OPTION_ARG_STRING, &business, N_("The business’s name"), N_("NAME") },
    { "currency", 0, 0, G_OPTION_ARG_STRING, &currency, N_("The book currency (default KES)"), N_("CODE") },
    { "time-zone", 0, 0, G_OPTION_ARG_STRING, &zone, N_("The time zone (default Africa/Nairobi)"), N_("ZONE") },
    { NULL }
  };
  DaftariBookSetup setup;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, "", _("Create a new, empty book."), entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 0)
    return daftari_cli_usage ("%s", _("init takes no arguments; give the file with --book"));
  setup = (DaftariBookSetup) { business, currency, zone };
  if (!create_book (cli, &setup, &status))
    return status;
  print_created (cli);
  return DAFTARI_EXIT_OK;
}

int
daftari_cli_demo (DaftariCli *cli, int argc, char **argv)
{
  int transactions = 600, seed = 254;
  const GOptionEntry entries[] = {
    { "transactions", 0, 0, G_OPTION_ARG_INT, &transactions, N_("How many transactions (default 600)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("The random seed: the same seed makes the same book"), N_("N") },
    { NULL }
  };
  const DaftariBookSetup setup = { "Mama Mboga Traders", "KES", NULL };
  g_autoptr(GError) error = NULL;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, "",
                          _("Create a book of a made-up shop, to try Daftari or to measure it."), entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 0 || transactions < 0)
    return daftari_cli_usage ("%s", _("demo takes no arguments and a positive --transactions"));
  if (!create_book (cli, &setup, &status))
    return status;
  if (!daftari_generator_fill (cli->book, seed, transactions, daftari_calendar_now (), &error))
    {
      /* Half a demo is no use to anyone: leave no file behind. */
      g_clear_object (&cli->book);
      daftari_book_remove_files (cli->book_path);
      return daftari_cli_fail (cli, error);
    }
  print_created (cli);
  return DAFTARI_EXIT_OK;
}

int
daftari_cli_limit (DaftariCli *cli, int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  const DaftariCommodity *currency;
  gint64 limit;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, _("show | set AMOUNT"),
                          _("Show or set the largest amount one transaction may move. Opening balances are exempt."), NULL))
    return DAFTARI_EXIT_USAGE;
  if (argc < 1 || !(g_str_equal (argv[0], "show") ? argc == 1 : g_str_equal (argv[0], "set") && argc == 2))
    return daftari_cli_usage ("%s", _("use “limit show” or “limit set AMOUNT”"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  currency = daftari_book_get_currency (cli->book);
  if (g_str_equal (argv[0], "set") &&
      (!daftari_money_parse (argv[1], currency, &limit, &error) ||
       !daftari_book_set_txn_limit (cli->book, limit, &error)))
    return daftari_cli_fail (cli, error);

  limit = daftari_book_get_txn_limit (cli->book);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_object (builder);
      daftari_cli_json_money (builder, "limit", limit, currency);
      json_builder_set_member_name (builder, "currency");
      json_builder_add_string_value (builder, currency->code);
      json_builder_end_object (builder);
      daftari_cli_print_json (builder);
    }
  else
    {
      g_autofree char *text = daftari_money_format (limit, currency, 0);
      g_print (_("Per-transaction limit: %s\n"), text);
    }
  return DAFTARI_EXIT_OK;
}

int
daftari_cli_check (DaftariCli *cli, int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, "",
                          _("Check that every transaction balances, every stored balance matches its "
                            "transactions, and the file is sound. Exits 0 only then."), NULL))
    return DAFTARI_EXIT_USAGE;
  if (argc != 0)
    return daftari_cli_usage ("%s", _("check takes no arguments"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  problems = daftari_check_run (cli->book, &error);
  if (problems == NULL)
    return daftari_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "ok");
      json_builder_add_boolean_value (builder, problems->len == 0);
      json_builder_set_member_name (builder, "problems");
      json_builder_begin_array (builder);
      for (guint i = 0; i < problems->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (problems, i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      daftari_cli_print_json (builder);
    }
  else if (problems->len == 0)
    g_print ("%s\n", _("The book is sound."));
  else
    for (guint i = 0; i < problems->len; i++)
      g_print ("%s\n", (const char *) g_ptr_array_index (problems, i));
  return problems->len == 0 ? DAFTARI_EXIT_OK : DAFTARI_EXIT_REFUSED;
}
