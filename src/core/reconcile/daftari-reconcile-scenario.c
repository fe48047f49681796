/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A seeded, made-up business for measuring the matcher. The noise is what
 * a Kenyan shop's Paybill statement shows (docs/reconcile.md has the
 * rates): account references typed in many forms, with slips or not at
 * all; M-PESA names in capitals with names left out, swapped or cut to
 * an initial; masked phones; relatives and staff paying; partial, late,
 * rounded-up and combined payments; equal prices on many invoices; and
 * money that has nothing to do with any invoice. */
#include "daftari-reconcile-scenario.h"

#include <math.h>
#include <string.h>

static const char *const first_names[] = {
  "John", "Mary", "Peter", "Grace", "James", "Jane", "Joseph", "Faith", "David", "Esther", "Samuel", "Ann",
  "Daniel", "Lucy", "Paul", "Mercy", "Stephen", "Joyce", "Michael", "Agnes", "Francis", "Eunice", "George",
  "Catherine", "Charles", "Margaret", "Patrick", "Rose", "Kevin", "Purity", "Brian", "Caroline", "Dennis",
  "Winnie", "Collins", "Naomi", "Victor", "Sharon", "Moses", "Beatrice", "Emmanuel", "Judith", "Anthony",
  "Wanjiku", "Kiprono", "Achieng", "Nekesa", "Mutua", "Halima", "Hassan", "Amina", "Omar", "Fatuma", "Ibrahim",
};
static const char *const surnames[] = {
  "Kamau", "Mwangi", "Otieno", "Odhiambo", "Wanjiru", "Njoroge", "Kiprop", "Chebet", "Mutua", "Ochieng",
  "Kariuki", "Njeri", "Wambui", "Kimani", "Omondi", "Achieng", "Mutiso", "Wekesa", "Barasa", "Cheruiyot",
  "Kipchoge", "Koech", "Rotich", "Langat", "Muthoni", "Nyambura", "Atieno", "Akinyi", "Onyango", "Owino",
  "Maina", "Githinji", "Macharia", "Ndungu", "Gitau", "Kiptoo", "Jepkosgei", "Wafula", "Simiyu", "Nekesa",
  "Mwende", "Musyoka", "Kilonzo", "Nduta", "Wairimu", "Waweru", "Ngugi", "Kinyua", "Mugo", "Nyaga",
  "Ouma", "Okoth", "Oduya", "Juma", "Abdi", "Mohamed", "Ali", "Hussein", "Kibet", "Sang", "Korir", "Tanui",
};
static const char *const trades[] = {
  "Hardware", "Stores", "Salon", "Enterprises", "Traders", "Butchery", "Agrovet", "Pharmacy", "Electricals",
  "Supermarket", "Wines & Spirits", "Motors", "Academy", "Bakery", "Boutique", "Cyber", "Hotel", "Ltd",
};
/* Prices many invoices share (KES): monthly fees, standard jobs. */
static const gint64 standard_prices[] = { 1500, 2000, 2500, 3000, 3500, 5000, 7500, 10000, 12000, 15000, 25000 };
static const char *const unrelated_refs[] = { "", "", "", "GOODS", "PAYMENT", "SALE", "RENT", "STOCK", "1", "SHOP" };

typedef struct {
  GRand      *rand;
  GHashTable *names;       /* taken customer names */
  GHashTable *phones;      /* taken phones */
  GArray     *payer_names; /* per customer: who usually pays (char*) */
  GArray     *payer_phones;
} Gen;

static const char *
pick (Gen *g, const char *const *list, guint n)
{
  return list[g_rand_int_range (g->rand, 0, n)];
}
#define PICK(g, list) pick ((g), (list), G_N_ELEMENTS (list))

static gboolean
chance (Gen *g, double p)
{
  return g_rand_double (g->rand) < p;
}

static DaftariDay
day_add (DaftariDay day, int days)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day % 100, (day / 100) % 100, day / 10000);
  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  return g_date_get_year (&date) * 10000 + g_date_get_month (&date) * 100 + g_date_get_day (&date);
}

