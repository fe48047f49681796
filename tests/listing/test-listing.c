/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The listing models against the core's own queries, on generated books:
 * the lazy ledger model lists exactly what daftari_query_transactions()
 * returns, its items say what daftari_ledger_get() says, its running
 * balances are daftari_query_balance() at each row, and its page cache stays
 * bounded however far it is scrolled. With DAFTARI_BENCH_LISTING=1 it also
 * times a model over 1,000,000 transactions. */
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "daftari-book-private.h"
#include "daftari-core.h"
#include "daftari-ledger-item.h"
#include "daftari-ledger-model.h"
#include "daftari-listing-private.h"
#include "daftari-wallet-item.h"

/* 2025-06-15 15:06:40 UTC: the generated books end here. */
#define END_TS G_GINT64_CONSTANT (1750000000)

typedef struct {
  char        *dir;
  char        *path;
  DaftariBook *book;
  gint64       mpesa, kcb, equity, cash, bitcoin, sales, other_income, stock;
  gint64       same_second;   /* a second holding several M-PESA rows */
} Book;

static gint64
account_id (DaftariBook *book, const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariAccount) account = daftari_account_find (book, name, &error);

  g_assert_no_error (error);
  return account->id;
}

static gint64
record (DaftariBook *book, DaftariTxnKind kind, gint64 wallet, gint64 category, gint64 amount, gint64 ts,
        const char *memo)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  daftari_ops_record (book, kind, wallet, category, amount, ts, memo, &id, &error);
  g_assert_no_error (error);
  return id;
}

/* Several rows in one second, some posted after later rows (so ids and
 * times disagree), a void, and memos with LIKE's wildcards. */
static void
add_awkward_rows (Book *b)
{
  gint64 second = END_TS - 20 * 86400 + 17;
  g_autoptr(GError) error = NULL;
  gint64 voided;

  b->same_second = second;
  record (b->book, DAFTARI_TXN_INCOME, b->mpesa, b->sales, 150000, second, "Same second A");
  record (b->book, DAFTARI_TXN_EXPENSE, b->mpesa, b->stock, 20000, second, "Same second B");
  record (b->book, DAFTARI_TXN_INCOME, b->cash, b->sales, 5000, second, "Same second, cash");
  record (b->book, DAFTARI_TXN_INCOME, b->mpesa, b->sales, 777, second, "Same second C");
  record (b->book, DAFTARI_TXN_EXPENSE, b->mpesa, b->stock, 100, second, "Same second D");
  record (b->book, DAFTARI_TXN_INCOME, b->mpesa, b->sales, 4200, second - 40 * 86400, "50%_off promo");
  record (b->book, DAFTARI_TXN_INCOME, b->mpesa, b->sales, 4300, second - 41 * 86400, "50X off promo");
  voided = record (b->book, DAFTARI_TXN_INCOME, b->mpesa, b->sales, 9900, second - 5 * 86400, "To be voided");
  daftari_ledger_void (b->book, voided, &error);
  g_assert_no_error (error);
  record (b->book, DAFTARI_TXN_INCOME, b->mpesa, b->sales, 100, END_TS + 3600, "Newest");
}

static Book *
book_new (guint n_transactions, gboolean awkward)
{
  g_autoptr(GError) error = NULL;
  const DaftariBookSetup setup = { "Listing Shop", "KES", "Africa/Nairobi" };
  Book *b = g_new0 (Book, 1);

  b->dir = g_dir_make_tmp ("daftari-listing-XXXXXX", &error);
  g_assert_no_error (error);
  b->path = g_build_filename (b->dir, "book.daftari", NULL);
  b->book = daftari_book_create (b->path, &setup, &error);
  g_assert_no_error (error);
  daftari_generator_fill (b->book, 7, n_transactions, END_TS, &error);
  g_assert_no_error (error);
  b->mpesa = account_id (b->book, "M-PESA");
  b->kcb = account_id (b->book, "KCB Business");
  b->equity = account_id (b->book, "Equity");
  b->cash = account_id (b->book, "Cash box");
  b->bitcoin = account_id (b->book, "Bitcoin");
  b->sales = account_id (b->book, "Sales");
  b->other_income = account_id (b->book, "Other income");
  b->stock = account_id (b->book, "Stock purchases");
  if (awkward)
    add_awkward_rows (b);
  return b;
}

static void
book_free (Book *b)
{
  g_clear_object (&b->book);
  daftari_book_remove_files (b->path);
  g_rmdir (b->dir);
  g_free (b->path);
  g_free (b->dir);
  g_free (b);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Book, book_free)

/* Shared by the tests that only read. */
static Book *shared;

static DaftariLedgerItem *
item_at (DaftariLedgerModel *model, guint position)
{
  DaftariLedgerItem *item = g_list_model_get_item (G_LIST_MODEL (model), position);

  g_assert_nonnull (item);
  return item;
}

static gint64
id_at (DaftariLedgerModel *model, guint position)
{
  g_autoptr(DaftariLedgerItem) item = item_at (model, position);
  return daftari_ledger_item_get_id (item);
}

