/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reports: report aging, the book's reports (monthly, pnl, cashflow,
 * balance, top, charges, vat) through one table printer, and report pdf,
 * all of them on paper. */
#include "daftari-cli-context.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "daftari-receivables.h"
#include "daftari-report-pdf.h"
#include "daftari-report-table.h"

static void
buckets_json (JsonBuilder *builder, const gint64 *buckets, const DaftariCommodity *currency)
{
  for (DaftariAgingBucket b = 0; b < DAFTARI_AGING_N_BUCKETS; b++)
    daftari_cli_json_money (builder, daftari_aging_bucket_key (b), buckets[b], currency);
}

static void
print_json (DaftariCli *cli, const DaftariAgingReport *report)
{
  const DaftariCommodity *currency = daftari_book_get_currency (cli->book);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *as_of = daftari_day_format (report->as_of);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "as_of");
  json_builder_add_string_value (builder, as_of);
  json_builder_set_member_name (builder, "customers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->rows->len; i++)
    {
      const DaftariAgingRow *row = g_ptr_array_index (report->rows, i);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "customer");
      json_builder_add_string_value (builder, row->customer_name);
      buckets_json (builder, row->buckets, currency);
      daftari_cli_json_money (builder, "total", row->total, currency);
      daftari_cli_json_money (builder, "credit", row->credit, currency);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "totals");
  json_builder_begin_object (builder);
  buckets_json (builder, report->buckets, currency);
  daftari_cli_json_money (builder, "total", report->total, currency);
  daftari_cli_json_money (builder, "credit", report->credit, currency);
  json_builder_end_object (builder);
  daftari_cli_json_money (builder, "sales_90_days", report->sales_90_days, currency);
  json_builder_set_member_name (builder, "dso_days");
  if (report->dso_tenths < 0)
    json_builder_add_null_value (builder);
  else
    {
      g_autofree char *dso = g_strdup_printf ("%lld.%lld", (long long) (report->dso_tenths / 10),
                                              (long long) (report->dso_tenths % 10));
      json_builder_add_string_value (builder, dso);
    }
  json_builder_end_object (builder);
  daftari_cli_print_json (builder);
}

static void
print_row (DaftariCli *cli, const char *name, const gint64 *buckets, gint64 total)
{
  g_print ("%-24s", name);
  for (DaftariAgingBucket b = 0; b < DAFTARI_AGING_N_BUCKETS; b++)
    {
      g_autofree char *text = daftari_money_format (buckets[b], daftari_book_get_currency (cli->book),
                                                    DAFTARI_MONEY_FORMAT_NO_CODE);
      g_print (" %13s", text);
    }
  {
    g_autofree char *text = daftari_money_format (total, daftari_book_get_currency (cli->book),
                                                  DAFTARI_MONEY_FORMAT_NO_CODE);
    g_print (" %14s\n", text);
  }
}

static void
print_text (DaftariCli *cli, const DaftariAgingReport *report)
{
  g_print ("%-24s", _("CUSTOMER"));
  for (DaftariAgingBucket b = 0; b < DAFTARI_AGING_N_BUCKETS; b++)
    g_print (" %13s", daftari_aging_bucket_label (b));
  g_print (" %14s\n", _("TOTAL"));
  for (guint i = 0; i < report->rows->len; i++)
    {
      const DaftariAgingRow *row = g_ptr_array_index (report->rows, i);
      print_row (cli, row->customer_name, row->buckets, row->total);
    }
  print_row (cli, _("Total"), report->buckets, report->total);
  if (report->dso_tenths >= 0)
    g_print (_("Days sales outstanding (last 90 days): %lld.%lld\n"), (long long) (report->dso_tenths / 10),
             (long long) (report->dso_tenths % 10));
  else
    g_print ("%s\n", _("Days sales outstanding: nothing invoiced in the last 90 days"));
}

