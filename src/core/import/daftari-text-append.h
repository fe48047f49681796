/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

/* g_string_append_len for the hot loops of a big import (cells, keys,
 * JSON: tens of millions of short appends): GLib 2.74's goes through
 * g_string_insert_len, whose checks for overlapping text cost more than
 * the copy. text must not point into out. */
static inline void
daftari_text_append (GString *out, const char *text, gsize n)
{
  if (out->len + n >= out->allocated_len)
    {
      gsize len = out->len;
      g_string_set_size (out, len + n);
      out->len = len;
    }
  memcpy (out->str + out->len, text, n);
  out->len += n;
  out->str[out->len] = '\0';
}

static inline void
daftari_text_append_c (GString *out, char c)
{
  daftari_text_append (out, &c, 1);
}

G_END_DECLS
