/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  DAFTARI_TXN_OPENING,     /* a wallet's starting balance: exempt from the limit */
  DAFTARI_TXN_INCOME,
  DAFTARI_TXN_EXPENSE,
  DAFTARI_TXN_TRANSFER,
  DAFTARI_TXN_PAYMENT,     /* Lipa na M-PESA: Paybill, Till, Pochi la Biashara */
  DAFTARI_TXN_GENERAL,     /* any other balanced entry */
} DaftariTxnKind;

typedef enum {
  DAFTARI_SPLIT_NORMAL = 0,
  DAFTARI_SPLIT_FEE    = 1,  /* a charge: not counted against the limit */
} DaftariSplitRole;

/* One leg of a transaction. amount is in the account's commodity, value in
 * the book currency; the values of a transaction sum to zero. */
typedef struct {
  gint64           account_id;
  gint64           amount;
  gint64           value;
  DaftariSplitRole role;
} DaftariSplit;

typedef struct {
  gint64          id;            /* 0 until posted */
  gint64          ts;            /* UTC seconds */
  DaftariTxnKind  kind;
  char           *memo;
  char           *payee;
  char           *channel;       /* "paybill", "till", "pochi", "transfer", or "" */
  char           *counterparty;  /* Paybill or Till number, or a phone */
  char           *reference;     /* the Paybill account number */
  gboolean        voided;
  GArray         *splits;        /* of DaftariSplit */
} DaftariTxn;

GType        daftari_txn_get_type           (void) G_GNUC_CONST;
DaftariTxn  *daftari_txn_new                (DaftariTxnKind    kind,
                                             gint64            ts);
DaftariTxn  *daftari_txn_copy               (const DaftariTxn *txn);
void         daftari_txn_free               (DaftariTxn       *txn);
void         daftari_txn_add_split          (DaftariTxn       *txn,
                                             gint64            account_id,
                                             gint64            amount,
                                             gint64            value,
                                             DaftariSplitRole  role);
DaftariSplit *daftari_txn_get_split         (const DaftariTxn *txn,
                                             guint             index);
void         daftari_txn_set_text           (char            **field,
                                             const char       *text);
/* The money that moved, in the book currency: the sum of the positive
 * values of all splits but fees. The per-transaction limit applies to it. */
gint64       daftari_txn_get_principal      (const DaftariTxn *txn);

const char  *daftari_txn_kind_to_string     (DaftariTxnKind    kind);
gboolean     daftari_txn_kind_from_string   (const char       *text,
                                             DaftariTxnKind   *out_kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariTxn, daftari_txn_free)

G_END_DECLS
