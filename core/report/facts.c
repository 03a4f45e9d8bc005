#include "report/facts.h"

#include <stdio.h>
#include <string.h>

static const char *const names[IMRX_DIM_COUNT] = {
    [IMRX_DIM_CATEGORY] = "category",
    [IMRX_DIM_SUBCATEGORY] = "subcategory",
    [IMRX_DIM_DRUG] = "drug",
    [IMRX_DIM_DRUG_CLASS] = "drug_class",
    [IMRX_DIM_OPIOID] = "opioid",
    [IMRX_DIM_SPECIALTY] = "specialty",
    [IMRX_DIM_SPECIALTY_WRITTEN] = "specialty_written",
    [IMRX_DIM_STATE] = "state",
    [IMRX_DIM_GUIDELINE] = "guideline",
    [IMRX_DIM_NON_MTUS] = "non_mtus",
    [IMRX_DIM_YEAR] = "year",
    [IMRX_DIM_MONTH] = "month",
    [IMRX_DIM_INJURY_YEAR] = "injury_year",
    [IMRX_DIM_PRIORITY] = "priority",
    [IMRX_DIM_PARTIAL] = "partial",
    [IMRX_DIM_AGE_BAND] = "age_band",
    [IMRX_DIM_SEX] = "sex",
    [IMRX_DIM_LAYOUT] = "layout",
    [IMRX_DIM_DECISION] = "decision",
};

int imrx_dim_from_name(const char *name)
{
    for (int i = 0; i < IMRX_DIM_COUNT; i++)
        if (strcmp(names[i], name) == 0) return i;
    /* a few friendly aliases */
    if (strcmp(name, "class") == 0) return IMRX_DIM_DRUG_CLASS;
    if (strcmp(name, "licensure") == 0) return IMRX_DIM_STATE;
    if (strcmp(name, "age") == 0) return IMRX_DIM_AGE_BAND;
    return -1;
}

const char *imrx_dim_name(imrx_dim_t d)
{
    return d < IMRX_DIM_COUNT ? names[d] : "?";
}

const char *imrx_dim_list(void)
{
    static char list[512];
    if (!list[0])
        for (int i = 0; i < IMRX_DIM_COUNT; i++) {
            size_t n = strlen(list);
            snprintf(list + n, sizeof list - n, "%s%s", i ? ", " : "", names[i]);
        }
    return list;
}

static json_t *path(json_t *root, const char *a, const char *b)
{
    json_t *v = json_object_get(root, a);
    return b ? json_object_get(v, b) : v;
}

static const char *str_or_none(json_t *v)
{
    return json_is_string(v) && json_string_length(v) ? json_string_value(v) : IMRX_NONE;
}

static const char *bool_value(json_t *v)
{
    if (json_is_true(v)) return "true";
    if (json_is_false(v)) return "false";
    return IMRX_NONE;
}

/* "2016" or "2016-12" from an ISO date; "(none)" when absent. */
static const char *date_part(json_t *v, size_t len, char *buf)
{
    const char *s = json_string_value(v);
    if (!s || strlen(s) < len) return IMRX_NONE;
    memcpy(buf, s, len);
    buf[len] = '\0';
    return buf;
}

/* The distinct strings of a list: a case whose reviewer is "Orthopaedic Surgery, Orthopedic
 * Surgery" counts once under Orthopaedic Surgery. */
static int string_list(json_t *arr, const char **out)
{
    int n = 0;
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v)
    {
        if (n == IMRX_MAX_VALUES) break;
        if (!json_is_string(v) || !json_string_length(v)) continue;
        const char *s = json_string_value(v);
        int seen = 0;
        for (int k = 0; k < n && !seen; k++) seen = strcmp(out[k], s) == 0;
        if (!seen) out[n++] = s;
    }
    if (n == 0) out[n++] = IMRX_NONE;
    return n;
}

static const char *age_band(json_t *v, char *buf)
{
    if (!json_is_integer(v)) return IMRX_NONE;
    long long a = json_integer_value(v);
    if (a < 30) return "under 30";
    if (a >= 70) return "70 and over";
    snprintf(buf, 64, "%lld-%lld", a / 10 * 10, a / 10 * 10 + 9);
    return buf;
}

