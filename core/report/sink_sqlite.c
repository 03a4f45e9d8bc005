/* SQLite: a database analysts query directly (schema in docs/sqlite.md). Written into
 * "<path>.partial", one transaction per 5,000 letters or second, then indexed and renamed. The
 * journal is a write-ahead log: a run killed at any point leaves the transactions it committed
 * intact, and
 * --resume carries on from them. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "input/source.h"
#include "report/sinks.h"

/* synchronous=OFF: a killed process loses nothing the OS has; only a power cut could. */
static const char pragmas[] =
    "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA foreign_keys=ON;";

static const char schema[] =
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
    "INSERT INTO meta VALUES ('schema', 'imrx records 1');"
    "CREATE TABLE cases (case_id INTEGER PRIMARY KEY, source TEXT NOT NULL, layout TEXT,"
    " case_number TEXT, date_decision TEXT, date_assigned TEXT, date_injury TEXT,"
    " date_ur_denial TEXT, date_application_received TEXT, injury_date_in_narrative TEXT,"
    " ur_date_in_narrative TEXT, priority TEXT, age INTEGER, sex TEXT, items INTEGER,"
    " upheld INTEGER, overturned INTEGER, error_stage TEXT, error_message TEXT,"
    " record TEXT NOT NULL);"
    "CREATE TABLE items (item_id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES"
    " cases(case_id), position INTEGER NOT NULL, text TEXT, decision TEXT, partial INTEGER,"
    " original_request TEXT, authorized TEXT, category TEXT, subcategory TEXT, quantity INTEGER,"
    " unit TEXT, body_part TEXT, laterality TEXT, non_mtus INTEGER, no_citation INTEGER,"
    " ca_no_citation INTEGER, drug_mention TEXT, drug_generic TEXT, drug_class TEXT,"
    " drug_opioid INTEGER, drug_strength TEXT, drug_quantity INTEGER, span_begin INTEGER,"
    " span_end INTEGER);"
    "CREATE TABLE citations (citation_id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL"
    " REFERENCES items(item_id), cited_by TEXT NOT NULL, source TEXT, title TEXT, year INTEGER,"
    " sections TEXT);"
    "CREATE TABLE medications (medication_id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL"
    " REFERENCES cases(case_id), mention TEXT, generic TEXT, ingredients TEXT, class TEXT,"
    " opioid INTEGER, schedule TEXT, strength TEXT, dose_form TEXT, frequency TEXT,"
    " quantity INTEGER, refills INTEGER, section TEXT, context TEXT, negated INTEGER,"
    " discontinued INTEGER, item_position INTEGER, span_begin INTEGER, span_end INTEGER);"
    "CREATE TABLE specialties (case_id INTEGER NOT NULL REFERENCES cases(case_id), position"
    " INTEGER, specialty TEXT, canonical TEXT);"
    "CREATE TABLE licensure (case_id INTEGER NOT NULL REFERENCES cases(case_id), position"
    " INTEGER, state TEXT);"
    "CREATE TABLE diagnoses (case_id INTEGER NOT NULL REFERENCES cases(case_id), position"
    " INTEGER, diagnosis TEXT);"
    "CREATE TABLE treatments_to_date (case_id INTEGER NOT NULL REFERENCES cases(case_id), kind"
    " TEXT, count INTEGER, text TEXT);"
    "CREATE TABLE warnings (case_id INTEGER NOT NULL REFERENCES cases(case_id), plugin TEXT,"
    " message TEXT);";

