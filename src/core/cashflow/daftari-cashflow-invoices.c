/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Open invoices in the forecast: what each still owes, on the day its
 * customer usually pays, into the wallet they usually pay into. Learned
 * only from payments made before the forecast's first day. */
#include "daftari-cashflow-private.h"

#include <stdlib.h>

#include "daftari-recurrence.h"

/* An invoice already later than its customer's habit is expected this many
 * days from the forecast's first day: it is coming, but not today. */
#define LATE_DAYS 7

typedef struct {
  gint64     wallet_id;
  guint      count;
  DaftariDay last_day;
} WalletUse;

typedef struct {
  GArray *delays;          /* of int: days from due date to payment */
  GArray *wallets;         /* of WalletUse */
} Habit;

static void
habit_free (Habit *habit)
{
  g_array_unref (habit->delays);
  g_array_unref (habit->wallets);
  g_free (habit);
}

static Habit *
habit_of (GHashTable *habits, gint64 customer_id)
{
  Habit *habit = g_hash_table_lookup (habits, &customer_id);

  if (habit == NULL)
    {
      gint64 *key = g_new (gint64, 1);
      *key = customer_id;
      habit = g_new0 (Habit, 1);
      habit->delays = g_array_new (FALSE, FALSE, sizeof (int));
      habit->wallets = g_array_new (FALSE, FALSE, sizeof (WalletUse));
      g_hash_table_insert (habits, key, habit);
    }
  return habit;
}

static void
use_wallet (GArray *wallets, gint64 wallet_id, DaftariDay day)
{
  WalletUse use = { wallet_id, 1, day };

  for (guint i = 0; i < wallets->len; i++)
    {
      WalletUse *known = &g_array_index (wallets, WalletUse, i);
      if (known->wallet_id == wallet_id)
        {
          known->count++;
          known->last_day = MAX (known->last_day, day);
          return;
        }
    }
  g_array_append_val (wallets, use);
}

/* The wallet used most often; of equals, the one used last. 0: none. */
static gint64
usual_wallet (GArray *wallets)
{
  const WalletUse *best = NULL;

  for (guint i = 0; i < wallets->len; i++)
    {
      const WalletUse *use = &g_array_index (wallets, WalletUse, i);
      if (best == NULL || use->count > best->count || (use->count == best->count && use->last_day > best->last_day))
        best = use;
    }
  return best ? best->wallet_id : 0;
}

static int
compare_int (const void *a, const void *b)
{
  int x = *(const int *) a, y = *(const int *) b;
  return (x > y) - (x < y);
}

/* The median, robust to the odd very late payment; 0 without data (on time). */
static int
median_delay (GArray *delays, gboolean *out_known)
{
  int *v = &g_array_index (delays, int, 0);
  guint n = delays->len;

  *out_known = n > 0;
  if (n == 0)
    return 0;
  qsort (v, n, sizeof (int), compare_int);
  return (v[(n - 1) / 2] + v[n / 2]) / 2;
}

static gboolean
counted_wallet (const CfHistory *history, gint64 wallet_id)
{
  if (history->wallet_id != 0)
    return wallet_id == history->wallet_id;
  /* The total counts every book-currency wallet; a customer with no
   * payment yet still pays into one of them. */
  return wallet_id == 0 || cf_history_counts (history, wallet_id);
}

void
cf_plan_add_invoices (CfPlan *plan, const CfHistory *history)
{
  g_autoptr(GHashTable) habits = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) habit_free);
  g_autoptr(GHashTable) paid = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  Habit *business = habit_of (habits, 0);   /* customer ids start at 1 */
  gboolean business_known;
  int business_delay;
  gint64 business_wallet;

  for (guint i = 0; i < history->allocations->len; i++)
    {
      const CfAllocation *a = &g_array_index (history->allocations, CfAllocation, i);
      gint64 *sum;
      int delay;

      if (a->day >= plan->from_day)
        break;
      delay = daftari_day_diff (a->due_day, a->day);
      g_array_append_val (habit_of (habits, a->customer_id)->delays, delay);
      g_array_append_val (business->delays, delay);
      sum = g_hash_table_lookup (paid, &a->invoice_id);
      if (sum == NULL)
        {
          gint64 *key = g_new (gint64, 1);
          *key = a->invoice_id;
          sum = g_new0 (gint64, 1);
          g_hash_table_insert (paid, key, sum);
        }
      *sum += a->amount;
    }
  for (guint i = 0; i < history->payments->len; i++)
    {
      const CfPayment *p = &g_array_index (history->payments, CfPayment, i);
      if (p->day >= plan->from_day)
        break;
      use_wallet (habit_of (habits, p->customer_id)->wallets, p->wallet_id, p->day);
      use_wallet (business->wallets, p->wallet_id, p->day);
    }
  business_delay = median_delay (business->delays, &business_known);
  business_wallet = usual_wallet (business->wallets);

  for (guint i = 0; i < history->invoices->len; i++)
    {
      const CfInvoice *invoice = &g_array_index (history->invoices, CfInvoice, i);
      const gint64 *sum = g_hash_table_lookup (paid, &invoice->id);
      gint64 owed = invoice->total - (sum ? *sum : 0);
      Habit *habit;
      gboolean known;
      int delay;
      gint64 wallet;
      DaftariDay day;
      DaftariCashflowItem item = { DAFTARI_CASHFLOW_ITEM_INVOICE, invoice->id, 0, owed, invoice->due_day, 0 };

      if (invoice->issue_day >= plan->from_day || (invoice->void_day != 0 && invoice->void_day < plan->from_day) ||
          owed <= 0)
        continue;
      habit = habit_of (habits, invoice->customer_id);
      delay = median_delay (habit->delays, &known);
      if (!known)
        delay = business_delay;
      wallet = usual_wallet (habit->wallets);
      if (wallet == 0)
        wallet = business_wallet;
      day = daftari_day_add (invoice->due_day, delay);
      if (day < plan->from_day)
        day = daftari_day_add (plan->from_day, LATE_DAYS);
      if (day > plan->to_day || !counted_wallet (history, wallet))
        continue;
      item.day = day;
      item.delay_days = delay;
      plan->invoiced[daftari_day_diff (plan->from_day, day)] += owed;
      g_array_append_val (plan->items, item);
    }
}
