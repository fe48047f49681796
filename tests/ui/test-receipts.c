/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Receipts page as a shop owner uses it, through its real widgets and
 * the real Tesseract: a receipt we draw ourselves is read in the
 * background, its fields shown over the picture (a doubtful one marked),
 * corrected, and saved as an expense with the picture attached; a file that
 * is no picture and a cancelled reading save nothing. Runs under Xvfb with
 * a private keyring. */
#include <adwaita.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "ui-test.h"
#include "daftari-main-view.h"
#include "daftari-receipt-image.h"
#include "daftari-receipt-store.h"
#include "daftari-receipt-texture.h"
#include "daftari-receipt-viewer.h"
#include "daftari-receipts-page.h"
#include "daftari-window.h"
#include "receipt-render.h"

static const char *const receipt_lines[] = {
  "MAMA NJERI GROCERS",
  "Kimathi Street, Nyeri",
  "KRA PIN: P051234567X",
  "Till No: 5123456",
  "Date: 14/03/2025  10:42",
  "Receipt No: 004512",
  "",
  "Sugar 2kg              320.00",
  "Bread 400g              65.00",
  "Milk 500ml              60.00",
  "",
  "TOTAL KES              445.00",
  "Thank you, karibu tena",
};

static cairo_status_t
append_png (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

#define PAPER_WIDTH  900
#define PAPER_HEIGHT 1100

/* The receipt as a PNG, black text on white, in the middle of a frame of
 * frame_width × frame_height pixels (0 × 0: the paper alone, as a flatbed
 * scan gives it; larger: a photo of it lying on a dark table). */
static GBytes *
draw_receipt_in_frame (int frame_width, int frame_height)
{
  int width = MAX (frame_width, PAPER_WIDTH), height = MAX (frame_height, PAPER_HEIGHT);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("DejaVu Sans Mono 20");
  GByteArray *png = g_byte_array_new ();

  cairo_set_source_rgb (cr, 0.3, 0.25, 0.2);
  cairo_paint (cr);
  cairo_translate (cr, (width - PAPER_WIDTH) / 2, (height - PAPER_HEIGHT) / 2);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, PAPER_WIDTH, PAPER_HEIGHT);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  pango_layout_set_font_description (layout, font);
  for (guint i = 0; i < G_N_ELEMENTS (receipt_lines); i++)
    {
      cairo_move_to (cr, 60, 60 + i * 70);
      pango_layout_set_text (layout, receipt_lines[i], -1);
      pango_cairo_show_layout (cr, layout);
    }
  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_png, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (png);
}

static GBytes *
draw_receipt (void)
{
  return draw_receipt_in_frame (0, 0);
}

static void
make_book (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  DaftariBookSetup setup = { "Duka la Majaribio", "KES", NULL };
  g_autoptr(DaftariBook) book = daftari_book_create (f->book_path, &setup, &error);
  DaftariAccountSpec cash = { .name = "Cash", .kind = DAFTARI_ACCOUNT_CASH, .opening = 500000,
                              .opening_ts = G_GINT64_CONSTANT (1704103200) /* 2024-01-01 */ };

  g_assert_no_error (error);
  g_assert_true (daftari_account_add (book, &cash, NULL, &error));
  g_assert_no_error (error);
}

static gint64
add_wallet (Fixture *f, const char *name, DaftariAccountKind kind, const char *currency)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariBook) book = daftari_book_open (f->book_path, &error);
  DaftariAccountSpec spec = { .name = name, .kind = kind, .commodity = currency,
                              /* Another currency's opening would need a rate. */
                              .opening = currency ? 0 : 100000, .opening_ts = G_GINT64_CONSTANT (1704103200) };
  gint64 id = 0;

  g_assert_no_error (error);
  g_assert_true (daftari_account_add (book, &spec, &id, &error));
  g_assert_no_error (error);
  return id;
}

