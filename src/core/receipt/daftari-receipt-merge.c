/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The fields of several readings of one receipt combined: the second
 * look, the re-reading of the header, date and total lines, and the second
 * model (docs/receipts.md, "Reading"). Pure functions of the fields and
 * the words each reading gave; the votes over many readings are in
 * daftari-receipt-vote.c. */
#include "daftari-receipt-lines.h"

#include <string.h>

gboolean
daftari_receipt_fields_doubtful (const DaftariReceiptFields *fields)
{
  g_return_val_if_fail (fields != NULL, TRUE);
  return fields->field[DAFTARI_RECEIPT_TOTAL].value == NULL || fields->field[DAFTARI_RECEIPT_DATE].value == NULL
         || (!fields->total_checked && fields->field[DAFTARI_RECEIPT_TOTAL].confidence < DAFTARI_RECEIPT_CONFIDENT);
}

static void
swap_field (DaftariReceiptField *a, DaftariReceiptField *b)
{
  DaftariReceiptField t = *a;

  *a = *b;
  *b = t;
}

/* Whether the second reading's field is better supported than the first's. */
static gboolean
better (const DaftariReceiptField *first, const DaftariReceiptField *second)
{
  return second->value != NULL && (first->value == NULL || second->confidence > first->confidence);
}

/* The other reading's total, with its VAT and items (they were checked
 * together), where the first has none, or where the other figures confirm
 * the other's and not the first's. */
static void
take_confirmed_total (DaftariReceiptFields *first, DaftariReceiptFields *other)
{
  DaftariReceiptField *f = first->field, *o = other->field;
  GPtrArray *items = first->items;
  gboolean wanted = f[DAFTARI_RECEIPT_TOTAL].value == NULL || (other->total_checked && !first->total_checked);

  if (o[DAFTARI_RECEIPT_TOTAL].value == NULL || !wanted)
    return;
  swap_field (&f[DAFTARI_RECEIPT_TOTAL], &o[DAFTARI_RECEIPT_TOTAL]);
  swap_field (&f[DAFTARI_RECEIPT_VAT], &o[DAFTARI_RECEIPT_VAT]);
  first->total = other->total;
  first->vat = other->vat;
  first->total_checked = other->total_checked;
  first->items = other->items;
  other->items = items;
}

DaftariReceiptFields *
daftari_receipt_fields_merge (DaftariReceiptFields *first, DaftariReceiptFields *second)
{
  DaftariReceiptField *f = first->field, *s = second->field;

  take_confirmed_total (first, second);
  if (better (&f[DAFTARI_RECEIPT_DATE], &s[DAFTARI_RECEIPT_DATE]))
    {
      swap_field (&f[DAFTARI_RECEIPT_DATE], &s[DAFTARI_RECEIPT_DATE]);
      first->date = second->date;
    }
  for (guint i = 0; i < DAFTARI_RECEIPT_N_FIELDS; i++)
    if (i != DAFTARI_RECEIPT_TOTAL && i != DAFTARI_RECEIPT_VAT && i != DAFTARI_RECEIPT_DATE
        && better (&f[i], &s[i]))
      swap_field (&f[i], &s[i]);
  daftari_receipt_fields_free (second);
  return first;
}

const DaftariReceiptWord *
receipt_word_at (GArray *words, const DaftariReceiptBox *box)
{
  for (guint i = 0; words != NULL && i < words->len; i++)
    {
      const DaftariReceiptWord *w = &g_array_index (words, DaftariReceiptWord, i);

      if (daftari_receipt_box_equal (&w->box, box))
        return w;
    }
  return NULL;
}

/* The first word of any of the lists with exactly this box. */
static const DaftariReceiptWord *
word_in (GArray *a, GArray *b, GArray *c, const DaftariReceiptBox *box)
{
  const DaftariReceiptWord *w = receipt_word_at (a, box);

  if (w == NULL)
    w = receipt_word_at (b, box);
  if (w == NULL)
    w = receipt_word_at (c, box);
  return w;
}

/* The mean Tesseract confidence of the words a field was read from (found
 * by their boxes in either word list), not capped by the rule's ceiling;
 * -1 when none is found. */
static double
words_confidence (const DaftariReceiptField *field, GArray *words, GArray *more)
{
  double sum = 0;
  int n = 0;

  for (guint b = 0; field->boxes != NULL && b < field->boxes->len; b++)
    {
      const DaftariReceiptBox *box = &g_array_index (field->boxes, DaftariReceiptBox, b);
      const DaftariReceiptWord *w = word_in (words, more, NULL, box);

      if (w != NULL)
        {
          sum += w->confidence;
          n++;
        }
    }
  return n > 0 ? sum / n : -1;
}

/* The word of the list with at least min_digits digits in the same place
 * as box: across most of its width, and at least a third of the lower
 * one's height (an enlarged strip is read a few pixels up or down). */
