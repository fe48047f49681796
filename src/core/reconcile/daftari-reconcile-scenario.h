/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-reconcile-matcher.h"

G_BEGIN_DECLS

/* A made-up business with customers, invoices and the M-PESA payments that
 * came in, with the truth about each payment known: the ground for
 * reconcile-eval (docs/reconcile.md says what noise it holds and how
 * often). Deterministic for a seed. */

typedef struct {
  char *name;
  char *phone;                  /* 2547XXXXXXXX, or "" */
} DaftariScenarioCustomer;

typedef struct {
  guint      customer;          /* index into customers */
  char      *number;            /* "INV-2026-0042" */
  int        year;
  gint64     sequence;
  gint64     total;             /* KES cents */
  DaftariDay issue_day;
  int        due_days;
  DaftariDay due_day;
} DaftariScenarioInvoice;

typedef struct {
  gint64     amount;
  DaftariDay day;
  char      *name;              /* as M-PESA shows the payer */
  char      *phone;             /* 2547XXXXXXXX, masked 2547******541 or "" */
  char      *reference;         /* what the payer typed as the account */
  guint      n_truth;           /* invoices it was meant for (0: none) */
  guint      truth[DAFTARI_RECONCILE_MAX_INVOICES];  /* indexes into invoices */
} DaftariScenarioPayment;

typedef struct {
  guint64    seed;
  GArray    *customers;         /* of DaftariScenarioCustomer */
  GArray    *invoices;          /* of DaftariScenarioInvoice, in issue order */
  GArray    *payments;          /* of DaftariScenarioPayment, in day order */
} DaftariScenario;

/* About n_invoices invoices (and the customers and payments around them). */
DaftariScenario *daftari_scenario_generate (guint64          seed,
                                            guint            n_invoices);
void             daftari_scenario_free     (DaftariScenario *scenario);

/* A matcher holding the scenario's customers and invoices (ids are
 * indexes + 1, as rows in a book would be). */
DaftariReconcileMatcher *daftari_scenario_matcher (const DaftariScenario *scenario);

/* How well the matcher did on a scenario at a threshold. */
typedef struct {
  guint64 seed;
  int     threshold;
  guint   n_payments;
  guint   n_with_invoice;       /* payments meant for some invoice */
  guint   n_applied;            /* automatic matches (confidence ≥ threshold) */
  guint   n_applied_right;      /* … whose invoices are the true ones */
  guint   n_top1_right;         /* payments with an invoice whose best candidate is right */
  guint   n_review;             /* below the threshold, with a candidate */
  double  precision;            /* n_applied_right / n_applied */
  double  recall;               /* n_applied_right / n_with_invoice */
  double  top1;                 /* n_top1_right / n_with_invoice */
  double  seconds;              /* matching only */
} DaftariReconcileEval;

/* Runs the matcher over the scenario's payments in day order, applying
 * what reaches the threshold, as `reconcile` does on a book. */
void             daftari_reconcile_evaluate (const DaftariScenario *scenario,
                                             int                    threshold,
                                             DaftariReconcileEval  *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariScenario, daftari_scenario_free)

G_END_DECLS
