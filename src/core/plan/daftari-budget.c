/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-budget.h"

#include <glib/gi18n-lib.h>

#include "daftari-account.h"
#include "daftari-book-private.h"
#include "daftari-db.h"
#include "daftari-error.h"
#include "daftari-query.h"
#include "daftari-recurrence.h"
#include "daftari-schedule-private.h"

static const char *const state_names[] = {
  [DAFTARI_BUDGET_ON_TRACK] = "on-track",
  [DAFTARI_BUDGET_AHEAD] = "ahead",
  [DAFTARI_BUDGET_OVER] = "over",
};

const char *
daftari_budget_state_to_string (DaftariBudgetState state)
{
  g_return_val_if_fail (state < G_N_ELEMENTS (state_names), "");
  return state_names[state];
}

DaftariBudgetState
daftari_budget_state (gint64 budget, gint64 actual, int elapsed_days, int days)
{
  __int128 spent = (__int128) actual * 100 * days;
  __int128 pace = ((__int128) elapsed_days * 100 + (__int128) DAFTARI_BUDGET_PACE_MARGIN * days) * budget;

  g_return_val_if_fail (days > 0, DAFTARI_BUDGET_ON_TRACK);
  if (actual > budget)
    return DAFTARI_BUDGET_OVER;
  /* Compared in integers, spent/budget > elapsed/days + margin: the edges
   * are exact. A finished month has no pace left to run ahead of. */
  if (elapsed_days < days && (__int128) actual * 100 >= (__int128) DAFTARI_BUDGET_PACE_FLOOR * budget &&
      spent > pace)
    return DAFTARI_BUDGET_AHEAD;
  return DAFTARI_BUDGET_ON_TRACK;
}

static gboolean
check_category (DaftariBook *book, gint64 category_id, GError **error)
{
  g_autoptr(DaftariAccount) category = daftari_account_get (book, category_id, error);

  if (category == NULL)
    return FALSE;
  if (category->kind != DAFTARI_ACCOUNT_EXPENSE)
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                   _("“%s” is not an expense category; budgets are for spending"), category->name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
delete_budget (DaftariBook *book, gint64 category_id, DaftariMonth month, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "DELETE FROM budget WHERE category_id = ? AND IFNULL (month, 0) = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, category_id);
  sqlite3_bind_int (stmt, 2, month);
  return daftari_db_step_done (stmt, error);
}

static gboolean
insert_budget (DaftariBook *book, gint64 category_id, DaftariMonth month, gint64 amount, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "INSERT INTO budget (category_id, month, amount, updated) VALUES (?, NULLIF (?, 0), ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, category_id);
  sqlite3_bind_int (stmt, 2, month);
  sqlite3_bind_int64 (stmt, 3, amount);
  sqlite3_bind_int64 (stmt, 4, daftari_calendar_now ());
  return daftari_db_step_done (stmt, error);
}

gboolean
daftari_budget_check (DaftariBook *book, gint64 category_id, gint64 amount, GError **error)
{
  if (amount < 0)
    {
      g_set_error_literal (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                           _("A budget cannot be negative"));
      return FALSE;
    }
  return check_category (book, category_id, error);
}

gboolean
daftari_budget_set (DaftariBook *book, gint64 category_id, DaftariMonth month, gint64 amount, GError **error)
{
  if (!daftari_budget_check (book, category_id, amount, error) || !daftari_book_begin (book, error))
    return FALSE;
  return daftari_plan_finish (book,
                              delete_budget (book, category_id, month, error) &&
                              insert_budget (book, category_id, month, amount, error),
                              error);
}

gboolean
daftari_budget_remove (DaftariBook *book, gint64 category_id, DaftariMonth month, GError **error)
{
  gboolean ok;

  if (!daftari_book_begin (book, error))
    return FALSE;
  ok = delete_budget (book, category_id, month, error);
  if (ok && sqlite3_changes (daftari_book_get_db (book)) == 0)
    {
      g_set_error_literal (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_NOT_FOUND,
                           _("There is no such budget; “budget show” lists them"));
      ok = FALSE;
    }
  return daftari_plan_finish (book, ok, error);
}

static void
line_clear (gpointer data)
{
  g_free (((DaftariBudgetLine *) data)->category);
}

void
daftari_budget_report_free (DaftariBudgetReport *report)
{
  if (report == NULL)
    return;
  g_array_unref (report->lines);
  g_free (report);
}

/* The month's budgets, its own before the every-month ones, one per category. */
static gboolean
load_lines (DaftariBook *book, DaftariBudgetReport *report, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT b.category_id, a.name, b.month IS NULL, b.amount FROM budget b"
      " JOIN account a ON a.id = b.category_id"
      " WHERE b.month = ?1 OR (b.month IS NULL AND NOT EXISTS"
      "   (SELECT 1 FROM budget o WHERE o.category_id = b.category_id AND o.month = ?1))"
      " ORDER BY a.name COLLATE NOCASE", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, report->month);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftariBudgetLine line = {
        .category_id = sqlite3_column_int64 (stmt, 0),
        .category = g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
        .every_month = sqlite3_column_int (stmt, 2) != 0,
        .budget = sqlite3_column_int64 (stmt, 3),
      };
      g_array_append_val (report->lines, line);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftari_db_set_error (error, daftari_book_get_db (book), rc);
      return FALSE;
    }
  return TRUE;
}

static gint64
actual_of (GArray *totals, gint64 category_id)
{
  for (guint i = 0; i < totals->len; i++)
    if (g_array_index (totals, DaftariAccountTotal, i).account_id == category_id)
      return g_array_index (totals, DaftariAccountTotal, i).value;
  return 0;
}

static int
elapsed_days (DaftariMonth month, DaftariDay today, int days)
{
  if (today / 100 > month)
    return days;
  if (today / 100 < month)
    return 0;
  return today % 100;
}

static void
fill_line (DaftariBudgetReport *report, DaftariBudgetLine *line, GArray *totals)
{
  line->actual = actual_of (totals, line->category_id);
  line->variance = line->budget - line->actual;
  line->percent = line->budget > 0 ? (int) MIN ((__int128) line->actual * 100 / line->budget, G_MAXINT) : -1;
  line->state = daftari_budget_state (line->budget, line->actual, report->elapsed_days, report->days);
  report->budget += line->budget;
  report->actual += line->actual;
}

DaftariBudgetReport *
daftari_budget_report (DaftariBook *book, DaftariMonth month, DaftariDay today, GError **error)
{
  g_autoptr(DaftariBudgetReport) report = g_new0 (DaftariBudgetReport, 1);
  g_autoptr(GArray) totals = NULL;

  report->month = month;
  report->days = daftari_month_days (month);
  report->elapsed_days = elapsed_days (month, today, report->days);
  report->lines = g_array_new (FALSE, TRUE, sizeof (DaftariBudgetLine));
  g_array_set_clear_func (report->lines, line_clear);
  if (!load_lines (book, report, error) || (totals = daftari_query_month_totals (book, month, error)) == NULL)
    return NULL;
  for (guint i = 0; i < report->lines->len; i++)
    fill_line (report, &g_array_index (report->lines, DaftariBudgetLine, i), totals);
  return g_steal_pointer (&report);
}
