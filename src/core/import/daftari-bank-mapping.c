/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-bank-mapping.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "daftari-error.h"

static const char *const date_format_names[] = { "dd/mm/yyyy", "yyyy-mm-dd", "dd-mmm-yyyy" };

/* The layouts assumed for the three banks' CSV exports (docs/import.md
 * says what they are modelled on). Kept as JSON so that they go through
 * the same reading and checks as a remembered mapping. */
static const struct { const char *name; const char *json; } presets[] = {
  { "kcb", "{\"name\":\"kcb\",\"delimiter\":\",\",\"skip_rows\":-1,\"date\":\"Transaction Date\","
           "\"date_format\":\"dd-mmm-yyyy\",\"description\":\"Transaction Details\","
           "\"money_in\":\"Money In\",\"money_out\":\"Money Out\",\"balance\":\"Ledger Balance\","
           "\"reference\":\"Bank Reference Number\",\"decimal\":\".\",\"thousands\":\",\"}" },
  { "equity", "{\"name\":\"equity\",\"delimiter\":\",\",\"skip_rows\":-1,\"date\":\"Transaction Date\","
              "\"date_format\":\"dd/mm/yyyy\",\"description\":\"Narrative\",\"money_in\":\"Credit\","
              "\"money_out\":\"Debit\",\"balance\":\"Running Balance\",\"reference\":\"Transaction Reference\","
              "\"decimal\":\".\",\"thousands\":\",\"}" },
  { "co-op", "{\"name\":\"co-op\",\"delimiter\":\";\",\"skip_rows\":-1,\"date\":\"Posting Date\","
             "\"date_format\":\"yyyy-mm-dd\",\"description\":\"Narration\",\"amount\":\"Amount\","
             "\"indicator\":\"Dr/Cr\",\"debit_marker\":\"DR\",\"balance\":\"Book Balance\","
             "\"reference\":\"Reference\",\"decimal\":\".\",\"thousands\":\",\"}" },
};

DaftariBankMapping *
daftari_bank_mapping_new (void)
{
  DaftariBankMapping *m = g_new0 (DaftariBankMapping, 1);

  m->name = g_strdup ("custom");
  m->delimiter = ',';
  m->skip_rows = -1;
  m->date = g_strdup ("");
  m->date_format = DAFTARI_BANK_DATE_DMY;
  m->description = g_strdup ("");
  m->money_in = g_strdup ("");
  m->money_out = g_strdup ("");
  m->amount = g_strdup ("");
  m->indicator = g_strdup ("");
  m->debit_marker = g_strdup ("DR");
  m->balance = g_strdup ("");
  m->reference = g_strdup ("");
  m->decimal = '.';
  m->thousands = ',';
  return m;
}

/* The text members, for copying and freeing alike. */
static char **
text_member (DaftariBankMapping *m, guint i)
{
  char **members[] = { &m->name, &m->date, &m->description, &m->money_in, &m->money_out, &m->amount,
                       &m->indicator, &m->debit_marker, &m->balance, &m->reference };
  return i < G_N_ELEMENTS (members) ? members[i] : NULL;
}

DaftariBankMapping *
daftari_bank_mapping_copy (const DaftariBankMapping *mapping)
{
  DaftariBankMapping *copy = g_memdup2 (mapping, sizeof *mapping);
  char **slot;

  for (guint i = 0; (slot = text_member (copy, i)) != NULL; i++)
    *slot = g_strdup (*slot);
  return copy;
}

void
daftari_bank_mapping_free (DaftariBankMapping *mapping)
{
  char **slot;

  if (mapping == NULL)
    return;
  for (guint i = 0; (slot = text_member (mapping, i)) != NULL; i++)
    g_free (*slot);
  g_free (mapping);
}

const char *
daftari_bank_date_format_to_string (DaftariBankDateFormat format)
{
  return (guint) format < G_N_ELEMENTS (date_format_names) ? date_format_names[format] : "?";
}

gboolean
daftari_bank_date_format_from_string (const char *text, DaftariBankDateFormat *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (date_format_names); i++)
    if (g_ascii_strcasecmp (text, date_format_names[i]) == 0)
      {
        *out = (DaftariBankDateFormat) i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
invalid (GError **error, const char *message)
{
  g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
               _("The bank CSV mapping is not usable: %s"), message);
  return FALSE;
}

