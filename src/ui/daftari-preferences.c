/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-preferences.h"

#include <glib/gi18n.h>
#include <string.h>

#include "daftari-ui-util.h"
#include "daftari-window.h"

struct _DaftariPreferences {
  AdwPreferencesWindow parent_instance;

  AdwEntryRow         *limit_row;
  GtkSpinButton       *lock_minutes;
  GtkSpinButton       *reconcile_threshold;
  AdwActionRow        *pin_row;
  GtkButton           *set_pin_button;
  GtkButton           *remove_pin_button;
  AdwPreferencesGroup *rates_group;
  AdwComboRow         *rate_code_row;
  AdwEntryRow         *rate_date_row;
  AdwEntryRow         *rate_value_row;

  DaftariWindow       *window;
  DaftariSession      *session;
  DaftariPinStore     *pin_store;
  gboolean             keyring_ok;
  gboolean             has_pin;
};

G_DEFINE_FINAL_TYPE (DaftariPreferences, daftari_preferences, ADW_TYPE_PREFERENCES_WINDOW)

static void
toast (DaftariPreferences *self, const char *text)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (text));
}

static DaftariBook *
book_of (DaftariPreferences *self)
{
  return daftari_session_get_book (self->session);
}

/* --- Limit --- */

static void
show_limit (DaftariPreferences *self)
{
  DaftariBook *book = book_of (self);
  g_autofree char *text = daftari_money_format (daftari_book_get_txn_limit (book), daftari_book_get_currency (book),
                                                DAFTARI_MONEY_FORMAT_NO_CODE);
  g_autofree char *title = g_strdup_printf (_("Per-Transaction Limit (%s)"),
                                            daftari_book_get_currency (book)->code);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->limit_row), title);
  gtk_editable_set_text (GTK_EDITABLE (self->limit_row), text);
}

static void
limit_applied (DaftariPreferences *self)
{
  g_autoptr(GError) error = NULL;
  gint64 limit;

  if (!daftari_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->limit_row)),
                            daftari_book_get_currency (book_of (self)), &limit, &error) ||
      !daftari_session_set_limit (self->session, limit, &error))
    {
      daftari_ui_mark_error (GTK_WIDGET (self->limit_row), TRUE);
      toast (self, error->message);
      return;
    }
  daftari_ui_mark_error (GTK_WIDGET (self->limit_row), FALSE);
  show_limit (self);
  toast (self, _("Limit saved"));
}

/* --- Auto-lock: stored in seconds, shown in minutes --- */

static gboolean
seconds_to_minutes (GValue *value, GVariant *variant, gpointer user_data)
{
  g_value_set_double (value, g_variant_get_uint32 (variant) / 60.0);
  return TRUE;
}

static GVariant *
minutes_to_seconds (const GValue *value, const GVariantType *type, gpointer user_data)
{
  return g_variant_new_uint32 ((guint32) (g_value_get_double (value) * 60));
}

/* --- PIN --- */

static void
show_pin_state (DaftariPreferences *self)
{
  if (!self->keyring_ok)
    adw_action_row_set_subtitle (self->pin_row, _("No keyring is running: a PIN cannot be kept"));
  else
    adw_action_row_set_subtitle (self->pin_row, self->has_pin ? _("Asked when Daftari starts or locks")
                                                              : _("Not set: anyone at this computer can open the book"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->set_pin_button), self->keyring_ok);
  gtk_button_set_label (self->set_pin_button, self->has_pin ? _("_Change…") : _("_Set…"));
  gtk_widget_set_visible (GTK_WIDGET (self->remove_pin_button), self->has_pin);
}

typedef struct {
  DaftariPreferences *self;
  char               *new_pin;   /* NULL: remove */
} PinChange;

static void
pin_change_free (PinChange *change)
{
  if (change->new_pin != NULL)
    daftari_secret_wipe (change->new_pin);
  g_free (change->new_pin);
  g_object_unref (change->self);
  g_free (change);
}

static void
pin_saved (GObject *source, GAsyncResult *result, gpointer user_data)
{
  PinChange *change = user_data;
  DaftariPreferences *self = change->self;
  g_autoptr(GError) error = NULL;
  gboolean ok = change->new_pin ? daftari_pin_store_set_pin_finish (DAFTARI_PIN_STORE (source), result, &error)
                                : daftari_pin_store_remove_pin_finish (DAFTARI_PIN_STORE (source), result, &error);

  if (ok)
    {
      self->has_pin = change->new_pin != NULL;
      toast (self, change->new_pin ? _("PIN saved") : _("PIN removed"));
      daftari_window_pin_changed (self->window);
    }
  else
    toast (self, error->message);
  show_pin_state (self);
  pin_change_free (change);
}

