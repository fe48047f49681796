/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-book-private.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "daftari-account.h"
#include "daftari-core.h"
#include "daftari-db.h"
#include "daftari-error.h"
#include "daftari-money.h"
#include "daftari-schema.h"
#include "daftari-wallet-flow.h"
#include "daftari-write-cache.h"

struct _DaftariBook {
  GObject                 parent_instance;
  char                   *path;
  char                   *backup_path;
  sqlite3                *db;
  GHashTable             *statements;    /* SQL text (by address) → sqlite3_stmt */
  guint                   write_depth;
  DaftariWriteCache      *write_cache;
  gboolean                write_broken;  /* a write failed with no savepoint to undo it */
  char                   *business_name;
  const DaftariCommodity *currency;
  DaftariCalendar        *calendar;
  gint64                  txn_limit;
};

G_DEFINE_FINAL_TYPE (DaftariBook, daftari_book, G_TYPE_OBJECT)

static void
daftari_book_finalize (GObject *object)
{
  DaftariBook *self = DAFTARI_BOOK (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->write_cache, daftari_write_cache_free);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->calendar, daftari_calendar_free);
  g_free (self->path);
  g_free (self->backup_path);
  g_free (self->business_name);
  G_OBJECT_CLASS (daftari_book_parent_class)->finalize (object);
}

static void
daftari_book_class_init (DaftariBookClass *klass)
{
  daftari_core_configure_sqlite ();
  G_OBJECT_CLASS (klass)->finalize = daftari_book_finalize;
}

static void
daftari_book_init (DaftariBook *self)
{
  /* Keyed by the address of the SQL text: callers pass string constants,
   * and hashing a long statement on every use showed up in profiles. */
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                            (GDestroyNotify) sqlite3_finalize);
  self->write_cache = daftari_write_cache_new ();
}

char *
daftari_book_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "daftari", "book.daftari", NULL);
}

static gboolean
connect (DaftariBook *self, int flags, GError **error)
{
  int rc = sqlite3_open_v2 (self->path, &self->db, flags | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc != SQLITE_OK)
    {
      daftari_db_set_error (error, self->db, rc);
      g_prefix_error (error, "%s: ", self->path);
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, 1);
  /* Another Daftari (the CLI beside the app) may hold the write lock for a
   * moment; wait for it rather than failing. */
  sqlite3_busy_timeout (self->db, 10000);
  /* Settings of this connection only: none of them writes to the file, so
   * a file that turns out not to be a book is left exactly as it was. */
  return daftari_db_exec (self->db,
                          "PRAGMA synchronous = NORMAL;"
                          "PRAGMA foreign_keys = ON;"
                          "PRAGMA cache_size = -131072;"
                          /* Savepoint journals of a batch stay in memory, not in temp files. */
                          "PRAGMA temp_store = MEMORY;", error);
}

/* Settings kept in the file itself, so only for a new book or one known to
 * be a book: switching another program's database to WAL would change it. */
static gboolean
set_up_file (DaftariBook *self, GError **error)
{
  /* page_size only takes effect on a new, empty file, before WAL is switched
   * on: bigger pages mean fewer B-tree splits for a ledger that only grows. */
  return daftari_db_exec (self->db,
                          "PRAGMA page_size = 8192;"
                          "PRAGMA journal_mode = WAL;", error);
}

char *
daftari_book_get_setting (DaftariBook *self, const char *key)
{
  sqlite3_stmt *stmt = daftari_book_prepare (self, "SELECT value FROM setting WHERE key = ?", NULL);
  char *value = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}

gboolean
daftari_book_set_setting (DaftariBook *self, const char *key, const char *value, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (self,
      "INSERT INTO setting (key, value) VALUES (?, ?)"
      " ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  return daftari_db_step_done (stmt, error);
}

static gboolean
load_settings (DaftariBook *self, GError **error)
{
  g_autofree char *currency = daftari_book_get_setting (self, "currency");
  g_autofree char *zone = daftari_book_get_setting (self, "time_zone");
  g_autofree char *limit = daftari_book_get_setting (self, "txn_limit");

  self->business_name = daftari_book_get_setting (self, "business_name");
  self->currency = daftari_commodity_lookup (currency);
  if (self->currency == NULL || zone == NULL || limit == NULL ||
      !g_ascii_string_to_signed (limit, 10, 0, G_MAXINT64, &self->txn_limit, NULL))
    {
      g_set_error (error, DAFTARI_BOOK_ERROR, DAFTARI_BOOK_ERROR_CORRUPT,
                   _("The book’s settings are missing or damaged. Restore it from a backup."));
      return FALSE;
    }
  self->calendar = daftari_calendar_new (zone);
  return TRUE;
}

static gboolean
seed (DaftariBook *self, const DaftariBookSetup *setup, GError **error)
{
  const DaftariCommodity *currency = daftari_commodity_lookup (setup->currency ? setup->currency : "KES");
  g_autofree char *limit = NULL;
  g_autofree char *created = g_strdup_printf ("%" G_GINT64_FORMAT, daftari_calendar_now ());

  if (currency == NULL || currency->crypto)
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                   _("“%s” cannot be a book currency; use KES or USD"), setup->currency);
      return FALSE;
    }
  limit = g_strdup_printf ("%" G_GINT64_FORMAT,
                           DAFTARI_DEFAULT_LIMIT_UNITS * daftari_commodity_unit (currency));
  if (!daftari_book_begin (self, error))
    return FALSE;
  if (!daftari_book_set_setting (self, "business_name",
                                 setup->business_name ? setup->business_name : _("My business"), error) ||
      !daftari_book_set_setting (self, "currency", currency->code, error) ||
      !daftari_book_set_setting (self, "time_zone",
                                 setup->time_zone ? setup->time_zone : "Africa/Nairobi", error) ||
      !daftari_book_set_setting (self, "txn_limit", limit, error) ||
      !daftari_book_set_setting (self, "created", created, error) ||
      !load_settings (self, error) ||
      !daftari_account_seed_defaults (self, error))
    {
      daftari_book_rollback (self);
      return FALSE;
    }
  return daftari_book_commit (self, error);
}

