/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-wallet-item.h"

#include "daftari-account.h"
#include "daftari-error.h"
#include "daftari-money.h"
#include "daftari-query.h"
#include "daftari-rates.h"

struct _DaftariWalletItem {
  GObject     parent_instance;
  gint64      id;
  char       *name;
  const char *kind;          /* static */
  char       *institution;
  const char *commodity;     /* static */
  char       *balance;
  gint64      balance_minor;
  char       *value;
  gint64      value_minor;
  gboolean    has_rate;
  gboolean    archived;
  const char *icon_name;     /* static */
};

G_DEFINE_FINAL_TYPE (DaftariWalletItem, daftari_wallet_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND,
  PROP_INSTITUTION,
  PROP_COMMODITY,
  PROP_BALANCE,
  PROP_BALANCE_MINOR,
  PROP_VALUE,
  PROP_VALUE_MINOR,
  PROP_HAS_RATE,
  PROP_ARCHIVED,
  PROP_ICON_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
daftari_wallet_item_finalize (GObject *object)
{
  DaftariWalletItem *self = DAFTARI_WALLET_ITEM (object);

  g_free (self->name);
  g_free (self->institution);
  g_free (self->balance);
  g_free (self->value);
  G_OBJECT_CLASS (daftari_wallet_item_parent_class)->finalize (object);
}

static void
daftari_wallet_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DaftariWalletItem *self = DAFTARI_WALLET_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_INSTITUTION:
      g_value_set_string (value, self->institution);
      break;
    case PROP_COMMODITY:
      g_value_set_string (value, self->commodity);
      break;
    case PROP_BALANCE:
      g_value_set_string (value, self->balance);
      break;
    case PROP_BALANCE_MINOR:
      g_value_set_int64 (value, self->balance_minor);
      break;
    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;
    case PROP_VALUE_MINOR:
      g_value_set_int64 (value, self->value_minor);
      break;
    case PROP_HAS_RATE:
      g_value_set_boolean (value, self->has_rate);
      break;
    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
int64_property (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0,
                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
boolean_property (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
daftari_wallet_item_class_init (DaftariWalletItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = daftari_wallet_item_finalize;
  object_class->get_property = daftari_wallet_item_get_property;

  properties[PROP_ID] = int64_property ("id");
  properties[PROP_NAME] = string_property ("name");
  properties[PROP_KIND] = string_property ("kind");
  properties[PROP_INSTITUTION] = string_property ("institution");
  properties[PROP_COMMODITY] = string_property ("commodity");
  properties[PROP_BALANCE] = string_property ("balance");
  properties[PROP_BALANCE_MINOR] = int64_property ("balance-minor");
  properties[PROP_VALUE] = string_property ("value");
  properties[PROP_VALUE_MINOR] = int64_property ("value-minor");
  properties[PROP_HAS_RATE] = boolean_property ("has-rate");
  properties[PROP_ARCHIVED] = boolean_property ("archived");
  properties[PROP_ICON_NAME] = string_property ("icon-name");
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
daftari_wallet_item_init (DaftariWalletItem *self)
{
}

/* Names that exist in Adwaita 43 (Debian 12) as symbolic icons. */
static const char *
icon_for (DaftariAccountKind kind)
{
  switch (kind)
    {
    case DAFTARI_ACCOUNT_MPESA:
      return "phone-symbolic";
    case DAFTARI_ACCOUNT_BANK:
      return "auth-smartcard-symbolic";
    case DAFTARI_ACCOUNT_CASH:
      return "package-x-generic-symbolic";
    case DAFTARI_ACCOUNT_CRYPTO:
      return "channel-secure-symbolic";
    case DAFTARI_ACCOUNT_INCOME:
    case DAFTARI_ACCOUNT_EXPENSE:
    case DAFTARI_ACCOUNT_RECEIVABLE:
    case DAFTARI_ACCOUNT_LIABILITY:
    case DAFTARI_ACCOUNT_EQUITY:
    default:
      return "folder-symbolic";
    }
}

/* The balance in the book currency at the latest rate; FALSE with no error
 * when there is no rate yet. */
static gboolean
value_of (DaftariBook *book, DaftariWalletItem *self, const DaftariCommodity *commodity, GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (daftari_rates_value (book, commodity, self->balance_minor, G_MAXINT64, &self->value_minor,
                           &local_error))
    {
      self->has_rate = TRUE;
      self->value = daftari_money_format (self->value_minor, daftari_book_get_currency (book), 0);
      return TRUE;
    }
  if (!g_error_matches (local_error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_NO_RATE))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  self->value_minor = 0;
  self->value = g_strdup ("");
  return TRUE;
}

static DaftariWalletItem *
wallet_item_new (DaftariBook *book, const DaftariAccount *account, GError **error)
{
  g_autoptr(DaftariWalletItem) self = g_object_new (DAFTARI_TYPE_WALLET_ITEM, NULL);

  self->id = account->id;
  self->name = g_strdup (account->name);
  self->kind = daftari_account_kind_to_string (account->kind);
  self->institution = g_strdup (account->institution ? account->institution : "");
  self->commodity = account->commodity->code;
  self->archived = account->archived;
  self->icon_name = icon_for (account->kind);
  if (!daftari_query_current_balance (book, account->id, &self->balance_minor, error))
    return NULL;
  self->balance = daftari_money_format (self->balance_minor, account->commodity, 0);
  if (!value_of (book, self, account->commodity, error))
    return NULL;
  return g_steal_pointer (&self);
}

static GPtrArray *
load_wallets (DaftariBook *book, GError **error)
{
  g_autoptr(GPtrArray) accounts = daftari_account_list (book, TRUE, error);
  g_autoptr(GPtrArray) items = NULL;

  if (accounts == NULL)
    return NULL;
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < accounts->len; i++)
    {
      const DaftariAccount *account = g_ptr_array_index (accounts, i);
      DaftariWalletItem *item;

      if (!daftari_account_kind_is_wallet (account->kind))
        continue;
      if ((item = wallet_item_new (book, account, error)) == NULL)
        return NULL;
      g_ptr_array_add (items, item);
    }
  return g_steal_pointer (&items);
}

gboolean
daftari_wallet_list_reload (GListStore *list, DaftariBook *book, GError **error)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (G_IS_LIST_STORE (list), FALSE);
  g_return_val_if_fail (DAFTARI_IS_BOOK (book), FALSE);
  if ((items = load_wallets (book, error)) == NULL)
    return FALSE;
  g_list_store_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)), items->pdata, items->len);
  return TRUE;
}

