/* Pass 2 of normalisation: lines. See docs/normalisation.md. */
#include "letter/normalize.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct line {
    uint32_t raw_start; /* first byte of the line */
    uint32_t nl;        /* offset of its '\n', or n for a last line without one */
    uint32_t start;     /* content without leading spaces */
    uint32_t end;       /* content without trailing spaces */
    uint8_t blank;
    uint8_t drop;        /* removed (footer, repeated header, double-spacing blank) */
    uint8_t after_break; /* a page break stands right before this line */
} line_t;

static int is_ws(char c)
{
    return c == ' ';
}

/* Splits `in` into lines; returns the count, or -1 when out of memory. */
static long split_lines(const char *in, size_t n, line_t **out)
{
    size_t count = 1;
    for (const char *p = in; (p = memchr(p, '\n', (size_t)(in + n - p))); p++) count++;
    line_t *lines = calloc(count, sizeof *lines);
    if (!lines) return -1;
    size_t k = 0, s = 0;
    while (s <= n && k < count) {
        const char *nlp = memchr(in + s, '\n', n - s);
        size_t e = nlp ? (size_t)(nlp - in) : n;
        line_t *l = &lines[k++];
        l->raw_start = (uint32_t)s;
        l->nl = (uint32_t)e;
        size_t a = s, b = e;
        while (a < b && is_ws(in[a])) a++;
        while (b > a && is_ws(in[b - 1])) b--;
        l->start = (uint32_t)a;
        l->end = (uint32_t)b;
        l->blank = a == b;
        if (!nlp) break;
        s = e + 1;
    }
    /* A final empty line after the last '\n' is not a line. */
    if (k > 1 && lines[k - 1].raw_start == n) k--;
    *out = lines;
    return (long)k;
}

static void mark_page_breaks(line_t *lines, long count, const uint32_t *pb, uint32_t npb)
{
    long li = 0;
    for (uint32_t i = 0; i < npb; i++) {
        while (li < count && lines[li].nl < pb[i]) li++;
        if (li >= count) break;
        /* A break inside a line's trailing end belongs to the next line. */
        if (pb[i] > lines[li].raw_start && pb[i] >= lines[li].end && li + 1 < count)
            lines[li + 1].after_break = 1;
        else
            lines[li].after_break = 1;
    }
}

/* The text with a blank line after every line (some PDF-to-text tools make it): most
 * non-blank lines are followed by a blank one. One blank line of every run is then noise. */
static void undo_double_spacing(line_t *lines, long count)
{
    long nonblank = 0, followed = 0;
    for (long i = 0; i < count; i++) {
        if (lines[i].blank) continue;
        nonblank++;
        if (i + 1 < count && lines[i + 1].blank) followed++;
    }
    if (nonblank < 4 || followed * 10 < nonblank * 8) return;
    for (long i = 0; i < count; i++)
        if (lines[i].blank && (i == 0 || !lines[i - 1].blank)) lines[i].drop = 1;
}

static int all_digits(const char *s, size_t n)
{
    if (n == 0) return 0;
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i])) return 0;
    return 1;
}

/* "Page 2", "Page 2 of 5", "- 2 -": a page footer wherever it stands. */
static int is_page_footer(const char *s, size_t n)
{
    if (n > 5 && strncmp(s, "Page ", 5) == 0) {
        size_t i = 5;
        while (i < n && isdigit((unsigned char)s[i])) i++;
        if (i == 5) return 0;
        if (i == n) return 1;
        if (n - i > 4 && strncmp(s + i, " of ", 4) == 0) return all_digits(s + i + 4, n - i - 4);
        return 0;
    }
    if (n >= 5 && s[0] == '-' && s[n - 1] == '-') {
        size_t a = 1, b = n - 1;
        while (a < b && s[a] == ' ') a++;
        while (b > a && s[b - 1] == ' ') b--;
        return all_digits(s + a, b - a);
    }
    return 0;
}

/* A case number alone on a line ("CM16-0213037", "IMR 13-000004"): a running page header when
 * it follows a page break. */
static int is_case_number_line(const char *s, size_t n)
{
    if (n == 12 && s[0] == 'C' && s[1] == 'M' && s[4] == '-')
        return all_digits(s + 2, 2) && all_digits(s + 5, 7);
    if (n >= 12 && n <= 14 && strncmp(s, "IMR ", 4) == 0 && s[6] == '-')
        return all_digits(s + 4, 2) && all_digits(s + 7, n - 7);
    return 0;
}

