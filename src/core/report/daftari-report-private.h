/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "daftari-account.h"
#include "daftari-book.h"
#include "daftari-txn.h"
#include "daftari-wallet-flow.h"

G_BEGIN_DECLS

/* What the reports share: every account at hand by id, account totals over
 * any span from the month aggregates, and one pass over a span's
 * transactions with their splits. */

typedef struct {
  GPtrArray       *list;       /* of DaftariAccount*, every one, archived too */
  DaftariAccount **by_id;      /* index: account id */
  gint64           n_ids;      /* largest id + 1 */
  gint64           charges_id; /* the "M-PESA & bank charges" category, 0 if none */
} DaftariReportAccounts;

DaftariReportAccounts *daftari_report_accounts_new  (DaftariBook           *book,
                                                     GError               **error);
void                   daftari_report_accounts_free (DaftariReportAccounts *accounts);
/* NULL for an id that is no account. */
DaftariAccount        *daftari_report_account       (const DaftariReportAccounts *accounts,
                                                     gint64                 id);
gboolean               daftari_report_is_wallet     (const DaftariReportAccounts *accounts,
                                                     gint64                 id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariReportAccounts, daftari_report_accounts_free)

typedef struct {
  gint64 amount;               /* in the account's commodity */
  gint64 value;                /* in the book currency */
} DaftariReportSum;

/* Each account's movement over [from_ts, to_ts] (G_MININT64: from the
 * start), indexed by account id (accounts->n_ids entries, g_free them).
 * Whole months come from account_month, the ragged ends from the splits. */
DaftariReportSum *daftari_report_sums (DaftariBook                 *book,
                                       const DaftariReportAccounts *accounts,
                                       gint64                       from_ts,
                                       gint64                       to_ts,
                                       GError                     **error);

/* One transaction of a scan; the texts only when asked for. */
typedef struct {
  gint64          id;
  gint64          ts;
  DaftariTxnKind  kind;
  const char     *memo;
  const char     *payee;
  const char     *channel;
  const char     *counterparty;
  const char     *reference;
  GArray         *splits;      /* of DaftariSplit, in their order */
} DaftariReportTxn;

typedef gboolean (*DaftariReportTxnFunc) (const DaftariReportTxn *txn,
                                          gpointer                data,
                                          GError                **error);

typedef enum {
  DAFTARI_REPORT_SCAN_ALL,       /* every transaction, without texts */
  DAFTARI_REPORT_SCAN_TEXTS,     /* every transaction, with texts */
  DAFTARI_REPORT_SCAN_PAYEES,    /* with texts, those with a counterparty or payee */
  DAFTARI_REPORT_SCAN_TOUCHING,  /* without texts, those with a split on one account */
} DaftariReportScan;

/* The live transactions in [from_ts, to_ts] that `what` asks for, by time
 * then id (DAFTARI_REPORT_SCAN_TOUCHING: in no set order). touching: the account for DAFTARI_REPORT_SCAN_TOUCHING. */
gboolean daftari_report_scan (DaftariBook          *book,
                              gint64                from_ts,
                              gint64                to_ts,
                              DaftariReportScan     what,
                              gint64                touching,
                              DaftariReportTxnFunc  func,
                              gpointer              data,
                              GError              **error);

/* Fills sides (room for max) and returns how many wallet legs txn has, by
 * the flow rule (daftari-wallet-flow.h). */
guint    daftari_report_wallet_sides (const DaftariReportAccounts *accounts,
                                      const DaftariReportTxn      *txn,
                                      DaftariWalletSide           *sides,
                                      guint                        max);

/* Whole months inside [from_ts, to_ts]: FALSE when there is none. Otherwise
 * [*out_first, *out_last], which start at *out_start and end before *out_end;
 * the span's ragged ends are [from_ts, *out_start) and [*out_end, to_ts].
 * from_ts G_MININT64: from the start (*out_first 0, *out_start G_MININT64). */
gboolean daftari_report_whole_months (DaftariBook  *book,
                                      gint64        from_ts,
                                      gint64        to_ts,
                                      DaftariMonth *out_first,
                                      DaftariMonth *out_last,
                                      gint64       *out_start,
                                      gint64       *out_end);

/* Reads that must see one state of the book: BEGIN unless one is open. */
gboolean daftari_report_read_begin (DaftariBook *book,
                                    gboolean    *out_own,
                                    GError     **error);
void     daftari_report_read_end   (DaftariBook *book,
                                    gboolean     own);

/* A cached statement with ?1 and ?2 bound to a span (sql: a constant). */
sqlite3_stmt *daftari_report_prepare_period (DaftariBook  *book,
                                             const char   *sql,
                                             gint64        from_ts,
                                             gint64        to_ts,
                                             GError      **error);
/* Resets a statement stepped to rc; FALSE with the error unless it was done. */
gboolean      daftari_report_finish         (sqlite3_stmt *stmt,
                                             int           rc,
                                             GError      **error);

/* The charges of a transaction in the book currency (a refund is negative). */
gint64   daftari_report_charges_value (const DaftariReportAccounts *accounts,
                                       const DaftariReportTxn      *txn);

G_END_DECLS
