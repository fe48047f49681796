/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-report-grid.h"

#include <glib/gi18n.h>

#include "daftari-report-sections.h"

/* Names wrap rather than ellipsize: a narrow window keeps every letter of
 * a payee, and the grid scrolls sideways only when figures do not fit.
 * They keep room for a short word, or a narrow window would squeeze them
 * to a letter a line ("Ca-te-go-ry") while the figures keep theirs. */
#define NAME_MIN_CHARS 14

static GtkWidget *
cell_label (const char *text, gboolean numeric, gboolean bold)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  else
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), NAME_MIN_CHARS);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
    }
  /* Bold at the body's size: "heading" would also make totals larger. */
  if (bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      gtk_label_set_attributes (GTK_LABEL (label), attrs);
      pango_attr_list_unref (attrs);
    }
  return label;
}

static void
attach_heading (GtkGrid *grid, const char *text, int row, int width)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, row > 1 ? 12 : 0);
  gtk_grid_attach (grid, label, 0, row, width, 1);
}

GtkWidget *
daftari_report_grid_new (const DaftariReportTable *table)
{
  GtkWidget *widget = gtk_grid_new ();
  GtkGrid *grid = GTK_GRID (widget);
  int width = (int) table->columns->len;
  const char *section = NULL;
  int line = 0, name_column = 0;

  gtk_grid_set_column_spacing (grid, 18);
  for (guint c = table->columns->len; c-- > 0;)
    if (((DaftariReportColumn *) g_ptr_array_index (table->columns, c))->kind == DAFTARI_REPORT_TEXT)
      name_column = (int) c;
  gtk_grid_set_row_spacing (grid, 6);
  for (guint c = 0; c < table->columns->len; c++)
    {
      const DaftariReportColumn *column = g_ptr_array_index (table->columns, c);
      GtkWidget *label = cell_label (column->label, column->kind != DAFTARI_REPORT_TEXT, FALSE);

      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (grid, label, (int) c, line, 1, 1);
    }
  line++;
  for (guint r = 0; r < table->rows->len; r++)
    {
      const DaftariReportRow *row = g_ptr_array_index (table->rows, r);
      const char *heading = daftari_report_section_heading (row->section);

      if (heading != NULL && g_strcmp0 (section, row->section) != 0)
        attach_heading (grid, heading, line++, width);
      section = row->section;
      for (guint c = 0; c < table->columns->len; c++)
        {
          const DaftariReportColumn *column = g_ptr_array_index (table->columns, c);
          g_autofree char *text = daftari_report_cell_format (table, row, c, TRUE);

          GtkWidget *cell = cell_label (text, column->kind != DAFTARI_REPORT_TEXT, row->total);

          /* The names take what room is left, not the rank before them. */
          gtk_widget_set_hexpand (cell, (int) c == name_column);
          gtk_grid_attach (grid, cell, (int) c, line, 1, 1);
        }
      line++;
    }
  if (table->rows->len == 0)
    {
      GtkWidget *empty = gtk_label_new (_("Nothing in this period."));

      gtk_label_set_xalign (GTK_LABEL (empty), 0);
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_grid_attach (grid, empty, 0, line, width, 1);
    }
  return widget;
}
