/* The medications plugin: drugs said stopped (discontinued) or never taken (negated), told
 * before the drug, after it in its clause, in the next clause, in lists and their notes. */
#include "meds_letter.h"

TestSuite(medication_stops, .init = setup, .fini = teardown, .timeout = 60);

Test(medication_stops, negation_and_discontinuation)
{
    json_t *r = summary("She denies use of Soma. He is no longer taking Flexeril because of "
                        "drowsiness. He was weaned off OxyContin in 2015. Naproxen was "
                        "discontinued in 2016. She took amitriptyline for two weeks and stopped "
                        "it. He takes Norco daily.");
    json_t *soma = must(r, "carisoprodol");
    cr_expect(flag(soma, "negated"));
    cr_expect(!flag(soma, "discontinued"));
    cr_expect(flag(must(r, "cyclobenzaprine"), "discontinued"));
    cr_expect(!flag(must(r, "cyclobenzaprine"), "negated"));
    cr_expect(flag(must(r, "oxycodone"), "discontinued"));
    cr_expect(flag(must(r, "naproxen"), "discontinued"));
    cr_expect(flag(must(r, "amitriptyline"), "discontinued"));
    json_t *norco = must(r, "hydrocodone/acetaminophen");
    cr_expect(!flag(norco, "negated") && !flag(norco, "discontinued"));
    json_decref(r);
    r = summary("Soma has not been prescribed. He takes Norco daily.");
    cr_expect(flag(must(r, "carisoprodol"), "negated"), "a cue after the drug");
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "negated"));
    json_decref(r);
}

/* Stopped drugs told after the drug and a clause about its use. */
Test(medication_stops, discontinued_after_an_until_or_a_but)
{
    json_t *r = summary("He took diclofenac sodium 75 mg twice a day until June 2016, when it was "
                        "stopped because of dyspepsia. She was taking Ambien for sleep but stopped "
                        "it last year. Pamelor 25mg was tried in 2015 without benefit and stopped. "
                        "She took ibuprofen until 2016, when it was replaced by Mobic 15mg daily. "
                        "He takes gabapentin until his next visit, when it will be reassessed.");
    cr_expect(flag(must(r, "diclofenac"), "discontinued"));
    cr_expect(flag(must(r, "zolpidem"), "discontinued"));
    cr_expect(flag(must(r, "nortriptyline"), "discontinued"));
    cr_expect(flag(must(r, "ibuprofen"), "discontinued"));
    cr_expect(!flag(must(r, "meloxicam"), "discontinued"), "the replacement goes on");
    cr_expect(!flag(must(r, "gabapentin"), "discontinued"), "\"will be\" stops nothing yet");
    json_decref(r);
    r = summary("She took amitriptyline before, but it was stopped because of grogginess. He took "
                "Norco until early 2018 but no longer uses it. This worker is being tapered from "
                "tramadol.");
    cr_expect(flag(must(r, "amitriptyline"), "discontinued"));
    cr_expect(flag(must(r, "hydrocodone/acetaminophen"), "discontinued"));
    cr_expect(!flag(must(r, "tramadol"), "discontinued"), "a taper under way stops nothing yet");
    json_decref(r);
    r = summary("He was told to stop taking ibuprofen after the surgery. He took Norco 5/325mg for "
                "two weeks and no longer uses it. He takes Tramadol ER 150mgs #30.");
    cr_expect(flag(must(r, "ibuprofen"), "discontinued"));
    cr_expect(flag(must(r, "hydrocodone/acetaminophen"), "discontinued"));
    json_t *t = must(r, "tramadol");
    cr_expect(!flag(t, "discontinued"));
    cr_expect_str_eq(str(t, "strength"), "150 mg", "'mgs' is mg");
    cr_expect_eq(num(t, "quantity"), 30);
    json_decref(r);
    r = summary("Gabapentin was started on 12/15/2016, but he stopped it after a week. She was "
                "prescribed Tramadol 50mg as needed but never filled it.");
    cr_expect(flag(must(r, "gabapentin"), "discontinued"),
              "'was started' is the same drug's story");
    cr_expect(flag(must(r, "tramadol"), "negated"), "never filled: never taken");
    json_decref(r);
}

/* Stops told with other verbs, in the next clause after a semicolon, or with the subject left
 * out; offers refused; prescriptions never filled. */
Test(medication_stops, stops_in_other_words)
{
    json_t *r = summary("Ibuprofen was abandoned years ago after gastritis. MS Contin was given up "
                        "in 2013. Lyrica was halted in the autumn. Naproxen was dropped from his "
                        "regimen. A fentanyl patch was tried in 2014, but the trial ended after a "
                        "few weeks. Mobic was held for a week and was never resumed. Celebrex was "
                        "taken for years, but her internist stopped it. She took tramadol and then "
                        "gave it up. He used to take Aleve but switched.");
    static const char *const stopped[] = {"ibuprofen", "morphine",  "pregabalin", "fentanyl",
                                          "meloxicam", "celecoxib", "tramadol",   NULL};
    for (int i = 0; stopped[i]; i++)
        cr_expect(flag(must(r, stopped[i]), "discontinued"), "%s", stopped[i]);
    json_t *naproxen = must(r, "naproxen");
    cr_expect(flag(naproxen, "discontinued"), "was dropped");
    cr_expect(flag(mention(r, "naproxen", 1), "discontinued"), "used to take");
    json_decref(r);
    r = summary("Percocet was prescribed early in the claim; she was switched to Norco in 2015. "
                "Neurontin was prescribed after surgery; she felt it no longer helped and quit it. "
                "Lunesta was prescribed; Ambien was stopped.");
    cr_expect(flag(must(r, "oxycodone/acetaminophen"), "discontinued"));
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "discontinued"));
    cr_expect(flag(must(r, "gabapentin"), "discontinued"));
    cr_expect(!flag(must(r, "eszopiclone"), "discontinued"),
              "the next clause stops another drug it names");
    json_decref(r);
    r = summary("Nortriptyline was suggested as an alternative to amitriptyline but was never "
                "started. He was offered a Butrans patch and turned it down. When methadone was "
                "proposed he refused it. A prescription for Keflex was never filled.");
    cr_expect(flag(must(r, "nortriptyline"), "negated"), "the clause's subject");
    cr_expect(!flag(must(r, "amitriptyline"), "negated"));
    cr_expect(flag(must(r, "buprenorphine"), "negated"));
    cr_expect(flag(must(r, "methadone"), "negated"));
    cr_expect(flag(must(r, "cephalexin"), "negated"));
    json_decref(r);
    r = summary("He was given Norco early on but is no longer taking it because of constipation. "
                "Imitrex 50 mg, which he had been using up to four days a week, was stopped at the "
                "visit. He took Ultram for years and was converted to Butrans in 2015.");
    cr_expect(flag(must(r, "hydrocodone/acetaminophen"), "discontinued"));
    cr_expect(flag(must(r, "sumatriptan"), "discontinued"), "past a relative clause");
    cr_expect(flag(must(r, "tramadol"), "discontinued"), "'was converted to'");
    cr_expect(!flag(must(r, "buprenorphine"), "discontinued"));
    json_decref(r);
    r = summary("A trial of Cymbalta was not tolerated due to nausea. She reports GI intolerance "
                "to naproxen. He takes Norco daily.");
    cr_expect(flag(must(r, "duloxetine"), "discontinued"), "'was not tolerated'");
    cr_expect(flag(must(r, "naproxen"), "discontinued"), "'intolerance to'");
    json_decref(r);
    r = summary("Neurontin had been tried earlier but was discontinued owing to dizziness. She "
                "noted that Mobic upset her stomach and that she had stopped it. He takes Norco.");
    cr_expect(flag(must(r, "gabapentin"), "discontinued"), "'but was discontinued'");
    cr_expect(flag(must(r, "meloxicam"), "discontinued"), "'she had stopped it'");
    json_decref(r);
    r = summary("Elavil was tried at bedtime for a few months but left her groggy in the mornings, "
                "and her psychiatrist replaced it with Zoloft 50mg daily. Norco helps him, but "
                "Soma made him drowsy, and he stopped it.");
    cr_expect(flag(must(r, "amitriptyline"), "discontinued"), "'but ..., and ... replaced it'");
    cr_expect(!flag(must(r, "sertraline"), "discontinued"));
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "discontinued"),
              "the 'it' may be the drug named inside the cue");
    json_decref(r);
    r = summary("He was treated with OxyContin from 2011 until it was tapered off in March 2015. "
                "He takes Norco.");
    cr_expect(flag(must(r, "oxycodone"), "discontinued"), "'until it was tapered off'");
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "discontinued"));
    json_decref(r);
    r = summary("She had a cortisone injection of the knee. He takes Oxycodone 10mg, 1 tablet "
                "every 8 hours as needed for breakthrough pain, #90. He uses Peridex oral rinse.");
    cr_expect_null(mention(r, "cortisone", 0), "a cortisone injection is a steroid injection");
    cr_expect_not_null(mention(r, "chlorhexidine", 0), "Peridex");
    cr_expect_eq(num(must(r, "oxycodone"), "quantity"), 90);
    json_decref(r);
}