/* daftari_query_transactions' ids, newest first as the model lists them. */
static GArray *
query_ids (DaftariBook *book, const DaftariTxnFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) txns = daftari_query_transactions (book, filter, &error);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_no_error (error);
  for (guint i = txns->len; i > 0; i--)
    g_array_append_val (ids, ((DaftariTxn *) g_ptr_array_index (txns, i - 1))->id);
  return ids;
}

static void
assert_lists_as_query (DaftariBook *book, DaftariLedgerModel *model, const DaftariTxnFilter *filter)
{
  g_autoptr(GArray) expected = query_ids (book, filter);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  g_assert_null (daftari_ledger_model_get_error (model));
  g_assert_cmpuint (n, ==, expected->len);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (id_at (model, i), ==, g_array_index (expected, gint64, i));
  g_assert_true (g_list_model_get_item (G_LIST_MODEL (model), n) == NULL);
}

static void
test_filters (void)
{
  DaftariBook *book = shared->book;
  DaftariCalendar *calendar = daftari_book_get_calendar (book);
  DaftariTxnFilter filters[17];
  gint64 start, end;
  guint n = 0;

  daftari_calendar_month_range (calendar, 202503, &start, &end);
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    daftari_txn_filter_init (&filters[i]);
  n++;                                                             /* everything but voids */
  filters[n++].include_voided = TRUE;
  filters[n++].account_id = shared->mpesa;
  filters[n].account_id = shared->kcb, filters[n++].text = "Stock";
  filters[n++].category_id = shared->sales;
  /* (daftari_query_transactions is slow with two accounts: a month only.) */
  filters[n].account_id = shared->mpesa, filters[n].category_id = shared->sales;
  filters[n].from_ts = start, filters[n++].to_ts = end - 1;
  filters[n++].text = "KAMAU";
  filters[n++].text = "50%_off";
  filters[n].from_ts = start, filters[n++].to_ts = end - 1;
  filters[n].from_ts = start, filters[n].to_ts = end - 1, filters[n++].account_id = shared->cash;
  filters[n].from_ts = start, filters[n].include_voided = TRUE, filters[n++].text = "o";
  filters[n++].text = "nothing matches this";
  filters[n++].account_id = shared->bitcoin;
  filters[n].account_id = 99999, filters[n++].text = NULL;
  filters[n].to_ts = shared->same_second, filters[n++].from_ts = shared->same_second;
  filters[n].limit = 3, filters[n++].account_id = shared->equity;   /* the model ignores limits */
  filters[n].account_id = shared->equity, filters[n++].category_id = shared->other_income;
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (filters));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DaftariLedgerModel) model = daftari_ledger_model_new (book, &filters[i]);
      DaftariTxnFilter all = filters[i];

      all.limit = 0;
      g_test_message ("filter %u: %u rows", i, g_list_model_get_n_items (G_LIST_MODEL (model)));
      assert_lists_as_query (book, model, &all);
    }
  /* A NULL filter is the default one. */
  {
    g_autoptr(DaftariLedgerModel) model = daftari_ledger_model_new (book, NULL);
    assert_lists_as_query (book, model, &filters[0]);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 20000);
  }
}

static char *
expected_description (const DaftariTxn *txn)
{
  if (*txn->memo)
    return g_strdup (txn->memo);
  if (*txn->payee)
    return g_strdup (txn->payee);
  if (g_str_equal (txn->channel, "till"))
    return g_strdup_printf ("Till %s", txn->counterparty);
  return NULL;
}

static gint64
account_amount (const DaftariTxn *txn, gint64 account)
{
  gint64 sum = 0;

  for (guint i = 0; i < txn->splits->len; i++)
    if (daftari_txn_get_split (txn, i)->account_id == account)
      sum += daftari_txn_get_split (txn, i)->amount;
  return sum;
}

static void
assert_item_is_txn (DaftariBook *book, DaftariLedgerItem *item, gint64 focus)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariTxn) txn = daftari_ledger_get (book, daftari_ledger_item_get_id (item), &error);
  g_autofree char *date = NULL;
  g_autofree char *description = NULL;
  g_autofree char *amount = NULL;
  g_autoptr(DaftariAccount) account = focus ? daftari_account_get (book, focus, NULL) : NULL;
  const DaftariCommodity *commodity = account ? account->commodity : daftari_book_get_currency (book);
  gint64 minor;

  g_assert_no_error (error);
  date = daftari_calendar_format_date (daftari_book_get_calendar (book), txn->ts);
  g_assert_cmpint (daftari_ledger_item_get_ts (item), ==, txn->ts);
  g_assert_cmpstr (daftari_ledger_item_get_date (item), ==, date);
  g_assert_cmpstr (daftari_ledger_item_get_kind (item), ==, daftari_txn_kind_to_string (txn->kind));
  g_assert_cmpint (daftari_ledger_item_get_voided (item), ==, txn->voided);
  description = expected_description (txn);
  if (description != NULL)
    g_assert_cmpstr (daftari_ledger_item_get_description (item), ==, description);
  g_assert_cmpstr (daftari_ledger_item_get_description (item), !=, "");

  minor = focus ? account_amount (txn, focus) : daftari_txn_get_principal (txn);
  g_assert_cmpint (daftari_ledger_item_get_amount_minor (item), ==, minor);
  amount = daftari_money_format (minor, commodity, 0);
  g_assert_cmpstr (daftari_ledger_item_get_amount (item), ==, txn->voided ? "" : amount);

  for (guint i = 0; i < txn->splits->len; i++)
    {
      const DaftariSplit *split = daftari_txn_get_split (txn, i);
      g_autoptr(DaftariAccount) leg = daftari_account_get (book, split->account_id, NULL);

      if (split->role != DAFTARI_SPLIT_FEE)
        g_assert_nonnull (strstr (daftari_ledger_item_get_accounts (item), leg->name));
    }
  if (txn->splits->len >= 2)
    g_assert_nonnull (strstr (daftari_ledger_item_get_accounts (item), " → "));
  if (!focus)
    g_assert_cmpstr (daftari_ledger_item_get_balance (item), ==, "");
}

