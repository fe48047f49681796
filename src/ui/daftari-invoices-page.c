/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-invoices-page.h"

#include <glib/gi18n.h>

#include "daftari-core.h"
#include "daftari-customer.h"
#include "daftari-invoice-editor.h"
#include "daftari-invoice-fill.h"
#include "daftari-invoice-pdf.h"
#include "daftari-invoice.h"
#include "daftari-payment-dialog.h"
#include "daftari-ui-util.h"
#include "daftari-window.h"

/* --- A row of the list: everything a cell shows, formatted once --- */

#define DAFTARI_TYPE_INVOICE_ROW (daftari_invoice_row_get_type ())
G_DECLARE_FINAL_TYPE (DaftariInvoiceRow, daftari_invoice_row, DAFTARI, INVOICE_ROW, GObject)

struct _DaftariInvoiceRow {
  GObject              parent_instance;
  gint64               id;
  DaftariInvoiceStatus status;
  gint64               balance_minor;
  char                *text[7];  /* one per column, in column order */
};

G_DEFINE_FINAL_TYPE (DaftariInvoiceRow, daftari_invoice_row, G_TYPE_OBJECT)

enum { COL_NUMBER, COL_CUSTOMER, COL_DATE, COL_DUE, COL_TOTAL, COL_BALANCE, COL_STATUS };

static void
daftari_invoice_row_finalize (GObject *object)
{
  DaftariInvoiceRow *row = DAFTARI_INVOICE_ROW (object);

  for (guint i = 0; i < G_N_ELEMENTS (row->text); i++)
    g_free (row->text[i]);
  G_OBJECT_CLASS (daftari_invoice_row_parent_class)->finalize (object);
}

static void
daftari_invoice_row_class_init (DaftariInvoiceRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = daftari_invoice_row_finalize;
}

static void
daftari_invoice_row_init (DaftariInvoiceRow *row)
{
}

/* --- The page --- */

struct _DaftariInvoicesPage {
  DaftariPage         parent_instance;

  GtkDropDown        *status_dropdown;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *sort_dropdown;
  GtkStack           *list_stack;
  GtkColumnView      *invoice_view;
  AdwStatusPage      *empty_page;
  GtkStack           *detail_stack;
  AdwWindowTitle     *detail_title;
  GtkDrawingArea     *preview;
  GtkBox             *page_nav;
  GtkLabel           *page_label;
  GtkButton          *issue_button;
  GtkButton          *edit_button;
  GtkButton          *payment_button;

  GListStore         *store;
  GtkSingleSelection *selection;
  GHashTable         *customers;   /* id → name */
  DaftariDocument    *document;    /* of the selected invoice */
  gint64              document_id;
  guint               n_pages;
  guint               page;
};

G_DEFINE_FINAL_TYPE (DaftariInvoicesPage, daftari_invoices_page, DAFTARI_TYPE_PAGE)

static DaftariBook *
book_of (DaftariInvoicesPage *self)
{
  return daftari_page_get_book (DAFTARI_PAGE (self));
}

static DaftariSession *
session_of (DaftariInvoicesPage *self)
{
  return daftari_page_get_session (DAFTARI_PAGE (self));
}

static GtkWindow *
parent_window (DaftariInvoicesPage *self)
{
  return daftari_page_get_window (DAFTARI_PAGE (self));
}

static void
toast_text (DaftariInvoicesPage *self, const char *text)
{
  daftari_page_toast_text (DAFTARI_PAGE (self), text);
}

/* --- Filling the list --- */

typedef struct {
  DaftariInvoice *invoice;
  const char     *customer;
} Entry;

static int
by_newest (gconstpointer a, gconstpointer b)
{
  const DaftariInvoice *x = ((const Entry *) a)->invoice, *y = ((const Entry *) b)->invoice;
  return (y->id > x->id) - (y->id < x->id);
}

/* Soonest due first; drafts (no due date yet) last. */
static int
by_due (gconstpointer a, gconstpointer b)
{
  const DaftariInvoice *x = ((const Entry *) a)->invoice, *y = ((const Entry *) b)->invoice;
  gint64 dx = x->due_day ? x->due_day : G_MAXINT64, dy = y->due_day ? y->due_day : G_MAXINT64;

  if (dx != dy)
    return (dx > dy) - (dx < dy);
  return (x->id > y->id) - (x->id < y->id);
}

