/* Where records go: JSON Lines (as extracted), CSV (one row per disputed item, the shape
 * spreadsheets, R and pandas load), or a SQLite database (docs/record.md, docs/sqlite.md). Every
 * sink writes to "<path>.partial" and renames when closed with commit, so an interrupted run
 * never leaves a half-written file under the final name. */
#ifndef IMRX_SINKS_H
#define IMRX_SINKS_H

#include <jansson.h>
#include <stddef.h>

#include "imrx/plugin.h"
#include "util/hashset.h"

typedef enum imrx_sink_kind { IMRX_SINK_JSONL, IMRX_SINK_CSV, IMRX_SINK_SQLITE } imrx_sink_kind_t;

typedef struct imrx_sink imrx_sink_t;

/* The kind a file name implies: .csv, .sqlite/.db/.sqlite3, anything else JSON Lines. */
imrx_sink_kind_t imrx_sink_kind_for(const char *path);
/* Parses "jsonl", "csv", "sqlite"; -1 for anything else. */
int imrx_sink_kind_parse(const char *name);

/* Opens a sink; `path` NULL or "-" is standard output (not for SQLite). With `resume` (JSON
 * Lines only) the .partial file of an interrupted run is continued and the sources it already
 * holds are added to `done`. On failure, `why` says what went wrong. */
imrx_sink_t *imrx_sink_open(imrx_sink_kind_t kind, const char *path, int resume,
                            imrx_hashset_t *done, unsigned long *done_count, char *why,
                            size_t why_len);
/* One record, as a line of JSON (the newline included or not). */
imrx_status_t imrx_sink_write(imrx_sink_t *s, const char *json, size_t len);
/* Closes; with `commit`, finishes the file and renames it into place. */
imrx_status_t imrx_sink_close(imrx_sink_t *s, int commit);

/* Row writers of the CSV and SQLite sinks, for a parsed record. */
typedef struct imrx_csv_writer imrx_csv_writer_t;
typedef struct imrx_sqlite_writer imrx_sqlite_writer_t;
imrx_csv_writer_t *imrx_csv_open(void *file);
imrx_status_t imrx_csv_record(imrx_csv_writer_t *w, json_t *rec);
void imrx_csv_close(imrx_csv_writer_t *w);
/* A new database at `path`; with `resume` and a file there, that database, whose cases' sources
 * go into `done`. */
imrx_sqlite_writer_t *imrx_sqlite_open(const char *path, int resume, imrx_hashset_t *done,
                                       unsigned long *done_count, char *why, size_t why_len);
imrx_status_t imrx_sqlite_record(imrx_sqlite_writer_t *w, json_t *rec, const char *json,
                                 size_t len);
imrx_status_t imrx_sqlite_close(imrx_sqlite_writer_t *w, int commit);

/* Calls `fn` for every record of a JSON Lines or SQLite file written earlier; IMRX_OK, or why it
 * could not read the file in `why`. */
typedef void (*imrx_record_fn)(void *user, json_t *record);
imrx_status_t imrx_records_read(const char *path, imrx_record_fn fn, void *user, char *why,
                                size_t why_len);
/* Is this a file of records (by name: .jsonl, .ndjson, .sqlite, .db) rather than letters? */
int imrx_is_records_file(const char *path);

#endif
