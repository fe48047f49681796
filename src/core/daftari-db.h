/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Thin helpers over the SQLite C API, private to the core. Every failure
 * becomes a DAFTARI_BOOK_ERROR that says what the user can do about it. */

void     daftari_db_set_error  (GError     **error,
                                sqlite3     *db,
                                int          rc);
gboolean daftari_db_exec       (sqlite3     *db,
                                const char  *sql,
                                GError     **error);
gboolean daftari_db_get_int    (sqlite3     *db,
                                const char  *sql,
                                int         *out_value,
                                GError     **error);
/* Steps a statement that returns no row (INSERT, UPDATE, DELETE) and resets it. */
gboolean daftari_db_step_done  (sqlite3_stmt *stmt,
                                GError      **error);

G_END_DECLS
