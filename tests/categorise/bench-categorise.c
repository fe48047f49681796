/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Training time on a large generated book (the demo generator), against
 * the raw cost of reading the same rows with one SQL query. Figures, not
 * assertions. Usage: bench-categorise [N_TRANSACTIONS] (default 1,000,000). */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "daftari-core.h"
#include "daftari-categorise-eval.h"
#include "daftari-categorise.h"
#include "daftari-categorise-data.h"
#include "daftari-classifier.h"
#include "daftari-generator.h"

/* The same join training reads, summed in SQL: what reading alone costs. */
static double
raw_read (const char *path, gint64 *out_rows)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  double seconds;

  sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  sqlite3_prepare_v2 (db,
      "SELECT count(*), sum(length(t.memo) + length(t.payee) + length(t.counterparty)) "
      "FROM txn t JOIN split s ON s.txn_id = t.id JOIN account a ON a.id = s.account_id "
      "WHERE t.voided = 0 AND t.kind IN ('income', 'expense', 'payment') AND s.role = 0 "
      "AND a.kind IN ('income', 'expense')", -1, &stmt, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    *out_rows = sqlite3_column_int64 (stmt, 0);
  seconds = g_timer_elapsed (timer, NULL);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return seconds;
}

int
main (int argc, char **argv)
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 1000000;
  g_autofree char *dir = g_dir_make_tmp ("daftari-bench-categorise-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.daftari", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariBook) book = NULL;
  g_autoptr(DaftariCategoriser) categoriser = NULL;
  g_autoptr(DaftariCategoriseData) data = NULL;
  g_autoptr(DaftariClassifier) model = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  DaftariBookSetup setup = { 0 };
  DaftariCategoriseEval eval;
  double fill, load, train, raw;
  gint64 rows = 0;

  daftari_core_init ();
  book = daftari_book_create (path, &setup, &error);
  if (book == NULL || !daftari_generator_fill (book, 42, n, 1767225600, &error))
    {
      g_printerr ("bench-categorise: %s\n", error->message);
      return 1;
    }
  fill = g_timer_elapsed (timer, NULL);
  raw = raw_read (path, &rows);
  g_timer_start (timer);
  categoriser = daftari_categoriser_new (book, &error);
  data = daftari_categoriser_history (categoriser, FALSE, &error);
  load = g_timer_elapsed (timer, NULL);
  g_timer_start (timer);
  model = daftari_classifier_train (data, 0, 0);
  train = g_timer_elapsed (timer, NULL);
  printf ("book: %u transactions generated in %.1f s; %lld category rows\n", n, fill, (long long) rows);
  printf ("history read: %u documents (cap %u), %u features, %.3f s\n", data->docs->len,
          DAFTARI_CATEGORISE_HISTORY, data->n_vocabulary, load);
  printf ("training: %.3f s; read + train %.3f s\n", train, load + train);
  printf ("raw SQL over all category rows: %.3f s; ratio (read + train) / raw = %.1f\n", raw,
          raw > 0 ? (load + train) / raw : 0.0);
  if (daftari_categorise_eval (book, 5, &eval, &error))
    printf ("5-fold: accuracy %.4f, baseline %.4f, coverage %.4f, confident accuracy %.4f\n",
            (double) eval.n_correct / MAX (eval.n_docs, 1), (double) eval.n_baseline_correct / MAX (eval.n_docs, 1),
            (double) eval.n_confident / MAX (eval.n_docs, 1),
            (double) eval.n_confident_correct / MAX (eval.n_confident, 1));
  g_clear_object (&book);
  daftari_book_remove_files (path);
  g_rmdir (dir);
  return 0;
}
