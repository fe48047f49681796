/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-schedule-dialog.h"

#include <glib/gi18n.h>

#include "daftari-ui-util.h"
#include "daftari-window.h"

/* The Type row's choices, in its order. */
static const DaftariTxnKind kinds[] = {
  DAFTARI_TXN_EXPENSE, DAFTARI_TXN_INCOME, DAFTARI_TXN_TRANSFER, DAFTARI_TXN_PAYMENT,
};
/* The Pay To row's. */
static const DaftariPayChannel channels[] = { DAFTARI_PAY_PAYBILL, DAFTARI_PAY_TILL, DAFTARI_PAY_POCHI };
/* The Repeats row's. */
static const DaftariRecurKind frequencies[] = { DAFTARI_RECUR_MONTHLY, DAFTARI_RECUR_WEEKLY, DAFTARI_RECUR_DAYS };

struct _DaftariScheduleDialog {
  AdwWindow       parent_instance;

  AdwEntryRow    *name_row;
  AdwComboRow    *kind_row;
  AdwComboRow    *wallet_row;
  AdwComboRow    *channel_row;
  AdwEntryRow    *number_row;
  AdwEntryRow    *reference_row;
  AdwComboRow    *target_row;
  AdwEntryRow    *amount_row;
  AdwEntryRow    *fee_row;
  AdwComboRow    *frequency_row;
  AdwActionRow   *month_day_row;
  GtkSpinButton  *month_day_spin;
  AdwComboRow    *weekday_row;
  AdwActionRow   *days_row;
  GtkSpinButton  *days_spin;
  AdwEntryRow    *start_row;
  AdwEntryRow    *end_row;
  AdwEntryRow    *memo_row;
  GtkLabel       *error_label;
  GtkButton      *save_button;

  DaftariSession *session;
  gint64          schedule_id;      /* 0: a new one */
  gboolean        active;
  GArray         *wallet_ids;
  GtkStringList  *wallet_names;
  GArray         *expense_ids;
  GtkStringList  *expense_names;
  guint           expense_default;
  GArray         *income_ids;
  GtkStringList  *income_names;
};

G_DEFINE_FINAL_TYPE (DaftariScheduleDialog, daftari_schedule_dialog, ADW_TYPE_WINDOW)

static DaftariBook *
book_of (DaftariScheduleDialog *self)
{
  return daftari_session_get_book (self->session);
}

static DaftariTxnKind
kind_of (DaftariScheduleDialog *self)
{
  return kinds[MIN (adw_combo_row_get_selected (self->kind_row), G_N_ELEMENTS (kinds) - 1)];
}

static DaftariPayChannel
channel_of (DaftariScheduleDialog *self)
{
  return channels[MIN (adw_combo_row_get_selected (self->channel_row), G_N_ELEMENTS (channels) - 1)];
}

static DaftariRecurKind
frequency_of (DaftariScheduleDialog *self)
{
  return frequencies[MIN (adw_combo_row_get_selected (self->frequency_row), G_N_ELEMENTS (frequencies) - 1)];
}

static gint64
id_at (GArray *ids, AdwComboRow *row)
{
  guint position = adw_combo_row_get_selected (row);
  return position < ids->len ? g_array_index (ids, gint64, position) : 0;
}

/* What the target row chooses from: the wallet money goes to for a
 * transfer, an income category for income, else an expense category. */
static GArray *
target_ids (DaftariScheduleDialog *self)
{
  switch (kind_of (self))
    {
    case DAFTARI_TXN_TRANSFER:
      return self->wallet_ids;
    case DAFTARI_TXN_INCOME:
      return self->income_ids;
    default:
      return self->expense_ids;
    }
}

static GtkStringList *
target_names (DaftariScheduleDialog *self)
{
  switch (kind_of (self))
    {
    case DAFTARI_TXN_TRANSFER:
      return self->wallet_names;
    case DAFTARI_TXN_INCOME:
      return self->income_names;
    default:
      return self->expense_names;
    }
}

/* The target's list changes only with the kind (an expense and a payment
 * share theirs), so a choice survives switching between those two. */
