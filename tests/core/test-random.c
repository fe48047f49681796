/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A seeded random walk of thousands of operations — income, expenses,
 * transfers across commodities with fees, Lipa na M-PESA, back-dated and
 * same-second entries, edits, voids, restores, limit changes, batches that
 * commit or abort — against a model kept by the test itself.
 *
 * The model decides, on its own, whether each operation must be accepted or
 * refused (limit first, then any non-overdraft wallet below zero at any
 * point, money in before money out within a second) and the ledger must
 * agree every time. Refusals must leave the file as it was. Every few
 * hundred steps and at the end, every balance (now and as of random
 * moments), every month total and every audit count is recomputed from the
 * model and compared with the book's answers and with raw SQL, every
 * transaction must sum to zero, and daftari_check_run must find nothing.
 *
 * G_TEST_SEED does not change the walk: set DAFTARI_TEST_SEED to try others. */
#include "test-common.h"

#include "daftari-book-private.h"

#define N_OPERATIONS 5000
#define CHECK_EVERY  500
#define KES(units)  ((gint64) (units) * 100)
/* Bitcoin and the dollar change rates during the walk: from 2025-03-01 and
 * 2025-04-01 in Nairobi. */
#define BTC_MARCH   G_GINT64_CONSTANT (1740776400)
#define USD_APRIL   G_GINT64_CONSTANT (1743454800)

enum { MPESA, KCB, CASH, OVERDRAFT, BITCOIN, DOLLARS, N_WALLETS };
enum { EXPECT_OK = -1 };
enum { OP_POST, OP_EDIT, OP_VOID, OP_RESTORE, N_OPS };
static const char *const op_names[N_OPS] = { "post", "edit", "void", "restore" };

typedef struct {
  gint64 ts;
  gint64 amount;
  gint64 txn;
} Entry;

typedef struct {
  gint64          id;
  gint64          ts;
  DaftariTxnKind  kind;
  gboolean        live;
  GArray         *splits;   /* DaftariSplit: the live version, or the one a void took out */
} ModelTxn;

typedef struct {
  GHashTable *txns;                  /* gint64* id → ModelTxn */
  GArray     *ids;                   /* every id, to pick from */
  GArray     *entries[N_WALLETS];    /* each wallet's live splits, in ledger order */
  gint64      totals[N_WALLETS];
  gint64      limit;
  guint       edits, voids, unvoids;
} Model;

typedef struct {
  TestBook               *tb;
  DaftariBook            *book;
  GRand                  *rand;
  Model                  *model;
  gint64                  wallets[N_WALLETS];
  const DaftariCommodity *commodities[N_WALLETS];
  gboolean                overdraft[N_WALLETS];
  gint64                  incomes[2];
  gint64                  expenses[3];
  gint64                  start;
  gint64                  now;
  guint                   step;
  gboolean                in_batch;
  guint                   batch_left;
  Model                  *snapshot;      /* set when the current batch will be aborted */
  guint                   operations;    /* calls into the ledger, refused or not */
  guint                   accepted, refused_limit, refused_small, back_dated, batches;
  guint                   refused_overdraft[N_OPS];
} Walk;

/* ---- The model ---- */

static void
model_txn_free (ModelTxn *txn)
{
  g_array_unref (txn->splits);
  g_free (txn);
}

static Model *
model_new (void)
{
  Model *model = g_new0 (Model, 1);

  model->txns = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) model_txn_free);
  model->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint w = 0; w < N_WALLETS; w++)
    model->entries[w] = g_array_new (FALSE, FALSE, sizeof (Entry));
  return model;
}

static void
model_free (Model *model)
{
  if (model == NULL)
    return;
  g_hash_table_unref (model->txns);
  g_array_unref (model->ids);
  for (guint w = 0; w < N_WALLETS; w++)
    g_array_unref (model->entries[w]);
  g_free (model);
}

static Model *
model_copy (const Model *model)
{
  Model *copy = model_new ();
  GHashTableIter iter;
  ModelTxn *txn;

  g_hash_table_iter_init (&iter, model->txns);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &txn))
    {
      ModelTxn *twin = g_memdup2 (txn, sizeof *txn);
      twin->splits = g_array_copy (txn->splits);
      g_hash_table_insert (copy->txns, &twin->id, twin);
    }
  g_array_append_vals (copy->ids, model->ids->data, model->ids->len);
  for (guint w = 0; w < N_WALLETS; w++)
    g_array_append_vals (copy->entries[w], model->entries[w]->data, model->entries[w]->len);
  memcpy (copy->totals, model->totals, sizeof model->totals);
  copy->limit = model->limit;
  copy->edits = model->edits, copy->voids = model->voids, copy->unvoids = model->unvoids;
  return copy;
}

/* The ledger's order within a wallet: by time, and within one second money
 * in before money out. */
static gboolean
entry_before (const Entry *a, const Entry *b)
{
  return a->ts < b->ts || (a->ts == b->ts && a->amount > b->amount);
}

static int
wallet_index (Walk *walk, gint64 account_id)
{
  for (int w = 0; w < N_WALLETS; w++)
    if (walk->wallets[w] == account_id)
      return w;
  return -1;
}

