/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "daftari-core.h"

G_BEGIN_DECLS

/* The dashboard's cash-flow outlook: the balance of every wallet expected
 * in a month and in two, with their 80% ranges, and the first day it is
 * likely (or could) fall below zero or the owner's floor. */
gboolean daftari_cashflow_card_fill (AdwPreferencesGroup *group,
                                     DaftariBook         *book,
                                     GError             **error);

G_END_DECLS