static void
show_targets (DaftariScheduleDialog *self, gint64 chosen)
{
  GtkStringList *names = target_names (self);
  GArray *ids = target_ids (self);
  guint position;

  if (names == NULL || ((gpointer) adw_combo_row_get_model (self->target_row) == (gpointer) names && chosen == 0))
    return;
  position = chosen != 0 ? daftari_ui_position_of (ids, chosen)
           : ids == self->expense_ids ? self->expense_default
           /* a transfer: not to the wallet it comes from */
           : ids == self->wallet_ids && ids->len > 1 && adw_combo_row_get_selected (self->wallet_row) == 0 ? 1
           : 0;
  if (names == self->wallet_names)
    daftari_ui_combo_row_set_wallets (self->target_row, G_LIST_MODEL (names));
  else
    adw_combo_row_set_model (self->target_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->target_row, position);
}

/* Titles and which rows show follow the kind, the channel and the rule. */
static void
arrange (DaftariScheduleDialog *self)
{
  DaftariTxnKind kind = kind_of (self);
  DaftariPayChannel channel = channel_of (self);
  DaftariRecurKind frequency = frequency_of (self);
  gboolean payment = kind == DAFTARI_TXN_PAYMENT;
  int day = gtk_spin_button_get_value_as_int (self->month_day_spin);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->wallet_row),
                                 kind == DAFTARI_TXN_INCOME ? _("Into") : _("From"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->target_row),
                                 kind == DAFTARI_TXN_TRANSFER ? _("To") : _("Category"));
  gtk_widget_set_visible (GTK_WIDGET (self->channel_row), payment);
  gtk_widget_set_visible (GTK_WIDGET (self->number_row), payment);
  gtk_widget_set_visible (GTK_WIDGET (self->reference_row), payment && channel == DAFTARI_PAY_PAYBILL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->number_row),
                                 channel == DAFTARI_PAY_PAYBILL ? _("Business Number")
                                 : channel == DAFTARI_PAY_TILL ? _("Till Number")
                                                               : _("Phone Number"));
  gtk_widget_set_visible (GTK_WIDGET (self->fee_row), kind == DAFTARI_TXN_TRANSFER || payment);
  gtk_widget_set_visible (GTK_WIDGET (self->month_day_row), frequency == DAFTARI_RECUR_MONTHLY);
  gtk_widget_set_visible (GTK_WIDGET (self->weekday_row), frequency == DAFTARI_RECUR_WEEKLY);
  gtk_widget_set_visible (GTK_WIDGET (self->days_row), frequency == DAFTARI_RECUR_DAYS);
  adw_action_row_set_subtitle (self->month_day_row,
                               day > 28 ? _("Shorter months use their last day") : NULL);
}

static gboolean
show_problem (DaftariScheduleDialog *self, AdwPreferencesRow *row, const char *message)
{
  return daftari_ui_show_problem (self->error_label, row != NULL ? GTK_WIDGET (row) : NULL, message);
}

/* An optional day: empty is 0. */
static gboolean
read_day (AdwEntryRow *row, DaftariDay *out, GError **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  *out = 0;
  return *text == '\0' || daftari_day_parse (text, out, error);
}

static void
read_rule (DaftariScheduleDialog *self, DaftariRecurrence *rule)
{
  rule->kind = frequency_of (self);
  switch (rule->kind)
    {
    case DAFTARI_RECUR_MONTHLY:
      rule->n = gtk_spin_button_get_value_as_int (self->month_day_spin);
      break;
    case DAFTARI_RECUR_WEEKLY:
      rule->n = (int) adw_combo_row_get_selected (self->weekday_row) + 1;
      break;
    case DAFTARI_RECUR_DAYS:
    default:
      rule->n = gtk_spin_button_get_value_as_int (self->days_spin);
      break;
    }
}

static gboolean
blank (const char *text)
{
  while (g_ascii_isspace (*text))
    text++;
  return *text == '\0';
}

