/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-daraja.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "daftari-import-error.h"
#include "daftari-money.h"
#include "daftari-mpesa-details.h"

#define EAT_OFFSET (3 * 3600)

typedef struct {
  DaftariImportParse     *parse;
  GHashTable             *seen;   /* receipt → record index */
  const DaftariCommodity *kes;
} DarajaContext;

/* Daraja writes the same field as a string in one callback and a number in
 * another ("TransAmount":"4.00", "Amount":4.0): both are read as text.
 * Numbers go through the shortest text that reads back as the same double,
 * so 4.1 stays "4.1" and money parsing decides, as for typed amounts. */
static char *
node_text (JsonNode *node)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      /* json-glib lets "\ud800" through as invalid UTF-8; names must
       * stay text for the database and the screen. */
      return g_strstrip (g_utf8_make_valid (json_node_get_string (node), -1));
    case G_TYPE_INT64:
      return g_strdup_printf ("%lld", (long long) json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
    default:
      return NULL;
    }
}

static char *
member_text (JsonObject *object, const char *name)
{
  return node_text (json_object_get_member (object, name));
}

/* 20250310110445, East Africa Time. */
static gboolean
parse_compact_time (const char *text, gint64 *out_ts)
{
  int v[6] = { 0 };
  static const int widths[6] = { 4, 2, 2, 2, 2, 2 };
  const char *p = text;

  if (text == NULL || strlen (text) != 14)
    return FALSE;
  for (guint i = 0; i < 6; i++)
    for (int w = 0; w < widths[i]; w++, p++)
      {
        if (!g_ascii_isdigit (*p))
          return FALSE;
        v[i] = v[i] * 10 + (*p - '0');
      }
  if (v[0] < 1970 || !g_date_valid_dmy (v[2], v[1], v[0]) || v[3] > 23 || v[4] > 59 || v[5] > 59)
    return FALSE;

  g_autoptr(GDateTime) dt = g_date_time_new_utc (v[0], v[1], v[2], v[3], v[4], v[5]);
  if (dt == NULL)
    return FALSE;
  *out_ts = g_date_time_to_unix (dt) - EAT_OFFSET;
  return TRUE;
}

static gboolean
is_receipt (const char *text)
{
  gsize len = text ? strlen (text) : 0;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isupper (text[i]) && !g_ascii_isdigit (text[i]))
      return FALSE;
  return len >= 9 && len <= 10;
}

static void
set_text (char **slot, char *value)
{
  g_free (*slot);
  *slot = value ? value : g_strdup ("");
}

/* What every completed payment needs; a rejected problem otherwise. */
static DaftariImportRow *
new_payment (DarajaContext *ctx, guint index, const char *receipt,
             const char *amount, const char *time)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(DaftariImportRow) row = daftari_import_row_new ();
  gboolean parsed;

  if (receipt == NULL || *receipt == '\0')
    daftari_import_parse_problem (ctx->parse, index, TRUE, _("record %u has no receipt number (TransID)"), index);
  else if (!is_receipt (receipt))
    daftari_import_parse_problem (ctx->parse, index, TRUE, _("record %u: “%s” is not an M-PESA receipt number"),
                                  index, receipt);
  else if (amount == NULL || *amount == '\0')
    daftari_import_parse_problem (ctx->parse, index, TRUE, _("record %u (%s) has no amount"), index, receipt);
  else if (!(parsed = daftari_money_parse (amount, ctx->kes, &row->amount, &local_error)) || row->amount <= 0)
    daftari_import_parse_problem (ctx->parse, index, TRUE, _("record %u (%s): %s"), index, receipt,
                                  parsed ? _("the amount is not a payment") : local_error->message);
  else if (!parse_compact_time (time, &row->ts))
    daftari_import_parse_problem (ctx->parse, index, TRUE,
                                  _("record %u (%s): “%s” is not a time like 20250310110445"),
                                  index, receipt, time ? time : "");
  else if (g_hash_table_contains (ctx->seen, receipt))
    daftari_import_parse_problem (ctx->parse, index, FALSE, _("record %u repeats %s from record %u"),
                                  index, receipt,
                                  GPOINTER_TO_UINT (g_hash_table_lookup (ctx->seen, receipt)));
  else
    {
      g_hash_table_insert (ctx->seen, g_strdup (receipt), GUINT_TO_POINTER (index));
      set_text (&row->receipt, g_strdup (receipt));
      set_text (&row->key, g_strconcat ("daraja:", receipt, NULL));
      row->kind = DAFTARI_MPESA_BUSINESS_RECEIVED;
      row->line = index;
      return g_steal_pointer (&row);
    }
  return NULL;
}

static void
set_phone (DaftariImportRow *row, const char *text)
{
  set_text (&row->phone, text ? daftari_mpesa_phone_normalise (text) : NULL);
}

static char *
c2b_name (JsonObject *object)
{
  static const char *const parts[] = { "FirstName", "MiddleName", "LastName" };
  g_autoptr(GString) name = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *part = member_text (object, parts[i]);
      if (part != NULL)
        g_string_append_printf (name, "%s ", part);
    }
  return daftari_mpesa_clean_name (name->str);
}

static void
read_c2b (DarajaContext *ctx, JsonNode *node, guint index)
{
  JsonObject *object = json_node_get_object (node);
  g_autofree char *receipt = member_text (object, "TransID");
  g_autofree char *amount = member_text (object, "TransAmount");
  g_autofree char *time = member_text (object, "TransTime");
  g_autofree char *phone = member_text (object, "MSISDN");
  g_autofree char *balance = member_text (object, "OrgAccountBalance");
  g_autofree char *reference = member_text (object, "BillRefNumber");
  DaftariImportRow *row = new_payment (ctx, index, receipt, amount, time);

  if (row == NULL)
    return;
  set_phone (row, phone);
  set_text (&row->counterparty, c2b_name (object));
  set_text (&row->shortcode, member_text (object, "BusinessShortCode"));
  set_text (&row->reference, reference ? daftari_mpesa_clean_name (reference) : NULL);
  row->has_balance = balance != NULL && daftari_money_parse (balance, ctx->kes, &row->balance, NULL);
  set_text (&row->details, json_to_string (node, FALSE));
  g_ptr_array_add (ctx->parse->rows, row);
}

