/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-invoice-editor.h"

#include <glib/gi18n.h>

#include "daftari-customer-dialog.h"
#include "daftari-customer.h"
#include "daftari-invoice.h"
#include "daftari-ui-util.h"
#include "daftari-window.h"

static const int due_terms[] = { 0, 7, 14, 30 };

struct _DaftariInvoiceEditor {
  AdwWindow            parent_instance;

  AdwComboRow         *customer_row;
  GtkListBox          *lines_box;
  AdwComboRow         *due_row;
  GtkSwitch           *inclusive_switch;
  AdwEntryRow         *discount_row;
  AdwEntryRow         *notes_row;
  AdwPreferencesGroup *totals_group;
  GtkLabel            *total_label;
  GtkLabel            *error_label;
  GtkButton           *save_button;
  GtkButton           *issue_button;

  DaftariSession      *session;
  GArray              *customer_ids;
  gint64               invoice_id;    /* the draft edited, 0 for a new one */
  gboolean             loading;
};

G_DEFINE_FINAL_TYPE (DaftariInvoiceEditor, daftari_invoice_editor, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef struct {
  GtkWidget *description;
  GtkWidget *quantity;
  GtkWidget *price;
  GtkWidget *vat;
  GtkWidget *discount;
} Line;

static DaftariBook *
book_of (DaftariInvoiceEditor *self)
{
  return daftari_session_get_book (self->session);
}

static const DaftariCommodity *
currency_of (DaftariInvoiceEditor *self)
{
  return daftari_book_get_currency (book_of (self));
}

static gboolean
show_problem (DaftariInvoiceEditor *self, GtkWidget *row, const char *message)
{
  return daftari_ui_show_problem (self->error_label, row, message);
}

static const char *
text_of (GtkWidget *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

/* --- Totals --- */

static void
add_total_row (DaftariInvoiceEditor *self, const char *title, const char *subtitle, gint64 amount)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *text = daftari_ui_format_money (amount, currency_of (self));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), daftari_ui_amount_label (text));
  daftari_ui_group_add (self->totals_group, row);
}

static void
show_totals (DaftariInvoiceEditor *self, const DaftariInvoiceTotals *totals)
{
  static const DaftariVatRate rates[] = { DAFTARI_VAT_STANDARD, DAFTARI_VAT_REDUCED, DAFTARI_VAT_ZERO };
  g_autofree char *total = daftari_ui_format_money (totals->total, currency_of (self));
  gboolean inclusive = gtk_switch_get_active (self->inclusive_switch);

  daftari_ui_group_clear (self->totals_group);
  add_total_row (self, _("Subtotal"), inclusive ? _("Including VAT") : NULL, totals->lines_amount);
  if (totals->discount != 0)
    add_total_row (self, _("Discount"), NULL, -totals->discount);
  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    if (totals->net_by_rate[rates[i]] != 0)
      {
        g_autofree char *net = daftari_ui_format_money (totals->net_by_rate[rates[i]], currency_of (self));
        /* Translators: "VAT 16%" */
        g_autofree char *title = g_strdup_printf (_("VAT %s"), daftari_vat_rate_label (rates[i]));
        /* Translators: the amount the VAT is charged on */
        g_autofree char *subtitle = g_strdup_printf (_("On %s"), net);
        add_total_row (self, title, subtitle, totals->vat_by_rate[rates[i]]);
      }
  if (totals->net_by_rate[DAFTARI_VAT_EXEMPT] != 0)
    add_total_row (self, _("Exempt from VAT"), NULL, totals->net_by_rate[DAFTARI_VAT_EXEMPT]);
  gtk_label_set_label (self->total_label, total);
}

/* --- Reading the form --- */

static gint64
selected_customer (DaftariInvoiceEditor *self)
{
  guint position = adw_combo_row_get_selected (self->customer_row);
  return position < self->customer_ids->len ? g_array_index (self->customer_ids, gint64, position) : 0;
}

