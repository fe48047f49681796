/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The M-PESA confirmation SMS parser on the spec's examples (mpesa-formats.md
 * §3), sloppy variants, pastes of many messages, and SMS backup files. */
#include <string.h>

#include "daftari-import-error.h"
#include "daftari-sms.h"
#include "import-parse-test.h"

#define SENT "SKA1B2C3D4 Confirmed. Ksh500.00 sent to JOHN KAMAU 0712 345 678 on 5/3/25 at 6:27 PM. New M-PESA\n" \
  "balance is Ksh1,204.50. Transaction cost, Ksh7.00. Amount you can transact within the day is 499,500.00."
#define RECEIVED "SKA1B2C3D5 Confirmed.You have received Ksh300.00 from MARY ATIENO 0722000111 on 6/3/25 at\n" \
  "12:16 PM  New M-PESA balance is Ksh1,504.50."
#define PAYBILL "SKA1B2C3D6 Confirmed. Ksh1,000.00 sent to KPLC PREPAID for account 54100000000 on 7/3/25 at\n" \
  "4:26 PM New M-PESA balance is Ksh504.50. Transaction cost, Ksh23.00."
#define TILL "SKA1B2C3D7 Confirmed. Ksh70.00 paid to MAMA PIMA SHOP. on 7/3/25 at 4:21 PM.New\n" \
  "M-PESA balance is Ksh434.50. Transaction cost, Ksh0.00."
#define WITHDRAW "SKA1B2C3D8 Confirmed.on 8/3/25 at 8:08 AMWithdraw Ksh1,000.00 from 2130000 - BAHATI AGENCIES\n" \
  "Main St New M-PESA balance is Ksh316.26. Transaction cost, Ksh29.00."
#define DEPOSIT "SKA1B2C3D9 Confirmed. On 9/3/25 at 9:07 AM Give Ksh2,000.00 cash to BAHATI AGENCIES New M-PESA\n" \
  "balance is Ksh2,316.26."
#define AIRTIME "SKA1B2C3E1 confirmed. You bought Ksh100.00 of airtime on 9/3/25 at 5:51 PM. New M-PESA balance\n" \
  "is Ksh2,216.26."
#define REVERSAL "SKA1B2C3E2 Confirmed. Transaction SKA1B2C3D4 has been reversed. Your account balance is now\n" \
  "Ksh1,711.50."
#define BUSINESS "SKA1B2C3E3 Confirmed. Ksh250.00 received from PETER OTIENO 0733000222\n" \
  "on 10/3/25 at 1:02 PM. New Account balance is Ksh12,250.00."
/* Fuliza shares the receipt of the payment it topped up; the repayment
 * that of the money that came in. Neither carries a date of its own. */
#define FULIZA "SKA1B2C3D6 Confirmed. Fuliza M-PESA amount is Ksh 100.00. Access Fee charged Ksh 1.00. Total " \
  "Fuliza M-PESA outstanding amount is Ksh101.00 due on 06/04/25. To check daily charges, Dial *234*0#OK"
#define FULIZA_PAY "SKA1B2C3D5 Confirmed. Ksh 50.00 from your M-PESA has been used to fully pay your outstanding " \
  "Fuliza M-PESA. Available Fuliza M-PESA limit is Ksh 1,000.00. M-PESA balance is Ksh1,454.50."
#define MSHWARI_IN "SKC1B2C3G1 Confirmed.Ksh500.00 transferred to M-Shwari account on 11/3/25 at 7:05 AM. " \
  "M-PESA balance is Ksh1,666.26 .New M-Shwari saving account balance is Ksh3,500.00. Transaction cost Ksh.0.00"
#define MSHWARI_OUT "SKC1B2C3G2 Confirmed.Ksh200.00 transferred from M-Shwari account on 12/3/25 at 8:00 PM. " \
  "M-Shwari balance is Ksh3,300.00 .M-PESA balance is Ksh1,866.26 .Transaction cost Ksh.0.00"
#define MASKED_SENT "SKD1B2C3H1 Confirmed. Ksh40.00 sent to JANE WANJIKU 07******901 on 13/3/25 at 10:00 AM. " \
  "New M-PESA balance is Ksh100.00. Transaction cost, Ksh0.00."
#define MASKED_RECEIVED "SKD1B2C3H2 Confirmed.You have received Ksh10.00 from ALI HASSAN 2547******541 on " \
  "13/3/25 at 12:00 AM New M-PESA balance is Ksh110.00."
