/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Money as gint64 minor units: parsing what people type, formatting,
 * overflow, and conversions rounded once, half away from zero. Also the
 * Kenyan phone and Paybill/Till number checks that Lipa na M-PESA uses. */
#include "test-common.h"

static const DaftariCommodity *
commodity (const char *code)
{
  const DaftariCommodity *c = daftari_commodity_lookup (code);
  g_assert_nonnull (c);
  return c;
}

static void
test_commodities (void)
{
  static const struct { const char *code; guint scale; gint64 unit; gboolean crypto; } expected[] = {
    { "KES", 2, 100, FALSE }, { "USD", 2, 100, FALSE }, { "USDT", 6, 1000000, TRUE },
    { "BTC", 8, 100000000, TRUE }, { "ETH", 8, 100000000, TRUE },
  };
  guint n = 0;

  daftari_commodity_all (&n);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const DaftariCommodity *c = commodity (expected[i].code);
      g_assert_cmpuint (c->scale, ==, expected[i].scale);
      g_assert_cmpint (daftari_commodity_unit (c), ==, expected[i].unit);
      g_assert_cmpint (c->crypto, ==, expected[i].crypto);
    }
  /* Codes are matched whatever their case; unknown ones are not guessed. */
  g_assert_true (daftari_commodity_lookup ("btc") == commodity ("BTC"));
  g_assert_null (daftari_commodity_lookup ("KSH"));
  g_assert_null (daftari_commodity_lookup ("XBT"));
  g_assert_null (daftari_commodity_lookup (NULL));
}

typedef struct {
  const char *text;
  const char *code;
  gint64      minor;
} GoodAmount;

