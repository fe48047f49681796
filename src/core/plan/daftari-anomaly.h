/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-book.h"
#include "daftari-calendar.h"

G_BEGIN_DECLS

/* Anomaly flags (docs/planning.md): transactions and months that deserve a
 * second look. Each says why, with the figures, and has a stable key by
 * which it can be dismissed for good. */
typedef enum {
  DAFTARI_ANOMALY_AMOUNT,      /* far above its category's or payee's usual amounts */
  DAFTARI_ANOMALY_DUPLICATE,   /* the same amount to the same payee shortly before */
  DAFTARI_ANOMALY_NEW_PAYEE,   /* a first payment to a payee, and a large one */
  DAFTARI_ANOMALY_MONTH,       /* a category's month far above its forecast */
} DaftariAnomalyKind;

/* The thresholds, documented in docs/planning.md. */
#define DAFTARI_ANOMALY_MIN_CATEGORY_HISTORY 20    /* amounts before a category has a "usual" */
#define DAFTARI_ANOMALY_MIN_PAYEE_HISTORY    8     /* payments before a payee has one */
#define DAFTARI_ANOMALY_Z                    3.5   /* robust z on the log scale (Iglewicz & Hoaglin) */
#define DAFTARI_ANOMALY_MIN_SPREAD           0.1   /* a floor for the spread: ±10% */
#define DAFTARI_ANOMALY_MIN_RATIO            3.0   /* and at least 3× the median */
#define DAFTARI_ANOMALY_DUPLICATE_SECONDS    (24 * 3600)  /* and at least the median payment */
#define DAFTARI_ANOMALY_WARM_UP_DAYS         60    /* every payee is new in a book's first days */
#define DAFTARI_ANOMALY_NEW_PAYEE_QUANTILE   0.95  /* "large": the business's 95th percentile payment */
#define DAFTARI_ANOMALY_MIN_MONTHS           12    /* months of history before a month is judged */
#define DAFTARI_ANOMALY_MONTH_RATIO          1.5   /* above the 95% bound and 1.5× the forecast */

typedef struct {
  DaftariAnomalyKind kind;
  char              *key;            /* "amount:1234", "duplicate:1240", "new-payee:99", "month:17:202503" */
  gint64             txn_id;         /* 0 for a month */
  gint64             ts;             /* the transaction's time, or the month's start */
  gint64             category_id;
  DaftariMonth       month;          /* of the transaction, or the month flagged */
  gint64             amount;         /* book currency: the transaction's, or the month's total */
  gint64             usual;          /* the median, the earlier payment's amount, the forecast */
  gint64             related_txn_id; /* a duplicate's earlier payment */
  char              *payee;          /* who was paid, as people read it; "" if unknown */
  char              *message;        /* why, with the figures */
  gboolean           dismissed;
} DaftariAnomaly;

typedef struct {
  gint64       from_ts;              /* flags on transactions in [from_ts, to_ts]; */
  gint64       to_ts;                /* the usual is learned from the whole book */
  DaftariDay   today;                /* 0: today; sets the months judged */
  guint        months;               /* months judged against their forecast, up to today's (default 3; 0: none) */
  gboolean     include_dismissed;
} DaftariAnomalyOptions;

void        daftari_anomaly_options_init (DaftariAnomalyOptions *options);

GType       daftari_anomaly_get_type     (void) G_GNUC_CONST;
DaftariAnomaly *daftari_anomaly_copy     (const DaftariAnomaly *anomaly);
void        daftari_anomaly_free         (DaftariAnomaly        *anomaly);
const char *daftari_anomaly_kind_to_string (DaftariAnomalyKind kind);

/* The flags, oldest first. One pass over the book's income and expense rows. */
GPtrArray  *daftari_anomaly_find         (DaftariBook                 *book,
                                          const DaftariAnomalyOptions *options,
                                          GError                     **error);
/* Sets a flag aside for good (or brings it back). */
gboolean    daftari_anomaly_dismiss      (DaftariBook  *book,
                                          const char   *key,
                                          GError      **error);
gboolean    daftari_anomaly_restore      (DaftariBook  *book,
                                          const char   *key,
                                          GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariAnomaly, daftari_anomaly_free)

G_END_DECLS
