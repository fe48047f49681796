/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-import-store.h"

#include "daftari-book-private.h"
#include "daftari-db.h"
#include "daftari-text-append.h"

/* Rows per multi-row INSERT: 9 columns × 64 stays far below SQLite's
 * parameter limit, and is enough for the statement's own cost to vanish. */
#define ROWS_PER_INSERT 256
#define COLUMNS         9

#define INSERT_HEAD "INSERT INTO import_row (batch_id, wallet_id, key, txn_id, state, receipt, ts, amount, details) VALUES "
#define INSERT_ROW  "(?,?,?,?,?,?,?,?,?)"

typedef struct {
  gint64                  batch_id;
  const DaftariImportRow *row;
  const char             *state;   /* a string constant */
  gint64                  txn_id;
  gsize                   details;  /* offset of its JSON in the store's text */
} Remembered;

struct _DaftariImportStore {
  DaftariBook *book;
  gint64       wallet_id;
  GArray      *queue;   /* of Remembered */
  /* The queued rows' JSON, one after another, each ending in a NUL: one
   * buffer kept from chunk to chunk, because a million small strings made
   * and freed fragment the heap until malloc itself was a third of the time. */
  GString     *text;
};

DaftariImportStore *
daftari_import_store_new (DaftariBook *book, gint64 wallet_id)
{
  DaftariImportStore *store = g_new0 (DaftariImportStore, 1);

  store->book = book;
  store->wallet_id = wallet_id;
  store->queue = g_array_new (FALSE, FALSE, sizeof (Remembered));
  store->text = g_string_sized_new (64 * 1024);
  return store;
}

static void
clear_queue (DaftariImportStore *store)
{
  g_array_set_size (store->queue, 0);
  g_string_truncate (store->text, 0);
}

void
daftari_import_store_free (DaftariImportStore *store)
{
  if (store == NULL)
    return;
  g_array_unref (store->queue);
  g_string_free (store->text, TRUE);
  g_free (store);
}

GString *
daftari_import_store_add (DaftariImportStore *store, gint64 batch_id, const DaftariImportRow *row,
                          const char *state, gint64 txn_id)
{
  Remembered r = { batch_id, row, state, txn_id, 0 };

  /* The NUL ending the row before (the buffer's own NUL is overwritten). */
  if (store->queue->len > 0)
    g_string_append_c (store->text, '\0');
  r.details = store->text->len;
  g_array_append_val (store->queue, r);
  return store->text;
}

/* The statement's text is built once and kept for the life of the process:
 * the book caches prepared statements by the address of their text. */
static const char *
many_rows_sql (void)
{
  static gsize cell;

  if (g_once_init_enter (&cell))
    {
      GString *sql = g_string_new (INSERT_HEAD INSERT_ROW);
      for (guint i = 1; i < ROWS_PER_INSERT; i++)
        g_string_append (sql, "," INSERT_ROW);
      g_once_init_leave (&cell, (gsize) g_string_free (sql, FALSE));
    }
  return (const char *) cell;
}

/* Row i of the queue; its JSON ends where the next one's starts (past a NUL). */
static void
bind_row (sqlite3_stmt *stmt, int column, const DaftariImportStore *store, guint i)
{
  const Remembered *r = &g_array_index (store->queue, Remembered, i);
  const DaftariImportRow *row = r->row;
  gint64 wallet_id = store->wallet_id;
  gsize end = i + 1 < store->queue->len ? g_array_index (store->queue, Remembered, i + 1).details - 1
                                        : store->text->len;

  sqlite3_bind_int64 (stmt, column + 1, r->batch_id);
  sqlite3_bind_int64 (stmt, column + 2, wallet_id);
  sqlite3_bind_text (stmt, column + 3, row->key, -1, SQLITE_STATIC);
  if (r->txn_id != 0)
    sqlite3_bind_int64 (stmt, column + 4, r->txn_id);
  else
    sqlite3_bind_null (stmt, column + 4);
  sqlite3_bind_text (stmt, column + 5, r->state, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, column + 6, row->receipt != NULL ? row->receipt : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, column + 7, row->ts);
  sqlite3_bind_int64 (stmt, column + 8, row->amount);
  sqlite3_bind_text (stmt, column + 9, store->text->str + r->details, (int) (end - r->details), SQLITE_STATIC);
}

gboolean
daftari_import_store_flush (DaftariImportStore *store, GError **error)
{
  GArray *queue = store->queue;
  sqlite3_stmt *many = daftari_book_prepare (store->book, many_rows_sql (), error);
  sqlite3_stmt *one = many != NULL ? daftari_book_prepare (store->book, INSERT_HEAD INSERT_ROW, error) : NULL;
  gboolean ok = one != NULL;
  guint i = 0;

  for (; ok && i + ROWS_PER_INSERT <= queue->len; i += ROWS_PER_INSERT)
    {
      for (guint r = 0; r < ROWS_PER_INSERT; r++)
        bind_row (many, r * COLUMNS, store, i + r);
      ok = daftari_db_step_done (many, error);
    }
  for (; ok && i < queue->len; i++)
    {
      bind_row (one, 0, store, i);
      ok = daftari_db_step_done (one, error);
    }
  clear_queue (store);
  return ok;
}

/* ---- JSON by hand ------------------------------------------------------- */

/* out may hold other rows' JSON before this object: a member is the
 * object's first when it comes right after the brace. */
static void
json_name (GString *out, const char *name)
{
  if (out->len > 0 && out->str[out->len - 1] != '{')
    daftari_text_append_c (out, ',');
  daftari_text_append_c (out, '"');
  daftari_text_append (out, name, strlen (name));
  daftari_text_append (out, "\":", 2);
}

void
daftari_import_json_text (GString *out, const char *name, const char *value)
{
  const char *run = value != NULL ? value : "";

  json_name (out, name);
  daftari_text_append_c (out, '"');
  /* Plain runs are copied whole; only quotes, backslashes and controls are escaped. */
  for (const char *p = run;; p++)
    {
      guchar c = (guchar) *p;
      if (c != '\0' && c >= 0x20 && c != '"' && c != '\\')
        continue;
      daftari_text_append (out, run, p - run);
      if (c == '\0')
        break;
      if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        {
          daftari_text_append_c (out, '\\');
          daftari_text_append_c (out, (char) c);
        }
      run = p + 1;
    }
  daftari_text_append_c (out, '"');
}

void
daftari_import_json_int (GString *out, const char *name, gint64 value)
{
  char digits[24];
  int n = sizeof digits;
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;

  json_name (out, name);
  do
    digits[--n] = (char) ('0' + magnitude % 10);
  while ((magnitude /= 10) != 0);
  if (value < 0)
    digits[--n] = '-';
  daftari_text_append (out, digits + n, sizeof digits - n);
}