/* Stops told of several drugs at once, of a course that ended, of a switch from a long-acting
 * drug, and a stop that belongs to other drugs than the one before it. */
Test(medication_stops, stops_of_lists_courses_and_switches)
{
    json_t *r = summary("She was switched to methadone in 2015 after OxyContin and Opana ER were "
                        "each stopped for lack of benefit. Percocet was used for two weeks after "
                        "surgery and then stopped. He takes Norco and then stopped ibuprofen.");
    cr_expect(flag(must(r, "oxycodone"), "discontinued"), "'were each stopped'");
    cr_expect(flag(must(r, "oxymorphone"), "discontinued"));
    cr_expect(!flag(must(r, "methadone"), "discontinued"), "the stop is OxyContin's and Opana's");
    cr_expect(flag(must(r, "oxycodone/acetaminophen"), "discontinued"), "'and then stopped.'");
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "discontinued"),
              "'and then stopped ibuprofen' stops another drug");
    json_decref(r);
    r = summary("He declined further opioids after finishing a short course of Tramadol in March "
                "2016. He was transitioned from long-acting morphine to Butrans in 2014.");
    cr_expect(flag(must(r, "tramadol"), "discontinued"), "a finished course");
    cr_expect(flag(must(r, "morphine"), "discontinued"), "'from long-acting morphine'");
    cr_expect(!flag(must(r, "buprenorphine"), "discontinued"));
    json_decref(r);
}

/* Drugs said never tried, told around a list of them; stops told in the next clause; a switch
 * "from" a drug; a stopped drug named in the rationale is still the patient's. */
Test(medication_stops, untried_lists_and_stops_told_after_the_clause)
{
    json_t *r = letter(meds_only,
                       "She also tried trazodone for sleep, but it left her groggy and was "
                       "stopped. He used Duragesic patches from 2011 to 2014; they were stopped "
                       "because of skin reactions. She takes Lyrica 75 mg twice a day.",
                       "Lidoderm 5% patch #30",
                       "The records do not show that amitriptyline, duloxetine or gabapentin was "
                       "ever tried. There is no record that metoclopramide was tried. This worker "
                       "was moved from hydrocodone to the patch. There is no documentation that "
                       "Lyrica has improved function.");
    cr_expect(flag(must(r, "trazodone"), "discontinued"));
    cr_expect(flag(must(r, "fentanyl"), "discontinued"));
    cr_expect(flag(must(r, "amitriptyline"), "negated"));
    cr_expect(flag(must(r, "duloxetine"), "negated"));
    cr_expect(flag(must(r, "gabapentin"), "negated"));
    cr_expect(flag(must(r, "metoclopramide"), "negated"));
    json_t *h = must(r, "hydrocodone");
    cr_expect(flag(h, "discontinued"));
    cr_expect_str_eq(str(h, "context"), "history",
                     "stopped: the patient's, though told in reasoning");
    json_t *lyrica = mention(r, "pregabalin", 1);
    cr_assert_not_null(lyrica);
    cr_expect(!flag(lyrica, "negated"), "no documentation that it helped is no denial");
    json_decref(r);
}

/* Stops told as a list entry's note, a change "but this was changed to", a course finished, a
 * stop "since stopping"; denials after "no documented"; "the latter of which" stops only the
 * later drug. */
