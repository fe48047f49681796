/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-report-cards.h"

#include <glib/gi18n.h>

#include "daftari-anomaly.h"
#include "daftari-budget.h"
#include "daftari-budget-row.h"
#include "daftari-report.h"
#include "daftari-ui-util.h"

/* A card is a glance, not a report: the few largest lines. */
#define MAX_INCOME_LINES  3
#define MAX_EXPENSE_LINES 5
#define MAX_FLAGS         5

/* --- This month by category --- */

static int
by_this_month_desc (gconstpointer a, gconstpointer b)
{
  const DaftariReportLine *x = *(DaftariReportLine *const *) a, *y = *(DaftariReportLine *const *) b;

  return x->values[0] < y->values[0] ? 1 : x->values[0] > y->values[0] ? -1 : g_strcmp0 (x->name, y->name);
}

/* "Last month: KES 9,000.00 · up 12%"; no percentage from nothing. */
static char *
change_text (const DaftariCommodity *currency, gint64 now, gint64 before)
{
  g_autofree char *before_text = daftari_ui_format_money (before, currency);
  gint64 pct;

  if (before <= 0 || !daftari_money_muldiv (now - before, 100, before, &pct, NULL) || pct == 0)
    return g_strdup_printf (_("Last month: %s"), before_text);
  /* xgettext:no-c-format */
  return g_strdup_printf (pct > 0 ? _("Last month: %s · up %lld%%") : _("Last month: %s · down %lld%%"),
                          before_text, (long long) ABS (pct));
}

static GtkWidget *
category_row (const DaftariCommodity *currency, const DaftariReportLine *line, const char *kind)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *amount = daftari_ui_format_money (line->values[0], currency);
  g_autofree char *change = change_text (currency, line->values[0], line->values[1]);
  /* Translators: "Expenses · Last month: KES 9,000.00 · up 12%" */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), kind, change);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), daftari_ui_amount_label (amount));
  return row;
}

static guint
add_lines (AdwPreferencesGroup *group, const DaftariCommodity *currency, GPtrArray *lines, guint max,
           const char *kind)
{
  /* Not g_ptr_array_copy: that would take the report's free function too. */
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (lines->len);
  guint added = 0;

  for (guint i = 0; i < lines->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (lines, i));
  g_ptr_array_sort (sorted, by_this_month_desc);
  for (guint i = 0; i < sorted->len && added < max; i++)
    {
      const DaftariReportLine *line = g_ptr_array_index (sorted, i);
      if (line->values[0] <= 0)
        break;
      daftari_ui_group_add (group, category_row (currency, line, kind));
      added++;
    }
  return added;
}

gboolean
daftari_report_cards_categories (AdwPreferencesGroup *group, DaftariBook *book, DaftariMonth month, GError **error)
{
  const DaftariCommodity *currency = daftari_book_get_currency (book);
  g_autoptr(DaftariMonthlyReport) report = daftari_report_monthly (book, month, error);
  guint added;

  daftari_ui_group_clear (group);
  if (report == NULL)
    return FALSE;
  added = add_lines (group, currency, report->totals->income, MAX_INCOME_LINES, _("Income"));
  added += add_lines (group, currency, report->totals->expense, MAX_EXPENSE_LINES, _("Expenses"));
  adw_preferences_group_set_description (group, added ? _("The largest categories, against last month.")
                                                       : _("No income or expenses this month yet."));
  return TRUE;
}

/* --- Budgets --- */

gboolean
daftari_report_cards_budgets (AdwPreferencesGroup *group, DaftariBook *book, GError **error)
{
  DaftariDay today = daftari_calendar_today (daftari_book_get_calendar (book));
  g_autoptr(DaftariBudgetReport) report = daftari_budget_report (book, today / 100, today, error);

  daftari_ui_group_clear (group);
  if (report == NULL)
    return FALSE;
  for (guint i = 0; i < report->lines->len; i++)
    daftari_ui_group_add (group, daftari_budget_row_new (daftari_book_get_currency (book),
                                                         &g_array_index (report->lines, DaftariBudgetLine, i)));
  adw_preferences_group_set_description (group, report->lines->len > 0 ? NULL :
                                         _("No budgets for this month. Set one on the Plan page."));
  return TRUE;
}

/* --- Anomaly flags --- */

static const char *
flag_title (DaftariAnomalyKind kind)
{
  switch (kind)
    {
    case DAFTARI_ANOMALY_DUPLICATE:
      return _("Paid Twice?");
    case DAFTARI_ANOMALY_NEW_PAYEE:
      return _("Large First Payment");
    case DAFTARI_ANOMALY_MONTH:
      return _("Unusual Month");
    case DAFTARI_ANOMALY_AMOUNT:
    default:
      return _("Unusual Amount");
    }
}

static GtkWidget *
flag_row (DaftariBook *book, const DaftariAnomaly *flag, GCallback on_dismiss, gpointer user_data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *dismiss = gtk_button_new_with_mnemonic (_("_Dismiss"));
  g_autofree char *day = daftari_calendar_format_date (daftari_book_get_calendar (book), flag->ts);
  /* Translators: "Paid Twice? · 2025-05-15" */
  g_autofree char *title = g_strdup_printf (_("%s · %s"), flag_title (flag->kind), day);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), flag->message);
  gtk_widget_set_valign (dismiss, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (dismiss, _("It is fine: stop showing this flag"));
  g_object_set_data_full (G_OBJECT (dismiss), "anomaly-key", g_strdup (flag->key), g_free);
  g_signal_connect (dismiss, "clicked", on_dismiss, user_data);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dismiss);
  return row;
}

void
daftari_report_cards_flags (AdwPreferencesGroup *group, DaftariBook *book, GPtrArray *flags, GCallback on_dismiss,
                            gpointer user_data)
{
  guint shown = MIN (flags->len, MAX_FLAGS);
  g_autofree char *more = NULL;

  daftari_ui_group_clear (group);
  /* Newest first: the flags come oldest first. */
  for (guint i = 0; i < shown; i++)
    daftari_ui_group_add (group, flag_row (book, g_ptr_array_index (flags, flags->len - 1 - i), on_dismiss,
                                           user_data));
  if (flags->len == 0)
    adw_preferences_group_set_description (group, _("Nothing unusual in the last three months."));
  else if (shown < flags->len)
    {
      more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more: see “daftari-cli anomalies”.",
                                           "%u more: see “daftari-cli anomalies”.", flags->len - shown),
                              flags->len - shown);
      adw_preferences_group_set_description (group, more);
    }
  else
    adw_preferences_group_set_description (group, _("Payments that look out of the ordinary. Dismiss what is fine."));
}
