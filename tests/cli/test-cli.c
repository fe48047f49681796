/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftari-cli end to end: the real binary (DAFTARI_CLI), run in a temporary
 * folder with its own XDG_DATA_HOME so that no run can reach a real book.
 * Every command and every exit status: 0 done, 1 refused or invalid (one
 * line on stderr, nothing written), 2 usage, 3 file or database error. */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

typedef struct {
  const char *cli;
  char       *dir;
  char       *book;
} Fixture;

/* Runs the binary with argv (NULL-terminated, without the program). */
static Run
run_argv (Fixture *f, const char *const *args)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autofree char *data_home = g_build_filename (f->dir, "xdg-data", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { -1, NULL, NULL };

  g_subprocess_launcher_set_cwd (launcher, f->dir);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  g_ptr_array_add (argv, (gpointer) f->cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &run.out, &run.err, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run.status = g_subprocess_get_exit_status (process);
  return run;
}

/* Runs `daftari-cli --book BOOK args…`. */
static Run
cli (Fixture *f, ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;
  const char *arg;

  g_ptr_array_add (args, (gpointer) "--book");
  g_ptr_array_add (args, f->book);
  va_start (ap, f);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return run_argv (f, (const char *const *) args->pdata);
}

static void
assert_status (const Run *run, int status)
{
  if (run->status != status)
    g_error ("exit %d, expected %d\nstdout: %s\nstderr: %s", run->status, status, run->out, run->err);
}

/* A refusal or an error: exactly one line on stderr, naming the program. */
static void
assert_one_line (const Run *run, const char *says)
{
  gsize len = strlen (run->err);

  g_assert_true (g_str_has_prefix (run->err, "daftari-cli: "));
  g_assert_cmpuint (len, >, 14);
  g_assert_true (run->err[len - 1] == '\n');
  g_assert_true (strchr (run->err, '\n') == run->err + len - 1);
  if (says != NULL && strstr (run->err, says) == NULL)
    g_error ("stderr “%s” does not say “%s”", run->err, says);
}

static void
assert_ok (const Run *run)
{
  assert_status (run, 0);
}

static JsonNode *
parse (const Run *run)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (run->out, &error);

  if (node == NULL)
    g_error ("not JSON (%s): %s", error->message, run->out);
  return node;
}

static JsonObject *
find_named (JsonArray *array, const char *member, const char *name)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      if (g_strcmp0 (json_object_get_string_member (object, member), name) == 0)
        return object;
    }
  g_error ("no %s “%s”", member, name);
  return NULL;
}

/* The book as the CLI shows it, to compare before and after a refusal. */
static char *
book_state (Fixture *f)
{
  g_auto(Run) txns = cli (f, "--json", "txn", "list", "--include-void", NULL);
  g_auto(Run) accounts = cli (f, "--json", "account", "list", "--all", NULL);
  g_auto(Run) limit = cli (f, "--json", "limit", "show", NULL);
  g_auto(Run) rates = cli (f, "--json", "rate", "list", NULL);

  assert_ok (&txns);
  assert_ok (&accounts);
  assert_ok (&limit);
  assert_ok (&rates);
  return g_strconcat (txns.out, accounts.out, limit.out, rates.out, NULL);
}

