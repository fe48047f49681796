/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "daftari-book.h"
#include "daftari-import-row.h"

G_BEGIN_DECLS

/* What became of one item of an import (a row, with the statement charge
 * rows merged into it), for the preview. */
typedef enum {
  DAFTARI_IMPORT_NEW,        /* posted (or, dry, would be) */
  DAFTARI_IMPORT_DUPLICATE,  /* already in the wallet, from this source or another */
  DAFTARI_IMPORT_HELD,       /* over the per-transaction limit: kept for review */
  DAFTARI_IMPORT_REJECTED,   /* refused: see message */
} DaftariImportFate;

typedef struct {
  guint             line;         /* in the source, as the parser numbered it */
  gint64            ts;
  gint64            amount;       /* signed, in the wallet's commodity: + into the wallet */
  gint64            fee;          /* its charge, merged charge rows included */
  /* The strings belong to the result (DaftariImportResult.texts). */
  const char       *receipt;
  const char       *description;  /* the counterparty, else the source's text: for people */
  DaftariImportFate fate;
  const char       *message;      /* why, for held and rejected rows; else NULL */
  gint64            category_id;  /* new rows: the category chosen (a charge alone: the charges
                                   * account), else 0 (duplicates, Fuliza, transfers, reversals) */
  int               confidence;   /* of that category: 100 a rule, a learned one's confidence,
                                   * 0 the default */
} DaftariImportOutcome;

/* What one import did (or, dry, would do). Every parsed row is counted once
 * in n_new, n_duplicate, n_held or n_rejected; n_skipped and part of
 * n_rejected are the parser's problems (docs/import.md). */
typedef struct {
  gint64     batch_id;      /* the import_batch row; in a dry run, the one it would have been */
  guint      n_rows;        /* rows the parser read */
  guint      n_new;         /* posted (a statement charge merged into its payment counts as posted) */
  guint      n_duplicate;   /* already in the wallet, from this source or another */
  guint      n_skipped;     /* the parser's skipped problems (failed, promotions, balance breaks) */
  guint      n_held;        /* over the per-transaction limit: kept for review, not posted */
  guint      n_rejected;    /* the parser's rejected records, and rows the ledger refused */
  GPtrArray *warnings;      /* of char*: every message worth reading, in order */
  guint      n_by_rule;     /* posted rows whose category a rule chose (docs/categorise.md) */
  guint      n_learned;     /* posted rows whose category was a confident learned suggestion */
  gint64     adjustment_id; /* the balance adjustment booked (options.adjust_balance), or 0 */
  gint64     adjustment;    /* its amount into the wallet, signed, in the wallet's commodity */
  GArray    *outcomes;      /* of DaftariImportOutcome: one per item, in the file's order (dry runs too) */
  GStringChunk *texts;      /* the outcomes' strings */
} DaftariImportResult;

void daftari_import_result_free (DaftariImportResult *result);

/* Imports parsed rows into a wallet as one batch, atomically: either all of
 * its decisions land, or (error, cancel) nothing does. source_kind names the
 * parser ("mpesa-csv", "sms", "daraja"); file_name is kept for the record.
 * With dry_run the same decisions are made and rolled back. Rules:
 * docs/import.md. */
DaftariImportResult *daftari_import_rows (DaftariBook         *book,
                                          gint64               wallet_id,
                                          const char          *source_kind,
                                          const char          *file_name,
                                          DaftariImportParse  *parse,
                                          gboolean             dry_run,
                                          GCancellable        *cancellable,
                                          GError             **error);

/* How an import runs. */
typedef struct {
  gboolean dry_run;         /* make every decision, then roll it back */
  gboolean adjust_balance;  /* book a difference between the wallet and the source's last stated
                             * balance as a flagged adjustment in the same batch (docs/import.md) */
  /* Called from the import's thread, between chunks of rows (at most about
   * 100 times), and once at the end with done == total. total counts items
   * (a payment with its merged charge rows is one). Cancel through the
   * GCancellable: it is checked between chunks, and nothing is written. */
  void     (*progress) (guint done, guint total, gpointer user_data);
  gpointer progress_data;
} DaftariImportOptions;

/* daftari_import_rows with options (NULL: the defaults, all FALSE). */
DaftariImportResult *daftari_import_rows_full (DaftariBook                *book,
                                               gint64                      wallet_id,
                                               const char                 *source_kind,
                                               const char                 *file_name,
                                               DaftariImportParse         *parse,
                                               const DaftariImportOptions *options,
                                               GCancellable               *cancellable,
                                               GError                    **error);

/* A row held for review (over the per-transaction limit when imported). */
typedef struct {
  gint64  id;               /* its import_row */
  gint64  batch_id;
  gint64  wallet_id;
  char   *receipt;
  gint64  ts;
  gint64  amount;           /* signed, in the wallet's commodity: + into the wallet */
  gint64  fee;              /* its charge, merged charge rows included */
  char   *kind;             /* daftari_mpesa_kind_to_string */
  char   *counterparty;
  char   *details;          /* the source's own text */
} DaftariImportHeld;

void       daftari_import_held_free    (DaftariImportHeld *held);
/* Held rows, oldest first; wallet_id and batch_id 0 for any (of DaftariImportHeld*). */
GPtrArray *daftari_import_held_list    (DaftariBook  *book,
                                        gint64        wallet_id,
                                        gint64        batch_id,
                                        GError      **error);
/* Posts a held row now, as its import would have: the limit is checked
 * again (there is no override; raise the limit, or record it split by hand
 * and dismiss it); a refusal gives the ledger's reason and writes nothing.
 * The transaction joins the row's batch, so undoing the import removes it. */
gboolean   daftari_import_held_post    (DaftariBook  *book,
                                        gint64        held_id,
                                        gint64       *out_txn_id,
                                        GError      **error);
/* Forgets a held row: nothing is posted; importing its file again holds it again. */
gboolean   daftari_import_held_dismiss (DaftariBook  *book,
                                        gint64        held_id,
                                        GError      **error);

/* Voids every transaction the batch posted (its opening balance too), in
 * one write, and forgets its rows, so the same file can be imported again. */
gboolean daftari_import_undo (DaftariBook  *book,
                              gint64        batch_id,
                              GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariImportResult, daftari_import_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariImportHeld, daftari_import_held_free)

G_END_DECLS
