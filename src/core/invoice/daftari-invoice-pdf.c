/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-invoice-pdf.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include "daftari-pdf-file.h"
#include "daftari-pdf-pages.h"

/* Layout of an invoice or statement on A4. Everything is in points. One
 * layout pass measures every block and assigns it a page and a y; drawing a
 * page then replays the blocks of that page with the same functions, which
 * both measure (cr == NULL) and draw, so measure and draw cannot disagree
 * (daftari-pdf-pages.h: the page and the replay, shared with the report
 * PDF). docs/invoice-pdf.md has the picture. */

G_DEFINE_QUARK (daftari-document-error-quark, daftari_document_error)

#define PAGE_W         DAFTARI_DOCUMENT_PAGE_WIDTH
#define PAGE_H         DAFTARI_DOCUMENT_PAGE_HEIGHT
#define MARGIN_X       DAFTARI_PDF_MARGIN_X
#define CONTENT_W      DAFTARI_PDF_CONTENT_W
#define CELL_PAD_X     5.0
#define CELL_PAD_Y     3.8
#define LOGO_W         150.0
#define LOGO_H         54.0
#define TOTALS_W       236.0
#define SUMMARY_GAP    18.0                  /* payment box | totals */
#define QR_BOX         76.0                  /* the QR code with its quiet zone */
#define MAX_COLUMNS    8

/* Greys only, so the page prints the same on a black-and-white printer. */
#define INK            DAFTARI_PDF_INK
#define MUTED          DAFTARI_PDF_MUTED
#define RULE           DAFTARI_PDF_RULE
#define BAND           0.20                  /* the table header */
#define SHADE          0.91                  /* boxes and the grand total */
#define ZEBRA          0.955                 /* every other table row */

/* The fixed words of the page, in the customer's language rather than the
 * user interface's: so not gettext, but this table. */
typedef enum {
  L_INVOICE, L_STATEMENT, L_NUMBER, L_PERIOD, L_ISSUE_DATE, L_DUE_DATE,
  L_STATUS, L_BILL_TO, L_KRA_PIN, L_PHONE, L_DESCRIPTION, L_QTY,
  L_UNIT_PRICE, L_DISCOUNT, L_VAT_RATE, L_VAT, L_AMOUNT, L_DATE, L_NOTES,
  L_PAYMENT, L_SCAN, L_PAGE, L_OF, L_CONTINUED, L_THANKS,
  L_N_LABELS
} Label;

static const char *const labels[L_N_LABELS][2] = {
  [L_INVOICE]     = { "INVOICE", "ANKARA" },
  [L_STATEMENT]   = { "STATEMENT", "TAARIFA YA AKAUNTI" },
  [L_NUMBER]      = { "Invoice no.", "Nambari ya ankara" },
  [L_PERIOD]      = { "Period", "Kipindi" },
  [L_ISSUE_DATE]  = { "Date", "Tarehe" },
  [L_DUE_DATE]    = { "Due date", "Tarehe ya kulipa" },
  [L_STATUS]      = { "Status", "Hali" },
  [L_BILL_TO]     = { "BILL TO", "KWA" },
  [L_KRA_PIN]     = { "KRA PIN", "PIN ya KRA" },
  [L_PHONE]       = { "Tel.", "Simu" },
  [L_DESCRIPTION] = { "Description", "Maelezo" },
  [L_QTY]         = { "Qty", "Idadi" },
  [L_UNIT_PRICE]  = { "Unit price", "Bei ya kimoja" },
  [L_DISCOUNT]    = { "Discount", "Punguzo" },
  [L_VAT_RATE]    = { "VAT rate", "Kiwango cha VAT" },
  [L_VAT]         = { "VAT", "VAT" },
  [L_AMOUNT]      = { "Amount", "Kiasi" },
  [L_DATE]        = { "Date", "Tarehe" },
  [L_NOTES]       = { "NOTES", "MAELEZO YA ZIADA" },
  [L_PAYMENT]     = { "How to pay", "Jinsi ya kulipa" },
  [L_SCAN]        = { "Scan for payment details", "Changanua upate maelezo ya malipo" },
  [L_PAGE]        = { "Page", "Ukurasa" },
  [L_OF]          = { "of", "wa" },
  [L_CONTINUED]   = { "continued", "inaendelea" },
  [L_THANKS]      = { "Thank you for your business.", "Asante kwa kufanya biashara nasi." },
};

