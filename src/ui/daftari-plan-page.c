/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-plan-page.h"

#include <glib/gi18n.h>

#include "daftari-budget.h"
#include "daftari-budget-dialog.h"
#include "daftari-budget-row.h"
#include "daftari-schedule.h"
#include "daftari-schedule-dialog.h"
#include "daftari-ui-util.h"

/* How far ahead Coming Up looks, and how many of its rows it shows. */
#define COMING_DAYS 30
#define COMING_ROWS 60

struct _DaftariPlanPage {
  DaftariPage          parent_instance;

  AdwPreferencesGroup *recurring_group;
  AdwPreferencesGroup *coming_group;
  AdwPreferencesGroup *budgets_group;
  GtkButton           *post_due_button;

  DaftariMonth         month;       /* the budgets shown; 0 until the book is known */
  gboolean             stale;       /* the book changed while the page was hidden */
  GHashTable          *accounts;    /* id → DaftariAccount*, archived ones too */
};

G_DEFINE_FINAL_TYPE (DaftariPlanPage, daftari_plan_page, DAFTARI_TYPE_PAGE)

DaftariMonth
daftari_plan_page_get_month (DaftariPlanPage *self)
{
  return self->month;
}

static DaftariBook *
book_of (DaftariPlanPage *self)
{
  return daftari_page_get_book (DAFTARI_PAGE (self));
}

static DaftariSession *
session_of (DaftariPlanPage *self)
{
  return daftari_page_get_session (DAFTARI_PAGE (self));
}

static DaftariDay
today_of (DaftariPlanPage *self)
{
  return daftari_calendar_today (daftari_book_get_calendar (book_of (self)));
}

static const char *
name_of (DaftariPlanPage *self, gint64 id)
{
  const DaftariAccount *account = g_hash_table_lookup (self->accounts, &id);
  return account != NULL ? account->name : "?";
}

/* An amount in its wallet's commodity: "KES 25,000.00". */
static char *
money_of (DaftariPlanPage *self, gint64 wallet_id, gint64 amount)
{
  const DaftariAccount *wallet = g_hash_table_lookup (self->accounts, &wallet_id);
  return daftari_ui_format_money (amount, wallet != NULL ? wallet->commodity
                                                         : daftari_book_get_currency (book_of (self)));
}

static void
load_accounts (DaftariPlanPage *self)
{
  g_autoptr(GPtrArray) accounts = daftari_account_list (book_of (self), TRUE, NULL);

  g_hash_table_remove_all (self->accounts);
  for (guint i = 0; accounts != NULL && i < accounts->len; i++)
    {
      DaftariAccount *account = g_steal_pointer (&g_ptr_array_index (accounts, i));
      g_hash_table_replace (self->accounts, &account->id, account);
    }
}

static void
changed (DaftariPlanPage *self)
{
  daftari_session_notify_changed (session_of (self));
}

/* --- Recurring --- */

/* Where the money goes: "M-PESA → Rent", "Sales → M-PESA",
 * "KCB → M-PESA", "M-PESA → Paybill 888880". */
static char *
route_of (DaftariPlanPage *self, const DaftariSchedule *s)
{
  const char *wallet = name_of (self, s->wallet_id);

  switch (s->kind)
    {
    case DAFTARI_TXN_INCOME:
      return g_strdup_printf ("%s → %s", name_of (self, s->target_id), wallet);
    case DAFTARI_TXN_PAYMENT:
      return g_strdup_printf ("%s → %s %s", wallet,
                              s->channel == DAFTARI_PAY_PAYBILL ? _("Paybill")
                              : s->channel == DAFTARI_PAY_TILL ? _("Till") : _("Pochi"), s->number);
    default:
      return g_strdup_printf ("%s → %s", wallet, s->target_id != 0 ? name_of (self, s->target_id) : "?");
    }
}

/* "Paused", "Ended", "Due since 2026-11-01", "Next on 2026-12-01". */
static char *
state_of (const DaftariSchedule *s, DaftariDay today)
{
  g_autofree char *next = s->next_day != 0 ? daftari_day_format (s->next_day) : NULL;

  if (!s->active)
    return g_strdup (_("Paused"));
  if (s->next_day == 0)
    return g_strdup (_("Ended"));
  if (s->next_day <= today)
    /* Translators: a recurring transaction not yet recorded: "Due since 2026-11-01" */
    return g_strdup_printf (_("Due since %s"), next);
  /* Translators: "Next on 2026-12-01" */
  return g_strdup_printf (_("Next on %s"), next);
}