static char *
new_phone (Gen *g)
{
  for (;;)
    {
      char *phone = g_strdup_printf ("254%c%08d", chance (g, 0.9) ? '7' : '1', g_rand_int_range (g->rand, 0, 100000000));
      if (g_hash_table_add (g->phones, phone))
        return g_strdup (phone);
    }
}

static char *
person_name (Gen *g, const char *surname)
{
  const char *last = surname != NULL ? surname : PICK (g, surnames);

  if (chance (g, 0.55))
    return g_strdup_printf ("%s %s %s", PICK (g, first_names), PICK (g, surnames), last);
  return g_strdup_printf ("%s %s", PICK (g, first_names), last);
}

static char *
last_token (const char *name)
{
  const char *space = strrchr (name, ' ');
  return g_strdup (space != NULL ? space + 1 : name);
}

/* ---- Customers ---- */

static void
add_customer (Gen *g, DaftariScenario *sc)
{
  DaftariScenarioCustomer c = { 0 };
  gboolean business = chance (g, 0.25);
  char *payer_name, *payer_phone;

  for (int attempt = 0; c.name == NULL; attempt++)
    {
      char *name = business ? g_strdup_printf ("%s %s", PICK (g, surnames), PICK (g, trades)) : person_name (g, NULL);
      if (attempt > 20)
        {
          char *numbered = g_strdup_printf ("%s %d", name, attempt);
          g_free (name);
          name = numbered;
        }
      if (g_hash_table_add (g->names, g_ascii_strup (name, -1)))
        c.name = name;
      else
        g_free (name);
    }
  /* Businesses are paid for by their owner or clerk, a person. */
  payer_name = business ? person_name (g, NULL) : g_strdup (c.name);
  payer_phone = new_phone (g);
  c.phone = business && chance (g, 0.3) ? g_strdup ("") : g_strdup (payer_phone);
  g_array_append_val (sc->customers, c);
  g_array_append_val (g->payer_names, payer_name);
  g_array_append_val (g->payer_phones, payer_phone);
}

/* ---- Invoices ---- */

static gint64
invoice_total (Gen *g)
{
  gint64 kes;

  if (chance (g, 0.35))
    return standard_prices[g_rand_int_range (g->rand, 0, G_N_ELEMENTS (standard_prices))] * 100;
  kes = (gint64) (exp (g_rand_double_range (g->rand, log (800), log (150000))) / 10) * 10;
  /* VAT-registered work: 16% on top, to the cent. */
  return chance (g, 0.6) ? kes * 116 : kes * 100;
}

static gint
by_issue (gconstpointer a, gconstpointer b)
{
  const DaftariScenarioInvoice *x = a, *y = b;
  return (x->issue_day > y->issue_day) - (x->issue_day < y->issue_day);
}

static void
add_invoices (Gen *g, DaftariScenario *sc, guint n, DaftariDay start, int span)
{
  static const int due_terms[] = { 0, 7, 7, 14, 30, 30, 30 };
  int year = 0;
  gint64 seq = 0;

  for (guint i = 0; i < n; i++)
    {
      DaftariScenarioInvoice inv = { 0 };
      /* Regular customers get most invoices. */
      guint c = g_rand_int_range (g->rand, 0, sc->customers->len);
      if (chance (g, 0.5))
        c = c / 4;
      inv.customer = c;
      inv.total = invoice_total (g);
      inv.issue_day = day_add (start, g_rand_int_range (g->rand, 0, span));
      inv.due_days = due_terms[g_rand_int_range (g->rand, 0, G_N_ELEMENTS (due_terms))];
      inv.due_day = day_add (inv.issue_day, inv.due_days);
      g_array_append_val (sc->invoices, inv);
    }
  g_array_sort (sc->invoices, by_issue);
  for (guint i = 0; i < n; i++)
    {
      DaftariScenarioInvoice *inv = &g_array_index (sc->invoices, DaftariScenarioInvoice, i);
      if (inv->issue_day / 10000 != year)
        {
          year = inv->issue_day / 10000;
          seq = 0;
        }
      inv->year = year;
      inv->sequence = ++seq;
      inv->number = g_strdup_printf ("INV-%d-%04lld", year, (long long) seq);
    }
}

