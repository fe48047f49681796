/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-pin.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

/* Argon2id cost of one hash (libsodium's crypto_pwhash_str). INTERACTIVE
 * (2 passes over 64 MiB) took 0.065 s on the 2-core build machine: too cheap
 * for a 4-digit PIN. 4 passes over 128 MiB took 0.22–0.28 s there (0.6 s
 * while other builds ran), inside the 0.2–0.5 s we aim for, and 128 MiB is
 * still small beside what a 4 GB laptop has free. docs/security.md. */
#define PIN_OPSLIMIT 4ULL
#define PIN_MEMLIMIT ((size_t) 128 * 1024 * 1024)

/* gnome-keyring starts in well under a second; a service file that points
 * at something that never answers would otherwise hold us for the bus's
 * own activation timeout (up to two minutes). After one such timeout the
 * keyring counts as absent for a while rather than costing every call the
 * same wait. */
#define ACTIVATION_TIMEOUT_MS 10000
#define HUNG_SERVICE_GRACE_S  60

#define SECRETS_BUS_NAME "org.freedesktop.secrets"
#define KIND_HASH        "pin-hash"
#define KIND_ATTEMPTS    "pin-attempts"

struct _DaftariPinStore {
  GObject          parent_instance;
  char            *book_key;
  DaftariPinClock  clock;
  gpointer         clock_data;
};

/* The wrong-try count is read, changed and written back; one lock for all
 * stores in the process keeps two verifies of the same book (even through
 * two store objects) from both reading the old count. It also keeps to one
 * the 128 MiB hashes in memory at a time. */
static GMutex pin_lock;
/* Monotonic time until which a Secret Service that did not start in time
 * is taken as absent; under pin_lock. */
static gint64 hung_until;

/* Both items share this schema and differ in "kind". Attribute values are
 * not secret in the Secret Service: only the item's secret is encrypted. */
