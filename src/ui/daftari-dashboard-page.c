/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-dashboard-page.h"

#include <glib/gi18n.h>

#include "daftari-anomaly.h"
#include "daftari-core.h"
#include "daftari-main-view.h"
#include "daftari-cashflow-card.h"
#include "daftari-report-cards.h"
#include "daftari-report-flags.h"
#include "daftari-ui-util.h"

#define RECENT_ROWS 8

struct _DaftariDashboardPage {
  DaftariPage          parent_instance;

  GtkLabel            *total_label;
  GtkLabel            *total_caption;
  AdwPreferencesGroup *wallets_group;
  AdwPreferencesGroup *month_group;
  AdwPreferencesGroup *recent_group;
  AdwPreferencesGroup *categories_group;
  AdwPreferencesGroup *budgets_group;
  AdwPreferencesGroup *cashflow_group;
  AdwPreferencesGroup *flags_group;

  /* The report cards are drawn only while the dashboard is seen: the book
   * changes often while the owner works on another page. */
  gboolean             cards_stale;
  /* The anomaly scan runs in a thread (daftari-report-flags.h), one at a
   * time: a change during a scan asks for one more when it ends, so a burst
   * of changes costs at most two scans. */
  GCancellable        *flags_cancellable;
  gboolean             scanning;
  gboolean             rescan;
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

/* --- The report cards --- */

static void scan_flags (DaftariDashboardPage *self);
static void dismiss_clicked (GtkButton *button, DaftariDashboardPage *self);

static void
flags_found (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) flags = daftari_report_flags_find_finish (result, &error);
  DaftariDashboardPage *self = user_data;

  /* Cancelled: the page is gone (dispose cancels), so self is not touched. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->scanning = FALSE;
  if (flags == NULL)
    adw_preferences_group_set_description (self->flags_group, error->message);
  else
    daftari_report_cards_flags (self->flags_group, daftari_page_get_book (DAFTARI_PAGE (self)), flags,
                                G_CALLBACK (dismiss_clicked), self);
  if (self->rescan)
    scan_flags (self);
}

/* Flags on transactions of this month and the two before: the ones still
 * worth a look. */
static void
scan_flags (DaftariDashboardPage *self)
{
  DaftariBook *book = daftari_page_get_book (DAFTARI_PAGE (self));
  DaftariCalendar *calendar = daftari_book_get_calendar (book);
  DaftariMonth first = daftari_month_add (daftari_calendar_today (calendar) / 100, -2);
  gint64 from_ts, to_ts;

  if (self->scanning)
    {
      self->rescan = TRUE;
      return;
    }
  self->scanning = TRUE;
  self->rescan = FALSE;
  daftari_calendar_month_range (calendar, first, &from_ts, &to_ts);
  daftari_report_flags_find_async (daftari_book_get_path (book), from_ts, self->flags_cancellable, flags_found, self);
}

static void
refresh_cards (DaftariDashboardPage *self)
{
  DaftariBook *book = daftari_page_get_book (DAFTARI_PAGE (self));
  DaftariMonth month = daftari_calendar_today (daftari_book_get_calendar (book)) / 100;
  g_autoptr(GError) error = NULL;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->cards_stale = TRUE;
      return;
    }
  self->cards_stale = FALSE;
  if (!daftari_report_cards_categories (self->categories_group, book, month, &error))
    {
      adw_preferences_group_set_description (self->categories_group, error->message);
      g_clear_error (&error);
    }
  if (!daftari_report_cards_budgets (self->budgets_group, book, &error))
    {
      adw_preferences_group_set_description (self->budgets_group, error->message);
      g_clear_error (&error);
    }
  /* The forecast replays the book's past: on a big book that is a beat
   * the window should not freeze for. */
  adw_preferences_group_set_description (self->cashflow_group, NULL);
  daftari_cashflow_card_fill_async (self->cashflow_group, book);
  scan_flags (self);
}

static void
mapped (DaftariDashboardPage *self)
{
  if (self->cards_stale)
    refresh_cards (self);
}

static void
dismiss_clicked (GtkButton *button, DaftariDashboardPage *self)
{
  const char *key = g_object_get_data (G_OBJECT (button), "anomaly-key");
  DaftariPage *page = DAFTARI_PAGE (self);
  g_autoptr(GError) error = NULL;

  if (!daftari_anomaly_dismiss (daftari_page_get_book (page), key, &error))
    {
      daftari_page_toast_text (page, error->message);
      return;
    }
  /* The row goes at once (hidden: the group's next clear removes it); the
   * rescan that follows the change confirms it. */
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW), FALSE);
  daftari_session_notify_changed (daftari_page_get_session (page));
  daftari_page_toast_text (page, _("Flag dismissed"));
}

static void
all_reports_clicked (DaftariDashboardPage *self)
{
  GtkWidget *main_view = gtk_widget_get_ancestor (GTK_WIDGET (self), DAFTARI_TYPE_MAIN_VIEW);

  if (main_view != NULL)
    daftari_main_view_show_page (DAFTARI_MAIN_VIEW (main_view), "reports");
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
  refresh_cards (self);
}

static void
daftari_dashboard_page_dispose (GObject *object)
{
  DaftariDashboardPage *self = DAFTARI_DASHBOARD_PAGE (object);

  g_cancellable_cancel (self->flags_cancellable);
  g_clear_object (&self->flags_cancellable);
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
  gtk_widget_class_bind_template_child (widget_class, DaftariDashboardPage, categories_group);
  gtk_widget_class_bind_template_child (widget_class, DaftariDashboardPage, budgets_group);
  gtk_widget_class_bind_template_child (widget_class, DaftariDashboardPage, cashflow_group);
  gtk_widget_class_bind_template_child (widget_class, DaftariDashboardPage, flags_group);
  gtk_widget_class_bind_template_callback (widget_class, all_reports_clicked);
}

static void
daftari_dashboard_page_init (DaftariDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->flags_cancellable = g_cancellable_new ();
  g_signal_connect (self, "map", G_CALLBACK (mapped), NULL);
}