static void
clear_marks (DaftariInvoiceEditor *self)
{
  GtkWidget *fields[] = { GTK_WIDGET (self->customer_row), GTK_WIDGET (self->discount_row) };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    daftari_ui_mark_error (fields[i], FALSE);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->lines_box)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      Line *line = g_object_get_data (G_OBJECT (row), "line");
      if (line == NULL)
        continue;
      daftari_ui_mark_error (line->description, FALSE);
      daftari_ui_mark_error (line->quantity, FALSE);
      daftari_ui_mark_error (line->price, FALSE);
      daftari_ui_mark_error (line->discount, FALSE);
    }
}

/* One line into the invoice; FALSE (with the field marked when the text
 * is wrong, quietly when it is only unfinished) if it cannot be. A line
 * left wholly empty is skipped. */
static gboolean
read_line (DaftariInvoiceEditor *self, const Line *line, DaftariInvoice *invoice)
{
  g_autoptr(GError) error = NULL;
  const char *description = g_strstrip (g_strdup (text_of (line->description)));
  g_autofree char *owned G_GNUC_UNUSED = (char *) description;  /* frees description */
  const char *quantity_text = text_of (line->quantity), *price_text = text_of (line->price);
  const char *discount_text = text_of (line->discount);
  gint64 quantity = DAFTARI_QUANTITY_ONE, price = 0;
  DaftariDiscount discount = { DAFTARI_DISCOUNT_NONE, 0 };
  DaftariInvoiceLine *added;

  if (*description == '\0' && *quantity_text == '\0' && *price_text == '\0' && *discount_text == '\0')
    return TRUE;
  if (*quantity_text != '\0' && !daftari_quantity_parse (quantity_text, &quantity, &error))
    return show_problem (self, line->quantity, error->message);
  if (*price_text != '\0' && !daftari_money_parse (price_text, currency_of (self), &price, &error))
    return show_problem (self, line->price, error->message);
  if (*discount_text != '\0' && !daftari_discount_parse (discount_text, currency_of (self), &discount, &error))
    return show_problem (self, line->discount, error->message);
  if (*price_text == '\0')
    return FALSE;
  if (*description == '\0')
    return show_problem (self, line->description, _("Say what this line is for."));
  added = daftari_invoice_add_line (invoice, description);
  added->quantity = quantity;
  added->unit_price = price;
  added->discount = discount;
  added->vat_rate = (DaftariVatRate) MIN (gtk_drop_down_get_selected (GTK_DROP_DOWN (line->vat)), DAFTARI_VAT_EXEMPT);
  return TRUE;
}

/* The invoice the form describes. Returns FALSE when it cannot be saved
 * yet; invoice then still holds what could be read, for the totals. */
static gboolean
read_form (DaftariInvoiceEditor *self, DaftariInvoice *invoice)
{
  g_autoptr(GError) error = NULL;
  const char *discount_text = gtk_editable_get_text (GTK_EDITABLE (self->discount_row));
  guint due = MIN (adw_combo_row_get_selected (self->due_row), G_N_ELEMENTS (due_terms) - 1);
  gboolean ok = TRUE;

  clear_marks (self);
  show_problem (self, NULL, NULL);
  invoice->id = self->invoice_id;
  invoice->customer_id = selected_customer (self);
  invoice->vat_inclusive = gtk_switch_get_active (self->inclusive_switch);
  g_free (invoice->notes);
  invoice->notes = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->notes_row)));
  daftari_invoice_set_due_days (invoice, due_terms[due], NULL);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->lines_box)); row != NULL && ok;
       row = gtk_widget_get_next_sibling (row))
    {
      Line *line = g_object_get_data (G_OBJECT (row), "line");
      if (line != NULL)
        ok = read_line (self, line, invoice);
    }
  if (ok && *discount_text != '\0' &&
      !daftari_discount_parse (discount_text, currency_of (self), &invoice->discount, &error))
    ok = show_problem (self, GTK_WIDGET (self->discount_row), error->message);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->customer_row),
                               invoice->customer_id != 0 ? NULL
                               : self->customer_ids->len == 0 ? _("No customers yet: add one with the button")
                                                              : _("Choose who this invoice is for"));
  if (invoice->customer_id == 0)
    ok = FALSE;
  if (ok && invoice->lines->len == 0)
    ok = FALSE;
  return ok;
}

