/* Guideline citations. A guideline text is split into sentences; a sentence that cites
 * something outside the MTUS (ODG, "Non-MTUS Citation", "not part of the MTUS") gives one
 * non-MTUS citation; in the others every year marks an MTUS citation: its title is the text
 * before the year (back to "MTUS", "Decision based on", or the "and" after the previous
 * citation), its sections the text after it. "ACOEM ... Chapter 12" is mapped to the MTUS
 * chapter title. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decisions.h"
#include "text.h"

static const char *const non_mtus_markers[] = {"Non-MTUS", "outside of the MTUS",
                                               "outside the MTUS", "not part of the MTUS",
                                               "Official Disability Guidelines", "(ODG)",
                                               /* "on the ODG, Knee & Leg chapter, Knee brace,
                                                * which is not." */
                                               " ODG,", ", which is not.", NULL};

/* ACOEM Practice Guidelines (2nd edition, 2004) chapters as MTUS titles. */
static const char *acoem_chapter(int chapter)
{
    switch (chapter) {
    case 6:
        return "Pain, Suffering, and the Restoration of Function";
    case 7:
        return "Independent Medical Examinations and Consultations";
    case 8:
        return "Neck and Upper Back Complaints";
    case 9:
        return "Shoulder Complaints";
    case 10:
        return "Elbow Complaints"; /* as MAXIMUS letters cite it */
    case 11:
        return "Forearm, Wrist, and Hand Complaints";
    case 12:
        return "Low Back Complaints";
    case 13:
        return "Knee Complaints";
    case 14:
        return "Ankle and Foot Complaints";
    case 15:
        return "Stress Related Conditions";
    default:
        return NULL;
    }
}

/* Where a title with commas of its own (an ACOEM chapter's) ends text[lo..end) (spaces and line
 * breaks aside, case aside), or `end`: such a title is never split at its ", and". */
static uint32_t comma_title_start(const char *text, uint32_t lo, uint32_t end)
{
    uint32_t none = end;
    while (end > lo && (text[end - 1] == ' ' || text[end - 1] == '\n' || text[end - 1] == '('))
        end--;
    for (int chapter = 6; chapter <= 15; chapter++) {
        const char *t = acoem_chapter(chapter);
        if (!t || !strchr(t, ',')) continue;
        size_t k = strlen(t);
        uint32_t i = end;
        while (k > 0 && i > lo) {
            char a = text[i - 1], b = t[k - 1];
            if ((a == ' ' || a == '\n') && b == ' ') {
                while (i > lo && (text[i - 1] == ' ' || text[i - 1] == '\n')) i--;
                k--;
                continue;
            }
            if (tolower((unsigned char)a) != tolower((unsigned char)b)) break;
            i--, k--;
        }
        if (k == 0) return i;
    }
    return none;
}

static const char *const title_prefixes[] = {
    "Decision based on ", "the ", "CA ", "California ", "MTUS ", "MTUS/", NULL};
/* (", part" of "the Chronic Pain Medical Treatment Guidelines, part of the MTUS (2009)") */
static const char *const title_suffixes[] = {", part", " Guidelines", " Guideline", " Guides",
                                             NULL};

/* Trims a title's range: spaces and punctuation, then leading and trailing words that are not
 * part of the title. */
static void clean_title(const char *text, range_t *r)
{
    for (int changed = 1; changed;) {
        changed = 0;
        imrx_trim_range(text, r, ",;:()");
        /* "MTUS (ACOEM Practice Guidelines) Shoulder Complaints": a qualifier ahead of the
         * title, when its parenthesis closes before the title ends */
        if (r->b > 0 && text[r->b - 1] == '(') {
            uint32_t close = r->b;
            while (close < r->e && text[close] != ')') close++;
            if (close + 1 < r->e) {
                r->b = close + 1;
                changed = 1;
                continue;
            }
        }
        /* (imrx_text_find: a space also matches a line break, "Treatment\nGuidelines") */
        for (const char *const *p = title_prefixes; *p; p++) {
            uint32_t n = (uint32_t)strlen(*p);
            if (r->e - r->b > n && imrx_text_find(text, r->b, r->b + n, *p) == r->b) {
                r->b += n;
                changed = 1;
            }
        }
        for (const char *const *s = title_suffixes; *s; s++) {
            uint32_t n = (uint32_t)strlen(*s);
            if (r->e - r->b > n && imrx_text_find(text, r->e - n, r->e, *s) == r->e - n) {
                r->e -= n;
                changed = 1;
            }
        }
    }
    /* "relied on the 2009 MTUS Postsurgical Treatment Guidelines": an article alone before the
     * year is no title (the title follows the year) */
    if (r->e - r->b == 3 && imrx_text_ieq(text + r->b, 3, "the")) r->e = r->b;
}

