/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-reports-page.h"

#include <glib/gi18n.h>
#include <string.h>

#include "daftari-chart-view.h"
#include "daftari-report-charts.h"
#include "daftari-report-grid.h"
#include "daftari-report-pdf.h"
#include "daftari-report-txns.h"

/* The bars of the monthly summary: a year, so that a season shows. */
#define SUMMARY_CHART_MONTHS 12
/* Top customers and payees: enough to find the big ones, short to read. */
#define TOP_LIMIT 10
/* "Save Chart…": a 720p picture, whatever the window's size. */
#define EXPORT_WIDTH  1280
#define EXPORT_HEIGHT 720

struct _DaftariReportsPage {
  DaftariPage          parent_instance;

  GtkDropDown         *report_dropdown;
  GtkDropDown         *period_dropdown;
  GtkWidget           *custom_box;
  GtkEntry            *from_entry;
  GtkEntry            *to_entry;
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  GtkLabel            *error_label;
  GtkWidget           *chart_card;
  DaftariChartView    *chart_view;
  AdwBin              *table_bin;

  DaftariReportTable  *table;
  DaftariPeriod        period;     /* what the table and chart cover */
  gboolean             stale;      /* the book changed while the page was hidden */
  GCancellable        *exporting;  /* the report PDF being written, or NULL */
};

G_DEFINE_FINAL_TYPE (DaftariReportsPage, daftari_reports_page, DAFTARI_TYPE_PAGE)

static DaftariBook *
book_of (DaftariReportsPage *self)
{
  return daftari_page_get_book (DAFTARI_PAGE (self));
}

const DaftariReportTable *
daftari_reports_page_get_table (DaftariReportsPage *self)
{
  g_return_val_if_fail (DAFTARI_IS_REPORTS_PAGE (self), NULL);
  return self->table;
}

/* --- The period --- */

static char *
month_words (DaftariMonth month)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (month / 100, month % 100, 1, 0, 0, 0);

  /* Translators: a month and its year, as strftime writes them ("March 2025") */
  return g_date_time_format (date, _("%B %Y"));
}

static gboolean
read_day (GtkEntry *entry, DaftariDay *out, GError **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (daftari_day_parse (text, out, NULL))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      return TRUE;
    }
  gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("“%s” is not a date: write it as YYYY-MM-DD, for example 2025-03-31."), text);
  return FALSE;
}

static gboolean
choose_period (DaftariReportsPage *self, DaftariPeriod *period, GError **error)
{
  DaftariBook *book = book_of (self);
  DaftariDay today = daftari_calendar_today (daftari_book_get_calendar (book));
  DaftariDay year_start = today / 10000 * 10000 + 101;
  DaftariDay from, to;

  switch ((DaftariPeriodChoice) gtk_drop_down_get_selected (self->period_dropdown))
    {
    case DAFTARI_PERIOD_LAST_MONTH:
      daftari_period_month (period, book, daftari_month_add (today / 100, -1));
      return TRUE;
    case DAFTARI_PERIOD_THIS_YEAR:
      return daftari_period_init (period, book, year_start, today, error);
    case DAFTARI_PERIOD_LAST_YEAR:
      return daftari_period_init (period, book, year_start - 10000, year_start - 10000 + 1130, error);
    case DAFTARI_PERIOD_CUSTOM:
      if (!read_day (self->from_entry, &from, error) || !read_day (self->to_entry, &to, error))
        return FALSE;
      return daftari_period_init (period, book, from, to, error);
    case DAFTARI_PERIOD_THIS_MONTH:
    default:
      return daftari_period_init (period, book, today / 100 * 100 + 1, today, error);
    }
}

/* --- The reports --- */

static const char *const report_titles[] = {
  N_("Monthly Summary"),
  N_("Profit and Loss"),
  N_("Cash Flow"),
  N_("Balance Sheet"),
  N_("Top Customers and Payees"),
  N_("Charges"),
  N_("VAT"),
};

/* One report's table and chart for the page's period; the subtitle says
 * what it covers in words. */
