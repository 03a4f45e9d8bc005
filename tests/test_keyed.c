/* The plugins' scanning shortcuts (plugins/common): a keyed search finds what the plain PCRE2
 * search finds, the key starts hold every place a match begins, tokens read from
 * imrx_tokens_back's position are those of the whole text, imrx_text_first_listed picks the
 * word that strstr with each word in turn picks, and imrx_text_find finds what a plain loop
 * finds. Checked on random texts built
 * from the words that make these searches hard (keys as prefixes of longer words, keys a few
 * words after the match's beginning, matches close together). */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "re.h"
#include "text.h"
#include "tokens.h"

/* A deterministic text of n words from `vocab`, separated by spaces, line breaks and
 * punctuation. */
static size_t random_text(char *out, size_t cap, uint32_t seed, const char *const *vocab, size_t nv,
                          int words)
{
    static const char *const seps[] = {" ", " ", " ", " ", "\n", ", ", ". ", "  ", " (", ") "};
    uint32_t x = seed * 2654435761u + 1;
    size_t len = 0;
    for (int i = 0; i < words; i++) {
        x = x * 1103515245u + 12345u;
        const char *w = vocab[(x >> 8) % nv];
        x = x * 1103515245u + 12345u;
        const char *s = seps[(x >> 8) % 10];
        size_t wl = strlen(w), sl = strlen(s);
        if (len + wl + sl + 1 >= cap) break;
        memcpy(out + len, w, wl);
        len += wl;
        memcpy(out + len, s, sl);
        len += sl;
    }
    out[len] = '\0';
    return len;
}

typedef struct {
    imrx_re_t re;
    imrx_re_scratch_t s;
} search_t;

static void search_init(search_t *x, const char *pattern)
{
    cr_assert_eq(imrx_re_compile(&x->re, pattern, 0, NULL, NULL), IMRX_OK, "%s", pattern);
    cr_assert_eq(imrx_re_scratch_init(&x->s), IMRX_OK);
}

static void search_free(search_t *x)
{
    imrx_re_scratch_free(&x->s);
    imrx_re_free(&x->re);
}

/* Every search from every start: keyed and plain agree on the result and the match. */
static void check_keyed(search_t *x, const imrx_re_keys_t *keys, const char *text, size_t len)
{
    for (size_t start = 0; start < len; start += 7) {
        int k = imrx_re_find_keyed(&x->re, keys, &x->s, text, start, len);
        size_t kb = k > 0 ? imrx_re_ov(&x->s)[0] : 0, ke = k > 0 ? imrx_re_ov(&x->s)[1] : 0;
        int p = imrx_re_find(&x->re, &x->s, text, start, len);
        cr_assert_eq(k, p, "from %zu in: %s", start, text);
        if (p > 0) {
            cr_assert_eq(kb, imrx_re_ov(&x->s)[0], "from %zu in: %s", start, text);
            cr_assert_eq(ke, imrx_re_ov(&x->s)[1], "from %zu in: %s", start, text);
        }
    }
}

/* Every place a plain search finds a match begin is among the key starts. */
static void check_starts(search_t *x, const imrx_re_keys_t *keys, const char *text, size_t len)
{
    size_t at[4096];
    size_t n = imrx_re_key_starts(keys, text, 0, len, at, 4096);
    cr_assert_neq(n, SIZE_MAX);
    for (size_t i = 1; i < n; i++) cr_assert_lt(at[i - 1], at[i], "starts in order, once each");
    size_t pos = 0, k = 0;
    while (pos < len && imrx_re_find(&x->re, &x->s, text, pos, len) == 1) {
        size_t b = imrx_re_ov(&x->s)[0];
        while (k < n && at[k] < b) k++;
        cr_assert(k < n && at[k] == b, "a match at %zu is no key start in: %s", b, text);
        pos = b + 1;
    }
}

static const char *const vocab[] = {
    "on", "one", "only", "On", "was", "wasted", "UR", "urine", "prior", "priority", "review", "the",
    "patient", "treated", "treating", "for", "pain", "under", "underwent", "care", "of",
    "12/01/2016", "denied", "utilization", "dx", "dxa", "currently", "being", "is", "x",
    /* phrases that match, some with their key two words in */
    "being currently treated for", "was treated for", "is under care of", "currently under",
    "UR denied", "on 1/2/2017 the UR", "was denied on 3/4/2015"};

/* A keyed pattern checked on 60 random texts from the vocabulary, short and long; whole, then
 * split by first byte (imrx_re_split_first_byte) when its shape allows. */
