/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Receipts drawn here, read back through Leptonica and the real Tesseract;
 * and files that are not receipts at all. */
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <leptonica/allheaders.h>
#include <unistd.h>

#include "daftari-receipt.h"
#include "daftari-receipt-image.h"
#include "receipt-render.h"

static DaftariReceiptReader *reader;

static DaftariReceiptScan *
scan_bytes (GBytes *bytes, GError **error)
{
  return daftari_receipt_reader_scan_bytes (reader, bytes, NULL, NULL, NULL, error);
}

static void
assert_same_company (const char *read, const char *expected)
{
  g_autofree char *a = daftari_receipt_normalise_company (read != NULL ? read : "");
  g_autofree char *b = daftari_receipt_normalise_company (expected);

  g_assert_cmpstr (a, ==, b);
}

static void
assert_fields (const DaftariReceiptScan *scan, const RenderedReceipt *r, gboolean all)
{
  const DaftariReceiptFields *f = scan->fields;

  g_assert_nonnull (f->field[DAFTARI_RECEIPT_TOTAL].value);
  g_assert_cmpint (f->total, ==, r->total);
  g_assert_cmpint (f->date, ==, r->date);
  assert_same_company (f->field[DAFTARI_RECEIPT_MERCHANT].value, r->merchant);
  if (!all)
    return;
  g_assert_cmpint (f->vat, ==, r->vat);
  g_assert_cmpstr (f->field[DAFTARI_RECEIPT_KRA_PIN].value, ==, r->kra_pin);
  g_assert_cmpstr (f->field[DAFTARI_RECEIPT_TILL].value, ==, r->till);
  g_assert_true (f->total_checked);
}

/* Boxes are on the image as the file has it, whatever the reader did. */
static void
assert_boxes_inside (const DaftariReceiptScan *scan)
{
  for (guint i = 0; i < scan->words->len; i++)
    {
      const DaftariReceiptBox *b = &g_array_index (scan->words, DaftariReceiptWord, i).box;

      g_assert_cmpint (b->x, >=, 0);
      g_assert_cmpint (b->y, >=, 0);
      g_assert_cmpint (b->x + b->width, <=, scan->width);
      g_assert_cmpint (b->y + b->height, <=, scan->height);
    }
}

typedef struct {
  guint32     seed;
  RenderStyle style;
  gboolean    all_fields;
} Case;

static void
test_rendered (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(RenderedReceipt) r = render_receipt_new (c->seed);
  g_autoptr(GBytes) bytes = render_receipt_draw (r->text, &c->style);
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariReceiptScan) scan = scan_bytes (bytes, &error);

  g_assert_no_error (error);
  g_test_message ("%s (%s): read in %.2f s", c->style.font, scan->languages, scan->seconds);
  for (guint i = 0; i < scan->words->len; i++)
    g_test_message ("  line %d: %s", g_array_index (scan->words, DaftariReceiptWord, i).line,
                    g_array_index (scan->words, DaftariReceiptWord, i).text);
  g_assert_cmpstr (scan->mime, ==, c->style.pdf ? "application/pdf" : "image/png");
  assert_fields (scan, r, c->all_fields);
  assert_boxes_inside (scan);
}

/* The total's box, drawn on a receipt turned a quarter, is where the total
 * is on the turned image: wide turned into tall. */
static void
test_rotated_boxes (void)
{
  g_autoptr(RenderedReceipt) r = render_receipt_new (7);
  RenderStyle style = { .font = "DejaVu Sans Mono", .quads = 1 };
  g_autoptr(GBytes) bytes = render_receipt_draw (r->text, &style);
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariReceiptScan) scan = scan_bytes (bytes, &error);
  const DaftariReceiptBox *box;

  g_assert_no_error (error);
  g_assert_cmpint (scan->width, <, scan->height);
  /* Read at all only when turned upright first. */
  g_assert_cmpint (scan->fields->total, ==, r->total);
  assert_same_company (scan->fields->field[DAFTARI_RECEIPT_MERCHANT].value, r->merchant);
  box = &g_array_index (scan->fields->field[DAFTARI_RECEIPT_TOTAL].boxes, DaftariReceiptBox, 0);
  /* A number turned a quarter clockwise is taller than wide. */
  g_assert_cmpint (box->height, >, box->width);
}

