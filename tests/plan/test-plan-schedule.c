/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Recurring transactions on real books: the dates they fall on, posting
 * what fell due (once), refusals that stay due, what is coming. */
#include "test-common.h"

#include "daftari-schedule.h"

static DaftariDay
day_of_txn (DaftariBook *book, gint64 id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariTxn) txn = daftari_ledger_get (book, id, &error);

  g_assert_no_error (error);
  return daftari_calendar_day_of (daftari_book_get_calendar (book), txn->ts);
}

static gint64
count_txns (TestBook *tb)
{
  return test_db_int (tb->path, "SELECT count (*) FROM txn");
}

static gint64
add_schedule (TestBook *tb, const char *name, DaftariTxnKind kind, gint64 wallet, gint64 target,
              gint64 amount, const char *rule, DaftariDay start)
{
  g_autoptr(DaftariSchedule) s = daftari_schedule_new ();
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_free (s->name);
  s->name = g_strdup (name);
  s->kind = kind;
  s->wallet_id = wallet;
  s->target_id = target;
  s->amount = amount;
  s->start_day = start;
  g_assert_true (daftari_recurrence_parse (rule, &s->rule, &error));
  g_assert_no_error (error);
  g_assert_true (daftari_schedule_add (tb->book, s, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static DaftariScheduleRun *
run_until (TestBook *tb, DaftariDay until, gboolean dry_run)
{
  g_autoptr(GError) error = NULL;
  DaftariScheduleRun *run = daftari_schedule_run (tb->book, until, dry_run, &error);

  g_assert_no_error (error);
  g_assert_nonnull (run);
  return run;
}

static DaftariSchedule *
find (TestBook *tb, const char *name)
{
  g_autoptr(GError) error = NULL;
  DaftariSchedule *s = daftari_schedule_find (tb->book, name, &error);

  g_assert_no_error (error);
  return s;
}

/* Day 31 in shorter months is their last day; the next month is back on
 * the 31st, not stuck on the 28th. Weekly and every-N-days rules too. */
static void
test_recurrence_dates (void)
{
  DaftariRecurrence monthly, weekly, days;
  DaftariDay d;
  const DaftariDay want_monthly[] = { 20240131, 20240229, 20240331, 20240430, 20240531 };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (daftari_recurrence_parse ("monthly:31", &monthly, NULL));
  d = daftari_recurrence_first (&monthly, 20240115);
  for (guint i = 0; i < G_N_ELEMENTS (want_monthly); i++, d = daftari_recurrence_next (&monthly, d))
    g_assert_cmpint (d, ==, want_monthly[i]);
  g_assert_cmpint (daftari_recurrence_next (&monthly, 20250131), ==, 20250228);
  g_assert_cmpint (daftari_recurrence_next (&monthly, 20251231), ==, 20260131);

  g_assert_true (daftari_recurrence_parse ("weekly:fri", &weekly, NULL));
  g_assert_cmpint (weekly.n, ==, 5);
  g_assert_cmpint (daftari_recurrence_first (&weekly, 20250101), ==, 20250103);   /* a Wednesday */
  g_assert_cmpint (daftari_recurrence_first (&weekly, 20250103), ==, 20250103);
  g_assert_cmpint (daftari_recurrence_next (&weekly, 20241227), ==, 20250103);
  text = daftari_recurrence_to_string (&weekly);
  g_assert_cmpstr (text, ==, "weekly:fri");

  g_assert_true (daftari_recurrence_parse ("days:14", &days, NULL));
  g_assert_cmpint (daftari_recurrence_first (&days, 20250225), ==, 20250225);
  g_assert_cmpint (daftari_recurrence_next (&days, 20250225), ==, 20250311);

  g_assert_false (daftari_recurrence_parse ("monthly:32", &monthly, &error));
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (daftari_recurrence_parse ("weekly:someday", &weekly, &error));
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (daftari_recurrence_parse ("days:0", &days, &error));
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID);
}

/* Rent on the 31st: posted on 31 January, 28 February and 31 March; a
 * second run posts nothing. */
static void
test_monthly_31st (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(DaftariScheduleRun) run = NULL;
  g_autoptr(DaftariScheduleRun) again = NULL;
  g_autoptr(DaftariSchedule) s = NULL;
  const DaftariDay want[] = { 20250131, 20250228, 20250331 };
  gint64 before = count_txns (tb);
  gint64 kcb = test_balance (tb->book, tb->kcb);

  add_schedule (tb, "Shop rent", DAFTARI_TXN_EXPENSE, tb->kcb, tb->rent, 3500000, "monthly:31", 20250101);
  run = run_until (tb, 20250415, FALSE);
  g_assert_cmpuint (run->posted->len, ==, G_N_ELEMENTS (want));
  g_assert_cmpuint (run->refused->len, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      const DaftariScheduleOutcome *o = &g_array_index (run->posted, DaftariScheduleOutcome, i);
      g_assert_cmpint (o->day, ==, want[i]);
      g_assert_cmpint (day_of_txn (tb->book, o->txn_id), ==, want[i]);
    }
  g_assert_cmpint (count_txns (tb), ==, before + 3);
  g_assert_cmpint (test_balance (tb->book, tb->kcb), ==, kcb - 3 * 3500000);
  g_assert_cmpint (test_db_int (tb->path, "SELECT count (*) FROM schedule_post"), ==, 3);

  again = run_until (tb, 20250415, FALSE);
  g_assert_cmpuint (again->posted->len, ==, 0);
  g_assert_cmpint (count_txns (tb), ==, before + 3);
  s = find (tb, "shop RENT");
  g_assert_cmpint (s->next_day, ==, 20250430);
  g_assert_cmpint (s->last_day, ==, 20250331);
  test_assert_sound (tb->book);
}

/* Weekly wages every Friday of January 2025: five of them, in order. */
static void
test_weekly (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(DaftariScheduleRun) run = NULL;
  const DaftariDay want[] = { 20250103, 20250110, 20250117, 20250124, 20250131 };

  add_schedule (tb, "Wages", DAFTARI_TXN_EXPENSE, tb->kcb, test_account_id (tb->book, "Salaries & wages"),
                500000, "weekly:fri", 20250101);
  run = run_until (tb, 20250201, FALSE);
  g_assert_cmpuint (run->posted->len, ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    g_assert_cmpint (g_array_index (run->posted, DaftariScheduleOutcome, i).day, ==, want[i]);
}

/* An occurrence the rules refuse is not posted, is reported with the
 * ledger's reason, and stays due with the later ones of its schedule;
 * other schedules go on, in date order (income before the expense it pays
 * for). Once the money is there, the next run posts what waited. */
static void
test_refused_stays_due (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(DaftariScheduleRun) run = NULL;
  g_autoptr(DaftariScheduleRun) later = NULL;
  g_autoptr(DaftariSchedule) cash_rent = NULL;
  const DaftariScheduleOutcome *o;
  gint64 rent_id, big_id, sales_id;

  rent_id = add_schedule (tb, "Cash rent", DAFTARI_TXN_EXPENSE, tb->cash, tb->rent, 100000, "monthly:5", 20250101);
  big_id = add_schedule (tb, "Big stock", DAFTARI_TXN_EXPENSE, tb->kcb, tb->stock, 60000000, "monthly:20",
                         20250101);
  sales_id = add_schedule (tb, "Weekly sales", DAFTARI_TXN_INCOME, tb->mpesa, tb->sales, 20000, "weekly:mon",
                           20250101);
  run = run_until (tb, 20250310, FALSE);

  /* Mondays 6 Jan .. 10 Mar: ten sales, all posted. */
  g_assert_cmpuint (run->posted->len, ==, 10);
  for (guint i = 0; i < run->posted->len; i++)
    g_assert_cmpint (g_array_index (run->posted, DaftariScheduleOutcome, i).schedule_id, ==, sales_id);
  g_assert_cmpuint (run->refused->len, ==, 2);
  o = &g_array_index (run->refused, DaftariScheduleOutcome, 0);
  g_assert_cmpint (o->schedule_id, ==, rent_id);
  g_assert_cmpint (o->day, ==, 20250105);
  g_assert_cmpuint (o->held_back, ==, 2);                  /* 5 February and 5 March */
  g_assert_nonnull (strstr (o->reason, "Cash"));
  o = &g_array_index (run->refused, DaftariScheduleOutcome, 1);
  g_assert_cmpint (o->schedule_id, ==, big_id);
  g_assert_cmpint (o->day, ==, 20250120);
  g_assert_nonnull (strstr (o->reason, "limit"));
  cash_rent = find (tb, "Cash rent");
  g_assert_cmpint (cash_rent->next_day, ==, 20250105);
  g_assert_cmpint (test_balance (tb->book, tb->cash), ==, 0);

  /* Money in the cash box: the three rents go through, oldest first. */
  test_record (tb->book, DAFTARI_TXN_INCOME, tb->cash, tb->sales, 500000, test_day (tb->book, 0));
  later = run_until (tb, 20250310, FALSE);
  g_assert_cmpuint (later->posted->len, ==, 3);
  g_assert_cmpint (g_array_index (later->posted, DaftariScheduleOutcome, 0).day, ==, 20250105);
  g_assert_cmpint (g_array_index (later->posted, DaftariScheduleOutcome, 2).day, ==, 20250305);
  g_assert_cmpuint (later->refused->len, ==, 1);           /* the big stock, still over the limit */
  g_assert_cmpint (test_balance (tb->book, tb->cash), ==, 500000 - 3 * 100000);
  test_assert_sound (tb->book);
}

/* A dry run says what would be posted and leaves the book as it was. */
static void
test_dry_run (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(DaftariScheduleRun) dry = NULL;
  g_autoptr(DaftariScheduleRun) real = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  add_schedule (tb, "Airtime", DAFTARI_TXN_EXPENSE, tb->mpesa, tb->other, 10000, "days:10", 20250101);
  g_clear_object (&tb->book);
  before = test_db_dump (tb->path);
  tb->book = daftari_book_open (tb->path, NULL);
  dry = run_until (tb, 20250131, TRUE);
  g_assert_cmpuint (dry->posted->len, ==, 4);              /* 1, 11, 21 and 31 January */
  g_assert_cmpint (g_array_index (dry->posted, DaftariScheduleOutcome, 0).txn_id, ==, 0);
  g_clear_object (&tb->book);
  after = test_db_dump (tb->path);
  g_assert_cmpstr (before, ==, after);
  tb->book = daftari_book_open (tb->path, NULL);
  real = run_until (tb, 20250131, FALSE);
  g_assert_cmpuint (real->posted->len, ==, 4);
}

/* What is coming: every schedule's occurrences in the window, in date
 * order; paused ones are left out, posted ones are not coming any more. */
static void
test_upcoming (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GArray) coming = NULL;
  g_autoptr(GArray) after_run = NULL;
  g_autoptr(GArray) paused = NULL;
  g_autoptr(DaftariScheduleRun) run = NULL;
  g_autoptr(GError) error = NULL;
  gint64 rent, wages;
  const DaftariDay want[] = { 20250101, 20250103, 20250110, 20250117, 20250124, 20250131, 20250201 };

  rent = add_schedule (tb, "Rent", DAFTARI_TXN_EXPENSE, tb->kcb, tb->rent, 3500000, "monthly:1", 20250101);
  wages = add_schedule (tb, "Wages", DAFTARI_TXN_EXPENSE, tb->kcb, tb->other, 100000, "weekly:fri", 20250101);
  coming = daftari_schedule_upcoming (tb->book, 20250101, 20250201, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (coming->len, ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < coming->len; i++)
    {
      const DaftariOccurrence *o = &g_array_index (coming, DaftariOccurrence, i);
      g_assert_cmpint (o->day, ==, want[i]);
      g_assert_cmpint (o->schedule_id, ==, o->day % 100 == 1 ? rent : wages);
      g_assert_cmpint (o->amount, ==, o->day % 100 == 1 ? 3500000 : 100000);
    }

  run = run_until (tb, 20250115, FALSE);
  g_assert_cmpuint (run->posted->len, ==, 3);
  after_run = daftari_schedule_upcoming (tb->book, 0, 20250201, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after_run->len, ==, 4);
  g_assert_cmpint (g_array_index (after_run, DaftariOccurrence, 0).day, ==, 20250117);

  g_assert_true (daftari_schedule_set_active (tb->book, wages, FALSE, 20250115, &error));
  g_assert_no_error (error);
  paused = daftari_schedule_upcoming (tb->book, 0, 20250201, &error);
  g_assert_cmpuint (paused->len, ==, 1);
  g_assert_cmpint (g_array_index (paused, DaftariOccurrence, 0).schedule_id, ==, rent);

  /* Resumed on 29 January: the Fridays missed while paused are skipped. */
  g_assert_true (daftari_schedule_set_active (tb->book, wages, TRUE, 20250129, &error));
  {
    g_autofree char *key = g_strdup_printf ("%lld", (long long) wages);
    g_autoptr(DaftariSchedule) s = find (tb, key);
    g_assert_true (s->active);
    g_assert_cmpint (s->next_day, ==, 20250131);
  }
}

/* Bad schedules are refused when added, with nothing written. */
static void
test_refused_when_added (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(DaftariSchedule) s = daftari_schedule_new ();
  g_autoptr(GError) error = NULL;

  g_free (s->name);
  s->name = g_strdup ("Sales as expense");
  s->kind = DAFTARI_TXN_EXPENSE;
  s->wallet_id = tb->mpesa;
  s->target_id = tb->sales;          /* an income category */
  s->amount = 1000;
  s->start_day = 20250101;
  daftari_recurrence_parse ("monthly:1", &s->rule, NULL);
  g_assert_false (daftari_schedule_add (tb->book, s, NULL, &error));
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID);
  g_clear_error (&error);

  s->target_id = tb->stock;
  s->end_day = 20241231;
  g_assert_false (daftari_schedule_add (tb->book, s, NULL, &error));
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (test_db_int (tb->path, "SELECT count (*) FROM schedule"), ==, 0);

  s->end_day = 0;
  g_assert_true (daftari_schedule_add (tb->book, s, NULL, &error));
  g_assert_false (daftari_schedule_add (tb->book, s, NULL, &error));
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_EXISTS);
}

/* A schedule with an end stops there, and is marked ended. */
static void
test_end_day (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(DaftariSchedule) s = daftari_schedule_new ();
  g_autoptr(DaftariSchedule) after = NULL;
  g_autoptr(DaftariScheduleRun) run = NULL;
  g_autoptr(GError) error = NULL;

  g_free (s->name);
  s->name = g_strdup ("Loan");
  s->kind = DAFTARI_TXN_TRANSFER;
  s->wallet_id = tb->kcb;
  s->target_id = tb->mpesa;
  s->amount = 100000;
  s->fee = 1000;
  s->start_day = 20250101;
  s->end_day = 20250315;
  daftari_recurrence_parse ("monthly:10", &s->rule, NULL);
  g_assert_true (daftari_schedule_add (tb->book, s, NULL, &error));
  g_assert_no_error (error);
  run = run_until (tb, 20251231, FALSE);
  g_assert_cmpuint (run->posted->len, ==, 3);
  after = find (tb, "Loan");
  g_assert_cmpint (after->next_day, ==, 0);
  g_assert_cmpint (test_balance (tb->book, tb->mpesa), ==, 1000000 + 3 * 100000);
}

static DaftariSchedule *
find_id (TestBook *tb, gint64 id)
{
  g_autofree char *key = g_strdup_printf ("%lld", (long long) id);
  return find (tb, key);
}

/* An edit keeps what was posted and where the schedule stands when its
 * rule stays; a new rule starts after what was posted; a taken name and a
 * wrong category are refused with nothing changed. */
static void
test_update (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(DaftariScheduleRun) run = NULL;
  g_autoptr(DaftariScheduleRun) later = NULL;
  g_autoptr(DaftariSchedule) s = NULL;
  g_autoptr(DaftariSchedule) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 rent;

  rent = add_schedule (tb, "Rent", DAFTARI_TXN_EXPENSE, tb->kcb, tb->rent, 3500000, "monthly:1", 20250101);
  add_schedule (tb, "Wages", DAFTARI_TXN_EXPENSE, tb->kcb, tb->other, 100000, "weekly:fri", 20250101);
  run = run_until (tb, 20250215, FALSE);

  /* A new amount and name: next stays on 1 March, the posts stay. */
  s = find_id (tb, rent);
  g_free (s->name);
  s->name = g_strdup ("  Shop rent ");
  s->amount = 4000000;
  g_assert_true (daftari_schedule_update (tb->book, s, &error));
  g_assert_no_error (error);
  after = find_id (tb, rent);
  g_assert_cmpstr (after->name, ==, "Shop rent");
  g_assert_cmpint (after->amount, ==, 4000000);
  g_assert_cmpint (after->next_day, ==, 20250301);
  g_assert_cmpint (after->last_day, ==, 20250201);
  g_assert_cmpint (test_db_int (tb->path, "SELECT count (*) FROM schedule_post WHERE schedule_id = 1"), ==, 2);
  g_clear_pointer (&after, daftari_schedule_free);

  /* On the 5th instead: the first 5th after 1 February, not January's. */
  daftari_recurrence_parse ("monthly:5", &s->rule, NULL);
  g_free (s->name);
  s->name = g_strdup ("Shop rent");
  g_assert_true (daftari_schedule_update (tb->book, s, &error));
  g_assert_no_error (error);
  after = find_id (tb, rent);
  g_assert_cmpint (after->next_day, ==, 20250205);
  later = run_until (tb, 20250215, FALSE);
  g_assert_cmpuint (later->posted->len, ==, 1);            /* 5 February; the Fridays were posted already */
  for (guint i = 0; i < later->posted->len; i++)
    {
      const DaftariScheduleOutcome *o = &g_array_index (later->posted, DaftariScheduleOutcome, i);
      g_autoptr(DaftariTxn) txn = daftari_ledger_get (tb->book, o->txn_id, NULL);
      if (o->schedule_id == rent)
        g_assert_cmpint (daftari_txn_get_principal (txn), ==, 4000000);
    }
  g_clear_pointer (&after, daftari_schedule_free);

  /* Refused: the other's name, an income category for an expense. */
  g_free (s->name);
  s->name = g_strdup ("wages");
  g_assert_false (daftari_schedule_update (tb->book, s, &error));
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_EXISTS);
  g_clear_error (&error);
  g_free (s->name);
  s->name = g_strdup ("Shop rent");
  s->target_id = tb->sales;
  g_assert_false (daftari_schedule_update (tb->book, s, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  after = find_id (tb, rent);
  g_assert_cmpint (after->target_id, ==, tb->rent);

  /* An end before the next occurrence ends it. */
  s->target_id = tb->rent;
  s->end_day = 20250220;
  g_assert_true (daftari_schedule_update (tb->book, s, &error));
  g_clear_pointer (&after, daftari_schedule_free);
  after = find_id (tb, rent);
  g_assert_cmpint (after->next_day, ==, 0);
  test_assert_sound (tb->book);
}

/* The form's check: the limit as it stands, with the ledger's message;
 * a wallet without the money yet is not refused. */
static void
test_check (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(DaftariSchedule) s = daftari_schedule_new ();
  g_autoptr(GError) error = NULL;

  g_free (s->name);
  s->name = g_strdup ("Stock");
  s->kind = DAFTARI_TXN_EXPENSE;
  s->wallet_id = tb->cash;          /* empty */
  s->target_id = tb->stock;
  s->amount = 100000;
  s->start_day = 20250101;
  daftari_recurrence_parse ("monthly:1", &s->rule, NULL);
  g_assert_true (daftari_schedule_check (tb->book, s, &error));
  g_assert_no_error (error);
  s->amount = daftari_book_get_txn_limit (tb->book);
  g_assert_true (daftari_schedule_check (tb->book, s, &error));
  s->amount++;
  g_assert_false (daftari_schedule_check (tb->book, s, &error));
  g_assert_error (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_LIMIT);
  g_assert_nonnull (strstr (error->message, "limit"));
  g_clear_error (&error);
  g_free (s->name);
  s->name = g_strdup ("");
  s->amount = 100;
  g_assert_false (daftari_schedule_check (tb->book, s, &error));
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID);
  g_assert_cmpint (test_db_int (tb->path, "SELECT count (*) FROM schedule"), ==, 0);
}

/* Undoing a run voids what it posted and makes it due again; the next run
 * posts it again, once. */
static void
test_undo_run (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(DaftariScheduleRun) run = NULL;
  g_autoptr(DaftariScheduleRun) again = NULL;
  g_autoptr(DaftariSchedule) s = NULL;
  g_autoptr(GError) error = NULL;
  gint64 kcb = test_balance (tb->book, tb->kcb);
  gint64 cash = test_balance (tb->book, tb->cash);
  gint64 rent;

  /* Income into the empty cash box pays the rent out of it: the undo must
   * take the rent back before the income. */
  add_schedule (tb, "Cash sales", DAFTARI_TXN_INCOME, tb->cash, tb->sales, 200000, "monthly:1", 20250101);
  rent = add_schedule (tb, "Cash rent", DAFTARI_TXN_EXPENSE, tb->cash, tb->rent, 150000, "monthly:2", 20250101);
  add_schedule (tb, "Rent", DAFTARI_TXN_EXPENSE, tb->kcb, tb->rent, 3500000, "monthly:1", 20250101);
  run = run_until (tb, 20250301, FALSE);
  g_assert_cmpuint (run->posted->len, ==, 8);
  g_assert_true (daftari_schedule_undo_run (tb->book, run, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_balance (tb->book, tb->kcb), ==, kcb);
  g_assert_cmpint (test_balance (tb->book, tb->cash), ==, cash);
  g_assert_cmpint (test_db_int (tb->path, "SELECT count (*) FROM schedule_post"), ==, 0);
  g_assert_cmpint (test_db_int (tb->path, "SELECT count (*) FROM txn WHERE voided"), ==, 8);
  s = find_id (tb, rent);
  g_assert_cmpint (s->next_day, ==, 20250102);
  g_assert_cmpint (s->last_day, ==, 0);

  again = run_until (tb, 20250301, FALSE);
  g_assert_cmpuint (again->posted->len, ==, 8);
  g_assert_cmpint (test_balance (tb->book, tb->kcb), ==, kcb - 3 * 3500000);
  g_assert_cmpint (test_balance (tb->book, tb->cash), ==, cash + 3 * 200000 - 2 * 150000);
  test_assert_sound (tb->book);
}

int
main (int argc, char **argv)
{
  test_common_init (&argc, &argv);
  g_test_add_func ("/plan/recurrence/dates", test_recurrence_dates);
  g_test_add_func ("/plan/schedule/monthly-31st", test_monthly_31st);
  g_test_add_func ("/plan/schedule/weekly", test_weekly);
  g_test_add_func ("/plan/schedule/refused-stays-due", test_refused_stays_due);
  g_test_add_func ("/plan/schedule/dry-run", test_dry_run);
  g_test_add_func ("/plan/schedule/upcoming", test_upcoming);
  g_test_add_func ("/plan/schedule/refused-when-added", test_refused_when_added);
  g_test_add_func ("/plan/schedule/end-day", test_end_day);
  g_test_add_func ("/plan/schedule/update", test_update);
  g_test_add_func ("/plan/schedule/check", test_check);
  g_test_add_func ("/plan/schedule/undo-run", test_undo_run);
  return g_test_run ();
}
