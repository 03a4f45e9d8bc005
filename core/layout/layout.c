#define PCRE2_CODE_UNIT_WIDTH 8
#include "layout/layout.h"

#include <ctype.h>
#include <stdarg.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Headings are found by looking at line starts only: each distinct pattern is bucketed by its
 * first character and prefiltered by its literal prefix, so a letter costs one scan for line
 * ends and a handful of anchored matches; a pattern without a literal start is tried at every
 * line (its alternatives should each begin with a literal, so that PCRE2 fails at once). */

#define MAX_PATTERNS 64
#define PREFIX_MAX   8

typedef struct pattern {
    pcre2_code *code;
    char prefix[PREFIX_MAX + 1]; /* literal start, lowercase */
    size_t prefix_len;
    unsigned rules[8]; /* rows of the table that use this pattern */
    unsigned rule_count;
    uint8_t starts[32]; /* without a literal prefix: the bytes a match can begin with (PCRE2's
                           start bitmap; all when it has none) */
} pattern_t;

struct imrx_layout_engine {
    pattern_t patterns[MAX_PATTERNS];
    unsigned pattern_count;
    unsigned char bucket_first[256]; /* first pattern index + 1 for a lowercase first char */
    unsigned char next_in_bucket[MAX_PATTERNS];
    const char *layouts[16]; /* distinct layout names, in table order */
    unsigned layout_count;
    unsigned char midline[MAX_PATTERNS]; /* patterns also tried after ". " inside a line */
    unsigned midline_count;
    unsigned char midline_first[256]; /* a midline pattern may begin with this byte */
};

struct imrx_layout_scratch {
    pcre2_match_data *md;
};

/* The pattern with each literal space (outside a character class) made a run of blanks:
 * justified text and some conversions put two or more spaces between a heading's words
 * ("Medical  Qualifications  of  the  Expert  Reviewer:"). Caller frees; NULL without memory. */
static char *spaces_as_runs(const char *pat)
{
    size_t n = strlen(pat), extra = 0;
    for (size_t i = 0; i < n; i++) extra += pat[i] == ' ' ? 4 : 0;
    char *out = malloc(n + extra + 1), *o = out;
    if (!out) return NULL;
    int in_class = 0;
    for (size_t i = 0; i < n; i++) {
        char c = pat[i];
        if (c == '\\' && i + 1 < n) {
            *o++ = c;
            *o++ = pat[++i];
            continue;
        }
        if (c == '[') in_class = 1;
        if (c == ']') in_class = 0;
        if (c == ' ' && !in_class) {
            memcpy(o, "[ ]+", 4), o += 4;
            continue;
        }
        *o++ = c;
    }
    *o = '\0';
    return out;
}

static size_t literal_prefix(const char *pat, char *out)
{
    size_t n = 0;
    for (const char *p = pat; *p && n < PREFIX_MAX; p++) {
        if (strchr("\\()[]{}.*+?|^$", *p)) {
            if (n && strchr("?*{", *p)) n--; /* the character before is optional */
            break;
        }
        out[n++] = (char)tolower((unsigned char)*p);
    }
    out[n] = '\0';
    return n;
}

