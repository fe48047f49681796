/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reconciling a book: the run (apply what is sure, keep the rest for
 * review), the review list, and what people do with it. */
#include "daftari-reconcile-book.h"

#include <glib/gi18n-lib.h>

#include "daftari-book-private.h"
#include "daftari-db.h"
#include "daftari-error.h"
#include "daftari-invoice.h"

#define REVIEW_CANDIDATES 3

static void
suggestion_free (gpointer data)
{
  DaftariReconcileSuggestion *s = data;

  g_free (s->customer_name);
  for (guint i = 0; i < s->n_invoices; i++)
    g_free (s->numbers[i]);
  g_free (s);
}

void
daftari_reconcile_item_free (DaftariReconcileItem *item)
{
  if (item == NULL)
    return;
  g_free (item->payer);
  g_free (item->phone);
  g_free (item->reference);
  g_ptr_array_unref (item->suggestions);
  g_free (item);
}

void
daftari_reconcile_result_free (DaftariReconcileResult *result)
{
  if (result == NULL)
    return;
  g_ptr_array_unref (result->items);
  g_ptr_array_unref (result->warnings);
  g_free (result);
}

static DaftariReconcileItem *
item_new (const DaftariReconcileSource *source)
{
  DaftariReconcileItem *item = g_new0 (DaftariReconcileItem, 1);

  item->txn_id = source->txn_id;
  item->ts = source->ts;
  item->amount = source->amount;
  item->payer = g_strdup (source->payer != NULL ? source->payer : "");
  item->phone = g_strdup (source->phone != NULL ? source->phone : "");
  item->reference = g_strdup (source->reference != NULL ? source->reference : "");
  item->suggestions = g_ptr_array_new_with_free_func (suggestion_free);
  return item;
}

static DaftariReconcileSuggestion *
suggestion_new (const DaftariReconcileKnowledge *k, const DaftariReconcileCandidate *c, guint rank, gint64 match_id)
{
  DaftariReconcileSuggestion *s = g_new0 (DaftariReconcileSuggestion, 1);

  s->match_id = match_id;
  s->rank = rank;
  s->customer_id = c->customer_id;
  s->customer_name = g_strdup (g_hash_table_lookup (k->customer_names, &c->customer_id));
  s->n_invoices = c->n_invoices;
  for (guint i = 0; i < c->n_invoices; i++)
    {
      s->invoice_ids[i] = c->invoice_ids[i];
      s->numbers[i] = g_strdup (g_hash_table_lookup (k->invoice_numbers, &c->invoice_ids[i]));
      s->allocations[i] = c->allocations[i];
    }
  s->confidence = c->confidence;
  s->reasons = c->reasons;
  return s;
}

/* ---- Waiting suggestions in the book ---- */

/* Upserts the payment's suggestions and drops its waiting rows that are
 * no longer suggested: the same suggestions twice change nothing. */
