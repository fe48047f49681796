/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fuzz-mutate.h"

#include <string.h>

/* Each target's own, libFuzzer's entry point. */
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

/* The seeds of this run: the target's, then the corpus folder's. */
static GPtrArray *seeds;

/* One of the seeds, whole, at pos. */
static void
splice_seed (GRand *rand, GString *s, guint pos)
{
  g_string_insert (s, pos, g_ptr_array_index (seeds, g_rand_int_range (rand, 0, (gint32) seeds->len)));
}

void
fuzz_run (const GString *input)
{
  LLVMFuzzerTestOneInput ((const guint8 *) input->str, input->len);
}

static GPtrArray *
load_seeds (const char *dir)
{
  GPtrArray *loaded = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) d = dir != NULL ? g_dir_open (dir, 0, NULL) : NULL;
  const char *name;

  for (guint i = 0; i < fuzz_driver.n_seeds; i++)
    g_ptr_array_add (loaded, g_strdup (fuzz_driver.seeds[i]));
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      char *text = NULL;

      if (g_file_get_contents (path, &text, NULL, NULL))
        g_ptr_array_add (loaded, text);
    }
  return loaded;
}

/* The mutation of a target without one of its own (fuzz-mutate.h). */
static void
mutate_usual (GRand *rand, GString *s)
{
  guint pos = fuzz_position (rand, s);
  guint choice = (guint) g_rand_int_range (rand, 0, 6);

  if (choice == 3 && fuzz_driver.bytes == NULL)
    splice_seed (rand, s, pos);
  else if (choice == 3 && s->len)
    s->str[pos] = fuzz_driver.bytes[g_rand_int_range (rand, 0, (gint32) strlen (fuzz_driver.bytes))];
  else if (choice == 5)
    fuzz_insert_digits (rand, s, pos);
  else
    fuzz_mutate_common (rand, s, pos, choice, fuzz_driver.pieces, fuzz_driver.n_pieces);
}

/* Returns how many inputs were mutated or random. */
static guint
run_mutations (GRand *rand, guint runs)
{
  FuzzMutator mutate = fuzz_driver.mutate != NULL ? fuzz_driver.mutate : mutate_usual;

  for (guint i = 0; i < seeds->len; i++)
    LLVMFuzzerTestOneInput (seeds->pdata[i], strlen (seeds->pdata[i]));
  for (guint i = 0; i < runs && seeds->len > 0; i++)
    {
      guint seed = (guint) g_rand_int_range (rand, 0, (gint32) seeds->len);
      g_autoptr(GString) input = g_string_new (g_ptr_array_index (seeds, seed));
      for (int m = g_rand_int_range (rand, 1, 8); m > 0; m--)
        mutate (rand, input);
      fuzz_run (input);
    }
  for (guint i = 0; i < runs / 10; i++)
    {
      g_autoptr(GString) input = g_string_new (NULL);
      for (int n = g_rand_int_range (rand, 0, 300); n > 0; n--)
        g_string_append_c (input, (char) g_rand_int_range (rand, 0, 256));
      fuzz_run (input);
    }
  return runs + runs / 10;
}

int
main (int argc, char **argv)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  g_autofree char *name = g_path_get_basename (argv[0]);
  guint runs = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 2000;
  guint ran;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  seeds = load_seeds (argc > 2 ? argv[2] : NULL);
  ran = run_mutations (rand, runs);
  if (fuzz_driver.extra != NULL)
    fuzz_driver.extra ();
  g_print ("%s: %u mutated inputs ran clean\n", name, ran);
  g_ptr_array_unref (seeds);
  return 0;
}
