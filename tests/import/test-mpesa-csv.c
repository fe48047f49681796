/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The M-PESA statement CSV reader and the Details classifier it shares with
 * the statement PDF: both header layouts, RFC 4180 quoting, both signs of
 * Withdrawn, several rows under one receipt, the running-balance check, and
 * files that must fail whole. Fixtures follow spec/mpesa-formats.md §1–2;
 * names and numbers are invented. */
#include <string.h>

#include "daftari-csv-reader.h"
#include "daftari-import-error.h"
#include "daftari-mpesa-csv.h"
#include "daftari-mpesa-details.h"
#include "import-parse-test.h"

#define HEADER_13 "Receipt No.,Completion Time,Initiation Time,Details,Transaction Status,Paid In," \
                  "Withdrawn,Balance,Balance Confirmed,Reason Type,Other Party Info,Linked Transaction ID,A/C No.\r\n"
#define HEADER_7  "Receipt No.,Completion Time,Details,Transaction Status,Paid In,Withdrawn,Balance\n"

static DaftariImportParse *
parse_ok (const char *csv)
{
  g_autoptr(GError) error = NULL;
  DaftariImportParse *parse = daftari_mpesa_csv_parse (csv, strlen (csv), &error);

  return import_test_parsed (parse, error);
}

/* ---- Details ------------------------------------------------------------ */

static void
test_details_kinds (void)
{
  static const struct {
    const char *text;
    DaftariMpesaKind kind;
    gboolean fuliza;
    const char *counterparty, *phone, *shortcode, *reference;
  } cases[] = {
    { "Funds received from -\n2547******541 JANE  WANJIRU ", DAFTARI_MPESA_RECEIVED, FALSE,
      "JANE WANJIRU", "2547******541", "", "" },
    { "Customer Transfer to - 07******901 JOHN KAMAU", DAFTARI_MPESA_SENT, FALSE,
      "JOHN KAMAU", "2547******901", "", "" },
    { "Customer Transfer to - 0712345678 MARY ATIENO", DAFTARI_MPESA_SENT, FALSE,
      "MARY ATIENO", "254712345678", "", "" },
    { "Customer Transfer of Funds Charge", DAFTARI_MPESA_CHARGE, FALSE, "", "", "", "" },
    { "Customer Send Money to Micro SME - 2547******222 PETER OTIENO", DAFTARI_MPESA_POCHI, FALSE,
      "PETER OTIENO", "2547******222", "", "" },
    { "Pay Bill to 888880 - KPLC PREPAID Acc. 54100000000", DAFTARI_MPESA_PAYBILL, FALSE,
      "KPLC PREPAID", "", "888880", "54100000000" },
    { "Pay Bill Online to 247247 - Equity Paybill Account Acc. 0712 INV-7", DAFTARI_MPESA_PAYBILL, FALSE,
      "Equity Paybill Account", "", "247247", "0712 INV-7" },
    { "Pay Bill Charge", DAFTARI_MPESA_CHARGE, FALSE, "", "", "", "" },
    { "Merchant Payment to 5123456 - MAMA PIMA SHOP", DAFTARI_MPESA_TILL, FALSE,
      "MAMA PIMA SHOP", "", "5123456", "" },
    { "Small Business Payment to ESTHER NJERI", DAFTARI_MPESA_POCHI, FALSE, "ESTHER NJERI", "", "", "" },
    { "Customer Withdrawal At Agent Till 2130000 - BAHATI AGENCIES Main St", DAFTARI_MPESA_WITHDRAW, FALSE,
      "BAHATI AGENCIES Main St", "", "2130000", "" },
    { "Withdrawal Charge", DAFTARI_MPESA_CHARGE, FALSE, "", "", "", "" },
    { "Deposit of Funds at Agent Till 2130000 - BAHATI AGENCIES", DAFTARI_MPESA_DEPOSIT, FALSE,
      "BAHATI AGENCIES", "", "2130000", "" },
    { "Airtime Purchase", DAFTARI_MPESA_AIRTIME, FALSE, "", "", "", "" },
    { "Business Payment from 300600 - Equity Bulk Account via API. Original conversation ID is AG_1",
      DAFTARI_MPESA_BUSINESS_PAYMENT, FALSE, "Equity Bulk Account", "", "300600", "" },
    { "Send Money Reversal via API", DAFTARI_MPESA_REVERSAL, FALSE, "", "", "", "" },
    { "Reversal", DAFTARI_MPESA_REVERSAL, FALSE, "", "", "", "" },
    { "OverDraft of Credit Party", DAFTARI_MPESA_FULIZA_CREDIT, TRUE, "", "", "", "" },
    { "OD Loan Repayment to 232323 - M-PESA Overdraw", DAFTARI_MPESA_FULIZA_REPAYMENT, TRUE,
      "M-PESA Overdraw", "", "232323", "" },
    { "Customer Transfer Fuliza MPesa to - 2547******541 JANE WANJIRU", DAFTARI_MPESA_SENT, TRUE,
      "JANE WANJIRU", "2547******541", "", "" },
    { "Pay Bill Fuliza M-Pesa to 888880 - KPLC PREPAID", DAFTARI_MPESA_PAYBILL, TRUE,
      "KPLC PREPAID", "", "888880", "" },
    { "Merchant Payment Fuliza M-Pesa to 5123456 - MAMA PIMA SHOP", DAFTARI_MPESA_TILL, TRUE,
      "MAMA PIMA SHOP", "", "5123456", "" },
    { "Airtime Purchase with Fuliza", DAFTARI_MPESA_AIRTIME, TRUE, "", "", "", "" },
    { "M-Shwari Deposit", DAFTARI_MPESA_MSHWARI_DEPOSIT, FALSE, "", "", "", "" },
    { "M-Shwari Withdraw", DAFTARI_MPESA_MSHWARI_WITHDRAW, FALSE, "", "", "", "" },
    { "M-Shwari Loan", DAFTARI_MPESA_MSHWARI_LOAN, FALSE, "", "", "", "" },
    { "Pay Bill from 2547******541 - JANE WANJIRU Acc. INV-2025-0042", DAFTARI_MPESA_BUSINESS_RECEIVED, FALSE,
      "JANE WANJIRU", "2547******541", "", "INV-2025-0042" },
    { "Something Safaricom invents next year", DAFTARI_MPESA_OTHER, FALSE, "", "", "", "" },
    { "", DAFTARI_MPESA_OTHER, FALSE, "", "", "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      DaftariMpesaDetails d;

      g_test_message ("%s", cases[i].text);
      daftari_mpesa_details_classify (cases[i].text, &d);
      g_assert_cmpstr (daftari_mpesa_kind_to_string (d.kind), ==, daftari_mpesa_kind_to_string (cases[i].kind));
      g_assert_cmpint (d.fuliza, ==, cases[i].fuliza);
      g_assert_cmpstr (d.counterparty, ==, cases[i].counterparty);
      g_assert_cmpstr (d.phone, ==, cases[i].phone);
      g_assert_cmpstr (d.shortcode, ==, cases[i].shortcode);
      g_assert_cmpstr (d.reference, ==, cases[i].reference);
      daftari_mpesa_details_clear (&d);
    }
}

static void
test_details_phones (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "2547******541", "2547******541" }, { "07******901", "2547******901" },
    { "0712345678", "254712345678" }, { "254712345678", "254712345678" },
    { "+254712345678", "254712345678" }, { "2547XXXXXXXX", "2547********" },
    { "0112345678", "254112345678" },
  };
  static const char *const refused[] = { "", "JANE", "0812345678", "12345", "2549******541", "07**", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *phone = daftari_mpesa_phone_normalise (cases[i].in);
      g_assert_cmpstr (phone, ==, cases[i].out);
    }
  for (guint i = 0; refused[i] != NULL; i++)
    {
      g_autofree char *phone = daftari_mpesa_phone_normalise (refused[i]);
      g_assert_null (phone);
    }
  g_autofree char *name = daftari_mpesa_clean_name ("  JANE \r\n\t WANJIRU  ");
  g_assert_cmpstr (name, ==, "JANE WANJIRU");
}