/* The share of the ink near a box (the box and a quarter of its height
 * above and below: receipt lines are close) that is inside it: nearly all
 * for a box on its word. */
static double
ink_inside (PIX *binary, const DaftariReceiptBox *box)
{
  BOX *inner = boxCreate (box->x, box->y, box->width, box->height);
  BOX *outer = boxCreate (box->x, box->y - box->height / 4, box->width, box->height * 3 / 2);
  PIX *a = pixClipRectangle (binary, inner, NULL), *b = pixClipRectangle (binary, outer, NULL);
  l_int32 in = 0, near = 0;

  pixCountPixels (a, &in, NULL);
  pixCountPixels (b, &near, NULL);
  pixDestroy (&a);
  pixDestroy (&b);
  boxDestroy (&inner);
  boxDestroy (&outer);
  return near > 0 ? (double) in / near : 0;
}

/* Each box of the name, date and total sits on its words on the file's
 * image (binary: its ink), as the Receipts page draws it. */
static void
assert_field_boxes_on_ink (const DaftariReceiptScan *scan, PIX *binary)
{
  const DaftariReceiptFieldKind kinds[] = { DAFTARI_RECEIPT_MERCHANT, DAFTARI_RECEIPT_DATE, DAFTARI_RECEIPT_TOTAL };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      const DaftariReceiptField *f = &scan->fields->field[kinds[k]];

      g_assert_cmpuint (f->boxes->len, >, 0);
      for (guint b = 0; b < f->boxes->len; b++)
        {
          const DaftariReceiptBox *box = &g_array_index (f->boxes, DaftariReceiptBox, b);
          double share = ink_inside (binary, box);

          g_test_message ("%s box %u (%d,%d %dx%d): %.2f of the ink near it inside", daftari_receipt_field_name (kinds[k]),
                          b, box->x, box->y, box->width, box->height, share);
          g_assert_cmpfloat (share, >=, 0.85);
        }
    }
}

/* On a photo turned a little, the page is straightened for Tesseract; the
 * boxes of the fields must still sit on the words of the file's image
 * (the UI draws them over it), not where the straightened page has them. */
static void
test_skewed_boxes (void)
{
  g_autoptr(RenderedReceipt) r = render_receipt_new (9);
  RenderStyle style = { .font = "DejaVu Sans Mono", .skew = 3.0 };
  g_autoptr(GBytes) bytes = render_receipt_draw (r->text, &style);
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariReceiptScan) scan = scan_bytes (bytes, &error);
  gsize size;
  const l_uint8 *data = g_bytes_get_data (bytes, &size);
  PIX *file = pixReadMem (data, size), *grey = pixConvertTo8 (file, FALSE), *binary = pixThresholdToBinary (grey, 128);

  g_assert_no_error (error);
  assert_fields (scan, r, FALSE);
  assert_field_boxes_on_ink (scan, binary);
  pixDestroy (&file);
  pixDestroy (&grey);
  pixDestroy (&binary);
}

/* A 48-megapixel phone photo from arm's length: the receipt an eighth of
 * the frame's width, on a dark table lit unevenly. Scaled whole to a width
 * Tesseract reads well, its print would be 7 pixels tall and nothing on it
 * legible; cut to the paper first (the table's edge painted out), every
 * field is read, and the boxes land on the words in the frame. */
#define TABLE_GREY 70

/* The receipt drawn from seed, as grey pixels; *receipt: what it says. */
static PIX *
draw_paper (guint32 seed, RenderedReceipt **receipt)
{
  RenderStyle style = { .font = "DejaVu Sans" };
  g_autoptr(GBytes) png = NULL;
  PIX *drawn, *paper;

  *receipt = render_receipt_new (seed);
  png = render_receipt_draw ((*receipt)->text, &style);
  drawn = pixReadMem (g_bytes_get_data (png, NULL), g_bytes_get_size (png));
  paper = pixConvertTo8 (drawn, 0);
  pixDestroy (&drawn);
  return paper;
}

