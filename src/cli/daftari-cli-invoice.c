/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Commands about invoices: invoice create|issue|show|list|pay|void|pdf|
 * duplicate|recur|settings. Thin: every rule is in src/core/invoice. */
#include "daftari-cli-context.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "daftari-business.h"
#include "daftari-customer.h"
#include "daftari-invoice.h"
#include "daftari-invoice-fill.h"
#include "daftari-invoice-pdf.h"

static const DaftariCommodity *
currency_of (DaftariCli *cli)
{
  return daftari_book_get_currency (cli->book);
}

static char *
money_text (DaftariCli *cli, gint64 minor, gboolean code)
{
  return daftari_money_format (minor, currency_of (cli), code ? 0 : DAFTARI_MONEY_FORMAT_NO_CODE);
}

static int
invoice_create (DaftariCli *cli, int argc, char **argv)
{
  g_autofree char *customer_name = NULL, *discount = NULL, *notes = NULL;
  g_auto(GStrv) lines = NULL;
  int due = 0;
  gboolean inclusive = FALSE;
  const GOptionEntry entries[] = {
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer_name, N_("The customer’s name"), N_("NAME") },
    { "line", 0, 0, G_OPTION_ARG_STRING_ARRAY, &lines, N_("A line: DESCRIPTION|QTY|UNIT_PRICE|VAT_PERCENT[|DISCOUNT]; VAT 16, 8, 0 or exempt"), N_("LINE") },
    { "discount", 0, 0, G_OPTION_ARG_STRING, &discount, N_("Invoice discount: an amount or a percentage"), N_("X|X%") },
    { "due", 0, 0, G_OPTION_ARG_INT, &due, N_("Days to pay: 0 (on receipt, the default), 7, 14, 30"), N_("DAYS") },
    { "vat-inclusive", 0, 0, G_OPTION_ARG_NONE, &inclusive, N_("Unit prices include VAT"), NULL },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, N_("Notes printed on the invoice"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariInvoice) invoice = daftari_invoice_new ();
  g_autoptr(DaftariCustomer) customer = NULL;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, "", _("Create a draft invoice; prints its id."), entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 0 || customer_name == NULL || lines == NULL)
    return daftari_cli_usage ("%s", _("invoice create needs --customer NAME and at least one --line"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if ((customer = daftari_customer_find (cli->book, customer_name, &error)) == NULL)
    return daftari_cli_fail (cli, error);
  invoice->customer_id = customer->id;
  invoice->vat_inclusive = inclusive;
  g_free (invoice->notes);
  invoice->notes = g_strdup (notes ? notes : "");
  for (guint i = 0; lines[i] != NULL; i++)
    if (!daftari_invoice_parse_line (invoice, lines[i], currency_of (cli), &error))
      return daftari_cli_fail (cli, error);
  if ((discount != NULL && !daftari_discount_parse (discount, currency_of (cli), &invoice->discount, &error)) ||
      !daftari_invoice_set_due_days (invoice, due, &error) ||
      !daftari_invoice_save_draft (cli->book, invoice, &error))
    return daftari_cli_fail (cli, error);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, invoice->id);
      daftari_cli_json_money (builder, "total", invoice->totals.total, currency_of (cli));
      json_builder_end_object (builder);
      daftari_cli_print_json (builder);
    }
  else
    g_print ("%lld\n", (long long) invoice->id);
  return DAFTARI_EXIT_OK;
}

static DaftariInvoice *
lookup (DaftariCli *cli, const char *text, GError **error)
{
  return daftari_invoice_lookup (cli->book, text, error);
}

