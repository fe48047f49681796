/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-report-table.h"

#include <string.h>

#include "daftari-money.h"

static void
column_free (DaftariReportColumn *column)
{
  g_free (column->key);
  g_free (column->label);
  g_free (column);
}

static void
fact_free (DaftariReportFact *fact)
{
  g_free (fact->key);
  g_free (fact->label);
  g_free (fact);
}

typedef struct {
  DaftariReportRow row;
  guint            n_cells;
} RowBox;

static void
row_free (DaftariReportRow *row)
{
  RowBox *box = (RowBox *) row;

  for (guint i = 0; i < box->n_cells; i++)
    g_free (row->cells[i].text);
  g_free (row->cells);
  g_free (row->section);
  g_free (box);
}

DaftariReportTable *
daftari_report_table_new (const char *name, const char *title, const DaftariCommodity *currency)
{
  DaftariReportTable *table = g_new0 (DaftariReportTable, 1);

  table->name = g_strdup (name);
  table->title = g_strdup (title);
  table->currency = currency;
  table->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  table->facts = g_ptr_array_new_with_free_func ((GDestroyNotify) fact_free);
  return table;
}

void
daftari_report_table_free (DaftariReportTable *table)
{
  if (table == NULL)
    return;
  g_free (table->name);
  g_free (table->title);
  g_free (table->subtitle);
  g_free (table->from);
  g_free (table->to);
  g_ptr_array_unref (table->columns);
  g_ptr_array_unref (table->rows);
  g_ptr_array_unref (table->facts);
  g_free (table);
}

void
daftari_report_table_column (DaftariReportTable *table, const char *key, const char *label,
                             DaftariReportCellKind kind)
{
  DaftariReportColumn *column = g_new0 (DaftariReportColumn, 1);

  g_return_if_fail (table->rows->len == 0);
  column->key = g_strdup (key);
  column->label = g_strdup (label);
  column->kind = kind;
  g_ptr_array_add (table->columns, column);
}

DaftariReportRow *
daftari_report_table_row (DaftariReportTable *table, const char *section, gboolean total)
{
  RowBox *box = g_new0 (RowBox, 1);

  box->n_cells = table->columns->len;
  box->row.section = g_strdup (section);
  box->row.total = total;
  box->row.commodity = table->currency;
  box->row.cells = g_new0 (DaftariReportCell, box->n_cells);
  for (guint i = 0; i < box->n_cells; i++)
    box->row.cells[i].empty = TRUE;
  g_ptr_array_add (table->rows, box);
  return &box->row;
}

void
daftari_report_row_text (DaftariReportRow *row, guint column, const char *text)
{
  g_return_if_fail (column < ((RowBox *) row)->n_cells);
  g_free (row->cells[column].text);
  row->cells[column].text = g_strdup (text);
  row->cells[column].empty = text == NULL;
}

void
daftari_report_row_number (DaftariReportRow *row, guint column, gint64 number)
{
  g_return_if_fail (column < ((RowBox *) row)->n_cells);
  row->cells[column].number = number;
  row->cells[column].empty = FALSE;
}

void
daftari_report_table_fact (DaftariReportTable *table, const char *key, const char *label,
                           DaftariReportCellKind kind, gint64 number)
{
  DaftariReportFact *fact = g_new0 (DaftariReportFact, 1);

  fact->key = g_strdup (key);
  fact->label = g_strdup (label);
  fact->kind = kind;
  fact->cell.number = number;
  g_ptr_array_add (table->facts, fact);
}

void
daftari_report_table_period (DaftariReportTable *table, DaftariDay from, DaftariDay to)
{
  g_free (table->from);
  g_free (table->to);
  g_free (table->subtitle);
  table->from = from ? daftari_day_format (from) : NULL;
  table->to = daftari_day_format (to);
  table->subtitle = from ? g_strdup_printf ("%s – %s", table->from, table->to) : g_strdup (table->to);
}

static char *
format_number (DaftariReportCellKind kind, const DaftariCommodity *commodity, const DaftariReportCell *cell,
               gboolean for_people)
{
  if (cell->empty)
    return g_strdup ("");
  switch (kind)
    {
    case DAFTARI_REPORT_MONEY:
      return daftari_money_format (cell->number, commodity,
                                   DAFTARI_MONEY_FORMAT_NO_CODE |
                                   (for_people ? 0 : DAFTARI_MONEY_FORMAT_NO_GROUPING));
    case DAFTARI_REPORT_PERCENT:
      {
        guint64 magnitude = cell->number < 0 ? -(guint64) cell->number : (guint64) cell->number;
        return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u%s", cell->number < 0 ? "-" : "",
                                magnitude / 100, (guint) (magnitude % 100), for_people ? "%" : "");
      }
    case DAFTARI_REPORT_COUNT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, cell->number);
    case DAFTARI_REPORT_TEXT:
    default:
      return g_strdup (cell->text ? cell->text : "");
    }
}

