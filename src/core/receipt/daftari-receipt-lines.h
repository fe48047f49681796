/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the field extractor only: recognised words as text lines to match
 * keywords and numbers in, each character traceable to its word. */

#include "daftari-receipt-fields.h"

G_BEGIN_DECLS

typedef struct {
  char   *text;        /* the words joined by single spaces, numeric-looking words repaired */
  char   *upper;       /* text with ASCII letters upper-cased: same length, same offsets */
  guint   first;       /* index of the line's first word */
  guint   n_words;
  guint  *starts;      /* byte offset of each word in text */
  int     confidence;  /* mean of the words' */
} ReceiptLine;

typedef struct {
  const DaftariReceiptWord *words;
  GPtrArray                *lines;  /* ReceiptLine */
} ReceiptText;

void     receipt_text_init   (ReceiptText              *rt,
                              const DaftariReceiptWord *words,
                              guint                     n_words);
void     receipt_text_clear  (ReceiptText              *rt);
#define  receipt_text_line(rt, i) ((const ReceiptLine *) g_ptr_array_index ((rt)->lines, (i)))

/* The boxes of the words that bytes [start, end) of the line's text came from. */
void     receipt_line_boxes  (const ReceiptText        *rt,
                              const ReceiptLine        *line,
                              gsize                     start,
                              gsize                     end,
                              GArray                   *boxes);
/* The mean confidence of the words over [start, end). */
int      receipt_line_span_confidence (const ReceiptText *rt,
                                       const ReceiptLine *line,
                                       gsize              start,
                                       gsize              end);
/* Whether upper contains word as a whole word (letters/digits around it do
 * not count as a match); its offset in *out_at. */
gboolean receipt_has_word    (const char               *upper,
                              const char               *word,
                              gsize                    *out_at);
/* The first of words found in upper, as receipt_has_word; -1 if none. */
int      receipt_find_any    (const char               *upper,
                              const char *const        *words,
                              gsize                    *out_at);
/* Counts of ASCII letters and digits in text. */
void     receipt_count_chars (const char               *text,
                              guint                    *out_letters,
                              guint                    *out_digits);

/* Amounts: hundredths of the currency unit. */
typedef struct {
  gint64   value;
  gsize    start, end;     /* bytes in the line's text */
  gboolean has_decimals;   /* "12.50", not "12" */
  gboolean negative;       /* "-0.02", "(0.02)" */
  gboolean bracketed;      /* negative only by a parenthesis: "(0.02)", also "( 47.70 )" */
  gboolean percent;        /* "16.00%" */
} ReceiptAmount;

/* Every amount in a line, left to right. */
GArray  *receipt_line_amounts (const ReceiptLine *line);
/* The last amount with decimals that is not a percentage, or NULL. */
const ReceiptAmount *receipt_last_money (GArray *amounts);

/* The first valid calendar date in text (upper-cased): "25/12/2018",
 * "12-01-19", "2019-01-12", "25 Dec 2018", "Dec 25, 2018". Impossible
 * dates (31/02) are skipped. Day as YYYYMMDD. */
gboolean receipt_find_date   (const char *upper,
                              DaftariDay *out_day,
                              gsize      *out_start,
                              gsize      *out_end,
                              gboolean   *out_certain);

/* "27032018", "20180327": eight digits that make a date (day first
 * unless they start with a year). Never certain; only where a date is
 * expected. */
gboolean receipt_find_compact_date (const char *upper,
                                    DaftariDay *out_day,
                                    gsize      *out_start,
                                    gsize      *out_end);

/* A word with digits and a few letters OCR confuses with digits
 * (O→0, S→5, l/I/|→1, B→8, Z→2) repaired; NULL when the word does not look
 * numeric. */
char    *receipt_repair_numeric (const char *word);
/* A word that may be a date Tesseract damaged beyond reading: eight
 * digits and at most two separators ("80092018", "3003/2018"). */
gboolean receipt_damaged_date   (const char *word);

/* The word of the list (may be NULL) with exactly this box; NULL if none. */
const DaftariReceiptWord *receipt_word_at (GArray *words, const DaftariReceiptBox *box);

/* The rule steps of daftari_receipt_extract. */
void     receipt_extract_money    (const ReceiptText *rt, DaftariReceiptFields *fields);
void     receipt_extract_merchant (const ReceiptText *rt, DaftariReceiptFields *fields);
/* What a name says it is: 2 with a legal form (LTD, SDN BHD), 1 with a
 * business word (HARDWARE, ENTERPRISE, also with one letter misread), 0
 * otherwise. */
int      receipt_merchant_kind    (const char *name);
void     receipt_field_set        (DaftariReceiptField *field,
                                   const char          *value,
                                   int                  confidence,
                                   const ReceiptText   *rt,
                                   const ReceiptLine   *line,
                                   gsize                start,
                                   gsize                end);

G_END_DECLS
