/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Charts checked by what they draw: the SVG's shapes and colours, pixels of
 * the PNG, the words of the PDF, and hit testing against the same shapes. */
#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>

#include "chart-svg.h"
#include "daftari-core.h"

#define W 1280
#define H 720
/* Okabe–Ito, as docs/charts.md lists them. */
#define BLUE       0x0072B2
#define SKY_BLUE   0x56B4E9
#define ORANGE     0xE69F00
#define VERMILLION 0xD55E00
#define LIGHT_TEXT 0x1E1E1E
#define DARK_TEXT  0xFFFFFF

static char *work_dir;

static gint64
kes (double shillings)
{
  return llround (shillings * 100);
}

static DaftariChart *
bars_chart (void)
{
  DaftariChart *chart = daftari_chart_new (DAFTARI_CHART_BARS, NULL);

  daftari_chart_set_title (chart, "Income and expense");
  daftari_chart_add_month (chart, 202501, kes (100000), kes (50000));
  daftari_chart_add_month (chart, 202502, kes (200000), kes (150000));
  daftari_chart_add_month (chart, 202503, kes (50000), kes (12345.67));
  return chart;
}

static int
by_left (gconstpointer a, gconstpointer b)
{
  const SvgPath *x = a, *y = b;

  return x->left < y->left ? -1 : x->left > y->left;
}

/* The bars of one colour, left to right, without the legend's swatch: the
 * one small square among them. */
static GArray *
bars_of (const SvgChart *svg, guint32 colour)
{
  g_autoptr(GArray) fills = svg_chart_fills (svg, colour);
  GArray *bars = g_array_new (FALSE, FALSE, sizeof (SvgPath));
  guint swatches = 0;

  for (guint i = 0; i < fills->len; i++)
    {
      const SvgPath *p = &g_array_index (fills, SvgPath, i);
      double w = p->right - p->left, h = p->bottom - p->top;

      if (fabs (w - h) < 0.01 && w <= 16)
        swatches++;
      else
        g_array_append_val (bars, *p);
    }
  g_assert_cmpuint (swatches, ==, 1);
  g_array_sort (bars, by_left);
  return bars;
}

static void
test_bars_geometry (void)
{
  g_autoptr(DaftariChart) chart = bars_chart ();
  g_autoptr(SvgChart) svg = svg_chart_render (chart, W, H, DAFTARI_CHART_THEME_LIGHT);
  g_autoptr(GArray) income = bars_of (svg, BLUE);
  g_autoptr(GArray) expense = bars_of (svg, ORANGE);
  const SvgPath *jan = &g_array_index (income, SvgPath, 0), *feb = &g_array_index (income, SvgPath, 1);
  double jan_h = jan->bottom - jan->top, feb_h = feb->bottom - feb->top;

  g_assert_cmpuint (income->len, ==, 3);
  g_assert_cmpuint (expense->len, ==, 3);
  /* Twice the income, twice the height, from the same baseline. */
  g_assert_cmpfloat (jan_h, >, 50);
  g_assert_cmpfloat_with_epsilon (feb_h / jan_h, 2.0, 0.01);
  g_assert_cmpfloat_with_epsilon (jan->bottom, feb->bottom, 0.01);
  for (guint i = 0; i < 3; i++)
    {
      const SvgPath *in = &g_array_index (income, SvgPath, i), *out = &g_array_index (expense, SvgPath, i);
      /* Each month's expense stands right of its income, before the next month. */
      g_assert_cmpfloat (out->left, >, in->right);
      if (i + 1 < 3)
        g_assert_cmpfloat (out->right, <, g_array_index (income, SvgPath, i + 1).left);
      g_assert_cmpfloat_with_epsilon (out->bottom, in->bottom, 0.01);
    }
  /* Expense of February (150,000) against income of January (100,000). */
  g_assert_cmpfloat_with_epsilon ((g_array_index (expense, SvgPath, 1).bottom - g_array_index (expense, SvgPath, 1).top)
                                  / jan_h, 1.5, 0.01);
}