static const DaftariReceiptWord *
word_over (GArray *words, const DaftariReceiptBox *box, guint min_digits)
{
  const DaftariReceiptWord *best = NULL;
  gint64 best_area = 0;

  for (guint i = 0; words != NULL && i < words->len; i++)
    {
      const DaftariReceiptWord *w = &g_array_index (words, DaftariReceiptWord, i);
      int x0 = MAX (w->box.x, box->x), x1 = MIN (w->box.x + w->box.width, box->x + box->width);
      int y0 = MAX (w->box.y, box->y), y1 = MIN (w->box.y + w->box.height, box->y + box->height);
      gint64 area = (gint64) MAX (x1 - x0, 0) * MAX (y1 - y0, 0);
      guint letters, digits;

      receipt_count_chars (w->text, &letters, &digits);
      if (area > best_area && digits >= min_digits && (x1 - x0) * 10 >= box->width * 6
          && w->box.width <= 2 * box->width && (y1 - y0) * 3 >= MIN (w->box.height, box->height))
        {
          best = w;
          best_area = area;
        }
    }
  return best;
}

/* Two readings of one date word, character by character: where they
 * differ, a digit beats a mark or a letter, and between two digits the
 * reading Tesseract was surer of wins. "15/08/2017" (unsure) and
 * "15/06/201%" give "15/06/2017". NULL when the lengths differ. */
static char *
vote_date_word (const DaftariReceiptWord *a, const DaftariReceiptWord *b)
{
  gsize len = strlen (a->text);
  char *out;

  if (len != strlen (b->text) || len < 6)
    return NULL;
  out = g_strdup (a->text);
  for (gsize i = 0; i < len; i++)
    {
      char x = a->text[i], y = b->text[i];

      if (x == y)
        continue;
      if (g_ascii_isdigit (y) && (!g_ascii_isdigit (x) || b->confidence > a->confidence))
        out[i] = y;
    }
  return out;
}

/* Whether longer is name with one or two letters in front, normalised
 * ("J K MWANGI HARDWARE" against "MWANGI HARDWARE"). */
static gboolean
extends_name (const char *longer, const char *name)
{
  g_autofree char *a = daftari_receipt_normalise_company (longer);
  g_autofree char *b = daftari_receipt_normalise_company (name);
  gsize la = strlen (a), lb = strlen (b);

  if (lb < 5 || la <= lb || la > lb + 2 || !g_str_has_suffix (a, b))
    return FALSE;
  for (gsize i = 0; i < la - lb; i++)
    if (!g_ascii_isalpha (a[i]))
      return FALSE;
  return TRUE;
}

/* How much surer (Tesseract's word confidence) a re-read date word must be
 * to outvote a digit of the page's reading. */
#define VOTE_MARGIN 20
/* A re-read name that says what the business is beats a plain line of the
 * page's reading when Tesseract was at least this sure of it. */
#define MERCHANT_FLOOR 50

/* An unsure date read from one word: the re-reading of that word voted in
 * character by character. The result stays marked unsure. */
static void
vote_date (DaftariReceiptFields *first, GArray *words, GArray *second_words, GArray *reread_words)
{
  DaftariReceiptField *date = &first->field[DAFTARI_RECEIPT_DATE];
  const DaftariReceiptBox *box;
  const DaftariReceiptWord *a, *b;
  g_autofree char *voted = NULL, *repaired = NULL, *value = NULL;
  DaftariDay day;

  if (date->value == NULL || date->confidence >= DAFTARI_RECEIPT_CONFIDENT || date->boxes->len != 1)
    return;
  box = &g_array_index (date->boxes, DaftariReceiptBox, 0);
  if ((a = word_in (words, second_words, reread_words, box)) == NULL)
    return;
  /* Only a clearly surer re-reading can outvote a digit. */
  if ((b = word_over (reread_words, box, 4)) == NULL || b == a || g_str_equal (a->text, b->text)
      || b->confidence < a->confidence + VOTE_MARGIN
      || (voted = vote_date_word (a, b)) == NULL)
    return;
  repaired = receipt_repair_numeric (voted);
  if (!daftari_receipt_parse_date (repaired != NULL ? repaired : voted, &day) || day == first->date)
    return;
  value = daftari_day_format (day);
  g_free (date->value);
  date->value = g_steal_pointer (&value);
  date->confidence = MIN (MAX (a->confidence, b->confidence), DAFTARI_RECEIPT_CONFIDENT - 1);
  first->date = day;
}

/* Whether the re-read name r is to replace the page's f: the surer
 * reading; at the same (capped) confidence, the one whose words Tesseract
 * was surer of. A name that says what the business is (a legal form, a
 * business word) beats a plain line when fairly sure. And when one reading
 * has the other's name with a letter or two in front ("J K MWANGI …" and
 * "MWANGI …"), those were read twice: they are no speck, the longer stands. */
