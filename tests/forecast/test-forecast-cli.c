/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftari-cli forecast-eval and forecast, end to end, on data the test
 * makes itself. The CLI's path is the first argument. */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>

static char *cli_path;
static char *work_dir;

/* Runs the CLI; returns its exit status and what it printed. */
static int
run_cli (char **out_stdout, const char *first, ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  va_list ap;
  int wait_status = 0;

  g_ptr_array_add (args, (char *) cli_path);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (work_dir, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out_stdout,
                &err, &wait_status, &error);
  g_assert_no_error (error);
  if (err != NULL && *err != '\0')
    g_test_message ("stderr: %s", err);
  return WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

/* Eight short monthly series in the M3 format: trends, seasons, a flat
 * one, an intermittent one, one with a missing value. */
static char *
write_fixture (void)
{
  g_autoptr(GString) csv = g_string_new ("series,category,start_year,start_month,horizon,train,test\n");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (work_dir, "fixture.csv", NULL);

  for (guint s = 0; s < 8; s++)
    {
      guint n = 30 + 6 * s;

      g_string_append_printf (csv, "T%u,%s,2015,1,6,", s, s % 2 ? "RETAIL" : "SERVICES");
      for (guint t = 0; t < n + 6; t++)
        {
          double v;

          switch (s)
            {
            case 0: v = 1000 + 10 * t; break;
            case 1: v = 500 * (1 + 0.3 * sin (2 * G_PI * t / 12)) + 3 * t; break;
            case 2: v = 800; break;
            case 3: v = t % 4 == 0 ? 250 : 0; break;
            default: v = 2000 + 300 * sin (t * 1.7 + s) + 20 * t; break;
            }
          if (t == n)
            g_string_append_c (csv, ',');
          else if (t > 0)
            g_string_append_c (csv, ' ');
          if (s == 7 && t == 5)
            g_string_append (csv, "NA");
          else
            g_string_append_printf (csv, "%.2f", v);
        }
      g_string_append_c (csv, '\n');
    }
  g_file_set_contents (path, csv->str, -1, &error);
  g_assert_no_error (error);
  return path;
}

static double
member_double (JsonObject *object, const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  return json_object_get_double_member (object, name);
}

static void
test_eval_json (void)
{
  g_autofree char *fixture = write_fixture ();
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *methods;

  g_assert_cmpint (run_cli (&out, "forecast-eval", fixture, "--json", NULL), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpstr (json_object_get_string_member (root, "method"), ==, "combined");
  g_assert_cmpfloat (member_double (root, "smape"), >, 0);
  g_assert_cmpfloat (member_double (root, "smape"), <, 50);
  g_assert_cmpfloat (member_double (root, "mase"), >, 0);
  g_assert_cmpfloat (member_double (root, "mase"), <, 10);
  g_assert_cmpfloat (member_double (root, "coverage80"), >=, 0);
  g_assert_cmpfloat (member_double (root, "coverage80"), <=, member_double (root, "coverage95"));
  g_assert_cmpfloat (member_double (root, "coverage95"), <=, 1);
  g_assert_cmpfloat (member_double (root, "seconds"), >=, 0);
  g_assert_cmpint (json_object_get_int_member (root, "series"), ==, 8);

  methods = json_object_get_array_member (root, "methods");
  g_assert_cmpuint (json_array_get_length (methods), >, 1);
  for (guint i = 0; i < json_array_get_length (methods); i++)
    {
      JsonObject *m = json_array_get_object_element (methods, i);
      JsonArray *categories = json_object_get_array_member (m, "categories");

      g_assert_cmpuint (json_array_get_length (categories), ==, 2);
      g_assert_cmpfloat (member_double (m, "smape"), <, 200);
    }
}

static void
test_eval_text_and_errors (void)
{
  g_autofree char *fixture = write_fixture ();
  g_autofree char *out = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *out3 = NULL;
  g_autofree char *bad = g_build_filename (work_dir, "bad.csv", NULL);

  g_assert_cmpint (run_cli (&out, "forecast-eval", fixture, "--method", "all", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "hw-multiplicative"));
  g_assert_nonnull (strstr (out, "RETAIL"));
  g_assert_cmpint (run_cli (&out2, "forecast-eval", fixture, "--method", "arima", NULL), ==, 2);
  g_assert_cmpint (run_cli (&out3, "forecast-eval", "no-such-file.csv", NULL), ==, 3);
  g_file_set_contents (bad, "series,category,start_year,start_month,horizon,train,test\nX,Y,1,1,2,1 2 x,3 4\n", -1, NULL);
  g_clear_pointer (&out3, g_free);
  g_assert_cmpint (run_cli (&out3, "forecast-eval", bad, NULL), ==, 1);
}

/* A demo book of a few months; the Sales category forecast. */
static void
test_forecast_book (void)
{
  g_autofree char *book = g_build_filename (work_dir, "demo.daftari", NULL);
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autofree char *ignored = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *months;

  g_assert_cmpint (run_cli (&ignored, "--book", book, "demo", "--transactions", "3000", NULL), ==, 0);
  g_assert_cmpint (run_cli (&out, "--book", book, "forecast", "Sales", "--months", "6", "--json", NULL), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "currency"), ==, "KES");
  months = json_object_get_array_member (root, "forecast");
  g_assert_cmpuint (json_array_get_length (months), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      JsonObject *m = json_array_get_object_element (months, i);
      gint64 mean = json_object_get_int_member (m, "mean_minor");

      g_assert_cmpint (json_object_get_int_member (m, "lo95_minor"), <=, json_object_get_int_member (m, "lo80_minor"));
      g_assert_cmpint (json_object_get_int_member (m, "lo80_minor"), <=, mean);
      g_assert_cmpint (mean, <=, json_object_get_int_member (m, "hi80_minor"));
      g_assert_cmpint (json_object_get_int_member (m, "hi80_minor"), <=, json_object_get_int_member (m, "hi95_minor"));
      /* Sales do not go below zero. */
      g_assert_cmpint (json_object_get_int_member (m, "lo95_minor"), >=, 0);
      g_assert_nonnull (json_object_get_string_member (m, "month"));
    }

  g_assert_cmpint (run_cli (&text, "--book", book, "forecast", "Sales", "--months", "3", NULL), ==, 0);
  g_assert_nonnull (strstr (text, "KES"));
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (run_cli (&text, "--book", book, "forecast", "Sales", NULL), ==, 2);
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (run_cli (&text, "--book", book, "forecast", "No such account", "--months", "3", NULL), ==, 1);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    {
      g_printerr ("usage: %s PATH-TO-DAFTARI-CLI\n", argv[0]);
      return 1;
    }
  /* Meson passes it relative to the build directory, where we start. */
  cli_path = g_canonicalize_filename (argv[1], NULL);
  work_dir = g_dir_make_tmp ("daftari-forecast-cli-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/forecast/cli/eval-json", test_eval_json);
  g_test_add_func ("/forecast/cli/eval-text", test_eval_text_and_errors);
  g_test_add_func ("/forecast/cli/forecast-book", test_forecast_book);
  status = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (work_dir, 0, NULL);
    const char *name;

    while (dir && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (work_dir, name, NULL);
        g_remove (path);
      }
    g_rmdir (work_dir);
  }
  g_free (work_dir);
  g_free (cli_path);
  return status;
}
