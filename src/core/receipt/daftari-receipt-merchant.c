/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The merchant: the business name a receipt prints at the top, above its
 * address, phone and tax numbers. */
#include "daftari-receipt-lines.h"

#include <string.h>

/* The header ends by this line at the latest. */
#define HEADER_LINES 12

/* Legal forms of companies (Kenya, the region, and common elsewhere). */
static const char *const legal_forms[] = {
  "LTD", "LIMITED", "PLC", "SDN BHD", "BHD", "SDN", "S/B", "LLC", "LLP", "INC", "CORP", "CORPORATION", "GMBH",
  "PTY", "PTE", "CO", "COMPANY", NULL
};
/* The country a company is registered in, printed in brackets beside its
 * legal form: "BATA SHOE CO (KENYA) LTD", "POPULAR BOOK CO. (M) SDN BHD". */
static const char *const country_markers[] = {
  "(K)", "(KENYA)", "(EA)", "(E.A.)", "(E.A)", "(M)", "(MALAYSIA)", "(U)", "(T)", NULL
};
/* Words that name a kind of business; the second half are the kinds of
 * Kenyan shop our users buy from (grocers, agrovets, salons, spares). */
static const char *const business_words[] = {
  "ENTERPRISE", "ENTERPRISES", "TRADING", "TRADERS", "STORE", "STORES", "SUPERMARKET", "SUPERMARKETS",
  "MINIMART", "MART", "SHOP", "BOUTIQUE", "AGENCIES", "AGENCY", "HARDWARE", "PHARMACY", "CHEMIST",
  "RESTAURANT", "CAFE", "HOTEL", "BAKERY", "KIOSK", "DUKA", "STATIONERS", "STATIONERY", "ELECTRONICS",
  "MOTORS", "SERVICES", "STATION", "BUTCHERY", "WHOLESALE", "WHOLESALERS", "DISTRIBUTORS", "HOLDINGS",
  "GROUP", "INDUSTRIES", "CENTRE", "CENTER", "MARKET", "FOODS", "BOOKSHOP", "BOOKSTORE",
  "GROCERS", "GROCERY", "GROCERIES", "GREENGROCERS", "AGROVET", "AGROVETS", "SALON", "BARBERSHOP", "CLINIC",
  "HOSPITAL", "GARAGE", "SPARES", "CYBER", "TAILORS", "FURNITURE", "ELECTRICALS", "SUPPLIERS", "SUPPLIES",
  "MERCHANTS", "CATERERS", "BAKERS", "EATERY", "CANTEEN", "LODGE", "PHARMACEUTICALS", "OPTICIANS",
  "COSMETICS", "FASHIONS", "TEXTILES", "BOOKSELLERS", "WINES", "BUTCHERS", "DAIRY", "MILLERS", NULL
};
/* Lines that are something else: the document's title, contact details,
 * registration numbers, the address. */
static const char *const not_merchant_words[] = {
  "RECEIPT", "INVOICE", "TAX", "BILL", "OFFICIAL", "WELCOME", "KARIBU", "TEL", "TELEPHONE", "PHONE", "MOBILE",
  "FAX", "EMAIL", "E-MAIL", "WWW", "HTTP", "COM", "GST", "VAT", "PIN", "REG", "DATE", "TIME", "CASHIER", "ADDRESS",
  "BOX", "P.O", "ROAD", "RD", "STREET", "ST", "AVENUE", "AVE", "LANE", "HIGHWAY", "JALAN", "JLN", "LORONG",
  "TAMAN", "FLOOR", "BUILDING", "BLDG", "ESTATE", "TABLE", "SERVER", "ORDER", "COPY", "DUPLICATE",
  "MEMBER", "CUSTOMER", "TILL", "PAYBILL", "LOT", "TMN", "FLR", "KAWASAN", "PERINDUSTRIAN", "INDUSTRIAL",
  "DARUL", "P.O.BOX", "CASH", "SIMPLIFIED", "HOURS", "THANK", NULL
};

