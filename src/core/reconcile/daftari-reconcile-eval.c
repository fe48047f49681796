/* SPDX-License-Identifier: GPL-3.0-or-later */
/* reconcile-eval: the matcher the book uses, run over a generated
 * scenario whose truth is known. */
#include "daftari-reconcile-scenario.h"

DaftariReconcileMatcher *
daftari_scenario_matcher (const DaftariScenario *sc)
{
  DaftariReconcileMatcher *m = daftari_reconcile_matcher_new ();

  /* Ids are indexes + 1, as rows in a book would be. */
  for (guint i = 0; i < sc->customers->len; i++)
    {
      const DaftariScenarioCustomer *c = &g_array_index (sc->customers, DaftariScenarioCustomer, i);
      daftari_reconcile_matcher_add_customer (m, i + 1, c->name, c->phone);
    }
  for (guint i = 0; i < sc->invoices->len; i++)
    {
      const DaftariScenarioInvoice *inv = &g_array_index (sc->invoices, DaftariScenarioInvoice, i);
      DaftariReconcileInvoice r = { i + 1, inv->customer + 1, inv->number, inv->year, inv->sequence,
                                    inv->total, inv->issue_day, inv->due_day };
      daftari_reconcile_matcher_add_invoice (m, &r);
    }
  return m;
}

/* The same invoices, in any order. */
static gboolean
is_truth (const DaftariScenarioPayment *p, const DaftariReconcileCandidate *c)
{
  if (p->n_truth != c->n_invoices)
    return FALSE;
  for (guint i = 0; i < p->n_truth; i++)
    {
      gboolean found = FALSE;
      for (guint j = 0; j < c->n_invoices && !found; j++)
        found = c->invoice_ids[j] == (gint64) p->truth[i] + 1;
      if (!found)
        return FALSE;
    }
  return TRUE;
}

void
daftari_reconcile_evaluate (const DaftariScenario *sc, int threshold, DaftariReconcileEval *out)
{
  g_autoptr(DaftariReconcileMatcher) m = daftari_scenario_matcher (sc);
  gint64 start = g_get_monotonic_time ();

  *out = (DaftariReconcileEval) { .seed = sc->seed, .threshold = threshold, .n_payments = sc->payments->len };
  for (guint i = 0; i < sc->payments->len; i++)
    {
      const DaftariScenarioPayment *p = &g_array_index (sc->payments, DaftariScenarioPayment, i);
      DaftariReconcilePayment payment = { i + 1, p->amount, p->day, p->name, p->phone, p->reference };
      g_autoptr(GArray) candidates = daftari_reconcile_matcher_candidates (m, &payment, 5);
      const DaftariReconcileCandidate *best = candidates->len > 0 ? &g_array_index (candidates, DaftariReconcileCandidate, 0) : NULL;

      if (p->n_truth > 0)
        out->n_with_invoice++;
      if (best == NULL)
        continue;
      if (p->n_truth > 0 && is_truth (p, best))
        out->n_top1_right++;
      if (best->confidence >= threshold)
        {
          out->n_applied++;
          if (is_truth (p, best))
            out->n_applied_right++;
          daftari_reconcile_matcher_apply (m, best);
        }
      else
        out->n_review++;
    }
  out->seconds = (g_get_monotonic_time () - start) / 1e6;
  out->precision = out->n_applied > 0 ? (double) out->n_applied_right / out->n_applied : 1.0;
  out->recall = out->n_with_invoice > 0 ? (double) out->n_applied_right / out->n_with_invoice : 1.0;
  out->top1 = out->n_with_invoice > 0 ? (double) out->n_top1_right / out->n_with_invoice : 1.0;
}
