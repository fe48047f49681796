/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Daftari window as a user meets it, driven through its real widgets:
 * first run with a PIN, locking, wrong PINs and their growing wait, the
 * transfer limit refused on the field, a transfer reaching the ledger, and
 * a void undone from its toast. Runs under Xvfb with a private keyring. */
#include <adwaita.h>
#include <glib/gstdio.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "ui-test.h"
#include "daftari-application.h"
#include "daftari-lock-page.h"
#include "daftari-main-view.h"
#include "daftari-onboarding.h"
#include "daftari-transfer-dialog.h"
#include "daftari-wallets-page.h"
#include "daftari-window.h"

#define RIGHT_PIN "2468"

static const char *
shell_page (Fixture *f)
{
  return gtk_stack_get_visible_child_name (child (f->window, DAFTARI_TYPE_WINDOW, "shell"));
}

static gboolean
shows_main (gpointer data)
{
  return g_strcmp0 (shell_page (data), "main") == 0;
}

/* Reads the book through a connection of its own, as another program would. */
static gint64
balance_of (Fixture *f, const char *wallet)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariBook) book = daftari_book_open (f->book_path, &error);
  g_autoptr(DaftariAccount) account = NULL;
  gint64 balance = 0;

  g_assert_no_error (error);
  account = daftari_account_find (book, wallet, &error);
  g_assert_no_error (error);
  g_assert_true (daftari_query_current_balance (book, account->id, &balance, &error));
  return balance;
}

static guint
count_transactions (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariBook) book = daftari_book_open (f->book_path, &error);
  g_autoptr(GPtrArray) txns = NULL;
  DaftariTxnFilter filter;

  g_assert_no_error (error);
  daftari_txn_filter_init (&filter);
  txns = daftari_query_transactions (book, &filter, &error);
  g_assert_no_error (error);
  return txns->len;
}

static void
open_window (Fixture *f)
{
  f->window = daftari_window_new (ui_test_app (), f->book_path);
  gtk_window_present (GTK_WINDOW (f->window));
  spin_a_moment ();
}

/* --- first run, PIN, lock --- */

typedef struct {
  gint64 now;
} FakeClock;

static gint64
fake_now (gpointer data)
{
  return ((FakeClock *) data)->now;
}

typedef struct {
  GtkLabel *message;
  Fixture  *fixture;
} Answer;

/* The lock page answered: a message appeared, or the book opened. */
static gboolean
answered (gpointer data)
{
  Answer *answer = data;
  return *gtk_label_get_label (answer->message) != '\0' || shows_main (answer->fixture);
}

typedef struct {
  DaftariPinStore *store;
  guint            failures;
} Counted;

/* The store counted one more wrong PIN than before. */
static gboolean
counted (gpointer data)
{
  Counted *c = data;
  g_usleep (20000);
  return daftari_pin_store_get_failures (c->store, NULL) > c->failures;
}

/* Sends a PIN as the entry does, and waits for the answer it should get:
 * "open" (the book shows), "wrong" (counted) or "wait" (refused unchecked). */
static void
try_pin (Fixture *f, const char *pin, const char *expect)
{
  DaftariLockPage *lock_page = child (f->window, DAFTARI_TYPE_WINDOW, "lock_page");
  Counted before = { daftari_window_get_pin_store (f->window), 0 };

  before.failures = daftari_pin_store_get_failures (before.store, NULL);
  g_signal_emit_by_name (lock_page, "unlock", pin);
  if (g_str_equal (expect, "open"))
    spin_until (shows_main, f);
  else if (g_str_equal (expect, "wrong"))
    spin_until (counted, &before);
  else
    {
      for (int i = 0; i < 5; i++)
        spin_a_moment ();
      g_assert_cmpuint (daftari_pin_store_get_failures (before.store, NULL), ==, before.failures);
    }
  if (!g_str_equal (expect, "open"))
    g_assert_cmpstr (shell_page (f), ==, "lock");
}

