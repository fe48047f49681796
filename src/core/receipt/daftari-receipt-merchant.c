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
  "MEMBER", "CUSTOMER", "TILL", "PAYBILL", "LOT", "TMN", "FLR", "KAWASAN", "PERINDUSTRIAN", "INDUSTRIAL",
  "DARUL", "P.O.BOX", "CASH", "SIMPLIFIED", "HOURS", "THANK", NULL
};

/* The legal form's words as OCR misreads them: "SON BHD", "SDN BHO". */
static const char *const legal_misreadings[][2] = {
  { "SON", "SDN" }, { "5DN", "SDN" }, { "SDM", "SDN" }, { "BHO", "BHD" }, { "BHU", "BHD" }, { "8HD", "BHD" },
  { "LTO", "LTD" }, { "L TD", "LTD" },
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

/* Whether every word of upper is a legal form or a business word. */
static gboolean
only_business_word (const char *upper)
{
  g_auto(GStrv) words = g_strsplit (upper, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_strstrip (g_strdelimit (words[i], ".,()", ' '));
      if (words[i][0] != '\0' && !g_strv_contains (legal_forms, words[i])
          && !g_strv_contains (business_words, words[i]))
        return FALSE;
    }
  return TRUE;
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
  /* A name printed by the shop has capitals; a line all in lower case is
   * handwriting or a note on the receipt. */
  if (letters < 3 || upper_letters == 0 || letters * 10 < chars * 6 || digits >= 5 || line->confidence < 50
      || (form < 0 && receipt_find_any (line->upper, not_merchant_words, NULL) >= 0))
    return FALSE;
  *out = (Candidate) { .index = index, .score = 10 - (int) index, .ceiling = 55, .name_letters = letters };
  if (form >= 0)
    {
      out->score += 30;
      out->ceiling = 90;
      out->name_letters = letters_outside (line->upper, at, strlen (legal_forms[form]));
      /* "RESTAURANT SDN BHD": a kind of business and a form, no name. */
      if (only_business_word (line->upper))
        out->name_letters = 0;
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

static gboolean
has_alnum (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      return TRUE;
  return FALSE;
}

static const char *
repair_legal_word (const char *upper, const char *neighbour)
{
  for (guint i = 0; i < G_N_ELEMENTS (legal_misreadings); i++)
    if (g_str_equal (upper, legal_misreadings[i][0]) && neighbour != NULL)
      return legal_misreadings[i][1];
  return NULL;
}

/* The line's words as a name: OCR specks at either end dropped (marks
 * without a letter or digit, a short unsure word before the name) and the
 * words of a legal form repaired when they stand next to another one. */
static void
append_name (const ReceiptText *rt, const ReceiptLine *line, GString *name)
{
  guint first = 0, last = line->n_words;

  while (first + 1 < last)
    {
      const DaftariReceiptWord *w = &rt->words[line->first + first];

      g_autofree char *upper = g_ascii_strup (w->text, -1);

      /* "Mi NAME", "WA NAME" (conf 37): not "MR NAME", "C W NAME". */
      if (has_alnum (w->text) && (strlen (w->text) > 2 || (g_str_equal (upper, w->text) && w->confidence >= 50)))
        break;
      first++;
    }
  while (last > first + 1 && !has_alnum (rt->words[line->first + last - 1].text))
    last--;
  if (name->len > 0)
    g_string_append_c (name, ' ');
  for (guint i = first; i < last; i++)
    {
      const char *text = rt->words[line->first + i].text;
      g_autofree char *upper = g_ascii_strup (text, -1);
      g_autofree char *prev = i > first ? g_ascii_strup (rt->words[line->first + i - 1].text, -1) : NULL;
      g_autofree char *next = i + 1 < last ? g_ascii_strup (rt->words[line->first + i + 1].text, -1) : NULL;
      const char *repaired = NULL;

      /* SON next to BHD, BHO after SDN: each form word vouches for the other. */
      if (next != NULL && (g_str_has_prefix (next, "BH") || g_str_has_prefix (next, "8H")))
        repaired = repair_legal_word (upper, next);
      if (repaired == NULL && prev != NULL && (g_str_has_prefix (prev, "SDN") || g_str_has_prefix (prev, "SON")))
        repaired = repair_legal_word (upper, prev);
      g_string_append_printf (name, "%s%s", i > first ? " " : "", repaired != NULL ? repaired : text);
    }
}

/* Whether the line is nothing but a legal form ("SDN BHD", "LIMITED"). */
static gboolean
only_legal_form (const ReceiptLine *line)
{
  gsize at;
  int form = receipt_find_any (line->upper, legal_forms, &at);

  return form >= 0 && letters_outside (line->upper, at, strlen (legal_forms[form])) == 0;
}

/* A neighbour line that can carry the rest of the name. */
static gboolean
name_part (const ReceiptLine *line)
{
  guint letters, digits;

  receipt_count_chars (line->text, &letters, &digits);
  return letters >= 2 && digits < 3 && !ends_header (line)
         && receipt_find_any (line->upper, not_merchant_words, NULL) < 0;
}

void
receipt_extract_merchant (const ReceiptText *rt, DaftariReceiptFields *fields)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  const Candidate *best = NULL;
  DaftariReceiptField *field = &fields->field[DAFTARI_RECEIPT_MERCHANT];
  const ReceiptLine *line;
  g_autoptr(GString) name = g_string_new (NULL);
  guint header = 0;

  for (guint i = 0; i < MIN (rt->lines->len, HEADER_LINES); i++)
    {
      Candidate c;

      line = receipt_text_line (rt, i);
      if (ends_header (line))
        break;
      header = i + 1;
      if (rate_line (line, i, &c))
        g_array_append_val (candidates, c);
    }
  for (guint i = 0; i < candidates->len; i++)
    if (best == NULL || g_array_index (candidates, Candidate, i).score > best->score)
      best = &g_array_index (candidates, Candidate, i);
  if (best == NULL)
    return;
  line = receipt_text_line (rt, best->index);
  /* "SDN BHD" or "RESTAURANT SDN BHD" alone: the name is on the line above
   * (or, first on the page, below). */
  if (best->name_letters < 3 && best->index > 0 && name_part (receipt_text_line (rt, best->index - 1)))
    append_name (rt, receipt_text_line (rt, best->index - 1), name);
  append_name (rt, line, name);
  if (best->index + 1 < header)
    {
      const ReceiptLine *below = receipt_text_line (rt, best->index + 1);

      /* The legal form wrapped onto the next line, or the name itself
       * follows a form printed first. */
      if ((only_legal_form (below) && !only_legal_form (line))
          || (only_legal_form (line) && best->index == 0 && name_part (below)))
        append_name (rt, below, name);
    }
  receipt_field_set (field, name->str, MIN (line->confidence, best->ceiling), rt, line, 0,
                     strlen (line->text));
}