/* ---- layouts -------------------------------------------------------------- */

/* The business layout: CRLF line ends, a preamble, quoted Details with a
 * line break, thousands separators, Withdrawn printed negative, a Failed
 * row. Newest first; the balances follow. */
static const char business_csv[] =
  "\xEF\xBB\xBF" "Account Holder:,DAFTARI DEMO SHOP\r\n"
  "\r\n"
  HEADER_13
  "SKX1AB2CD5,2024-11-29 20:10:00,2024-11-29 20:09:58,\"Pay Bill to 888880 - KPLC PREPAID Acc. 54100000000\","
  "Completed,,\"-1,000.00\",\"1,108.83\",true,Pay Bill Online,888880 - KPLC PREPAID,,54100000000\r\n"
  "SKX1AB2CD6,2024-11-29 20:05:00,2024-11-29 20:05:00,Airtime Purchase,Failed,,-50.00,\"2,108.83\",,,,,\r\n"
  "SKX1AB2CD4,2024-11-29 20:00:00,2024-11-29 20:00:00,\"Funds received from - 2547******541 JANE   WANJIRU\","
  "COMPLETED,\"2,000.00\",,\"2,108.83\",true,,,,\r\n"
  "SKX1AB2CD3,2024-11-29 19:37:59,2024-11-29 19:37:58,\"Funds received from -\r\n2547******541 JANE WANJIRU\","
  "Completed,10.00,,108.83,true,,\"2547******541 - JANE WANJIRU\",,\r\n";