static void
test_items (void)
{
  const gint64 focuses[] = { 0, shared->mpesa, shared->bitcoin, shared->kcb };
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);

  for (guint f = 0; f < G_N_ELEMENTS (focuses); f++)
    {
      DaftariTxnFilter filter;
      g_autoptr(DaftariLedgerModel) model = NULL;
      guint n;

      daftari_txn_filter_init (&filter);
      filter.account_id = focuses[f];
      filter.include_voided = TRUE;
      model = daftari_ledger_model_new (shared->book, &filter);
      n = g_list_model_get_n_items (G_LIST_MODEL (model));
      g_assert_cmpuint (n, >, 0);
      for (guint k = 0; k < 300; k++)
        {
          guint position = k < 4 ? (guint[]) { 0, MIN (127, n - 1), MIN (128, n - 1), n - 1 }[k]
                                 : (guint) g_rand_int_range (rand, 0, n);
          g_autoptr(DaftariLedgerItem) item = item_at (model, position);
          g_autoptr(DaftariLedgerItem) again = item_at (model, position);

          /* The same object while its page is kept. */
          g_assert_true (item == again);
          assert_item_is_txn (shared->book, item, focuses[f]);
        }
    }
}

/* Bitcoin shows in BTC; the unfiltered list in the book currency; a void
 * keeps its description but moved nothing. */
static void
test_item_texts (void)
{
  DaftariTxnFilter filter;
  g_autoptr(DaftariLedgerModel) model = NULL;
  g_autoptr(DaftariLedgerItem) item = NULL;
  g_autofree char *date = NULL, *kind = NULL, *description = NULL, *accounts = NULL;
  g_autofree char *amount = NULL, *balance = NULL;
  gint64 id = 0, ts = 0, amount_minor = 0, balance_minor = 0;
  gboolean voided = TRUE;
  guint position;

  daftari_txn_filter_init (&filter);
  filter.account_id = shared->bitcoin;
  model = daftari_ledger_model_new (shared->book, &filter);
  item = item_at (model, 0);
  g_assert_true (g_str_has_prefix (daftari_ledger_item_get_amount (item), "BTC "));
  g_assert_true (g_str_has_prefix (daftari_ledger_item_get_balance (item), "BTC "));
  g_assert_cmpstr (daftari_ledger_item_get_accounts (item), ==, "KCB Business → Bitcoin");
  g_clear_object (&item);
  g_clear_object (&model);

  /* Properties, as a GtkExpression reads them. */
  filter.account_id = 0;
  model = daftari_ledger_model_new (shared->book, &filter);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == DAFTARI_TYPE_LEDGER_ITEM);
  item = item_at (model, 0);
  g_object_get (item, "id", &id, "ts", &ts, "date", &date, "kind", &kind, "description", &description,
                "accounts", &accounts, "amount", &amount, "amount-minor", &amount_minor,
                "balance", &balance, "balance-minor", &balance_minor, "voided", &voided, NULL);
  g_assert_cmpint (id, ==, daftari_ledger_item_get_id (item));
  g_assert_cmpint (ts, ==, END_TS + 3600);
  g_assert_cmpstr (date, ==, "2025-06-15");
  g_assert_cmpstr (kind, ==, "income");
  g_assert_cmpstr (description, ==, "Newest");
  g_assert_cmpstr (accounts, ==, "Sales → M-PESA");
  g_assert_cmpstr (amount, ==, "KES 1.00");
  g_assert_cmpint (amount_minor, ==, 100);
  g_assert_cmpstr (balance, ==, "");
  g_assert_cmpint (balance_minor, ==, 0);
  g_assert_false (voided);
  g_clear_object (&item);

  filter.include_voided = TRUE;
  filter.text = "To be voided";
  daftari_ledger_model_set_filter (model, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  item = item_at (model, 0);
  g_assert_true (daftari_ledger_item_get_voided (item));
  g_assert_cmpstr (daftari_ledger_item_get_description (item), ==, "To be voided");
  g_assert_cmpstr (daftari_ledger_item_get_amount (item), ==, "");
  g_assert_cmpstr (daftari_ledger_item_get_accounts (item), ==, "");
  position = daftari_ledger_model_find (model, daftari_ledger_item_get_id (item));
  g_assert_cmpuint (position, ==, 0);
  g_assert_cmpuint (daftari_ledger_model_find (model, 424242424), ==, G_MAXUINT);
}

