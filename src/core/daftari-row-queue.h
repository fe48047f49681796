/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-book.h"
#include "daftari-txn.h"

G_BEGIN_DECLS

/* Rows of appended transactions waiting to be written together.
 *
 * It exists for speed: SQLite spends as much on starting and ending a
 * statement as on inserting one row, so a run of posts (an import, a
 * generated book) writes its txn and split rows with a few multi-row INSERTs
 * instead of two statements per transaction. The queue gives each
 * transaction its id at once (after the largest in the book), so callers see
 * no difference; each call of daftari_ledger_post_many starts it afresh and
 * flushes it before that call reads anything or returns. The transactions must
 * stay alive and unchanged until the flush. */
typedef struct _DaftariRowQueue DaftariRowQueue;

/* One per book, kept for its life: a queue is large, and allocating it for
 * every call fragments the heap of an import holding a million rows. */
DaftariRowQueue *daftari_row_queue_new   (DaftariBook      *book);
/* Empties the queue and takes the next free id from the book: at the start
 * of every daftari_ledger_post_many. */
gboolean         daftari_row_queue_start (DaftariRowQueue  *queue,
                                          GError          **error);
void             daftari_row_queue_free  (DaftariRowQueue  *queue);
/* Queues txn's rows (writing earlier ones when the queue is full) and
 * returns the id its row will have. */
gboolean         daftari_row_queue_add   (DaftariRowQueue  *queue,
                                          const DaftariTxn *txn,
                                          gint64           *out_id,
                                          GError          **error);
gboolean         daftari_row_queue_flush (DaftariRowQueue  *queue,
                                          GError          **error);
/* A transaction written around the queue (back-dated ones are) took id:
 * queued ones must come after it. */
void             daftari_row_queue_note_id (DaftariRowQueue *queue,
                                            gint64           id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariRowQueue, daftari_row_queue_free)

G_END_DECLS
