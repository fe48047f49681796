/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Two processes writing one book at the same time: two forked writers on
 * the library (one of them in batches), and two lanes of the real
 * daftari-cli binary. Their dates interleave, so each keeps inserting into
 * the other's past. Afterwards no write may be lost, every refusal must have
 * been the expected one, every balance must be what the schedule adds up
 * to, and the book must be sound. */
#include "test-common.h"

#include "daftari-book-private.h"

#include <sys/wait.h>
#include <unistd.h>

#define KES(units)   ((gint64) (units) * 100)
#define FORK_OPS     300
#define BATCH_SIZE   30
#define CLI_OPS      100

/* ---- Forked writers on the library ---- */

/* Writer 0 moves KES 1 from M-PESA to KCB, with a 10-cent fee every third
 * time; writer 1 records KES 2 of sales into M-PESA, dated backwards. Every
 * 25th operation of either is over the limit and must be refused. */
static gboolean
fork_op_refused (int i)
{
  return i % 25 == 24;
}

static gint64
fork_op_fee (int i)
{
  return i % 3 == 0 ? 10 : 0;
}

static gint64
fork_op_ts (gint64 base, int which, int i)
{
  return which == 0 ? base + i * 60 : base + (FORK_OPS - i) * 60 + 30;
}

static gboolean
fork_op (DaftariBook *book, int which, int i, gint64 base, const gint64 *ids, GError **error)
{
  gint64 amount = fork_op_refused (i) ? KES (500001) : which == 0 ? KES (1) : KES (2);

  if (which == 0)
    {
      DaftariTransferSpec spec = { .from_id = ids[0], .to_id = ids[1], .amount = amount,
                                   .fee = fork_op_fee (i), .ts = fork_op_ts (base, which, i) };
      return daftari_ops_transfer (book, &spec, NULL, error);
    }
  return daftari_ops_record (book, DAFTARI_TXN_INCOME, ids[0], ids[2], amount, fork_op_ts (base, which, i),
                             "forked sale", NULL, error);
}

/* The child's whole life; returns its exit status (the number of surprises). */
static int
fork_writer (const char *path, int which, int barrier)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariBook) book = NULL;
  gint64 ids[3], base;
  int surprises = 0;
  char go;

  if (read (barrier, &go, 1) != 1)
    return 100;
  book = daftari_book_open (path, &error);
  if (book == NULL)
    {
      g_printerr ("writer %d: %s\n", which, error->message);
      return 101;
    }
  ids[0] = test_account_id (book, "M-PESA");
  ids[1] = test_account_id (book, "KCB");
  ids[2] = test_account_id (book, "Sales");
  base = test_day (book, 40);
  for (int i = 0; i < FORK_OPS; i++)
    {
      gboolean batch_start = which == 1 && i % BATCH_SIZE == 0;
      gboolean batch_end = which == 1 && i % BATCH_SIZE == BATCH_SIZE - 1;
      gboolean ok;

      /* Writer 1 holds the write lock for a batch at a time. */
      if (batch_start && !daftari_ledger_batch_begin (book, &error))
        return 102;
      ok = fork_op (book, which, i, base, ids, &error);
      if (ok == fork_op_refused (i) ||
          (!ok && !g_error_matches (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_LIMIT)))
        {
          g_printerr ("writer %d, op %d: %s\n", which, i, error ? error->message : "accepted");
          surprises++;
        }
      g_clear_error (&error);
      if (batch_end && !daftari_ledger_batch_commit (book, &error))
        {
          g_printerr ("writer %d: commit: %s\n", which, error->message);
          return 103;
        }
      /* A writer that never pauses keeps the lock to itself: SQLite's busy
       * wait sleeps in steps of up to 100 ms and misses short gaps. Writer 0
       * pauses a little after each write, writer 1 longer than any such step
       * after each batch, so that they interleave however loaded the
       * machine is. */
      if (which == 0)
        g_usleep (1500);
      else if (batch_end)
        g_usleep (120 * 1000);
    }
  return MIN (surprises, 99);
}

