/* The plugins' literal prefilter (plugins/common/prefilter.c): which leading literals it reads
 * from a pattern, and that it never rules out a text the pattern matches. */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "prefilter.h"
#include "re.h"

static int has_literal(const imrx_prefilter_t *f, const char *lit)
{
    for (int k = 0; k < f->count; k++)
        if (f->length[k] == strlen(lit) && memcmp(f->literal[k], lit, f->length[k]) == 0) return 1;
    return 0;
}

Test(prefilter, reads_leading_literals)
{
    imrx_prefilter_t f;
    imrx_prefilter_init(&f, "\\bassistant\\s+surgeon");
    cr_assert(f.usable);
    cr_expect_eq(f.count, 1);
    cr_expect(has_literal(&f, "assistant"));

    /* an optional last character is left out; a leading group gives its alternatives */
    imrx_prefilter_init(&f, "\\bx-?\\s?rays?\\b|\\bradiograph|\\b(?:two|three)\\s+views");
    cr_assert(f.usable);
    cr_expect(has_literal(&f, "x"));
    cr_expect(has_literal(&f, "radiograph"));
    cr_expect(has_literal(&f, "two"));
    cr_expect(has_literal(&f, "three"));
    cr_expect_eq(f.count, 4);

    imrx_prefilter_init(&f, "\\bMRIs?\\b|\\bMRA\\b");
    cr_assert(f.usable);
    cr_expect(has_literal(&f, "mri"), "folded to lower case, the optional s left out");
    cr_expect(has_literal(&f, "mra"));
}

Test(prefilter, refuses_what_it_cannot_read)
{
    static const char *const unusable[] = {
        "\\b(?:chronic\\s+)?pain\\s+program", /* optional leading group */
        "#\\s?\\d+",                          /* no \b */
        "\\bsurgery|pain",                    /* one alternative without \b */
        "\\b\\d+\\s*mg",                      /* a class, not a literal */
        "\\b\\w+ectomy",                      /* idem */
        "(?x)\\b foo",                        /* extended: spaces are not literal */
        "\\b\\Qa|b\\E",                       /* quoting */
        "\\b(?=foo)foo",                      /* a lookahead first */
        "\\b[ab]c",                           /* a class first */
    };
    for (size_t i = 0; i < sizeof unusable / sizeof unusable[0]; i++) {
        imrx_prefilter_t f;
        imrx_prefilter_init(&f, unusable[i]);
        cr_expect(!f.usable, "%s", unusable[i]);
    }
}

Test(prefilter, filters_by_words)
{
    imrx_prefilter_t f;
    imrx_prefilter_init(&f, "\\bacupunct|\\belectro-?\\s?acupunct");
    imrx_prefilter_text_t t;
    const char *yes = "Six sessions of Acupuncture";
    imrx_prefilter_text(&t, yes, 0, strlen(yes));
    cr_expect(imrx_prefilter_may_match(&f, &t));
    const char *no = "Physical therapy, 12 visits";
    imrx_prefilter_text(&t, no, 0, strlen(no));
    cr_expect(!imrx_prefilter_may_match(&f, &t));
    /* a literal inside a word is no word start: "noacupuncture" cannot match \bacupunct */
    const char *inside = "noacupuncture";
    imrx_prefilter_text(&t, inside, 0, strlen(inside));
    cr_expect(!imrx_prefilter_may_match(&f, &t));
    /* the character before the range counts, as it does for \b */
    imrx_prefilter_text(&t, inside, 2, strlen(inside));
    cr_expect(!imrx_prefilter_may_match(&f, &t));
    /* non-ASCII text is never filtered: caseless UTF matching folds U+017F to s */
    const char *odd = "Phy\xc5\xbfical therapy";
    imrx_prefilter_text(&t, odd, 0, strlen(odd));
    cr_expect(!t.usable);
    cr_expect(imrx_prefilter_may_match(&f, &t));
}

/* The property that matters: over every rule of the treatments table and every line of the
 * bundled corpus (and each line's words one by one), the filter never says "cannot match"
 * where PCRE2 finds a match. */
#define MAX_PATTERNS 256