static void
test_parse_accepts (void)
{
  static const GoodAmount cases[] = {
    { "KES 1,234.50", "KES", 123450 },
    { "Ksh1,234.50", "KES", 123450 },
    { "1234.5", "KES", 123450 },
    { "-96.17", "KES", -9617 },
    { "Kshs. 20", "KES", 2000 },
    { "KSh 5", "KES", 500 },
    { "ksh 5", "KES", 500 },
    { "Sh.100", "KES", 10000 },
    { "kes 7", "KES", 700 },
    { "+5", "KES", 500 },
    { "-KES 5", "KES", -500 },
    { "KES -5", "KES", -500 },
    { "  12  ", "KES", 1200 },
    { ".5", "KES", 50 },
    { "0", "KES", 0 },
    { "0.01", "KES", 1 },
    { "1,234,567.89", "KES", 123456789 },
    { "500,000", "KES", 50000000 },
    { "USD 12.34", "USD", 1234 },
    { "0.00050000", "BTC", 50000 },
    { "BTC 1.5", "BTC", 150000000 },
    { "21,000,000", "BTC", G_GINT64_CONSTANT (2100000000000000) },
    { "0.00000001", "ETH", 1 },
    { "1.123456", "USDT", 1123456 },
    /* The largest amounts that fit. */
    { "92,233,720,368,547,758.07", "KES", G_MAXINT64 },
    { "-92233720368547758.07", "KES", -G_MAXINT64 },
    { "92233720368.54775807", "BTC", G_MAXINT64 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 minor = 42;

      if (!daftari_money_parse (cases[i].text, commodity (cases[i].code), &minor, &error))
        g_error ("“%s” refused: %s", cases[i].text, error->message);
      g_assert_cmpint (minor, ==, cases[i].minor);
    }
}

typedef struct {
  const char        *text;
  const char        *code;
  DaftariMoneyError  why;
  const char        *reason;     /* words the message must hold */
} BadAmount;

static void
test_parse_rejects (void)
{
  static const BadAmount cases[] = {
    /* Ambiguous grouping and decimal marks are refused, not guessed. */
    { "1,00.0", "KES", DAFTARI_MONEY_ERROR_INVALID, "thousands separators" },
    { "1.234,50", "KES", DAFTARI_MONEY_ERROR_INVALID, "decimal separator" },
    { "12,34", "KES", DAFTARI_MONEY_ERROR_INVALID, "thousands separators" },
    { "1,2345", "KES", DAFTARI_MONEY_ERROR_INVALID, "thousands separators" },
    { "1234,567", "KES", DAFTARI_MONEY_ERROR_INVALID, "thousands separators" },
    { ",123", "KES", DAFTARI_MONEY_ERROR_INVALID, "thousands separators" },
    { "1,234.5.6", "KES", DAFTARI_MONEY_ERROR_INVALID, "decimal separator" },
    { "12.34.56", "KES", DAFTARI_MONEY_ERROR_INVALID, "decimal separator" },
    /* Two signs. */
    { "--5", "KES", DAFTARI_MONEY_ERROR_INVALID, "two signs" },
    { "-KES -5", "KES", DAFTARI_MONEY_ERROR_INVALID, "two signs" },
    { "+-5", "KES", DAFTARI_MONEY_ERROR_INVALID, "two signs" },
    /* Too many decimals for the commodity. */
    { "1.234", "KES", DAFTARI_MONEY_ERROR_TOO_PRECISE, "2 decimals" },
    { "0.001", "USD", DAFTARI_MONEY_ERROR_TOO_PRECISE, "USD" },
    { "1.1234567", "USDT", DAFTARI_MONEY_ERROR_TOO_PRECISE, "6 decimals" },
    { "0.000000001", "BTC", DAFTARI_MONEY_ERROR_TOO_PRECISE, "8 decimals" },
    /* Currencies. */
    { "USD 5", "KES", DAFTARI_MONEY_ERROR_WRONG_CURRENCY, "USD" },
    { "KES 5", "BTC", DAFTARI_MONEY_ERROR_WRONG_CURRENCY, "BTC" },
    { "Ksh 5", "USD", DAFTARI_MONEY_ERROR_WRONG_CURRENCY, "KES" },
    { "XYZ 5", "KES", DAFTARI_MONEY_ERROR_UNKNOWN_COMMODITY, "XYZ" },
    { "abc", "KES", DAFTARI_MONEY_ERROR_UNKNOWN_COMMODITY, "abc" },
    /* Not numbers at all. */
    { "", "KES", DAFTARI_MONEY_ERROR_INVALID, "empty" },
    { "   ", "KES", DAFTARI_MONEY_ERROR_INVALID, "empty" },
    { "KES", "KES", DAFTARI_MONEY_ERROR_INVALID, "no digits" },
    { ".", "KES", DAFTARI_MONEY_ERROR_INVALID, "no digits" },
    { "-", "KES", DAFTARI_MONEY_ERROR_INVALID, "no digits" },
    { "1 234", "KES", DAFTARI_MONEY_ERROR_INVALID, "unexpected" },
    { "5 KES", "KES", DAFTARI_MONEY_ERROR_INVALID, "unexpected" },
    { "1e5", "KES", DAFTARI_MONEY_ERROR_INVALID, "unexpected" },
    { "0x10", "KES", DAFTARI_MONEY_ERROR_INVALID, "unexpected" },
    { "12/=", "KES", DAFTARI_MONEY_ERROR_INVALID, "unexpected" },
    /* One past the largest amount, either sign, and far past it. */
    { "92,233,720,368,547,758.08", "KES", DAFTARI_MONEY_ERROR_OVERFLOW, "too large" },
    { "-92233720368547758.08", "KES", DAFTARI_MONEY_ERROR_OVERFLOW, "too large" },
    { "99999999999999999999999999", "KES", DAFTARI_MONEY_ERROR_OVERFLOW, "too large" },
    { "92233720368.54775808", "BTC", DAFTARI_MONEY_ERROR_OVERFLOW, "too large" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 minor = 42;

      if (daftari_money_parse (cases[i].text, commodity (cases[i].code), &minor, &error))
        g_error ("“%s” was accepted as %" G_GINT64_FORMAT, cases[i].text, minor);
      g_assert_error (error, DAFTARI_MONEY_ERROR, (gint) cases[i].why);
      /* The reason is given, and the output was left alone. */
      if (strstr (error->message, cases[i].reason) == NULL)
        g_error ("“%s”: “%s” does not say “%s”", cases[i].text, error->message, cases[i].reason);
      g_assert_cmpint (minor, ==, 42);
    }

  {
    g_autoptr(GError) error = NULL;
    gint64 minor;
    g_assert_false (daftari_money_parse (NULL, commodity ("KES"), &minor, &error));
    g_assert_error (error, DAFTARI_MONEY_ERROR, DAFTARI_MONEY_ERROR_INVALID);
  }
}

static void
assert_format (gint64 minor, const char *code, DaftariMoneyFormatFlags flags, const char *expected)
{
  g_autofree char *text = daftari_money_format (minor, commodity (code), flags);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_format (void)
{
  const DaftariMoneyFormatFlags bare = DAFTARI_MONEY_FORMAT_NO_CODE | DAFTARI_MONEY_FORMAT_NO_GROUPING;

  assert_format (123450, "KES", 0, "KES 1,234.50");
  assert_format (123450, "KES", DAFTARI_MONEY_FORMAT_NO_CODE, "1,234.50");
  assert_format (123450, "KES", bare, "1234.50");
  assert_format (-9617, "KES", 0, "-KES 96.17");
  assert_format (-5, "KES", 0, "-KES 0.05");
  assert_format (0, "KES", 0, "KES 0.00");
  assert_format (99999, "KES", 0, "KES 999.99");
  assert_format (100000, "KES", 0, "KES 1,000.00");
  assert_format (50000000, "KES", 0, "KES 500,000.00");
  assert_format (50000, "BTC", 0, "BTC 0.00050000");
  assert_format (1123456, "USDT", 0, "USDT 1.123456");
  assert_format (G_MAXINT64, "KES", 0, "KES 92,233,720,368,547,758.07");
  /* The most negative number has no positive twin; it must still print. */
  assert_format (G_MININT64, "KES", 0, "-KES 92,233,720,368,547,758.08");
  assert_format (G_MAXINT64, "BTC", bare, "92233720368.54775807");
}

/* Whatever is printed reads back as the same amount, in every commodity
 * and every format. */
static void
test_round_trip (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2025);
  const DaftariMoneyFormatFlags flags[] = {
    0, DAFTARI_MONEY_FORMAT_NO_CODE, DAFTARI_MONEY_FORMAT_NO_CODE | DAFTARI_MONEY_FORMAT_NO_GROUPING,
  };
  guint n;
  const DaftariCommodity *all = daftari_commodity_all (&n);

  for (guint i = 0; i < 3000; i++)
    {
      const DaftariCommodity *c = &all[i % n];
      /* Magnitudes of every size, from cents to the edge of the range. */
      gint64 minor = (gint64) (((guint64) g_rand_int (rand) << 32 | g_rand_int (rand)) >> g_rand_int_range (rand, 1, 63));
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      gint64 back = 0;

      if (g_rand_boolean (rand))
        minor = -minor;
      text = daftari_money_format (minor, c, flags[i % G_N_ELEMENTS (flags)]);
      g_assert_true (daftari_money_parse (text, c, &back, &error));
      g_assert_no_error (error);
      g_assert_cmpint (back, ==, minor);
    }
}

static void
test_arithmetic_overflow (void)
{
  gint64 out = 0;

  g_assert_true (daftari_money_add (G_MAXINT64 - 1, 1, &out, NULL));
  g_assert_cmpint (out, ==, G_MAXINT64);
  {
    g_autoptr(GError) error = NULL;
    out = 7;
    g_assert_false (daftari_money_add (G_MAXINT64, 1, &out, &error));
    g_assert_error (error, DAFTARI_MONEY_ERROR, DAFTARI_MONEY_ERROR_OVERFLOW);
  }
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (daftari_money_add (G_MININT64, -1, &out, &error));
    g_assert_error (error, DAFTARI_MONEY_ERROR, DAFTARI_MONEY_ERROR_OVERFLOW);
  }
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (daftari_money_sub (G_MININT64, 1, &out, &error));
    g_assert_error (error, DAFTARI_MONEY_ERROR, DAFTARI_MONEY_ERROR_OVERFLOW);
  }
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (daftari_money_negate (G_MININT64, &out, &error));
    g_assert_error (error, DAFTARI_MONEY_ERROR, DAFTARI_MONEY_ERROR_OVERFLOW);
  }
  g_assert_true (daftari_money_sub (0, G_MAXINT64, &out, NULL));
  g_assert_cmpint (out, ==, -G_MAXINT64);
  g_assert_true (daftari_money_negate (-G_MAXINT64, &out, NULL));
  g_assert_cmpint (out, ==, G_MAXINT64);
}