static void
form_changed (DaftariInvoiceEditor *self)
{
  g_autoptr(DaftariInvoice) invoice = daftari_invoice_new ();
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->loading)
    return;
  ok = read_form (self, invoice);
  if (!daftari_invoice_compute (invoice, &error))
    {
      /* A discount larger than the lines, figures too large… */
      ok = show_problem (self, invoice->discount.kind != DAFTARI_DISCOUNT_NONE ? GTK_WIDGET (self->discount_row) : NULL,
                         error->message);
      memset (&invoice->totals, 0, sizeof invoice->totals);
    }
  show_totals (self, &invoice->totals);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), ok);
  gtk_widget_set_sensitive (GTK_WIDGET (self->issue_button), ok);
}

/* --- Lines --- */

static void remove_line_clicked (GtkButton *button, DaftariInvoiceEditor *self);

static GtkWidget *
line_entry (DaftariInvoiceEditor *self, const char *name, const char *placeholder, int width, gboolean numeric)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_widget_set_name (entry, name);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_widget_set_tooltip_text (entry, placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  if (width > 0)
    {
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), width);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), width);
    }
  else
    gtk_widget_set_hexpand (entry, TRUE);
  if (numeric)
    {
      gtk_entry_set_alignment (GTK_ENTRY (entry), 1);
      gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
    }
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (form_changed), self);
  return entry;
}

static Line *
add_line (DaftariInvoiceEditor *self)
{
  const char *rates[] = { daftari_vat_rate_label (DAFTARI_VAT_STANDARD), daftari_vat_rate_label (DAFTARI_VAT_REDUCED),
                          daftari_vat_rate_label (DAFTARI_VAT_ZERO), daftari_vat_rate_label (DAFTARI_VAT_EXEMPT), NULL };
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  Line *line = g_new0 (Line, 1);

  line->description = line_entry (self, "description", _("Description"), 0, FALSE);
  line->quantity = line_entry (self, "quantity", _("Qty"), 5, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (line->quantity), "1");
  line->price = line_entry (self, "price", _("Unit price"), 10, TRUE);
  line->vat = gtk_drop_down_new_from_strings (rates);
  gtk_widget_set_name (line->vat, "vat");
  gtk_widget_set_tooltip_text (line->vat, _("VAT rate"));
  gtk_widget_set_valign (line->vat, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (line->vat, "notify::selected", G_CALLBACK (form_changed), self);
  line->discount = line_entry (self, "discount", _("Discount"), 7, TRUE);
  gtk_widget_set_tooltip_text (line->discount, _("Discount on this line: “10%” or an amount"));
  gtk_widget_set_tooltip_text (remove, _("Remove this line"));
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_line_clicked), self);

  gtk_box_append (GTK_BOX (box), line->description);
  gtk_box_append (GTK_BOX (box), line->quantity);
  gtk_box_append (GTK_BOX (box), line->price);
  gtk_box_append (GTK_BOX (box), line->vat);
  gtk_box_append (GTK_BOX (box), line->discount);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_widget_add_css_class (box, "invoice-line");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "line", line, g_free);
  gtk_list_box_append (self->lines_box, row);
  return line;
}

static void
add_line_clicked (DaftariInvoiceEditor *self)
{
  Line *line = add_line (self);

  gtk_widget_grab_focus (line->description);
  form_changed (self);
}

