/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The app PIN of one book (DESIGN.md, Security). Only a salted Argon2id hash
 * of it is kept, in the user's keyring (Secret Service, through libsecret),
 * beside a second item that counts wrong tries, so the wait after too many
 * survives a restart. docs/security.md says what is stored and why.
 *
 * Every call that reaches the keyring may block: on D-Bus, on a keyring
 * unlock prompt, and (set_pin, verify) on the deliberately slow hash. The UI
 * uses the _async variants, which run the same code in a GTask thread.
 * All calls, from any thread, are serialised, so a verify in flight and a
 * second one never both read the same count of wrong tries.
 *
 * NO_KEYRING from check_keyring or has_pin: the user may go on without a
 * PIN. NO_KEYRING from verify while has_pin said TRUE (a keyring that stays
 * locked): the book stays locked; offer to try again. */

#define DAFTARI_PIN_ERROR (daftari_pin_error_quark ())
typedef enum {
  DAFTARI_PIN_ERROR_NO_KEYRING, /* no Secret Service, or it stays locked */
  DAFTARI_PIN_ERROR_WEAK,       /* neither 4–6 digits nor an 8-character passphrase */
  DAFTARI_PIN_ERROR_FAILED,     /* the keyring refused, no PIN is set, out of memory */
} DaftariPinError;

/* ERROR is zero so that a verdict left uninitialised is never OK. */
typedef enum {
  DAFTARI_PIN_VERDICT_ERROR,    /* see the GError; the PIN was not checked */
  DAFTARI_PIN_VERDICT_OK,       /* right: the count of wrong tries is reset */
  DAFTARI_PIN_VERDICT_WRONG,    /* wrong, and counted */
  DAFTARI_PIN_VERDICT_WAIT,     /* too soon after wrong tries: not checked, not counted */
} DaftariPinVerdict;

/* The schedule: the first DAFTARI_PIN_FREE_TRIES wrong tries cost nothing;
 * after the 5th the next try waits DAFTARI_PIN_FIRST_WAIT seconds, and each
 * further wrong try doubles the wait, up to DAFTARI_PIN_MAX_WAIT. */
#define DAFTARI_PIN_FREE_TRIES 5
#define DAFTARI_PIN_FIRST_WAIT 30
#define DAFTARI_PIN_MAX_WAIT   3600

/* UTC seconds since the epoch. Called from worker threads as well. */
typedef gint64 (*DaftariPinClock) (gpointer user_data);

#define DAFTARI_TYPE_PIN_STORE (daftari_pin_store_get_type ())
G_DECLARE_FINAL_TYPE (DaftariPinStore, daftari_pin_store, DAFTARI, PIN_STORE, GObject)

GQuark             daftari_pin_error_quark          (void);

/* Seconds the next try waits after @failures wrong tries in a row. */
gint64             daftari_pin_wait_after           (guint                 failures);

/* What set_pin accepts, without touching the keyring, so a form can say it
 * on the field before the slow part starts. */
gboolean           daftari_pin_check_strength       (const char           *pin,
                                                     GError              **error);

DaftariPinStore   *daftari_pin_store_new            (const char           *book_path);
/* The book's canonical absolute path: what the keyring items are keyed to. */
const char        *daftari_pin_store_get_book_key   (DaftariPinStore      *self);
/* Replaces the wall clock (for tests); NULL puts the wall clock back. */
void               daftari_pin_store_set_clock      (DaftariPinStore      *self,
                                                     DaftariPinClock       now,
                                                     gpointer              user_data);

gboolean           daftari_pin_store_check_keyring  (DaftariPinStore      *self,
                                                     GError              **error);
gboolean           daftari_pin_store_has_pin        (DaftariPinStore      *self,
                                                     gboolean             *out_has,
                                                     GError              **error);
/* Also resets the count of wrong tries. The caller has checked the old PIN. */
gboolean           daftari_pin_store_set_pin        (DaftariPinStore      *self,
                                                     const char           *pin,
                                                     GError              **error);
/* Removes the PIN and the count of wrong tries; no PIN is not an error. */
gboolean           daftari_pin_store_remove_pin     (DaftariPinStore      *self,
                                                     GError              **error);
/* *out_wait_seconds (may be NULL): after WAIT, how long until the next try
 * is allowed; after WRONG, how long the next try must wait (0 for the first
 * free tries); 0 after OK. Verifying with no PIN set is an error. */
DaftariPinVerdict  daftari_pin_store_verify         (DaftariPinStore      *self,
                                                     const char           *pin,
                                                     gint64               *out_wait_seconds,
                                                     GError              **error);
/* Seconds until the next try is allowed, 0 if now; -1 on error. */
gint64             daftari_pin_store_get_wait       (DaftariPinStore      *self,
                                                     GError              **error);
/* Wrong tries in a row so far; 0 with @error set on error. */
guint              daftari_pin_store_get_failures   (DaftariPinStore      *self,
                                                     GError              **error);

/* The async variants take a copy of @pin in locked, wiped-on-free memory,
 * so the caller may wipe its own buffer as soon as the call returns. */
void               daftari_pin_store_check_keyring_async  (DaftariPinStore      *self,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean           daftari_pin_store_check_keyring_finish (DaftariPinStore      *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void               daftari_pin_store_has_pin_async        (DaftariPinStore      *self,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean           daftari_pin_store_has_pin_finish       (DaftariPinStore      *self,
                                                           GAsyncResult         *result,
                                                           gboolean             *out_has,
                                                           GError              **error);
void               daftari_pin_store_set_pin_async        (DaftariPinStore      *self,
                                                           const char           *pin,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean           daftari_pin_store_set_pin_finish       (DaftariPinStore      *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void               daftari_pin_store_remove_pin_async     (DaftariPinStore      *self,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean           daftari_pin_store_remove_pin_finish    (DaftariPinStore      *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void               daftari_pin_store_verify_async         (DaftariPinStore      *self,
                                                           const char           *pin,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
DaftariPinVerdict  daftari_pin_store_verify_finish        (DaftariPinStore      *self,
                                                           GAsyncResult         *result,
                                                           gint64               *out_wait_seconds,
                                                           GError              **error);
void               daftari_pin_store_get_wait_async       (DaftariPinStore      *self,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gint64             daftari_pin_store_get_wait_finish      (DaftariPinStore      *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

/* Zeroes @buffer up to its terminating NUL (which stays); NULL is allowed. */
void               daftari_secret_wipe              (char                 *buffer);
/* A copy of @secret in locked memory with guard pages (libsodium's
 * sodium_malloc), for a PIN the UI must hold a moment, e.g. to ask for it
 * twice. NULL if memory ran out. Free with daftari_secret_free(). */
char              *daftari_secret_dup               (const char           *secret);
/* Wipes and frees what daftari_secret_dup() returned; NULL is allowed. */
void               daftari_secret_free              (char                 *secret);

G_END_DECLS
