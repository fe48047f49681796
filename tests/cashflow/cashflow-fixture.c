/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The synthetic business of cashflow-fixture.h, built through the core's
 * ordinary operations into a real book file. */
#include "cashflow-fixture.h"

#include "daftari-customer.h"
#include "daftari-invoice.h"
#include "daftari-schedule.h"

#define DAYS_2025 365
#define DUE_DAYS 14

static gint64
add_customer (DaftariBook *book, const char *name)
{
  g_autoptr(GError) error = NULL;
  DaftariCustomerSpec spec = { .name = name };
  gint64 id = 0;

  g_assert_true (daftari_customer_add (book, &spec, &id, &error));
  g_assert_no_error (error);
  return id;
}

/* Issues an exempt invoice of amount on day offset; returns its id. */
static gint64
invoice (DaftariBook *book, gint64 customer, gint64 amount, int offset, int due_days, DaftariDay *out_due)
{
  g_autoptr(DaftariInvoice) draft = daftari_invoice_new ();
  g_autoptr(DaftariInvoice) issued = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;
  DaftariInvoiceLine *line = daftari_invoice_add_line (draft, "Goods");

  line->quantity = DAFTARI_QUANTITY_ONE;
  line->unit_price = amount;
  line->vat_rate = DAFTARI_VAT_EXEMPT;
  draft->customer_id = customer;
  draft->due_days = due_days;
  g_assert_true (daftari_invoice_save_draft (book, draft, &error));
  g_assert_true (daftari_invoice_issue (book, draft->id, test_day (book, offset), &number, &error));
  g_assert_no_error (error);
  issued = daftari_invoice_load (book, draft->id, &error);
  g_assert_no_error (error);
  if (out_due != NULL)
    *out_due = issued->due_day;
  return draft->id;
}

static void
pay (DaftariBook *book, gint64 invoice_id, gint64 wallet, gint64 amount, int offset)
{
  g_autoptr(GError) error = NULL;
  DaftariPaymentSpec spec = { .wallet_id = wallet, .amount = amount, .ts = test_day (book, offset),
                              .invoice_ids = &invoice_id, .n_invoices = 1 };

  g_assert_true (daftari_invoice_receive_payment (book, &spec, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
add_schedule (DaftariBook *book, const char *name, const char *rule, gint64 wallet, gint64 category, gint64 amount)
{
  g_autoptr(DaftariSchedule) s = daftari_schedule_new ();
  g_autoptr(GError) error = NULL;

  g_free (s->name);
  s->name = g_strdup (name);
  s->kind = DAFTARI_TXN_EXPENSE;
  s->wallet_id = wallet;
  s->target_id = category;
  s->amount = amount;
  g_assert_true (daftari_recurrence_parse (rule, &s->rule, &error));
  s->start_day = 20250101;
  g_assert_true (daftari_schedule_add (book, s, NULL, &error));
  g_assert_no_error (error);
}

CashflowFixture *
cashflow_fixture_new (void)
{
  CashflowFixture *f = g_new0 (CashflowFixture, 1);
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);
  g_autoptr(DaftariScheduleRun) run = NULL;
  g_autoptr(GError) error = NULL;
  DaftariBook *book;
  gint64 a, b, c;

  f->tb = test_book_new ();
  book = f->tb->book;
  for (int day = 0; day < DAYS_2025; day++)
    {
      test_record (book, DAFTARI_TXN_INCOME, f->tb->kcb, f->tb->sales, 100000 + g_rand_int_range (rand, -30000, 30001),
                   test_day (book, day));
      test_record (book, DAFTARI_TXN_EXPENSE, f->tb->kcb, f->tb->stock, 40000, test_day (book, day) + 60);
    }
  add_schedule (book, "Shop rent", "monthly:1", f->tb->kcb, f->tb->rent, FIXTURE_RENT);
  add_schedule (book, "Wages", "weekly:fri", f->tb->kcb, f->tb->other, FIXTURE_WAGES);
  run = daftari_schedule_run (book, 20251231, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (run->refused->len, ==, 0);
  g_assert_cmpuint (run->posted->len, >=, 12 + 52);

  a = add_customer (book, "Amani Hardware");
  b = add_customer (book, "Baraka Stores");
  c = add_customer (book, "Chui Traders");
  for (int m = 0; m < 10; m++)
    {
      int issued = 10 + m * 30;
      gint64 ia = invoice (book, a, 2000000, issued, DUE_DAYS, NULL);
      gint64 ib = invoice (book, b, 1500000, issued + 1, DUE_DAYS, NULL);
      pay (book, ia, f->tb->mpesa, 2000000, issued + DUE_DAYS + 10);
      pay (book, ib, f->tb->kcb, 1500000, issued + 1 + DUE_DAYS - 2);
    }
  f->a_overdue = invoice (book, a, 5000000, 320, DUE_DAYS, NULL);   /* due 2025-12-01 */
  f->a_overdue_owed = 5000000;
  f->a_open = invoice (book, a, 4000000, 353, DUE_DAYS, &f->a_open_due);
  pay (book, f->a_open, f->tb->mpesa, 1000000, 357);
  f->a_open_owed = 3000000;
  f->b_open = invoice (book, b, 2000000, 358, DUE_DAYS, &f->b_open_due);
  f->b_open_owed = 2000000;
  f->c_open = invoice (book, c, 1200000, 362, 30, &f->c_open_due);
  f->c_open_owed = 1200000;
  return f;
}

void
cashflow_fixture_free (CashflowFixture *fixture)
{
  test_book_free (fixture->tb);
  g_free (fixture);
}
