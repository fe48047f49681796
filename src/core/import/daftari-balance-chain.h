/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "daftari-import-row.h"

G_BEGIN_DECLS

/* The running-balance check of a statement (M-PESA CSV and PDF, bank CSV):
 * balance[i] = balance[i−1] + amount[i], oldest first. The chain lists the
 * parse's rows in file order (indices into parse->rows), with
 * DAFTARI_BALANCE_CHAIN_GAP where a record could not be read (its amount is
 * unknown, so the check starts again after it). Files may be newest or
 * oldest first; rows of one second (or, in bank files, of one day) may be
 * printed in any order and are checked as a set. Every row that breaks the
 * chain is added to the parse as a skipped problem naming its time,
 * receipt and amount; after a break the check goes on from what the file
 * states, so one bad row is one warning. */
#define DAFTARI_BALANCE_CHAIN_GAP G_MAXUINT

void daftari_balance_chain_check (DaftariImportParse *parse,
                                  GArray             *chain);

G_END_DECLS
