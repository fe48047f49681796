/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-ops.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "daftari-account.h"
#include "daftari-error.h"
#include "daftari-ledger.h"
#include "daftari-money.h"
#include "daftari-phone.h"
#include "daftari-rates.h"

static const char *const channel_names[] = {
  [DAFTARI_PAY_PAYBILL] = "paybill",
  [DAFTARI_PAY_TILL] = "till",
  [DAFTARI_PAY_POCHI] = "pochi",
};

const char *
daftari_pay_channel_to_string (DaftariPayChannel channel)
{
  g_return_val_if_fail (channel < G_N_ELEMENTS (channel_names), "");
  return channel_names[channel];
}

gboolean
daftari_pay_channel_from_string (const char *text, DaftariPayChannel *out_channel)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (channel_names); i++)
    if (g_ascii_strcasecmp (text, channel_names[i]) == 0)
      {
        *out_channel = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
invalid (GError **error, const char *message)
{
  g_set_error_literal (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID, message);
  return FALSE;
}

/* Loads an account and checks it is a wallet (or, with kind_wanted, a
 * category of that kind). */
static DaftariAccount *
load (DaftariBook *book, gint64 id, gboolean wallet, DaftariAccountKind kind_wanted, GError **error)
{
  g_autoptr(DaftariAccount) account = daftari_account_get (book, id, error);

  if (account == NULL)
    return NULL;
  if (wallet && !daftari_account_kind_is_wallet (account->kind))
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                   _("“%s” is not a wallet"), account->name);
      return NULL;
    }
  if (!wallet && account->kind != kind_wanted)
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                   kind_wanted == DAFTARI_ACCOUNT_INCOME ? _("“%s” is not an income category")
                                                         : _("“%s” is not an expense category"),
                   account->name);
      return NULL;
    }
  return g_steal_pointer (&account);
}

/* The ledger's own rule, checked before any account is loaded: the same
 * error as the ledger gives, so a form can mark its amount field. */
static gboolean
check_positive (gint64 amount, GError **error)
{
  if (amount > 0)
    return TRUE;
  g_set_error_literal (error, DAFTARI_RULE_ERROR, DAFTARI_RULE_ERROR_INVALID, _("The amount must be more than zero"));
  return FALSE;
}

DaftariTxn *
daftari_ops_build_opening (DaftariBook *book, gint64 wallet_id, gint64 amount, gint64 ts, GError **error)
{
  g_autoptr(DaftariAccount) wallet = load (book, wallet_id, TRUE, 0, error);
  g_autoptr(DaftariAccount) equity = NULL;
  g_autoptr(DaftariTxn) txn = NULL;
  gint64 value;

  if (wallet == NULL ||
      (equity = daftari_account_find_role (book, DAFTARI_ROLE_OPENING, error)) == NULL ||
      !daftari_rates_value (book, wallet->commodity, amount, ts, &value, error))
    return NULL;
  txn = daftari_txn_new (DAFTARI_TXN_OPENING, ts);
  daftari_txn_set_text (&txn->memo, _("Opening balance"));
  daftari_txn_add_split (txn, wallet->id, amount, value, DAFTARI_SPLIT_NORMAL);
  daftari_txn_add_split (txn, equity->id, -value, -value, DAFTARI_SPLIT_NORMAL);
  return g_steal_pointer (&txn);
}

gboolean
daftari_ops_opening_balance (DaftariBook *book, gint64 wallet_id, gint64 amount, gint64 ts,
                             gint64 *out_id, GError **error)
{
  g_autoptr(DaftariTxn) txn = daftari_ops_build_opening (book, wallet_id, amount, ts, error);
  return txn != NULL && daftari_ledger_post (book, txn, out_id, error);
}

