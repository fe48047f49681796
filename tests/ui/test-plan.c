/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Plan page as a shop owner uses it: rent added through the dialog,
 * changed, its three months due posted (and the post undone and done
 * again), paused, resumed and deleted; amounts the book would refuse keep
 * Save off with the core's reason; a budget set, shown against what was
 * spent, removed and brought back. Every step is checked in the book file
 * itself. Runs under Xvfb with a private keyring. */
#include <adwaita.h>

#include "test-common.h"
#include "ui-test.h"
#include "daftari-budget-dialog.h"
#include "daftari-main-view.h"
#include "daftari-plan-page.h"
#include "daftari-schedule-dialog.h"
#include "daftari-window.h"

typedef struct {
  DaftariDay   today;
  DaftariMonth month;
  gint64       wallet, rent, fuel;
} Book;

/* An M-PESA wallet with KES 200,000 from three months back, and KES 5,000
 * of fuel this month. */
static void
make_book (Fixture *f, Book *b)
{
  g_autoptr(GError) error = NULL;
  DaftariBookSetup setup = { "Duka la Majaribio", "KES", NULL };
  g_autoptr(DaftariBook) book = daftari_book_create (f->book_path, &setup, &error);
  DaftariCalendar *calendar = daftari_book_get_calendar (book);
  DaftariAccountSpec mpesa = { .name = "M-PESA", .kind = DAFTARI_ACCOUNT_MPESA, .opening = 20000000 };
  g_autoptr(DaftariTxn) fuel = NULL;

  g_assert_no_error (error);
  b->today = daftari_calendar_today (calendar);
  b->month = b->today / 100;
  mpesa.opening_ts = daftari_calendar_day_noon (calendar, daftari_month_add (b->month, -3) * 100 + 1);
  g_assert_true (daftari_account_add (book, &mpesa, &b->wallet, &error));
  b->rent = test_account_id (book, "Rent");
  b->fuel = test_account_id (book, "Fuel");
  fuel = daftari_ops_build_record (book, DAFTARI_TXN_EXPENSE, b->wallet, b->fuel, 500000,
                                   daftari_calendar_now () - 60, "Rubis", &error);
  g_assert_no_error (error);
  g_assert_true (daftari_ledger_post (book, fuel, NULL, &error));
  g_assert_no_error (error);
}

static DaftariPlanPage *
open_plan (Fixture *f, DaftariMainView **out_view)
{
  DaftariMainView *view;

  f->window = daftari_window_new (ui_test_app (), f->book_path);
  gtk_window_present (GTK_WINDOW (f->window));
  spin_a_moment ();
  view = DAFTARI_MAIN_VIEW (find_descendant (GTK_WIDGET (f->window), DAFTARI_TYPE_MAIN_VIEW));
  daftari_main_view_show_page (view, "plan");
  spin_a_moment ();
  if (out_view != NULL)
    *out_view = view;
  return DAFTARI_PLAN_PAGE (find_descendant (GTK_WIDGET (f->window), DAFTARI_TYPE_PLAN_PAGE));
}

static gint64
db_int (Fixture *f, const char *sql)
{
  return ui_test_db_int (f->book_path, sql);
}

/* The position of text in a combo row's list of strings. */
static void
choose (AdwComboRow *row, const char *text)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text))
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  g_assert_not_reached ();
}

static gpointer
dialog_child (gpointer dialog, GType type, const char *name)
{
  return child (dialog, type, name);
}

static gboolean
sensitive (gpointer dialog, GType type, const char *name)
{
  return gtk_widget_get_sensitive (GTK_WIDGET (dialog_child (dialog, type, name)));
}

static const char *
error_text (gpointer dialog, GType type)
{
  GtkLabel *label = dialog_child (dialog, type, "error_label");
  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_label (label) : "";
}

static void
type_into (gpointer dialog, GType type, const char *name, const char *text)
{
  set_text (GTK_WIDGET (dialog_child (dialog, type, name)), text);
  spin_a_moment ();
}

static gboolean
toplevel_gone (gpointer type)
{
  return find_toplevel ((GType) GPOINTER_TO_SIZE (type)) == NULL;
}

static void
close_dialog (gpointer dialog, GType type)
{
  gtk_window_close (GTK_WINDOW (dialog));
  spin_until (toplevel_gone, GSIZE_TO_POINTER (type));
}

#define SD DAFTARI_TYPE_SCHEDULE_DIALOG

static DaftariScheduleDialog *
new_schedule_dialog (DaftariMainView *view)
{
  DaftariScheduleDialog *dialog;

  daftari_main_view_activate (view, "new-schedule");
  spin_a_moment ();
  dialog = find_toplevel (SD);
  g_assert_nonnull (dialog);
  return dialog;
}