/* After "Case" at s[i..n): "Number", "No.", "No" or "#" and the blanks after it; where the case
 * number may start, or 0. */
static size_t case_label_end(const char *s, size_t i, size_t n)
{
    static const char *const words[] = {"Number", "No.", "No", "#"};
    while (i < n && s[i] == ' ') i++;
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
        size_t w = strlen(words[k]);
        if (i + w <= n && strncasecmp(s + i, words[k], w) == 0 &&
            (i + w == n || s[i + w] == ' ' || s[i + w] == ':' || words[k][w - 1] == '.' ||
             words[k][0] == '#'))
            return i + w;
    }
    return 0;
}

/* "Case Number: CM16-0213037", "IMR Case Number CM16-0213037", "IMR Case No. CM17-0495031",
 * "Case #: CM16-...", "Case CM14-0129684", "IMR Case: CM22-0258817" (any case, the colon
 * optional), or a running title that
 * ends in it ("Final Determination Letter for IMR Case Number CM15-0153728"): the labelled form of
 * the running header, whatever stands before the label. */
static int is_labelled_case_number_line(const char *s, size_t n)
{
    if (n > 120) return 0;
    for (size_t i = 0; i + 4 <= n; i++) {
        if (!(i == 0 || s[i - 1] == ' ') || strncasecmp(s + i, "Case", 4) != 0) continue;
        size_t j = case_label_end(s, i + 4, n);
        /* "Case CM14-0129684", "IMR Case: CM22-0258817" */
        if (!j && i + 5 < n && (s[i + 4] == ' ' || s[i + 4] == ':')) j = i + 5;
        if (!j) continue;
        while (j < n && s[j] == ' ') j++;
        if (j < n && s[j] == ':') j++;
        while (j < n && s[j] == ' ') j++;
        return is_case_number_line(s + j, n - j);
    }
    return 0;
}

/* A case number and a page number on one line, in either order ("CM17-0754276      Page 1 of
 * 2", "Page 2 of 3 - Case Number: CM16-0213037"): a page footer wherever it stands. */
static int is_case_and_page_line(const char *s, size_t n)
{
    if (n > 120 || n < 18) return 0;
    /* every line passes here: jump from one 'P' to the next */
    for (const char *c = s + 1; (c = memchr(c, 'P', (size_t)(s + n - c))) != NULL; c++) {
        size_t i = (size_t)(c - s);
        if (i + 5 >= n) break;
        if (s[i - 1] != ' ' || memcmp(s + i, "Page ", 5) != 0) continue;
        /* the page number ends where the blanks before the case number begin */
        size_t e = i + 5;
        while (e < n &&
               (isdigit((unsigned char)s[e]) || s[e] == ' ' || strncmp(s + e, "of", 2) == 0))
            e += s[e] == 'o' ? 2 : 1;
        size_t a = 0, b = i; /* the case number before "Page" */
        while (b > a && (s[b - 1] == ' ' || s[b - 1] == '-' || s[b - 1] == '|')) b--;
        size_t pe = e;
        while (pe > i && s[pe - 1] == ' ') pe--;
        if (e == n && is_page_footer(s + i, pe - i) &&
            (is_case_number_line(s + a, b - a) || is_labelled_case_number_line(s + a, b - a)))
            return 1;
    }
    if (n > 5 && strncmp(s, "Page ", 5) == 0) { /* the page number first */
        size_t e = 5;
        while (e < n && (isdigit((unsigned char)s[e]) || strncmp(s + e, " of ", 4) == 0))
            e += s[e] == ' ' ? 4 : 1;
        size_t c = e;
        while (c < n && (s[c] == ' ' || s[c] == '-' || s[c] == '|')) c++;
        if (c > e && is_page_footer(s, e) &&
            (is_case_number_line(s + c, n - c) || is_labelled_case_number_line(s + c, n - c)))
            return 1;
    }
    return 0;
}

/* A short capitalised line that starts two pages or more (after their breaks) is a running
 * header, whatever it says ("Final Determination Letter for ...", a title on every page). */
