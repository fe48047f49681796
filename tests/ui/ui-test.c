/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ui-test.h"

#include <glib/gstdio.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif
#include <sqlite3.h>
#include <string.h>

static DaftariApplication *app;

int
ui_test_init (int *argc, char ***argv)
{
  g_autoptr(GError) error = NULL;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: run under xvfb-run (build-aux/daftari.sh test does)\n");
      return 77;
    }
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  daftari_core_init ();
  app = daftari_application_new ();
  /* Tests may run beside a real Daftari on the same bus. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  return 0;
}

DaftariApplication *
ui_test_app (void)
{
  return app;
}

int
ui_test_run (void)
{
  int status = g_test_run ();

  g_clear_object (&app);
  return status;
}

void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("daftari-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->book_path = g_build_filename (f->dir, "shop.daftari", NULL);
}

void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->window != NULL)
    {
      /* A focused entry must lose focus before it goes, or GTK complains. */
      gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
      gtk_window_destroy (GTK_WINDOW (f->window));
    }
  spin_a_moment ();
  daftari_book_remove_files (f->book_path);
  g_rmdir (f->dir);
  g_free (f->book_path);
  g_free (f->dir);
}

static void
iterate_until (gint64 until)
{
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (2000), TRUE);
}

void
spin_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (2000), TRUE);
  g_assert_true (done (data));
}

void
set_true (gboolean *flag)
{
  *flag = TRUE;
}

gboolean
is_true (gpointer flag)
{
  return *(gboolean *) flag;
}

void
spin_a_moment (void)
{
  iterate_until (g_get_monotonic_time () + 200 * 1000);
}

void
press (GtkWidget *button)
{
  gboolean clicked = FALSE;
  /* Held: a click often closes the dialog the button is in. */
  g_autoptr(GtkWidget) held = g_object_ref (button);
  gulong handler = g_signal_connect_swapped (held, "clicked", G_CALLBACK (set_true), &clicked);

  gtk_widget_activate (button);
  /* ::clicked comes after the activation animation, later on a busy
   * machine; what it started then needs the loop a little longer. */
  spin_until (is_true, &clicked);
  g_signal_handler_disconnect (held, handler);
  spin_a_moment ();
}

gpointer
child (gpointer widget, GType type, const char *name)
{
  GObject *found = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);
  g_assert_nonnull (found);
  return found;
}

GtkWidget *
find_descendant (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_descendant (c, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
find_named (GtkWidget *widget, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
shows_text (GtkWidget *widget, const char *needle)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      strstr (gtk_label_get_label (GTK_LABEL (widget)), needle) != NULL)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (shows_text (c, needle))
      return TRUE;
  return FALSE;
}

gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* borrowed */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

void
set_text (GtkWidget *editable, const char *text)
{
  g_assert_nonnull (editable);
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

gint64
ui_test_db_int (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

GtkButton *
button_labelled (GtkWidget *widget, const char *label)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return GTK_BUTTON (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkButton *found = button_labelled (c, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
ui_test_press_keys (GtkWindow *window, const char *const *keys)
{
#ifdef GDK_WINDOWING_X11
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autoptr(GPtrArray) argv = NULL;
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autoptr(GError) error = NULL;

  if (!GDK_IS_X11_SURFACE (surface))
    {
      g_test_skip ("pressing keys needs an X display (xvfb-run)");
      return FALSE;
    }
  if (xdotool == NULL)
    {
      g_test_skip ("pressing keys needs xdotool (build-aux/daftari.sh test installs it)");
      return FALSE;
    }
  argv = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (argv, g_steal_pointer (&xdotool));
  g_ptr_array_add (argv, g_strdup ("windowfocus"));
  g_ptr_array_add (argv, g_strdup ("--sync"));
  g_ptr_array_add (argv, g_strdup_printf ("%lu", (unsigned long) gdk_x11_surface_get_xid (surface)));
  g_ptr_array_add (argv, g_strdup ("key"));
  g_ptr_array_add (argv, g_strdup ("--delay"));
  g_ptr_array_add (argv, g_strdup ("40"));
  for (guint i = 0; keys[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (keys[i]));
  g_ptr_array_add (argv, NULL);
  /* Not waited for: the window has to go on handling the keys. */
  g_assert_true (g_spawn_async (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return TRUE;
#else
  g_test_skip ("pressing keys needs an X display (xvfb-run)");
  return FALSE;
#endif
}
