/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-account.h"
#include "daftari-book.h"
#include "daftari-calendar.h"
#include "daftari-txn.h"

G_BEGIN_DECLS

/* How a transaction moves money through each wallet, read the way a shop
 * owner reads it: money in from outside, money out to categories, transfers
 * between wallets, and the charges paid on the way.
 *
 * The rule lives here once: the cash-flow report reads it from the month
 * totals the ledger keeps (wallet_flow_month) and applies it to the ragged
 * ends of a period, and the export labels each row with it. */

/* What a split's account is, as far as the flow rule cares. */
typedef enum {
  DAFTARI_FLOW_OTHER,          /* receivables, liabilities, equity: neither */
  DAFTARI_FLOW_WALLET,
  DAFTARI_FLOW_CATEGORY,       /* an income or expense category */
  DAFTARI_FLOW_CHARGES,        /* the "M-PESA & bank charges" category */
} DaftariFlowClass;

/* charges: the account has the charges role. */
DaftariFlowClass daftari_flow_class   (DaftariAccountKind       kind,
                                       gboolean                 charges);

/* One wallet's leg of a transaction. */
typedef struct {
  guint  split;                /* index in the splits */
  gint64 wallet_id;
  gint64 amount;               /* the split's amount, wallet commodity */
  gint64 fee;                  /* the charges this leg paid (≥ 0), wallet commodity */
  gboolean transfer;           /* another wallet is on the other side */
  gint64 other_wallet_id;      /* for a transfer */
  gint64 category_id;          /* the income or expense category, 0 if none */
} DaftariWalletSide;

/* Fills sides (room for max) and returns how many wallet legs the splits
 * have; classes[i] is what splits[i]'s account is. Charges (the charges
 * category, fee splits or not) are put on the first leg that pays out,
 * converted to its commodity by its own rate. */
guint   daftari_wallet_sides          (const DaftariSplit      *splits,
                                       const DaftariFlowClass  *classes,
                                       guint                    n_splits,
                                       DaftariWalletSide       *sides,
                                       guint                    max);
/* The charges of the splits in the book currency (a refund is negative). */
gint64  daftari_wallet_charges_value  (const DaftariSplit      *splits,
                                       const DaftariFlowClass  *classes,
                                       guint                    n_splits);

/* A wallet's movement over some span, wallet commodity. Always:
 * change in balance = money_in − money_out + transfers_in − transfers_out − fees. */
typedef struct {
  gint64 money_in;             /* from outside the wallets */
  gint64 money_out;            /* to categories and liabilities, charges apart */
  gint64 transfers_in;
  gint64 transfers_out;        /* charges apart */
  gint64 fees;
} DaftariWalletFlow;

/* Adds one leg to flow; sign -1 takes it back out (a removed transaction).
 * Both add modulo 2^64 (see daftari-wallet-flow.c): keep stored flows out
 * of SQL arithmetic, which turns an overflowing sum into a float. */
void    daftari_wallet_flow_add_side  (DaftariWalletFlow       *flow,
                                       const DaftariWalletSide *side,
                                       int                      sign);
void    daftari_wallet_flow_add       (DaftariWalletFlow       *flow,
                                       const DaftariWalletFlow *other);

/* Recomputes wallet_flow_month from every split (a book from before the
 * table, or a repair), inside the caller's write. into: "wallet_flow_month"
 * or a table of the same shape (the check's scratch copy). */
gboolean daftari_wallet_flow_rebuild  (DaftariBook             *book,
                                       const char              *into,
                                       GError                 **error);
/* Rebuilds when a migration asked for it (setting wallet_flow_stale), in
 * one write: on opening a book. */
gboolean daftari_wallet_flow_ensure   (DaftariBook             *book,
                                       GError                 **error);

G_END_DECLS
