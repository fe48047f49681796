/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-import-mapping.h"

#include <glib/gi18n-lib.h>

#include "daftari-account.h"
#include "daftari-book-private.h"
#include "daftari-error.h"

static gboolean
check_wallet (DaftariBook *book, gint64 wallet_id, GError **error)
{
  g_autoptr(DaftariAccount) wallet = daftari_account_get (book, wallet_id, error);

  if (wallet == NULL)
    return FALSE;
  if (!daftari_account_kind_is_wallet (wallet->kind))
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID, _("“%s” is not a wallet"),
                   wallet->name);
      return FALSE;
    }
  return TRUE;
}

gboolean
daftari_import_mapping_save (DaftariBook *book, gint64 wallet_id, const DaftariBankMapping *mapping,
                             GError **error)
{
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!daftari_bank_mapping_check (mapping, error) || !check_wallet (book, wallet_id, error) ||
      !daftari_book_begin (book, error))
    return FALSE;
  stmt = daftari_book_prepare (book,
      "INSERT INTO import_mapping (wallet_id, source, mapping, updated) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (wallet_id) DO UPDATE SET source = excluded.source, mapping = excluded.mapping, "
      "updated = excluded.updated", error);
  if (stmt == NULL)
    {
      daftari_book_rollback (book);
      return FALSE;
    }
  json = daftari_bank_mapping_to_json (mapping);
  sqlite3_bind_int64 (stmt, 1, wallet_id);
  sqlite3_bind_text (stmt, 2, mapping->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time () / G_USEC_PER_SEC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, DAFTARI_BOOK_ERROR, DAFTARI_BOOK_ERROR_FAILED, "%s",
                   sqlite3_errmsg (daftari_book_get_db (book)));
      daftari_book_rollback (book);
      return FALSE;
    }
  return daftari_book_commit (book, error);
}

DaftariBankMapping *
daftari_import_mapping_load (DaftariBook *book, gint64 wallet_id, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT mapping FROM import_mapping WHERE wallet_id = ?", error);
  g_autofree char *json = NULL;
  DaftariBankMapping *mapping;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, wallet_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    json = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (json == NULL)
    return NULL;
  mapping = daftari_bank_mapping_from_json (json, error);
  if (mapping == NULL)
    g_prefix_error (error, _("The mapping remembered for this wallet is damaged: "));
  return mapping;
}
