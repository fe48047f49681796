/* SPDX-License-Identifier: GPL-3.0-or-later */
/* reconcile [--threshold N] [--dry-run]; reconcile review | accept MATCH |
 * reject MATCH | pick TXN INVOICE | undo TXN; reconcile-eval [--seed N]. */
#include "daftari-cli-context.h"

#include <glib/gi18n-lib.h>

#include "daftari-reconcile-scenario.h"
#include "daftari-reconcile.h"

static void
add_count (JsonBuilder *builder, const char *name, gint64 value);

static void
suggestion_json (DaftariCli *cli, JsonBuilder *builder, const DaftariReconcileSuggestion *s)
{
  const DaftariCommodity *currency = daftari_book_get_currency (cli->book);
  g_autofree char *reasons = daftari_match_reasons_text (s->reasons);

  json_builder_begin_object (builder);
  add_count (builder, "match", s->match_id);
  add_count (builder, "rank", s->rank);
  add_count (builder, "confidence", s->confidence);
  add_count (builder, "customer_id", s->customer_id);
  json_builder_set_member_name (builder, "customer");
  json_builder_add_string_value (builder, s->customer_name != NULL ? s->customer_name : "");
  json_builder_set_member_name (builder, "invoices");
  json_builder_begin_array (builder);
  for (guint i = 0; i < s->n_invoices; i++)
    {
      json_builder_begin_object (builder);
      add_count (builder, "id", s->invoice_ids[i]);
      json_builder_set_member_name (builder, "number");
      json_builder_add_string_value (builder, s->numbers[i] != NULL ? s->numbers[i] : "");
      daftari_cli_json_money (builder, "amount", s->allocations[i], currency);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "reason_keys");
  json_builder_begin_array (builder);
  for (guint bit = 0; bit < DAFTARI_MATCH_N_REASONS; bit++)
    if (s->reasons & (1u << bit))
      json_builder_add_string_value (builder, daftari_match_reason_key (1u << bit));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "reasons");
  json_builder_add_string_value (builder, reasons);
  json_builder_end_object (builder);
}

