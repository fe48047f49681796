/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-cashflow.h"
#include "daftari-schedule.h"

G_BEGIN_DECLS

/* How far back the baseline learns: three years hold the season and the
 * trend; older books describe a different business. */
#define CF_HISTORY_MONTHS 36
/* The least history a forecast is replayed on: half a year. */
#define CF_MIN_HISTORY_MONTHS 6
/* How many past month starts a forecast is replayed from, to choose its
 * method and set its bands: two years of errors. */
#define CF_CALIBRATION_ORIGINS 24

typedef DaftariCashflowMethod CfMethod;
#define CF_N_METHODS DAFTARI_CASHFLOW_N_METHODS

/* What the forecast reads from the book, once, for a window of days: the
 * wallets' daily flows split by where they come from, and the invoices,
 * payments and schedules. The forecast and its replay (eval) both work on
 * it, the replay pretending to stand on an earlier day. */

typedef struct {
  gint64     id;
  gint64     customer_id;
  DaftariDay issue_day;
  DaftariDay due_day;
  DaftariDay void_day;     /* 0: not voided */
  gint64     total;
} CfInvoice;

typedef struct {
  gint64     invoice_id;
  gint64     customer_id;
  gint64     wallet_id;
  DaftariDay day;          /* the payment's */
  DaftariDay due_day;      /* the invoice's */
  gint64     amount;
} CfAllocation;

typedef struct {
  gint64     customer_id;
  gint64     wallet_id;
  DaftariDay day;
} CfPayment;

typedef struct {
  DaftariBook            *book;
  DaftariCalendar        *calendar;
  gint64                  wallet_id;   /* 0: every wallet in the book currency */
  const DaftariCommodity *commodity;
  GArray                 *wallets;     /* of gint64: the wallets counted */
  DaftariDay              first_day;   /* day index 0 */
  guint                   n_days;
  gint64                  opening;     /* balance at the start of first_day */
  /* Daily flows, n_days each: baseline (everything else), scheduled posts,
   * invoice payments, opening balances of new wallets. */
  gint64                 *base, *scheduled, *invoiced, *openings;
  DaftariDay              first_activity; /* first day with any flow; 0: none */
  DaftariDay              last_activity;
  GArray                 *invoices;    /* of CfInvoice, issued or void */
  GArray                 *allocations; /* of CfAllocation, by day */
  GArray                 *payments;    /* of CfPayment, by day */
  GPtrArray              *schedules;   /* of DaftariSchedule* */
} CfHistory;

/* Reads the window [first_day, last_day]; first_day 0: from the wallets'
 * first flow, last_day 0: up to their last. */
CfHistory *cf_history_load (DaftariBook  *book,
                            gint64        wallet_id,
                            DaftariDay    first_day,
                            DaftariDay    last_day,
                            GError      **error);
void       cf_history_free (CfHistory    *history);
gboolean   cf_history_counts (const CfHistory *history,
                              gint64           wallet_id);
/* Day index of day (may be out of range: the caller checks). */
int        cf_history_index (const CfHistory *history,
                             DaftariDay       day);
/* The balance at the start of day (clamped to the window). */
gint64     cf_history_balance_before (const CfHistory *history,
                                      DaftariDay       day);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfHistory, cf_history_free)

/* The closing balance of every day of the history. */
gint64    *cf_history_closing (const CfHistory *history);

/* One method's baseline over the horizon: per day, its mean and the four
 * half-widths' squares (variances of the interval ends, minor units squared). */
typedef struct {
  double    *mean;
  double    *var_lo80, *var_hi80, *var_lo95, *var_hi95;
  char      *model;
} CfBaseline;

/* The plan of one forecast: per day of the horizon, the known flows and
 * the baseline by every method. */
typedef struct {
  DaftariDay from_day, to_day;
  guint      n_days;
  gint64    *scheduled, *invoiced;
  CfBaseline base[CF_N_METHODS];
  GArray    *items;        /* of DaftariCashflowItem */
  guint      history_months;
} CfPlan;

