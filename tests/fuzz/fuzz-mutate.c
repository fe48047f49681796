/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fuzz-mutate.h"

#include <string.h>

guint
fuzz_position (GRand *rand, const GString *s)
{
  return s->len ? (guint) g_rand_int_range (rand, 0, (gint32) s->len) : 0;
}

gboolean
fuzz_mutate_common (GRand *rand, GString *s, guint pos, guint choice, const char *const *pieces, guint n_pieces)
{
  switch (choice)
    {
    case 0:   /* flip bytes */
      for (guint i = 0; i < 4 && s->len; i++)
        s->str[g_rand_int_range (rand, 0, (gint32) s->len)] = (char) g_rand_int_range (rand, 0, 256);
      return TRUE;
    case 1:   /* truncate */
      g_string_truncate (s, pos);
      return TRUE;
    case 2:   /* insert a tricky piece ("" stands for a NUL byte) */
      {
        const char *piece = pieces[g_rand_int_range (rand, 0, (gint32) n_pieces)];
        g_string_insert_len (s, pos, piece, piece[0] ? (gssize) strlen (piece) : 1);
      }
      return TRUE;
    case 4:   /* delete a range, never past the end */
      {
        /* Not MIN (…, g_rand_…): the macro would draw twice. */
        guint len = (guint) g_rand_int_range (rand, 0, 40);
        g_string_erase (s, pos, MIN (s->len - pos, len));
      }
      return TRUE;
    default:
      return FALSE;
    }
}

void
fuzz_insert_digits (GRand *rand, GString *s, guint pos)
{
  for (int i = g_rand_int_range (rand, 1, 40); i > 0; i--)
    g_string_insert_c (s, pos, (char) ('0' + g_rand_int_range (rand, 0, 10)));
}