static void
test_bars_hit (void)
{
  g_autoptr(DaftariChart) chart = bars_chart ();
  g_autoptr(SvgChart) svg = svg_chart_render (chart, W, H, DAFTARI_CHART_THEME_LIGHT);
  g_autoptr(GArray) expense = bars_of (svg, ORANGE);
  const SvgPath *mar = &g_array_index (expense, SvgPath, 2);
  g_autoptr(DaftariChartItem) item = daftari_chart_hit (chart, W, H, (mar->left + mar->right) / 2,
                                                        (mar->top + mar->bottom) / 2);
  g_autoptr(DaftariChartItem) above = daftari_chart_hit (chart, W, H, (mar->left + mar->right) / 2, mar->top - 5);
  g_autoptr(DaftariChartItem) corner = daftari_chart_hit (chart, W, H, W - 2, H - 2);

  g_assert_nonnull (item);
  g_assert_cmpint (item->kind, ==, DAFTARI_CHART_ITEM_EXPENSE);
  g_assert_cmpint (item->id, ==, 202503);
  g_assert_cmpint (item->value, ==, 1234567);
  g_assert_nonnull (strstr (item->text, "KES 12,345.67"));
  g_assert_nonnull (strstr (item->text, "Mar 2025"));
  g_assert_null (above);
  g_assert_null (corner);

  /* Every item's bounds lead back to it. */
  g_assert_cmpuint (daftari_chart_get_n_items (chart), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(DaftariChartItem) it = daftari_chart_get_item (chart, W, H, i);
      g_autoptr(DaftariChartItem) back = daftari_chart_hit (chart, W, H, it->x + it->width / 2,
                                                            it->y + it->height / 2);
      g_assert_nonnull (back);
      g_assert_cmpuint (back->index, ==, i);
    }
  g_assert_null (daftari_chart_get_item (chart, W, H, 6));
}

static guint32
png_pixel (cairo_surface_t *surface, int x, int y)
{
  const guint8 *row = cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface);

  return ((const guint32 *) (const void *) row)[x] & 0xFFFFFF;  /* ARGB32, opaque */
}

static cairo_surface_t *
render_png (DaftariChart *chart, DaftariChartTheme theme)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (work_dir, "chart.png", NULL);
  cairo_surface_t *surface;

  g_assert_true (daftari_chart_export (chart, path, W, H, theme, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, W);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, H);
  g_unlink (path);
  return surface;
}

static void
test_png_pixels (void)
{
  g_autoptr(DaftariChart) chart = bars_chart ();
  g_autoptr(SvgChart) svg = svg_chart_render (chart, W, H, DAFTARI_CHART_THEME_LIGHT);
  g_autoptr(GArray) income = bars_of (svg, BLUE);
  g_autoptr(GArray) expense = bars_of (svg, ORANGE);
  const SvgPath *feb_in = &g_array_index (income, SvgPath, 1), *feb_out = &g_array_index (expense, SvgPath, 1);
  cairo_surface_t *light = render_png (chart, DAFTARI_CHART_THEME_LIGHT);
  cairo_surface_t *dark = render_png (chart, DAFTARI_CHART_THEME_DARK);
  int x = (int) ((feb_in->left + feb_in->right) / 2), y = (int) ((feb_in->top + feb_in->bottom) / 2);

  g_assert_cmphex (png_pixel (light, x, y), ==, BLUE);
  g_assert_cmphex (png_pixel (light, (int) ((feb_out->left + feb_out->right) / 2), y), ==, ORANGE);
  /* Above the bar, between grid lines: the background. */
  g_assert_cmphex (png_pixel (light, x, (int) feb_in->top - 3), ==, 0xFFFFFF);
  g_assert_cmphex (png_pixel (light, W - 3, 3), ==, 0xFFFFFF);
  /* Dark: a dark background, the income in sky blue for contrast. */
  g_assert_cmphex (png_pixel (dark, W - 3, 3), ==, 0x1E1E1E);
  g_assert_cmphex (png_pixel (dark, x, y), ==, SKY_BLUE);
  cairo_surface_destroy (light);
  cairo_surface_destroy (dark);
}

/* The words a PDF export shows, read back with poppler. */
static char *
pdf_text (DaftariChart *chart)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (work_dir, "chart.pdf", NULL);
  g_autofree char *uri = NULL;
  PopplerDocument *document;
  PopplerPage *page;
  char *text;

  g_assert_true (daftari_chart_export (chart, path, W, H, DAFTARI_CHART_THEME_LIGHT, &error));
  g_assert_no_error (error);
  uri = g_filename_to_uri (path, NULL, &error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  page = poppler_document_get_page (document, 0);
  text = poppler_page_get_text (page);
  g_object_unref (page);
  g_object_unref (document);
  g_unlink (path);
  return text;
}

