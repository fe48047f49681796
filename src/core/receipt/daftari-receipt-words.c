/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-receipt-words.h"

#include <string.h>

static void
word_clear (gpointer data)
{
  DaftariReceiptWord *word = data;

  g_free (word->text);
}

GArray *
daftari_receipt_words_new (void)
{
  GArray *words = g_array_new (FALSE, TRUE, sizeof (DaftariReceiptWord));

  g_array_set_clear_func (words, word_clear);
  return words;
}

void
daftari_receipt_words_add (GArray *words, const char *text, const DaftariReceiptBox *box, int confidence, int line)
{
  DaftariReceiptWord word = {
    .text = g_utf8_make_valid (text, -1),
    .box = *box,
    .confidence = CLAMP (confidence, 0, 100),
    .line = line,
  };

  g_array_append_val (words, word);
}

/* What separates words (lines are split at "\n" first). */
#define BLANKS " \t\r\v\f"

GArray *
daftari_receipt_words_from_text (const char *text, gssize length)
{
  g_autofree char *valid = g_utf8_make_valid (text, length);
  g_auto(GStrv) lines = g_strsplit (valid, "\n", -1);
  GArray *words = daftari_receipt_words_new ();

  for (int l = 0; lines[l] != NULL; l++)
    {
      const char *p = lines[l];

      while (*p != '\0')
        {
          gsize len;
          g_autofree char *word = NULL;
          DaftariReceiptBox box;

          if (strchr (BLANKS, *p) != NULL)
            {
              p++;
              continue;
            }
          len = strcspn (p, BLANKS);
          word = g_strndup (p, len);
          box = (DaftariReceiptBox) { (int) MIN (p - lines[l], 100000) * 10, MIN (l, 1000000) * 20,
                                      (int) MIN (len, 100000) * 10, 20 };
          daftari_receipt_words_add (words, word, &box, 100, l);
          p += len;
        }
    }
  return words;
}