static int
invoice_issue (DaftariCli *cli, int argc, char **argv)
{
  g_autofree char *date = NULL;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The invoice date (default today)"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariInvoice) invoice = NULL;
  g_autofree char *number = NULL;
  gint64 ts;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, _("ID"), _("Issue a draft: give it a number and post it; prints the number."), entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 1)
    return daftari_cli_usage ("%s", _("invoice issue needs the draft’s ID"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if ((invoice = lookup (cli, argv[0], &error)) == NULL || !daftari_cli_date (cli, date, &ts, &error) ||
      !daftari_invoice_issue (cli->book, invoice->id, ts, &number, &error))
    return daftari_cli_fail (cli, error);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, invoice->id);
      json_builder_set_member_name (builder, "number");
      json_builder_add_string_value (builder, number);
      json_builder_end_object (builder);
      daftari_cli_print_json (builder);
    }
  else
    g_print ("%s\n", number);
  return DAFTARI_EXIT_OK;
}

static void
line_json (DaftariCli *cli, JsonBuilder *builder, const DaftariInvoiceLine *line)
{
  g_autofree char *quantity = daftari_quantity_format (line->quantity);
  g_autofree char *discount = daftari_discount_format (&line->discount, currency_of (cli));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, line->description);
  json_builder_set_member_name (builder, "quantity");
  json_builder_add_string_value (builder, quantity);
  daftari_cli_json_money (builder, "unit_price", line->unit_price, currency_of (cli));
  json_builder_set_member_name (builder, "discount");
  json_builder_add_string_value (builder, discount);
  json_builder_set_member_name (builder, "vat_rate");
  json_builder_add_string_value (builder, daftari_vat_rate_to_string (line->vat_rate));
  daftari_cli_json_money (builder, "amount", line->amount, currency_of (cli));
  daftari_cli_json_money (builder, "invoice_discount", line->invoice_discount, currency_of (cli));
  daftari_cli_json_money (builder, "net", line->net, currency_of (cli));
  daftari_cli_json_money (builder, "vat", line->vat, currency_of (cli));
  json_builder_end_object (builder);
}

static void
invoice_json (DaftariCli *cli, JsonBuilder *builder, const DaftariInvoice *invoice, const char *customer,
              gboolean with_lines)
{
  DaftariCalendar *calendar = daftari_book_get_calendar (cli->book);
  DaftariInvoiceStatus status = daftari_invoice_status (invoice, daftari_calendar_today (calendar));
  g_autofree char *issued = invoice->issue_ts ? daftari_calendar_format_date (calendar, invoice->issue_ts) : NULL;
  g_autofree char *due = invoice->due_day ? daftari_day_format (invoice->due_day) : NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, invoice->id);
  daftari_cli_json_text (builder, "number", invoice->number);
  json_builder_set_member_name (builder, "customer");
  json_builder_add_string_value (builder, customer);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, daftari_invoice_status_to_string (status));
  daftari_cli_json_text (builder, "issue_date", issued);
  daftari_cli_json_text (builder, "due_date", due);
  json_builder_set_member_name (builder, "vat_inclusive");
  json_builder_add_boolean_value (builder, invoice->vat_inclusive);
  if (with_lines)
    {
      json_builder_set_member_name (builder, "lines");
      json_builder_begin_array (builder);
      for (guint i = 0; i < invoice->lines->len; i++)
        line_json (cli, builder, daftari_invoice_get_line (invoice, i));
      json_builder_end_array (builder);
      daftari_cli_json_money (builder, "lines_amount", invoice->totals.lines_amount, currency_of (cli));
      daftari_cli_json_money (builder, "discount", invoice->totals.discount, currency_of (cli));
      daftari_cli_json_money (builder, "zero_rated", invoice->totals.net_by_rate[DAFTARI_VAT_ZERO], currency_of (cli));
      daftari_cli_json_money (builder, "exempt", invoice->totals.net_by_rate[DAFTARI_VAT_EXEMPT], currency_of (cli));
    }
  daftari_cli_json_money (builder, "subtotal", invoice->totals.net, currency_of (cli));
  daftari_cli_json_money (builder, "vat", invoice->totals.vat, currency_of (cli));
  daftari_cli_json_money (builder, "total", invoice->totals.total, currency_of (cli));
  daftari_cli_json_money (builder, "paid", invoice->paid, currency_of (cli));
  daftari_cli_json_money (builder, "balance", daftari_invoice_balance (invoice), currency_of (cli));
  json_builder_end_object (builder);
}

