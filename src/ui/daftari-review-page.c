/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-review-page.h"

#include <glib/gi18n.h>

#include "daftari-categorise.h"
#include "daftari-import.h"
#include "daftari-reconcile.h"
#include "daftari-ui-util.h"

struct _DaftariReviewPage {
  DaftariPage          parent_instance;

  GtkStack            *stack;
  AdwPreferencesGroup *matches_group;
  AdwPreferencesGroup *held_group;
  AdwPreferencesGroup *categories_group;
  GSettings           *settings;
  guint                n_waiting;
  gboolean             stale;    /* the book changed while the page was hidden */
};

G_DEFINE_FINAL_TYPE (DaftariReviewPage, daftari_review_page, DAFTARI_TYPE_PAGE)

guint
daftari_review_page_get_n_waiting (DaftariReviewPage *self)
{
  return self->n_waiting;
}

static DaftariBook *
book_of (DaftariReviewPage *self)
{
  return daftari_page_get_book (DAFTARI_PAGE (self));
}

static char *
money (DaftariReviewPage *self, gint64 minor)
{
  return daftari_ui_format_money (minor, daftari_book_get_currency (book_of (self)));
}

static char *
day_text (DaftariReviewPage *self, gint64 ts)
{
  return daftari_calendar_format_date (daftari_book_get_calendar (book_of (self)), ts);
}

/* An action's outcome: the book changed (every page refreshes), or why not. */
static void
done (DaftariReviewPage *self, gboolean ok, const GError *error, const char *message)
{
  if (!ok)
    {
      daftari_page_toast_text (DAFTARI_PAGE (self), error->message);
      return;
    }
  daftari_session_notify_changed (daftari_page_get_session (DAFTARI_PAGE (self)));
  daftari_page_toast_text (DAFTARI_PAGE (self), message);
}

static GtkWidget *
row_button (const char *label, const char *tooltip, gboolean suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  return button;
}

/* --- Payments that may settle invoices --- */

static void
accept_clicked (GtkButton *button, DaftariReviewPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 match = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "match"));

  gboolean ok = daftari_reconcile_accept (book_of (self), match, &error);

  done (self, ok, error, _("Payment recorded against the invoice"));
}

static void
reject_clicked (GtkButton *button, DaftariReviewPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 match = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "match"));

  gboolean ok = daftari_reconcile_reject (book_of (self), match, &error);

  done (self, ok, error,
        _("Suggestion rejected: it will not be made again"));
}

/* The best suggestion's Accept is the one to press; the others are plain. */
static GtkWidget *
suggestion_row (DaftariReviewPage *self, const DaftariReconcileSuggestion *s, gboolean best)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *accept = row_button (_("_Accept"), _("Record this payment against the invoice"), best);
  GtkWidget *reject = row_button (_("_Reject"), _("This payment is not for this invoice"), FALSE);
  g_autoptr(GString) numbers = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *reasons = daftari_match_reasons_text (s->reasons);
  /* xgettext:no-c-format */
  g_autofree char *subtitle = g_strdup_printf (_("%d%% sure: %s"), s->confidence, reasons);

  for (guint i = 0; i < s->n_invoices; i++)
    g_string_append_printf (numbers, "%s%s", i ? ", " : "", s->numbers[i]);
  title = g_strdup_printf ("%s · %s", numbers->str, s->customer_name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data (G_OBJECT (accept), "match", GSIZE_TO_POINTER (s->match_id));
  g_object_set_data (G_OBJECT (reject), "match", GSIZE_TO_POINTER (s->match_id));
  g_signal_connect (accept, "clicked", G_CALLBACK (accept_clicked), self);
  g_signal_connect (reject, "clicked", G_CALLBACK (reject_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), reject);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), accept);
  return row;
}

