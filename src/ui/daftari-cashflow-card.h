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
/* The same, computed in a worker thread over its own connection to the
 * book file (SQLite's WAL lets it read beside the window's): the window
 * never waits for it (about 0.1 s of processor time on a million
 * transactions, more on a busy machine). The rows shown stay until the new
 * ones are ready; a newer call cancels an older one still running; an
 * error is shown as the group's description. */
void     daftari_cashflow_card_fill_async (AdwPreferencesGroup *group,
                                           DaftariBook         *book);

G_END_DECLS