/* Which row an error from the core is about. */
static AdwPreferencesRow *
row_of_error (DaftariScheduleDialog *self, const GError *error)
{
  if (error->domain == DAFTARI_INPUT_ERROR && error->code == DAFTARI_INPUT_ERROR_EXISTS)
    return ADW_PREFERENCES_ROW (self->name_row);
  if (error->domain == DAFTARI_INPUT_ERROR && kind_of (self) == DAFTARI_TXN_PAYMENT)
    return ADW_PREFERENCES_ROW (self->number_row);
  switch (daftari_ui_field_of_error (error))
    {
    case DAFTARI_UI_FIELD_AMOUNT:
      return ADW_PREFERENCES_ROW (self->amount_row);
    case DAFTARI_UI_FIELD_FROM:
      return ADW_PREFERENCES_ROW (self->wallet_row);
    default:
      return NULL;
    }
}

/* Reads the form into s (strings borrowed from the rows); FALSE, with the
 * field at fault marked, while something is missing or the book would
 * refuse it. */
static gboolean
validate (DaftariScheduleDialog *self, DaftariSchedule *s)
{
  AdwPreferencesRow *rows[] = {
    ADW_PREFERENCES_ROW (self->name_row), ADW_PREFERENCES_ROW (self->wallet_row),
    ADW_PREFERENCES_ROW (self->number_row), ADW_PREFERENCES_ROW (self->amount_row),
    ADW_PREFERENCES_ROW (self->fee_row), ADW_PREFERENCES_ROW (self->start_row), ADW_PREFERENCES_ROW (self->end_row),
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariAccount) wallet = NULL;
  g_autofree char *amount_title = NULL;
  const char *amount_text = gtk_editable_get_text (GTK_EDITABLE (self->amount_row));
  const char *fee_text = gtk_editable_get_text (GTK_EDITABLE (self->fee_row));

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    daftari_ui_mark_error (GTK_WIDGET (rows[i]), FALSE);
  show_problem (self, NULL, NULL);
  arrange (self);
  *s = (DaftariSchedule) {
    .id = self->schedule_id,
    .name = (char *) gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
    .kind = kind_of (self),
    .wallet_id = id_at (self->wallet_ids, self->wallet_row),
    .target_id = id_at (target_ids (self), self->target_row),
    .memo = (char *) gtk_editable_get_text (GTK_EDITABLE (self->memo_row)),
    .channel = channel_of (self),
    .number = (char *) gtk_editable_get_text (GTK_EDITABLE (self->number_row)),
    .reference = (char *) gtk_editable_get_text (GTK_EDITABLE (self->reference_row)),
    .active = self->active,
  };
  read_rule (self, &s->rule);
  if (s->wallet_id == 0 || (wallet = daftari_account_get (book_of (self), s->wallet_id, NULL)) == NULL)
    return show_problem (self, ADW_PREFERENCES_ROW (self->wallet_row), _("Add a wallet first."));
  /* Translators: the amount field, with the wallet's currency: "Amount (KES)" */
  amount_title = g_strdup_printf (_("Amount (%s)"), wallet->commodity->code);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->amount_row), amount_title);
  if (!read_day (self->start_row, &s->start_day, &error))
    return show_problem (self, ADW_PREFERENCES_ROW (self->start_row), error->message);
  if (!read_day (self->end_row, &s->end_day, &error))
    return show_problem (self, ADW_PREFERENCES_ROW (self->end_row), error->message);
  if (s->kind != DAFTARI_TXN_TRANSFER && s->kind != DAFTARI_TXN_PAYMENT)
    fee_text = "";
  if (*fee_text != '\0' && !daftari_money_parse (fee_text, wallet->commodity, &s->fee, &error))
    return show_problem (self, ADW_PREFERENCES_ROW (self->fee_row), error->message);
  /* Empty fields are not mistakes yet: Save just waits for them. */
  if (*amount_text != '\0' && !daftari_money_parse (amount_text, wallet->commodity, &s->amount, &error))
    return show_problem (self, ADW_PREFERENCES_ROW (self->amount_row), error->message);
  if (blank (s->name) || *amount_text == '\0' || s->start_day == 0 ||
      (s->kind == DAFTARI_TXN_PAYMENT && *s->number == '\0'))
    return FALSE;
  if (!daftari_schedule_check (book_of (self), s, &error))
    return show_problem (self, row_of_error (self, error), error->message);
  return TRUE;
}

