/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "daftari-core.h"
#include "daftari-pin.h"

G_BEGIN_DECLS

typedef struct _DaftariWindow DaftariWindow;

/* Per-transaction limit, auto-lock, the PIN, and crypto / currency rates. */
#define DAFTARI_TYPE_PREFERENCES (daftari_preferences_get_type ())
G_DECLARE_FINAL_TYPE (DaftariPreferences, daftari_preferences, DAFTARI, PREFERENCES, AdwPreferencesWindow)

DaftariPreferences *daftari_preferences_new (DaftariWindow   *window,
                                             DaftariSession  *session,
                                             DaftariPinStore *pin_store,
                                             GSettings       *settings,
                                             gboolean         keyring_ok);

G_END_DECLS