Test(medication_stops, stops_in_list_notes_changes_and_finished_courses)
{
    json_t *r = summary("Current medications:\n- Celebrex 200 mg daily\n- Ibuprofen 800 mg prn "
                        "(not taking)\nHe was taking Motrin 800mg until 2015 but this was changed "
                        "to Mobic. She has done well on Butrans since stopping Norco in 2015. He "
                        "had been prescribed oxycodone after surgery but finished it in November. "
                        "After surgery she was prescribed Keflex and Percocet, the latter of which "
                        "she stopped after ten days.");
    cr_expect(!flag(must(r, "celecoxib"), "discontinued"), "the note closes another entry");
    cr_expect(flag(must(r, "ibuprofen"), "discontinued"), "'(not taking)'");
    json_t *motrin = mention(r, "ibuprofen", 1);
    cr_assert_not_null(motrin);
    cr_expect(flag(motrin, "discontinued"), "'until 2015 but this was changed to'");
    cr_expect(!flag(must(r, "meloxicam"), "discontinued"));
    cr_expect(!flag(must(r, "buprenorphine"), "discontinued"));
    cr_expect(flag(must(r, "hydrocodone/acetaminophen"), "discontinued"), "'since stopping'");
    cr_expect(flag(must(r, "oxycodone"), "discontinued"), "'but finished it'");
    cr_expect(!flag(must(r, "cephalexin"), "discontinued"), "'the latter of which' is Percocet");
    cr_expect(flag(must(r, "oxycodone/acetaminophen"), "discontinued"));
    json_decref(r);
    r = summary("He has no documented ulcer history, dyspepsia, or use of prednisone or warfarin. "
                "There is no documented trial of acetaminophen. She completed her short "
                "postoperative course of tramadol in May. He takes naproxen, and has no history "
                "of ulcers.");
    cr_expect(flag(must(r, "prednisone"), "negated"), "'no ..., or use of'");
    cr_expect(flag(must(r, "warfarin"), "negated"));
    cr_expect(flag(must(r, "acetaminophen"), "negated"), "'no documented trial of'");
    cr_expect(flag(must(r, "tramadol"), "discontinued"), "'short postoperative course of'");
    cr_expect(!flag(must(r, "naproxen"), "negated"));
    json_decref(r);
    r = summary("He tried morphine sulfate ER in the past, which caused itching. She took Lyrica "
                "and Cymbalta years ago. He has used Norco in the past six months. Zoloft was "
                "not helpful; Remeron 30mg was then tried and was stopped because of weight "
                "gain.");
    cr_expect(flag(must(r, "morphine"), "discontinued"), "'tried ... in the past'");
    cr_expect(flag(must(r, "pregabalin"), "discontinued"), "'took A and B years ago'");
    cr_expect(flag(must(r, "duloxetine"), "discontinued"));
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "discontinued"),
              "'in the past six months' is no stop");
    cr_expect(flag(must(r, "mirtazapine"), "discontinued"), "'was then tried and was stopped'");
    json_decref(r);
    r = summary("Her medications are Flexeril 7.5mg at night; she tried Robaxin early on without "
                "benefit. He tried Ultram without benefit and continues it.");
    cr_expect(flag(must(r, "methocarbamol"), "discontinued"), "'early on without benefit'");
    cr_expect(!flag(must(r, "cyclobenzaprine"), "discontinued"));
    cr_expect(!flag(must(r, "tramadol"), "discontinued"), "the clause goes on");
    json_decref(r);
    /* a list of lines ends where a sentence starts on the next line (H230) */
    r = summary("Medications were listed as:\n  5)  Senokot-S, 2 tablets at bedtime\n"
                "  6)  Cymbalta 60 mg, 1 capsule daily\nLyrica was tried in 2015 and stopped "
                "because of weight gain.");
    cr_expect(!flag(must(r, "duloxetine"), "discontinued"), "Lyrica's sentence");
    cr_expect(flag(must(r, "pregabalin"), "discontinued"));
    json_decref(r);
    /* "trial(s) of" before the list, its failure after it (H199) */
    r = summary("Preventive trials of topiramate and propranolol failed; propranolol was stopped "
                "because of fatigue. A trial of Lyrica has failed to help. There is no "
                "documentation that trials of Cymbalta have failed. A trial of Celebrex is "
                "recommended.");
    cr_expect(flag(must(r, "topiramate"), "discontinued"), "'trials of A and B failed'");
    cr_expect(flag(must(r, "propranolol"), "discontinued"));
    cr_expect(flag(must(r, "pregabalin"), "discontinued"), "'has failed to help'");
    cr_expect(!flag(must(r, "duloxetine"), "discontinued"), "a reviewer's condition");
    cr_expect(!flag(must(r, "celecoxib"), "discontinued"), "no outcome");
    json_decref(r);
    r = summary("Treatments have included Tylenol, and Motrin, which was discontinued after two "
                "weeks. Naproxen and Mobic, which were stopped, did not help. He had not been "
                "tried on Trazodone.");
    cr_expect(!flag(must(r, "acetaminophen"), "discontinued"), "'which was' is Motrin's");
    cr_expect(flag(must(r, "ibuprofen"), "discontinued"));
    cr_expect(flag(must(r, "naproxen"), "discontinued"), "'which were' is the list's");
    cr_expect(flag(must(r, "meloxicam"), "discontinued"));
    cr_expect(flag(must(r, "trazodone"), "negated"), "'had not been tried on'");
    json_decref(r);
    r = summary("She was given Motrin 800mg and Tylenol with Codeine #3 for pain at night, which "
                "she stopped after one week. He took Soma and Valium, both of which he stopped.");
    cr_expect(!flag(must(r, "ibuprofen"), "discontinued"), "the relative clause is Tylenol's");
    cr_expect(flag(must(r, "acetaminophen/codeine"), "discontinued"));
    cr_expect(flag(must(r, "carisoprodol"), "discontinued"), "'both of which' is the list's");
    cr_expect(flag(must(r, "diazepam"), "discontinued"));
    json_decref(r);
    r = summary("The physician noted that she had not tolerated tramadol in the past because of "
                "constipation.");
    cr_expect(flag(must(r, "tramadol"), "discontinued"), "'had not tolerated'");
    json_decref(r);
    r = summary("He gave up naproxen in the spring. He was taking Celebrex 200mg daily until his "
                "physician swapped it for meloxicam 7.5mg. Norco had been prescribed after an "
                "earlier procedure, but he has not needed it since January 2016. Zolpidem was "
                "tried for sleep, but she found it left her unsteady and it was not renewed. "
                "Ibuprofen was prescribed; she took it for ten days and then set it aside. Soma "
                "was phased out in 2016 in favor of Zanaflex. After surgery he was given "
                "Percocet, which he declined to continue after the first week. Tramadol was "
                "retired from her regimen. Methadone was not continued due to sedation. "
                "Duloxetine was proposed, but she preferred not to take an antidepressant. The "
                "provider wrote for Fioricet, but she elected not to fill it.");
    cr_expect(flag(must(r, "naproxen"), "discontinued"), "'gave up'");
    cr_expect(flag(must(r, "celecoxib"), "discontinued"), "'until ... swapped it for'");
    cr_expect(!flag(must(r, "meloxicam"), "discontinued"));
    cr_expect(flag(must(r, "hydrocodone/acetaminophen"), "discontinued"), "'has not needed it'");
    cr_expect(flag(must(r, "zolpidem"), "discontinued"), "'and it was not renewed'");
    cr_expect(flag(must(r, "ibuprofen"), "discontinued"), "'; ... then set it aside'");
    cr_expect(flag(must(r, "carisoprodol"), "discontinued"), "'phased out'");
    cr_expect(!flag(must(r, "tizanidine"), "discontinued"));
    json_t *percocet = must(r, "oxycodone/acetaminophen");
    cr_expect(flag(percocet, "discontinued") && !flag(percocet, "negated"),
              "'declined to continue' is a stop, not a refusal");
    cr_expect(flag(must(r, "tramadol"), "discontinued"), "'retired'");
    cr_expect(flag(must(r, "methadone"), "discontinued"), "'was not continued'");
    cr_expect(flag(must(r, "duloxetine"), "negated"), "'preferred not to take'");
    cr_expect(flag(must(r, "butalbital/acetaminophen/caffeine"), "negated"), "'not to fill it'");
    json_decref(r);
    r = summary("Cyclobenzaprine has not been part of her regimen since early 2016. He has gone "
                "without Norco since the spring. Her prior Elavil was taken off the medication "
                "list. Soma fell out of his regimen two years ago and has not been prescribed "
                "since. She was given Naprosyn but took only three doses before abandoning it. A "
                "trial of meloxicam was discussed at her visit and not pursued. Ultram was let go "
                "after one month. He was never given Flexeril.");
    cr_expect(flag(must(r, "cyclobenzaprine"), "discontinued"), "'not been part of her regimen'");
    cr_expect(flag(must(r, "hydrocodone/acetaminophen"), "discontinued"), "'gone without'");
    cr_expect(flag(must(r, "amitriptyline"), "discontinued"), "'taken off the medication list'");
    json_t *soma = must(r, "carisoprodol");
    cr_expect(flag(soma, "discontinued") && !flag(soma, "negated"), "'fell out of his regimen'");
    cr_expect(flag(must(r, "naproxen"), "discontinued"), "'before abandoning it'");
    cr_expect(flag(must(r, "meloxicam"), "negated"), "'discussed and not pursued'");
    cr_expect(flag(must(r, "tramadol"), "discontinued"), "'let go'");
    cr_expect(flag(mention(r, "cyclobenzaprine", 1), "negated"), "'was never given'");
    json_decref(r);
    r = summary("He refused a trial of Butrans patches that was offered in 2016. She declined "
                "Cymbalta when it was offered. Tramadol had been recommended by the surgeon "
                "after the arthroscopy, but she never started it. Short-acting opioids such as "
                "oxycodone with acetaminophen are an option.");
    cr_expect(flag(must(r, "buprenorphine"), "negated"), "'refused a trial of'");
    cr_expect(flag(must(r, "duloxetine"), "negated"), "'declined Cymbalta'");
    cr_expect(flag(must(r, "tramadol"), "negated"),
              "its own 'had been recommended' breaks nothing");
    must(r, "oxycodone/acetaminophen");
    cr_expect_null(mention(r, "acetaminophen", 0),
                   "'oxycodone with acetaminophen' is the combination");
    json_decref(r);
    r = summary("Past medications have included Vicodin ES, Soma and Valium, all discontinued "
                "in 2012. She took Darvocet until it was withdrawn from the market in 2010 and "
                "Vioxx from 2001 to 2004. He has taken Celebrex from 2012 to 2016 and continues "
                "it. Options such as a tricyclic antidepressant like nortriptyline or an SNRI like "
                "duloxetine have not been tried. The melatonin-receptor agonist ramelteon is an "
                "option.");
    cr_expect(flag(must(r, "hydrocodone/acetaminophen"), "discontinued"), "', all discontinued'");
    cr_expect(flag(must(r, "carisoprodol"), "discontinued"));
    cr_expect(flag(must(r, "diazepam"), "discontinued"));
    cr_expect(flag(must(r, "propoxyphene/acetaminophen"), "discontinued"), "withdrawn");
    cr_expect(flag(must(r, "rofecoxib"), "discontinued"), "'from 2001 to 2004'");
    cr_expect(!flag(must(r, "celecoxib"), "discontinued"), "the period goes on");
    cr_expect(flag(must(r, "nortriptyline"), "negated"), "a list through class words");
    cr_expect(flag(must(r, "duloxetine"), "negated"));
    must(r, "ramelteon");
    cr_expect_null(mention(r, "melatonin", 0), "a melatonin receptor is no melatonin");
    json_decref(r);
    r = summary("The provider offered a trial of Cymbalta, which she declined. He used Tylenol "
                "with Codeine #3 after the injury and has not taken it since early 2016. Percocet "
                "was swapped for tramadol ER in May. Lidoderm patches were trialed for a month "
                "and abandoned. The physician had tried Neurontin for the tinnitus; the "
                "applicant discontinued the same owing to dizziness. He uses Qvar twice a day.");
    cr_expect(flag(must(r, "duloxetine"), "negated"), "'which she declined'");
    cr_expect(flag(must(r, "acetaminophen/codeine"), "discontinued"), "'has not taken it since'");
    cr_expect(flag(must(r, "oxycodone/acetaminophen"), "discontinued"), "'was swapped for'");
    cr_expect(!flag(must(r, "tramadol"), "discontinued"));
    cr_expect(flag(must(r, "lidocaine"), "discontinued"), "'trialed ... and abandoned'");
    cr_expect(flag(must(r, "gabapentin"), "discontinued"), "'discontinued the same'");
    cr_expect(!flag(must(r, "beclomethasone"), "discontinued"), "Qvar is beclomethasone");
    json_decref(r);
    r = letter(meds_only, "He takes Norco 10/325 mg twice a day.", "Norco 10/325mg #60",
               "The injured worker has used hydrocodone for more than two years. Guidelines "
               "suggest tramadol as an alternative.");
    cr_expect_str_eq(str(must(r, "hydrocodone"), "context"), "history",
                     "'has used' in reasoning is the patient's own use");
    cr_expect_str_eq(str(must(r, "tramadol"), "context"), "rationale");
    json_decref(r);
}

