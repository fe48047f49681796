/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-customers-page.h"

#include <glib/gi18n.h>

#include "daftari-core.h"
#include "daftari-customer-dialog.h"
#include "daftari-customer.h"
#include "daftari-invoice-fill.h"
#include "daftari-invoice-pdf.h"
#include "daftari-invoice.h"
#include "daftari-ui-util.h"
#include "daftari-window.h"

/* The newest history entries shown; the statement PDF has them all. */
#define HISTORY_LIMIT 200

/* --- A row of the list: everything a cell shows, formatted once --- */

#define DAFTARI_TYPE_CUSTOMER_ROW (daftari_customer_row_get_type ())
G_DECLARE_FINAL_TYPE (DaftariCustomerRow, daftari_customer_row, DAFTARI, CUSTOMER_ROW, GObject)

struct _DaftariCustomerRow {
  GObject  parent_instance;
  gint64   id;
  gint64   balance;
  char    *text[5];  /* one per column, in column order */
};

G_DEFINE_FINAL_TYPE (DaftariCustomerRow, daftari_customer_row, G_TYPE_OBJECT)

enum { COL_NAME, COL_PHONE, COL_OWES, COL_CREDIT, COL_INVOICES };

static void
daftari_customer_row_finalize (GObject *object)
{
  DaftariCustomerRow *row = DAFTARI_CUSTOMER_ROW (object);

  for (guint i = 0; i < G_N_ELEMENTS (row->text); i++)
    g_free (row->text[i]);
  G_OBJECT_CLASS (daftari_customer_row_parent_class)->finalize (object);
}

static void
daftari_customer_row_class_init (DaftariCustomerRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = daftari_customer_row_finalize;
}

static void
daftari_customer_row_init (DaftariCustomerRow *row)
{
}

/* --- The page --- */

struct _DaftariCustomersPage {
  DaftariPage          parent_instance;

  GtkSearchEntry      *search_entry;
  GtkStack            *list_stack;
  GtkColumnView       *customer_view;
  AdwStatusPage       *empty_page;
  GtkWidget           *empty_button;
  GtkStack            *detail_stack;
  GtkLabel            *name_label;
  GtkLabel            *owes_label;
  GtkLabel            *credit_label;
  AdwPreferencesGroup *details_group;
  AdwPreferencesGroup *history_group;

  GListStore          *store;
  GtkSingleSelection  *selection;
  gint64               shown_id;   /* the customer the detail pane shows */
};

G_DEFINE_FINAL_TYPE (DaftariCustomersPage, daftari_customers_page, DAFTARI_TYPE_PAGE)

static DaftariBook *
book_of (DaftariCustomersPage *self)
{
  return daftari_page_get_book (DAFTARI_PAGE (self));
}

static DaftariSession *
session_of (DaftariCustomersPage *self)
{
  return daftari_page_get_session (DAFTARI_PAGE (self));
}

static GtkWindow *
parent_window (DaftariCustomersPage *self)
{
  return daftari_page_get_window (DAFTARI_PAGE (self));
}

static void
toast_text (DaftariCustomersPage *self, const char *text)
{
  daftari_page_toast_text (DAFTARI_PAGE (self), text);
}

static char *
money (DaftariCustomersPage *self, gint64 minor)
{
  return daftari_ui_format_money (minor, daftari_book_get_currency (book_of (self)));
}

/* 254712345678 as a Kenyan writes it: 0712 345 678. */
static char *
phone_for_display (const char *phone)
{
  if (phone == NULL || *phone == '\0')
    return g_strdup ("");
  if (strlen (phone) == 12 && g_str_has_prefix (phone, "254"))
    return g_strdup_printf ("0%.3s %.3s %.3s", phone + 3, phone + 6, phone + 9);
  return g_strdup (phone);
}

/* --- Filling the list --- */

/* Issued invoices (voided ones too: they were sent) per customer id. */
static GHashTable *
count_invoices (DaftariCustomersPage *self)
{
  DaftariInvoiceFilter filter = { .any_status = TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) invoices = daftari_invoice_list (book_of (self), &filter, &error);
  GHashTable *counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; invoices != NULL && i < invoices->len; i++)
    {
      const DaftariInvoice *invoice = g_ptr_array_index (invoices, i);
      guint n;

      if (!invoice->issued)
        continue;
      n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &invoice->customer_id));
      g_hash_table_insert (counts, g_memdup2 (&invoice->customer_id, sizeof invoice->customer_id),
                           GUINT_TO_POINTER (n + 1));
    }
  return counts;
}

