/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-onboarding.h"

#include <glib/gi18n.h>
#include <string.h>

struct _DaftariOnboarding {
  AdwBin         parent_instance;

  GtkStack      *steps;
  AdwEntryRow   *business_row;
  AdwComboRow   *currency_row;
  GtkLabel      *book_error;
  GtkWidget     *create_button;
  AdwStatusPage *pin_page;
  GtkWidget     *pin_group;
  AdwPasswordEntryRow *pin_row;
  AdwPasswordEntryRow *repeat_row;
  GtkLabel      *pin_error;
  GtkWidget     *set_pin_button;
  GtkButton     *skip_button;
};

G_DEFINE_FINAL_TYPE (DaftariOnboarding, daftari_onboarding, ADW_TYPE_BIN)

enum { CREATE_BOOK, OPEN_REQUESTED, PIN_CHOSEN, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
show_message (GtkLabel *label, const char *message)
{
  gtk_label_set_label (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

void
daftari_onboarding_show_error (DaftariOnboarding *self, const char *message)
{
  const char *step = gtk_stack_get_visible_child_name (self->steps);
  show_message (g_str_equal (step, "pin") ? self->pin_error : self->book_error, message);
}

void
daftari_onboarding_ask_pin (DaftariOnboarding *self, gboolean keyring_ok)
{
  gtk_widget_set_visible (self->pin_group, keyring_ok);
  gtk_widget_set_visible (self->set_pin_button, keyring_ok);
  if (keyring_ok)
    {
      adw_status_page_set_description (self->pin_page,
          _("Choose a PIN of 4 to 6 digits, like your M-PESA PIN, or a passphrase of 8 characters or more. "
            "Daftari asks for it when it starts and when you have been away."));
      gtk_button_set_label (self->skip_button, _("_Skip"));
    }
  else
    {
      adw_status_page_set_description (self->pin_page,
          _("No keyring is running on this computer, so Daftari cannot keep a PIN. "
            "You can go on without one; a banner will remind you until a PIN is set."));
      gtk_button_set_label (self->skip_button, _("_Continue Without a PIN"));
    }
  show_message (self->pin_error, NULL);
  gtk_stack_set_visible_child_name (self->steps, "pin");
  gtk_widget_grab_focus (GTK_WIDGET (keyring_ok ? GTK_WIDGET (self->pin_row) : GTK_WIDGET (self->skip_button)));
}

static void
create_clicked (DaftariOnboarding *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->business_row))));
  GtkStringObject *currency = adw_combo_row_get_selected_item (self->currency_row);

  if (*name == '\0')
    {
      show_message (self->book_error, _("Type your business’s name first."));
      gtk_widget_grab_focus (GTK_WIDGET (self->business_row));
      return;
    }
  show_message (self->book_error, NULL);
  g_signal_emit (self, signals[CREATE_BOOK], 0, name, gtk_string_object_get_string (currency));
}

static void
open_clicked (DaftariOnboarding *self)
{
  g_signal_emit (self, signals[OPEN_REQUESTED], 0);
}

/* Copies out of the entries and wipes them: a PIN lives as briefly as it can. */
static void
set_pin_clicked (DaftariOnboarding *self)
{
  g_autofree char *pin = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->pin_row)));
  g_autofree char *repeat = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->repeat_row)));

  gtk_editable_set_text (GTK_EDITABLE (self->pin_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->repeat_row), "");
  if (!g_str_equal (pin, repeat))
    show_message (self->pin_error, _("The two PINs differ. Type the same PIN twice."));
  else
    g_signal_emit (self, signals[PIN_CHOSEN], 0, pin);
  memset (pin, 0, strlen (pin));
  memset (repeat, 0, strlen (repeat));
}

static void
skip_clicked (DaftariOnboarding *self)
{
  g_signal_emit (self, signals[PIN_CHOSEN], 0, NULL);
}

static void
daftari_onboarding_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DAFTARI_TYPE_ONBOARDING);
  G_OBJECT_CLASS (daftari_onboarding_parent_class)->dispose (object);
}

static void
daftari_onboarding_class_init (DaftariOnboardingClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = daftari_onboarding_dispose;
  signals[CREATE_BOOK] = g_signal_new ("create-book", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  signals[OPEN_REQUESTED] = g_signal_new ("open-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[PIN_CHOSEN] = g_signal_new ("pin-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                      NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftari/Daftari/ui/daftari-onboarding.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftariOnboarding, steps);
  gtk_widget_class_bind_template_child (widget_class, DaftariOnboarding, business_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariOnboarding, currency_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariOnboarding, book_error);
  gtk_widget_class_bind_template_child (widget_class, DaftariOnboarding, create_button);
  gtk_widget_class_bind_template_child (widget_class, DaftariOnboarding, pin_page);
  gtk_widget_class_bind_template_child (widget_class, DaftariOnboarding, pin_group);
  gtk_widget_class_bind_template_child (widget_class, DaftariOnboarding, pin_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariOnboarding, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariOnboarding, pin_error);
  gtk_widget_class_bind_template_child (widget_class, DaftariOnboarding, set_pin_button);
  gtk_widget_class_bind_template_child (widget_class, DaftariOnboarding, skip_button);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked);
  gtk_widget_class_bind_template_callback (widget_class, set_pin_clicked);
  gtk_widget_class_bind_template_callback (widget_class, skip_clicked);
}

static void
daftari_onboarding_init (DaftariOnboarding *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
