/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Invoices page as a shop owner uses it, through its real widgets: an
 * invoice typed into the editor with its live total, issued, paid in part
 * from M-PESA and voided, each step checked in the book through a
 * connection of its own. Runs under Xvfb with a private keyring. */
#include <adwaita.h>
#include <glib/gstdio.h>

#include "ui-test.h"
#include "daftari-application.h"
#include "daftari-customer.h"
#include "daftari-invoice-editor.h"
#include "daftari-invoice.h"
#include "daftari-invoices-page.h"
#include "daftari-main-view.h"
#include "daftari-payment-dialog.h"
#include "daftari-window.h"

static void
make_book (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  DaftariBookSetup setup = { "Duka la Majaribio", "KES", NULL };
  g_autoptr(DaftariBook) book = daftari_book_create (f->book_path, &setup, &error);
  DaftariAccountSpec mpesa = { .name = "M-PESA", .kind = DAFTARI_ACCOUNT_MPESA, .opening = 1000000,
                               .opening_ts = daftari_calendar_now () - 3600 };
  DaftariCustomerSpec customer = { .name = "Wanjiku Stores", .phone = "0712345678" };

  g_assert_no_error (error);
  g_assert_true (daftari_account_add (book, &mpesa, NULL, &error));
  g_assert_true (daftari_customer_add (book, &customer, NULL, &error));
  g_assert_no_error (error);
}

static DaftariInvoice *
load_invoice (Fixture *f, const char *number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariBook) book = daftari_book_open (f->book_path, &error);
  DaftariInvoice *invoice;

  g_assert_no_error (error);
  invoice = daftari_invoice_find (book, number, &error);
  g_assert_no_error (error);
  return invoice;
}

static guint
position_starting (GListModel *model, const char *prefix)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (model), i), prefix))
      return i;
  g_assert_not_reached ();
}