static void
model_insert_entry (Model *model, int w, Entry entry)
{
  GArray *entries = model->entries[w];
  guint low = 0, high = entries->len;

  while (low < high)
    {
      guint mid = (low + high) / 2;
      if (entry_before (&g_array_index (entries, Entry, mid), &entry))
        low = mid + 1;
      else
        high = mid;
    }
  g_array_insert_val (entries, low, entry);
  model->totals[w] += entry.amount;
}

static void
model_remove_entries (Model *model, int w, gint64 txn_id)
{
  GArray *entries = model->entries[w];

  for (guint i = entries->len; i > 0; i--)
    if (g_array_index (entries, Entry, i - 1).txn == txn_id)
      {
        model->totals[w] -= g_array_index (entries, Entry, i - 1).amount;
        g_array_remove_index (entries, i - 1);
      }
}

static ModelTxn *
model_get (Model *model, gint64 id)
{
  ModelTxn *txn = g_hash_table_lookup (model->txns, &id);
  g_assert_nonnull (txn);
  return txn;
}

/* Takes a live transaction's money out of the wallets (a void, or the first
 * half of an edit). */
static void
model_take_out (Walk *walk, gint64 id)
{
  ModelTxn *txn = model_get (walk->model, id);

  for (guint i = 0; i < txn->splits->len; i++)
    {
      int w = wallet_index (walk, g_array_index (txn->splits, DaftariSplit, i).account_id);
      if (w >= 0)
        model_remove_entries (walk->model, w, id);
    }
  txn->live = FALSE;
}

/* Puts a version of transaction id into the books (a post, an edit's second
 * half, a restore). */
static void
model_put_in (Walk *walk, gint64 id, gint64 ts, DaftariTxnKind kind, const GArray *splits)
{
  ModelTxn *txn = g_hash_table_lookup (walk->model->txns, &id);

  if (txn == NULL)
    {
      txn = g_new0 (ModelTxn, 1);
      txn->id = id;
      txn->splits = g_array_new (FALSE, FALSE, sizeof (DaftariSplit));
      g_hash_table_insert (walk->model->txns, &txn->id, txn);
      g_array_append_val (walk->model->ids, id);
    }
  txn->ts = ts;
  txn->kind = kind;
  txn->live = TRUE;
  if (txn->splits != splits)
    {
      g_array_set_size (txn->splits, 0);
      g_array_append_vals (txn->splits, splits->data, splits->len);
    }
  for (guint i = 0; i < splits->len; i++)
    {
      const DaftariSplit *split = &g_array_index (splits, DaftariSplit, i);
      int w = wallet_index (walk, split->account_id);
      if (w >= 0)
        model_insert_entry (walk->model, w, (Entry) { ts, split->amount, id });
    }
}

static gint64
principal (const GArray *splits)
{
  gint64 sum = 0;

  for (guint i = 0; i < splits->len; i++)
    {
      const DaftariSplit *split = &g_array_index (splits, DaftariSplit, i);
      if (split->role != DAFTARI_SPLIT_FEE && split->value > 0)
        sum += split->value;
    }
  return sum;
}

static gboolean
touches (Walk *walk, const GArray *splits, int w)
{
  for (guint i = 0; splits != NULL && i < splits->len; i++)
    if (g_array_index (splits, DaftariSplit, i).account_id == walk->wallets[w])
      return TRUE;
  return FALSE;
}

/* Would wallet w go below zero at any point if transaction remove_id (0:
 * none) were taken out and splits dated ts (NULL: none) put in? The
 * wallet's entries are merged with the new ones in ledger order. */
static gboolean
wallet_overdraws (Walk *walk, int w, gint64 remove_id, const GArray *splits, gint64 ts)
{
  GArray *entries = walk->model->entries[w];
  g_autoptr(GArray) added = g_array_new (FALSE, FALSE, sizeof (Entry));
  gint64 running = 0;
  guint i = 0, j = 0;

  for (guint s = 0; splits != NULL && s < splits->len; s++)
    {
      const DaftariSplit *split = &g_array_index (splits, DaftariSplit, s);
      Entry entry = { ts, split->amount, 0 };
      guint at = 0;
      if (split->account_id != walk->wallets[w])
        continue;
      while (at < added->len && entry_before (&g_array_index (added, Entry, at), &entry))
        at++;
      g_array_insert_val (added, at, entry);
    }
  while (i < entries->len || j < added->len)
    {
      const Entry *next;
      if (i < entries->len && g_array_index (entries, Entry, i).txn == remove_id)
        {
          i++;
          continue;
        }
      if (j >= added->len || (i < entries->len && entry_before (&g_array_index (entries, Entry, i),
                                                                  &g_array_index (added, Entry, j))))
        next = &g_array_index (entries, Entry, i++);
      else
        next = &g_array_index (added, Entry, j++);
      running += next->amount;
      if (running < 0)
        return TRUE;
    }
  return FALSE;
}

