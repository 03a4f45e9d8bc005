/* Line wrapping and the final pass over a letter's lines. */
#include "gen/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void imrx_gen_text_init(imrx_gen_text_t *t)
{
    memset(t, 0, sizeof *t);
    imrx_buf_init(&t->lines);
    imrx_buf_init(&t->para);
}

void imrx_gen_text_free(imrx_gen_text_t *t)
{
    imrx_buf_free(&t->lines);
    imrx_buf_free(&t->para);
    free(t->lf);
    memset(t, 0, sizeof *t);
}

void imrx_gen_text_reset(imrx_gen_text_t *t, imrx_gen_rng_t *r, int width, double noise)
{
    imrx_buf_clear(&t->lines);
    imrx_buf_clear(&t->para);
    t->nlines = 0;
    t->r = r;
    t->width = width;
    t->p_hyphen = 0.35 * noise;
    t->p_compound = 0.5 * noise;
    t->p_datebreak = 0.25 * noise;
    t->failed = 0;
}

static void add_flag(imrx_gen_text_t *t, unsigned flags)
{
    if (t->nlines == t->lcap) {
        size_t cap = t->lcap ? t->lcap * 2 : 256;
        unsigned char *p = realloc(t->lf, cap);
        if (!p) {
            t->failed = 1;
            return;
        }
        t->lf = p;
        t->lcap = cap;
    }
    t->lf[t->nlines++] = (unsigned char)flags;
}

static void end_line(imrx_gen_text_t *t, unsigned flags)
{
    imrx_buf_putc(&t->lines, '\n');
    add_flag(t, flags);
}

void imrx_gen_line(imrx_gen_text_t *t, const char *s, unsigned flags)
{
    imrx_buf_puts(&t->lines, s);
    end_line(t, flags);
}

void imrx_gen_blank(imrx_gen_text_t *t)
{
    end_line(t, 0);
}

void imrx_gen_put(imrx_gen_text_t *t, const char *s)
{
    imrx_buf_puts(&t->para, s);
}

void imrx_gen_pf(imrx_gen_text_t *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    imrx_gen_vfmt(&t->para, fmt, ap);
    va_end(ap);
}

