/* Pass 1 of normalisation: characters. See docs/normalisation.md. */
#include "letter/normalize.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

imrx_encoding_t imrx_detect_encoding(const unsigned char *in, size_t n)
{
    if (n >= 3 && in[0] == 0xEF && in[1] == 0xBB && in[2] == 0xBF) return IMRX_ENC_UTF8_BOM;
    if (n >= 2 && in[0] == 0xFF && in[1] == 0xFE) return IMRX_ENC_UTF16LE;
    if (n >= 2 && in[0] == 0xFE && in[1] == 0xFF) return IMRX_ENC_UTF16BE;
    return IMRX_ENC_UTF8;
}

void imrx_char_report_free(imrx_char_report_t *rep)
{
    free(rep->page_breaks);
    rep->page_breaks = NULL;
    rep->page_break_count = rep->page_break_cap = 0;
}

static void note_page_break(imrx_char_report_t *rep, uint32_t at)
{
    if (rep->page_break_count == rep->page_break_cap) {
        uint32_t cap = rep->page_break_cap ? rep->page_break_cap * 2 : 16;
        uint32_t *p = realloc(rep->page_breaks, cap * sizeof *p);
        if (!p) return; /* losing a page-break hint only weakens line joining */
        rep->page_breaks = p;
        rep->page_break_cap = cap;
    }
    rep->page_breaks[rep->page_break_count++] = at;
}

/* The ASCII text a code point folds to, "" to delete it, or NULL to keep it. Folding makes
 * matching simple: plugins see one kind of space, quote and dash. */
static const char *fold(int32_t cp)
{
    switch (cp) {
    case 0x00A0:
    case 0x1680:
    case 0x2000:
    case 0x2001:
    case 0x2002:
    case 0x2003:
    case 0x2004:
    case 0x2005:
    case 0x2006:
    case 0x2007:
    case 0x2008:
    case 0x2009:
    case 0x200A:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0x0085:
        return " ";
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
    case 0x00AD:
        return "";
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
        return "'";
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
        return "\"";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE58:
    case 0xFE63:
    case 0xFF0D:
        return "-";
    /* a line-end hyphen that some conversions render as a not sign ("dis\xC2\xAC" / "continued") */
    case 0x00AC:
        return "-";
    case 0x2026:
        return "...";
    /* Ligatures: PDF tools other than pdftotext keep them ("Norﬂex", "non-certiﬁed"). */
    case 0xFB00:
        return "ff";
    case 0xFB01:
        return "fi";
    case 0xFB02:
        return "fl";
    case 0xFB03:
        return "ffi";
    case 0xFB04:
        return "ffl";
    case 0xFB05:
    case 0xFB06:
        return "st";
    case 0x2028:
    case 0x2029:
        return "\n";
    /* Bullets of the Symbol and Wingdings fonts, which some PDFs draw in the Private Use Area
     * and text tools copy as such */
    case 0xF0B7:
    case 0xF0A7:
    case 0xF0D8:
    case 0xF076:
    case 0xF0FC:
    case 0xF06E:
        return "\xE2\x80\xA2";
    default:
        return NULL;
    }
}

typedef struct pass1 {
    imrx_buf_t *out;
    imrx_offset_map_t *map;
    imrx_char_report_t *rep;
    /* The last starter (ccc 0) written, so that combining marks can compose with it. */
    uint32_t starter_out, starter_in, starter_out_len;
    int have_starter;
} pass1_t;

static void put(pass1_t *p, const char *s, uint32_t len, uint32_t in, uint32_t in_len)
{
    imrx_buf_append(p->out, s, len);
    imrx_map_add(p->map, len, in, in_len);
}

static void put_starter(pass1_t *p, const char *s, uint32_t len, uint32_t in, uint32_t in_len)
{
    p->starter_out = (uint32_t)p->out->len;
    p->starter_in = in;
    p->starter_out_len = len;
    p->have_starter = 1;
    put(p, s, len, in, in_len);
}

static void put_invalid(pass1_t *p, uint32_t in, uint32_t in_len)
{
    if (p->rep->invalid_count++ == 0) p->rep->first_invalid = in;
    p->have_starter = 0;
    put(p, "\xEF\xBF\xBD", 3, in, in_len);
}

/* A control character or form feed at input offset `in`. `next` is the following code point. */
static void put_control(pass1_t *p, int32_t cp, int32_t next, uint32_t in, uint32_t in_len)
{
    p->have_starter = 0;
    switch (cp) {
    case '\r':
        if (next == '\n') return; /* CRLF: the LF follows */
        put(p, "\n", 1, in, in_len);
        return;
    case '\t':
        put(p, " ", 1, in, in_len);
        return;
    case '\f':
    case '\v': {
        /* A page break. Mid-line it still separates lines; at a line start it is noise. */
        note_page_break(p->rep, (uint32_t)p->out->len);
        int at_line_start = p->out->len == 0 || p->out->data[p->out->len - 1] == '\n';
        if (!at_line_start && next != '\n' && next != '\r') put(p, "\n", 1, in, in_len);
        return;
    }
    case 0:
        if (p->rep->nul_count++ == 0) p->rep->first_nul = in;
        return;
    default:
        p->rep->control_count++;
        return;
    }
}