static DaftariCustomerRow *
make_row (DaftariCustomersPage *self, const DaftariCustomer *customer, GHashTable *counts)
{
  DaftariCustomerRow *row = g_object_new (DAFTARI_TYPE_CUSTOMER_ROW, NULL);
  gint64 credit = 0;
  guint invoices = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &customer->id));

  row->id = customer->id;
  if (!daftari_customer_balance (book_of (self), customer->id, &row->balance, NULL))
    row->balance = 0;
  if (!daftari_customer_credit (book_of (self), customer->id, &credit, NULL))
    credit = 0;
  row->text[COL_NAME] = g_strdup (customer->name);
  row->text[COL_PHONE] = phone_for_display (customer->phone);
  row->text[COL_OWES] = row->balance > 0 ? money (self, row->balance) : g_strdup ("—");
  row->text[COL_CREDIT] = credit > 0 ? money (self, credit) : g_strdup ("—");
  row->text[COL_INVOICES] = invoices > 0 ? g_strdup_printf ("%u", invoices) : g_strdup ("—");
  return row;
}

static void selection_changed (DaftariCustomersPage *self);

/* gtk_column_view_scroll_to() is GTK 4.12; on 4.8 the column view's inner
 * list view offers "list.scroll-to-item". */
static void
scroll_to (DaftariCustomersPage *self, guint position)
{
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->customer_view)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LIST_VIEW (c))
      gtk_widget_activate_action (c, "list.scroll-to-item", "u", position);
}

static void
show_empty (DaftariCustomersPage *self, gboolean searching)
{
  adw_status_page_set_title (self->empty_page, searching ? _("No Matching Customers") : _("No Customers Yet"));
  adw_status_page_set_description (self->empty_page,
                                   searching ? _("No customer’s name or phone matches the search.")
                                             : _("Add the people and businesses you bill, to invoice them and "
                                                 "follow what they owe."));
  gtk_widget_set_visible (self->empty_button, !searching);
}

/* A fresh store for every search or change of the book, filled in one
 * splice (see the invoices page); the selection is found again by id. */
static void
rebuild_model (DaftariCustomersPage *self, gint64 select_id)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *text = *search ? search : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) customers = daftari_customer_search (book_of (self), text && *text ? text : NULL, &error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) counts = count_invoices (self);
  guint position = GTK_INVALID_LIST_POSITION;

  if (customers == NULL)
    {
      toast_text (self, error->message);
      customers = g_ptr_array_new ();
    }
  for (guint i = 0; i < customers->len; i++)
    {
      const DaftariCustomer *customer = g_ptr_array_index (customers, i);
      if (customer->id == select_id)
        position = i;
      g_ptr_array_add (rows, make_row (self, customer, counts));
    }

  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  self->store = g_list_store_new (DAFTARI_TYPE_CUSTOMER_ROW);
  g_list_store_splice (self->store, 0, 0, rows->pdata, rows->len);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->store)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, position);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed), self);
  gtk_column_view_set_model (self->customer_view, GTK_SELECTION_MODEL (self->selection));

  show_empty (self, *search != '\0');
  gtk_stack_set_visible_child_name (self->list_stack, rows->len > 0 ? "list" : "empty");
  if (position != GTK_INVALID_LIST_POSITION)
    scroll_to (self, position);
  self->shown_id = 0;  /* the book changed: show the customer again */
  selection_changed (self);
}

static DaftariCustomerRow *
selected_row (DaftariCustomersPage *self)
{
  return self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;
}

gint64
daftari_customers_page_get_selected (DaftariCustomersPage *self)
{
  DaftariCustomerRow *row = selected_row (self);
  return row ? row->id : 0;
}

void
daftari_customers_page_select (DaftariCustomersPage *self, gint64 customer_id)
{
  rebuild_model (self, customer_id);
}

static void
search_changed (DaftariCustomersPage *self)
{
  rebuild_model (self, daftari_customers_page_get_selected (self));
}

