/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Colours. Data colours are Okabe & Ito's palette, which people with the
 * common colour-vision deficiencies still tell apart; income and expense are
 * its blue and orange, the pair that stays distinct for every type. Dark
 * mode swaps the blue for the palette's sky blue, which keeps its contrast
 * on a dark background; text and grid follow the theme (libadwaita's view
 * colours). */
#include "daftari-chart-private.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }
#define RGBA(hex, alpha) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, alpha }

/* Okabe–Ito, without black. */
#define OI_ORANGE     0xE69F00
#define OI_SKY_BLUE   0x56B4E9
#define OI_GREEN      0x009E73
#define OI_YELLOW     0xF0E442
#define OI_BLUE       0x0072B2
#define OI_VERMILLION 0xD55E00
#define OI_PURPLE     0xCC79A7

static const ChartStyle light = {
  .background = RGB (0xFFFFFF),
  .text       = RGB (0x1E1E1E),
  .muted      = RGBA (0x000000, 0.62),
  .grid       = RGBA (0x000000, 0.12),
  .axis       = RGBA (0x000000, 0.45),
  .income     = RGB (OI_BLUE),
  .expense    = RGB (OI_ORANGE),
  .line       = RGB (OI_BLUE),
  .spent      = RGB (OI_BLUE),
  .over       = RGB (OI_VERMILLION),
  .marker     = RGB (0x1E1E1E),
  .other      = RGB (0x999999),
  .palette    = { RGB (OI_BLUE), RGB (OI_ORANGE), RGB (OI_GREEN), RGB (OI_VERMILLION),
                  RGB (OI_SKY_BLUE), RGB (OI_PURPLE), RGB (OI_YELLOW) },
};

static const ChartStyle dark = {
  .background = RGB (0x1E1E1E),
  .text       = RGB (0xFFFFFF),
  .muted      = RGBA (0xFFFFFF, 0.70),
  .grid       = RGBA (0xFFFFFF, 0.15),
  .axis       = RGBA (0xFFFFFF, 0.50),
  .income     = RGB (OI_SKY_BLUE),
  .expense    = RGB (OI_ORANGE),
  .line       = RGB (OI_SKY_BLUE),
  .spent      = RGB (OI_SKY_BLUE),
  .over       = RGB (OI_VERMILLION),
  .marker     = RGB (0xFFFFFF),
  .other      = RGB (0x8A8A8A),
  .palette    = { RGB (OI_SKY_BLUE), RGB (OI_ORANGE), RGB (OI_GREEN), RGB (OI_VERMILLION),
                  RGB (OI_BLUE), RGB (OI_PURPLE), RGB (OI_YELLOW) },
};

const ChartStyle *
chart_style (DaftariChartTheme theme)
{
  return theme == DAFTARI_CHART_THEME_DARK ? &dark : &light;
}

void
chart_set_colour (cairo_t *cr, const ChartRgba *colour)
{
  cairo_set_source_rgba (cr, colour->r, colour->g, colour->b, colour->a);
}

void
chart_set_colour_alpha (cairo_t *cr, const ChartRgba *colour, double alpha)
{
  cairo_set_source_rgba (cr, colour->r, colour->g, colour->b, colour->a * alpha);
}