/* What the ledger must answer: EXPECT_OK or the rule that refuses. */
static int
predict (Walk *walk, gint64 remove_id, const GArray *splits, gint64 ts, DaftariTxnKind kind)
{
  const GArray *removed = remove_id ? model_get (walk->model, remove_id)->splits : NULL;

  if (splits != NULL && kind != DAFTARI_TXN_OPENING && principal (splits) > walk->model->limit)
    return DAFTARI_RULE_ERROR_LIMIT;
  for (int w = 0; w < N_WALLETS; w++)
    if (!walk->overdraft[w] && (touches (walk, removed, w) || touches (walk, splits, w)) &&
        wallet_overdraws (walk, w, remove_id, splits, ts))
      return DAFTARI_RULE_ERROR_OVERDRAFT;
  return EXPECT_OK;
}

/* ---- Random choices ---- */

static gint64
rate_of (Walk *walk, int w, gint64 ts)
{
  const char *code = walk->commodities[w]->code;

  if (g_str_equal (code, "BTC"))
    return ts >= BTC_MARCH ? G_GINT64_CONSTANT (950000050000000) : G_GINT64_CONSTANT (900000000000000);
  if (g_str_equal (code, "USD"))
    return ts >= USD_APRIL ? G_GINT64_CONSTANT (13000000000) : G_GINT64_CONSTANT (12945000000);
  return DAFTARI_RATE_ONE;
}

static gint64
value_of (Walk *walk, int w, gint64 amount, gint64 ts)
{
  return test_expect_convert (amount, walk->commodities[w], rate_of (walk, w, ts),
                              daftari_commodity_lookup ("KES"), DAFTARI_RATE_ONE);
}

static gint64
pick_ts (Walk *walk)
{
  guint dice = g_rand_int_range (walk->rand, 0, 100);

  if (dice < 25)
    {
      walk->back_dated++;
      return walk->start + (gint64) (g_rand_double (walk->rand) * (walk->now - walk->start));
    }
  if (dice < 30 && walk->model->ids->len > 0)
    {
      GArray *ids = walk->model->ids;
      gint64 id = g_array_index (ids, gint64, g_rand_int_range (walk->rand, 0, ids->len));
      walk->back_dated++;
      return model_get (walk->model, id)->ts;   /* the same second as another */
    }
  if (dice >= 40)
    walk->now += g_rand_int_range (walk->rand, 1, 3 * 3600);
  return walk->now;
}

/* An amount in wallet w's commodity: mostly everyday, sometimes around the
 * limit, and when spending sometimes all the wallet holds, give or take.
 * Spending runs a little larger than income, so that wallets keep coming
 * back to zero, where the overdraft rule has work to do. */
/* The most wallet w can pay at ts without going below zero then or later,
 * roughly: the lowest balance from ts onwards. */
static gint64
spendable (Walk *walk, int w, gint64 ts)
{
  GArray *entries = walk->model->entries[w];
  gint64 running = 0, lowest = G_MAXINT64;
  gboolean past = FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = &g_array_index (entries, Entry, i);
      if (entry->ts > ts && !past)
        lowest = MIN (lowest, running), past = TRUE;
      running += entry->amount;
      if (entry->ts >= ts)
        lowest = MIN (lowest, running);
    }
  return MIN (lowest, running);
}

static gint64
pick_amount (Walk *walk, int w, gboolean spending, gint64 ts)
{
  guint dice = g_rand_int_range (walk->rand, 0, 100);
  gint64 unit = daftari_commodity_unit (walk->commodities[w]);
  gboolean crypto = walk->commodities[w]->crypto;
  gboolean dollars = g_str_equal (walk->commodities[w]->code, "USD");
  gint64 all = spending ? spendable (walk, w, ts) + g_rand_int_range (walk->rand, -2, 3) : 0;

  /* All there is, give or take a cent, when that is within the limit. */
  if (spending && dice < 22 && value_of (walk, w, all, ts) <= walk->model->limit)
    return MAX (1, all);
  if (dice < 28)
    return crypto ? g_rand_int_range (walk->rand, 4000000, 8000000)
         : dollars ? g_rand_int_range (walk->rand, 3000, 5000) * unit
                   : g_rand_int_range (walk->rand, 400000, 650000) * unit;
  return crypto ? g_rand_int_range (walk->rand, 1000, spending ? 2600000 : 2000000)
       : dollars ? g_rand_int_range (walk->rand, 100, spending ? 130000 : 100000)
                 : g_rand_int_range (walk->rand, 1, spending ? 40000 : 30000) * unit + g_rand_int_range (walk->rand, 0, 100);
}

static gint64
pick_fee (Walk *walk, int w)
{
  if (g_rand_int_range (walk->rand, 0, 10) < 6)
    return 0;
  if (walk->commodities[w]->crypto)
    return g_rand_int_range (walk->rand, 100, 5000);
  return g_rand_int_range (walk->rand, 1, 10500);
}

static void
add_split (GArray *splits, gint64 account, gint64 amount, gint64 value, DaftariSplitRole role)
{
  DaftariSplit split = { account, amount, value, role };
  g_array_append_val (splits, split);
}

