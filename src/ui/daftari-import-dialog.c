/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-import-dialog.h"

#include <glib/gi18n.h>

#include "daftari-import-job.h"
#include "daftari-import-mapping.h"
#include "daftari-mpesa-pdf.h"
#include "daftari-ui-util.h"
#include "daftari-window.h"

struct _DaftariImportDialog {
  AdwWindow            parent_instance;

  GtkButton           *back_button;
  GtkButton           *next_button;
  GtkStack            *steps;
  AdwActionRow        *file_row;
  AdwComboRow         *wallet_row;
  AdwEntryRow         *password_row;
  GtkSwitch           *adjust_switch;
  AdwPreferencesGroup *mapping_group;
  AdwEntryRow         *date_row;
  AdwComboRow         *date_format_row;
  AdwEntryRow         *description_row;
  AdwEntryRow         *money_in_row;
  AdwEntryRow         *money_out_row;
  AdwEntryRow         *amount_row;
  AdwEntryRow         *balance_row;
  AdwEntryRow         *reference_row;
  GtkLabel            *error_label;
  GtkTextView         *paste_view;
  AdwPreferencesGroup *summary_group;
  AdwPreferencesGroup *checks_group;
  AdwPreferencesGroup *rows_group;
  AdwStatusPage       *working_page;
  GtkProgressBar      *progress_bar;
  AdwStatusPage       *done_page;

  DaftariSession      *session;
  GArray              *wallet_ids;
  GBytes              *bytes;          /* the file, or the pasted text */
  char                *file_name;
  DaftariImportSource  source;
  DaftariBankMapping  *mapping;        /* the guessed or remembered one, edited by the rows */
  GCancellable        *cancellable;
  guint                pulse_id;
  gint64               batch_id;       /* of the import done */
};

G_DEFINE_FINAL_TYPE (DaftariImportDialog, daftari_import_dialog, ADW_TYPE_WINDOW)

static DaftariBook *
book_of (DaftariImportDialog *self)
{
  return daftari_session_get_book (self->session);
}

const char *
daftari_import_dialog_get_step (DaftariImportDialog *self)
{
  return gtk_stack_get_visible_child_name (self->steps);
}

/* The header's buttons say what the next step is. */
static void
show_step (DaftariImportDialog *self, const char *step)
{
  gboolean source = g_str_equal (step, "source"), paste = g_str_equal (step, "paste");
  gboolean preview = g_str_equal (step, "preview"), done = g_str_equal (step, "done");

  gtk_stack_set_visible_child_name (self->steps, step);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), source || paste || preview);
  gtk_button_set_label (self->back_button, source ? _("_Cancel") : _("_Back"));
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), !g_str_equal (step, "working"));
  gtk_button_set_label (self->next_button, done ? _("_Close") : preview ? _("_Import") : _("_Preview"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.next",
                                 done || preview || paste || (source && self->bytes != NULL));
}

static void
show_problem (DaftariImportDialog *self, GtkWidget *row, const char *message)
{
  show_step (self, "source");
  daftari_ui_show_problem (self->error_label, row, message);
}

/* --- The file --- */

static void
set_entry (AdwEntryRow *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
show_mapping (DaftariImportDialog *self)
{
  DaftariBankMapping *m = self->mapping;

  gtk_widget_set_visible (GTK_WIDGET (self->mapping_group), m != NULL);
  if (m == NULL)
    return;
  set_entry (self->date_row, m->date);
  adw_combo_row_set_selected (self->date_format_row, m->date_format);
  set_entry (self->description_row, m->description);
  set_entry (self->money_in_row, m->money_in);
  set_entry (self->money_out_row, m->money_out);
  set_entry (self->amount_row, m->amount);
  set_entry (self->balance_row, m->balance);
  set_entry (self->reference_row, m->reference);
}

static gint64
chosen_wallet (DaftariImportDialog *self)
{
  guint position = adw_combo_row_get_selected (self->wallet_row);

  return position < self->wallet_ids->len ? g_array_index (self->wallet_ids, gint64, position) : 0;
}

/* A bank CSV: the wallet's remembered mapping, else a guess from the file. */
static void
find_mapping (DaftariImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (self->bytes, &length);

  g_clear_pointer (&self->mapping, daftari_bank_mapping_free);
  if (self->source != DAFTARI_IMPORT_SOURCE_BANK_CSV)
    return;
  self->mapping = daftari_import_mapping_load (book_of (self), chosen_wallet (self), NULL);
  if (self->mapping == NULL)
    self->mapping = daftari_bank_mapping_guess (data, length, &error);
  if (self->mapping == NULL)
    {
      /* Nothing looks like a header: the owner types the columns in. */
      self->mapping = daftari_bank_mapping_new ();
      daftari_ui_show_problem (self->error_label, NULL, error->message);
    }
}

static void
source_changed (DaftariImportDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->password_row), self->source == DAFTARI_IMPORT_SOURCE_MPESA_PDF);
  find_mapping (self);
  show_mapping (self);
  show_step (self, "source");
}

