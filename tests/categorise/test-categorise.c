/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Rules, the naive Bayes model on generated histories with a known
 * pattern (and with random labels: chance), suggestions and applying them,
 * cross-validation, and the CLI end to end with its JSON read back. */
#include <json-glib/json-glib.h>
#include <string.h>

#include "test-common.h"
#include "test-run-cli.h"
#include "daftari-categorise-eval.h"
#include "daftari-categorise.h"
#include "daftari-category-rule.h"
#include "daftari-ledger.h"

/* Payees of a shop and the category each is filed under. */
static const struct {
  const char *payee;
  const char *till;
  const char *category;
} payees[] = {
  { "MAMA OLIECH HOTEL",    "802201", "Food" },
  { "KARATINA GREENGROCER", "802202", "Food" },
  { "RUBIS KASARANI",       "532101", "Fuel" },
  { "TOTAL THIKA ROAD",     "532102", "Fuel" },
  { "SWIFT MOVERS",         "771201", "Transport" },
  { "EMBASSAVA SACCO",      "771202", "Transport" },
  { "BIDCO DISTRIBUTORS",   "660301", "Stock purchases" },
  { "NAIVAS WHOLESALE",     "660302", "Stock purchases" },
  { "MWANGI LANDLORD",      "440101", "Rent" },
  { "UMOJA PROPERTIES",     "440102", "Rent" },
};
static const char *const noise[] = { "asante", "leo", "kesho", "order", "today", "weekly", "urgent", "" };

typedef struct {
  TestBook *tb;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->tb = test_book_new ();
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_strdup (f->tb->dir);

  test_book_free (f->tb);
  test_remove_dir (dir);
}

/* A Till payment from the bank; returns its id. */
static gint64
post_payment (TestBook *tb, guint payee, gint64 category, int day, const char *extra)
{
  g_autoptr(DaftariTxn) txn = daftari_txn_new (DAFTARI_TXN_PAYMENT, test_day (tb->book, day));
  g_autoptr(GError) error = NULL;
  g_autofree char *memo = g_strdup_printf ("Merchant Payment to %s - %s %s", payees[payee].till,
                                           payees[payee].payee, extra);
  gint64 id = 0;

  daftari_txn_set_text (&txn->memo, memo);
  daftari_txn_set_text (&txn->payee, payees[payee].payee);
  daftari_txn_set_text (&txn->channel, "till");
  daftari_txn_set_text (&txn->counterparty, payees[payee].till);
  daftari_txn_add_split (txn, tb->kcb, -1000, -1000, DAFTARI_SPLIT_NORMAL);
  daftari_txn_add_split (txn, category, 1000, 1000, DAFTARI_SPLIT_NORMAL);
  g_assert_true (daftari_ledger_post (tb->book, txn, &id, &error));
  g_assert_no_error (error);
  return id;
}

/* n payments to random payees; with random_labels, each filed under a
 * category drawn at random instead of its payee's. */
static void
generate (TestBook *tb, guint n, guint32 seed, gboolean random_labels)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GError) error = NULL;
  gint64 categories[G_N_ELEMENTS (payees)];

  for (guint i = 0; i < G_N_ELEMENTS (payees); i++)
    categories[i] = test_account_id (tb->book, payees[i].category);
  g_assert_true (daftari_ledger_batch_begin (tb->book, &error));
  for (guint i = 0; i < n; i++)
    {
      guint p = g_rand_int_range (rand, 0, G_N_ELEMENTS (payees));
      guint label = random_labels ? (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (payees)) : p;
      post_payment (tb, p, categories[label], (int) (i / 10),
                    noise[g_rand_int_range (rand, 0, G_N_ELEMENTS (noise))]);
    }
  g_assert_true (daftari_ledger_batch_commit (tb->book, &error));
}

