/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-receipts-page.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "daftari-receipt-fields.h"
#include "daftari-receipt-image.h"
#include "daftari-receipt-json.h"
#include "daftari-receipt-store.h"
#include "daftari-receipt-texture.h"
#include "daftari-receipt-worker.h"
#include "daftari-ui-util.h"

/* The picture is shown at most this many pixels on its longer side. */
#define SHOWN_SIDE 2000

struct _DaftariReceiptsPage {
  DaftariPage           parent_instance;

  GtkStack             *stack;
  GtkProgressBar       *progress_bar;
  AdwStatusPage        *failed_page;
  DaftariReceiptImage  *image;
  AdwPreferencesGroup  *fields_group;
  AdwComboRow          *wallet_row;
  AdwComboRow          *category_row;
  GtkLabel             *error_label;
  GtkButton            *save_button;
  GtkLabel             *file_label;   /* which picture is being checked */

  GSettings            *settings;

  DaftariReceiptWorker *worker;
  GCancellable         *cancellable;
  GBytes               *bytes;        /* the receipt being read or checked */
  char                 *name;
  DaftariReceiptScan   *scan;
  GtkWidget            *rows[DAFTARI_RECEIPT_N_FIELDS];
  GArray               *wallet_ids;
  GArray               *category_ids;
  gboolean              category_chosen;  /* by the owner: no more suggestions */
};

G_DEFINE_FINAL_TYPE (DaftariReceiptsPage, daftari_receipts_page, DAFTARI_TYPE_PAGE)

static void
show_state (DaftariReceiptsPage *self, const char *state)
{
  gtk_stack_set_visible_child_name (self->stack, state);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.cancel-reading", g_str_equal (state, "reading"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.save-receipt", g_str_equal (state, "review"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.discard-receipt", g_str_equal (state, "review"));
}

const char *
daftari_receipts_page_get_state (DaftariReceiptsPage *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

static void
forget_receipt (DaftariReceiptsPage *self)
{
  for (guint i = 0; i < DAFTARI_RECEIPT_N_FIELDS; i++)
    self->rows[i] = NULL;
  daftari_ui_group_clear (self->fields_group);
  g_clear_pointer (&self->scan, daftari_receipt_scan_free);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->name, g_free);
  self->category_chosen = FALSE;
  daftari_receipt_image_set_texture (self->image, NULL, 0, 0);
  gtk_label_set_label (self->file_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

/* --- The fields --- */

/* A field the owner should look at: read with little confidence, or one
 * an expense needs that was not found. */
static gboolean
needs_a_look (const DaftariReceiptFields *fields, DaftariReceiptFieldKind kind)
{
  const DaftariReceiptField *field = &fields->field[kind];
  gboolean needed = kind == DAFTARI_RECEIPT_MERCHANT || kind == DAFTARI_RECEIPT_DATE || kind == DAFTARI_RECEIPT_TOTAL;

  if (field->value == NULL)
    return needed;
  /* Nothing is bought for 0.00, however clearly it was printed. */
  if (kind == DAFTARI_RECEIPT_TOTAL && fields->total <= 0)
    return TRUE;
  return field->confidence < DAFTARI_RECEIPT_CONFIDENT;
}

/* The picture's boxes follow the field being edited. */
static void
highlight_field (DaftariReceiptsPage *self, GtkWidget *focused_row)
{
  daftari_receipt_image_clear_boxes (self->image);
  for (guint i = 0; self->scan != NULL && i < DAFTARI_RECEIPT_N_FIELDS; i++)
    daftari_receipt_image_add_boxes (self->image, self->scan->fields->field[i].boxes,
                                     self->rows[i] != NULL && self->rows[i] == focused_row);
}

static void
row_focus_entered (GtkEventControllerFocus *controller, DaftariReceiptsPage *self)
{
  highlight_field (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static void
save_from_field (DaftariReceiptsPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "page.save-receipt", NULL);
}

#define LOOK_SIGN "daftari-look-sign"

/* The "needs a look" mark: a warning sign at the row's end saying why.
 * Marking a marked row again only changes the why. */
static void
mark_for_a_look (GtkWidget *row, const char *why)
{
  GtkWidget *sign = g_object_get_data (G_OBJECT (row), LOOK_SIGN);

  if (sign == NULL)
    {
      sign = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (sign, "warning");
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), sign);
      gtk_widget_add_css_class (row, "needs-check");
      g_object_set_data (G_OBJECT (row), LOOK_SIGN, sign);
    }
  gtk_widget_set_tooltip_text (sign, why);
  gtk_accessible_update_property (GTK_ACCESSIBLE (sign), GTK_ACCESSIBLE_PROPERTY_LABEL, why, -1);
}

static GtkWidget *
field_row (DaftariReceiptsPage *self, DaftariReceiptFieldKind kind)
{
  const DaftariReceiptField *field = &self->scan->fields->field[kind];
  GtkWidget *row = adw_entry_row_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), daftari_receipt_field_label (kind));
  gtk_editable_set_text (GTK_EDITABLE (row), field->value ? field->value : "");
  if (needs_a_look (self->scan->fields, kind))
    mark_for_a_look (row, field->value ? _("Hard to read: check it against the picture")
                                       : _("Not found on the receipt: type it in"));
  g_signal_connect (focus, "enter", G_CALLBACK (row_focus_entered), self);
  gtk_widget_add_controller (row, focus);
  /* Enter in a field saves, as in any form whose main button is Save. */
  g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (save_from_field), self);
  return row;
}

