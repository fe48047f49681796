/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The flow rule: which part of a transaction is money in, money out, a
 * transfer or a charge, for each wallet it touches. */
#include "daftari-wallet-flow.h"

#include "daftari-money.h"

/* Flows are sums of a wallet's movements in one direction, which can pass
 * the 64-bit range where the balance does not (in and out again, over and
 * over). They are added modulo 2^64: exact whenever the true total fits,
 * whatever the order of adds and removals, and never undefined. */
static gint64
wrap_add (gint64 a, gint64 b)
{
  return (gint64) ((guint64) a + (guint64) b);
}

static gint64
wrap_neg (gint64 a)
{
  return (gint64) (0 - (guint64) a);
}

static gboolean
is_category (DaftariFlowClass class)
{
  return class == DAFTARI_FLOW_CATEGORY || class == DAFTARI_FLOW_CHARGES;
}

DaftariFlowClass
daftari_flow_class (DaftariAccountKind kind, gboolean charges)
{
  if (daftari_account_kind_is_wallet (kind))
    return DAFTARI_FLOW_WALLET;
  if (daftari_account_kind_is_category (kind))
    return charges ? DAFTARI_FLOW_CHARGES : DAFTARI_FLOW_CATEGORY;
  return DAFTARI_FLOW_OTHER;
}

gint64
daftari_wallet_charges_value (const DaftariSplit *splits, const DaftariFlowClass *classes, guint n_splits)
{
  gint64 total = 0;

  for (guint i = 0; i < n_splits; i++)
    if (splits[i].role == DAFTARI_SPLIT_FEE || classes[i] == DAFTARI_FLOW_CHARGES)
      total = wrap_add (total, splits[i].value);
  return total;
}

/* value in the book currency as so much of the leg's commodity, by the
 * leg's own amount-to-value ratio, rounded once. */
static gint64
in_leg_commodity (gint64 value, const DaftariSplit *leg)
{
  gint64 result;

  if (leg->amount == leg->value || leg->value == 0 ||
      !daftari_money_muldiv (value, leg->amount, leg->value, &result, NULL))
    return value;
  return result;
}

static gint64
other_wallet (const DaftariSplit *splits, const DaftariFlowClass *classes, guint n_splits, gint64 wallet_id)
{
  for (guint j = 0; j < n_splits; j++)
    if (classes[j] == DAFTARI_FLOW_WALLET && splits[j].account_id != wallet_id)
      return splits[j].account_id;
  return 0;
}

guint
daftari_wallet_sides (const DaftariSplit *splits, const DaftariFlowClass *classes, guint n_splits,
                      DaftariWalletSide *sides, guint max)
{
  gint64 category = 0, charges = daftari_wallet_charges_value (splits, classes, n_splits);
  gboolean category_is_charges = FALSE, fee_placed = charges <= 0;
  guint n = 0, wallets = 0;

  /* The category is the first one that is not the charges, or else the
   * charges themselves (a statement's charge row). */
  for (guint i = 0; i < n_splits; i++)
    {
      if (classes[i] == DAFTARI_FLOW_WALLET)
        wallets++;
      else if (is_category (classes[i]) && (category == 0 || category_is_charges))
        {
          category = splits[i].account_id;
          category_is_charges = classes[i] == DAFTARI_FLOW_CHARGES;
        }
    }
  /* A transfer's fee is a fee, not the transfer's category. */
  if (wallets > 1 && category_is_charges)
    category = 0;
  for (guint i = 0; i < n_splits && n < max; i++)
    {
      const DaftariSplit *split = &splits[i];
      DaftariWalletSide side = { .split = i, .wallet_id = split->account_id, .amount = split->amount,
                                 .category_id = category };

      if (classes[i] != DAFTARI_FLOW_WALLET)
        continue;
      side.transfer = wallets > 1;
      if (side.transfer)
        side.other_wallet_id = other_wallet (splits, classes, n_splits, split->account_id);
      if (!fee_placed && split->amount < 0)
        {
          /* Never more than the leg paid out. */
          gint64 paid = split->amount == G_MININT64 ? G_MAXINT64 : -split->amount;
          side.fee = MIN (in_leg_commodity (charges, split), paid);
          fee_placed = TRUE;
        }
      sides[n++] = side;
    }
  return n;
}

void
daftari_wallet_flow_add_side (DaftariWalletFlow *flow, const DaftariWalletSide *side, int sign)
{
  gint64 amount = sign < 0 ? wrap_neg (side->amount) : side->amount;
  gint64 fee = sign < 0 ? wrap_neg (side->fee) : side->fee;

  flow->fees = wrap_add (flow->fees, fee);
  if (side->amount > 0)
    {
      gint64 *into = side->transfer ? &flow->transfers_in : &flow->money_in;
      *into = wrap_add (*into, amount);
    }
  else
    {
      /* What left the wallet, charges apart: -(amount) - fee. */
      gint64 *into = side->transfer ? &flow->transfers_out : &flow->money_out;
      *into = wrap_add (*into, wrap_neg (wrap_add (amount, fee)));
    }
}

void
daftari_wallet_flow_add (DaftariWalletFlow *flow, const DaftariWalletFlow *other)
{
  flow->money_in = wrap_add (flow->money_in, other->money_in);
  flow->money_out = wrap_add (flow->money_out, other->money_out);
  flow->transfers_in = wrap_add (flow->transfers_in, other->transfers_in);
  flow->transfers_out = wrap_add (flow->transfers_out, other->transfers_out);
  flow->fees = wrap_add (flow->fees, other->fees);
}
