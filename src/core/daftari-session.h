/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "daftari-book.h"
#include "daftari-ops.h"

G_BEGIN_DECLS

/* The open book as the window sees it. Pages never touch SQL: they read
 * through the core's queries and models and change the book only through
 * the session, which announces every change with ::changed so that every
 * page showing money can refresh. */
#define DAFTARI_TYPE_SESSION (daftari_session_get_type ())
G_DECLARE_FINAL_TYPE (DaftariSession, daftari_session, DAFTARI, SESSION, GObject)

DaftariSession *daftari_session_new            (DaftariBook               *book);
DaftariBook    *daftari_session_get_book       (DaftariSession            *self);
/* Emits ::changed; for changes made elsewhere (another page's core call). */
void            daftari_session_notify_changed (DaftariSession            *self);

/* Dry runs: the verdict posting would give, nothing written. */
gboolean        daftari_session_check_transfer (DaftariSession            *self,
                                                const DaftariTransferSpec *spec,
                                                GError                   **error);
gboolean        daftari_session_check_payment  (DaftariSession            *self,
                                                const DaftariPaySpec      *spec,
                                                GError                   **error);

gboolean        daftari_session_transfer       (DaftariSession            *self,
                                                const DaftariTransferSpec *spec,
                                                gint64                    *out_id,
                                                GError                   **error);
gboolean        daftari_session_pay            (DaftariSession            *self,
                                                const DaftariPaySpec      *spec,
                                                gint64                    *out_id,
                                                GError                   **error);
gboolean        daftari_session_void           (DaftariSession            *self,
                                                gint64                     txn_id,
                                                GError                   **error);
gboolean        daftari_session_unvoid         (DaftariSession            *self,
                                                gint64                     txn_id,
                                                GError                   **error);
gboolean        daftari_session_set_limit      (DaftariSession            *self,
                                                gint64                     limit,
                                                GError                   **error);

G_END_DECLS
