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

/* Records from the reader into the builder, up to the end or, with
 * stop_at, the first record that starts at or after it. */
static gboolean
read_rows (DaftariStatementBuilder *builder, const int cols[N_COLS], DaftariCsvReader *reader,
           const char *stop_at, GError **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();  /* borrowed from the reader */
  guint line = 0;
  int r = 1;

  while ((stop_at == NULL || reader->p < stop_at) &&
         (r = daftari_csv_reader_next_borrowed (reader, fields, &line, error)) > 0)
    if (!daftari_csv_fields_blank (fields))
      read_record (builder, cols, fields, line);
  return r >= 0;
}

/* Where a record starts near the middle of [p, end): after a line break
 * outside quotes, judged by counting quotes from p (a quoted field opens
 * and closes with one, and doubled quotes inside come in pairs). NULL when
 * none is found. A stray quote inside an unquoted field can fool the
 * count; the caller checks that the first half really ends there. */
static const char *
find_split (const char *p, const char *end)
{
  const char *mid = p + (end - p) / 2;
  gboolean quoted = FALSE;

  for (const char *q = p; q < mid; q++)
    quoted ^= *q == '"';
  for (const char *q = mid; q < end - 1; q++)
    if (*q == '"')
      quoted = !quoted;
    else if (*q == '\n' && !quoted)
      return q + 1;
  return NULL;
}

/* The second half of a file split in two, read on a thread of its own. */
typedef struct {
  DaftariCsvReader         reader;
  DaftariImportParse      *parse;
  DaftariStatementBuilder *builder;
  const int               *cols;
  gboolean                 ok;
} Half;

static gpointer
read_half (gpointer data)
{
  Half *half = data;

  /* An error here is not reported: the first half's reader goes on from
   * where this one started and meets the same error, with the line
   * counted from the start of the file. */
  half->ok = read_rows (half->builder, half->cols, &half->reader, NULL, NULL);
  return NULL;
}

/* The records after the header: in two halves at once when the rest of
 * the file is at least split_bytes long, a million-row statement being
 * mostly the time it takes to read. The result is the same as one reader's,
 * which takes over whenever the halves do not meet at a record. */
static gboolean
read_body (DaftariStatementBuilder *builder, const int cols[N_COLS],
           gboolean has_status, DaftariCsvReader *reader, gsize split_bytes, GError **error)
{
  const char *split = NULL;
  Half half = { .cols = cols };
  GThread *thread;
  gboolean ok;

  if ((gsize) (reader->end - reader->p) >= split_bytes && g_get_num_processors () > 1)
    split = find_split (reader->p, reader->end);
  if (split == NULL)
    return read_rows (builder, cols, reader, NULL, error);
  daftari_csv_reader_init (&half.reader, split, reader->end - split, ',');
  half.parse = daftari_import_parse_new ();
  half.builder = daftari_statement_builder_new (half.parse, "csv", has_status);
  thread = g_thread_new ("daftari-csv-half", read_half, &half);
  ok = read_rows (builder, cols, reader, split, error);
  g_thread_join (thread);
  if (ok && reader->p == split && half.ok)
    daftari_statement_builder_append (builder, half.builder, reader->line - 1);
  else if (ok)
    ok = read_rows (builder, cols, reader, NULL, error);
  daftari_statement_builder_free (half.builder);
  daftari_import_parse_free (half.parse);
  daftari_csv_reader_clear (&half.reader);
  return ok;
}

static gboolean
read_records (DaftariImportParse *parse, DaftariCsvReader *reader, gsize split_bytes, GError **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();  /* borrowed from the reader */
  g_autoptr(DaftariStatementBuilder) builder = NULL;
  /* Set by find_columns before any use; initialised for -O3's sake. */
  int cols[N_COLS] = { 0 };
  guint seen = 0, line = 0;
  int r = 0;

  while (builder == NULL && seen < HEADER_SEARCH_RECORDS &&
         (r = daftari_csv_reader_next_borrowed (reader, fields, &line, error)) > 0)
    {
      if (daftari_csv_fields_blank (fields))
        continue;
      if (find_columns (fields, cols))
        builder = daftari_statement_builder_new (parse, "csv", cols[COL_STATUS] >= 0);
      else
        seen++;
    }
  if (builder != NULL && !read_body (builder, cols, cols[COL_STATUS] >= 0, reader, split_bytes, error))
    r = -1;
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
  return daftari_mpesa_csv_parse_split (data, length, DAFTARI_MPESA_CSV_SPLIT_BYTES, error);
}

DaftariImportParse *
daftari_mpesa_csv_parse_split (const char *data, gsize length, gsize split_bytes, GError **error)
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
  ok = read_records (parse, &reader, split_bytes, error);
  daftari_csv_reader_clear (&reader);
  return ok ? g_steal_pointer (&parse) : NULL;
}
