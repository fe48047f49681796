/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Recognised words → receipt fields (combining several readings: in
 * daftari-receipt-merge.c). Only general rules live here and in
 * daftari-receipt-money.c and daftari-receipt-merchant.c: keywords that any
 * receipt uses, number and date formats, the layout of a printed receipt.
 * Nothing is learned from particular receipts (docs/receipts.md). */
#include "daftari-receipt-lines.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static const char *const field_names[DAFTARI_RECEIPT_N_FIELDS] = {
  "merchant", "date", "total", "vat", "kra_pin", "till", "paybill", "receipt_number",
};

static const char *const field_labels[DAFTARI_RECEIPT_N_FIELDS] = {
  N_("Merchant"), N_("Date"), N_("Total"), N_("VAT"), N_("KRA PIN"), N_("Till number"),
  N_("Paybill number"), N_("Receipt number"),
};

const char *
daftari_receipt_field_name (DaftariReceiptFieldKind kind)
{
  g_return_val_if_fail (kind < DAFTARI_RECEIPT_N_FIELDS, NULL);
  return field_names[kind];
}

const char *
daftari_receipt_field_label (DaftariReceiptFieldKind kind)
{
  g_return_val_if_fail (kind < DAFTARI_RECEIPT_N_FIELDS, NULL);
  return _(field_labels[kind]);
}

char *
daftari_receipt_format_amount (gint64 hundredths)
{
  guint64 magnitude = hundredths < 0 ? -(guint64) hundredths : (guint64) hundredths;

  return g_strdup_printf ("%s%llu.%02u", hundredths < 0 ? "-" : "", (unsigned long long) (magnitude / 100),
                          (guint) (magnitude % 100));
}

gboolean
daftari_receipt_parse_date (const char *text, DaftariDay *out_day)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *upper = g_ascii_strup (valid, -1);
  gsize start, end;
  gboolean certain;

  return receipt_find_date (upper, out_day, &start, &end, &certain)
         || receipt_find_compact_date (upper, out_day, &start, &end);
}

char *
daftari_receipt_normalise_company (const char *name)
{
  g_autofree char *valid = g_utf8_make_valid (name, -1);
  g_autofree char *folded = g_utf8_casefold (valid, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
item_free (gpointer data)
{
  DaftariReceiptItem *item = data;

  g_free (item->description);
  g_array_unref (item->boxes);
  g_free (item);
}

void
daftari_receipt_fields_free (DaftariReceiptFields *fields)
{
  if (fields == NULL)
    return;
  for (guint i = 0; i < DAFTARI_RECEIPT_N_FIELDS; i++)
    {
      g_free (fields->field[i].value);
      g_array_unref (fields->field[i].boxes);
    }
  g_ptr_array_unref (fields->items);
  g_free (fields);
}

void
receipt_field_set (DaftariReceiptField *field, const char *value, int confidence, const ReceiptText *rt,
                   const ReceiptLine *line, gsize start, gsize end)
{
  g_free (field->value);
  field->value = g_strdup (value);
  field->confidence = CLAMP (confidence, 0, 100);
  g_array_set_size (field->boxes, 0);
  receipt_line_boxes (rt, line, start, end, field->boxes);
}

/* ---- Date --------------------------------------------------------------- */

static const char *const date_words[] = { "DATE", "TAREHE", "TARIKH", "DATED", NULL };
static const char *const not_purchase_date_words[] = { "DUE", "EXPIRY", "EXP", "VALID", "BEFORE", NULL };

/* "14:22" somewhere on the line: receipts print the time of sale by the date. */
static gboolean
has_time (const char *upper)
{
  for (const char *p = upper; p[0] != '\0'; p++)
    if (g_ascii_isdigit (p[0]) && p[1] == ':' && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]))
      return TRUE;
  return FALSE;
}

/* The purchase date: a date on a line that says so beats a bare one, a
 * four-digit year beats a two-digit one, one by a time beats one without,
 * and the earliest wins a tie
 * (receipts print the date in the header). */
static void
extract_date (const ReceiptText *rt, DaftariReceiptFields *fields)
{
  int best_score = G_MININT;

  for (guint i = 0; i < rt->lines->len; i++)
    {
      const ReceiptLine *line = receipt_text_line (rt, i);
      DaftariDay day;
      gsize start, end;
      gboolean certain;
      int score, compact;
      g_autofree char *value = NULL;

      /* Eight bare digits are a date only when nothing better is found. */
      if (receipt_find_date (line->upper, &day, &start, &end, &certain))
        compact = 0;
      else if (receipt_find_compact_date (line->upper, &day, &start, &end))
        {
          certain = FALSE;
          compact = 10;
        }
      else
        continue;
      score = (receipt_find_any (line->upper, date_words, NULL) >= 0 ? 2 : 0) + (certain ? 1 : 0) - compact
              + (has_time (line->upper) ? 1 : 0)
              - (receipt_find_any (line->upper, not_purchase_date_words, NULL) >= 0 ? 3 : 0);
      if (score <= best_score)
        continue;
      best_score = score;
      value = daftari_day_format (day);
      fields->date = day;
      receipt_field_set (&fields->field[DAFTARI_RECEIPT_DATE], value,
                         MIN (receipt_line_span_confidence (rt, line, start, end), certain ? 95 : 70),
                         rt, line, start, end);
    }
}

/* ---- Numbers of the business and of the receipt ----------------------- */

