/* The letter's header: case number, priority and the five dates, read from label/value pairs in
 * either rendering (side by side, or all labels then all values). Layout D's procedural prose
 * is read in prose.c. */
#include <string.h>
#include <strings.h>

#include "dates.h"

const char *const dates_header_keys[] = {"assigned", "injury", "decision", "ur_denial",
                                         "application_received"};

/* Header tokens, in reading order: a label, or a value of one of three kinds. Labels and
 * priorities in any case ("CASE NUMBER:"); the pattern is otherwise case-sensitive, so that a
 * capital starts another label. */
const char dates_re_header_token[] =
    "\\b(?:(?i:(IMR\\s+Case\\s+Number|Case\\s+Number|Case\\s+No\\.?|Date\\s+Assigned|Date\\s+of\\s+"
    "Injury|Injury\\s+Date|Decision\\s+Date|UR\\s+Denial\\s+Date|Date\\s+of\\s+UR\\s+(?:Decision|"
    "Denial)|"
    "Priority|(?:IMR\\s+)?Application\\s+Received|Dated))\\s*:" /* 1: label */
    /* 2: "Application", "UR Denial" (wrapped labels: "Received:", "Date:" on the next line) */
    "|(?i:(Application|UR\\s+Denial)(?!\\s+(?:for|Received|Date))\\b)"
    "|(?i:(Received))\\s*:"                       /* 3: its second line */
    "|(CM\\d{2}-\\d{7}|IMR\\s\\d{2}-\\d{5,7})\\b" /* 4: a case number */
    /* 5: a date ("Dated: August 4, 2014" in some copies of layout B; "10/14/" / "2016", its year
     * wrapped to the next line, or below the second line of its wrapped label, "06/05/" /
     * "Received:" / "2017"; 10-01-2018 and 10.01.2018 in copies retyped) */
    "|(\\d{1,2}/\\d{1,2}/(?:\\d{4}|\\d{2}|\\n\\d{4}|\\n(?:Received|Date):[ "
    "\\t]*\\n\\d{4})(?![\\d/])"
    "|\\d{1,2}-\\d{1,2}-(?:\\d{4}|\\d{2})(?![\\d-])"
    "|\\d{1,2}\\.\\d{1,2}\\.(?:\\d{4}|\\d{2})(?!\\.?\\d)"
    "|(?:January|February|March|April|May|June|July|"
    "August|September|October|November|December)\\s+\\d{1,2},?\\s+\\d{4}\\b)"
    "|(?i:(Standard|Expedited|Urgent))\\b" /* 6: a priority */
    "|([A-Z][A-Za-z ()]{1,40}):(?=\\s)"    /* 7: another label */
    ")";

typedef enum { V_CASE, V_DATE, V_PRIORITY, V_OTHER } vkind_t;

typedef struct label {
    vkind_t kind;
    int slot; /* date slot, or -1 */
    int is_case, is_priority, is_dated;
    uint32_t end;  /* where the label ends in the text */
    uint32_t line; /* where its line starts */
} label_t;

/* Does nothing but blanks follow text[p] on its line (within the header)? */
static int line_ends(const char *text, size_t p, size_t end)
{
    while (p < end && (text[p] == ' ' || text[p] == '\t')) p++;
    return p >= end || text[p] == '\n';
}

/* The line after the one that ends at or after text[p] holds nothing but a date ("Date of
 * Injury:" closing its line, "      06/11/2013" alone below it, where a conversion pushed the
 * value down): its extent in [*b, *e). */
static int date_alone_below(const char *text, size_t p, size_t end, uint32_t *b, uint32_t *e)
{
    while (p < end && text[p] != '\n') p++;
    if (p >= end) return 0;
    p++;
    while (p < end && text[p] == ' ') p++;
    size_t q = p;
    while (q < end && ((text[q] >= '0' && text[q] <= '9') || text[q] == '/' || text[q] == '-' ||
                       text[q] == '.'))
        q++;
    if (q - p < 8 || !line_ends(text, q, end)) return 0;
    *b = (uint32_t)p, *e = (uint32_t)q;
    return 1;
}