/* A dark table of width × height, darker towards the bottom (light from
 * above), with paper laid on it at x, y. */
static PIX *
paper_on_table (PIX *paper, int width, int height, int x, int y)
{
  PIX *frame = pixCreate (width, height, 8);

  for (int row = 0; row < height; row++)
    for (int col = 0; col < width; col++)
      pixSetPixel (frame, col, row, TABLE_GREY + 40 - 40 * row / height);
  pixRasterop (frame, x, y, pixGetWidth (paper), pixGetHeight (paper), PIX_SRC, paper, 0, 0);
  return frame;
}

/* pix as a JPEG file of that quality. */
static GBytes *
as_jpeg (PIX *pix, int quality)
{
  l_uint8 *data = NULL;
  size_t size = 0;

  g_assert_cmpint (pixWriteMemJpeg (&data, &size, pix, quality, 0), ==, 0);
  return g_bytes_new_with_free_func (data, size, lept_free, data);
}

/* The frame as a phone gives it: a little blur and grain, then JPEG. */
static GBytes *
as_phone_photo (PIX *frame)
{
  PIX *blurred = pixBlockconvGray (frame, NULL, 2, 2);
  PIX *grainy = pixAddGaussianNoise (blurred, 6.0f);
  GBytes *jpeg = as_jpeg (grainy, 85);

  pixDestroy (&grainy);
  pixDestroy (&blurred);
  return jpeg;
}

static void
test_photo_on_table (void)
{
  g_autoptr(RenderedReceipt) r = NULL;
  PIX *paper = draw_paper (13, &r);
  int pw = pixGetWidth (paper), ph = pixGetHeight (paper);
  int fw = 8000, fh = 6000, x = 3500, y = (fh - ph) / 2;
  PIX *frame = paper_on_table (paper, fw, fh, x, y), *binary;
  g_autoptr(GBytes) jpeg = as_phone_photo (frame);
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariReceiptScan) scan = scan_bytes (jpeg, &error);

  g_assert_cmpint (pw * 8, <=, fw);
  g_assert_cmpint (ph, <, fh);
  g_assert_no_error (error);
  g_assert_cmpint (scan->width, ==, fw);
  /* The part read: the whole paper and a thin margin of table. */
  g_assert_cmpint (scan->paper.x, <=, x);
  g_assert_cmpint (scan->paper.y, <=, y);
  g_assert_cmpint (scan->paper.x + scan->paper.width, >=, x + pw);
  g_assert_cmpint (scan->paper.y + scan->paper.height, >=, y + ph);
  g_assert_cmpint (scan->paper.width, <=, pw * 1.15);
  g_assert_cmpint (scan->paper.height, <=, ph * 1.15);
  assert_fields (scan, r, TRUE);
  assert_boxes_inside (scan);
  binary = pixThresholdToBinary (frame, 40);
  assert_field_boxes_on_ink (scan, binary);
  pixDestroy (&binary);
  pixDestroy (&frame);
  pixDestroy (&paper);
}

/* A lamp in the photo, above the receipt, brighter and larger than it:
 * what looks like the biggest sheet of paper is blank, and the whole photo
 * is read instead. */
static void
test_lamp_above_receipt (void)
{
  g_autoptr(RenderedReceipt) r = NULL;
  PIX *paper = draw_paper (17, &r);
  int pw = pixGetWidth (paper), ph = pixGetHeight (paper);
  int fw = 3000, fh = 4000, x = (fw - pw) / 2, y = fh - ph - 300;
  int lamp_x = fw / 2, lamp_y = 750, lamp_r = 650;
  PIX *frame = paper_on_table (paper, fw, fh, x, y);
  g_autoptr(GBytes) jpeg = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariReceiptScan) scan = NULL;

  /* Larger than the paper, and clear of it. */
  g_assert_cmpint (3 * lamp_r * lamp_r, >, pw * ph);
  g_assert_cmpint (lamp_y + lamp_r, <, y);
  for (int row = lamp_y - lamp_r; row < lamp_y + lamp_r; row++)
    for (int col = lamp_x - lamp_r; col < lamp_x + lamp_r; col++)
      if ((col - lamp_x) * (col - lamp_x) + (row - lamp_y) * (row - lamp_y) < lamp_r * lamp_r)
        pixSetPixel (frame, col, row, 250);
  jpeg = as_phone_photo (frame);
  scan = scan_bytes (jpeg, &error);
  g_assert_no_error (error);
  g_assert_cmpint (scan->paper.width, ==, fw);
  g_assert_cmpint (scan->paper.height, ==, fh);
  assert_fields (scan, r, FALSE);
  pixDestroy (&frame);
  pixDestroy (&paper);
}

