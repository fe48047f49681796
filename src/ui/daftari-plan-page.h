/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-page.h"

G_BEGIN_DECLS

/* Planning: the recurring transactions (add, edit, pause, delete, and post
 * what fell due, with undo), what is coming in the next 30 days, and a
 * month's budgets against what was spent, with the core's pace warning. */
#define DAFTARI_TYPE_PLAN_PAGE (daftari_plan_page_get_type ())
G_DECLARE_FINAL_TYPE (DaftariPlanPage, daftari_plan_page, DAFTARI, PLAN_PAGE, DaftariPage)

/* The month whose budgets are shown. */
DaftariMonth daftari_plan_page_get_month (DaftariPlanPage *self);

G_END_DECLS
