/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DAFTARI_TYPE_APPLICATION (daftari_application_get_type ())
G_DECLARE_FINAL_TYPE (DaftariApplication, daftari_application, DAFTARI, APPLICATION, AdwApplication)

DaftariApplication *daftari_application_new          (void);
GSettings          *daftari_application_get_settings (DaftariApplication *self);

G_END_DECLS