static void
print_total (DaftariCli *cli, const char *label, gint64 minor)
{
  g_autofree char *text = money_text (cli, minor, TRUE);
  g_print ("%52s %20s\n", label, text);
}

static void
print_invoice (DaftariCli *cli, const DaftariInvoice *invoice, const char *customer)
{
  DaftariCalendar *calendar = daftari_book_get_calendar (cli->book);
  DaftariInvoiceStatus status = daftari_invoice_status (invoice, daftari_calendar_today (calendar));
  g_autofree char *issued = invoice->issue_ts ? daftari_calendar_format_date (calendar, invoice->issue_ts) : g_strdup ("-");
  g_autofree char *due = invoice->due_day ? daftari_day_format (invoice->due_day) : g_strdup ("-");

  g_print ("%s %s  (id %lld)\n", _("Invoice"), invoice->number ? invoice->number : _("(draft)"), (long long) invoice->id);
  g_print ("%s %s\n%s %s  %s %s\n%s %s%s\n\n", _("Customer:"), customer, _("Date:"), issued, _("Due:"), due,
           _("Status:"), daftari_invoice_status_label (status),
           invoice->vat_inclusive ? _("  (prices include VAT)") : "");
  for (guint i = 0; i < invoice->lines->len; i++)
    {
      const DaftariInvoiceLine *line = daftari_invoice_get_line (invoice, i);
      g_autofree char *qty = daftari_quantity_format (line->quantity);
      g_autofree char *price = money_text (cli, line->unit_price, FALSE);
      g_autofree char *amount = money_text (cli, line->amount, FALSE);
      g_autofree char *vat = money_text (cli, line->vat, FALSE);

      g_print ("%-28s %9s × %12s %-7s %14s  %s %s\n", line->description, qty, price,
               daftari_vat_rate_label (line->vat_rate), amount, _("VAT"), vat);
    }
  g_print ("\n");
  if (invoice->totals.discount != 0)
    print_total (cli, _("Discount"), -invoice->totals.discount);
  print_total (cli, _("Subtotal (excl. VAT)"), invoice->totals.net);
  print_total (cli, _("VAT"), invoice->totals.vat);
  print_total (cli, _("Total"), invoice->totals.total);
  print_total (cli, _("Paid"), invoice->paid);
  print_total (cli, _("Balance due"), daftari_invoice_balance (invoice));
}

static char *
customer_name (DaftariCli *cli, gint64 id)
{
  g_autoptr(DaftariCustomer) customer = daftari_customer_get (cli->book, id, NULL);
  return g_strdup (customer ? customer->name : "");
}

static int
invoice_show (DaftariCli *cli, int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariInvoice) invoice = NULL;
  g_autofree char *customer = NULL;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, _("NUMBER|ID"), _("Show an invoice: lines, totals, what is paid and owed."), NULL))
    return DAFTARI_EXIT_USAGE;
  if (argc != 1)
    return daftari_cli_usage ("%s", _("invoice show needs a NUMBER or an ID"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if ((invoice = lookup (cli, argv[0], &error)) == NULL)
    return daftari_cli_fail (cli, error);
  customer = customer_name (cli, invoice->customer_id);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      invoice_json (cli, builder, invoice, customer, TRUE);
      daftari_cli_print_json (builder);
    }
  else
    print_invoice (cli, invoice, customer);
  return DAFTARI_EXIT_OK;
}