static gboolean
reread_name_better (const DaftariReceiptField *f, const DaftariReceiptField *r, GArray *words,
                    GArray *second_words, GArray *reread_words)
{
  if (r->value == NULL)
    return FALSE;
  if (f->value == NULL)
    return TRUE;
  if (extends_name (f->value, r->value) || extends_name (r->value, f->value))
    return extends_name (r->value, f->value);
  if (r->confidence >= MERCHANT_FLOOR && receipt_merchant_kind (r->value) > receipt_merchant_kind (f->value))
    return TRUE;
  return r->confidence > f->confidence
         || (r->confidence == f->confidence
             && words_confidence (r, reread_words, NULL) > words_confidence (f, words, second_words));
}

DaftariReceiptFields *
daftari_receipt_fields_merge_reread (DaftariReceiptFields *first, DaftariReceiptFields *reread, GArray *words,
                                     GArray *second_words, GArray *reread_words)
{
  DaftariReceiptField *f = first->field, *r = reread->field;

  if (reread_name_better (&f[DAFTARI_RECEIPT_MERCHANT], &r[DAFTARI_RECEIPT_MERCHANT], words, second_words,
                          reread_words))
    swap_field (&f[DAFTARI_RECEIPT_MERCHANT], &r[DAFTARI_RECEIPT_MERCHANT]);
  /* A date only where the page's reading had none, or an unsure one and
   * the re-reading a sure one: an
   * enlarged line is not always read better, and a sure misreading of a
   * digit cannot be told from a right one. */
  if (r[DAFTARI_RECEIPT_DATE].value != NULL
      && (f[DAFTARI_RECEIPT_DATE].value == NULL
          || (f[DAFTARI_RECEIPT_DATE].confidence < DAFTARI_RECEIPT_CONFIDENT
              && r[DAFTARI_RECEIPT_DATE].confidence >= DAFTARI_RECEIPT_CONFIDENT)))
    {
      swap_field (&f[DAFTARI_RECEIPT_DATE], &r[DAFTARI_RECEIPT_DATE]);
      first->date = reread->date;
    }
  else
    vote_date (first, words, second_words, reread_words);
  /* The total (with its VAT and items) only where there was none, or
   * when the re-reading's is confirmed by the other figures and the
   * first's is not. */
  take_confirmed_total (first, reread);
  daftari_receipt_fields_free (reread);
  return first;
}

/* The second model's reading of a word of the name replaces the first's
 * when it is the same length and differs in a letter or two ("BECO" and
 * "DECO") and Tesseract was this much surer of it: the two models misread
 * different letters, and a confident reading of a letter another model
 * was unsure of is the better guess. */
#define LATIN_WORD_MARGIN 20
#define LATIN_WORD_MAX_DIFF 2

/* Whether two readings of a word differ in at most LATIN_WORD_MAX_DIFF of
 * their letters and digits, at least one (marks and case do not count). */
static gboolean
near_reading (const char *a, const char *b)
{
  g_autofree char *x = daftari_receipt_normalise_company (a);
  g_autofree char *y = daftari_receipt_normalise_company (b);
  gsize len = strlen (x);
  guint diff = 0;

  if (len < 2 || len != strlen (y))
    return FALSE;
  for (gsize i = 0; i < len; i++)
    diff += x[i] != y[i] ? 1 : 0;
  return diff >= 1 && diff <= LATIN_WORD_MAX_DIFF;
}

/* The name with each of its words the second model read clearly better
 * put in (near_reading, LATIN_WORD_MARGIN); NULL when none is. Only the
 * words the name was read from are looked at: the name's line is already
 * chosen, the second model only spells it. */
