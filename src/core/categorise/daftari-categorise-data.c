/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-categorise-data.h"

#include <string.h>

#include "daftari-book-private.h"
#include "daftari-category-rule.h"
#include "daftari-error.h"

void
daftari_categorise_data_free (DaftariCategoriseData *data)
{
  if (data == NULL)
    return;
  g_hash_table_unref (data->vocabulary);
  g_array_unref (data->classes);
  g_array_unref (data->docs);
  g_array_unref (data->features);
  g_byte_array_unref (data->identity);
  g_free (data);
}

gint64
daftari_categorise_data_lookup (const DaftariCategoriseData *data, const char *token)
{
  gpointer value = g_hash_table_lookup (data->vocabulary, token);
  return value != NULL ? (gint64) GPOINTER_TO_UINT (value) - 1 : -1;
}

guint
daftari_categorise_doc_fold (const DaftariCategoriseDoc *doc, guint n_folds)
{
  /* A multiplicative hash, so that consecutive ids spread over the folds
   * rather than alternating with the book's weekly rhythms. */
  guint32 h = (guint32) doc->txn_id * 2654435761u;
  return n_folds > 0 ? (h >> 8) % n_folds : 0;
}

static guint
class_of (DaftariCategoriseData *data, GHashTable *index, gint64 category_id, gboolean money_in)
{
  gpointer value = g_hash_table_lookup (index, &category_id);
  DaftariCategoriseClass klass = { category_id, money_in };

  if (value != NULL)
    return GPOINTER_TO_UINT (value) - 1;
  g_array_append_val (data->classes, klass);
  g_hash_table_insert (index, g_memdup2 (&category_id, sizeof category_id), GUINT_TO_POINTER (data->classes->len));
  return data->classes->len - 1;
}

/* Names, numbers and phones, as opposed to words ("w:") and channels ("ch:"). */
static guint8
is_identity (const char *token)
{
  return !g_str_has_prefix (token, "w:") && !g_str_has_prefix (token, "ch:");
}

static guint32
intern (DaftariCategoriseData *data, const char *token)
{
  gpointer value = g_hash_table_lookup (data->vocabulary, token);
  guint8 identity;

  if (value != NULL)
    return GPOINTER_TO_UINT (value) - 1;
  identity = is_identity (token);
  g_byte_array_append (data->identity, &identity, 1);
  g_hash_table_insert (data->vocabulary, g_strdup (token), GUINT_TO_POINTER (++data->n_vocabulary));
  return data->n_vocabulary - 1;
}

typedef struct {
  gint64   txn_id;
  gint64   category_id;
  gboolean money_in;
  guint    n_splits;
  DaftariTxn *txn;
} Pending;

static gboolean
is_fallback (const gint64 *fallback, guint n, gint64 id)
{
  for (guint i = 0; i < n; i++)
    if (fallback[i] == id)
      return TRUE;
  return FALSE;
}

/* The transaction read so far becomes a document if it is one. */
static void
flush (DaftariCategoriseData *data, GHashTable *class_index, Pending *p, const gint64 *fallback,
       guint n_fallback, GPtrArray *rules, GString *tokens)
{
  DaftariCategoriseFeatures f;
  DaftariCategoriseDoc doc = { .txn_id = p->txn_id, .first = data->features->len };
  const DaftariCategoryRule *rule;

  if (p->txn == NULL)
    return;
  if (p->n_splits == 1 && !is_fallback (fallback, n_fallback, p->category_id))
    {
      daftari_categorise_features_from_txn (&f, p->txn, p->money_in);
      doc.n_features = daftari_categorise_features_write (&f, tokens);
      for (const char *t = tokens->str; t < tokens->str + tokens->len; t += strlen (t) + 1)
        {
          guint32 id = intern (data, t);
          g_array_append_val (data->features, id);
        }
      doc.klass = class_of (data, class_index, p->category_id, p->money_in);
      rule = daftari_category_rules_match (rules, &f);
      doc.rule_category = rule != NULL ? rule->category_id : 0;
      g_array_append_val (data->docs, doc);
    }
  g_clear_pointer (&p->txn, daftari_txn_free);
}

static void
set_text (char **field, sqlite3_stmt *stmt, int column)
{
  daftari_txn_set_text (field, (const char *) sqlite3_column_text (stmt, column));
}

DaftariCategoriseData *
daftari_categorise_data_load (DaftariBook *book, const gint64 *fallback, guint n_fallback, GPtrArray *rules,
                              guint limit, GError **error)
{
  /* Newest first: txn walked backwards by rowid, each joined to its splits
   * by key. CROSS JOIN keeps txn the outer loop: left to itself SQLite
   * scans split and sorts every row before the first comes out, and the
   * cap then saves nothing. */
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT t.id, t.memo, t.payee, t.channel, t.counterparty, t.reference, s.account_id, a.kind "
      "FROM txn t CROSS JOIN split s ON s.txn_id = t.id CROSS JOIN account a ON a.id = s.account_id "
      "WHERE t.voided = 0 AND t.kind IN ('income', 'expense', 'payment') AND s.role = 0 "
      "AND a.kind IN ('income', 'expense') ORDER BY t.id DESC", error);
  g_autoptr(DaftariCategoriseData) data = NULL;
  g_autoptr(GHashTable) class_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GString) tokens = g_string_new (NULL);
  Pending p = { 0 };
  int rc;

  if (stmt == NULL)
    return NULL;
  data = g_new0 (DaftariCategoriseData, 1);
  data->vocabulary = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  data->classes = g_array_new (FALSE, FALSE, sizeof (DaftariCategoriseClass));
  data->docs = g_array_new (FALSE, FALSE, sizeof (DaftariCategoriseDoc));
  data->features = g_array_new (FALSE, FALSE, sizeof (guint32));
  data->identity = g_byte_array_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      if (id == p.txn_id && p.txn != NULL)
        {
          p.n_splits++;
          continue;
        }
      flush (data, class_index, &p, fallback, n_fallback, rules, tokens);
      if (limit > 0 && data->docs->len >= limit)
        break;
      p = (Pending) { .txn_id = id, .n_splits = 1, .category_id = sqlite3_column_int64 (stmt, 6) };
      p.money_in = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 7), "income") == 0;
      p.txn = daftari_txn_new (DAFTARI_TXN_GENERAL, 0);
      set_text (&p.txn->memo, stmt, 1);
      set_text (&p.txn->payee, stmt, 2);
      set_text (&p.txn->channel, stmt, 3);
      set_text (&p.txn->counterparty, stmt, 4);
      set_text (&p.txn->reference, stmt, 5);
    }
  if (rc == SQLITE_DONE)
    flush (data, class_index, &p, fallback, n_fallback, rules, tokens);
  g_clear_pointer (&p.txn, daftari_txn_free);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      g_set_error (error, DAFTARI_BOOK_ERROR, DAFTARI_BOOK_ERROR_FAILED, "%s",
                   sqlite3_errmsg (daftari_book_get_db (book)));
      return NULL;
    }
  return g_steal_pointer (&data);
}
