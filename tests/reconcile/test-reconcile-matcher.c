/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The matcher in memory: references, names and phones made comparable,
 * each amount case, rejections, and reconcile-eval's targets on a real run
 * at a fixed seed. */
#include <string.h>

#include "daftari-core.h"
#include "daftari-reconcile-scenario.h"
#include "daftari-reconcile-text.h"

static void
assert_keys (const char *reference, const char *first, const char *second)
{
  char *keys[2];
  guint n = daftari_reference_keys (reference, keys);

  g_test_message ("reference “%s”", reference);
  g_assert_cmpuint (n, ==, (first != NULL) + (second != NULL));
  if (first != NULL)
    g_assert_cmpstr (keys[0], ==, first);
  if (second != NULL)
    g_assert_cmpstr (keys[1], ==, second);
  for (guint i = 0; i < n; i++)
    g_free (keys[i]);
}

static void
test_reference_keys (void)
{
  /* Every way people write INV-2026-0042. */
  assert_keys ("INV-2026-0042", "20260042", NULL);
  assert_keys ("INV20260042", "20260042", "2020260042");   /* also read as 20 + 260042 */
  assert_keys ("inv-2026-42", "20260042", NULL);
  assert_keys ("2026-0042", "20260042", NULL);
  assert_keys ("INV 2026 42", "20260042", NULL);
  assert_keys ("26-42", "20260042", NULL);
  assert_keys ("INV-2026-0O42", "20260042", NULL);     /* letter O for zero */
  assert_keys ("INV-2026-00I2", "20260012", NULL);     /* letter I for one */
  /* Without the year: the sequence alone. */
  assert_keys ("42", "*0042", NULL);
  /* A two-digit-year pattern read both ways. */
  assert_keys ("INV260042", "20260042", NULL);
  /* Not invoice numbers. */
  assert_keys ("0712345678", NULL, NULL);
  assert_keys ("254712345678", NULL, NULL);
  assert_keys ("RENT", NULL, NULL);
  assert_keys ("", NULL, NULL);
  assert_keys (NULL, NULL, NULL);
  g_assert_true (daftari_reference_is_invoice_number ("inv2026-42"));
  g_assert_false (daftari_reference_is_invoice_number ("JOHN KAMAU"));
}

static void
test_one_edit (void)
{
  g_assert_true (daftari_within_one_edit ("20260042", "20260042"));
  g_assert_true (daftari_within_one_edit ("20260042", "20260043"));   /* replaced */
  g_assert_true (daftari_within_one_edit ("20260042", "20260024"));   /* swapped */
  g_assert_true (daftari_within_one_edit ("20260042", "2026042"));    /* deleted */
  g_assert_true (daftari_within_one_edit ("20260042", "202600423"));  /* inserted */
  g_assert_false (daftari_within_one_edit ("20260042", "20261043"));
  g_assert_false (daftari_within_one_edit ("20260042", "2025002"));
  g_assert_false (daftari_within_one_edit ("20260042", "20264200"));
}

static void
test_jaro_winkler (void)
{
  /* The textbook values. */
  g_assert_cmpfloat_with_epsilon (daftari_jaro_winkler ("MARTHA", "MARHTA"), 0.9611, 0.0001);
  g_assert_cmpfloat_with_epsilon (daftari_jaro_winkler ("DWAYNE", "DUANE"), 0.84, 0.0001);
  g_assert_cmpfloat_with_epsilon (daftari_jaro_winkler ("DIXON", "DICKSONX"), 0.8133, 0.0001);
  g_assert_cmpfloat (daftari_jaro_winkler ("KAMAU", "KAMAU"), ==, 1.0);
  g_assert_cmpfloat (daftari_jaro_winkler ("ABC", "XYZ"), ==, 0.0);
}