void
daftari_import_dialog_set_file (DaftariImportDialog *self, GBytes *bytes, const char *name)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autofree char *subtitle = NULL;

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->file_name);
  self->bytes = g_bytes_ref (bytes);
  self->file_name = g_strdup (name);
  self->source = daftari_import_source_detect (data, length);
  /* xgettext:no-c-format */
  subtitle = g_strdup_printf (_("%s — %s"), name, daftari_import_source_label (self->source));
  adw_action_row_set_subtitle (self->file_row, subtitle);
  source_changed (self);
  if (self->source == DAFTARI_IMPORT_SOURCE_UNKNOWN)
    {
      g_autoptr(GError) error = NULL;
      daftari_import_source_parse (self->source, data, length, NULL, &error);
      daftari_ui_show_problem (self->error_label, NULL, error->message);
    }
}

static void
file_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(DaftariImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (source));
  g_autoptr(GBytes) bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);

  if (bytes == NULL)
    show_problem (self, NULL, error->message);
  else
    daftari_import_dialog_set_file (self, bytes, name);
}

/* The same size limit as the command line, checked before reading. */
static void
read_chosen (DaftariImportDialog *self, GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);

  if (info != NULL && !daftari_import_source_check_size (name, g_file_info_get_size (info), &error))
    show_problem (self, NULL, error->message);
  else
    g_file_load_bytes_async (file, NULL, file_loaded, g_object_ref (self));
}

static void
chooser_response (GtkNativeDialog *chooser, int response, DaftariImportDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    read_chosen (self, file);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_file_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Choose a Statement"), GTK_WINDOW (widget),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
paste_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariImportDialog *self = DAFTARI_IMPORT_DIALOG (widget);

  show_step (self, "paste");
  gtk_widget_grab_focus (GTK_WIDGET (self->paste_view));
}

/* --- Running --- */

static gboolean
pulse (gpointer data)
{
  gtk_progress_bar_pulse (GTK_PROGRESS_BAR (data));
  return G_SOURCE_CONTINUE;
}

static void
stop_pulse (DaftariImportDialog *self)
{
  g_clear_handle_id (&self->pulse_id, g_source_remove);
}

static char *
row_text (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  return g_strstrip (g_strdup (text));
}

/* The mapping as the rows now say; NULL with the reason when it cannot work. */
static DaftariBankMapping *
mapping_from_rows (DaftariImportDialog *self, GError **error)
{
  g_autoptr(DaftariBankMapping) m = daftari_bank_mapping_copy (self->mapping);

  g_free (m->date), m->date = row_text (self->date_row);
  m->date_format = adw_combo_row_get_selected (self->date_format_row);
  g_free (m->description), m->description = row_text (self->description_row);
  g_free (m->money_in), m->money_in = row_text (self->money_in_row);
  g_free (m->money_out), m->money_out = row_text (self->money_out_row);
  g_free (m->amount), m->amount = row_text (self->amount_row);
  g_free (m->balance), m->balance = row_text (self->balance_row);
  g_free (m->reference), m->reference = row_text (self->reference_row);
  if (!daftari_bank_mapping_check (m, error))
    return NULL;
  return g_steal_pointer (&m);
}