typedef struct {
  DaftariReportTable *table;
  DaftariChart       *chart;
  char               *subtitle;
} Built;

static gboolean
build_monthly (DaftariBook *book, const DaftariPeriod *period, Built *out, GError **error)
{
  DaftariMonth month = period->to_day / 100;
  g_autoptr(DaftariMonthlyReport) report = daftari_report_monthly (book, month, error);
  g_autofree char *now = month_words (month);
  g_autofree char *before = month_words (daftari_month_add (month, -1));
  g_autofree char *year_ago = month_words (daftari_month_add (month, -12));

  if (report == NULL || (out->chart = daftari_report_chart_months (book, month, SUMMARY_CHART_MONTHS, error)) == NULL)
    return FALSE;
  out->table = daftari_monthly_report_table (report, book);
  /* Translators: "March 2025 against February 2025 and March 2024" */
  out->subtitle = g_strdup_printf (_("%s against %s and %s"), now, before, year_ago);
  return TRUE;
}

static gboolean
build_pnl (DaftariBook *book, const DaftariPeriod *period, Built *out, GError **error)
{
  /* A column per month when there are a few of them to compare. */
  gboolean by_month = period->from_day / 100 != period->to_day / 100 &&
                      daftari_month_add (period->from_day / 100, 12) > period->to_day / 100;
  g_autoptr(DaftariPnlReport) report = daftari_report_pnl (book, period, by_month, error);

  if (report == NULL)
    return FALSE;
  out->table = daftari_pnl_report_table (report, book);
  out->chart = daftari_report_chart_expenses (book, report->totals);
  return TRUE;
}

static gboolean
build_report (DaftariReportsPage *self, DaftariReportChoice choice, Built *out, GError **error)
{
  DaftariBook *book = book_of (self);
  const DaftariPeriod *period = &self->period;

  switch (choice)
    {
    case DAFTARI_REPORT_CHOICE_MONTHLY:
      return build_monthly (book, period, out, error);
    case DAFTARI_REPORT_CHOICE_PNL:
      return build_pnl (book, period, out, error);
    case DAFTARI_REPORT_CHOICE_CASHFLOW:
      {
        g_autoptr(DaftariCashflowReport) report = daftari_report_cashflow (book, period, error);
        if (report == NULL || (out->chart = daftari_report_chart_balance (book, period, error)) == NULL)
          return FALSE;
        out->table = daftari_cashflow_report_table (report, book);
        return TRUE;
      }
    case DAFTARI_REPORT_CHOICE_BALANCE:
      {
        DaftariDay today = daftari_calendar_today (daftari_book_get_calendar (book));
        g_autoptr(DaftariBalanceSheet) report = daftari_report_balance (book, MIN (period->to_day, today), error);
        g_autofree char *day = NULL;
        if (report == NULL)
          return FALSE;
        out->table = daftari_balance_sheet_table (report, book);
        day = daftari_day_format (report->as_of);
        /* Translators: "At the end of 2025-03-14" */
        out->subtitle = g_strdup_printf (_("At the end of %s"), day);
        return TRUE;
      }
    case DAFTARI_REPORT_CHOICE_TOP:
      {
        g_autoptr(DaftariTopReport) report = daftari_report_top (book, period, TOP_LIMIT, error);
        out->table = report ? daftari_top_report_table (report, book) : NULL;
        return report != NULL;
      }
    case DAFTARI_REPORT_CHOICE_CHARGES:
      {
        g_autoptr(DaftariChargesReport) report = daftari_report_charges (book, period, error);
        out->table = report ? daftari_charges_report_table (report, book) : NULL;
        return report != NULL;
      }
    case DAFTARI_REPORT_CHOICE_VAT:
    default:
      {
        g_autoptr(DaftariVatReport) report = daftari_report_vat (book, period, error);
        out->table = report ? daftari_vat_report_table (report, book) : NULL;
        return report != NULL;
      }
    }
}

