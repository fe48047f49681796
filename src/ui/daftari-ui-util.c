/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-ui-util.h"

#include <glib/gi18n.h>

GtkWidget *
daftari_ui_amount_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  return label;
}

char *
daftari_ui_format_money (gint64 minor, const DaftariCommodity *commodity)
{
  return daftari_money_format (minor, commodity, DAFTARI_MONEY_FORMAT_DEFAULT);
}

/* The rows are remembered on the group, so a refresh can take them out
 * again without touching the group's own children. */
void
daftari_ui_group_clear (AdwPreferencesGroup *group)
{
  GPtrArray *rows = g_object_get_data (G_OBJECT (group), "daftari-rows");

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  if (rows != NULL)
    g_ptr_array_set_size (rows, 0);
}

void
daftari_ui_group_add (AdwPreferencesGroup *group, GtkWidget *row)
{
  GPtrArray *rows = g_object_get_data (G_OBJECT (group), "daftari-rows");

  if (rows == NULL)
    {
      rows = g_ptr_array_new ();
      g_object_set_data_full (G_OBJECT (group), "daftari-rows", rows, (GDestroyNotify) g_ptr_array_unref);
    }
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
}

void
daftari_ui_mark_error (GtkWidget *row, gboolean wrong)
{
  if (wrong)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

GtkStringList *
daftari_ui_wallet_list (DaftariBook *book, gboolean pay_only, GArray **out_ids)
{
  g_autoptr(GPtrArray) accounts = daftari_account_list (book, FALSE, NULL);
  GtkStringList *names = gtk_string_list_new (NULL);

  *out_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; accounts != NULL && i < accounts->len; i++)
    {
      const DaftariAccount *account = g_ptr_array_index (accounts, i);
      g_autofree char *balance_text = NULL;
      g_autofree char *label = NULL;
      gint64 balance = 0;

      if (!daftari_account_kind_is_wallet (account->kind) ||
          (pay_only && account->kind != DAFTARI_ACCOUNT_MPESA && account->kind != DAFTARI_ACCOUNT_BANK))
        continue;
      daftari_query_current_balance (book, account->id, &balance, NULL);
      balance_text = daftari_ui_format_money (balance, account->commodity);
      /* Translators: a wallet and its balance, "M-PESA (KES 1,204.50)" */
      label = g_strdup_printf (_("%s (%s)"), account->name, balance_text);
      gtk_string_list_append (names, label);
      g_array_append_val (*out_ids, account->id);
    }
  return names;
}

guint
daftari_ui_position_of (GArray *ids, gint64 id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return 0;
}

DaftariUiField
daftari_ui_field_of_error (const GError *error)
{
  if (error->domain == DAFTARI_MONEY_ERROR)
    return DAFTARI_UI_FIELD_AMOUNT;
  if (error->domain == DAFTARI_RULE_ERROR)
    switch ((DaftariRuleError) error->code)
      {
      case DAFTARI_RULE_ERROR_LIMIT:
      case DAFTARI_RULE_ERROR_OVERDRAFT:
      case DAFTARI_RULE_ERROR_INVALID:
        return DAFTARI_UI_FIELD_AMOUNT;
      case DAFTARI_RULE_ERROR_NO_RATE:
      case DAFTARI_RULE_ERROR_ARCHIVED:
        return DAFTARI_UI_FIELD_FROM;
      case DAFTARI_RULE_ERROR_UNBALANCED:
      case DAFTARI_RULE_ERROR_VOIDED:
      default:
        return DAFTARI_UI_FIELD_OTHER;
      }
  return DAFTARI_UI_FIELD_OTHER;
}

gboolean
daftari_ui_show_problem (GtkLabel *error_label, GtkWidget *row, const char *message)
{
  if (row != NULL)
    daftari_ui_mark_error (row, TRUE);
  gtk_label_set_label (error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (error_label), message != NULL);
  return FALSE;
}

gboolean
daftari_ui_read_date (DaftariBook *book, const char *text, gint64 *out_ts, GError **error)
{
  DaftariCalendar *calendar = daftari_book_get_calendar (book);
  DaftariDay day;

  if (!daftari_day_parse (text, &day, error))
    return FALSE;
  *out_ts = day == daftari_calendar_today (calendar) ? daftari_calendar_now ()
                                                      : daftari_calendar_day_noon (calendar, day);
  return TRUE;
}

GtkStringList *
daftari_ui_expense_categories (DaftariBook *book, GArray **out_ids, guint *out_default)
{
  g_autoptr(GPtrArray) accounts = daftari_account_list (book, FALSE, NULL);
  GtkStringList *names = gtk_string_list_new (NULL);

  *out_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  *out_default = 0;
  for (guint i = 0; accounts != NULL && i < accounts->len; i++)
    {
      const DaftariAccount *account = g_ptr_array_index (accounts, i);
      if (account->kind != DAFTARI_ACCOUNT_EXPENSE)
        continue;
      if (g_strcmp0 (account->role, DAFTARI_ROLE_OTHER_EXPENSES) == 0)
        *out_default = (*out_ids)->len;
      gtk_string_list_append (names, account->name);
      g_array_append_val (*out_ids, account->id);
    }
  return names;
}
