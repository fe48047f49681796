/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Intermittent series: months with no sale of a slow line, a category used
 * now and then. Croston (1972) smooths the sizes of the non-zero values and
 * the gaps between them separately; Syntetos & Boylan (2005) remove the
 * upward bias of their ratio. */
#include "daftari-forecast-private.h"

#include <math.h>

/* Croston's own smoothing constant, still the usual choice: the sizes and
 * gaps are few, too few to estimate it from. */
#define CROSTON_ALPHA 0.1

/* Syntetos & Boylan's 1.32: above this mean gap between demands, Croston
 * beats exponential smoothing. */
#define INTERMITTENT_GAP 1.32

gboolean
daftari_is_intermittent (const double *y, guint n)
{
  guint nonzero = 0;

  for (guint t = 0; t < n; t++)
    {
      if (y[t] < 0)
        return FALSE;
      nonzero += y[t] != 0;
    }
  return nonzero > 0 && (double) n / nonzero >= INTERMITTENT_GAP;
}

/* Interval ends from the distribution Croston's model implies for one
 * period: nothing with probability 1 - p, else a size drawn from the sizes
 * seen. */
static double
mixture_quantile (const double *sizes, guint n_sizes, double p_demand, double q)
{
  if (n_sizes == 0 || q <= 1 - p_demand)
    return 0;
  return daftari_quantile_sorted (sizes, n_sizes, (q - (1 - p_demand)) / p_demand);
}

void
daftari_croston_predict (const double *y, guint n, gboolean sba, DaftariForecast *out)
{
  g_autofree double *sizes = g_new (double, n);
  double size = 0, gap = 0, value = 0, p_demand;
  guint n_sizes = 0, since = 0;

  for (guint t = 0; t < n; t++)
    {
      since++;
      if (y[t] == 0)
        continue;
      if (n_sizes == 0)
        {
          size = y[t];
          gap = since;
        }
      else
        {
          size += CROSTON_ALPHA * (y[t] - size);
          gap += CROSTON_ALPHA * (since - gap);
        }
      sizes[n_sizes++] = y[t];
      since = 0;
    }

  if (n_sizes > 0)
    value = size / gap * (sba ? 1 - CROSTON_ALPHA / 2 : 1);
  p_demand = n_sizes > 0 ? MIN (1.0, 1 / gap) : 0;
  daftari_sort_doubles (sizes, n_sizes);
  for (guint h = 0; h < out->horizon; h++)
    {
      out->mean[h] = value;
      out->lo95[h] = mixture_quantile (sizes, n_sizes, p_demand, 0.025);
      out->lo80[h] = mixture_quantile (sizes, n_sizes, p_demand, 0.10);
      out->hi80[h] = mixture_quantile (sizes, n_sizes, p_demand, 0.90);
      out->hi95[h] = mixture_quantile (sizes, n_sizes, p_demand, 0.975);
    }
  out->model = g_strdup (sba ? "SBA" : "Croston");
}