/* Display width of UTF-8 bytes: continuation bytes take no column. */
static int cols(const char *s, size_t n)
{
    int c = 0;
    for (size_t i = 0; i < n; i++) c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

static int is_vowel(char c)
{
    return strchr("aeiouyAEIOUY", c) != NULL;
}

/* Where a long plain word may be hyphenated so that `room` columns (hyphen included) suffice:
 * between vowel-consonant and consonant-vowel ("treat-ment") or before a consonant-vowel pair
 * ("exami-nation"), never inside th/ch/sh/ph/ck, three letters at least on each side. 0 if
 * nowhere. */
static size_t hyphen_point(const char *w, size_t n, int room)
{
    size_t letters = 0;
    while (letters < n && ((w[letters] >= 'a' && w[letters] <= 'z') ||
                           (letters == 0 && w[0] >= 'A' && w[0] <= 'Z')))
        letters++;
    if (letters < 7) return 0;
    for (size_t k = letters - 3; k >= 3; k--) {
        if ((int)k + 1 > room) continue;
        char a = w[k - 2], b = w[k - 1], c = w[k], d = w[k + 1];
        if (strchr("tcspr", b) && strchr("hk", c)) continue;
        if (is_vowel(b) && !is_vowel(c) && is_vowel(d)) return k;
        if (is_vowel(a) && !is_vowel(b) && !is_vowel(c) && is_vowel(d)) return k;
    }
    return 0;
}

/* A compound ("non-steroidal", "post-operative") may break after its hyphen. */
static size_t compound_point(const char *w, size_t n, int room)
{
    for (size_t k = n - 1; k >= 2; k--)
        if (w[k - 1] == '-' && (int)k <= room && w[k - 2] >= 'a' && w[k - 2] <= 'z' &&
            w[k] >= 'a' && w[k] <= 'z')
            return k;
    return 0;
}

/* A date "10-30-2016" may break after its second dash, as "10-30-" / "2016". */
static size_t date_point(const char *w, size_t n, int room)
{
    int dashes = 0;
    for (size_t k = 0; k < n; k++) {
        if (w[k] == '-') {
            if (++dashes == 2) return (int)k + 1 <= room && k + 1 < n ? k + 1 : 0;
        } else if (w[k] < '0' || w[k] > '9') {
            return 0;
        }
    }
    return 0;
}

static void wrap(imrx_gen_text_t *t, const char *s, size_t n, unsigned mode)
{
    int col = 0;
    unsigned next_flags = (mode & GEN_W_FIRST) ? GEN_L_GLUE : 0;
    unsigned cont = (mode & GEN_W_GLUE) ? GEN_L_GLUE : 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && s[i] == ' ') i++;
        if (i >= n) break;
        size_t j = i;
        while (j < n && s[j] != ' ') j++;
        const char *w = s + i;
        size_t len = j - i;
        int wc = cols(w, len);
        if (col > 0 && col + 1 + wc > t->width) {
            int room = t->width - col - 1;
            size_t k = 0;
            int glue_next = 0;
            if (mode & GEN_W_BREAKS) {
                if (imrx_gen_chance(t->r, t->p_hyphen) && (k = hyphen_point(w, len, room - 1))) {
                    imrx_buf_putc(&t->lines, ' ');
                    imrx_buf_append(&t->lines, w, k);
                    imrx_buf_putc(&t->lines, '-');
                } else if (imrx_gen_chance(t->r, t->p_compound) &&
                           (k = compound_point(w, len, room))) {
                    imrx_buf_putc(&t->lines, ' ');
                    imrx_buf_append(&t->lines, w, k);
                } else if (imrx_gen_chance(t->r, t->p_datebreak) &&
                           (k = date_point(w, len, room))) {
                    imrx_buf_putc(&t->lines, ' ');
                    imrx_buf_append(&t->lines, w, k);
                    glue_next = 1;
                }
            }
            end_line(t, next_flags);
            next_flags = cont | (glue_next ? GEN_L_GLUE : 0);
            col = 0;
            w += k;
            len -= k;
            wc = cols(w, len);
        }
        if (col > 0) {
            imrx_buf_putc(&t->lines, ' ');
            col++;
        }
        imrx_buf_append(&t->lines, w, len);
        col += wc;
        i = j;
    }
    if (col > 0) end_line(t, next_flags);
}

void imrx_gen_flush(imrx_gen_text_t *t, unsigned mode)
{
    wrap(t, t->para.data ? t->para.data : "", t->para.len, mode);
    imrx_buf_clear(&t->para);
}

void imrx_gen_verdict(imrx_gen_text_t *t, const char *text, const char *verdict, int alone)
{
    if (text) {
        imrx_buf_clear(&t->para);
        imrx_buf_puts(&t->para, text);
    }
    imrx_buf_putc(&t->para, ':');
    if (alone) {
        wrap(t, t->para.data, t->para.len, GEN_W_GLUE);
        imrx_gen_line(t, verdict, GEN_L_GLUE);
    } else {
        imrx_buf_putc(&t->para, ' ');
        imrx_buf_puts(&t->para, verdict);
        wrap(t, t->para.data, t->para.len, GEN_W_GLUE);
    }
    imrx_buf_clear(&t->para);
}

/* ---- the final pass ---- */

static void put_line(imrx_buf_t *out, const imrx_gen_style_t *st, imrx_gen_rng_t *r, const char *s,
                     size_t n)
{
    imrx_buf_append(out, s, n);
    if (st->double_spaced) {
        /* The seed letter: every line ends in a space and is followed by an empty line; an
         * empty line is a lone space. */
        imrx_buf_putc(out, ' ');
        imrx_buf_puts(out, st->crlf ? "\r\n" : "\n");
        if (n) imrx_buf_puts(out, st->crlf ? "\r\n" : "\n");
        return;
    }
    if (n && (st->trailing == 1 || (st->trailing == 2 && imrx_gen_chance(r, 0.3))))
        imrx_buf_putc(out, ' ');
    imrx_buf_puts(out, st->crlf ? "\r\n" : "\n");
}

static void put_footer(imrx_buf_t *out, const imrx_gen_style_t *st, imrx_gen_rng_t *r, int page,
                       int pages)
{
    char line[40];
    int n = snprintf(line, sizeof line, "Page %d of %d", page, pages);
    put_line(out, st, r, line, (size_t)n);
}

