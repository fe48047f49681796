/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Receipt reading time per image against the plain `tesseract IMG stdout`
 * (one thread, as the reader) on the same images in the same run.
 * bench-receipts [DIR] [N]: DIR of images, default
 * $DAFTARI_SHARED_DATA/sroie-dev/img; the first N by name (default 20). */
#include <stdlib.h>
#include <string.h>

#include "daftari-receipt.h"

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return values->len == 0 ? 0 : g_array_index (values, double, values->len / 2);
}

static double
time_tesseract (const char *path)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                                                       | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) process = NULL;
  gint64 start = g_get_monotonic_time ();

  g_subprocess_launcher_setenv (launcher, "OMP_THREAD_LIMIT", "1", TRUE);
  process = g_subprocess_launcher_spawn (launcher, NULL, "tesseract", path, "stdout", NULL);
  if (process == NULL || !g_subprocess_wait_check (process, NULL, NULL))
    return -1;
  return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

int
main (int argc, char **argv)
{
  const char *shared = g_getenv ("DAFTARI_SHARED_DATA");
  g_autofree char *dir = argc > 1 ? g_strdup (argv[1])
                                  : shared != NULL ? g_build_filename (shared, "sroie-dev", "img", NULL) : NULL;
  guint n = argc > 2 ? (guint) atoi (argv[2]) : 20;
  g_autoptr(GDir) d = dir != NULL ? g_dir_open (dir, 0, NULL) : NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) base = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariReceiptReader) reader = NULL;
  const char *name;
  gint64 start;
  double init;

  if (d == NULL)
    {
      g_printerr ("bench-receipts: no images (give DIR or set DAFTARI_SHARED_DATA)\n");
      return 77;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  start = g_get_monotonic_time ();
  if ((reader = daftari_receipt_reader_new (&error)) == NULL)
    {
      g_printerr ("bench-receipts: %s\n", error->message);
      return 1;
    }
  init = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  for (guint i = 0; i < MIN (n, names->len); i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autoptr(DaftariReceiptScan) scan = NULL;
      double seconds, baseline;

      start = g_get_monotonic_time ();
      scan = daftari_receipt_reader_scan_file (reader, path, NULL, NULL);
      seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
      g_array_append_val (ours, seconds);
      if ((baseline = time_tesseract (path)) >= 0)
        g_array_append_val (base, baseline);
    }
  g_print ("receipts              %u\n", ours->len);
  g_print ("languages             %s\n", daftari_receipt_reader_get_languages (reader));
  g_print ("reader start (s)      %.3f (once per worker)\n", init);
  g_print ("median read (s)       %.3f\n", median (ours));
  g_print ("median tesseract (s)  %.3f (the command, start-up included)\n", median (base));
  g_print ("ratio                 %.2f\n", median (base) > 0 ? median (ours) / median (base) : 0);
  return 0;
}