/* The token after a keyword, past separators: "No.: 0012-A" → "0012-A". */
static gboolean
token_after (const char *text, gsize from, gsize *out_start, gsize *out_end)
{
  gsize i = from, end;

  while (text[i] != '\0' && (strchr (" :#.=-", text[i]) != NULL))
    i++;
  end = i;
  while (text[end] != '\0' && text[end] != ' ')
    end++;
  *out_start = i;
  *out_end = end;
  return end > i;
}

static gboolean
has_digit (const char *text, gsize start, gsize end)
{
  for (gsize i = start; i < end; i++)
    if (g_ascii_isdigit (text[i]))
      return TRUE;
  return FALSE;
}

/* A keyword, then a token with a digit: the receipt's number, a till, a
 * paybill. Digits-only fields take the run of digits of the right length. */
static void
extract_labelled (const ReceiptText *rt, const char *const *keywords, gboolean digits_only,
                  DaftariReceiptField *field)
{
  for (guint i = 0; i < rt->lines->len && field->value == NULL; i++)
    {
      const ReceiptLine *line = receipt_text_line (rt, i);
      gsize at, start, end;
      int k = receipt_find_any (line->upper, keywords, &at);
      g_autofree char *value = NULL;

      if (k < 0 || !token_after (line->text, at + strlen (keywords[k]), &start, &end)
          || !has_digit (line->text, start, end))
        continue;
      value = g_strndup (line->text + start, end - start);
      if (digits_only)
        {
          g_strdelimit (value, ",.", ' ');
          if (strspn (value, "0123456789") != strlen (value) || strlen (value) < 5 || strlen (value) > 7)
            continue;
        }
      else if (end - start > 30)
        continue;
      receipt_field_set (field, value, MIN (receipt_line_span_confidence (rt, line, start, end), 90),
                         rt, line, start, end);
    }
}

static const char *const till_words[] = { "TILL NO", "TILL NUMBER", "TILL", "BUY GOODS", NULL };
static const char *const paybill_words[] = {
  "PAYBILL NO", "PAYBILL NUMBER", "PAYBILL", "PAY BILL", "BUSINESS NO", "BUSINESS NUMBER", NULL
};
static const char *const number_words[] = {
  "RECEIPT NO", "RECEIPT NUMBER", "RECEIPT #", "RCPT NO", "INVOICE NO", "INVOICE NUMBER", "INV NO",
  "BILL NO", "DOC NO", "DOCUMENT NO", "TRANS NO", "TRANSACTION NO", "SLIP NO", "CHECK NO", "RESIT NO",
  "NO RISITI", "RISITI NO", "CASH SALE NO", "SALE NO", "TXN NO", "ORDER NO", "TICKET NO", NULL
};

/* KRA PINs are a letter, nine digits and a letter (P for companies, A for
 * people); OCR reads some of the digits as letters. */
static void
extract_kra_pin (const ReceiptText *rt, DaftariReceiptField *field)
{
  static GRegex *regex;
  static gsize ready;

  if (g_once_init_enter (&ready))
    {
      regex = g_regex_new ("(?<![A-Z0-9])([A-Z])([0-9OIL]{9})([A-Z])(?![A-Z0-9])", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&ready, 1);
    }
  for (guint i = 0; i < rt->lines->len && field->value == NULL; i++)
    {
      const ReceiptLine *line = receipt_text_line (rt, i);
      g_autoptr(GMatchInfo) info = NULL;
      gboolean labelled = receipt_has_word (line->upper, "PIN", NULL);

      g_regex_match (regex, line->upper, 0, &info);
      for (; g_match_info_matches (info) && field->value == NULL; g_match_info_next (info, NULL))
        {
          g_autofree char *pin = g_match_info_fetch (info, 0);
          int start, end;

          if (!labelled && pin[0] != 'P' && pin[0] != 'A')
            continue;
          for (char *p = pin + 1; p < pin + 10; p++)
            *p = *p == 'O' ? '0' : (*p == 'I' || *p == 'L') ? '1' : *p;
          g_match_info_fetch_pos (info, 0, &start, &end);
          receipt_field_set (field, pin, MIN (receipt_line_span_confidence (rt, line, start, end),
                                              labelled ? 95 : 75),
                             rt, line, start, end);
        }
    }
}

DaftariReceiptFields *
daftari_receipt_extract (const DaftariReceiptWord *words, guint n_words)
{
  DaftariReceiptFields *fields = g_new0 (DaftariReceiptFields, 1);
  ReceiptText rt;

  for (guint i = 0; i < DAFTARI_RECEIPT_N_FIELDS; i++)
    fields->field[i].boxes = g_array_new (FALSE, FALSE, sizeof (DaftariReceiptBox));
  fields->items = g_ptr_array_new_with_free_func (item_free);
  receipt_text_init (&rt, words, n_words);
  extract_date (&rt, fields);
  extract_kra_pin (&rt, &fields->field[DAFTARI_RECEIPT_KRA_PIN]);
  extract_labelled (&rt, till_words, TRUE, &fields->field[DAFTARI_RECEIPT_TILL]);
  extract_labelled (&rt, paybill_words, TRUE, &fields->field[DAFTARI_RECEIPT_PAYBILL]);
  extract_labelled (&rt, number_words, FALSE, &fields->field[DAFTARI_RECEIPT_NUMBER]);
  receipt_extract_money (&rt, fields);
  receipt_extract_merchant (&rt, fields);
  receipt_text_clear (&rt);
  return fields;
}