/* "Fioricet (butalbital, acetaminophen and caffeine)": the ingredients explain the product. */
/* Medication histories told as a year of progress notes (the twentieth blind round): stops
 * after another verb of the drug's ("was started in August and stopped"), past an aside
 * (", started after surgery,"), "X replaced Y", a later clause after a semicolon, "changed
 * over to"; never taken: "did not fill it", "has not yet been started", "denies ever having
 * used", a class named before the drug, "; the PTP has not prescribed it". */
Test(medication_stops, stops_and_never_taken_drugs_in_medication_histories)
{
    json_t *r = summary("Celexa 20mg was started in August 2015 and stopped after six weeks "
                        "because of nausea. Percocet 10/325mg, started after surgery, was "
                        "replaced by Norco 10/325mg. Lunesta 3mg nightly replaced Ambien 10mg "
                        "in May. Gabapentin 300 mg was tried from 8-2016 to 11-2016; it did not "
                        "help and was stopped. Zoloft 50 mg daily, started by her psychiatrist, "
                        "was changed over to Wellbutrin XL 150 mg daily. She takes Celebrex; "
                        "meloxicam caused stomach upset and was stopped. After surgery she was "
                        "given Nucynta 50 mg, which she weaned herself off by 9/2015.");
    cr_expect(flag(must(r, "citalopram"), "discontinued"), "'was started ... and stopped'");
    cr_expect(flag(must(r, "oxycodone/acetaminophen"), "discontinued"), "past the aside");
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "discontinued"), "'replaced by' X");
    cr_expect(flag(must(r, "zolpidem"), "discontinued"), "'X replaced Y'");
    cr_expect(!flag(must(r, "eszopiclone"), "discontinued"));
    cr_expect(flag(must(r, "gabapentin"), "discontinued"), "'; it did not help and was stopped'");
    cr_expect(flag(must(r, "sertraline"), "discontinued"), "'changed over to'");
    cr_expect(!flag(must(r, "bupropion"), "discontinued"));
    cr_expect(!flag(must(r, "celecoxib"), "discontinued"));
    cr_expect(flag(must(r, "meloxicam"), "discontinued"), "the first drug of its clause");
    cr_expect(flag(must(r, "tapentadol"), "discontinued"), "'which she weaned herself off'");
    json_decref(r);
    r = summary("Zanaflex 4 mg was prescribed on 10-5-2017, but she did not fill it. She denies "
                "ever having used Ambien. The neurologist recommended a trial of Relpax, but it "
                "has not yet been started. He has not tried an inhaled corticosteroid such as "
                "fluticasone. The psychologist recommended trazodone for sleep; the PTP has not "
                "prescribed it. The carrier stopped authorizing Nucynta ER in 9/2015.");
    cr_expect(flag(must(r, "tizanidine"), "negated"), "'but she did not fill it'");
    cr_expect(flag(must(r, "zolpidem"), "negated"), "'denies ever having used'");
    cr_expect(flag(must(r, "eletriptan"), "negated"), "'but it has not yet been started'");
    cr_expect(flag(must(r, "fluticasone"), "negated"), "a class named before the drug");
    cr_expect(flag(must(r, "trazodone"), "negated"), "'; the PTP has not prescribed it'");
    cr_expect(flag(must(r, "tapentadol"), "discontinued"), "'stopped authorizing'");
    json_decref(r);
    r = summary("His history includes Lyrica, which was stopped because of weight gain, and "
                "Elavil, which caused morning grogginess and was stopped after one month. She "
                "was given Xanax in the emergency department and used it for two weeks, then "
                "stopped it.");
    cr_expect(flag(must(r, "pregabalin"), "discontinued"));
    cr_expect(flag(must(r, "amitriptyline"), "discontinued"), "'which caused ... and was stopped'");
    cr_expect(flag(must(r, "alprazolam"), "discontinued"), "', then stopped it'");
    json_decref(r);
    r = summary("Ibuprofen caused stomach upset and was replaced on 1-30-2018 by naproxen 500 mg.");
    cr_expect(flag(must(r, "ibuprofen"), "discontinued"), "'was replaced on <date> by'");
    cr_expect(!flag(must(r, "naproxen"), "discontinued"));
    json_decref(r);
    /* medication lists with their entries' notes (the twenty-first blind round) */
    r = summary("Current medications include Norco 10/325 mg. Prior medications: ibuprofen "
                "(stopped in 2014 for gastric upset), Flexeril (no benefit) and tramadol "
                "(stopped in 2015 because of dizziness). Medications tried and failed include "
                "gabapentin, Lyrica and amitriptyline. Allergies: amoxicillin (hives) and codeine "
                "(vomiting). Psychotropic history: Cymbalta, stopped after one month in 2014 "
                "because of nausea. He took over-the-counter Excedrin Migraine several times a "
                "week, which he gave up in November 2016.");
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "discontinued"));
    cr_expect(flag(must(r, "ibuprofen"), "discontinued"), "'Prior medications:'");
    cr_expect(flag(must(r, "cyclobenzaprine"), "discontinued"), "past an entry's note");
    cr_expect(flag(must(r, "tramadol"), "discontinued"));
    cr_expect(flag(must(r, "gabapentin"), "discontinued"), "'tried and failed include'");
    cr_expect(flag(must(r, "pregabalin"), "discontinued"));
    cr_expect(flag(must(r, "amitriptyline"), "discontinued"));
    cr_expect(flag(must(r, "codeine"), "negated"), "an allergy past an entry's note");
    cr_expect(flag(must(r, "duloxetine"), "discontinued"), "', stopped after one month'");
    cr_expect(flag(must(r, "acetaminophen/aspirin/caffeine"), "discontinued"),
              "'which he gave up'");
    json_decref(r);
    r = summary("She tried Celebrex, which her internist stopped because of reflux.");
    cr_expect(flag(must(r, "celecoxib"), "discontinued"), "'which her internist stopped'");
    json_decref(r);
    /* "#3" names the product: not its count */
    r = summary("She takes Tylenol with Codeine #3 at bedtime.");
    json_t *t3 = must(r, "acetaminophen/codeine");
    cr_expect(json_is_null(json_object_get(t3, "quantity")), "#3 is no quantity");
    json_decref(r);
}

