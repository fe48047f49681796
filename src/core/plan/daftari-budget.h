/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-book.h"
#include "daftari-calendar.h"

G_BEGIN_DECLS

/* Monthly budgets per expense category (docs/planning.md), in the book
 * currency. A budget is for one month or for every month; a month's own
 * budget wins over the every-month one. */

/* The pace warning: spending is ahead of the month's pace when the share of
 * the budget spent is more than the share of the month gone by plus this
 * many points, and at least DAFTARI_BUDGET_PACE_FLOOR percent is spent (so
 * that one early bill does not raise it on the 2nd). */
#define DAFTARI_BUDGET_PACE_MARGIN 10
#define DAFTARI_BUDGET_PACE_FLOOR  50

typedef enum {
  DAFTARI_BUDGET_ON_TRACK,
  DAFTARI_BUDGET_AHEAD,     /* spending runs ahead of the month's pace */
  DAFTARI_BUDGET_OVER,      /* more spent than budgeted */
} DaftariBudgetState;

typedef struct {
  gint64             category_id;
  char              *category;
  gboolean           every_month;  /* the every-month budget applies */
  gint64             budget;
  gint64             actual;       /* spent in the month */
  gint64             variance;     /* budget - actual: what is left, negative when over */
  int                percent;      /* actual / budget in whole percent (rounded down); -1 for a zero budget */
  DaftariBudgetState state;
} DaftariBudgetLine;

typedef struct {
  DaftariMonth month;
  int          days;               /* in the month */
  int          elapsed_days;       /* gone by, today counted: 0 for a month to come */
  gint64       budget;             /* the lines' totals */
  gint64       actual;
  GArray      *lines;              /* of DaftariBudgetLine, by category name */
} DaftariBudgetReport;

/* Whether a budget of amount for the category would be accepted: for a
 * form that checks as it is typed. */
gboolean            daftari_budget_check  (DaftariBook  *book,
                                           gint64        category_id,
                                           gint64        amount,
                                           GError      **error);
/* month 0: every month. Only expense categories have budgets. */
gboolean            daftari_budget_set    (DaftariBook  *book,
                                           gint64        category_id,
                                           DaftariMonth  month,
                                           gint64        amount,
                                           GError      **error);
gboolean            daftari_budget_remove (DaftariBook  *book,
                                           gint64        category_id,
                                           DaftariMonth  month,
                                           GError      **error);
/* The month's budgets against what was spent, as of today (which sets how
 * much of the month is gone). */
DaftariBudgetReport *daftari_budget_report (DaftariBook  *book,
                                            DaftariMonth  month,
                                            DaftariDay    today,
                                            GError      **error);
void                daftari_budget_report_free (DaftariBudgetReport *report);

/* The state of one budget, elapsed_days of days gone by. */
DaftariBudgetState  daftari_budget_state  (gint64        budget,
                                           gint64        actual,
                                           int           elapsed_days,
                                           int           days);
const char         *daftari_budget_state_to_string (DaftariBudgetState state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariBudgetReport, daftari_budget_report_free)

G_END_DECLS
