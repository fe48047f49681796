/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "daftari-core.h"

G_BEGIN_DECLS

/* Exit statuses, as the README documents them. */
typedef enum {
  DAFTARI_EXIT_OK      = 0,  /* done */
  DAFTARI_EXIT_REFUSED = 1,  /* refused by a rule, or invalid input: nothing written */
  DAFTARI_EXIT_USAGE   = 2,  /* the command line itself is wrong */
  DAFTARI_EXIT_FILE    = 3,  /* the file or the database failed */
} DaftariExit;

/* What every command gets: the global options and, once opened, the book. */
typedef struct {
  char        *book_path;   /* --book, or the default book */
  gboolean     json;        /* --json: machine-readable output on stdout */
  const char  *group;       /* "account" while running "account add", for help */
  DaftariBook *book;
} DaftariCli;

typedef int (*DaftariCliCommand) (DaftariCli *cli, int argc, char **argv);

/* Parses a command's own options; argv[0] is the command's name. On
 * return argc/argv hold the positional arguments after the name. Prints
 * the usage error and returns FALSE for a bad command line. */
gboolean daftari_cli_parse     (DaftariCli         *cli,
                                int                *argc,
                                char             ***argv,
                                const char         *parameters,
                                const char         *summary,
                                const GOptionEntry *entries);
/* Opens --book (or the default book); on failure reports it. */
gboolean daftari_cli_open_book (DaftariCli         *cli,
                                int                *out_status);
/* Prints "daftari-cli: <message>" on stderr and gives the exit status the
 * error's domain calls for. */
int      daftari_cli_fail      (DaftariCli         *cli,
                                GError             *error);
int      daftari_cli_usage     (const char         *format,
                                ...) G_GNUC_PRINTF (1, 2);
/* Writes a JSON document, pretty, on stdout. */
void     daftari_cli_print_json (JsonBuilder       *builder);

/* Helpers shared by the commands. */
DaftariAccount *daftari_cli_account   (DaftariCli *cli, const char *name, GError **error);
/* "balance": "1234.50" and "balance_minor": 123450, exact for machines. */
void     daftari_cli_json_money (JsonBuilder            *builder,
                                 const char             *member,
                                 gint64                  minor,
                                 const DaftariCommodity *commodity);
/* "member": "text", or null when text is NULL. */
void     daftari_cli_json_text  (JsonBuilder            *builder,
                                 const char             *member,
                                 const char             *text);
/* "member": "YYYY-MM-DD", or null when day is 0. */
void     daftari_cli_json_day   (JsonBuilder            *builder,
                                 const char             *member,
                                 DaftariDay              day);
/* An account's balance as people read it: income and liabilities positive. */
gint64   daftari_cli_natural   (const DaftariAccount *account,
                                gint64                amount);
/* --date YYYY-MM-DD as a time (local noon), or now when text is NULL. */
gboolean daftari_cli_date      (DaftariCli  *cli,
                                const char  *text,
                                gint64      *out_ts,
                                GError     **error);

/* daftari-cli-ledger.c: a transaction as a line or a block of text, or JSON. */
void     daftari_cli_print_txn  (DaftariCli       *cli,
                                 const DaftariTxn *txn,
                                 gboolean          detailed);
void     daftari_cli_txn_json   (DaftariCli       *cli,
                                 JsonBuilder      *builder,
                                 const DaftariTxn *txn);
/* Reports a newly posted transaction. */
int      daftari_cli_posted     (DaftariCli       *cli,
                                 gint64            id);

/* The command groups, each in its own file. */
int daftari_cli_init         (DaftariCli *cli, int argc, char **argv);
int daftari_cli_demo         (DaftariCli *cli, int argc, char **argv);
int daftari_cli_check        (DaftariCli *cli, int argc, char **argv);
int daftari_cli_limit        (DaftariCli *cli, int argc, char **argv);
int daftari_cli_account_cmd  (DaftariCli *cli, int argc, char **argv);
int daftari_cli_rate         (DaftariCli *cli, int argc, char **argv);
int daftari_cli_transfer     (DaftariCli *cli, int argc, char **argv);
int daftari_cli_pay          (DaftariCli *cli, int argc, char **argv);
int daftari_cli_record       (DaftariCli *cli, int argc, char **argv);
int daftari_cli_balance      (DaftariCli *cli, int argc, char **argv);
int daftari_cli_txn          (DaftariCli *cli, int argc, char **argv);
int daftari_cli_summary      (DaftariCli *cli, int argc, char **argv);
/* daftari-cli-forecast.c, built when present (src/cli/meson.build). */
int daftari_cli_forecast      (DaftariCli *cli, int argc, char **argv);
int daftari_cli_forecast_eval (DaftariCli *cli, int argc, char **argv);

/* Groups built when their file is present (src/cli/meson.build). */
int daftari_cli_rule            (DaftariCli *cli, int argc, char **argv); /* daftari-cli-categorise.c */
int daftari_cli_categorise      (DaftariCli *cli, int argc, char **argv);
int daftari_cli_categorise_eval (DaftariCli *cli, int argc, char **argv);
int daftari_cli_reconcile       (DaftariCli *cli, int argc, char **argv); /* daftari-cli-reconcile.c */
int daftari_cli_reconcile_eval  (DaftariCli *cli, int argc, char **argv);
int daftari_cli_receipt         (DaftariCli *cli, int argc, char **argv); /* daftari-cli-receipt.c */
int daftari_cli_receipt_eval    (DaftariCli *cli, int argc, char **argv);
int daftari_cli_export          (DaftariCli *cli, int argc, char **argv); /* daftari-cli-report-books.c */
int daftari_cli_chart           (DaftariCli *cli, int argc, char **argv); /* daftari-cli-chart.c */
int daftari_cli_schedule        (DaftariCli *cli, int argc, char **argv); /* daftari-cli-plan.c */
int daftari_cli_budget          (DaftariCli *cli, int argc, char **argv);
int daftari_cli_anomalies       (DaftariCli *cli, int argc, char **argv);
int daftari_cli_cashflow        (DaftariCli *cli, int argc, char **argv); /* daftari-cli-cashflow.c */
int daftari_cli_cashflow_eval   (DaftariCli *cli, int argc, char **argv);
/* daftari-cli-customer.c, daftari-cli-invoice.c, daftari-cli-report.c. */
int daftari_cli_customer      (DaftariCli *cli, int argc, char **argv);
int daftari_cli_invoice       (DaftariCli *cli, int argc, char **argv);
int daftari_cli_report        (DaftariCli *cli, int argc, char **argv);
/* daftari-cli-import.c. */
int daftari_cli_import        (DaftariCli *cli, int argc, char **argv);

G_END_DECLS