typedef DaftariPdfTextStyle TextStyle;

static const TextStyle style_name     = { "Sans Bold", 16, INK, PANGO_ALIGN_LEFT, FALSE, 0 };
static const TextStyle style_title    = { "Sans Bold", 20, INK, PANGO_ALIGN_RIGHT, FALSE, 1.0 };
static const TextStyle style_body     = { "Sans", 9, INK, PANGO_ALIGN_LEFT, FALSE, 0 };
static const TextStyle style_details  = { "Sans", 8.5, MUTED, PANGO_ALIGN_LEFT, FALSE, 0 };
static const TextStyle style_meta_key = { "Sans", 8.5, MUTED, PANGO_ALIGN_LEFT, FALSE, 0 };
static const TextStyle style_meta_val = { "Sans Bold", 8.5, INK, PANGO_ALIGN_RIGHT, TRUE, 0 };
static const TextStyle style_caption  = { "Sans Bold", 7, MUTED, PANGO_ALIGN_LEFT, FALSE, 0 };
static const TextStyle style_customer = { "Sans Bold", 11, INK, PANGO_ALIGN_LEFT, FALSE, 0 };
static const TextStyle style_due      = { "Sans Bold", 15, INK, PANGO_ALIGN_LEFT, TRUE, 0 };
static const TextStyle style_head     = { "Sans Bold", 7.5, 1.0, PANGO_ALIGN_LEFT, FALSE, 0 };
static const TextStyle style_cell     = { "Sans", 8.5, INK, PANGO_ALIGN_LEFT, TRUE, 0 };
static const TextStyle style_total    = { "Sans", 9, INK, PANGO_ALIGN_LEFT, TRUE, 0 };
static const TextStyle style_grand    = { "Sans Bold", 10.5, INK, PANGO_ALIGN_LEFT, TRUE, 0 };
static const TextStyle style_pay_head = { "Sans Bold", 9.5, INK, PANGO_ALIGN_LEFT, FALSE, 0 };
static const TextStyle style_pay_text = { "Sans", 9, INK, PANGO_ALIGN_LEFT, FALSE, 0 };
static const TextStyle style_qr_note  = { "Sans", 6.5, MUTED, PANGO_ALIGN_CENTER, FALSE, 0 };
static const TextStyle style_thanks   = { "Sans Italic", 9, MUTED, PANGO_ALIGN_CENTER, FALSE, 0 };
static const TextStyle style_cont     = { "Sans Bold", 9, INK, PANGO_ALIGN_LEFT, FALSE, 0 };

/* A table column: its heading, its width (0: whatever is left), which field
 * of the line it shows, and whether it is a right-aligned number. */
typedef struct {
  Label    label;
  double   width;
  gsize    offset;
  gboolean numeric;
} Column;

#define FIELD(name) G_STRUCT_OFFSET (DaftariDocumentLine, name)

static const Column invoice_columns[] = {
  { L_DESCRIPTION, 0, FIELD (description), FALSE },
  { L_QTY, 34, FIELD (quantity), TRUE },
  { L_UNIT_PRICE, 64, FIELD (unit_price), TRUE },
  { L_DISCOUNT, 50, FIELD (discount), TRUE },
  { L_VAT_RATE, 52, FIELD (vat_rate), TRUE },
  { L_VAT, 58, FIELD (vat), TRUE },
  { L_AMOUNT, 74, FIELD (amount), TRUE },
};

/* A statement line carries its date in quantity (the contract header). */
static const Column statement_columns[] = {
  { L_DATE, 78, FIELD (quantity), FALSE },
  { L_DESCRIPTION, 0, FIELD (description), FALSE },
  { L_AMOUNT, 110, FIELD (amount), TRUE },
};

typedef enum {
  BLOCK_HEADER,
  BLOCK_CONTINUED,
  BLOCK_BILL_TO,
  BLOCK_TABLE_HEAD,
  BLOCK_ROW,
  BLOCK_SUMMARY,
  BLOCK_NOTES,
  BLOCK_THANKS,
  BLOCK_N_KINDS
} BlockKind;

/* White space above a block, unless it opens a page. */
static const double space_before[BLOCK_N_KINDS] = {
  [BLOCK_BILL_TO] = 14, [BLOCK_TABLE_HEAD] = 16, [BLOCK_SUMMARY] = 10,
  [BLOCK_NOTES] = 12, [BLOCK_THANKS] = 14,
};