void imrx_gen_finish(imrx_gen_text_t *t, const imrx_gen_style_t *st, const char *case_number,
                     imrx_buf_t *out)
{
    /* Where pages start: after page_lines lines, moved down past glued lines. */
    size_t starts[64];
    int npages = 1;
    starts[0] = 0;
    if (st->page_lines > 0) {
        size_t at = (size_t)st->page_lines;
        while (at < t->nlines && npages < 64) {
            while (at < t->nlines && (t->lf[at] & GEN_L_GLUE)) at++;
            if (at >= t->nlines) break;
            starts[npages++] = at;
            at += (size_t)st->page_lines;
        }
    }
    const char *p = t->lines.data ? t->lines.data : "";
    int page = 1;
    for (size_t i = 0; i < t->nlines; i++) {
        const char *nl = strchr(p, '\n');
        size_t n = (size_t)(nl - p);
        if (page < npages && starts[page] == i) {
            if (st->footer) put_footer(out, st, t->r, page, npages);
            if (st->blank_before_ff) put_line(out, st, t->r, "", 0);
            if (st->ff) imrx_buf_putc(out, '\f');
            if (st->repeat_case && case_number)
                put_line(out, st, t->r, case_number, strlen(case_number));
            page++;
        }
        put_line(out, st, t->r, p, n);
        p = nl + 1;
    }
    if (st->footer && npages > 1) put_footer(out, st, t->r, npages, npages);
    if (st->final_ff) imrx_buf_putc(out, '\f');
    if (t->failed) out->failed = 1;
}

/* ---- formatting ---- */

static void put_int(imrx_buf_t *b, long v, int width)
{
    char tmp[24];
    int n = 0, neg = v < 0;
    unsigned long u = neg ? (unsigned long)(-v) : (unsigned long)v;
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    while (n < width) tmp[n++] = '0';
    if (neg) imrx_buf_putc(b, '-');
    while (n) imrx_buf_putc(b, tmp[--n]);
}

void imrx_gen_vfmt(imrx_buf_t *b, const char *fmt, va_list ap)
{
    const char *run = fmt;
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') continue;
        imrx_buf_append(b, run, (size_t)(p - run));
        p++;
        int width = 0;
        if (*p == '0') {
            width = p[1] - '0';
            p += 2;
        }
        switch (*p) {
        case 's': {
            const char *s = va_arg(ap, const char *);
            imrx_buf_puts(b, s ? s : "");
            break;
        }
        case 'd':
            put_int(b, va_arg(ap, int), width);
            break;
        case 'c':
            imrx_buf_putc(b, (char)va_arg(ap, int));
            break;
        default:
            imrx_buf_putc(b, '%');
            break;
        }
        run = p + 1;
    }
    imrx_buf_puts(b, run);
}

void imrx_gen_fmt(imrx_buf_t *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    imrx_gen_vfmt(b, fmt, ap);
    va_end(ap);
}

static const char *const months[] = {"January",   "February", "March",    "April",
                                     "May",       "June",     "July",     "August",
                                     "September", "October",  "November", "December"};

void imrx_gen_date_put(imrx_buf_t *b, imrx_gen_date_t d, int style)
{
    switch (style) {
    case GEN_D_SLASH:
        imrx_gen_fmt(b, "%02d/%02d/%d", d.m, d.d, d.y);
        break;
    case GEN_D_SLASH_NOPAD:
        imrx_gen_fmt(b, "%d/%d/%d", d.m, d.d, d.y);
        break;
    case GEN_D_DASH2:
        imrx_gen_fmt(b, "%d-%d-%02d", d.m, d.d, d.y % 100);
        break;
    case GEN_D_DASH4:
        imrx_gen_fmt(b, "%d-%d-%d", d.m, d.d, d.y);
        break;
    case GEN_D_DASH_PAD:
        imrx_gen_fmt(b, "%02d-%02d-%d", d.m, d.d, d.y);
        break;
    case GEN_D_SLASH2:
        imrx_gen_fmt(b, "%02d/%02d/%02d", d.m, d.d, d.y % 100);
        break;
    default:
        imrx_gen_fmt(b, "%s %d, %d", months[d.m - 1], d.d, d.y);
        break;
    }
}