imrx_layout_engine_t *imrx_layout_engine_new(char *err, size_t err_len)
{
    imrx_layout_engine_t *e = calloc(1, sizeof *e);
    if (!e) {
        snprintf(err, err_len, "out of memory");
        return NULL;
    }
    for (unsigned r = 0; r < imrx_heading_rule_count; r++) {
        const imrx_heading_rule_t *rule = &imrx_heading_rules[r];
        unsigned li = 0;
        while (li < e->layout_count && strcmp(e->layouts[li], rule->layout) != 0) li++;
        if (li == e->layout_count && li < 16) e->layouts[e->layout_count++] = rule->layout;

        unsigned pi = 0;
        while (pi < e->pattern_count &&
               strcmp(imrx_heading_rules[e->patterns[pi].rules[0]].pattern, rule->pattern) != 0)
            pi++;
        if (pi == e->pattern_count) {
            if (pi == MAX_PATTERNS) {
                snprintf(err, err_len, "layout table: more than %d distinct headings",
                         MAX_PATTERNS);
                imrx_layout_engine_free(e);
                return NULL;
            }
            pattern_t *p = &e->patterns[e->pattern_count++];
            int code;
            PCRE2_SIZE off;
            char *spaced = spaces_as_runs(rule->pattern);
            if (!spaced) {
                snprintf(err, err_len, "out of memory");
                imrx_layout_engine_free(e);
                return NULL;
            }
            p->code = pcre2_compile((PCRE2_SPTR)spaced, PCRE2_ZERO_TERMINATED,
                                    PCRE2_ANCHORED | PCRE2_CASELESS | PCRE2_MULTILINE | PCRE2_UTF,
                                    &code, &off, NULL);
            free(spaced);
            if (!p->code) {
                PCRE2_UCHAR msg[256];
                pcre2_get_error_message(code, msg, sizeof msg);
                snprintf(err, err_len, "layout table row %u (%s): pattern error at %zu: %s", r,
                         rule->pattern, (size_t)off, (char *)msg);
                imrx_layout_engine_free(e);
                return NULL;
            }
            /* IMRX_NO_JIT=1: the interpreter, for valgrind (which cannot follow JIT code) */
            if (!getenv("IMRX_NO_JIT")) pcre2_jit_compile(p->code, PCRE2_JIT_COMPLETE);
            p->prefix_len = literal_prefix(rule->pattern, p->prefix);
            memset(p->starts, 0xff, sizeof p->starts);
            if (!p->prefix_len) {
                /* PCRE2 studies an unanchored compile only: one for the start bitmap */
                pcre2_code *u =
                    pcre2_compile((PCRE2_SPTR)rule->pattern, PCRE2_ZERO_TERMINATED,
                                  PCRE2_CASELESS | PCRE2_MULTILINE | PCRE2_UTF, &code, &off, NULL);
                const uint8_t *bits = NULL;
                uint32_t type = 0;
                if (u) pcre2_pattern_info(u, PCRE2_INFO_FIRSTCODETYPE, &type);
                if (u && type == 0 && pcre2_pattern_info(u, PCRE2_INFO_FIRSTBITMAP, &bits) == 0 &&
                    bits)
                    memcpy(p->starts, bits, sizeof p->starts);
                pcre2_code_free(u);
            }
            unsigned char first = p->prefix_len ? (unsigned char)p->prefix[0] : 0;
            e->next_in_bucket[pi] = e->bucket_first[first];
            e->bucket_first[first] = (unsigned char)(pi + 1);
        }
        pattern_t *p = &e->patterns[pi];
        if (p->rule_count < 8) p->rules[p->rule_count++] = r;
        if (rule->flags & IMRX_H_MIDLINE) {
            unsigned m = 0;
            while (m < e->midline_count && e->midline[m] != pi) m++;
            if (m == e->midline_count) e->midline[e->midline_count++] = (unsigned char)pi;
            for (unsigned c = 0; c < 256; c++)
                if (p->prefix_len ? (unsigned char)tolower((int)c) == (unsigned char)p->prefix[0]
                                  : (p->starts[c / 8] >> (c % 8)) & 1)
                    e->midline_first[c] = 1;
        }
    }
    return e;
}

void imrx_layout_engine_free(imrx_layout_engine_t *e)
{
    if (!e) return;
    for (unsigned i = 0; i < e->pattern_count; i++) pcre2_code_free(e->patterns[i].code);
    free(e);
}

imrx_layout_scratch_t *imrx_layout_scratch_new(const imrx_layout_engine_t *e)
{
    (void)e;
    imrx_layout_scratch_t *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->md = pcre2_match_data_create(4, NULL);
    if (!s->md) {
        free(s);
        return NULL;
    }
    return s;
}

void imrx_layout_scratch_free(imrx_layout_scratch_t *s)
{
    if (!s) return;
    pcre2_match_data_free(s->md);
    free(s);
}

typedef struct hit {
    uint32_t begin, end; /* the heading's extent in the text */
    unsigned rule;
} hit_t;

#define MAX_HITS 128

/* Does text[pos..n) start with the lower-case prefix, ignoring case, a space of the prefix
 * matching a run of blanks (spaces_as_runs)? */
static int prefix_at(const char *text, size_t n, size_t pos, const char *prefix, size_t len)
{
#define LOWER(c) ((c) >= 'A' && (c) <= 'Z' ? (char)((c) + 32) : (c))
    if (n - pos < len || LOWER(text[pos]) != prefix[0]) return 0;
    for (size_t k = 0; k < len; k++) {
        if (pos >= n) return 0;
        if (prefix[k] == ' ') {
            if (text[pos] != ' ') return 0;
            while (pos < n && text[pos] == ' ') pos++;
            continue;
        }
        if (LOWER(text[pos]) != prefix[k]) return 0;
        pos++;
    }
    return 1;
#undef LOWER
}

