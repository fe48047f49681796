/* SPDX-License-Identifier: GPL-3.0-or-later */
/* schedule, budget and anomalies end to end through the real daftari-cli
 * (DAFTARI_CLI), their --json read back; and step 6 of the schema applied
 * to a book made before it. */
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "daftari-schema.h"
#include "test-common.h"
#include "test-run-cli.h"

static char *book_path;

static void
setup_book (void)
{
  g_auto(TestRun) init = test_run (book_path, "init", "--business", "Duka", NULL);
  g_auto(TestRun) wallet = test_run (book_path, "account", "add", "Bank", "--kind", "bank", "--opening", "100000",
                               "--date", "2024-12-01", NULL);
  g_auto(TestRun) cash = test_run (book_path, "account", "add", "Till box", "--kind", "cash", NULL);

  test_run_assert_status (&init, 0);
  test_run_assert_status (&wallet, 0);
  test_run_assert_status (&cash, 0);
}

static void
test_schedule (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(JsonNode) listed = NULL, ran = NULL, again = NULL;
  JsonArray *posted, *refused, *upcoming;

  book_path = g_build_filename (dir, "shop.daftari", NULL);
  setup_book ();
  {
    g_auto(TestRun) add = test_run (book_path, "schedule", "add", "Shop rent", "expense", "Bank", "35000", "--every", "monthly:31",
                           "--category", "Rent", "--start", "2025-01-01", NULL);
    g_auto(TestRun) box = test_run (book_path, "schedule", "add", "Box rent", "expense", "Till box", "100", "--every", "weekly:mon",
                           "--category", "Rent", "--start", "2025-01-01", NULL);
    g_auto(TestRun) bad = test_run (book_path, "schedule", "add", "Oops", "expense", "Bank", "10", "--every", "monthly:32",
                           "--category", "Rent", NULL);
    g_auto(TestRun) twice = test_run (book_path, "schedule", "add", "shop rent", "expense", "Bank", "1", "--every", "days:3",
                             "--category", "Rent", NULL);
    test_run_assert_status (&add, 0);
    g_assert_nonnull (strstr (add.out, "2025-01-31"));
    test_run_assert_status (&box, 0);
    test_run_assert_status (&bad, 1);
    g_assert_nonnull (strstr (bad.err, "monthly"));
    test_run_assert_status (&twice, 1);
  }
  {
    /* Till box is empty: its rent is refused and stays due; the bank's goes on. */
    g_auto(TestRun) run = test_run (book_path, "--json", "schedule", "run", "--until", "2025-03-01", NULL);
    JsonObject *o;
    test_run_assert_status (&run, 1);
    o = test_run_json (&run, &ran);
    posted = json_object_get_array_member (o, "posted");
    refused = json_object_get_array_member (o, "refused");
    g_assert_cmpuint (json_array_get_length (posted), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (posted, 1), "day"), ==,
                     "2025-02-28");
    g_assert_cmpuint (json_array_get_length (refused), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (refused, 0), "schedule"), ==,
                     "Box rent");
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (refused, 0), "held_back"), ==, 7);
  }
  {
    g_auto(TestRun) pause = test_run (book_path, "schedule", "pause", "Box rent", NULL);
    g_auto(TestRun) run = test_run (book_path, "--json", "schedule", "run", "--until", "2025-03-01", NULL);
    test_run_assert_status (&pause, 0);
    test_run_assert_status (&run, 0);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (test_run_json (&run, &again), "posted")), ==, 0);
  }
  {
    g_auto(TestRun) list = test_run (book_path, "--json", "schedule", "list", "--days", "3660", NULL);
    JsonArray *schedules;
    test_run_assert_status (&list, 0);
    schedules = json_object_get_array_member (test_run_json (&list, &listed), "schedules");
    upcoming = json_object_get_array_member (json_node_get_object (listed), "upcoming");
    g_assert_cmpuint (json_array_get_length (schedules), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (schedules, 1), "next"), ==,
                     "2025-03-31");
    g_assert_cmpuint (json_array_get_length (upcoming), >, 0);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (upcoming, 0), "day"), ==,
                     "2025-03-31");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (upcoming, 0), "amount"), ==,
                     "35000.00");
  }
  {
    g_auto(TestRun) text = test_run (book_path, "schedule", "list", NULL);
    g_auto(TestRun) removed = test_run (book_path, "schedule", "remove", "Box rent", NULL);
    g_auto(TestRun) check = test_run (book_path, "check", NULL);
    test_run_assert_status (&text, 0);
    g_assert_nonnull (strstr (text.out, "paused"));
    test_run_assert_status (&removed, 0);
    test_run_assert_status (&check, 0);
  }
  test_remove_dir (dir);
  g_clear_pointer (&book_path, g_free);
}