static void drop_repeated_page_tops(const char *in, line_t *lines, long count)
{
    long tops[64];
    int k = 0;
    for (long i = 0; i < count && k < 64; i++) {
        if (!lines[i].after_break) continue;
        long j = i;
        while (j < count && lines[j].blank) j++;
        if (j < count) tops[k++] = j;
    }
    for (int a = 0; a < k; a++)
        for (int b = a + 1; b < k; b++) {
            const line_t *x = &lines[tops[a]], *y = &lines[tops[b]];
            size_t nx = x->end - x->start, ny = y->end - y->start;
            /* a title: capitalised, short, no label (a "MAXIMUS guideline:" line may start two
             * pages) and no sentence's end; prose going on from the page before is lower case */
            if (tops[a] != tops[b] && nx == ny && nx >= 8 && nx <= 100 &&
                !islower((unsigned char)in[x->start]) && !memchr(in + x->start, ':', nx) &&
                !strchr(".,;", in[x->end - 1]) && memcmp(in + x->start, in + y->start, nx) == 0)
                lines[tops[a]].drop = lines[tops[b]].drop = 1;
        }
}

static void drop_page_furniture(const char *in, line_t *lines, long count)
{
    drop_repeated_page_tops(in, lines, count);
    int content_before = 0; /* a line of text kept before this one: not the first page's top */
    for (long i = 0; i < count; i++) {
        line_t *l = &lines[i];
        if (l->blank) continue;
        const char *s = in + l->start;
        size_t n = l->end - l->start;
        /* (a footer drawn in a box: "| CM23-0317691 | Page 1 of 3 |") */
        while (n > 2 && s[0] == '|' && s[1] == ' ') s += 2, n -= 2;
        while (n > 2 && s[n - 1] == '|' && s[n - 2] == ' ') n -= 2;
        while (n && s[0] == ' ') s++, n--;
        while (n && s[n - 1] == ' ') n--;
        if (is_page_footer(s, n) || is_case_and_page_line(s, n)) {
            /* A footer ends a page even without a form feed after it. */
            l->drop = 1;
            for (long j = i + 1; j < count; j++)
                if (!lines[j].blank) {
                    lines[j].after_break = 1;
                    break;
                }
            continue;
        }
        /* The first line of a page: a running header (case number) or a page number. */
        int first_of_page = 0;
        for (long j = i; j >= 0; j--) {
            if (lines[j].after_break) {
                first_of_page = 1;
                break;
            }
            if (j < i && !lines[j].blank && !lines[j].drop) break;
        }
        /* The last line of a page: a page number; or, above a page footer, the case number
         * ("CM15-0466031" / "Page 1 of 3"). */
        int last_of_page = 0;
        long next = -1;
        for (long j = i + 1; j < count; j++) {
            if (lines[j].after_break) {
                last_of_page = 1;
                break;
            }
            if (lines[j].blank) continue;
            next = j;
            break;
        }
        if ((first_of_page || last_of_page) && n <= 3 && all_digits(s, n))
            l->drop = 1;
        else if (is_case_number_line(s, n) &&
                 (first_of_page || last_of_page ||
                  (next >= 0 &&
                   is_page_footer(in + lines[next].start, lines[next].end - lines[next].start))))
            l->drop = 1;
        else if (first_of_page && content_before && is_labelled_case_number_line(s, n))
            l->drop = 1;
        if (!l->drop) content_before = 1;
    }
}

static int ends_sentence(char c)
{
    return c == '.' || c == ':' || c == ';' || c == '!' || c == '?';
}

/* Does the line end with a word that leaves its sentence open ("and", "of", "the")? */
static int ends_open(const char *s, size_t n)
{
    static const char *const words[] = {"and", "or", "of", "the", "with", "for", "to",
                                        "in",  "a",  "an", "by",  "at",   NULL};
    size_t e = n;
    while (e > 0 && s[e - 1] == ' ') e--;
    size_t b = e;
    while (b > 0 && isalpha((unsigned char)s[b - 1])) b--;
    if (b == e || (b > 0 && s[b - 1] != ' ')) return 0;
    for (const char *const *w = words; *w; w++)
        if (strlen(*w) == e - b && strncasecmp(*w, s + b, e - b) == 0) return 1;
    return 0;
}

/* "1) ", "2. ": a numbered list item, which starts a new line even after a wrap. */
static int starts_list_item(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && i < 3 && isdigit((unsigned char)s[i])) i++;
    return i > 0 && i + 1 < n && (s[i] == ')' || s[i] == '.') && s[i + 1] == ' ';
}

/* Words before a line-end hyphen that make a compound ("non-steroidal", "x-ray"), and words
 * after it: there the hyphen stays. Anything else is taken for a word break ("treat-ment"). */
static const char *const compound_left[] = {
    "anti",  "bi",     "co",    "counter", "cross", "double", "eight",      "evidence",
    "ex",    "extra",  "five",  "follow",  "four",  "full",   "half",       "high",
    "intra", "left",   "long",  "low",     "mid",   "multi",  "nine",       "non",
    "one",   "open",   "part",  "partial", "post",  "pre",    "right",      "self",
    "semi",  "seven",  "short", "single",  "six",   "sprain", "ten",        "three",
    "tri",   "twelve", "two",   "ultra",   "well",  "work",   "industrial", NULL};