static gint64
post_bare (DaftariBook *book, DaftariTxnKind kind, gint64 from, gint64 to, gint64 amount, gint64 ts,
           const char *channel, const char *counterparty, const char *reference)
{
  g_autoptr(DaftariTxn) txn = daftari_txn_new (kind, ts);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  daftari_txn_set_text (&txn->channel, channel);
  daftari_txn_set_text (&txn->counterparty, counterparty);
  daftari_txn_set_text (&txn->reference, reference);
  daftari_txn_add_split (txn, from, -amount, -amount, DAFTARI_SPLIT_NORMAL);
  daftari_txn_add_split (txn, to, amount, amount, DAFTARI_SPLIT_NORMAL);
  daftari_ledger_post (book, txn, &id, &error);
  g_assert_no_error (error);
  return id;
}

/* With no memo and no payee, a row says who was paid, else what it is. */
static void
test_descriptions (void)
{
  g_autoptr(Book) b = book_new (300, FALSE);
  gint64 fuel = account_id (b->book, "Fuel");
  gint64 ts = END_TS + 60;
  struct { gint64 id; const char *description, *accounts; } rows[] = {
    { post_bare (b->book, DAFTARI_TXN_PAYMENT, b->mpesa, fuel, 50000, ts, "till", "532100", ""),
      "Till 532100", "M-PESA → Fuel" },
    { post_bare (b->book, DAFTARI_TXN_PAYMENT, b->mpesa, fuel, 100, ts, "paybill", "888880", "A-7"),
      "Paybill 888880, account A-7", "M-PESA → Fuel" },
    { post_bare (b->book, DAFTARI_TXN_PAYMENT, b->mpesa, fuel, 200, ts, "pochi", "254712345678", ""),
      "Pochi la Biashara 254712345678", "M-PESA → Fuel" },
    { post_bare (b->book, DAFTARI_TXN_EXPENSE, b->mpesa, fuel, 300, ts, "", "", ""),
      "Money out", "M-PESA → Fuel" },
    { post_bare (b->book, DAFTARI_TXN_TRANSFER, b->mpesa, b->kcb, 400, ts, "transfer", "", ""),
      "Transfer", "M-PESA → KCB Business" },
  };
  g_autoptr(DaftariLedgerModel) model = daftari_ledger_model_new (b->book, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      guint position = daftari_ledger_model_find (model, rows[i].id);
      g_autoptr(DaftariLedgerItem) item = item_at (model, position);

      /* One second, newest (highest number) first. */
      g_assert_cmpuint (position, ==, G_N_ELEMENTS (rows) - 1 - i);
      g_assert_cmpstr (daftari_ledger_item_get_description (item), ==, rows[i].description);
      g_assert_cmpstr (daftari_ledger_item_get_accounts (item), ==, rows[i].accounts);
    }
}

/* The account's balance after (ts, id), from the core's own queries only. */
static gint64
expected_balance (DaftariBook *book, gint64 account, gint64 ts, gint64 id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) second = NULL;
  DaftariTxnFilter filter;
  gint64 balance = 0;

  g_assert_true (daftari_query_balance (book, account, ts, &balance, &error));
  g_assert_no_error (error);
  daftari_txn_filter_init (&filter);
  filter.from_ts = filter.to_ts = ts;
  filter.account_id = account;
  second = daftari_query_transactions (book, &filter, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < second->len; i++)
    {
      const DaftariTxn *txn = g_ptr_array_index (second, i);
      if (txn->id > id)
        balance -= account_amount (txn, account);
    }
  return balance;
}

