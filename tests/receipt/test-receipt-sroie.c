/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `daftari-cli receipt-eval` on the first receipts of ../shared's SROIE
 * set, when it is there: accuracies above a floor (the full figures are in
 * docs/receipts.md). Skips (77) without the data. */
#include <json-glib/json-glib.h>

#define N_RECEIPTS "8"

int
main (int argc, char **argv)
{
  const char *shared = g_getenv ("DAFTARI_SHARED_DATA");
  const char *cli = g_getenv ("DAFTARI_CLI");
  g_autofree char *dir = shared != NULL ? g_build_filename (shared, "sroie-dev", NULL) : NULL;
  g_autofree char *keys = dir != NULL ? g_build_filename (dir, "key", NULL) : NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *o;

  g_print ("1..1\n");
  if (cli == NULL || keys == NULL || !g_file_test (keys, G_FILE_TEST_IS_DIR))
    {
      g_print ("# skipped: the SROIE receipts (DAFTARI_SHARED_DATA/sroie-dev) are not here\n");
      return 77;
    }
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error, cli, "--json",
                              "receipt-eval", dir, "--limit", N_RECEIPTS, "--no-baseline", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  o = json_node_get_object (json_parser_get_root (parser));
  g_print ("# %s", out);
  g_assert_cmpint (json_object_get_int_member (o, "receipts"), ==, g_ascii_strtoll (N_RECEIPTS, NULL, 10));
  /* Floors just under what the reader scores today on these receipts
   * (0.75, 0.75, 0.5: 6, 6 and 4 of 8), to catch a regression; the targets
   * of the issue are not met yet (docs/receipts.md). */
  g_assert_cmpfloat (json_object_get_double_member (o, "total_accuracy"), >=, 0.7);
  g_assert_cmpfloat (json_object_get_double_member (o, "date_accuracy"), >=, 0.7);
  g_assert_cmpfloat (json_object_get_double_member (o, "merchant_accuracy"), >=, 0.45);
  g_assert_cmpfloat (json_object_get_double_member (o, "median_seconds"), >, 0);
  g_print ("ok 1 /receipt/sroie/first-" N_RECEIPTS "\n");
  return 0;
}
