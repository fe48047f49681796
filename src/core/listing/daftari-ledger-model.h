/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "daftari-book.h"
#include "daftari-query.h"

G_BEGIN_DECLS

/* A book's transactions as a lazy GListModel of DaftariLedgerItem, newest
 * first (by time, then by number), for a GtkListView or GtkColumnView.
 *
 * Only the matching transaction numbers are loaded up front (8 bytes each:
 * 8 MB for a million); items are made on demand, a page of rows at a time,
 * and a bounded number of pages is kept, so memory stays the same however
 * far the list is scrolled. The model does not watch the book: after a
 * write, call daftari_ledger_model_refresh(). Like the book, it belongs to
 * the thread that made it. */

#define DAFTARI_TYPE_LEDGER_MODEL (daftari_ledger_model_get_type ())
G_DECLARE_FINAL_TYPE (DaftariLedgerModel, daftari_ledger_model, DAFTARI, LEDGER_MODEL, GObject)

/* filter as for daftari_query_transactions(), whose rows (reversed) the
 * model lists; its limit is ignored. NULL lists everything but voids. With
 * an account_id, amounts and running balances are that account's. */
DaftariLedgerModel *daftari_ledger_model_new        (DaftariBook            *book,
                                                     const DaftariTxnFilter *filter);
DaftariBook        *daftari_ledger_model_get_book   (DaftariLedgerModel     *self);
/* The filter in use (its text is owned by the model). */
const DaftariTxnFilter *daftari_ledger_model_get_filter (DaftariLedgerModel *self);
/* Lists what filter matches: items-changed (0, old, new). If the book
 * cannot be read the model keeps its rows and filter and sets its error. */
void                daftari_ledger_model_set_filter (DaftariLedgerModel     *self,
                                                     const DaftariTxnFilter *filter);
/* Reads the book again after it changed: items-changed over the whole range. */
gboolean            daftari_ledger_model_refresh    (DaftariLedgerModel     *self,
                                                     GError                **error);
/* The position of a transaction, or G_MAXUINT when it is not listed
 * (a scan of the ids: about a millisecond for a million). */
guint               daftari_ledger_model_find       (DaftariLedgerModel     *self,
                                                     gint64                  txn_id);
/* Why the last reading of the book failed, or NULL; cleared by the next
 * successful (re)load. */
const GError       *daftari_ledger_model_get_error  (DaftariLedgerModel     *self);

G_END_DECLS
