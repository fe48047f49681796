/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-wallets-page.h"

#include <glib/gi18n.h>

#include "daftari-category-dialog.h"
#include "daftari-core.h"
#include "daftari-ledger-item.h"
#include "daftari-ledger-model.h"
#include "daftari-pay-dialog.h"
#include "daftari-receipt-viewer.h"
#include "daftari-transfer-dialog.h"
#include "daftari-ui-util.h"
#include "daftari-wallet-dialog.h"
#include "daftari-window.h"

struct _DaftariWalletsPage {
  DaftariPage         parent_instance;

  GtkFlowBox         *cards;
  GtkSearchEntry     *search_entry;
  GtkMenuButton      *dates_button;
  GtkEntry           *from_entry;
  GtkEntry           *to_entry;
  GtkLabel           *dates_error;
  GtkStack           *list_stack;
  GtkColumnView      *ledger_view;
  GtkColumnViewColumn *balance_column;
  AdwStatusPage      *empty_page;
  GtkRevealer        *selection_bar;
  GtkLabel           *selection_label;
  GtkButton          *receipt_button;

  DaftariLedgerModel *model;
  GtkSingleSelection *selection;
  DaftariTxnFilter    filter;
  char               *search_text;
  GArray             *card_accounts;  /* account id per card; 0: all wallets */
};

G_DEFINE_FINAL_TYPE (DaftariWalletsPage, daftari_wallets_page, DAFTARI_TYPE_PAGE)

static DaftariBook *
book_of (DaftariWalletsPage *self)
{
  return daftari_page_get_book (DAFTARI_PAGE (self));
}

static DaftariSession *
session_of (DaftariWalletsPage *self)
{
  return daftari_page_get_session (DAFTARI_PAGE (self));
}

static void
toast (DaftariWalletsPage *self, AdwToast *message)
{
  daftari_page_toast (DAFTARI_PAGE (self), message);
}

static void
toast_text (DaftariWalletsPage *self, const char *text)
{
  daftari_page_toast_text (DAFTARI_PAGE (self), text);
}

/* --- Wallet cards --- */

static GtkWidget *
wallet_card (const char *name, const char *balance, const char *detail)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (name);
  GtkWidget *amount = gtk_label_new (balance);
  GtkWidget *caption = gtk_label_new (detail);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "wallet-card");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (amount), 0);
  gtk_widget_add_css_class (amount, "balance");
  gtk_widget_add_css_class (amount, "numeric");
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), amount);
  gtk_box_append (GTK_BOX (box), caption);
  return box;
}

static char *
card_detail (const DaftariWalletBalance *wallet, const DaftariCommodity *currency)
{
  const DaftariAccount *account = wallet->account;
  g_autofree char *value = NULL;

  if (account->commodity != currency)
    {
      value = daftari_ui_format_money (wallet->value, currency);
      return wallet->has_rate ? g_strdup_printf (_("Worth %s"), value) : g_strdup (_("No rate yet"));
    }
  switch (account->kind)
    {
    case DAFTARI_ACCOUNT_MPESA:
      return g_strdup (_("M-PESA"));
    case DAFTARI_ACCOUNT_BANK:
      return g_strdup (account->institution ? account->institution : _("Bank"));
    case DAFTARI_ACCOUNT_CASH:
      return g_strdup (_("Cash"));
    case DAFTARI_ACCOUNT_CRYPTO:
    case DAFTARI_ACCOUNT_INCOME:
    case DAFTARI_ACCOUNT_EXPENSE:
    case DAFTARI_ACCOUNT_RECEIVABLE:
    case DAFTARI_ACCOUNT_LIABILITY:
    case DAFTARI_ACCOUNT_EQUITY:
    default:
      return g_strdup ("");
    }
}

static void select_card_for (DaftariWalletsPage *self, gint64 account_id);

