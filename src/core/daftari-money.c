/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-money.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "daftari-error.h"

/* Names people write in front of Kenyan shilling amounts. Longest first so
 * that "Kshs" is not read as "Ksh" followed by "s". */
static const char *const kes_prefixes[] = { "Kshs.", "Kshs", "Ksh.", "Ksh", "KSh", "KES", "Sh.", "Sh", NULL };

static const char *
skip_spaces (const char *p)
{
  while (*p == ' ' || *p == '\t')
    p++;
  return p;
}

/* Reads an optional currency name at *p; returns the commodity it names, or
 * NULL when there is none. An unknown alphabetic prefix is an error. */
static gboolean
read_currency (const char              **p,
               const DaftariCommodity  **out_named,
               GError                  **error)
{
  const char *s = *p;
  gsize len = 0;

  *out_named = NULL;
  /* Every name starts with a letter; most amounts start with a digit. */
  if (!g_ascii_isalpha (*s))
    return TRUE;
  for (guint i = 0; kes_prefixes[i] != NULL; i++)
    {
      gsize n = strlen (kes_prefixes[i]);
      if (g_ascii_strncasecmp (s, kes_prefixes[i], n) == 0 && !g_ascii_isalpha (s[n]))
        {
          *out_named = daftari_commodity_lookup ("KES");
          *p = s + n;
          return TRUE;
        }
    }

  while (g_ascii_isalpha (s[len]))
    len++;
  if (len == 0)
    return TRUE;

  g_autofree char *code = g_strndup (s, len);
  *out_named = daftari_commodity_lookup (code);
  if (*out_named == NULL)
    {
      g_set_error (error, DAFTARI_MONEY_ERROR, DAFTARI_MONEY_ERROR_UNKNOWN_COMMODITY,
                   _("“%s” is not a currency Daftari knows"), code);
      return FALSE;
    }
  *p = s + len;
  return TRUE;
}

static gboolean
invalid (GError **error, const char *text, const char *why)
{
  g_set_error (error, DAFTARI_MONEY_ERROR, DAFTARI_MONEY_ERROR_INVALID,
               _("“%s” is not an amount: %s"), text, why);
  return FALSE;
}

/* The digits of an amount, read into one number as they come (an import
 * parses millions of amounts, so no strings are built). */
typedef struct {
  guint64  value;       /* every digit, whole then fraction */
  gboolean overflow;    /* value no longer fits a gint64 */
  guint    n_whole;
  guint    n_fraction;
} Digits;

static void
add_digit (Digits *d, guint digit)
{
  d->overflow = d->overflow || __builtin_mul_overflow (d->value, 10, &d->value) ||
                __builtin_add_overflow (d->value, (guint64) digit, &d->value) || d->value > (guint64) G_MAXINT64;
}

/* Reads the digits of an amount: "1,234.50", "1234.5", ".5". Commas must
 * group thousands exactly; anything else ("1,00.0", "1.234,50") is refused
 * rather than guessed at. */
static gboolean
read_digits (const char  *text,
             const char **p,
             Digits      *d,
             gboolean    *saw_point,
             GError     **error)
{
  const char *s = *p;
  int group = -1;            /* digits since the last comma; -1: no comma yet */
  gboolean grouped = FALSE;

  *saw_point = FALSE;
  for (; g_ascii_isdigit (*s) || *s == ','; s++)
    {
      if (*s == ',')
        {
          if (d->n_whole == 0 || (grouped && group != 3) || (!grouped && d->n_whole > 3))
            return invalid (error, text, _("the thousands separators are in the wrong place"));
          grouped = TRUE;
          group = 0;
          continue;
        }
      add_digit (d, (guint) (*s - '0'));
      d->n_whole++;
      if (grouped)
        group++;
    }
  if (grouped && group != 3)
    return invalid (error, text, _("the thousands separators are in the wrong place"));

  if (*s == '.')
    {
      *saw_point = TRUE;
      for (s++; g_ascii_isdigit (*s); s++)
        {
          add_digit (d, (guint) (*s - '0'));
          d->n_fraction++;
        }
      if (*s == ',' || *s == '.')
        return invalid (error, text, _("it has more than one decimal separator"));
    }
  if (d->n_whole == 0 && d->n_fraction == 0)
    return invalid (error, text, _("there are no digits"));
  *p = s;
  return TRUE;
}

