/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "daftari-schedule.h"

G_BEGIN_DECLS

/* Shared by the schedule store and the runner. */

#define DAFTARI_SCHEDULE_COLUMNS \
  "id, name, kind, wallet_id, IFNULL (target_id, 0), amount, fee, memo, channel, number, reference," \
  " rule, rule_n, start_day, end_day, next_day, active, last_day"

/* A row selected with DAFTARI_SCHEDULE_COLUMNS. */
DaftariSchedule *daftari_schedule_from_row (sqlite3_stmt *stmt);
/* Every schedule whose statement yields rows; resets stmt. */
GPtrArray       *daftari_schedule_collect  (DaftariBook   *book,
                                            sqlite3_stmt  *stmt,
                                            GError       **error);
/* Ends a write begun with daftari_book_begin: commits when ok, else rolls back. */
gboolean         daftari_plan_finish       (DaftariBook   *book,
                                            gboolean       ok,
                                            GError       **error);

G_END_DECLS