static gint64
muldiv (gint64 amount, gint64 numerator, gint64 denominator)
{
  g_autoptr(GError) error = NULL;
  gint64 out = 0;

  g_assert_true (daftari_money_muldiv (amount, numerator, denominator, &out, &error));
  g_assert_no_error (error);
  return out;
}

static void
test_muldiv_rounding (void)
{
  /* Exactly half goes away from zero, on either side of zero. */
  g_assert_cmpint (muldiv (1, 1, 2), ==, 1);
  g_assert_cmpint (muldiv (-1, 1, 2), ==, -1);
  g_assert_cmpint (muldiv (3, 1, 2), ==, 2);
  g_assert_cmpint (muldiv (-3, 1, 2), ==, -2);
  g_assert_cmpint (muldiv (5, 1, -2), ==, -3);
  g_assert_cmpint (muldiv (-5, 1, -2), ==, 3);
  /* Below half goes toward zero, above half away. */
  g_assert_cmpint (muldiv (5, 1, 4), ==, 1);
  g_assert_cmpint (muldiv (-5, 1, 4), ==, -1);
  g_assert_cmpint (muldiv (7, 1, 4), ==, 2);
  g_assert_cmpint (muldiv (-7, 1, 4), ==, -2);
  g_assert_cmpint (muldiv (1, 1, 3), ==, 0);
  g_assert_cmpint (muldiv (2, 1, 3), ==, 1);
  g_assert_cmpint (muldiv (0, 5, 7), ==, 0);
  /* The product may pass 64 bits as long as the result fits. */
  g_assert_cmpint (muldiv (G_MAXINT64, 3, 3), ==, G_MAXINT64);
  g_assert_cmpint (muldiv (G_MININT64, 1000, 1000), ==, G_MININT64);
  g_assert_cmpint (muldiv (G_MAXINT64, G_MAXINT64, G_MAXINT64), ==, G_MAXINT64);

  {
    g_autoptr(GError) error = NULL;
    gint64 out = 9;
    g_assert_false (daftari_money_muldiv (G_MAXINT64, 2, 1, &out, &error));
    g_assert_error (error, DAFTARI_MONEY_ERROR, DAFTARI_MONEY_ERROR_OVERFLOW);
  }
  {
    g_autoptr(GError) error = NULL;
    gint64 out = 9;
    g_assert_false (daftari_money_muldiv (G_MININT64, -1, 1, &out, &error));
    g_assert_error (error, DAFTARI_MONEY_ERROR, DAFTARI_MONEY_ERROR_OVERFLOW);
  }
}

