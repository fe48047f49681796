/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Review page as a shop owner uses it: a payment Daftari was not sure
 * about is accepted against the invoice it suggests; an imported row over
 * the limit is refused again, then dismissed. Runs under Xvfb with a
 * private keyring. */
#include <adwaita.h>

#include "ui-test.h"
#include "daftari-category-dialog.h"
#include "daftari-customer.h"
#include "daftari-import-source.h"
#include "daftari-import.h"
#include "daftari-invoice.h"
#include "daftari-main-view.h"
#include "daftari-preferences.h"
#include "daftari-reconcile.h"
#include "daftari-review-page.h"
#include "daftari-window.h"

static const char big_statement[] =
  "Receipt No.,Completion Time,Details,Transaction Status,Paid In,Withdrawn,Balance\n"
  "SKA1B2C3D4,2025-03-10 09:00:00,\"Funds received from - 2547******541 JANE WANJIRU\",Completed,\"600,000.00\",,\"600,000.00\"\n";

/* Wanjiku Stores owes 7,500 on an invoice; 7,500 came in from a payer whose
 * name is close but who gave no reference: a suggestion, not a certainty.
 * A 600,000 deposit in a statement is over the limit: held. */
static void
make_book (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  DaftariBookSetup setup = { "Duka la Majaribio", "KES", NULL };
  g_autoptr(DaftariBook) book = daftari_book_create (f->book_path, &setup, &error);
  DaftariAccountSpec mpesa = { .name = "M-PESA", .kind = DAFTARI_ACCOUNT_MPESA };
  DaftariCustomerSpec wanjiku = { .name = "Wanjiku Stores", .phone = "0712345678" };
  g_autoptr(DaftariInvoice) invoice = daftari_invoice_new ();
  g_autoptr(DaftariAccount) sales = NULL;
  g_autoptr(DaftariTxn) txn = NULL;
  g_autoptr(DaftariImportParse) parse = NULL;
  g_autoptr(DaftariImportResult) imported = NULL;
  g_autoptr(DaftariReconcileResult) reconciled = NULL;
  DaftariInvoiceLine *line;
  gint64 mpesa_id;
  gint64 now = daftari_calendar_now ();

  g_assert_no_error (error);
  g_assert_true (daftari_account_add (book, &mpesa, &mpesa_id, &error));
  g_assert_true (daftari_customer_add (book, &wanjiku, &invoice->customer_id, &error));
  line = daftari_invoice_add_line (invoice, "Sugar 50kg");
  line->quantity = DAFTARI_QUANTITY_ONE;
  line->unit_price = 750000;
  line->vat_rate = DAFTARI_VAT_EXEMPT;
  g_assert_true (daftari_invoice_save_draft (book, invoice, &error));
  g_assert_true (daftari_invoice_issue (book, invoice->id, now - 5 * 86400, NULL, &error));
  g_assert_no_error (error);

  sales = daftari_account_find (book, "Sales", &error);
  g_assert_no_error (error);
  txn = daftari_txn_new (DAFTARI_TXN_INCOME, now - 86400);
  daftari_txn_set_text (&txn->payee, "WANJIKU KAMAU");
  daftari_txn_add_split (txn, mpesa_id, 750000, 750000, DAFTARI_SPLIT_NORMAL);
  daftari_txn_add_split (txn, sales->id, -750000, -750000, DAFTARI_SPLIT_NORMAL);
  g_assert_true (daftari_ledger_post (book, txn, NULL, &error));
  g_assert_no_error (error);
  /* Nothing is applied at 100: everything waits for the owner. */
  reconciled = daftari_reconcile_run (book, 100, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reconciled->n_review, ==, 1);

  parse = daftari_import_source_parse (DAFTARI_IMPORT_SOURCE_MPESA_CSV, big_statement, sizeof big_statement - 1,
                                       NULL, &error);
  g_assert_no_error (error);
  imported = daftari_import_rows (book, mpesa_id, "mpesa-csv", "big.csv", parse, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imported->n_held, ==, 1);
}

