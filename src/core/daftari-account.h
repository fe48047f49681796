/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "daftari-book.h"

G_BEGIN_DECLS

typedef enum {
  /* Wallets: where money is held. */
  DAFTARI_ACCOUNT_MPESA,
  DAFTARI_ACCOUNT_BANK,
  DAFTARI_ACCOUNT_CASH,
  DAFTARI_ACCOUNT_CRYPTO,
  /* Categories. */
  DAFTARI_ACCOUNT_INCOME,
  DAFTARI_ACCOUNT_EXPENSE,
  /* Kept by Daftari itself. */
  DAFTARI_ACCOUNT_RECEIVABLE,
  DAFTARI_ACCOUNT_LIABILITY,
  DAFTARI_ACCOUNT_EQUITY,
} DaftariAccountKind;

/* Accounts Daftari needs to find whatever the user renames them to. */
#define DAFTARI_ROLE_RECEIVABLE "receivable"
#define DAFTARI_ROLE_VAT        "vat"
#define DAFTARI_ROLE_OPENING    "opening"
#define DAFTARI_ROLE_FULIZA     "fuliza"
#define DAFTARI_ROLE_CHARGES    "charges"
#define DAFTARI_ROLE_OTHER_EXPENSES "other-expenses"

typedef struct {
  gint64              id;
  char               *name;
  DaftariAccountKind  kind;
  const DaftariCommodity *commodity;
  char               *institution;       /* banks only */
  gboolean            allow_overdraft;
  gboolean            archived;
  char               *role;              /* NULL for the user's own accounts */
} DaftariAccount;

/* What a new account is made from; opening is in the account's commodity. */
typedef struct {
  const char         *name;
  DaftariAccountKind  kind;
  const char         *commodity;         /* NULL: the book currency (or BTC for crypto) */
  const char         *institution;
  gboolean            allow_overdraft;
  gint64              opening;           /* 0: none */
  gint64              opening_ts;
} DaftariAccountSpec;

GType           daftari_account_get_type      (void) G_GNUC_CONST;
DaftariAccount *daftari_account_copy          (const DaftariAccount *account);
void            daftari_account_free          (DaftariAccount       *account);

const char     *daftari_account_kind_to_string   (DaftariAccountKind kind);
gboolean        daftari_account_kind_from_string (const char         *text,
                                                  DaftariAccountKind *out_kind);
gboolean        daftari_account_kind_is_wallet   (DaftariAccountKind kind);
gboolean        daftari_account_kind_is_category (DaftariAccountKind kind);
/* Income, liabilities and equity grow with credits: show them sign-flipped. */
gboolean        daftari_account_kind_is_credit   (DaftariAccountKind kind);

/* "KCB", "Equity", "Co-op", ...: the canonical name, or NULL if unknown. */
const char     *daftari_institution_lookup       (const char *text);
const char *const *daftari_institution_all       (void);

gboolean        daftari_account_add          (DaftariBook               *book,
                                              const DaftariAccountSpec  *spec,
                                              gint64                    *out_id,
                                              GError                   **error);
DaftariAccount *daftari_account_get          (DaftariBook               *book,
                                              gint64                     id,
                                              GError                   **error);
DaftariAccount *daftari_account_find         (DaftariBook               *book,
                                              const char                *name,
                                              GError                   **error);
DaftariAccount *daftari_account_find_role    (DaftariBook               *book,
                                              const char                *role,
                                              GError                   **error);
/* Every account, wallets first, then categories, then Daftari's own. */
GPtrArray      *daftari_account_list         (DaftariBook               *book,
                                              gboolean                   include_archived,
                                              GError                   **error);
/* Renames a wallet or category and sets whether it may go below zero. */
gboolean        daftari_account_update       (DaftariBook               *book,
                                              gint64                     id,
                                              const char                *name,
                                              gboolean                   allow_overdraft,
                                              GError                   **error);
gboolean        daftari_account_set_archived (DaftariBook               *book,
                                              gint64                     id,
                                              gboolean                   archived,
                                              GError                   **error);

/* The categories and system accounts of a new book, in the book's language. */
gboolean        daftari_account_seed_defaults (DaftariBook              *book,
                                               GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariAccount, daftari_account_free)

G_END_DECLS
