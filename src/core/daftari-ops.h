/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-book.h"
#include "daftari-txn.h"

G_BEGIN_DECLS

/* The everyday ways money moves, built as balanced transactions and posted
 * through daftari-ledger.c. Amounts are in the wallet's commodity. */

gboolean daftari_ops_opening_balance (DaftariBook  *book,
                                      gint64        wallet_id,
                                      gint64        amount,
                                      gint64        ts,
                                      gint64       *out_id,
                                      GError      **error);

/* Money in (kind INCOME) to a wallet from a category, or out (EXPENSE). */
gboolean daftari_ops_record          (DaftariBook    *book,
                                      DaftariTxnKind  kind,
                                      gint64          wallet_id,
                                      gint64          category_id,
                                      gint64          amount,
                                      gint64          ts,
                                      const char     *memo,
                                      gint64         *out_id,
                                      GError        **error);

typedef struct {
  gint64      from_id;
  gint64      to_id;
  gint64      amount;      /* in the from wallet's commodity */
  gint64      fee;         /* in the from wallet's commodity; 0: none */
  gint64      ts;
  const char *memo;
} DaftariTransferSpec;

/* Between any two wallets; across commodities through the latest rates on or
 * before the date, rounded once. The fee is its own split, to charges. */
gboolean daftari_ops_transfer        (DaftariBook               *book,
                                      const DaftariTransferSpec *spec,
                                      gint64                    *out_id,
                                      GError                   **error);

typedef enum {
  DAFTARI_PAY_PAYBILL,   /* business number + account number */
  DAFTARI_PAY_TILL,      /* Buy Goods till number */
  DAFTARI_PAY_POCHI,     /* Pochi la Biashara: a trader's phone */
} DaftariPayChannel;

typedef struct {
  DaftariPayChannel channel;
  gint64            wallet_id;
  const char       *number;      /* Paybill, Till, or phone */
  const char       *account;     /* the Paybill account reference */
  gint64            category_id; /* 0: "Other expenses" */
  gint64            amount;
  gint64            fee;
  gint64            ts;
  const char       *memo;
} DaftariPaySpec;

gboolean daftari_ops_pay             (DaftariBook          *book,
                                      const DaftariPaySpec *spec,
                                      gint64               *out_id,
                                      GError              **error);

/* The same operations built but not posted: for a caller that posts many
 * in one batch (the generator, importers). NULL with error when invalid. */
DaftariTxn *daftari_ops_build_opening  (DaftariBook               *book,
                                        gint64                     wallet_id,
                                        gint64                     amount,
                                        gint64                     ts,
                                        GError                   **error);
DaftariTxn *daftari_ops_build_record   (DaftariBook               *book,
                                        DaftariTxnKind             kind,
                                        gint64                     wallet_id,
                                        gint64                     category_id,
                                        gint64                     amount,
                                        gint64                     ts,
                                        const char                *memo,
                                        GError                   **error);
DaftariTxn *daftari_ops_build_transfer (DaftariBook               *book,
                                        const DaftariTransferSpec *spec,
                                        GError                   **error);
DaftariTxn *daftari_ops_build_payment  (DaftariBook               *book,
                                        const DaftariPaySpec      *spec,
                                        GError                   **error);

const char *daftari_pay_channel_to_string   (DaftariPayChannel  channel);
gboolean    daftari_pay_channel_from_string (const char        *text,
                                             DaftariPayChannel *out_channel);

G_END_DECLS