/* A window of width by height (0: its default size) on the Receipts page. */
static DaftariReceiptsPage *
open_page_sized (Fixture *f, int width, int height)
{
  DaftariReceiptsPage *page;

  f->window = daftari_window_new (ui_test_app (), f->book_path);
  if (height > 0)
    gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  gtk_window_present (GTK_WINDOW (f->window));
  spin_a_moment ();
  daftari_main_view_show_page (DAFTARI_MAIN_VIEW (find_descendant (GTK_WIDGET (f->window), DAFTARI_TYPE_MAIN_VIEW)),
                               "receipts");
  spin_a_moment ();
  page = DAFTARI_RECEIPTS_PAGE (find_descendant (GTK_WIDGET (f->window), DAFTARI_TYPE_RECEIPTS_PAGE));
  g_assert_nonnull (page);
  g_assert_cmpstr (daftari_receipts_page_get_state (page), ==, "empty");
  return page;
}

static DaftariReceiptsPage *
open_page (Fixture *f)
{
  return open_page_sized (f, 0, 0);
}

static gboolean
reading_over (gpointer data)
{
  return !g_str_equal (daftari_receipts_page_get_state (data), "reading");
}

static gboolean
shows_empty (gpointer data)
{
  return g_str_equal (daftari_receipts_page_get_state (data), "empty");
}

static const char *
selected_string (AdwComboRow *row)
{
  return gtk_string_object_get_string (GTK_STRING_OBJECT (adw_combo_row_get_selected_item (row)));
}