static GMenuModel *
schedule_menu (const DaftariSchedule *s)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenuItem) edit = g_menu_item_new (_("_Edit…"), NULL);
  g_autoptr(GMenuItem) pause = g_menu_item_new (s->active ? _("_Pause") : _("_Resume"), NULL);
  g_autoptr(GMenuItem) delete = g_menu_item_new (_("_Delete…"), NULL);

  g_menu_item_set_action_and_target_value (edit, "page.edit-schedule", g_variant_new_int64 (s->id));
  g_menu_item_set_action_and_target_value (pause, s->active ? "page.pause-schedule" : "page.resume-schedule",
                                           g_variant_new_int64 (s->id));
  g_menu_item_set_action_and_target_value (delete, "page.delete-schedule", g_variant_new_int64 (s->id));
  g_menu_append_item (menu, edit);
  g_menu_append_item (menu, pause);
  g_menu_append_item (menu, delete);
  return G_MENU_MODEL (menu);
}

static void
schedule_activated (AdwActionRow *row, DaftariPlanPage *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "schedule-id");
  gtk_widget_activate_action (GTK_WIDGET (self), "page.edit-schedule", "x", id);
}

static GtkWidget *
schedule_row (DaftariPlanPage *self, const DaftariSchedule *s, DaftariDay today)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *menu_button = gtk_menu_button_new ();
  g_autoptr(GMenuModel) menu = schedule_menu (s);
  g_autofree char *route = route_of (self, s);
  g_autofree char *rule = daftari_recurrence_describe (&s->rule);
  g_autofree char *state = state_of (s, today);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s\n%s", route, rule, state);
  g_autofree char *amount = money_of (self, s->wallet_id, s->amount);
  GtkWidget *amount_label = daftari_ui_amount_label (amount);
  gint64 *id = g_new (gint64, 1);

  *id = s->id;
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), s->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_name (row, s->name);
  if (!s->active || s->next_day == 0)
    gtk_widget_add_css_class (amount_label, "dim-label");
  else if (s->next_day <= today)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("alarm-symbolic");
      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_tooltip_text (icon, _("Due: Post Due Now records it"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), amount_label);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_tooltip_text (menu_button, _("Edit, Pause or Delete"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu_button);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "schedule-id", id, g_free);
  g_signal_connect (row, "activated", G_CALLBACK (schedule_activated), self);
  return row;
}

static void
show_schedules (DaftariPlanPage *self, GPtrArray *schedules, DaftariDay today)
{
  daftari_ui_group_clear (self->recurring_group);
  for (guint i = 0; i < schedules->len; i++)
    daftari_ui_group_add (self->recurring_group, schedule_row (self, g_ptr_array_index (schedules, i), today));
  adw_preferences_group_set_description (self->recurring_group, schedules->len > 0
      ? _("Rent, wages and other regular payments. Post Due Now records what has fallen due.")
      : _("None yet. Add rent, wages or any other regular payment with the + button."));
}

/* --- Coming up --- */

static GtkWidget *
coming_row (DaftariPlanPage *self, const DaftariOccurrence *o, const DaftariSchedule *s, DaftariDay today)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *day = daftari_day_format (o->day);
  g_autofree char *amount = money_of (self, o->wallet_id, o->amount);
  g_autofree char *subtitle = NULL;

  if (o->day < today)
    /* Translators: "2026-11-01 · overdue" */
    subtitle = g_strdup_printf (_("%s · overdue"), day);
  else if (o->day == today)
    /* Translators: "2026-11-21 · today" */
    subtitle = g_strdup_printf (_("%s · today"), day);
  else
    subtitle = g_strdup (day);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), s != NULL ? s->name : "?");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (o->day <= today)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("alarm-symbolic");
      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_tooltip_text (icon, _("Due: Post Due Now records it"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), daftari_ui_amount_label (amount));
  return row;
}

