/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Scoring a payment against the invoices it may settle. Candidates come
 * only from indexes: the invoice number the reference names (and its
 * one-slip neighbours, found by the symmetric-delete trick: a key and each
 * key with one character deleted), the open invoices of customers the payer
 * looks like (phone, name, learned alias), and invoices owing exactly the
 * amount. Points per piece of evidence add up; docs/reconcile.md lists
 * them and why they are what they are. */
#include "daftari-reconcile-matcher-private.h"

#include <string.h>

#include "daftari-reconcile-text.h"

/* ---- Days ---- */

/* Days since 1970-01-01 of a YYYYMMDD day (H. Hinnant's days_from_civil). */
gint32
daftari_reconcile_julian (DaftariDay day)
{
  int y = day / 10000, m = (day / 100) % 100, d = day % 100;
  int era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/* ---- Index helpers ---- */

static void
multi_add (GHashTable *table, gpointer key, gpointer value, GDestroyNotify free_key)
{
  GPtrArray *list = g_hash_table_lookup (table, key);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (table, key, list);
    }
  else if (free_key != NULL)
    free_key (key);
  g_ptr_array_add (list, value);
}

static void
multi_remove (GHashTable *table, gconstpointer key, gpointer value)
{
  GPtrArray *list = g_hash_table_lookup (table, key);

  if (list != NULL)
    g_ptr_array_remove_fast (list, value);
}

static gint64 *
boxed (gint64 value)
{
  gint64 *box = g_new (gint64, 1);
  *box = value;
  return box;
}

static void
inv_free (gpointer data)
{
  Inv *inv = data;
  g_free ((char *) inv->pub.number);
  g_free (inv->key);
  g_free (inv);
}

static void
cust_free (gpointer data)
{
  Cust *cust = data;
  g_free (cust->name);
  g_free (cust->phone);
  g_ptr_array_unref (cust->invoices);
  g_free (cust);
}

static GHashTable *
string_index (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
}

DaftariReconcileMatcher *
daftari_reconcile_matcher_new (void)
{
  DaftariReconcileMatcher *m = g_new0 (DaftariReconcileMatcher, 1);

  m->invoices = g_ptr_array_new_with_free_func (inv_free);
  m->invoice_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  m->by_variant = string_index ();
  m->by_sequence = string_index ();
  m->by_amount = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  m->customers = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, cust_free);
  m->by_phone = string_index ();
  m->by_phone_end = string_index ();
  m->by_name = string_index ();
  m->by_token_pair = string_index ();
  m->by_token = string_index ();
  m->aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  m->rejected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return m;
}

void
daftari_reconcile_matcher_free (DaftariReconcileMatcher *m)
{
  if (m == NULL)
    return;
  g_hash_table_destroy (m->invoice_by_id);
  g_hash_table_destroy (m->by_variant);
  g_hash_table_destroy (m->by_sequence);
  g_hash_table_destroy (m->by_amount);
  g_hash_table_destroy (m->by_phone);
  g_hash_table_destroy (m->by_phone_end);
  g_hash_table_destroy (m->by_name);
  g_hash_table_destroy (m->by_token_pair);
  g_hash_table_destroy (m->by_token);
  g_hash_table_destroy (m->aliases);
  g_hash_table_destroy (m->rejected);
  g_hash_table_destroy (m->customers);
  g_ptr_array_unref (m->invoices);
  g_free (m);
}

/* ---- Customers and aliases ---- */

/* "JOHN KAMAU MWANGI" → "JOH", "KAM", "MWA": names are compared on the
 * first three letters of their tokens for finding, in full for scoring. */
GPtrArray *
daftari_reconcile_name_prefixes (const char *name)
{
  g_auto(GStrv) tokens = g_strsplit (name, " ", 8);
  GPtrArray *prefixes = g_ptr_array_new_with_free_func (g_free);

  /* An initial stays one letter: "J KAMAU" gives "J", "KAM". */
  for (guint i = 0; tokens[i] != NULL; i++)
    if (*tokens[i] != '\0')
      g_ptr_array_add (prefixes, g_strndup (tokens[i], 3));
  return prefixes;
}

