/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-payment-dialog.h"

#include <glib/gi18n.h>

#include "daftari-customer.h"
#include "daftari-invoice.h"
#include "daftari-ui-util.h"
#include "daftari-window.h"

struct _DaftariPaymentDialog {
  AdwWindow       parent_instance;

  AdwActionRow   *invoice_row;
  AdwComboRow    *wallet_row;
  AdwEntryRow    *amount_row;
  AdwEntryRow    *date_row;
  AdwEntryRow    *note_row;
  GtkLabel       *credit_label;
  GtkLabel       *error_label;
  GtkButton      *submit_button;

  DaftariSession *session;
  GArray         *wallet_ids;
  gint64          invoice_id;
  gint64          balance;
};

G_DEFINE_FINAL_TYPE (DaftariPaymentDialog, daftari_payment_dialog, ADW_TYPE_WINDOW)

static DaftariBook *
book_of (DaftariPaymentDialog *self)
{
  return daftari_session_get_book (self->session);
}

static gboolean
show_problem (DaftariPaymentDialog *self, GtkWidget *row, const char *message)
{
  return daftari_ui_show_problem (self->error_label, row, message);
}

static gboolean
validate (DaftariPaymentDialog *self, DaftariPaymentSpec *spec)
{
  const DaftariCommodity *currency = daftari_book_get_currency (book_of (self));
  g_autoptr(GError) error = NULL;
  const char *amount_text = gtk_editable_get_text (GTK_EDITABLE (self->amount_row));
  const char *date_text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  guint position = adw_combo_row_get_selected (self->wallet_row);

  daftari_ui_mark_error (GTK_WIDGET (self->wallet_row), FALSE);
  daftari_ui_mark_error (GTK_WIDGET (self->amount_row), FALSE);
  daftari_ui_mark_error (GTK_WIDGET (self->date_row), FALSE);
  show_problem (self, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->credit_label), FALSE);
  spec->wallet_id = position < self->wallet_ids->len ? g_array_index (self->wallet_ids, gint64, position) : 0;
  spec->memo = gtk_editable_get_text (GTK_EDITABLE (self->note_row));
  if (spec->wallet_id == 0)
    return show_problem (self, GTK_WIDGET (self->wallet_row), _("Add an M-PESA, bank or cash wallet first."));
  if (*date_text == '\0' || !daftari_ui_read_date (book_of (self), date_text, &spec->ts, &error))
    return show_problem (self, GTK_WIDGET (self->date_row), error ? error->message : NULL);
  if (*amount_text == '\0')
    return FALSE;
  if (!daftari_money_parse (amount_text, currency, &spec->amount, &error))
    return show_problem (self, GTK_WIDGET (self->amount_row), error->message);
  if (spec->amount <= 0)
    return show_problem (self, GTK_WIDGET (self->amount_row), _("The amount must be more than zero."));
  if (spec->amount > self->balance)
    {
      g_autofree char *extra = daftari_ui_format_money (spec->amount - self->balance, currency);
      g_autofree char *text = g_strdup_printf (_("%s more than the invoice owes stays as the customer’s credit, "
                                                 "for their next invoice."), extra);
      gtk_label_set_label (self->credit_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->credit_label), TRUE);
    }
  return TRUE;
}

static void
form_changed (DaftariPaymentDialog *self)
{
  DaftariPaymentSpec spec = { 0 };
  gtk_widget_set_sensitive (GTK_WIDGET (self->submit_button), validate (self, &spec));
}

