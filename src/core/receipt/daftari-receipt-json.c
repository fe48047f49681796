/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-receipt-json.h"

void
daftari_receipt_box_to_json (const DaftariReceiptBox *box, JsonBuilder *builder)
{
  json_builder_begin_array (builder);
  json_builder_add_int_value (builder, box->x);
  json_builder_add_int_value (builder, box->y);
  json_builder_add_int_value (builder, box->width);
  json_builder_add_int_value (builder, box->height);
  json_builder_end_array (builder);
}

static void
add_boxes (JsonBuilder *builder, GArray *boxes)
{
  json_builder_set_member_name (builder, "boxes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < boxes->len; i++)
    daftari_receipt_box_to_json (&g_array_index (boxes, DaftariReceiptBox, i), builder);
  json_builder_end_array (builder);
}

void
daftari_receipt_fields_to_json (const DaftariReceiptFields *fields, JsonBuilder *builder)
{
  for (guint i = 0; i < DAFTARI_RECEIPT_N_FIELDS; i++)
    {
      const DaftariReceiptField *field = &fields->field[i];

      json_builder_set_member_name (builder, daftari_receipt_field_name (i));
      if (field->value == NULL)
        {
          json_builder_add_null_value (builder);
          continue;
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "value");
      json_builder_add_string_value (builder, field->value);
      json_builder_set_member_name (builder, "confidence");
      json_builder_add_int_value (builder, field->confidence);
      add_boxes (builder, field->boxes);
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "total_checked");
  json_builder_add_boolean_value (builder, fields->total_checked);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < fields->items->len; i++)
    {
      const DaftariReceiptItem *item = g_ptr_array_index (fields->items, i);
      g_autofree char *amount = daftari_receipt_format_amount (item->amount);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "description");
      json_builder_add_string_value (builder, item->description);
      json_builder_set_member_name (builder, "amount");
      json_builder_add_string_value (builder, amount);
      json_builder_set_member_name (builder, "confidence");
      json_builder_add_int_value (builder, item->confidence);
      add_boxes (builder, item->boxes);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

void
daftari_receipt_picture_to_json (const DaftariReceiptScan *scan, JsonBuilder *builder)
{
  json_builder_set_member_name (builder, "width");
  json_builder_add_int_value (builder, scan->width);
  json_builder_set_member_name (builder, "height");
  json_builder_add_int_value (builder, scan->height);
  json_builder_set_member_name (builder, "paper");
  daftari_receipt_box_to_json (&scan->paper, builder);
}

/* The fields as a JSON object; with the picture's geometry first when scan
 * is given. */
static char *
object_string (const DaftariReceiptFields *fields, const DaftariReceiptScan *scan)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  if (scan != NULL)
    daftari_receipt_picture_to_json (scan, builder);
  daftari_receipt_fields_to_json (fields, builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

char *
daftari_receipt_fields_to_json_string (const DaftariReceiptFields *fields)
{
  return object_string (fields, NULL);
}

char *
daftari_receipt_details_to_json_string (const DaftariReceiptScan *scan)
{
  return object_string (scan->fields, scan);
}

gboolean
daftari_receipt_box_from_json (JsonNode *node, DaftariReceiptBox *box)
{
  JsonArray *array = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  int values[4];

  if (array == NULL || json_array_get_length (array) != 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      JsonNode *value = json_array_get_element (array, i);

      if (json_node_get_value_type (value) != G_TYPE_INT64)
        return FALSE;
      values[i] = (int) CLAMP (json_node_get_int (value), 0, G_MAXINT);
    }
  *box = (DaftariReceiptBox) { values[0], values[1], values[2], values[3] };
  return TRUE;
}

gboolean
daftari_receipt_details_paper (const char *details, int *width, int *height, DaftariReceiptBox *paper)
{
  g_autoptr(JsonNode) node = details != NULL && *details != '\0' ? json_from_string (details, NULL) : NULL;
  JsonObject *object = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

  if (object == NULL || !daftari_receipt_box_from_json (json_object_get_member (object, "paper"), paper))
    return FALSE;
  *width = (int) CLAMP (json_object_get_int_member_with_default (object, "width", 0), 0, G_MAXINT);
  *height = (int) CLAMP (json_object_get_int_member_with_default (object, "height", 0), 0, G_MAXINT);
  return *width > 0 && *height > 0;
}
