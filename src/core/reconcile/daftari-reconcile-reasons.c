/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reasons of a candidate as people and programs read them. */
#include "daftari-reconcile-matcher.h"

#include <glib/gi18n-lib.h>

typedef struct {
  DaftariMatchReason reason;
  const char        *key;
  const char        *label;
} ReasonInfo;

static const ReasonInfo reasons[DAFTARI_MATCH_N_REASONS] = {
  { DAFTARI_MATCH_REF_EXACT,      "ref-exact",      N_("The account reference is the invoice number") },
  { DAFTARI_MATCH_REF_CLOSE,      "ref-close",      N_("The account reference is one typing slip from the invoice number") },
  { DAFTARI_MATCH_REF_SEQUENCE,   "ref-sequence",   N_("The account reference is the invoice number without its year") },
  { DAFTARI_MATCH_PHONE,          "phone",          N_("Paid from the customer’s phone") },
  { DAFTARI_MATCH_PHONE_MASKED,   "phone-masked",   N_("The masked phone fits the customer’s") },
  { DAFTARI_MATCH_NAME_SAME,      "name-same",      N_("The payer’s name is the customer’s") },
  { DAFTARI_MATCH_NAME_CLOSE,     "name-close",     N_("The payer’s name is much like the customer’s") },
  { DAFTARI_MATCH_ALIAS,          "alias",          N_("This payer paid for this customer before") },
  { DAFTARI_MATCH_AMOUNT_EXACT,   "amount-exact",   N_("The amount is what the invoice still owes") },
  { DAFTARI_MATCH_AMOUNT_SEVERAL, "amount-several", N_("The amount settles several invoices exactly") },
  { DAFTARI_MATCH_AMOUNT_PARTIAL, "amount-partial", N_("Part of what the invoice owes") },
  { DAFTARI_MATCH_AMOUNT_OVER,    "amount-over",    N_("A little more than the invoice owes: the rest is credit") },
  { DAFTARI_MATCH_ONLY_OPEN,      "only-open",      N_("The customer’s only open invoice the amount fits") },
  { DAFTARI_MATCH_DATE_FITS,      "date-fits",      N_("Paid after the invoice was issued, around its due date") },
  { DAFTARI_MATCH_BEFORE_ISSUE,   "before-issue",   N_("Paid before the invoice was issued") },
  { DAFTARI_MATCH_AMBIGUOUS,      "ambiguous",      N_("Another invoice is nearly as likely") },
  { DAFTARI_MATCH_OTHER_PAYER,    "other-payer",    N_("The payer is known as another customer") },
};

static const ReasonInfo *
info_of (DaftariMatchReason reason)
{
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (reasons[i].reason == reason)
      return &reasons[i];
  return NULL;
}

const char *
daftari_match_reason_label (DaftariMatchReason reason)
{
  const ReasonInfo *info = info_of (reason);
  return info != NULL ? _(info->label) : "";
}

const char *
daftari_match_reason_key (DaftariMatchReason reason)
{
  const ReasonInfo *info = info_of (reason);
  return info != NULL ? info->key : "";
}

char *
daftari_match_reasons_text (guint32 set)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (set & reasons[i].reason)
      {
        if (text->len > 0)
          g_string_append (text, "; ");
        g_string_append (text, _(reasons[i].label));
      }
  return g_string_free (text, FALSE);
}

char *
daftari_match_reasons_keys (guint32 set)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (set & reasons[i].reason)
      {
        if (text->len > 0)
          g_string_append_c (text, ',');
        g_string_append (text, reasons[i].key);
      }
  return g_string_free (text, FALSE);
}

guint32
daftari_match_reasons_parse (const char *keys)
{
  g_auto(GStrv) parts = g_strsplit (keys != NULL ? keys : "", ",", -1);
  guint32 set = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    for (guint j = 0; j < G_N_ELEMENTS (reasons); j++)
      if (g_str_equal (parts[i], reasons[j].key))
        set |= reasons[j].reason;
  return set;
}
