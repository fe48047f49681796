/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-report-pdf.h"

#include <errno.h>
#include <glib/gi18n-lib.h>

#include "daftari-chart-data.h"
#include "daftari-pdf-file.h"
#include "daftari-money.h"
#include "daftari-report-pdf-private.h"

/* The business report: which reports, in what order, for which period,
 * and the file written whole or not at all. The pages themselves are laid
 * out and drawn by daftari-report-pdf-layout.c. */

G_DEFINE_QUARK (daftari-report-pdf-error-quark, daftari_report_pdf_error)

#define SUMMARY_MONTHS 12                    /* the bars: a year, so a season shows */
#define TOP_LIMIT      10

/* ---- Gathering the reports --------------------------------------------------- */

static DaftariDay
last_day_of (DaftariMonth month)
{
  return month * 100 + g_date_get_days_in_month ((GDateMonth) (month % 100), (GDateYear) (month / 100));
}

/* From the 1st of a month to a day in that month (the month so far, or all
 * of it): the monthly summary's pivot fits it. */
static gboolean
is_month_so_far (const DaftariPeriod *period)
{
  return period->from_day % 100 == 1 && period->from_day / 100 == period->to_day / 100;
}

static gboolean
is_whole_month (const DaftariPeriod *period)
{
  return is_month_so_far (period) && period->to_day == last_day_of (period->to_day / 100);
}

static guint
months_in (const DaftariPeriod *period)
{
  DaftariMonth from = period->from_day / 100, to = period->to_day / 100;
  return (guint) ((to / 100 - from / 100) * 12 + (to % 100 - from % 100) + 1);
}

/* "October 2026", in the C library's month names. */
static char *
month_words (DaftariMonth month)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (month / 100, month % 100, 1, 0, 0, 0);
  return g_date_time_format (date, "%B %Y");
}

static char *
period_words (const DaftariPeriod *period)
{
  g_autofree char *from = NULL, *to = NULL;

  if (is_whole_month (period))
    return month_words (period->from_day / 100);
  from = daftari_day_format (period->from_day);
  to = daftari_day_format (period->to_day);
  return g_strdup_printf ("%s – %s", from, to);
}

char *
daftari_report_pdf_file_name (const DaftariPeriod *period)
{
  g_autofree char *from = daftari_day_format (period->from_day);
  g_autofree char *to = daftari_day_format (period->to_day);

  g_return_val_if_fail (period != NULL, NULL);
  if (is_month_so_far (period))
    {
      from[7] = '\0';
      /* Translators: a file name; %s is the month, 2026-10 */
      return g_strdup_printf (_("Daftari report %s.pdf"), from);
    }
  /* Translators: a file name; the days the report covers, 2026-01-01 and 2026-03-31 */
  return g_strdup_printf (_("Daftari report %s to %s.pdf"), from, to);
}

/* "2026-10 · Amounts in KES": what a part covers, and in what. */
static char *
note_for (PdfReport *r, const char *covers)
{
  /* Translators: under a report's heading; %s is the currency, KES */
  g_autofree char *in = g_strdup_printf (_("Amounts in %s"), r->currency->code);
  return g_strdup_printf ("%s · %s", covers, in);
}

static PdfPart *
add_table (PdfReport *r, DaftariReportTable *table, const char *covers, const char *const *keys)
{
  return pdf_report_add_table (r, table, note_for (r, covers != NULL ? covers : table->subtitle), keys);
}

