/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-mpesa-details.h"

#include <string.h>

#include "daftari-phone.h"

/* How the text after a kind's words is read. Every kind that names a party
 * writes it the same way: an optional "-", a phone or a number, an optional
 * "-", the name, and for Paybills " Acc. <account>". */
typedef struct {
  const char       *words;
  DaftariMpesaKind  kind;
  gboolean          fuliza;
} KindWords;

/* Longest and most specific first: "Pay Bill Charge" before "Pay Bill",
 * the Fuliza variants before the plain ones. */
static const KindWords kinds[] = {
  { "Customer Transfer of Funds Charge", DAFTARI_MPESA_CHARGE, FALSE },
  { "Pay Bill Charge", DAFTARI_MPESA_CHARGE, FALSE },
  { "Pay Merchant Charge", DAFTARI_MPESA_CHARGE, FALSE },
  { "Withdrawal Charge", DAFTARI_MPESA_CHARGE, FALSE },
  { "Customer Transfer Fuliza MPesa to", DAFTARI_MPESA_SENT, TRUE },
  { "Customer Transfer Fuliza M-Pesa to", DAFTARI_MPESA_SENT, TRUE },
  { "Customer Transfer to", DAFTARI_MPESA_SENT, FALSE },
  { "Customer Send Money to Micro SME", DAFTARI_MPESA_POCHI, FALSE },
  { "Small Business Payment to", DAFTARI_MPESA_POCHI, FALSE },
  { "Funds received from", DAFTARI_MPESA_RECEIVED, FALSE },
  { "Pay Bill Fuliza M-Pesa to", DAFTARI_MPESA_PAYBILL, TRUE },
  { "Pay Bill Online Fuliza M-Pesa to", DAFTARI_MPESA_PAYBILL, TRUE },
  { "Pay Bill Online to", DAFTARI_MPESA_PAYBILL, FALSE },
  { "Pay Bill to", DAFTARI_MPESA_PAYBILL, FALSE },
  /* The business side of the same payments (Org portal statements). */
  { "Pay Bill from", DAFTARI_MPESA_BUSINESS_RECEIVED, FALSE },
  { "Pay Bill Online from", DAFTARI_MPESA_BUSINESS_RECEIVED, FALSE },
  { "Merchant Payment from", DAFTARI_MPESA_BUSINESS_RECEIVED, FALSE },
  { "Merchant Payment Fuliza M-Pesa to", DAFTARI_MPESA_TILL, TRUE },
  { "Merchant Payment Online to", DAFTARI_MPESA_TILL, FALSE },
  { "Merchant Payment to", DAFTARI_MPESA_TILL, FALSE },
  { "Customer Withdrawal At Agent Till", DAFTARI_MPESA_WITHDRAW, FALSE },
  { "Deposit of Funds at Agent Till", DAFTARI_MPESA_DEPOSIT, FALSE },
  { "Airtime Purchase with Fuliza", DAFTARI_MPESA_AIRTIME, TRUE },
  { "Airtime Purchase", DAFTARI_MPESA_AIRTIME, FALSE },
  { "Business Payment from", DAFTARI_MPESA_BUSINESS_PAYMENT, FALSE },
  { "Send Money Reversal via API", DAFTARI_MPESA_REVERSAL, FALSE },
  { "Reversal", DAFTARI_MPESA_REVERSAL, FALSE },
  { "OverDraft of Credit Party", DAFTARI_MPESA_FULIZA_CREDIT, TRUE },
  { "OD Loan Repayment to", DAFTARI_MPESA_FULIZA_REPAYMENT, TRUE },
  { "M-Shwari Deposit", DAFTARI_MPESA_MSHWARI_DEPOSIT, FALSE },
  { "M-Shwari Withdraw", DAFTARI_MPESA_MSHWARI_WITHDRAW, FALSE },
  { "M-Shwari Loan", DAFTARI_MPESA_MSHWARI_LOAN, FALSE },
};

char *
daftari_mpesa_clean_name (const char *text)
{
  /* Never longer than text: one allocation (every statement row cleans
   * several names). */
  char *out = g_malloc (strlen (text ? text : "") + 1);
  gsize len = 0;
  gboolean space = FALSE;

  for (const char *p = text ? text : ""; *p; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = len > 0;
          continue;
        }
      if (space)
        out[len++] = ' ';
      space = FALSE;
      out[len++] = *p;
    }
  out[len] = '\0';
  return out;
}

static gboolean
is_mask (char c)
{
  return c == '*' || c == 'X' || c == 'x';
}

/* "2547******541", "07******901": the mask hides a varying number of digits,
 * so only the prefix can be rewritten; the rest is kept as printed. */
static char *
masked_phone (const char *text)
{
  const char *national;
  guint digits = 0;

  if (g_str_has_prefix (text, "+"))
    text++;
  if (g_str_has_prefix (text, "254"))
    national = text + 3;
  else if (text[0] == '0')
    national = text + 1;
  else
    national = text;
  if (national[0] != '7' && national[0] != '1')
    return NULL;
  for (const char *p = national; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (!is_mask (*p))
        return NULL;
    }
  if (strlen (national) < 6 || strlen (national) > 12 || digits < 1)
    return NULL;

  char *phone = g_strconcat ("254", national, NULL);
  for (char *p = phone; *p; p++)
    if (is_mask (*p))
      *p = '*';
  return phone;
}

