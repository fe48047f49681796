/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* "DFTR": PRAGMA application_id of every Daftari book, so that another
 * program's SQLite file is refused instead of being "migrated". */
#define DAFTARI_APPLICATION_ID 0x44465452

int      daftari_schema_latest_version (void);

/* Brings a database from its PRAGMA user_version up to target_version in one
 * transaction. Tests call it with an older target to make old books. */
gboolean daftari_schema_migrate        (sqlite3  *db,
                                        int       target_version,
                                        GError  **error);

G_END_DECLS
