/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for the bank CSV reader and the mapping guesser. Built
 * like the other targets (fuzz-mpesa-csv.c): libFuzzer under clang, its own
 * driver of deterministic mutations otherwise. Each input is read with the
 * mapping guessed from it and with every built-in layout; besides memory
 * errors it checks keys present, distinct and the same on a second read,
 * and rows oldest first. */
#include <string.h>

#include "daftari-bank-csv.h"
#include "fuzz-import.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
check_row (const DaftariImportRow *row)
{
  g_assert (g_str_has_prefix (row->key, "bank:"));
  g_assert (row->line >= 1 && row->receipt && row->details);
  g_assert (g_utf8_validate (row->details, -1, NULL));
}

static void
read_with (const guint8 *data, size_t size, const DaftariBankMapping *mapping)
{
  GError *error = NULL, *again_error = NULL;
  DaftariImportParse *parse = daftari_bank_csv_parse ((const char *) data, size, mapping, &error);
  DaftariImportParse *again = daftari_bank_csv_parse ((const char *) data, size, mapping, &again_error);

  fuzz_check_import (parse, error, TRUE, check_row);
  fuzz_check_same_keys (parse, again);
  daftari_import_parse_free (parse);
  daftari_import_parse_free (again);
  g_clear_error (&error);
  g_clear_error (&again_error);
}

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  GError *error = NULL;
  DaftariBankMapping *guess = daftari_bank_mapping_guess ((const char *) data, size, &error);
  const char *const *names = daftari_bank_mapping_preset_names ();

  g_assert ((guess == NULL) != (error == NULL));
  if (guess != NULL)
    {
      g_autofree char *json = daftari_bank_mapping_to_json (guess);
      DaftariBankMapping *back = daftari_bank_mapping_from_json (json, NULL);
      read_with (data, size, guess);
      /* What is remembered reads back the same. */
      g_assert (back != NULL);
      g_autofree char *json2 = daftari_bank_mapping_to_json (back);
      g_assert (strcmp (json, json2) == 0);
      daftari_bank_mapping_free (back);
    }
  for (guint i = 0; names[i] != NULL; i++)
    {
      DaftariBankMapping *preset = daftari_bank_mapping_preset (names[i]);
      read_with (data, size, preset);
      daftari_bank_mapping_free (preset);
    }
  daftari_bank_mapping_free (guess);
  g_clear_error (&error);
  return 0;
}

#ifdef DAFTARI_FUZZ_STANDALONE
#include "fuzz-mutate.h"

static const char *const seeds[] = {
  "Account Name,DEMO SHOP LTD\nAccount Number,1234567890\n\n"
  "Transaction Date,Value Date,Transaction Details,Bank Reference Number,Money Out,Money In,Ledger Balance\n"
  "05 Mar 2025,05 Mar 2025,\"MPESA C2B 600100 SKA1B2C3D4\",FT25064ABC,,\"1,500.00\",\"11,500.00\"\n"
  "05 Mar 2025,05 Mar 2025,LEDGER FEE,FT25064ABD,30.00,,\"11,470.00\"\n"
  ",,\"continued narration\",,,,\n"
  "06 Mar 2025,06 Mar 2025,\"CHEQUE 000123, RENT\",CHQ000123,\"10,000.00\",,\"1,470.00\"\n",
  "Transaction Date,Value Date,Narrative,Transaction Reference,Debit,Credit,Running Balance\n"
  "31/03/2025,31/03/2025,SALARY MARCH,S123,,\"45,000.00\",\"45,100.00\"\n"
  "31/02/2025,31/02/2025,BAD DATE,S124,10.00,,\"45,090.00\"\n"
  "01/04/2025,01/04/2025,AMOUNT,S125,\"1,00.0\",,\"45,090.00\"\n",
  "Posting Date;Value Date;Narration;Reference;Amount;Dr/Cr;Book Balance\n"
  "2025-03-10 09:15:00;2025-03-10;POS KAMAU STORES;R1;1.250,50;DR;8.749,50\n"
  "2025-03-09 08:00:00;2025-03-09;DEPOSIT;R0;10.000,00;CR;10.000,00\n",
};

static const char *const pieces[] = {
  ",", ";", "\"", "\r\n", "\n", ",,,,,,", "1,00.0", "(500.00)", "100.00 DR", "31/02/25", "29 Feb 2024",
  "2025-13-01", "12:61", "11:59 PM", "Transaction Date,Narrative,Debit,Credit\n", "\xff", "\0", "-",
  "99999999999999999999.99", "Balance b/f",
};

const FuzzDriver fuzz_driver = {
  .seeds = seeds, .n_seeds = G_N_ELEMENTS (seeds),
  .pieces = pieces, .n_pieces = G_N_ELEMENTS (pieces),
  .bytes = ",;\"\n.0 /",
};

#endif