static const SecretSchema pin_schema = {
  APP_ID ".Pin", SECRET_SCHEMA_NONE,
  {
    { "app-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "book", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  }
};

/* What the attempts item holds: wrong tries in a row and the earliest
 * wall-clock time (UTC seconds) the next try is allowed. */
typedef struct {
  guint  failures;
  gint64 next_try;
} Attempts;

G_DEFINE_QUARK (daftari-pin-error-quark, daftari_pin_error)
G_DEFINE_FINAL_TYPE (DaftariPinStore, daftari_pin_store, G_TYPE_OBJECT)

static void
daftari_pin_store_finalize (GObject *object)
{
  DaftariPinStore *self = DAFTARI_PIN_STORE (object);

  g_free (self->book_key);
  G_OBJECT_CLASS (daftari_pin_store_parent_class)->finalize (object);
}

static void
daftari_pin_store_class_init (DaftariPinStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = daftari_pin_store_finalize;
}

static gint64
wall_clock (gpointer user_data)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
daftari_pin_store_init (DaftariPinStore *self)
{
  self->clock = wall_clock;
}

/* ---- secrets in memory ---- */

void
daftari_secret_wipe (char *buffer)
{
  if (buffer != NULL)
    sodium_memzero (buffer, strlen (buffer));
}

char *
daftari_secret_dup (const char *secret)
{
  gsize size;
  char *copy;

  g_return_val_if_fail (secret != NULL, NULL);

  /* sodium_malloc() needs the page size that sodium_init() looks up. */
  if (sodium_init () < 0)
    return NULL;
  size = strlen (secret) + 1;
  copy = sodium_malloc (size);
  if (copy != NULL)
    memcpy (copy, secret, size);
  return copy;
}

void
daftari_secret_free (char *secret)
{
  /* sodium_free() zeroes the whole allocation before unmapping it. */
  sodium_free (secret);
}

/* ---- rules ---- */

gint64
daftari_pin_wait_after (guint failures)
{
  gint64 wait = DAFTARI_PIN_FIRST_WAIT;

  if (failures < DAFTARI_PIN_FREE_TRIES)
    return 0;
  for (guint i = DAFTARI_PIN_FREE_TRIES; i < failures && wait < DAFTARI_PIN_MAX_WAIT; i++)
    wait *= 2;
  return MIN (wait, DAFTARI_PIN_MAX_WAIT);
}

static gboolean
is_short_pin (const char *pin)
{
  gsize len = strlen (pin);

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (pin[i]))
      return FALSE;
  return len >= 4 && len <= 6;
}

gboolean
daftari_pin_check_strength (const char *pin, GError **error)
{
  /* A passphrase is counted in characters, not bytes, so "nenosiri" and a
   * phrase with accents are judged alike; 8 digits pass as a passphrase. */
  if (pin != NULL &&
      (is_short_pin (pin) ||
       (g_utf8_validate (pin, -1, NULL) && g_utf8_strlen (pin, -1) >= 8)))
    return TRUE;

  g_set_error_literal (error, DAFTARI_PIN_ERROR, DAFTARI_PIN_ERROR_WEAK,
                       _("Use a PIN of 4 to 6 digits, like an M-PESA PIN, "
                         "or a passphrase of at least 8 characters."));
  return FALSE;
}

/* ---- the store ---- */

/* The same book reached by another spelling of its path (a symlink, "..")
 * must find the same PIN. The directory is resolved rather than the file,
 * so the key is the same before and after the book file exists. */
static char *
canonical_book_path (const char *book_path)
{
  g_autofree char *absolute = g_canonicalize_filename (book_path, NULL);
  g_autofree char *dir = g_path_get_dirname (absolute);
  g_autofree char *base = g_path_get_basename (absolute);
  char *real_file = realpath (absolute, NULL);
  char *real_dir;
  char *key;

  if (real_file != NULL)
    {
      key = g_strdup (real_file);
      free (real_file);
      return key;
    }
  real_dir = realpath (dir, NULL);
  if (real_dir == NULL)
    return g_steal_pointer (&absolute);
  key = g_build_filename (real_dir, base, NULL);
  free (real_dir);
  return key;
}

DaftariPinStore *
daftari_pin_store_new (const char *book_path)
{
  DaftariPinStore *self;

  g_return_val_if_fail (book_path != NULL && *book_path != '\0', NULL);

  self = g_object_new (DAFTARI_TYPE_PIN_STORE, NULL);
  self->book_key = canonical_book_path (book_path);
  return self;
}

const char *
daftari_pin_store_get_book_key (DaftariPinStore *self)
{
  g_return_val_if_fail (DAFTARI_IS_PIN_STORE (self), NULL);

  return self->book_key;
}

void
daftari_pin_store_set_clock (DaftariPinStore *self, DaftariPinClock now, gpointer user_data)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_if_fail (DAFTARI_IS_PIN_STORE (self));

  locker = g_mutex_locker_new (&pin_lock);
  self->clock = now != NULL ? now : wall_clock;
  self->clock_data = now != NULL ? user_data : NULL;
}

static gint64
store_now (DaftariPinStore *self)
{
  return self->clock (self->clock_data);
}

/* ---- the keyring ---- */

static void
set_no_keyring (GError **error)
{
  g_set_error_literal (error, DAFTARI_PIN_ERROR, DAFTARI_PIN_ERROR_NO_KEYRING,
                       _("No keyring is running, so Daftari cannot keep a PIN. "
                         "You can go on without one."));
}

static void
set_locked (GError **error)
{
  g_set_error_literal (error, DAFTARI_PIN_ERROR, DAFTARI_PIN_ERROR_NO_KEYRING,
                       _("Your keyring is locked, so Daftari cannot use its PIN. "
                         "Unlock the keyring and try again."));
}

/* @doing is a whole translated phrase, "The keyring could not …". */
static void
set_keyring_error (GError **error, const GError *cause, const char *doing)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (cause));
  else if (g_error_matches (cause, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    set_locked (error);
  else if (cause->domain == G_DBUS_ERROR)
    {
      /* The service went away, or refused us on the bus: the same as none. */
      g_debug ("Secret Service: %s", cause->message);
      set_no_keyring (error);
    }
  else
    g_set_error (error, DAFTARI_PIN_ERROR, DAFTARI_PIN_ERROR_FAILED,
                 "%s: %s", doing, cause->message);
}

/* libsecret talks to the Secret Service on the session bus, except inside a
 * Flatpak or Snap, where it keeps items in a file through the Secret portal
 * (the same test libsecret makes). */
static gboolean
uses_session_bus (void)
{
  const char *backend = g_getenv ("SECRET_BACKEND");

  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS) || g_getenv ("SNAP_NAME") != NULL)
    return FALSE;
  return backend == NULL || *backend == '\0' || g_str_equal (backend, "service");
}

