/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-dashboard-page.h"

#include <glib/gi18n.h>

#include "daftari-core.h"
#include "daftari-ui-util.h"

#define RECENT_ROWS 8

struct _DaftariDashboardPage {
  DaftariPage          parent_instance;

  GtkLabel            *total_label;
  GtkLabel            *total_caption;
  AdwPreferencesGroup *wallets_group;
  AdwPreferencesGroup *month_group;
  AdwPreferencesGroup *recent_group;
};

G_DEFINE_FINAL_TYPE (DaftariDashboardPage, daftari_dashboard_page, DAFTARI_TYPE_PAGE)

static GtkWidget *
money_row (const char *title, const char *subtitle, const char *amount)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), daftari_ui_amount_label (amount));
  return row;
}

static const char *
kind_label (const DaftariAccount *account)
{
  switch (account->kind)
    {
    case DAFTARI_ACCOUNT_MPESA:
      return _("M-PESA");
    case DAFTARI_ACCOUNT_BANK:
      return account->institution ? account->institution : _("Bank");
    case DAFTARI_ACCOUNT_CASH:
      return _("Cash");
    case DAFTARI_ACCOUNT_CRYPTO:
      return _("Crypto");
    case DAFTARI_ACCOUNT_INCOME:
    case DAFTARI_ACCOUNT_EXPENSE:
    case DAFTARI_ACCOUNT_RECEIVABLE:
    case DAFTARI_ACCOUNT_LIABILITY:
    case DAFTARI_ACCOUNT_EQUITY:
    default:
      return "";
    }
}

static void
show_wallets (DaftariDashboardPage *self, const DaftariSummary *summary, const DaftariCommodity *currency)
{
  g_autofree char *total = daftari_ui_format_money (summary->total, currency);

  gtk_label_set_label (self->total_label, total);
  daftari_ui_group_clear (self->wallets_group);
  for (guint i = 0; i < summary->wallets->len; i++)
    {
      const DaftariWalletBalance *wallet = &g_array_index (summary->wallets, DaftariWalletBalance, i);
      g_autofree char *balance = daftari_ui_format_money (wallet->balance, wallet->account->commodity);
      g_autofree char *subtitle = NULL;

      if (wallet->account->commodity != currency)
        {
          g_autofree char *value = daftari_ui_format_money (wallet->value, currency);
          /* Translators: "Crypto · worth KES 135,000.00" */
          subtitle = wallet->has_rate ? g_strdup_printf (_("%s · worth %s"), kind_label (wallet->account), value)
                                      : g_strdup_printf (_("%s · no rate yet"), kind_label (wallet->account));
        }
      /* "M-PESA" under a wallet called "M-PESA" says nothing. */
      if (subtitle == NULL && g_ascii_strcasecmp (kind_label (wallet->account), wallet->account->name) != 0)
        subtitle = g_strdup (kind_label (wallet->account));
      daftari_ui_group_add (self->wallets_group, money_row (wallet->account->name, subtitle, balance));
    }
}

static void
add_month_row (DaftariDashboardPage *self, const char *title, gint64 now, gint64 before,
               const DaftariCommodity *currency)
{
  g_autofree char *now_text = daftari_ui_format_money (now, currency);
  g_autofree char *before_text = daftari_ui_format_money (before, currency);
  g_autofree char *subtitle = g_strdup_printf (_("Last month: %s"), before_text);

  daftari_ui_group_add (self->month_group, money_row (title, subtitle, now_text));
}

static void
show_month (DaftariDashboardPage *self, const DaftariSummary *summary, const DaftariCommodity *currency)
{
  const DaftariMonthFlow *now = &summary->this_month, *before = &summary->last_month;

  daftari_ui_group_clear (self->month_group);
  add_month_row (self, _("Money In"), now->in, before->in, currency);
  add_month_row (self, _("Money Out"), now->out, before->out, currency);
  add_month_row (self, _("Net"), now->in - now->out, before->in - before->out, currency);
}

static void
show_recent (DaftariDashboardPage *self, DaftariBook *book)
{
  const DaftariCommodity *currency = daftari_book_get_currency (book);
  DaftariCalendar *calendar = daftari_book_get_calendar (book);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) txns = NULL;
  DaftariTxnFilter filter;

  daftari_txn_filter_init (&filter);
  filter.limit = RECENT_ROWS;
  daftari_ui_group_clear (self->recent_group);
  txns = daftari_query_transactions (book, &filter, &error);
  if (txns == NULL)
    {
      g_warning ("Cannot list recent transactions: %s", error->message);
      return;
    }
  for (guint i = txns->len; i > 0; i--)
    {
      const DaftariTxn *txn = g_ptr_array_index (txns, i - 1);
      g_autofree char *date = daftari_calendar_format_date (calendar, txn->ts);
      g_autofree char *amount = daftari_ui_format_money (daftari_txn_get_principal (txn), currency);
      const char *title = *txn->memo ? txn->memo : *txn->payee ? txn->payee : daftari_txn_kind_to_string (txn->kind);

      daftari_ui_group_add (self->recent_group, money_row (title, date, amount));
    }
  if (txns->len == 0)
    daftari_ui_group_add (self->recent_group,
                          money_row (_("No transactions yet"), _("Transfers and payments appear here"), ""));
}

static void
refresh (DaftariPage *page)
{
  DaftariDashboardPage *self = DAFTARI_DASHBOARD_PAGE (page);
  DaftariBook *book = daftari_page_get_book (page);
  const DaftariCommodity *currency = daftari_book_get_currency (book);
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariSummary) summary = daftari_summary_compute (book, daftari_calendar_now (), &error);

  if (summary == NULL)
    {
      gtk_label_set_label (self->total_caption, error->message);
      return;
    }
  show_wallets (self, summary, currency);
  show_month (self, summary, currency);
  show_recent (self, book);
}

static void
daftari_dashboard_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DAFTARI_TYPE_DASHBOARD_PAGE);
  G_OBJECT_CLASS (daftari_dashboard_page_parent_class)->dispose (object);
}

static void
daftari_dashboard_page_class_init (DaftariDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = daftari_dashboard_page_dispose;
  DAFTARI_PAGE_CLASS (klass)->refresh = refresh;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftari/Daftari/ui/daftari-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftariDashboardPage, total_label);
  gtk_widget_class_bind_template_child (widget_class, DaftariDashboardPage, total_caption);
  gtk_widget_class_bind_template_child (widget_class, DaftariDashboardPage, wallets_group);
  gtk_widget_class_bind_template_child (widget_class, DaftariDashboardPage, month_group);
  gtk_widget_class_bind_template_child (widget_class, DaftariDashboardPage, recent_group);
}

static void
daftari_dashboard_page_init (DaftariDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
