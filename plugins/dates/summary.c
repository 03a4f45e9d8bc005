/* The dates the case summary tells: the date of injury, the UR decision under review, and each
 * dated clinical event. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"

/* The summary's date of injury: stated as such, or told by what happened ("fell from a ladder on
 * 06/05/2012"). The first such date in the summary is taken. "injury to the back and neck on",
 * "an industrial injury that occurred on", "date of injury (DOI) of"; "the injured worker ...
 * on" is no injury told. */
const char dates_re_narrative_injury[] =
    "(?:\\b(?:sustained|suffered|reported|had|incurred|with|for)\\s+(?:an?\\s+|the\\s+)?(?:(?:"
    "industrial|work|occupational|work[- ]related|industrial[- "
    "]?work|specific|cumulative|continuous|"
    "trauma|reported|alleged)\\s+)*(?:(?-i:[a-z][a-z-]+)\\s+)?(?:injury|injuries)"
    /* "injury to the back and neck on", "a crush injury of the left foot on" */
    "(?:\\s+(?:to|involving|of)\\s+[^.;]{1,80}?(?=\\s+(?:on|dated|through)\\s))?"
    "(?:\\s+(?:that|which)\\s+(?:occurred|happened|took\\s+place))?"
    "\\s+(?:date\\s+)?(?:(?:on|dated|of|in|through|(?:reported|given|listed)\\s+as)\\s+)?"
    "(?:or\\s+about\\s+)?"
    "|\\b(?:date\\s+of\\s+(?:injury|loss)|injury\\s+date|DOI|D/"
    /* "DOI per the Doctor's First Report: 10/12/2015" */
    "I)(?:\\s*\\(DOI\\))?(?:\\s+(?:per|according\\s+to)\\s+[^.;:]{1,60}?)?\\s*(?:of|on|was|is|:)?"
    "\\s*"
    "(?:(?:given|listed|reported|noted|recorded)\\s+)?(?:as\\s+|on\\s+)?"
    "|\\b(?:occupational|industrial|outpatient|work|workers'?\\s+compensation)\\s+(?:injury\\s+)?"
    "claim"
    "\\s+(?:from|of|on|dated)\\s+"
    "|\\b(?:was|were|got)\\s+injured\\s+(?:at\\s+work\\s+)?on\\s+(?:or\\s+about\\s+)?"
    /* (not a score that fell: "Her PTSD Checklist score fell from 62 to 48") */
    "|\\b(?:fell(?!\\s+(?:from|to|by)\\s+\\d)|slipped|tripped|injured(?!\\s+(?:worker|employee|"
    "patient|"
    "party))|hurt|twisted|"
    "strained|sprained|struck|hit|lifting|lifted|"
    "pulling|pushing|crushed|caught|collided|assaulted|attacked|bitten|lacerated|felt\\s+a\\s+pop|"
    /* (not an earlier one: "a history of a prior robbery at a different hotel on 06/14/2020") */
    "(?<!prior\\s)(?<!previous\\s)(?<!earlier\\s)(?:robbery|accident|altercation|explosion)|robbed|"
    "gunpoint|"
    "motor\\s+vehicle\\s+(?:accident|collision)|was\\s+involved|developed|began\\s+to\\s+have|"
    /* (not an operation's date after it: "developed neck pain ... and underwent a fusion on") */
    "reported\\s+(?:the\\s+)?(?:onset|pain|symptoms|numbness))\\b(?:(?!underwent\\b)[^.;]){0,140}?"
    "\\bon\\s+"
    "(?:or\\s+about\\s+)?"
    /* "robbed at gunpoint ... on the afternoon of March 14, 2013" */
    "(?:the\\s+(?:morning|afternoon|evening|night)\\s+of\\s+)?"
    "|\\b(?:cumulative|continuous)\\s+trauma\\s+(?:period\\s+|claim\\s+)?(?:through|to|ending|"
    "ending\\s+on)\\s+"
    /* "alleges cumulative trauma to both feet and the left ankle from 09/2013 to 09/09/2016":
     * the period's end */
    "|\\b(?:cumulative|continuous)\\s+trauma\\b(?:(?!\\s(?:date|injury)\\b)[^.;]){0,80}?\\bfrom\\s+"
    "[^.;]{1,20}?\\s+(?:to|through|until|thru)\\s+"

    /* copied records: "Injured 1/2/14 lifting boxes", "Pt injured 01-02-14", "Industrial injury
     * 1/2/2014." */
    "|\\b(?:injured|(?:industrial|work|occupational)\\s+injury)\\s+(?=\\d)"
    /* "associated with an industrial motor vehicle accident of November 21, 2014" */
    "|\\b(?:accident|incident|collision)\\s+(?:of|dated)\\s+"
    /* "The industrial injury dates to 2/5/2001", "after a workplace fall on 2/5/2001" */
    "|\\b(?:injury|injuries)\\s+dates?\\s+(?:back\\s+)?(?:to|from)\\s+"
    "|\\b(?:workplace|work|work-related|industrial|on-the-job)\\s+(?:fall|incident)\\s+(?:on|of)"
    "\\s+"
    ")" DATE_OR_JOINED;

