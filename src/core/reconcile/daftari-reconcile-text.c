/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a payer wrote, made comparable: names, invoice references, phones.
 * Pure functions; the matcher calls them millions of times, so nothing
 * here allocates more than its result. */
#include "daftari-reconcile-text.h"

#include <stdlib.h>
#include <string.h>

#include "daftari-phone.h"

double
daftari_jaro_winkler (const char *a, const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  gsize window, matches = 0, transpositions = 0, prefix = 0;
  gboolean used_a[64] = { FALSE }, used_b[64] = { FALSE };
  double jaro;

  if (la == 0 || lb == 0)
    return la == lb ? 1.0 : 0.0;
  /* Names and references are short; longer text is compared on its start. */
  la = MIN (la, 64);
  lb = MIN (lb, 64);
  window = MAX (la, lb) / 2;
  window = window > 0 ? window - 1 : 0;
  for (gsize i = 0; i < la; i++)
    {
      gsize from = i > window ? i - window : 0, to = MIN (lb, i + window + 1);
      for (gsize j = from; j < to; j++)
        if (!used_b[j] && a[i] == b[j])
          {
            used_a[i] = used_b[j] = TRUE;
            matches++;
            break;
          }
    }
  if (matches == 0)
    return 0.0;
  for (gsize i = 0, j = 0; i < la; i++)
    {
      if (!used_a[i])
        continue;
      while (!used_b[j])
        j++;
      if (a[i] != b[j])
        transpositions++;
      j++;
    }
  jaro = ((double) matches / la + (double) matches / lb +
          (matches - transpositions / 2.0) / matches) / 3.0;
  while (prefix < 4 && prefix < la && prefix < lb && a[prefix] == b[prefix])
    prefix++;
  return jaro + prefix * 0.1 * (1.0 - jaro);
}

gboolean
daftari_within_one_edit (const char *a, const char *b)
{
  gsize la = strlen (a), lb = strlen (b), i = 0;

  if (la > lb)
    return daftari_within_one_edit (b, a);
  if (lb - la > 1)
    return FALSE;
  while (i < la && a[i] == b[i])
    i++;
  if (i == la)
    return TRUE;
  if (la < lb)                                        /* one inserted */
    return strcmp (a + i, b + i + 1) == 0;
  if (strcmp (a + i + 1, b + i + 1) == 0)             /* one replaced */
    return TRUE;
  return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] &&  /* neighbours swapped */
         strcmp (a + i + 2, b + i + 2) == 0;
}

/* ---- Names ---- */

static gboolean
is_title (const char *token)
{
  static const char *const titles[] = { "MR", "MRS", "MS", "MISS", "DR", "PROF", "REV", "ENG", "HON", "MADAM", "MAMA" };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (strcmp (token, titles[i]) == 0)
      return TRUE;
  return FALSE;
}

char *
daftari_name_normalise (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name != NULL ? name : "", "C");
  g_auto(GStrv) tokens = NULL;
  GString *out = g_string_new (NULL);

  for (char *p = ascii; *p != '\0'; p++)
    *p = g_ascii_isalpha (*p) ? g_ascii_toupper (*p) : *p == '\'' ? '\'' : ' ';
  tokens = g_strsplit (ascii, " ", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      /* O'Brien and N'gang'a are one token: drop the apostrophes. */
      char *w = tokens[i], *r = w;
      for (char *s = w; *s != '\0'; s++)
        if (*s != '\'')
          *r++ = *s;
      *r = '\0';
      if (*w == '\0' || is_title (w))
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, w);
    }
  return g_string_free (out, FALSE);
}

static double
token_similarity (const char *x, const char *y)
{
  double jw;

  /* An initial stands for any name it begins. */
  if (x[1] == '\0' || y[1] == '\0')
    return x[0] == y[0] ? 0.9 : 0.0;
  jw = daftari_jaro_winkler (x, y);
  /* Unlike names that share letters (JOHN, JOSEPH) are different names. */
  return jw >= 0.85 ? jw : 0.0;
}

/* The mean over a's tokens of their best likeness among b's. */
static double
covered (char **a, char **b)
{
  double sum = 0.0;
  guint n = 0;

  for (; a[n] != NULL; n++)
    {
      double best = 0.0;
      for (guint j = 0; b[j] != NULL; j++)
        best = MAX (best, token_similarity (a[n], b[j]));
      sum += best;
    }
  return n > 0 ? sum / n : 0.0;
}

double
daftari_name_similarity (const char *a, const char *b)
{
  g_auto(GStrv) ta = NULL;
  g_auto(GStrv) tb = NULL;

  if (a == NULL || b == NULL || *a == '\0' || *b == '\0')
    return 0.0;
  if (strcmp (a, b) == 0)
    return 1.0;
  ta = g_strsplit (a, " ", 8);
  tb = g_strsplit (b, " ", 8);
  /* Mostly how well the payer's names are found in the customer's (M-PESA
   * shows two of three names), a little the other way round, so a name
   * left out costs a little, not everything. */
  return 0.7 * covered (ta, tb) + 0.3 * covered (tb, ta);
}

/* ---- References ---- */

char *
daftari_invoice_key (int year, gint64 sequence)
{
  return g_strdup_printf ("%04d%04lld", year, (long long) sequence);
}

