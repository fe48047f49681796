/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The dashboard's cash-flow card computed off the main thread, on the
 * synthetic business of cashflow-fixture.h: the empty card says it is
 * working, the rows arrive without the main loop waiting, a newer fill
 * replaces an older one still running, and a card destroyed while its
 * forecast runs is left alone. Runs under Xvfb (suite 'ui'). */
#include <adwaita.h>

#include "cashflow-fixture.h"

#include "daftari-cashflow-card.h"
#include "daftari-cashflow.h"

#define WAIT_US (60 * G_USEC_PER_SEC)

static CashflowFixture *fixture;

/* The titles of the card's rows, joined by newlines. */
static char *
titles (AdwPreferencesGroup *group)
{
  GPtrArray *rows = g_object_get_data (G_OBJECT (group), "daftari-rows");
  GString *text = g_string_new (NULL);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    g_string_append_printf (text, "%s\n", adw_preferences_row_get_title (g_ptr_array_index (rows, i)));
  return g_string_free (text, FALSE);
}

static gboolean
shows (AdwPreferencesGroup *group, const char *title)
{
  g_autofree char *text = titles (group);
  return strstr (text, title) != NULL;
}

/* Runs the main loop until the card shows title; fails after a minute. */
static void
spin_until_shown (AdwPreferencesGroup *group, const char *title)
{
  gint64 end = g_get_monotonic_time () + WAIT_US;

  while (!shows (group, title))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static AdwPreferencesGroup *
new_card (void)
{
  return g_object_ref_sink (ADW_PREFERENCES_GROUP (adw_preferences_group_new ()));
}

static void
test_fill (void)
{
  g_autoptr(AdwPreferencesGroup) group = new_card ();
  g_autoptr(GError) error = NULL;

  daftari_cashflow_card_fill_async (group, fixture->tb->book);
  /* Nothing computed yet on this thread: the card says it is working. */
  g_assert_true (shows (group, "Working out the forecast"));
  spin_until_shown (group, "In Two Months");
  g_assert_true (shows (group, "In a Month"));
  g_assert_false (shows (group, "Working out the forecast"));
  /* No error to show. */
  g_assert_cmpstr (adw_preferences_group_get_description (group) ? adw_preferences_group_get_description (group) : "",
                   ==, "");

  /* A floor far above the balance: the next fill warns; the rows shown
   * stay until it is ready, and the last of two fills wins. */
  g_assert_true (daftari_cashflow_set_floor (fixture->tb->book, G_GINT64_CONSTANT (100000000000), &error));
  g_assert_no_error (error);
  daftari_cashflow_card_fill_async (group, fixture->tb->book);
  daftari_cashflow_card_fill_async (group, fixture->tb->book);
  g_assert_false (shows (group, "Working out the forecast"));
  spin_until_shown (group, "Likely to fall below");
  g_assert_true (daftari_cashflow_set_floor (fixture->tb->book, 0, &error));
}

/* The card goes away while its forecast runs: the result is dropped. */
static void
test_destroyed (void)
{
  AdwPreferencesGroup *group = new_card ();
  AdwPreferencesGroup *witness = new_card ();

  daftari_cashflow_card_fill_async (group, fixture->tb->book);
  g_object_unref (group);
  /* A second card's forecast finishes after the first one's would have. */
  daftari_cashflow_card_fill_async (witness, fixture->tb->book);
  spin_until_shown (witness, "In Two Months");
  for (int i = 0; i < 100; i++)
    g_main_context_iteration (NULL, FALSE);
  g_object_unref (witness);
}

int
main (int argc, char **argv)
{
  int status;

  test_common_init (&argc, &argv);
  gtk_init ();
  adw_init ();
  fixture = cashflow_fixture_new ();
  g_test_add_func ("/cashflow-card/fill", test_fill);
  g_test_add_func ("/cashflow-card/destroyed", test_destroyed);
  status = g_test_run ();
  cashflow_fixture_free (fixture);
  return status;
}
