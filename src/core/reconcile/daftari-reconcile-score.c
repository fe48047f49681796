/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Scoring one payment: who the payer may be, which invoices that and the
 * reference and the amount point at, then points per piece of evidence
 * (docs/reconcile.md). */
#include "daftari-reconcile-matcher-private.h"

#include <string.h>

#include "daftari-reconcile-text.h"

typedef struct {
  DaftariReconcileMatcher       *m;
  const DaftariReconcilePayment *payment;
  char      *name;           /* normalised payer name, "" when none */
  char      *ref_name;       /* the reference read as a name, "" when it is not one */
  char      *phone;          /* index form, may be masked; NULL when none */
  gboolean   masked;
  gint32     day;
  GArray    *idents;         /* of Ident */
  GPtrArray *invoices;       /* of Inv*: everything worth scoring */
  gboolean   exact_ref;      /* the reference names an open invoice exactly */
  GArray    *out;            /* of DaftariReconcileCandidate */
} Scoring;

/* ---- Who the payer may be ---- */

static Ident *
ident_of (Scoring *s, Cust *cust)
{
  Ident fresh = { cust, 0, 0 };

  for (guint i = 0; i < s->idents->len; i++)
    if (g_array_index (s->idents, Ident, i).cust == cust)
      return &g_array_index (s->idents, Ident, i);
  g_array_append_val (s->idents, fresh);
  return &g_array_index (s->idents, Ident, s->idents->len - 1);
}

static void
ident_list (Scoring *s, GPtrArray *custs, guint32 reason, guint limit)
{
  for (guint i = 0; custs != NULL && custs->len <= limit && i < custs->len; i++)
    ident_of (s, g_ptr_array_index (custs, i))->reasons |= reason;
}

static void
ident_alias (Scoring *s, DaftariAliasKind kind, const char *text)
{
  g_autofree char *key = daftari_alias_key (kind, text);
  g_autofree char *full = NULL;
  gint64 *customer_id;
  Cust *cust;

  if (key == NULL)
    return;
  full = g_strconcat (daftari_alias_kind_to_string (kind), ":", key, NULL);
  if ((customer_id = g_hash_table_lookup (s->m->aliases, full)) != NULL &&
      (cust = g_hash_table_lookup (s->m->customers, customer_id)) != NULL)
    ident_of (s, cust)->reasons |= DAFTARI_MATCH_ALIAS;
}

/* Customers whose names share two token beginnings with the payer's (one
 * when the payer gave a single name). */
static void
ident_by_name (Scoring *s, const char *name)
{
  g_autoptr(GPtrArray) prefixes = NULL;

  if (*name == '\0')
    return;
  ident_list (s, g_hash_table_lookup (s->m->by_name, name), 0, G_MAXUINT);
  prefixes = daftari_reconcile_name_prefixes (name);
  if (prefixes->len == 1)
    ident_list (s, g_hash_table_lookup (s->m->by_token, g_ptr_array_index (prefixes, 0)), 0, MAX_BY_NAME);
  for (guint i = 0; i < prefixes->len; i++)
    for (guint j = i + 1; j < prefixes->len; j++)
      {
        g_autofree char *key = daftari_reconcile_pair_key (g_ptr_array_index (prefixes, i),
                                                           g_ptr_array_index (prefixes, j));
        ident_list (s, g_hash_table_lookup (s->m->by_token_pair, key), 0, MAX_BY_NAME);
      }
}

static void
ident_points (Scoring *s, Ident *ident)
{
  /* Some payers type the customer's name as the account. */
  double likeness = MAX (daftari_name_similarity (s->name, ident->cust->name),
                         daftari_name_similarity (s->ref_name, ident->cust->name));
  int strong = (ident->reasons & (DAFTARI_MATCH_PHONE | DAFTARI_MATCH_ALIAS)) ? POINTS_PHONE : 0;
  int by_name = 0;
  gboolean exact;

  if (likeness >= NAME_SAME)
    {
      ident->reasons |= DAFTARI_MATCH_NAME_SAME;
      by_name = POINTS_NAME_SAME;
    }
  else if (likeness >= NAME_CLOSE)
    {
      ident->reasons |= DAFTARI_MATCH_NAME_CLOSE;
      by_name = POINTS_NAME_CLOSE;
    }
  ident->points = MAX (strong, by_name) + (strong > 0 && by_name > 0 ? POINTS_BOTH : 0);
  if (s->masked && daftari_phone_compatible (s->phone, ident->cust->phone, &exact))
    {
      ident->reasons |= DAFTARI_MATCH_PHONE_MASKED;
      ident->points += POINTS_MASKED;
    }
  ident->points = MIN (ident->points, POINTS_IDENTITY_MAX);
}