static void emit_string(scan_t *sc, imrx_node_t obj, const char *key, range_t r)
{
    char buf[512];
    size_t n = imrx_text_squeeze(sc->l->text + r.b, r.e - r.b, buf, sizeof buf);
    sc->api->set_string(sc->ctx, obj, key, buf, n, imrx_span(r.b, r.e));
}

/* "(ACOEM Practice Guidelines, 3rd Edition (2011)), Chronic Pain Chapter, Section(s): ...",
 * "MTUS (ACOEM Practice Guidelines, 3rd Edition (2011)) Low Back Disorders, Section(s): ...": a
 * later edition names its chapters after the year; the chapter is the title, as for the
 * numbered chapters of the 2nd edition. The name's range, or an empty one; *after is where the
 * text after the name (its sections) starts. */
static range_t acoem_named_chapter(const char *text, range_t title, range_t sections,
                                   uint32_t *after)
{
    range_t none = {0, 0};
    if (imrx_text_find(text, title.b, title.e, "ACOEM") == title.e) return none;
    uint32_t b = sections.b;
    while (b < sections.e && strchr(" \n),;:", text[b])) b++;
    uint32_t lim = b + 60 < sections.e ? b + 60 : sections.e;
    uint32_t end = imrx_text_find(text, b, lim, " Chapter");
    *after = end + 8;
    /* no "Chapter" after an edition: the name runs to its sections or its clause's end */
    if (end == lim && imrx_text_find(text, title.b, title.e, "Edition") < title.e) {
        end = imrx_text_find(text, b, lim, ", Section");
        if (end == lim) end = imrx_text_find(text, b, lim, " Section");
        if (end == lim)
            for (end = b; end < lim && !strchr(",;.", text[end]); end++) continue;
        *after = end;
    }
    if (end == b || end == lim) return none;
    for (uint32_t i = b; i < end; i++)
        if (!isalpha((unsigned char)text[i]) && !strchr(" \n&,-/", text[i])) return none;
    return (range_t){b, end};
}

/* "ACOEM Practice Guidelines, Chronic Pain", "ACOEM Practice Guidelines, Elbow Disorders
 * chapter", "ACOEM Chronic Pain": the chapter after the qualifier is the title (nothing after
 * it, "ACOEM Practice Guidelines, 3rd Edition", keeps the whole). */
static void strip_acoem(const char *text, range_t *t)
{
    uint32_t a = imrx_text_find(text, t->b, t->e, "ACOEM");
    /* (after "on the": "The Expert Reviewer relied on the ACOEM Practice Guidelines, Elbow
     * Disorders (Revised 2007)") */
    if (a < t->e && a > t->b &&
        (imrx_text_find(text, t->b, a, "on the ") == t->b ||
         imrx_text_find(text, t->b, a, "the ") == t->b) &&
        a - t->b <= 7)
        t->b = a;
    if (a != t->b) return;
    uint32_t p = a + 5;
    if (imrx_starts_with_ci(text + p, " Practice Guidelines")) p += 20;
    while (p < t->e && strchr(" ,\n", text[p])) p++;
    uint32_t ed = imrx_text_find(text, p, t->e, "Edition");
    if (ed < t->e && ed < p + 12) {
        p = ed + 7;
        while (p < t->e && strchr(" ,\n", text[p])) p++;
    }
    uint32_t e = t->e;
    if (e - p > 8 && imrx_starts_with_ci(text + e - 8, " chapter")) e -= 8;
    if (e > p && isalpha((unsigned char)text[p])) *t = (range_t){p, e};
}

/* A range trimmed of parentheses keeps the one that closes its own "(": "Functional restoration
 * programs (FRPs)". `limit` bounds how far it may grow. */
static void keep_closing_parenthesis(const char *text, range_t *r, uint32_t limit)
{
    int depth = 0;
    for (uint32_t i = r->b; i < r->e; i++) depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
    if (depth > 0 && r->e < limit && text[r->e] == ')') r->e++;
}

/* The title a citation implies without naming it (`implied`, or NULL) is written when its range
 * is empty. */
