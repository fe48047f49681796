/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "daftari-book.h"

G_BEGIN_DECLS

/* Transactions as CSV for analysis and machine learning: one row per wallet
 * leg of each live transaction in [from_ts, to_ts] (a transfer gives two
 * rows, one per wallet; an entry that touches no wallet, such as issuing an
 * invoice, gives none), oldest first. RFC 4180, CRLF, UTF-8, amounts as
 * plain decimals with a dot. The schema (docs/reports.md) is stable: new
 * columns are only ever added at the end. Streams: memory does not grow
 * with the book. */

#define DAFTARI_EXPORT_CSV_HEADER \
  "date,time,weekday,month,wallet,channel,counterparty,category,money_in,money_out,fee,balance," \
  "source,txn_id,currency,kind,payee,reference,memo"

gboolean daftari_export_csv (DaftariBook    *book,
                             gint64          from_ts,
                             gint64          to_ts,
                             GOutputStream  *out,
                             guint64        *out_rows,
                             GCancellable   *cancellable,
                             GError        **error);

G_END_DECLS
