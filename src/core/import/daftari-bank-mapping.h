/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How to read one bank's CSV export: which column holds what, and how its
 * dates and amounts are written. Banks differ (docs/import.md, "Bank CSV"),
 * so the user confirms or edits a mapping once and Daftari remembers it
 * per wallet (daftari-import-mapping.h). */

typedef enum {
  DAFTARI_BANK_DATE_DMY,      /* 29/11/2024, 29-11-2024, 29.11.2024 */
  DAFTARI_BANK_DATE_YMD,      /* 2024-11-29, 2024/11/29 */
  DAFTARI_BANK_DATE_D_MON_Y,  /* 29-Nov-2024, 29 Nov 2024, 29/NOV/2024 */
} DaftariBankDateFormat;

/* Columns are named as in the header row ("Money In"; case, spaces and
 * punctuation do not matter) or numbered from 1 ("3"); "" when the file
 * has no such column. Money is either money_in and money_out (two columns,
 * amounts written positive), or amount (one signed column; with indicator,
 * a column saying which rows are debits, the amount is taken as a size). */
typedef struct {
  char                  *name;          /* "kcb", "equity", "co-op", "guessed", "custom" */
  char                   delimiter;     /* ',' or ';' */
  int                    skip_rows;     /* records before the header; -1: find the header by its names */
  char                  *date;
  DaftariBankDateFormat  date_format;   /* a time after the date is read when present */
  char                  *description;
  char                  *money_in;
  char                  *money_out;
  char                  *amount;
  char                  *indicator;
  char                  *debit_marker;  /* the indicator's text for money out, e.g. "DR" */
  char                  *balance;
  char                  *reference;
  char                   decimal;       /* '.' or ',' */
  char                   thousands;     /* ',', '.', ' ', '\'' or '\0' for none */
} DaftariBankMapping;

DaftariBankMapping *daftari_bank_mapping_new   (void);
DaftariBankMapping *daftari_bank_mapping_copy  (const DaftariBankMapping *mapping);
void                daftari_bank_mapping_free  (DaftariBankMapping       *mapping);

/* FALSE with a DAFTARI_INPUT_ERROR naming what is missing or contradictory
 * (no date column, both an amount and money in/out, a decimal separator
 * equal to the thousands one…). */
gboolean            daftari_bank_mapping_check (const DaftariBankMapping *mapping,
                                                GError                  **error);

/* The JSON kept in import_mapping.mapping, and back (checked). */
char               *daftari_bank_mapping_to_json   (const DaftariBankMapping *mapping);
DaftariBankMapping *daftari_bank_mapping_from_json (const char               *json,
                                                    GError                  **error);

/* "dd/mm/yyyy", "yyyy-mm-dd", "dd-mmm-yyyy". */
const char         *daftari_bank_date_format_to_string (DaftariBankDateFormat format);
gboolean            daftari_bank_date_format_from_string (const char            *text,
                                                          DaftariBankDateFormat *out);

/* The built-in layouts ("kcb", "equity", "co-op"), or NULL. */
DaftariBankMapping *daftari_bank_mapping_preset (const char *name);
const char *const  *daftari_bank_mapping_preset_names (void);

/* A mapping proposed from the file's own header row and first rows: the
 * delimiter, where the header is, the columns by their usual names at
 * Kenyan banks, the date format and the decimal convention. NULL with a
 * DAFTARI_IMPORT_ERROR when no row looks like a header. */
DaftariBankMapping *daftari_bank_mapping_guess (const char  *data,
                                                gsize        length,
                                                GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariBankMapping, daftari_bank_mapping_free)

G_END_DECLS