static void emit_one(scan_t *sc, imrx_node_t list, range_t title, range_t year, range_t sections,
                     const char *implied)
{
    const char *text = sc->l->text;
    imrx_node_t c = sc->api->object(sc->ctx, list, NULL);
    if (c == IMRX_NODE_NONE) return;
    sc->api->set_span(sc->ctx, c, imrx_span(title.b, sections.e > year.e ? sections.e : year.e));
    sc->api->set_string(sc->ctx, c, "source", "MTUS", 4, imrx_span(title.b, title.e));
    /* "ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12, ..." */
    uint32_t chap = imrx_text_find(text, sections.b, sections.e, "Chapter ");
    const char *mapped = NULL;
    int acoem = imrx_text_find(text, title.b, title.e, "ACOEM") < title.e;
    if (acoem && chap < sections.e) mapped = acoem_chapter(atoi(text + chap + 8));
    /* "MTUS ACOEM Chapter 8 Neck and Upper Back Complaints 2004": the chapter in the title */
    if (acoem && !mapped && (chap = imrx_text_find(text, title.b, title.e, "Chapter ")) < title.e)
        mapped = acoem_chapter(atoi(text + chap + 8));
    uint32_t named_after = sections.b;
    range_t named = acoem_named_chapter(text, title, sections, &named_after);
    if (title.e <= title.b && implied) {
        sc->api->set_string(sc->ctx, c, "title", implied, strlen(implied),
                            imrx_span(year.b, year.e));
    } else if (mapped) {
        sc->api->set_string(sc->ctx, c, "title", mapped, strlen(mapped),
                            imrx_span(chap, chap + 10));
    } else if (named.e > named.b) {
        emit_string(sc, c, "title", named);
        sections.b = named_after; /* past " Chapter" */
    } else {
        strip_acoem(text, &title);
        emit_string(sc, c, "title", title);
    }
    if (year.e > year.b)
        sc->api->set_int(sc->ctx, c, "year", atoi(text + year.b), imrx_span(year.b, year.e));
    else
        sc->api->set_null(sc->ctx, c, "year"); /* "MTUS ACOEM Chronic Pain Guideline" */
    imrx_node_t secs = sc->api->array(sc->ctx, c, "sections");
    uint32_t sections_end = sections.e;
    imrx_trim_range(text, &sections, ",;:()");
    keep_closing_parenthesis(text, &sections, sections_end);
    /* "Section(s):", and in some copies "Sections:" or "Section:" */
    static const char *const labels[] = {"Section(s)", "Sections", "Section"};
    for (int i = 0; i < 3; i++) {
        size_t k = strlen(labels[i]);
        uint32_t after = sections.b + (uint32_t)k;
        while (after < sections.e && text[after] == ' ') after++;
        if (sections.e - sections.b > k && imrx_starts_with_ci(text + sections.b, labels[i]) &&
            after < sections.e && text[after] == ':') {
            sections.b = after + 1;
            imrx_trim_range(text, &sections, ",;: ");
            break;
        }
    }
    uint32_t tail = imrx_text_find(text, sections.b, sections.e, "which are part of the MTUS");
    if (tail == sections.e)
        tail = imrx_text_find(text, sections.b, sections.e, "which is part of the MTUS");
    sections.e = tail;
    sections_end = sections.e;
    imrx_trim_range(text, &sections, ",;:. ");
    keep_closing_parenthesis(text, &sections, sections_end);
    if (sections.e > sections.b) emit_string(sc, secs, NULL, sections);
}

/* Strips connecting words left at the end of a sections range ("..., and the"). */
static void clean_sections_tail(const char *text, range_t *r)
{
    static const char *const tails[] = {" and the", " and", ", and", " the", NULL};
    for (int changed = 1; changed;) {
        changed = 0;
        imrx_trim_range(text, r, ",;: ");
        for (const char *const *t = tails; *t; t++) {
            size_t n = strlen(*t);
            if (r->e - r->b >= n && imrx_starts_with_ci(text + r->e - n, *t)) {
                r->e -= (uint32_t)n;
                changed = 1;
            }
        }
    }
}

/* An ACOEM citation may name several numbered chapters ("ACOEM Practice Guidelines, 2nd Edition
 * (2004), Chapter 8, Neck and Upper Back Complaints, pages 179-180, and Chapter 7, Independent
 * Medical Examinations and Consultations, page 127"): one citation each. */
