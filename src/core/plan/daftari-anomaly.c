/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Anomaly flags: the detectors run over one scan, and the flags the user
 * dismissed are left out. */
#include "daftari-anomaly-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "daftari-book-private.h"
#include "daftari-db.h"
#include "daftari-error.h"
#include "daftari-money.h"

G_DEFINE_BOXED_TYPE (DaftariAnomaly, daftari_anomaly, daftari_anomaly_copy, daftari_anomaly_free)

static const char *const kind_names[] = {
  [DAFTARI_ANOMALY_AMOUNT] = "amount",
  [DAFTARI_ANOMALY_DUPLICATE] = "duplicate",
  [DAFTARI_ANOMALY_NEW_PAYEE] = "new-payee",
  [DAFTARI_ANOMALY_MONTH] = "month",
};

const char *
daftari_anomaly_kind_to_string (DaftariAnomalyKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), "");
  return kind_names[kind];
}

void
daftari_anomaly_options_init (DaftariAnomalyOptions *options)
{
  *options = (DaftariAnomalyOptions) {
    .from_ts = G_MININT64, .to_ts = G_MAXINT64, .today = 0, .months = 3, .include_dismissed = FALSE,
  };
}

DaftariAnomaly *
daftari_anomaly_copy (const DaftariAnomaly *anomaly)
{
  DaftariAnomaly *copy = g_memdup2 (anomaly, sizeof *anomaly);

  copy->key = g_strdup (anomaly->key);
  copy->payee = g_strdup (anomaly->payee);
  copy->message = g_strdup (anomaly->message);
  return copy;
}

void
daftari_anomaly_free (DaftariAnomaly *anomaly)
{
  if (anomaly == NULL)
    return;
  g_free (anomaly->key);
  g_free (anomaly->payee);
  g_free (anomaly->message);
  g_free (anomaly);
}

char *
daftari_anomaly_money (DaftariBook *book, gint64 minor)
{
  return daftari_money_format (minor, daftari_book_get_currency (book), DAFTARI_MONEY_FORMAT_DEFAULT);
}

DaftariAnomaly *
daftari_anomaly_for_row (DaftariBook *book, const DaftariAnomalyScan *scan, const DaftariAnomalyRow *row,
                         DaftariAnomalyKind kind, gint64 usual)
{
  DaftariAnomaly *flag = g_new0 (DaftariAnomaly, 1);

  flag->kind = kind;
  flag->key = g_strdup_printf ("%s:%lld", kind_names[kind], (long long) row->txn_id);
  flag->txn_id = row->txn_id;
  flag->ts = row->ts;
  flag->category_id = g_array_index (scan->category_ids, gint64, row->category);
  flag->month = daftari_calendar_month_of (daftari_book_get_calendar (book), row->ts);
  flag->amount = row->amount;
  flag->usual = usual;
  flag->payee = g_strdup (g_ptr_array_index (scan->payee_names, row->payee));
  return flag;
}

static GHashTable *
dismissed_keys (DaftariBook *book, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book, "SELECT key FROM anomaly_dismissal", error);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (keys, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftari_db_set_error (error, daftari_book_get_db (book), rc);
      return NULL;
    }
  return g_steal_pointer (&keys);
}

static int
oldest_first (gconstpointer a, gconstpointer b)
{
  const DaftariAnomaly *x = *(DaftariAnomaly *const *) a, *y = *(DaftariAnomaly *const *) b;

  if (x->ts != y->ts)
    return x->ts < y->ts ? -1 : 1;
  return g_strcmp0 (x->key, y->key);
}

GPtrArray *
daftari_anomaly_find (DaftariBook *book, const DaftariAnomalyOptions *options, GError **error)
{
  DaftariAnomalyOptions o = *options;
  g_autoptr(DaftariAnomalyScan) scan = NULL;
  g_autoptr(GHashTable) dismissed = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) daftari_anomaly_free);
  GPtrArray *flags;

  if (o.today == 0)
    o.today = daftari_calendar_today (daftari_book_get_calendar (book));
  if ((dismissed = dismissed_keys (book, error)) == NULL || (scan = daftari_anomaly_scan (book, error)) == NULL)
    return NULL;
  daftari_anomaly_check_amounts (book, scan, &o, all);
  daftari_anomaly_check_duplicates (book, scan, &o, all);
  daftari_anomaly_check_new_payees (book, scan, &o, all);
  if (!daftari_anomaly_check_months (book, scan, &o, all, error))
    return NULL;

  g_ptr_array_sort (all, oldest_first);
  flags = g_ptr_array_new_with_free_func ((GDestroyNotify) daftari_anomaly_free);
  for (guint i = 0; i < all->len; i++)
    {
      DaftariAnomaly *flag = g_ptr_array_index (all, i);

      flag->dismissed = g_hash_table_contains (dismissed, flag->key);
      if (!flag->dismissed || o.include_dismissed)
        g_ptr_array_add (flags, g_steal_pointer (&g_ptr_array_index (all, i)));
    }
  return flags;
}

/* "amount:12", "duplicate:12", "new-payee:12" or "month:CATEGORY:YYYYMM". */
static gboolean
check_key (const char *key, GError **error)
{
  g_auto(GStrv) parts = g_strsplit (key != NULL ? key : "", ":", -1);
  guint n = g_strv_length (parts);
  gboolean ok = FALSE;

  for (guint k = 0; n >= 2 && k < G_N_ELEMENTS (kind_names); k++)
    if (g_str_equal (parts[0], kind_names[k]))
      ok = n == (k == DAFTARI_ANOMALY_MONTH ? 3u : 2u);
  for (guint i = 1; ok && i < n; i++)
    ok = *parts[i] != '\0' && strspn (parts[i], "0123456789") == strlen (parts[i]);
  if (!ok)
    g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                 _("“%s” is not an anomaly key; “anomalies” shows each flag’s key"), key != NULL ? key : "");
  return ok;
}

gboolean
daftari_anomaly_dismiss (DaftariBook *book, const char *key, GError **error)
{
  sqlite3_stmt *stmt;

  if (!check_key (key, error) || !daftari_book_begin (book, error))
    return FALSE;
  stmt = daftari_book_prepare (book,
      "INSERT INTO anomaly_dismissal (key, dismissed) VALUES (?, ?)"
      " ON CONFLICT (key) DO NOTHING", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, daftari_calendar_now ());
    }
  if (stmt == NULL || !daftari_db_step_done (stmt, error))
    {
      daftari_book_rollback (book);
      return FALSE;
    }
  return daftari_book_commit (book, error);
}

gboolean
daftari_anomaly_restore (DaftariBook *book, const char *key, GError **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!check_key (key, error) || !daftari_book_begin (book, error))
    return FALSE;
  stmt = daftari_book_prepare (book, "DELETE FROM anomaly_dismissal WHERE key = ?", error);
  if ((ok = stmt != NULL))
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      ok = daftari_db_step_done (stmt, error);
    }
  if (ok && sqlite3_changes (daftari_book_get_db (book)) == 0)
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_NOT_FOUND,
                   _("The flag “%s” was not dismissed"), key);
      ok = FALSE;
    }
  if (!ok)
    {
      daftari_book_rollback (book);
      return FALSE;
    }
  return daftari_book_commit (book, error);
}
