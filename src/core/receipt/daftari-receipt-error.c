/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-receipt-error.h"

G_DEFINE_QUARK (daftari-receipt-error-quark, daftari_receipt_error)
