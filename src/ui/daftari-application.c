/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-application.h"

#include <glib/gi18n.h>

#include "daftari-core.h"
#include "daftari-preferences.h"
#include "daftari-window.h"

struct _DaftariApplication {
  AdwApplication  parent_instance;
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (DaftariApplication, daftari_application, ADW_TYPE_APPLICATION)

DaftariApplication *
daftari_application_new (void)
{
  return g_object_new (DAFTARI_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

GSettings *
daftari_application_get_settings (DaftariApplication *self)
{
  return self->settings;
}

/* The book named in the settings, else the default book. */
static char *
book_path (DaftariApplication *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "book-path");
  return *path ? g_steal_pointer (&path) : daftari_book_default_path ();
}

static void
present_window (DaftariApplication *self, const char *path)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* One window per book: a second launch brings the open one forward. */
  if (window == NULL)
    window = GTK_WINDOW (daftari_window_new (self, path));
  gtk_window_present (window);
}

static void
daftari_application_activate (GApplication *app)
{
  DaftariApplication *self = DAFTARI_APPLICATION (app);
  g_autofree char *path = book_path (self);

  present_window (self, path);
}

static void
daftari_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  DaftariApplication *self = DAFTARI_APPLICATION (app);
  g_autofree char *path = g_file_get_path (files[0]);

  present_window (self, path);
}

static void
quit_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The Daftari developers"), NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Daftari"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Daftari developers"),
                         "developers", developers,
                         "website", "https://github.com/daftari/daftari",
                         "issue-url", "https://github.com/daftari/daftari/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", _("Offline bookkeeping for small businesses: M-PESA, banks, cash and crypto."),
                         /* Translators: put your name here, one per line. */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (DAFTARI_IS_WINDOW (window))
    daftari_window_show_preferences (DAFTARI_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
};

static const struct {
  const char *action;
  const char *accels[3];
} shortcuts[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "win.lock", { "<Control>l", NULL } },
  { "win.transfer", { "<Control>t", NULL } },
  { "win.pay", { "<Control>m", NULL } },
  { "win.search", { "<Control>f", NULL } },
  { "win.import", { "<Control>i", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
  { "window.close", { "<Control>w", NULL } },
};

static void
daftari_application_startup (GApplication *app)
{
  DaftariApplication *self = DAFTARI_APPLICATION (app);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  G_APPLICATION_CLASS (daftari_application_parent_class)->startup (app);
  /* Without its schema GSettings would abort with a cryptic message. */
  if (schema == NULL)
    g_error ("The settings schema %s is not installed. Run Daftari with build-aux/daftari.sh run, "
             "or install it.", APP_ID);
  self->settings = g_settings_new (APP_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), shortcuts[i].action, shortcuts[i].accels);
}

static void
daftari_application_dispose (GObject *object)
{
  g_clear_object (&DAFTARI_APPLICATION (object)->settings);
  G_OBJECT_CLASS (daftari_application_parent_class)->dispose (object);
}

static void
daftari_application_class_init (DaftariApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = daftari_application_dispose;
  app_class->activate = daftari_application_activate;
  app_class->open = daftari_application_open;
  app_class->startup = daftari_application_startup;
}

static void
daftari_application_init (DaftariApplication *self)
{
}