static void
show_problem (DaftariReportsPage *self, const GError *error)
{
  gtk_label_set_label (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_widget_set_visible (self->chart_card, FALSE);
  adw_bin_set_child (self->table_bin, NULL);
  g_clear_pointer (&self->table, daftari_report_table_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.save-csv", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.save-chart", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.export-pdf", FALSE);
}

static void
show_report (DaftariReportsPage *self)
{
  DaftariReportChoice choice = gtk_drop_down_get_selected (self->report_dropdown);
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  Built built = { NULL, NULL, NULL };

  if (choice >= G_N_ELEMENTS (report_titles))
    choice = DAFTARI_REPORT_CHOICE_MONTHLY;
  gtk_label_set_label (self->title_label, _(report_titles[choice]));
  if (!choose_period (self, &self->period, &error) || !build_report (self, choice, &built, &error))
    {
      g_clear_pointer (&built.table, daftari_report_table_free);
      g_clear_pointer (&built.chart, daftari_chart_free);
      g_free (built.subtitle);
      show_problem (self, error);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  g_clear_pointer (&self->table, daftari_report_table_free);
  self->table = built.table;
  subtitle = built.subtitle ? built.subtitle : g_strdup (self->table->subtitle);
  gtk_label_set_label (self->subtitle_label, subtitle);
  adw_bin_set_child (self->table_bin, daftari_report_grid_new (self->table));
  gtk_widget_set_visible (self->chart_card, built.chart != NULL);
  daftari_chart_view_set_chart (self->chart_view, built.chart);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.save-csv", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.save-chart", built.chart != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.export-pdf", self->exporting == NULL);
}

/* Reports read the whole book: built when the page is seen, not after
 * every change made elsewhere. */
static void
refresh (DaftariPage *page)
{
  DaftariReportsPage *self = DAFTARI_REPORTS_PAGE (page);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  show_report (self);
}

static void
mapped (DaftariReportsPage *self)
{
  if (self->stale || self->table == NULL)
    refresh (DAFTARI_PAGE (self));
}

static void
choice_changed (DaftariReportsPage *self)
{
  gboolean custom = gtk_drop_down_get_selected (self->period_dropdown) == DAFTARI_PERIOD_CUSTOM;

  gtk_widget_set_visible (self->custom_box, custom);
  /* Custom dates wait for the owner to finish typing them. */
  if (custom && self->period.from_day != 0 && *gtk_editable_get_text (GTK_EDITABLE (self->to_entry)) == '\0')
    {
      g_autofree char *from = daftari_day_format (self->period.from_day);
      g_autofree char *to = daftari_day_format (self->period.to_day);

      gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from);
      gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to);
      return;
    }
  self->stale = TRUE;
  refresh (DAFTARI_PAGE (self));
}

static void
apply_dates (GtkWidget *widget, const char *name, GVariant *parameter)
{
  refresh (DAFTARI_PAGE (widget));
}

static void
dates_activated (DaftariReportsPage *self)
{
  refresh (DAFTARI_PAGE (self));
}

/* --- Clicking the chart --- */

static void
item_activated (DaftariReportsPage *self, guint kind, gint64 id)
{
  DaftariChart *chart = daftari_chart_view_get_chart (self->chart_view);
  g_autoptr(DaftariReportPick) pick = NULL;

  if (chart == NULL)
    return;
  pick = daftari_report_pick_new (book_of (self), chart, &self->period, (DaftariChartItemKind) kind, id);
  if (pick != NULL)
    daftari_report_txns_show (daftari_page_get_window (DAFTARI_PAGE (self)), book_of (self), pick);
}

/* --- Saving --- */

gboolean
daftari_reports_page_save_csv (DaftariReportsPage *self, GFile *file, GError **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (DAFTARI_IS_REPORTS_PAGE (self), FALSE);
  if (self->table == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("There is no report to save."));
      return FALSE;
    }
  csv = daftari_report_table_to_csv (self->table);
  return g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL,
                                  error);
}