/* The Exif orientation is found in both byte orders, every value; a file
 * without it, or with it damaged anyhow, is taken as stored (and never
 * read past its end: every prefix and every one-byte change of a tagged
 * file is tried, under the sanitizers in CI). */
static void
test_exif_orientation (void)
{
  PIX *tiny = pixCreate (16, 8, 8);
  g_autoptr(GBytes) plain = NULL;
  gsize size;

  pixSetAllArbitrary (tiny, 200);
  plain = as_jpeg (tiny, 90);
  g_assert_cmpint (receipt_jpeg_orientation (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain)), ==, 1);
  for (guint o = 1; o <= 9; o++)
    for (int big = 0; big <= 1; big++)
      {
        g_autoptr(GBytes) tagged = render_receipt_with_exif (plain, o, big);

        g_assert_cmpint (receipt_jpeg_orientation (g_bytes_get_data (tagged, NULL), g_bytes_get_size (tagged)), ==,
                         o <= 8 ? (int) o : 1);
      }
  {
    g_autoptr(GBytes) tagged = render_receipt_with_exif (plain, 6, TRUE);
    const guint8 *data = g_bytes_get_data (tagged, &size);
    g_autofree guint8 *copy = g_memdup2 (data, size);

    for (gsize cut = 0; cut < 64; cut++)
      {
        /* A copy of just that many bytes, so that the sanitizer sees any read past them. */
        g_autofree guint8 *prefix = g_memdup2 (data, MAX (cut, 1));
        int o = receipt_jpeg_orientation (prefix, cut);

        g_assert_true (o == 1 || o == 6);
      }
    for (gsize at = 0; at < 48; at++)
      for (guint value = 0; value < 256; value += 17)
        {
          int o;

          copy[at] = (guint8) value;
          o = receipt_jpeg_orientation (copy, size);
          g_assert_cmpint (o, >=, 1);
          g_assert_cmpint (o, <=, 8);
          copy[at] = data[at];
        }
    /* A LONG where a SHORT belongs is damage. */
    copy[2 + 10 + 12 + 1] = 4;
    g_assert_cmpint (receipt_jpeg_orientation (copy, size), ==, 1);
  }
  pixDestroy (&tiny);
}

/* A phone photo stored as the sensor saw it, with the Exif orientation
 * saying how to turn it: upside down (3, which the reader's own search
 * never tries) and on its side (6). Read upright, its size the upright
 * one, the boxes on the words of the upright picture. */
static void
test_exif_turned_photo (void)
{
  const int orientations[] = { 3, 6 };

  for (guint i = 0; i < G_N_ELEMENTS (orientations); i++)
    {
      g_autoptr(RenderedReceipt) r = NULL;
      PIX *paper = draw_paper (23 + i, &r);
      /* Stored the other way round from how it is to be shown. */
      PIX *stored = pixRotateOrth (paper, orientations[i] == 3 ? 2 : 3);
      PIX *binary = pixThresholdToBinary (paper, 128);
      g_autoptr(GBytes) jpeg = as_jpeg (stored, 90);
      g_autoptr(GBytes) tagged = render_receipt_with_exif (jpeg, orientations[i], i == 0);
      g_autoptr(GError) error = NULL;
      g_autoptr(DaftariReceiptScan) scan = scan_bytes (tagged, &error);

      g_assert_no_error (error);
      g_assert_cmpint (scan->width, ==, pixGetWidth (paper));
      g_assert_cmpint (scan->height, ==, pixGetHeight (paper));
      assert_fields (scan, r, FALSE);
      assert_field_boxes_on_ink (scan, binary);
      pixDestroy (&binary);
      pixDestroy (&stored);
      pixDestroy (&paper);
    }
}