static char *
respell_name (const DaftariReceiptField *name, GArray *words, GArray *second_words, GArray *reread_words,
              GArray *latin_words)
{
  g_autoptr(GString) out = NULL;
  const char *rest;
  gboolean changed = FALSE;

  if (name->value == NULL || name->boxes == NULL)
    return NULL;
  out = g_string_new (NULL);
  rest = name->value;
  for (guint b = 0; b < name->boxes->len; b++)
    {
      const DaftariReceiptBox *box = &g_array_index (name->boxes, DaftariReceiptBox, b);
      const DaftariReceiptWord *w = word_in (reread_words, words, second_words, box);
      const DaftariReceiptWord *l;
      const char *at;

      if (w == NULL || (l = word_over (latin_words, box, 0)) == NULL
          || l->confidence < w->confidence + LATIN_WORD_MARGIN || !near_reading (w->text, l->text)
          || (at = strstr (rest, w->text)) == NULL)
        continue;
      g_string_append_len (out, rest, at - rest);
      g_string_append (out, l->text);
      rest = at + strlen (w->text);
      changed = TRUE;
    }
  if (!changed)
    return NULL;
  g_string_append (out, rest);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Three readings of one date word, character by character: where two
 * agree they win. The page's reading and the second model's two readings
 * (plain and normalised image) misread different digits ("29/12/2018",
 * "25/12/2018", "25/12/7018"), so the majority is the best guess; but a
 * digit is never outvoted by a mark. NULL unless all three have the same
 * length. */
static char *
majority_date_word (const char *a, const char *b, const char *c)
{
  gsize len = strlen (a);
  char *out;

  if (len < 6 || strlen (b) != len || strlen (c) != len)
    return NULL;
  out = g_strdup (a);
  /* Never a mark for a digit: "201;" twice is no year. */
  for (gsize i = 0; i < len; i++)
    if (a[i] != b[i] && a[i] != c[i] && b[i] == c[i] && (g_ascii_isdigit (b[i]) || !g_ascii_isdigit (a[i])))
      out[i] = b[i];
  return out;
}

/* The date voted on by three readings (majority_date_word) when the date
 * was read from one word and both of the second model's readings have a
 * word in its place; TRUE when that changed the date. The result is
 * marked unsure: the readings disagreed. */
static gboolean
vote_date_three (DaftariReceiptFields *first, GArray *words, GArray *second_words, GArray *reread_words,
                 GArray *latin_words, GArray *latin_date_words)
{
  DaftariReceiptField *date = &first->field[DAFTARI_RECEIPT_DATE];
  const DaftariReceiptBox *box;
  const DaftariReceiptWord *a, *b, *c;
  g_autofree char *voted = NULL, *repaired = NULL, *value = NULL;
  DaftariDay day;

  if (date->value == NULL || date->boxes->len != 1)
    return FALSE;
  box = &g_array_index (date->boxes, DaftariReceiptBox, 0);
  if ((a = word_in (reread_words, words, second_words, box)) == NULL
      || (b = word_over (latin_words, box, 4)) == NULL || (c = word_over (latin_date_words, box, 4)) == NULL
      || (voted = majority_date_word (a->text, b->text, c->text)) == NULL || g_str_equal (voted, a->text))
    return FALSE;
  repaired = receipt_repair_numeric (voted);
  if (!daftari_receipt_parse_date (repaired != NULL ? repaired : voted, &day) || day == first->date)
    return FALSE;
  value = daftari_day_format (day);
  g_free (date->value);
  date->value = g_steal_pointer (&value);
  date->confidence = MIN (MAX (b->confidence, c->confidence), DAFTARI_RECEIPT_CONFIDENT - 1);
  first->date = day;
  return TRUE;
}

DaftariReceiptFields *
daftari_receipt_fields_merge_latin (DaftariReceiptFields *first, DaftariReceiptFields *latin, GArray *words,
                                    GArray *second_words, GArray *reread_words, GArray *latin_words,
                                    GArray *latin_date_words)
{
  DaftariReceiptField *f = first->field, *l = latin->field;
  char *name;

  /* The date: a majority of three readings of its word first. Else the
   * second model's where there was none, or where the first was unsure
   * and the second model is sure; when both read the same date, two
   * models agreeing make it as sure as the surer. Two sure readings that
   * differ cannot be told apart: the first stands. */
  if (vote_date_three (first, words, second_words, reread_words, latin_words, latin_date_words))
    ;
  else if (l[DAFTARI_RECEIPT_DATE].value != NULL
      && (f[DAFTARI_RECEIPT_DATE].value == NULL
          || (f[DAFTARI_RECEIPT_DATE].confidence < DAFTARI_RECEIPT_CONFIDENT
              && l[DAFTARI_RECEIPT_DATE].confidence >= DAFTARI_RECEIPT_CONFIDENT && latin->date != first->date)))
    {
      swap_field (&f[DAFTARI_RECEIPT_DATE], &l[DAFTARI_RECEIPT_DATE]);
      first->date = latin->date;
    }
  else if (l[DAFTARI_RECEIPT_DATE].value != NULL && latin->date == first->date)
    f[DAFTARI_RECEIPT_DATE].confidence = MAX (f[DAFTARI_RECEIPT_DATE].confidence,
                                              l[DAFTARI_RECEIPT_DATE].confidence);
  else
    vote_date (first, words, second_words, latin_words);
  /* The name: the first reading's line, spelled word by word by the
   * surer model. */
  if ((name = respell_name (&f[DAFTARI_RECEIPT_MERCHANT], words, second_words, reread_words, latin_words)) != NULL)
    {
      g_free (f[DAFTARI_RECEIPT_MERCHANT].value);
      f[DAFTARI_RECEIPT_MERCHANT].value = name;
    }
  daftari_receipt_fields_free (latin);
  return first;
}