static void
test_budget (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(JsonNode) node = NULL;
  JsonObject *o, *line;

  book_path = g_build_filename (dir, "shop.daftari", NULL);
  setup_book ();
  {
    g_auto(TestRun) set = test_run (book_path, "budget", "set", "Rent", "40000", NULL);
    g_auto(TestRun) feb = test_run (book_path, "budget", "set", "Rent", "50,000", "--month", "2025-02", NULL);
    g_auto(TestRun) income = test_run (book_path, "budget", "set", "Sales", "1000", NULL);
    g_auto(TestRun) spend = test_run (book_path, "record", "expense", "Bank", "45000", "--category", "Rent", "--date", "2025-02-03",
                             NULL);
    test_run_assert_status (&set, 0);
    test_run_assert_status (&feb, 0);
    test_run_assert_status (&income, 1);
    g_assert_nonnull (strstr (income.err, "expense"));
    test_run_assert_status (&spend, 0);
  }
  {
    g_auto(TestRun) show = test_run (book_path, "--json", "budget", "show", "--month", "2025-02", "--today", "2025-02-14", NULL);
    g_auto(TestRun) text = test_run (book_path, "budget", "show", "--month", "2025-02", "--today", "2025-02-14", NULL);
    test_run_assert_status (&show, 0);
    o = test_run_json (&show, &node);
    g_assert_cmpstr (json_object_get_string_member (o, "month"), ==, "2025-02");
    g_assert_cmpint (json_object_get_int_member (o, "elapsed_days"), ==, 14);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "lines")), ==, 1);
    line = json_array_get_object_element (json_object_get_array_member (o, "lines"), 0);
    g_assert_cmpstr (json_object_get_string_member (line, "category"), ==, "Rent");
    g_assert_cmpint (json_object_get_int_member (line, "budget_minor"), ==, 5000000);
    g_assert_cmpint (json_object_get_int_member (line, "actual_minor"), ==, 4500000);
    g_assert_cmpint (json_object_get_int_member (line, "variance_minor"), ==, 500000);
    g_assert_cmpint (json_object_get_int_member (line, "percent"), ==, 90);
    g_assert_cmpstr (json_object_get_string_member (line, "state"), ==, "ahead");
    test_run_assert_status (&text, 0);
    g_assert_nonnull (strstr (text.out, "ahead of the month"));
  }
  test_remove_dir (dir);
  g_clear_pointer (&book_path, g_free);
}

/* On a demo book: flags come out as JSON; a dismissed one is gone, --all
 * shows it again. */
