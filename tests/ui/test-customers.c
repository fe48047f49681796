/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Customers page as a shop owner uses it, through its real widgets:
 * a customer who owes on an issued invoice, their history, a customer
 * added and one edited through the dialog (a wrong phone is marked on its
 * field) and a statement saved as a PDF. Runs under Xvfb with a private
 * keyring. */
#include <adwaita.h>
#include <glib/gstdio.h>

#include "ui-test.h"
#include "daftari-application.h"
#include "daftari-customer-dialog.h"
#include "daftari-customer.h"
#include "daftari-customers-page.h"
#include "daftari-invoice.h"
#include "daftari-main-view.h"
#include "daftari-window.h"

/* A book with Wanjiku Stores, who owes KES 17,748.00 on an issued invoice. */
static char *
make_book (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  DaftariBookSetup setup = { "Duka la Majaribio", "KES", NULL };
  g_autoptr(DaftariBook) book = daftari_book_create (f->book_path, &setup, &error);
  DaftariCustomerSpec customer = { .name = "Wanjiku Stores", .phone = "0712345678", .kra_pin = "A123456789Z" };
  g_autoptr(DaftariInvoice) invoice = daftari_invoice_new ();
  DaftariInvoiceLine *line;
  char *number = NULL;

  g_assert_no_error (error);
  g_assert_true (daftari_customer_add (book, &customer, &invoice->customer_id, &error));
  line = daftari_invoice_add_line (invoice, "Sugar 50kg");
  line->quantity = 2000;
  line->unit_price = 765000;
  line->vat_rate = DAFTARI_VAT_STANDARD;
  g_assert_true (daftari_invoice_save_draft (book, invoice, &error));
  g_assert_no_error (error);
  g_assert_true (daftari_invoice_issue (book, invoice->id, 0, &number, &error));
  g_assert_no_error (error);
  return number;
}