static const char *const compound_right[] = {
    "approved", "based",   "bearing", "controlled", "counter",  "day",    "dependent",
    "free",     "induced", "level",   "like",       "month",    "old",    "rated",
    "ray",      "rays",    "related", "sided",      "specific", "strain", "term",
    "the",      "time",    "type",    "up",         "week",     "year",   NULL};

static int word_in(const char *w, size_t n, const char *const *list)
{
    for (; *list; list++)
        if (strlen(*list) == n && strncasecmp(*list, w, n) == 0) return 1;
    return 0;
}

typedef enum join { JOIN_NONE, JOIN_SPACE, JOIN_KEEP_HYPHEN, JOIN_DROP_HYPHEN } join_t;

static join_t hyphen_join(const char *in, const line_t *l, const line_t *m)
{
    size_t n = l->end - l->start;
    const char *s = in + l->start;
    if (n < 2 || s[n - 1] != '-') return JOIN_NONE;
    unsigned char before = (unsigned char)s[n - 2];
    unsigned char next = (unsigned char)in[m->start];
    if (isdigit(before)) return isalnum(next) ? JOIN_KEEP_HYPHEN : JOIN_NONE; /* "10-30-\n2016" */
    if (!isalpha(before) || !isalpha(next)) return JOIN_NONE;
    if (isupper(next)) return JOIN_KEEP_HYPHEN; /* "Non-\nMTUS" */
    size_t a = n - 1;
    while (a > 0 && isalpha((unsigned char)s[a - 1])) a--;
    size_t left_len = n - 1 - a;
    if (a > 0 && s[a - 1] == '-') return JOIN_KEEP_HYPHEN; /* "over-the-\ncounter" */
    if (left_len == 1 || word_in(s + a, left_len, compound_left)) return JOIN_KEEP_HYPHEN;
    size_t b = m->start;
    while (b < m->end && isalpha((unsigned char)in[b])) b++;
    if (word_in(in + m->start, b - m->start, compound_right)) return JOIN_KEEP_HYPHEN;
    return JOIN_DROP_HYPHEN;
}

/* Is s[0..n) a date "mm/dd/yyyy" (or "m/d/yy")? */
static int is_slash_date(const char *s, size_t n)
{
    size_t i = 0, parts = 0;
    while (parts < 3) {
        size_t d = 0;
        while (i < n && isdigit((unsigned char)s[i])) i++, d++;
        if (d < 1 || d > 4) return 0;
        parts++;
        if (parts < 3) {
            if (i >= n || s[i] != '/') return 0;
            i++;
        }
    }
    return i == n;
}

/* Two rows of a header's values, "10/17/2016   02/08/2016" / "11/14/2016   09/30/2016" (labels
 * lost): a line that ends with a date and one that starts with a date do not join. */
static int date_rows(const char *in, const line_t *l, const line_t *m)
{
    uint32_t e = l->end, b = e;
    while (b > l->start && in[b - 1] != ' ') b--;
    uint32_t mb = m->start, me = mb;
    while (me < m->end && in[me] != ' ') me++;
    return is_slash_date(in + b, e - b) && is_slash_date(in + mb, me - mb);
}

static join_t decide_join(const char *in, const line_t *l, const line_t *m, uint32_t min_len)
{
    join_t h = hyphen_join(in, l, m);
    if (h != JOIN_NONE) return h;
    size_t n = l->end - l->start;
    if (n < min_len || ends_sentence(in[l->end - 1])) return JOIN_NONE;
    unsigned char c = (unsigned char)in[m->start];
    if (islower(c) || (c && strchr("(&%,)/", c))) return JOIN_SPACE;
    if (isdigit(c) && !starts_list_item(in + m->start, m->end - m->start) && !date_rows(in, l, m))
        return JOIN_SPACE;
    return JOIN_NONE;
}

/* Lines shorter than this never wrap: a fraction of the letter's usual full line length. */
static uint32_t wrap_threshold(const line_t *lines, long count)
{
    uint32_t hist[257] = {0};
    long total = 0;
    for (long i = 0; i < count; i++) {
        if (lines[i].blank || lines[i].drop) continue;
        uint32_t len = lines[i].end - lines[i].start;
        hist[len > 256 ? 256 : len]++;
        total++;
    }
    long seen = 0;
    uint32_t p90 = 0;
    for (uint32_t k = 0; k <= 256; k++) {
        seen += hist[k];
        if (seen * 10 >= total * 9) {
            p90 = k;
            break;
        }
    }
    uint32_t t = p90 * 45 / 100;
    return t < 30 ? 30 : t;
}

