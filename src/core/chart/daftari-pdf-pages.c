/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-pdf-pages.h"

#define PAGE_W         DAFTARI_PDF_PAGE_W
#define PAGE_H         DAFTARI_PDF_PAGE_H
#define MARGIN_X       DAFTARI_PDF_MARGIN_X
#define MARGIN_TOP     DAFTARI_PDF_MARGIN_TOP
#define CONTENT_W      DAFTARI_PDF_CONTENT_W
#define FOOTER_Y       DAFTARI_PDF_FOOTER_Y

static const DaftariPdfTextStyle style_footer = { "Sans", 7.5, DAFTARI_PDF_MUTED, PANGO_ALIGN_LEFT, FALSE, 0 };

struct _DaftariPdfPages {
  DaftariPdfBlockFunc  block_func;
  gpointer             data;
  const double        *space_before;
  guint                furniture;
  GArray              *blocks;   /* of DaftariPdfBlock, in page order */
  /* The cursor: */
  guint                page;
  double               y;
  gboolean             fresh;    /* nothing on this page yet: no space above */
  gboolean             empty;    /* nothing but furniture on it yet */
};

DaftariPdfPages *
daftari_pdf_pages_new (DaftariPdfBlockFunc block_func, gpointer data, const double *space_before, guint furniture)
{
  DaftariPdfPages *pages = g_new0 (DaftariPdfPages, 1);

  pages->block_func = block_func;
  pages->data = data;
  pages->space_before = space_before;
  pages->furniture = furniture;
  pages->blocks = g_array_new (FALSE, FALSE, sizeof (DaftariPdfBlock));
  pages->y = MARGIN_TOP;
  pages->fresh = TRUE;
  pages->empty = TRUE;
  return pages;
}

void
daftari_pdf_pages_free (DaftariPdfPages *pages)
{
  if (pages == NULL)
    return;
  g_array_unref (pages->blocks);
  g_free (pages);
}

double
daftari_pdf_pages_measure (DaftariPdfPages *pages, guint kind, guint part, guint row, gboolean continued)
{
  DaftariPdfBlock block = { kind, 0, 0, part, row, continued };

  return pages->block_func (pages->data, NULL, &block);
}

static double
next_y (DaftariPdfPages *pages, guint kind)
{
  return pages->fresh ? pages->y : pages->y + pages->space_before[kind];
}

gboolean
daftari_pdf_pages_fits (DaftariPdfPages *pages, guint kind, double height)
{
  return pages->empty || next_y (pages, kind) + height <= DAFTARI_PDF_CONTENT_BOTTOM;
}

void
daftari_pdf_pages_place (DaftariPdfPages *pages, guint kind, guint part, guint row, gboolean continued)
{
  DaftariPdfBlock block = { kind, pages->page, next_y (pages, kind), part, row, continued };

  g_array_append_val (pages->blocks, block);
  pages->y = block.y + daftari_pdf_pages_measure (pages, kind, part, row, continued);
  pages->fresh = FALSE;
  pages->empty = (pages->furniture & (1u << kind)) != 0;
}

void
daftari_pdf_pages_break (DaftariPdfPages *pages)
{
  pages->page++;
  pages->y = MARGIN_TOP;
  pages->fresh = TRUE;
  pages->empty = TRUE;
}

guint
daftari_pdf_pages_count (DaftariPdfPages *pages)
{
  return pages->page + 1;
}

static void
draw_footer (PangoContext *context, cairo_t *cr, const char *left, const char *right)
{
  double w = daftari_pdf_text_width (context, &style_footer, 1, right);

  daftari_pdf_hline (cr, MARGIN_X, FOOTER_Y, CONTENT_W, 0.5, DAFTARI_PDF_RULE);
  daftari_pdf_text_at (context, cr, &style_footer, 1, MARGIN_X, FOOTER_Y + 6, CONTENT_W - w - 20, left);
  daftari_pdf_text_at (context, cr, &style_footer, 1, MARGIN_X + CONTENT_W - w, FOOTER_Y + 6, 0, right);
}

void
daftari_pdf_pages_draw (DaftariPdfPages *pages, cairo_t *cr, guint page, PangoContext *context,
                        const char *footer_left, const char *footer_right)
{
  cairo_save (cr);
  daftari_pdf_fill_rect (cr, 0, 0, PAGE_W, PAGE_H, 1.0);
  /* A bold rule across the top: the one strong mark of the design. */
  daftari_pdf_fill_rect (cr, MARGIN_X, MARGIN_TOP - 18, CONTENT_W, 3, DAFTARI_PDF_INK);
  for (guint i = 0; i < pages->blocks->len; i++)
    {
      const DaftariPdfBlock *block = &g_array_index (pages->blocks, DaftariPdfBlock, i);

      if (block->page == page)
        pages->block_func (pages->data, cr, block);
    }
  draw_footer (context, cr, footer_left, footer_right);
  cairo_restore (cr);
}