static void
item_json (DaftariCli *cli, JsonBuilder *builder, const DaftariReconcileItem *item)
{
  json_builder_begin_object (builder);
  add_count (builder, "txn", item->txn_id);
  daftari_cli_json_money (builder, "amount", item->amount, daftari_book_get_currency (cli->book));
  json_builder_set_member_name (builder, "payer");
  json_builder_add_string_value (builder, item->payer);
  json_builder_set_member_name (builder, "phone");
  json_builder_add_string_value (builder, item->phone);
  json_builder_set_member_name (builder, "reference");
  json_builder_add_string_value (builder, item->reference);
  json_builder_set_member_name (builder, "suggestions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < item->suggestions->len; i++)
    suggestion_json (cli, builder, g_ptr_array_index (item->suggestions, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
items_json (DaftariCli *cli, JsonBuilder *builder, const char *name, GPtrArray *items, gboolean applied)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      const DaftariReconcileItem *item = g_ptr_array_index (items, i);
      if (item->applied == applied)
        item_json (cli, builder, item);
    }
  json_builder_end_array (builder);
}

static void
print_item (DaftariCli *cli, const DaftariReconcileItem *item)
{
  g_autofree char *amount = daftari_money_format (item->amount, daftari_book_get_currency (cli->book), DAFTARI_MONEY_FORMAT_DEFAULT);

  g_print (_("Payment %lld: %s from %s (account “%s”)\n"), (long long) item->txn_id, amount,
           *item->payer != '\0' ? item->payer : _("an unknown payer"), item->reference);
  for (guint i = 0; i < item->suggestions->len; i++)
    {
      const DaftariReconcileSuggestion *s = g_ptr_array_index (item->suggestions, i);
      g_autofree char *reasons = daftari_match_reasons_text (s->reasons);
      g_autofree char *numbers = g_strjoinv (", ", (char **) (const char *const[]) {
        s->numbers[0], s->n_invoices > 1 ? s->numbers[1] : NULL, s->n_invoices > 2 ? s->numbers[2] : NULL, NULL });
      /* xgettext:no-c-format */
      g_print (_("  %s %s — %s, %d%% sure"), item->applied ? _("applied to") : _("maybe"), numbers,
               s->customer_name != NULL ? s->customer_name : "", s->confidence);
      if (!item->applied && s->match_id != 0)
        g_print (_(" [match %lld]"), (long long) s->match_id);
      g_print ("\n    %s\n", reasons);
    }
}

static int
reconcile_run (DaftariCli *cli, int argc, char **argv)
{
  int threshold = DAFTARI_RECONCILE_DEFAULT_THRESHOLD;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "threshold", 0, 0, G_OPTION_ARG_INT, &threshold,
      N_("Apply matches at least this sure, 0 to 100 (default 90)"), N_("N") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Show what would happen without writing"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariReconcileResult) result = NULL;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, NULL,
                          _("Match incoming payments to open invoices: apply the sure ones, keep the others for "
                            "review.\nThen: reconcile review | accept MATCH | reject MATCH | pick TXN INVOICE | "
                            "undo TXN (docs/reconcile.md)."), entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 0)
    return daftari_cli_usage ("%s", _("use “reconcile”, “reconcile review”, “reconcile accept MATCH”, "
                                     "“reconcile reject MATCH”, “reconcile pick TXN INVOICE” or “reconcile undo TXN”"));
  if (threshold < 0 || threshold > 100)
    return daftari_cli_usage ("%s", _("--threshold must be between 0 and 100"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if ((result = daftari_reconcile_run (cli->book, threshold, dry_run, &error)) == NULL)
    return daftari_cli_fail (cli, error);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "dry_run");
      json_builder_add_boolean_value (builder, dry_run);
      add_count (builder, "threshold", threshold);
      add_count (builder, "payments", result->n_payments);
      add_count (builder, "applied", result->n_applied);
      add_count (builder, "review", result->n_review);
      add_count (builder, "unmatched", result->n_unmatched);
      items_json (cli, builder, "applied_matches", result->items, TRUE);
      items_json (cli, builder, "waiting", result->items, FALSE);
      json_builder_set_member_name (builder, "warnings");
      json_builder_begin_array (builder);
      for (guint i = 0; i < result->warnings->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (result->warnings, i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      daftari_cli_print_json (builder);
      return DAFTARI_EXIT_OK;
    }
  for (guint i = 0; i < result->warnings->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (result->warnings, i));
  for (guint i = 0; i < result->items->len; i++)
    print_item (cli, g_ptr_array_index (result->items, i));
  if (dry_run)
    g_print ("%s\n", _("Dry run: nothing was written."));
  g_print (_("%u payments: %u applied, %u waiting for review, %u with no candidate\n"), result->n_payments,
           result->n_applied, result->n_review, result->n_unmatched);
  return DAFTARI_EXIT_OK;
}

static int
reconcile_review (DaftariCli *cli, int argc, char **argv)
{
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, NULL, _("List payments waiting for review with their suggestions."),
                          entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 0)
    return daftari_cli_usage ("%s", _("reconcile review takes no arguments"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if ((items = daftari_reconcile_review (cli->book, &error)) == NULL)
    return daftari_cli_fail (cli, error);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_object (builder);
      items_json (cli, builder, "waiting", items, FALSE);
      json_builder_end_object (builder);
      daftari_cli_print_json (builder);
      return DAFTARI_EXIT_OK;
    }
  for (guint i = 0; i < items->len; i++)
    print_item (cli, g_ptr_array_index (items, i));
  if (items->len == 0)
    g_print ("%s\n", _("Nothing is waiting for review."));
  return DAFTARI_EXIT_OK;
}

static gboolean
parse_id (const char *text, gint64 *out)
{
  char *end = NULL;

  *out = g_ascii_strtoll (text, &end, 10);
  return end != text && *end == '\0' && *out > 0;
}

/* accept MATCH, reject MATCH, undo TXN, pick TXN INVOICE. */
static int
reconcile_act (DaftariCli *cli, const char *action, int argc, char **argv)
{
  const GOptionEntry entries[] = { { NULL } };
  gboolean pick = g_str_equal (action, "pick");
  g_autoptr(GError) error = NULL;
  gint64 id;
  gboolean ok;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, pick ? _("TXN INVOICE") : g_str_equal (action, "undo") ? _("TXN") : _("MATCH"),
                          _("Act on a payment waiting for review, or undo a settled match."), entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != (pick ? 2 : 1))
    return daftari_cli_usage (_("reconcile %s needs %s"), action,
                              pick ? _("a payment's transaction and an invoice number")
                                   : g_str_equal (action, "undo") ? _("a transaction number") : _("a match number"));
  if (!parse_id (argv[0], &id))
    return daftari_cli_usage (_("“%s” is not a number"), argv[0]);
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if (pick)
    ok = daftari_reconcile_pick (cli->book, id, argv[1], &error);
  else if (g_str_equal (action, "accept"))
    ok = daftari_reconcile_accept (cli->book, id, &error);
  else if (g_str_equal (action, "reject"))
    ok = daftari_reconcile_reject (cli->book, id, &error);
  else
    ok = daftari_reconcile_undo (cli->book, id, &error);
  if (!ok)
    return daftari_cli_fail (cli, error);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_object (builder);
      add_count (builder, action, id);
      json_builder_end_object (builder);
      daftari_cli_print_json (builder);
    }
  else
    g_print (_("Done: %s %lld\n"), action, (long long) id);
  return DAFTARI_EXIT_OK;
}

int
daftari_cli_reconcile (DaftariCli *cli, int argc, char **argv)
{
  static const char *const actions[] = { "accept", "reject", "pick", "undo" };

  /* "reconcile review" names its group in its help; plain "reconcile" is its own. */
  if (argc >= 2 && g_str_equal (argv[1], "review"))
    {
      cli->group = "reconcile";
      return reconcile_review (cli, argc - 1, argv + 1);
    }
  for (guint i = 0; argc >= 2 && i < G_N_ELEMENTS (actions); i++)
    if (g_str_equal (argv[1], actions[i]))
      {
        cli->group = "reconcile";
        return reconcile_act (cli, actions[i], argc - 1, argv + 1);
      }
  return reconcile_run (cli, argc, argv);
}

static void
add_number (JsonBuilder *builder, const char *name, double value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_double_value (builder, value);
}

static void
add_count (JsonBuilder *builder, const char *name, gint64 value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
print_eval_json (const DaftariReconcileEval *e, guint n_invoices)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_count (builder, "seed", (gint64) e->seed);
  add_count (builder, "threshold", e->threshold);
  add_count (builder, "invoices", n_invoices);
  add_count (builder, "payments", e->n_payments);
  add_count (builder, "with_invoice", e->n_with_invoice);
  add_count (builder, "applied", e->n_applied);
  add_count (builder, "applied_right", e->n_applied_right);
  add_count (builder, "review", e->n_review);
  add_count (builder, "top1_right", e->n_top1_right);
  add_number (builder, "precision", e->precision);
  add_number (builder, "recall", e->recall);
  add_number (builder, "top1", e->top1);
  add_number (builder, "seconds", e->seconds);
  json_builder_end_object (builder);
  daftari_cli_print_json (builder);
}

int
daftari_cli_reconcile_eval (DaftariCli *cli, int argc, char **argv)
{
  gint64 seed = 1;
  int threshold = 90, n_invoices = 5000;
  const GOptionEntry entries[] = {
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("The scenario's seed (default 1)"), N_("N") },
    { "threshold", 0, 0, G_OPTION_ARG_INT, &threshold, N_("Confidence to apply a match at (default 90)"), N_("N") },
    { "invoices", 0, 0, G_OPTION_ARG_INT, &n_invoices, N_("Invoices in the scenario (default 5000)"), N_("N") },
    { NULL }
  };
  g_autoptr(DaftariScenario) scenario = NULL;
  DaftariReconcileEval e;

  if (!daftari_cli_parse (cli, &argc, &argv, NULL,
                          _("Score payment matching on a generated business whose truth is known."), entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 0)
    return daftari_cli_usage ("%s", _("reconcile-eval takes no arguments"));
  if (threshold < 0 || threshold > 100)
    return daftari_cli_usage ("%s", _("--threshold must be between 0 and 100"));
  if (n_invoices < 10 || n_invoices > 1000000)
    return daftari_cli_usage ("%s", _("--invoices must be between 10 and 1,000,000"));
  scenario = daftari_scenario_generate ((guint64) seed, n_invoices);
  daftari_reconcile_evaluate (scenario, threshold, &e);
  if (cli->json)
    {
      print_eval_json (&e, scenario->invoices->len);
      return DAFTARI_EXIT_OK;
    }
  g_print (_("Scenario %lld: %u invoices, %u payments (%u meant for an invoice)\n"), (long long) e.seed,
           scenario->invoices->len, e.n_payments, e.n_with_invoice);
  /* xgettext:no-c-format */
  g_print (_("Automatic matches at %d: %u, precision %.2f%%, recall %.2f%%\n"), e.threshold, e.n_applied,
           100 * e.precision, 100 * e.recall);
  /* xgettext:no-c-format */
  g_print (_("Best suggestion right: %.2f%%; waiting for review: %u\n"), 100 * e.top1, e.n_review);
  return DAFTARI_EXIT_OK;
}
