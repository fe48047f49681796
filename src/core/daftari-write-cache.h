/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-book.h"
#include "daftari-rules.h"
#include "daftari-txn.h"

G_BEGIN_DECLS

/* What one write transaction knows about the accounts it touches, and the
 * balance, month-total and wallet-flow changes it has not yet written.
 *
 * It exists for speed: posting a transaction in time order needs no SQL but
 * its own rows, so an import or a generated book of a million transactions
 * costs little more than inserting them. The book owns it and keeps it true:
 * it is flushed before COMMIT, before every savepoint and before any query
 * of balances, and emptied on COMMIT and on any rollback, so pending changes
 * are always newer than the innermost open savepoint. */
typedef struct _DaftariWriteCache DaftariWriteCache;

typedef struct {
  DaftariRuleAccount info;      /* info.last_ts includes pending changes */
  gint64             balance;   /* current balance, pending changes included */
} DaftariCachedAccount;

DaftariWriteCache    *daftari_write_cache_new      (void);
void                  daftari_write_cache_free     (DaftariWriteCache *cache);

/* The account, loaded on first use in this write; NULL with error if missing. */
DaftariCachedAccount *daftari_write_cache_account  (DaftariWriteCache *cache,
                                                    DaftariBook       *book,
                                                    gint64             account_id,
                                                    GError           **error);
/* Records a split's effect to be written at the next flush. */
void                  daftari_write_cache_add      (DaftariWriteCache *cache,
                                                    gint64             account_id,
                                                    DaftariMonth       month,
                                                    gint64             ts,
                                                    gint64             amount,
                                                    gint64             value);
/* Records a transaction's effect: balances, month totals and each wallet's
 * flows (sign 1: its splits were written; -1: they were removed). */
gboolean              daftari_write_cache_add_txn  (DaftariWriteCache *cache,
                                                    DaftariBook       *book,
                                                    const DaftariTxn  *txn,
                                                    int                sign,
                                                    GError           **error);
gboolean              daftari_write_cache_get_limit (DaftariWriteCache *cache,
                                                    DaftariBook       *book,
                                                    gint64            *out_limit,
                                                    GError           **error);
gboolean              daftari_write_cache_flush    (DaftariWriteCache *cache,
                                                    DaftariBook       *book,
                                                    GError           **error);
/* Empty arrays for a post's rule checks, reused from post to post: the hot
 * path of an import should not allocate. Posts do not nest, so one each. */
GArray               *daftari_write_cache_scratch_accounts (DaftariWriteCache *cache);
GArray               *daftari_write_cache_scratch_touched  (DaftariWriteCache *cache);
/* The book's queue of appended rows (daftari-row-queue.h), made on first use. */
struct _DaftariRowQueue *daftari_write_cache_row_queue (DaftariWriteCache *cache,
                                                        DaftariBook       *book);
/* Forgets everything: after COMMIT, after a rollback, after direct writes. */
void                  daftari_write_cache_clear    (DaftariWriteCache *cache);

G_END_DECLS