static gint64
raw_int (Fixture *f, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (f->book, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* A book with M-PESA KES 10,000 and KCB KES 1,000,000 from 2025-01-01. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->cli = g_getenv ("DAFTARI_CLI");
  f->dir = g_dir_make_tmp ("daftari-cli-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->book = g_build_filename (f->dir, "shop.daftari", NULL);
  if (data != NULL)   /* an empty folder is asked for */
    return;
  {
    g_auto(Run) init = cli (f, "init", "--business", "Mama Mboga", NULL);
    g_auto(Run) mpesa = cli (f, "account", "add", "M-PESA", "--kind", "mpesa", "--opening", "10,000",
                             "--date", "2025-01-01", NULL);
    g_auto(Run) kcb = cli (f, "account", "add", "KCB", "--kind", "bank", "--institution", "KCB",
                           "--opening", "KES 1,000,000", "--date", "2025-01-01", NULL);
    assert_ok (&init);
    assert_ok (&mpesa);
    assert_ok (&kcb);
  }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->book);
}

static void
test_init_and_accounts (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) list = NULL;
  JsonArray *accounts;
  JsonObject *mpesa, *kcb, *bitcoin;

  {
    g_auto(Run) run = cli (f, "--json", "account", "add", "Bitcoin", "--kind", "crypto", NULL);
    g_autoptr(JsonNode) added = NULL;
    assert_ok (&run);
    added = parse (&run);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (added), "name"), ==, "Bitcoin");
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (added), "id"), >, 0);
  }
  {
    g_auto(Run) run = cli (f, "account", "add", "Dollar account", "--kind", "bank", "--commodity", "USD",
                           "--allow-overdraft", NULL);
    assert_ok (&run);
  }
  {
    g_auto(Run) run = cli (f, "--json", "account", "list", NULL);
    assert_ok (&run);
    list = parse (&run);
  }
  accounts = json_node_get_array (list);
  mpesa = find_named (accounts, "name", "M-PESA");
  kcb = find_named (accounts, "name", "KCB");
  bitcoin = find_named (accounts, "name", "Bitcoin");
  g_assert_cmpstr (json_object_get_string_member (mpesa, "kind"), ==, "mpesa");
  g_assert_cmpint (json_object_get_int_member (mpesa, "balance_minor"), ==, 1000000);
  g_assert_cmpstr (json_object_get_string_member (mpesa, "balance"), ==, "10000.00");
  g_assert_cmpstr (json_object_get_string_member (kcb, "institution"), ==, "KCB");
  g_assert_cmpint (json_object_get_int_member (kcb, "balance_minor"), ==, 100000000);
  g_assert_cmpstr (json_object_get_string_member (bitcoin, "commodity"), ==, "BTC");
  g_assert_true (json_object_get_boolean_member (find_named (accounts, "name", "Dollar account"), "allow_overdraft"));
  g_assert_cmpstr (json_object_get_string_member (find_named (accounts, "name", "Sales"), "kind"), ==, "income");
  /* Opening balances read as equity grown by 1,010,000. */
  g_assert_cmpint (json_object_get_int_member (find_named (accounts, "name", "Opening balances"), "balance_minor"),
                   ==, 101000000);

  {
    g_auto(Run) run = cli (f, "account", "list", NULL);
    assert_ok (&run);
    g_assert_nonnull (strstr (run.out, "M-PESA"));
    g_assert_nonnull (strstr (run.out, "1,000,000.00"));
  }
  /* Refusals: a taken name, a bad kind (usage), a bank for a cash box. */
  {
    g_auto(Run) run = cli (f, "account", "add", "m-pesa", "--kind", "cash", NULL);
    assert_status (&run, 1);
    assert_one_line (&run, "already");
  }
  {
    g_auto(Run) run = cli (f, "account", "add", "Till float", "--kind", "piggybank", NULL);
    assert_status (&run, 2);
  }
  {
    g_auto(Run) run = cli (f, "account", "add", "Tin", "--kind", "cash", "--institution", "KCB", NULL);
    assert_status (&run, 1);
    assert_one_line (&run, "institution");
  }
  {
    g_auto(Run) run = cli (f, "account", "add", "Mobile", "--kind", "mpesa", "--commodity", "USD", NULL);
    assert_status (&run, 1);
    assert_one_line (&run, "USD");
  }
  /* Archived accounts leave the list, and come back. */
  {
    g_auto(Run) archive = cli (f, "account", "archive", "Bitcoin", NULL);
    g_auto(Run) listed = cli (f, "--json", "account", "list", NULL);
    g_auto(Run) restore = cli (f, "account", "restore", "Bitcoin", NULL);
    assert_ok (&archive);
    assert_ok (&listed);
    assert_ok (&restore);
    g_assert_null (strstr (listed.out, "Bitcoin"));
  }
}

