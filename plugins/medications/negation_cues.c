/* The cues of negation.c: the patterns that say a drug was never taken or was stopped, and the
 * words every match of the two main ones holds (the keyed search skips text without them).
 * Compiled with the others of context.c. */
#include "meds.h"

/* A cue before the drug: group 1 denies it, group 2 says it was stopped. */
const char med_re_negation_before[] =
    "\\b(?:((?:(?:he|she|they|patient|worker|claimant|employee)\\s+(?:also\\s+)?denie[sd]|denies)"
    "(?:\\s+(?:any|the|all))?(?:\\s+(?:prior\\s+|current\\s+)?(?:use|using|taking|intake|"
    "history)(?:\\s+of)?"
    /* "She denies ever having used Ambien" */
    "|\\s+(?:ever\\s+)?(?:having\\s+)?(?:used|taken|tried|using|taking))?"
    "|(?:is|was|were|are)\\s+not\\s+(?:currently\\s+)?(?:taking|on|using|prescribed|(?:placed|"
    "started|put)\\s+on)"
    "|(?:does|did|do)\\s+not\\s+(?:currently\\s+)?(?:take|use)"
    /* (not the passive "Acetaminophen ... has not been tried, and duloxetine is another
     * option": its drug stands before it) */
    /* ("He has not previously taken an SNRI or a tricyclic such as amitriptyline") */
    "|(?:has|have|had)\\s+(?:not|never)\\s+(?:(?:previously|ever|yet|already)\\s+)?(?:taken|tried|"
    "used|prescribed|given|offered|received|"
    "treated\\s+with|been\\s+(?:prescribed|given|offered|treated\\s+with|(?:tried|trialed|started|"
    "placed)\\s+on))"
    /* "He has never been given a trial of Cymbalta" */
    /* "... a trial of an antiepileptic drug such as gabapentin" */
    "(?:\\s+on|\\s+(?:an?\\s+)?(?:trial|course)\\s+(?:of|with)(?:\\s+(?:an?\\s+)?[a-z-]+(?:\\s+[a-"
    "z-]+)?"
    "\\s+(?:such\\s+as|like))?)?"
    /* "He has not had a trial of Lyrica", "He has yet to try Lyrica", "He is naive to Lyrica",
     * "He cannot take NSAIDs" */
    "|(?:has|have|had)\\s+(?:not|never)\\s+(?:yet\\s+)?had\\s+(?:an?\\s+)?(?:trial|course)\\s+(?:"
    "of|with)"
    /* "She has never had a corticosteroid or hyaluronic acid injection" (the search ends at the
     * drug: nothing after it can be read here) */
    "|(?:has|have|had)\\s+(?:not|never)\\s+had\\s+(?:an?|any)\\s+[a-z-]+\\s+(?:or|nor)"
    "|(?:has|have|had)\\s+yet\\s+to\\s+(?:try|take|start|use|receive)|naive\\s+to"
    "|(?:cannot|can\\s+not|could\\s+not)\\s+take"
    /* "He elected to forgo Norco", "declined to start Norco", "opted not to fill the Norco
     * prescription", "does not want Norco", "has never been on Norco" */
    "|(?:elected|chose|decided|opted|preferred)\\s+(?:to\\s+forgo|not\\s+to\\s+(?:fill|take|use|"
    "start|"
    "try))|(?:refused|declined)\\s+to\\s+(?:start|try|take|use|begin|fill)"
    "|(?:does|did|do)\\s+not\\s+want(?:\\s+to\\s+(?:take|use|try|start))?"
    "|(?:has|have|had)\\s+never\\s+been\\s+on"
    "|never\\s+(?:took|tried|used|received|given|prescribed|offered|obtained|filled|picked\\s+up|"
    "started)|takes\\s+none\\s+of|(?:takes|uses|took|used)\\s+no"
    "|no\\s+(?:prior\\s+|previous\\s+|known\\s+|documented\\s+|reported\\s+|recorded\\s+)?"
    "(?:use\\s+of|trial\\s+of|history\\s+of|experience\\s+with)"
    /* "has no documented ulcer history, dyspepsia, or use of prednisone" */
    "|no\\s+[^.;]{1,60}?,?\\s+(?:or|nor)\\s+(?:any\\s+)?(?:prior\\s+)?(?:use|trial)\\s+of"
    /* "The records do not document a trial of trazodone", "do not describe sleep hygiene
     * measures, or a trial of a sedating antidepressant such as trazodone" */
    "|(?:does|do|did)\\s+not\\s+(?:document|show|describe|indicate|reflect|mention|include|"
    "record)\\s+(?:[^.;]{1,120}?,?\\s+(?:or|nor)\\s+)?(?:(?:an?\\s+|any\\s+)?(?:prior\\s+|"
    "previous\\s+)?"
    "(?:trial|course)|any\\s+(?:prior\\s+)?use)\\s+(?:of|with)"
    /* (not a guideline's "for a patient allergic to penicillin") */
    "|(?<!patients\\s)(?<!patient\\s)(?<!those\\s)(?<!anyone\\s)(?<!someone\\s)allergic\\s+to"
    /* ("His listed allergies are penicillin (hives) and codeine", "allergy list includes
     * aspirin") */
    "|allerg(?:y|ies)(?:\\s+list)?\\s*(?:to|include[sd]?|including|:|of|are|were)"
    /* "He declined the psychiatrist's suggestion of a trial of sertraline" */
    "|(?:refused|declined|turned\\s+down)\\s+(?:the\\s+|an?\\s+|(?:his|her|their)\\s+)?(?:[a-z']+"
    "\\s+){0,2}"
    "?(?:suggestion|recommendation|offer|advice)\\s+(?:of|for|to\\s+(?:start|try|take|use))\\s+(?:"
    "an?\\s+)?"
    "(?:(?:trial|course|prescription)\\s+of\\s+)?"
    /* "He refused a trial of Butrans patches", "She declined Cymbalta when it was offered"
     * (ending at a word, so that a list may follow: "She has declined opioid medication,
     * including the hydrocodone offered to her") */
    "|(?:refused|declined|turned\\s+down)(?:\\s+(?:an?|the))?(?:\\s+(?:trial|offer|prescription)"
    "\\s+(?:of|for))?"
    /* "He has been reluctant to start Cymbalta" */
    "|(?:was|is|has\\s+been|had\\s+been)\\s+(?:(?:very|quite|too)\\s+)?(?:reluctant|unwilling|"
    "hesitant)\\s+to\\s+(?:start|take|try|use|begin)"
    /* "She has said no to Norco each time", "She would not accept the tramadol offered" */
    "|said\\s+no\\s+to|(?:would|did|does|will)\\s+not\\s+accept"
    /* "The surgeon asked him to avoid ibuprofen while the fracture heals" */
    "|(?:told|advised|instructed|asked)\\s+(?:(?:him|her|them)\\s+)?to\\s+avoid"
    ")"
    "|(no\\s+longer\\s+(?:tak(?:es|ing)|us(?:es|ing)|on|prescribed|needs?|requires?)"
    /* "He abandoned Norco", "Her physician cut out the Norco", "He gave up on Norco", "He has
     * not been on Norco for over a year" */
    "|abandoned|cut\\s+out|gave\\s+up\\s+on|(?:has|have|had)\\s+not\\s+been\\s+on"
    /* "She was unable to continue Ibuprofen because of stomach upset" */
    "|(?:unable|not\\s+able)\\s+to\\s+continue|(?:could|did)\\s+not\\s+continue"
    "|(?:had|has|have)\\s+to\\s+(?:stop|discontinue)"
    "|(?<!was\\s)(?<!were\\s)(?<!been\\s)(?<!is\\s)(?:stopped|discontinued|d/"
    "c'?d|dc'd|quit|ceased|gave\\s+up)"
    /* "the carrier stopped authorizing Nucynta ER" */
    "(?:\\s+(?:authorizing|approving|covering|paying\\s+for))?"
    /* "Lunesta 3mg nightly replaced Ambien 10mg" (not "was replaced by Norco") */
    "|(?<!was\\s)(?<!were\\s)(?<!been\\s)(?<!is\\s)(?<!be\\s)replaced(?!\\s+(?:by|with)\\b)"
    /* "He has gone without Norco since the spring" */
    "|(?:has|have|had)\\s+(?:gone|been|done)\\s+without|went\\s+without"
    "(?:\\s+(?:taking|using|the\\s+use\\s+of))?"
    "|(?:since|after)\\s+(?:stopping|discontinuing|quitting)(?:\\s+(?:taking|using))?"
    "|discontinuation\\s+of|(?:switched|changed|moved|transitioned|converted)\\s+(?:\\w+\\s+)?from"
    /* "withdrew the MS Contin over six weeks" */
    "|withdrew"
    /* "He was taken off Opana ER in 2012" */
    "|(?:was|were|been)\\s+taken\\s+off(?:\\s+of)?"
    /* "Prior medications: ibuprofen (stopped in 2014), Flexeril (no benefit) and tramadol",
     * "Medications tried and failed include gabapentin, Lyrica and Cymbalta" */
    "|(?:(?:prior|previous|past|former)\\s+(?:medications?|meds)|(?-i:Past|Prior|Previous)(?=\\s*:)"
    "|"
    "medications?\\s+(?:previously\\s+"
    "tried(?:\\s+(?:and\\s+failed|without\\s+(?:benefit|success|relief)))?|tried\\s+(?:and\\s+"
    "failed|without\\s+(?:benefit|success|relief))))(?:\\s+(?:include[sd]?|were|"
    "(?:have|has)\\s+included))?\\s*:?"
    /* "she could not tolerate gabapentin", "GI intolerance to naproxen" */
    "|(?:could|did)\\s+not\\s+tolerate|(?:has|have|had)\\s+not\\s+tolerated|unable\\s+to\\s+"
    "tolerate|"
    /* (not "The records do not document intolerance of Norco", "no intolerance to") */
    "(?<!\\bno\\s)(?<!\\bany\\s)(?<!document\\s)(?<!documented\\s)(?<!show\\s)(?<!without\\s)"
    "intoleran(?:ce|t)\\s+(?:of|to)"
    /* "He used to take Aleve but switched" */
    "|used\\s+to\\s+(?:take|use)"
    /* "after finishing a short course of Tramadol", "completed her short postoperative course
     * of oxycodone" */
    "|(?:finish(?:ed|ing)|complet(?:ed|ing))\\s+(?:a|an|the|his|her|their)\\s+(?:(?:short|brief|"
    "post-?\\s?op(?:erative)?|\\d+-?\\s?(?:day|week))\\s+){0,2}(?:course|taper)\\s+of"
    "|(?:told|advised|instructed|asked)\\s+(?:(?:him|her|them)\\s+)?to\\s+(?:stop|discontinue|quit)"
    "(?:\\s+(?:taking|using))?"
    "|(?<!being\\s)(?:weaned|tapered|came)\\s+(?:\\w+\\s+)?(?:off|from)(?:\\s+of)?"
    /* "She was previously on Neurontin", "He previously took Norco", "he last took Norco in
     * 2015" */
    "|(?:(?:was|were)\\s+previously\\s+on|previously\\s+(?:took|used|tried)|last\\s+(?:took|used))"
    /* a label: "Previously tried: Neurontin (dizziness), ..." */
    "|(?:previously|formerly)\\s+(?:tried|used|taken|trialed)(?=\\s*:)"
    /* a list's "; previously Percocet and Vicodin", "(previously Vicodin)" */
    "|(?=previously\\s)(?:(?<=[;,(]\\s)|(?<=[;,(]))previously"
    /* "The physician took him off Norco" */
    "|(?:took|taken)\\s+(?:him|her|them)\\s+off(?:\\s+of)?"
    /* "He failed Norco", "the patient has failed a trial of Lyrica": the patient's, not a
     * guideline's condition ("patients who have failed", "once the patient has failed", "no
     * documentation that he failed") */
    "|(?=(?:he|she|they|the|patient|injured|worker|claimant|employee|applicant)\\s)(?<!\\bonce\\s)("
    "?<!"
    "\\bif\\s)(?<!\\bunless\\s)(?<!\\buntil\\s)(?<!\\bwhether\\s)"
    "(?<!\\bthat\\s)(?<!\\bthe\\s)(?:he|she|they|(?:the\\s+)?(?:patient|injured\\s+worker|worker|"
    "claimant|employee|applicant))\\s+(?:(?:has|had|also|already)\\s+){0,3}"
    "failed(?:\\s+(?:(?:a|an)\\s+)?(?:trials?|course)\\s+of|\\s+treatment\\s+with)?"
    "|(?:was|were|is|has\\s+been|had\\s+been)\\s+off(?:\\s+of)?))(?![A-Za-z])";