static void
test_names (void)
{
  g_autofree char *norm = daftari_name_normalise ("Mr. John  Kamau-Mwangi");
  g_autofree char *apostrophe = daftari_name_normalise ("Grace N'gang'a");

  g_assert_cmpstr (norm, ==, "JOHN KAMAU MWANGI");
  g_assert_cmpstr (apostrophe, ==, "GRACE NGANGA");
  g_assert_cmpfloat (daftari_name_similarity ("JOHN KAMAU", "KAMAU JOHN"), ==, 1.0);       /* reordered */
  g_assert_cmpfloat (daftari_name_similarity ("J KAMAU", "JOHN KAMAU"), >=, 0.9);         /* initial */
  g_assert_cmpfloat (daftari_name_similarity ("JOHN KAMAU", "JOHN KAMAU MWANGI"), >=, 0.88); /* name left out */
  g_assert_cmpfloat (daftari_name_similarity ("JOHN KAMAU", "JOHN KAMAV"), >=, 0.95);     /* typo */
  /* Two people of one family are not one person. */
  g_assert_cmpfloat (daftari_name_similarity ("MARY KAMAU", "JOHN KAMAU"), <, 0.88);
  g_assert_cmpfloat (daftari_name_similarity ("JOHN OTIENO", "JOHN KAMAU"), <, 0.88);
  g_assert_cmpfloat (daftari_name_similarity ("", "JOHN KAMAU"), ==, 0.0);
}

static void
test_phones (void)
{
  gboolean exact;
  g_autofree char *masked = daftari_payer_phone ("07******901");
  g_autofree char *plain = daftari_payer_phone ("0712 345 678");

  g_assert_cmpstr (masked, ==, "2547******901");
  g_assert_cmpstr (plain, ==, "254712345678");
  g_assert_null (daftari_payer_phone ("12345"));
  g_assert_true (daftari_phone_compatible ("254712345678", "254712345678", &exact) && exact);
  g_assert_true (daftari_phone_compatible ("2547******678", "254712345678", &exact) && !exact);
  g_assert_false (daftari_phone_compatible ("2547******679", "254712345678", &exact));
  g_assert_false (daftari_phone_compatible ("254712345679", "254712345678", &exact));
}

/* ---- The matcher ---- */

/* Customers 1 (John Kamau, 0712345678) and 2 (Mary Wanjiru); invoices
 * 10: John's 5,000 (INV-2026-0042), 11: John's 2,000 (-0043),
 * 12: Mary's 5,000 (-0044). */
static DaftariReconcileMatcher *
small_book (void)
{
  DaftariReconcileMatcher *m = daftari_reconcile_matcher_new ();
  const DaftariReconcileInvoice invoices[] = {
    { 10, 1, "INV-2026-0042", 2026, 42, 500000, 20260301, 20260315 },
    { 11, 1, "INV-2026-0043", 2026, 43, 200000, 20260305, 20260319 },
    { 12, 2, "INV-2026-0044", 2026, 44, 500000, 20260306, 20260320 },
  };

  daftari_reconcile_matcher_add_customer (m, 1, "John Kamau", "0712345678");
  daftari_reconcile_matcher_add_customer (m, 2, "Mary Wanjiru", "0722000111");
  for (guint i = 0; i < G_N_ELEMENTS (invoices); i++)
    daftari_reconcile_matcher_add_invoice (m, &invoices[i]);
  return m;
}

static DaftariReconcileCandidate
best_for (DaftariReconcileMatcher *m, gint64 amount, const char *name, const char *phone, const char *reference)
{
  DaftariReconcilePayment p = { 99, amount, 20260316, name, phone, reference };
  g_autoptr(GArray) candidates = daftari_reconcile_matcher_candidates (m, &p, 5);

  g_assert_cmpuint (candidates->len, >, 0);
  return g_array_index (candidates, DaftariReconcileCandidate, 0);
}

