/* Printing statistics: an aligned table, CSV, JSON or Markdown. */
#include <stdlib.h>
#include <string.h>

#include "report/stats.h"
#include "util/buf.h"
#include "util/json.h"

/* The i-th value of a group key ("a\x1fb"). */
static void key_part(const char *key, int i, char *out, size_t len)
{
    const char *p = key;
    for (; i > 0 && p; i--) {
        p = strchr(p, '\x1f');
        if (p) p++;
    }
    if (!p) p = "";
    const char *end = strchr(p, '\x1f');
    size_t n = end ? (size_t)(end - p) : strlen(p);
    if (n >= len) n = len - 1;
    memcpy(out, p, n);
    out[n] = '\0';
}

static double rate(unsigned long k, unsigned long n)
{
    return n ? (double)k / (double)n : 0;
}

static void print_summary_text(const imrx_stats_t *s, FILE *out, int markdown)
{
    double lo, hi;
    imrx_wilson(s->upheld, s->items, &lo, &hi);
    const char *b = markdown ? "- " : "";
    fprintf(out, "%sletters: %lu (%lu with errors), %lu with decided items\n", b, s->letters,
            s->letters_failed, s->letters_with_items);
    fprintf(out, "%sdecided items: %lu (%.2f per letter with items)\n", b, s->items,
            s->letters_with_items ? (double)s->items / (double)s->letters_with_items : 0.0);
    /* No decided item: no rate, rather than a 0 % that could pass for one. */
    if (!s->items)
        fprintf(out, "%suphold rate: none (no decided items)\n", b);
    else
        fprintf(out, "%suphold rate: %.1f %% (%lu upheld, %lu overturned), 95 %% CI %.1f-%.1f %%\n",
                b, 100 * rate(s->upheld, s->items), s->upheld, s->overturned, 100 * lo, 100 * hi);
    if (!s->letters_with_items)
        fprintf(out, "%sletters: none with decided items\n", b);
    else
        fprintf(
            out,
            "%sletters: all items upheld %lu (%.1f %%), some overturned %lu (%.1f %%), all "
            "overturned %lu (%.1f %%)\n",
            b, s->cases_all_upheld, 100 * rate(s->cases_all_upheld, s->letters_with_items),
            s->cases_some_overturned, 100 * rate(s->cases_some_overturned, s->letters_with_items),
            s->cases_all_overturned, 100 * rate(s->cases_all_overturned, s->letters_with_items));
    fprintf(out, "%sitems per letter:", b);
    for (int i = 0; i < 10; i++)
        if (s->items_per_letter[i])
            fprintf(out, " %d%s: %lu", i, i == 9 ? "+" : "", s->items_per_letter[i]);
    fprintf(out, "\n\n");
}

static void print_table(const imrx_stats_t *s, FILE *out, int markdown)
{
    print_summary_text(s, out, markdown);
    if (s->opt.ndims == 0) return;
    size_t n;
    imrx_group_t **g = imrx_stats_sorted(s, &n);
    if (!g) return;
    int w[2] = {8, 8};
    for (int d = 0; d < s->opt.ndims; d++) {
        int len = (int)strlen(imrx_dim_name((imrx_dim_t)s->opt.dims[d]));
        if (len > w[d]) w[d] = len;
        for (size_t i = 0; i < n; i++) {
            char part[256];
            key_part(g[i]->key, d, part, sizeof part);
            if ((int)strlen(part) > w[d]) w[d] = (int)strlen(part);
        }
        if (w[d] > 60) w[d] = 60;
    }
    const char *sep = markdown ? " | " : "  ";
    if (markdown) fputs("| ", out);
    for (int d = 0; d < s->opt.ndims; d++)
        fprintf(out, "%-*s%s", w[d], imrx_dim_name((imrx_dim_t)s->opt.dims[d]), sep);
    fprintf(out, "%8s%s%8s%s%8s%s%10s%s%11s%s%13s%s\n", "letters", sep, "items", sep, "upheld", sep,
            "overturned", sep, "uphold rate", sep, "95% CI", markdown ? " |" : "");
    if (markdown) {
        fputs("|", out);
        for (int d = 0; d < s->opt.ndims; d++) fputs(" --- |", out);
        fputs(" ---: | ---: | ---: | ---: | ---: | ---: |\n", out);
    }
    for (size_t i = 0; i < n; i++) {
        double lo, hi;
        imrx_wilson(g[i]->upheld, g[i]->items, &lo, &hi);
        if (markdown) fputs("| ", out);
        for (int d = 0; d < s->opt.ndims; d++) {
            char part[256];
            key_part(g[i]->key, d, part, sizeof part);
            fprintf(out, "%-*.*s%s", w[d], w[d], part, sep);
        }
        fprintf(out, "%8lu%s%8lu%s%8lu%s%10lu%s%9.1f %%%s%5.1f-%5.1f %%%s\n", g[i]->letters, sep,
                g[i]->items, sep, g[i]->upheld, sep, g[i]->overturned, sep,
                100 * rate(g[i]->upheld, g[i]->items), sep, 100 * lo, 100 * hi,
                markdown ? " |" : "");
    }
    free(g);
}