static void
test_fork_writers (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;
  int barrier[2];
  pid_t children[2];
  guint transfers = 0, sales = 0;
  gint64 fees = 0;

  /* No connection may cross a fork: the parent closes its own first. */
  g_clear_object (&tb->book);
  g_assert_cmpint (pipe (barrier), ==, 0);
  for (int which = 0; which < 2; which++)
    {
      children[which] = fork ();
      g_assert_cmpint (children[which], >=, 0);
      if (children[which] == 0)
        {
          close (barrier[1]);
          _exit (fork_writer (tb->path, which, barrier[0]));
        }
    }
  /* Both start at once. */
  close (barrier[0]);
  g_assert_cmpint (write (barrier[1], "go", 2), ==, 2);
  close (barrier[1]);
  for (int which = 0; which < 2; which++)
    {
      int status = 0;
      g_assert_cmpint (waitpid (children[which], &status, 0), ==, children[which]);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }

  for (int i = 0; i < FORK_OPS; i++)
    if (!fork_op_refused (i))
      transfers++, sales++, fees += fork_op_fee (i);
  tb->book = daftari_book_open (tb->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_db_int (tb->path, "SELECT count (*) FROM txn WHERE kind = 'transfer'"), ==, transfers);
  g_assert_cmpint (test_db_int (tb->path, "SELECT count (*) FROM txn WHERE kind = 'income'"), ==, sales);
  g_assert_cmpint (test_db_int (tb->path, "SELECT count (*) FROM txn"), ==, 2 + transfers + sales);
  /* They did write at the same time: their transactions interleave. */
  g_test_message ("writers alternated %" G_GINT64_FORMAT " times",
                  test_db_int (tb->path, "SELECT count (*) FROM txn a JOIN txn b ON b.id = a.id + 1 WHERE a.kind != b.kind"));
  g_assert_cmpint (test_db_int (tb->path, "SELECT count (*) FROM txn a JOIN txn b ON b.id = a.id + 1"
                                          " WHERE a.kind != b.kind AND a.kind != 'opening'"), >=, 3);
  g_assert_cmpint (test_balance (tb->book, tb->mpesa), ==, KES (10000) - transfers * KES (1) - fees + sales * KES (2));
  g_assert_cmpint (test_balance (tb->book, tb->kcb), ==, KES (1000000) + transfers * KES (1));
  g_assert_cmpint (test_balance (tb->book, tb->charges), ==, fees);
  g_assert_cmpint (test_balance (tb->book, tb->sales), ==, -(gint64) sales * KES (2));
  test_assert_balanced (tb->path);
  test_assert_sound (tb->book);
}

/* ---- A check that reads while another connection writes ---- */

typedef struct {
  DaftariBook *writer;
  gint64       wallet;
  gint64       category;
  gint64       ts;
  guint        posted;
} Interloper;

/* Called by SQLite as each of the check's statements starts: another
 * connection commits a sale each time, between one query and the next. */
static int
interlope (unsigned event, void *data, void *statement, void *sql)
{
  Interloper *it = data;
  g_autoptr(GError) error = NULL;

  if (it->posted >= 40)
    return 0;
  if (!daftari_ops_record (it->writer, DAFTARI_TXN_INCOME, it->wallet, it->category, KES (1) + it->posted,
                           it->ts + it->posted * 3600, "during the check", NULL, &error))
    g_error ("interloper: %s", error->message);
  it->posted++;
  return 0;
}

/* daftari_check_run must judge one consistent state of the book: a write
 * committed between two of its queries is not damage. */