/* The owner picked a category (the page's own choices are blocked). */
static void
category_changed (DaftariReceiptsPage *self)
{
  self->category_chosen = TRUE;
}

static void
set_category (DaftariReceiptsPage *self, guint position)
{
  g_signal_handlers_block_by_func (self->category_row, category_changed, self);
  adw_combo_row_set_selected (self->category_row, position);
  g_signal_handlers_unblock_by_func (self->category_row, category_changed, self);
}

/* The category for the merchant as now typed, until the owner picks one. */
static void
suggest_category (DaftariReceiptsPage *self)
{
  DaftariBook *book = daftari_page_get_book (DAFTARI_PAGE (self));
  const char *merchant;
  gint64 suggested;

  if (self->category_chosen || self->rows[DAFTARI_RECEIPT_MERCHANT] == NULL || self->category_ids == NULL)
    return;
  merchant = gtk_editable_get_text (GTK_EDITABLE (self->rows[DAFTARI_RECEIPT_MERCHANT]));
  suggested = daftari_receipt_suggest_category (book, merchant, NULL);
  if (suggested != 0)
    set_category (self, daftari_ui_position_of (self->category_ids, suggested));
}

static void
fill_wallets_and_categories (DaftariReceiptsPage *self)
{
  DaftariBook *book = daftari_page_get_book (DAFTARI_PAGE (self));
  g_autoptr(GtkStringList) wallets = NULL;
  g_autoptr(GtkStringList) categories = NULL;
  guint other = 0;

  g_clear_pointer (&self->wallet_ids, g_array_unref);
  g_clear_pointer (&self->category_ids, g_array_unref);
  wallets = daftari_ui_wallet_list (book, DAFTARI_UI_WALLETS_BOOK_CURRENCY, &self->wallet_ids);
  daftari_ui_combo_row_set_wallets (self->wallet_row, G_LIST_MODEL (wallets));
  categories = daftari_ui_expense_categories (book, &self->category_ids, &other);
  g_signal_handlers_block_by_func (self->category_row, category_changed, self);
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));
  g_signal_handlers_unblock_by_func (self->category_row, category_changed, self);
  set_category (self, other);
  suggest_category (self);
}

/* --- The wallet paid from, remembered per book --- */