static void
eval (TestBook *tb, guint folds, DaftariCategoriseEval *out)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (daftari_categorise_eval (tb->book, folds, out, &error));
  g_assert_no_error (error);
  g_test_message ("%u docs: accuracy %.3f, baseline %.3f, confident %u (%.3f right)", out->n_docs,
                  (double) out->n_correct / out->n_docs, (double) out->n_baseline_correct / out->n_docs,
                  out->n_confident, out->n_confident ? (double) out->n_confident_correct / out->n_confident : 0);
}

/* ---- Rules ------------------------------------------------------------ */

static gint64
find_rule (GPtrArray *rules, DaftariRuleField field, const char *pattern)
{
  for (guint i = 0; i < rules->len; i++)
    {
      const DaftariCategoryRule *r = g_ptr_array_index (rules, i);
      if (r->field == field && g_str_equal (r->pattern, pattern))
        return r->category_id;
    }
  return 0;
}

static void
test_rules_seed (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = NULL, again = NULL;
  gint64 electricity = test_account_id (f->tb->book, "Electricity (KPLC)");
  gint64 id = 0, n;

  g_assert_cmpint (test_db_int (f->tb->path, "SELECT count(*) FROM category_rule"), ==, 0);
  g_assert_true (daftari_category_rules_seed (f->tb->book, &error));
  g_assert_no_error (error);
  rules = daftari_category_rule_list (f->tb->book, &error);
  g_assert_cmpint (find_rule (rules, DAFTARI_RULE_FIELD_PAYBILL, "888880"), ==, electricity);
  g_assert_cmpint (find_rule (rules, DAFTARI_RULE_FIELD_PAYBILL, "888888"), ==, electricity);
  g_assert_cmpint (find_rule (rules, DAFTARI_RULE_FIELD_PAYBILL, "572572"), ==,
                   test_account_id (f->tb->book, "Taxes (KRA)"));
  n = test_db_int (f->tb->path, "SELECT count(*) FROM category_rule");
  /* Removed defaults stay removed. */
  id = test_db_int (f->tb->path, "SELECT id FROM category_rule WHERE pattern = '888888'");
  g_assert_true (daftari_category_rule_remove (f->tb->book, id, &error));
  g_assert_no_error (error);
  g_assert_true (daftari_category_rules_seed (f->tb->book, &error));
  g_assert_cmpint (test_db_int (f->tb->path, "SELECT count(*) FROM category_rule"), ==, n - 1);
  again = daftari_category_rule_list (f->tb->book, &error);
  g_assert_cmpint (find_rule (again, DAFTARI_RULE_FIELD_PAYBILL, "888888"), ==, 0);
}