static void
test_check_while_writing (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "busy.daftari", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariBook) book = daftari_book_create (path, &(DaftariBookSetup) { "Busy", NULL, NULL }, &error);
  g_autoptr(GPtrArray) problems = NULL;
  Interloper it = { 0 };
  sqlite3 *db = daftari_book_get_db (book);

  g_assert_no_error (error);
  g_assert_true (daftari_generator_fill (book, 5, 400, test_day (book, 200), &error));
  g_assert_no_error (error);
  it.writer = daftari_book_open (path, &error);
  g_assert_no_error (error);
  it.wallet = test_account_id (book, "Cash box");
  it.category = test_account_id (book, "Sales");
  it.ts = test_day (book, 300);

  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, interlope, &it);
  problems = daftari_check_run (book, &error);
  sqlite3_trace_v2 (db, 0, NULL, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (it.posted, >, 5);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("check during writes: %s\n", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);

  /* And what was written meanwhile is all there, and sound. */
  g_assert_cmpint (test_db_int (path, "SELECT count (*) FROM txn WHERE memo = 'during the check'"), ==, it.posted);
  test_assert_sound (book);
  g_clear_object (&it.writer);
  g_clear_object (&book);
  test_remove_dir (dir);
}

/* A balance as of a day is two sums (whole months, then part of one);
 * an edit committed between them that moves a transaction across months
 * must not be counted twice. */
typedef struct {
  DaftariBook *writer;
  gint64       id;
  DaftariTxn  *moved;
  guint        edits;
} Mover;

static int
move_between_sums (unsigned event, void *data, void *statement, void *sql)
{
  Mover *mover = data;
  g_autoptr(GError) error = NULL;

  /* Just as the sum of the splits within the month starts. */
  if (mover->edits > 0 || strstr (sql, "FROM split WHERE account_id") == NULL)
    return 0;
  if (!daftari_ledger_replace (mover->writer, mover->id, mover->moved, &error))
    g_error ("mover: %s", error->message);
  mover->edits++;
  return 0;
}

static void
test_balance_while_editing (void)
{
  g_autoptr(TestBook) tb = test_book_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariTxn) moved = NULL;
  DaftariCalendar *calendar = daftari_book_get_calendar (tb->book);
  gint64 march_15 = daftari_calendar_day_end (calendar, 20250315), balance = 0;
  Mover mover = { 0 };

  mover.id = test_record (tb->book, DAFTARI_TXN_INCOME, tb->cash, tb->sales, KES (100), test_day (tb->book, 9));
  moved = daftari_ops_build_record (tb->book, DAFTARI_TXN_INCOME, tb->cash, tb->sales, KES (100),
                                    daftari_calendar_day_noon (calendar, 20250310), "moved", &error);
  g_assert_no_error (error);
  mover.moved = moved;
  mover.writer = daftari_book_open (tb->path, &error);
  g_assert_no_error (error);

  sqlite3_trace_v2 (daftari_book_get_db (tb->book), SQLITE_TRACE_STMT, move_between_sums, &mover);
  g_assert_true (daftari_query_balance (tb->book, tb->cash, march_15, &balance, &error));
  sqlite3_trace_v2 (daftari_book_get_db (tb->book), 0, NULL, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (mover.edits, ==, 1);
  /* KES 100 before the edit or after it, never both. */
  g_assert_cmpint (balance, ==, KES (100));
  g_assert_true (daftari_query_balance (tb->book, tb->cash, march_15, &balance, &error));
  g_assert_cmpint (balance, ==, KES (100));
  g_clear_object (&mover.writer);
}

/* ---- Two lanes of the real binary ---- */

typedef struct _Race Race;

typedef struct {
  Race  *race;
  int    which;
  int    next;
} Lane;

struct _Race {
  const char *cli;
  const char *book;
  GMainLoop  *loop;
  Lane        lanes[2];
  guint       running;
  GString    *failures;
};

/* Lane 0 transfers KES 1 with a 10-cent fee, forwards through March, and
 * every 20th is over the limit (exit 1). Lane 1 records KES 2 of sales,
 * backwards through March, and every 15th runs `check` instead (exit 0). */