/* The entry row titled title, under widget. */
static GtkWidget *
row_titled (GtkWidget *widget, const char *title)
{
  if (ADW_IS_ENTRY_ROW (widget) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = row_titled (c, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_read_and_save (Fixture *f, gconstpointer data)
{
  g_autoptr(GBytes) png = draw_receipt ();
  DaftariReceiptsPage *page;
  GtkWidget *total, *date, *merchant;
  AdwComboRow *category;
  g_autofree char *chosen = NULL;

  make_book (f);
  page = open_page (f);
  daftari_receipts_page_read (page, png, "njeri.png");
  g_assert_cmpstr (daftari_receipts_page_get_state (page), ==, "reading");
  spin_until (reading_over, page);
  g_assert_cmpstr (daftari_receipts_page_get_state (page), ==, "review");

  /* What the receipt says, with the words it came from boxed on the picture. */
  total = row_titled (GTK_WIDGET (page), "Total");
  date = row_titled (GTK_WIDGET (page), "Date");
  merchant = row_titled (GTK_WIDGET (page), "Merchant");
  g_assert_nonnull (total);
  g_assert_nonnull (date);
  g_assert_nonnull (merchant);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (total)), ==, "445.00");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "2025-03-14");
  g_assert_nonnull (strstr (gtk_editable_get_text (GTK_EDITABLE (merchant)), "NJERI"));
  g_assert_cmpuint (daftari_receipt_image_get_n_boxes (child (page, DAFTARI_TYPE_RECEIPTS_PAGE, "image")), >, 2);

  /* The category follows the name as it is corrected, until the owner
   * picks one. */
  category = child (page, DAFTARI_TYPE_RECEIPTS_PAGE, "category_row");
  set_text (merchant, "Kobil Petrol Station");
  g_assert_cmpstr (selected_string (category), ==, "Fuel");
  set_text (merchant, "Mama Oliech Restaurant");
  g_assert_cmpstr (selected_string (category), ==, "Food");
  adw_combo_row_set_selected (category, adw_combo_row_get_selected (category) + 1);
  g_assert_cmpstr (selected_string (category), !=, "Food");
  chosen = g_strdup (selected_string (category));

  /* The owner corrects the shop's name, and saves with Enter, typed. */
  set_text (merchant, "Mama Njeri Grocers");
  g_assert_cmpstr (selected_string (category), ==, chosen);
  g_assert_true (gtk_widget_grab_focus (merchant));
  {
    const char *const keys[] = { "Return", NULL };

    if (!ui_test_press_keys (GTK_WINDOW (f->window), keys))
      return;
  }
  spin_until (shows_empty, page);
  g_assert_cmpstr (gtk_label_get_text (child (page, DAFTARI_TYPE_RECEIPTS_PAGE, "error_label")), ==, "");
  g_assert_cmpstr (daftari_receipts_page_get_state (page), ==, "empty");
  g_assert_cmpint (ui_test_db_int (f->book_path, "SELECT count (*) FROM txn WHERE kind = 'expense' AND memo = 'Mama Njeri Grocers'"),
                   ==, 1);
  g_assert_cmpint (ui_test_db_int (f->book_path, "SELECT count (*) FROM split s JOIN txn t ON t.id = s.txn_id"
                                        " WHERE t.kind = 'expense' AND s.amount = -44500"), ==, 1);
  g_assert_cmpint (ui_test_db_int (f->book_path, "SELECT count (*) FROM txn_attachment"), ==, 1);
  g_assert_cmpint (ui_test_db_int (f->book_path, "SELECT count (*) FROM attachment WHERE mime = 'image/png'"
                                        " AND details LIKE '%corrected%'"), ==, 1);

  /* Later, from the ledger: the expense shows its receipt, others have none. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DaftariBook) book = daftari_book_open (f->book_path, &error);
    gint64 expense = ui_test_db_int (f->book_path, "SELECT txn_id FROM txn_attachment");
    GtkWindow *viewer;

    g_assert_no_error (error);
    g_autoptr(GPtrArray) kept = daftari_receipt_list_attachments (book, expense, &error);
    g_autoptr(GPtrArray) none = daftari_receipt_list_attachments (book, expense - 1, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (kept->len, ==, 1);
    g_assert_cmpuint (none->len, ==, 0);
    viewer = daftari_receipt_viewer_new (GTK_WINDOW (f->window), book, expense, &error);
    g_assert_no_error (error);
    gtk_window_present (viewer);
    spin_a_moment ();
    g_assert_cmpuint (daftari_receipt_image_get_n_boxes (DAFTARI_RECEIPT_IMAGE (
        find_descendant (GTK_WIDGET (viewer), DAFTARI_TYPE_RECEIPT_IMAGE))), ==, 0);
    g_assert_true (shows_text (GTK_WIDGET (viewer), "njeri.png"));
    gtk_window_destroy (viewer);
    g_assert_null (daftari_receipt_viewer_new (GTK_WINDOW (f->window), book, expense - 1, &error));
    g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_NOT_FOUND);
  }
}

/* A photo of the receipt on a table: the page shows the paper, as large as
 * fits, not the table with a small receipt in its middle. */
static void
test_photo_shows_paper (Fixture *f, gconstpointer data)
{
  const int frame_width = 3600, frame_height = 2400;
  const int paper_x = (frame_width - PAPER_WIDTH) / 2, paper_y = (frame_height - PAPER_HEIGHT) / 2;
  g_autoptr(GBytes) png = draw_receipt_in_frame (frame_width, frame_height);
  g_autoptr(GBytes) scan = draw_receipt ();
  DaftariReceiptsPage *page;
  DaftariReceiptBox shown;

  make_book (f);
  page = open_page (f);
  daftari_receipts_page_read (page, png, "table.png");
  spin_until (reading_over, page);
  g_assert_cmpstr (daftari_receipts_page_get_state (page), ==, "review");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row_titled (GTK_WIDGET (page), "Total"))), ==, "445.00");
  daftari_receipt_image_get_part (child (page, DAFTARI_TYPE_RECEIPTS_PAGE, "image"), &shown);
  /* The whole paper, and little of the table around it. */
  g_assert_cmpint (shown.x, <=, paper_x);
  g_assert_cmpint (shown.y, <=, paper_y);
  g_assert_cmpint (shown.x + shown.width, >=, paper_x + PAPER_WIDTH);
  g_assert_cmpint (shown.y + shown.height, >=, paper_y + PAPER_HEIGHT);
  g_assert_cmpint (shown.width, <=, PAPER_WIDTH * 1.15);
  g_assert_cmpint (shown.height, <=, PAPER_HEIGHT * 1.15);

  /* Saved, and seen again from the ledger: the same part. */
  press (child (page, DAFTARI_TYPE_RECEIPTS_PAGE, "save_button"));
  spin_until (shows_empty, page);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DaftariBook) book = daftari_book_open (f->book_path, &error);
    GtkWindow *viewer = daftari_receipt_viewer_new (GTK_WINDOW (f->window), book,
                                                    ui_test_db_int (f->book_path, "SELECT txn_id FROM txn_attachment"),
                                                    &error);
    DaftariReceiptBox again;

    g_assert_no_error (error);
    daftari_receipt_image_get_part (DAFTARI_RECEIPT_IMAGE (find_descendant (GTK_WIDGET (viewer), DAFTARI_TYPE_RECEIPT_IMAGE)),
                                    &again);
    g_assert_cmpmem (&again, sizeof again, &shown, sizeof shown);
    gtk_window_destroy (viewer);
  }

  /* A scan is shown whole. */
  daftari_receipts_page_read (page, scan, "scan.png");
  spin_until (reading_over, page);
  daftari_receipt_image_get_part (child (page, DAFTARI_TYPE_RECEIPTS_PAGE, "image"), &shown);
  g_assert_cmpint (shown.x, ==, 0);
  g_assert_cmpint (shown.y, ==, 0);
  g_assert_cmpint (shown.width, ==, PAPER_WIDTH);
  g_assert_cmpint (shown.height, ==, PAPER_HEIGHT);
}

