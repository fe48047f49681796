/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Receipt capture: everything the app and the CLI use (docs/receipts.md). */

#include "daftari-receipt-error.h"
#include "daftari-receipt-fields.h"
#include "daftari-receipt-json.h"
#include "daftari-receipt-reader.h"
#include "daftari-receipt-store.h"
#include "daftari-receipt-words.h"