static void
book_changed (DaftariPage *page)
{
  DaftariCustomersPage *self = DAFTARI_CUSTOMERS_PAGE (page);
  rebuild_model (self, daftari_customers_page_get_selected (self));
}

/* --- Columns --- */

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer column)
{
  GtkWidget *label = gtk_label_new (NULL);
  guint index = GPOINTER_TO_UINT (column);
  gboolean numeric = index == COL_OWES || index == COL_CREDIT || index == COL_INVOICES;

  /* Only the name gives way: a phone or an amount cut short says nothing. */
  if (index == COL_NAME)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
    }
  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  if (numeric || index == COL_PHONE)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer column)
{
  DaftariCustomerRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  guint index = GPOINTER_TO_UINT (column);
  const char *text = row->text[index];

  gtk_label_set_label (GTK_LABEL (label), text);
  if (g_str_equal (text, "—"))
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
  if (index == COL_OWES && row->balance > 0)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
}

static void
setup_columns (DaftariPage *page)
{
  DaftariCustomersPage *self = DAFTARI_CUSTOMERS_PAGE (page);
  const char *titles[] = { _("Name"), _("Phone"), _("Owes"), _("Credit"), _("Invoices") };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (titles[i], factory);
      gtk_column_view_column_set_expand (column, i == COL_NAME);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->customer_view, column);
    }
}

/* --- The detail pane --- */

/* A detail as a row: what it is, and under it the value (the libadwaita
 * 1.3+ "property" style puts the value first). */
static void
add_detail (DaftariCustomersPage *self, const char *title, const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  gboolean given = value != NULL && *value != '\0';

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), given ? value : _("Not given"));
#if ADW_CHECK_VERSION (1, 3, 0)
  if (adw_get_minor_version () >= 3)
    {
      adw_action_row_set_subtitle_selectable (ADW_ACTION_ROW (row), TRUE);
      if (given)
        gtk_widget_add_css_class (row, "property");
    }
#endif
  daftari_ui_group_add (self->details_group, row);
}

static void
show_details (DaftariCustomersPage *self, const DaftariCustomer *customer)
{
  g_autofree char *phone = phone_for_display (customer->phone);

  daftari_ui_group_clear (self->details_group);
  add_detail (self, _("Phone"), phone);
  add_detail (self, _("Email"), customer->email);
  add_detail (self, _("KRA PIN"), customer->kra_pin);
  add_detail (self, _("Address"), customer->address);
  add_detail (self, _("Documents in"), g_strcmp0 (customer->language, "sw") == 0 ? _("Kiswahili") : _("English"));
  if (customer->notes != NULL && *customer->notes != '\0')
    add_detail (self, _("Notes"), customer->notes);
}

static void
show_figures (DaftariCustomersPage *self, gint64 id)
{
  g_autofree char *owes = NULL, *credit = NULL;
  gint64 balance = 0, held = 0;

  if (!daftari_customer_balance (book_of (self), id, &balance, NULL))
    balance = 0;
  if (!daftari_customer_credit (book_of (self), id, &held, NULL))
    held = 0;
  owes = money (self, MAX (balance, 0));
  credit = money (self, held);
  gtk_label_set_label (self->owes_label, owes);
  gtk_label_set_label (self->credit_label, credit);
  if (balance > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->owes_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->owes_label), "warning");
  if (held > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->credit_label), "success");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->credit_label), "success");
}

static char *
event_title (const DaftariCustomerEvent *event)
{
  const char *reference = event->reference ? event->reference : "";

  switch (event->kind)
    {
    case DAFTARI_CUSTOMER_EVENT_INVOICE:
      /* Translators: %s is the invoice number */
      return g_strdup_printf (_("Invoice %s"), reference);
    case DAFTARI_CUSTOMER_EVENT_VOID:
      /* Translators: %s is the invoice number */
      return g_strdup_printf (_("Invoice %s voided"), reference);
    case DAFTARI_CUSTOMER_EVENT_PAYMENT:
    default:
      /* Translators: %s is the wallet the payment went into */
      return *reference ? g_strdup_printf (_("Payment into %s"), reference) : g_strdup (_("Payment"));
    }
}

