/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-calendar.h"
#include "daftari-receipt-words.h"

G_BEGIN_DECLS

typedef enum {
  DAFTARI_RECEIPT_MERCHANT,
  DAFTARI_RECEIPT_DATE,
  DAFTARI_RECEIPT_TOTAL,
  DAFTARI_RECEIPT_VAT,
  DAFTARI_RECEIPT_KRA_PIN,
  DAFTARI_RECEIPT_TILL,
  DAFTARI_RECEIPT_PAYBILL,
  DAFTARI_RECEIPT_NUMBER,        /* the receipt's or invoice's own number */
  DAFTARI_RECEIPT_N_FIELDS
} DaftariReceiptFieldKind;

typedef struct {
  char   *value;       /* NULL: not found. Canonical text: "2025-03-07", "1234.50", "P051234567X" */
  int     confidence;  /* 0–100: how sure the reading is (docs/receipts.md) */
  GArray *boxes;       /* DaftariReceiptBox of the words it was read from */
} DaftariReceiptField;

typedef struct {
  char   *description;
  gint64  amount;      /* hundredths, like total */
  int     confidence;
  GArray *boxes;
} DaftariReceiptItem;

typedef struct {
  DaftariReceiptField field[DAFTARI_RECEIPT_N_FIELDS];
  /* The money fields as numbers: hundredths of the receipt's currency unit
   * (a receipt prints two decimals whatever the currency). Valid when the
   * field's value is set. */
  gint64      total;
  gint64      vat;
  DaftariDay  date;          /* YYYYMMDD; 0 when no date was found */
  /* The total agrees with the line items or with a subtotal plus VAT. */
  gboolean    total_checked;
  GPtrArray  *items;         /* DaftariReceiptItem, in receipt order */
} DaftariReceiptFields;

/* Reads the fields from recognised words. A pure function of its input
 * (no OCR, no I/O, no globals), safe from any thread, and total: every
 * input gives a result, with fields left unset when not found. */
DaftariReceiptFields *daftari_receipt_extract       (const DaftariReceiptWord *words,
                                                     guint                     n_words);
void                  daftari_receipt_fields_free   (DaftariReceiptFields     *fields);

/* Whether the fields leave doubt worth a second recognition: no total, no
 * date, or a total that no other figure confirms and that Tesseract was
 * unsure of (below DAFTARI_RECEIPT_CONFIDENT; docs/receipts.md). */
gboolean              daftari_receipt_fields_doubtful (const DaftariReceiptFields *fields);
/* The fields of two readings of one receipt, field by field the better
 * supported (a confirmed total, the surer date and merchant); `first` wins
 * ties. Takes both; returns one of them, changed. */
DaftariReceiptFields *daftari_receipt_fields_merge  (DaftariReceiptFields     *first,
                                                     DaftariReceiptFields     *second);

/* The fields of a re-reading of parts of the page (the header, the date
 * and total lines, enlarged; docs/receipts.md) merged into the page's:
 * the merchant when surer (ties go to the reading whose words Tesseract
 * was surer of), the date only where the page's was missing or unsure,
 * the total only where it was missing or unconfirmed and the re-read one
 * is confirmed. words and second_words are the page's readings (the
 * second may be NULL), reread_words the re-reading's. Takes both fields;
 * returns first, changed. */
DaftariReceiptFields *daftari_receipt_fields_merge_reread (DaftariReceiptFields *first,
                                                           DaftariReceiptFields *reread,
                                                           GArray               *words,
                                                           GArray               *second_words,
                                                           GArray               *reread_words);

/* The fields of a reading of the header and the date line with a second
 * recognition model (docs/receipts.md) combined with those read so far.
 * The date: a majority of three readings of its word (the first
 * reading's, latin_words' and latin_date_words'), else the second model's
 * where there was none or an unsure one and the second model's is sure.
 * The name: the chosen line, each word respelled by the second model
 * where it reads a letter or two differently and is clearly surer. The
 * total and the other fields are left alone. words, second_words and
 * reread_words are the readings so far (the last two may be NULL),
 * latin_words the page's words with the header and date line read by the
 * second model, latin_date_words (may be NULL) with the date line read
 * by it from the normalised image. Takes both fields; returns first,
 * changed. */
DaftariReceiptFields *daftari_receipt_fields_merge_latin (DaftariReceiptFields *first,
                                                          DaftariReceiptFields *latin,
                                                          GArray               *words,
                                                          GArray               *second_words,
                                                          GArray               *reread_words,
                                                          GArray               *latin_words,
                                                          GArray               *latin_date_words);

/* The date voted on, digit by digit, by several readings of its line
 * (docs/receipts.md): readings are word lists of the whole page (boxes in
 * the file's pixels), each with the date's line read in one way; a list
 * that carries another's words over in that place counts once. Of the
 * readings with as many digits in the date's place as the date (at least
 * three), the valid date whose digits they support most wins, the date's
 * own digits winning ties; without a date, a word that may be a damaged
 * one ("80092018") is voted on. TRUE when the date changed (it is then
 * marked unsure). */
gboolean              daftari_receipt_fields_vote_date (DaftariReceiptFields *fields,
                                                        GArray *const        *readings,
                                                        guint                 n_readings);

/* The total voted on by the readings of its line (docs/receipts.md), when
 * it is unconfirmed: the readings with as many digits in the total's place
 * vote on them, digit by digit, weighted by Tesseract's confidence, and
 * each amount is tried on the receipt's other figures (subtotal and tax,
 * items, cash less change). An amount they confirm wins; unconfirmed, the
 * best supported one (at least three readings) replaces only an unsure
 * total, the total's own digits winning ties. When at least three readings
 * agree on another number of digits than the total's and outweigh those
 * like it, the vote is between them (spelled like the surest), whatever
 * the total's confidence. readings are word lists of
 * the whole page as for daftari_receipt_fields_vote_date. TRUE when the
 * total changed or was confirmed (an unconfirmed change is marked unsure). */
gboolean              daftari_receipt_fields_vote_total (DaftariReceiptFields *fields,
                                                         GArray *const        *readings,
                                                         guint                 n_readings);

/* "merchant", "date", "total", "vat", "kra_pin", "till", "paybill", "receipt_number". */
const char           *daftari_receipt_field_name    (DaftariReceiptFieldKind   kind);
/* The field's name for people, translated. */
const char           *daftari_receipt_field_label   (DaftariReceiptFieldKind   kind);

/* Hundredths as the receipt printed them: 123450 → "1234.50". */
char                 *daftari_receipt_format_amount (gint64                    hundredths);

/* The first date in text as the extractor reads dates ("25/12/2018",
 * "12-01-19", "25 Dec 2018", "2018-12-25"); FALSE when there is none. */
gboolean              daftari_receipt_parse_date      (const char *text,
                                                       DaftariDay *out_day);
/* A company name reduced for comparison: letters and digits only, case
 * folded, so "Book Ta .K (Taman Daya) Sdn Bhd" = "BOOK TAK (TAMAN DAYA) SDN. BHD.". */
char                 *daftari_receipt_normalise_company (const char *name);

/* Below this a field is shown as needing a look (the UI marks it). */
#define DAFTARI_RECEIPT_CONFIDENT 60

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariReceiptFields, daftari_receipt_fields_free)

G_END_DECLS
