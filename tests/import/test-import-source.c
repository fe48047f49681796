/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Telling import files apart by their content, and the one way each is
 * read: what the Import assistant and `daftari-cli import` share. */
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "daftari-core.h"
#include "daftari-import-error.h"
#include "daftari-import-source.h"

static void
assert_detects (const char *text, DaftariImportSource expected)
{
  g_assert_cmpint (daftari_import_source_detect (text, strlen (text)), ==, expected);
}

static void
test_detect (void)
{
  assert_detects ("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", DAFTARI_IMPORT_SOURCE_MPESA_PDF);
  assert_detects ("\xEF\xBB\xBF<?xml version='1.0'?><smses count=\"1\">", DAFTARI_IMPORT_SOURCE_SMS);
  assert_detects ("  {\"TransactionType\": \"Pay Bill\", \"TransID\": \"RKL3X4Y5Z6\"}", DAFTARI_IMPORT_SOURCE_DARAJA);
  assert_detects ("[{\"TransID\": \"RKL3X4Y5Z6\"}]", DAFTARI_IMPORT_SOURCE_DARAJA);
  assert_detects ("Receipt No.,Completion Time,Details,Transaction Status,Paid In,Withdrawn,Balance\n",
                  DAFTARI_IMPORT_SOURCE_MPESA_CSV);
  assert_detects ("\"Receipt No.\",\"Initiation Time\",\"Completion Time\",\"Details\"\n",
                  DAFTARI_IMPORT_SOURCE_MPESA_CSV);
  assert_detects ("SKA1B2C3D4 Confirmed. Ksh1,500.00 sent to JOHN KAMAU 0712345678 on 29/11/24 at 12:30 PM. "
                  "New M-PESA balance is Ksh3,200.00.", DAFTARI_IMPORT_SOURCE_SMS);
  assert_detects ("Tran Date,Value Date,Narration,Debit,Credit,Balance\n29/11/2024,29/11/2024,POS,100.00,,900.00\n",
                  DAFTARI_IMPORT_SOURCE_BANK_CSV);
  assert_detects ("Date;Description;Amount;Dr/Cr\n", DAFTARI_IMPORT_SOURCE_BANK_CSV);
  assert_detects ("Dear customer, your goods are ready", DAFTARI_IMPORT_SOURCE_UNKNOWN);
  assert_detects ("", DAFTARI_IMPORT_SOURCE_UNKNOWN);
}

static void
test_names (void)
{
  for (DaftariImportSource s = DAFTARI_IMPORT_SOURCE_MPESA_CSV; s <= DAFTARI_IMPORT_SOURCE_BANK_CSV; s++)
    {
      DaftariImportSource back = DAFTARI_IMPORT_SOURCE_UNKNOWN;
      g_assert_true (daftari_import_source_from_string (daftari_import_source_to_string (s), &back));
      g_assert_cmpint (back, ==, s);
      g_assert_cmpstr (daftari_import_source_label (s), !=, daftari_import_source_label (DAFTARI_IMPORT_SOURCE_UNKNOWN));
    }
  g_assert_null (daftari_import_source_to_string (DAFTARI_IMPORT_SOURCE_UNKNOWN));
  g_assert_false (daftari_import_source_from_string ("excel", NULL));
  g_assert_cmpstr (daftari_import_source_label (DAFTARI_IMPORT_SOURCE_MPESA_PDF), ==, "M-PESA statement (PDF)");
}

/* What cannot be read says what to do, and nothing is parsed. */
static void
test_refusals (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("daftari-source-XXXXXX", NULL);
  g_autofree char *big = g_build_filename (dir, "huge.csv", NULL);
  char *data = NULL;
  gsize length = 0;
  FILE *file;

  g_assert_null (daftari_import_source_parse (DAFTARI_IMPORT_SOURCE_UNKNOWN, "hello", 5, NULL, &error));
  g_assert_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_MALFORMED);
  g_clear_error (&error);
  g_assert_null (daftari_import_source_parse (DAFTARI_IMPORT_SOURCE_BANK_CSV, "a,b\n1,2\n", 8, NULL, &error));
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "column"));
  g_clear_error (&error);

  g_assert_true (daftari_import_source_check_size ("small.csv", DAFTARI_IMPORT_MAX_BYTES, &error));
  g_assert_no_error (error);
  g_assert_false (daftari_import_source_check_size ("big.csv", DAFTARI_IMPORT_MAX_BYTES + 1, &error));
  g_assert_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "big.csv"));
  g_clear_error (&error);

  /* A sparse 201 MB file: refused from its size, never read. */
  file = g_fopen (big, "wb");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, 201 * 1024 * 1024, SEEK_SET), ==, 0);
  fputc ('\n', file);
  fclose (file);
  g_assert_false (daftari_import_source_read_file (big, &data, &length, &error));
  g_assert_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.csv"));
  g_assert_null (data);
  g_remove (big);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  daftari_core_init ();
  g_test_add_func ("/import-source/detect", test_detect);
  g_test_add_func ("/import-source/names", test_names);
  g_test_add_func ("/import-source/refusals", test_refusals);
  return g_test_run ();
}
