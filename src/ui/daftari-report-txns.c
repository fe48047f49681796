/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-report-txns.h"

#include <glib/gi18n.h>

#include "daftari-account.h"
#include "daftari-query.h"
#include "daftari-ui-util.h"

/* A busy month holds tens of thousands of transactions: the window lists
 * the latest ones and says how many there are in all. */
#define MAX_ROWS 200

typedef struct {
  const DaftariTxn *txn;
  gint64            amount;
} Listed;

/* The book's accounts by id, for what kind each split is. */
typedef struct {
  GPtrArray  *accounts;
  GHashTable *by_id;
  const DaftariCommodity *currency;
} Accounts;

static void
accounts_load (Accounts *all, DaftariBook *book)
{
  all->accounts = daftari_account_list (book, TRUE, NULL);
  all->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  all->currency = daftari_book_get_currency (book);
  for (guint i = 0; all->accounts != NULL && i < all->accounts->len; i++)
    {
      DaftariAccount *account = g_ptr_array_index (all->accounts, i);
      g_hash_table_insert (all->by_id, &account->id, account);
    }
}

static void
accounts_clear (Accounts *all)
{
  g_clear_pointer (&all->by_id, g_hash_table_unref);
  g_clear_pointer (&all->accounts, g_ptr_array_unref);
}

static gboolean
excluded (const DaftariReportPick *pick, gint64 account_id)
{
  for (guint i = 0; pick->excluded != NULL && i < pick->excluded->len; i++)
    if (g_array_index (pick->excluded, gint64, i) == account_id)
      return TRUE;
  return FALSE;
}

/* Whether a split counts for the pick, and its amount as the chart counted
 * it: income and expenses positive, a wallet's change signed. */
static gboolean
split_counts (const DaftariReportPick *pick, const Accounts *all, const DaftariSplit *split, gint64 *out)
{
  const DaftariAccount *account = g_hash_table_lookup (all->by_id, &split->account_id);

  if (account == NULL)
    return FALSE;
  *out = daftari_account_kind_is_credit (account->kind) ? -split->value : split->value;
  switch (pick->kind)
    {
    case DAFTARI_REPORT_PICK_WALLETS:
      return daftari_account_kind_is_wallet (account->kind) && account->commodity == all->currency;
    case DAFTARI_REPORT_PICK_INCOME:
      return account->kind == DAFTARI_ACCOUNT_INCOME;
    case DAFTARI_REPORT_PICK_EXPENSE:
      return account->kind == DAFTARI_ACCOUNT_EXPENSE;
    case DAFTARI_REPORT_PICK_CATEGORY:
      return account->id == pick->category_id;
    case DAFTARI_REPORT_PICK_OTHER:
      return account->kind == DAFTARI_ACCOUNT_EXPENSE && !excluded (pick, account->id);
    default:
      return FALSE;
    }
}

static GArray *
listed_transactions (DaftariBook *book, const DaftariReportPick *pick, GPtrArray *txns)
{
  Accounts all;
  GArray *listed = g_array_new (FALSE, FALSE, sizeof (Listed));

  accounts_load (&all, book);
  for (guint i = 0; i < txns->len; i++)
    {
      Listed item = { g_ptr_array_index (txns, i), 0 };
      gboolean any = FALSE;

      for (guint s = 0; s < item.txn->splits->len; s++)
        {
          gint64 amount;
          if (split_counts (pick, &all, &g_array_index (item.txn->splits, DaftariSplit, s), &amount))
            {
              item.amount += amount;
              any = TRUE;
            }
        }
      if (any)
        g_array_append_val (listed, item);
    }
  accounts_clear (&all);
  return listed;
}

static GtkWidget *
txn_row (DaftariBook *book, const Listed *item)
{
  const DaftariTxn *txn = item->txn;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = daftari_calendar_format_date (daftari_book_get_calendar (book), txn->ts);
  g_autofree char *amount = daftari_ui_format_money (item->amount, daftari_book_get_currency (book));
  g_autofree char *subtitle = NULL;
  const char *title = *txn->payee ? txn->payee : *txn->memo ? txn->memo : daftari_txn_kind_to_string (txn->kind);

  /* Translators: a transaction's date and its note, "2025-03-14 · stock for the shop" */
  subtitle = *txn->payee && *txn->memo ? g_strdup_printf (_("%s · %s"), date, txn->memo) : g_strdup (date);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), daftari_ui_amount_label (amount));
  return row;
}

static GtkWidget *
list_of (DaftariBook *book, GArray *listed)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  guint shown = MIN (listed->len, MAX_ROWS);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < shown; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), txn_row (book, &g_array_index (listed, Listed, listed->len - 1 - i)));
  gtk_box_append (GTK_BOX (box), list);
  if (shown < listed->len)
    {
      g_autofree char *text = g_strdup_printf (_("Showing the latest %u of %u transactions."), shown, listed->len);
      GtkWidget *note = gtk_label_new (text);

      gtk_widget_add_css_class (note, "dim-label");
      gtk_box_append (GTK_BOX (box), note);
    }
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  return box;
}

static GtkWidget *
content_for (DaftariBook *book, GArray *listed, const GError *error)
{
  GtkWidget *scrolled, *clamp;

  if (error != NULL || listed->len == 0)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "edit-find-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), error ? _("Cannot List the Transactions") : _("No Transactions"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status), error ? error->message : NULL);
      gtk_widget_set_vexpand (status, TRUE);
      return status;
    }
  clamp = adw_clamp_new ();
  adw_clamp_set_child (ADW_CLAMP (clamp), list_of (book, listed));
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

static char *
subtitle_for (DaftariBook *book, GArray *listed)
{
  gint64 total = 0;
  g_autofree char *money = NULL;

  for (guint i = 0; i < listed->len; i++)
    total += g_array_index (listed, Listed, i).amount;
  money = daftari_ui_format_money (total, daftari_book_get_currency (book));
  /* Translators: "12 transactions · KES 45,000.00" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u transaction · %s", "%u transactions · %s", listed->len),
                          listed->len, money);
}

GtkWidget *
daftari_report_txns_show (GtkWindow *parent, DaftariBook *book, const DaftariReportPick *pick)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) txns = NULL;
  g_autoptr(GArray) listed = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  DaftariTxnFilter filter;

  daftari_txn_filter_init (&filter);
  filter.from_ts = pick->from_ts;
  filter.to_ts = pick->to_ts;
  if (pick->kind == DAFTARI_REPORT_PICK_CATEGORY)
    filter.category_id = pick->category_id;
  txns = daftari_query_transactions (book, &filter, &error);
  listed = txns != NULL ? listed_transactions (book, pick, txns) : g_array_new (FALSE, FALSE, sizeof (Listed));
  subtitle = subtitle_for (book, listed);

  gtk_widget_set_name (window, "report-transactions");
  gtk_window_set_title (GTK_WINDOW (window), pick->title);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 520, 600);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (pick->title, subtitle));
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), content_for (book, listed, error));
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}
