/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fuzz-mutate.h"

#include <string.h>

/* Each driver's own target, libFuzzer's entry point. */
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

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

static void
run_string (const GString *input)
{
  LLVMFuzzerTestOneInput ((const guint8 *) input->str, input->len);
}

guint
fuzz_standalone_setup (int argc, char **argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 2000;
}

guint
fuzz_standalone (GRand *rand, guint runs, const char *const *seeds, guint n_seeds, FuzzMutator mutate)
{
  for (guint i = 0; i < n_seeds; i++)
    LLVMFuzzerTestOneInput ((const guint8 *) seeds[i], strlen (seeds[i]));
  for (guint i = 0; i < runs && n_seeds > 0; i++)
    {
      g_autoptr(GString) input = g_string_new (seeds[g_rand_int_range (rand, 0, (gint32) n_seeds)]);
      for (int m = g_rand_int_range (rand, 1, 8); m > 0; m--)
        mutate (rand, input);
      run_string (input);
    }
  for (guint i = 0; i < runs / 10; i++)
    {
      g_autoptr(GString) input = g_string_new (NULL);
      for (int n = g_rand_int_range (rand, 0, 300); n > 0; n--)
        g_string_append_c (input, (char) g_rand_int_range (rand, 0, 256));
      run_string (input);
    }
  return runs + runs / 10;
}