#define WALLETS_KEY "receipt-wallets"

static const char *
book_path (DaftariReceiptsPage *self)
{
  return daftari_book_get_path (daftari_page_get_book (DAFTARI_PAGE (self)));
}

/* The wallet the book's last receipt was paid from; 0 if none. */
static gint64
last_wallet (DaftariReceiptsPage *self)
{
  g_autoptr(GVariant) wallets = g_settings_get_value (self->settings, WALLETS_KEY);
  gint64 id = 0;

  g_variant_lookup (wallets, book_path (self), "x", &id);
  return id;
}

static void
remember_wallet (DaftariReceiptsPage *self, gint64 wallet_id)
{
  g_autoptr(GVariant) before = g_settings_get_value (self->settings, WALLETS_KEY);
  g_auto(GVariantBuilder) wallets = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{sx}"));
  GVariantIter iter;
  const char *path;
  gint64 id;

  g_variant_iter_init (&iter, before);
  while (g_variant_iter_next (&iter, "{&sx}", &path, &id))
    if (!g_str_equal (path, book_path (self)))
      g_variant_builder_add (&wallets, "{sx}", path, id);
  g_variant_builder_add (&wallets, "{sx}", book_path (self), wallet_id);
  g_settings_set_value (self->settings, WALLETS_KEY, g_variant_builder_end (&wallets));
}

/* The list holds the open wallets in the book's currency only: one
 * archived since, or the book's currency changed, leaves the first. */
static void
choose_last_wallet (DaftariReceiptsPage *self)
{
  adw_combo_row_set_selected (self->wallet_row, daftari_ui_position_of (self->wallet_ids, last_wallet (self)));
}

/* --- Review --- */

static void
show_scan (DaftariReceiptsPage *self)
{
  g_autoptr(GError) error = NULL;
  /* What the picture covers; the part read when there is no picture. */
  DaftariReceiptBox shown = self->scan->paper;
  g_autoptr(GdkTexture) texture = daftari_receipt_texture_new_part (self->bytes, self->scan->mime, self->scan->width,
                                                                    self->scan->height, &self->scan->paper, SHOWN_SIDE,
                                                                    &shown, &error);
  GtkWidget *more;

  /* The fields were read, so a picture we cannot show is no reason to stop. */
  if (texture == NULL)
    g_message ("Cannot show the receipt: %s", error->message);
  daftari_receipt_image_set_texture_of_part (self->image, texture, self->scan->width, self->scan->height, &shown);
  /* What the expense needs first; the rest folded away unless doubtful. */
  more = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), _("More from the Receipt"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (more), _("VAT, KRA PIN, Till and Paybill numbers, receipt number"));
  for (guint i = 0; i < DAFTARI_RECEIPT_N_FIELDS; i++)
    {
      gboolean essential = i == DAFTARI_RECEIPT_MERCHANT || i == DAFTARI_RECEIPT_DATE || i == DAFTARI_RECEIPT_TOTAL;

      self->rows[i] = field_row (self, i);
      if (i == DAFTARI_RECEIPT_MERCHANT)
        g_signal_connect_swapped (self->rows[i], "changed", G_CALLBACK (suggest_category), self);
      if (essential)
        daftari_ui_group_add (self->fields_group, self->rows[i]);
      else
        adw_expander_row_add_row (ADW_EXPANDER_ROW (more), self->rows[i]);
      if (!essential && gtk_widget_has_css_class (self->rows[i], "needs-check"))
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (more), TRUE);
    }
  daftari_ui_group_add (self->fields_group, more);
  highlight_field (self, NULL);
  fill_wallets_and_categories (self);
  choose_last_wallet (self);
  gtk_label_set_label (self->file_label, self->name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->file_label), self->name);
  show_state (self, "review");
  gtk_widget_grab_focus (self->rows[DAFTARI_RECEIPT_TOTAL]);
}

/* --- Reading --- */