static void
remove_line_clicked (GtkButton *button, DaftariInvoiceEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  gtk_list_box_remove (self->lines_box, row);
  /* Always one line to type into. */
  if (gtk_list_box_get_row_at_index (self->lines_box, 0) == NULL)
    add_line (self);
  form_changed (self);
}

/* --- Customers --- */

static void
fill_customers (DaftariInvoiceEditor *self, gint64 select_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) customers = daftari_customer_search (book_of (self), NULL, &error);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_array_set_size (self->customer_ids, 0);
  for (guint i = 0; customers != NULL && i < customers->len; i++)
    {
      const DaftariCustomer *customer = g_ptr_array_index (customers, i);
      gtk_string_list_append (names, customer->name);
      g_array_append_val (self->customer_ids, customer->id);
    }
  adw_combo_row_set_model (self->customer_row, G_LIST_MODEL (names));
  /* A new invoice starts with no customer chosen: billing the wrong one
   * because they came first would be easy to miss. */
  adw_combo_row_set_selected (self->customer_row, select_id != 0 ? daftari_ui_position_of (self->customer_ids, select_id)
                                                                 : GTK_INVALID_LIST_POSITION);
}

void
daftari_invoice_editor_set_customer (DaftariInvoiceEditor *self, gint64 customer_id)
{
  fill_customers (self, customer_id);
  form_changed (self);
}

static void
new_customer_clicked (DaftariInvoiceEditor *self)
{
  DaftariCustomerDialog *dialog = daftari_customer_dialog_new (GTK_WINDOW (self), self->session, 0);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (daftari_invoice_editor_set_customer), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- Saving --- */

static void
finish (DaftariInvoiceEditor *self, gint64 id, const char *message)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  daftari_session_notify_changed (self->session);
  g_signal_emit (self, signals[SAVED], 0, id);
  if (DAFTARI_IS_WINDOW (parent))
    daftari_window_add_toast (DAFTARI_WINDOW (parent), adw_toast_new (message));
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
save_draft (DaftariInvoiceEditor *self, DaftariInvoice *invoice)
{
  g_autoptr(GError) error = NULL;

  if (!read_form (self, invoice))
    return FALSE;
  if (!daftari_invoice_save_draft (book_of (self), invoice, &error))
    return show_problem (self, NULL, error->message);
  self->invoice_id = invoice->id;
  return TRUE;
}

static void
save_clicked (DaftariInvoiceEditor *self)
{
  g_autoptr(DaftariInvoice) invoice = daftari_invoice_new ();

  if (save_draft (self, invoice))
    finish (self, invoice->id, _("Draft saved"));
}

static void
issue_clicked (DaftariInvoiceEditor *self)
{
  g_autoptr(DaftariInvoice) invoice = daftari_invoice_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL, *message = NULL;

  if (!save_draft (self, invoice))
    return;
  if (!daftari_invoice_issue (book_of (self), invoice->id, 0, &number, &error))
    {
      /* The draft is saved; say why it is not issued, and stay open. */
      daftari_session_notify_changed (self->session);
      show_problem (self, NULL, error->message);
      return;
    }
  message = g_strdup_printf (_("Invoice %s issued"), number);
  finish (self, invoice->id, message);
}

static void
cancel_clicked (DaftariInvoiceEditor *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

/* --- Loading a draft --- */

static void
load_draft (DaftariInvoiceEditor *self, const DaftariInvoice *invoice)
{
  const DaftariCommodity *currency = currency_of (self);

  self->loading = TRUE;
  fill_customers (self, invoice->customer_id);
  for (guint i = 0; i < invoice->lines->len; i++)
    {
      const DaftariInvoiceLine *source = daftari_invoice_get_line (invoice, i);
      Line *line = add_line (self);
      g_autofree char *quantity = daftari_quantity_format (source->quantity);
      g_autofree char *price = daftari_money_format (source->unit_price, currency, DAFTARI_MONEY_FORMAT_NO_CODE);
      g_autofree char *discount = daftari_discount_format (&source->discount, currency);

      gtk_editable_set_text (GTK_EDITABLE (line->description), source->description ? source->description : "");
      gtk_editable_set_text (GTK_EDITABLE (line->quantity), quantity);
      gtk_editable_set_text (GTK_EDITABLE (line->price), price);
      gtk_editable_set_text (GTK_EDITABLE (line->discount), discount);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (line->vat), source->vat_rate);
    }
  for (guint i = 0; i < G_N_ELEMENTS (due_terms); i++)
    if (due_terms[i] == invoice->due_days)
      adw_combo_row_set_selected (self->due_row, i);
  gtk_switch_set_active (self->inclusive_switch, invoice->vat_inclusive);
  if (invoice->discount.kind != DAFTARI_DISCOUNT_NONE)
    {
      g_autofree char *discount = daftari_discount_format (&invoice->discount, currency);
      gtk_editable_set_text (GTK_EDITABLE (self->discount_row), discount);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row), invoice->notes ? invoice->notes : "");
  self->loading = FALSE;
}

