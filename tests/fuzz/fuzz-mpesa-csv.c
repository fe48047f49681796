/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for the M-PESA statement CSV reader (and through it the
 * Details classifier). Built with -fsanitize=fuzzer under clang; with
 * -DDAFTARI_FUZZ_STANDALONE it is its own driver of deterministic
 * mutations of real layouts, so a gcc build with ASan+UBSan (CI) still
 * exercises it. Besides memory errors it checks what the importer relies
 * on: keys present, distinct, and the same when the input is read again,
 * in two halves at once this time (daftari_mpesa_csv_parse_split). */
#include <string.h>

#include "daftari-mpesa-csv.h"
#include "fuzz-import.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
check_row (const DaftariImportRow *row)
{
  g_assert (row->fee == 0);
  g_assert (g_str_has_prefix (row->key, "csv:"));
  g_assert (strlen (row->receipt) >= 9 && row->line >= 1);
  g_assert (row->counterparty && row->phone && row->shortcode && row->reference && row->details);
  g_assert (g_utf8_validate (row->counterparty, -1, NULL));
  g_assert (g_utf8_validate (row->reference, -1, NULL));
  g_assert (row->phone[0] == '\0' || g_str_has_prefix (row->phone, "254"));
}

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  GError *error = NULL, *again_error = NULL;
  DaftariImportParse *parse = daftari_mpesa_csv_parse ((const char *) data, size, &error);
  DaftariImportParse *again = daftari_mpesa_csv_parse_split ((const char *) data, size, 0, &again_error);

  fuzz_check_import (parse, error, TRUE, check_row);
  fuzz_check_same_keys (parse, again);
  g_assert (parse == NULL || parse->problems->len == again->problems->len);
  for (guint i = 0; parse != NULL && i < parse->rows->len; i++)
    g_assert (((DaftariImportRow *) parse->rows->pdata[i])->line == ((DaftariImportRow *) again->rows->pdata[i])->line);
  for (guint i = 0; parse != NULL && i < parse->problems->len; i++)
    g_assert (((DaftariImportProblem *) parse->problems->pdata[i])->line ==
              ((DaftariImportProblem *) again->problems->pdata[i])->line);
  g_assert (parse != NULL || strcmp (error->message, again_error->message) == 0);
  daftari_import_parse_free (parse);
  daftari_import_parse_free (again);
  g_clear_error (&error);
  g_clear_error (&again_error);
  return 0;
}

#ifdef DAFTARI_FUZZ_STANDALONE
#include "fuzz-mutate.h"

