/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Daraja callbacks a business saved (spec/mpesa-formats.md §4): C2B
 * confirmations and STK Push callbacks, alone or in arrays, with the
 * failures Safaricom really sends. */
#include <string.h>

#include "daftari-daraja.h"
#include "daftari-import-error.h"
#include "import-parse-test.h"

#define C2B_JOHN "{\"TransactionType\":\"Pay Bill\",\"TransID\":\"SKA1B2C3F4\",\"TransTime\":\"20250310110445\"," \
  "\"TransAmount\":\"4.00\",\"BusinessShortCode\":\"600978\",\"BillRefNumber\":\" INV-2025-0042 \"," \
  "\"OrgAccountBalance\":\"9993931.40\",\"MSISDN\":\"254712345678\",\"FirstName\":\"JOHN\"," \
  "\"MiddleName\":\"  \",\"LastName\":\"KAMAU \"}"
#define C2B_JANE "{\"TransactionType\":\"Buy Goods\",\"TransID\":\"SKA1B2C3F5\",\"TransTime\":\"20250310235959\"," \
  "\"TransAmount\":1250.5,\"BusinessShortCode\":\"5123456\",\"BillRefNumber\":\"\"," \
  "\"MSISDN\":\"2547******541\",\"FirstName\":\"Jane\",\"LastName\":\"Wanjiru\"}"
#define C2B_NO_ID "{\"TransTime\":\"20250310110445\",\"TransAmount\":\"4.00\",\"MSISDN\":\"254712345678\"}"
#define STK_OK "{\"Body\":{\"stkCallback\":{\"MerchantRequestID\":\"29115-34620561-1\"," \
  "\"CheckoutRequestID\":\"ws_CO_191220191020363925\",\"ResultCode\":0," \
  "\"ResultDesc\":\"The service request is processed successfully.\",\"CallbackMetadata\":{\"Item\":[" \
  "{\"Name\":\"Amount\",\"Value\":1.00},{\"Name\":\"MpesaReceiptNumber\",\"Value\":\"NLJ7RT61SV\"}," \
  "{\"Name\":\"Balance\"},{\"Name\":\"TransactionDate\",\"Value\":20250310155745}," \
  "{\"Name\":\"PhoneNumber\",\"Value\":254708374149}]}}}}"
#define STK_CANCELLED "{\"Body\":{\"stkCallback\":{\"MerchantRequestID\":\"8555-67195-1\"," \
  "\"CheckoutRequestID\":\"ws_CO_27072017151044001\",\"ResultCode\":1032," \
  "\"ResultDesc\":\"Request cancelled by user\"}}}"
#define STK_NO_RECEIPT "{\"Body\":{\"stkCallback\":{\"ResultCode\":0,\"CallbackMetadata\":{\"Item\":[" \
  "{\"Name\":\"Amount\",\"Value\":1},{\"Name\":\"MpesaReceiptNumber\"}," \
  "{\"Name\":\"TransactionDate\",\"Value\":20250310155745}]}}}}"

static DaftariImportParse *
parse_ok (const char *json)
{
  g_autoptr(GError) error = NULL;
  DaftariImportParse *parse = daftari_daraja_parse (json, strlen (json), &error);

  return import_test_parsed (parse, error);
}

static void
assert_john (DaftariImportRow *row)
{
  g_assert_cmpstr (row->receipt, ==, "SKA1B2C3F4");
  g_assert_cmpint (row->ts, ==, import_test_utc (2025, 3, 10, 8, 4, 45));
  g_assert_cmpint (row->kind, ==, DAFTARI_MPESA_BUSINESS_RECEIVED);
  g_assert_cmpint (row->amount, ==, 400);
  g_assert_cmpint (row->fee, ==, 0);
  g_assert_cmpstr (row->phone, ==, "254712345678");
  g_assert_cmpstr (row->counterparty, ==, "JOHN KAMAU");
  g_assert_cmpstr (row->shortcode, ==, "600978");
  g_assert_cmpstr (row->reference, ==, "INV-2025-0042");
  g_assert_true (row->has_balance);
  g_assert_cmpint (row->balance, ==, 999393140);
  g_assert_cmpstr (row->key, ==, "daraja:SKA1B2C3F4");
  g_assert_nonnull (strstr (row->details, "\"TransID\":\"SKA1B2C3F4\""));
}