/* Every match of negation_before holds one of these at a word start ("no" covers "not" and
 * "none"), and so does every match of negation_after (re.h, imrx_re_find_required). */
static const char *const before_words[] = {
    "denie",    "no",       "never",     "allerg",    "stop",         "discontinu", "quit",
    "ceased",   "switched", "abandon",   "cut",       "forgo",        "want",       "dc'd",
    "elected",  "chose",    "decided",   "opted",     "preferred",    "changed",    "weaned",
    "tapered",  "came",     "off",       "moved",     "transitioned", "converted",  "finish",
    "complet",  "used",     "unable",    "intoleran", "gave",         "without",    "refused",
    "declined", "replaced", "prior",     "previous",  "past",         "former",     "tried",
    "d/c",      "failed",   "turned",    "last",      "yet",          "naive",      "cannot",
    "can",      "withdrew", "reluctant", "unwilling", "hesitant",     "avoid",      NULL};
const imrx_re_keys_t med_negation_before_keys = {before_words, 0, 0};

/* Where a match of negation_before can begin (re.h, imrx_re_find_starts): the first words of its
 * alternatives (prefixes, read from the pattern's syntax tree; two letters where several words
 * share them). A new alternative adds its first word here; IMRX_RE_VERIFY=1 (tests/test_extract.c
 * over the corpora) finds one missing. */
static const char *const before_first[] = {
    "aba", "adv", "aft", "all", "app", "are", "ask", "bee", "ca",  "cea", "ch",  "sai",
    "wil", "wou", "cla", "co",  "cut", "d/c", "dc'", "de",  "di",  "do",  "ele", "emp",
    "fin", "for", "gav", "ha",  "he",  "in",  "is",  "las", "med", "mov", "nai", "nev",
    "no",  "opt", "pa",  "pr",  "qui", "re",  "she", "sin", "sto", "swi", "ta",  "the",
    "to",  "tra", "tur", "una", "use", "was", "we",  "wit", "wor", NULL};
static const char *const no_tails[] = {NULL};
const imrx_re_starts_t med_negation_before_starts = {
    {before_first, 0, 0}, {no_tails, 0, 0}, "", &med_negation_before_keys};
static const char *const after_words[] = {
    "no",          "never",    "discontinu", "stopped",   "weaned",       "tapered",
    "ceased",      "quit",     "changed",    "switched",  "replaced",     "abandon",
    "withdrawn",   "halted",   "dropped",    "ended",     "terminated",   "suspended",
    "given",       "aside",    "exchanged",  "gave",      "lapse",        "avoided",
    "turned",      "refused",  "declined",   "converted", "transitioned", "moved",
    "poorly",      "finished", "completed",  "from",      "swapped",      "elected",
    "chose",       "decided",  "preferred",  "opted",     "phased",       "retired",
    "pulled",      "removed",  "traded",     "taken",     "let",          "fell",
    "stopping",    "d/c",      "eliminated", "last",      "previous",     "contraindicated",
    "but",         "unopened", "lapsed",     "free",      "failed",       "off",
    "dc'd",        "until",    "away",       "hold",      "allergy",      "went",
    "substituted", "tore",     NULL};
