/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Schedules falling due: what is coming, and posting what fell due. */
#include "daftari-schedule-private.h"

#include <glib/gi18n-lib.h>

#include "daftari-book-private.h"
#include "daftari-calendar.h"
#include "daftari-db.h"
#include "daftari-error.h"
#include "daftari-ledger.h"

DaftariTxn *
daftari_schedule_build (DaftariBook *book, const DaftariSchedule *s, DaftariDay day, GError **error)
{
  gint64 ts = daftari_calendar_day_noon (daftari_book_get_calendar (book), day);
  const char *memo = s->memo != NULL && *s->memo != '\0' ? s->memo : s->name;

  switch (s->kind)
    {
    case DAFTARI_TXN_INCOME:
    case DAFTARI_TXN_EXPENSE:
      return daftari_ops_build_record (book, s->kind, s->wallet_id, s->target_id, s->amount, ts, memo, error);
    case DAFTARI_TXN_TRANSFER:
      {
        DaftariTransferSpec spec = { .from_id = s->wallet_id, .to_id = s->target_id, .amount = s->amount,
                                     .fee = s->fee, .ts = ts, .memo = memo };
        return daftari_ops_build_transfer (book, &spec, error);
      }
    case DAFTARI_TXN_PAYMENT:
      {
        DaftariPaySpec spec = { .channel = s->channel, .wallet_id = s->wallet_id, .number = s->number,
                                .account = s->reference, .category_id = s->target_id, .amount = s->amount,
                                .fee = s->fee, .ts = ts, .memo = memo };
        return daftari_ops_build_payment (book, &spec, error);
      }
    default:
      g_set_error_literal (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                           _("A schedule posts income, an expense, a transfer or a payment"));
      return NULL;
    }
}

/* Active schedules with an occurrence on or before `until`. */
static GPtrArray *
due_schedules (DaftariBook *book, DaftariDay until, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT " DAFTARI_SCHEDULE_COLUMNS " FROM schedule"
      " WHERE active AND next_day != 0 AND next_day <= ? ORDER BY id", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, until);
  return daftari_schedule_collect (book, stmt, error);
}

typedef struct {
  const DaftariSchedule *schedule;
  DaftariDay             day;
} Occurrence;

static gboolean
within_end (const DaftariSchedule *s, DaftariDay day)
{
  return s->end_day == 0 || day <= s->end_day;
}

static int
compare_occurrences (gconstpointer a, gconstpointer b)
{
  const Occurrence *x = a, *y = b;

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  return (x->schedule->id > y->schedule->id) - (x->schedule->id < y->schedule->id);
}

/* Every occurrence of the schedules from their next_day to `to`, in date order. */
static GArray *
occurrences (GPtrArray *schedules, DaftariDay from, DaftariDay to)
{
  GArray *list = g_array_new (FALSE, FALSE, sizeof (Occurrence));

  for (guint i = 0; i < schedules->len; i++)
    {
      const DaftariSchedule *s = g_ptr_array_index (schedules, i);
      for (DaftariDay d = s->next_day; d != 0 && d <= to && within_end (s, d);
           d = daftari_recurrence_next (&s->rule, d))
        if (d >= from)
          {
            Occurrence o = { s, d };
            g_array_append_val (list, o);
          }
    }
  g_array_sort (list, compare_occurrences);
  return list;
}

GArray *
daftari_schedule_upcoming (DaftariBook *book, DaftariDay from, DaftariDay to, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT " DAFTARI_SCHEDULE_COLUMNS " FROM schedule"
      " WHERE active AND next_day != 0 AND next_day <= ? ORDER BY id", error);
  g_autoptr(GPtrArray) schedules = NULL;
  g_autoptr(GArray) list = NULL;
  GArray *out;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, to);
  if ((schedules = daftari_schedule_collect (book, stmt, error)) == NULL)
    return NULL;
  list = occurrences (schedules, from, to);
  out = g_array_sized_new (FALSE, FALSE, sizeof (DaftariOccurrence), list->len);
  for (guint i = 0; i < list->len; i++)
    {
      const Occurrence *o = &g_array_index (list, Occurrence, i);
      DaftariOccurrence item = { o->schedule->id, o->day, o->schedule->kind, o->schedule->wallet_id,
                                 o->schedule->target_id, o->schedule->amount, o->schedule->fee };
      g_array_append_val (out, item);
    }
  return out;
}

static void
outcome_clear (gpointer data)
{
  g_free (((DaftariScheduleOutcome *) data)->reason);
}

static DaftariScheduleRun *
run_new (void)
{
  DaftariScheduleRun *run = g_new0 (DaftariScheduleRun, 1);

  run->posted = g_array_new (FALSE, TRUE, sizeof (DaftariScheduleOutcome));
  run->refused = g_array_new (FALSE, TRUE, sizeof (DaftariScheduleOutcome));
  g_array_set_clear_func (run->refused, outcome_clear);
  return run;
}

