/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Daftari window as a user meets it, driven through its real widgets:
 * first run with a PIN, locking, wrong PINs and their growing wait, the
 * transfer limit refused on the field, a transfer reaching the ledger, and
 * a void undone from its toast. Runs under Xvfb with a private keyring. */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ui-test.h"
#include "daftari-application.h"
#include "daftari-ledger-item.h"
#include "daftari-lock-page.h"
#include "daftari-main-view.h"
#include "daftari-onboarding.h"
#include "daftari-receipt-store.h"
#include "daftari-schedule-dialog.h"
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

/* The PIN typed on the keyboard into the lock page opens the book: keys
 * reach the entry through the window's activity watch. */
static void
test_typed_pin (Fixture *f, gconstpointer data)
{
  /* RIGHT_PIN's digits, one key each, then Enter. */
  const char *const pin_keys[] = { "2", "4", "6", "8", "Return", NULL };
  DaftariLockPage *lock_page;
  GtkWidget *entry;

  open_window (f);
  first_run (f);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.lock", NULL);
  g_assert_cmpstr (shell_page (f), ==, "lock");
  lock_page = child (f->window, DAFTARI_TYPE_WINDOW, "lock_page");
  entry = child (lock_page, DAFTARI_TYPE_LOCK_PAGE, "entry");
  gtk_widget_grab_focus (entry);
  if (!ui_test_press_keys (GTK_WINDOW (f->window), pin_keys))
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

/* Five wallets, as a shop often has, with balances long enough to be cut
 * by a narrow drop-down, and a transfer between two of them. */
static void
make_shop_book (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariBook) book = NULL;
  g_autoptr(DaftariAccount) from = NULL;
  g_autoptr(DaftariAccount) to = NULL;
  gint64 opened = daftari_calendar_now () - 3600;
  DaftariAccountSpec more[] = {
    { .name = "Equity", .kind = DAFTARI_ACCOUNT_BANK, .institution = "Equity" },
    { .name = "Cash box", .kind = DAFTARI_ACCOUNT_CASH, .opening = 2807750, .opening_ts = opened },
    { .name = "Bitcoin", .kind = DAFTARI_ACCOUNT_CRYPTO, .opening = 616304, .opening_ts = opened },
  };
  DaftariTransferSpec spec = { 0 };

  make_book (f);
  book = daftari_book_open (f->book_path, &error);
  g_assert_no_error (error);
  /* Crypto is opened at a rate the owner entered. */
  g_assert_true (daftari_rates_set (book, daftari_commodity_lookup ("BTC"), 20240101,
                                    (gint64) 9000000 * DAFTARI_RATE_ONE, &error));
  for (guint i = 0; i < G_N_ELEMENTS (more); i++)
    {
      daftari_account_add (book, &more[i], NULL, &error);
      g_assert_no_error (error);
    }
  from = daftari_account_find (book, "M-PESA", &error);
  to = daftari_account_find (book, "KCB", &error);
  g_assert_no_error (error);
  spec = (DaftariTransferSpec) { from->id, to->id, 300000, 0, daftari_calendar_now (), "Float to the bank" };
  g_assert_true (daftari_ops_transfer (book, &spec, NULL, &error));
  g_assert_no_error (error);
}

static DaftariMainView *
main_view_of (Fixture *f)
{
  return DAFTARI_MAIN_VIEW (find_descendant (GTK_WIDGET (f->window), DAFTARI_TYPE_MAIN_VIEW));
}

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

/* A 1366×768 laptop leaves about 700 pixels under its panels: every page,
 * and the ledger with a row selected (its action bar showing), must fit in
 * 600, scrolling what does not. Five wallets' cards, one a row on a narrow
 * window, used to make it 815 to 892. */
static void
test_fits_small_screen (Fixture *f, gconstpointer data)
{
  static const char *const pages[] = {
    "dashboard", "wallets", "invoices", "customers", "receipts", "reports", "plan", "review",
  };
  GtkColumnView *view;

  make_shop_book (f);
  open_window (f);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      daftari_main_view_show_page (main_view_of (f), pages[i]);
      spin_a_moment ();
      g_test_message ("%s: at least %d pixels high", pages[i], min_window_height (f));
      g_assert_cmpint (min_window_height (f), <=, 600);
    }

  daftari_main_view_show_page (main_view_of (f), "wallets");
  spin_a_moment ();
  view = GTK_COLUMN_VIEW (find_descendant (GTK_WIDGET (f->window), GTK_TYPE_COLUMN_VIEW));
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (view)), 0);
  spin_a_moment ();
  g_assert_true (gtk_revealer_get_reveal_child (child (find_descendant (GTK_WIDGET (f->window), DAFTARI_TYPE_WALLETS_PAGE),
                                                      DAFTARI_TYPE_WALLETS_PAGE, "selection_bar")));
  g_test_message ("wallets, a row selected: at least %d pixels high", min_window_height (f));
  g_assert_cmpint (min_window_height (f), <=, 600);
}

