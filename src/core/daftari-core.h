/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Everything the app and the CLI may use of libdaftari-core. */

#include "daftari-account.h"
#include "daftari-book.h"
#include "daftari-calendar.h"
#include "daftari-check.h"
#include "daftari-commodity.h"
#include "daftari-error.h"
#include "daftari-generator.h"
#include "daftari-ledger.h"
#include "daftari-money.h"
#include "daftari-ops.h"
#include "daftari-phone.h"
#include "daftari-query.h"
#include "daftari-rates.h"
#include "daftari-session.h"
#include "daftari-summary.h"
#include "daftari-txn.h"

G_BEGIN_DECLS

/* Binds the core's translations; call once before any other function. */
void daftari_core_init (void);
/* Called by daftari_core_init and before the first book opens. */
void daftari_core_configure_sqlite (void);

G_END_DECLS
