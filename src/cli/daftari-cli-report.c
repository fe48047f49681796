/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reports: report aging. */
#include "daftari-cli-context.h"

#include <glib/gi18n-lib.h>

#include "daftari-receivables.h"

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

int
daftari_cli_report (DaftariCli *cli, int argc, char **argv)
{
  cli->group = "report";
  if (argc >= 2 && g_str_equal (argv[1], "aging"))
    return report_aging (cli, argc - 1, argv + 1);
  return daftari_cli_usage ("%s", _("use “report aging”"));
}
