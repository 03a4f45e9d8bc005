/* Generator settings: the published figures as defaults, and the option parsers. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gen/gen.h"

/* Category shares of disputed items (CWCI and DWC reports: pharmaceuticals the largest). */
static const double default_cats[GEN_NCAT] = {
    40, 12, 3, 3, 6, 15, 7, 5, 4, 2, 1, 1, 0.5, 0.5,
};
/* How much more (or less) often than average each category is overturned: evaluation and
 * management and psychological services most, injections least. */
static const double overturn_factor[GEN_NCAT] = {
    0.95, 1.0, 0.9, 0.9, 0.5, 0.9, 1.0, 1.2, 2.3, 2.1, 1.1, 1.3, 1.0, 1.0,
};

void imrx_gen_config_default(imrx_gen_config_t *c)
{
    memset(c, 0, sizeof *c);
    c->seed = 1;
    c->uphold_rate = 0.89;
    c->items_mean = 1.7;
    c->layout_w[0] = 0.7, c->layout_w[1] = 0.1, c->layout_w[2] = 0.1, c->layout_w[3] = 0.1;
    c->render_w[0] = 0.45, c->render_w[1] = 0.35, c->render_w[2] = 0.2;
    memcpy(c->cat_w, default_cats, sizeof c->cat_w);
    c->year_min = 2013;
    c->year_max = 2024;
    c->noise = 1.0;
    c->partial_rate = 0.06;
    c->expedited_rate = 0.04;
}

/* Mean of P(k) ~ q^(k-1) on 1..8. */
static double geo_mean(double q)
{
    double s = 0, m = 0, p = 1;
    for (int k = 1; k <= 8; k++, p *= q) s += p, m += k * p;
    return m / s;
}

const char *imrx_gen_config_check(imrx_gen_config_t *c)
{
    if (!(c->uphold_rate >= 0 && c->uphold_rate <= 1))
        return "--uphold-rate wants a share from 0 to 1 (e.g. 0.89)";
    if (!(c->items_mean >= 1 && c->items_mean <= 4.5))
        return "--items-mean wants a mean from 1 to 4.5 (items per letter are 1 to 8)";
    if (!(c->noise >= 0 && c->noise <= 3)) return "--noise wants a factor from 0 to 3";
    if (!(c->partial_rate >= 0 && c->partial_rate <= 1)) return "--partial-rate wants 0 to 1";
    if (!(c->expedited_rate >= 0 && c->expedited_rate <= 1)) return "--expedited-rate wants 0 to 1";
    if (c->year_min < GEN_YEAR_MIN || c->year_max > GEN_YEAR_MAX || c->year_min > c->year_max)
        return "--years wants a range within 2013-2025, e.g. 2013-2024";
    /* Layouts whose years fall outside the range drop out. */
    static const int lo[GEN_NLAYOUT] = {2015, 2013, 2014, 2013};
    static const int hi[GEN_NLAYOUT] = {GEN_YEAR_MAX, 2014, 2016, 2013};
    double lw = 0;
    for (int i = 0; i < GEN_NLAYOUT; i++) {
        if (c->layout_w[i] < 0) return "--layouts wants non-negative weights";
        if (hi[i] < c->year_min || lo[i] > c->year_max) c->layout_w[i] = 0;
        lw += c->layout_w[i];
    }
    if (lw <= 0)
        return "no layout fits the years asked for (A: 2015 on, B: 2013-2014, C: 2014-2016, D: "
               "2013)";
    double rw = 0, cw = 0;
    for (int i = 0; i < GEN_NRENDER; i++) rw += c->render_w[i] >= 0 ? c->render_w[i] : -1e9;
    if (!(rw > 0)) return "--renderings wants non-negative weights, one positive at least";
    for (int i = 0; i < GEN_NCAT; i++) cw += c->cat_w[i] >= 0 ? c->cat_w[i] : -1e9;
    if (!(cw > 0)) return "--categories wants non-negative weights, one positive at least";
    /* Solve the geometric ratio for the mean by bisection (the mean grows with q). */
    double a = 0, b = 50;
    for (int i = 0; i < 100; i++) {
        double m = (a + b) / 2;
        if (geo_mean(m) < c->items_mean)
            a = m;
        else
            b = m;
    }
    c->geo_q = (a + b) / 2;
    /* Per-category overturn rates averaging to 1 - uphold over the category mix. */
    double norm = 0;
    for (int i = 0; i < GEN_NCAT; i++) norm += c->cat_w[i] / cw * overturn_factor[i];
    for (int i = 0; i < GEN_NCAT; i++) {
        double p = (1 - c->uphold_rate) * overturn_factor[i] / norm;
        c->overturn[i] = p > 1 ? 1 : p;
    }
    return NULL;
}

/* "KEY=W,KEY=W": weights by name; names not listed get 0. */
static int parse_weights(const char *s, const char *const *names, int n, double *w)
{
    double tmp[32] = {0};
    const char *p = s;
    while (*p) {
        const char *eq = strchr(p, '=');
        if (!eq) return -1;
        int k = -1;
        for (int i = 0; i < n; i++)
            if (strlen(names[i]) == (size_t)(eq - p) && !strncmp(names[i], p, (size_t)(eq - p)))
                k = i;
        if (k < 0) return -1;
        char *end;
        double v = strtod(eq + 1, &end);
        if (end == eq + 1 || !(v >= 0) || isinf(v)) return -1;
        tmp[k] = v;
        p = end;
        if (*p == ',')
            p++;
        else if (*p)
            return -1;
    }
    memcpy(w, tmp, sizeof(double) * (size_t)n);
    return 0;
}

int imrx_gen_parse_layouts(imrx_gen_config_t *c, const char *s)
{
    static const char *const names[] = {"A", "B", "C", "D"};
    return parse_weights(s, names, GEN_NLAYOUT, c->layout_w);
}

int imrx_gen_parse_renderings(imrx_gen_config_t *c, const char *s)
{
    static const char *const names[] = {"layout", "raw", "headerless"};
    return parse_weights(s, names, GEN_NRENDER, c->render_w);
}

int imrx_gen_parse_categories(imrx_gen_config_t *c, const char *s)
{
    return parse_weights(s, imrx_gen_cat_names, GEN_NCAT, c->cat_w);
}

int imrx_gen_parse_years(imrx_gen_config_t *c, const char *s)
{
    char *end;
    long a = strtol(s, &end, 10), b = a;
    if (end == s) return -1;
    if (*end == '-') {
        const char *q = end + 1;
        b = strtol(q, &end, 10);
        if (end == q) return -1;
    }
    if (*end || a < 1900 || b > 2100) return -1;
    c->year_min = (int)a;
    c->year_max = (int)b;
    return 0;
}
