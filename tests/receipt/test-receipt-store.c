/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saving receipts into a real book: one transaction, images stored once,
 * the ledger's rules applied, nothing written when refused; and
 * `daftari-cli receipt save` end to end. */
#include <glib/gstdio.h>
#include <string.h>

#include "daftari-receipt.h"
#include "test-run-cli.h"
#include "receipt-render.h"
#include "test-common.h"

static GBytes *
some_image (const char *text)
{
  RenderStyle style = { .font = "DejaVu Sans Mono" };

  return render_receipt_draw (text, &style);
}

static DaftariReceiptSave
spec_for (TestBook *tb, gint64 wallet, gint64 amount, GBytes *image)
{
  return (DaftariReceiptSave) {
    .wallet_id = wallet, .category_id = tb->other, .amount = amount, .ts = test_day (tb->book, 3),
    .memo = "DUKA LTD", .image = image, .mime = "image/png", .name = "duka.png", .details = "{}",
  };
}

static void
test_save_and_dedup (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GBytes) image = some_image ("DUKA LTD\nTOTAL 120.00\n");
  g_autoptr(GBytes) other_image = some_image ("DUKA LTD\nTOTAL 80.00\n");
  DaftariReceiptSave spec = spec_for (tb, tb->mpesa, 12000, image);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GBytes) back = NULL;
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, image);
  gint64 balance = test_balance (tb->book, tb->mpesa);
  gint64 txn1 = 0, txn2 = 0, txn3 = 0, a1 = 0, a2 = 0, a3 = 0;
  DaftariAttachment *a;

  g_assert_true (daftari_receipt_save (tb->book, &spec, &txn1, &a1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_balance (tb->book, tb->mpesa), ==, balance - 12000);
  /* The same bytes again are refused, saying what was saved... */
  g_assert_false (daftari_receipt_save (tb->book, &spec, &txn2, &a2, &error));
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "KES 120.00"));
  g_assert_nonnull (strstr (error->message, "M-PESA"));
  g_clear_error (&error);
  g_assert_cmpint (test_balance (tb->book, tb->mpesa), ==, balance - 12000);
  /* ...unless the owner paid twice: a second expense, the same stored image. */
  spec.again = TRUE;
  g_assert_true (daftari_receipt_save (tb->book, &spec, &txn2, &a2, &error));
  g_assert_no_error (error);
  spec = spec_for (tb, tb->mpesa, 8000, other_image);
  g_assert_true (daftari_receipt_save (tb->book, &spec, &txn3, &a3, &error));
  g_assert_cmpint (txn1, !=, txn2);
  g_assert_cmpint (a1, ==, a2);
  g_assert_cmpint (a3, !=, a1);
  g_assert_cmpint (test_db_int (tb->path, "SELECT count(*) FROM attachment"), ==, 2);
  g_assert_cmpint (test_db_int (tb->path, "SELECT count(*) FROM txn_attachment"), ==, 3);

  list = daftari_receipt_list_attachments (tb->book, txn2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  a = g_ptr_array_index (list, 0);
  g_assert_cmpint (a->id, ==, a1);
  g_assert_cmpstr (a->sha256, ==, sha);
  g_assert_cmpstr (a->mime, ==, "image/png");
  g_assert_cmpstr (a->name, ==, "duka.png");
  g_assert_cmpint (a->size, ==, (gint64) g_bytes_get_size (image));
  back = daftari_receipt_attachment_bytes (tb->book, a->id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, image));
  g_assert_null (daftari_receipt_attachment_bytes (tb->book, 9999, &error));
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Once its expenses are voided, the receipt may be saved again. */
  g_assert_true (daftari_ledger_void (tb->book, txn1, &error));
  g_assert_true (daftari_ledger_void (tb->book, txn2, &error));
  spec = spec_for (tb, tb->mpesa, 12000, image);
  g_assert_true (daftari_receipt_save (tb->book, &spec, NULL, NULL, &error));
  g_assert_no_error (error);
  test_assert_balanced (tb->path);
}