static void
test_rates_and_transfers (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) node = NULL;
  JsonArray *splits;

  {
    g_auto(Run) add = cli (f, "account", "add", "Bitcoin", "--kind", "crypto", NULL);
    g_auto(Run) rate = cli (f, "rate", "set", "BTC", "9,000,000", "--date", "2024-12-01", NULL);
    g_auto(Run) rates = cli (f, "--json", "rate", "list", NULL);
    g_autoptr(JsonNode) list = NULL;
    assert_ok (&add);
    assert_ok (&rate);
    assert_ok (&rates);
    list = parse (&rates);
    g_assert_cmpstr (json_object_get_string_member (find_named (json_node_get_array (list), "commodity", "BTC"), "rate"),
                     ==, "9000000");
  }
  /* The example through the real binary. */
  {
    g_auto(Run) run = cli (f, "--json", "transfer", "M-PESA", "Bitcoin", "4,500", "--date", "2025-01-05", NULL);
    assert_ok (&run);
    node = parse (&run);
  }
  splits = json_object_get_array_member (json_node_get_object (node), "splits");
  g_assert_cmpstr (json_object_get_string_member (find_named (splits, "account", "Bitcoin"), "amount"), ==, "0.00050000");
  g_assert_cmpint (json_object_get_int_member (find_named (splits, "account", "Bitcoin"), "value_minor"), ==, 450000);
  g_assert_cmpint (json_object_get_int_member (find_named (splits, "account", "M-PESA"), "amount_minor"), ==, -450000);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "channel"), ==, "transfer");

  /* A fee is its own split, to the charges category, and not in the amount. */
  {
    g_auto(Run) run = cli (f, "--json", "transfer", "M-PESA", "KCB", "1000", "--fee", "33", "--date", "2025-01-06",
                           "--memo", "To the bank", NULL);
    g_autoptr(JsonNode) fee = NULL;
    JsonObject *charges;
    assert_ok (&run);
    fee = parse (&run);
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (fee), "amount_minor"), ==, 100000);
    charges = find_named (json_object_get_array_member (json_node_get_object (fee), "splits"), "account",
                          "M-PESA & bank charges");
    g_assert_true (json_object_get_boolean_member (charges, "fee"));
    g_assert_cmpint (json_object_get_int_member (charges, "amount_minor"), ==, 3300);
  }
  /* Balances now and as of a day. */
  {
    g_auto(Run) now = cli (f, "--json", "balance", "M-PESA", NULL);
    g_auto(Run) before = cli (f, "--json", "balance", "M-PESA", "--as-of", "2025-01-04", NULL);
    g_auto(Run) text = cli (f, "balance", "Bitcoin", NULL);
    g_autoptr(JsonNode) a = NULL;
    g_autoptr(JsonNode) b = NULL;
    assert_ok (&now);
    assert_ok (&before);
    assert_ok (&text);
    a = parse (&now);
    b = parse (&before);
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (a), "balance_minor"), ==, 1000000 - 450000 - 103300);
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (b), "balance_minor"), ==, 1000000);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (b), "as_of"), ==, "2025-01-04");
    g_assert_cmpstr (text.out, ==, "Bitcoin: BTC 0.00050000\n");
  }
  /* Back the other way, and into a wallet with no rate. */
  {
    g_auto(Run) back = cli (f, "transfer", "Bitcoin", "KCB", "0.0005", "--date", "2025-01-07", NULL);
    g_auto(Run) add = cli (f, "account", "add", "Ether", "--kind", "crypto", "--commodity", "ETH", NULL);
    g_auto(Run) no_rate = cli (f, "transfer", "KCB", "Ether", "100", "--date", "2025-01-07", NULL);
    assert_ok (&back);
    assert_ok (&add);
    assert_status (&no_rate, 1);
    assert_one_line (&no_rate, "no ETH rate");
  }
  {
    g_auto(Run) run = cli (f, "check", NULL);
    assert_ok (&run);
  }
}

static void
test_pay (Fixture *f, gconstpointer data)
{
  {
    g_auto(Run) run = cli (f, "--json", "pay", "paybill", "M-PESA", "888880", "1,500", "--account", "54100000000",
                           "--fee", "23", "--category", "Electricity (KPLC)", "--date", "2025-01-03", NULL);
    g_autoptr(JsonNode) node = NULL;
    JsonObject *txn;
    assert_ok (&run);
    node = parse (&run);
    txn = json_node_get_object (node);
    g_assert_cmpstr (json_object_get_string_member (txn, "channel"), ==, "paybill");
    g_assert_cmpstr (json_object_get_string_member (txn, "counterparty"), ==, "888880");
    g_assert_cmpstr (json_object_get_string_member (txn, "reference"), ==, "54100000000");
    g_assert_cmpint (json_object_get_int_member (txn, "amount_minor"), ==, 150000);
    g_assert_cmpint (json_object_get_int_member (find_named (json_object_get_array_member (txn, "splits"), "account",
                                                             "M-PESA"), "amount_minor"), ==, -152300);
  }
  {
    g_auto(Run) run = cli (f, "--json", "pay", "till", "M-PESA", "532100", "200", "--date", "2025-01-03", NULL);
    g_autoptr(JsonNode) node = NULL;
    assert_ok (&run);
    node = parse (&run);
    g_assert_nonnull (find_named (json_object_get_array_member (json_node_get_object (node), "splits"),
                                  "account", "Other expenses"));
  }
  {
    g_auto(Run) run = cli (f, "--json", "pay", "pochi", "M-PESA", "0712 345 678", "50", NULL);
    g_autoptr(JsonNode) node = NULL;
    assert_ok (&run);
    node = parse (&run);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "counterparty"), ==, "254712345678");
  }
  {
    g_auto(Run) run = cli (f, "pay", "paybill", "M-PESA", "888880", "10", NULL);
    assert_status (&run, 1);
    assert_one_line (&run, "account number");
  }
  {
    g_auto(Run) run = cli (f, "pay", "till", "M-PESA", "1234", "10", NULL);
    assert_status (&run, 1);
    assert_one_line (&run, "5 to 7 digits");
  }
  {
    g_auto(Run) run = cli (f, "pay", "pochi", "M-PESA", "0812 345 678", "10", NULL);
    assert_status (&run, 1);
    assert_one_line (&run, "mobile number");
  }
  {
    g_auto(Run) run = cli (f, "pay", "sendmoney", "M-PESA", "0712345678", "10", NULL);
    assert_status (&run, 2);
    assert_one_line (&run, NULL);
  }
  {
    g_auto(Run) run = cli (f, "pay", "till", "M-PESA", "532100", NULL);
    assert_status (&run, 2);
  }
}