typedef struct {
  const DaftariDocument *document;
  guint                  lang;       /* column of labels[]: 0 en, 1 sw */
  PangoContext          *context;
  const Column          *columns;
  guint                  n_columns;
  double                 column_x[MAX_COLUMNS];
  double                 column_width[MAX_COLUMNS];
  cairo_surface_t       *logo;
  QRcode                *qr;
  DaftariPdfPages       *pages;
  guint                  n_pages;
} DocLayout;

typedef double (*BlockFunc) (DocLayout *l, cairo_t *cr, double y, guint index);

static const char *
label (DocLayout *l,
       Label      id)
{
  return labels[id][l->lang];
}

static const char *
or_empty (const char *s)
{
  return s != NULL ? s : "";
}

static gboolean
is_set (const char *s)
{
  return s != NULL && *s != '\0';
}

/* ---- Text ---------------------------------------------------------------- */

/* Lays text out in a box of the given width at (x, y), draws it when cr is
 * not NULL, and returns its height. */
static double
text_at (DocLayout       *l,
         cairo_t         *cr,
         const TextStyle *style,
         double           x,
         double           y,
         double           width,
         const char      *text)
{
  return daftari_pdf_text_at (l->context, cr, style, 1, x, y, width, text);
}

/* "Tel. 0712 345 678": a label and a value when there is a value. */
static void
append_detail (GString    *details,
               const char *prefix,
               const char *value)
{
  if (!is_set (value))
    return;
  if (details->len > 0)
    g_string_append_c (details, '\n');
  if (prefix != NULL)
    g_string_append_printf (details, "%s %s", prefix, value);
  else
    g_string_append (details, value);
}

/* ---- The header of the first page ----------------------------------------- */

static double
draw_logo (DocLayout *l,
           cairo_t   *cr,
           double     y)
{
  double w, h, scale;

  if (l->logo == NULL)
    return 0;

  w = cairo_image_surface_get_width (l->logo);
  h = cairo_image_surface_get_height (l->logo);
  if (w <= 0 || h <= 0)
    return 0;
  /* Fit the box, keeping the logo's shape. A small logo is not enlarged
   * past one pixel per point: blown up, it would print as a blur. */
  scale = MIN (1.0, MIN (LOGO_W / w, LOGO_H / h));
  if (cr != NULL)
    {
      cairo_save (cr);
      cairo_translate (cr, MARGIN_X, y);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, l->logo, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
      cairo_restore (cr);
    }
  return h * scale + 10;
}

static double
header_business (DocLayout *l,
                 cairo_t   *cr,
                 double     y)
{
  const DaftariDocument *d = l->document;
  g_autoptr(GString) details = g_string_new (NULL);
  double width = CONTENT_W - 244;
  double top = y;

  y += draw_logo (l, cr, y);
  y += text_at (l, cr, &style_name, MARGIN_X, y, width, d->business_name) + 3;
  append_detail (details, NULL, d->business_address);
  append_detail (details, label (l, L_PHONE), d->business_phone);
  append_detail (details, label (l, L_KRA_PIN), d->business_kra_pin);
  if (details->len > 0)
    y += text_at (l, cr, &style_details, MARGIN_X, y, width, details->str);
  return y - top;
}

static const char *
title (DocLayout *l)
{
  if (is_set (l->document->title))
    return l->document->title;
  return label (l, l->document->kind == DAFTARI_DOCUMENT_STATEMENT ? L_STATEMENT : L_INVOICE);
}

/* One "Due date   2026-12-21" row under the title; nothing when empty. */
static double
meta_row (DocLayout  *l,
          cairo_t    *cr,
          double      y,
          Label       key,
          const char *value)
{
  double right = MARGIN_X + CONTENT_W;
  double key_x = right - 232;
  double key_h, value_h;

  if (!is_set (value))
    return 0;
  key_h = text_at (l, cr, &style_meta_key, key_x, y, 84, label (l, key));
  value_h = text_at (l, cr, &style_meta_val, key_x + 88, y, right - key_x - 88, value);
  return MAX (key_h, value_h) + 2.5;
}

