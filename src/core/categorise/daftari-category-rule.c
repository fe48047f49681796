/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "daftari-category-rule.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "daftari-account.h"
#include "daftari-book-private.h"
#include "daftari-error.h"
#include "daftari-phone.h"

#define SEEDED_SETTING "category_rules_seeded"

static const char *const field_names[] = {
  [DAFTARI_RULE_FIELD_PAYBILL] = "paybill",
  [DAFTARI_RULE_FIELD_TILL] = "till",
  [DAFTARI_RULE_FIELD_PHONE] = "phone",
  [DAFTARI_RULE_FIELD_COUNTERPARTY] = "counterparty",
  [DAFTARI_RULE_FIELD_TEXT] = "text",
};

/* Well-known public numbers and names only; category names as seeded
 * (untranslated here, looked up in the book's language). */
static const struct {
  DaftariRuleField field;
  const char      *pattern;
  const char      *category;
} default_rules[] = {
  { DAFTARI_RULE_FIELD_PAYBILL,      "888880",        N_("Electricity (KPLC)") },  /* KPLC prepaid tokens */
  { DAFTARI_RULE_FIELD_PAYBILL,      "888888",        N_("Electricity (KPLC)") },  /* KPLC postpaid bills */
  { DAFTARI_RULE_FIELD_COUNTERPARTY, "kplc prepaid",  N_("Electricity (KPLC)") },  /* SMS name no number */
  { DAFTARI_RULE_FIELD_COUNTERPARTY, "kplc postpaid", N_("Electricity (KPLC)") },
  { DAFTARI_RULE_FIELD_PAYBILL,      "572572",        N_("Taxes (KRA)") },         /* KRA iTax payments */
  { DAFTARI_RULE_FIELD_PAYBILL,      "444400",        N_("Water") },               /* Nairobi City Water */
};

const char *
daftari_rule_field_to_string (DaftariRuleField field)
{
  g_return_val_if_fail (field <= DAFTARI_RULE_FIELD_TEXT, "text");
  return field_names[field];
}

gboolean
daftari_rule_field_from_string (const char *text, DaftariRuleField *out_field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_names); i++)
    if (g_strcmp0 (text, field_names[i]) == 0)
      {
        *out_field = i;
        return TRUE;
      }
  return FALSE;
}

void
daftari_category_rule_free (DaftariCategoryRule *rule)
{
  if (rule == NULL)
    return;
  g_free (rule->pattern);
  g_free (rule->category_name);
  g_free (rule);
}

char *
daftari_category_rule_describe (const DaftariCategoryRule *rule)
{
  switch (rule->field)
    {
    case DAFTARI_RULE_FIELD_PAYBILL:
      return g_strdup_printf (_("Paybill %s"), rule->pattern);
    case DAFTARI_RULE_FIELD_TILL:
      return g_strdup_printf (_("Till %s"), rule->pattern);
    case DAFTARI_RULE_FIELD_PHONE:
      return g_strdup_printf (_("phone %s"), rule->pattern);
    case DAFTARI_RULE_FIELD_COUNTERPARTY:
      return g_strdup_printf (_("payee “%s”"), rule->pattern);
    case DAFTARI_RULE_FIELD_TEXT:
    default:
      return g_strdup_printf (_("text “%s”"), rule->pattern);
    }
}

static gboolean
sql_failed (DaftariBook *book, GError **error)
{
  g_set_error (error, DAFTARI_BOOK_ERROR, DAFTARI_BOOK_ERROR_FAILED, "%s",
               sqlite3_errmsg (daftari_book_get_db (book)));
  return FALSE;
}

/* The pattern as it is stored and compared, or NULL with a message. */
static char *
normalise_pattern (DaftariRuleField field, const char *pattern, GError **error)
{
  g_autofree char *text = g_strstrip (g_strdup (pattern != NULL ? pattern : ""));
  char *phone = NULL;

  switch (field)
    {
    case DAFTARI_RULE_FIELD_PAYBILL:
    case DAFTARI_RULE_FIELD_TILL:
      if (!daftari_shortcode_check (text, error))
        return NULL;
      return g_steal_pointer (&text);
    case DAFTARI_RULE_FIELD_PHONE:
      if (!daftari_phone_normalise (text, &phone, error))
        return NULL;
      return phone;
    case DAFTARI_RULE_FIELD_COUNTERPARTY:
    case DAFTARI_RULE_FIELD_TEXT:
    default:
      {
        char *folded = daftari_categorise_fold (text);
        if (*folded == '\0' || g_utf8_strlen (folded, -1) > 80)
          {
            g_free (folded);
            g_set_error_literal (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                                 _("A rule needs a name or text of 1 to 80 characters"));
            return NULL;
          }
        return folded;
      }
    }
}

