/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-cashflow-card.h"

#include <glib/gi18n.h>

#include "daftari-cashflow.h"
#include "daftari-ui-util.h"

#define HORIZON_MONTHS 2

static GtkWidget *
balance_row (const DaftariCashflow *cf, guint index, const char *title)
{
  const DaftariCashflowDay *d = &g_array_index (cf->days, DaftariCashflowDay, MIN (index, cf->days->len - 1));
  g_autofree char *day = daftari_day_format (d->day);
  g_autofree char *mean = daftari_ui_format_money (d->mean, cf->commodity);
  g_autofree char *lo = daftari_ui_format_money (d->lo80, cf->commodity);
  g_autofree char *hi = daftari_ui_format_money (d->hi80, cf->commodity);
  /* xgettext:no-c-format */
  g_autofree char *range = g_strdup_printf (_("%s · 8 in 10 chances between %s and %s"), day, lo, hi);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), range);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), daftari_ui_amount_label (mean));
  return row;
}

/* The sentence a shop owner acts on, with a sign that matches it. */
static GtkWidget *
outlook_row (const DaftariCashflow *cf)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sign;
  g_autofree char *floor = daftari_ui_format_money (cf->floor, cf->commodity);
  g_autofree char *limit = cf->floor > 0 ? g_strdup_printf (_("below %s"), floor) : g_strdup (_("below zero"));
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;

  if (cf->likely_below != 0)
    {
      when = daftari_day_format (cf->likely_below);
      title = g_strdup_printf (_("Likely to fall %s on %s"), limit, when);
      sign = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (sign, "error");
    }
  else if (cf->possible_below != 0)
    {
      when = daftari_day_format (cf->possible_below);
      title = g_strdup_printf (_("Could fall %s from %s"), limit, when);
      sign = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (sign, "warning");
    }
  else
    {
      title = g_strdup_printf (_("Not expected to fall %s in the next two months"), limit);
      sign = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
      gtk_widget_add_css_class (sign, "success");
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("From scheduled payments, open invoices and the business’s usual pattern"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), sign);
  return row;
}

gboolean
daftari_cashflow_card_fill (AdwPreferencesGroup *group, DaftariBook *book, GError **error)
{
  g_autoptr(DaftariCashflow) cf = daftari_cashflow_forecast (book, 0, 0, HORIZON_MONTHS, error);

  daftari_ui_group_clear (group);
  if (cf == NULL || cf->days->len == 0)
    return cf != NULL;
  daftari_ui_group_add (group, outlook_row (cf));
  daftari_ui_group_add (group, balance_row (cf, 29, _("In a Month")));
  daftari_ui_group_add (group, balance_row (cf, cf->days->len - 1, _("In Two Months")));
  return TRUE;
}