static const char indexes[] =
    "CREATE INDEX IF NOT EXISTS cases_case_number ON cases(case_number);"
    "CREATE INDEX IF NOT EXISTS cases_date_decision ON cases(date_decision);"
    "CREATE INDEX IF NOT EXISTS items_case ON items(case_id);"
    "CREATE INDEX IF NOT EXISTS items_category ON items(category, decision);"
    "CREATE INDEX IF NOT EXISTS items_drug ON items(drug_generic);"
    "CREATE INDEX IF NOT EXISTS citations_item ON citations(item_id);"
    "CREATE INDEX IF NOT EXISTS medications_case ON medications(case_id);"
    "CREATE INDEX IF NOT EXISTS medications_generic ON medications(generic);"
    "CREATE INDEX IF NOT EXISTS specialties_case ON specialties(case_id);"
    "CREATE INDEX IF NOT EXISTS specialties_canonical ON specialties(canonical);"
    "CREATE INDEX IF NOT EXISTS licensure_case ON licensure(case_id);"
    "CREATE VIEW IF NOT EXISTS item_cases AS SELECT i.*, c.source, c.case_number, c.date_decision,"
    " substr(c.date_decision, 1, 4) AS decision_year, c.priority, c.age, c.sex, c.layout"
    " FROM items i JOIN cases c USING (case_id);"
    "CREATE VIEW IF NOT EXISTS item_specialties AS SELECT i.*, s.canonical AS specialty FROM items "
    "i"
    " JOIN specialties s USING (case_id);"
    "CREATE VIEW IF NOT EXISTS uphold_by_category AS SELECT category, COUNT(*) AS items,"
    " SUM(decision = 'upheld') AS upheld, SUM(decision = 'overturned') AS overturned,"
    " ROUND(AVG(decision = 'upheld'), 4) AS uphold_rate FROM items GROUP BY category"
    " ORDER BY items DESC;"
    "CREATE VIEW IF NOT EXISTS uphold_by_drug AS SELECT drug_generic, drug_class, COUNT(*) AS "
    "items,"
    " SUM(decision = 'upheld') AS upheld, ROUND(AVG(decision = 'upheld'), 4) AS uphold_rate"
    " FROM items WHERE drug_generic IS NOT NULL GROUP BY drug_generic ORDER BY items DESC;";

enum { S_CASE, S_ITEM, S_CITE, S_MED, S_SPEC, S_LIC, S_DIAG, S_TREAT, S_WARN, S_COUNT };