static void
assert_splits (Walk *walk, const DaftariTxn *txn, const GArray *expected)
{
  if (txn->splits->len != expected->len)
    g_error ("step %u: %u splits built, %u expected", walk->step, txn->splits->len, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      const DaftariSplit *a = daftari_txn_get_split (txn, i), *b = &g_array_index (expected, DaftariSplit, i);
      if (a->account_id != b->account_id || a->amount != b->amount || a->value != b->value || a->role != b->role)
        g_error ("step %u: split %u is %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT
                 ", expected %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, walk->step, i,
                 a->account_id, a->amount, a->value, b->account_id, b->amount, b->value);
    }
}

/* Builds a random income, expense, transfer or payment through the ops
 * builders, checks its splits against the model's own arithmetic and
 * returns it; NULL when the model expects it to be refused as too small
 * to arrive (and the builder refused it). */
static DaftariTxn *
build_record (Walk *walk, DaftariTxnKind kind, GArray *expected)
{
  int w = g_rand_int_range (walk->rand, 0, N_WALLETS);
  gint64 category = kind == DAFTARI_TXN_INCOME ? walk->incomes[g_rand_int_range (walk->rand, 0, 2)]
                                               : walk->expenses[g_rand_int_range (walk->rand, 0, 3)];
  gint64 ts = pick_ts (walk), amount = pick_amount (walk, w, kind == DAFTARI_TXN_EXPENSE, ts);
  gint64 value = value_of (walk, w, amount, ts), sign = kind == DAFTARI_TXN_INCOME ? 1 : -1;
  g_autoptr(GError) error = NULL;
  DaftariTxn *txn = daftari_ops_build_record (walk->book, kind, walk->wallets[w], category, amount, ts, "walk", &error);

  g_assert_no_error (error);
  add_split (expected, walk->wallets[w], sign * amount, sign * value, DAFTARI_SPLIT_NORMAL);
  add_split (expected, category, -sign * value, -sign * value, DAFTARI_SPLIT_NORMAL);
  return txn;
}

static DaftariTxn *
build_transfer (Walk *walk, GArray *expected)
{
  int from = g_rand_int_range (walk->rand, 0, N_WALLETS);
  int to = (from + g_rand_int_range (walk->rand, 1, N_WALLETS)) % N_WALLETS;
  gint64 ts = pick_ts (walk);
  DaftariTransferSpec spec = { walk->wallets[from], walk->wallets[to], pick_amount (walk, from, TRUE, ts),
                               pick_fee (walk, from), ts, "walk" };
  gint64 value = value_of (walk, from, spec.amount, spec.ts), fee_value = value_of (walk, from, spec.fee, spec.ts);
  gint64 arrives = test_expect_convert (spec.amount, walk->commodities[from], rate_of (walk, from, spec.ts),
                                        walk->commodities[to], rate_of (walk, to, spec.ts));
  g_autoptr(GError) error = NULL;
  DaftariTxn *txn = daftari_ops_build_transfer (walk->book, &spec, &error);

  if (arrives == 0 || value == 0)
    {
      g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID);
      g_assert_null (txn);
      walk->refused_small++;
      return NULL;
    }
  g_assert_no_error (error);
  if (spec.fee)
    add_split (expected, walk->tb->charges, fee_value, fee_value, DAFTARI_SPLIT_FEE);
  add_split (expected, spec.from_id, -(spec.amount + spec.fee), -(value + fee_value), DAFTARI_SPLIT_NORMAL);
  add_split (expected, spec.to_id, arrives, value, DAFTARI_SPLIT_NORMAL);
  return txn;
}

static DaftariTxn *
build_payment (Walk *walk, GArray *expected)
{
  static const int payers[] = { MPESA, KCB, OVERDRAFT };
  int w = payers[g_rand_int_range (walk->rand, 0, G_N_ELEMENTS (payers))];
  g_autofree char *phone = g_strdup_printf ("07%08d", g_rand_int_range (walk->rand, 0, 100000000));
  gint64 ts = pick_ts (walk);
  DaftariPaySpec spec = {
    .channel = g_rand_int_range (walk->rand, 0, 3), .wallet_id = walk->wallets[w], .account = "ACC-7",
    .category_id = walk->expenses[g_rand_int_range (walk->rand, 0, 3)], .amount = pick_amount (walk, w, TRUE, ts),
    .fee = pick_fee (walk, w), .ts = ts,
  };
  g_autoptr(GError) error = NULL;
  DaftariTxn *txn;

  spec.number = spec.channel == DAFTARI_PAY_POCHI ? phone : spec.channel == DAFTARI_PAY_TILL ? "532100" : "888880";
  txn = daftari_ops_build_payment (walk->book, &spec, &error);
  g_assert_no_error (error);
  if (spec.channel == DAFTARI_PAY_POCHI)
    g_assert_cmpstr (txn->counterparty + 3, ==, phone + 1);
  add_split (expected, spec.category_id, spec.amount, spec.amount, DAFTARI_SPLIT_NORMAL);
  if (spec.fee)
    add_split (expected, walk->tb->charges, spec.fee, spec.fee, DAFTARI_SPLIT_FEE);
  add_split (expected, spec.wallet_id, -(spec.amount + spec.fee), -(spec.amount + spec.fee), DAFTARI_SPLIT_NORMAL);
  return txn;
}

