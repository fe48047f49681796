/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-import-error.h"

G_DEFINE_QUARK (daftari-import-error-quark, daftari_import_error)