static guint
show_matches (DaftariReviewPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = daftari_reconcile_review (book_of (self), &error);

  daftari_ui_group_clear (self->matches_group);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const DaftariReconcileItem *item = g_ptr_array_index (items, i);
      GtkWidget *row = adw_expander_row_new ();
      g_autofree char *amount = money (self, item->amount);
      g_autofree char *day = day_text (self, item->ts);
      g_autofree char *title = g_strdup_printf (_("%s from %s"), amount, item->payer && *item->payer ? item->payer : _("an unknown payer"));
      g_autofree char *subtitle = item->reference && *item->reference
                                ? g_strdup_printf (_("%s · account “%s”"), day, item->reference) : g_strdup (day);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      for (guint s = 0; item->suggestions != NULL && s < item->suggestions->len; s++)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row), suggestion_row (self, g_ptr_array_index (item->suggestions, s), s == 0));
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), i == 0);
      daftari_ui_group_add (self->matches_group, row);
    }
  if (items == NULL)
    daftari_page_toast_text (DAFTARI_PAGE (self), error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->matches_group), items != NULL && items->len > 0);
  return items ? items->len : 0;
}

static void
match_now_clicked (GtkButton *button, DaftariReviewPage *self)
{
  g_autoptr(GError) error = NULL;
  int threshold = g_settings_get_uint (self->settings, "reconcile-threshold");
  g_autoptr(DaftariReconcileResult) result = daftari_reconcile_run (book_of (self), threshold, FALSE, &error);
  g_autofree char *message = NULL;

  if (result != NULL)
    message = g_strdup_printf (_("%u of %u payments recorded against invoices; %u wait for you"),
                               result->n_applied, result->n_payments, result->n_review);
  done (self, result != NULL, error, message);
}

/* --- Imported rows over the limit --- */

static void
post_held_clicked (GtkButton *button, DaftariReviewPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "held"));

  gboolean ok = daftari_import_held_post (book_of (self), id, NULL, &error);

  done (self, ok, error, _("Held row recorded"));
}

static void
dismiss_held_clicked (GtkButton *button, DaftariReviewPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "held"));

  gboolean ok = daftari_import_held_dismiss (book_of (self), id, &error);

  done (self, ok, error,
        _("Held row dismissed: nothing was recorded"));
}

static guint
show_held (DaftariReviewPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) held = daftari_import_held_list (book_of (self), 0, 0, &error);

  daftari_ui_group_clear (self->held_group);
  for (guint i = 0; held != NULL && i < held->len; i++)
    {
      const DaftariImportHeld *h = g_ptr_array_index (held, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *post = row_button (_("_Record"), _("Record it now: the limit is checked again"), FALSE);
      GtkWidget *dismiss = row_button (_("_Dismiss"), _("Forget this row: nothing is recorded"), FALSE);
      g_autofree char *amount = money (self, h->amount);
      g_autofree char *day = day_text (self, h->ts);
      g_autofree char *title = g_strdup_printf ("%s · %s", amount, h->counterparty && *h->counterparty ? h->counterparty : h->receipt);
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s · over the per-transaction limit"), day, h->receipt);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      g_object_set_data (G_OBJECT (post), "held", GSIZE_TO_POINTER (h->id));
      g_object_set_data (G_OBJECT (dismiss), "held", GSIZE_TO_POINTER (h->id));
      g_signal_connect (post, "clicked", G_CALLBACK (post_held_clicked), self);
      g_signal_connect (dismiss, "clicked", G_CALLBACK (dismiss_held_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), dismiss);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), post);
      daftari_ui_group_add (self->held_group, row);
    }
  if (held == NULL)
    daftari_page_toast_text (DAFTARI_PAGE (self), error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->held_group), held != NULL && held->len > 0);
  return held ? held->len : 0;
}

/* --- Better categories --- */

static void
apply_category_clicked (GtkButton *button, DaftariReviewPage *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *one = g_object_get_data (G_OBJECT (button), "pending");
  guint applied = 0;

  gboolean ok = daftari_categorise_apply (book_of (self), one, 0, &applied, &error);

  done (self, ok, error, _("Category changed"));
}

