/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "daftari-anomaly.h"

G_BEGIN_DECLS

/* The open anomaly flags on transactions since from_ts, found in a worker
 * thread over its own connection to the book file: the scan reads every
 * income and expense leg (about 0.6 s on a million transactions), which the
 * window must not wait for. SQLite's WAL lets it read beside the window's
 * own connection, seeing the book as of the last commit. */
void       daftari_report_flags_find_async  (const char          *book_path,
                                             gint64               from_ts,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
/* The flags (of DaftariAnomaly*), oldest first, or NULL with error. */
GPtrArray *daftari_report_flags_find_finish (GAsyncResult        *result,
                                             GError             **error);

G_END_DECLS
