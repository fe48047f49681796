/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The transactions CSV (daftari-export.h, docs/reports.md). */
#include "daftari-export.h"

#include "daftari-book-private.h"
#include "daftari-money.h"
#include "daftari-mpesa-details.h"
#include "daftari-report-private.h"
#include "daftari-report-table.h"

#define FLUSH_AT (64 * 1024)
#define MAX_SIDES 8

typedef struct {
  DaftariBook                 *book;
  const DaftariReportAccounts *accounts;
  DaftariReportSum            *balances;   /* running, by account id */
  GOutputStream               *out;
  GCancellable                *cancellable;
  GString                     *buffer;
  guint64                      rows;
  gboolean                     imports;    /* the book has imported rows to look up */
  GTimeZone                   *zone;
  /* The day of the last row, worked out once per day. */
  gint64                       day_start;
  gint64                       day_length;
  char                         date[16];
  char                         month[8];
  const char                  *weekday;
} Export;

static const char *const weekdays[] = {
  "", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};

static void
enter_day (Export *ex, gint64 ts)
{
  DaftariCalendar *calendar = daftari_book_get_calendar (ex->book);
  DaftariDay day = daftari_calendar_day_of (calendar, ts);
  g_autoptr(GDate) date = g_date_new_dmy (day % 100, day / 100 % 100, day / 10000);

  DaftariDay next;

  ex->day_start = daftari_calendar_day_start (calendar, day);
  /* Not always 24 hours: where clocks change, a day is 23 or 25. */
  g_date_add_days (date, 1);
  next = g_date_get_year (date) * 10000 + g_date_get_month (date) * 100 + g_date_get_day (date);
  ex->day_length = daftari_calendar_day_start (calendar, next) - ex->day_start;
  g_date_subtract_days (date, 1);
  g_snprintf (ex->date, sizeof ex->date, "%04d-%02d-%02d", day / 10000, day / 100 % 100, day % 100);
  g_snprintf (ex->month, sizeof ex->month, "%04d-%02d", day / 10000, day / 100 % 100);
  ex->weekday = weekdays[g_date_get_weekday (date)];
}

/* Local clock time; on a day whose clocks change, asked of the zone. */
static void
append_time (Export *ex, gint64 ts)
{
  gint64 seconds = ts - ex->day_start;

  if (ex->day_length != 24 * 3600)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ts);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, ex->zone);
      seconds = g_date_time_get_hour (local) * 3600 + g_date_time_get_minute (local) * 60 +
                g_date_time_get_second (local);
    }
  g_string_append_printf (ex->buffer, "%02d:%02d:%02d,", (int) (seconds / 3600), (int) (seconds / 60 % 60),
                          (int) (seconds % 60));
}

static void
append_field (Export *ex, const char *text, gboolean last)
{
  daftari_csv_append_field (ex->buffer, text ? text : "");
  g_string_append (ex->buffer, last ? "\r\n" : ",");
}

static void
append_money (Export *ex, gint64 amount, const DaftariCommodity *commodity)
{
  g_autofree char *text = daftari_money_format (amount, commodity,
                                                DAFTARI_MONEY_FORMAT_NO_CODE | DAFTARI_MONEY_FORMAT_NO_GROUPING);
  g_string_append (ex->buffer, text);
  g_string_append_c (ex->buffer, ',');
}

/* The import that brought the transaction: its source, and the channel its
 * text tells when the transaction has none (an agent's withdrawal). */
