/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-book.h"
#include "daftari-calendar.h"
#include "daftari-txn.h"

G_BEGIN_DECLS

/* Read-only questions about a book. Balances come from the per-month totals
 * the ledger keeps plus at most one month of splits, so they cost the same
 * on a book of a thousand transactions or a million. */

gboolean   daftari_query_balance         (DaftariBook  *book,
                                          gint64        account_id,
                                          gint64        as_of_ts,
                                          gint64       *out_amount,
                                          GError      **error);
gboolean   daftari_query_current_balance (DaftariBook  *book,
                                          gint64        account_id,
                                          gint64       *out_amount,
                                          GError      **error);

typedef struct {
  gint64      from_ts;          /* inclusive; G_MININT64 for no bound */
  gint64      to_ts;            /* inclusive; G_MAXINT64 for no bound */
  gint64      account_id;       /* 0: any; else touching this account */
  gint64      category_id;      /* 0: any; else touching this one too */
  const char *text;             /* NULL: any; else found in memo, payee, number or reference */
  gboolean    include_voided;
  guint       limit;            /* 0: all; else the latest this many */
} DaftariTxnFilter;

void       daftari_txn_filter_init       (DaftariTxnFilter *filter);
/* The matching transactions, oldest first. */
GPtrArray *daftari_query_transactions    (DaftariBook            *book,
                                          const DaftariTxnFilter *filter,
                                          GError                **error);

typedef struct {
  gint64 account_id;
  gint64 value;                 /* in the book currency, as the ledger signs it */
} DaftariAccountTotal;

/* Income and expense totals of one month, one entry per category used. */
GArray    *daftari_query_month_totals    (DaftariBook  *book,
                                          DaftariMonth  month,
                                          GError      **error);

/* One account's total per month from first to last (inclusive), in the book
 * currency, as values of gint64, months with nothing being 0. Signed as
 * people read them: income, liabilities and equity come out positive when
 * they grow (daftari_account_kind_is_credit). */
GArray    *daftari_query_monthly_series  (DaftariBook  *book,
                                          gint64        account_id,
                                          DaftariMonth  first,
                                          DaftariMonth  last,
                                          GError      **error);
/* The first month with any money in the account, or 0 if none. */
DaftariMonth daftari_query_first_month   (DaftariBook  *book,
                                          gint64        account_id,
                                          GError      **error);

G_END_DECLS
