/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-report-charts.h"

#include <glib/gi18n.h>

/* Any size: items are looked up for their ids, not their place. */
#define LOOKUP_WIDTH  800.0
#define LOOKUP_HEIGHT 400.0

/* --- What an item stands for --- */

static char *
item_label (DaftariChart *chart, DaftariChartItemKind kind, gint64 id)
{
  for (guint i = 0; i < daftari_chart_get_n_items (chart); i++)
    {
      g_autoptr(DaftariChartItem) item = daftari_chart_get_item (chart, LOOKUP_WIDTH, LOOKUP_HEIGHT, i);
      if (item != NULL && item->kind == kind && item->id == id)
        return g_strdup (item->label);
    }
  return g_strdup ("");
}

static GArray *
slice_ids (DaftariChart *chart)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < daftari_chart_get_n_items (chart); i++)
    {
      g_autoptr(DaftariChartItem) item = daftari_chart_get_item (chart, LOOKUP_WIDTH, LOOKUP_HEIGHT, i);
      if (item != NULL && item->kind == DAFTARI_CHART_ITEM_SLICE)
        g_array_append_val (ids, item->id);
    }
  return ids;
}

static void
pick_month (DaftariReportPick *pick, DaftariBook *book, const DaftariPeriod *period, DaftariMonth month)
{
  daftari_calendar_month_range (daftari_book_get_calendar (book), month, &pick->from_ts, &pick->to_ts);
  if (period != NULL)
    {
      pick->from_ts = MAX (pick->from_ts, period->from_ts);
      pick->to_ts = MIN (pick->to_ts, period->to_ts);
    }
}

DaftariReportPick *
daftari_report_pick_new (DaftariBook *book, DaftariChart *chart, const DaftariPeriod *period,
                         DaftariChartItemKind kind, gint64 id)
{
  DaftariCalendar *calendar = daftari_book_get_calendar (book);
  g_autoptr(DaftariReportPick) pick = g_new0 (DaftariReportPick, 1);
  g_autofree char *label = item_label (chart, kind, id);

  pick->from_ts = period->from_ts;
  pick->to_ts = period->to_ts;
  switch (kind)
    {
    case DAFTARI_CHART_ITEM_INCOME:
    case DAFTARI_CHART_ITEM_EXPENSE:
      /* The bars span whole months, whatever the period picked. */
      pick_month (pick, book, NULL, (DaftariMonth) id);
      pick->kind = kind == DAFTARI_CHART_ITEM_INCOME ? DAFTARI_REPORT_PICK_INCOME : DAFTARI_REPORT_PICK_EXPENSE;
      /* Translators: "Income in Mar 2025" */
      pick->title = g_strdup_printf (kind == DAFTARI_CHART_ITEM_INCOME ? _("Income in %s") : _("Expenses in %s"), label);
      break;
    case DAFTARI_CHART_ITEM_SLICE:
      pick->kind = DAFTARI_REPORT_PICK_CATEGORY;
      pick->category_id = id;
      pick->title = g_steal_pointer (&label);
      break;
    case DAFTARI_CHART_ITEM_OTHER:
      pick->kind = DAFTARI_REPORT_PICK_OTHER;
      pick->excluded = slice_ids (chart);
      pick->title = g_strdup (_("Other Expenses"));
      break;
    case DAFTARI_CHART_ITEM_BALANCE:
      pick->kind = DAFTARI_REPORT_PICK_WALLETS;
      if (daftari_report_chart_balance_monthly (period))
        {
          g_autofree char *month = NULL;
          pick_month (pick, book, period, (DaftariMonth) (id / 100));
          month = g_strdup_printf ("%04d-%02d", (int) (id / 10000), (int) (id / 100 % 100));
          /* Translators: "Money Moved in 2025-03" */
          pick->title = g_strdup_printf (_("Money Moved in %s"), month);
        }
      else
        {
          pick->from_ts = daftari_calendar_day_start (calendar, (DaftariDay) id);
          pick->to_ts = daftari_calendar_day_end (calendar, (DaftariDay) id);
          /* Translators: "Money Moved on 2025-03-14" */
          pick->title = g_strdup_printf (_("Money Moved on %s"), label);
        }
      break;
    case DAFTARI_CHART_ITEM_NONE:
    case DAFTARI_CHART_ITEM_FORECAST:
    case DAFTARI_CHART_ITEM_BUDGET:
    default:
      return NULL;
    }
  return g_steal_pointer (&pick);
}

void
daftari_report_pick_free (DaftariReportPick *pick)
{
  if (pick == NULL)
    return;
  g_free (pick->title);
  if (pick->excluded != NULL)
    g_array_unref (pick->excluded);
  g_free (pick);
}