#define SLOPPY "SKE1B2C3H1 Confirmed.Ksh1000.00 sent to  PAUL   MWANGI 0712345678 on 1/4/25 at 11:59 AMNew " \
  "M-PESA balance is Ksh2000.00.Transaction cost,Ksh13.00."
#define FAILED "Failed. M-PESA is temporarily unable to process your request. Please try again later."
#define PROMO "Dear Customer, enjoy 50% bonus on data bundles this weekend. Dial *544# now."
#define ENQUIRY "SKF1B2C3J1 Confirmed. Your account balance was: M-PESA Account : Ksh2,216.26 Business " \
  "Account : Ksh0.00 on 9/3/25 at 6:00 PM. Transaction cost, Ksh0.00."
#define LIMIT_ONLY "Amount you can transact within the day is 499,500.00."

/* UTC seconds of an EAT (UTC+3) wall time, by the days-from-civil formula
 * rather than the parser's GDateTime, so the two are independent. */
static gint64
eat (int y, int m, int d, int hour24, int minute)
{
  int yy = m <= 2 ? y - 1 : y;
  int era = yy / 400;
  int yoe = yy - era * 400;
  int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  gint64 days = (gint64) era * 146097 + doe - 719468;

  return days * 86400 + hour24 * 3600 + minute * 60 - 3 * 3600;
}

static DaftariImportParse *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  DaftariImportParse *parse = daftari_sms_parse_text (text, strlen (text), &error);

  return import_test_parsed (parse, error);
}

typedef struct {
  const char      *text;
  const char      *receipt;
  DaftariMpesaKind kind;
  gint64           ts;
  gint64           amount, fee;
  gboolean         has_balance;
  gint64           balance;
  const char      *counterparty, *phone, *shortcode, *reference;
} Expected;

static void
assert_row (const DaftariImportRow *row, const Expected *e)
{
  g_autofree char *key = g_strdup_printf ("sms:%s:%s", e->receipt, daftari_mpesa_kind_to_string (e->kind));

  g_test_message ("%s", e->text);
  g_assert_cmpstr (row->receipt, ==, e->receipt);
  g_assert_cmpstr (daftari_mpesa_kind_to_string (row->kind), ==, daftari_mpesa_kind_to_string (e->kind));
  g_assert_cmpint (row->ts, ==, e->ts);
  g_assert_cmpint (row->amount, ==, e->amount);
  g_assert_cmpint (row->fee, ==, e->fee);
  g_assert_cmpint (row->has_balance, ==, e->has_balance);
  if (e->has_balance)
    g_assert_cmpint (row->balance, ==, e->balance);
  g_assert_cmpstr (row->counterparty, ==, e->counterparty);
  g_assert_cmpstr (row->phone, ==, e->phone);
  g_assert_cmpstr (row->shortcode, ==, e->shortcode);
  g_assert_cmpstr (row->reference, ==, e->reference);
  g_assert_cmpstr (row->key, ==, key);
  g_assert_nonnull (row->details);
  g_assert_nonnull (row->reversed_receipt);
}

