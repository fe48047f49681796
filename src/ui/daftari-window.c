/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-window.h"

#include <glib/gi18n.h>

#include "daftari-import-dialog.h"
#include "daftari-lock-page.h"
#include "daftari-main-view.h"
#include "daftari-onboarding.h"
#include "daftari-pin.h"
#include "daftari-preferences.h"

struct _DaftariWindow {
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwToastOverlay      *toasts;
  GtkStack             *shell;
  DaftariOnboarding    *onboarding;
  DaftariLockPage      *lock_page;
  AdwStatusPage        *error_page;

  GSettings            *settings;
  char                 *book_path;
  DaftariSession       *session;
  DaftariPinStore      *pin_store;
  gboolean              keyring_ok;
  gboolean              has_pin;
  DaftariMainView      *main_view;     /* NULL while locked: no book data in widgets */
  gint64                last_activity; /* monotonic µs */
  AdwToast             *last_toast;    /* weak: for tests */
  guint                 idle_source;
};

G_DEFINE_FINAL_TYPE (DaftariWindow, daftari_window, ADW_TYPE_APPLICATION_WINDOW)

static void show_main (DaftariWindow *self);

DaftariSession *
daftari_window_get_session (DaftariWindow *self)
{
  return self->session;
}

gboolean
daftari_window_is_locked (DaftariWindow *self)
{
  return self->main_view == NULL;
}

void
daftari_window_add_toast (DaftariWindow *self, AdwToast *toast)
{
  g_set_weak_pointer (&self->last_toast, toast);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

AdwToast *
daftari_window_get_last_toast (DaftariWindow *self)
{
  return self->last_toast;
}

DaftariPinStore *
daftari_window_get_pin_store (DaftariWindow *self)
{
  return self->pin_store;
}

static void
update_actions (DaftariWindow *self)
{
  gboolean unlocked = self->main_view != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.transfer", unlocked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.pay", unlocked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", unlocked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.lock", unlocked && self->has_pin);
}

/* Drops the main view, and with it every widget that shows book data. */
static void
destroy_main_view (DaftariWindow *self)
{
  if (self->main_view == NULL)
    return;
  /* A focused entry must lose focus before it goes, or GTK complains. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_stack_remove (self->shell, GTK_WIDGET (self->main_view));
  self->main_view = NULL;
}

void
daftari_window_lock (DaftariWindow *self)
{
  if (!self->has_pin || self->session == NULL)
    return;
  destroy_main_view (self);
  daftari_lock_page_reset (self->lock_page, daftari_book_get_business_name (daftari_session_get_book (self->session)));
  gtk_stack_set_visible_child_name (self->shell, "lock");
  update_actions (self);
  daftari_lock_page_focus (self->lock_page);
}

static void
refresh_pin_state (DaftariWindow *self)
{
  g_autoptr(GError) error = NULL;

  self->keyring_ok = daftari_pin_store_check_keyring (self->pin_store, &error);
  self->has_pin = FALSE;
  if (self->keyring_ok && !daftari_pin_store_has_pin (self->pin_store, &self->has_pin, &error))
    g_warning ("Cannot read the PIN from the keyring: %s", error->message);
  if (self->main_view != NULL)
    daftari_main_view_set_protection (self->main_view, self->keyring_ok, self->has_pin);
  update_actions (self);
}

void
daftari_window_pin_changed (DaftariWindow *self)
{
  refresh_pin_state (self);
}

static void
show_main (DaftariWindow *self)
{
  if (self->main_view == NULL)
    {
      self->main_view = daftari_main_view_new (self->session);
      gtk_stack_add_named (self->shell, GTK_WIDGET (self->main_view), "main");
    }
  daftari_main_view_set_protection (self->main_view, self->keyring_ok, self->has_pin);
  gtk_stack_set_visible_child_name (self->shell, "main");
  self->last_activity = g_get_monotonic_time ();
  update_actions (self);
}

static void
show_error (DaftariWindow *self, const char *title, const char *message)
{
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->shell, "error");
}

/* Makes book the window's book, with its own PIN store, and remembers it
 * for the next start. */
static void
attach_book (DaftariWindow *self, DaftariBook *book)
{
  g_clear_object (&self->session);
  g_clear_object (&self->pin_store);
  destroy_main_view (self);
  self->session = daftari_session_new (book);
  self->pin_store = daftari_pin_store_new (daftari_book_get_path (book));
  g_settings_set_string (self->settings, "book-path", daftari_book_get_path (book));
}

/* A book is open: remember it, then ask for its PIN if it has one. */
static void
start_session (DaftariWindow *self, DaftariBook *book)
{
  attach_book (self, book);
  refresh_pin_state (self);
  if (self->has_pin)
    daftari_window_lock (self);
  else
    show_main (self);
}

static void
open_book (DaftariWindow *self, const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariBook) book = daftari_book_open (path, &error);

  if (book == NULL)
    {
      show_error (self, _("This Book Cannot Be Opened"), error->message);
      return;
    }
  start_session (self, book);
}

