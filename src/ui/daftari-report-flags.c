/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-report-flags.h"

#include "daftari-book.h"

typedef struct {
  char   *book_path;
  gint64  from_ts;
} FlagsJob;

static void
flags_job_free (FlagsJob *job)
{
  g_free (job->book_path);
  g_free (job);
}

static void
find_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  const FlagsJob *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariBook) book = daftari_book_open (job->book_path, &error);
  DaftariAnomalyOptions options;
  GPtrArray *flags;

  if (book == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  daftari_anomaly_options_init (&options);
  options.from_ts = job->from_ts;
  flags = daftari_anomaly_find (book, &options, &error);
  if (flags == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, flags, (GDestroyNotify) g_ptr_array_unref);
}

void
daftari_report_flags_find_async (const char *book_path, gint64 from_ts, GCancellable *cancellable,
                                 GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  FlagsJob *job = g_new0 (FlagsJob, 1);

  job->book_path = g_strdup (book_path);
  job->from_ts = from_ts;
  g_task_set_task_data (task, job, (GDestroyNotify) flags_job_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, find_in_thread);
}

GPtrArray *
daftari_report_flags_find_finish (GAsyncResult *result, GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