static void
reading_progress (int percent, gpointer user_data)
{
  DaftariReceiptsPage *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, percent / 100.0);
}

/* Stops the reading under way, if any; it will not answer. */
static void
stop_reading (DaftariReceiptsPage *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

static void
reading_done (DaftariReceiptScan *scan, const GError *error, gpointer user_data)
{
  DaftariReceiptsPage *self = user_data;

  /* Only the latest reading answers (the worker drops cancelled ones). */
  g_clear_object (&self->cancellable);
  if (scan == NULL)
    {
      /* On the page, not in a passing notification: the message says what
       * to do, and it is often longer than a notification shows. */
      g_autofree char *message = g_strdup_printf (_("%s: %s."), self->name, error->message);
      g_autofree char *markup = g_markup_escape_text (message, -1);  /* the description is markup */

      forget_receipt (self);
      adw_status_page_set_description (self->failed_page, markup);
      show_state (self, "failed");
      return;
    }
  self->scan = scan;
  show_scan (self);
}

void
daftari_receipts_page_read (DaftariReceiptsPage *self, GBytes *bytes, const char *name)
{
  stop_reading (self);
  forget_receipt (self);
  self->bytes = g_bytes_ref (bytes);
  self->name = g_strdup (name ? name : _("the pasted picture"));
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  show_state (self, "reading");
  daftari_receipt_worker_scan (self->worker, bytes, self->cancellable, reading_progress, reading_done, self);
}

static void
file_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(DaftariReceiptsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  g_autofree char *name = g_file_get_basename (G_FILE (source));

  if (bytes == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not open %s: %s"), name, error->message);
      daftari_page_toast_text (DAFTARI_PAGE (self), message);
      return;
    }
  daftari_receipts_page_read (self, bytes, name);
}

static void
read_file (DaftariReceiptsPage *self, GFile *file)
{
  g_file_load_bytes_async (file, NULL, file_loaded, g_object_ref (self));
}

static void
chooser_response (GtkNativeDialog *chooser, int response, DaftariReceiptsPage *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    read_file (self, file);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
add_receipt_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariReceiptsPage *self = DAFTARI_RECEIPTS_PAGE (widget);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Choose a Receipt"),
                                                               daftari_page_get_window (DAFTARI_PAGE (self)),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Read"), NULL);
  /* What Leptonica and poppler read (phones save WebP too); "All files"
   * for a picture with an odd name: the reader says if it is none. */
  const char *const types[] = { "image/jpeg", "image/png", "image/tiff", "image/webp",
                                "application/pdf", NULL };
  GtkFileFilter *filter = gtk_file_filter_new ();
  GtkFileFilter *all = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Photos, scans and PDFs"));
  for (guint i = 0; types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, types[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_object_unref (filter);
  g_object_unref (all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
dropped (GtkDropTarget *target, const GValue *value, double x, double y, DaftariReceiptsPage *self)
{
  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    read_file (self, g_value_get_object (value));
  else if (G_VALUE_HOLDS (value, GDK_TYPE_TEXTURE))
    {
      g_autoptr(GBytes) png = gdk_texture_save_to_png_bytes (g_value_get_object (value));
      daftari_receipts_page_read (self, png, NULL);
    }
  else
    return FALSE;
  return TRUE;
}

static void
pasted (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(DaftariReceiptsPage) self = user_data;
  g_autoptr(GdkTexture) texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (source), result, NULL);
  g_autoptr(GBytes) png = NULL;

  if (texture == NULL)
    {
      daftari_page_toast_text (DAFTARI_PAGE (self), _("There is no picture to paste: copy a photo of the receipt first"));
      return;
    }
  png = gdk_texture_save_to_png_bytes (texture);
  daftari_receipts_page_read (self, png, NULL);
}

static void
paste_receipt_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  gdk_clipboard_read_texture_async (gtk_widget_get_clipboard (widget), NULL, pasted, g_object_ref (widget));
}

static void
cancel_reading_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariReceiptsPage *self = DAFTARI_RECEIPTS_PAGE (widget);

  if (self->cancellable == NULL)
    return;
  stop_reading (self);
  forget_receipt (self);
  show_state (self, "empty");
  daftari_page_toast_text (DAFTARI_PAGE (self), _("Reading cancelled"));
}

/* --- Saving --- */

static const char *
row_text (DaftariReceiptsPage *self, DaftariReceiptFieldKind kind)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->rows[kind]));
}