static const char *const inserts[S_COUNT] = {
    "INSERT INTO cases VALUES (NULL,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "INSERT INTO items VALUES (NULL,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "INSERT INTO citations VALUES (NULL,?,?,?,?,?,?)",
    "INSERT INTO medications VALUES (NULL,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "INSERT INTO specialties VALUES (?,?,?,?)",
    "INSERT INTO licensure VALUES (?,?,?)",
    "INSERT INTO diagnoses VALUES (?,?,?)",
    "INSERT INTO treatments_to_date VALUES (?,?,?,?)",
    "INSERT INTO warnings VALUES (?,?,?)",
};

struct imrx_sqlite_writer {
    sqlite3 *db;
    sqlite3_stmt *st[S_COUNT];
    unsigned long in_tx; /* letters in the open transaction */
    double tx_started, tx_seconds;
};

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int exec(imrx_sqlite_writer_t *w, const char *sql)
{
    return sqlite3_exec(w->db, sql, NULL, NULL, NULL) == SQLITE_OK;
}

static void remove_database(const char *path)
{
    char side[4096];
    remove(path);
    snprintf(side, sizeof side, "%s-wal", path);
    remove(side);
    snprintf(side, sizeof side, "%s-shm", path);
    remove(side);
}

/* The sources of the cases an interrupted run committed. */
static int load_done(imrx_sqlite_writer_t *w, imrx_hashset_t *done, unsigned long *done_count,
                     char *why, size_t why_len)
{
    sqlite3_stmt *st = NULL;
    const char *schema_name = NULL;
    if (sqlite3_prepare_v2(w->db, "SELECT value FROM meta WHERE key = 'schema'", -1, &st, NULL) ==
            SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        schema_name = (const char *)sqlite3_column_text(st, 0);
    int ours = schema_name && strcmp(schema_name, "imrx records 1") == 0;
    sqlite3_finalize(st);
    if (!ours) {
        snprintf(why, why_len, "the .partial file to resume is no imrx database of this version");
        return 0;
    }
    if (sqlite3_prepare_v2(w->db, "SELECT source FROM cases", -1, &st, NULL) != SQLITE_OK) {
        snprintf(why, why_len, "%s", sqlite3_errmsg(w->db));
        return 0;
    }
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *source = (const char *)sqlite3_column_text(st, 0);
        if (source && imrx_hashset_add(done, imrx_source_resume_key(source)) != 0) {
            rc = SQLITE_NOMEM;
            break;
        }
        (*done_count)++;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) snprintf(why, why_len, "reading the .partial database failed");
    return rc == SQLITE_DONE;
}

imrx_sqlite_writer_t *imrx_sqlite_open(const char *path, int resume, imrx_hashset_t *done,
                                       unsigned long *done_count, char *why, size_t why_len)
{
    imrx_sqlite_writer_t *w = calloc(1, sizeof *w);
    if (!w) return NULL;
    /* IMRX_SQLITE_COMMIT_SECONDS: tests commit more often, to kill runs between commits. */
    const char *every = getenv("IMRX_SQLITE_COMMIT_SECONDS");
    w->tx_seconds = every ? atof(every) : 1.0;
    FILE *existing = resume ? fopen(path, "rb") : NULL;
    int continuing = existing != NULL;
    if (existing) fclose(existing);
    if (!continuing) remove_database(path);
    int ok = sqlite3_open(path, &w->db) == SQLITE_OK && exec(w, pragmas);
    if (ok && continuing)
        ok = load_done(w, done, done_count, why, why_len);
    else if (ok)
        ok = exec(w, schema);
    if (!ok) {
        if (!*why) snprintf(why, why_len, "%s", w->db ? sqlite3_errmsg(w->db) : "cannot open");
        sqlite3_close(w->db);
        free(w);
        return NULL;
    }
    for (int i = 0; i < S_COUNT; i++)
        if (sqlite3_prepare_v2(w->db, inserts[i], -1, &w->st[i], NULL) != SQLITE_OK) {
            snprintf(why, why_len, "%s", sqlite3_errmsg(w->db));
            imrx_sqlite_close(w, 0);
            return NULL;
        }
    return w;
}

/* Binds a JSON value: strings, integers, booleans as 0/1, arrays of strings joined by "; ". */
static void bind(sqlite3_stmt *st, int col, json_t *v)
{
    if (json_is_string(v))
        sqlite3_bind_text(st, col, json_string_value(v), -1, SQLITE_TRANSIENT);
    else if (json_is_integer(v))
        sqlite3_bind_int64(st, col, json_integer_value(v));
    else if (json_is_boolean(v))
        sqlite3_bind_int(st, col, json_is_true(v));
    else if (json_is_real(v))
        sqlite3_bind_double(st, col, json_real_value(v));
    else if (json_is_array(v) && json_array_size(v)) {
        char buf[2048] = "";
        size_t i;
        json_t *e;
        json_array_foreach(v, i, e)
        {
            if (!json_is_string(e)) continue;
            if (*buf) strncat(buf, "; ", sizeof buf - strlen(buf) - 1);
            strncat(buf, json_string_value(e), sizeof buf - strlen(buf) - 1);
        }
        sqlite3_bind_text(st, col, buf, -1, SQLITE_TRANSIENT);
    } else
        sqlite3_bind_null(st, col);
}

static json_t *at(json_t *o, const char *a, const char *b)
{
    json_t *v = json_object_get(o, a);
    return b ? json_object_get(v, b) : v;
}

static int step(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE;
}

static void bind_span(sqlite3_stmt *st, int col, json_t *span)
{
    bind(st, col, json_array_get(span, 0));
    bind(st, col + 1, json_array_get(span, 1));
}

static int insert_citations(imrx_sqlite_writer_t *w, sqlite3_int64 item, json_t *list,
                            const char *by)
{
    size_t i;
    json_t *c;
    int ok = 1;
    json_array_foreach(list, i, c)
    {
        sqlite3_stmt *st = w->st[S_CITE];
        sqlite3_bind_int64(st, 1, item);
        sqlite3_bind_text(st, 2, by, -1, SQLITE_STATIC);
        bind(st, 3, json_object_get(c, "source"));
        bind(st, 4, json_object_get(c, "title"));
        bind(st, 5, json_object_get(c, "year"));
        bind(st, 6, json_object_get(c, "sections"));
        ok &= step(st);
    }
    return ok;
}

static int insert_items(imrx_sqlite_writer_t *w, sqlite3_int64 case_id, json_t *items)
{
    static const char *const keys[] = {
        "text",        "decision",       "partial", "original_request", "authorized", "category",
        "subcategory", "quantity",       "unit",    "body_part",        "laterality", "non_mtus",
        "no_citation", "ca_no_citation", NULL};
    static const char *const drug[] = {"mention",  "generic",  "class", "opioid",
                                       "strength", "quantity", NULL};
    size_t i;
    json_t *it;
    int ok = 1;
    json_array_foreach(items, i, it)
    {
        sqlite3_stmt *st = w->st[S_ITEM];
        int col = 1;
        sqlite3_bind_int64(st, col++, case_id);
        sqlite3_bind_int64(st, col++, (sqlite3_int64)i + 1);
        for (const char *const *k = keys; *k; k++) bind(st, col++, json_object_get(it, *k));
        json_t *d = json_object_get(it, "drug");
        for (const char *const *k = drug; *k; k++) bind(st, col++, json_object_get(d, *k));
        bind_span(st, col, json_object_get(it, "span"));
        ok &= step(st);
        sqlite3_int64 item = sqlite3_last_insert_rowid(w->db);
        ok &= insert_citations(w, item, json_object_get(it, "guidelines"), "maximus");
        ok &=
            insert_citations(w, item, json_object_get(it, "ca_guidelines"), "claims_administrator");
    }
    return ok;
}

static int insert_medications(imrx_sqlite_writer_t *w, sqlite3_int64 case_id, json_t *meds)
{
    static const char *const keys[] = {
        "mention",  "generic",   "ingredients",  "class",    "opioid",  "schedule",
        "strength", "dose_form", "frequency",    "quantity", "refills", "section",
        "context",  "negated",   "discontinued", "item",     NULL};
    size_t i;
    json_t *m;
    int ok = 1;
    json_array_foreach(meds, i, m)
    {
        sqlite3_stmt *st = w->st[S_MED];
        int col = 1;
        sqlite3_bind_int64(st, col++, case_id);
        for (const char *const *k = keys; *k; k++) bind(st, col++, json_object_get(m, *k));
        bind_span(st, col, json_object_get(m, "span"));
        ok &= step(st);
    }
    return ok;
}

/* Rows of a list of strings (with a parallel list, for canonical specialties). */
static int insert_list(imrx_sqlite_writer_t *w, int which, sqlite3_int64 case_id, json_t *list,
                       json_t *parallel)
{
    size_t i;
    json_t *v;
    int ok = 1;
    json_array_foreach(list, i, v)
    {
        sqlite3_stmt *st = w->st[which];
        sqlite3_bind_int64(st, 1, case_id);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)i + 1);
        bind(st, 3, v);
        if (which == S_SPEC) bind(st, 4, json_array_get(parallel, i));
        ok &= step(st);
    }
    return ok;
}

