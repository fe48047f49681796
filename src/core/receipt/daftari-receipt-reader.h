/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "daftari-receipt-fields.h"

G_BEGIN_DECLS

/* What reading one receipt gave. */
typedef struct {
  DaftariReceiptFields *fields;
  GArray               *words;     /* DaftariReceiptWord; boxes in the file's pixels */
  /* The words of a second recognition (of the page without its background
   * normalised), made when the first left doubt (daftari_receipt_fields_doubtful);
   * NULL when there was none. fields merges both readings. */
  GArray               *second_words;
  /* The words after re-reading the header, the date line and the total
   * line on their own, enlarged (docs/receipts.md); NULL when nothing was
   * re-read. fields merges this reading too. */
  GArray               *reread_words;
  /* The words after reading the header and the date line again with a
   * second model (Tesseract's "Latin" data; docs/receipts.md); NULL when
   * that model is not installed. fields combines this reading too. */
  GArray               *latin_words;
  /* The words after reading the date line once more with the second
   * model, from the normalised image: a third opinion on the date's
   * digits. NULL when not read. */
  GArray               *latin_date_words;
  /* When the date was still missing or unsure after those: more readings
   * of its line (GArray of DaftariReceiptWord each: the page's words with
   * that line read in another way; docs/receipts.md), which voted on the
   * date's digits with the readings above (daftari_receipt_fields_vote_date).
   * NULL when not read. */
  GPtrArray            *date_readings;
  /* When the total was missing or unconfirmed after those: more readings
   * of its lines (the page's words with the total line and the one below
   * read in another way), which voted on the total with the readings
   * above (daftari_receipt_fields_vote_total). NULL when not read. */
  GPtrArray            *total_readings;
  int                   width;     /* the file's pixels (a PDF page: at 300 dpi) */
  int                   height;
  /* The part of the image that was read, in the file's pixels: the paper
   * on a photo of a receipt lying on a table, else the whole image. */
  DaftariReceiptBox     paper;
  char                 *mime;      /* "image/jpeg", "application/pdf", ... */
  char                 *languages; /* the Tesseract languages used: "eng+swa" */
  /* The second model that gave a second opinion ("Latin"); NULL when it is
   * not installed or would not load, and the receipt was read without. */
  char                 *second_model;
  double                seconds;   /* decoding, preparing and recognising */
} DaftariReceiptScan;

void daftari_receipt_scan_free (DaftariReceiptScan *scan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariReceiptScan, daftari_receipt_scan_free)

/* Votes the scan's date over every reading it holds: the page's, the second
 * look's, the re-reading's, the second model's and the date line's own
 * (daftari_receipt_fields_vote_date). The reader does it after reading;
 * a scan rebuilt from saved words (the CLI's --words) does it again.
 * Returns TRUE when the date changed. */
gboolean daftari_receipt_scan_vote_date (DaftariReceiptScan *scan);

/* The same for the total (daftari_receipt_fields_vote_total), over the
 * page's readings and total_readings. Returns TRUE when the total changed. */
gboolean daftari_receipt_scan_vote_total (DaftariReceiptScan *scan);

/* Recognition's progress, 0–100; called on the reading thread. */
typedef void (*DaftariReceiptProgress) (int percent, gpointer user_data);

/* One Tesseract engine (LSTM; English and Swahili when Swahili's data is
 * installed; and a second one with the "Latin" model for a second opinion
 * when that is installed), kept for many receipts: make one per worker thread and use
 * it from that thread only. Tesseract's own OpenMP threads are held to one
 * per engine, so two workers do not fight over two cores. */
#define DAFTARI_TYPE_RECEIPT_READER (daftari_receipt_reader_get_type ())
G_DECLARE_FINAL_TYPE (DaftariReceiptReader, daftari_receipt_reader, DAFTARI, RECEIPT_READER, GObject)

DaftariReceiptReader *daftari_receipt_reader_new           (GError                **error);
const char           *daftari_receipt_reader_get_languages (DaftariReceiptReader   *self);
/* The second recognition model ("Latin": Tesseract's Latin-script data),
 * loaded on first use; NULL when it is not installed (docs/receipts.md). */
const char           *daftari_receipt_reader_get_second_model (DaftariReceiptReader *self);

/* Reads a receipt's bytes (JPEG, PNG, TIFF, ... or a PDF's first page). */
DaftariReceiptScan   *daftari_receipt_reader_scan_bytes    (DaftariReceiptReader   *self,
                                                            GBytes                 *bytes,
                                                            GCancellable           *cancellable,
                                                            DaftariReceiptProgress  progress,
                                                            gpointer                user_data,
                                                            GError                **error);
DaftariReceiptScan   *daftari_receipt_reader_scan_file     (DaftariReceiptReader   *self,
                                                            const char             *path,
                                                            GCancellable           *cancellable,
                                                            GError                **error);

G_END_DECLS
