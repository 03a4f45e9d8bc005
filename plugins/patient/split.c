/* Splitting a list of diagnoses into items.
 *
 * Items are separated by semicolons when the summary uses them (then a comma separates two
 * items only where both sides name a condition: "major depressive disorder, single episode,
 * moderate; post-traumatic stress disorder"), by commas otherwise, and by the last "and".
 * Commas and "and" also occur inside the ICD phrases summaries copy ("strain of muscle, fascia
 * and tendon at neck level", "lumbar radiculopathy, left greater than right"), so a part that
 * names no condition stays with the diagnosis before it, and "and" splits only between two
 * parts that each name one (conditions.c). */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "diagnoses.h"
#include "text.h"

static int word_is(const char *text, size_t b, size_t e, const char *w)
{
    size_t n = strlen(w);
    return b + n <= e && imrx_text_ieq(text + b, n, w) &&
           (b + n == e || !isalnum((unsigned char)text[b + n]));
}

/* An ICD-10 or ICD-9 code opening an item ("M54.16 Radiculopathy, lumbar region", "M54.2 -
 * Cervicalgia", "726.32 - Lateral epicondylitis"): where the name after it starts, or 0. ICD-10:
 * a letter (not U), two digits or a digit and A/B, then optionally a period and up to four
 * letters or digits. */
size_t dx_leading_code(const char *text, size_t b, size_t e)
{
    size_t i = b;
    /* ICD-9 ("726.32 - Lateral epicondylitis", "354.2 Cubital tunnel syndrome"): three digits
     * and a decimal part */
    if (e - b >= 7 && isdigit((unsigned char)text[i]) && isdigit((unsigned char)text[i + 1]) &&
        isdigit((unsigned char)text[i + 2]) && text[i + 3] == '.' &&
        isdigit((unsigned char)text[i + 4])) {
        i += 5;
        if (isdigit((unsigned char)text[i])) i++;
        size_t j = i;
        while (j < e && (text[j] == ' ' || text[j] == '\n' || text[j] == '-' || text[j] == ':'))
            j++;
        return j > i && j < e && isalpha((unsigned char)text[j]) ? j : 0;
    }
    if (e - b < 5 || !isupper((unsigned char)text[i]) || text[i] == 'U') return 0;
    if (!isdigit((unsigned char)text[i + 1]) ||
        !(isdigit((unsigned char)text[i + 2]) || text[i + 2] == 'A' || text[i + 2] == 'B'))
        return 0;
    i += 3;
    if (i < e && text[i] == '.') {
        size_t k = 0;
        while (i + 1 + k < e && k < 4 && isalnum((unsigned char)text[i + 1 + k])) k++;
        if (k == 0) return 0;
        i += 1 + k;
    } else if (strchr("CTLS", text[b]) && (text[b + 1] - '0') * 10 + (text[b + 2] - '0') <= 12) {
        return 0; /* a spinal level: "T12 compression fracture" */
    }
    size_t j = i;
    while (j < e && (text[j] == ' ' || text[j] == '\n' || text[j] == '-' || text[j] == ':')) j++;
    /* a space (or the line's end) after the code, and a name after it */
    if (j == i || (text[i] != ' ' && text[i] != '\n' && text[i] != '-' && text[i] != ':')) return 0;
    return j < e && isalpha((unsigned char)text[j]) ? j : 0;
}

/* Is s[0..n) a diagnosis code: ICD-10 ("M51.26", "F32.9") or DSM-IV ("309.81")? */
static int is_code(const char *s, size_t n)
{
    if (n >= 3 && isupper((unsigned char)s[0]) && s[0] != 'U' && isdigit((unsigned char)s[1]) &&
        (isdigit((unsigned char)s[2]) || s[2] == 'A' || s[2] == 'B')) {
        if (n == 3) return 1;
        if (s[3] != '.' || n == 4 || n > 8) return 0;
        for (size_t i = 4; i < n; i++)
            if (!isalnum((unsigned char)s[i])) return 0;
        return 1;
    }
    if (n < 5 || n > 6 || s[3] != '.') return 0;
    for (size_t i = 0; i < n; i++)
        if (i != 3 && !isdigit((unsigned char)s[i])) return 0;
    return 1;
}