static label_t classify_label(const char *s, size_t n)
{
    label_t l = {V_OTHER, -1, 0, 0, 0, 0, 0};
    char buf[64];
    imrx_text_squeeze(s, n, buf, sizeof buf);
    if (strcasestr(buf, "Case"))
        l.kind = V_CASE, l.is_case = 1;
    else if (strcasecmp(buf, "Date Assigned") == 0)
        l.kind = V_DATE, l.slot = D_ASSIGNED;
    else if (strcasestr(buf, "Injury"))
        l.kind = V_DATE, l.slot = D_INJURY;
    else if (strcasecmp(buf, "Decision Date") == 0)
        l.kind = V_DATE, l.slot = D_DECISION;
    else if (strncasecmp(buf, "UR Denial", 9) == 0 || strncasecmp(buf, "Date of UR", 10) == 0)
        l.kind = V_DATE, l.slot = D_UR; /* (layout D: "Date of UR Decision:") */
    else if (strncasecmp(buf, "Application", 11) == 0 ||
             strncasecmp(buf, "IMR Application", 15) == 0)
        l.kind = V_DATE, l.slot = D_APPLICATION;
    else if (strcasecmp(buf, "Priority") == 0)
        l.kind = V_PRIORITY, l.is_priority = 1;
    else if (strcasecmp(buf, "Assigned") == 0) /* "Date  05/02/2017" / "Assigned:" */
        l.kind = V_DATE, l.slot = D_ASSIGNED;
    else if (strcasecmp(buf, "Dated") == 0)
        l.kind = V_DATE, l.slot = D_DECISION, l.is_dated = 1;
    return l;
}

/* A header date for the slot of `lab`, unless the slot has one ("Decision Date:" wins over the
 * letter's "Dated:" line). */
static void take_date(letter_t *L, label_t lab, uint32_t b, uint32_t e, int *dated_slot_from_label)
{
    if (lab.slot < 0) return;
    if (L->have[lab.slot] && !(lab.slot == D_DECISION && *dated_slot_from_label && !lab.is_dated))
        return;
    imrx_date_t d;
    if (dates_emit(L, L->dates, dates_header_keys[lab.slot], b, e, &d)) {
        L->header[lab.slot] = d;
        L->header_span[lab.slot] = imrx_span(b, e);
        L->have[lab.slot] = 1;
        if (lab.slot == D_DECISION) *dated_slot_from_label = lab.is_dated;
    }
}

static void set_case_number(letter_t *L, uint32_t b, uint32_t e)
{
    char buf[32];
    size_t n = imrx_text_squeeze(L->l->text + b, e - b, buf, sizeof buf);
    dates_api->set_string(L->ctx, dates_api->root(L->ctx), "case_number", buf, n, imrx_span(b, e));
}

static void set_priority(letter_t *L, uint32_t b, uint32_t e)
{
    char buf[16];
    size_t n = imrx_text_squeeze(L->l->text + b, e - b, buf, sizeof buf);
    /* "STANDARD", "standard": "Standard" */
    if (buf[0] >= 'a' && buf[0] <= 'z') buf[0] = (char)(buf[0] - 'a' + 'A');
    for (size_t i = 1; i < n; i++)
        if (buf[i] >= 'A' && buf[i] <= 'Z') buf[i] = (char)(buf[i] - 'A' + 'a');
    dates_api->set_string(L->ctx, dates_api->root(L->ctx), "priority", buf, n, imrx_span(b, e));
}

/* A header whose labels are lost (a PDF font without a text map, OCR, a copy that kept only the
 * values) but whose values stand as layout A places them: a case number, then the five dates
 * and the priority in one of the two renderings. Side by side, three lines of two: assigned and
 * injury, decision and UR denial, priority and application. As blocks: assigned, decision,
 * priority, then injury, UR denial, application. Any other arrangement is left unread. */