/* What is due and what falls due in the next 30 days, oldest first. */
static guint
show_coming (DaftariPlanPage *self, GPtrArray *schedules, DaftariDay today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) coming = daftari_schedule_upcoming (book_of (self), 0, daftari_day_add (today, COMING_DAYS),
                                                        &error);
  guint due = 0;

  daftari_ui_group_clear (self->coming_group);
  if (coming == NULL)
    {
      adw_preferences_group_set_description (self->coming_group, error->message);
      return 0;
    }
  for (guint i = 0; i < coming->len; i++)
    {
      const DaftariOccurrence *o = &g_array_index (coming, DaftariOccurrence, i);
      due += o->day <= today;
      if (i < COMING_ROWS)
        daftari_ui_group_add (self->coming_group,
                              coming_row (self, o, daftari_schedule_in_list (schedules, o->schedule_id), today));
    }
  adw_preferences_group_set_description (self->coming_group, coming->len == 0
      ? _("Nothing falls due in the next 30 days.")
      : _("What falls due in the next 30 days, and anything due and not yet recorded."));
  return due;
}

/* --- Budgets --- */

static void
budget_activated (AdwActionRow *row, DaftariPlanPage *self)
{
  gint64 category = *(gint64 *) g_object_get_data (G_OBJECT (row), "category-id");
  gtk_widget_activate_action (GTK_WIDGET (self), "page.edit-budget", "x", category);
}

static GtkWidget *
budget_line_row (DaftariPlanPage *self, const DaftariBudgetLine *line)
{
  GtkWidget *row = daftari_budget_row_new (daftari_book_get_currency (book_of (self)), line);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gint64 *id = g_new (gint64, 1);

  *id = line->category_id;
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Budget"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "page.remove-budget");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove), g_variant_new_int64 (line->category_id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  gtk_widget_set_name (row, line->category);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "category-id", id, g_free);
  g_signal_connect (row, "activated", G_CALLBACK (budget_activated), self);
  return row;
}

static void
show_budgets (DaftariPlanPage *self, DaftariDay today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariBudgetReport) report = daftari_budget_report (book_of (self), self->month, today, &error);
  const DaftariCommodity *currency = daftari_book_get_currency (book_of (self));
  g_autofree char *month = daftari_budget_month_words (self->month);
  /* Translators: the budgets group's title, "Budgets for November 2026" */
  g_autofree char *title = g_strdup_printf (_("Budgets for %s"), month);
  g_autofree char *description = NULL;

  daftari_ui_group_clear (self->budgets_group);
  adw_preferences_group_set_title (self->budgets_group, title);
  if (report == NULL)
    {
      adw_preferences_group_set_description (self->budgets_group, error->message);
      return;
    }
  for (guint i = 0; i < report->lines->len; i++)
    daftari_ui_group_add (self->budgets_group,
                          budget_line_row (self, &g_array_index (report->lines, DaftariBudgetLine, i)));
  if (report->lines->len == 0)
    description = g_strdup (_("No budgets for this month. Set one to see spending against it as the month goes."));
  else
    {
      g_autofree char *spent = daftari_ui_format_money (report->actual, currency);
      g_autofree char *budget = daftari_ui_format_money (report->budget, currency);
      /* Translators: all of a month's budgets: "KES 30,000.00 of KES 52,000.00 spent, 14 of 30 days gone" */
      description = g_strdup_printf (_("%s of %s spent, %d of %d days gone"), spent, budget,
                                     report->elapsed_days, report->days);
    }
  adw_preferences_group_set_description (self->budgets_group, description);
}

/* --- The page --- */

static void
daftari_plan_page_refresh (DaftariPage *page)
{
  DaftariPlanPage *self = DAFTARI_PLAN_PAGE (page);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) schedules = NULL;
  DaftariDay today = today_of (self);
  guint due = 0;

  /* Only for a page being looked at: the book changes often (imports,
   * voids) and this page reads every schedule and budget. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  if (self->month == 0)
    self->month = today / 100;
  load_accounts (self);
  schedules = daftari_schedule_list (book_of (self), &error);
  if (schedules == NULL)
    {
      daftari_page_toast_text (page, error->message);
      schedules = g_ptr_array_new ();
    }
  show_schedules (self, schedules, today);
  due = show_coming (self, schedules, today);
  /* The action, not the button: the window's own route to it obeys too. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.post-due", due > 0);
  show_budgets (self, today);
}

/* --- Actions --- */