static void
test_business_layout (void)
{
  g_autoptr(DaftariImportParse) parse = parse_ok (business_csv);
  DaftariImportRow *row;

  g_assert_cmpuint (parse->rows->len, ==, 3);
  g_assert_cmpuint (parse->problems->len, ==, 1);

  row = import_test_row (parse, 0);
  g_assert_cmpstr (row->receipt, ==, "SKX1AB2CD5");
  g_assert_cmpint (row->ts, ==, import_test_utc (2024, 11, 29, 17, 10, 0));
  g_assert_cmpint (row->amount, ==, -100000);
  g_assert_true (row->has_balance);
  g_assert_cmpint (row->balance, ==, 110883);
  g_assert_cmpint (row->kind, ==, DAFTARI_MPESA_PAYBILL);
  g_assert_cmpstr (row->shortcode, ==, "888880");
  g_assert_cmpstr (row->counterparty, ==, "KPLC PREPAID");
  g_assert_cmpstr (row->reference, ==, "54100000000");
  g_assert_cmpint (row->fee, ==, 0);
  g_assert_cmpuint (row->line, ==, 4);

  row = import_test_row (parse, 1);
  g_assert_cmpstr (row->receipt, ==, "SKX1AB2CD4");
  g_assert_cmpint (row->amount, ==, 200000);
  g_assert_cmpint (row->kind, ==, DAFTARI_MPESA_RECEIVED);
  g_assert_cmpstr (row->counterparty, ==, "JANE WANJIRU");
  g_assert_cmpstr (row->phone, ==, "2547******541");

  row = import_test_row (parse, 2);
  g_assert_cmpstr (row->receipt, ==, "SKX1AB2CD3");
  g_assert_cmpint (row->ts, ==, import_test_utc (2024, 11, 29, 16, 37, 59));
  g_assert_cmpint (row->amount, ==, 1000);
  g_assert_cmpint (row->balance, ==, 10883);
  g_assert_cmpstr (row->counterparty, ==, "JANE WANJIRU");
  g_assert_cmpstr (row->phone, ==, "2547******541");
  g_assert_cmpstr (row->details, ==, "Funds received from -\n2547******541 JANE WANJIRU");
  g_assert_cmpuint (row->line, ==, 7);
  g_autofree char *key = g_strdup_printf ("csv:SKX1AB2CD3:%lld:1000:0", (long long) import_test_utc (2024, 11, 29, 16, 37, 59));
  g_assert_cmpstr (row->key, ==, key);

  /* The Failed row: skipped with its reason, not posted, not a break. */
  g_assert_false (import_test_problem (parse, 0)->rejected);
  g_assert_cmpuint (import_test_problem (parse, 0)->line, ==, 5);
  g_assert_nonnull (strstr (import_test_problem (parse, 0)->message, "Failed"));
  g_assert_nonnull (strstr (import_test_problem (parse, 0)->message, "SKX1AB2CD6"));
}

/* The 7-column layout, columns shuffled and names in another case;
 * Withdrawn positive; a Fuliza credit and its payment under one receipt in
 * one second, printed oldest first; a transfer and its charge under one
 * receipt in one second. The balances are consistent: no warning. */
static const char customer_csv[] =
  "details,RECEIPT NO.,completion time,Transaction Status,paid in,withdrawn,balance\n"
  "OverDraft of Credit Party,TFA1B2C3D4,2025-03-10 12:00:00,Completed,80.00,,100.00\n"
  "\"Merchant Payment Fuliza M-Pesa to 5123456 - MAMA PIMA SHOP\",TFA1B2C3D4,2025-03-10 12:00:00,Completed,,100.00,0.00\n"
  "Customer Transfer of Funds Charge,TFA1B2C3D3,2025-03-10 11:00:00,Completed,,13.00,20.00\n"
  "\"Customer Transfer to - 07******901 JOHN \"\"JOHNNIE\"\" KAMAU\",TFA1B2C3D3,2025-03-10 11:00:00,Completed,,500.00,33.00\n"
  "\"Business Payment from 300600 - Equity Bulk Account via API. Original conversation ID is AG_20250310\","
  "TFA1B2C3D2,2025-03-10 10:00:00,Completed,533.00,,533.00\n";

