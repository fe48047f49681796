/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-category-dialog.h"

#include <glib/gi18n.h>

#include "daftari-categorise.h"
#include "daftari-ui-util.h"

struct _DaftariCategoryDialog {
  AdwWindow       parent_instance;

  AdwComboRow    *category_row;
  GtkLabel       *error_label;
  DaftariSession *session;
  gint64          txn_id;
  gint64          current;
  GArray         *ids;
};

G_DEFINE_FINAL_TYPE (DaftariCategoryDialog, daftari_category_dialog, ADW_TYPE_WINDOW)

static void
save_clicked (DaftariCategoryDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint position = adw_combo_row_get_selected (self->category_row);
  gint64 chosen = position < self->ids->len ? g_array_index (self->ids, gint64, position) : 0;

  if (chosen == self->current ||
      daftari_categorise_move (daftari_session_get_book (self->session), self->txn_id, self->current, chosen, &error))
    {
      if (chosen != self->current)
        daftari_session_notify_changed (self->session);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  daftari_ui_show_problem (self->error_label, GTK_WIDGET (self->category_row), error->message);
}

static void
daftari_category_dialog_dispose (GObject *object)
{
  DaftariCategoryDialog *self = DAFTARI_CATEGORY_DIALOG (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->ids, g_array_unref);
  G_OBJECT_CLASS (daftari_category_dialog_parent_class)->dispose (object);
}

static void
daftari_category_dialog_class_init (DaftariCategoryDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = daftari_category_dialog_dispose;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

/* The header: Cancel, the title, Save. */
static GtkWidget *
header (DaftariCategoryDialog *self)
{
  GtkWidget *bar = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (bar), FALSE);
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_clicked), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (bar), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (bar), save);
  gtk_window_set_default_widget (GTK_WINDOW (self), save);
  return bar;
}

static void
daftari_category_dialog_init (DaftariCategoryDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();

  self->category_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->category_row), _("C_ategory"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->category_row), TRUE);
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->category_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->error_label));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_box_append (GTK_BOX (box), header (self));
  gtk_box_append (GTK_BOX (box), page);
  gtk_window_set_title (GTK_WINDOW (self), _("Change Category"));
  gtk_window_set_default_size (GTK_WINDOW (self), 460, 260);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  adw_window_set_content (ADW_WINDOW (self), box);
}

/* The categories on the same side (income or expense) as the current one. */
static GtkStringList *
categories_like (DaftariBook *book, gint64 current, GArray *ids, guint *out_position)
{
  g_autoptr(DaftariAccount) now = daftari_account_get (book, current, NULL);
  g_autoptr(GPtrArray) accounts = daftari_account_list (book, FALSE, NULL);
  GtkStringList *names = gtk_string_list_new (NULL);

  for (guint i = 0; now != NULL && accounts != NULL && i < accounts->len; i++)
    {
      const DaftariAccount *a = g_ptr_array_index (accounts, i);
      if (a->kind != now->kind)
        continue;
      if (a->id == current)
        *out_position = ids->len;
      gtk_string_list_append (names, a->name);
      g_array_append_val (ids, a->id);
    }
  return names;
}

DaftariCategoryDialog *
daftari_category_dialog_new (GtkWindow *parent, DaftariSession *session, gint64 txn_id, GError **error)
{
  DaftariBook *book = daftari_session_get_book (session);
  g_autoptr(DaftariTxn) txn = daftari_ledger_get (book, txn_id, error);
  g_autoptr(DaftariCategoriser) categoriser = txn ? daftari_categoriser_new (book, error) : NULL;
  g_autoptr(GtkStringList) names = NULL;
  g_auto(DaftariSuggestion) suggestion = { 0 };
  DaftariCategoryDialog *self;
  gint64 current = 0;
  guint position = 0;

  if (categoriser == NULL || !daftari_categoriser_suggest_txn (categoriser, txn, &current, &suggestion, error))
    return NULL;
  if (current == 0)
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                   _("This transaction has no single category to change"));
      return NULL;
    }
  self = g_object_new (DAFTARI_TYPE_CATEGORY_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->txn_id = txn_id;
  self->current = current;
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  names = categories_like (book, current, self->ids, &position);
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->category_row, position);
  if (suggestion.category_id != 0 && suggestion.category_id != current)
    {
      g_autoptr(DaftariAccount) suggested = daftari_account_get (book, suggestion.category_id, NULL);
      /* xgettext:no-c-format */
      g_autofree char *text = g_strdup_printf (_("Daftari suggests %s, %u%% sure (%s)"),
                                               suggested ? suggested->name : "?", suggestion.confidence,
                                               suggestion.why ? suggestion.why : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->category_row), text);
      adw_combo_row_set_selected (self->category_row, daftari_ui_position_of (self->ids, suggestion.category_id));
    }
  return self;
}
