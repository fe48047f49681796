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

static void
fill_rows (AdwPreferencesGroup *group, const DaftariCashflow *cf)
{
  daftari_ui_group_clear (group);
  if (cf->days->len == 0)
    return;
  daftari_ui_group_add (group, outlook_row (cf));
  daftari_ui_group_add (group, balance_row (cf, 29, _("In a Month")));
  daftari_ui_group_add (group, balance_row (cf, cf->days->len - 1, _("In Two Months")));
}

gboolean
daftari_cashflow_card_fill (AdwPreferencesGroup *group, DaftariBook *book, GError **error)
{
  g_autoptr(DaftariCashflow) cf = daftari_cashflow_forecast (book, 0, 0, HORIZON_MONTHS, error);

  if (cf == NULL)
    {
      daftari_ui_group_clear (group);
      return FALSE;
    }
  fill_rows (group, cf);
  return TRUE;
}

/* --- Off the main thread --- */

#define JOB_KEY "daftari-cashflow-job"

static void
forecast_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  const char *book_path = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariBook) book = daftari_book_open (book_path, &error);
  DaftariCashflow *cf = book != NULL ? daftari_cashflow_forecast (book, 0, 0, HORIZON_MONTHS, &error) : NULL;

  if (cf == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, cf, (GDestroyNotify) daftari_cashflow_free);
}

static void
forecast_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(AdwPreferencesGroup) group = g_weak_ref_get (ref);
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariCashflow) cf = g_task_propagate_pointer (G_TASK (result), &error);

  g_weak_ref_clear (ref);
  g_free (ref);
  /* Cancelled: a newer forecast replaced this one, or the card is gone. */
  if (group == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (cf == NULL)
    {
      daftari_ui_group_clear (group);
      adw_preferences_group_set_description (group, error->message);
      return;
    }
  fill_rows (group, cf);
}

static void
cancel_job (gpointer cancellable)
{
  g_cancellable_cancel (cancellable);
  g_object_unref (cancellable);
}

static GtkWidget *
working_row (void)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spinner = gtk_spinner_new ();

  gtk_spinner_start (GTK_SPINNER (spinner));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Working out the forecast…"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), spinner);
  return row;
}

void
daftari_cashflow_card_fill_async (AdwPreferencesGroup *group, DaftariBook *book)
{
  GCancellable *cancellable = g_cancellable_new ();
  GWeakRef *ref = g_new0 (GWeakRef, 1);
  g_autoptr(GTask) task = NULL;
  GPtrArray *rows = g_object_get_data (G_OBJECT (group), "daftari-rows");

  g_weak_ref_init (ref, group);
  /* A newer forecast replaces (and cancels) the one still running; the
   * group's end cancels the last one. */
  g_object_set_data_full (G_OBJECT (group), JOB_KEY, cancellable, cancel_job);
  task = g_task_new (NULL, cancellable, forecast_done, ref);
  g_task_set_task_data (task, g_strdup (daftari_book_get_path (book)), g_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, forecast_in_thread);
  /* The rows shown stay until the new ones are ready; an empty card says it is working. */
  if (rows == NULL || rows->len == 0)
    daftari_ui_group_add (group, working_row ());
}