static gboolean
undo_shown (gpointer window)
{
  return button_labelled (window, "_Undo") != NULL;
}

/* The notification's Undo, once it has slid in. */
static void
press_undo (Fixture *f)
{
  spin_until (undo_shown, f->window);
  press (GTK_WIDGET (button_labelled (GTK_WIDGET (f->window), "_Undo")));
}

/* Rent through the dialog, changed, posted, undone, posted again, paused,
 * resumed and deleted. */
static void
test_schedule (Fixture *f, gconstpointer data)
{
  DaftariMainView *view;
  DaftariPlanPage *page;
  DaftariScheduleDialog *dialog;
  AdwMessageDialog *confirm;
  GtkWidget *recurring, *coming;
  Book b;
  g_autofree char *start = NULL;
  g_autofree char *sql = NULL;
  gint64 id, posted_txns;

  make_book (f, &b);
  page = open_plan (f, &view);
  recurring = child (page, DAFTARI_TYPE_PLAN_PAGE, "recurring_group");
  coming = child (page, DAFTARI_TYPE_PLAN_PAGE, "coming_group");
  g_assert_true (shows_text (recurring, "None yet"));
  g_assert_false (gtk_widget_get_sensitive (child (page, DAFTARI_TYPE_PLAN_PAGE, "post_due_button")));

  /* Rent on the 1st from two months back: three months are due. */
  dialog = new_schedule_dialog (view);
  g_assert_false (sensitive (dialog, SD, "save_button"));        /* nothing typed yet */
  type_into (dialog, SD, "name_row", "Shop rent");
  choose (dialog_child (dialog, SD, "target_row"), "Rent");
  gtk_spin_button_set_value (dialog_child (dialog, SD, "month_day_spin"), 1);
  start = g_strdup_printf ("%04d-%02d-01", daftari_month_add (b.month, -2) / 100, daftari_month_add (b.month, -2) % 100);
  type_into (dialog, SD, "start_row", start);
  type_into (dialog, SD, "amount_row", "25,000");
  g_assert_cmpstr (error_text (dialog, SD), ==, "");
  g_assert_true (sensitive (dialog, SD, "save_button"));
  press (GTK_WIDGET (dialog_child (dialog, SD, "save_button")));
  spin_until (toplevel_gone, GSIZE_TO_POINTER (SD));
  sql = g_strdup_printf ("SELECT id FROM schedule WHERE name = 'Shop rent' AND kind = 'expense' AND amount = 2500000"
                         " AND wallet_id = %" G_GINT64_FORMAT " AND target_id = %" G_GINT64_FORMAT
                         " AND rule = 'monthly' AND rule_n = 1 AND active", b.wallet, b.rent);
  id = db_int (f, sql);
  g_assert_cmpint (id, >, 0);
  g_assert_true (shows_text (recurring, "Shop rent"));
  g_assert_true (shows_text (recurring, "KES 25,000.00"));
  g_assert_true (shows_text (recurring, "M-PESA → Rent · every month on day 1"));
  g_assert_true (shows_text (coming, "overdue"));
  g_assert_true (gtk_widget_get_sensitive (child (page, DAFTARI_TYPE_PLAN_PAGE, "post_due_button")));

  /* Edited: the form opens with what is stored; KES 30,000 from now on. */
  gtk_widget_activate_action (GTK_WIDGET (page), "page.edit-schedule", "x", id);
  spin_a_moment ();
  dialog = find_toplevel (SD);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Recurring Transaction");
  g_assert_cmpstr (gtk_editable_get_text (dialog_child (dialog, SD, "amount_row")), ==, "25,000.00");
  g_assert_cmpstr (gtk_editable_get_text (dialog_child (dialog, SD, "start_row")), ==, start);
  type_into (dialog, SD, "amount_row", "30,000");
  press (GTK_WIDGET (dialog_child (dialog, SD, "save_button")));
  spin_until (toplevel_gone, GSIZE_TO_POINTER (SD));
  g_assert_cmpint (db_int (f, "SELECT amount FROM schedule WHERE name = 'Shop rent'"), ==, 3000000);
  g_assert_cmpint (db_int (f, "SELECT count (*) FROM schedule"), ==, 1);
  g_assert_true (shows_text (recurring, "KES 30,000.00"));

  /* Post Due Now: three rents, in the book file; then undone, then again. */
  press (child (page, DAFTARI_TYPE_PLAN_PAGE, "post_due_button"));
  g_assert_cmpint (db_int (f, "SELECT count (*) FROM schedule_post"), ==, 3);
  posted_txns = db_int (f, "SELECT count (*) FROM txn t JOIN schedule_post p ON p.txn_id = t.id"
                           " WHERE t.kind = 'expense' AND NOT t.voided");
  g_assert_cmpint (posted_txns, ==, 3);
  sql = g_strdup_printf ("SELECT -SUM (amount) FROM split WHERE account_id = %" G_GINT64_FORMAT
                         " AND txn_id IN (SELECT id FROM txn WHERE NOT voided)", b.wallet);
  g_assert_cmpint (db_int (f, sql), ==, 3 * 3000000 + 500000 - 20000000);
  g_assert_false (shows_text (coming, "overdue"));
  g_assert_false (gtk_widget_get_sensitive (child (page, DAFTARI_TYPE_PLAN_PAGE, "post_due_button")));
  press_undo (f);
  g_assert_cmpint (db_int (f, "SELECT count (*) FROM schedule_post"), ==, 0);
  g_assert_cmpint (db_int (f, "SELECT count (*) FROM txn WHERE voided"), ==, 3);
  g_assert_true (shows_text (coming, "overdue"));
  press (child (page, DAFTARI_TYPE_PLAN_PAGE, "post_due_button"));
  g_assert_cmpint (db_int (f, "SELECT count (*) FROM schedule_post"), ==, 3);
  g_assert_cmpint (db_int (f, "SELECT count (*) FROM txn WHERE NOT voided AND kind = 'expense'"), ==, 4);

  /* Paused: nothing coming, and the row says so; resumed. */
  gtk_widget_activate_action (GTK_WIDGET (page), "page.pause-schedule", "x", id);
  spin_a_moment ();
  g_assert_cmpint (db_int (f, "SELECT active FROM schedule"), ==, 0);
  g_assert_true (shows_text (recurring, "Paused"));
  g_assert_false (shows_text (coming, "Shop rent"));
  gtk_widget_activate_action (GTK_WIDGET (page), "page.resume-schedule", "x", id);
  spin_a_moment ();
  g_assert_cmpint (db_int (f, "SELECT active FROM schedule"), ==, 1);
  g_assert_false (shows_text (recurring, "Paused"));

  /* Deleted after a confirmation; what it posted stays. */
  gtk_widget_activate_action (GTK_WIDGET (page), "page.delete-schedule", "x", id);
  spin_a_moment ();
  confirm = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "cancel");
  spin_a_moment ();
  g_assert_cmpint (db_int (f, "SELECT count (*) FROM schedule"), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (page), "page.delete-schedule", "x", id);
  spin_a_moment ();
  confirm = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (confirm, "delete");
  spin_a_moment ();
  g_assert_cmpint (db_int (f, "SELECT count (*) FROM schedule"), ==, 0);
  g_assert_cmpint (db_int (f, "SELECT count (*) FROM txn WHERE NOT voided AND kind = 'expense'"), ==, 4);
  g_assert_false (shows_text (recurring, "Shop rent"));
}

