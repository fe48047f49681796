/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-txn.h"

G_DEFINE_BOXED_TYPE (DaftariTxn, daftari_txn, daftari_txn_copy, daftari_txn_free)

static const char *const kind_names[] = {
  [DAFTARI_TXN_OPENING] = "opening",
  [DAFTARI_TXN_INCOME] = "income",
  [DAFTARI_TXN_EXPENSE] = "expense",
  [DAFTARI_TXN_TRANSFER] = "transfer",
  [DAFTARI_TXN_PAYMENT] = "payment",
  [DAFTARI_TXN_GENERAL] = "general",
};

DaftariTxn *
daftari_txn_new (DaftariTxnKind kind, gint64 ts)
{
  DaftariTxn *txn = g_new0 (DaftariTxn, 1);

  txn->kind = kind;
  txn->ts = ts;
  txn->memo = g_strdup ("");
  txn->payee = g_strdup ("");
  txn->channel = g_strdup ("");
  txn->counterparty = g_strdup ("");
  txn->reference = g_strdup ("");
  txn->splits = g_array_sized_new (FALSE, TRUE, sizeof (DaftariSplit), 3);
  return txn;
}

DaftariTxn *
daftari_txn_copy (const DaftariTxn *txn)
{
  DaftariTxn *copy = g_memdup2 (txn, sizeof *txn);

  copy->memo = g_strdup (txn->memo);
  copy->payee = g_strdup (txn->payee);
  copy->channel = g_strdup (txn->channel);
  copy->counterparty = g_strdup (txn->counterparty);
  copy->reference = g_strdup (txn->reference);
  copy->splits = g_array_copy (txn->splits);
  return copy;
}

void
daftari_txn_free (DaftariTxn *txn)
{
  if (txn == NULL)
    return;
  g_free (txn->memo);
  g_free (txn->payee);
  g_free (txn->channel);
  g_free (txn->counterparty);
  g_free (txn->reference);
  g_array_unref (txn->splits);
  g_free (txn);
}

void
daftari_txn_add_split (DaftariTxn *txn, gint64 account_id, gint64 amount, gint64 value,
                       DaftariSplitRole role)
{
  DaftariSplit split = { account_id, amount, value, role };
  g_array_append_val (txn->splits, split);
}

DaftariSplit *
daftari_txn_get_split (const DaftariTxn *txn, guint index)
{
  return &g_array_index (txn->splits, DaftariSplit, index);
}

/* Replaces a text field; NULL becomes "" so stored text is never NULL. */
void
daftari_txn_set_text (char **field, const char *text)
{
  g_free (*field);
  *field = g_strdup (text ? text : "");
}

gint64
daftari_txn_get_principal (const DaftariTxn *txn)
{
  gint64 principal = 0;

  for (guint i = 0; i < txn->splits->len; i++)
    {
      const DaftariSplit *split = daftari_txn_get_split (txn, i);
      /* Saturates: a sum past G_MAXINT64 is over any limit anyway. */
      if (split->role != DAFTARI_SPLIT_FEE && split->value > 0 &&
          __builtin_add_overflow (principal, split->value, &principal))
        return G_MAXINT64;
    }
  return principal;
}

const char *
daftari_txn_kind_to_string (DaftariTxnKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), "");
  return kind_names[kind];
}

gboolean
daftari_txn_kind_from_string (const char *text, DaftariTxnKind *out_kind)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (kind_names); i++)
    if (g_str_equal (text, kind_names[i]))
      {
        *out_kind = i;
        return TRUE;
      }
  return FALSE;
}
