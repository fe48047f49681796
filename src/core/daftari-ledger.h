/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-book.h"
#include "daftari-txn.h"

G_BEGIN_DECLS

/* The one way money is written to a book. Each call is one SQLite
 * transaction (or a savepoint inside a caller's): the rules are checked
 * against the data being written, and a refusal leaves the book exactly as
 * it was, with a GError that names the rule, the account and the figures. */

gboolean    daftari_ledger_post    (DaftariBook  *book,
                                    DaftariTxn   *txn,
                                    gint64       *out_id,
                                    GError      **error);
/* Posts txns in order inside the caller's batch, as daftari_ledger_post
 * would one by one, but writes appended rows together: the fast way to post
 * many. Stops at the first refusal with its error; *out_posted says how many
 * came before it (those are posted, their ids set). */
gboolean    daftari_ledger_post_many (DaftariBook      *book,
                                      DaftariTxn *const *txns,
                                      guint             n,
                                      guint            *out_posted,
                                      GError          **error);
/* Whether posting txn would be accepted, with the same error a post would
 * give, without writing anything: for forms that validate while typing. */
gboolean    daftari_ledger_check   (DaftariBook  *book,
                                    DaftariTxn   *txn,
                                    GError      **error);
/* Edits a transaction in place; the audit trail keeps what it was. */
gboolean    daftari_ledger_replace (DaftariBook  *book,
                                    gint64        id,
                                    DaftariTxn   *txn,
                                    GError      **error);
/* Takes a transaction's money out of the books but keeps it, marked void,
 * with its splits in the audit trail. */
gboolean    daftari_ledger_void    (DaftariBook  *book,
                                    gint64        id,
                                    GError      **error);
/* Undoes the last void of a transaction: its splits come back as they were. */
gboolean    daftari_ledger_unvoid  (DaftariBook  *book,
                                    gint64        id,
                                    GError      **error);
DaftariTxn *daftari_ledger_get     (DaftariBook  *book,
                                    gint64        id,
                                    GError      **error);

/* Many posts as one write (an import, a generated book): everything between
 * begin and commit lands together or not at all. */
gboolean    daftari_ledger_batch_begin  (DaftariBook *book,
                                         GError     **error);
gboolean    daftari_ledger_batch_commit (DaftariBook *book,
                                         GError     **error);
void        daftari_ledger_batch_abort  (DaftariBook *book);

G_END_DECLS