/* Makes sure someone owns org.freedesktop.secrets before libsecret calls
 * it, starting it ourselves with a short timeout: libsecret would let the
 * bus auto-start it with no limit of its own. */
static gboolean
start_secret_service (GCancellable *cancellable, GError **error)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, cancellable, error);
  if (bus == NULL)
    return FALSE;
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", SECRETS_BUS_NAME),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE,
                                       ACTIVATION_TIMEOUT_MS, cancellable, error);
  if (reply == NULL)
    return FALSE;
  g_variant_get (reply, "(b)", &owned);
  if (owned)
    return TRUE;

  g_clear_pointer (&reply, g_variant_unref);
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "StartServiceByName",
                                       g_variant_new ("(su)", SECRETS_BUS_NAME, 0),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE,
                                       ACTIVATION_TIMEOUT_MS, cancellable, error);
  return reply != NULL;
}

/* Every operation starts here: a quick, bounded answer to "is there a
 * keyring at all?" before libsecret is asked anything. */
static gboolean
ensure_keyring (GCancellable *cancellable, GError **error)
{
  g_autoptr(GError) cause = NULL;

  if (sodium_init () < 0)
    {
      /* Only when the system has no source of randomness for the salt. */
      g_set_error_literal (error, DAFTARI_PIN_ERROR, DAFTARI_PIN_ERROR_FAILED,
                           _("Daftari cannot protect a PIN on this system."));
      return FALSE;
    }
  if (!uses_session_bus ())
    return TRUE;
  if (g_get_monotonic_time () < hung_until)
    {
      set_no_keyring (error);
      return FALSE;
    }
  if (start_secret_service (cancellable, &cause))
    return TRUE;
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&cause));
      return FALSE;
    }
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    hung_until = g_get_monotonic_time () + HUNG_SERVICE_GRACE_S * G_USEC_PER_SEC;
  g_debug ("No Secret Service: %s", cause->message);
  set_no_keyring (error);
  return FALSE;
}

static GHashTable *
item_attributes (DaftariPinStore *self, const char *kind)
{
  return secret_attributes_build (&pin_schema,
                                  "app-id", APP_ID,
                                  "book", self->book_key,
                                  "kind", kind,
                                  NULL);
}

static gboolean
item_exists (DaftariPinStore *self, const char *kind, gboolean *out_exists,
             GCancellable *cancellable, GError **error)
{
  g_autoptr(GHashTable) attributes = item_attributes (self, kind);
  g_autoptr(GError) cause = NULL;
  GList *items;

  /* Locked items are found too: a PIN behind a locked keyring is still a
   * PIN, and saying "none" would open the book without one. */
  items = secret_password_searchv_sync (&pin_schema, attributes, SECRET_SEARCH_ALL,
                                        cancellable, &cause);
  if (cause != NULL)
    {
      set_keyring_error (error, cause, _("The keyring could not be searched"));
      return FALSE;
    }
  *out_exists = items != NULL;
  g_list_free_full (items, g_object_unref);
  return TRUE;
}

static SecretRetrievable *
newest_item (GList *items)
{
  SecretRetrievable *newest = NULL;

  /* One copy per book unless the default keyring changed between two
   * writes; then the last written is the one that counts. */
  for (GList *l = items; l != NULL; l = l->next)
    if (newest == NULL ||
        secret_retrievable_get_modified (l->data) > secret_retrievable_get_modified (newest))
      newest = l->data;
  return newest;
}

/* *out_text: the item's text in wiped-on-free memory (free it with
 * daftari_secret_free()), or NULL when there is no such item. */
