/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The chart in words and as a table, from the same data that is drawn, for
 * screen readers and for anyone who wants the figures. */
#include "daftari-chart-private.h"

#include <glib/gi18n-lib.h>

void
daftari_chart_table_free (DaftariChartTable *table)
{
  if (table == NULL)
    return;
  g_strfreev (table->columns);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static DaftariChartTable *
table_new (const char *first, ...)
{
  DaftariChartTable *table = g_new0 (DaftariChartTable, 1);
  g_autoptr(GStrvBuilder) columns = g_strv_builder_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *c = first; c != NULL; c = va_arg (ap, const char *))
    g_strv_builder_add (columns, c);
  va_end (ap);
  table->columns = g_strv_builder_end (columns);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return table;
}

/* Adds a row of strings the table takes (NULL-terminated). */
static void
table_add (DaftariChartTable *table, char *first, ...)
{
  GPtrArray *row = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (char *c = first; c != NULL; c = va_arg (ap, char *))
    g_ptr_array_add (row, c);
  va_end (ap);
  g_ptr_array_add (row, NULL);
  g_ptr_array_add (table->rows, g_ptr_array_free (row, FALSE));
}

static char *
share_text (gint64 part, gint64 total)
{
  return g_strdup_printf ("%.1f%%", total > 0 ? 100.0 * part / total : 0.0);
}

DaftariChartTable *
daftari_chart_table (DaftariChart *chart)
{
  DaftariChartTable *table = NULL;

  switch (chart->kind)
    {
    case DAFTARI_CHART_BARS:
      table = table_new (_("Month"), _("Income"), _("Expense"), _("Net"), NULL);
      for (guint i = 0; i < chart->months->len; i++)
        {
          const ChartMonth *m = &g_array_index (chart->months, ChartMonth, i);
          table_add (table, chart_month_label (m->month), chart_money (chart, m->income),
                     chart_money (chart, m->expense), chart_money (chart, m->income - m->expense), NULL);
        }
      break;
    case DAFTARI_CHART_BALANCE:
      table = table_new (_("Date"), _("Balance"), _("Forecast"),
                         /* xgettext:no-c-format */
                         _("80% low"),
                         /* xgettext:no-c-format */
                         _("80% high"),
                         /* xgettext:no-c-format */
                         _("95% low"),
                         /* xgettext:no-c-format */
                         _("95% high"), NULL);
      for (guint i = 0; i < chart->points->len; i++)
        {
          const ChartPoint *p = &g_array_index (chart->points, ChartPoint, i);
          if (p->forecast)
            table_add (table, chart_day_label (p->day), g_strdup (""), chart_money (chart, p->value),
                       chart_money (chart, p->lo80), chart_money (chart, p->hi80),
                       chart_money (chart, p->lo95), chart_money (chart, p->hi95), NULL);
          else
            table_add (table, chart_day_label (p->day), chart_money (chart, p->value), g_strdup (""),
                       g_strdup (""), g_strdup (""), g_strdup (""), g_strdup (""), NULL);
        }
      break;
    case DAFTARI_CHART_CATEGORIES:
      {
        /* Every category, small ones too: the table hides nothing the
         * donut merged into Other. */
        gint64 total = 0;

        table = table_new (_("Category"), _("Amount"), _("Share"), NULL);
        chart_donut_prepare (chart);
        for (guint i = 0; i < chart->categories->len; i++)
          total += g_array_index (chart->categories, ChartCategory, i).amount;
        for (guint i = 0; i < chart->slices->len; i++)
          {
            const ChartSlice *s = &g_array_index (chart->slices, ChartSlice, i);
            if (s->n_merged == 0)
              table_add (table, g_strdup (s->label), chart_money (chart, s->amount),
                         share_text (s->amount, total), NULL);
          }
        for (guint i = 0; i < chart->categories->len; i++)
          {
            const ChartCategory *c = &g_array_index (chart->categories, ChartCategory, i);
            gboolean shown = FALSE;
            for (guint j = 0; j < chart->slices->len && !shown; j++)
              shown = g_array_index (chart->slices, ChartSlice, j).n_merged == 0 &&
                      g_array_index (chart->slices, ChartSlice, j).id == c->id;
            if (!shown)
              table_add (table, g_strdup (c->label), chart_money (chart, c->amount),
                         share_text (c->amount, total), NULL);
          }
        break;
      }
    case DAFTARI_CHART_BUDGET:
    default:
      table = table_new (_("Category"), _("Budget"), _("Spent"), _("Remaining"), _("Used"), NULL);
      for (guint i = 0; i < chart->categories->len; i++)
        {
          const ChartCategory *c = &g_array_index (chart->categories, ChartCategory, i);
          table_add (table, g_strdup (c->label), chart_money (chart, c->budget),
                     chart_money (chart, c->amount), chart_money (chart, c->budget - c->amount),
                     chart_budget_used (c), NULL);
        }
      break;
    }
  return table;
}

/* ---- the description ---- */

