/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The PIN store against a real gnome-keyring. Run through with-keyring.sh,
 * which gives it a private bus, keyring and HOME; it refuses to run on the
 * keyring of whoever started it. */
#include "config.h"

#include <libsecret/secret.h>
#include <locale.h>
#include <sodium.h>
#include <string.h>

#include "daftari-pin.h"

/* The layout docs/security.md promises, spelled out again here so that a
 * change to it in the store fails a test. */
static const SecretSchema raw_schema = {
  "io.github.daftari.Daftari.Pin", SECRET_SCHEMA_NONE,
  {
    { "app-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "book", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  }
};

/* 2023-11-14 22:13:20 UTC: any fixed time would do. */
#define T0 G_GINT64_CONSTANT (1700000000)

static char *books_dir;

static gint64
fake_clock (gpointer user_data)
{
  return *(gint64 *) user_data;
}

static char *
book_path (const char *name)
{
  return g_build_filename (books_dir, name, NULL);
}

static DaftariPinStore *
new_store (const char *name, gint64 *clock)
{
  g_autofree char *path = book_path (name);
  DaftariPinStore *store = daftari_pin_store_new (path);

  if (clock != NULL)
    daftari_pin_store_set_clock (store, fake_clock, clock);
  return store;
}

static void
set_pin (DaftariPinStore *store, const char *pin)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (daftari_pin_store_set_pin (store, pin, &error));
  g_assert_no_error (error);
}

static void
assert_verdict (DaftariPinStore *store, const char *pin, DaftariPinVerdict expected,
                gint64 expected_wait)
{
  g_autoptr(GError) error = NULL;
  gint64 wait = -1;
  DaftariPinVerdict verdict = daftari_pin_store_verify (store, pin, &wait, &error);

  g_assert_no_error (error);
  g_assert_cmpint (verdict, ==, expected);
  g_assert_cmpint (wait, ==, expected_wait);
}

static guint
failures (DaftariPinStore *store)
{
  g_autoptr(GError) error = NULL;
  guint n = daftari_pin_store_get_failures (store, &error);

  g_assert_no_error (error);
  return n;
}

static gint64
wait_of (DaftariPinStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 wait = daftari_pin_store_get_wait (store, &error);

  g_assert_no_error (error);
  return wait;
}

static gboolean
has_pin (DaftariPinStore *store)
{
  g_autoptr(GError) error = NULL;
  gboolean has = TRUE;

  g_assert_true (daftari_pin_store_has_pin (store, &has, &error));
  g_assert_no_error (error);
  return has;
}

/* What the keyring holds for @store, read the way any other program could. */
static char *
raw_item (DaftariPinStore *store, const char *kind)
{
  g_autoptr(GError) error = NULL;
  char *secret = secret_password_lookup_sync (&raw_schema, NULL, &error,
                                              "app-id", "io.github.daftari.Daftari",
                                              "book", daftari_pin_store_get_book_key (store),
                                              "kind", kind,
                                              NULL);

  g_assert_no_error (error);
  return secret;
}

static void
test_check_keyring (void)
{
  g_autoptr(DaftariPinStore) store = new_store ("check.daftari", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (daftari_pin_store_check_keyring (store, &error));
  g_assert_no_error (error);
  g_assert_false (has_pin (store));
}

static void
test_set_verify (void)
{
  g_autoptr(DaftariPinStore) store = new_store ("set-verify.daftari", NULL);

  set_pin (store, "2468");
  g_assert_true (has_pin (store));
  assert_verdict (store, "2468", DAFTARI_PIN_VERDICT_OK, 0);
  assert_verdict (store, "1357", DAFTARI_PIN_VERDICT_WRONG, 0);
  assert_verdict (store, "24680", DAFTARI_PIN_VERDICT_WRONG, 0);
  assert_verdict (store, "", DAFTARI_PIN_VERDICT_WRONG, 0);
  g_assert_cmpuint (failures (store), ==, 3);
  assert_verdict (store, "2468", DAFTARI_PIN_VERDICT_OK, 0);
  g_assert_cmpuint (failures (store), ==, 0);

  /* A passphrase, with letters beyond ASCII. */
  set_pin (store, "Nenosiri la duka ñ 2024");
  assert_verdict (store, "2468", DAFTARI_PIN_VERDICT_WRONG, 0);
  assert_verdict (store, "Nenosiri la duka ñ 2024", DAFTARI_PIN_VERDICT_OK, 0);
  assert_verdict (store, "nenosiri la duka ñ 2024", DAFTARI_PIN_VERDICT_WRONG, 0);
}

static void
test_strength (void)
{
  const char *good[] = { "1234", "0000", "12345", "123456", "12345678", "password",
                         "nenosiri", "duka la mama", "ñññññññ8" };
  const char *weak[] = { "", "1", "123", "12a4", "1234567", "abcd", "short", "1234 ",
                         " 1234", "Mpesa12", "\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8" };
  g_autoptr(DaftariPinStore) store = new_store ("weak.daftari", NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (daftari_pin_check_strength (good[i], NULL));
  for (gsize i = 0; i < G_N_ELEMENTS (weak); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (daftari_pin_check_strength (weak[i], &error));
      g_assert_error (error, DAFTARI_PIN_ERROR, DAFTARI_PIN_ERROR_WEAK);
      g_clear_error (&error);

      /* Refused before anything reaches the keyring. */
      g_assert_false (daftari_pin_store_set_pin (store, weak[i], &error));
      g_assert_error (error, DAFTARI_PIN_ERROR, DAFTARI_PIN_ERROR_WEAK);
      /* The message says what is allowed. */
      g_assert_nonnull (strstr (error->message, "4 to 6 digits"));
      g_assert_nonnull (strstr (error->message, "at least 8 characters"));
      g_assert_false (has_pin (store));
    }
}

static void
test_hash_stored (void)
{
  g_autoptr(DaftariPinStore) store = new_store ("hash.daftari", NULL);
  g_autoptr(DaftariPinStore) twin = new_store ("hash-twin.daftari", NULL);
  const char *pin = "908172";
  char *hash;
  char *twin_hash;

  set_pin (store, pin);
  set_pin (twin, pin);
  hash = raw_item (store, "pin-hash");
  twin_hash = raw_item (twin, "pin-hash");

  g_assert_nonnull (hash);
  g_assert_null (strstr (hash, pin));
  /* Argon2id, with the parameters docs/security.md gives. */
  g_assert_true (g_str_has_prefix (hash, "$argon2id$v=19$m=131072,t=4,p=1$"));
  g_assert_cmpint (crypto_pwhash_str_verify (hash, pin, strlen (pin)), ==, 0);
  g_assert_cmpint (crypto_pwhash_str_verify (hash, "908173", 6), !=, 0);
  /* Salted: the same PIN hashes differently each time. */
  g_assert_cmpstr (hash, !=, twin_hash);
  g_assert_cmpint (crypto_pwhash_str_verify (twin_hash, pin, strlen (pin)), ==, 0);
  /* No wrong tries yet, so no second item. */
  g_assert_null (raw_item (store, "pin-attempts"));

  secret_password_free (hash);
  secret_password_free (twin_hash);
}

/* Nothing this app keeps in the keyring holds a PIN or passphrase in clear. */
static void
test_nothing_in_clear (void)
{
  g_autoptr(DaftariPinStore) store = new_store ("clear.daftari", NULL);
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GError) error = NULL;
  const char *phrase = "mimi ni mwenye duka";
  GList *items;
  guint seen = 0;

  set_pin (store, phrase);
  assert_verdict (store, "wrong phrase here", DAFTARI_PIN_VERDICT_WRONG, 0);

  attributes = secret_attributes_build (&raw_schema, "app-id", "io.github.daftari.Daftari", NULL);
  items = secret_password_searchv_sync (&raw_schema, attributes,
                                        SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK | SECRET_SEARCH_LOAD_SECRETS,
                                        NULL, &error);
  g_assert_no_error (error);
  for (GList *l = items; l != NULL; l = l->next)
    {
      g_autoptr(SecretValue) value = secret_retrievable_retrieve_secret_sync (l->data, NULL, &error);
      g_autofree char *label = secret_retrievable_get_label (l->data);
      const char *text;

      g_assert_no_error (error);
      text = secret_value_get_text (value);
      g_assert_nonnull (text);
      g_assert_null (strstr (text, phrase));
      g_assert_null (strstr (text, "wrong phrase"));
      g_assert_null (strstr (label, phrase));
      seen++;
    }
  g_assert_cmpuint (seen, >=, 2);
  g_list_free_full (items, g_object_unref);
}

static void
test_independent_books (void)
{
  g_autoptr(DaftariPinStore) a = new_store ("shop-a.daftari", NULL);
  g_autoptr(DaftariPinStore) b = new_store ("shop-b.daftari", NULL);
  g_autoptr(DaftariPinStore) c = new_store ("shop-c.daftari", NULL);

  set_pin (a, "1111");
  set_pin (b, "2222");
  g_assert_false (has_pin (c));
  assert_verdict (a, "2222", DAFTARI_PIN_VERDICT_WRONG, 0);
  assert_verdict (b, "2222", DAFTARI_PIN_VERDICT_OK, 0);
  assert_verdict (a, "1111", DAFTARI_PIN_VERDICT_OK, 0);
  assert_verdict (a, "2222", DAFTARI_PIN_VERDICT_WRONG, 0);
  g_assert_cmpuint (failures (a), ==, 1);
  g_assert_cmpuint (failures (b), ==, 0);

  g_assert_true (daftari_pin_store_remove_pin (a, NULL));
  g_assert_false (has_pin (a));
  g_assert_true (has_pin (b));
  assert_verdict (b, "2222", DAFTARI_PIN_VERDICT_OK, 0);
}

static void
test_same_book_other_spelling (void)
{
  g_autofree char *sub = g_build_filename (books_dir, "sub", NULL);
  g_autofree char *roundabout = g_build_filename (books_dir, "sub", "..", "spelling.daftari", NULL);
  g_autoptr(DaftariPinStore) store = new_store ("spelling.daftari", NULL);
  g_autoptr(DaftariPinStore) same = NULL;

  g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
  same = daftari_pin_store_new (roundabout);
  g_assert_cmpstr (daftari_pin_store_get_book_key (store), ==, daftari_pin_store_get_book_key (same));
  g_assert_true (g_path_is_absolute (daftari_pin_store_get_book_key (store)));

  set_pin (store, "4321");
  g_assert_true (has_pin (same));
  assert_verdict (same, "4321", DAFTARI_PIN_VERDICT_OK, 0);
}

static void
test_schedule (void)
{
  for (guint n = 0; n < DAFTARI_PIN_FREE_TRIES; n++)
    g_assert_cmpint (daftari_pin_wait_after (n), ==, 0);
  g_assert_cmpint (daftari_pin_wait_after (5), ==, 30);
  g_assert_cmpint (daftari_pin_wait_after (6), ==, 60);
  g_assert_cmpint (daftari_pin_wait_after (7), ==, 120);
  g_assert_cmpint (daftari_pin_wait_after (11), ==, 1920);
  g_assert_cmpint (daftari_pin_wait_after (12), ==, 3600);
  g_assert_cmpint (daftari_pin_wait_after (13), ==, 3600);
  g_assert_cmpint (daftari_pin_wait_after (1000), ==, 3600);
  g_assert_cmpint (daftari_pin_wait_after (G_MAXUINT), ==, 3600);
}

static void
test_rate_limit (void)
{
  gint64 now = T0;
  g_autoptr(DaftariPinStore) store = new_store ("rate.daftari", &now);
  const gint64 waits[] = { 60, 120, 240, 480, 960, 1920, 3600, 3600 };

  set_pin (store, "5555");
  /* The first five wrong tries cost nothing... */
  for (int i = 1; i < DAFTARI_PIN_FREE_TRIES; i++)
    assert_verdict (store, "0000", DAFTARI_PIN_VERDICT_WRONG, 0);
  g_assert_cmpint (wait_of (store), ==, 0);
  /* ...but after the fifth the sixth must wait. */
  assert_verdict (store, "0000", DAFTARI_PIN_VERDICT_WRONG, 30);
  g_assert_cmpuint (failures (store), ==, 5);
  g_assert_cmpint (wait_of (store), ==, 30);

  /* During the wait even the right PIN is refused, unchecked and uncounted. */
  assert_verdict (store, "5555", DAFTARI_PIN_VERDICT_WAIT, 30);
  now += 10;
  assert_verdict (store, "0000", DAFTARI_PIN_VERDICT_WAIT, 20);
  assert_verdict (store, "5555", DAFTARI_PIN_VERDICT_WAIT, 20);
  g_assert_cmpuint (failures (store), ==, 5);
  now += 19;
  assert_verdict (store, "5555", DAFTARI_PIN_VERDICT_WAIT, 1);

  /* Each further wrong try waits longer, up to an hour. */
  now += 1;
  for (gsize i = 0; i < G_N_ELEMENTS (waits); i++)
    {
      assert_verdict (store, "0000", DAFTARI_PIN_VERDICT_WRONG, waits[i]);
      g_assert_cmpuint (failures (store), ==, 6 + i);
      now += waits[i] - 1;
      assert_verdict (store, "0000", DAFTARI_PIN_VERDICT_WAIT, 1);
      now += 1;
    }
  g_assert_cmpint (wait_of (store), ==, 0);

  /* The right PIN, once allowed, starts the count again. */
  assert_verdict (store, "5555", DAFTARI_PIN_VERDICT_OK, 0);
  g_assert_cmpuint (failures (store), ==, 0);
  g_assert_null (raw_item (store, "pin-attempts"));
  for (int i = 1; i < DAFTARI_PIN_FREE_TRIES; i++)
    assert_verdict (store, "0000", DAFTARI_PIN_VERDICT_WRONG, 0);
  assert_verdict (store, "5555", DAFTARI_PIN_VERDICT_OK, 0);
}

static void
test_clock_put_back (void)
{
  gint64 now = T0;
  g_autoptr(DaftariPinStore) store = new_store ("clock.daftari", &now);

  set_pin (store, "7777");
  for (int i = 1; i <= DAFTARI_PIN_FREE_TRIES; i++)
    assert_verdict (store, "0000", DAFTARI_PIN_VERDICT_WRONG, i < DAFTARI_PIN_FREE_TRIES ? 0 : 30);
  /* A year back: the wait is still at most what the schedule gives. */
  now = T0 - 365 * 24 * 3600;
  g_assert_cmpint (wait_of (store), ==, 30);
  assert_verdict (store, "7777", DAFTARI_PIN_VERDICT_WAIT, 30);
  now = T0 + 30;
  assert_verdict (store, "7777", DAFTARI_PIN_VERDICT_OK, 0);
}

/* The count lives in the keyring, so a new process sees it. */
static void
test_restart (void)
{
  g_autofree char *respelled = g_build_filename (books_dir, ".", "restart.daftari", NULL);
  gint64 now = T0;

  if (g_test_subprocess ())
    {
      g_autoptr(DaftariPinStore) store = daftari_pin_store_new (respelled);

      now = T0 + 10;
      daftari_pin_store_set_clock (store, fake_clock, &now);
      g_assert_cmpuint (failures (store), ==, 5);
      g_assert_cmpint (wait_of (store), ==, 20);
      assert_verdict (store, "3141", DAFTARI_PIN_VERDICT_WAIT, 20);
      now = T0 + 30;
      assert_verdict (store, "3141", DAFTARI_PIN_VERDICT_OK, 0);
      return;
    }

  {
    g_autoptr(DaftariPinStore) store = new_store ("restart.daftari", &now);

    set_pin (store, "3141");
    for (int i = 1; i <= DAFTARI_PIN_FREE_TRIES; i++)
      assert_verdict (store, "2718", DAFTARI_PIN_VERDICT_WRONG, i < DAFTARI_PIN_FREE_TRIES ? 0 : 30);
  }
  /* Also forget libsecret's connection, as a restart would. */
  secret_service_disconnect ();

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  {
    g_autoptr(DaftariPinStore) store = new_store ("restart.daftari", &now);

    g_assert_cmpuint (failures (store), ==, 0);
    g_assert_cmpint (wait_of (store), ==, 0);
  }
}

static void
test_set_pin_resets (void)
{
  gint64 now = T0;
  g_autoptr(DaftariPinStore) store = new_store ("reset.daftari", &now);

  set_pin (store, "1212");
  for (int i = 1; i <= DAFTARI_PIN_FREE_TRIES; i++)
    assert_verdict (store, "2121", DAFTARI_PIN_VERDICT_WRONG, i < DAFTARI_PIN_FREE_TRIES ? 0 : 30);
  set_pin (store, "3434");
  g_assert_cmpuint (failures (store), ==, 0);
  g_assert_cmpint (wait_of (store), ==, 0);
  assert_verdict (store, "1212", DAFTARI_PIN_VERDICT_WRONG, 0);
  assert_verdict (store, "3434", DAFTARI_PIN_VERDICT_OK, 0);
}

static void
test_remove (void)
{
  g_autoptr(DaftariPinStore) store = new_store ("remove.daftari", NULL);
  g_autoptr(GError) error = NULL;
  gint64 wait = -1;

  set_pin (store, "8080");
  assert_verdict (store, "9090", DAFTARI_PIN_VERDICT_WRONG, 0);
  g_assert_true (daftari_pin_store_remove_pin (store, &error));
  g_assert_no_error (error);
  g_assert_false (has_pin (store));
  g_assert_null (raw_item (store, "pin-hash"));
  g_assert_null (raw_item (store, "pin-attempts"));
  g_assert_cmpuint (failures (store), ==, 0);

  /* Nothing to check against is an error, never OK. */
  g_assert_cmpint (daftari_pin_store_verify (store, "8080", &wait, &error), ==,
                   DAFTARI_PIN_VERDICT_ERROR);
  g_assert_error (error, DAFTARI_PIN_ERROR, DAFTARI_PIN_ERROR_FAILED);
  g_assert_cmpint (wait, ==, 0);
  g_clear_error (&error);

  /* Removing twice is fine. */
  g_assert_true (daftari_pin_store_remove_pin (store, &error));
  g_assert_no_error (error);
}

/* A hash made with weaker parameters is replaced by today's on a right PIN. */
static void
test_rehash (void)
{
  g_autoptr(DaftariPinStore) store = new_store ("rehash.daftari", NULL);
  g_autoptr(GError) error = NULL;
  char old[crypto_pwhash_STRBYTES];
  char *hash;

  g_assert_cmpint (crypto_pwhash_str (old, "6543", 4, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                      crypto_pwhash_MEMLIMIT_INTERACTIVE), ==, 0);
  g_assert_true (secret_password_store_sync (&raw_schema, SECRET_COLLECTION_DEFAULT, "old", old,
                                             NULL, &error,
                                             "app-id", "io.github.daftari.Daftari",
                                             "book", daftari_pin_store_get_book_key (store),
                                             "kind", "pin-hash",
                                             NULL));
  g_assert_no_error (error);

  assert_verdict (store, "6543", DAFTARI_PIN_VERDICT_OK, 0);
  hash = raw_item (store, "pin-hash");
  g_assert_true (g_str_has_prefix (hash, "$argon2id$v=19$m=131072,t=4,p=1$"));
  g_assert_cmpint (crypto_pwhash_str_verify (hash, "6543", 4), ==, 0);
  secret_password_free (hash);
}

/* Someone editing the keyring by hand gains no free tries. */
static void
test_damaged_attempts (void)
{
  gint64 now = T0;
  g_autoptr(DaftariPinStore) store = new_store ("damaged.daftari", &now);
  g_autoptr(GError) error = NULL;

  set_pin (store, "1470");
  g_assert_true (secret_password_store_sync (&raw_schema, SECRET_COLLECTION_DEFAULT, "edited",
                                             "garbage", NULL, &error,
                                             "app-id", "io.github.daftari.Daftari",
                                             "book", daftari_pin_store_get_book_key (store),
                                             "kind", "pin-attempts",
                                             NULL));
  g_assert_no_error (error);
  g_assert_cmpuint (failures (store), ==, DAFTARI_PIN_FREE_TRIES);
  assert_verdict (store, "0741", DAFTARI_PIN_VERDICT_WRONG, 60);
}

static void
test_wipe (void)
{
  char buffer[] = "123456";
  char *copy;

  daftari_secret_wipe (buffer);
  for (gsize i = 0; i < sizeof buffer; i++)
    g_assert_cmpint (buffer[i], ==, 0);
  daftari_secret_wipe (NULL);

  copy = daftari_secret_dup ("nenosiri");
  g_assert_cmpstr (copy, ==, "nenosiri");
  daftari_secret_free (copy);
  daftari_secret_free (NULL);
}

/* ---- a locked keyring ---- */

/* gnome-keyring's own way in for a known password, with no prompt: what
 * its --unlock does at login. One connection for both calls, as a Secret
 * Service session belongs to the connection that opened it. */
static void
unlock_login_keyring (void)
{
  const char *password = g_getenv ("DAFTARI_TEST_KEYRING_PASSWORD");
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) unlocked = NULL;
  g_autoptr(GError) error = NULL;
  const char *session;

  g_assert_nonnull (password);
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.secrets", "/org/freedesktop/secrets",
                                       "org.freedesktop.Secret.Service", "OpenSession",
                                       g_variant_new ("(sv)", "plain", g_variant_new_string ("")),
                                       G_VARIANT_TYPE ("(vo)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(v&o)", NULL, &session);
  unlocked = g_dbus_connection_call_sync (
      bus, "org.freedesktop.secrets", "/org/freedesktop/secrets",
      "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface", "UnlockWithMasterPassword",
      g_variant_new ("(o(o@ay@ays))", "/org/freedesktop/secrets/collection/login", session,
                     g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, "", 0, 1),
                     g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, password, strlen (password), 1),
                     "text/plain"),
      NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
}