static void check_on_random_texts(const char *pattern, const imrx_re_keys_t *keys)
{
    for (int split = 0; split < 2; split++) {
        search_t x;
        search_init(&x, pattern);
        if (split) {
            cr_assert_eq(imrx_re_split_first_byte(&x.re, pattern, 0), IMRX_OK);
            cr_assert_not_null(x.re.split, "an alternation at the top is split");
        }
        char text[6000];
        for (uint32_t seed = 1; seed <= 60; seed++) {
            size_t len = random_text(text, sizeof text, seed, vocab, sizeof vocab / sizeof *vocab,
                                     seed % 3 ? 400 : 40);
            check_keyed(&x, keys, text, len);
            check_starts(&x, keys, text, len);
        }
        search_free(&x);
    }
}

/* A search from the declared starts (imrx_re_find_starts) finds, from every start, what the
 * plain search finds: word-start alternatives, alternatives that open with punctuation before a
 * tail word (", which"), a closing parenthesis before them, and \G, true only at the search's
 * start ("-free" right after where it starts, not after a later word); group 1 too. With
 * `split`, the pattern is split by first byte (imrx_re_split_first_byte). */
static void check_declared_starts(int split)
{
    static const char *const firsts[] = {"was", "but", "he", NULL};
    static const char *const tails[] = {"wh", "st", NULL};
    static const char *const required[] = {"stop", "never", "which", "free", NULL};
    const imrx_re_keys_t req = {required, 0, 0};
    const imrx_re_starts_t st = {{firsts, 0, 0}, {tails, 0, 0}, " \n,:-", &req};
    static const char *const words[] = {"Norco",      "was",
                                        "stopped",    "was not",
                                        "taken",      "but",
                                        "he",         "never",
                                        "used",       "it",
                                        "which",      "whichever",
                                        "he stopped", ", which he stopped",
                                        ": stopped",  "(dizziness)",
                                        "-free",      "free",
                                        "stop",       "was stopped",
                                        "but never",  "he declined",
                                        "stopping",   "she"};
    search_t x;
    static const char pattern[] =
        "(?:\\b|(?<=\\)))(?:(?:was\\s+(?:not\\s+)?stopped|but\\s+(?:he\\s+)?never)|"
        "(he\\s+stopped|,?\\s*which\\s+he\\s+stopped|\\s*[:,]\\s*stopped)|"
        "\\G-free|\\G\\s*stopped)";
    search_init(&x, pattern);
    if (split) {
        cr_assert_eq(imrx_re_split_first_byte(&x.re, pattern, 0), IMRX_OK);
        cr_assert_not_null(x.re.split, "the pattern's leading alternation is read");
    }
    char text[6000];
    for (uint32_t seed = 1; seed <= 60; seed++) {
        size_t len = random_text(text, sizeof text, seed, words, sizeof words / sizeof *words,
                                 seed % 3 ? 300 : 30);
        for (size_t start = 0; start < len; start += 3) {
            int k = imrx_re_find_starts(&x.re, &st, &x.s, text, start, len);
            size_t kb = k > 0 ? imrx_re_ov(&x.s)[0] : 0, ke = k > 0 ? imrx_re_ov(&x.s)[1] : 0;
            int kg = k > 0 && imrx_re_has(&x.s, 1);
            int p = imrx_re_find(&x.re, &x.s, text, start, len);
            cr_assert_eq(k, p, "%d vs %d from %zu in: %s", k, p, start, text);
            if (p > 0) {
                cr_assert_eq(kb, imrx_re_ov(&x.s)[0], "%zu vs %zu from %zu in: %s", kb,
                             (size_t)imrx_re_ov(&x.s)[0], start, text);
                cr_assert_eq(ke, imrx_re_ov(&x.s)[1], "from %zu in: %s", start, text);
                cr_assert_eq(kg, imrx_re_has(&x.s, 1), "group 1 from %zu in: %s", start, text);
            }
        }
    }
    search_free(&x);
}

Test(keyed, searches_from_declared_starts_find_what_the_plain_search_finds)
{
    check_declared_starts(0);
}

Test(keyed, a_pattern_split_by_first_byte_finds_what_the_whole_pattern_finds)
{
    check_declared_starts(1);
}

/* A pattern whose shape the splitter does not read (no leading alternation, a quantified group)
 * stays whole. */