static void
test_c2b_single (void)
{
  g_autoptr(DaftariImportParse) parse = parse_ok (C2B_JOHN);

  g_assert_cmpuint (parse->rows->len, ==, 1);
  g_assert_cmpuint (parse->problems->len, ==, 0);
  assert_john (import_test_row (parse, 0));
  g_assert_cmpuint (import_test_row (parse, 0)->line, ==, 1);
}

static void
test_c2b_array (void)
{
  g_autoptr(DaftariImportParse) parse = parse_ok ("[" C2B_JOHN ",\n" C2B_NO_ID ",\n" C2B_JANE "," C2B_JOHN "]");
  g_autoptr(DaftariImportParse) again = parse_ok ("[" C2B_JOHN ",\n" C2B_NO_ID ",\n" C2B_JANE "," C2B_JOHN "]");
  DaftariImportRow *row;

  g_assert_cmpuint (parse->rows->len, ==, 2);
  assert_john (import_test_row (parse, 0));

  row = import_test_row (parse, 1);
  g_assert_cmpstr (row->receipt, ==, "SKA1B2C3F5");
  g_assert_cmpuint (row->line, ==, 3);
  /* 23:59:59 EAT is still the same UTC day, 20:59:59. */
  g_assert_cmpint (row->ts, ==, import_test_utc (2025, 3, 10, 20, 59, 59));
  g_assert_cmpint (row->amount, ==, 125050);
  g_assert_cmpstr (row->phone, ==, "2547******541");
  g_assert_cmpstr (row->counterparty, ==, "Jane Wanjiru");
  g_assert_cmpstr (row->reference, ==, "");
  g_assert_false (row->has_balance);
  for (guint i = 0; i < parse->rows->len; i++)
    g_assert_cmpstr (import_test_row (parse, i)->key, ==, import_test_row (again, i)->key);

  /* Record 2 has no TransID: rejected, naming the record. Record 4 is a
   * retry of record 1: skipped. */
  g_assert_cmpuint (parse->problems->len, ==, 2);
  g_assert_true (import_test_problem (parse, 0)->rejected);
  g_assert_cmpuint (import_test_problem (parse, 0)->line, ==, 2);
  g_assert_nonnull (strstr (import_test_problem (parse, 0)->message, "record 2"));
  g_assert_nonnull (strstr (import_test_problem (parse, 0)->message, "TransID"));
  g_assert_false (import_test_problem (parse, 1)->rejected);
  g_assert_cmpuint (import_test_problem (parse, 1)->line, ==, 4);
  g_assert_nonnull (strstr (import_test_problem (parse, 1)->message, "SKA1B2C3F4"));
}

static void
test_stk (void)
{
  g_autoptr(DaftariImportParse) ok = parse_ok (STK_OK);
  g_autoptr(DaftariImportParse) cancelled = parse_ok (STK_CANCELLED);
  DaftariImportRow *row;

  g_assert_cmpuint (ok->rows->len, ==, 1);
  g_assert_cmpuint (ok->problems->len, ==, 0);
  row = import_test_row (ok, 0);
  g_assert_cmpstr (row->receipt, ==, "NLJ7RT61SV");
  g_assert_cmpint (row->amount, ==, 100);
  g_assert_cmpint (row->ts, ==, import_test_utc (2025, 3, 10, 12, 57, 45));
  g_assert_cmpstr (row->phone, ==, "254708374149");
  g_assert_cmpint (row->kind, ==, DAFTARI_MPESA_BUSINESS_RECEIVED);
  g_assert_cmpstr (row->key, ==, "daraja:NLJ7RT61SV");
  g_assert_false (row->has_balance);

  g_assert_cmpuint (cancelled->rows->len, ==, 0);
  g_assert_cmpuint (cancelled->problems->len, ==, 1);
  g_assert_false (import_test_problem (cancelled, 0)->rejected);
  g_assert_nonnull (strstr (import_test_problem (cancelled, 0)->message, "Request cancelled by user"));
  g_assert_nonnull (strstr (import_test_problem (cancelled, 0)->message, "1032"));
}