static void
describe_bars (DaftariChart *chart, GString *out)
{
  const ChartMonth *first = &g_array_index (chart->months, ChartMonth, 0);
  const ChartMonth *last = &g_array_index (chart->months, ChartMonth, chart->months->len - 1);
  const ChartMonth *top_in = first, *top_out = first;
  gint64 income = 0, expense = 0;

  for (guint i = 0; i < chart->months->len; i++)
    {
      const ChartMonth *m = &g_array_index (chart->months, ChartMonth, i);
      income += m->income;
      expense += m->expense;
      top_in = m->income > top_in->income ? m : top_in;
      top_out = m->expense > top_out->expense ? m : top_out;
    }
  {
    g_autofree char *from = chart_month_label (first->month);
    g_autofree char *to = chart_month_label (last->month);
    g_autofree char *in = chart_money (chart, income);
    g_autofree char *out_total = chart_money (chart, expense);
    g_autofree char *in_top = chart_money (chart, top_in->income);
    g_autofree char *in_month = chart_month_label (top_in->month);
    g_autofree char *out_top = chart_money (chart, top_out->expense);
    g_autofree char *out_month = chart_month_label (top_out->month);

    g_string_append_printf (out, _("Bar chart of income and expense per month, %s to %s. "
                                   "Income %s in all, expense %s. "
                                   "Most income: %s in %s. Most expense: %s in %s."),
                            from, to, in, out_total, in_top, in_month, out_top, out_month);
  }
}

static void
describe_balance (DaftariChart *chart, GString *out)
{
  const ChartPoint *first = &g_array_index (chart->points, ChartPoint, 0);
  const ChartPoint *last = first, *low = first;
  const ChartPoint *end = &g_array_index (chart->points, ChartPoint, chart->points->len - 1);

  for (guint i = 0; i < chart->points->len; i++)
    {
      const ChartPoint *p = &g_array_index (chart->points, ChartPoint, i);
      if (p->forecast)
        break;
      last = p;
      low = p->value < low->value ? p : low;
    }
  if (!first->forecast)
    {
      g_autofree char *from = chart_day_label (first->day), *to = chart_day_label (last->day);
      g_autofree char *a = chart_money (chart, first->value), *b = chart_money (chart, last->value);
      g_autofree char *l = chart_money (chart, low->value), *l_day = chart_day_label (low->day);

      g_string_append_printf (out, _("Line chart of the balance from %s (%s) to %s (%s); lowest %s on %s."),
                              from, a, to, b, l, l_day);
    }
  if (end->forecast)
    {
      g_autofree char *day = chart_day_label (end->day), *mean = chart_money (chart, end->value);
      g_autofree char *lo80 = chart_money (chart, end->lo80), *hi80 = chart_money (chart, end->hi80);
      g_autofree char *lo95 = chart_money (chart, end->lo95), *hi95 = chart_money (chart, end->hi95);

      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, _("Forecast for %s: %s, 80%% likely between %s and %s, "
                                     "95%% likely between %s and %s."),
                              day, mean, lo80, hi80, lo95, hi95);
    }
}

static void
describe_categories (DaftariChart *chart, GString *out)
{
  gint64 total;
  g_autofree char *total_text = NULL;

  chart_donut_prepare (chart);
  total = chart_slices_total (chart);
  total_text = chart_money (chart, total);
  g_string_append_printf (out, _("Donut chart of %s by category:"), total_text);
  for (guint i = 0; i < chart->slices->len; i++)
    {
      const ChartSlice *s = &g_array_index (chart->slices, ChartSlice, i);
      g_autofree char *amount = chart_money (chart, s->amount);
      g_autofree char *share = share_text (s->amount, total);

      g_string_append_printf (out, "%s %s %s (%s)", i > 0 ? ";" : "", s->label, amount, share);
    }
  g_string_append_c (out, '.');
}

static void
describe_budget (DaftariChart *chart, GString *out)
{
  g_autoptr(GString) over = g_string_new (NULL);
  guint n_over = 0;

  for (guint i = 0; i < chart->categories->len; i++)
    {
      const ChartCategory *c = &g_array_index (chart->categories, ChartCategory, i);
      g_autofree char *spent = NULL, *budget = NULL;

      if (!chart_budget_is_over (c))
        continue;
      spent = chart_money (chart, c->amount);
      budget = chart_money (chart, c->budget);
      /* Translators: "Rent (KES 12,000.00 of KES 10,000.00)" */
      g_string_append_printf (over, _("%s%s (%s of %s)"), n_over++ > 0 ? "; " : "", c->label, spent, budget);
    }
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "Budget against spending for %u category.",
                                            "Budget against spending for %u categories.",
                                            chart->categories->len), chart->categories->len);
  g_string_append_c (out, ' ');
  if (n_over == 0)
    g_string_append (out, _("None is over budget."));
  else
    g_string_append_printf (out, _("Over budget: %s."), over->str);
}

char *
daftari_chart_describe (DaftariChart *chart)
{
  GString *out = g_string_new (NULL);

  if (chart->title != NULL && *chart->title != '\0')
    g_string_append_printf (out, "%s. ", chart->title);
  if (chart_is_empty (chart))
    g_string_append (out, _("No data for this period"));
  else
    switch (chart->kind)
      {
      case DAFTARI_CHART_BARS:       describe_bars (chart, out); break;
      case DAFTARI_CHART_BALANCE:    describe_balance (chart, out); break;
      case DAFTARI_CHART_CATEGORIES: describe_categories (chart, out); break;
      case DAFTARI_CHART_BUDGET:
      default:                       describe_budget (chart, out); break;
      }
  return g_string_free (out, FALSE);
}
