/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-wallet-dialog.h"

#include <glib/gi18n.h>

#include "daftari-ui-util.h"
#include "daftari-window.h"

struct _DaftariWalletDialog {
  AdwWindow       parent_instance;

  AdwEntryRow    *name_row;
  AdwComboRow    *kind_row;
  AdwComboRow    *bank_row;
  AdwComboRow    *currency_row;
  AdwEntryRow    *opening_row;
  GtkSwitch      *overdraft_switch;
  GtkLabel       *error_label;
  GtkButton      *save_button;

  DaftariSession *session;
  gint64          account_id;   /* 0: adding */
};

G_DEFINE_FINAL_TYPE (DaftariWalletDialog, daftari_wallet_dialog, ADW_TYPE_WINDOW)

/* The kinds in the order of the drop-down. */
static const DaftariAccountKind kinds[] = {
  DAFTARI_ACCOUNT_MPESA, DAFTARI_ACCOUNT_BANK, DAFTARI_ACCOUNT_CASH, DAFTARI_ACCOUNT_CRYPTO,
};
static const char *const fiat[] = { "KES", "USD", NULL };
static const char *const crypto[] = { "BTC", "ETH", "USDT", NULL };

static DaftariAccountKind
chosen_kind (DaftariWalletDialog *self)
{
  return kinds[MIN (adw_combo_row_get_selected (self->kind_row), G_N_ELEMENTS (kinds) - 1)];
}

static const char *
chosen_string (AdwComboRow *row)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (row);
  return item ? gtk_string_object_get_string (item) : NULL;
}

/* Currencies and the bank field follow the kind: M-PESA is shillings only. */
static void
kind_changed (DaftariWalletDialog *self)
{
  DaftariAccountKind kind = chosen_kind (self);
  g_autoptr(GtkStringList) codes = gtk_string_list_new (kind == DAFTARI_ACCOUNT_CRYPTO ? crypto : fiat);

  gtk_widget_set_visible (GTK_WIDGET (self->bank_row), kind == DAFTARI_ACCOUNT_BANK && self->account_id == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->currency_row), kind != DAFTARI_ACCOUNT_MPESA && self->account_id == 0);
  adw_combo_row_set_model (self->currency_row, G_LIST_MODEL (codes));
}

static void
show_error (DaftariWalletDialog *self, const char *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static gboolean
add_wallet (DaftariWalletDialog *self, GError **error)
{
  DaftariBook *book = daftari_session_get_book (self->session);
  const char *opening = gtk_editable_get_text (GTK_EDITABLE (self->opening_row));
  DaftariAccountKind kind = chosen_kind (self);
  DaftariAccountSpec spec = {
    .name = gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
    .kind = kind,
    .commodity = kind == DAFTARI_ACCOUNT_MPESA ? "KES" : chosen_string (self->currency_row),
    .institution = kind == DAFTARI_ACCOUNT_BANK ? chosen_string (self->bank_row) : NULL,
    .allow_overdraft = gtk_switch_get_active (self->overdraft_switch),
    .opening_ts = daftari_calendar_now (),
  };
  const DaftariCommodity *commodity = daftari_commodity_lookup (spec.commodity);

  if (*opening != '\0' && !daftari_money_parse (opening, commodity, &spec.opening, error))
    return FALSE;
  return daftari_account_add (book, &spec, NULL, error);
}

static void
save_clicked (DaftariWalletDialog *self)
{
  DaftariBook *book = daftari_session_get_book (self->session);
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gboolean ok = self->account_id == 0
                  ? add_wallet (self, &error)
                  : daftari_account_update (book, self->account_id, gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                                            gtk_switch_get_active (self->overdraft_switch), &error);

  if (!ok)
    {
      show_error (self, error->message);
      return;
    }
  daftari_session_notify_changed (self->session);
  if (DAFTARI_IS_WINDOW (parent))
    daftari_window_add_toast (DAFTARI_WINDOW (parent),
                              adw_toast_new (self->account_id == 0 ? _("Wallet added") : _("Wallet saved")));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_clicked (DaftariWalletDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
daftari_wallet_dialog_dispose (GObject *object)
{
  DaftariWalletDialog *self = DAFTARI_WALLET_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DAFTARI_TYPE_WALLET_DIALOG);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (daftari_wallet_dialog_parent_class)->dispose (object);
}

static void
daftari_wallet_dialog_class_init (DaftariWalletDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = daftari_wallet_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftari/Daftari/ui/daftari-wallet-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftariWalletDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariWalletDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariWalletDialog, bank_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariWalletDialog, currency_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariWalletDialog, opening_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariWalletDialog, overdraft_switch);
  gtk_widget_class_bind_template_child (widget_class, DaftariWalletDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, DaftariWalletDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, (GtkShortcutFunc) gtk_window_close, NULL);
}

static void
daftari_wallet_dialog_init (DaftariWalletDialog *self)
{
  g_autoptr(GtkStringList) banks = gtk_string_list_new ((const char *const *) daftari_institution_all ());

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (self->bank_row, G_LIST_MODEL (banks));
}

DaftariWalletDialog *
daftari_wallet_dialog_new (GtkWindow *parent, DaftariSession *session, gint64 account_id)
{
  DaftariWalletDialog *self = g_object_new (DAFTARI_TYPE_WALLET_DIALOG, "transient-for", parent, NULL);
  g_autoptr(DaftariAccount) account = NULL;

  self->session = g_object_ref (session);
  self->account_id = account_id;
  if (account_id != 0 &&
      (account = daftari_account_get (daftari_session_get_book (session), account_id, NULL)) != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Wallet"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), account->name);
      gtk_switch_set_active (self->overdraft_switch, account->allow_overdraft);
      gtk_widget_set_visible (GTK_WIDGET (self->kind_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->opening_row), FALSE);
    }
  kind_changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}
