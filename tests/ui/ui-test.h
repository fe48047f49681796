/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "daftari-application.h"
#include "daftari-window.h"

G_BEGIN_DECLS

/* What every UI test shares: a temporary folder with a book path, the
 * window under test, and ways to drive real widgets and wait for them. */

typedef struct {
  char          *dir;
  char          *book_path;
  DaftariWindow *window;
} Fixture;

/* gtk_test_init, the application registered for the window; 77 (skip)
 * with a message when there is no display. Returns 0 when ready. */
int        ui_test_init          (int        *argc,
                                  char     ***argv);
DaftariApplication *ui_test_app  (void);
int        ui_test_run           (void);

void       fixture_set_up        (Fixture       *f,
                                  gconstpointer  data);
void       fixture_tear_down     (Fixture       *f,
                                  gconstpointer  data);

/* Runs the main loop until done(data) or 20 s, then asserts done. */
void       spin_until            (gboolean     (*done) (gpointer),
                                  gpointer        data);
void       spin_a_moment         (void);
/* A flag for spin_until: set_true as a swapped signal handler, is_true
 * as the condition. */
void       set_true              (gboolean     *flag);
gboolean   is_true               (gpointer      flag);
/* Activates a button as the keyboard would: GTK emits ::clicked after its
 * short activation animation, so the loop has to run. */
void       press                 (GtkWidget    *button);
/* Presses keys (xdotool key names: "2", "Return", "ctrl+v") on the X
 * server's keyboard, as a user does: xdotool sends them through XTEST to
 * the window it gives the focus to, so they meet everything a real key
 * meets on its way. Returns at once; spin until their effect shows.
 * FALSE (the test skipped) without an X display or xdotool. */
gboolean   ui_test_press_keys    (GtkWindow     *window,
                                  const char *const *keys);
/* A template child; asserts it exists. */
gpointer   child                 (gpointer      widget,
                                  GType         type,
                                  const char   *name);
GtkWidget *find_descendant       (GtkWidget    *widget,
                                  GType         type);
GtkWidget *find_named            (GtkWidget    *widget,
                                  const char   *name);
/* Whether any mapped label under widget shows text containing needle. */
gboolean   shows_text            (GtkWidget    *widget,
                                  const char   *needle);
gpointer   find_toplevel         (GType         type);
void       set_text              (GtkWidget    *editable,
                                  const char   *text);

/* The mapped button under widget whose label is label (mnemonic included). */
GtkButton *button_labelled       (GtkWidget     *widget,
                                  const char    *label);
/* A figure read from a book file through a connection of its own, so a
 * test checks what is on disk, not what the window believes. */
gint64     ui_test_db_int        (const char    *path,
                                  const char    *sql);

G_END_DECLS
