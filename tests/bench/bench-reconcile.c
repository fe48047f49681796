/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 10,000 incoming payments reconciled against 20,000 open invoices.
 * Built with the project, run by hand:
 *   bench-reconcile [--invoices N] [--payments N] [--book]
 * Prints the matcher's time (the same code the book uses, fed from a
 * generated scenario) beside a raw baseline measured in the same run: one
 * hash lookup per payment by amount, the least any matcher must do. With
 * --book it also builds a real book (customers, issued invoices, payments
 * as income) and times `reconcile` on it: load, match, apply, commit. */
#include <glib/gstdio.h>
#include <time.h>

#include "daftari-core.h"
#include "daftari-customer.h"
#include "daftari-invoice.h"
#include "daftari-reconcile-scenario.h"
#include "daftari-reconcile.h"

static int n_invoices = 20000;
static int n_payments = 10000;
static gboolean with_book = FALSE;

/* CPU seconds of this process: the figure that does not depend on what
 * else the machine is running. */
static double
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

G_GNUC_NORETURN static void
die (GError *error)
{
  g_printerr ("bench-reconcile: %s\n", error->message);
  exit (1);
}

/* The scenario's first n_payments payments (those for open invoices and
 * unrelated money), against all its invoices still open. */
static double
time_matcher (const DaftariScenario *sc, guint *out_applied, double *out_cpu)
{
  gint64 start = g_get_monotonic_time ();
  double cpu = cpu_now ();
  g_autoptr(DaftariReconcileMatcher) m = daftari_scenario_matcher (sc);

  *out_applied = 0;
  for (guint i = 0; i < sc->payments->len && i < (guint) n_payments; i++)
    {
      const DaftariScenarioPayment *p = &g_array_index (sc->payments, DaftariScenarioPayment, i);
      DaftariReconcilePayment payment = { i + 1, p->amount, p->day, p->name, p->phone, p->reference };
      g_autoptr(GArray) candidates = daftari_reconcile_matcher_candidates (m, &payment, 3);
      if (candidates->len > 0 && g_array_index (candidates, DaftariReconcileCandidate, 0).confidence >= 90)
        {
          daftari_reconcile_matcher_apply (m, &g_array_index (candidates, DaftariReconcileCandidate, 0));
          (*out_applied)++;
        }
    }
  *out_cpu = cpu_now () - cpu;
  return (g_get_monotonic_time () - start) / 1e6;
}

static double
time_baseline (const DaftariScenario *sc, guint *out_found)
{
  g_autoptr(GHashTable) by_amount = g_hash_table_new (g_int64_hash, g_int64_equal);
  gint64 start = g_get_monotonic_time ();

  *out_found = 0;
  for (guint i = 0; i < sc->invoices->len; i++)
    g_hash_table_insert (by_amount, &g_array_index (sc->invoices, DaftariScenarioInvoice, i).total,
                         GUINT_TO_POINTER (i + 1));
  for (guint i = 0; i < sc->payments->len && i < (guint) n_payments; i++)
    *out_found += g_hash_table_contains (by_amount, &g_array_index (sc->payments, DaftariScenarioPayment, i).amount);
  return (g_get_monotonic_time () - start) / 1e6;
}

