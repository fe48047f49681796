/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Where to read a receipt again, and how to put the new words in place. */
#include "daftari-receipt-region.h"

#include <string.h>

#include "daftari-receipt-lines.h"

/* The header is the top of the print down to the merchant's line, and at
 * least this share of the print (a name the first reading missed is
 * there); never more than the second share, to bound the time. */
#define HEADER_SHARE     0.18
#define HEADER_MAX_SHARE 0.35

/* A box in the file's pixels back in the recognition image's pixels: its
 * lines' top and bottom. */
static void
to_recognition (const ReceiptTransform *t, const DaftariReceiptBox *box, int *top, int *bottom)
{
  double x0, y0, x1, y1;

  receipt_transform_to_recognition (t, box, &x0, &y0, &x1, &y1);
  *top = (int) y0;
  *bottom = (int) (y1 + 0.5);
}

typedef struct {
  int top, bottom;
} Span;

/* Each line's vertical extent in recognition pixels, by line number. */
static GArray *
line_spans (const ReceiptPrepared *prepared, GArray *words)
{
  GArray *spans = g_array_new (FALSE, TRUE, sizeof (Span));

  for (guint i = 0; i < words->len; i++)
    {
      const DaftariReceiptWord *w = &g_array_index (words, DaftariReceiptWord, i);
      int top, bottom;
      Span *s;

      if (w->line < 0 || w->line > 10000)
        continue;
      if ((guint) w->line >= spans->len)
        {
          guint old = spans->len;

          g_array_set_size (spans, w->line + 1);
          for (guint j = old; j < spans->len; j++)
            g_array_index (spans, Span, j) = (Span) { G_MAXINT, G_MININT };
        }
      to_recognition (&prepared->transform, &w->box, &top, &bottom);
      s = &g_array_index (spans, Span, w->line);
      s->top = MIN (s->top, top);
      s->bottom = MAX (s->bottom, bottom);
    }
  return spans;
}

static gboolean
span_valid (const Span *s)
{
  return s->top < s->bottom;
}

/* The line of the first (or the last) word that a field was read from; -1
 * if none. A name can span two lines. */
static int
field_line (GArray *words, const DaftariReceiptField *field, gboolean last)
{
  int found = -1;

  if (field->value == NULL || field->boxes == NULL || field->boxes->len == 0)
    return -1;
  for (guint i = 0; i < words->len; i++)
    {
      const DaftariReceiptWord *w = &g_array_index (words, DaftariReceiptWord, i);

      for (guint j = 0; j < field->boxes->len; j++)
        if (daftari_receipt_box_equal (&w->box, &g_array_index (field->boxes, DaftariReceiptBox, j)))
          {
            if (!last)
              return w->line;
            found = MAX (found, w->line);
          }
    }
  return found;
}

/* The first line with one of the keywords (upper case, in a word's text). */
static int
keyword_line (GArray *words, const char *const *keywords)
{
  for (guint i = 0; i < words->len; i++)
    {
      const DaftariReceiptWord *w = &g_array_index (words, DaftariReceiptWord, i);
      g_autofree char *upper = g_ascii_strup (w->text, -1);

      for (guint k = 0; keywords[k] != NULL; k++)
        if (strstr (upper, keywords[k]) != NULL)
          return w->line;
    }
  return -1;
}

static void
print_extent (GArray *spans, int *top, int *bottom)
{
  *top = G_MAXINT;
  *bottom = G_MININT;
  for (guint i = 0; i < spans->len; i++)
    {
      const Span *s = &g_array_index (spans, Span, i);

      if (span_valid (s))
        {
          *top = MIN (*top, s->top);
          *bottom = MAX (*bottom, s->bottom);
        }
    }
}

static gboolean
header_band (GArray *spans, GArray *words, const DaftariReceiptFields *fields, ReceiptBand *out)
{
  int top, bottom, limit, cut;
  int merchant = field_line (words, &fields->field[DAFTARI_RECEIPT_MERCHANT], TRUE);

  print_extent (spans, &top, &bottom);
  if (top >= bottom)
    return FALSE;
  cut = top + (int) (HEADER_SHARE * (bottom - top));
  limit = top + (int) (HEADER_MAX_SHARE * (bottom - top));
  if (merchant >= 0 && span_valid (&g_array_index (spans, Span, merchant)))
    cut = MAX (cut, MIN (limit, g_array_index (spans, Span, merchant).bottom));
  /* Whole lines: the strip ends below the last line that starts above the
   * cut. It starts at the first line: cutting in the page's margin (often
   * the table under a photographed receipt) made the re-reading worse on
   * the development receipts. */
  out->top = top;
  out->bottom = top;
  for (guint i = 0; i < spans->len; i++)
    {
      const Span *s = &g_array_index (spans, Span, i);

      if (span_valid (s) && s->top < cut && s->bottom <= limit)
        out->bottom = MAX (out->bottom, s->bottom);
    }
  return out->bottom > out->top;
}

/* One line, or the line and the next (a total printed below its label). */
static gboolean
line_band (GArray *spans, int line, int n_lines, ReceiptBand *out)
{
  if (line < 0 || (guint) line >= spans->len || !span_valid (&g_array_index (spans, Span, line)))
    return FALSE;
  out->top = g_array_index (spans, Span, line).top;
  out->bottom = g_array_index (spans, Span, line).bottom;
  for (int i = line + 1; i < line + n_lines && (guint) i < spans->len; i++)
    if (span_valid (&g_array_index (spans, Span, i)))
      out->bottom = MAX (out->bottom, g_array_index (spans, Span, i).bottom);
  return TRUE;
}

