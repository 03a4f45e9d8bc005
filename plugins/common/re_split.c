/* A pattern tried anchored at many places, split by the byte it starts on (re.h,
 * imrx_re_split_first_byte).
 *
 * A pattern of many alternatives ("was ...|but ...|, which ...|...") tried anchored costs PCRE2
 * a step into every alternative, though at any one place only those that can begin with the
 * byte there can match. So: the pattern's leading alternation (after zero-width assertions such
 * as \b) is read, each alternative is compiled alone to learn the bytes it can begin with
 * (PCRE2's first code unit or start bitmap), and for every byte a variant of the pattern keeps
 * only the alternatives that can begin with it, in their order. At a place holding that byte the
 * variant matches exactly what the whole pattern matches there: an alternative left out cannot
 * match there, and the kept ones are tried in the same order. Groups keep their brackets, and an
 * alternative holding a capturing group is never left out, so group numbers stay. Whatever this
 * reader does not understand (\Q, a quantified leading group...) leaves the pattern whole. */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "re.h"
#include "re_internal.h"

/* A variant is compiled when a search first needs it (a run over one letter needs a few of
 * them, and JIT-compiling them all cost 30 ms at start): threads race to publish it, the loser
 * frees its copy. */
typedef struct {
    pcre2_code *code;
    int jit;
} compiled_t;

struct imrx_re_split {
    unsigned char variant[256]; /* per byte: its variant, or IMRX_RE_SPLIT_NONE */
    unsigned n;
    uint32_t opts;
    int jit;
    char *text[IMRX_RE_SPLIT_NONE];                     /* each variant's pattern */
    _Atomic(compiled_t *) compiled[IMRX_RE_SPLIT_NONE]; /* NULL until first needed */
    atomic_int failed[IMRX_RE_SPLIT_NONE]; /* did not compile: the whole pattern serves */
};

/* The end of the escape, class or group that starts at s[i], or 0 when it is not one this
 * reader can skip with certainty; an ordinary character is one code point. */
static size_t atom_end(const char *s, size_t i)
{
    if (s[i] == '\\') {
        char c = s[i + 1];
        if (!c || c == 'Q' || c == 'E') return 0;
        if (strchr("xpPkgoN", c) && (s[i + 2] == '{' || s[i + 2] == '<' || s[i + 2] == '\'')) {
            char close = s[i + 2] == '{' ? '}' : s[i + 2] == '<' ? '>' : '\'';
            const char *q = strchr(s + i + 3, close);
            return q ? (size_t)(q - s) + 1 : 0;
        }
        return i + 2;
    }
    if (s[i] == '[') {
        size_t j = i + 1;
        if (s[j] == '^') j++;
        if (s[j] == ']') j++;
        for (; s[j] && s[j] != ']'; j++) {
            if (s[j] == '\\') {
                if (!s[++j]) return 0;
            } else if (s[j] == '[' && s[j + 1] == ':') {
                const char *q = strstr(s + j + 2, ":]");
                if (!q) return 0;
                j = (size_t)(q - s) + 1;
            }
        }
        return s[j] ? j + 1 : 0;
    }
    if (s[i] == '(') {
        if (s[i + 1] == '?' && s[i + 2] == '#') {
            const char *q = strchr(s + i, ')');
            return q ? (size_t)(q - s) + 1 : 0;
        }
        size_t j = i + 1;
        while (s[j] && s[j] != ')') {
            size_t k = s[j] == '|' ? j + 1 : atom_end(s, j);
            if (!k) return 0;
            j = k;
        }
        return s[j] ? j + 1 : 0;
    }
    if (s[i] == ')' || s[i] == '|' || !s[i]) return 0;
    size_t j = i + 1;
    while ((s[j] & 0xC0) == 0x80) j++;
    return j;
}

/* The end of the quantifier at s[i] ("?", "*", "{2,5}?"...), i when there is none. */
static size_t quantifier_end(const char *s, size_t i)
{
    size_t j = i;
    if (s[j] == '?' || s[j] == '*' || s[j] == '+') {
        j++;
    } else if (s[j] == '{') {
        size_t k = j + 1;
        while ((s[k] >= '0' && s[k] <= '9') || s[k] == ',') k++;
        if (s[k] != '}' || k == j + 1) return i;
        j = k + 1;
    } else {
        return i;
    }
    if (s[j] == '?' || s[j] == '+') j++;
    return j;
}

/* The alternatives of s[b..e), a group's inside: their starts and ends, at most `cap`; 0 when it
 * cannot be read. */
