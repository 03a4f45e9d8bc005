#include "report/html_report.h"

#include <stdlib.h>
#include <string.h>

static void init_one(imrx_stats_t *s, int dim, const imrx_filter_t *filters, int nfilters)
{
    imrx_stats_options_t o = {0};
    if (dim >= 0) {
        o.dims[0] = dim;
        o.ndims = 1;
    }
    for (int i = 0; i < nfilters && i < IMRX_STATS_MAX_FILTERS; i++) o.filters[i] = filters[i];
    o.nfilters = nfilters;
    imrx_stats_init(s, &o);
}

void imrx_report_init(imrx_report_t *r, const imrx_filter_t *filters, int nfilters)
{
    memset(r, 0, sizeof *r);
    init_one(&r->overall, -1, filters, nfilters);
    init_one(&r->by_category, IMRX_DIM_CATEGORY, filters, nfilters);
    init_one(&r->by_class, IMRX_DIM_DRUG_CLASS, filters, nfilters);
    init_one(&r->by_month, IMRX_DIM_MONTH, filters, nfilters);
    init_one(&r->by_specialty, IMRX_DIM_SPECIALTY, filters, nfilters);
    init_one(&r->by_drug, IMRX_DIM_DRUG, filters, nfilters);
}

void imrx_report_add(imrx_report_t *r, json_t *rec)
{
    imrx_stats_add(&r->overall, rec);
    imrx_stats_add(&r->by_category, rec);
    imrx_stats_add(&r->by_class, rec);
    imrx_stats_add(&r->by_month, rec);
    imrx_stats_add(&r->by_specialty, rec);
    imrx_stats_add(&r->by_drug, rec);
}

void imrx_report_free(imrx_report_t *r)
{
    imrx_stats_free(&r->overall);
    imrx_stats_free(&r->by_category);
    imrx_stats_free(&r->by_class);
    imrx_stats_free(&r->by_month);
    imrx_stats_free(&r->by_specialty);
    imrx_stats_free(&r->by_drug);
}

static void esc(FILE *out, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '<':
            fputs("&lt;", out);
            break;
        case '>':
            fputs("&gt;", out);
            break;
        case '&':
            fputs("&amp;", out);
            break;
        case '"':
            fputs("&quot;", out);
            break;
        default:
            fputc(*s, out);
        }
    }
}

static double rate(unsigned long k, unsigned long n)
{
    return n ? (double)k / (double)n : 0;
}

/* Horizontal bars: uphold rate per group with its 95 % interval as a whisker. */
static void rate_chart(FILE *out, imrx_group_t **g, size_t n, const char *label)
{
    const int row = 24, left = 210, width = 300, top = 26;
    int h = top + (int)n * row + 30;
    fprintf(out,
            "<svg class=\"chart\" role=\"img\" aria-label=\"%s\" width=\"%d\" height=\"%d\" "
            "viewBox=\"0 0 %d %d\" xmlns=\"http://www.w3.org/2000/svg\">\n",
            label, left + width + 60, h, left + width + 60, h);
    for (int t = 0; t <= 100; t += 25) {
        int x = left + width * t / 100;
        fprintf(out,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>"
                "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" "
                "fill=\"#555\">%d%%</text>\n",
                x, top - 6, x, top + (int)n * row, x, top - 10, t);
    }
    for (size_t i = 0; i < n; i++) {
        double lo, hi, p = rate(g[i]->upheld, g[i]->items);
        imrx_wilson(g[i]->upheld, g[i]->items, &lo, &hi);
        int y = top + (int)i * row;
        fprintf(out, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">", left - 8,
                y + 16);
        esc(out, g[i]->key);
        fprintf(out,
                "</text>\n<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#4a7fb5\"/>\n"
                "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#222\" "
                "stroke-width=\"1.5\"/>\n"
                "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#333\">n=%lu</text>\n",
                left, y + 4, width * p, row - 8, left + width * lo, y + row / 2, left + width * hi,
                y + row / 2, left + width + 6, y + 16, g[i]->items);
    }
    fprintf(out, "</svg>\n");
}

