/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing parsed M-PESA rows into a book: opening balance, charges,
 * Fuliza, reversals, idempotency across sources, holds (and posting them
 * later), dry runs, undo, categories by rule and by learning, balance
 * adjustments, Daraja balances, and the CLI end to end. */
#include <json-glib/json-glib.h>
#include <string.h>

#include "test-common.h"
#include "test-run-cli.h"
#include "daftari-daraja.h"
#include "daftari-import.h"
#include "daftari-ledger.h"
#include "daftari-mpesa-csv.h"
#include "daftari-sms.h"

#define HEADER_13 "Receipt No.,Completion Time,Initiation Time,Details,Transaction Status,Paid In," \
                  "Withdrawn,Balance,Balance Confirmed,Reason Type,Other Party Info,Linked Transaction ID,A/C No.\n"

/* Newest first, as Safaricom prints it. Opening KES 200; a Paybill with
 * its charge row; a Fuliza-funded Paybill (credit and payment under one
 * receipt, one second); a Fuliza repayment; a transfer with its charge,
 * then reversed (charge refunded). Ends at KES 1,677.00. */
static const char statement[] =
  HEADER_13
  "SKA1B2C3D7,2025-03-10 14:00:00,2025-03-10 14:00:00,\"Reversal\",Completed,\"313.00\",,\"1,677.00\",true,,,SKA1B2C3D6,\n"
  "SKA1B2C3D6,2025-03-10 13:00:00,2025-03-10 13:00:00,\"Customer Transfer of Funds Charge\",Completed,,\"-13.00\",\"1,364.00\",true,,,,\n"
  "SKA1B2C3D6,2025-03-10 13:00:00,2025-03-10 13:00:00,\"Customer Transfer to - 07******901 JOHN KAMAU\",Completed,,\"-300.00\",\"1,377.00\",true,,,,\n"
  "SKA1B2C3D5,2025-03-10 12:30:00,2025-03-10 12:30:00,\"OD Loan Repayment to 232323 - M-PESA Overdraw\",Completed,,\"-323.00\",\"1,677.00\",true,,,,\n"
  "SKA1B2C3D4,2025-03-10 12:00:00,2025-03-10 12:00:00,\"Funds received from - 07******901 PETER OTIENO\",Completed,\"2,000.00\",,\"2,000.00\",true,,,,\n"
  "SKA1B2C3D3,2025-03-10 11:00:00,2025-03-10 11:00:00,\"Pay Bill Fuliza M-Pesa to 888880 - KPLC PREPAID Acc. 54100000000\",Completed,,\"-1,000.00\",\"0.00\",true,,,,\n"
  "SKA1B2C3D3,2025-03-10 11:00:00,2025-03-10 11:00:00,\"OverDraft of Credit Party\",Completed,\"323.00\",,\"1,000.00\",true,,,,\n"
  "SKA1B2C3D2,2025-03-10 10:00:00,2025-03-10 10:00:00,\"Pay Bill Charge\",Completed,,\"-23.00\",\"677.00\",true,,,,\n"
  "SKA1B2C3D2,2025-03-10 10:00:00,2025-03-10 10:00:00,\"Pay Bill to 888880 - KPLC PREPAID Acc. 54100000000\",Completed,,\"-500.00\",\"700.00\",true,,,,\n"
  "SKA1B2C3D1,2025-03-10 09:00:00,2025-03-10 09:00:00,\"Funds received from - 2547******541 JANE WANJIRU\",Completed,\"1,000.00\",,\"1,200.00\",true,,,,\n";

/* Two of the statement's receipts, as the phone saw them. */
static const char sms[] =
  "SKA1B2C3D1 Confirmed.You have received Ksh1,000.00 from JANE WANJIRU 0722000111 on 10/3/25 at 9:00 AM"
  "  New M-PESA balance is Ksh1,200.00.\n"
  "SKA1B2C3D6 Confirmed. Ksh300.00 sent to JOHN KAMAU 0712 345 678 on 10/3/25 at 1:00 PM. New M-PESA balance"
  " is Ksh1,364.00. Transaction cost, Ksh13.00. Amount you can transact within the day is 499,500.00.\n";

/* One payment over the KES 500,000 limit. */
static const char big[] =
  HEADER_13
  "SKB1B2C3D2,2025-03-11 10:00:00,2025-03-11 10:00:00,\"Funds received from - 2547******541 JANE WANJIRU\",Completed,\"600,000.00\",,\"600,150.00\",true,,,,\n"
  "SKB1B2C3D1,2025-03-11 09:00:00,2025-03-11 09:00:00,\"Funds received from - 2547******541 JANE WANJIRU\",Completed,\"50.00\",,\"150.00\",true,,,,\n";

/* A Till payment to a shop the book has seen, one to a shop it has not,
 * and money in. */