static double
header_title (DocLayout *l,
              cairo_t   *cr,
              double     y)
{
  const DaftariDocument *d = l->document;
  gboolean statement = d->kind == DAFTARI_DOCUMENT_STATEMENT;
  double x = MARGIN_X + CONTENT_W * 0.5;
  double top = y;

  y += text_at (l, cr, &style_title, x, y - 3, CONTENT_W * 0.5, title (l)) + 6;
  y += meta_row (l, cr, y, statement ? L_PERIOD : L_NUMBER, d->number);
  y += meta_row (l, cr, y, L_ISSUE_DATE, d->issue_date);
  y += meta_row (l, cr, y, L_DUE_DATE, d->due_date);
  y += meta_row (l, cr, y, L_STATUS, d->status);
  return y - top;
}

static double
block_header (DocLayout *l,
              cairo_t   *cr,
              double     y,
              guint      index)
{
  double left = header_business (l, cr, y);
  double right = header_title (l, cr, y);
  double h = MAX (left, right) + 10;

  if (cr != NULL)
    daftari_pdf_hline (cr, MARGIN_X, y + h, CONTENT_W, 0.6, RULE);
  return h;
}

/* Pages after the first: who and which document, so a loose page is still
 * identifiable. */
static double
block_continued (DocLayout *l,
                 cairo_t   *cr,
                 double     y,
                 guint      index)
{
  const DaftariDocument *d = l->document;
  g_autofree char *what = g_strdup_printf ("%s %s (%s)", title (l), or_empty (d->number),
                                           label (l, L_CONTINUED));
  TextStyle right = style_details;
  double h;

  right.align = PANGO_ALIGN_RIGHT;
  h = text_at (l, cr, &style_cont, MARGIN_X, y, CONTENT_W * 0.5, d->business_name);
  h = MAX (h, text_at (l, cr, &right, MARGIN_X + CONTENT_W * 0.5, y, CONTENT_W * 0.5, what));
  if (cr != NULL)
    daftari_pdf_hline (cr, MARGIN_X, y + h + 6, CONTENT_W, 0.6, RULE);
  return h + 6;
}

/* ---- Customer and amount due ---------------------------------------------- */

/* The amount the customer should look at first: the last emphasised total
 * (the total, or the balance due when there is one). */
static const DaftariDocumentTotal *
headline_total (DocLayout *l)
{
  GPtrArray *totals = l->document->totals;

  for (guint i = totals != NULL ? totals->len : 0; i > 0; i--)
    {
      const DaftariDocumentTotal *t = g_ptr_array_index (totals, i - 1);
      if (t->emphasised)
        return t;
    }
  return NULL;
}

static double
amount_due_box (DocLayout *l,
                cairo_t   *cr,
                double     y)
{
  const DaftariDocumentTotal *t = headline_total (l);
  double w = 210, pad = 10;
  double x = MARGIN_X + CONTENT_W - w;
  double h;

  if (t == NULL)
    return 0;
  h = pad + text_at (l, NULL, &style_caption, 0, 0, w - 2 * pad, t->label) + 3
      + text_at (l, NULL, &style_due, 0, 0, w - 2 * pad, t->amount) + pad;
  if (cr != NULL)
    {
      daftari_pdf_fill_rect (cr, x, y, w, h, SHADE);
      y += pad;
      y += text_at (l, cr, &style_caption, x + pad, y, w - 2 * pad, t->label) + 3;
      text_at (l, cr, &style_due, x + pad, y, w - 2 * pad, t->amount);
    }
  return h;
}

static double
block_bill_to (DocLayout *l,
               cairo_t   *cr,
               double     y,
               guint      index)
{
  const DaftariDocument *d = l->document;
  g_autoptr(GString) details = g_string_new (NULL);
  double width = CONTENT_W - 230;
  double top = y;
  double box;

  y += text_at (l, cr, &style_caption, MARGIN_X, y, width, label (l, L_BILL_TO)) + 3;
  y += text_at (l, cr, &style_customer, MARGIN_X, y, width, d->customer_name) + 2;
  append_detail (details, NULL, d->customer_address);
  append_detail (details, label (l, L_PHONE), d->customer_phone);
  append_detail (details, label (l, L_KRA_PIN), d->customer_kra_pin);
  if (details->len > 0)
    y += text_at (l, cr, &style_details, MARGIN_X, y, width, details->str);
  box = amount_due_box (l, cr, top);
  return MAX (y - top, box);
}

/* ---- The table ------------------------------------------------------------ */