static void emit_mtus(scan_t *sc, imrx_node_t list, range_t title, range_t year, range_t sections,
                      const char *implied)
{
    const char *text = sc->l->text;
    uint32_t chap = imrx_text_find(text, sections.b, sections.e, "Chapter ");
    uint32_t next =
        chap < sections.e ? imrx_text_find(text, chap + 8, sections.e, "Chapter ") : sections.e;
    if (next < sections.e && imrx_text_find(text, title.b, title.e, "ACOEM") < title.e &&
        acoem_chapter(atoi(text + chap + 8)) && acoem_chapter(atoi(text + next + 8))) {
        range_t first = {sections.b, next};
        clean_sections_tail(text, &first);
        emit_one(sc, list, title, year, first, implied);
        emit_mtus(sc, list, title, year, (range_t){next, sections.e}, implied);
        return;
    }
    emit_one(sc, list, title, year, sections, implied);
}

/* An MTUS citation without a year in text[r): "MTUS <title>, Section(s): <sections>" (the
 * label tells a citation from prose about the MTUS, "The MTUS is silent on this request").
 * Returns 1 when there is one. */
static int yearless_citation(scan_t *sc, imrx_node_t list, range_t r)
{
    const char *text = sc->l->text;
    uint32_t m = imrx_text_find(text, r.b, r.e, "MTUS ");
    if (m == r.e) return 0;
    uint32_t label = imrx_text_find(text, m, r.e, "Section");
    if (label == r.e) {
        /* no year and no "Section(s):": "Decision based on MTUS Postsurgical Treatment
         * Guidelines, Carpal tunnel syndrome, page 15", "MTUS ACOEM Low Back Complaints, Chapter
         * 12, page 301" (a title the MTUS names, up to its comma) */
        uint32_t c = m + 5;
        while (c < r.e && text[c] != ',' && text[c] != ';' && text[c] != '.' && text[c] != '(') c++;
        range_t t = {m + 5, c};
        imrx_trim_range(text, &t, NULL);
        /* (a title starts with a capital: "The MTUS sets out when a patient with low back
         * complaints ..." is a sentence about it) */
        int named = t.e > t.b + 8 && isupper((unsigned char)text[t.b]) &&
                    (imrx_text_find(text, t.b, t.e, "Guidelines") < t.e ||
                     imrx_text_find(text, t.b, t.e, "Complaints") < t.e);
        if (!named) return 0;
        label = c;
    }
    range_t title = {m + 5, label};
    for (uint32_t i = title.b; i < title.e; i++)
        if (text[i] == ';' || text[i] == '.') return 0; /* the label is another sentence's */
    clean_title(text, &title);
    if (title.e <= title.b || !isalpha((unsigned char)text[title.b])) return 0;
    range_t sections = {label, r.e};
    clean_sections_tail(text, &sections);
    emit_mtus(sc, list, title, (range_t){title.e, title.e}, sections, NULL);
    return 1;
}

