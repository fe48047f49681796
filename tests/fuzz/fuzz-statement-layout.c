/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for the statement PDF's text half: words and positions
 * back into rows and SUMMARY checks (daftari-statement-layout.h), without
 * poppler. The input is text, a word per space-separated token: a line
 * "@P X Y" moves the pen to page P at (X, Y), other lines are drawn at the
 * pen, one line below the other, each word after the last. Built like the
 * other targets (fuzz-mpesa-csv.c). */
#include <string.h>

#include "daftari-statement-layout.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static GPtrArray *
words_from (const char *text, gsize length)
{
  GPtrArray *words = g_ptr_array_new_with_free_func ((GDestroyNotify) daftari_pdf_word_free);
  g_autofree char *copy = g_strndup (text, length);
  g_auto(GStrv) lines = g_strsplit (copy, "\n", -1);
  double x0 = 30, y = 40;
  guint page = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) tokens = NULL;
      double x = x0;
      if (lines[i][0] == '@')
        {
          char *end = lines[i] + 1;
          page = (guint) MIN (g_ascii_strtoull (end, &end, 10), 1000);
          x0 = g_ascii_strtod (end, &end);
          y = g_ascii_strtod (end, &end);
          continue;
        }
      tokens = g_strsplit (lines[i], " ", -1);
      for (guint k = 0; tokens[k] != NULL; k++)
        {
          double width = 3.5 * g_utf8_strlen (tokens[k], -1);
          if (*tokens[k] != '\0' && g_utf8_validate (tokens[k], -1, NULL))
            g_ptr_array_add (words, daftari_pdf_word_new (page, x, y, x + width, y + 8, tokens[k]));
          x += width + 3.5;
        }
      y += 10;
    }
  return words;
}

static void
check_parse (DaftariImportParse *parse)
{
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < parse->rows->len; i++)
    {
      DaftariImportRow *row = g_ptr_array_index (parse->rows, i);
      g_assert (g_str_has_prefix (row->key, "pdf:"));
      g_assert (g_hash_table_add (keys, row->key));
      g_assert (strlen (row->receipt) >= 9 && row->line >= 1);
      g_assert (g_utf8_validate (row->details, -1, NULL));
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  g_autoptr(GPtrArray) words = words_from ((const char *) data, size);
  GError *error = NULL;
  DaftariImportParse *parse = daftari_statement_layout_parse (words, &error);

  g_assert ((parse == NULL) != (error == NULL));
  if (parse != NULL)
    check_parse (parse);
  daftari_import_parse_free (parse);
  g_clear_error (&error);
  return 0;
}

#ifdef DAFTARI_FUZZ_STANDALONE
#include "fuzz-mutate.h"

static const char *const seeds[] = {
  "M-PESA STATEMENT\nSUMMARY\nTRANSACTION TYPE PAID IN PAID OUT\nRECEIVED MONEY: 1,000.00 0.00\n"
  "OTHERS: 0.00 23.00\nTOTAL: 1,000.00 523.00\n"
  "Receipt No.      Completion Time        Details                    Transaction Status   Paid In   Withdrawn   Balance\n"
  "SKA1B2C3D2       2024-11-29 10:00:00    Pay Bill Charge            Completed                     -23.00      577.00\n"
  "SKA1B2C3D2       2024-11-29 10:00:00    Pay Bill to 888880 - KPLC  Completed                     -500.00     600.00\n"
  "                                        PREPAID Acc. 54100000000\n"
  "SKA1B2C3D1       2024-11-29 09:00:00    Funds received from -      Completed            1,000.00             1,100.00\n"
  "                                        2547******541 JANE WANJIRU\n",
  "MPESA FULL STATEMENT\nTOTAL: 0.00 1,000.00\n"
  "Receipt No. Completion Time Details Transaction Status Paid In Withdrawn Balance\n"
  "@1 30 40\nReceipt No. Completion Time Details Transaction Status Paid In Withdrawn Balance\n"
  "SKA1B2C3D3 2024-11-29 11:00:00 OverDraft of Credit Party COMPLETED 423.00 1,000.00\n"
  "SKA1B2C3D3 2024-11-29 11:00:00 Merchant Payment Fuliza M-Pesa to COMPLETED 1,000.00 0.00\n"
  "5123456 - MAMA PIMA SHOP\n",
};

static const char *const pieces[] = {
  "\n", " ", "@0 -1e308 nan\n", "@2 0 0\n", "SKA1B2C3D9", "Completed", "Failed", "2024-02-30 10:00:00",
  "TOTAL:", "1,00.0", "-9223372036854775808", "Receipt No.", "Paid In", "Balance", "\xff", "\0",
};

const FuzzDriver fuzz_driver = {
  .seeds = seeds, .n_seeds = G_N_ELEMENTS (seeds),
  .pieces = pieces, .n_pieces = G_N_ELEMENTS (pieces),
  .bytes = " \n-.,0@",
};

#endif