static size_t alternatives(const char *s, size_t b, size_t e, size_t *ab, size_t *ae, size_t cap)
{
    size_t n = 0, start = b, i = b;
    while (i < e) {
        if (s[i] == '|') {
            if (n == cap) return 0;
            ab[n] = start, ae[n++] = i;
            start = ++i;
            continue;
        }
        size_t k = atom_end(s, i);
        if (!k || k > e) return 0;
        i = quantifier_end(s, k);
    }
    if (n == cap) return 0;
    ab[n] = start, ae[n++] = e;
    return n;
}

/* s[b..e) holds two alternatives or more */
static int alternation(const char *s, size_t b, size_t e)
{
    size_t ab[256], ae[256];
    return alternatives(s, b, e, ab, ae, 256) >= 2;
}

/* The length of a group's opening ("(", "(?:", "(?i:"), 0 for lookarounds and other kinds. */
static size_t group_opening(const char *s, size_t i)
{
    if (s[i] != '(') return 0;
    if (s[i + 1] != '?') return 1;
    size_t j = i + 2;
    while (s[j] == 'i' || s[j] == 'm' || s[j] == 's' || s[j] == 'x' || s[j] == '-') j++;
    return s[j] == ':' ? j + 1 - i : 0;
}

static int capturing_in(const char *s, size_t b, size_t e)
{
    for (size_t i = b; i < e; i++) {
        if (s[i] == '\\') {
            i++;
        } else if (s[i] == '[') {
            size_t k = atom_end(s, i);
            if (!k) return 1;
            i = k - 1;
        } else if (s[i] == '(' &&
                   (s[i + 1] != '?' || s[i + 2] == '<' || s[i + 2] == '\'' || s[i + 2] == 'P') &&
                   !(s[i + 1] == '?' && s[i + 2] == '<' && (s[i + 3] == '=' || s[i + 3] == '!'))) {
            return 1;
        }
    }
    return 0;
}

/* s[b..e) matches only the empty string at its place: assertions, in sequence or alternation */
static int zero_width(const char *s, size_t b, size_t e)
{
    size_t ab[64], ae[64];
    size_t n = alternatives(s, b, e, ab, ae, 64);
    if (!n) return 0;
    for (size_t a = 0; a < n; a++)
        for (size_t i = ab[a]; i < ae[a];) {
            size_t k = atom_end(s, i);
            if (!k || quantifier_end(s, k) != k) return 0;
            int ok = 0;
            if (s[i] == '\\')
                ok = k == i + 2 && strchr("bBGAzZ", s[i + 1]);
            else if (s[i] == '^' || s[i] == '$')
                ok = 1;
            else if (s[i] == '(' && s[i + 1] == '?')
                ok = s[i + 2] == '=' || s[i + 2] == '!' ||
                     (s[i + 2] == '<' && (s[i + 3] == '=' || s[i + 3] == '!')) ||
                     (s[i + 2] == ':' && zero_width(s, i + 3, k - 1));
            if (!ok) return 0;
            i = k;
        }
    return 1;
}

/* What the reader found: the leading alternation as a tree, in pattern order (a group, then its
 * alternatives' nodes): a group node is an alternative that is a lone unquantified group of
 * alternatives, read into; any other alternative is a leaf, with the bytes it can begin with. */
typedef struct {
    size_t b, e;           /* the alternative's text */
    size_t open;           /* a group: the length of its opening; 0: a leaf */
    size_t end;            /* a group: the index after its last descendant */
    int capturing;         /* a group that captures (it stays, for the numbers of later ones) */
    unsigned char *starts; /* a leaf: 256 flags */
} node_t;

typedef struct {
    node_t *node;
    size_t count, cap, leaves;
} tree_t;

/* Bytes an alternative can begin with, by compiling it alone; all when PCRE2 cannot say, when it
 * holds a capturing group (its number must stay) or does not compile alone. */
