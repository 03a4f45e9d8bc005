/* Accumulated scores and their reports. */
#include <stdlib.h>
#include <string.h>

#include "eval/eval_internal.h"

const char *const imrx_eval_categories[N_CATEGORIES] = {"pharmaceuticals",
                                                        "physical_therapy",
                                                        "chiropractic",
                                                        "acupuncture",
                                                        "injections",
                                                        "diagnostic_testing",
                                                        "dmepos",
                                                        "surgery",
                                                        "evaluation_management",
                                                        "behavioral_mental_health",
                                                        "programs",
                                                        "home_health",
                                                        "transportation",
                                                        "other",
                                                        "(none)"};

int imrx_eval_category_index(const char *name)
{
    for (int i = 0; name && i < N_CATEGORIES - 1; i++)
        if (strcmp(imrx_eval_categories[i], name) == 0) return i;
    return N_CATEGORIES - 1;
}

static const struct {
    const char *name;
    field_kind_t kind;
    const char *doc;
} field_defs[F_COUNT] = {
    [F_LAYOUT] = {"layout", KIND_F1, "A B C D"},
    [F_CASE] = {"case_number", KIND_F1, ""},
    [F_ASSIGNED] = {"dates.assigned", KIND_F1, "header"},
    [F_INJURY] = {"dates.injury", KIND_F1, "header"},
    [F_DECISION] = {"dates.decision", KIND_F1, "header"},
    [F_UR] = {"dates.ur_denial", KIND_F1, "header"},
    [F_APPLICATION] = {"dates.application_received", KIND_F1, "header"},
    [F_INJURY_NARR] = {"injury_date_in_narrative", KIND_F1, "summary"},
    [F_UR_NARR] = {"ur_date_in_narrative", KIND_F1, "summary"},
    [F_PRIORITY] = {"priority", KIND_F1, ""},
    [F_AGE] = {"patient.age", KIND_F1, ""},
    [F_SEX] = {"patient.sex", KIND_F1, ""},
    [F_LICENSURE] = {"reviewer.licensure", KIND_F1, "set of states"},
    [F_SPECIALTIES] = {"reviewer.specialties", KIND_F1, "set, as written"},
    [F_DIAGNOSES] = {"diagnoses", KIND_F1, "tokens"},
    [F_ITEMS] = {"items", KIND_F1, "aligned by text"},
    [F_ITEM_COUNT] = {"item_count", KIND_ACCURACY, "letters with the right count"},
    [F_ITEM_TEXT] = {"item.text", KIND_ACCURACY, "token overlap >= 0.9"},
    [F_ITEM_DECISION] = {"item.decision", KIND_F1, "upheld/overturned"},
    [F_ITEM_PARTIAL] = {"item.partial", KIND_F1, "positive class"},
    [F_ITEM_CATEGORY] = {"item.category", KIND_ACCURACY, "of gold items"},
    [F_ITEM_GUIDELINES] = {"item.guidelines", KIND_F1, "MTUS title + year"},
    [F_ITEM_NON_MTUS] = {"item.non_mtus", KIND_F1, "positive class"},
    [F_ITEM_NO_CITATION] = {"item.no_citation", KIND_F1, "positive class"},
    [F_ITEM_CA_NO_CITATION] = {"item.ca_no_citation", KIND_F1, "positive class"},
    [F_DRUG_GENERIC] = {"item.drug.generic", KIND_F1, "drug items"},
    [F_DRUG_STRENGTH] = {"item.drug.strength", KIND_F1, "drug items"},
    [F_DRUG_QUANTITY] = {"item.drug.quantity", KIND_F1, "drug items"},
    [F_MEDS_PATIENT] = {"medications_patient", KIND_F1, "set of generics"},
    [F_MEDS_ALL] = {"medications_all", KIND_F1, "set of generics"},
    [F_MEDS_NEGATED] = {"medications_negated", KIND_F1, "set of generics"},
};

imrx_eval_t *imrx_eval_new(void)
{
    imrx_eval_t *e = calloc(1, sizeof *e);
    if (!e) return NULL;
    for (int i = 0; i < F_COUNT; i++) {
        e->fields[i].name = field_defs[i].name;
        e->fields[i].kind = field_defs[i].kind;
        e->fields[i].doc = field_defs[i].doc;
    }
    return e;
}

void imrx_eval_free(imrx_eval_t *e)
{
    if (!e) return;
    for (int i = 0; i < e->worst_count; i++) {
        free(e->worst[i].name);
        free(e->worst[i].diff);
    }
    free(e);
}