static void
test_customers (Fixture *f, gconstpointer data)
{
  DaftariCustomersPage *page;
  DaftariCustomerDialog *dialog;
  g_autofree char *number = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  gint64 wanjiku;

  number = make_book (f);
  f->window = daftari_window_new (ui_test_app (), f->book_path);
  gtk_window_present (GTK_WINDOW (f->window));
  spin_a_moment ();
  daftari_main_view_show_page (DAFTARI_MAIN_VIEW (find_descendant (GTK_WIDGET (f->window), DAFTARI_TYPE_MAIN_VIEW)),
                               "customers");
  spin_a_moment ();
  page = DAFTARI_CUSTOMERS_PAGE (find_descendant (GTK_WIDGET (f->window), DAFTARI_TYPE_CUSTOMERS_PAGE));
  g_assert_nonnull (page);

  /* The list: the customer, their phone as people write it, what they owe. */
  g_assert_true (shows_text (GTK_WIDGET (page), "Wanjiku Stores"));
  g_assert_true (shows_text (GTK_WIDGET (page), "0712 345 678"));
  g_assert_true (shows_text (GTK_WIDGET (page), "KES 17,748.00"));
  g_assert_cmpint (daftari_customers_page_get_selected (page), ==, 0);
  g_assert_false (shows_text (GTK_WIDGET (page), number));

  /* Selected: the details and the history, with the invoice. */
  {
    GtkColumnView *view = child (page, DAFTARI_TYPE_CUSTOMERS_PAGE, "customer_view");
    GtkSelectionModel *model = gtk_column_view_get_model (view);

    gtk_selection_model_select_item (model, 0, TRUE);
    spin_a_moment ();
  }
  wanjiku = daftari_customers_page_get_selected (page);
  g_assert_cmpint (wanjiku, !=, 0);
  g_assert_true (shows_text (GTK_WIDGET (page), "A123456789Z"));
  g_assert_true (shows_text (GTK_WIDGET (page), number));
  g_assert_cmpstr (gtk_label_get_label (child (page, DAFTARI_TYPE_CUSTOMERS_PAGE, "owes_label")), ==,
                   "KES 17,748.00");

  /* A new customer through the dialog: in the list and selected. */
  gtk_widget_activate_action (GTK_WIDGET (page), "page.new-customer", NULL);
  spin_a_moment ();
  dialog = find_toplevel (DAFTARI_TYPE_CUSTOMER_DIALOG);
  g_assert_nonnull (dialog);
  set_text (child (dialog, DAFTARI_TYPE_CUSTOMER_DIALOG, "name_row"), "Otieno Hardware");
  set_text (child (dialog, DAFTARI_TYPE_CUSTOMER_DIALOG, "phone_row"), "0722 000 111");
  press (child (dialog, DAFTARI_TYPE_CUSTOMER_DIALOG, "submit_button"));
  g_assert_null (find_toplevel (DAFTARI_TYPE_CUSTOMER_DIALOG));
  g_assert_true (shows_text (GTK_WIDGET (page), "Otieno Hardware"));
  g_assert_true (shows_text (GTK_WIDGET (page), "0722 000 111"));
  {
    g_autoptr(DaftariBook) book = daftari_book_open (f->book_path, &error);
    g_autoptr(DaftariCustomer) otieno = NULL;

    g_assert_no_error (error);
    otieno = daftari_customer_find (book, "Otieno Hardware", &error);
    g_assert_no_error (error);
    g_assert_nonnull (otieno);
    g_assert_cmpstr (otieno->phone, ==, "254722000111");
    g_assert_cmpint (daftari_customers_page_get_selected (page), ==, otieno->id);
  }

  /* Editing: a wrong phone is marked on its field and cannot be saved. */
  daftari_customers_page_select (page, wanjiku);
  gtk_widget_activate_action (GTK_WIDGET (page), "page.edit-customer", NULL);
  spin_a_moment ();
  dialog = find_toplevel (DAFTARI_TYPE_CUSTOMER_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (child (dialog, DAFTARI_TYPE_CUSTOMER_DIALOG, "name_row")), ==,
                   "Wanjiku Stores");
  set_text (child (dialog, DAFTARI_TYPE_CUSTOMER_DIALOG, "phone_row"), "12345");
  g_assert_true (gtk_widget_has_css_class (child (dialog, DAFTARI_TYPE_CUSTOMER_DIALOG, "phone_row"), "error"));
  g_assert_true (gtk_widget_get_visible (child (dialog, DAFTARI_TYPE_CUSTOMER_DIALOG, "error_label")));
  g_assert_false (gtk_widget_get_sensitive (child (dialog, DAFTARI_TYPE_CUSTOMER_DIALOG, "submit_button")));
  set_text (child (dialog, DAFTARI_TYPE_CUSTOMER_DIALOG, "phone_row"), "0733 444 555");
  g_assert_false (gtk_widget_has_css_class (child (dialog, DAFTARI_TYPE_CUSTOMER_DIALOG, "phone_row"), "error"));
  press (child (dialog, DAFTARI_TYPE_CUSTOMER_DIALOG, "submit_button"));
  g_assert_null (find_toplevel (DAFTARI_TYPE_CUSTOMER_DIALOG));
  g_assert_cmpint (daftari_customers_page_get_selected (page), ==, wanjiku);
  g_assert_true (shows_text (GTK_WIDGET (page), "0733 444 555"));

  /* Searching by phone as people type it. */
  set_text (child (page, DAFTARI_TYPE_CUSTOMERS_PAGE, "search_entry"), "0722 00");
  spin_a_moment ();
  spin_a_moment ();
  g_assert_true (shows_text (GTK_WIDGET (page), "Otieno Hardware"));
  g_assert_false (shows_text (GTK_WIDGET (page), "Wanjiku Stores"));
  set_text (child (page, DAFTARI_TYPE_CUSTOMERS_PAGE, "search_entry"), "");
  spin_a_moment ();
  spin_a_moment ();

  /* The statement, written where the test says. */
  daftari_customers_page_select (page, wanjiku);
  pdf = g_build_filename (f->dir, "statement.pdf", NULL);
  g_assert_true (daftari_customers_page_save_statement (page, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_unlink (pdf);
}

int
main (int argc, char **argv)
{
  int skip = ui_test_init (&argc, &argv);

  if (skip != 0)
    return skip;

  g_test_add ("/ui/customers", Fixture, NULL, fixture_set_up, test_customers, fixture_tear_down);
  return ui_test_run ();
}