static void
identify (Scoring *s)
{
  const DaftariReconcilePayment *p = s->payment;
  g_autofree char *ref_phone = daftari_payer_phone (p->reference);

  if (s->phone != NULL && !s->masked)
    {
      ident_list (s, g_hash_table_lookup (s->m->by_phone, s->phone), DAFTARI_MATCH_PHONE, G_MAXUINT);
      ident_alias (s, DAFTARI_ALIAS_PHONE, s->phone);
    }
  /* Some payers type their phone as the account. */
  if (ref_phone != NULL && strchr (ref_phone, '*') == NULL)
    ident_list (s, g_hash_table_lookup (s->m->by_phone, ref_phone), DAFTARI_MATCH_PHONE, G_MAXUINT);
  ident_alias (s, DAFTARI_ALIAS_REFERENCE, p->reference);
  ident_alias (s, DAFTARI_ALIAS_NAME, s->name);
  ident_by_name (s, s->name);
  ident_by_name (s, s->ref_name);
  /* A masked phone is looked up by its last digits, then checked whole. */
  if (s->masked && strlen (s->phone) > 3)
    {
      GPtrArray *ends = g_hash_table_lookup (s->m->by_phone_end, s->phone + strlen (s->phone) - 3);
      gboolean exact;
      for (guint i = 0; ends != NULL && i < ends->len; i++)
        if (daftari_phone_compatible (s->phone, ((Cust *) g_ptr_array_index (ends, i))->phone, &exact))
          ident_of (s, g_ptr_array_index (ends, i));
    }
  for (guint i = 0; i < s->idents->len; i++)
    ident_points (s, &g_array_index (s->idents, Ident, i));
}

static const Ident *
find_ident (Scoring *s, gint64 customer_id)
{
  for (guint i = 0; i < s->idents->len; i++)
    if (g_array_index (s->idents, Ident, i).cust->id == customer_id)
      return &g_array_index (s->idents, Ident, i);
  return NULL;
}

/* Whether the phone or an alias says the payer is some other customer. */
static gboolean
other_payer (Scoring *s, gint64 customer_id)
{
  for (guint i = 0; i < s->idents->len; i++)
    {
      const Ident *ident = &g_array_index (s->idents, Ident, i);
      if (ident->cust->id != customer_id && (ident->reasons & (DAFTARI_MATCH_PHONE | DAFTARI_MATCH_ALIAS)))
        return TRUE;
    }
  return FALSE;
}

/* ---- Which invoices ---- */

static void
touch (Scoring *s, Inv *inv, guint32 ref_reason)
{
  if (inv->stamp != s->m->stamp)
    {
      inv->stamp = s->m->stamp;
      inv->ref_reasons = 0;
      g_ptr_array_add (s->invoices, inv);
    }
  inv->ref_reasons |= ref_reason;
  if (ref_reason == DAFTARI_MATCH_REF_EXACT && inv->pub.outstanding > 0)
    s->exact_ref = TRUE;
}

static void
touch_variant (Scoring *s, const char *key, const char *variant)
{
  GPtrArray *list = g_hash_table_lookup (s->m->by_variant, variant);

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      Inv *inv = g_ptr_array_index (list, i);
      if (strcmp (inv->key, key) == 0)
        touch (s, inv, DAFTARI_MATCH_REF_EXACT);
      else if (daftari_within_one_edit (inv->key, key))
        touch (s, inv, DAFTARI_MATCH_REF_CLOSE);
    }
}