gboolean
daftari_reports_page_save_chart (DaftariReportsPage *self, GFile *file, GError **error)
{
  DaftariChart *chart = daftari_chart_view_get_chart (self->chart_view);
  g_autofree char *path = g_file_get_path (file);

  g_return_val_if_fail (DAFTARI_IS_REPORTS_PAGE (self), FALSE);
  if (chart == NULL || !gtk_widget_get_visible (self->chart_card))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("This report has no chart to save."));
      return FALSE;
    }
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Charts can only be saved to a local folder."));
      return FALSE;
    }
  return daftari_chart_export (chart, path, EXPORT_WIDTH, EXPORT_HEIGHT, DAFTARI_CHART_THEME_LIGHT, error);
}

typedef gboolean (*SaveFunc) (DaftariReportsPage *self, GFile *file, GError **error);

static void
save_response (GtkNativeDialog *chooser, int response, DaftariReportsPage *self)
{
  SaveFunc save = g_object_get_data (G_OBJECT (chooser), "save");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *saved = g_strdup_printf (_("Saved “%s”"), name);

      daftari_page_toast_text (DAFTARI_PAGE (self), save (self, file, &error) ? saved : error->message);
    }
  g_object_unref (chooser);
}

static void
ask_where (DaftariReportsPage *self, const char *title, const char *filter_name, const char *const *patterns,
           const char *extension, SaveFunc save)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->table == NULL)
    return;
  name = g_strdup_printf ("%s-%s.%s", self->table->name, self->table->to, extension);
  chooser = gtk_file_chooser_native_new (title, daftari_page_get_window (DAFTARI_PAGE (self)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, filter_name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "save", save);
  g_signal_connect_object (chooser, "response", G_CALLBACK (save_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_csv_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  static const char *const patterns[] = { "*.csv", NULL };

  ask_where (DAFTARI_REPORTS_PAGE (widget), _("Save Report as CSV"), _("CSV files"), patterns, "csv",
             daftari_reports_page_save_csv);
}

static void
save_chart_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  static const char *const patterns[] = { "*.png", "*.svg", "*.pdf", NULL };

  ask_where (DAFTARI_REPORTS_PAGE (widget), _("Save Chart"), _("PNG, SVG or PDF"), patterns, "png",
             daftari_reports_page_save_chart);
}

/* --- The report PDF --- */

typedef struct {
  char          *book_path;
  char          *path;
  DaftariPeriod  period;
} PdfJob;

static void
pdf_job_free (PdfJob *job)
{
  g_free (job->book_path);
  g_free (job->path);
  g_free (job);
}

/* Every report of a period, read on a connection of the thread's own (WAL
 * lets it read beside the window's), so a year of a busy book never
 * freezes the window. */
static void
export_pdf_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  const PdfJob *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariBook) book = daftari_book_open (job->book_path, &error);

  if (book != NULL && daftari_report_pdf_write (book, &job->period, job->path, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
daftari_reports_page_export_pdf_async (DaftariReportsPage *self, GFile *file, GCancellable *cancellable,
                                       GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = NULL;
  PdfJob *job;

  g_return_if_fail (DAFTARI_IS_REPORTS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, daftari_reports_page_export_pdf_async);
  if (self->table == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", _("There is no report to save."));
      return;
    }
  if (g_file_peek_path (file) == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                               _("Reports can only be saved to a local folder."));
      return;
    }
  job = g_new0 (PdfJob, 1);
  job->book_path = g_strdup (daftari_book_get_path (book_of (self)));
  job->path = g_file_get_path (file);
  job->period = self->period;
  g_task_set_task_data (task, job, (GDestroyNotify) pdf_job_free);
  g_task_run_in_thread (task, export_pdf_thread);
}

gboolean
daftari_reports_page_export_pdf_finish (DaftariReportsPage *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
export_pdf_done (GObject *source, GAsyncResult *result, gpointer data)
{
  DaftariReportsPage *self = DAFTARI_REPORTS_PAGE (source);
  g_autoptr(GFile) file = data;
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.export-pdf", self->table != NULL);
  if (daftari_reports_page_export_pdf_finish (self, result, &error))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *saved = g_strdup_printf (_("Saved “%s”"), name);
      daftari_page_toast_text (DAFTARI_PAGE (self), saved);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    daftari_page_toast_text (DAFTARI_PAGE (self), error->message);
}

static void
export_pdf_response (GtkNativeDialog *chooser, int response, DaftariReportsPage *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || self->exporting != NULL)
    return;
  /* One PDF at a time: the button waits for the toast. */
  self->exporting = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.export-pdf", FALSE);
  daftari_reports_page_export_pdf_async (self, file, self->exporting, export_pdf_done, g_object_ref (file));
}

static void
export_pdf_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DaftariReportsPage *self = DAFTARI_REPORTS_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *file_name = NULL;

  if (self->table == NULL || self->exporting != NULL)
    return;
  file_name = daftari_report_pdf_file_name (&self->period);
  chooser = gtk_file_chooser_native_new (_("Export Report as PDF"), daftari_page_get_window (DAFTARI_PAGE (self)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_pdf_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* --- The page --- */

static void
daftari_reports_page_dispose (GObject *object)
{
  DaftariReportsPage *self = DAFTARI_REPORTS_PAGE (object);

  g_clear_pointer (&self->table, daftari_report_table_free);
  if (self->exporting != NULL)
    g_cancellable_cancel (self->exporting);
  gtk_widget_dispose_template (GTK_WIDGET (object), DAFTARI_TYPE_REPORTS_PAGE);
  G_OBJECT_CLASS (daftari_reports_page_parent_class)->dispose (object);
}

static void
daftari_reports_page_class_init (DaftariReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = daftari_reports_page_dispose;
  DAFTARI_PAGE_CLASS (klass)->refresh = refresh;

  g_type_ensure (DAFTARI_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftari/Daftari/ui/daftari-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftariReportsPage, report_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DaftariReportsPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DaftariReportsPage, custom_box);
  gtk_widget_class_bind_template_child (widget_class, DaftariReportsPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, DaftariReportsPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, DaftariReportsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, DaftariReportsPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, DaftariReportsPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, DaftariReportsPage, chart_card);
  gtk_widget_class_bind_template_child (widget_class, DaftariReportsPage, chart_view);
  gtk_widget_class_bind_template_child (widget_class, DaftariReportsPage, table_bin);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed);
  gtk_widget_class_bind_template_callback (widget_class, dates_activated);
  gtk_widget_class_bind_template_callback (widget_class, item_activated);
  gtk_widget_class_install_action (widget_class, "page.save-csv", NULL, save_csv_action);
  gtk_widget_class_install_action (widget_class, "page.save-chart", NULL, save_chart_action);
  gtk_widget_class_install_action (widget_class, "page.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "page.apply-dates", NULL, apply_dates);
}

/* "Export PDF…" beside the report's title and period, which the PDF
 * covers. Not in the row of choosers above: there it would make the
 * window wider than its widest other page, while the content beside the
 * title scrolls with the table on a narrow window. */
static void
add_export_button (DaftariReportsPage *self)
{
  GtkWidget *heading = gtk_widget_get_parent (GTK_WIDGET (self->title_label));
  GtkWidget *content = gtk_widget_get_parent (heading);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Export _PDF…"));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "page.export-pdf");
  gtk_widget_set_tooltip_text (button, _("Save every report for this period, with charts, as one PDF to print or share"));
  gtk_widget_set_name (button, "export_pdf_button");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_ref (heading);
  gtk_box_remove (GTK_BOX (content), heading);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_box_append (GTK_BOX (row), heading);
  g_object_unref (heading);
  gtk_box_append (GTK_BOX (row), button);
  gtk_box_prepend (GTK_BOX (content), row);
}

static void
daftari_reports_page_init (DaftariReportsPage *self)
{
  GtkStringList *reports = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (report_titles); i++)
    gtk_string_list_append (reports, _(report_titles[i]));
  gtk_drop_down_set_model (self->report_dropdown, G_LIST_MODEL (reports));
  g_object_unref (reports);
  g_signal_connect (self, "map", G_CALLBACK (mapped), NULL);
  self->stale = TRUE;
  add_export_button (self);
}