static const Expected *
single_kinds (guint *n)
{
  static Expected e[] = {
    { SENT, "SKA1B2C3D4", DAFTARI_MPESA_SENT, 0, -50000, 700, TRUE, 120450,
      "JOHN KAMAU", "254712345678", "", "" },
    { RECEIVED, "SKA1B2C3D5", DAFTARI_MPESA_RECEIVED, 0, 30000, 0, TRUE, 150450,
      "MARY ATIENO", "254722000111", "", "" },
    { PAYBILL, "SKA1B2C3D6", DAFTARI_MPESA_PAYBILL, 0, -100000, 2300, TRUE, 50450,
      "KPLC PREPAID", "", "", "54100000000" },
    { TILL, "SKA1B2C3D7", DAFTARI_MPESA_TILL, 0, -7000, 0, TRUE, 43450, "MAMA PIMA SHOP", "", "", "" },
    { WITHDRAW, "SKA1B2C3D8", DAFTARI_MPESA_WITHDRAW, 0, -100000, 2900, TRUE, 31626,
      "BAHATI AGENCIES Main St", "", "2130000", "" },
    { DEPOSIT, "SKA1B2C3D9", DAFTARI_MPESA_DEPOSIT, 0, 200000, 0, TRUE, 231626, "BAHATI AGENCIES", "", "", "" },
    { AIRTIME, "SKA1B2C3E1", DAFTARI_MPESA_AIRTIME, 0, -10000, 0, TRUE, 221626, "", "", "", "" },
    { BUSINESS, "SKA1B2C3E3", DAFTARI_MPESA_BUSINESS_RECEIVED, 0, 25000, 0, TRUE, 1225000,
      "PETER OTIENO", "254733000222", "", "" },
    { MSHWARI_IN, "SKC1B2C3G1", DAFTARI_MPESA_MSHWARI_DEPOSIT, 0, -50000, 0, TRUE, 166626, "", "", "", "" },
    { MSHWARI_OUT, "SKC1B2C3G2", DAFTARI_MPESA_MSHWARI_WITHDRAW, 0, 20000, 0, TRUE, 186626, "", "", "", "" },
    { MASKED_SENT, "SKD1B2C3H1", DAFTARI_MPESA_SENT, 0, -4000, 0, TRUE, 10000,
      "JANE WANJIKU", "2547******901", "", "" },
    { MASKED_RECEIVED, "SKD1B2C3H2", DAFTARI_MPESA_RECEIVED, 0, 1000, 0, TRUE, 11000,
      "ALI HASSAN", "2547******541", "", "" },
    { SLOPPY, "SKE1B2C3H1", DAFTARI_MPESA_SENT, 0, -100000, 1300, TRUE, 200000,
      "PAUL MWANGI", "254712345678", "", "" },
  };

  e[0].ts = eat (2025, 3, 5, 18, 27);
  e[1].ts = eat (2025, 3, 6, 12, 16);
  e[2].ts = eat (2025, 3, 7, 16, 26);
  e[3].ts = eat (2025, 3, 7, 16, 21);
  e[4].ts = eat (2025, 3, 8, 8, 8);
  e[5].ts = eat (2025, 3, 9, 9, 7);
  e[6].ts = eat (2025, 3, 9, 17, 51);
  e[7].ts = eat (2025, 3, 10, 13, 2);
  e[8].ts = eat (2025, 3, 11, 7, 5);
  e[9].ts = eat (2025, 3, 12, 20, 0);
  e[10].ts = eat (2025, 3, 13, 10, 0);
  e[11].ts = eat (2025, 3, 13, 0, 0);   /* 12:00 AM is midnight */
  e[12].ts = eat (2025, 4, 1, 11, 59);
  *n = G_N_ELEMENTS (e);
  return e;
}

static void
test_each_kind (void)
{
  guint n;
  const Expected *e = single_kinds (&n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DaftariImportParse) parse = parse_ok (e[i].text);

      g_assert_cmpuint (parse->problems->len, ==, 0);
      g_assert_cmpuint (parse->rows->len, ==, 1);
      assert_row (import_test_row (parse, 0), &e[i]);
      g_assert_cmpuint (import_test_row (parse, 0)->line, ==, 1);
    }
}

/* All of them in one paste, run together with single spaces: every message
 * still comes out once, in order, with the same values. */
static void
test_run_together (void)
{
  guint n;
  const Expected *e = single_kinds (&n);
  g_autoptr(GString) paste = g_string_new (NULL);
  g_autoptr(DaftariImportParse) parse = NULL;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (paste, "%s%s", i ? (i % 2 ? " " : "\n\n") : "", e[i].text);
  parse = parse_ok (paste->str);
  g_assert_cmpuint (parse->problems->len, ==, 0);
  g_assert_cmpuint (parse->rows->len, ==, n);
  for (guint i = 0; i < n; i++)
    assert_row (import_test_row (parse, i), &e[i]);
}

