/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-page.h"

G_BEGIN_DECLS

/* The business at a glance: all wallets' total, each wallet, this month
 * against the last, and the latest transactions. */
#define DAFTARI_TYPE_DASHBOARD_PAGE (daftari_dashboard_page_get_type ())
G_DECLARE_FINAL_TYPE (DaftariDashboardPage, daftari_dashboard_page, DAFTARI, DASHBOARD_PAGE, DaftariPage)

G_END_DECLS