static void
new_schedule_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariPlanPage *self = DAFTARI_PLAN_PAGE (widget);
  DaftariScheduleDialog *dialog = daftari_schedule_dialog_new (daftari_page_get_window (DAFTARI_PAGE (self)),
                                                               session_of (self), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static DaftariSchedule *
find_schedule (DaftariPlanPage *self, GVariant *parameter)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, g_variant_get_int64 (parameter));
  DaftariSchedule *s = daftari_schedule_find (book_of (self), key, &error);

  if (s == NULL)
    daftari_page_toast_text (DAFTARI_PAGE (self), error->message);
  return s;
}

static void
edit_schedule_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariPlanPage *self = DAFTARI_PLAN_PAGE (widget);
  g_autoptr(DaftariSchedule) s = find_schedule (self, parameter);

  if (s != NULL)
    gtk_window_present (GTK_WINDOW (daftari_schedule_dialog_new (daftari_page_get_window (DAFTARI_PAGE (self)),
                                                                 session_of (self), s)));
}

static void
set_active (DaftariPlanPage *self, GVariant *parameter, gboolean active)
{
  g_autoptr(DaftariSchedule) s = find_schedule (self, parameter);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (s == NULL)
    return;
  if (!daftari_schedule_set_active (book_of (self), s->id, active, today_of (self), &error))
    {
      daftari_page_toast_text (DAFTARI_PAGE (self), error->message);
      return;
    }
  changed (self);
  /* Translators: "“Shop rent” paused" */
  message = active ? g_strdup_printf (_("“%s” resumed"), s->name) : g_strdup_printf (_("“%s” paused"), s->name);
  daftari_page_toast_text (DAFTARI_PAGE (self), message);
}

static void
pause_schedule_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  set_active (DAFTARI_PLAN_PAGE (widget), parameter, FALSE);
}

static void
resume_schedule_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  set_active (DAFTARI_PLAN_PAGE (widget), parameter, TRUE);
}

static void
delete_response (AdwMessageDialog *dialog, const char *response, DaftariPlanPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "schedule-id");

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!daftari_schedule_remove (book_of (self), id, &error))
    {
      daftari_page_toast_text (DAFTARI_PAGE (self), error->message);
      return;
    }
  changed (self);
  daftari_page_toast_text (DAFTARI_PAGE (self), _("Recurring transaction deleted"));
}