static void job_done (GObject *source, GAsyncResult *result, gpointer user_data);

/* Progress replaces the pulse as soon as the import says how far it is. */
static void
job_progress (double fraction, gpointer user_data)
{
  DaftariImportDialog *self = user_data;

  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  stop_pulse (self);
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
start (DaftariImportDialog *self, gboolean dry_run)
{
  g_autoptr(DaftariImportJob) job = daftari_import_job_new ();
  g_autoptr(GError) error = NULL;
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  if (chosen_wallet (self) == 0)
    {
      show_problem (self, GTK_WIDGET (self->wallet_row), _("Choose the wallet the statement is for"));
      return;
    }
  if (self->source == DAFTARI_IMPORT_SOURCE_BANK_CSV &&
      (job->mapping = mapping_from_rows (self, &error)) == NULL)
    {
      show_problem (self, GTK_WIDGET (self->mapping_group), error->message);
      return;
    }
  job->book_path = g_strdup (daftari_book_get_path (book_of (self)));
  job->wallet_id = chosen_wallet (self);
  job->source = self->source;
  job->bytes = g_bytes_ref (self->bytes);
  job->file_name = g_strdup (self->file_name);
  job->password = *password ? g_strdup (password) : NULL;
  job->save_mapping = job->mapping != NULL;
  job->dry_run = dry_run;
  job->adjust_balance = gtk_switch_get_active (self->adjust_switch);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  adw_status_page_set_title (self->working_page, dry_run ? _("Reading…") : _("Importing…"));
  show_step (self, "working");
  stop_pulse (self);
  self->pulse_id = g_timeout_add (120, pulse, self->progress_bar);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_object_set_data (G_OBJECT (self->cancellable), "dry-run", GINT_TO_POINTER (dry_run));
  daftari_import_job_run (g_steal_pointer (&job), self->cancellable, job_progress, job_done, g_object_ref (self));
}

static GtkWidget *
count_row (const char *title, const char *subtitle, guint count)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *text = g_strdup_printf ("%u", count);
  GtkWidget *label = gtk_label_new (text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

/* What happens to each row, most telling first: refused and held rows
 * before the rest, up to a screenful's worth of a big statement. */
#define ROWS_SHOWN 200

static const char *
fate_text (DaftariImportFate fate)
{
  switch (fate)
    {
    case DAFTARI_IMPORT_NEW:       return _("New");
    case DAFTARI_IMPORT_DUPLICATE: return _("Already in the book");
    case DAFTARI_IMPORT_HELD:      return _("Held for review");
    case DAFTARI_IMPORT_REJECTED:  default: return _("Not imported");
    }
}

static GtkWidget *
outcome_row (DaftariImportDialog *self, const DaftariImportOutcome *o)
{
  DaftariBook *book = book_of (self);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = daftari_calendar_format_date (daftari_book_get_calendar (book), o->ts);
  g_autofree char *title = g_strdup_printf ("%s · %s", when, o->description ? o->description : "");
  g_autofree char *amount = daftari_ui_format_money (o->amount, daftari_book_get_currency (book));
  g_autofree char *subtitle = NULL;
  g_autoptr(DaftariAccount) category = o->category_id ? daftari_account_get (book, o->category_id, NULL) : NULL;

  if (o->message != NULL)
    subtitle = g_strdup_printf ("%s: %s", fate_text (o->fate), o->message);
  else if (category != NULL && o->confidence > 0)
    /* xgettext:no-c-format */
    subtitle = g_strdup_printf (_("%s · %s, %d%% sure"), fate_text (o->fate), category->name, o->confidence);
  else if (category != NULL)
    subtitle = g_strdup_printf ("%s · %s", fate_text (o->fate), category->name);
  else
    subtitle = g_strdup (fate_text (o->fate));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (o->fate == DAFTARI_IMPORT_HELD || o->fate == DAFTARI_IMPORT_REJECTED)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), daftari_ui_amount_label (amount));
  return row;
}