/* ---- What payers type and show ---- */

static char *
with_slip (Gen *g, const char *text)
{
  GString *s = g_string_new (text);
  guint at;

  /* A slip among the digits, where it hurts. */
  do
    at = g_rand_int_range (g->rand, 0, s->len);
  while (!g_ascii_isdigit (s->str[at]) && s->len > 1 && chance (g, 0.95));
  switch (g_rand_int_range (g->rand, 0, 4))
    {
    case 0: s->str[at] = '0' + g_rand_int_range (g->rand, 0, 10); break;
    case 1: if (at + 1 < s->len) { char t = s->str[at]; s->str[at] = s->str[at + 1]; s->str[at + 1] = t; } break;
    case 2: g_string_erase (s, at, 1); break;
    default: g_string_insert_c (s, at, '0' + g_rand_int_range (g->rand, 0, 10)); break;
    }
  return g_string_free (s, FALSE);
}

/* INV-2026-0042 as people type it on their phone. */
static char *
reference_for (Gen *g, const DaftariScenarioInvoice *inv, guint customer, const DaftariScenario *sc)
{
  double u = g_rand_double (g->rand);
  const DaftariScenarioCustomer *c = &g_array_index (sc->customers, DaftariScenarioCustomer, customer);

  if (u < 0.55)
    return g_strdup (inv->number);
  if (u < 0.75)
    switch (g_rand_int_range (g->rand, 0, 5))
      {
      case 0: return g_ascii_strdown (inv->number, -1);
      case 1: return g_strdup_printf ("INV%d%04lld", inv->year, (long long) inv->sequence);
      case 2: return g_strdup_printf ("inv-%d-%lld", inv->year, (long long) inv->sequence);
      case 3: return g_strdup_printf ("%d-%04lld", inv->year, (long long) inv->sequence);
      default: return g_strdup_printf ("INV %d %lld", inv->year, (long long) inv->sequence);
      }
  if (u < 0.83)
    return with_slip (g, inv->number);
  /* No number: nothing, their name, their phone, or a word. */
  switch (g_rand_int_range (g->rand, 0, 4))
    {
    case 0: return g_strdup ("");
    case 1: return g_ascii_strup (c->name, -1);
    case 2: return *c->phone != '\0' ? g_strdup_printf ("0%s", c->phone + 3) : g_strdup ("");
    default: return g_strdup (PICK (g, unrelated_refs));
    }
}

static char *
typo (Gen *g, const char *word)
{
  GString *s = g_string_new (word);
  guint at = g_rand_int_range (g->rand, 1, MAX (2, s->len));

  if (at < s->len)
    s->str[at] = 'A' + g_rand_int_range (g->rand, 0, 26);
  return g_string_free (s, FALSE);
}

/* The name as M-PESA shows it: capitals, often only two names. */
static char *
shown_name (Gen *g, const char *name)
{
  g_auto(GStrv) t = g_strsplit (name, " ", -1);
  guint n = g_strv_length (t);
  double u = g_rand_double (g->rand);
  char *shown;

  if (n >= 3 && u < 0.25)
    shown = g_strdup_printf ("%s %s", t[0], t[n - 1]);
  else if (n >= 2 && u < 0.35)
    shown = g_strdup_printf ("%s %s", t[n - 1], t[0]);
  else if (n >= 2 && u < 0.45)
    shown = g_strdup_printf ("%c %s", t[0][0], t[n - 1]);
  else if (n >= 2 && u < 0.52)
    {
      char *wrong = typo (g, t[n - 1]);
      g_free (t[n - 1]);
      t[n - 1] = wrong;
      shown = g_strjoinv (" ", t);
    }
  else
    shown = g_strdup (name);
  {
    char *upper = g_ascii_strup (shown, -1);
    g_free (shown);
    return upper;
  }
}

static char *
shown_phone (Gen *g, const char *phone)
{
  /* Statements from the business portal mask the middle. */
  if (*phone != '\0' && chance (g, 0.3))
    return g_strdup_printf ("%.4s******%s", phone, phone + 9);
  return g_strdup (phone);
}

/* ---- Payments ---- */

