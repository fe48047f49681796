/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-row-queue.h"

#include "daftari-book-private.h"
#include "daftari-calendar.h"
#include "daftari-db.h"

/* Rows per multi-row INSERT: large enough that the statement's own cost
 * disappears, small enough to stay far below SQLite's 32766 parameters. */
#define TXN_ROWS_PER_INSERT   256
#define SPLIT_ROWS_PER_INSERT 512
#define TXN_COLUMNS           10
#define SPLIT_COLUMNS         7
/* Transactions held before they are written. */
#define QUEUE_CAPACITY        1024

#define TXN_INSERT   "INSERT INTO txn (id, ts, kind, memo, payee, channel, counterparty, reference, voided, created) VALUES "
#define TXN_ROW      "(?,?,?,?,?,?,?,?,?,?)"
#define SPLIT_INSERT "INSERT INTO split (txn_id, n, account_id, ts, amount, value, role) VALUES "
#define SPLIT_ROW    "(?,?,?,?,?,?,?)"

struct _DaftariRowQueue {
  DaftariBook      *book;
  gint64            next_id;
  gint64            created;
  guint             len;
  const DaftariTxn *txns[QUEUE_CAPACITY];
  gint64            ids[QUEUE_CAPACITY];
};

/* "HEAD ROW,ROW,…" with rows copies of ROW, built on first use into *cell
 * and kept for the life of the process: the book caches prepared
 * statements by the address of their text. */
static const char *
multi_row_insert (gsize *cell, const char *head, const char *row, guint rows)
{
  if (g_once_init_enter (cell))
    {
      GString *sql = g_string_new (head);
      for (guint i = 0; i < rows; i++)
        g_string_append (g_string_append (sql, i ? "," : ""), row);
      g_once_init_leave (cell, (gsize) g_string_free (sql, FALSE));
    }
  return (const char *) *cell;
}

static gsize many_txns_sql, many_splits_sql;

DaftariRowQueue *
daftari_row_queue_new (DaftariBook *book)
{
  DaftariRowQueue *queue = g_new0 (DaftariRowQueue, 1);

  queue->book = book;
  return queue;
}

gboolean
daftari_row_queue_start (DaftariRowQueue *queue, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (queue->book, "SELECT coalesce (max (id), 0) FROM txn", error);

  if (stmt == NULL)
    return FALSE;
  queue->len = 0;
  queue->created = daftari_calendar_now ();
  if (sqlite3_step (stmt) == SQLITE_ROW)
    queue->next_id = sqlite3_column_int64 (stmt, 0) + 1;
  sqlite3_reset (stmt);
  return TRUE;
}

void
daftari_row_queue_free (DaftariRowQueue *queue)
{
  g_free (queue);
}

static void
bind_txn (sqlite3_stmt *stmt, int column, const DaftariTxn *txn, gint64 id, gint64 created)
{
  sqlite3_bind_int64 (stmt, column + 1, id);
  sqlite3_bind_int64 (stmt, column + 2, txn->ts);
  sqlite3_bind_text (stmt, column + 3, daftari_txn_kind_to_string (txn->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, column + 4, txn->memo, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, column + 5, txn->payee, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, column + 6, txn->channel, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, column + 7, txn->counterparty, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, column + 8, txn->reference, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, column + 9, FALSE);
  sqlite3_bind_int64 (stmt, column + 10, created);
}

static void
bind_split (sqlite3_stmt *stmt, int column, const DaftariTxn *txn, gint64 id, guint n)
{
  const DaftariSplit *split = daftari_txn_get_split (txn, n);

  sqlite3_bind_int64 (stmt, column + 1, id);
  sqlite3_bind_int (stmt, column + 2, n);
  sqlite3_bind_int64 (stmt, column + 3, split->account_id);
  sqlite3_bind_int64 (stmt, column + 4, txn->ts);
  sqlite3_bind_int64 (stmt, column + 5, split->amount);
  sqlite3_bind_int64 (stmt, column + 6, split->value);
  sqlite3_bind_int (stmt, column + 7, split->role);
}

static gboolean
write_txn_rows (DaftariRowQueue *queue, GError **error)
{
  sqlite3_stmt *many = daftari_book_prepare (queue->book,
      multi_row_insert (&many_txns_sql, TXN_INSERT, TXN_ROW, TXN_ROWS_PER_INSERT), error);
  sqlite3_stmt *one = many ? daftari_book_prepare (queue->book, TXN_INSERT TXN_ROW, error) : NULL;
  guint i = 0;

  if (one == NULL)
    return FALSE;
  for (; i + TXN_ROWS_PER_INSERT <= queue->len; i += TXN_ROWS_PER_INSERT)
    {
      for (guint r = 0; r < TXN_ROWS_PER_INSERT; r++)
        bind_txn (many, r * TXN_COLUMNS, queue->txns[i + r], queue->ids[i + r], queue->created);
      if (!daftari_db_step_done (many, error))
        return FALSE;
    }
  for (; i < queue->len; i++)
    {
      bind_txn (one, 0, queue->txns[i], queue->ids[i], queue->created);
      if (!daftari_db_step_done (one, error))
        return FALSE;
    }
  return TRUE;
}

/* Split rows go after every txn row: each refers to its transaction. */
static gboolean
write_split_rows (DaftariRowQueue *queue, GError **error)
{
  sqlite3_stmt *many = daftari_book_prepare (queue->book,
      multi_row_insert (&many_splits_sql, SPLIT_INSERT, SPLIT_ROW, SPLIT_ROWS_PER_INSERT), error);
  sqlite3_stmt *one = many ? daftari_book_prepare (queue->book, SPLIT_INSERT SPLIT_ROW, error) : NULL;
  guint total = 0, done = 0, row = 0;

  if (one == NULL)
    return FALSE;
  for (guint i = 0; i < queue->len; i++)
    total += queue->txns[i]->splits->len;
  for (guint i = 0; i < queue->len; i++)
    for (guint n = 0; n < queue->txns[i]->splits->len; n++)
      {
        /* Whole statements while enough rows are left, then one by one. */
        gboolean in_many = row > 0 || total - done >= SPLIT_ROWS_PER_INSERT;
        sqlite3_stmt *stmt = in_many ? many : one;

        bind_split (stmt, (in_many ? row : 0) * SPLIT_COLUMNS, queue->txns[i], queue->ids[i], n);
        if (in_many && ++row < SPLIT_ROWS_PER_INSERT)
          continue;
        if (!daftari_db_step_done (stmt, error))
          return FALSE;
        done += in_many ? row : 1;
        row = 0;
      }
  return TRUE;
}

gboolean
daftari_row_queue_flush (DaftariRowQueue *queue, GError **error)
{
  gboolean ok;

  if (queue->len == 0)
    return TRUE;
  ok = write_txn_rows (queue, error) && write_split_rows (queue, error);
  queue->len = 0;
  return ok;
}

gboolean
daftari_row_queue_add (DaftariRowQueue *queue, const DaftariTxn *txn, gint64 *out_id, GError **error)
{
  if (queue->len == QUEUE_CAPACITY && !daftari_row_queue_flush (queue, error))
    return FALSE;
  queue->txns[queue->len] = txn;
  queue->ids[queue->len] = queue->next_id++;
  *out_id = queue->ids[queue->len++];
  return TRUE;
}

void
daftari_row_queue_note_id (DaftariRowQueue *queue, gint64 id)
{
  queue->next_id = MAX (queue->next_id, id + 1);
}