static const char *const date_keywords[] = { "DATE", "TARIKH", "TAREHE", NULL };

/* "14:22", "9:15": a time of day, which receipts print by the date. */
static gboolean
time_of_day (const char *text)
{
  gsize len = strlen (text);

  return len >= 4 && len <= 8 && text[len - 3] == ':' && g_ascii_isdigit (text[len - 1])
         && g_ascii_isdigit (text[len - 2]) && g_ascii_isdigit (text[len - 4]);
}

/* The first line with a word that may be a damaged date, else the first
 * with a time of day; -1 if none. */
static int
date_like_line (GArray *words)
{
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < words->len; i++)
      {
        const DaftariReceiptWord *w = &g_array_index (words, DaftariReceiptWord, i);

        if (pass == 0 ? receipt_damaged_date (w->text) : time_of_day (w->text))
          return w->line;
      }
  return -1;
}

static const char *const total_keywords[] = { "TOTAL", "JUMLA", "AMOUNT DUE", NULL };

gboolean
receipt_region_band (const ReceiptPrepared *prepared, GArray *words, const DaftariReceiptFields *fields,
                     ReceiptRegion region, ReceiptBand *out)
{
  g_autoptr(GArray) spans = line_spans (prepared, words);
  int line;

  switch (region)
    {
    case RECEIPT_REGION_HEADER:
      return header_band (spans, words, fields, out);
    case RECEIPT_REGION_DATE:
      line = field_line (words, &fields->field[DAFTARI_RECEIPT_DATE], FALSE);
      return line_band (spans, line >= 0 ? line : keyword_line (words, date_keywords), 1, out);
    case RECEIPT_REGION_DATE_LIKE:
      /* The date's own line, when its words are in this list; without a
       * date, a line saying DATE, else one with a damaged date or a time
       * of day. */
      if (fields->field[DAFTARI_RECEIPT_DATE].value != NULL)
        return line_band (spans, field_line (words, &fields->field[DAFTARI_RECEIPT_DATE], FALSE), 1, out);
      line = keyword_line (words, date_keywords);
      return line_band (spans, line >= 0 ? line : date_like_line (words), 1, out);
    case RECEIPT_REGION_TOTAL:
      line = field_line (words, &fields->field[DAFTARI_RECEIPT_TOTAL], FALSE);
      return line_band (spans, line >= 0 ? line : keyword_line (words, total_keywords), 2, out);
    default:
      return FALSE;
    }
}

PIX *
receipt_region_image (const ReceiptPrepared *prepared, PIX *source, const ReceiptBand *band, double zoom,
                      int *out_top)
{
  int w = pixGetWidth (source), h = pixGetHeight (source);
  /* A small margin (a twelfth of the strip, at least 4 pixels) keeps
   * what sticks out of the word boxes without taking in much of the
   * neighbouring lines. */
  int margin = MAX (4, (band->bottom - band->top) / 12);
  int top = CLAMP (band->top - margin, 0, h), bottom = CLAMP (band->bottom + margin, 0, h);
  BOX *box;
  PIX *crop, *big;

  g_return_val_if_fail (source == prepared->grey || source == prepared->plain, NULL);
  if (bottom - top < 4)
    return NULL;
  *out_top = top;
  box = boxCreate (0, top, w, bottom - top);
  crop = pixClipRectangle (source, box, NULL);
  boxDestroy (&box);
  if (crop == NULL)
    return NULL;
  /* Linear interpolation to enlarge; area mapping to shrink (back to the
   * file's own size), which keeps thin strokes. */
  big = zoom >= 1 ? pixScaleGrayLI (crop, (l_float32) zoom, (l_float32) zoom)
                  : pixScaleAreaMap (crop, (l_float32) zoom, (l_float32) zoom);
  pixDestroy (&crop);
  return big;
}

/* Whether a word's middle lies in the strip. */
static gboolean
in_band (const ReceiptPrepared *prepared, const DaftariReceiptWord *w, const ReceiptBand *band)
{
  int top, bottom, middle;

  to_recognition (&prepared->transform, &w->box, &top, &bottom);
  middle = (top + bottom) / 2;
  return middle >= band->top && middle < band->bottom;
}

/* Appends words[from] with its line renumbered: a new line each time the
 * source line changes. */
static void
append_word (GArray *out, const DaftariReceiptWord *w, int *last_source, int *line, int source_tag)
{
  int key = w->line * 2 + source_tag;

  if (*last_source != key)
    {
      (*line)++;
      *last_source = key;
    }
  daftari_receipt_words_add (out, w->text, &w->box, w->confidence, *line);
}

GArray *
receipt_region_replace (const ReceiptPrepared *prepared, GArray *words, const ReceiptBand *band, GArray *reread)
{
  GArray *out = daftari_receipt_words_new ();
  int last = G_MININT, line = -1;
  guint i = 0;

  /* Lines come in page order, so the words above the strip come first,
   * then the re-read ones, then those below. */
  for (; i < words->len; i++)
    {
      const DaftariReceiptWord *w = &g_array_index (words, DaftariReceiptWord, i);

      if (in_band (prepared, w, band))
        break;
      append_word (out, w, &last, &line, 0);
    }
  for (guint j = 0; j < reread->len; j++)
    {
      const DaftariReceiptWord *w = &g_array_index (reread, DaftariReceiptWord, j);

      if (in_band (prepared, w, band))
        append_word (out, w, &last, &line, 1);
    }
  for (; i < words->len; i++)
    {
      const DaftariReceiptWord *w = &g_array_index (words, DaftariReceiptWord, i);

      if (!in_band (prepared, w, band))
        append_word (out, w, &last, &line, 0);
    }
  return out;
}
