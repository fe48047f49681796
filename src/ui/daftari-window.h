/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "daftari-application.h"
#include "daftari-core.h"
#include "daftari-pin.h"

G_BEGIN_DECLS

#define DAFTARI_TYPE_WINDOW (daftari_window_get_type ())
G_DECLARE_FINAL_TYPE (DaftariWindow, daftari_window, DAFTARI, WINDOW, AdwApplicationWindow)

/* A window for the book at book_path: welcomes a new user when there is no
 * book there yet, asks for the PIN when the book has one. */
DaftariWindow  *daftari_window_new              (DaftariApplication *app,
                                                 const char         *book_path);
DaftariSession *daftari_window_get_session      (DaftariWindow      *self);
gboolean        daftari_window_is_locked        (DaftariWindow      *self);
void            daftari_window_lock             (DaftariWindow      *self);
void            daftari_window_show_preferences (DaftariWindow      *self);
void            daftari_window_add_toast        (DaftariWindow      *self,
                                                 AdwToast           *toast);
/* For tests: the PIN store of the open book, and the last toast shown. */
DaftariPinStore *daftari_window_get_pin_store   (DaftariWindow      *self);
AdwToast        *daftari_window_get_last_toast  (DaftariWindow      *self);
/* Called after the PIN was set, changed or removed elsewhere. */
void            daftari_window_pin_changed      (DaftariWindow      *self);

G_END_DECLS
