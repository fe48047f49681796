/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One row of a DaftariLedgerModel: a transaction as a list shows it, with
 * every text already formatted. Items are immutable; a change in the book
 * reaches the list as new items after daftari_ledger_model_refresh(). */

#define DAFTARI_TYPE_LEDGER_ITEM (daftari_ledger_item_get_type ())
G_DECLARE_FINAL_TYPE (DaftariLedgerItem, daftari_ledger_item, DAFTARI, LEDGER_ITEM, GObject)

gint64      daftari_ledger_item_get_id           (DaftariLedgerItem *self);
gint64      daftari_ledger_item_get_ts           (DaftariLedgerItem *self);
/* "2025-03-07", in the book's time zone. */
const char *daftari_ledger_item_get_date         (DaftariLedgerItem *self);
/* daftari_txn_kind_to_string(): "income", "transfer", ... */
const char *daftari_ledger_item_get_kind         (DaftariLedgerItem *self);
/* The memo, else the payee, else the counterparty ("Till 532100"), else the kind. */
const char *daftari_ledger_item_get_description  (DaftariLedgerItem *self);
/* "M-PESA → KCB Business": where the money left and where it went, fees aside. */
const char *daftari_ledger_item_get_accounts     (DaftariLedgerItem *self);
/* In a model filtered to one account, that account's change in its own
 * commodity (as people read it: credit accounts such as income sign-flipped);
 * otherwise the transaction's principal in the book currency. A void has
 * moved nothing (its splits are gone): amount "" and amount-minor 0, and
 * accounts "". */
const char *daftari_ledger_item_get_amount       (DaftariLedgerItem *self);
gint64      daftari_ledger_item_get_amount_minor (DaftariLedgerItem *self);
/* The account's balance after this row in a model filtered to one account,
 * signed like the amount; "" and 0 otherwise. */
const char *daftari_ledger_item_get_balance      (DaftariLedgerItem *self);
gint64      daftari_ledger_item_get_balance_minor (DaftariLedgerItem *self);
gboolean    daftari_ledger_item_get_voided       (DaftariLedgerItem *self);
/* Whether a receipt (an attachment) is kept with the transaction. */
gboolean    daftari_ledger_item_get_has_receipt  (DaftariLedgerItem *self);

G_END_DECLS
