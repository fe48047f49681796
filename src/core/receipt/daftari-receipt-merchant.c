/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The merchant: the business name a receipt prints at the top, above its
 * address, phone and tax numbers. */
#include "daftari-receipt-lines.h"

#include <string.h>

/* The header ends by this line at the latest. */
#define HEADER_LINES 12

/* Legal forms of companies (Kenya, the region, and common elsewhere). */
static const char *const legal_forms[] = {
  "LTD", "LIMITED", "PLC", "SDN BHD", "BHD", "SDN", "LLC", "LLP", "INC", "CORP", "CORPORATION", "GMBH",
  "PTY", "PTE", "CO", "COMPANY", NULL
};
/* Words that name a kind of business. */
static const char *const business_words[] = {
  "ENTERPRISE", "ENTERPRISES", "TRADING", "TRADERS", "STORE", "STORES", "SUPERMARKET", "SUPERMARKETS",
  "MINIMART", "MART", "SHOP", "BOUTIQUE", "AGENCIES", "AGENCY", "HARDWARE", "PHARMACY", "CHEMIST",
  "RESTAURANT", "CAFE", "HOTEL", "BAKERY", "KIOSK", "DUKA", "STATIONERS", "STATIONERY", "ELECTRONICS",
  "MOTORS", "SERVICES", "STATION", "BUTCHERY", "WHOLESALE", "WHOLESALERS", "DISTRIBUTORS", "HOLDINGS",
  "GROUP", "INDUSTRIES", "CENTRE", "CENTER", "MARKET", "FOODS", "BOOKSHOP", "BOOKSTORE", NULL
};
/* Lines that are something else: the document's title, contact details,
 * registration numbers, the address. */
static const char *const not_merchant_words[] = {
  "RECEIPT", "INVOICE", "TAX", "BILL", "OFFICIAL", "WELCOME", "KARIBU", "TEL", "TELEPHONE", "PHONE", "MOBILE",
  "FAX", "EMAIL", "E-MAIL", "WWW", "HTTP", "GST", "VAT", "PIN", "REG", "DATE", "TIME", "CASHIER", "ADDRESS",
  "BOX", "P.O", "ROAD", "RD", "STREET", "ST", "AVENUE", "AVE", "LANE", "HIGHWAY", "JALAN", "JLN", "LORONG",
  "TAMAN", "FLOOR", "BUILDING", "BLDG", "ESTATE", "TABLE", "SERVER", "ORDER", "COPY", "DUPLICATE",
  "MEMBER", "CUSTOMER", "TILL", "PAYBILL", NULL
};

typedef struct {
  guint index;
  int   score;
  int   ceiling;       /* how sure a line of this kind makes us */
  guint name_letters;  /* letters outside the legal form */
} Candidate;

/* Letters of text outside the legal form found at `at`. */
static guint
letters_outside (const char *upper, gsize at, gsize form_len)
{
  guint letters = 0;

  for (gsize i = 0; upper[i] != '\0'; i++)
    if ((i < at || i >= at + form_len) && g_ascii_isalpha (upper[i]))
      letters++;
  return letters;
}

static gboolean
rate_line (const ReceiptLine *line, guint index, Candidate *out)
{
  guint letters, digits, upper_letters = 0, chars = 0;
  gsize at;
  int form;

  receipt_count_chars (line->text, &letters, &digits);
  for (const char *p = line->text; *p != '\0'; p++)
    {
      upper_letters += g_ascii_isupper (*p) ? 1 : 0;
      chars += *p != ' ' ? 1 : 0;
    }
  form = receipt_find_any (line->upper, legal_forms, &at);
  /* A legal form outweighs an address word in the name ("... ESTATE LTD"). */
  if (letters < 3 || letters * 10 < chars * 6 || digits >= 5 || line->confidence < 50
      || (form < 0 && receipt_find_any (line->upper, not_merchant_words, NULL) >= 0))
    return FALSE;
  *out = (Candidate) { .index = index, .score = 10 - (int) index, .ceiling = 55, .name_letters = letters };
  if (form >= 0)
    {
      out->score += 30;
      out->ceiling = 90;
      out->name_letters = letters_outside (line->upper, at, strlen (legal_forms[form]));
    }
  else if (receipt_find_any (line->upper, business_words, NULL) >= 0)
    {
      out->score += 15;
      out->ceiling = 75;
    }
  if (upper_letters * 10 >= letters * 8)
    out->score += 5;
  if (letters < 5)
    out->score -= 5;
  return TRUE;
}

/* Whether a line ends the header: a date or a price. */
static gboolean
ends_header (const ReceiptLine *line)
{
  g_autoptr(GArray) amounts = receipt_line_amounts (line);
  DaftariDay day;
  gsize start, end;
  gboolean certain;

  return receipt_find_date (line->upper, &day, &start, &end, &certain) || receipt_last_money (amounts) != NULL;
}

void
receipt_extract_merchant (const ReceiptText *rt, DaftariReceiptFields *fields)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  const Candidate *best = NULL;
  DaftariReceiptField *field = &fields->field[DAFTARI_RECEIPT_MERCHANT];
  const ReceiptLine *line;
  g_autoptr(GString) name = g_string_new (NULL);

  for (guint i = 0; i < MIN (rt->lines->len, HEADER_LINES); i++)
    {
      Candidate c;

      line = receipt_text_line (rt, i);
      if (ends_header (line))
        break;
      if (rate_line (line, i, &c))
        g_array_append_val (candidates, c);
    }
  for (guint i = 0; i < candidates->len; i++)
    if (best == NULL || g_array_index (candidates, Candidate, i).score > best->score)
      best = &g_array_index (candidates, Candidate, i);
  if (best == NULL)
    return;
  line = receipt_text_line (rt, best->index);
  /* "SDN BHD" alone: the name is on the line above. */
  if (best->name_letters < 3 && best->index > 0)
    {
      const ReceiptLine *above = receipt_text_line (rt, best->index - 1);
      guint letters, digits;

      receipt_count_chars (above->text, &letters, &digits);
      if (letters >= 2 && receipt_find_any (above->upper, not_merchant_words, NULL) < 0)
        g_string_append_printf (name, "%s ", above->text);
    }
  g_string_append (name, line->text);
  receipt_field_set (field, g_strstrip (name->str), MIN (line->confidence, best->ceiling), rt, line, 0,
                     strlen (line->text));
}