static void
form_changed (DaftariScheduleDialog *self)
{
  DaftariSchedule s;
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), validate (self, &s));
}

static void
kind_changed (DaftariScheduleDialog *self)
{
  show_targets (self, 0);
  form_changed (self);
}

static void
frequency_changed (DaftariScheduleDialog *self)
{
  form_changed (self);
}

static void
save_clicked (DaftariScheduleDialog *self)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  DaftariSchedule s;
  gboolean ok;

  if (!validate (self, &s))
    return;
  ok = self->schedule_id != 0 ? daftari_schedule_update (book_of (self), &s, &error)
                              : daftari_schedule_add (book_of (self), &s, NULL, &error);
  if (!ok)
    {
      show_problem (self, row_of_error (self, error), error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
      return;
    }
  daftari_session_notify_changed (self->session);
  if (DAFTARI_IS_WINDOW (parent))
    daftari_window_add_toast (DAFTARI_WINDOW (parent),
                              adw_toast_new (self->schedule_id != 0 ? _("Recurring transaction saved")
                                                                    : _("Recurring transaction added")));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_clicked (DaftariScheduleDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
daftari_schedule_dialog_dispose (GObject *object)
{
  DaftariScheduleDialog *self = DAFTARI_SCHEDULE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DAFTARI_TYPE_SCHEDULE_DIALOG);
  g_clear_object (&self->session);
  g_clear_pointer (&self->wallet_ids, g_array_unref);
  g_clear_pointer (&self->expense_ids, g_array_unref);
  g_clear_pointer (&self->income_ids, g_array_unref);
  g_clear_object (&self->wallet_names);
  g_clear_object (&self->expense_names);
  g_clear_object (&self->income_names);
  G_OBJECT_CLASS (daftari_schedule_dialog_parent_class)->dispose (object);
}

static void
daftari_schedule_dialog_class_init (DaftariScheduleDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = daftari_schedule_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftari/Daftari/ui/daftari-schedule-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftariScheduleDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariScheduleDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariScheduleDialog, wallet_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariScheduleDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariScheduleDialog, number_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariScheduleDialog, reference_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariScheduleDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariScheduleDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariScheduleDialog, fee_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariScheduleDialog, frequency_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariScheduleDialog, month_day_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariScheduleDialog, month_day_spin);
  gtk_widget_class_bind_template_child (widget_class, DaftariScheduleDialog, weekday_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariScheduleDialog, days_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariScheduleDialog, days_spin);
  gtk_widget_class_bind_template_child (widget_class, DaftariScheduleDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariScheduleDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariScheduleDialog, memo_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariScheduleDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, DaftariScheduleDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, form_changed);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, frequency_changed);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, (GtkShortcutFunc) gtk_window_close, NULL);
}

