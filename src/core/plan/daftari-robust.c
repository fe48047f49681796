/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-robust.h"

#include <math.h>

#include "daftari-forecast-private.h"

/* The normal quantile at 95%: p95 = median × exp(1.645 s) on the log scale. */
#define Z95 1.6448536269514722

void
daftari_usual_range (double *values, guint n, double z, double min_spread, double min_ratio,
                     DaftariUsualRange *out_range)
{
  /* In a short history the 95th percentile would lean on the highest
   * amount, which may be the very outlier being judged: there, the second
   * highest stands in for it. */
  double probabilities[] = { 0.5, n > 2 ? MIN (0.95, (n - 2.0) / (n - 1.0)) : 0.5 };
  double q[G_N_ELEMENTS (probabilities)], spread;

  /* The forecasting engine's order statistics (type 7, by selection). */
  daftari_quantiles (values, n, probabilities, G_N_ELEMENTS (probabilities), q);
  out_range->median = (gint64) llround (q[0]);
  out_range->p95 = (gint64) llround (q[1]);
  spread = q[0] > 0 ? log (q[1] / q[0]) / Z95 : 0;
  spread = MAX (spread, min_spread);
  out_range->fence = (gint64) MIN (9.0e18, q[0] * MAX (exp (z * spread), min_ratio));
}
