/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-generator.h"

#include <glib/gi18n-lib.h>

#include "daftari-account.h"
#include "daftari-ledger.h"
#include "daftari-money.h"
#include "daftari-ops.h"
#include "daftari-rates.h"

enum { MPESA, KCB, EQUITY, CASH, BITCOIN, N_WALLETS };

typedef struct {
  const char         *name;
  DaftariAccountKind  kind;
  const char         *commodity;
  const char         *institution;
  gint64              opening;      /* minor units */
} WalletSeed;

static const WalletSeed wallet_seeds[N_WALLETS] = {
  [MPESA]   = { "M-PESA",       DAFTARI_ACCOUNT_MPESA,  "KES", NULL,     5000000 },
  [KCB]     = { "KCB Business", DAFTARI_ACCOUNT_BANK,   "KES", "KCB",    25000000 },
  [EQUITY]  = { "Equity",       DAFTARI_ACCOUNT_BANK,   "KES", "Equity", 8000000 },
  [CASH]    = { "Cash box",     DAFTARI_ACCOUNT_CASH,   "KES", NULL,     1500000 },
  [BITCOIN] = { "Bitcoin",      DAFTARI_ACCOUNT_CRYPTO, "BTC", NULL,     150000 },
};

/* Invented names, in the style of M-PESA statements. */
static const char *const customers[] = {
  "JANE WANJIRU", "PETER OTIENO", "MARY ATIENO", "JOHN KAMAU", "GRACE MUTHONI", "BRIAN KIPCHOGE",
  "FAITH NJERI", "KEVIN OCHIENG", "ANNE CHEBET", "DAVID MWANGI", "ESTHER AKINYI", "JOSEPH KIPROTICH",
};
static const char *const suppliers[] = {
  "BIDCO DISTRIBUTORS", "MAMA PIMA WHOLESALE", "KIRINYAGA FLOUR MILLS", "NAIVAS WHOLESALE",
  "UMOJA HARDWARE", "KARATINA GREENGROCERS",
};

typedef struct {
  const char *category;   /* untranslated seed name */
  const char *payee;
  const char *number;
  const char *account;    /* NULL: a Till */
  gint64      low, high;  /* KES, whole shillings */
} Bill;

static const Bill bills[] = {
  { N_("Electricity (KPLC)"), "KPLC PREPAID",   "888880", "54100000000", 500, 6000 },
  { N_("Water"),              "NAIROBI WATER",  "444400", "ACC-220931",  300, 3000 },
  { N_("Airtime & data"),     "SAFARICOM DATA", "220220", "0712345678",  50, 1500 },
  { N_("Fuel"),               "RUBIS KASARANI", "532100", NULL,          1000, 8000 },
  { N_("Transport"),          "SWIFT MOVERS",   "771200", NULL,          200, 4000 },
  { N_("Food"),               "MAMA OLIECH HOTEL", "802200", NULL,       150, 1200 },
};

struct _DaftariGenerator {
  DaftariBook *book;
  GRand       *rand;
  guint        remaining;
  guint        total;
  gint64       start_ts;
  gint64       step;            /* seconds between transactions */
  gint64       end_ts;
  gint64       ts;
  DaftariMonth month;           /* of the last monthly run */
  guint        pending_monthly; /* rent, wages, KRA still due this month */
  gint64       wallets[N_WALLETS];
  gint64       balances[N_WALLETS];
  gint64       sales, stock, rent, wages, taxes, other_income;
  gint64       bill_categories[G_N_ELEMENTS (bills)];
};

static gint64
category_id (DaftariBook *book, const char *seed_name, GError **error)
{
  g_autoptr(DaftariAccount) account = daftari_account_find (book, _(seed_name), error);
  return account ? account->id : 0;
}

static gboolean
add_wallets (DaftariGenerator *self, GError **error)
{
  for (guint i = 0; i < N_WALLETS; i++)
    {
      const WalletSeed *seed = &wallet_seeds[i];
      DaftariAccountSpec spec = {
        .name = seed->name, .kind = seed->kind, .commodity = seed->commodity,
        .institution = seed->institution, .opening = seed->opening, .opening_ts = self->start_ts - 60,
      };
      if (!daftari_account_add (self->book, &spec, &self->wallets[i], error))
        return FALSE;
      self->balances[i] = seed->opening;
    }
  return TRUE;
}

