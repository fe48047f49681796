/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "daftari-commodity.h"

G_BEGIN_DECLS

/* Money is always a gint64 count of a commodity's minor units (cents,
 * satoshis). Nothing here uses floating point. */

/* Rates are exact decimals with this many fractional digits, held as an
 * integer: KES 129.45 per USD is 12945000000. */
#define DAFTARI_RATE_SCALE 8
#define DAFTARI_RATE_ONE   G_GINT64_CONSTANT (100000000)

typedef enum {
  DAFTARI_MONEY_FORMAT_DEFAULT     = 0,       /* "KES 1,234.50" */
  DAFTARI_MONEY_FORMAT_NO_CODE     = 1 << 0,  /* "1,234.50" */
  DAFTARI_MONEY_FORMAT_NO_GROUPING = 1 << 1,  /* "1234.50", for machines */
} DaftariMoneyFormatFlags;

gboolean daftari_money_parse    (const char              *text,
                                 const DaftariCommodity  *commodity,
                                 gint64                  *out_minor,
                                 GError                 **error);
char    *daftari_money_format   (gint64                   minor,
                                 const DaftariCommodity  *commodity,
                                 DaftariMoneyFormatFlags  flags);

gboolean daftari_money_add      (gint64                   a,
                                 gint64                   b,
                                 gint64                  *out_sum,
                                 GError                 **error);
gboolean daftari_money_sub      (gint64                   a,
                                 gint64                   b,
                                 gint64                  *out_difference,
                                 GError                 **error);
gboolean daftari_money_negate   (gint64                   a,
                                 gint64                  *out_negated,
                                 GError                 **error);

/* amount * numerator / denominator, rounded once, half away from zero. */
gboolean daftari_money_muldiv   (gint64                   amount,
                                 gint64                   numerator,
                                 gint64                   denominator,
                                 gint64                  *out_result,
                                 GError                 **error);

/* Converts an amount of one commodity into another through both commodities'
 * rates in the book currency (the book currency's own rate is
 * DAFTARI_RATE_ONE), in one step so the result is rounded exactly once. */
gboolean daftari_money_convert  (gint64                   amount,
                                 const DaftariCommodity  *from,
                                 gint64                   from_rate,
                                 const DaftariCommodity  *to,
                                 gint64                   to_rate,
                                 gint64                  *out_amount,
                                 GError                 **error);

/* A rate as typed by a person: "9,000,000" or "129.45"; must be positive. */
gboolean daftari_rate_parse     (const char              *text,
                                 gint64                  *out_rate,
                                 GError                 **error);
char    *daftari_rate_format    (gint64                   rate);
/* With DAFTARI_MONEY_FORMAT_NO_GROUPING: "9000000", for machines. */
char    *daftari_rate_format_full (gint64                 rate,
                                   DaftariMoneyFormatFlags flags);

G_END_DECLS
