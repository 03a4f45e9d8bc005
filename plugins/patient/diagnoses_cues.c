/* The patterns of diagnoses.c: the phrases that announce a list of diagnoses, the words every
 * such phrase holds (the keyed search skips text without them), and what ends a list before its
 * sentence does. */
#include "diagnoses.h"

const char dx_cue_pattern[] =
    "(?:\\b(?:being|been|was|were|is|are)\\s+(?:currently\\s+|also\\s+|primarily\\s+|"
    "conservatively\\s+)?treated"
    /* "He has been treated since then for ..." */
    "(?:\\s+conservatively)?(?:\\s+since\\s+(?:then|that\\s+time|the\\s+(?:injury|accident|fall)))?"
    /* "He is being treated by a neurologist for ..." */
    "(?:\\s+by\\s+(?:an?|his|her|their|the)\\s+[a-z-]+(?:\\s+[a-z-]+)?(?=\\s+for\\b))?"
    "\\s+for(?:\\s+(?:the\\s+)?(?:following\\s+)?diagnos[ie]s(?:\\s+(?:of|"
    "that\\s+include[sd]?|"
    "including)|\\s*:))?"
    /* (not the injury named again: "treated for this injury for 18 years", "treated for the
     * orthopedic injuries") */
    "(?!\\s+(?:this|that|these|those|his|her|their|the)\\s+(?:(?:orthopedic|orthopaedic|industrial|"
    "work|work-related|occupational|original|initial|same|multiple|various|above)\\s+)?(?:injury|"
    "injuries|condition|conditions|claim|accident|fall)\\b)"
    "|\\bundergoing\\s+(?:active\\s+)?(?:treatments?|care|management)\\s+for"
    /* "Her surgeon was treating her for the diagnoses of" */
    "|\\b(?:was|is|has\\s+been|had\\s+been)\\s+treating\\s+(?:him|her|them|the\\s+(?:patient|"
    "worker|applicant))\\s+for(?:\\s+(?:the\\s+)?(?:following\\s+)?diagnos[ie]s(?:\\s+of|\\s*:))?"
    "|\\bunder\\s+(?:active\\s+)?(?:treatment|care)\\s+for"
    /* "He has been followed for C5-C6 disc herniations", not "followed for two years" */
    "|\\b(?:being|been|is|was|were|are)\\s+followed\\s+for\\s+(?=[A-Za-z])"
    "(?!(?:several|many|a|an|the|his|her|their|over|about|approximately|more|nearly|almost|"
    "years?|months?|weeks?|pain\\s+management|treatment|care)\\b)"
    "|\\bdiagnosed\\s+(?:(?:him|her|them)\\s+)?(?:with|as\\s+having|as)"
    /* "She was diagnosed by her treating psychiatrist with ..." */
    "|\\bdiagnosed\\s+by\\s+(?:[A-Za-z'.-]+\\s+){1,5}?(?:with|as\\s+having)\\b"
    /* "The psychologist diagnosed post-traumatic stress disorder", "A psychological evaluation
     * on 07/18/2016 diagnosed adjustment disorder": who diagnosed stands before the match, so
     * that "diagnosed" starts it (the keyed search finds it there) */
    "|(?<=\\bpsychologist\\s|\\bpsychiatrist\\s|\\bphysician\\s|\\bdoctor\\s|\\bsurgeon\\s|"
    "\\bneurologist\\s|\\bprovider\\s|\\bevaluator\\s|\\bexaminer\\s|\\bevaluation\\s|"
    "\\bAME\\s|\\bQME\\s|\\bPTP\\s|\\borthopedist\\s|\\bchiropractor\\s|\\bspecialist\\s|"
    "\\bconsultant\\s|\\bpodiatrist\\s|\\binternist\\s|\\bphysiatrist\\s|\\bclinician\\s|"
    "\\bpractitioner\\s|\\brheumatologist\\s|\\bneurosurgeon\\s|"
    "\\bassessment\\s|\\bexamination\\s|\\bhe\\s|\\bshe\\s|\\balso\\s|\\bthen\\s|\\blater\\s|"
    "\\bhas\\s|\\bhad\\s|"
    "\\d\\s)diagnosed\\s+(?!with\\b|as\\b|in\\b|on\\b|by\\b|him\\b|her\\b|them\\b)"
    "|\\b(?:has|had|have|with|carries|carried|added|gave|given|made|rendered|assigned|received)"
    "\\s+(?:had\\s+(?:a\\s+|the\\s+)?|a\\s+|the\\s+|an?\\s+(?:new|additional|further|provisional|"
    "working|tentative|secondary)\\s+)?"
    "diagnos[ie]s\\s+of"
    /* "the diagnosis was changed to", "revised the working diagnoses to" (diagnoses.c: what
     * they replace is dropped) */
    "|\\bdiagnos[ie]s\\s+(?:was|were|has\\s+been|had\\s+been)\\s+(?:then\\s+|later\\s+)?(?:changed|"
    "revised|updated|amended)\\s+to"
    "|\\b(?:revised|changed|updated|amended)\\s+(?:the\\s+|his\\s+|her\\s+)?(?:working\\s+|"
    "current\\s+)?diagnos[ie]s\\s+to"
    /* "lists the diagnoses as", "documented the current diagnoses as", "lists the diagnoses as
     * follows:" */
    "|\\b(?:lists?|listed|gives?|gave|records?|recorded|documents?|documented|reveal(?:s|ed)?|"
    "show(?:s|ed)?|indicate[sd]?)\\s+(?:the\\s+|"
    "his\\s+|"
    "her\\s+|their\\s+)?(?:(?:current|working|final|following)\\s+)?diagnos[ie]s\\s+(?:as|of)"
    "(?:\\s+follows\\s*:)?"
    /* "meets the criteria for posttraumatic stress disorder" */
    "|\\bmeets?\\s+(?:the\\s+)?criteria\\s+for"
    "|\\bdiagnos[ie]s\\s*:|\\bDx\\s*:"
    /* a few words between the word and its colon: "has carried the following working diagnoses
     * since the fall of 2015: (1) ...", "lists the following diagnoses, with ICD-10 codes:" */
    "|\\bdiagnos[ie]s,?(?:\\s+(?!(?:was|were|is|are|has|have|had|include[sd]?)\\b)[a-z0-9'-]+){1,6}"
    "?"
    "\\s*:"
    /* "Her other diagnoses, which are not part of the claim, are type 2 diabetes and ..." */
    "|\\bdiagnos[ie]s\\s*,\\s*(?:which|that)\\s+[^,.;:]{3,80},\\s*(?:are|were|include[sd]?)\\b"
    /* told in apposition: "His non-industrial diagnoses, type 2 diabetes mellitus and
     * hypertension, are followed by his primary care physician." */
    "|\\bdiagnos[ie]s\\s*,(?=[^.;:]{3,160}?,\\s+(?:are|were)\\s+(?:followed|treated|managed|"
    "controlled|"
    "stable|being)\\b)"
    /* "On the orthopedic side, the treating physician lists left shoulder contusion with
     * impingement and cervical strain", "The treating neurologist lists post-concussion
     * syndrome, ..." (a list of conditions: dx_has_condition) */
    "|\\b(?:physician|provider|surgeon|doctor|PTP|clinician|practitioner|chiropractor|"
    "[a-z]+ist)\\s+(?:"
    "also\\s+)?"
    "lists\\s+(?!(?:the\\s+|his\\s+|her\\s+|their\\s+)?(?:following\\s+)?(?:medications?|meds|"
    "drugs|"
    "restrictions|work|diagnos[ie]s)\\b)"
    /* a multiaxial list after its lead-in's sentence: "... lists the following diagnoses. Axis I:
     * ...; .... Axis II: deferred. Axis III: ..." (axes I and III hold the diagnoses) */
    "|\\b(?-i:Axis)\\s+(?:I|III|1|3)\\s*:"
    /* "He went on to develop complex regional pain syndrome" */
    "|\\bwent\\s+on\\s+to\\s+develop\\b"
    /* (not symptoms: "went on to develop pain in the right shoulder") */
    "(?!\\s+(?:(?:increasing|worsening|more|new|some|significant|severe)\\s+)?(?:pain|numbness|"
    "tingling|"
    "weakness|swelling|stiffness|symptoms|burning|headaches?|discomfort|difficulty|trouble|"
    "problems?)\\b)"
    /* "She was assessed with lumbar radiculopathy" */
    "|\\bassessed\\s+(?:with|as\\s+having)"
    /* "The conditions for which she remains under care are ...", "she has been characterized as
     * having ...", "what is being treated is ...", "the picture is one of ..." */
    "|\\bconditions?\\s+for\\s+which\\s+(?:he|she|they|the\\s+[a-z]+(?:\\s+worker)?)\\s+(?:is|are|"
    "remains?)\\s+"
    "(?:being\\s+)?(?:under\\s+(?:active\\s+)?(?:care|treatment)|treated)\\s+(?:are|is|include)"
    "|\\bcharacterized\\s+as\\s+having|\\bwhat\\s+is\\s+being\\s+treated\\s+(?:is|are)"
    /* "The conditions under treatment are ..." */
    "|\\b(?:conditions?|diagnos[ie]s|problems)\\s+(?:under|in)\\s+(?:active\\s+)?(?:treatment|care)"
    "\\s+(?:are|"
    "is|were|include[sd]?)\\b"
    "|\\b(?:clinical\\s+)?picture\\s+is\\s+(?:one\\s+)?of"
    /* "her pain physician had revised this to complex regional pain syndrome" */
    "|\\b(?:revised|changed|amended|updated)\\s+(?:this|that|it|(?:the|his|her|their)\\s+"
    "diagnosis)\\s+to"
    /* the record it comes from between the word and the colon: "Diagnoses (per PTP, PR-2 of
     * 8/9/16):", "Diagnoses per PTP PR-2 dated 4/2/15:" */
    "|\\b(?:diagnos[ie]s|dx)\\s*(?:\\([^():;]{1,80}\\)|per\\s+(?:(?!\\.\\s)[^:;()]){1,80}?)\\s*:"
    /* "Diagnoses of cervicalgia and paresthesia of both hands were listed." */
    "|(?:(?<=[.:]\\s)|(?<=[.:]\\s\\s)|(?<=\\n)|(?<=^))(?:the\\s+)?diagnos[ie]s\\s+of"
    "(?=[^.;]{1,200}?\\s(?:was|were)\\s+(?:listed|noted|documented|recorded|given|made|"
    "rendered)\\b)"
    /* a progress note's "Assessment: ..." or "Impression: ..." line */
    "|\\b(?:assessment(?:\\s*(?:/|and)\\s*plan)?|(?:clinical\\s+)?impressions?)\\s*:"
    /* "The PTP's Dx list:" */
    "|\\b(?:diagnos[ie]s|dx)\\s+list\\s*:"
    /* "carries this problem list:", "lists his problems as:" and a list (H162) */
    "|\\bproblem\\s+list\\s*:|\\blists?\\s+(?:his|her|their|the)\\s+problems\\s+as\\s*:"
    /* "The pain management report of 05/11/2017 lists the following problems:" */
    "|\\blists?\\s+the\\s+following\\s+problems\\s*:"
    /* "the assessment was:" and a list */
    "|\\b(?:assessments?|impressions?)\\s+(?:was|were|is|are|included|includes)\\s*:"
    /* "the patient's assessment consisted of" */
    "|\\bassessments?\\s+consist(?:s|ed)?\\s+of"
    /* "Diagnoses include", "The current diagnoses are documented as", "The diagnoses listed by
     * the treating physician are", "Diagnoses, and-or impressions, were noted to include:" */
    /* "The neurologist's assessment listed:", "The assessment at that visit was recorded as
     * follows:", "The internist's impression was ...", "reported the diagnoses in multiaxial
     * form as follows:" */
    "|\\b(?:diagnos[ie]s|diagnostic\\s+impressions?|assessments?|impressions?)"
    "(?:\\s+(?:listed|recorded|documented)\\s*:"
    "|(?:,?\\s+(?!(?:include[sd]?|are|is|were|was|has|have|had)\\b)[a-z0-9'/-]+){0,6}?"
    "(?:\\s+(?:was|were|is|are)\\s+(?:recorded|documented|listed|noted|given))?\\s+as\\s+follows"
    "\\s*:)"
    /* "Her conditions include ...": the patient's, not the work's */
    "|\\b(?:his|her|their)\\s+(?:current\\s+|medical\\s+)?conditions\\s+(?:include[sd]?|are|were)"
    "\\b"
    /* "Comorbid conditions are ..." */
    "|\\bcomorbid(?:ities|\\s+(?:conditions|diagnoses))\\s+(?:are|include[sd]?|including)"
    /* what the claim covers: "The conditions accepted on the claim are ...", "The accepted
     * diagnoses include ..." */
    /* ... "Injuries recognized in the claim are ..." */
    "|\\b(?:conditions|injuries|diagnoses)\\s+(?:accepted|admitted|recognized|recognised|covered)"
    "\\s+"
    "(?:on|under|in|for|by)\\s+(?:the|this)\\s+claim"
    "\\s+(?:are|were|include[sd]?)"
    "|\\b(?:accepted|admitted)\\s+(?:industrial\\s+)?(?:conditions|diagnoses|injuries)\\s+"
    "(?:are|were|include[sd]?)"
    "|\\b(?:diagnos[ie]s|diagnostic\\s+(?:impressions?|formulation)|impressions?|problem\\s+list|"
    "assessments?)"
    "(?:\\s*,\\s*and[-/\\s]or\\s+impressions?\\s*,)?"
    /* "The current diagnoses, as listed by the primary treating physician, are:" */
    "(?:\\s*,\\s*as\\s+(?:listed|documented|noted|given|reported|recorded)\\s+by\\s+[^,.;:]{1,60},)"
    "?"
    /* the words between may name the record: "The diagnoses listed on the most recent PR-2
     * (6/4/16) were ..." */
    "(?:,?\\s+(?!(?:include[sd]?|are|is|were|was|has|have|had)\\b)\\(?[a-z0-9'/-]+\\)?){0,10}?,?"
    "\\s+(?:that\\s+)?(?:(?:has|have|had)\\s+been|(?:(?:has|have|had)\\s+)?(?:include[sd]?|"
    "including|are|is|were|was|consist(?:s|ed)?\\s+of|reads?|remain(?:s|ed)?|comprised?|comprises))"
    "(?:\\s+(?:documented|listed|noted|reported|given|recorded)(?:\\s+as\\s+follows|\\s+(?:as|is|"
    "to\\s+include|to\\s+be))?"
    "|\\s+as\\s+follows)?"
    ")\\s*:?\\s*(?:the\\s+following\\s*:?\\s*)?"
    /* "the diagnosis is unclear", "was not diagnosed": no list follows */
    "(?!\\s*(?:not|consistent|unclear|uncertain|pending|supported|unknown|based|made|confirmed|"
    "deferred|that|then|later|revised|changed|updated|written|performed|requested|completed|"
    "conducted|done|scheduled|recommended|reviewed|illegible|for|by|to|at|in)\\b)";