static void
type_wrong_pin (Fixture *f)
{
  DaftariLockPage *lock_page = child (f->window, DAFTARI_TYPE_WINDOW, "lock_page");
  GtkWidget *entry = child (lock_page, DAFTARI_TYPE_LOCK_PAGE, "entry");
  Answer answer = { child (lock_page, DAFTARI_TYPE_LOCK_PAGE, "message"), f };

  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (entry)));
  gtk_editable_set_text (GTK_EDITABLE (entry), "0000");
  /* What Enter does in the entry. */
  g_signal_emit_by_name (entry, "activate");
  /* The PIN leaves the entry the moment it is sent. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  spin_until (answered, &answer);
  g_assert_cmpstr (shell_page (f), ==, "lock");
}

static void
first_run (Fixture *f)
{
  DaftariOnboarding *onboarding = child (f->window, DAFTARI_TYPE_WINDOW, "onboarding");
  GtkStack *steps = child (onboarding, DAFTARI_TYPE_ONBOARDING, "steps");

  g_assert_cmpstr (shell_page (f), ==, "welcome");
  gtk_editable_set_text (child (onboarding, DAFTARI_TYPE_ONBOARDING, "business_row"), "Duka la Majaribio");
  press (child (onboarding, DAFTARI_TYPE_ONBOARDING, "create_button"));
  g_assert_true (g_file_test (f->book_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (steps), ==, "pin");
  g_assert_true (gtk_widget_get_visible (child (onboarding, DAFTARI_TYPE_ONBOARDING, "pin_group")));

  gtk_editable_set_text (child (onboarding, DAFTARI_TYPE_ONBOARDING, "pin_row"), RIGHT_PIN);
  gtk_editable_set_text (child (onboarding, DAFTARI_TYPE_ONBOARDING, "repeat_row"), RIGHT_PIN);
  press (child (onboarding, DAFTARI_TYPE_ONBOARDING, "set_pin_button"));
  spin_until (shows_main, f);
}

static void
test_first_run_pin_lock (Fixture *f, gconstpointer data)
{
  FakeClock clock = { 1800000000 };
  DaftariPinStore *store;
  gboolean has_pin = FALSE;
  gint64 first_wait, second_wait;
  guint failures;

  open_window (f);
  first_run (f);
  store = daftari_window_get_pin_store (f->window);
  g_assert_true (daftari_pin_store_has_pin (store, &has_pin, NULL));
  g_assert_true (has_pin);
  daftari_pin_store_set_clock (store, fake_now, &clock);

  /* Locking leaves no book data in any widget. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.lock", NULL);
  g_assert_cmpstr (shell_page (f), ==, "lock");
  g_assert_null (find_descendant (GTK_WIDGET (f->window), DAFTARI_TYPE_MAIN_VIEW));
  g_assert_null (find_descendant (GTK_WIDGET (f->window), GTK_TYPE_COLUMN_VIEW));
  g_assert_false (shows_text (GTK_WIDGET (f->window), "KES"));

  /* Five wrong PINs through the entry; the fifth earns a wait. */
  for (int i = 0; i < 5; i++)
    type_wrong_pin (f);
  first_wait = daftari_pin_store_get_wait (store, NULL);
  g_assert_cmpint (first_wait, >, 0);
  failures = daftari_pin_store_get_failures (store, NULL);

  /* During the wait even the right PIN is not checked, nor counted. */
  try_pin (f, RIGHT_PIN, "wait");
  g_assert_cmpuint (daftari_pin_store_get_failures (store, NULL), ==, failures);

  /* After it, another wrong PIN earns a longer wait. */
  clock.now += first_wait;
  try_pin (f, "1357", "wrong");
  second_wait = daftari_pin_store_get_wait (store, NULL);
  g_assert_cmpint (second_wait, >, first_wait);

  /* And the right PIN, once allowed, opens the book. */
  clock.now += second_wait;
  try_pin (f, RIGHT_PIN, "open");
  g_assert_cmpuint (daftari_pin_store_get_failures (store, NULL), ==, 0);
}

/* Keys pressed on the X server's keyboard, as a user types them: xdotool
 * sends them through XTEST to the window it gives the focus to. Emitting
 * signals would miss what a real key meets on its way, such as a
 * controller on the window that swallowed every key. */
