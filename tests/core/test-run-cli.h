/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Runs $DAFTARI_CLI --book BOOK ARGS… (NULL-terminated) and returns its exit
 * status, with what it wrote on stdout and stderr (free both; err may be
 * NULL: stderr then only goes to the test log). */
int test_run_cli (const char *book,
                  char      **out,
                  char      **err,
                  const char *first,
                  ...) G_GNUC_NULL_TERMINATED;

/* One run of the CLI, kept whole for assertions and messages. */
typedef struct {
  int   status;
  char *out;
  char *err;
} TestRun;

void    test_run_clear (TestRun    *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TestRun, test_run_clear)

TestRun test_run       (const char *book,
                        const char *first,
                        ...) G_GNUC_NULL_TERMINATED;

/* Fails the test, showing what the run printed, unless it exited with status. */
void        test_run_assert_status (const TestRun *run,
                                    int            status);
/* The run's stdout as a JSON object (*out_node owns it: free that). */
JsonObject *test_run_json          (const TestRun *run,
                                    JsonNode     **out_node);

G_END_DECLS