/* Every alternative above begins at a word start with one of these words. */
static const char *const injury_words[] = {
    "sustained",    "suffered",   "reported",    "had",       "incurred",
    "with",         "for",        "date",        "injury",    "doi",
    "occupational", "industrial", "outpatient",  "work",      "was",
    "were",         "got",        "fell",        "slipped",   "tripped",
    "injured",      "hurt",       "twisted",     "strained",  "sprained",
    "struck",       "hit",        "lifting",     "lifted",    "pulling",
    "pushing",      "crushed",    "caught",      "collided",  "assaulted",
    "attacked",     "bitten",     "lacerated",   "felt",      "motor",
    "developed",    "began",      "cumulative",  "robbery",   "robbed",
    "gunpoint",     "accident",   "altercation", "explosion", "incident",
    "collision",    "d/i",        "continuous",  "injuries",  "on",
    "since",        "following",  "after",       NULL};
static const imrx_re_keys_t injury_keys = {injury_words, 0, 0};

/* Weaker statements of the injury, read only when the summary names no date of injury the
 * strong way and does not name the header's: "His industrial injury occurred 02/05/2001", "a
 * work injury of 2/5/01", "On 2-5-2001, while unloading bags, he felt a pop". (A summary that
 * names the header's date tells the injury there: "injuries on a cumulative trauma basis from
 * 06-01-2005 to 06-30-2015 ..., in addition to a specific injury on 02-11-2014".) */
const char dates_re_narrative_injury_weak[] =
    "(?:"
    /* "His industrial injury occurred 02/05/2001", "The injury happened on February 5th, 2001",
     * "a work injury of 2/5/01", "an injury on or about 2/5/2001", "The mechanism of injury on
     * 2/5/2001 was a fall" */
    "\\b(?:injury|injuries)\\s+(?:(?:occurred|happened|took\\s+place)\\s+(?:on\\s+)?|(?:of|dated|"
    "on)"
    "\\s+)(?:or\\s+about\\s+)?"
    /* the date before the sentence tells the injury: "On 2-5-2001, while unloading bags, he felt
     * a pop in his back", "He was working as a framer on 2/5/2001 when a wall fell on him" */
    "|\\bon\\s+(?=[^;]{6,20}?,?\\s+(?:while|when)\\b[^.;]{0,120}?\\b(?:fell|slipped|tripped|"
    "injured|"
    "hurt|twisted|strained|felt\\s+a\\s+pop|struck|lifting|lifted|pulling|pushing|caught|crushed|"
    "collided|assaulted|attacked|bitten|fell)\\b)"
    /* "She has been followed since her 2/5/2001 injury" */
    "|\\b(?:since|following|after)\\s+(?:his|her|the|their)\\s+(?=[^,;]{6,20}?\\s+(?:(?:industrial|"
    "work|work[- ]related|occupational)\\s+)?injury\\b)"
    "|\\b(?:accident|incident|collision)\\s+on\\s+"
    /* "On 4/7/2009 he jumped down from the cab of a loader", "On July 13, 2014 her bus was
     * struck from behind" */
    "|\\bon\\s+(?=[^;]{6,20}?,?\\s+(?:he|she|they|(?:his|her|their)\\s+[a-z]+)\\s+(?:jumped|fell|"
    "slipped|tripped|twisted|"
    "injured|hurt|strained|lifted|felt\\s+a\\s+pop|was\\s+(?:struck|hit|injured|hurt|crushed|"
    "assaulted|rear-ended|broadsided))\\b)"
    /* "On or about 6/17/2013 a hedge trimmer he was using kicked back": a sentence that opens
     * with "On or about" and a date, the way claims state a date of injury */
    "|(?:(?<=[.]\\s)|(?<=[.]\\s\\s)|(?<=\\n)|^)(?-i:O)n\\s+or\\s+about\\s+"
    /* "On 6-16-2018 he was pulling cable through an attic crawl space and developed neck pain" */
    "|\\bon\\s+(?=[^;]{6,20}?,?\\s+(?:he|she|they)\\s+(?:was|were)\\s+(?:pulling|lifting|pushing|"
    "carrying|"
    "moving|climbing|unloading|loading|reaching|bending)\\b[^.;]{0,120}?\\b(?:felt|developed|"
    "injured|hurt|"
    "strained|twisted|fell|slipped|noticed)\\b)"
    /* "on 2-2-2019 a shoplifter she confronted at the register shoved her into the counter", "on
     * the 20th of December, 2020, two men stopped him at gunpoint" */
    "|\\bon\\s+(?=[^;]{6,30}?,?\\s+(?:a|an|the|two|three)\\s+[^.;]{1,60}?(?:\\b(?:shoved|struck|"
    "hit|attacked|assaulted|punched|kicked|stabbed|shot|robbed|pushed)\\s+(?:him|her)\\b|\\s(?:him|"
    "her)\\s+at\\s+(?:gun|knife)point\\b))"
    /* "She was hurt on the evening shift of 02/26/2017" */
    "|\\b(?:was|were)\\s+(?:hurt|injured)\\b[^.;]{0,60}?\\b(?:of|on)\\s+"
    ")" DATE_OR_JOINED
    /* a date in words: "whose date of injury is recorded as the second of October, 2017" */
    /* ... "slipped on a greasy kitchen floor on the 23rd of January, 2013" */
    "|\\b(?:injury|injured|hurt|fell|slipped|tripped|twisted|struck|strained|sprained)\\b[^.;]{0,"
    "40}?"
    "\\b(?:as|on|of)\\s+((?:the\\s+)?(?:(?:twenty|thirty)"
    "-)?"
    "(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    "thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    "thirtieth|\\d{1,2}(?:st|nd|rd|th)?)\\s+(?:day\\s+)?of\\s+"
    "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?,?\\s+\\d{4})";