static void
test_customer_layout (void)
{
  g_autoptr(DaftariImportParse) parse = parse_ok (customer_csv);
  g_autoptr(DaftariImportParse) again = parse_ok (customer_csv);
  DaftariImportRow *row;

  for (guint i = 0; i < parse->problems->len; i++)
    g_test_message ("unexpected: %s", import_test_problem (parse, i)->message);
  g_assert_cmpuint (parse->problems->len, ==, 0);
  g_assert_cmpuint (parse->rows->len, ==, 5);

  row = import_test_row (parse, 0);
  g_assert_cmpint (row->kind, ==, DAFTARI_MPESA_FULIZA_CREDIT);
  g_assert_cmpint (row->amount, ==, 8000);
  row = import_test_row (parse, 1);
  g_assert_cmpint (row->kind, ==, DAFTARI_MPESA_TILL);
  g_assert_cmpint (row->amount, ==, -10000);
  g_assert_cmpint (row->balance, ==, 0);
  g_assert_true (row->has_balance);
  g_assert_cmpstr (row->shortcode, ==, "5123456");
  g_assert_cmpstr (row->counterparty, ==, "MAMA PIMA SHOP");
  g_assert_cmpint (row->ts, ==, import_test_utc (2025, 3, 10, 9, 0, 0));
  row = import_test_row (parse, 2);
  g_assert_cmpint (row->kind, ==, DAFTARI_MPESA_CHARGE);
  g_assert_cmpint (row->amount, ==, -1300);
  row = import_test_row (parse, 3);
  g_assert_cmpint (row->kind, ==, DAFTARI_MPESA_SENT);
  g_assert_cmpint (row->amount, ==, -50000);
  g_assert_cmpstr (row->counterparty, ==, "JOHN \"JOHNNIE\" KAMAU");
  g_assert_cmpstr (row->phone, ==, "2547******901");
  row = import_test_row (parse, 4);
  g_assert_cmpint (row->kind, ==, DAFTARI_MPESA_BUSINESS_PAYMENT);
  g_assert_cmpstr (row->shortcode, ==, "300600");
  g_assert_cmpstr (row->counterparty, ==, "Equity Bulk Account");

  /* One receipt, two rows, one second: two keys, and the same keys when
   * the file is read again. */
  g_assert_cmpstr (import_test_row (parse, 0)->key, !=, import_test_row (parse, 1)->key);
  g_assert_cmpstr (import_test_row (parse, 2)->key, !=, import_test_row (parse, 3)->key);
  for (guint i = 0; i < parse->rows->len; i++)
    g_assert_cmpstr (import_test_row (parse, i)->key, ==, import_test_row (again, i)->key);
  g_autofree char *key = g_strdup_printf ("csv:TFA1B2C3D4:%lld:-10000:0", (long long) import_test_utc (2025, 3, 10, 9, 0, 0));
  g_assert_cmpstr (import_test_row (parse, 1)->key, ==, key);
}

/* Identical rows (same receipt, second and amount) are told apart by their
 * ordinal, and keep it when rows of that second are printed the other way. */
static void
test_same_receipt_keys (void)
{
  static const char one[] = HEADER_7
    "TFA1B2C3D5,2025-03-10 12:00:00,Pay Bill Charge,Completed,,5.00,90.00\n"
    "TFA1B2C3D5,2025-03-10 12:00:00,Pay Bill Charge,Completed,,5.00,95.00\n"
    "TFA1B2C3D5,2025-03-10 12:00:00,Pay Bill to 888880 - KPLC PREPAID Acc. 1,Completed,,100.00,100.00\n"
    "TFA1B2C3D4,2025-03-10 11:00:00,Funds received from - 0712345678 MARY ATIENO,Completed,200.00,,200.00\n";
  static const char other[] = HEADER_7
    "TFA1B2C3D5,2025-03-10 12:00:00,Pay Bill to 888880 - KPLC PREPAID Acc. 1,Completed,,100.00,100.00\n"
    "TFA1B2C3D5,2025-03-10 12:00:00,Pay Bill Charge,Completed,,5.00,95.00\n"
    "TFA1B2C3D5,2025-03-10 12:00:00,Pay Bill Charge,Completed,,5.00,90.00\n"
    "TFA1B2C3D4,2025-03-10 11:00:00,Funds received from - 0712345678 MARY ATIENO,Completed,200.00,,200.00\n";
  g_autoptr(DaftariImportParse) a = parse_ok (one);
  g_autoptr(DaftariImportParse) b = parse_ok (other);
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (a->problems->len, ==, 0);
  g_assert_cmpuint (b->problems->len, ==, 0);
  for (guint i = 0; i < a->rows->len; i++)
    g_assert_true (g_hash_table_add (keys, import_test_row (a, i)->key));
  for (guint i = 0; i < b->rows->len; i++)
    g_assert_true (g_hash_table_contains (keys, import_test_row (b, i)->key));
  g_assert_true (g_str_has_suffix (import_test_row (a, 0)->key, ":-500:0"));
  g_assert_true (g_str_has_suffix (import_test_row (a, 1)->key, ":-500:1"));
}

/* ---- the running balance ---------------------------------------------- */