Test(keyed, patterns_of_other_shapes_are_not_split)
{
    static const char *const shapes[] = {"was\\s+stopped", "(?:was|but)+\\s+never", "\\Qwas|but\\E",
                                         "x(?:was|but)"};
    for (size_t i = 0; i < sizeof shapes / sizeof *shapes; i++) {
        search_t x;
        search_init(&x, shapes[i]);
        cr_assert_eq(imrx_re_split_first_byte(&x.re, shapes[i], 0), IMRX_OK);
        cr_assert_null(x.re.split, "%s", shapes[i]);
        search_free(&x);
    }
}

Test(keyed, whole_word_keys_find_what_the_plain_search_finds)
{
    static const char *const words[] = {"ur", "utilization", "on", "was", NULL};
    const imrx_re_keys_t keys = {words, 0, 1};
    check_on_random_texts("\\b(?:UR|utilization\\s+review)\\s+(?:denied|review)\\b"
                          "|\\bon\\s+\\d+/\\d+/\\d+,?\\s+[^.;]{0,40}?\\bUR\\b"
                          "|\\bwas\\s+denied\\s+on\\s+\\d+/\\d+/\\d+",
                          &keys);
}

Test(keyed, keys_after_the_match_beginning_find_what_the_plain_search_finds)
{
    /* a match begins up to two words before its key; a later key's words can begin before an
     * earlier key's match */
    static const char *const words[] = {"treated", "under", "dx", NULL};
    const imrx_re_keys_t keys = {words, 2, 0};
    check_on_random_texts("\\b(?:(?:being|was|is)\\s+)?(?:currently\\s+)?(?:treated|under)\\s+"
                          "(?:care\\s+of|for)\\s+\\w+|\\bdx\\b\\s*\\w+",
                          &keys);
}

/* One scratch searching with more key sets than it keeps indexes of (16): each search still
 * finds what the plain search finds, with the index it built for the set or the one it kept. */
Test(keyed, more_key_sets_than_a_scratch_keeps)
{
    static const char *const words[][2] = {
        {"on", NULL},        {"one", NULL},  {"only", NULL},    {"was", NULL},
        {"wasted", NULL},    {"ur", NULL},   {"urine", NULL},   {"prior", NULL},
        {"review", NULL},    {"the", NULL},  {"patient", NULL}, {"treated", NULL},
        {"treating", NULL},  {"for", NULL},  {"pain", NULL},    {"under", NULL},
        {"underwent", NULL}, {"care", NULL}, {"denied", NULL},  {"being", NULL}};
    enum { N = sizeof words / sizeof words[0] };
    static imrx_re_keys_t keys[N];
    search_t x[N];
    for (int i = 0; i < N; i++) {
        keys[i] = (imrx_re_keys_t){words[i], 0, 0};
        char pattern[64];
        snprintf(pattern, sizeof pattern, "\\b%s\\w*\\s+\\w+", words[i][0]);
        search_init(&x[i], pattern);
        imrx_re_scratch_free(&x[i].s);
    }
    imrx_re_scratch_t shared;
    cr_assert_eq(imrx_re_scratch_init(&shared), IMRX_OK);
    char text[6000];
    for (uint32_t seed = 1; seed <= 6; seed++) {
        size_t len = random_text(text, sizeof text, seed, vocab, sizeof vocab / sizeof *vocab, 400);
        for (int i = 0; i < N; i++) {
            x[i].s = shared;
            check_keyed(&x[i], &keys[i], text, len);
            shared = x[i].s;
        }
    }
    imrx_re_scratch_free(&shared);
    for (int i = 0; i < N; i++) imrx_re_free(&x[i].re);
}

Test(keyed, required_words_rule_out_only_texts_that_cannot_match)
{
    /* every match holds "denie", "no" (not, none) or "never" at a word start, not first */
    search_t x;
    search_init(&x, "\\b(?:(?:he|she)\\s+denie[sd]|(?:is|was)\\s+not\\s+taking|never\\s+took|"
                    "takes\\s+none\\s+of)");
    static const char *const words[] = {"denie", "no", "never", NULL};
    const imrx_re_keys_t keys = {words, 0, 0};
    static const char *const some[] = {
        "he",     "she",       "denies",         "denied",       "is", "was",  "not",  "none",
        "taking", "took",      "never",          "takes",        "of", "note", "know", "snot",
        "x",      "he denies", "was not taking", "takes none of"};
    char text[600];
    int matched = 0, ruled_out = 0;
    for (uint32_t seed = 1; seed <= 300; seed++) {
        size_t len = random_text(text, sizeof text, seed, some, sizeof some / sizeof *some,
                                 1 + (int)(seed % 25));
        for (size_t start = 0; start < len; start += 3) {
            int r = imrx_re_find_required(&x.re, &keys, &x.s, text, start, len);
            size_t rb = r > 0 ? imrx_re_ov(&x.s)[0] : 0, re_ = r > 0 ? imrx_re_ov(&x.s)[1] : 0;
            int p = imrx_re_find(&x.re, &x.s, text, start, len);
            cr_assert_eq(r, p, "from %zu in: %s", start, text);
            if (p > 0) {
                cr_assert_eq(rb, imrx_re_ov(&x.s)[0]);
                cr_assert_eq(re_, imrx_re_ov(&x.s)[1]);
                matched++;
            }
        }
        /* the words only inside others ("note", "know", "snot"): ruled out unread */
        if (!strstr(text, "no") && !strstr(text, "denie") && !strstr(text, "never")) ruled_out++;
    }
    cr_expect_gt(matched, 50, "the texts match often enough (%d)", matched);
    cr_expect_gt(ruled_out, 5, "and often hold none of the words (%d)", ruled_out);
    search_free(&x);
}

