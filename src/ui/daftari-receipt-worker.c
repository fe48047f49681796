/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-receipt-worker.h"

struct _DaftariReceiptWorker {
  GObject               parent_instance;

  GThreadPool          *pool;     /* one exclusive thread */
  DaftariReceiptReader *reader;   /* made and used on that thread only */
  GError               *reader_error;
  gboolean              closed;   /* main thread only */
  GCancellable         *running;  /* the job's, to cancel on close */
};

G_DEFINE_FINAL_TYPE (DaftariReceiptWorker, daftari_receipt_worker, G_TYPE_OBJECT)

typedef struct {
  DaftariReceiptWorker        *worker;   /* a reference, dropped on the main thread */
  GBytes                      *bytes;
  GCancellable                *cancellable;
  DaftariReceiptWorkerProgress progress;
  DaftariReceiptWorkerDone     done;
  gpointer                     user_data;
  int                          percent;  /* last sent */
  DaftariReceiptScan          *scan;
  GError                      *error;
} Job;

typedef struct {
  Job *job;
  int  percent;
} ProgressNote;

static gboolean
deliver_progress (gpointer data)
{
  ProgressNote *note = data;

  if (!note->job->worker->closed && !g_cancellable_is_cancelled (note->job->cancellable)
      && note->job->progress != NULL)
    note->job->progress (note->percent, note->job->user_data);
  return G_SOURCE_REMOVE;
}

/* Called on the worker thread: only whole steps go to the main loop. The
 * job outlives every note, since "done" is queued after them. */
static void
on_progress (int percent, gpointer user_data)
{
  Job *job = user_data;
  ProgressNote *note;

  if (percent <= job->percent)
    return;
  job->percent = percent;
  note = g_new (ProgressNote, 1);
  note->job = job;
  note->percent = percent;
  g_idle_add_full (G_PRIORITY_DEFAULT, deliver_progress, note, g_free);
}

static gboolean
deliver_done (gpointer data)
{
  Job *job = data;
  DaftariReceiptWorker *worker = job->worker;

  if (worker->running == job->cancellable)
    g_clear_object (&worker->running);
  /* A cancelled job says nothing: whoever cancelled it has moved on, maybe
   * to another receipt, and its late answer would undo that. Checked here,
   * on the main thread where cancelling happens, so a reading that finished
   * just before it was cancelled is dropped too. */
  if (!worker->closed && !g_cancellable_is_cancelled (job->cancellable))
    job->done (g_steal_pointer (&job->scan), job->error, job->user_data);
  g_clear_pointer (&job->scan, daftari_receipt_scan_free);
  g_clear_error (&job->error);
  g_bytes_unref (job->bytes);
  g_clear_object (&job->cancellable);
  g_object_unref (worker);
  g_free (job);
  return G_SOURCE_REMOVE;
}

static void
run_job (gpointer data, gpointer pool_data)
{
  Job *job = data;
  DaftariReceiptWorker *worker = pool_data;

  if (worker->reader == NULL && worker->reader_error == NULL)
    worker->reader = daftari_receipt_reader_new (&worker->reader_error);
  if (worker->reader == NULL)
    job->error = g_error_copy (worker->reader_error);
  else
    job->scan = daftari_receipt_reader_scan_bytes (worker->reader, job->bytes, job->cancellable,
                                                   on_progress, job, &job->error);
  g_idle_add (deliver_done, job);
}

static void
daftari_receipt_worker_finalize (GObject *object)
{
  DaftariReceiptWorker *self = DAFTARI_RECEIPT_WORKER (object);

  /* Jobs hold a reference until delivered, so the pool is idle here. */
  g_thread_pool_free (self->pool, FALSE, TRUE);
  g_clear_object (&self->reader);
  g_clear_error (&self->reader_error);
  G_OBJECT_CLASS (daftari_receipt_worker_parent_class)->finalize (object);
}

static void
daftari_receipt_worker_class_init (DaftariReceiptWorkerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = daftari_receipt_worker_finalize;
}

static void
daftari_receipt_worker_init (DaftariReceiptWorker *self)
{
  self->pool = g_thread_pool_new (run_job, self, 1, TRUE, NULL);
}

DaftariReceiptWorker *
daftari_receipt_worker_new (void)
{
  return g_object_new (DAFTARI_TYPE_RECEIPT_WORKER, NULL);
}

void
daftari_receipt_worker_scan (DaftariReceiptWorker *self, GBytes *bytes, GCancellable *cancellable,
                             DaftariReceiptWorkerProgress progress, DaftariReceiptWorkerDone done,
                             gpointer user_data)
{
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (!self->closed);
  job->worker = g_object_ref (self);
  job->bytes = g_bytes_ref (bytes);
  job->cancellable = cancellable ? g_object_ref (cancellable) : g_cancellable_new ();
  job->progress = progress;
  job->done = done;
  job->user_data = user_data;
  job->percent = -1;
  g_set_object (&self->running, job->cancellable);
  g_thread_pool_push (self->pool, job, NULL);
}

void
daftari_receipt_worker_close (DaftariReceiptWorker *self)
{
  self->closed = TRUE;
  if (self->running != NULL)
    g_cancellable_cancel (self->running);
}
