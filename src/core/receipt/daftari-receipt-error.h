/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Why a receipt could not be read. Nothing is saved when one is raised. */
#define DAFTARI_RECEIPT_ERROR (daftari_receipt_error_quark ())
typedef enum {
  DAFTARI_RECEIPT_ERROR_EMPTY,        /* a 0-byte file */
  DAFTARI_RECEIPT_ERROR_NOT_AN_IMAGE, /* neither an image Leptonica reads nor a PDF */
  DAFTARI_RECEIPT_ERROR_TOO_LARGE,    /* more pixels than can be read in bounded memory */
  DAFTARI_RECEIPT_ERROR_BAD_PDF,      /* a damaged PDF, or one without pages */
  DAFTARI_RECEIPT_ERROR_BLANK,        /* a page with no text on it */
  DAFTARI_RECEIPT_ERROR_OCR,          /* Tesseract could not start or failed */
} DaftariReceiptError;

GQuark daftari_receipt_error_quark (void);

G_END_DECLS