/* Refused by a rule or by bad input: the book is byte for byte as it was. */
static void
test_refused_writes_nothing (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GBytes) image = some_image ("DUKA LTD\nTOTAL 120.00\n");
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  gint64 btc = test_add_wallet (tb->book, "Bitcoin", DAFTARI_ACCOUNT_CRYPTO, "BTC", 0, 0, FALSE);
  g_autofree char *before = test_db_dump (tb->path);
  g_autofree char *after = NULL;

  {
  struct { gint64 wallet; gint64 amount; GBytes *image; GQuark domain; int code; } cases[] = {
    /* A receipt's KES 120.00 is not 120 bitcoin. */
    { btc, 12000, image, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID },
    { tb->cash, 12000, image, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_OVERDRAFT },
    { tb->kcb, (gint64) (DAFTARI_DEFAULT_LIMIT_UNITS + 1) * 100, image, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_LIMIT },
    { tb->mpesa, 12000, empty, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID },
    { tb->mpesa, 0, image, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      DaftariReceiptSave spec = spec_for (tb, cases[i].wallet, cases[i].amount, cases[i].image);
      g_autoptr(GError) error = NULL;
      gint64 txn = -1;

      g_assert_false (daftari_receipt_save (tb->book, &spec, &txn, NULL, &error));
      g_assert_error (error, cases[i].domain, cases[i].code);
      g_assert_cmpint (txn, ==, -1);
    }
  }
  after = test_db_dump (tb->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_suggest_category (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  const struct { const char *merchant; const char *category; } cases[] = {
    { "KOBIL PETROL STATION", "Fuel" },
    { "Mama Oliech Restaurant", "Food" },
    { "KPLC PREPAID TOKENS", "Electricity (KPLC)" },
    { "JIRANI WHOLESALERS LTD", "Stock purchases" },
    { "ACME LTD", "Other expenses" },
    { NULL, "Other expenses" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 id = daftari_receipt_suggest_category (tb->book, cases[i].merchant, &error);

      g_assert_no_error (error);
      g_assert_cmpint (id, ==, test_account_id (tb->book, cases[i].category));
    }

  /* Once the owner has filed a receipt from a merchant, the next one from
   * it goes where the owner put it, whatever its words say. */
  {
    g_autoptr(GBytes) image = some_image ("ACME LTD\nTOTAL 120.00\n");
    DaftariReceiptSave spec = spec_for (tb, tb->mpesa, 12000, image);
    g_autoptr(GError) error = NULL;
    gint64 stock = test_account_id (tb->book, "Stock purchases");

    spec.memo = "ACME LTD";
    spec.category_id = stock;
    g_assert_true (daftari_receipt_save (tb->book, &spec, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (daftari_receipt_suggest_category (tb->book, "Acme Ltd", &error), ==, stock);
    g_assert_cmpint (daftari_receipt_suggest_category (tb->book, "ACME PETROL", &error), ==,
                     test_account_id (tb->book, "Fuel"));
    g_assert_no_error (error);
  }
}

/* $DAFTARI_CLI --book BOOK ARGS…, through the import tests' helper. */
static int
run_cli (const char *book, char **out, const char *args0, const char *args1, const char *args2, const char *args3,
         const char *args4, const char *args5)
{
  g_autofree char *err = NULL;
  int status = test_run_cli (book, out, &err, args0, args1, args2, args3, args4, args5, NULL);

  g_test_message ("stderr: %s", err);
  return status;
}

/* For a CLI test: a test book and, in its directory, receipt.png drawn
 * from seed (*receipt: what it says). FALSE, the test skipped, when the
 * CLI's path is not given. */
static gboolean
cli_book_with_receipt (guint32 seed, TestBook **tb, RenderedReceipt **receipt, char **image)
{
  RenderStyle style = { .font = "DejaVu Sans Mono" };
  g_autoptr(GBytes) png = NULL;

  if (g_getenv ("DAFTARI_CLI") == NULL)
    {
      g_test_skip ("DAFTARI_CLI is not set");
      return FALSE;
    }
  *tb = test_book_new ();
  *receipt = render_receipt_new (seed);
  png = render_receipt_draw ((*receipt)->text, &style);
  *image = g_build_filename ((*tb)->dir, "receipt.png", NULL);
  g_assert_true (g_file_set_contents (*image, g_bytes_get_data (png, NULL), (gssize) g_bytes_get_size (png), NULL));
  return TRUE;
}

static void
test_cli_save (void)
{
  g_autoptr(TestBook) tb = NULL;
  g_autoptr(RenderedReceipt) r = NULL;
  g_autofree char *image = NULL, *empty = NULL, *out = NULL, *out2 = NULL, *out3 = NULL, *out4 = NULL, *out5 = NULL, *before = NULL, *after = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gint64 attachment;

  if (!cli_book_with_receipt (21, &tb, &r, &image))
    return;
  empty = g_build_filename (tb->dir, "empty.jpg", NULL);
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));

  g_assert_cmpint (run_cli (tb->path, &out, "--json", "receipt", "save", image, "--wallet", "Overdraft bank"), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  attachment = json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)), "attachment");
  g_assert_cmpint (attachment, >, 0);
  g_assert_cmpint (test_db_int (tb->path, "SELECT count(*) FROM txn_attachment"), ==, 1);
  /* The expense is the total read, from the wallet given (one that may go
   * below zero: the receipt's date is before the other wallets opened). */
  g_assert_cmpint (test_db_int (tb->path, "SELECT -sum(s.amount) FROM split s JOIN account a ON a.id = s.account_id "
                                          "WHERE a.name = 'Overdraft bank' AND s.txn_id = (SELECT max(txn_id) FROM txn_attachment)"),
                   ==, r->total);

  before = test_db_dump (tb->path);
  g_assert_cmpint (run_cli (tb->path, &out2, "receipt", "save", empty, "--wallet", "M-PESA", NULL), ==, 1);
  g_assert_cmpint (run_cli (tb->path, &out3, "receipt", "save", image, "--wallet", "Cash", "--again"), ==, 1);
  /* The same receipt a second time: refused, unless --again. */
  g_assert_cmpint (run_cli (tb->path, &out4, "receipt", "save", image, "--wallet", "Overdraft bank", NULL), ==, 1);
  after = test_db_dump (tb->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (run_cli (tb->path, &out5, "receipt", "save", image, "--wallet", "Overdraft bank", "--again"), ==, 0);
  g_assert_cmpint (test_db_int (tb->path, "SELECT count(*) FROM txn_attachment"), ==, 2);
}

/* receipt scan --json: the file's size, the part read (all of a scan) and
 * the fields with their boxes. */
static void
test_cli_scan_json (void)
{
  g_autoptr(TestBook) tb = NULL;
  g_autoptr(RenderedReceipt) r = NULL;
  g_autofree char *image = NULL, *out = NULL, *total = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *scan;
  JsonArray *paper;

  if (!cli_book_with_receipt (22, &tb, &r, &image))
    return;
  g_assert_cmpint (run_cli (tb->path, &out, "receipt", "scan", image, "--json", NULL, NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  scan = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
  paper = json_object_get_array_member (scan, "paper");
  g_assert_cmpint (json_array_get_length (paper), ==, 4);
  g_assert_cmpint (json_array_get_int_element (paper, 0), ==, 0);
  g_assert_cmpint (json_array_get_int_element (paper, 1), ==, 0);
  g_assert_cmpint (json_array_get_int_element (paper, 2), ==, json_object_get_int_member (scan, "width"));
  g_assert_cmpint (json_array_get_int_element (paper, 3), ==, json_object_get_int_member (scan, "height"));
  total = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", r->total / 100, (int) (r->total % 100));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (scan, "total"), "value"), ==, total);
}

/* attachment.details keeps the picture's size and the part read, so the
 * receipt can be shown later as it was on the Receipts page; details
 * that do not say so (saved before, or damaged) give the whole picture. */
static void
test_details_paper (void)
{
  g_autoptr(GArray) words = daftari_receipt_words_from_text ("DUKA LA NJERI LTD\nTOTAL KES 445.00\n", -1);
  g_autoptr(DaftariReceiptFields) fields = daftari_receipt_extract ((const DaftariReceiptWord *) (gpointer) words->data,
                                                                    words->len);
  DaftariReceiptScan scan = { .fields = fields, .width = 4000, .height = 3000, .paper = { 1500, 990, 1011, 1021 } };
  g_autofree char *details = daftari_receipt_details_to_json_string (&scan);
  const char *unsaid[] = { "", "not json", "[1, 2]", "{\"total\": null}", "{\"paper\": [1, 2, 3]}",
                           "{\"width\": 10, \"height\": 10, \"paper\": [1, 2, \"3\", 4]}",
                           "{\"paper\": [1, 2, 3, 4]}" };
  DaftariReceiptBox paper;
  int width = 0, height = 0;

  g_assert_true (daftari_receipt_details_paper (details, &width, &height, &paper));
  g_assert_cmpint (width, ==, 4000);
  g_assert_cmpint (height, ==, 3000);
  g_assert_cmpmem (&paper, sizeof paper, &scan.paper, sizeof scan.paper);
  /* The fields are still there for whoever reads them. */
  g_assert_nonnull (strstr (details, "\"total\""));
  g_assert_nonnull (strstr (details, "445.00"));
  for (guint i = 0; i < G_N_ELEMENTS (unsaid); i++)
    g_assert_false (daftari_receipt_details_paper (unsaid[i], &width, &height, &paper));
  g_assert_false (daftari_receipt_details_paper (NULL, &width, &height, &paper));
}

int
main (int argc, char **argv)
{
  test_common_init (&argc, &argv);
  g_test_add_func ("/receipt/store/save-and-dedup", test_save_and_dedup);
  g_test_add_func ("/receipt/store/refused-writes-nothing", test_refused_writes_nothing);
  g_test_add_func ("/receipt/store/suggest-category", test_suggest_category);
  g_test_add_func ("/receipt/store/cli-save", test_cli_save);
  g_test_add_func ("/receipt/store/cli-scan-json", test_cli_scan_json);
  g_test_add_func ("/receipt/store/details-paper", test_details_paper);
  return g_test_run ();
}
