/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report PDF's pages: parts (a table or a chart each) laid out in
 * blocks on A4. One pass measures every block (the title, the key figures,
 * a heading, a table's column headings, a row, a chart) and gives it a
 * page and a y; drawing a page replays its blocks through the same
 * functions, which measure when cr is NULL, so measuring and drawing never
 * disagree. A table that runs past the foot of a page goes on under its
 * heading and column headings repeated on the next. The page itself and
 * the replay are the invoice's too (daftari-pdf-pages.h). What the parts
 * are and how the file is written: daftari-report-pdf.c. */
#include "daftari-report-pdf-private.h"

#include <glib/gi18n-lib.h>

#include "daftari-money.h"
#include "daftari-report-sections.h"

#define MARGIN_X       DAFTARI_PDF_MARGIN_X
#define MARGIN_TOP     DAFTARI_PDF_MARGIN_TOP
#define CONTENT_W      DAFTARI_PDF_CONTENT_W
#define CONTENT_BOTTOM DAFTARI_PDF_CONTENT_BOTTOM
#define PAD_X          4.5                   /* inside a table cell */
#define PAD_Y          3.2
#define MIN_NAME_W     84.0                  /* the name column, before fonts shrink */
#define EASY_NAME_W    140.0                 /* ... before headings wrap */
#define WIDE_NAME_W    190.0                 /* ... and what it needs no more than */
#define MIN_NUMBER_W   66.0                  /* a money column, when there is room */
#define TEXT_COLUMN_W  110.0                 /* other text columns wrap past this */
#define CHART_H        176.0
#define CHART_SCALE    0.72                  /* the chart's 12 px text prints at 8.6 pt */
#define CHART_INSET    16.0                  /* the chart's own margin (CHART_MARGIN), in its pixels */
#define KEEP_ROWS      24                    /* a table this short is not split across pages */
#define FIGURE_GAP     8.0

/* Greys only, as the invoice: the pages print the same in black and white.
 * The charts keep their colour-blind-safe palette. */
#define INK            DAFTARI_PDF_INK
#define MUTED          DAFTARI_PDF_MUTED
#define RULE           DAFTARI_PDF_RULE
#define SHADE          0.91                  /* the figures and a table's last total */
#define ZEBRA          0.96                  /* every other row */

typedef DaftariPdfTextStyle TextStyle;

static const TextStyle style_business = { "Sans Bold", 18, INK, PANGO_ALIGN_LEFT, FALSE, 0 };
static const TextStyle style_kind     = { "Sans", 11, MUTED, PANGO_ALIGN_LEFT, FALSE, 0 };
static const TextStyle style_period   = { "Sans Bold", 11, INK, PANGO_ALIGN_RIGHT, FALSE, 0 };
static const TextStyle style_prepared = { "Sans", 8, MUTED, PANGO_ALIGN_RIGHT, FALSE, 0 };
static const TextStyle style_caption  = { "Sans", 8, MUTED, PANGO_ALIGN_LEFT, FALSE, 0 };
static const TextStyle style_figure   = { "Sans Bold", 12, INK, PANGO_ALIGN_LEFT, TRUE, 0 };
static const TextStyle style_heading  = { "Sans Bold", 12.5, INK, PANGO_ALIGN_LEFT, FALSE, 0 };
static const TextStyle style_note     = { "Sans", 8, MUTED, PANGO_ALIGN_LEFT, FALSE, 0 };
static const TextStyle style_head     = { "Sans Bold", 7.5, MUTED, PANGO_ALIGN_LEFT, FALSE, 0 };
static const TextStyle style_section  = { "Sans Bold", 8.5, INK, PANGO_ALIGN_LEFT, FALSE, 0 };
static const TextStyle style_cell     = { "Sans", 8.5, INK, PANGO_ALIGN_LEFT, TRUE, 0 };
static const TextStyle style_total    = { "Sans Bold", 8.5, INK, PANGO_ALIGN_LEFT, TRUE, 0 };

typedef enum {
  BLOCK_TITLE,
  BLOCK_FIGURES,
  BLOCK_HEADING,      /* a part's title and note; "(continued)" on later pages */
  BLOCK_TABLE_HEAD,
  BLOCK_SECTION,      /* "Income", "Assets" above a section's first row */
  BLOCK_ROW,
  BLOCK_EMPTY,        /* "Nothing in this period." */
  BLOCK_FOOTNOTE,
  BLOCK_CHART,
  BLOCK_N_KINDS
} BlockKind;

/* White space above a block, unless it opens a page. */
static const double space_before[BLOCK_N_KINDS] = {
  [BLOCK_FIGURES] = 14, [BLOCK_HEADING] = 22, [BLOCK_TABLE_HEAD] = 6, [BLOCK_SECTION] = 7,
  [BLOCK_EMPTY] = 2, [BLOCK_FOOTNOTE] = 5, [BLOCK_CHART] = 4,
};

/* The blocks are DaftariPdfBlock: part is the part's index; row, for
 * BLOCK_ROW and BLOCK_SECTION, the table's row; continued, a BLOCK_HEADING
 * on a later page. */
typedef DaftariPdfBlock Block;

/* ---- Text ---------------------------------------------------------------- */

/* Lays text out in a box of width at (x, y), draws it when cr is not NULL,
 * and returns its height. */
static double
text_at (PdfReport *r, cairo_t *cr, const TextStyle *style, double scale, double x, double y, double width,
         const char *text)
{
  return daftari_pdf_text_at (r->context, cr, style, scale, x, y, width, text);
}

static double
text_width (PdfReport *r, const TextStyle *style, double scale, const char *text)
{
  return daftari_pdf_text_width (r->context, style, scale, text);
}

/* The widest word: a column heading may wrap between words, never in one. */
static double
widest_word (PdfReport *r, const TextStyle *style, double scale, const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  double widest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    widest = MAX (widest, text_width (r, style, scale, words[i]));
  return widest;
}

/* Right-aligned text that never wraps: a figure is one line or wrong. */
static double
number_at (PdfReport *r, cairo_t *cr, const TextStyle *style, double scale, double right, double y,
           const char *text)
{
  return text_at (r, cr, style, scale, right - text_width (r, style, scale, text), y, 0, text);
}

/* ---- Tables: which columns, how wide --------------------------------------- */

static const DaftariReportColumn *
column_of (const PdfPart *part, guint i)
{
  return g_ptr_array_index (part->table->columns, part->columns[i]);
}

static gboolean
numeric (const DaftariReportColumn *column)
{
  return column->kind != DAFTARI_REPORT_TEXT;
}

static gboolean
column_has_text (const DaftariReportTable *table, guint c)
{
  for (guint r = 0; r < table->rows->len; r++)
    {
      g_autofree char *text = daftari_report_cell_format (table, g_ptr_array_index (table->rows, r), c, TRUE);
      if (*text != '\0')
        return TRUE;
    }
  return FALSE;
}

/* Shows the columns named in keys, in that order. A key starting with '?'
 * is shown only when some row has something in it (the holding of a
 * foreign wallet, the currency of a BTC wallet in the cash flow). */
static void
choose_columns (PdfPart *part, const char *const *keys)
{
  const DaftariReportTable *table = part->table;

  part->n_columns = 0;
  for (guint k = 0; keys[k] != NULL && part->n_columns < PDF_MAX_COLUMNS; k++)
    {
      gboolean optional = keys[k][0] == '?';
      const char *key = keys[k] + (optional ? 1 : 0);

      for (guint c = 0; c < table->columns->len; c++)
        {
          const DaftariReportColumn *column = g_ptr_array_index (table->columns, c);
          if (!g_str_equal (column->key, key) || (optional && !column_has_text (table, c)))
            continue;
          part->columns[part->n_columns++] = c;
        }
    }
  part->name_column = 0;
  for (guint i = 0; i < part->n_columns; i++)
    if (!numeric (column_of (part, i)))
      {
        part->name_column = i;
        break;
      }
}

static const TextStyle *
row_style (const DaftariReportRow *row)
{
  return row->total ? &style_total : &style_cell;
}

/* The width a column's cells and heading need at scale, padding included. */
static double
natural_width (PdfReport *r, const PdfPart *part, guint i, double scale)
{
  const DaftariReportColumn *column = column_of (part, i);
  double width = widest_word (r, &style_head, scale, column->label);

  for (guint row = 0; row < part->table->rows->len; row++)
    {
      const DaftariReportRow *line = g_ptr_array_index (part->table->rows, row);
      g_autofree char *text = daftari_report_cell_format (part->table, line, part->columns[i], TRUE);
      width = MAX (width, text_width (r, row_style (line), scale, text));
    }
  return width + 2 * PAD_X;
}

/* How generous the figures' columns are, most first: headings on one line
 * and money at least MIN_NUMBER_W wide; headings wrapped between words,
 * money MIN_NUMBER_W; just what the figures need. */
typedef enum { ROOM_WIDE, ROOM_FAIR, ROOM_TIGHT } Room;

/* Other text columns wrap past TEXT_COLUMN_W and the name column takes
 * what the others leave, up to what it needs. Fails when that leaves the
 * name narrower than the room asks for. */
static gboolean
fit_columns (PdfReport *r, PdfPart *part, double scale, Room room)
{
  double fixed = 0, name_w, natural, x = MARGIN_X;

  for (guint i = 0; i < part->n_columns; i++)
    {
      const DaftariReportColumn *column = column_of (part, i);

      if (i == part->name_column)
        continue;
      part->w[i] = natural_width (r, part, i, scale);
      if (!numeric (column))
        part->w[i] = MIN (part->w[i], TEXT_COLUMN_W * scale);
      else if (room != ROOM_TIGHT && column->kind == DAFTARI_REPORT_MONEY)
        part->w[i] = MAX (part->w[i], MIN_NUMBER_W * scale);
      if (numeric (column) && room == ROOM_WIDE)
        part->w[i] = MAX (part->w[i], text_width (r, &style_head, scale, column->label) + 2 * PAD_X);
      fixed += part->w[i];
    }
  natural = natural_width (r, part, part->name_column, scale);
  name_w = MIN (CONTENT_W - fixed, MAX (natural, WIDE_NAME_W * scale));
  if (name_w < (room == ROOM_TIGHT ? MIN_NAME_W : MIN (natural, EASY_NAME_W)) * scale)
    return FALSE;
  part->w[part->name_column] = name_w;
  for (guint i = 0; i < part->n_columns; i++)
    {
      part->x[i] = x;
      x += part->w[i];
    }
  part->scale = scale;
  return TRUE;
}

/* Wide tables (cash flow's eight columns of figures) first give up room,
 * then shrink their fonts a step at a time. */
static void
layout_columns (PdfReport *r, PdfPart *part)
{
  static const double scales[] = { 1.0, 0.94, 0.88, 0.82, 0.76 };

  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    for (Room room = ROOM_WIDE; room <= ROOM_TIGHT; room++)
      if (fit_columns (r, part, scales[s], room))
        return;
  /* Past the smallest readable size the name column gets what is left
   * and wraps letter by letter rather than running off the page. */
  fit_columns (r, part, scales[G_N_ELEMENTS (scales) - 1], ROOM_TIGHT);
  part->w[part->name_column] = MIN_NAME_W * part->scale;
}

static double
table_width (const PdfPart *part)
{
  return part->x[part->n_columns - 1] + part->w[part->n_columns - 1] - MARGIN_X;
}

/* ---- Blocks: each measures (cr == NULL) or draws, and returns its height -- */

typedef double (*BlockFunc) (PdfReport *r, cairo_t *cr, const Block *b, double y);

static PdfPart *
part_at (PdfReport *r, guint index)
{
  return g_ptr_array_index (r->parts, index);
}

static double
block_title (PdfReport *r, cairo_t *cr, const Block *b, double y)
{
  double left_w = CONTENT_W * 0.58, right_x = MARGIN_X + left_w, right_w = CONTENT_W - left_w;
  double left = 0, right = 0, h;

  left += text_at (r, cr, &style_business, 1, MARGIN_X, y, left_w, r->business) + 2;
  left += text_at (r, cr, &style_kind, 1, MARGIN_X, y + left, left_w, _("Business report"));
  right += text_at (r, cr, &style_period, 1, right_x, y + 5, right_w, r->period_text) + 5 + 3;
  right += text_at (r, cr, &style_prepared, 1, right_x, y + right, right_w, r->prepared);
  h = MAX (left, right) + 10;
  if (cr != NULL)
    daftari_pdf_hline (cr, MARGIN_X, y + h, CONTENT_W, 0.6, RULE);
  return h;
}

/* The four amounts at one size: the largest that lets each fit its box. */
static double
figures_scale (PdfReport *r, double width)
{
  double scale = 1.0;

  for (guint i = 0; i < PDF_N_FIGURES; i++)
    {
      g_autofree char *amount = daftari_money_format (r->figures[i].amount, r->currency, DAFTARI_MONEY_FORMAT_DEFAULT);
      while (scale > 0.6 && text_width (r, &style_figure, scale, amount) > width)
        scale -= 0.04;
    }
  return scale;
}

static double
block_figures (PdfReport *r, cairo_t *cr, const Block *b, double y)
{
  double box_w = (CONTENT_W - (PDF_N_FIGURES - 1) * FIGURE_GAP) / PDF_N_FIGURES, pad = 8, inner = box_w - 2 * pad;
  double scale = figures_scale (r, inner), caption_h = 0, figure_h = 0, h;

  for (guint i = 0; i < PDF_N_FIGURES; i++)
    {
      g_autofree char *amount = daftari_money_format (r->figures[i].amount, r->currency, DAFTARI_MONEY_FORMAT_DEFAULT);
      caption_h = MAX (caption_h, text_at (r, NULL, &style_caption, 1, 0, 0, inner, r->figures[i].caption));
      figure_h = MAX (figure_h, text_at (r, NULL, &style_figure, scale, 0, 0, 0, amount));
    }
  h = pad + caption_h + 3 + figure_h + pad;
  for (guint i = 0; cr != NULL && i < PDF_N_FIGURES; i++)
    {
      g_autofree char *amount = daftari_money_format (r->figures[i].amount, r->currency, DAFTARI_MONEY_FORMAT_DEFAULT);
      double x = MARGIN_X + i * (box_w + FIGURE_GAP);

      daftari_pdf_fill_rect (cr, x, y, box_w, h, SHADE);
      text_at (r, cr, &style_caption, 1, x + pad, y + pad, inner, r->figures[i].caption);
      text_at (r, cr, &style_figure, scale, x + pad, y + h - pad - figure_h, 0, amount);
    }
  return h;
}

static double
block_heading (PdfReport *r, cairo_t *cr, const Block *b, double y)
{
  const PdfPart *part = part_at (r, b->part);
  g_autofree char *title = NULL;
  double h;

  /* Translators: a report's heading on the pages after the first it is on */
  title = b->continued ? g_strdup_printf (_("%s (continued)"), part->title) : g_strdup (part->title);
  h = text_at (r, cr, &style_heading, 1, MARGIN_X, y, CONTENT_W, title);
  if (part->note != NULL)
    h += 1 + text_at (r, cr, &style_note, 1, MARGIN_X, y + h + 1, CONTENT_W, part->note);
  return h;
}

/* Column headings sit on the rule: a one-line heading beside a wrapped
 * one is level with its last line. */
static double
block_table_head (PdfReport *r, cairo_t *cr, const Block *b, double y)
{
  const PdfPart *part = part_at (r, b->part);
  double heights[PDF_MAX_COLUMNS], h = 0;
  TextStyle styles[PDF_MAX_COLUMNS];

  for (guint i = 0; i < part->n_columns; i++)
    {
      styles[i] = style_head;
      styles[i].align = numeric (column_of (part, i)) ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
      heights[i] = text_at (r, NULL, &styles[i], part->scale, 0, 0, part->w[i] - 2 * PAD_X, column_of (part, i)->label);
      h = MAX (h, heights[i]);
    }
  for (guint i = 0; cr != NULL && i < part->n_columns; i++)
    text_at (r, cr, &styles[i], part->scale, part->x[i] + PAD_X, y + h - heights[i], part->w[i] - 2 * PAD_X,
             column_of (part, i)->label);
  h += 3;
  if (cr != NULL)
    daftari_pdf_hline (cr, MARGIN_X, y + h, table_width (part), 0.8, INK);
  return h + 1;
}

static double
block_section (PdfReport *r, cairo_t *cr, const Block *b, double y)
{
  const PdfPart *part = part_at (r, b->part);
  const DaftariReportRow *row = g_ptr_array_index (part->table->rows, b->row);

  return text_at (r, cr, &style_section, part->scale, MARGIN_X + PAD_X, y, table_width (part) - 2 * PAD_X,
                  daftari_report_section_heading (row->section)) + 1;
}

/* Whether row is the first of its section shown with a heading. */
static gboolean
opens_section (const DaftariReportTable *table, guint row)
{
  const DaftariReportRow *line = g_ptr_array_index (table->rows, row);
  const DaftariReportRow *before = row > 0 ? g_ptr_array_index (table->rows, row - 1) : NULL;

  return daftari_report_section_heading (line->section) != NULL &&
         (before == NULL || !g_str_equal (before->section, line->section));
}

/* Rows are striped from each section's start, so a total is never grey by
 * chance; the table's last total is shaded, the others have a rule. */
static double
block_row (PdfReport *r, cairo_t *cr, const Block *b, double y)
{
  const PdfPart *part = part_at (r, b->part);
  const DaftariReportTable *table = part->table;
  const DaftariReportRow *row = g_ptr_array_index (table->rows, b->row);
  const TextStyle *style = row_style (row);
  gboolean last_total = row->total && b->row + 1 == table->rows->len;
  guint stripe = 0;
  double h = 0;

  for (guint i = b->row; i > 0 && !opens_section (table, i); i--)
    {
      const DaftariReportRow *before = g_ptr_array_index (table->rows, i - 1);
      if (before->total || !g_str_equal (before->section, row->section))
        break;
      stripe++;
    }
  for (guint i = 0; i < part->n_columns; i++)
    {
      g_autofree char *text = daftari_report_cell_format (table, row, part->columns[i], TRUE);
      if (i == part->name_column || !numeric (column_of (part, i)))
        h = MAX (h, text_at (r, NULL, style, part->scale, 0, 0, part->w[i] - 2 * PAD_X, text));
      else
        h = MAX (h, text_at (r, NULL, style, part->scale, 0, 0, 0, text));
    }
  h += 2 * PAD_Y;
  if (cr == NULL)
    return h;

  if (last_total)
    daftari_pdf_fill_rect (cr, MARGIN_X, y, table_width (part), h, SHADE);
  else if (!row->total && stripe % 2 == 1)
    daftari_pdf_fill_rect (cr, MARGIN_X, y, table_width (part), h, ZEBRA);
  if (row->total && !last_total)
    daftari_pdf_hline (cr, MARGIN_X, y, table_width (part), 0.5, RULE);
  for (guint i = 0; i < part->n_columns; i++)
    {
      g_autofree char *text = daftari_report_cell_format (table, row, part->columns[i], TRUE);
      if (numeric (column_of (part, i)))
        number_at (r, cr, style, part->scale, part->x[i] + part->w[i] - PAD_X, y + PAD_Y, text);
      else
        text_at (r, cr, style, part->scale, part->x[i] + PAD_X, y + PAD_Y, part->w[i] - 2 * PAD_X, text);
    }
  return h;
}

static double
block_empty (PdfReport *r, cairo_t *cr, const Block *b, double y)
{
  return text_at (r, cr, &style_note, 1, MARGIN_X + PAD_X, y, CONTENT_W, _("Nothing in this period."));
}

static double
block_footnote (PdfReport *r, cairo_t *cr, const Block *b, double y)
{
  return text_at (r, cr, &style_note, 1, MARGIN_X, y, CONTENT_W, part_at (r, b->part)->footnote);
}

/* Charts are drawn by the core chart renderer at a larger size and scaled
 * down, so their text sits with the tables' rather than above it; their
 * own margin is pulled out past the page's, so the axis lines up with the
 * headings. Their titles are the parts' headings, in the tables' style. */
static double
block_chart (PdfReport *r, cairo_t *cr, const Block *b, double y)
{
  double inset = CHART_INSET * CHART_SCALE;

  if (cr != NULL)
    {
      cairo_save (cr);
      cairo_translate (cr, MARGIN_X - inset, y - inset + 4);
      cairo_scale (cr, CHART_SCALE, CHART_SCALE);
      daftari_chart_draw (part_at (r, b->part)->chart, cr, (CONTENT_W + 2 * inset) / CHART_SCALE,
                          (CHART_H + inset - 4) / CHART_SCALE, DAFTARI_CHART_THEME_LIGHT, FALSE);
      cairo_restore (cr);
    }
  return CHART_H;
}

static const BlockFunc block_funcs[BLOCK_N_KINDS] = {
  [BLOCK_TITLE] = block_title,
  [BLOCK_FIGURES] = block_figures,
  [BLOCK_HEADING] = block_heading,
  [BLOCK_TABLE_HEAD] = block_table_head,
  [BLOCK_SECTION] = block_section,
  [BLOCK_ROW] = block_row,
  [BLOCK_EMPTY] = block_empty,
  [BLOCK_FOOTNOTE] = block_footnote,
  [BLOCK_CHART] = block_chart,
};

/* ---- Page breaking ----------------------------------------------------------- */

/* The blocks' own functions, called back by the pages for a block. */
static double
run_block (gpointer data, cairo_t *cr, const DaftariPdfBlock *b)
{
  return block_funcs[b->kind] (data, cr, b, b->y);
}

static double
measure (PdfReport *r, BlockKind kind, guint part, guint row, gboolean continued)
{
  return daftari_pdf_pages_measure (r->pages, kind, part, row, continued);
}

/* Whether height more, starting with a block of kind, fits on the page. A
 * page with nothing on it takes anything (and cuts what is taller than a
 * page) rather than looping. */
static gboolean
fits (PdfReport *r, BlockKind kind, double height)
{
  return daftari_pdf_pages_fits (r->pages, kind, height);
}

static void
place (PdfReport *r, BlockKind kind, guint part, guint row, gboolean continued)
{
  daftari_pdf_pages_place (r->pages, kind, part, row, continued);
}

static void
new_page (PdfReport *r)
{
  daftari_pdf_pages_break (r->pages);
}

/* A row's height with its section heading, when it opens one. */
static double
row_height (PdfReport *r, guint p, guint row)
{
  double h = measure (r, BLOCK_ROW, p, row, FALSE);

  if (opens_section (part_at (r, p)->table, row))
    h += space_before[BLOCK_SECTION] + measure (r, BLOCK_SECTION, p, row, FALSE) + space_before[BLOCK_ROW];
  return h;
}

static void
place_table (PdfReport *r, guint p)
{
  const DaftariReportTable *table = part_at (r, p)->table;
  double heading = measure (r, BLOCK_HEADING, p, 0, FALSE);
  double head = space_before[BLOCK_TABLE_HEAD] + measure (r, BLOCK_TABLE_HEAD, p, 0, FALSE);
  double first = table->rows->len > 0 ? row_height (r, p, 0) : measure (r, BLOCK_EMPTY, p, 0, FALSE);

  double whole = heading + head;

  for (guint row = 0; row < table->rows->len; row++)
    whole += space_before[BLOCK_ROW] + row_height (r, p, row);
  /* A short table is not cut in two; a heading never stands alone at the
   * foot of a page. */
  if ((table->rows->len <= KEEP_ROWS && whole <= CONTENT_BOTTOM - MARGIN_TOP && !fits (r, BLOCK_HEADING, whole)) ||
      !fits (r, BLOCK_HEADING, heading + head + first))
    new_page (r);
  place (r, BLOCK_HEADING, p, 0, FALSE);
  place (r, BLOCK_TABLE_HEAD, p, 0, FALSE);
  for (guint row = 0; row < table->rows->len; row++)
    {
      const DaftariReportRow *line = g_ptr_array_index (table->rows, row);
      double h = row_height (r, p, row);

      /* The last row before a total goes over with it: a page that opens
       * with a total alone does not show what it adds up. */
      if (!line->total && row + 1 < table->rows->len &&
          ((DaftariReportRow *) g_ptr_array_index (table->rows, row + 1))->total)
        h += measure (r, BLOCK_ROW, p, row + 1, FALSE);
      if (!fits (r, opens_section (table, row) ? BLOCK_SECTION : BLOCK_ROW, h))
        {
          new_page (r);
          place (r, BLOCK_HEADING, p, 0, TRUE);
          place (r, BLOCK_TABLE_HEAD, p, 0, FALSE);
        }
      if (opens_section (table, row))
        place (r, BLOCK_SECTION, p, row, FALSE);
      place (r, BLOCK_ROW, p, row, FALSE);
    }
  if (table->rows->len == 0)
    place (r, BLOCK_EMPTY, p, 0, FALSE);
  if (part_at (r, p)->footnote != NULL)
    {
      if (!fits (r, BLOCK_FOOTNOTE, measure (r, BLOCK_FOOTNOTE, p, 0, FALSE)))
        new_page (r);
      place (r, BLOCK_FOOTNOTE, p, 0, FALSE);
    }
}

void
pdf_report_paginate (PdfReport *r)
{
  place (r, BLOCK_TITLE, 0, 0, FALSE);
  place (r, BLOCK_FIGURES, 0, 0, FALSE);
  for (guint p = 0; p < r->parts->len; p++)
    {
      if (part_at (r, p)->table != NULL)
        {
          place_table (r, p);
          continue;
        }
      if (!fits (r, BLOCK_HEADING, measure (r, BLOCK_HEADING, p, 0, FALSE) + space_before[BLOCK_CHART] + CHART_H))
        new_page (r);
      place (r, BLOCK_HEADING, p, 0, FALSE);
      place (r, BLOCK_CHART, p, 0, FALSE);
    }
  r->n_pages = daftari_pdf_pages_count (r->pages);
}

/* ---- The report ------------------------------------------------------------- */

static void
part_free (PdfPart *part)
{
  g_free (part->title);
  g_free (part->note);
  g_free (part->footnote);
  g_clear_pointer (&part->table, daftari_report_table_free);
  g_clear_pointer (&part->chart, daftari_chart_free);
  g_free (part);
}

void
pdf_report_free (PdfReport *r)
{
  if (r == NULL)
    return;
  g_clear_object (&r->context);
  g_free (r->business);
  g_free (r->period_text);
  g_free (r->prepared);
  g_clear_pointer (&r->parts, g_ptr_array_unref);
  g_clear_pointer (&r->pages, daftari_pdf_pages_free);
  g_free (r);
}

PdfReport *
pdf_report_new (const DaftariCommodity *currency)
{
  PdfReport *r = g_new0 (PdfReport, 1);

  r->context = daftari_pdf_context_new (pango_language_get_default ());
  r->currency = currency;
  r->parts = g_ptr_array_new_with_free_func ((GDestroyNotify) part_free);
  r->pages = daftari_pdf_pages_new (run_block, r, space_before, 0);
  return r;
}

PdfPart *
pdf_report_add_table (PdfReport *r, DaftariReportTable *table, char *note, const char *const *keys)
{
  PdfPart *part = g_new0 (PdfPart, 1);

  part->table = table;
  part->title = g_strdup (table->title);
  part->note = note;
  choose_columns (part, keys);
  layout_columns (r, part);
  g_ptr_array_add (r->parts, part);
  return part;
}

PdfPart *
pdf_report_add_chart (PdfReport *r, DaftariChart *chart, const char *note)
{
  PdfPart *part = g_new0 (PdfPart, 1);

  part->chart = chart;
  part->title = g_strdup (daftari_chart_get_title (chart));
  part->note = g_strdup (note);
  /* The title is the part's heading, in the tables' style. */
  daftari_chart_set_title (chart, NULL);
  g_ptr_array_add (r->parts, part);
  return part;
}

/* ---- Drawing pages ---------------------------------------------------------------- */

void
pdf_report_draw_page (PdfReport *r, cairo_t *cr, guint page)
{
  /* Translators: the page number at the foot of a report's page: "Page 2 of 3" */
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, r->n_pages);
  g_autofree char *left = g_strdup_printf ("%s  ·  %s  ·  %s", r->business, _("Business report"), r->period_text);

  daftari_pdf_pages_draw (r->pages, cr, page, r->context, left, number);
}
