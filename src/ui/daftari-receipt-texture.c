/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-receipt-texture.h"

#include <glib/gi18n.h>
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

static GdkTexture *
pdf_texture (GBytes *bytes, int max_side, GError **error)
{
  g_autoptr(GObject) document_object = NULL;
  PopplerDocument *document = poppler_document_new_from_bytes (bytes, NULL, error);
  g_autoptr(GObject) page_object = NULL;
  PopplerPage *page = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  GdkTexture *texture;
  double width, height, scale;

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
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (1, (int) (width * scale)),
                                        MAX (1, (int) (height * scale)));
  cr = cairo_create (surface);
  /* Paper is white; a PDF page draws on nothing. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  texture = texture_from_surface (surface);
  cairo_surface_destroy (surface);
  return texture;
}

GdkTexture *
daftari_receipt_texture_new (GBytes *bytes, const char *mime, int max_side, GError **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  if (g_strcmp0 (mime, "application/pdf") == 0)
    return pdf_texture (bytes, max_side, error);
  /* Not the whole photo: the loader scales while it decodes. */
  stream = g_memory_input_stream_new_from_bytes (bytes);
  pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, max_side, max_side, TRUE, NULL, error);
  return pixbuf ? gdk_texture_new_for_pixbuf (pixbuf) : NULL;
}
