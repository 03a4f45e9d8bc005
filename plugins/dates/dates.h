/* The dates plugin's parts: the header (header.c), layout D's procedural prose (prose.c), date
 * reading (parse.c), the summary's dates (summary.c), and the plugin itself (dates.c). */
#ifndef IMRX_DATES_H
#define IMRX_DATES_H

#include <stddef.h>
#include <stdint.h>

#include "imrx/plugin.h"
#include "re.h"
#include "text.h"

/* A date as letters write it: 10/13/2016, 10-13-16, 10-30- 2016 (broken at a line end),
 * 10.13.2016, October 13, 2016, the 13th of October, 2016, or 13 October 2016. Group names are not
 * used: callers know which group is the date. */
#define DATE_FORMS                                                                                 \
    "\\d{1,2}\\s?[-/]\\s?\\d{1,2}\\s?[-/]\\s?(?:\\d{4}|\\d{2})(?!\\d)"                             \
    "|\\d{1,2}\\.\\d{1,2}\\.(?:\\d{4}|\\d{2})(?!\\d|\\.\\d)"                                       \
    "|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}(?:st|nd|rd|"  \
    "th)?,?\\s+\\d{4}"                                                                             \
    "|(?:the\\s+)?\\d{1,2}(?:st|nd|rd|th)\\s+(?:day\\s+)?of\\s+(?:jan|feb|mar|apr|may|jun|jul|"    \
    "aug|sep|oct|nov|dec)[a-z]*\\.?,?\\s+\\d{4}"                                                   \
    "|\\d{1,2}\\s(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?,?\\s+\\d{4}"
#define DATE "(" DATE_FORMS ")"
/* Plain pdftotext drops a hyphen that ends a line, and a date broken there loses one of its
 * hyphens: "10-\n17-2016" reads "1017-2016", "1-9-\n17" reads "1-917" (parse_joined). Only
 * where a cue says a date follows. */
#define DATE_OR_JOINED                                                                             \
    "(" DATE_FORMS                                                                                 \
    "|(?<![\\d.,/-])(?:\\d{3,4}-(?:\\d{4}|\\d{2})|\\d{1,2}-\\d{3,6})(?![\\d/-]|\\.\\d|[A-Za-z]))"

extern const imrx_host_api_t *dates_api; /* set when the plugin is initialised */

/* The patterns, compiled once by dates_init (the header's in header.c, the summary's in
 * summary.c). */
enum { RE_HEADER, RE_INJURY, RE_UR, RE_ANY, RE_INJURY_WEAK, RE_COUNT };

typedef struct state {
    imrx_re_t re[RE_COUNT];
} state_t;

extern const char dates_re_header_token[], dates_re_narrative_injury[], dates_re_narrative_ur[],
    dates_re_narrative_injury_weak[], dates_re_any_date[];

/* One letter being read. */
typedef struct letter {
    const imrx_letter_t *l;
    imrx_ctx_t *ctx;
    imrx_re_scratch_t *t;
    state_t *s;
    imrx_node_t dates;
    int ref_year;
    imrx_date_t header[5]; /* assigned, injury, decision, ur_denial, application_received */
    imrx_span_t header_span[5];
    int have[5];
} letter_t;

enum { D_ASSIGNED, D_INJURY, D_DECISION, D_UR, D_APPLICATION };

/* The record's keys of the five header dates, by slot. */
extern const char *const dates_header_keys[];

/* Parses a date written as DATE or DATE_OR_JOINED matches it (two-digit years read against
 * ref_year). 0 when it is no real date. */
int dates_parse(const char *s, size_t n, int ref_year, imrx_date_t *d);
/* Emits the date read from text[b..e) as `parent`.key (and its value in *out when out is not
 * NULL); warns about an impossible one and returns 0. */
int dates_emit(letter_t *L, imrx_node_t parent, const char *key, uint32_t b, uint32_t e,
               imrx_date_t *out);

/* The summary's date of injury and UR decision (dates_in_narrative) and its dated events
 * (clinical_events). */
void dates_read_summary(letter_t *L, const imrx_section_t *sec);
/* The header's case number, priority and dates (header.c); layout D's dates told in prose
 * (prose.c). */
void dates_read_header(letter_t *L, const imrx_section_t *sec);
void dates_read_prose(letter_t *L, const imrx_section_t *sec);

#endif
