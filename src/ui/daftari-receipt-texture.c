/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-receipt-texture.h"

#include <glib/gi18n.h>
#include <math.h>
#include <poppler.h>

static GdkTexture *
texture_from_surface (cairo_surface_t *surface)
{
  g_autoptr(GBytes) pixels = NULL;
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);

  cairo_surface_flush (surface);
  pixels = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * height);
  /* Cairo's ARGB32 is GDK's default memory format on every host. */
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, pixels, stride);
}

/* A shown picture never needs more of the file decoded than this: libjpeg
 * decodes a big photo at a half, a quarter or an eighth, so a 60-megapixel
 * one takes at most 15 megapixels of memory on the way. */
#define SHOWN_DECODE_PIXELS (12 * 1000 * 1000)

/* The page as a cairo surface: all of it, its longer side max_side
 * pixels, when part is NULL; else only part (in the page's pixels at
 * file_width across), its longer side at most max_side. */
static GdkTexture *
pdf_texture (GBytes *bytes, int max_side, int file_width, const DaftariReceiptBox *part, GError **error)
{
  g_autoptr(GObject) document_object = NULL;
  PopplerDocument *document = poppler_document_new_from_bytes (bytes, NULL, error);
  g_autoptr(GObject) page_object = NULL;
  PopplerPage *page = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  GdkTexture *texture;
  double width, height, scale, to_file = 1;

  /* poppler-glib 22 declares no autoptr cleanups: hold them as GObjects. */
  document_object = G_OBJECT (document);
  if (document == NULL)
    return NULL;
  page = poppler_document_get_n_pages (document) > 0 ? poppler_document_get_page (document, 0) : NULL;
  page_object = G_OBJECT (page);
  if (page == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The PDF has no pages"));
      return NULL;
    }
  poppler_page_get_size (page, &width, &height);
  scale = max_side / MAX (MAX (width, height), 1.0);
  if (part != NULL)
    {
      /* The reader's pixels per point; the part is drawn at max_side at
       * most, never enlarged past those pixels. */
      to_file = file_width / MAX (width, 1.0);
      scale = to_file * MIN (1.0, max_side / (double) MAX (MAX (part->width, part->height), 1));
      width = part->width / to_file;
      height = part->height / to_file;
    }
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (1, (int) (width * scale)),
                                        MAX (1, (int) (height * scale)));
  cr = cairo_create (surface);
  /* Paper is white; a PDF page draws on nothing. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  if (part != NULL)
    cairo_translate (cr, -part->x / to_file, -part->y / to_file);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  texture = texture_from_surface (surface);
  cairo_surface_destroy (surface);
  return texture;
}

/* The picture, its longer side side pixels, turned as its Exif
 * orientation says (as the reader turns it, and every image viewer). */
static GdkPixbuf *
load_upright (GBytes *bytes, int side, GError **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  /* Not the whole photo: the loader scales while it decodes. */
  g_autoptr(GdkPixbuf) stored = gdk_pixbuf_new_from_stream_at_scale (stream, MAX (side, 1), MAX (side, 1), TRUE,
                                                                       NULL, error);

  return stored != NULL ? gdk_pixbuf_apply_embedded_orientation (stored) : NULL;
}

GdkTexture *
daftari_receipt_texture_new (GBytes *bytes, const char *mime, int max_side, GError **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  if (g_strcmp0 (mime, "application/pdf") == 0)
    return pdf_texture (bytes, max_side, 0, NULL, error);
  pixbuf = load_upright (bytes, max_side, error);
  return pixbuf ? gdk_texture_new_for_pixbuf (pixbuf) : NULL;
}

GdkTexture *
daftari_receipt_texture_new_part (GBytes *bytes, const char *mime, int file_width, int file_height,
                                  const DaftariReceiptBox *part, int max_side, DaftariReceiptBox *covers,
                                  GError **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkPixbuf) piece = NULL;
  double scale, sx, sy;
  int x0, y0, x1, y1;

  if (g_strcmp0 (mime, "application/pdf") == 0)
    {
      *covers = *part;
      return pdf_texture (bytes, max_side, file_width, part, error);
    }
  /* The part at max_side on its longer side (never enlarged), with the
   * whole decoded at no more than SHOWN_DECODE_PIXELS. */
  scale = MIN (1.0, max_side / (double) MAX (MAX (part->width, part->height), 1));
  scale = MIN (scale, sqrt (SHOWN_DECODE_PIXELS / MAX ((double) file_width * file_height, 1.0)));
  pixbuf = load_upright (bytes, (int) (MAX (file_width, file_height) * scale), error);
  if (pixbuf == NULL)
    return NULL;
  /* The loader rounds the size its own way: measure the scale it used. */
  sx = gdk_pixbuf_get_width (pixbuf) / (double) MAX (file_width, 1);
  sy = gdk_pixbuf_get_height (pixbuf) / (double) MAX (file_height, 1);
  x0 = CLAMP ((int) floor (part->x * sx), 0, gdk_pixbuf_get_width (pixbuf) - 1);
  y0 = CLAMP ((int) floor (part->y * sy), 0, gdk_pixbuf_get_height (pixbuf) - 1);
  x1 = CLAMP ((int) ceil ((part->x + part->width) * sx), x0 + 1, gdk_pixbuf_get_width (pixbuf));
  y1 = CLAMP ((int) ceil ((part->y + part->height) * sy), y0 + 1, gdk_pixbuf_get_height (pixbuf));
  /* A copy, so that the rest of the decoded photo is let go. */
  piece = gdk_pixbuf_new_subpixbuf (pixbuf, x0, y0, x1 - x0, y1 - y0);
  g_clear_object (&pixbuf);
  pixbuf = gdk_pixbuf_copy (piece);
  if (pixbuf == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, _("Not enough memory to show the receipt"));
      return NULL;
    }
  *covers = (DaftariReceiptBox) { (int) (x0 / sx + 0.5), (int) (y0 / sy + 0.5),
                                  (int) ((x1 - x0) / sx + 0.5), (int) ((y1 - y0) / sy + 0.5) };
  return gdk_texture_new_for_pixbuf (pixbuf);
}