static void
assert_balances (DaftariBook *book, DaftariLedgerModel *model, gint64 account, gint64 sign, guint stride)
{
  g_autoptr(DaftariAccount) info = daftari_account_get (book, account, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  guint same_second_rows = 0;
  gint64 previous_ts = G_MININT64;

  for (guint i = 0; i < n; i += (i % 128 == 0 || i % 128 == 127) ? 1 : stride)
    {
      g_autoptr(DaftariLedgerItem) item = item_at (model, i);
      gint64 ts = daftari_ledger_item_get_ts (item);
      gint64 expected = sign * expected_balance (book, account, ts, daftari_ledger_item_get_id (item));
      g_autofree char *text = daftari_money_format (expected, info->commodity, 0);

      g_assert_cmpint (daftari_ledger_item_get_balance_minor (item), ==, expected);
      g_assert_cmpstr (daftari_ledger_item_get_balance (item), ==, text);
      same_second_rows += ts == previous_ts;
      previous_ts = ts;
    }
  g_test_message ("%u rows checked in pairs of the same second", same_second_rows);
}

static void
test_running_balances (void)
{
  DaftariBook *book = shared->book;
  DaftariCalendar *calendar = daftari_book_get_calendar (book);
  struct { gint64 account; const char *text; DaftariMonth month; gint64 category; guint stride; } cases[] = {
    { shared->mpesa, NULL, 0, 0, 1 },
    { shared->mpesa, "Same second", 0, 0, 1 },   /* sparse rows: hidden rows count too */
    { shared->mpesa, "KAMAU", 0, 0, 1 },
    { shared->mpesa, NULL, 202505, 0, 1 },
    { shared->mpesa, NULL, 0, shared->stock, 1 },
    { shared->kcb, NULL, 0, 0, 3 },
    { shared->cash, NULL, 0, 0, 3 },
    { shared->bitcoin, NULL, 0, 0, 1 },
    { shared->sales, NULL, 0, 0, 7 },            /* income: read sign-flipped */
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      DaftariTxnFilter filter;
      g_autoptr(DaftariLedgerModel) model = NULL;
      g_autoptr(DaftariAccount) account = daftari_account_get (book, cases[c].account, NULL);

      daftari_txn_filter_init (&filter);
      filter.account_id = cases[c].account;
      filter.text = cases[c].text;
      filter.category_id = cases[c].category;
      if (cases[c].month)
        {
          daftari_calendar_month_range (calendar, cases[c].month, &filter.from_ts, &filter.to_ts);
          filter.to_ts--;
        }
      model = daftari_ledger_model_new (book, &filter);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 0);
      assert_balances (book, model, cases[c].account,
                       daftari_account_kind_is_credit (account->kind) ? -1 : 1, cases[c].stride);
    }
}

typedef struct {
  guint before;     /* n_items before the change, set by the test */
  guint calls;
  guint position, removed, added;
  guint notified;
} Changes;

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, Changes *changes)
{
  changes->calls++;
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
  /* The model is already in its new state when it says so. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, changes->before - removed + added);
}

static void
on_n_items (GObject *object, GParamSpec *pspec, Changes *changes)
{
  changes->notified++;
}

static void
expect_change (Changes *changes, guint removed, guint added)
{
  g_assert_cmpuint (changes->calls, ==, 1);
  g_assert_cmpuint (changes->position, ==, 0);
  g_assert_cmpuint (changes->removed, ==, removed);
  g_assert_cmpuint (changes->added, ==, added);
  g_assert_cmpuint (changes->notified, ==, removed != added);
  *changes = (Changes) { .before = added };
}

static void
test_refresh (void)
{
  g_autoptr(Book) b = book_new (3000, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariLedgerModel) all = daftari_ledger_model_new (b->book, NULL);
  g_autoptr(DaftariLedgerModel) mpesa = NULL;
  g_autoptr(DaftariLedgerModel) with_voids = NULL;
  DaftariTxnFilter filter;
  Changes changes = { 0 };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (all));
  guint n_mpesa, position;
  gint64 newest, backdated;

  daftari_txn_filter_init (&filter);
  filter.account_id = b->mpesa;
  mpesa = daftari_ledger_model_new (b->book, &filter);
  n_mpesa = g_list_model_get_n_items (G_LIST_MODEL (mpesa));
  daftari_txn_filter_init (&filter);
  filter.include_voided = TRUE;
  with_voids = daftari_ledger_model_new (b->book, &filter);
  g_signal_connect (all, "items-changed", G_CALLBACK (on_items_changed), &changes);
  g_signal_connect (all, "notify::n-items", G_CALLBACK (on_n_items), &changes);
  /* Fill the cache, so that a refresh that kept stale pages would show. */
  for (guint i = 0; i < n_mpesa; i += 50)
    g_object_unref (item_at (mpesa, i));
  changes.before = n;

  /* Nothing changed: still one whole-range change. */
  g_assert_true (daftari_ledger_model_refresh (all, &error));
  g_assert_no_error (error);
  expect_change (&changes, n, n);

  newest = record (b->book, DAFTARI_TXN_INCOME, b->mpesa, b->sales, 12345, END_TS + 60, "After the rest");
  backdated = record (b->book, DAFTARI_TXN_INCOME, b->mpesa, b->sales, 500000, END_TS - 30 * 86400,
                      "Back-dated");
  g_assert_true (daftari_ledger_model_refresh (all, &error));
  g_assert_no_error (error);
  expect_change (&changes, n, n + 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, n + 2);
  g_assert_cmpuint (daftari_ledger_model_find (all, newest), ==, 0);
  g_assert_cmpint (id_at (all, 0), ==, newest);
  position = daftari_ledger_model_find (all, backdated);
  g_assert_cmpuint (position, !=, G_MAXUINT);
  g_assert_cmpint (id_at (all, position), ==, backdated);
  assert_lists_as_query (b->book, all, daftari_ledger_model_get_filter (all));

  /* The running balances of rows after the back-dated one moved. */
  g_assert_true (daftari_ledger_model_refresh (mpesa, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mpesa)), ==, n_mpesa + 2);
  assert_balances (b->book, mpesa, b->mpesa, 1, 5);

  daftari_ledger_void (b->book, backdated, &error);
  g_assert_no_error (error);
  g_assert_true (daftari_ledger_model_refresh (all, &error));
  expect_change (&changes, n + 2, n + 1);
  g_assert_cmpuint (daftari_ledger_model_find (all, backdated), ==, G_MAXUINT);
  assert_lists_as_query (b->book, all, daftari_ledger_model_get_filter (all));
  g_assert_true (daftari_ledger_model_refresh (mpesa, &error));
  assert_balances (b->book, mpesa, b->mpesa, 1, 5);
  g_assert_true (daftari_ledger_model_refresh (with_voids, &error));
  {
    g_autoptr(DaftariLedgerItem) item = NULL;
    position = daftari_ledger_model_find (with_voids, backdated);
    g_assert_cmpuint (position, !=, G_MAXUINT);
    item = item_at (with_voids, position);
    g_assert_true (daftari_ledger_item_get_voided (item));
  }

  /* A new filter: one change from the old rows to the new. */
  daftari_txn_filter_init (&filter);
  filter.text = "Back-dated";
  filter.include_voided = TRUE;
  daftari_ledger_model_set_filter (all, &filter);
  expect_change (&changes, n + 1, 1);
  filter.text = NULL;   /* the model keeps its own copy */
  g_assert_cmpstr (daftari_ledger_model_get_filter (all)->text, ==, "Back-dated");
  g_assert_cmpint (id_at (all, 0), ==, backdated);
}