static void
test_record_and_txns (Fixture *f, gconstpointer data)
{
  g_autofree char *id = NULL;

  {
    g_auto(Run) a = cli (f, "record", "income", "M-PESA", "2,500", "--category", "Sales", "--date", "2025-01-03",
                         "--memo", "Sale to Jane", NULL);
    g_auto(Run) b = cli (f, "--json", "record", "expense", "KCB", "700", "--category", "Rent", "--date", "2025-01-04",
                         "--memo", "50%_off rent", NULL);
    g_auto(Run) c = cli (f, "record", "income", "M-PESA", "100", "--category", "Other income", "--date", "2025-01-10",
                         NULL);
    g_autoptr(JsonNode) node = NULL;
    assert_ok (&a);
    assert_ok (&b);
    assert_ok (&c);
    g_assert_nonnull (strstr (a.out, "Sale to Jane"));
    node = parse (&b);
    id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (json_node_get_object (node), "id"));
  }
  {
    g_auto(Run) run = cli (f, "record", "income", "M-PESA", "100", NULL);
    assert_status (&run, 2);
    assert_one_line (&run, "--category");
  }
  {
    g_auto(Run) run = cli (f, "record", "income", "M-PESA", "100", "--category", "Rent", NULL);
    assert_status (&run, 1);
    assert_one_line (&run, "income category");
  }

  /* Filters: dates inclusive, wallet, category, literal search, latest N. */
  {
    static const struct { const char *args[6]; guint count; } filters[] = {
      { { NULL }, 5 },
      { { "--from", "2025-01-03", "--to", "2025-01-04", NULL }, 2 },
      { { "--from", "2025-01-04", NULL }, 2 },
      { { "--account", "KCB", NULL }, 2 },
      { { "--category", "Rent", NULL }, 1 },
      { { "--account", "M-PESA", "--category", "Sales", NULL }, 1 },
      { { "--search", "50%_off", NULL }, 1 },
      { { "--search", "sale to", NULL }, 1 },
      { { "--limit", "2", NULL }, 2 },
    };
    for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
      {
        const char *args[12] = { "--book", f->book, "--json", "txn", "list", NULL };
        g_auto(Run) run = { 0 };
        g_autoptr(JsonNode) node = NULL;
        for (guint a = 0; filters[i].args[a] != NULL; a++)
          args[5 + a] = filters[i].args[a];
        run = run_argv (f, args);
        assert_ok (&run);
        node = parse (&run);
        if (json_array_get_length (json_node_get_array (node)) != filters[i].count)
          g_error ("filter %u: %u transactions, expected %u", i, json_array_get_length (json_node_get_array (node)),
                   filters[i].count);
      }
  }
  {
    g_auto(Run) run = cli (f, "--json", "txn", "list", "--limit", "2", NULL);
    g_autoptr(JsonNode) node = NULL;
    JsonArray *latest;
    assert_ok (&run);
    node = parse (&run);
    latest = json_node_get_array (node);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (latest, 0), "date"), ==, "2025-01-04");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (latest, 1), "date"), ==, "2025-01-10");
  }

  /* Show, void, list without and with voids, restore. */
  {
    g_auto(Run) show = cli (f, "txn", "show", id, NULL);
    assert_ok (&show);
    g_assert_nonnull (strstr (show.out, "Rent"));
  }
  {
    g_auto(Run) voided = cli (f, "--json", "txn", "void", id, NULL);
    g_auto(Run) live = cli (f, "--json", "txn", "list", "--account", "KCB", NULL);
    /* A void has no splits left, so it is found by text, not by wallet. */
    g_auto(Run) all = cli (f, "--json", "txn", "list", "--search", "rent", "--include-void", NULL);
    g_auto(Run) twice = cli (f, "txn", "void", id, NULL);
    g_autoptr(JsonNode) node = NULL;
    assert_ok (&voided);
    node = parse (&voided);
    g_assert_true (json_object_get_boolean_member (json_node_get_object (node), "voided"));
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (node), "splits")), ==, 0);
    g_assert_nonnull (strstr (all.out, "50%_off rent"));
    g_assert_null (strstr (live.out, "50%_off rent"));
    assert_status (&twice, 1);
    assert_one_line (&twice, "void");
  }
  {
    g_auto(Run) restore = cli (f, "--json", "txn", "restore", id, NULL);
    g_auto(Run) balance = cli (f, "--json", "balance", "KCB", NULL);
    g_autoptr(JsonNode) node = NULL;
    assert_ok (&restore);
    assert_ok (&balance);
    node = parse (&balance);
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (node), "balance_minor"), ==, 100000000 - 70000);
  }
  g_assert_cmpint (raw_int (f, "SELECT group_concat (action) = 'void,unvoid' FROM (SELECT action FROM audit ORDER BY id)"),
                   ==, 1);
  {
    g_auto(Run) missing = cli (f, "txn", "show", "9999", NULL);
    g_auto(Run) garbage = cli (f, "txn", "show", "abc", NULL);
    g_auto(Run) verb = cli (f, "txn", "frob", "1", NULL);
    g_auto(Run) none = cli (f, "txn", "show", NULL);
    assert_status (&missing, 1);
    assert_one_line (&missing, "9999");
    assert_status (&garbage, 1);
    assert_status (&verb, 2);
    assert_status (&none, 2);
  }
}

