/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The transaction flags: amounts far above the usual, payments made twice,
 * and a first large payment to someone new (docs/planning.md). */
#include "daftari-anomaly-private.h"

#include <glib/gi18n-lib.h>
#include "daftari-robust.h"

#define NO_GROUP G_MAXUINT32

static gboolean
in_window (const DaftariAnomalyOptions *options, const DaftariAnomalyRow *row)
{
  return row->ts >= options->from_ts && row->ts <= options->to_ts && !row->scheduled;
}

typedef struct {
  guint             n;
  DaftariUsualRange range;
} Usual;

typedef guint32 (*GroupOf) (const DaftariAnomalyRow *row);

static guint32
by_category (const DaftariAnomalyRow *row)
{
  return row->category;
}

static guint32
by_payee (const DaftariAnomalyRow *row)
{
  return row->outgoing && row->payee != 0 ? row->payee : NO_GROUP;
}

/* The usual range of every group with at least min_history amounts: the
 * rows' amounts laid out group after group (a counting sort), each group's
 * order statistics found in place. */
static Usual *
usual_ranges (const DaftariAnomalyScan *scan, GroupOf group_of, guint n_groups, guint min_history)
{
  const GArray *rows = scan->rows;
  g_autofree guint *start = g_new0 (guint, n_groups + 1);
  g_autofree guint *fill = NULL;
  g_autofree double *values = g_new (double, MAX (rows->len, 1));
  Usual *usual = g_new0 (Usual, n_groups);

  for (guint i = 0; i < rows->len; i++)
    {
      guint32 g = group_of (&g_array_index (rows, DaftariAnomalyRow, i));
      if (g != NO_GROUP)
        start[g + 1]++;
    }
  for (guint g = 0; g < n_groups; g++)
    start[g + 1] += start[g];
  fill = g_memdup2 (start, sizeof (guint) * n_groups);
  for (guint i = 0; i < rows->len; i++)
    {
      const DaftariAnomalyRow *row = &g_array_index (rows, DaftariAnomalyRow, i);
      guint32 g = group_of (row);
      if (g != NO_GROUP)
        values[fill[g]++] = (double) row->amount;
    }
  for (guint g = 0; g < n_groups; g++)
    {
      usual[g].n = start[g + 1] - start[g];
      if (usual[g].n >= min_history)
        daftari_usual_range (values + start[g], usual[g].n, DAFTARI_ANOMALY_Z, DAFTARI_ANOMALY_MIN_SPREAD,
                             DAFTARI_ANOMALY_MIN_RATIO, &usual[g].range);
    }
  return usual;
}

/* "9×", or "2.5×" below ten. */
static char *
times (gint64 amount, gint64 usual)
{
  double ratio = usual > 0 ? (double) amount / (double) usual : 0;
  return ratio >= 10 ? g_strdup_printf ("%.0f×", ratio) : g_strdup_printf ("%.1f×", ratio);
}

static DaftariAnomaly *
amount_flag (DaftariBook *book, const DaftariAnomalyScan *scan, const DaftariAnomalyRow *row,
             const Usual *usual, gboolean payee_scope)
{
  DaftariAnomaly *flag = daftari_anomaly_for_row (book, scan, row, DAFTARI_ANOMALY_AMOUNT, usual->range.median);
  g_autofree char *amount = daftari_anomaly_money (book, row->amount);
  g_autofree char *median = daftari_anomaly_money (book, usual->range.median);
  g_autofree char *p95 = daftari_anomaly_money (book, usual->range.p95);
  g_autofree char *ratio = times (row->amount, usual->range.median);
  const char *category = g_ptr_array_index (scan->category_names, row->category);

  if (payee_scope)
    /* Translators: "KES 45,000.00 to KAMAU HARDWARE is 9× the usual KES 5,000.00 paid to them (95% of
     * payments to them are at most KES 8,000.00)" */
    flag->message = g_strdup_printf (_("%s to %s is %s the usual %s paid to them (95%% of the %u payments "
                                       "to them are at most %s)"),
                                     amount, flag->payee, ratio, median, usual->n, p95);
  else if (row->outgoing)
    flag->message = g_strdup_printf (_("%s for %s is %s the usual %s (95%% of the %u amounts in that "
                                       "category are at most %s)"),
                                     amount, category, ratio, median, usual->n, p95);
  else
    flag->message = g_strdup_printf (_("%s received for %s is %s the usual %s (95%% of the %u amounts in "
                                       "that category are at most %s)"),
                                     amount, category, ratio, median, usual->n, p95);
  return flag;
}

