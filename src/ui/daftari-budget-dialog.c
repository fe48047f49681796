/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-budget-dialog.h"

#include <glib/gi18n.h>

#include "daftari-budget.h"
#include "daftari-ui-util.h"
#include "daftari-window.h"

/* The Applies To row: this month alone, or every month. */
enum { APPLIES_MONTH, APPLIES_EVERY_MONTH };

struct _DaftariBudgetDialog {
  AdwWindow       parent_instance;

  AdwComboRow    *category_row;
  AdwEntryRow    *amount_row;
  AdwComboRow    *applies_row;
  GtkLabel       *error_label;
  GtkButton      *save_button;

  DaftariSession *session;
  DaftariMonth    month;
  GArray         *category_ids;
};

G_DEFINE_FINAL_TYPE (DaftariBudgetDialog, daftari_budget_dialog, ADW_TYPE_WINDOW)

char *
daftari_budget_month_words (DaftariMonth month)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (month / 100, month % 100, 1, 0, 0, 0);

  /* Translators: a month and its year, as strftime writes them ("March 2025") */
  /* xgettext:no-c-format */
  return g_date_time_format (date, _("%B %Y"));
}

static DaftariBook *
book_of (DaftariBudgetDialog *self)
{
  return daftari_session_get_book (self->session);
}

static gint64
category_of (DaftariBudgetDialog *self)
{
  guint position = adw_combo_row_get_selected (self->category_row);
  return self->category_ids != NULL && position < self->category_ids->len
       ? g_array_index (self->category_ids, gint64, position) : 0;
}

/* The amount, read and checked by the core; FALSE (the field marked)
 * while it is empty or would be refused. */
static gboolean
validate (DaftariBudgetDialog *self, gint64 *out_amount)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->amount_row));

  daftari_ui_mark_error (GTK_WIDGET (self->amount_row), FALSE);
  daftari_ui_show_problem (self->error_label, NULL, NULL);
  if (category_of (self) == 0)
    return daftari_ui_show_problem (self->error_label, GTK_WIDGET (self->category_row),
                                    _("Budgets are for expense categories, and this book has none."));
  if (*text == '\0')
    return FALSE;
  if (!daftari_money_parse (text, daftari_book_get_currency (book_of (self)), out_amount, &error) ||
      !daftari_budget_check (book_of (self), category_of (self), *out_amount, &error))
    return daftari_ui_show_problem (self->error_label, GTK_WIDGET (self->amount_row), error->message);
  return TRUE;
}

static void
form_changed (DaftariBudgetDialog *self)
{
  gint64 amount;
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), validate (self, &amount));
}

static void
save_clicked (DaftariBudgetDialog *self)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gboolean every = adw_combo_row_get_selected (self->applies_row) == APPLIES_EVERY_MONTH;
  gint64 amount;

  if (!validate (self, &amount))
    return;
  if (!daftari_budget_set (book_of (self), category_of (self), every ? 0 : self->month, amount, &error))
    {
      daftari_ui_show_problem (self->error_label, NULL, error->message);
      return;
    }
  daftari_session_notify_changed (self->session);
  if (DAFTARI_IS_WINDOW (parent))
    daftari_window_add_toast (DAFTARI_WINDOW (parent), adw_toast_new (_("Budget set")));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_clicked (DaftariBudgetDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
daftari_budget_dialog_dispose (GObject *object)
{
  DaftariBudgetDialog *self = DAFTARI_BUDGET_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DAFTARI_TYPE_BUDGET_DIALOG);
  g_clear_object (&self->session);
  g_clear_pointer (&self->category_ids, g_array_unref);
  G_OBJECT_CLASS (daftari_budget_dialog_parent_class)->dispose (object);
}

static void
daftari_budget_dialog_class_init (DaftariBudgetDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = daftari_budget_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftari/Daftari/ui/daftari-budget-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftariBudgetDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariBudgetDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariBudgetDialog, applies_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariBudgetDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, DaftariBudgetDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, form_changed);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, (GtkShortcutFunc) gtk_window_close, NULL);
}

static void
daftari_budget_dialog_init (DaftariBudgetDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

DaftariBudgetDialog *
daftari_budget_dialog_new (GtkWindow *parent, DaftariSession *session, DaftariMonth month, gint64 category_id,
                           gint64 amount, gboolean every_month)
{
  DaftariBudgetDialog *self = g_object_new (DAFTARI_TYPE_BUDGET_DIALOG, "transient-for", parent, NULL);
  DaftariBook *book = daftari_session_get_book (session);
  g_autoptr(GtkStringList) categories = NULL;
  g_autoptr(GtkStringList) applies = gtk_string_list_new (NULL);
  g_autofree char *month_words = daftari_budget_month_words (month);
  g_autofree char *month_only = NULL;
  g_autofree char *amount_title = NULL;
  guint position;

  self->session = g_object_ref (session);
  self->month = month;
  categories = daftari_ui_expense_categories (book, &self->category_ids, &position);
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));
  adw_combo_row_set_selected (self->category_row, category_id != 0
                              ? daftari_ui_position_of (self->category_ids, category_id) : 0);
  /* Translators: a budget for one month alone, "November 2026 Only" */
  month_only = g_strdup_printf (_("%s Only"), month_words);
  gtk_string_list_append (applies, month_only);
  gtk_string_list_append (applies, _("Every Month"));
  adw_combo_row_set_model (self->applies_row, G_LIST_MODEL (applies));
  adw_combo_row_set_selected (self->applies_row, every_month ? APPLIES_EVERY_MONTH : APPLIES_MONTH);
  amount_title = g_strdup_printf (_("Amount (%s)"), daftari_book_get_currency (book)->code);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->amount_row), amount_title);
  if (category_id != 0)
    {
      g_autofree char *text = daftari_money_format (amount, daftari_book_get_currency (book),
                                                    DAFTARI_MONEY_FORMAT_NO_CODE);
      gtk_editable_set_text (GTK_EDITABLE (self->amount_row), text);
      gtk_window_set_title (GTK_WINDOW (self), _("Change Budget"));
    }
  form_changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (category_id != 0 ? GTK_WIDGET (self->amount_row)
                                                      : GTK_WIDGET (self->category_row)));
  return self;
}
