/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "daftari-core.h"

G_BEGIN_DECLS

/* Small helpers shared by the pages and dialogs. */

/* A right-aligned label for an amount, with tabular figures. */
GtkWidget *daftari_ui_amount_label   (const char              *text);
/* "KES 1,234.50" */
char      *daftari_ui_format_money   (gint64                   minor,
                                      const DaftariCommodity  *commodity);
/* Removes every row a group was given by daftari_ui_group_add. */
void       daftari_ui_group_clear    (AdwPreferencesGroup     *group);
void       daftari_ui_group_add      (AdwPreferencesGroup     *group,
                                      GtkWidget               *row);
/* Marks an editable row as wrong (or right again): the "error" style. */
void       daftari_ui_mark_error     (GtkWidget               *row,
                                      gboolean                 wrong);

/* Marks row (if any) as wrong and shows message (or hides the label when
 * NULL). Always FALSE, so that a form check can `return` it. */
gboolean   daftari_ui_show_problem   (GtkLabel                *error_label,
                                      GtkWidget               *row,
                                      const char              *message);
/* A form's "YYYY-MM-DD" as a time: now for today, local noon otherwise. */
gboolean   daftari_ui_read_date      (DaftariBook             *book,
                                      const char              *text,
                                      gint64                  *out_ts,
                                      GError                 **error);

/* Which wallets a drop-down offers. */
typedef enum {
  DAFTARI_UI_WALLETS_ALL           = 0,
  DAFTARI_UI_WALLETS_PAY_ONLY      = 1 << 0,  /* those Lipa na M-PESA can be paid from */
  DAFTARI_UI_WALLETS_BOOK_CURRENCY = 1 << 1,  /* those in the book's currency (receipts) */
} DaftariUiWallets;

/* Wallets for a drop-down: names with balances, and their ids in the same
 * order. */
GtkStringList *daftari_ui_wallet_list (DaftariBook      *book,
                                       DaftariUiWallets  which,
                                       GArray          **out_ids);
/* Gives row the wallets of daftari_ui_wallet_list, shown whole: the name,
 * and the balance dimmed beside it. */
void       daftari_ui_combo_row_set_wallets (AdwComboRow *row,
                                             GListModel  *wallets);
/* Expense categories for a drop-down, their ids in the same order, and the
 * position of "Other expenses", the choice when nothing better is known. */
GtkStringList *daftari_ui_expense_categories (DaftariBook *book,
                                              GArray     **out_ids,
                                              guint       *out_default);
/* The position of id in ids, or 0. */
guint      daftari_ui_position_of    (GArray                  *ids,
                                      gint64                   id);
/* Which field an error from the core is about, for marking it. */
typedef enum {
  DAFTARI_UI_FIELD_AMOUNT,
  DAFTARI_UI_FIELD_FROM,
  DAFTARI_UI_FIELD_TO,
  DAFTARI_UI_FIELD_OTHER,
} DaftariUiField;
DaftariUiField daftari_ui_field_of_error (const GError        *error);

G_END_DECLS