static void read_header_by_position(letter_t *L, const imrx_section_t *sec, int case_done,
                                    int priority_done)
{
    const char *text = L->l->text;
    uint32_t date[6][2], line_of[6], prio[2] = {0, 0}, case_b = 0, case_e = 0;
    int dates = 0, prios = 0, dates_before_priority = 0;
    uint32_t line = 0, prio_line = 0;
    size_t pos = sec->begin, counted = sec->begin;
    while (pos < sec->end && imrx_re_find(&L->s->re[RE_HEADER], L->t, text, pos, sec->end) == 1) {
        PCRE2_SIZE *ov = imrx_re_ov(L->t);
        pos = ov[1] > pos ? ov[1] : pos + 1;
        for (; counted < ov[0]; counted++) line += text[counted] == '\n';
        if (imrx_re_has(L->t, 4) && !case_e) {
            case_b = (uint32_t)ov[8], case_e = (uint32_t)ov[9];
        } else if (imrx_re_has(L->t, 5)) {
            if (dates == 6) return;
            date[dates][0] = (uint32_t)ov[10], date[dates][1] = (uint32_t)ov[11];
            line_of[dates++] = line;
        } else if (imrx_re_has(L->t, 6)) {
            if (prios++) return;
            prio[0] = (uint32_t)ov[12], prio[1] = (uint32_t)ov[13], prio_line = line;
            dates_before_priority = dates;
        }
    }
    if (dates != 5 || prios != 1) return;
    static const int side_by_side[5] = {D_ASSIGNED, D_INJURY, D_DECISION, D_UR, D_APPLICATION};
    static const int blocks[5] = {D_ASSIGNED, D_DECISION, D_INJURY, D_UR, D_APPLICATION};
    const int *slots = NULL;
    if (line_of[0] == line_of[1] && line_of[2] == line_of[3] && line_of[1] < line_of[2] &&
        line_of[4] == prio_line && line_of[3] < prio_line)
        slots = side_by_side;
    else if (dates_before_priority == 2 && line_of[0] < line_of[1] && line_of[1] < prio_line &&
             prio_line < line_of[2] && line_of[2] < line_of[3] && line_of[3] < line_of[4])
        slots = blocks;
    if (!slots) return;
    if (!case_done && case_e) set_case_number(L, case_b, case_e);
    if (!priority_done) set_priority(L, prio[0], prio[1]);
    int dated = 0;
    for (int i = 0; i < 5; i++) {
        label_t lab = {V_DATE, slots[i], 0, 0, 0, 0, 0};
        take_date(L, lab, date[i][0], date[i][1], &dated);
    }
}

/* Labels wait in a queue for the next value of their kind: this reads both the side-by-side
 * rendering (label, value, label, value) and the block one (labels..., then values...). Side by
 * side (the case number on its label's line; some copies mix the two, "Dated: 04/22/2014" then a
 * block), a date goes to a waiting label of its own line first, so that a label left empty
 * ("UR Denial Date:" with no value) takes no other label's date; it takes only a date that no
 * label of its line claims (one a conversion moved). */