void imrx_eval_note_unmatched(imrx_eval_t *e, const char *name, int missing_gold)
{
    (void)name;
    if (missing_gold)
        e->missing_gold++;
    else
        e->missing_record++;
}

void imrx_eval_keep_worst(imrx_eval_t *e, const char *name, unsigned long errors, imrx_buf_t *diff)
{
    if (errors == 0) return;
    int at = e->worst_count;
    while (at > 0 && e->worst[at - 1].errors < errors) at--;
    if (at >= MAX_WORST) return;
    if (e->worst_count == MAX_WORST) {
        free(e->worst[MAX_WORST - 1].name);
        free(e->worst[MAX_WORST - 1].diff);
        e->worst_count--;
    }
    memmove(&e->worst[at + 1], &e->worst[at], (size_t)(e->worst_count - at) * sizeof e->worst[0]);
    e->worst[at].name = strdup(name);
    e->worst[at].errors = errors;
    e->worst[at].diff = strdup(diff->data ? diff->data : "");
    e->worst_count++;
}

static void prf(const field_t *f, double *p, double *r, double *f1)
{
    *p = f->tp + f->fp ? (double)f->tp / (double)(f->tp + f->fp) : -1;
    *r = f->tp + f->fn ? (double)f->tp / (double)(f->tp + f->fn) : -1;
    if (*p < 0 && *r < 0)
        *f1 = -1;
    else if (*p <= 0 || *r <= 0)
        *f1 = 0;
    else
        *f1 = 2 * *p * *r / (*p + *r);
    if (*p < 0 && *r >= 0) *p = 0;
}

static double field_score(const field_t *f)
{
    if (f->kind == KIND_ACCURACY) return f->total ? (double)f->correct / (double)f->total : -1;
    double p, r, f1;
    prf(f, &p, &r, &f1);
    return f1;
}

double imrx_eval_score(const imrx_eval_t *e, const char *field)
{
    for (int i = 0; i < F_COUNT; i++)
        if (strcmp(e->fields[i].name, field) == 0) return field_score(&e->fields[i]);
    return -1;
}

static void print_score(FILE *out, double v)
{
    if (v < 0)
        fprintf(out, "%7s", "-");
    else
        fprintf(out, "%7.3f", v);
}

void imrx_eval_print(const imrx_eval_t *e, FILE *out, int worst)
{
    fprintf(out, "letters scored: %lu", e->letters);
    if (e->missing_gold) fprintf(out, "  (without gold, not scored: %lu)", e->missing_gold);
    if (e->missing_record) fprintf(out, "  (gold without a record: %lu)", e->missing_record);
    fprintf(out, "\n\n%-28s %6s %6s %6s %7s %7s %7s  %s\n", "field", "tp", "fp", "fn", "prec",
            "recall", "F1/acc", "scored as");
    for (int i = 0; i < F_COUNT; i++) {
        const field_t *f = &e->fields[i];
        if (f->kind == KIND_ACCURACY) {
            fprintf(out, "%-28s %6lu %6s %6lu %7s %7s ", f->name, f->correct, "",
                    f->total - f->correct, "", "");
            print_score(out, field_score(f));
            fprintf(out, "  accuracy: %s\n", f->doc);
            continue;
        }
        double p, r, f1;
        prf(f, &p, &r, &f1);
        fprintf(out, "%-28s %6lu %6lu %6lu ", f->name, f->tp, f->fp, f->fn);
        print_score(out, p);
        fputc(' ', out);
        print_score(out, r);
        fputc(' ', out);
        print_score(out, f1);
        fprintf(out, "  %s\n", f->doc);
    }
    static const char *const dec[] = {"upheld", "overturned", "(missing)"};
    fprintf(out, "\ndecisions (rows: gold, columns: extracted)\n%-12s", "");
    for (int j = 0; j < 3; j++) fprintf(out, " %10s", dec[j]);
    fputc('\n', out);
    for (int i = 0; i < 3; i++) {
        fprintf(out, "%-12s", dec[i]);
        for (int j = 0; j < 3; j++) fprintf(out, " %10lu", e->decision_confusion[i][j]);
        fputc('\n', out);
    }
    fprintf(out, "\ncategories (rows: gold, columns: extracted; abbreviated)\n%-26s", "");
    for (int j = 0; j < N_CATEGORIES; j++) fprintf(out, " %4.4s", imrx_eval_categories[j]);
    fputc('\n', out);
    for (int i = 0; i < N_CATEGORIES; i++) {
        unsigned long row = 0;
        for (int j = 0; j < N_CATEGORIES; j++) row += e->category_confusion[i][j];
        if (!row) continue;
        fprintf(out, "%-26s", imrx_eval_categories[i]);
        for (int j = 0; j < N_CATEGORIES; j++) {
            if (e->category_confusion[i][j])
                fprintf(out, " %4lu", e->category_confusion[i][j]);
            else
                fprintf(out, " %4s", ".");
        }
        fputc('\n', out);
    }
    if (worst > 0 && e->worst_count) {
        fprintf(out, "\nletters with the most differences\n");
        for (int i = 0; i < e->worst_count && i < worst; i++)
            fprintf(out, "  %s: %lu\n%s", e->worst[i].name, e->worst[i].errors, e->worst[i].diff);
    }
}