static void
test_limit (Fixture *f, gconstpointer data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  {
    g_auto(Run) run = cli (f, "--json", "limit", "show", NULL);
    g_autoptr(JsonNode) node = NULL;
    assert_ok (&run);
    node = parse (&run);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "limit"), ==, "500000.00");
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (node), "limit_minor"), ==, 50000000);
  }
  before = book_state (f);
  {
    g_auto(Run) run = cli (f, "record", "expense", "KCB", "500,000.01", "--category", "Stock purchases", NULL);
    assert_status (&run, 1);
    assert_one_line (&run, "KES 500,000.01");
    g_assert_cmpstr (run.out, ==, "");
  }
  after = book_state (f);
  g_assert_cmpstr (after, ==, before);
  {
    g_auto(Run) run = cli (f, "record", "expense", "KCB", "500,000", "--category", "Stock purchases", NULL);
    assert_ok (&run);
  }
  {
    g_auto(Run) set = cli (f, "limit", "set", "1,000", NULL);
    g_auto(Run) show = cli (f, "limit", "show", NULL);
    g_auto(Run) over = cli (f, "transfer", "KCB", "M-PESA", "1000.01", NULL);
    g_auto(Run) exact = cli (f, "transfer", "KCB", "M-PESA", "1000", "--fee", "50", NULL);
    assert_ok (&set);
    assert_ok (&show);
    g_assert_cmpstr (show.out, ==, "Per-transaction limit: KES 1,000.00\n");
    assert_status (&over, 1);
    assert_one_line (&over, "limit");
    assert_ok (&exact);
  }
  {
    g_auto(Run) zero = cli (f, "limit", "set", "0", NULL);
    g_auto(Run) junk = cli (f, "limit", "set", "1,00.0", NULL);
    g_auto(Run) verb = cli (f, "limit", "raise", NULL);
    assert_status (&zero, 1);
    assert_one_line (&zero, NULL);
    assert_status (&junk, 1);
    assert_one_line (&junk, "thousands separators");
    assert_status (&verb, 2);
  }
  g_assert_cmpint (raw_int (f, "SELECT CAST (value AS INTEGER) FROM setting WHERE key = 'txn_limit'"), ==, 100000);
}