static void
apply_pin_change (PinChange *change)
{
  DaftariPinStore *store = change->self->pin_store;

  if (change->new_pin != NULL)
    daftari_pin_store_set_pin_async (store, change->new_pin, NULL, pin_saved, change);
  else
    daftari_pin_store_remove_pin_async (store, NULL, pin_saved, change);
}

static void
current_pin_checked (GObject *source, GAsyncResult *result, gpointer user_data)
{
  PinChange *change = user_data;
  g_autoptr(GError) error = NULL;
  gint64 wait = 0;
  DaftariPinVerdict verdict = daftari_pin_store_verify_finish (DAFTARI_PIN_STORE (source), result, &wait, &error);

  if (verdict == DAFTARI_PIN_VERDICT_OK)
    {
      apply_pin_change (change);
      return;
    }
  toast (change->self, verdict == DAFTARI_PIN_VERDICT_WRONG ? _("The current PIN is not right")
                       : verdict == DAFTARI_PIN_VERDICT_WAIT ? _("Too many wrong PINs: wait before trying again")
                       : error->message);
  pin_change_free (change);
}

static void
wipe_secret (char *secret)
{
  if (secret != NULL)
    daftari_secret_wipe (secret);
}

static char *
take_text (GtkEditable *entry)
{
  char *text = g_strdup (gtk_editable_get_text (entry));
  gtk_editable_set_text (entry, "");
  return text;
}

static void
pin_dialog_response (AdwMessageDialog *dialog, const char *response, DaftariPreferences *self)
{
  GtkEditable *current = g_object_get_data (G_OBJECT (dialog), "current");
  GtkEditable *fresh = g_object_get_data (G_OBJECT (dialog), "new");
  GtkEditable *repeat = g_object_get_data (G_OBJECT (dialog), "repeat");
  g_autofree char *current_pin = current ? take_text (current) : NULL;
  g_autofree char *new_pin = fresh ? take_text (fresh) : NULL;
  g_autofree char *repeat_pin = repeat ? take_text (repeat) : NULL;
  PinChange *change;

  if (g_str_equal (response, "cancel"))
    goto wipe;
  if (new_pin != NULL && !g_str_equal (new_pin, repeat_pin))
    {
      toast (self, _("The two new PINs differ. Nothing was changed."));
      goto wipe;
    }
  change = g_new0 (PinChange, 1);
  change->self = g_object_ref (self);
  change->new_pin = g_strdup (new_pin);
  if (self->has_pin)
    daftari_pin_store_verify_async (self->pin_store, current_pin, NULL, current_pin_checked, change);
  else
    apply_pin_change (change);

wipe:
  wipe_secret (current_pin);
  wipe_secret (new_pin);
  wipe_secret (repeat_pin);
}

static GtkWidget *
pin_entry (AdwMessageDialog *dialog, GtkBox *box, const char *key, const char *placeholder)
{
  GtkWidget *entry = gtk_password_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_object_set (entry, "placeholder-text", placeholder, NULL);
  gtk_box_append (box, entry);
  g_object_set_data (G_OBJECT (dialog), key, entry);
  return entry;
}

static void
open_pin_dialog (DaftariPreferences *self, gboolean removing)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
      removing ? _("Remove the PIN?") : self->has_pin ? _("Change the PIN") : _("Set a PIN"),
      removing ? _("Anyone at this computer will be able to open the book.")
               : _("4 to 6 digits, or a passphrase of 8 characters or more.")));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  if (self->has_pin)
    pin_entry (dialog, GTK_BOX (box), "current", _("Current PIN"));
  if (!removing)
    {
      pin_entry (dialog, GTK_BOX (box), "new", _("New PIN"));
      pin_entry (dialog, GTK_BOX (box), "repeat", _("Repeat the new PIN"));
    }
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", removing ? _("_Remove") : _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", removing ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (pin_dialog_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_pin_clicked (DaftariPreferences *self)
{
  open_pin_dialog (self, FALSE);
}

static void
remove_pin_clicked (DaftariPreferences *self)
{
  open_pin_dialog (self, TRUE);
}

/* --- Rates --- */

static void
show_rates (DaftariPreferences *self)
{
  DaftariBook *book = book_of (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rates = daftari_rates_list (book, &error);

  daftari_ui_group_clear (self->rates_group);
  for (guint i = 0; rates != NULL && i < rates->len; i++)
    {
      const DaftariRateEntry *entry = &g_array_index (rates, DaftariRateEntry, i);
      g_autofree char *day = daftari_day_format (entry->day);
      g_autofree char *rate = daftari_rate_format (entry->rate);
      g_autofree char *text = g_strdup_printf ("%s %s", rate, daftari_book_get_currency (book)->code);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->commodity->code);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), day);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), daftari_ui_amount_label (text));
      daftari_ui_group_add (self->rates_group, row);
    }
}

