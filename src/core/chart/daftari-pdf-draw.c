/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-pdf-draw.h"

PangoContext *
daftari_pdf_context_new (PangoLanguage *language)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, language);
  return context;
}

void
daftari_pdf_set_grey (cairo_t *cr, double grey)
{
  cairo_set_source_rgb (cr, grey, grey, grey);
}

void
daftari_pdf_fill_rect (cairo_t *cr, double x, double y, double w, double h, double grey)
{
  daftari_pdf_set_grey (cr, grey);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);
}

void
daftari_pdf_hline (cairo_t *cr, double x, double y, double w, double width, double grey)
{
  daftari_pdf_set_grey (cr, grey);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + w, y);
  cairo_stroke (cr);
}

static PangoLayout *
text_new (PangoContext *context, const DaftariPdfTextStyle *style, double scale, double width, const char *text)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string (style->family);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_font_description_set_size (font, (int) (style->size * scale * PANGO_SCALE + 0.5));
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (width));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, style->align);
  if (style->tabular)
    pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum 1"));
  if (style->spacing != 0)
    pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (pango_units_from_double (style->spacing * scale)));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

double
daftari_pdf_text_at (PangoContext *context, cairo_t *cr, const DaftariPdfTextStyle *style, double scale, double x,
                     double y, double width, const char *text)
{
  g_autoptr(PangoLayout) layout = text_new (context, style, scale, width, text);
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  if (cr != NULL)
    {
      daftari_pdf_set_grey (cr, style->grey);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }
  return pango_units_to_double (h);
}

double
daftari_pdf_text_width (PangoContext *context, const DaftariPdfTextStyle *style, double scale, const char *text)
{
  g_autoptr(PangoLayout) layout = text_new (context, style, scale, 0, text);
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return pango_units_to_double (w);
}