/* The scale recorded for mapping boxes back is the one the page was read
 * at, also for pages within a hair of the sizes read as they are (a page
 * 2,030 px across is read at its size, and its boxes must not be moved by
 * 1.5 %, 30 px at its right edge). */
static void
test_scale_recorded (void)
{
  const int widths[] = { 700, 985, 1000, 1015, 1990, 2000, 2030, 2500 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      PIX *page = pixCreate (widths[i], 3 * widths[i] / 2, 8);
      BOX *line = boxCreate (widths[i] / 10, widths[i] / 5, widths[i] / 2, widths[i] / 40 + 1);
      l_uint8 *data = NULL;
      size_t size = 0;
      g_autoptr(GBytes) png = NULL;
      g_autoptr(GError) error = NULL;
      ReceiptImage image;
      ReceiptPrepared prepared;

      /* White paper with one dark bar: not blank. */
      pixSetAllArbitrary (page, 255);
      pixSetInRectArbitrary (page, line, 0);
      g_assert_cmpint (pixWriteMem (&data, &size, page, IFF_PNG), ==, 0);
      png = g_bytes_new_with_free_func (data, size, lept_free, data);
      g_assert_true (receipt_image_decode (png, &image, &error));
      g_assert_true (receipt_image_prepare (&image, &prepared, &error));
      g_assert_no_error (error);
      g_assert_cmpint (pixGetWidth (prepared.grey), ==, (int) lround (widths[i] * prepared.transform.scale));
      receipt_prepared_clear (&prepared);
      receipt_image_clear (&image);
      boxDestroy (&line);
      pixDestroy (&page);
    }
}

static char *
merchant_of (GArray *words)
{
  g_autoptr(DaftariReceiptFields) f = daftari_receipt_extract ((const DaftariReceiptWord *) (gpointer) words->data,
                                                               words->len);

  return daftari_receipt_normalise_company (f->field[DAFTARI_RECEIPT_MERCHANT].value != NULL
                                            ? f->field[DAFTARI_RECEIPT_MERCHANT].value : "");
}

/* A receipt printed tiny and faded (9-pixel letters on a 1,000-pixel
 * scan): the reading of the whole page gets the name wrong, the header read
 * again on its own, enlarged, gets it right, and that is the name the scan
 * gives; the re-read words keep boxes on the file's image. */
static void
test_reread_header (void)
{
  g_autoptr(RenderedReceipt) r = render_receipt_new (11);
  RenderStyle style = { .font = "DejaVu Sans Mono", .small = "", .small_size = 9, .small_grey = 0.4 };
  g_autoptr(GBytes) bytes = render_receipt_draw (r->text, &style);
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariReceiptScan) scan = scan_bytes (bytes, &error);
  g_autofree char *expected = daftari_receipt_normalise_company (r->merchant);
  g_autofree char *first = NULL, *again = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (scan->reread_words);
  first = merchant_of (scan->words);
  again = merchant_of (scan->reread_words);
  g_test_message ("merchant %s: whole page \"%s\", re-read \"%s\"", expected, first, again);
  g_assert_cmpstr (first, !=, expected);
  g_assert_cmpstr (again, ==, expected);
  assert_same_company (scan->fields->field[DAFTARI_RECEIPT_MERCHANT].value, r->merchant);
  g_assert_cmpint (scan->fields->total, ==, r->total);
  g_assert_cmpint (scan->fields->date, ==, r->date);
  for (guint i = 0; i < scan->reread_words->len; i++)
    {
      const DaftariReceiptBox *b = &g_array_index (scan->reread_words, DaftariReceiptWord, i).box;

      g_assert_cmpint (b->x, >=, 0);
      g_assert_cmpint (b->y, >=, 0);
      g_assert_cmpint (b->x + b->width, <=, scan->width);
      g_assert_cmpint (b->y + b->height, <=, scan->height);
    }
}

/* A receipt without a readable date: the line with what may be a damaged
 * one ("80092018") is read again in more ways for the vote on its digits
 * (docs/receipts.md), the new words keep boxes on the file's image, and
 * readings that agree it is no date make none up. A receipt with a sure
 * date is not read again. */