/* A bitcoin price that wanders around KES 9 million, one rate a month. */
static gboolean
add_rates (DaftariGenerator *self, gint64 end_ts, GError **error)
{
  DaftariCalendar *calendar = daftari_book_get_calendar (self->book);
  const DaftariCommodity *btc = daftari_commodity_lookup ("BTC");
  gint64 price = 9000000;

  for (gint64 ts = self->start_ts - 86400; ts <= end_ts + 31 * 86400; ts += 30 * 86400)
    {
      DaftariDay day = daftari_calendar_day_of (calendar, ts);
      price += g_rand_int_range (self->rand, -400000, 450000);
      if (!daftari_rates_set (self->book, btc, day, price * DAFTARI_RATE_ONE, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
find_categories (DaftariGenerator *self, GError **error)
{
  if (!(self->sales = category_id (self->book, N_("Sales"), error)) ||
      !(self->other_income = category_id (self->book, N_("Other income"), error)) ||
      !(self->stock = category_id (self->book, N_("Stock purchases"), error)) ||
      !(self->rent = category_id (self->book, N_("Rent"), error)) ||
      !(self->wages = category_id (self->book, N_("Salaries & wages"), error)) ||
      !(self->taxes = category_id (self->book, N_("Taxes (KRA)"), error)))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (bills); i++)
    if (!(self->bill_categories[i] = category_id (self->book, bills[i].category, error)))
      return FALSE;
  return TRUE;
}

DaftariGenerator *
daftari_generator_new (DaftariBook *book, guint32 seed, guint n_transactions, gint64 end_ts, GError **error)
{
  g_autoptr(DaftariGenerator) self = g_new0 (DaftariGenerator, 1);
  /* About 25 transactions a day, over two months at least and three years at most. */
  gint64 days = CLAMP (n_transactions / 25, 60, 3 * 365);

  self->book = g_object_ref (book);
  self->rand = g_rand_new_with_seed (seed);
  self->remaining = self->total = n_transactions;
  self->start_ts = end_ts - days * 86400;
  self->step = MAX (1, days * 86400 / MAX (n_transactions, 1));
  self->end_ts = end_ts;
  self->ts = self->start_ts;
  if (!find_categories (self, error) || !add_rates (self, end_ts, error) || !add_wallets (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
daftari_generator_free (DaftariGenerator *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->book);
  g_rand_free (self->rand);
  g_free (self);
}

/* Shillings between low and high, skewed towards low as real receipts are. */
static gint64
shillings (DaftariGenerator *self, gint64 low, gint64 high)
{
  double u = g_rand_double (self->rand);
  return (low + (gint64) ((high - low) * u * u)) * 100;
}

static DaftariTxn *
sale (DaftariGenerator *self, GError **error)
{
  guint wallet = g_rand_int_range (self->rand, 0, 10) < 6 ? MPESA : CASH;
  const char *who = customers[g_rand_int_range (self->rand, 0, G_N_ELEMENTS (customers))];
  g_autofree char *memo = g_strdup_printf (_("Sale to %s"), who);

  return daftari_ops_build_record (self->book, DAFTARI_TXN_INCOME, self->wallets[wallet], self->sales,
                                   shillings (self, 50, 6000), self->ts, memo, error);
}

static DaftariTxn *
expense (DaftariGenerator *self, guint wallet, gint64 category, gint64 amount, const char *memo, GError **error)
{
  if (self->balances[wallet] < amount)
    return sale (self, error);
  return daftari_ops_build_record (self->book, DAFTARI_TXN_EXPENSE, self->wallets[wallet], category,
                                   amount, self->ts, memo, error);
}

static DaftariTxn *
bill (DaftariGenerator *self, GError **error)
{
  guint which = g_rand_int_range (self->rand, 0, G_N_ELEMENTS (bills));
  const Bill *b = &bills[which];
  DaftariPaySpec spec = {
    .channel = b->account ? DAFTARI_PAY_PAYBILL : DAFTARI_PAY_TILL,
    .wallet_id = self->wallets[MPESA], .number = b->number, .account = b->account,
    .category_id = self->bill_categories[which], .amount = shillings (self, b->low, b->high),
    .fee = b->account ? 2300 : 0, .ts = self->ts, .memo = b->payee,
  };

  if (self->balances[MPESA] < spec.amount + spec.fee)
    return sale (self, error);
  return daftari_ops_build_payment (self->book, &spec, error);
}

static DaftariTxn *
transfer (DaftariGenerator *self, GError **error)
{
  static const guint routes[][2] = { { MPESA, KCB }, { CASH, EQUITY }, { KCB, MPESA }, { EQUITY, KCB }, { KCB, BITCOIN } };
  guint route = g_rand_int_range (self->rand, 0, G_N_ELEMENTS (routes));
  guint from = routes[route][0];
  DaftariTransferSpec spec = {
    .from_id = self->wallets[from], .to_id = self->wallets[routes[route][1]],
    .amount = self->balances[from] / 2, .fee = from == MPESA ? 10500 : 0, .ts = self->ts,
    .memo = route == 4 ? _("Savings in bitcoin") : _("Moving money"),
  };

  spec.amount = MIN (spec.amount, 40000000);   /* well inside the limit */
  if (routes[route][1] == BITCOIN)
    spec.amount = MIN (spec.amount, shillings (self, 1000, 20000));  /* a shop's small savings */
  if (spec.amount < 100000 || self->balances[from] < spec.amount + spec.fee)
    return sale (self, error);
  return daftari_ops_build_transfer (self->book, &spec, error);
}

/* Rent, wages and KRA are paid from the bank in the first days of a month. */
static DaftariTxn *
monthly (DaftariGenerator *self, GError **error)
{
  switch (self->pending_monthly--)
    {
    case 3:
      return expense (self, KCB, self->rent, shillings (self, 35000, 35000), _("Shop rent"), error);
    case 2:
      return expense (self, KCB, self->wages, shillings (self, 60000, 60000), _("Wages for two assistants"), error);
    case 1:
    default:
      return expense (self, KCB, self->taxes, shillings (self, 4000, 15000), _("KRA turnover tax"), error);
    }
}

static DaftariTxn *
pick (DaftariGenerator *self, GError **error)
{
  DaftariMonth month = daftari_calendar_month_of (daftari_book_get_calendar (self->book), self->ts);
  guint dice = g_rand_int_range (self->rand, 0, 100);
  const char *supplier;
  g_autofree char *memo = NULL;

  if (month != self->month)
    {
      self->month = month;
      self->pending_monthly = 3;
    }
  if (self->pending_monthly > 0)
    return monthly (self, error);
  if (dice < 58)
    return sale (self, error);
  if (dice < 75)
    {
      supplier = suppliers[g_rand_int_range (self->rand, 0, G_N_ELEMENTS (suppliers))];
      memo = g_strdup_printf (_("Stock from %s"), supplier);
      return expense (self, g_rand_boolean (self->rand) ? MPESA : KCB, self->stock,
                      shillings (self, 500, 60000), memo, error);
    }
  if (dice < 90)
    return bill (self, error);
  if (dice < 96)
    return transfer (self, error);
  return daftari_ops_build_record (self->book, DAFTARI_TXN_INCOME, self->wallets[EQUITY], self->other_income,
                                   shillings (self, 1000, 20000), self->ts, _("Interest and refunds"), error);
}

DaftariTxn *
daftari_generator_next (DaftariGenerator *self, GError **error)
{
  DaftariTxn *txn;

  if (self->remaining == 0)
    return NULL;
  /* On schedule, jittered within half a step, never going back or past the end. */
  {
    guint done = self->total - self->remaining;
    gint64 due = self->start_ts + (self->end_ts - self->start_ts) * (done + 1) / self->total;
    gint64 jitter = g_rand_int_range (self->rand, 0, self->step / 2 + 1);
    self->ts = CLAMP (due - jitter, self->ts, self->end_ts);
  }
  txn = pick (self, error);
  if (txn == NULL)
    return NULL;
  self->remaining--;
  /* Track the wallets so that the next choices never overdraw one. */
  for (guint i = 0; i < txn->splits->len; i++)
    for (guint w = 0; w < N_WALLETS; w++)
      if (daftari_txn_get_split (txn, i)->account_id == self->wallets[w])
        self->balances[w] += daftari_txn_get_split (txn, i)->amount;
  return txn;
}

#define FILL_SLICE 4096

gboolean
daftari_generator_fill (DaftariBook *book, guint32 seed, guint n_transactions, gint64 end_ts, GError **error)
{
  g_autoptr(DaftariGenerator) generator = NULL;
  g_autoptr(GPtrArray) slice = g_ptr_array_new_with_free_func ((GDestroyNotify) daftari_txn_free);

  if (!daftari_ledger_batch_begin (book, error))
    return FALSE;
  generator = daftari_generator_new (book, seed, n_transactions, end_ts, error);
  if (generator == NULL)
    goto fail;
  /* The generator keeps its own balances, so it can run ahead of the
   * ledger: a slice at a time goes through the fast path. */
  while (generator->remaining > 0)
    {
      g_ptr_array_set_size (slice, 0);
      while (generator->remaining > 0 && slice->len < FILL_SLICE)
        {
          DaftariTxn *txn = daftari_generator_next (generator, error);
          if (txn == NULL)
            goto fail;
          g_ptr_array_add (slice, txn);
        }
      if (!daftari_ledger_post_many (book, (DaftariTxn *const *) slice->pdata, slice->len, NULL, error))
        goto fail;
    }
  return daftari_ledger_batch_commit (book, error);

fail:
  daftari_ledger_batch_abort (book);
  return FALSE;
}
