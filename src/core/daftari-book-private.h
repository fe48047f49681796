/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "daftari-book.h"

G_BEGIN_DECLS

/* For the core's own modules only: pages and the CLI never see SQL. */

sqlite3      *daftari_book_get_db        (DaftariBook  *self);
/* A prepared statement kept for the life of the book, reset and unbound. */
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

gboolean      daftari_book_set_setting   (DaftariBook  *self,
                                          const char   *key,
                                          const char   *value,
                                          GError      **error);
char         *daftari_book_get_setting   (DaftariBook  *self,
                                          const char   *key);

G_END_DECLS