static void
fill_cards (DaftariWalletsPage *self)
{
  const DaftariCommodity *currency = daftari_book_get_currency (book_of (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariSummary) summary = daftari_summary_compute (book_of (self), daftari_calendar_now (), &error);
  g_autofree char *total = NULL;
  gint64 selected = self->filter.account_id;
  gint64 all = 0;

  /* gtk_flow_box_remove_all() is GTK 4.12; 4.8 needs the loop. */
  for (GtkFlowBoxChild *child; (child = gtk_flow_box_get_child_at_index (self->cards, 0)) != NULL;)
    gtk_flow_box_remove (self->cards, GTK_WIDGET (child));
  g_array_set_size (self->card_accounts, 0);
  if (summary == NULL)
    {
      toast_text (self, error->message);
      return;
    }
  total = daftari_ui_format_money (summary->total, currency);
  gtk_flow_box_append (self->cards, wallet_card (_("All Wallets"), total, _("Crypto at its latest rate")));
  g_array_append_val (self->card_accounts, all);
  for (guint i = 0; i < summary->wallets->len; i++)
    {
      const DaftariWalletBalance *wallet = &g_array_index (summary->wallets, DaftariWalletBalance, i);
      g_autofree char *balance = daftari_ui_format_money (wallet->balance, wallet->account->commodity);
      g_autofree char *detail = card_detail (wallet, currency);

      /* "M-PESA" under a wallet called "M-PESA" says nothing. */
      if (g_ascii_strcasecmp (detail, wallet->account->name) == 0)
        *detail = '\0';
      gtk_flow_box_append (self->cards, wallet_card (wallet->account->name, balance, detail));
      g_array_append_val (self->card_accounts, wallet->account->id);
    }
  select_card_for (self, selected);
}

/* --- The ledger --- */

static void selection_changed (DaftariWalletsPage *self);

/* A fresh model for every filter or change of the book. Changing the old
 * one in place would emit items-changed over every row, and GTK 4.8's list
 * views and GtkSingleSelection then read every added item to match up what
 * they had: a million rows read to show thirty. The selection is found
 * again by transaction id. */
static void
rebuild_model (DaftariWalletsPage *self)
{
  DaftariLedgerItem *item = self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;
  gint64 selected = item ? daftari_ledger_item_get_id (item) : 0;
  guint position;

  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  self->filter.text = self->search_text;
  self->model = daftari_ledger_model_new (book_of (self), &self->filter);
  if (daftari_ledger_model_get_error (self->model) != NULL)
    toast_text (self, daftari_ledger_model_get_error (self->model)->message);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  position = selected ? daftari_ledger_model_find (self->model, selected) : G_MAXUINT;
  gtk_single_selection_set_selected (self->selection, position != G_MAXUINT ? position : GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed), self);
  gtk_column_view_set_model (self->ledger_view, GTK_SELECTION_MODEL (self->selection));
  selection_changed (self);
}

static void
apply_filter (DaftariWalletsPage *self)
{
  gboolean one_wallet = self->filter.account_id != 0;
  guint n;

  rebuild_model (self);
  gtk_column_view_column_set_visible (self->balance_column, one_wallet);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  adw_status_page_set_description (self->empty_page,
                                   self->search_text || self->filter.from_ts != G_MININT64 || self->filter.to_ts != G_MAXINT64
                                     ? _("Nothing matches the search or the dates.")
                                     : _("Transfers, payments and sales appear here."));
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
}

static void
select_card_for (DaftariWalletsPage *self, gint64 account_id)
{
  for (guint i = 0; i < self->card_accounts->len; i++)
    if (g_array_index (self->card_accounts, gint64, i) == account_id)
      {
        gtk_flow_box_select_child (self->cards, gtk_flow_box_get_child_at_index (self->cards, i));
        return;
      }
  /* The wallet is gone (archived): show all. */
  gtk_flow_box_select_child (self->cards, gtk_flow_box_get_child_at_index (self->cards, 0));
  if (self->filter.account_id != 0)
    {
      self->filter.account_id = 0;
      apply_filter (self);
    }
}

static void
card_activated (DaftariWalletsPage *self, GtkFlowBoxChild *child)
{
  int index = gtk_flow_box_child_get_index (child);

  if (index < 0 || (guint) index >= self->card_accounts->len)
    return;
  self->filter.account_id = g_array_index (self->card_accounts, gint64, index);
  apply_filter (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.edit-wallet", self->filter.account_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.archive-wallet", self->filter.account_id != 0);
}

static void
search_changed (DaftariWalletsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_free (self->search_text);
  self->search_text = *text ? g_strdup (text) : NULL;
  apply_filter (self);
}

static gboolean
read_day (DaftariWalletsPage *self, GtkEntry *entry, gboolean end, gint64 *out_ts, GError **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  DaftariCalendar *calendar = daftari_book_get_calendar (book_of (self));
  DaftariDay day;

  *out_ts = end ? G_MAXINT64 : G_MININT64;
  if (*text == '\0')
    return TRUE;
  if (!daftari_day_parse (text, &day, error))
    return FALSE;
  *out_ts = end ? daftari_calendar_day_end (calendar, day) : daftari_calendar_day_start (calendar, day);
  return TRUE;
}

