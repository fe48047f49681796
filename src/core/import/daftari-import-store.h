/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-book.h"
#include "daftari-import-row.h"

G_BEGIN_DECLS

/* The import_row rows an import remembers, written many to one INSERT: on
 * a million-row import, one statement per row was a fifth of the time.
 * Rows wait in the store until a flush (the engine flushes once per chunk
 * of rows, and before anything reads the table). */
typedef struct _DaftariImportStore DaftariImportStore;

DaftariImportStore *daftari_import_store_new   (DaftariBook        *book,
                                                gint64              wallet_id);
void                daftari_import_store_free  (DaftariImportStore *store);
/* Queues one row; row (its key, receipt and text) must outlive the next
 * flush. Returns the text to append the row's JSON object to (only that,
 * before the next add or flush). */
GString            *daftari_import_store_add   (DaftariImportStore     *store,
                                                gint64                  batch_id,
                                                const DaftariImportRow *row,
                                                const char             *state,
                                                gint64                  txn_id);
gboolean            daftari_import_store_flush (DaftariImportStore *store,
                                                GError            **error);

/* A JSON object being written by hand (it is on every row of a big import). */
void daftari_import_json_text (GString *out, const char *name, const char *value);
void daftari_import_json_int  (GString *out, const char *name, gint64 value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariImportStore, daftari_import_store_free)

G_END_DECLS