const imrx_re_keys_t med_negation_after_keys = {after_words, 0, 0};

/* Where a match of negation_after can begin (re.h, imrx_re_find_starts): the first words of its
 * alternatives (prefixes), and the words that its alternatives opening with punctuation reach
 * (", which she stopped", ": discontinued", " -> stopped", ", then changed to"). A new
 * alternative adds its first word here; IMRX_RE_VERIFY=1 (tests/test_extract.c over the
 * corpora) finds one missing. */
static const char *const after_first[] = {
    "aft", "and", "are", "bef", "but", "cha", "cho", "d/c", "dc'", "dec", "dis", "ele",
    "fel", "for", "fro", "gav", "got", "had", "has", "hav", "he",  "is",  "lap", "no",
    "opt", "pre", "ref", "she", "so",  "sto", "swa", "swi", "tak", "tha", "the", "too",
    "tra", "tre", "tur", "unt", "usa", "use", "was", "wer", "whi", NULL};
static const char *const after_tails[] = {"an", "al", "bo", "bu", "d/", "dc", "di", "ea",
                                          "ev", "la", "no", "st", "th", "wh", NULL};
const imrx_re_starts_t med_negation_after_starts = {
    {after_first, 0, 0}, {after_tails, 0, 0}, " \t\n\r\f\v,:->", &med_negation_after_keys};

/* Between a drug and a cue after it ("Naproxen ... was discontinued"): the clause changed, the
 * cue is about something else ("was started" is the same drug's story, not another's, and so are
 * "started by urgent care" and "to start after surgery"). */
const char med_re_stop_after[] =
    "[;:]|\\b(?:but|however|although|though|now|currently|instead|then|replaced|switched|"
    "(?<!was\\s)(?<!were\\s)(?<!been\\s)started(?!\\s+by\\b)|"
    "began|(?<!\\bto\\s)(?<!\\bthe\\s)start|starting|resumed|restarted|continues|while|whereas|who|"
    "because|since|"
    "until|"
    "except|other\\s+than|aside\\s+from|request(?:ed|s)?|authoriz\\w*|certif\\w*|recommend\\w*|"
    "and\\s+(?:is|was|has|takes|uses|continues|now)|takes|uses|using)\\b";

/* A cue after the drug ("Naproxen was discontinued", "Vicodin, which she no longer takes");
 * group 1 says it was stopped, the rest that it was never taken. A cue may follow a closing
 * parenthesis ("Gabapentin (dizziness), d/c'd 2016"). */