/* Every cue holds "treated", "under", "diagnos", "dx", "criteria", "assessment", "impression",
 * "comorbid", "problem", "conditions", "accepted", "admitted" or "followed" at a word start, at
 * most three words after its beginning ("has had a diagnosis of", "added a new diagnosis of",
 * "meets the criteria for", "clinical impression"): a keyed search (re.h). "clinical" is no key:
 * as one, it tried the cue four times in every summary's opening ("The expert reviewer
 * developed the following clinical case summary"). */
static const char *const dx_cue_words[] = {
    "treated",       "treating",   "under",    "diagnos",  "dx",         "criteria",
    "assess",        "impression", "comorbid", "problem",  "conditions", "accepted",
    "admitted",      "followed",   "revised",  "changed",  "amended",    "updated",
    "characterized", "picture",    "lists",    "injuries", "recogni",    "covered",
    "went",          "axis",       NULL};
const imrx_re_keys_t dx_cue_keys = {dx_cue_words, 3, 0};

#define MONTH "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?"

const char dx_stop_pattern[] =
    "\\s+(?:(?:and\\s+)?(?:was|is|were|has|had|he|she|who|which|that\\s+(?:was|is|were)|when|"
    "while|since|after|following|per|according|dated|that\\s+(?:he|she|they|his|her|their))|but\\s+"
    "(?:no|not))\\b"
    /* "carried diagnoses of A and B, the treating provider reported." */
    "|,\\s+(?:the|his|her|their)\\s+(?:[a-z'-]+\\s+){1,3}?(?:reported|noted|stated|documented|"
    "indicated|wrote|commented|opined)\\b"
    /* "was diagnosed with a lumbar strain, placed on modified duty and given ibuprofen" */
    "|,\\s+(?:placed|given|sent|referred|started|prescribed|treated|kept|taken)\\s+(?:on|with|to|"
    "off|for|a|an|the|\\d)\\b"
    /* "was diagnosed with opioid use disorder, went through a supervised detoxification" */
    "|,\\s+(?:and\\s+)?(?:went\\s+through|underwent|completed|began)\\b"
    /* "was diagnosed with lumbar strain and treated with therapy" */
    "|\\s+and\\s+(?:was\\s+|were\\s+)?(?:treated|managed|given|prescribed|placed|referred|sent|"
    "started|released|discharged|advised|instructed|fitted|seen|evaluated|recommended|requested|"
    "underwent|required|received|needed|"
    "ordered|planned|suggested|gave|noted|stated|reported|explained|commented|indicated|wrote|"
    "documented|observed)\\b"
    /* "diagnosed opioid use disorder, stopped the Oxycodone, and planned a taper": a comma and a
     * verb of what the physician did next */
    "|,\\s+(?:and\\s+)?(?:stopped|discontinued|started|began|initiated|prescribed|recommended|"
    "ordered|requested|referred|planned|increased|decreased|continued|switched|changed|tapered|"
    "administered|performed|injected|dispensed)\\s+(?:the|his|her|their|a|an|him|to)\\b"
    /* "hypertension, treated by his personal physician with metformin" */
    "|,\\s+(?:treated|managed|controlled|followed)\\s+(?:by|with)\\b"
    /* "anxiety disorder, unspecified, pending a psychological evaluation" */
    "|,\\s+pending\\b"
    "|,?\\s+on\\s+(?:\\d|" MONTH "\\s+\\d)"
    "|,?\\s+in\\s+(?:\\d{4}|" MONTH "\\s+\\d)"
    /* ", and the surgeon commented that ...": a new clause, someone saying something */
    "|,?\\s+and\\s+(?:the|his|her|their)\\s+(?:[a-z'-]+\\s+){1,3}?(?:commented|noted|stated|"
    "reported|"
    "recommended|requested|felt|opined|indicated|documented|added|explained|believed|thought|"
    "suggested|advised|planned|ordered|prescribed|referred|started|began|increased|added|"
    "switched|changed|discontinued|stopped|gave)\\b"
    /* a clause about the list: ", for which she had therapy", ", each of which is industrial",
     * ", among others", ", by report", ", both chronic", ", noted on 3/4/2015", ", so the
     * physician requested", ", but no psychiatric diagnosis" */
    "|,\\s+(?:(?:for|to|in|with|of)\\s+which|(?:each|all|none|either|neither)\\s+of\\s+"
    "(?:which|them|these)|among\\s+others|by\\s+(?:history|report)|both\\s+(?:chronic|acute|"
    "industrial(?:ly)?|work[- ]related|accepted|of\\s+which)|now\\s+(?:permanent|p\\s*&\\s*s|"
    "stable|at\\s+mmi)|(?:as\\s+)?(?:noted|documented|diagnosed|listed|reported|recorded)"
    "\\s+(?:on|in|by|at)|so|but)\\b"
    /* ", and an MRI was requested", ", and his symptoms persist", ", and there was no ..." */
    "|,\\s+and\\s+(?:there|it|this)\\s+(?:was|were|is|are|has|had|have)\\b"
    "|,\\s+and\\s+(?:the|his|her|their|an?)\\s+(?:[a-z'/-]+\\s+){0,3}?(?:was|were|is|are|has|"
    "have|had|persists?|persisted|continues?|continued|returned|remains?|remained|improved|"
    "worsened|underwent|reports?|reported)\\b"
    /* "A and B; treatment has included ...": a clause after a semicolon */
    "|;\\s+(?:[a-z'/-]+\\s+){1,2}?(?:has|have|had|was|were|is|are)\\b"
    /* a treatment after the condition treated: "was treated for the L1 fracture with a
     * thoracolumbosacral orthosis" */
    "|\\s+with\\s+(?:a|an)\\s+(?:[a-z-]+\\s+){0,2}?(?:orthosis|brace|splint|cast|boot|sling|collar|"
    "injection|injections|course|cane|walker|crutches)\\b"
    /* how it was diagnosed: "by the Budapest criteria", "per DSM-5 criteria", ", with a Beck
     * Depression Inventory score of 27" */
    "|\\s+(?:by|using|per|under|according\\s+to|meeting)\\s+(?:the\\s+)?(?:[A-Za-z][\\w-]*\\s+){0,"
    "2}?"
    "criteria\\b"
    "|,?\\s+with\\s+an?\\s+(?:[\\w-]+\\s+){0,4}?(?:score|rating)\\s+of\\b"
    /* a list told before its name: "lists A and B as diagnoses" */
    "|\\s+as\\s+(?:(?:the|his|her|their)\\s+)?(?:[a-z]+\\s+){0,2}?diagnos[ie]s\\b"
    /* the end of a list in apposition: ", are followed by his primary care physician" */
    "|,\\s+(?:are|were)\\s+(?:followed|treated|managed|controlled|stable|being)\\b";
