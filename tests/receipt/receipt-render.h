/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Receipts drawn by the tests with pango/cairo, with the fields they carry
 * (made up from a seed, so no test knows its answers in advance). */

#include <glib.h>

#include "daftari-calendar.h"

G_BEGIN_DECLS

typedef struct {
  char       *text;
  char       *merchant;
  char       *kra_pin;
  char       *till;
  gint64      total;    /* hundredths */
  gint64      vat;
  DaftariDay  date;
} RenderedReceipt;

typedef struct {
  const char *font;     /* a family installed here: "DejaVu Sans Mono" */
  double      skew;     /* degrees */
  int         quads;    /* clockwise quarter turns of the whole image */
  gboolean    noise;    /* specks and a grey cast */
  gboolean    pdf;      /* a one-page PDF instead of a PNG */
  /* Lines starting with this are printed small and pale (a worn header, a
   * tiny total line); NULL: none. small_size is their height in pixels
   * (the rest are 30), small_grey their grey level (0 black, 1 white). */
  const char *small;
  double      small_size;
  double      small_grey;
} RenderStyle;

RenderedReceipt *render_receipt_new  (guint32              seed);
void             render_receipt_free (RenderedReceipt     *receipt);
GBytes          *render_receipt_draw (const char          *text,
                                      const RenderStyle   *style);

/* jpeg with an Exif APP1 segment saying orientation (1–8, or anything to
 * see it refused; a SHORT in the first directory, in either byte order)
 * put after its SOI: a phone photo stored as the sensor saw it. */
GBytes          *render_receipt_with_exif (GBytes         *jpeg,
                                           guint           orientation,
                                           gboolean        big_endian);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RenderedReceipt, render_receipt_free)

G_END_DECLS