/* A code in parentheses closing an item ("Posttraumatic stress disorder, chronic (309.81)",
 * "rotator cuff tear (M75.111)"): where the item ends without it, or e. */
static size_t closing_code(const char *text, size_t b, size_t e)
{
    if (e - b < 5 || text[e - 1] != ')') return e;
    size_t o = e - 1;
    while (o > b && text[o] != '(' && e - o < 12) o--;
    if (text[o] != '(' || o == b || !is_code(text + o + 1, e - 2 - o)) return e;
    while (o > b && text[o - 1] == ' ') o--;
    return o;
}

size_t dx_drop_codes(char *s, size_t n)
{
    size_t w = 0;
    for (size_t r = 0; r < n;) {
        if (s[r] == '(' || s[r] == '[') { /* "(M51.26)", "[M75.122]" */
            char close = s[r] == '(' ? ')' : ']';
            size_t c = r + 1;
            while (c < n && c - r < 10 && s[c] != close) c++;
            if (c < n && s[c] == close && is_code(s + r + 1, c - r - 1)) {
                while (w > 0 && s[w - 1] == ' ') w--; /* the blank before the code goes too */
                r = c + 1;
                continue;
            }
        }
        s[w++] = s[r++];
    }
    /* a code after a comma or dash that closes the item: "Lumbar radiculopathy, M54.16" */
    size_t c = w;
    while (c > 0 && s[c - 1] != ' ') c--;
    if (c >= 2 && w > c && is_code(s + c, w - c) && (s[c - 2] == ',' || s[c - 2] == '-')) {
        w = c - 2;
        while (w > 0 && s[w - 1] == ' ') w--;
    }
    return w;
}

/* Does a capital follow the blanks at text[p..e)? */
static int capital_after(const char *text, size_t p, size_t e)
{
    while (p < e && text[p] == ' ') p++;
    return p < e && isupper((unsigned char)text[p]);
}

/* A bullet or list marker that opens text[b..e), and the blank after it: "- ", "* ", "• ", "o ",
 * "2) ", "(b) ", "b) " (a letter with a period, "E. coli", is left alone). Returns where the item
 * starts, or b. */
static size_t marker_end(const char *text, size_t b, size_t e)
{
    size_t p = b;
    if (p + 1 < e && (text[p] == '-' || text[p] == '*')) p++;
    /* a hollow bullet that a Wingdings font draws and text tools copy as "o" before a capital
     * ("o Lumbar sprain/strain") */
    else if (p + 2 < e && text[p] == 'o' && text[p + 1] == ' ' && capital_after(text, p + 1, e))
        p++;
    else if (p + 3 < e && memcmp(text + p, "\xE2\x80\xA2", 3) == 0)
        p += 3;
    else {
        int paren = text[p] == '(';
        if (paren) p++;
        size_t q = p;
        while (q < e && q - p < 2 && isdigit((unsigned char)text[q])) q++;
        if (q == p && q < e && isalpha((unsigned char)text[q])) q++;
        if (q == p || q >= e || text[q] != ')' ||
            (!paren && q - p == 1 && isalpha((unsigned char)text[p]) && q + 1 < e &&
             text[q + 1] != ' ' && text[q + 1] != '\n'))
            return b;
        p = q + 1;
    }
    if (p >= e || (text[p] != ' ' && text[p] != '\n')) return b;
    return p + 1;
}

/* A row of a table drawn with pipes, its outer pipes trimmed ("M54.2 | Cervicalgia"): the
 * diagnosis is the cell that is no code; the heading row ("ICD-10 | Diagnosis") holds none.
 * Narrows [*b, *e) and returns 1 when it changed it. */