static int
invoice_list (DaftariCli *cli, int argc, char **argv)
{
  g_autofree char *status_text = NULL, *customer_text = NULL;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text, N_("draft, sent, partial, paid, overdue or void"), N_("STATUS") },
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer_text, N_("Only this customer’s"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) invoices = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  DaftariInvoiceFilter filter = { 0, TRUE, 0, 0 };
  DaftariDay today;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, "", _("List invoices, oldest first, drafts last."), entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 0)
    return daftari_cli_usage ("%s", _("invoice list takes no arguments"));
  if (status_text != NULL && !daftari_invoice_status_from_string (status_text, &filter.status))
    return daftari_cli_usage ("%s", _("--status must be draft, sent, partial, paid, overdue or void"));
  filter.any_status = status_text == NULL;
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if (customer_text != NULL)
    {
      g_autoptr(DaftariCustomer) customer = daftari_customer_find (cli->book, customer_text, &error);
      if (customer == NULL)
        return daftari_cli_fail (cli, error);
      filter.customer_id = customer->id;
    }
  if ((invoices = daftari_invoice_list (cli->book, &filter, &error)) == NULL)
    return daftari_cli_fail (cli, error);
  today = daftari_calendar_today (daftari_book_get_calendar (cli->book));
  json_builder_begin_array (builder);
  if (!cli->json)
    g_print ("%-6s %-16s %-24s %-10s %-15s %14s %14s\n", _("ID"), _("NUMBER"), _("CUSTOMER"), _("DUE"),
             _("STATUS"), _("TOTAL"), _("BALANCE"));
  for (guint i = 0; i < invoices->len; i++)
    {
      const DaftariInvoice *invoice = g_ptr_array_index (invoices, i);
      g_autofree char *customer = customer_name (cli, invoice->customer_id);
      g_autofree char *due = invoice->due_day ? daftari_day_format (invoice->due_day) : g_strdup ("-");
      g_autofree char *total = money_text (cli, invoice->totals.total, FALSE);
      g_autofree char *balance = money_text (cli, daftari_invoice_balance (invoice), FALSE);

      if (cli->json)
        invoice_json (cli, builder, invoice, customer, FALSE);
      else
        g_print ("%-6lld %-16s %-24s %-10s %-15s %14s %14s\n", (long long) invoice->id,
                 invoice->number ? invoice->number : "-", customer, due,
                 daftari_invoice_status_label (daftari_invoice_status (invoice, today)), total, balance);
    }
  json_builder_end_array (builder);
  if (cli->json)
    daftari_cli_print_json (builder);
  return DAFTARI_EXIT_OK;
}

/* "INV-2026-0001" or "INV-2026-0001,INV-2026-0002": one payment across
 * several invoices, settled in the order given. */
static GArray *
lookup_many (DaftariCli *cli, const char *text, GError **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autoptr(DaftariInvoice) invoice = lookup (cli, g_strstrip (parts[i]), error);
      if (invoice == NULL)
        return NULL;
      g_array_append_val (ids, invoice->id);
    }
  return g_steal_pointer (&ids);
}

static int
invoice_pay (DaftariCli *cli, int argc, char **argv)
{
  g_autofree char *date = NULL;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day the money came in (default today)"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(DaftariAccount) wallet = NULL;
  DaftariPaymentSpec spec = { 0 };
  gint64 payment_id, credit = 0;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, _("NUMBER[,NUMBER…] WALLET AMOUNT"),
                          _("Record a customer’s payment into a wallet; what is more than the invoices owe stays as the customer’s credit."),
                          entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 3)
    return daftari_cli_usage ("%s", _("invoice pay needs NUMBER WALLET AMOUNT"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if ((ids = lookup_many (cli, argv[0], &error)) == NULL ||
      (wallet = daftari_cli_account (cli, argv[1], &error)) == NULL ||
      !daftari_money_parse (argv[2], currency_of (cli), &spec.amount, &error) ||
      !daftari_cli_date (cli, date, &spec.ts, &error))
    return daftari_cli_fail (cli, error);
  spec.wallet_id = wallet->id;
  spec.invoice_ids = (const gint64 *) (gpointer) ids->data;
  spec.n_invoices = ids->len;
  if (!daftari_invoice_receive_payment (cli->book, &spec, &payment_id, &credit, &error))
    return daftari_cli_fail (cli, error);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "payment_id");
      json_builder_add_int_value (builder, payment_id);
      daftari_cli_json_money (builder, "credit", credit, currency_of (cli));
      json_builder_end_object (builder);
      daftari_cli_print_json (builder);
      return DAFTARI_EXIT_OK;
    }
  g_print ("%s\n", _("Payment recorded"));
  if (credit > 0)
    {
      g_autofree char *text = money_text (cli, credit, TRUE);
      g_print (_("%s is more than the invoices owed and is kept as the customer’s credit\n"), text);
    }
  return DAFTARI_EXIT_OK;
}