/* Largest first. */
static int
by_amount (gconstpointer a, gconstpointer b)
{
  const DaftariInvoice *x = ((const Entry *) a)->invoice, *y = ((const Entry *) b)->invoice;

  if (x->totals.total != y->totals.total)
    return (y->totals.total > x->totals.total) - (y->totals.total < x->totals.total);
  return (y->id > x->id) - (y->id < x->id);
}

static void
load_customers (DaftariInvoicesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) customers = daftari_customer_search (book_of (self), NULL, &error);

  g_hash_table_remove_all (self->customers);
  if (customers == NULL)
    {
      toast_text (self, error->message);
      return;
    }
  for (guint i = 0; i < customers->len; i++)
    {
      const DaftariCustomer *customer = g_ptr_array_index (customers, i);
      g_hash_table_insert (self->customers, g_memdup2 (&customer->id, sizeof customer->id),
                           g_strdup (customer->name));
    }
}

/* Status filter positions, as in the drop-down. */
static gboolean
read_status_filter (DaftariInvoicesPage *self, DaftariInvoiceFilter *filter)
{
  static const DaftariInvoiceStatus statuses[] = {
    DAFTARI_INVOICE_DRAFT, DAFTARI_INVOICE_SENT, DAFTARI_INVOICE_PARTIAL,
    DAFTARI_INVOICE_PAID, DAFTARI_INVOICE_OVERDUE, DAFTARI_INVOICE_VOID,
  };
  guint position = gtk_drop_down_get_selected (self->status_dropdown);

  *filter = (DaftariInvoiceFilter) { .any_status = TRUE };
  if (position == 0 || position > G_N_ELEMENTS (statuses))
    return FALSE;
  filter->any_status = FALSE;
  filter->status = statuses[position - 1];
  return TRUE;
}

static gboolean
matches (const Entry *entry, const char *needle)
{
  g_autofree char *number = NULL, *customer = NULL;

  if (needle == NULL)
    return TRUE;
  number = g_utf8_casefold (entry->invoice->number ? entry->invoice->number : "", -1);
  customer = g_utf8_casefold (entry->customer, -1);
  return strstr (number, needle) != NULL || strstr (customer, needle) != NULL;
}

static DaftariInvoiceRow *
make_row (DaftariInvoicesPage *self, const Entry *entry, DaftariDay today)
{
  const DaftariInvoice *invoice = entry->invoice;
  const DaftariCommodity *currency = daftari_book_get_currency (book_of (self));
  DaftariCalendar *calendar = daftari_book_get_calendar (book_of (self));
  DaftariInvoiceRow *row = g_object_new (DAFTARI_TYPE_INVOICE_ROW, NULL);

  row->id = invoice->id;
  row->status = daftari_invoice_status (invoice, today);
  row->balance_minor = daftari_invoice_balance (invoice);
  row->text[COL_NUMBER] = g_strdup (invoice->number ? invoice->number : _("Draft Invoice"));
  row->text[COL_CUSTOMER] = g_strdup (entry->customer);
  row->text[COL_DATE] = invoice->issue_ts ? daftari_day_format (daftari_calendar_day_of (calendar, invoice->issue_ts))
                                          : g_strdup ("—");
  row->text[COL_DUE] = invoice->due_day ? daftari_day_format (invoice->due_day) : g_strdup ("—");
  row->text[COL_TOTAL] = daftari_ui_format_money (invoice->totals.total, currency);
  row->text[COL_BALANCE] = row->status == DAFTARI_INVOICE_DRAFT || row->status == DAFTARI_INVOICE_VOID
                             ? g_strdup ("—")
                             : daftari_ui_format_money (row->balance_minor, currency);
  row->text[COL_STATUS] = g_strdup (daftari_invoice_status_label (row->status));
  return row;
}

static void selection_changed (DaftariInvoicesPage *self);

/* gtk_column_view_scroll_to() is GTK 4.12; on 4.8 the column view's inner
 * list view offers "list.scroll-to-item". */
static void
scroll_to (DaftariInvoicesPage *self, guint position)
{
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->invoice_view)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LIST_VIEW (c))
      gtk_widget_activate_action (c, "list.scroll-to-item", "u", position);
}

