/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-book.h"

G_BEGIN_DECLS

/* The cash-flow forecast (docs/cashflow.md): the balance of one wallet, or
 * of all wallets in the book currency, day by day for the next 1-6 months,
 * built from three parts that never count the same money twice:
 *   scheduled  the occurrences of recurring transactions, on their days;
 *   invoices   what open invoices still owe, on the day the customer
 *              usually pays (due date + their median past delay);
 *   baseline   everything else, forecast month by month by the forecasting
 *              engine from the book's history, spread evenly over the days.
 * The bands come from the book's own past: the same forecast replayed from
 * past month starts, and how far each day of those forecasts was from what
 * happened (the model's bands only while the book is too young for that). */

#define DAFTARI_CASHFLOW_MAX_MONTHS 6

/* How the baseline is forecast; the replay of the book's past picks one. */
typedef enum {
  DAFTARI_CASHFLOW_METHOD_FLOWS,   /* the engine on each month's net flow */
  DAFTARI_CASHFLOW_METHOD_LEVEL,   /* the engine (ETS) on the month-end running total */
  DAFTARI_CASHFLOW_METHOD_MEAN,    /* the mean of those two */
  DAFTARI_CASHFLOW_METHOD_FLAT,    /* none: only known items move the balance */
  DAFTARI_CASHFLOW_N_METHODS
} DaftariCashflowMethod;

/* "flows", "level", "mean", "flat". */
const char *daftari_cashflow_method_to_string (DaftariCashflowMethod method);

typedef struct {
  DaftariDay day;
  /* The balance expected at the end of the day, and its 80% and 95%
   * prediction intervals: lo95 <= lo80 <= mean <= hi80 <= hi95. */
  gint64     mean, lo80, hi80, lo95, hi95;
  /* That day's expected flows, part by part (mean = yesterday's mean + the three). */
  gint64     scheduled, invoices, baseline;
} DaftariCashflowDay;

typedef enum {
  DAFTARI_CASHFLOW_ITEM_SCHEDULED,   /* ref_id: the schedule */
  DAFTARI_CASHFLOW_ITEM_INVOICE,     /* ref_id: the invoice */
} DaftariCashflowItemKind;

/* One known item the forecast places, for explanation. */
typedef struct {
  DaftariCashflowItemKind kind;
  gint64     ref_id;
  DaftariDay day;          /* when the money is expected to move */
  gint64     amount;       /* its effect on the forecast balance (signed) */
  DaftariDay due_day;      /* invoices: the due date; schedules: the occurrence's own day */
  int        delay_days;   /* invoices: the delay applied (the customer's median, or the book's) */
} DaftariCashflowItem;

typedef struct {
  gint64                  wallet_id;        /* 0: every wallet in the book currency */
  const DaftariCommodity *commodity;
  DaftariDay              from_day, to_day; /* the horizon, both included */
  gint64                  opening;          /* the balance at the start of from_day */
  GArray                 *days;             /* of DaftariCashflowDay, from_day .. to_day */
  GArray                 *items;            /* of DaftariCashflowItem, by day */
  gint64                  scheduled_total, invoices_total, baseline_total;
  guint                   history_months;   /* complete months the baseline learned from */
  char                   *baseline_model;   /* the engine's model, "" without history or when flat */
  DaftariCashflowMethod   method;           /* the baseline's, chosen by the replay */
  /* Past forecasts whose errors set the bands; 0: the bands are the
   * engine's own (too little history to replay). */
  guint                   calibration_origins;
  /* The outlook against the book's floor (0 unless set): the first day the
   * mean falls below it (likely) and the first day the lower 80% bound does
   * (possible); 0 when none within the horizon. */
  gint64                  floor;
  DaftariDay              likely_below;
  DaftariDay              possible_below;
} DaftariCashflow;

/* wallet_id 0: all wallets in the book currency. from_day 0: today.
 * n_months 1..6: the horizon ends the day before the same day n months on. */
DaftariCashflow *daftari_cashflow_forecast (DaftariBook  *book,
                                            gint64        wallet_id,
                                            DaftariDay    from_day,
                                            guint         n_months,
                                            GError      **error);
void             daftari_cashflow_free     (DaftariCashflow *cashflow);

/* Sets floor, likely_below and possible_below for another floor. */
void             daftari_cashflow_set_outlook (DaftariCashflow *cashflow,
                                               gint64           floor);

/* The floor the outlook warns about, in minor units of the book currency;
 * 0 (below zero) unless set. Stored in the book. */
gint64           daftari_cashflow_get_floor (DaftariBook  *book);
gboolean         daftari_cashflow_set_floor (DaftariBook  *book,
                                             gint64        floor,
                                             GError      **error);

/* The forecast replayed on the book's history: from each month start with
 * at least six complete months before it, forecast n_months from what was
 * known then (bands and method from the replays before it), and compare
 * with what happened. */
typedef struct {
  guint  n_points;               /* month-end balances compared */
  guint  n_days;                 /* daily balances compared (for coverage) */
  double mae, mape;              /* month-end balances, minor units and percent */
  double coverage80, coverage95; /* share of daily balances inside the bands */
  double flat_mae, flat_mape;    /* naive: the balance stays where it was */
  double drift_mae, drift_mape;  /* naive: plus the average monthly net flow */
  double repeat_mae, repeat_mape;/* naive: last month's net flow repeats */
} DaftariCashflowScore;

typedef struct {
  guint  n_months;
  guint  n_origins;          /* month starts replayed */
  guint  n_points;           /* month-end balances compared */
  guint  n_days;             /* daily balances compared (for coverage) */
  double mae, mape;          /* month-end balances, minor units and percent */
  double coverage80, coverage95; /* share of daily balances inside the bands */
  double flat_mae, flat_mape;    /* naive: the balance stays where it was */
  double drift_mae, drift_mape;  /* naive: plus the average monthly net flow */
  double repeat_mae, repeat_mape;/* naive: last month's net flow repeats */
  /* The same, month by month of the horizon: by_month[k] for month k + 1. */
  DaftariCashflowScore by_month[DAFTARI_CASHFLOW_MAX_MONTHS];
  /* The engine's own bands around the same forecasts, for comparison. */
  double model_coverage80, model_coverage95;
  guint  n_calibrated;       /* origins whose bands came from earlier replays */
  /* Each method's month-end errors had it always been used, and how
   * often the replay chose it. */
  double method_mae[DAFTARI_CASHFLOW_N_METHODS];
  double method_mape[DAFTARI_CASHFLOW_N_METHODS];
  guint  method_chosen[DAFTARI_CASHFLOW_N_METHODS];
  double seconds;
} DaftariCashflowEval;

DaftariCashflowEval *daftari_cashflow_eval (DaftariBook  *book,
                                            gint64        wallet_id,
                                            guint         n_months,
                                            GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariCashflow, daftari_cashflow_free)

G_END_DECLS
