/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Recognised words as lines of text for the extractor's rules. */
#include "daftari-receipt-lines.h"

#include <string.h>

static void
line_free (gpointer data)
{
  ReceiptLine *line = data;

  g_free (line->text);
  g_free (line->upper);
  g_free (line->starts);
  g_free (line);
}

static ReceiptLine *
line_new (const DaftariReceiptWord *words, guint first, guint n_words)
{
  ReceiptLine *line = g_new0 (ReceiptLine, 1);
  g_autoptr(GString) text = g_string_new (NULL);
  gint64 confidence = 0;

  line->first = first;
  line->n_words = n_words;
  line->starts = g_new (guint, n_words);
  for (guint i = 0; i < n_words; i++)
    {
      const DaftariReceiptWord *word = &words[first + i];
      g_autofree char *repaired = receipt_repair_numeric (word->text);

      if (i > 0)
        g_string_append_c (text, ' ');
      line->starts[i] = (guint) text->len;
      g_string_append (text, repaired != NULL ? repaired : word->text);
      confidence += CLAMP (word->confidence, 0, 100);
    }
  line->confidence = n_words > 0 ? (int) (confidence / n_words) : 0;
  line->text = g_string_free (g_steal_pointer (&text), FALSE);
  line->upper = g_ascii_strup (line->text, -1);
  return line;
}

void
receipt_text_init (ReceiptText *rt, const DaftariReceiptWord *words, guint n_words)
{
  guint first = 0;

  rt->words = words;
  rt->lines = g_ptr_array_new_with_free_func (line_free);
  for (guint i = 1; i <= n_words; i++)
    if (i == n_words || words[i].line != words[first].line)
      {
        g_ptr_array_add (rt->lines, line_new (words, first, i - first));
        first = i;
      }
}

void
receipt_text_clear (ReceiptText *rt)
{
  g_clear_pointer (&rt->lines, g_ptr_array_unref);
}

/* The words of the line that overlap bytes [start, end). */
static void
span_words (const ReceiptLine *line, gsize start, gsize end, guint *out_first, guint *out_last)
{
  guint first = 0, last = 0;

  for (guint i = 0; i < line->n_words; i++)
    {
      if (line->starts[i] <= start)
        first = i;
      if (line->starts[i] < MAX (end, start + 1))
        last = i;
    }
  *out_first = first;
  *out_last = MAX (first, last);
}

void
receipt_line_boxes (const ReceiptText *rt, const ReceiptLine *line, gsize start, gsize end, GArray *boxes)
{
  guint first, last;

  if (line->n_words == 0)
    return;
  span_words (line, start, end, &first, &last);
  for (guint i = first; i <= last; i++)
    g_array_append_val (boxes, rt->words[line->first + i].box);
}

int
receipt_line_span_confidence (const ReceiptText *rt, const ReceiptLine *line, gsize start, gsize end)
{
  guint first, last;
  int sum = 0;

  if (line->n_words == 0)
    return 0;
  span_words (line, start, end, &first, &last);
  for (guint i = first; i <= last; i++)
    sum += CLAMP (rt->words[line->first + i].confidence, 0, 100);
  return sum / (int) (last - first + 1);
}

gboolean
receipt_has_word (const char *upper, const char *word, gsize *out_at)
{
  gsize len = strlen (word);

  for (const char *p = strstr (upper, word); p != NULL; p = strstr (p + 1, word))
    {
      gboolean left = p == upper || !g_ascii_isalnum (p[-1]);
      gboolean right = !g_ascii_isalnum (p[len]);

      if (left && right)
        {
          if (out_at != NULL)
            *out_at = (gsize) (p - upper);
          return TRUE;
        }
    }
  return FALSE;
}

int
receipt_find_any (const char *upper, const char *const *words, gsize *out_at)
{
  for (int i = 0; words[i] != NULL; i++)
    if (receipt_has_word (upper, words[i], out_at))
      return i;
  return -1;
}

void
receipt_count_chars (const char *text, guint *out_letters, guint *out_digits)
{
  guint letters = 0, digits = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      letters += g_ascii_isalpha (*p) ? 1 : 0;
      digits += g_ascii_isdigit (*p) ? 1 : 0;
    }
  *out_letters = letters;
  *out_digits = digits;
}