/* A fresh store for every filter or change of the book, filled in one
 * splice: changing the old one in place would emit items-changed over
 * every row, and GTK 4.8's views then read every item (see the wallets
 * page). The selection is found again by invoice id. */
static void
rebuild_model (DaftariInvoicesPage *self, gint64 select_id)
{
  DaftariInvoiceFilter filter;
  gboolean filtered = read_status_filter (self, &filter);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = *search ? g_utf8_casefold (search, -1) : NULL;
  static GCompareFunc sorts[] = { by_newest, by_due, by_amount };
  guint sort = MIN (gtk_drop_down_get_selected (self->sort_dropdown), G_N_ELEMENTS (sorts) - 1);
  DaftariDay today = daftari_calendar_today (daftari_book_get_calendar (book_of (self)));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) invoices = NULL;
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  guint position = GTK_INVALID_LIST_POSITION;

  filter.today = today;
  invoices = daftari_invoice_list (book_of (self), &filter, &error);
  if (invoices == NULL)
    {
      toast_text (self, error->message);
      invoices = g_ptr_array_new ();
    }
  for (guint i = 0; i < invoices->len; i++)
    {
      Entry entry = { g_ptr_array_index (invoices, i), NULL };
      entry.customer = g_hash_table_lookup (self->customers, &entry.invoice->customer_id);
      if (entry.customer == NULL)
        entry.customer = "";
      if (matches (&entry, needle))
        g_array_append_val (entries, entry);
    }
  g_array_sort (entries, sorts[sort]);
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = &g_array_index (entries, Entry, i);
      if (entry->invoice->id == select_id)
        position = i;
      g_ptr_array_add (rows, make_row (self, entry, today));
    }

  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  self->store = g_list_store_new (DAFTARI_TYPE_INVOICE_ROW);
  g_list_store_splice (self->store, 0, 0, rows->pdata, rows->len);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->store)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, position);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed), self);
  gtk_column_view_set_model (self->invoice_view, GTK_SELECTION_MODEL (self->selection));

  adw_status_page_set_title (self->empty_page, invoices->len == 0 && !filtered ? _("No Invoices Yet")
                                                                              : _("No Matching Invoices"));
  adw_status_page_set_description (self->empty_page,
                                   invoices->len == 0 && !filtered
                                     ? _("Bill a customer with a new invoice, then print it or save it as a PDF.")
                                     : _("Nothing matches the search or the status."));
  gtk_stack_set_visible_child_name (self->list_stack, rows->len > 0 ? "list" : "empty");
  if (position != GTK_INVALID_LIST_POSITION)
    scroll_to (self, position);
  selection_changed (self);
}

static DaftariInvoiceRow *
selected_row (DaftariInvoicesPage *self)
{
  return self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;
}

gint64
daftari_invoices_page_get_selected (DaftariInvoicesPage *self)
{
  DaftariInvoiceRow *row = selected_row (self);
  return row ? row->id : 0;
}

void
daftari_invoices_page_select (DaftariInvoicesPage *self, gint64 invoice_id)
{
  rebuild_model (self, invoice_id);
}

static void
filters_changed (DaftariInvoicesPage *self)
{
  rebuild_model (self, daftari_invoices_page_get_selected (self));
}

static void
book_changed (DaftariPage *page)
{
  DaftariInvoicesPage *self = DAFTARI_INVOICES_PAGE (page);

  load_customers (self);
  /* The selected invoice may have changed: lay its document out again. */
  self->document_id = 0;
  rebuild_model (self, daftari_invoices_page_get_selected (self));
}