/* The green level of the texture's pixel at x, y. */
static guint
texture_grey_at (GdkTexture *texture, int x, int y)
{
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);

  /* GDK_MEMORY_DEFAULT: B, G, R, A on every host we build for; G is G either way. */
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  return pixels[((gsize) y * width + x) * 4 + 1];
}

/* A one-page PDF of width × height points, grey all over. */
static GBytes *
grey_pdf (double width, double height)
{
  GByteArray *pdf = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_png, pdf, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (pdf);
}

/* The paper of a photo is decoded for showing at its own sharpness, not
 * as a small piece of the whole frame shrunk to fit 2,000 px. */
static void
test_texture_of_part (void)
{
  g_autoptr(GBytes) png = draw_receipt_in_frame (3600, 2400);
  g_autoptr(GBytes) pdf = grey_pdf (288, 432);   /* 4 × 6 inches: 1200 × 1800 px at 300 dpi */
  const DaftariReceiptBox paper = { 1300, 600, 1000, 1200 }, whole_page = { 0, 0, 1200, 1800 };
  const DaftariReceiptBox pdf_part = { 300, 600, 450, 300 };
  DaftariReceiptBox covers;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) sharp = daftari_receipt_texture_new_part (png, "image/png", 3600, 2400, &paper, 2000, &covers,
                                                                  &error);
  g_autoptr(GdkTexture) small = NULL, page = NULL, piece = NULL;

  g_assert_no_error (error);
  /* Every pixel of the paper, none enlarged. */
  g_assert_cmpint (gdk_texture_get_width (sharp), ==, 1000);
  g_assert_cmpint (gdk_texture_get_height (sharp), ==, 1200);
  g_assert_cmpmem (&covers, sizeof covers, &paper, sizeof paper);
  /* Of that part: the table at its corner, the paper's white margin 60 px in. */
  g_assert_cmpuint (texture_grey_at (sharp, 0, 0), <, 100);
  g_assert_cmpuint (texture_grey_at (sharp, 60, 600), >, 240);
  /* At most max_side on its longer side, and what it covers within a
   * pixel of rounding at that scale. */
  small = daftari_receipt_texture_new_part (png, "image/png", 3600, 2400, &paper, 600, &covers, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_height (small), <=, 601);
  g_assert_cmpint (gdk_texture_get_height (small), >=, 599);
  g_assert_cmpint (ABS (covers.x - paper.x), <=, 2);
  g_assert_cmpint (ABS (covers.y + covers.height - paper.y - paper.height), <=, 2);
  /* A PDF: the whole page, or a part of it, drawn at the reader's 300 dpi at most. */
  page = daftari_receipt_texture_new_part (pdf, "application/pdf", 1200, 1800, &whole_page, 900, &covers, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (page), ==, 600);
  g_assert_cmpint (gdk_texture_get_height (page), ==, 900);
  piece = daftari_receipt_texture_new_part (pdf, "application/pdf", 1200, 1800, &pdf_part, 2000, &covers, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (piece), ==, 450);
  g_assert_cmpint (gdk_texture_get_height (piece), ==, 300);
  g_assert_cmpmem (&covers, sizeof covers, &pdf_part, sizeof pdf_part);
}

