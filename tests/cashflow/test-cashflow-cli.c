/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cashflow and cashflow-eval end to end through the real daftari-cli
 * (DAFTARI_CLI) on the synthetic business, their --json read back. */
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cashflow-fixture.h"
#include "test-run-cli.h"

static CashflowFixture *fixture;

static void
test_forecast_json (void)
{
  g_auto(TestRun) run = test_run (fixture->tb->path, "--json", "cashflow", "--from", "2026-01-01", "--months", "2", NULL);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *o, *first;
  JsonArray *days;
  gint64 mean;

  test_run_assert_status (&run, 0);
  o = test_run_json (&run, &node);
  days = json_object_get_array_member (o, "days");
  g_assert_cmpuint (json_array_get_length (days), ==, 31 + 28);
  g_assert_cmpstr (json_object_get_string_member (o, "from"), ==, "2026-01-01");
  g_assert_cmpstr (json_object_get_string_member (o, "to"), ==, "2026-02-28");
  first = json_array_get_object_element (days, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "day"), ==, "2026-01-01");
  g_assert_cmpint (json_object_get_int_member (first, "scheduled"), ==, -FIXTURE_RENT);
  mean = json_object_get_int_member (first, "mean");
  g_assert_cmpint (mean, ==, json_object_get_int_member (o, "opening_minor") + json_object_get_int_member (first, "scheduled") +
                             json_object_get_int_member (first, "invoices") + json_object_get_int_member (first, "baseline"));
  g_assert_cmpint (json_object_get_int_member (first, "lo95"), <=, json_object_get_int_member (first, "lo80"));
  g_assert_cmpint (json_object_get_int_member (first, "hi95"), >=, json_object_get_int_member (first, "hi80"));
  g_assert_true (json_object_get_null_member (o, "likely_below"));
  g_assert_cmpint (json_object_get_int_member (o, "invoices_minor"), ==,
                   fixture->a_open_owed + fixture->b_open_owed + fixture->c_open_owed + fixture->a_overdue_owed);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "items")), >, 4);
}

static void
test_floor (void)
{
  g_auto(TestRun) set = test_run (fixture->tb->path, "--json", "cashflow", "--set-floor", "2000000", NULL);
  g_auto(TestRun) text = test_run (fixture->tb->path, "cashflow", "--from", "2026-01-01", "--months", "1", NULL);
  g_auto(TestRun) once = test_run (fixture->tb->path, "--json", "cashflow", "--from", "2026-01-01", "--floor", "0", NULL);
  g_auto(TestRun) bad = test_run (fixture->tb->path, "cashflow", "--set-floor", "lots", NULL);
  g_autoptr(JsonNode) set_node = NULL, once_node = NULL;

  test_run_assert_status (&set, 0);
  g_assert_cmpint (json_object_get_int_member (test_run_json (&set, &set_node), "floor_minor"), ==, 200000000);
  g_assert_cmpint (test_db_int (fixture->tb->path, "SELECT value FROM setting WHERE key = 'cashflow-floor'"), ==,
                   200000000);
  /* Above everything the business holds: below it at once. */
  test_run_assert_status (&text, 0);
  g_assert_nonnull (strstr (text.out, "Likely to fall below KES 2,000,000.00 on 2026-01-01"));
  g_assert_nonnull (strstr (text.out, "2026-01-07"));
  test_run_assert_status (&once, 0);
  g_assert_true (json_object_get_null_member (test_run_json (&once, &once_node), "likely_below"));
  test_run_assert_status (&bad, 1);
  {
    g_auto(TestRun) reset = test_run (fixture->tb->path, "cashflow", "--set-floor", "0", NULL);
    test_run_assert_status (&reset, 0);
  }
}

static void
test_usage_and_eval (void)
{
  g_auto(TestRun) months = test_run (fixture->tb->path, "cashflow", "--months", "9", NULL);
  g_auto(TestRun) wallet = test_run (fixture->tb->path, "cashflow", "--wallet", "Nowhere", NULL);
  g_auto(TestRun) category = test_run (fixture->tb->path, "cashflow", "--wallet", "Sales", NULL);
  g_auto(TestRun) eval = test_run (fixture->tb->path, "--json", "cashflow-eval", "--months", "1", NULL);
  g_auto(TestRun) too_long = test_run (fixture->tb->path, "cashflow-eval", "--wallet", "Cash", NULL);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *o;

  test_run_assert_status (&months, 2);
  test_run_assert_status (&wallet, 1);
  test_run_assert_status (&category, 1);
  g_assert_nonnull (strstr (category.err, "not a wallet"));
  test_run_assert_status (&eval, 0);
  o = test_run_json (&eval, &node);
  g_assert_cmpint (json_object_get_int_member (o, "origins"), ==, 6);
  g_assert_cmpfloat (json_object_get_double_member (o, "coverage95"), >=, json_object_get_double_member (o, "coverage80"));
  g_assert_cmpfloat (json_object_get_double_member (o, "mae"), >, 0);
  test_run_assert_status (&too_long, 1);
  g_assert_nonnull (strstr (too_long.err, "too short"));
}

int
main (int argc, char **argv)
{
  int status;

  test_common_init (&argc, &argv);
  fixture = cashflow_fixture_new ();
  g_test_add_func ("/cashflow-cli/forecast-json", test_forecast_json);
  g_test_add_func ("/cashflow-cli/floor", test_floor);
  g_test_add_func ("/cashflow-cli/usage-and-eval", test_usage_and_eval);
  status = g_test_run ();
  cashflow_fixture_free (fixture);
  return status;
}