/* --- Columns --- */

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer column)
{
  GtkWidget *label = gtk_label_new (NULL);
  guint index = GPOINTER_TO_UINT (column);
  gboolean numeric = index == COL_TOTAL || index == COL_BALANCE;

  /* Only the customer gives way: numbers, dates and amounts cut short
   * would say nothing. */
  if (index == COL_CUSTOMER)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer column)
{
  DaftariInvoiceRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  guint index = GPOINTER_TO_UINT (column);
  gboolean overdue = row->status == DAFTARI_INVOICE_OVERDUE;

  gtk_label_set_label (GTK_LABEL (label), row->text[index]);
  /* Overdue: the status, the due date and what is owed in the error colour. */
  if (overdue && (index == COL_STATUS || index == COL_DUE || index == COL_BALANCE))
    gtk_widget_add_css_class (label, "invoice-overdue");
  else
    gtk_widget_remove_css_class (label, "invoice-overdue");
  if (row->status == DAFTARI_INVOICE_VOID)
    gtk_widget_add_css_class (label, "voided");
  else
    gtk_widget_remove_css_class (label, "voided");
  if (index == COL_STATUS && (row->status == DAFTARI_INVOICE_DRAFT || row->status == DAFTARI_INVOICE_PAID))
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

static void
add_column (DaftariInvoicesPage *self, const char *title, guint index, gboolean expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GUINT_TO_POINTER (index));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GUINT_TO_POINTER (index));
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  if (expand)
    gtk_column_view_column_set_fixed_width (column, 140);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->invoice_view, column);
  g_object_unref (column);
}

static void
setup_columns (DaftariPage *page)
{
  DaftariInvoicesPage *self = DAFTARI_INVOICES_PAGE (page);

  /* What a shop owner chases first comes first: who, whether it is late,
   * what is still owed. The rest scrolls in on narrow windows. */
  /* What is owed first: beside the preview only the first four columns
   * fit a 1000-pixel window, and the rest scroll in. */
  add_column (self, _("Number"), COL_NUMBER, FALSE);
  add_column (self, _("Customer"), COL_CUSTOMER, TRUE);
  add_column (self, _("Balance"), COL_BALANCE, FALSE);
  add_column (self, _("Status"), COL_STATUS, FALSE);
  add_column (self, _("Due"), COL_DUE, FALSE);
  add_column (self, _("Total"), COL_TOTAL, FALSE);
  add_column (self, _("Date"), COL_DATE, FALSE);
}

/* --- The preview --- */

static void
draw_preview (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  DaftariInvoicesPage *self = data;
  double margin = 12, scale, x, y;

  if (self->document == NULL)
    return;
  scale = MIN ((width - 2 * margin) / DAFTARI_DOCUMENT_PAGE_WIDTH, (height - 2 * margin) / DAFTARI_DOCUMENT_PAGE_HEIGHT);
  if (scale <= 0)
    return;
  x = (width - DAFTARI_DOCUMENT_PAGE_WIDTH * scale) / 2;
  y = margin;
  /* A sheet of paper with a soft edge. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_rectangle (cr, x - 1, y - 1, DAFTARI_DOCUMENT_PAGE_WIDTH * scale + 2, DAFTARI_DOCUMENT_PAGE_HEIGHT * scale + 2);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, DAFTARI_DOCUMENT_PAGE_WIDTH * scale, DAFTARI_DOCUMENT_PAGE_HEIGHT * scale);
  cairo_fill (cr);
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  daftari_document_render_to_cairo (self->document, cr, self->page, NULL, NULL);
  cairo_restore (cr);
}

static guint
count_pages (const DaftariDocument *document)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  guint n_pages = 1;

  daftari_document_render_to_cairo (document, cr, 0, &n_pages, NULL);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return MAX (n_pages, 1);
}

static void
update_page_nav (DaftariInvoicesPage *self)
{
  g_autofree char *text = g_strdup_printf (_("Page %u of %u"), self->page + 1, self->n_pages);

  gtk_label_set_label (self->page_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->page_nav), self->n_pages > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.previous-page", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.next-page", self->page + 1 < self->n_pages);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static void
load_document (DaftariInvoicesPage *self, gint64 id)
{
  g_autoptr(GError) error = NULL;

  if (id == self->document_id && self->document != NULL)
    return;
  g_clear_pointer (&self->document, daftari_document_free);
  self->document_id = id;
  self->page = 0;
  self->n_pages = 1;
  self->document = daftari_invoice_to_document (book_of (self), id, &error);
  if (self->document == NULL)
    toast_text (self, error->message);
  else
    self->n_pages = count_pages (self->document);
  update_page_nav (self);
}

static const char *detail_actions[] = {
  "page.issue", "page.edit", "page.record-payment", "page.save-pdf", "page.print", "page.void", "page.duplicate",
};

static void
selection_changed (DaftariInvoicesPage *self)
{
  DaftariInvoiceRow *row = selected_row (self);
  DaftariInvoiceStatus status = row ? row->status : DAFTARI_INVOICE_VOID;
  gboolean draft = row != NULL && status == DAFTARI_INVOICE_DRAFT;
  gboolean open = row != NULL && status != DAFTARI_INVOICE_DRAFT && status != DAFTARI_INVOICE_VOID &&
                  status != DAFTARI_INVOICE_PAID;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (detail_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), detail_actions[i], row != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.issue", draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.edit", draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.record-payment", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.void",
                                 row != NULL && status != DAFTARI_INVOICE_DRAFT && status != DAFTARI_INVOICE_VOID);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.delete-draft", draft);
  /* The buttons that make sense for this invoice, and only those. */
  gtk_widget_set_visible (GTK_WIDGET (self->issue_button), draft);
  gtk_widget_set_visible (GTK_WIDGET (self->edit_button), draft);
  gtk_widget_set_visible (GTK_WIDGET (self->payment_button), !draft);
  gtk_stack_set_visible_child_name (self->detail_stack, row != NULL ? "preview" : "none");
  if (row == NULL)
    return;
  subtitle = status == DAFTARI_INVOICE_DRAFT ? g_strdup (row->text[COL_CUSTOMER])
             : g_strdup_printf ("%s · %s", row->text[COL_CUSTOMER], row->text[COL_STATUS]);
  adw_window_title_set_title (self->detail_title, row->text[COL_NUMBER]);
  adw_window_title_set_subtitle (self->detail_title, subtitle);
  load_document (self, row->id);
}

