/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "daftari-book.h"
#include "daftari-import-row.h"

G_BEGIN_DECLS

/* What one import did (or, dry, would do). Every parsed row is counted once
 * in n_new, n_duplicate, n_held or n_rejected; n_skipped and part of
 * n_rejected are the parser's problems (docs/import.md). */
typedef struct {
  gint64     batch_id;      /* the import_batch row; in a dry run, the one it would have been */
  guint      n_rows;        /* rows the parser read */
  guint      n_new;         /* posted (a statement charge merged into its payment counts as posted) */
  guint      n_duplicate;   /* already in the wallet, from this source or another */
  guint      n_skipped;     /* the parser's skipped problems (failed, promotions, balance breaks) */
  guint      n_held;        /* over the per-transaction limit: kept for review, not posted */
  guint      n_rejected;    /* the parser's rejected records, and rows the ledger refused */
  GPtrArray *warnings;      /* of char*: every message worth reading, in order */
} DaftariImportResult;

void daftari_import_result_free (DaftariImportResult *result);

/* Imports parsed rows into a wallet as one batch, atomically: either all of
 * its decisions land, or (error, cancel) nothing does. source_kind names the
 * parser ("mpesa-csv", "sms", "daraja"); file_name is kept for the record.
 * With dry_run the same decisions are made and rolled back. Rules:
 * docs/import.md. */
DaftariImportResult *daftari_import_rows (DaftariBook         *book,
                                          gint64               wallet_id,
                                          const char          *source_kind,
                                          const char          *file_name,
                                          DaftariImportParse  *parse,
                                          gboolean             dry_run,
                                          GCancellable        *cancellable,
                                          GError             **error);

/* Voids every transaction the batch posted (its opening balance too), in
 * one write, and forgets its rows, so the same file can be imported again. */
gboolean daftari_import_undo (DaftariBook  *book,
                              gint64        batch_id,
                              GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariImportResult, daftari_import_result_free)

G_END_DECLS
