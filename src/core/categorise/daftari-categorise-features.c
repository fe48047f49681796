/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-categorise-features.h"

#include <string.h>

#include "daftari-mpesa-details.h"

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

char *
daftari_categorise_fold (const char *text)
{
  g_autofree char *clean = daftari_mpesa_clean_name (text);

  return g_utf8_strdown (clean, -1);
}

static void
add_unique (GPtrArray *out, guint first, char *token)
{
  for (guint i = first; i < out->len; i++)
    if (strcmp (g_ptr_array_index (out, i), token) == 0)
      {
        g_free (token);
        return;
      }
  g_ptr_array_add (out, token);
}

/* Words of letters only (UTF-8 letters count), two characters or more;
 * a word with a digit in it is a receipt, an amount or a date. */
static void
add_words (GPtrArray *out, guint first, const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  const char *p = lower;

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
        add_unique (out, first, g_strdup_printf ("w:%.*s", (int) (p - start), start));
    }
}

void
daftari_categorise_features_tokens (const DaftariCategoriseFeatures *f, GPtrArray *out)
{
  guint first = out->len;
  g_autofree char *name = daftari_categorise_fold (f->counterparty);

  add_words (out, first, f->text);
  add_words (out, first, f->counterparty);
  if (*name != '\0')
    add_unique (out, first, g_strconcat ("c:", name, NULL));
  if (*f->channel != '\0')
    add_unique (out, first, g_strconcat ("ch:", f->channel, NULL));
  if (*f->number != '\0')
    {
      add_unique (out, first, g_strconcat ("n:", f->number, NULL));
      if (*f->reference != '\0')
        add_unique (out, first, g_strconcat ("r:", f->number, ":", f->reference, NULL));
    }
  if (*f->phone != '\0')
    add_unique (out, first, g_strconcat ("p:", f->phone, NULL));
}