static void rate_table(FILE *out, imrx_group_t **g, size_t n, const char *head)
{
    fprintf(out,
            "<table><tr><th>%s</th><th>items</th><th>upheld</th><th>rate</th>"
            "<th>95%% CI</th></tr>\n",
            head);
    for (size_t i = 0; i < n; i++) {
        double lo, hi;
        imrx_wilson(g[i]->upheld, g[i]->items, &lo, &hi);
        fputs("<tr><td>", out);
        esc(out, g[i]->key);
        fprintf(
            out, "</td><td>%lu</td><td>%lu</td><td>%.1f%%</td><td>%.1f&ndash;%.1f%%</td></tr>\n",
            g[i]->items, g[i]->upheld, 100 * rate(g[i]->upheld, g[i]->items), 100 * lo, 100 * hi);
    }
    fputs("</table>\n", out);
}

static void rate_section(FILE *out, const imrx_stats_t *s, const char *title, const char *head,
                         size_t limit, int skip_none)
{
    size_t n;
    imrx_group_t **all = imrx_stats_sorted(s, &n);
    imrx_group_t **g = calloc(n + 1, sizeof *g);
    size_t k = 0;
    for (size_t i = 0; all && g && i < n && k < limit; i++)
        if (!skip_none || strcmp(all[i]->key, IMRX_NONE) != 0) g[k++] = all[i];
    fprintf(out, "<section><h2>%s</h2><div class=\"pair\">\n", title);
    if (k) {
        rate_chart(out, g, k, title);
        rate_table(out, g, k, head);
    } else {
        fputs("<p>No items in this grouping.</p>\n", out);
    }
    fputs("</div></section>\n", out);
    free(all);
    free(g);
}

/* Letters per month as bars, uphold rate as a line on the same axis of months. */
static void month_section(FILE *out, const imrx_stats_t *s)
{
    size_t n;
    imrx_group_t **all = imrx_stats_sorted(s, &n);
    imrx_group_t **g = calloc(n + 1, sizeof *g);
    size_t k = 0;
    unsigned long max = 1;
    for (size_t i = 0; all && g && i < n; i++) {
        if (strcmp(all[i]->key, IMRX_NONE) == 0) continue;
        g[k++] = all[i];
        if (all[i]->letters > max) max = all[i]->letters;
    }
    fputs("<section><h2>Volume and uphold rate by month of decision</h2><div class=\"pair\">\n",
          out);
    if (k) {
        const int left = 50, top = 20, height = 200, width = 560;
        double step = (double)width / (double)k;
        fprintf(out,
                "<svg class=\"chart\" role=\"img\" aria-label=\"volume by month\" width=\"%d\" "
                "height=\"%d\" xmlns=\"http://www.w3.org/2000/svg\">\n",
                left + width + 50, top + height + 60);
        fprintf(out,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>\n"
                "<text x=\"4\" y=\"%d\" font-size=\"11\">%lu letters</text>\n"
                "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#b5542a\">100%% upheld</text>\n",
                left, top + height, left + width, top + height, top + 4, max, left + width + 4,
                top + 4);
        for (size_t i = 0; i < k; i++) {
            double bh = (double)height * (double)g[i]->letters / (double)max;
            double x = left + step * (double)i;
            fprintf(
                out,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#9bb8d8\"/>\n",
                x + 1, top + height - bh, step > 3 ? step - 2 : step, bh);
            if (k <= 24 || i % (k / 12 + 1) == 0)
                fprintf(out,
                        "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" transform=\"rotate(60 %.1f "
                        "%d)\">%s</text>\n",
                        x + step / 2, top + height + 12, x + step / 2, top + height + 12,
                        g[i]->key);
        }
        fputs("<polyline fill=\"none\" stroke=\"#b5542a\" stroke-width=\"2\" points=\"", out);
        for (size_t i = 0; i < k; i++)
            fprintf(out, "%.1f,%.1f ", left + step * ((double)i + 0.5),
                    top + height - height * rate(g[i]->upheld, g[i]->items));
        fputs("\"/>\n</svg>\n", out);
        fputs("<table><tr><th>month</th><th>letters</th><th>items</th><th>uphold rate</th></tr>\n",
              out);
        for (size_t i = 0; i < k; i++)
            fprintf(out, "<tr><td>%s</td><td>%lu</td><td>%lu</td><td>%.1f%%</td></tr>\n", g[i]->key,
                    g[i]->letters, g[i]->items, 100 * rate(g[i]->upheld, g[i]->items));
        fputs("</table>\n", out);
    } else {
        fputs("<p>No decision dates in these letters.</p>\n", out);
    }
    fputs("</div></section>\n", out);
    free(all);
    free(g);
}

