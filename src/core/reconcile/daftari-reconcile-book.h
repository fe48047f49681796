/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-reconcile-private.h"

G_BEGIN_DECLS

/* A matcher loaded from a book, with the names needed to show its
 * suggestions. */
typedef struct {
  DaftariReconcileMatcher *matcher;
  GHashTable *customer_names;    /* gint64* → name */
  GHashTable *invoice_numbers;   /* gint64* → number (open invoices) */
} DaftariReconcileKnowledge;

DaftariReconcileKnowledge *daftari_reconcile_knowledge_load (DaftariBook                  *book,
                                                             GError                      **error);
void                       daftari_reconcile_knowledge_free (DaftariReconcileKnowledge    *knowledge);
/* The matcher's view of a payment (borrows the source's strings). */
DaftariReconcilePayment    daftari_reconcile_payment_of     (DaftariBook                  *book,
                                                             const DaftariReconcileSource *source);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariReconcileKnowledge, daftari_reconcile_knowledge_free)

G_END_DECLS