static gboolean
type_on_keyboard (Fixture *f, const char *digits)
{
#ifdef GDK_WINDOWING_X11
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (f->window));
  g_autoptr(GPtrArray) argv = NULL;
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autoptr(GError) error = NULL;

  if (!GDK_IS_X11_SURFACE (surface))
    {
      g_test_skip ("typing needs an X display (xvfb-run)");
      return FALSE;
    }
  if (xdotool == NULL)
    {
      g_test_skip ("typing needs xdotool (build-aux/daftari.sh test installs it)");
      return FALSE;
    }
  argv = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (argv, g_steal_pointer (&xdotool));
  g_ptr_array_add (argv, g_strdup ("windowfocus"));
  g_ptr_array_add (argv, g_strdup ("--sync"));
  g_ptr_array_add (argv, g_strdup_printf ("%lu", (unsigned long) gdk_x11_surface_get_xid (surface)));
  /* One key name per digit ("type" would take all that follows as text). */
  g_ptr_array_add (argv, g_strdup ("key"));
  g_ptr_array_add (argv, g_strdup ("--delay"));
  g_ptr_array_add (argv, g_strdup ("40"));
  for (const char *d = digits; *d != '\0'; d++)
    g_ptr_array_add (argv, g_strndup (d, 1));
  g_ptr_array_add (argv, g_strdup ("Return"));
  g_ptr_array_add (argv, NULL);
  /* Not waited for: the window has to go on handling the keys. */
  g_assert_true (g_spawn_async (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return TRUE;
#else
  g_test_skip ("typing needs an X display (xvfb-run)");
  return FALSE;
#endif
}

/* The PIN typed on the keyboard into the lock page opens the book: keys
 * reach the entry through the window's activity watch. */
static void
test_typed_pin (Fixture *f, gconstpointer data)
{
  DaftariLockPage *lock_page;
  GtkWidget *entry;

  open_window (f);
  first_run (f);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.lock", NULL);
  g_assert_cmpstr (shell_page (f), ==, "lock");
  lock_page = child (f->window, DAFTARI_TYPE_WINDOW, "lock_page");
  entry = child (lock_page, DAFTARI_TYPE_LOCK_PAGE, "entry");
  gtk_widget_grab_focus (entry);
  if (!type_on_keyboard (f, RIGHT_PIN))
    return;
  spin_until (shows_main, f);
}

/* --- locking by itself --- */

static gboolean
shows_lock (gpointer data)
{
  return g_strcmp0 (shell_page (data), "lock") == 0;
}

static void
test_auto_lock (Fixture *f, gconstpointer data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.daftari.Daftari");
  gint64 start;

  /* The shortest wait the settings allow; restored for the other tests. */
  g_settings_set_uint (settings, "auto-lock-seconds", 30);
  open_window (f);
  first_run (f);
  start = g_get_monotonic_time ();
  while (g_get_monotonic_time () - start < 25 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (20000), TRUE);
  g_assert_cmpstr (shell_page (f), ==, "main");   /* not before its time */
  spin_until (shows_lock, f);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 29 * G_USEC_PER_SEC);
  g_assert_null (find_descendant (GTK_WIDGET (f->window), DAFTARI_TYPE_MAIN_VIEW));
  g_settings_reset (settings, "auto-lock-seconds");
}

/* --- transfers and voids --- */

static void
make_book (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  DaftariBookSetup setup = { "Duka la Majaribio", "KES", NULL };
  g_autoptr(DaftariBook) book = daftari_book_create (f->book_path, &setup, &error);
  DaftariAccountSpec mpesa = { .name = "M-PESA", .kind = DAFTARI_ACCOUNT_MPESA, .opening = 60000000,
                               .opening_ts = daftari_calendar_now () - 3600 };
  DaftariAccountSpec bank = { .name = "KCB", .kind = DAFTARI_ACCOUNT_BANK, .institution = "KCB" };

  g_assert_no_error (error);
  g_assert_true (daftari_account_add (book, &mpesa, NULL, &error));
  g_assert_true (daftari_account_add (book, &bank, NULL, &error));
  g_assert_no_error (error);
}

static DaftariTransferDialog *
open_transfer (Fixture *f)
{
  DaftariTransferDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.transfer", NULL);
  spin_a_moment ();
  dialog = find_toplevel (DAFTARI_TYPE_TRANSFER_DIALOG);
  g_assert_nonnull (dialog);
  return dialog;
}

static guint
ledger_rows (Fixture *f)
{
  GtkWidget *view = find_descendant (GTK_WIDGET (f->window), GTK_TYPE_COLUMN_VIEW);
  g_assert_nonnull (view);
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view))));
}

