/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "daftari-core.h"

G_BEGIN_DECLS

/* Everything shown while the book is unlocked: the sidebar, the pages and
 * the header. The window destroys it on lock, so no book data outlives
 * the lock in any widget. */
#define DAFTARI_TYPE_MAIN_VIEW (daftari_main_view_get_type ())
G_DECLARE_FINAL_TYPE (DaftariMainView, daftari_main_view, DAFTARI, MAIN_VIEW, AdwBin)

DaftariMainView *daftari_main_view_new            (DaftariSession  *session);
/* Shows the banner that asks for a PIN (or says no keyring is running). */
void             daftari_main_view_set_protection (DaftariMainView *self,
                                                   gboolean         keyring_ok,
                                                   gboolean         has_pin);
/* Runs a page action ("transfer", "pay", "search") on the page that has it. */
void             daftari_main_view_activate       (DaftariMainView *self,
                                                   const char      *action);
void             daftari_main_view_show_page      (DaftariMainView *self,
                                                   const char      *name);

G_END_DECLS