static int table_row(const char *text, size_t *b, size_t *e)
{
    const char *bar = memchr(text + *b, '|', *e - *b);
    if (!bar) return 0;
    size_t cut = (size_t)(bar - text), l = cut, r = cut + 1;
    while (l > *b && text[l - 1] == ' ') l--;
    while (r < *e && text[r] == ' ') r++;
    static const char *const heads[] = {"icd-10",    "icd-9",     "icd",         "code",
                                        "diagnosis", "diagnoses", "description", NULL};
    int head_l = 0, head_r = 0;
    for (int k = 0; heads[k]; k++) {
        head_l |= imrx_text_ieq(text + *b, l - *b, heads[k]);
        head_r |= imrx_text_ieq(text + r, *e - r, heads[k]);
    }
    if (head_l && head_r) {
        *e = *b; /* the heading row */
        return 1;
    }
    if (is_code(text + *b, l - *b)) {
        *b = r;
        return 1;
    }
    const char *next = memchr(text + r, '|', *e - r);
    size_t re = next ? (size_t)(next - text) : *e;
    while (re > r && text[re - 1] == ' ') re--;
    if (is_code(text + r, re - r)) {
        *e = l;
        return 1;
    }
    return 0;
}

/* Trims an item: blanks, punctuation, a bullet or marker that opens it, the words that open it
 * without belonging to the diagnosis ("and", "a"), and a connective that closes it before the
 * next number of a list ("(2) knee osteoarthritis; and (3) ..."). */
static void trim_item(const char *text, size_t *b, size_t *e)
{
    static const char *const lead[] = {"and", "or", "as well as", "also", "a", "an", "the",
                                       /* "treated for X and for Y" */
                                       "for",
                                       /* "X, with a secondary diagnosis of Y" */
                                       "with a secondary diagnosis of",
                                       "with secondary diagnoses of"};
    /* "X and, later, Y", "X and subsequently Y": a time word opens the next item, or stands
     * alone between commas */
    static const char *const when[] = {"later", "subsequently", "eventually", "then"};
    for (;;) {
        uint32_t tb = (uint32_t)*b, te = (uint32_t)*e;
        imrx_text_trim(text, &tb, &te, ".,;:\"'|");
        *b = tb, *e = te;
        if (table_row(text, b, e)) continue;
        size_t w = *e;
        while (w > *b && isalpha((unsigned char)text[w - 1])) w--;
        if (w > *b && (text[w - 1] == ' ' || text[w - 1] == '\n') &&
            (word_is(text, w, *e, "and") || word_is(text, w, *e, "or") ||
             word_is(text, w, *e, "also"))) { /* "X, and also diagnosed Y" */
            *e = w;
            continue;
        }
        size_t marked = marker_end(text, *b, *e);
        if (marked > *b) {
            *b = marked;
            continue;
        }
        size_t code = dx_leading_code(text, *b, *e);
        if (code) {
            *b = code;
            continue;
        }
        size_t closed = closing_code(text, *b, *e);
        if (closed < *e) {
            *e = closed;
            continue;
        }
        size_t k = 0;
        size_t t = 0;
        while (t < sizeof when / sizeof when[0] && !word_is(text, *b, *e, when[t])) t++;
        size_t after = t < sizeof when / sizeof when[0] ? *b + strlen(when[t]) : *e;
        if (after < *e && text[after] != ' ' && text[after] != '\n')
            t = sizeof when / sizeof when[0];
        if (t < sizeof when / sizeof when[0]) {
            *b = *b + strlen(when[t]) >= *e ? *e : *b + strlen(when[t]);
            continue;
        }
        while (k < sizeof lead / sizeof lead[0] && !word_is(text, *b, *e, lead[k])) k++;
        if (k == sizeof lead / sizeof lead[0] || *b + strlen(lead[k]) >= *e) return;
        *b += strlen(lead[k]);
    }
}

