/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-account.h"
#include "daftari-book.h"
#include "daftari-calendar.h"

G_BEGIN_DECLS

/* The figures of the dashboard and of `daftari-cli summary`, computed once. */

typedef struct {
  DaftariAccount *account;
  gint64          balance;     /* in the wallet's commodity */
  gint64          value;       /* in the book currency, at the latest rate */
  gboolean        has_rate;    /* FALSE: a crypto wallet with no rate yet */
} DaftariWalletBalance;

typedef struct {
  gint64 in;                   /* income, book currency */
  gint64 out;                  /* expenses, book currency */
} DaftariMonthFlow;

typedef struct {
  GArray          *wallets;    /* of DaftariWalletBalance, live wallets only */
  gint64           total;      /* the wallets that have a value, in the book currency */
  DaftariMonth     month;
  DaftariMonthFlow this_month;
  DaftariMonthFlow last_month;
} DaftariSummary;

DaftariSummary *daftari_summary_compute   (DaftariBook       *book,
                                           gint64             now,
                                           GError           **error);
gboolean        daftari_summary_month_flow (DaftariBook      *book,
                                            DaftariMonth      month,
                                            DaftariMonthFlow *out_flow,
                                            GError          **error);
void            daftari_summary_free      (DaftariSummary    *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariSummary, daftari_summary_free)

G_END_DECLS