/* Letters people type for digits, when a digit is beside them. */
static char
as_digit (const char *text, gsize i, gsize len)
{
  char c = text[i];
  gboolean beside = (i > 0 && g_ascii_isdigit (text[i - 1])) || (i + 1 < len && g_ascii_isdigit (text[i + 1]));

  if (!beside)
    return c;
  if (c == 'O' || c == 'o')
    return '0';
  if (c == 'I' || c == 'l' || c == 'i' || c == '|')
    return '1';
  return c;
}

static gboolean
looks_like_phone (const char *run)
{
  gsize len = strlen (run);

  return (len == 10 && run[0] == '0' && (run[1] == '7' || run[1] == '1')) ||
         (len == 12 && g_str_has_prefix (run, "254"));
}

static int
year_of (const char *run)
{
  gsize len = strlen (run);
  int value = atoi (run);

  if (len == 4 && value >= 1990 && value <= 2099)
    return value;
  if (len == 2)
    return 2000 + value;
  return 0;
}

static char *
key_of (int year, const char *seq_digits)
{
  gint64 seq;

  while (*seq_digits == '0')
    seq_digits++;
  if (*seq_digits == '\0' || strlen (seq_digits) > 9)
    return NULL;
  seq = g_ascii_strtoll (seq_digits, NULL, 10);
  if (year == 0)
    return g_strdup_printf ("*%04lld", (long long) seq);
  return daftari_invoice_key (year, seq);
}

/* One run of digits: "20260042" reads as 2026 + 0042, and as 20 + 260042
 * when the pattern has a two-digit year. */
static guint
keys_of_one_run (const char *run, char *keys[2])
{
  gsize len = strlen (run);
  guint n = 0;
  char year4[5] = { 0 }, year2[3] = { 0 };

  if (len <= 4)
    return (keys[0] = key_of (0, run)) != NULL ? 1 : 0;
  memcpy (year4, run, 4);
  memcpy (year2, run, 2);
  if (year_of (year4) != 0 && (keys[n] = key_of (year_of (year4), run + 4)) != NULL)
    n++;
  if (len >= 5 && n < 2 && (keys[n] = key_of (year_of (year2), run + 2)) != NULL)
    n++;
  return n;
}

guint
daftari_reference_keys (const char *reference, char *keys[2])
{
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) run = g_string_new (NULL);
  gsize len = reference != NULL ? strlen (reference) : 0;
  int year = 0;

  keys[0] = keys[1] = NULL;
  for (gsize i = 0; i <= len; i++)
    {
      char c = i < len ? as_digit (reference, i, len) : '\0';
      if (g_ascii_isdigit (c))
        g_string_append_c (run, c);
      else if (run->len > 0)
        {
          g_ptr_array_add (runs, g_strdup (run->str));
          g_string_truncate (run, 0);
        }
    }
  if (runs->len == 0 || runs->len > 4)
    return 0;
  if (runs->len == 1)
    return looks_like_phone (g_ptr_array_index (runs, 0)) ? 0 : keys_of_one_run (g_ptr_array_index (runs, 0), keys);
  for (guint i = 0; i + 1 < runs->len && year == 0; i++)
    year = year_of (g_ptr_array_index (runs, i));
  return (keys[0] = key_of (year, g_ptr_array_index (runs, runs->len - 1))) != NULL ? 1 : 0;
}

gboolean
daftari_reference_is_invoice_number (const char *reference)
{
  char *keys[2];
  guint n = daftari_reference_keys (reference, keys);

  for (guint i = 0; i < n; i++)
    g_free (keys[i]);
  return n > 0;
}

gboolean
daftari_phone_compatible (const char *payer, const char *customer, gboolean *out_exact)
{
  const char *first, *last;
  gsize prefix, suffix;

  *out_exact = FALSE;
  if (payer == NULL || customer == NULL || *payer == '\0' || strlen (customer) != 12)
    return FALSE;
  if ((first = strchr (payer, '*')) == NULL)
    return (*out_exact = strcmp (payer, customer) == 0);
  /* Masks hide a varying number of digits (2547******541 has 13
   * characters): what shows at each end must fit. */
  last = strrchr (payer, '*');
  prefix = first - payer;
  suffix = strlen (last + 1);
  return suffix >= 2 && prefix + suffix <= 12 && strncmp (payer, customer, prefix) == 0 &&
         strcmp (customer + 12 - suffix, last + 1) == 0;
}

/* ---- Phones ---- */

char *
daftari_payer_phone (const char *text)
{
  char *phone = NULL;

  if (text == NULL || *text == '\0')
    return NULL;
  if (strchr (text, '*') != NULL)
    {
      /* Masked: only the prefix can be rewritten (07… → 2547…). */
      GString *masked = g_string_new (NULL);
      for (const char *p = text; *p != '\0'; p++)
        if (g_ascii_isdigit (*p) || *p == '*')
          g_string_append_c (masked, *p);
      if (masked->str[0] == '0')
        g_string_erase (masked, 0, 1);
      if (!g_str_has_prefix (masked->str, "254"))
        g_string_prepend (masked, "254");
      return g_string_free (masked, FALSE);
    }
  return daftari_phone_normalise (text, &phone, NULL) ? phone : NULL;
}