/* Every kind of refusal: exit 1, one line, nothing on stdout, nothing written. */
static void
test_refusals_write_nothing (Fixture *f, gconstpointer data)
{
  static const struct { const char *args[10]; const char *says; } refusals[] = {
    { { "record", "expense", "M-PESA", "10,000.01", "--category", "Rent", "--date", "2025-01-02" }, "below zero" },
    { { "transfer", "M-PESA", "KCB", "10000", "--fee", "0.01", "--date", "2025-01-02" }, "below zero" },
    { { "record", "expense", "M-PESA", "1", "--category", "Rent", "--date", "2024-12-31" }, "below zero" },
    { { "transfer", "KCB", "M-PESA", "600,000" }, "limit" },
    { { "transfer", "M-PESA", "KCB", "1,00.0" }, "thousands separators" },
    { { "transfer", "M-PESA", "KCB", "1.234,50" }, "decimal separator" },
    { { "transfer", "M-PESA", "KCB", "+-5" }, "two signs" },
    { { "transfer", "M-PESA", "KCB", "1.234" }, "decimals" },
    { { "transfer", "M-PESA", "KCB", "USD 5" }, "USD" },
    { { "transfer", "M-PESA", "KCB", "XYZ 5" }, "XYZ" },
    { { "transfer", "M-PESA", "Equity", "5" }, "Equity" },
    { { "transfer", "M-PESA", "M-PESA", "5" }, "two different wallets" },
    { { "transfer", "M-PESA", "KCB", "5", "--date", "2025-02-30" }, "2025-02-30" },
    { { "record", "income", "M-PESA", "5", "--category", "Nowhere" }, "Nowhere" },
    { { "account", "add", "Pesa", "--kind", "mpesa", "--opening", "12,34" }, "thousands separators" },
    { { "rate", "set", "DOGE", "1" }, "DOGE" },
    { { "rate", "set", "BTC", "0" }, "more than zero" },
    { { "rate", "set", "KES", "1" }, "book currency" },
  };
  g_autofree char *before = book_state (f);

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      const char *args[16] = { "--book", f->book, NULL };
      g_auto(Run) run = { 0 };
      g_autofree char *after = NULL;

      for (guint a = 0; refusals[i].args[a] != NULL; a++)
        args[2 + a] = refusals[i].args[a];
      run = run_argv (f, args);
      if (run.status != 1)
        g_error ("refusal %u: exit %d: %s%s", i, run.status, run.out, run.err);
      assert_one_line (&run, refusals[i].says);
      g_assert_cmpstr (run.out, ==, "");
      after = book_state (f);
      g_assert_cmpstr (after, ==, before);
    }
  {
    g_auto(Run) run = cli (f, "check", NULL);
    assert_ok (&run);
  }
}