static const char till_csv[] =
  HEADER_13
  "SKC1B2C3D3,2025-03-12 11:00:00,2025-03-12 11:00:00,\"Merchant Payment to 777001 - NEW KIOSK\",Completed,,\"-20.00\",\"110.00\",true,,,,\n"
  "SKC1B2C3D2,2025-03-12 10:00:00,2025-03-12 10:00:00,\"Merchant Payment to 123456 - MAMA PIMA SHOP\",Completed,,\"-70.00\",\"130.00\",true,,,,\n"
  "SKC1B2C3D1,2025-03-12 09:00:00,2025-03-12 09:00:00,\"Funds received from - 2547******541 JANE WANJIRU\",Completed,\"200.00\",,\"200.00\",true,,,,\n";

/* Money in whose stated balance is KES 50 above what the wallet will hold. */
static const char short_csv[] =
  HEADER_13
  "SKD1B2C3D1,2025-03-12 09:00:00,2025-03-12 09:00:00,\"Funds received from - 2547******541 JANE WANJIRU\",Completed,\"50.00\",,\"200.00\",true,,,,\n";

/* A C2B confirmation: OrgAccountBalance is the shortcode's, not the wallet's. */
static const char c2b_json[] =
  "{\"TransactionType\":\"Pay Bill\",\"TransID\":\"SKE1B2C3F4\",\"TransTime\":\"20250310110445\","
  "\"TransAmount\":\"400.00\",\"BusinessShortCode\":\"600978\",\"BillRefNumber\":\"INV-2025-0042\","
  "\"OrgAccountBalance\":\"9993931.40\",\"MSISDN\":\"254712345678\",\"FirstName\":\"JOHN\"}";

typedef struct {
  TestBook *tb;
  gint64    wallet;   /* an M-PESA wallet with no history */
  gint64    fuliza;
  gint64    electricity;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(DaftariAccount) fuliza = NULL;

  f->tb = test_book_new ();
  f->wallet = test_add_wallet (f->tb->book, "M-PESA Biashara", DAFTARI_ACCOUNT_MPESA, NULL, 0, 0, FALSE);
  fuliza = daftari_account_find_role (f->tb->book, DAFTARI_ROLE_FULIZA, NULL);
  f->fuliza = fuliza->id;
  f->electricity = test_account_id (f->tb->book, "Electricity (KPLC)");
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_strdup (f->tb->dir);

  test_book_free (f->tb);
  test_remove_dir (dir);
}

static DaftariImportParse *
parse_csv (const char *text)
{
  g_autoptr(GError) error = NULL;
  DaftariImportParse *parse = daftari_mpesa_csv_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  return parse;
}

static DaftariImportResult *
import_with (Fixture *f, const char *kind, const char *text, const DaftariImportOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariImportParse) parse = NULL;
  DaftariImportResult *result;

  if (g_str_equal (kind, "sms"))
    parse = daftari_sms_parse_text (text, strlen (text), &error);
  else if (g_str_equal (kind, "daraja"))
    parse = daftari_daraja_parse (text, strlen (text), &error);
  else
    parse = parse_csv (text);
  g_assert_no_error (error);
  result = daftari_import_rows_full (f->tb->book, f->wallet, kind, "fixture", parse, options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  for (guint i = 0; i < result->warnings->len; i++)
    g_test_message ("warning: %s", (const char *) g_ptr_array_index (result->warnings, i));
  return result;
}

static DaftariImportResult *
import (Fixture *f, const char *kind, const char *text, gboolean dry_run)
{
  DaftariImportOptions options = { .dry_run = dry_run };
  return import_with (f, kind, text, &options);
}

static gint64
splits_in (Fixture *f, gint64 account)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM split WHERE account_id = %lld", (long long) account);
  return test_db_int (f->tb->path, sql);
}

static void
assert_statement_landed (Fixture *f)
{
  g_assert_cmpint (test_balance (f->tb->book, f->wallet), ==, 167700);
  /* KES 23 Paybill charge; the transfer's KES 13 came back with its reversal. */
  g_assert_cmpint (test_balance (f->tb->book, f->tb->charges), ==, 2300);
  /* Both KPLC Paybills (888880) by the default rule; the transfer came back. */
  g_assert_cmpint (test_balance (f->tb->book, f->electricity), ==, 150000);
  g_assert_cmpint (test_balance (f->tb->book, f->tb->other), ==, 0);
  /* Fuliza lent KES 323 and was repaid: moved twice, back to zero. */
  g_assert_cmpint (splits_in (f, f->fuliza), ==, 2);
  g_assert_cmpint (test_balance (f->tb->book, f->fuliza), ==, 0);
  test_assert_sound (f->tb->book);
  test_assert_balanced (f->tb->path);
}

