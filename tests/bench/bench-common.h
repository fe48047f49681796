/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-core.h"

G_BEGIN_DECLS

/* What the benchmarks share: they stop at the first failure (a figure from
 * a failed run means nothing), report medians of repeated runs, and reuse a
 * generated book between runs because making a million transactions takes
 * longer than measuring them. */

/* Aborts with the error's message unless ok. */
void         bench_check        (gboolean    ok,
                                 GError     *error);
/* The median of n values (sorts them in place). */
double       bench_median       (double     *values,
                                 guint       n);
/* The book at path, or a new one there filled by the generator with
 * transactions from seed (and checkpointed), saying which on stdout. */
DaftariBook *bench_open_or_make (const char *path,
                                 const char *business,
                                 int         transactions,
                                 int         seed);

G_END_DECLS