/* Exit statuses 2 (usage) and 3 (file or database). */
static void
test_exit_statuses (Fixture *f, gconstpointer data)
{
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *foreign = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.daftari", NULL);
  sqlite3 *db = NULL;

  {
    const char *none[] = { NULL };
    const char *help[] = { "--help", NULL };
    const char *version[] = { "--version", NULL };
    const char *unknown[] = { "frobnicate", NULL };
    const char *book_only[] = { "--book", NULL };
    g_auto(Run) a = run_argv (f, none);
    g_auto(Run) b = run_argv (f, help);
    g_auto(Run) c = run_argv (f, version);
    g_auto(Run) d = run_argv (f, unknown);
    g_auto(Run) e = run_argv (f, book_only);
    assert_status (&a, 2);
    assert_ok (&b);
    g_assert_nonnull (strstr (b.out, "Exit status"));
    assert_ok (&c);
    g_assert_true (g_str_has_prefix (c.out, "daftari-cli "));
    assert_status (&d, 2);
    assert_one_line (&d, "frobnicate");
    assert_status (&e, 2);
    assert_one_line (&e, NULL);
  }
  {
    g_auto(Run) a = cli (f, "transfer", "M-PESA", "KCB", NULL);
    g_auto(Run) b = cli (f, "transfer", "--bogus", "M-PESA", "KCB", "5", NULL);
    g_auto(Run) c = cli (f, "balance", "M-PESA", "KCB", NULL);
    g_auto(Run) d = cli (f, "account", NULL);
    g_auto(Run) e = cli (f, "txn", "list", "--limit", "-1", NULL);
    g_auto(Run) h = cli (f, "transfer", "--help", NULL);
    assert_status (&a, 2);
    assert_one_line (&a, NULL);
    assert_status (&b, 2);
    assert_one_line (&b, "--bogus");
    assert_status (&c, 2);
    assert_status (&d, 2);
    assert_status (&e, 2);
    assert_ok (&h);
    g_assert_nonnull (strstr (h.out, "--fee"));
  }

  /* 3: a missing book, a folder, a text file, another program's database;
   * and, with no --book, the default book in an empty data folder. */
  g_assert_true (g_file_set_contents (text, "Mauzo ya leo\n", -1, NULL));
  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE notes (text TEXT)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  {
    const char *paths[] = { missing, f->dir, text, foreign };
    for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
      {
        const char *args[] = { "--book", paths[i], "balance", "M-PESA", NULL };
        g_auto(Run) run = run_argv (f, args);
        assert_status (&run, 3);
        assert_one_line (&run, NULL);
      }
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
  {
    const char *args[] = { "balance", "M-PESA", NULL };
    g_auto(Run) run = run_argv (f, args);
    assert_status (&run, 3);
    assert_one_line (&run, "xdg-data");
  }
  /* A book that exists cannot be created again: refused, untouched. */
  {
    g_autofree char *before = book_state (f);
    g_autofree char *after = NULL;
    g_auto(Run) init = cli (f, "init", NULL);
    g_auto(Run) demo = cli (f, "demo", "--transactions", "10", NULL);
    assert_status (&init, 1);
    assert_one_line (&init, "already exists");
    assert_status (&demo, 1);
    after = book_state (f);
    g_assert_cmpstr (after, ==, before);
  }
}

/* check: 0 when sound, 1 with the problems listed when not. */
static void
test_check (Fixture *f, gconstpointer data)
{
  sqlite3 *db = NULL;

  {
    g_auto(Run) text = cli (f, "check", NULL);
    g_auto(Run) json = cli (f, "--json", "check", NULL);
    g_autoptr(JsonNode) node = NULL;
    assert_ok (&text);
    g_assert_cmpstr (text.out, ==, "The book is sound.\n");
    assert_ok (&json);
    node = parse (&json);
    g_assert_true (json_object_get_boolean_member (json_node_get_object (node), "ok"));
  }
  /* Damage a stored balance behind Daftari's back. */
  g_assert_cmpint (sqlite3_open (f->book, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE account SET balance = balance + 1 WHERE name = 'KCB'", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  {
    g_auto(Run) text = cli (f, "check", NULL);
    g_auto(Run) json = cli (f, "--json", "check", NULL);
    g_autoptr(JsonNode) node = NULL;
    JsonArray *problems;
    assert_status (&text, 1);
    g_assert_nonnull (strstr (text.out, "KCB"));
    assert_status (&json, 1);
    node = parse (&json);
    g_assert_false (json_object_get_boolean_member (json_node_get_object (node), "ok"));
    problems = json_object_get_array_member (json_node_get_object (node), "problems");
    g_assert_cmpuint (json_array_get_length (problems), ==, 1);
    g_assert_nonnull (strstr (json_array_get_string_element (problems, 0), "stored balance of “KCB”"));
  }
}

static void
test_summary (Fixture *f, gconstpointer data)
{
  g_auto(Run) json = cli (f, "--json", "summary", NULL);
  g_auto(Run) text = cli (f, "summary", NULL);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *summary;

  assert_ok (&json);
  assert_ok (&text);
  node = parse (&json);
  summary = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (summary, "business"), ==, "Mama Mboga");
  g_assert_cmpint (json_object_get_int_member (find_named (json_object_get_array_member (summary, "wallets"), "name",
                                                           "M-PESA"), "balance_minor"), ==, 1000000);
  g_assert_cmpint (json_object_get_int_member (summary, "total_minor"), ==, 101000000);
  g_assert_nonnull (strstr (text.out, "Mama Mboga"));
  g_assert_nonnull (strstr (text.out, "KES 1,010,000.00"));
}

/* A book from schema version 1 (made here by taking version 2's additions
 * back out): the CLI updates it, says where the old one is kept, and goes on. */
static void
test_old_book (Fixture *f, gconstpointer data)
{
  sqlite3 *db = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint backups = 0;

  {
    g_auto(Run) run = cli (f, "transfer", "M-PESA", "KCB", "100", "--date", "2025-01-02", NULL);
    assert_ok (&run);
  }
  g_assert_cmpint (sqlite3_open (f->book, &db), ==, SQLITE_OK);
  /* Undo migrations 5 (what imports learn), 4 (imports), 3 (invoices) and 2
   * to make a version-1 book. */
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE wallet_flow_month;"
                                     "DROP TABLE anomaly_dismissal; DROP TABLE budget;"
                                     "DROP TABLE schedule_post; DROP TABLE schedule;"
                                     "DROP TABLE txn_attachment; DROP TABLE attachment;"
                                     "DROP TABLE import_mapping; DROP TABLE reconcile_match;"
                                     "DROP TABLE payer_alias; DROP TABLE category_rule;"
                                     "DROP TABLE import_row; DROP TABLE import_batch;"
                                     "DROP TABLE invoice_schedule; DROP TABLE payment_allocation;"
                                     "DROP TABLE customer_payment; DROP TABLE invoice_counter;"
                                     "DROP TABLE invoice_line; DROP TABLE invoice; DROP TABLE customer;"
                                     "DROP TABLE audit;"
                                     "ALTER TABLE txn DROP COLUMN channel;"
                                     "ALTER TABLE txn DROP COLUMN counterparty;"
                                     "ALTER TABLE txn DROP COLUMN reference;"
                                     "PRAGMA user_version = 1;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  {
    g_auto(Run) run = cli (f, "--json", "balance", "KCB", NULL);
    g_autoptr(JsonNode) node = NULL;
    assert_ok (&run);
    assert_one_line (&run, "new format");
    node = parse (&run);
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (node), "balance_minor"), ==, 100010000);
  }
  g_assert_cmpint (raw_int (f, "PRAGMA user_version"), >=, 2);
  g_assert_cmpint (raw_int (f, "SELECT count (*) FROM txn WHERE channel = 'transfer'"), ==, 1);
  /* Step 7's month flows were computed from the old rows on opening. */
  g_assert_cmpint (raw_int (f, "SELECT transfers_out FROM wallet_flow_month m JOIN account a ON a.id = m.wallet_id"
                               " WHERE a.name = 'M-PESA' AND m.month = 202501"), ==, 10000);
  g_assert_cmpint (raw_int (f, "SELECT count (*) FROM setting WHERE key = 'wallet_flow_stale'"), ==, 0);
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    backups += g_str_has_prefix (name, "shop.daftari.v1-") && g_str_has_suffix (name, ".bak");
  g_assert_cmpuint (backups, ==, 1);
  {
    g_auto(Run) check = cli (f, "check", NULL);
    g_auto(Run) again = cli (f, "balance", "KCB", NULL);
    assert_ok (&check);
    assert_ok (&again);
    g_assert_cmpstr (again.err, ==, "");
  }
}

