/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-lock-page.h"

#include <glib/gi18n.h>
#include <string.h>

struct _DaftariLockPage {
  AdwBin            parent_instance;

  AdwStatusPage    *status;
  GtkPasswordEntry *entry;
  GtkButton        *unlock_button;
  GtkLabel         *message;

  gint64            wait_until;   /* monotonic µs; 0 when not waiting */
  gboolean          busy;         /* a PIN is being checked, or a wait runs */
  guint             countdown;
};

G_DEFINE_FINAL_TYPE (DaftariLockPage, daftari_lock_page, ADW_TYPE_BIN)

enum { UNLOCK, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
set_message (DaftariLockPage *self, const char *text)
{
  gtk_label_set_label (self->message, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), text != NULL);
}

/* While a PIN is being checked or a wait runs, the entry keeps its focus
 * but takes no typing (making a focused entry insensitive upsets GTK). */
static void
set_enabled (DaftariLockPage *self, gboolean enabled)
{
  self->busy = !enabled;
  gtk_editable_set_editable (GTK_EDITABLE (self->entry), enabled);
  gtk_widget_set_sensitive (GTK_WIDGET (self->unlock_button), enabled);
  if (enabled)
    gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
stop_countdown (DaftariLockPage *self)
{
  g_clear_handle_id (&self->countdown, g_source_remove);
  self->wait_until = 0;
}

void
daftari_lock_page_reset (DaftariLockPage *self, const char *business_name)
{
  stop_countdown (self);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  adw_status_page_set_description (self->status, business_name);
  set_message (self, NULL);
  set_enabled (self, TRUE);
}

void
daftari_lock_page_focus (DaftariLockPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static gboolean
tick (gpointer user_data)
{
  DaftariLockPage *self = user_data;
  gint64 left = (self->wait_until - g_get_monotonic_time () + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
  g_autofree char *text = NULL;

  if (left <= 0)
    {
      self->countdown = 0;
      self->wait_until = 0;
      set_message (self, _("You can try again now."));
      set_enabled (self, TRUE);
      return G_SOURCE_REMOVE;
    }
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Too many wrong PINs. Try again in %u second.",
                                       "Too many wrong PINs. Try again in %u seconds.", (gulong) left),
                          (guint) left);
  set_message (self, text);
  return G_SOURCE_CONTINUE;
}

void
daftari_lock_page_set_wait (DaftariLockPage *self, gint64 wait_seconds)
{
  stop_countdown (self);
  if (wait_seconds <= 0)
    {
      set_enabled (self, TRUE);
      return;
    }
  self->wait_until = g_get_monotonic_time () + wait_seconds * G_USEC_PER_SEC;
  set_enabled (self, FALSE);
  tick (self);
  self->countdown = g_timeout_add_seconds (1, tick, self);
}

void
daftari_lock_page_show_wrong (DaftariLockPage *self, gint64 wait_seconds)
{
  if (wait_seconds > 0)
    {
      daftari_lock_page_set_wait (self, wait_seconds);
      return;
    }
  set_message (self, _("That PIN is not right. Try again."));
  set_enabled (self, TRUE);
}

void
daftari_lock_page_show_error (DaftariLockPage *self, const char *message)
{
  set_message (self, message);
  set_enabled (self, TRUE);
}

/* What was typed leaves the entry before anything else happens to it. */
static void
unlock_clicked (DaftariLockPage *self)
{
  g_autofree char *pin = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry)));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  if (*pin == '\0' || self->busy)
    return;
  set_enabled (self, FALSE);
  set_message (self, NULL);
  g_signal_emit (self, signals[UNLOCK], 0, pin);
  memset (pin, 0, strlen (pin));
}

static void
daftari_lock_page_dispose (GObject *object)
{
  stop_countdown (DAFTARI_LOCK_PAGE (object));
  gtk_widget_dispose_template (GTK_WIDGET (object), DAFTARI_TYPE_LOCK_PAGE);
  G_OBJECT_CLASS (daftari_lock_page_parent_class)->dispose (object);
}

static void
daftari_lock_page_class_init (DaftariLockPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = daftari_lock_page_dispose;
  signals[UNLOCK] = g_signal_new ("unlock", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftari/Daftari/ui/daftari-lock-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftariLockPage, status);
  gtk_widget_class_bind_template_child (widget_class, DaftariLockPage, entry);
  gtk_widget_class_bind_template_child (widget_class, DaftariLockPage, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, DaftariLockPage, message);
  gtk_widget_class_bind_template_callback (widget_class, unlock_clicked);
}

static void
daftari_lock_page_init (DaftariLockPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