/* --- Actions --- */

static void
editor_saved (DaftariInvoicesPage *self, gint64 id)
{
  daftari_invoices_page_select (self, id);
}

static void
open_editor (DaftariInvoicesPage *self, gint64 id)
{
  DaftariInvoiceEditor *editor = daftari_invoice_editor_new (parent_window (self), session_of (self), id);

  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_invoice_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  open_editor (DAFTARI_INVOICES_PAGE (widget), 0);
}

static void
edit_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariInvoicesPage *self = DAFTARI_INVOICES_PAGE (widget);
  DaftariInvoiceRow *row = selected_row (self);

  if (row != NULL && row->status == DAFTARI_INVOICE_DRAFT)
    open_editor (self, row->id);
}

static void
row_activated (DaftariInvoicesPage *self, guint position)
{
  g_autoptr(DaftariInvoiceRow) row = g_list_model_get_item (G_LIST_MODEL (self->store), position);

  if (row != NULL && row->status == DAFTARI_INVOICE_DRAFT)
    open_editor (self, row->id);
}

static void
search_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (DAFTARI_INVOICES_PAGE (widget)->search_entry));
}

static void
issue_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariInvoicesPage *self = DAFTARI_INVOICES_PAGE (widget);
  DaftariInvoiceRow *row = selected_row (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL, *text = NULL;
  gint64 id;

  if (row == NULL || row->status != DAFTARI_INVOICE_DRAFT)
    return;
  id = row->id;
  if (!daftari_invoice_issue (book_of (self), id, 0, &number, &error))
    {
      toast_text (self, error->message);
      return;
    }
  daftari_session_notify_changed (session_of (self));
  daftari_invoices_page_select (self, id);
  text = g_strdup_printf (_("Invoice %s issued"), number);
  toast_text (self, text);
}

static void
record_payment_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariInvoicesPage *self = DAFTARI_INVOICES_PAGE (widget);
  DaftariInvoiceRow *row = selected_row (self);

  if (row != NULL)
    gtk_window_present (GTK_WINDOW (daftari_payment_dialog_new (parent_window (self), session_of (self), row->id)));
}

static void
duplicate_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariInvoicesPage *self = DAFTARI_INVOICES_PAGE (widget);
  DaftariInvoiceRow *row = selected_row (self);
  g_autoptr(GError) error = NULL;
  gint64 new_id = 0;

  if (row == NULL)
    return;
  if (!daftari_invoice_duplicate (book_of (self), row->id, &new_id, &error))
    {
      toast_text (self, error->message);
      return;
    }
  daftari_session_notify_changed (session_of (self));
  daftari_invoices_page_select (self, new_id);
  toast_text (self, _("Copied into a new draft"));
}

