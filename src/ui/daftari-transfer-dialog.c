/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-transfer-dialog.h"

#include <glib/gi18n.h>

#include "daftari-ui-util.h"
#include "daftari-window.h"

struct _DaftariTransferDialog {
  AdwWindow       parent_instance;

  AdwComboRow    *from_row;
  AdwComboRow    *to_row;
  AdwEntryRow    *amount_row;
  AdwEntryRow    *fee_row;
  AdwEntryRow    *date_row;
  AdwEntryRow    *memo_row;
  AdwActionRow   *conversion_row;
  GtkLabel       *error_label;
  GtkButton      *submit_button;

  DaftariSession *session;
  GArray         *wallet_ids;
};

G_DEFINE_FINAL_TYPE (DaftariTransferDialog, daftari_transfer_dialog, ADW_TYPE_WINDOW)

static DaftariBook *
book_of (DaftariTransferDialog *self)
{
  return daftari_session_get_book (self->session);
}

static gint64
wallet_at (DaftariTransferDialog *self, AdwComboRow *row)
{
  guint position = adw_combo_row_get_selected (row);
  return position < self->wallet_ids->len ? g_array_index (self->wallet_ids, gint64, position) : 0;
}

static gboolean
show_problem (DaftariTransferDialog *self, GtkWidget *row, const char *message)
{
  return daftari_ui_show_problem (self->error_label, row, message);
}

/* "They receive BTC 0.00050000 · 1 BTC = KES 9,000,000" across commodities. */
static void
show_conversion (DaftariTransferDialog *self, const DaftariTransferSpec *spec,
                 const DaftariAccount *from, const DaftariAccount *to)
{
  DaftariBook *book = book_of (self);
  const DaftariCommodity *currency = daftari_book_get_currency (book);
  const DaftariAccount *priced = to->commodity != currency ? to : from;
  g_autoptr(DaftariTxn) txn = NULL;
  g_autofree char *received = NULL;
  g_autofree char *rate_text = NULL;
  g_autofree char *subtitle = NULL;
  gint64 rate;

  gtk_widget_set_visible (GTK_WIDGET (self->conversion_row), from->commodity != to->commodity);
  if (from->commodity == to->commodity || spec->amount <= 0)
    return;
  txn = daftari_ops_build_transfer (book, spec, NULL);
  if (txn == NULL || !daftari_rates_lookup (book, priced->commodity, spec->ts, &rate, NULL))
    {
      adw_action_row_set_subtitle (self->conversion_row, _("No rate for this date yet"));
      return;
    }
  for (guint i = 0; i < txn->splits->len; i++)
    if (daftari_txn_get_split (txn, i)->account_id == to->id)
      received = daftari_ui_format_money (daftari_txn_get_split (txn, i)->amount, to->commodity);
  rate_text = daftari_rate_format (rate);
  /* Translators: "BTC 0.00050000 · 1 BTC = 9,000,000 KES" */
  subtitle = g_strdup_printf (_("%s · 1 %s = %s %s"), received ? received : "", priced->commodity->code,
                              rate_text, currency->code);
  adw_action_row_set_subtitle (self->conversion_row, subtitle);
}

/* Reads the form into spec; FALSE (with the field marked) when something
 * cannot be read yet or the book would refuse it. */
