/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Anomaly flags on a generated shop with planted anomalies: they are found,
 * with few false flags, and a dismissed flag stays dismissed. */
#include "test-common.h"

#include <math.h>

#include "daftari-anomaly.h"
#include "daftari-robust.h"
#include "daftari-schedule.h"

/* The generated book's last day, and its size: about two years. */
#define END_DAY      20250620
#define N_GENERATED  20000

/* The usual range: a constant amount (rent) has no spread, so the fence is
 * 3× it; one outlier among them moves nothing; a spread-out set gets a
 * fence from its upper spread. */
static void
test_usual_range (void)
{
  double values[31];
  DaftariUsualRange usual;
  double spread;

  for (guint i = 0; i < 31; i++)
    values[i] = 3500000;
  daftari_usual_range (values, 30, 4.0, 0.1, 3.0, &usual);
  g_assert_cmpint (usual.median, ==, 3500000);
  g_assert_cmpint (usual.p95, ==, 3500000);
  g_assert_cmpint (usual.fence, ==, 10500000);
  values[30] = 35000000;
  daftari_usual_range (values, 31, 4.0, 0.1, 3.0, &usual);
  g_assert_cmpint (usual.median, ==, 3500000);
  g_assert_cmpint (usual.fence, ==, 10500000);

  /* 100, 200, ..., 10000 (shuffled): median 5050, p95 9505. */
  {
    double spread_values[100];
    for (guint i = 0; i < 100; i++)
      spread_values[(i * 37) % 100] = 100.0 * (i + 1);
    daftari_usual_range (spread_values, 100, 4.0, 0.1, 3.0, &usual);
  }
  g_assert_cmpint (usual.median, ==, 5050);
  g_assert_cmpint (usual.p95, ==, 9505);
  spread = log (9505.0 / 5050.0) / 1.6448536269514722;
  g_assert_cmpint (usual.fence, ==, (gint64) (5050 * exp (4 * spread)));
  g_assert_cmpint (usual.fence, >, 3 * 5050);
}

typedef struct {
  char        *dir;
  char        *path;
  DaftariBook *book;
  gint64       bank, stock, rent, electricity, fuel, taxes;
  GHashTable  *planted;          /* keys of the flags that should come up */
  GHashTable  *explained;        /* "CATEGORY:YYYYMM" months a planted transaction is in */
  GHashTable  *innocent;         /* txn ids that must not be flagged (first of a pair, scheduled) */
} Planted;

static gint64
ts_of (DaftariBook *book, DaftariDay day, int hour)
{
  return daftari_calendar_day_start (daftari_book_get_calendar (book), day) + hour * 3600;
}

static void
note (Planted *p, GHashTable *set, char *key)
{
  g_hash_table_add (set, key);
}

static gint64
plant_expense (Planted *p, gint64 category, gint64 shillings, DaftariDay day, int hour, const char *memo)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (daftari_ops_record (p->book, DAFTARI_TXN_EXPENSE, p->bank, category, shillings * 100,
                                     ts_of (p->book, day, hour), memo, &id, &error));
  g_assert_no_error (error);
  note (p, p->explained, g_strdup_printf ("%lld:%d", (long long) category, day / 100));
  return id;
}

static gint64
plant_payment (Planted *p, DaftariPayChannel channel, const char *number, const char *account,
               gint64 category, gint64 shillings, DaftariDay day, int hour, const char *memo)
{
  g_autoptr(GError) error = NULL;
  DaftariPaySpec spec = { .channel = channel, .wallet_id = p->bank, .number = number, .account = account,
                          .category_id = category, .amount = shillings * 100, .ts = ts_of (p->book, day, hour),
                          .memo = memo };
  gint64 id = 0;

  g_assert_true (daftari_ops_pay (p->book, &spec, &id, &error));
  g_assert_no_error (error);
  note (p, p->explained, g_strdup_printf ("%lld:%d", (long long) category, day / 100));
  return id;
}

static void
expect (Planted *p, const char *kind, gint64 id)
{
  note (p, p->planted, g_strdup_printf ("%s:%lld", kind, (long long) id));
}

/* A daily airtime top-up by schedule: the same amount to the same payee
 * every day, which is what schedules are for, not a duplicate. */
