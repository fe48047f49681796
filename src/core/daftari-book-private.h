/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "daftari-book.h"

G_BEGIN_DECLS

/* For the core's own modules only: pages and the CLI never see SQL. */

sqlite3      *daftari_book_get_db        (DaftariBook  *self);
/* A prepared statement kept for the life of the book, reset and unbound.
 * sql must be a string constant: statements are cached by its address. */
sqlite3_stmt *daftari_book_prepare       (DaftariBook  *self,
                                          const char   *sql,
                                          GError      **error);

/* Writes nest: the outermost begin is BEGIN IMMEDIATE (so the rules are
 * checked against data no other writer can change before COMMIT), inner
 * ones are savepoints, so a refused step inside a batch undoes only itself. */
gboolean      daftari_book_begin         (DaftariBook  *self,
                                          GError      **error);
gboolean      daftari_book_commit        (DaftariBook  *self,
                                          GError      **error);
void          daftari_book_rollback      (DaftariBook  *self);
gboolean      daftari_book_in_write      (DaftariBook  *self);
/* Batches turn SQLite's checkpoint-on-commit off, so that committing a
 * million rows does not also copy them all before returning. */
gboolean      daftari_book_set_auto_checkpoint (DaftariBook *self,
                                                gboolean     automatic,
                                                GError     **error);
/* Marks the current write as failed where no savepoint can undo the part
 * written: the outermost commit then rolls everything back. */
void          daftari_book_break_write   (DaftariBook  *self);
/* The current write's cache (daftari-write-cache.h). */
struct _DaftariWriteCache *daftari_book_get_write_cache (DaftariBook *self);
/* Writes pending balance changes so that SQL reads see them. Every query of
 * balances or month totals calls it first. */
gboolean      daftari_book_sync          (DaftariBook  *self,
                                          GError      **error);

gboolean      daftari_book_set_setting   (DaftariBook  *self,
                                          const char   *key,
                                          const char   *value,
                                          GError      **error);
char         *daftari_book_get_setting   (DaftariBook  *self,
                                          const char   *key);

G_END_DECLS
