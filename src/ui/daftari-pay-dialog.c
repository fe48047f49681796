/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-pay-dialog.h"

#include <glib/gi18n.h>

#include "daftari-ui-util.h"
#include "daftari-window.h"

struct _DaftariPayDialog {
  AdwWindow        parent_instance;

  GtkToggleButton *paybill_button;
  GtkToggleButton *till_button;
  GtkToggleButton *pochi_button;
  AdwComboRow     *from_row;
  AdwEntryRow     *number_row;
  AdwEntryRow     *account_row;
  AdwEntryRow     *amount_row;
  AdwEntryRow     *fee_row;
  AdwComboRow     *category_row;
  AdwEntryRow     *date_row;
  AdwEntryRow     *memo_row;
  GtkLabel        *error_label;
  GtkButton       *submit_button;

  DaftariSession  *session;
  GArray          *wallet_ids;
  GArray          *category_ids;
};

G_DEFINE_FINAL_TYPE (DaftariPayDialog, daftari_pay_dialog, ADW_TYPE_WINDOW)

static DaftariPayChannel
channel (DaftariPayDialog *self)
{
  if (gtk_toggle_button_get_active (self->till_button))
    return DAFTARI_PAY_TILL;
  if (gtk_toggle_button_get_active (self->pochi_button))
    return DAFTARI_PAY_POCHI;
  return DAFTARI_PAY_PAYBILL;
}

static gint64
id_at (GArray *ids, AdwComboRow *row)
{
  guint position = adw_combo_row_get_selected (row);
  return position < ids->len ? g_array_index (ids, gint64, position) : 0;
}

static gboolean
show_problem (DaftariPayDialog *self, GtkWidget *row, const char *message)
{
  return daftari_ui_show_problem (self->error_label, row, message);
}

/* The number field's name follows the channel. */
static void
label_fields (DaftariPayDialog *self)
{
  DaftariPayChannel chosen = channel (self);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->number_row),
                                 chosen == DAFTARI_PAY_PAYBILL ? _("Business Number")
                                 : chosen == DAFTARI_PAY_TILL ? _("Till Number")
                                                              : _("Phone Number"));
  gtk_widget_set_visible (GTK_WIDGET (self->account_row), chosen == DAFTARI_PAY_PAYBILL);
}

static gboolean
validate (DaftariPayDialog *self, DaftariPaySpec *spec)
{
  DaftariBook *book = daftari_session_get_book (self->session);
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariAccount) wallet = NULL;
  GtkWidget *rows[] = { GTK_WIDGET (self->from_row), GTK_WIDGET (self->number_row), GTK_WIDGET (self->account_row),
                        GTK_WIDGET (self->amount_row), GTK_WIDGET (self->fee_row), GTK_WIDGET (self->date_row) };
  const char *amount_text = gtk_editable_get_text (GTK_EDITABLE (self->amount_row));
  const char *fee_text = gtk_editable_get_text (GTK_EDITABLE (self->fee_row));
  const char *date_text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    daftari_ui_mark_error (rows[i], FALSE);
  show_problem (self, NULL, NULL);
  label_fields (self);
  *spec = (DaftariPaySpec) {
    .channel = channel (self),
    .wallet_id = id_at (self->wallet_ids, self->from_row),
    .number = gtk_editable_get_text (GTK_EDITABLE (self->number_row)),
    .account = gtk_editable_get_text (GTK_EDITABLE (self->account_row)),
    .category_id = id_at (self->category_ids, self->category_row),
    .memo = gtk_editable_get_text (GTK_EDITABLE (self->memo_row)),
  };
  if (spec->wallet_id == 0 || (wallet = daftari_account_get (book, spec->wallet_id, NULL)) == NULL)
    return show_problem (self, GTK_WIDGET (self->from_row), _("Add an M-PESA or bank wallet first."));
  if (*date_text == '\0' || !daftari_ui_read_date (book, date_text, &spec->ts, &error))
    return show_problem (self, GTK_WIDGET (self->date_row), error ? error->message : NULL);
  if (*fee_text != '\0' && !daftari_money_parse (fee_text, wallet->commodity, &spec->fee, &error))
    return show_problem (self, GTK_WIDGET (self->fee_row), error->message);
  if (*spec->number == '\0' || *amount_text == '\0' ||
      (spec->channel == DAFTARI_PAY_PAYBILL && *spec->account == '\0'))
    return FALSE;
  if (!daftari_money_parse (amount_text, wallet->commodity, &spec->amount, &error))
    return show_problem (self, GTK_WIDGET (self->amount_row), error->message);
  if (!daftari_session_check_payment (self->session, spec, &error))
    {
      /* Number and account problems come back as invalid input. */
      GtkWidget *row = error->domain == DAFTARI_INPUT_ERROR ? GTK_WIDGET (self->number_row)
                     : daftari_ui_field_of_error (error) == DAFTARI_UI_FIELD_AMOUNT ? GTK_WIDGET (self->amount_row)
                     : GTK_WIDGET (self->from_row);
      return show_problem (self, row, error->message);
    }
  return TRUE;
}