static void
test_cache_bound (void)
{
  g_autoptr(Book) b = book_new (100000, FALSE);
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);

  /* Every row, then an account's rows with their running balances. */
  for (guint f = 0; f < 2; f++)
    {
      guint max_pages = 0;
      DaftariTxnFilter filter;
      g_autoptr(DaftariLedgerModel) model = NULL;
      guint n;

      daftari_txn_filter_init (&filter);
      filter.account_id = f ? b->mpesa : 0;
      model = daftari_ledger_model_new (b->book, &filter);
      n = g_list_model_get_n_items (G_LIST_MODEL (model));
      g_assert_cmpuint (n, >=, f ? 50000 : 100000);
      g_assert_cmpuint (daftari_ledger_model_get_cached_pages (model), ==, 0);
      /* Down to the end and back up, as a scrolling list asks. */
      for (guint i = 0; i < 2 * n; i++)
        {
          guint position = i < n ? i : 2 * n - 1 - i;
          g_autoptr(DaftariLedgerItem) item = item_at (model, position);
          guint pages = daftari_ledger_model_get_cached_pages (model);

          g_assert_nonnull (item);
          g_assert_cmpuint (pages, <=, DAFTARI_LEDGER_MAX_PAGES);
          max_pages = MAX (max_pages, pages);
        }
      for (guint i = 0; i < 3000; i++)
        {
          g_autoptr(DaftariLedgerItem) item = item_at (model, g_rand_int_range (rand, 0, n));
          g_assert_nonnull (item);
          g_assert_cmpuint (daftari_ledger_model_get_cached_pages (model), <=, DAFTARI_LEDGER_MAX_PAGES);
        }
      g_assert_cmpuint (max_pages, ==, DAFTARI_LEDGER_MAX_PAGES);
      /* A refresh drops every page. */
      g_assert_true (daftari_ledger_model_refresh (model, NULL));
      g_assert_cmpuint (daftari_ledger_model_get_cached_pages (model), ==, 0);
    }
}

/* When the book cannot be read the model keeps what it had, says why, and
 * still answers for every position it announced. */
