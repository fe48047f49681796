/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "daftari-book.h"
#include "daftari-categorise-features.h"

G_BEGIN_DECLS

/* The user's rules: a payee field and a pattern pick a category
 * (docs/categorise.md). A rule to an income category applies to money in,
 * to an expense category to money out. */

typedef enum {
  DAFTARI_RULE_FIELD_PAYBILL,       /* the Paybill number, exactly */
  DAFTARI_RULE_FIELD_TILL,          /* the Till (Buy Goods) number, exactly */
  DAFTARI_RULE_FIELD_PHONE,         /* the counterparty's phone, exactly (normalised) */
  DAFTARI_RULE_FIELD_COUNTERPARTY,  /* the cleaned name, whole, ignoring case */
  DAFTARI_RULE_FIELD_TEXT,          /* found in the memo or payee, ignoring case */
} DaftariRuleField;

typedef struct {
  gint64            id;
  DaftariRuleField  field;
  char             *pattern;        /* as stored: digits, 2547…, or folded text */
  gint64            category_id;
  char             *category_name;
  gboolean          money_in;       /* the category is an income one */
  gboolean          archived;       /* the category is archived: the rule is kept but idle */
  gint64            created;
} DaftariCategoryRule;

const char *daftari_rule_field_to_string   (DaftariRuleField  field);
gboolean    daftari_rule_field_from_string (const char       *text,
                                            DaftariRuleField *out_field);
void        daftari_category_rule_free     (DaftariCategoryRule *rule);
/* "Paybill 888880", "payee “KPLC PREPAID”": for messages and reasons. */
char       *daftari_category_rule_describe (const DaftariCategoryRule *rule);

/* Adds a rule; the pattern is checked and normalised for its field (a
 * Paybill or Till is 5–7 digits, a phone a Kenyan mobile). The category must
 * be a live income or expense category. A second rule for the same field
 * and pattern is refused (remove the first). */
gboolean    daftari_category_rule_add      (DaftariBook      *book,
                                            DaftariRuleField  field,
                                            const char       *pattern,
                                            gint64            category_id,
                                            gint64           *out_id,
                                            GError          **error);
gboolean    daftari_category_rule_remove   (DaftariBook      *book,
                                            gint64            id,
                                            GError          **error);
/* Every rule, by field then pattern (of DaftariCategoryRule*). */
GPtrArray  *daftari_category_rule_list     (DaftariBook      *book,
                                            GError          **error);

/* The default Kenyan rules (well-known public Paybill numbers and payee
 * names, docs/categorise.md), added once in a book's life: the first time
 * rules are used. Rules the user removed later do not come back. */
gboolean    daftari_category_rules_seed    (DaftariBook      *book,
                                            GError          **error);

/* The rule that applies to a payment or receipt, or NULL: an exact number
 * or phone first, then the whole name, then the longest text found. rules
 * is what daftari_category_rule_list returned; rules to archived
 * categories are skipped. */
const DaftariCategoryRule *daftari_category_rules_match (GPtrArray                       *rules,
                                                         const DaftariCategoriseFeatures *features);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftariCategoryRule, daftari_category_rule_free)

G_END_DECLS
