/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The heading people read above a section of a report table ("Income",
 * "Payees by Money Paid"), translated; NULL for sections that need none
 * (totals, or a report with a single section). The keys are the CSV
 * schema's (docs/reports.md). The Reports page and the report PDF both
 * use it, so the window and the paper say the same. */
const char *daftari_report_section_heading (const char *section);

G_END_DECLS