/* Stops told as copied records tell them: "d/c'd", a bare month and year after "stopped". */
Test(medication_stops, record_abbreviations_and_bare_dates)
{
    json_t *r = summary("She was tried on duloxetine 30 mg in 7/2016, which was d/c'd after 2 wks "
                        "due to nausea. H/o ibuprofen 800 mg tid, d/c'd in 2013 d/t GI upset. He "
                        "had Percocet 5/325 after the surgery, stopped 5/2014. Meds: Norco 5/325 "
                        "1 po q6h prn (d/c'd); Prilosec 20 mg qd.");
    cr_expect(flag(must(r, "duloxetine"), "discontinued"));
    cr_expect(flag(must(r, "ibuprofen"), "discontinued"));
    cr_expect(flag(must(r, "oxycodone/acetaminophen"), "discontinued"));
    cr_expect(flag(must(r, "hydrocodone/acetaminophen"), "discontinued"));
    json_t *prilosec = must(r, "omeprazole");
    cr_expect(!flag(prilosec, "discontinued") && !flag(prilosec, "negated"));
    json_decref(r);
    r = summary("Pt d/c'd Soma in 2015 d/t drowsiness. Meds: Naproxen 550 mg - stopped in 2015; "
                "Flexeril: discontinued. Percocet (discontinued 2016). Ambien was held after "
                "surgery and never restarted. Lyrica was prescribed but never filled. He takes "
                "Norco - 2 tabs daily.");
    cr_expect(flag(must(r, "carisoprodol"), "discontinued"));
    cr_expect(flag(must(r, "naproxen"), "discontinued"));
    cr_expect(flag(must(r, "cyclobenzaprine"), "discontinued"));
    cr_expect(flag(must(r, "oxycodone/acetaminophen"), "discontinued"));
    cr_expect(flag(must(r, "zolpidem"), "discontinued"));
    cr_expect(flag(must(r, "pregabalin"), "negated"));
    json_t *norco = must(r, "hydrocodone/acetaminophen");
    cr_expect(!flag(norco, "discontinued") && !flag(norco, "negated"));
    json_decref(r);
}

