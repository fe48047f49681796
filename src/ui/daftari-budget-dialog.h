/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "daftari-core.h"

G_BEGIN_DECLS

/* Sets an expense category's budget for one month or for every month, the
 * amount checked as it is typed. */
#define DAFTARI_TYPE_BUDGET_DIALOG (daftari_budget_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DaftariBudgetDialog, daftari_budget_dialog, DAFTARI, BUDGET_DIALOG, AdwWindow)

/* For month; category_id 0 for a new budget, else the one to change, with
 * its amount and whether it is the every-month one. */
DaftariBudgetDialog *daftari_budget_dialog_new (GtkWindow      *parent,
                                                DaftariSession *session,
                                                DaftariMonth    month,
                                                gint64          category_id,
                                                gint64          amount,
                                                gboolean        every_month);

/* "November 2026", in the user's language. */
char *daftari_budget_month_words (DaftariMonth month);

G_END_DECLS
