/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <string.h>

#include "daftari-import-row.h"

G_BEGIN_DECLS

/* What every import reader promises whatever its input, checked by the
 * import targets' LLVMFuzzerTestOneInput(). A header of static functions,
 * not a file of its own: a libFuzzer build compiles each target alone. */

typedef void (*FuzzRowCheck) (const DaftariImportRow *row);

/* A parse or an error, never both nor neither; every row passes check_row,
 * with a key of its own when distinct_keys; every problem is valid UTF-8. */
static inline void
fuzz_check_import (const DaftariImportParse *parse,
                   const GError             *error,
                   gboolean                  distinct_keys,
                   FuzzRowCheck              check_row)
{
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert ((parse == NULL) != (error == NULL));
  if (parse == NULL)
    return;
  for (guint i = 0; i < parse->rows->len; i++)
    {
      const DaftariImportRow *row = g_ptr_array_index (parse->rows, i);

      check_row (row);
      g_assert (!distinct_keys || g_hash_table_add (keys, row->key));
    }
  for (guint i = 0; i < parse->problems->len; i++)
    g_assert (g_utf8_validate (((DaftariImportProblem *) g_ptr_array_index (parse->problems, i))->message,
                               -1, NULL));
}

/* The same input read again gives the same rows under the same keys. */
static inline void
fuzz_check_same_keys (const DaftariImportParse *parse,
                      const DaftariImportParse *again)
{
  g_assert ((parse == NULL) == (again == NULL));
  if (parse == NULL)
    return;
  g_assert (parse->rows->len == again->rows->len);
  for (guint i = 0; i < parse->rows->len; i++)
    g_assert (strcmp (((DaftariImportRow *) parse->rows->pdata[i])->key,
                      ((DaftariImportRow *) again->rows->pdata[i])->key) == 0);
}

G_END_DECLS