static void
rate_applied (DaftariPreferences *self)
{
  DaftariBook *book = book_of (self);
  GtkStringObject *code = adw_combo_row_get_selected_item (self->rate_code_row);
  g_autoptr(GError) error = NULL;
  DaftariDay day;
  gint64 rate;

  if (!daftari_day_parse (gtk_editable_get_text (GTK_EDITABLE (self->rate_date_row)), &day, &error) ||
      !daftari_rate_parse (gtk_editable_get_text (GTK_EDITABLE (self->rate_value_row)), &rate, &error) ||
      !daftari_rates_set (book, daftari_commodity_lookup (gtk_string_object_get_string (code)), day, rate, &error))
    {
      toast (self, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->rate_value_row), "");
  daftari_session_notify_changed (self->session);
  show_rates (self);
  toast (self, _("Rate saved"));
}

static void
daftari_preferences_dispose (GObject *object)
{
  DaftariPreferences *self = DAFTARI_PREFERENCES (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DAFTARI_TYPE_PREFERENCES);
  g_clear_object (&self->session);
  g_clear_object (&self->pin_store);
  G_OBJECT_CLASS (daftari_preferences_parent_class)->dispose (object);
}

static void
daftari_preferences_class_init (DaftariPreferencesClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = daftari_preferences_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftari/Daftari/ui/daftari-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftariPreferences, limit_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariPreferences, lock_minutes);
  gtk_widget_class_bind_template_child (widget_class, DaftariPreferences, reconcile_threshold);
  gtk_widget_class_bind_template_child (widget_class, DaftariPreferences, pin_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariPreferences, set_pin_button);
  gtk_widget_class_bind_template_child (widget_class, DaftariPreferences, remove_pin_button);
  gtk_widget_class_bind_template_child (widget_class, DaftariPreferences, rates_group);
  gtk_widget_class_bind_template_child (widget_class, DaftariPreferences, rate_code_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariPreferences, rate_date_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariPreferences, rate_value_row);
  gtk_widget_class_bind_template_callback (widget_class, limit_applied);
  gtk_widget_class_bind_template_callback (widget_class, set_pin_clicked);
  gtk_widget_class_bind_template_callback (widget_class, remove_pin_clicked);
  gtk_widget_class_bind_template_callback (widget_class, rate_applied);
}

static void
daftari_preferences_init (DaftariPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

DaftariPreferences *
daftari_preferences_new (DaftariWindow *window, DaftariSession *session, DaftariPinStore *pin_store,
                         GSettings *settings, gboolean keyring_ok)
{
  DaftariPreferences *self = g_object_new (DAFTARI_TYPE_PREFERENCES, "transient-for", window, NULL);
  DaftariBook *book = daftari_session_get_book (session);
  g_autofree char *today = daftari_day_format (daftari_calendar_today (daftari_book_get_calendar (book)));

  self->window = window;
  self->session = g_object_ref (session);
  self->pin_store = g_object_ref (pin_store);
  self->keyring_ok = keyring_ok;
  if (keyring_ok)
    daftari_pin_store_has_pin (pin_store, &self->has_pin, NULL);
  g_settings_bind_with_mapping (settings, "auto-lock-seconds", self->lock_minutes, "value", G_SETTINGS_BIND_DEFAULT,
                                seconds_to_minutes, minutes_to_seconds, NULL, NULL);
  g_settings_bind (settings, "reconcile-threshold", gtk_spin_button_get_adjustment (self->reconcile_threshold),
                   "value", G_SETTINGS_BIND_DEFAULT);
  gtk_editable_set_text (GTK_EDITABLE (self->rate_date_row), today);
  show_limit (self);
  show_pin_state (self);
  show_rates (self);
  return self;
}
