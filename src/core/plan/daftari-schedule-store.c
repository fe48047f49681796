/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Schedules as rows: adding, listing, finding, pausing, removing. */
#include "daftari-schedule-private.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "daftari-book-private.h"
#include "daftari-calendar.h"
#include "daftari-db.h"
#include "daftari-error.h"
#include "daftari-ledger.h"

G_DEFINE_BOXED_TYPE (DaftariSchedule, daftari_schedule, daftari_schedule_copy, daftari_schedule_free)

DaftariSchedule *
daftari_schedule_new (void)
{
  DaftariSchedule *schedule = g_new0 (DaftariSchedule, 1);

  schedule->name = g_strdup ("");
  schedule->memo = g_strdup ("");
  schedule->number = g_strdup ("");
  schedule->reference = g_strdup ("");
  schedule->active = TRUE;
  return schedule;
}

DaftariSchedule *
daftari_schedule_copy (const DaftariSchedule *schedule)
{
  DaftariSchedule *copy = g_memdup2 (schedule, sizeof *schedule);

  copy->name = g_strdup (schedule->name);
  copy->memo = g_strdup (schedule->memo);
  copy->number = g_strdup (schedule->number);
  copy->reference = g_strdup (schedule->reference);
  return copy;
}

void
daftari_schedule_free (DaftariSchedule *schedule)
{
  if (schedule == NULL)
    return;
  g_free (schedule->name);
  g_free (schedule->memo);
  g_free (schedule->number);
  g_free (schedule->reference);
  g_free (schedule);
}

gboolean
daftari_plan_finish (DaftariBook *book, gboolean ok, GError **error)
{
  if (!ok)
    {
      daftari_book_rollback (book);
      return FALSE;
    }
  return daftari_book_commit (book, error);
}

static char *
column_text (sqlite3_stmt *stmt, int column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return g_strdup (text != NULL ? text : "");
}

DaftariSchedule *
daftari_schedule_from_row (sqlite3_stmt *stmt)
{
  DaftariSchedule *s = g_new0 (DaftariSchedule, 1);

  s->id = sqlite3_column_int64 (stmt, 0);
  s->name = column_text (stmt, 1);
  daftari_txn_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &s->kind);
  s->wallet_id = sqlite3_column_int64 (stmt, 3);
  s->target_id = sqlite3_column_int64 (stmt, 4);
  s->amount = sqlite3_column_int64 (stmt, 5);
  s->fee = sqlite3_column_int64 (stmt, 6);
  s->memo = column_text (stmt, 7);
  daftari_pay_channel_from_string ((const char *) sqlite3_column_text (stmt, 8), &s->channel);
  s->number = column_text (stmt, 9);
  s->reference = column_text (stmt, 10);
  daftari_recur_kind_from_string ((const char *) sqlite3_column_text (stmt, 11), &s->rule.kind);
  s->rule.n = sqlite3_column_int (stmt, 12);
  s->start_day = sqlite3_column_int (stmt, 13);
  s->end_day = sqlite3_column_int (stmt, 14);
  s->next_day = sqlite3_column_int (stmt, 15);
  s->active = sqlite3_column_int (stmt, 16) != 0;
  s->last_day = sqlite3_column_int (stmt, 17);
  return s;
}

GPtrArray *
daftari_schedule_collect (DaftariBook *book, sqlite3_stmt *stmt, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) daftari_schedule_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, daftari_schedule_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftari_db_set_error (error, daftari_book_get_db (book), rc);
      return NULL;
    }
  return g_steal_pointer (&list);
}

static gboolean
refuse (GError **error, const char *message)
{
  g_set_error_literal (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID, message);
  return FALSE;
}