static void
test_errors (void)
{
  g_autoptr(Book) b = book_new (2000, FALSE);
  g_autoptr(DaftariLedgerModel) model = daftari_ledger_model_new (b->book, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariLedgerItem) item = NULL;
  DaftariTxnFilter filter;
  sqlite3 *db = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  gint64 last_id = id_at (model, n - 1);   /* only the last page is cached */

  g_assert_cmpint (sqlite3_open (b->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "ALTER TABLE txn RENAME TO txn_away", NULL, NULL, NULL), ==, SQLITE_OK);

  g_test_expect_message ("Daftari", G_LOG_LEVEL_WARNING, "Cannot list*");
  g_assert_false (daftari_ledger_model_refresh (model, &error));
  g_test_assert_expected_messages ();
  g_assert_nonnull (error);
  g_assert_nonnull (daftari_ledger_model_get_error (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);
  g_assert_cmpuint (daftari_ledger_model_get_cached_pages (model), ==, 1);

  /* The same failure again is not logged again. */
  daftari_txn_filter_init (&filter);
  filter.text = "KAMAU";
  daftari_ledger_model_set_filter (model, &filter);
  g_assert_nonnull (daftari_ledger_model_get_error (model));
  g_assert_null (daftari_ledger_model_get_filter (model)->text);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);
  g_assert_cmpint (id_at (model, n - 1), ==, last_id);

  /* A page that cannot be read: a row with just its number. */
  item = item_at (model, 0);
  g_assert_nonnull (daftari_ledger_model_get_error (model));
  g_assert_cmpint (daftari_ledger_item_get_id (item), >, 0);
  g_assert_cmpstr (daftari_ledger_item_get_description (item), ==, "");

  g_assert_cmpint (sqlite3_exec (db, "ALTER TABLE txn_away RENAME TO txn", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_clear_error (&error);
  g_assert_true (daftari_ledger_model_refresh (model, &error));
  g_assert_no_error (error);
  g_assert_null (daftari_ledger_model_get_error (model));
  assert_lists_as_query (b->book, model, daftari_ledger_model_get_filter (model));
}

static void
test_wallets (void)
{
  g_autoptr(Book) b = book_new (2000, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) list = daftari_wallet_list_new (b->book, &error);
  static const struct { const char *name, *kind, *institution, *commodity, *icon; } expected[] = {
    { "M-PESA", "mpesa", "", "KES", "phone-symbolic" },
    { "KCB Business", "bank", "KCB", "KES", "auth-smartcard-symbolic" },
    { "Equity", "bank", "Equity", "KES", "auth-smartcard-symbolic" },
    { "Cash box", "cash", "", "KES", "package-x-generic-symbolic" },
    { "Bitcoin", "crypto", "", "BTC", "channel-secure-symbolic" },
    { "Ether", "crypto", "", "ETH", "channel-secure-symbolic" },
  };
  DaftariAccountSpec ether = { .name = "Ether", .kind = DAFTARI_ACCOUNT_CRYPTO, .commodity = "ETH" };
  Changes changes = { 0 };

  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == DAFTARI_TYPE_WALLET_ITEM);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);
  daftari_account_add (b->book, &ether, NULL, &error);
  g_assert_no_error (error);
  daftari_account_set_archived (b->book, b->cash, TRUE, &error);
  g_assert_no_error (error);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changes);
  changes.before = 5;
  g_assert_true (daftari_wallet_list_reload (list, b->book, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (changes.removed, ==, 5);
  g_assert_cmpuint (changes.added, ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(DaftariWalletItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *name = NULL, *kind = NULL, *institution = NULL, *commodity = NULL;
      g_autofree char *balance = NULL, *value = NULL, *icon = NULL, *balance_text = NULL;
      gint64 id = 0, balance_minor = 0, value_minor = 0, current = 0, book_value = 0;
      gboolean has_rate = FALSE, archived = FALSE;

      g_object_get (item, "id", &id, "name", &name, "kind", &kind, "institution", &institution,
                    "commodity", &commodity, "balance", &balance, "balance-minor", &balance_minor,
                    "value", &value, "value-minor", &value_minor, "has-rate", &has_rate,
                    "archived", &archived, "icon-name", &icon, NULL);
      g_assert_cmpstr (name, ==, expected[i].name);
      g_assert_cmpstr (kind, ==, expected[i].kind);
      g_assert_cmpstr (institution, ==, expected[i].institution);
      g_assert_cmpstr (commodity, ==, expected[i].commodity);
      g_assert_cmpstr (icon, ==, expected[i].icon);
      g_assert_cmpint (archived, ==, id == b->cash);
      g_assert_true (daftari_query_current_balance (b->book, id, &current, NULL));
      g_assert_cmpint (balance_minor, ==, current);
      balance_text = daftari_money_format (current, daftari_commodity_lookup (commodity), 0);
      g_assert_cmpstr (balance, ==, balance_text);
      if (g_str_equal (commodity, "ETH"))
        {
          g_assert_false (has_rate);
          g_assert_cmpstr (value, ==, "");
          g_assert_cmpint (value_minor, ==, 0);
          continue;
        }
      g_assert_true (has_rate);
      g_assert_true (daftari_rates_value (b->book, daftari_commodity_lookup (commodity), current,
                                          G_MAXINT64, &book_value, NULL));
      g_assert_cmpint (value_minor, ==, book_value);
      g_assert_true (g_str_has_prefix (value, "KES "));
      if (g_str_equal (commodity, "KES"))
        g_assert_cmpstr (value, ==, balance);
      else
        g_assert_cmpint (value_minor, >, 0);
    }
}

static long
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return -1;
  return strtol (line + strlen ("VmRSS:"), NULL, 10);
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
sqlite_cache_mb (DaftariBook *book)
{
  int used = 0, highwater = 0;

  sqlite3_db_status (daftari_book_get_db (book), SQLITE_DBSTATUS_CACHE_USED, &used, &highwater, FALSE);
  return used / (1024.0 * 1024.0);
}

static void
bench_model (DaftariBook *book, const char *label, const DaftariTxnFilter *filter)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(DaftariLedgerModel) model = NULL;
  gint64 start = g_get_monotonic_time ();
  double open_ms, uncached_ms, cached_us, scroll_ms;
  guint n;
  const guint uncached = 500, cached = 200000;

  model = daftari_ledger_model_new (book, filter);
  open_ms = ms_since (start);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));

  /* Far apart: a page to read every time. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < uncached; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), g_rand_int_range (rand, 0, n)));
  uncached_ms = ms_since (start) / uncached;

  start = g_get_monotonic_time ();
  for (guint i = 0; i < cached; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), n / 2 + i % MIN (n / 2, 64)));
  cached_us = ms_since (start) * 1000.0 / cached;

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
  scroll_ms = ms_since (start);

  printf ("# %-17s %7u rows: open %6.1f ms; get_item: uncached page %.3f ms, cached %.2f us;"
          " every row in order %5.0f ms; RSS %5.1f MB\n",
          label, n, open_ms, uncached_ms, cached_us, scroll_ms, rss_kib () / 1024.0);
}

/* In a process of its own (see test_bench), so that its memory figures are
 * the model's and SQLite's, not the generator's. */