/* The user chose a name and currency on the welcome page. */
static void
on_create_book (DaftariWindow *self, const char *business, const char *currency)
{
  g_autoptr(GError) error = NULL;
  DaftariBookSetup setup = { business, currency, NULL };
  g_autoptr(DaftariBook) book = daftari_book_create (self->book_path, &setup, &error);

  if (book == NULL)
    {
      daftari_onboarding_show_error (self->onboarding, error->message);
      return;
    }
  attach_book (self, book);
  self->keyring_ok = daftari_pin_store_check_keyring (self->pin_store, NULL);
  daftari_onboarding_ask_pin (self->onboarding, self->keyring_ok);
}

static void
on_pin_chosen (DaftariWindow *self, const char *pin)
{
  g_autoptr(GError) error = NULL;

  if (pin != NULL && !daftari_pin_store_set_pin (self->pin_store, pin, &error))
    {
      daftari_onboarding_show_error (self->onboarding, error->message);
      return;
    }
  refresh_pin_state (self);
  show_main (self);
}

static void
chooser_response (GtkNativeDialog *chooser, int response, gpointer user_data)
{
  DaftariWindow *self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file ? g_file_get_path (file) : NULL;
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (path != NULL)
    open_book (self, path);
}

static void
on_open_requested (DaftariWindow *self)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Open a Book"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                 _("_Open"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Daftari books"));
  gtk_file_filter_add_pattern (filter, "*.daftari");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
verify_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(DaftariWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 wait = 0;
  DaftariPinVerdict verdict = daftari_pin_store_verify_finish (DAFTARI_PIN_STORE (source), result, &wait, &error);

  if (source != G_OBJECT (self->pin_store))
    return;  /* the book changed meanwhile */
  switch (verdict)
    {
    case DAFTARI_PIN_VERDICT_OK:
      show_main (self);
      break;
    case DAFTARI_PIN_VERDICT_WAIT:
      daftari_lock_page_set_wait (self->lock_page, wait);
      break;
    case DAFTARI_PIN_VERDICT_WRONG:
      daftari_lock_page_show_wrong (self->lock_page, wait);
      break;
    case DAFTARI_PIN_VERDICT_ERROR:
    default:
      daftari_lock_page_show_error (self->lock_page, error ? error->message : _("The PIN could not be checked"));
      break;
    }
}

static void
on_unlock (DaftariWindow *self, const char *pin)
{
  daftari_pin_store_verify_async (self->pin_store, pin, NULL, verify_done, g_object_ref (self));
}

/* Any key, click or pointer movement counts as the user being there. */
static void
note_activity (DaftariWindow *self)
{
  self->last_activity = g_get_monotonic_time ();
}

/* ::key-pressed wants to know whether the key was handled: noting the
 * user's presence handles nothing, so the key goes on to the widgets
 * (answering anything else swallowed every key the window got). */
static gboolean
note_key_activity (DaftariWindow *self)
{
  note_activity (self);
  return GDK_EVENT_PROPAGATE;
}

static gboolean
check_idle (gpointer user_data)
{
  DaftariWindow *self = user_data;
  gint64 limit = (gint64) g_settings_get_uint (self->settings, "auto-lock-seconds") * G_USEC_PER_SEC;

  if (self->main_view != NULL && self->has_pin && g_get_monotonic_time () - self->last_activity >= limit)
    daftari_window_lock (self);
  return G_SOURCE_CONTINUE;
}