char *
daftari_reconcile_pair_key (const char *a, const char *b)
{
  return strcmp (a, b) <= 0 ? g_strconcat (a, "|", b, NULL) : g_strconcat (b, "|", a, NULL);
}

static Cust *
customer_of (DaftariReconcileMatcher *m, gint64 id)
{
  Cust *cust = g_hash_table_lookup (m->customers, &id);

  if (cust == NULL)
    {
      cust = g_new0 (Cust, 1);
      cust->id = id;
      cust->name = g_strdup ("");
      cust->phone = g_strdup ("");
      cust->invoices = g_ptr_array_new ();
      g_hash_table_insert (m->customers, &cust->id, cust);
    }
  return cust;
}

void
daftari_reconcile_matcher_add_customer (DaftariReconcileMatcher *m, gint64 id, const char *name, const char *phone)
{
  Cust *cust = customer_of (m, id);
  g_autoptr(GPtrArray) prefixes = NULL;
  char *key;

  g_free (cust->name);
  g_free (cust->phone);
  cust->name = daftari_name_normalise (name);
  key = daftari_payer_phone (phone);
  cust->phone = key != NULL ? key : g_strdup ("");
  if (*cust->phone != '\0')
    {
      multi_add (m->by_phone, g_strdup (cust->phone), cust, g_free);
      multi_add (m->by_phone_end, g_strdup (cust->phone + strlen (cust->phone) - 3), cust, g_free);
    }
  if (*cust->name == '\0')
    return;
  multi_add (m->by_name, g_strdup (cust->name), cust, g_free);
  prefixes = daftari_reconcile_name_prefixes (cust->name);
  for (guint i = 0; i < prefixes->len; i++)
    {
      const char *a = g_ptr_array_index (prefixes, i);
      multi_add (m->by_token, g_strdup (a), cust, g_free);
      for (guint j = 0; j < prefixes->len; j++)
        {
          const char *b = g_ptr_array_index (prefixes, j);
          char initial[2] = { a[0], '\0' };
          if (i < j)
            multi_add (m->by_token_pair, daftari_reconcile_pair_key (a, b), cust, g_free);
          /* Payers written with an initial ("J KAMAU") find them too. */
          if (i != j && a[1] != '\0')
            multi_add (m->by_token_pair, daftari_reconcile_pair_key (initial, b), cust, g_free);
        }
    }
}

const char *
daftari_alias_kind_to_string (DaftariAliasKind kind)
{
  switch (kind)
    {
    case DAFTARI_ALIAS_PHONE: return "phone";
    case DAFTARI_ALIAS_NAME: return "name";
    case DAFTARI_ALIAS_REFERENCE: return "reference";
    default: g_return_val_if_reached ("name");
    }
}

char *
daftari_alias_key (DaftariAliasKind kind, const char *text)
{
  char *key = NULL;

  switch (kind)
    {
    case DAFTARI_ALIAS_PHONE:
      /* A masked phone fits many people: not something to learn. */
      key = daftari_payer_phone (text);
      if (key != NULL && strchr (key, '*') != NULL)
        g_clear_pointer (&key, g_free);
      break;
    case DAFTARI_ALIAS_NAME:
    case DAFTARI_ALIAS_REFERENCE:
      key = daftari_name_normalise (text);
      /* References that are digits (numbers, phones) are kept as digits. */
      if (kind != DAFTARI_ALIAS_REFERENCE)
        break;
      /* A reference tells who pays when it is a name of two words or
       * more; a single word (GOODS, RENT) could come from anyone. Phones
       * typed as the account are kept as digits. */
      if (*key == '\0' && text != NULL)
        {
          g_free (key);
          key = daftari_payer_phone (text);
        }
      else if (strchr (key, ' ') == NULL)
        g_clear_pointer (&key, g_free);
      break;
    }
  if (key != NULL && *key == '\0')
    g_clear_pointer (&key, g_free);
  return key;
}