static gboolean
check_category (DaftariBook *book, gint64 category_id, GError **error)
{
  g_autoptr(DaftariAccount) category = daftari_account_get (book, category_id, error);

  if (category == NULL)
    return FALSE;
  if (category->kind != DAFTARI_ACCOUNT_INCOME && category->kind != DAFTARI_ACCOUNT_EXPENSE)
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                   _("“%s” is not an income or expense category; a rule needs one"), category->name);
      return FALSE;
    }
  if (category->archived)
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                   _("“%s” is archived; bring it back before making a rule for it"), category->name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_rule (DaftariBook *book, DaftariRuleField field, const char *pattern, gint64 category_id,
             gint64 *out_id, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "INSERT INTO category_rule (field, pattern, category_id, created) VALUES (?, ?, ?, ?)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, field_names[field], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, pattern, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, category_id);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time () / G_USEC_PER_SEC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_EXISTS,
                   _("There is already a rule for %s “%s”; remove it first"), field_names[field], pattern);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return sql_failed (book, error);
  if (out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (daftari_book_get_db (book));
  return TRUE;
}

/* Rules are added after the defaults, so that a user's rule for a default
 * number is refused as a duplicate rather than seeded over later. */
gboolean
daftari_category_rule_add (DaftariBook *book, DaftariRuleField field, const char *pattern, gint64 category_id,
                           gint64 *out_id, GError **error)
{
  g_autofree char *normal = NULL;

  g_return_val_if_fail (field <= DAFTARI_RULE_FIELD_TEXT, FALSE);
  if ((normal = normalise_pattern (field, pattern, error)) == NULL || !check_category (book, category_id, error))
    return FALSE;
  if (!daftari_book_begin (book, error))
    return FALSE;
  if (!daftari_category_rules_seed (book, error) || !insert_rule (book, field, normal, category_id, out_id, error))
    {
      daftari_book_rollback (book);
      return FALSE;
    }
  return daftari_book_commit (book, error);
}

gboolean
daftari_category_rule_remove (DaftariBook *book, gint64 id, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!daftari_book_begin (book, error))
    return FALSE;
  if (!daftari_category_rules_seed (book, error) ||
      (stmt = daftari_book_prepare (book, "DELETE FROM category_rule WHERE id = ?", error)) == NULL)
    {
      daftari_book_rollback (book);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE || sqlite3_changes (daftari_book_get_db (book)) == 0)
    {
      if (rc != SQLITE_DONE)
        sql_failed (book, error);
      else
        g_set_error (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_NOT_FOUND,
                     _("There is no rule number %lld; “rule list” shows them"), (long long) id);
      daftari_book_rollback (book);
      return FALSE;
    }
  return daftari_book_commit (book, error);
}

GPtrArray *
daftari_category_rule_list (DaftariBook *book, GError **error)
{
  sqlite3_stmt *stmt = daftari_book_prepare (book,
      "SELECT r.id, r.field, r.pattern, r.category_id, a.name, a.kind, a.archived, r.created "
      "FROM category_rule r JOIN account a ON a.id = r.category_id ORDER BY r.field, r.pattern", error);
  GPtrArray *rules;
  int rc;

  if (stmt == NULL)
    return NULL;
  rules = g_ptr_array_new_with_free_func ((GDestroyNotify) daftari_category_rule_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftariCategoryRule *rule = g_new0 (DaftariCategoryRule, 1);
      rule->id = sqlite3_column_int64 (stmt, 0);
      daftari_rule_field_from_string ((const char *) sqlite3_column_text (stmt, 1), &rule->field);
      rule->pattern = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      rule->category_id = sqlite3_column_int64 (stmt, 3);
      rule->category_name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      rule->money_in = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 5), "income") == 0;
      rule->archived = sqlite3_column_int (stmt, 6) != 0;
      rule->created = sqlite3_column_int64 (stmt, 7);
      g_ptr_array_add (rules, rule);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_ptr_array_unref (rules);
      sql_failed (book, error);
      return NULL;
    }
  return rules;
}

