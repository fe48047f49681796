/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the matcher is fed from a book: incoming payments not yet settled,
 * open invoices, customers, learned aliases and rejected pairs. */
#include "daftari-reconcile-book.h"

#include <string.h>

#include "daftari-book-private.h"
#include "daftari-db.h"
#include "daftari-reconcile-text.h"

gboolean
daftari_reconcile_sql_failed (DaftariBook *book, GError **error)
{
  daftari_db_set_error (error, daftari_book_get_db (book), sqlite3_errcode (daftari_book_get_db (book)));
  return FALSE;
}

static char *
column_text (sqlite3_stmt *stmt, int column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

void
daftari_reconcile_source_clear (DaftariReconcileSource *source)
{
  g_clear_pointer (&source->payer, g_free);
  g_clear_pointer (&source->phone, g_free);
  g_clear_pointer (&source->reference, g_free);
}

/* A phone in the memo (the source's own text) when the counterparty has
 * none: "… from 0712345678 JANE …", "2547******541". */
static char *
phone_in (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      gsize n = 0;
      if (!(g_ascii_isdigit (*p) && (p == text || !g_ascii_isdigit (p[-1]))))
        continue;
      while (g_ascii_isdigit (p[n]) || p[n] == '*')
        n++;
      if (n >= 10 && n <= 13)
        {
          g_autofree char *candidate = g_strndup (p, n);
          char *phone = daftari_payer_phone (candidate);
          if (phone != NULL)
            return phone;
        }
      p += n - 1;
    }
  return NULL;
}

/* Daraja keeps the account reference as BillRefNumber in the JSON the
 * import puts in the memo. */
static char *
reference_in (const char *text)
{
  const char *at = text != NULL ? strstr (text, "\"BillRefNumber\":\"") : NULL;
  const char *end;

  if (at == NULL)
    return NULL;
  at += strlen ("\"BillRefNumber\":\"");
  end = strchr (at, '"');
  return end != NULL && end > at ? g_strndup (at, end - at) : NULL;
}

/* Transactions that are already customer payments. */
static GHashTable *
customer_payment_txns (DaftariBook *book, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book, "SELECT txn_id FROM customer_payment", error);
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  int rc;

  if (stmt == NULL)
    {
      g_hash_table_destroy (ids);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);
      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_hash_table_destroy (ids);
      daftari_reconcile_sql_failed (book, error);
      return NULL;
    }
  return ids;
}

GArray *
daftari_reconcile_sources (DaftariBook *book, gint64 txn_id, GError **error)
{
  /* Income into a wallet of the book currency, crediting income
   * categories only (fees aside): money a customer may have paid. */
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT t.id, t.ts, t.payee, t.counterparty, t.reference, t.memo,"
      " (SELECT -sum (s.value) FROM split s JOIN account a ON a.id = s.account_id"
      "   WHERE s.txn_id = t.id AND a.kind = 'income'),"
      " (SELECT s.account_id FROM split s JOIN account a ON a.id = s.account_id"
      "   WHERE s.txn_id = t.id AND s.amount > 0 AND a.kind IN ('mpesa', 'bank', 'cash') AND a.commodity = ?1"
      "   LIMIT 1),"
      " (SELECT count (*) FROM split s JOIN account a ON a.id = s.account_id"
      "   WHERE s.txn_id = t.id AND s.role = 0 AND a.kind NOT IN ('income', 'mpesa', 'bank', 'cash'))"
      " FROM txn t WHERE t.kind = 'income' AND t.voided = 0 AND (?2 = 0 OR t.id = ?2) ORDER BY t.ts, t.id", error);
  g_autoptr(GHashTable) settled = NULL;
  g_autoptr(GArray) sources = g_array_new (FALSE, TRUE, sizeof (DaftariReconcileSource));
  int rc;

  g_array_set_clear_func (sources, (GDestroyNotify) daftari_reconcile_source_clear);
  if (stmt == NULL || (settled = customer_payment_txns (book, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, daftari_book_get_currency (book)->code, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, txn_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftariReconcileSource source = { 0 };
      g_autofree char *counterparty = column_text (stmt, 3);
      const char *memo = (const char *) sqlite3_column_text (stmt, 5);

      source.txn_id = sqlite3_column_int64 (stmt, 0);
      source.amount = sqlite3_column_int64 (stmt, 6);
      source.wallet_id = sqlite3_column_int64 (stmt, 7);
      if (source.amount <= 0 || source.wallet_id == 0 || sqlite3_column_int (stmt, 8) > 0 ||
          g_hash_table_contains (settled, &source.txn_id))
        continue;
      source.ts = sqlite3_column_int64 (stmt, 1);
      source.payer = column_text (stmt, 2);
      source.phone = daftari_payer_phone (counterparty);
      if (source.phone == NULL)
        source.phone = phone_in (memo);
      source.reference = column_text (stmt, 4);
      if (source.reference == NULL)
        source.reference = reference_in (memo);
      g_array_append_val (sources, source);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftari_reconcile_sql_failed (book, error);
      return NULL;
    }
  return g_steal_pointer (&sources);
}

/* ---- The matcher's knowledge ---- */

static gboolean
load_customers (DaftariBook *book, DaftariReconcileMatcher *m, GHashTable *names, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book, "SELECT id, name, phone FROM customer", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      daftari_reconcile_matcher_add_customer (m, id, name, (const char *) sqlite3_column_text (stmt, 2));
      g_hash_table_insert (names, g_memdup2 (&id, sizeof id), g_strdup (name));
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || daftari_reconcile_sql_failed (book, error);
}

static gboolean
load_invoices (DaftariBook *book, DaftariReconcileMatcher *m, GHashTable *numbers, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT i.id, i.customer_id, i.number, i.year, i.seq, i.issue_ts, i.due_day,"
      " i.total - coalesce (a.paid, 0) AS owed FROM invoice i"
      " LEFT JOIN (SELECT invoice_id, sum (amount) AS paid FROM payment_allocation GROUP BY invoice_id) a"
      " ON a.invoice_id = i.id WHERE i.state = 'issued' AND owed > 0", error);
  DaftariCalendar *calendar = daftari_book_get_calendar (book);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftariReconcileInvoice invoice = {
        .id = sqlite3_column_int64 (stmt, 0),
        .customer_id = sqlite3_column_int64 (stmt, 1),
        .number = (const char *) sqlite3_column_text (stmt, 2),
        .year = sqlite3_column_int (stmt, 3),
        .sequence = sqlite3_column_int64 (stmt, 4),
        .issue_day = daftari_calendar_day_of (calendar, sqlite3_column_int64 (stmt, 5)),
        .due_day = sqlite3_column_int (stmt, 6),
        .outstanding = sqlite3_column_int64 (stmt, 7),
      };
      daftari_reconcile_matcher_add_invoice (m, &invoice);
      g_hash_table_insert (numbers, g_memdup2 (&invoice.id, sizeof invoice.id), g_strdup (invoice.number));
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || daftari_reconcile_sql_failed (book, error);
}

