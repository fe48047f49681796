/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-classifier.h"

#include <math.h>
#include <string.h>

/* Laplace smoothing. */
#define ALPHA 1.0
/* Naive Bayes counts every feature as independent evidence, but a payee's
 * words, its name and its number say much the same thing: the posterior is
 * sharpened once per feature. Dividing the log-scores by this temperature
 * tempers it (chosen on generated books, docs/categorise.md). */
#define TEMPERATURE 2.0

typedef struct {
  guint32 klass;
  guint32 count;
} Pair;

typedef struct {
  Pair   *pairs;      /* the classes this feature was seen in */
  guint32 n, cap;
  guint32 total;      /* documents with the feature, in any class */
} FeatureCounts;

struct _DaftariClassifier {
  const DaftariCategoriseData *data;
  FeatureCounts *features;   /* per feature number */
  guint64       *docs;       /* per class: training documents */
  guint64       *tokens;     /* per class: feature occurrences */
  guint64        docs_in, docs_out;
  guint          n_classes_in, n_classes_out;
  guint64        vocabulary; /* features seen in training */
  double        *score;      /* scratch, per class */
  /* Scratch of predict_features, kept from payment to payment: an import
   * predicts every row (a model is used by one thread at a time). */
  GString       *scratch;    /* the payment's features */
  GArray        *ids;        /* of guint32 */
};

static void
count (FeatureCounts *fc, guint32 klass)
{
  fc->total++;
  for (guint32 i = 0; i < fc->n; i++)
    if (fc->pairs[i].klass == klass)
      {
        fc->pairs[i].count++;
        return;
      }
  if (fc->n == fc->cap)
    {
      fc->cap = fc->cap ? fc->cap * 2 : 2;
      fc->pairs = g_renew (Pair, fc->pairs, fc->cap);
    }
  fc->pairs[fc->n++] = (Pair) { klass, 1 };
}

DaftariClassifier *
daftari_classifier_train (const DaftariCategoriseData *data, guint n_folds, guint fold)
{
  DaftariClassifier *m = g_new0 (DaftariClassifier, 1);
  guint n_classes = data->classes->len;
  const guint32 *ids = &g_array_index (data->features, guint32, 0);

  m->data = data;
  m->features = g_new0 (FeatureCounts, MAX (data->n_vocabulary, 1));
  m->docs = g_new0 (guint64, MAX (n_classes, 1));
  m->tokens = g_new0 (guint64, MAX (n_classes, 1));
  m->score = g_new0 (double, MAX (n_classes, 1));
  m->scratch = g_string_new (NULL);
  m->ids = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint d = 0; d < data->docs->len; d++)
    {
      const DaftariCategoriseDoc *doc = &g_array_index (data->docs, DaftariCategoriseDoc, d);
      if (n_folds > 0 && daftari_categorise_doc_fold (doc, n_folds) == fold)
        continue;
      m->docs[doc->klass]++;
      m->tokens[doc->klass] += doc->n_features;
      for (guint i = 0; i < doc->n_features; i++)
        {
          FeatureCounts *fc = &m->features[ids[doc->first + i]];
          if (fc->total == 0)
            m->vocabulary++;
          count (fc, doc->klass);
        }
    }
  for (guint c = 0; c < n_classes; c++)
    {
      gboolean in = g_array_index (data->classes, DaftariCategoriseClass, c).money_in;
      if (m->docs[c] == 0)
        continue;
      *(in ? &m->docs_in : &m->docs_out) += m->docs[c];
      *(in ? &m->n_classes_in : &m->n_classes_out) += 1;
    }
  return m;
}

void
daftari_classifier_free (DaftariClassifier *m)
{
  if (m == NULL)
    return;
  for (guint i = 0; i < m->data->n_vocabulary; i++)
    g_free (m->features[i].pairs);
  g_free (m->features);
  g_free (m->docs);
  g_free (m->tokens);
  g_free (m->score);
  g_string_free (m->scratch, TRUE);
  g_array_unref (m->ids);
  g_free (m);
}

static gboolean
in_direction (const DaftariClassifier *m, guint c, gboolean money_in)
{
  return m->docs[c] > 0 && g_array_index (m->data->classes, DaftariCategoriseClass, c).money_in == money_in;
}

