/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The standalone driver every fuzz target shares when built without
 * libFuzzer (-DDAFTARI_FUZZ_STANDALONE with fuzz-mutate.c, which holds
 * main()): each seed as it is, then argv[1] (2000 by default) copies of
 * random seeds with 1–7 mutations each, then argv[1] / 10 strings of random
 * bytes, all through the target's LLVMFuzzerTestOneInput(). The files of a
 * corpus folder given as argv[2] are seeds too. GLib criticals and warnings
 * are fatal: a failed g_return_if_fail() in a parser is a finding too.
 *
 * A target describes itself in fuzz_driver: its seeds, the tricky pieces
 * of its format, and either the bytes that matter to its reader or a
 * mutation of its own. A mutation draws a position and a choice, handles
 * its own choices and passes the others to fuzz_mutate_common(). The
 * random draws happen in the same order as they always did, so each
 * target's inputs are unchanged. */

typedef void (*FuzzMutator) (GRand *rand, GString *s);

typedef struct {
  const char *const *seeds;
  guint              n_seeds;
  const char *const *pieces;    /* inserted whole ("" stands for a NUL byte) */
  guint              n_pieces;
  /* The usual mutation (mutate NULL) picks one of six choices: 0–2 and 4
   * fuzz_mutate_common(), 5 inserts digits, and 3 puts one of bytes in
   * place of another, or without bytes splices a seed in. */
  const char        *bytes;
  FuzzMutator        mutate;    /* or the target's own */
  /* Optional: inputs of the target's own, run after the mutated ones (a
   * hostile size, every seed at once). */
  void             (*extra) (void);
} FuzzDriver;

/* Defined by each target, run by main(). */
extern const FuzzDriver fuzz_driver;

guint    fuzz_position      (GRand             *rand,
                             const GString     *s);
/* Choices 0 flip bytes, 1 truncate, 2 insert one of pieces, 4 delete a
 * range; FALSE for any other choice. */
gboolean fuzz_mutate_common (GRand             *rand,
                             GString           *s,
                             guint              pos,
                             guint              choice,
                             const char *const *pieces,
                             guint              n_pieces);
/* A run of digits: huge amounts, receipts, phones. */
void     fuzz_insert_digits (GRand             *rand,
                             GString           *s,
                             guint              pos);
/* Runs input through the target. */
void     fuzz_run           (const GString     *input);

G_END_DECLS
