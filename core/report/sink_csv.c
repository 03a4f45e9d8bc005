/* CSV: one row per disputed item, the letter's fields repeated on each (a letter without items
 * still has one row, with the item columns empty, so no letter is lost). RFC 4180 quoting. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/sinks.h"

struct imrx_csv_writer {
    FILE *fp;
    int header_done;
};

static const char *const columns[] = {"source",
                                      "layout",
                                      "case_number",
                                      "date_decision",
                                      "date_assigned",
                                      "date_injury",
                                      "date_ur_denial",
                                      "date_application_received",
                                      "injury_date_in_narrative",
                                      "ur_date_in_narrative",
                                      "priority",
                                      "age",
                                      "sex",
                                      "licensure",
                                      "specialties",
                                      "specialties_canonical",
                                      "letter_items",
                                      "item",
                                      "item_text",
                                      "decision",
                                      "partial",
                                      "category",
                                      "subcategory",
                                      "quantity",
                                      "unit",
                                      "body_part",
                                      "laterality",
                                      "guidelines",
                                      "non_mtus",
                                      "no_citation",
                                      "ca_no_citation",
                                      "drug_mention",
                                      "drug_generic",
                                      "drug_class",
                                      "drug_opioid",
                                      "drug_strength",
                                      "drug_quantity",
                                      "error",
                                      NULL};

imrx_csv_writer_t *imrx_csv_open(void *file)
{
    imrx_csv_writer_t *w = calloc(1, sizeof *w);
    if (w) w->fp = file;
    return w;
}

void imrx_csv_close(imrx_csv_writer_t *w)
{
    free(w);
}

static void field(FILE *fp, const char *s, int first)
{
    if (!first) fputc(',', fp);
    if (!s) return;
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, fp);
        return;
    }
    fputc('"', fp);
    for (; *s; s++) {
        if (*s == '"') fputc('"', fp);
        fputc(*s, fp);
    }
    fputc('"', fp);
}

/* A JSON value as CSV text: strings as they are, numbers, true/false, arrays joined by "; ". */
static void value(FILE *fp, json_t *v, int first)
{
    char buf[64];
    if (json_is_string(v))
        field(fp, json_string_value(v), first);
    else if (json_is_integer(v)) {
        snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(v));
        field(fp, buf, first);
    } else if (json_is_real(v)) {
        snprintf(buf, sizeof buf, "%g", json_real_value(v));
        field(fp, buf, first);
    } else if (json_is_boolean(v))
        field(fp, json_is_true(v) ? "true" : "false", first);
    else if (json_is_array(v)) {
        size_t len = 0, i;
        json_t *e;
        json_array_foreach(v, i, e) len += json_is_string(e) ? json_string_length(e) + 2 : 0;
        char *joined = calloc(len + 1, 1);
        if (!joined) {
            field(fp, NULL, first);
            return;
        }
        json_array_foreach(v, i, e)
        {
            if (!json_is_string(e)) continue;
            if (*joined) strcat(joined, "; ");
            strcat(joined, json_string_value(e));
        }
        field(fp, joined, first);
        free(joined);
    } else
        field(fp, NULL, first);
}

static json_t *at(json_t *o, const char *a, const char *b)
{
    json_t *v = json_object_get(o, a);
    return b ? json_object_get(v, b) : v;
}

/* "MTUS Chronic Pain Medical Treatment 2016; non-MTUS: ODG ..." */
static json_t *guideline_list(json_t *item)
{
    json_t *out = json_array();
    size_t i;
    json_t *g;
    json_array_foreach(json_object_get(item, "guidelines"), i, g)
    {
        const char *src = json_string_value(json_object_get(g, "source"));
        const char *title = json_string_value(json_object_get(g, "title"));
        json_t *year = json_object_get(g, "year");
        char buf[400];
        if (src && strcmp(src, "MTUS") == 0 && json_is_integer(year))
            snprintf(buf, sizeof buf, "MTUS %s %lld", title ? title : "",
                     (long long)json_integer_value(year));
        else
            snprintf(buf, sizeof buf, "%s: %s", src ? src : "?", title ? title : "");
        json_array_append_new(out, json_string(buf));
    }
    return out;
}

static void row(imrx_csv_writer_t *w, json_t *rec, json_t *item, size_t index, size_t nitems)
{
    FILE *fp = w->fp;
    value(fp, at(rec, "source", NULL), 1);
    value(fp, at(rec, "layout", NULL), 0);
    value(fp, at(rec, "case_number", NULL), 0);
    static const char *const dates[] = {"decision", "assigned", "injury", "ur_denial",
                                        "application_received"};
    for (size_t i = 0; i < 5; i++) value(fp, at(rec, "dates", dates[i]), 0);
    value(fp, at(rec, "dates_in_narrative", "injury"), 0);
    value(fp, at(rec, "dates_in_narrative", "ur_decision"), 0);
    value(fp, at(rec, "priority", NULL), 0);
    value(fp, at(rec, "patient", "age"), 0);
    value(fp, at(rec, "patient", "sex"), 0);
    value(fp, at(rec, "reviewer", "licensure"), 0);
    value(fp, at(rec, "reviewer", "specialties"), 0);
    value(fp, at(rec, "reviewer", "specialties_canonical"), 0);
    fprintf(fp, ",%zu", nitems);
    if (item)
        fprintf(fp, ",%zu", index + 1);
    else
        fputc(',', fp);
    static const char *const keys[] = {"text",        "decision", "partial", "category",
                                       "subcategory", "quantity", "unit",    "body_part",
                                       "laterality",  NULL};
    for (const char *const *k = keys; *k; k++) value(fp, json_object_get(item, *k), 0);
    json_t *gl = item ? guideline_list(item) : NULL;
    value(fp, gl, 0);
    json_decref(gl);
    value(fp, json_object_get(item, "non_mtus"), 0);
    value(fp, json_object_get(item, "no_citation"), 0);
    value(fp, json_object_get(item, "ca_no_citation"), 0);
    json_t *drug = json_object_get(item, "drug");
    static const char *const dk[] = {"mention",  "generic",  "class", "opioid",
                                     "strength", "quantity", NULL};
    for (const char *const *k = dk; *k; k++) value(fp, json_object_get(drug, *k), 0);
    value(fp, at(rec, "error", "message"), 0);
    fputs("\r\n", fp);
}

imrx_status_t imrx_csv_record(imrx_csv_writer_t *w, json_t *rec)
{
    if (!w->header_done) {
        for (size_t i = 0; columns[i]; i++) field(w->fp, columns[i], i == 0);
        fputs("\r\n", w->fp);
        w->header_done = 1;
    }
    json_t *items = json_object_get(rec, "items");
    size_t n = json_array_size(items);
    if (n == 0) row(w, rec, NULL, 0, 0);
    for (size_t i = 0; i < n; i++) row(w, rec, json_array_get(items, i), i, n);
    return ferror(w->fp) ? IMRX_EIO : IMRX_OK;
}