static gboolean
store_review (DaftariBook *book, gint64 txn_id, GArray *candidates, gint64 *out_ids, GError **error)
{
  sqlite3_stmt *upsert = daftari_book_prepare (book,
      "INSERT INTO reconcile_match (txn_id, invoice_id, amount, confidence, reasons, state, created, rank)"
      " VALUES (?1, ?2, ?3, ?4, ?5, 'review', ?6, ?7) ON CONFLICT (txn_id, rank, invoice_id) DO UPDATE"
      " SET amount = excluded.amount, confidence = excluded.confidence, reasons = excluded.reasons"
      " WHERE state = 'review' AND (amount, confidence, reasons) IS NOT (excluded.amount, excluded.confidence,"
      " excluded.reasons)", error);
  sqlite3_stmt *find = upsert ? daftari_book_prepare (book,
      "SELECT id FROM reconcile_match WHERE txn_id = ? AND rank = ? AND invoice_id = ?", error) : NULL;
  sqlite3_stmt *stale = find ? daftari_book_prepare (book,
      "DELETE FROM reconcile_match WHERE txn_id = ? AND state = 'review'"
      " AND id NOT IN (SELECT value FROM json_each (?))", error) : NULL;
  g_autoptr(GString) kept = g_string_new ("[");

  if (stale == NULL)
    return FALSE;
  for (guint r = 0; r < candidates->len; r++)
    {
      const DaftariReconcileCandidate *c = &g_array_index (candidates, DaftariReconcileCandidate, r);
      g_autofree char *reasons = daftari_match_reasons_keys (c->reasons);
      for (guint i = 0; i < c->n_invoices; i++)
        {
          gint64 id;
          sqlite3_bind_int64 (upsert, 1, txn_id);
          sqlite3_bind_int64 (upsert, 2, c->invoice_ids[i]);
          sqlite3_bind_int64 (upsert, 3, c->allocations[i]);
          sqlite3_bind_int (upsert, 4, c->confidence);
          sqlite3_bind_text (upsert, 5, reasons, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (upsert, 6, g_get_real_time () / G_USEC_PER_SEC);
          sqlite3_bind_int (upsert, 7, r + 1);
          sqlite3_bind_int64 (find, 1, txn_id);
          sqlite3_bind_int (find, 2, r + 1);
          sqlite3_bind_int64 (find, 3, c->invoice_ids[i]);
          if (!daftari_db_step_done (upsert, error))
            return FALSE;
          if (sqlite3_step (find) != SQLITE_ROW)
            {
              sqlite3_reset (find);
              return daftari_reconcile_sql_failed (book, error);
            }
          id = sqlite3_column_int64 (find, 0);
          sqlite3_reset (find);
          if (i == 0)
            out_ids[r] = id;
          g_string_append_printf (kept, "%s%lld", kept->len > 1 ? "," : "", (long long) id);
        }
    }
  g_string_append_c (kept, ']');
  sqlite3_bind_int64 (stale, 1, txn_id);
  sqlite3_bind_text (stale, 2, kept->str, -1, SQLITE_TRANSIENT);
  return daftari_db_step_done (stale, error);
}

/* ---- The run ---- */

typedef struct {
  DaftariBook               *book;
  DaftariReconcileKnowledge *k;
  DaftariReconcileResult    *result;
  int                        threshold;
} Run;

/* Applies the best candidate; FALSE with error only when the book
 * failed. A refused match (a rule) is a warning and waits for review. */
static gboolean
try_apply (Run *run, const DaftariReconcileSource *source, const DaftariReconcileCandidate *best,
           gboolean *out_applied, GError **error)
{
  g_autoptr(GError) refused = NULL;

  *out_applied = daftari_reconcile_apply (run->book, source, best, "applied", FALSE, &refused);
  if (*out_applied)
    {
      daftari_reconcile_matcher_apply (run->k->matcher, best);
      return TRUE;
    }
  if (refused->domain == DAFTARI_BOOK_ERROR)
    {
      g_propagate_error (error, g_steal_pointer (&refused));
      return FALSE;
    }
  g_ptr_array_add (run->result->warnings,
                   g_strdup_printf (_("Payment %lld was not settled automatically: %s"),
                                    (long long) source->txn_id, refused->message));
  return TRUE;
}

static gboolean
run_one (Run *run, const DaftariReconcileSource *source, GError **error)
{
  DaftariReconcilePayment payment = daftari_reconcile_payment_of (run->book, source);
  g_autoptr(GArray) candidates = daftari_reconcile_matcher_candidates (run->k->matcher, &payment, REVIEW_CANDIDATES);
  gint64 ids[REVIEW_CANDIDATES] = { 0 };
  DaftariReconcileItem *item;
  gboolean applied = FALSE;

  run->result->n_payments++;
  if (candidates->len > 0 && g_array_index (candidates, DaftariReconcileCandidate, 0).confidence >= run->threshold &&
      !try_apply (run, source, &g_array_index (candidates, DaftariReconcileCandidate, 0), &applied, error))
    return FALSE;
  if (applied)
    g_array_set_size (candidates, 1);
  else if (!store_review (run->book, source->txn_id, candidates, ids, error))
    return FALSE;
  if (candidates->len == 0)
    {
      run->result->n_unmatched++;
      return TRUE;
    }
  item = item_new (source);
  item->applied = applied;
  for (guint i = 0; i < candidates->len; i++)
    g_ptr_array_add (item->suggestions,
                     suggestion_new (run->k, &g_array_index (candidates, DaftariReconcileCandidate, i), i + 1, ids[i]));
  g_ptr_array_add (run->result->items, item);
  if (applied)
    run->result->n_applied++;
  else
    run->result->n_review++;
  return TRUE;
}

DaftariReconcileResult *
daftari_reconcile_run (DaftariBook *book, int threshold, gboolean dry_run, GError **error)
{
  g_autoptr(DaftariReconcileKnowledge) k = NULL;
  g_autoptr(GArray) sources = NULL;
  g_autoptr(DaftariReconcileResult) result = g_new0 (DaftariReconcileResult, 1);
  Run run = { book, NULL, result, threshold };

  result->items = g_ptr_array_new_with_free_func ((GDestroyNotify) daftari_reconcile_item_free);
  result->warnings = g_ptr_array_new_with_free_func (g_free);
  if (threshold < 0 || threshold > 100)
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                   _("The threshold is a confidence from 0 to 100, not %d"), threshold);
      return NULL;
    }
  /* Read and written in one write, so nothing changes in between. */
  if (!daftari_book_begin (book, error))
    return NULL;
  if ((k = daftari_reconcile_knowledge_load (book, error)) == NULL ||
      (sources = daftari_reconcile_sources (book, 0, error)) == NULL)
    goto fail;
  run.k = k;
  for (guint i = 0; i < sources->len; i++)
    if (!run_one (&run, &g_array_index (sources, DaftariReconcileSource, i), error))
      goto fail;
  if (dry_run)
    daftari_book_rollback (book);
  else if (!daftari_book_commit (book, error))
    return NULL;
  return g_steal_pointer (&result);