json_t *imrx_eval_json(const imrx_eval_t *e, int worst)
{
    json_t *root = json_object();
    json_object_set_new(root, "letters", json_integer((json_int_t)e->letters));
    json_object_set_new(root, "letters_without_gold", json_integer((json_int_t)e->missing_gold));
    json_object_set_new(root, "gold_without_record", json_integer((json_int_t)e->missing_record));
    json_t *fields = json_object();
    for (int i = 0; i < F_COUNT; i++) {
        const field_t *f = &e->fields[i];
        json_t *o = json_object();
        double score = field_score(f);
        if (f->kind == KIND_ACCURACY) {
            json_object_set_new(o, "correct", json_integer((json_int_t)f->correct));
            json_object_set_new(o, "total", json_integer((json_int_t)f->total));
            json_object_set_new(o, "accuracy", score < 0 ? json_null() : json_real(score));
        } else {
            double p, r, f1;
            prf(f, &p, &r, &f1);
            json_object_set_new(o, "tp", json_integer((json_int_t)f->tp));
            json_object_set_new(o, "fp", json_integer((json_int_t)f->fp));
            json_object_set_new(o, "fn", json_integer((json_int_t)f->fn));
            json_object_set_new(o, "precision", p < 0 ? json_null() : json_real(p));
            json_object_set_new(o, "recall", r < 0 ? json_null() : json_real(r));
            json_object_set_new(o, "f1", f1 < 0 ? json_null() : json_real(f1));
        }
        json_object_set_new(fields, f->name, o);
    }
    json_object_set_new(root, "fields", fields);
    json_t *dec = json_object();
    static const char *const names[] = {"upheld", "overturned", "missing"};
    for (int i = 0; i < 3; i++) {
        json_t *row = json_object();
        for (int j = 0; j < 3; j++)
            json_object_set_new(row, names[j],
                                json_integer((json_int_t)e->decision_confusion[i][j]));
        json_object_set_new(dec, names[i], row);
    }
    json_object_set_new(root, "decision_confusion", dec);
    json_t *cat = json_object();
    for (int i = 0; i < N_CATEGORIES; i++) {
        json_t *row = json_object();
        for (int j = 0; j < N_CATEGORIES; j++)
            if (e->category_confusion[i][j])
                json_object_set_new(row, imrx_eval_categories[j],
                                    json_integer((json_int_t)e->category_confusion[i][j]));
        if (json_object_size(row))
            json_object_set_new(cat, imrx_eval_categories[i], row);
        else
            json_decref(row);
    }
    json_object_set_new(root, "category_confusion", cat);
    json_t *w = json_array();
    for (int i = 0; i < e->worst_count && i < worst; i++) {
        json_t *o = json_object();
        json_object_set_new(o, "letter", json_string(e->worst[i].name));
        json_object_set_new(o, "differences", json_integer((json_int_t)e->worst[i].errors));
        json_object_set_new(o, "detail", json_string(e->worst[i].diff));
        json_array_append_new(w, o);
    }
    json_object_set_new(root, "worst", w);
    return root;
}

int imrx_eval_check_baseline(const imrx_eval_t *e, const char *path, FILE *out)
{
    json_error_t err;
    json_t *base = json_load_file(path, 0, &err);
    if (!base) {
        fprintf(out, "cannot read baseline %s: %s (line %d)\n", path, err.text, err.line);
        return -1;
    }
    int below = 0;
    const char *key;
    json_t *v;
    json_object_foreach(json_object_get(base, "minimum"), key, v)
    {
        double want = json_number_value(v), got = imrx_eval_score(e, key);
        if (got < 0) {
            fprintf(out, "baseline: field '%s' has no data\n", key);
            below++;
        } else if (got + 1e-9 < want) {
            fprintf(out, "baseline: %s is %.3f, below the %.3f reached before\n", key, got, want);
            below++;
        }
    }
    json_decref(base);
    return below;
}
