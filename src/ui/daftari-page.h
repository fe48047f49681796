/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "daftari-core.h"

G_BEGIN_DECLS

/* What every page of the window shares: the session it shows, given at
 * construction, and a refresh whenever the book changes. A page subclasses
 * it and implements refresh(), called once the session is set and after
 * every change. */
#define DAFTARI_TYPE_PAGE (daftari_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (DaftariPage, daftari_page, DAFTARI, PAGE, AdwBin)

struct _DaftariPageClass {
  AdwBinClass parent_class;

  /* The session is set: build what depends on it (optional). */
  void (*session_set) (DaftariPage *self);
  /* The book changed: show it again. */
  void (*refresh)     (DaftariPage *self);
};

DaftariSession *daftari_page_get_session (DaftariPage *self);
DaftariBook    *daftari_page_get_book    (DaftariPage *self);
/* The window the page is in, for dialogs' transient-for. */
GtkWindow      *daftari_page_get_window  (DaftariPage *self);
/* Shows a notification in the window (takes the floating toast). */
void            daftari_page_toast       (DaftariPage *self,
                                          AdwToast    *toast);
void            daftari_page_toast_text  (DaftariPage *self,
                                          const char  *text);

G_END_DECLS
