/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "daftari-book.h"
#include "daftari-commodity.h"

G_BEGIN_DECLS

/* A read receipt kept as an expense, its image attached. */
typedef struct {
  gint64      wallet_id;
  gint64      category_id;   /* an expense category */
  gint64      amount;        /* in the wallet's commodity's minor units, > 0 */
  gint64      ts;
  const char *memo;          /* NULL: none (the CLI and UI pass the merchant) */
  GBytes     *image;         /* the file as read, stored once per SHA-256 */
  const char *mime;
  const char *name;          /* the file's name, for people; NULL: "" */
  const char *details;       /* the fields read, as JSON; NULL: "" */
  gboolean    again;         /* save even when these bytes were saved before */
} DaftariReceiptSave;

/* Posts the expense through the ledger (so the limit and overdraft rules
 * apply), stores the image in table attachment unless the same bytes are
 * already there, and links the two, all in one SQLite transaction: a
 * refusal leaves the book as it was.
 *
 * A receipt's amounts are in the book's currency, so the wallet must be
 * one kept in it (DAFTARI_INPUT_ERROR_INVALID otherwise). The same image
 * already saved as an expense not voided is refused with
 * DAFTARI_INPUT_ERROR_EXISTS, a message saying when, how much and from
 * which wallet, unless spec->again: paying twice is rare, saving one
 * receipt twice by mistake is not. */
gboolean   daftari_receipt_save              (DaftariBook              *book,
                                              const DaftariReceiptSave *spec,
                                              gint64                   *out_txn_id,
                                              gint64                   *out_attachment_id,
                                              GError                  **error);

typedef struct {
  gint64  id;
  char   *sha256;
  char   *mime;
  char   *name;
  gint64  size;      /* bytes */
  gint64  created;   /* UTC seconds */
  char   *details;   /* JSON of the fields read, or "" */
} DaftariAttachment;

void       daftari_attachment_free           (DaftariAttachment *attachment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariAttachment, daftari_attachment_free)

/* A transaction's attachments (DaftariAttachment), oldest first. */
GPtrArray *daftari_receipt_list_attachments  (DaftariBook  *book,
                                              gint64        txn_id,
                                              GError      **error);
GBytes    *daftari_receipt_attachment_bytes  (DaftariBook  *book,
                                              gint64        attachment_id,
                                              GError      **error);

/* An expense category for a merchant: the one its latest saved receipt
 * was filed under, else one from words in its name (fuel, restaurant,
 * airtime…) matched to the book's seeded categories (by their name in the
 * user's language or in English); "Other expenses" when nothing fits; 0
 * with error set when the book cannot be read. Not the categorisation
 * engine (training on a big book's history takes seconds): a first guess
 * the user changes before saving. */
gint64     daftari_receipt_suggest_category  (DaftariBook  *book,
                                              const char   *merchant,
                                              GError      **error);

/* Hundredths as read from a receipt to the minor units of commodity. */
gboolean   daftari_receipt_amount_to_minor   (gint64                   hundredths,
                                              const DaftariCommodity  *commodity,
                                              gint64                  *out_minor,
                                              GError                 **error);

G_END_DECLS