static GtkWidget *
event_row (DaftariCustomersPage *self, const DaftariCustomerEvent *event)
{
  DaftariCalendar *calendar = daftari_book_get_calendar (book_of (self));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *figures = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char *title = event_title (event);
  g_autofree char *date = daftari_day_format (daftari_calendar_day_of (calendar, event->ts));
  g_autofree char *amount = money (self, event->amount < 0 ? -event->amount : event->amount);
  g_autofree char *signed_amount = g_strdup_printf (event->amount < 0 ? "− %s" : "+ %s", amount);
  g_autofree char *balance_money = money (self, event->balance);
  /* Translators: the customer's running balance after an invoice or payment */
  g_autofree char *balance = g_strdup_printf (_("Balance %s"), balance_money);
  GtkWidget *amount_label = daftari_ui_amount_label (signed_amount);
  GtkWidget *balance_label = daftari_ui_amount_label (balance);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), date);
  gtk_widget_set_valign (figures, GTK_ALIGN_CENTER);
  if (event->amount < 0)
    gtk_widget_add_css_class (amount_label, "success");
  gtk_widget_add_css_class (balance_label, "caption");
  gtk_widget_add_css_class (balance_label, "dim-label");
  gtk_box_append (GTK_BOX (figures), amount_label);
  gtk_box_append (GTK_BOX (figures), balance_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), figures);
  return row;
}

static void
show_history (DaftariCustomersPage *self, gint64 id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) events = daftari_customer_history (book_of (self), id, G_MININT64, G_MAXINT64, NULL, &error);
  guint shown = 0;

  daftari_ui_group_clear (self->history_group);
  adw_preferences_group_set_description (self->history_group, NULL);
  if (events == NULL)
    {
      toast_text (self, error->message);
      return;
    }
  if (events->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing billed or paid yet"));
      gtk_widget_add_css_class (row, "dim-label");
      daftari_ui_group_add (self->history_group, row);
      return;
    }
  /* Newest first. */
  for (guint i = events->len; i > 0 && shown < HISTORY_LIMIT; i--, shown++)
    daftari_ui_group_add (self->history_group, event_row (self, &g_array_index (events, DaftariCustomerEvent, i - 1)));
  if (shown < events->len)
    {
      g_autofree char *note = g_strdup_printf (_("The latest %u of %u entries; the statement PDF has them all."),
                                               shown, events->len);
      adw_preferences_group_set_description (self->history_group, note);
    }
}

static void
selection_changed (DaftariCustomersPage *self)
{
  DaftariCustomerRow *row = selected_row (self);
  g_autoptr(DaftariCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.edit-customer", row != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.save-statement", row != NULL);
  if (row == NULL)
    {
      self->shown_id = 0;
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }
  if (row->id == self->shown_id)
    return;
  customer = daftari_customer_get (book_of (self), row->id, &error);
  if (customer == NULL)
    {
      toast_text (self, error->message);
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }
  self->shown_id = row->id;
  gtk_label_set_label (self->name_label, customer->name);
  show_figures (self, row->id);
  show_details (self, customer);
  show_history (self, row->id);
  gtk_stack_set_visible_child_name (self->detail_stack, "customer");
}

/* --- Actions --- */

static void
customer_saved (DaftariCustomersPage *self, gint64 id)
{
  daftari_customers_page_select (self, id);
}

static void
open_dialog (DaftariCustomersPage *self, gint64 id)
{
  DaftariCustomerDialog *dialog = daftari_customer_dialog_new (parent_window (self), session_of (self), id);

  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (customer_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_customer_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  open_dialog (DAFTARI_CUSTOMERS_PAGE (widget), 0);
}

static void
edit_customer_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariCustomersPage *self = DAFTARI_CUSTOMERS_PAGE (widget);
  DaftariCustomerRow *row = selected_row (self);

  if (row != NULL)
    open_dialog (self, row->id);
}

static void
row_activated (DaftariCustomersPage *self, guint position)
{
  g_autoptr(DaftariCustomerRow) row = g_list_model_get_item (G_LIST_MODEL (self->store), position);

  if (row != NULL)
    open_dialog (self, row->id);
}

static void
search_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (DAFTARI_CUSTOMERS_PAGE (widget)->search_entry));
}