static void
test_rules_edit (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  gint64 rent = test_account_id (f->tb->book, "Rent");
  gint64 id = 0;
  g_autofree char *before = NULL, *after = NULL;

  g_assert_true (daftari_category_rules_seed (f->tb->book, &error));
  before = test_db_dump (f->tb->path);
  /* Bad input: clear errors, nothing written. */
  g_assert_false (daftari_category_rule_add (f->tb->book, DAFTARI_RULE_FIELD_PAYBILL, "12ab", rent, &id, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (daftari_category_rule_add (f->tb->book, DAFTARI_RULE_FIELD_PHONE, "12345", rent, &id, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (daftari_category_rule_add (f->tb->book, DAFTARI_RULE_FIELD_TEXT, "  ", rent, &id, &error));
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (daftari_category_rule_add (f->tb->book, DAFTARI_RULE_FIELD_TILL, "123456", f->tb->kcb, &id, &error));
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (daftari_category_rule_add (f->tb->book, DAFTARI_RULE_FIELD_PAYBILL, "888880", rent, &id, &error));
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (daftari_category_rule_remove (f->tb->book, 99999, &error));
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = test_db_dump (f->tb->path);
  g_assert_cmpstr (before, ==, after);

  /* Normalised as they are stored. */
  g_assert_true (daftari_category_rule_add (f->tb->book, DAFTARI_RULE_FIELD_PHONE, "0712 345 678", rent, &id, &error));
  g_assert_no_error (error);
  g_assert_true (daftari_category_rule_add (f->tb->book, DAFTARI_RULE_FIELD_COUNTERPARTY, "  Mwangi   LANDLORD ",
                                            rent, NULL, &error));
  rules = daftari_category_rule_list (f->tb->book, &error);
  g_assert_cmpint (find_rule (rules, DAFTARI_RULE_FIELD_PHONE, "254712345678"), ==, rent);
  g_assert_cmpint (find_rule (rules, DAFTARI_RULE_FIELD_COUNTERPARTY, "mwangi landlord"), ==, rent);
  g_assert_true (daftari_category_rule_remove (f->tb->book, id, &error));
  g_assert_cmpint (test_db_int (f->tb->path, "SELECT count(*) FROM category_rule WHERE field = 'phone'"), ==, 0);
}

static void
test_rules_match (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  gint64 rent = test_account_id (f->tb->book, "Rent"), food = test_account_id (f->tb->book, "Food");
  DaftariCategoriseFeatures name = { FALSE, "till", "123456", "", "", "  Kplc   PREPAID ", "" };
  DaftariCategoriseFeatures kplc = { FALSE, "paybill", "888880", "5410", "", "WRONG NAME", "landlord food" };
  DaftariCategoriseFeatures text = { FALSE, "", "", "", "", "", "Paid the LANDLORD for March" };
  DaftariCategoriseFeatures longer = { FALSE, "", "", "", "", "", "landlord food hotel" };
  DaftariCategoriseFeatures in = { TRUE, "", "", "", "", "", "landlord refund" };
  const DaftariCategoryRule *r;

  g_assert_true (daftari_category_rules_seed (f->tb->book, &error));
  g_assert_true (daftari_category_rule_add (f->tb->book, DAFTARI_RULE_FIELD_TEXT, "landlord", rent, NULL, &error));
  g_assert_true (daftari_category_rule_add (f->tb->book, DAFTARI_RULE_FIELD_TEXT, "food hotel", food, NULL, &error));
  g_assert_no_error (error);
  rules = daftari_category_rule_list (f->tb->book, &error);
  /* A number beats text. */
  r = daftari_category_rules_match (rules, &kplc);
  g_assert_cmpint (r->category_id, ==, test_account_id (f->tb->book, "Electricity (KPLC)"));
  r = daftari_category_rules_match (rules, &text);
  g_assert_cmpint (r->category_id, ==, rent);
  /* The longest text found wins. */
  r = daftari_category_rules_match (rules, &longer);
  g_assert_cmpint (r->category_id, ==, food);
  /* An expense rule does not file money in. */
  g_assert_null (daftari_category_rules_match (rules, &in));
  /* No number rule for that Till: the folded name decides. */
  r = daftari_category_rules_match (rules, &name);
  g_assert_cmpint (r->category_id, ==, test_account_id (f->tb->book, "Electricity (KPLC)"));
}

/* What the model looks at: words of letters only, lower case (UTF-8 too),
 * once each; the folded name; channel, number, account and phone. */
static void
test_features (void)
{
  static const char *const expected[] = {
    "w:pay", "w:bill", "w:to", "w:kplc", "w:prepaid", "w:acc", "w:mama", "w:ñgo", "c:mama ñgo",
    "ch:paybill", "n:888880", "r:888880:5410", "p:254722000111",
  };
  DaftariCategoriseFeatures f = { FALSE, "paybill", "888880", "5410", "254722000111", "  MAMA\t ÑGO ",
                                  "SK12AB34CD Pay Bill to 888880 - KPLC PREPAID Acc. 5410 pay BILL" };
  DaftariCategoriseFeatures none = { TRUE, "", "", "", "", "", "" };
  g_autoptr(GString) out = g_string_new ("left over");
  g_autofree char *folded = daftari_categorise_fold ("  Mama \n\t ÑGO  wa   Pili ");
  const char *t;

  g_assert_cmpstr (folded, ==, "mama ñgo wa pili");
  g_assert_cmpuint (daftari_categorise_features_write (&f, out), ==, G_N_ELEMENTS (expected));
  t = out->str;
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++, t += strlen (t) + 1)
    g_assert_cmpstr (t, ==, expected[i]);
  g_assert_true (t == out->str + out->len);
  g_assert_cmpuint (daftari_categorise_features_write (&none, out), ==, 0);
  g_assert_cmpuint (out->len, ==, 0);
}

/* ---- Learning ------------------------------------------------------------ */

static void
test_learns_pattern (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariCategoriser) categoriser = NULL;
  DaftariCategoriseEval e;
  DaftariSuggestion s;
  DaftariCategoriseFeatures fuel = { FALSE, "till", "532102", "", "", "TOTAL THIKA ROAD", "Merchant Payment to x" };
  DaftariCategoriseFeatures stranger = { FALSE, "till", "999999", "", "", "SOMEONE NEW", "Merchant Payment to x" };

  generate (f->tb, 500, 7, FALSE);
  eval (f->tb, 5, &e);
  g_assert_cmpuint (e.n_docs, ==, 500);
  g_assert_cmpuint (e.n_classes, ==, 5);
  g_assert_cmpuint (e.n_rule, ==, 0);
  g_assert_cmpuint (e.n_correct, >=, e.n_docs * 98 / 100);
  g_assert_cmpuint (e.n_baseline_correct, <=, e.n_docs * 35 / 100);
  g_assert_cmpuint (e.n_confident, >=, e.n_docs * 90 / 100);
  g_assert_cmpuint (e.n_confident_correct, >=, e.n_confident * 98 / 100);

  categoriser = daftari_categoriser_new (f->tb->book, &error);
  g_assert_no_error (error);
  g_assert_true (daftari_categoriser_suggest (categoriser, &fuel, &s, &error));
  g_assert_cmpint (s.category_id, ==, test_account_id (f->tb->book, "Fuel"));
  g_assert_cmpint (s.source, ==, DAFTARI_SUGGESTION_LEARNED);
  g_assert_cmpuint (s.confidence, >=, DAFTARI_CATEGORISE_THRESHOLD);
  g_assert_true (g_str_has_prefix (s.why, "learned from "));
  daftari_suggestion_clear (&s);
  /* Nothing telling about a payee never seen: not confident. */
  g_assert_true (daftari_categoriser_suggest (categoriser, &stranger, &s, &error));
  g_assert_cmpuint (s.confidence, <, DAFTARI_CATEGORISE_THRESHOLD);
  daftari_suggestion_clear (&s);
}

static void
test_random_labels (Fixture *f, gconstpointer data)
{
  DaftariCategoriseEval e;
  double accuracy;

  generate (f->tb, 1000, 11, TRUE);
  eval (f->tb, 5, &e);
  accuracy = (double) e.n_correct / e.n_docs;
  /* Five categories, labels independent of everything: chance is 20%. */
  g_assert_cmpfloat (accuracy, >, 0.10);
  g_assert_cmpfloat (accuracy, <, 0.30);
  g_assert_cmpuint (e.n_confident, <=, e.n_docs / 20);
}

static void
test_eval_deterministic (Fixture *f, gconstpointer data)
{
  DaftariCategoriseEval a, b;
  g_autoptr(GError) error = NULL;

  generate (f->tb, 200, 3, FALSE);
  eval (f->tb, 3, &a);
  eval (f->tb, 3, &b);
  g_assert_cmpuint (a.n_correct, ==, b.n_correct);
  g_assert_cmpuint (a.n_confident, ==, b.n_confident);
  g_assert_false (daftari_categorise_eval (f->tb->book, 1, &a, &error));
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID);
}

static void
test_rules_in_eval (Fixture *f, gconstpointer data)
{
  gint64 electricity = test_account_id (f->tb->book, "Electricity (KPLC)");
  DaftariCategoriseEval e;

  generate (f->tb, 100, 5, FALSE);
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(DaftariTxn) txn = daftari_txn_new (DAFTARI_TXN_PAYMENT, test_day (f->tb->book, 40 + (int) i));
      g_autoptr(GError) error = NULL;
      daftari_txn_set_text (&txn->channel, "paybill");
      daftari_txn_set_text (&txn->counterparty, "888880");
      daftari_txn_set_text (&txn->memo, "KPLC PREPAID");
      daftari_txn_add_split (txn, f->tb->kcb, -5000, -5000, DAFTARI_SPLIT_NORMAL);
      daftari_txn_add_split (txn, electricity, 5000, 5000, DAFTARI_SPLIT_NORMAL);
      g_assert_true (daftari_ledger_post (f->tb->book, txn, NULL, &error));
    }
  eval (f->tb, 5, &e);
  g_assert_cmpuint (e.n_rule, ==, 20);
  g_assert_cmpuint (e.n_rule_correct, ==, 20);
  g_assert_cmpuint (e.n_learned, ==, 100);
}