static void
test_anomalies (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(JsonNode) first = NULL, later = NULL, all = NULL;
  g_autofree char *key = NULL;
  JsonArray *flags;
  guint n;

  book_path = g_build_filename (dir, "shop.daftari", NULL);
  {
    g_auto(TestRun) demo = test_run (book_path, "demo", "--transactions", "3000", "--seed", "5", NULL);
    g_auto(TestRun) bank = test_run (book_path, "account", "add", "Spare bank", "--kind", "bank", "--allow-overdraft", NULL);
    /* The demo book ends now, so its history shifts with the clock: its
     * stock purchases' fence reached KES 469,000 on some minutes. Two
     * million is four times any fence it has, so the flag is there
     * whenever the test runs (the limit is raised for it). */
    g_auto(TestRun) limit = test_run (book_path, "limit", "set", "5000000", NULL);
    g_auto(TestRun) big = test_run (book_path, "record", "expense", "Spare bank", "2000000", "--category", "Stock purchases",
                           "--memo", "Stock from BIDCO DISTRIBUTORS", NULL);
    test_run_assert_status (&demo, 0);
    test_run_assert_status (&bank, 0);
    test_run_assert_status (&limit, 0);
    test_run_assert_status (&big, 0);
  }
  {
    g_auto(TestRun) run = test_run (book_path, "--json", "anomalies", NULL);
    test_run_assert_status (&run, 0);
    flags = json_object_get_array_member (test_run_json (&run, &first), "anomalies");
    n = json_array_get_length (flags);
    g_assert_cmpuint (n, >, 0);
    for (guint i = 0; i < n; i++)
      {
        JsonObject *f = json_array_get_object_element (flags, i);
        if (json_object_get_int_member (f, "amount_minor") == 200000000)
          key = g_strdup (json_object_get_string_member (f, "key"));
        g_assert_cmpuint (strlen (json_object_get_string_member (f, "why")), >, 20);
      }
    g_assert_nonnull (key);
    g_assert_true (g_str_has_prefix (key, "amount:") || g_str_has_prefix (key, "new-payee:"));
  }
  {
    g_auto(TestRun) dismiss = test_run (book_path, "anomalies", "dismiss", key, NULL);
    g_auto(TestRun) bad = test_run (book_path, "anomalies", "dismiss", "nonsense", NULL);
    g_auto(TestRun) run = test_run (book_path, "--json", "anomalies", NULL);
    g_auto(TestRun) every = test_run (book_path, "--json", "anomalies", "--all", NULL);
    test_run_assert_status (&dismiss, 0);
    test_run_assert_status (&bad, 1);
    test_run_assert_status (&run, 0);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (test_run_json (&run, &later), "anomalies")), ==,
                      n - 1);
    test_run_assert_status (&every, 0);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (test_run_json (&every, &all), "anomalies")), ==,
                      n);
  }
  test_remove_dir (dir);
  g_clear_pointer (&book_path, g_free);
}

/* A book from before step 6 is updated on opening: the planning tables
 * appear, a backup is kept, and the book is sound. */
static void
test_migration_6 (void)
{
  g_autofree char *dir = test_make_dir ();
  sqlite3 *db;

  book_path = g_build_filename (dir, "shop.daftari", NULL);
  setup_book ();
  db = test_db_open (book_path);
  test_sql_exec (db, "DROP TABLE wallet_flow_month;"
                     " DROP TABLE anomaly_dismissal; DROP TABLE budget; DROP TABLE schedule_post;"
                     " DROP TABLE schedule; PRAGMA user_version = 5;");
  sqlite3_close (db);
  g_assert_cmpint (test_db_int (book_path, "PRAGMA user_version"), ==, 5);
  {
    g_auto(TestRun) list = test_run (book_path, "schedule", "list", NULL);
    g_auto(TestRun) add = test_run (book_path, "budget", "set", "Rent", "100", NULL);
    g_auto(TestRun) check = test_run (book_path, "check", NULL);
    test_run_assert_status (&list, 0);
    g_assert_nonnull (strstr (list.err, "new format"));
    test_run_assert_status (&add, 0);
    test_run_assert_status (&check, 0);
  }
  g_assert_cmpint (test_db_int (book_path, "PRAGMA user_version"), ==, daftari_schema_latest_version ());
  g_assert_cmpint (test_db_int (book_path, "SELECT count (*) FROM budget"), ==, 1);
  g_assert_cmpint (test_db_int (book_path, "SELECT count (*) FROM sqlite_master WHERE name = 'schedule_post'"),
                   ==, 1);
  test_remove_dir (dir);
  g_clear_pointer (&book_path, g_free);
}

int
main (int argc, char **argv)
{
  test_common_init (&argc, &argv);
  g_test_add_func ("/plan/cli/schedule", test_schedule);
  g_test_add_func ("/plan/cli/budget", test_budget);
  g_test_add_func ("/plan/cli/anomalies", test_anomalies);
  g_test_add_func ("/plan/cli/migration-6", test_migration_6);
  return g_test_run ();
}