static void
collect_by_reference (Scoring *s)
{
  char *keys[2];
  guint n = daftari_reference_keys (s->payment->reference, keys);

  for (guint k = 0; k < n; k++)
    {
      gsize len = strlen (keys[k]);
      if (keys[k][0] == '*')
        {
          GPtrArray *list = g_hash_table_lookup (s->m->by_sequence, keys[k]);
          for (guint i = 0; list != NULL && i < list->len; i++)
            touch (s, g_ptr_array_index (list, i), DAFTARI_MATCH_REF_SEQUENCE);
          g_free (keys[k]);
          continue;
        }
      touch_variant (s, keys[k], keys[k]);
      for (gsize i = 0; i < len; i++)
        {
          g_autofree char *variant = g_strndup (keys[k], len - 1);
          memcpy (variant + i, keys[k] + i + 1, len - i - 1);
          touch_variant (s, keys[k], variant);
        }
      g_free (keys[k]);
    }
}

static void
collect (Scoring *s)
{
  GPtrArray *same_amount = g_hash_table_lookup (s->m->by_amount, &s->payment->amount);

  collect_by_reference (s);
  for (guint i = 0; i < s->idents->len; i++)
    {
      GPtrArray *invoices = g_array_index (s->idents, Ident, i).cust->invoices;
      for (guint j = 0; j < invoices->len; j++)
        touch (s, g_ptr_array_index (invoices, j), 0);
    }
  for (guint i = 0; same_amount != NULL && same_amount->len <= MAX_BY_AMOUNT && i < same_amount->len; i++)
    touch (s, g_ptr_array_index (same_amount, i), 0);
}

/* ---- Points ---- */

static int
reference_points (Scoring *s, guint32 ref_reasons, guint32 *reasons)
{
  if (ref_reasons & DAFTARI_MATCH_REF_EXACT)
    {
      *reasons |= DAFTARI_MATCH_REF_EXACT;
      return POINTS_REF_EXACT;
    }
  if (ref_reasons & DAFTARI_MATCH_REF_CLOSE)
    {
      *reasons |= DAFTARI_MATCH_REF_CLOSE;
      return s->exact_ref ? POINTS_REF_CLOSE_BESIDE_EXACT : POINTS_REF_CLOSE;
    }
  if (ref_reasons & DAFTARI_MATCH_REF_SEQUENCE)
    {
      *reasons |= DAFTARI_MATCH_REF_SEQUENCE;
      return POINTS_REF_SEQUENCE;
    }
  return 0;
}

/* Who the customer is to the payer, and whether the invoice(s) came
 * after the payment. */
static int
payer_points (Scoring *s, gint64 customer_id, gint32 latest_issue, gint32 earliest_due, guint32 *reasons)
{
  const Ident *ident = find_ident (s, customer_id);
  int points = 0;

  if (ident != NULL)
    {
      points += ident->points;
      *reasons |= ident->reasons & (DAFTARI_MATCH_PHONE | DAFTARI_MATCH_PHONE_MASKED | DAFTARI_MATCH_NAME_SAME |
                                    DAFTARI_MATCH_NAME_CLOSE | DAFTARI_MATCH_ALIAS);
    }
  if ((ident == NULL || !(ident->reasons & (DAFTARI_MATCH_PHONE | DAFTARI_MATCH_ALIAS))) &&
      other_payer (s, customer_id))
    {
      *reasons |= DAFTARI_MATCH_OTHER_PAYER;
      points += POINTS_OTHER_PAYER;
    }
  if (s->day < latest_issue)
    {
      *reasons |= DAFTARI_MATCH_BEFORE_ISSUE;
      points += POINTS_BEFORE_ISSUE;
    }
  else if (s->day <= earliest_due + DATE_FITS_AFTER_DUE)
    {
      *reasons |= DAFTARI_MATCH_DATE_FITS;
      points += POINTS_DATE_FITS;
    }
  return points;
}

static gboolean
identified (Scoring *s, gint64 customer_id)
{
  const Ident *ident = find_ident (s, customer_id);
  return ident != NULL && ident->points > 0;
}

static guint
open_count (const Cust *cust, gint64 amount, guint *out_same_amount)
{
  guint n = 0;

  *out_same_amount = 0;
  for (guint i = 0; i < cust->invoices->len; i++)
    {
      const Inv *inv = g_ptr_array_index (cust->invoices, i);
      if (inv->pub.outstanding <= 0)
        continue;
      n++;
      if (inv->pub.outstanding == amount)
        (*out_same_amount)++;
    }
  return n;
}

