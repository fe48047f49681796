/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for the receipt text→fields extractor: the input is
 * the recognised text (one line per line, words at spaces), the same
 * words a Tesseract run gives. Built with -fsanitize=fuzzer under clang;
 * with -DDAFTARI_FUZZ_STANDALONE it is its own driver of deterministic
 * mutations of seed receipts (its own, and the corpus folder's given). */
#include <string.h>

#include "daftari-receipt.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
check_field (const DaftariReceiptField *field)
{
  g_assert (field->confidence >= 0 && field->confidence <= 100);
  if (field->value == NULL)
    return;
  g_assert (g_utf8_validate (field->value, -1, NULL));
  g_assert (field->boxes->len >= 1);
}

/* What extraction and every merge must keep: well-formed fields, a total
 * not negative, a date in range. */
static void
check_merged (DaftariReceiptFields *fields)
{
  for (guint i = 0; i < DAFTARI_RECEIPT_N_FIELDS; i++)
    check_field (&fields->field[i]);
  if (fields->field[DAFTARI_RECEIPT_TOTAL].value != NULL)
    g_assert (fields->total >= 0);
  if (fields->field[DAFTARI_RECEIPT_DATE].value != NULL)
    g_assert (fields->date >= 19900101 && fields->date <= 20991231);
}

static DaftariReceiptFields *
extract_words (GArray *words)
{
  return daftari_receipt_extract ((const DaftariReceiptWord *) (gpointer) words->data, words->len);
}

/* The reader's second look: the fields merged with those of another
 * reading (here, the input's first half) are still well formed. Takes fields. */
static void
check_merge (DaftariReceiptFields *fields, const guint8 *data, size_t size)
{
  GArray *words = daftari_receipt_words_from_text ((const char *) data, (gssize) (size / 2));
  DaftariReceiptFields *other = extract_words (words);

  (void) daftari_receipt_fields_doubtful (fields);
  fields = daftari_receipt_fields_merge (fields, other);
  check_merged (fields);
  daftari_receipt_fields_free (fields);
  g_array_unref (words);
}

/* The reader's re-reading of parts of the page, and the second model's
 * reading: the fields merged with those of another word list (here, the
 * input's second half; the date line, its first half or none) are still
 * well formed, whichever reading each field came from. */
static void
check_merge_reread (const guint8 *data, size_t size)
{
  GArray *first_words = daftari_receipt_words_from_text ((const char *) data, (gssize) size);
  GArray *words = daftari_receipt_words_from_text ((const char *) data + size / 2, (gssize) (size - size / 2));
  GArray *date_words = size % 2 ? daftari_receipt_words_from_text ((const char *) data, (gssize) (size / 2)) : NULL;
  DaftariReceiptFields *fields = daftari_receipt_fields_merge_reread (extract_words (first_words),
                                                                      extract_words (words), first_words, NULL, words);

  check_merged (fields);
  fields = daftari_receipt_fields_merge_latin (fields, extract_words (words), first_words, NULL, words, words,
                                               date_words);
  check_merged (fields);
  /* The vote of the readings on the date's digits (the reader's last step). */
  {
    GArray *readings[] = { first_words, words, first_words, date_words };

    (void) daftari_receipt_fields_vote_date (fields, readings, date_words != NULL ? 4 : 3);
    check_merged (fields);
    /* And on the total's (after the date's, as the reader does). */
    (void) daftari_receipt_fields_vote_total (fields, readings, date_words != NULL ? 4 : 3);
    check_merged (fields);
  }
  daftari_receipt_fields_free (fields);
  g_clear_pointer (&date_words, g_array_unref);
  g_array_unref (words);
  g_array_unref (first_words);
}

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  GArray *words = daftari_receipt_words_from_text ((const char *) data, (gssize) size);
  DaftariReceiptFields *fields = extract_words (words);
  char *json;

  /* What the saving code relies on, as after every merge. */
  check_merged (fields);
  for (guint i = 0; i < fields->items->len; i++)
    {
      const DaftariReceiptItem *item = g_ptr_array_index (fields->items, i);

      g_assert (item->amount >= 0 && g_utf8_validate (item->description, -1, NULL));
    }
  json = daftari_receipt_fields_to_json_string (fields);
  g_assert (json != NULL && g_utf8_validate (json, -1, NULL));
  g_free (json);
  check_merge (fields, data, size);
  check_merge_reread (data, size);
  g_array_unref (words);
  return 0;
}

#ifdef DAFTARI_FUZZ_STANDALONE
#include "fuzz-mutate.h"

static const char *const seeds[] = {
  "NAIVAS LTD\nKRA PIN: P051234567X\nTILL NO 567890\nDate: 05/03/2025\nSUGAR 250.00\nVAT 16% 34.48\n"
  "TOTAL KES 250.00\nCASH 300.00\nCHANGE 50.00\n",
  "MR D.I.Y. (M)\nSDN BHD\n12-01-19 21:13\nTOTAL RM 33, 92\nROUNDING ADJ -RM 0.02\nTOTAL ROUNDED RM 33.90\n",
  "Total:\n9.6O\nJUMLA 1.234,5O\nPAYBILL 247247\nReceipt No: RCT-1\n25 Dec 2018\nDec 25, 2018\n",
};

static const char *const pieces[] = {
  "TOTAL ", "GRAND TOTAL ", "JUMLA ", "SUBTOTAL ", "VAT 16% ", "CASH ", "CHANGE ", " 99999999999999999.99",
  "1,2O0.5O", "31/02/2019", "99/99/9999", "2019-13-45", " DEC ", "PIN ", "P0000000000", "TILL ", "\n", "\n\n",
  ",", ".", " ", "%", "-", "(", "\xc3\xa9", "\xff", "LTD", "SDN BHD", "RECEIPT NO:",
  "ROUNDING ", "TOTAL AFTER ROUNDING ", "80092018", "3003/2018", "30/83/2018",
  "( ", " )", " 00", "27032025", "S/B", "&", "COMPANY REG NO",
};

const FuzzDriver fuzz_driver = {
  .seeds = seeds, .n_seeds = G_N_ELEMENTS (seeds),
  .pieces = pieces, .n_pieces = G_N_ELEMENTS (pieces),
};

#endif
