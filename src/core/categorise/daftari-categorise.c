/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-categorise.h"

#include <glib/gi18n-lib.h>

#include "daftari-account.h"
#include "daftari-book-private.h"
#include "daftari-categorise-data.h"
#include "daftari-category-rule.h"
#include "daftari-classifier.h"
#include "daftari-error.h"
#include "daftari-ledger.h"

struct _DaftariCategoriser {
  DaftariBook           *book;
  GPtrArray             *rules;
  gint64                 fallback[2];
  DaftariCategoriseData *data;     /* trained lazily: many imports never need it */
  DaftariClassifier     *model;
  GHashTable            *why;      /* rule → "rule: …", said once for every payment it decides */
};

void
daftari_suggestion_clear (DaftariSuggestion *s)
{
  g_clear_pointer (&s->why, g_free);
  *s = (DaftariSuggestion) { 0 };
}

const char *
daftari_suggestion_source_to_string (DaftariSuggestionSource source)
{
  switch (source)
    {
    case DAFTARI_SUGGESTION_RULE: return "rule";
    case DAFTARI_SUGGESTION_LEARNED: return "learned";
    case DAFTARI_SUGGESTION_NONE:
    default: return "none";
    }
}

static gint64
income_named (DaftariBook *book, const char *name)
{
  g_autoptr(DaftariAccount) account = daftari_account_find (book, name, NULL);
  return account != NULL && account->kind == DAFTARI_ACCOUNT_INCOME ? account->id : 0;
}

DaftariCategoriser *
daftari_categoriser_new (DaftariBook *book, GError **error)
{
  g_autoptr(DaftariCategoriser) self = g_new0 (DaftariCategoriser, 1);
  g_autoptr(DaftariAccount) other = NULL;

  self->book = g_object_ref (book);
  self->why = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  if (!daftari_category_rules_seed (book, error) ||
      (self->rules = daftari_category_rule_list (book, error)) == NULL ||
      (other = daftari_account_find_role (book, DAFTARI_ROLE_OTHER_EXPENSES, error)) == NULL)
    return NULL;
  self->fallback[0] = other->id;
  self->fallback[1] = income_named (book, _("Other income"));
  return g_steal_pointer (&self);
}

void
daftari_categoriser_free (DaftariCategoriser *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->model, daftari_classifier_free);
  g_clear_pointer (&self->data, daftari_categorise_data_free);
  g_clear_pointer (&self->why, g_hash_table_unref);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_object_unref (self->book);
  g_free (self);
}

gboolean
daftari_categoriser_is_fallback (DaftariCategoriser *self, gint64 category_id)
{
  return category_id != 0 && (category_id == self->fallback[0] || category_id == self->fallback[1]);
}

DaftariCategoriseData *
daftari_categoriser_history (DaftariCategoriser *self, gboolean with_rules, GError **error)
{
  return daftari_categorise_data_load (self->book, self->fallback, G_N_ELEMENTS (self->fallback),
                                       with_rules ? self->rules : NULL, DAFTARI_CATEGORISE_HISTORY, error);
}

static gboolean
ensure_model (DaftariCategoriser *self, GError **error)
{
  if (self->model != NULL)
    return TRUE;
  if ((self->data = daftari_categoriser_history (self, FALSE, error)) == NULL)
    return FALSE;
  self->model = daftari_classifier_train (self->data, 0, 0);
  return TRUE;
}

gboolean
daftari_categoriser_suggest (DaftariCategoriser *self, const DaftariCategoriseFeatures *features,
                             DaftariSuggestion *out, GError **error)
{
  const DaftariCategoryRule *rule = daftari_category_rules_match (self->rules, features);
  DaftariPrediction prediction;

  *out = (DaftariSuggestion) { 0 };
  if (rule != NULL)
    {
      const char *why = g_hash_table_lookup (self->why, rule);
      if (why == NULL)
        {
          g_autofree char *what = daftari_category_rule_describe (rule);
          g_hash_table_insert (self->why, (gpointer) rule, g_strdup_printf (_("rule: %s"), what));
          why = g_hash_table_lookup (self->why, rule);
        }
      *out = (DaftariSuggestion) { rule->category_id, 100, DAFTARI_SUGGESTION_RULE, g_strdup (why) };
      return TRUE;
    }
  if (!ensure_model (self, error))
    return FALSE;
  daftari_classifier_predict_features (self->model, features, &prediction);
  if (prediction.category_id == 0)
    return TRUE;
  *out = (DaftariSuggestion) { prediction.category_id, prediction.confidence, DAFTARI_SUGGESTION_LEARNED, NULL };
  if (features->money_in)
    out->why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "learned from %u similar receipt",
                                             "learned from %u similar receipts", prediction.similar),
                                prediction.similar);
  else
    out->why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "learned from %u similar payment",
                                             "learned from %u similar payments", prediction.similar),
                                prediction.similar);
  return TRUE;
}

/* The one category split of a transaction (fees aside), or -1 when it has none or several. */
static gint
category_split (DaftariBook *book, const DaftariTxn *txn, gboolean *out_money_in, GError **error)
{
  gint found = -1;

  for (guint i = 0; i < txn->splits->len; i++)
    {
      const DaftariSplit *s = daftari_txn_get_split (txn, i);
      g_autoptr(DaftariAccount) account = NULL;
      if (s->role == DAFTARI_SPLIT_FEE)
        continue;
      if ((account = daftari_account_get (book, s->account_id, error)) == NULL)
        return -2;
      if (!daftari_account_kind_is_category (account->kind))
        continue;
      if (found >= 0)
        return -1;
      found = (gint) i;
      *out_money_in = account->kind == DAFTARI_ACCOUNT_INCOME;
    }
  return found;
}