/* A phone photo stored on its side with the Exif orientation saying so:
 * shown upright, as the reader reads it (its size and boxes upright). */
static void
test_texture_turned_by_exif (void)
{
  g_autoptr(GBytes) png = draw_receipt_in_frame (3600, 2400);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (png);
  g_autoptr(GdkPixbuf) upright = gdk_pixbuf_new_from_stream (stream, NULL, NULL);
  g_autoptr(GdkPixbuf) stored = gdk_pixbuf_rotate_simple (upright, GDK_PIXBUF_ROTATE_COUNTERCLOCKWISE);
  g_autofree char *jpeg_data = NULL;
  gsize jpeg_size = 0;
  g_autoptr(GBytes) jpeg = NULL, tagged = NULL;
  const DaftariReceiptBox paper = { 1300, 600, 1000, 1200 };
  DaftariReceiptBox covers;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  g_assert_true (gdk_pixbuf_save_to_buffer (stored, &jpeg_data, &jpeg_size, "jpeg", &error, "quality", "90", NULL));
  jpeg = g_bytes_new_take (g_steal_pointer (&jpeg_data), jpeg_size);
  tagged = render_receipt_with_exif (jpeg, 6, TRUE);
  texture = daftari_receipt_texture_new_part (tagged, "image/jpeg", 3600, 2400, &paper, 2000, &covers, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1000);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 1200);
  g_assert_cmpuint (texture_grey_at (texture, 0, 0), <, 100);
  g_assert_cmpuint (texture_grey_at (texture, 60, 600), >, 240);
  g_clear_object (&texture);
  /* The whole picture, for a receipt saved before the part read was kept. */
  texture = daftari_receipt_texture_new (tagged, "image/jpeg", 900, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 900);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 600);
}

static void
test_not_a_picture (Fixture *f, gconstpointer data)
{
  g_autoptr(GBytes) junk = g_bytes_new_static ("this is a shopping list, not a photo", 36);
  DaftariReceiptsPage *page;

  make_book (f);
  page = open_page (f);
  daftari_receipts_page_read (page, junk, "list.txt");
  spin_until (reading_over, page);
  /* The whole message stays on the page, the file named, with a way on. */
  g_assert_cmpstr (daftari_receipts_page_get_state (page), ==, "failed");
  g_assert_true (shows_text (GTK_WIDGET (page), "list.txt: "));
  g_assert_true (shows_text (GTK_WIDGET (page), "Choose Another Receipt"));
  g_assert_cmpint (ui_test_db_int (f->book_path, "SELECT count (*) FROM attachment"), ==, 0);
}

static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_autoptr(GBytes) png = draw_receipt ();
  DaftariReceiptsPage *page;

  make_book (f);
  page = open_page (f);
  daftari_receipts_page_read (page, png, "njeri.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.cancel-reading", NULL));
  spin_until (reading_over, page);
  g_assert_cmpstr (daftari_receipts_page_get_state (page), ==, "empty");
  g_assert_cmpint (ui_test_db_int (f->book_path, "SELECT count (*) FROM txn WHERE kind = 'expense'"), ==, 0);
}

/* A second receipt dropped while the first is still being read: the first
 * reading is dropped unheard, and the second is shown and saved whole. */