static const char *const injury_weak_words[] = {
    "injury",   "injuries",  "on",      "since",  "following", "after",    "accident",
    "incident", "collision", "was",     "were",   "hurt",      "injured",  "fell",
    "slipped",  "tripped",   "twisted", "struck", "strained",  "sprained", NULL};
static const imrx_re_keys_t injury_weak_keys = {injury_weak_words, 0, 0};

/* The summary's UR decision date (the last such mention is the decision under review): a date
 * right after the review is named ("The original utilization review (12-01-2016)", "The UR
 * documentation dated 11-30-16", "The prior review, dated 12/05/2016"), a review said to have
 * acted on a date ("Utilization review denied the request on 02/18/2014"), or a sentence that
 * starts with the date and ends with the review ("On 11-3-16, utilization review determined",
 * "On December 29, 2016, a request ... was denied by utilization review"). The day a review
 * received the request is not its decision ("Utilization review received the request on 07/05
 * and issued a denial letter dated 07/10"). */
/* After "On <date>": not the date of a request ("On 06/02/2014 the treating chiropractor
 * requested 6 sessions, which was denied by utilization review"). */
#define NOT_A_REQUEST                                                                              \
    "(?!,?\\s+(?:the\\s+)?(?:treating\\s+|primary\\s+|attending\\s+|[a-z-]+\\s+)?(?:physician|"    \
    "doctor|"                                                                                      \
    "provider|surgeon|chiropractor|therapist|psychologist|psychiatrist|PTP|[a-z]+ist)\\s+"         \
    "(?:requested|submitted|asked|ordered|recommended|prescribed)\\b)"