/* demo makes a sound book of the size asked, and refuses to overwrite one. */
static void
test_demo (Fixture *f, gconstpointer data)
{
  g_auto(Run) demo = cli (f, "--json", "demo", "--transactions", "300", "--seed", "3", NULL);
  g_auto(Run) check = cli (f, "check", NULL);
  g_auto(Run) txns = cli (f, "--json", "txn", "list", NULL);
  g_auto(Run) again = cli (f, "demo", NULL);
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) list = NULL;

  assert_ok (&demo);
  created = parse (&demo);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (created), "business"), ==, "Mama Mboga Traders");
  assert_ok (&check);
  assert_ok (&txns);
  list = parse (&txns);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 300 + 5);
  assert_status (&again, 1);
  g_assert_cmpint (raw_int (f, "SELECT count (*) FROM txn"), ==, 305);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("DAFTARI_CLI") == NULL)
    {
      g_printerr ("DAFTARI_CLI must name the daftari-cli binary\n");
      return 77;
    }
#define ADD(path, func, empty) g_test_add (path, Fixture, empty, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/init-and-accounts", test_init_and_accounts, NULL);
  ADD ("/cli/rates-and-transfers", test_rates_and_transfers, NULL);
  ADD ("/cli/pay", test_pay, NULL);
  ADD ("/cli/record-and-txns", test_record_and_txns, NULL);
  ADD ("/cli/limit", test_limit, NULL);
  ADD ("/cli/refusals-write-nothing", test_refusals_write_nothing, NULL);
  ADD ("/cli/exit-statuses", test_exit_statuses, NULL);
  ADD ("/cli/check", test_check, NULL);
  ADD ("/cli/summary", test_summary, NULL);
  ADD ("/cli/old-book", test_old_book, NULL);
  ADD ("/cli/demo", test_demo, "empty");
#undef ADD
  return g_test_run ();
}