char *
daftari_report_cell_format (const DaftariReportTable *table, const DaftariReportRow *row, guint column,
                            gboolean for_people)
{
  const DaftariReportColumn *col = g_ptr_array_index (table->columns, column);
  return format_number (col->kind, row->commodity, &row->cells[column], for_people);
}

void
daftari_csv_append_field (GString *line, const char *field)
{
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (line, field);
      return;
    }
  g_string_append_c (line, '"');
  for (const char *p = field; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

char *
daftari_report_table_to_csv (const DaftariReportTable *table)
{
  GString *csv = g_string_new ("section");

  for (guint c = 0; c < table->columns->len; c++)
    {
      const DaftariReportColumn *column = g_ptr_array_index (table->columns, c);
      g_string_append_c (csv, ',');
      daftari_csv_append_field (csv, column->key);
    }
  g_string_append (csv, "\r\n");
  for (guint r = 0; r < table->rows->len; r++)
    {
      const DaftariReportRow *row = g_ptr_array_index (table->rows, r);
      daftari_csv_append_field (csv, row->section);
      for (guint c = 0; c < table->columns->len; c++)
        {
          g_autofree char *text = daftari_report_cell_format (table, row, c, FALSE);
          g_string_append_c (csv, ',');
          daftari_csv_append_field (csv, text);
        }
      g_string_append (csv, "\r\n");
    }
  return g_string_free (csv, FALSE);
}

/* "amount": "1234.50" with "amount_minor": 123450 beside it, as every
 * --json of daftari-cli gives money; a percentage as "12.50"; null when empty. */
static void
add_member (JsonBuilder *builder, const char *key, DaftariReportCellKind kind, const DaftariCommodity *commodity,
            const DaftariReportCell *cell)
{
  g_autofree char *text = format_number (kind, commodity, cell, FALSE);

  json_builder_set_member_name (builder, key);
  if (cell->empty)
    json_builder_add_null_value (builder);
  else if (kind == DAFTARI_REPORT_COUNT)
    json_builder_add_int_value (builder, cell->number);
  else
    json_builder_add_string_value (builder, text);
  if (kind == DAFTARI_REPORT_MONEY)
    {
      g_autofree char *minor = g_strconcat (key, "_minor", NULL);
      json_builder_set_member_name (builder, minor);
      if (cell->empty)
        json_builder_add_null_value (builder);
      else
        json_builder_add_int_value (builder, cell->number);
    }
}

static void
add_string (JsonBuilder *builder, const char *key, const char *value)
{
  json_builder_set_member_name (builder, key);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

static void
add_columns (JsonBuilder *builder, const DaftariReportTable *table)
{
  static const char *const kinds[] = { "text", "money", "percent", "count" };

  json_builder_set_member_name (builder, "columns");
  json_builder_begin_array (builder);
  for (guint c = 0; c < table->columns->len; c++)
    {
      const DaftariReportColumn *column = g_ptr_array_index (table->columns, c);
      json_builder_begin_object (builder);
      add_string (builder, "key", column->key);
      add_string (builder, "label", column->label);
      add_string (builder, "kind", kinds[column->kind]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

JsonNode *
daftari_report_table_to_json (const DaftariReportTable *table)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string (builder, "report", table->name);
  add_string (builder, "title", table->title);
  add_string (builder, "from", table->from);
  add_string (builder, "to", table->to);
  add_string (builder, "currency", table->currency->code);
  add_columns (builder, table);
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint r = 0; r < table->rows->len; r++)
    {
      const DaftariReportRow *row = g_ptr_array_index (table->rows, r);
      json_builder_begin_object (builder);
      add_string (builder, "section", row->section);
      json_builder_set_member_name (builder, "total");
      json_builder_add_boolean_value (builder, row->total);
      if (row->commodity != table->currency)
        add_string (builder, "commodity", row->commodity->code);
      for (guint c = 0; c < table->columns->len; c++)
        {
          const DaftariReportColumn *column = g_ptr_array_index (table->columns, c);
          add_member (builder, column->key, column->kind, row->commodity, &row->cells[c]);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  for (guint f = 0; f < table->facts->len; f++)
    {
      const DaftariReportFact *fact = g_ptr_array_index (table->facts, f);
      add_member (builder, fact->key, fact->kind, table->currency, &fact->cell);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