fail:
  daftari_book_rollback (book);
  return NULL;
}

/* ---- Review ---- */

static DaftariReconcileItem *
review_item (DaftariBook *book, gint64 txn_id, GError **error)
{
  g_autoptr(GArray) sources = daftari_reconcile_sources (book, txn_id, error);

  if (sources == NULL)
    return NULL;
  if (sources->len == 0)
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_NOT_FOUND,
                   _("Transaction %lld is not a payment waiting to be matched (void, settled or not income)"),
                   (long long) txn_id);
      return NULL;
    }
  return item_new (&g_array_index (sources, DaftariReconcileSource, 0));
}

GPtrArray *
daftari_reconcile_review (DaftariBook *book, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT m.id, m.txn_id, m.rank, m.invoice_id, m.amount, m.confidence, m.reasons, i.number, i.customer_id,"
      " c.name FROM reconcile_match m JOIN invoice i ON i.id = m.invoice_id JOIN customer c ON c.id = i.customer_id"
      " WHERE m.state = 'review' ORDER BY m.txn_id, m.rank, m.id", error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) daftari_reconcile_item_free);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) daftari_reconcile_item_free);
  DaftariReconcileItem *item = NULL;
  DaftariReconcileSuggestion *s = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 txn_id = sqlite3_column_int64 (stmt, 1);
      guint rank = sqlite3_column_int (stmt, 2);
      if (item == NULL || item->txn_id != txn_id)
        {
          item = g_new0 (DaftariReconcileItem, 1);
          item->txn_id = txn_id;
          item->suggestions = g_ptr_array_new_with_free_func (suggestion_free);
          g_ptr_array_add (rows, item);
          s = NULL;
        }
      if (s == NULL || s->rank != rank)
        {
          s = g_new0 (DaftariReconcileSuggestion, 1);
          s->match_id = sqlite3_column_int64 (stmt, 0);
          s->rank = rank;
          s->customer_id = sqlite3_column_int64 (stmt, 8);
          s->customer_name = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
          s->confidence = sqlite3_column_int (stmt, 5);
          s->reasons = daftari_match_reasons_parse ((const char *) sqlite3_column_text (stmt, 6));
          g_ptr_array_add (item->suggestions, s);
        }
      if (s->n_invoices < DAFTARI_RECONCILE_MAX_INVOICES)
        {
          s->invoice_ids[s->n_invoices] = sqlite3_column_int64 (stmt, 3);
          s->allocations[s->n_invoices] = sqlite3_column_int64 (stmt, 4);
          s->numbers[s->n_invoices++] = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftari_reconcile_sql_failed (book, error);
      return NULL;
    }
  /* The payments' own details; those no longer waiting (voided or paid
   * by hand since) are left out. */
  for (guint i = 0; i < rows->len; i++)
    {
      DaftariReconcileItem *row = g_ptr_array_index (rows, i);
      g_autoptr(GError) gone = NULL;
      DaftariReconcileItem *full = review_item (book, row->txn_id, &gone);
      if (full == NULL)
        {
          if (gone->domain == DAFTARI_BOOK_ERROR)
            {
              g_propagate_error (error, g_steal_pointer (&gone));
              return NULL;
            }
          continue;
        }
      g_ptr_array_unref (full->suggestions);
      full->suggestions = g_ptr_array_ref (row->suggestions);
      g_ptr_array_add (items, full);
    }
  return g_steal_pointer (&items);
}

/* ---- Accept, reject, pick ---- */