static gboolean
go_on (GCancellable *cancellable, GError **error)
{
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* The income and expenses table: for a month, against the month before and
 * a year before (the monthly summary); for any other period, the profit
 * and loss, with a column per month when there are a few of them. */
static gboolean
add_income_expenses (PdfReport *r, DaftariBook *book, const DaftariPeriod *period, GError **error)
{
  static const char *const monthly_keys[] = {
    "category", "this_month", "previous_month", "change", "change_pct", "last_year", NULL
  };
  guint n_months = months_in (period);
  gboolean by_month = n_months >= 2 && n_months <= 4;
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(DaftariPnlReport) pnl = NULL;
  DaftariReportTable *table;

  if (is_month_so_far (period))
    {
      DaftariMonth month = period->to_day / 100;
      g_autoptr(DaftariMonthlyReport) report = daftari_report_monthly (book, month, error);
      g_autofree char *now = month_words (month);
      g_autofree char *before = month_words (daftari_month_add (month, -1));
      g_autofree char *year_ago = month_words (daftari_month_add (month, -12));
      g_autofree char *covers = NULL;

      if (report == NULL)
        return FALSE;
      /* Translators: "March 2025 against February 2025 and March 2024" */
      covers = g_strdup_printf (_("%s against %s and %s"), now, before, year_ago);
      add_table (r, daftari_monthly_report_table (report, book), covers, monthly_keys);
      return TRUE;
    }
  if ((pnl = daftari_report_pnl (book, period, by_month, error)) == NULL)
    return FALSE;
  table = daftari_pnl_report_table (pnl, book);
  /* The months first, then their total, as people add up on paper. */
  g_ptr_array_add (keys, (gpointer) "category");
  for (guint c = 0; c < table->columns->len; c++)
    {
      const DaftariReportColumn *column = g_ptr_array_index (table->columns, c);
      if (!g_str_equal (column->key, "category") && !g_str_equal (column->key, "total"))
        g_ptr_array_add (keys, column->key);
    }
  g_ptr_array_add (keys, (gpointer) "total");
  g_ptr_array_add (keys, NULL);
  add_table (r, table, NULL, (const char *const *) keys->pdata);
  return TRUE;
}

/* "Bitcoin (BTC)": the currency said where it differs, in the name, which
 * spares the page a column of "KES". */
static DaftariReportTable *
name_foreign_wallets (DaftariReportTable *table)
{
  for (guint r = 0; r < table->rows->len; r++)
    {
      DaftariReportRow *row = g_ptr_array_index (table->rows, r);
      g_autofree char *name = NULL;

      if (row->commodity == table->currency || row->cells[0].text == NULL)
        continue;
      name = g_strdup_printf ("%s (%s)", row->cells[0].text, row->commodity->code);
      daftari_report_row_text (row, 0, name);
    }
  return table;
}

/* "16%" and "Exempt" for people, where the CSV keeps "16" and "exempt". */
static DaftariReportTable *
name_vat_rates (DaftariReportTable *table)
{
  for (guint r = 0; r < table->rows->len; r++)
    {
      DaftariReportRow *row = g_ptr_array_index (table->rows, r);
      const char *rate = row->cells[1].text;
      g_autofree char *words = NULL;

      if (rate == NULL)
        continue;
      words = g_str_equal (rate, "exempt") ? g_strdup (_("Exempt")) : g_strdup_printf ("%s%%", rate);
      daftari_report_row_text (row, 1, words);
    }
  return table;
}

static gboolean
add_cash (PdfReport *r, DaftariBook *book, const DaftariPeriod *period, GCancellable *cancellable, GError **error)
{
  static const char *const keys[] = {
    "wallet", "opening", "money_in", "money_out", "transfers_in", "transfers_out", "fees", "closing", NULL
  };
  g_autoptr(DaftariCashflowReport) cashflow = daftari_report_cashflow (book, period, error);
  DaftariChart *balance;

  if (cashflow == NULL)
    return FALSE;
  r->figures[3].amount = cashflow->total->closing;
  add_table (r, name_foreign_wallets (daftari_cashflow_report_table (cashflow, book)), NULL, keys);
  if (!go_on (cancellable, error) || (balance = daftari_report_chart_balance (book, period, error)) == NULL)
    return FALSE;
  pdf_report_add_chart (r, balance, daftari_report_chart_balance_monthly (period) ? _("At the end of each month")
                                                                      : _("At the end of each day"));
  return TRUE;
}

static gboolean
add_balance_sheet (PdfReport *r, DaftariBook *book, const DaftariPeriod *period, GError **error)
{
  static const char *const keys[] = { "account", "?holding", "?note", "value", NULL };
  DaftariDay today = daftari_calendar_today (daftari_book_get_calendar (book));
  g_autoptr(DaftariBalanceSheet) sheet = daftari_report_balance (book, MIN (period->to_day, today), error);
  g_autofree char *day = NULL, *covers = NULL;
  PdfPart *part;

  if (sheet == NULL)
    return FALSE;
  day = daftari_day_format (sheet->as_of);
  /* Translators: "At the end of 2025-03-14" */
  covers = g_strdup_printf (_("At the end of %s"), day);
  part = add_table (r, daftari_balance_sheet_table (sheet, book), covers, keys);
  if (sheet->difference != 0)
    {
      g_autofree char *difference = daftari_money_format (sheet->difference, r->currency, DAFTARI_MONEY_FORMAT_DEFAULT);
      /* Translators: under the balance sheet when it does not balance; %s is an amount */
      part->footnote = g_strdup_printf (_("Assets less liabilities and equity come to %s, not 0: run "
                                          "“daftari-cli check” to find the transaction at fault."), difference);
    }
  return TRUE;
}

static gboolean
add_others (PdfReport *r, DaftariBook *book, const DaftariPeriod *period, GCancellable *cancellable, GError **error)
{
  static const char *const vat_keys[] = { "item", "rate", "net", "vat", NULL };
  static const char *const charges_keys[] = { "wallet", "amount", "count", NULL };
  static const char *const top_keys[] = { "rank", "name", "amount", "count", NULL };
  g_autoptr(DaftariVatReport) vat = NULL;
  g_autoptr(DaftariChargesReport) charges = NULL;
  g_autoptr(DaftariTopReport) top = NULL;

  if ((vat = daftari_report_vat (book, period, error)) == NULL || !go_on (cancellable, error) ||
      (charges = daftari_report_charges (book, period, error)) == NULL || !go_on (cancellable, error) ||
      (top = daftari_report_top (book, period, TOP_LIMIT, error)) == NULL)
    return FALSE;
  add_table (r, name_vat_rates (daftari_vat_report_table (vat, book)), NULL, vat_keys);
  add_table (r, daftari_charges_report_table (charges, book), NULL, charges_keys);
  add_table (r, daftari_top_report_table (top, book), NULL, top_keys);
  return TRUE;
}

/* The figures on top and the donut come from the period's profit and loss,
 * whichever table shows the categories. */
static gboolean
add_summary (PdfReport *r, DaftariBook *book, const DaftariPeriod *period, GError **error)
{
  guint months = CLAMP (months_in (period), SUMMARY_MONTHS, 36);
  g_autoptr(DaftariPnlReport) pnl = daftari_report_pnl (book, period, FALSE, error);
  g_autofree char *first = NULL, *last = NULL, *covers = NULL;
  DaftariChart *bars;

  if (pnl == NULL || (bars = daftari_report_chart_months (book, period->to_day / 100, months, error)) == NULL)
    return FALSE;
  r->figures[0] = (PdfFigure) { _("Income"), pnl->totals->total_income->values[0] };
  r->figures[1] = (PdfFigure) { _("Expenses"), pnl->totals->total_expense->values[0] };
  r->figures[2] = (PdfFigure) { _("Net profit"), pnl->totals->net->values[0] };
  r->figures[3].caption = _("Money in wallets at the end");
  first = month_words (daftari_month_add (period->to_day / 100, 1 - (int) months));
  last = month_words (period->to_day / 100);
  covers = g_strdup_printf ("%s – %s", first, last);
  pdf_report_add_chart (r, bars, covers);
  if (!add_income_expenses (r, book, period, error))
    return FALSE;
  pdf_report_add_chart (r, daftari_report_chart_expenses (book, pnl->totals), r->period_text);
  return TRUE;
}

static PdfReport *
report_new (DaftariBook *book, const DaftariPeriod *period, GCancellable *cancellable, GError **error)
{
  g_autoptr(PdfReport) r = pdf_report_new (daftari_book_get_currency (book));
  DaftariCalendar *calendar = daftari_book_get_calendar (book);
  g_autofree char *now = daftari_calendar_format_time (calendar, daftari_calendar_now ());
  const char *business = daftari_book_get_business_name (book);

  r->business = g_strdup (business != NULL && *business != '\0' ? business : _("My business"));
  r->period_text = period_words (period);
  /* Translators: under the period on a report; %s is the day and time, 2026-10-31 14:05 */
  r->prepared = g_strdup_printf (_("Prepared %s"), now);
  if (!go_on (cancellable, error) || !add_summary (r, book, period, error) || !go_on (cancellable, error) ||
      !add_cash (r, book, period, cancellable, error) || !go_on (cancellable, error) ||
      !add_balance_sheet (r, book, period, error) || !go_on (cancellable, error) ||
      !add_others (r, book, period, cancellable, error) || !go_on (cancellable, error))
    return NULL;
  pdf_report_paginate (r);
  return g_steal_pointer (&r);
}

/* ---- Writing the file -------------------------------------------------------- */

/* What the owner can do about a failed write. */
static const char *
advice_for (int saved_errno)
{
  switch (saved_errno)
    {
    case EACCES:
    case EPERM:
    case EROFS:
      return _("Choose a folder you are allowed to save in.");
    case ENOENT:
    case ENOTDIR:
      return _("That folder does not exist; choose another one.");
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
      return _("The disk is full: free some space, or save the report on another disk.");
    case EISDIR:
      return _("A folder already has that name; choose another file name.");
    default:
      return _("Choose another folder or file name.");
    }
}

static gboolean
write_error (GError **error, const char *path, int saved_errno)
{
  g_autofree char *name = g_filename_display_name (path);

  /* Translators: "Cannot save the report to “/home/amina/r.pdf”: Permission denied. Choose a …" */
  g_set_error (error, DAFTARI_REPORT_PDF_ERROR, DAFTARI_REPORT_PDF_ERROR_WRITE, _("Cannot save the report to “%s”: %s. %s"),
               name, g_strerror (saved_errno), advice_for (saved_errno));
  return FALSE;
}

static void
draw_page (gpointer data, cairo_t *cr, guint page)
{
  pdf_report_draw_page (data, cr, page);
}

gboolean
daftari_report_pdf_write (DaftariBook *book, const DaftariPeriod *period, const char *path,
                          GCancellable *cancellable, GError **error)
{
  g_autoptr(PdfReport) r = NULL;
  g_autofree char *title = NULL;
  DaftariPdfSpec spec;
  DaftariPdfFailure failure;

  g_return_val_if_fail (book != NULL, FALSE);
  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Every figure is read before the file is opened: a refusal from the
   * book leaves nothing behind to clean up. */
  if ((r = report_new (book, period, cancellable, error)) == NULL)
    return FALSE;
  title = g_strdup_printf ("%s — %s", _("Business report"), r->period_text);
  spec = (DaftariPdfSpec) { DAFTARI_PDF_PAGE_W, DAFTARI_PDF_PAGE_H, r->n_pages, title, r->business };
  if (daftari_pdf_file_write (path, &spec, draw_page, r, cancellable, &failure))
    return TRUE;
  if (failure.cancelled)
    return !g_cancellable_set_error_if_cancelled (cancellable, error);
  if (failure.saved_errno != 0)
    return write_error (error, path, failure.saved_errno);
  g_set_error (error, DAFTARI_REPORT_PDF_ERROR, DAFTARI_REPORT_PDF_ERROR_RENDER,
               _("Cannot draw the report: %s"), cairo_status_to_string (failure.status));
  return FALSE;
  return TRUE;
}
