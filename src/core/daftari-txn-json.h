/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-txn.h"

G_BEGIN_DECLS

/* The stable JSON form of a transaction: what the audit trail keeps as
 * "before" and "after", so a void can be undone from it. */
char       *daftari_txn_to_json   (const DaftariTxn  *txn);
DaftariTxn *daftari_txn_from_json (const char        *json,
                                   GError           **error);

G_END_DECLS