static void
void_response (AdwMessageDialog *dialog, const char *response, DaftariInvoicesPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "invoice-id"));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "void"))
    return;
  if (!daftari_invoice_void (book_of (self), id, 0, &error))
    {
      toast_text (self, error->message);
      return;
    }
  daftari_session_notify_changed (session_of (self));
  toast_text (self, _("Invoice voided"));
}

static void
void_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariInvoicesPage *self = DAFTARI_INVOICES_PAGE (widget);
  DaftariInvoiceRow *row = selected_row (self);
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;

  if (row == NULL || row->status == DAFTARI_INVOICE_DRAFT || row->status == DAFTARI_INVOICE_VOID)
    return;
  heading = g_strdup_printf (_("Void %s?"), row->text[COL_NUMBER]);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), heading,
                                                       _("The invoice keeps its number but no longer counts. "
                                                         "Payments already made on it become the customer’s credit.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "void", _("_Void Invoice"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "void", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "invoice-id", GSIZE_TO_POINTER (row->id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (void_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_draft_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariInvoicesPage *self = DAFTARI_INVOICES_PAGE (widget);
  DaftariInvoiceRow *row = selected_row (self);
  g_autoptr(GError) error = NULL;

  if (row == NULL || row->status != DAFTARI_INVOICE_DRAFT)
    return;
  if (!daftari_invoice_delete_draft (book_of (self), row->id, &error))
    {
      toast_text (self, error->message);
      return;
    }
  daftari_session_notify_changed (session_of (self));
  toast_text (self, _("Draft deleted"));
}

static char *
file_name_for (DaftariInvoicesPage *self)
{
  DaftariInvoiceRow *row = selected_row (self);
  const char *number = row && row->status != DAFTARI_INVOICE_DRAFT ? row->text[COL_NUMBER] : _("Draft invoice");
  return g_strdup_printf ("%s.pdf", number);
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
  DaftariInvoicesPage *self = DAFTARI_INVOICES_PAGE (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *basename = g_path_get_basename (g_object_get_data (G_OBJECT (result), "path"));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    toast_text (self, error->message);
  else
    {
      text = g_strdup_printf (_("Saved “%s”"), basename);
      toast_text (self, text);
    }
}

static void
save_response (GtkNativeDialog *chooser, int response, DaftariInvoicesPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  DaftariDocument *document;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || g_file_peek_path (file) == NULL || self->document_id == 0)
    return;
  /* A document of its own for the thread, so a refresh here cannot free it. */
  document = daftari_invoice_to_document (book_of (self), self->document_id, &error);
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
save_pdf_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariInvoicesPage *self = DAFTARI_INVOICES_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *file_name = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (selected_row (self) == NULL)
    return;
  file_name = file_name_for (self);
  chooser = gtk_file_chooser_native_new (_("Save Invoice as PDF"), parent_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (save_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Printing: the pages the preview shows, scaled from points to the page. */
static void
begin_print (GtkPrintOperation *operation, GtkPrintContext *context, DaftariDocument *document)
{
  gtk_print_operation_set_n_pages (operation, (int) count_pages (document));
}

static void
draw_page (GtkPrintOperation *operation, GtkPrintContext *context, int page, DaftariDocument *document)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double scale = MIN (gtk_print_context_get_width (context) / DAFTARI_DOCUMENT_PAGE_WIDTH,
                      gtk_print_context_get_height (context) / DAFTARI_DOCUMENT_PAGE_HEIGHT);

  cairo_scale (cr, scale, scale);
  daftari_document_render_to_cairo (document, cr, (guint) page, NULL, NULL);
}

/* The print operation for the selected invoice, drawing what the preview
 * shows; NULL (with error) when there is nothing to print. */
static GtkPrintOperation *
print_operation (DaftariInvoicesPage *self, GError **error)
{
  GtkPrintOperation *operation;
  g_autofree char *job_name = NULL;
  DaftariDocument *document;

  if (selected_row (self) == NULL || self->document_id == 0)
    {
      g_set_error_literal (error, DAFTARI_INVOICE_ERROR, DAFTARI_INVOICE_ERROR_STATE, _("Choose an invoice to print"));
      return NULL;
    }
  document = daftari_invoice_to_document (book_of (self), self->document_id, error);
  if (document == NULL)
    return NULL;
  job_name = file_name_for (self);
  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "document", document, (GDestroyNotify) daftari_document_free);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print), document);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page), document);
  return operation;
}