static int load_rules(char **patterns)
{
    FILE *fp = fopen(IMRX_SOURCE_DIR "/plugins/treatments/data/rules.tsv", "r");
    cr_assert(fp);
    char line[4096];
    int n = 0;
    while (fgets(line, sizeof line, fp) && n < MAX_PATTERNS) {
        if (line[0] == '#' || line[0] == '\n') continue;
        line[strcspn(line, "\r\n")] = '\0';
        char *p = strrchr(line, '\t');
        if (p) patterns[n++] = strdup(p + 1);
    }
    fclose(fp);
    return n;
}

static imrx_prefilter_set_t set; /* every rule's filter, indexed */

static void check_text(char **patterns, imrx_re_t *re, imrx_prefilter_t *f, int n,
                       imrx_re_scratch_t *s, const char *text, size_t b, size_t e, long *matched,
                       long *skipped)
{
    imrx_prefilter_text_t t;
    imrx_prefilter_text(&t, text, b, e);
    uint64_t all[MAX_PATTERNS / 64];
    imrx_prefilter_set_match(&set, &t, all);
    for (int i = 0; i < n; i++) {
        int may = imrx_prefilter_may_match(&f[i], &t);
        cr_expect_eq(may, (int)(all[i / 64] >> (i % 64) & 1),
                     "the indexed set and rule /%s/ disagree on \"%.*s\"", patterns[i],
                     (int)(e - b), text + b);
        int does = imrx_re_find(&re[i], s, text, b, e) == 1;
        if (does) (*matched)++;
        if (!may) (*skipped)++;
        cr_expect(may || !does, "rule /%s/ matches \"%.*s\" but the filter ruled it out",
                  patterns[i], (int)(e - b), text + b);
    }
}

Test(prefilter, never_rules_out_a_match, .timeout = 300)
{
    char *patterns[MAX_PATTERNS];
    int n = load_rules(patterns);
    cr_assert_gt(n, 50);
    static imrx_re_t re[MAX_PATTERNS];
    static imrx_prefilter_t f[MAX_PATTERNS];
    int usable = 0;
    for (int i = 0; i < n; i++) {
        cr_assert_eq(imrx_re_compile(&re[i], patterns[i], 0, NULL, NULL), IMRX_OK);
        imrx_prefilter_init(&f[i], patterns[i]);
        usable += f[i].usable;
    }
    cr_expect_gt(usable, n * 3 / 4, "most rules should be filterable (%d of %d)", usable, n);
    imrx_prefilter_t *filters[MAX_PATTERNS];
    for (int i = 0; i < n; i++) filters[i] = &f[i];
    cr_assert(imrx_prefilter_set_init(&set, filters, n));
    imrx_re_scratch_t s;
    cr_assert_eq(imrx_re_scratch_init(&s), IMRX_OK);
    DIR *d = opendir(IMRX_SOURCE_DIR "/corpus/letters");
    cr_assert(d);
    long matched = 0, skipped = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (!strstr(de->d_name, ".txt")) continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/corpus/letters/%s", IMRX_SOURCE_DIR, de->d_name);
        FILE *fp = fopen(path, "r");
        if (!fp) continue;
        char line[2048];
        while (fgets(line, sizeof line, fp)) {
            size_t len = strcspn(line, "\n");
            check_text(patterns, re, f, n, &s, line, 0, len, &matched, &skipped);
            /* each word on its own, with the text before it visible (as \b sees it) */
            for (size_t p = 0; p < len; p++)
                if (isalnum((unsigned char)line[p]) &&
                    (p == 0 || !isalnum((unsigned char)line[p - 1]))) {
                    size_t q = p;
                    while (q < len && !isspace((unsigned char)line[q])) q++;
                    check_text(patterns, re, f, n, &s, line, p, q, &matched, &skipped);
                }
        }
        fclose(fp);
    }
    closedir(d);
    cr_expect_gt(matched, 1000, "the corpus exercises the rules (%ld matches)", matched);
    cr_expect_gt(skipped, matched, "the filter rules out most searches (%ld)", skipped);
    imrx_re_scratch_free(&s);
    imrx_prefilter_set_free(&set);
    for (int i = 0; i < n; i++) {
        imrx_re_free(&re[i]);
        free(patterns[i]);
    }
}