/* A non-ASCII code point that is not folded: keep it, composing to NFC where that changes it. */
static void put_unicode(pass1_t *p, int32_t cp, const unsigned char *src, uint32_t in,
                        uint32_t in_len)
{
    const utf8proc_property_t *prop = utf8proc_get_property(cp);
    if (prop->combining_class == 0) {
        if (prop->decomp_seqindex != UINT16_MAX && prop->decomp_type == 0) {
            /* Has a canonical decomposition: NFC may map it elsewhere (singletons). */
            utf8proc_uint8_t *nfc = NULL;
            utf8proc_ssize_t len =
                utf8proc_map(src, in_len, &nfc, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
            if (len > 0) {
                put_starter(p, (const char *)nfc, (uint32_t)len, in, in_len);
                free(nfc);
                return;
            }
            free(nfc);
        }
        put_starter(p, (const char *)src, in_len, in, in_len);
        return;
    }
    /* A combining mark: compose with the starter just written, if it is right before. */
    if (p->have_starter && p->starter_out + p->starter_out_len == p->out->len) {
        size_t blen = p->starter_out_len;
        unsigned char tmp[64];
        if (blen + in_len <= sizeof tmp) {
            memcpy(tmp, p->out->data + p->starter_out, blen);
            memcpy(tmp + blen, src, in_len);
            utf8proc_uint8_t *nfc = NULL;
            utf8proc_ssize_t len = utf8proc_map(tmp, (utf8proc_ssize_t)(blen + in_len), &nfc,
                                                UTF8PROC_STABLE | UTF8PROC_COMPOSE);
            if (len > 0) {
                uint32_t start_in = p->starter_in;
                p->out->len -= blen;
                p->out->data[p->out->len] = '\0';
                imrx_map_unput(p->map, (uint32_t)blen);
                p->starter_out = (uint32_t)p->out->len;
                p->starter_out_len = (uint32_t)len;
                /* One cluster: the composed bytes map to the whole input range. */
                imrx_buf_append(p->out, nfc, (size_t)len);
                imrx_map_add(p->map, (uint32_t)len, start_in, in + in_len - start_in);
                free(nfc);
                return;
            }
            free(nfc);
        }
    }
    put(p, (const char *)src, in_len, in, in_len);
}

static void put_code_point(pass1_t *p, int32_t cp, int32_t next, const unsigned char *src,
                           uint32_t in, uint32_t in_len)
{
    if (cp < 0x20 || cp == 0x7F) {
        if (cp == '\n') {
            p->have_starter = 0;
            put(p, "\n", 1, in, in_len);
        } else {
            put_control(p, cp, next, in, in_len);
        }
        return;
    }
    if (cp < 0x80) {
        char c = (char)cp;
        put_starter(p, &c, 1, in, in_len);
        return;
    }
    if (cp >= 0x80 && cp < 0xA0) { /* C1 controls */
        p->rep->control_count++;
        p->have_starter = 0;
        return;
    }
    /* a soft hyphen that ends a line marks a word broken there ("injec\xC2\xAD" / "tion"):
     * a hyphen, which the line pass joins as it joins any word break */
    if (cp == 0x00AD && (next == '\n' || next == '\r')) {
        p->have_starter = 0;
        put(p, "-", 1, in, in_len);
        return;
    }
    const char *f = fold(cp);
    if (f) {
        p->have_starter = 0;
        put(p, f, (uint32_t)strlen(f), in, in_len);
        return;
    }
    /* A replacement character between two letters stood for a lost apostrophe ("de
     * Quervain\xEF\xBF\xBDs", "patient\xEF\xBF\xBDs"): the copy's, not ours to flag */
    if (cp == 0xFFFD && p->out->len && isalpha((unsigned char)p->out->data[p->out->len - 1]) &&
        next < 0x80 && isalpha((int)next)) {
        if (p->rep->invalid_count++ == 0) p->rep->first_invalid = in;
        p->have_starter = 0;
        put(p, "'", 1, in, in_len);
        return;
    }
    if (cp == 0xFFFD || !utf8proc_codepoint_valid(cp)) {
        put_invalid(p, in, in_len);
        return;
    }
    unsigned char enc[4];
    utf8proc_ssize_t n = utf8proc_encode_char(cp, enc);
    /* Re-encode for UTF-16 input; for UTF-8 input the bytes are the source itself. */
    put_unicode(p, cp, (src && (uint32_t)n == in_len) ? src : enc, in, in_len);
}

/* Decodes one UTF-8 code point; returns its length, or -1 for an invalid byte. */
static int decode_utf8(const unsigned char *s, size_t n, int32_t *cp)
{
    utf8proc_ssize_t k = utf8proc_iterate(s, (utf8proc_ssize_t)(n > 4 ? 4 : n), cp);
    return k > 0 ? (int)k : -1;
}

static int is_plain_ascii(unsigned char c)
{
    return (c >= 0x20 && c < 0x7F) || c == '\n';
}

/* The length of the run of plain bytes (is_plain_ascii) at s: eight at a time while a whole
 * word is plain (most of a letter), then byte by byte. */
static size_t plain_run(const unsigned char *s, size_t n)
{
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    const uint64_t lows = 0x7F7F7F7F7F7F7F7Full;
    size_t j = 0;
    while (j + 8 <= n) {
        uint64_t x;
        memcpy(&x, s + j, 8);
        if (x & highs) break; /* a byte >= 0x80 */
        /* with every byte below 0x80, adding to each byte carries into no other */
        uint64_t control = ~(x + ones * 0x60) & highs; /* bytes below 0x20 */
        uint64_t del = (x + ones) & highs;             /* 0x7F */
        uint64_t e = x ^ (ones * '\n');
        uint64_t newline = ~(((e & lows) + lows) | e) & highs; /* bytes equal to '\n' */
        if ((control & ~newline) | del) break;
        j += 8;
    }
    while (j < n && is_plain_ascii(s[j])) j++;
    return j;
}

static void pass_utf8(pass1_t *p, const unsigned char *in, size_t n, size_t start)
{
    size_t i = start;
    while (i < n) {
        /* Fast path: a run of printable ASCII and LF copies as it is. */
        size_t j = i + plain_run(in + i, n - i);
        if (j > i) {
            imrx_buf_append(p->out, in + i, j - i);
            imrx_map_add(p->map, (uint32_t)(j - i), (uint32_t)i, (uint32_t)(j - i));
            if (in[j - 1] == '\n') {
                p->have_starter = 0;
            } else {
                p->have_starter = 1;
                p->starter_out = (uint32_t)p->out->len - 1;
                p->starter_in = (uint32_t)j - 1;
                p->starter_out_len = 1;
            }
            i = j;
            continue;
        }
        int32_t cp;
        int k = decode_utf8(in + i, n - i, &cp);
        if (k < 0) {
            put_invalid(p, (uint32_t)i, 1);
            i++;
            continue;
        }
        int32_t next = -1;
        if (i + (size_t)k < n) next = in[i + (size_t)k];
        put_code_point(p, cp, next, in + i, (uint32_t)i, (uint32_t)k);
        i += (size_t)k;
    }
}

/* Decodes one UTF-16 code point at s; returns bytes used (2 or 4), -2 for a lone surrogate. */
static int decode_utf16(const unsigned char *s, size_t n, int big_endian, int32_t *cp)
{
    if (n < 2) return -1;
    uint32_t u = big_endian ? (uint32_t)(s[0] << 8 | s[1]) : (uint32_t)(s[1] << 8 | s[0]);
    if (u >= 0xD800 && u <= 0xDBFF) {
        if (n < 4) return -2;
        uint32_t v = big_endian ? (uint32_t)(s[2] << 8 | s[3]) : (uint32_t)(s[3] << 8 | s[2]);
        if (v < 0xDC00 || v > 0xDFFF) return -2;
        *cp = (int32_t)(0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
        return 4;
    }
    if (u >= 0xDC00 && u <= 0xDFFF) return -2;
    *cp = (int32_t)u;
    return 2;
}

static void pass_utf16(pass1_t *p, const unsigned char *in, size_t n, int big_endian)
{
    size_t i = 2; /* after the byte-order mark */
    while (i < n) {
        int32_t cp = 0;
        int k = decode_utf16(in + i, n - i, big_endian, &cp);
        if (k < 0) {
            uint32_t len = (n - i) < 2 ? (uint32_t)(n - i) : 2;
            put_invalid(p, (uint32_t)i, len);
            i += len;
            continue;
        }
        int32_t next = -1, nc;
        if (i + (size_t)k < n && decode_utf16(in + i + k, n - i - k, big_endian, &nc) > 0)
            next = nc;
        put_code_point(p, cp, next, NULL, (uint32_t)i, (uint32_t)k);
        i += (size_t)k;
    }
}

imrx_status_t imrx_normalize_chars(const unsigned char *in, size_t n, imrx_buf_t *out,
                                   imrx_offset_map_t *map, imrx_char_report_t *rep)
{
    imrx_buf_clear(out);
    imrx_map_clear(map, (uint32_t)n);
    rep->invalid_count = rep->nul_count = rep->control_count = 0;
    rep->first_invalid = rep->first_nul = 0;
    rep->page_break_count = 0;
    rep->encoding = imrx_detect_encoding(in, n);
    if (imrx_buf_reserve(out, n + 16) != IMRX_OK) return IMRX_ENOMEM;

    pass1_t p = {.out = out, .map = map, .rep = rep};
    switch (rep->encoding) {
    case IMRX_ENC_UTF16LE:
        pass_utf16(&p, in, n, 0);
        break;
    case IMRX_ENC_UTF16BE:
        pass_utf16(&p, in, n, 1);
        break;
    case IMRX_ENC_UTF8_BOM:
        pass_utf8(&p, in, n, 3);
        break;
    default:
        pass_utf8(&p, in, n, 0);
        break;
    }
    if (out->failed || map->failed) return IMRX_ENOMEM;
    return IMRX_OK;
}