static gboolean
is_rejected (Scoring *s, gint64 invoice_id)
{
  g_autofree char *key = NULL;

  if (g_hash_table_size (s->m->rejected) == 0)
    return FALSE;
  key = daftari_reconcile_rejected_key (s->payment->txn_id, invoice_id);
  return g_hash_table_contains (s->m->rejected, key);
}

static void
score_single (Scoring *s, Inv *inv)
{
  DaftariReconcileCandidate c = { 0 };
  gint64 owed = inv->pub.outstanding, amount = s->payment->amount;
  Cust *cust = g_hash_table_lookup (s->m->customers, &inv->pub.customer_id);
  guint n_open, n_same;

  if (owed <= 0 || is_rejected (s, inv->pub.id))
    return;
  c.customer_id = inv->pub.customer_id;
  c.n_invoices = 1;
  c.invoice_ids[0] = inv->pub.id;
  c.allocations[0] = MIN (owed, amount);
  c.score = reference_points (s, inv->ref_reasons, &c.reasons) +
            payer_points (s, c.customer_id, inv->issue_jd, inv->due_jd, &c.reasons);
  n_open = open_count (cust, amount, &n_same);
  if (amount == owed)
    {
      c.reasons |= DAFTARI_MATCH_AMOUNT_EXACT;
      c.score += POINTS_AMOUNT_EXACT;
    }
  else if (amount < owed)
    {
      c.reasons |= DAFTARI_MATCH_AMOUNT_PARTIAL;
      c.score += POINTS_AMOUNT_PARTIAL;
    }
  else if (amount - owed <= owed / 10)
    {
      c.reasons |= DAFTARI_MATCH_AMOUNT_OVER;
      c.score += POINTS_AMOUNT_OVER;
    }
  if (identified (s, c.customer_id) && (n_open == 1 || (amount == owed && n_same == 1)))
    {
      c.reasons |= DAFTARI_MATCH_ONLY_OPEN;
      c.score += POINTS_ONLY_OPEN;
    }
  g_array_append_val (s->out, c);
}

static gint
by_due (gconstpointer a, gconstpointer b)
{
  const Inv *x = *(Inv *const *) a, *y = *(Inv *const *) b;

  if (x->due_jd != y->due_jd)
    return x->due_jd < y->due_jd ? -1 : 1;
  if (x->issue_jd != y->issue_jd)
    return x->issue_jd < y->issue_jd ? -1 : 1;
  return x->pub.id < y->pub.id ? -1 : x->pub.id > y->pub.id;
}

static void
add_several (Scoring *s, Inv **set, guint n, guint n_open)
{
  DaftariReconcileCandidate c = { 0 };
  gint32 latest_issue = G_MININT32, earliest_due = G_MAXINT32;
  int ref = 0;

  c.customer_id = set[0]->pub.customer_id;
  c.n_invoices = n;
  for (guint i = 0; i < n; i++)
    {
      if (is_rejected (s, set[i]->pub.id))
        return;
      c.invoice_ids[i] = set[i]->pub.id;
      c.allocations[i] = set[i]->pub.outstanding;
      latest_issue = MAX (latest_issue, set[i]->issue_jd);
      earliest_due = MIN (earliest_due, set[i]->due_jd);
      /* touch() cleared ref_reasons only for invoices it saw this call. */
      if (set[i]->stamp == s->m->stamp)
        ref = MAX (ref, reference_points (s, set[i]->ref_reasons, &c.reasons));
    }
  c.reasons |= DAFTARI_MATCH_AMOUNT_SEVERAL;
  c.score = ref + POINTS_AMOUNT_SEVERAL + payer_points (s, c.customer_id, latest_issue, earliest_due, &c.reasons);
  if (n == n_open && identified (s, c.customer_id))
    {
      c.reasons |= DAFTARI_MATCH_ONLY_OPEN;
      c.score += POINTS_ONLY_OPEN;
    }
  g_array_append_val (s->out, c);
}

/* One payment for several invoices of one customer: the oldest k, or any
 * two, that add up to the amount exactly. */
