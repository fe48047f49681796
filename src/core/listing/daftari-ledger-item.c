/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-listing-private.h"

G_DEFINE_FINAL_TYPE (DaftariLedgerItem, daftari_ledger_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TS,
  PROP_DATE,
  PROP_KIND,
  PROP_DESCRIPTION,
  PROP_ACCOUNTS,
  PROP_AMOUNT,
  PROP_AMOUNT_MINOR,
  PROP_BALANCE,
  PROP_BALANCE_MINOR,
  PROP_VOIDED,
  PROP_HAS_RECEIPT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
daftari_ledger_item_finalize (GObject *object)
{
  DaftariLedgerItem *self = DAFTARI_LEDGER_ITEM (object);

  g_free (self->date);
  g_free (self->description);
  g_free (self->accounts);
  g_free (self->amount);
  g_free (self->balance);
  G_OBJECT_CLASS (daftari_ledger_item_parent_class)->finalize (object);
}

static void
daftari_ledger_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DaftariLedgerItem *self = DAFTARI_LEDGER_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TS:
      g_value_set_int64 (value, self->ts);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_ACCOUNTS:
      g_value_set_string (value, self->accounts);
      break;
    case PROP_AMOUNT:
      g_value_set_string (value, self->amount);
      break;
    case PROP_AMOUNT_MINOR:
      g_value_set_int64 (value, self->amount_minor);
      break;
    case PROP_BALANCE:
      g_value_set_string (value, self->balance);
      break;
    case PROP_BALANCE_MINOR:
      g_value_set_int64 (value, self->balance_minor);
      break;
    case PROP_VOIDED:
      g_value_set_boolean (value, self->voided);
      break;
    case PROP_HAS_RECEIPT:
      g_value_set_boolean (value, self->has_receipt);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
int64_property (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0,
                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
daftari_ledger_item_class_init (DaftariLedgerItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = daftari_ledger_item_finalize;
  object_class->get_property = daftari_ledger_item_get_property;

  properties[PROP_ID] = int64_property ("id");
  properties[PROP_TS] = int64_property ("ts");
  properties[PROP_DATE] = string_property ("date");
  properties[PROP_KIND] = string_property ("kind");
  properties[PROP_DESCRIPTION] = string_property ("description");
  properties[PROP_ACCOUNTS] = string_property ("accounts");
  properties[PROP_AMOUNT] = string_property ("amount");
  properties[PROP_AMOUNT_MINOR] = int64_property ("amount-minor");
  properties[PROP_BALANCE] = string_property ("balance");
  properties[PROP_BALANCE_MINOR] = int64_property ("balance-minor");
  properties[PROP_VOIDED] = g_param_spec_boolean ("voided", NULL, NULL, FALSE,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_RECEIPT] = g_param_spec_boolean ("has-receipt", NULL, NULL, FALSE,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
daftari_ledger_item_init (DaftariLedgerItem *self)
{
  self->kind = "";
}

DaftariLedgerItem *
daftari_ledger_item_new_placeholder (gint64 id)
{
  DaftariLedgerItem *self = g_object_new (DAFTARI_TYPE_LEDGER_ITEM, NULL);

  self->id = id;
  self->date = g_strdup ("");
  self->description = g_strdup ("");
  self->accounts = g_strdup ("");
  self->amount = g_strdup ("");
  self->balance = g_strdup ("");
  return self;
}

gint64
daftari_ledger_item_get_id (DaftariLedgerItem *self)
{
  g_return_val_if_fail (DAFTARI_IS_LEDGER_ITEM (self), 0);
  return self->id;
}

gint64
daftari_ledger_item_get_ts (DaftariLedgerItem *self)
{
  g_return_val_if_fail (DAFTARI_IS_LEDGER_ITEM (self), 0);
  return self->ts;
}

const char *
daftari_ledger_item_get_date (DaftariLedgerItem *self)
{
  g_return_val_if_fail (DAFTARI_IS_LEDGER_ITEM (self), NULL);
  return self->date;
}

const char *
daftari_ledger_item_get_kind (DaftariLedgerItem *self)
{
  g_return_val_if_fail (DAFTARI_IS_LEDGER_ITEM (self), NULL);
  return self->kind;
}

const char *
daftari_ledger_item_get_description (DaftariLedgerItem *self)
{
  g_return_val_if_fail (DAFTARI_IS_LEDGER_ITEM (self), NULL);
  return self->description;
}

const char *
daftari_ledger_item_get_accounts (DaftariLedgerItem *self)
{
  g_return_val_if_fail (DAFTARI_IS_LEDGER_ITEM (self), NULL);
  return self->accounts;
}

const char *
daftari_ledger_item_get_amount (DaftariLedgerItem *self)
{
  g_return_val_if_fail (DAFTARI_IS_LEDGER_ITEM (self), NULL);
  return self->amount;
}

gint64
daftari_ledger_item_get_amount_minor (DaftariLedgerItem *self)
{
  g_return_val_if_fail (DAFTARI_IS_LEDGER_ITEM (self), 0);
  return self->amount_minor;
}

const char *
daftari_ledger_item_get_balance (DaftariLedgerItem *self)
{
  g_return_val_if_fail (DAFTARI_IS_LEDGER_ITEM (self), NULL);
  return self->balance;
}

gint64
daftari_ledger_item_get_balance_minor (DaftariLedgerItem *self)
{
  g_return_val_if_fail (DAFTARI_IS_LEDGER_ITEM (self), 0);
  return self->balance_minor;
}

gboolean
daftari_ledger_item_get_voided (DaftariLedgerItem *self)
{
  g_return_val_if_fail (DAFTARI_IS_LEDGER_ITEM (self), FALSE);
  return self->voided;
}

gboolean
daftari_ledger_item_get_has_receipt (DaftariLedgerItem *self)
{
  g_return_val_if_fail (DAFTARI_IS_LEDGER_ITEM (self), FALSE);
  return self->has_receipt;
}
