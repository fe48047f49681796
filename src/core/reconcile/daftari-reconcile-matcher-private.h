/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-reconcile-matcher.h"

G_BEGIN_DECLS

/* The matcher's insides, shared by its indexing (daftari-reconcile-matcher.c)
 * and its scoring (daftari-reconcile-score.c) only. */

/* Points (docs/reconcile.md). */
enum {
  POINTS_REF_EXACT = 77,
  POINTS_REF_CLOSE = 45,
  POINTS_REF_CLOSE_BESIDE_EXACT = 30,   /* the reference also names another open invoice exactly */
  POINTS_REF_SEQUENCE = 35,
  POINTS_PHONE = 40,
  POINTS_ALIAS = 40,
  POINTS_NAME_SAME = 40,
  POINTS_NAME_CLOSE = 25,
  POINTS_BOTH = 5,                      /* phone (or alias) and name agree */
  POINTS_MASKED = 10,
  POINTS_IDENTITY_MAX = 50,
  POINTS_AMOUNT_EXACT = 30,
  POINTS_AMOUNT_SEVERAL = 25,
  POINTS_AMOUNT_PARTIAL = 8,
  POINTS_AMOUNT_OVER = 10,
  POINTS_ONLY_OPEN = 15,
  POINTS_DATE_FITS = 5,
  POINTS_BEFORE_ISSUE = -30,
  POINTS_OTHER_PAYER = -20,
  AMBIGUITY_MARGIN = 20,                /* closer than this to the runner-up costs the difference */
  MAX_BY_AMOUNT = 40,                   /* more invoices owing one amount than this tell nothing */
  MAX_BY_NAME = 60,                     /* a one-word payer name shared by more says little */
  MAX_OPEN_FOR_PAIRS = 24,
  DATE_FITS_AFTER_DUE = 60,
};

#define NAME_SAME 0.97
#define NAME_CLOSE 0.88

typedef struct {
  DaftariReconcileInvoice pub;   /* number owned */
  char   *key;
  gint32  issue_jd, due_jd;
  guint   stamp;                 /* the scoring call that last saw it */
  guint32 ref_reasons;           /* in that call */
} Inv;

typedef struct {
  gint64  id;
  char   *name;                  /* normalised */
  char   *phone;
  GPtrArray *invoices;           /* of Inv*, open or not */
} Cust;

/* What the scoring call knows of a customer the payer may be. */
typedef struct {
  Cust   *cust;
  guint32 reasons;
  int     points;
} Ident;

struct _DaftariReconcileMatcher {
  GPtrArray  *invoices;          /* of Inv*, owned */
  GHashTable *invoice_by_id;     /* gint64* → Inv* */
  GHashTable *by_variant;        /* key or key with one deletion → GPtrArray of Inv* */
  GHashTable *by_sequence;       /* "*0042" → GPtrArray of Inv* */
  GHashTable *by_amount;         /* gint64* → GPtrArray of Inv* (outstanding) */
  GHashTable *customers;         /* gint64* → Cust*, owned */
  GHashTable *by_phone;          /* phone → GPtrArray of Cust* */
  GHashTable *by_phone_end;      /* its last three digits → GPtrArray of Cust*, for masked phones */
  GHashTable *by_name;           /* normalised name → GPtrArray of Cust* */
  GHashTable *by_token_pair;     /* "KAM|MWA" → GPtrArray of Cust* */
  GHashTable *by_token;          /* "KAM" → GPtrArray of Cust* */
  GHashTable *aliases;           /* "kind:key" → gint64 customer id (boxed) */
  GHashTable *rejected;          /* "txn:invoice" */
  guint       stamp;
};

/* Days since 1970-01-01 of a YYYYMMDD day. */
gint32 daftari_reconcile_julian (DaftariDay day);
/* "JOH", "KAM", "MWA" of "JOHN KAMAU MWANGI"; and "JOH|KAM" pairs. */
GPtrArray *daftari_reconcile_name_prefixes (const char *name);
char  *daftari_reconcile_pair_key (const char *a, const char *b);
char  *daftari_reconcile_rejected_key (gint64 txn_id, gint64 invoice_id);

G_END_DECLS
