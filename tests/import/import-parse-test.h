/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "daftari-import-row.h"

G_BEGIN_DECLS

/* What the parser tests share: a parse that must succeed, its rows and
 * problems by position (asserting they exist), and instants in UTC. */
DaftariImportParse   *import_test_parsed  (DaftariImportParse *parse,
                                           GError             *error);
DaftariImportRow     *import_test_row     (DaftariImportParse *parse,
                                           guint               i);
DaftariImportProblem *import_test_problem (DaftariImportParse *parse,
                                           guint               i);
/* The instant of a UTC date and time, as Unix seconds. */
gint64                import_test_utc     (int y, int mo, int d, int h, int mi, int s);

G_END_DECLS