DaftariTxn *
daftari_ops_build_record (DaftariBook *book, DaftariTxnKind kind, gint64 wallet_id, gint64 category_id,
                          gint64 amount, gint64 ts, const char *memo, GError **error)
{
  DaftariAccountKind category_kind = kind == DAFTARI_TXN_INCOME ? DAFTARI_ACCOUNT_INCOME
                                                                : DAFTARI_ACCOUNT_EXPENSE;
  g_autoptr(DaftariAccount) wallet = NULL;
  g_autoptr(DaftariAccount) category = NULL;
  g_autoptr(DaftariTxn) txn = NULL;
  gint64 value, sign = kind == DAFTARI_TXN_INCOME ? 1 : -1;

  g_return_val_if_fail (kind == DAFTARI_TXN_INCOME || kind == DAFTARI_TXN_EXPENSE, NULL);
  if (!check_positive (amount, error) ||
      (wallet = load (book, wallet_id, TRUE, 0, error)) == NULL ||
      (category = load (book, category_id, FALSE, category_kind, error)) == NULL ||
      !daftari_rates_value (book, wallet->commodity, amount, ts, &value, error))
    return NULL;
  txn = daftari_txn_new (kind, ts);
  daftari_txn_set_text (&txn->memo, memo);
  daftari_txn_add_split (txn, wallet->id, sign * amount, sign * value, DAFTARI_SPLIT_NORMAL);
  daftari_txn_add_split (txn, category->id, -sign * value, -sign * value, DAFTARI_SPLIT_NORMAL);
  return g_steal_pointer (&txn);
}

gboolean
daftari_ops_record (DaftariBook *book, DaftariTxnKind kind, gint64 wallet_id, gint64 category_id,
                    gint64 amount, gint64 ts, const char *memo, gint64 *out_id, GError **error)
{
  g_autoptr(DaftariTxn) txn = daftari_ops_build_record (book, kind, wallet_id, category_id, amount, ts,
                                                        memo, error);
  return txn != NULL && daftari_ledger_post (book, txn, out_id, error);
}

/* The fee leg: charges are kept in the book currency. */
static gboolean
add_fee (DaftariBook *book, DaftariTxn *txn, const DaftariCommodity *commodity, gint64 fee,
         gint64 *out_fee_value, GError **error)
{
  g_autoptr(DaftariAccount) charges = NULL;

  *out_fee_value = 0;
  if (fee == 0)
    return TRUE;
  if (fee < 0)
    return invalid (error, _("A fee cannot be negative"));
  if ((charges = daftari_account_find_role (book, DAFTARI_ROLE_CHARGES, error)) == NULL ||
      !daftari_rates_value (book, commodity, fee, txn->ts, out_fee_value, error))
    return FALSE;
  daftari_txn_add_split (txn, charges->id, *out_fee_value, *out_fee_value, DAFTARI_SPLIT_FEE);
  return TRUE;
}

/* The paying wallet's leg: the amount plus the fee, in its commodity. */
static gboolean
add_outflow (DaftariTxn *txn, gint64 wallet_id, gint64 amount, gint64 fee, gint64 value,
             gint64 fee_value, GError **error)
{
  gint64 total, total_value;

  if (!daftari_money_add (amount, fee, &total, error) ||
      !daftari_money_add (value, fee_value, &total_value, error))
    return FALSE;
  daftari_txn_add_split (txn, wallet_id, -total, -total_value, DAFTARI_SPLIT_NORMAL);
  return TRUE;
}

DaftariTxn *
daftari_ops_build_transfer (DaftariBook *book, const DaftariTransferSpec *spec, GError **error)
{
  g_autoptr(DaftariAccount) from = NULL;
  g_autoptr(DaftariAccount) to = NULL;
  g_autoptr(DaftariTxn) txn = daftari_txn_new (DAFTARI_TXN_TRANSFER, spec->ts);
  gint64 from_rate, to_rate, value, to_amount, fee_value;

  if (!check_positive (spec->amount, error) ||
      (from = load (book, spec->from_id, TRUE, 0, error)) == NULL ||
      (to = load (book, spec->to_id, TRUE, 0, error)) == NULL)
    return NULL;
  if (from->id == to->id)
    return invalid (error, _("A transfer needs two different wallets")), NULL;
  if (!daftari_rates_lookup (book, from->commodity, spec->ts, &from_rate, error) ||
      !daftari_rates_lookup (book, to->commodity, spec->ts, &to_rate, error) ||
      !daftari_money_convert (spec->amount, from->commodity, from_rate,
                              daftari_book_get_currency (book), DAFTARI_RATE_ONE, &value, error) ||
      !daftari_money_convert (spec->amount, from->commodity, from_rate, to->commodity, to_rate,
                              &to_amount, error))
    return NULL;
  if (to_amount == 0 || value == 0)
    return invalid (error, _("The amount is too small to arrive as anything in the other wallet")), NULL;

  daftari_txn_set_text (&txn->memo, spec->memo);
  daftari_txn_set_text (&txn->channel, "transfer");
  if (!add_fee (book, txn, from->commodity, spec->fee, &fee_value, error) ||
      !add_outflow (txn, from->id, spec->amount, spec->fee, value, fee_value, error))
    return NULL;
  daftari_txn_add_split (txn, to->id, to_amount, value, DAFTARI_SPLIT_NORMAL);
  return g_steal_pointer (&txn);
}

