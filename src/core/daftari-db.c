/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-db.h"

#include <glib/gi18n-lib.h>

#include "daftari-error.h"

void
daftari_db_set_error (GError **error, sqlite3 *db, int rc)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, DAFTARI_BOOK_ERROR, DAFTARI_BOOK_ERROR_FULL,
                   _("The disk is full. Nothing was saved; free some space and try again."));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, DAFTARI_BOOK_ERROR, DAFTARI_BOOK_ERROR_BUSY,
                   _("Another program is writing to this book. Nothing was saved; try again in a moment."));
      break;
    case SQLITE_NOTADB:
      g_set_error (error, DAFTARI_BOOK_ERROR, DAFTARI_BOOK_ERROR_NOT_A_BOOK,
                   _("This file is not a Daftari book."));
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, DAFTARI_BOOK_ERROR, DAFTARI_BOOK_ERROR_CORRUPT,
                   _("The book file is damaged (%s). Restore it from a backup."), detail);
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, DAFTARI_BOOK_ERROR, DAFTARI_BOOK_ERROR_IO,
                   _("The book file cannot be read or written (%s). Check that the disk is present and writable."),
                   detail);
      break;
    default:
      g_set_error (error, DAFTARI_BOOK_ERROR, DAFTARI_BOOK_ERROR_FAILED,
                   _("The database refused the change: %s"), detail);
      break;
    }
}

gboolean
daftari_db_exec (sqlite3 *db, const char *sql, GError **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      daftari_db_set_error (error, db, rc);
      return FALSE;
    }
  return TRUE;
}

gboolean
daftari_db_get_int (sqlite3 *db, const char *sql, int *out_value, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out_value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      daftari_db_set_error (error, db, rc);
      return FALSE;
    }
  return TRUE;
}

gboolean
daftari_db_step_done (sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  /* Read the message before reset, which may replace it. */
  if (rc != SQLITE_DONE)
    daftari_db_set_error (error, sqlite3_db_handle (stmt), rc);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}
