/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one pass over the book that anomaly flags need: every income and
 * expense row with its payee, interned. */
#include "daftari-anomaly-private.h"

#include "daftari-book-private.h"
#include "daftari-db.h"

void
daftari_anomaly_scan_free (DaftariAnomalyScan *scan)
{
  if (scan == NULL)
    return;
  g_array_unref (scan->rows);
  g_array_unref (scan->category_ids);
  g_ptr_array_unref (scan->category_names);
  g_byte_array_unref (scan->category_outgoing);
  g_ptr_array_unref (scan->payee_names);
  g_free (scan);
}

typedef struct {
  DaftariAnomalyScan *scan;
  GHashTable         *categories;  /* account id → index + 1 */
  GHashTable         *payees;      /* key → index */
  GHashTable         *scheduled;   /* txn ids */
  GString            *key;
} Scanner;

static gboolean
step_all (DaftariBook *book, sqlite3_stmt *stmt, void (*each) (Scanner *, sqlite3_stmt *), Scanner *s,
          GError **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    each (s, stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftari_db_set_error (error, daftari_book_get_db (book), rc);
      return FALSE;
    }
  return TRUE;
}

static void
add_category (Scanner *s, sqlite3_stmt *stmt)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  guint8 outgoing = sqlite3_column_int (stmt, 2) != 0;

  g_byte_array_append (s->scan->category_outgoing, &outgoing, 1);
  g_array_append_val (s->scan->category_ids, id);
  g_ptr_array_add (s->scan->category_names, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  g_hash_table_insert (s->categories, GSIZE_TO_POINTER ((gsize) id),
                       GUINT_TO_POINTER (s->scan->category_ids->len));
}

static void
add_scheduled (Scanner *s, sqlite3_stmt *stmt)
{
  g_hash_table_add (s->scheduled, GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 0)));
}

static const char *
text_at (sqlite3_stmt *stmt, int column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text != NULL ? text : "";
}

/* A memo as a payee: lower case, letters and single spaces only, so that
 * "Stock from BIDCO" and "stock from Bidco 12/3" are the same supplier. */
static void
memo_key (GString *key, const char *memo)
{
  gboolean space = FALSE;

  g_string_append (key, "m:");
  for (const char *p = memo; *p != '\0'; p++)
    {
      if (g_ascii_isalpha (*p) || (guchar) *p >= 0x80)
        {
          if (space && key->len > 2)
            g_string_append_c (key, ' ');
          g_string_append_c (key, g_ascii_tolower (*p));
          space = FALSE;
        }
      else if (!g_ascii_isdigit (*p))
        space = TRUE;
    }
}

/* Who was paid: the Paybill, Till or phone when there is one, else the
 * payee, else the memo. The name shown is the memo or the payee. */
static guint32
payee_of (Scanner *s, sqlite3_stmt *stmt)
{
  const char *memo = text_at (stmt, 4), *payee = text_at (stmt, 5);
  const char *channel = text_at (stmt, 6), *number = text_at (stmt, 7);
  gpointer found;

  g_string_truncate (s->key, 0);
  /* Appends, not printf: this runs for every payment of the book. */
  if (*number != '\0')
    {
      g_string_append (s->key, channel);
      g_string_append_c (s->key, ':');
      g_string_append (s->key, number);
    }
  else if (*payee != '\0')
    {
      g_string_append (s->key, "p:");
      g_string_append (s->key, payee);
    }
  else
    memo_key (s->key, memo);
  if (s->key->len <= 2)
    return 0;
  if (g_hash_table_lookup_extended (s->payees, s->key->str, NULL, &found))
    return GPOINTER_TO_UINT (found);
  g_ptr_array_add (s->scan->payee_names, g_strdup (*payee != '\0' ? payee : *memo != '\0' ? memo : number));
  g_hash_table_insert (s->payees, g_strdup (s->key->str), GUINT_TO_POINTER (s->scan->payee_names->len - 1));
  return s->scan->payee_names->len - 1;
}

static void
add_row (Scanner *s, sqlite3_stmt *stmt)
{
  DaftariAnomalyRow row = {
    .txn_id = sqlite3_column_int64 (stmt, 0),
    .ts = sqlite3_column_int64 (stmt, 1),
    .outgoing = sqlite3_column_int (stmt, 8) != 0,
  };
  gint64 amount = sqlite3_column_int64 (stmt, 3);

  row.amount = row.outgoing ? amount : -amount;
  if (row.amount <= 0)
    return;   /* refunds and corrections: not payments */
  row.category = GPOINTER_TO_UINT (g_hash_table_lookup (s->categories,
                                                        GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 2)))) - 1;
  row.payee = row.outgoing ? payee_of (s, stmt) : 0;
  row.scheduled = g_hash_table_contains (s->scheduled, GSIZE_TO_POINTER ((gsize) row.txn_id));
  s->scan->first_ts = MIN (s->scan->first_ts, row.ts);
  g_array_append_val (s->scan->rows, row);
}

DaftariAnomalyScan *
daftari_anomaly_scan (DaftariBook *book, GError **error)
{
  g_autoptr(DaftariAnomalyScan) scan = g_new0 (DaftariAnomalyScan, 1);
  g_autoptr(GHashTable) categories = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) payees = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) scheduled = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) key = g_string_new (NULL);
  Scanner s = { scan, categories, payees, scheduled, key };
  sqlite3_stmt *stmt;

  scan->rows = g_array_new (FALSE, FALSE, sizeof (DaftariAnomalyRow));
  scan->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  scan->category_names = g_ptr_array_new_with_free_func (g_free);
  scan->category_outgoing = g_byte_array_new ();
  scan->payee_names = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (scan->payee_names, g_strdup (""));
  scan->first_ts = G_MAXINT64;

  /* Fees go to the charges account as their own legs: they are not payments. */
  if ((stmt = daftari_book_prepare (book,
         "SELECT id, name, kind = 'expense' FROM account WHERE kind IN ('income', 'expense') AND role IS NOT 'charges'",
         error)) == NULL ||
      !step_all (book, stmt, add_category, &s, error) ||
      (stmt = daftari_book_prepare (book, "SELECT txn_id FROM schedule_post", error)) == NULL ||
      !step_all (book, stmt, add_scheduled, &s, error))
    return NULL;
  /* A category's splits are in the book currency, so amount is the value,
   * and (account_id, ts, amount) is an index: no split row is read. CROSS
   * JOIN keeps the categories outside, so the wallets' legs (two thirds of
   * the index) are never visited. */
  stmt = daftari_book_prepare (book,
      "SELECT s.txn_id, s.ts, s.account_id, s.amount, t.memo, t.payee, t.channel, t.counterparty,"
      " a.kind = 'expense'"
      " FROM account a CROSS JOIN split s ON s.account_id = a.id CROSS JOIN txn t ON t.id = s.txn_id"
      " WHERE a.kind IN ('income', 'expense') AND a.role IS NOT 'charges' AND NOT t.voided", error);
  if (stmt == NULL || !step_all (book, stmt, add_row, &s, error))
    return NULL;
  return g_steal_pointer (&scan);
}