static void
form_changed (DaftariPayDialog *self)
{
  DaftariPaySpec spec;
  gtk_widget_set_sensitive (GTK_WIDGET (self->submit_button), validate (self, &spec));
}

static void
submit_clicked (DaftariPayDialog *self)
{
  DaftariPaySpec spec;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (!validate (self, &spec))
    return;
  if (!daftari_session_pay (self->session, &spec, NULL, &error))
    {
      show_problem (self, NULL, error->message);
      return;
    }
  if (DAFTARI_IS_WINDOW (parent))
    daftari_window_add_toast (DAFTARI_WINDOW (parent), adw_toast_new (_("Payment recorded")));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_clicked (DaftariPayDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
daftari_pay_dialog_dispose (GObject *object)
{
  DaftariPayDialog *self = DAFTARI_PAY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DAFTARI_TYPE_PAY_DIALOG);
  g_clear_object (&self->session);
  g_clear_pointer (&self->wallet_ids, g_array_unref);
  g_clear_pointer (&self->category_ids, g_array_unref);
  G_OBJECT_CLASS (daftari_pay_dialog_parent_class)->dispose (object);
}

static void
daftari_pay_dialog_class_init (DaftariPayDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = daftari_pay_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftari/Daftari/ui/daftari-pay-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftariPayDialog, paybill_button);
  gtk_widget_class_bind_template_child (widget_class, DaftariPayDialog, till_button);
  gtk_widget_class_bind_template_child (widget_class, DaftariPayDialog, pochi_button);
  gtk_widget_class_bind_template_child (widget_class, DaftariPayDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariPayDialog, number_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariPayDialog, account_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariPayDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariPayDialog, fee_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariPayDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariPayDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariPayDialog, memo_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariPayDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, DaftariPayDialog, submit_button);
  gtk_widget_class_bind_template_callback (widget_class, form_changed);
  gtk_widget_class_bind_template_callback (widget_class, submit_clicked);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, (GtkShortcutFunc) gtk_window_close, NULL);
}

static void
daftari_pay_dialog_init (DaftariPayDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

DaftariPayDialog *
daftari_pay_dialog_new (GtkWindow *parent, DaftariSession *session, gint64 wallet_id)
{
  DaftariPayDialog *self = g_object_new (DAFTARI_TYPE_PAY_DIALOG, "transient-for", parent, NULL);
  DaftariBook *book = daftari_session_get_book (session);
  g_autoptr(GtkStringList) wallets = daftari_ui_wallet_list (book, DAFTARI_UI_WALLETS_PAY_ONLY, &self->wallet_ids);
  guint other = 0;
  g_autoptr(GtkStringList) categories = daftari_ui_expense_categories (book, &self->category_ids, &other);
  g_autofree char *today = daftari_day_format (daftari_calendar_today (daftari_book_get_calendar (book)));

  self->session = g_object_ref (session);
  daftari_ui_combo_row_set_wallets (self->from_row, G_LIST_MODEL (wallets));
  adw_combo_row_set_selected (self->from_row, daftari_ui_position_of (self->wallet_ids, wallet_id));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));
  adw_combo_row_set_selected (self->category_row, other);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  form_changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->number_row));
  return self;
}