/* Documents of the class sharing a telling feature that mostly belongs to
 * it (at least half of the documents with that feature): "12 similar
 * payments". A word is telling when at most half of the direction's
 * documents have it ("merchant", "payment" are not); a name, number or
 * phone always is. Without a telling feature there is no evidence, however
 * sure the arithmetic (a book with one category says 100% for anything). */
static guint
similar (const DaftariClassifier *m, const guint32 *features, guint n, guint klass, guint64 docs)
{
  guint best = 0;

  for (guint i = 0; i < n; i++)
    {
      const FeatureCounts *fc = &m->features[features[i]];
      if (!m->data->identity->data[features[i]] && 2 * (guint64) fc->total > docs)
        continue;
      for (guint32 j = 0; j < fc->n; j++)
        if (fc->pairs[j].klass == klass && 2 * fc->pairs[j].count >= fc->total)
          best = MAX (best, fc->pairs[j].count);
    }
  return best;
}

void
daftari_classifier_predict (const DaftariClassifier *m, const guint32 *features, guint n_features,
                            gboolean money_in, DaftariPrediction *out)
{
  guint n_classes = m->data->classes->len, known = 0, top = G_MAXUINT;
  double norm = 0, vocabulary = (double) MAX (m->vocabulary, 1);
  guint64 docs = money_in ? m->docs_in : m->docs_out;
  guint classes = money_in ? m->n_classes_in : m->n_classes_out;
  double *score = m->score;

  *out = (DaftariPrediction) { 0 };
  for (guint i = 0; i < n_features; i++)
    known += m->features[features[i]].total > 0;
  for (guint c = 0; c < n_classes; c++)
    if (in_direction (m, c, money_in))
      score[c] = log ((m->docs[c] + ALPHA) / (docs + ALPHA * classes)) +
                 known * (log (ALPHA) - log (m->tokens[c] + ALPHA * vocabulary));
  for (guint i = 0; i < n_features; i++)
    {
      const FeatureCounts *fc = &m->features[features[i]];
      for (guint32 j = 0; j < fc->n; j++)
        if (in_direction (m, fc->pairs[j].klass, money_in))
          score[fc->pairs[j].klass] += log (fc->pairs[j].count + ALPHA) - log (ALPHA);
    }
  for (guint c = 0; c < n_classes; c++)
    if (in_direction (m, c, money_in) && (top == G_MAXUINT || score[c] > score[top]))
      top = c;
  if (top == G_MAXUINT)
    return;
  for (guint c = 0; c < n_classes; c++)
    if (in_direction (m, c, money_in))
      norm += exp ((score[c] - score[top]) / TEMPERATURE);
  out->category_id = g_array_index (m->data->classes, DaftariCategoriseClass, top).category_id;
  out->posterior = 1.0 / norm;
  out->similar = similar (m, features, n_features, top, docs);
  /* One similar payment is a hint, a dozen a habit: n / (n + 1) shrinks
   * the posterior towards "don't know" when the evidence is thin. */
  out->confidence = (guint) floor (100.0 * out->posterior * out->similar / (out->similar + 1.0));
}

void
daftari_classifier_predict_features (const DaftariClassifier *m, const DaftariCategoriseFeatures *features,
                                     DaftariPrediction *out)
{
  GArray *ids = m->ids;
  const char *t;
  guint n;

  /* Nothing learned in this direction: no class to predict (what
   * daftari_classifier_predict says too), and no need to read the payment. */
  if ((features->money_in ? m->docs_in : m->docs_out) == 0)
    {
      *out = (DaftariPrediction) { 0 };
      return;
    }
  n = daftari_categorise_features_write (features, m->scratch);
  g_array_set_size (ids, 0);
  for (t = m->scratch->str; n-- > 0; t += strlen (t) + 1)
    {
      gint64 id = daftari_categorise_data_lookup (m->data, t);
      guint32 id32 = (guint32) id;
      if (id >= 0 && m->features[id].total > 0)
        g_array_append_val (ids, id32);
    }
  daftari_classifier_predict (m, &g_array_index (ids, guint32, 0), ids->len, features->money_in, out);
}