static void
show_rows (DaftariImportDialog *self, const DaftariImportResult *r)
{
  guint shown = 0;

  daftari_ui_group_clear (self->rows_group);
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; r->outcomes != NULL && i < r->outcomes->len && shown < ROWS_SHOWN; i++)
      {
        const DaftariImportOutcome *o = &g_array_index (r->outcomes, DaftariImportOutcome, i);
        gboolean trouble = o->fate == DAFTARI_IMPORT_HELD || o->fate == DAFTARI_IMPORT_REJECTED;
        if (trouble == (pass == 0))
          {
            daftari_ui_group_add (self->rows_group, outcome_row (self, o));
            shown++;
          }
      }
  if (r->outcomes != NULL && r->outcomes->len > shown)
    {
      g_autofree char *more = g_strdup_printf (_("The first %u of %u rows"), shown, r->outcomes->len);
      adw_preferences_group_set_description (self->rows_group, more);
    }
  else
    adw_preferences_group_set_description (self->rows_group, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->rows_group), shown > 0);
}

static void
show_preview (DaftariImportDialog *self, const DaftariImportResult *r)
{
  g_autofree char *import_label = NULL;

  daftari_ui_group_clear (self->summary_group);
  daftari_ui_group_clear (self->checks_group);
  daftari_ui_group_add (self->summary_group, count_row (_("New"), _("Will be recorded"), r->n_new));
  daftari_ui_group_add (self->summary_group,
                        count_row (_("Already in the Book"), _("From this file or another source: skipped"), r->n_duplicate));
  daftari_ui_group_add (self->summary_group,
                        count_row (_("Held for Review"), _("Over the per-transaction limit: kept aside, not recorded"), r->n_held));
  daftari_ui_group_add (self->summary_group,
                        count_row (_("Not Imported"), _("Refused or unreadable: see the checks below"), r->n_rejected + r->n_skipped));
  for (guint i = 0; i < r->warnings->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (r->warnings, i));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      daftari_ui_group_add (self->checks_group, row);
    }
  if (r->warnings->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Every figure adds up"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
      daftari_ui_group_add (self->checks_group, row);
    }
  show_rows (self, r);
  show_step (self, "preview");
  import_label = g_strdup_printf (ngettext ("_Import %u Transaction", "_Import %u Transactions", r->n_new), r->n_new);
  gtk_button_set_label (self->next_button, import_label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.next", r->n_new + r->n_held > 0 || r->adjustment != 0);
}

static void
show_done (DaftariImportDialog *self, const DaftariImportResult *r)
{
  g_autofree char *title = g_strdup_printf (ngettext ("%u Transaction Imported", "%u Transactions Imported", r->n_new),
                                            r->n_new);
  g_autofree char *held = g_strdup_printf (ngettext ("%u row is held for review in the Review page.",
                                                     "%u rows are held for review in the Review page.", r->n_held),
                                           r->n_held);

  self->batch_id = r->batch_id;
  adw_status_page_set_title (self->done_page, title);
  adw_status_page_set_description (self->done_page, r->n_held > 0 ? held : NULL);
  show_step (self, "done");
  daftari_session_notify_changed (self->session);
}

/* A statement's password: asked for, or said to be wrong, on its row. */
static gboolean
password_problem (DaftariImportDialog *self, const GError *error)
{
  if (error->domain != DAFTARI_MPESA_PDF_ERROR)
    return FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->password_row), TRUE);
  show_problem (self, GTK_WIDGET (self->password_row), error->message);
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
  return TRUE;
}

static void
job_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(DaftariImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariImportResult) r = daftari_import_job_finish (result, &error);
  gboolean dry_run = self->cancellable && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self->cancellable), "dry-run"));

  stop_pulse (self);
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  if (r == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_problem (self, NULL, _("Cancelled: nothing was written"));
      else if (!password_problem (self, error))
        show_problem (self, NULL, error->message);
      return;
    }
  if (dry_run)
    show_preview (self, r);
  else
    show_done (self, r);
}