imrx_status_t imrx_normalize_lines(const char *in, size_t n, const uint32_t *page_breaks,
                                   uint32_t page_break_count, imrx_buf_t *out,
                                   imrx_offset_map_t *map)
{
    imrx_buf_clear(out);
    imrx_map_clear(map, (uint32_t)n);
    line_t *lines = NULL;
    long count = split_lines(in, n, &lines);
    if (count < 0) return IMRX_ENOMEM;
    if (imrx_buf_reserve(out, n + 2) != IMRX_OK) {
        free(lines);
        return IMRX_ENOMEM;
    }
    mark_page_breaks(lines, count, page_breaks, page_break_count);
    undo_double_spacing(lines, count);
    drop_page_furniture(in, lines, count);
    uint32_t min_len = wrap_threshold(lines, count);

    long prev = -1;        /* last non-blank line written */
    int pending_blank = 0; /* a kept blank line lies between prev and the next line */
    int break_between = 0; /* a page break lies between prev and the next line */
    uint32_t blank_nl = 0; /* where that blank line's newline was */
    for (long i = 0; i <= count; i++) {
        line_t *m = i < count ? &lines[i] : NULL;
        if (m && m->after_break) break_between = 1;
        if (m && (m->drop || m->blank)) {
            if (m->blank && !m->drop && prev >= 0 && !pending_blank) {
                pending_blank = 1;
                blank_nl = m->nl;
            }
            continue;
        }
        if (prev >= 0) {
            line_t *l = &lines[prev];
            join_t j = JOIN_NONE;
            if (m) {
                /* A blank line at a page break inside a sentence is an artefact of the break:
                 * the next page goes on in lower case, or the page ended on a comma, a
                 * semicolon or a word that cannot end a sentence ("..., EKG," page break
                 * "CBC, BMP and PT/INR: Upheld"; a list of diagnoses "...; recurrent,
                 * moderate;" page break "panic disorder; and ..."). */
                char last = in[l->end - 1];
                /* ("... the original request, Percocet" page break "5/325mg #30 is: Overturned":
                 * a strength goes on, a list's number "2." or "3)" does not) */
                uint32_t d = m->start;
                while (d < m->end && isdigit((unsigned char)in[d])) d++;
                int strength = d > m->start && d < m->end && in[d] != '.' && in[d] != ')';
                /* ("Dilaudid 4mg every 6 hours as needed" page break "#120: Upheld": a count) */
                if (in[m->start] == '#' && m->start + 1 < m->end &&
                    isdigit((unsigned char)in[m->start + 1]))
                    strength = 1;
                int continues =
                    last == ',' || last == ';' ||
                    (!ends_sentence(last) && (islower((unsigned char)in[m->start]) || strength ||
                                              ends_open(in + l->start, l->end - l->start)));
                /* Nor after a label that waits for its value ("<item>:", page break, "Upheld"). */
                if (pending_blank && break_between && in[l->end - 1] == ':') pending_blank = 0;
                if (pending_blank && break_between && continues) pending_blank = 0;
                if (!pending_blank) j = decide_join(in, l, m, min_len);
            }
            uint32_t len = l->end - l->start - (j == JOIN_DROP_HYPHEN ? 1 : 0);
            if (!imrx_normalize_line_shape(in, l->start, l->end, l->start + len, j == JOIN_NONE,
                                           out, map)) {
                imrx_buf_append(out, in + l->start, len);
                imrx_map_add(map, len, l->start, len);
            }
            if (j == JOIN_SPACE) {
                imrx_buf_putc(out, ' ');
                imrx_map_add(map, 1, l->nl, 1);
            } else if (j == JOIN_NONE) {
                imrx_buf_putc(out, '\n');
                imrx_map_add(map, 1, l->nl, l->nl < n ? 1 : 0);
                if (pending_blank && m) {
                    imrx_buf_putc(out, '\n');
                    imrx_map_add(map, 1, blank_nl, blank_nl < n ? 1 : 0);
                }
            }
        }
        if (!m) break;
        prev = i;
        pending_blank = 0;
        break_between = 0;
    }
    free(lines);
    if (out->failed || map->failed) return IMRX_ENOMEM;
    return IMRX_OK;
}
