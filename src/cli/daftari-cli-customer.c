/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Commands about customers: customer add|list|show. */
#include "daftari-cli-context.h"

#include <glib/gi18n-lib.h>

#include "daftari-customer.h"

static int
customer_add (DaftariCli *cli, int argc, char **argv)
{
  g_autofree char *phone = NULL, *email = NULL, *kra_pin = NULL, *address = NULL, *notes = NULL, *language = NULL;
  const GOptionEntry entries[] = {
    { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, N_("A Kenyan mobile number: 07…, 01…, +254… or 254…"), N_("PHONE") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, N_("Email address"), N_("EMAIL") },
    { "kra-pin", 0, 0, G_OPTION_ARG_STRING, &kra_pin, N_("KRA PIN, like A123456789Z"), N_("PIN") },
    { "address", 0, 0, G_OPTION_ARG_STRING, &address, N_("Postal or street address"), N_("ADDRESS") },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, N_("Anything worth remembering"), N_("TEXT") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language, N_("Language of their documents: en or sw"), N_("LANG") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  DaftariCustomerSpec spec = { 0 };
  gint64 id;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, _("NAME"), _("Add a customer."), entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 1)
    return daftari_cli_usage ("%s", _("customer add needs exactly one NAME (quote a name with spaces)"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  spec = (DaftariCustomerSpec) { argv[0], phone, email, kra_pin, address, notes, language };
  if (!daftari_customer_add (cli->book, &spec, &id, &error))
    return daftari_cli_fail (cli, error);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, id);
      json_builder_end_object (builder);
      daftari_cli_print_json (builder);
    }
  else
    g_print (_("Added customer “%s”\n"), argv[0]);
  return DAFTARI_EXIT_OK;
}

static void
customer_json (DaftariCli *cli, JsonBuilder *builder, const DaftariCustomer *c, gint64 balance)
{
  const char *names[] = { "name", "phone", "email", "kra_pin", "address", "notes", "language" };
  const char *values[] = { c->name, c->phone, c->email, c->kra_pin, c->address, c->notes, c->language };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, c->id);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      json_builder_set_member_name (builder, names[i]);
      json_builder_add_string_value (builder, values[i]);
    }
  daftari_cli_json_money (builder, "balance", balance, daftari_book_get_currency (cli->book));
  json_builder_end_object (builder);
}

static int
customer_list (DaftariCli *cli, int argc, char **argv)
{
  g_autofree char *search = NULL;
  const GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_("Only those whose name, phone, email or PIN has TEXT"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) customers = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, "", _("List customers with what each owes."), entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 0)
    return daftari_cli_usage ("%s", _("customer list takes no arguments"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if ((customers = daftari_customer_search (cli->book, search, &error)) == NULL)
    return daftari_cli_fail (cli, error);
  json_builder_begin_array (builder);
  if (!cli->json)
    g_print ("%-30s %-13s %-12s %16s\n", _("NAME"), _("PHONE"), _("KRA PIN"), _("BALANCE"));
  for (guint i = 0; i < customers->len; i++)
    {
      const DaftariCustomer *c = g_ptr_array_index (customers, i);
      g_autofree char *text = NULL;
      gint64 balance;

      if (!daftari_customer_balance (cli->book, c->id, &balance, &error))
        return daftari_cli_fail (cli, error);
      if (cli->json)
        {
          customer_json (cli, builder, c, balance);
          continue;
        }
      text = daftari_money_format (balance, daftari_book_get_currency (cli->book), DAFTARI_MONEY_FORMAT_NO_CODE);
      g_print ("%-30s %-13s %-12s %16s\n", c->name, c->phone, c->kra_pin, text);
    }
  json_builder_end_array (builder);
  if (cli->json)
    daftari_cli_print_json (builder);
  return DAFTARI_EXIT_OK;
}

static const char *
event_label (DaftariCustomerEventKind kind)
{
  switch (kind)
    {
    case DAFTARI_CUSTOMER_EVENT_INVOICE: return _("Invoice");
    case DAFTARI_CUSTOMER_EVENT_PAYMENT: return _("Payment");
    case DAFTARI_CUSTOMER_EVENT_VOID:
    default: return _("Void");
    }
}

static int
customer_show (DaftariCli *cli, int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariCustomer) customer = NULL;
  g_autoptr(GArray) events = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const DaftariCommodity *currency;
  gint64 balance = 0;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, _("NAME"), _("Show a customer, their history and balance."), NULL))
    return DAFTARI_EXIT_USAGE;
  if (argc != 1)
    return daftari_cli_usage ("%s", _("customer show needs a NAME"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  currency = daftari_book_get_currency (cli->book);
  if ((customer = daftari_customer_find (cli->book, argv[0], &error)) == NULL ||
      !daftari_customer_balance (cli->book, customer->id, &balance, &error) ||
      (events = daftari_customer_history (cli->book, customer->id, G_MININT64, G_MAXINT64, NULL, &error)) == NULL)
    return daftari_cli_fail (cli, error);
  if (cli->json)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "customer");
      customer_json (cli, builder, customer, balance);
      json_builder_set_member_name (builder, "history");
      json_builder_begin_array (builder);
    }
  else
    g_print ("%s\n%s %s  %s %s\n\n", customer->name, _("Phone:"), customer->phone, _("KRA PIN:"), customer->kra_pin);
  for (guint i = 0; i < events->len; i++)
    {
      const DaftariCustomerEvent *e = &g_array_index (events, DaftariCustomerEvent, i);
      g_autofree char *date = daftari_calendar_format_date (daftari_book_get_calendar (cli->book), e->ts);
      g_autofree char *amount = daftari_money_format (e->amount, currency, DAFTARI_MONEY_FORMAT_NO_CODE);
      g_autofree char *running = daftari_money_format (e->balance, currency, DAFTARI_MONEY_FORMAT_NO_CODE);

      if (!cli->json)
        {
          g_print ("%s  %-8s %-20s %14s %14s\n", date, event_label (e->kind), e->reference, amount, running);
          continue;
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, date);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, e->kind == DAFTARI_CUSTOMER_EVENT_INVOICE ? "invoice"
                                              : e->kind == DAFTARI_CUSTOMER_EVENT_PAYMENT ? "payment" : "void");
      json_builder_set_member_name (builder, "reference");
      json_builder_add_string_value (builder, e->reference);
      daftari_cli_json_money (builder, "amount", e->amount, currency);
      daftari_cli_json_money (builder, "balance", e->balance, currency);
      json_builder_end_object (builder);
    }
  if (cli->json)
    {
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      daftari_cli_print_json (builder);
    }
  else
    {
      g_autofree char *text = daftari_money_format (balance, currency, 0);
      g_print ("\n%s %s\n", _("Balance:"), text);
    }
  return DAFTARI_EXIT_OK;
}

int
daftari_cli_customer (DaftariCli *cli, int argc, char **argv)
{
  cli->group = "customer";
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return customer_add (cli, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return customer_list (cli, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "show"))
    return customer_show (cli, argc - 1, argv + 1);
  return daftari_cli_usage ("%s", _("use “customer add”, “customer list” or “customer show”"));
}
