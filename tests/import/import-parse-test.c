/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "import-parse-test.h"

DaftariImportParse *
import_test_parsed (DaftariImportParse *parse, GError *error)
{
  g_assert_no_error (error);
  g_assert_nonnull (parse);
  return parse;
}

DaftariImportRow *
import_test_row (DaftariImportParse *parse, guint i)
{
  g_assert_cmpuint (i, <, parse->rows->len);
  return g_ptr_array_index (parse->rows, i);
}

DaftariImportProblem *
import_test_problem (DaftariImportParse *parse, guint i)
{
  g_assert_cmpuint (i, <, parse->problems->len);
  return g_ptr_array_index (parse->problems, i);
}

gint64
import_test_utc (int y, int mo, int d, int h, int mi, int s)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (y, mo, d, h, mi, s);
  return g_date_time_to_unix (dt);
}