static void
test_second_receipt (Fixture *f, gconstpointer data)
{
  g_autoptr(GBytes) png = draw_receipt ();
  DaftariReceiptsPage *page;
  AdwMessageDialog *dialog;

  make_book (f);
  page = open_page (f);
  daftari_receipts_page_read (page, png, "first.png");
  daftari_receipts_page_read (page, png, "second.png");
  spin_until (reading_over, page);
  g_assert_cmpstr (daftari_receipts_page_get_state (page), ==, "review");
  /* A late answer from the first reading would empty the page again. */
  for (int i = 0; i < 10; i++)
    spin_a_moment ();
  g_assert_cmpstr (daftari_receipts_page_get_state (page), ==, "review");
  g_assert_cmpuint (daftari_receipt_image_get_n_boxes (child (page, DAFTARI_TYPE_RECEIPTS_PAGE, "image")), >, 2);
  press (child (page, DAFTARI_TYPE_RECEIPTS_PAGE, "save_button"));
  spin_a_moment ();
  g_assert_cmpstr (gtk_label_get_text (child (page, DAFTARI_TYPE_RECEIPTS_PAGE, "error_label")), ==, "");
  g_assert_cmpint (ui_test_db_int (f->book_path, "SELECT count (*) FROM attachment WHERE name = 'second.png'"), ==, 1);
  g_assert_cmpint (ui_test_db_int (f->book_path, "SELECT count (*) FROM txn_attachment"), ==, 1);

  /* The same receipt once more: the owner is asked before a second expense. */
  daftari_receipts_page_read (page, png, "second.png");
  spin_until (reading_over, page);
  press (child (page, DAFTARI_TYPE_RECEIPTS_PAGE, "save_button"));
  spin_a_moment ();
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Receipt Already Saved");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "KES 445.00"));
  g_assert_cmpint (ui_test_db_int (f->book_path, "SELECT count (*) FROM txn_attachment"), ==, 1);
  adw_message_dialog_response (dialog, "again");
  spin_a_moment ();
  g_assert_cmpint (ui_test_db_int (f->book_path, "SELECT count (*) FROM txn_attachment"), ==, 2);
  g_assert_cmpstr (daftari_receipts_page_get_state (page), ==, "empty");
}

/* The page reads a receipt and shows it for review. */
static void
read_receipt (DaftariReceiptsPage *page, GBytes *png, const char *name)
{
  daftari_receipts_page_read (page, png, name);
  spin_until (reading_over, page);
  g_assert_cmpstr (daftari_receipts_page_get_state (page), ==, "review");
}

/* The photo's name above the fields, as the file has it: the owner sees
 * which of their photos they are checking. */
static void
test_file_name_shown (Fixture *f, gconstpointer data)
{
  static const char name[] = "Mama <Njeri> & Sons.png";
  g_autoptr(GBytes) png = draw_receipt ();
  DaftariReceiptsPage *page;
  GtkWidget *label;

  make_book (f);
  page = open_page (f);
  read_receipt (page, png, name);
  label = find_named (GTK_WIDGET (page), "file-name");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (label));
  /* Shown as it is: neither taken for markup nor escaped twice. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, name);
  g_assert_true (shows_text (GTK_WIDGET (page), name));

  /* A pasted picture has no name of its own. */
  read_receipt (page, png, NULL);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "the pasted picture");
}

/* The wallet a receipt was paid from is offered for the next one, while it
 * is open; once archived, the first wallet is offered again. */
