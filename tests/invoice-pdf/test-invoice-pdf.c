/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The invoice and statement PDF, read back with poppler: what a customer's
 * PDF reader will see. Documents are built in code; no book is needed.
 * DAFTARI_INVOICE_PDF_KEEP=DIR also writes the sample PDFs there, to look at. */
#include <glib/gstdio.h>
#include <string.h>

#include "pdf-text.h"

#include "daftari-commodity.h"
#include "daftari-invoice-pdf.h"
#include "daftari-money.h"

#define INSTRUCTIONS "Pay via M-PESA Paybill 123456, Account INV-2026-0001, or Till 654321"

/* ---- Sample documents ------------------------------------------------------ */

static char *
kes (gint64 cents,
     gboolean code)
{
  return daftari_money_format (cents, daftari_commodity_lookup ("KES"),
                               code ? 0 : DAFTARI_MONEY_FORMAT_NO_CODE);
}

static void
set (char       **field,
     const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
take (char **field,
      char  *value)
{
  g_free (*field);
  *field = value;
}

typedef struct {
  const char *description;
  int         quantity;
  gint64      price;      /* cents */
  int         discount;   /* percent */
  int         vat;        /* percent; -1: exempt */
} Item;

static const Item items[] = {
  { "Unga wa Ngano (Exe) 2kg bale of 12", 10, 218000, 0, 0 },
  { "Cooking oil, Fresh Fri 20 L jerrycan", 4, 545000, 0, 16 },
  { "Sugar, Mumias 50 kg bag", 6, 765000, 5, 16 },
  { "Rice, Pishori grade 1 25 kg", 3, 520000, 0, 0 },
  { "Bar soap, Menengai 800 g (carton of 25)", 8, 312500, 0, 16 },
  { "Petrol-station lubricants: Total Quartz 5W-30 4 L", 5, 489900, 10, 16 },
  { "Maize flour, Jogoo 2 kg bale of 12", 15, 198000, 0, -1 },
  { "Milk, Brookside long life 500 ml, tray of 12 packets", 20, 78000, 0, -1 },
  { "Exercise books A4 200 pages (dozen)", 12, 96000, 0, 0 },
  { "Delivery Nairobi CBD to Githurai 45, one trip with loading", 1, 350000, 0, 16 },
  { "Tea leaves, Ketepa Pride 500 g (carton of 24)", 2, 612000, 0, 16 },
  { "Airtime vouchers Safaricom KES 1,000 (pack of 10)", 3, 1000000, 0, -1 },
  { "Packaging: kraft paper bags, medium (bundle of 500)", 4, 150000, 0, 16 },
  { "Insect spray Doom 600 ml (carton of 12)", 2, 486000, 0, 8 },
  { "Paraffin 20 L", 5, 285000, 0, 8 },
};

typedef struct {
  gint64 net, vat16, vat8, total;
} Sums;

static void
add_item (DaftariDocument *document,
          const Item      *item,
          guint            n,
          Sums            *sums)
{
  DaftariDocumentLine *line = daftari_document_add_line (document);
  gint64 gross = item->price * item->quantity;
  gint64 discount = gross * item->discount / 100;
  gint64 net = gross - discount;
  gint64 vat = item->vat > 0 ? (net * item->vat + 50) / 100 : 0;

  if (n > 0)
    take (&line->description, g_strdup_printf ("Item %03u: %s", n, item->description));
  else
    set (&line->description, item->description);
  take (&line->quantity, g_strdup_printf ("%d", item->quantity));
  take (&line->unit_price, kes (item->price, FALSE));
  if (item->discount > 0)
    take (&line->discount, g_strdup_printf ("%d%%", item->discount));
  take (&line->vat_rate, item->vat < 0 ? g_strdup ("Exempt") : g_strdup_printf ("%d%%", item->vat));
  take (&line->vat, kes (vat, FALSE));
  take (&line->amount, kes (net + vat, FALSE));
  sums->net += net;
  sums->total += net + vat;
  if (item->vat == 16)
    sums->vat16 += vat;
  if (item->vat == 8)
    sums->vat8 += vat;
}

static void
add_totals (DaftariDocument *document,
            const Sums      *sums,
            gint64           paid)
{
  g_autofree char *net = kes (sums->net, TRUE);
  g_autofree char *vat16 = kes (sums->vat16, TRUE);
  g_autofree char *vat8 = kes (sums->vat8, TRUE);
  g_autofree char *total = kes (sums->total, TRUE);
  g_autofree char *paid_s = kes (paid, TRUE);
  g_autofree char *due = kes (sums->total - paid, TRUE);

  daftari_document_add_total (document, "Subtotal", net, FALSE);
  daftari_document_add_total (document, "VAT 16%", vat16, FALSE);
  daftari_document_add_total (document, "VAT 8%", vat8, FALSE);
  daftari_document_add_total (document, "Total", total, TRUE);
  daftari_document_add_total (document, "Paid", paid_s, FALSE);
  daftari_document_add_total (document, "Balance due", due, TRUE);
}

static void
fill_parties (DaftariDocument *d)
{
  set (&d->business_name, "Mwangaza Wholesalers Ltd");
  set (&d->business_address, "Shop 14, Nyamakima Trade Centre\nRiver Road, P.O. Box 10234-00100\nNairobi");
  set (&d->business_phone, "0722 123 456");
  set (&d->business_kra_pin, "P051234567X");
  set (&d->customer_name, "Wanjiru General Stores");
  set (&d->customer_address, "Kamakis Road, Ruiru\nKiambu County");
  set (&d->customer_phone, "0711 987 654");
  set (&d->customer_kra_pin, "A009876543Z");
}

/* An invoice of n_lines lines (the 15 samples, cycled), with total_out set
 * to the printed grand total. */
static DaftariDocument *
sample_invoice (guint        n_lines,
                const char  *language,
                char       **total_out)
{
  DaftariDocument *d = daftari_document_new (DAFTARI_DOCUMENT_INVOICE);
  Sums sums = { 0 };

  set (&d->language, language);
  fill_parties (d);
  set (&d->number, "INV-2026-0001");
  set (&d->issue_date, "2026-11-21");
  set (&d->due_date, "2026-12-21");
  set (&d->status, g_strcmp0 (language, "sw") == 0 ? "Haijalipwa" : "Unpaid");
  for (guint i = 0; i < n_lines; i++)
    add_item (d, &items[i % G_N_ELEMENTS (items)], n_lines > G_N_ELEMENTS (items) ? i + 1 : 0, &sums);
  add_totals (d, &sums, 0);
  set (&d->notes, "Goods remain the property of Mwangaza Wholesalers Ltd until paid in full. "
                  "Prices include delivery within Nairobi.");
  set (&d->payment_instructions, INSTRUCTIONS);
  if (total_out != NULL)
    *total_out = kes (sums.total, TRUE);
  return d;
}

static DaftariDocument *
sample_statement (void)
{
  DaftariDocument *d = daftari_document_new (DAFTARI_DOCUMENT_STATEMENT);
  static const char *const rows[][3] = {
    { "2026-10-01", "Opening balance", "12,500.00" },
    { "2026-10-04", "Invoice INV-2026-0087", "48,320.00" },
    { "2026-10-12", "Payment, M-PESA QJK4H7XK2L", "-30,000.00" },
    { "2026-10-20", "Invoice INV-2026-0102", "15,960.00" },
    { "2026-10-29", "Payment, KCB transfer FT26302ABC", "-20,000.00" },
  };

  fill_parties (d);
  set (&d->number, "2026-10-01 to 2026-10-31");
  set (&d->issue_date, "2026-11-01");
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      DaftariDocumentLine *line = daftari_document_add_line (d);
      set (&line->quantity, rows[i][0]);
      set (&line->description, rows[i][1]);
      set (&line->amount, rows[i][2]);
    }
  daftari_document_add_total (d, "Invoiced", "KES 64,280.00", FALSE);
  daftari_document_add_total (d, "Paid", "KES 50,000.00", FALSE);
  daftari_document_add_total (d, "Balance due", "KES 26,780.00", TRUE);
  set (&d->payment_instructions, "Pay via M-PESA Paybill 123456, Account WANJIRU");
  return d;
}

