/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for the M-PESA SMS parser: every input goes through
 * both the paste and the backup XML readers. Built with -fsanitize=fuzzer
 * under clang; with -DDAFTARI_FUZZ_STANDALONE it is its own driver that
 * runs deterministic mutations of real messages, so a gcc build with
 * ASan+UBSan (CI) still exercises it. */
#include <string.h>

#include "daftari-sms.h"
#include "fuzz-import.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
check_row (const DaftariImportRow *row)
{
  /* What the importer relies on, whatever the input. */
  g_assert (row->fee >= 0);
  g_assert (row->receipt[0] != '\0' && row->key[0] != '\0');
  g_assert (row->counterparty && row->phone && row->shortcode && row->reference);
  g_assert (g_utf8_validate (row->counterparty, -1, NULL));
  g_assert (g_utf8_validate (row->reference, -1, NULL));
}

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  GError *error = NULL;
  DaftariImportParse *parse;

  parse = daftari_sms_parse_text ((const char *) data, size, &error);
  fuzz_check_import (parse, error, FALSE, check_row);
  daftari_import_parse_free (parse);
  g_clear_error (&error);

  parse = daftari_sms_parse_backup_xml ((const char *) data, size, &error);
  fuzz_check_import (parse, error, FALSE, check_row);
  daftari_import_parse_free (parse);
  g_clear_error (&error);
  return 0;
}

#ifdef DAFTARI_FUZZ_STANDALONE
#include "fuzz-mutate.h"

static const char *const seeds[] = {
  "SKA1B2C3D4 Confirmed. Ksh500.00 sent to JOHN KAMAU 0712 345 678 on 5/3/25 at 6:27 PM. New M-PESA "
  "balance is Ksh1,204.50. Transaction cost, Ksh7.00. Amount you can transact within the day is 499,500.00.",
  "SKA1B2C3D5 Confirmed.You have received Ksh300.00 from MARY ATIENO 0722000111 on 6/3/25 at 12:16 PM  "
  "New M-PESA balance is Ksh1,504.50.",
  "SKA1B2C3D6 Confirmed. Ksh1,000.00 sent to KPLC PREPAID for account 54100000000 on 7/3/25 at 4:26 PM "
  "New M-PESA balance is Ksh504.50. Transaction cost, Ksh23.00.",
  "SKA1B2C3D7 Confirmed. Ksh70.00 paid to MAMA PIMA SHOP. on 7/3/25 at 4:21 PM.New M-PESA balance is "
  "Ksh434.50. Transaction cost, Ksh0.00.",
  "SKA1B2C3D8 Confirmed.on 8/3/25 at 8:08 AMWithdraw Ksh1,000.00 from 2130000 - BAHATI AGENCIES Main St "
  "New M-PESA balance is Ksh316.26. Transaction cost, Ksh29.00.",
  "SKA1B2C3D9 Confirmed. On 9/3/25 at 9:07 AM Give Ksh2,000.00 cash to BAHATI AGENCIES New M-PESA balance "
  "is Ksh2,316.26.",
  "SKA1B2C3E1 confirmed. You bought Ksh100.00 of airtime for 0712******8 on 9/3/25 at 5:51 PM. New M-PESA "
  "balance is Ksh2,216.26.",
  "SKA1B2C3E2 Confirmed. Transaction SKA1B2C3D4 has been reversed. Your account balance is now Ksh1,711.50.",
  "SKA1B2C3E3 Confirmed. Ksh250.00 received from PETER OTIENO 2547******222 on 10/3/25 at 1:02 PM. New "
  "Account balance is Ksh12,250.00.",
  "SKA1B2C3D6 Confirmed. Fuliza M-PESA amount is Ksh 100.00. Access Fee charged Ksh 1.00. Total Fuliza "
  "M-PESA outstanding amount is Ksh101.00 due on 06/04/25.",
  "SKC1B2C3G1 Confirmed.Ksh500.00 transferred to M-Shwari account on 11/3/25 at 7:05 AM. M-PESA balance "
  "is Ksh1,666.26 .New M-Shwari saving account balance is Ksh3,500.00. Transaction cost Ksh.0.00",
  "Failed. M-PESA is temporarily unable to process your request.",
  "<?xml version='1.0' encoding='UTF-8'?><smses><sms address=\"MPESA\" date=\"1741188420000\" body=\""
  "SKA1B2C3D4 Confirmed. Ksh5.00 sent to A &amp; B 0712345678 on 5/3/25 at 6:27 PM.&#10;&#55357;&#56832;\"/>"
  "<sms address=\"Bank\" body=\"x\"/></smses>",
};

/* Pieces that stress the readers: huge numbers, bad dates, masks, entities. */
static const char *const pieces[] = {
  "Ksh99999999999999999999999.99", "Ksh1,00.0", "Ksh,", "Ksh.", "31/02/25 at 6:27 PM", "99/99/9999 at 99:99 AM",
  " Confirmed.", "SKA1B2C3D4 Confirmed.", "Failed.", "\n\n", "2547******541", "0******", " for account ",
  " sent to ", " on 1/1/00 at 12:00 AM", "&#55357;", "&#xD800;", "&amp;", "<sms address=\"MPESA\" body=\"",
  "\"/>", "Transaction SKA1B2C3D4 has been reversed.", "Ksh1.005", "\xc2\xa0", "\xff", "\0", "*",
};

/* Every seed at once, as a paste of many messages; then one big paste of
 * everything many times over. */
static void
paste_all (void)
{
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    g_string_append_printf (all, "%s\n", seeds[i]);
  fuzz_run (all);
  for (guint i = 0; i < 200; i++)
    g_string_append_len (all, all->str, MIN (all->len, 4096));
  fuzz_run (all);
}

const FuzzDriver fuzz_driver = {
  .seeds = seeds, .n_seeds = G_N_ELEMENTS (seeds),
  .pieces = pieces, .n_pieces = G_N_ELEMENTS (pieces),
  .extra = paste_all,
};

#endif
