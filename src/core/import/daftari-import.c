/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Parsed M-PESA rows into a wallet: idempotent, one batch, undoable.
 * The rules are written up in docs/import.md. */
#include "daftari-import.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <json-glib/json-glib.h>

#include "daftari-account.h"
#include "daftari-book-private.h"
#include "daftari-categorise.h"
#include "daftari-category-rule.h"
#include "daftari-error.h"
#include "daftari-import-store.h"
#include "daftari-ledger.h"
#include "daftari-money.h"
#include "daftari-ops.h"
#include "daftari-query.h"
#include "daftari-rates.h"

/* SMS times have minutes only, and sources round differently. */
#define MATCH_WINDOW 120
/* Items decided before their transactions are posted together
 * (daftari_ledger_post_many) and their rows remembered together. */
#define CHUNK_ITEMS 512
/* The outcomes' strings are kept in blocks of this size (GStringChunk). */
#define OUTCOME_TEXT_BLOCK 65536
/* Progress is reported about this many times per import. */
#define PROGRESS_REPORTS 100

/* What the engine knows of the key of an item of this import (Import.keys). */
typedef enum {
  KEY_UNKNOWN,   /* not remembered by this import */
  KEY_PENDING,   /* its item waits in the chunk: fate unknown */
  KEY_HELD,
  KEY_KEPT,      /* posted or duplicate */
} KeyState;

typedef struct {
  DaftariImportRow *row;
  guint             index;      /* in the parse, for a stable order */
  KeyState          key_state;  /* of its key and its merged charge rows' keys */
  gint64            fee;        /* the row's own fee plus merged charge rows */
  GPtrArray        *charges;    /* statement CHARGE rows merged into this one, or NULL */
  gboolean          merged;     /* this is a charge row merged into another */
  gboolean          has_balance; /* the row's stated balance is the wallet's (not Daraja's) */
  const char       *category_source;  /* "rule", "learned", "default", or NULL: no category */
  DaftariSuggestion suggestion; /* what categorisation said, taken or not */
  /* Its outcome (DaftariImportOutcome), once settled. */
  DaftariImportFate fate;
  char             *message;     /* why it was held or rejected */
  gint64            category_id;
  int               confidence;
} Item;

/* How an item is to be settled, decided before anything of its chunk is written. */
typedef enum {
  STEP_NO_KEY,   /* rejected: the parser gave it no key */
  STEP_KNOWN,    /* its key is remembered: a duplicate */
  STEP_MATCHED,  /* another source brought it: a duplicate, remembered under this key too */
  STEP_POST,     /* new: its transaction is posted with the chunk's */
} StepKind;

typedef struct {
  Item       *item;
  StepKind    kind;
  gboolean    known_held;  /* STEP_KNOWN: the remembered row is still held */
  gint64      txn_id;      /* STEP_MATCHED: the matched row's transaction; STEP_POST: the one posted */
  DaftariTxn *txn;         /* STEP_POST: the transaction, NULL when building it was refused */
  GError     *refusal;     /* STEP_POST: why building or the ledger refused it */
} Step;

typedef struct {
  DaftariBook         *book;
  DaftariAccount      *wallet;
  DaftariImportResult *result;
  const char          *source;
  gint64               fuliza, charges, other_expenses, other_income, sales, airtime, savings, cash;
  GHashTable          *claimed;  /* import_row ids matched by a row of this import */
  DaftariCategoriser  *categoriser;
  gint64               pending_net; /* held and refused rows' money: why the wallet may differ */
  gboolean             adjust;      /* book a final difference as an adjustment */
  GPtrArray           *rules;       /* the categoriser's rules, to know when it would train */
  gboolean             model_ready; /* the categoriser has trained its model (or is about to) */
  DaftariImportStore  *store;       /* import_row rows waiting to be written */
  /* Key (borrowed from the parse) → its Item: rows of this import. What is
   * known of the key is in the item, so that settling it costs no look-up
   * in a table that grows to a million keys. */
  GHashTable          *keys;
  gboolean             keys_fresh;  /* the wallet had no row of this import's source */
  /* Nothing to look up or remember in keys: the wallet had no row of this
   * source and the parser's keys are distinct (DaftariImportParse). */
  gboolean             keys_unseen;
  gboolean             no_others;   /* … nor of another source: nothing to match across sources */
  gboolean             mixed;       /* the rows' keys name several sources: no shortcut holds */
  GArray              *chunk;       /* of Step: decided, not yet settled */
  /* The chunk's transactions to post, and their steps. Kept from chunk to
   * chunk: arrays grown afresh each time were large reallocations, each of
   * which made malloc sweep a heap fragmented by a million parsed rows. */
  GPtrArray           *to_post;
  GPtrArray           *posting;     /* of Step* */
  GPtrArray           *waiting;     /* items refused for overdraft, to try again (of Item*) */
  /* Transactions of settled chunks, filled again for the next (of
   * DaftariTxn*), and the memo being written: a million transactions made
   * and freed, each with its texts and splits, left malloc sweeping the
   * pieces on every large allocation. */
  GPtrArray           *spare;
  GString             *memo;
  gboolean             last_try;    /* an overdraft now is a rejection */
  gboolean             retrying;    /* the passes over waiting items: progress is already counted */
  GCancellable        *cancellable;
  const DaftariImportOptions *options;
  guint                done, total, next_report;  /* progress, in items */
} Import;

static gboolean settle_chunk (Import *im, GError **error);

void
daftari_import_result_free (DaftariImportResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->warnings, g_ptr_array_unref);
  g_clear_pointer (&result->outcomes, g_array_unref);
  g_clear_pointer (&result->texts, g_string_chunk_free);
  g_free (result);
}