Test(medication_stops, failed_drugs_and_other_ends_of_use)
{
    static const char *const stops[] = {"The physician took him off Norco.",
                                        "Norco was eliminated from her regimen.",
                                        "Norco use ended in 2016.",
                                        "He failed Norco.",
                                        "Medications previously tried: Norco.",
                                        NULL};
    expect_each(stops, "hydrocodone/acetaminophen", "discontinued", 1);
    /* a list after "failed" is all failed */
    json_t *r = summary("The patient has failed trials of Norco and gabapentin.");
    cr_expect(flag(must(r, "hydrocodone/acetaminophen"), "discontinued"));
    cr_expect(flag(must(r, "gabapentin"), "discontinued"));
    json_decref(r);
    /* a guideline's condition, or a record that does not show it, is no stop */
    static const char *const conditions[] = {
        "Lyrica is indicated once the patient has failed a trial of gabapentin.",
        "There is no documentation that the patient has failed gabapentin.",
        "Guidelines recommend Lyrica for patients who have failed gabapentin.", NULL};
    expect_each(conditions, "gabapentin", "discontinued", 0);
    r = summary("The provider took him off work and prescribed Norco.");
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "discontinued"));
    json_decref(r);
}

Test(medication_stops, stops_after_both_titration_and_turned_down)
{
    json_t *r = summary("He took Motrin and later naproxen for several years; both were stopped "
                        "in 2014 because of heartburn, and he was then started on Celebrex.");
    cr_expect(flag(must(r, "ibuprofen"), "discontinued"));
    cr_expect(flag(must(r, "naproxen"), "discontinued"));
    cr_expect(!flag(must(r, "celecoxib"), "discontinued"));
    json_decref(r);
    r = summary("Gabapentin was titrated to 900 mg a day in 2015 and discontinued because of "
                "sedation.");
    cr_expect(flag(must(r, "gabapentin"), "discontinued"));
    json_decref(r);
    r = summary("He turned down Lexapro when his psychologist suggested it in 2015.");
    cr_expect(flag(must(r, "escitalopram"), "negated"));
    json_decref(r);
    r = summary("This worker has not tried a first-line oral agent, nor a topical NSAID such as "
                "diclofenac gel.");
    cr_expect(flag(must(r, "diclofenac"), "negated"));
    json_decref(r);
}

Test(medication_stops, past_use_and_list_notes)
{
    static const char *const stops[] = {
        "She was previously on Norco.",
        "He previously took Norco.",
        "Norco was previously used with good effect.",
        "He is not currently taking any opioids; he last took Norco in 2015.",
        "Norco was last filled in March 2016.",
        NULL};
    expect_each(stops, "hydrocodone/acetaminophen", "discontinued", 1);
    /* an entry's note in parentheses is its own, not a cue for the next entry */
    json_t *r = summary("Medications: Norco (discontinued), Soma (current).");
    cr_expect(flag(must(r, "hydrocodone/acetaminophen"), "discontinued"));
    cr_expect(!flag(must(r, "carisoprodol"), "discontinued"));
    json_decref(r);
    /* tapering is no stop */
    r = summary("He has been weaned down to two Norco per day.");
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "discontinued"));
    json_decref(r);
}

Test(medication_stops, more_ways_of_never_taking_a_drug)
{
    static const char *const never[] = {"He has not had a trial of Lyrica.",
                                        "He has yet to try Lyrica.",
                                        "A trial of Lyrica has not been attempted.",
                                        "Lyrica was recommended but not started.",
                                        "She has no experience with Lyrica.",
                                        "He is naive to Lyrica.",
                                        "She was offered Lyrica but declined.",
                                        "He cannot take Lyrica due to an allergy.",
                                        "Lyrica is contraindicated because of his kidney disease.",
                                        NULL};
    expect_each(never, "pregabalin", "negated", 1);
    /* declining to go on with it is a stop, not a drug never taken */
    json_t *r = summary("She was offered Lyrica but declined to continue it after a week.");
    cr_expect(!flag(must(r, "pregabalin"), "negated"));
    json_decref(r);
}

Test(medication_stops, stops_and_refusals_told_in_a_later_clause)
{
    struct {
        const char *text, *generic, *flag;
    } cases[] = {
        {"He was started on Lyrica in February, but after six weeks it was swapped for "
         "gabapentin.",
         "pregabalin", "discontinued"},
        {"He was on methadone for part of 2015, but it was set aside.", "methadone",
         "discontinued"},
        {"Fioricet, which she had been using almost every day, was taken away by her neurologist.",
         "butalbital/acetaminophen/caffeine", "discontinued"},
        {"His orthopedist raised the idea of calcitonin nasal spray; it was never started.",
         "calcitonin", "negated"},
        {"Her prescriber offered duloxetine for pain; she turned it down.", "duloxetine",
         "negated"},
        {"She received a prescription for cyclobenzaprine; she says she never took a single tablet "
         "of it.",
         "cyclobenzaprine", "negated"},
        {"His physician suggested nortriptyline, but she has not started it.", "nortriptyline",
         "negated"},
        {"He was referred for buprenorphine treatment but turned the referral down.",
         "buprenorphine", "negated"},
        {"A prescription for Prilosec written at that time was never picked up.", "omeprazole",
         "negated"},
        {"He never obtained the omeprazole prescribed in 2016.", "omeprazole", "negated"},
        {"The records do not show that gabapentin has ever been prescribed.", "gabapentin",
         "negated"},
        {"He has not yet had a trial of an antidepressant such as duloxetine.", "duloxetine",
         "negated"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        json_t *r = summary(cases[i].text);
        cr_log_info("%s", cases[i].text);
        cr_expect(flag(must(r, cases[i].generic), cases[i].flag));
        json_decref(r);
    }
    /* the clause after a semicolon is the last drug's, not one named before it apart */
    json_t *r = summary("She received an injection of Toradol and a prescription for "
                        "cyclobenzaprine; she says she never took a single tablet of it.");
    cr_expect(!flag(must(r, "ketorolac"), "negated"));
    cr_expect(flag(must(r, "cyclobenzaprine"), "negated"));
    json_decref(r);
    /* "tramadol with acetaminophen" is the combination */
    r = summary("Ongoing use of tramadol with acetaminophen was reported.");
    cr_expect_not_null(must(r, "tramadol/acetaminophen"));
    json_decref(r);
}

Test(medication_stops, an_untried_list_that_ends_in_a_class)
{
    json_t *r = summary("Nothing suggests that nortriptyline or another tricyclic was ever offered "
                        "to him.");
    cr_expect(flag(must(r, "nortriptyline"), "negated"));
    json_decref(r);
    r = summary("He takes nortriptyline or another tricyclic at night, which was prescribed.");
    cr_expect(!flag(must(r, "nortriptyline"), "negated"));
    json_decref(r);
}

Test(medication_stops, a_dated_note_in_parentheses_is_its_entrys)
{
    static const char *const lists[] = {
        "Medications: Norco 10/325 mg (discontinued 3/2015), tramadol 50 mg q6h, Lidoderm patch.",
        "Medications: Norco 10/325 (d/c 3/15 due to nausea), tramadol 50 mg q6h, Lidoderm patch.",
        NULL};
    for (int i = 0; lists[i]; i++) {
        json_t *r = summary(lists[i]);
        cr_log_info("%s", lists[i]);
        cr_expect(flag(must(r, "hydrocodone/acetaminophen"), "discontinued"));
        cr_expect(!flag(must(r, "tramadol"), "discontinued"));
        cr_expect(!flag(must(r, "lidocaine"), "discontinued"));
        json_decref(r);
    }
}

Test(medication_stops, notes_after_a_dash_and_earlier_drugs_of_a_list)
{
    json_t *r =
        summary("Medications: Norco 10/325mg - PRN, Soma 350mg - D/C'd, Motrin 800mg - BID.");
    cr_expect(flag(must(r, "carisoprodol"), "discontinued"));
    cr_expect(!flag(must(r, "ibuprofen"), "discontinued"));
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "discontinued"));
    json_decref(r);
    r = summary("Medications: Ambien; previously Percocet and Flexeril.");
    cr_expect(flag(must(r, "oxycodone/acetaminophen"), "discontinued"));
    cr_expect(flag(must(r, "cyclobenzaprine"), "discontinued"));
    cr_expect(!flag(must(r, "zolpidem"), "discontinued"));
    json_decref(r);
}