/* MTUS citations of one sentence; returns how many. */
static int mtus_sentence(scan_t *sc, imrx_node_t list, range_t s)
{
    const char *text = sc->l->text;
    range_t years[16];
    int n = 0;
    uint32_t pos = s.b;
    while (n < 16 && imrx_re_find(&sc->s->re[RE_YEAR], sc->t, text, pos, s.e) == 1) {
        PCRE2_SIZE *ov = imrx_re_ov(sc->t);
        years[n++] = (range_t){(uint32_t)ov[2], (uint32_t)ov[3]};
        pos = (uint32_t)ov[1];
    }
    /* Each citation's title starts where the previous one's sections end. */
    uint32_t tstart[16], tend[16], send[16], first_cut = s.b;
    for (int i = 0; i < n; i++) {
        uint32_t lo = i ? years[i - 1].e : s.b, yb = years[i].b;
        uint32_t mtus = imrx_text_find_last(text, lo, yb, "MTUS");
        uint32_t cut = yb;
        /* "the Chronic Pain Medical Treatment Guidelines of the MTUS (2009)": the title stands
         * before "of the MTUS", nothing after it */
        uint32_t of_the = mtus < yb && mtus >= lo + 8 ? mtus - 8 : yb;
        int title_before = of_the < yb && imrx_text_find(text, of_the, mtus, " of the ") == of_the;
        for (uint32_t q = mtus + 4; title_before && q < yb; q++)
            title_before = !imrx_text_letter((unsigned char)text[q]);
        /* "the Chronic Pain Medical Treatment Guidelines, MTUS 2009, page 46": the title before
         * a comma, nothing but the year after "MTUS" */
        if (!title_before && mtus < yb && mtus > lo + 2) {
            int bare = 1;
            for (uint32_t q = mtus + 4; bare && q < yb; q++)
                bare = !imrx_text_letter((unsigned char)text[q]);
            uint32_t c = mtus;
            while (c > lo && (text[c - 1] == ' ' || text[c - 1] == '\n')) c--;
            if (bare && c > lo && text[c - 1] == ',') title_before = 1, of_the = c - 1;
        }
        tend[i] = title_before ? of_the : yb;
        if (mtus < yb && !title_before) {
            tstart[i] = mtus + 4;
            cut = mtus;
        } else if (i == 0) {
            tstart[i] = s.b;
            uint32_t based = imrx_text_find_last(text, lo, yb, "based on");
            uint32_t relied = imrx_text_find_last(text, lo, yb, "relied on");
            /* "The Physician Reviewer based his/her decision on the ..." */
            uint32_t decision = imrx_text_find_last(text, lo, yb, "decision on ");
            if (based < yb) tstart[i] = based + 8;
            if (relied < yb && relied + 9 > tstart[i]) tstart[i] = relied + 9;
            if (decision < yb && decision + 12 > tstart[i]) tstart[i] = decision + 12;
        } else {
            /* "…2004, Section(s): Special Studies, and Forearm, Wrist, and Hand Complaints
             * 2004": the first ", and" after the previous year starts the next title. Or a
             * semicolon: "…Studies; and Forearm, …", or "…Studies; Knee Complaints 2004" when
             * no ", and" follows it (sections may be separated by semicolons too). */
            uint32_t a = imrx_text_find(text, lo, yb, "; and ");
            uint32_t skip = 6;
            uint32_t known = comma_title_start(text, lo, yb);
            if (known < yb && known > lo) a = known, skip = 0;
            if (a == yb) {
                uint32_t semi = imrx_text_find_last(text, lo, yb, "; ");
                a = imrx_text_find(text, lo, yb, ", and ");
                if (semi < yb && (a == yb || a < semi)) a = semi, skip = 2;
            }
            if (a == yb) a = imrx_text_find(text, lo, yb, " and "), skip = 5;
            tstart[i] = a < yb ? a + skip : lo;
            cut = a < yb ? a : lo;
        }
        if (i) send[i - 1] = cut;
        if (!i) first_cut = cut;
    }
    if (n) send[n - 1] = s.e;
    /* A citation without a year before the first dated one ("MTUS ACOEM Chronic Pain Guideline,
     * Section(s): Opioids; MTUS Opioid Treatment Guidelines 2016, ..."), or alone. */
    int emitted = yearless_citation(sc, list, (range_t){s.b, n ? first_cut : s.e});
    for (int i = 0; i < n; i++) {
        uint32_t yb = years[i].b;
        if (yb > tstart[i] && text[yb - 1] == '(') yb--;
        /* a date in parentheses after the title: "Chronic Pain Medical Treatment Guidelines
         * (Effective July 18, 2009)", "(May 2009)"; alone, "MTUS (Effective July 18, 2009)" is
         * the Chronic Pain Medical Treatment Guidelines, which took effect that day */
        uint32_t open = yb;
        for (uint32_t p = yb; p > tstart[i] && p + 22 > yb; p--) {
            if (text[p - 1] == ')') break;
            if (text[p - 1] == '(') {
                open = p - 1;
                break;
            }
        }
        const char *implied = open < yb && imrx_text_find(text, open, yb, "Effective July 18") < yb
                                  ? "Chronic Pain Medical Treatment"
                                  : NULL;
        yb = open;
        range_t title = {tstart[i], tend[i] < yb ? tend[i] : yb};
        clean_title(text, &title);
        range_t sections = {years[i].e, send[i] > years[i].e ? send[i] : years[i].e};
        /* "...; MTUS ACOEM Chronic Pain Guideline, Section(s): ..." after it: a citation
         * without a year of its own */
        range_t rest = {sections.e, sections.e};
        uint32_t more = imrx_text_find(text, sections.b, sections.e, "; MTUS ");
        if (more < sections.e) rest = (range_t){more + 2, sections.e}, sections.e = more;
        if (title.e <= title.b && implied) {
            clean_sections_tail(text, &sections);
            emit_mtus(sc, list, (range_t){open, open}, years[i], sections, implied);
            emitted++;
            continue;
        }
        if (title.e <= title.b) {
            /* "MTUS 2018 Opioids Guideline, Section(s): ...", "MTUS (2019), Chronic Pain
             * Medical Treatment Guidelines": the title after its year */
            uint32_t tb = years[i].e;
            while (tb < sections.e && strchr(") ,\n", text[tb])) tb++;
            uint32_t te = tb;
            while (te < sections.e && !strchr(",;.(", text[te])) te++;
            title = (range_t){tb, te};
            clean_title(text, &title);
            if (title.e <= title.b || !isalpha((unsigned char)text[title.b])) continue;
            sections.b = te;
        }
        clean_sections_tail(text, &sections);
        if (title.e <= title.b) continue;
        emit_mtus(sc, list, title, years[i], sections, NULL);
        emitted++;
        if (rest.e > rest.b) emitted += yearless_citation(sc, list, rest);
    }
    return emitted;
}

