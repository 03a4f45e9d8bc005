/* The layouts imrx knows, as data: one row per heading. A new layout is new rows here (and a
 * paragraph in docs/layouts.md); no plugin changes. Rows of a layout are in the order the
 * sections appear in a well-formed letter, which is how "out of order" is judged.
 *
 * Weights: a heading that only this layout has counts 3; one shared with another layout 1. A
 * layout needs a score of at least 3 from two different headings to be recognised. */
#include "layout/layout.h"

#define WS "\\s+"
/* A heading ends its line, or a conversion joined its lead-in sentence to it ("CLINICAL CASE
 * SUMMARY The expert reviewer developed ..."): the section starts at the sentence. */
#define JOINED(lead) "(?:[ ]*$|[ ]+(?=" lead "))"

const imrx_heading_rule_t imrx_heading_rules[] = {
    /* Layout A: "Case Number" header, 2015 onward (also headerless copies). */
    {"A", NULL, "Case Number:", 2, 0},
    {"A", "reviewer",
     "HOW" WS "THE" WS "IMR" WS "FINAL" WS "DETERMINATION" WS "WAS" WS
     "MADE" JOINED("MAXIMUS" WS "Federal"),
     1, IMRX_H_REQUIRED},
    {"A", "summary", "CLINICAL" WS "CASE" WS "SUMMARY" JOINED("(?-i:[A-Z][a-z])"), 1,
     IMRX_H_REQUIRED},
    {"A", "decisions",
     "IMR ISSUES," WS "DECISIONS" WS "AND" WS
     "RATIONALES" JOINED("The" WS "Final" WS "Determination"),
     3, IMRX_H_REQUIRED},

    /* Layout B: "MAXIMUS FEDERAL SERVICES, INC. / Independent Medical Review", 2013-2014. */
    {"B", NULL, "MAXIMUS FEDERAL SERVICES,? INC\\.?[ ]*$", 1, 0},
    {"B", NULL, "Independent Medical Review[ ]*$", 2, 0},
    {"B", NULL, "Final Determination:", 1, 0},
    {"B", "reviewer",
     "HOW" WS "THE" WS "IMR" WS "FINAL" WS "DETERMINATION" WS "WAS" WS
     "MADE" JOINED("MAXIMUS" WS "Federal"),
     1, IMRX_H_REQUIRED},
    {"B", "documents", "DOCUMENTS REVIEWED[ ]*$", 2, 0},
    {"B", "summary", "CLINICAL" WS "CASE" WS "SUMMARY" JOINED("(?-i:[A-Z][a-z])"), 1,
     IMRX_H_REQUIRED},
    {"B", "decisions", "IMR DECISION\\(S\\)" WS "AND" WS "RATIONALE\\(S\\)[ ]*$", 3,
     IMRX_H_REQUIRED},
    {"B", "closing", "/signed/", 0, 0},

    /* Layout C: "MEDICAL PROFESSIONAL REVIEW". */
    {"C", NULL, "MEDICAL PROFESSIONAL REVIEW[ ]*$", 3, 0},
    {"C", "issues", "ISSUES? AT DISPUTE:", 2, IMRX_H_REQUIRED},
    {"C", "summary", "CASE" WS "SUMMARY:", 1, IMRX_H_REQUIRED},
    {"C", "documents", "DOCUMENTS" WS "REVIEWED" WS "FOR" WS "DETERMINATION:", 1, IMRX_H_MIDLINE},
    {"C", "guidelines",
     "MEDICAL" WS "TREATMENT" WS "GUIDELINE\\(S\\)" WS "RELIED" WS "UPON" WS "BY" WS
     "PROFESSIONAL" WS "REVIEWER" WS "AND" WS "WHY:",
     3, IMRX_H_REQUIRED},
    {"C", "rationale",
     "RATIONALE" WS "FOR" WS "WHY" WS "THE" WS "REQUESTED" WS "TREATMENT/SERVICE" WS "IS/WAS" WS
     "NOT" WS "MEDICALLY" WS "NECESSARY:",
     3, IMRX_H_REQUIRED},
    {"C", "reviewer", "MEDICAL REVIEWER QUALIFICATIONS:", 3, 0},

    /* Layout D: 2013 "Notice of Independent Medical Review Determination". */
    {"D", NULL, "MAXIMUS FEDERAL SERVICES,? INC\\.?[ ]*$", 1, 0},
    {"D", NULL, "Notice of Independent Medical Review Determination", 3, 0},
    /* (a partial authorisation tells the original request first: "1) Norco #120 was the
     * original request, and Norco #60 was certified ... MAXIMUS ... has determined"; numbered
     * "1)", "(1)" or "1.", or a lone decision closing the opening paragraph: "... One item was in
     * dispute. MAXIMUS Federal Services, Inc. has determined the request for ...") */
    {"D", "issues",
     "(?:\\(?1\\)" WS "(?:(?:(?!\\n\\s*\\n)[\\s\\S]){1,400}?\\." WS ")?MAXIMUS|1\\." WS
     "MAXIMUS|(?-i:MAXIMUS)(?:" WS "Federal" WS "Services,?" WS "Inc\\.?,?" WS "has" WS
     "completed[^\\n]{0,600}?\\." WS "MAXIMUS)?)" WS "Federal" WS "Services,?" WS "Inc\\.?" WS
     "has" WS "determined" WS "(?:that" WS ")?the" WS "(?:request|requested|remaining|part)\\b",
     2, IMRX_H_INCLUSIVE | IMRX_H_REQUIRED},
    {"D", "procedure",
     "INDEPENDENT" WS "MEDICAL" WS "REVIEW" WS "DECISION" WS "AND" WS
     "RATIONALE" JOINED("(?:The|MAXIMUS)\\b"),
     3, IMRX_H_REQUIRED},
    {"D", "reviewer", "Medical Qualifications of the Expert Reviewer:", 2, IMRX_H_MIDLINE},
    /* ("Case Summary (taken from the utilization review denial):") */
    {"D", "summary", "Case Summary(?:[ ]*\\([^)\\n]{1,80}\\))?:", 1,
     IMRX_H_REQUIRED | IMRX_H_MIDLINE},
    {"D", "documents", "Documents Reviewed for Determination:", 1, IMRX_H_MIDLINE},
    /* "1) Regarding the request for X:", "(1) ...", "1. Regarding the requested X:", or, for a
     * lone item, "Regarding the request for X:" (its colon ends a line: not a sentence wrapped
     * there) */
    {"D", "decisions",
     "(?:\\(?1[.)]" WS "Regarding" WS "the" WS "(?:request" WS "for|requested)|(?-i:Regarding)" WS
     "the" WS "(?:request" WS "for|requested)" WS "(?:[^\\n]|\\n(?!\\n)){1,300}?:[ ]*$"
     /* (the first item alone above its labels: "1. Right shoulder arthroscopy ..." /
      * "Medical Treatment Guideline(s) relied upon by the Expert Reviewer:") */
     "|\\(?1[.)][ ]+[^\\n]{1,300}\\n(?=Medical" WS "Treatment" WS "Guideline|Claims" WS
     "Administrator" WS "guideline|MAXIMUS" WS "guideline))",
     2, IMRX_H_INCLUSIVE | IMRX_H_REQUIRED},
};

const unsigned imrx_heading_rule_count = sizeof imrx_heading_rules / sizeof imrx_heading_rules[0];
