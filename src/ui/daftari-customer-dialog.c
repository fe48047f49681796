/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-customer-dialog.h"

#include <glib/gi18n.h>

#include "daftari-customer.h"
#include "daftari-ui-util.h"
#include "daftari-window.h"

static const char *languages[] = { "en", "sw" };

struct _DaftariCustomerDialog {
  AdwWindow       parent_instance;

  AdwEntryRow    *name_row;
  AdwEntryRow    *phone_row;
  AdwEntryRow    *email_row;
  AdwEntryRow    *pin_row;
  AdwEntryRow    *address_row;
  AdwComboRow    *language_row;
  AdwEntryRow    *notes_row;
  GtkLabel       *error_label;
  GtkButton      *submit_button;

  DaftariSession *session;
  gint64          customer_id;
  char           *phone;    /* normalised, while the form is valid */
  char           *kra_pin;
};

G_DEFINE_FINAL_TYPE (DaftariCustomerDialog, daftari_customer_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static gboolean
show_problem (DaftariCustomerDialog *self, AdwEntryRow *row, const char *message)
{
  return daftari_ui_show_problem (self->error_label, row ? GTK_WIDGET (row) : NULL, message);
}

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
validate (DaftariCustomerDialog *self, DaftariCustomerSpec *spec)
{
  AdwEntryRow *rows[] = { self->name_row, self->phone_row, self->email_row, self->pin_row };
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (text_of (self->name_row)));
  guint language = adw_combo_row_get_selected (self->language_row);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    daftari_ui_mark_error (GTK_WIDGET (rows[i]), FALSE);
  show_problem (self, NULL, NULL);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->kra_pin, g_free);
  *spec = (DaftariCustomerSpec) {
    .name = text_of (self->name_row),
    .email = text_of (self->email_row),
    .address = text_of (self->address_row),
    .notes = text_of (self->notes_row),
    .language = languages[MIN (language, G_N_ELEMENTS (languages) - 1)],
  };
  if (*text_of (self->phone_row) != '\0' && !daftari_phone_normalise (text_of (self->phone_row), &self->phone, &error))
    return show_problem (self, self->phone_row, error->message);
  if (*spec->email != '\0' && !daftari_email_check (spec->email, &error))
    return show_problem (self, self->email_row, error->message);
  if (*text_of (self->pin_row) != '\0' && !daftari_kra_pin_normalise (text_of (self->pin_row), &self->kra_pin, &error))
    return show_problem (self, self->pin_row, error->message);
  spec->phone = self->phone;
  spec->kra_pin = self->kra_pin;
  return *name != '\0';
}

static void
form_changed (DaftariCustomerDialog *self)
{
  DaftariCustomerSpec spec;
  gtk_widget_set_sensitive (GTK_WIDGET (self->submit_button), validate (self, &spec));
}

static void
submit_clicked (DaftariCustomerDialog *self)
{
  DaftariCustomerSpec spec;
  DaftariBook *book = daftari_session_get_book (self->session);
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gint64 id = self->customer_id;
  gboolean ok;

  if (!validate (self, &spec))
    return;
  ok = id != 0 ? daftari_customer_update (book, id, &spec, &error) : daftari_customer_add (book, &spec, &id, &error);
  if (!ok)
    {
      show_problem (self, g_error_matches (error, DAFTARI_INVOICE_ERROR, DAFTARI_INVOICE_ERROR_EXISTS) ? self->name_row
                                                                                                        : NULL,
                    error->message);
      return;
    }
  daftari_session_notify_changed (self->session);
  g_signal_emit (self, signals[SAVED], 0, id);
  if (DAFTARI_IS_WINDOW (parent))
    daftari_window_add_toast (DAFTARI_WINDOW (parent), adw_toast_new (_("Customer saved")));
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_clicked (DaftariCustomerDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
daftari_customer_dialog_dispose (GObject *object)
{
  DaftariCustomerDialog *self = DAFTARI_CUSTOMER_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DAFTARI_TYPE_CUSTOMER_DIALOG);
  g_clear_object (&self->session);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->kra_pin, g_free);
  G_OBJECT_CLASS (daftari_customer_dialog_parent_class)->dispose (object);
}

static void
daftari_customer_dialog_class_init (DaftariCustomerDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = daftari_customer_dialog_dispose;
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftari/Daftari/ui/daftari-customer-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftariCustomerDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariCustomerDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariCustomerDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariCustomerDialog, pin_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariCustomerDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariCustomerDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariCustomerDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariCustomerDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, DaftariCustomerDialog, submit_button);
  gtk_widget_class_bind_template_callback (widget_class, form_changed);
  gtk_widget_class_bind_template_callback (widget_class, submit_clicked);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, (GtkShortcutFunc) gtk_window_close, NULL);
}

static void
daftari_customer_dialog_init (DaftariCustomerDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

DaftariCustomerDialog *
daftari_customer_dialog_new (GtkWindow *parent, DaftariSession *session, gint64 customer_id)
{
  DaftariCustomerDialog *self = g_object_new (DAFTARI_TYPE_CUSTOMER_DIALOG, "transient-for", parent, NULL);
  g_autoptr(DaftariCustomer) customer = NULL;

  self->session = g_object_ref (session);
  if (customer_id != 0 &&
      (customer = daftari_customer_get (daftari_session_get_book (session), customer_id, NULL)) != NULL)
    {
      self->customer_id = customer_id;
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Customer"));
      gtk_button_set_label (self->submit_button, _("_Save"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), customer->name ? customer->name : "");
      gtk_editable_set_text (GTK_EDITABLE (self->phone_row), customer->phone ? customer->phone : "");
      gtk_editable_set_text (GTK_EDITABLE (self->email_row), customer->email ? customer->email : "");
      gtk_editable_set_text (GTK_EDITABLE (self->pin_row), customer->kra_pin ? customer->kra_pin : "");
      gtk_editable_set_text (GTK_EDITABLE (self->address_row), customer->address ? customer->address : "");
      gtk_editable_set_text (GTK_EDITABLE (self->notes_row), customer->notes ? customer->notes : "");
      adw_combo_row_set_selected (self->language_row, g_strcmp0 (customer->language, "sw") == 0 ? 1 : 0);
    }
  form_changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}