static gboolean
check_currency (const char              *text,
                const DaftariCommodity  *named,
                const DaftariCommodity  *expected,
                GError                 **error)
{
  if (named == NULL || named == expected)
    return TRUE;
  g_set_error (error, DAFTARI_MONEY_ERROR, DAFTARI_MONEY_ERROR_WRONG_CURRENCY,
               _("“%s” is in %s but this amount is in %s"), text, named->code, expected->code);
  return FALSE;
}

/* Accepts "KES 1,234.50", "Ksh1,234.50", "1234.5", "-96.17", "-KES 5",
 * "KES -5" and "+5". A sign may appear once, before or after the currency. */
gboolean
daftari_money_parse (const char              *text,
                     const DaftariCommodity  *commodity,
                     gint64                  *out_minor,
                     GError                 **error)
{
  const DaftariCommodity *named = NULL;
  Digits digits = { 0 };
  gboolean negative = FALSE, signed_ = FALSE, saw_point;
  const char *p;

  g_return_val_if_fail (commodity != NULL, FALSE);
  if (text == NULL || *skip_spaces (text) == '\0')
    return invalid (error, text ? text : "", _("it is empty"));

  p = skip_spaces (text);
  if (*p == '-' || *p == '+')
    {
      negative = *p == '-';
      signed_ = TRUE;
      p = skip_spaces (p + 1);
    }
  if (!read_currency (&p, &named, error))
    return FALSE;
  p = skip_spaces (p);
  if (*p == '-' || *p == '+')
    {
      if (signed_)
        return invalid (error, text, _("it has two signs"));
      negative = *p == '-';
      p = skip_spaces (p + 1);
    }
  if (!read_digits (text, &p, &digits, &saw_point, error))
    return FALSE;
  p = skip_spaces (p);
  if (*p != '\0')
    return invalid (error, text, _("it has unexpected characters after the number"));
  if (!check_currency (text, named, commodity, error))
    return FALSE;

  if (digits.n_fraction > commodity->scale)
    {
      g_set_error (error, DAFTARI_MONEY_ERROR, DAFTARI_MONEY_ERROR_TOO_PRECISE,
                   _("“%s” has more than %u decimals, the most %s allows"),
                   text, commodity->scale, commodity->code);
      return FALSE;
    }
  for (; digits.n_fraction < commodity->scale; digits.n_fraction++)
    add_digit (&digits, 0);
  if (digits.overflow)
    {
      g_set_error (error, DAFTARI_MONEY_ERROR, DAFTARI_MONEY_ERROR_OVERFLOW,
                   _("“%s” is too large an amount"), text);
      return FALSE;
    }

  *out_minor = negative ? -(gint64) digits.value : (gint64) digits.value;
  return TRUE;
}