static void
test_statement (Fixture *f, gconstpointer data)
{
  g_autoptr(DaftariImportResult) r = import (f, "mpesa-csv", statement, FALSE);

  g_assert_cmpuint (r->n_rows, ==, 10);
  g_assert_cmpuint (r->n_new, ==, 10);
  g_assert_cmpuint (r->n_duplicate + r->n_held + r->n_rejected + r->n_skipped, ==, 0);
  g_assert_cmpuint (r->warnings->len, ==, 0);
  g_assert_cmpuint (r->n_by_rule, ==, 2);
  g_assert_cmpuint (r->n_learned, ==, 0);
  /* A posted row keeps nothing its transaction holds: a rule's choice is
   * the rule's, and the text is the memo after the receipt. */
  g_assert_cmpint (test_db_int (f->tb->path,
                                "SELECT count(*) FROM import_row r JOIN txn t ON t.id = r.txn_id "
                                "WHERE r.state = 'posted' AND r.details = '' AND t.counterparty = '888880'"), ==, 2);
  g_assert_cmpint (test_db_int (f->tb->path,
                                "SELECT count(*) FROM import_row r JOIN txn t ON t.id = r.txn_id "
                                "WHERE r.details = '' AND t.memo NOT LIKE r.receipt || ' %'"), ==, 0);
  /* Members with nothing to say are left out: no empty text, no zero fee. */
  g_assert_cmpint (test_db_int (f->tb->path,
                                "SELECT count(*) FROM import_row, json_each (nullif (details, '')) "
                                "WHERE json_each.value = '' OR (json_each.key = 'fee' AND json_each.value = 0)"), ==, 0);
  /* A posted row's counterparty, reference, fee, balance, kind and line are
   * in its transaction or its file, not again in its details. */
  g_assert_cmpint (test_db_int (f->tb->path,
                                "SELECT count(*) FROM import_row, json_each (nullif (details, '')) WHERE state = 'posted' "
                                "AND json_each.key IN ('counterparty', 'phone', 'shortcode', 'reference', 'fee', "
                                "'balance', 'reversed_receipt', 'kind', 'line')"), ==, 0);
  g_assert_cmpint (test_db_int (f->tb->path, "SELECT count(*) FROM txn WHERE counterparty = '888880'"), ==, 2);
  /* The opening balance: the first row's balance less its amount. */
  g_assert_cmpint (test_balance (f->tb->book, f->tb->opening), ==, -1000000 - 100000000 - 20000);
  assert_statement_landed (f);
  /* The charge row is a fee split of its payment, not a transaction of its own. */
  g_assert_cmpint (test_db_int (f->tb->path,
                                "SELECT count(*) FROM split s JOIN txn t ON t.id = s.txn_id "
                                "WHERE s.role = 1 AND t.channel = 'paybill'"), ==, 1);
}

static void
test_twice (Fixture *f, gconstpointer data)
{
  g_autoptr(DaftariImportResult) first = import (f, "mpesa-csv", statement, FALSE);
  gint64 txns = test_db_int (f->tb->path, "SELECT count(*) FROM txn");
  g_autoptr(DaftariImportResult) again = import (f, "mpesa-csv", statement, FALSE);

  g_assert_cmpuint (again->n_new, ==, 0);
  g_assert_cmpuint (again->n_duplicate, ==, 10);
  g_assert_cmpuint (again->n_rows, ==, first->n_rows);
  g_assert_cmpint (test_db_int (f->tb->path, "SELECT count(*) FROM txn"), ==, txns);
  assert_statement_landed (f);
}

static void
test_sms_then_statement (Fixture *f, gconstpointer data)
{
  g_autoptr(DaftariImportResult) phone = import (f, "sms", sms, FALSE);
  g_autoptr(DaftariImportResult) stmt = NULL;

  g_assert_cmpuint (phone->n_new, ==, 2);
  stmt = import (f, "mpesa-csv", statement, FALSE);
  /* The receipt, the transfer and its charge row were there already. */
  g_assert_cmpuint (stmt->n_duplicate, ==, 3);
  g_assert_cmpuint (stmt->n_new, ==, 7);
  g_assert_cmpuint (stmt->n_rejected, ==, 0);
  g_assert_cmpint (test_db_int (f->tb->path,
                                "SELECT count(*) FROM txn WHERE voided = 0 AND memo LIKE 'SKA1B2C3D1%'"), ==, 1);
  assert_statement_landed (f);
}

static void
test_held (Fixture *f, gconstpointer data)
{
  g_autoptr(DaftariImportResult) r = import (f, "mpesa-csv", big, FALSE);
  g_autoptr(DaftariImportResult) again = NULL;

  g_assert_cmpuint (r->n_new, ==, 1);
  g_assert_cmpuint (r->n_held, ==, 1);
  g_assert_cmpint (test_balance (f->tb->book, f->wallet), ==, 15000);
  g_assert_cmpint (test_db_int (f->tb->path, "SELECT count(*) FROM import_row WHERE state = 'held' "
                                             "AND txn_id IS NULL AND receipt = 'SKB1B2C3D2'"), ==, 1);
  /* A held row keeps the parsed row whole: it is posted later from that alone. */
  g_assert_cmpint (test_db_int (f->tb->path, "SELECT count(*) FROM import_row WHERE state = 'held' "
                                             "AND json_extract (nullif (details, ''), '$.balance') IS NOT NULL"), ==, 1);
  g_assert_cmpint (test_db_int (f->tb->path, "SELECT count(*) FROM import_row WHERE state = 'posted' "
                                             "AND json_extract (nullif (details, ''), '$.balance') IS NOT NULL"), ==, 0);
  /* The difference the hold leaves is reported. */
  g_assert_cmpuint (r->warnings->len, >=, 2);
  again = import (f, "mpesa-csv", big, FALSE);
  g_assert_cmpuint (again->n_duplicate, ==, 2);
  test_assert_sound (f->tb->book);
}

