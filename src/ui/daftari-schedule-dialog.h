/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "daftari-core.h"
#include "daftari-schedule.h"

G_BEGIN_DECLS

/* Adds or edits a recurring transaction: what it posts (income, an
 * expense, a transfer or a Lipa na M-PESA payment), how much, and when
 * (a day of every month, a weekday, every few days; a start and an
 * optional end). Every change is checked by the core as it is typed; the
 * field at fault says why and Save waits until the book would accept it. */
#define DAFTARI_TYPE_SCHEDULE_DIALOG (daftari_schedule_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DaftariScheduleDialog, daftari_schedule_dialog, DAFTARI, SCHEDULE_DIALOG, AdwWindow)

/* schedule NULL: a new one. */
DaftariScheduleDialog *daftari_schedule_dialog_new (GtkWindow             *parent,
                                                    DaftariSession        *session,
                                                    const DaftariSchedule *schedule);

G_END_DECLS
