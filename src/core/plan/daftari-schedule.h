/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-book.h"
#include "daftari-ops.h"
#include "daftari-recurrence.h"
#include "daftari-txn.h"

G_BEGIN_DECLS

/* Recurring transactions (docs/planning.md): rent on the 1st, wages every
 * Friday. Each occurrence is posted through the ordinary operations
 * (daftari-ops.h), so the per-transaction limit and the overdraft rule
 * apply to it as to anything typed in. */
typedef struct {
  gint64            id;
  char             *name;
  DaftariTxnKind    kind;        /* INCOME, EXPENSE, TRANSFER or PAYMENT */
  gint64            wallet_id;   /* the wallet money goes into or out of */
  gint64            target_id;   /* the category, or the wallet a transfer goes to;
                                  * 0 for a payment: "Other expenses" */
  gint64            amount;      /* in the wallet's commodity */
  gint64            fee;         /* transfers and payments */
  char             *memo;        /* "" : the schedule's name */
  DaftariPayChannel channel;     /* payments: Paybill, Till or Pochi */
  char             *number;
  char             *reference;
  DaftariRecurrence rule;
  DaftariDay        start_day;
  DaftariDay        end_day;     /* 0: no end */
  DaftariDay        next_day;    /* the first occurrence not yet posted; 0: ended */
  DaftariDay        last_day;    /* the last occurrence posted; 0: none yet */
  gboolean          active;      /* FALSE: paused */
} DaftariSchedule;

GType            daftari_schedule_get_type (void) G_GNUC_CONST;
DaftariSchedule *daftari_schedule_new      (void);
DaftariSchedule *daftari_schedule_copy     (const DaftariSchedule *schedule);
void             daftari_schedule_free     (DaftariSchedule       *schedule);

/* Checks the schedule by building its first occurrence (the same checks as
 * an ordinary post but the balance rules), and stores it; next_day is the
 * first occurrence on or after start_day. */
gboolean         daftari_schedule_add      (DaftariBook           *book,
                                            const DaftariSchedule *schedule,
                                            gint64                *out_id,
                                            GError               **error);
/* What a form checks while it is typed: what adding checks, and the
 * per-transaction limit as it stands now, with the ledger's own message
 * (adding alone lets a schedule wait for a raised limit). Whether the
 * wallet will have the money is left to the day. */
gboolean         daftari_schedule_check    (DaftariBook           *book,
                                            const DaftariSchedule *schedule,
                                            GError               **error);
/* Changes the schedule schedule->id to schedule (its paused state and what
 * it posted stay). With the same rule and start, the next occurrence stays
 * where it was; otherwise it is the new rule's first after what was
 * already posted, on or after the start. Checked as when adding. */
gboolean         daftari_schedule_update   (DaftariBook           *book,
                                            const DaftariSchedule *schedule,
                                            GError               **error);
/* Every schedule, by name. */
GPtrArray       *daftari_schedule_list     (DaftariBook           *book,
                                            GError               **error);
/* The schedule numbered id in a list from daftari_schedule_list, or NULL. */
const DaftariSchedule *daftari_schedule_in_list (GPtrArray        *schedules,
                                                 gint64            id);
/* By name (any case) or by number. */
DaftariSchedule *daftari_schedule_find     (DaftariBook           *book,
                                            const char            *name_or_id,
                                            GError               **error);
/* Deletes the schedule; what it posted stays in the books. */
gboolean         daftari_schedule_remove   (DaftariBook           *book,
                                            gint64                 id,
                                            GError               **error);
/* Pausing stops a schedule; resuming it skips what fell due while paused
 * (next_day becomes the first occurrence on or after today). */
gboolean         daftari_schedule_set_active (DaftariBook         *book,
                                              gint64               id,
                                              gboolean             active,
                                              DaftariDay           today,
                                              GError             **error);

/* The transaction one occurrence posts, built but not posted. */
DaftariTxn      *daftari_schedule_build    (DaftariBook           *book,
                                            const DaftariSchedule *schedule,
                                            DaftariDay             day,
                                            GError               **error);

typedef struct {
  gint64         schedule_id;
  DaftariDay     day;
  DaftariTxnKind kind;
  gint64         wallet_id;
  gint64         target_id;
  gint64         amount;          /* in the wallet's commodity, fee apart */
  gint64         fee;
} DaftariOccurrence;

/* The occurrences of active schedules not yet posted, from (inclusive; 0
 * to include those overdue) to `to`, in date order, then by schedule: what
 * is coming, for lists and the cash-flow forecast. */
GArray          *daftari_schedule_upcoming (DaftariBook           *book,
                                            DaftariDay             from,
                                            DaftariDay             to,
                                            GError               **error);

typedef struct {
  gint64      schedule_id;
  DaftariDay  day;
  gint64      txn_id;      /* 0 in a dry run, and when refused */
  char       *reason;      /* refused: the ledger's message; else NULL */
  guint       held_back;   /* refused: later occurrences of it left due */
} DaftariScheduleOutcome;

typedef struct {
  GArray *posted;          /* of DaftariScheduleOutcome, in date order */
  GArray *refused;         /* of DaftariScheduleOutcome */
} DaftariScheduleRun;

/* Posts every occurrence due up to `until`, all schedules together in date
 * order, as one write. An occurrence the rules refuse is not posted and
 * stays due, with the later ones of its schedule (paying March's rent before
 * February's makes no sense); the other schedules go on. With dry_run the
 * same happens and is then rolled back. Running again posts nothing more. */
DaftariScheduleRun *daftari_schedule_run   (DaftariBook           *book,
                                            DaftariDay             until,
                                            gboolean               dry_run,
                                            GError               **error);
void             daftari_schedule_run_free (DaftariScheduleRun    *run);
/* Takes back what a run posted, as one write: its transactions are voided
 * (kept, marked void, as any void), newest first, and each schedule is due
 * again from its first occurrence the run posted. */
gboolean         daftari_schedule_undo_run (DaftariBook              *book,
                                            const DaftariScheduleRun *run,
                                            GError                  **error);


G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariSchedule, daftari_schedule_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariScheduleRun, daftari_schedule_run_free)

G_END_DECLS