Test(medication_stops, the_same_drug_named_again_in_the_next_clause)
{
    json_t *r = summary("An IMR upheld the non-certification of OxyContin; OxyContin was never "
                        "started.");
    cr_expect(flag(mention(r, "oxycodone", 0), "negated"));
    cr_expect(flag(mention(r, "oxycodone", 1), "negated"));
    json_decref(r);
    /* another drug named there is that clause's own */
    r = summary("He takes Norco; Soma was never started.");
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "negated"));
    cr_expect(flag(must(r, "carisoprodol"), "negated"));
    json_decref(r);
}

Test(medication_stops, not_taken_since_a_date_and_changed_because)
{
    json_t *r = summary("He has not taken Norco since 2015. He takes Soma.");
    cr_expect(flag(must(r, "hydrocodone/acetaminophen"), "discontinued"));
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "negated"));
    json_decref(r);
    r = summary("He has not taken Norco. He takes Soma.");
    cr_expect(flag(must(r, "hydrocodone/acetaminophen"), "negated"));
    json_decref(r);
    r = summary("Naproxen was used for several months and was changed because of heartburn; he now "
                "takes omeprazole.");
    cr_expect(flag(must(r, "naproxen"), "discontinued"));
    cr_expect(!flag(must(r, "omeprazole"), "discontinued"));
    json_decref(r);
}

Test(medication_stops, labelled_lists_split_at_semicolons)
{
    struct {
        const char *text, *generic;
    } cases[] = {
        {"Discontinued: Paxil 20 mg (sexual side effects, 1-2017); trazodone 50 mg (grogginess)",
         "trazodone"},
        {"Discontinued 2016: Duragesic 50 mcg/hr (inadequate relief); OxyContin 40 mg (cost)",
         "oxycodone"},
        {"Previously tried: Neurontin (dizziness), Norco (stopped in 2015), amitriptyline (dry "
         "mouth)",
         "amitriptyline"},
        {"Past medications: Vicodin; Percocet; Soma.", "carisoprodol"},
        {"The worker has already failed gabapentin and amitriptyline.", "amitriptyline"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        json_t *r = summary(cases[i].text);
        cr_log_info("%s", cases[i].text);
        cr_expect(flag(must(r, cases[i].generic), "discontinued"));
        json_decref(r);
    }
    /* the label's list ends with its sentence */
    json_t *r = summary("Past medications: Vicodin; Percocet. He now takes Soma; Flexeril helps.");
    cr_expect(!flag(must(r, "carisoprodol"), "discontinued"));
    cr_expect(!flag(must(r, "cyclobenzaprine"), "discontinued"));
    json_decref(r);
}

Test(medication_stops, record_list_forms)
{
    json_t *r = summary("She stopped over-the-counter ibuprofen after three days.");
    cr_expect(flag(must(r, "ibuprofen"), "discontinued"));
    json_decref(r);
    r = summary("Current: Colace 100 mg BID. Past: Percocet 10/325 mg (2014-2015), Opana ER 20 mg "
                "(2015, stopped for cost).");
    cr_expect(flag(must(r, "oxycodone/acetaminophen"), "discontinued"));
    cr_expect(!flag(must(r, "docusate"), "discontinued"));
    json_decref(r);
    r = summary("Medications:\n8) Colace 100 mg\n9) Xanax 0.5 mg -- discontinued 3-2017 by "
                "psychiatry");
    cr_expect(flag(must(r, "alprazolam"), "discontinued"));
    json_decref(r);
}

/* Round 36's wordings: a stop told with "itself", a trial that "ended", drugs listed or
 * discussed and never started, a purpose clause ("to start after surgery") that does not end
 * the drug's clause. */
Test(medication_stops, round_36_wordings)
{
    struct {
        const char *text, *generic, *flag;
    } cases[] = {
        {"The oxycodone was itself stopped about six weeks after the operation.", "oxycodone",
         "discontinued"},
        {"A three-week trial of Cymbalta 30 mg in 2012 ended because of nausea.", "duloxetine",
         "discontinued"},
        {"Duloxetine has been listed in the plan as an option but has not been prescribed.",
         "duloxetine", "negated"},
        {"Topamax was discussed as a preventive but deferred because of the pregnancy.",
         "topiramate", "negated"},
        {"Lyrica was prescribed in 2014, and she has never taken it.", "pregabalin", "negated"},
        {"He has cut down and is thinking about Chantix but has not started it.", "varenicline",
         "negated"},
        {"The surgeon gave her prescriptions for Oxycodone 5mg and Aspirin 81mg to start after "
         "surgery; she has not begun either one.",
         "aspirin", "negated"},
        {"The surgeon gave her prescriptions for Oxycodone 5mg and Aspirin 81mg to start after "
         "surgery; she has not begun either one.",
         "oxycodone", "negated"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        json_t *r = summary(cases[i].text);
        cr_log_info("%s", cases[i].text);
        cr_expect(flag(must(r, cases[i].generic), cases[i].flag), "%s", cases[i].text);
        json_decref(r);
    }
    /* what a drug did is not its end */
    json_t *r = summary("She takes Norco, which ended her night pain.");
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "discontinued"));
    json_decref(r);
}