void dates_read_header(letter_t *L, const imrx_section_t *sec)
{
    label_t queue[32];
    int head = 0, tail = 0;
    const char *text = L->l->text;
    size_t pos = sec->begin;
    int case_done = 0, priority_done = 0, dated_slot_from_label = 0, side_by_side = 0;
    /* Dates met before any date label waits (text tools that put a column's value before its
     * label: "10/13/2016" / "Date of Injury:"): the next date label takes the first. */
    uint32_t orphan[8][2];
    int orphans = 0, orphan_next = 0, date_labels = 0;
    /* ... and so do a case number and a priority before their labels */
    uint32_t orphan_case[2] = {0, 0}, orphan_prio[2] = {0, 0};
    uint32_t taken_below = UINT32_MAX; /* a date a label read on the line below it */
    while (pos < sec->end && imrx_re_find(&L->s->re[RE_HEADER], L->t, text, pos, sec->end) == 1) {
        PCRE2_SIZE *ov = imrx_re_ov(L->t);
        pos = ov[1] > pos ? ov[1] : pos + 1;
        if (imrx_re_has(L->t, 1) || imrx_re_has(L->t, 2) || imrx_re_has(L->t, 7)) {
            int g = imrx_re_has(L->t, 1) ? 1 : imrx_re_has(L->t, 2) ? 2 : 7;
            label_t lab = classify_label(text + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
            lab.end = (uint32_t)ov[1];
            lab.line = imrx_line_start(text, (uint32_t)ov[2 * g]);
            /* "Decision  09/19/2017" / "Date:": a label wrapped with its value on its first line,
             * whose second half alone is a label */
            if (side_by_side && g == 7 && lab.kind == V_OTHER && lab.line > sec->begin &&
                ov[15] - ov[14] == 4 && strncasecmp(text + ov[14], "Date", 4) == 0) {
                uint32_t above = imrx_line_start(text, lab.line - 1);
                if (strncasecmp(text + above, "Decision", 8) == 0 &&
                    strncasecmp(text + above, "Decision Date", 13) != 0)
                    lab.kind = V_DATE, lab.slot = D_DECISION;
            }
            date_labels += lab.kind == V_DATE;
            /* (a label wrapped over two lines, "Application / Received:" of `pdftotext -raw`,
             * has its value on the next line) */
            int wrapped = memchr(text + ov[2 * g], '\n', ov[2 * g + 1] - ov[2 * g]) != NULL;
            /* Side by side, a date label that closes its line, or that another label follows at
             * once ("Decision Date:   UR Denial Date: 11/22/2016"), lost its value to a line
             * the conversion moved: a date alone on the line below ("   12/06/2016"), a date
             * above that no label took (pushed up), or a later date that no label of its own
             * line takes (several pushed below: "05/30/2017   04/12/2017"). A label left empty
             * waits for such a date, and a label with its date beside it takes no other. */
            if (side_by_side && g != 2 && lab.kind == V_DATE && !wrapped) {
                size_t q = ov[1];
                while (q < sec->end && text[q] == ' ') q++;
                int closes = line_ends(text, ov[1], sec->end);
                int label_next =
                    q > ov[1] && q < sec->end &&
                    ((text[q] >= 'A' && text[q] <= 'Z') || (text[q] >= 'a' && text[q] <= 'z'));
                uint32_t vb, ve;
                if ((closes || label_next) && lab.slot != D_APPLICATION &&
                    date_alone_below(text, ov[1], sec->end, &vb, &ve)) {
                    take_date(L, lab, vb, ve, &dated_slot_from_label);
                    taken_below = vb;
                    continue;
                }
                if (!closes && !label_next) {
                    if (tail < 32) queue[tail++] = lab;
                    continue;
                }
            }
            if (lab.kind == V_DATE && orphan_next < orphans) {
                take_date(L, lab, orphan[orphan_next][0], orphan[orphan_next][1],
                          &dated_slot_from_label);
                orphan_next++;
                continue;
            }
            /* (only a label that closes its line: "Case Number:   CM18-0142250" takes its own,
             * and a running title above may name it too) */
            if (lab.kind == V_CASE && !case_done && orphan_case[1] &&
                line_ends(text, lab.end, sec->end)) {
                set_case_number(L, orphan_case[0], orphan_case[1]);
                case_done = 1;
                continue;
            }
            if (lab.kind == V_PRIORITY && !priority_done && orphan_prio[1] &&
                line_ends(text, lab.end, sec->end)) {
                set_priority(L, orphan_prio[0], orphan_prio[1]);
                priority_done = 1;
                continue;
            }
            if (tail < 32) queue[tail++] = lab;
            continue;
        }
        if (imrx_re_has(L->t, 3)) continue; /* "Received:" finishes "Application" */
        vkind_t kind = imrx_re_has(L->t, 4) ? V_CASE : imrx_re_has(L->t, 5) ? V_DATE : V_PRIORITY;
        int g = kind == V_CASE ? 4 : kind == V_DATE ? 5 : 6;
        uint32_t b = (uint32_t)ov[2 * g], e = (uint32_t)ov[2 * g + 1];
        if (kind == V_DATE && b == taken_below) continue; /* a label above has it */
        /* The first waiting label of this kind takes the value; labels of other kinds that
         * came before it keep waiting (the block rendering interleaves kinds). */
        int k = head;
        if (side_by_side && kind == V_DATE) { /* a label of the value's own line first */
            uint32_t line = imrx_line_start(text, b);
            while (k < tail && !(queue[k].kind == V_DATE && queue[k].line == line)) k++;
            if (k == tail) k = head;
        }
        while (k < tail && queue[k].kind != kind) k++;
        if (k >= tail) { /* a value without a label: not a header field, or its label's after */
            if (kind == V_DATE && orphans < 8) orphan[orphans][0] = b, orphan[orphans++][1] = e;
            /* (the last one before the label: a running header may repeat the case number) */
            if (kind == V_CASE) orphan_case[0] = b, orphan_case[1] = e;
            if (kind == V_PRIORITY && !orphan_prio[1]) orphan_prio[0] = b, orphan_prio[1] = e;
            continue;
        }
        label_t lab = queue[k];
        memmove(&queue[k], &queue[k + 1], (size_t)(tail - k - 1) * sizeof queue[0]);
        tail--;
        if (kind == V_CASE && !memchr(text + lab.end, '\n', b > lab.end ? b - lab.end : 0))
            side_by_side = 1;
        if (kind == V_CASE && !case_done) {
            set_case_number(L, b, e);
            case_done = 1;
        } else if (kind == V_PRIORITY && !priority_done) {
            set_priority(L, b, e);
            priority_done = 1;
        } else if (kind == V_DATE) {
            take_date(L, lab, b, e, &dated_slot_from_label);
        }
        (void)head;
    }
    if (!date_labels) read_header_by_position(L, sec, case_done, priority_done);
}