gboolean
daftari_category_rules_seed (DaftariBook *book, GError **error)
{
  g_autofree char *seeded = daftari_book_get_setting (book, SEEDED_SETTING);
  gboolean ok;

  if (seeded != NULL)
    return TRUE;
  if (!daftari_book_begin (book, error))
    return FALSE;
  ok = TRUE;
  for (guint i = 0; ok && i < G_N_ELEMENTS (default_rules); i++)
    {
      g_autoptr(DaftariAccount) category = daftari_account_find (book, _(default_rules[i].category), NULL);
      g_autoptr(GError) local = NULL;
      /* A renamed or deleted category simply has no default rule. */
      if (category == NULL || !daftari_account_kind_is_category (category->kind) || category->archived)
        continue;
      if (!insert_rule (book, default_rules[i].field, default_rules[i].pattern, category->id, NULL, &local) &&
          !g_error_matches (local, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          ok = FALSE;
        }
    }
  ok = ok && daftari_book_set_setting (book, SEEDED_SETTING, "1", error);
  if (!ok)
    {
      daftari_book_rollback (book);
      return FALSE;
    }
  return daftari_book_commit (book, error);
}

/* 0: no match; else higher is more specific. */
static gsize
match_strength (const DaftariCategoryRule *rule, const DaftariCategoriseFeatures *f, const char *name,
                const char *text)
{
  switch (rule->field)
    {
    case DAFTARI_RULE_FIELD_PAYBILL:
      return g_str_equal (f->channel, "paybill") && g_str_equal (f->number, rule->pattern) ? G_MAXSIZE : 0;
    case DAFTARI_RULE_FIELD_TILL:
      return g_str_equal (f->channel, "till") && g_str_equal (f->number, rule->pattern) ? G_MAXSIZE : 0;
    case DAFTARI_RULE_FIELD_PHONE:
      return g_str_equal (f->phone, rule->pattern) ? G_MAXSIZE : 0;
    case DAFTARI_RULE_FIELD_COUNTERPARTY:
      return g_str_equal (name, rule->pattern) ? G_MAXSIZE / 2 : 0;
    case DAFTARI_RULE_FIELD_TEXT:
    default:
      return strstr (text, rule->pattern) != NULL ? strlen (rule->pattern) : 0;
    }
}

static gboolean
matches_by_number (const DaftariCategoryRule *rule)
{
  return rule->field == DAFTARI_RULE_FIELD_PAYBILL || rule->field == DAFTARI_RULE_FIELD_TILL ||
         rule->field == DAFTARI_RULE_FIELD_PHONE;
}

/* The most specific rule of those for which `numbers` says whether they
 * match by a number or phone; on a tie the older rule. name and text may
 * be NULL when no such rule needs them. */
static const DaftariCategoryRule *
best_rule (GPtrArray *rules, const DaftariCategoriseFeatures *f, gboolean numbers, const char *name,
           const char *text)
{
  const DaftariCategoryRule *best = NULL;
  gsize best_strength = 0;

  for (guint i = 0; rules != NULL && i < rules->len; i++)
    {
      const DaftariCategoryRule *rule = g_ptr_array_index (rules, i);
      gsize strength;
      if (rule->archived || rule->money_in != f->money_in || matches_by_number (rule) != numbers)
        continue;
      strength = match_strength (rule, f, name, text);
      if (strength > best_strength || (strength == best_strength && strength > 0 && rule->id < best->id))
        {
          best = rule;
          best_strength = strength;
        }
    }
  return best;
}

static gboolean
has_text_rules (GPtrArray *rules, gboolean money_in)
{
  for (guint i = 0; rules != NULL && i < rules->len; i++)
    {
      const DaftariCategoryRule *rule = g_ptr_array_index (rules, i);
      if (!rule->archived && rule->money_in == money_in && !matches_by_number (rule))
        return TRUE;
    }
  return FALSE;
}

const DaftariCategoryRule *
daftari_category_rules_match (GPtrArray *rules, const DaftariCategoriseFeatures *f)
{
  const DaftariCategoryRule *rule = best_rule (rules, f, TRUE, NULL, NULL);
  g_autofree char *name = NULL, *joined = NULL, *text = NULL;

  /* A number or phone is more specific than any name or text, so the
   * payee is only folded (every row of an import is matched) when no
   * number decides and some rule reads it. */
  if (rule != NULL || !has_text_rules (rules, f->money_in))
    return rule;
  name = daftari_categorise_fold (f->counterparty);
  joined = g_strconcat (f->text, " ", f->counterparty, NULL);
  text = daftari_categorise_fold (joined);
  return best_rule (rules, f, FALSE, name, text);
}
