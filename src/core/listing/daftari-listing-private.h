/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-account.h"
#include "daftari-ledger-item.h"
#include "daftari-ledger-model.h"

G_BEGIN_DECLS

/* For the listing area's own files and its tests. */

/* Rows fetched together, and how many such pages a model keeps. */
#define DAFTARI_LEDGER_PAGE_SIZE 128
#define DAFTARI_LEDGER_MAX_PAGES 32

/* The model fills a new item's fields, which then never change. */
struct _DaftariLedgerItem {
  GObject     parent_instance;
  gint64      id;
  gint64      ts;
  char       *date;
  const char *kind;          /* static: daftari_txn_kind_to_string() */
  char       *description;
  char       *accounts;
  char       *amount;
  gint64      amount_minor;
  char       *balance;
  gint64      balance_minor;
  gboolean    voided;
  gboolean    has_receipt;
};

/* An item holding only its id (and empty texts), for a row whose page could
 * not be read. */
DaftariLedgerItem *daftari_ledger_item_new_placeholder (gint64 id);

/* How many pages of items the model holds now (at most DAFTARI_LEDGER_MAX_PAGES). */
guint daftari_ledger_model_get_cached_pages (DaftariLedgerModel *self);

/* What a model reads its rows with (daftari-ledger-rows.c). */
typedef struct {
  DaftariBook          *book;
  GHashTable           *accounts;   /* &id → DaftariAccount: names for "accounts" */
  const DaftariAccount *focus;      /* the filter's account: amounts and balances are its */
} DaftariLedgerRows;

/* The transactions filter matches (as daftari_query_transactions() would
 * list them; limit aside), newest first, each once; *out_n of them. */
gint64     *daftari_ledger_rows_load_ids      (DaftariBook             *book,
                                               const DaftariTxnFilter  *filter,
                                               guint                   *out_n,
                                               GError                 **error);
/* Every account by &id, archived ones included. */
GHashTable *daftari_ledger_rows_load_accounts (DaftariBook             *book,
                                               GError                 **error);
/* Makes items[0..n) for ids[0..n) (n at most DAFTARI_LEDGER_PAGE_SIZE, in
 * the model's order) with one query for the rows and one for their splits,
 * plus the running balances when there is a focus. */
gboolean    daftari_ledger_rows_fill          (DaftariLedgerRows       *rows,
                                               const gint64            *ids,
                                               guint                    n,
                                               DaftariLedgerItem      **items,
                                               GError                 **error);

G_END_DECLS