static void
test_axis_labels_drawn (void)
{
  g_autoptr(DaftariChart) chart = bars_chart ();
  g_autoptr(DaftariChart) small = daftari_chart_new (DAFTARI_CHART_BARS, NULL);
  g_autoptr(DaftariChart) big = daftari_chart_new (DAFTARI_CHART_BARS, NULL);
  g_autofree char *text = pdf_text (chart);
  g_autofree char *small_text = NULL, *big_text = NULL;

  /* 0 .. 200,000 in steps of 20,000. */
  for (const char *const *s = (const char *const[]) { "Income and expense", "Income", "Expense", "KES",
                                                       "20K", "100K", "200K", "Jan", "Feb", "Mar", "2025", NULL };
       *s != NULL; s++)
    if (strstr (text, *s) == NULL)
      g_error ("“%s” is not drawn; the PDF says:\n%s", *s, text);
  g_assert_null (strstr (text, "200,000"));

  daftari_chart_add_month (small, 202412, kes (7500), kes (3000));
  daftari_chart_add_month (small, 202501, kes (8000), kes (2000));
  small_text = pdf_text (small);
  g_assert_nonnull (strstr (small_text, "8,000"));
  g_assert_nonnull (strstr (small_text, "2024"));
  g_assert_null (strstr (small_text, "8K"));

  daftari_chart_add_month (big, 202501, kes (1500000), kes (400000));
  big_text = pdf_text (big);
  /* 0 .. 1.6M in steps of 0.2M: one decimal on every label. */
  if (strstr (big_text, "0.2M") == NULL || strstr (big_text, "1.0M") == NULL || strstr (big_text, "1.6M") == NULL)
    g_error ("the axis of millions is not as expected:\n%s", big_text);
}