gboolean
daftari_bank_mapping_check (const DaftariBankMapping *m, GError **error)
{
  gboolean two = *m->money_in != '\0' || *m->money_out != '\0';

  if (m->delimiter != ',' && m->delimiter != ';')
    return invalid (error, _("the delimiter must be a comma or a semicolon"));
  if (*m->date == '\0')
    return invalid (error, _("it names no date column"));
  if (*m->description == '\0')
    return invalid (error, _("it names no description column"));
  if (two && *m->amount != '\0')
    return invalid (error, _("it names both an amount column and money in/out columns; choose one"));
  if (!two && *m->amount == '\0')
    return invalid (error, _("it names no money column (money in and out, or one amount)"));
  if (*m->indicator != '\0' && (*m->amount == '\0' || *m->debit_marker == '\0'))
    return invalid (error, _("a debit/credit indicator column needs an amount column and the debit marker"));
  if (m->decimal != '.' && m->decimal != ',')
    return invalid (error, _("the decimal separator must be a point or a comma"));
  if (m->thousands == m->decimal || (m->thousands != '\0' && strchr (",. '", m->thousands) == NULL))
    return invalid (error, _("the thousands separator must be a comma, point, space, apostrophe or none, "
                             "and not the decimal separator"));
  if ((guint) m->date_format >= G_N_ELEMENTS (date_format_names))
    return invalid (error, _("the date format is unknown"));
  if (m->skip_rows < -1 || m->skip_rows > 1000)
    return invalid (error, _("the rows to skip must be between 0 and 1000"));
  return TRUE;
}

static const char *const text_names[] = { "name", "date", "description", "money_in", "money_out", "amount",
                                          "indicator", "debit_marker", "balance", "reference" };

static void
add_char (JsonBuilder *b, const char *name, char c)
{
  char text[2] = { c, '\0' };

  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, text);
}

char *
daftari_bank_mapping_to_json (const DaftariBankMapping *mapping)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  DaftariBankMapping *m = (DaftariBankMapping *) mapping;

  json_builder_begin_object (b);
  for (guint i = 0; i < G_N_ELEMENTS (text_names); i++)
    {
      json_builder_set_member_name (b, text_names[i]);
      json_builder_add_string_value (b, *text_member (m, i));
    }
  json_builder_set_member_name (b, "date_format");
  json_builder_add_string_value (b, daftari_bank_date_format_to_string (m->date_format));
  json_builder_set_member_name (b, "skip_rows");
  json_builder_add_int_value (b, m->skip_rows);
  add_char (b, "delimiter", m->delimiter);
  add_char (b, "decimal", m->decimal);
  add_char (b, "thousands", m->thousands);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

/* A one-character member; "" is '\0'. */
static gboolean
read_char (JsonObject *o, const char *name, char *out, GError **error)
{
  JsonNode *node = json_object_get_member (o, name);
  const char *text;

  if (node == NULL)
    return TRUE;
  text = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
  if (text == NULL || strlen (text) > 1)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” must be one character"), name);
      return invalid (error, message);
    }
  *out = text[0];
  return TRUE;
}

DaftariBankMapping *
daftari_bank_mapping_from_json (const char *json, GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(DaftariBankMapping) m = daftari_bank_mapping_new ();
  JsonNode *root;
  JsonObject *o;

  if (!json_parser_load_from_data (parser, json, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      invalid (error, _("it is not a JSON object"));
      return NULL;
    }
  o = json_node_get_object (root);
  for (guint i = 0; i < G_N_ELEMENTS (text_names); i++)
    {
      JsonNode *node = json_object_get_member (o, text_names[i]);
      if (node == NULL)
        continue;
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_autofree char *message = g_strdup_printf (_("“%s” must be text"), text_names[i]);
          invalid (error, message);
          return NULL;
        }
      g_free (*text_member (m, i));
      *text_member (m, i) = g_strdup (json_node_get_string (node));
    }
  if (json_object_has_member (o, "date_format") &&
      !daftari_bank_date_format_from_string (json_object_get_string_member_with_default (o, "date_format", ""),
                                             &m->date_format))
    {
      invalid (error, _("the date format must be dd/mm/yyyy, yyyy-mm-dd or dd-mmm-yyyy"));
      return NULL;
    }
  m->skip_rows = (int) CLAMP (json_object_get_int_member_with_default (o, "skip_rows", -1), -2, 1001);
  if (!read_char (o, "delimiter", &m->delimiter, error) || !read_char (o, "decimal", &m->decimal, error) ||
      !read_char (o, "thousands", &m->thousands, error) || !daftari_bank_mapping_check (m, error))
    return NULL;
  return g_steal_pointer (&m);
}

DaftariBankMapping *
daftari_bank_mapping_preset (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (g_ascii_strcasecmp (name, presets[i].name) == 0)
      return daftari_bank_mapping_from_json (presets[i].json, NULL);
  return NULL;
}

const char *const *
daftari_bank_mapping_preset_names (void)
{
  static const char *const names[] = { "kcb", "equity", "co-op", NULL };
  return names;
}
