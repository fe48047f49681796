/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "daftari-calendar.h"
#include "daftari-commodity.h"

G_BEGIN_DECLS

#define DAFTARI_TYPE_BOOK (daftari_book_get_type ())
G_DECLARE_FINAL_TYPE (DaftariBook, daftari_book, DAFTARI, BOOK, GObject)

/* What a new book starts with. */
typedef struct {
  const char *business_name;
  const char *currency;       /* "KES" unless the business keeps books in another */
  const char *time_zone;      /* "Africa/Nairobi" unless given */
} DaftariBookSetup;

/* The per-transaction limit a new book starts with: 500,000 units of the
 * book currency (KES 500,000, M-PESA's own single-transaction ceiling). */
#define DAFTARI_DEFAULT_LIMIT_UNITS 500000

char                   *daftari_book_default_path      (void);

DaftariBook            *daftari_book_create            (const char              *path,
                                                        const DaftariBookSetup  *setup,
                                                        GError                 **error);
/* Deletes a closed book's file and its SQLite side files. */
void                    daftari_book_remove_files      (const char              *path);
DaftariBook            *daftari_book_open              (const char              *path,
                                                        GError                 **error);

const char             *daftari_book_get_path          (DaftariBook             *self);
const char             *daftari_book_get_business_name (DaftariBook             *self);
const DaftariCommodity *daftari_book_get_currency      (DaftariBook             *self);
DaftariCalendar        *daftari_book_get_calendar      (DaftariBook             *self);
/* The file the last migration copied the book to before changing it, if any. */
const char             *daftari_book_get_backup_path   (DaftariBook             *self);

gint64                  daftari_book_get_txn_limit     (DaftariBook             *self);
gboolean                daftari_book_set_txn_limit     (DaftariBook             *self,
                                                        gint64                   limit,
                                                        GError                 **error);

/* Copies what the write-ahead log holds into the book file. SQLite does it
 * by itself after small writes and when the book is closed; after a batch
 * (an import) the caller runs it when the user is not waiting. */
gboolean                daftari_book_checkpoint        (DaftariBook             *self,
                                                        GError                 **error);

G_END_DECLS