static gint64
convert (gint64 amount, const char *from, gint64 from_rate, const char *to, gint64 to_rate)
{
  g_autoptr(GError) error = NULL;
  gint64 out = 0;

  g_assert_true (daftari_money_convert (amount, commodity (from), from_rate, commodity (to), to_rate,
                                        &out, &error));
  g_assert_no_error (error);
  return out;
}

static void
test_convert (void)
{
  const gint64 one = DAFTARI_RATE_ONE;
  const gint64 btc_9m = 9000000 * one;
  const gint64 usd = G_GINT64_CONSTANT (12945000000);           /* KES 129.45 */
  const gint64 btc_9m_half = G_GINT64_CONSTANT (900000050000000); /* KES 9,000,000.50 */

  /* The example: KES 4,500 at 9,000,000 KES/BTC is 0.00050000 BTC. */
  g_assert_cmpint (convert (450000, "KES", one, "BTC", btc_9m), ==, 50000);
  g_assert_cmpint (convert (50000, "BTC", btc_9m, "KES", one), ==, 450000);
  /* KES 100 is 1,111.11… satoshis: down to 1,111; KES 200 is 2,222.2…. */
  g_assert_cmpint (convert (10000, "KES", one, "BTC", btc_9m), ==, 1111);
  g_assert_cmpint (convert (20000, "KES", one, "BTC", btc_9m), ==, 2222);
  /* Exactly half a satoshi at 8,000,000: KES 0.04 → 0.5 sat → 1, and
   * symmetric for money going the other way. */
  g_assert_cmpint (convert (4, "KES", one, "BTC", 8000000 * one), ==, 1);
  g_assert_cmpint (convert (-4, "KES", one, "BTC", 8000000 * one), ==, -1);
  /* Half a cent: 1 sat at 9,000,000 is KES 0.09; 5 sat at KES 1,000,000
   * is KES 0.05; 1 sat at KES 500,000 is 0.005 → 0.01. */
  g_assert_cmpint (convert (1, "BTC", 500000 * one, "KES", one), ==, 1);
  g_assert_cmpint (convert (-1, "BTC", 500000 * one, "KES", one), ==, -1);
  /* USD → BTC in one step. Through KES cents first (3,884) and then to
   * BTC it would be 432 sat, rounded twice; exactly it is 431.47… → 431. */
  g_assert_cmpint (convert (30, "USD", usd, "BTC", btc_9m_half), ==, 431);
  g_assert_cmpint (convert (30, "USD", usd, "KES", one), ==, 3884);
  /* Between equal scales the rate alone matters. */
  g_assert_cmpint (convert (100, "USD", usd, "KES", one), ==, 12945);
  /* USDT has 6 decimals: 1 USDT at KES 129.45 into BTC at 9,000,000. */
  g_assert_cmpint (convert (1000000, "USDT", usd, "BTC", btc_9m), ==, 1438);

  {
    g_autoptr(GError) error = NULL;
    gint64 out = 9;
    /* A fortune in BTC at a huge rate does not fit in KES cents. */
    g_assert_false (daftari_money_convert (G_MAXINT64, commodity ("BTC"), btc_9m, commodity ("KES"), one,
                                           &out, &error));
    g_assert_error (error, DAFTARI_MONEY_ERROR, DAFTARI_MONEY_ERROR_OVERFLOW);
    g_assert_cmpint (out, ==, 9);
  }
}

