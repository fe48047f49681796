/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-anomaly.h"

G_BEGIN_DECLS

/* The anomaly detectors share one scan of the book, held compactly: a
 * million rows are a few tens of megabytes, and every detector is a pass
 * over arrays rather than a query. */

typedef struct {
  gint64  txn_id;
  gint64  ts;
  gint64  amount;      /* book currency, positive: paid out, or received */
  guint32 category;    /* index into the scan's categories */
  guint32 payee;       /* index into the scan's payees; 0: none (income rows have none) */
  guint8  outgoing;    /* an expense category */
  guint8  scheduled;   /* posted by a schedule: the user set it up, it is never flagged */
} DaftariAnomalyRow;

typedef struct {
  GArray    *rows;            /* of DaftariAnomalyRow, in no particular order */
  GArray    *category_ids;    /* of gint64, by index */
  GPtrArray *category_names;
  GByteArray *category_outgoing; /* 1 for an expense category, by index */
  GPtrArray *payee_names;     /* by index; 0 is "" */
  gint64     first_ts;        /* of the earliest row; G_MAXINT64 when none */
} DaftariAnomalyScan;

DaftariAnomalyScan *daftari_anomaly_scan      (DaftariBook        *book,
                                               GError            **error);
void                daftari_anomaly_scan_free (DaftariAnomalyScan *scan);

/* A flag on one row, its message made from a format and the figures. */
DaftariAnomaly     *daftari_anomaly_for_row   (DaftariBook              *book,
                                               const DaftariAnomalyScan *scan,
                                               const DaftariAnomalyRow  *row,
                                               DaftariAnomalyKind        kind,
                                               gint64                    usual);

/* Each detector appends its flags (DaftariAnomaly *) to out. */
void     daftari_anomaly_check_amounts    (DaftariBook                 *book,
                                           DaftariAnomalyScan          *scan,
                                           const DaftariAnomalyOptions *options,
                                           GPtrArray                   *out);
void     daftari_anomaly_check_duplicates (DaftariBook                 *book,
                                           DaftariAnomalyScan          *scan,
                                           const DaftariAnomalyOptions *options,
                                           GPtrArray                   *out);
void     daftari_anomaly_check_new_payees (DaftariBook                 *book,
                                           DaftariAnomalyScan          *scan,
                                           const DaftariAnomalyOptions *options,
                                           GPtrArray                   *out);
gboolean daftari_anomaly_check_months     (DaftariBook                 *book,
                                           const DaftariAnomalyScan    *scan,
                                           const DaftariAnomalyOptions *options,
                                           GPtrArray                   *out,
                                           GError                     **error);

/* "KES 1,234.00" */
char    *daftari_anomaly_money            (DaftariBook *book,
                                           gint64       minor);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariAnomalyScan, daftari_anomaly_scan_free)

G_END_DECLS