/* A waiting suggestion's payment and rank. */
static gboolean
waiting_match (DaftariBook *book, gint64 match_id, gint64 *out_txn, int *out_rank, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT txn_id, rank, state FROM reconcile_match WHERE id = ?", error);
  gboolean waiting = FALSE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, match_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *out_txn = sqlite3_column_int64 (stmt, 0);
      *out_rank = sqlite3_column_int (stmt, 1);
      waiting = g_str_equal ((const char *) sqlite3_column_text (stmt, 2), "review");
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return daftari_reconcile_sql_failed (book, error);
  if (!waiting)
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_NOT_FOUND,
                   _("There is no suggestion %lld waiting for review; see “reconcile review”"), (long long) match_id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
candidate_of (DaftariBook *book, gint64 txn_id, int rank, DaftariReconcileCandidate *c, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT m.invoice_id, m.amount, m.confidence, m.reasons, i.customer_id FROM reconcile_match m"
      " JOIN invoice i ON i.id = m.invoice_id WHERE m.txn_id = ? AND m.rank = ? AND m.state = 'review' ORDER BY m.id",
      error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  *c = (DaftariReconcileCandidate) { 0 };
  sqlite3_bind_int64 (stmt, 1, txn_id);
  sqlite3_bind_int (stmt, 2, rank);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && c->n_invoices < DAFTARI_RECONCILE_MAX_INVOICES)
    {
      c->invoice_ids[c->n_invoices] = sqlite3_column_int64 (stmt, 0);
      c->allocations[c->n_invoices++] = sqlite3_column_int64 (stmt, 1);
      c->confidence = sqlite3_column_int (stmt, 2);
      c->reasons = daftari_match_reasons_parse ((const char *) sqlite3_column_text (stmt, 3));
      c->customer_id = sqlite3_column_int64 (stmt, 4);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE || daftari_reconcile_sql_failed (book, error);
}

/* The one payment txn_id, if it may still be matched. */
static GArray *
waiting_payment (DaftariBook *book, gint64 txn_id, GError **error)
{
  g_autoptr(GArray) sources = daftari_reconcile_sources (book, txn_id, error);

  if (sources != NULL && sources->len == 0)
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_NOT_FOUND,
                   _("Transaction %lld is not a payment waiting to be matched (void, settled or not income)"),
                   (long long) txn_id);
      return NULL;
    }
  return g_steal_pointer (&sources);
}

static gboolean
accept_inside (DaftariBook *book, gint64 match_id, GError **error)
{
  g_autoptr(GArray) sources = NULL;
  DaftariReconcileCandidate c;
  gint64 txn_id;
  int rank;

  return waiting_match (book, match_id, &txn_id, &rank, error) &&
         candidate_of (book, txn_id, rank, &c, error) &&
         (sources = waiting_payment (book, txn_id, error)) != NULL &&
         daftari_reconcile_apply (book, &g_array_index (sources, DaftariReconcileSource, 0), &c, "accepted", TRUE,
                                  error);
}

static gboolean
in_write (DaftariBook *book, gboolean (*inside) (DaftariBook *, gint64, GError **), gint64 id, GError **error)
{
  if (!daftari_book_begin (book, error))
    return FALSE;
  if (!inside (book, id, error))
    {
      daftari_book_rollback (book);
      return FALSE;
    }
  return daftari_book_commit (book, error);
}

gboolean
daftari_reconcile_accept (DaftariBook *book, gint64 match_id, GError **error)
{
  return in_write (book, accept_inside, match_id, error);
}

static gboolean
reject_inside (DaftariBook *book, gint64 match_id, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "UPDATE reconcile_match SET state = 'rejected' WHERE txn_id = ? AND rank = ? AND state = 'review'", error);
  gint64 txn_id;
  int rank;

  if (stmt == NULL || !waiting_match (book, match_id, &txn_id, &rank, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, txn_id);
  sqlite3_bind_int (stmt, 2, rank);
  return daftari_db_step_done (stmt, error);
}

gboolean
daftari_reconcile_reject (DaftariBook *book, gint64 match_id, GError **error)
{
  return in_write (book, reject_inside, match_id, error);
}

gboolean
daftari_reconcile_pick (DaftariBook *book, gint64 txn_id, const char *invoice_text, GError **error)
{
  g_autoptr(DaftariInvoice) invoice = NULL;
  g_autoptr(GArray) sources = NULL;
  DaftariReconcileCandidate c = { 0 };
  gboolean ok;

  if (!daftari_book_begin (book, error))
    return FALSE;
  ok = (invoice = daftari_invoice_lookup (book, invoice_text, error)) != NULL &&
       (sources = waiting_payment (book, txn_id, error)) != NULL;
  if (ok)
    {
      /* A person's choice: sure, and no reasons of the matcher's. */
      c.customer_id = invoice->customer_id;
      c.n_invoices = 1;
      c.invoice_ids[0] = invoice->id;
      c.confidence = 100;
      ok = daftari_reconcile_apply (book, &g_array_index (sources, DaftariReconcileSource, 0), &c, "accepted", TRUE,
                                    error);
    }
  if (!ok)
    {
      daftari_book_rollback (book);
      return FALSE;
    }
  return daftari_book_commit (book, error);
}