/* ---- Reading PDFs back ----------------------------------------------------- */

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("daftari-pdf-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* The writer's temporary file (daftari-pdf-file.c: ".NAME.XXXXXX" beside
 * the target) is gone, whether the write worked or failed. */
static void
assert_no_temporary (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strdup_printf (".%s.", base);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_prefix (name, prefix))
      g_error ("%s was left in %s", name, dir);
}

/* Renders document to DIR/name and returns the path; also keeps a copy in
 * $DAFTARI_INVOICE_PDF_KEEP when set. */
static char *
render (Fixture               *f,
        const DaftariDocument *document,
        const char            *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);
  const char *keep = g_getenv ("DAFTARI_INVOICE_PDF_KEEP");

  g_assert_true (daftari_document_render_pdf (document, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  assert_no_temporary (path);
  if (keep != NULL)
    {
      g_autofree char *copy = g_build_filename (keep, name, NULL);
      g_assert_true (daftari_document_render_pdf (document, copy, &error));
    }
  return path;
}

/* Poppler may break a wrapped line anywhere a space was: compare with all
 * runs of white space made single spaces. */
static char *
squash (const char *text)
{
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
}

static void
assert_holds (const char *text,
              const char *needle)
{
  g_autofree char *haystack = squash (text);

  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” is not in the PDF's text:\n%s", needle, haystack);
}

/* ---- Tests ----------------------------------------------------------------- */

static void
test_invoice_text (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *total = NULL;
  g_autoptr(DaftariDocument) d = sample_invoice (15, "en", &total);
  g_autofree char *path = render (f, d, "invoice.pdf");
  g_autoptr(TestPdf) pdf = test_pdf_open (path);
  g_autofree char *text = test_pdf_all_text (pdf);
  g_autofree char *pdf_title = poppler_document_get_title (pdf);

  assert_holds (text, "INVOICE");
  assert_holds (text, "INV-2026-0001");
  assert_holds (text, total);
  assert_holds (text, INSTRUCTIONS);
  assert_holds (text, "Wanjiru General Stores");
  assert_holds (text, "P051234567X");
  assert_holds (text, "How to pay");
  assert_holds (text, "Page 1 of");
  g_assert_cmpstr (pdf_title, ==, "INVOICE INV-2026-0001");
}

/* The least height a table row can have: one line of 8.5 pt text (at least
 * the font size) and the cell padding. So a page holds at most this many
 * rows, and 120 rows need at least this many pages. */
static guint
least_pages (guint n_rows)
{
  double least_row = 8.5 + 2 * 4.5;
  guint rows_per_page = (guint) (DAFTARI_DOCUMENT_PAGE_HEIGHT / least_row);

  return (n_rows + rows_per_page - 1) / rows_per_page;
}

static void
assert_rows_in_order (PopplerDocument *pdf,
                      guint            n_rows)
{
  g_autofree char *text = test_pdf_all_text (pdf);
  const char *from = text;

  /* Every row once, in order: none lost or repeated at a page break. */
  for (guint i = 1; i <= n_rows; i++)
    {
      g_autofree char *needle = g_strdup_printf ("Item %03u:", i);
      const char *at = strstr (from, needle);

      g_assert_nonnull (at);
      g_assert_null (strstr (at + 1, needle));
      from = at;
    }
}

static void
test_long_invoice (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *total = NULL;
  g_autoptr(DaftariDocument) d = sample_invoice (120, "en", &total);
  g_autofree char *path = render (f, d, "long.pdf");
  g_autoptr(TestPdf) pdf = test_pdf_open (path);
  int n_pages = poppler_document_get_n_pages (pdf);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 60, 85);
  cairo_t *cr = cairo_create (surface);
  guint cairo_pages = 0;

  g_assert_cmpint (n_pages, >=, MAX (3, least_pages (120)));
  g_assert_cmpint (n_pages, <=, 6);
  g_assert_true (daftari_document_render_to_cairo (d, cr, 0, &cairo_pages, NULL));
  g_assert_cmpuint (cairo_pages, ==, n_pages);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  for (int i = 0; i < n_pages; i++)
    {
      g_autofree char *text = test_pdf_page_text (pdf, i);
      g_autofree char *footer = g_strdup_printf ("Page %d of %d", i + 1, n_pages);

      assert_holds (text, "Description");
      assert_holds (text, "Unit price");
      assert_holds (text, "VAT rate");
      assert_holds (text, "Amount");
      assert_holds (text, footer);
      assert_holds (text, "INV-2026-0001");
    }
  {
    g_autofree char *last = test_pdf_page_text (pdf, n_pages - 1);
    assert_holds (last, total);
    assert_holds (last, INSTRUCTIONS);
  }
  assert_rows_in_order (pdf, 120);
}