static void
test_reversal_and_fuliza (void)
{
  g_autoptr(DaftariImportParse) parse =
    parse_ok (SENT "\n\n" REVERSAL "\n" RECEIVED "\n" FULIZA_PAY "\n" PAYBILL "\n" FULIZA);
  DaftariImportRow *rev, *fuliza, *repay;

  g_assert_cmpuint (parse->problems->len, ==, 0);
  g_assert_cmpuint (parse->rows->len, ==, 6);
  rev = import_test_row (parse, 1);
  g_assert_cmpint (rev->kind, ==, DAFTARI_MPESA_REVERSAL);
  g_assert_cmpstr (rev->reversed_receipt, ==, "SKA1B2C3D4");
  g_assert_cmpstr (rev->key, ==, "sms:SKA1B2C3E2:reversal");
  /* No date nor amount of its own: the original's time, its amount and
   * charge given back, as the balance (1,204.50 + 507.00) confirms. */
  g_assert_cmpint (rev->ts, ==, eat (2025, 3, 5, 18, 27));
  g_assert_cmpint (rev->amount, ==, 50700);
  g_assert_true (rev->has_balance);
  g_assert_cmpint (rev->balance, ==, 171150);
  g_assert_cmpuint (rev->line, ==, 4);

  repay = import_test_row (parse, 3);
  g_assert_cmpint (repay->kind, ==, DAFTARI_MPESA_FULIZA_REPAYMENT);
  g_assert_cmpint (repay->amount, ==, -5000);
  g_assert_cmpint (repay->ts, ==, eat (2025, 3, 6, 12, 16));
  g_assert_cmpint (repay->balance, ==, 145450);
  g_assert_cmpstr (repay->key, ==, "sms:SKA1B2C3D5:fuliza-repayment");

  fuliza = import_test_row (parse, 5);
  g_assert_cmpint (fuliza->kind, ==, DAFTARI_MPESA_FULIZA_CREDIT);
  g_assert_cmpint (fuliza->amount, ==, 10000);
  g_assert_cmpint (fuliza->fee, ==, 100);
  g_assert_false (fuliza->has_balance);
  g_assert_cmpint (fuliza->ts, ==, eat (2025, 3, 7, 16, 26));
}

/* Alone, a reversal has no date to go by: rejected, never guessed. */
static void
test_reversal_alone (void)
{
  g_autoptr(DaftariImportParse) parse = parse_ok (REVERSAL);

  g_assert_cmpuint (parse->rows->len, ==, 0);
  g_assert_cmpuint (parse->problems->len, ==, 1);
  g_assert_true (import_test_problem (parse, 0)->rejected);
  g_assert_nonnull (strstr (import_test_problem (parse, 0)->message, "no date"));
}

static void
test_duplicates (void)
{
  g_autoptr(DaftariImportParse) parse = parse_ok (SENT "\n" TILL "\n\n" SENT "\n" SENT);
  g_autoptr(DaftariImportParse) conflict =
    parse_ok (SENT "\n\nSKA1B2C3D4 Confirmed. Ksh600.00 sent to JOHN KAMAU 0712345678 on 5/3/25 at 6:27 PM.");

  g_assert_cmpuint (parse->rows->len, ==, 2);
  g_assert_cmpuint (parse->problems->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_false (import_test_problem (parse, i)->rejected);
      g_assert_nonnull (strstr (import_test_problem (parse, i)->message, "copy"));
      g_assert_nonnull (strstr (import_test_problem (parse, i)->message, "SKA1B2C3D4"));
    }
  g_assert_cmpuint (import_test_problem (parse, 0)->line, ==, 6);

  g_assert_cmpuint (conflict->rows->len, ==, 1);
  g_assert_cmpuint (conflict->problems->len, ==, 1);
  g_assert_true (import_test_problem (conflict, 0)->rejected);
}