Test(keyed, key_starts_give_up_when_they_cannot_decide)
{
    static const char *const words[] = {"on", NULL};
    const imrx_re_keys_t keys = {words, 0, 1};
    size_t at[4];
    const char *text = "on a, on b, on c, on d, on e";
    cr_expect_eq(imrx_re_key_starts(&keys, text, 0, strlen(text), at, 4), SIZE_MAX,
                 "more starts than room");
    const char *folded = "on \xc5\xbf on"; /* U+017F: caseless PCRE2 reads it as s */
    cr_expect_eq(imrx_re_key_starts(&keys, folded, 0, strlen(folded), at, 4), SIZE_MAX);
    const char *two = "one on only on";
    cr_assert_eq(imrx_re_key_starts(&keys, two, 0, strlen(two), at, 4), 2, "whole words only");
    cr_expect_eq(at[0], 4);
    cr_expect_eq(at[1], 12);
}

Test(keyed, tokens_from_a_window_are_the_whole_texts_tokens)
{
    static const char *const words[] = {"12",  "sessions", "of",  "physical", "therapy", "2x6",
                                        "PT",  "#120",     "(3)", "-",        "/",       "visits",
                                        "10%", "and",      "x",   "twelve",   "a",       "b2b"};
    char text[4000];
    for (uint32_t seed = 1; seed <= 40; seed++) {
        size_t len = random_text(text, sizeof text, seed, words, sizeof words / sizeof *words, 300);
        imrx_token_t all[2000];
        size_t n = imrx_tokenize(text, 0, (uint32_t)len, all, 2000);
        for (size_t i = 0; i < n; i++) {
            int got;
            uint32_t from = imrx_tokens_back(text, 0, all[i].b, 3, &got);
            cr_assert_eq((size_t)got, i < 3 ? i : 3);
            imrx_token_t win[8];
            size_t m = imrx_tokenize(text, from, (uint32_t)len, win, 8);
            for (size_t k = 0; k < m && i - (size_t)got + k < n; k++) {
                const imrx_token_t *a = &all[i - (size_t)got + k];
                cr_assert_eq(win[k].b, a->b, "token %zu of the window at %zu", k, (size_t)from);
                cr_assert_eq(win[k].e, a->e);
                cr_assert_eq(win[k].num, a->num);
                cr_assert_str_eq(win[k].low, a->low);
            }
        }
    }
}

Test(keyed, first_listed_word_is_what_strstr_in_turn_finds)
{
    static const struct {
        const char *word, *kind;
    } table[] = {
        {"home exercise", "a"}, {"pt ", "b"}, {"therapy", "c"}, {"the", "d"}, {"th", "e"},
        {"physical", "f"},      {"on", "g"},  {"ectomy", "h"},  {"x", "i"},   {"tom", "j"}};
    static const char *const words[] = {"the",      "physical",    "therapy", "PT", "home",
                                        "exercise", "laminectomy", "tom",     "on", "x",
                                        "12",       "of",          "and"};
    char text[400];
    int seen[11] = {0};
    for (uint32_t seed = 1; seed <= 400; seed++) {
        size_t len = random_text(text, sizeof text, seed, words, sizeof words / sizeof *words,
                                 1 + (int)(seed % 12));
        for (size_t i = 0; i < len; i++)
            if (text[i] >= 'A' && text[i] <= 'Z') text[i] = (char)(text[i] + 32);
        int expect = -1;
        for (size_t i = 0; i < sizeof table / sizeof table[0] && expect < 0; i++)
            if (strstr(text, table[i].word)) expect = (int)i;
        int got = imrx_text_first_listed(text, len, table, sizeof table / sizeof table[0],
                                         sizeof table[0]);
        cr_assert_eq(got, expect, "in \"%s\"", text);
        seen[got + 1] = 1;
    }
    int kinds = 0;
    for (int i = 0; i < 11; i++) kinds += seen[i];
    cr_expect_geq(kinds, 6, "the texts reach several of the words (%d)", kinds);
}

