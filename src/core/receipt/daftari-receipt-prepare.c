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
  /* Within 2 % of its size a page is read as it is, and its boxes must be
   * mapped back with the scale actually used. */
  return fabs (scale - 1.0) < 0.02 ? 1.0 : scale;
}

static PIX *
scale_grey (PIX *pix, double scale)
{
  if (scale == 1.0)
    return pixClone (pix);
  /* Area mapping when shrinking keeps thin strokes; linear interpolation
   * when growing keeps edges smooth. */
  return scale < 1.0 ? pixScaleAreaMap (pix, (l_float32) scale, (l_float32) scale)
                     : pixScaleGrayLI (pix, (l_float32) scale, (l_float32) scale);
}

static PIX *
rotate_quads (PIX *pix, int quads)
{
  PIX *rotated = quads != 0 ? pixRotateOrth (pix, quads) : pixClone (pix);

  pixDestroy (&pix);
  return rotated;
}

static void
rotate_by (PIX **pix, l_float32 radians, int type)
{
  PIX *turned = pixRotate (*pix, radians, type, L_BRING_IN_WHITE, 0, 0);

  if (turned == NULL)
    return;
  pixDestroy (pix);
  *pix = turned;
}

/* Straightens a slightly skewed page; Leptonica measures the skew on the
 * binary image and the grey images turn by it. */
