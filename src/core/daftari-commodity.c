/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-commodity.h"

#include <glib/gi18n-lib.h>

static const DaftariCommodity commodities[] = {
  { "KES",  2, N_("Kenyan shilling"), FALSE },
  { "USD",  2, N_("US dollar"),       FALSE },
  { "USDT", 6, N_("Tether (USDT)"),   TRUE },
  { "BTC",  8, N_("Bitcoin"),         TRUE },
  { "ETH",  8, N_("Ether"),           TRUE },
};

const DaftariCommodity *
daftari_commodity_all (guint *n_commodities)
{
  *n_commodities = G_N_ELEMENTS (commodities);
  return commodities;
}

const DaftariCommodity *
daftari_commodity_lookup (const char *code)
{
  if (code == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (commodities); i++)
    if (g_ascii_strcasecmp (commodities[i].code, code) == 0)
      return &commodities[i];
  return NULL;
}

/* How many minor units make one whole unit: 100 for KES, 10^8 for BTC. */
gint64
daftari_commodity_unit (const DaftariCommodity *commodity)
{
  gint64 unit = 1;
  for (guint i = 0; i < commodity->scale; i++)
    unit *= 10;
  return unit;
}
