/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-balance-chain.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "daftari-import-time.h"
#include "daftari-money.h"

static int
compare_gint64 (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return (x > y) - (x < y);
}

typedef struct {
  DaftariImportRow **rows;   /* one second's rows, oldest first as far as known */
  guint              n;
  gint64            *sorted; /* their balances, sorted */
} Group;

static gboolean
in_group (const Group *g, gint64 balance)
{
  return bsearch (&balance, g->sorted, g->n, sizeof (gint64), compare_gint64) != NULL;
}

static void
report (DaftariImportParse *parse, const DaftariImportRow *row)
{
  g_autofree char *when = daftari_import_format_eat_time (row->ts);
  g_autofree char *amount = daftari_money_format (row->amount, daftari_commodity_lookup ("KES"),
                                                  DAFTARI_MONEY_FORMAT_DEFAULT);

  daftari_import_parse_problem (parse, row->line, FALSE,
                                _("%s %s %s: the balance does not follow from the row before"),
                                when, row->receipt, amount);
}

/* Each row must start from the balance before the group or from another
 * row's, and the group's net must lead to one of its balances. Reports
 * (when asked) the rows that fail; returns TRUE when none does. */
static gboolean
check_group (DaftariImportParse *parse, const Group *g, gint64 before, gboolean reporting,
             gint64 *out_after)
{
  gint64 net = 0, after = 0;
  gboolean ok = TRUE, net_ok = TRUE;

  for (guint i = 0; i < g->n; i++)
    {
      DaftariImportRow *row = g->rows[i];
      gint64 start;
      gboolean row_ok = !__builtin_sub_overflow (row->balance, row->amount, &start) &&
                        (start == before || in_group (g, start));

      net_ok = net_ok && !__builtin_add_overflow (net, row->amount, &net);
      if (!row_ok && reporting)
        report (parse, row);
      ok = ok && row_ok;
    }
  net_ok = net_ok && !__builtin_add_overflow (before, net, &after) && in_group (g, after);
  if (ok && !net_ok && reporting)
    report (parse, g->rows[g->n - 1]);
  *out_after = ok && net_ok ? after : g->rows[g->n - 1]->balance;
  return ok && net_ok;
}

/* The first group has nothing before it: any balance before that makes
 * the group consistent will do. Tried only for small groups, to stay
 * linear on hostile input. */
static gint64
check_first_group (DaftariImportParse *parse, const Group *g)
{
  gint64 net = 0, after, before;

  for (guint i = 0; i < g->n; i++)
    if (__builtin_add_overflow (net, g->rows[i]->amount, &net))
      return g->rows[g->n - 1]->balance;
  for (guint i = 0; i < g->n && g->n <= 16; i++)
    if (!__builtin_sub_overflow (g->rows[i]->balance, net, &before) &&
        check_group (parse, g, before, FALSE, &after))
      return after;
  if (g->n > 16 || g->n == 1 || __builtin_sub_overflow (g->rows[0]->balance, g->rows[0]->amount, &before))
    return g->rows[g->n - 1]->balance;
  check_group (parse, g, before, TRUE, &after);
  return after;
}

void
daftari_balance_chain_check (DaftariImportParse *parse, GArray *chain)
{
  GPtrArray *rows = parse->rows;
  g_autoptr(GPtrArray) group = g_ptr_array_new ();
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean known = FALSE, newest_first;
  gint64 before = 0;
  guint n = chain->len;

  if (rows->len < 2)
    return;
  newest_first = ((DaftariImportRow *) rows->pdata[0])->ts >=
                 ((DaftariImportRow *) rows->pdata[rows->len - 1])->ts;
  for (guint k = 0; k < n;)
    {
      guint idx = g_array_index (chain, guint, newest_first ? n - 1 - k : k);
      DaftariImportRow *first;
      gboolean all_balanced = TRUE;

      if (idx == DAFTARI_BALANCE_CHAIN_GAP)
        {
          known = FALSE, k++;
          continue;
        }
      first = rows->pdata[idx];
      g_ptr_array_set_size (group, 0);
      g_array_set_size (sorted, 0);
      for (; k < n; k++)
        {
          guint j = g_array_index (chain, guint, newest_first ? n - 1 - k : k);
          DaftariImportRow *row;
          if (j == DAFTARI_BALANCE_CHAIN_GAP || ((DaftariImportRow *) rows->pdata[j])->ts != first->ts)
            break;
          row = rows->pdata[j];
          all_balanced = all_balanced && row->has_balance;
          g_ptr_array_add (group, row);
          g_array_append_val (sorted, row->balance);
        }
      if (!all_balanced)
        {
          known = FALSE;
          continue;
        }
      g_array_sort (sorted, compare_gint64);
      Group g = { (DaftariImportRow **) group->pdata, group->len, &g_array_index (sorted, gint64, 0) };
      if (known)
        check_group (parse, &g, before, TRUE, &before);
      else
        before = check_first_group (parse, &g);
      known = TRUE;
    }
}