static gboolean
validate (DaftariTransferDialog *self, DaftariTransferSpec *spec)
{
  DaftariBook *book = book_of (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariAccount) from = NULL;
  g_autoptr(DaftariAccount) to = NULL;
  const char *amount_text = gtk_editable_get_text (GTK_EDITABLE (self->amount_row));
  const char *fee_text = gtk_editable_get_text (GTK_EDITABLE (self->fee_row));
  const char *date_text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  g_autofree char *amount_title = NULL;

  GtkWidget *rows[] = { GTK_WIDGET (self->from_row), GTK_WIDGET (self->to_row), GTK_WIDGET (self->amount_row),
                        GTK_WIDGET (self->fee_row), GTK_WIDGET (self->date_row) };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    daftari_ui_mark_error (rows[i], FALSE);
  show_problem (self, NULL, NULL);
  *spec = (DaftariTransferSpec) { wallet_at (self, self->from_row), wallet_at (self, self->to_row) };
  if (spec->from_id == 0 || spec->to_id == 0 ||
      (from = daftari_account_get (book, spec->from_id, NULL)) == NULL ||
      (to = daftari_account_get (book, spec->to_id, NULL)) == NULL)
    return FALSE;

  amount_title = g_strdup_printf (_("Amount (%s)"), from->commodity->code);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->amount_row), amount_title);
  if (spec->from_id == spec->to_id)
    return show_problem (self, GTK_WIDGET (self->to_row), _("Choose two different wallets."));
  if (*date_text == '\0' || !daftari_ui_read_date (book, date_text, &spec->ts, &error))
    return show_problem (self, GTK_WIDGET (self->date_row), error ? error->message : NULL);
  if (*fee_text != '\0' && !daftari_money_parse (fee_text, from->commodity, &spec->fee, &error))
    return show_problem (self, GTK_WIDGET (self->fee_row), error->message);
  if (*amount_text == '\0')
    return FALSE;
  if (!daftari_money_parse (amount_text, from->commodity, &spec->amount, &error))
    return show_problem (self, GTK_WIDGET (self->amount_row), error->message);
  spec->memo = gtk_editable_get_text (GTK_EDITABLE (self->memo_row));
  show_conversion (self, spec, from, to);
  if (!daftari_session_check_transfer (self->session, spec, &error))
    {
      DaftariUiField field = daftari_ui_field_of_error (error);
      GtkWidget *row = field == DAFTARI_UI_FIELD_AMOUNT ? GTK_WIDGET (self->amount_row)
                     : field == DAFTARI_UI_FIELD_FROM ? GTK_WIDGET (self->from_row)
                     : NULL;
      show_problem (self, row, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
form_changed (DaftariTransferDialog *self)
{
  DaftariTransferSpec spec;
  gtk_widget_set_sensitive (GTK_WIDGET (self->submit_button), validate (self, &spec));
}

static void
submit_clicked (DaftariTransferDialog *self)
{
  DaftariTransferSpec spec;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (!validate (self, &spec))
    return;
  if (!daftari_session_transfer (self->session, &spec, NULL, &error))
    {
      show_problem (self, NULL, error->message);
      return;
    }
  if (DAFTARI_IS_WINDOW (parent))
    daftari_window_add_toast (DAFTARI_WINDOW (parent), adw_toast_new (_("Transfer recorded")));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_clicked (DaftariTransferDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
daftari_transfer_dialog_dispose (GObject *object)
{
  DaftariTransferDialog *self = DAFTARI_TRANSFER_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DAFTARI_TYPE_TRANSFER_DIALOG);
  g_clear_object (&self->session);
  g_clear_pointer (&self->wallet_ids, g_array_unref);
  G_OBJECT_CLASS (daftari_transfer_dialog_parent_class)->dispose (object);
}

static void
daftari_transfer_dialog_class_init (DaftariTransferDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = daftari_transfer_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftari/Daftari/ui/daftari-transfer-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftariTransferDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariTransferDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariTransferDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariTransferDialog, fee_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariTransferDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariTransferDialog, memo_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariTransferDialog, conversion_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariTransferDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, DaftariTransferDialog, submit_button);
  gtk_widget_class_bind_template_callback (widget_class, form_changed);
  gtk_widget_class_bind_template_callback (widget_class, submit_clicked);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, (GtkShortcutFunc) gtk_window_close, NULL);
}

static void
daftari_transfer_dialog_init (DaftariTransferDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

DaftariTransferDialog *
daftari_transfer_dialog_new (GtkWindow *parent, DaftariSession *session, gint64 from_id)
{
  DaftariTransferDialog *self = g_object_new (DAFTARI_TYPE_TRANSFER_DIALOG, "transient-for", parent, NULL);
  DaftariBook *book = daftari_session_get_book (session);
  g_autoptr(GtkStringList) wallets = daftari_ui_wallet_list (book, DAFTARI_UI_WALLETS_ALL, &self->wallet_ids);
  g_autofree char *today = daftari_day_format (daftari_calendar_today (daftari_book_get_calendar (book)));
  guint from = daftari_ui_position_of (self->wallet_ids, from_id);

  self->session = g_object_ref (session);
  daftari_ui_combo_row_set_wallets (self->from_row, G_LIST_MODEL (wallets));
  daftari_ui_combo_row_set_wallets (self->to_row, G_LIST_MODEL (wallets));
  adw_combo_row_set_selected (self->from_row, from);
  adw_combo_row_set_selected (self->to_row, self->wallet_ids->len > 1 && from == 0 ? 1 : 0);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  form_changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->amount_row));
  return self;
}
