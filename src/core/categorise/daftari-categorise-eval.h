/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-book.h"

G_BEGIN_DECLS

/* How well suggestions would have done on the book's own categorised
 * history, by K-fold cross-validation: each document is predicted by a
 * model trained on the other folds (the split is fixed by transaction id,
 * so every run gives the same figures). A document a rule covers is
 * predicted by the rule. */
typedef struct {
  guint  folds;
  guint  threshold;             /* DAFTARI_CATEGORISE_THRESHOLD */
  guint  n_docs;                /* categorised transactions scored */
  guint  n_classes;             /* categories among them */
  guint  n_correct;             /* rule, else the model's top category */
  guint  n_rule, n_rule_correct;
  guint  n_learned, n_learned_correct;
  guint  n_confident, n_confident_correct;   /* suggestions at or above threshold */
  guint  n_baseline_correct;    /* always the commonest category of the direction */
  double load_seconds;          /* reading the history */
  double train_seconds;         /* training, per fold */
} DaftariCategoriseEval;

gboolean daftari_categorise_eval (DaftariBook           *book,
                                  guint                  folds,
                                  DaftariCategoriseEval *out,
                                  GError               **error);

G_END_DECLS
