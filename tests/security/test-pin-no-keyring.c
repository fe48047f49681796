/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The PIN store with no usable keyring: no session bus at all, a bus with no
 * Secret Service, and a bus whose Secret Service fails or hangs on start.
 * Each case runs in its own process (GLib caches the session bus) under a
 * time limit, and must end in the plain NO_KEYRING error, not a crash or a
 * hang. Run directly, not through with-keyring.sh: it makes its own buses. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "daftari-pin.h"

#define NO_KEYRING_MESSAGE \
  "No keyring is running, so Daftari cannot keep a PIN. You can go on without one."

static char *scratch_dir;

/* Whatever happens, nothing may reach the keyring of whoever runs this. */
static void
isolate_environment (void)
{
  g_autofree char *home = g_build_filename (scratch_dir, "home", NULL);
  g_autofree char *run = g_build_filename (scratch_dir, "run", NULL);

  g_assert_cmpint (g_mkdir_with_parents (home, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (run, 0700), ==, 0);
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_RUNTIME_DIR", run, TRUE);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");
  g_unsetenv ("GNOME_KEYRING_CONTROL");
  g_unsetenv ("SECRET_BACKEND");
  g_unsetenv ("DBUS_STARTER_ADDRESS");
  g_unsetenv ("DBUS_STARTER_BUS_TYPE");
}

static void
assert_no_keyring (const GError *error)
{
  g_assert_error (error, DAFTARI_PIN_ERROR, DAFTARI_PIN_ERROR_NO_KEYRING);
  g_assert_cmpstr (error->message, ==, NO_KEYRING_MESSAGE);
}

static void
on_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Every call says NO_KEYRING; @limit_s bounds the first, the one that
 * finds out; the others together must take under 3 s. */
static void
exercise_store (double limit_s)
{
  g_autofree char *path = g_build_filename (scratch_dir, "book.daftari", NULL);
  g_autoptr(DaftariPinStore) store = daftari_pin_store_new (path);
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  gboolean has = TRUE;
  gint64 wait = -1;
  gint64 start = g_get_monotonic_time ();
  double elapsed;

  g_assert_false (daftari_pin_store_check_keyring (store, &error));
  elapsed = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_test_message ("check_keyring said no keyring after %.3f s", elapsed);
  assert_no_keyring (error);
  g_clear_error (&error);
  g_assert_cmpfloat (elapsed, <, limit_s);

  start = g_get_monotonic_time ();
  g_assert_false (daftari_pin_store_has_pin (store, &has, &error));
  assert_no_keyring (error);
  g_assert_false (has);
  g_clear_error (&error);

  g_assert_false (daftari_pin_store_set_pin (store, "2580", &error));
  assert_no_keyring (error);
  g_clear_error (&error);

  g_assert_cmpint (daftari_pin_store_verify (store, "2580", &wait, &error), ==,
                   DAFTARI_PIN_VERDICT_ERROR);
  assert_no_keyring (error);
  g_assert_cmpint (wait, ==, 0);
  g_clear_error (&error);

  g_assert_cmpint (daftari_pin_store_get_wait (store, &error), ==, -1);
  assert_no_keyring (error);
  g_clear_error (&error);

  g_assert_cmpuint (daftari_pin_store_get_failures (store, &error), ==, 0);
  assert_no_keyring (error);
  g_clear_error (&error);

  g_assert_false (daftari_pin_store_remove_pin (store, &error));
  assert_no_keyring (error);
  g_clear_error (&error);

  daftari_pin_store_check_keyring_async (store, NULL, on_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (daftari_pin_store_check_keyring_finish (store, result, &error));
  assert_no_keyring (error);
  g_object_unref (result);

  elapsed = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_test_message ("the other calls took %.3f s", elapsed);
  g_assert_cmpfloat (elapsed, <, 3.0);
}

/* A bus of our own that knows only the services in @service_dir, if any. */
static GTestDBus *
private_bus (const char *service_dir)
{
  GTestDBus *bus = g_test_dbus_new (G_TEST_DBUS_NONE);

  if (service_dir != NULL)
    g_test_dbus_add_service_dir (bus, service_dir);
  g_test_dbus_up (bus);
  return bus;
}

/* A service dir whose org.freedesktop.secrets starts @exec. */
static char *
secrets_service_dir (const char *exec)
{
  g_autofree char *dir = g_build_filename (scratch_dir, "services", NULL);
  g_autofree char *file = g_build_filename (dir, "org.freedesktop.secrets.service", NULL);
  g_autofree char *contents = g_strdup_printf ("[D-BUS Service]\n"
                                               "Name=org.freedesktop.secrets\n"
                                               "Exec=%s\n", exec);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (file, contents, -1, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&dir);
}

static void
run_in_child (void)
{
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_no_bus (void)
{
  g_autofree char *nowhere = NULL;

  if (!g_test_subprocess ())
    {
      run_in_child ();
      return;
    }

  isolate_environment ();
  nowhere = g_strdup_printf ("unix:path=%s/no-bus-here", scratch_dir);
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", nowhere, TRUE);
  exercise_store (3.0);
}

static void
test_no_service (void)
{
  g_autoptr(GTestDBus) bus = NULL;

  if (!g_test_subprocess ())
    {
      run_in_child ();
      return;
    }

  isolate_environment ();
  bus = private_bus (NULL);
  exercise_store (3.0);
  g_test_dbus_down (bus);
}

static void
test_service_fails_to_start (void)
{
  g_autoptr(GTestDBus) bus = NULL;
  g_autofree char *services = NULL;

  if (!g_test_subprocess ())
    {
      run_in_child ();
      return;
    }

  isolate_environment ();
  services = secrets_service_dir ("/bin/false");
  bus = private_bus (services);
  exercise_store (3.0);
  g_test_dbus_down (bus);
}

/* A Secret Service that is started but never answers: we give up after our
 * own activation timeout (10 s), not the bus's (up to 2 minutes). */
static void
test_service_hangs (void)
{
  g_autoptr(GTestDBus) bus = NULL;
  g_autofree char *services = NULL;

  if (!g_test_subprocess ())
    {
      run_in_child ();
      return;
    }

  isolate_environment ();
  /* Away from our stdout and stderr, or the parent would wait for it. */
  services = secrets_service_dir ("/bin/sh -c 'exec sleep 15 </dev/null >/dev/null 2>&1'");
  bus = private_bus (services);
  exercise_store (15.0);
  g_test_dbus_down (bus);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_clear_pointer (&dir, g_dir_close);
  g_rmdir (path);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  /* One scratch directory, made by the parent; the children inherit it. */
  if (g_test_subprocess ())
    scratch_dir = g_strdup (g_getenv ("DAFTARI_TEST_SCRATCH"));
  else
    {
      scratch_dir = g_dir_make_tmp ("daftari-no-keyring-XXXXXX", &error);
      g_assert_no_error (error);
      g_setenv ("DAFTARI_TEST_SCRATCH", scratch_dir, TRUE);
    }
  g_assert_nonnull (scratch_dir);

  g_test_add_func ("/security/pin/no-keyring/no-bus", test_no_bus);
  g_test_add_func ("/security/pin/no-keyring/no-service", test_no_service);
  g_test_add_func ("/security/pin/no-keyring/service-fails-to-start", test_service_fails_to_start);
  g_test_add_func ("/security/pin/no-keyring/service-hangs", test_service_hangs);

  status = g_test_run ();
  if (!g_test_subprocess ())
    remove_tree (scratch_dir);
  g_free (scratch_dir);
  return status;
}
