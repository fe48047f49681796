/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-receivables.h"

#include <glib/gi18n-lib.h>

#include "daftari-book-private.h"
#include "daftari-customer.h"
#include "daftari-db.h"
#include "daftari-money.h"

static void
row_free (DaftariAgingRow *row)
{
  g_free (row->customer_name);
  g_free (row);
}

void
daftari_aging_report_free (DaftariAgingReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->rows);
  g_free (report);
}

static guint32
julian (DaftariDay day)
{
  g_autoptr(GDate) date = g_date_new_dmy (day % 100, (day / 100) % 100, day / 10000);
  return g_date_get_julian (date);
}

DaftariAgingBucket
daftari_aging_bucket_of (DaftariDay due_day, DaftariDay as_of)
{
  gint64 late = (gint64) julian (as_of) - (gint64) julian (due_day);

  if (late <= 0)
    return DAFTARI_AGING_CURRENT;
  if (late <= 30)
    return DAFTARI_AGING_1_30;
  if (late <= 60)
    return DAFTARI_AGING_31_60;
  if (late <= 90)
    return DAFTARI_AGING_61_90;
  return DAFTARI_AGING_OVER_90;
}

const char *
daftari_aging_bucket_label (DaftariAgingBucket bucket)
{
  switch (bucket)
    {
    case DAFTARI_AGING_CURRENT: return _("Current");
    case DAFTARI_AGING_1_30: return _("1–30 days");
    case DAFTARI_AGING_31_60: return _("31–60 days");
    case DAFTARI_AGING_61_90: return _("61–90 days");
    case DAFTARI_AGING_OVER_90:
    default: return _("Over 90 days");
    }
}

const char *
daftari_aging_bucket_key (DaftariAgingBucket bucket)
{
  static const char *const keys[] = { "current", "1-30", "31-60", "61-90", "over-90" };
  g_return_val_if_fail (bucket < G_N_ELEMENTS (keys), "");
  return keys[bucket];
}

static DaftariAgingRow *
row_for (GPtrArray *rows, gint64 customer_id, const char *name)
{
  DaftariAgingRow *row;

  if (rows->len > 0)
    {
      row = g_ptr_array_index (rows, rows->len - 1);
      if (row->customer_id == customer_id)
        return row;
    }
  row = g_new0 (DaftariAgingRow, 1);
  row->customer_id = customer_id;
  row->customer_name = g_strdup (name);
  g_ptr_array_add (rows, row);
  return row;
}

static gboolean
fill_buckets (DaftariBook *book, DaftariAgingReport *report, gint64 end_ts, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT i.customer_id, c.name, i.due_day, i.total - coalesce ((SELECT sum (a.amount)"
      " FROM payment_allocation a JOIN customer_payment p ON p.id = a.payment_id"
      " WHERE a.invoice_id = i.id AND p.ts <= ?1), 0) AS owed"
      " FROM invoice i JOIN customer c ON c.id = i.customer_id"
      " WHERE i.state = 'issued' AND i.issue_ts <= ?1 AND owed > 0"
      " ORDER BY c.name COLLATE NOCASE, c.id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, end_ts);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftariAgingRow *row = row_for (report->rows, sqlite3_column_int64 (stmt, 0),
                                      (const char *) sqlite3_column_text (stmt, 1));
      DaftariAgingBucket bucket = daftari_aging_bucket_of (sqlite3_column_int (stmt, 2), report->as_of);
      gint64 owed = sqlite3_column_int64 (stmt, 3);

      /* Each owed amount is a part of a stored total: sums fit as the
       * invoices' totals did when they were posted. */
      row->buckets[bucket] += owed;
      row->total += owed;
      report->buckets[bucket] += owed;
      report->total += owed;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftari_db_set_error (error, daftari_book_get_db (book), rc);
      return FALSE;
    }
  return TRUE;
}

static gboolean
fill_credit (DaftariBook *book, DaftariAgingReport *report, GError **error)
{
  for (guint i = 0; i < report->rows->len; i++)
    {
      DaftariAgingRow *row = g_ptr_array_index (report->rows, i);
      if (!daftari_customer_credit (book, row->customer_id, &row->credit, error))
        return FALSE;
      report->credit += row->credit;
    }
  return TRUE;
}

static gboolean
fill_dso (DaftariBook *book, DaftariAgingReport *report, gint64 end_ts, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT coalesce (sum (total), 0) FROM invoice WHERE state = 'issued' AND issue_ts > ? AND issue_ts <= ?",
      error);
  DaftariCalendar *calendar = daftari_book_get_calendar (book);
  g_autoptr(GDate) date = g_date_new_dmy (report->as_of % 100, (report->as_of / 100) % 100, report->as_of / 10000);
  DaftariDay start;
  int rc;

  if (stmt == NULL)
    return FALSE;
  g_date_subtract_days (date, 90);
  start = g_date_get_year (date) * 10000 + g_date_get_month (date) * 100 + g_date_get_day (date);
  sqlite3_bind_int64 (stmt, 1, daftari_calendar_day_end (calendar, start));
  sqlite3_bind_int64 (stmt, 2, end_ts);
  rc = sqlite3_step (stmt);
  report->sales_90_days = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      daftari_db_set_error (error, daftari_book_get_db (book), rc);
      return FALSE;
    }
  report->dso_tenths = -1;
  return report->sales_90_days <= 0 ||
         daftari_money_muldiv (report->total, 900, report->sales_90_days, &report->dso_tenths, error);
}

DaftariAgingReport *
daftari_receivables_aging (DaftariBook *book, DaftariDay as_of, GError **error)
{
  g_autoptr(DaftariAgingReport) report = g_new0 (DaftariAgingReport, 1);
  gint64 end_ts;

  report->as_of = as_of ? as_of : daftari_calendar_today (daftari_book_get_calendar (book));
  report->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  end_ts = daftari_calendar_day_end (daftari_book_get_calendar (book), report->as_of);
  if (!daftari_book_sync (book, error) || !fill_buckets (book, report, end_ts, error) ||
      !fill_credit (book, report, error) || !fill_dso (book, report, end_ts, error))
    return NULL;
  return g_steal_pointer (&report);
}