static int
report_aging (DaftariCli *cli, int argc, char **argv)
{
  g_autofree char *as_of = NULL;
  const GOptionEntry entries[] = {
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, N_("The day to look from (default today)"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariAgingReport) report = NULL;
  DaftariDay day = 0;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, "", _("What customers owe, by days past due, and days sales outstanding."), entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 0)
    return daftari_cli_usage ("%s", _("report aging takes no arguments"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if ((as_of != NULL && !daftari_day_parse (as_of, &day, &error)) ||
      (report = daftari_receivables_aging (cli->book, day, &error)) == NULL)
    return daftari_cli_fail (cli, error);
  if (cli->json)
    print_json (cli, report);
  else
    print_text (cli, report);
  return DAFTARI_EXIT_OK;
}

/* ---- The book's reports: one table, as text, CSV or JSON ---- */

/* Display width of UTF-8 text (the rules and dashes count as one). */
static int
width_of (const char *text)
{
  return (int) g_utf8_strlen (text, -1);
}

static void
print_padded (const char *text, int width, gboolean right)
{
  int pad = MAX (0, width - width_of (text));

  if (right)
    g_print ("%*s%s", pad, "", text);
  else
    g_print ("%s%*s", text, pad, "");
}

static void
print_table (const DaftariReportTable *table)
{
  guint n = table->columns->len, total_width = 0;
  g_autofree int *widths = g_new0 (int, n);

  for (guint c = 0; c < n; c++)
    widths[c] = width_of (((DaftariReportColumn *) g_ptr_array_index (table->columns, c))->label);
  for (guint r = 0; r < table->rows->len; r++)
    for (guint c = 0; c < n; c++)
      {
        g_autofree char *text = daftari_report_cell_format (table, g_ptr_array_index (table->rows, r), c, TRUE);
        widths[c] = MAX (widths[c], width_of (text));
      }
  for (guint c = 0; c < n; c++)
    total_width += widths[c] + (c ? 2 : 0);

  g_print ("%s — %s (%s)\n\n", table->title, table->subtitle, table->currency->code);
  for (guint c = 0; c < n; c++)
    {
      const DaftariReportColumn *column = g_ptr_array_index (table->columns, c);
      g_print ("%s", c ? "  " : "");
      print_padded (column->label, widths[c], column->kind != DAFTARI_REPORT_TEXT);
    }
  g_print ("\n");
  for (guint r = 0; r < table->rows->len; r++)
    {
      const DaftariReportRow *row = g_ptr_array_index (table->rows, r);
      const DaftariReportRow *previous = r ? g_ptr_array_index (table->rows, r - 1) : NULL;

      /* A rule above each total, and a blank line where a section starts. */
      if (row->total && (previous == NULL || !previous->total))
        {
          for (guint i = 0; i < total_width; i++)
            g_print ("─");
          g_print ("\n");
        }
      for (guint c = 0; c < n; c++)
        {
          const DaftariReportColumn *column = g_ptr_array_index (table->columns, c);
          g_autofree char *text = daftari_report_cell_format (table, row, c, TRUE);
          g_print ("%s", c ? "  " : "");
          print_padded (text, widths[c], column->kind != DAFTARI_REPORT_TEXT);
        }
      g_print ("\n");
      if (row->total && r + 1 < table->rows->len && !((DaftariReportRow *) g_ptr_array_index (table->rows, r + 1))->total)
        g_print ("\n");
    }
  for (guint f = 0; f < table->facts->len; f++)
    {
      const DaftariReportFact *fact = g_ptr_array_index (table->facts, f);
      g_autofree char *text = NULL;
      if (fact->kind != DAFTARI_REPORT_MONEY)
        continue;
      text = daftari_money_format (fact->cell.number, table->currency, DAFTARI_MONEY_FORMAT_DEFAULT);
      if (f == 0)
        g_print ("\n");
      g_print ("%s: %s\n", fact->label, text);
    }
}

typedef struct {
  char     *from;
  char     *to;
  char     *output;
  gboolean  csv;
} Outputs;

/* --json on stdout; -o FILE.csv (or FILE.json); --csv on stdout; else text. */
static int
emit (DaftariCli *cli, DaftariReportTable *table, const Outputs *outputs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  gboolean as_json = cli->json;

  if (outputs->output != NULL)
    {
      as_json = g_str_has_suffix (outputs->output, ".json");
      if (g_str_has_suffix (outputs->output, ".pdf"))
        return daftari_cli_usage (_("“%s”: a report PDF holds every report; write it with “report pdf -o FILE.pdf”"),
                                  outputs->output);
      if (!as_json && !g_str_has_suffix (outputs->output, ".csv"))
        return daftari_cli_usage (_("“%s”: -o takes a file name ending in .csv or .json"), outputs->output);
    }
  if (as_json)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      root = daftari_report_table_to_json (table);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, NULL);
    }
  else if (outputs->csv || outputs->output != NULL)
    text = daftari_report_table_to_csv (table);
  else
    {
      print_table (table);
      return DAFTARI_EXIT_OK;
    }
  if (outputs->output == NULL)
    {
      fputs (text, stdout);
      if (as_json)
        fputc ('\n', stdout);
      return DAFTARI_EXIT_OK;
    }
  if (!g_file_set_contents (outputs->output, text, -1, &error))
    return daftari_cli_fail (cli, error);
  if (!cli->json)
    g_printerr (_("Written to %s\n"), outputs->output);
  return DAFTARI_EXIT_OK;
}

