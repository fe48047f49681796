/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing a 1,000,000-row M-PESA for Business CSV (13 columns) into a
 * fresh book, against `sqlite3 FILE.db ".mode csv" ".import CSV t"` on the
 * same file, timed in the same run (issue 5: at most 3×). Prints both, the
 * ratio, and where Daftari's time goes: reading the file, parsing it into
 * rows, and the import engine with its ledger writes (one batch).
 *   bench-import [--rows N] [--dir DIR] */
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <sys/resource.h>

#include "daftari-core.h"
#include "daftari-import.h"
#include "daftari-mpesa-csv.h"

static int rows = 1000000;
static char *dir;

static const GOptionEntry entries[] = {
  { "rows", 0, 0, G_OPTION_ARG_INT, &rows, "Rows in the CSV", "N" },
  { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, "Work folder (default: a new temporary one)", "DIR" },
  { NULL }
};

static void
check (gboolean ok, const GError *error)
{
  if (!ok)
    g_error ("%s", error != NULL ? error->message : "failed");
}

static double
since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

/* CPU seconds (user + system) of this process, or of its waited-for
 * children: on a machine shared with other work the wall clock mostly
 * measures the neighbours, the CPU time what each side costs. */
static double
cpu_seconds (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/* Oldest first from 2024-01-01 00:00:00 EAT, one row a second: money in
 * (customers paying the till) and out (Paybill payments, with a charge row
 * of their own), so the balance only grows and no row nears the limit. */
static void
write_csv (const char *path, int n)
{
  FILE *f = g_fopen (path, "wb");
  gint64 balance = 0, ts = 1704056400;

  check (f != NULL, NULL);
  fputs ("Receipt No.,Completion Time,Initiation Time,Details,Transaction Status,Paid In,Withdrawn,Balance,"
         "Balance Confirmed,Reason Type,Other Party Info,Linked Transaction ID,A/C No.\r\n", f);
  for (int i = 0; i < n; i++, ts++)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (ts + 3 * 3600);
      g_autofree char *when = g_date_time_format (dt, "%Y-%m-%d %H:%M:%S");
      char receipt[11];
      gint64 amount = i % 3 == 2 ? -(5000 + i % 7 * 100) : 10000 + i % 11 * 250;

      g_snprintf (receipt, sizeof receipt, "SK%08X", (guint) i);
      balance += amount;
      if (amount > 0)
        fprintf (f, "%s,%s,%s,\"Funds received from - 2547******%03d JANE WANJIRU\",Completed,"
                    "\"%lld.%02lld\",,\"%lld.%02lld\",true,Customer Payment,,,\r\n",
                 receipt, when, when, i % 1000, (long long) (amount / 100), (long long) (amount % 100),
                 (long long) (balance / 100), (long long) (balance % 100));
      else
        fprintf (f, "%s,%s,%s,\"Pay Bill to 888880 - KPLC PREPAID Acc. 5410%07d\",Completed,,"
                    "\"-%lld.%02lld\",\"%lld.%02lld\",true,Pay Bill Online,888880 - KPLC PREPAID,,5410%07d\r\n",
                 receipt, when, when, i % 10000000, (long long) (-amount / 100), (long long) (-amount % 100),
                 (long long) (balance / 100), (long long) (balance % 100), i % 10000000);
    }
  fclose (f);
}

static double
time_sqlite_import (const char *csv, const char *db, double *out_cpu)
{
  g_autofree char *import = g_strdup_printf (".import %s t", csv);
  const char *argv[] = { "sqlite3", db, ".mode csv", import, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;
  gint64 start = g_get_monotonic_time ();

  check (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error),
         error);
  check (g_spawn_check_wait_status (status, &error), error);
  *out_cpu = cpu_seconds (RUSAGE_CHILDREN);
  return since (start);
}

int
main (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— measure importing a business CSV");
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariBook) book = NULL;
  g_autoptr(DaftariImportParse) parse = NULL;
  g_autoptr(DaftariImportResult) result = NULL;
  g_autofree char *csv = NULL, *db = NULL, *book_path = NULL, *data = NULL;
  DaftariBookSetup setup = { "Benchmark Wholesalers", "KES", "Africa/Nairobi" };
  DaftariAccountSpec spec = { .name = "M-PESA Till", .kind = DAFTARI_ACCOUNT_MPESA };
  double sqlite_s, read_s, parse_s, import_s, total, sqlite_cpu, cpu;
  gint64 wallet = 0, start;
  gsize length = 0;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  check (g_option_context_parse (context, &argc, &argv, &error), error);
  daftari_core_init ();
  if (dir == NULL)
    dir = g_dir_make_tmp ("daftari-bench-import-XXXXXX", &error);
  check (dir != NULL, error);
  csv = g_build_filename (dir, "business.csv", NULL);
  db = g_build_filename (dir, "flat.db", NULL);
  book_path = g_build_filename (dir, "bench.daftari", NULL);
  g_remove (db);
  daftari_book_remove_files (book_path);

  write_csv (csv, rows);
  sqlite_s = time_sqlite_import (csv, db, &sqlite_cpu);

  book = daftari_book_create (book_path, &setup, &error);
  check (book != NULL, error);
  check (daftari_account_add (book, &spec, &wallet, &error), error);
  start = g_get_monotonic_time ();
  cpu = cpu_seconds (RUSAGE_SELF);
  check (g_file_get_contents (csv, &data, &length, &error), error);
  read_s = since (start);
  start = g_get_monotonic_time ();
  parse = daftari_mpesa_csv_parse (data, length, &error);
  check (parse != NULL, error);
  parse_s = since (start);
  g_clear_pointer (&data, g_free);
  start = g_get_monotonic_time ();
  result = daftari_import_rows (book, wallet, "mpesa-csv", "business.csv", parse, FALSE, NULL, &error);
  check (result != NULL, error);
  import_s = since (start);
  cpu = cpu_seconds (RUSAGE_SELF) - cpu;
  total = read_s + parse_s + import_s;

  g_print ("rows                      %d (%.1f MB)\n", rows, length / 1e6);
  g_print ("sqlite3 .import           %.2f s\n", sqlite_s);
  g_print ("daftari import            %.2f s  (read %.2f, parse %.2f, engine + ledger %.2f)\n",
           total, read_s, parse_s, import_s);
  {
    g_autofree char *wal = g_strconcat (book_path, "-wal", NULL);
    GStatBuf st;
    if (g_stat (wal, &st) == 0)
      g_print ("write-ahead log           %.1f MB\n", st.st_size / 1e6);
  }
  g_print ("posted %u, duplicate %u, rejected %u, warnings %u\n", result->n_new, result->n_duplicate,
           result->n_rejected, result->warnings->len);
  g_print ("ratio                     %.2f× (target ≤ 3×)\n", total / sqlite_s);
  g_print ("CPU time                  sqlite3 %.2f s, daftari %.2f s: %.2f×\n", sqlite_cpu, cpu, cpu / sqlite_cpu);
  return 0;
}
