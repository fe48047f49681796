/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "The usual" of a set of positive amounts, for anomaly flags.
 *
 * The median, the 95th percentile (the second-highest amount when there
 * are fewer than 21, so that one outlier cannot widen its own range), and the highest amount still usual (the
 * fence): the median times exp(z × s), where s is the upper spread
 * ln(p95 / median) / 1.645 (what a normal on the log scale would have),
 * at least min_spread, and never below min_ratio × the median. The spread
 * is measured on the upper side alone because amounts are skewed and only
 * high ones are flagged; quantiles ignore the few outliers being looked for.
 * Values are minor units as doubles (exact below 2^53) and are reordered. */
typedef struct {
  gint64 median;
  gint64 p95;
  gint64 fence;
} DaftariUsualRange;

void daftari_usual_range (double            *values,
                          guint              n,
                          double             z,
                          double             min_spread,
                          double             min_ratio,
                          DaftariUsualRange *out_range);

G_END_DECLS