static void
add_scheduled_airtime (Planted *p)
{
  g_autoptr(DaftariSchedule) s = daftari_schedule_new ();
  g_autoptr(DaftariScheduleRun) run = NULL;
  g_autoptr(GError) error = NULL;

  g_free (s->name);
  s->name = g_strdup ("Daily airtime");
  s->kind = DAFTARI_TXN_EXPENSE;
  s->wallet_id = p->bank;
  s->target_id = p->fuel;
  s->amount = 25000;
  s->start_day = 20250601;
  daftari_recurrence_parse ("days:1", &s->rule, NULL);
  g_assert_true (daftari_schedule_add (p->book, s, NULL, &error));
  run = daftari_schedule_run (p->book, END_DAY, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (run->posted->len, ==, 20);
  for (guint i = 0; i < run->posted->len; i++)
    g_hash_table_add (p->innocent, GSIZE_TO_POINTER (g_array_index (run->posted, DaftariScheduleOutcome, i).txn_id));
}

static void
plant (Planted *p)
{
  gint64 first;

  /* Far above the usual: a category's, and a payee's. */
  expect (p, "amount", plant_expense (p, p->stock, 480000, 20250512, 10, "Stock from BIDCO DISTRIBUTORS"));
  expect (p, "amount", plant_payment (p, DAFTARI_PAY_PAYBILL, "888880", "54100000000", p->electricity, 45000,
                                      20250520, 11, "KPLC PREPAID"));
  expect (p, "amount", plant_expense (p, p->rent, 350000, 20250602, 9, "Shop rent"));
  /* Paid twice: the second of each pair is the flag; the first is innocent. */
  first = plant_payment (p, DAFTARI_PAY_TILL, "532100", NULL, p->fuel, 4321, 20250515, 9, "RUBIS KASARANI");
  g_hash_table_add (p->innocent, GSIZE_TO_POINTER (first));
  expect (p, "duplicate", plant_payment (p, DAFTARI_PAY_TILL, "532100", NULL, p->fuel, 4321, 20250515, 14,
                                         "RUBIS KASARANI"));
  first = plant_expense (p, p->stock, 23456, 20250605, 10, "Stock from UMOJA HARDWARE");
  g_hash_table_add (p->innocent, GSIZE_TO_POINTER (first));
  expect (p, "duplicate", plant_expense (p, p->stock, 23456, 20250606, 8, "Stock from UMOJA HARDWARE"));
  /* A first, large payment to someone never paid before. */
  expect (p, "new-payee", plant_expense (p, p->stock, 150000, 20250525, 15, "Stock from KAMAU HARDWARE LTD"));
  expect (p, "new-payee", plant_payment (p, DAFTARI_PAY_PAYBILL, "999111", "INV-77", p->stock, 120000,
                                         20250610, 12, "NEW WAVE SUPPLIES"));
  /* Taxes paid three times in May, each an ordinary amount: the month is the anomaly. */
  plant_expense (p, p->taxes, 14100, 20250508, 10, "KRA turnover tax");
  plant_expense (p, p->taxes, 13900, 20250522, 10, "KRA turnover tax");
  note (p, p->planted, g_strdup_printf ("month:%lld:202505", (long long) p->taxes));
  add_scheduled_airtime (p);
}

static Planted *
planted_new (void)
{
  g_autoptr(GError) error = NULL;
  const DaftariBookSetup setup = { "Planted Shop", "KES", "Africa/Nairobi" };
  Planted *p = g_new0 (Planted, 1);
  DaftariCalendar *calendar;

  p->dir = test_make_dir ();
  p->path = g_build_filename (p->dir, "planted.daftari", NULL);
  p->book = daftari_book_create (p->path, &setup, &error);
  g_assert_no_error (error);
  calendar = daftari_book_get_calendar (p->book);
  g_assert_true (daftari_generator_fill (p->book, 42, N_GENERATED, daftari_calendar_day_noon (calendar, END_DAY),
                                         &error));
  g_assert_no_error (error);
  p->bank = test_add_wallet (p->book, "Planted bank", DAFTARI_ACCOUNT_BANK, NULL, 1000000000,
                             daftari_calendar_day_noon (calendar, 20250501), TRUE);
  p->stock = test_account_id (p->book, "Stock purchases");
  p->rent = test_account_id (p->book, "Rent");
  p->electricity = test_account_id (p->book, "Electricity (KPLC)");
  p->fuel = test_account_id (p->book, "Fuel");
  p->taxes = test_account_id (p->book, "Taxes (KRA)");
  p->planted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p->explained = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p->innocent = g_hash_table_new (NULL, NULL);
  plant (p);
  return p;
}

static void
planted_free (Planted *p)
{
  g_clear_object (&p->book);
  test_remove_dir (p->dir);
  g_free (p->dir);
  g_free (p->path);
  g_hash_table_unref (p->planted);
  g_hash_table_unref (p->explained);
  g_hash_table_unref (p->innocent);
  g_free (p);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Planted, planted_free)

static GPtrArray *
find_flags (DaftariBook *book, gboolean include_dismissed)
{
  g_autoptr(GError) error = NULL;
  DaftariAnomalyOptions options;
  GPtrArray *flags;

  daftari_anomaly_options_init (&options);
  options.today = END_DAY;
  options.include_dismissed = include_dismissed;
  flags = daftari_anomaly_find (book, &options, &error);
  g_assert_no_error (error);
  return flags;
}

/* A flag is right when it is a planted one, or a month that a planted
 * transaction is in (a KES 350,000 rent makes June's rent unusual too). */
static gboolean
explained (Planted *p, const DaftariAnomaly *a)
{
  g_autofree char *month = g_strdup_printf ("%lld:%d", (long long) a->category_id, a->month);

  return g_hash_table_contains (p->planted, a->key) ||
         (a->kind == DAFTARI_ANOMALY_MONTH && g_hash_table_contains (p->explained, month));
}

static void
test_planted (void)
{
  g_autoptr(Planted) p = planted_new ();
  g_autoptr(GPtrArray) flags = NULL;
  g_autoptr(GHashTable) found = g_hash_table_new (g_str_hash, g_str_equal);
  guint right = 0;
  double precision, recall;
  gint64 start = g_get_monotonic_time ();

  flags = find_flags (p->book, FALSE);
  g_test_message ("%u flags in %.3f s on %d generated and %u planted transactions", flags->len,
                  (g_get_monotonic_time () - start) / 1e6, N_GENERATED, g_hash_table_size (p->planted));
  for (guint i = 0; i < flags->len; i++)
    {
      const DaftariAnomaly *a = g_ptr_array_index (flags, i);
      gboolean ok = explained (p, a);

      g_test_message ("%s %-22s %s", ok ? "  planted" : "  FALSE  ", a->key, a->message);
      right += ok;
      if (g_hash_table_contains (p->planted, a->key))
        g_hash_table_add (found, a->key);
      /* Never the first of a pair, nor a scheduled post. */
      g_assert_false (g_hash_table_contains (p->innocent, GSIZE_TO_POINTER (a->txn_id)));
      g_assert_nonnull (a->message);
      g_assert_cmpuint (strlen (a->message), >, 20);
    }
  precision = flags->len > 0 ? (double) right / flags->len : 0;
  recall = (double) g_hash_table_size (found) / g_hash_table_size (p->planted);
  g_test_message ("precision %.2f (%u of %u flags), recall %.2f (%u of %u planted)", precision, right, flags->len,
                  recall, g_hash_table_size (found), g_hash_table_size (p->planted));
  g_assert_cmpfloat (recall, >=, 0.85);
  g_assert_cmpfloat (precision, >=, 0.7);
}

/* The message carries the figures: the amount, the payee or category, the ratio. */
static void
test_message_figures (void)
{
  g_autoptr(Planted) p = planted_new ();
  g_autoptr(GPtrArray) flags = find_flags (p->book, FALSE);
  gboolean seen = FALSE;

  for (guint i = 0; i < flags->len; i++)
    {
      const DaftariAnomaly *a = g_ptr_array_index (flags, i);

      if (a->kind == DAFTARI_ANOMALY_AMOUNT && a->amount == 48000000)
        {
          seen = TRUE;
          g_assert_nonnull (strstr (a->message, "KES 480,000.00"));
          g_assert_nonnull (strstr (a->message, "×"));
          g_assert_cmpint (a->usual, >, 0);
          g_assert_cmpint (a->usual, <, 6000000);
        }
      if (a->kind == DAFTARI_ANOMALY_DUPLICATE)
        g_assert_cmpint (a->related_txn_id, >, 0);
    }
  g_assert_true (seen);
}

/* A dismissed flag does not come back, across closing the book; --all
 * shows it marked; restoring brings it back. */
static void
test_dismissal (void)
{
  g_autoptr(Planted) p = planted_new ();
  g_autoptr(GPtrArray) before = find_flags (p->book, FALSE);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  gboolean listed = FALSE;

  g_assert_cmpuint (before->len, >, 0);
  key = g_strdup (((DaftariAnomaly *) g_ptr_array_index (before, 0))->key);
  g_assert_true (daftari_anomaly_dismiss (p->book, key, &error));
  g_assert_no_error (error);
  g_assert_true (daftari_anomaly_dismiss (p->book, key, &error));     /* twice is fine */
  g_assert_false (daftari_anomaly_dismiss (p->book, "amount:x", &error));
  g_assert_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_object (&p->book);
  p->book = daftari_book_open (p->path, &error);
  g_assert_no_error (error);
  after = find_flags (p->book, FALSE);
  g_assert_cmpuint (after->len, ==, before->len - 1);
  for (guint i = 0; i < after->len; i++)
    g_assert_cmpstr (((DaftariAnomaly *) g_ptr_array_index (after, i))->key, !=, key);
  all = find_flags (p->book, TRUE);
  g_assert_cmpuint (all->len, ==, before->len);
  for (guint i = 0; i < all->len; i++)
    {
      const DaftariAnomaly *a = g_ptr_array_index (all, i);
      g_assert_true (a->dismissed == g_str_equal (a->key, key));
      listed |= a->dismissed;
    }
  g_assert_true (listed);

  g_assert_true (daftari_anomaly_restore (p->book, key, &error));
  g_assert_no_error (error);
  restored = find_flags (p->book, FALSE);
  g_assert_cmpuint (restored->len, ==, before->len);
}

int
main (int argc, char **argv)
{
  test_common_init (&argc, &argv);
  g_test_add_func ("/plan/anomaly/usual-range", test_usual_range);
  g_test_add_func ("/plan/anomaly/planted", test_planted);
  g_test_add_func ("/plan/anomaly/message-figures", test_message_figures);
  g_test_add_func ("/plan/anomaly/dismissal", test_dismissal);
  return g_test_run ();
}