static void
test_amounts (void)
{
  g_autoptr(DaftariReconcileMatcher) m = small_book ();
  DaftariReconcileCandidate c;

  /* Exact, with the number: sure. */
  c = best_for (m, 500000, "JOHN KAMAU", "254712345678", "INV-2026-0042");
  g_assert_cmpint (c.invoice_ids[0], ==, 10);
  g_assert_cmpint (c.confidence, ==, 100);
  g_assert_true (c.reasons & DAFTARI_MATCH_REF_EXACT && c.reasons & DAFTARI_MATCH_AMOUNT_EXACT);
  /* Typed with a slip: still that invoice. */
  c = best_for (m, 500000, "JOHN KAMAU", "254712345678", "inv2026-0024");
  g_assert_cmpint (c.invoice_ids[0], ==, 10);
  g_assert_true (c.reasons & DAFTARI_MATCH_REF_CLOSE);
  /* Partial: part of the invoice named. */
  c = best_for (m, 100000, "J KAMAU", "2547******678", "2026-42");
  g_assert_cmpint (c.n_invoices, ==, 1);
  g_assert_cmpint (c.invoice_ids[0], ==, 10);
  g_assert_cmpint (c.allocations[0], ==, 100000);
  g_assert_true (c.reasons & DAFTARI_MATCH_AMOUNT_PARTIAL);
  /* Over: the invoice takes what it owes; the rest is credit. */
  c = best_for (m, 210000, "JOHN KAMAU", "254712345678", "INV-2026-0043");
  g_assert_cmpint (c.invoice_ids[0], ==, 11);
  g_assert_cmpint (c.allocations[0], ==, 200000);
  g_assert_true (c.reasons & DAFTARI_MATCH_AMOUNT_OVER);
  /* One payment for both of John's invoices, no reference. */
  c = best_for (m, 700000, "JOHN KAMAU", "254712345678", "");
  g_assert_cmpint (c.n_invoices, ==, 2);
  g_assert_cmpint (c.invoice_ids[0], ==, 10);
  g_assert_cmpint (c.invoice_ids[1], ==, 11);
  g_assert_true (c.reasons & DAFTARI_MATCH_AMOUNT_SEVERAL);
  /* Equal amounts on two customers' invoices: the payer decides. */
  c = best_for (m, 500000, "MARY WANJIRU", "254722000111", "");
  g_assert_cmpint (c.invoice_ids[0], ==, 12);
  g_assert_cmpint (c.confidence, >=, 90);
  /* …and with nothing but the amount, nobody is sure. */
  c = best_for (m, 500000, "PETER OTIENO", "254733000000", "");
  g_assert_cmpint (c.confidence, <, 90);
  g_assert_true (c.reasons & DAFTARI_MATCH_AMBIGUOUS);
}

static void
test_several_payments (void)
{
  g_autoptr(DaftariReconcileMatcher) m = small_book ();
  DaftariReconcileCandidate first = best_for (m, 300000, "JOHN KAMAU", "254712345678", "INV-2026-0042");
  DaftariReconcileCandidate second;

  daftari_reconcile_matcher_apply (m, &first);
  g_assert_cmpint (daftari_reconcile_matcher_outstanding (m, 10), ==, 200000);
  /* The rest, later: now exactly what is owed. */
  second = best_for (m, 200000, "JOHN KAMAU", "254712345678", "INV-2026-0042");
  g_assert_cmpint (second.invoice_ids[0], ==, 10);
  g_assert_true (second.reasons & DAFTARI_MATCH_AMOUNT_EXACT);
  daftari_reconcile_matcher_apply (m, &second);
  g_assert_cmpint (daftari_reconcile_matcher_outstanding (m, 10), ==, 0);
}

static void
test_alias_and_reject (void)
{
  g_autoptr(DaftariReconcileMatcher) m = small_book ();
  DaftariReconcilePayment p = { 7, 200000, 20260316, "PETER OTIENO", "254733000000", "" };
  g_autoptr(GArray) before = daftari_reconcile_matcher_candidates (m, &p, 5);
  g_autoptr(GArray) learned = NULL;
  g_autoptr(GArray) after = NULL;

  g_assert_cmpint (g_array_index (before, DaftariReconcileCandidate, 0).confidence, <, 90);
  /* John's brother pays from his own phone: taught once, known after. */
  daftari_reconcile_matcher_add_alias (m, DAFTARI_ALIAS_PHONE, "0733 000 000", 1);
  learned = daftari_reconcile_matcher_candidates (m, &p, 5);
  g_assert_cmpint (g_array_index (learned, DaftariReconcileCandidate, 0).invoice_ids[0], ==, 11);
  g_assert_true (g_array_index (learned, DaftariReconcileCandidate, 0).reasons & DAFTARI_MATCH_ALIAS);
  g_assert_cmpint (g_array_index (learned, DaftariReconcileCandidate, 0).confidence, >=, 90);
  /* Rejected: never proposed again for that payment. */
  daftari_reconcile_matcher_reject (m, 7, 11);
  after = daftari_reconcile_matcher_candidates (m, &p, 5);
  for (guint i = 0; i < after->len; i++)
    for (guint j = 0; j < g_array_index (after, DaftariReconcileCandidate, i).n_invoices; j++)
      g_assert_cmpint (g_array_index (after, DaftariReconcileCandidate, i).invoice_ids[j], !=, 11);
}

