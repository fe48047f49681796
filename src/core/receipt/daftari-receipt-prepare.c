/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Leptonica steps that make a receipt photo or scan easy for Tesseract. */
#include "daftari-receipt-image.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "daftari-receipt-error.h"

/* Receipts are narrow: text of thermal printers is legible to Tesseract
 * from about 1,000 pixels across the paper; beyond ~2,000 it only costs
 * time. The pixel cap bounds the time and memory of one recognition. */
#define MIN_WIDTH        1000
#define MAX_WIDTH        2000
#define MAX_OCR_PIXELS   (8 * 1000 * 1000)

/* Foreground below this share of the page is a blank page (or dust). */
#define BLANK_SHARE 0.0005

static double
choose_scale (int w, int h)
{
  double scale = 1.0;

  if (w < MIN_WIDTH)
    scale = (double) MIN_WIDTH / w;
  else if (w > MAX_WIDTH)
    scale = (double) MAX_WIDTH / w;
  if ((double) w * h * scale * scale > MAX_OCR_PIXELS)
    scale = sqrt ((double) MAX_OCR_PIXELS / ((double) w * h));
  return scale;
}

static PIX *
scale_grey (PIX *pix, double scale)
{
  if (fabs (scale - 1.0) < 0.02)
    return pixClone (pix);
  /* Area mapping when shrinking keeps thin strokes; linear interpolation
   * when growing keeps edges smooth. */
  return scale < 1.0 ? pixScaleAreaMap (pix, (l_float32) scale, (l_float32) scale)
                     : pixScaleGrayLI (pix, (l_float32) scale, (l_float32) scale);
}

/* Quarter turns that bring the text upright, from Leptonica's counts of
 * ascenders and descenders on the binary image (so no Tesseract OSD data
 * is needed; the Flatpak ships none). Receipts are long and narrow: only a
 * landscape image is turned, a quarter either way, on a clear verdict. An
 * upright portrait is never turned upside down: on clean printed receipts
 * the up/down verdict was wrong too often, and a wrong turn loses the
 * whole receipt (docs/receipts.md). */
#define ORIENT_MIN_CONF 6.0f

static int
upright_quads (PIX *binary)
{
  l_float32 upconf = 0, leftconf = 0;
  gboolean landscape = pixGetWidth (binary) > pixGetHeight (binary);

  if (pixOrientDetect (binary, &upconf, &leftconf, 0, 0) != 0)
    return 0;
  if (landscape && fabsf (leftconf) > fabsf (upconf) && fabsf (leftconf) >= ORIENT_MIN_CONF)
    return leftconf > 0 ? 1 : 3;
  return 0;
}

static PIX *
rotate_quads (PIX *pix, int quads)
{
  PIX *rotated = quads != 0 ? pixRotateOrth (pix, quads) : pixClone (pix);

  pixDestroy (&pix);
  return rotated;
}

/* Straightens a slightly skewed page; Leptonica measures the skew on the
 * binary image and both images turn by it. */
static void
deskew (PIX **grey, PIX **binary)
{
  l_float32 angle = 0, conf = 0;
  PIX *g, *b;

  if (pixFindSkew (*binary, &angle, &conf) != 0 || conf < 2.5 || fabsf (angle) < 0.2f)
    return;
  g = pixRotate (*grey, angle * (l_float32) (G_PI / 180), L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0);
  b = pixRotate (*binary, angle * (l_float32) (G_PI / 180), L_ROTATE_SAMPLING, L_BRING_IN_WHITE, 0, 0);
  if (g == NULL || b == NULL)
    {
      pixDestroy (&g);
      pixDestroy (&b);
      return;
    }
  pixDestroy (grey);
  pixDestroy (binary);
  *grey = g;
  *binary = b;
}

/* Background to white and text to full black: pale thermal print and a
 * shadow across a photo become the same clean black on white. */