static void
dates_apply (DaftariWalletsPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 from, to;
  const char *from_text = gtk_editable_get_text (GTK_EDITABLE (self->from_entry));
  const char *to_text = gtk_editable_get_text (GTK_EDITABLE (self->to_entry));
  g_autofree char *label = NULL;

  if (!read_day (self, self->from_entry, FALSE, &from, &error) || !read_day (self, self->to_entry, TRUE, &to, &error))
    {
      gtk_label_set_label (self->dates_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->dates_error), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->dates_error), FALSE);
  self->filter.from_ts = from;
  self->filter.to_ts = to;
  if (*from_text && *to_text)
    label = g_strdup_printf (_("%s to %s"), from_text, to_text);
  else if (*from_text)
    label = g_strdup_printf (_("From %s"), from_text);
  else if (*to_text)
    label = g_strdup_printf (_("Until %s"), to_text);
  gtk_menu_button_set_label (self->dates_button, label ? label : _("All Dates"));
  gtk_menu_button_popdown (self->dates_button);
  apply_filter (self);
}

static void
dates_clear (DaftariWalletsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), "");
  dates_apply (self);
}

typedef const char *(*ItemText) (DaftariLedgerItem *item);

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer numeric)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer getter)
{
  DaftariLedgerItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_label (GTK_LABEL (label), ((ItemText) getter) (item));
  if (daftari_ledger_item_get_voided (item))
    gtk_widget_add_css_class (label, "voided");
  else
    gtk_widget_remove_css_class (label, "voided");
  if (getter == (gpointer) daftari_ledger_item_get_amount && daftari_ledger_item_get_amount_minor (item) < 0)
    gtk_widget_add_css_class (label, "money-out");
  else
    gtk_widget_remove_css_class (label, "money-out");
}

/* A column of the cells factory makes, at the ledger's end; the view owns
 * it (and the factory). */
static GtkColumnViewColumn *
append_column (DaftariWalletsPage *self, const char *title, GtkListItemFactory *factory)
{
  GtkColumnViewColumn *column = gtk_column_view_column_new (title, factory);

  gtk_column_view_append_column (self->ledger_view, column);
  g_object_unref (column);
  return column;
}

static GtkColumnViewColumn *
add_column (DaftariWalletsPage *self, const char *title, ItemText getter, gboolean numeric, gboolean expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (numeric));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), (gpointer) getter);
  column = append_column (self, title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  return column;
}

/* The sign on a row whose transaction keeps a receipt. The image keeps
 * its width on every row, so the column does not change width as rows
 * with receipts scroll in and out. */
static void
setup_receipt_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer unused)
{
  GtkWidget *sign = gtk_image_new ();

  gtk_image_set_pixel_size (GTK_IMAGE (sign), 16);
  gtk_widget_set_size_request (sign, 16, -1);
  gtk_widget_add_css_class (sign, "dim-label");
  gtk_list_item_set_child (list_item, sign);
}

static void
bind_receipt_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer unused)
{
  DaftariLedgerItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *sign = gtk_list_item_get_child (list_item);

  if (daftari_ledger_item_get_has_receipt (item))
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (sign), "x-office-document-symbolic");
      gtk_widget_set_tooltip_text (sign, _("Has a receipt"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (sign), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Has a receipt"), -1);
    }
  else
    {
      gtk_image_clear (GTK_IMAGE (sign));
      gtk_widget_set_tooltip_text (sign, NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (sign), GTK_ACCESSIBLE_PROPERTY_LABEL);
    }
}

/* A narrow column without a title, beside the date: it takes nothing from
 * the description. The flag comes with the row (one look-up in an index
 * per row read), so a million rows cost nothing more to show. */
static void
add_receipt_column (DaftariWalletsPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_receipt_cell), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_receipt_cell), NULL);
  append_column (self, NULL, factory);
}