static void
test_balance_break (void)
{
  static const char csv[] = HEADER_7
    "SKX1AB2CD4,2024-11-29 20:00:00,M-Shwari Deposit,Completed,,18.83,100.00\n"
    "SKX1AB2CD3,2024-11-29 19:37:59,\"Funds received from -\n2547******541 JANE WANJIRU\",Completed,10.00,,118.83\n"
    "SKX1AB2CD2,2024-11-29 18:00:00,Airtime Purchase,Completed,,-1.17,98.83\n"
    "SKX1AB2CD1,2024-11-29 17:00:00,M-Shwari Withdraw,Completed,100.00,,100.00\n";
  g_autoptr(DaftariImportParse) parse = parse_ok (csv);
  DaftariImportProblem *problem;

  g_assert_cmpuint (parse->rows->len, ==, 4);
  g_assert_cmpint (import_test_row (parse, 2)->amount, ==, -117);
  /* 108.83 was due, the file says 118.83: one warning for that row, and
   * the chain goes on from what the file says (the next row is fine). */
  g_assert_cmpuint (parse->problems->len, ==, 1);
  problem = import_test_problem (parse, 0);
  g_assert_false (problem->rejected);
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_cmpstr (problem->message, ==,
                   "2024-11-29 19:37:59 SKX1AB2CD3 KES 10.00: the balance does not follow from the row before");
}

static void
test_balance_group_break (void)
{
  /* Two rows in one second whose balances cannot both follow. */
  static const char csv[] = HEADER_7
    "TFA1B2C3D4,2025-03-10 12:00:00,OverDraft of Credit Party,Completed,80.00,,100.00\n"
    "TFA1B2C3D4,2025-03-10 12:00:00,Merchant Payment to 5123456 - SHOP,Completed,,100.00,5.00\n"
    "TFA1B2C3D2,2025-03-10 10:00:00,Airtime Purchase,Completed,,10.00,20.00\n";
  g_autoptr(DaftariImportParse) parse = parse_ok (csv);

  g_assert_cmpuint (parse->problems->len, >=, 1);
  for (guint i = 0; i < parse->problems->len; i++)
    {
      g_assert_false (import_test_problem (parse, i)->rejected);
      g_assert_nonnull (strstr (import_test_problem (parse, i)->message, "TFA1B2C3D4"));
      g_assert_nonnull (strstr (import_test_problem (parse, i)->message, "2025-03-10 12:00:00"));
    }
}

/* ---- bad rows and bad files ------------------------------------------- */

static void
test_bad_rows (void)
{
  static const char csv[] = HEADER_7
    "SKX1AB2CD1,31/02/25 10:00:00,Airtime Purchase,Completed,,5.00,\n"
    "SKX1AB2CD2,2025-02-28 10:00:00,Airtime Purchase,Completed,\"1,00.0\",,\n"
    "SKX1AB2CD3,2025-02-31 10:00:00,Airtime Purchase,Completed,,5.00,\n"
    "not-a-code,2025-02-28 10:00:00,Airtime Purchase,Completed,,5.00,\n"
    "SKX1AB2CD4,2025-02-28 10:00:00,Airtime Purchase,Completed,,,\n"
    "SKX1AB2CD5,28/02/2025 10:00:00,Airtime Purchase,Completed,,5.00,\n";
  static const struct { guint line; const char *text; } expected[] = {
    { 2, "31/02/25" }, { 3, "1,00.0" }, { 4, "2025-02-31" }, { 5, "not-a-code" }, { 6, "SKX1AB2CD4" },
  };
  g_autoptr(DaftariImportParse) parse = parse_ok (csv);

  g_assert_cmpuint (parse->problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      DaftariImportProblem *problem = import_test_problem (parse, i);
      g_test_message ("%s", problem->message);
      g_assert_true (problem->rejected);
      g_assert_cmpuint (problem->line, ==, expected[i].line);
      g_assert_nonnull (strstr (problem->message, expected[i].text));
    }
  /* The day-first date with a four-digit year is not ambiguous. */
  g_assert_cmpuint (parse->rows->len, ==, 1);
  g_assert_cmpint (import_test_row (parse, 0)->ts, ==, import_test_utc (2025, 2, 28, 7, 0, 0));
  g_assert_false (import_test_row (parse, 0)->has_balance);
}

static void
assert_fails (const char *data, gsize length, int code)
{
  g_autoptr(GError) error = NULL;
  DaftariImportParse *parse = daftari_mpesa_csv_parse (data, length, &error);

  g_assert_null (parse);
  g_assert_error (error, DAFTARI_IMPORT_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "not an M-PESA statement CSV: "));
}