static guint
show_categories (DaftariReviewPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariCategoriser) categoriser = daftari_categoriser_new (book_of (self), &error);
  g_autoptr(GPtrArray) pending = categoriser ? daftari_categorise_pending (categoriser, &error) : NULL;
  guint shown = 0;

  daftari_ui_group_clear (self->categories_group);
  for (guint i = 0; pending != NULL && i < pending->len; i++)
    {
      DaftariCategorisePending *p = g_ptr_array_index (pending, i);
      g_autoptr(DaftariTxn) txn = daftari_ledger_get (book_of (self), p->txn_id, NULL);
      g_autoptr(DaftariAccount) category = daftari_account_get (book_of (self), p->suggestion.category_id, NULL);
      GtkWidget *row, *apply;
      GPtrArray *one;
      g_autofree char *day = NULL, *title = NULL, *subtitle = NULL;

      if (txn == NULL || category == NULL || p->suggestion.confidence < DAFTARI_CATEGORISE_THRESHOLD / 2)
        continue;
      row = adw_action_row_new ();
      apply = row_button (_("_Apply"), _("File the transaction under the suggested category"), TRUE);
      day = day_text (self, txn->ts);
      title = g_strdup_printf ("%s · %s", day, *txn->payee ? txn->payee : txn->memo);
      /* xgettext:no-c-format */
      subtitle = g_strdup_printf (_("Suggested: %s, %u%% sure (%s)"), category->name, p->suggestion.confidence,
                                  p->suggestion.why ? p->suggestion.why : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      one = g_ptr_array_new_with_free_func ((GDestroyNotify) daftari_categorise_pending_free);
      g_ptr_array_add (one, g_steal_pointer (&pending->pdata[i]));
      g_object_set_data_full (G_OBJECT (apply), "pending", one, (GDestroyNotify) g_ptr_array_unref);
      g_signal_connect (apply, "clicked", G_CALLBACK (apply_category_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), apply);
      daftari_ui_group_add (self->categories_group, row);
      if (++shown == 50)
        break;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->categories_group), shown > 0);
  return shown;
}

/* --- The page --- */

static void
daftari_review_page_refresh (DaftariPage *page)
{
  DaftariReviewPage *self = DAFTARI_REVIEW_PAGE (page);

  /* Learning categories reads the history: only for a page being looked at. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  self->n_waiting = show_matches (self) + show_held (self) + show_categories (self);
  gtk_stack_set_visible_child_name (self->stack, self->n_waiting > 0 ? "items" : "empty");
}

static void
mapped (DaftariReviewPage *self)
{
  if (self->stale)
    daftari_review_page_refresh (DAFTARI_PAGE (self));
}

static void
daftari_review_page_dispose (GObject *object)
{
  DaftariReviewPage *self = DAFTARI_REVIEW_PAGE (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (daftari_review_page_parent_class)->dispose (object);
}

static void
daftari_review_page_class_init (DaftariReviewPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = daftari_review_page_dispose;
  DAFTARI_PAGE_CLASS (klass)->refresh = daftari_review_page_refresh;
}

static AdwPreferencesGroup *
new_group (AdwPreferencesPage *page, const char *title, const char *description)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, title);
  adw_preferences_group_set_description (group, description);
  adw_preferences_page_add (page, group);
  return group;
}

static void
daftari_review_page_init (DaftariReviewPage *self)
{
  AdwPreferencesPage *items = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *match_now = gtk_button_new_with_mnemonic (_("_Match Payments to Invoices"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->settings = g_settings_new (APP_ID);
  self->stale = TRUE;
  self->matches_group = new_group (items, _("Payments That May Settle Invoices"),
                                   _("Daftari was not sure enough to record these itself. Accept the right invoice, "
                                     "or reject the ones that are wrong."));
  self->held_group = new_group (items, _("Held Imports"),
                                _("Rows of an import above the per-transaction limit. Record them once the limit "
                                  "allows, or dismiss them."));
  self->categories_group = new_group (items, _("Better Categories"),
                                      _("Transactions filed under “Other” that look like others you filed yourself."));
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("Nothing to Review"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Payments that may settle invoices, held imports and suggested categories "
                                     "appear here."));
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, GTK_WIDGET (items), "items");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_widget_set_tooltip_text (match_now, _("Record the payments Daftari is sure about against their invoices"));
  g_signal_connect (match_now, "clicked", G_CALLBACK (match_now_clicked), self);
  gtk_widget_set_margin_top (bar, 12);
  gtk_widget_set_margin_bottom (bar, 12);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_halign (match_now, GTK_ALIGN_END);
  gtk_widget_set_hexpand (match_now, TRUE);
  gtk_box_append (GTK_BOX (bar), match_now);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_bin_set_child (ADW_BIN (self), box);
  g_signal_connect (self, "map", G_CALLBACK (mapped), NULL);
}