static void
test_last_wallet_remembered (Fixture *f, gconstpointer data)
{
  g_autoptr(GBytes) png = draw_receipt ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *chosen = NULL;
  DaftariReceiptsPage *page;
  AdwComboRow *wallet;

  make_book (f);
  add_wallet (f, "Dollar account", DAFTARI_ACCOUNT_BANK, "USD");
  add_wallet (f, "Till", DAFTARI_ACCOUNT_MPESA, NULL);
  page = open_page (f);
  wallet = child (page, DAFTARI_TYPE_RECEIPTS_PAGE, "wallet_row");
  read_receipt (page, png, "first.png");
  /* Cash and the till (dollars are no choice for a receipt in shillings). */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (wallet)), ==, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (wallet), ==, 0);
  adw_combo_row_set_selected (wallet, 1);
  chosen = g_strndup (selected_string (wallet), strcspn (selected_string (wallet), " "));
  press (child (page, DAFTARI_TYPE_RECEIPTS_PAGE, "save_button"));
  g_assert_cmpstr (daftari_receipts_page_get_state (page), ==, "empty");
  sql = g_strdup_printf ("SELECT count (*) FROM split s JOIN txn t ON t.id = s.txn_id JOIN account a"
                         " ON a.id = s.account_id WHERE t.kind = 'expense' AND s.amount < 0 AND a.name = '%s'", chosen);
  g_assert_cmpint (ui_test_db_int (f->book_path, sql), ==, 1);

  read_receipt (page, png, "second.png");
  g_assert_cmpuint (adw_combo_row_get_selected (wallet), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (page), "page.discard-receipt", NULL);

  {
    g_autoptr(DaftariBook) book = daftari_book_open (f->book_path, &error);
    g_autoptr(DaftariAccount) account = daftari_account_find (book, chosen, &error);

    g_assert_no_error (error);
    g_assert_true (daftari_account_set_archived (book, account->id, TRUE, &error));
    g_assert_no_error (error);
  }
  read_receipt (page, png, "third.png");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (wallet)), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (wallet), ==, 0);
}

/* Whether the row is marked as one to look at (the sign doubtful fields get). */
static gboolean
marked_for_a_look (GtkWidget *row)
{
  return gtk_widget_has_css_class (row, "needs-check");
}

static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* A total of nothing, or none, is refused by the core: the Total row is
 * marked as doubtful fields are and the owner is taken to it. */
static void
test_total_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GBytes) png = draw_receipt ();
  DaftariReceiptsPage *page;
  GtkWidget *total;
  GtkLabel *problem;
  const char *const empty[] = { "", "0.00" };

  make_book (f);
  page = open_page (f);
  problem = child (page, DAFTARI_TYPE_RECEIPTS_PAGE, "error_label");
  for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
    {
      read_receipt (page, png, "njeri.png");
      total = row_titled (GTK_WIDGET (page), "Total");
      /* Read clearly: nothing to look at yet. */
      g_assert_false (marked_for_a_look (total));
      set_text (total, empty[i]);
      g_assert_true (gtk_widget_grab_focus (row_titled (GTK_WIDGET (page), "Merchant")));
      press (child (page, DAFTARI_TYPE_RECEIPTS_PAGE, "save_button"));
      g_assert_cmpstr (daftari_receipts_page_get_state (page), ==, "review");
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (problem)));
      g_test_message ("total \"%s\": %s", empty[i], gtk_label_get_text (problem));
      g_assert_true (marked_for_a_look (total));
      g_assert_true (has_focus_within (total));
      g_assert_cmpint (ui_test_db_int (f->book_path, "SELECT count (*) FROM txn WHERE kind = 'expense'"), ==, 0);
    }
}

/* At the window's least height, with "More from the Receipt" open, Save
 * is still on screen where a click reaches it. */
