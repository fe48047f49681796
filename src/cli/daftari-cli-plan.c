/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Planning: schedule (recurring transactions), budget, anomalies
 * (docs/planning.md). */
#include "daftari-cli-context.h"

#include <glib/gi18n-lib.h>

#include "daftari-anomaly.h"
#include "daftari-budget.h"
#include "daftari-schedule.h"

/* How far ahead "schedule list" looks unless told. */
#define DEFAULT_DAYS_AHEAD 30

static void
add_text (JsonBuilder *builder, const char *member, const char *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value != NULL ? value : "");
}

static void
add_int (JsonBuilder *builder, const char *member, gint64 value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

/* "2025-03-07", or "" for day 0. */
static char *
day_text (DaftariDay day)
{
  return day != 0 ? daftari_day_format (day) : g_strdup ("");
}

static char *
month_text (DaftariMonth month)
{
  return g_strdup_printf ("%04d-%02d", month / 100, month % 100);
}

static char *
money_text (DaftariCli *cli, gint64 minor)
{
  return daftari_money_format (minor, daftari_book_get_currency (cli->book), 0);
}

static DaftariDay
today_of (DaftariCli *cli)
{
  return daftari_calendar_today (daftari_book_get_calendar (cli->book));
}

/* --today, --until and the like: a day, or today when text is NULL. */
static gboolean
day_or_today (DaftariCli *cli, const char *text, DaftariDay *out_day, GError **error)
{
  if (text == NULL)
    {
      *out_day = today_of (cli);
      return TRUE;
    }
  return daftari_day_parse (text, out_day, error);
}

static const char *
account_name (DaftariCli *cli, gint64 id, GHashTable *cache)
{
  const char *name = g_hash_table_lookup (cache, &id);

  if (name == NULL && id != 0)
    {
      g_autoptr(DaftariAccount) account = daftari_account_get (cli->book, id, NULL);
      gint64 *key = g_memdup2 (&id, sizeof id);

      name = account != NULL ? g_strdup (account->name) : g_strdup ("?");
      g_hash_table_insert (cache, key, (gpointer) name);
    }
  return name != NULL ? name : "";
}

static GHashTable *
name_cache_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

/* ---- schedule ------------------------------------------------------- */

typedef struct {
  char *every, *category, *to, *channel, *number, *account, *fee, *memo, *start, *end;
} AddOptions;

static void
add_options_clear (AddOptions *o)
{
  g_free (o->every);
  g_free (o->category);
  g_free (o->to);
  g_free (o->channel);
  g_free (o->number);
  g_free (o->account);
  g_free (o->fee);
  g_free (o->memo);
  g_free (o->start);
  g_free (o->end);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AddOptions, add_options_clear)

/* The target: the category, or for a transfer the wallet it goes to. */
static gboolean
fill_target (DaftariCli *cli, const AddOptions *o, DaftariSchedule *s, GError **error)
{
  g_autoptr(DaftariAccount) target = NULL;
  const char *name = s->kind == DAFTARI_TXN_TRANSFER ? o->to : o->category;

  if (name == NULL)
    {
      if (s->kind == DAFTARI_TXN_PAYMENT)
        return TRUE;
      g_set_error_literal (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                           s->kind == DAFTARI_TXN_TRANSFER ? _("A scheduled transfer needs --to WALLET")
                                                           : _("Scheduled income or expense needs --category"));
      return FALSE;
    }
  if ((target = daftari_cli_account (cli, name, error)) == NULL)
    return FALSE;
  s->target_id = target->id;
  return TRUE;
}

static gboolean
fill_payment (const AddOptions *o, DaftariSchedule *s, GError **error)
{
  if (s->kind != DAFTARI_TXN_PAYMENT)
    return TRUE;
  if (o->channel == NULL || !daftari_pay_channel_from_string (o->channel, &s->channel) || o->number == NULL)
    {
      g_set_error_literal (error, DAFTARI_INPUT_ERROR, DAFTARI_INPUT_ERROR_INVALID,
                           _("A scheduled payment needs --channel paybill|till|pochi and --number"));
      return FALSE;
    }
  g_free (s->number);
  s->number = g_strdup (o->number);
  g_free (s->reference);
  s->reference = g_strdup (o->account != NULL ? o->account : "");
  return TRUE;
}

static gboolean
fill_schedule (DaftariCli *cli, char **argv, const AddOptions *o, DaftariSchedule *s, GError **error)
{
  g_autoptr(DaftariAccount) wallet = NULL;

  g_free (s->name);
  s->name = g_strdup (argv[0]);
  g_free (s->memo);
  s->memo = g_strdup (o->memo != NULL ? o->memo : "");
  if ((wallet = daftari_cli_account (cli, argv[2], error)) == NULL ||
      !daftari_money_parse (argv[3], wallet->commodity, &s->amount, error) ||
      (o->fee != NULL && !daftari_money_parse (o->fee, wallet->commodity, &s->fee, error)) ||
      !daftari_recurrence_parse (o->every, &s->rule, error) ||
      !day_or_today (cli, o->start, &s->start_day, error) ||
      (o->end != NULL && !daftari_day_parse (o->end, &s->end_day, error)))
    return FALSE;
  s->wallet_id = wallet->id;
  return fill_target (cli, o, s, error) && fill_payment (o, s, error);
}

static int
schedule_show_added (DaftariCli *cli, gint64 id)
{
  g_autofree char *key = g_strdup_printf ("%lld", (long long) id);
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariSchedule) s = daftari_schedule_find (cli->book, key, &error);
  g_autofree char *next = NULL;
  g_autofree char *rule = NULL;

  if (s == NULL)
    return daftari_cli_fail (cli, error);
  next = day_text (s->next_day);
  rule = daftari_recurrence_describe (&s->rule);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_object (builder);
      add_int (builder, "id", s->id);
      add_text (builder, "name", s->name);
      daftari_cli_json_day (builder, "next", s->next_day);
      json_builder_end_object (builder);
      daftari_cli_print_json (builder);
    }
  else
    /* Translators: "Schedule 3 “Shop rent”: every month on day 1; first on 2025-02-01" */
    g_print (_("Schedule %lld “%s”: %s; first on %s\n"), (long long) s->id, s->name, rule, next);
  return DAFTARI_EXIT_OK;
}