/* A prompt must fail at once rather than wait for someone at a screen. */
static void
prompts_cannot_show (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  GVariantBuilder no_display;

  g_variant_builder_init (&no_display, G_VARIANT_TYPE ("a{ss}"));
  g_variant_builder_add (&no_display, "{ss}", "DISPLAY", "");
  g_variant_builder_add (&no_display, "{ss}", "WAYLAND_DISPLAY", "");
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "UpdateActivationEnvironment",
                                       g_variant_new ("(a{ss})", &no_display), NULL,
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
}

static void
lock_keyring (void)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(GError) error = NULL;
  GList *collections;

  service = secret_service_get_sync (SECRET_SERVICE_OPEN_SESSION | SECRET_SERVICE_LOAD_COLLECTIONS,
                                     NULL, &error);
  g_assert_no_error (error);
  collections = secret_service_get_collections (service);
  g_assert_cmpint (secret_service_lock_sync (service, collections, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_list_free_full (collections, g_object_unref);
}

/* A locked keyring is never a way round the PIN: the PIN is still there,
 * and nothing checks as right until the keyring is unlocked again. */
static void
test_locked_keyring (void)
{
  g_autoptr(DaftariPinStore) store = new_store ("locked.daftari", NULL);
  g_autoptr(GError) error = NULL;
  gint64 start;
  gint64 wait = -1;

  prompts_cannot_show ();
  set_pin (store, "9513");
  lock_keyring ();
  start = g_get_monotonic_time ();

  g_assert_true (has_pin (store));

  g_assert_cmpint (daftari_pin_store_verify (store, "9513", &wait, &error), ==,
                   DAFTARI_PIN_VERDICT_ERROR);
  g_assert_error (error, DAFTARI_PIN_ERROR, DAFTARI_PIN_ERROR_NO_KEYRING);
  g_assert_nonnull (strstr (error->message, "locked"));
  g_clear_error (&error);

  g_assert_false (daftari_pin_store_check_keyring (store, &error));
  g_assert_error (error, DAFTARI_PIN_ERROR, DAFTARI_PIN_ERROR_NO_KEYRING);
  g_clear_error (&error);

  g_assert_false (daftari_pin_store_set_pin (store, "1111", &error));
  g_assert_error (error, DAFTARI_PIN_ERROR, DAFTARI_PIN_ERROR_NO_KEYRING);
  g_clear_error (&error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);

  unlock_login_keyring ();
  g_assert_true (daftari_pin_store_check_keyring (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (failures (store), ==, 0);
  assert_verdict (store, "1111", DAFTARI_PIN_VERDICT_WRONG, 0);
  assert_verdict (store, "9513", DAFTARI_PIN_VERDICT_OK, 0);
}

/* ---- the async variants ---- */

static void
on_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
on_tick (gpointer user_data)
{
  (*(guint *) user_data)++;
  return G_SOURCE_CONTINUE;
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return g_steal_pointer (slot);
}

static void
test_async (void)
{
  g_autoptr(DaftariPinStore) store = new_store ("async.daftari", NULL);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  GAsyncResult *result;
  char typed[] = "864209";
  gboolean has = TRUE;
  gint64 wait = -1;
  guint ticks = 0;
  guint tick_id;

  daftari_pin_store_check_keyring_async (store, NULL, on_done, &slot);
  result = wait_for (&slot);
  g_assert_true (daftari_pin_store_check_keyring_finish (store, result, &error));
  g_assert_no_error (error);
  g_object_unref (result);

  /* The caller wipes its buffer at once: the store kept its own copy. */
  daftari_pin_store_set_pin_async (store, typed, NULL, on_done, &slot);
  daftari_secret_wipe (typed);
  result = wait_for (&slot);
  g_assert_true (daftari_pin_store_set_pin_finish (store, result, &error));
  g_assert_no_error (error);
  g_object_unref (result);

  daftari_pin_store_has_pin_async (store, NULL, on_done, &slot);
  result = wait_for (&slot);
  g_assert_true (daftari_pin_store_has_pin_finish (store, result, &has, &error));
  g_assert_no_error (error);
  g_assert_true (has);
  g_object_unref (result);

  /* The main loop keeps running while Argon2id works. */
  tick_id = g_timeout_add (5, on_tick, &ticks);
  daftari_pin_store_verify_async (store, "864209", NULL, on_done, &slot);
  result = wait_for (&slot);
  g_source_remove (tick_id);
  g_assert_cmpuint (ticks, >, 3);
  g_assert_cmpint (daftari_pin_store_verify_finish (store, result, &wait, &error), ==,
                   DAFTARI_PIN_VERDICT_OK);
  g_assert_no_error (error);
  g_assert_cmpint (wait, ==, 0);
  g_object_unref (result);

  daftari_pin_store_verify_async (store, "000000", NULL, on_done, &slot);
  result = wait_for (&slot);
  g_assert_cmpint (daftari_pin_store_verify_finish (store, result, &wait, &error), ==,
                   DAFTARI_PIN_VERDICT_WRONG);
  g_assert_no_error (error);
  g_object_unref (result);

  daftari_pin_store_get_wait_async (store, NULL, on_done, &slot);
  result = wait_for (&slot);
  g_assert_cmpint (daftari_pin_store_get_wait_finish (store, result, &error), ==, 0);
  g_assert_no_error (error);
  g_object_unref (result);

  daftari_pin_store_set_pin_async (store, "12a4", NULL, on_done, &slot);
  result = wait_for (&slot);
  g_assert_false (daftari_pin_store_set_pin_finish (store, result, &error));
  g_assert_error (error, DAFTARI_PIN_ERROR, DAFTARI_PIN_ERROR_WEAK);
  g_clear_error (&error);
  g_object_unref (result);

  g_cancellable_cancel (cancelled);
  daftari_pin_store_verify_async (store, "864209", cancelled, on_done, &slot);
  result = wait_for (&slot);
  g_assert_cmpint (daftari_pin_store_verify_finish (store, result, &wait, &error), ==,
                   DAFTARI_PIN_VERDICT_ERROR);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_object_unref (result);

  daftari_pin_store_remove_pin_async (store, NULL, on_done, &slot);
  result = wait_for (&slot);
  g_assert_true (daftari_pin_store_remove_pin_finish (store, result, &error));
  g_assert_no_error (error);
  g_object_unref (result);
  g_assert_false (has_pin (store));
}

/* Tries at the same moment, through separate store objects for the same
 * book, are all counted: none reads the count another is about to change. */
static void
test_concurrent (void)
{
  DaftariPinStore *stores[3];
  GAsyncResult *slots[3] = { NULL, NULL, NULL };
  g_autoptr(DaftariPinStore) store = new_store ("concurrent.daftari", NULL);

  set_pin (store, "4680");
  for (guint i = 0; i < G_N_ELEMENTS (stores); i++)
    {
      stores[i] = new_store ("concurrent.daftari", NULL);
      daftari_pin_store_verify_async (stores[i], "0864", NULL, on_done, &slots[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (stores); i++)
    {
      g_autoptr(GError) error = NULL;
      GAsyncResult *result = wait_for (&slots[i]);

      g_assert_cmpint (daftari_pin_store_verify_finish (stores[i], result, NULL, &error), ==,
                       DAFTARI_PIN_VERDICT_WRONG);
      g_assert_no_error (error);
      g_object_unref (result);
      g_object_unref (stores[i]);
    }
  g_assert_cmpuint (failures (store), ==, G_N_ELEMENTS (stores));
}

/* Not an assertion of speed (the machine may be busy), a record of it. */
static void
test_kdf_cost (void)
{
  g_autoptr(DaftariPinStore) store = new_store ("cost.daftari", NULL);
  char hash[crypto_pwhash_STRBYTES];
  gint64 start;
  double hash_s, set_s, verify_s;

  start = g_get_monotonic_time ();
  g_assert_cmpint (crypto_pwhash_str (hash, "135790", 6, 4, (size_t) 128 * 1024 * 1024), ==, 0);
  hash_s = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  start = g_get_monotonic_time ();
  set_pin (store, "135790");
  set_s = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  start = g_get_monotonic_time ();
  assert_verdict (store, "135790", DAFTARI_PIN_VERDICT_OK, 0);
  verify_s = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  g_test_message ("Argon2id t=4 m=128 MiB p=1: hash %.3f s; set_pin %.3f s; verify %.3f s",
                  hash_s, set_s, verify_s);
  g_assert_cmpfloat (verify_s, <, 10.0);
}

int
main (int argc, char *argv[])
{
  g_autofree char *home_books = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  /* These tests write to, and lock and clear items in, whatever keyring
   * the session bus leads to. Only with-keyring.sh's private one will do. */
  if (g_strcmp0 (g_getenv ("DAFTARI_TEST_KEYRING"), "private") != 0)
    g_error ("Run this test through tests/security/with-keyring.sh, "
             "never against your own keyring.");
  g_assert_cmpint (sodium_init (), >=, 0);

  home_books = g_build_filename (g_get_home_dir (), "books", NULL);
  g_assert_cmpint (g_mkdir_with_parents (home_books, 0700), ==, 0);
  books_dir = home_books;

  g_test_add_func ("/security/pin/check-keyring", test_check_keyring);
  g_test_add_func ("/security/pin/set-verify", test_set_verify);
  g_test_add_func ("/security/pin/strength", test_strength);
  g_test_add_func ("/security/pin/hash-stored", test_hash_stored);
  g_test_add_func ("/security/pin/nothing-in-clear", test_nothing_in_clear);
  g_test_add_func ("/security/pin/independent-books", test_independent_books);
  g_test_add_func ("/security/pin/same-book-other-spelling", test_same_book_other_spelling);
  g_test_add_func ("/security/pin/schedule", test_schedule);
  g_test_add_func ("/security/pin/rate-limit", test_rate_limit);
  g_test_add_func ("/security/pin/clock-put-back", test_clock_put_back);
  g_test_add_func ("/security/pin/restart", test_restart);
  g_test_add_func ("/security/pin/set-pin-resets", test_set_pin_resets);
  g_test_add_func ("/security/pin/remove", test_remove);
  g_test_add_func ("/security/pin/rehash", test_rehash);
  g_test_add_func ("/security/pin/damaged-attempts", test_damaged_attempts);
  g_test_add_func ("/security/pin/locked-keyring", test_locked_keyring);
  g_test_add_func ("/security/pin/wipe", test_wipe);
  g_test_add_func ("/security/pin/async", test_async);
  g_test_add_func ("/security/pin/concurrent", test_concurrent);
  g_test_add_func ("/security/pin/kdf-cost", test_kdf_cost);

  status = g_test_run ();
  secret_service_disconnect ();
  return status;
}