static void
append_grouped (GString *out, const char *digits, gboolean grouping)
{
  gsize len = strlen (digits);
  for (gsize i = 0; i < len; i++)
    {
      if (grouping && i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
}

char *
daftari_money_format (gint64                   minor,
                      const DaftariCommodity  *commodity,
                      DaftariMoneyFormatFlags  flags)
{
  /* The magnitude as unsigned so that G_MININT64 has one too. */
  guint64 magnitude = minor < 0 ? -(guint64) minor : (guint64) minor;
  guint64 unit = (guint64) daftari_commodity_unit (commodity);
  GString *out = g_string_new (NULL);
  char whole[32];

  if (minor < 0)
    g_string_append_c (out, '-');
  if (!(flags & DAFTARI_MONEY_FORMAT_NO_CODE))
    g_string_append_printf (out, "%s ", commodity->code);
  g_snprintf (whole, sizeof whole, "%" G_GUINT64_FORMAT, magnitude / unit);
  append_grouped (out, whole, !(flags & DAFTARI_MONEY_FORMAT_NO_GROUPING));
  if (commodity->scale > 0)
    g_string_append_printf (out, ".%0*" G_GUINT64_FORMAT, (int) commodity->scale, magnitude % unit);
  return g_string_free (out, FALSE);
}

static gboolean
overflow (GError **error)
{
  g_set_error_literal (error, DAFTARI_MONEY_ERROR, DAFTARI_MONEY_ERROR_OVERFLOW,
                       _("The amount is too large to be recorded"));
  return FALSE;
}

gboolean
daftari_money_add (gint64 a, gint64 b, gint64 *out_sum, GError **error)
{
  if (__builtin_add_overflow (a, b, out_sum))
    return overflow (error);
  return TRUE;
}

gboolean
daftari_money_sub (gint64 a, gint64 b, gint64 *out_difference, GError **error)
{
  if (__builtin_sub_overflow (a, b, out_difference))
    return overflow (error);
  return TRUE;
}

gboolean
daftari_money_negate (gint64 a, gint64 *out_negated, GError **error)
{
  return daftari_money_sub (0, a, out_negated, error);
}

/* n / d rounded half away from zero; d != 0. */
static __int128
divide_rounded (__int128 n, __int128 d)
{
  __int128 q = n / d, r = n % d;
  __int128 abs_r = r < 0 ? -r : r, abs_d = d < 0 ? -d : d;

  if (2 * abs_r >= abs_d)
    q += ((n < 0) == (d < 0)) ? 1 : -1;
  return q;
}

static gboolean
muldiv_128 (__int128 amount, __int128 numerator, __int128 denominator,
            gint64 *out_result, GError **error)
{
  __int128 product, q;

  g_return_val_if_fail (denominator != 0, FALSE);
  if (__builtin_mul_overflow (amount, numerator, &product))
    return overflow (error);
  q = divide_rounded (product, denominator);
  if (q > G_MAXINT64 || q < G_MININT64)
    return overflow (error);
  *out_result = (gint64) q;
  return TRUE;
}

gboolean
daftari_money_muldiv (gint64 amount, gint64 numerator, gint64 denominator,
                      gint64 *out_result, GError **error)
{
  return muldiv_128 (amount, numerator, denominator, out_result, error);
}

static __int128
pow10_128 (guint exponent)
{
  __int128 p = 1;
  while (exponent-- > 0)
    p *= 10;
  return p;
}

/* to = amount * from_rate / to_rate, rescaled from one commodity's minor
 * units to the other's. Scale factors go on whichever side keeps the
 * arithmetic exact (both are powers of ten, so nothing is lost before the
 * single rounding division). */
gboolean
daftari_money_convert (gint64                   amount,
                       const DaftariCommodity  *from,
                       gint64                   from_rate,
                       const DaftariCommodity  *to,
                       gint64                   to_rate,
                       gint64                  *out_amount,
                       GError                 **error)
{
  __int128 numerator, denominator;

  g_return_val_if_fail (from_rate > 0 && to_rate > 0, FALSE);
  if (to->scale >= from->scale)
    {
      numerator = (__int128) from_rate * pow10_128 (to->scale - from->scale);
      denominator = to_rate;
    }
  else
    {
      numerator = from_rate;
      denominator = (__int128) to_rate * pow10_128 (from->scale - to->scale);
    }
  return muldiv_128 (amount, numerator, denominator, out_amount, error);
}

static const DaftariCommodity rate_commodity = { "", DAFTARI_RATE_SCALE, "", FALSE };

gboolean
daftari_rate_parse (const char *text, gint64 *out_rate, GError **error)
{
  if (!daftari_money_parse (text, &rate_commodity, out_rate, error))
    return FALSE;
  if (*out_rate <= 0)
    {
      g_set_error (error, DAFTARI_MONEY_ERROR, DAFTARI_MONEY_ERROR_INVALID,
                   _("A rate must be more than zero, not “%s”"), text);
      return FALSE;
    }
  return TRUE;
}

/* "129.45", with trailing zeros of the fraction dropped. */
char *
daftari_rate_format (gint64 rate)
{
  return daftari_rate_format_full (rate, DAFTARI_MONEY_FORMAT_DEFAULT);
}

char *
daftari_rate_format_full (gint64 rate, DaftariMoneyFormatFlags flags)
{
  char *text = daftari_money_format (rate, &rate_commodity, flags | DAFTARI_MONEY_FORMAT_NO_CODE);
  gsize len = strlen (text);

  while (len > 0 && text[len - 1] == '0')
    text[--len] = '\0';
  if (len > 0 && text[len - 1] == '.')
    text[--len] = '\0';
  return text;
}
