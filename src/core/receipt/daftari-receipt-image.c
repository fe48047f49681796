/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Receipt files to 8-bit grey pixels, in bounded memory: images through
 * Leptonica, the first page of a PDF through poppler and cairo. */
#include "daftari-receipt-image.h"

#include <cairo.h>
#include <glib/gi18n-lib.h>
#include <poppler.h>
#include <string.h>

#include "daftari-receipt-error.h"

static const char *
format_mime (l_int32 format)
{
  switch (format)
    {
    case IFF_JFIF_JPEG: return "image/jpeg";
    case IFF_PNG: return "image/png";
    case IFF_BMP: return "image/bmp";
    case IFF_GIF: return "image/gif";
    case IFF_WEBP: return "image/webp";
    case IFF_JP2: return "image/jp2";
    case IFF_PNM: return "image/x-portable-anymap";
    default: return L_FORMAT_IS_TIFF (format) ? "image/tiff" : "application/octet-stream";
    }
}

static gboolean
set_grey (ReceiptImage *out, PIX *pix, GError **error)
{
  if (pix == NULL)
    {
      g_set_error (error, DAFTARI_RECEIPT_ERROR, DAFTARI_RECEIPT_ERROR_NOT_AN_IMAGE,
                   _("The image is damaged and cannot be read; scan or photograph the receipt again"));
      return FALSE;
    }
  out->pix = pixGetDepth (pix) == 8 && pixGetColormap (pix) == NULL ? pixClone (pix) : pixConvertTo8 (pix, 0);
  pixDestroy (&pix);
  if (out->pix == NULL)
    {
      g_set_error (error, DAFTARI_RECEIPT_ERROR, DAFTARI_RECEIPT_ERROR_NOT_AN_IMAGE,
                   _("The image uses a pixel format Daftari cannot read; save it as JPEG or PNG"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
decode_image (const guint8 *data, gsize size, ReceiptImage *out, GError **error)
{
  l_int32 format = IFF_UNKNOWN, w = 0, h = 0, bps, spp, cmap;
  gint64 pixels;

  if (findFileFormatBuffer (data, &format) != 0 || format == IFF_UNKNOWN
      || pixReadHeaderMem (data, size, &format, &w, &h, &bps, &spp, &cmap) != 0 || w <= 0 || h <= 0)
    {
      g_set_error (error, DAFTARI_RECEIPT_ERROR, DAFTARI_RECEIPT_ERROR_NOT_AN_IMAGE,
                   _("The file is not an image or a PDF; choose a JPEG, PNG, TIFF or PDF of the receipt"));
      return FALSE;
    }
  pixels = (gint64) w * h;
  out->width = w;
  out->height = h;
  out->mime = format_mime (format);
  out->reduction = 1;
  /* The header is read before any pixel: a huge JPEG is decoded already
   * shrunk, anything else too big is refused before it takes memory. */
  if (format == IFF_JFIF_JPEG)
    {
      int orientation = receipt_jpeg_orientation (data, size);
      PIX *stored, *upright;

      while (out->reduction < 8 && pixels / ((gint64) out->reduction * out->reduction) > RECEIPT_MAX_DECODE_PIXELS)
        out->reduction *= 2;
      stored = pixReadMemJpeg (data, size, 0, out->reduction, NULL, 0);
      upright = stored != NULL ? receipt_image_orient (stored, orientation) : NULL;
      pixDestroy (&stored);
      if (!set_grey (out, upright, error))
        return FALSE;
      /* Orientations 5 to 8 stand the stored picture on its side. */
      if (orientation >= 5)
        {
          out->width = h;
          out->height = w;
        }
    }
  else if (pixels > RECEIPT_MAX_FILE_PIXELS)
    {
      g_set_error (error, DAFTARI_RECEIPT_ERROR, DAFTARI_RECEIPT_ERROR_TOO_LARGE,
                   _("The image is %d × %d pixels, too large to read; save it as a JPEG or at a smaller size"),
                   w, h);
      return FALSE;
    }
  else if (!set_grey (out, pixReadMem (data, size), error))
    return FALSE;
  out->dpi = pixGetXRes (out->pix) > 0 ? pixGetXRes (out->pix) * out->reduction : 0;
  return TRUE;
}

/* A cairo RGB24 surface as 8-bit luminance. */
static PIX *
surface_to_grey (cairo_surface_t *surface)
{
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  PIX *pix = pixCreate (w, h, 8);
  l_uint32 *pixdata = pixGetData (pix);
  int wpl = pixGetWpl (pix);

  for (int y = 0; y < h; y++)
    {
      /* cairo's ARGB32 rows start on 4-byte boundaries (its stride is a multiple of 4). */
      const guint32 *row = (const guint32 *) (const void *) (data + (gsize) y * stride);
      l_uint32 *line = pixdata + (gsize) y * wpl;

      for (int x = 0; x < w; x++)
        {
          guint32 p = row[x];
          guint r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

          SET_DATA_BYTE (line, x, (r * 299 + g * 587 + b * 114) / 1000);
        }
    }
  return pix;
}

static gboolean
render_page (PopplerPage *page, ReceiptImage *out, GError **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double pw, ph, dpi = RECEIPT_PDF_DPI;
  int w, h;

  poppler_page_get_size (page, &pw, &ph);
  if (pw <= 0 || ph <= 0)
    {
      g_set_error (error, DAFTARI_RECEIPT_ERROR, DAFTARI_RECEIPT_ERROR_BAD_PDF,
                   _("The PDF's first page has no size; save or export it again"));
      return FALSE;
    }
  /* A poster-sized page is rendered at less than 300 dpi. */
  while (dpi > 50 && (pw * dpi / 72) * (ph * dpi / 72) > RECEIPT_MAX_DECODE_PIXELS)
    dpi /= 2;
  w = MAX (1, (int) (pw * dpi / 72 + 0.5));
  h = MAX (1, (int) (ph * dpi / 72 + 0.5));
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, dpi / 72, dpi / 72);
  poppler_page_render_for_printing (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  out->pix = cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS ? surface_to_grey (surface) : NULL;
  cairo_surface_destroy (surface);
  if (out->pix == NULL)
    {
      g_set_error (error, DAFTARI_RECEIPT_ERROR, DAFTARI_RECEIPT_ERROR_TOO_LARGE,
                   _("The PDF page is too large to render; export the receipt at a smaller size"));
      return FALSE;
    }
  out->width = w;
  out->height = h;
  out->reduction = 1;
  out->dpi = (int) dpi;
  out->mime = "application/pdf";
  return TRUE;
}

static gboolean
decode_pdf (GBytes *bytes, ReceiptImage *out, GError **error)
{
  g_autoptr(GError) local = NULL;
  PopplerDocument *document = poppler_document_new_from_bytes (bytes, NULL, &local);
  PopplerPage *page;
  gboolean ok;

  if (document == NULL)
    {
      /* Poppler's own words are English and technical: logged, not shown. */
      g_debug ("poppler: %s", local->message);
      if (g_error_matches (local, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error_literal (error, DAFTARI_RECEIPT_ERROR, DAFTARI_RECEIPT_ERROR_BAD_PDF,
                             _("The PDF is locked with a password; save a copy without the password and read that"));
      else
        g_set_error_literal (error, DAFTARI_RECEIPT_ERROR, DAFTARI_RECEIPT_ERROR_BAD_PDF,
                             _("The PDF is damaged and cannot be opened; save or export it again"));
      return FALSE;
    }
  page = poppler_document_get_n_pages (document) > 0 ? poppler_document_get_page (document, 0) : NULL;
  if (page == NULL)
    {
      g_object_unref (document);
      g_set_error (error, DAFTARI_RECEIPT_ERROR, DAFTARI_RECEIPT_ERROR_BAD_PDF,
                   _("The PDF has no pages; choose the PDF of the receipt"));
      return FALSE;
    }
  ok = render_page (page, out, error);
  g_object_unref (page);
  g_object_unref (document);
  return ok;
}

gboolean
receipt_image_decode (GBytes *bytes, ReceiptImage *out, GError **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  memset (out, 0, sizeof *out);
  if (size == 0)
    {
      g_set_error (error, DAFTARI_RECEIPT_ERROR, DAFTARI_RECEIPT_ERROR_EMPTY,
                   _("The file is empty (0 bytes); choose the photo or scan of the receipt"));
      return FALSE;
    }
  if (size >= 5 && memcmp (data, "%PDF-", 5) == 0)
    return decode_pdf (bytes, out, error);
  if (size < 12)
    {
      g_set_error (error, DAFTARI_RECEIPT_ERROR, DAFTARI_RECEIPT_ERROR_NOT_AN_IMAGE,
                   _("The file is not an image or a PDF; choose a JPEG, PNG, TIFF or PDF of the receipt"));
      return FALSE;
    }
  return decode_image (data, size, out, error);
}

void
receipt_image_clear (ReceiptImage *image)
{
  pixDestroy (&image->pix);
}
