/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* Writing a cairo-drawn PDF to a file so that a failure never leaves half a
 * file behind: the pages go to a temporary file beside the target (so the
 * rename stays on one file system), flushed to the disk, then renamed over
 * it. After a crash, a full disk or a cancel the name holds either what it
 * held before or the whole new PDF. Invoices and the report PDF share it. */

/* Draws page number `page` (from 0) onto cr. */
typedef void (*DaftariPdfPageFunc) (gpointer data, cairo_t *cr, guint page);

typedef struct {
  double      width;           /* of every page, in points */
  double      height;
  guint       n_pages;
  const char *title;           /* document metadata */
  const char *author;
} DaftariPdfSpec;

/* The outcome when daftari_pdf_file_write returns FALSE: a system error
 * (errno), cairo's own failure, or a cancel. The caller words the message,
 * in its own error domain. */
typedef struct {
  int            saved_errno;  /* 0 unless the file system refused */
  cairo_status_t status;       /* CAIRO_STATUS_SUCCESS unless drawing failed */
  gboolean       cancelled;
} DaftariPdfFailure;

gboolean daftari_pdf_file_write (const char           *path,
                                 const DaftariPdfSpec *spec,
                                 DaftariPdfPageFunc    draw,
                                 gpointer              data,
                                 GCancellable         *cancellable,
                                 DaftariPdfFailure    *out_failure);

G_END_DECLS