/* Amounts the book would refuse keep Save off, with the core's reason
 * beside the field; nothing is written. */
static void
test_invalid_amount (Fixture *f, gconstpointer data)
{
  DaftariMainView *view;
  DaftariScheduleDialog *dialog;
  GtkWidget *amount;
  Book b;
  const char *const bad[] = { "1,00.0", "12.345", "abc", "500,000.01" };

  make_book (f, &b);
  open_plan (f, &view);
  dialog = new_schedule_dialog (view);
  amount = dialog_child (dialog, SD, "amount_row");
  type_into (dialog, SD, "name_row", "Stock");
  type_into (dialog, SD, "amount_row", "500,000");                 /* exactly the limit: fine */
  g_assert_true (sensitive (dialog, SD, "save_button"));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      type_into (dialog, SD, "amount_row", bad[i]);
      g_assert_false (sensitive (dialog, SD, "save_button"));
      g_assert_cmpstr (error_text (dialog, SD), !=, "");
      g_assert_true (gtk_widget_has_css_class (amount, "error"));
    }
  g_assert_nonnull (strstr (error_text (dialog, SD), "limit"));    /* the ledger's own words */
  /* Pressing Enter in the field does not save it either. */
  g_signal_emit_by_name (amount, "entry-activated");
  spin_a_moment ();
  g_assert_nonnull (find_toplevel (SD));
  type_into (dialog, SD, "amount_row", "4,000");
  g_assert_true (sensitive (dialog, SD, "save_button"));
  g_assert_false (gtk_widget_has_css_class (amount, "error"));
  close_dialog (dialog, SD);
  g_assert_cmpint (db_int (f, "SELECT count (*) FROM schedule"), ==, 0);
}

#define BD DAFTARI_TYPE_BUDGET_DIALOG