static void
columns_init (DocLayout *l)
{
  double fixed = 0, x = MARGIN_X;

  if (l->document->kind == DAFTARI_DOCUMENT_STATEMENT)
    {
      l->columns = statement_columns;
      l->n_columns = G_N_ELEMENTS (statement_columns);
    }
  else
    {
      l->columns = invoice_columns;
      l->n_columns = G_N_ELEMENTS (invoice_columns);
    }
  for (guint i = 0; i < l->n_columns; i++)
    fixed += l->columns[i].width;
  for (guint i = 0; i < l->n_columns; i++)
    {
      l->column_x[i] = x;
      l->column_width[i] = l->columns[i].width > 0 ? l->columns[i].width : CONTENT_W - fixed;
      x += l->column_width[i];
    }
}

/* Draws (when cr) one row of cells with the given texts, and returns the
 * height of the tallest cell plus padding. */
static double
table_cells (DocLayout        *l,
             cairo_t          *cr,
             double            y,
             const TextStyle  *base,
             const char      **texts)
{
  double h = 0;

  for (guint i = 0; i < l->n_columns; i++)
    {
      TextStyle style = *base;
      double w = l->column_width[i] - 2 * CELL_PAD_X;

      style.align = l->columns[i].numeric ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
      h = MAX (h, text_at (l, cr, &style, l->column_x[i] + CELL_PAD_X, y + CELL_PAD_Y, w, texts[i]));
    }
  return h + 2 * CELL_PAD_Y;
}

static double
block_table_head (DocLayout *l,
                  cairo_t   *cr,
                  double     y,
                  guint      index)
{
  const char *texts[MAX_COLUMNS];
  double h;

  for (guint i = 0; i < l->n_columns; i++)
    texts[i] = label (l, l->columns[i].label);
  h = table_cells (l, NULL, y, &style_head, texts);
  if (cr != NULL)
    {
      daftari_pdf_fill_rect (cr, MARGIN_X, y, CONTENT_W, h, BAND);
      table_cells (l, cr, y, &style_head, texts);
    }
  return h;
}

static double
block_row (DocLayout *l,
           cairo_t   *cr,
           double     y,
           guint      index)
{
  const DaftariDocumentLine *line = g_ptr_array_index (l->document->lines, index);
  const char *texts[MAX_COLUMNS];
  double h;

  for (guint i = 0; i < l->n_columns; i++)
    texts[i] = G_STRUCT_MEMBER (const char *, line, l->columns[i].offset);
  h = table_cells (l, NULL, y, &style_cell, texts);
  if (cr == NULL)
    return h;
  if (index % 2 == 1)
    daftari_pdf_fill_rect (cr, MARGIN_X, y, CONTENT_W, h, ZEBRA);
  table_cells (l, cr, y, &style_cell, texts);
  if (index + 1 == l->document->lines->len)
    daftari_pdf_hline (cr, MARGIN_X, y + h, CONTENT_W, 0.8, INK);
  return h;
}

/* ---- Totals, notes, payment ----------------------------------------------- */

static double
total_row (DocLayout                  *l,
           cairo_t                    *cr,
           double                      y,
           const DaftariDocumentTotal *t)
{
  const TextStyle *base = t->emphasised ? &style_grand : &style_total;
  TextStyle right = *base;
  double x = MARGIN_X + CONTENT_W - TOTALS_W;
  double pad = t->emphasised ? 5 : 3;
  double h;

  right.align = PANGO_ALIGN_RIGHT;
  h = MAX (text_at (l, NULL, base, 0, 0, TOTALS_W * 0.5, t->label),
           text_at (l, NULL, &right, 0, 0, TOTALS_W * 0.5, t->amount)) + 2 * pad;
  if (cr == NULL)
    return h;
  if (t->emphasised)
    {
      daftari_pdf_fill_rect (cr, x, y, TOTALS_W, h, SHADE);
      daftari_pdf_hline (cr, x, y, TOTALS_W, 0.8, INK);
    }
  text_at (l, cr, base, x + CELL_PAD_X, y + pad, TOTALS_W * 0.5, t->label);
  text_at (l, cr, &right, x + TOTALS_W * 0.5 - CELL_PAD_X, y + pad, TOTALS_W * 0.5, t->amount);
  return h;
}

static double
totals_column (DocLayout *l,
               cairo_t   *cr,
               double     y)
{
  GPtrArray *totals = l->document->totals;
  double top = y;

  for (guint i = 0; i < totals->len; i++)
    y += total_row (l, cr, y, g_ptr_array_index (totals, i)) + 1;
  return y - top;
}

