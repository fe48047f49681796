/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-mpesa-csv.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "daftari-csv-reader.h"
#include "daftari-import-error.h"
#include "daftari-mpesa-statement.h"

/* Organisation statements put a few lines of account details above the
 * header; further down than this it is not a statement. */
#define HEADER_SEARCH_RECORDS 30

typedef enum {
  COL_RECEIPT, COL_COMPLETION, COL_DETAILS, COL_STATUS, COL_PAID_IN,
  COL_WITHDRAWN, COL_BALANCE, COL_OTHER_PARTY, COL_LINKED, COL_ACCOUNT,
  N_COLS
} Column;

/* Header names with case, spaces and punctuation taken out. */
static const char *const column_names[N_COLS] = {
  "receiptno", "completiontime", "details", "transactionstatus", "paidin",
  "withdrawn", "balance", "otherpartyinfo", "linkedtransactionid", "acno",
};

/* Fills cols (index or -1); TRUE when the record is a statement header. */
static gboolean
find_columns (GPtrArray *fields, int cols[N_COLS])
{
  for (guint c = 0; c < N_COLS; c++)
    cols[c] = -1;
  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *key = daftari_csv_column_key (g_ptr_array_index (fields, i));
      for (guint c = 0; c < N_COLS; c++)
        if (cols[c] < 0 && strcmp (key, column_names[c]) == 0)
          cols[c] = (int) i;
    }
  return cols[COL_RECEIPT] >= 0 && cols[COL_COMPLETION] >= 0 && cols[COL_DETAILS] >= 0 &&
         cols[COL_PAID_IN] >= 0 && cols[COL_WITHDRAWN] >= 0;
}

static const char *
field (const int cols[N_COLS], GPtrArray *fields, Column c)
{
  int i = cols[c];

  return i >= 0 && (guint) i < fields->len ? g_ptr_array_index (fields, i) : "";
}

static void
read_record (DaftariStatementBuilder *builder, const int cols[N_COLS], GPtrArray *fields, guint line)
{
  DaftariStatementCells cells = {
    field (cols, fields, COL_RECEIPT), field (cols, fields, COL_COMPLETION),
    field (cols, fields, COL_DETAILS), field (cols, fields, COL_STATUS),
    field (cols, fields, COL_PAID_IN), field (cols, fields, COL_WITHDRAWN),
    field (cols, fields, COL_BALANCE), field (cols, fields, COL_OTHER_PARTY),
    field (cols, fields, COL_LINKED), field (cols, fields, COL_ACCOUNT),
  };

  daftari_statement_builder_add (builder, &cells, line);
}

static gboolean
read_records (DaftariImportParse *parse, DaftariCsvReader *reader, GError **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();  /* borrowed from the reader */
  g_autoptr(DaftariStatementBuilder) builder = NULL;
  /* Set by find_columns before any use; initialised for -O3's sake. */
  int cols[N_COLS] = { 0 };
  guint seen = 0, line = 0;
  int r;

  while ((r = daftari_csv_reader_next_borrowed (reader, fields, &line, error)) > 0)
    {
      if (daftari_csv_fields_blank (fields))
        continue;
      if (builder != NULL)
        read_record (builder, cols, fields, line);
      else if (find_columns (fields, cols))
        builder = daftari_statement_builder_new (parse, "csv", cols[COL_STATUS] >= 0);
      else if (++seen >= HEADER_SEARCH_RECORDS)
        break;
    }
  if (r < 0)
    {
      g_prefix_error (error, "%s: ", _("not an M-PESA statement CSV"));
      return FALSE;
    }
  if (builder == NULL)
    {
      g_set_error_literal (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_MALFORMED,
                           _("not an M-PESA statement CSV: no line names the columns Receipt No., "
                             "Completion Time, Details, Paid In and Withdrawn"));
      return FALSE;
    }
  daftari_statement_builder_check_balances (builder);
  return TRUE;
}

DaftariImportParse *
daftari_mpesa_csv_parse (const char *data, gsize length, GError **error)
{
  g_autoptr(DaftariImportParse) parse = NULL;
  DaftariCsvReader reader;
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  if (!daftari_csv_check_text (data ? data : "", length, DAFTARI_MPESA_CSV_MAX_BYTES,
                               _("not an M-PESA statement CSV"), error))
    return NULL;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3, length -= 3;

  parse = daftari_import_parse_new ();
  daftari_csv_reader_init (&reader, data ? data : "", length, ',');
  ok = read_records (parse, &reader, error);
  daftari_csv_reader_clear (&reader);
  return ok ? g_steal_pointer (&parse) : NULL;
}