static DaftariLedgerItem *
selected_item (DaftariWalletsPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
selection_changed (DaftariWalletsPage *self)
{
  DaftariLedgerItem *item = selected_item (self);
  gboolean has_receipt = item != NULL && daftari_ledger_item_get_has_receipt (item);
  g_autofree char *text = NULL;

  gtk_revealer_set_reveal_child (self->selection_bar, item != NULL && !daftari_ledger_item_get_voided (item));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.void", item != NULL && !daftari_ledger_item_get_voided (item));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.view-receipt", has_receipt);
  gtk_widget_set_visible (GTK_WIDGET (self->receipt_button), has_receipt);
  if (item != NULL)
    {
      text = g_strdup_printf ("%s · %s · %s", daftari_ledger_item_get_date (item),
                              daftari_ledger_item_get_description (item), daftari_ledger_item_get_amount (item));
      gtk_label_set_label (self->selection_label, text);
    }
}

static void
setup_ledger (DaftariPage *page)
{
  DaftariWalletsPage *self = DAFTARI_WALLETS_PAGE (page);

  add_column (self, _("Date"), daftari_ledger_item_get_date, FALSE, FALSE);
  add_receipt_column (self);
  add_column (self, _("Description"), daftari_ledger_item_get_description, FALSE, TRUE);
  add_column (self, _("From → To"), daftari_ledger_item_get_accounts, FALSE, TRUE);
  add_column (self, _("Amount"), daftari_ledger_item_get_amount, TRUE, FALSE);
  self->balance_column = add_column (self, _("Balance"), daftari_ledger_item_get_balance, TRUE, FALSE);
}

static void
book_changed (DaftariPage *page)
{
  DaftariWalletsPage *self = DAFTARI_WALLETS_PAGE (page);

  fill_cards (self);
  apply_filter (self);
}

/* --- Actions --- */

static GtkWindow *
parent_window (DaftariWalletsPage *self)
{
  return daftari_page_get_window (DAFTARI_PAGE (self));
}

static void
transfer_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariWalletsPage *self = DAFTARI_WALLETS_PAGE (widget);
  gtk_window_present (GTK_WINDOW (daftari_transfer_dialog_new (parent_window (self), session_of (self),
                                                               self->filter.account_id)));
}

static void
pay_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariWalletsPage *self = DAFTARI_WALLETS_PAGE (widget);
  gtk_window_present (GTK_WINDOW (daftari_pay_dialog_new (parent_window (self), session_of (self),
                                                          self->filter.account_id)));
}

static void
search_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (DAFTARI_WALLETS_PAGE (widget)->search_entry));
}

static void
undo_void (AdwToast *message, gpointer user_data)
{
  DaftariWalletsPage *self = g_object_get_data (G_OBJECT (message), "page");
  gint64 id = GPOINTER_TO_SIZE (user_data);
  g_autoptr(GError) error = NULL;

  if (self != NULL && !daftari_session_unvoid (session_of (self), id, &error))
    toast_text (self, error->message);
}

static void
view_receipt_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariWalletsPage *self = DAFTARI_WALLETS_PAGE (widget);
  DaftariLedgerItem *item = selected_item (self);
  g_autoptr(GError) error = NULL;
  GtkWindow *viewer;

  if (item == NULL)
    return;
  viewer = daftari_receipt_viewer_new (daftari_page_get_window (DAFTARI_PAGE (self)), book_of (self),
                                       daftari_ledger_item_get_id (item), &error);
  if (viewer == NULL)
    toast_text (self, error->message);
  else
    gtk_window_present (viewer);
}

static void
change_category_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariWalletsPage *self = DAFTARI_WALLETS_PAGE (widget);
  DaftariLedgerItem *item = selected_item (self);
  g_autoptr(GError) error = NULL;
  DaftariCategoryDialog *dialog;

  if (item == NULL)
    return;
  dialog = daftari_category_dialog_new (daftari_page_get_window (DAFTARI_PAGE (self)), session_of (self),
                                        daftari_ledger_item_get_id (item), &error);
  if (dialog == NULL)
    toast_text (self, error->message);
  else
    gtk_window_present (GTK_WINDOW (dialog));
}

static void
void_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariWalletsPage *self = DAFTARI_WALLETS_PAGE (widget);
  DaftariLedgerItem *item = selected_item (self);
  g_autoptr(GError) error = NULL;
  AdwToast *message;
  gint64 id;

  if (item == NULL || daftari_ledger_item_get_voided (item))
    return;
  id = daftari_ledger_item_get_id (item);
  if (!daftari_session_void (session_of (self), id, &error))
    {
      toast_text (self, error->message);
      return;
    }
  message = adw_toast_new (_("Transaction voided"));
  adw_toast_set_button_label (message, _("_Undo"));
  adw_toast_set_priority (message, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (message), "page", g_object_ref (self), g_object_unref);
  g_signal_connect (message, "button-clicked", G_CALLBACK (undo_void), GSIZE_TO_POINTER (id));
  toast (self, message);
}

