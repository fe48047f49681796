/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "daftari-bank-mapping.h"
#include "daftari-import-source.h"
#include "daftari-import.h"

G_BEGIN_DECLS

/* One import (or its dry run) off the main thread, on a connection of its
 * own to the book's file: the window stays responsive on a big statement,
 * and SQLite's locking keeps the two connections honest. */
typedef struct {
  char                *book_path;
  gint64               wallet_id;
  DaftariImportSource  source;
  GBytes              *bytes;
  char                *file_name;
  char                *password;       /* NULL: none */
  DaftariBankMapping  *mapping;        /* bank CSV only */
  gboolean             save_mapping;   /* remember it for the wallet after a real import */
  gboolean             dry_run;
  gboolean             adjust_balance;
  /* Set by daftari_import_job_run. */
  void               (*progress) (double fraction, gpointer user_data);
  gpointer             progress_data;
  GMainContext        *context;
} DaftariImportJob;

DaftariImportJob    *daftari_import_job_new    (void);
void                 daftari_import_job_free   (DaftariImportJob *job);

/* progress (main thread) gets a fraction 0–1; the result is a
 * DaftariImportResult for daftari_import_job_finish. Takes the job. */
void                 daftari_import_job_run    (DaftariImportJob     *job,
                                                GCancellable         *cancellable,
                                                void                (*progress) (double   fraction,
                                                                             gpointer user_data),
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
DaftariImportResult *daftari_import_job_finish (GAsyncResult         *result,
                                                GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariImportJob, daftari_import_job_free)

G_END_DECLS