/* Transactions left in "Other expenses" get their payee's category; the
 * confident ones move, once, with the audit trail keeping what they were. */
static void
test_pending_apply (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariCategoriser) categoriser = NULL, again = NULL;
  g_autoptr(GPtrArray) pending = NULL, left = NULL;
  gint64 rent = test_account_id (f->tb->book, "Rent");
  gint64 a, b;
  guint applied = 0;

  generate (f->tb, 300, 9, FALSE);
  a = post_payment (f->tb, 8, f->tb->other, 60, "");     /* MWANGI LANDLORD → Rent */
  b = post_payment (f->tb, 2, f->tb->other, 61, "");     /* RUBIS → Fuel */
  categoriser = daftari_categoriser_new (f->tb->book, &error);
  pending = daftari_categorise_pending (categoriser, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 2);
  g_assert_cmpint (((DaftariCategorisePending *) pending->pdata[0])->txn_id, ==, a);
  g_assert_cmpint (((DaftariCategorisePending *) pending->pdata[0])->suggestion.category_id, ==, rent);
  g_assert_cmpint (((DaftariCategorisePending *) pending->pdata[0])->category_id, ==, f->tb->other);
  g_assert_true (daftari_categorise_apply (f->tb->book, pending, DAFTARI_CATEGORISE_THRESHOLD, &applied, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (applied, ==, 2);
  g_assert_cmpint (test_balance (f->tb->book, f->tb->other), ==, 0);
  g_assert_cmpint (test_db_int (f->tb->path, "SELECT count(*) FROM audit"), >=, 2);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM split WHERE txn_id = %lld AND account_id = %lld",
                                            (long long) b, (long long) test_account_id (f->tb->book, "Fuel"));
    g_assert_cmpint (test_db_int (f->tb->path, sql), ==, 1);
  }
  again = daftari_categoriser_new (f->tb->book, &error);
  left = daftari_categorise_pending (again, &error);
  g_assert_cmpuint (left->len, ==, 0);
  test_assert_sound (f->tb->book);
}