/* CallbackMetadata.Item[] as Name → Value; items without a Value are
 * left out (Safaricom sends {"Name":"Balance"} alone). */
static GHashTable *
stk_items (JsonObject *callback)
{
  GHashTable *items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonNode *meta = json_object_get_member (callback, "CallbackMetadata");
  JsonNode *list;

  if (meta == NULL || !JSON_NODE_HOLDS_OBJECT (meta))
    return items;
  list = json_object_get_member (json_node_get_object (meta), "Item");
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    return items;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
    {
      JsonNode *item = json_array_get_element (json_node_get_array (list), i);
      g_autofree char *name = NULL;
      char *value;
      if (!JSON_NODE_HOLDS_OBJECT (item))
        continue;
      name = member_text (json_node_get_object (item), "Name");
      value = member_text (json_node_get_object (item), "Value");
      if (name != NULL && value != NULL)
        g_hash_table_replace (items, g_steal_pointer (&name), value);
      else
        g_free (value);
    }
  return items;
}

static void
read_stk (DarajaContext *ctx, JsonNode *node, JsonObject *callback, guint index)
{
  g_autofree char *code = member_text (callback, "ResultCode");
  g_autofree char *desc = member_text (callback, "ResultDesc");
  g_autoptr(GHashTable) items = NULL;
  DaftariImportRow *row;

  if (code == NULL)
    {
      daftari_import_parse_problem (ctx->parse, index, TRUE, _("record %u is an STK callback with no ResultCode"), index);
      return;
    }
  if (strcmp (code, "0") != 0)
    {
      daftari_import_parse_problem (ctx->parse, index, FALSE,
                                    _("record %u: the payment did not go through (ResultCode %s: %s)"),
                                    index, code, desc ? desc : "");
      return;
    }
  items = stk_items (callback);
  row = new_payment (ctx, index, g_hash_table_lookup (items, "MpesaReceiptNumber"),
                     g_hash_table_lookup (items, "Amount"), g_hash_table_lookup (items, "TransactionDate"));
  if (row == NULL)
    return;
  set_phone (row, g_hash_table_lookup (items, "PhoneNumber"));
  set_text (&row->details, json_to_string (node, FALSE));
  g_ptr_array_add (ctx->parse->rows, row);
}

static JsonObject *
object_member (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static void
read_record (DarajaContext *ctx, JsonNode *node, guint index)
{
  JsonObject *object, *body, *callback = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      daftari_import_parse_problem (ctx->parse, index, TRUE, _("record %u is not a JSON object"), index);
      return;
    }
  object = json_node_get_object (node);
  body = object_member (object, "Body");
  callback = object_member (body ? body : object, "stkCallback");
  if (callback != NULL)
    read_stk (ctx, node, callback, index);
  else if (json_object_has_member (object, "TransID") || json_object_has_member (object, "TransAmount"))
    read_c2b (ctx, node, index);
  else
    daftari_import_parse_problem (ctx->parse, index, TRUE,
                                  _("record %u is neither a C2B confirmation nor an STK callback"), index);
}

static gboolean
check_text (const char *json, gsize length, GError **error)
{
  if (length > DAFTARI_DARAJA_MAX_BYTES)
    {
      g_set_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_TOO_LARGE,
                   _("not Daraja JSON: at %llu MB the file is larger than the %llu MB allowed"),
                   (unsigned long long) (length >> 20), (unsigned long long) (DAFTARI_DARAJA_MAX_BYTES >> 20));
      return FALSE;
    }
  if (memchr (json, '\0', length) != NULL || !g_utf8_validate_len (json, length, NULL))
    {
      g_set_error_literal (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_NOT_TEXT,
                           _("not Daraja JSON: the file is binary or not UTF-8 text"));
      return FALSE;
    }
  return TRUE;
}

DaftariImportParse *
daftari_daraja_parse (const char *json, gsize length, GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(DaftariImportParse) parse = NULL;
  g_autoptr(GError) local_error = NULL;
  DarajaContext ctx;
  JsonNode *root;

  g_return_val_if_fail (json != NULL || length == 0, NULL);
  if (!check_text (json ? json : "", length, error))
    return NULL;
  if (length == 0 || !json_parser_load_from_data (parser, json, (gssize) length, &local_error))
    {
      g_set_error (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_MALFORMED, _("not Daraja JSON: %s"),
                   local_error ? local_error->message : _("the file is empty"));
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !(JSON_NODE_HOLDS_OBJECT (root) || JSON_NODE_HOLDS_ARRAY (root)))
    {
      g_set_error_literal (error, DAFTARI_IMPORT_ERROR, DAFTARI_IMPORT_ERROR_MALFORMED,
                           _("not Daraja JSON: expected a callback object or a list of them"));
      return NULL;
    }

  parse = daftari_import_parse_new ();
  ctx = (DarajaContext) { parse, seen, daftari_commodity_lookup ("KES") };
  if (JSON_NODE_HOLDS_OBJECT (root))
    read_record (&ctx, root, 1);
  else
    for (guint i = 0; i < json_array_get_length (json_node_get_array (root)); i++)
      read_record (&ctx, json_array_get_element (json_node_get_array (root), i), i + 1);
  return g_steal_pointer (&parse);
}
