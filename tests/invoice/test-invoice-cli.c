/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The invoice, customer and report commands end to end, through the real
 * daftari-test_run (book_path, DAFTARI_CLI) on a book in a temporary folder. */
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "test-common.h"
#include "test-run-cli.h"

static char *book_path;

static char *
ok (TestRun run)
{
  if (run.status != 0)
    g_error ("exit %d\nstdout: %s\nstderr: %s", run.status, run.out, run.err);
  g_free (run.err);
  return g_strstrip (run.out);
}

static void
refused (TestRun run, int status, const char *says)
{
  if (run.status != status || strstr (run.err, says) == NULL)
    g_error ("exit %d (wanted %d), stderr “%s” should say “%s”", run.status, status, run.err, says);
  test_run_clear (&run);
}

static JsonObject *
json_of (const char *text, JsonNode **out_node)
{
  g_autoptr(GError) error = NULL;
  *out_node = json_from_string (text, &error);
  g_assert_no_error (error);
  return json_node_get_object (*out_node);
}

static void
test_end_to_end (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *id = NULL, *number = NULL, *shown = NULL, *listed = NULL, *aging = NULL, *pdf = NULL;
  g_autofree char *pdf_path = g_build_filename (dir, "inv.pdf", NULL);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *invoice;

  book_path = g_build_filename (dir, "book.daftari", NULL);
  g_free (ok (test_run (book_path, "init", "--business", "Duka la Amina", NULL)));
  g_free (ok (test_run (book_path, "account", "add", "M-PESA", "--kind", "mpesa", NULL)));
  g_free (ok (test_run (book_path, "customer", "add", "Baraka Hardware", "--phone", "+254 712 345 678", "--kra-pin",
                   "P051234567Q", "--email", "b@hw.co.ke", "--address", "Nakuru", NULL)));
  refused (test_run (book_path, "customer", "add", "Bad phone", "--phone", "0612345678", NULL), 1, "mobile number");
  refused (test_run (book_path, "customer", "add", "Bad pin", "--kra-pin", "123", NULL), 1, "KRA PIN");
  refused (test_run (book_path, "customer", "add", "Baraka Hardware", NULL), 1, "already");
  g_free (ok (test_run (book_path, "invoice", "settings", "--paybill", "123456", NULL)));

  id = ok (test_run (book_path, "invoice", "create", "--customer", "Baraka Hardware",
                "--line", "Cement 50kg|10|750|16", "--line", "Delivery|1|500|exempt",
                "--line", "Nails|2.5|180.10|16|10%", "--discount", "200", "--due", "14", NULL));
  g_assert_cmpstr (id, ==, "1");
  refused (test_run (book_path, "invoice", "create", "--customer", "Nobody", "--line", "X|1|1|16", NULL), 1, "no customer");
  refused (test_run (book_path, "invoice", "create", "--customer", "Baraka Hardware", "--line", "X|1|1|15", NULL), 1, "VAT rate");
  refused (test_run (book_path, "invoice", "create", "--customer", "Baraka Hardware", NULL), 2, "--line");
  refused (test_run (book_path, "invoice", "pay", "1", "M-PESA", "10", NULL), 1, "draft");

  number = ok (test_run (book_path, "invoice", "issue", id, NULL));
  g_assert_true (g_str_has_prefix (number, "INV-20"));
  g_assert_true (g_str_has_suffix (number, "-0001"));
  refused (test_run (book_path, "invoice", "issue", id, NULL), 1, "already been issued");

  /* Lines: 7,500.00; 500.00; 2.5 × 180.10 = 450.25 − 10% (45.03) = 405.22.
   * Discount 200 shared 7500:500:405.22 of 8,405.22 → 178.46, 11.90, 9.64;
   * nets 7,321.54, 488.10, 395.58; VAT 1,171.45 + 63.29 = 1,234.74. */
  shown = ok (test_run (book_path, "invoice", "show", number, "--json", NULL));
  invoice = json_of (shown, &node);
  g_assert_cmpstr (json_object_get_string_member (invoice, "status"), ==, "sent");
  g_assert_cmpstr (json_object_get_string_member (invoice, "subtotal"), ==, "8205.22");
  g_assert_cmpstr (json_object_get_string_member (invoice, "vat"), ==, "1234.74");
  g_assert_cmpstr (json_object_get_string_member (invoice, "total"), ==, "9439.96");
  g_assert_cmpstr (json_object_get_string_member (invoice, "exempt"), ==, "488.10");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (invoice, "lines")), ==, 3);

  g_free (ok (test_run (book_path, "invoice", "pay", number, "M-PESA", "5,000", NULL)));
  listed = ok (test_run (book_path, "invoice", "list", "--status", "partial", "--json", NULL));
  g_assert_nonnull (strstr (listed, number));
  g_free (ok (test_run (book_path, "invoice", "pay", number, "M-PESA", "5000", NULL)));
  g_clear_pointer (&shown, g_free);
  g_clear_pointer (&node, json_node_unref);
  shown = ok (test_run (book_path, "invoice", "show", id, "--json", NULL));
  invoice = json_of (shown, &node);
  g_assert_cmpstr (json_object_get_string_member (invoice, "status"), ==, "paid");
  g_assert_cmpstr (json_object_get_string_member (invoice, "balance"), ==, "0.00");
  g_assert_cmpstr (json_object_get_string_member (invoice, "paid"), ==, "9439.96");

  aging = ok (test_run (book_path, "report", "aging", "--json", NULL));
  g_assert_nonnull (strstr (aging, "\"dso_days\""));
  pdf = ok (test_run (book_path, "invoice", "pdf", number, "-o", pdf_path, NULL));
  g_assert_true (g_file_test (pdf_path, G_FILE_TEST_EXISTS));

  g_free (ok (test_run (book_path, "invoice", "void", number, NULL)));
  refused (test_run (book_path, "invoice", "void", number, NULL), 1, "already void");
  g_free (ok (test_run (book_path, "check", NULL)));
  g_free (ok (test_run (book_path, "customer", "list", NULL)));
  g_free (ok (test_run (book_path, "customer", "show", "Baraka Hardware", NULL)));
  test_remove_dir (dir);
  g_clear_pointer (&book_path, g_free);
}

int
main (int argc, char **argv)
{
  test_common_init (&argc, &argv);
  if (g_getenv ("DAFTARI_CLI") == NULL)
    return 77;
  g_test_add_func ("/invoice/cli/end-to-end", test_end_to_end);
  return g_test_run ();
}
