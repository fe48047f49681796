/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "daftari-import-row.h"

G_BEGIN_DECLS

/* The rows of an M-PESA statement, whatever it came in: the CSV reader and
 * the PDF reader each find the cells of a record and hand them here, so a
 * statement row means the same in both (docs/import.md). */

/* One record's cells, trimmed or not; "" for a column the file lacks. */
typedef struct {
  const char *receipt;
  const char *time;          /* 2024-11-29 19:37:59, EAT */
  const char *details;       /* may hold line breaks (wrapped) */
  const char *status;
  const char *paid_in;
  const char *withdrawn;     /* positive or negative, both mean money out */
  const char *balance;
  const char *other_party;   /* business CSV only */
  const char *linked;        /* business CSV only: the reversed receipt */
  const char *account;       /* business CSV only: A/C No. */
} DaftariStatementCells;

typedef struct _DaftariStatementBuilder DaftariStatementBuilder;

/* Rows go into parse. Keys are "<prefix>:<receipt>:<UTC s>:<cents>:<n>"
 * (daftari-mpesa-csv.h explains n). has_status: the file has a Transaction
 * Status column (then only Completed rows are rows). */
DaftariStatementBuilder *daftari_statement_builder_new  (DaftariImportParse          *parse,
                                                         const char                  *key_prefix,
                                                         gboolean                     has_status);
/* A row, a skipped problem (not completed) or a rejected one (unreadable,
 * which also breaks the balance chain). Returns the row or NULL. */
DaftariImportRow        *daftari_statement_builder_add  (DaftariStatementBuilder     *builder,
                                                         const DaftariStatementCells *cells,
                                                         guint                        line);
/* Moves tail's rows and problems (tail read the rest of the same file into
 * a parse of its own, its lines counted from 1) after b's, as if b had read
 * them: their lines move down by line_offset, and a key's count takes in
 * b's rows of the same receipt, time and amount. tail is left empty.
 * Afterwards b only checks balances: it takes no more rows. */
void                     daftari_statement_builder_append (DaftariStatementBuilder *b,
                                                           DaftariStatementBuilder *tail,
                                                           guint                    line_offset);
/* Checks the running balance over the rows added (daftari-balance-chain.h). */
void                     daftari_statement_builder_check_balances (DaftariStatementBuilder *builder);
void                     daftari_statement_builder_free (DaftariStatementBuilder     *builder);

/* 9–10 upper-case letters and digits. */
gboolean                 daftari_statement_is_receipt   (const char                  *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariStatementBuilder, daftari_statement_builder_free)

G_END_DECLS