static void non_mtus_sentence(scan_t *sc, imrx_node_t list, range_t s)
{
    const char *text = sc->l->text;
    range_t t = s;
    uint32_t cite = imrx_text_find(text, s.b, s.e, "Non-MTUS Citation");
    if (cite < s.e) t.b = cite + 17;
    /* "The Physician Reviewer based his/her decision on the American College of Surgeons ...",
     * "The Expert Reviewer relied on the Work Loss Data Institute ...": what it was based on */
    uint32_t lead = t.b + 80 < t.e ? t.b + 80 : t.e;
    uint32_t on = imrx_text_find(text, t.b, lead, "decision on ");
    if (on < lead)
        t.b = on + 12;
    else if ((on = imrx_text_find(text, t.b, lead, "relied on ")) < lead)
        t.b = on + 10;
    else if ((on = imrx_text_find(text, t.b, lead, "relied instead on ")) < lead)
        t.b = on + 18;
    else if ((on = imrx_text_find(text, t.b, lead, "relied upon ")) < lead)
        t.b = on + 12;
    while (t.b < t.e && (text[t.b] == ' ' || text[t.b] == '\n')) t.b++;
    if (imrx_starts_with_ci(text + t.b, "on the ") && t.b + 3 < t.e) t.b += 3;
    if (imrx_starts_with_ci(text + t.b, "the ") && t.b + 4 < t.e) t.b += 4;
    /* the sentence's own comment on it ends the title */
    static const char *const tails[] = {"which is not part of the MTUS",
                                        "which are not part of the MTUS",
                                        ", not part of the MTUS",
                                        "; neither is part of the MTUS",
                                        ", which is outside the MTUS",
                                        ", a non-MTUS",
                                        ", a guideline outside the MTUS",
                                        ", which is not.",
                                        NULL};
    for (int k = 0; tails[k]; k++) {
        uint32_t tail = imrx_text_find(text, t.b, t.e, tails[k]);
        if (tail < t.e) t.e = tail;
    }
    imrx_trim_range(text, &t, ",;:. ");
    if (t.e <= t.b) return;
    imrx_node_t c = sc->api->object(sc->ctx, list, NULL);
    if (c == IMRX_NODE_NONE) return;
    sc->api->set_span(sc->ctx, c, imrx_span(s.b, s.e));
    sc->api->set_string(sc->ctx, c, "source", "non-MTUS", 8, imrx_span(t.b, t.e));
    if (t.e - t.b > 300) t.e = t.b + 300;
    emit_string(sc, c, "title", t);
    if (imrx_re_find(&sc->s->re[RE_YEAR], sc->t, text, t.b, t.e) == 1) {
        PCRE2_SIZE *ov = imrx_re_ov(sc->t);
        sc->api->set_int(sc->ctx, c, "year", atoi(text + ov[2]), imrx_span(ov[2], ov[3]));
    } else {
        sc->api->set_null(sc->ctx, c, "year");
    }
    sc->api->array(sc->ctx, c, "sections");
}

/* The end of the sentence starting at b: ". " (or ".\n") followed by an upper-case letter. */
static uint32_t sentence_end(const char *text, uint32_t b, uint32_t e)
{
    for (uint32_t i = b; i + 2 < e; i++) {
        if (text[i] != '.' || (text[i + 1] != ' ' && text[i + 1] != '\n')) continue;
        /* one space or more: "2007.  Decision based on" (two after a period, as some PDF text
         * tools keep them) */
        uint32_t j = i + 1;
        while (j < e && (text[j] == ' ' || text[j] == '\n')) j++;
        if (j == e || !isupper((unsigned char)text[j])) continue;
        /* "Inc. " and a single capital ("M. Smith") are not sentence ends. */
        if (i >= 3 && imrx_starts_with_ci(text + i - 3, "Inc")) continue;
        if (i >= 2 && isupper((unsigned char)text[i - 1]) &&
            (text[i - 2] == ' ' || text[i - 2] == '.'))
            continue; /* ("U.S. Food and Drug Administration") */
        return i + 1;
    }
    return e;
}