/* Do the words of a[0..na), two or more, all stand in o[0..no), in order ("L1 fracture" in "L1
 * vertebral compression fracture")? With `commas`, a comma separates words as a blank does
 * ("major depressive disorder" in "major depressive disorder, single episode"). */
static int words_within(const char *a, size_t na, const char *o, size_t no, int commas)
{
#define SEP(c) ((c) == ' ' || (commas && (c) == ','))
    size_t i = 0, j = 0, words = 0;
    while (i < na) {
        while (i < na && SEP(a[i])) i++;
        if (i == na) break;
        size_t ie = i;
        while (ie < na && !SEP(a[ie])) ie++;
        int found = 0;
        while (j < no && !found) {
            while (j < no && SEP(o[j])) j++;
            size_t je = j;
            while (je < no && !SEP(o[je])) je++;
            found = je > j && je - j == ie - i && strncasecmp(a + i, o + j, ie - i) == 0;
            j = je;
        }
        if (!found) return 0;
        words++;
        i = ie;
    }
    return words >= 2;
#undef SEP
}

void dx_add_item(dx_list_t *out, const char *text, size_t b, size_t e)
{
    trim_item(text, &b, &e);
    if (e <= b || out->n >= DX_MAX) return;
    if (is_code(text + b, e - b)) return; /* a code alone, "...; M75.101; ...": no name */
    char a[256], o[256];
    size_t na = imrx_text_squeeze(text + b, e - b, a, sizeof a);
    for (size_t i = 0; i < out->n; i++) {
        size_t no = imrx_text_squeeze(text + out->item[i].begin,
                                      out->item[i].end - out->item[i].begin, o, sizeof o);
        /* the same diagnosis named again, perhaps shorter ("treated for the L1 fracture"); a
         * later sentence may drop the qualifiers after a comma, which one list keeps as
         * items of their own ("lumbar radiculopathy, left greater than right; lumbar
         * radiculopathy") */
        if ((na == no && imrx_text_ieq(a, na, o)) ||
            words_within(a, na, o, no, i < out->list_begin))
            return;
    }
    out->item[out->n++] = imrx_span(b, e);
}

/* Adds an item of one list as it is: a repeated diagnosis is dropped later, when the list's
 * items join the letter's (dx_add_item); dropping it here would let the qualifier after it
 * ("cervical radiculopathy; cervical radiculopathy, right greater than left") attach to
 * nothing and stand as an item of its own. */
static void split_add(dx_list_t *out, const char *text, size_t b, size_t e)
{
    trim_item(text, &b, &e);
    if (e <= b || out->n >= DX_MAX) return;
    if (is_code(text + b, e - b)) return; /* a code alone, "...; M75.101; ...": no name */
    out->item[out->n++] = imrx_span(b, e);
}

/* The first word of text[b..e) (lower case) into w; returns the offset after it. */
static size_t first_word(const char *text, size_t b, size_t e, char *w, size_t cap, size_t *n)
{
    while (b < e && !isalnum((unsigned char)text[b])) b++;
    *n = 0;
    while (b < e && isalnum((unsigned char)text[b])) {
        if (*n + 1 < cap) w[(*n)++] = (char)tolower((unsigned char)text[b]);
        b++;
    }
    w[*n] = '\0';
    return b;
}

/* Does "X and <rest>" share X's site, as "cervical sprain and strain", "bilateral wrist strain
 * and sprain with carpal tunnel syndrome" do? Not when a site follows ("pain in the left
 * shoulder", "sprain of the right knee"). */
static int shares_site(const char *text, size_t b, size_t e)
{
    char w[32], v[32];
    size_t n, m;
    size_t after = first_word(text, b, e, w, sizeof w, &n);
    if (!n || !dx_shared_head(w, n)) return 0;
    first_word(text, after, e, v, sizeof v, &m);
    static const char *const site[] = {"of", "in", "to", "at", "on", "involving", "affecting"};
    for (size_t i = 0; i < sizeof site / sizeof site[0]; i++)
        if (strcmp(v, site[i]) == 0) return 0;
    return 1;
}

