/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-categorise-data.h"

G_BEGIN_DECLS

/* Multinomial naive Bayes with Laplace smoothing over the features of
 * daftari-categorise-features.h, classes partitioned by direction (money
 * in: income categories; out: expense ones). Training only counts; the
 * counts are sparse (a feature is seen in few categories). */
typedef struct _DaftariClassifier DaftariClassifier;

typedef struct {
  gint64 category_id;   /* 0: nothing learned for this direction */
  guint  confidence;    /* 0–100 */
  guint  similar;       /* training documents of that category sharing its most telling feature */
  double posterior;     /* the model's own probability, before calibration */
} DaftariPrediction;

/* Learns from data's documents, leaving out those of fold `fold` of
 * n_folds (n_folds 0: learns from all). data must outlive the model. */
DaftariClassifier *daftari_classifier_train        (const DaftariCategoriseData *data,
                                                    guint                        n_folds,
                                                    guint                        fold);
void               daftari_classifier_free         (DaftariClassifier           *model);

/* features: feature numbers of data; unknown ones must be left out. */
void               daftari_classifier_predict      (const DaftariClassifier     *model,
                                                    const guint32               *features,
                                                    guint                        n_features,
                                                    gboolean                     money_in,
                                                    DaftariPrediction           *out);
/* The same from the features of a payment not in data. */
void               daftari_classifier_predict_features (const DaftariClassifier         *model,
                                                        const DaftariCategoriseFeatures *features,
                                                        DaftariPrediction               *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariClassifier, daftari_classifier_free)

G_END_DECLS