static void
test_dry_run (Fixture *f, gconstpointer data)
{
  g_autofree char *before = test_db_dump (f->tb->path);
  g_autoptr(DaftariImportResult) r = import (f, "mpesa-csv", statement, TRUE);
  g_autofree char *after = test_db_dump (f->tb->path);

  g_assert_cmpuint (r->n_new, ==, 10);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (test_balance (f->tb->book, f->wallet), ==, 0);
}

static void
test_undo (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariImportResult) r = import (f, "mpesa-csv", statement, FALSE);
  g_autoptr(DaftariImportResult) again = NULL;

  g_assert_true (daftari_import_undo (f->tb->book, r->batch_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_balance (f->tb->book, f->wallet), ==, 0);
  g_assert_cmpint (test_balance (f->tb->book, f->tb->charges), ==, 0);
  g_assert_cmpint (test_balance (f->tb->book, f->fuliza), ==, 0);
  g_assert_cmpint (test_db_int (f->tb->path, "SELECT count(*) FROM import_row"), ==, 0);
  test_assert_sound (f->tb->book);
  /* Undone once is undone. */
  g_assert_false (daftari_import_undo (f->tb->book, r->batch_id, &error));
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID);

  again = import (f, "mpesa-csv", statement, FALSE);
  g_assert_cmpuint (again->n_new, ==, 10);
  assert_statement_landed (f);
}

static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariImportParse) parse = parse_csv (statement);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *before = test_db_dump (f->tb->path);
  g_autofree char *after = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_null (daftari_import_rows (f->tb->book, f->wallet, "mpesa-csv", "x", parse, FALSE, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = test_db_dump (f->tb->path);
  g_assert_cmpstr (before, ==, after);
}

/* ---- Categories, adjustments, Daraja balances, held rows --------------- */

/* Paid from the bank to the shop, filed under Food by the user. */
static void
post_history (Fixture *f, gint64 food, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DaftariTxn) txn = daftari_txn_new (DAFTARI_TXN_PAYMENT, test_day (f->tb->book, (int) i));
      g_autoptr(GError) error = NULL;
      g_autofree char *memo = g_strdup_printf ("SKH%07u Merchant Payment to 123456 - MAMA PIMA SHOP", i);
      daftari_txn_set_text (&txn->memo, memo);
      daftari_txn_set_text (&txn->payee, "MAMA PIMA SHOP");
      daftari_txn_set_text (&txn->channel, "till");
      daftari_txn_set_text (&txn->counterparty, "123456");
      daftari_txn_add_split (txn, f->tb->kcb, -(5000 + 100 * (gint64) i), -(5000 + 100 * (gint64) i), 0);
      daftari_txn_add_split (txn, food, 5000 + 100 * (gint64) i, 5000 + 100 * (gint64) i, 0);
      g_assert_true (daftari_ledger_post (f->tb->book, txn, NULL, &error));
      g_assert_no_error (error);
    }
}

static void
test_learned_category (Fixture *f, gconstpointer data)
{
  gint64 food = test_account_id (f->tb->book, "Food");
  g_autoptr(DaftariImportResult) r = NULL;

  post_history (f, food, 6);
  r = import (f, "mpesa-csv", till_csv, FALSE);
  g_assert_cmpuint (r->n_new, ==, 3);
  g_assert_cmpuint (r->n_learned, ==, 1);
  g_assert_cmpuint (r->n_by_rule, ==, 0);
  /* The shop the book knows went to Food; the new kiosk stayed in the default. */
  g_assert_cmpint (test_db_int (f->tb->path, "SELECT count(*) FROM split s JOIN txn t ON t.id = s.txn_id "
                                             "JOIN account a ON a.id = s.account_id "
                                             "WHERE a.name = 'Food' AND t.memo LIKE 'SKC1B2C3D2%'"), ==, 1);
  g_assert_cmpint (test_balance (f->tb->book, f->tb->other), ==, 2000);
  g_assert_cmpint (test_db_int (f->tb->path,
                                "SELECT json_extract (nullif (details, ''), '$.suggestion.confidence') FROM import_row "
                                "WHERE receipt = 'SKC1B2C3D2' AND json_extract (nullif (details, ''), '$.category_source') = 'learned' "
                                "AND json_extract (nullif (details, ''), '$.suggestion.why') = 'learned from 6 similar payments'"),
                   >=, 80);
  g_assert_cmpint (test_db_int (f->tb->path,
                                "SELECT count(*) FROM import_row WHERE receipt = 'SKC1B2C3D3' "
                                "AND json_extract (nullif (details, ''), '$.category_source') = 'default'"), ==, 1);
  test_assert_sound (f->tb->book);
}