/* Notes in a clinician's shorthand (H125): right after the drug and its dose, after a
 * parenthesis, after an arrow, and in the clause after a semicolon. */
Test(medication_stops, shorthand_notes)
{
    struct {
        const char *text, *generic;
    } cases[] = {
        {"Cyclobenzaprine 7.5 mg d/c'd 12/2017 d/t daytime sedation at work.", "cyclobenzaprine"},
        {"Nortriptyline 25 mg stopped 2016 (dry mouth, no benefit).", "nortriptyline"},
        {"Gabapentin failed (dizziness), d/c'd 2016.", "gabapentin"},
        {"Meds: Norco 5/325 mg prn; ibuprofen 800 mg TID -> stopped by the surgeon.", "ibuprofen"},
        {"Clonazepam 0.5 mg BID started by urgent care 11/2017; tapered and d/c'd 03/2018.",
         "clonazepam"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        json_t *r = summary(cases[i].text);
        cr_expect(flag(must(r, cases[i].generic), "discontinued"), "%s", cases[i].text);
        json_decref(r);
    }
    /* a hypothesis is no stop, nor a drug the next clause does not speak of */
    json_t *r = summary("Lyrica would be the alternative if gabapentin failed, but it works.");
    cr_expect(!flag(must(r, "gabapentin"), "discontinued"));
    json_decref(r);
    r = summary("Norco 5/325 mg stopped working at night; she takes it by day.");
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "discontinued"));
    json_decref(r);
}

/* Medication records (H129): a note in parentheses over two lines, a drug another was changed to
 * in a "Past medications:" list (not stopped), and "has not taken it since" (stopped, so taken). */
Test(medication_stops, medication_record_lists)
{
    json_t *r =
        summary("Medications tried: Mobic 7.5 mg (no relief, stopped 2013); ibuprofen 800 mg "
                "(stopped in 2014 after an episode of black stools, with a negative\n"
                "work-up at the time).");
    cr_expect(flag(must(r, "ibuprofen"), "discontinued"));
    json_decref(r);
    r = summary("Past medications: Norco 5/325 mg, changed to tramadol in 2015 because of "
                "constipation; naproxen 500 mg twice a day, replaced by meloxicam in 2014.");
    cr_expect(flag(must(r, "hydrocodone/acetaminophen"), "discontinued"));
    cr_expect(flag(must(r, "naproxen"), "discontinued"));
    cr_expect(!flag(must(r, "tramadol"), "discontinued"));
    cr_expect(!flag(must(r, "meloxicam"), "discontinued"));
    json_decref(r);
    r = summary("She used Norco in the past but has not taken it since 2015.");
    cr_expect(flag(must(r, "hydrocodone/acetaminophen"), "discontinued"));
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "negated"));
    json_decref(r);
}

/* Round 39's wordings: "but he never tried it", "and has avoided it since", a trial that "has
 * not been undertaken"; a switch to another form of the same drug is no stop. */
Test(medication_stops, round_39_wordings)
{
    json_t *r = summary("Duloxetine was suggested in 2017, but he never tried it. He takes Soma.");
    cr_expect(flag(must(r, "duloxetine"), "negated"));
    json_decref(r);
    r = summary("He had a bleeding ulcer while taking aspirin in 2009 and has avoided it since.");
    cr_expect(flag(must(r, "aspirin"), "discontinued"));
    json_decref(r);
    r = summary("A trial of gabapentin has not been undertaken.");
    cr_expect(flag(must(r, "gabapentin"), "negated"));
    json_decref(r);
    r = summary("Tramadol was changed to Tramadol ER 100mg once a day in 2015.");
    cr_expect(!flag(must(r, "tramadol"), "discontinued"));
    json_decref(r);
    r = summary("Norco was changed to tramadol in 2015.");
    cr_expect(flag(must(r, "hydrocodone/acetaminophen"), "discontinued"));
    json_decref(r);
}

/* Round 40's wordings. */
Test(medication_stops, round_40_wordings)
{
    struct {
        const char *text, *generic, *flag;
    } cases[] = {
        {"Percocet was prescribed for the first week after surgery and has since been stopped.",
         "oxycodone/acetaminophen", "discontinued"},
        {"He took ibuprofen at first but changed to Naproxen 500mg because of an upset stomach.",
         "ibuprofen", "discontinued"},
        {"He tried Ultram in 2011 but it made him dizzy, and he no longer uses it.", "tramadol",
         "discontinued"},
        {"He was given Flexeril at the start of care but quit taking it because it left him "
         "groggy.",
         "cyclobenzaprine", "discontinued"},
        {"He takes Anaprox DS 550 mg twice daily. Neither gabapentin nor Lyrica has been tried.",
         "pregabalin", "negated"},
        {"The physician discussed phentermine for weight loss but did not prescribe it.",
         "phentermine", "negated"},
        {"Lyrica was prescribed in February, but the request was not approved and he has never "
         "taken it.",
         "pregabalin", "negated"},
        {"Nothing in the records shows that gabapentin or a tricyclic antidepressant has ever "
         "been tried.",
         "gabapentin", "negated"},
        {"She was offered Gabapentin for the night symptoms but did not want to take it.",
         "gabapentin", "negated"},
        {"He took ibuprofen 600 mg three times a day until early June, when it upset his stomach "
         "and was changed to Mobic 7.5 mg once daily.",
         "ibuprofen", "discontinued"},
        {"His pain was managed with Duragesic 25 mcg/hr patches, until a skin reaction in "
         "September 2013 led his physician to discontinue them.",
         "fentanyl", "discontinued"},
        {"Amitriptyline at bedtime was tried late in 2011 and given up after two months.",
         "amitriptyline", "discontinued"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        json_t *r = summary(cases[i].text);
        cr_expect(flag(must(r, cases[i].generic), cases[i].flag), "%s", cases[i].text);
        json_decref(r);
    }
    /* a relative clause after another thing joined by "and" is that thing's */
    json_t *r = summary("He had a series of three Synvisc injections in 2014, and an unloader "
                        "brace, which he stopped wearing because it slipped.");
    cr_expect(!flag(must(r, "hylan g-f 20"), "discontinued"));
    json_decref(r);
    r = summary("He takes Anaprox DS 550 mg twice daily.");
    cr_expect(!flag(must(r, "naproxen"), "negated"));
    json_decref(r);
}