static void
score_several (Scoring *s, Cust *cust)
{
  g_autoptr(GPtrArray) open = g_ptr_array_new ();
  gint64 amount = s->payment->amount, sum = 0;

  for (guint i = 0; i < cust->invoices->len; i++)
    if (((Inv *) g_ptr_array_index (cust->invoices, i))->pub.outstanding > 0)
      g_ptr_array_add (open, g_ptr_array_index (cust->invoices, i));
  if (open->len < 2)
    return;
  g_ptr_array_sort (open, by_due);
  for (guint k = 0; k < open->len && k < DAFTARI_RECONCILE_MAX_INVOICES && sum < amount; k++)
    {
      sum += ((Inv *) g_ptr_array_index (open, k))->pub.outstanding;
      if (k >= 1 && sum == amount)
        add_several (s, (Inv **) open->pdata, k + 1, open->len);
    }
  if (open->len > MAX_OPEN_FOR_PAIRS)
    return;
  for (guint i = 0; i < open->len; i++)
    for (guint j = i + 1; j < open->len; j++)
      {
        Inv *pair[2] = { g_ptr_array_index (open, i), g_ptr_array_index (open, j) };
        if ((i != 0 || j != 1) && pair[0]->pub.outstanding + pair[1]->pub.outstanding == amount)
          add_several (s, pair, 2, open->len);
      }
}

/* ---- Order and confidence ---- */

static gint
by_score (gconstpointer a, gconstpointer b)
{
  const DaftariReconcileCandidate *x = a, *y = b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  /* Equal points: the one the amount fits exactly. */
  if ((x->reasons & DAFTARI_MATCH_AMOUNT_EXACT) != (y->reasons & DAFTARI_MATCH_AMOUNT_EXACT))
    return (x->reasons & DAFTARI_MATCH_AMOUNT_EXACT) ? -1 : 1;
  if (x->n_invoices != y->n_invoices)
    return x->n_invoices < y->n_invoices ? -1 : 1;
  /* Equal evidence: the older invoice first (ids grow with time). */
  return x->invoice_ids[0] < y->invoice_ids[0] ? -1 : x->invoice_ids[0] > y->invoice_ids[0];
}

static void
set_confidence (GArray *out)
{
  for (guint i = 0; i < out->len; i++)
    {
      DaftariReconcileCandidate *c = &g_array_index (out, DaftariReconcileCandidate, i);
      int score = c->score;
      if (i == 0 && out->len > 1)
        {
          int margin = c->score - g_array_index (out, DaftariReconcileCandidate, 1).score;
          if (margin < AMBIGUITY_MARGIN)
            {
              c->reasons |= DAFTARI_MATCH_AMBIGUOUS;
              score -= AMBIGUITY_MARGIN - margin;
            }
        }
      c->confidence = CLAMP (score, 0, 100);
    }
}

GArray *
daftari_reconcile_matcher_candidates (DaftariReconcileMatcher *m, const DaftariReconcilePayment *payment,
                                      guint max_candidates)
{
  Scoring s = { m, payment };
  g_autoptr(GHashTable) customers_seen = g_hash_table_new (NULL, NULL);

  m->stamp++;
  s.name = daftari_name_normalise (payment->name);
  s.ref_name = daftari_reference_is_invoice_number (payment->reference) ? g_strdup ("")
                                                                        : daftari_name_normalise (payment->reference);
  s.phone = daftari_payer_phone (payment->phone);
  s.masked = s.phone != NULL && strchr (s.phone, '*') != NULL;
  s.day = daftari_reconcile_julian (payment->day);
  s.idents = g_array_new (FALSE, FALSE, sizeof (Ident));
  s.invoices = g_ptr_array_new ();
  s.out = g_array_new (FALSE, FALSE, sizeof (DaftariReconcileCandidate));
  if (payment->amount > 0)
    {
      identify (&s);
      collect (&s);
      for (guint i = 0; i < s.invoices->len; i++)
        {
          Inv *inv = g_ptr_array_index (s.invoices, i);
          Cust *cust = g_hash_table_lookup (m->customers, &inv->pub.customer_id);
          score_single (&s, inv);
          /* Several invoices only for customers the payer or the reference point at. */
          if ((inv->ref_reasons != 0 || identified (&s, cust->id)) && g_hash_table_add (customers_seen, cust))
            score_several (&s, cust);
        }
      g_array_sort (s.out, by_score);
      set_confidence (s.out);
      if (s.out->len > max_candidates)
        g_array_set_size (s.out, max_candidates);
    }
  g_free (s.name);
  g_free (s.ref_name);
  g_free (s.phone);
  g_array_unref (s.idents);
  g_ptr_array_unref (s.invoices);
  return s.out;
}
