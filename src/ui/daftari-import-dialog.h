/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "daftari-core.h"

G_BEGIN_DECLS

/* The Import assistant: a file (or pasted messages) and a wallet, a
 * password or a column mapping when the file needs one, a preview of what
 * the import will do (a dry run: new, duplicate, held and refused rows, and
 * the statement's own checks), then the import itself with progress and
 * cancel, and a way to undo it. */
#define DAFTARI_TYPE_IMPORT_DIALOG (daftari_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DaftariImportDialog, daftari_import_dialog, DAFTARI, IMPORT_DIALOG, AdwWindow)

DaftariImportDialog *daftari_import_dialog_new       (GtkWindow           *parent,
                                                      DaftariSession      *session);
/* Takes a file as if it had been chosen (tests, drag and drop). */
void                 daftari_import_dialog_set_file  (DaftariImportDialog *self,
                                                      GBytes              *bytes,
                                                      const char          *name);
/* "source", "paste", "working", "preview" or "done". */
const char          *daftari_import_dialog_get_step  (DaftariImportDialog *self);

G_END_DECLS
