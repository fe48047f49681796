/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Transfers between wallets of different commodities: the rate of the day
 * (the book's day, in Nairobi), one rounding, half away from zero, the fee
 * as its own split, and values that keep every transaction at zero. The
 * expected figures are computed with 128-bit integers (test_expect_convert),
 * independently of daftari_money_convert. */
#include "test-common.h"

#define KES(units) ((gint64) (units) * 100)
#define RATE(units) ((gint64) (units) * DAFTARI_RATE_ONE)

typedef struct {
  TestBook *tb;
  gint64    dollars;    /* USD bank, opening USD 1,000 */
  gint64    bitcoin;    /* BTC, opening 0.01 BTC */
  gint64    tether;     /* USDT, opening 100 USDT */
  gint64    ether;      /* ETH, empty */
} Fixture;

/* Rates from 2024-12-01; bitcoin moves to 10,000,000 on 2025-02-01. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  DaftariBook *book;
  gint64 start;

  f->tb = test_book_new ();
  book = f->tb->book;
  start = test_day (book, 0);
  g_assert_true (daftari_rates_set (book, daftari_commodity_lookup ("BTC"), 20241201, RATE (9000000), NULL));
  g_assert_true (daftari_rates_set (book, daftari_commodity_lookup ("BTC"), 20250201, RATE (10000000), NULL));
  g_assert_true (daftari_rates_set (book, daftari_commodity_lookup ("USD"), 20241201, G_GINT64_CONSTANT (12945000000), NULL));
  g_assert_true (daftari_rates_set (book, daftari_commodity_lookup ("USDT"), 20241201, RATE (129), NULL));
  g_assert_true (daftari_rates_set (book, daftari_commodity_lookup ("ETH"), 20241201, RATE (400000), NULL));
  f->dollars = test_add_wallet (book, "Dollar account", DAFTARI_ACCOUNT_BANK, "USD", 100000, start, FALSE);
  f->bitcoin = test_add_wallet (book, "Bitcoin", DAFTARI_ACCOUNT_CRYPTO, "BTC", 1000000, start, FALSE);
  f->tether = test_add_wallet (book, "Tether", DAFTARI_ACCOUNT_CRYPTO, "USDT", 100000000, start, FALSE);
  f->ether = test_add_wallet (book, "Ether", DAFTARI_ACCOUNT_CRYPTO, "ETH", 0, 0, FALSE);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_assert_balanced (f->tb->path);
  test_assert_sound (f->tb->book);
  test_book_free (f->tb);
}

static gint64
transfer (Fixture *f, gint64 from, gint64 to, gint64 amount, gint64 fee, gint64 ts)
{
  g_autoptr(GError) error = NULL;
  DaftariTransferSpec spec = { .from_id = from, .to_id = to, .amount = amount, .fee = fee, .ts = ts };
  gint64 id = 0;

  g_assert_true (daftari_ops_transfer (f->tb->book, &spec, &id, &error));
  g_assert_no_error (error);
  return id;
}

/* The split of txn id on account, read back from the file. */
static void
split_on (Fixture *f, gint64 id, gint64 account, gint64 *out_amount, gint64 *out_value)
{
  g_autofree char *amount = g_strdup_printf ("SELECT amount FROM split WHERE txn_id = %" G_GINT64_FORMAT
                                             " AND account_id = %" G_GINT64_FORMAT, id, account);
  g_autofree char *value = g_strdup_printf ("SELECT value FROM split WHERE txn_id = %" G_GINT64_FORMAT
                                            " AND account_id = %" G_GINT64_FORMAT, id, account);

  *out_amount = test_db_int (f->tb->path, amount);
  *out_value = test_db_int (f->tb->path, value);
}

/* The example, both ways. */
static void
test_kes_btc (Fixture *f, gconstpointer data)
{
  gint64 id, amount, value;

  id = transfer (f, f->tb->mpesa, f->bitcoin, KES (4500), 0, test_day (f->tb->book, 5));
  split_on (f, id, f->bitcoin, &amount, &value);
  g_assert_cmpint (amount, ==, 50000);           /* 0.00050000 BTC */
  g_assert_cmpint (value, ==, KES (4500));
  split_on (f, id, f->tb->mpesa, &amount, &value);
  g_assert_cmpint (amount, ==, -KES (4500));
  g_assert_cmpint (value, ==, -KES (4500));
  g_assert_cmpint (test_balance (f->tb->book, f->bitcoin), ==, 1000000 + 50000);

  id = transfer (f, f->bitcoin, f->tb->kcb, 50000, 0, test_day (f->tb->book, 6));
  split_on (f, id, f->tb->kcb, &amount, &value);
  g_assert_cmpint (amount, ==, KES (4500));
  split_on (f, id, f->bitcoin, &amount, &value);
  g_assert_cmpint (amount, ==, -50000);
  g_assert_cmpint (value, ==, -KES (4500));
  g_assert_cmpint (test_balance (f->tb->book, f->tb->mpesa), ==, KES (10000 - 4500));
}

/* The rate used is the latest on or before the transfer's day in Nairobi:
 * 22:30 UTC on 31 January is already 1 February there. */
static void
test_rate_of_the_day (Fixture *f, gconstpointer data)
{
  DaftariCalendar *calendar = daftari_book_get_calendar (f->tb->book);
  gint64 feb = daftari_calendar_day_start (calendar, 20250201);
  gint64 id, amount, value;

  id = transfer (f, f->tb->kcb, f->bitcoin, KES (4500), 0, feb - 1);
  split_on (f, id, f->bitcoin, &amount, &value);
  g_assert_cmpint (amount, ==, 50000);
  id = transfer (f, f->tb->kcb, f->bitcoin, KES (4500), 0, feb + 90 * 60);
  split_on (f, id, f->bitcoin, &amount, &value);
  g_assert_cmpint (amount, ==, 45000);
  g_assert_cmpint (value, ==, KES (4500));
}

/* Between two foreign commodities the amount is rounded once, from the exact
 * product of both rates, not through shillings first. */
static void
test_rounded_once (Fixture *f, gconstpointer data)
{
  gint64 id, amount, value, ts = test_day (f->tb->book, 40);

  g_assert_true (daftari_rates_set (f->tb->book, daftari_commodity_lookup ("BTC"), 20250205,
                                    G_GINT64_CONSTANT (900000050000000), NULL));   /* 9,000,000.50 */
  id = transfer (f, f->dollars, f->bitcoin, 30, 0, ts);   /* USD 0.30 */
  split_on (f, id, f->bitcoin, &amount, &value);
  /* Exactly 431.47… satoshis; through KES 38.84 first it would be 432. */
  g_assert_cmpint (amount, ==, 431);
  g_assert_cmpint (value, ==, 3884);
  split_on (f, id, f->dollars, &amount, &value);
  g_assert_cmpint (amount, ==, -30);
  g_assert_cmpint (value, ==, -3884);

  /* USDT keeps 6 decimals: 1 USDT at 129 into BTC at 9,000,000.50. */
  id = transfer (f, f->tether, f->bitcoin, 1000000, 0, ts);
  split_on (f, id, f->bitcoin, &amount, &value);
  g_assert_cmpint (amount, ==, 1433);       /* 1,433.33… */
  g_assert_cmpint (value, ==, 12900);
}

/* A fee in crypto is valued once and booked to charges in shillings. */
static void
test_crypto_fee (Fixture *f, gconstpointer data)
{
  gint64 id, amount, value;

  id = transfer (f, f->bitcoin, f->tb->kcb, 100000, 1000, test_day (f->tb->book, 3));
  split_on (f, id, f->tb->charges, &amount, &value);
  g_assert_cmpint (amount, ==, KES (90));
  g_assert_cmpint (value, ==, KES (90));
  split_on (f, id, f->bitcoin, &amount, &value);
  g_assert_cmpint (amount, ==, -101000);
  g_assert_cmpint (value, ==, -KES (9090));
  split_on (f, id, f->tb->kcb, &amount, &value);
  g_assert_cmpint (amount, ==, KES (9000));
  g_assert_cmpint (test_db_int (f->tb->path, "SELECT role FROM split WHERE account_id ="
                                             " (SELECT id FROM account WHERE role = 'charges')"), ==, 1);

  /* A dollar fee on a dollar transfer to shillings. */
  id = transfer (f, f->dollars, f->tb->mpesa, 10000, 100, test_day (f->tb->book, 3));
  split_on (f, id, f->tb->mpesa, &amount, &value);
  g_assert_cmpint (amount, ==, 1294500);
  g_assert_cmpint (test_balance (f->tb->book, f->dollars), ==, 100000 - 10100);
  g_assert_cmpint (test_balance (f->tb->book, f->tb->charges), ==, KES (90) + 12945);
}

/* Amounts that would arrive as nothing are refused, and write nothing. */
static void
test_too_small (Fixture *f, gconstpointer data)
{
  g_autofree char *before = test_db_dump (f->tb->path);
  g_autofree char *after = NULL;
  const struct { gint64 from, to, amount; } cases[] = {
    { f->tb->mpesa, f->bitcoin, 1 },     /* KES 0.01 is 0.11 sat */
    { f->bitcoin, f->tb->kcb, 1 },       /* 1 sat is KES 0.09: fine, see below */
    { f->ether, f->tb->kcb, 1 },         /* 1e-8 ETH is KES 0.004 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      DaftariTransferSpec spec = { .from_id = cases[i].from, .to_id = cases[i].to, .amount = cases[i].amount,
                                   .ts = test_day (f->tb->book, 2) };
      gboolean ok = daftari_ops_transfer (f->tb->book, &spec, NULL, &error);

      if (i == 1)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_free (before);
          before = test_db_dump (f->tb->path);
          continue;
        }
      g_assert_false (ok);
      g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID);
    }
  after = test_db_dump (f->tb->path);
  g_assert_cmpstr (after, ==, before);
}

/* Crypto wallets do not go below zero either; the figure is in their units. */
static void
test_crypto_overdraft (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  DaftariTransferSpec spec = { .from_id = f->bitcoin, .to_id = f->tb->kcb, .amount = 1000001,
                               .ts = test_day (f->tb->book, 2) };
  g_autofree char *before = test_db_dump (f->tb->path);
  g_autofree char *after = NULL;

  g_assert_false (daftari_ops_transfer (f->tb->book, &spec, NULL, &error));
  g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_OVERDRAFT);
  g_assert_nonnull (strstr (error->message, "Bitcoin"));
  g_assert_nonnull (strstr (error->message, "-BTC 0.00000001"));
  after = test_db_dump (f->tb->path);
  g_assert_cmpstr (after, ==, before);
}

/* Hundreds of random transfers between every pair of commodities, each
 * checked against the independent figures, then every balance. */
static void
test_random_pairs (Fixture *f, gconstpointer data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4500);
  DaftariBook *book = f->tb->book;
  const char *codes[] = { "KES", "USD", "BTC", "USDT", "ETH" };
  const gint64 rates[] = { DAFTARI_RATE_ONE, G_GINT64_CONSTANT (12945000000), RATE (9000000), RATE (129), RATE (400000) };
  gint64 wallets[G_N_ELEMENTS (codes)], expected[G_N_ELEMENTS (codes)] = { 0 }, charges = 0;
  gint64 ts = test_day (book, 20);

  g_assert_true (daftari_book_set_txn_limit (book, G_GINT64_CONSTANT (1000000000000000), NULL));
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s float", codes[i]);
      wallets[i] = test_add_wallet (book, name, i == 0 ? DAFTARI_ACCOUNT_CASH : i < 2 ? DAFTARI_ACCOUNT_BANK
                                                                                     : DAFTARI_ACCOUNT_CRYPTO,
                                    codes[i], 0, 0, TRUE);
    }
  for (guint n = 0; n < 400; n++)
    {
      guint a = g_rand_int_range (rand, 0, G_N_ELEMENTS (codes));
      guint b = (a + g_rand_int_range (rand, 1, G_N_ELEMENTS (codes))) % G_N_ELEMENTS (codes);
      const DaftariCommodity *from = daftari_commodity_lookup (codes[a]);
      const DaftariCommodity *to = daftari_commodity_lookup (codes[b]);
      const DaftariCommodity *kes = daftari_commodity_lookup ("KES");
      gint64 unit = daftari_commodity_unit (from);
      gint64 amount = unit + g_rand_int_range (rand, 0, 1000) * unit / 7 + g_rand_int_range (rand, 0, 1000);
      gint64 fee = g_rand_boolean (rand) ? g_rand_int_range (rand, 1, 5000) : 0;
      gint64 value = test_expect_convert (amount, from, rates[a], kes, DAFTARI_RATE_ONE);
      gint64 fee_value = test_expect_convert (fee, from, rates[a], kes, DAFTARI_RATE_ONE);
      gint64 arrives = test_expect_convert (amount, from, rates[a], to, rates[b]);
      DaftariTransferSpec spec = { .from_id = wallets[a], .to_id = wallets[b], .amount = amount, .fee = fee, .ts = ts };
      g_autoptr(GError) error = NULL;
      g_autoptr(DaftariTxn) txn = daftari_ops_build_transfer (book, &spec, &error);

      g_assert_no_error (error);
      /* [charges (only with a fee)], from, to */
      g_assert_cmpuint (txn->splits->len, ==, fee ? 3 : 2);
      {
        const DaftariSplit *out = daftari_txn_get_split (txn, fee ? 1 : 0);
        const DaftariSplit *in = daftari_txn_get_split (txn, fee ? 2 : 1);
        g_assert_cmpint (out->amount, ==, -(amount + fee));
        g_assert_cmpint (out->value, ==, -(value + fee_value));
        g_assert_cmpint (in->amount, ==, arrives);
        g_assert_cmpint (in->value, ==, value);
        if (fee)
          g_assert_cmpint (daftari_txn_get_split (txn, 0)->value, ==, fee_value);
      }
      g_assert_true (daftari_ledger_post (book, txn, NULL, &error));
      g_assert_no_error (error);
      expected[a] -= amount + fee;
      expected[b] += arrives;
      charges += fee_value;
    }
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    g_assert_cmpint (test_balance (book, wallets[i]), ==, expected[i]);
  g_assert_cmpint (test_balance (book, f->tb->charges), ==, charges);
}

int
main (int argc, char **argv)
{
  test_common_init (&argc, &argv);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/transfer/kes-btc", test_kes_btc);
  ADD ("/transfer/rate-of-the-day", test_rate_of_the_day);
  ADD ("/transfer/rounded-once", test_rounded_once);
  ADD ("/transfer/crypto-fee", test_crypto_fee);
  ADD ("/transfer/too-small", test_too_small);
  ADD ("/transfer/crypto-overdraft", test_crypto_overdraft);
  ADD ("/transfer/random-pairs", test_random_pairs);
#undef ADD
  return g_test_run ();
}
