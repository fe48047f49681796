/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issues 1,000 invoices of 10 lines each (save the draft, issue: number,
 * totals, posting) on a fresh book and prints the time. Built with the
 * project, run by hand: bench-invoices [--invoices N]. */
#include <glib/gstdio.h>

#include "daftari-core.h"
#include "daftari-customer.h"
#include "daftari-invoice.h"

static int n_invoices = 1000;

G_GNUC_NORETURN static void
die (GError *error)
{
  g_printerr ("bench-invoices: %s\n", error->message);
  exit (1);
}

int
main (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "invoices", 0, 0, G_OPTION_ARG_INT, &n_invoices, "How many invoices", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-invoices-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(DaftariBook) book = NULL;
  const DaftariBookSetup setup = { "Bench", "KES", "Africa/Nairobi" };
  DaftariCustomerSpec customer = { .name = "Bench customer" };
  gint64 customer_id, start;
  double seconds;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || dir == NULL)
    die (error);
  daftari_core_init ();
  path = g_build_filename (dir, "bench.daftari", NULL);
  if ((book = daftari_book_create (path, &setup, &error)) == NULL ||
      !daftari_customer_add (book, &customer, &customer_id, &error))
    die (error);
  start = g_get_monotonic_time ();
  for (int i = 0; i < n_invoices; i++)
    {
      g_autoptr(DaftariInvoice) invoice = daftari_invoice_new ();
      invoice->customer_id = customer_id;
      invoice->discount = (DaftariDiscount) { DAFTARI_DISCOUNT_PERCENT, 250 };
      for (int j = 0; j < 10; j++)
        {
          DaftariInvoiceLine *line = daftari_invoice_add_line (invoice, "Item");
          line->quantity = 1000 + 125 * j;
          line->unit_price = 1999 + 1000 * j + i;
          line->vat_rate = j % 4;
        }
      if (!daftari_invoice_save_draft (book, invoice, &error) ||
          !daftari_invoice_issue (book, invoice->id, 0, NULL, &error))
        die (error);
    }
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_print ("%d invoices of 10 lines drafted and issued in %.2f s (%.2f ms each)\n", n_invoices, seconds,
           1000 * seconds / n_invoices);

  /* Listing them all, as the Invoices page does when it opens (the issue's
   * "50,000 invoices open without a pause": run with --invoices 50000). */
  {
    DaftariInvoiceFilter filter = { .any_status = TRUE };
    g_autoptr(GPtrArray) all = NULL;
    double runs[5];

    for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
      {
        g_clear_pointer (&all, g_ptr_array_unref);
        start = g_get_monotonic_time ();
        if ((all = daftari_invoice_list (book, &filter, &error)) == NULL)
          die (error);
        runs[r] = (g_get_monotonic_time () - start) / 1e3;
      }
    for (guint i = 1; i < G_N_ELEMENTS (runs); i++)   /* insertion sort for the median */
      for (guint j = i; j > 0 && runs[j - 1] > runs[j]; j--)
        {
          double t = runs[j];
          runs[j] = runs[j - 1];
          runs[j - 1] = t;
        }
    g_print ("listing all %u invoices (with status and balance): %.1f ms (median of 5)\n", all->len, runs[2]);
  }
  g_clear_object (&book);
  daftari_book_remove_files (path);
  g_rmdir (dir);
  return 0;
}