static void
test_transfer_limit_and_ledger (Fixture *f, gconstpointer data)
{
  DaftariTransferDialog *dialog;
  GtkWidget *amount, *submit;
  GtkLabel *error_label;

  make_book (f);
  open_window (f);
  g_assert_cmpstr (shell_page (f), ==, "main");
  dialog = open_transfer (f);
  amount = child (dialog, DAFTARI_TYPE_TRANSFER_DIALOG, "amount_row");
  submit = child (dialog, DAFTARI_TYPE_TRANSFER_DIALOG, "submit_button");
  error_label = child (dialog, DAFTARI_TYPE_TRANSFER_DIALOG, "error_label");

  /* A cent over the limit: said on the field, and nothing can be written. */
  gtk_editable_set_text (GTK_EDITABLE (amount), "500,000.01");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_label (error_label), "limit"));
  g_assert_true (gtk_widget_has_css_class (amount, "error"));
  g_assert_false (gtk_widget_get_sensitive (submit));
  press (submit);
  g_assert_cmpuint (count_transactions (f), ==, 1);
  g_assert_cmpint (balance_of (f, "M-PESA"), ==, 60000000);

  /* Exactly the limit is allowed. */
  gtk_editable_set_text (GTK_EDITABLE (amount), "500,000.00");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_true (gtk_widget_get_sensitive (submit));

  /* A transfer reaches the book, the ledger and the wallet cards. */
  gtk_editable_set_text (GTK_EDITABLE (amount), "1,250.50");
  press (submit);
  g_assert_null (find_toplevel (DAFTARI_TYPE_TRANSFER_DIALOG));
  g_assert_cmpuint (count_transactions (f), ==, 2);
  g_assert_cmpint (balance_of (f, "M-PESA"), ==, 60000000 - 125050);
  g_assert_cmpint (balance_of (f, "KCB"), ==, 125050);
  daftari_main_view_show_page (DAFTARI_MAIN_VIEW (find_descendant (GTK_WIDGET (f->window), DAFTARI_TYPE_MAIN_VIEW)),
                               "wallets");
  spin_a_moment ();
  g_assert_cmpuint (ledger_rows (f), ==, 2);
  g_assert_true (shows_text (GTK_WIDGET (f->window), "KES 598,749.50"));
  g_assert_true (shows_text (GTK_WIDGET (f->window), "KES 1,250.50"));
}

static void
test_void_and_undo (Fixture *f, gconstpointer data)
{
  DaftariWalletsPage *page;
  GtkColumnView *view;
  AdwToast *toast;
  g_autoptr(GError) error = NULL;
  DaftariTransferSpec spec = { 0 };

  make_book (f);
  {
    g_autoptr(DaftariBook) book = daftari_book_open (f->book_path, &error);
    g_autoptr(DaftariAccount) from = daftari_account_find (book, "M-PESA", &error);
    g_autoptr(DaftariAccount) to = daftari_account_find (book, "KCB", &error);
    spec = (DaftariTransferSpec) { from->id, to->id, 300000, 0, daftari_calendar_now (), "Float to the bank" };
    g_assert_true (daftari_ops_transfer (book, &spec, NULL, &error));
  }
  open_window (f);
  daftari_main_view_show_page (DAFTARI_MAIN_VIEW (find_descendant (GTK_WIDGET (f->window), DAFTARI_TYPE_MAIN_VIEW)),
                               "wallets");
  spin_a_moment ();
  page = DAFTARI_WALLETS_PAGE (find_descendant (GTK_WIDGET (f->window), DAFTARI_TYPE_WALLETS_PAGE));
  view = GTK_COLUMN_VIEW (find_descendant (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));

  /* The newest row is the transfer: void it. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (view)), 0);
  gtk_widget_activate_action (GTK_WIDGET (page), "page.void", NULL);
  spin_a_moment ();
  g_assert_cmpint (balance_of (f, "KCB"), ==, 0);
  g_assert_cmpint (balance_of (f, "M-PESA"), ==, 60000000);
  toast = daftari_window_get_last_toast (f->window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Transaction voided");

  /* Undo puts it back, money and all. */
  g_signal_emit_by_name (toast, "button-clicked");
  spin_a_moment ();
  g_assert_cmpint (balance_of (f, "KCB"), ==, 300000);
  g_assert_cmpint (balance_of (f, "M-PESA"), ==, 60000000 - 300000);
  g_assert_true (shows_text (GTK_WIDGET (f->window), "Float to the bank"));
}

/* --- fitting a small screen --- */

/* FITDEBUG-BEGIN */
static void
fit_dump (GtkWidget *w, int depth)
{
  int mw = 0, mh = 0;
  gtk_widget_measure (w, GTK_ORIENTATION_HORIZONTAL, -1, &mw, NULL, NULL, NULL);
  gtk_widget_measure (w, GTK_ORIENTATION_VERTICAL, -1, &mh, NULL, NULL, NULL);
  if (mh >= 120 || mw >= 400)
    g_test_message ("%*s%s %s vis=%d minw=%d minh=%d", depth * 2, "", G_OBJECT_TYPE_NAME (w),
                    gtk_widget_get_name (w), gtk_widget_get_visible (w), mw, mh);
  if (depth < 14 && (mh >= 120 || mw >= 400))
    for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
      fit_dump (c, depth + 1);
}
/* FITDEBUG-END */