/* The headings flagged IMRX_H_MIDLINE that begin after a sentence inside the line text[b..e)
 * (". " and blanks before them), added to hits[count..]; the new count. */
static unsigned find_midline(const imrx_layout_engine_t *e, imrx_layout_scratch_t *s,
                             const char *text, size_t n, size_t b, size_t e_, hit_t *hits,
                             unsigned count)
{
    for (size_t p = b + 1; p + 2 < e_ && count < MAX_HITS; p++) {
        const char *dot = memchr(text + p, '.', e_ - p);
        if (!dot) break;
        p = (size_t)(dot - text);
        if (p + 2 >= e_ || text[p + 1] != ' ') continue;
        size_t q = p + 1;
        while (q < e_ && text[q] == ' ') q++;
        if (q >= e_ || !e->midline_first[(unsigned char)text[q]]) continue;
        for (unsigned m = 0; m < e->midline_count && count < MAX_HITS; m++) {
            const pattern_t *pt = &e->patterns[e->midline[m]];
            if (pt->prefix_len && !prefix_at(text, n, q, pt->prefix, pt->prefix_len)) continue;
            int rc = pcre2_match(pt->code, (PCRE2_SPTR)text, n, q, PCRE2_NO_UTF_CHECK, s->md, NULL);
            if (rc <= 0) continue;
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
            for (unsigned r = 0; r < pt->rule_count && count < MAX_HITS; r++)
                if (imrx_heading_rules[pt->rules[r]].flags & IMRX_H_MIDLINE)
                    hits[count++] = (hit_t){(uint32_t)ov[0], (uint32_t)ov[1], pt->rules[r]};
        }
    }
    return count;
}

/* Every heading found at a line start (or, flagged so, after a sentence inside a line), in text
 * order. */
static unsigned find_headings(const imrx_layout_engine_t *e, imrx_layout_scratch_t *s,
                              const char *text, size_t n, hit_t *hits)
{
    unsigned count = 0;
    size_t pos = 0;
    while (pos < n && count < MAX_HITS) {
        unsigned char first = (unsigned char)tolower((unsigned char)text[pos]);
        /* the patterns of the line's first character, then those with no literal start (their
         * alternatives begin differently: "1) ...|MAXIMUS ...") */
        const unsigned buckets[2] = {e->bucket_first[first], first ? e->bucket_first[0] : 0u};
        for (int k = 0; k < 2; k++) {
            for (unsigned b = buckets[k]; b; b = e->next_in_bucket[b - 1]) {
                const pattern_t *p = &e->patterns[b - 1];
                unsigned char c = (unsigned char)text[pos];
                if (!(p->starts[c / 8] & (1u << (c % 8)))) continue; /* cannot begin here */
                if (p->prefix_len && !prefix_at(text, n, pos, p->prefix, p->prefix_len)) continue;
                /* The normaliser guarantees valid UTF-8: checking it on every call would cost a
                 * scan of the whole text per line. */
                int rc =
                    pcre2_match(p->code, (PCRE2_SPTR)text, n, pos, PCRE2_NO_UTF_CHECK, s->md, NULL);
                if (rc <= 0) continue;
                PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
                for (unsigned r = 0; r < p->rule_count && count < MAX_HITS; r++)
                    hits[count++] = (hit_t){(uint32_t)ov[0], (uint32_t)ov[1], p->rules[r]};
            }
        }
        const char *nl = memchr(text + pos, '\n', n - pos);
        size_t line_end = nl ? (size_t)(nl - text) : n;
        if (e->midline_count) count = find_midline(e, s, text, n, pos, line_end, hits, count);
        if (!nl) break;
        pos = line_end + 1;
    }
    return count;
}

static int layout_score(const hit_t *hits, unsigned count, const char *layout, unsigned *distinct)
{
    int score = 0;
    unsigned seen[64] = {0};
    *distinct = 0;
    for (unsigned i = 0; i < count; i++) {
        const imrx_heading_rule_t *r = &imrx_heading_rules[hits[i].rule];
        if (strcmp(r->layout, layout) != 0 || hits[i].rule >= 64 || seen[hits[i].rule]) continue;
        seen[hits[i].rule] = 1;
        score += r->weight;
        (*distinct)++;
    }
    return score;
}