/* --from and --to as a period; by default this month up to today. */
static gboolean
period_of (DaftariCli *cli, const Outputs *outputs, DaftariPeriod *period, GError **error)
{
  DaftariCalendar *calendar = daftari_book_get_calendar (cli->book);
  DaftariDay today = daftari_calendar_today (calendar), from = today / 100 * 100 + 1, to = today;

  if ((outputs->from != NULL && !daftari_day_parse (outputs->from, &from, error)) ||
      (outputs->to != NULL && !daftari_day_parse (outputs->to, &to, error)))
    return FALSE;
  return daftari_period_init (period, cli->book, from, to, error);
}

typedef enum { REPORT_MONTHLY, REPORT_PNL, REPORT_CASHFLOW, REPORT_BALANCE, REPORT_TOP, REPORT_CHARGES,
               REPORT_VAT } ReportKind;

typedef struct {
  const char *name;
  ReportKind  kind;
  const char *summary;
} ReportCommand;

static const ReportCommand report_commands[] = {
  { "monthly",  REPORT_MONTHLY,  N_("Income and expenses per category for a month, against the month before and a year before.") },
  { "pnl",      REPORT_PNL,      N_("Profit and loss for a period (default: this month).") },
  { "cashflow", REPORT_CASHFLOW, N_("Money in, out, transfers and charges per wallet, from opening to closing balance.") },
  { "balance",  REPORT_BALANCE,  N_("The balance sheet at the end of a day: wallets, receivables, liabilities, equity.") },
  { "top",      REPORT_TOP,      N_("Top customers (invoiced, paid) and top payees for a period.") },
  { "charges",  REPORT_CHARGES,  N_("M-PESA and bank charges paid in a period, per wallet.") },
  { "vat",      REPORT_VAT,      N_("Output VAT on invoices and input VAT from receipts, for the KRA VAT3 return.") },
};

typedef struct {
  Outputs  outputs;
  char    *month;
  char    *as_of;
  gboolean by_month;
  int      limit;
} ReportArgs;

static void
report_args_clear (ReportArgs *args)
{
  g_free (args->outputs.from);
  g_free (args->outputs.to);
  g_free (args->outputs.output);
  g_free (args->month);
  g_free (args->as_of);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReportArgs, report_args_clear)