static void
test_bad_files (void)
{
  static const char binary[] = "PK\x03\x04\x00\x00junk";
  static const char latin1[] = HEADER_7 "SKX1AB2CD1,2025-02-28 10:00:00,Pay Bill to 1234567 - CAF\xC9,Completed,,5.00,\n";
  static const char text[] = "Dear customer,\nthis is not a statement\n";
  static const char unclosed[] = HEADER_7 "SKX1AB2CD1,2025-02-28 10:00:00,\"Airtime Purchase,Completed,,5.00,\n";

  assert_fails (binary, sizeof binary - 1, DAFTARI_IMPORT_ERROR_NOT_TEXT);
  assert_fails (latin1, strlen (latin1), DAFTARI_IMPORT_ERROR_NOT_TEXT);
  assert_fails (text, strlen (text), DAFTARI_IMPORT_ERROR_MALFORMED);
  assert_fails (unclosed, strlen (unclosed), DAFTARI_IMPORT_ERROR_MALFORMED);
  assert_fails ("", 0, DAFTARI_IMPORT_ERROR_MALFORMED);

  /* The size is refused before a byte is read: the buffer is never touched. */
  gsize big = DAFTARI_MPESA_CSV_MAX_BYTES + 1;
  g_autofree char *huge = g_malloc (big);
  assert_fails (huge, big, DAFTARI_IMPORT_ERROR_TOO_LARGE);
}

/* A big statement (about 12 MB, 150,000 rows) parses in one pass, with the
 * balance chain intact and every key distinct. */
static void
test_large_file (void)
{
  const guint n = 150000;
  g_autoptr(GString) csv = g_string_new (HEADER_7);
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariImportParse) parse = NULL;
  gint64 t0 = import_test_utc (2024, 1, 1, 0, 0, 0) + 3 * 3600;

  /* Newest first: row i is the (n - i)-th receipt, +1.00 each, three rows a second. */
  for (guint i = 0; i < n; i++)
    {
      guint k = n - i;
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t0 + k / 3);
      g_autofree char *when = g_date_time_format (dt, "%Y-%m-%d %H:%M:%S");
      g_string_append_printf (csv, "SKX%07u,%s,\"Funds received from - 2547******541 JANE\",Completed,1.00,,\"%u.00\"\n",
                              k, when, k);
    }
  parse = daftari_mpesa_csv_parse (csv->str, csv->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parse->rows->len, ==, n);
  g_assert_cmpuint (parse->problems->len, ==, 0);
  for (guint i = 0; i < n; i++)
    g_assert_true (g_hash_table_add (keys, import_test_row (parse, i)->key));
}

/* The reader lends its fields (the statement reader) or copies them (the
 * bank reader): the same fields either way, quotes, doubled quotes, line
 * breaks in quotes and empty fields alike. */
static void
test_reader_borrowed (void)
{
  static const char csv[] = "a, b ,\"c,\"\"d\"\"\ne\",,\r\n\"\"\r\nlast;x,\"\"\"\"";
  DaftariCsvReader copying, lending;
  g_autoptr(GPtrArray) copied = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) lent = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  guint line_a = 0, line_b = 0, records = 0;
  int a, b;

  daftari_csv_reader_init (&copying, csv, strlen (csv), ',');
  daftari_csv_reader_init (&lending, csv, strlen (csv), ',');
  while ((a = daftari_csv_reader_next (&copying, copied, &line_a, &error)) > 0)
    {
      b = daftari_csv_reader_next_borrowed (&lending, lent, &line_b, &error);
      g_assert_cmpint (b, ==, 1);
      g_assert_cmpuint (line_a, ==, line_b);
      g_assert_cmpuint (copied->len, ==, lent->len);
      for (guint i = 0; i < copied->len; i++)
        g_assert_cmpstr (g_ptr_array_index (copied, i), ==, g_ptr_array_index (lent, i));
      if (records++ == 0)
        {
          g_assert_cmpuint (lent->len, ==, 5);
          g_assert_cmpstr (g_ptr_array_index (lent, 2), ==, "c,\"d\"\ne");
          g_assert_cmpstr (g_ptr_array_index (lent, 4), ==, "");
        }
    }
  g_assert_no_error (error);
  g_assert_cmpint (a, ==, 0);
  g_assert_cmpint (daftari_csv_reader_next_borrowed (&lending, lent, &line_b, &error), ==, 0);
  g_assert_cmpuint (records, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (lent, 1), ==, "\"");
  daftari_csv_reader_clear (&copying);
  daftari_csv_reader_clear (&lending);
}

