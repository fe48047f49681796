/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a DaftariTxnFilter asks of a transaction `t`, shared by the queries
 * and the lazy list model so both always list the same rows. Parameters:
 * ?1 from_ts, ?2 to_ts, ?3 LIKE pattern or NULL, ?4 include voided,
 * ?7 category id or 0. The `+` keeps SQLite from driving the category test
 * through split_by_account (a scan of all its splits for every row): it
 * looks the few splits of `t` up by their primary key instead. */
#define DAFTARI_TXN_MATCH_SQL \
  " t.ts BETWEEN ?1 AND ?2 AND (?4 OR t.voided = 0)" \
  " AND (?7 = 0 OR EXISTS (SELECT 1 FROM split c WHERE c.txn_id = t.id AND +c.account_id = ?7))" \
  " AND (?3 IS NULL OR t.memo LIKE ?3 ESCAPE '\\' OR t.payee LIKE ?3 ESCAPE '\\'" \
  "      OR t.counterparty LIKE ?3 ESCAPE '\\' OR t.reference LIKE ?3 ESCAPE '\\')"

/* "%text%" with LIKE's own wildcards escaped, for ?3. */
char *daftari_query_like_pattern (const char *text);

G_END_DECLS