static const char *const page_names[] = {
  "dashboard", "wallets", "invoices", "customers", "receipts", "reports", "plan", "review", NULL
};

/* The shortest the window can be made, as GTK works it out for the window
 * manager: the height it needs at its narrowest width. */
static int
min_window_height (Fixture *f)
{
  int min_width = 0, min_height = 0;

  gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_VERTICAL, min_width, &min_height, NULL, NULL, NULL);
  return min_height;
}

/* A 1366×768 laptop leaves about 700 px under its panels: every page,
 * and the ledger with a row selected (its action bar showing), must fit
 * in less, scrolling what does not. */
static void
test_fits_small_screen (Fixture *f, gconstpointer data)
{
  DaftariMainView *main_view;
  GtkColumnView *view;
  g_autoptr(GError) error = NULL;

  make_book (f);
  {
    g_autoptr(DaftariBook) book = daftari_book_open (f->book_path, &error);
    g_autoptr(DaftariAccount) from = daftari_account_find (book, "M-PESA", &error);
    g_autoptr(DaftariAccount) to = daftari_account_find (book, "KCB", &error);
    DaftariTransferSpec spec = { from->id, to->id, 300000, 0, daftari_calendar_now (), "Float to the bank" };
    /* Five wallets, as a shop often has: their cards take rows of their own
     * when the window is narrow. */
    DaftariAccountSpec more[] = {
      { .name = "Equity", .kind = DAFTARI_ACCOUNT_BANK, .institution = "Equity" },
      { .name = "Cash box", .kind = DAFTARI_ACCOUNT_CASH },
      { .name = "Bitcoin", .kind = DAFTARI_ACCOUNT_CRYPTO },
    };

    for (guint i = 0; i < G_N_ELEMENTS (more); i++)
      g_assert_true (daftari_account_add (book, &more[i], NULL, &error));
    g_assert_true (daftari_ops_transfer (book, &spec, NULL, &error));
    g_assert_no_error (error);
  }
  if (g_getenv ("FIT_BOOK")) /* FITDEBUG */
    {
      g_autofree char *contents = NULL; gsize len;
      g_assert_true (g_file_get_contents (g_getenv ("FIT_BOOK"), &contents, &len, NULL));
      daftari_book_remove_files (f->book_path);
      g_assert_true (g_file_set_contents (f->book_path, contents, len, NULL));
    }
  open_window (f);
  main_view = DAFTARI_MAIN_VIEW (find_descendant (GTK_WIDGET (f->window), DAFTARI_TYPE_MAIN_VIEW));
  for (guint i = 0; page_names[i] != NULL; i++)
    {
      daftari_main_view_show_page (main_view, page_names[i]);
      spin_a_moment ();
      g_test_message ("%s: %d", page_names[i], min_window_height (f));
      if (g_getenv ("FIT_DUMP")) fit_dump (GTK_WIDGET (f->window), 0); /* FITDEBUG */
      if (!g_getenv ("FIT_MEASURE")) g_assert_cmpint (min_window_height (f), <=, 600);
    }

  daftari_main_view_show_page (main_view, "wallets");
  spin_a_moment ();
  view = GTK_COLUMN_VIEW (find_descendant (GTK_WIDGET (f->window), GTK_TYPE_COLUMN_VIEW));
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (view)), 0);
  spin_a_moment ();
  g_test_message ("wallets, row selected: %d", min_window_height (f));
  if (!g_getenv ("FIT_MEASURE")) g_assert_cmpint (min_window_height (f), <=, 600);
}

int
main (int argc, char **argv)
{
  int skip = ui_test_init (&argc, &argv);

  if (skip != 0)
    return skip;

  g_test_add ("/ui/first-run-pin-lock", Fixture, NULL, fixture_set_up, test_first_run_pin_lock, fixture_tear_down);
  g_test_add ("/ui/typed-pin", Fixture, NULL, fixture_set_up, test_typed_pin, fixture_tear_down);
  g_test_add ("/ui/auto-lock", Fixture, NULL, fixture_set_up, test_auto_lock, fixture_tear_down);
  g_test_add ("/ui/transfer-limit-and-ledger", Fixture, NULL, fixture_set_up, test_transfer_limit_and_ledger,
              fixture_tear_down);
  g_test_add ("/ui/void-and-undo", Fixture, NULL, fixture_set_up, test_void_and_undo, fixture_tear_down);
  g_test_add ("/ui/fits-small-screen", Fixture, NULL, fixture_set_up, test_fits_small_screen, fixture_tear_down);
  return ui_test_run ();
}
