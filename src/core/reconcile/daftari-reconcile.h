/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-book.h"
#include "daftari-reconcile-matcher.h"

G_BEGIN_DECLS

/* Incoming payments in a book matched to its open invoices
 * (docs/reconcile.md). A payment is an income transaction into a wallet in
 * the book currency, crediting income categories only, that is not yet a
 * customer payment. Applying a match turns it, in one transaction, into a
 * customer payment: the same transaction re-expressed as wallet ←
 * Accounts Receivable (daftari_ledger_replace, so the audit trail keeps
 * what it was), allocated to the invoice(s); the rest is the customer's
 * credit. */

#define DAFTARI_RECONCILE_DEFAULT_THRESHOLD 90

/* One way to settle a payment, as shown to people. */
typedef struct {
  gint64   match_id;          /* reconcile_match row of its first invoice; 0 in a dry run */
  guint    rank;              /* 1: the best */
  gint64   customer_id;
  char    *customer_name;
  guint    n_invoices;
  gint64   invoice_ids[DAFTARI_RECONCILE_MAX_INVOICES];
  char    *numbers[DAFTARI_RECONCILE_MAX_INVOICES];
  gint64   allocations[DAFTARI_RECONCILE_MAX_INVOICES];
  int      confidence;
  guint32  reasons;           /* DaftariMatchReason bits */
} DaftariReconcileSuggestion;

/* A payment and what became of it. */
typedef struct {
  gint64     txn_id;
  gint64     ts;
  gint64     amount;
  char      *payer;
  char      *phone;
  char      *reference;
  gboolean   applied;         /* settled automatically (suggestions[0] was applied) */
  GPtrArray *suggestions;     /* of DaftariReconcileSuggestion*, best first */
} DaftariReconcileItem;

typedef struct {
  guint      n_payments;      /* payments looked at */
  guint      n_applied;
  guint      n_review;        /* waiting, with at least one candidate */
  guint      n_unmatched;     /* no candidate at all */
  GPtrArray *items;           /* of DaftariReconcileItem*: applied and waiting */
  GPtrArray *warnings;        /* of char*: matches a rule refused (they wait for review) */
} DaftariReconcileResult;

void daftari_reconcile_item_free   (DaftariReconcileItem   *item);
void daftari_reconcile_result_free (DaftariReconcileResult *result);

/* Scores every payment not yet settled; applies candidates whose
 * confidence reaches threshold (0–100), keeps the others (best three) for
 * review. One write: all of it lands, or (error) nothing. Running it again
 * changes nothing. dry_run decides the same and writes nothing. */
DaftariReconcileResult *daftari_reconcile_run    (DaftariBook  *book,
                                                  int           threshold,
                                                  gboolean      dry_run,
                                                  GError      **error);
/* Payments waiting for review, with their suggestions. */
GPtrArray              *daftari_reconcile_review (DaftariBook  *book,
                                                  GError      **error);
/* Applies a waiting suggestion and learns who the payer is (phone, name,
 * account reference → the customer), so the same payer matches by
 * itself next time. */
gboolean daftari_reconcile_accept (DaftariBook  *book,
                                   gint64        match_id,
                                   GError      **error);
/* Never suggests that suggestion's invoice(s) for that payment again. */
gboolean daftari_reconcile_reject (DaftariBook  *book,
                                   gint64        match_id,
                                   GError      **error);
/* Settles a payment with an invoice the person chose (by number or id)
 * and learns the payer, as accept does. */
gboolean daftari_reconcile_pick   (DaftariBook  *book,
                                   gint64        txn_id,
                                   const char   *invoice,
                                   GError      **error);
/* Takes a settled match back: the payment is income again, its
 * allocations and customer payment are gone, and the pairs are rejected
 * so that the next run does not settle it the same way. */
gboolean daftari_reconcile_undo   (DaftariBook  *book,
                                   gint64        txn_id,
                                   GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariReconcileResult, daftari_reconcile_result_free)

G_END_DECLS