static void
add_payment (Gen *g, DaftariScenario *sc, guint customer, const guint *truth, guint n_truth, gint64 amount,
             DaftariDay day)
{
  DaftariScenarioPayment p = { 0 };
  const DaftariScenarioInvoice *first = &g_array_index (sc->invoices, DaftariScenarioInvoice, truth[0]);
  const char *payer = g_array_index (g->payer_names, char *, customer);
  const char *phone = g_array_index (g->payer_phones, char *, customer);

  p.amount = amount;
  p.day = day;
  if (chance (g, 0.2))
    {
      /* A relative or a member of staff: another name, another phone. */
      g_autofree char *family = last_token (payer);
      g_autofree char *other = person_name (g, chance (g, 0.5) ? family : NULL);
      g_autofree char *other_phone = new_phone (g);
      p.name = shown_name (g, other);
      p.phone = shown_phone (g, other_phone);
    }
  else
    {
      p.name = shown_name (g, payer);
      p.phone = shown_phone (g, phone);
    }
  p.reference = n_truth > 1 && chance (g, 0.4) ? g_strdup ("")
                                               : reference_for (g, first, customer, sc);
  p.n_truth = n_truth;
  memcpy (p.truth, truth, n_truth * sizeof (guint));
  g_array_append_val (sc->payments, p);
}

static DaftariDay
paid_on (Gen *g, const DaftariScenarioInvoice *inv)
{
  int late = chance (g, 0.3) ? g_rand_int_range (g->rand, 0, 4)
                             : inv->due_days + g_rand_int_range (g->rand, -5, 25);
  return day_add (inv->issue_day, MAX (0, late));
}

/* Another open invoice of the customer issued close to this one. */
static gint
partner_of (DaftariScenario *sc, const gboolean *settled, guint i)
{
  const DaftariScenarioInvoice *inv = &g_array_index (sc->invoices, DaftariScenarioInvoice, i);

  for (guint j = i + 1; j < sc->invoices->len && j < i + 400; j++)
    {
      const DaftariScenarioInvoice *other = &g_array_index (sc->invoices, DaftariScenarioInvoice, j);
      if (!settled[j] && other->customer == inv->customer && other->issue_day <= day_add (inv->issue_day, 45))
        return j;
    }
  return -1;
}

static void
add_payments (Gen *g, DaftariScenario *sc)
{
  g_autofree gboolean *settled = g_new0 (gboolean, sc->invoices->len);

  for (guint i = 0; i < sc->invoices->len; i++)
    {
      const DaftariScenarioInvoice *inv = &g_array_index (sc->invoices, DaftariScenarioInvoice, i);
      double u = g_rand_double (g->rand);
      gint partner;

      if (settled[i])
        continue;
      settled[i] = TRUE;
      if (u < 0.07)
        continue;                                       /* not paid yet */
      if (u < 0.13 && (partner = partner_of (sc, settled, i)) >= 0)
        {
          const DaftariScenarioInvoice *other = &g_array_index (sc->invoices, DaftariScenarioInvoice, partner);
          guint both[2] = { i, partner };
          settled[partner] = TRUE;
          add_payment (g, sc, inv->customer, both, 2, inv->total + other->total, paid_on (g, other));
        }
      else if (u < 0.22)
        {
          /* In parts: a round first part, the rest later. */
          gint64 part = MAX (100, (gint64) (inv->total * g_rand_double_range (g->rand, 0.3, 0.7)) / 10000 * 10000);
          DaftariDay day = paid_on (g, inv);
          if (part >= inv->total)
            part = inv->total / 2;
          add_payment (g, sc, inv->customer, &i, 1, part, day);
          add_payment (g, sc, inv->customer, &i, 1, inv->total - part, day_add (day, g_rand_int_range (g->rand, 3, 30)));
        }
      else if (u < 0.26)
        {
          /* Rounded up: the rest is credit. */
          gint64 over = (inv->total / 50000 + 1) * 50000;
          add_payment (g, sc, inv->customer, &i, 1, over, paid_on (g, inv));
        }
      else
        add_payment (g, sc, inv->customer, &i, 1, inv->total, paid_on (g, inv));
    }
}