static char **
lane_command (Lane *lane, int *out_expected)
{
  Race *race = lane->race;
  int i = lane->next;
  int day = lane->which == 0 ? 1 + i % 28 : 28 - i % 28;
  g_autofree char *date = g_strdup_printf ("2025-03-%02d", day);
  GStrvBuilder *builder = g_strv_builder_new ();
  char **argv;

  g_strv_builder_add_many (builder, race->cli, "--book", race->book, NULL);
  *out_expected = 0;
  if (lane->which == 0)
    {
      *out_expected = i % 20 == 19 ? 1 : 0;
      g_strv_builder_add_many (builder, "transfer", "M-PESA", "KCB", *out_expected ? "600,000" : "1",
                               "--fee", "0.10", "--date", date, NULL);
    }
  else if (i % 15 == 14)
    g_strv_builder_add (builder, "check");
  else
    g_strv_builder_add_many (builder, "record", "income", "M-PESA", "2", "--category", "Sales", "--date", date, NULL);
  argv = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return argv;
}

static void lane_run (Lane *lane);

typedef struct {
  Lane *lane;
  int   expected;
  char *line;
} Pending;

static void
lane_finished (GObject *source, GAsyncResult *result, gpointer data)
{
  Pending *pending = data;
  Race *race = pending->lane->race;
  GSubprocess *process = G_SUBPROCESS (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (!g_subprocess_communicate_utf8_finish (process, result, &out, &err, &error))
    g_string_append_printf (race->failures, "%s: %s\n", pending->line, error->message);
  else if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != pending->expected)
    g_string_append_printf (race->failures, "%s: exit %d, expected %d: %s%s\n", pending->line,
                            g_subprocess_get_exit_status (process), pending->expected, out, err);
  g_object_unref (process);
  pending->lane->next++;
  lane_run (pending->lane);
  g_free (pending->line);
  g_free (pending);
}

static void
lane_run (Lane *lane)
{
  Race *race = lane->race;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) argv = NULL;
  Pending *pending;
  GSubprocess *process;

  if (lane->next >= CLI_OPS)
    {
      if (--race->running == 0)
        g_main_loop_quit (race->loop);
      return;
    }
  pending = g_new0 (Pending, 1);
  pending->lane = lane;
  argv = lane_command (lane, &pending->expected);
  pending->line = g_strjoinv (" ", argv + 3);
  process = g_subprocess_newv ((const char *const *) argv,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, lane_finished, pending);
}

static void
test_cli_writers (void)
{
  const char *cli = g_getenv ("DAFTARI_CLI");
  g_autoptr(TestBook) tb = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GString) failures = g_string_new (NULL);
  Race race = { 0 };
  gint64 transfers = 0, sales = 0;

  if (cli == NULL)
    {
      g_test_skip ("DAFTARI_CLI is not set");
      return;
    }
  tb = test_book_new ();
  g_clear_object (&tb->book);
  loop = g_main_loop_new (NULL, FALSE);
  race = (Race) { cli, tb->path, loop, { { &race, 0, 0 }, { &race, 1, 0 } }, 2, failures };
  lane_run (&race.lanes[0]);
  lane_run (&race.lanes[1]);
  g_main_loop_run (loop);
  if (failures->len > 0)
    g_error ("daftari-cli failed:\n%s", failures->str);

  for (int i = 0; i < CLI_OPS; i++)
    {
      transfers += i % 20 != 19;
      sales += i % 15 != 14;
    }
  {
    g_autoptr(GError) error = NULL;
    tb->book = daftari_book_open (tb->path, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (test_db_int (tb->path, "SELECT count (*) FROM txn"), ==, 2 + transfers + sales);
  g_assert_cmpint (test_balance (tb->book, tb->mpesa), ==, KES (10000) - transfers * 110 + sales * KES (2));
  g_assert_cmpint (test_balance (tb->book, tb->kcb), ==, KES (1000000) + transfers * KES (1));
  g_assert_cmpint (test_balance (tb->book, tb->charges), ==, transfers * 10);
  test_assert_balanced (tb->path);
  test_assert_sound (tb->book);
}

int
main (int argc, char **argv)
{
  test_common_init (&argc, &argv);
  g_test_add_func ("/concurrency/fork-writers", test_fork_writers);
  g_test_add_func ("/concurrency/cli-writers", test_cli_writers);
  g_test_add_func ("/concurrency/check-while-writing", test_check_while_writing);
  g_test_add_func ("/concurrency/balance-while-editing", test_balance_while_editing);
  return g_test_run ();
}