/* ---- The CLI -------------------------------------------------------------- */

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_cli (Fixture *f, gconstpointer data)
{
  g_autofree char *out1 = NULL, *out2 = NULL, *out3 = NULL, *out4 = NULL, *out5 = NULL, *out6 = NULL;
  g_autoptr(JsonNode) list = NULL, added = NULL, suggested = NULL, applied = NULL, scores = NULL;
  g_autofree char *id = NULL;
  JsonObject *o;
  JsonArray *rules;
  gboolean found = FALSE;

  if (g_getenv ("DAFTARI_CLI") == NULL)
    {
      g_test_skip ("DAFTARI_CLI is not set");
      return;
    }
  generate (f->tb, 300, 13, FALSE);
  post_payment (f->tb, 4, f->tb->other, 60, "");
  g_clear_object (&f->tb->book);   /* the CLI opens the file itself */

  g_assert_cmpint (test_run_cli (f->tb->path, &out1, NULL, "rule", "add", "till", "660301", "Stock purchases", "--json", NULL), ==, 0);
  added = parse_json (out1);
  id = g_strdup_printf ("%lld", (long long) json_object_get_int_member (json_node_get_object (added), "id"));
  g_assert_cmpint (test_run_cli (f->tb->path, &out2, NULL, "--json", "rule", "list", NULL), ==, 0);
  list = parse_json (out2);
  rules = json_node_get_array (list);
  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      o = json_array_get_object_element (rules, i);
      if (g_str_equal (json_object_get_string_member (o, "pattern"), "660301"))
        found = g_str_equal (json_object_get_string_member (o, "category"), "Stock purchases") &&
                g_str_equal (json_object_get_string_member (o, "field"), "till");
    }
  g_assert_true (found);
  g_assert_cmpint (test_run_cli (f->tb->path, &out3, NULL, "rule", "remove", id, NULL), ==, 0);
  g_clear_pointer (&out3, g_free);
  g_assert_cmpint (test_run_cli (f->tb->path, &out3, NULL, "rule", "remove", id, NULL), ==, 1);
  g_clear_pointer (&out3, g_free);
  g_assert_cmpint (test_run_cli (f->tb->path, &out3, NULL, "rule", "add", "bogus", "1", "Rent", NULL), ==, 2);

  g_assert_cmpint (test_run_cli (f->tb->path, &out4, NULL, "categorise", "--json", NULL), ==, 0);
  suggested = parse_json (out4);
  o = json_node_get_object (suggested);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (o, "suggestions")), ==, 1);
  o = json_array_get_object_element (json_object_get_array_member (o, "suggestions"), 0);
  g_assert_cmpstr (json_object_get_string_member (o, "suggested"), ==, "Transport");
  g_assert_cmpstr (json_object_get_string_member (o, "category"), ==, "Other expenses");
  g_assert_cmpstr (json_object_get_string_member (o, "source"), ==, "learned");

  g_assert_cmpint (test_run_cli (f->tb->path, &out5, NULL, "categorise", "--apply", "--json", NULL), ==, 0);
  applied = parse_json (out5);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (applied), "applied"), ==, 1);
  g_assert_cmpint (test_db_int (f->tb->path, "SELECT count(*) FROM split s JOIN account a ON a.id = s.account_id "
                                             "WHERE a.role = 'other-expenses'"), ==, 0);

  g_assert_cmpint (test_run_cli (f->tb->path, &out6, NULL, "categorise-eval", "--folds", "3", "--json", NULL), ==, 0);
  scores = parse_json (out6);
  o = json_node_get_object (scores);
  g_assert_cmpint (json_object_get_int_member (o, "folds"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (o, "transactions"), ==, 301);
  g_assert_cmpfloat (json_object_get_double_member (o, "accuracy"), >,
                     json_object_get_double_member (o, "baseline_accuracy"));
  g_assert_true (json_object_has_member (o, "coverage"));
  g_assert_true (json_object_has_member (o, "rule_accuracy"));
  g_assert_true (json_object_has_member (o, "learned_accuracy"));
}

int
main (int argc, char **argv)
{
  test_common_init (&argc, &argv);
  g_test_add_func ("/categorise/features", test_features);
  g_test_add ("/categorise/rules/seed", Fixture, NULL, setup, test_rules_seed, teardown);
  g_test_add ("/categorise/rules/edit", Fixture, NULL, setup, test_rules_edit, teardown);
  g_test_add ("/categorise/rules/match", Fixture, NULL, setup, test_rules_match, teardown);
  g_test_add ("/categorise/learns-pattern", Fixture, NULL, setup, test_learns_pattern, teardown);
  g_test_add ("/categorise/random-labels", Fixture, NULL, setup, test_random_labels, teardown);
  g_test_add ("/categorise/eval-deterministic", Fixture, NULL, setup, test_eval_deterministic, teardown);
  g_test_add ("/categorise/rules-in-eval", Fixture, NULL, setup, test_rules_in_eval, teardown);
  g_test_add ("/categorise/pending-apply", Fixture, NULL, setup, test_pending_apply, teardown);
  g_test_add ("/categorise/cli", Fixture, NULL, setup, test_cli, teardown);
  return g_test_run ();
}