void
daftari_schedule_run_free (DaftariScheduleRun *run)
{
  if (run == NULL)
    return;
  g_array_unref (run->posted);
  g_array_unref (run->refused);
  g_free (run);
}

/* The run in progress: occurrences in date order, their transactions (NULL
 * once refused or left due), and the first refusal of each schedule. */
typedef struct {
  DaftariBook *book;
  GArray      *due;        /* of Occurrence */
  GPtrArray   *txns;       /* parallel to due */
  GHashTable  *refused;    /* schedule id → DaftariScheduleOutcome* */
} Runner;

/* The schedule stops at this occurrence: it and its later ones stay due. */
static void
refuse (Runner *r, guint index, const char *reason)
{
  const Occurrence *o = &g_array_index (r->due, Occurrence, index);
  DaftariScheduleOutcome *outcome = g_new0 (DaftariScheduleOutcome, 1);

  outcome->schedule_id = o->schedule->id;
  outcome->day = o->day;
  outcome->reason = g_strdup (reason);
  for (guint i = index; i < r->due->len; i++)
    if (g_array_index (r->due, Occurrence, i).schedule == o->schedule)
      {
        outcome->held_back += i > index;
        if (i < r->txns->len)
          g_clear_pointer (&g_ptr_array_index (r->txns, i), daftari_txn_free);
      }
  /* replace, not insert: the key lives in the outcome it replaces. */
  g_hash_table_replace (r->refused, &outcome->schedule_id, outcome);
}

/* Built in date order; a schedule that cannot be built stops there. */
static void
build_all (Runner *r)
{
  for (guint i = 0; i < r->due->len; i++)
    {
      const Occurrence *o = &g_array_index (r->due, Occurrence, i);
      g_autoptr(GError) local = NULL;
      DaftariTxn *txn;

      g_ptr_array_add (r->txns, NULL);
      if (g_hash_table_contains (r->refused, &o->schedule->id))
        continue;
      if ((txn = daftari_schedule_build (r->book, o->schedule, o->day, &local)) != NULL)
        g_ptr_array_index (r->txns, i) = txn;
      else
        refuse (r, i, local->message);
    }
}

/* Posts the built transactions through the fast path; a refusal stops its
 * schedule, and posting goes on after it. Only database failures fail. */
static gboolean
post_all (Runner *r, GError **error)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new ();
  g_autoptr(GArray) index = g_array_new (FALSE, FALSE, sizeof (guint));
  guint start = 0;

  while (start < r->due->len)
    {
      g_autoptr(GError) local = NULL;
      guint posted = 0;

      g_ptr_array_set_size (batch, 0);
      g_array_set_size (index, 0);
      for (guint i = start; i < r->due->len; i++)
        if (g_ptr_array_index (r->txns, i) != NULL)
          {
            g_ptr_array_add (batch, g_ptr_array_index (r->txns, i));
            g_array_append_val (index, i);
          }
      if (batch->len == 0 ||
          daftari_ledger_post_many (r->book, (DaftariTxn *const *) batch->pdata, batch->len, &posted, &local))
        return TRUE;
      if (local->domain == DAFTARI_BOOK_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      refuse (r, g_array_index (index, guint, posted), local->message);
      start = g_array_index (index, guint, posted) + 1;
    }
  return TRUE;
}

static gboolean
record_post (DaftariBook *book, gint64 schedule_id, DaftariDay day, gint64 txn_id, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "INSERT INTO schedule_post (schedule_id, day, txn_id) VALUES (?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, schedule_id);
  sqlite3_bind_int (stmt, 2, day);
  sqlite3_bind_int64 (stmt, 3, txn_id);
  return daftari_db_step_done (stmt, error);
}

/* Where each schedule stands now: at its refused occurrence, or at the
 * first one after `until` (0 past its end). */
static gboolean
advance (Runner *r, GPtrArray *schedules, DaftariDay until, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (r->book,
      "UPDATE schedule SET next_day = ?, last_day = MAX (last_day, ?) WHERE id = ?", error);

  for (guint i = 0; stmt != NULL && i < schedules->len; i++)
    {
      const DaftariSchedule *s = g_ptr_array_index (schedules, i);
      const DaftariScheduleOutcome *stop = g_hash_table_lookup (r->refused, &s->id);
      DaftariDay next = s->next_day, last = 0;

      while (next != 0 && next <= until && within_end (s, next) && (stop == NULL || next < stop->day))
        {
          last = next;
          next = daftari_recurrence_next (&s->rule, next);
        }
      if (!within_end (s, next))
        next = 0;
      sqlite3_bind_int (stmt, 1, next);
      sqlite3_bind_int (stmt, 2, last);
      sqlite3_bind_int64 (stmt, 3, s->id);
      if (!daftari_db_step_done (stmt, error))
        return FALSE;
    }
  return stmt != NULL;
}