static gboolean
read_item (DaftariPinStore *self, const char *kind, char **out_text,
           GCancellable *cancellable, GError **error)
{
  g_autoptr(GHashTable) attributes = item_attributes (self, kind);
  g_autoptr(GError) cause = NULL;
  g_autoptr(SecretValue) value = NULL;
  SecretRetrievable *item;
  const char *text;
  GList *items;

  *out_text = NULL;
  items = secret_password_searchv_sync (&pin_schema, attributes,
                                        SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK,
                                        cancellable, &cause);
  item = newest_item (items);
  if (item != NULL && SECRET_IS_ITEM (item) && secret_item_get_locked (SECRET_ITEM (item)))
    set_locked (&cause);
  else if (item != NULL)
    value = secret_retrievable_retrieve_secret_sync (item, cancellable, &cause);
  g_list_free_full (items, g_object_unref);

  if (cause != NULL)
    {
      if (cause->domain == DAFTARI_PIN_ERROR)
        g_propagate_error (error, g_steal_pointer (&cause));
      else
        set_keyring_error (error, cause, _("The keyring could not read the PIN"));
      return FALSE;
    }
  if (item == NULL)
    return TRUE;
  text = value != NULL ? secret_value_get_text (value) : NULL;
  if (text == NULL)
    {
      g_set_error_literal (error, DAFTARI_PIN_ERROR, DAFTARI_PIN_ERROR_FAILED,
                           _("The PIN in the keyring is damaged. Remove it with "
                             "the Passwords and Keys app, then set a new one."));
      return FALSE;
    }
  *out_text = daftari_secret_dup (text);
  if (*out_text == NULL)
    {
      g_set_error_literal (error, DAFTARI_PIN_ERROR, DAFTARI_PIN_ERROR_FAILED,
                           _("There is not enough memory to check the PIN."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_item (DaftariPinStore *self, const char *kind, const char *label, const char *text,
            GCancellable *cancellable, GError **error)
{
  g_autoptr(GHashTable) attributes = item_attributes (self, kind);
  g_autoptr(GError) cause = NULL;

  /* Same attributes in the same keyring: the item is replaced, not added. */
  if (secret_password_storev_sync (&pin_schema, attributes, SECRET_COLLECTION_DEFAULT,
                                   label, text, cancellable, &cause))
    return TRUE;
  set_keyring_error (error, cause, _("The keyring could not keep the PIN"));
  return FALSE;
}

static gboolean
clear_items (DaftariPinStore *self, const char *kind, GCancellable *cancellable, GError **error)
{
  g_autoptr(GHashTable) attributes = item_attributes (self, kind);
  g_autoptr(GError) cause = NULL;

  /* FALSE with no error only says there was nothing to remove. */
  if (secret_password_clearv_sync (&pin_schema, attributes, cancellable, &cause) || cause == NULL)
    return TRUE;
  set_keyring_error (error, cause, _("The keyring could not remove the PIN"));
  return FALSE;
}

/* ---- wrong tries ---- */

static gboolean
read_attempts (DaftariPinStore *self, Attempts *out, GCancellable *cancellable, GError **error)
{
  char *text = NULL;   /* daftari_secret_dup()'d */
  g_auto(GStrv) fields = NULL;
  guint64 failures;
  gint64 next_try;

  out->failures = 0;
  out->next_try = 0;
  if (!read_item (self, KIND_ATTEMPTS, &text, cancellable, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  /* "v1 <failures> <next try>" */
  fields = g_strsplit (text, " ", 0);
  daftari_secret_free (text);
  if (g_strv_length (fields) == 3 && g_str_equal (fields[0], "v1") &&
      g_ascii_string_to_unsigned (fields[1], 10, 0, G_MAXUINT, &failures, NULL) &&
      g_ascii_string_to_signed (fields[2], 10, 0, G_MAXINT64, &next_try, NULL))
    {
      out->failures = (guint) failures;
      out->next_try = next_try;
    }
  else
    {
      /* Only someone editing the keyring gets here; they gain no free
       * tries by it: the next wrong one waits. */
      g_debug ("Unreadable PIN attempts for %s; counting %d wrong tries",
               self->book_key, DAFTARI_PIN_FREE_TRIES);
      out->failures = DAFTARI_PIN_FREE_TRIES;
    }
  return TRUE;
}

static gboolean
write_attempts (DaftariPinStore *self, const Attempts *attempts,
                GCancellable *cancellable, GError **error)
{
  g_autofree char *display = NULL;
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;

  if (attempts->failures == 0)
    return clear_items (self, KIND_ATTEMPTS, cancellable, error);

  display = g_filename_display_name (self->book_key);
  label = g_strdup_printf (_("Daftari wrong PIN tries for %s"), display);
  text = g_strdup_printf ("v1 %u %" G_GINT64_FORMAT, attempts->failures, attempts->next_try);
  return write_item (self, KIND_ATTEMPTS, label, text, cancellable, error);
}

/* The clock may have been put back since the wait was set; the wait is
 * never longer than the schedule gives for this many wrong tries. */
static gint64
remaining_wait (const Attempts *attempts, gint64 now)
{
  if (attempts->failures < DAFTARI_PIN_FREE_TRIES || attempts->next_try <= now)
    return 0;
  return MIN (attempts->next_try - now, daftari_pin_wait_after (attempts->failures));
}

/* ---- operations, each whole under pin_lock ---- */

static gboolean
op_check_keyring (DaftariPinStore *self, GCancellable *cancellable, GError **error)
{
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = g_mutex_locker_new (&pin_lock);
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  g_autoptr(GError) cause = NULL;
  GList *locked = NULL;
  gboolean exists;
  gint unlocked;

  if (!ensure_keyring (cancellable, error))
    return FALSE;
  /* In a sandbox the portal's file keyring needs no unlocking; a search
   * shows whether the portal is there at all. */
  if (!uses_session_bus ())
    return item_exists (self, KIND_HASH, &exists, cancellable, error);

  service = secret_service_get_sync (SECRET_SERVICE_OPEN_SESSION, cancellable, &cause);
  if (service != NULL)
    collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                   SECRET_COLLECTION_NONE, cancellable, &cause);
  if (cause != NULL)
    {
      set_keyring_error (error, cause, _("The keyring could not be opened"));
      return FALSE;
    }
  if (collection == NULL)
    {
      /* No default keyring: storing would first ask the user to make one. */
      g_debug ("The Secret Service has no default collection");
      set_no_keyring (error);
      return FALSE;
    }
  if (!secret_collection_get_locked (collection))
    return TRUE;

  /* Shows the keyring's own password prompt; dismissing it unlocks nothing. */
  locked = g_list_prepend (locked, collection);
  unlocked = secret_service_unlock_sync (service, locked, cancellable, NULL, &cause);
  g_list_free (locked);
  if (cause != NULL)
    {
      set_keyring_error (error, cause, _("The keyring could not be unlocked"));
      return FALSE;
    }
  if (unlocked == 0)
    {
      set_locked (error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
op_has_pin (DaftariPinStore *self, gboolean *out_has, GCancellable *cancellable, GError **error)
{
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = g_mutex_locker_new (&pin_lock);

  return ensure_keyring (cancellable, error) &&
         item_exists (self, KIND_HASH, out_has, cancellable, error);
}

static gboolean
store_hash (DaftariPinStore *self, const char *pin, GCancellable *cancellable, GError **error)
{
  g_autofree char *display = g_filename_display_name (self->book_key);
  g_autofree char *label = g_strdup_printf (_("Daftari PIN for %s"), display);
  char hash[crypto_pwhash_STRBYTES];
  gboolean ok;

  /* crypto_pwhash_str() draws a fresh random salt and writes it, the
   * parameters and the hash into one "$argon2id$…" string. */
  if (crypto_pwhash_str (hash, pin, strlen (pin), PIN_OPSLIMIT, PIN_MEMLIMIT) != 0)
    {
      g_set_error_literal (error, DAFTARI_PIN_ERROR, DAFTARI_PIN_ERROR_FAILED,
                           _("There is not enough memory to protect the PIN."));
      return FALSE;
    }
  ok = write_item (self, KIND_HASH, label, hash, cancellable, error);
  sodium_memzero (hash, sizeof hash);
  return ok;
}

static gboolean
op_set_pin (DaftariPinStore *self, const char *pin, GCancellable *cancellable, GError **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  if (!daftari_pin_check_strength (pin, error))
    return FALSE;
  locker = g_mutex_locker_new (&pin_lock);
  return ensure_keyring (cancellable, error) &&
         store_hash (self, pin, cancellable, error) &&
         clear_items (self, KIND_ATTEMPTS, cancellable, error);
}

static gboolean
op_remove_pin (DaftariPinStore *self, GCancellable *cancellable, GError **error)
{
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = g_mutex_locker_new (&pin_lock);

  /* The hash first: if the second step fails, no PIN is left behind. */
  return ensure_keyring (cancellable, error) &&
         clear_items (self, KIND_HASH, cancellable, error) &&
         clear_items (self, KIND_ATTEMPTS, cancellable, error);
}

/* After a right PIN: count from zero again, and re-hash a PIN stored with
 * weaker parameters than today's. Neither failing turns a right PIN wrong. */
static void
after_right_pin (DaftariPinStore *self, const char *hash, const char *pin,
                 GCancellable *cancellable)
{
  g_autoptr(GError) local = NULL;

  if (!clear_items (self, KIND_ATTEMPTS, cancellable, &local))
    {
      g_warning ("Could not reset the wrong PIN tries for %s: %s", self->book_key, local->message);
      g_clear_error (&local);
    }
  if (crypto_pwhash_str_needs_rehash (hash, PIN_OPSLIMIT, PIN_MEMLIMIT) != 0 &&
      !store_hash (self, pin, cancellable, &local))
    g_warning ("Could not re-hash the PIN for %s: %s", self->book_key, local->message);
}

static DaftariPinVerdict
op_verify (DaftariPinStore *self, const char *pin, gint64 *out_wait,
           GCancellable *cancellable, GError **error)
{
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = g_mutex_locker_new (&pin_lock);
  Attempts attempts;
  char *hash = NULL;
  gint64 now;
  gboolean right;

  *out_wait = 0;
  if (!ensure_keyring (cancellable, error) ||
      !read_attempts (self, &attempts, cancellable, error))
    return DAFTARI_PIN_VERDICT_ERROR;

  /* Too soon: refused before the PIN is looked at, and not counted. */
  now = store_now (self);
  *out_wait = remaining_wait (&attempts, now);
  if (*out_wait > 0)
    return DAFTARI_PIN_VERDICT_WAIT;

  if (!read_item (self, KIND_HASH, &hash, cancellable, error))
    return DAFTARI_PIN_VERDICT_ERROR;
  if (hash == NULL)
    {
      g_set_error_literal (error, DAFTARI_PIN_ERROR, DAFTARI_PIN_ERROR_FAILED,
                           _("No PIN is set for this book."));
      return DAFTARI_PIN_VERDICT_ERROR;
    }

  /* Every try is counted as wrong, in the keyring, before the PIN is
   * checked, as a SIM card does: killing the app mid-check, or a keyring
   * that refuses writes, then costs a try instead of giving a free one. */
  if (attempts.failures < G_MAXUINT)
    attempts.failures++;
  attempts.next_try = now + daftari_pin_wait_after (attempts.failures);
  if (!write_attempts (self, &attempts, cancellable, error))
    {
      daftari_secret_free (hash);
      return DAFTARI_PIN_VERDICT_ERROR;
    }

  right = crypto_pwhash_str_verify (hash, pin, strlen (pin)) == 0;
  if (right)
    after_right_pin (self, hash, pin, cancellable);
  daftari_secret_free (hash);
  if (right)
    return DAFTARI_PIN_VERDICT_OK;

  *out_wait = daftari_pin_wait_after (attempts.failures);
  return DAFTARI_PIN_VERDICT_WRONG;
}

static gboolean
op_get_attempts (DaftariPinStore *self, Attempts *out, gint64 *out_wait,
                 GCancellable *cancellable, GError **error)
{
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = g_mutex_locker_new (&pin_lock);

  if (!ensure_keyring (cancellable, error) || !read_attempts (self, out, cancellable, error))
    return FALSE;
  *out_wait = remaining_wait (out, store_now (self));
  return TRUE;
}

/* ---- sync API ---- */

gboolean
daftari_pin_store_check_keyring (DaftariPinStore *self, GError **error)
{
  g_return_val_if_fail (DAFTARI_IS_PIN_STORE (self), FALSE);

  return op_check_keyring (self, NULL, error);
}

gboolean
daftari_pin_store_has_pin (DaftariPinStore *self, gboolean *out_has, GError **error)
{
  g_return_val_if_fail (DAFTARI_IS_PIN_STORE (self), FALSE);
  g_return_val_if_fail (out_has != NULL, FALSE);

  *out_has = FALSE;
  return op_has_pin (self, out_has, NULL, error);
}

gboolean
daftari_pin_store_set_pin (DaftariPinStore *self, const char *pin, GError **error)
{
  g_return_val_if_fail (DAFTARI_IS_PIN_STORE (self), FALSE);

  return op_set_pin (self, pin, NULL, error);
}

gboolean
daftari_pin_store_remove_pin (DaftariPinStore *self, GError **error)
{
  g_return_val_if_fail (DAFTARI_IS_PIN_STORE (self), FALSE);

  return op_remove_pin (self, NULL, error);
}

DaftariPinVerdict
daftari_pin_store_verify (DaftariPinStore *self, const char *pin, gint64 *out_wait_seconds,
                          GError **error)
{
  gint64 wait = 0;
  DaftariPinVerdict verdict;

  g_return_val_if_fail (DAFTARI_IS_PIN_STORE (self), DAFTARI_PIN_VERDICT_ERROR);
  g_return_val_if_fail (pin != NULL, DAFTARI_PIN_VERDICT_ERROR);

  verdict = op_verify (self, pin, &wait, NULL, error);
  if (out_wait_seconds != NULL)
    *out_wait_seconds = wait;
  return verdict;
}

gint64
daftari_pin_store_get_wait (DaftariPinStore *self, GError **error)
{
  Attempts attempts;
  gint64 wait;

  g_return_val_if_fail (DAFTARI_IS_PIN_STORE (self), -1);

  return op_get_attempts (self, &attempts, &wait, NULL, error) ? wait : -1;
}

guint
daftari_pin_store_get_failures (DaftariPinStore *self, GError **error)
{
  Attempts attempts;
  gint64 wait;

  g_return_val_if_fail (DAFTARI_IS_PIN_STORE (self), 0);

  return op_get_attempts (self, &attempts, &wait, NULL, error) ? attempts.failures : 0;
}

/* ---- async API: the same operations in a GTask thread ---- */

typedef enum {
  OP_CHECK_KEYRING,
  OP_HAS_PIN,
  OP_SET_PIN,
  OP_REMOVE_PIN,
  OP_VERIFY,
  OP_GET_WAIT,
} PinOp;

typedef struct {
  PinOp  op;
  char  *pin;   /* daftari_secret_dup()'d, wiped when the task goes */
} PinTask;

typedef struct {
  DaftariPinVerdict verdict;
  gint64            wait;
} VerifyResult;

static void
pin_task_free (gpointer data)
{
  PinTask *pin_task = data;

  daftari_secret_free (pin_task->pin);
  g_free (pin_task);
}

static void
run_verify (GTask *task, DaftariPinStore *self, const char *pin, GCancellable *cancellable)
{
  GError *error = NULL;
  VerifyResult *result = g_new0 (VerifyResult, 1);

  result->verdict = op_verify (self, pin, &result->wait, cancellable, &error);
  if (result->verdict == DAFTARI_PIN_VERDICT_ERROR)
    {
      g_free (result);
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, result, g_free);
}

static void
pin_task_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  DaftariPinStore *self = source;
  PinTask *pin_task = data;
  GError *error = NULL;
  gboolean has = FALSE;
  Attempts attempts;
  gint64 wait = 0;

  switch (pin_task->op)
    {
    case OP_CHECK_KEYRING:
      if (op_check_keyring (self, cancellable, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      break;
    case OP_HAS_PIN:
      if (op_has_pin (self, &has, cancellable, &error))
        g_task_return_int (task, has);
      else
        g_task_return_error (task, error);
      break;
    case OP_SET_PIN:
      if (op_set_pin (self, pin_task->pin, cancellable, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      break;
    case OP_REMOVE_PIN:
      if (op_remove_pin (self, cancellable, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      break;
    case OP_VERIFY:
      run_verify (task, self, pin_task->pin, cancellable);
      break;
    case OP_GET_WAIT:
      if (op_get_attempts (self, &attempts, &wait, cancellable, &error))
        g_task_return_int (task, (gssize) wait);
      else
        g_task_return_error (task, error);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
start_task (DaftariPinStore *self, PinOp op, const char *pin, gpointer source_tag,
            GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  PinTask *pin_task = g_new0 (PinTask, 1);

  g_task_set_source_tag (task, source_tag);
  pin_task->op = op;
  g_task_set_task_data (task, pin_task, pin_task_free);
  if (pin != NULL)
    {
      pin_task->pin = daftari_secret_dup (pin);
      if (pin_task->pin == NULL)
        {
          g_task_return_new_error (task, DAFTARI_PIN_ERROR, DAFTARI_PIN_ERROR_FAILED,
                                   "%s", _("There is not enough memory to check the PIN."));
          return;
        }
    }
  g_task_run_in_thread (task, pin_task_thread);
}

void
daftari_pin_store_check_keyring_async (DaftariPinStore *self, GCancellable *cancellable,
                                       GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (DAFTARI_IS_PIN_STORE (self));

  start_task (self, OP_CHECK_KEYRING, NULL, daftari_pin_store_check_keyring_async,
              cancellable, callback, user_data);
}

gboolean
daftari_pin_store_check_keyring_finish (DaftariPinStore *self, GAsyncResult *result,
                                        GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
daftari_pin_store_has_pin_async (DaftariPinStore *self, GCancellable *cancellable,
                                 GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (DAFTARI_IS_PIN_STORE (self));

  start_task (self, OP_HAS_PIN, NULL, daftari_pin_store_has_pin_async,
              cancellable, callback, user_data);
}

gboolean
daftari_pin_store_has_pin_finish (DaftariPinStore *self, GAsyncResult *result,
                                  gboolean *out_has, GError **error)
{
  g_autoptr(GError) local = NULL;
  gssize has;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (out_has != NULL, FALSE);

  has = g_task_propagate_int (G_TASK (result), &local);
  *out_has = local == NULL && has != 0;
  if (local == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

void
daftari_pin_store_set_pin_async (DaftariPinStore *self, const char *pin,
                                 GCancellable *cancellable, GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  g_return_if_fail (DAFTARI_IS_PIN_STORE (self));
  g_return_if_fail (pin != NULL);

  start_task (self, OP_SET_PIN, pin, daftari_pin_store_set_pin_async,
              cancellable, callback, user_data);
}

gboolean
daftari_pin_store_set_pin_finish (DaftariPinStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
daftari_pin_store_remove_pin_async (DaftariPinStore *self, GCancellable *cancellable,
                                    GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (DAFTARI_IS_PIN_STORE (self));

  start_task (self, OP_REMOVE_PIN, NULL, daftari_pin_store_remove_pin_async,
              cancellable, callback, user_data);
}

gboolean
daftari_pin_store_remove_pin_finish (DaftariPinStore *self, GAsyncResult *result,
                                     GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
daftari_pin_store_verify_async (DaftariPinStore *self, const char *pin,
                                GCancellable *cancellable, GAsyncReadyCallback callback,
                                gpointer user_data)
{
  g_return_if_fail (DAFTARI_IS_PIN_STORE (self));
  g_return_if_fail (pin != NULL);

  start_task (self, OP_VERIFY, pin, daftari_pin_store_verify_async,
              cancellable, callback, user_data);
}

DaftariPinVerdict
daftari_pin_store_verify_finish (DaftariPinStore *self, GAsyncResult *result,
                                 gint64 *out_wait_seconds, GError **error)
{
  g_autofree VerifyResult *verify = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), DAFTARI_PIN_VERDICT_ERROR);

  verify = g_task_propagate_pointer (G_TASK (result), error);
  if (out_wait_seconds != NULL)
    *out_wait_seconds = verify != NULL ? verify->wait : 0;
  return verify != NULL ? verify->verdict : DAFTARI_PIN_VERDICT_ERROR;
}

void
daftari_pin_store_get_wait_async (DaftariPinStore *self, GCancellable *cancellable,
                                  GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (DAFTARI_IS_PIN_STORE (self));

  start_task (self, OP_GET_WAIT, NULL, daftari_pin_store_get_wait_async,
              cancellable, callback, user_data);
}

gint64
daftari_pin_store_get_wait_finish (DaftariPinStore *self, GAsyncResult *result, GError **error)
{
  g_autoptr(GError) local = NULL;
  gssize wait;

  g_return_val_if_fail (g_task_is_valid (result, self), -1);

  wait = g_task_propagate_int (G_TASK (result), &local);
  if (local == NULL)
    return wait;
  g_propagate_error (error, g_steal_pointer (&local));
  return -1;
}