static void warnf(imrx_layout_warn_fn warn, void *user, uint32_t at, const char *fmt, ...)
    IMRX_PRINTF(4, 5);
static void warnf(imrx_layout_warn_fn warn, void *user, uint32_t at, const char *fmt, ...)
{
    if (!warn) return;
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    warn(user, at, msg);
}

/* Skips the rest of the heading's line when it is blank, so a body starts on its own line. */
static uint32_t body_start(const char *text, size_t n, uint32_t at)
{
    uint32_t p = at;
    while (p < n && text[p] == ' ') p++;
    if (p < n && text[p] == '\n') return p + 1;
    return at < n && text[at] == ' ' ? at + 1 : at;
}

imrx_status_t imrx_layout_split(const imrx_layout_engine_t *e, imrx_layout_scratch_t *s,
                                imrx_doc_t *d, imrx_layout_warn_fn warn, void *user)
{
    const char *text = d->text.data;
    size_t n = d->text.len;
    hit_t hits[MAX_HITS];
    unsigned count = find_headings(e, s, text, n, hits);

    const char *best = NULL;
    int best_score = 0;
    for (unsigned li = 0; li < e->layout_count; li++) {
        unsigned distinct;
        int score = layout_score(hits, count, e->layouts[li], &distinct);
        if (distinct >= 2 && score >= 3 && score > best_score) {
            best = e->layouts[li];
            best_score = score;
        }
    }
    d->section_count = 0;
    if (!best) {
        d->layout = "unknown";
        return IMRX_OK;
    }
    d->layout = best;

    /* Sections start at the first occurrence of each of the layout's headings. */
    uint32_t first_heading = (uint32_t)n;
    int last_row = -1;
    unsigned char used[64] = {0};
    for (unsigned i = 0; i < count; i++) {
        const imrx_heading_rule_t *r = &imrx_heading_rules[hits[i].rule];
        if (strcmp(r->layout, best) != 0 || !r->section) continue;
        if (hits[i].rule < 64 && used[hits[i].rule]++) {
            warnf(warn, user, hits[i].begin,
                  "the '%s' heading appears again; the repeat is read as part of the section "
                  "before it",
                  r->section);
            continue;
        }
        if ((int)hits[i].rule < last_row)
            warnf(warn, user, hits[i].begin, "section '%s' is out of the usual order", r->section);
        if ((int)hits[i].rule > last_row) last_row = (int)hits[i].rule;
        if (d->section_count == IMRX_MAX_SECTIONS) break;
        if (hits[i].begin < first_heading) first_heading = hits[i].begin;
        imrx_section_t *sec = &d->sections[d->section_count++];
        sec->name = r->section;
        sec->heading_begin = hits[i].begin;
        sec->begin =
            (r->flags & IMRX_H_INCLUSIVE) ? hits[i].begin : body_start(text, n, hits[i].end);
        sec->end = (uint32_t)n;
    }
    /* Sections in text order; each ends where the next heading starts. */
    for (uint32_t i = 1; i < d->section_count; i++)
        for (uint32_t j = i;
             j > 0 && d->sections[j].heading_begin < d->sections[j - 1].heading_begin; j--) {
            imrx_section_t t = d->sections[j];
            d->sections[j] = d->sections[j - 1];
            d->sections[j - 1] = t;
        }
    for (uint32_t i = 0; i + 1 < d->section_count; i++) {
        d->sections[i].end = d->sections[i + 1].heading_begin;
        if (d->sections[i].begin > d->sections[i].end) d->sections[i].begin = d->sections[i].end;
    }
    /* Text before the first heading is the header, when there is any. */
    uint32_t p = 0;
    while (p < first_heading && (text[p] == ' ' || text[p] == '\n')) p++;
    if (p < first_heading && d->section_count < IMRX_MAX_SECTIONS) {
        memmove(&d->sections[1], &d->sections[0], d->section_count * sizeof d->sections[0]);
        d->sections[0] = (imrx_section_t){"header", 0, 0, first_heading};
        d->section_count++;
    }
    for (unsigned r = 0; r < imrx_heading_rule_count && r < 64; r++) {
        const imrx_heading_rule_t *rule = &imrx_heading_rules[r];
        if (strcmp(rule->layout, best) == 0 && (rule->flags & IMRX_H_REQUIRED) && !used[r])
            warnf(warn, user, (uint32_t)n,
                  "no '%s' section: the letter may be truncated or incomplete", rule->section);
    }
    return IMRX_OK;
}