static void
test_swahili (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(DaftariDocument) d = sample_invoice (15, "sw", NULL);
  g_autofree char *path = render (f, d, "ankara.pdf");
  g_autoptr(TestPdf) pdf = test_pdf_open (path);
  g_autofree char *text = test_pdf_all_text (pdf);
  static const char *const words[] = {
    "ANKARA", "KWA", "Maelezo", "Idadi", "Bei ya kimoja", "Punguzo",
    "Kiwango cha VAT", "Kiasi", "Jinsi ya kulipa", "Ukurasa 1 wa", "Tarehe ya kulipa",
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    assert_holds (text, words[i]);
  g_assert_null (strstr (text, "INVOICE"));
  g_assert_null (strstr (text, "Page 1"));
}

static char *
page_png (Fixture         *f,
          PopplerDocument *pdf)
{
  g_autoptr(TestPdfPage) page = poppler_document_get_page (pdf, 0);
  double scale = 200.0 / 72;   /* 200 dpi: modules of several pixels */
  cairo_surface_t *surface;
  cairo_t *cr;
  char *png = g_build_filename (f->dir, "page1.png", NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                        DAFTARI_DOCUMENT_PAGE_WIDTH * scale,
                                        DAFTARI_DOCUMENT_PAGE_HEIGHT * scale);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return png;
}

static void
test_qr_decodes (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *zbarimg = g_find_program_in_path ("zbarimg");
  g_autoptr(DaftariDocument) d = sample_invoice (15, "en", NULL);
  g_autofree char *path = NULL;
  g_autofree char *png = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (zbarimg == NULL)
    {
      g_test_skip ("zbarimg is not installed (Debian: zbar-tools)");
      return;
    }
  path = render (f, d, "qr.pdf");
  {
    g_autoptr(TestPdf) pdf = test_pdf_open (path);
    png = page_png (f, pdf);
  }
  {
    const char *argv[] = { zbarimg, "--raw", "-q", "-Sdisable", "-Sqrcode.enable", png, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                  &out, NULL, &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_strchomp (out);
  g_assert_cmpstr (out, ==, INSTRUCTIONS);
}

static void
test_no_payment_box (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(DaftariDocument) d = sample_invoice (3, "en", NULL);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(TestPdf) pdf = NULL;

  set (&d->payment_instructions, "");
  path = render (f, d, "nopay.pdf");
  pdf = test_pdf_open (path);
  text = test_pdf_all_text (pdf);
  g_assert_null (strstr (text, "How to pay"));
  g_assert_null (strstr (text, "Scan"));
}

static void
assert_write_fails (Fixture    *f,
                    const char *path)
{
  g_autoptr(DaftariDocument) d = sample_invoice (3, "en", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strdup_printf ("Cannot write %s: ", path);

  g_assert_false (daftari_document_render_pdf (d, path, &error));
  g_assert_error (error, DAFTARI_DOCUMENT_ERROR, DAFTARI_DOCUMENT_ERROR_WRITE);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_cmpuint (strlen (error->message), >, strlen (prefix));
  assert_no_temporary (path);
}

static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "invoice.pdf", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "a-folder", NULL);

  /* A folder that does not exist: nothing can be opened. */
  assert_write_fails (f, missing);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* A name taken by a folder: the PDF is written beside it, then the rename
   * fails, and the half of it that exists must go. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  assert_write_fails (f, folder);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
}

static void
test_replaces_existing (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(DaftariDocument) d = sample_invoice (2, "en", NULL);
  g_autofree char *path = g_build_filename (f->dir, "old.pdf", NULL);
  g_autofree char *again = NULL;
  g_autofree char *text = NULL;
  g_autoptr(TestPdf) pdf = NULL;

  g_assert_true (g_file_set_contents (path, "not a pdf", -1, NULL));
  again = render (f, d, "old.pdf");
  pdf = test_pdf_open (again);
  text = test_pdf_all_text (pdf);
  assert_holds (text, "INV-2026-0001");
}

static void
test_statement (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(DaftariDocument) d = sample_statement ();
  g_autofree char *path = render (f, d, "statement.pdf");
  g_autoptr(TestPdf) pdf = test_pdf_open (path);
  g_autofree char *text = test_pdf_all_text (pdf);

  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
  assert_holds (text, "STATEMENT");
  assert_holds (text, "2026-10-01 to 2026-10-31");
  assert_holds (text, "Payment, M-PESA QJK4H7XK2L");
  assert_holds (text, "-30,000.00");
  assert_holds (text, "Balance due");
  assert_holds (text, "KES 26,780.00");
  assert_holds (text, "Wanjiru General Stores");
  g_assert_null (strstr (text, "Unit price"));

  set (&d->language, "sw");
  {
    g_autofree char *sw_path = render (f, d, "taarifa.pdf");
    g_autoptr(TestPdf) sw_pdf = test_pdf_open (sw_path);
    g_autofree char *sw_text = test_pdf_all_text (sw_pdf);

    assert_holds (sw_text, "TAARIFA YA AKAUNTI");
    assert_holds (sw_text, "Kipindi");
  }
}

static void
test_cairo_pages (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(DaftariDocument) d = sample_invoice (15, "en", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 298, 421);
  cairo_t *cr = cairo_create (surface);
  guint n_pages = 0;

  cairo_scale (cr, 0.5, 0.5);
  g_assert_true (daftari_document_render_to_cairo (d, cr, 0, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, 1);

  n_pages = 0;
  g_assert_false (daftari_document_render_to_cairo (d, cr, 7, &n_pages, &error));
  g_assert_error (error, DAFTARI_DOCUMENT_ERROR, DAFTARI_DOCUMENT_ERROR_PAGE);
  g_assert_cmpuint (n_pages, ==, 1);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_logo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(DaftariDocument) d = sample_invoice (3, "en", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *logo = g_build_filename (f->dir, "logo.png", NULL);
  g_autofree char *out = g_build_filename (f->dir, "logo-missing.pdf", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 300, 100);
  cairo_t *cr = cairo_create (surface);

  /* A missing logo is an error that names the file, and writes nothing. */
  take (&d->logo_path, g_build_filename (f->dir, "missing.png", NULL));
  g_assert_false (daftari_document_render_pdf (d, out, &error));
  g_assert_error (error, DAFTARI_DOCUMENT_ERROR, DAFTARI_DOCUMENT_ERROR_LOGO);
  g_assert_nonnull (strstr (error->message, "missing.png"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_arc (cr, 50, 50, 45, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_rectangle (cr, 110, 30, 180, 40);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, logo), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  set (&d->logo_path, logo);
  g_free (render (f, d, "logo.pdf"));
}

static void
test_empty_document (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(DaftariDocument) d = daftari_document_new (DAFTARI_DOCUMENT_INVOICE);
  g_autofree char *path = render (f, d, "empty.pdf");
  g_autoptr(TestPdf) pdf = test_pdf_open (path);

  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/invoice-pdf/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("invoice-text", test_invoice_text);
  ADD ("long-invoice", test_long_invoice);
  ADD ("swahili", test_swahili);
  ADD ("qr-decodes", test_qr_decodes);
  ADD ("no-payment-box", test_no_payment_box);
  ADD ("unwritable", test_unwritable);
  ADD ("replaces-existing", test_replaces_existing);
  ADD ("statement", test_statement);
  ADD ("cairo-pages", test_cairo_pages);
  ADD ("logo", test_logo);
  ADD ("empty-document", test_empty_document);
#undef ADD
  return g_test_run ();
}
