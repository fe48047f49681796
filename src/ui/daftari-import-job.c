/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-import-job.h"

#include <string.h>

#include "daftari-book.h"
#include "daftari-import-mapping.h"

DaftariImportJob *
daftari_import_job_new (void)
{
  return g_new0 (DaftariImportJob, 1);
}

void
daftari_import_job_free (DaftariImportJob *job)
{
  if (job == NULL)
    return;
  g_free (job->book_path);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job->file_name);
  if (job->password != NULL)
    memset (job->password, 0, strlen (job->password));
  g_free (job->password);
  g_clear_pointer (&job->mapping, daftari_bank_mapping_free);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_free (job);
}

/* Progress crosses to the main thread as a fraction; the job outlives
 * every note, as the task's result is delivered after them. */
typedef struct {
  DaftariImportJob *job;
  double            fraction;
} ProgressNote;

static gboolean
deliver_progress (gpointer data)
{
  ProgressNote *note = data;

  note->job->progress (note->fraction, note->job->progress_data);
  return G_SOURCE_REMOVE;
}

static void
on_progress (guint done, guint total, gpointer user_data)
{
  DaftariImportJob *job = user_data;
  ProgressNote *note = g_new (ProgressNote, 1);

  note->job = job;
  note->fraction = total > 0 ? (double) done / total : 1.0;
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, deliver_progress, note, g_free);
}

static void
run_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  DaftariImportJob *job = data;
  DaftariImportSourceOptions source_options = { job->password, job->mapping };
  DaftariImportOptions options = { .dry_run = job->dry_run, .adjust_balance = job->adjust_balance,
                                   .progress = job->progress ? on_progress : NULL, .progress_data = job };
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariBook) book = NULL;
  g_autoptr(DaftariImportParse) parse = NULL;
  DaftariImportResult *result = NULL;
  gsize length = 0;
  const char *data_bytes = g_bytes_get_data (job->bytes, &length);

  if ((parse = daftari_import_source_parse (job->source, data_bytes, length, &source_options, &error)) == NULL ||
      (book = daftari_book_open (job->book_path, &error)) == NULL ||
      (result = daftari_import_rows_full (book, job->wallet_id, daftari_import_source_to_string (job->source),
                                          job->file_name, parse, &options, cancellable, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* The mapping is remembered once it has worked, not before. */
  if (job->save_mapping && !job->dry_run && job->mapping != NULL &&
      !daftari_import_mapping_save (book, job->wallet_id, job->mapping, &error))
    g_ptr_array_add (result->warnings, g_strdup (error->message));
  g_task_return_pointer (task, result, (GDestroyNotify) daftari_import_result_free);
}

void
daftari_import_job_run (DaftariImportJob *job, GCancellable *cancellable,
                        void (*progress) (double fraction, gpointer user_data),
                        GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  job->progress = progress;
  job->progress_data = user_data;
  job->context = g_main_context_ref_thread_default ();
  g_task_set_task_data (task, job, (GDestroyNotify) daftari_import_job_free);
  g_task_run_in_thread (task, run_in_thread);
}

DaftariImportResult *
daftari_import_job_finish (GAsyncResult *result, GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