gboolean
daftari_categoriser_suggest_txn (DaftariCategoriser *self, const DaftariTxn *txn, gint64 *out_category,
                                 DaftariSuggestion *out, GError **error)
{
  gboolean money_in = FALSE;
  gint index = category_split (self->book, txn, &money_in, error);
  DaftariCategoriseFeatures features;

  *out = (DaftariSuggestion) { 0 };
  *out_category = 0;
  if (index == -2)
    return FALSE;
  if (index < 0 || txn->voided)
    return TRUE;
  *out_category = daftari_txn_get_split (txn, index)->account_id;
  daftari_categorise_features_from_txn (&features, txn, money_in);
  return daftari_categoriser_suggest (self, &features, out, error);
}

void
daftari_categorise_pending_free (DaftariCategorisePending *pending)
{
  if (pending == NULL)
    return;
  daftari_suggestion_clear (&pending->suggestion);
  g_free (pending);
}

static GArray *
fallback_txns (DaftariCategoriser *self, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (self->book,
      "SELECT DISTINCT s.txn_id FROM split s JOIN txn t ON t.id = s.txn_id "
      "WHERE s.account_id IN (?, ?) AND s.role = 0 AND t.voided = 0 ORDER BY t.ts, t.id", error);
  GArray *ids;
  int rc;

  if (stmt == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_bind_int64 (stmt, 1, self->fallback[0]);
  sqlite3_bind_int64 (stmt, 2, self->fallback[1]);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_array_unref (ids);
      g_set_error (error, DAFTARI_BOOK_ERROR, DAFTARI_BOOK_ERROR_FAILED, "%s",
                   sqlite3_errmsg (daftari_book_get_db (self->book)));
      return NULL;
    }
  return ids;
}

GPtrArray *
daftari_categorise_pending (DaftariCategoriser *self, GError **error)
{
  g_autoptr(GArray) ids = fallback_txns (self, error);
  g_autoptr(GPtrArray) pending = NULL;

  if (ids == NULL)
    return NULL;
  pending = g_ptr_array_new_with_free_func ((GDestroyNotify) daftari_categorise_pending_free);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(DaftariTxn) txn = daftari_ledger_get (self->book, g_array_index (ids, gint64, i), error);
      DaftariCategorisePending *p;
      if (txn == NULL)
        return NULL;
      p = g_new0 (DaftariCategorisePending, 1);
      p->txn_id = txn->id;
      if (!daftari_categoriser_suggest_txn (self, txn, &p->category_id, &p->suggestion, error))
        {
          daftari_categorise_pending_free (p);
          return NULL;
        }
      /* A suggestion with no evidence at all (confidence 0) is not worth a line. */
      if (p->suggestion.category_id == 0 || p->suggestion.confidence == 0 ||
          p->suggestion.category_id == p->category_id ||
          !daftari_categoriser_is_fallback (self, p->category_id))
        daftari_categorise_pending_free (p);
      else
        g_ptr_array_add (pending, p);
    }
  return g_steal_pointer (&pending);
}

gboolean
daftari_categorise_move (DaftariBook *book, gint64 txn_id, gint64 from_category, gint64 to_category, GError **error)
{
  g_autoptr(DaftariTxn) txn = daftari_ledger_get (book, txn_id, error);
  g_autoptr(DaftariAccount) to = txn ? daftari_account_get (book, to_category, error) : NULL;

  if (to == NULL)
    return FALSE;
  if (!daftari_account_kind_is_category (to->kind))
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                   _("“%s” is not a category: choose an income or expense category"), to->name);
      return FALSE;
    }
  for (guint i = 0; i < txn->splits->len; i++)
    {
      DaftariSplit *s = daftari_txn_get_split (txn, i);
      if (s->account_id == from_category && s->role != DAFTARI_SPLIT_FEE)
        s->account_id = to_category;
    }
  return daftari_ledger_replace (book, txn_id, txn, error);
}

static gboolean
recategorise (DaftariBook *book, const DaftariCategorisePending *p, GError **error)
{
  return daftari_categorise_move (book, p->txn_id, p->category_id, p->suggestion.category_id, error);
}

gboolean
daftari_categorise_apply (DaftariBook *book, GPtrArray *pending, guint threshold, guint *out_applied,
                          GError **error)
{
  guint applied = 0;

  if (!daftari_ledger_batch_begin (book, error))
    return FALSE;
  for (guint i = 0; i < pending->len; i++)
    {
      const DaftariCategorisePending *p = g_ptr_array_index (pending, i);
      if (p->suggestion.category_id == 0 || p->suggestion.confidence < threshold)
        continue;
      if (!recategorise (book, p, error))
        {
          g_prefix_error (error, _("Transaction %lld could not be re-categorised, so none was: "),
                          (long long) p->txn_id);
          daftari_ledger_batch_abort (book);
          return FALSE;
        }
      applied++;
    }
  if (!daftari_ledger_batch_commit (book, error))
    return FALSE;
  if (out_applied != NULL)
    *out_applied = applied;
  return TRUE;
}