gboolean
daftari_ops_transfer (DaftariBook *book, const DaftariTransferSpec *spec, gint64 *out_id, GError **error)
{
  g_autoptr(DaftariTxn) txn = daftari_ops_build_transfer (book, spec, error);
  return txn != NULL && daftari_ledger_post (book, txn, out_id, error);
}

/* Checks the number for the channel; a Pochi phone comes back normalised. */
static gboolean
check_payee (const DaftariPaySpec *spec, char **out_number, GError **error)
{
  if (spec->channel == DAFTARI_PAY_POCHI)
    return daftari_phone_normalise (spec->number, out_number, error);
  if (!daftari_shortcode_check (spec->number, error))
    return FALSE;
  if (spec->channel == DAFTARI_PAY_PAYBILL &&
      (spec->account == NULL || *spec->account == '\0' || strlen (spec->account) > 30))
    return invalid (error, _("A Paybill payment needs the account number (up to 30 characters)"));
  *out_number = g_strdup (spec->number);
  return TRUE;
}

static char *
describe_payment (const DaftariPaySpec *spec, const char *number)
{
  if (spec->memo != NULL && *spec->memo != '\0')
    return g_strdup (spec->memo);
  switch (spec->channel)
    {
    case DAFTARI_PAY_PAYBILL:
      return g_strdup_printf (_("Paybill %s, account %s"), number, spec->account);
    case DAFTARI_PAY_TILL:
      return g_strdup_printf (_("Till %s"), number);
    case DAFTARI_PAY_POCHI:
    default:
      return g_strdup_printf (_("Pochi la Biashara %s"), number);
    }
}

DaftariTxn *
daftari_ops_build_payment (DaftariBook *book, const DaftariPaySpec *spec, GError **error)
{
  g_autoptr(DaftariAccount) wallet = NULL;
  g_autoptr(DaftariAccount) category = NULL;
  g_autoptr(DaftariTxn) txn = daftari_txn_new (DAFTARI_TXN_PAYMENT, spec->ts);
  g_autofree char *number = NULL;
  g_autofree char *memo = NULL;
  gint64 value, fee_value;

  if (!check_positive (spec->amount, error) ||
      (wallet = load (book, spec->wallet_id, TRUE, 0, error)) == NULL ||
      !check_payee (spec, &number, error))
    return NULL;
  if (wallet->kind != DAFTARI_ACCOUNT_MPESA && wallet->kind != DAFTARI_ACCOUNT_BANK)
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                   _("Lipa na M-PESA is paid from an M-PESA or bank wallet, not from “%s”"), wallet->name);
      return NULL;
    }
  category = spec->category_id
               ? load (book, spec->category_id, FALSE, DAFTARI_ACCOUNT_EXPENSE, error)
               : daftari_account_find_role (book, DAFTARI_ROLE_OTHER_EXPENSES, error);
  if (category == NULL ||
      !daftari_rates_value (book, wallet->commodity, spec->amount, spec->ts, &value, error))
    return NULL;

  memo = describe_payment (spec, number);
  daftari_txn_set_text (&txn->memo, memo);
  daftari_txn_set_text (&txn->channel, daftari_pay_channel_to_string (spec->channel));
  daftari_txn_set_text (&txn->counterparty, number);
  daftari_txn_set_text (&txn->reference, spec->channel == DAFTARI_PAY_PAYBILL ? spec->account : "");
  daftari_txn_add_split (txn, category->id, value, value, DAFTARI_SPLIT_NORMAL);
  if (!add_fee (book, txn, wallet->commodity, spec->fee, &fee_value, error) ||
      !add_outflow (txn, wallet->id, spec->amount, spec->fee, value, fee_value, error))
    return NULL;
  return g_steal_pointer (&txn);
}

gboolean
daftari_ops_pay (DaftariBook *book, const DaftariPaySpec *spec, gint64 *out_id, GError **error)
{
  g_autoptr(DaftariTxn) txn = daftari_ops_build_payment (book, spec, error);
  return txn != NULL && daftari_ledger_post (book, txn, out_id, error);
}
