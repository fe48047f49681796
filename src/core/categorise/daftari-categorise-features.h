/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "daftari-txn.h"

G_BEGIN_DECLS

/* What categorisation looks at in one payment or receipt. The strings are
 * borrowed (from a transaction or an import row) and never NULL. The same
 * fields come from a posted transaction (training, `categorise`) and from
 * a transaction an import is about to post, so the model sees the same
 * thing in both places. */
typedef struct {
  gboolean    money_in;      /* income categories for money in, expense ones for money out */
  const char *channel;       /* "paybill", "till", "pochi" or "" */
  const char *number;        /* the Paybill or Till number, or "" */
  const char *reference;     /* the Paybill account number, or "" */
  const char *phone;         /* 2547…, masked or not, or "" */
  const char *counterparty;  /* the cleaned name (the payee), or "" */
  const char *text;          /* the memo: the source's own text for imports */
} DaftariCategoriseFeatures;

/* Fills features from a transaction's fields; a Pochi payment's number is a phone. */
void   daftari_categorise_features_from_txn (DaftariCategoriseFeatures *features,
                                             const DaftariTxn          *txn,
                                             gboolean                   money_in);

/* The model's features, each a string with a short prefix saying what it
 * is: "w:" a word of the memo or payee (letters only: receipt numbers,
 * amounts and dates say nothing about a category), "c:" the whole
 * counterparty name, "ch:" the channel, "n:" a Paybill/Till number, "r:" a
 * number with its account, "p:" a phone. Each appears once. Written into
 * out (emptied first), one after another, each ending in a NUL, so that
 * the caller can keep one buffer for every payment (imports tokenise every
 * row). Returns how many; read them with
 *   for (const char *t = out->str; n-- > 0; t += strlen (t) + 1) */
guint  daftari_categorise_features_write    (const DaftariCategoriseFeatures *features,
                                             GString                         *out);

/* Lower case, runs of white space as one space, trimmed: how names and
 * rule patterns are compared. */
char  *daftari_categorise_fold              (const char *text);
/* The same, appended to out. */
void   daftari_categorise_fold_append       (GString    *out,
                                             const char *text);

G_END_DECLS
