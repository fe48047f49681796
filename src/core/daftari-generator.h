/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-book.h"
#include "daftari-txn.h"

G_BEGIN_DECLS

/* A seeded maker of realistic books: a Kenyan shop with M-PESA, two banks,
 * cash and a little bitcoin; daily sales, stock buying, Lipa na M-PESA bills,
 * airtime, transfers with fees, and rent and wages each month. The same seed
 * gives the same book. It is the demo book and the benchmarks' workload. */
typedef struct _DaftariGenerator DaftariGenerator;

/* Adds the generator's wallets (with opening balances) and rates to book, and
 * spreads n_transactions over the days before end_ts. */
DaftariGenerator *daftari_generator_new   (DaftariBook       *book,
                                           guint32            seed,
                                           guint              n_transactions,
                                           gint64             end_ts,
                                           GError           **error);
/* The next transaction, built but not posted (NULL when all are made). It
 * never overdraws a wallet, provided every one it returned was posted. */
DaftariTxn       *daftari_generator_next  (DaftariGenerator  *generator,
                                           GError           **error);
void              daftari_generator_free  (DaftariGenerator  *generator);

/* new + next + post, all as one write. */
gboolean          daftari_generator_fill  (DaftariBook       *book,
                                           guint32            seed,
                                           guint              n_transactions,
                                           gint64             end_ts,
                                           GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariGenerator, daftari_generator_free)

G_END_DECLS