const char med_re_negation_after[] =
    "(?:\\b|(?<=\\)))(?:(?:(?:but\\s+)?(?:was|were|has\\s+been|have\\s+been|had\\s+been)\\s+(?:not|"
    "never)\\s+"
    "(?:yet\\s+)?(?:tried|prescribed|taken|used|filled|started|begun|dispensed|picked\\s+up|"
    "obtained|given)" /* ("A Medrol Dosepak was considered in December but was not given") */
    /* "The Lidoderm patches have sat unopened in her drawer" */
    "|(?:(?:has|have|had)\\s+(?:sat|remained|stayed)|(?:is|are|was|were)\\s+(?:still\\s+)?)\\s*"
    "unopened"
    /* "recommended a trial of Relpax, but it has not yet been started" */
    "|but\\s+(?:it|they)\\s+(?:has|have|had|was|were)\\s+(?:not|never)\\s+(?:yet\\s+)?(?:been\\s+)?"
    "(?:started|tried|filled|prescribed|taken|used|begun)"
    /* "was offered a Butrans patch and turned it down", "he refused it" */
    "|(?:(?:and|but)\\s+)?(?:(?:he|she|they)\\s+)?(?:turned\\s+(?:it|them)\\s+down|refused\\s+(?:"
    "it|them)|"
    "declined\\s+(?:it|them))"
    "|(?:has|have|had)\\s+(?:not|never)\\s+been\\s+(?:tried|prescribed|taken|used|attempted|"
    "started|given|initiated|trialed|undertaken|pursued)"
    /* "was recommended but not started", "was offered Lyrica but declined", "is
     * contraindicated" */
    "|(?:was|were)\\s+(?:recommended|suggested|proposed|offered|considered|discussed|prescribed|"
    "written)\\s+but\\s+(?:was\\s+|were\\s+)?(?:not|never)\\s+(?:started|tried|prescribed|pursued|"
    "filled|initiated)"
    /* "prescribed Nucynta in August 2016, but the prescription was never filled" */
    "|,?\\s*but\\s+the\\s+(?:prescription|script)\\s+(?:was|has\\s+been|had\\s+been)\\s+(?:never|"
    "not)"
    "\\s+(?:filled|picked\\s+up|dispensed)"
    /* "Methadone maintenance was considered, but he preferred office-based treatment" */
    "|(?:was|were)\\s+(?:considered|offered|discussed|suggested|recommended|proposed)\\b[^.;]{0,60}"
    "?"
    "\\bbut\\s+(?:he|she|they|the\\s+(?:patient|pt|worker|claimant))\\s+(?:preferred|chose|opted|"
    "elected)\\b"
    /* "but she declined", "but she declined injections" */
    "|but\\s+(?:(?:he|she|they)\\s+)?(?:declined|refused)(?:\\s+(?:(?:the|an?)\\s+)?(?:injections?|"
    "shots?|medications?|prescriptions?|trial))?(?=\\s*(?:[.;,]|$))"
    /* "The psychiatrist offered sertraline in September 2022, and she declined." */
    "|,\\s*and\\s+(?:he|she|they)\\s+(?:declined|refused)(?=\\s*(?:[.;]|$))"
    /* "Norco was offered on 6-20-2016 and declined." */
    "|(?:was|were|had\\s+been|has\\s+been)\\s+(?:offered|suggested|recommended|proposed|prescribed)"
    "\\b"
    "[^.;]{0,40}?\\band\\s+(?:(?:he|she|they)\\s+)?(?:declined|refused)(?=\\s*(?:[.;,]|$))"
    "|(?:is|are|was|were)\\s+contraindicated"
    /* "A trial of meloxicam was discussed and not pursued" */
    "|(?:was|were)\\s+(?:discussed|considered|proposed|suggested|offered|raised)\\b[^.;]{0,60}?"
    "\\band\\s+"
    "not\\s+(?:pursued|started|tried|prescribed)"
    /* "suggested a diclofenac gel, which he has not yet started" */
    "|,?\\s*(?:which|that)\\s+(?:he|she|they|the\\s+(?:patient|applicant|injured\\s+worker))\\s+"
    "(?:has|have|had)\\s+(?:not|never)\\s+(?:yet\\s+)?(?:started|tried|filled|taken|used|begun)\\b"
    /* "wrote a prescription for Nucynta in July 2018, which he never filled" */
    "|,?\\s*(?:which|that)\\s+(?:he|she|they)\\s+never\\s+(?:filled|took|started|used|tried)\\b"
    /* "a prescription for tramadol, which she says she tore up", "..., and the worker refused" */
    "|,?\\s*(?:which|that)\\s+(?:he|she|they)\\s+(?:says\\s+(?:he|she|they)\\s+)?(?:tore\\s+up|"
    "threw\\s+away)\\b"
    "|,\\s*and\\s+(?:the\\s+(?:worker|patient|applicant|claimant|employee)|he|she|they)\\s+(?:"
    "refused|"
    "declined)(?=\\s*[.;]|\\s*$|\\s+(?:it|them)\\b)"
    /* "offered a trial of Cymbalta, which she declined" */
    "|,?\\s*(?:which|that)\\s+(?:he|she|they|the\\s+(?:patient|pt|applicant|injured\\s+worker|"
    "worker|claimant|employee))\\s+(?:declined|refused|turned\\s+down)(?!\\s+to\\s+(?:continue|"
    "keep))"
    /* "but she elected not to fill it", "but she preferred not to take an antidepressant" */
    "|(?:(?:and|but)\\s+)?(?:(?:he|she|they)\\s+)?(?:(?:has|have|had)\\s+)?(?:elected|chose|chosen|"
    "decided|"
    "preferred|opted)\\s+not\\s+to\\s+"
    "(?:fill|take|use|start|try|begin)\\s+(?:it|them|an?\\s+[a-z]+|the\\s+[a-z]+)"
    /* "Prazosin was suggested by a consulting psychiatrist but has not been started" */
    /* "Duloxetine has been listed in the plan as an option but has not been prescribed" */
    "|(?:was|were|has\\s+been|have\\s+been|had\\s+been)\\s+(?:recommended|suggested|proposed|"
    "offered|considered|discussed|prescribed|listed|mentioned|raised)\\b"
    "[^.;]{0,60}?\\bbut\\s+(?:has|have|had)\\s+not\\s+(?:yet\\s+)?been\\s+(?:started|tried|filled|"
    "begun|initiated|prescribed|dispensed)\\b"
    /* "Topamax was discussed as a preventive but deferred because of the pregnancy" */
    "|(?:was|were|has\\s+been|had\\s+been)\\s+(?:recommended|suggested|proposed|offered|considered|"
    "discussed|raised|mentioned)\\b[^.;]{0,60}?\\bbut\\s+(?:was\\s+|were\\s+)?(?:deferred|"
    "postponed|"
    "put\\s+off)\\b"
    /* "The neurologist considered starting sertraline but deferred it until ..." */
    "|but\\s+(?:(?:he|she|they|the\\s+[a-z]+)\\s+)?(?:deferred|postponed|put\\s+off|held\\s+off\\s+"
    "on)\\s+"
    "(?:it|them)\\b"
    /* "Lyrica was prescribed in February, but the request was not approved and he has never
     * taken it" */
    /* "..., but the patient preferred not to add another medication and has not started it" */
    "|but\\s+[^.;]{0,80}?\\band\\s+(?:(?:he|she|they)\\s+)?(?:has|have|had)\\s+(?:never|not(?:\\s+"
    "yet)?)\\s+(?:taken|used|tried|filled|started)\\s+(?:it|them)\\b(?!\\s+since)"
    /* "Lyrica was prescribed in 2014, and she has never taken it" */
    "|,?\\s*and\\s+(?:he|she|they)\\s+(?:has|have|had)\\s+(?:never|not\\s+yet)\\s+(?:taken|used|"
    "tried|filled|started)\\s+(?:it|them)\\b"
    /* "Movantik was denied in 2021 and he never took it", "was prescribed and never filled" */
    "|,?\\s*and\\s+(?:(?:he|she|they)\\s+)?never\\s+(?:took|filled|started|used|tried|picked\\s+up)"
    "\\s+(?:it|them)\\b"
    "|\\band\\s+(?:was\\s+|were\\s+)?never\\s+(?:taken|filled|started|used|tried|picked\\s+up)"
    "(?=\\s*[.;,)]|\\s*$|\\s+(?:in|after|because|due|by|when|since|as)\\b)"
    /* "The surgeon has asked him to avoid ibuprofen ..., and he has not taken any." */
    "|,?\\s*and\\s+(?:he|she|they)\\s+(?:has|have|had)\\s+not\\s+(?:taken|used|had)\\s+any\\b(?!"
    "\\s+since)"
    /* "A prescription for Celebrex was written, but the carrier declined to pay for it and it
     * was never filled" */
    "|but\\s+[^.;]{0,80}?\\band\\s+(?:it|they)\\s+(?:was|were|has|have|had)\\s+(?:not|never)\\s+(?:"
    "yet\\s+)?"
    "(?:been\\s+)?(?:filled|started|tried|taken|used|dispensed)\\b"
    /* "once suggested Ambien, but she did not want a sleeping pill and never took it" */
    "|but\\s+[^.;]{0,60}?\\band\\s+(?:(?:he|she|they)\\s+)?never\\s+(?:took|filled|started|used|"
    "tried)\\s+"
    "(?:it|them)\\b"
    /* "handed him a sample of Pennsaid, but he says it is still unopened", "but none has been
     * prescribed" */
    "|but\\s+(?:(?:he|she|they)\\s+(?:says|said|reports|reported)\\s+)?(?:it|they)\\s+(?:is|are|"
    "was|were|"
    "remains?|remained)\\s+(?:still\\s+)?unopened"
    "|but\\s+none\\s+(?:has|have|had|was|were)\\s+(?:yet\\s+)?(?:been\\s+)?(?:prescribed|started|"
    "given|"
    "tried|dispensed)"
    /* "Gabapentin caused hives in 2014 and is recorded as an allergy" */
    "|(?:is|was|are|were)\\s+(?:recorded|listed|documented|noted)\\s+as\\s+an?\\s+allergy"
    /* "reports a penicillin allergy", "Codeine allergy (rash)" */
    "|\\G\\s+allerg(?:y|ies)\\b"
    /* "She was offered Belsomra at one visit, but the records show that she never started it" */
    "|but\\s+(?:[a-z]+\\s+){1,4}?(?:that\\s+)?(?:he|she|they)\\s+(?:has\\s+|had\\s+)?never\\s+(?:"
    "started|"
    "taken|used|tried|filled|begun)\\s+(?:it|them)\\b"
    /* "Methadone was offered in 2014, but he declined to start it" */
    "|but\\s+(?:(?:he|she|they)\\s+)?(?:declined|refused)\\s+to\\s+(?:start|try|take|use|begin|"
    "fill)"
    "(?:\\s+(?:it|them))?\\b"
    /* "was prescribed Tramadol 50mg as needed but never filled it" */
    "|but\\s+(?:(?:he|she|they)\\s+)?never\\s+(?:filled|took|started|used|tried)(?:\\s+(?:it|them|"
    "the\\s+"
    "prescription)|(?=\\s*(?:[.;,]|$)))"
    /* "was offered Gabapentin for the night symptoms but did not want to take it" */
    "|but\\s+(?:(?:he|she|they)\\s+)?(?:did\\s+not|didn't|does\\s+not|doesn't)\\s+want\\s+(?:to\\s+"
    "(?:take|try|use|start)\\s+)?(?:it|them)\\b"
    /* "is thinking about Chantix but has not started it" */
    "|but\\s+(?:has|have|had)\\s+(?:not|never)\\s+(?:yet\\s+)?(?:started|tried|filled|taken|used|"
    "begun)\\s+(?:it|them)\\b(?!\\s+(?:since|for|in)\\b)"
    /* "recommended nortriptyline, but she has not started it", "but turned the referral down" */
    "|but\\s+(?:he|she|they)\\s+(?:has|have|had)\\s+(?:not|never)\\s+(?:yet\\s+)?(?:started|tried|"
    "filled|taken|used)\\s+(?:it|them|the\\s+(?:prescription|script))"
    "|but\\s+(?:(?:he|she|they)\\s+)?turned\\s+(?:it|them|the\\s+(?:referral|offer|prescription|"
    "recommendation))\\s+down"
    /* "was prescribed on 10-5-2017, but she did not fill it" */
    "|but\\s+(?:(?:he|she|they)\\s+)?(?:did\\s+not|didn't)\\s+(?:fill|take|start|use|try|prescribe|"
    "give|"
    "order)\\s+"
    "(?:it|them|the\\s+prescription))"
    "|((?:but\\s+(?:(?:it|they)\\s+)?)?(?:was|were|has\\s+been|have\\s+been|had\\s+been)\\s+(?:(?:"
    "later|subsequently|"
    "eventually|"
    "previously|then|all|both|each|also|recently|ultimately|finally|gradually|itself|themselves)"
    "\\s+)?(?:"
    "discontinued|d/"
    "c'?d|dc'd|stopped|weaned|tapered|ceased|abandoned|withdrawn|halted|dropped|ended|"
    "terminated|suspended|given\\s+up|set\\s+aside|exchanged|phased\\s+out|retired|pulled|removed|"
    "not\\s+(?:renewed|refilled|continued|reordered)|taken\\s+(?:off|away)(?=\\s+(?:the\\s+|his\\s+"
    "|her\\s+|their\\s+)?(?:medication|med|drug)s?\\s+list|\\s+(?:in|on|at|by|for|after|before|"
    "because|due|when|since|during|over|from|and|but|as|it|them)\\b|\\s*[.;,)]|\\s*$)|"
    "let\\s+go|eliminated\\s+"
    "from|"
    "last\\s+(?:filled|taken|used|prescribed)|previously\\s+(?:used|taken|tried))"
    /* "Norco lapsed when the insurer denied the refill", "Norco gave way to tramadol", "has been
     * Norco-free since March", "was trialed and failed", "nausea forced her off it" */
    "|lapsed|gave\\s+way\\s+to"
    /* "Percocet was prescribed for the first week and has since been stopped" */
    "|(?:has|have|had)\\s+(?:since|now|already)\\s+been\\s+(?:stopped|discontinued|tapered|weaned)"
    /* "took ibuprofen at first but changed to Naproxen", "tried Ultram in 2011 but it made him
     * dizzy, and he no longer uses it" */
    "|but\\s+(?:(?:he|she|they)\\s+)?(?:changed|switched|moved|transitioned)\\s+(?:over\\s+)?to\\b"
    "|but\\s+[^.;]{0,60}?,?\\s+and\\s+(?:he|she|they)\\s+no\\s+longer\\s+(?:takes|uses|(?:is\\s+)?"
    "taking|(?:is\\s+)?using)\\s+(?:it|them)"
    /* "while taking aspirin in 2009 and has avoided it since" */
    "|(?:and\\s+)?(?:has|have|had)\\s+avoided\\s+(?:it|them)\\b"
    /* "A three-week trial of Cymbalta 30 mg in 2012 ended because of nausea": right after the
     * drug, its strength or a year */
    "|\\G(?:\\s+[\\d.,/]+\\s*(?:mg|mcg|g|ml|%))?(?:\\s+(?:in|during)\\s+(?:19|20)\\d\\d)?\\s+"
    "ended\\s+(?:because|due|after|when|within)\\b"
    /* notes right after the drug and its dose: "Cyclobenzaprine 7.5 mg d/c'd 12/2017 d/t
     * sedation", "Nortriptyline 25 mg stopped 2016 (dry mouth)", a table row's "Norco 10/325
     * mg   1 PO q6h PRN   weaned off 08/2016" */
    /* (and after a table's dot leader: "Tramadol 50 mg tid ......... stopped 06/2021") */
    /* (or in a table's last cell: "Lidoderm 5% patch | 1 patch, 12 hours on/off | DC'd 02/2017";
     * with a month: "Zolpidem 5 mg stopped January 2021") */
    "|\\G(?:\\s*(?:\\.{3,}\\s*)?|[ \\t]*(?:\\|[^\\n|]{0,60}){0,4}\\|[ "
    "\\t]*)(?:stopped|discontinued|d/"
    "c'?d|dc'd|(?:weaned|tapered)\\s+off)(?=\\s+(?:in|"
    "on|after|since|"
    "due|d/t|because|by|"
    "\\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\b)|\\s*[.;,()]|\\s*$)"
    /* "Zoloft was raised to 200 mg, but ... and in 2014 he was cross-tapered to Effexor XR",
     * "Lunesta was substituted for a month, with no benefit, and she went back to Ambien",
     * "Ativan was continued for a few weeks, then changed to Xanax" */
    "|but\\s+[^.;]{0,120}?\\band\\s+(?:(?:in|on|by|after)\\s+[^,.;]{1,30}?\\s+)?(?:he|she|they)\\s+"
    "(?:was|"
    "were)\\s+(?:cross-?tapered|switched|changed|transitioned|moved)\\s+(?:over\\s+)?to\\b"
    "|(?:was|were)\\s+(?:substituted|tried|trialed)\\b[^.;]{0,60}?\\band\\s+(?:he|she|they)\\s+"
    "went\\s+"
    "back\\s+to\\b"
    "|,?\\s+then\\s+(?:changed|switched|converted|cross-?tapered)\\s+to\\b"
    /* "Nexium 40mg daily until 6/2019, then changed to omeprazole" */
    "|until\\s+[^.;]{1,40}?,\\s*then\\s+(?:changed|switched|converted|cross-?tapered)\\s+to\\b"
    /* "Ibuprofen was used through 2012 and was then replaced by meloxicam", "Zoloft was
     * increased to 100 mg and then, on 1/11/2016, replaced with Cymbalta" */
    "|\\band\\s+(?:was\\s+|were\\s+)?(?:then|later|eventually|subsequently)?,?\\s*(?:(?:on|in)\\s+"
    "[^,.;]{1,25},\\s*)?replaced\\s+(?:by|with)\\b"
    /* "OxyContin 20mg was added in May 2014 and discontinued on 1-12-2016" */
    "|(?:was|were|had\\s+been|has\\s+been)\\s+(?:added|started|begun|prescribed|given|initiated)\\b"
    "[^.;]{0,60}?\\band\\s+(?:later\\s+|then\\s+|subsequently\\s+|eventually\\s+)?(?:discontinued|"
    "stopped|tapered|weaned|d/c'?d|dc'd)(?![\\w'])"
    /* "She took ibuprofen for several months but stopped because of heartburn" (not "but
     * stopped Norco", another drug) */
    "|but\\s+(?:(?:he|she|they)\\s+)?(?:stopped|quit|discontinued)(?:\\s+(?:it|them|taking\\s+(?:"
    "it|"
    "them)))?(?=\\s+(?:because|due|after|when|in|on|for|within)\\b|\\s*[.;,)]|\\s*$)"
    /* \\G: right after the drug's name (the search starts there), not "pain-free for hours" */
    "|\\G-free\\s+(?:since|for)\\b"
    "|(?:was|were|has\\s+been|had\\s+been)\\s+(?:(?:briefly|previously|unsuccessfully)\\s+)?(?:"
    "tried|"
    "trialed)\\s+(?:and|but)\\s+failed(?!\\s+to\\b)"
    /* "Elavil was tried in early 2018 without benefit" */
    "|(?:was|were)\\s+(?:(?:briefly|previously|also)\\s+)?(?:tried|trialed)\\b"
    "[^.;]{0,40}?\\b(?:without|with\\s+no)\\s+(?:benefit|relief|success|improvement)\\b"
    "|(?:forced|took|taking|got)\\s+(?:him|her|them)\\s+off\\s+(?:it|them)\\b"
    /* "Norco use ended in 2016" */
    "|(?:use|usage|treatment|therapy)\\s+(?:was\\s+|has\\s+been\\s+)?(?:ended|stopped|discontinued|"
    "ceased)"
    /* "Soma fell out of his regimen", "has not been part of her regimen since early 2016" */
    "|fell\\s+out\\s+of\\s+(?:his|her|their|the)\\s+regimen"
    "|(?:has|have|had)\\s+not\\s+been\\s+(?:part\\s+of|in)\\s+(?:his|her|their|the)\\s+regimen"
    /* "took only three doses before abandoning it" */
    "|(?:but\\s+[^.;]{0,60}?\\s+)?before\\s+(?:abandoning|stopping|discontinuing|quitting)\\s+(?:"
    "it|them)"
    /* "which he declined to continue after the first week" */
    "|(?:which|that|and|but)\\s+(?:he|she|they)\\s+(?:declined|refused|chose\\s+not|decided\\s+not)"
    "\\s+to\\s+"
    "(?:continue|keep\\s+taking)"
    /* "tried for sleep, but she found it left her unsteady and it was not renewed" */
    "|but\\s+[^.;]{0,80}?\\band\\s+(?:(?:in|on|by|after)\\s+[^,.;]{1,30}?\\s+)?(?:it|they)\\s+(?:"
    "was|were)"
    "\\s+(?:later\\s+|then\\s+|eventually\\s+)?"
    "(?:stopped|discontinued|not\\s+(?:renewed|refilled|continued)|(?:swapped|switched|changed|"
    "traded)(?:\\s+out)?\\s+(?:for|to))"
    /* "until his physician swapped it for meloxicam" */
    "|(?:until\\s+[^.;]{1,60}?\\s+)?(?:swapped|switched|changed|traded)\\s+(?:it|them)\\s+(?:for|"
    "to|with)\\b"
    /* "Elavil was tried for a few months but left her groggy, and her psychiatrist replaced it" */
    "|but\\s+[^.;]{0,80}?,?\\s+and\\s+(?:he|she|they|(?:his|her|their|the)\\s+[a-z]+)\\s+(?:"
    "later\\s+|"
    "then\\s+)?(?:stopped|discontinued|replaced|switched|changed)\\s+(?:it|them)\\b"
    /* "He was treated with OxyContin from 2011 until it was tapered off in March 2015" */
    "|until\\s+(?:it|they)\\s+(?:was|were)\\s+(?:later\\s+|eventually\\s+|finally\\s+)?(?:stopped|"
    "discontinued|tapered|weaned|replaced|switched|changed|withdrawn|recalled)"
    /* "Past medications have included Vicodin ES, Soma and Valium, all discontinued in 2012" */
    "|,\\s*(?:all|both|each)\\s+(?:of\\s+(?:which|them)\\s+)?(?:(?:was|were)\\s+)?(?:discontinued|"
    "stopped)"
    /* "took Norco after the knee replacement until the middle of 2015": a use that ended in a
     * year named */
    "|until\\s+(?:(?:about|around)\\s+)?(?:the\\s+(?:middle|end|beginning|start|spring|summer|fall|"
    "autumn|winter)\\s+of\\s+|(?:early|late|mid)[-\\s]?|(?:january|february|march|april|may|june|"
    "july|august|september|october|november|december)\\s+(?:of\\s+)?)?(?:19|20)\\d\\d\\b"
    "(?![^.;]{0,40}?\\b(?:resumed|restarted|again|continues|when\\s+(?:it|they)\\s+was\\s+"
    "(?:increased|decreased|reduced|changed)))"
    /* "took Vioxx from 2001 to 2004": a period that ended */
    "|from\\s+(?:[a-z]+\\s+|\\d{1,2}[-/])?(?:19|20)\\d\\d\\s+(?:to|until|through)\\s+"
    "(?:[a-z]+\\s+|\\d{1,2}[-/])?(?:19|20)\\d\\d"
    "\\b(?!\\s*(?:and\\s+)?(?:continues|continuing|ongoing|to\\s+present))"
    /* "A trial of Cymbalta was not tolerated due to nausea" */
    "|(?:was|were|has\\s+been|had\\s+been)\\s+(?:not|poorly)\\s+tolerated"
    "|(?:he|she|they)\\s+(?:could|did)\\s+not\\s+tolerate\\s+(?:it|them)"
    /* "Meloxicam has been on hold since May", "was put on hold before surgery" (not "held and
     * then restarted") */
    "|(?:(?:was|were|is|are|has\\s+been|have\\s+been|had\\s+been)\\s+(?:(?:placed|put|kept)\\s+)?"
    "on\\s+hold)\\b(?![^.;]{0,60}?\\b(?:resumed|restarted|again)\\b)"
    /* "was held before the operation and was never resumed" */
    "|(?:was|were|has\\s+been|had\\s+been)\\s+(?:never|not)\\s+(?:resumed|restarted)"
    /* "but the trial ended after a few weeks" */
    "|(?:but|and)\\s+the\\s+trial\\s+(?:was\\s+)?(?:ended|stopped|discontinued|terminated)"
    /* "and then gave it up", "but she let it lapse", "which he took ... and then set aside" */
    /* ... "a handful of tablets before he put the bottle away" */
    "|(?:and|but|then|so|before)\\s+(?:(?:he|she|they)\\s+)?(?:later\\s+|then\\s+|eventually\\s+)?("
    "?:"
    "gave\\s+"
    "(?:it|them)\\s+up|let\\s+(?:it|them)\\s+lapse|gave\\s+up|set\\s+aside"
    "|(?:set|put)\\s+(?:it|them|the\\s+(?:bottle|pills|tablets|capsules|patches|box|rest))\\s+(?:"
    "aside|"
    "away))"
    /* "but her internist stopped it", "and his psychiatrist replaced it with" */
    "|(?:but|and)\\s+(?:his|her|their|the)\\s+[a-z]+\\s+(?:later\\s+|then\\s+)?(?:discontinued|"
    "stopped|replaced|changed|switched)\\s+(?:it|them)"
    "|(?:which|that)\\s+(?:he|she|they|(?:the|his|her|their)\\s+\\w+(?:\\s+\\w+)?)\\s+(?:no\\s+"
    "longer|stopped|"
    "discontinued|quit|gave\\s+up|abandoned|dropped|(?:weaned|tapered)\\s+(?:(?:himself|herself|"
    "themselves)\\s+)?off)"
    "|(?:he|she|they|and)\\s+(?:had\\s+|has\\s+)?(?:later\\s+|then\\s+)?(?:discontinued|stopped|"
    "quit)"
    "\\s+(?:it|them|"
    "(?:taking|using)\\s+(?:it|them))"
    "|and\\s+(?:then\\s+)?(?:was|were)\\s+(?:discontinued|stopped)"
    /* "He took ibuprofen for several years until a gastrointestinal bleed in 2015, after which it
     * was stopped" */
    "|(?:\\buntil\\s+[^.;]{1,60}?,?\\s*)?\\bafter\\s+which\\s+(?:it|they)\\s+(?:was|were)\\s+(?:"
    "stopped|"
    "discontinued|tapered|weaned)\\b"
    /* "hydroxyzine 25 mg as needed is listed as discontinued 11/2016" */
    "|(?:is|was|are|were)\\s+(?:listed|recorded|documented|noted)\\s+as\\s+(?:discontinued|stopped)"
    "\\b"
    /* "He used Vicodin after the surgery and no longer needs it" */
    "|and\\s+(?:(?:he|she|they)\\s+)?(?:now\\s+)?no\\s+longer\\s+(?:needs|takes|uses|requires)\\s+("
    "?:it|"
    "them)\\b"
    /* "Elavil, which caused morning grogginess and was stopped after one month" */
    "|(?:which|that)\\s+[^.;,]{0,60}?\\band\\s+(?:was|were)\\s+(?:later\\s+|then\\s+|eventually\\s+"
    ")?"
    "(?:stopped|discontinued|tapered|weaned)"
    /* "ranitidine 150 mg twice daily, which he took for about a month without relief" */
    "|,?\\s*(?:which|that)\\s+(?:he|she|they)\\s+(?:took|used|tried)\\b[^.;]{0,40}?\\bwithout\\s+"
    "(?:relief|benefit|improvement|success)\\b"
    /* "Paxil, which he took for about two months in 2015 and stopped because of ...", "Percocet,
     * which she tapered and stopped by 3-12-2018" */
    "|(?:which|that)\\s+(?:he|she|they)\\s+(?:took|used|tried|tapered|had\\s+(?:taken|used|tried))"
    "\\b[^.;]{0,80}?\\band\\s+(?:then\\s+|later\\s+|eventually\\s+|finally\\s+)?(?:stopped|"
    "discontinued|quit)\\b"
    /* "Cymbalta, stopped after one month in 2014 because of nausea", "Percocet 5/325 after the
     * surgery, stopped 5/2014", "ibuprofen 800 mg tid, d/c'd in 2013" */
    /* ... "He used oxycodone 5 mg as needed after the surgery, stopped it in late January" */
    "|,\\s*(?:later\\s+|then\\s+|eventually\\s+)?(?:stopped|discontinued|d/"
    "c'?d)(?:\\s+(?:it|them))?"
    "(?:\\s+(?:(?:after|in|on|because|due|for|when|owing)\\b|(?:\\d{1,2}/"
    ")?(?:19|20)?\\d\\d\\b)|(?=\\s*[.;),]|"
    "\\s*$))"
    /* a list entry's note: "Norco: discontinued.", "Norco - stopped in 2015" */
    /* ("Naproxen 500 mg PO BID PRN -- DC'd 08/2016 (stomach upset)") */
    "|\\s*(?::|->|-{1,2})\\s*(?:discontinued|stopped|d/c'?d|dc'?d)(?=\\s*(?:[.;,()]|$|\\s+(?:in|on|"
    "after|since|due|d/t|because|by|\\d)))"
    /* "Norco was held after surgery and never restarted" */
    "|(?:was|were)\\s+held\\b[^.;]{0,60}?\\band\\s+(?:was\\s+|were\\s+)?(?:never|not)\\s+(?:"
    "resumed|"
    "restarted)"
    /* "used it for about two weeks, then stopped it" */
    "|,?\\s*(?:and\\s+)?then\\s+(?:discontinued|stopped|quit)\\s+(?:it|them)\\b"
    /* "was used for two weeks after surgery and then stopped": the clause ends there (not "and
     * then stopped ibuprofen", another drug's story) */
    "|and\\s+(?:then|later|eventually)\\s+(?:discontinued|stopped)(?=\\s*[.;,)]|\\s*$|\\s+(?:"
    "because|due|after|when|in|on|for|by|at|as|without|owing)\\b)"
    "|(?:was|were|has\\s+been|had\\s+been)\\s+(?:changed|switched|converted|transitioned|moved)\\s+"
    "(?:over\\s+)?to"
    /* "was changed because of heartburn" */
    "|(?:was|were|has\\s+been|had\\s+been)\\s+(?:changed|switched|replaced)\\s+(?:because|due|"
    "owing|"
    "after)\\b"
    /* "was replaced by naproxen", "was replaced on 1-30-2018 by naproxen" */
    "|(?:was|were|has\\s+been|had\\s+been)\\s+replaced\\s+(?:(?:on|in)\\s+[^.;,]{1,20}?\\s+)?"
    "(?:by|with)"
    /* "took diclofenac until June 2016, when it was stopped", "was on MS Contin until 2014,
     * when it was changed to OxyContin" */
    "|until\\s+[^.;]{1,40}?\\s+when\\s+(?:it|they|this|that)\\s+(?:[^.;]{0,40}?\\s+and\\s+)?(?:was|"
    "were)\\s+(?:later\\s+)?(?:stopped|discontinued|changed|switched|replaced|tapered|weaned)"
    /* "Duragesic patches, until a skin reaction in September 2013 led his physician to
     * discontinue them" */
    "|until\\s+[^.;]{1,60}?\\s+led\\s+(?:his|her|their|the)\\s+[a-z]+\\s+to\\s+(?:discontinue|stop)"
    "\\s+"
    "(?:it|them)\\b"
    /* "was taking Ambien for sleep but stopped it", "was tried without benefit and stopped" */
    "|but\\s+(?:(?:he|she|they)\\s+)?(?:later\\s+|then\\s+)?(?:discontinued|stopped|quit)\\s+"
    "(?:it|them|(?:taking|using)\\s+(?:it|them))"
    "|(?:was|were)\\s+(?:(?:then|later|also|subsequently|briefly|initially)\\s+)?(?:tried|trialed|"
    "started|used|prescribed|given|begun|taken|initiated|titrated|increased|raised|reduced|"
    "decreased|continued)\\b"
    "[^.;]{0,60}?\\band\\s+(?:then\\s+|later\\s+)?(?:was\\s+|were\\s+)?"
    "(?:stopped|discontinued|abandoned|dropped|given\\s+up)"
    /* "was started on Lyrica in February, but after six weeks it was swapped for gabapentin",
     * "was on methadone for part of 2015, but it was set aside" */
    "|but\\s+[^.;]{0,60}?\\b(?:it|they)\\s+(?:was|were)\\s+(?:later\\s+|then\\s+|eventually\\s+)?"
    "(?:swapped|switched|changed|replaced|set\\s+aside|given\\s+up|abandoned|dropped)\\b"
    /* "tried trazodone, but it left her groggy and was stopped", "took amitriptyline before,
     * but it was stopped" */
    "|but\\s+(?:it|they)\\s+(?:[^.;]{0,80}?\\band\\s+)?(?:was|were)\\s+(?:later\\s+|then\\s+|"
    "eventually\\s+)?"
    "(?:stopped|discontinued)"
    /* "Ibuprofen 800 mg prn (not taking)" on a list */
    "|(?<=\\()\\s*(?:not\\s+(?:currently\\s+)?(?:taking|using)|no\\s+longer\\s+(?:taking|using)|"
    "discontinued|d/"
    "c(?:'?d)?|stopped)(?:\\s+(?:(?:in|on|after|for|because|due)\\b|\\d)[^()]{0,120})?"
    "(?=\\s*\\))"
    /* "was taking Motrin until 2015 but this was changed to Mobic", "was prescribed oxycodone
     * after surgery but finished it in November" */
    "|(?:until\\s+[^.;]{1,40}?\\s+)?but\\s+(?:this|that|it)\\s+(?:was|were)\\s+(?:later\\s+|"
    "then\\s+)?"
    "(?:changed|switched)\\s+to"
    "|but\\s+(?:(?:he|she|they)\\s+)?(?:later\\s+|then\\s+)?(?:finished|completed)\\s+(?:it|them)"
    /* "used Tylenol with Codeine #3 after the injury and has not taken it since early 2016" */
    "|(?:and|but)\\s+(?:(?:he|she|they)\\s+)?(?:has|have|had)\\s+not\\s+(?:taken|used|needed|"
    "required)\\s+(?:it|them)\\s+"
    "(?:since|for|in)\\b"
    "|(?:was|were)\\s+(?:later\\s+|then\\s+)?swapped\\s+(?:for|to|out)"
    /* "took Norco until early 2018 but no longer uses it" */
    /* "was given Norco early on but is no longer taking it" */
    "|(?:until\\s+[^.;]{1,40}?\\s+)?(?:but|and)\\s+(?:(?:he|she|they)\\s+)?(?:is\\s+)?no\\s+"
    "longer\\s+"
    "(?:takes|uses|(?:is\\s+)?taking|(?:is\\s+)?using|on)\\s+(?:it|them)"
    "))\\b";