/* Statement rows are one block each, and a packed row is a true copy. */
static void
test_packed_rows (void)
{
  g_autoptr(DaftariImportParse) parse = parse_ok (HEADER_7
    "TFA1B2C3D4,2025-03-10 11:00:00,Funds received from - 0712345678 MARY ATIENO,Completed,200.00,,200.00\n");
  DaftariImportRow fields = { .receipt = (char *) "SKA1B2C3D4", .ts = 5, .amount = -7, .details = (char *) "text",
                              .key = (char *) "k", .line = 3 };
  g_autoptr(DaftariImportRow) packed = daftari_import_row_new_packed (&fields);
  const DaftariImportRow *row = import_test_row (parse, 0);

  g_assert_true (row->packed);
  g_assert_cmpstr (row->counterparty, ==, "MARY ATIENO");
  g_assert_cmpstr (row->reversed_receipt, ==, "");
  g_assert_true (packed->packed);
  g_assert_true (packed->receipt != fields.receipt);
  g_assert_cmpstr (packed->receipt, ==, "SKA1B2C3D4");
  g_assert_cmpstr (packed->details, ==, "text");
  g_assert_cmpstr (packed->key, ==, "k");
  /* NULL strings come out empty, never NULL. */
  g_assert_cmpstr (packed->phone, ==, "");
  g_assert_cmpstr (packed->counterparty, ==, "");
  g_assert_cmpint (packed->ts, ==, 5);
  g_assert_cmpint (packed->amount, ==, -7);
  g_assert_cmpuint (packed->line, ==, 3);
}

/* ---- Reading in two halves -------------------------------------------- */

static void
assert_rows_equal (const DaftariImportRow *a, const DaftariImportRow *b)
{
  g_assert_cmpstr (a->key, ==, b->key);
  g_assert_cmpuint (a->line, ==, b->line);
  g_assert_cmpstr (a->receipt, ==, b->receipt);
  g_assert_cmpint (a->ts, ==, b->ts);
  g_assert_cmpint (a->kind, ==, b->kind);
  g_assert_cmpint (a->amount, ==, b->amount);
  g_assert_cmpint (a->has_balance, ==, b->has_balance);
  g_assert_cmpint (a->balance, ==, b->balance);
  g_assert_cmpstr (a->counterparty, ==, b->counterparty);
  g_assert_cmpstr (a->phone, ==, b->phone);
  g_assert_cmpstr (a->reference, ==, b->reference);
  g_assert_cmpstr (a->details, ==, b->details);
}

/* Reads csv in one go and split in two halves (which a machine with two
 * processors does: the test needs one), and checks that both give the same
 * rows, keys, lines, problems and errors. Returns the one-go parse. */
static DaftariImportParse *
assert_split_same (const char *csv)
{
  g_autoptr(GError) whole_error = NULL, split_error = NULL;
  DaftariImportParse *whole = daftari_mpesa_csv_parse_split (csv, strlen (csv), G_MAXSIZE, &whole_error);
  g_autoptr(DaftariImportParse) split = daftari_mpesa_csv_parse_split (csv, strlen (csv), 0, &split_error);

  g_assert_cmpuint (g_get_num_processors (), >, 1);
  g_assert_true ((whole == NULL) == (split == NULL));
  if (whole == NULL)
    {
      g_assert_error (split_error, whole_error->domain, whole_error->code);
      g_assert_cmpstr (split_error->message, ==, whole_error->message);
      return NULL;
    }
  g_assert_cmpuint (split->rows->len, ==, whole->rows->len);
  for (guint i = 0; i < whole->rows->len; i++)
    assert_rows_equal (import_test_row (whole, i), import_test_row (split, i));
  g_assert_cmpuint (split->problems->len, ==, whole->problems->len);
  for (guint i = 0; i < whole->problems->len; i++)
    {
      const DaftariImportProblem *a = import_test_problem (whole, i), *b = import_test_problem (split, i);
      g_assert_cmpuint (a->line, ==, b->line);
      g_assert_cmpint (a->rejected, ==, b->rejected);
      g_assert_cmpstr (a->message, ==, b->message);
    }
  return whole;
}

/* One payment row, its details quoted and (when wrap) broken over two lines. */
static void
add_row (GString *csv, guint receipt, guint second, const char *status, guint shillings, guint balance, gboolean wrap)
{
  g_string_append_printf (csv, "SKX%07u,2025-03-10 10:%02u:%02u,\"Funds received from -%s2547******541 JANE\","
                          "%s,\"%u.00\",,\"%u.00\"\n",
                          receipt, second / 60 % 60, second % 60, wrap ? "\n" : " ", status, shillings, balance);
}

/* Rows repeated across the middle are numbered as one reader numbers
 * them, lines count the wrapped ones before, and problems and balance
 * breaks come out in the same places. */