static void
delete_schedule_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariPlanPage *self = DAFTARI_PLAN_PAGE (widget);
  g_autoptr(DaftariSchedule) s = find_schedule (self, parameter);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  gint64 *id;

  if (s == NULL)
    return;
  heading = g_strdup_printf (_("Delete “%s”?"), s->name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (daftari_page_get_window (DAFTARI_PAGE (self)), heading,
                                                       _("Nothing more will be recorded for it. What it already "
                                                         "recorded stays in the book.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  id = g_new (gint64, 1);
  *id = s->id;
  g_object_set_data_full (G_OBJECT (dialog), "schedule-id", id, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What Undo in a notification needs once the page may be gone. */
typedef struct {
  DaftariSession     *session;
  DaftariPage        *page;         /* weak: where to say that undoing failed */
  DaftariScheduleRun *run;          /* posting what was due */
  gint64              category_id;  /* removing a budget */
  DaftariMonth        month;
  gint64              amount;
} Undo;

static void
undo_free (gpointer data, GClosure *closure)
{
  Undo *undo = data;

  g_clear_object (&undo->session);
  g_clear_weak_pointer (&undo->page);
  g_clear_pointer (&undo->run, daftari_schedule_run_free);
  g_free (undo);
}

static void
undo_clicked (AdwToast *toast, Undo *undo)
{
  g_autoptr(GError) error = NULL;
  DaftariBook *book = daftari_session_get_book (undo->session);
  gboolean ok = undo->run != NULL ? daftari_schedule_undo_run (book, undo->run, &error)
                                  : daftari_budget_set (book, undo->category_id, undo->month, undo->amount, &error);

  if (ok)
    daftari_session_notify_changed (undo->session);
  else if (undo->page != NULL)   /* say why: voiding income already spent is refused */
    daftari_page_toast_text (undo->page, error->message);
}

static AdwToast *
toast_with_undo (DaftariPlanPage *self, const char *text, Undo *undo)
{
  AdwToast *toast = adw_toast_new (text);

  g_set_weak_pointer (&undo->page, DAFTARI_PAGE (self));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked), undo, undo_free, 0);
  return toast;
}

/* The refusals, each with the ledger's reason; they stay due. */
static void
show_refused (DaftariPlanPage *self, const DaftariScheduleRun *run)
{
  g_autoptr(GPtrArray) schedules = daftari_schedule_list (book_of (self), NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  AdwMessageDialog *dialog;

  for (guint i = 0; i < run->refused->len; i++)
    {
      const DaftariScheduleOutcome *o = &g_array_index (run->refused, DaftariScheduleOutcome, i);
      const DaftariSchedule *s = schedules != NULL ? daftari_schedule_in_list (schedules, o->schedule_id) : NULL;
      g_autofree char *day = daftari_day_format (o->day);

      /* Translators: "Shop rent, due 2026-11-01: <why the book refused it>" */
      g_string_append_printf (body, _("%s, due %s: %s"), s != NULL ? s->name : "?", day, o->reason);
      if (o->held_back > 0)
        {
          g_string_append_c (body, ' ');
          g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u later one waits for it.",
                                                     "%u later ones wait for it.", o->held_back), o->held_back);
        }
      g_string_append (body, "\n\n");
    }
  g_string_append (body, _("They stay due: Post Due Now tries them again."));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (daftari_page_get_window (DAFTARI_PAGE (self)),
                                                       _("Not Everything Was Recorded"), body->str));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
post_due_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariPlanPage *self = DAFTARI_PLAN_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariScheduleRun) run = daftari_schedule_run (book_of (self), today_of (self), FALSE, &error);
  g_autofree char *message = NULL;
  Undo *undo;
  guint posted;

  if (run == NULL)
    {
      daftari_page_toast_text (DAFTARI_PAGE (self), error->message);
      return;
    }
  if (run->refused->len > 0)
    show_refused (self, run);
  posted = run->posted->len;
  if (posted == 0)
    {
      if (run->refused->len == 0)
        daftari_page_toast_text (DAFTARI_PAGE (self), _("Nothing is due"));
      return;
    }
  changed (self);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u recurring transaction recorded",
                                          "%u recurring transactions recorded", posted), posted);
  undo = g_new0 (Undo, 1);
  undo->session = g_object_ref (session_of (self));
  undo->run = g_steal_pointer (&run);
  daftari_page_toast (DAFTARI_PAGE (self), toast_with_undo (self, message, undo));
}

static void
open_budget_dialog (DaftariPlanPage *self, gint64 category_id, gint64 amount, gboolean every_month)
{
  DaftariBudgetDialog *dialog;

  if (self->month == 0)   /* never shown yet */
    self->month = today_of (self) / 100;
  dialog = daftari_budget_dialog_new (daftari_page_get_window (DAFTARI_PAGE (self)),
                                                           session_of (self), self->month, category_id, amount,
                                                           every_month);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_budget_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  open_budget_dialog (DAFTARI_PLAN_PAGE (widget), 0, 0, FALSE);
}

/* The shown month's line of a category, from a fresh report. */
static gboolean
find_line (DaftariPlanPage *self, gint64 category_id, DaftariBudgetLine *out, char **out_name)
{
  g_autoptr(DaftariBudgetReport) report = daftari_budget_report (book_of (self), self->month, today_of (self), NULL);

  for (guint i = 0; report != NULL && i < report->lines->len; i++)
    {
      const DaftariBudgetLine *line = &g_array_index (report->lines, DaftariBudgetLine, i);
      if (line->category_id == category_id)
        {
          *out = *line;
          *out_name = g_strdup (line->category);
          out->category = NULL;
          return TRUE;
        }
    }
  return FALSE;
}