/* imrx_text_find as a plain loop: ASCII case aside, a blank of the needle matching a space or a
 * line break. */
static uint32_t find_reference(const char *text, uint32_t b, uint32_t e, const char *needle)
{
    size_t n = strlen(needle);
    for (uint32_t i = b; i + n <= e; i++) {
        size_t k = 0;
        while (k < n) {
            char t = text[i + k], c = needle[k];
            int same = c == ' ' ? (t == ' ' || t == '\n') : tolower((unsigned char)t) == c;
            if (!same) break;
            k++;
        }
        if (k == n) return i;
    }
    return e;
}

Test(keyed, phrase_search_is_what_a_plain_loop_finds)
{
    static const char *const words[] = {"Claims", "Administrator", "authorized", "certified",
                                        "the",    "original",      "request",    "was",
                                        "for",    "Chapter",       "chapter7",   "Section"};
    static const char *const needles[] = {"claims administrator",
                                          " authorized ",
                                          " chapter",
                                          "the original request was for ",
                                          "section",
                                          " was",
                                          "r"};
    char text[400];
    for (uint32_t seed = 1; seed <= 400; seed++) {
        size_t len = random_text(text, sizeof text, seed, words, sizeof words / sizeof *words,
                                 1 + (int)(seed % 14));
        for (size_t k = 0; k < sizeof needles / sizeof *needles; k++)
            for (uint32_t b = 0; b < len; b += 7) {
                uint32_t want = find_reference(text, b, (uint32_t)len, needles[k]);
                cr_assert_eq(imrx_text_find(text, b, (uint32_t)len, needles[k]), want,
                             "\"%s\" from %u in \"%s\"", needles[k], b, text);
                /* the last one: the plain loop's last hit from b */
                uint32_t last = (uint32_t)len;
                for (uint32_t p = b; (p = find_reference(text, p, (uint32_t)len, needles[k])) < len;
                     p++)
                    last = p;
                cr_assert_eq(imrx_text_find_last(text, b, (uint32_t)len, needles[k]), last,
                             "last \"%s\" from %u in \"%s\"", needles[k], b, text);
            }
    }
    /* a leading blank that is a line break, and none before the text's start */
    cr_expect_eq(imrx_text_find("Treatment\nGuidelines", 0, 20, " guidelines"), 9);
    cr_expect_eq(imrx_text_find("Guidelines", 0, 10, " guidelines"), 10);
}

/* The squeeze as it was first written, one byte at a time: the reference for the run copy. */
static size_t squeeze_reference(const char *s, size_t n, char *out, size_t cap)
{
    size_t w = 0;
    int space = 0;
    if (cap == 0) return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = w > 0;
            continue;
        }
        if (space && w + 1 < cap) out[w++] = ' ';
        space = 0;
        if (w + 1 < cap) out[w++] = c;
    }
    if (w + 1 >= cap)
        while (w > 0 && ((unsigned char)out[w - 1] & 0xC0) == 0x80) w--;
    if (w > 0 && ((unsigned char)out[w - 1] & 0xC0) == 0xC0) w--;
    out[w] = '\0';
    return w;
}

Test(keyed, squeeze_equals_the_byte_by_byte_squeeze)
{
    static const char *const words[] = {"a",  "bc",   "\xc3\xa9t\xc3\xa9", " ",         "\n\n",
                                        "\t", "\r\n", "x\xe2\x80\x94y",    "long-word", ""};
    char text[300], got[64], want[64];
    for (uint32_t seed = 1; seed <= 3000; seed++) {
        size_t len = random_text(text, sizeof text, seed, words, sizeof words / sizeof *words,
                                 (int)(seed % 40));
        size_t cap = seed % 64; /* 0 .. 63: truncation at every place, in and out of UTF-8 */
        memset(got, 'G', sizeof got), memset(want, 'W', sizeof want);
        size_t g = imrx_text_squeeze(text, len, got, cap),
               w = squeeze_reference(text, len, want, cap);
        cr_assert_eq(g, w, "length for \"%s\", cap %zu", text, cap);
        if (cap) cr_assert_str_eq(got, want, "for \"%s\", cap %zu", text, cap);
    }
}