/* The fields as read, with what the owner typed over them. */
static char *
details_json (DaftariReceiptsPage *self)
{
  g_autofree char *read = daftari_receipt_details_to_json_string (self->scan);
  g_autoptr(JsonNode) node = json_from_string (read, NULL);
  JsonObject *object = node ? json_node_get_object (node) : NULL;

  if (object == NULL)
    return g_steal_pointer (&read);
  for (guint i = 0; i < DAFTARI_RECEIPT_N_FIELDS; i++)
    {
      const char *name = daftari_receipt_field_name (i);
      const char *typed = row_text (self, i);
      const char *was = self->scan->fields->field[i].value;
      JsonObject *field;

      if (g_strcmp0 (typed, was ? was : "") == 0)
        continue;
      if (!json_object_has_member (object, name) || json_object_get_null_member (object, name))
        json_object_set_object_member (object, name, json_object_new ());
      field = json_object_get_object_member (object, name);
      json_object_set_string_member (field, "value", typed);
      json_object_set_boolean_member (field, "corrected", TRUE);
    }
  return json_to_string (node, FALSE);
}

static void
undo_save (AdwToast *message, gpointer user_data)
{
  DaftariReceiptsPage *self = g_object_get_data (G_OBJECT (message), "page");
  gint64 id = GPOINTER_TO_SIZE (user_data);
  g_autoptr(GError) error = NULL;

  if (self != NULL && !daftari_session_void (daftari_page_get_session (DAFTARI_PAGE (self)), id, &error))
    daftari_page_toast_text (DAFTARI_PAGE (self), error->message);
}

/* The total was refused (missing, unreadable, or nothing to pay): marked
 * as the doubtful fields are, and the owner taken to it. */
static void
refuse_total (DaftariReceiptsPage *self, const char *why)
{
  GtkWidget *total = self->rows[DAFTARI_RECEIPT_TOTAL];

  mark_for_a_look (total, why);
  gtk_widget_grab_focus (total);
}

static gboolean
read_form (DaftariReceiptsPage *self, DaftariReceiptSave *spec, GError **error)
{
  DaftariBook *book = daftari_page_get_book (DAFTARI_PAGE (self));
  guint wallet = adw_combo_row_get_selected (self->wallet_row);
  guint category = adw_combo_row_get_selected (self->category_row);

  if (wallet >= self->wallet_ids->len || category >= self->category_ids->len)
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID, _("Choose a wallet and a category"));
      return FALSE;
    }
  spec->wallet_id = g_array_index (self->wallet_ids, gint64, wallet);
  spec->category_id = g_array_index (self->category_ids, gint64, category);
  if (!daftari_money_parse (row_text (self, DAFTARI_RECEIPT_TOTAL), daftari_book_get_currency (book), &spec->amount,
                            error))
    {
      refuse_total (self, (*error)->message);
      return FALSE;
    }
  if (!daftari_ui_read_date (book, row_text (self, DAFTARI_RECEIPT_DATE), &spec->ts, error))
    {
      gtk_widget_grab_focus (self->rows[DAFTARI_RECEIPT_DATE]);
      return FALSE;
    }
  return TRUE;
}

static void save_receipt (DaftariReceiptsPage *self, gboolean again);

static void
saved_before_response (AdwMessageDialog *dialog, const char *response, DaftariReceiptsPage *self)
{
  if (g_strcmp0 (response, "again") == 0)
    save_receipt (self, TRUE);
}

