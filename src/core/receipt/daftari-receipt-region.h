/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the receipt reader only: the parts of a page worth reading again
 * (the header with the merchant's name, the date line, the total line),
 * cut out of the prepared image and enlarged, and the words of such a
 * re-reading put back in place of the first reading's words there. */

#include "daftari-receipt-fields.h"
#include "daftari-receipt-image.h"

G_BEGIN_DECLS

/* A horizontal strip of the recognition image (grey/plain), in its pixels. */
typedef struct {
  int top;
  int bottom;   /* exclusive */
} ReceiptBand;

typedef enum {
  RECEIPT_REGION_HEADER,   /* the lines above and at the merchant's name */
  RECEIPT_REGION_DATE,     /* the line of the date (or of the word DATE) */
  RECEIPT_REGION_TOTAL,    /* the total line and the next one */
  /* the date's line if its words are in the list; without a date, the
   * line of the word DATE, else one with a damaged date or a time */
  RECEIPT_REGION_DATE_LIKE,
} ReceiptRegion;

/* The strip holding a region, from the first reading's words (boxes in the
 * file's pixels) and fields; FALSE when the words do not show where it is. */
gboolean  receipt_region_band    (const ReceiptPrepared      *prepared,
                                  GArray                     *words,
                                  const DaftariReceiptFields *fields,
                                  ReceiptRegion               region,
                                  ReceiptBand                *out);
/* The strip (with a margin) cut out of source (one of prepared's grey
 * images; the reader re-reads the plain, not normalised one) and
 * enlarged ZOOM times for a re-reading; *out_top is where the cut starts
 * in the recognition image. */
PIX      *receipt_region_image   (const ReceiptPrepared      *prepared,
                                  PIX                        *source,
                                  const ReceiptBand          *band,
                                  double                      zoom,
                                  int                        *out_top);
/* The first reading's words with those of the strip replaced by the
 * re-reading's (already in file pixels), lines renumbered in page order. */
GArray   *receipt_region_replace (const ReceiptPrepared      *prepared,
                                  GArray                     *words,
                                  const ReceiptBand          *band,
                                  GArray                     *reread);

G_END_DECLS