/* A budget set through the dialog, shown with what was spent, removed
 * and brought back; another month has none. */
static void
test_budget (Fixture *f, gconstpointer data)
{
  DaftariMainView *view;
  DaftariPlanPage *page;
  DaftariBudgetDialog *dialog;
  GtkWidget *budgets;
  Book b;
  g_autofree char *sql = NULL;
  g_autofree char *month_words = NULL;
  g_autofree char *previous_words = NULL;

  make_book (f, &b);
  page = open_plan (f, &view);
  budgets = child (page, DAFTARI_TYPE_PLAN_PAGE, "budgets_group");
  g_assert_true (shows_text (budgets, "No budgets for this month"));

  daftari_main_view_activate (view, "set-budget");
  spin_a_moment ();
  dialog = find_toplevel (BD);
  g_assert_nonnull (dialog);
  choose (dialog_child (dialog, BD, "category_row"), "Fuel");
  type_into (dialog, BD, "amount_row", "-50");
  g_assert_false (sensitive (dialog, BD, "save_button"));
  g_assert_nonnull (strstr (error_text (dialog, BD), "negative"));
  type_into (dialog, BD, "amount_row", "6,000");
  g_assert_true (sensitive (dialog, BD, "save_button"));
  press (GTK_WIDGET (dialog_child (dialog, BD, "save_button")));
  spin_until (toplevel_gone, GSIZE_TO_POINTER (BD));
  sql = g_strdup_printf ("SELECT amount FROM budget WHERE category_id = %" G_GINT64_FORMAT " AND month = %d",
                         b.fuel, b.month);
  g_assert_cmpint (db_int (f, sql), ==, 600000);
  g_assert_true (shows_text (budgets, "Fuel"));
  g_assert_true (shows_text (budgets, "KES 5,000.00 of KES 6,000.00"));
  g_assert_true (shows_text (budgets, "83%"));
  month_words = daftari_budget_month_words (b.month);
  g_assert_true (shows_text (gtk_widget_get_parent (budgets), month_words));

  /* Another month has no budget of its own. */
  gtk_widget_activate_action (GTK_WIDGET (page), "page.previous-month", NULL);
  spin_a_moment ();
  previous_words = daftari_budget_month_words (daftari_month_add (b.month, -1));
  g_assert_cmpint (daftari_plan_page_get_month (page), ==, daftari_month_add (b.month, -1));
  g_assert_true (shows_text (gtk_widget_get_parent (budgets), previous_words));
  g_assert_false (shows_text (budgets, "Fuel"));
  gtk_widget_activate_action (GTK_WIDGET (page), "page.next-month", NULL);
  spin_a_moment ();
  g_assert_true (shows_text (budgets, "Fuel"));

  /* Removed, and back with Undo. */
  gtk_widget_activate_action (GTK_WIDGET (page), "page.remove-budget", "x", b.fuel);
  spin_a_moment ();
  g_assert_cmpint (db_int (f, "SELECT count (*) FROM budget"), ==, 0);
  g_assert_false (shows_text (budgets, "Fuel"));
  press_undo (f);
  g_assert_cmpint (db_int (f, sql), ==, 600000);
  g_assert_true (shows_text (budgets, "Fuel"));

  /* Changed for every month from its row. */
  gtk_widget_activate_action (GTK_WIDGET (page), "page.edit-budget", "x", b.fuel);
  spin_a_moment ();
  dialog = find_toplevel (BD);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (dialog_child (dialog, BD, "amount_row")), ==, "6,000.00");
  adw_combo_row_set_selected (dialog_child (dialog, BD, "applies_row"), 1);
  type_into (dialog, BD, "amount_row", "8,000");
  press (GTK_WIDGET (dialog_child (dialog, BD, "save_button")));
  spin_until (toplevel_gone, GSIZE_TO_POINTER (BD));
  g_assert_cmpint (db_int (f, "SELECT amount FROM budget WHERE month IS NULL"), ==, 800000);
  /* This month's own budget still wins over the every-month one. */
  g_assert_true (shows_text (budgets, "KES 5,000.00 of KES 6,000.00"));
}

int
main (int argc, char **argv)
{
  int status = ui_test_init (&argc, &argv);

  if (status != 0)
    return status;
  g_test_add ("/plan/schedule", Fixture, NULL, fixture_set_up, test_schedule, fixture_tear_down);
  g_test_add ("/plan/invalid-amount", Fixture, NULL, fixture_set_up, test_invalid_amount, fixture_tear_down);
  g_test_add ("/plan/budget", Fixture, NULL, fixture_set_up, test_budget, fixture_tear_down);
  return ui_test_run ();
}