/* --- Life cycle --- */

static void
daftari_invoice_editor_dispose (GObject *object)
{
  DaftariInvoiceEditor *self = DAFTARI_INVOICE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DAFTARI_TYPE_INVOICE_EDITOR);
  g_clear_object (&self->session);
  g_clear_pointer (&self->customer_ids, g_array_unref);
  G_OBJECT_CLASS (daftari_invoice_editor_parent_class)->dispose (object);
}

static void
daftari_invoice_editor_class_init (DaftariInvoiceEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = daftari_invoice_editor_dispose;
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftari/Daftari/ui/daftari-invoice-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftariInvoiceEditor, customer_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariInvoiceEditor, lines_box);
  gtk_widget_class_bind_template_child (widget_class, DaftariInvoiceEditor, due_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariInvoiceEditor, inclusive_switch);
  gtk_widget_class_bind_template_child (widget_class, DaftariInvoiceEditor, discount_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariInvoiceEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariInvoiceEditor, totals_group);
  gtk_widget_class_bind_template_child (widget_class, DaftariInvoiceEditor, total_label);
  gtk_widget_class_bind_template_child (widget_class, DaftariInvoiceEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, DaftariInvoiceEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, DaftariInvoiceEditor, issue_button);
  gtk_widget_class_bind_template_callback (widget_class, form_changed);
  gtk_widget_class_bind_template_callback (widget_class, add_line_clicked);
  gtk_widget_class_bind_template_callback (widget_class, new_customer_clicked);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, issue_clicked);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, (GtkShortcutFunc) gtk_window_close, NULL);
}

static void
daftari_invoice_editor_init (DaftariInvoiceEditor *self)
{
  self->customer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}

DaftariInvoiceEditor *
daftari_invoice_editor_new (GtkWindow *parent, DaftariSession *session, gint64 invoice_id)
{
  DaftariInvoiceEditor *self = g_object_new (DAFTARI_TYPE_INVOICE_EDITOR, "transient-for", parent, NULL);
  g_autoptr(DaftariInvoice) draft = NULL;
  g_autoptr(GError) error = NULL;

  self->session = g_object_ref (session);
  if (invoice_id != 0 && (draft = daftari_invoice_load (book_of (self), invoice_id, &error)) != NULL)
    {
      self->invoice_id = invoice_id;
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Draft Invoice"));
      load_draft (self, draft);
    }
  else
    {
      fill_customers (self, 0);
      adw_combo_row_set_selected (self->due_row, 2);  /* 14 days */
    }
  if (gtk_list_box_get_row_at_index (self->lines_box, 0) == NULL)
    add_line (self);
  self->loading = FALSE;
  form_changed (self);
  if (error != NULL)
    show_problem (self, NULL, error->message);
  return self;
}
