/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "daftari-calendar.h"

G_BEGIN_DECLS

/* The matcher: open invoices, customers and learned aliases held in
 * memory with indexes (by invoice number and its one-slip neighbours, by
 * customer, by amount, by phone, by name), so each payment is scored
 * against a handful of candidates, never against every invoice. The book
 * (daftari-reconcile.c) and the scenario generator
 * (daftari-reconcile-scenario.c) feed the same matcher. docs/reconcile.md
 * gives the points. */

/* Why a candidate was proposed: a bit set. */
typedef enum {
  DAFTARI_MATCH_REF_EXACT       = 1 << 0,  /* the account reference is the invoice number */
  DAFTARI_MATCH_REF_CLOSE       = 1 << 1,  /* one typing slip away from the number */
  DAFTARI_MATCH_REF_SEQUENCE    = 1 << 2,  /* the number without its year */
  DAFTARI_MATCH_PHONE           = 1 << 3,  /* the payer's phone is the customer's */
  DAFTARI_MATCH_PHONE_MASKED    = 1 << 4,  /* a masked phone that fits the customer's */
  DAFTARI_MATCH_NAME_SAME       = 1 << 5,  /* the payer's name is the customer's */
  DAFTARI_MATCH_NAME_CLOSE      = 1 << 6,  /* much like it (order, initials, a name left out) */
  DAFTARI_MATCH_ALIAS           = 1 << 7,  /* a payer learned from an accepted match */
  DAFTARI_MATCH_AMOUNT_EXACT    = 1 << 8,  /* the amount is what the invoice still owes */
  DAFTARI_MATCH_AMOUNT_SEVERAL  = 1 << 9,  /* the amount settles several invoices exactly */
  DAFTARI_MATCH_AMOUNT_PARTIAL  = 1 << 10, /* less than is owed */
  DAFTARI_MATCH_AMOUNT_OVER     = 1 << 11, /* a little more than is owed: the rest is credit */
  DAFTARI_MATCH_ONLY_OPEN       = 1 << 12, /* the customer's only invoice the amount fits */
  DAFTARI_MATCH_DATE_FITS       = 1 << 13, /* paid after the issue, around the due date */
  DAFTARI_MATCH_BEFORE_ISSUE    = 1 << 14, /* paid before the invoice was issued */
  DAFTARI_MATCH_AMBIGUOUS       = 1 << 15, /* another candidate is nearly as likely */
  DAFTARI_MATCH_OTHER_PAYER     = 1 << 16, /* the payer is known as another customer */
} DaftariMatchReason;

#define DAFTARI_MATCH_N_REASONS 17

/* "The account reference is the invoice number", translated. */
const char *daftari_match_reason_label (DaftariMatchReason reason);
/* "ref-exact", for JSON. */
const char *daftari_match_reason_key   (DaftariMatchReason reason);
/* The labels of every reason set, joined by "; ". */
char       *daftari_match_reasons_text (guint32 reasons);
/* "ref-exact,amount-exact": how the book stores them, and back. */
char       *daftari_match_reasons_keys (guint32 reasons);
guint32     daftari_match_reasons_parse (const char *keys);

typedef struct {
  gint64      id;
  gint64      customer_id;
  const char *number;        /* "INV-2026-0042" */
  int         year;          /* of the number */
  gint64      sequence;      /* of the number */
  gint64      outstanding;   /* what it still owes, > 0 */
  DaftariDay  issue_day;
  DaftariDay  due_day;
} DaftariReconcileInvoice;

typedef struct {
  gint64      txn_id;
  gint64      amount;        /* > 0, book currency minor units */
  DaftariDay  day;
  const char *name;          /* the payer as the statement names them, or NULL */
  const char *phone;         /* any Kenyan form, masked 2547******541, or NULL */
  const char *reference;     /* the Paybill account reference, or NULL */
} DaftariReconcilePayment;

typedef enum {
  DAFTARI_ALIAS_PHONE,
  DAFTARI_ALIAS_NAME,
  DAFTARI_ALIAS_REFERENCE,
} DaftariAliasKind;

const char *daftari_alias_kind_to_string (DaftariAliasKind kind);

#define DAFTARI_RECONCILE_MAX_INVOICES 8

/* One way to settle a payment: a customer's invoice(s) and how much of the
 * payment goes to each (what is left becomes the customer's credit). */
typedef struct {
  gint64   customer_id;
  guint    n_invoices;
  gint64   invoice_ids[DAFTARI_RECONCILE_MAX_INVOICES];
  gint64   allocations[DAFTARI_RECONCILE_MAX_INVOICES];
  int      score;        /* raw points, for ordering */
  int      confidence;   /* 0–100 */
  guint32  reasons;      /* DaftariMatchReason bits */
} DaftariReconcileCandidate;

typedef struct _DaftariReconcileMatcher DaftariReconcileMatcher;

DaftariReconcileMatcher *daftari_reconcile_matcher_new    (void);
void                     daftari_reconcile_matcher_free   (DaftariReconcileMatcher *matcher);

void     daftari_reconcile_matcher_add_customer (DaftariReconcileMatcher       *matcher,
                                                 gint64                         id,
                                                 const char                    *name,
                                                 const char                    *phone);
/* Copied; invoices owing nothing are ignored. */
void     daftari_reconcile_matcher_add_invoice  (DaftariReconcileMatcher       *matcher,
                                                 const DaftariReconcileInvoice *invoice);
/* key as the payer wrote it: normalised here the way payments are. */
void     daftari_reconcile_matcher_add_alias    (DaftariReconcileMatcher       *matcher,
                                                 DaftariAliasKind               kind,
                                                 const char                    *key,
                                                 gint64                         customer_id);
/* Never propose this invoice for this payment again. */
void     daftari_reconcile_matcher_reject       (DaftariReconcileMatcher       *matcher,
                                                 gint64                         txn_id,
                                                 gint64                         invoice_id);

/* The best candidates for a payment, best first, at most max_candidates
 * (of DaftariReconcileCandidate). */
GArray  *daftari_reconcile_matcher_candidates   (DaftariReconcileMatcher       *matcher,
                                                 const DaftariReconcilePayment *payment,
                                                 guint                          max_candidates);
/* Takes a settled candidate's allocations off its invoices' balances, so
 * later payments see what is still owed. */
void     daftari_reconcile_matcher_apply        (DaftariReconcileMatcher       *matcher,
                                                 const DaftariReconcileCandidate *candidate);
/* What an invoice still owes in the matcher, 0 when unknown or paid. */
gint64   daftari_reconcile_matcher_outstanding  (DaftariReconcileMatcher       *matcher,
                                                 gint64                         invoice_id);

/* The normalised keys aliases are stored under: "254712345678",
 * "JOHN KAMAU", "ACME LTD". NULL when there is nothing to learn. */
char    *daftari_alias_key                      (DaftariAliasKind               kind,
                                                 const char                    *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariReconcileMatcher, daftari_reconcile_matcher_free)

G_END_DECLS