/* A line about the company's registration, even with its legal form in it
 * ("COMPANY REG NO", "CO. NO."), is not its name. */
static const char *const registration_words[] = {
  "REG", "REGN", "REGISTRATION", "REGISTERED", "ROC", "GST", "VAT", "PIN", "CO NO", "COMPANY NO", NULL
};

/* The legal form's words as OCR misreads them: "SON BHD", "SDN BHO". */
static const char *const legal_misreadings[][2] = {
  { "SON", "SDN" }, { "SUN", "SDN" }, { "5DN", "SDN" }, { "SDM", "SDN" }, { "BHO", "BHD" }, { "BHU", "BHD" },
  { "8HD", "BHD" },
  { "LTO", "LTD" }, { "L TD", "LTD" },
};

/* A word upper-cased without the marks OCR and printers put around it:
 * "son," → "SON". */
static char *
bare_upper (const char *word)
{
  g_autofree char *upper = g_ascii_strup (word, -1);

  return g_strdup (g_strstrip (g_strdelimit (upper, ".,;:()", ' ')));
}

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

/* Whether every word of upper is a legal form, a country marker or (when
 * business is set) a business word. */
static gboolean
only_form_words (const char *upper, gboolean business)
{
  g_auto(GStrv) words = g_strsplit (upper, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      guint letters, digits;

      receipt_count_chars (words[i], &letters, &digits);
      if (letters == 0 || g_strv_contains (country_markers, words[i]))
        continue;
      g_strstrip (g_strdelimit (words[i], ".,()", ' '));
      if (!g_strv_contains (legal_forms, words[i]) && !(business && g_strv_contains (business_words, words[i])))
        return FALSE;
    }
  return TRUE;
}

static gboolean
has_alnum (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      return TRUE;
  return FALSE;
}

static gboolean
has_capital (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isupper (*p))
      return TRUE;
  return FALSE;
}

static guint
count_digits (const char *text)
{
  guint letters, digits;

  receipt_count_chars (text, &letters, &digits);
  return digits;
}

/* Whether the line's word i starts a company's registration label printed
 * after its name: "COMPANY NO", "CO. REG", "(CO.REG :", "REG NO". */
static gboolean
registration_label (const ReceiptText *rt, const ReceiptLine *line, guint i)
{
  g_autofree char *word = bare_upper (rt->words[line->first + i].text);
  g_autofree char *next = i + 1 < line->n_words ? bare_upper (rt->words[line->first + i + 1].text) : g_strdup ("");
  gboolean company = g_str_equal (word, "COMPANY") || g_str_equal (word, "CO") || g_str_has_prefix (word, "CO ");
  gboolean label = g_str_has_prefix (next, "NO") || g_str_has_prefix (next, "REG");

  return (company && (label || strstr (word, "REG") != NULL)) || (g_str_equal (word, "REG") && label);
}

/* The length of the name part of a word with a registration number glued
 * on ("S/B(587969-U)": 3), 0 when the word is not so. */
static gsize
glued_registration (const char *text)
{
  const char *bracket = strchr (text, '(');
  g_autofree char *before = bracket != NULL ? g_strndup (text, (gsize) (bracket - text)) : NULL;

  return bracket != NULL && bracket > text && count_digits (bracket) >= 4 && count_digits (before) == 0
           && has_alnum (before)
           ? (gsize) (bracket - text)
           : 0;
}

/* A word of a name as it goes into the name: the last without a
 * registration number glued on. */
static char *
name_word (const char *text, gboolean last)
{
  gsize glued = last ? glued_registration (text) : 0;

  return glued > 0 ? g_strndup (text, glued) : g_strdup (text);
}

/* The words of a line that can be part of a name, [first, last): OCR specks
 * before the name (marks without a letter or digit, a short unsure word)
 * and after it, and a registration number printed after it
 * ("... SDN BHD (126926-H)", "... LTD 1110644-H") are left out. */