void
daftari_book_remove_files (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

DaftariBook *
daftari_book_create (const char *path, const DaftariBookSetup *setup, GError **error)
{
  g_autoptr(DaftariBook) self = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_EXISTS,
                   _("%s already exists. Open it, or choose another file name for the new book."), path);
      return NULL;
    }
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, DAFTARI_BOOK_ERROR, DAFTARI_BOOK_ERROR_IO,
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved));
      return NULL;
    }

  self = g_object_new (DAFTARI_TYPE_BOOK, NULL);
  self->path = g_strdup (path);
  if (!connect (self, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error) ||
      !set_up_file (self, error) ||
      !daftari_schema_migrate (self->db, daftari_schema_latest_version (), error) ||
      !seed (self, setup, error))
    {
      /* A book that could not be set up completely is not left behind. */
      g_clear_object (&self);
      daftari_book_remove_files (path);
      return NULL;
    }
  return g_steal_pointer (&self);
}

/* Copies the whole book, consistently, before a migration touches it. */
static gboolean
back_up (DaftariBook *self, int version, GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = g_strdup_printf ("%s.v%d-%s.bak", self->path, version, stamp);
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int rc = sqlite3_open_v2 (target, &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (copy, "main", self->db, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (copy);
      else
        {
          sqlite3_backup_step (backup, -1);
          rc = sqlite3_backup_finish (backup);
        }
    }
  if (rc != SQLITE_OK)
    {
      daftari_db_set_error (error, copy, rc);
      g_prefix_error (error, _("The book was not updated because its backup failed: "));
      sqlite3_close (copy);
      g_unlink (target);
      return FALSE;
    }
  sqlite3_close (copy);
  self->backup_path = g_steal_pointer (&target);
  return TRUE;
}

static gboolean
check_identity (DaftariBook *self, int *out_version, GError **error)
{
  int application_id;

  if (!daftari_db_get_int (self->db, "PRAGMA application_id", &application_id, error) ||
      !daftari_db_get_int (self->db, "PRAGMA user_version", out_version, error))
    return FALSE;
  if (application_id != DAFTARI_APPLICATION_ID)
    {
      g_set_error (error, DAFTARI_BOOK_ERROR, DAFTARI_BOOK_ERROR_NOT_A_BOOK,
                   _("%s is not a Daftari book."), self->path);
      return FALSE;
    }
  if (*out_version > daftari_schema_latest_version ())
    {
      g_set_error (error, DAFTARI_BOOK_ERROR, DAFTARI_BOOK_ERROR_TOO_NEW,
                   _("%s was saved by a newer version of Daftari. Update Daftari to open it."),
                   self->path);
      return FALSE;
    }
  return TRUE;
}

DaftariBook *
daftari_book_open (const char *path, GError **error)
{
  g_autoptr(DaftariBook) self = NULL;
  int version;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, DAFTARI_BOOK_ERROR, DAFTARI_BOOK_ERROR_IO,
                   _("There is no book at %s. Create one with “daftari-cli init”."), path);
      return NULL;
    }
  self = g_object_new (DAFTARI_TYPE_BOOK, NULL);
  self->path = g_strdup (path);
  if (!connect (self, SQLITE_OPEN_READWRITE, error))
    return NULL;
  if (!check_identity (self, &version, error))
    {
      if (g_error_matches (*error, DAFTARI_BOOK_ERROR, DAFTARI_BOOK_ERROR_FAILED))
        (*error)->code = DAFTARI_BOOK_ERROR_NOT_A_BOOK;
      return NULL;
    }
  if (!set_up_file (self, error))
    return NULL;
  if (version < daftari_schema_latest_version () &&
      (!back_up (self, version, error) ||
       !daftari_schema_migrate (self->db, daftari_schema_latest_version (), error)))
    return NULL;
  /* After the settings: the months are by the book's calendar. */
  if (!load_settings (self, error) || !daftari_wallet_flow_ensure (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

sqlite3 *
daftari_book_get_db (DaftariBook *self)
{
  return self->db;
}

sqlite3_stmt *
daftari_book_prepare (DaftariBook *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      daftari_db_set_error (error, self->db, rc);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
daftari_book_begin (DaftariBook *self, GError **error)
{
  g_autofree char *savepoint = NULL;

  if (self->write_depth == 0)
    {
      if (!daftari_db_exec (self->db, "BEGIN IMMEDIATE", error))
        return FALSE;
    }
  else
    {
      /* Pending changes belong to the level outside the new savepoint. */
      savepoint = g_strdup_printf ("SAVEPOINT s%u", self->write_depth);
      if (!daftari_write_cache_flush (self->write_cache, self, error) ||
          !daftari_db_exec (self->db, savepoint, error))
        return FALSE;
    }
  self->write_depth++;
  return TRUE;
}

static gboolean
commit_outermost (DaftariBook *self, GError **error)
{
  if (self->write_broken)
    {
      g_set_error (error, DAFTARI_BOOK_ERROR, DAFTARI_BOOK_ERROR_FAILED,
                   _("A change could not be written, so nothing was saved. Try again."));
      return FALSE;
    }
  if (!daftari_write_cache_flush (self->write_cache, self, error) ||
      !daftari_db_exec (self->db, "COMMIT", error))
    return FALSE;
  daftari_write_cache_clear (self->write_cache);
  return TRUE;
}

gboolean
daftari_book_commit (DaftariBook *self, GError **error)
{
  g_autofree char *release = NULL;

  g_return_val_if_fail (self->write_depth > 0, FALSE);
  if (self->write_depth == 1)
    {
      if (!commit_outermost (self, error))
        {
          daftari_book_rollback (self);
          return FALSE;
        }
    }
  else
    {
      release = g_strdup_printf ("RELEASE s%u", self->write_depth - 1);
      if (!daftari_db_exec (self->db, release, error))
        {
          daftari_book_rollback (self);
          return FALSE;
        }
    }
  self->write_depth--;
  return TRUE;
}

void
daftari_book_rollback (DaftariBook *self)
{
  g_autofree char *undo = NULL;

  g_return_if_fail (self->write_depth > 0);
  /* Everything pending is newer than the innermost savepoint: it goes too. */
  daftari_write_cache_clear (self->write_cache);
  self->write_depth--;
  if (self->write_depth == 0)
    {
      daftari_db_exec (self->db, "ROLLBACK", NULL);
      self->write_broken = FALSE;
    }
  else
    {
      undo = g_strdup_printf ("ROLLBACK TO s%u; RELEASE s%u", self->write_depth, self->write_depth);
      daftari_db_exec (self->db, undo, NULL);
    }
}

void
daftari_book_break_write (DaftariBook *self)
{
  self->write_broken = TRUE;
}

DaftariWriteCache *
daftari_book_get_write_cache (DaftariBook *self)
{
  return self->write_cache;
}

gboolean
daftari_book_sync (DaftariBook *self, GError **error)
{
  return self->write_depth == 0 || daftari_write_cache_flush (self->write_cache, self, error);
}

gboolean
daftari_book_set_auto_checkpoint (DaftariBook *self, gboolean automatic, GError **error)
{
  /* 1000 pages is SQLite's own default. (A larger page cache for batches
   * was measured too: slower, from the cost of faulting in the memory.) */
  return daftari_db_exec (self->db, automatic ? "PRAGMA wal_autocheckpoint = 1000"
                                              : "PRAGMA wal_autocheckpoint = 0", error);
}

gboolean
daftari_book_checkpoint (DaftariBook *self, GError **error)
{
  return daftari_db_exec (self->db, "PRAGMA wal_checkpoint (PASSIVE)", error);
}

gboolean
daftari_book_in_write (DaftariBook *self)
{
  return self->write_depth > 0;
}

const char *
daftari_book_get_path (DaftariBook *self)
{
  return self->path;
}

const char *
daftari_book_get_business_name (DaftariBook *self)
{
  return self->business_name;
}

const DaftariCommodity *
daftari_book_get_currency (DaftariBook *self)
{
  return self->currency;
}

DaftariCalendar *
daftari_book_get_calendar (DaftariBook *self)
{
  return self->calendar;
}

const char *
daftari_book_get_backup_path (DaftariBook *self)
{
  return self->backup_path;
}

gint64
daftari_book_get_txn_limit (DaftariBook *self)
{
  return self->txn_limit;
}

gboolean
daftari_book_set_txn_limit (DaftariBook *self, gint64 limit, GError **error)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, limit);

  if (limit <= 0)
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                   _("The per-transaction limit must be more than zero"));
      return FALSE;
    }
  if (!daftari_book_begin (self, error))
    return FALSE;
  if (!daftari_book_set_setting (self, "txn_limit", text, error))
    {
      daftari_book_rollback (self);
      return FALSE;
    }
  /* Inside a batch the write cache remembers the old limit; nothing is
   * pending (begin flushed it), so forgetting everything is safe. */
  daftari_write_cache_clear (self->write_cache);
  if (!daftari_book_commit (self, error))
    return FALSE;
  self->txn_limit = limit;
  return TRUE;
}