static void leaf_starts(const char *s, size_t b, size_t e, uint32_t opts, unsigned char *out)
{
    /* "(?!)": a \G made never true (imrx_re_without_start_assertion) */
    memset(out, strncmp(s + b, "(?!)", 4) != 0, 256);
    if (!out[0] || capturing_in(s, b, e)) return;
    int err;
    PCRE2_SIZE off;
    pcre2_code *c = pcre2_compile((PCRE2_SPTR)(s + b), e - b, opts, &err, &off, NULL);
    if (!c) return;
    uint32_t type = 0, unit = 0;
    const uint8_t *bits = NULL;
    pcre2_pattern_info(c, PCRE2_INFO_FIRSTCODETYPE, &type);
    if (type == 1) {
        pcre2_pattern_info(c, PCRE2_INFO_FIRSTCODEUNIT, &unit);
        /* k and s have three-byte case partners under caseless UTF (U+212A, U+017F) */
        if (unit < 0x80 && !strchr("kKsS", (int)unit)) {
            memset(out, 0, 256);
            out[unit] = 1;
            if (unit >= 'a' && unit <= 'z') out[unit - 32] = 1;
            if (unit >= 'A' && unit <= 'Z') out[unit + 32] = 1;
        }
    } else if (type == 0 && pcre2_pattern_info(c, PCRE2_INFO_FIRSTBITMAP, &bits) == 0 && bits) {
        for (unsigned i = 0; i < 256; i++) out[i] = (bits[i / 8] >> (i % 8)) & 1;
    }
    pcre2_code_free(c);
}

static node_t *add_node(tree_t *T, size_t b, size_t e)
{
    if (T->count == T->cap) {
        size_t cap = T->cap ? 2 * T->cap : 64;
        node_t *n = realloc(T->node, cap * sizeof *n);
        if (!n) return NULL;
        T->node = n, T->cap = cap;
    }
    node_t *n = &T->node[T->count++];
    memset(n, 0, sizeof *n);
    n->b = b, n->e = e;
    return n;
}

/* Reads the alternatives of the group inside s[b..e) into T. */
static int read_tree(tree_t *T, const char *s, size_t b, size_t e, uint32_t opts, int depth)
{
    size_t ab[256], ae[256];
    size_t n = alternatives(s, b, e, ab, ae, 256);
    if (!n || depth > 8) return 0;
    for (size_t a = 0; a < n; a++) {
        size_t open = group_opening(s, ab[a]);
        size_t k = open ? atom_end(s, ab[a]) : 0;
        size_t at = T->count;
        node_t *node = add_node(T, ab[a], ae[a]);
        if (!node) return 0;
        if (open && k == ae[a] && alternation(s, ab[a] + open, k - 1)) {
            node->open = open;
            node->capturing = capturing_in(s, ab[a], ab[a] + open);
            if (!read_tree(T, s, ab[a] + open, k - 1, opts, depth + 1)) return 0;
            T->node[at].end = T->count;
        } else {
            if (!(node->starts = malloc(256))) return 0;
            leaf_starts(s, ab[a], ae[a], opts, node->starts);
            T->leaves++;
        }
    }
    return 1;
}

typedef struct {
    char *s;
    size_t n, cap;
} out_t;

static int put(out_t *o, const char *p, size_t n)
{
    if (o->n + n + 1 > o->cap) {
        size_t cap = (o->n + n + 1) * 2;
        char *s = realloc(o->s, cap);
        if (!s) return 0;
        o->s = s, o->cap = cap;
    }
    memcpy(o->s + o->n, p, n);
    o->n += n;
    o->s[o->n] = '\0';
    return 1;
}

/* Writes the alternatives T->node[from..to) (siblings and their subtrees) keeping the leaves that
 * can begin with `byte`. *kept: whether a leaf was kept (a capturing group with none stays, as
 * "((*FAIL))", for the numbers of the groups after it). */
static int write_kept(out_t *o, const char *s, const tree_t *T, size_t from, size_t to,
                      unsigned byte, int *kept)
{
    int written = 0;
    *kept = 0;
    for (size_t i = from; i < to;) {
        const node_t *n = &T->node[i];
        size_t next = n->open ? n->end : i + 1, mark = o->n;
        if (written && !put(o, "|", 1)) return 0;
        if (n->open) {
            int sub = 0;
            if (!put(o, s + n->b, n->open) || !write_kept(o, s, T, i + 1, n->end, byte, &sub) ||
                !put(o, ")", 1))
                return 0;
            if (sub || n->capturing) {
                written = 1;
                *kept |= sub;
                i = next;
                continue;
            }
        } else if (n->starts[byte]) {
            if (!put(o, s + n->b, n->e - n->b)) return 0;
            written = *kept = 1;
            i = next;
            continue;
        }
        o->n = mark; /* left out */
        o->s[o->n] = '\0';
        i = next;
    }
    return written || put(o, "(*FAIL)", 7);
}

