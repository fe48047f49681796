/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Scheduled items in the forecast: each occurrence moves money on its own
 * day, exactly, in the wallets it touches. */
#include "daftari-cashflow-private.h"

#include "daftari-recurrence.h"

/* An occurrence's effect on the wallets counted: money in or out of its
 * wallet, and for a transfer the amount arriving in its target. A transfer
 * between two counted wallets leaves only its fee. */
static gint64
occurrence_effect (const CfHistory *history, const DaftariOccurrence *o)
{
  gint64 effect = 0;

  if (cf_history_counts (history, o->wallet_id))
    effect += o->kind == DAFTARI_TXN_INCOME ? o->amount : -(o->amount + o->fee);
  if (o->kind == DAFTARI_TXN_TRANSFER && cf_history_counts (history, o->target_id))
    effect += o->amount;
  return effect;
}

void
cf_plan_add_occurrences (CfPlan *plan, const CfHistory *history, GArray *occurrences)
{
  for (guint i = 0; i < occurrences->len; i++)
    {
      const DaftariOccurrence *o = &g_array_index (occurrences, DaftariOccurrence, i);
      /* What fell due and was not posted yet is still to be paid: at once. */
      DaftariDay day = MAX (o->day, plan->from_day);
      DaftariCashflowItem item = { DAFTARI_CASHFLOW_ITEM_SCHEDULED, o->schedule_id, day, 0, o->day, 0 };

      item.amount = occurrence_effect (history, o);
      if (day > plan->to_day || item.amount == 0)
        continue;
      plan->scheduled[daftari_day_diff (plan->from_day, day)] += item.amount;
      g_array_append_val (plan->items, item);
    }
}

static int
by_day (gconstpointer a, gconstpointer b)
{
  const DaftariOccurrence *x = a, *y = b;
  return x->day != y->day ? (x->day > y->day ? 1 : -1) : (x->schedule_id > y->schedule_id) - (x->schedule_id < y->schedule_id);
}

GArray *
cf_history_occurrences (const CfHistory *history, DaftariDay from_day, DaftariDay to_day)
{
  GArray *occurrences = g_array_new (FALSE, FALSE, sizeof (DaftariOccurrence));

  for (guint i = 0; i < history->schedules->len; i++)
    {
      const DaftariSchedule *s = g_ptr_array_index (history->schedules, i);
      DaftariDay last = s->end_day != 0 ? MIN (s->end_day, to_day) : to_day;

      /* A schedule that had not started yet was not known on from_day. */
      if (s->start_day > from_day)
        continue;
      for (DaftariDay day = daftari_recurrence_first (&s->rule, s->start_day); day != 0 && day <= last;)
        {
          DaftariDay next = daftari_recurrence_next (&s->rule, day);

          if (day >= from_day)
            {
              DaftariOccurrence o = { s->id, day, s->kind, s->wallet_id, s->target_id, s->amount, s->fee };
              g_array_append_val (occurrences, o);
            }
          if (next <= day)
            break;
          day = next;
        }
    }
  g_array_sort (occurrences, by_day);
  return occurrences;
}
