/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* First run: create a book (business name, currency) or open one, then
 * choose a PIN or go on without. Emits ::create-book (name, currency),
 * ::open-requested, and ::pin-chosen (the PIN, or NULL to go on without). */
#define DAFTARI_TYPE_ONBOARDING (daftari_onboarding_get_type ())
G_DECLARE_FINAL_TYPE (DaftariOnboarding, daftari_onboarding, DAFTARI, ONBOARDING, AdwBin)

void daftari_onboarding_show_error (DaftariOnboarding *self,
                                    const char        *message);
void daftari_onboarding_ask_pin    (DaftariOnboarding *self,
                                    gboolean           keyring_ok);

G_END_DECLS