static DaftariTxn *
build_any (Walk *walk, GArray *expected)
{
  guint dice = g_rand_int_range (walk->rand, 0, 100);
  DaftariTxn *txn;

  if (dice < 38)
    txn = build_record (walk, DAFTARI_TXN_INCOME, expected);
  else if (dice < 70)
    txn = build_record (walk, DAFTARI_TXN_EXPENSE, expected);
  else if (dice < 90)
    txn = build_transfer (walk, expected);
  else
    txn = build_payment (walk, expected);
  if (txn != NULL)
    assert_splits (walk, txn, expected);
  return txn;
}

/* A transaction id, live or void as asked, or 0 when there is none. */
static gint64
pick_txn (Walk *walk, gboolean live)
{
  GArray *ids = walk->model->ids;

  for (guint tries = 0; tries < 50 && ids->len > 0; tries++)
    {
      gint64 id = g_array_index (ids, gint64, g_rand_int_range (walk->rand, 0, ids->len));
      if (model_get (walk->model, id)->live == live)
        return id;
    }
  return 0;
}

/* ---- Checking the book against the model ---- */

/* What a refusal must not change. Inside a batch, balances and month totals
 * may still be waiting in the write cache, so only rows count there. */
static char *
fingerprint (Walk *walk)
{
  static const char rows[] =
    "SELECT (SELECT count (*) FROM txn) || ',' || (SELECT count (*) FROM split) || ','"
    " || (SELECT count (*) FROM audit) || ',' || (SELECT coalesce (sum (voided), 0) FROM txn) || ','"
    " || (SELECT coalesce (sum (ts), 0) FROM txn) || ',' || (SELECT coalesce (sum (amount * (n + 1)), 0) FROM split)"
    " || ',' || (SELECT coalesce (sum (value * (n + 3)), 0) FROM split)";
  static const char caches[] =
    "SELECT (SELECT sum (balance) || ':' || sum (last_ts) FROM account) || ','"
    " || (SELECT count (*) || ':' || coalesce (sum (amount * month), 0) || ':' || coalesce (sum (value), 0)"
    "     FROM account_month)";
  sqlite3 *db = daftari_book_get_db (walk->book);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < (walk->in_batch ? 1u : 2u); i++)
    {
      sqlite3_stmt *stmt = NULL;
      g_assert_cmpint (sqlite3_prepare_v2 (db, i == 0 ? rows : caches, -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_string_append_printf (out, "%s;", sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
    }
  return g_string_free (out, FALSE);
}

static void
expect_outcome (Walk *walk, int expected, gboolean ok, const GError *error, int op, const char *before)
{
  const char *what = op_names[op];

  walk->operations++;

  if (expected == EXPECT_OK)
    {
      if (!ok)
        g_error ("step %u: %s refused, the model expected it to pass: %s", walk->step, what, error->message);
      walk->accepted++;
      return;
    }
  if (ok)
    g_error ("step %u: %s accepted, the model expected rule %d to refuse it", walk->step, what, expected);
  g_assert_error (error, DAFTARI_RULE_ERROR, expected);
  if (expected == DAFTARI_RULE_ERROR_LIMIT)
    walk->refused_limit++;
  else
    walk->refused_overdraft[op]++;
  {
    g_autofree char *after = fingerprint (walk);
    if (g_strcmp0 (after, before) != 0)
      g_error ("step %u: the refused %s changed the book: %s → %s", walk->step, what, before, after);
  }
}

static GArray *
txn_splits (const DaftariTxn *txn)
{
  return txn->splits;
}

static void
do_post (Walk *walk)
{
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (DaftariSplit));
  g_autoptr(DaftariTxn) txn = build_any (walk, expected);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  int outcome;
  gint64 id = 0;
  gboolean ok;

  if (txn == NULL)
    return;
  outcome = predict (walk, 0, txn_splits (txn), txn->ts, txn->kind);
  if (outcome != EXPECT_OK || g_rand_int_range (walk->rand, 0, 100) < 15)
    before = fingerprint (walk);
  /* Sometimes a dry run first: the same verdict, and nothing written. */
  if (outcome == EXPECT_OK && before != NULL)
    {
      g_autofree char *after = NULL;
      if (!daftari_ledger_check (walk->book, txn, &error))
        g_error ("step %u: the dry run refused what the model accepts: %s", walk->step, error->message);
      after = fingerprint (walk);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpint (txn->id, ==, 0);
    }
  else if (before != NULL)
    {
      g_assert_false (daftari_ledger_check (walk->book, txn, &error));
      g_assert_error (error, DAFTARI_RULE_ERROR, outcome);
      g_clear_error (&error);
    }
  ok = daftari_ledger_post (walk->book, txn, &id, &error);
  expect_outcome (walk, outcome, ok, error, OP_POST, before);
  if (ok)
    model_put_in (walk, id, txn->ts, txn->kind, txn->splits);
}

static void
do_replace (Walk *walk)
{
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (DaftariSplit));
  gint64 id = pick_txn (walk, TRUE);
  g_autoptr(DaftariTxn) txn = id ? build_any (walk, expected) : NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  int outcome;
  gboolean ok;

  if (txn == NULL)
    return;
  outcome = predict (walk, id, txn_splits (txn), txn->ts, txn->kind);
  if (outcome != EXPECT_OK)
    before = fingerprint (walk);
  ok = daftari_ledger_replace (walk->book, id, txn, &error);
  expect_outcome (walk, outcome, ok, error, OP_EDIT, before);
  if (!ok)
    return;
  model_take_out (walk, id);
  model_put_in (walk, id, txn->ts, txn->kind, txn->splits);
  walk->model->edits++;
}

