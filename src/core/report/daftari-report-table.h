/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "daftari-report.h"

G_BEGIN_DECLS

/* Every report as one shape, so that one writer each makes its text table,
 * CSV and JSON: named columns, rows of cells (each row in a section, such as
 * "income" or "expense"), and a few named facts (net VAT, the balance
 * check). Column keys and section names are stable, for machines; labels
 * are translated, for people. */

typedef enum {
  DAFTARI_REPORT_TEXT,
  DAFTARI_REPORT_MONEY,       /* minor units of the row's commodity */
  DAFTARI_REPORT_PERCENT,     /* hundredths of a percent */
  DAFTARI_REPORT_COUNT,
} DaftariReportCellKind;

typedef struct {
  char                  *key;
  char                  *label;
  DaftariReportCellKind  kind;
} DaftariReportColumn;

typedef struct {
  char     *text;             /* TEXT cells */
  gint64    number;           /* the others */
  gboolean  empty;            /* no figure (a change from nothing) */
} DaftariReportCell;

typedef struct {
  char                   *section;
  gboolean                total;      /* a total line: people see it set apart */
  const DaftariCommodity *commodity;  /* of its MONEY cells */
  DaftariReportCell      *cells;      /* one per column */
} DaftariReportRow;

typedef struct {
  char                  *key;
  char                  *label;
  DaftariReportCellKind  kind;
  DaftariReportCell      cell;
} DaftariReportFact;

typedef struct {
  char                   *name;       /* "pnl", "cashflow", … */
  char                   *title;
  char                   *subtitle;   /* the period, in words */
  char                   *from;       /* YYYY-MM-DD, or NULL */
  char                   *to;         /* YYYY-MM-DD (the as-of day of a balance sheet) */
  const DaftariCommodity *currency;
  GPtrArray              *columns;    /* of DaftariReportColumn* */
  GPtrArray              *rows;       /* of DaftariReportRow* */
  GPtrArray              *facts;      /* of DaftariReportFact* */
} DaftariReportTable;

DaftariReportTable *daftari_report_table_new    (const char             *name,
                                                 const char             *title,
                                                 const DaftariCommodity *currency);
void                daftari_report_table_free   (DaftariReportTable     *table);
void                daftari_report_table_column (DaftariReportTable     *table,
                                                 const char             *key,
                                                 const char             *label,
                                                 DaftariReportCellKind   kind);
/* A new row of empty cells, appended; fill it with the setters below. */
DaftariReportRow   *daftari_report_table_row    (DaftariReportTable     *table,
                                                 const char             *section,
                                                 gboolean                total);
void                daftari_report_row_text     (DaftariReportRow       *row,
                                                 guint                   column,
                                                 const char             *text);
void                daftari_report_row_number   (DaftariReportRow       *row,
                                                 guint                   column,
                                                 gint64                  number);
void                daftari_report_table_fact   (DaftariReportTable     *table,
                                                 const char             *key,
                                                 const char             *label,
                                                 DaftariReportCellKind   kind,
                                                 gint64                  number);
void                daftari_report_table_period (DaftariReportTable     *table,
                                                 DaftariDay              from,
                                                 DaftariDay              to);

/* A cell as text: money as "1,234.50" (grouped) or "1234.50" (plain),
 * percentages as "12.50%" or "12.50", empty cells as "". */
char               *daftari_report_cell_format  (const DaftariReportTable *table,
                                                 const DaftariReportRow   *row,
                                                 guint                     column,
                                                 gboolean                  for_people);

/* RFC 4180: a header line (section first), then a line per row, CRLF. */
char               *daftari_report_table_to_csv  (const DaftariReportTable *table);
/* { "report", "title", "from", "to", "currency", "columns": [...],
 *   "rows": [{ "section", "total", <key>: "1234.50", <key>_minor: 123450 }],
 *   <fact key>: ..., <fact key>_minor: ... } */
JsonNode           *daftari_report_table_to_json (const DaftariReportTable *table);

/* Appends one RFC 4180 field: quoted when it holds a comma, a quote, CR or LF. */
void                daftari_csv_append_field     (GString                  *line,
                                                  const char               *field);

/* The reports as tables. */
DaftariReportTable *daftari_monthly_report_table  (const DaftariMonthlyReport  *report,
                                                   DaftariBook                 *book);
DaftariReportTable *daftari_pnl_report_table      (const DaftariPnlReport      *report,
                                                   DaftariBook                 *book);
DaftariReportTable *daftari_cashflow_report_table (const DaftariCashflowReport *report,
                                                   DaftariBook                 *book);
DaftariReportTable *daftari_balance_sheet_table   (const DaftariBalanceSheet   *report,
                                                   DaftariBook                 *book);
DaftariReportTable *daftari_top_report_table      (const DaftariTopReport      *report,
                                                   DaftariBook                 *book);
DaftariReportTable *daftari_charges_report_table  (const DaftariChargesReport  *report,
                                                   DaftariBook                 *book);
DaftariReportTable *daftari_vat_report_table      (const DaftariVatReport      *report,
                                                   DaftariBook                 *book);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariReportTable, daftari_report_table_free)

G_END_DECLS
