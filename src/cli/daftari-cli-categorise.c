/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rule add|list|remove; categorise [--apply]; categorise-eval [--folds K]
 * (docs/categorise.md). */
#include "daftari-cli-context.h"

#include <glib/gi18n-lib.h>

#include "daftari-categorise-eval.h"
#include "daftari-categorise.h"
#include "daftari-category-rule.h"

static void
add_int (JsonBuilder *builder, const char *name, gint64 value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_text (JsonBuilder *builder, const char *name, const char *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_double (JsonBuilder *builder, const char *name, double value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_double_value (builder, value);
}

static gboolean
parse_id (const char *text, gint64 *out_id)
{
  char *end = NULL;

  *out_id = g_ascii_strtoll (text, &end, 10);
  return end != text && *end == '\0' && *out_id > 0;
}

/* A category's name for people, by id, from the book's accounts. */
static const char *
name_of (GHashTable *names, gint64 id)
{
  const char *name = g_hash_table_lookup (names, &id);
  return name != NULL ? name : "?";
}

static GHashTable *
account_names (DaftariCli *cli, GError **error)
{
  g_autoptr(GPtrArray) accounts = daftari_account_list (cli->book, TRUE, error);
  GHashTable *names;

  if (accounts == NULL)
    return NULL;
  names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < accounts->len; i++)
    {
      const DaftariAccount *a = g_ptr_array_index (accounts, i);
      g_hash_table_insert (names, g_memdup2 (&a->id, sizeof a->id), g_strdup (a->name));
    }
  return names;
}

/* ---- rule ----------------------------------------------------------- */

static int
rule_add (DaftariCli *cli, int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariAccount) category = NULL;
  DaftariRuleField field;
  gint64 id;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, _("FIELD PATTERN CATEGORY"),
                          _("Add a rule: FIELD is paybill, till, phone, counterparty or text."), NULL))
    return DAFTARI_EXIT_USAGE;
  if (argc != 3)
    return daftari_cli_usage ("%s", _("rule add needs FIELD, PATTERN and CATEGORY (quote names with spaces)"));
  if (!daftari_rule_field_from_string (argv[0], &field))
    return daftari_cli_usage (_("“%s” is not a field; use paybill, till, phone, counterparty or text"), argv[0]);
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if ((category = daftari_cli_account (cli, argv[2], &error)) == NULL ||
      !daftari_category_rule_add (cli->book, field, argv[1], category->id, &id, &error))
    return daftari_cli_fail (cli, error);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_object (builder);
      add_int (builder, "id", id);
      json_builder_end_object (builder);
      daftari_cli_print_json (builder);
    }
  else
    g_print (_("Added rule %lld: %s → %s\n"), (long long) id, argv[1], category->name);
  return DAFTARI_EXIT_OK;
}

static int
rule_list (DaftariCli *cli, int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, NULL, _("List the rules that pick categories."), NULL))
    return DAFTARI_EXIT_USAGE;
  if (argc != 0)
    return daftari_cli_usage ("%s", _("rule list takes no arguments"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  /* A book's first look at its rules shows the defaults it starts with. */
  if (!daftari_category_rules_seed (cli->book, &error) ||
      (rules = daftari_category_rule_list (cli->book, &error)) == NULL)
    return daftari_cli_fail (cli, error);
  json_builder_begin_array (builder);
  for (guint i = 0; i < rules->len; i++)
    {
      const DaftariCategoryRule *r = g_ptr_array_index (rules, i);
      g_autofree char *what = daftari_category_rule_describe (r);
      if (!cli->json)
        {
          g_print ("%4lld  %-28s → %s%s\n", (long long) r->id, what, r->category_name,
                   r->archived ? _(" (archived: idle)") : "");
          continue;
        }
      json_builder_begin_object (builder);
      add_int (builder, "id", r->id);
      add_text (builder, "field", daftari_rule_field_to_string (r->field));
      add_text (builder, "pattern", r->pattern);
      add_int (builder, "category_id", r->category_id);
      add_text (builder, "category", r->category_name);
      json_builder_set_member_name (builder, "archived");
      json_builder_add_boolean_value (builder, r->archived);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (cli->json)
    daftari_cli_print_json (builder);
  else if (rules->len == 0)
    g_print ("%s\n", _("No rules."));
  return DAFTARI_EXIT_OK;
}

static int
rule_remove (DaftariCli *cli, int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  gint64 id;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, _("ID"), _("Remove a rule."), NULL))
    return DAFTARI_EXIT_USAGE;
  if (argc != 1)
    return daftari_cli_usage ("%s", _("rule remove needs exactly one rule ID"));
  if (!parse_id (argv[0], &id))
    return daftari_cli_usage (_("“%s” is not a rule number; “rule list” shows them"), argv[0]);
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if (!daftari_category_rule_remove (cli->book, id, &error))
    return daftari_cli_fail (cli, error);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_object (builder);
      add_int (builder, "removed", id);
      json_builder_end_object (builder);
      daftari_cli_print_json (builder);
    }
  else
    g_print (_("Removed rule %lld\n"), (long long) id);
  return DAFTARI_EXIT_OK;
}