static void
do_void (Walk *walk)
{
  gint64 id = pick_txn (walk, TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  int outcome;
  gboolean ok;

  if (id == 0)
    return;
  outcome = predict (walk, id, NULL, 0, DAFTARI_TXN_GENERAL);
  if (outcome != EXPECT_OK)
    before = fingerprint (walk);
  ok = daftari_ledger_void (walk->book, id, &error);
  expect_outcome (walk, outcome, ok, error, OP_VOID, before);
  if (!ok)
    return;
  model_take_out (walk, id);
  walk->model->voids++;
}

static void
do_unvoid (Walk *walk)
{
  gint64 id = pick_txn (walk, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  ModelTxn *txn;
  int outcome;
  gboolean ok;

  if (id == 0)
    return;
  txn = model_get (walk->model, id);
  outcome = predict (walk, 0, txn->splits, txn->ts, txn->kind);
  if (outcome != EXPECT_OK)
    before = fingerprint (walk);
  ok = daftari_ledger_unvoid (walk->book, id, &error);
  expect_outcome (walk, outcome, ok, error, OP_RESTORE, before);
  if (!ok)
    return;
  model_put_in (walk, id, txn->ts, txn->kind, txn->splits);
  walk->model->unvoids++;
}

static void
do_set_limit (Walk *walk)
{
  static const gint64 limits[] = { KES (100000), KES (250000), KES (500000), KES (500000), KES (750000) };
  g_autoptr(GError) error = NULL;
  gint64 limit = limits[g_rand_int_range (walk->rand, 0, G_N_ELEMENTS (limits))];

  g_assert_true (daftari_book_set_txn_limit (walk->book, limit, &error));
  g_assert_no_error (error);
  walk->model->limit = limit;
}

static gint64
month_of (gint64 ts)
{
  /* Nairobi is UTC+3 all year. */
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (ts + 3 * 3600);
  return g_date_time_get_year (dt) * 100 + g_date_time_get_month (dt);
}

/* Every account's balance and month totals, recomputed from the model. */
static void
verify_accounts (Walk *walk)
{
  g_autoptr(GHashTable) balances = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3 *db = test_db_open (walk->tb->path);
  GHashTableIter iter;
  ModelTxn *txn;
  gpointer key, value;
  guint nonzero = 0;

  g_hash_table_iter_init (&iter, walk->model->txns);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &txn))
    for (guint i = 0; txn->live && i < txn->splits->len; i++)
      {
        const DaftariSplit *split = &g_array_index (txn->splits, DaftariSplit, i);
        g_autofree char *month_key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                                      split->account_id, month_of (txn->ts));
        gint64 *balance = g_hash_table_lookup (balances, &split->account_id);
        gint64 *totals = g_hash_table_lookup (months, month_key);

        if (balance == NULL)
          g_hash_table_insert (balances, g_memdup2 (&split->account_id, sizeof (gint64)),
                               balance = g_new0 (gint64, 1));
        if (totals == NULL)
          g_hash_table_insert (months, g_steal_pointer (&month_key), totals = g_new0 (gint64, 2));
        *balance += split->amount;
        totals[0] += split->amount;
        totals[1] += split->value;
      }

  g_hash_table_iter_init (&iter, balances);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 id = *(gint64 *) key, expected = *(gint64 *) value;
      g_autofree char *stored = g_strdup_printf ("SELECT balance FROM account WHERE id = %" G_GINT64_FORMAT, id);
      g_autofree char *summed = g_strdup_printf ("SELECT coalesce (sum (amount), 0) FROM split"
                                                 " WHERE account_id = %" G_GINT64_FORMAT, id);
      if (test_balance (walk->book, id) != expected || test_sql_int (db, stored) != expected ||
          test_sql_int (db, summed) != expected)
        g_error ("step %u: account %" G_GINT64_FORMAT " should hold %" G_GINT64_FORMAT ", the book says %"
                 G_GINT64_FORMAT, walk->step, id, expected, test_balance (walk->book, id));
    }
  /* Accounts the model never saw hold nothing. */
  g_assert_cmpint (test_sql_int (db, "SELECT count (*) FROM account WHERE balance != 0"), <=,
                   g_hash_table_size (balances));

  g_hash_table_iter_init (&iter, months);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 *totals = value;
      g_auto(GStrv) parts = g_strsplit (key, ":", 2);
      g_autofree char *sql = NULL;

      if (totals[0] == 0 && totals[1] == 0)
        continue;
      nonzero++;
      sql = g_strdup_printf ("SELECT count (*) FROM account_month WHERE account_id = %s AND month = %s"
                             " AND amount = %" G_GINT64_FORMAT " AND value = %" G_GINT64_FORMAT,
                             parts[0], parts[1], totals[0], totals[1]);
      if (test_sql_int (db, sql) != 1)
        g_error ("step %u: month total %s is not %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, walk->step,
                 (const char *) key, totals[0], totals[1]);
    }
  g_assert_cmpint (test_sql_int (db, "SELECT count (*) FROM account_month WHERE amount != 0 OR value != 0"), ==, nonzero);
  sqlite3_close (db);
}