static DaftariReportTable *
build_table (DaftariCli *cli, ReportKind kind, ReportArgs *args, GError **error)
{
  DaftariBook *book = cli->book;
  DaftariCalendar *calendar = daftari_book_get_calendar (book);
  DaftariPeriod period;

  switch (kind)
    {
    case REPORT_MONTHLY:
      {
        DaftariMonth month = daftari_calendar_month_of (calendar, daftari_calendar_now ());
        g_autoptr(DaftariMonthlyReport) report = NULL;
        if ((args->month != NULL && !daftari_month_parse (args->month, &month, error)) ||
            (report = daftari_report_monthly (book, month, error)) == NULL)
          return NULL;
        return daftari_monthly_report_table (report, book);
      }
    case REPORT_BALANCE:
      {
        DaftariDay day = daftari_calendar_today (calendar);
        g_autoptr(DaftariBalanceSheet) report = NULL;
        if ((args->as_of != NULL && !daftari_day_parse (args->as_of, &day, error)) ||
            (report = daftari_report_balance (book, day, error)) == NULL)
          return NULL;
        return daftari_balance_sheet_table (report, book);
      }
    default:
      break;
    }
  if (!period_of (cli, &args->outputs, &period, error))
    return NULL;
  switch (kind)
    {
    case REPORT_PNL:
      {
        g_autoptr(DaftariPnlReport) report = daftari_report_pnl (book, &period, args->by_month, error);
        return report ? daftari_pnl_report_table (report, book) : NULL;
      }
    case REPORT_CASHFLOW:
      {
        g_autoptr(DaftariCashflowReport) report = daftari_report_cashflow (book, &period, error);
        return report ? daftari_cashflow_report_table (report, book) : NULL;
      }
    case REPORT_TOP:
      {
        g_autoptr(DaftariTopReport) report = daftari_report_top (book, &period, MAX (args->limit, 0), error);
        return report ? daftari_top_report_table (report, book) : NULL;
      }
    case REPORT_CHARGES:
      {
        g_autoptr(DaftariChargesReport) report = daftari_report_charges (book, &period, error);
        return report ? daftari_charges_report_table (report, book) : NULL;
      }
    case REPORT_VAT:
    default:
      {
        g_autoptr(DaftariVatReport) report = daftari_report_vat (book, &period, error);
        return report ? daftari_vat_report_table (report, book) : NULL;
      }
    }
}

static int
report_book (DaftariCli *cli, const ReportCommand *command, int argc, char **argv)
{
  g_auto(ReportArgs) args = { .limit = 10 };
  const GOptionEntry period_entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &args.outputs.from, N_("First day (default: the 1st of this month)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &args.outputs.to, N_("Last day (default: today)"), N_("YYYY-MM-DD") },
  };
  const GOptionEntry common_entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_NONE, &args.outputs.csv, N_("Print CSV instead of a table"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args.outputs.output, N_("Write CSV (or JSON) to this file"), N_("FILE.csv") },
  };
  const GOptionEntry month_entry =
    { "month", 0, 0, G_OPTION_ARG_STRING, &args.month, N_("The month (default: this month)"), N_("YYYY-MM") };
  const GOptionEntry as_of_entry =
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &args.as_of, N_("The day (default: today)"), N_("YYYY-MM-DD") };
  const GOptionEntry by_month_entry =
    { "by-month", 0, 0, G_OPTION_ARG_NONE, &args.by_month, N_("A column per month"), NULL };
  const GOptionEntry limit_entry =
    { "limit", 0, 0, G_OPTION_ARG_INT, &args.limit, N_("How many of each (default 10, 0: all)"), N_("N") };
  g_autoptr(GArray) entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariReportTable) table = NULL;
  int status = DAFTARI_EXIT_OK;

  if (command->kind == REPORT_MONTHLY)
    g_array_append_val (entries, month_entry);
  else if (command->kind == REPORT_BALANCE)
    g_array_append_val (entries, as_of_entry);
  else
    g_array_append_vals (entries, period_entries, G_N_ELEMENTS (period_entries));
  if (command->kind == REPORT_PNL)
    g_array_append_val (entries, by_month_entry);
  if (command->kind == REPORT_TOP)
    g_array_append_val (entries, limit_entry);
  g_array_append_vals (entries, common_entries, G_N_ELEMENTS (common_entries));

  if (!daftari_cli_parse (cli, &argc, &argv, "", _(command->summary), &g_array_index (entries, GOptionEntry, 0)))
    return DAFTARI_EXIT_USAGE;
  if (argc != 0)
    return daftari_cli_usage (_("report %s takes options only"), command->name);
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if ((table = build_table (cli, command->kind, &args, &error)) == NULL)
    return daftari_cli_fail (cli, error);
  return emit (cli, table, &args.outputs);
}