static void
test_split_same (void)
{
  g_autoptr(GString) csv = g_string_new ("Account Holder:,DEMO SHOP\n\n" HEADER_7);
  g_autoptr(DaftariImportParse) parse = NULL;
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  guint balance = 0, last;

  /* Newest last: each row comes back twice, the same receipt, second and
   * amount (a statement's repeated rows), in both halves. */
  for (guint pass = 0; pass < 3; pass++)
    for (guint i = 0; i < 40; i++)
      {
        balance += 5 + i % 3;
        add_row (csv, i, i, i == 7 ? "Failed" : "Completed", 5 + i % 3, i == 30 ? 1 : balance, i % 4 == 0);
      }
  g_string_append (csv, "SKX0000099,31/02/25 10:00:00,Airtime Purchase,Completed,,5.00,\n");
  parse = assert_split_same (csv->str);
  last = parse->rows->len - 1;
  g_assert_cmpuint (parse->rows->len, ==, 117);
  for (guint i = 0; i < parse->rows->len; i++)
    g_assert_true (g_hash_table_add (keys, import_test_row (parse, i)->key));
  g_assert_true (g_str_has_suffix (import_test_row (parse, 0)->key, ":0"));
  g_assert_true (g_str_has_suffix (import_test_row (parse, last)->key, ":2"));
  g_assert_cmpuint (import_test_row (parse, last)->line, >, 140);
  /* Not completed twice, the impossible date once, and balance breaks. */
  g_assert_cmpuint (parse->problems->len, >=, 3);
}

/* Where the halves cannot be trusted, one reader's result still comes out:
 * a stray quote in an unquoted cell (the quote count is off), a quoted
 * field with line breaks across the middle, an unclosed quote in the second
 * half, CR line ends, and a body with one record. */
static void
test_split_fallbacks (void)
{
  g_autoptr(GString) stray = g_string_new (HEADER_7);
  g_autoptr(GString) long_field = g_string_new (HEADER_7);
  g_autoptr(GString) unclosed = g_string_new (HEADER_7);
  g_autoptr(DaftariImportParse) parse = NULL;
  g_autoptr(DaftariImportParse) one = NULL;

  g_string_append (stray, "SKX0000001,2025-03-10 10:00:00,Airtime 5\" card,Completed,,5.00,\n");
  for (guint i = 2; i < 30; i++)
    add_row (stray, i, i, "Completed", 1, 0, TRUE);
  parse = assert_split_same (stray->str);
  g_assert_cmpuint (parse->rows->len, ==, 29);
  g_assert_cmpstr (import_test_row (parse, 0)->details, ==, "Airtime 5\" card");

  add_row (long_field, 1, 1, "Completed", 1, 1, FALSE);
  g_string_append (long_field, "SKX0000002,2025-03-10 10:00:02,\"Funds received from");
  for (guint i = 0; i < 50; i++)
    g_string_append (long_field, "\nline of a long note,");
  g_string_append (long_field, "\",Completed,1.00,,2.00\n");
  add_row (long_field, 3, 3, "Completed", 1, 3, FALSE);
  g_clear_pointer (&parse, daftari_import_parse_free);
  parse = assert_split_same (long_field->str);
  g_assert_cmpuint (parse->rows->len, ==, 3);
  g_assert_cmpuint (import_test_row (parse, 2)->line, ==, 54);

  for (guint i = 1; i < 30; i++)
    add_row (unclosed, i, i, "Completed", 1, i, FALSE);
  g_string_append (unclosed, "SKX0000031,2025-03-10 10:00:31,\"Airtime Purchase,Completed,,5.00,\n");
  g_assert_null (assert_split_same (unclosed->str));

  g_clear_pointer (&parse, daftari_import_parse_free);
  parse = assert_split_same ("Receipt No.,Completion Time,Details,Transaction Status,Paid In,Withdrawn,Balance\r"
                             "SKX0000001,2025-03-10 10:00:00,Airtime Purchase,Completed,,5.00,\r"
                             "SKX0000002,2025-03-10 10:00:01,Airtime Purchase,Completed,,5.00,\r");
  g_assert_cmpuint (parse->rows->len, ==, 2);
  one = assert_split_same (HEADER_7 "SKX0000001,2025-03-10 10:00:00,Airtime Purchase,Completed,,5.00,\n");
  g_assert_cmpuint (one->rows->len, ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/mpesa-details/kinds", test_details_kinds);
  g_test_add_func ("/mpesa-details/phones", test_details_phones);
  g_test_add_func ("/mpesa-csv/business-layout", test_business_layout);
  g_test_add_func ("/mpesa-csv/customer-layout", test_customer_layout);
  g_test_add_func ("/mpesa-csv/same-receipt-keys", test_same_receipt_keys);
  g_test_add_func ("/mpesa-csv/balance-break", test_balance_break);
  g_test_add_func ("/mpesa-csv/balance-group-break", test_balance_group_break);
  g_test_add_func ("/mpesa-csv/bad-rows", test_bad_rows);
  g_test_add_func ("/mpesa-csv/bad-files", test_bad_files);
  g_test_add_func ("/mpesa-csv/large-file", test_large_file);
  g_test_add_func ("/mpesa-csv/packed-rows", test_packed_rows);
  g_test_add_func ("/mpesa-csv/split-same", test_split_same);
  g_test_add_func ("/mpesa-csv/split-fallbacks", test_split_fallbacks);
  g_test_add_func ("/csv-reader/borrowed", test_reader_borrowed);
  return g_test_run ();
}