static double
block_notes (DocLayout *l,
             cairo_t   *cr,
             double     y,
             guint      index)
{
  double h = text_at (l, cr, &style_caption, MARGIN_X, y, CONTENT_W, label (l, L_NOTES)) + 3;

  return h + text_at (l, cr, &style_body, MARGIN_X, y + h, CONTENT_W * 0.7, l->document->notes);
}

/* The QR code as filled rectangles: vector, so it stays sharp at any zoom
 * and on any printer. Runs of dark modules in a row become one rectangle,
 * and all of them go into one path filled once, so antialiasing leaves no
 * hairline seams between neighbouring modules. */
static void
draw_qr (DocLayout *l,
         cairo_t   *cr,
         double     x,
         double     y)
{
  const QRcode *qr = l->qr;
  double module = QR_BOX / (qr->width + 8);   /* 4 modules of quiet zone a side */

  x += 4 * module;
  y += 4 * module;
  for (int row = 0; row < qr->width; row++)
    for (int col = 0; col < qr->width; )
      {
        int end = col;

        while (end < qr->width && (qr->data[row * qr->width + end] & 1))
          end++;
        if (end > col)
          cairo_rectangle (cr, x + col * module, y + row * module, (end - col) * module, module);
        col = end + 1;
      }
  daftari_pdf_set_grey (cr, 0);
  cairo_fill (cr);
}

/* A framed box: "How to pay" and the instructions, with their QR code on
 * the right. The code's quiet zone is inside QR_BOX, so it may sit close to
 * the frame. */
static double
payment_box (DocLayout *l,
             cairo_t   *cr,
             double     y,
             double     width)
{
  const char *text = l->document->payment_instructions;
  double pad = 10;
  double text_w = width - 2 * pad - (l->qr != NULL ? QR_BOX - 2 : 0);
  double qr_x = MARGIN_X + width - pad / 2 - QR_BOX;
  double head_h, text_h, qr_h = 0, h;

  head_h = text_at (l, NULL, &style_pay_head, 0, 0, text_w, label (l, L_PAYMENT)) + 4;
  text_h = text_at (l, NULL, &style_pay_text, 0, 0, text_w, text);
  if (l->qr != NULL)
    qr_h = QR_BOX + text_at (l, NULL, &style_qr_note, 0, 0, QR_BOX, label (l, L_SCAN)) + pad;
  h = MAX (head_h + text_h + 2 * pad, qr_h);
  if (cr == NULL)
    return h;

  daftari_pdf_set_grey (cr, INK);
  cairo_set_line_width (cr, 1.0);
  cairo_rectangle (cr, MARGIN_X + 0.5, y + 0.5, width - 1, h - 1);
  cairo_stroke (cr);
  text_at (l, cr, &style_pay_head, MARGIN_X + pad, y + pad, text_w, label (l, L_PAYMENT));
  text_at (l, cr, &style_pay_text, MARGIN_X + pad, y + pad + head_h, text_w, text);
  if (l->qr != NULL)
    {
      draw_qr (l, cr, qr_x, y + pad / 2);
      text_at (l, cr, &style_qr_note, qr_x, y + pad / 2 + QR_BOX - 2, QR_BOX, label (l, L_SCAN));
    }
  return h;
}

/* The foot of the table: how to pay on the left, the totals on the right,
 * on one page together, so the amount and the way to pay it are read
 * together. */
static double
block_summary (DocLayout *l,
               cairo_t   *cr,
               double     y,
               guint      index)
{
  double totals = totals_column (l, cr, y);
  double payment = 0;

  if (is_set (l->document->payment_instructions))
    payment = payment_box (l, cr, y, CONTENT_W - TOTALS_W - SUMMARY_GAP);
  return MAX (totals, payment);
}

static double
block_thanks (DocLayout *l,
              cairo_t   *cr,
              double     y,
              guint      index)
{
  return text_at (l, cr, &style_thanks, MARGIN_X, y, CONTENT_W, label (l, L_THANKS));
}

static const BlockFunc block_funcs[BLOCK_N_KINDS] = {
  [BLOCK_HEADER] = block_header,
  [BLOCK_CONTINUED] = block_continued,
  [BLOCK_BILL_TO] = block_bill_to,
  [BLOCK_TABLE_HEAD] = block_table_head,
  [BLOCK_ROW] = block_row,
  [BLOCK_SUMMARY] = block_summary,
  [BLOCK_NOTES] = block_notes,
  [BLOCK_THANKS] = block_thanks,
};