static void
test_bench_measure (void)
{
  const char *path = g_getenv ("DAFTARI_BENCH_LISTING_BOOK");
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariBook) book = NULL;
  g_autoptr(DaftariLedgerModel) model = NULL;
  DaftariTxnFilter filter;
  gint64 start;
  long rss;

  if (!g_test_subprocess () || path == NULL)
    {
      g_test_skip ("run by /listing/bench/run");
      return;
    }
  /* As the app opens a book: a fresh connection. */
  book = daftari_book_open (path, &error);
  g_assert_no_error (error);
  rss = rss_kib ();
  start = g_get_monotonic_time ();
  model = daftari_ledger_model_new (book, NULL);
  printf ("# first model of all rows: %.1f ms; RSS %.1f → %.1f MB (ids %.1f MB, SQLite's page cache %.1f MB)\n",
          ms_since (start), rss / 1024.0, rss_kib () / 1024.0,
          g_list_model_get_n_items (G_LIST_MODEL (model)) * sizeof (gint64) / (1024.0 * 1024.0),
          sqlite_cache_mb (book));
  {
    guint last = g_list_model_get_n_items (G_LIST_MODEL (model)) - 1;
    gint64 oldest = id_at (model, last);

    start = g_get_monotonic_time ();
    g_assert_cmpuint (daftari_ledger_model_find (model, oldest), ==, last);
    printf ("# find the oldest row: %.2f ms\n", ms_since (start));
  }
  g_clear_object (&model);

  daftari_txn_filter_init (&filter);
  bench_model (book, "all", &filter);
  filter.account_id = account_id (book, "M-PESA");
  bench_model (book, "M-PESA, balances", &filter);
  filter.text = "KAMAU";
  bench_model (book, "M-PESA + text", &filter);
  daftari_txn_filter_init (&filter);
  filter.text = "KAMAU";
  bench_model (book, "text", &filter);
  daftari_txn_filter_init (&filter);
  filter.from_ts = END_TS - 30 * 86400;
  bench_model (book, "last 30 days", &filter);
  printf ("# at the end: RSS %.1f MB, SQLite's page cache %.1f MB (its limit: 128 MB)\n",
          rss_kib () / 1024.0, sqlite_cache_mb (book));
}

static void
test_bench (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  const DaftariBookSetup setup = { "Bench Shop", "KES", "Africa/Nairobi" };

  if (g_strcmp0 (g_getenv ("DAFTARI_BENCH_LISTING"), "1") != 0)
    {
      g_test_skip ("set DAFTARI_BENCH_LISTING=1 to time a 1,000,000-transaction book");
      return;
    }
  /* DAFTARI_BENCH_LISTING_BOOK: a book generated before, to reuse. */
  if (g_getenv ("DAFTARI_BENCH_LISTING_BOOK") == NULL)
    {
      g_autoptr(DaftariBook) book = NULL;
      gint64 start = g_get_monotonic_time ();

      dir = g_dir_make_tmp ("daftari-bench-listing-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (dir, "book.daftari", NULL);
      book = daftari_book_create (path, &setup, &error);
      g_assert_no_error (error);
      daftari_generator_fill (book, 1, 1000000, END_TS, &error);
      g_assert_no_error (error);
      daftari_book_checkpoint (book, NULL);
      printf ("# generated 1,000,000 transactions in %.1f s\n", ms_since (start) / 1000.0);
      g_setenv ("DAFTARI_BENCH_LISTING_BOOK", path, TRUE);
    }
  g_test_trap_subprocess ("/listing/bench/measure", 0,
                          G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  if (dir != NULL)
    {
      daftari_book_remove_files (path);
      g_rmdir (dir);
    }
}

int
main (int argc, char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  daftari_core_init ();
  shared = book_new (20000, TRUE);

  g_test_add_func ("/listing/ledger/filters", test_filters);
  g_test_add_func ("/listing/ledger/items", test_items);
  g_test_add_func ("/listing/ledger/item-texts", test_item_texts);
  g_test_add_func ("/listing/ledger/descriptions", test_descriptions);
  g_test_add_func ("/listing/ledger/running-balances", test_running_balances);
  g_test_add_func ("/listing/ledger/refresh", test_refresh);
  g_test_add_func ("/listing/ledger/cache-bound", test_cache_bound);
  g_test_add_func ("/listing/ledger/errors", test_errors);
  g_test_add_func ("/listing/wallets", test_wallets);
  g_test_add_func ("/listing/bench/run", test_bench);
  g_test_add_func ("/listing/bench/measure", test_bench_measure);
  status = g_test_run ();
  book_free (shared);
  return status;
}
