/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The mutations every standalone fuzz driver shares. A driver draws a
 * position and a choice, handles its own choices (splicing seeds, CSV
 * separators…) and passes the others here. The random draws happen in the
 * same order as they always did, so each driver's inputs are unchanged. */

guint fuzz_position        (GRand             *rand,
                            const GString     *s);
/* Choices 0 flip bytes, 1 truncate, 2 insert one of pieces, 4 delete a
 * range; FALSE for any other choice. */
gboolean fuzz_mutate_common (GRand            *rand,
                             GString          *s,
                             guint             pos,
                             guint             choice,
                             const char *const *pieces,
                             guint             n_pieces);
/* A run of digits: huge amounts, receipts, phones. */
void  fuzz_insert_digits   (GRand             *rand,
                            GString           *s,
                            guint              pos);

typedef void (*FuzzMutator) (GRand *rand, GString *s);

/* What every standalone driver runs through its target: each seed as it is,
 * runs copies of random seeds with 1–7 mutations each, then runs / 10
 * strings of random bytes. Returns how many inputs were mutated or random. */
guint fuzz_standalone     (GRand              *rand,
                           guint               runs,
                           const char *const  *seeds,
                           guint               n_seeds,
                           FuzzMutator         mutate);
/* The number of runs a driver was asked for (argv[1]), 2000 by default;
 * and makes GLib criticals and warnings fatal: a failed
 * g_return_if_fail() in a parser is a finding too. */
guint fuzz_standalone_setup (int   argc,
                             char **argv);

G_END_DECLS