/* The last word of text[b..e) (lower case) into w. */
static void last_word(const char *text, size_t b, size_t e, char *w, size_t cap)
{
    while (e > b && !isalnum((unsigned char)text[e - 1])) e--;
    size_t s = e;
    while (s > b && isalnum((unsigned char)text[s - 1])) s--;
    size_t n = 0;
    for (size_t i = s; i < e && n + 1 < cap; i++) w[n++] = (char)tolower((unsigned char)text[i]);
    w[n] = '\0';
}

/* Does text[b..e) hold the word `w`? */
static int has_word(const char *text, size_t b, size_t e, const char *w)
{
    for (size_t i = b; i < e; i++)
        if ((i == b || !isalnum((unsigned char)text[i - 1])) && word_is(text, i, e, w)) return 1;
    return 0;
}

/* Is there a word "and" at text[i], between blanks? */
static int and_at(const char *text, size_t i, size_t e)
{
    return i + 4 < e && (text[i - 1] == ' ' || text[i - 1] == '\n') && word_is(text, i, e, "and") &&
           (text[i + 3] == ' ' || text[i + 3] == '\n');
}

/* With `lend` (the part follows a comma, after an item that ends with a site: "contusion of
 * face"), the words before the last "and" that precedes any condition finish that item's list
 * of sites: "contusion of face, scalp and neck and acute cervical sprain". Returns where the
 * part's own items start. */
static size_t lend_opening(dx_list_t *out, const char *text, size_t b, size_t e)
{
    imrx_span_t *prev = &out->item[out->n - 1];
    if (!has_word(text, prev->begin, prev->end, "of")) return b;
    size_t at = 0;
    for (size_t i = b + 1; i + 4 < e; i++) {
        if (!and_at(text, i, e)) continue;
        if (dx_has_condition(text, b, i)) break;
        if (dx_has_condition(text, i + 4, e) && !shares_site(text, i + 4, e)) at = i;
    }
    if (!at) return b;
    size_t pb = b, pe = at;
    trim_item(text, &pb, &pe);
    prev->end = (uint32_t)pe;
    return at + 4;
}

/* The end of a spinal segment ("C6", "L5", "S1", and with `bare` "5" as in "L4-5") at
 * text[p], or 0. */
static size_t segment_end(const char *text, size_t p, size_t e, int bare)
{
    if (p < e && text[p] && strchr("CTLS", text[p]))
        p++;
    else if (!bare)
        return 0;
    size_t d = p;
    while (p < e && p - d < 2 && isdigit((unsigned char)text[p])) p++;
    return p > d ? p : 0;
}

/* Is text[p..e) a spinal level range ("C6-C7", "L5-S1", "L4-5") up to its end or a non-word? */
static int level_range_at(const char *text, size_t p, size_t e)
{
    size_t q = segment_end(text, p, e, 0);
    if (!q || q >= e || text[q] != '-' || !(q = segment_end(text, q + 1, e, 1))) return 0;
    return q >= e || !isalnum((unsigned char)text[q]);
}

/* Is text[p..e) a spinal level range ("C5-C6": 2), a single level ("C6": 1), up to its end or a
 * non-word? 0 when neither. */
static int level_at(const char *text, size_t p, size_t e)
{
    if (level_range_at(text, p, e)) return 2;
    size_t q = segment_end(text, p, e, 0);
    return q && (q >= e || !isalnum((unsigned char)text[q]));
}

