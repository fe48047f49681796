/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-reconcile.h"

G_BEGIN_DECLS

/* Shared by the reconcile area's book files only. */

/* An incoming payment as the book holds it. */
typedef struct {
  gint64  txn_id;
  gint64  ts;
  gint64  amount;      /* what the payer paid: the income credited */
  gint64  wallet_id;
  char   *payer;
  char   *phone;       /* from the counterparty or the memo; NULL when none */
  char   *reference;   /* the account reference, or NULL */
} DaftariReconcileSource;

/* Sets error from the book's last SQLite failure; returns FALSE. */
gboolean daftari_reconcile_sql_failed   (DaftariBook             *book,
                                         GError                 **error);

void     daftari_reconcile_source_clear (DaftariReconcileSource *source);

/* Every payment that may be matched (txn_id 0), or that one, oldest first
 * (of DaftariReconcileSource). */
GArray  *daftari_reconcile_sources      (DaftariBook             *book,
                                         gint64                   txn_id,
                                         GError                 **error);

/* Inside a write: re-expresses the payment as a customer payment,
 * allocates it to the candidate's invoices, records the match as state
 * ("applied" or "accepted") and, when learn, the payer's aliases. A refusal
 * leaves the book as it was. */
gboolean daftari_reconcile_apply        (DaftariBook                     *book,
                                         const DaftariReconcileSource    *source,
                                         const DaftariReconcileCandidate *candidate,
                                         const char                      *state,
                                         gboolean                         learn,
                                         GError                         **error);

G_END_DECLS
