/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A rectangle on the receipt image, in pixels of the image as loaded
 * (before any upscaling or rotation the reader did for recognition). */
typedef struct {
  int x, y, width, height;
} DaftariReceiptBox;

static inline gboolean
daftari_receipt_box_equal (const DaftariReceiptBox *a, const DaftariReceiptBox *b)
{
  return a->x == b->x && a->y == b->y && a->width == b->width && a->height == b->height;
}

/* One recognised word. Words of one text line are consecutive in a word
 * array and share `line`; lines come in reading order. */
typedef struct {
  char              *text;        /* UTF-8 */
  DaftariReceiptBox  box;
  int                confidence;  /* 0–100, Tesseract's */
  int                line;
} DaftariReceiptWord;

/* A GArray of DaftariReceiptWord that frees the words' text. */
GArray *daftari_receipt_words_new       (void);
void    daftari_receipt_words_add       (GArray                  *words,
                                         const char              *text,
                                         const DaftariReceiptBox *box,
                                         int                      confidence,
                                         int                      line);
/* Plain text as words: one line per text line, words split at spaces, boxes
 * made up on a grid of 10×20-pixel characters, confidence 100. For tests,
 * the fuzzer, and text pasted by hand; any bytes are accepted (invalid
 * UTF-8 is replaced). */
GArray *daftari_receipt_words_from_text (const char              *text,
                                         gssize                   length);

G_END_DECLS