static void
test_adjustment (Fixture *f, gconstpointer data)
{
  DaftariImportOptions adjust = { .adjust_balance = TRUE };
  g_autoptr(DaftariImportResult) plain = NULL, r = NULL;
  g_autoptr(GError) error = NULL;
  gint64 opening_before;

  /* History: KES 100 opened on day 0; the statement says KES 200 after KES 50 came in. */
  g_assert_true (daftari_ops_opening_balance (f->tb->book, f->wallet, 10000, test_day (f->tb->book, 0), NULL, &error));
  g_assert_no_error (error);
  opening_before = test_balance (f->tb->book, f->tb->opening);
  plain = import (f, "mpesa-csv", short_csv, TRUE);
  g_assert_cmpint (plain->adjustment_id, ==, 0);
  g_assert_cmpuint (plain->warnings->len, ==, 1);

  r = import_with (f, "mpesa-csv", short_csv, &adjust);
  g_assert_cmpint (r->adjustment, ==, 5000);
  g_assert_cmpint (r->adjustment_id, >, 0);
  g_assert_cmpint (test_balance (f->tb->book, f->wallet), ==, 20000);
  g_assert_cmpint (test_balance (f->tb->book, f->tb->opening), ==, opening_before - 5000);
  g_assert_cmpint (test_db_int (f->tb->path, "SELECT count(*) FROM txn WHERE channel = 'adjustment' "
                                             "AND memo LIKE 'Import balance adjustment%'"), ==, 1);
  test_assert_sound (f->tb->book);
  test_assert_balanced (f->tb->path);
  /* Part of the batch: undo takes it back too. */
  g_assert_true (daftari_import_undo (f->tb->book, r->batch_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_balance (f->tb->book, f->wallet), ==, 10000);
  g_assert_cmpint (test_db_int (f->tb->path, "SELECT count(*) FROM txn WHERE channel = 'adjustment' AND voided = 0"), ==, 0);
}

/* A difference a held row explains is not an adjustment. */
static void
test_adjustment_not_for_held (Fixture *f, gconstpointer data)
{
  DaftariImportOptions adjust = { .adjust_balance = TRUE };
  g_autoptr(DaftariImportResult) r = import_with (f, "mpesa-csv", big, &adjust);
  g_autoptr(DaftariImportResult) again = import_with (f, "mpesa-csv", big, &adjust);

  g_assert_cmpuint (r->n_held, ==, 1);
  g_assert_cmpint (r->adjustment_id, ==, 0);
  g_assert_cmpint (again->adjustment_id, ==, 0);
  g_assert_cmpint (test_db_int (f->tb->path, "SELECT count(*) FROM txn WHERE channel = 'adjustment'"), ==, 0);
}

static void
test_daraja_balance (Fixture *f, gconstpointer data)
{
  DaftariImportOptions adjust = { .adjust_balance = TRUE };
  g_autoptr(DaftariImportResult) r = import_with (f, "daraja", c2b_json, &adjust);

  g_assert_cmpuint (r->n_new, ==, 1);
  /* No opening from the shortcode's balance, no comparison, no adjustment. */
  g_assert_cmpint (test_balance (f->tb->book, f->wallet), ==, 40000);
  g_assert_cmpint (test_db_int (f->tb->path, "SELECT count(*) FROM import_batch WHERE opening_txn_id IS NOT NULL"),
                   ==, 0);
  g_assert_cmpint (r->adjustment_id, ==, 0);
  g_assert_cmpuint (r->warnings->len, ==, 0);
}

static void
test_held_post (Fixture *f, gconstpointer data)
{
  g_autoptr(DaftariImportResult) r = import (f, "mpesa-csv", big, FALSE);
  g_autoptr(GPtrArray) held = NULL, none = NULL, after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *refused = NULL;
  const DaftariImportHeld *h;
  gint64 txn_id = 0;

  held = daftari_import_held_list (f->tb->book, f->wallet, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (held->len, ==, 1);
  h = g_ptr_array_index (held, 0);
  g_assert_cmpstr (h->receipt, ==, "SKB1B2C3D2");
  g_assert_cmpint (h->amount, ==, 60000000);
  g_assert_cmpint (h->batch_id, ==, r->batch_id);
  g_assert_cmpstr (h->kind, ==, "received");
  g_assert_cmpstr (h->counterparty, ==, "JANE WANJIRU");
  none = daftari_import_held_list (f->tb->book, f->wallet, r->batch_id + 1, &error);
  g_assert_cmpuint (none->len, ==, 0);

  /* The limit is hard: still over it, the post is refused with the ledger's reason. */
  before = test_db_dump (f->tb->path);
  g_assert_false (daftari_import_held_post (f->tb->book, h->id, &txn_id, &error));
  g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_LIMIT);
  g_clear_error (&error);
  refused = test_db_dump (f->tb->path);
  g_assert_cmpstr (before, ==, refused);

  g_assert_true (daftari_book_set_txn_limit (f->tb->book, 100000000, &error));
  g_assert_no_error (error);
  g_assert_true (daftari_import_held_post (f->tb->book, h->id, &txn_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (txn_id, >, 0);
  g_assert_cmpint (test_balance (f->tb->book, f->wallet), ==, 60015000);
  g_assert_cmpint (test_db_int (f->tb->path, "SELECT held * 10 + new FROM import_batch"), ==, 2);
  after = daftari_import_held_list (f->tb->book, 0, 0, &error);
  g_assert_cmpuint (after->len, ==, 0);
  g_assert_false (daftari_import_held_post (f->tb->book, h->id, NULL, &error));
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  test_assert_sound (f->tb->book);
  /* It joined its batch. */
  g_assert_true (daftari_import_undo (f->tb->book, r->batch_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_balance (f->tb->book, f->wallet), ==, 0);
}

static void
test_held_dismiss (Fixture *f, gconstpointer data)
{
  g_autoptr(DaftariImportResult) r = import (f, "mpesa-csv", big, FALSE);
  g_autoptr(DaftariImportResult) again = NULL;
  g_autoptr(GPtrArray) held = daftari_import_held_list (f->tb->book, 0, r->batch_id, NULL);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (held->len, ==, 1);
  g_assert_true (daftari_import_held_dismiss (f->tb->book, ((DaftariImportHeld *) held->pdata[0])->id, &error));
  g_assert_no_error (error);
  after = daftari_import_held_list (f->tb->book, 0, 0, &error);
  g_assert_cmpuint (after->len, ==, 0);
  g_assert_cmpint (test_db_int (f->tb->path, "SELECT held FROM import_batch"), ==, 0);
  g_assert_cmpint (test_balance (f->tb->book, f->wallet), ==, 15000);
  /* Forgotten: the file brings it back for review. */
  again = import (f, "mpesa-csv", big, FALSE);
  g_assert_cmpuint (again->n_held, ==, 1);
  g_assert_cmpuint (again->n_duplicate, ==, 1);
}

/* ---- Outcomes, progress, cancel ----------------------------------------- */

/* Already imported: the first row of fates_csv. */
static const char fates_first[] =
  HEADER_13
  "SKF1B2C3D1,2025-03-13 09:00:00,2025-03-13 09:00:00,\"Funds received from - 2547******541 JANE WANJIRU\",Completed,\"100.00\",,\"100.00\",true,,,,\n";

/* Newest first: a payment the wallet cannot cover (the big receipt before
 * it is held), a receipt over the limit, a new receipt, and the row above. */
static const char fates_csv[] =
  HEADER_13
  "SKF1B2C3D4,2025-03-13 12:00:00,2025-03-13 12:00:00,\"Customer Transfer to - 07******901 JOHN KAMAU\",Completed,,\"-5,000.00\",\"595,150.00\",true,,,,\n"
  "SKF1B2C3D3,2025-03-13 11:00:00,2025-03-13 11:00:00,\"Funds received from - 2547******541 JANE WANJIRU\",Completed,\"600,000.00\",,\"600,150.00\",true,,,,\n"
  "SKF1B2C3D2,2025-03-13 10:00:00,2025-03-13 10:00:00,\"Funds received from - 07******901 PETER OTIENO\",Completed,\"50.00\",,\"150.00\",true,,,,\n"
  "SKF1B2C3D1,2025-03-13 09:00:00,2025-03-13 09:00:00,\"Funds received from - 2547******541 JANE WANJIRU\",Completed,\"100.00\",,\"100.00\",true,,,,\n";

static const DaftariImportOutcome *
outcome (const DaftariImportResult *r, guint i)
{
  g_assert_nonnull (r->outcomes);
  g_assert_cmpuint (i, <, r->outcomes->len);
  return &g_array_index (r->outcomes, DaftariImportOutcome, i);
}

static void
test_outcomes (Fixture *f, gconstpointer data)
{
  g_autoptr(DaftariImportResult) first = import (f, "mpesa-csv", fates_first, FALSE);
  g_autofree char *before = test_db_dump (f->tb->path);
  g_autoptr(DaftariImportResult) r = import (f, "mpesa-csv", fates_csv, TRUE);
  g_autofree char *after = test_db_dump (f->tb->path);
  const DaftariImportFate fates[] = { DAFTARI_IMPORT_REJECTED, DAFTARI_IMPORT_HELD, DAFTARI_IMPORT_NEW,
                                      DAFTARI_IMPORT_DUPLICATE };
  const gint64 amounts[] = { -500000, 60000000, 5000, 10000 };

  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (first->outcomes->len, ==, 1);
  g_assert_cmpint (outcome (first, 0)->fate, ==, DAFTARI_IMPORT_NEW);
  g_assert_cmpuint (r->outcomes->len, ==, 4);
  /* In the file's order (newest first here), not the order of posting. */
  for (guint i = 0; i < G_N_ELEMENTS (fates); i++)
    {
      const DaftariImportOutcome *o = outcome (r, i);
      g_assert_cmpuint (o->line, ==, i + 2);
      g_assert_cmpint (o->fate, ==, fates[i]);
      g_assert_cmpint (o->amount, ==, amounts[i]);
      g_assert_cmpint (o->fee, ==, 0);
      /* Why, for held and rejected rows only. */
      g_assert_true ((o->message != NULL) == (o->fate == DAFTARI_IMPORT_HELD || o->fate == DAFTARI_IMPORT_REJECTED));
      /* A category only for what would be posted. */
      g_assert_true ((o->category_id != 0) == (o->fate == DAFTARI_IMPORT_NEW));
    }
  g_assert_cmpstr (outcome (r, 0)->receipt, ==, "SKF1B2C3D4");
  g_assert_cmpstr (outcome (r, 0)->description, ==, "JOHN KAMAU");
  g_assert_nonnull (strstr (outcome (r, 1)->message, "limit"));
  g_assert_cmpint (outcome (r, 2)->category_id, ==, test_account_id (f->tb->book, "Other income"));
  g_assert_cmpint (outcome (r, 2)->confidence, ==, 0);
  g_assert_cmpuint (r->n_new + r->n_duplicate + r->n_held + r->n_rejected, ==, 4);
  g_assert_cmpuint (r->n_rejected, ==, 1);
}

/* A payment and its charge row are one outcome, with the fee; a rule's category is sure. */
static void
test_outcomes_merged (Fixture *f, gconstpointer data)
{
  g_autoptr(DaftariImportResult) r = import (f, "mpesa-csv", statement, FALSE);
  gboolean paybill_seen = FALSE;

  g_assert_cmpuint (r->outcomes->len, ==, 8);
  for (guint i = 0; i < r->outcomes->len; i++)
    {
      const DaftariImportOutcome *o = outcome (r, i);
      g_assert_cmpint (o->fate, ==, DAFTARI_IMPORT_NEW);
      if (i > 0)
        g_assert_cmpuint (o->line, >, outcome (r, i - 1)->line);
      if (g_strcmp0 (o->receipt, "SKA1B2C3D2") == 0)
        {
          paybill_seen = TRUE;
          g_assert_cmpint (o->amount, ==, -50000);
          g_assert_cmpint (o->fee, ==, 2300);
          g_assert_cmpint (o->category_id, ==, f->electricity);
          g_assert_cmpint (o->confidence, ==, 100);
        }
    }
  g_assert_true (paybill_seen);
}

/* n receipts of KES 1, one a minute, newest first. */
static char *
many_rows (guint n)
{
  GString *csv = g_string_new (HEADER_13);

  for (guint i = n; i-- > 0;)
    g_string_append_printf (csv, "SKG%07u,2025-03-14 %02u:%02u:00,2025-03-14 00:00:00,\"Funds received from - "
                            "2547******541 JANE WANJIRU\",Completed,\"1.00\",,\"%u.00\",true,,,,\n",
                            i, i / 60 % 24, i % 60, i + 1);
  return g_string_free (csv, FALSE);
}

typedef struct {
  guint         calls;
  guint         last_done;
  guint         total;
  GCancellable *cancel;   /* cancelled at the first call, when set */
} Progress;

static void
on_progress (guint done, guint total, gpointer data)
{
  Progress *p = data;

  g_assert_cmpuint (done, >=, p->last_done);
  g_assert_cmpuint (done, <=, total);
  p->calls++;
  p->last_done = done;
  p->total = total;
  if (p->cancel != NULL)
    g_cancellable_cancel (p->cancel);
}

static void
test_progress (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = many_rows (1400);
  Progress p = { 0 };
  DaftariImportOptions options = { .progress = on_progress, .progress_data = &p };
  g_autoptr(DaftariImportResult) r = import_with (f, "mpesa-csv", csv, &options);
  g_autoptr(DaftariImportResult) again = NULL;

  g_assert_cmpuint (r->n_new, ==, 1400);
  g_assert_cmpuint (p.total, ==, 1400);
  g_assert_cmpuint (p.last_done, ==, 1400);
  /* Between chunks, and once at the end: more than once, never a flood. */
  g_assert_cmpuint (p.calls, >, 1);
  g_assert_cmpuint (p.calls, <=, 101);
  g_assert_cmpint (test_balance (f->tb->book, f->wallet), ==, 140000);
  /* Every row is remembered: a second time, all are duplicates. */
  again = import (f, "mpesa-csv", csv, FALSE);
  g_assert_cmpuint (again->n_duplicate, ==, 1400);
  g_assert_cmpuint (again->n_new, ==, 0);
  test_assert_sound (f->tb->book);
}

/* Cancelled after the first chunk was written inside the batch: nothing lands. */
static void
test_cancel_midway (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = many_rows (1400);
  g_autoptr(DaftariImportParse) parse = parse_csv (csv);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = test_db_dump (f->tb->path);
  g_autofree char *after = NULL;
  Progress p = { .cancel = cancellable };
  DaftariImportOptions options = { .progress = on_progress, .progress_data = &p };

  g_assert_null (daftari_import_rows_full (f->tb->book, f->wallet, "mpesa-csv", "x", parse, &options,
                                           cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (p.calls, ==, 1);
  g_assert_cmpuint (p.last_done, >, 0);
  g_assert_cmpuint (p.last_done, <, 1400);
  after = test_db_dump (f->tb->path);
  g_assert_cmpstr (before, ==, after);
}

/* ---- The CLI ------------------------------------------------------------ */

static void
test_cli (void)
{
  g_autofree char *dir = NULL, *book = NULL, *file = NULL, *junk = NULL, *undo = NULL;
  g_autofree char *out = NULL, *out2 = NULL, *out3 = NULL, *out4 = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *keys[] = { "rows", "new", "duplicate", "skipped", "held", "rejected", "warnings", "batch" };
  JsonObject *o;

  if (g_getenv ("DAFTARI_CLI") == NULL)
    {
      g_test_skip ("DAFTARI_CLI is not set");
      return;
    }
  dir = test_make_dir ();
  book = g_build_filename (dir, "cli.daftari", NULL);
  file = g_build_filename (dir, "statement.csv", NULL);
  junk = g_build_filename (dir, "junk.csv", NULL);
  g_assert_true (g_file_set_contents (file, statement, -1, NULL));
  g_assert_true (g_file_set_contents (junk, "\x01\x02\x00\x03", 4, NULL));
  g_assert_cmpint (test_run_cli (book, &out, NULL, "init", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (test_run_cli (book, &out, NULL, "account", "add", "M-PESA", "--kind", "mpesa", NULL), ==, 0);

  g_assert_cmpint (test_run_cli (book, &out2, NULL, "--json", "import", "mpesa-csv", file, "--wallet", "M-PESA", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out2, -1, &error));
  g_assert_no_error (error);
  o = json_node_get_object (json_parser_get_root (parser));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (json_object_has_member (o, keys[i]));
  g_assert_cmpint (json_object_get_int_member (o, "new"), ==, 10);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (o, "warnings")), ==, 0);
  undo = g_strdup_printf ("%lld", (long long) json_object_get_int_member (o, "batch"));

  /* A file that is not a statement is refused whole. */
  g_assert_cmpint (test_run_cli (book, &out3, NULL, "import", "mpesa-csv", junk, "--wallet", "M-PESA", NULL), ==, 1);
  g_assert_cmpint (test_run_cli (book, &out4, NULL, "import", "undo", undo, NULL), ==, 0);
  g_assert_cmpint (test_db_int (book, "SELECT count(*) FROM split s JOIN account a ON a.id = s.account_id "
                                      "WHERE a.name = 'M-PESA'"), ==, 0);
  test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  test_common_init (&argc, &argv);
  g_test_add ("/import/statement", Fixture, NULL, setup, test_statement, teardown);
  g_test_add ("/import/twice", Fixture, NULL, setup, test_twice, teardown);
  g_test_add ("/import/sms-then-statement", Fixture, NULL, setup, test_sms_then_statement, teardown);
  g_test_add ("/import/held", Fixture, NULL, setup, test_held, teardown);
  g_test_add ("/import/dry-run", Fixture, NULL, setup, test_dry_run, teardown);
  g_test_add ("/import/undo", Fixture, NULL, setup, test_undo, teardown);
  g_test_add ("/import/cancel", Fixture, NULL, setup, test_cancel, teardown);
  g_test_add ("/import/learned-category", Fixture, NULL, setup, test_learned_category, teardown);
  g_test_add ("/import/adjustment", Fixture, NULL, setup, test_adjustment, teardown);
  g_test_add ("/import/adjustment-not-for-held", Fixture, NULL, setup, test_adjustment_not_for_held, teardown);
  g_test_add ("/import/daraja-balance", Fixture, NULL, setup, test_daraja_balance, teardown);
  g_test_add ("/import/held-post", Fixture, NULL, setup, test_held_post, teardown);
  g_test_add ("/import/held-dismiss", Fixture, NULL, setup, test_held_dismiss, teardown);
  g_test_add ("/import/outcomes", Fixture, NULL, setup, test_outcomes, teardown);
  g_test_add ("/import/outcomes-merged", Fixture, NULL, setup, test_outcomes_merged, teardown);
  g_test_add ("/import/progress", Fixture, NULL, setup, test_progress, teardown);
  g_test_add ("/import/cancel-midway", Fixture, NULL, setup, test_cancel_midway, teardown);
  g_test_add_func ("/import/cli", test_cli);
  return g_test_run ();
}