static void
watch_activity (DaftariWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  /* Capture phase: seen before any child handles the event. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_propagation_phase (motion, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (note_key_activity), self);
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (note_activity), self);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (note_activity), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  self->idle_source = g_timeout_add_seconds (1, check_idle, self);
}

void
daftari_window_show_preferences (DaftariWindow *self)
{
  DaftariPreferences *preferences;

  if (self->main_view == NULL)
    return;
  preferences = daftari_preferences_new (self, self->session, self->pin_store, self->settings, self->keyring_ok);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
lock_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  daftari_window_lock (DAFTARI_WINDOW (widget));
}

static void
page_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariWindow *self = DAFTARI_WINDOW (widget);

  if (self->main_view != NULL)
    daftari_main_view_activate (self->main_view, name + strlen ("win."));
}

static void
import_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariWindow *self = DAFTARI_WINDOW (widget);

  if (self->session != NULL && self->main_view != NULL)
    gtk_window_present (GTK_WINDOW (daftari_import_dialog_new (GTK_WINDOW (self), self->session)));
}

static void
recheck_keyring_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  refresh_pin_state (DAFTARI_WINDOW (widget));
}

static void
retry_clicked (DaftariWindow *self)
{
  on_open_requested (self);
}

static void
save_size (DaftariWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
daftari_window_close_request (GtkWindow *window)
{
  save_size (DAFTARI_WINDOW (window));
  return GTK_WINDOW_CLASS (daftari_window_parent_class)->close_request (window);
}

static void
daftari_window_dispose (GObject *object)
{
  DaftariWindow *self = DAFTARI_WINDOW (object);

  g_clear_handle_id (&self->idle_source, g_source_remove);
  g_clear_weak_pointer (&self->last_toast);
  /* No gtk_widget_dispose_template(): the toast overlay is the window's
   * content, which AdwApplicationWindow releases itself. */
  G_OBJECT_CLASS (daftari_window_parent_class)->dispose (object);
}

static void
daftari_window_finalize (GObject *object)
{
  DaftariWindow *self = DAFTARI_WINDOW (object);

  g_clear_object (&self->session);
  g_clear_object (&self->pin_store);
  g_clear_object (&self->settings);
  g_free (self->book_path);
  G_OBJECT_CLASS (daftari_window_parent_class)->finalize (object);
}

static void
daftari_window_class_init (DaftariWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = daftari_window_dispose;
  G_OBJECT_CLASS (klass)->finalize = daftari_window_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = daftari_window_close_request;

  g_type_ensure (DAFTARI_TYPE_ONBOARDING);
  g_type_ensure (DAFTARI_TYPE_LOCK_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftari/Daftari/ui/daftari-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftariWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, DaftariWindow, shell);
  gtk_widget_class_bind_template_child (widget_class, DaftariWindow, onboarding);
  gtk_widget_class_bind_template_child (widget_class, DaftariWindow, lock_page);
  gtk_widget_class_bind_template_child (widget_class, DaftariWindow, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_create_book);
  gtk_widget_class_bind_template_callback (widget_class, on_pin_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_open_requested);
  gtk_widget_class_bind_template_callback (widget_class, on_unlock);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked);

  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lock_action);
  gtk_widget_class_install_action (widget_class, "win.transfer", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "win.pay", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.recheck-keyring", NULL, recheck_keyring_action);
}

static void
daftari_window_init (DaftariWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  watch_activity (self);
}

DaftariWindow *
daftari_window_new (DaftariApplication *app, const char *book_path)
{
  DaftariWindow *self = g_object_new (DAFTARI_TYPE_WINDOW, "application", app, NULL);

  self->settings = g_object_ref (daftari_application_get_settings (app));
  self->book_path = g_strdup (book_path);
  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  if (g_file_test (book_path, G_FILE_TEST_EXISTS))
    open_book (self, book_path);
  else
    gtk_stack_set_visible_child_name (self->shell, "welcome");
  update_actions (self);
  return self;
}