int
daftari_cli_rule (DaftariCli *cli, int argc, char **argv)
{
  cli->group = "rule";
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return rule_add (cli, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return rule_list (cli, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "remove"))
    return rule_remove (cli, argc - 1, argv + 1);
  return daftari_cli_usage ("%s", _("use “rule add”, “rule list” or “rule remove”"));
}

/* ---- categorise ------------------------------------------------------ */

static void
pending_json (JsonBuilder *builder, GHashTable *names, const DaftariCategorisePending *p, guint threshold)
{
  json_builder_begin_object (builder);
  add_int (builder, "txn", p->txn_id);
  add_int (builder, "category_id", p->category_id);
  add_text (builder, "category", name_of (names, p->category_id));
  add_int (builder, "suggested_id", p->suggestion.category_id);
  add_text (builder, "suggested", name_of (names, p->suggestion.category_id));
  add_int (builder, "confidence", p->suggestion.confidence);
  add_text (builder, "source", daftari_suggestion_source_to_string (p->suggestion.source));
  add_text (builder, "why", p->suggestion.why);
  json_builder_set_member_name (builder, "confident");
  json_builder_add_boolean_value (builder, p->suggestion.confidence >= threshold);
  json_builder_end_object (builder);
}

static void
pending_text (DaftariCli *cli, GHashTable *names, const DaftariCategorisePending *p, guint threshold)
{
  g_print ("%6lld  %-16s → %-20s %3u%%  %s%s\n", (long long) p->txn_id, name_of (names, p->category_id),
           name_of (names, p->suggestion.category_id), p->suggestion.confidence, p->suggestion.why,
           p->suggestion.confidence >= threshold ? "" : _("  (below the threshold: not applied)"));
}