/* What a row needs beyond what building its first occurrence checks. */
static gboolean
check_spec (const DaftariSchedule *s, GError **error)
{
  if (*s->name == '\0')
    return refuse (error, _("A schedule needs a name, such as “Shop rent”"));
  if (g_ascii_isdigit (*s->name))
    return refuse (error, _("A schedule’s name cannot start with a digit: numbers pick schedules by id"));
  if (s->kind != DAFTARI_TXN_INCOME && s->kind != DAFTARI_TXN_EXPENSE &&
      s->kind != DAFTARI_TXN_TRANSFER && s->kind != DAFTARI_TXN_PAYMENT)
    return refuse (error, _("A schedule posts income, an expense, a transfer or a payment"));
  if (s->fee != 0 && (s->kind == DAFTARI_TXN_INCOME || s->kind == DAFTARI_TXN_EXPENSE))
    return refuse (error, _("Only transfers and payments carry a fee"));
  if (s->end_day != 0 && s->end_day < s->start_day)
    return refuse (error, _("A schedule cannot end before it starts"));
  return daftari_recurrence_valid (&s->rule, error);
}

/* Binds what a schedule is (name to end_day) to parameters 1-14. */
static int
bind_spec (sqlite3_stmt *stmt, const DaftariSchedule *s)
{
  int i = 1;

  sqlite3_bind_text (stmt, i++, s->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, i++, daftari_txn_kind_to_string (s->kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, i++, s->wallet_id);
  sqlite3_bind_int64 (stmt, i++, s->target_id);
  sqlite3_bind_int64 (stmt, i++, s->amount);
  sqlite3_bind_int64 (stmt, i++, s->fee);
  sqlite3_bind_text (stmt, i++, s->memo != NULL ? s->memo : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, i++, s->kind == DAFTARI_TXN_PAYMENT ? daftari_pay_channel_to_string (s->channel) : "",
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, i++, s->number != NULL ? s->number : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, i++, s->reference != NULL ? s->reference : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, i++, daftari_recur_kind_to_string (s->rule.kind), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, i++, s->rule.n);
  sqlite3_bind_int (stmt, i++, s->start_day);
  sqlite3_bind_int (stmt, i++, s->end_day);
  return i;
}

/* Steps an INSERT or UPDATE of a schedule; a taken name is the user's error. */
static gboolean
step_write (DaftariBook *book, sqlite3_stmt *stmt, const DaftariSchedule *s, GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if ((rc & 0xff) == SQLITE_CONSTRAINT)   /* extended codes: SQLITE_CONSTRAINT_UNIQUE */
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_EXISTS,
                   _("There is already a schedule called “%s”; pick another name"), s->name);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      daftari_db_set_error (error, daftari_book_get_db (book), rc);
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert (DaftariBook *book, const DaftariSchedule *s, DaftariDay next, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "INSERT INTO schedule (name, kind, wallet_id, target_id, amount, fee, memo, channel, number,"
      " reference, rule, rule_n, start_day, end_day, next_day, active, created)"
      " VALUES (?, ?, ?, NULLIF (?, 0), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  int i;

  if (stmt == NULL)
    return FALSE;
  i = bind_spec (stmt, s);
  sqlite3_bind_int (stmt, i++, next);
  sqlite3_bind_int (stmt, i++, s->active);
  sqlite3_bind_int64 (stmt, i++, daftari_calendar_now ());
  return step_write (book, stmt, s, error);
}

gboolean
daftari_schedule_add (DaftariBook *book, const DaftariSchedule *spec, gint64 *out_id, GError **error)
{
  g_autoptr(DaftariSchedule) s = daftari_schedule_copy (spec);
  g_autoptr(DaftariTxn) probe = NULL;
  DaftariDay next;

  g_strstrip (s->name);
  if (!check_spec (s, error))
    return FALSE;
  next = daftari_recurrence_first (&s->rule, s->start_day);
  /* The first occurrence, built: a wrong category, wallet or Paybill number
   * is refused now rather than on the day it falls due. */
  if ((probe = daftari_schedule_build (book, s, next, error)) == NULL)
    return FALSE;
  if (s->end_day != 0 && next > s->end_day)
    next = 0;
  if (!daftari_book_begin (book, error))
    return FALSE;
  if (!daftari_plan_finish (book, insert (book, s, next, error), error))
    return FALSE;
  if (out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (daftari_book_get_db (book));
  return TRUE;
}

gboolean
daftari_schedule_check (DaftariBook *book, const DaftariSchedule *spec, GError **error)
{
  g_autoptr(DaftariSchedule) s = daftari_schedule_copy (spec);
  g_autoptr(DaftariTxn) probe = NULL;
  g_autoptr(GError) local = NULL;

  g_strstrip (s->name);
  if (!check_spec (s, error) ||
      (probe = daftari_schedule_build (book, s, daftari_recurrence_first (&s->rule, s->start_day), error)) == NULL)
    return FALSE;
  /* The ledger's own verdict, so the limit's message is the one a post
   * would give. It checks the shape and the limit before the balances: an
   * overdraft refusal means everything else passed, and whether the
   * money is there is a question for the day it falls due. */
  if (daftari_ledger_check (book, probe, &local) || g_error_matches (local, DAFTARI_RULE_ERROR,
                                                                     DAFTARI_RULE_ERROR_OVERDRAFT))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

/* Where an edited schedule stands. Same rule and start: where it was (what
 * fell due stays due; what a pause skipped stays skipped). Otherwise the new
 * rule's first occurrence after what was already posted, and on or after
 * the start. Past the end: ended. */
static DaftariDay
next_after_edit (const DaftariSchedule *old, const DaftariSchedule *s)
{
  gboolean same = old->rule.kind == s->rule.kind && old->rule.n == s->rule.n && old->start_day == s->start_day;
  DaftariDay next;

  if (same && old->next_day != 0)
    next = old->next_day;
  else if (old->last_day == 0 || old->last_day < s->start_day)
    next = daftari_recurrence_first (&s->rule, s->start_day);
  else if (s->rule.kind == DAFTARI_RECUR_DAYS)
    next = daftari_recurrence_next (&s->rule, old->last_day);   /* every n days counts from the last */
  else
    next = daftari_recurrence_first (&s->rule, daftari_day_add (old->last_day, 1));
  return s->end_day != 0 && next > s->end_day ? 0 : next;
}

static gboolean
update (DaftariBook *book, const DaftariSchedule *s, DaftariDay next, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "UPDATE schedule SET name = ?, kind = ?, wallet_id = ?, target_id = NULLIF (?, 0), amount = ?, fee = ?,"
      " memo = ?, channel = ?, number = ?, reference = ?, rule = ?, rule_n = ?, start_day = ?, end_day = ?,"
      " next_day = ? WHERE id = ?", error);
  int i;

  if (stmt == NULL)
    return FALSE;
  i = bind_spec (stmt, s);
  sqlite3_bind_int (stmt, i++, next);
  sqlite3_bind_int64 (stmt, i++, s->id);
  return step_write (book, stmt, s, error);
}

gboolean
daftari_schedule_update (DaftariBook *book, const DaftariSchedule *spec, GError **error)
{
  g_autofree char *key = g_strdup_printf ("%lld", (long long) spec->id);
  g_autoptr(DaftariSchedule) old = daftari_schedule_find (book, key, error);
  g_autoptr(DaftariSchedule) s = daftari_schedule_copy (spec);
  g_autoptr(DaftariTxn) probe = NULL;
  DaftariDay next;

  if (old == NULL)
    return FALSE;
  g_strstrip (s->name);
  if (!check_spec (s, error))
    return FALSE;
  next = next_after_edit (old, s);
  /* As when adding: a wrong category or wallet is refused now. */
  probe = daftari_schedule_build (book, s, next != 0 ? next : daftari_recurrence_first (&s->rule, s->start_day),
                                  error);
  if (probe == NULL || !daftari_book_begin (book, error))
    return FALSE;
  return daftari_plan_finish (book, update (book, s, next, error), error);
}

GPtrArray *
daftari_schedule_list (DaftariBook *book, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT " DAFTARI_SCHEDULE_COLUMNS " FROM schedule ORDER BY name", error);
  return stmt != NULL ? daftari_schedule_collect (book, stmt, error) : NULL;
}

const DaftariSchedule *
daftari_schedule_in_list (GPtrArray *schedules, gint64 id)
{
  for (guint i = 0; i < schedules->len; i++)
    if (((const DaftariSchedule *) g_ptr_array_index (schedules, i))->id == id)
      return g_ptr_array_index (schedules, i);
  return NULL;
}

DaftariSchedule *
daftari_schedule_find (DaftariBook *book, const char *name_or_id, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT " DAFTARI_SCHEDULE_COLUMNS " FROM schedule WHERE id = ? OR name = ?", error);
  g_autoptr(GPtrArray) found = NULL;
  char *end = NULL;
  gint64 id;

  if (stmt == NULL)
    return NULL;
  id = g_ascii_strtoll (name_or_id, &end, 10);
  sqlite3_bind_int64 (stmt, 1, end != name_or_id && *end == '\0' ? id : -1);
  sqlite3_bind_text (stmt, 2, name_or_id, -1, SQLITE_TRANSIENT);
  if ((found = daftari_schedule_collect (book, stmt, error)) == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_NOT_FOUND,
                   _("No schedule called “%s”; “schedule list” shows them"), name_or_id);
      return NULL;
    }
  return daftari_schedule_copy (g_ptr_array_index (found, 0));
}

static gboolean
change_one (DaftariBook *book, sqlite3_stmt *stmt, GError **error)
{
  if (stmt == NULL || !daftari_db_step_done (stmt, error))
    return FALSE;
  if (sqlite3_changes (daftari_book_get_db (book)) == 0)
    {
      g_set_error_literal (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_NOT_FOUND,
                           _("No such schedule; “schedule list” shows them"));
      return FALSE;
    }
  return TRUE;
}

gboolean
daftari_schedule_remove (DaftariBook *book, gint64 id, GError **error)
{
  sqlite3_stmt *posts, *row = NULL;
  gboolean ok;

  if (!daftari_book_begin (book, error))
    return FALSE;
  ok = (posts = daftari_book_prepare (book, "DELETE FROM schedule_post WHERE schedule_id = ?", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (posts, 1, id);
      ok = daftari_db_step_done (posts, error);
    }
  if (ok && (row = daftari_book_prepare (book, "DELETE FROM schedule WHERE id = ?", error)) != NULL)
    {
      sqlite3_bind_int64 (row, 1, id);
      ok = change_one (book, row, error);
    }
  return daftari_plan_finish (book, ok && row != NULL, error);
}

/* Resuming: the first occurrence on or after today, within the end. */
static DaftariDay
resume_day (const DaftariSchedule *s, DaftariDay today)
{
  DaftariDay next = s->next_day;

  if (next == 0)
    return 0;
  while (next < today)
    next = daftari_recurrence_next (&s->rule, next);
  return s->end_day != 0 && next > s->end_day ? 0 : next;
}

gboolean
daftari_schedule_set_active (DaftariBook *book, gint64 id, gboolean active, DaftariDay today, GError **error)
{
  g_autofree char *key = g_strdup_printf ("%lld", (long long) id);
  g_autoptr(DaftariSchedule) s = daftari_schedule_find (book, key, error);
  sqlite3_stmt *stmt;

  if (s == NULL || !daftari_book_begin (book, error))
    return FALSE;
  stmt = daftari_book_prepare (book, "UPDATE schedule SET active = ?, next_day = ? WHERE id = ?", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int (stmt, 1, active);
      sqlite3_bind_int (stmt, 2, active && !s->active ? resume_day (s, today) : s->next_day);
      sqlite3_bind_int64 (stmt, 3, id);
    }
  return daftari_plan_finish (book, change_one (book, stmt, error), error);
}