static void split_free(struct imrx_re_split *sp)
{
    if (!sp) return;
    for (unsigned i = 0; i < sp->n; i++) {
        compiled_t *c = atomic_load(&sp->compiled[i]);
        if (c) pcre2_code_free(c->code);
        free(c);
        free(sp->text[i]);
    }
    free(sp);
}

static const compiled_t *compile_variant(struct imrx_re_split *sp, unsigned v)
{
    compiled_t *c = malloc(sizeof *c);
    int err;
    PCRE2_SIZE off;
    if (c)
        c->code = pcre2_compile((PCRE2_SPTR)sp->text[v], PCRE2_ZERO_TERMINATED,
                                sp->opts | PCRE2_ANCHORED, &err, &off, NULL);
    if (!c || !c->code) {
        free(c);
        atomic_store(&sp->failed[v], 1);
        return NULL;
    }
    c->jit = sp->jit && pcre2_jit_compile(c->code, PCRE2_JIT_COMPLETE) == 0;
    compiled_t *none = NULL;
    if (!atomic_compare_exchange_strong(&sp->compiled[v], &none, c)) {
        pcre2_code_free(c->code);
        free(c);
        return none; /* another thread's */
    }
    return c;
}

void imrx_re_split_free(struct imrx_re_split *sp)
{
    split_free(sp);
}

int imrx_re_split_variant(struct imrx_re_split *sp, unsigned char byte, const pcre2_code **code,
                          int *jit)
{
    unsigned v = sp->variant[byte];
    if (v == IMRX_RE_SPLIT_NONE) return 0;
    const compiled_t *c = atomic_load_explicit(&sp->compiled[v], memory_order_acquire);
    if (!c && !atomic_load_explicit(&sp->failed[v], memory_order_relaxed))
        c = compile_variant(sp, v);
    if (c) *code = c->code, *jit = c->jit; /* else the whole pattern the caller gave */
    return 1;
}

imrx_status_t imrx_re_split_first_byte(imrx_re_t *re, const char *pattern, uint32_t options)
{
    char *inside = imrx_re_without_start_assertion(pattern);
    const char *s = inside ? inside : pattern;
    uint32_t opts = imrx_re_compile_options(options);
    /* The alternation: the pattern's own ("A|B|C"), or the group after its leading assertions
     * ("\b(?:A|B|C)\b"); body_b..body_e is its inside, copied between head and tail. */
    size_t len = strlen(s), body_b = 0, body_e = len;
    if (!alternation(s, 0, len)) {
        size_t i = 0, k = 0;
        while (s[i] && (k = atom_end(s, i)) && quantifier_end(s, k) == k && zero_width(s, i, k))
            i = k;
        size_t open = group_opening(s, i), end = open ? atom_end(s, i) : 0;
        if (!end || quantifier_end(s, end) != end) end = open = i = 0;
        body_b = i + open, body_e = end ? end - 1 : 0;
    }
    tree_t T = {0};
    struct imrx_re_split *sp = NULL;
    imrx_status_t st = IMRX_OK;
    if (body_e <= body_b || !read_tree(&T, s, body_b, body_e, opts, 0) || T.leaves < 2)
        goto done; /* not a shape this reads: the whole pattern serves */
    if (!(sp = calloc(1, sizeof *sp))) {
        st = IMRX_ENOMEM;
        goto done;
    }
    sp->opts = opts;
    sp->jit = !getenv("IMRX_NO_JIT");
    for (unsigned byte = 0; byte < 256; byte++) {
        out_t o = {0};
        int kept = 0;
        if (!put(&o, s, body_b) || !write_kept(&o, s, &T, 0, T.count, byte, &kept) ||
            !put(&o, s + body_e, len - body_e)) {
            free(o.s);
            st = IMRX_ENOMEM;
            goto done;
        }
        if (!kept) {
            sp->variant[byte] = IMRX_RE_SPLIT_NONE;
            free(o.s);
            continue;
        }
        unsigned v = 0;
        while (v < sp->n && strcmp(sp->text[v], o.s) != 0) v++;
        if (v == sp->n) {
            if (v + 1 >= IMRX_RE_SPLIT_NONE) {
                free(o.s);
                split_free(sp);
                sp = NULL;
                goto done; /* the whole pattern serves */
            }
            sp->text[v] = o.s;
            sp->n++;
        } else {
            free(o.s);
        }
        sp->variant[byte] = (unsigned char)v;
    }
done:
    for (size_t x = 0; x < T.count; x++) free(T.node[x].starts);
    free(T.node);
    free(inside);
    if (st == IMRX_OK) {
        split_free(re->split);
        re->split = sp;
    }
    return st;
}