static void
name_span (const ReceiptText *rt, const ReceiptLine *line, guint *out_first, guint *out_last,
           gboolean *out_labelled)
{
  guint first = 0, last = line->n_words;
  gboolean labelled = FALSE;

  while (first + 1 < last)
    {
      const DaftariReceiptWord *w = &rt->words[line->first + first];
      g_autofree char *upper = g_ascii_strup (w->text, -1);

      /* "Mi NAME", "WA NAME" (conf 37): not "MR NAME", "C W NAME". */
      if (has_alnum (w->text) && (strlen (w->text) > 2 || (g_str_equal (upper, w->text) && w->confidence >= 50)))
        break;
      first++;
    }
  /* A label before the name ("Owned by: NAME", "Dimiliki: NAME"): the
   * name is what follows its colon. */
  for (guint i = first; i < MIN (first + 3, last - 1); i++)
    {
      const char *text = rt->words[line->first + i].text;
      gsize len = strlen (text);

      if (len >= 3 && text[len - 1] == ':' && g_ascii_isalpha (text[len - 2]))
        {
          first = i + 1;
          labelled = TRUE;
          break;
        }
    }
  for (guint i = first + 1; i < last; i++)
    if (registration_label (rt, line, i))
      {
        last = i;
        break;
      }
  while (last > first + 1)
    {
      const char *text = rt->words[line->first + last - 1].text;

      if ((has_alnum (text) && count_digits (text) < 4) || g_str_equal (text, "&")
          || (last == line->n_words && glued_registration (text) > 0))
        break;
      last--;
    }
  *out_first = first;
  *out_last = last;
  if (out_labelled != NULL)
    *out_labelled = labelled;
}

/* A line's name words as text, and how sure OCR was of them; where they
 * start on the line, and whether a label stood before them. */
typedef struct {
  char    *text, *upper;
  int      confidence;
  guint    first;
  gboolean labelled;
} NameText;

static void
name_text_init (NameText *nt, const ReceiptText *rt, const ReceiptLine *line)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint first, last;
  int sum = 0;

  name_span (rt, line, &first, &last, &nt->labelled);
  nt->first = first;
  for (guint i = first; i < last; i++)
    {
      const DaftariReceiptWord *w = &rt->words[line->first + i];
      g_autofree char *word = name_word (w->text, i + 1 == last);

      g_string_append_printf (text, "%s%s", i > first ? " " : "", word);
      sum += CLAMP (w->confidence, 0, 100);
    }
  nt->confidence = last > first ? sum / (int) (last - first) : 0;
  nt->text = g_string_free (g_steal_pointer (&text), FALSE);
  nt->upper = g_ascii_strup (nt->text, -1);
}

static void
name_text_clear (NameText *nt)
{
  g_free (nt->text);
  g_free (nt->upper);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NameText, name_text_clear)

/* The business word that word (upper case) is with one letter misread
 * ("ENIERPRISE", "HARDWAPE"): eight letters or more leave no doubt which
 * word it is. NULL when it is none. */
static const char *
misread_business (const char *word)
{
  gsize len = strlen (word);

  if (g_strv_contains (business_words, word))
    return NULL;
  for (guint k = 0; len >= 8 && business_words[k] != NULL; k++)
    {
      guint wrong = 0;

      if (strlen (business_words[k]) != len)
        continue;
      for (gsize c = 0; c < len; c++)
        wrong += word[c] != business_words[k][c];
      if (wrong == 1)
        return business_words[k];
    }
  return NULL;
}

