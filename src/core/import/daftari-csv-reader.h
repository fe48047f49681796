/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* RFC 4180 records, shared by the M-PESA statement CSV and bank CSV
 * readers: fields separated by one delimiter byte (',' or ';'), quoted
 * fields that may hold delimiters, doubled quotes and line breaks (kept as
 * '\n'), CR, LF or CRLF line ends. */
typedef struct {
  const char *p;
  const char *end;
  guint       line;       /* physical line of p, 1-based */
  char        delimiter;
  GString    *field;      /* the record being read: its fields, each ending in a NUL */
  GArray     *starts;     /* of gsize: where each field starts in field */
} DaftariCsvReader;

void daftari_csv_reader_init (DaftariCsvReader *reader,
                              const char       *data,
                              gsize             length,
                              char              delimiter);
void daftari_csv_reader_clear (DaftariCsvReader *reader);

/* Fills fields (of char*, owned) with the next record; returns 1, or 0 at
 * the end, or -1 with error set (a quoted field never closes; the message
 * names its line and is meant to follow the caller's "not a … CSV: ").
 * *out_line is the line the record starts on. */
int  daftari_csv_reader_next (DaftariCsvReader *reader,
                              GPtrArray        *fields,
                              guint            *out_line,
                              GError          **error);
/* The same with fields of const char* pointing into the reader (fields
 * must not free them), valid until the next record: a million-row
 * statement then reads without a copy per cell. */
int  daftari_csv_reader_next_borrowed (DaftariCsvReader *reader,
                                       GPtrArray        *fields,
                                       guint            *out_line,
                                       GError          **error);

/* TRUE when every field is empty or white space. */
gboolean daftari_csv_fields_blank (GPtrArray *fields);

/* A header name with case, spaces and punctuation taken out: "A/C No." →
 * "acno". */
char *daftari_csv_column_key (const char *name);

/* Refuses, with a DAFTARI_IMPORT_ERROR whose message starts with what
 * ("not an M-PESA statement CSV"), data over max_bytes, holding a NUL byte
 * or not UTF-8. */
gboolean daftari_csv_check_text (const char  *data,
                                 gsize        length,
                                 gsize        max_bytes,
                                 const char  *what,
                                 GError     **error);

G_END_DECLS
