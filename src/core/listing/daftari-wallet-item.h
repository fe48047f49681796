/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "daftari-book.h"

G_BEGIN_DECLS

/* One wallet (M-PESA, a bank account, cash, crypto) with its balance, for
 * the wallets list. Items are immutable: after a write, reload the list. */

#define DAFTARI_TYPE_WALLET_ITEM (daftari_wallet_item_get_type ())
G_DECLARE_FINAL_TYPE (DaftariWalletItem, daftari_wallet_item, DAFTARI, WALLET_ITEM, GObject)

gint64      daftari_wallet_item_get_id            (DaftariWalletItem *self);
const char *daftari_wallet_item_get_name          (DaftariWalletItem *self);
/* "mpesa", "bank", "cash" or "crypto". */
const char *daftari_wallet_item_get_kind          (DaftariWalletItem *self);
/* The bank ("KCB"), or "" for other wallets. */
const char *daftari_wallet_item_get_institution   (DaftariWalletItem *self);
/* The commodity code: "KES", "BTC". */
const char *daftari_wallet_item_get_commodity     (DaftariWalletItem *self);
/* "BTC 0.01500000": the balance in the wallet's own commodity. */
const char *daftari_wallet_item_get_balance       (DaftariWalletItem *self);
gint64      daftari_wallet_item_get_balance_minor (DaftariWalletItem *self);
/* The balance in the book currency at the latest rate entered; "" (and 0)
 * when the wallet's commodity has no rate yet (has-rate is then FALSE). */
const char *daftari_wallet_item_get_value         (DaftariWalletItem *self);
gint64      daftari_wallet_item_get_value_minor   (DaftariWalletItem *self);
gboolean    daftari_wallet_item_get_has_rate      (DaftariWalletItem *self);
gboolean    daftari_wallet_item_get_archived      (DaftariWalletItem *self);
/* A symbolic icon of Adwaita (GNOME 43) for the kind of wallet:
 * "phone-symbolic" (M-PESA), "auth-smartcard-symbolic" (bank),
 * "package-x-generic-symbolic" (cash: a cash box), "channel-secure-symbolic" (crypto). */
const char *daftari_wallet_item_get_icon_name     (DaftariWalletItem *self);

/* Every wallet of the book, archived ones included (filter on "archived"),
 * M-PESA first, then banks, cash and crypto, as daftari_account_list(). */
GListStore *daftari_wallet_list_new    (DaftariBook  *book,
                                        GError      **error);
/* Replaces list's items with the book's wallets now, in one items-changed. */
gboolean    daftari_wallet_list_reload (GListStore   *list,
                                        DaftariBook  *book,
                                        GError      **error);

G_END_DECLS