static void
test_mixed (void)
{
  g_autoptr(DaftariImportParse) parse = parse_ok ("[" STK_CANCELLED "," C2B_JOHN "," STK_NO_RECEIPT ","
                                                  STK_OK ", 42, {\"hello\":1}]");

  g_assert_cmpuint (parse->rows->len, ==, 2);
  assert_john (import_test_row (parse, 0));
  g_assert_cmpuint (import_test_row (parse, 0)->line, ==, 2);
  g_assert_cmpstr (import_test_row (parse, 1)->receipt, ==, "NLJ7RT61SV");
  g_assert_cmpuint (import_test_row (parse, 1)->line, ==, 4);

  g_assert_cmpuint (parse->problems->len, ==, 4);
  g_assert_false (import_test_problem (parse, 0)->rejected);   /* 1032 */
  g_assert_cmpuint (import_test_problem (parse, 0)->line, ==, 1);
  g_assert_true (import_test_problem (parse, 1)->rejected);    /* a Value-less receipt item */
  g_assert_cmpuint (import_test_problem (parse, 1)->line, ==, 3);
  g_assert_true (import_test_problem (parse, 2)->rejected);    /* 42 */
  g_assert_cmpuint (import_test_problem (parse, 2)->line, ==, 5);
  g_assert_true (import_test_problem (parse, 3)->rejected);    /* neither kind */
  g_assert_nonnull (strstr (import_test_problem (parse, 3)->message, "record 6"));
}

static void
test_bad_records (void)
{
  g_autoptr(DaftariImportParse) parse = parse_ok (
    "[{\"TransID\":\"SKA1B2C3F6\",\"TransTime\":\"20250231110445\",\"TransAmount\":\"4.00\"},"
    "{\"TransID\":\"SKA1B2C3F7\",\"TransTime\":\"20250310110445\",\"TransAmount\":\"1,00.0\"},"
    "{\"TransID\":\"SKA1B2C3F8\",\"TransTime\":\"20250310110445\"},"
    "{\"TransID\":\"SKA1B2C3F9\",\"TransTime\":\"20250310110445\",\"TransAmount\":\"-4.00\"},"
    "{\"TransID\":\"bad id!\",\"TransTime\":\"20250310110445\",\"TransAmount\":\"4.00\"}]");
  static const char *const texts[] = { "20250231110445", "1,00.0", "has no amount", "not a payment", "bad id!" };

  g_assert_cmpuint (parse->rows->len, ==, 0);
  g_assert_cmpuint (parse->problems->len, ==, G_N_ELEMENTS (texts));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_test_message ("%s", import_test_problem (parse, i)->message);
      g_assert_true (import_test_problem (parse, i)->rejected);
      g_assert_cmpuint (import_test_problem (parse, i)->line, ==, i + 1);
      g_assert_nonnull (strstr (import_test_problem (parse, i)->message, texts[i]));
    }
}

static void
assert_fails (const char *data, gsize length, int code)
{
  g_autoptr(GError) error = NULL;
  DaftariImportParse *parse = daftari_daraja_parse (data, length, &error);

  g_assert_null (parse);
  g_assert_error (error, DAFTARI_IMPORT_ERROR, code);
  g_test_message ("%s", error->message);
}

static void
test_bad_files (void)
{
  static const char binary[] = "{\"a\":\x00\x01}";

  assert_fails ("{\"TransID\": ", 12, DAFTARI_IMPORT_ERROR_MALFORMED);
  assert_fails ("not json", 8, DAFTARI_IMPORT_ERROR_MALFORMED);
  assert_fails ("42", 2, DAFTARI_IMPORT_ERROR_MALFORMED);
  assert_fails ("", 0, DAFTARI_IMPORT_ERROR_MALFORMED);
  assert_fails (binary, sizeof binary - 1, DAFTARI_IMPORT_ERROR_NOT_TEXT);
  assert_fails ("[\"\xff\"]", 5, DAFTARI_IMPORT_ERROR_NOT_TEXT);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/daraja/c2b-single", test_c2b_single);
  g_test_add_func ("/daraja/c2b-array", test_c2b_array);
  g_test_add_func ("/daraja/stk", test_stk);
  g_test_add_func ("/daraja/mixed", test_mixed);
  g_test_add_func ("/daraja/bad-records", test_bad_records);
  g_test_add_func ("/daraja/bad-files", test_bad_files);
  return g_test_run ();
}