static void
warn (Import *im, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
warn (Import *im, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (im->result->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

static gboolean
sql_failed (DaftariBook *book, GError **error)
{
  g_set_error (error, DAFTARI_BOOK_ERROR, DAFTARI_BOOK_ERROR_FAILED, "%s",
               sqlite3_errmsg (daftari_book_get_db (book)));
  return FALSE;
}

/* A category by its seeded name and kind, else the first of that kind. */
static gint64
find_category (DaftariBook *book, const char *name, DaftariAccountKind kind, gint64 fallback)
{
  g_autoptr(DaftariAccount) account = daftari_account_find (book, name, NULL);
  g_autoptr(GPtrArray) all = NULL;

  if (account != NULL && account->kind == kind && !account->archived)
    return account->id;
  if (fallback != 0)
    return fallback;
  all = daftari_account_list (book, FALSE, NULL);
  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      DaftariAccount *a = g_ptr_array_index (all, i);
      if (a->kind == kind)
        return a->id;
    }
  return 0;
}

static gint64
find_role (DaftariBook *book, const char *role, GError **error)
{
  g_autoptr(DaftariAccount) account = daftari_account_find_role (book, role, error);
  return account != NULL ? account->id : 0;
}

static gboolean
load_accounts (Import *im, GError **error)
{
  g_autoptr(DaftariAccount) cash = NULL;

  if ((im->fuliza = find_role (im->book, DAFTARI_ROLE_FULIZA, error)) == 0 ||
      (im->charges = find_role (im->book, DAFTARI_ROLE_CHARGES, error)) == 0 ||
      (im->other_expenses = find_role (im->book, DAFTARI_ROLE_OTHER_EXPENSES, error)) == 0)
    return FALSE;
  im->other_income = find_category (im->book, _("Other income"), DAFTARI_ACCOUNT_INCOME, 0);
  im->sales = find_category (im->book, _("Sales"), DAFTARI_ACCOUNT_INCOME, im->other_income);
  im->airtime = find_category (im->book, _("Airtime & data"), DAFTARI_ACCOUNT_EXPENSE, im->other_expenses);
  im->savings = find_category (im->book, _("Savings"), DAFTARI_ACCOUNT_EXPENSE, im->other_expenses);
  cash = daftari_account_find (im->book, _("Cash"), NULL);
  if (cash != NULL && cash->kind == DAFTARI_ACCOUNT_CASH && !cash->archived && cash->id != im->wallet->id &&
      cash->commodity == im->wallet->commodity)
    im->cash = cash->id;
  if (im->other_income == 0)
    {
      g_set_error_literal (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_NOT_FOUND,
                           _("The book has no income category to import money received into"));
      return FALSE;
    }
  /* The categoriser seeds the default rules; list them after it. */
  im->categoriser = daftari_categoriser_new (im->book, error);
  return im->categoriser != NULL && (im->rules = daftari_category_rule_list (im->book, error)) != NULL;
}

/* ---- Ordering and merging ---------------------------------------------- */

/* Rows are posted oldest first; within one second, Fuliza credits first:
 * they fund the payment of the same receipt and second. Otherwise the
 * file's order stands. i and j index parse->rows. */
static int
compare_rows (GPtrArray *rows, guint i, guint j)
{
  const DaftariImportRow *x = g_ptr_array_index (rows, i), *y = g_ptr_array_index (rows, j);
  int fx = x->kind == DAFTARI_MPESA_FULIZA_CREDIT ? 0 : 1;
  int fy = y->kind == DAFTARI_MPESA_FULIZA_CREDIT ? 0 : 1;

  if (x->ts != y->ts)
    return x->ts < y->ts ? -1 : 1;
  if (fx != fy)
    return fx - fy;
  return i < j ? -1 : i > j;
}

static int
compare_row_indexes (gconstpointer a, gconstpointer b, gpointer rows)
{
  return compare_rows (rows, *(const guint *) a, *(const guint *) b);
}

/* The rows' indexes in posting order. Indexes are sorted, not items: an
 * item is large, and sorting a million of them was mostly copying. A file
 * already oldest first (a business CSV) needs no sort at all. */
static guint *
posting_order (GPtrArray *rows)
{
  guint *order = g_new (guint, MAX (rows->len, 1));
  gboolean sorted = TRUE;

  for (guint i = 0; i < rows->len; i++)
    {
      order[i] = i;
      sorted = sorted && (i == 0 || compare_rows (rows, i - 1, i) < 0);
    }
  if (!sorted)
    g_qsort_with_data (order, rows->len, sizeof (guint), compare_row_indexes, rows);
  return order;
}

static gboolean
is_payment_for_charge (const DaftariImportRow *row, const DaftariImportRow *charge)
{
  return row->kind != DAFTARI_MPESA_CHARGE && row->kind != DAFTARI_MPESA_FULIZA_CREDIT &&
         row->amount < 0 && row->ts == charge->ts && g_strcmp0 (row->receipt, charge->receipt) == 0;
}

/* Statement charge rows join the payment of the same receipt and second. */
static void
merge_charges (GArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      Item *charge = &g_array_index (items, Item, i);
      if (charge->row->kind != DAFTARI_MPESA_CHARGE || charge->row->amount >= 0)
        continue;
      for (guint j = 0; j < items->len; j++)
        {
          Item *payment = &g_array_index (items, Item, j);
          gint64 fee;
          if (j == i || payment->merged || !is_payment_for_charge (payment->row, charge->row) ||
              __builtin_sub_overflow (payment->fee, charge->row->amount, &fee))
            continue;
          payment->fee = fee;
          if (payment->charges == NULL)
            payment->charges = g_ptr_array_new ();
          g_ptr_array_add (payment->charges, charge->row);
          charge->merged = TRUE;
          break;
        }
    }
}

/* The wallet's balance before the first second of items[first..]: among the
 * rows of that second, the one whose balance before it (balance − net) is
 * also the balance before the whole second (the last balance − the second's
 * total). FALSE when no row of the second states a balance. */
static gboolean
balance_around (GArray *items, guint first, gboolean before, gint64 *out)
{
  gint64 ts = g_array_index (items, Item, first).row->ts, total = 0;
  guint end = first;
  gboolean any = FALSE;

  while (end < items->len && g_array_index (items, Item, end).row->ts == ts)
    {
      const DaftariImportRow *r = g_array_index (items, Item, end).row;
      total += r->amount - r->fee;
      end++;
    }
  for (guint i = first; i < end; i++)
    {
      const DaftariImportRow *last = g_array_index (items, Item, i).row;
      if (!g_array_index (items, Item, i).has_balance)
        continue;
      for (guint j = first; j < end; j++)
        {
          const DaftariImportRow *r = g_array_index (items, Item, j).row;
          if (g_array_index (items, Item, j).has_balance && r->balance - (r->amount - r->fee) == last->balance - total)
            {
              *out = before ? last->balance - total : last->balance;
              return TRUE;
            }
        }
    }
  for (guint i = first; i < end; i++)
    {
      const DaftariImportRow *r = g_array_index (items, Item, i).row;
      if (g_array_index (items, Item, i).has_balance && !any)
        {
          *out = before ? r->balance - (r->amount - r->fee) : r->balance;
          any = TRUE;
        }
    }
  return any;
}

/* ---- The import_row table ---------------------------------------------- */

/* Out: whether the key is remembered, and whether that row is still held.
 * Rows of this import are known from im->keys (those of the chunk only
 * once it is settled); the table is only asked when it may hold the key. */
static gboolean
find_key (Import *im, const char *key, gboolean *out_found, gboolean *out_held, GError **error)
{
  const Item *known;
  sqlite3_stmt *stmt;

  *out_found = *out_held = FALSE;
  if (im->keys_unseen)
    return TRUE;
  known = g_hash_table_lookup (im->keys, key);
  if (known != NULL && known->key_state == KEY_PENDING)
    {
      if (!settle_chunk (im, error))
        return FALSE;
      known = g_hash_table_lookup (im->keys, key);
    }
  *out_found = known != NULL;
  *out_held = known != NULL && known->key_state == KEY_HELD;
  if (known != NULL || im->keys_fresh)
    return TRUE;
  stmt = daftari_book_prepare (im->book, "SELECT state = 'held' FROM import_row WHERE wallet_id = ? AND key = ?",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, im->wallet->id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  *out_found = sqlite3_step (stmt) == SQLITE_ROW;
  *out_held = *out_found && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
same_source (const char *key, const char *other)
{
  const char *colon = strchr (key, ':');
  gsize n = colon != NULL ? (gsize) (colon - key) : strlen (key);

  return strncmp (key, other, n) == 0 && (other[n] == ':' || other[n] == '\0');
}

/* The sources whose keys start with "<source>:<receipt>": the M-PESA ones
 * (statements by CSV and PDF, SMS, Daraja). import_row has no index by
 * receipt (schema step 8): a receipt's rows are found by these key ranges
 * through the key's own index. A new M-PESA source joins this list. */
static const char *const receipt_sources[] = { "csv", "pdf", "sms", "daraja" };

/* One SELECT per source over its key range, joined by UNION ALL; ?1 is the
 * wallet, ?2 the receipt, and the ranges are bound from ?first on. Built once:
 * the book caches prepared statements by the address of their text. */
static const char *
receipt_rows_sql (gsize *cell, const char *columns, const char *filter, const char *order, int first)
{
  if (g_once_init_enter (cell))
    {
      GString *sql = g_string_new (NULL);
      for (guint i = 0; i < G_N_ELEMENTS (receipt_sources); i++)
        g_string_append_printf (sql, "%sSELECT %s FROM import_row r WHERE r.wallet_id = ?1 AND r.key >= ?%d "
                                "AND r.key < ?%d AND r.receipt = ?2%s", i > 0 ? " UNION ALL " : "", columns,
                                first + 2 * (int) i, first + 2 * (int) i + 1, filter);
      g_string_append (sql, order);
      g_once_init_leave (cell, (gsize) g_string_free (sql, FALSE));
    }
  return (const char *) *cell;
}

/* Binds the key ranges of receipt_rows_sql: "csv:R" up to "csv:R;" holds
 * "csv:R" and every "csv:R:…", and no key of a longer receipt. */
static void
bind_receipt_ranges (sqlite3_stmt *stmt, int first, const char *receipt)
{
  for (guint i = 0; i < G_N_ELEMENTS (receipt_sources); i++)
    {
      char *low = g_strdup_printf ("%s:%s", receipt_sources[i], receipt);
      sqlite3_bind_text (stmt, first + 2 * (int) i, low, -1, g_free);
      sqlite3_bind_text (stmt, first + 2 * (int) i + 1, g_strconcat (low, ";", NULL), -1, g_free);
    }
}

/* A row another source brought: same receipt and amount, within the window.
 * Out: the matched row's transaction (0 when it was held). When every key
 * names one source, rows of this import never match each other (same
 * source), so only rows from before it can, and a wallet with none of
 * another source needs no look. */
static gboolean
find_match (Import *im, const DaftariImportRow *row, gboolean *out_found, gint64 *out_txn, GError **error)
{
  static gsize sql;
  sqlite3_stmt *stmt;

  *out_found = FALSE;
  if (im->no_others || row->receipt == NULL || *row->receipt == '\0')
    return TRUE;
  if (im->mixed && !settle_chunk (im, error))
    return FALSE;
  stmt = daftari_book_prepare (im->book,
      receipt_rows_sql (&sql, "r.id, r.key, r.txn_id, abs (r.ts - ?6) AS away",
                        " AND r.amount = ?3 AND r.ts BETWEEN ?4 AND ?5 AND r.state != 'duplicate'",
                        " ORDER BY away, 1", 7), error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, im->wallet->id);
  sqlite3_bind_text (stmt, 2, row->receipt, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, row->amount);
  sqlite3_bind_int64 (stmt, 4, row->ts - MATCH_WINDOW);
  sqlite3_bind_int64 (stmt, 5, row->ts + MATCH_WINDOW);
  sqlite3_bind_int64 (stmt, 6, row->ts);
  bind_receipt_ranges (stmt, 7, row->receipt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *key = (const char *) sqlite3_column_text (stmt, 1);
      if (same_source (row->key, key) || g_hash_table_contains (im->claimed, GINT_TO_POINTER (id)))
        continue;
      g_hash_table_add (im->claimed, GINT_TO_POINTER (id));
      *out_txn = sqlite3_column_int64 (stmt, 2);
      *out_found = TRUE;
      break;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* ---- A row remembered as JSON --------------------------------------------
 * import_row.details keeps the parsed row whole, so a held row can be
 * posted later as its import would have, and what categorisation said
 * (docs/import.md). Written by hand: it is on every row of a million-row
 * import. */

/* Members with nothing to say are left out (readers take "" and 0): the
 * table holds a million of these after a big import, and its size is what
 * writing them costs. */
static void
json_text_if (GString *out, const char *name, const char *value)
{
  if (value != NULL && *value != '\0')
    daftari_import_json_text (out, name, value);
}

/* Whether the transaction's memo is the row's receipt, a space and its
 * text unchanged, so that the text can be read back from the memo (as the
 * export does) and need not be written twice. */
static gboolean
memo_holds_text (const char *memo, const DaftariImportRow *row)
{
  const char *receipt = row->receipt != NULL ? row->receipt : "";
  const char *text = row->details != NULL ? row->details : "";
  gsize n = strlen (receipt);

  return memo != NULL && strncmp (memo, receipt, n) == 0 && memo[n] == ' ' && strcmp (memo + n + 1, text) == 0;
}

/* What categorisation said, when a model said it: a rule's choice is the
 * rule's, and a default is no choice, so only learned suggestions (taken
 * or not) are worth a record. */
static gboolean
learned_suggestion (const Item *item)
{
  return item != NULL && item->category_source != NULL && item->suggestion.source == DAFTARI_SUGGESTION_LEARNED;
}

/* Appends the row's JSON object to out. whole: every parsed member, for a
 * row the ledger does not hold (held, refused), which must be posted or
 * explained later from this alone. A posted row's counterparty, phone,
 * reference and fee live in its transaction, and its text in the
 * transaction's memo, so it keeps only what nothing else holds: the
 * payment it was merged into (a charge row), a text the memo changed, and
 * a learned suggestion. Mostly that is nothing, and nothing is written:
 * a million-row import writes a million of these. */
static void
row_json (GString *out, const DaftariImportRow *row, const Item *item, const char *merged_into, const char *memo,
          gboolean whole)
{
  gint64 fee = item != NULL ? item->fee : row->fee;
  gboolean keep_text = whole || merged_into != NULL || !memo_holds_text (memo, row);

  if (!keep_text && !learned_suggestion (item))
    return;
  g_string_append_c (out, '{');
  if (keep_text)
    daftari_import_json_text (out, "text", row->details);
  if (whole)
    {
      daftari_import_json_text (out, "kind", daftari_mpesa_kind_to_string (row->kind));
      if (fee != 0)
        daftari_import_json_int (out, "fee", fee);
      json_text_if (out, "counterparty", row->counterparty);
      json_text_if (out, "phone", row->phone);
      json_text_if (out, "shortcode", row->shortcode);
      json_text_if (out, "reference", row->reference);
      json_text_if (out, "reversed_receipt", row->reversed_receipt);
      daftari_import_json_int (out, "line", row->line);
      if (row->has_balance)
        daftari_import_json_int (out, "balance", row->balance);
    }
  if (merged_into != NULL)
    daftari_import_json_text (out, "merged_into", merged_into);
  if (whole ? item != NULL && item->category_source != NULL : learned_suggestion (item))
    {
      daftari_import_json_text (out, "category_source", item->category_source);
      if (item->suggestion.category_id != 0)
        {
          g_string_append (out, ",\"suggestion\":{");
          daftari_import_json_int (out, "category_id", item->suggestion.category_id);
          daftari_import_json_int (out, "confidence", item->suggestion.confidence);
          daftari_import_json_text (out, "source", daftari_suggestion_source_to_string (item->suggestion.source));
          daftari_import_json_text (out, "why", item->suggestion.why);
          g_string_append_c (out, '}');
        }
    }
  g_string_append_c (out, '}');
}

/* Queues the row to be remembered; the chunk's rows are written together.
 * memo: the posted transaction's, or NULL. */
static void
store_row (Import *im, gint64 batch_id, const DaftariImportRow *row, const char *state, gint64 txn_id,
           const Item *item, const char *merged_into, const char *memo)
{
  row_json (daftari_import_store_add (im->store, batch_id, row, state, txn_id), row, item, merged_into, memo,
            !g_str_equal (state, "posted"));
}

/* The row and the charge rows merged into it share one fate. The item's
 * key is in im->keys since it was queued; its charge rows' keys join it. */
static void
store_item (Import *im, Item *item, const char *state, gint64 txn_id, const char *memo)
{
  item->key_state = g_str_equal (state, "held") ? KEY_HELD : KEY_KEPT;
  store_row (im, im->result->batch_id, item->row, state, txn_id, item, NULL, memo);
  for (guint i = 0; item->charges != NULL && i < item->charges->len; i++)
    {
      DaftariImportRow *charge = g_ptr_array_index (item->charges, i);
      store_row (im, im->result->batch_id, charge, state, txn_id, NULL, item->row->key, NULL);
      if (charge->key != NULL && *charge->key != '\0' && !im->keys_unseen)
        g_hash_table_insert (im->keys, charge->key, item);
    }
}

static guint
item_rows (const Item *item)
{
  return 1 + (item->charges != NULL ? item->charges->len : 0);
}

/* ---- Building transactions --------------------------------------------- */

/* The memo: the receipt, then the source's text on one line, trimmed. */
static const char *
describe (GString *out, const DaftariImportRow *row)
{
  gsize start, end;

  g_string_assign (out, row->receipt != NULL ? row->receipt : "");
  g_string_append_c (out, ' ');
  start = out->len;
  g_string_append (out, row->details != NULL ? row->details : "");
  for (gsize i = start; i < out->len; i++)
    if (out->str[i] == '\r' || out->str[i] == '\n' || out->str[i] == '\t')
      out->str[i] = ' ';
  for (end = out->len; end > start && g_ascii_isspace (out->str[end - 1]); end--)
    ;
  g_string_truncate (out, end);
  for (end = start; end < out->len && g_ascii_isspace (out->str[end]); end++)
    ;
  return g_string_erase (out, start, end - start)->str;
}

/* The bytes a text of a transaction has room for (texts are malloc'd: GLib
 * allocates with the system's malloc). */
static gsize
room_of (const char *text)
{
#ifdef __GLIBC__
  return malloc_usable_size ((void *) text);
#else
  return strlen (text) + 1;
#endif
}

/* daftari_txn_set_text, over the old text when it has the room. */
static void
put_text (char **field, const char *text)
{
  gsize n = strlen (text);

  if (*field != NULL && room_of (*field) > n)
    memcpy (*field, text, n + 1);
  else
    daftari_txn_set_text (field, text);
}

/* A transaction to fill: a spare one emptied (every field of DaftariTxn, as
 * daftari_txn_new makes it), else a new one. */
static DaftariTxn *
take_txn (Import *im, DaftariTxnKind kind, gint64 ts)
{
  DaftariTxn *txn;

  if (im->spare == NULL || im->spare->len == 0)
    return daftari_txn_new (kind, ts);
  txn = g_ptr_array_steal_index_fast (im->spare, im->spare->len - 1);
  txn->id = 0;
  txn->ts = ts;
  txn->kind = kind;
  txn->voided = FALSE;
  txn->memo[0] = txn->payee[0] = txn->channel[0] = txn->counterparty[0] = txn->reference[0] = '\0';
  g_array_set_size (txn->splits, 0);
  return txn;
}

/* A transaction done with, kept for the next chunk (one chunk's worth). */
static void
give_txn (Import *im, DaftariTxn *txn)
{
  if (txn == NULL)
    return;
  if (im->spare != NULL && im->spare->len < CHUNK_ITEMS)
    g_ptr_array_add (im->spare, txn);
  else
    daftari_txn_free (txn);
}

static gboolean
value_of (Import *im, gint64 amount, gint64 ts, gint64 *out_value, GError **error)
{
  return daftari_rates_value (im->book, im->wallet->commodity, amount, ts, out_value, error);
}

static gint64
expense_category (Import *im, DaftariMpesaKind kind)
{
  switch (kind)
    {
    case DAFTARI_MPESA_AIRTIME: return im->airtime;
    case DAFTARI_MPESA_CHARGE: return im->charges;
    case DAFTARI_MPESA_MSHWARI_DEPOSIT: return im->savings;
    default: return im->other_expenses;
    }
}

static void
set_channel (DaftariTxn *txn, const DaftariImportRow *row)
{
  const char *channel = row->kind == DAFTARI_MPESA_PAYBILL ? "paybill"
                        : row->kind == DAFTARI_MPESA_TILL ? "till" : "pochi";

  txn->kind = DAFTARI_TXN_PAYMENT;
  put_text (&txn->channel, channel);
  put_text (&txn->counterparty, row->kind == DAFTARI_MPESA_POCHI ? row->phone : row->shortcode);
  put_text (&txn->reference, row->kind == DAFTARI_MPESA_PAYBILL ? row->reference : "");
}

/* The other side of an ordinary row: a category, Fuliza, or the Cash wallet. */
static DaftariTxn *
build_plain (Import *im, const DaftariImportRow *row, GError **error)
{
  DaftariTxn *txn;
  gint64 value, other = 0;

  if (row->amount == 0)
    {
      g_set_error_literal (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                           _("The row has no amount"));
      return NULL;
    }
  if (!value_of (im, row->amount, row->ts, &value, error))
    return NULL;
  txn = take_txn (im, DAFTARI_TXN_GENERAL, row->ts);
  switch (row->kind)
    {
    case DAFTARI_MPESA_FULIZA_CREDIT:
    case DAFTARI_MPESA_FULIZA_REPAYMENT:
      other = im->fuliza;
      break;
    case DAFTARI_MPESA_WITHDRAW:
      other = row->amount < 0 && im->cash != 0 ? im->cash : im->other_expenses;
      if (other == im->cash)
        {
          txn->kind = DAFTARI_TXN_TRANSFER;
          put_text (&txn->channel, "transfer");
        }
      else
        txn->kind = DAFTARI_TXN_EXPENSE;
      break;
    case DAFTARI_MPESA_PAYBILL:
    case DAFTARI_MPESA_TILL:
    case DAFTARI_MPESA_POCHI:
      if (row->amount < 0)
        set_channel (txn, row);
      /* fall through */
    default:
      if (row->amount > 0)
        {
          txn->kind = DAFTARI_TXN_INCOME;
          other = row->kind == DAFTARI_MPESA_BUSINESS_RECEIVED ? im->sales : im->other_income;
          /* Who paid, and the account they typed: what matching the payment
           * to an invoice reads (docs/reconcile.md). */
          put_text (&txn->counterparty, row->phone);
          put_text (&txn->reference, row->reference);
        }
      else
        {
          if (txn->kind == DAFTARI_TXN_GENERAL)
            txn->kind = DAFTARI_TXN_EXPENSE;
          other = expense_category (im, row->kind);
        }
      break;
    }
  daftari_txn_add_split (txn, im->wallet->id, row->amount, value, DAFTARI_SPLIT_NORMAL);
  /* The other side: a wallet (Cash) in the same commodity takes the amount. */
  daftari_txn_add_split (txn, other, other == im->cash ? -row->amount : -value, -value, DAFTARI_SPLIT_NORMAL);
  return txn;
}

/* The original of a reversal among the rows imported into the wallet. */
static gint64
find_original (Import *im, const DaftariImportRow *row)
{
  static gsize sql;
  sqlite3_stmt *stmt = daftari_book_prepare (im->book,
      receipt_rows_sql (&sql, "r.txn_id, r.amount < 0 AS paid, r.id",
                        " AND (r.state = 'posted' OR r.state = 'duplicate')"
                        " AND EXISTS (SELECT 1 FROM txn t WHERE t.id = r.txn_id AND t.voided = 0)",
                        " ORDER BY paid DESC, 3 LIMIT 1", 3), NULL);
  gint64 id = 0;

  if (stmt == NULL || row->reversed_receipt == NULL || *row->reversed_receipt == '\0')
    return 0;
  sqlite3_bind_int64 (stmt, 1, im->wallet->id);
  sqlite3_bind_text (stmt, 2, row->reversed_receipt, -1, SQLITE_TRANSIENT);
  bind_receipt_ranges (stmt, 3, row->reversed_receipt);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* The original's splits, negated: its money (and charge) comes back. When
 * the reversal states another amount, that amount comes back from the
 * original's main category or wallet instead. */
static DaftariTxn *
build_reversal (Import *im, const DaftariImportRow *row, gint64 original_id, GError **error)
{
  g_autoptr(DaftariTxn) original = daftari_ledger_get (im->book, original_id, error);
  g_autoptr(DaftariTxn) txn = daftari_txn_new (DAFTARI_TXN_GENERAL, row->ts);
  gint64 wallet_amount = 0, value;

  if (original == NULL)
    return NULL;
  for (guint i = 0; i < original->splits->len; i++)
    if (daftari_txn_get_split (original, i)->account_id == im->wallet->id)
      wallet_amount += daftari_txn_get_split (original, i)->amount;
  if (row->amount == 0 || row->amount == -wallet_amount)
    {
      for (guint i = 0; i < original->splits->len; i++)
        {
          const DaftariSplit *s = daftari_txn_get_split (original, i);
          daftari_txn_add_split (txn, s->account_id, -s->amount, -s->value, s->role);
        }
      return g_steal_pointer (&txn);
    }
  if (!value_of (im, row->amount, row->ts, &value, error))
    return NULL;
  for (guint i = 0; i < original->splits->len; i++)
    {
      const DaftariSplit *s = daftari_txn_get_split (original, i);
      if (s->account_id == im->wallet->id || s->role == DAFTARI_SPLIT_FEE)
        continue;
      daftari_txn_add_split (txn, im->wallet->id, row->amount, value, DAFTARI_SPLIT_NORMAL);
      daftari_txn_add_split (txn, s->account_id, s->value != 0 ? -row->amount * s->amount / s->value : 0,
                             -value, DAFTARI_SPLIT_NORMAL);
      return g_steal_pointer (&txn);
    }
  g_set_error_literal (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                       _("The reversed transaction has nothing to reverse"));
  return NULL;
}

/* The fee leg, taken from the wallet split (the first). */
static gboolean
add_fee (Import *im, DaftariTxn *txn, gint64 fee, GError **error)
{
  DaftariSplit *wallet = daftari_txn_get_split (txn, 0);
  gint64 value;

  if (fee <= 0)
    return TRUE;
  if (!value_of (im, fee, txn->ts, &value, error) ||
      __builtin_sub_overflow (wallet->amount, fee, &wallet->amount) ||
      __builtin_sub_overflow (wallet->value, value, &wallet->value))
    return FALSE;
  daftari_txn_add_split (txn, im->charges, value, value, DAFTARI_SPLIT_FEE);
  return TRUE;
}

/* Whether the other side is a category the user may want another one for:
 * not Fuliza, charges, a reversal's original or the Cash wallet. */
static gboolean
categorisable (Import *im, const DaftariImportRow *row, gint64 other)
{
  switch (row->kind)
    {
    case DAFTARI_MPESA_FULIZA_CREDIT:
    case DAFTARI_MPESA_FULIZA_REPAYMENT:
    case DAFTARI_MPESA_CHARGE:
    case DAFTARI_MPESA_REVERSAL:
      return FALSE;
    default:
      return other != im->cash && other != im->fuliza && other != im->charges;
    }
}

/* A rule's category, else a confident learned one, else the default the
 * row kind gave (docs/categorise.md). The suggestion is kept either way. */
static gboolean
choose_category (Import *im, Item *item, DaftariTxn *txn, GError **error)
{
  DaftariSplit *other = daftari_txn_get_split (txn, 1);
  const DaftariSuggestion *s = &item->suggestion;
  DaftariCategoriseFeatures features;

  daftari_suggestion_clear (&item->suggestion);
  item->category_source = NULL;
  if (!categorisable (im, item->row, other->account_id))
    return TRUE;
  daftari_categorise_features_from_txn (&features, txn, item->row->amount > 0);
  if (*features.phone == '\0' && item->row->phone != NULL)
    features.phone = item->row->phone;
  /* The categoriser trains on the book's history at the first row no rule
   * decides: every row before this one must be in the book by then, as
   * when rows were posted one at a time. */
  if (!im->model_ready && daftari_category_rules_match (im->rules, &features) == NULL)
    {
      if (!settle_chunk (im, error))
        return FALSE;
      im->model_ready = TRUE;
    }
  if (!daftari_categoriser_suggest (im->categoriser, &features, &item->suggestion, error))
    return FALSE;
  item->category_source = "default";
  if (s->source == DAFTARI_SUGGESTION_RULE ||
      (s->source == DAFTARI_SUGGESTION_LEARNED && s->confidence >= DAFTARI_CATEGORISE_THRESHOLD))
    {
      other->account_id = s->category_id;
      item->category_source = daftari_suggestion_source_to_string (s->source);
    }
  return TRUE;
}

static DaftariTxn *
build_txn (Import *im, Item *item, GError **error)
{
  const DaftariImportRow *row = item->row;
  DaftariTxn *txn = NULL;

  if (row->kind == DAFTARI_MPESA_REVERSAL)
    {
      gint64 original = find_original (im, row);
      if (original != 0)
        {
          g_autofree char *text = g_strdup_printf (_("Reversal of %s"), row->reversed_receipt);
          if ((txn = build_reversal (im, row, original, error)) == NULL)
            return NULL;
          daftari_txn_set_text (&txn->memo, text);
          return txn;
        }
      warn (im, _("%s reverses %s, which was never imported: recorded as other income"),
            row->receipt, row->reversed_receipt != NULL ? row->reversed_receipt : "?");
    }
  if ((txn = build_plain (im, row, error)) == NULL)
    return NULL;
  put_text (&txn->memo, describe (im->memo, row));
  put_text (&txn->payee, row->counterparty != NULL ? row->counterparty : "");
  if (!add_fee (im, txn, item->fee, error) ||
      (row->kind != DAFTARI_MPESA_REVERSAL && !choose_category (im, item, txn, error)))
    {
      give_txn (im, txn);
      return NULL;
    }
  return txn;
}

/* ---- The import -------------------------------------------------------- */

static gboolean
wallet_has_history (Import *im, gboolean *out, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (im->book,
      "SELECT 1 FROM split WHERE account_id = ? LIMIT 1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, im->wallet->id);
  *out = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
insert_batch (Import *im, const char *file_name, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (im->book,
      "INSERT INTO import_batch (ts, source, file_name, wallet_id) VALUES (?, ?, ?, ?)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_text (stmt, 2, im->source, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, file_name != NULL ? file_name : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, im->wallet->id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sql_failed (im->book, error);
  im->result->batch_id = sqlite3_last_insert_rowid (daftari_book_get_db (im->book));
  return TRUE;
}

static gboolean
finish_batch (Import *im, gint64 opening_id, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (im->book,
      "UPDATE import_batch SET opening_txn_id = ?, rows = ?, new = ?, duplicate = ?, skipped = ?, "
      "held = ?, rejected = ? WHERE id = ?", error);
  const DaftariImportResult *r = im->result;
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (opening_id != 0)
    sqlite3_bind_int64 (stmt, 1, opening_id);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int64 (stmt, 2, r->n_rows);
  sqlite3_bind_int64 (stmt, 3, r->n_new);
  sqlite3_bind_int64 (stmt, 4, r->n_duplicate);
  sqlite3_bind_int64 (stmt, 5, r->n_skipped);
  sqlite3_bind_int64 (stmt, 6, r->n_held);
  sqlite3_bind_int64 (stmt, 7, r->n_rejected);
  sqlite3_bind_int64 (stmt, 8, r->batch_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || sql_failed (im->book, error);
}

/* A wallet with no history starts where the statement says it stood. */
static gboolean
post_opening (Import *im, GArray *items, gint64 *out_id, GError **error)
{
  g_autoptr(DaftariTxn) txn = NULL;
  gboolean history;
  gint64 opening;
  const DaftariImportRow *first;

  *out_id = 0;
  if (items->len == 0 || !wallet_has_history (im, &history, error))
    return items->len == 0;
  first = g_array_index (items, Item, 0).row;
  if (history || !balance_around (items, 0, TRUE, &opening) || opening == 0)
    return TRUE;
  if (opening < 0)
    {
      warn (im, _("The statement starts below zero; no opening balance was set"));
      return TRUE;
    }
  if ((txn = daftari_ops_build_opening (im->book, im->wallet->id, opening, first->ts - 1, error)) == NULL)
    return FALSE;
  return daftari_ledger_post (im->book, txn, out_id, error);
}

/* ---- Chunks: items decided, then posted and remembered together ------- */

static void
reject (Import *im, Item *item, const char *why)
{
  im->result->n_rejected += item_rows (item);
  im->pending_net += item->row->amount - item->fee;
  item->fate = DAFTARI_IMPORT_REJECTED;
  g_free (item->message);
  item->message = g_strdup (why);
  warn (im, _("Line %u (%s): not imported: %s"), item->row->line, item->row->receipt, why);
}

/* The category a new item went to, and how sure the choice was. */
static void
note_category (Import *im, Item *item, const DaftariTxn *txn)
{
  const char *source = item->category_source;

  if (source != NULL)
    item->category_id = daftari_txn_get_split (txn, 1)->account_id;
  else if (item->row->kind == DAFTARI_MPESA_CHARGE && daftari_txn_get_split (txn, 1)->account_id == im->charges)
    item->category_id = im->charges;
  item->confidence = g_strcmp0 (source, "rule") == 0 ? 100
                     : g_strcmp0 (source, "learned") == 0 ? (int) item->suggestion.confidence : 0;
}

static void
settle_new (Import *im, Step *step)
{
  Item *item = step->item;

  im->result->n_new += item_rows (item);
  im->result->n_by_rule += g_strcmp0 (item->category_source, "rule") == 0;
  im->result->n_learned += g_strcmp0 (item->category_source, "learned") == 0;
  item->fate = DAFTARI_IMPORT_NEW;
  note_category (im, item, step->txn);
  store_item (im, item, "posted", step->txn_id, step->txn->memo);
}

/* A refusal for the limit holds the row for review. A refusal for
 * overdraft may only be for now: a back-dated row is checked against later
 * rows already in the wallet, before the rows of this import that fund
 * them have landed; such rows are tried again at the end. */
static void
settle_refused (Import *im, Step *step)
{
  Item *item = step->item;
  const GError *refusal = step->refusal;

  if (g_error_matches (refusal, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_LIMIT))
    {
      im->result->n_held += item_rows (item);
      im->pending_net += item->row->amount - item->fee;
      item->fate = DAFTARI_IMPORT_HELD;
      g_free (item->message);
      item->message = g_strdup (refusal->message);
      warn (im, _("Line %u (%s): held for review: %s"), item->row->line, item->row->receipt, refusal->message);
      store_item (im, item, "held", 0, NULL);
    }
  else if (!im->last_try && g_error_matches (refusal, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_OVERDRAFT))
    g_ptr_array_add (im->waiting, item);
  else
    reject (im, item, refusal->message);
}

/* Counts, warnings and rows to remember, in the order of the items. */
static void
settle_step (Import *im, Step *step)
{
  Item *item = step->item;
  guint n = item_rows (item);

  switch (step->kind)
    {
    case STEP_NO_KEY:
      reject (im, item, _("the row has no key"));
      break;
    case STEP_KNOWN:
      im->result->n_duplicate += n;
      im->pending_net += step->known_held ? item->row->amount - item->fee : 0;
      item->fate = DAFTARI_IMPORT_DUPLICATE;
      break;
    case STEP_MATCHED:
      im->result->n_duplicate += n;
      im->pending_net += step->txn_id == 0 ? item->row->amount - item->fee : 0;
      item->fate = DAFTARI_IMPORT_DUPLICATE;
      store_item (im, item, "duplicate", step->txn_id, NULL);
      break;
    case STEP_POST:
      if (step->refusal == NULL)
        settle_new (im, step);
      else
        settle_refused (im, step);
      break;
    }
  /* A row not stored (rejected, tried again later) is forgotten. */
  if (item->key_state == KEY_PENDING)
    {
      if (!im->keys_unseen)
        g_hash_table_remove (im->keys, item->row->key);
      item->key_state = KEY_UNKNOWN;
    }
  /* Its row's JSON has it and the outcome its figures; an item tried again
   * is categorised again. Freed now, a million of them do not stay. */
  daftari_suggestion_clear (&item->suggestion);
}

/* Whether a refused row is the user's to review (held, rejected) rather
 * than a failure of the whole import. */
static gboolean
refusal_is_row_level (const GError *error)
{
  return error->domain == DAFTARI_RULE_ERROR || error->domain == DAFTARI_INPUT_ERROR ||
         error->domain == DAFTARI_MONEY_ERROR;
}

/* Posts the chunk's transactions in order, as one post each would: a
 * refused one is set aside with its reason, and the rest go on. */
static gboolean
post_chunk (Import *im, GError **error)
{
  GPtrArray *txns = im->to_post, *steps = im->posting;
  guint start = 0;

  g_ptr_array_set_size (txns, 0);
  g_ptr_array_set_size (steps, 0);
  for (guint i = 0; i < im->chunk->len; i++)
    {
      Step *step = &g_array_index (im->chunk, Step, i);
      if (step->kind == STEP_POST && step->txn != NULL)
        {
          g_ptr_array_add (txns, step->txn);
          g_ptr_array_add (steps, step);
        }
    }
  while (start < txns->len)
    {
      g_autoptr(GError) local = NULL;
      guint posted = 0;
      gboolean ok = daftari_ledger_post_many (im->book, (DaftariTxn *const *) txns->pdata + start,
                                              txns->len - start, &posted, &local);
      for (guint i = start; i < start + posted; i++)
        ((Step *) steps->pdata[i])->txn_id = ((DaftariTxn *) txns->pdata[i])->id;
      start += posted;
      if (ok)
        break;
      if (start == txns->len || !refusal_is_row_level (local))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      ((Step *) steps->pdata[start++])->refusal = g_steal_pointer (&local);
    }
  return TRUE;
}

static void
report_progress (Import *im)
{
  if (im->options->progress == NULL || im->done < im->next_report)
    return;
  im->next_report = im->done + MAX (1, im->total / PROGRESS_REPORTS);
  im->options->progress (im->done, im->total, im->options->progress_data);
}

static void
clear_chunk (Import *im)
{
  for (guint i = 0; i < im->chunk->len; i++)
    {
      Step *step = &g_array_index (im->chunk, Step, i);
      give_txn (im, g_steal_pointer (&step->txn));
      g_clear_error (&step->refusal);
    }
  g_array_set_size (im->chunk, 0);
}

/* Writes what the chunk's items decided: their transactions, then their
 * rows. Between chunks, a cancel stops the import (nothing is written:
 * the caller aborts the batch). */
static gboolean
settle_chunk (Import *im, GError **error)
{
  gboolean ok;

  if (im->chunk == NULL || im->chunk->len == 0)
    return TRUE;
  ok = !g_cancellable_set_error_if_cancelled (im->cancellable, error) && post_chunk (im, error);
  for (guint i = 0; ok && i < im->chunk->len; i++)
    settle_step (im, &g_array_index (im->chunk, Step, i));
  ok = ok && daftari_import_store_flush (im->store, error);
  if (ok && !im->retrying)
    {
      im->done += im->chunk->len;
      report_progress (im);
    }
  clear_chunk (im);
  return ok;
}

/* A new item's transaction; a row-level refusal is kept for its settling. */
static gboolean
build_step (Import *im, Step *step, GError **error)
{
  g_autoptr(GError) local = NULL;

  /* A reversal's original is looked up among the rows remembered so far. */
  if (step->item->row->kind == DAFTARI_MPESA_REVERSAL && !settle_chunk (im, error))
    return FALSE;
  if ((step->txn = build_txn (im, step->item, &local)) != NULL)
    return TRUE;
  if (!refusal_is_row_level (local))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  step->refusal = g_steal_pointer (&local);
  return TRUE;
}

/* Decides what the item becomes and adds it to the chunk, which is settled
 * when full. Whatever a decision reads of earlier items (their keys, a
 * reversal's original, the categoriser's history) is settled first. */
static gboolean
queue_item (Import *im, Item *item, GError **error)
{
  Step step = { .item = item, .kind = STEP_POST };
  const DaftariImportRow *row = item->row;
  gboolean found = FALSE;

  if (row->key == NULL || *row->key == '\0')
    step.kind = STEP_NO_KEY;
  else if (!find_key (im, row->key, &found, &step.known_held, error))
    return FALSE;
  else if (found)
    step.kind = STEP_KNOWN;
  else if (!find_match (im, row, &found, &step.txn_id, error))
    return FALSE;
  else if (found)
    step.kind = STEP_MATCHED;
  else if (!build_step (im, &step, error))
    return FALSE;
  if (step.kind == STEP_MATCHED || step.kind == STEP_POST)
    {
      item->key_state = KEY_PENDING;
      if (!im->keys_unseen)
        g_hash_table_insert (im->keys, row->key, item);
    }
  g_array_append_val (im->chunk, step);
  return im->chunk->len < CHUNK_ITEMS || settle_chunk (im, error);
}

/* The part of a final difference that no held or refused row explains,
 * booked against Opening balances as an entry flagged by its channel
 * "adjustment", remembered as a row of the batch so that undo voids it. A
 * refusal (the limit, an overdraft) is a warning, not a failed import. */
static gboolean
post_adjustment (Import *im, gint64 ts, gint64 amount, const char *stated_text, const char *actual_text,
                 GError **error)
{
  g_autoptr(DaftariTxn) txn = daftari_txn_new (DAFTARI_TXN_GENERAL, ts);
  g_autoptr(DaftariAccount) equity = daftari_account_find_role (im->book, DAFTARI_ROLE_OPENING, error);
  g_autoptr(GError) local = NULL;
  g_autofree char *amount_text = daftari_money_format (amount, im->wallet->commodity, 0);
  g_autofree char *memo = NULL, *key = NULL;
  DaftariImportRow row = { .ts = ts, .amount = amount };
  gint64 value, id;

  if (equity == NULL || !value_of (im, amount, ts, &value, error))
    return FALSE;
  memo = g_strdup_printf (_("Import balance adjustment: the source says %s, the book said %s"),
                          stated_text, actual_text);
  daftari_txn_set_text (&txn->memo, memo);
  daftari_txn_set_text (&txn->channel, "adjustment");
  daftari_txn_add_split (txn, im->wallet->id, amount, value, DAFTARI_SPLIT_NORMAL);
  daftari_txn_add_split (txn, equity->id, -value, -value, DAFTARI_SPLIT_NORMAL);
  if (!daftari_ledger_post (im->book, txn, &id, &local))
    {
      if (!refusal_is_row_level (local))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      warn (im, _("The balance adjustment of %s was not booked: %s"), amount_text, local->message);
      return TRUE;
    }
  key = g_strdup_printf ("adjustment:%lld", (long long) im->result->batch_id);
  row.key = key;
  row.details = memo;
  im->result->adjustment_id = id;
  im->result->adjustment = amount;
  warn (im, _("Booked %s into “%s” as a balance adjustment"), amount_text, im->wallet->name);
  /* Not in im->keys: the row lives on this stack, and nothing is looked up after it. */
  row_json (daftari_import_store_add (im->store, im->result->batch_id, &row, "posted", id), &row, NULL, NULL,
            txn->memo, FALSE);
  return daftari_import_store_flush (im->store, error);
}

/* What the statement says the wallet held after its last row, against the book. */
static gboolean
compare_final (Import *im, GArray *items, GError **error)
{
  guint first;
  gint64 stated, actual, ts, unexplained;
  g_autofree char *stated_text = NULL, *actual_text = NULL;

  if (items->len == 0)
    return TRUE;
  ts = g_array_index (items, Item, items->len - 1).row->ts;
  for (first = items->len - 1; first > 0 && g_array_index (items, Item, first - 1).row->ts == ts; first--)
    ;
  if (!balance_around (items, first, FALSE, &stated))
    return TRUE;
  if (!daftari_query_balance (im->book, im->wallet->id, ts, &actual, error))
    return FALSE;
  if (stated == actual)
    return TRUE;
  stated_text = daftari_money_format (stated, im->wallet->commodity, 0);
  actual_text = daftari_money_format (actual, im->wallet->commodity, 0);
  warn (im, _("The source says “%s” held %s after its last row; the book says %s"),
        im->wallet->name, stated_text, actual_text);
  if (im->pending_net != 0)
    {
      g_autofree char *pending = daftari_money_format (im->pending_net, im->wallet->commodity, 0);
      warn (im, _("Held or refused rows account for %s of the difference"), pending);
    }
  unexplained = stated - actual - im->pending_net;
  if (!im->adjust || unexplained == 0)
    return TRUE;
  return post_adjustment (im, ts, unexplained, stated_text, actual_text, error);
}

static void
count_problems (Import *im, DaftariImportParse *parse)
{
  for (guint i = 0; i < parse->problems->len; i++)
    {
      const DaftariImportProblem *p = g_ptr_array_index (parse->problems, i);
      if (p->rejected)
        im->result->n_rejected++;
      else
        im->result->n_skipped++;
      warn (im, _("Line %u: %s"), p->line, p->message);
    }
}

/* A Daraja C2B confirmation's OrgAccountBalance is the whole shortcode's
 * balance (every channel of the business, often sent empty), not the
 * wallet's: it neither opens the wallet nor is compared with it. */
static gboolean
states_wallet_balance (const DaftariImportRow *row)
{
  return row->has_balance && !g_str_has_prefix (row->key != NULL ? row->key : "", "daraja:");
}

static GArray *
make_items (DaftariImportParse *parse)
{
  GArray *items = g_array_sized_new (FALSE, TRUE, sizeof (Item), parse->rows->len);
  g_autofree guint *order = posting_order (parse->rows);

  for (guint k = 0; k < parse->rows->len; k++)
    {
      guint i = order[k];
      DaftariImportRow *row = g_ptr_array_index (parse->rows, i);
      Item item = { .row = row, .index = i, .fee = row->fee, .has_balance = states_wallet_balance (row) };
      g_array_append_val (items, item);
    }
  merge_charges (items);
  return items;
}

static void
free_items (GArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      g_clear_pointer (&item->charges, g_ptr_array_unref);
      g_clear_pointer (&item->message, g_free);
      daftari_suggestion_clear (&item->suggestion);
    }
  g_array_unref (items);
}

/* The length of the source a key names: 3 for "csv:SK…" (same_source's
 * reading), 0 for a key without one. */
static gsize
source_length (const char *key)
{
  const char *colon = strchr (key, ':');
  return colon != NULL ? (gsize) (colon - key) : 0;
}

/* Which look-ups the wallet's remembered rows can answer, checked once:
 * with no row of this import's source, a key is remembered only if this
 * import remembered it, and not even then when the parser's keys are
 * distinct; with none of another, nothing matches across sources. Keys
 * naming several sources (or none) get no shortcut. */
static gboolean
check_fresh (Import *im, GArray *items, gboolean keys_distinct, GError **error)
{
  sqlite3_stmt *stmt;
  const char *first = NULL;
  gsize n = 0;
  g_autofree char *low = NULL, *high = NULL;

  for (guint i = 0; i < items->len && !im->mixed; i++)
    {
      const char *key = g_array_index (items, Item, i).row->key;
      if (key == NULL || *key == '\0')
        continue;
      if (first == NULL)
        n = source_length (first = key);
      im->mixed = n == 0 || source_length (key) != n || strncmp (key, first, n) != 0;
    }
  if (im->mixed || first == NULL)
    return TRUE;
  /* Keys of the source are those from "csv:" (included) to "csv;" (excluded). */
  low = g_strndup (first, n + 1);
  high = g_strdup (low);
  high[n] = ':' + 1;
  stmt = daftari_book_prepare (im->book,
      "SELECT EXISTS (SELECT 1 FROM import_row WHERE wallet_id = ?1 AND key >= ?2 AND key < ?3), "
      "EXISTS (SELECT 1 FROM import_row WHERE wallet_id = ?1 AND key < ?2) OR "
      "EXISTS (SELECT 1 FROM import_row WHERE wallet_id = ?1 AND key >= ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, im->wallet->id);
  sqlite3_bind_text (stmt, 2, low, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, high, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return sql_failed (im->book, error);
    }
  im->keys_fresh = sqlite3_column_int (stmt, 0) == 0;
  im->keys_unseen = im->keys_fresh && keys_distinct;
  im->no_others = sqlite3_column_int (stmt, 1) == 0;
  sqlite3_reset (stmt);
  return TRUE;
}

/* Every item once, oldest first. */
static gboolean
first_pass (Import *im, GArray *items, GError **error)
{
  for (guint i = 0; i < items->len; i++)
    im->total += !g_array_index (items, Item, i).merged;
  im->next_report = MAX (1, im->total / PROGRESS_REPORTS);
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      if (!item->merged && !queue_item (im, item, error))
        return FALSE;
    }
  return settle_chunk (im, error);
}

/* Items refused for overdraft, again, oldest first, while that lands any;
 * then once more, when a refusal is final. */
static gboolean
retry_passes (Import *im, GError **error)
{
  gboolean progress = TRUE;

  im->retrying = TRUE;
  while (im->waiting->len > 0 && (progress || !im->last_try))
    {
      g_autoptr(GPtrArray) pass = g_steal_pointer (&im->waiting);
      im->waiting = g_ptr_array_new ();
      im->last_try = !progress;
      for (guint i = 0; i < pass->len; i++)
        if (!queue_item (im, g_ptr_array_index (pass, i), error))
          return FALSE;
      if (!settle_chunk (im, error))
        return FALSE;
      progress = im->waiting->len < pass->len;
    }
  return TRUE;
}

static int
compare_file_order (gconstpointer a, gconstpointer b)
{
  const Item *x = *(Item *const *) a, *y = *(Item *const *) b;

  return x->index < y->index ? -1 : x->index > y->index;
}

/* The row's counterparty, else its text on one line, kept in texts. */
static const char *
describe_for_people (GStringChunk *texts, GString *scratch, const DaftariImportRow *row)
{
  if (row->counterparty != NULL && *row->counterparty != '\0')
    return g_string_chunk_insert (texts, row->counterparty);
  g_string_assign (scratch, row->details != NULL ? row->details : "");
  g_strdelimit (scratch->str, "\r\n\t", ' ');
  return g_string_chunk_insert (texts, g_strstrip (scratch->str));
}

/* One outcome per item (merged charge rows are part of their payment), in
 * the file's order. */
static void
collect_outcomes (Import *im, GArray *items)
{
  g_autoptr(GPtrArray) order = g_ptr_array_sized_new (items->len);
  GArray *outcomes = g_array_sized_new (FALSE, TRUE, sizeof (DaftariImportOutcome), im->total);
  /* Their strings in blocks: two million small allocations were a tenth of
   * a large import's memory, all touched for the first time. */
  GStringChunk *texts = g_string_chunk_new (OUTCOME_TEXT_BLOCK);
  gboolean sorted = TRUE;

  for (guint i = 0; i < items->len; i++)
    if (!g_array_index (items, Item, i).merged)
      {
        Item *item = &g_array_index (items, Item, i);
        sorted = sorted && (order->len == 0 || ((Item *) order->pdata[order->len - 1])->index < item->index);
        g_ptr_array_add (order, item);
      }
  /* Posted in the file's order already (oldest first): nothing to sort. */
  if (!sorted)
    g_ptr_array_sort (order, compare_file_order);
  for (guint i = 0; i < order->len; i++)
    {
      const Item *item = g_ptr_array_index (order, i);
      DaftariImportOutcome o = {
        .line = item->row->line, .ts = item->row->ts, .amount = item->row->amount, .fee = item->fee,
        .receipt = g_string_chunk_insert (texts, item->row->receipt != NULL ? item->row->receipt : ""),
        .description = describe_for_people (texts, im->memo, item->row), .fate = item->fate,
        .message = item->message != NULL ? g_string_chunk_insert (texts, item->message) : NULL,
        .category_id = item->category_id, .confidence = item->confidence,
      };
      g_array_append_val (outcomes, o);
    }
  g_clear_pointer (&im->result->outcomes, g_array_unref);
  g_clear_pointer (&im->result->texts, g_string_chunk_free);
  im->result->outcomes = outcomes;
  im->result->texts = texts;
}

static void
free_run_state (Import *im)
{
  if (im->chunk != NULL)
    clear_chunk (im);
  g_clear_pointer (&im->chunk, g_array_unref);
  g_clear_pointer (&im->to_post, g_ptr_array_unref);
  g_clear_pointer (&im->posting, g_ptr_array_unref);
  g_clear_pointer (&im->waiting, g_ptr_array_unref);
  g_clear_pointer (&im->spare, g_ptr_array_unref);
  g_clear_pointer (&im->keys, g_hash_table_unref);
  g_clear_pointer (&im->store, daftari_import_store_free);
}

static gboolean
run (Import *im, DaftariImportParse *parse, const char *file_name, GError **error)
{
  GArray *items = make_items (parse);
  gint64 opening_id = 0;
  gboolean ok;

  im->chunk = g_array_sized_new (FALSE, TRUE, sizeof (Step), CHUNK_ITEMS);
  im->to_post = g_ptr_array_sized_new (CHUNK_ITEMS);
  im->posting = g_ptr_array_sized_new (CHUNK_ITEMS);
  im->waiting = g_ptr_array_new ();
  im->spare = g_ptr_array_new_full (CHUNK_ITEMS, (GDestroyNotify) daftari_txn_free);
  im->keys = g_hash_table_new (g_str_hash, g_str_equal);
  im->store = daftari_import_store_new (im->book, im->wallet->id);
  ok = insert_batch (im, file_name, error) && post_opening (im, items, &opening_id, error) &&
       check_fresh (im, items, parse->keys_distinct, error) && first_pass (im, items, error) &&
       retry_passes (im, error) && compare_final (im, items, error);
  count_problems (im, parse);
  ok = ok && finish_batch (im, opening_id, error);
  if (ok)
    collect_outcomes (im, items);
  if (ok && im->options->progress != NULL)
    im->options->progress (im->total, im->total, im->options->progress_data);
  /* A cancel during the last report still writes nothing. */
  ok = ok && !g_cancellable_set_error_if_cancelled (im->cancellable, error);
  free_run_state (im);
  free_items (items);
  return ok;
}

static DaftariAccount *
load_wallet (DaftariBook *book, gint64 wallet_id, GError **error)
{
  g_autoptr(DaftariAccount) wallet = daftari_account_get (book, wallet_id, error);

  if (wallet != NULL && !daftari_account_kind_is_wallet (wallet->kind))
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                   _("“%s” is not a wallet"), wallet->name);
      return NULL;
    }
  return g_steal_pointer (&wallet);
}

static DaftariImportResult *
result_new (void)
{
  DaftariImportResult *result = g_new0 (DaftariImportResult, 1);

  result->warnings = g_ptr_array_new_with_free_func (g_free);
  return result;
}

DaftariImportResult *
daftari_import_rows_full (DaftariBook *book, gint64 wallet_id, const char *source_kind, const char *file_name,
                          DaftariImportParse *parse, const DaftariImportOptions *options,
                          GCancellable *cancellable, GError **error)
{
  g_autoptr(DaftariImportResult) result = result_new ();
  g_autoptr(DaftariAccount) wallet = NULL;
  g_autoptr(GHashTable) claimed = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) memo = g_string_new (NULL);
  DaftariImportOptions defaults = { 0 };
  Import im = { .book = book, .result = result, .source = source_kind, .claimed = claimed, .memo = memo };
  gboolean ok;

  g_return_val_if_fail (parse != NULL && source_kind != NULL, NULL);
  options = options != NULL ? options : &defaults;
  im.adjust = options->adjust_balance;
  im.options = options;
  im.cancellable = cancellable;
  result->n_rows = parse->rows->len;
  if ((wallet = load_wallet (book, wallet_id, error)) == NULL)
    return NULL;
  im.wallet = wallet;
  if (!daftari_ledger_batch_begin (book, error))
    return NULL;
  ok = load_accounts (&im, error) && run (&im, parse, file_name, error);
  g_clear_pointer (&im.categoriser, daftari_categoriser_free);
  g_clear_pointer (&im.rules, g_ptr_array_unref);
  if (!ok)
    {
      daftari_ledger_batch_abort (book);
      return NULL;
    }
  if (options->dry_run)
    daftari_ledger_batch_abort (book);
  else if (!daftari_ledger_batch_commit (book, error))
    return NULL;
  return g_steal_pointer (&result);
}

DaftariImportResult *
daftari_import_rows (DaftariBook *book, gint64 wallet_id, const char *source_kind, const char *file_name,
                     DaftariImportParse *parse, gboolean dry_run, GCancellable *cancellable, GError **error)
{
  DaftariImportOptions options = { .dry_run = dry_run };

  return daftari_import_rows_full (book, wallet_id, source_kind, file_name, parse, &options, cancellable, error);
}

/* ---- Held rows ---------------------------------------------------------- */

void
daftari_import_held_free (DaftariImportHeld *held)
{
  if (held == NULL)
    return;
  g_free (held->receipt);
  g_free (held->kind);
  g_free (held->counterparty);
  g_free (held->details);
  g_free (held);
}

static gboolean
kind_from_string (const char *text, DaftariMpesaKind *out_kind)
{
  for (int k = DAFTARI_MPESA_OTHER; k <= DAFTARI_MPESA_BUSINESS_RECEIVED; k++)
    if (g_strcmp0 (daftari_mpesa_kind_to_string (k), text) == 0)
      {
        *out_kind = k;
        return TRUE;
      }
  return FALSE;
}

/* A remembered row's JSON (row_json), or NULL when it is not JSON: rows
 * imported before it was kept as JSON. */
static JsonObject *
details_object (JsonParser *parser, const char *details)
{
  JsonNode *root;

  if (details == NULL || *details != '{' || !json_parser_load_from_data (parser, details, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  return JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
}

static const char *
member_text (JsonObject *object, const char *name)
{
  return json_object_get_string_member_with_default (object, name, "");
}

/* The parsed row back, with its fee (merged charges included). */
static DaftariImportRow *
row_from_json (JsonObject *o, const char *key, const char *receipt, gint64 ts, gint64 amount, gint64 *out_fee)
{
  g_autoptr(DaftariImportRow) row = daftari_import_row_new ();

  if (!kind_from_string (member_text (o, "kind"), &row->kind))
    return NULL;
  daftari_txn_set_text (&row->key, key);
  daftari_txn_set_text (&row->receipt, receipt);
  row->ts = ts;
  row->amount = amount;
  *out_fee = row->fee = json_object_get_int_member_with_default (o, "fee", 0);
  row->line = (guint) json_object_get_int_member_with_default (o, "line", 0);
  row->has_balance = json_object_has_member (o, "balance");
  row->balance = json_object_get_int_member_with_default (o, "balance", 0);
  daftari_txn_set_text (&row->counterparty, member_text (o, "counterparty"));
  daftari_txn_set_text (&row->phone, member_text (o, "phone"));
  daftari_txn_set_text (&row->shortcode, member_text (o, "shortcode"));
  daftari_txn_set_text (&row->reference, member_text (o, "reference"));
  daftari_txn_set_text (&row->reversed_receipt, member_text (o, "reversed_receipt"));
  daftari_txn_set_text (&row->details, member_text (o, "text"));
  return g_steal_pointer (&row);
}

#define HELD_COLUMNS "id, batch_id, wallet_id, key, receipt, ts, amount, details"

/* One row of HELD_COLUMNS as a DaftariImportHeld; key is borrowed from stmt. */
static DaftariImportHeld *
held_from_stmt (sqlite3_stmt *stmt, JsonParser *parser, const char **out_key)
{
  DaftariImportHeld *held = g_new0 (DaftariImportHeld, 1);
  const char *details = (const char *) sqlite3_column_text (stmt, 7);
  JsonObject *o = details_object (parser, details);

  held->id = sqlite3_column_int64 (stmt, 0);
  held->batch_id = sqlite3_column_int64 (stmt, 1);
  held->wallet_id = sqlite3_column_int64 (stmt, 2);
  *out_key = (const char *) sqlite3_column_text (stmt, 3);
  held->receipt = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  held->ts = sqlite3_column_int64 (stmt, 5);
  held->amount = sqlite3_column_int64 (stmt, 6);
  held->fee = o != NULL ? json_object_get_int_member_with_default (o, "fee", 0) : 0;
  held->kind = g_strdup (o != NULL ? member_text (o, "kind") : "");
  held->counterparty = g_strdup (o != NULL ? member_text (o, "counterparty") : "");
  held->details = g_strdup (o != NULL ? member_text (o, "text") : details);
  return held;
}

GPtrArray *
daftari_import_held_list (DaftariBook *book, gint64 wallet_id, gint64 batch_id, GError **error)
{
  /* A statement's charge row held with its payment is part of it, not a row to review. */
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT " HELD_COLUMNS " FROM import_row WHERE state = 'held' "
      "AND (?1 = 0 OR wallet_id = ?1) AND (?2 = 0 OR batch_id = ?2) "
      "AND (NOT json_valid (details) OR json_extract (details, '$.merged_into') IS NULL) ORDER BY ts, id", error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  GPtrArray *list;
  int rc;

  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) daftari_import_held_free);
  sqlite3_bind_int64 (stmt, 1, wallet_id);
  sqlite3_bind_int64 (stmt, 2, batch_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key;
      g_ptr_array_add (list, held_from_stmt (stmt, parser, &key));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_ptr_array_unref (list);
      sql_failed (book, error);
      return NULL;
    }
  return list;
}

/* The held row and, when out_row is given, the parsed row back; *out_key is owned by the caller. */
static DaftariImportHeld *
load_held (DaftariBook *book, gint64 held_id, char **out_key, DaftariImportRow **out_row, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT " HELD_COLUMNS " FROM import_row WHERE id = ? AND state = 'held'", error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(DaftariImportHeld) held = NULL;
  const char *key;
  gint64 fee;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, held_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_NOT_FOUND,
                   _("There is no held row number %lld"), (long long) held_id);
      return NULL;
    }
  held = held_from_stmt (stmt, parser, &key);
  *out_key = g_strdup (key);
  if (out_row != NULL)
    {
      JsonObject *o = details_object (parser, (const char *) sqlite3_column_text (stmt, 7));
      *out_row = o != NULL ? row_from_json (o, key, held->receipt, held->ts, held->amount, &fee) : NULL;
      if (*out_row == NULL)
        g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                     _("Held row %lld was kept by an older Daftari and cannot be posted from here; "
                       "dismiss it and import its file again"), (long long) held_id);
    }
  sqlite3_reset (stmt);
  if (out_row != NULL && *out_row == NULL)
    {
      g_clear_pointer (out_key, g_free);
      return NULL;
    }
  return g_steal_pointer (&held);
}

/* Moves the held row and the charge rows merged into it to state (or
 * deletes them when state is NULL), and the batch's counts with them. */
static gboolean
settle_held (DaftariBook *book, const DaftariImportHeld *held, const char *key, gint64 txn_id, GError **error)
{
  sqlite3_stmt *stmt = txn_id != 0
    ? daftari_book_prepare (book,
        "UPDATE import_row SET state = 'posted', txn_id = ?4 WHERE state = 'held' AND batch_id = ?2 AND "
        "(id = ?1 OR (json_valid (details) AND json_extract (details, '$.merged_into') = ?3))", error)
    : daftari_book_prepare (book,
        "DELETE FROM import_row WHERE state = 'held' AND batch_id = ?2 AND "
        "(id = ?1 OR (json_valid (details) AND json_extract (details, '$.merged_into') = ?3))", error);
  sqlite3_stmt *counts = daftari_book_prepare (book,
      "UPDATE import_batch SET held = held - ?1, new = new + ?2 WHERE id = ?3", error);
  int rc;
  int n;

  if (stmt == NULL || counts == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, held->id);
  sqlite3_bind_int64 (stmt, 2, held->batch_id);
  sqlite3_bind_text (stmt, 3, key, -1, SQLITE_TRANSIENT);
  if (txn_id != 0)
    sqlite3_bind_int64 (stmt, 4, txn_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sql_failed (book, error);
  n = sqlite3_changes (daftari_book_get_db (book));
  sqlite3_bind_int64 (counts, 1, n);
  sqlite3_bind_int64 (counts, 2, txn_id != 0 ? n : 0);
  sqlite3_bind_int64 (counts, 3, held->batch_id);
  rc = sqlite3_step (counts);
  sqlite3_reset (counts);
  return rc == SQLITE_DONE || sql_failed (book, error);
}

static gboolean
post_held (DaftariBook *book, const DaftariImportHeld *held, const char *key, DaftariImportRow *row,
           gint64 *out_txn_id, GError **error)
{
  g_autoptr(DaftariImportResult) result = result_new ();
  g_autoptr(DaftariAccount) wallet = load_wallet (book, held->wallet_id, error);
  g_autoptr(DaftariTxn) txn = NULL;
  g_autoptr(GString) memo = g_string_new (NULL);
  Import im = { .book = book, .result = result, .source = "", .wallet = wallet, .memo = memo };
  Item item = { .row = row, .fee = row->fee };
  gint64 txn_id = 0;
  gboolean ok;

  ok = wallet != NULL && load_accounts (&im, error) && (txn = build_txn (&im, &item, error)) != NULL &&
       daftari_ledger_post (book, txn, &txn_id, error) && settle_held (book, held, key, txn_id, error);
  g_clear_pointer (&im.categoriser, daftari_categoriser_free);
  g_clear_pointer (&im.rules, g_ptr_array_unref);
  g_free (item.message);
  daftari_suggestion_clear (&item.suggestion);
  if (ok && out_txn_id != NULL)
    *out_txn_id = txn_id;
  return ok;
}

gboolean
daftari_import_held_post (DaftariBook *book, gint64 held_id, gint64 *out_txn_id, GError **error)
{
  g_autoptr(DaftariImportHeld) held = NULL;
  g_autoptr(DaftariImportRow) row = NULL;
  g_autofree char *key = NULL;

  if (!daftari_book_begin (book, error))
    return FALSE;
  if ((held = load_held (book, held_id, &key, &row, error)) == NULL ||
      !post_held (book, held, key, row, out_txn_id, error))
    {
      daftari_book_rollback (book);
      return FALSE;
    }
  return daftari_book_commit (book, error);
}

gboolean
daftari_import_held_dismiss (DaftariBook *book, gint64 held_id, GError **error)
{
  g_autoptr(DaftariImportHeld) held = NULL;
  g_autofree char *key = NULL;

  if (!daftari_book_begin (book, error))
    return FALSE;
  if ((held = load_held (book, held_id, &key, NULL, error)) == NULL || !settle_held (book, held, key, 0, error))
    {
      daftari_book_rollback (book);
      return FALSE;
    }
  return daftari_book_commit (book, error);
}

/* ---- Undo -------------------------------------------------------------- */

static GArray *
batch_txns (DaftariBook *book, gint64 batch_id, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT DISTINCT r.txn_id FROM import_row r JOIN txn t ON t.id = r.txn_id "
      "WHERE r.batch_id = ? AND r.state = 'posted' AND t.voided = 0 "
      "UNION SELECT b.opening_txn_id FROM import_batch b JOIN txn t ON t.id = b.opening_txn_id "
      "WHERE b.id = ? AND t.voided = 0 ORDER BY 1 DESC", error);
  GArray *ids;

  if (stmt == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_bind_int64 (stmt, 1, batch_id);
  sqlite3_bind_int64 (stmt, 2, batch_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  return ids;
}

static gboolean
check_batch (DaftariBook *book, gint64 batch_id, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book, "SELECT undone FROM import_batch WHERE id = ?", error);
  int rc, undone = 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    undone = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_NOT_FOUND,
                 _("There is no import number %lld"), (long long) batch_id);
  else if (undone)
    g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                 _("Import %lld was already undone"), (long long) batch_id);
  return rc == SQLITE_ROW && !undone;
}

static gboolean
exec_id (DaftariBook *book, sqlite3_stmt *stmt, gint64 id, GError **error)
{
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || sql_failed (book, error);
}

gboolean
daftari_import_undo (DaftariBook *book, gint64 batch_id, GError **error)
{
  g_autoptr(GArray) ids = NULL;
  gboolean ok;

  if (!daftari_book_begin (book, error))
    return FALSE;
  ok = check_batch (book, batch_id, error) && (ids = batch_txns (book, batch_id, error)) != NULL;
  for (guint i = 0; ok && i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      /* Rows other sources matched to it go too: they have nothing to stand on. */
      if (!daftari_ledger_void (book, id, error))
        {
          g_prefix_error (error, _("Import %lld cannot be undone: "), (long long) batch_id);
          ok = FALSE;
          break;
        }
      ok =
           exec_id (book, daftari_book_prepare (book,
                      "DELETE FROM import_row WHERE txn_id = ? AND state = 'duplicate'", error), id, error);
    }
  ok = ok &&
       exec_id (book, daftari_book_prepare (book, "DELETE FROM import_row WHERE batch_id = ?", error),
                batch_id, error) &&
       exec_id (book, daftari_book_prepare (book, "UPDATE import_batch SET undone = 1 WHERE id = ?", error),
                batch_id, error);
  if (!ok)
    {
      daftari_book_rollback (book);
      return FALSE;
    }
  return daftari_book_commit (book, error);
}