/* Splits one comma part text[b..e) at each "and" between two diagnoses. */
static void split_and(dx_list_t *out, const char *text, size_t b, size_t e, int lend)
{
    size_t cur = lend && out->n > 0 ? lend_opening(out, text, b, e) : b;
    for (size_t i = cur + 1; i + 4 < e; i++) {
        if (!and_at(text, i, e)) continue;
        size_t rest = i + 4;
        char lw[32], rw[32];
        size_t rn;
        last_word(text, cur, i, lw, sizeof lw);
        first_word(text, rest, e, rw, sizeof rw, &rn);
        if (dx_joined_pair(lw, rw)) continue;
        /* "status post C5-C6 and C6-C7 anterior cervical discectomy", "right C6 and C7
         * radiculopathy": levels of one condition or procedure */
        int right = i >= 6 ? level_at(text, rest, e) : 0;
        if (right) { /* (of one kind on both sides: "at L4-L5 and L5 radiculopathy" is two) */
            size_t l = i - 1;
            while (l > cur && (text[l] == ' ' || text[l] == '\n' || text[l] == ',')) l--;
            size_t s = l + 1;
            while (s > cur && (isalnum((unsigned char)text[s - 1]) || text[s - 1] == '-')) s--;
            if (level_at(text, s, l + 1) == right) continue;
        }
        if (dx_has_condition(text, cur, i) && dx_has_condition(text, rest, e) &&
            !shares_site(text, rest, e)) {
            split_add(out, text, cur, i);
            cur = rest;
        }
    }
    split_add(out, text, cur, e);
}

int dx_status_post(const char *text, size_t b, size_t e)
{
    if (b + 3 <= e && imrx_text_ieq(text + b, 3, "s/p")) return 1;
    if (!word_is(text, b, e, "status")) return 0;
    b += 6;
    while (b < e && (text[b] == ' ' || text[b] == '\n' || text[b] == '-')) b++;
    return word_is(text, b, e, "post");
}

/* A comma part that qualifies the diagnosis before it though it names a condition: "cervical
 * spondylosis, without myelopathy", "depression, secondary to chronic pain", and the ICD-10
 * descriptors "tear of medial meniscus, current injury, right knee, initial encounter". */
static int qualifier(const char *text, size_t b, size_t e)
{
    static const char *const opening[] = {"with",
                                          "without",
                                          "secondary to",
                                          "due to",
                                          "aggravated by",
                                          "exacerbated by",
                                          "complicated by",
                                          "caused by",
                                          "related to",
                                          "resulting from",
                                          "attributed to",
                                          "current injury",
                                          "initial encounter",
                                          "subsequent encounter",
                                          "sequela",
                                          NULL};
    for (int i = 0; opening[i]; i++)
        if (word_is(text, b, e, opening[i])) return 1;
    return 0;
}

void dx_split_list(dx_list_t *out, const char *text, size_t b, size_t e)
{
    int semicolons = 0, depth = 0;
    for (size_t i = b; i < e; i++) {
        if (text[i] == '(')
            depth++;
        else if (text[i] == ')' && depth > 0)
            depth--;
        else if (text[i] == ';' && depth == 0)
            semicolons = 1;
    }
    size_t start = b, part_first = 0;
    depth = 0;
    for (size_t i = b; i <= e; i++) {
        char c = i < e ? text[i] : ';';
        if (c == '(') depth++;
        if (c == ')' && depth > 0) depth--;
        if ((c != ',' && c != ';') || depth > 0) continue;
        size_t pb = start, pe = i;
        start = i + 1;
        trim_item(text, &pb, &pe);
        int later = out->n > part_first; /* an item of this part came before */
        if (pe <= pb) {
            if (c == ';') part_first = out->n;
            continue;
        }
        /* A comma part that names no condition qualifies the diagnosis before it ("left
         * greater than right", "type 2"); so does "status post ..." where semicolons separate
         * the diagnoses ("fracture, status post open reduction and internal fixation;"). */
        if (later && (!dx_has_condition(text, pb, pe) || qualifier(text, pb, pe) ||
                      (semicolons && dx_status_post(text, pb, pe)))) {
            out->item[out->n - 1].end = (uint32_t)pe;
        } else {
            split_and(out, text, pb, pe, later);
        }
        if (c == ';') part_first = out->n; /* the next piece opens a new part */
    }
}