static int
invoice_void (DaftariCli *cli, int argc, char **argv)
{
  g_autofree char *date = NULL;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day of the reversing entry (default today)"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariInvoice) invoice = NULL;
  gint64 ts;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, _("NUMBER"),
                          _("Void an issued invoice: it keeps its number, a reversing entry is posted, and payments on it become the customer’s credit."),
                          entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 1)
    return daftari_cli_usage ("%s", _("invoice void needs a NUMBER"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if ((invoice = lookup (cli, argv[0], &error)) == NULL || !daftari_cli_date (cli, date, &ts, &error) ||
      !daftari_invoice_void (cli->book, invoice->id, ts, &error))
    return daftari_cli_fail (cli, error);
  if (!cli->json)
    g_print (_("Voided %s\n"), invoice->number);
  return DAFTARI_EXIT_OK;
}

static int
invoice_pdf (DaftariCli *cli, int argc, char **argv)
{
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariInvoice) invoice = NULL;
  g_autoptr(DaftariDocument) document = NULL;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, _("NUMBER"), _("Write an invoice as a PDF."), entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 1 || output == NULL)
    return daftari_cli_usage ("%s", _("invoice pdf needs a NUMBER and -o FILE"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if ((invoice = lookup (cli, argv[0], &error)) == NULL ||
      (document = daftari_invoice_to_document (cli->book, invoice->id, &error)) == NULL)
    return daftari_cli_fail (cli, error);
  if (!daftari_document_render_pdf (document, output, &error))
    {
      g_printerr ("daftari-cli: %s\n", error->message);
      return DAFTARI_EXIT_FILE;
    }
  if (!cli->json)
    g_print (_("Wrote %s\n"), output);
  return DAFTARI_EXIT_OK;
}

static int
invoice_duplicate (DaftariCli *cli, int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariInvoice) invoice = NULL;
  gint64 id;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, _("NUMBER|ID"), _("Copy an invoice into a new draft; prints its id."), NULL))
    return DAFTARI_EXIT_USAGE;
  if (argc != 1)
    return daftari_cli_usage ("%s", _("invoice duplicate needs a NUMBER or an ID"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if ((invoice = lookup (cli, argv[0], &error)) == NULL ||
      !daftari_invoice_duplicate (cli->book, invoice->id, &id, &error))
    return daftari_cli_fail (cli, error);
  g_print ("%lld\n", (long long) id);
  return DAFTARI_EXIT_OK;
}

static int
invoice_recur (DaftariCli *cli, int argc, char **argv)
{
  g_autofree char *start = NULL;
  gboolean run = FALSE;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &start, N_("The first day (its day of the month, 1–28, repeats)"), N_("YYYY-MM-DD") },
    { "run", 0, 0, G_OPTION_ARG_NONE, &run, N_("Create the drafts that are due today"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariInvoice) invoice = NULL;
  g_autoptr(GArray) created = NULL;
  DaftariDay day;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, _("[NUMBER|ID --from YYYY-MM-DD] | --run"),
                          _("Repeat an invoice monthly as new drafts, or create the drafts now due."), entries))
    return DAFTARI_EXIT_USAGE;
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if (run && argc == 0)
    {
      if ((created = daftari_invoice_run_schedules (cli->book, 0 + daftari_calendar_today (daftari_book_get_calendar (cli->book)), &error)) == NULL)
        return daftari_cli_fail (cli, error);
      for (guint i = 0; i < created->len; i++)
        g_print ("%lld\n", (long long) g_array_index (created, gint64, i));
      return DAFTARI_EXIT_OK;
    }
  if (argc != 1 || start == NULL)
    return daftari_cli_usage ("%s", _("invoice recur needs NUMBER|ID --from YYYY-MM-DD, or --run"));
  if ((invoice = lookup (cli, argv[0], &error)) == NULL || !daftari_day_parse (start, &day, &error) ||
      !daftari_invoice_schedule_monthly (cli->book, invoice->id, day, NULL, &error))
    return daftari_cli_fail (cli, error);
  return DAFTARI_EXIT_OK;
}

