/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-book.h"
#include "daftari-categorise-features.h"

G_BEGIN_DECLS

/* The book's categorised history as the model reads it: one document per
 * live income, expense or payment transaction with exactly one category
 * split (fees aside) that is not a fallback category ("Other expenses",
 * "Other income": money nobody sorted teaches nothing). Newest first, at
 * most a limit of them, read by one streaming query. Features are interned
 * as numbers so that training and cross-validation only count. */

typedef struct {
  gint64   txn_id;
  guint    klass;          /* index into classes */
  guint    first;          /* into features */
  guint    n_features;
  gint64   rule_category;  /* the category a rule gives it, 0 when none (for evaluation) */
} DaftariCategoriseDoc;

typedef struct {
  gint64   category_id;
  gboolean money_in;
} DaftariCategoriseClass;

typedef struct _DaftariCategoriseData {
  GHashTable *vocabulary;  /* char* → feature number + 1 */
  GArray     *classes;     /* of DaftariCategoriseClass */
  GArray     *docs;        /* of DaftariCategoriseDoc */
  GArray     *features;    /* of guint32 */
  GByteArray *identity;    /* per feature: 1 for a name, number or phone ("c:", "n:", "r:", "p:") */
  guint       n_vocabulary;
} DaftariCategoriseData;

/* The most recent transactions the model learns from: enough for years of
 * a busy shop's habits, and a bound on training time (docs/categorise.md). */
#define DAFTARI_CATEGORISE_HISTORY 200000

/* fallback: the category ids left out (0 entries ignored). rules (of
 * DaftariCategoryRule*, may be NULL) fill each document's rule_category. */
DaftariCategoriseData *daftari_categorise_data_load (DaftariBook   *book,
                                                     const gint64  *fallback,
                                                     guint          n_fallback,
                                                     GPtrArray     *rules,
                                                     guint          limit,
                                                     GError       **error);
void                   daftari_categorise_data_free (DaftariCategoriseData *data);

/* A known feature's number, or -1. */
gint64                 daftari_categorise_data_lookup (const DaftariCategoriseData *data,
                                                       const char                  *token);

/* A document's fold among n_folds, fixed by its transaction id: the same
 * split every run. */
guint                  daftari_categorise_doc_fold  (const DaftariCategoriseDoc *doc,
                                                     guint                       n_folds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariCategoriseData, daftari_categorise_data_free)

G_END_DECLS
