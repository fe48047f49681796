/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Duplicating an invoice, and recurring monthly invoices: a schedule makes
 * a draft copy of its template each month. Drafts, never issued invoices:
 * a person looks at each before it gets a number and reaches the books. */
#include "daftari-invoice-private.h"

#include <glib/gi18n-lib.h>

#include "daftari-book-private.h"
#include "daftari-db.h"

/* A draft with the template's customer, lines, terms and notes. */
static gboolean
duplicate_inside (DaftariBook *book, gint64 id, gint64 *out_new_id, GError **error)
{
  g_autoptr(DaftariInvoice) source = daftari_invoice_load (book, id, error);
  g_autoptr(DaftariInvoice) copy = NULL;

  if (source == NULL)
    return FALSE;
  copy = daftari_invoice_copy (source);
  copy->id = 0;
  copy->issued = copy->voided = FALSE;
  g_clear_pointer (&copy->number, g_free);
  copy->issue_ts = 0;
  copy->due_day = 0;
  copy->paid = 0;
  copy->txn_id = 0;
  if (!daftari_invoice_insert (book, copy, error))
    return FALSE;
  *out_new_id = copy->id;
  return TRUE;
}

static gboolean
finish (DaftariBook *book, gboolean ok, GError **error)
{
  if (!ok)
    {
      daftari_book_rollback (book);
      return FALSE;
    }
  return daftari_book_commit (book, error);
}

gboolean
daftari_invoice_duplicate (DaftariBook *book, gint64 id, gint64 *out_new_id, GError **error)
{
  gint64 new_id = 0;

  if (!daftari_book_begin (book, error))
    return FALSE;
  if (!finish (book, duplicate_inside (book, id, &new_id, error), error))
    return FALSE;
  if (out_new_id != NULL)
    *out_new_id = new_id;
  return TRUE;
}

/* The same day of the next month; schedules run on day 1 to 28, which
 * every month has. */
static DaftariDay
next_month (DaftariDay day, int day_of_month)
{
  DaftariMonth month = daftari_month_add (day / 100, 1);
  return month * 100 + day_of_month;
}

gboolean
daftari_invoice_schedule_monthly (DaftariBook *book, gint64 template_id, DaftariDay first_day,
                                  gint64 *out_schedule_id, GError **error)
{
  g_autoptr(DaftariInvoice) template = NULL;
  sqlite3_stmt *stmt;
  int dom = first_day % 100;

  if (dom > 28)
    return daftari_invoice_refuse (error, DAFTARI_INVOICE_ERROR_INVALID,
                                   _("A monthly invoice runs on day 1 to 28, which every month has"));
  if (!daftari_book_begin (book, error))
    return FALSE;
  stmt = daftari_book_prepare (book,
      "INSERT INTO invoice_schedule (template_id, day_of_month, next_day) VALUES (?, ?, ?)", error);
  if (stmt == NULL || (template = daftari_invoice_load (book, template_id, error)) == NULL)
    return finish (book, FALSE, error);
  sqlite3_bind_int64 (stmt, 1, template_id);
  sqlite3_bind_int (stmt, 2, dom);
  sqlite3_bind_int (stmt, 3, first_day);
  if (!daftari_db_step_done (stmt, error))
    return finish (book, FALSE, error);
  if (out_schedule_id != NULL)
    *out_schedule_id = sqlite3_last_insert_rowid (daftari_book_get_db (book));
  return finish (book, TRUE, error);
}

typedef struct {
  gint64     id;
  gint64     template_id;
  int        day_of_month;
  DaftariDay next_day;
} Schedule;

static GArray *
due_schedules (DaftariBook *book, DaftariDay today, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT id, template_id, day_of_month, next_day FROM invoice_schedule"
      " WHERE active AND next_day <= ? ORDER BY id", error);
  g_autoptr(GArray) due = g_array_new (FALSE, FALSE, sizeof (Schedule));
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, today);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Schedule s = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                     sqlite3_column_int (stmt, 2), sqlite3_column_int (stmt, 3) };
      g_array_append_val (due, s);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftari_db_set_error (error, daftari_book_get_db (book), rc);
      return NULL;
    }
  return g_steal_pointer (&due);
}

/* One draft per month missed (a book not opened for three months gets
 * three), so no month's invoice is silently skipped. */
static gboolean
run_one (DaftariBook *book, Schedule *s, DaftariDay today, GArray *created, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "UPDATE invoice_schedule SET next_day = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  while (s->next_day <= today)
    {
      gint64 id;
      if (!duplicate_inside (book, s->template_id, &id, error))
        return FALSE;
      g_array_append_val (created, id);
      s->next_day = next_month (s->next_day, s->day_of_month);
    }
  sqlite3_bind_int (stmt, 1, s->next_day);
  sqlite3_bind_int64 (stmt, 2, s->id);
  return daftari_db_step_done (stmt, error);
}

GArray *
daftari_invoice_run_schedules (DaftariBook *book, DaftariDay today, GError **error)
{
  g_autoptr(GArray) created = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) due = NULL;
  gboolean ok;

  if (!daftari_book_begin (book, error))
    return NULL;
  ok = (due = due_schedules (book, today, error)) != NULL;
  for (guint i = 0; ok && due != NULL && i < due->len; i++)
    ok = run_one (book, &g_array_index (due, Schedule, i), today, created, error);
  if (!finish (book, ok, error))
    return NULL;
  return g_steal_pointer (&created);
}