static const char *const seeds[] = {
  "\xEF\xBB\xBF" "Account Holder:,DEMO SHOP\r\n\r\n"
  "Receipt No.,Completion Time,Initiation Time,Details,Transaction Status,Paid In,Withdrawn,Balance,"
  "Balance Confirmed,Reason Type,Other Party Info,Linked Transaction ID,A/C No.\r\n"
  "SKX1AB2CD5,2024-11-29 20:10:00,2024-11-29 20:09:58,\"Pay Bill to 888880 - KPLC PREPAID Acc. 54100000000\","
  "Completed,,\"-1,000.00\",\"1,108.83\",true,Pay Bill Online,888880 - KPLC PREPAID,,54100000000\r\n"
  "SKX1AB2CD6,2024-11-29 20:05:00,2024-11-29 20:05:00,Airtime Purchase,Failed,,-50.00,\"2,108.83\",,,,,\r\n"
  "SKX1AB2CD4,2024-11-29 20:00:00,2024-11-29 20:00:00,\"Funds received from - 2547******541 JANE WANJIRU\","
  "COMPLETED,\"2,000.00\",,\"2,108.83\",true,,,,\r\n"
  "SKX1AB2CD3,2024-11-29 19:37:59,2024-11-29 19:37:58,\"Funds received from -\r\n2547******541 JANE WANJIRU\","
  "Completed,10.00,,108.83,true,,\"2547******541 - JANE WANJIRU\",SKX1AB2CD1,\r\n",
  "Receipt No.,Completion Time,Details,Transaction Status,Paid In,Withdrawn,Balance\n"
  "TFA1B2C3D4,2025-03-10 12:00:00,OverDraft of Credit Party,Completed,80.00,,100.00\n"
  "TFA1B2C3D4,2025-03-10 12:00:00,\"Merchant Payment Fuliza M-Pesa to 5123456 - MAMA PIMA SHOP\",Completed,,100.00,0.00\n"
  "TFA1B2C3D3,2025-03-10 11:00:00,Customer Transfer of Funds Charge,Completed,,13.00,20.00\n"
  "TFA1B2C3D3,2025-03-10 11:00:00,\"Customer Transfer to - 07******901 JOHN \"\"J\"\" KAMAU\",Completed,,500.00,33.00\n"
  "TFA1B2C3D2,2025-03-10 10:00:00,\"Business Payment from 300600 - Equity via API. Original\",Completed,533.00,,533.00\n"
  "TFA1B2C3D1,28/02/2025 10:00,Send Money Reversal via API,Completed,1.00,,\n"
  "TFA1B2C3D0,31/02/25 10:00:00,OD Loan Repayment to 232323 - M-PESA Overdraw,Completed,\"1,00.0\",,\n",
};

static const char *const pieces[] = {
  ",", "\"", "\"\"", "\r", "\n", "\r\n", "\"a,\nb\"", ",,,,,,,,,,,,", "99999999999999999999.99", "-9223372036854775808",
  "1,00.0", "2024-11-29 19:37:59", "2024-11-29 19:37:59", "9999-12-31 23:59:59", "1970-01-01 00:00:00",
  "31/02/25", "2025-02-31 10:00:00", "SKX1AB2CD3", "Completed", "Failed", "Receipt No.,Completion Time,Details,Paid In,Withdrawn\n",
  "Pay Bill to ", " Acc. ", " - ", "2547******541", "07******901", "Charge", "Fuliza M-Pesa to ", "\xEF\xBB\xBF",
  "\xc2\xa0", "\xff", "\0", "*",
};

static void
mutate (GRand *rand, GString *s)
{
  guint pos = fuzz_position (rand, s);
  guint choice = (guint) g_rand_int_range (rand, 0, 7);

  if (choice == 3)          /* duplicate a line-sized range: same receipts, same seconds */
    {
      guint len = (guint) g_rand_int_range (rand, 1, 200);
      g_autofree char *copy = NULL;
      len = MIN (s->len - pos, len);
      copy = g_memdup2 (s->str + pos, len);
      g_string_insert_len (s, pos, copy, len);
    }
  else if (choice == 5)     /* swap in a byte that matters to the reader */
    {
      if (s->len)
        s->str[pos] = ",\"\r\n-.*0"[g_rand_int_range (rand, 0, 8)];
    }
  else if (choice == 6)
    fuzz_insert_digits (rand, s, pos);
  else
    fuzz_mutate_common (rand, s, pos, choice, pieces, G_N_ELEMENTS (pieces));
}

/* Many rows in one second under one receipt: the balance check must stay
 * fast on a hostile group. */
static void
run_hostile_group (void)
{
  g_autoptr(GString) big = g_string_new (seeds[1]);

  for (guint i = 0; i < 20000; i++)
    g_string_append (big, "TFA1B2C3D4,2025-03-10 12:00:00,Reversal,Completed,1.00,,5.00\n");
  fuzz_run (big);
}

const FuzzDriver fuzz_driver = {
  .seeds = seeds, .n_seeds = G_N_ELEMENTS (seeds),
  .pieces = pieces, .n_pieces = G_N_ELEMENTS (pieces),
  .mutate = mutate,
  .extra = run_hostile_group,
};

#endif
