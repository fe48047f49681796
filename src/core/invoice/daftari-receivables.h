/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-book.h"

G_BEGIN_DECLS

/* What customers owe, by how long past due, and how fast they pay. */

typedef enum {
  DAFTARI_AGING_CURRENT,   /* not yet due (or due today) */
  DAFTARI_AGING_1_30,      /* 1–30 days past due */
  DAFTARI_AGING_31_60,
  DAFTARI_AGING_61_90,
  DAFTARI_AGING_OVER_90,
  DAFTARI_AGING_N_BUCKETS
} DaftariAgingBucket;

typedef struct {
  gint64  customer_id;
  char   *customer_name;
  gint64  buckets[DAFTARI_AGING_N_BUCKETS];
  gint64  total;           /* Σ buckets: what their open invoices still owe */
  gint64  credit;          /* payments not allocated to any invoice */
} DaftariAgingRow;

typedef struct {
  DaftariDay as_of;
  GPtrArray *rows;         /* of DaftariAgingRow*, by customer name; customers owing nothing left out */
  gint64     buckets[DAFTARI_AGING_N_BUCKETS];
  gint64     total;
  gint64     credit;
  /* Days sales outstanding: receivables ÷ invoiced in the last 90 days ×
   * 90, in tenths of a day (rounded half away from zero); -1 when nothing
   * was invoiced in those 90 days. */
  gint64     dso_tenths;
  gint64     sales_90_days;
} DaftariAgingReport;

/* as_of 0: today. Invoices count as issued by the end of as_of and paid by
 * the payments received by then; void invoices are left out. */
DaftariAgingReport *daftari_receivables_aging        (DaftariBook        *book,
                                                      DaftariDay          as_of,
                                                      GError            **error);
void                daftari_aging_report_free        (DaftariAgingReport *report);
/* "Current", "1–30 days", …, translated. */
const char         *daftari_aging_bucket_label       (DaftariAgingBucket  bucket);
/* "current", "1-30", "31-60", "61-90", "over-90": for JSON. */
const char         *daftari_aging_bucket_key         (DaftariAgingBucket  bucket);
/* The bucket of an amount due on due_day, looked at on as_of. */
DaftariAgingBucket  daftari_aging_bucket_of          (DaftariDay          due_day,
                                                      DaftariDay          as_of);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariAgingReport, daftari_aging_report_free)

G_END_DECLS