/* --- wallet drop-downs --- */

/* Whether a mapped label under widget shows its text shortened. */
static gboolean
shows_ellipsis (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
    {
      g_test_message ("cut: %s", gtk_label_get_label (GTK_LABEL (widget)));
      return TRUE;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (shows_ellipsis (c))
      return TRUE;
  return FALSE;
}

/* A wallet in a dialog's drop-down shows its whole name and balance, in
 * the row and in the list it opens. */
static void
test_wallet_balances_whole (Fixture *f, gconstpointer data)
{
  DaftariTransferDialog *dialog;
  AdwComboRow *from;
  GtkWidget *popover;

  make_shop_book (f);
  open_window (f);
  dialog = open_transfer (f);
  from = child (dialog, DAFTARI_TYPE_TRANSFER_DIALOG, "from_row");
  /* Wallets come in the order they were added. */
  adw_combo_row_set_selected (from, 3);
  spin_a_moment ();
  g_assert_true (shows_text (GTK_WIDGET (from), "Cash box"));
  g_assert_true (shows_text (GTK_WIDGET (from), "KES 28,077.50"));
  g_assert_false (shows_ellipsis (GTK_WIDGET (from)));

  g_signal_emit_by_name (from, "activate");
  spin_a_moment ();
  popover = find_descendant (GTK_WIDGET (from), GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_mapped (popover));
  g_assert_true (shows_text (popover, "BTC 0.00616304"));
  g_assert_true (shows_text (popover, "KES 28,077.50"));
  g_assert_false (shows_ellipsis (popover));
  gtk_popover_popdown (GTK_POPOVER (popover));
  gtk_window_close (GTK_WINDOW (dialog));
  spin_a_moment ();
}

/* A schedule's target is a wallet for a transfer, a category otherwise:
 * the same row shows both lists whole, the one after the other. */
static void
test_schedule_target_whole (Fixture *f, gconstpointer data)
{
  DaftariScheduleDialog *dialog;
  AdwComboRow *kind, *target;

  make_shop_book (f);
  open_window (f);
  dialog = daftari_schedule_dialog_new (GTK_WINDOW (f->window), daftari_window_get_session (f->window), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  spin_a_moment ();
  kind = child (dialog, DAFTARI_TYPE_SCHEDULE_DIALOG, "kind_row");
  target = child (dialog, DAFTARI_TYPE_SCHEDULE_DIALOG, "target_row");
  g_assert_false (shows_text (GTK_WIDGET (target), "KES"));

  adw_combo_row_set_selected (kind, 2);   /* a transfer */
  adw_combo_row_set_selected (target, 3);
  spin_a_moment ();
  g_assert_true (shows_text (GTK_WIDGET (target), "KES 28,077.50"));
  g_assert_false (shows_ellipsis (GTK_WIDGET (target)));

  adw_combo_row_set_selected (kind, 0);   /* an expense again */
  spin_a_moment ();
  g_assert_false (shows_text (GTK_WIDGET (target), "KES"));
  g_assert_true (shows_text (GTK_WIDGET (target), "Other expenses"));
  gtk_window_close (GTK_WINDOW (dialog));
  spin_a_moment ();
}

/* --- the receipt viewer --- */


/* A small picture, as a phone's photo of a receipt would be. */
static GBytes *
receipt_png (void)
{
  const int width = 40, height = 60;
  g_autofree guchar *pixels = g_malloc (width * height * 3);
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  memset (pixels, 0xf0, width * height * 3);
  data = g_bytes_new_take (g_steal_pointer (&pixels), width * height * 3);
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_R8G8B8, data, width * 3);
  return gdk_texture_save_to_png_bytes (texture);
}

/* A matatu fare paid from M-PESA, its receipt kept with it. */
static void
save_fare_with_receipt (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariBook) book = daftari_book_open (f->book_path, &error);
  g_autoptr(DaftariAccount) wallet = daftari_account_find (book, "M-PESA", &error);
  g_autoptr(DaftariAccount) category = daftari_account_find (book, "Transport", &error);
  g_autoptr(GBytes) image = receipt_png ();
  DaftariReceiptSave spec = { .amount = 25000, .ts = daftari_calendar_now (), .memo = "Matatu fare",
                              .image = image, .mime = "image/png", .name = "fare.png" };

  g_assert_no_error (error);
  spec.wallet_id = wallet->id;
  spec.category_id = category->id;
  g_assert_true (daftari_receipt_save (book, &spec, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* A book whose only expense keeps a receipt, open on the ledger: its
 * column view. */
static GtkColumnView *
open_ledger_with_receipt (Fixture *f)
{
  make_book (f);
  save_fare_with_receipt (f);
  open_window (f);
  daftari_main_view_show_page (main_view_of (f), "wallets");
  spin_a_moment ();
  return GTK_COLUMN_VIEW (find_descendant (GTK_WIDGET (f->window), GTK_TYPE_COLUMN_VIEW));
}

/* The mapped images under widget showing icon_name; the last in *found. */
static guint
count_icons (GtkWidget *widget, const char *icon_name, GtkWidget **found)
{
  guint n = 0;

  if (!gtk_widget_get_mapped (widget))
    return 0;
  if (GTK_IS_IMAGE (widget) && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (widget)), icon_name) == 0)
    {
      *found = widget;
      return 1;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    n += count_icons (c, icon_name, found);
  return n;
}

/* A ledger row whose transaction keeps a receipt carries a sign saying so,
 * in a narrow column of its own; the others do not. */
static void
test_ledger_receipt_sign (Fixture *f, gconstpointer data)
{
  GtkColumnView *view;
  GListModel *rows;
  GtkWidget *sign = NULL;
  g_autoptr(DaftariLedgerItem) fare = NULL;
  g_autoptr(DaftariLedgerItem) opening = NULL;
  GtkColumnViewColumn *description;

  view = open_ledger_with_receipt (f);
  rows = G_LIST_MODEL (gtk_column_view_get_model (view));
  /* The fare, then M-PESA's opening balance. */
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  fare = g_list_model_get_item (rows, 0);
  opening = g_list_model_get_item (rows, 1);
  g_assert_cmpstr (daftari_ledger_item_get_description (fare), ==, "Matatu fare");
  g_assert_true (daftari_ledger_item_get_has_receipt (fare));
  g_assert_false (daftari_ledger_item_get_has_receipt (opening));

  /* One sign for two rows, and it says what it means. */
  g_assert_cmpuint (count_icons (GTK_WIDGET (view), "x-office-document-symbolic", &sign), ==, 1);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (sign), ==, "Has a receipt");
  g_assert_cmpint (gtk_widget_get_width (sign), <, 40);
  /* Its column has no title and does not grow into the description's room. */
  description = g_list_model_get_item (gtk_column_view_get_columns (view), 2);
  g_object_unref (description);
  g_assert_cmpstr (gtk_column_view_column_get_title (description), ==, "Description");
  g_assert_true (gtk_column_view_column_get_expand (description));
  {
    GtkColumnViewColumn *column = g_list_model_get_item (gtk_column_view_get_columns (view), 1);

    g_object_unref (column);
    g_assert_null (gtk_column_view_column_get_title (column));
    g_assert_false (gtk_column_view_column_get_expand (column));
  }
}

/* The receipt opened from the ledger closes on Escape, as dialogs do. */
static void
test_receipt_viewer_escape (Fixture *f, gconstpointer data)
{
  const char *const escape[] = { "Escape", NULL };
  GtkColumnView *view;
  g_autoptr(GList) toplevels = NULL;
  GtkWindow *viewer = NULL;
  gboolean closed = FALSE;

  view = open_ledger_with_receipt (f);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (view)), 0);
  gtk_widget_activate_action (find_descendant (GTK_WIDGET (f->window), DAFTARI_TYPE_WALLETS_PAGE),
                              "page.view-receipt", NULL);
  spin_a_moment ();
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (shows_text (l->data, "fare.png"))
      viewer = l->data;
  g_assert_nonnull (viewer);
  g_signal_connect_swapped (viewer, "destroy", G_CALLBACK (set_true), &closed);
  if (!ui_test_press_keys (viewer, escape))
    {
      gtk_window_destroy (viewer);
      return;
    }
  spin_until (is_true, &closed);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
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
  g_test_add ("/ui/wallet-balances-whole", Fixture, NULL, fixture_set_up, test_wallet_balances_whole,
              fixture_tear_down);
  g_test_add ("/ui/schedule-target-whole", Fixture, NULL, fixture_set_up, test_schedule_target_whole,
              fixture_tear_down);
  g_test_add ("/ui/ledger-receipt-sign", Fixture, NULL, fixture_set_up, test_ledger_receipt_sign, fixture_tear_down);
  g_test_add ("/ui/receipt-viewer-escape", Fixture, NULL, fixture_set_up, test_receipt_viewer_escape,
              fixture_tear_down);
  return ui_test_run ();
}