static void
next_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariImportDialog *self = DAFTARI_IMPORT_DIALOG (widget);
  const char *step = daftari_import_dialog_get_step (self);

  if (g_str_equal (step, "paste"))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->paste_view);
      GtkTextIter start_iter, end_iter;
      char *text;

      gtk_text_buffer_get_bounds (buffer, &start_iter, &end_iter);
      text = gtk_text_buffer_get_text (buffer, &start_iter, &end_iter, FALSE);
      g_clear_pointer (&self->bytes, g_bytes_unref);
      self->bytes = g_bytes_new_take (text, strlen (text));
      g_free (self->file_name);
      self->file_name = g_strdup (_("Pasted messages"));
      self->source = DAFTARI_IMPORT_SOURCE_SMS;
      adw_action_row_set_subtitle (self->file_row, self->file_name);
      source_changed (self);
      start (self, TRUE);
    }
  else if (g_str_equal (step, "source"))
    start (self, TRUE);
  else if (g_str_equal (step, "preview"))
    start (self, FALSE);
  else if (g_str_equal (step, "done"))
    gtk_window_close (GTK_WINDOW (self));
}

static void
back_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariImportDialog *self = DAFTARI_IMPORT_DIALOG (widget);

  if (g_str_equal (daftari_import_dialog_get_step (self), "source"))
    gtk_window_close (GTK_WINDOW (self));
  else
    show_step (self, "source");
}

static void
cancel_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariImportDialog *self = DAFTARI_IMPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
undo_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariImportDialog *self = DAFTARI_IMPORT_DIALOG (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;

  if (!daftari_import_undo (book_of (self), self->batch_id, &error))
    {
      adw_status_page_set_description (self->done_page, error->message);
      return;
    }
  daftari_session_notify_changed (self->session);
  if (DAFTARI_IS_WINDOW (parent))
    daftari_window_add_toast (DAFTARI_WINDOW (parent), adw_toast_new (_("Import undone")));
  gtk_window_close (GTK_WINDOW (self));
}

static void
wallet_changed (DaftariImportDialog *self)
{
  if (self->source == DAFTARI_IMPORT_SOURCE_BANK_CSV)
    {
      find_mapping (self);
      show_mapping (self);
    }
}

static void
daftari_import_dialog_dispose (GObject *object)
{
  DaftariImportDialog *self = DAFTARI_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  stop_pulse (self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_pointer (&self->wallet_ids, g_array_unref);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->mapping, daftari_bank_mapping_free);
  G_OBJECT_CLASS (daftari_import_dialog_parent_class)->dispose (object);
}

static void
daftari_import_dialog_class_init (DaftariImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = daftari_import_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftari/Daftari/ui/daftari-import-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, DaftariImportDialog, name)
  BIND (back_button);
  BIND (next_button);
  BIND (steps);
  BIND (file_row);
  BIND (wallet_row);
  BIND (password_row);
  BIND (adjust_switch);
  BIND (mapping_group);
  BIND (date_row);
  BIND (date_format_row);
  BIND (description_row);
  BIND (money_in_row);
  BIND (money_out_row);
  BIND (amount_row);
  BIND (balance_row);
  BIND (reference_row);
  BIND (error_label);
  BIND (paste_view);
  BIND (summary_group);
  BIND (checks_group);
  BIND (rows_group);
  BIND (working_page);
  BIND (progress_bar);
  BIND (done_page);
#undef BIND
  gtk_widget_class_install_action (widget_class, "import.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "import.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "import.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "import.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "import.undo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
daftari_import_dialog_init (DaftariImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->wallet_row, "notify::selected", G_CALLBACK (wallet_changed), self);
}

DaftariImportDialog *
daftari_import_dialog_new (GtkWindow *parent, DaftariSession *session)
{
  DaftariImportDialog *self = g_object_new (DAFTARI_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  g_autoptr(GtkStringList) wallets = NULL;

  self->session = g_object_ref (session);
  wallets = daftari_ui_wallet_list (book_of (self), DAFTARI_UI_WALLETS_ALL, &self->wallet_ids);
  daftari_ui_combo_row_set_wallets (self->wallet_row, G_LIST_MODEL (wallets));
  show_step (self, "source");
  return self;
}