const char dates_re_narrative_ur[] =
    "(?:\\b(?:\\bUR\\b|utilization\\s+review(?:er)?|peer\\s+review|(?:determination|decision)\\s+(?"
    ":"
    "letter|date)"
    "|"
    "non-?certification|"
    "(?:prior|previous|original|adverse)\\s+(?:review|denial|determination|decision))(?:[\\s,]+(?!"
    "on\\b|dated\\b|received\\b)\\(?[A-Za-z][A-Za-z'-]*\\)?){0,5}?[\\s,(]*("
    "?:"
    "dated\\s+|"
    "on\\s+|of\\s+|was\\s+on\\s+|performed\\s+on\\s+|issued\\s+on\\s+)?\\(?" DATE_OR_JOINED
    "|\\b(?:\\bUR\\b|utilization\\s+review|claims\\s+administrator)(?:[^.;]|(?<=\\bDr)\\.|"
    "(?<=\\d)\\.(?=\\d)){0,40}?"
    "\\b(?:non-?"
    "certified|"
    "denied|modified|determined|reviewed|rejected|declined\\s+to\\s+(?:certify|authorize|approve)|"
    /* "The claims administrator approved 6 of the therapy sessions on 2/4/2014" */
    "approved|certified|authorized|"
    "(?:issued|rendered|made)\\s+(?:an?\\s+)?(?:"
    "denial|"
    "non-?certification|adverse\\s+determination))[^.;]{0,80}?"
    /* "... non-certified both requests in a letter dated 09/29/2015" */
    "(?:\\bon|\\b(?:letter|determination|decision|report|notice)\\s+(?:dated|of))"
    "\\s+" DATE_OR_JOINED
    /* "In a report dated 4-27-2018 utilization review approved ...": the review, right after
     * the date, is what the report was */
    "|\\b(?:report|letter|review)\\s+(?:dated|completed|issued|signed)\\s+(?:on\\s+)"
    "?" DATE_OR_JOINED
    ",?\\s+(?:the\\s+)?(?:\\bUR\\b|utilization\\s+review(?:er)?|claims\\s+administrator)\\b"
    /* "In a determination dated 10-16-2017, utilization review allowed ...", "In a
     * determination issued on November 1st, 2021, utilization review non-certified" */
    /* ... "In its review of 02/24/2015, utilization review non-certified" */
    "|\\b(?:determination|decision|(?<=\\bits\\s)review)\\s+(?:(?:issued|made|rendered|sent)\\s+)?("
    "?:dated|of|on)"
    "\\s+" DATE_OR_JOINED ",?\\s+[^.;]{0,200}?(?:\\bUR\\b|utilization\\s+"
    "review|the\\s+claims\\s+administrator)"
    "|\\bon\\s+" DATE_OR_JOINED NOT_A_REQUEST
    ",?\\s+[^.;]{0,200}?(?:\\bUR\\b|utilization\\s+review|the\\s+claims\\s+"
    "administrator|\\b(?:prior|previous|original|adverse|second|subsequent)\\s+(?:review|"
    "determination|decision))"
    /* "On 12-14-2016, the Percocet was modified to #90 and the Skelaxin was non-certified": a
     * sentence that opens with the date ("The request ... provided on 11/14/2016 was
     * non-certified" dates what was provided) */
    "|(?<![\\w,]\\s)(?<![\\w,]\\s\\s)\\b(?-i:O)n\\s+" DATE_OR_JOINED NOT_A_REQUEST
    ",?\\s+(?!(?:the\\s+)?claim\\b)[^.;]{0,120}?\\b(?:was|were)\\s+(?:(?:again|partially|"
    "subsequently)\\s+)?(?:non-?certified|modified|denied|(?:reviewed\\s+and\\s+)?not\\s+(?:"
    "approved|certified|authorized))\\b"
    "|\\b(?:previously|was|were)\\s+(?:reviewed|denied|non-?certified|modified|not\\s+(?:"
    "authorized|certified|approved)|adversely\\s+determined|partially\\s+(?:certified|approved|"
    "authorized))\\s+(?:(?:in|at|by)\\s+(?:utilization\\s+review|UR)\\s+)?(?:on\\s+)"
    "?" DATE_OR_JOINED
    /* "Utilization review has addressed his therapy three times. On 10-1-2015 it certified
     * ...; and on 3-24-2016, in the decision now under review, it authorized 4 of 12": a
     * review told as "it" */
    "|\\bon\\s+" DATE_OR_JOINED
    ",?\\s+(?:[^.;]{0,60}?,\\s+)?it\\s+(?:authorized|certified|modified|"
    "non-?certified|denied|approved)\\b"
    /* "The claims administrator, in a decision dated 9/14/2015, denied ..." */
    "|\\b(?:\\bUR\\b|utilization\\s+review(?:er)?|claims\\s+administrator),?\\s+in\\s+(?:a|an|its|"
    "the)\\s+"
    "(?:decision|determination|letter|report|notice)\\s+dated\\s+" DATE_OR_JOINED
    /* "The carrier's reviewer denied the program on 9/14/2015" */
    "|\\b(?:carrier|insurer)'?s\\s+(?:physician\\s+)?reviewer\\s+(?:non-?certified|denied|"
    "modified)[^.;]{0,80}?\\bon\\s+" DATE_OR_JOINED
    "|\\b(?:decision\\s+date|UR\\s+denial)\\s+of\\s+" DATE_OR_JOINED
    /* "The 8/11/14 utilization review non-certified the kit": the review, after a date (the
     * last group, the review's words: date_group reads the date before them) */
    "|(?<=\\d\\s)(\\bUR\\b|utilization\\s+review)(?!\\s+(?:request|process))\\b"
    /* "In a review dated 12/19/13, a physician board certified in ... non-certified both" */
    "|\\breview\\s+dated\\s+" DATE_OR_JOINED ",?\\s+[^.;]{0,100}?\\b(?:non-?certified|denied|"
    "modified)\\b"
    ")";