/* ---- Page breaking ------------------------------------------------------- */

/* The blocks' own functions, called back by the pages for a block. */
static double
run_block (gpointer               data,
           cairo_t               *cr,
           const DaftariPdfBlock *block)
{
  return block_funcs[block->kind] (data, cr, block->y, block->row);
}

static double
measure (DocLayout *l,
         BlockKind  kind,
         guint      index)
{
  return daftari_pdf_pages_measure (l->pages, kind, 0, index, FALSE);
}

static void
place (DocLayout *l,
       BlockKind  kind,
       guint      index)
{
  daftari_pdf_pages_place (l->pages, kind, 0, index, FALSE);
}

/* Whether height more fits on the page. A block taller than a whole page
 * goes on an empty page anyway (and is cut), rather than looping. */
static gboolean
fits (DocLayout *l,
      BlockKind  kind,
      double     height)
{
  return daftari_pdf_pages_fits (l->pages, kind, height);
}

static void
new_page (DocLayout *l,
          gboolean   table_head)
{
  daftari_pdf_pages_break (l->pages);
  place (l, BLOCK_CONTINUED, 0);
  if (table_head)
    place (l, BLOCK_TABLE_HEAD, 0);
}

/* Places a block that must not be split across pages. */
static void
place_whole (DocLayout *l,
             BlockKind  kind)
{
  if (!fits (l, kind, measure (l, kind, 0)))
    new_page (l, FALSE);
  place (l, kind, 0);
}

static gboolean
has_summary (const DaftariDocument *d)
{
  return d->totals->len > 0 || is_set (d->payment_instructions);
}

static void
place_table (DocLayout *l)
{
  GPtrArray *lines = l->document->lines;
  double head = measure (l, BLOCK_TABLE_HEAD, 0);
  double first = lines->len > 0 ? measure (l, BLOCK_ROW, 0) : 0;
  double summary = 0;

  if (has_summary (l->document))
    summary = space_before[BLOCK_SUMMARY] + measure (l, BLOCK_SUMMARY, 0);

  /* Never leave the header alone at the foot of a page. */
  if (!fits (l, BLOCK_TABLE_HEAD, head + first))
    new_page (l, FALSE);
  place (l, BLOCK_TABLE_HEAD, 0);
  for (guint i = 0; i < lines->len; i++)
    {
      double h = measure (l, BLOCK_ROW, i);

      /* The last row goes with the totals: a page of totals alone, away
       * from the table they add up, looks like a separate document. */
      if (i + 1 == lines->len)
        h += summary;
      if (!fits (l, BLOCK_ROW, h))
        new_page (l, TRUE);
      place (l, BLOCK_ROW, i);
    }
}

static void
paginate (DocLayout *l)
{
  const DaftariDocument *d = l->document;

  place (l, BLOCK_HEADER, 0);
  place (l, BLOCK_BILL_TO, 0);
  place_table (l);
  if (has_summary (d))
    place_whole (l, BLOCK_SUMMARY);
  if (is_set (d->notes))
    place_whole (l, BLOCK_NOTES);
  /* A courtesy line, not worth a page of its own. */
  if (fits (l, BLOCK_THANKS, measure (l, BLOCK_THANKS, 0)))
    place (l, BLOCK_THANKS, 0);
  l->n_pages = daftari_pdf_pages_count (l->pages);
}

/* ---- The layout object --------------------------------------------------- */

static void
doc_layout_free (DocLayout *l)
{
  g_clear_object (&l->context);
  g_clear_pointer (&l->logo, cairo_surface_destroy);
  g_clear_pointer (&l->qr, QRcode_free);
  g_clear_pointer (&l->pages, daftari_pdf_pages_free);
  g_free (l);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocLayout, doc_layout_free)

static gboolean
load_logo (DocLayout  *l,
           const char *path,
           GError    **error)
{
  cairo_surface_t *logo = cairo_image_surface_create_from_png (path);
  cairo_status_t status = cairo_surface_status (logo);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_filename_display_name (path);

      cairo_surface_destroy (logo);
      g_set_error (error, DAFTARI_DOCUMENT_ERROR, DAFTARI_DOCUMENT_ERROR_LOGO,
                   _("Cannot read the logo %s: %s. Choose a PNG logo in the business settings."),
                   name, cairo_status_to_string (status));
      return FALSE;
    }
  l->logo = logo;
  return TRUE;
}

