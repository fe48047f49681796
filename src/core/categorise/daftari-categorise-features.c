/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-categorise-features.h"

#include <locale.h>
#include <string.h>

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

void
daftari_categorise_features_from_txn (DaftariCategoriseFeatures *f, const DaftariTxn *txn, gboolean money_in)
{
  gboolean pochi = g_strcmp0 (txn->channel, "pochi") == 0;
  gboolean numbered = g_strcmp0 (txn->channel, "paybill") == 0 || g_strcmp0 (txn->channel, "till") == 0;

  *f = (DaftariCategoriseFeatures) {
    .money_in = money_in,
    .channel = or_empty (txn->channel),
    .number = numbered ? or_empty (txn->counterparty) : "",
    .reference = or_empty (txn->reference),
    .phone = pochi ? or_empty (txn->counterparty) : "",
    .counterparty = or_empty (txn->payee),
    .text = or_empty (txn->memo),
  };
}

/* Whether lowering text byte by byte (g_ascii_tolower) gives what
 * g_utf8_strdown gives: for ASCII text, except in Turkish and Azeri, where
 * "I" lowers to a dotless ı (GLib asks the locale the same way). Every row
 * of an import is folded and split into words, so the common case must not
 * allocate. */
static gboolean
lowers_as_ascii (const char *text)
{
  const char *locale = setlocale (LC_CTYPE, NULL);

  if (locale != NULL && ((locale[0] == 't' && locale[1] == 'r') || (locale[0] == 'a' && locale[1] == 'z')))
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
}

void
daftari_categorise_fold_append (GString *out, const char *text)
{
  gsize start = out->len;
  gboolean space = FALSE;

  text = or_empty (text);
  /* Runs of white space as one space, none at either end. */
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = out->len > start;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  if (lowers_as_ascii (out->str + start))
    {
      for (gsize i = start; i < out->len; i++)
        out->str[i] = g_ascii_tolower (out->str[i]);
    }
  else
    {
      g_autofree char *lower = g_utf8_strdown (out->str + start, (gssize) (out->len - start));
      g_string_truncate (out, start);
      g_string_append (out, lower);
    }
}

char *
daftari_categorise_fold (const char *text)
{
  GString *out = g_string_new (NULL);

  daftari_categorise_fold_append (out, text);
  return g_string_free (out, FALSE);
}

/* The token from start to the end of out is kept (ended by a NUL) unless
 * an equal one is already there: each feature appears once. */
static guint
end_token (GString *out, gsize start)
{
  gsize n = out->len - start;

  for (const char *t = out->str; t < out->str + start; t += strlen (t) + 1)
    if (strlen (t) == n && memcmp (t, out->str + start, n) == 0)
      {
        g_string_truncate (out, start);
        return 0;
      }
  g_string_append_c (out, '\0');
  return 1;
}

static guint
add_token (GString *out, const char *prefix, const char *a, const char *b)
{
  gsize start = out->len;

  g_string_append (out, prefix);
  g_string_append (out, a);
  if (b != NULL)
    {
      g_string_append_c (out, ':');
      g_string_append (out, b);
    }
  return end_token (out, start);
}

/* Words of letters only (UTF-8 letters count), two characters or more;
 * a word with a digit in it is a receipt, an amount or a date. text is
 * lower case already unless ascii (then each byte is lowered here). */
static guint
add_words_of (GString *out, const char *text, gboolean ascii)
{
  const char *p = text;
  guint n = 0;

  while (*p != '\0')
    {
      const char *start;
      gboolean digit = FALSE;
      while (*p != '\0' && !g_ascii_isalnum (*p) && (guchar) *p < 0x80)
        p++;
      start = p;
      while (*p != '\0' && (g_ascii_isalnum (*p) || (guchar) *p >= 0x80))
        digit |= g_ascii_isdigit (*p++);
      if (!digit && p - start >= 2)
        {
          gsize token = out->len;
          g_string_append (out, "w:");
          g_string_append_len (out, start, p - start);
          if (ascii)
            for (gsize i = token + 2; i < out->len; i++)
              out->str[i] = g_ascii_tolower (out->str[i]);
          n += end_token (out, token);
        }
    }
  return n;
}

static guint
add_words (GString *out, const char *text)
{
  g_autofree char *lower = NULL;

  if (lowers_as_ascii (text))
    return add_words_of (out, text, TRUE);
  lower = g_utf8_strdown (text, -1);
  return add_words_of (out, lower, FALSE);
}

guint
daftari_categorise_features_write (const DaftariCategoriseFeatures *f, GString *out)
{
  guint n = 0;
  gsize name;

  g_string_truncate (out, 0);
  n += add_words (out, f->text);
  n += add_words (out, f->counterparty);
  name = out->len;
  g_string_append (out, "c:");
  daftari_categorise_fold_append (out, f->counterparty);
  if (out->len > name + 2)
    n += end_token (out, name);
  else
    g_string_truncate (out, name);
  if (*f->channel != '\0')
    n += add_token (out, "ch:", f->channel, NULL);
  if (*f->number != '\0')
    {
      n += add_token (out, "n:", f->number, NULL);
      if (*f->reference != '\0')
        n += add_token (out, "r:", f->number, f->reference);
    }
  if (*f->phone != '\0')
    n += add_token (out, "p:", f->phone, NULL);
  return n;
}
