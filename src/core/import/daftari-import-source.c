/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-import-source.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "daftari-bank-csv.h"
#include "daftari-daraja.h"
#include "daftari-error.h"
#include "daftari-import-error.h"
#include "daftari-mpesa-csv.h"
#include "daftari-mpesa-pdf.h"
#include "daftari-sms.h"

static const struct {
  const char *name;
  const char *label;
} sources[] = {
  [DAFTARI_IMPORT_SOURCE_UNKNOWN]   = { NULL, N_("Not a file Daftari can import") },
  [DAFTARI_IMPORT_SOURCE_MPESA_CSV] = { "mpesa-csv", N_("M-PESA statement (CSV)") },
  [DAFTARI_IMPORT_SOURCE_MPESA_PDF] = { "mpesa-pdf", N_("M-PESA statement (PDF)") },
  [DAFTARI_IMPORT_SOURCE_SMS]       = { "sms", N_("M-PESA messages (SMS)") },
  [DAFTARI_IMPORT_SOURCE_DARAJA]    = { "daraja", N_("M-PESA Daraja callbacks (JSON)") },
  [DAFTARI_IMPORT_SOURCE_BANK_CSV]  = { "bank-csv", N_("Bank statement (CSV)") },
};

const char *
daftari_import_source_to_string (DaftariImportSource source)
{
  return source < G_N_ELEMENTS (sources) ? sources[source].name : NULL;
}

gboolean
daftari_import_source_from_string (const char *text, DaftariImportSource *out_source)
{
  for (guint i = 1; text != NULL && i < G_N_ELEMENTS (sources); i++)
    if (g_str_equal (text, sources[i].name))
      {
        *out_source = i;
        return TRUE;
      }
  return FALSE;
}

const char *
daftari_import_source_label (DaftariImportSource source)
{
  return _(sources[source < G_N_ELEMENTS (sources) ? source : 0].label);
}

/* The start of the text: past a byte-order mark and white space. */
static const char *
content_start (const char *data, gsize length)
{
  const char *p = data, *end = data + length;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  return p;
}

/* Whether needle occurs, ignoring case, in the first limit bytes. */
static gboolean
head_contains (const char *data, gsize length, const char *needle, gsize limit)
{
  g_autofree char *head = g_ascii_strdown (data, MIN (length, limit));

  return strstr (head, needle) != NULL;
}

static guint
count_byte (const char *text, gsize length, char byte)
{
  guint n = 0;

  for (gsize i = 0; i < length; i++)
    n += text[i] == byte;
  return n;
}

DaftariImportSource
daftari_import_source_detect (const char *data, gsize length)
{
  const char *start = content_start (data, length);
  gsize rest = length - (start - data);
  const char *newline = memchr (start, '\n', rest);
  gsize first_line = newline ? (gsize) (newline - start) : rest;

  if (rest >= 5 && memcmp (start, "%PDF-", 5) == 0)
    return DAFTARI_IMPORT_SOURCE_MPESA_PDF;
  if (rest > 0 && *start == '<')
    return DAFTARI_IMPORT_SOURCE_SMS;
  if (rest > 0 && (*start == '{' || *start == '['))
    return DAFTARI_IMPORT_SOURCE_DARAJA;
  /* Safaricom's CSVs name their columns; banks' headers vary. */
  if (head_contains (start, rest, "receipt no", 4096) &&
      (head_contains (start, rest, "completion time", 4096) || head_contains (start, rest, "initiation time", 4096)))
    return DAFTARI_IMPORT_SOURCE_MPESA_CSV;
  if (head_contains (start, rest, "confirmed", 65536) && head_contains (start, rest, "m-pesa", 65536))
    return DAFTARI_IMPORT_SOURCE_SMS;
  /* A header of three columns or more: a table, presumably a bank's. */
  if (count_byte (start, first_line, ',') >= 2 || count_byte (start, first_line, ';') >= 2)
    return DAFTARI_IMPORT_SOURCE_BANK_CSV;
  return DAFTARI_IMPORT_SOURCE_UNKNOWN;
}

DaftariImportParse *
daftari_import_source_parse (DaftariImportSource source, const char *data, gsize length,
                             const DaftariImportSourceOptions *options, GError **error)
{
  const DaftariImportSourceOptions none = { NULL, NULL };

  options = options ? options : &none;
  switch (source)
    {
    case DAFTARI_IMPORT_SOURCE_MPESA_CSV:
      return daftari_mpesa_csv_parse (data, length, error);
    case DAFTARI_IMPORT_SOURCE_MPESA_PDF:
      return daftari_mpesa_pdf_parse (data, length, options->password, error);
    case DAFTARI_IMPORT_SOURCE_SMS:
      return *content_start (data, length) == '<' ? daftari_sms_parse_backup_xml (data, length, error)
                                                  : daftari_sms_parse_text (data, length, error);
    case DAFTARI_IMPORT_SOURCE_DARAJA:
      return daftari_daraja_parse (data, length, error);
    case DAFTARI_IMPORT_SOURCE_BANK_CSV:
      if (options->mapping == NULL)
        {
          g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                       _("A bank CSV needs its columns mapped: say which column holds the date, the "
                         "description and the amounts"));
          return NULL;
        }
      return daftari_bank_csv_parse (data, length, options->mapping, error);
    case DAFTARI_IMPORT_SOURCE_UNKNOWN:
    default:
      g_set_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_MALFORMED,
                   _("This is not a file Daftari can import: choose an M-PESA statement (PDF or CSV), "
                     "M-PESA messages, Daraja callbacks or a bank’s CSV export"));
      return NULL;
    }
}

gboolean
daftari_import_source_check_size (const char *name, goffset size, GError **error)
{
  if (size <= DAFTARI_IMPORT_MAX_BYTES)
    return TRUE;
  g_set_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_TOO_LARGE,
               _("%s is larger than 200 MB; split it into smaller statements"), name);
  return FALSE;
}

gboolean
daftari_import_source_read_file (const char *path, char **out_data, gsize *out_length, GError **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  GStatBuf st;

  if (g_stat (path, &st) == 0 && !daftari_import_source_check_size (name, st.st_size, error))
    return FALSE;
  return g_file_get_contents (path, out_data, out_length, error);
}
