/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-run-cli.h"

#include <gio/gio.h>

static int
run_va (const char *book, char **out, char **err, const char *first, va_list ap)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stderr_text = NULL;

  g_ptr_array_add (argv, (gpointer) g_getenv ("DAFTARI_CLI"));
  g_ptr_array_add (argv, (gpointer) "--book");
  g_ptr_array_add (argv, (gpointer) book);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char *const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, out, &stderr_text, &error));
  g_test_message ("stderr: %s", stderr_text);
  if (err != NULL)
    *err = g_steal_pointer (&stderr_text);
  return g_subprocess_get_exit_status (process);
}

int
test_run_cli (const char *book, char **out, char **err, const char *first, ...)
{
  va_list ap;
  int status;

  va_start (ap, first);
  status = run_va (book, out, err, first, ap);
  va_end (ap);
  return status;
}

void
test_run_clear (TestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

TestRun
test_run (const char *book, const char *first, ...)
{
  TestRun run = { -1, NULL, NULL };
  va_list ap;

  va_start (ap, first);
  run.status = run_va (book, &run.out, &run.err, first, ap);
  va_end (ap);
  return run;
}

void
test_run_assert_status (const TestRun *run, int status)
{
  if (run->status != status)
    g_error ("exit %d (wanted %d)\nstdout: %s\nstderr: %s", run->status, status, run->out, run->err);
}

JsonObject *
test_run_json (const TestRun *run, JsonNode **out_node)
{
  g_autoptr(GError) error = NULL;

  *out_node = json_from_string (run->out, &error);
  g_assert_no_error (error);
  return json_node_get_object (*out_node);
}