static gboolean
digits_could_be_phone (const char *text)
{
  guint digits = 0;

  for (const char *p = text; *p; p++)
    digits += g_ascii_isdigit (*p) != 0;
  return digits == 9 || digits == 10 || digits == 12;
}

char *
daftari_mpesa_phone_normalise (const char *text)
{
  char *phone = NULL;
  gboolean masked = FALSE;

  if (text == NULL || !(g_ascii_isdigit (text[0]) || text[0] == '+'))
    return NULL;
  for (const char *p = text; *p; p++)
    masked |= is_mask (*p);
  if (masked)
    return masked_phone (text);
  /* A Kenyan mobile has 9, 10 or 12 digits: a Paybill or Till number is
   * not one, and is not worth a refusal with its message. */
  if (!digits_could_be_phone (text))
    return NULL;
  if (!daftari_phone_normalise (text, &phone, NULL))
    return NULL;
  return phone;
}

/* Case-insensitive "does text start with these words, as whole words". */
static const char *
after_words (const char *text, const char *words)
{
  gsize n;

  /* The first letter rules out most kinds at once (every statement row
   * tries them in turn). */
  if (g_ascii_tolower (*text) != g_ascii_tolower (*words))
    return NULL;
  n = strlen (words);
  if (g_ascii_strncasecmp (text, words, n) != 0)
    return NULL;
  if (text[n] != '\0' && text[n] != ' ' && text[n] != '-')
    return NULL;
  return text + n;
}

static const char *
skip_dash (const char *p)
{
  while (*p == ' ')
    p++;
  if (*p == '-')
    p++;
  while (*p == ' ')
    p++;
  return p;
}

static gboolean
is_shortcode (const char *token)
{
  gsize len = strlen (token);

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (token[i]))
      return FALSE;
  return len >= 5 && len <= 8;
}

static const char *
find_caseless (const char *haystack, const char *needle)
{
  gsize n = strlen (needle);
  char first = g_ascii_tolower (*needle);

  /* The first letter first: every statement row's name is searched twice. */
  for (const char *p = haystack; *p; p++)
    if (g_ascii_tolower (*p) == first && g_ascii_strncasecmp (p, needle, n) == 0)
      return p;
  return NULL;
}

/* The name runs to " Acc." (Paybills) or to " via API" (bulk payments,
 * which go on with a conversation ID nobody needs). */
static void
read_name (const char *p, DaftariMpesaDetails *out)
{
  g_autofree char *name = g_strdup (p);
  char *acc = (char *) find_caseless (name, " Acc.");
  char *via = (char *) find_caseless (name, " via API");

  if (acc != NULL)
    {
      g_free (out->reference);
      out->reference = daftari_mpesa_clean_name (acc + strlen (" Acc."));
      *acc = '\0';
    }
  if (via != NULL && (acc == NULL || via < acc))
    *via = '\0';
  g_strchomp (name);
  gsize len = strlen (name);
  while (len > 0 && (name[len - 1] == '-' || name[len - 1] == ' '))
    name[--len] = '\0';
  g_free (out->counterparty);
  out->counterparty = daftari_mpesa_clean_name (name);
}

static void
read_party (const char *rest, DaftariMpesaDetails *out)
{
  const char *p = skip_dash (rest);
  const char *end = strchr (p, ' ');
  g_autofree char *token = end ? g_strndup (p, end - p) : g_strdup (p);
  char *phone = daftari_mpesa_phone_normalise (token);

  if (phone != NULL)
    {
      g_free (out->phone);
      out->phone = phone;
      p += strlen (token);
    }
  else if (is_shortcode (token))
    {
      g_free (out->shortcode);
      out->shortcode = g_strdup (token);
      p += strlen (token);
    }
  read_name (skip_dash (p), out);
}

static gboolean
ends_with_charge (const char *text)
{
  gsize len = strlen (text);

  if (len < 7 || g_ascii_strcasecmp (text + len - 7, " Charge") != 0)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

void
daftari_mpesa_details_classify (const char *text, DaftariMpesaDetails *out)
{
  g_autofree char *clean = daftari_mpesa_clean_name (text);

  out->kind = DAFTARI_MPESA_OTHER;
  out->fuliza = FALSE;
  out->counterparty = g_strdup ("");
  out->phone = g_strdup ("");
  out->shortcode = g_strdup ("");
  out->reference = g_strdup ("");

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      const char *rest = after_words (clean, kinds[i].words);
      if (rest == NULL)
        continue;
      out->kind = kinds[i].kind;
      out->fuliza = kinds[i].fuliza;
      if (out->kind != DAFTARI_MPESA_CHARGE && out->kind != DAFTARI_MPESA_FULIZA_CREDIT)
        read_party (rest, out);
      return;
    }
  /* Charges Safaricom adds under new names keep the " Charge" ending. */
  if (ends_with_charge (clean))
    out->kind = DAFTARI_MPESA_CHARGE;
  else if (find_caseless (clean, "Reversal") != NULL)
    out->kind = DAFTARI_MPESA_REVERSAL;
}

void
daftari_mpesa_details_clear (DaftariMpesaDetails *details)
{
  g_clear_pointer (&details->counterparty, g_free);
  g_clear_pointer (&details->phone, g_free);
  g_clear_pointer (&details->shortcode, g_free);
  g_clear_pointer (&details->reference, g_free);
}