/* The first non-MTUS marker in [b, e), or e. */
static uint32_t first_marker(const char *text, uint32_t b, uint32_t e)
{
    uint32_t first = e;
    for (const char *const *m = non_mtus_markers; *m; m++) {
        /* only a marker that starts before the first one found so far can be first */
        uint32_t lim = first == e ? e : first + (uint32_t)strlen(*m) - 1;
        uint32_t at = imrx_text_find(text, b, lim < e ? lim : e, *m);
        if (at < first && at < lim) first = at;
    }
    return first;
}

/* Returns 1 when the sentence ends in a non-MTUS clause.
 * A sentence may cite the MTUS and something else: "... (2009), Topical Analgesics, which are
 * part of the MTUS, and on the Official Disability Guidelines (ODG), Pain chapter, which is not
 * part of the MTUS." Each clause is read for what it is. */
static int read_clauses(scan_t *sc, imrx_node_t list, range_t s, cite_flags_t *f)
{
    const char *text = sc->l->text;
    int non_mtus_last = 0;
    while (s.b < s.e) {
        uint32_t m = first_marker(text, s.b, s.e);
        /* After a non-MTUS clause, a reference joined by ", and" that does not name the MTUS is
         * outside it too ("ODG, ..., which is not part of the MTUS, and the American Academy of
         * Sleep Medicine clinical guideline ... (2008)") */
        if (m == s.e && non_mtus_last && imrx_text_find(text, s.b, s.e, "MTUS") == s.e) {
            range_t rest = s;
            imrx_trim_range(text, &rest, ",;. ");
            if (imrx_starts_with_ci(text + rest.b, "and ")) rest.b += 4;
            if (rest.e > rest.b + 3) non_mtus_sentence(sc, list, rest);
            return 1;
        }
        if (m == s.e) {
            f->mtus_count += mtus_sentence(sc, list, s);
            return 0;
        }
        non_mtus_last = 1;
        f->non_mtus = 1;
        /* The non-MTUS clause starts at the ", and" or ", " right before the marker. */
        uint32_t cs = imrx_text_find_last(text, s.b, m, ", and ");
        uint32_t comma = imrx_text_find_last(text, s.b, m, ", ");
        /* (", which is not part of the MTUS" is about the whole reference after the ", and":
         * "..., and the ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 7, ..., page 127,
         * which is not part of the MTUS") */
        int relative = imrx_starts_with_ci(text + m, "not part of the MTUS") && cs < m;
        if (cs == m ||
            (!relative && comma < m && comma > cs && imrx_text_find(text, comma, m, "MTUS") == m))
            cs = comma;
        uint32_t semi =
            imrx_text_find_last(text, s.b, m, "; "); /* "...Considerations; and Non-MTUS" */
        if (semi < m && (cs == m || semi > cs)) cs = semi;
        if (cs == m) cs = s.b;
        /* Nothing before the clause names the MTUS: "... based his/her decision on the
         * American College of Surgeons, Physicians as Assistants at Surgery: 2013 Study, which
         * is not part of the MTUS" is one citation (the relative clause is about all of it);
         * "Non-MTUS Citation U.S. Food and Drug Administration, ... Data, and Official
         * Disability Guidelines (ODG), ..." two. */
        if (cs > s.b && imrx_text_find(text, s.b, cs, "MTUS") == cs) {
            uint32_t w = cs + 1;
            while (w < m && text[w] == ' ') w++;
            if (imrx_starts_with_ci(text + w, "which ") || imrx_starts_with_ci(text + w, "that "))
                cs = s.b;
            else
                non_mtus_sentence(sc, list, (range_t){s.b, cs});
        } else if (cs > s.b) {
            f->mtus_count += mtus_sentence(sc, list, (range_t){s.b, cs});
        }
        /* It ends after "which is not part of the MTUS" when the sentence goes on. */
        uint32_t ce = s.e;
        uint32_t tail = imrx_text_find(text, m, s.e, "not part of the MTUS");
        if (tail < s.e) ce = tail + 20;
        range_t clause = {cs, ce};
        imrx_trim_range(text, &clause, ",; ");
        if (imrx_starts_with_ci(text + clause.b, "and ")) clause.b += 4;
        /* "...based their decision on recommendation(s) outside of the MTUS Guidelines." (or
         * "based the decision also on ...") only announces the citation that follows. */
        if (imrx_text_find(text, clause.b, clause.e, "on recommendation") == clause.e) {
            /* two references joined: "... Summary of Safety and Effectiveness Data, and
             * Official Disability Guidelines (ODG), Knee & Leg ..." */
            uint32_t two = imrx_text_find(text, clause.b, clause.e, ", and Official Disability");
            if (two < clause.e) {
                non_mtus_sentence(sc, list, (range_t){clause.b, two});
                clause.b = two + 6;
            }
            non_mtus_sentence(sc, list, clause);
        }
        s.b = ce;
    }
    return non_mtus_last;
}

