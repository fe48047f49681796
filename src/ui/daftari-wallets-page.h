/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-page.h"

G_BEGIN_DECLS

/* The wallets with their balances, and the chosen wallet's (or all)
 * transactions over a lazy model of the book. Page actions: page.transfer,
 * page.pay, page.search, page.void, page.add-wallet, page.edit-wallet,
 * page.archive-wallet. */
#define DAFTARI_TYPE_WALLETS_PAGE (daftari_wallets_page_get_type ())
G_DECLARE_FINAL_TYPE (DaftariWalletsPage, daftari_wallets_page, DAFTARI, WALLETS_PAGE, DaftariPage)

G_END_DECLS