int imrx_dim_values(imrx_dim_t d, json_t *rec, json_t *item, const char **out, char *buf)
{
    json_t *drug = json_object_get(item, "drug");
    switch (d) {
    case IMRX_DIM_CATEGORY:
        out[0] = str_or_none(json_object_get(item, "category"));
        return 1;
    case IMRX_DIM_SUBCATEGORY:
        out[0] = str_or_none(json_object_get(item, "subcategory"));
        return 1;
    case IMRX_DIM_DRUG:
        out[0] = str_or_none(json_object_get(drug, "generic"));
        return 1;
    case IMRX_DIM_DRUG_CLASS:
        out[0] = str_or_none(json_object_get(drug, "class"));
        return 1;
    case IMRX_DIM_OPIOID:
        out[0] = bool_value(json_object_get(drug, "opioid"));
        return 1;
    case IMRX_DIM_SPECIALTY: {
        json_t *canon = path(rec, "reviewer", "specialties_canonical");
        return string_list(json_array_size(canon) ? canon : path(rec, "reviewer", "specialties"),
                           out);
    }
    case IMRX_DIM_SPECIALTY_WRITTEN:
        return string_list(path(rec, "reviewer", "specialties"), out);
    case IMRX_DIM_STATE:
        return string_list(path(rec, "reviewer", "licensure"), out);
    case IMRX_DIM_GUIDELINE: {
        int n = 0;
        size_t i;
        json_t *g;
        json_array_foreach(json_object_get(item, "guidelines"), i, g)
        {
            if (n == IMRX_MAX_VALUES) break;
            const char *src = json_string_value(json_object_get(g, "source"));
            const char *title = json_string_value(json_object_get(g, "title"));
            json_t *year = json_object_get(g, "year");
            char *slot = buf + n * 64;
            if (src && strcmp(src, "MTUS") == 0 && title) {
                if (json_is_integer(year))
                    snprintf(slot, 64, "MTUS %s %lld", title, (long long)json_integer_value(year));
                else
                    snprintf(slot, 64, "MTUS %s", title);
            } else {
                snprintf(slot, 64, "non-MTUS");
            }
            int dup = 0;
            for (int k = 0; k < n; k++) dup |= strcmp(out[k], slot) == 0;
            if (!dup) out[n++] = slot;
        }
        if (n == 0) out[n++] = IMRX_NONE;
        return n;
    }
    case IMRX_DIM_NON_MTUS:
        out[0] = bool_value(json_object_get(item, "non_mtus"));
        return 1;
    case IMRX_DIM_YEAR:
        out[0] = date_part(path(rec, "dates", "decision"), 4, buf);
        return 1;
    case IMRX_DIM_MONTH:
        out[0] = date_part(path(rec, "dates", "decision"), 7, buf);
        return 1;
    case IMRX_DIM_INJURY_YEAR: {
        json_t *v = path(rec, "dates", "injury");
        if (!json_is_string(v)) v = path(rec, "dates_in_narrative", "injury");
        out[0] = date_part(v, 4, buf);
        return 1;
    }
    case IMRX_DIM_PRIORITY:
        out[0] = str_or_none(json_object_get(rec, "priority"));
        return 1;
    case IMRX_DIM_PARTIAL:
        out[0] = bool_value(json_object_get(item, "partial"));
        return 1;
    case IMRX_DIM_AGE_BAND:
        out[0] = age_band(path(rec, "patient", "age"), buf);
        return 1;
    case IMRX_DIM_SEX:
        out[0] = str_or_none(path(rec, "patient", "sex"));
        return 1;
    case IMRX_DIM_LAYOUT:
        out[0] = str_or_none(json_object_get(rec, "layout"));
        return 1;
    case IMRX_DIM_DECISION:
        out[0] = str_or_none(json_object_get(item, "decision"));
        return 1;
    default:
        out[0] = IMRX_NONE;
        return 1;
    }
}
