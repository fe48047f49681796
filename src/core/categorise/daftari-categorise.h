/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-book.h"
#include "daftari-categorise-features.h"

G_BEGIN_DECLS

/* Category suggestions: the user's rules first, then what the book's own
 * history teaches (docs/categorise.md). */

/* A learned suggestion at or above this confidence is applied by imports
 * and by `categorise --apply`; below it, it is only shown. Rules are 100. */
#define DAFTARI_CATEGORISE_THRESHOLD 80

typedef enum {
  DAFTARI_SUGGESTION_NONE,     /* nothing to suggest */
  DAFTARI_SUGGESTION_RULE,
  DAFTARI_SUGGESTION_LEARNED,
} DaftariSuggestionSource;

typedef struct {
  gint64                  category_id;  /* 0 with NONE */
  guint                   confidence;   /* 0–100 */
  DaftariSuggestionSource source;
  char                   *why;          /* "rule: Paybill 888880", "learned from 12 similar payments" */
} DaftariSuggestion;

void        daftari_suggestion_clear          (DaftariSuggestion *suggestion);
const char *daftari_suggestion_source_to_string (DaftariSuggestionSource source);

/* Holds a book's rules and, once a rule does not decide, a model trained on
 * its history: make one per import or per command, not per payment. Adds
 * the default rules the first time a book uses rules (a write). */
typedef struct _DaftariCategoriser DaftariCategoriser;

DaftariCategoriser *daftari_categoriser_new     (DaftariBook         *book,
                                                 GError             **error);
void                daftari_categoriser_free    (DaftariCategoriser  *self);
/* The fallback categories, "Other expenses" and "Other income": where
 * money nobody sorted sits; never suggested, never learned from. */
gboolean            daftari_categoriser_is_fallback (DaftariCategoriser *self,
                                                     gint64              category_id);

/* The categorised history the model learns from (daftari-categorise-data.h),
 * its documents marked with the category a rule gives them when with_rules. */
struct _DaftariCategoriseData *daftari_categoriser_history (DaftariCategoriser *self,
                                                            gboolean            with_rules,
                                                            GError            **error);

gboolean            daftari_categoriser_suggest (DaftariCategoriser              *self,
                                                 const DaftariCategoriseFeatures *features,
                                                 DaftariSuggestion               *out,
                                                 GError                         **error);
/* For a posted transaction: its one category (out_category, 0 when it has
 * none or several: then nothing is suggested) and the suggestion. */
gboolean            daftari_categoriser_suggest_txn (DaftariCategoriser *self,
                                                     const DaftariTxn   *txn,
                                                     gint64             *out_category,
                                                     DaftariSuggestion  *out,
                                                     GError            **error);

/* A transaction sitting in a fallback category, and what it could be. */
typedef struct {
  gint64            txn_id;
  gint64            category_id;   /* where it is now */
  DaftariSuggestion suggestion;
} DaftariCategorisePending;

void       daftari_categorise_pending_free (DaftariCategorisePending *pending);
/* Every live transaction in a fallback category with a suggestion of
 * another category (confidence above 0), oldest first. */
GPtrArray *daftari_categorise_pending      (DaftariCategoriser  *self,
                                            GError             **error);
/* Moves each pending transaction whose suggestion is at least threshold to
 * its suggested category, through daftari_ledger_replace (the audit trail
 * keeps what it was), as one write: all or nothing. */
gboolean   daftari_categorise_apply        (DaftariBook         *book,
                                            GPtrArray           *pending,
                                            guint                threshold,
                                            guint               *out_applied,
                                            GError             **error);

/* Files a transaction under another category: its (non-fee) splits in
 * from_category move to to_category, in one write with an audit record,
 * through the ledger's rules. The user's own correction, and what the
 * classifier learns from next time. */
gboolean   daftari_categorise_move         (DaftariBook         *book,
                                            gint64               txn_id,
                                            gint64               from_category,
                                            gint64               to_category,
                                            GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariCategoriser, daftari_categoriser_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DaftariSuggestion, daftari_suggestion_clear)

G_END_DECLS
