/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "receipt-render.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

static const char *const merchants[] = {
  "MAMA NJERI STORES LTD", "BAHATI HARDWARE LIMITED", "KAMAU AND SONS TRADING LTD", "UMOJA SUPERMARKET LTD",
  "JIRANI WHOLESALERS LTD", "TUMAINI PHARMACY LIMITED",
};
static const char *const goods[] = {
  "SUGAR 2KG", "MAIZE FLOUR 2KG", "COOKING OIL 1L", "MILK 500ML", "BREAD 400G", "RICE 1KG", "SOAP BAR",
  "TEA LEAVES 250G", "NAILS 1KG", "PAINT 4L",
};

static char *
amount_text (gint64 hundredths)
{
  g_autoptr(GString) whole = g_string_new (NULL);
  gint64 units = hundredths / 100;

  g_string_printf (whole, "%lld", (long long) units);
  for (gssize at = (gssize) whole->len - 3; at > 0; at -= 3)
    g_string_insert_c (whole, at, ',');
  return g_strdup_printf ("%s.%02d", whole->str, (int) (hundredths % 100));
}

static void
add_line (GString *text, const char *left, gint64 amount)
{
  g_autofree char *right = amount_text (amount);

  g_string_append_printf (text, "%-20s %12s\n", left, right);
}

RenderedReceipt *
render_receipt_new (guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  RenderedReceipt *r = g_new0 (RenderedReceipt, 1);
  g_autoptr(GString) text = g_string_new (NULL);
  int day = g_rand_int_range (rand, 1, 29), month = g_rand_int_range (rand, 1, 13);
  int year = g_rand_int_range (rand, 2023, 2026);
  int n_items = g_rand_int_range (rand, 2, 5);
  gint64 cash;

  r->merchant = g_strdup (merchants[g_rand_int_range (rand, 0, G_N_ELEMENTS (merchants))]);
  r->kra_pin = g_strdup_printf ("P%09d%c", g_rand_int_range (rand, 0, 1000000000), 'A' + g_rand_int_range (rand, 0, 26));
  r->till = g_strdup_printf ("%d", g_rand_int_range (rand, 100000, 1000000));
  r->date = year * 10000 + month * 100 + day;
  g_string_append_printf (text, "%s\nP.O. BOX %d-00100 NAIROBI\nKRA PIN: %s\nTILL NO: %s\n"
                          "RECEIPT NO: RCT%05d\nDATE: %02d/%02d/%d %02d:%02d\n\n",
                          r->merchant, g_rand_int_range (rand, 100, 9999), r->kra_pin, r->till,
                          g_rand_int_range (rand, 1, 99999), day, month, year,
                          g_rand_int_range (rand, 7, 21), g_rand_int_range (rand, 0, 60));
  for (int i = 0; i < n_items; i++)
    {
      gint64 price = g_rand_int_range (rand, 50, 2500) * 100 + g_rand_int_range (rand, 0, 100);

      add_line (text, goods[g_rand_int_range (rand, 0, G_N_ELEMENTS (goods))], price);
      r->total += price;
    }
  r->vat = (r->total * 16 + 58) / 116;
  cash = (r->total / 100000 + 1) * 100000;
  g_string_append (text, "\n");
  add_line (text, "VAT 16%", r->vat);
  add_line (text, "TOTAL KES", r->total);
  add_line (text, "CASH", cash);
  add_line (text, "CHANGE", cash - r->total);
  g_string_append (text, "\nASANTE KWA KUNUNUA\n");
  r->text = g_string_free (g_steal_pointer (&text), FALSE);
  return r;
}

void
render_receipt_free (RenderedReceipt *r)
{
  g_free (r->text);
  g_free (r->merchant);
  g_free (r->kra_pin);
  g_free (r->till);
  g_free (r);
}

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The receipt's text at about 300 dpi: 30-pixel type, black on white. */
/* Small and pale print for the lines that start with style->small. */
static void
mark_small_lines (PangoLayout *layout, const char *text, const RenderStyle *style)
{
  PangoAttrList *attrs = pango_attr_list_new ();
  guint16 grey = (guint16) (CLAMP (style->small_grey, 0, 1) * 65535);

  for (const char *line = text; line != NULL && *line != '\0';)
    {
      const char *end = strchr (line, '\n');
      guint start = (guint) (line - text), stop = (guint) (end != NULL ? end - text : (gssize) strlen (text));

      if (g_str_has_prefix (line, style->small))
        {
          PangoAttribute *size = pango_attr_size_new_absolute ((int) (style->small_size * PANGO_SCALE));
          PangoAttribute *colour = pango_attr_foreground_new (grey, grey, grey);

          size->start_index = colour->start_index = start;
          size->end_index = colour->end_index = stop;
          pango_attr_list_insert (attrs, size);
          pango_attr_list_insert (attrs, colour);
        }
      line = end != NULL ? end + 1 : NULL;
    }
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
}