/* Does text[b..e) hold `lit` exactly (case and blanks as written)? Cheaper than
 * imrx_text_find where the case is known. */
static int contains(const char *text, uint32_t b, uint32_t e, const char *lit)
{
    size_t n = strlen(lit);
    for (const char *p = text + b, *end = text + e; (size_t)(end - p) >= n; p++) {
        p = memchr(p, lit[0], (size_t)(end - p) - n + 1);
        if (!p) return 0;
        if (memcmp(p, lit, n) == 0) return 1;
    }
    return 0;
}

cite_flags_t imrx_emit_citations(scan_t *sc, imrx_node_t parent, const char *key, range_t r)
{
    cite_flags_t f = {0, 0, 0};
    imrx_node_t list = sc->api->array(sc->ctx, parent, key);
    if (r.e <= r.b || list == IMRX_NODE_NONE) return f;
    const char *text = sc->l->text;
    /* "did not cite any medical evidence", "did not cite any guideline or medical evidence" */
    if (imrx_text_find(text, r.b, r.e, "did not cite any medical evidence") < r.e ||
        imrx_text_find(text, r.b, r.e, "did not cite any guideline or medical evidence") < r.e ||
        imrx_text_find(text, r.b, r.e, "did not cite any guidelines or medical evidence") < r.e ||
        imrx_text_find(text, r.b, r.e, "No medical treatment guideline was cited") < r.e ||
        imrx_text_find(text, r.b, r.e, "No medical evidence was cited") < r.e)
        f.no_citation = 1;
    int non_mtus_before = 0, mtus_silent = 0;
    for (uint32_t b = r.b; b < r.e;) {
        uint32_t e = sentence_end(text, b, r.e);
        range_t s = {b, e};
        imrx_trim_range(text, &s, NULL);
        /* "The MTUS and the ODG do not address weight loss programs. The Expert Reviewer relied
         * on the National Heart, Lung, and Blood Institute, ... (1998)": a sentence saying the
         * MTUS is silent cites nothing, and the citation right after it that does not name the
         * MTUS is outside it */
        /* (exact words first: this runs on every sentence of every citation) */
        if (s.e > s.b &&
            (contains(text, s.b, s.e, "not address") || contains(text, s.b, s.e, " silent")) &&
            imrx_text_find(text, s.b, s.e, "MTUS") < s.e) {
            mtus_silent = 1;
            if (first_marker(text, s.b, s.e) == s.e) { /* (a statement alone) */
                b = e;
                continue;
            }
        }
        int after_silent = mtus_silent == 1;
        if (mtus_silent) mtus_silent = 2; /* (the sentence right after it only) */
        if (after_silent && s.e > s.b && imrx_text_find(text, s.b, s.e, "MTUS") == s.e &&
            first_marker(text, s.b, s.e) == s.e &&
            (imrx_text_find(text, s.b, s.e, "relied on") < s.e ||
             imrx_text_find(text, s.b, s.e, "based") < s.e)) {
            f.non_mtus = 1;
            non_mtus_sentence(sc, list, s);
            b = e;
            continue;
        }
        /* A reference's own sentences after a non-MTUS citation ("... Journal of Upper Limb
         * Research. 2015;7(3):188-196.") are that reference, unless they name the MTUS or cite
         * something else outside it (ODG). */
        if (non_mtus_before && imrx_text_find(text, s.b, s.e, "MTUS") == s.e &&
            imrx_text_find(text, s.b, s.e, "Decision based on") == s.e &&
            first_marker(text, s.b, s.e) == s.e) {
            b = e;
            continue;
        }
        non_mtus_before = 0;
        if (s.e > s.b && imrx_text_find(text, s.b, s.e, "did not cite") == s.e)
            non_mtus_before = read_clauses(sc, list, s, &f);
        b = e;
    }
    return f;
}
