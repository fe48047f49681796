/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PNG, SVG and PDF through the same daftari_chart_draw. Cairo writes into
 * memory and the file is written in one go, so a failure leaves no half
 * file behind and says what went wrong. */
#include "daftari-chart-private.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>

/* The largest side worth drawing: a 16K screen. */
#define MAX_SIDE 16384

typedef enum { FORMAT_PNG, FORMAT_SVG, FORMAT_PDF } Format;

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
format_of (const char *path, Format *out, GError **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".png"))
    *out = FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *out = FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *out = FORMAT_PDF;
  else
    {
      g_set_error (error, DAFTARI_CHART_ERROR, DAFTARI_CHART_ERROR_FORMAT,
                   _("“%s” does not end in .png, .svg or .pdf; name the file for the format you want"),
                   path);
      return FALSE;
    }
  return TRUE;
}

static cairo_surface_t *
surface_new (Format format, int width, int height, GByteArray *bytes)
{
  switch (format)
    {
    case FORMAT_SVG:
      return cairo_svg_surface_create_for_stream (append_bytes, bytes, width, height);
    case FORMAT_PDF:
      return cairo_pdf_surface_create_for_stream (append_bytes, bytes, width, height);
    case FORMAT_PNG:
    default:
      return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
    }
}

gboolean
daftari_chart_export (DaftariChart *chart, const char *path, int width, int height,
                      DaftariChartTheme theme, GError **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  Format format;

  if (!format_of (path, &format, error))
    return FALSE;
  if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE)
    {
      g_set_error (error, DAFTARI_CHART_ERROR, DAFTARI_CHART_ERROR_FORMAT,
                   _("A chart of %d × %d cannot be drawn; give a width and height from 1 to %d"),
                   width, height, MAX_SIDE);
      return FALSE;
    }
  surface = surface_new (format, width, height, bytes);
  cr = cairo_create (surface);
  daftari_chart_draw (chart, cr, width, height, theme, TRUE);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, DAFTARI_CHART_ERROR, DAFTARI_CHART_ERROR_IO, _("Could not draw the chart: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  if (!g_file_set_contents (path, (const char *) bytes->data, bytes->len, error))
    {
      /* Say it in the chart's own domain, with the file system's reason. */
      g_prefix_error (error, _("Could not write the chart: "));
      return FALSE;
    }
  return TRUE;
}