static DocLayout *
doc_layout_new (const DaftariDocument  *document,
                GError                **error)
{
  g_autoptr(DocLayout) l = g_new0 (DocLayout, 1);

  l->document = document;
  l->lang = g_strcmp0 (document->language, "sw") == 0 ? 1 : 0;
  /* Unhinted, so the page breaks of a screen preview are those of the PDF. */
  l->context = daftari_pdf_context_new (pango_language_from_string (document->language));
  /* A page that holds only its "continued" header and the table's column
   * headings still takes a row, however tall. */
  l->pages = daftari_pdf_pages_new (run_block, l, space_before, 1u << BLOCK_CONTINUED | 1u << BLOCK_TABLE_HEAD);
  if (is_set (document->logo_path) && !load_logo (l, document->logo_path, error))
    return NULL;
  /* Instructions too long for any QR code (some 2,000 characters) still
   * print as text; only the code is left out. */
  if (is_set (document->payment_instructions))
    l->qr = QRcode_encodeString (document->payment_instructions, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  columns_init (l);
  paginate (l);
  return g_steal_pointer (&l);
}

/* ---- Drawing pages ------------------------------------------------------- */

/* The page with its footer: who, which document, and the page number. */
static void
draw_page (DocLayout *l,
           cairo_t   *cr,
           guint      page)
{
  const DaftariDocument *d = l->document;
  g_autofree char *left = NULL;
  g_autofree char *right = g_strdup_printf ("%s %u %s %u", label (l, L_PAGE), page + 1,
                                            label (l, L_OF), l->n_pages);

  if (is_set (d->number))
    left = g_strdup_printf ("%s  ·  %s %s", or_empty (d->business_name), title (l), d->number);
  else
    left = g_strdup (or_empty (d->business_name));
  daftari_pdf_pages_draw (l->pages, cr, page, l->context, left, right);
}

static gboolean
check_cairo (cairo_status_t   status,
             GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, DAFTARI_DOCUMENT_ERROR, DAFTARI_DOCUMENT_ERROR_RENDER,
               _("Cannot draw the document: %s"), cairo_status_to_string (status));
  return FALSE;
}

gboolean
daftari_document_render_to_cairo (const DaftariDocument  *document,
                                  cairo_t                *cr,
                                  guint                   page,
                                  guint                  *out_n_pages,
                                  GError                **error)
{
  g_autoptr(DocLayout) l = NULL;

  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  l = doc_layout_new (document, error);
  if (l == NULL)
    return FALSE;
  if (out_n_pages != NULL)
    *out_n_pages = l->n_pages;
  if (page >= l->n_pages)
    {
      g_set_error (error, DAFTARI_DOCUMENT_ERROR, DAFTARI_DOCUMENT_ERROR_PAGE,
                   _("The document has no page %u; it has %u."), page + 1, l->n_pages);
      return FALSE;
    }
  draw_page (l, cr, page);
  return check_cairo (cairo_status (cr), error);
}

/* ---- Writing the PDF ----------------------------------------------------- */

static gboolean
write_error (GError    **error,
             const char *path,
             const char *reason)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, DAFTARI_DOCUMENT_ERROR, DAFTARI_DOCUMENT_ERROR_WRITE,
               _("Cannot write %s: %s"), name, reason);
  return FALSE;
}

static void
draw_any_page (gpointer data,
               cairo_t *cr,
               guint    page)
{
  draw_page (data, cr, page);
}

gboolean
daftari_document_render_pdf (const DaftariDocument  *document,
                             const char             *path,
                             GError                **error)
{
  g_autoptr(DocLayout) l = NULL;
  g_autofree char *doc_title = NULL;
  DaftariPdfSpec spec;
  DaftariPdfFailure failure;

  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  l = doc_layout_new (document, error);
  if (l == NULL)
    return FALSE;
  doc_title = g_strdup_printf ("%s %s", title (l), or_empty (document->number));
  spec = (DaftariPdfSpec) { PAGE_W, PAGE_H, l->n_pages, doc_title, or_empty (document->business_name) };
  if (!daftari_pdf_file_write (path, &spec, draw_any_page, l, NULL, &failure))
    return write_error (error, path, failure.saved_errno != 0 ? g_strerror (failure.saved_errno)
                                                              : cairo_status_to_string (failure.status));
  return TRUE;
}
