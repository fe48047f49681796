/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-error.h"

G_DEFINE_QUARK (daftari-money-error-quark, daftari_money_error)
G_DEFINE_QUARK (daftari-input-error-quark, daftari_input_error)
G_DEFINE_QUARK (daftari-rule-error-quark, daftari_rule_error)
G_DEFINE_QUARK (daftari-book-error-quark, daftari_book_error)
