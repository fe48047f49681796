/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "daftari-core.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

/* SQLite's allocation statistics take a global mutex on every malloc; the
 * core never reads them. Must run before SQLite initialises itself. */
void
daftari_core_configure_sqlite (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&done, 1);
    }
}

void
daftari_core_init (void)
{
  const char *localedir = g_getenv ("DAFTARI_LOCALEDIR");

  /* Tests and `daftari.sh run` use the build tree's catalogues. */
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  daftari_core_configure_sqlite ();
}