/* The receipt was saved before: the owner says whether this is a second
 * payment (rare) or the same receipt again (the usual mistake). */
static void
ask_save_again (DaftariReceiptsPage *self, const char *why)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
      adw_message_dialog_new (daftari_page_get_window (DAFTARI_PAGE (self)), _("Receipt Already Saved"), why));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "again", _("Save _Again"), NULL);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (saved_before_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_receipt_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  save_receipt (DAFTARI_RECEIPTS_PAGE (widget), FALSE);
}

static void
save_receipt (DaftariReceiptsPage *self, gboolean again)
{
  DaftariReceiptSave spec = { .again = again };
  g_autoptr(GError) error = NULL;
  g_autofree char *details = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *saved = NULL;
  const char *merchant;
  AdwToast *message;
  gint64 txn_id = 0;

  if (self->scan == NULL)
    return;
  if (!read_form (self, &spec, &error))
    {
      daftari_ui_show_problem (self->error_label, NULL, error->message);
      return;
    }
  merchant = row_text (self, DAFTARI_RECEIPT_MERCHANT);
  details = details_json (self);
  spec.memo = *merchant ? merchant : NULL;
  spec.image = self->bytes;
  spec.mime = self->scan->mime;
  spec.name = self->name;
  spec.details = details;
  if (!daftari_receipt_save (daftari_page_get_book (DAFTARI_PAGE (self)), &spec, &txn_id, NULL, &error))
    {
      if (g_error_matches (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_EXISTS))
        {
          ask_save_again (self, error->message);
          return;
        }
      /* An amount refused (nothing, over the limit, an overdraft) is
       * the total's to correct. */
      if (daftari_ui_field_of_error (error) == DAFTARI_UI_FIELD_AMOUNT)
        refuse_total (self, error->message);
      daftari_ui_show_problem (self->error_label, NULL, error->message);
      return;
    }
  remember_wallet (self, spec.wallet_id);
  amount = daftari_money_format (spec.amount, daftari_book_get_currency (daftari_page_get_book (DAFTARI_PAGE (self))), 0);
  saved = *merchant ? g_strdup_printf (_("Expense of %s at %s saved"), amount, merchant)
                    : g_strdup_printf (_("Expense of %s saved"), amount);
  forget_receipt (self);
  show_state (self, "empty");
  daftari_session_notify_changed (daftari_page_get_session (DAFTARI_PAGE (self)));
  message = adw_toast_new (saved);
  adw_toast_set_button_label (message, _("_Undo"));
  g_object_set_data_full (G_OBJECT (message), "page", g_object_ref (self), g_object_unref);
  g_signal_connect (message, "button-clicked", G_CALLBACK (undo_save), GSIZE_TO_POINTER (txn_id));
  daftari_page_toast (DAFTARI_PAGE (self), message);
}

static void
discard_receipt_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariReceiptsPage *self = DAFTARI_RECEIPTS_PAGE (widget);

  forget_receipt (self);
  show_state (self, "empty");
}

/* --- The page --- */

static void
daftari_receipts_page_refresh (DaftariPage *page)
{
  DaftariReceiptsPage *self = DAFTARI_RECEIPTS_PAGE (page);

  /* Wallets may have been added or renamed; keep what was chosen. */
  if (self->scan != NULL)
    {
      guint wallet = adw_combo_row_get_selected (self->wallet_row);
      guint category = adw_combo_row_get_selected (self->category_row);
      fill_wallets_and_categories (self);
      adw_combo_row_set_selected (self->wallet_row, wallet);
      set_category (self, category);
    }
}

