/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Top customers (by invoices issued and by payments received) and top
 * payees (by money paid out), over a period. */
#include "daftari-report.h"

#include "daftari-report-private.h"

static void
party_free (DaftariPartyRow *row)
{
  g_free (row->key);
  g_free (row->name);
  g_free (row);
}

void
daftari_top_report_free (DaftariTopReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->invoiced);
  g_ptr_array_unref (report->paid);
  g_ptr_array_unref (report->payees);
  g_free (report);
}

/* Rows of (id, name, amount, count), already ranked by the SQL. */
static gboolean
read_parties (DaftariBook *book, const char *sql, const DaftariPeriod *period, guint limit, GPtrArray *rows,
              GError **error)
{
  sqlite3_stmt *stmt = daftari_report_prepare_period (book, sql, period->from_ts, period->to_ts, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 3, limit ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftariPartyRow *row = g_new0 (DaftariPartyRow, 1);
      row->key = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      row->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row->amount = sqlite3_column_int64 (stmt, 2);
      row->count = sqlite3_column_int (stmt, 3);
      g_ptr_array_add (rows, row);
    }
  return daftari_report_finish (stmt, rc, error);
}

/* Void invoices are left out; so are payments whose transaction was voided. */
static const char invoiced_sql[] =
  "SELECT c.id, c.name, sum (i.total) AS amount, count (*) FROM invoice i JOIN customer c ON c.id = i.customer_id"
  " WHERE i.state = 'issued' AND i.issue_ts BETWEEN ?1 AND ?2"
  " GROUP BY c.id ORDER BY amount DESC, c.name LIMIT ?3";
static const char paid_sql[] =
  "SELECT c.id, c.name, sum (p.amount) AS amount, count (*) FROM customer_payment p"
  " JOIN customer c ON c.id = p.customer_id JOIN txn t ON t.id = p.txn_id"
  " WHERE p.ts BETWEEN ?1 AND ?2 AND t.voided = 0"
  " GROUP BY c.id ORDER BY amount DESC, c.name LIMIT ?3";

typedef struct {
  const DaftariReportAccounts *accounts;
  GHashTable                  *by_key;   /* key → DaftariPartyRow* */
  GPtrArray                   *rows;
} Payees;

/* What a transaction paid to expense categories, charges apart. */
static gint64
paid_out (const DaftariReportAccounts *accounts, const DaftariReportTxn *txn)
{
  gint64 total = 0;

  for (guint i = 0; i < txn->splits->len; i++)
    {
      const DaftariSplit *split = &g_array_index (txn->splits, DaftariSplit, i);
      DaftariAccount *account = daftari_report_account (accounts, split->account_id);
      if (account != NULL && account->kind == DAFTARI_ACCOUNT_EXPENSE && split->role == DAFTARI_SPLIT_NORMAL &&
          account->id != accounts->charges_id)
        total += split->value;
    }
  return total;
}

static gboolean
add_payee (const DaftariReportTxn *txn, gpointer data, GError **error)
{
  Payees *payees = data;
  const char *number = txn->counterparty, *name = *txn->payee ? txn->payee : txn->memo;
  g_autofree char *key = NULL;
  DaftariPartyRow *row;
  gint64 amount;

  if ((*number == '\0' && *txn->payee == '\0') || (amount = paid_out (payees->accounts, txn)) <= 0)
    return TRUE;
  /* The number says who it is; the name of the latest payment says it to people. */
  key = *number ? g_strdup_printf ("%s:%s", txn->channel, number) : g_strdup (txn->payee);
  row = g_hash_table_lookup (payees->by_key, key);
  if (row == NULL)
    {
      row = g_new0 (DaftariPartyRow, 1);
      row->key = g_steal_pointer (&key);
      g_hash_table_insert (payees->by_key, row->key, row);
      g_ptr_array_add (payees->rows, row);
    }
  g_free (row->name);
  row->name = *number && !*name ? g_strdup (number) : g_strdup (name);
  row->amount += amount;
  row->count++;
  return TRUE;
}

static int
by_amount (gconstpointer a, gconstpointer b)
{
  const DaftariPartyRow *x = *(DaftariPartyRow **) a, *y = *(DaftariPartyRow **) b;
  return x->amount != y->amount ? (x->amount < y->amount ? 1 : -1) : g_strcmp0 (x->key, y->key);
}

static gboolean
top_payees (DaftariBook *book, const DaftariPeriod *period, guint limit, GPtrArray *rows, GError **error)
{
  g_autoptr(DaftariReportAccounts) accounts = daftari_report_accounts_new (book, error);
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  Payees payees = { accounts, by_key, rows };

  if (accounts == NULL ||
      !daftari_report_scan (book, period->from_ts, period->to_ts, DAFTARI_REPORT_SCAN_PAYEES, 0, add_payee, &payees, error))
    return FALSE;
  g_ptr_array_sort (rows, by_amount);
  if (limit && rows->len > limit)
    g_ptr_array_set_size (rows, limit);
  return TRUE;
}

DaftariTopReport *
daftari_report_top (DaftariBook *book, const DaftariPeriod *period, guint limit, GError **error)
{
  g_autoptr(DaftariTopReport) report = g_new0 (DaftariTopReport, 1);
  gboolean own, ok;

  report->period = *period;
  report->invoiced = g_ptr_array_new_with_free_func ((GDestroyNotify) party_free);
  report->paid = g_ptr_array_new_with_free_func ((GDestroyNotify) party_free);
  report->payees = g_ptr_array_new_with_free_func ((GDestroyNotify) party_free);
  if (!daftari_report_read_begin (book, &own, error))
    return NULL;
  ok = read_parties (book, invoiced_sql, period, limit, report->invoiced, error) &&
       read_parties (book, paid_sql, period, limit, report->paid, error) &&
       top_payees (book, period, limit, report->payees, error);
  daftari_report_read_end (book, own);
  return ok ? g_steal_pointer (&report) : NULL;
}
