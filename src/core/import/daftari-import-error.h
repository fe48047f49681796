/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Errors for a whole source file (a statement, an SMS export, a Daraja
 * dump). A bad record inside a good file is not an error: parsers report
 * it as a DaftariImportProblem and go on. When a file fails, nothing of it
 * is returned, so nothing of it can be written. */
#define DAFTARI_IMPORT_ERROR (daftari_import_error_quark ())
typedef enum {
  DAFTARI_IMPORT_ERROR_NOT_TEXT,   /* binary data, NUL bytes, invalid UTF-8 */
  DAFTARI_IMPORT_ERROR_TOO_LARGE,  /* over the size a parser accepts */
  DAFTARI_IMPORT_ERROR_MALFORMED,  /* text, but not the expected format */
} DaftariImportError;

GQuark daftari_import_error_quark (void);

G_END_DECLS