static void
test_invoice_issue_pay_void (Fixture *f, gconstpointer data)
{
  DaftariInvoicesPage *page;
  DaftariInvoiceEditor *editor;
  DaftariPaymentDialog *payment;
  AdwMessageDialog *confirm;
  GtkWidget *lines;
  AdwComboRow *wallets;
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariInvoice) issued = NULL;
  g_autoptr(DaftariInvoice) paid = NULL;
  g_autoptr(DaftariInvoice) voided = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *number = g_strdup_printf ("INV-%d-0001", g_date_time_get_year (now));

  make_book (f);
  f->window = daftari_window_new (ui_test_app (), f->book_path);
  gtk_window_present (GTK_WINDOW (f->window));
  spin_a_moment ();
  daftari_main_view_show_page (DAFTARI_MAIN_VIEW (find_descendant (GTK_WIDGET (f->window), DAFTARI_TYPE_MAIN_VIEW)),
                               "invoices");
  spin_a_moment ();
  page = DAFTARI_INVOICES_PAGE (find_descendant (GTK_WIDGET (f->window), DAFTARI_TYPE_INVOICES_PAGE));
  g_assert_true (shows_text (GTK_WIDGET (page), "No Invoices Yet"));

  /* The editor: a customer and a line; the total follows the typing. */
  gtk_widget_activate_action (GTK_WIDGET (page), "page.new-invoice", NULL);
  spin_a_moment ();
  editor = find_toplevel (DAFTARI_TYPE_INVOICE_EDITOR);
  g_assert_nonnull (editor);
  g_assert_false (gtk_widget_get_sensitive (child (editor, DAFTARI_TYPE_INVOICE_EDITOR, "issue_button")));
  adw_combo_row_set_selected (child (editor, DAFTARI_TYPE_INVOICE_EDITOR, "customer_row"), 0);
  lines = child (editor, DAFTARI_TYPE_INVOICE_EDITOR, "lines_box");
  set_text (find_named (lines, "description"), "Sugar 50kg");
  set_text (find_named (lines, "quantity"), "2");
  set_text (find_named (lines, "price"), "7,650");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_named (lines, "vat")), 0);
  g_assert_cmpstr (gtk_label_get_label (child (editor, DAFTARI_TYPE_INVOICE_EDITOR, "total_label")), ==,
                   "KES 17,748.00");

  /* A wrong price is marked on its field, and nothing can be saved. */
  set_text (find_named (lines, "price"), "7,65x");
  g_assert_true (gtk_widget_has_css_class (find_named (lines, "price"), "error"));
  g_assert_false (gtk_widget_get_sensitive (child (editor, DAFTARI_TYPE_INVOICE_EDITOR, "issue_button")));
  g_assert_true (gtk_widget_get_visible (child (editor, DAFTARI_TYPE_INVOICE_EDITOR, "error_label")));
  set_text (find_named (lines, "price"), "7,650");
  g_assert_false (gtk_widget_has_css_class (find_named (lines, "price"), "error"));

  press (child (editor, DAFTARI_TYPE_INVOICE_EDITOR, "issue_button"));
  g_assert_null (find_toplevel (DAFTARI_TYPE_INVOICE_EDITOR));
  issued = load_invoice (f, number);
  g_assert_true (issued->issued);
  g_assert_cmpint (issued->totals.total, ==, 1774800);
  g_assert_true (shows_text (GTK_WIDGET (page), number));
  g_assert_cmpint (daftari_invoices_page_get_selected (page), ==, issued->id);

  /* KES 10,000 from M-PESA: partly paid, KES 7,748.00 still owed. */
  gtk_widget_activate_action (GTK_WIDGET (page), "page.record-payment", NULL);
  spin_a_moment ();
  payment = find_toplevel (DAFTARI_TYPE_PAYMENT_DIALOG);
  g_assert_nonnull (payment);
  g_assert_cmpstr (gtk_editable_get_text (child (payment, DAFTARI_TYPE_PAYMENT_DIALOG, "amount_row")), ==,
                   "17,748.00");
  wallets = child (payment, DAFTARI_TYPE_PAYMENT_DIALOG, "wallet_row");
  adw_combo_row_set_selected (wallets, position_starting (adw_combo_row_get_model (wallets), "M-PESA"));
  set_text (child (payment, DAFTARI_TYPE_PAYMENT_DIALOG, "amount_row"), "10,000");
  press (child (payment, DAFTARI_TYPE_PAYMENT_DIALOG, "submit_button"));
  g_assert_null (find_toplevel (DAFTARI_TYPE_PAYMENT_DIALOG));
  paid = load_invoice (f, number);
  g_assert_cmpint (paid->paid, ==, 1000000);
  g_assert_cmpint (daftari_invoice_balance (paid), ==, 774800);
  g_assert_true (shows_text (GTK_WIDGET (page), "Partially paid"));
  g_assert_true (shows_text (GTK_WIDGET (page), "KES 7,748.00"));

  /* Print… through the page's own print operation, exported to a file:
   * a PDF whose pages GTK drew with our draw-page handler. */
  {
    g_autofree char *printed = g_build_filename (f->dir, "printed.pdf", NULL);
    g_autofree char *contents = NULL;
    gsize length = 0;
    g_autoptr(GError) print_error = NULL;

    g_assert_true (daftari_invoices_page_print_to_file (page, printed, &print_error));
    g_assert_no_error (print_error);
    g_assert_true (g_file_get_contents (printed, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 2000);
    g_assert_true (g_str_has_prefix (contents, "%PDF"));
    g_unlink (printed);
  }

  /* Void, after the confirmation; the books still balance. */
  gtk_widget_activate_action (GTK_WIDGET (page), "page.void", NULL);
  spin_a_moment ();
  confirm = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "void");
  spin_a_moment ();
  voided = load_invoice (f, number);
  g_assert_true (voided->voided);
  {
    g_autoptr(DaftariBook) book = daftari_book_open (f->book_path, &error);
    g_autoptr(GPtrArray) problems = daftari_check_run (book, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
  }
  g_assert_true (shows_text (GTK_WIDGET (page), "Void"));
}

int
main (int argc, char **argv)
{
  int skip = ui_test_init (&argc, &argv);

  if (skip != 0)
    return skip;

  g_test_add ("/ui/invoice-issue-pay-void", Fixture, NULL, fixture_set_up, test_invoice_issue_pay_void,
              fixture_tear_down);
  return ui_test_run ();
}