/* The clause after a semicolon that ends the drug's sentence: "used Duragesic patches from 2011
 * to 2014; they were stopped because of skin reactions". */
const char med_re_stopped_next_clause[] =
    ";\\s*(?:"
    /* group 1, never taken: "recommended trazodone for sleep; the PTP has not prescribed it" */
    "((?:he|she|they|the\\s+[A-Za-z]+|(?:his|her|their)\\s+[a-z]+)\\s+(?:has|have|had)\\s+"
    "(?:not|never)\\s+(?:yet\\s+)?(?:prescribed|started|begun|filled|tried|taken|used)\\s+(?:it|"
    "them|"
    "either(?:\\s+one)?|any\\s+of\\s+them)\\b"
    /* "calcitonin nasal spray; it was never started", "offered duloxetine; she turned it
     * down", "a prescription for cyclobenzaprine; she says she never took a single tablet of it" */
    "|(?:it|they|[A-Za-z][\\w-]*(?:\\s+[A-Z][\\w-]*)?)\\s+(?:was|were)\\s+never\\s+(?:started|"
    "filled|"
    "tried|taken|used|picked\\s+up)\\b"
    /* "suggested adding Abilify; this has not been started" */
    "|(?:this|that|it|[A-Z][\\w-]*)\\s+(?:has|had)\\s+(?:not|never)\\s+(?:yet\\s+)?been\\s+(?:"
    "started|"
    "filled|"
    "tried|"
    "prescribed|begun)\\b"
    /* ("suggested augmentation with lithium; she refused, saying ...") */
    "|(?:he|she|they)\\s+(?:turned\\s+(?:it|them)\\s+down|(?:declined|refused)(?:\\s+(?:it|them)"
    "\\b|"
    "(?=\\s*[,.;])|\\s+any\\s+(?:further\\s+|more\\s+|other\\s+|new\\s+)?medications?\\b))"
    "|(?:[a-z]+\\s+){0,3}?(?:he|she|they)\\s+never\\s+(?:took|used|filled|started|tried)\\b[^.;]{0,"
    "40}?"
    "\\b(?:it|them)\\b)"
    /* "was tried from 8-2016 to 11-2016; it did not help and was stopped" */
    /* "tried on two occasions; neither dose helped, and it was not renewed" */
    "|[^.;]{0,60}?\\band\\s+(?:it|they)\\s+(?:was|were)\\s+not\\s+(?:renewed|refilled|continued)\\b"
    "|(?:it|they)\\s+[^.;]{0,40}?\\band\\s+(?:was|were)\\s+(?:later\\s+|then\\s+)?(?:stopped|"
    "discontinued)\\b"
    /* "Clonazepam 0.5 mg BID started by urgent care 11/2017; tapered and d/c'd 03/2018" */
    "|(?:(?:later|then|eventually)\\s+)?(?:(?:tapered|weaned)(?:\\s+off)?\\s+and\\s+)?(?:d/c'?d|"
    "discontinued|stopped)(?=\\s+(?:in|on|after|since|due|d/t|because|by|\\d)|\\s*[.;,()]|\\s*$)"
    /* "Lexapro was the first antidepressant; he let it lapse in the spring of 2016", "she was
     * given Norco; she took one tablet ... and threw the rest away" */
    "|(?:he|she|they)\\s+let\\s+(?:it|them)\\s+lapse\\b"
    "|[^.;]{0,80}?\\b(?:threw|thrown)\\s+(?:the\\s+rest|(?:it|them)|the\\s+(?:bottle|pills|tablets)"
    ")\\s+"
    "(?:away|out)\\b"
    /* "he took meloxicam daily; it has been on hold since May 2018" */
    "|(?:it|they)\\s+(?:has|have|had)\\s+been\\s+(?:(?:placed|put|kept)\\s+)?on\\s+hold\\b"
    "(?![^.;]{0,60}?\\b(?:resumed|restarted|again)\\b)"
    "|(?:the\\s+last\\s+of\\s+)?(?:it|they|both|all\\s+(?:three|of\\s+them)|each)\\s+(?:was|were)"
    "\\s+"
    "(?:later\\s+|then\\s+|eventually\\s+)?(?:stopped|discontinued|tapered|weaned|withdrawn)\\b"
    /* "given cyclobenzaprine; the supply ran out after ten days and was not refilled", "she has
     * not had any since the summer of 2016" */
    "|(?:the\\s+)?(?:supply|prescription|bottle|medication|tablets|pills)\\s+ran\\s+out\\b"
    "|(?:he|she|they)\\s+(?:has|have|had)\\s+not\\s+(?:had|taken|used)\\s+(?:any|it|them)\\s+"
    "since\\b"
    /* "He took warfarin after a deep vein thrombosis in 2019; it was changed to Xarelto" */
    "|(?:it|they)\\s+(?:was|were)\\s+(?:later\\s+|then\\s+)?(?:changed|switched|converted)\\s+to\\b"
    /* "Percocet was prescribed early; she was switched to Norco in 2015" */
    "|(?:he|she|they)\\s+(?:was|were)\\s+(?:later\\s+|then\\s+)?(?:switched|changed|moved|"
    "transitioned)\\s+to\\b"
    /* "Neurontin was prescribed after the surgery; she felt it no longer helped and quit it",
     * "Norco was prescribed for a short time; he stopped taking it in December" */
    "|[^.;]{0,80}?\\b(?:he|she|they|and|the\\s+(?:patient|applicant|injured\\s+worker|employee|"
    "claimant))\\s+(?:later\\s+|then\\s+|eventually\\s+)?(?:(?:quit|stopped|discontinued|abandoned|"
    "dropped)\\s+(?:(?:taking|using)\\s+)?(?:it|them|the\\s+same)|set\\s+(?:it|them)\\s+aside|"
    "gave\\s+(?:it|them)\\s+up)"
    /* "Effexor XR was tried in 2016; it gave her drenching sweats ..., and it was stopped" */
    "|[^.;]{0,100}?\\band\\s+(?:it|they)\\s+(?:was|were)\\s+(?:later\\s+|then\\s+|eventually\\s+)?"
    "(?:stopped|discontinued|(?:tapered|weaned)(?:\\s+off)?)"
    /* "Abilify was added in July 2014; she developed restlessness and was tapered off it by
     * October", "He used Norco for years; with a taper he came off it completely in mid-2014" */
    "|[^.;]{0,100}?\\band\\s+(?:was|were)\\s+(?:tapered|weaned)\\s+off\\s+(?:of\\s+)?(?:it|them)\\b"
    "|[^.;]{0,100}?\\b(?:he|she|they)\\s+(?:came|went|got)\\s+off\\s+(?:of\\s+)?(?:it|them)\\b"
    "\\b)";

