/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-bank-mapping.h"
#include "daftari-import-row.h"

G_BEGIN_DECLS

/* The kinds of file an import reads, told apart by their content, and the
 * one place that sends each to its parser: the CLI and the Import assistant
 * both go through here. */
typedef enum {
  DAFTARI_IMPORT_SOURCE_UNKNOWN,
  DAFTARI_IMPORT_SOURCE_MPESA_CSV,   /* M-PESA statement or M-PESA for Business CSV */
  DAFTARI_IMPORT_SOURCE_MPESA_PDF,   /* M-PESA statement PDF, perhaps with a password */
  DAFTARI_IMPORT_SOURCE_SMS,         /* pasted messages, or an SMS Backup & Restore XML file */
  DAFTARI_IMPORT_SOURCE_DARAJA,      /* Daraja C2B or STK callback JSON */
  DAFTARI_IMPORT_SOURCE_BANK_CSV,    /* a bank's CSV export, read through a column mapping */
} DaftariImportSource;

/* Files larger than this are refused before they are read. */
#define DAFTARI_IMPORT_MAX_BYTES ((goffset) 200 * 1024 * 1024)

/* "mpesa-csv", "mpesa-pdf", "sms", "daraja", "bank-csv"; NULL for unknown. */
const char          *daftari_import_source_to_string   (DaftariImportSource source);
gboolean             daftari_import_source_from_string (const char          *text,
                                                        DaftariImportSource *out_source);
/* For people: "M-PESA statement (PDF)". */
const char          *daftari_import_source_label       (DaftariImportSource source);

/* What the bytes look like. Never fails: UNKNOWN when nothing fits. */
DaftariImportSource  daftari_import_source_detect      (const char          *data,
                                                        gsize                length);

/* What a kind of file needs besides its bytes. */
typedef struct {
  const char               *password;  /* MPESA_PDF; NULL: none */
  const DaftariBankMapping *mapping;   /* BANK_CSV; required */
} DaftariImportSourceOptions;

DaftariImportParse  *daftari_import_source_parse       (DaftariImportSource               source,
                                                        const char                       *data,
                                                        gsize                             length,
                                                        const DaftariImportSourceOptions *options,
                                                        GError                          **error);
/* FALSE with DAFTARI_IMPORT_ERROR_TOO_LARGE when a file of size bytes is
 * over DAFTARI_IMPORT_MAX_BYTES; name is the file's, for the message. */
gboolean             daftari_import_source_check_size  (const char          *name,
                                                        goffset              size,
                                                        GError             **error);
/* Reads a file to import, refusing one over DAFTARI_IMPORT_MAX_BYTES
 * before reading it. */
gboolean             daftari_import_source_read_file   (const char          *path,
                                                        char               **out_data,
                                                        gsize               *out_length,
                                                        GError             **error);

G_END_DECLS