static gboolean
misread_business_word (const char *upper)
{
  g_auto(GStrv) words = g_strsplit (upper, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (misread_business (words[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* Whether the text (upper case) names a kind of business, also with one
 * letter misread. */
static gboolean
has_business_word (const char *upper)
{
  return receipt_find_any (upper, business_words, NULL) >= 0 || misread_business_word (upper);
}

int
receipt_merchant_kind (const char *name)
{
  g_autofree char *upper = g_ascii_strup (name, -1);

  g_strdelimit (upper, ".,;:()", ' ');
  if (receipt_find_any (upper, legal_forms, NULL) >= 0)
    return 2;
  return has_business_word (upper) ? 1 : 0;
}

static gboolean
rate_line (const ReceiptText *rt, const ReceiptLine *line, guint index, Candidate *out)
{
  g_auto(NameText) nt = { 0 };
  guint letters, digits, upper_letters = 0, chars = 0;
  gsize at;
  int form;

  name_text_init (&nt, rt, line);
  receipt_count_chars (nt.text, &letters, &digits);
  for (const char *p = nt.text; *p != '\0'; p++)
    {
      upper_letters += g_ascii_isupper (*p) ? 1 : 0;
      chars += *p != ' ' ? 1 : 0;
    }
  form = receipt_find_any (nt.upper, legal_forms, &at);
  /* What a label before the name says counts: "Cashier: NAME" is no shop. */
  if (nt.labelled)
    {
      g_autofree char *before = g_strndup (line->upper, line->starts[nt.first] - 1);

      if (receipt_find_any (before, not_merchant_words, NULL) >= 0)
        return FALSE;
    }
  /* A legal form outweighs an address word in the name ("... ESTATE LTD"). */
  /* A name printed by the shop has capitals; a line all in lower case is
   * handwriting or a note on the receipt (a label's capital counts:
   * "Owned by: acme cafe ltd" is printed). */
  if (letters < 3 || (upper_letters == 0 && !(nt.labelled && has_capital (line->text))) || letters * 10 < chars * 6
      || digits >= 5 || nt.confidence < 50
      || receipt_find_any (line->upper, registration_words, NULL) >= 0
      || (form < 0 && receipt_find_any (nt.upper, not_merchant_words, NULL) >= 0))
    return FALSE;
  /* "Company Reg No." read badly: a name comes before its legal form. */
  if (form >= 0 && at == 0 && (g_str_equal (legal_forms[form], "COMPANY") || g_str_equal (legal_forms[form], "CO")))
    return FALSE;
  *out = (Candidate) { .index = index, .score = 10 - (int) index, .ceiling = 55, .name_letters = letters };
  if (form >= 0)
    {
      out->score += 30;
      out->ceiling = 90;
      out->name_letters = letters_outside (nt.upper, at, strlen (legal_forms[form]));
      /* "RESTAURANT SDN BHD": a kind of business and a form, no name. */
      if (only_form_words (nt.upper, TRUE))
        out->name_letters = 0;
    }
  else if (has_business_word (nt.upper))
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

static const char *
repair_legal_word (const char *upper, const char *neighbour)
{
  for (guint i = 0; i < G_N_ELEMENTS (legal_misreadings); i++)
    if (g_str_equal (upper, legal_misreadings[i][0]) && neighbour != NULL)
      return legal_misreadings[i][1];
  return NULL;
}

/* Whether the word (bare_upper) is two letters or more and letters only. */
static gboolean
plain_word (const char *upper)
{
  if (upper == NULL || strlen (upper) < 2)
    return FALSE;
  for (const char *p = upper; *p != '\0'; p++)
    if (!g_ascii_isalpha (*p))
      return FALSE;
  return TRUE;
}

/* The line's name words (name_span), the words of a legal form repaired
 * when they stand next to another one. */
static void
append_name (const ReceiptText *rt, const ReceiptLine *line, GString *name)
{
  guint first, last;

  name_span (rt, line, &first, &last, NULL);
  if (name->len > 0)
    g_string_append_c (name, ' ');
  for (guint i = first; i < last; i++)
    {
      g_autofree char *text = name_word (rt->words[line->first + i].text, i + 1 == last);
      g_autofree char *upper = bare_upper (text);
      g_autofree char *prev = i > first ? bare_upper (rt->words[line->first + i - 1].text) : NULL;
      g_autofree char *next = i + 1 < last ? bare_upper (rt->words[line->first + i + 1].text) : NULL;
      const char *repaired = NULL;

      /* SON next to BHD, BHO after SDN: each form word vouches for the other. */
      if (next != NULL && (g_str_has_prefix (next, "BH") || g_str_has_prefix (next, "8H")))
        repaired = repair_legal_word (upper, next);
      if (repaired == NULL && prev != NULL
          && (g_str_has_prefix (prev, "SDN") || g_strcmp0 (repair_legal_word (prev, upper), "SDN") == 0))
        repaired = repair_legal_word (upper, prev);
      /* Written as the word it is when the text was only the word. */
      if (repaired == NULL && strlen (upper) == strlen (text))
        repaired = misread_business (upper);
      /* "STATIONERY B BOOKS": a lone B or 8 between two words is the
       * ampersand OCR most often misreads so; no name has a bare digit
       * or a lone capital there. */
      if (repaired == NULL && (g_str_equal (text, "B") || g_str_equal (text, "8")) && plain_word (prev)
          && plain_word (next))
        repaired = "&";
      g_string_append_printf (name, "%s%s", i > first ? " " : "", repaired != NULL ? repaired : text);
    }
}

/* Whether the line is nothing but a legal form ("SDN BHD", "LIMITED",
 * "CO. (M) SDN BHD"). */
static gboolean
only_legal_form (const ReceiptLine *line)
{
  return receipt_find_any (line->upper, legal_forms, NULL) >= 0 && only_form_words (line->upper, FALSE);
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

/* A name cut short at the end of its line: "HOME MASTER HARDWARE &",
 * "AIK HUAT ENTERPRISE (SETIA". */
static gboolean
name_continues (const char *name)
{
  g_autofree char *upper = g_ascii_strup (name, -1);
  gsize len = strlen (g_strchomp (upper));
  int open = 0;

  for (const char *p = upper; *p != '\0'; p++)
    open += *p == '(' ? 1 : *p == ')' ? -1 : 0;
  return open > 0 || (len > 0 && strchr ("&-,", upper[len - 1]) != NULL) || g_str_has_suffix (upper, " AND");
}

void
receipt_extract_merchant (const ReceiptText *rt, DaftariReceiptFields *fields)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  const Candidate *best = NULL;
  DaftariReceiptField *field = &fields->field[DAFTARI_RECEIPT_MERCHANT];
  const ReceiptLine *line, *above = NULL, *below = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  g_auto(NameText) best_text = { 0 };
  guint header = 0;

  for (guint i = 0; i < MIN (rt->lines->len, HEADER_LINES); i++)
    {
      Candidate c;

      line = receipt_text_line (rt, i);
      if (ends_header (line))
        break;
      header = i + 1;
      if (rate_line (rt, line, i, &c))
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
    above = receipt_text_line (rt, best->index - 1);
  if (best->index + 1 < header)
    {
      const ReceiptLine *next = receipt_text_line (rt, best->index + 1);

      /* The legal form wrapped onto the next line, or the name itself
       * follows a form printed first. */
      if ((only_legal_form (next) && !only_legal_form (line))
          || (only_legal_form (line) && best->index == 0 && name_part (next))
          || (name_continues (line->text) && name_part (next)))
        below = next;
    }
  if (above != NULL)
    append_name (rt, above, name);
  append_name (rt, line, name);
  if (below != NULL)
    append_name (rt, below, name);
  name_text_init (&best_text, rt, line);
  receipt_field_set (field, name->str, MIN (best_text.confidence, best->ceiling), rt, line, 0,
                     strlen (line->text));
  /* The boxes of every line the name was read from, in page order: the
   * UI shows them, and a reading of the name is judged by all its words
   * (daftari_receipt_fields_merge_reread). */
  if (above != NULL)
    {
      g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (DaftariReceiptBox));

      receipt_line_boxes (rt, above, 0, strlen (above->text), boxes);
      g_array_prepend_vals (field->boxes, boxes->data, boxes->len);
    }
  if (below != NULL)
    receipt_line_boxes (rt, below, 0, strlen (below->text), field->boxes);
}
