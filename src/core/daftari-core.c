/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-core.h"

#include <glib/gi18n-lib.h>

void
daftari_core_init (void)
{
  const char *localedir = g_getenv ("DAFTARI_LOCALEDIR");

  /* Tests and `daftari.sh run` use the build tree's catalogues. */
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
}
