/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "daftari-application.h"
#include "daftari-core.h"

int
main (int argc, char **argv)
{
  g_autoptr(DaftariApplication) app = NULL;

  setlocale (LC_ALL, "");
  daftari_core_init ();
  textdomain (GETTEXT_PACKAGE);
  app = daftari_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
