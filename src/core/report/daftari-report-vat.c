/* SPDX-License-Identifier: GPL-3.0-or-later */
/* VAT over a period, as a help for the KRA VAT3 return: output VAT on the
 * invoices issued (less those voided), input VAT from receipts. */
#include "daftari-report.h"

#include <json-glib/json-glib.h>

#include "daftari-money.h"
#include "daftari-report-private.h"

static void
purchase_free (DaftariInputVatRow *row)
{
  g_free (row->description);
  g_free (row);
}

void
daftari_vat_report_free (DaftariVatReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->purchases);
  g_free (report);
}

/* invoice_line.vat_rate as daftari_vat_rate_to_string writes it. */
static int
rate_index (const char *text)
{
  static const char *const names[DAFTARI_REPORT_VAT_RATES] = { "16", "8", "0", "exempt" };

  for (int i = 0; i < DAFTARI_REPORT_VAT_RATES; i++)
    if (g_strcmp0 (text, names[i]) == 0)
      return i;
  return -1;
}

/* Lines of the invoices the SQL picks, by rate; returns how many invoices. */
static gboolean
by_rate (DaftariBook *book, const char *sql, const DaftariPeriod *period, gint64 *net, gint64 *vat,
         guint *out_count, GError **error)
{
  sqlite3_stmt *stmt = daftari_report_prepare_period (book, sql, period->from_ts, period->to_ts, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  *out_count = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int rate = rate_index ((const char *) sqlite3_column_text (stmt, 0));
      if (rate >= 0)
        {
          net[rate] += sqlite3_column_int64 (stmt, 1);
          vat[rate] += sqlite3_column_int64 (stmt, 2);
        }
      *out_count = MAX (*out_count, (guint) sqlite3_column_int (stmt, 3));
    }
  return daftari_report_finish (stmt, rc, error);
}

/* The count is the same on every row (a window over all the invoices). */
static const char issued_sql[] =
  "SELECT l.vat_rate, sum (l.net), sum (l.vat),"
  " (SELECT count (*) FROM invoice WHERE state IN ('issued', 'void') AND issue_ts BETWEEN ?1 AND ?2)"
  " FROM invoice i JOIN invoice_line l ON l.invoice_id = i.id"
  " WHERE i.state IN ('issued', 'void') AND i.issue_ts BETWEEN ?1 AND ?2 GROUP BY l.vat_rate";
static const char voided_sql[] =
  "SELECT l.vat_rate, sum (l.net), sum (l.vat),"
  " (SELECT count (*) FROM invoice i JOIN txn v ON v.id = i.void_txn_id"
  "  WHERE i.state = 'void' AND v.ts BETWEEN ?1 AND ?2)"
  " FROM invoice i JOIN txn v ON v.id = i.void_txn_id JOIN invoice_line l ON l.invoice_id = i.id"
  " WHERE i.state = 'void' AND v.ts BETWEEN ?1 AND ?2 GROUP BY l.vat_rate";

/* A receipt's VAT as the receipts area stores it in attachment.details:
 * "vat": "1234.50" (its canonical text), or { "value": "1234.50", … }, or
 * "vat_minor": 123450. FALSE when the receipt has no VAT field. */
static gboolean
receipt_vat (const char *details, const DaftariCommodity *currency, gint64 *out_vat)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  JsonNode *vat;

  if (details == NULL || *details == '\0' || !json_parser_load_from_data (parser, details, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return FALSE;
  object = json_node_get_object (json_parser_get_root (parser));
  if (json_object_has_member (object, "vat_minor"))
    {
      *out_vat = json_object_get_int_member (object, "vat_minor");
      return TRUE;
    }
  if ((vat = json_object_get_member (object, "vat")) == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_OBJECT (vat))
    vat = json_object_get_member (json_node_get_object (vat), "value");
  if (vat == NULL || json_node_get_value_type (vat) != G_TYPE_STRING)
    return FALSE;
  return daftari_money_parse (json_node_get_string (vat), currency, out_vat, NULL);
}

static gboolean
add_purchases (DaftariBook *book, DaftariVatReport *report, GError **error)
{
  sqlite3_stmt *stmt = daftari_report_prepare_period (book,
      "SELECT t.id, t.ts, CASE WHEN t.payee != '' THEN t.payee ELSE t.memo END, a.details,"
      " (SELECT coalesce (-sum (s.value), 0) FROM split s JOIN account w ON w.id = s.account_id"
      "  WHERE s.txn_id = t.id AND s.value < 0 AND w.kind IN ('mpesa', 'bank', 'cash', 'crypto'))"
      /* CROSS JOIN: start from the few receipts, not from the period's transactions. */
      " FROM txn_attachment ta CROSS JOIN txn t ON t.id = ta.txn_id JOIN attachment a ON a.id = ta.attachment_id"
      " WHERE t.ts BETWEEN ? AND ? AND t.voided = 0 AND a.details != '' ORDER BY t.ts, t.id, a.id",
      report->period.from_ts, report->period.to_ts, error);
  const DaftariCommodity *currency = daftari_book_get_currency (book);
  DaftariCalendar *calendar = daftari_book_get_calendar (book);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftariInputVatRow *row;
      gint64 vat;

      if (!receipt_vat ((const char *) sqlite3_column_text (stmt, 3), currency, &vat) || vat == 0)
        continue;
      row = g_new0 (DaftariInputVatRow, 1);
      row->txn_id = sqlite3_column_int64 (stmt, 0);
      row->day = daftari_calendar_day_of (calendar, sqlite3_column_int64 (stmt, 1));
      row->description = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      row->amount = sqlite3_column_int64 (stmt, 4);
      row->vat = vat;
      report->input_vat += vat;
      g_ptr_array_add (report->purchases, row);
    }
  return daftari_report_finish (stmt, rc, error);
}

DaftariVatReport *
daftari_report_vat (DaftariBook *book, const DaftariPeriod *period, GError **error)
{
  g_autoptr(DaftariVatReport) report = g_new0 (DaftariVatReport, 1);
  gboolean own, ok;

  report->period = *period;
  report->purchases = g_ptr_array_new_with_free_func ((GDestroyNotify) purchase_free);
  if (!daftari_report_read_begin (book, &own, error))
    return NULL;
  ok = by_rate (book, issued_sql, period, report->sales_net, report->sales_vat, &report->invoices, error) &&
       by_rate (book, voided_sql, period, report->voided_net, report->voided_vat, &report->voided, error) &&
       add_purchases (book, report, error);
  daftari_report_read_end (book, own);
  if (!ok)
    return NULL;
  for (int i = 0; i < DAFTARI_REPORT_VAT_RATES; i++)
    report->output_vat += report->sales_vat[i] - report->voided_vat[i];
  report->net_vat = report->output_vat - report->input_vat;
  return g_steal_pointer (&report);
}
