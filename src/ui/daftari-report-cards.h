/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "daftari-core.h"

G_BEGIN_DECLS

/* The dashboard's report cards, each filling one preferences group (rows
 * added with daftari_ui_group_add, so a refresh clears them). */

/* This month's income and expense categories against last month, the
 * largest first. */
gboolean daftari_report_cards_categories (AdwPreferencesGroup *group,
                                          DaftariBook         *book,
                                          DaftariMonth         month,
                                          GError             **error);
/* Each budget of this month with a level bar and its pace warning; a
 * sentence on how to set one when there are none. */
gboolean daftari_report_cards_budgets    (AdwPreferencesGroup *group,
                                          DaftariBook         *book,
                                          GError             **error);
/* The newest open anomaly flags (of DaftariAnomaly*), each with a Dismiss
 * button whose ::clicked goes to on_dismiss (the flag's key is the
 * button's "anomaly-key" data). */
void     daftari_report_cards_flags      (AdwPreferencesGroup *group,
                                          DaftariBook         *book,
                                          GPtrArray           *flags,
                                          GCallback            on_dismiss,
                                          gpointer             user_data);

G_END_DECLS
