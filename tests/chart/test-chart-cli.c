/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftari-cli chart, end to end: a book made through the CLI, charts
 * written by it and read back (SVG shapes, the description of the data).
 * The CLI's path is the first argument. */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "chart-svg.h"

#define BLUE   0x0072B2
#define ORANGE 0xE69F00

static char *cli_path;
static char *work_dir;
static char *book_path;

/* Runs the CLI on the test's book with args (NULL-terminated); returns its
 * exit status, and what it printed when out_stdout is given. */
static int
run_args (char **out_stdout, const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, cli_path);
  g_ptr_array_add (argv, (char *) "--book");
  g_ptr_array_add (argv, book_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (work_dir, (char **) argv->pdata, NULL,
                out_stdout != NULL ? G_SPAWN_DEFAULT : G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, out_stdout, &err,
                &wait_status, &error);
  g_assert_no_error (error);
  if (err != NULL && *err != '\0')
    g_test_message ("stderr: %s", err);
  return WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

#define ARGS(...) ((const char *const[]) { __VA_ARGS__, NULL })
#define RUN_OK(...) g_assert_cmpint (run_args (NULL, ARGS (__VA_ARGS__)), ==, 0)

/* Three months of a shop from an opening of 30,000: sales of 60,000, 120,000 and 30,000; rent of
 * 20,000 each month and stock of 40,000 in February. */
static void
make_book (void)
{
  RUN_OK ("init", "--business", "Duka la Chart");
  RUN_OK ("account", "add", "M-PESA", "--kind", "mpesa", "--opening", "30,000", "--date", "2025-01-01");
  RUN_OK ("record", "income", "M-PESA", "60,000", "--category", "Sales", "--date", "2025-01-10");
  RUN_OK ("record", "income", "M-PESA", "120,000", "--category", "Sales", "--date", "2025-02-10");
  RUN_OK ("record", "income", "M-PESA", "30,000", "--category", "Sales", "--date", "2025-03-10");
  RUN_OK ("record", "expense", "M-PESA", "20,000", "--category", "Rent", "--date", "2025-01-05");
  RUN_OK ("record", "expense", "M-PESA", "20,000", "--category", "Rent", "--date", "2025-02-05");
  RUN_OK ("record", "expense", "M-PESA", "20,000", "--category", "Rent", "--date", "2025-03-05");
  RUN_OK ("record", "expense", "M-PESA", "40,000", "--category", "Stock purchases", "--date", "2025-02-20");
}

/* Runs a chart command with --json; returns its result object. */
static JsonObject *
run_chart (JsonParser *parser, const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (char *) "--json");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_cmpint (run_args (&out, (const char *const *) argv->pdata), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static double
height_of (GArray *paths, guint i)
{
  const SvgPath *p = &g_array_index (paths, SvgPath, i);

  return p->bottom - p->top;
}

static void
test_bars (void)
{
  g_autofree char *path = g_build_filename (work_dir, "bars.svg", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *result = run_chart (parser, ARGS ("chart", "bars", "--from", "2025-01-01", "--to", "2025-03-31",
                                                "-o", path));
  g_autoptr(SvgChart) svg = svg_chart_parse_file (path);
  g_autoptr(GArray) income = svg_chart_fills (svg, BLUE);
  g_autoptr(GArray) expense = svg_chart_fills (svg, ORANGE);

  g_assert_cmpint (json_object_get_int_member (result, "items"), ==, 6);
  g_assert_nonnull (strstr (json_object_get_string_member (result, "description"),
                            "Income KES 210,000.00 in all, expense KES 100,000.00"));
  /* Three bars and the legend's swatch each; the swatch comes first. */
  g_assert_cmpuint (income->len, ==, 4);
  g_assert_cmpuint (expense->len, ==, 4);
  g_assert_cmpfloat_with_epsilon (height_of (income, 2) / height_of (income, 1), 2.0, 0.01);
  g_assert_cmpfloat_with_epsilon (height_of (income, 3) / height_of (income, 1), 0.5, 0.01);
  g_assert_cmpfloat_with_epsilon (height_of (expense, 2) / height_of (expense, 1), 3.0, 0.01);
  g_assert_cmpfloat_with_epsilon (height_of (expense, 1) / height_of (income, 1), 1.0 / 3, 0.01);
}

static void
test_categories (void)
{
  g_autofree char *path = g_build_filename (work_dir, "categories.png", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *result = run_chart (parser, ARGS ("chart", "categories", "--from", "2025-01-01", "--to",
                                                "2025-03-31", "-o", path, "--width", "800", "--height", "400"));
  cairo_surface_t *png = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (json_object_get_int_member (result, "items"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (result, "description"), ==,
                   "Spending by category. Donut chart of KES 100,000.00 by category: "
                   "Rent KES 60,000.00 (60.0%); Stock purchases KES 40,000.00 (40.0%).");
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 400);
  cairo_surface_destroy (png);
}

static void
test_balance (void)
{
  g_autofree char *path = g_build_filename (work_dir, "balance.pdf", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *result = run_chart (parser, ARGS ("chart", "balance", "--wallet", "M-PESA", "--from", "2025-01-01",
                                                "--to", "2025-03-31", "--months", "2", "-o", path));
  const char *description = json_object_get_string_member (result, "description");
  g_autofree char *head = NULL;

  /* 90 days, then the ends of April and May. */
  g_assert_cmpint (json_object_get_int_member (result, "items"), ==, 92);
  /* 30,000 + 210,000 − 100,000 at the end; the lowest after January's rent. */
  g_assert_nonnull (strstr (description, "to 2025-03-31 (KES 140,000.00)"));
  g_assert_nonnull (strstr (description, "lowest KES 10,000.00 on 2025-01-05"));
  g_assert_nonnull (strstr (description, "Forecast for 2025-05-31"));
  g_assert_true (g_file_get_contents (path, &head, NULL, NULL));
  g_assert_true (g_str_has_prefix (head, "%PDF-"));
}

#if __has_include ("daftari-budget.h")
/* Budgets from the planning area: Rent over its March budget, stock under. */
static void
test_budget (void)
{
  g_autofree char *path = g_build_filename (work_dir, "budget.svg", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *result;
  g_autoptr(SvgChart) svg = NULL;
  g_autoptr(GArray) over = NULL;

  RUN_OK ("budget", "set", "Rent", "15,000", "--month", "2025-03");
  RUN_OK ("budget", "set", "Stock purchases", "30,000");
  result = run_chart (parser, ARGS ("chart", "budget", "--to", "2025-03-31", "-o", path));
  g_assert_cmpint (json_object_get_int_member (result, "items"), ==, 2);
  g_assert_nonnull (strstr (json_object_get_string_member (result, "description"),
                            "Over budget: Rent (KES 20,000.00 of KES 15,000.00)."));
  svg = svg_chart_parse_file (path);
  over = svg_chart_fills (svg, 0xD55E00);
  g_assert_cmpuint (over->len, ==, 2);   /* Rent's bar and the legend's swatch */
}
#endif

static void
test_refusals (void)
{
  g_autofree char *jpeg = g_build_filename (work_dir, "chart.jpg", NULL);

  g_assert_cmpint (run_args (NULL, ARGS ("chart", "bars", "-o", jpeg)), ==, 1);
  g_assert_false (g_file_test (jpeg, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run_args (NULL, ARGS ("chart", "pie", "-o", "x.png")), ==, 2);
  g_assert_cmpint (run_args (NULL, ARGS ("chart", "bars")), ==, 2);
  g_assert_cmpint (run_args (NULL, ARGS ("chart", "bars", "--from", "2025-03-01", "--to", "2025-01-01",
                                         "-o", "x.png")), ==, 1);
  g_assert_cmpint (run_args (NULL, ARGS ("chart", "balance", "--wallet", "Rent", "-o", "x.png")), ==, 1);
  g_assert_false (g_file_test ("x.png", G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    {
      g_printerr ("usage: test-chart-cli PATH-TO-DAFTARI-CLI\n");
      return 2;
    }
  cli_path = argv[1];
  work_dir = g_dir_make_tmp ("daftari-chart-cli-XXXXXX", &error);
  g_assert_no_error (error);
  book_path = g_build_filename (work_dir, "shop.daftari", NULL);
  make_book ();
  g_test_add_func ("/chart-cli/bars", test_bars);
  g_test_add_func ("/chart-cli/categories", test_categories);
  g_test_add_func ("/chart-cli/balance", test_balance);
#if __has_include ("daftari-budget.h")
  g_test_add_func ("/chart-cli/budget", test_budget);
#endif
  g_test_add_func ("/chart-cli/refusals", test_refusals);
  status = g_test_run ();
  {
    g_autoptr(GDir) dir = g_dir_open (work_dir, 0, NULL);
    const char *name;
    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *file = g_build_filename (work_dir, name, NULL);
        g_unlink (file);
      }
  }
  g_rmdir (work_dir);
  return status;
}