static gboolean
load_learned (DaftariBook *book, DaftariReconcileMatcher *m, GError **error)
{
  sqlite3_stmt *aliases = daftari_book_prepare (book, "SELECT kind, key, customer_id FROM payer_alias", error);
  sqlite3_stmt *rejected = aliases ? daftari_book_prepare (book,
      "SELECT txn_id, invoice_id FROM reconcile_match WHERE state = 'rejected'", error) : NULL;
  int rc;

  if (rejected == NULL)
    return FALSE;
  while ((rc = sqlite3_step (aliases)) == SQLITE_ROW)
    {
      const char *kind = (const char *) sqlite3_column_text (aliases, 0);
      DaftariAliasKind k = g_str_equal (kind, "phone") ? DAFTARI_ALIAS_PHONE
                           : g_str_equal (kind, "name") ? DAFTARI_ALIAS_NAME : DAFTARI_ALIAS_REFERENCE;
      daftari_reconcile_matcher_add_alias (m, k, (const char *) sqlite3_column_text (aliases, 1),
                                           sqlite3_column_int64 (aliases, 2));
    }
  sqlite3_reset (aliases);
  if (rc != SQLITE_DONE)
    return daftari_reconcile_sql_failed (book, error);
  while ((rc = sqlite3_step (rejected)) == SQLITE_ROW)
    daftari_reconcile_matcher_reject (m, sqlite3_column_int64 (rejected, 0), sqlite3_column_int64 (rejected, 1));
  sqlite3_reset (rejected);
  return rc == SQLITE_DONE || daftari_reconcile_sql_failed (book, error);
}

DaftariReconcileKnowledge *
daftari_reconcile_knowledge_load (DaftariBook *book, GError **error)
{
  g_autoptr(DaftariReconcileKnowledge) k = g_new0 (DaftariReconcileKnowledge, 1);

  k->matcher = daftari_reconcile_matcher_new ();
  k->customer_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  k->invoice_numbers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  if (!load_customers (book, k->matcher, k->customer_names, error) ||
      !load_invoices (book, k->matcher, k->invoice_numbers, error) ||
      !load_learned (book, k->matcher, error))
    return NULL;
  return g_steal_pointer (&k);
}

void
daftari_reconcile_knowledge_free (DaftariReconcileKnowledge *k)
{
  if (k == NULL)
    return;
  daftari_reconcile_matcher_free (k->matcher);
  g_hash_table_destroy (k->customer_names);
  g_hash_table_destroy (k->invoice_numbers);
  g_free (k);
}

DaftariReconcilePayment
daftari_reconcile_payment_of (DaftariBook *book, const DaftariReconcileSource *source)
{
  return (DaftariReconcilePayment) {
    source->txn_id, source->amount, daftari_calendar_day_of (daftari_book_get_calendar (book), source->ts),
    source->payer, source->phone, source->reference,
  };
}