static void
add_wallet_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariWalletsPage *self = DAFTARI_WALLETS_PAGE (widget);
  gtk_window_present (GTK_WINDOW (daftari_wallet_dialog_new (parent_window (self), session_of (self), 0)));
}

static void
edit_wallet_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariWalletsPage *self = DAFTARI_WALLETS_PAGE (widget);

  if (self->filter.account_id != 0)
    gtk_window_present (GTK_WINDOW (daftari_wallet_dialog_new (parent_window (self), session_of (self),
                                                               self->filter.account_id)));
}

static void
archive_wallet_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariWalletsPage *self = DAFTARI_WALLETS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariAccount) account = daftari_account_get (book_of (self), self->filter.account_id, &error);
  g_autofree char *text = NULL;

  if (account == NULL || !daftari_account_set_archived (book_of (self), account->id, TRUE, &error))
    {
      toast_text (self, error->message);
      return;
    }
  text = g_strdup_printf (_("“%s” archived. Its history stays in the books."), account->name);
  daftari_session_notify_changed (session_of (self));
  toast_text (self, text);
}

/* --- Life cycle --- */

static void
daftari_wallets_page_dispose (GObject *object)
{
  DaftariWalletsPage *self = DAFTARI_WALLETS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DAFTARI_TYPE_WALLETS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  G_OBJECT_CLASS (daftari_wallets_page_parent_class)->dispose (object);
}

static void
daftari_wallets_page_finalize (GObject *object)
{
  DaftariWalletsPage *self = DAFTARI_WALLETS_PAGE (object);

  g_free (self->search_text);
  g_array_unref (self->card_accounts);
  G_OBJECT_CLASS (daftari_wallets_page_parent_class)->finalize (object);
}

static void
daftari_wallets_page_class_init (DaftariWalletsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = daftari_wallets_page_dispose;
  object_class->finalize = daftari_wallets_page_finalize;
  DAFTARI_PAGE_CLASS (klass)->session_set = setup_ledger;
  DAFTARI_PAGE_CLASS (klass)->refresh = book_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftari/Daftari/ui/daftari-wallets-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftariWalletsPage, cards);
  gtk_widget_class_bind_template_child (widget_class, DaftariWalletsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DaftariWalletsPage, dates_button);
  gtk_widget_class_bind_template_child (widget_class, DaftariWalletsPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, DaftariWalletsPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, DaftariWalletsPage, dates_error);
  gtk_widget_class_bind_template_child (widget_class, DaftariWalletsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, DaftariWalletsPage, ledger_view);
  gtk_widget_class_bind_template_child (widget_class, DaftariWalletsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, DaftariWalletsPage, selection_bar);
  gtk_widget_class_bind_template_child (widget_class, DaftariWalletsPage, selection_label);
  gtk_widget_class_bind_template_child (widget_class, DaftariWalletsPage, receipt_button);
  gtk_widget_class_bind_template_callback (widget_class, card_activated);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, dates_apply);
  gtk_widget_class_bind_template_callback (widget_class, dates_clear);

  gtk_widget_class_install_action (widget_class, "page.transfer", NULL, transfer_action);
  gtk_widget_class_install_action (widget_class, "page.pay", NULL, pay_action);
  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "page.void", NULL, void_action);
  gtk_widget_class_install_action (widget_class, "page.view-receipt", NULL, view_receipt_action);
  gtk_widget_class_install_action (widget_class, "page.change-category", NULL, change_category_action);
  gtk_widget_class_install_action (widget_class, "page.add-wallet", NULL, add_wallet_action);
  gtk_widget_class_install_action (widget_class, "page.edit-wallet", NULL, edit_wallet_action);
  gtk_widget_class_install_action (widget_class, "page.archive-wallet", NULL, archive_wallet_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "page.void", NULL);
}

static void
daftari_wallets_page_init (DaftariWalletsPage *self)
{
  self->card_accounts = g_array_new (FALSE, FALSE, sizeof (gint64));
  daftari_txn_filter_init (&self->filter);
  self->filter.include_voided = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.void", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.edit-wallet", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.archive-wallet", FALSE);
}
