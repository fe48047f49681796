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

char *
daftari_receipt_fields_to_json_string (const DaftariReceiptFields *fields)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  daftari_receipt_fields_to_json (fields, builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}