static void
submit_clicked (DaftariPaymentDialog *self)
{
  DaftariPaymentSpec spec = { 0 };
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gint64 credit = 0;
  g_autofree char *message = NULL;

  if (!validate (self, &spec))
    return;
  spec.invoice_ids = &self->invoice_id;
  spec.n_invoices = 1;
  if (!daftari_invoice_receive_payment (book_of (self), &spec, NULL, &credit, &error))
    {
      show_problem (self, daftari_ui_field_of_error (error) == DAFTARI_UI_FIELD_AMOUNT ? GTK_WIDGET (self->amount_row)
                                                                                      : NULL,
                    error->message);
      return;
    }
  daftari_session_notify_changed (self->session);
  if (credit > 0)
    {
      g_autofree char *left = daftari_ui_format_money (credit, daftari_book_get_currency (book_of (self)));
      message = g_strdup_printf (_("Payment recorded. %s kept as the customer’s credit."), left);
    }
  if (DAFTARI_IS_WINDOW (parent))
    daftari_window_add_toast (DAFTARI_WINDOW (parent), adw_toast_new (message ? message : _("Payment recorded")));
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_clicked (DaftariPaymentDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
daftari_payment_dialog_dispose (GObject *object)
{
  DaftariPaymentDialog *self = DAFTARI_PAYMENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DAFTARI_TYPE_PAYMENT_DIALOG);
  g_clear_object (&self->session);
  g_clear_pointer (&self->wallet_ids, g_array_unref);
  G_OBJECT_CLASS (daftari_payment_dialog_parent_class)->dispose (object);
}

static void
daftari_payment_dialog_class_init (DaftariPaymentDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = daftari_payment_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftari/Daftari/ui/daftari-payment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftariPaymentDialog, invoice_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariPaymentDialog, wallet_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariPaymentDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariPaymentDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariPaymentDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariPaymentDialog, credit_label);
  gtk_widget_class_bind_template_child (widget_class, DaftariPaymentDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, DaftariPaymentDialog, submit_button);
  gtk_widget_class_bind_template_callback (widget_class, form_changed);
  gtk_widget_class_bind_template_callback (widget_class, submit_clicked);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, (GtkShortcutFunc) gtk_window_close, NULL);
}

static void
daftari_payment_dialog_init (DaftariPaymentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

DaftariPaymentDialog *
daftari_payment_dialog_new (GtkWindow *parent, DaftariSession *session, gint64 invoice_id)
{
  DaftariPaymentDialog *self = g_object_new (DAFTARI_TYPE_PAYMENT_DIALOG, "transient-for", parent, NULL);
  DaftariBook *book = daftari_session_get_book (session);
  const DaftariCommodity *currency = daftari_book_get_currency (book);
  g_autoptr(GtkStringList) wallets = daftari_ui_wallet_list (book, DAFTARI_UI_WALLETS_ALL, &self->wallet_ids);
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariInvoice) invoice = daftari_invoice_load (book, invoice_id, &error);
  g_autofree char *today = daftari_day_format (daftari_calendar_today (daftari_book_get_calendar (book)));

  self->session = g_object_ref (session);
  self->invoice_id = invoice_id;
  daftari_ui_combo_row_set_wallets (self->wallet_row, G_LIST_MODEL (wallets));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  if (invoice != NULL)
    {
      g_autoptr(DaftariCustomer) customer = daftari_customer_get (book, invoice->customer_id, NULL);
      g_autofree char *owed = NULL, *subtitle = NULL, *amount = NULL;

      self->balance = daftari_invoice_balance (invoice);
      owed = daftari_ui_format_money (self->balance, currency);
      /* Translators: "Wanjiku Stores · KES 17,748.00 owed" */
      subtitle = g_strdup_printf (_("%s · %s owed"), customer ? customer->name : "", owed);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->invoice_row), invoice->number ? invoice->number : "");
      adw_action_row_set_subtitle (self->invoice_row, subtitle);
      amount = daftari_money_format (self->balance, currency, DAFTARI_MONEY_FORMAT_NO_CODE);
      gtk_editable_set_text (GTK_EDITABLE (self->amount_row), amount);
    }
  form_changed (self);
  if (invoice == NULL)
    show_problem (self, NULL, error->message);
  gtk_widget_grab_focus (GTK_WIDGET (self->amount_row));
  return self;
}