/* Walk-in sales and other money in: a stranger (now and then a customer
 * buying for cash), often at a standard price. */
static void
add_unrelated (Gen *g, DaftariScenario *sc, guint n, DaftariDay start, int span)
{
  for (guint i = 0; i < n; i++)
    {
      DaftariScenarioPayment p = { 0 };
      g_autofree char *name = NULL;
      g_autofree char *phone = NULL;

      if (chance (g, 0.1))
        {
          guint c = g_rand_int_range (g->rand, 0, sc->customers->len);
          name = g_strdup (g_array_index (g->payer_names, char *, c));
          phone = g_strdup (g_array_index (g->payer_phones, char *, c));
        }
      else
        {
          name = person_name (g, NULL);
          phone = new_phone (g);
        }
      p.name = shown_name (g, name);
      p.phone = shown_phone (g, phone);
      p.reference = g_strdup (PICK (g, unrelated_refs));
      p.amount = chance (g, 0.4) ? standard_prices[g_rand_int_range (g->rand, 0, G_N_ELEMENTS (standard_prices))] * 100
                                 : g_rand_int_range (g->rand, 50, 20000) * 100;
      p.day = day_add (start, g_rand_int_range (g->rand, 0, span));
      g_array_append_val (sc->payments, p);
    }
}

static gint
by_day (gconstpointer a, gconstpointer b)
{
  const DaftariScenarioPayment *x = a, *y = b;
  return (x->day > y->day) - (x->day < y->day);
}

static void
clear_customer (gpointer data)
{
  DaftariScenarioCustomer *c = data;
  g_free (c->name);
  g_free (c->phone);
}

static void
clear_invoice (gpointer data)
{
  g_free (((DaftariScenarioInvoice *) data)->number);
}

static void
clear_payment (gpointer data)
{
  DaftariScenarioPayment *p = data;
  g_free (p->name);
  g_free (p->phone);
  g_free (p->reference);
}

static void
free_string (gpointer data)
{
  g_free (*(char **) data);
}

DaftariScenario *
daftari_scenario_generate (guint64 seed, guint n_invoices)
{
  DaftariScenario *sc = g_new0 (DaftariScenario, 1);
  guint32 seed_words[2] = { (guint32) seed, (guint32) (seed >> 32) };
  Gen g = { g_rand_new_with_seed_array (seed_words, 2),
            g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
            g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
            g_array_new (FALSE, FALSE, sizeof (char *)), g_array_new (FALSE, FALSE, sizeof (char *)) };
  const DaftariDay start = 20251001;
  const int span = 240;
  guint n_customers = MAX (2, n_invoices * 2 / 5);

  sc->seed = seed;
  sc->customers = g_array_new (FALSE, FALSE, sizeof (DaftariScenarioCustomer));
  sc->invoices = g_array_new (FALSE, FALSE, sizeof (DaftariScenarioInvoice));
  sc->payments = g_array_new (FALSE, FALSE, sizeof (DaftariScenarioPayment));
  g_array_set_clear_func (sc->customers, clear_customer);
  g_array_set_clear_func (sc->invoices, clear_invoice);
  g_array_set_clear_func (sc->payments, clear_payment);
  g_array_set_clear_func (g.payer_names, free_string);
  g_array_set_clear_func (g.payer_phones, free_string);
  for (guint i = 0; i < n_customers; i++)
    add_customer (&g, sc);
  add_invoices (&g, sc, n_invoices, start, span);
  add_payments (&g, sc);
  add_unrelated (&g, sc, sc->payments->len / 8, start, span + 30);
  /* A stable sort keeps a partial payment's parts in order on one day. */
  g_array_sort (sc->payments, by_day);
  g_rand_free (g.rand);
  g_hash_table_destroy (g.names);
  g_hash_table_destroy (g.phones);
  g_array_unref (g.payer_names);
  g_array_unref (g.payer_phones);
  return sc;
}

void
daftari_scenario_free (DaftariScenario *sc)
{
  if (sc == NULL)
    return;
  g_array_unref (sc->customers);
  g_array_unref (sc->invoices);
  g_array_unref (sc->payments);
  g_free (sc);
}