static void csv_field(FILE *out, const char *s)
{
    if (!strpbrk(s, ",\"\n")) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"') fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

/* The counts and rate columns of a CSV row; the rate and its interval empty without items. */
static void csv_counts(FILE *out, unsigned long letters, unsigned long items, unsigned long up,
                       unsigned long over)
{
    fprintf(out, "%lu,%lu,%lu,%lu,", letters, items, up, over);
    if (!items) {
        fputs(",,\n", out);
        return;
    }
    double lo, hi;
    imrx_wilson(up, items, &lo, &hi);
    fprintf(out, "%.6f,%.6f,%.6f\n", rate(up, items), lo, hi);
}

static void print_csv(const imrx_stats_t *s, FILE *out)
{
    for (int d = 0; d < s->opt.ndims; d++)
        fprintf(out, "%s,", imrx_dim_name((imrx_dim_t)s->opt.dims[d]));
    fputs("letters,items,upheld,overturned,uphold_rate,ci_low,ci_high\n", out);
    for (int d = 0; d < s->opt.ndims; d++) fputs("(all),", out);
    csv_counts(out, s->letters_with_items, s->items, s->upheld, s->overturned);
    size_t n;
    imrx_group_t **g = imrx_stats_sorted(s, &n);
    for (size_t i = 0; g && i < n; i++) {
        for (int d = 0; d < s->opt.ndims; d++) {
            char part[256];
            key_part(g[i]->key, d, part, sizeof part);
            csv_field(out, part);
            fputc(',', out);
        }
        csv_counts(out, g[i]->letters, g[i]->items, g[i]->upheld, g[i]->overturned);
    }
    free(g);
}

static json_t *counts_json(unsigned long items, unsigned long up, unsigned long over)
{
    double lo, hi;
    imrx_wilson(up, items, &lo, &hi);
    json_t *o = json_object();
    json_object_set_new(o, "items", json_integer((json_int_t)items));
    json_object_set_new(o, "upheld", json_integer((json_int_t)up));
    json_object_set_new(o, "overturned", json_integer((json_int_t)over));
    json_object_set_new(o, "uphold_rate", items ? json_real(rate(up, items)) : json_null());
    json_object_set_new(o, "ci_low", items ? json_real(lo) : json_null());
    json_object_set_new(o, "ci_high", items ? json_real(hi) : json_null());
    return o;
}

json_t *imrx_stats_json(const imrx_stats_t *s)
{
    json_t *root = counts_json(s->items, s->upheld, s->overturned);
    json_object_set_new(root, "letters", json_integer((json_int_t)s->letters));
    json_object_set_new(root, "letters_failed", json_integer((json_int_t)s->letters_failed));
    json_object_set_new(root, "letters_with_items",
                        json_integer((json_int_t)s->letters_with_items));
    json_t *cases = json_object();
    json_object_set_new(cases, "all_upheld", json_integer((json_int_t)s->cases_all_upheld));
    json_object_set_new(cases, "some_overturned",
                        json_integer((json_int_t)s->cases_some_overturned));
    json_object_set_new(cases, "all_overturned", json_integer((json_int_t)s->cases_all_overturned));
    json_object_set_new(root, "letters_by_outcome", cases);
    json_t *ipl = json_object();
    for (int i = 0; i < 10; i++) {
        char k[8];
        snprintf(k, sizeof k, "%d%s", i, i == 9 ? "+" : "");
        json_object_set_new(ipl, k, json_integer((json_int_t)s->items_per_letter[i]));
    }
    json_object_set_new(root, "items_per_letter", ipl);
    json_t *by = json_array();
    for (int d = 0; d < s->opt.ndims; d++)
        json_array_append_new(by, json_string(imrx_dim_name((imrx_dim_t)s->opt.dims[d])));
    json_object_set_new(root, "by", by);
    json_t *groups = json_array();
    size_t n;
    imrx_group_t **g = imrx_stats_sorted(s, &n);
    for (size_t i = 0; g && i < n; i++) {
        json_t *o = counts_json(g[i]->items, g[i]->upheld, g[i]->overturned);
        json_object_set_new(o, "letters", json_integer((json_int_t)g[i]->letters));
        for (int d = 0; d < s->opt.ndims; d++) {
            char part[256];
            key_part(g[i]->key, d, part, sizeof part);
            json_object_set_new(o, imrx_dim_name((imrx_dim_t)s->opt.dims[d]), json_string(part));
        }
        json_array_append_new(groups, o);
    }
    free(g);
    json_object_set_new(root, "groups", groups);
    return root;
}

void imrx_stats_print(const imrx_stats_t *s, imrx_out_format_t fmt, FILE *out)
{
    switch (fmt) {
    case IMRX_OUT_CSV:
        print_csv(s, out);
        break;
    case IMRX_OUT_JSON: {
        json_t *j = imrx_stats_json(s);
        json_dumpf(j, out, JSON_INDENT(2) | JSON_REAL_PRECISION(6) | JSON_PRESERVE_ORDER);
        fputc('\n', out);
        json_decref(j);
        break;
    }
    case IMRX_OUT_MARKDOWN:
        print_table(s, out, 1);
        break;
    default:
        print_table(s, out, 0);
        break;
    }
}