static int
invoice_settings (DaftariCli *cli, int argc, char **argv)
{
  g_autofree char *pattern = NULL;
  DaftariBusinessSpec spec = { 0 };
  g_autofree char *address = NULL, *kra_pin = NULL, *phone = NULL, *paybill = NULL, *till = NULL, *logo = NULL;
  const GOptionEntry entries[] = {
    { "pattern", 0, 0, G_OPTION_ARG_STRING, &pattern, N_("Invoice numbers, e.g. INV-{YYYY}-{NNNN}"), N_("PATTERN") },
    { "address", 0, 0, G_OPTION_ARG_STRING, &address, N_("The business’s address"), N_("TEXT") },
    { "kra-pin", 0, 0, G_OPTION_ARG_STRING, &kra_pin, N_("The business’s KRA PIN"), N_("PIN") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, N_("The business’s phone"), N_("PHONE") },
    { "paybill", 0, 0, G_OPTION_ARG_STRING, &paybill, N_("M-PESA Paybill number customers pay to"), N_("NUMBER") },
    { "till", 0, 0, G_OPTION_ARG_STRING, &till, N_("M-PESA Buy Goods Till number"), N_("NUMBER") },
    { "logo", 0, 0, G_OPTION_ARG_FILENAME, &logo, N_("A PNG logo for documents"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariBusinessInfo) info = NULL;
  g_autofree char *current = NULL;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, "", _("Show or set how invoices are numbered and what they say about the business."), entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 0)
    return daftari_cli_usage ("%s", _("invoice settings takes only options"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  spec = (DaftariBusinessSpec) { address, kra_pin, phone, paybill, till, logo };
  if ((pattern != NULL && !daftari_invoice_set_pattern (cli->book, pattern, &error)) ||
      !daftari_business_set (cli->book, &spec, &error))
    return daftari_cli_fail (cli, error);
  info = daftari_business_get (cli->book);
  current = daftari_invoice_get_pattern (cli->book);
  g_print ("%s %s\n%s %s\n%s %s\n%s %s\n%s %s\n%s %s\n", _("Pattern:"), current, _("Address:"), info->address,
           _("KRA PIN:"), info->kra_pin, _("Phone:"), info->phone, _("Paybill:"), info->paybill,
           _("Till:"), info->till);
  return DAFTARI_EXIT_OK;
}

int
daftari_cli_invoice (DaftariCli *cli, int argc, char **argv)
{
  static const struct {
    const char *name;
    DaftariCliCommand run;
  } sub[] = {
    { "create", invoice_create }, { "issue", invoice_issue }, { "show", invoice_show },
    { "list", invoice_list }, { "pay", invoice_pay }, { "void", invoice_void }, { "pdf", invoice_pdf },
    { "duplicate", invoice_duplicate }, { "recur", invoice_recur }, { "settings", invoice_settings },
  };

  cli->group = "invoice";
  for (guint i = 0; argc >= 2 && i < G_N_ELEMENTS (sub); i++)
    if (g_str_equal (argv[1], sub[i].name))
      return sub[i].run (cli, argc - 1, argv + 1);
  return daftari_cli_usage ("%s", _("use “invoice create”, “issue”, “show”, “list”, “pay”, “void”, “pdf”, "
                                    "“duplicate”, “recur” or “settings”"));
}