/* Each wallet's balance as of random moments, against the model's sums. */
static void
verify_as_of (Walk *walk)
{
  for (int w = 0; w < N_WALLETS; w++)
    for (guint n = 0; n < 6; n++)
      {
        GArray *entries = walk->model->entries[w];
        gint64 at = walk->start - 86400 + (gint64) (g_rand_double (walk->rand) * (walk->now - walk->start + 2 * 86400));
        gint64 expected = 0, balance = 0;

        if (n == 0 && entries->len > 0)   /* exactly on an entry's second */
          at = g_array_index (entries, Entry, g_rand_int_range (walk->rand, 0, entries->len)).ts;
        for (guint i = 0; i < entries->len && g_array_index (entries, Entry, i).ts <= at; i++)
          expected += g_array_index (entries, Entry, i).amount;
        g_assert_true (daftari_query_balance (walk->book, walk->wallets[w], at, &balance, NULL));
        if (balance != expected)
          g_error ("step %u: wallet %d as of %" G_GINT64_FORMAT ": %" G_GINT64_FORMAT " != %" G_GINT64_FORMAT,
                   walk->step, w, at, balance, expected);
      }
}

static void
verify (Walk *walk)
{
  GHashTableIter iter;
  ModelTxn *txn;
  guint voided = 0;

  verify_accounts (walk);
  verify_as_of (walk);
  test_assert_balanced (walk->tb->path);
  g_hash_table_iter_init (&iter, walk->model->txns);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &txn))
    voided += !txn->live;
  g_assert_cmpint (test_db_int (walk->tb->path, "SELECT count (*) FROM txn"), ==, walk->model->ids->len);
  g_assert_cmpint (test_db_int (walk->tb->path, "SELECT count (*) FROM txn WHERE voided"), ==, voided);
  g_assert_cmpint (test_db_int (walk->tb->path, "SELECT count (*) FROM audit WHERE action = 'edit'"), ==, walk->model->edits);
  g_assert_cmpint (test_db_int (walk->tb->path, "SELECT count (*) FROM audit WHERE action = 'void'"), ==, walk->model->voids);
  g_assert_cmpint (test_db_int (walk->tb->path, "SELECT count (*) FROM audit WHERE action = 'unvoid'"), ==, walk->model->unvoids);
  g_assert_cmpint (test_db_int (walk->tb->path, "SELECT CAST (value AS INTEGER) FROM setting WHERE key = 'txn_limit'"),
                   ==, walk->model->limit);
  test_assert_sound (walk->book);
}

/* ---- Batches ---- */

static void
batch_begin (Walk *walk)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (daftari_ledger_batch_begin (walk->book, &error));
  g_assert_no_error (error);
  walk->in_batch = TRUE;
  walk->batch_left = g_rand_int_range (walk->rand, 20, 80);
  walk->batches++;
  /* One batch in six is thrown away at the end. */
  if (g_rand_int_range (walk->rand, 0, 6) == 0)
    walk->snapshot = model_copy (walk->model);
}

static void
batch_end (Walk *walk)
{
  g_autoptr(GError) error = NULL;

  if (walk->snapshot != NULL)
    {
      daftari_ledger_batch_abort (walk->book);
      model_free (walk->model);
      walk->model = g_steal_pointer (&walk->snapshot);
    }
  else
    {
      g_assert_true (daftari_ledger_batch_commit (walk->book, &error));
      g_assert_no_error (error);
    }
  walk->in_batch = FALSE;
  verify_accounts (walk);
}

static void
step (Walk *walk)
{
  guint dice = g_rand_int_range (walk->rand, 0, 1000);

  if (!walk->in_batch && dice < 30)
    batch_begin (walk);
  dice = g_rand_int_range (walk->rand, 0, 1000);
  if (dice < 740)
    do_post (walk);
  else if (dice < 830)
    do_void (walk);
  else if (dice < 880)
    do_unvoid (walk);
  else if (dice < 990)
    do_replace (walk);
  else
    do_set_limit (walk);
  if (walk->in_batch && --walk->batch_left == 0)
    batch_end (walk);
}