GListStore *
daftari_wallet_list_new (DaftariBook *book, GError **error)
{
  g_autoptr(GListStore) list = g_list_store_new (DAFTARI_TYPE_WALLET_ITEM);

  if (!daftari_wallet_list_reload (list, book, error))
    return NULL;
  return g_steal_pointer (&list);
}

gint64
daftari_wallet_item_get_id (DaftariWalletItem *self)
{
  g_return_val_if_fail (DAFTARI_IS_WALLET_ITEM (self), 0);
  return self->id;
}

const char *
daftari_wallet_item_get_name (DaftariWalletItem *self)
{
  g_return_val_if_fail (DAFTARI_IS_WALLET_ITEM (self), NULL);
  return self->name;
}

const char *
daftari_wallet_item_get_kind (DaftariWalletItem *self)
{
  g_return_val_if_fail (DAFTARI_IS_WALLET_ITEM (self), NULL);
  return self->kind;
}

const char *
daftari_wallet_item_get_institution (DaftariWalletItem *self)
{
  g_return_val_if_fail (DAFTARI_IS_WALLET_ITEM (self), NULL);
  return self->institution;
}

const char *
daftari_wallet_item_get_commodity (DaftariWalletItem *self)
{
  g_return_val_if_fail (DAFTARI_IS_WALLET_ITEM (self), NULL);
  return self->commodity;
}

const char *
daftari_wallet_item_get_balance (DaftariWalletItem *self)
{
  g_return_val_if_fail (DAFTARI_IS_WALLET_ITEM (self), NULL);
  return self->balance;
}

gint64
daftari_wallet_item_get_balance_minor (DaftariWalletItem *self)
{
  g_return_val_if_fail (DAFTARI_IS_WALLET_ITEM (self), 0);
  return self->balance_minor;
}

const char *
daftari_wallet_item_get_value (DaftariWalletItem *self)
{
  g_return_val_if_fail (DAFTARI_IS_WALLET_ITEM (self), NULL);
  return self->value;
}

gint64
daftari_wallet_item_get_value_minor (DaftariWalletItem *self)
{
  g_return_val_if_fail (DAFTARI_IS_WALLET_ITEM (self), 0);
  return self->value_minor;
}

gboolean
daftari_wallet_item_get_has_rate (DaftariWalletItem *self)
{
  g_return_val_if_fail (DAFTARI_IS_WALLET_ITEM (self), FALSE);
  return self->has_rate;
}

gboolean
daftari_wallet_item_get_archived (DaftariWalletItem *self)
{
  g_return_val_if_fail (DAFTARI_IS_WALLET_ITEM (self), FALSE);
  return self->archived;
}

const char *
daftari_wallet_item_get_icon_name (DaftariWalletItem *self)
{
  g_return_val_if_fail (DAFTARI_IS_WALLET_ITEM (self), NULL);
  return self->icon_name;
}