static void
test_tick_format (void)
{
  static const struct { double value, step, max; const char *text; } cases[] = {
    { 0, 2000, 12000, "0" },
    { 4000, 2000, 12000, "4K" },
    { 12000, 2000, 12000, "12K" },
    { 2500, 500, 5000, "2,500" },
    { 1200, 200, 1200, "1,200" },
    { 1000000, 500000, 1500000, "1.0M" },
    { 1500000, 500000, 1500000, "1.5M" },
    { -1500000, 500000, 1500000, "−1.5M" },
    { 1250, 50, 1250, "1,250" },
    { 0.5, 0.1, 0.5, "0.5" },
    { 2e9, 1e9, 3e9, "2B" },
    { 1.2e12, 2e11, 1.2e12, "1,200B" },
    { 15000, 5000, 1e6, "0.015M" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = daftari_chart_format_tick (cases[i].value, cases[i].step, cases[i].max);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
  g_assert_cmpfloat (daftari_chart_nice_step (1000, 5), ==, 200);
  g_assert_cmpfloat (daftari_chart_nice_step (1234, 5), ==, 500);
  g_assert_cmpfloat (daftari_chart_nice_step (7, 5), ==, 2);
  g_assert_cmpfloat_with_epsilon (daftari_chart_nice_step (0.3, 3), 0.1, 1e-12);
  g_assert_cmpfloat (daftari_chart_nice_step (200000, 10), ==, 20000);
  g_assert_cmpfloat (daftari_chart_nice_step (2000001, 10), ==, 500000);
}

static DaftariChart *
donut_chart (void)
{
  DaftariChart *chart = daftari_chart_new (DAFTARI_CHART_CATEGORIES, NULL);

  /* 50%, 30%, 15%, 3% keep their slices; the two of 1% become Other. */
  daftari_chart_add_slice (chart, 11, "Stock", kes (30000));
  daftari_chart_add_slice (chart, 12, "Rent", kes (50000));
  daftari_chart_add_slice (chart, 13, "Transport", kes (15000));
  daftari_chart_add_slice (chart, 14, "Airtime", kes (3000));
  daftari_chart_add_slice (chart, 15, "Water", kes (1000));
  daftari_chart_add_slice (chart, 16, "Charges", kes (1000));
  daftari_chart_add_slice (chart, 17, "Refunds", kes (-500));   /* left out */
  return chart;
}

/* The donut's slices: the filled paths with arcs in them. */
static GArray *
donut_wedges (const SvgChart *svg)
{
  GArray *wedges = g_array_new (FALSE, FALSE, sizeof (SvgPath));

  for (guint i = 0; i < svg->paths->len; i++)
    {
      const SvgPath *p = &g_array_index (svg->paths, SvgPath, i);
      if (p->n_curves > 0 && p->fill != G_MAXUINT32 && !p->stroked)
        g_array_append_val (wedges, *p);
    }
  return wedges;
}

/* The circle through the slices' first points (all on the outer edge). */
static void
donut_circle (GArray *wedges, double *cx, double *cy, double *r)
{
  const SvgPath *a = &g_array_index (wedges, SvgPath, 0), *b = &g_array_index (wedges, SvgPath, 1);
  const SvgPath *c = &g_array_index (wedges, SvgPath, 2);
  double d = 2 * (a->x0 * (b->y0 - c->y0) + b->x0 * (c->y0 - a->y0) + c->x0 * (a->y0 - b->y0));
  double a2 = a->x0 * a->x0 + a->y0 * a->y0, b2 = b->x0 * b->x0 + b->y0 * b->y0;
  double c2 = c->x0 * c->x0 + c->y0 * c->y0;

  g_assert_cmpfloat (fabs (d), >, 1e-6);
  *cx = (a2 * (b->y0 - c->y0) + b2 * (c->y0 - a->y0) + c2 * (a->y0 - b->y0)) / d;
  *cy = (a2 * (c->x0 - b->x0) + b2 * (a->x0 - c->x0) + c2 * (b->x0 - a->x0)) / d;
  *r = hypot (a->x0 - *cx, a->y0 - *cy);
}

static double
angle_of (double x, double y, double cx, double cy)
{
  return atan2 (y - cy, x - cx);
}

static void
test_donut_angles (void)
{
  static const double shares[] = { 0.50, 0.30, 0.15, 0.03, 0.02 };
  g_autoptr(DaftariChart) chart = donut_chart ();
  g_autoptr(SvgChart) svg = svg_chart_render (chart, W, H, DAFTARI_CHART_THEME_LIGHT);
  g_autoptr(GArray) wedges = donut_wedges (svg);
  double cx, cy, r;

  g_assert_cmpuint (wedges->len, ==, G_N_ELEMENTS (shares));
  donut_circle (wedges, &cx, &cy, &r);
  g_assert_cmpfloat (r, >, 200);
  for (guint i = 0; i < wedges->len; i++)
    {
      const SvgPath *p = &g_array_index (wedges, SvgPath, i);
      /* One ring: every slice from the same outer edge to the same inner one. */
      g_assert_cmpfloat_with_epsilon (hypot (p->x0 - cx, p->y0 - cy), r, 0.5);
      g_assert_cmpfloat_with_epsilon (hypot (p->x1 - cx, p->y1 - cy), 0.58 * r, 0.5);
    }
  for (guint i = 0; i < wedges->len; i++)
    {
      const SvgPath *p = &g_array_index (wedges, SvgPath, i);
      /* Starts on the outer edge at its first angle, crosses to the inner
       * edge at its last: the sweep between them is the share. */
      double sweep = angle_of (p->x1, p->y1, cx, cy) - angle_of (p->x0, p->y0, cx, cy);
      while (sweep < 0)
        sweep += 2 * G_PI;
      g_assert_cmpfloat_with_epsilon (sweep, 2 * G_PI * shares[i], 0.005);
    }
  /* Largest first, clockwise from twelve o'clock, distinct colours. */
  g_assert_cmpfloat_with_epsilon (g_array_index (wedges, SvgPath, 0).x0, cx, 0.5);
  g_assert_cmphex (g_array_index (wedges, SvgPath, 0).fill, ==, BLUE);
  for (guint i = 0; i < wedges->len; i++)
    for (guint j = i + 1; j < wedges->len; j++)
      g_assert_cmphex (g_array_index (wedges, SvgPath, i).fill, !=, g_array_index (wedges, SvgPath, j).fill);
}

static void
test_donut_hit (void)
{
  g_autoptr(DaftariChart) chart = donut_chart ();
  g_autoptr(DaftariChartItem) rent = daftari_chart_get_item (chart, W, H, 0);
  g_autoptr(DaftariChartItem) other = daftari_chart_get_item (chart, W, H, 4);
  g_autoptr(DaftariChartItem) hit_rent = NULL, hit_other = NULL, hole = NULL;

  g_assert_cmpuint (daftari_chart_get_n_items (chart), ==, 5);
  g_assert_cmpint (rent->kind, ==, DAFTARI_CHART_ITEM_SLICE);
  g_assert_cmpint (rent->id, ==, 12);
  g_assert_cmpint (rent->value, ==, kes (50000));
  g_assert_cmpstr (rent->text, ==, "Rent: KES 50,000.00 (50.0%)");
  g_assert_cmpint (other->kind, ==, DAFTARI_CHART_ITEM_OTHER);
  g_assert_cmpint (other->id, ==, 0);
  g_assert_cmpint (other->value, ==, kes (2000));
  g_assert_nonnull (strstr (other->text, "2 categories"));

  hit_rent = daftari_chart_hit (chart, W, H, rent->x + rent->width / 2, rent->y + rent->height / 2);
  hit_other = daftari_chart_hit (chart, W, H, other->x + other->width / 2, other->y + other->height / 2);
  g_assert_cmpint (hit_rent->id, ==, 12);
  g_assert_cmpint (hit_other->kind, ==, DAFTARI_CHART_ITEM_OTHER);
  /* The hole in the middle, and outside the ring, are nothing. */
  {
    g_autoptr(SvgChart) svg = svg_chart_render (chart, W, H, DAFTARI_CHART_THEME_LIGHT);
    g_autoptr(GArray) wedges = donut_wedges (svg);
    double cx, cy, outer;

    donut_circle (wedges, &cx, &cy, &outer);
    hole = daftari_chart_hit (chart, W, H, cx, cy);
    g_assert_null (hole);
    hole = daftari_chart_hit (chart, W, H, cx + outer * 0.9, cy);   /* in the ring, at 3 o'clock */
    g_assert_nonnull (hole);
    g_clear_pointer (&hole, daftari_chart_item_free);
    hole = daftari_chart_hit (chart, W, H, cx + outer * 0.75, cy + outer * 0.75);  /* outside, diagonally */
  }
  g_assert_null (hole);
}

/* Asserts a table row's cells, given as a NULL-terminated list. */
static void
assert_row (GPtrArray *rows, guint index, const char *first, ...)
{
  char **row = g_ptr_array_index (rows, index);
  const char *cell = first;
  va_list ap;
  guint i = 0;

  va_start (ap, first);
  for (; cell != NULL; cell = va_arg (ap, const char *), i++)
    {
      g_assert_nonnull (row[i]);
      g_assert_cmpstr (row[i], ==, cell);
    }
  va_end (ap);
  g_assert_null (row[i]);
}

static DaftariChart *
budget_chart (void)
{
  DaftariChart *chart = daftari_chart_new (DAFTARI_CHART_BUDGET, NULL);

  daftari_chart_add_budget (chart, 21, "Stock", kes (10000), kes (5000));
  daftari_chart_add_budget (chart, 22, "Rent", kes (10000), kes (12000));
  daftari_chart_add_budget (chart, 23, "Transport", kes (20000), kes (20000));
  return chart;
}

static void
test_budget (void)
{
  g_autoptr(DaftariChart) chart = budget_chart ();
  g_autoptr(SvgChart) svg = svg_chart_render (chart, W, H, DAFTARI_CHART_THEME_LIGHT);
  g_autoptr(GArray) within = bars_of (svg, BLUE);
  g_autoptr(GArray) over = bars_of (svg, VERMILLION);
  g_autoptr(GArray) markers = svg_chart_fills (svg, LIGHT_TEXT);
  const SvgPath *stock, *transport, *rent;
  g_autoptr(DaftariChartItem) item = NULL;
  g_autoptr(DaftariChartTable) table = daftari_chart_table (chart);
  g_autofree char *description = daftari_chart_describe (chart);
  guint n_markers = 0;

  g_assert_cmpuint (within->len, ==, 2);
  g_assert_cmpuint (over->len, ==, 1);
  stock = &g_array_index (within, SvgPath, 0);
  transport = &g_array_index (within, SvgPath, 1);
  if (stock->top > transport->top)
    {
      const SvgPath *t = stock;
      stock = transport, transport = t;
    }
  rent = &g_array_index (over, SvgPath, 0);
  /* Rows in order, bars from one left edge, widths in proportion. */
  g_assert_cmpfloat (stock->top, <, rent->top);
  g_assert_cmpfloat (rent->top, <, transport->top);
  g_assert_cmpfloat_with_epsilon (stock->left, rent->left, 0.01);
  g_assert_cmpfloat_with_epsilon ((transport->right - transport->left) / (stock->right - stock->left), 4.0, 0.01);
  g_assert_cmpfloat_with_epsilon ((rent->right - rent->left) / (stock->right - stock->left), 2.4, 0.01);
  /* A budget marker per row, taller than the bar: Rent's at 10,000 sits
   * inside its bar, at 10/12 of its length. */
  for (guint i = 0; i < markers->len; i++)
    {
      const SvgPath *m = &g_array_index (markers, SvgPath, i);
      double mx = (m->left + m->right) / 2;
      if (m->right - m->left <= 4 && m->top < rent->top && m->bottom > rent->bottom &&
          fabs (mx - (rent->left + (rent->right - rent->left) * 10 / 12)) < 1)
        n_markers++;
    }
  g_assert_cmpuint (n_markers, ==, 1);

  item = daftari_chart_hit (chart, W, H, (rent->left + rent->right) / 2, (rent->top + rent->bottom) / 2);
  g_assert_nonnull (item);
  g_assert_cmpint (item->kind, ==, DAFTARI_CHART_ITEM_BUDGET);
  g_assert_cmpint (item->id, ==, 22);
  g_assert_cmpint (item->value, ==, kes (12000));
  g_assert_cmpint (item->reference, ==, kes (10000));
  g_assert_cmpstr (item->text, ==, "Rent: KES 12,000.00 spent of KES 10,000.00 (120%)");

  g_assert_cmpuint (table->rows->len, ==, 3);
  assert_row (table->rows, 1, "Rent", "KES 10,000.00", "KES 12,000.00", "-KES 2,000.00", "120%", NULL);
  g_assert_nonnull (strstr (description, "Over budget: Rent (KES 12,000.00 of KES 10,000.00)"));
  g_assert_null (strstr (description, "Stock ("));
}

static DaftariChart *
balance_chart (void)
{
  DaftariChart *chart = daftari_chart_new (DAFTARI_CHART_BALANCE, NULL);

  for (int d = 1; d <= 31; d++)
    daftari_chart_add_balance (chart, 20250300 + d, kes (10000 + 500 * d));
  daftari_chart_add_forecast (chart, 20250430, kes (30000), kes (26000), kes (34000), kes (23000), kes (37000));
  daftari_chart_add_forecast (chart, 20250531, kes (32000), kes (25000), kes (39000), kes (20000), kes (44000));
  return chart;
}

static void
test_balance (void)
{
  g_autoptr(DaftariChart) chart = balance_chart ();
  g_autoptr(SvgChart) svg = svg_chart_render (chart, W, H, DAFTARI_CHART_THEME_LIGHT);
  g_autoptr(GArray) fills = svg_chart_fills (svg, BLUE);
  g_autoptr(DaftariChartItem) mid = daftari_chart_get_item (chart, W, H, 14);
  g_autoptr(DaftariChartItem) last_forecast = daftari_chart_get_item (chart, W, H, 32);
  g_autoptr(DaftariChartItem) hit = NULL, far = NULL, in_band = NULL;
  const SvgPath *band95 = NULL, *band80 = NULL;
  guint solid = 0, dashed = 0;

  for (guint i = 0; i < svg->paths->len; i++)
    {
      const SvgPath *p = &g_array_index (svg->paths, SvgPath, i);
      if (p->stroked && p->dashed && p->right - p->left > 100)
        dashed++;
      else if (p->stroked && p->right - p->left > 100)
        solid++;
    }
  g_assert_cmpuint (solid, >=, 1);   /* the known balance, and grid lines */
  g_assert_cmpuint (dashed, ==, 1);  /* the forecast (the legend's dash is short) */
  for (guint i = 0; i < fills->len; i++)
    {
      const SvgPath *p = &g_array_index (fills, SvgPath, i);
      if (p->fill_opacity < 0.3 && p->right - p->left > 50)
        band95 = p;
      else if (p->fill_opacity < 0.5 && p->right - p->left > 50)
        band80 = p;
    }
  g_assert_nonnull (band95);
  g_assert_nonnull (band80);
  /* The 95% band holds the 80% one, both start at the last known day. */
  g_assert_cmpfloat (band95->top, <, band80->top);
  g_assert_cmpfloat (band95->bottom, >, band80->bottom);
  g_assert_cmpfloat_with_epsilon (band95->left, band80->left, 0.01);

  hit = daftari_chart_hit (chart, W, H, mid->x + mid->width / 2, mid->y + mid->height / 2 + 3);
  g_assert_nonnull (hit);
  g_assert_cmpint (hit->kind, ==, DAFTARI_CHART_ITEM_BALANCE);
  g_assert_cmpint (hit->id, ==, 20250315);
  g_assert_cmpint (hit->value, ==, kes (17500));
  far = daftari_chart_hit (chart, W, H, mid->x + mid->width / 2, mid->y - 100);
  g_assert_null (far);
  /* Anywhere inside the last forecast's interval finds it, with every figure. */
  in_band = daftari_chart_hit (chart, W, H, last_forecast->x + last_forecast->width / 2,
                               last_forecast->y + 8);
  g_assert_nonnull (in_band);
  g_assert_cmpint (in_band->kind, ==, DAFTARI_CHART_ITEM_FORECAST);
  g_assert_cmpint (in_band->id, ==, 20250531);
  g_assert_cmpstr (in_band->text, ==, "Forecast for 2025-05-31: KES 32,000.00\n"
                                      "80%: KES 25,000.00 – KES 39,000.00\n"
                                      "95%: KES 20,000.00 – KES 44,000.00");
}

static void
test_table_and_description (void)
{
  g_autoptr(DaftariChart) bars = bars_chart ();
  g_autoptr(DaftariChart) donut = donut_chart ();
  g_autoptr(DaftariChart) balance = balance_chart ();
  g_autoptr(DaftariChartTable) bars_table = daftari_chart_table (bars);
  g_autoptr(DaftariChartTable) donut_table = daftari_chart_table (donut);
  g_autoptr(DaftariChartTable) balance_table = daftari_chart_table (balance);
  g_autofree char *bars_text = daftari_chart_describe (bars);
  g_autofree char *donut_text = daftari_chart_describe (donut);
  g_autofree char *balance_text = daftari_chart_describe (balance);

  g_assert_cmpstrv (bars_table->columns, ((const char *const[]) { "Month", "Income", "Expense", "Net", NULL }));
  g_assert_cmpuint (bars_table->rows->len, ==, 3);
  assert_row (bars_table->rows, 2, "Mar 2025", "KES 50,000.00", "KES 12,345.67", "KES 37,654.33", NULL);
  g_assert_nonnull (strstr (bars_text, "Income and expense. "));
  g_assert_nonnull (strstr (bars_text, "Jan 2025 to Mar 2025"));
  g_assert_nonnull (strstr (bars_text, "Income KES 350,000.00 in all, expense KES 212,345.67"));
  g_assert_nonnull (strstr (bars_text, "Most income: KES 200,000.00 in Feb 2025"));

  /* Every category with money, the small ones too, largest first. */
  g_assert_cmpuint (donut_table->rows->len, ==, 6);
  assert_row (donut_table->rows, 0, "Rent", "KES 50,000.00", "50.0%", NULL);
  g_assert_cmpstr (((char **) g_ptr_array_index (donut_table->rows, 5))[1], ==, "KES 1,000.00");
  g_assert_nonnull (strstr (donut_text, "KES 100,000.00 by category"));
  g_assert_nonnull (strstr (donut_text, "Other KES 2,000.00 (2.0%)"));

  g_assert_cmpuint (balance_table->rows->len, ==, 33);
  assert_row (balance_table->rows, 31, "2025-04-30", "", "KES 30,000.00", "KES 26,000.00", "KES 34,000.00",
                                             "KES 23,000.00", "KES 37,000.00", NULL);
  g_assert_nonnull (strstr (balance_text, "from 2025-03-01 (KES 10,500.00) to 2025-03-31 (KES 25,500.00)"));
  g_assert_nonnull (strstr (balance_text, "Forecast for 2025-05-31: KES 32,000.00"));
}

static void
test_empty (void)
{
  for (DaftariChartKind kind = DAFTARI_CHART_BARS; kind <= DAFTARI_CHART_BUDGET; kind++)
    {
      g_autoptr(DaftariChart) chart = daftari_chart_new (kind, NULL);
      g_autofree char *text = NULL, *description = NULL;
      g_autoptr(DaftariChartTable) table = NULL;
      g_autoptr(DaftariChartItem) item = NULL;

      if (kind == DAFTARI_CHART_BARS)
        daftari_chart_add_month (chart, 202501, 0, 0);  /* a month with nothing is no data */
      text = pdf_text (chart);
      g_assert_nonnull (strstr (text, "No data for this period"));
      description = daftari_chart_describe (chart);
      g_assert_cmpstr (description, ==, "No data for this period");
      table = daftari_chart_table (chart);
      g_assert_cmpuint (g_strv_length (table->columns), >=, 3);
      g_assert_cmpuint (table->rows->len, ==, kind == DAFTARI_CHART_BARS ? 1 : 0);
      g_assert_cmpuint (daftari_chart_get_n_items (chart), ==, 0);
      item = daftari_chart_hit (chart, W, H, W / 2.0, H / 2.0);
      g_assert_null (item);
    }
}

static void
test_dark_text (void)
{
  g_autoptr(DaftariChart) chart = bars_chart ();
  g_autoptr(SvgChart) light = svg_chart_render (chart, W, H, DAFTARI_CHART_THEME_LIGHT);
  g_autoptr(SvgChart) dark = svg_chart_render (chart, W, H, DAFTARI_CHART_THEME_DARK);

  g_assert_true (svg_chart_has_text_colour (light, LIGHT_TEXT));
  g_assert_false (svg_chart_has_text_colour (light, DARK_TEXT));
  g_assert_true (svg_chart_has_text_colour (dark, DARK_TEXT));
  g_assert_false (svg_chart_has_text_colour (dark, LIGHT_TEXT));
}

static void
test_export_errors (void)
{
  g_autoptr(DaftariChart) chart = bars_chart ();
  g_autoptr(GError) error = NULL;
  g_autofree char *jpeg = g_build_filename (work_dir, "chart.jpg", NULL);
  g_autofree char *nowhere = g_build_filename (work_dir, "missing", "chart.svg", NULL);
  g_autofree char *huge = g_build_filename (work_dir, "huge.png", NULL);

  g_assert_false (daftari_chart_export (chart, jpeg, W, H, DAFTARI_CHART_THEME_LIGHT, &error));
  g_assert_error (error, DAFTARI_CHART_ERROR, DAFTARI_CHART_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, ".png, .svg or .pdf"));
  g_assert_false (g_file_test (jpeg, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_assert_false (daftari_chart_export (chart, nowhere, W, H, DAFTARI_CHART_THEME_LIGHT, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);
  g_assert_false (daftari_chart_export (chart, huge, 0, H, DAFTARI_CHART_THEME_LIGHT, &error));
  g_assert_error (error, DAFTARI_CHART_ERROR, DAFTARI_CHART_ERROR_FORMAT);
  g_assert_false (g_file_test (huge, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  daftari_core_init ();
  work_dir = g_dir_make_tmp ("daftari-chart-test-XXXXXX", &error);
  g_assert_no_error (error);
  g_test_add_func ("/chart/tick-format", test_tick_format);
  g_test_add_func ("/chart/bars/geometry", test_bars_geometry);
  g_test_add_func ("/chart/bars/hit", test_bars_hit);
  g_test_add_func ("/chart/bars/png-pixels", test_png_pixels);
  g_test_add_func ("/chart/axis-labels-drawn", test_axis_labels_drawn);
  g_test_add_func ("/chart/donut/angles", test_donut_angles);
  g_test_add_func ("/chart/donut/hit", test_donut_hit);
  g_test_add_func ("/chart/budget", test_budget);
  g_test_add_func ("/chart/balance", test_balance);
  g_test_add_func ("/chart/table-and-description", test_table_and_description);
  g_test_add_func ("/chart/empty", test_empty);
  g_test_add_func ("/chart/dark-text", test_dark_text);
  g_test_add_func ("/chart/export-errors", test_export_errors);
  status = g_test_run ();
  g_rmdir (work_dir);
  g_free (work_dir);
  return status;
}