static PIX *
normalise_background (PIX *grey)
{
  PIX *flat = pixBackgroundNormSimple (grey, NULL, NULL);

  if (flat == NULL)
    return NULL;
  /* The normalised background sits at 200: stretch [60, 190] to [0, 255]. */
  pixGammaTRC (flat, flat, 1.0f, 60, 190);
  return flat;
}

static PIX *
binarise (PIX *grey)
{
  PIX *binary = NULL, *clean;

  /* Sauvola: a local threshold, so a shadow across a photo does not swallow
   * the text next to it. */
  if (pixSauvolaBinarizeTiled (grey, 12, 0.34f, 1, 1, NULL, &binary) != 0 || binary == NULL)
    return pixThresholdToBinary (grey, 160);
  /* Specks of one or two pixels are noise; the full stop of "9.00" is bigger. */
  clean = pixSelectBySize (binary, 2, 2, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GT, NULL);
  if (clean == NULL)
    return binary;
  pixDestroy (&binary);
  return clean;
}

static gboolean
is_blank (PIX *binary)
{
  l_int32 count = 0;

  if (pixCountPixels (binary, &count, NULL) != 0)
    return FALSE;
  return count < BLANK_SHARE * pixGetWidth (binary) * pixGetHeight (binary);
}

PIX *
receipt_image_prepare (const ReceiptImage *image, ReceiptTransform *out_transform, int *out_dpi, GError **error)
{
  int w = pixGetWidth (image->pix), h = pixGetHeight (image->pix);
  double scale = choose_scale (w, h);
  PIX *scaled = scale_grey (image->pix, scale);
  PIX *grey = scaled != NULL ? normalise_background (scaled) : NULL;
  PIX *binary;
  int quads;

  pixDestroy (&scaled);
  if (grey == NULL || (binary = binarise (grey)) == NULL)
    {
      pixDestroy (&grey);
      g_set_error (error, DAFTARI_RECEIPT_ERROR, DAFTARI_RECEIPT_ERROR_OCR,
                   _("The image could not be prepared for reading; try a smaller or clearer image"));
      return NULL;
    }
  if (is_blank (binary))
    {
      pixDestroy (&grey);
      pixDestroy (&binary);
      g_set_error (error, DAFTARI_RECEIPT_ERROR, DAFTARI_RECEIPT_ERROR_BLANK,
                   _("The page is blank: no text was found on it; check that the right file was chosen"));
      return NULL;
    }
  quads = upright_quads (binary);
  binary = rotate_quads (binary, quads);
  grey = rotate_quads (grey, quads);
  deskew (&grey, &binary);
  pixDestroy (&binary);
  *out_transform = (ReceiptTransform) {
    .scale = scale / image->reduction, .quads = quads, .width = image->width, .height = image->height,
  };
  *out_dpi = image->dpi > 0 ? (int) (image->dpi * out_transform->scale + 0.5) : 0;
  return grey;
}

void
receipt_transform_box (const ReceiptTransform *t, DaftariReceiptBox *box)
{
  /* Size of the image before it was turned, in recognition pixels. */
  double sw = t->width * t->scale, sh = t->height * t->scale;
  double x0 = box->x, y0 = box->y, x1 = box->x + box->width, y1 = box->y + box->height;
  double ax, ay, bx, by;

  switch (t->quads)
    {
    case 1:  ax = y0; ay = sh - x1; bx = y1; by = sh - x0; break;
    case 2:  ax = sw - x1; ay = sh - y1; bx = sw - x0; by = sh - y0; break;
    case 3:  ax = sw - y1; ay = x0; bx = sw - y0; by = x1; break;
    default: ax = x0; ay = y0; bx = x1; by = y1; break;
    }
  box->x = CLAMP ((int) (ax / t->scale), 0, t->width);
  box->y = CLAMP ((int) (ay / t->scale), 0, t->height);
  box->width = CLAMP ((int) ((bx - ax) / t->scale + 0.5), 0, t->width - box->x);
  box->height = CLAMP ((int) ((by - ay) / t->scale + 0.5), 0, t->height - box->y);
}