/* Every alternative above begins at a word start with one of these whole words. */
static const char *const ur_words[] = {
    "ur",  "utilization",      "prior",  "previous", "original", "adverse",       "claims",
    "on",  "previously",       "was",    "decision", "peer",     "determination", "were",
    "non", "noncertification", "report", "letter",   "carrier",  "insurer",       "review",
    NULL};
static const imrx_re_keys_t ur_keys = {ur_words, 0, 1};

/* Any date in the summary, for the list of clinical events. */
const char dates_re_any_date[] = "\\b" DATE;

/* The last group of the match that took part: patterns with alternatives put the date in one
 * group per alternative. */
static int date_group(const char *text, imrx_re_scratch_t *t, uint32_t *b, uint32_t *e)
{
    PCRE2_SIZE *ov = imrx_re_ov(t);
    for (int g = 19; g >= 1; g--) {
        if (!imrx_re_has(t, g)) continue;
        *b = (uint32_t)ov[2 * g];
        *e = (uint32_t)ov[2 * g + 1];
        if (text[*b] == 'u' || text[*b] == 'U') {
            /* the review after a date ("The 8/11/14 utilization review"): the token before it
             * (no date begins with a u) */
            uint32_t q = *b;
            while (q > 0 && (text[q - 1] == ' ' || text[q - 1] == '\n')) q--;
            *e = q;
            while (q > 0 && ((text[q - 1] >= '0' && text[q - 1] <= '9') || text[q - 1] == '/' ||
                             text[q - 1] == '-' || text[q - 1] == '.'))
                q--;
            *b = q;
            return *b < *e;
        }
        return 1;
    }
    return 0;
}

static int same_date(const imrx_date_t *a, const imrx_date_t *b)
{
    return a->year == b->year && a->month == b->month && a->day == b->day;
}

/* Classifies a clinical event by the words of its sentence. What the sentence is about comes
 * first: a review or a request of an MRI is a review or a request, not imaging. */
