/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The lock screen: a masked PIN entry. Emits ::unlock with what was typed
 * (wiped from the entry at once); the window answers with show_wrong,
 * set_wait or show_error. */
#define DAFTARI_TYPE_LOCK_PAGE (daftari_lock_page_get_type ())
G_DECLARE_FINAL_TYPE (DaftariLockPage, daftari_lock_page, DAFTARI, LOCK_PAGE, AdwBin)

void daftari_lock_page_reset      (DaftariLockPage *self,
                                   const char      *business_name);
void daftari_lock_page_focus      (DaftariLockPage *self);
void daftari_lock_page_show_wrong (DaftariLockPage *self,
                                   gint64           wait_seconds);
void daftari_lock_page_set_wait   (DaftariLockPage *self,
                                   gint64           wait_seconds);
void daftari_lock_page_show_error (DaftariLockPage *self,
                                   const char      *message);

G_END_DECLS