/* A drug said never tried, told around it: "no record that metoclopramide was tried", "the
 * records do not show that amitriptyline, duloxetine or gabapentin was ever tried". The cue
 * before the list, and right after its last drug: */
const char med_re_untried_before[] =
    "\\b(?:nothing\\s+(?:in\\s+the\\s+(?:medical\\s+)?(?:records?|file|notes)\\s+)?(?:suggests|"
    "shows|"
    "indicates|documents)|no\\s+(?:records?|documentation|"
    "evidence|"
    "indication|mention|report)|(?:does|do|did)\\s+"
    "not\\s+(?:show|document|indicate|reflect|mention|establish|describe))\\s+(?:that|whether)\\b"
    /* "Neither gabapentin nor Lyrica has been tried", "None of the standard preventive agents,
     * such as amitriptyline or propranolol, has been tried" */
    /* "No naloxone has been prescribed" */
    "|\\bno(?=\\s)|\\bneither\\b|\\bnone\\s+of\\s+(?:(?:the|these|his|her|their)\\s+)?(?:[a-z-]+"
    "\\s+){0,4}?[a-z-"
    "]+,?"
    "\\s+(?:such\\s+as|like|including)\\b";
const char med_re_untried_after[] =
    "[\\s,]*(?:was|were|(?:has|have|had)\\s+(?:ever\\s+)?been)\\s+(?:(?:ever\\s+|previously\\s+|"
    "actually\\s+)?(?:tried|used|prescribed|given|trialed|attempted)|ever\\s+offered)\\b";
