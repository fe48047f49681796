/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-account.h"
#include "daftari-book.h"
#include "daftari-txn.h"

G_BEGIN_DECLS

/* The book's rules, checked by daftari-ledger.c inside the write they guard.
 * Private to the core: nothing else decides whether money may move. */

typedef struct {
  gint64                  id;
  DaftariAccountKind      kind;
  const DaftariCommodity *commodity;
  gboolean                archived;
  gboolean                allow_overdraft;
  gint64                  last_ts;      /* latest split before this write */
} DaftariRuleAccount;

/* A wallet a write changed, and the earliest moment it changed it. */
typedef struct {
  DaftariRuleAccount account;
  gint64             from_ts;
} DaftariRuleTouch;

gboolean daftari_rules_load_account    (DaftariBook         *book,
                                        gint64               id,
                                        DaftariRuleAccount  *out_account,
                                        GError             **error);
/* Shape (two or more splits, live accounts, consistent amounts, values that
 * sum to zero) and the per-transaction limit. Fills accounts with one
 * DaftariRuleAccount per split. */
gboolean daftari_rules_check_txn       (DaftariBook         *book,
                                        const DaftariTxn    *txn,
                                        GArray              *accounts,
                                        GError             **error);
/* After the write: no touched wallet that forbids overdraft is below zero at
 * any moment from where the write touched it onwards. */
gboolean daftari_rules_check_overdraft (DaftariBook         *book,
                                        GArray              *touched,
                                        GError             **error);

/* TRUE when the write comes after everything already in each touched
 * wallet that must not go below zero: then its balance after the write is
 * the only one the overdraft rule needs to see. */
gboolean daftari_rules_appends         (GArray             *touched);
/* The overdraft rule for such a write, checked before writing anything. */
gboolean daftari_rules_check_overdraft_ahead (DaftariBook      *book,
                                              const DaftariTxn *txn,
                                              GArray           *touched,
                                              GError          **error);

/* An invoice's own transactions (its issue, its void, its payments) change
 * only through the invoice, or the invoice and the books would disagree. */
gboolean daftari_rules_check_not_invoiced (DaftariBook      *book,
                                           gint64            txn_id,
                                           GError          **error);

G_END_DECLS