static void
test_date_readings (void)
{
  const char *text = "DUKA LA JUMA LTD\nTAX INVOICE\n80092018 No CS-20322\nSUGAR 1KG       100.00\n"
                     "TOTAL           100.00\nCASH            200.00\nCHANGE          100.00\n";
  RenderStyle style = { .font = "DejaVu Sans Mono" };
  g_autoptr(GBytes) bytes = render_receipt_draw (text, &style);
  g_autoptr(RenderedReceipt) r = render_receipt_new (5);
  g_autoptr(GBytes) dated = render_receipt_draw (r->text, &style);
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariReceiptScan) scan = scan_bytes (bytes, &error);
  g_autoptr(DaftariReceiptScan) sure = NULL;

  g_assert_no_error (error);
  g_assert_null (scan->fields->field[DAFTARI_RECEIPT_DATE].value);
  g_assert_nonnull (scan->date_readings);
  if (daftari_receipt_reader_get_second_model (reader) != NULL)
    g_assert_cmpuint (scan->date_readings->len, >=, 1);
  for (guint i = 0; i < scan->date_readings->len; i++)
    {
      GArray *words = g_ptr_array_index (scan->date_readings, i);
      gboolean digits = FALSE;

      for (guint j = 0; j < words->len; j++)
        {
          const DaftariReceiptWord *w = &g_array_index (words, DaftariReceiptWord, j);

          g_assert_cmpint (w->box.x + w->box.width, <=, scan->width);
          g_assert_cmpint (w->box.y + w->box.height, <=, scan->height);
          digits = digits || strstr (w->text, "2018") != NULL;
        }
      g_assert_true (digits);
    }
  sure = scan_bytes (dated, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sure->fields->date, ==, r->date);
  if (sure->fields->field[DAFTARI_RECEIPT_DATE].confidence >= DAFTARI_RECEIPT_CONFIDENT)
    g_assert_null (sure->date_readings);
}

/* A 60-megapixel photo is decoded already shrunk, and still read. */
static void
test_huge_photo (void)
{
  g_autoptr(RenderedReceipt) r = render_receipt_new (11);
  RenderStyle style = { .font = "DejaVu Sans" };
  g_autoptr(GBytes) png = render_receipt_draw (r->text, &style);
  PIX *small = pixReadMem (g_bytes_get_data (png, NULL), g_bytes_get_size (png));
  PIX *grey = pixConvertTo8 (small, 0);
  double factor = sqrt (61e6 / ((double) pixGetWidth (grey) * pixGetHeight (grey)));
  PIX *huge = pixScaleGrayLI (grey, (float) factor, (float) factor);
  g_autoptr(GBytes) jpeg = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariReceiptScan) scan = NULL;

  g_assert_cmpint ((gint64) pixGetWidth (huge) * pixGetHeight (huge), >=, 60000000);
  jpeg = as_jpeg (huge, 80);
  scan = scan_bytes (jpeg, &error);
  g_assert_no_error (error);
  g_assert_cmpint (scan->width, ==, pixGetWidth (huge));
  g_assert_cmpint (scan->height, ==, pixGetHeight (huge));
  /* All paper: read whole. */
  g_assert_cmpint (scan->paper.x, ==, 0);
  g_assert_cmpint (scan->paper.y, ==, 0);
  g_assert_cmpint (scan->paper.width, ==, scan->width);
  g_assert_cmpint (scan->paper.height, ==, scan->height);
  g_assert_cmpint (scan->fields->total, ==, r->total);
  assert_boxes_inside (scan);
  pixDestroy (&small);
  pixDestroy (&grey);
  pixDestroy (&huge);
}

static void
assert_refused (GBytes *bytes, int code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariReceiptScan) scan = scan_bytes (bytes, &error);

  g_assert_null (scan);
  g_assert_error (error, DAFTARI_RECEIPT_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_cmpuint (strlen (error->message), >, 20);
}

