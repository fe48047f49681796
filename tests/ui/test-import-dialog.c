/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Import assistant as a shop owner uses it, through its real widgets:
 * a statement previewed (nothing written), imported, then undone; pasted
 * M-PESA messages; and a file that is not a statement refused with a
 * message. Runs under Xvfb with a private keyring. */
#include <adwaita.h>

#include "ui-test.h"
#include "daftari-import-dialog.h"
#include "daftari-window.h"

static const char statement[] =
  "Receipt No.,Completion Time,Details,Transaction Status,Paid In,Withdrawn,Balance\n"
  "SKA1B2C3D5,2025-03-10 12:00:00,\"Customer Transfer to - 2547******123 JOHN KAMAU\",Completed,,\"-1,200.00\",\"3,800.00\"\n"
  "SKA1B2C3D4,2025-03-10 09:00:00,\"Funds received from - 2547******541 JANE WANJIRU\",Completed,\"5,000.00\",,\"5,000.00\"\n";

static DaftariImportDialog *
open_dialog (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  DaftariBookSetup setup = { "Duka la Majaribio", "KES", NULL };
  g_autoptr(DaftariBook) book = daftari_book_create (f->book_path, &setup, &error);
  DaftariAccountSpec mpesa = { .name = "M-PESA", .kind = DAFTARI_ACCOUNT_MPESA };
  DaftariImportDialog *dialog;

  g_assert_no_error (error);
  g_assert_true (daftari_account_add (book, &mpesa, NULL, &error));
  g_clear_object (&book);
  f->window = daftari_window_new (ui_test_app (), f->book_path);
  gtk_window_present (GTK_WINDOW (f->window));
  spin_a_moment ();
  dialog = daftari_import_dialog_new (GTK_WINDOW (f->window), daftari_window_get_session (f->window));
  gtk_window_present (GTK_WINDOW (dialog));
  spin_a_moment ();
  return dialog;
}

typedef struct {
  DaftariImportDialog *dialog;
  const char          *step;
} Wait;

static gboolean
at_step (gpointer data)
{
  Wait *wait = data;
  return g_str_equal (daftari_import_dialog_get_step (wait->dialog), wait->step);
}

static void
next_until (DaftariImportDialog *dialog, const char *step)
{
  Wait wait = { dialog, step };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL));
  spin_until (at_step, &wait);
}

static void
test_preview_import_undo (Fixture *f, gconstpointer data)
{
  DaftariImportDialog *dialog = open_dialog (f);
  g_autoptr(GBytes) bytes = g_bytes_new_static (statement, sizeof statement - 1);

  daftari_import_dialog_set_file (dialog, bytes, "statement.csv");
  g_assert_true (shows_text (GTK_WIDGET (dialog), "M-PESA statement (CSV)"));

  /* The preview is a dry run: it says what will happen and writes nothing. */
  next_until (dialog, "preview");
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Will be recorded"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Every figure adds up"));
  /* Each row with what will become of it. */
  g_assert_true (shows_text (GTK_WIDGET (dialog), "2025-03-10 · JANE WANJIRU"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "-KES 1,200.00"));
  g_assert_cmpint (ui_test_db_int (f->book_path, "SELECT count (*) FROM txn WHERE kind != 'opening'"), ==, 0);

  next_until (dialog, "done");
  g_assert_true (shows_text (GTK_WIDGET (dialog), "2 Transactions Imported"));
  g_assert_cmpint (ui_test_db_int (f->book_path, "SELECT count (*) FROM txn WHERE kind != 'opening' AND NOT voided"), ==, 2);
  g_assert_cmpint (ui_test_db_int (f->book_path, "SELECT balance FROM account WHERE name = 'M-PESA'"), ==, 380000);

  /* Undone whole: the transactions are voided, the balance back to nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.undo", NULL));
  spin_a_moment ();
  g_assert_null (find_toplevel (DAFTARI_TYPE_IMPORT_DIALOG));
  g_assert_cmpint (ui_test_db_int (f->book_path, "SELECT balance FROM account WHERE name = 'M-PESA'"), ==, 0);
}

static void
test_pasted_messages (Fixture *f, gconstpointer data)
{
  DaftariImportDialog *dialog = open_dialog (f);
  GtkTextView *view = GTK_TEXT_VIEW (find_descendant (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.paste", NULL));
  g_assert_cmpstr (daftari_import_dialog_get_step (dialog), ==, "paste");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view),
                            "SKB7X8Y9Z0 Confirmed. You have received Ksh2,500.00 from PETER OTIENO 0722000111 "
                            "on 11/3/25 at 10:15 AM. New M-PESA balance is Ksh2,500.00. Transaction cost, Ksh0.00.\n"
                            "Your data bundle expires today. Dial *544#.", -1);
  next_until (dialog, "preview");
  next_until (dialog, "done");
  g_assert_cmpint (ui_test_db_int (f->book_path, "SELECT balance FROM account WHERE name = 'M-PESA'"), ==, 250000);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_not_a_statement (Fixture *f, gconstpointer data)
{
  DaftariImportDialog *dialog = open_dialog (f);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("Dear customer, your goods are ready", 35);

  daftari_import_dialog_set_file (dialog, bytes, "note.txt");
  g_assert_true (shows_text (GTK_WIDGET (dialog), "not a file Daftari can import"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL));
  spin_a_moment ();
  g_assert_cmpstr (daftari_import_dialog_get_step (dialog), ==, "source");
  g_assert_cmpint (ui_test_db_int (f->book_path, "SELECT count (*) FROM import_batch"), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int argc, char **argv)
{
  int status = ui_test_init (&argc, &argv);

  if (status != 0)
    return status;
  g_test_add ("/import/preview-import-undo", Fixture, NULL, fixture_set_up, test_preview_import_undo, fixture_tear_down);
  g_test_add ("/import/pasted-messages", Fixture, NULL, fixture_set_up, test_pasted_messages, fixture_tear_down);
  g_test_add ("/import/not-a-statement", Fixture, NULL, fixture_set_up, test_not_a_statement, fixture_tear_down);
  return ui_test_run ();
}