static void
test_skipped (void)
{
  static const struct { const char *text; const char *reason; } cases[] = {
    { FAILED, "failed" }, { PROMO, "promotion" }, { ENQUIRY, "balance enquiry" },
    { LIMIT_ONLY, "daily" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strconcat (cases[i].text, "\n\n", TILL, NULL);
      g_autoptr(DaftariImportParse) parse = parse_ok (text);

      g_assert_cmpuint (parse->rows->len, ==, 1);
      g_assert_cmpuint (parse->problems->len, ==, 1);
      g_assert_false (import_test_problem (parse, 0)->rejected);
      g_assert_cmpuint (import_test_problem (parse, 0)->line, ==, 1);
      g_assert_nonnull (strstr (import_test_problem (parse, 0)->message, cases[i].reason));
    }
  /* "Failed." runs on straight after a message and still starts its own. */
  {
    g_autoptr(DaftariImportParse) parse = parse_ok (TILL " " FAILED);
    g_assert_cmpuint (parse->rows->len, ==, 1);
    g_assert_cmpuint (parse->problems->len, ==, 1);
  }
}

static void
test_rejected (void)
{
  g_autoptr(DaftariImportParse) parse = parse_ok (
    "SKA1B2C3D4 Confirmed. Ksh500.00 sent to JOHN KAMAU 0712345678 on 31/02/25 at 6:27 PM. New M-PESA balance is Ksh1.00.\n"
    "SKA1B2C3D5 Confirmed. Ksh1,00.0 sent to JOHN KAMAU 0712345678 on 1/3/25 at 6:27 PM.\n"
    "SKA1B2C3D6 Confirmed. Ksh5.00 sent to JOHN KAMAU 0712345678 on 1/3/25 at 13:27 PM.\n"
    "SKA1B2C3D7 Confirmed. Ksh99999999999999999999.00 sent to X 0712345678 on 1/3/25 at 1:27 PM.\n"
    "SKA1B2C3D8 Confirmed. Something new happened on 1/3/25 at 1:27 PM.\n"
    TILL);
  static const char *const expect[] = { "31/02/25", "1,00.0", "13:27 PM", "too large", "does not know" };

  g_assert_cmpuint (parse->rows->len, ==, 1);
  g_assert_cmpstr (import_test_row (parse, 0)->receipt, ==, "SKA1B2C3D7");
  g_assert_cmpuint (parse->problems->len, ==, G_N_ELEMENTS (expect));
  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      g_test_message ("%s", import_test_problem (parse, i)->message);
      g_assert_true (import_test_problem (parse, i)->rejected);
      g_assert_cmpuint (import_test_problem (parse, i)->line, ==, i + 1);
      g_assert_nonnull (strstr (import_test_problem (parse, i)->message, expect[i]));
    }
}

static void
test_not_text (void)
{
  static const char bad[] = "SKA1B2C3D4 Confirmed. Ksh500.00 sent to \xff\xfe JOHN on 5/3/25 at 6:27 PM.";
  static const char nul[] = "SKA1B2C3D4 Confirmed.\0 Ksh5.00";
  g_autoptr(GError) error = NULL;

  g_assert_null (daftari_sms_parse_text (bad, sizeof bad - 1, &error));
  g_assert_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_NOT_TEXT);
  g_clear_error (&error);
  g_assert_null (daftari_sms_parse_text (nul, sizeof nul - 1, &error));
  g_assert_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_NOT_TEXT);
  g_clear_error (&error);
  g_assert_null (daftari_sms_parse_backup_xml (bad, sizeof bad - 1, &error));
  g_assert_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_NOT_TEXT);
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariImportParse) empty = daftari_sms_parse_text (NULL, 0, &error);
  g_autoptr(DaftariImportParse) blank = parse_ok (" \n\n \t\n");

  g_assert_no_error (error);
  g_assert_cmpuint (empty->rows->len + empty->problems->len, ==, 0);
  g_assert_cmpuint (blank->rows->len + blank->problems->len, ==, 0);
  g_assert_null (daftari_sms_parse_backup_xml ("", 0, &error));
  g_assert_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_MALFORMED);
}

