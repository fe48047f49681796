/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A currency or crypto asset and the number of decimals its minor unit has.
 * The set is fixed in code: the scale is part of how every stored amount is
 * read, so it must never change under an existing book. */
typedef struct {
  const char *code;   /* "KES" */
  guint       scale;  /* decimals: KES 2, BTC 8 */
  const char *name;   /* English name, translated at display time */
  gboolean    crypto;
} DaftariCommodity;

const DaftariCommodity *daftari_commodity_lookup (const char *code);
const DaftariCommodity *daftari_commodity_all    (guint *n_commodities);
gint64                  daftari_commodity_unit   (const DaftariCommodity *commodity);

G_END_DECLS