static gboolean
above (const Usual *usual, guint min_history, gint64 amount)
{
  return usual->n >= min_history && amount > usual->range.fence;
}

void
daftari_anomaly_check_amounts (DaftariBook *book, DaftariAnomalyScan *scan,
                               const DaftariAnomalyOptions *options, GPtrArray *out)
{
  guint n_categories = scan->category_ids->len, n_payees = scan->payee_names->len;
  g_autofree Usual *categories = usual_ranges (scan, by_category, n_categories,
                                               DAFTARI_ANOMALY_MIN_CATEGORY_HISTORY);
  g_autofree Usual *payees = usual_ranges (scan, by_payee, n_payees, DAFTARI_ANOMALY_MIN_PAYEE_HISTORY);
  g_autoptr(GHashTable) flagged = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < scan->rows->len; i++)
    {
      const DaftariAnomalyRow *row = &g_array_index (scan->rows, DaftariAnomalyRow, i);
      const Usual *payee = by_payee (row) != NO_GROUP ? &payees[row->payee] : NULL;
      gboolean by_them = payee != NULL && above (payee, DAFTARI_ANOMALY_MIN_PAYEE_HISTORY, row->amount);

      if (!in_window (options, row) || g_hash_table_contains (flagged, GSIZE_TO_POINTER ((gsize) row->txn_id)))
        continue;
      /* The payee's own history says more than the category's. */
      if (by_them || above (&categories[row->category], DAFTARI_ANOMALY_MIN_CATEGORY_HISTORY, row->amount))
        {
          g_ptr_array_add (out, amount_flag (book, scan, row, by_them ? payee : &categories[row->category],
                                             by_them));
          g_hash_table_add (flagged, GSIZE_TO_POINTER ((gsize) row->txn_id));
        }
    }
}

/* The business's usual outgoing payment: its median and 95th percentile,
 * and a fence at 3× the median. */
static void
business_usual (const DaftariAnomalyScan *scan, DaftariUsualRange *out_usual)
{
  g_autofree double *amounts = g_new (double, MAX (scan->rows->len, 1));
  guint n = 0;

  for (guint i = 0; i < scan->rows->len; i++)
    if (g_array_index (scan->rows, DaftariAnomalyRow, i).outgoing)
      amounts[n++] = (double) g_array_index (scan->rows, DaftariAnomalyRow, i).amount;
  *out_usual = (DaftariUsualRange) { 0, 0, G_MAXINT64 };
  if (n > 0)
    daftari_usual_range (amounts, n, 0, 0, DAFTARI_ANOMALY_MIN_RATIO, out_usual);
}

/* Outgoing rows with a payee, as indices. */
static GArray *
payments (const DaftariAnomalyScan *scan, gboolean include_scheduled)
{
  GArray *list = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < scan->rows->len; i++)
    {
      const DaftariAnomalyRow *row = &g_array_index (scan->rows, DaftariAnomalyRow, i);
      if (row->outgoing && row->payee != 0 && (include_scheduled || !row->scheduled))
        g_array_append_val (list, i);
    }
  return list;
}

static int
by_payee_then_time (gconstpointer a, gconstpointer b, gpointer data)
{
  const DaftariAnomalyRow *rows = data;
  const DaftariAnomalyRow *x = &rows[*(const guint *) a], *y = &rows[*(const guint *) b];

  if (x->payee != y->payee)
    return x->payee < y->payee ? -1 : 1;
  if (x->ts != y->ts)
    return x->ts < y->ts ? -1 : 1;
  return (x->txn_id > y->txn_id) - (x->txn_id < y->txn_id);
}