static void
test_masked_phones (void)
{
  static const char *const cases[][2] = {
    { "07******901", "2547******901" }, { "2547******541", "2547******541" },
    { "+254 7** *** 541", "2547*****541" }, { "0712 345 678", "254712345678" },
    { "0112***678", "254112***678" }, { "08******901", NULL }, { "07**901", NULL }, { "07*******************1", NULL }, { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *phone = NULL;
      gboolean ok = daftari_sms_phone_normalise (cases[i][0], &phone);

      g_assert_cmpint (ok, ==, cases[i][1] != NULL);
      g_assert_cmpstr (phone, ==, cases[i][1]);
    }
}

#define XML_HEAD "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"5\">\n"

static void
test_backup_xml (void)
{
  static const char xml[] =
    XML_HEAD
    "  <sms protocol=\"0\" address=\"MPESA\" date=\"1741188420000\" type=\"1\" body=\"SKA1B2C3D4 Confirmed. "
    "Ksh500.00 sent to JOHN &amp; SONS 0712 345 678 on 5/3/25 at 6:27 PM.&#10;New M-PESA balance is "
    "Ksh1,204.50. Transaction cost, Ksh7.00.\" />\n"
    "  <sms address=\"+254722000111\" date=\"1741188420000\" body=\"SKA1B2C3D9 Confirmed. Ksh5.00 sent to "
    "ME 0712345678 on 5/3/25 at 6:27 PM. Haha &#55357;&#56832;\" />\n"
    "  <sms address=\"mpesa\" date=\"1741500000000\" body=\"SKA1B2C3E2 Confirmed. Transaction SKA1B2C3XY "
    "has been reversed. Your account balance is now Ksh1,711.50. &#55357;&#56832; &#55357;\" />\n"
    "  <sms address=\"MPESA\" date=\"1741500000000\" body=\"" FAILED "\" />\n"
    "  <sms address=\"MPESA\" date=\"1741500000000\" body=\"SKA1B2C3D4 Confirmed. Ksh500.00 sent to JOHN "
    "&amp; SONS 0712 345 678 on 5/3/25 at 6:27 PM.&#10;New M-PESA balance is Ksh1,204.50.\" />\n"
    "</smses>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariImportParse) parse = daftari_sms_parse_backup_xml (xml, sizeof xml - 1, &error);
  DaftariImportRow *sent, *rev;

  g_assert_no_error (error);
  g_assert_cmpuint (parse->rows->len, ==, 2);
  sent = import_test_row (parse, 0);
  g_assert_cmpstr (sent->counterparty, ==, "JOHN & SONS");
  g_assert_cmpstr (sent->phone, ==, "254712345678");
  g_assert_cmpint (sent->ts, ==, eat (2025, 3, 5, 18, 27));   /* the body's date, not the attribute */
  g_assert_cmpint (sent->balance, ==, 120450);
  g_assert_cmpuint (sent->line, ==, 3);
  rev = import_test_row (parse, 1);
  g_assert_cmpint (rev->kind, ==, DAFTARI_MPESA_REVERSAL);
  g_assert_cmpstr (rev->reversed_receipt, ==, "SKA1B2C3XY");
  g_assert_cmpint (rev->ts, ==, 1741500000);                   /* from the attribute */
  g_assert_cmpint (rev->amount, ==, 0);                        /* the original is not here */
  g_assert_cmpuint (parse->problems->len, ==, 2);              /* Failed, and the duplicate */
  g_assert_false (import_test_problem (parse, 0)->rejected);
  g_assert_nonnull (strstr (import_test_problem (parse, 1)->message, "copy"));
}

static void
test_backup_malformed (void)
{
  static const char *const bad[] = { XML_HEAD "<sms address=\"MPESA\" body=\"x", "<smses><sms></smses>",
                                     "just text", XML_HEAD "<sms address=\"MPESA\" body=\"&bogus;\"/></smses>" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_assert_null (daftari_sms_parse_backup_xml (bad[i], strlen (bad[i]), &error));
      g_assert_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_MALFORMED);
    }
}

/* 50,000 messages run together, some without a date or an amount: linear,
 * so this takes well under a second. */
static void
test_large_paste (void)
{
  g_autoptr(GString) paste = g_string_new (NULL);
  g_autoptr(DaftariImportParse) parse = NULL;
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < 50000; i++)
    g_string_append_printf (paste, "SK%08u Confirmed. Ksh%u.00 sent to JOHN KAMAU 0712345678 on 5/3/25 at "
                            "6:27 PM. New M-PESA balance is Ksh1,204.50. ", i, i + 1);
  parse = parse_ok (paste->str);
  g_assert_cmpuint (parse->rows->len, ==, 50000);
  g_assert_cmpint (import_test_row (parse, 49999)->amount, ==, -5000000);
  g_test_message ("50,000 messages in %.2f s", (g_get_monotonic_time () - start) / 1e6);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import/sms/each-kind", test_each_kind);
  g_test_add_func ("/import/sms/run-together", test_run_together);
  g_test_add_func ("/import/sms/reversal-and-fuliza", test_reversal_and_fuliza);
  g_test_add_func ("/import/sms/reversal-alone", test_reversal_alone);
  g_test_add_func ("/import/sms/duplicates", test_duplicates);
  g_test_add_func ("/import/sms/skipped", test_skipped);
  g_test_add_func ("/import/sms/rejected", test_rejected);
  g_test_add_func ("/import/sms/not-text", test_not_text);
  g_test_add_func ("/import/sms/empty", test_empty);
  g_test_add_func ("/import/sms/masked-phones", test_masked_phones);
  g_test_add_func ("/import/sms/backup-xml", test_backup_xml);
  g_test_add_func ("/import/sms/backup-malformed", test_backup_malformed);
  g_test_add_func ("/import/sms/large-paste", test_large_paste);
  return g_test_run ();
}
