/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-txn-json.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "daftari-error.h"

char *
daftari_txn_to_json (const DaftariTxn *txn)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "ts");
  json_builder_add_int_value (builder, txn->ts);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, daftari_txn_kind_to_string (txn->kind));
  json_builder_set_member_name (builder, "memo");
  json_builder_add_string_value (builder, txn->memo);
  json_builder_set_member_name (builder, "payee");
  json_builder_add_string_value (builder, txn->payee);
  json_builder_set_member_name (builder, "channel");
  json_builder_add_string_value (builder, txn->channel);
  json_builder_set_member_name (builder, "counterparty");
  json_builder_add_string_value (builder, txn->counterparty);
  json_builder_set_member_name (builder, "reference");
  json_builder_add_string_value (builder, txn->reference);
  json_builder_set_member_name (builder, "splits");
  json_builder_begin_array (builder);
  for (guint i = 0; i < txn->splits->len; i++)
    {
      const DaftariSplit *split = daftari_txn_get_split (txn, i);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "account");
      json_builder_add_int_value (builder, split->account_id);
      json_builder_set_member_name (builder, "amount");
      json_builder_add_int_value (builder, split->amount);
      json_builder_set_member_name (builder, "value");
      json_builder_add_int_value (builder, split->value);
      json_builder_set_member_name (builder, "role");
      json_builder_add_int_value (builder, split->role);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static DaftariTxn *
damaged (GError **error)
{
  g_set_error (error, DAFTARI_BOOK_ERROR, DAFTARI_BOOK_ERROR_CORRUPT,
               _("A saved copy of this transaction in the audit trail is damaged"));
  return NULL;
}

DaftariTxn *
daftari_txn_from_json (const char *json, GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(DaftariTxn) txn = NULL;
  JsonObject *object;
  JsonArray *splits;
  DaftariTxnKind kind;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return damaged (error);
  object = json_node_get_object (json_parser_get_root (parser));
  if (!daftari_txn_kind_from_string (json_object_get_string_member_with_default (object, "kind", ""), &kind) ||
      !json_object_has_member (object, "splits") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "splits")))
    return damaged (error);

  txn = daftari_txn_new (kind, json_object_get_int_member_with_default (object, "ts", 0));
  daftari_txn_set_text (&txn->memo, json_object_get_string_member_with_default (object, "memo", ""));
  daftari_txn_set_text (&txn->payee, json_object_get_string_member_with_default (object, "payee", ""));
  daftari_txn_set_text (&txn->channel, json_object_get_string_member_with_default (object, "channel", ""));
  daftari_txn_set_text (&txn->counterparty, json_object_get_string_member_with_default (object, "counterparty", ""));
  daftari_txn_set_text (&txn->reference, json_object_get_string_member_with_default (object, "reference", ""));
  splits = json_object_get_array_member (object, "splits");
  for (guint i = 0; i < json_array_get_length (splits); i++)
    {
      JsonObject *split = json_array_get_object_element (splits, i);
      if (split == NULL)
        return damaged (error);
      daftari_txn_add_split (txn,
                             json_object_get_int_member_with_default (split, "account", 0),
                             json_object_get_int_member_with_default (split, "amount", 0),
                             json_object_get_int_member_with_default (split, "value", 0),
                             json_object_get_int_member_with_default (split, "role", 0));
    }
  return g_steal_pointer (&txn);
}