static void items_per_letter_section(FILE *out, const imrx_stats_t *s)
{
    unsigned long max = 1;
    for (int i = 1; i < 10; i++)
        if (s->items_per_letter[i] > max) max = s->items_per_letter[i];
    const int left = 40, top = 16, height = 160, bar = 40;
    fputs("<section><h2>Disputed items per letter</h2><div class=\"pair\">\n", out);
    fprintf(out,
            "<svg class=\"chart\" role=\"img\" aria-label=\"items per letter\" width=\"%d\" "
            "height=\"%d\" xmlns=\"http://www.w3.org/2000/svg\">\n",
            left + 9 * bar + 20, top + height + 40);
    for (int i = 1; i < 10; i++) {
        double h = (double)height * (double)s->items_per_letter[i] / (double)max;
        int x = left + (i - 1) * bar;
        fprintf(out,
                "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"#6a9f58\"/>\n"
                "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">%d%s</text>\n"
                "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\">%lu</text>\n",
                x + 2, top + height - h, bar - 4, h, x + bar / 2, top + height + 16, i,
                i == 9 ? "+" : "", x + bar / 2, top + height - h - 3, s->items_per_letter[i]);
    }
    fputs("</svg>\n<table><tr><th>items</th><th>letters</th></tr>\n", out);
    for (int i = 0; i < 10; i++)
        fprintf(out, "<tr><td>%d%s</td><td>%lu</td></tr>\n", i, i == 9 ? "+" : "",
                s->items_per_letter[i]);
    fputs("</table></div></section>\n", out);
}

int imrx_report_write(const imrx_report_t *r, FILE *out, const char *title, const char *sources)
{
    const imrx_stats_t *o = &r->overall;
    double lo, hi;
    imrx_wilson(o->upheld, o->items, &lo, &hi);
    fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>", out);
    esc(out, title);
    fputs("</title>\n<style>\nbody{font-family:sans-serif;margin:2em;color:#222;max-width:1200px}"
          "h1{font-size:1.6em}h2{font-size:1.2em;border-bottom:1px solid #ccc;margin-top:2em}"
          ".pair{display:flex;flex-wrap:wrap;gap:2em;align-items:flex-start}"
          "table{border-collapse:collapse;font-size:0.85em}td,th{border:1px solid #ddd;"
          "padding:2px 8px;text-align:right}td:first-child,th:first-child{text-align:left}"
          ".big{font-size:1.3em}.note{color:#666;font-size:0.85em}\n</style></head><body>\n<h1>",
          out);
    esc(out, title);
    fputs("</h1>\n<p class=\"note\">Made by imrx from ", out);
    esc(out, sources);
    fputs(". Uphold rate = upheld / decided items; intervals are Wilson 95 %.</p>\n", out);
    if (!o->items) /* no decided item: no rate, rather than a 0 % that could pass for one */
        fprintf(out,
                "<p class=\"big\">%lu letters, no decided items: no uphold rate.</p>\n"
                "<p>Letters that could not be read: %lu.</p>\n",
                o->letters, o->letters_failed);
    else
        fprintf(out,
                "<p class=\"big\">%lu letters, %lu decided items: <b>%.1f%% upheld</b> "
                "(95%% CI %.1f&ndash;%.1f%%).</p>\n"
                "<p>Letters with every item upheld: %lu (%.1f%%); with some overturned: %lu "
                "(%.1f%%). Letters that could not be read: %lu.</p>\n",
                o->letters, o->items, 100 * rate(o->upheld, o->items), 100 * lo, 100 * hi,
                o->cases_all_upheld, 100 * rate(o->cases_all_upheld, o->letters_with_items),
                o->cases_some_overturned,
                100 * rate(o->cases_some_overturned, o->letters_with_items), o->letters_failed);
    rate_section(out, &r->by_category, "Uphold rate by treatment category", "category", 20, 0);
    rate_section(out, &r->by_class, "Uphold rate by drug class (drug items)", "drug class", 15, 1);
    rate_section(out, &r->by_drug, "Uphold rate by drug (top 15)", "drug", 15, 1);
    month_section(out, &r->by_month);
    items_per_letter_section(out, o);
    rate_section(out, &r->by_specialty, "Top reviewer specialties", "specialty", 12, 1);
    fputs("</body></html>\n", out);
    return ferror(out) ? -1 : 0;
}
