#include "report/sinks.h"

#include <sqlite3.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/outfile.h"
#include "util/path.h"

struct imrx_sink {
    imrx_sink_kind_t kind;
    imrx_outfile_t out; /* JSON Lines and CSV */
    imrx_csv_writer_t *csv;
    imrx_sqlite_writer_t *db;
    char *final_path, *partial_path; /* SQLite */
};

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

imrx_sink_kind_t imrx_sink_kind_for(const char *path)
{
    if (!path) return IMRX_SINK_JSONL;
    if (ends_with(path, ".csv")) return IMRX_SINK_CSV;
    if (ends_with(path, ".sqlite") || ends_with(path, ".sqlite3") || ends_with(path, ".db"))
        return IMRX_SINK_SQLITE;
    return IMRX_SINK_JSONL;
}

int imrx_sink_kind_parse(const char *name)
{
    if (strcmp(name, "jsonl") == 0 || strcmp(name, "json") == 0) return IMRX_SINK_JSONL;
    if (strcmp(name, "csv") == 0) return IMRX_SINK_CSV;
    if (strcmp(name, "sqlite") == 0) return IMRX_SINK_SQLITE;
    return -1;
}

int imrx_is_records_file(const char *path)
{
    return ends_with(path, ".jsonl") || ends_with(path, ".ndjson") ||
           ends_with(path, ".jsonl.partial") || ends_with(path, ".sqlite") ||
           ends_with(path, ".sqlite3") || ends_with(path, ".db");
}

imrx_sink_t *imrx_sink_open(imrx_sink_kind_t kind, const char *path, int resume,
                            imrx_hashset_t *done, unsigned long *done_count, char *why,
                            size_t why_len)
{
    imrx_sink_t *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->kind = kind;
    if (kind == IMRX_SINK_SQLITE) {
        if (!path || strcmp(path, "-") == 0) {
            snprintf(why, why_len, "a SQLite database needs a file name (-o cases.sqlite)");
            free(s);
            return NULL;
        }
        if (imrx_path_is_special(path)) {
            snprintf(why, why_len, "%s is no regular file: a SQLite database needs one", path);
            free(s);
            return NULL;
        }
        size_t len = strlen(path) + sizeof ".partial";
        s->final_path = strdup(path);
        s->partial_path = malloc(len);
        if (s->partial_path) snprintf(s->partial_path, len, "%s.partial", path);
        if (s->final_path && s->partial_path)
            s->db = imrx_sqlite_open(s->partial_path, resume, done, done_count, why, why_len);
        if (!s->db) {
            free(s->final_path);
            free(s->partial_path);
            free(s);
            return NULL;
        }
        return s;
    }
    if (resume && kind != IMRX_SINK_JSONL) {
        snprintf(why, why_len, "--resume works with JSON Lines and SQLite output, not CSV");
        free(s);
        return NULL;
    }
    imrx_status_t st = imrx_outfile_open(&s->out, path, resume, done, done_count);
    if (st == IMRX_EINVAL) {
        snprintf(why, why_len, "cannot resume into %s: it is no regular file", path);
        free(s);
        return NULL;
    }
    if (st != IMRX_OK) {
        snprintf(why, why_len, "cannot write %s%s: %s", path ? path : "-",
                 imrx_path_is_special(path) ? "" : ".partial",
                 st == IMRX_ENOMEM ? "out of memory" : "check the folder exists and is writable");
        free(s);
        return NULL;
    }
    if (kind == IMRX_SINK_CSV && !(s->csv = imrx_csv_open(s->out.fp))) {
        imrx_outfile_abandon(&s->out);
        free(s);
        return NULL;
    }
    return s;
}

imrx_status_t imrx_sink_write(imrx_sink_t *s, const char *json, size_t len)
{
    if (s->kind == IMRX_SINK_JSONL)
        return fwrite(json, 1, len, s->out.fp) == len ? IMRX_OK : IMRX_EIO;
    json_error_t err;
    json_t *rec = json_loadb(json, len, 0, &err);
    if (!rec) return IMRX_EFORMAT;
    imrx_status_t st = s->kind == IMRX_SINK_CSV ? imrx_csv_record(s->csv, rec)
                                                : imrx_sqlite_record(s->db, rec, json, len);
    json_decref(rec);
    return st;
}

imrx_status_t imrx_sink_close(imrx_sink_t *s, int commit)
{
    if (!s) return IMRX_EINVAL;
    imrx_status_t st = IMRX_OK;
    if (s->kind == IMRX_SINK_SQLITE) {
        st = imrx_sqlite_close(s->db, commit);
        if (commit && st == IMRX_OK && rename(s->partial_path, s->final_path) != 0) st = IMRX_EIO;
        free(s->final_path);
        free(s->partial_path);
    } else {
        if (s->csv) imrx_csv_close(s->csv);
        if (commit)
            st = imrx_outfile_commit(&s->out);
        else
            imrx_outfile_abandon(&s->out);
    }
    free(s);
    return st;
}

static imrx_status_t read_sqlite(const char *path, imrx_record_fn fn, void *user, char *why,
                                 size_t why_len)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "SELECT record FROM cases ORDER BY case_id", -1, &st, NULL) !=
            SQLITE_OK) {
        snprintf(why, why_len, "not an imrx database: %s", db ? sqlite3_errmsg(db) : "?");
        sqlite3_close(db);
        return IMRX_EFORMAT;
    }
    imrx_status_t res = IMRX_OK;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *text = (const char *)sqlite3_column_text(st, 0);
        json_t *rec = text ? json_loads(text, 0, NULL) : NULL;
        if (rec) fn(user, rec);
        json_decref(rec);
    }
    if (rc != SQLITE_DONE) {
        snprintf(why, why_len, "%s", sqlite3_errmsg(db));
        res = IMRX_EIO;
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return res;
}

imrx_status_t imrx_records_read(const char *path, imrx_record_fn fn, void *user, char *why,
                                size_t why_len)
{
    if (ends_with(path, ".sqlite") || ends_with(path, ".sqlite3") || ends_with(path, ".db"))
        return read_sqlite(path, fn, user, why, why_len);
    FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
    if (!fp) {
        snprintf(why, why_len, "cannot read: %s", strerror(errno));
        return IMRX_EIO;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    unsigned long lineno = 0, bad = 0;
    int incomplete = 0;
    while ((n = getline(&line, &cap, fp)) > 0) {
        lineno++;
        if (line[n - 1] != '\n') { /* an interrupted writer's last line: said, not used */
            incomplete = 1;
            break;
        }
        json_t *rec = json_loadb(line, (size_t)n, 0, NULL);
        if (rec && json_is_object(rec))
            fn(user, rec);
        else
            bad++;
        json_decref(rec);
    }
    free(line);
    if (fp != stdin) fclose(fp);
    if (bad) {
        snprintf(why, why_len, "%lu of %lu lines are not JSON records%s", bad, lineno,
                 incomplete ? ", and the last line is incomplete" : "");
        return IMRX_EFORMAT;
    }
    if (incomplete) {
        snprintf(why, why_len,
                 "the last line (%lu) is incomplete, as an interrupted run leaves it; it was "
                 "skipped",
                 lineno);
        return IMRX_EFORMAT;
    }
    return IMRX_OK;
}
