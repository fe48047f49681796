/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bench-common.h"

#include "daftari-generator.h"

void
bench_check (gboolean ok, GError *error)
{
  if (!ok)
    g_error ("%s", error ? error->message : "failed");
}

double
bench_median (double *values, guint n)
{
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && values[j - 1] > values[j]; j--)
      {
        double t = values[j];
        values[j] = values[j - 1];
        values[j - 1] = t;
      }
  return values[n / 2];
}

DaftariBook *
bench_open_or_make (const char *path, const char *business, int transactions, int seed)
{
  g_autoptr(GError) error = NULL;
  DaftariBookSetup setup = { business, "KES", NULL };
  DaftariBook *book;
  gint64 start;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      book = daftari_book_open (path, &error);
      bench_check (book != NULL, error);
      g_print ("Reusing %s\n", path);
      return book;
    }
  book = daftari_book_create (path, &setup, &error);
  bench_check (book != NULL, error);
  start = g_get_monotonic_time ();
  bench_check (daftari_generator_fill (book, seed, transactions, daftari_calendar_now (), &error), error);
  bench_check (daftari_book_checkpoint (book, &error), error);
  g_print ("Made %d transactions in %.0f s (seed %d): %s\n", transactions,
           (g_get_monotonic_time () - start) / 1e6, seed, path);
  return book;
}
