/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Receipts page as a shop owner uses it, through its real widgets and
 * the real Tesseract: a receipt we draw ourselves is read in the
 * background, its fields shown over the picture (a doubtful one marked),
 * corrected, and saved as an expense with the picture attached; a file that
 * is no picture and a cancelled reading save nothing. Runs under Xvfb with
 * a private keyring. */
#include <adwaita.h>
#include <pango/pangocairo.h>

#include "ui-test.h"
#include "daftari-main-view.h"
#include "daftari-receipt-image.h"
#include "daftari-receipt-store.h"
#include "daftari-receipt-viewer.h"
#include "daftari-receipts-page.h"
#include "daftari-window.h"

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

/* The receipt as a PNG: black text on white, as a flatbed scan gives it. */
static GBytes *
draw_receipt (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 900, 1100);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("DejaVu Sans Mono 20");
  GByteArray *png = g_byte_array_new ();

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
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

static DaftariReceiptsPage *
open_page (Fixture *f)
{
  DaftariReceiptsPage *page;

  f->window = daftari_window_new (ui_test_app (), f->book_path);
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
    g_assert_true (daftari_receipt_viewer_has_receipt (book, expense));
    g_assert_false (daftari_receipt_viewer_has_receipt (book, expense - 1));
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
  g_test_add ("/receipts/not-a-picture", Fixture, NULL, fixture_set_up, test_not_a_picture, fixture_tear_down);
  g_test_add ("/receipts/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/receipts/paste-from-sidebar", Fixture, NULL, fixture_set_up, test_paste_from_sidebar, fixture_tear_down);
  g_test_add ("/receipts/second-receipt", Fixture, NULL, fixture_set_up, test_second_receipt, fixture_tear_down);
  return ui_test_run ();
}
