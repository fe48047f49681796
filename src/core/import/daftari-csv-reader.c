/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-csv-reader.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "daftari-import-error.h"
#include "daftari-text-append.h"

void
daftari_csv_reader_init (DaftariCsvReader *r, const char *data, gsize length, char delimiter)
{
  r->p = data;
  r->end = data + length;
  r->line = 1;
  r->delimiter = delimiter;
  r->field = g_string_new (NULL);
  r->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
}

void
daftari_csv_reader_clear (DaftariCsvReader *r)
{
  if (r->field != NULL)
    g_string_free (r->field, TRUE);
  r->field = NULL;
  g_clear_pointer (&r->starts, g_array_unref);
}

/* A line break at p (CR, LF or CRLF): its length, or 0. */
static gsize
line_break (const DaftariCsvReader *r, const char *p)
{
  if (p >= r->end)
    return 0;
  if (*p == '\n')
    return 1;
  if (*p == '\r')
    return (p + 1 < r->end && p[1] == '\n') ? 2 : 1;
  return 0;
}

/* Reads a quoted field from just after its opening quote. Line breaks
 * inside are kept as '\n' and counted. A run without a quote or a line
 * break is copied at once (most cells of a business CSV are quoted). */
static gboolean
read_quoted (DaftariCsvReader *r, GError **error)
{
  guint start_line = r->line;

  while (r->p < r->end)
    {
      const char *run = r->p;
      gsize br;

      while (r->p < r->end && *r->p != '"' && *r->p != '\n' && *r->p != '\r')
        r->p++;
      daftari_text_append (r->field, run, r->p - run);
      if (r->p >= r->end)
        break;
      if (*r->p == '"')
        {
          if (r->p + 1 < r->end && r->p[1] == '"')
            {
              daftari_text_append_c (r->field, '"');
              r->p += 2;
              continue;
            }
          r->p++;
          return TRUE;
        }
      br = line_break (r, r->p);
      daftari_text_append_c (r->field, '\n');
      r->p += br;
      r->line++;
    }
  g_set_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_MALFORMED,
               _("the quoted field that opens on line %u never closes"), start_line);
  return FALSE;
}

/* Text up to the next delimiter or line end; after a closing quote too, so
 * that a stray `"a"b` reads as `ab` rather than failing the file. The run
 * without a special byte is copied at once: this loop is most of the time
 * a million-row import spends reading. */
static void
read_plain (DaftariCsvReader *r)
{
  const char *start = r->p;

  while (r->p < r->end && *r->p != r->delimiter && *r->p != '\n' && *r->p != '\r')
    r->p++;
  daftari_text_append (r->field, start, r->p - start);
}

/* The next record into r->field, each field ending in a NUL, its start in
 * r->starts. */
static int
read_record (DaftariCsvReader *r, guint *out_line, GError **error)
{
  if (r->p >= r->end)
    return 0;
  g_string_truncate (r->field, 0);
  g_array_set_size (r->starts, 0);
  *out_line = r->line;
  for (;;)
    {
      gsize br, start = r->field->len;
      g_array_append_val (r->starts, start);
      if (r->p < r->end && *r->p == '"')
        {
          r->p++;
          if (!read_quoted (r, error))
            return -1;
        }
      read_plain (r);
      daftari_text_append_c (r->field, '\0');
      if (r->p >= r->end)
        return 1;
      if (*r->p == r->delimiter)
        {
          r->p++;
          continue;
        }
      br = line_break (r, r->p);
      r->p += br;
      r->line++;
      return 1;
    }
}

int
daftari_csv_reader_next (DaftariCsvReader *r, GPtrArray *fields, guint *out_line, GError **error)
{
  int rc = read_record (r, out_line, error);

  if (rc <= 0)
    return rc;
  g_ptr_array_set_size (fields, 0);
  for (guint i = 0; i < r->starts->len; i++)
    g_ptr_array_add (fields, g_strdup (r->field->str + g_array_index (r->starts, gsize, i)));
  return 1;
}

int
daftari_csv_reader_next_borrowed (DaftariCsvReader *r, GPtrArray *fields, guint *out_line, GError **error)
{
  int rc = read_record (r, out_line, error);

  if (rc <= 0)
    return rc;
  g_ptr_array_set_size (fields, 0);
  for (guint i = 0; i < r->starts->len; i++)
    g_ptr_array_add (fields, r->field->str + g_array_index (r->starts, gsize, i));
  return 1;
}

gboolean
daftari_csv_fields_blank (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    {
      const char *f = g_ptr_array_index (fields, i);
      while (g_ascii_isspace (*f))
        f++;
      if (*f != '\0')
        return FALSE;
    }
  return TRUE;
}

char *
daftari_csv_column_key (const char *name)
{
  GString *key = g_string_new (NULL);

  for (const char *p = name; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (key, g_ascii_tolower (*p));
  return g_string_free (key, FALSE);
}

gboolean
daftari_csv_check_text (const char *data, gsize length, gsize max_bytes, const char *what, GError **error)
{
  const char *nul;
  const char *bad = NULL;

  if (length > max_bytes)
    {
      g_set_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_TOO_LARGE,
                   _("%s: at %llu MB the file is larger than the %llu MB a statement can be"),
                   what, (unsigned long long) (length >> 20), (unsigned long long) (max_bytes >> 20));
      return FALSE;
    }
  nul = memchr (data, '\0', length);
  if (nul != NULL)
    {
      g_set_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_NOT_TEXT,
                   _("%s: it holds binary data (a NUL byte at byte %llu)"),
                   what, (unsigned long long) (nul - data));
      return FALSE;
    }
  if (!g_utf8_validate_len (data, length, &bad))
    {
      g_set_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_NOT_TEXT,
                   _("%s: the text is not UTF-8 (at byte %llu)"), what, (unsigned long long) (bad - data));
      return FALSE;
    }
  return TRUE;
}