static char *
import_source (Export *ex, gint64 txn_id, const char **channel)
{
  sqlite3_stmt *stmt;
  char *source = NULL;

  if (!ex->imports ||
      (stmt = daftari_book_prepare (ex->book,
          "SELECT b.source, CASE WHEN r.details = '' OR json_valid (r.details) THEN"
          " coalesce (json_extract (nullif (r.details, ''), '$.text'), substr (t.memo, length (r.receipt) + 2))"
          " ELSE r.details END FROM import_row r JOIN import_batch b ON b.id = r.batch_id JOIN txn t ON t.id = r.txn_id"
          " WHERE r.txn_id = ? AND r.state = 'posted' ORDER BY r.id LIMIT 1", NULL)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, txn_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      source = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      if (**channel == '\0')
        {
          DaftariMpesaDetails details;
          daftari_mpesa_details_classify ((const char *) sqlite3_column_text (stmt, 1), &details);
          if (details.kind == DAFTARI_MPESA_WITHDRAW || details.kind == DAFTARI_MPESA_DEPOSIT)
            *channel = "agent";
          daftari_mpesa_details_clear (&details);
        }
    }
  sqlite3_reset (stmt);
  return source;
}

static const char *
channel_of (const DaftariAccount *wallet)
{
  switch (wallet->kind)
    {
    case DAFTARI_ACCOUNT_MPESA: return "mpesa";
    case DAFTARI_ACCOUNT_BANK: return "bank";
    case DAFTARI_ACCOUNT_CASH: return "cash";
    case DAFTARI_ACCOUNT_CRYPTO:
    default: return "crypto";
    }
}

/* The category, or else the account on the other side that is not a wallet
 * (Accounts Receivable for a customer's payment, Fuliza, Opening balances). */
static const char *
category_of (Export *ex, const DaftariReportTxn *txn, const DaftariWalletSide *side)
{
  DaftariAccount *account = daftari_report_account (ex->accounts, side->category_id);

  if (account != NULL || side->transfer)
    return account ? account->name : "";
  for (guint i = 0; i < txn->splits->len; i++)
    {
      const DaftariSplit *split = &g_array_index (txn->splits, DaftariSplit, i);
      account = daftari_report_account (ex->accounts, split->account_id);
      if (account != NULL && !daftari_account_kind_is_wallet (account->kind))
        return account->name;
    }
  return "";
}

static void
append_row (Export *ex, const DaftariReportTxn *txn, const DaftariWalletSide *side, const char *channel,
            const char *source)
{
  DaftariAccount *wallet = daftari_report_account (ex->accounts, side->wallet_id);
  DaftariAccount *other = daftari_report_account (ex->accounts, side->other_wallet_id);
  gint64 *balance = &ex->balances[side->wallet_id].amount;
  const char *counterparty = *txn->counterparty ? txn->counterparty
                             : *txn->payee ? txn->payee : other ? other->name : "";

  *balance += side->amount;
  g_string_append_printf (ex->buffer, "%s,", ex->date);
  append_time (ex, txn->ts);
  g_string_append_printf (ex->buffer, "%s,%s,", ex->weekday, ex->month);
  append_field (ex, wallet->name, FALSE);
  append_field (ex, *channel ? channel : channel_of (wallet), FALSE);
  append_field (ex, counterparty, FALSE);
  append_field (ex, category_of (ex, txn, side), FALSE);
  append_money (ex, side->amount > 0 ? side->amount : 0, wallet->commodity);
  append_money (ex, side->amount < 0 ? -side->amount - side->fee : 0, wallet->commodity);
  append_money (ex, side->fee, wallet->commodity);
  append_money (ex, *balance, wallet->commodity);
  g_string_append_printf (ex->buffer, "%s,%" G_GINT64_FORMAT ",%s,%s,", source ? source : "manual", txn->id,
                          wallet->commodity->code, daftari_txn_kind_to_string (txn->kind));
  append_field (ex, txn->payee, FALSE);
  append_field (ex, txn->reference, FALSE);
  append_field (ex, txn->memo, TRUE);
  ex->rows++;
}

static gboolean
flush (Export *ex, GError **error)
{
  gboolean ok = g_output_stream_write_all (ex->out, ex->buffer->str, ex->buffer->len, NULL, ex->cancellable, error);
  g_string_truncate (ex->buffer, 0);
  return ok;
}

static gboolean
export_txn (const DaftariReportTxn *txn, gpointer data, GError **error)
{
  Export *ex = data;
  DaftariWalletSide sides[MAX_SIDES];
  guint n = daftari_report_wallet_sides (ex->accounts, txn, sides, MAX_SIDES);
  const char *channel = txn->channel;
  g_autofree char *source = NULL;

  if (n == 0)
    return TRUE;
  if (txn->ts < ex->day_start || txn->ts >= ex->day_start + ex->day_length)
    enter_day (ex, txn->ts);
  source = import_source (ex, txn->id, &channel);
  for (guint i = 0; i < n; i++)
    append_row (ex, txn, &sides[i], channel, source);
  return ex->buffer->len < FLUSH_AT || flush (ex, error);
}

static gboolean
has_imports (DaftariBook *book)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book, "SELECT EXISTS (SELECT 1 FROM import_row)", NULL);
  gboolean any;

  if (stmt == NULL)
    return TRUE;
  any = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return any;
}

gboolean
daftari_export_csv (DaftariBook *book, gint64 from_ts, gint64 to_ts, GOutputStream *out, guint64 *out_rows,
                    GCancellable *cancellable, GError **error)
{
  g_autoptr(DaftariReportAccounts) accounts = daftari_report_accounts_new (book, error);
  g_autoptr(GString) buffer = g_string_sized_new (FLUSH_AT + 4096);
  g_autoptr(GTimeZone) zone = NULL;
  g_autofree DaftariReportSum *balances = NULL;
  Export ex = { .book = book, .accounts = accounts, .out = out, .cancellable = cancellable, .buffer = buffer,
                .day_start = G_MAXINT64 / 2, .day_length = 0 };
  gboolean own, ok;

  if (accounts == NULL || !daftari_report_read_begin (book, &own, error))
    return FALSE;
  zone = g_time_zone_new_identifier (daftari_calendar_get_zone (daftari_book_get_calendar (book)));
  ex.zone = zone ? zone : g_time_zone_new_utc ();
  if (zone == NULL)
    zone = ex.zone;
  ex.imports = has_imports (book);
  /* Running balances start from what each wallet held before the period. */
  balances = from_ts == G_MININT64 ? g_new0 (DaftariReportSum, accounts->n_ids)
                                   : daftari_report_sums (book, accounts, G_MININT64, from_ts - 1, error);
  ex.balances = balances;
  g_string_append (buffer, DAFTARI_EXPORT_CSV_HEADER "\r\n");
  ok = balances != NULL && daftari_report_scan (book, from_ts, to_ts, DAFTARI_REPORT_SCAN_TEXTS, 0, export_txn, &ex, error) &&
       flush (&ex, error);
  daftari_report_read_end (book, own);
  if (ok && out_rows != NULL)
    *out_rows = ex.rows;
  return ok;
}