static void
walk_set_up (Walk *walk, guint32 seed)
{
  DaftariBook *book;
  const DaftariCommodity *btc = daftari_commodity_lookup ("BTC"), *usd = daftari_commodity_lookup ("USD");
  g_autoptr(GPtrArray) existing = NULL;
  DaftariTxnFilter all;

  walk->tb = test_book_new ();
  walk->book = book = walk->tb->book;
  walk->rand = g_rand_new_with_seed (seed);
  walk->model = model_new ();
  walk->model->limit = daftari_book_get_txn_limit (book);
  walk->start = walk->now = test_day (book, 0);
  g_assert_true (daftari_rates_set (book, btc, 20241201, G_GINT64_CONSTANT (900000000000000), NULL));
  g_assert_true (daftari_rates_set (book, btc, 20250301, G_GINT64_CONSTANT (950000050000000), NULL));
  g_assert_true (daftari_rates_set (book, usd, 20241201, G_GINT64_CONSTANT (12945000000), NULL));
  g_assert_true (daftari_rates_set (book, usd, 20250401, G_GINT64_CONSTANT (13000000000), NULL));
  walk->wallets[MPESA] = walk->tb->mpesa;
  walk->wallets[KCB] = walk->tb->kcb;
  walk->wallets[CASH] = walk->tb->cash;
  walk->wallets[OVERDRAFT] = walk->tb->overdraft;
  walk->wallets[BITCOIN] = test_add_wallet (book, "Bitcoin", DAFTARI_ACCOUNT_CRYPTO, "BTC", 1000000, walk->start, FALSE);
  walk->wallets[DOLLARS] = test_add_wallet (book, "Dollars", DAFTARI_ACCOUNT_BANK, "USD", 50000, walk->start, FALSE);
  for (int w = 0; w < N_WALLETS; w++)
    {
      g_autoptr(DaftariAccount) account = daftari_account_get (book, walk->wallets[w], NULL);
      walk->commodities[w] = account->commodity;
      walk->overdraft[w] = account->allow_overdraft;
    }
  walk->incomes[0] = walk->tb->sales;
  walk->incomes[1] = test_account_id (book, "Other income");
  walk->expenses[0] = walk->tb->stock;
  walk->expenses[1] = walk->tb->rent;
  walk->expenses[2] = test_account_id (book, "Transport");

  /* The openings the book starts with are the model's first transactions. */
  daftari_txn_filter_init (&all);
  existing = daftari_query_transactions (book, &all, NULL);
  g_assert_cmpuint (existing->len, ==, 4);
  for (guint i = 0; i < existing->len; i++)
    {
      DaftariTxn *txn = g_ptr_array_index (existing, i);
      g_assert_cmpint (txn->kind, ==, DAFTARI_TXN_OPENING);
      model_put_in (walk, txn->id, txn->ts, txn->kind, txn->splits);
    }
}

static void
test_random_walk (void)
{
  const char *seed_text = g_getenv ("DAFTARI_TEST_SEED");
  guint32 seed = seed_text ? (guint32) g_ascii_strtoull (seed_text, NULL, 10) : 20250307;
  Walk walk = { 0 };

  walk_set_up (&walk, seed);
  verify (&walk);
  for (walk.step = 1; walk.operations < N_OPERATIONS; walk.step++)
    {
      step (&walk);
      if (!walk.in_batch && walk.step % CHECK_EVERY == 0)
        verify (&walk);
    }
  if (walk.in_batch)
    batch_end (&walk);
  verify (&walk);

  g_test_message ("seed %u: %u operations in %u steps: %u accepted, %u over the limit, overdrafts refused:"
                  " %u posts, %u edits, %u voids, %u restores; %u too small, %u back-dated, %u batches",
                  seed, walk.operations, walk.step - 1, walk.accepted, walk.refused_limit,
                  walk.refused_overdraft[OP_POST], walk.refused_overdraft[OP_EDIT], walk.refused_overdraft[OP_VOID],
                  walk.refused_overdraft[OP_RESTORE], walk.refused_small, walk.back_dated, walk.batches);
  /* The walk must have exercised what it is for. */
  g_assert_cmpuint (walk.accepted, >, N_OPERATIONS / 2);
  g_assert_cmpuint (walk.refused_limit, >, 50);
  g_assert_cmpuint (walk.refused_overdraft[OP_POST], >, 50);
  g_assert_cmpuint (walk.refused_overdraft[OP_EDIT], >, 10);
  g_assert_cmpuint (walk.refused_overdraft[OP_VOID], >, 10);
  g_assert_cmpuint (walk.refused_overdraft[OP_RESTORE], >, 5);
  g_assert_cmpuint (walk.back_dated, >, 500);
  g_assert_cmpuint (walk.batches, >, 30);
  g_assert_cmpuint (walk.model->edits, >, 100);
  g_assert_cmpuint (walk.model->voids, >, 100);
  g_assert_cmpuint (walk.model->unvoids, >, 30);

  model_free (walk.model);
  g_rand_free (walk.rand);
  test_book_free (walk.tb);
}

int
main (int argc, char **argv)
{
  test_common_init (&argc, &argv);
  g_test_add_func ("/random/walk", test_random_walk);
  return g_test_run ();
}
