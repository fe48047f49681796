/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the receipt reader only: the image as decoded, and made ready for
 * Tesseract. Keeps Leptonica's types out of the core's public headers. */

#include <gio/gio.h>
#include <leptonica/allheaders.h>

#include "daftari-receipt-words.h"

G_BEGIN_DECLS

/* Decoding never holds more than about this many pixels: bigger JPEGs are
 * decoded at 1/2, 1/4 or 1/8 scale by libjpeg itself; other formats are
 * refused above RECEIPT_MAX_FILE_PIXELS. */
#define RECEIPT_MAX_DECODE_PIXELS (24 * 1000 * 1000)
#define RECEIPT_MAX_FILE_PIXELS   (100 * 1000 * 1000)
/* PDFs are rendered at this resolution (less for a page too big for it). */
#define RECEIPT_PDF_DPI 300

typedef struct {
  PIX        *pix;        /* 8-bit grey */
  /* Of the file's own pixels (a PDF page: at RECEIPT_PDF_DPI), turned as
   * the JPEG's Exif orientation says, as image viewers show it. */
  int         width;
  int         height;
  int         reduction;  /* file pixels per decoded pixel: 1, 2, 4, 8 */
  int         dpi;        /* the file's resolution, 0 when it does not say */
  const char *mime;
} ReceiptImage;

gboolean receipt_image_decode (GBytes        *bytes,
                               ReceiptImage  *out,
                               GError       **error);
void     receipt_image_clear  (ReceiptImage  *image);

/* A JPEG's Exif orientation, 1–8 (1: as stored; 6: turn a quarter
 * clockwise to show; 3: half a turn; 8: a quarter anticlockwise; 2, 4, 5,
 * 7: mirrored). 1 when the file has none or it is damaged. */
int      receipt_jpeg_orientation (const guint8 *data,
                                   gsize         size);
/* pix turned (and mirrored) as orientation says; a new PIX. */
PIX     *receipt_image_orient     (PIX          *pix,
                                   int           orientation);

/* From the image Tesseract reads back to the file's pixels. */
typedef struct {
  double scale;           /* recognition pixels per file pixel */
  int    quads;           /* clockwise quarter turns applied */
  /* The small turn that straightened the page after those, about the
   * recognition image's centre (radians, clockwise: Leptonica's sense). */
  double skew;
  int    width, height;   /* of the part read (the paper on a photo), in the file's pixels */
  int    left, top;       /* where that part starts on the file */
} ReceiptTransform;

/* An image on its way to Tesseract: grey (what Tesseract reads first),
 * plain (the same without the background normalised, for a second look)
 * and a binary copy (for the blank-page check and the skew). */
typedef struct {
  PIX              *grey;
  PIX              *plain;    /* grey before its background was normalised */
  PIX              *binary;
  ReceiptTransform  transform;
  int               dpi;      /* of grey; 0 when the file does not say */
} ReceiptPrepared;

/* On a photo of a receipt on a darker table: the paper cut out of grey
 * (with a small margin, the table in it painted white) and where it starts
 * on grey. NULL when the frame is all paper (a scan, a close-up) or no
 * region stands out clearly enough to cut the rest off. */
PIX     *receipt_image_cut_to_paper    (PIX                *grey,
                                        int                *left,
                                        int                *top);
/* Greyscale, cut to the paper on a photo, scaled to a size Tesseract reads well (upscaled when small,
 * downscaled when huge), background normalised; a binary copy with specks
 * removed. Fails with DAFTARI_RECEIPT_ERROR_BLANK for a page with nothing
 * on it. Not yet turned upright nor deskewed: see below. */
gboolean receipt_image_prepare         (const ReceiptImage *image,
                                        ReceiptPrepared    *out,
                                        GError            **error);
/* Whether the image is wide enough that the receipt may lie on its side
 * (a receipt is long: upright, it is taller than wide). */
gboolean receipt_image_may_be_sideways (const ReceiptPrepared *prepared);
/* A piece of the middle of the page, turned by quads clockwise quarter
 * turns, to read quickly and judge which way is up. */
PIX     *receipt_image_orientation_sample (const ReceiptPrepared *prepared,
                                           int                    quads);
/* Turns the page by quads clockwise quarter turns, deskews it and frees the
 * binary copy: what is left in grey and plain is what Tesseract reads. */
void     receipt_image_finish          (ReceiptPrepared    *prepared,
                                        int                 quads);
void     receipt_prepared_clear        (ReceiptPrepared    *prepared);
/* A box read on the recognition image, back on the file's pixels. A word
 * on a straightened page is an upright box on the file's slightly turned
 * one: its middle goes where that turn puts it, its size stays. */
void     receipt_transform_box (const ReceiptTransform *transform,
                                DaftariReceiptBox      *box);
/* The other way: where a box of the file's pixels is on the recognition
 * image (its middle turned likewise, its size kept). */
void     receipt_transform_to_recognition (const ReceiptTransform  *transform,
                                           const DaftariReceiptBox *box,
                                           double                  *x0,
                                           double                  *y0,
                                           double                  *x1,
                                           double                  *y1);

G_END_DECLS