static void
draw_text (cairo_t *cr, const char *text, const RenderStyle *style, int width, int height)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (style->font);

  pango_font_description_set_absolute_size (font, 30 * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  if (style->small != NULL)
    mark_small_lines (layout, text, style);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_translate (cr, width / 2.0, height / 2.0);
  cairo_rotate (cr, style->skew * G_PI / 180);
  cairo_translate (cr, -width / 2.0 + 60, -height / 2.0 + 60);
  cairo_set_source_rgb (cr, style->noise ? 0.2 : 0, style->noise ? 0.2 : 0, style->noise ? 0.2 : 0);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);
}

static void
add_noise (cairo_surface_t *surface, guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  cairo_t *cr = cairo_create (surface);
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);

  for (int i = 0; i < w * h / 2000; i++)
    {
      double grey = g_rand_double_range (rand, 0.3, 0.9);

      cairo_set_source_rgb (cr, grey, grey, grey);
      cairo_rectangle (cr, g_rand_int_range (rand, 0, w), g_rand_int_range (rand, 0, h), 1, 1);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
}

static cairo_surface_t *
turn (cairo_surface_t *surface, int quads)
{
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
  cairo_surface_t *turned = cairo_image_surface_create (CAIRO_FORMAT_RGB24, quads % 2 ? h : w, quads % 2 ? w : h);
  cairo_t *cr = cairo_create (turned);

  cairo_translate (cr, (quads % 2 ? h : w) / 2.0, (quads % 2 ? w : h) / 2.0);
  cairo_rotate (cr, quads * G_PI / 2);
  cairo_translate (cr, -w / 2.0, -h / 2.0);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return turned;
}

GBytes *
render_receipt_draw (const char *text, const RenderStyle *style)
{
  int lines = 1, width = 1000, height;
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;

  for (const char *p = text; *p != '\0'; p++)
    lines += *p == '\n';
  height = lines * 40 + 120;
  if (style->pdf)
    {
      surface = cairo_pdf_surface_create_for_stream (append_bytes, out, width * 72.0 / 300, height * 72.0 / 300);
      cr = cairo_create (surface);
      cairo_scale (cr, 72.0 / 300, 72.0 / 300);
      draw_text (cr, text, style, width, height);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      cairo_surface_destroy (surface);
      return g_byte_array_free_to_bytes (out);
    }
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  draw_text (cr, text, style, width, height);
  cairo_destroy (cr);
  if (style->noise)
    add_noise (surface, (guint32) lines);
  if (style->quads != 0)
    surface = turn (surface, style->quads);
  cairo_surface_write_to_png_stream (surface, append_bytes, out);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (out);
}

/* value into bytes at p, in the byte order given. */
static void
put_bytes (guint8 *p, guint32 value, int bytes, gboolean big_endian)
{
  for (int i = 0; i < bytes; i++)
    p[big_endian ? bytes - 1 - i : i] = (guint8) (value >> (8 * i));
}

GBytes *
render_receipt_with_exif (GBytes *jpeg, guint orientation, gboolean big_endian)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (jpeg, &size);
  GByteArray *out = g_byte_array_new ();
  guint8 tiff[26] = { 0 };
  guint8 header[10] = { 0xFF, 0xE1, 0, 0, 'E', 'x', 'i', 'f', 0, 0 };

  tiff[0] = tiff[1] = big_endian ? 'M' : 'I';
  put_bytes (tiff + 2, 42, 2, big_endian);
  put_bytes (tiff + 4, 8, 4, big_endian);              /* the first directory */
  put_bytes (tiff + 8, 1, 2, big_endian);              /* one entry: */
  put_bytes (tiff + 10, 0x0112, 2, big_endian);        /* Orientation, */
  put_bytes (tiff + 12, 3, 2, big_endian);             /* a SHORT, */
  put_bytes (tiff + 14, 1, 4, big_endian);             /* one of them, */
  put_bytes (tiff + 18, orientation, 2, big_endian);   /* this one */
  put_bytes (header + 2, 2 + 6 + sizeof tiff, 2, TRUE);
  g_byte_array_append (out, data, 2);
  g_byte_array_append (out, header, sizeof header);
  g_byte_array_append (out, tiff, sizeof tiff);
  g_byte_array_append (out, data + 2, size - 2);
  return g_byte_array_free_to_bytes (out);
}
