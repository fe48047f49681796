/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-chart-data.h"

G_BEGIN_DECLS

/* What a click on an item of the Reports page's charts stands for: which
 * transactions to list. The charts themselves are made in core
 * (daftari-chart-data.h), where the report PDF draws them too. */

typedef enum {
  DAFTARI_REPORT_PICK_WALLETS,   /* anything that moved money in a wallet of the book currency */
  DAFTARI_REPORT_PICK_INCOME,    /* anything touching an income category */
  DAFTARI_REPORT_PICK_EXPENSE,   /* anything touching an expense category */
  DAFTARI_REPORT_PICK_CATEGORY,  /* anything touching category_id */
  DAFTARI_REPORT_PICK_OTHER,     /* expenses in none of the excluded categories */
} DaftariReportPickKind;

/* The transactions behind one item of a chart. */
typedef struct {
  DaftariReportPickKind kind;
  char                 *title;
  gint64                from_ts;
  gint64                to_ts;
  gint64                category_id;
  GArray               *excluded;   /* of gint64 category ids, for OTHER */
} DaftariReportPick;

/* What an item of chart (as ::item-activated gives it) stands for, the
 * chart drawn for period; NULL for an item with nothing behind it. */
DaftariReportPick *daftari_report_pick_new  (DaftariBook                 *book,
                                             DaftariChart                *chart,
                                             const DaftariPeriod         *period,
                                             DaftariChartItemKind         kind,
                                             gint64                       id);
void               daftari_report_pick_free (DaftariReportPick           *pick);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariReportPick, daftari_report_pick_free)

G_END_DECLS
