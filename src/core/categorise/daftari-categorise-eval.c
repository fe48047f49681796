/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-categorise-eval.h"

#include <glib/gi18n-lib.h>

#include "daftari-categorise.h"
#include "daftari-categorise-data.h"
#include "daftari-classifier.h"
#include "daftari-error.h"

/* The commonest class of each direction among the training folds. */
static void
majority (const DaftariCategoriseData *data, guint folds, guint fold, gint64 out[2])
{
  g_autofree guint *counts = g_new0 (guint, MAX (data->classes->len, 1));
  guint best[2] = { G_MAXUINT, G_MAXUINT };

  for (guint d = 0; d < data->docs->len; d++)
    {
      const DaftariCategoriseDoc *doc = &g_array_index (data->docs, DaftariCategoriseDoc, d);
      if (daftari_categorise_doc_fold (doc, folds) != fold)
        counts[doc->klass]++;
    }
  for (guint c = 0; c < data->classes->len; c++)
    {
      guint in = g_array_index (data->classes, DaftariCategoriseClass, c).money_in ? 1 : 0;
      if (counts[c] > 0 && (best[in] == G_MAXUINT || counts[c] > counts[best[in]]))
        best[in] = c;
    }
  for (guint in = 0; in < 2; in++)
    out[in] = best[in] == G_MAXUINT ? 0 : g_array_index (data->classes, DaftariCategoriseClass, best[in]).category_id;
}

static void
score_doc (const DaftariCategoriseData *data, const DaftariClassifier *model, const DaftariCategoriseDoc *doc,
           const gint64 baseline[2], DaftariCategoriseEval *out)
{
  const DaftariCategoriseClass *truth = &g_array_index (data->classes, DaftariCategoriseClass, doc->klass);
  const guint32 *features = &g_array_index (data->features, guint32, doc->first);
  DaftariPrediction prediction;
  gboolean right;

  out->n_docs++;
  out->n_baseline_correct += baseline[truth->money_in ? 1 : 0] == truth->category_id;
  if (doc->rule_category != 0)
    {
      right = doc->rule_category == truth->category_id;
      out->n_rule++;
      out->n_rule_correct += right;
      out->n_confident++;
      out->n_confident_correct += right;
      out->n_correct += right;
      return;
    }
  daftari_classifier_predict (model, features, doc->n_features, truth->money_in, &prediction);
  right = prediction.category_id == truth->category_id;
  out->n_learned++;
  out->n_learned_correct += right;
  out->n_correct += right;
  if (prediction.confidence >= out->threshold)
    {
      out->n_confident++;
      out->n_confident_correct += right;
    }
}

gboolean
daftari_categorise_eval (DaftariBook *book, guint folds, DaftariCategoriseEval *out, GError **error)
{
  g_autoptr(DaftariCategoriser) categoriser = NULL;
  g_autoptr(DaftariCategoriseData) data = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  double train = 0;

  *out = (DaftariCategoriseEval) { .folds = folds, .threshold = DAFTARI_CATEGORISE_THRESHOLD };
  if (folds < 2 || folds > 100)
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                   _("Cross-validation needs 2 to 100 folds, not %u"), folds);
      return FALSE;
    }
  if ((categoriser = daftari_categoriser_new (book, error)) == NULL ||
      (data = daftari_categoriser_history (categoriser, TRUE, error)) == NULL)
    return FALSE;
  out->load_seconds = g_timer_elapsed (timer, NULL);
  out->n_classes = data->classes->len;
  for (guint fold = 0; fold < folds; fold++)
    {
      g_autoptr(DaftariClassifier) model = NULL;
      gint64 baseline[2];
      g_timer_start (timer);
      model = daftari_classifier_train (data, folds, fold);
      train += g_timer_elapsed (timer, NULL);
      majority (data, folds, fold, baseline);
      for (guint d = 0; d < data->docs->len; d++)
        {
          const DaftariCategoriseDoc *doc = &g_array_index (data->docs, DaftariCategoriseDoc, d);
          if (daftari_categorise_doc_fold (doc, folds) == fold)
            score_doc (data, model, doc, baseline, out);
        }
    }
  out->train_seconds = train / folds;
  return TRUE;
}
