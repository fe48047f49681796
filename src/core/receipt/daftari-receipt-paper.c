/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Where the receipt lies on a photo of it: the paper against a darker
 * table, so that the reader can cut the table off before it scales the
 * image. A receipt photographed from arm's length may fill a quarter of
 * the frame's width or less; scaled as a whole to the width Tesseract
 * reads well, its print would be half the size it needs or smaller. */
#include "daftari-receipt-image.h"

/* The paper is looked for on a copy this many pixels along its longer side:
 * the paper's outline needs no more, and it keeps the search to a few
 * milliseconds on a 12-megapixel photo. */
#define PAPER_PREVIEW 400

/* A cut is worth it only when it takes off a good part of the frame, and
 * safe only when the paper is a clearly brighter region: paper against a
 * table is 100 grey levels or more brighter; a shadow across a scan or a
 * receipt's own grey print is much less. Paper that fills 1 % of a
 * 48-megapixel frame still carries legible print once cut out; a smaller
 * bright patch is more likely a lamp or a reflection than a receipt. */
#define PAPER_MIN_SHARE   0.01
#define PAPER_MAX_SHARE   0.70
#define PAPER_MIN_CONTRAST 70

/* Notches in the paper's outline narrower than this many preview pixels (a
 * shadow across its edge, a fold) are closed, so that no print in them is
 * painted over with the table. */
#define PAPER_NOTCH 9

/* Margin kept around the paper, as a share of its longer side: the
 * outline found on the small copy may be a few pixels short, and a
 * receipt's edge may curl. */
#define PAPER_MARGIN 0.03

/* The index of the component with the most pixels, and that many; -1
 * when there is none. */
static int
largest_component (PIXA *pixa, l_float32 *best_count)
{
  NUMA *counts = pixaCountPixels (pixa);
  int best = -1;

  *best_count = 0;

  for (int i = 0; counts != NULL && i < numaGetCount (counts); i++)
    {
      l_float32 count = 0;

      numaGetFValue (counts, i, &count);
      if (count > *best_count)
        {
          best = i;
          *best_count = count;
        }
    }
  numaDestroy (&counts);
  return best;
}

/* The paper's outline on the preview: the component with its print (its
 * holes) filled, notches where a shadow or a fold bit into its edge closed,
 * and then drawn in a little so that the blurred edge between paper and
 * table counts as table. */
static PIX *
paper_outline (PIXA *pixa, int index, int sw, int sh, int bx, int by)
{
  PIX *component = pixaGetPix (pixa, index, L_CLONE);
  PIX *holes = component != NULL ? pixHolesByFilling (component, 4) : NULL;
  PIX *filled = holes != NULL ? pixOr (NULL, holes, component) : NULL;
  PIX *closed = filled != NULL ? pixCloseSafeBrick (NULL, filled, PAPER_NOTCH, PAPER_NOTCH) : NULL;
  PIX *inside = closed != NULL ? pixErodeBrick (NULL, closed, 3, 3) : NULL;
  PIX *outline = inside != NULL ? pixCreate (sw, sh, 1) : NULL;

  if (outline != NULL)
    pixRasterop (outline, bx, by, pixGetWidth (inside), pixGetHeight (inside), PIX_SRC, inside, 0, 0);
  pixDestroy (&inside);
  pixDestroy (&closed);
  pixDestroy (&filled);
  pixDestroy (&holes);
  pixDestroy (&component);
  return outline;
}

/* The outline at grey's size. Leptonica's scaling takes each pixel from
 * the nearest preview pixel, which moves the outline up and left by half a
 * preview pixel; it is moved back, so that the paper is drawn in alike on
 * every side. */
static PIX *
outline_at_full_size (PIX *outline, int width, int height)
{
  PIX *scaled = pixScaleToSize (outline, width, height);
  int half_x = width / pixGetWidth (outline) / 2, half_y = height / pixGetHeight (outline) / 2;
  PIX *placed = scaled != NULL ? pixTranslate (NULL, scaled, half_x, half_y, L_BRING_IN_WHITE) : NULL;

  pixDestroy (&scaled);
  return placed;
}

/* The part of grey to read, with what lies outside the paper painted
 * white, so that the table's edge is not read as letters. */
static PIX *
cut_and_whiten (PIX *grey, PIX *outline, BOX *part)
{
  PIX *cut = pixClipRectangle (grey, part, NULL);
  PIX *full = outline_at_full_size (outline, pixGetWidth (grey), pixGetHeight (grey));
  PIX *mask = full != NULL ? pixClipRectangle (full, part, NULL) : NULL;

  if (cut == NULL || mask == NULL || pixInvert (mask, mask) == NULL || pixSetMasked (cut, mask, 255) != 0)
    pixDestroy (&cut);
  pixDestroy (&mask);
  pixDestroy (&full);
  return cut;
}

PIX *
receipt_image_cut_to_paper (PIX *grey, int *left, int *top)
{
  int w = pixGetWidth (grey), h = pixGetHeight (grey);
  l_float32 f = MIN (1.0f, (l_float32) PAPER_PREVIEW / MAX (w, h));
  PIX *small = f < 1 ? pixScaleAreaMap (grey, f, f) : pixClone (grey);
  PIX *dark = NULL, *bright = NULL, *outline = NULL, *cut = NULL;
  PIXA *pixa = NULL;
  BOXA *boxa = NULL;
  BOX *part = NULL;
  l_int32 threshold = 0, fg = 0, bg = 0, sw, sh, bx, by, bw, bh, best;
  l_float32 count = 0;

  if (small == NULL || pixSplitDistributionFgBg (small, 0.0f, 1, &threshold, &fg, &bg, NULL) != 0
      || bg - fg < PAPER_MIN_CONTRAST)
    goto out;
  sw = pixGetWidth (small);
  sh = pixGetHeight (small);
  /* Bright pixels; the print inside the paper is holes in its region. */
  if ((dark = pixThresholdToBinary (small, threshold)) == NULL || (bright = pixInvert (NULL, dark)) == NULL
      || (boxa = pixConnCompPixa (bright, &pixa, 8)) == NULL
      || boxaGetBoxGeometry (boxa, (best = largest_component (pixa, &count)), &bx, &by, &bw, &bh) != 0)
    goto out;
  if (count < PAPER_MIN_SHARE * sw * sh || (double) bw * bh > PAPER_MAX_SHARE * sw * sh)
    goto out;
  if ((outline = paper_outline (pixa, best, sw, sh, bx, by)) == NULL)
    goto out;
  {
    int margin = (int) (PAPER_MARGIN * MAX (bw, bh) + 1);
    int x0 = MAX (0, (int) ((bx - margin) * w / sw)), y0 = MAX (0, (int) ((by - margin) * h / sh));
    int x1 = MIN (w, (int) ((bx + bw + margin) * w / sw + 1)), y1 = MIN (h, (int) ((by + bh + margin) * h / sh + 1));

    part = boxCreate (x0, y0, x1 - x0, y1 - y0);
  }
  if ((cut = cut_and_whiten (grey, outline, part)) != NULL)
    boxGetGeometry (part, left, top, NULL, NULL);
out:
  boxDestroy (&part);
  pixDestroy (&outline);
  boxaDestroy (&boxa);
  pixaDestroy (&pixa);
  pixDestroy (&bright);
  pixDestroy (&dark);
  pixDestroy (&small);
  return cut;
}