static void
edit_budget_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariPlanPage *self = DAFTARI_PLAN_PAGE (widget);
  g_autofree char *category = NULL;
  DaftariBudgetLine line;

  if (find_line (self, g_variant_get_int64 (parameter), &line, &category))
    open_budget_dialog (self, line.category_id, line.budget, line.every_month);
}

/* Removes the budget that applies to the shown month: its own, or the
 * every-month one; Undo sets it back. */
static void
remove_budget_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariPlanPage *self = DAFTARI_PLAN_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *category = NULL;
  g_autofree char *message = NULL;
  DaftariBudgetLine line;
  Undo *undo;

  if (!find_line (self, g_variant_get_int64 (parameter), &line, &category))
    return;
  if (!daftari_budget_remove (book_of (self), line.category_id, line.every_month ? 0 : self->month, &error))
    {
      daftari_page_toast_text (DAFTARI_PAGE (self), error->message);
      return;
    }
  changed (self);
  if (line.every_month)
    /* Translators: "Budget for Rent removed from every month" */
    message = g_strdup_printf (_("Budget for %s removed from every month"), category);
  else
    /* Translators: "Budget for Rent removed" */
    message = g_strdup_printf (_("Budget for %s removed"), category);
  undo = g_new0 (Undo, 1);
  undo->session = g_object_ref (session_of (self));
  undo->category_id = line.category_id;
  undo->month = line.every_month ? 0 : self->month;
  undo->amount = line.budget;
  daftari_page_toast (DAFTARI_PAGE (self), toast_with_undo (self, message, undo));
}

static void
move_month (DaftariPlanPage *self, int months)
{
  self->month = daftari_month_add (self->month, months);
  show_budgets (self, today_of (self));
}

static void
previous_month_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  move_month (DAFTARI_PLAN_PAGE (widget), -1);
}

static void
next_month_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  move_month (DAFTARI_PLAN_PAGE (widget), 1);
}

static void
mapped (DaftariPlanPage *self)
{
  if (self->stale)
    daftari_plan_page_refresh (DAFTARI_PAGE (self));
}

static void
daftari_plan_page_dispose (GObject *object)
{
  DaftariPlanPage *self = DAFTARI_PLAN_PAGE (object);

  g_clear_pointer (&self->accounts, g_hash_table_unref);
  G_OBJECT_CLASS (daftari_plan_page_parent_class)->dispose (object);
}

static void
daftari_plan_page_class_init (DaftariPlanPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = daftari_plan_page_dispose;
  DAFTARI_PAGE_CLASS (klass)->refresh = daftari_plan_page_refresh;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftari/Daftari/ui/daftari-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftariPlanPage, recurring_group);
  gtk_widget_class_bind_template_child (widget_class, DaftariPlanPage, coming_group);
  gtk_widget_class_bind_template_child (widget_class, DaftariPlanPage, budgets_group);
  gtk_widget_class_bind_template_child (widget_class, DaftariPlanPage, post_due_button);
  gtk_widget_class_install_action (widget_class, "page.new-schedule", NULL, new_schedule_action);
  gtk_widget_class_install_action (widget_class, "page.post-due", NULL, post_due_action);
  gtk_widget_class_install_action (widget_class, "page.set-budget", NULL, set_budget_action);
  gtk_widget_class_install_action (widget_class, "page.edit-schedule", "x", edit_schedule_action);
  gtk_widget_class_install_action (widget_class, "page.pause-schedule", "x", pause_schedule_action);
  gtk_widget_class_install_action (widget_class, "page.resume-schedule", "x", resume_schedule_action);
  gtk_widget_class_install_action (widget_class, "page.delete-schedule", "x", delete_schedule_action);
  gtk_widget_class_install_action (widget_class, "page.edit-budget", "x", edit_budget_action);
  gtk_widget_class_install_action (widget_class, "page.remove-budget", "x", remove_budget_action);
  gtk_widget_class_install_action (widget_class, "page.previous-month", NULL, previous_month_action);
  gtk_widget_class_install_action (widget_class, "page.next-month", NULL, next_month_action);
}

static void
daftari_plan_page_init (DaftariPlanPage *self)
{
  self->accounts = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                          (GDestroyNotify) daftari_account_free);
  self->stale = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (mapped), NULL);
}