CfPlan  *cf_plan_new  (DaftariDay from_day, DaftariDay to_day);
void     cf_plan_free (CfPlan    *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfPlan, cf_plan_free)

/* The invoices open on plan->from_day (issued before it, not yet paid by
 * payments before it) at their expected day, learned from payments before it. */
void     cf_plan_add_invoices   (CfPlan *plan, const CfHistory *history);
/* Occurrences (daftari_schedule_upcoming) at their day; those overdue on from_day. */
void     cf_plan_add_occurrences (CfPlan *plan, const CfHistory *history, GArray *occurrences);
/* The occurrences of the schedules that had started by from_day (for the replay). */
GArray  *cf_history_occurrences (const CfHistory *history, DaftariDay from_day, DaftariDay to_day);
/* The baseline by every method, from the complete months before from_day
 * (at most CF_HISTORY_MONTHS of them). */
gboolean cf_plan_add_baseline   (CfPlan *plan, const CfHistory *history, GError **error);

/* Adds the plan to an opening balance by one method: the daily path with
 * the model's bands (the outlook is left to the caller). */
DaftariCashflow *cf_plan_path (const CfPlan *plan, const CfHistory *history, gint64 opening, CfMethod method);

/* A forecast made in the past, from a month's first day, by every method,
 * beside what happened. */
typedef struct {
  DaftariDay       from_day;
  DaftariCashflow *paths[CF_N_METHODS];   /* n_days each, the model's bands */
  gint64          *actual;                /* closing balances, n_actual of the n_days */
  guint            n_actual;
  gint64           last_net;              /* the month before's net flow (a naive forecast) */
  double           mean_net;              /* the average monthly net flow before (another) */
} CfPast;

/* The forecast from month's first day for n_days, as it would have been
 * made then; closing from cf_history_closing (). */
CfPast  *cf_past_new  (const CfHistory *history, const gint64 *closing, DaftariMonth month, guint n_days,
                       GError **error);
void     cf_past_free (CfPast *past);
/* The past forecasts a forecast from before_day learns from: month starts
 * before it with CF_MIN_HISTORY_MONTHS complete months behind them, the
 * latest CF_CALIBRATION_ORIGINS; first and last month of that range. */
gboolean cf_past_months (const CfHistory *history, DaftariDay before_day, DaftariMonth *out_first,
                         DaftariMonth *out_last);

/* What the past forecasts say about a new one of n_days from before_day:
 * the method whose daily balances were closest to what happened, and the
 * spread of its errors at each day ahead. Only outcomes before before_day
 * count. */
typedef struct {
  CfMethod method;
  guint    n_origins;      /* past forecasts with an outcome; too few: the model's bands */
  guint    n_days;
  double  *half80, *half95; /* the bands' half-widths, n_days */
} CfCalibration;

CfCalibration *cf_calibrate          (CfPast *const *pasts, guint n_pasts, DaftariDay before_day, guint n_days);
void           cf_calibration_free   (CfCalibration *calibration);
/* Replaces the cashflow's bands by the calibrated ones (when there are). */
void           cf_calibration_apply  (const CfCalibration *calibration, DaftariCashflow *cashflow);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfPast, cf_past_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfCalibration, cf_calibration_free)

/* The first complete month of the history the baseline can learn from
 * (a first month whose books start after its 3rd is partial); 0: none. */
DaftariMonth cf_first_full_month (const CfHistory *history);
/* Months from a to b (b - a). */
int        cf_months_between (DaftariMonth a, DaftariMonth b);

/* 1..DAFTARI_CASHFLOW_MAX_MONTHS, else a clear error. */
gboolean cf_check_months (guint n_months, GError **error);

/* Date helpers: the same day n months on (clamped to the month's end). */
DaftariDay cf_day_add_months (DaftariDay day, int months);
DaftariDay cf_month_first    (DaftariMonth month);
DaftariDay cf_month_last     (DaftariMonth month);

G_END_DECLS
