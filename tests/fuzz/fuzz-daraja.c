/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for the Daraja callback reader. Built with
 * -fsanitize=fuzzer under clang; with -DDAFTARI_FUZZ_STANDALONE it is its
 * own driver of deterministic mutations of real callbacks, so a gcc build
 * with ASan+UBSan (CI) still exercises it. Besides memory errors it checks
 * what the importer relies on: positive amounts, one key per receipt. */
#include <string.h>

#include "daftari-daraja.h"
#include "fuzz-import.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
check_row (const DaftariImportRow *row)
{
  g_assert (row->amount > 0 && row->fee == 0);
  g_assert (row->kind == DAFTARI_MPESA_BUSINESS_RECEIVED);
  g_assert (g_str_has_prefix (row->key, "daraja:") && strcmp (row->key + 7, row->receipt) == 0);
  g_assert (row->counterparty && row->phone && row->shortcode && row->reference && row->details);
  g_assert (g_utf8_validate (row->counterparty, -1, NULL));
  g_assert (g_utf8_validate (row->reference, -1, NULL));
}

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  GError *error = NULL;
  DaftariImportParse *parse = daftari_daraja_parse ((const char *) data, size, &error);

  fuzz_check_import (parse, error, TRUE, check_row);
  daftari_import_parse_free (parse);
  g_clear_error (&error);
  return 0;
}

#ifdef DAFTARI_FUZZ_STANDALONE
#include "fuzz-mutate.h"

#define C2B "{\"TransactionType\":\"Pay Bill\",\"TransID\":\"SKA1B2C3F4\",\"TransTime\":\"20250310110445\"," \
  "\"TransAmount\":\"4.00\",\"BusinessShortCode\":\"600978\",\"BillRefNumber\":\"INV-2025-0042\"," \
  "\"OrgAccountBalance\":\"9993931.40\",\"MSISDN\":\"2547******541\",\"FirstName\":\"JOHN\",\"LastName\":\"KAMAU\"}"
#define STK "{\"Body\":{\"stkCallback\":{\"MerchantRequestID\":\"29115-34620561-1\",\"CheckoutRequestID\":\"ws_CO_1\"," \
  "\"ResultCode\":0,\"ResultDesc\":\"ok\",\"CallbackMetadata\":{\"Item\":[{\"Name\":\"Amount\",\"Value\":1.00}," \
  "{\"Name\":\"MpesaReceiptNumber\",\"Value\":\"NLJ7RT61SV\"},{\"Name\":\"Balance\"}," \
  "{\"Name\":\"TransactionDate\",\"Value\":20250310155745},{\"Name\":\"PhoneNumber\",\"Value\":254708374149}]}}}}"
#define STK_1032 "{\"Body\":{\"stkCallback\":{\"ResultCode\":1032,\"ResultDesc\":\"Request cancelled by user\"}}}"

static const char *const seeds[] = { C2B, STK, STK_1032, "[" C2B "," STK "," STK_1032 "," C2B "]" };

static const char *const pieces[] = {
  "{", "}", "[", "]", ",", ":", "\"", "null", "true", "1e308", "-1e308", "1.005", "-4.00", "0",
  "99999999999999999999", "9223372036854775807", "\"20250231110445\"", "20250310155745", "\"1,00.0\"",
  "{\"Name\":\"Amount\"}", "\"TransID\":", "\"Value\":", "\"Body\":{\"stkCallback\":{}}", "\\u0000", "\\ud800",
  "\xff", "\0", "2547XXXXXXXX",
};

const FuzzDriver fuzz_driver = {
  .seeds = seeds, .n_seeds = G_N_ELEMENTS (seeds),
  .pieces = pieces, .n_pieces = G_N_ELEMENTS (pieces),
};

#endif
