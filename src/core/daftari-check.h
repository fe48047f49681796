/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-book.h"

G_BEGIN_DECLS

/* Verifies a whole book: SQLite's own integrity check, foreign keys, every
 * transaction summing to zero, and every cached balance and month total
 * against the splits it summarises. Returns the problems found, one
 * sentence each (empty when the book is sound), or NULL on a read error. */
GPtrArray *daftari_check_run (DaftariBook  *book,
                              GError      **error);

G_END_DECLS
