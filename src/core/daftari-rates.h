/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-book.h"
#include "daftari-calendar.h"

G_BEGIN_DECLS

/* Dated rates of crypto and foreign currencies in the book currency, as the
 * user enters them (Daftari is offline: no rate is ever fetched). */

typedef struct {
  const DaftariCommodity *commodity;
  DaftariDay              day;
  gint64                  rate;     /* book currency per unit, DAFTARI_RATE_SCALE decimals */
} DaftariRateEntry;

gboolean daftari_rates_set    (DaftariBook             *book,
                               const DaftariCommodity  *commodity,
                               DaftariDay               day,
                               gint64                   rate,
                               GError                 **error);
/* The latest rate on or before the day of ts; the book currency is 1. */
gboolean daftari_rates_lookup (DaftariBook             *book,
                               const DaftariCommodity  *commodity,
                               gint64                   ts,
                               gint64                  *out_rate,
                               GError                 **error);
/* Every rate, newest first. */
GArray  *daftari_rates_list   (DaftariBook             *book,
                               GError                 **error);
/* amount of commodity at ts, in the book currency, rounded once. */
gboolean daftari_rates_value  (DaftariBook             *book,
                               const DaftariCommodity  *commodity,
                               gint64                   amount,
                               gint64                   ts,
                               gint64                  *out_value,
                               GError                 **error);

G_END_DECLS