static void
test_save_in_reach (Fixture *f, gconstpointer data)
{
  g_autoptr(GBytes) png = draw_receipt ();
  DaftariReceiptsPage *page;
  GtkWidget *save, *more, *picked;
  graphene_rect_t bounds;
  int height;

  make_book (f);
  page = open_page_sized (f, 800, 480);
  read_receipt (page, png, "njeri.png");
  more = find_descendant (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW);
  g_assert_nonnull (more);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (more), TRUE);
  spin_a_moment ();
  height = gtk_widget_get_height (GTK_WIDGET (f->window));
  g_test_message ("window %d × %d", gtk_widget_get_width (GTK_WIDGET (f->window)), height);
  g_assert_cmpint (height, <=, 480);

  save = child (page, DAFTARI_TYPE_RECEIPTS_PAGE, "save_button");
  g_assert_true (gtk_widget_compute_bounds (save, GTK_WIDGET (f->window), &bounds));
  g_test_message ("Save at y %.0f to %.0f", bounds.origin.y, bounds.origin.y + bounds.size.height);
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, height);
  /* Not hidden under anything, nor clipped away by a scrolled window. */
  picked = gtk_widget_pick (GTK_WIDGET (f->window), bounds.origin.x + bounds.size.width / 2,
                            bounds.origin.y + bounds.size.height / 2, GTK_PICK_DEFAULT);
  g_assert_true (picked == save || gtk_widget_is_ancestor (picked, save));
  press (save);
  g_assert_cmpint (ui_test_db_int (f->book_path, "SELECT count (*) FROM txn WHERE kind = 'expense'"), ==, 1);
}

static gboolean
reading_started (gpointer data)
{
  return !g_str_equal (daftari_receipts_page_get_state (data), "empty");
}

/* Ctrl+V pressed on the keyboard with the focus in the sidebar, where the
 * owner arrives from: the copied photo is read, as the page promises. */
static void
test_paste_from_sidebar (Fixture *f, gconstpointer data)
{
  g_autoptr(GBytes) png = draw_receipt ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  const char *const keys[] = { "ctrl+v", NULL };
  DaftariReceiptsPage *page;
  GtkWidget *sidebar;

  make_book (f);
  page = open_page (f);
  texture = gdk_texture_new_from_bytes (png, &error);
  g_assert_no_error (error);
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (page)), texture);
  sidebar = child (find_descendant (GTK_WIDGET (f->window), DAFTARI_TYPE_MAIN_VIEW), DAFTARI_TYPE_MAIN_VIEW, "sidebar");
  g_assert_false (gtk_widget_is_ancestor (sidebar, GTK_WIDGET (page)));
  g_assert_true (gtk_widget_grab_focus (sidebar));
  if (!ui_test_press_keys (GTK_WINDOW (f->window), keys))
    return;
  spin_until (reading_started, page);
  spin_until (reading_over, page);
  g_assert_cmpstr (daftari_receipts_page_get_state (page), ==, "review");
}

int
main (int argc, char **argv)
{
  int status = ui_test_init (&argc, &argv);

  if (status != 0)
    return status;
  g_test_add ("/receipts/read-and-save", Fixture, NULL, fixture_set_up, test_read_and_save, fixture_tear_down);
  g_test_add ("/receipts/photo-shows-paper", Fixture, NULL, fixture_set_up, test_photo_shows_paper, fixture_tear_down);
  g_test_add_func ("/receipts/texture-of-part", test_texture_of_part);
  g_test_add_func ("/receipts/texture-turned-by-exif", test_texture_turned_by_exif);
  g_test_add ("/receipts/not-a-picture", Fixture, NULL, fixture_set_up, test_not_a_picture, fixture_tear_down);
  g_test_add ("/receipts/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/receipts/paste-from-sidebar", Fixture, NULL, fixture_set_up, test_paste_from_sidebar, fixture_tear_down);
  g_test_add ("/receipts/second-receipt", Fixture, NULL, fixture_set_up, test_second_receipt, fixture_tear_down);
  g_test_add ("/receipts/file-name-shown", Fixture, NULL, fixture_set_up, test_file_name_shown, fixture_tear_down);
  g_test_add ("/receipts/last-wallet-remembered", Fixture, NULL, fixture_set_up, test_last_wallet_remembered,
              fixture_tear_down);
  g_test_add ("/receipts/total-refused", Fixture, NULL, fixture_set_up, test_total_refused, fixture_tear_down);
  g_test_add ("/receipts/save-in-reach", Fixture, NULL, fixture_set_up, test_save_in_reach, fixture_tear_down);
  return ui_test_run ();
}