static void
daftari_schedule_dialog_init (DaftariScheduleDialog *self)
{
  /* Before the template: its signals may fire while it is built. */
  self->active = TRUE;
  self->wallet_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->expense_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->income_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Income categories for the target row, with their ids. */
static GtkStringList *
income_categories (DaftariBook *book, GArray *ids)
{
  g_autoptr(GPtrArray) accounts = daftari_account_list (book, FALSE, NULL);
  GtkStringList *names = gtk_string_list_new (NULL);

  for (guint i = 0; accounts != NULL && i < accounts->len; i++)
    {
      const DaftariAccount *account = g_ptr_array_index (accounts, i);
      if (account->kind != DAFTARI_ACCOUNT_INCOME)
        continue;
      gtk_string_list_append (names, account->name);
      g_array_append_val (ids, account->id);
    }
  return names;
}

static guint
position_in (const void *values, gsize n, gsize size, const void *value)
{
  for (gsize i = 0; i < n; i++)
    if (memcmp ((const char *) values + i * size, value, size) == 0)
      return (guint) i;
  return 0;
}

static void
set_text (AdwEntryRow *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
set_day (AdwEntryRow *row, DaftariDay day)
{
  g_autofree char *text = day != 0 ? daftari_day_format (day) : NULL;
  set_text (row, text);
}

static void
fill (DaftariScheduleDialog *self, DaftariBook *book, const DaftariSchedule *s)
{
  g_autoptr(DaftariAccount) wallet = daftari_account_get (book, s->wallet_id, NULL);
  g_autofree char *amount = NULL, *fee = NULL;

  self->schedule_id = s->id;
  self->active = s->active;
  set_text (self->name_row, s->name);
  adw_combo_row_set_selected (self->kind_row, position_in (kinds, G_N_ELEMENTS (kinds), sizeof kinds[0], &s->kind));
  adw_combo_row_set_selected (self->wallet_row, daftari_ui_position_of (self->wallet_ids, s->wallet_id));
  adw_combo_row_set_selected (self->channel_row,
                              position_in (channels, G_N_ELEMENTS (channels), sizeof channels[0], &s->channel));
  set_text (self->number_row, s->number);
  set_text (self->reference_row, s->reference);
  show_targets (self, s->target_id);
  if (wallet != NULL)
    {
      /* Without the code: what people type, and what the parser reads back. */
      amount = daftari_money_format (s->amount, wallet->commodity, DAFTARI_MONEY_FORMAT_NO_CODE);
      fee = s->fee != 0 ? daftari_money_format (s->fee, wallet->commodity, DAFTARI_MONEY_FORMAT_NO_CODE) : NULL;
    }
  set_text (self->amount_row, amount);
  set_text (self->fee_row, fee);
  adw_combo_row_set_selected (self->frequency_row, position_in (frequencies, G_N_ELEMENTS (frequencies),
                                                                sizeof frequencies[0], &s->rule.kind));
  if (s->rule.kind == DAFTARI_RECUR_MONTHLY)
    gtk_spin_button_set_value (self->month_day_spin, s->rule.n);
  else if (s->rule.kind == DAFTARI_RECUR_WEEKLY)
    adw_combo_row_set_selected (self->weekday_row, CLAMP (s->rule.n, 1, 7) - 1);
  else
    gtk_spin_button_set_value (self->days_spin, s->rule.n);
  set_day (self->start_row, s->start_day);
  set_day (self->end_row, s->end_day);
  set_text (self->memo_row, s->memo);
  gtk_window_set_title (GTK_WINDOW (self), _("Edit Recurring Transaction"));
}

DaftariScheduleDialog *
daftari_schedule_dialog_new (GtkWindow *parent, DaftariSession *session, const DaftariSchedule *schedule)
{
  DaftariScheduleDialog *self = g_object_new (DAFTARI_TYPE_SCHEDULE_DIALOG, "transient-for", parent, NULL);
  DaftariBook *book = daftari_session_get_book (session);
  DaftariDay today = daftari_calendar_today (daftari_book_get_calendar (book));

  self->session = g_object_ref (session);
  g_clear_pointer (&self->wallet_ids, g_array_unref);
  g_clear_pointer (&self->expense_ids, g_array_unref);
  self->wallet_names = daftari_ui_wallet_list (book, DAFTARI_UI_WALLETS_ALL, &self->wallet_ids);
  self->expense_names = daftari_ui_expense_categories (book, &self->expense_ids, &self->expense_default);
  self->income_names = income_categories (book, self->income_ids);
  daftari_ui_combo_row_set_wallets (self->wallet_row, G_LIST_MODEL (self->wallet_names));
  if (schedule != NULL)
    fill (self, book, schedule);
  else
    {
      g_autofree char *start = daftari_day_format (today);
      show_targets (self, 0);
      gtk_editable_set_text (GTK_EDITABLE (self->start_row), start);
      gtk_spin_button_set_value (self->month_day_spin, MIN (today % 100, 28));
      adw_combo_row_set_selected (self->weekday_row, daftari_day_weekday (today) - 1);
    }
  form_changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}