static void
build_book (DaftariBook *book, const DaftariScenario *sc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariAccount) sales = daftari_account_find (book, "Sales", &error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  DaftariAccountSpec wallet = { .name = "M-PESA", .kind = DAFTARI_ACCOUNT_MPESA };
  gint64 wallet_id;

  if (sales == NULL || !daftari_account_add (book, &wallet, &wallet_id, &error))
    die (error);
  for (guint i = 0; i < sc->customers->len; i++)
    {
      const DaftariScenarioCustomer *c = &g_array_index (sc->customers, DaftariScenarioCustomer, i);
      DaftariCustomerSpec spec = { .name = c->name, .phone = *c->phone ? c->phone : NULL };
      gint64 id;
      if (!daftari_customer_add (book, &spec, &id, &error))
        die (error);
      g_array_append_val (ids, id);
    }
  for (guint i = 0; i < sc->invoices->len; i++)
    {
      const DaftariScenarioInvoice *inv = &g_array_index (sc->invoices, DaftariScenarioInvoice, i);
      g_autoptr(DaftariInvoice) invoice = daftari_invoice_new ();
      DaftariInvoiceLine *line = daftari_invoice_add_line (invoice, "Work");
      invoice->customer_id = g_array_index (ids, gint64, inv->customer);
      line->quantity = DAFTARI_QUANTITY_ONE;
      line->unit_price = inv->total;
      line->vat_rate = DAFTARI_VAT_EXEMPT;
      if (!daftari_invoice_set_due_days (invoice, inv->due_days, &error) ||
          !daftari_invoice_save_draft (book, invoice, &error) ||
          !daftari_invoice_issue (book, invoice->id,
                                  daftari_calendar_day_noon (daftari_book_get_calendar (book), inv->issue_day), NULL,
                                  &error))
        die (error);
    }
  if (!daftari_ledger_batch_begin (book, &error))
    die (error);
  for (guint i = 0; i < sc->payments->len && i < (guint) n_payments; i++)
    {
      const DaftariScenarioPayment *p = &g_array_index (sc->payments, DaftariScenarioPayment, i);
      g_autoptr(DaftariTxn) txn = daftari_txn_new (DAFTARI_TXN_INCOME,
                                                   daftari_calendar_day_noon (daftari_book_get_calendar (book), p->day));
      daftari_txn_set_text (&txn->payee, p->name);
      daftari_txn_set_text (&txn->counterparty, p->phone);
      daftari_txn_set_text (&txn->reference, p->reference);
      daftari_txn_add_split (txn, wallet_id, p->amount, p->amount, DAFTARI_SPLIT_NORMAL);
      daftari_txn_add_split (txn, sales->id, -p->amount, -p->amount, DAFTARI_SPLIT_NORMAL);
      if (!daftari_ledger_post (book, txn, NULL, &error))
        die (error);
    }
  if (!daftari_ledger_batch_commit (book, &error))
    die (error);
}

static void
time_book (const DaftariScenario *sc)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-reconcile-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(DaftariBook) book = NULL;
  g_autoptr(DaftariReconcileResult) result = NULL;
  const DaftariBookSetup setup = { "Bench", "KES", "Africa/Nairobi" };
  gint64 start;

  if (dir == NULL)
    die (error);
  path = g_build_filename (dir, "bench.daftari", NULL);
  if ((book = daftari_book_create (path, &setup, &error)) == NULL)
    die (error);
  start = g_get_monotonic_time ();
  build_book (book, sc);
  g_print ("book built in %.1f s\n", (g_get_monotonic_time () - start) / 1e6);
  start = g_get_monotonic_time ();
  if ((result = daftari_reconcile_run (book, 90, FALSE, &error)) == NULL)
    die (error);
  g_print ("reconcile on the book: %u payments, %u applied, %u for review in %.3f s\n", result->n_payments,
           result->n_applied, result->n_review, (g_get_monotonic_time () - start) / 1e6);
  g_clear_object (&book);
  daftari_book_remove_files (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "invoices", 0, 0, G_OPTION_ARG_INT, &n_invoices, "Open invoices", "N" },
    { "payments", 0, 0, G_OPTION_ARG_INT, &n_payments, "Payments to match", "N" },
    { "book", 0, 0, G_OPTION_ARG_NONE, &with_book, "Also time reconcile on a real book (slow to build)", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("");
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariScenario) sc = NULL;
  guint applied, found;
  double matcher, matcher_cpu, baseline;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die (error);
  daftari_core_init ();
  sc = daftari_scenario_generate (1, n_invoices);
  matcher = time_matcher (sc, &applied, &matcher_cpu);
  baseline = time_baseline (sc, &found);
  g_print ("%d payments against %u invoices: matcher %.3f s wall, %.3f s CPU (%u applied); raw amount lookup "
           "%.4f s (%u hits); ratio %.0f\n", MIN (n_payments, (int) sc->payments->len), sc->invoices->len, matcher,
           matcher_cpu, applied, baseline, found, baseline > 0 ? matcher / baseline : 0.0);
  if (with_book)
    time_book (sc);
  return 0;
}