int
daftari_cli_categorise (DaftariCli *cli, int argc, char **argv)
{
  gboolean apply = FALSE;
  int threshold = DAFTARI_CATEGORISE_THRESHOLD;
  const GOptionEntry entries[] = {
    { "apply", 0, 0, G_OPTION_ARG_NONE, &apply, N_("Move the confident ones to their suggested category"), NULL },
    { "threshold", 0, 0, G_OPTION_ARG_INT, &threshold, N_("Lowest confidence to apply, 1 to 100 (default 80)"), N_("N") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariCategoriser) categoriser = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint applied = 0;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, NULL,
                          _("Suggest categories for transactions in “Other expenses” and “Other income”."),
                          entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 0)
    return daftari_cli_usage ("%s", _("categorise takes no arguments"));
  if (threshold < 1 || threshold > 100)
    return daftari_cli_usage ("%s", _("--threshold must be between 1 and 100"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if ((categoriser = daftari_categoriser_new (cli->book, &error)) == NULL ||
      (pending = daftari_categorise_pending (categoriser, &error)) == NULL ||
      (names = account_names (cli, &error)) == NULL ||
      (apply && !daftari_categorise_apply (cli->book, pending, threshold, &applied, &error)))
    return daftari_cli_fail (cli, error);
  if (!cli->json)
    {
      for (guint i = 0; i < pending->len; i++)
        pending_text (cli, names, g_ptr_array_index (pending, i), threshold);
      if (apply)
        g_print (_("Re-categorised %u of %u transactions.\n"), applied, pending->len);
      else
        g_print (_("%u suggestions; “categorise --apply” moves those at %d%% or more.\n"), pending->len, threshold);
      return DAFTARI_EXIT_OK;
    }
  json_builder_begin_object (builder);
  add_int (builder, "threshold", threshold);
  add_int (builder, "applied", applied);
  json_builder_set_member_name (builder, "suggestions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < pending->len; i++)
    pending_json (builder, names, g_ptr_array_index (pending, i), threshold);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  daftari_cli_print_json (builder);
  return DAFTARI_EXIT_OK;
}

/* ---- categorise-eval ------------------------------------------------- */

static double
ratio (guint part, guint whole)
{
  return whole > 0 ? (double) part / whole : 0.0;
}

static void
eval_json (const DaftariCategoriseEval *e)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_int (builder, "folds", e->folds);
  add_int (builder, "transactions", e->n_docs);
  add_int (builder, "categories", e->n_classes);
  add_double (builder, "accuracy", ratio (e->n_correct, e->n_docs));
  add_int (builder, "rule_transactions", e->n_rule);
  add_double (builder, "rule_accuracy", ratio (e->n_rule_correct, e->n_rule));
  add_int (builder, "learned_transactions", e->n_learned);
  add_double (builder, "learned_accuracy", ratio (e->n_learned_correct, e->n_learned));
  add_int (builder, "threshold", e->threshold);
  add_double (builder, "coverage", ratio (e->n_confident, e->n_docs));
  add_double (builder, "confident_accuracy", ratio (e->n_confident_correct, e->n_confident));
  add_double (builder, "baseline_accuracy", ratio (e->n_baseline_correct, e->n_docs));
  add_double (builder, "load_seconds", e->load_seconds);
  add_double (builder, "train_seconds", e->train_seconds);
  json_builder_end_object (builder);
  daftari_cli_print_json (builder);
}

static void
eval_text (const DaftariCategoriseEval *e)
{
  g_print (_("%u-fold cross-validation over %u categorised transactions in %u categories\n"),
           e->folds, e->n_docs, e->n_classes);
  g_print (_("  accuracy            %5.1f%%\n"), 100 * ratio (e->n_correct, e->n_docs));
  g_print (_("  by rules            %5.1f%% of %u\n"), 100 * ratio (e->n_rule_correct, e->n_rule), e->n_rule);
  g_print (_("  learned             %5.1f%% of %u\n"), 100 * ratio (e->n_learned_correct, e->n_learned),
           e->n_learned);
  g_print (_("  confident (≥ %u)    %5.1f%% of the transactions, %5.1f%% right\n"), e->threshold,
           100 * ratio (e->n_confident, e->n_docs), 100 * ratio (e->n_confident_correct, e->n_confident));
  g_print (_("  baseline (commonest category) %5.1f%%\n"), 100 * ratio (e->n_baseline_correct, e->n_docs));
  g_print (_("  reading %.3f s, training %.3f s per fold\n"), e->load_seconds, e->train_seconds);
}

int
daftari_cli_categorise_eval (DaftariCli *cli, int argc, char **argv)
{
  int folds = 5;
  const GOptionEntry entries[] = {
    { "folds", 0, 0, G_OPTION_ARG_INT, &folds, N_("How many parts to split the history into (default 5)"), N_("K") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  DaftariCategoriseEval eval;
  int status = DAFTARI_EXIT_OK;

  if (!daftari_cli_parse (cli, &argc, &argv, NULL,
                          _("Score category suggestions by cross-validation on the book’s own history."), entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 0)
    return daftari_cli_usage ("%s", _("categorise-eval takes no arguments"));
  if (folds < 2 || folds > 100)
    return daftari_cli_usage ("%s", _("--folds must be between 2 and 100"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if (!daftari_categorise_eval (cli->book, (guint) folds, &eval, &error))
    return daftari_cli_fail (cli, error);
  if (cli->json)
    eval_json (&eval);
  else
    eval_text (&eval);
  return DAFTARI_EXIT_OK;
}