static int
compare_outcomes (gconstpointer a, gconstpointer b)
{
  const DaftariScheduleOutcome *x = a, *y = b;

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  return (x->schedule_id > y->schedule_id) - (x->schedule_id < y->schedule_id);
}

/* The outcomes for the caller, and the posts remembered. */
static gboolean
collect (Runner *r, DaftariScheduleRun *run, gboolean dry_run, GError **error)
{
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < r->due->len; i++)
    {
      const Occurrence *o = &g_array_index (r->due, Occurrence, i);
      const DaftariTxn *txn = g_ptr_array_index (r->txns, i);
      DaftariScheduleOutcome outcome = { o->schedule->id, o->day, dry_run ? 0 : txn != NULL ? txn->id : 0 };

      if (txn == NULL)
        continue;
      if (!record_post (r->book, o->schedule->id, o->day, txn->id, error))
        return FALSE;
      g_array_append_val (run->posted, outcome);
    }
  g_hash_table_iter_init (&iter, r->refused);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      DaftariScheduleOutcome *outcome = value;
      g_array_append_val (run->refused, *outcome);
      outcome->reason = NULL;   /* now the run's */
    }
  g_array_sort (run->refused, compare_outcomes);
  return TRUE;
}

static void
outcome_free (gpointer data)
{
  outcome_clear (data);
  g_free (data);
}

DaftariScheduleRun *
daftari_schedule_run (DaftariBook *book, DaftariDay until, gboolean dry_run, GError **error)
{
  g_autoptr(DaftariScheduleRun) run = run_new ();
  g_autoptr(GPtrArray) schedules = NULL;
  g_autoptr(GArray) due = NULL;
  g_autoptr(GPtrArray) txns = g_ptr_array_new_with_free_func ((GDestroyNotify) daftari_txn_free);
  g_autoptr(GHashTable) refused = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, outcome_free);
  Runner r = { book, NULL, txns, refused };
  gboolean ok;

  if (!daftari_ledger_batch_begin (book, error))
    return NULL;
  ok = (schedules = due_schedules (book, until, error)) != NULL;
  if (ok)
    {
      r.due = due = occurrences (schedules, 0, until);
      build_all (&r);
      ok = post_all (&r, error) && advance (&r, schedules, until, error) && collect (&r, run, dry_run, error);
    }
  if (!ok || dry_run)
    {
      daftari_ledger_batch_abort (book);
      return ok ? g_steal_pointer (&run) : NULL;
    }
  if (!daftari_ledger_batch_commit (book, error))
    return NULL;
  return g_steal_pointer (&run);
}

/* Forgets the run's post of one occurrence. */
static gboolean
unrecord_post (DaftariBook *book, const DaftariScheduleOutcome *o, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "DELETE FROM schedule_post WHERE schedule_id = ? AND day = ? AND txn_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, o->schedule_id);
  sqlite3_bind_int (stmt, 2, o->day);
  sqlite3_bind_int64 (stmt, 3, o->txn_id);
  return daftari_db_step_done (stmt, error);
}

/* Due again from day; the last post is what is left of its posts. */
static gboolean
rewind_schedule (DaftariBook *book, gint64 schedule_id, DaftariDay day, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "UPDATE schedule SET next_day = ?,"
      " last_day = IFNULL ((SELECT MAX (day) FROM schedule_post WHERE schedule_id = ?1), 0) WHERE id = ?2",
      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, day);
  sqlite3_bind_int64 (stmt, 2, schedule_id);
  return daftari_db_step_done (stmt, error);
}

static gboolean
undo_posts (DaftariBook *book, const DaftariScheduleRun *run, GError **error)
{
  g_autoptr(GHashTable) first = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  gpointer key, value;

  /* Newest first: an expense comes back before the income that paid for it
   * goes, so no wallet dips below zero on the way. */
  for (guint i = run->posted->len; i-- > 0;)
    {
      DaftariScheduleOutcome *o = &g_array_index (run->posted, DaftariScheduleOutcome, i);

      if (o->txn_id == 0)
        continue;
      if (!daftari_ledger_void (book, o->txn_id, error) || !unrecord_post (book, o, error))
        return FALSE;
      g_hash_table_insert (first, &o->schedule_id, GINT_TO_POINTER (o->day));
    }
  g_hash_table_iter_init (&iter, first);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!rewind_schedule (book, *(gint64 *) key, GPOINTER_TO_INT (value), error))
      return FALSE;
  return TRUE;
}

gboolean
daftari_schedule_undo_run (DaftariBook *book, const DaftariScheduleRun *run, GError **error)
{
  if (!daftari_book_begin (book, error))
    return FALSE;
  return daftari_plan_finish (book, undo_posts (book, run, error), error);
}