static void
print_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariInvoicesPage *self = DAFTARI_INVOICES_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation = print_operation (self, &error);

  if (operation == NULL)
    {
      toast_text (self, error->message);
      return;
    }
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent_window (self), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    toast_text (self, error->message);
}

gboolean
daftari_invoices_page_print_to_file (DaftariInvoicesPage *self, const char *path, GError **error)
{
  g_autoptr(GtkPrintOperation) operation = print_operation (self, error);

  if (operation == NULL)
    return FALSE;
  /* The same operation as Print…, written to a PDF instead of a printer. */
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error) !=
         GTK_PRINT_OPERATION_RESULT_ERROR;
}

static void
previous_page_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariInvoicesPage *self = DAFTARI_INVOICES_PAGE (widget);

  if (self->page > 0)
    self->page--;
  update_page_nav (self);
}

static void
next_page_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariInvoicesPage *self = DAFTARI_INVOICES_PAGE (widget);

  if (self->page + 1 < self->n_pages)
    self->page++;
  update_page_nav (self);
}

/* --- Life cycle --- */

static void
daftari_invoices_page_dispose (GObject *object)
{
  DaftariInvoicesPage *self = DAFTARI_INVOICES_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DAFTARI_TYPE_INVOICES_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_pointer (&self->document, daftari_document_free);
  G_OBJECT_CLASS (daftari_invoices_page_parent_class)->dispose (object);
}

static void
daftari_invoices_page_finalize (GObject *object)
{
  DaftariInvoicesPage *self = DAFTARI_INVOICES_PAGE (object);

  g_hash_table_unref (self->customers);
  G_OBJECT_CLASS (daftari_invoices_page_parent_class)->finalize (object);
}

static void
daftari_invoices_page_class_init (DaftariInvoicesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = daftari_invoices_page_dispose;
  object_class->finalize = daftari_invoices_page_finalize;
  DAFTARI_PAGE_CLASS (klass)->session_set = setup_columns;
  DAFTARI_PAGE_CLASS (klass)->refresh = book_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftari/Daftari/ui/daftari-invoices-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftariInvoicesPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DaftariInvoicesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DaftariInvoicesPage, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DaftariInvoicesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, DaftariInvoicesPage, invoice_view);
  gtk_widget_class_bind_template_child (widget_class, DaftariInvoicesPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, DaftariInvoicesPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, DaftariInvoicesPage, detail_title);
  gtk_widget_class_bind_template_child (widget_class, DaftariInvoicesPage, preview);
  gtk_widget_class_bind_template_child (widget_class, DaftariInvoicesPage, page_nav);
  gtk_widget_class_bind_template_child (widget_class, DaftariInvoicesPage, page_label);
  gtk_widget_class_bind_template_child (widget_class, DaftariInvoicesPage, issue_button);
  gtk_widget_class_bind_template_child (widget_class, DaftariInvoicesPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, DaftariInvoicesPage, payment_button);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);

  gtk_widget_class_install_action (widget_class, "page.new-invoice", NULL, new_invoice_action);
  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "page.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "page.issue", NULL, issue_action);
  gtk_widget_class_install_action (widget_class, "page.record-payment", NULL, record_payment_action);
  gtk_widget_class_install_action (widget_class, "page.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_install_action (widget_class, "page.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "page.void", NULL, void_action);
  gtk_widget_class_install_action (widget_class, "page.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "page.delete-draft", NULL, delete_draft_action);
  gtk_widget_class_install_action (widget_class, "page.previous-page", NULL, previous_page_action);
  gtk_widget_class_install_action (widget_class, "page.next-page", NULL, next_page_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "page.new-invoice", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "page.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "page.save-pdf", NULL);
}

static void
daftari_invoices_page_init (DaftariInvoicesPage *self)
{
  self->customers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (detail_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), detail_actions[i], FALSE);
}