static void
test_reasons_text (void)
{
  g_autofree char *keys = daftari_match_reasons_keys (DAFTARI_MATCH_REF_EXACT | DAFTARI_MATCH_AMOUNT_EXACT);
  g_autofree char *text = daftari_match_reasons_text (DAFTARI_MATCH_PHONE);

  g_assert_cmpstr (keys, ==, "ref-exact,amount-exact");
  g_assert_cmpuint (daftari_match_reasons_parse (keys), ==, DAFTARI_MATCH_REF_EXACT | DAFTARI_MATCH_AMOUNT_EXACT);
  g_assert_cmpstr (text, ==, "Paid from the customer’s phone");
}

/* ---- The scenario and the targets ---- */

static void
test_scenario_deterministic (void)
{
  g_autoptr(DaftariScenario) a = daftari_scenario_generate (7, 300);
  g_autoptr(DaftariScenario) b = daftari_scenario_generate (7, 300);
  g_autoptr(DaftariScenario) c = daftari_scenario_generate (8, 300);
  guint unrelated = 0, several = 0;

  g_assert_cmpuint (a->payments->len, ==, b->payments->len);
  for (guint i = 0; i < a->payments->len; i++)
    {
      const DaftariScenarioPayment *x = &g_array_index (a->payments, DaftariScenarioPayment, i);
      const DaftariScenarioPayment *y = &g_array_index (b->payments, DaftariScenarioPayment, i);
      g_assert_cmpint (x->amount, ==, y->amount);
      g_assert_cmpstr (x->reference, ==, y->reference);
      g_assert_cmpstr (x->name, ==, y->name);
      unrelated += x->n_truth == 0;
      several += x->n_truth > 1;
    }
  g_assert_cmpuint (unrelated, >, 0);
  g_assert_cmpuint (several, >, 0);
  g_assert_true (c->payments->len != a->payments->len ||
                 g_strcmp0 (g_array_index (c->payments, DaftariScenarioPayment, 0).name,
                            g_array_index (a->payments, DaftariScenarioPayment, 0).name) != 0);
}

static void
test_eval_targets (void)
{
  g_autoptr(DaftariScenario) scenario = daftari_scenario_generate (1, 5000);
  DaftariReconcileEval e;

  daftari_reconcile_evaluate (scenario, 90, &e);
  g_test_message ("seed 1: precision %.4f recall %.4f top-1 %.4f", e.precision, e.recall, e.top1);
  g_assert_cmpuint (e.n_with_invoice, >, 4000);
  g_assert_cmpfloat (e.precision, >=, 0.995);
  g_assert_cmpfloat (e.recall, >=, 0.90);
  g_assert_cmpfloat (e.top1, >=, 0.97);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  daftari_core_init ();
  g_test_add_func ("/reconcile/reference-keys", test_reference_keys);
  g_test_add_func ("/reconcile/one-edit", test_one_edit);
  g_test_add_func ("/reconcile/jaro-winkler", test_jaro_winkler);
  g_test_add_func ("/reconcile/names", test_names);
  g_test_add_func ("/reconcile/phones", test_phones);
  g_test_add_func ("/reconcile/amounts", test_amounts);
  g_test_add_func ("/reconcile/several-payments", test_several_payments);
  g_test_add_func ("/reconcile/alias-and-reject", test_alias_and_reject);
  g_test_add_func ("/reconcile/reasons", test_reasons_text);
  g_test_add_func ("/reconcile/scenario-deterministic", test_scenario_deterministic);
  g_test_add_func ("/reconcile/eval-targets", test_eval_targets);
  return g_test_run ();
}
