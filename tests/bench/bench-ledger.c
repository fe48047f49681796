/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The ledger's speed on a big book, each figure beside the same work done by
 * the sqlite3 tool on an equivalent flat table in the same run.
 *
 *   bench-ledger [--transactions N] [--seed S] [--dir DIR]
 *
 * Targets (issue 2): writing 1,000,000 transactions ≤ 3× sqlite3 .import of
 * the same rows as CSV; a balance or a month's totals ≤ 20 ms on that book. */
#include <gio/gio.h>
#include <locale.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

#include "bench-common.h"
#include "daftari-core.h"

#define POST_SLICE 4096
#define REPEAT 15

typedef struct {
  char *dir;
  char *book_path;
  char *csv_path;
  char *flat_path;
} Paths;

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

/* CPU seconds (user + system) used so far by this process or its children. */
static double
cpu_seconds (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/* Runs the sqlite3 tool on the flat database with a script on stdin;
 * returns the wall time, or the median of its ".timer" figures when timed. */
static double
run_sqlite3 (const char *db, const char *script, gboolean timed)
{
  const char *argv[] = { "sqlite3", db, NULL };
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double wall, runs[64];
  guint n = 0;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                     G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  if (process == NULL || !g_subprocess_communicate_utf8 (process, script, NULL, &out, &err, &error))
    g_error ("sqlite3: %s", error->message);
  wall = seconds_since (start);
  if (!g_subprocess_get_successful (process))
    g_error ("sqlite3 failed: %s", err);
  if (!timed)
    return wall;
  for (const char *p = out; (p = strstr (p, "Run Time: real ")) != NULL && n < G_N_ELEMENTS (runs); p++)
    runs[n++] = g_ascii_strtod (p + strlen ("Run Time: real "), NULL);
  return n ? bench_median (runs, n) : wall;
}

/* The flat row of a transaction: where the money came from and went to. */
static void
write_csv_row (FILE *csv, const DaftariTxn *txn, gint64 id)
{
  gint64 from = 0, to = 0, fee = 0;
  g_autofree char *memo = g_strdup (txn->memo);

  for (guint i = 0; i < txn->splits->len; i++)
    {
      const DaftariSplit *s = daftari_txn_get_split (txn, i);
      if (s->role == DAFTARI_SPLIT_FEE)
        fee += s->value;
      else if (s->value < 0 && from == 0)
        from = s->account_id;
      else if (s->value > 0 && to == 0)
        to = s->account_id;
    }
  g_strdelimit (memo, "\",", ' ');
  fprintf (csv, "%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%s,\"%s\",%s,%s,%s,%" G_GINT64_FORMAT ",%"
           G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT "\n",
           id, txn->ts, daftari_txn_kind_to_string (txn->kind), memo, txn->channel, txn->counterparty,
           txn->reference, from, to, daftari_txn_get_principal (txn), fee);
}

static double
time_query (void (*query) (DaftariBook *, gpointer), DaftariBook *book, gpointer data)
{
  double runs[REPEAT];

  for (guint i = 0; i < REPEAT; i++)
    {
      gint64 start = g_get_monotonic_time ();
      query (book, data);
      runs[i] = seconds_since (start);
    }
  return bench_median (runs, REPEAT);
}

typedef struct {
  gint64       account_id;
  gint64       ts;
  DaftariMonth month;
  const char  *text;
} Question;

static void
query_balance (DaftariBook *book, gpointer data)
{
  Question *q = data;
  gint64 balance;
  bench_check (daftari_query_balance (book, q->account_id, q->ts, &balance, NULL), NULL);
}

static void
query_month (DaftariBook *book, gpointer data)
{
  Question *q = data;
  g_autoptr(GArray) totals = daftari_query_month_totals (book, q->month, NULL);
  bench_check (totals != NULL, NULL);
}

static void
query_search (DaftariBook *book, gpointer data)
{
  Question *q = data;
  DaftariTxnFilter filter;
  g_autoptr(GPtrArray) found = NULL;

  daftari_txn_filter_init (&filter);
  filter.text = q->text;
  filter.limit = 100;
  found = daftari_query_transactions (book, &filter, NULL);
  bench_check (found != NULL && found->len > 0, NULL);
}

static void
report (const char *what, double ours, double baseline, const char *target)
{
  g_print ("%-44s %10.2f ms %10.2f ms %8.2f×   %s\n", what, ours * 1000, baseline * 1000,
           ours / baseline, target);
}

static char *
repeated (const char *sql)
{
  GString *script = g_string_new (".timer on\n");
  for (guint i = 0; i < REPEAT; i++)
    g_string_append_printf (script, "%s\n", sql);
  return g_string_free (script, FALSE);
}

int
main (int argc, char **argv)
{
  int transactions = 1000000, seed = 254;
  g_autofree char *dir = NULL;
  const GOptionEntry entries[] = {
    { "transactions", 0, 0, G_OPTION_ARG_INT, &transactions, "Transactions to write", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Generator seed", "S" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, "Where to put the files (default: a temporary folder)", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— measure the ledger");
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariBook) book = NULL;
  g_autoptr(DaftariGenerator) generator = NULL;
  g_autoptr(GPtrArray) txns = g_ptr_array_new_with_free_func ((GDestroyNotify) daftari_txn_free);
  DaftariBookSetup setup = { "Benchmark Wholesalers", "KES", NULL };
  gint64 start, end_ts = daftari_calendar_now ();
  double write_s, checkpoint_s, import_s, write_cpu, import_cpu;
  FILE *csv;
  Question q = { 0 };
  struct rusage usage;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  daftari_core_init ();
  if (dir == NULL)
    dir = g_dir_make_tmp ("daftari-bench-XXXXXX", &error);
  bench_check (dir != NULL && g_mkdir_with_parents (dir, 0700) == 0, error);
  Paths paths = { dir, g_build_filename (dir, "bench.daftari", NULL), g_build_filename (dir, "rows.csv", NULL),
                  g_build_filename (dir, "flat.sqlite", NULL) };
  daftari_book_remove_files (paths.book_path);
  daftari_book_remove_files (paths.flat_path);

  /* 1. Make the workload (not timed): the transactions, and the same rows as CSV. */
  book = daftari_book_create (paths.book_path, &setup, &error);
  bench_check (book != NULL, error);
  generator = daftari_generator_new (book, seed, transactions, end_ts, &error);
  bench_check (generator != NULL, error);
  start = g_get_monotonic_time ();
  /* Generating only reads; one transaction spares a lock per lookup. */
  bench_check (daftari_ledger_batch_begin (book, &error), error);
  for (DaftariTxn *txn; (txn = daftari_generator_next (generator, &error)) != NULL;)
    g_ptr_array_add (txns, txn);
  bench_check (error == NULL, error);
  daftari_ledger_batch_abort (book);
  g_print ("Generated %u transactions in %.1f s (seed %d), in %s\n", txns->len, seconds_since (start), seed, dir);
  csv = fopen (paths.csv_path, "w");
  for (guint i = 0; i < txns->len; i++)
    write_csv_row (csv, g_ptr_array_index (txns, i), i + 1);
  fclose (csv);

  /* 2. Write them all through the ledger, rules and all, as one batch. */
  if (g_getenv ("DAFTARI_BENCH_PAUSE"))   /* lets a profiler attach to the write alone */
    {
      g_print ("pid %d: writing in 5 s\n", getpid ());
      g_usleep (5 * G_USEC_PER_SEC);
    }
  start = g_get_monotonic_time ();
  write_cpu = cpu_seconds (RUSAGE_SELF);
  bench_check (daftari_ledger_batch_begin (book, &error), error);
  /* In slices, as an import posts what it parsed. */
  for (guint i = 0; i < txns->len; i += POST_SLICE)
    bench_check (daftari_ledger_post_many (book, (DaftariTxn *const *) txns->pdata + i, MIN (POST_SLICE, txns->len - i),
                                     NULL, &error), error);
  {
    gint64 commit_start = g_get_monotonic_time ();
    bench_check (daftari_ledger_batch_commit (book, &error), error);
    g_print ("(of which COMMIT: %.0f ms)\n", seconds_since (commit_start) * 1000);
  }
  write_s = seconds_since (start);
  write_cpu = cpu_seconds (RUSAGE_SELF) - write_cpu;
  start = g_get_monotonic_time ();
  bench_check (daftari_book_checkpoint (book, &error), error);
  checkpoint_s = seconds_since (start);

  /* 3. The baseline: sqlite3 .import of the same rows into a flat table. */
  {
    g_autofree char *script = g_strdup_printf (
        "CREATE TABLE flat (id INTEGER, ts INTEGER, kind TEXT, memo TEXT, channel TEXT, counterparty TEXT,"
        " reference TEXT, from_account INTEGER, to_account INTEGER, value INTEGER, fee INTEGER);\n"
        ".mode csv\n.import '%s' flat\n", paths.csv_path);
    import_cpu = cpu_seconds (RUSAGE_CHILDREN);
    import_s = run_sqlite3 (paths.flat_path, script, FALSE);
    import_cpu = cpu_seconds (RUSAGE_CHILDREN) - import_cpu;
  }

  g_print ("\n%-44s %13s %13s %9s   %s\n", "", "Daftari", "sqlite3", "ratio", "target");
  report ("write all transactions (one batch)", write_s, import_s, "≤ 3× .import");
  report ("  the same, in CPU time (steadier)", write_cpu, import_cpu, "≤ 3× .import");
  report ("  then SQLite's checkpoint (WAL → file)", checkpoint_s, import_s, "done when idle or closing");
  report ("  write and checkpoint together", write_s + checkpoint_s, import_s, "");
  g_print ("%-44s %10.0f/s %10.0f/s\n", "  rows per second", txns->len / write_s, txns->len / import_s);

  /* 4. Questions a shop owner asks, on the full book. */
  {
    g_autoptr(DaftariAccount) mpesa = daftari_account_find (book, "M-PESA", &error);
    g_autoptr(DaftariAccount) sales = daftari_account_find (book, "Sales", &error);
    DaftariCalendar *calendar = daftari_book_get_calendar (book);
    gint64 mid_ts = ((DaftariTxn *) g_ptr_array_index (txns, txns->len / 2))->ts;
    gint64 month_start, month_end;
    g_autofree char *sql = NULL;
    g_autofree char *script = NULL;
    double ours, theirs;

    bench_check (mpesa != NULL && sales != NULL, error);
    q.account_id = mpesa->id;
    q.ts = mid_ts;
    ours = time_query (query_balance, book, &q);
    sql = g_strdup_printf ("SELECT sum (CASE WHEN to_account = %1$" G_GINT64_FORMAT " THEN value ELSE 0 END)"
                           " - sum (CASE WHEN from_account = %1$" G_GINT64_FORMAT " THEN value + fee ELSE 0 END)"
                           " FROM flat WHERE ts <= %2$" G_GINT64_FORMAT
                           " AND (from_account = %1$" G_GINT64_FORMAT " OR to_account = %1$" G_GINT64_FORMAT ");",
                           mpesa->id, mid_ts);
    script = repeated (sql);
    theirs = run_sqlite3 (paths.flat_path, script, TRUE);
    report ("M-PESA balance as of mid-history", ours, theirs, "≤ 20 ms");

    q.month = daftari_calendar_month_of (calendar, mid_ts);
    daftari_calendar_month_range (calendar, q.month, &month_start, &month_end);
    ours = time_query (query_month, book, &q);
    g_free (sql);
    g_free (script);
    sql = g_strdup_printf ("SELECT to_account, sum (value) FROM flat WHERE ts >= %" G_GINT64_FORMAT
                           " AND ts < %" G_GINT64_FORMAT " GROUP BY to_account;", month_start, month_end);
    script = repeated (sql);
    theirs = run_sqlite3 (paths.flat_path, script, TRUE);
    report ("a month's totals per category", ours, theirs, "≤ 20 ms");

    q.text = "KPLC";
    ours = time_query (query_search, book, &q);
    g_free (sql);
    g_free (script);
    sql = g_strdup ("SELECT * FROM flat WHERE memo LIKE '%KPLC%' ORDER BY ts DESC LIMIT 100;");
    script = repeated (sql);
    theirs = run_sqlite3 (paths.flat_path, script, TRUE);
    report ("text search, latest 100 matches", ours, theirs, "(no target)");
  }

  getrusage (RUSAGE_SELF, &usage);
  g_print ("\nPeak memory of this process: %.0f MiB (the generated transactions are held in memory)\n",
           usage.ru_maxrss / 1024.0);
  {
    GStatBuf st;
    if (g_stat (paths.book_path, &st) == 0)
      g_print ("Book file: %.0f MiB\n", st.st_size / 1048576.0);
  }
  return 0;
}