static void
test_bad_files (void)
{
  static const char no_pages[] =
    "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n"
    "trailer <</Root 1 0 R>>\n%%EOF\n";
  RenderStyle blank_style = { .font = "DejaVu Sans" };
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) text = g_bytes_new_static ("TOTAL 12.00 this is not an image at all\n", 40);
  g_autoptr(GBytes) corrupt_pdf = g_bytes_new_static ("%PDF-1.7\n\x01\x02 garbage garbage", 27);
  g_autoptr(GBytes) pdf_no_pages = g_bytes_new_static (no_pages, sizeof no_pages - 1);
  g_autoptr(GBytes) blank = render_receipt_draw ("", &blank_style);
  g_autoptr(GBytes) truncated = NULL;
  g_autoptr(GBytes) png = render_receipt_draw ("SHOP\nTOTAL 1.00\n", &blank_style);

  assert_refused (empty, DAFTARI_RECEIPT_ERROR_EMPTY);
  assert_refused (text, DAFTARI_RECEIPT_ERROR_NOT_AN_IMAGE);
  assert_refused (corrupt_pdf, DAFTARI_RECEIPT_ERROR_BAD_PDF);
  assert_refused (pdf_no_pages, DAFTARI_RECEIPT_ERROR_BAD_PDF);
  assert_refused (blank, DAFTARI_RECEIPT_ERROR_BLANK);
  /* Half a PNG: refused one way or another, never a crash. */
  truncated = g_bytes_new_from_bytes (png, 0, g_bytes_get_size (png) / 2);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DaftariReceiptScan) scan = scan_bytes (truncated, &error);

    g_assert_true (scan == NULL || scan->fields != NULL);
    g_assert_true ((scan == NULL) == (error != NULL));
  }
}

/* Where Tesseract's data is: TESSDATA_PREFIX, else where Debian and the
 * Flatpak put it; NULL when not found. */
static char *
find_tessdata (void)
{
  const char *const places[] = { g_getenv ("TESSDATA_PREFIX"),          "/usr/share/tesseract-ocr/5/tessdata",
                                 "/usr/share/tesseract-ocr/4.00/tessdata", "/usr/share/tessdata",
                                 "/app/share/tessdata" };

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      g_autofree char *eng = places[i] != NULL ? g_build_filename (places[i], "eng.traineddata", NULL) : NULL;

      if (eng != NULL && g_file_test (eng, G_FILE_TEST_EXISTS))
        return g_strdup (places[i]);
    }
  return NULL;
}

/* The second model: when it is installed a scan reads the header and the
 * date line with it too and says so; without it (a data folder holding
 * English alone) the reader reads the receipt as before and says that it
 * had no second opinion. */
static void
test_second_model (void)
{
  g_autoptr(RenderedReceipt) r = render_receipt_new (2);
  RenderStyle style = { .font = "DejaVu Serif" };
  g_autoptr(GBytes) bytes = render_receipt_draw (r->text, &style);
  const char *model = daftari_receipt_reader_get_second_model (reader);
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariReceiptScan) scan = scan_bytes (bytes, &error);
  g_autoptr(DaftariReceiptReader) alone = NULL;
  g_autoptr(DaftariReceiptScan) plain = NULL;
  g_autofree char *tessdata = find_tessdata ();
  g_autofree char *dir = NULL, *from = NULL, *link = NULL, *saved = g_strdup (g_getenv ("TESSDATA_PREFIX"));

  g_assert_no_error (error);
  assert_fields (scan, r, TRUE);
  if (model == NULL)
    {
      g_test_message ("Latin.traineddata is not installed: no second opinion to test");
      g_assert_null (scan->second_model);
      g_assert_null (scan->latin_words);
    }
  else
    {
      g_assert_cmpstr (model, ==, "Latin");
      g_assert_cmpstr (scan->second_model, ==, "Latin");
      g_assert_nonnull (scan->latin_words);
      g_assert_cmpuint (scan->latin_words->len, >, 0);
      for (guint i = 0; i < scan->latin_words->len; i++)
        {
          const DaftariReceiptBox *b = &g_array_index (scan->latin_words, DaftariReceiptWord, i).box;

          g_assert_cmpint (b->x + b->width, <=, scan->width);
          g_assert_cmpint (b->y + b->height, <=, scan->height);
        }
    }
  if (tessdata == NULL)
    {
      g_test_message ("Tesseract's data folder not found: reading without the second model not tested");
      return;
    }
  dir = g_dir_make_tmp ("daftari-tessdata-XXXXXX", &error);
  g_assert_no_error (error);
  from = g_build_filename (tessdata, "eng.traineddata", NULL);
  link = g_build_filename (dir, "eng.traineddata", NULL);
  g_assert_cmpint (symlink (from, link), ==, 0);
  g_setenv ("TESSDATA_PREFIX", dir, TRUE);
  alone = daftari_receipt_reader_new (&error);
  if (saved != NULL)
    g_setenv ("TESSDATA_PREFIX", saved, TRUE);
  else
    g_unsetenv ("TESSDATA_PREFIX");
  g_assert_no_error (error);
  g_assert_null (daftari_receipt_reader_get_second_model (alone));
  plain = daftari_receipt_reader_scan_bytes (alone, bytes, NULL, NULL, NULL, &error);
  g_unlink (link);
  g_rmdir (dir);
  g_assert_no_error (error);
  g_assert_null (plain->second_model);
  g_assert_null (plain->latin_words);
  g_assert_null (plain->latin_date_words);
  g_assert_cmpstr (plain->languages, ==, "eng");
  assert_fields (plain, r, TRUE);
}