static void
daftari_receipts_page_dispose (GObject *object)
{
  DaftariReceiptsPage *self = DAFTARI_RECEIPTS_PAGE (object);

  if (self->worker != NULL)
    daftari_receipt_worker_close (self->worker);
  g_clear_object (&self->worker);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->scan, daftari_receipt_scan_free);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->wallet_ids, g_array_unref);
  g_clear_pointer (&self->category_ids, g_array_unref);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), DAFTARI_TYPE_RECEIPTS_PAGE);
  G_OBJECT_CLASS (daftari_receipts_page_parent_class)->dispose (object);
}

static void
daftari_receipts_page_class_init (DaftariReceiptsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DaftariPageClass *page_class = DAFTARI_PAGE_CLASS (klass);

  object_class->dispose = daftari_receipts_page_dispose;
  page_class->refresh = daftari_receipts_page_refresh;

  g_type_ensure (DAFTARI_TYPE_RECEIPT_IMAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftari/Daftari/ui/daftari-receipts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftariReceiptsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, DaftariReceiptsPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, DaftariReceiptsPage, failed_page);
  gtk_widget_class_bind_template_child (widget_class, DaftariReceiptsPage, image);
  gtk_widget_class_bind_template_child (widget_class, DaftariReceiptsPage, fields_group);
  gtk_widget_class_bind_template_child (widget_class, DaftariReceiptsPage, wallet_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariReceiptsPage, category_row);
  gtk_widget_class_bind_template_child (widget_class, DaftariReceiptsPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, DaftariReceiptsPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, DaftariReceiptsPage, file_label);

  gtk_widget_class_install_action (widget_class, "page.add-receipt", NULL, add_receipt_action);
  gtk_widget_class_install_action (widget_class, "page.paste-receipt", NULL, paste_receipt_action);
  gtk_widget_class_install_action (widget_class, "page.cancel-reading", NULL, cancel_reading_action);
  gtk_widget_class_install_action (widget_class, "page.save-receipt", NULL, save_receipt_action);
  gtk_widget_class_install_action (widget_class, "page.discard-receipt", NULL, discard_receipt_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "page.cancel-reading", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "page.save-receipt", NULL);
}

/* Ctrl+O and Ctrl+V work wherever the focus is in the window (the sidebar
 * the owner came from, say), not only inside the page, as the empty page
 * promises; a widget that uses the key itself (an entry pasting text)
 * gets it first. A global shortcut runs for the window, which does not
 * know the page's actions, so each carries its page. */
typedef struct {
  GtkWidget  *page;     /* owns the controller, so outlives the shortcut */
  const char *action;
} PageShortcut;

/* Only while the page shows: otherwise the key goes on. */
static gboolean
run_page_action (GtkWidget *window, GVariant *unused, gpointer data)
{
  PageShortcut *shortcut = data;

  return gtk_widget_get_mapped (shortcut->page) && gtk_widget_activate_action (shortcut->page, shortcut->action, NULL);
}

static void
add_window_shortcut (GtkShortcutController *shortcuts, GtkWidget *page, guint key, const char *action)
{
  PageShortcut *shortcut = g_new (PageShortcut, 1);

  *shortcut = (PageShortcut) { page, action };
  gtk_shortcut_controller_add_shortcut (shortcuts,
      gtk_shortcut_new (gtk_keyval_trigger_new (key, GDK_CONTROL_MASK),
                        gtk_callback_action_new (run_page_action, shortcut, g_free)));
}

static void
add_window_shortcuts (DaftariReceiptsPage *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  add_window_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_WIDGET (self), GDK_KEY_o, "page.add-receipt");
  add_window_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_WIDGET (self), GDK_KEY_v, "page.paste-receipt");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

static void
daftari_receipts_page_init (DaftariReceiptsPage *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType types[] = { G_TYPE_FILE, GDK_TYPE_TEXTURE };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  self->worker = daftari_receipt_worker_new ();
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect (target, "drop", G_CALLBACK (dropped), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  add_window_shortcuts (self);
  g_signal_connect_swapped (self->category_row, "notify::selected", G_CALLBACK (category_changed), self);
  show_state (self, "empty");
}