static void
test_rates (void)
{
  static const struct { const char *text; gint64 rate; const char *printed; } good[] = {
    { "9,000,000", 9000000 * DAFTARI_RATE_ONE, "9,000,000" },
    { "129.45", G_GINT64_CONSTANT (12945000000), "129.45" },
    { "0.00000001", 1, "0.00000001" },
    { "1", DAFTARI_RATE_ONE, "1" },
  };
  static const char *const bad[] = { "0", "-5", "1.123456789", "1,00", "abc", "", "KES 5" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      gint64 rate = 0;

      g_assert_true (daftari_rate_parse (good[i].text, &rate, &error));
      g_assert_no_error (error);
      g_assert_cmpint (rate, ==, good[i].rate);
      text = daftari_rate_format (rate);
      g_assert_cmpstr (text, ==, good[i].printed);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 rate = 0;

      if (daftari_rate_parse (bad[i], &rate, &error))
        g_error ("rate “%s” accepted", bad[i]);
      g_assert_true (error != NULL && error->domain == DAFTARI_MONEY_ERROR);
    }
}

static void
test_phone (void)
{
  static const struct { const char *text; const char *phone; } good[] = {
    { "0712345678", "254712345678" },
    { "0712 345 678", "254712345678" },
    { "0712-345-678", "254712345678" },
    { "+254712345678", "254712345678" },
    { "+254 712 345 678", "254712345678" },
    { "254712345678", "254712345678" },
    { "712345678", "254712345678" },
    { "0112345678", "254112345678" },
    { "+254 110 000 001", "254110000001" },
  };
  static const char *const bad[] = {
    "0812345678", "071234567", "07123456789", "+255712345678", "254812345678", "07123a5678",
    "0712+345678", "", "2540712345678", "12345",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *phone = NULL;

      g_assert_true (daftari_phone_normalise (good[i].text, &phone, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (phone, ==, good[i].phone);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *phone = NULL;

      if (daftari_phone_normalise (bad[i], &phone, &error))
        g_error ("“%s” accepted as %s", bad[i], phone);
      g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID);
      g_assert_null (phone);
    }
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *phone = NULL;
    g_assert_false (daftari_phone_normalise (NULL, &phone, &error));
    g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID);
  }
}

static void
test_shortcode (void)
{
  static const char *const good[] = { "12345", "888880", "1234567" };
  static const char *const bad[] = { "1234", "12345678", "12a45", "", " 12345", "12 345", "-12345", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (daftari_shortcode_check (good[i], NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_assert_false (daftari_shortcode_check (bad[i], &error));
      g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID);
    }
}

int
main (int argc, char **argv)
{
  test_common_init (&argc, &argv);
  g_test_add_func ("/money/commodities", test_commodities);
  g_test_add_func ("/money/parse/accepts", test_parse_accepts);
  g_test_add_func ("/money/parse/rejects", test_parse_rejects);
  g_test_add_func ("/money/format", test_format);
  g_test_add_func ("/money/round-trip", test_round_trip);
  g_test_add_func ("/money/overflow", test_arithmetic_overflow);
  g_test_add_func ("/money/muldiv-rounding", test_muldiv_rounding);
  g_test_add_func ("/money/convert", test_convert);
  g_test_add_func ("/money/rates", test_rates);
  g_test_add_func ("/money/phone", test_phone);
  g_test_add_func ("/money/shortcode", test_shortcode);
  return g_test_run ();
}
