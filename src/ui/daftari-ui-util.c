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

/* --- Wallet drop-downs ---
 *
 * AdwComboRow's own item shows at most 20 characters, which cut a wallet's
 * balance off ("Cash box (KES 28,077.…"). A row given a wallet list by
 * daftari_ui_combo_row_set_wallets shows each wallet as its name and,
 * dimmed beside it, its whole balance. */

#define WALLET_NAME    "daftari-wallet-name"
#define WALLET_BALANCE "daftari-wallet-balance"
#define WALLET_ROW     "daftari-wallet-row"
#define IN_POPUP       "daftari-in-popup"

/* The popup's check mark on the chosen wallet, as the row's own has. */
static void
wallet_item_check (AdwComboRow *row, GParamSpec *pspec, GtkListItem *list_item)
{
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (list_item));

  gtk_widget_set_opacity (check, adw_combo_row_get_selected_item (row) == gtk_list_item_get_item (list_item));
}

static void
wallet_item_setup (GtkSignalListItemFactory *factory, GtkListItem *list_item, AdwComboRow *row)
{
  gboolean in_popup = g_object_get_data (G_OBJECT (factory), IN_POPUP) != NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *balance = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  /* Only a long name gives way, and never the balance. */
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 32);
  gtk_widget_set_hexpand (name, in_popup);
  gtk_box_append (GTK_BOX (box), name);
  gtk_label_set_xalign (GTK_LABEL (balance), 1);
  gtk_widget_add_css_class (balance, "dim-label");
  gtk_widget_add_css_class (balance, "numeric");
  gtk_box_append (GTK_BOX (box), balance);
  if (in_popup)
    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("object-select-symbolic"));
  gtk_list_item_set_child (list_item, box);
}

static void
wallet_item_bind (GtkSignalListItemFactory *factory, GtkListItem *list_item, AdwComboRow *row)
{
  GObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkWidget *balance = gtk_widget_get_next_sibling (name);
  const char *name_text = g_object_get_data (item, WALLET_NAME);
  const char *balance_text = g_object_get_data (item, WALLET_BALANCE);

  /* Another list on the same row (a schedule's target is a wallet or a
   * category) shows its strings as they are. */
  if (name_text == NULL && GTK_IS_STRING_OBJECT (item))
    name_text = gtk_string_object_get_string (GTK_STRING_OBJECT (item));
  gtk_label_set_label (GTK_LABEL (name), name_text);
  gtk_label_set_label (GTK_LABEL (balance), balance_text);
  gtk_widget_set_visible (balance, balance_text != NULL);
  if (g_object_get_data (G_OBJECT (factory), IN_POPUP) != NULL)
    {
      g_signal_connect (row, "notify::selected-item", G_CALLBACK (wallet_item_check), list_item);
      wallet_item_check (row, NULL, list_item);
    }
}

static void
wallet_item_unbind (GtkSignalListItemFactory *factory, GtkListItem *list_item, AdwComboRow *row)
{
  g_signal_handlers_disconnect_by_func (row, wallet_item_check, list_item);
}

static GtkListItemFactory *
wallet_item_factory (AdwComboRow *row, gboolean in_popup)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), IN_POPUP, GINT_TO_POINTER (in_popup));
  /* The row owns its factories, so it outlives their handlers. */
  g_signal_connect (factory, "setup", G_CALLBACK (wallet_item_setup), row);
  g_signal_connect (factory, "bind", G_CALLBACK (wallet_item_bind), row);
  g_signal_connect (factory, "unbind", G_CALLBACK (wallet_item_unbind), row);
  return factory;
}

void
daftari_ui_combo_row_set_wallets (AdwComboRow *row, GListModel *wallets)
{
  g_autoptr(GtkListItemFactory) list_factory = NULL;
  g_autoptr(GtkListItemFactory) factory = NULL;

  /* The factories first: set once, they also show the plain strings of a
   * row that later lists something else (a schedule's target). */
  if (g_object_get_data (G_OBJECT (row), WALLET_ROW) == NULL)
    {
      g_object_set_data (G_OBJECT (row), WALLET_ROW, GINT_TO_POINTER (TRUE));
      list_factory = wallet_item_factory (row, TRUE);
      adw_combo_row_set_list_factory (row, list_factory);
      factory = wallet_item_factory (row, FALSE);
      adw_combo_row_set_factory (row, factory);
    }
  adw_combo_row_set_model (row, wallets);
}

GtkStringList *
daftari_ui_wallet_list (DaftariBook *book, DaftariUiWallets which, GArray **out_ids)
{
  g_autoptr(GPtrArray) accounts = daftari_account_list (book, FALSE, NULL);
  const DaftariCommodity *currency = daftari_book_get_currency (book);
  GtkStringList *names = gtk_string_list_new (NULL);

  *out_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; accounts != NULL && i < accounts->len; i++)
    {
      const DaftariAccount *account = g_ptr_array_index (accounts, i);
      g_autoptr(GObject) item = NULL;
      g_autofree char *balance_text = NULL;
      g_autofree char *label = NULL;
      gint64 balance = 0;

      if (!daftari_account_kind_is_wallet (account->kind) ||
          ((which & DAFTARI_UI_WALLETS_PAY_ONLY) && account->kind != DAFTARI_ACCOUNT_MPESA
           && account->kind != DAFTARI_ACCOUNT_BANK) ||
          ((which & DAFTARI_UI_WALLETS_BOOK_CURRENCY) && g_strcmp0 (account->commodity->code, currency->code) != 0))
        continue;
      daftari_query_current_balance (book, account->id, &balance, NULL);
      balance_text = daftari_ui_format_money (balance, account->commodity);
      /* Translators: a wallet and its balance, "M-PESA (KES 1,204.50)" */
      label = g_strdup_printf (_("%s (%s)"), account->name, balance_text);
      gtk_string_list_append (names, label);
      /* The parts, for the rows that show them apart. */
      item = g_list_model_get_item (G_LIST_MODEL (names), g_list_model_get_n_items (G_LIST_MODEL (names)) - 1);
      g_object_set_data_full (item, WALLET_NAME, g_strdup (account->name), g_free);
      g_object_set_data_full (item, WALLET_BALANCE, g_steal_pointer (&balance_text), g_free);
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
