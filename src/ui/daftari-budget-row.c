/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-budget-row.h"

#include <glib/gi18n.h>

#include "daftari-ui-util.h"

#define LEVEL_WIDTH 120

static char *
subtitle_of (const DaftariCommodity *currency, const DaftariBudgetLine *line)
{
  g_autofree char *spent = daftari_ui_format_money (line->actual, currency);
  g_autofree char *budget = daftari_ui_format_money (line->budget, currency);
  g_autofree char *over = daftari_ui_format_money (-line->variance, currency);
  g_autofree char *text = NULL;

  switch (line->state)
    {
    case DAFTARI_BUDGET_OVER:
      /* Translators: "KES 12,000.00 of KES 10,000.00 · over by KES 2,000.00" */
      text = g_strdup_printf (_("%s of %s · over by %s"), spent, budget, over);
      break;
    case DAFTARI_BUDGET_AHEAD:
      /* Translators: "KES 8,000.00 of KES 10,000.00 · ahead of the month's pace" */
      text = g_strdup_printf (_("%s of %s · ahead of the month’s pace"), spent, budget);
      break;
    case DAFTARI_BUDGET_ON_TRACK:
    default:
      /* Translators: "KES 4,000.00 of KES 10,000.00 spent" */
      text = g_strdup_printf (_("%s of %s spent"), spent, budget);
      break;
    }
  if (!line->every_month)
    return g_steal_pointer (&text);
  /* Translators: a budget's figures, then that it is the every-month one */
  return g_strdup_printf (_("%s · every month"), text);
}

/* Adwaita paints every filled block in the accent colour whatever its
 * offset, so the bars get their own two states, once per display (the
 * dashboard's card installs the same rules under the same key). */
static void
ensure_level_style (GtkWidget *widget)
{
  static const char css[] =
    "levelbar.budget-ahead > trough > block.filled { background-color: @warning_bg_color; }\n"
    "levelbar.budget-over > trough > block.filled { background-color: @error_bg_color; }\n";
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr(GtkCssProvider) provider = NULL;

  if (g_object_get_data (G_OBJECT (display), "daftari-budget-style") != NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "daftari-budget-style", g_steal_pointer (&provider), g_object_unref);
}

static GtkWidget *
level_of (const DaftariBudgetLine *line, const char *label)
{
  GtkWidget *level = gtk_level_bar_new_for_interval (0, 1);
  double used = line->budget > 0 ? MIN ((double) line->actual / (double) line->budget, 1.0) : 1.0;

  ensure_level_style (level);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_OFFSET_FULL);
  if (line->state == DAFTARI_BUDGET_AHEAD)
    gtk_widget_add_css_class (level, "budget-ahead");
  else if (line->state == DAFTARI_BUDGET_OVER)
    gtk_widget_add_css_class (level, "budget-over");
  gtk_level_bar_set_value (GTK_LEVEL_BAR (level), used);
  gtk_widget_set_size_request (level, LEVEL_WIDTH, -1);
  gtk_widget_set_valign (level, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (level), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return level;
}

GtkWidget *
daftari_budget_row_new (const DaftariCommodity *currency, const DaftariBudgetLine *line)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = subtitle_of (currency, line);
  g_autofree char *percent = line->percent >= 0 ? g_strdup_printf ("%d%%", line->percent) : g_strdup ("");
  GtkWidget *percent_label = daftari_ui_amount_label (percent);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line->category);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (line->state != DAFTARI_BUDGET_ON_TRACK)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, line->state == DAFTARI_BUDGET_OVER ? "error" : "warning");
      gtk_widget_set_tooltip_text (icon, line->state == DAFTARI_BUDGET_OVER ? _("Over budget")
                                                                            : _("Spending is ahead of the month’s pace"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), level_of (line, subtitle));
  /* Room for "999%": the bars line up row after row. */
  gtk_label_set_width_chars (GTK_LABEL (percent_label), 5);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), percent_label);
  return row;
}