static void
deskew (ReceiptPrepared *p)
{
  l_float32 angle = 0, conf = 0, radians;

  if (pixFindSkew (p->binary, &angle, &conf) != 0 || conf < 2.5 || fabsf (angle) < 0.2f)
    return;
  radians = angle * (l_float32) (G_PI / 180);
  rotate_by (&p->grey, radians, L_ROTATE_AREA_MAP);
  rotate_by (&p->plain, radians, L_ROTATE_AREA_MAP);
  /* Boxes read on the straightened page are turned back onto the file's. */
  p->transform.skew = radians;
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

/* A rectangle of the decoded image. */
typedef struct {
  int x, y, w, h;
} Part;

/* The part of the decoded image to read: the paper on a photo (unless
 * whole), else all of it; its rectangle in *part, and in *was_cut whether
 * it is the paper (which may fill the frame yet have had the table in its
 * margin painted out). */
static PIX *
cut_to_paper (PIX *pix, gboolean whole, Part *part, gboolean *was_cut)
{
  PIX *cut = whole ? NULL : receipt_image_cut_to_paper (pix, &part->x, &part->y);

  *was_cut = cut != NULL;
  if (cut == NULL)
    {
      part->x = part->y = 0;
      cut = pixClone (pix);
    }
  part->w = pixGetWidth (cut);
  part->h = pixGetHeight (cut);
  return cut;
}

/* receipt_image_prepare on the paper or, when whole, the whole image;
 * *was_cut says whether only the paper was taken. */
static gboolean
prepare_part (const ReceiptImage *image, gboolean whole, gboolean *was_cut, ReceiptPrepared *out, GError **error)
{
  Part part;
  PIX *paper = cut_to_paper (image->pix, whole, &part, was_cut);
  double scale = choose_scale (part.w, part.h);
  PIX *scaled = scale_grey (paper, scale);
  PIX *grey = scaled != NULL ? normalise_background (scaled) : NULL;
  PIX *binary;

  pixDestroy (&paper);
  if (grey == NULL || (binary = binarise (grey)) == NULL)
    {
      pixDestroy (&scaled);
      pixDestroy (&grey);
      g_set_error (error, DAFTARI_RECEIPT_ERROR, DAFTARI_RECEIPT_ERROR_OCR,
                   _("The image could not be prepared for reading; try a smaller or clearer image"));
      return FALSE;
    }
  if (is_blank (binary))
    {
      pixDestroy (&scaled);
      pixDestroy (&grey);
      pixDestroy (&binary);
      g_set_error (error, DAFTARI_RECEIPT_ERROR, DAFTARI_RECEIPT_ERROR_BLANK,
                   _("The page is blank: no text was found on it; check that the right file was chosen"));
      return FALSE;
    }
  *out = (ReceiptPrepared) {
    .grey = grey, .plain = scaled, .binary = binary,
    .transform = { .scale = scale / image->reduction,
                   .width = MIN (part.w * image->reduction, image->width - part.x * image->reduction),
                   .height = MIN (part.h * image->reduction, image->height - part.y * image->reduction),
                   .left = part.x * image->reduction, .top = part.y * image->reduction },
  };
  out->dpi = image->dpi > 0 ? (int) (image->dpi * out->transform.scale + 0.5) : 0;
  return TRUE;
}

gboolean
receipt_image_prepare (const ReceiptImage *image, ReceiptPrepared *out, GError **error)
{
  g_autoptr(GError) on_paper = NULL;
  gboolean was_cut = FALSE;

  if (prepare_part (image, FALSE, &was_cut, out, &on_paper))
    return TRUE;
  /* What looked like the paper was something else bright, a lamp or a
   * window, with nothing on it: the whole image is read after all. */
  if (was_cut && g_error_matches (on_paper, DAFTARI_RECEIPT_ERROR, DAFTARI_RECEIPT_ERROR_BLANK))
    return prepare_part (image, TRUE, &was_cut, out, error);
  g_propagate_error (error, g_steal_pointer (&on_paper));
  return FALSE;
}

/* Upright, a receipt is long and narrow (the receipts we develop on are
 * 1.4 to 3 times as tall as wide; a photo of one is at least 4:3 tall). A
 * page less than 1.3 times as tall as wide may be one on its side. */
gboolean
receipt_image_may_be_sideways (const ReceiptPrepared *prepared)
{
  return pixGetHeight (prepared->grey) * 10 < pixGetWidth (prepared->grey) * 13;
}

/* The sample is a square, so that every turn shows the same text in the
 * same number of pixels: a fair race. It is centred on the printed part
 * of the page (its bounding box on the binary copy), and small enough
 * that reading it three times costs well under a second. */
#define SAMPLE_SIDE 700

PIX *
receipt_image_orientation_sample (const ReceiptPrepared *prepared, int quads)
{
  int w = pixGetWidth (prepared->grey), h = pixGetHeight (prepared->grey);
  int side = MIN (SAMPLE_SIDE, MIN (w, h)), cx = w / 2, cy = h / 2;
  int ix, iy, iw, ih;
  BOX *ink = NULL, *square;
  PIX *crop, *turned;

  /* Through boxGetGeometry: BOX's fields are private from Leptonica 1.83 on
   * (the Flatpak builds 1.87). */
  if (pixClipToForeground (prepared->binary, NULL, &ink) == 0 && ink != NULL
      && boxGetGeometry (ink, &ix, &iy, &iw, &ih) == 0)
    {
      cx = ix + iw / 2;
      cy = iy + ih / 2;
    }
  boxDestroy (&ink);
  cx = CLAMP (cx, side / 2, w - side + side / 2);
  cy = CLAMP (cy, side / 2, h - side + side / 2);
  square = boxCreate (cx - side / 2, cy - side / 2, side, side);
  crop = pixClipRectangle (prepared->grey, square, NULL);
  boxDestroy (&square);
  if (crop == NULL)
    return NULL;
  turned = quads != 0 ? pixRotateOrth (crop, quads) : pixClone (crop);
  pixDestroy (&crop);
  return turned;
}

void
receipt_image_finish (ReceiptPrepared *prepared, int quads)
{
  prepared->binary = rotate_quads (prepared->binary, quads);
  prepared->grey = rotate_quads (prepared->grey, quads);
  prepared->plain = rotate_quads (prepared->plain, quads);
  prepared->transform.quads = quads;
  deskew (prepared);
  pixDestroy (&prepared->binary);
}

void
receipt_prepared_clear (ReceiptPrepared *prepared)
{
  pixDestroy (&prepared->grey);
  pixDestroy (&prepared->plain);
  pixDestroy (&prepared->binary);
}

/* The recognition image's size before the quarter turns, and its centre
 * after them (what the deskew turned about). */
static void
recognition_geometry (const ReceiptTransform *t, double *sw, double *sh, double *cx, double *cy)
{
  *sw = t->width * t->scale;
  *sh = t->height * t->scale;
  *cx = (t->quads % 2 == 1 ? *sh : *sw) / 2;
  *cy = (t->quads % 2 == 1 ? *sw : *sh) / 2;
}

/* Moves the box's middle by the deskew turn (by minus it to undo it),
 * keeping its size. */
static void
turn_middle (double radians, double cx, double cy, double *x0, double *y0, double *x1, double *y1)
{
  double mx = (*x0 + *x1) / 2 - cx, my = (*y0 + *y1) / 2 - cy;
  double c = cos (radians), s = sin (radians);
  double nx = cx + mx * c - my * s, ny = cy + mx * s + my * c;
  double hw = (*x1 - *x0) / 2, hh = (*y1 - *y0) / 2;

  *x0 = nx - hw;
  *x1 = nx + hw;
  *y0 = ny - hh;
  *y1 = ny + hh;
}

void
receipt_transform_box (const ReceiptTransform *t, DaftariReceiptBox *box)
{
  double sw, sh, cx, cy;
  double x0 = box->x, y0 = box->y, x1 = box->x + box->width, y1 = box->y + box->height;
  double ax, ay, bx, by;

  recognition_geometry (t, &sw, &sh, &cx, &cy);
  if (t->skew != 0)
    turn_middle (-t->skew, cx, cy, &x0, &y0, &x1, &y1);
  switch (t->quads)
    {
    case 1:  ax = y0; ay = sh - x1; bx = y1; by = sh - x0; break;
    case 2:  ax = sw - x1; ay = sh - y1; bx = sw - x0; by = sh - y0; break;
    case 3:  ax = sw - y1; ay = x0; bx = sw - y0; by = x1; break;
    default: ax = x0; ay = y0; bx = x1; by = y1; break;
    }
  ax = MAX (ax, 0);
  ay = MAX (ay, 0);
  box->x = CLAMP ((int) (ax / t->scale), 0, t->width);
  box->y = CLAMP ((int) (ay / t->scale), 0, t->height);
  box->width = CLAMP ((int) ((bx - ax) / t->scale + 0.5), 0, t->width - box->x);
  box->height = CLAMP ((int) ((by - ay) / t->scale + 0.5), 0, t->height - box->y);
  box->x += t->left;
  box->y += t->top;
}

void
receipt_transform_to_recognition (const ReceiptTransform *t, const DaftariReceiptBox *box, double *x0, double *y0,
                                  double *x1, double *y1)
{
  double sw, sh, cx, cy;
  double ax = (box->x - t->left) * t->scale, ay = (box->y - t->top) * t->scale;
  double bx = (box->x - t->left + box->width) * t->scale, by = (box->y - t->top + box->height) * t->scale;

  recognition_geometry (t, &sw, &sh, &cx, &cy);
  /* A quarter turn clockwise takes (x, y) to (sh - y, x). */
  switch (t->quads)
    {
    case 1:  *x0 = sh - by; *y0 = ax; *x1 = sh - ay; *y1 = bx; break;
    case 2:  *x0 = sw - bx; *y0 = sh - by; *x1 = sw - ax; *y1 = sh - ay; break;
    case 3:  *x0 = ay; *y0 = sw - bx; *x1 = by; *y1 = sw - ax; break;
    default: *x0 = ax; *y0 = ay; *x1 = bx; *y1 = by; break;
    }
  if (t->skew != 0)
    turn_middle (t->skew, cx, cy, x0, y0, x1, y1);
}