void
daftari_reconcile_matcher_add_alias (DaftariReconcileMatcher *m, DaftariAliasKind kind, const char *key,
                                     gint64 customer_id)
{
  g_autofree char *norm = daftari_alias_key (kind, key);

  if (norm != NULL)
    g_hash_table_replace (m->aliases, g_strconcat (daftari_alias_kind_to_string (kind), ":", norm, NULL),
                          boxed (customer_id));
}

char *
daftari_reconcile_rejected_key (gint64 txn_id, gint64 invoice_id)
{
  return g_strdup_printf ("%lld:%lld", (long long) txn_id, (long long) invoice_id);
}

void
daftari_reconcile_matcher_reject (DaftariReconcileMatcher *m, gint64 txn_id, gint64 invoice_id)
{
  g_hash_table_add (m->rejected, daftari_reconcile_rejected_key (txn_id, invoice_id));
}

/* ---- Invoices ---- */

static void
index_variants (DaftariReconcileMatcher *m, Inv *inv)
{
  gsize len = strlen (inv->key);

  multi_add (m->by_variant, g_strdup (inv->key), inv, g_free);
  for (gsize i = 0; i < len; i++)
    {
      /* Deleting either of two equal neighbours gives the same variant: once is enough. */
      if (i > 0 && inv->key[i] == inv->key[i - 1])
        continue;
      char *variant = g_strndup (inv->key, len - 1);
      memcpy (variant + i, inv->key + i + 1, len - i - 1);
      multi_add (m->by_variant, variant, inv, g_free);
    }
}

static void
amount_index_add (DaftariReconcileMatcher *m, Inv *inv)
{
  gint64 key = inv->pub.outstanding;

  if (key > 0)
    multi_add (m->by_amount, boxed (key), inv, g_free);
}

void
daftari_reconcile_matcher_add_invoice (DaftariReconcileMatcher *m, const DaftariReconcileInvoice *invoice)
{
  Inv *inv;
  g_autofree char *sequence_key = NULL;

  if (invoice->outstanding <= 0 || g_hash_table_contains (m->invoice_by_id, &invoice->id))
    return;
  inv = g_new0 (Inv, 1);
  inv->pub = *invoice;
  inv->pub.number = g_strdup (invoice->number != NULL ? invoice->number : "");
  inv->key = daftari_invoice_key (invoice->year, invoice->sequence);
  inv->issue_jd = daftari_reconcile_julian (invoice->issue_day);
  inv->due_jd = daftari_reconcile_julian (invoice->due_day);
  g_ptr_array_add (m->invoices, inv);
  g_hash_table_insert (m->invoice_by_id, &inv->pub.id, inv);
  index_variants (m, inv);
  sequence_key = g_strdup_printf ("*%04lld", (long long) invoice->sequence);
  multi_add (m->by_sequence, g_steal_pointer (&sequence_key), inv, g_free);
  amount_index_add (m, inv);
  g_ptr_array_add (customer_of (m, invoice->customer_id)->invoices, inv);
}

gint64
daftari_reconcile_matcher_outstanding (DaftariReconcileMatcher *m, gint64 invoice_id)
{
  Inv *inv = g_hash_table_lookup (m->invoice_by_id, &invoice_id);

  return inv != NULL ? inv->pub.outstanding : 0;
}

void
daftari_reconcile_matcher_apply (DaftariReconcileMatcher *m, const DaftariReconcileCandidate *c)
{
  for (guint i = 0; i < c->n_invoices; i++)
    {
      Inv *inv = g_hash_table_lookup (m->invoice_by_id, &c->invoice_ids[i]);
      if (inv == NULL)
        continue;
      multi_remove (m->by_amount, &inv->pub.outstanding, inv);
      inv->pub.outstanding -= MIN (c->allocations[i], inv->pub.outstanding);
      amount_index_add (m, inv);
    }
}