/* The statement: every entry up to today. */
static DaftariDocument *
statement_of (DaftariCustomersPage *self, GError **error)
{
  DaftariCustomerRow *row = selected_row (self);

  if (row == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Choose a customer first"));
      return NULL;
    }
  return daftari_customer_statement_document (book_of (self), row->id, 0, 0, error);
}

gboolean
daftari_customers_page_save_statement (DaftariCustomersPage *self, const char *path, GError **error)
{
  g_autoptr(DaftariDocument) document = statement_of (self, error);

  return document != NULL && daftari_document_render_pdf (document, path, error);
}

/* The PDF is written off the main thread: the document is laid out
 * already, so the thread only draws it. */
static void
render_pdf_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  const char *path = g_object_get_data (G_OBJECT (task), "path");

  if (daftari_document_render_pdf (data, path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
render_pdf_done (GObject *source, GAsyncResult *result, gpointer data)
{
  DaftariCustomersPage *self = DAFTARI_CUSTOMERS_PAGE (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *path = g_object_get_data (G_OBJECT (result), "path");

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    toast_text (self, error->message);
  else
    {
      /* Translators: %s is the full path of the saved PDF */
      text = g_strdup_printf (_("Statement saved to “%s”"), path);
      toast_text (self, text);
    }
}

static void
save_response (GtkNativeDialog *chooser, int response, DaftariCustomersPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  DaftariDocument *document;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || g_file_peek_path (file) == NULL)
    return;
  document = statement_of (self, &error);
  if (document == NULL)
    {
      toast_text (self, error->message);
      return;
    }
  task = g_task_new (self, NULL, render_pdf_done, NULL);
  g_task_set_task_data (task, document, (GDestroyNotify) daftari_document_free);
  g_object_set_data_full (G_OBJECT (task), "path", g_strdup (g_file_peek_path (file)), g_free);
  g_task_run_in_thread (task, render_pdf_thread);
}

static void
save_statement_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariCustomersPage *self = DAFTARI_CUSTOMERS_PAGE (widget);
  DaftariCustomerRow *row = selected_row (self);
  GtkFileChooserNative *chooser;
  g_autofree char *file_name = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (row == NULL)
    return;
  /* Translators: the suggested file name; %s is the customer's name */
  file_name = g_strdup_printf (_("Statement — %s.pdf"), row->text[COL_NAME]);
  g_strdelimit (file_name, "/\\", '-');
  chooser = gtk_file_chooser_native_new (_("Save Statement as PDF"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (save_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* --- Life cycle --- */

static void
daftari_customers_page_dispose (GObject *object)
{
  DaftariCustomersPage *self = DAFTARI_CUSTOMERS_PAGE (object);

  /* The page's direct child has no id, so disposing the template does
   * not unparent it twice. */
  gtk_widget_dispose_template (GTK_WIDGET (self), DAFTARI_TYPE_CUSTOMERS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (daftari_customers_page_parent_class)->dispose (object);
}

static void
daftari_customers_page_class_init (DaftariCustomersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = daftari_customers_page_dispose;
  DAFTARI_PAGE_CLASS (klass)->session_set = setup_columns;
  DAFTARI_PAGE_CLASS (klass)->refresh = book_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftari/Daftari/ui/daftari-customers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftariCustomersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DaftariCustomersPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, DaftariCustomersPage, customer_view);
  gtk_widget_class_bind_template_child (widget_class, DaftariCustomersPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, DaftariCustomersPage, empty_button);
  gtk_widget_class_bind_template_child (widget_class, DaftariCustomersPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, DaftariCustomersPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, DaftariCustomersPage, owes_label);
  gtk_widget_class_bind_template_child (widget_class, DaftariCustomersPage, credit_label);
  gtk_widget_class_bind_template_child (widget_class, DaftariCustomersPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, DaftariCustomersPage, history_group);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);

  gtk_widget_class_install_action (widget_class, "page.new-customer", NULL, new_customer_action);
  gtk_widget_class_install_action (widget_class, "page.edit-customer", NULL, edit_customer_action);
  gtk_widget_class_install_action (widget_class, "page.save-statement", NULL, save_statement_action);
  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "page.new-customer", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "page.save-statement", NULL);
}

static void
daftari_customers_page_init (DaftariCustomersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.edit-customer", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.save-statement", FALSE);
}