static int
schedule_add (DaftariCli *cli, int argc, char **argv)
{
  g_auto(AddOptions) o = { 0 };
  const GOptionEntry entries[] = {
    { "every", 0, 0, G_OPTION_ARG_STRING, &o.every,
      N_("When: monthly:DAY (1-31; the last day in shorter months), weekly:mon…sun, days:N"), N_("RULE") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &o.category, N_("The income or expense category"), N_("NAME") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &o.to, N_("The wallet a transfer goes to"), N_("WALLET") },
    { "channel", 0, 0, G_OPTION_ARG_STRING, &o.channel, N_("A payment’s channel: paybill, till or pochi"), N_("CHANNEL") },
    { "number", 0, 0, G_OPTION_ARG_STRING, &o.number, N_("The Paybill, Till or phone number"), N_("NUMBER") },
    { "account", 0, 0, G_OPTION_ARG_STRING, &o.account, N_("The Paybill account number"), N_("REF") },
    { "fee", 0, 0, G_OPTION_ARG_STRING, &o.fee, N_("The charge of a transfer or payment"), N_("AMOUNT") },
    { "memo", 0, 0, G_OPTION_ARG_STRING, &o.memo, N_("A note (default: the schedule’s name)"), N_("TEXT") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &o.start, N_("The first day it may fall on (default today)"), N_("YYYY-MM-DD") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &o.end, N_("The last day it may fall on (default none)"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariSchedule) s = daftari_schedule_new ();
  int status = DAFTARI_EXIT_OK;
  gint64 id;

  if (!daftari_cli_parse (cli, &argc, &argv, _("NAME income|expense|transfer|payment WALLET AMOUNT"),
                          _("Add a recurring transaction, posted by “schedule run” when due."), entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 4 || !daftari_txn_kind_from_string (argv[1], &s->kind))
    return daftari_cli_usage ("%s", _("schedule add needs NAME, then income, expense, transfer or payment, "
                                      "then WALLET and AMOUNT"));
  if (o.every == NULL)
    return daftari_cli_usage ("%s", _("schedule add needs --every, such as --every monthly:1"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if (!fill_schedule (cli, argv, &o, s, &error) || !daftari_schedule_add (cli->book, s, &id, &error))
    return daftari_cli_fail (cli, error);
  return schedule_show_added (cli, id);
}

static void
schedule_json (DaftariCli *cli, JsonBuilder *builder, const DaftariSchedule *s, GHashTable *names)
{
  g_autofree char *rule = daftari_recurrence_to_string (&s->rule);
  g_autoptr(DaftariAccount) wallet = daftari_account_get (cli->book, s->wallet_id, NULL);

  json_builder_begin_object (builder);
  add_int (builder, "id", s->id);
  add_text (builder, "name", s->name);
  add_text (builder, "kind", daftari_txn_kind_to_string (s->kind));
  add_text (builder, "wallet", account_name (cli, s->wallet_id, names));
  add_text (builder, s->kind == DAFTARI_TXN_TRANSFER ? "to" : "category", account_name (cli, s->target_id, names));
  if (wallet != NULL)
    daftari_cli_json_money (builder, "amount", s->amount, wallet->commodity);
  add_text (builder, "rule", rule);
  daftari_cli_json_day (builder, "start", s->start_day);
  daftari_cli_json_day (builder, "end", s->end_day);
  daftari_cli_json_day (builder, "next", s->next_day);
  daftari_cli_json_day (builder, "last", s->last_day);
  json_builder_set_member_name (builder, "active");
  json_builder_add_boolean_value (builder, s->active);
  json_builder_end_object (builder);
}

static void
schedules_text (DaftariCli *cli, GPtrArray *schedules, GHashTable *names, DaftariDay today)
{
  if (schedules->len == 0)
    g_print ("%s\n", _("No schedules yet; “schedule add” makes one."));
  for (guint i = 0; i < schedules->len; i++)
    {
      const DaftariSchedule *s = g_ptr_array_index (schedules, i);
      g_autofree char *rule = daftari_recurrence_describe (&s->rule);
      g_autofree char *amount = money_text (cli, s->amount);
      g_autofree char *next = day_text (s->next_day);
      const char *state = !s->active ? _("paused") : s->next_day == 0 ? _("ended")
                          : s->next_day <= today ? _("due") : "";

      g_print ("%4lld  %-20s %-9s %18s  %-16s %s; %s %s  %s\n", (long long) s->id, s->name,
               daftari_txn_kind_to_string (s->kind), amount, account_name (cli, s->wallet_id, names), rule,
               _("next"), *next ? next : "—", state);
    }
}

static void
upcoming_text (DaftariCli *cli, GArray *upcoming, GPtrArray *schedules, int days)
{
  g_print ("\n");
  g_print (g_dngettext (GETTEXT_PACKAGE, "Coming in the next %d day:\n", "Coming in the next %d days:\n", days),
           days);
  if (upcoming->len == 0)
    g_print ("  %s\n", _("nothing"));
  for (guint i = 0; i < upcoming->len; i++)
    {
      const DaftariOccurrence *o = &g_array_index (upcoming, DaftariOccurrence, i);
      const DaftariSchedule *s = daftari_schedule_in_list (schedules, o->schedule_id);
      g_autofree char *day = day_text (o->day);
      g_autofree char *amount = money_text (cli, o->amount);

      g_print ("  %s  %-20s %-9s %18s\n", day, s != NULL ? s->name : "?", daftari_txn_kind_to_string (o->kind),
               amount);
    }
}

static void
upcoming_json (DaftariCli *cli, JsonBuilder *builder, GArray *upcoming, GPtrArray *schedules)
{
  json_builder_set_member_name (builder, "upcoming");
  json_builder_begin_array (builder);
  for (guint i = 0; i < upcoming->len; i++)
    {
      const DaftariOccurrence *o = &g_array_index (upcoming, DaftariOccurrence, i);
      const DaftariSchedule *s = daftari_schedule_in_list (schedules, o->schedule_id);
      g_autoptr(DaftariAccount) wallet = daftari_account_get (cli->book, o->wallet_id, NULL);

      json_builder_begin_object (builder);
      daftari_cli_json_day (builder, "day", o->day);
      add_int (builder, "schedule_id", o->schedule_id);
      add_text (builder, "schedule", s != NULL ? s->name : "");
      add_text (builder, "kind", daftari_txn_kind_to_string (o->kind));
      if (wallet != NULL)
        daftari_cli_json_money (builder, "amount", o->amount, wallet->commodity);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static int
schedule_list (DaftariCli *cli, int argc, char **argv)
{
  int days = DEFAULT_DAYS_AHEAD;
  const GOptionEntry entries[] = {
    { "days", 0, 0, G_OPTION_ARG_INT, &days, N_("How many days ahead to show (default 30)"), N_("N") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) schedules = NULL;
  g_autoptr(GArray) upcoming = NULL;
  g_autoptr(GHashTable) names = name_cache_new ();
  int status = DAFTARI_EXIT_OK;
  DaftariDay today;

  if (!daftari_cli_parse (cli, &argc, &argv, NULL, _("List the schedules and what falls due soon."), entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 0 || days < 0 || days > 3660)
    return daftari_cli_usage ("%s", _("schedule list takes only --days N (0 to 3660)"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  today = today_of (cli);
  if ((schedules = daftari_schedule_list (cli->book, &error)) == NULL ||
      (upcoming = daftari_schedule_upcoming (cli->book, 0, daftari_day_add (today, days), &error)) == NULL)
    return daftari_cli_fail (cli, error);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "schedules");
      json_builder_begin_array (builder);
      for (guint i = 0; i < schedules->len; i++)
        schedule_json (cli, builder, g_ptr_array_index (schedules, i), names);
      json_builder_end_array (builder);
      upcoming_json (cli, builder, upcoming, schedules);
      json_builder_end_object (builder);
      daftari_cli_print_json (builder);
      return DAFTARI_EXIT_OK;
    }
  schedules_text (cli, schedules, names, today);
  upcoming_text (cli, upcoming, schedules, days);
  return DAFTARI_EXIT_OK;
}

static void
outcomes_json (JsonBuilder *builder, const char *member, GArray *outcomes, GPtrArray *schedules)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < outcomes->len; i++)
    {
      const DaftariScheduleOutcome *o = &g_array_index (outcomes, DaftariScheduleOutcome, i);
      const DaftariSchedule *s = daftari_schedule_in_list (schedules, o->schedule_id);

      json_builder_begin_object (builder);
      add_int (builder, "schedule_id", o->schedule_id);
      add_text (builder, "schedule", s != NULL ? s->name : "");
      daftari_cli_json_day (builder, "day", o->day);
      if (o->reason != NULL)
        {
          add_text (builder, "reason", o->reason);
          add_int (builder, "held_back", o->held_back);
        }
      else
        add_int (builder, "txn", o->txn_id);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
run_text (const DaftariScheduleRun *run, GPtrArray *schedules, gboolean dry_run)
{
  for (guint i = 0; i < run->posted->len; i++)
    {
      const DaftariScheduleOutcome *o = &g_array_index (run->posted, DaftariScheduleOutcome, i);
      const DaftariSchedule *s = daftari_schedule_in_list (schedules, o->schedule_id);
      g_autofree char *day = day_text (o->day);

      if (dry_run)
        g_print (_("would post  %s  %s\n"), day, s != NULL ? s->name : "?");
      else
        g_print (_("posted      %s  %s  (transaction %lld)\n"), day, s != NULL ? s->name : "?",
                 (long long) o->txn_id);
    }
  for (guint i = 0; i < run->refused->len; i++)
    {
      const DaftariScheduleOutcome *o = &g_array_index (run->refused, DaftariScheduleOutcome, i);
      const DaftariSchedule *s = daftari_schedule_in_list (schedules, o->schedule_id);
      g_autofree char *day = day_text (o->day);

      g_print (_("NOT POSTED  %s  %s: %s\n"), day, s != NULL ? s->name : "?", o->reason);
      if (o->held_back > 0)
        g_print (g_dngettext (GETTEXT_PACKAGE, "            and %u later occurrence waits behind it\n",
                              "            and %u later occurrences wait behind it\n", o->held_back),
                 o->held_back);
    }
  if (run->posted->len == 0 && run->refused->len == 0)
    g_print ("%s\n", _("Nothing is due."));
}

static int
schedule_run (DaftariCli *cli, int argc, char **argv)
{
  g_autofree char *until_text = NULL;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "until", 0, 0, G_OPTION_ARG_STRING, &until_text, N_("Post what falls due up to this day (default today)"),
      N_("YYYY-MM-DD") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Show what would be posted, and post nothing"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) schedules = NULL;
  g_autoptr(DaftariScheduleRun) run = NULL;
  int status = DAFTARI_EXIT_OK;
  DaftariDay until;

  if (!daftari_cli_parse (cli, &argc, &argv, NULL,
                          _("Post every occurrence that fell due since the last run, in date order, as one "
                            "write. One the rules refuse is reported and stays due."), entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 0)
    return daftari_cli_usage ("%s", _("schedule run takes only --until and --dry-run"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if (!day_or_today (cli, until_text, &until, &error) ||
      (schedules = daftari_schedule_list (cli->book, &error)) == NULL ||
      (run = daftari_schedule_run (cli->book, until, dry_run, &error)) == NULL)
    return daftari_cli_fail (cli, error);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "dry_run");
      json_builder_add_boolean_value (builder, dry_run);
      outcomes_json (builder, "posted", run->posted, schedules);
      outcomes_json (builder, "refused", run->refused, schedules);
      json_builder_end_object (builder);
      daftari_cli_print_json (builder);
    }
  else
    run_text (run, schedules, dry_run);
  /* A refusal is the user's to act on, as for any refused post. */
  return run->refused->len > 0 ? DAFTARI_EXIT_REFUSED : DAFTARI_EXIT_OK;
}

/* remove, pause, resume: one schedule by name or number. */
static int
schedule_change (DaftariCli *cli, int argc, char **argv)
{
  const char *verb = argv[0];
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariSchedule) s = NULL;
  int status = DAFTARI_EXIT_OK;
  gboolean ok;

  if (!daftari_cli_parse (cli, &argc, &argv, _("NAME"), _("Remove, pause or resume a schedule."), NULL))
    return DAFTARI_EXIT_USAGE;
  if (argc != 1)
    return daftari_cli_usage (_("schedule %s needs the schedule’s name or number"), verb);
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if ((s = daftari_schedule_find (cli->book, argv[0], &error)) == NULL)
    return daftari_cli_fail (cli, error);
  if (g_str_equal (verb, "remove"))
    ok = daftari_schedule_remove (cli->book, s->id, &error);
  else
    ok = daftari_schedule_set_active (cli->book, s->id, g_str_equal (verb, "resume"), today_of (cli), &error);
  if (!ok)
    return daftari_cli_fail (cli, error);
  if (!cli->json)
    g_print (g_str_equal (verb, "remove") ? _("Removed “%s”.\n")
             : g_str_equal (verb, "resume") ? _("Resumed “%s”.\n") : _("Paused “%s”.\n"), s->name);
  return DAFTARI_EXIT_OK;
}

int
daftari_cli_schedule (DaftariCli *cli, int argc, char **argv)
{
  cli->group = "schedule";
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return schedule_add (cli, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return schedule_list (cli, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "run"))
    return schedule_run (cli, argc - 1, argv + 1);
  if (argc >= 2 && (g_str_equal (argv[1], "remove") || g_str_equal (argv[1], "pause") ||
                    g_str_equal (argv[1], "resume")))
    return schedule_change (cli, argc - 1, argv + 1);
  return daftari_cli_usage ("%s", _("use “schedule add”, “list”, “run”, “pause”, “resume” or “remove”"));
}

/* ---- budget ---------------------------------------------------------- */

static gboolean
month_or_every (const char *text, DaftariMonth *out_month, GError **error)
{
  *out_month = 0;
  return text == NULL || daftari_month_parse (text, out_month, error);
}

static int
budget_set (DaftariCli *cli, int argc, char **argv, gboolean remove)
{
  g_autofree char *month_arg = NULL;
  const GOptionEntry entries[] = {
    { "month", 0, 0, G_OPTION_ARG_STRING, &month_arg, N_("Only this month (default: every month)"), N_("YYYY-MM") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariAccount) category = NULL;
  int status = DAFTARI_EXIT_OK;
  DaftariMonth month;
  gint64 amount = 0;
  gboolean ok;

  if (!daftari_cli_parse (cli, &argc, &argv, remove ? _("CATEGORY") : _("CATEGORY AMOUNT"),
                          remove ? _("Remove a category’s budget.")
                                 : _("Set a category’s monthly budget, for every month or for one."), entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != (remove ? 1 : 2))
    return daftari_cli_usage ("%s", remove ? _("budget remove needs CATEGORY")
                                           : _("budget set needs CATEGORY and AMOUNT"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if (!month_or_every (month_arg, &month, &error) ||
      (category = daftari_cli_account (cli, argv[0], &error)) == NULL ||
      (!remove && !daftari_money_parse (argv[1], daftari_book_get_currency (cli->book), &amount, &error)))
    return daftari_cli_fail (cli, error);
  ok = remove ? daftari_budget_remove (cli->book, category->id, month, &error)
              : daftari_budget_set (cli->book, category->id, month, amount, &error);
  if (!ok)
    return daftari_cli_fail (cli, error);
  if (!cli->json)
    {
      g_autofree char *text = money_text (cli, amount);
      g_autofree char *when = month != 0 ? month_text (month) : g_strdup (_("every month"));
      if (remove)
        g_print (_("Removed the budget of %s for %s.\n"), category->name, when);
      else
        g_print (_("Budget of %s for %s: %s.\n"), category->name, when, text);
    }
  return DAFTARI_EXIT_OK;
}

static const char *
state_text (DaftariBudgetState state)
{
  switch (state)
    {
    case DAFTARI_BUDGET_OVER:
      return _("over budget");
    case DAFTARI_BUDGET_AHEAD:
      return _("ahead of the month’s pace");
    case DAFTARI_BUDGET_ON_TRACK:
    default:
      return "";
    }
}

static void
budget_text (DaftariCli *cli, const DaftariBudgetReport *r)
{
  g_autofree char *month = month_text (r->month);
  g_autofree char *budget = money_text (cli, r->budget);
  g_autofree char *actual = money_text (cli, r->actual);

  /* Translators: "Budgets for 2025-03 (day 12 of 31)" */
  g_print (_("Budgets for %s (day %d of %d)\n\n"), month, r->elapsed_days, r->days);
  g_print ("  %-24s %18s %18s %18s %6s  %s\n", _("Category"), _("Budget"), _("Spent"), _("Left"), "%", "");
  for (guint i = 0; i < r->lines->len; i++)
    {
      const DaftariBudgetLine *l = &g_array_index (r->lines, DaftariBudgetLine, i);
      g_autofree char *b = money_text (cli, l->budget);
      g_autofree char *a = money_text (cli, l->actual);
      g_autofree char *v = money_text (cli, l->variance);
      g_autofree char *pct = l->percent >= 0 ? g_strdup_printf ("%d", l->percent) : g_strdup ("—");

      g_print ("  %-24s %18s %18s %18s %6s  %s\n", l->category, b, a, v, pct, state_text (l->state));
    }
  if (r->lines->len == 0)
    g_print ("  %s\n", _("No budgets; “budget set CATEGORY AMOUNT” sets one."));
  else
    g_print ("  %-24s %18s %18s\n", _("Total"), budget, actual);
}

static void
budget_json (DaftariCli *cli, const DaftariBudgetReport *r)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *month = month_text (r->month);
  const DaftariCommodity *currency = daftari_book_get_currency (cli->book);

  json_builder_begin_object (builder);
  add_text (builder, "month", month);
  add_int (builder, "days", r->days);
  add_int (builder, "elapsed_days", r->elapsed_days);
  daftari_cli_json_money (builder, "budget", r->budget, currency);
  daftari_cli_json_money (builder, "actual", r->actual, currency);
  json_builder_set_member_name (builder, "lines");
  json_builder_begin_array (builder);
  for (guint i = 0; i < r->lines->len; i++)
    {
      const DaftariBudgetLine *l = &g_array_index (r->lines, DaftariBudgetLine, i);

      json_builder_begin_object (builder);
      add_text (builder, "category", l->category);
      json_builder_set_member_name (builder, "every_month");
      json_builder_add_boolean_value (builder, l->every_month);
      daftari_cli_json_money (builder, "budget", l->budget, currency);
      daftari_cli_json_money (builder, "actual", l->actual, currency);
      daftari_cli_json_money (builder, "variance", l->variance, currency);
      json_builder_set_member_name (builder, "percent");
      if (l->percent >= 0)
        json_builder_add_int_value (builder, l->percent);
      else
        json_builder_add_null_value (builder);
      add_text (builder, "state", daftari_budget_state_to_string (l->state));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  daftari_cli_print_json (builder);
}

static int
budget_show (DaftariCli *cli, int argc, char **argv)
{
  g_autofree char *month_arg = NULL;
  g_autofree char *today_arg = NULL;
  const GOptionEntry entries[] = {
    { "month", 0, 0, G_OPTION_ARG_STRING, &month_arg, N_("The month (default this month)"), N_("YYYY-MM") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_arg, N_("Judge the pace as on this day (default today)"),
      N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftariBudgetReport) report = NULL;
  int status = DAFTARI_EXIT_OK;
  DaftariMonth month;
  DaftariDay today;

  if (!daftari_cli_parse (cli, &argc, &argv, NULL,
                          _("Show each budget against what was spent, what is left, and whether spending "
                            "runs ahead of the month’s pace."), entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 0)
    return daftari_cli_usage ("%s", _("budget show takes only --month and --today"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if (!day_or_today (cli, today_arg, &today, &error) || !month_or_every (month_arg, &month, &error))
    return daftari_cli_fail (cli, error);
  if (month == 0)
    month = today / 100;
  if ((report = daftari_budget_report (cli->book, month, today, &error)) == NULL)
    return daftari_cli_fail (cli, error);
  if (cli->json)
    budget_json (cli, report);
  else
    budget_text (cli, report);
  return DAFTARI_EXIT_OK;
}

int
daftari_cli_budget (DaftariCli *cli, int argc, char **argv)
{
  cli->group = "budget";
  if (argc >= 2 && g_str_equal (argv[1], "set"))
    return budget_set (cli, argc - 1, argv + 1, FALSE);
  if (argc >= 2 && g_str_equal (argv[1], "remove"))
    return budget_set (cli, argc - 1, argv + 1, TRUE);
  if (argc >= 2 && g_str_equal (argv[1], "show"))
    return budget_show (cli, argc - 1, argv + 1);
  return daftari_cli_usage ("%s", _("use “budget set”, “budget show” or “budget remove”"));
}

/* ---- anomalies ------------------------------------------------------- */

static void
anomalies_json (DaftariCli *cli, GPtrArray *flags)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GHashTable) names = name_cache_new ();
  const DaftariCommodity *currency = daftari_book_get_currency (cli->book);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "anomalies");
  json_builder_begin_array (builder);
  for (guint i = 0; i < flags->len; i++)
    {
      const DaftariAnomaly *a = g_ptr_array_index (flags, i);
      g_autofree char *date = daftari_calendar_format_date (daftari_book_get_calendar (cli->book), a->ts);
      g_autofree char *month = month_text (a->month);

      json_builder_begin_object (builder);
      add_text (builder, "key", a->key);
      add_text (builder, "kind", daftari_anomaly_kind_to_string (a->kind));
      add_int (builder, "txn", a->txn_id);
      add_text (builder, "date", date);
      add_text (builder, "month", month);
      add_text (builder, "category", account_name (cli, a->category_id, names));
      add_text (builder, "payee", a->payee);
      daftari_cli_json_money (builder, "amount", a->amount, currency);
      daftari_cli_json_money (builder, "usual", a->usual, currency);
      if (a->related_txn_id != 0)
        add_int (builder, "related_txn", a->related_txn_id);
      add_text (builder, "why", a->message);
      json_builder_set_member_name (builder, "dismissed");
      json_builder_add_boolean_value (builder, a->dismissed);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  daftari_cli_print_json (builder);
}

static void
anomalies_text (GPtrArray *flags)
{
  if (flags->len == 0)
    g_print ("%s\n", _("Nothing unusual."));
  for (guint i = 0; i < flags->len; i++)
    {
      const DaftariAnomaly *a = g_ptr_array_index (flags, i);
      g_print ("%-22s %s%s\n", a->key, a->message, a->dismissed ? _(" (dismissed)") : "");
    }
}

static int
anomalies_key (DaftariCli *cli, int argc, char **argv)
{
  gboolean restore = g_str_equal (argv[0], "restore");
  g_autoptr(GError) error = NULL;
  int status = DAFTARI_EXIT_OK;

  cli->group = "anomalies";
  if (!daftari_cli_parse (cli, &argc, &argv, _("KEY"),
                          restore ? _("Bring a dismissed flag back.") : _("Set a flag aside for good."), NULL))
    return DAFTARI_EXIT_USAGE;
  if (argc != 1)
    return daftari_cli_usage ("%s", _("give the flag’s key, as “anomalies” shows it"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  if (!(restore ? daftari_anomaly_restore : daftari_anomaly_dismiss) (cli->book, argv[0], &error))
    return daftari_cli_fail (cli, error);
  if (!cli->json)
    g_print (restore ? _("Restored %s.\n") : _("Dismissed %s.\n"), argv[0]);
  return DAFTARI_EXIT_OK;
}

static gboolean
window (DaftariCli *cli, const char *from, const char *to, DaftariAnomalyOptions *o, GError **error)
{
  DaftariCalendar *calendar = daftari_book_get_calendar (cli->book);
  DaftariDay day;

  if (from != NULL)
    {
      if (!daftari_day_parse (from, &day, error))
        return FALSE;
      o->from_ts = daftari_calendar_day_start (calendar, day);
    }
  if (to != NULL)
    {
      if (!daftari_day_parse (to, &day, error))
        return FALSE;
      o->to_ts = daftari_calendar_day_end (calendar, day);
    }
  return TRUE;
}

int
daftari_cli_anomalies (DaftariCli *cli, int argc, char **argv)
{
  g_autofree char *from = NULL, *to = NULL, *today_arg = NULL;
  gboolean all = FALSE;
  int months = 3;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("Flag transactions from this day"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Flag transactions up to this day"), N_("YYYY-MM-DD") },
    { "months", 0, 0, G_OPTION_ARG_INT, &months,
      N_("Months judged against their forecast, up to this one (default 3)"), N_("N") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_arg, N_("Judge months as on this day (default today)"),
      N_("YYYY-MM-DD") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Show dismissed flags too"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) flags = NULL;
  DaftariAnomalyOptions options;
  int status = DAFTARI_EXIT_OK;

  if (argc >= 2 && (g_str_equal (argv[1], "dismiss") || g_str_equal (argv[1], "restore")))
    return anomalies_key (cli, argc - 1, argv + 1);
  if (!daftari_cli_parse (cli, &argc, &argv, NULL,
                          _("Flag amounts far above the usual, payments made twice, large first payments "
                            "to new payees, and months far above their forecast. “anomalies dismiss KEY” "
                            "sets a flag aside."), entries))
    return DAFTARI_EXIT_USAGE;
  if (argc != 0 || months < 0 || months > 24)
    return daftari_cli_usage ("%s", _("anomalies takes --from, --to, --months (0 to 24), --today and --all; "
                                      "or “anomalies dismiss KEY”"));
  if (!daftari_cli_open_book (cli, &status))
    return status;
  daftari_anomaly_options_init (&options);
  options.months = months;
  options.include_dismissed = all;
  if (!window (cli, from, to, &options, &error) ||
      (today_arg != NULL && !daftari_day_parse (today_arg, &options.today, &error)) ||
      (flags = daftari_anomaly_find (cli->book, &options, &error)) == NULL)
    return daftari_cli_fail (cli, error);
  if (cli->json)
    anomalies_json (cli, flags);
  else
    anomalies_text (flags);
  return DAFTARI_EXIT_OK;
}