static const char *event_kind(const char *s, size_t n)
{
    static const struct {
        const char *word, *kind;
    } words[] = {
        {"utilization review", "utilization_review"},
        {"prior determination", "utilization_review"},
        {"previous determination", "utilization_review"},
        {"prior denial", "utilization_review"},
        {"previous denial", "utilization_review"},
        {"non-certif", "utilization_review"},
        {"noncertif", "utilization_review"},
        {"peer review", "utilization_review"},
        {" ur ", "utilization_review"}, /* the abbreviation, a word of its own */
        {"(ur)", "utilization_review"},
        {"request for authorization", "request"},
        {" rfa", "request"}, /* not "surface" */
        {"(rfa", "request"},
        {"mri", "imaging"},
        {"x-ray", "imaging"},
        {"radiograph", "imaging"},
        {"ct scan", "imaging"},
        {"ultrasound", "imaging"},
        {"emg", "diagnostic"},
        {"nerve conduction", "diagnostic"},
        {"urine drug", "diagnostic"},
        {"surgery", "procedure"},
        {"arthroscop", "procedure"},
        {"injection", "procedure"},
        {"fusion", "procedure"},
        {"repair", "procedure"},
        {"block", "procedure"},
        {"evaluat", "visit"},
        {"progress", "visit"},
        {"visit", "visit"},
        {"seen", "visit"},
        {"presented", "visit"},
        {"examin", "visit"},
        {"follow", "visit"},
        {"report", "visit"},
        {"complain", "visit"},
        {"note", "visit"},
    };
    /* lower case, line breaks as spaces, a space before and after: " ur " finds the word at
     * either end too */
    char low[400];
    size_t k = n < sizeof low - 3 ? n : sizeof low - 3;
    low[0] = ' ';
    for (size_t i = 0; i < k; i++) {
        char c = s[i] == '\n' ? ' ' : s[i];
        low[i + 1] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
    low[k + 1] = ' ';
    low[k + 2] = '\0';
    int i =
        imrx_text_first_listed(low, k + 2, words, sizeof words / sizeof words[0], sizeof words[0]);
    if (i >= 0) return words[i].kind;
    return "other";
}

/* Tries `\b DATE` anchored at p (when p >= pos). */
static int date_at(letter_t *L, const char *text, size_t pos, size_t p, size_t end)
{
    return p >= pos && imrx_re_at(&L->s->re[RE_ANY], L->t, text, p, end) == 1;
}

/* The same search as imrx_re_find with RE_ANY (`\b DATE`, leftmost match from pos), without
 * scanning every position: a match starts either at a run of digits that follows a non-word
 * character (10/13/2016), or at a word that ends just before such a run, past spaces and a
 * period (October 13, 2016: the month's letters, which caseless UTF matching lets include
 * U+017F and U+212A). Those candidates are tried anchored, in order. */
static int next_date(letter_t *L, const char *text, size_t pos, size_t end)
{
    for (size_t d = pos; d < end; d++) {
        unsigned char c = (unsigned char)text[d];
        if (c < '0' || c > '9' || (d > 0 && imrx_text_word_char((unsigned char)text[d - 1])))
            continue;
        size_t ws = d;
        while (ws > 0 && imrx_text_space_char((unsigned char)text[ws - 1])) ws--;
        if (ws < d) {
            size_t w = ws;
            if (w > 0 && text[w - 1] == '.') w--;
            size_t letters_end = w;
            for (;;) {
                unsigned char b = w > 0 ? (unsigned char)text[w - 1] : 0;
                if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z'))
                    w--;
                else if (w >= 2 && (unsigned char)text[w - 2] == 0xC5 && b == 0xBF)
                    w -= 2; /* U+017F */
                else if (w >= 3 && (unsigned char)text[w - 3] == 0xE2 &&
                         (unsigned char)text[w - 2] == 0x84 && b == 0xAA)
                    w -= 3; /* U+212A */
                else
                    break;
            }
            /* every word start in the run, in order (after U+017F or U+212A \b holds too) */
            for (size_t q = w; q < letters_end; q++) {
                unsigned char a = (unsigned char)text[q];
                int letter = (a >= 'a' && a <= 'z') || (a >= 'A' && a <= 'Z');
                if (letter && (q == 0 || !imrx_text_word_char((unsigned char)text[q - 1])) &&
                    date_at(L, text, pos, q, end))
                    return 1;
            }
        }
        if (date_at(L, text, pos, d, end)) return 1;
        while (d + 1 < end && text[d + 1] >= '0' && text[d + 1] <= '9') d++;
    }
    return 0;
}

/* The next date of text[*pos..end) that reads as one: its place in *b, *e and its value in *d;
 * *pos moves past it. 0 when none is left. */
static int next_summary_date(letter_t *L, size_t *pos, size_t end, uint32_t *b, uint32_t *e,
                             imrx_date_t *d)
{
    const char *text = L->l->text;
    while (*pos < end && next_date(L, text, *pos, end)) {
        PCRE2_SIZE *ov = imrx_re_ov(L->t);
        *b = (uint32_t)ov[2], *e = (uint32_t)ov[3];
        *pos = ov[1];
        if (dates_parse(text + *b, *e - *b, L->ref_year, d)) return 1;
    }
    return 0;
}

static void read_events(letter_t *L, const imrx_section_t *sec)
{
    const char *text = L->l->text;
    imrx_node_t events = IMRX_NODE_NONE;
    size_t pos = sec->begin;
    uint32_t b, e;
    imrx_date_t d;
    while (next_summary_date(L, &pos, sec->end, &b, &e, &d)) {
        /* The sentence around the date tells what happened. */
        uint32_t sb = b, se = e;
        while (sb > sec->begin && !(text[sb - 1] == '.' && (text[sb] == ' ' || text[sb] == '\n')))
            sb--;
        while (se < sec->end && !(text[se] == '.' && (se + 1 >= sec->end || text[se + 1] == ' ' ||
                                                      text[se + 1] == '\n')))
            se++;
        if (events == IMRX_NODE_NONE)
            events = dates_api->array(L->ctx, dates_api->root(L->ctx), "clinical_events");
        imrx_node_t ev = dates_api->object(L->ctx, events, NULL);
        if (ev == IMRX_NODE_NONE) return;
        char iso[11];
        imrx_date_iso(&d, iso);
        dates_api->set_string(L->ctx, ev, "date", iso, 10, imrx_span(b, e));
        const char *kind = event_kind(text + sb, se - sb);
        dates_api->set_string(L->ctx, ev, "kind", kind, strlen(kind), imrx_span(sb, se));
        dates_api->set_span(L->ctx, ev, imrx_span(sb, se));
    }
}

/* Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil). */
static long day_number(const imrx_date_t *d)
{
    long y = d->year - (d->month <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long mp = (d->month + 9) % 12;
    long doy = (153 * mp + 2) / 5 + d->day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* Can the UR decision dated d be the one under review? Not when the header dates that one
 * months away: a summary that recounts an earlier review ("non-certified at utilization review
 * on 12-4-2017, and that denial was upheld at Independent Medical Review") and leaves the
 * present one undated names only the earlier. */
static int ur_date_fits(const letter_t *L, const imrx_date_t *d)
{
    if (!L->have[D_UR]) return 1;
    long gap = day_number(d) - day_number(&L->header[D_UR]);
    return gap > -60 && gap < 60;
}

/* Is d the header's UR denial date? A summary that dates the review under review and an
 * earlier one ("On 2/26/18 utilization review non-certified the request. An earlier
 * utilization review, dated 2/12/18, had certified ...") names the one under review with the
 * header's date: that one wins over a later mention. */
static int is_header_ur(const letter_t *L, const imrx_date_t *d)
{
    return L->have[D_UR] && same_date(d, &L->header[D_UR]);
}

/* The summary's last UR mention with a date that reads (or the last with the header's date),
 * searched forward: every place the
 * pattern matches, each from the place after the one before ("On <request date>, ...
 * non-certified by utilization review on <date>" holds two, and the later is the decision). */
static void last_ur_date_forward(letter_t *L, const imrx_section_t *sec, uint32_t *ub, uint32_t *ue)
{
    const char *text = L->l->text;
    uint32_t b, e;
    imrx_date_t d;
    size_t pos = sec->begin;
    int header_seen = 0;
    while (pos < sec->end && imrx_re_find(&L->s->re[RE_UR], L->t, text, pos, sec->end) == 1) {
        pos = (uint32_t)imrx_re_ov(L->t)[0] + 1;
        if (date_group(text, L->t, &b, &e) && dates_parse(text + b, e - b, L->ref_year, &d) &&
            ur_date_fits(L, &d)) {
            int header = is_header_ur(L, &d);
            if (header || !header_seen) *ub = b, *ue = e;
            header_seen |= header;
        }
    }
}

/* The same answer from the end: a match can begin only at a key word, so those places are
 * tried from the last until one holds a date that reads (most summaries name the decision under
 * review near their end). */
static void last_ur_date(letter_t *L, const imrx_section_t *sec, uint32_t *ub, uint32_t *ue)
{
    const char *text = L->l->text;
    size_t at[512];
    size_t n = imrx_re_key_starts(&ur_keys, text, sec->begin, sec->end, at, 512);
    if (n == SIZE_MAX) {
        last_ur_date_forward(L, sec, ub, ue);
        return;
    }
    uint32_t b, e;
    imrx_date_t d;
    int found = 0;
    for (size_t i = n; i-- > 0;) {
        if (imrx_re_at(&L->s->re[RE_UR], L->t, text, at[i], sec->end) == 1 &&
            date_group(text, L->t, &b, &e) && dates_parse(text + b, e - b, L->ref_year, &d) &&
            ur_date_fits(L, &d)) {
            if (!found) *ub = b, *ue = e;
            found = 1;
            if (!L->have[D_UR]) break;
            if (is_header_ur(L, &d)) { /* (the last with the header's date) */
                *ub = b, *ue = e;
                break;
            }
        }
    }
    if (L->s->re[RE_UR].verify) { /* IMRX_RE_VERIFY: the forward search must agree */
        uint32_t fb = 0, fe = 0;
        last_ur_date_forward(L, sec, &fb, &fe);
        if (fb != *ub || fe != *ue) {
            fprintf(stderr,
                    "imrx: dates: last UR date from the end (%u-%u) differs from the "
                    "forward search (%u-%u)\n",
                    (unsigned)*ub, (unsigned)*ue, (unsigned)fb, (unsigned)fe);
            abort();
        }
    }
}

/* A summary that tells the injury without a cue ("On August 3, 2012 she was moving a resident
 * when ...", "held at gunpoint during a robbery of her store on 09/14/2016") still dates it: the
 * first date of the summary that is the header's date of injury. Its place in [*b, *e), or 0. */
static int header_injury_told(letter_t *L, const imrx_section_t *sec, uint32_t *b, uint32_t *e)
{
    size_t pos = sec->begin;
    imrx_date_t d;
    while (next_summary_date(L, &pos, sec->end, b, e, &d))
        if (same_date(&d, &L->header[D_INJURY])) return 1;
    return 0;
}

static void read_narrative(letter_t *L, const imrx_section_t *sec)
{
    const char *text = L->l->text;
    imrx_node_t narr = dates_api->object(L->ctx, dates_api->root(L->ctx), "dates_in_narrative");
    imrx_date_t d;
    uint32_t b = 0, e = 0;
    /* The first statement of the date of injury; it comes early in every summary. Without one,
     * the header's date where the summary names it, else a weaker statement. */
    int found = imrx_re_find_keyed(&L->s->re[RE_INJURY], &injury_keys, L->t, text, sec->begin,
                                   sec->end) == 1 &&
                date_group(text, L->t, &b, &e);
    /* A worker with several injuries: the claim's is the one the header dates, when the
     * summary tells that date too ("On 6-3-2011 she was in a car accident ... On January 9,
     * 2013, the date of injury for this claim, she ...") */
    imrx_date_t first;
    uint32_t hb, he;
    int other_first = found && L->have[D_INJURY] &&
                      dates_parse(text + b, e - b, L->ref_year, &first) &&
                      !same_date(&first, &L->header[D_INJURY]);
    /* ... or when a later statement of an injury dates it ("an injury to the left shoulder on
     * 10-19-2009 ..., and an injury to the neck on April 2, 2012": the header's claim is the
     * second) */
    for (size_t pos = e;
         other_first && pos < sec->end &&
         imrx_re_find_keyed(&L->s->re[RE_INJURY], &injury_keys, L->t, text, pos, sec->end) == 1;) {
        uint32_t nb, ne;
        imrx_date_t d2;
        pos = imrx_re_ov(L->t)[1];
        if (date_group(text, L->t, &nb, &ne) && dates_parse(text + nb, ne - nb, L->ref_year, &d2) &&
            same_date(&d2, &L->header[D_INJURY])) {
            b = nb, e = ne, other_first = 0;
        }
    }
    if (other_first && header_injury_told(L, sec, &hb, &he)) {
        /* (told as the claim's injury, not as another event of that day) */
        uint32_t lo = hb > sec->begin + 60 ? hb - 60 : sec->begin;
        uint32_t hi = he + 60 < sec->end ? he + 60 : sec->end;
        if (imrx_text_find(text, lo, hi, "injur") < hi &&
            imrx_text_find(text, lo, hi, "claim") < hi)
            b = hb, e = he;
    }
    int cued = found && dates_emit(L, narr, "injury", b, e, &d);
    if (!cued && L->have[D_INJURY] && header_injury_told(L, sec, &hb, &he)) {
        dates_emit(L, narr, "injury", hb, he, NULL);
    } else if (!cued) {
        cued = imrx_re_find_keyed(&L->s->re[RE_INJURY_WEAK], &injury_weak_keys, L->t, text,
                                  sec->begin, sec->end) == 1 &&
               date_group(text, L->t, &b, &e) && dates_emit(L, narr, "injury", b, e, &d);
        if (!cued) dates_api->set_null(L->ctx, narr, "injury");
    }
    if (cued && L->have[D_INJURY] && !same_date(&d, &L->header[D_INJURY]))
        dates_api->warn(L->ctx, imrx_span(b, e),
                        "header and narrative disagree on the date of injury (%04d-%02d-%02d in "
                        "the header)",
                        L->header[D_INJURY].year, L->header[D_INJURY].month,
                        L->header[D_INJURY].day);
    /* The last UR decision the summary dates is the one under review. */
    uint32_t ub = 0, ue = 0;
    last_ur_date(L, sec, &ub, &ue);
    if (ue > ub)
        dates_emit(L, narr, "ur_decision", ub, ue, NULL);
    else
        dates_api->set_null(L->ctx, narr, "ur_decision");
}

void dates_read_summary(letter_t *L, const imrx_section_t *sec)
{
    read_narrative(L, sec);
    read_events(L, sec);
}