static DaftariAnomaly *
duplicate_flag (DaftariBook *book, const DaftariAnomalyScan *scan, const DaftariAnomalyRow *row,
                const DaftariAnomalyRow *earlier)
{
  DaftariCalendar *calendar = daftari_book_get_calendar (book);
  DaftariAnomaly *flag = daftari_anomaly_for_row (book, scan, row, DAFTARI_ANOMALY_DUPLICATE, earlier->amount);
  g_autofree char *amount = daftari_anomaly_money (book, row->amount);
  g_autofree char *when = daftari_calendar_format_time (calendar, row->ts);
  g_autofree char *then = daftari_calendar_format_time (calendar, earlier->ts);
  int hours = (int) ((row->ts - earlier->ts) / 3600);

  flag->related_txn_id = earlier->txn_id;
  /* Translators: "KES 4,321.00 to RUBIS on 2025-05-15 14:00, the same as on 2025-05-15 09:00 (5 hours
   * before): paid twice?" */
  flag->message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%s to %s on %s, the same as on %s (%d hour before): paid twice?",
                                                "%s to %s on %s, the same as on %s (%d hours before): paid twice?",
                                                hours),
                                   amount, flag->payee, when, then, hours);
  return flag;
}

void
daftari_anomaly_check_duplicates (DaftariBook *book, DaftariAnomalyScan *scan,
                                  const DaftariAnomalyOptions *options, GPtrArray *out)
{
  const DaftariAnomalyRow *rows = &g_array_index (scan->rows, DaftariAnomalyRow, 0);
  g_autoptr(GArray) list = payments (scan, FALSE);
  DaftariUsualRange business;

  /* Small payments repeat by chance (two KES 300 bundles in a day); a
   * double payment worth a look is at least the business's median one. */
  business_usual (scan, &business);
  g_array_sort_with_data (list, by_payee_then_time, (gpointer) rows);
  for (guint i = 1; i < list->len; i++)
    {
      const DaftariAnomalyRow *row = &rows[g_array_index (list, guint, i)];

      if (!in_window (options, row) || row->amount < business.median)
        continue;
      for (guint j = i; j-- > 0;)
        {
          const DaftariAnomalyRow *earlier = &rows[g_array_index (list, guint, j)];

          if (earlier->payee != row->payee || row->ts - earlier->ts > DAFTARI_ANOMALY_DUPLICATE_SECONDS)
            break;
          if (earlier->amount == row->amount && earlier->txn_id != row->txn_id)
            {
              g_ptr_array_add (out, duplicate_flag (book, scan, row, earlier));
              break;
            }
        }
    }
}

void
daftari_anomaly_check_new_payees (DaftariBook *book, DaftariAnomalyScan *scan,
                                  const DaftariAnomalyOptions *options, GPtrArray *out)
{
  const DaftariAnomalyRow *rows = &g_array_index (scan->rows, DaftariAnomalyRow, 0);
  g_autoptr(GArray) list = payments (scan, TRUE);
  gint64 warm_up_end = scan->first_ts + (gint64) DAFTARI_ANOMALY_WARM_UP_DAYS * 86400;
  guint n = list->len;
  DaftariUsualRange business;
  gint64 large;

  business_usual (scan, &business);
  large = MAX (business.p95, business.fence);
  if (n < DAFTARI_ANOMALY_MIN_CATEGORY_HISTORY)
    return;
  g_array_sort_with_data (list, by_payee_then_time, (gpointer) rows);
  for (guint i = 0; i < list->len; i++)
    {
      const DaftariAnomalyRow *row = &rows[g_array_index (list, guint, i)];
      g_autofree char *amount = NULL, *usual = NULL;
      DaftariAnomaly *flag;

      if (i > 0 && rows[g_array_index (list, guint, i - 1)].payee == row->payee)
        continue;   /* not the first payment to them */
      if (row->ts < warm_up_end || row->amount < large || !in_window (options, row))
        continue;
      flag = daftari_anomaly_for_row (book, scan, row, DAFTARI_ANOMALY_NEW_PAYEE, large);
      amount = daftari_anomaly_money (book, row->amount);
      usual = daftari_anomaly_money (book, large);
      flag->message = g_strdup_printf (_("%s to %s is the first payment to them, and a large one: only "
                                         "the largest 5%% of the business’s %u payments reach %s"),
                                       amount, flag->payee, n, usual);
      g_ptr_array_add (out, flag);
    }
}
