/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-rates.h"

#include <glib/gi18n-lib.h>

#include "daftari-book-private.h"
#include "daftari-db.h"
#include "daftari-error.h"
#include "daftari-money.h"

gboolean
daftari_rates_set (DaftariBook *book, const DaftariCommodity *commodity, DaftariDay day, gint64 rate,
                   GError **error)
{
  sqlite3_stmt *stmt;

  if (commodity == daftari_book_get_currency (book))
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                   _("%s is the book currency; it needs no rate"), commodity->code);
      return FALSE;
    }
  if (rate <= 0)
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                   _("A rate must be more than zero"));
      return FALSE;
    }
  if (!daftari_book_begin (book, error))
    return FALSE;
  stmt = daftari_book_prepare (book,
      "INSERT INTO rate (commodity, day, rate) VALUES (?, ?, ?)"
      " ON CONFLICT DO UPDATE SET rate = excluded.rate", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, commodity->code, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, day);
      sqlite3_bind_int64 (stmt, 3, rate);
    }
  if (stmt == NULL || !daftari_db_step_done (stmt, error))
    {
      daftari_book_rollback (book);
      return FALSE;
    }
  return daftari_book_commit (book, error);
}

gboolean
daftari_rates_lookup (DaftariBook *book, const DaftariCommodity *commodity, gint64 ts, gint64 *out_rate,
                      GError **error)
{
  DaftariCalendar *calendar = daftari_book_get_calendar (book);
  DaftariDay day;
  sqlite3_stmt *stmt;
  int rc;

  /* The book's own currency first: working out the day is most of the cost
   * of a look-up, and nearly every amount is in it. */
  if (commodity == daftari_book_get_currency (book))
    {
      *out_rate = DAFTARI_RATE_ONE;
      return TRUE;
    }
  day = daftari_calendar_day_of (calendar, ts);
  stmt = daftari_book_prepare (book,
      "SELECT rate FROM rate WHERE commodity = ? AND day <= ? ORDER BY day DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, commodity->code, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, day);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_rate = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    {
      daftari_db_set_error (error, daftari_book_get_db (book), rc);
      return FALSE;
    }
  {
    g_autofree char *date = daftari_calendar_format_date (calendar, ts);
    g_set_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_NO_RATE,
                 _("There is no %s rate on or before %s. Enter the rate for that day first."),
                 commodity->code, date);
  }
  return FALSE;
}

gboolean
daftari_rates_value (DaftariBook *book, const DaftariCommodity *commodity, gint64 amount, gint64 ts,
                     gint64 *out_value, GError **error)
{
  gint64 rate;

  if (!daftari_rates_lookup (book, commodity, ts, &rate, error))
    return FALSE;
  return daftari_money_convert (amount, commodity, rate, daftari_book_get_currency (book),
                                DAFTARI_RATE_ONE, out_value, error);
}

GArray *
daftari_rates_list (DaftariBook *book, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT commodity, day, rate FROM rate ORDER BY day DESC, commodity", error);
  g_autoptr(GArray) rates = g_array_new (FALSE, FALSE, sizeof (DaftariRateEntry));
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftariRateEntry entry = {
        daftari_commodity_lookup ((const char *) sqlite3_column_text (stmt, 0)),
        sqlite3_column_int (stmt, 1),
        sqlite3_column_int64 (stmt, 2),
      };
      if (entry.commodity != NULL)
        g_array_append_val (rates, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftari_db_set_error (error, daftari_book_get_db (book), rc);
      return NULL;
    }
  return g_steal_pointer (&rates);
}