static void
test_review (Fixture *f, gconstpointer data)
{
  DaftariReviewPage *page;

  make_book (f);
  f->window = daftari_window_new (ui_test_app (), f->book_path);
  gtk_window_present (GTK_WINDOW (f->window));
  spin_a_moment ();
  daftari_main_view_show_page (DAFTARI_MAIN_VIEW (find_descendant (GTK_WIDGET (f->window), DAFTARI_TYPE_MAIN_VIEW)),
                               "review");
  spin_a_moment ();
  page = DAFTARI_REVIEW_PAGE (find_descendant (GTK_WIDGET (f->window), DAFTARI_TYPE_REVIEW_PAGE));
  g_assert_nonnull (page);
  g_assert_cmpuint (daftari_review_page_get_n_waiting (page), ==, 2);
  g_assert_true (shows_text (GTK_WIDGET (page), "KES 7,500.00 from WANJIKU KAMAU"));
  g_assert_true (shows_text (GTK_WIDGET (page), "Wanjiku Stores"));
  g_assert_true (shows_text (GTK_WIDGET (page), "over the per-transaction limit"));

  /* The held row is still over the limit: recording it is refused. */
  press (GTK_WIDGET (button_labelled (GTK_WIDGET (page), "_Record")));
  g_assert_cmpint (ui_test_db_int (f->book_path, "SELECT count (*) FROM import_row WHERE state = 'held'"), ==, 1);

  /* The suggestion accepted: the payment settles the invoice. */
  press (GTK_WIDGET (button_labelled (GTK_WIDGET (page), "_Accept")));
  g_assert_cmpint (ui_test_db_int (f->book_path, "SELECT count (*) FROM customer_payment"), ==, 1);
  g_assert_cmpint (ui_test_db_int (f->book_path, "SELECT sum (amount) FROM payment_allocation"), ==, 750000);
  g_assert_cmpuint (daftari_review_page_get_n_waiting (page), ==, 1);

  /* The held row dismissed: nothing is recorded, and nothing waits. */
  press (GTK_WIDGET (button_labelled (GTK_WIDGET (page), "_Dismiss")));
  g_assert_cmpint (ui_test_db_int (f->book_path, "SELECT count (*) FROM import_row WHERE state = 'held'"), ==, 0);
  g_assert_cmpuint (daftari_review_page_get_n_waiting (page), ==, 0);
  g_assert_true (shows_text (GTK_WIDGET (page), "Nothing to Review"));
}

/* The threshold the page's Match button uses is the one in Preferences. */
static void
test_threshold_in_preferences (Fixture *f, gconstpointer data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.daftari.Daftari");
  DaftariPreferences *preferences;

  make_book (f);
  f->window = daftari_window_new (ui_test_app (), f->book_path);
  gtk_window_present (GTK_WINDOW (f->window));
  spin_a_moment ();
  g_assert_cmpuint (g_settings_get_uint (settings, "reconcile-threshold"), ==, 90);
  g_action_group_activate_action (G_ACTION_GROUP (ui_test_app ()), "preferences", NULL);
  spin_a_moment ();
  preferences = find_toplevel (DAFTARI_TYPE_PREFERENCES);
  g_assert_nonnull (preferences);
  gtk_spin_button_set_value (child (preferences, DAFTARI_TYPE_PREFERENCES, "reconcile_threshold"), 95);
  g_assert_cmpuint (g_settings_get_uint (settings, "reconcile-threshold"), ==, 95);
  gtk_window_destroy (GTK_WINDOW (preferences));
  g_settings_reset (settings, "reconcile-threshold");
}

/* From the ledger: a transaction filed under another category, by the
 * same one write as every edit (an audit record says what it was). */
static void
test_change_category (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  DaftariCategoryDialog *dialog;
  gint64 expense;
  GtkStringList *names;
  guint rent = G_MAXUINT;

  make_book (f);
  f->window = daftari_window_new (ui_test_app (), f->book_path);
  gtk_window_present (GTK_WINDOW (f->window));
  spin_a_moment ();
  {
    DaftariSession *session = daftari_window_get_session (f->window);
    DaftariBook *book = daftari_session_get_book (session);
    g_autoptr(DaftariAccount) mpesa = daftari_account_find (book, "M-PESA", &error);
    g_autoptr(DaftariAccount) other = daftari_account_find (book, "Other expenses", &error);
    gboolean ok = daftari_ops_record (book, DAFTARI_TXN_EXPENSE, mpesa->id, other->id, 150000, daftari_calendar_now (),
                                      "Shop rent", &expense, &error);
    g_assert_no_error (error);
    g_assert_true (ok);
    dialog = daftari_category_dialog_new (GTK_WINDOW (f->window), session, expense, &error);
  }
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (dialog));
  spin_a_moment ();
  names = GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (find_descendant (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW))));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (names)); i++)
    if (g_str_equal (gtk_string_list_get_string (names, i), "Rent"))
      rent = i;
  g_assert_cmpuint (rent, !=, G_MAXUINT);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_descendant (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW)), rent);
  press (GTK_WIDGET (gtk_window_get_default_widget (GTK_WINDOW (dialog))));
  g_assert_null (find_toplevel (DAFTARI_TYPE_CATEGORY_DIALOG));
  g_assert_cmpint (ui_test_db_int (f->book_path, "SELECT count (*) FROM split s JOIN account a ON a.id = s.account_id"
                                                 " WHERE a.name = 'Rent' AND s.amount = 150000"), ==, 1);
  g_assert_cmpint (ui_test_db_int (f->book_path, "SELECT count (*) FROM audit WHERE action = 'edit'"), >=, 1);
}

int
main (int argc, char **argv)
{
  int status = ui_test_init (&argc, &argv);

  if (status != 0)
    return status;
  g_test_add ("/review/accept-and-dismiss", Fixture, NULL, fixture_set_up, test_review, fixture_tear_down);
  g_test_add ("/review/threshold-in-preferences", Fixture, NULL, fixture_set_up, test_threshold_in_preferences,
              fixture_tear_down);
  g_test_add ("/review/change-category", Fixture, NULL, fixture_set_up, test_change_category, fixture_tear_down);
  return ui_test_run ();
}
