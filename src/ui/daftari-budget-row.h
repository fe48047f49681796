/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "daftari-core.h"
#include "daftari-budget.h"

G_BEGIN_DECLS

/* One budget as a row: the category, "KES 8,000.00 of KES 10,000.00 ·
 * ahead of the month's pace", a bar in the accent, warning or error colour
 * by the core's verdict, and the share spent. Suffixes added afterwards
 * (a Remove button) come after these. */
GtkWidget *daftari_budget_row_new (const DaftariCommodity  *currency,
                                   const DaftariBudgetLine *line);

G_END_DECLS