imrx_status_t imrx_sqlite_record(imrx_sqlite_writer_t *w, json_t *rec, const char *json, size_t len)
{
    if (w->in_tx == 0) {
        if (!exec(w, "BEGIN")) return IMRX_EIO;
        w->tx_started = now();
    }
    sqlite3_stmt *st = w->st[S_CASE];
    int col = 1;
    bind(st, col++, at(rec, "source", NULL));
    bind(st, col++, at(rec, "layout", NULL));
    bind(st, col++, at(rec, "case_number", NULL));
    static const char *const dates[] = {"decision", "assigned", "injury", "ur_denial",
                                        "application_received"};
    for (size_t i = 0; i < 5; i++) bind(st, col++, at(rec, "dates", dates[i]));
    bind(st, col++, at(rec, "dates_in_narrative", "injury"));
    bind(st, col++, at(rec, "dates_in_narrative", "ur_decision"));
    bind(st, col++, at(rec, "priority", NULL));
    bind(st, col++, at(rec, "patient", "age"));
    bind(st, col++, at(rec, "patient", "sex"));
    json_t *items = json_object_get(rec, "items");
    long up = 0, over = 0;
    size_t i;
    json_t *it;
    json_array_foreach(items, i, it)
    {
        const char *d = json_string_value(json_object_get(it, "decision"));
        up += d && strcmp(d, "upheld") == 0;
        over += d && strcmp(d, "overturned") == 0;
    }
    sqlite3_bind_int64(st, col++, (sqlite3_int64)json_array_size(items));
    sqlite3_bind_int64(st, col++, up);
    sqlite3_bind_int64(st, col++, over);
    bind(st, col++, at(rec, "error", "stage"));
    bind(st, col++, at(rec, "error", "message"));
    while (len && (json[len - 1] == '\n' || json[len - 1] == '\r')) len--;
    sqlite3_bind_text(st, col++, json, (int)len, SQLITE_TRANSIENT);
    int ok = step(st);
    sqlite3_int64 case_id = sqlite3_last_insert_rowid(w->db);
    ok &= insert_items(w, case_id, items);
    ok &= insert_medications(w, case_id, json_object_get(rec, "medications"));
    ok &= insert_list(w, S_SPEC, case_id, at(rec, "reviewer", "specialties"),
                      at(rec, "reviewer", "specialties_canonical"));
    ok &= insert_list(w, S_LIC, case_id, at(rec, "reviewer", "licensure"), NULL);
    ok &= insert_list(w, S_DIAG, case_id, at(rec, "patient", "diagnoses"), NULL);
    json_t *t;
    json_array_foreach(json_object_get(rec, "treatments_to_date"), i, t)
    {
        sqlite3_stmt *ts = w->st[S_TREAT];
        sqlite3_bind_int64(ts, 1, case_id);
        bind(ts, 2, json_object_get(t, "kind"));
        bind(ts, 3, json_object_get(t, "count"));
        bind(ts, 4, json_object_get(t, "text"));
        ok &= step(ts);
    }
    json_array_foreach(json_object_get(rec, "warnings"), i, t)
    {
        sqlite3_stmt *ws = w->st[S_WARN];
        sqlite3_bind_int64(ws, 1, case_id);
        bind(ws, 2, json_object_get(t, "plugin"));
        bind(ws, 3, json_object_get(t, "message"));
        ok &= step(ws);
    }
    /* Big transactions are fast; a commit every second bounds what a kill can cost. */
    if (++w->in_tx == 5000 || ((w->in_tx & 15) == 0 && now() - w->tx_started > w->tx_seconds)) {
        w->in_tx = 0;
        if (!exec(w, "COMMIT")) ok = 0;
    }
    return ok ? IMRX_OK : IMRX_EIO;
}

imrx_status_t imrx_sqlite_close(imrx_sqlite_writer_t *w, int commit)
{
    if (!w) return IMRX_EINVAL;
    int ok = 1;
    /* Not committing: the open batch is dropped whole (a letter is never half there), and what
     * was committed stays in the .partial file for --resume. */
    if (w->in_tx) ok &= exec(w, commit ? "COMMIT" : "ROLLBACK");
    /* The finished file stands alone: the log folded in, no -wal or -shm beside it. */
    if (commit) ok &= exec(w, indexes) && exec(w, "PRAGMA journal_mode=DELETE");
    for (int i = 0; i < S_COUNT; i++) sqlite3_finalize(w->st[i]);
    ok &= sqlite3_close(w->db) == SQLITE_OK;
    free(w);
    return ok ? IMRX_OK : IMRX_EIO;
}