/* ---- Every report on paper ---- */

static void
print_pdf_json (const char *output, const DaftariPeriod *period)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *from = daftari_day_format (period->from_day);
  g_autofree char *to = daftari_day_format (period->to_day);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, output);
  json_builder_set_member_name (builder, "from");
  json_builder_add_string_value (builder, from);
  json_builder_set_member_name (builder, "to");
  json_builder_add_string_value (builder, to);
  json_builder_end_object (builder);
  daftari_cli_print_json (builder);
}

static int
report_pdf (DaftariCli *cli, int argc, char **argv)
{
  g_auto(ReportArgs) args = { 0 };
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &args.outputs.from, N_("First day (default: the 1st of this month)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &args.outputs.to, N_("Last day (default: today)"), N_("YYYY-MM-DD") },
    { "month", 0, 0, G_OPTION_ARG_STRING, &args.month, N_("A whole month instead of --from and --to"), N_("YYYY-MM") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args.outputs.output, N_("The PDF file to write"), N_("FILE.pdf") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  DaftariPeriod period;
  DaftariMonth month;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, "",
                          _("Every report for a period on A4 pages: key figures, income and expenses by category, "
                            "cash flow, balance sheet, VAT, charges, top customers and payees, and charts."),
                          entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 0)
    return daftari_cli_usage ("%s", _("report pdf takes options only"));
  if (args.outputs.output == NULL || !g_str_has_suffix (args.outputs.output, ".pdf"))
    return daftari_cli_usage ("%s", _("report pdf needs -o FILE.pdf"));
  if (args.month != NULL && (args.outputs.from != NULL || args.outputs.to != NULL))
    return daftari_cli_usage ("%s", _("give --month, or --from and --to, not both"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if (args.month != NULL)
    {
      if (!daftari_month_parse (args.month, &month, &error))
        return daftari_cli_fail (cli, error);
      daftari_period_month (&period, cli->book, month);
    }
  else if (!period_of (cli, &args.outputs, &period, &error))
    return daftari_cli_fail (cli, error);
  if (!daftari_report_pdf_write (cli->book, &period, args.outputs.output, NULL, &error))
    {
      /* A file that cannot be written is exit 3, as the README says. */
      gboolean file = g_error_matches (error, DAFTARI_REPORT_PDF_ERROR, DAFTARI_REPORT_PDF_ERROR_WRITE);
      status = daftari_cli_fail (cli, error);
      return file ? DAFTARI_EXIT_FILE : status;
    }
  if (cli->json)
    print_pdf_json (args.outputs.output, &period);
  else
    g_printerr (_("Written to %s\n"), args.outputs.output);
  return DAFTARI_EXIT_OK;
}

int
daftari_cli_report (DaftariCli *cli, int argc, char **argv)
{
  cli->group = "report";
  if (argc >= 2 && g_str_equal (argv[1], "aging"))
    return report_aging (cli, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "pdf"))
    return report_pdf (cli, argc - 1, argv + 1);
  for (guint i = 0; argc >= 2 && i < G_N_ELEMENTS (report_commands); i++)
    if (g_str_equal (argv[1], report_commands[i].name))
      return report_book (cli, &report_commands[i], argc - 1, argv + 1);
  return daftari_cli_usage ("%s", _("use “report monthly|pnl|cashflow|balance|top|charges|vat|aging|pdf”"));
}