static void
test_languages (void)
{
  const char *languages = daftari_receipt_reader_get_languages (reader);

  g_assert_true (g_str_equal (languages, "eng") || g_str_equal (languages, "eng+swa"));
}

static void
test_cancel (void)
{
  g_autoptr(RenderedReceipt) r = render_receipt_new (3);
  RenderStyle style = { .font = "DejaVu Sans Mono" };
  g_autoptr(GBytes) bytes = render_receipt_draw (r->text, &style);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariReceiptScan) scan = NULL;

  g_cancellable_cancel (cancellable);
  scan = daftari_receipt_reader_scan_bytes (reader, bytes, cancellable, NULL, NULL, &error);
  g_assert_null (scan);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int argc, char **argv)
{
  static const Case cases[] = {
    { 1, { .font = "DejaVu Sans Mono" }, TRUE },
    { 2, { .font = "DejaVu Serif" }, TRUE },
    { 4, { .font = "DejaVu Sans", .skew = 1.5, .noise = TRUE }, FALSE },
    { 5, { .font = "Nimbus Sans", .quads = 3 }, FALSE },
    { 6, { .font = "DejaVu Sans Mono", .pdf = TRUE }, TRUE },
    { 8, { .font = "DejaVu Serif", .quads = 1, .skew = 1.0 }, FALSE },
  };
  static const char *const names[] = { "mono", "serif", "skewed-noisy", "rotated", "pdf", "rotated-skewed" };
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  reader = daftari_receipt_reader_new (&error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/receipt/read/%s", names[i]);
      g_test_add_data_func (path, &cases[i], test_rendered);
    }
  g_test_add_func ("/receipt/read/rotated-boxes", test_rotated_boxes);
  g_test_add_func ("/receipt/read/skewed-boxes", test_skewed_boxes);
  g_test_add_func ("/receipt/read/reread-header", test_reread_header);
  g_test_add_func ("/receipt/read/huge-photo", test_huge_photo);
  g_test_add_func ("/receipt/read/photo-on-table", test_photo_on_table);
  g_test_add_func ("/receipt/read/lamp-above-receipt", test_lamp_above_receipt);
  g_test_add_func ("/receipt/read/scale-recorded", test_scale_recorded);
  g_test_add_func ("/receipt/read/exif-orientation", test_exif_orientation);
  g_test_add_func ("/receipt/read/exif-turned-photo", test_exif_turned_photo);
  g_test_add_func ("/receipt/read/bad-files", test_bad_files);
  g_test_add_func ("/receipt/read/languages", test_languages);
  g_test_add_func ("/receipt/read/second-model", test_second_model);
  g_test_add_func ("/receipt/read/date-readings", test_date_readings);
  g_test_add_func ("/receipt/read/cancel", test_cancel);
  status = g_test_run ();
  g_object_unref (reader);
  return status;
}
