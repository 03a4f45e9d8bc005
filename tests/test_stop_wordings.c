/* The medications plugin: stops and refusals in the everyday wordings summaries use ("gave up
 * on", "cut out", "lapsed", "Norco-free since", "opted not to fill"), and sentences with the
 * same words that stop nothing. test_medication_stops.c has the textbook wordings. */
#include "meds_letter.h"

TestSuite(stop_wordings, .init = setup, .fini = teardown, .timeout = 60);

Test(stop_wordings, stops_told_in_everyday_words)
{
    static const char *const stops[] = {
        "He gave up on Norco after a month.", "He has been Norco-free since March 2016.",
        "He abandoned Norco because of constipation.", "Her physician cut out the Norco in 2015.",
        "She lasted only three days on Norco before nausea forced her off it.",
        "Norco gave way to tramadol in 2015.", "He no longer needs Norco.",
        "Norco lapsed when the insurer denied the refill.",
        "He has not been on Norco for over a year.", "Norco, discontinued 2015.",
        "Norco - stopped (GI upset)",
        /* (H246) */
        "She stopped her daily Norco on her own in late August.",
        "Norco was tried on two occasions in 2015; neither dose helped, and it was not renewed.",
        "Norco was the first analgesic; he let it lapse in the spring of 2016.",
        "At the urgent care she was given Norco; she took one tablet and threw the rest away.",
        /* (H230: a table's last cell, a month) */
        "Norco 10/325 mg      | 1 tablet every 6 hours    | DC'd 02/2017",
        "Norco 10 mg stopped January 2021", "Norco was dc'd due to nausea.",
        "She completed a taper of Norco in 2016.", "Norco was trialed and failed.",
        "He took Norco after the knee replacement until the middle of 2015.",
        "He was on Norco until March 2016, and he now takes tramadol.",
        "He took only a handful of the Norco tablets before he put the bottle away.",
        "She was unable to continue Norco because of stomach upset.",
        "He had to stop Norco after the surgery.", NULL};
    expect_each(stops, "hydrocodone/acetaminophen", "discontinued", 1);
}

Test(stop_wordings, drugs_never_taken_in_everyday_words)
{
    static const char *const never[] = {
        "The Norco tablets have sat unopened in her drawer since they were dispensed.",
        "He elected to forgo Norco.", "The patient states that she does not want Norco.",
        "He declined to start Norco.", "She opted not to fill the Norco prescription.",
        "He has never been on Norco.",
        /* (H210) */
        "Norco was denied in 2021 and he never took it.",
        "Norco was prescribed in March and never filled because of cost.",
        /* (H246) */
        "The physician gave her a prescription for Norco, which she says she tore up.",
        "The pain specialist suggested a rotation to Norco in 2017, and the worker refused.",
        "She has said no to Norco each time it has been raised.",
        "She would not accept the Norco offered to her at the clinic.",
        /* (H240: the drug it would replace stands between) */
        "Norco was discussed at one visit as an alternative to Neurontin, but he has not started "
        "it.",
        /* (H228) */
        "He has not previously taken an SNRI or a tricyclic such as Norco.",
        /* (H226) */
        "No Norco has been prescribed.",
        /* (H219) */
        "None of the standard analgesics, such as tramadol or Norco, has been tried.",
        /* (H201) */
        "The surgeon asked him to avoid Norco while the fracture heals, and he has not taken "
        "any.",
        "He has never been prescribed a neuropathic agent such as Norco.",
        "Norco was suggested by a consulting psychiatrist but has not been started.",
        "The records do not document a trial of Norco.",
        "The records do not describe sleep hygiene measures, cognitive behavioral therapy, or a "
        "trial of an opioid such as Norco.",
        NULL};
    expect_each(never, "hydrocodone/acetaminophen", "negated", 1);
    json_t *r = summary("She has no history of ulcers and takes no aspirin, steroid or "
                        "anticoagulant.");
    cr_expect(flag(must(r, "aspirin"), "negated"));
    json_decref(r);
    r = summary("This worker is 44, has no ulcer history and takes no anticoagulant or aspirin.");
    cr_expect(flag(must(r, "aspirin"), "negated"), "a class named first");
    json_decref(r);
}

Test(stop_wordings, the_same_words_about_something_else)
{
    static const char *const taken[] = {
        "He takes Norco, which keeps him pain-free for several hours.",
        "Norco keeps her pain-free for about four hours.",
        "He cut out alcohol and continues Norco.",
        "He abandoned physical therapy but takes Norco daily.",
        "He does not want surgery and takes Norco.",
        "He gave up on therapy and uses Norco.",
        "Norco was tried and failed to provide relief, so the dose was increased.",
        "He declined to start physical therapy and takes Norco.",
        "He takes no more than two Norco a day.",
        "He took Norco until 2016, when it was resumed after surgery.",
        "He is unable to continue working and takes Norco.",
        "He took Norco for years and never used Lyrica.",
        "He takes Norco daily, and the worker refused surgery.",
        NULL};
    expect_each(taken, "hydrocodone/acetaminophen", "discontinued", 0);
    expect_each(taken, "hydrocodone/acetaminophen", "negated", 0);
}

/* Which drug a cue is about: the one before a passive cue, not one that opens its own clause
 * after the cue's list, not a guideline's hypothetical patient's. */
Test(stop_wordings, whose_drug_a_cue_is_about)
{
    /* a passive "has not been tried" is about the drug before it, not one after it */
    json_t *r = summary("He takes Norco. Acetaminophen, which the guideline lists as first-line, "
                        "has not been tried, and duloxetine is another option.");
    cr_expect(flag(must(r, "acetaminophen"), "negated"));
    cr_expect(!flag(must(r, "duloxetine"), "negated"));
    json_decref(r);
    /* a drug after the cue's list that opens a clause of its own */
    r = summary("He takes Norco. She did not tolerate tramadol, and naproxen alone is unlikely to "
                "control pain after surgery.");
    cr_expect(flag(must(r, "tramadol"), "discontinued"));
    cr_expect(!flag(must(r, "naproxen"), "discontinued") && !flag(must(r, "naproxen"), "negated"));
    json_decref(r);
    r = summary("He takes Norco. He did not tolerate tramadol and naproxen.");
    cr_expect(flag(must(r, "naproxen"), "discontinued"));
    json_decref(r);
    r = summary("He takes Norco. He had not been tried on trazodone.");
    cr_expect(flag(must(r, "trazodone"), "negated"));
    json_decref(r);
    /* a guideline's hypothetical patient is not the worker */
    r = summary("He takes Norco. Guidelines recommend cephalexin, or clindamycin for a "
                "patient allergic to penicillin.");
    cr_expect(!flag(must(r, "penicillin"), "negated"));
    json_decref(r);
    r = summary("He takes Norco. He is allergic to penicillin.");
    cr_expect(flag(must(r, "penicillin"), "negated"));
    json_decref(r);
}

/* A drug put on hold is stopped; one stopped and restarted is not; a drug suggested "which he
 * has not yet started" was never taken. */
Test(stop_wordings, holds_restarts_and_not_yet_started)
{
    static const char *const held[] = {
        "Before surgery he took Norco daily; it has been on hold since May 2018.",
        "Norco has been on hold since the operation.",
        "Norco was put on hold before the surgery.",
        "Norco was held before the operation and was never resumed.",
        "Norco was stopped a week before the surgery and has not been restarted.",
        "Norco 10 mg at bedtime improved his sleep, but it was stopped in 06/2014.",
        "She took Norco for several months but stopped because of heartburn.",
        "Norco 10mg was added in May 2014 and discontinued on 1-12-2016.",
        "He was taken off Norco in 2012 after he ran out early twice.",
        NULL};
    expect_each(held, "hydrocodone/acetaminophen", "discontinued", 1);
    static const char *const restarted[] = {
        "Norco was first tried in 2016, stopped for nausea, and restarted in March 2018.",
        "He stopped Norco in July 2016, and it was restarted in October 2016 at a lower dose.",
        "Norco was put on hold in May and was restarted in June.",
        "Norco was put on hold for two weeks because of a rash; she has since gone back to using "
        "it.",
        "The records do not document intolerance of Norco at its current dose.",
        NULL};
    expect_each(restarted, "hydrocodone/acetaminophen", "discontinued", 0);
    /* the restart is another drug's */
    json_t *r = summary("Kadian was replaced by Nucynta in 2015, but the carrier stopped "
                        "authorizing Nucynta and he was restarted on Kadian.");
    cr_expect(flag(mention(r, "tapentadol", 1), "discontinued"), "Nucynta stays stopped");
    json_decref(r);
    r = summary("He also takes Norco and was taken off divalproex for raised liver enzymes.");
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "discontinued"), "another drug");
    json_decref(r);
    r = summary("She took ibuprofen but stopped Norco in 2015.");
    cr_expect(!flag(must(r, "ibuprofen"), "discontinued"), "another drug was stopped");
    json_decref(r);
    r = summary("Methadone was offered as an alternative in 2014, but he declined to start it.");
    cr_expect(flag(must(r, "methadone"), "negated"));
    json_decref(r);
    r = summary("The surgeon has suggested a topical diclofenac gel, which he has not yet "
                "started.");
    cr_expect(flag(must(r, "diclofenac"), "negated"));
    json_decref(r);
}

/* Wordings a writer invented for the thirty-fourth blind round (H115), each told of Norco. */
Test(stop_wordings, invented_wordings_of_round_34)
{
    static const char *const stopped[] = {
        "He was maintained on Norco for years; the last of it was tapered away in the fall of "
        "2017.",
        "In the emergency department he was given Norco; the supply ran out after ten days and was "
        "not refilled.",
        "An urgent care clinic gave her a short supply of Norco; she has not had any since the "
        "summer of 2016.",
        "Norco came next, but it left her groggy at work, and in April 2018 it was swapped out for "
        "metaxalone.",
        "The pain physician converted him to Butrans patches and withdrew the Norco over six "
        "weeks.",
        "Norco was raised to 10 mg, but his pain had changed little, and in 2014 he was "
        "cross-tapered to tapentadol.",
        "In 2015 Norco was substituted for a month, with no benefit, and she went back to "
        "tramadol.",
        "Norco was given at the emergency department and continued for a few weeks, then changed "
        "to tramadol.",
        "Her prior Norco was taken off the medication list by the psychiatrist.",
        NULL};
    expect_each(stopped, "hydrocodone/acetaminophen", "discontinued", 1);
    static const char *const never[] = {
        "A prescription for Norco was written in 2016, but the carrier declined to pay for it and "
        "it was never filled.",
        "In 2017 his physician raised the possibility of Norco, but he has chosen not to begin it.",
        "Her family physician once suggested Norco, but she did not want a pill and never took it.",
        "The surgeon handed him a sample of Norco at one visit, but he says it is still unopened.",
        "The physician wrote that Norco would be worth trying, but none has been prescribed.",
        "Norco caused hives in 2014 and is recorded as an allergy.",
        NULL};
    expect_each(never, "hydrocodone/acetaminophen", "negated", 1);
}

/* Wordings of the forty-second blind round (H144, H145), each told of Norco. */
Test(stop_wordings, wordings_of_round_42)
{
    static const char *const stopped[] = {
        "Medications have included Norco, which he took for about two months in 2015 and stopped "
        "because of constipation, and Wellbutrin SR since then.",
        "After surgery she was given Norco 5/325mg, which she tapered and stopped by 3-12-2018.",
        NULL};
    expect_each(stopped, "hydrocodone/acetaminophen", "discontinued", 1);
    static const char *const never[] = {
        "In July 2016 the physician suggested Norco for the pain, but the patient preferred not to "
        "add another medication and has not started it.",
        "Norco was discussed before surgery, but she declined the prescription.", NULL};
    expect_each(never, "hydrocodone/acetaminophen", "negated", 1);
}

/* Wordings of the forty-third blind round (H149, H150): clinicians' shorthand and opioid
 * histories, each told of Norco (or Percocet, where the shorthand lists it). */
Test(stop_wordings, wordings_of_round_43)
{
    static const char *const stopped[] = {
        "Meds: gabapentin 600mg TID; Norco 10/325 qhs was given x 2 weeks in 12/2018 and d/c'd d/t "
        "AM grogginess; naproxen 550mg BID.",
        "Meds: Norco 5/325 1-2 tabs q4-6h PRN x 2 wks post-op, then stopped; meloxicam 15mg daily.",
        "GI meds: Norco 10/325 daily until 6/2019, then changed to tramadol 50mg BID per "
        "formulary.",
        NULL};
    expect_each(stopped, "hydrocodone/acetaminophen", "discontinued", 1);
    static const char *const never[] = {
        "The PTP suggested Norco, which the pt declined.",
        "The treating surgeon prescribed Norco in August 2016, but the prescription was never "
        "filled.",
        "The Norco was prescribed but not filled, and no other agent has been tried.",
        "Norco maintenance was considered, but he preferred office-based treatment.",
        "It is also noted that the pt reports a Norco allergy w/ hives.",
        NULL};
    expect_each(never, "hydrocodone/acetaminophen", "negated", 1);
}

/* "Allergies: PCN (hives)": the clinical abbreviation is penicillin, never taken (H149). */
Test(stop_wordings, an_abbreviated_allergy)
{
    json_t *r = summary("Meds: meloxicam 15mg daily. Allergies: PCN (hives). She works.");
    cr_expect(flag(must(r, "penicillin"), "negated"));
    json_decref(r);
}

/* Wordings of the forty-fourth blind round (H152-H155), each told of Norco. */
Test(stop_wordings, wordings_of_round_44)
{
    static const char *const stopped[] = {
        "Norco was tried in early 2018 without benefit. She takes Lyrica.", NULL};
    expect_each(stopped, "hydrocodone/acetaminophen", "discontinued", 1);
    static const char *const never[] = {
        "She was offered Norco at one visit, but the records show that she never started it.",
        "He declined the psychiatrist's suggestion of a trial of Norco.",
        "He has never been given a trial of Norco.", NULL};
    expect_each(never, "hydrocodone/acetaminophen", "negated", 1);
    /* a guideline's condition is no trial of the worker's */
    json_t *r = summary("Lidocaine may be considered once a first-line agent, such as an "
                        "antiepileptic drug like Norco, has been tried without success.");
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "discontinued"));
    json_decref(r);
    /* one product's ingredients share the clause after them */
    r = summary("Medications have included a compounded cream containing ketoprofen and "
                "cyclobenzaprine, which was stopped because it did not help.");
    cr_expect(flag(must(r, "ketoprofen"), "discontinued"));
    cr_expect(flag(must(r, "cyclobenzaprine"), "discontinued"));
    json_decref(r);
}

/* Wordings of the forty-sixth blind round (H161), each told of Norco. */
Test(stop_wordings, wordings_of_round_46)
{
    static const char *const never[] = {"He has not been given a trial of an opioid such as Norco.",
                                        "He has never been trialed on Norco.", NULL};
    expect_each(never, "hydrocodone/acetaminophen", "negated", 1);
}

/* A copied medication list's note: "Norco 10/325 PO BID PRN -- DC'd 08/2016 (stomach upset)". */
Test(stop_wordings, a_copied_lists_dcd_note)
{
    json_t *r = summary("Medications\n- Norco 10/325 PO BID PRN -- DC'd 08/2016 (stomach upset)\n- "
                        "Ibuprofen 200 mg OTC PRN");
    cr_expect(flag(must(r, "hydrocodone/acetaminophen"), "discontinued"));
    cr_expect(!flag(must(r, "ibuprofen"), "discontinued"));
    json_decref(r);
}

/* Wordings of the forty-seventh blind round (H164, H166). */
Test(stop_wordings, wordings_of_round_47)
{
    static const char *const never[] = {
        "A psychiatric consultant suggested adding Norco; this has not been started.", NULL};
    /* (H171) */
    static const char *const stopped[] = {
        "Norco 5mg was tried in the summer of 2016; it gave her drenching sweats and raised her "
        "blood pressure, and it was stopped.",
        NULL};
    expect_each(stopped, "hydrocodone/acetaminophen", "discontinued", 1);
    expect_each(never, "hydrocodone/acetaminophen", "negated", 1);
    json_t *r = summary("Physical therapy gave limited benefit. She has never had a corticosteroid "
                        "or hyaluronic acid injection in the right knee.");
    cr_expect(flag(must(r, "hyaluronic acid"), "negated"));
    json_decref(r);
}

/* Wordings of the forty-ninth blind round (H174). */
Test(stop_wordings, wordings_of_round_49)
{
    static const char *const stopped[] = {
        "Norco was prescribed for a short time after the injury; he stopped taking it in "
        "December 2016.",
        "Norco was given after the fall; she later quit using it.", NULL};
    expect_each(stopped, "hydrocodone/acetaminophen", "discontinued", 1);
}

/* Medication tables and numbered lists copied from records (H162): a row's status is its own
 * drug's, a cue on a later line is that line's drug's, and "#3" numbering the next entry is no
 * count. */
Test(stop_wordings, tables_and_numbered_lists_from_records)
{
    json_t *r =
        summary("The medication record reads:\nMedication\nDose\nStop\nCyclobenzaprine\n5 mg\n"
                "QHS\n02/2015\nDC'd 09/2015\nSumatriptan\n50 mg\n11/2015\nPantoprazole\n"
                "40 mg\n03/2016\nA trial of Topamax was discussed in January 2016, but she "
                "chose not to start it.");
    cr_expect(flag(must(r, "cyclobenzaprine"), "discontinued"));
    cr_expect(!flag(must(r, "sumatriptan"), "discontinued"));
    cr_expect(!flag(must(r, "sumatriptan"), "negated"));
    cr_expect(!flag(must(r, "pantoprazole"), "negated"), "the cue is the later line's drug's");
    cr_expect(flag(must(r, "topiramate"), "negated"));
    json_decref(r);
    r = summary("Current medications:\n#1 Percocet 10/325 mg 1 PO q6h PRN pain\n#2 Gabapentin 300 "
                "mg TID\n#3 Methocarbamol 750 mg BID PRN spasm\n#4 Celebrex 200 mg daily - DC'd "
                "02/2016 (dyspepsia)\nHe walks.");
    cr_expect(!flag(must(r, "gabapentin"), "discontinued"));
    cr_expect(!flag(must(r, "methocarbamol"), "discontinued"));
    cr_expect(flag(must(r, "celecoxib"), "discontinued"));
    cr_expect(json_is_null(json_object_get(must(r, "oxycodone/acetaminophen"), "quantity")),
              "#2 numbers the next entry");
    json_decref(r);
    /* lines of a list, each opened by its drug: the last line's note is its own */
    r = summary("Medications listed on that date:\nDocusate 100 mg BID\nTramadol 50 mg q6h PRN "
                "pain\nNaproxen 550 mg BID - DC'd 03/2016 (dyspepsia)\nHe walks.");
    cr_expect(!flag(must(r, "tramadol"), "discontinued"));
    cr_expect(flag(must(r, "naproxen"), "discontinued"));
    json_decref(r);
    /* (a sentence wrapped before a drug is still one: "took Norco and" / "Flexeril, ...") */
    r = summary("After the fall she took Norco and\nFlexeril for a month, but then stopped them.");
    cr_expect(flag(must(r, "cyclobenzaprine"), "discontinued"));
    json_decref(r);
}

/* Wordings of the fiftieth blind round (H177). */
Test(stop_wordings, wordings_of_round_50)
{
    static const char *const never[] = {
        "She has declined opioid medication, including the Norco offered to her in the emergency "
        "department.",
        "He has been reluctant to start Norco, which his physician suggested in April 2015, and "
        "has not taken it.",
        "He declined the psychiatrist's suggestion of a trial of Norco.", NULL};
    expect_each(never, "hydrocodone/acetaminophen", "negated", 1);
    /* (a refusal of something else ends no drug) */
    json_t *r = summary("He declined surgery and takes Norco 10/325 mg daily.");
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "negated"));
    json_decref(r);
    /* a quantity wrapped to the start of a line is no list number, even after another */
    r = summary("The Claims Administrator authorized Norco 10/325mg\n#45 for weaning, leaving the "
                "original request IMR eligible. The original request, Norco 10/325mg\n#60 is not "
                "medically necessary.");
    json_t *ms = t_get(r, "medications");
    cr_assert_eq(json_array_size(ms), 2);
    cr_expect_eq(json_integer_value(json_object_get(json_array_get(ms, 1), "quantity")), 60);
    json_decref(r);
}

/* More of the fiftieth round (H178): a drug considered and deferred, one requested and never
 * started. */
Test(stop_wordings, deferred_and_requested_never_started)
{
    static const char *const never[] = {
        "The neurologist considered starting Norco but deferred it until the evaluation is "
        "complete; she has not taken it.",
        "Norco was requested in 2019, was denied, and was never started.",
        "Norco was requested in 2019 and was never started.", NULL};
    expect_each(never, "hydrocodone/acetaminophen", "negated", 1);
    json_t *r = summary("Norco was requested in 2019 and was modified to #60.");
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "negated"));
    json_decref(r);
}

/* A month abbreviated with a period ends no sentence: "prescribed in Dec. 2012 and were
 * discontinued in February" (H173). */
Test(stop_wordings, an_abbreviated_month_inside_the_sentence)
{
    json_t *r = summary("Norco tablets were prescribed in Dec. 2012 and were discontinued in "
                        "February because they caused a rash.");
    cr_expect(flag(must(r, "hydrocodone/acetaminophen"), "discontinued"));
    json_decref(r);
}

/* "both" in the next sentence, before any other drug, stops the two drugs of the sentence before
 * (H171); not when that sentence names three, nor when another drug comes first. */
Test(stop_wordings, both_stopped_in_the_next_sentence)
{
    json_t *r =
        summary("For several years he was maintained on Norco 10/325 mg and Soma 350 mg. In "
                "2016 he fell at home and fractured two ribs; both opioids were tapered off "
                "over eight weeks.");
    cr_expect(flag(must(r, "hydrocodone/acetaminophen"), "discontinued"));
    cr_expect(flag(must(r, "carisoprodol"), "discontinued"));
    json_decref(r);
    r = summary("He takes Norco, Soma and ibuprofen. Both were stopped in 2016.");
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "discontinued"), "three drugs");
    json_decref(r);
    r = summary("He takes Norco and Soma. Gabapentin and Lyrica were tried; both were stopped.");
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "discontinued"), "other drugs first");
    json_decref(r);
}

/* "He used Vicodin after the surgery and no longer needs it" (H181). */
Test(stop_wordings, no_longer_needed)
{
    static const char *const stopped[] = {"He used Norco after the surgery and no longer needs it.",
                                          "She took Norco for a month and now no longer takes it.",
                                          NULL};
    expect_each(stopped, "hydrocodone/acetaminophen", "discontinued", 1);
}

/* Wordings of the fifty-first round (H183): long histories. */
Test(stop_wordings, wordings_of_round_51)
{
    static const char *const never[] = {
        "Norco was offered on 6-20-2016 and declined.",
        "Norco patches were prescribed at that visit, but she has not filled the prescription.",
        "Belbuca was proposed in 2021 as an alternative to the Norco; he declined it.", NULL};
    static const char *const stopped[] = {
        "Norco was used through 2012 and was then replaced by meloxicam.",
        "Norco was increased to 100 mg and then, on 1/11/2016, replaced with Cymbalta 60 mg.",
        "Norco was started in April 2020 and increased three times; in 2021 he complained of "
        "mental fog, and it was tapered off by 7/2021.",
        NULL};
    json_t *r = summary(never[0]);
    cr_expect(flag(must(r, "hydrocodone/acetaminophen"), "negated"));
    json_decref(r);
    r = summary(never[1]);
    cr_expect(flag(must(r, "hydrocodone/acetaminophen"), "negated"));
    json_decref(r);
    r = summary(never[2]);
    cr_expect(flag(must(r, "buprenorphine"), "negated"), "Belbuca is what he declined");
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "negated"), "not the Norco");
    json_decref(r);
    expect_each(stopped, "hydrocodone/acetaminophen", "discontinued", 1);
    /* (an "and declined" after no offer is not read: "He takes Norco and declined injections.") */
    r = summary("He takes Norco and declined injections.");
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "negated"));
    json_decref(r);
}

/* Wordings of the fifty-second round (H184). */
Test(stop_wordings, wordings_of_round_52)
{
    static const char *const stopped[] = {
        "He used Norco 5 mg every six hours as needed after the surgery, stopped it in late "
        "January 2021, and now takes acetaminophen for pain.",
        NULL};
    expect_each(stopped, "hydrocodone/acetaminophen", "discontinued", 1);
    /* (H187) a refusal without its object, in the next clause */
    static const char *const never[] = {
        "Her psychiatrist suggested augmentation with Norco; she refused, saying she did not want "
        "the blood tests.",
        NULL};
    expect_each(never, "hydrocodone/acetaminophen", "negated", 1);
}

/* Wordings of the fifty-third round (H190). */
Test(stop_wordings, wordings_of_round_53)
{
    static const char *const never[] = {
        "Changing Ambien to Norco was discussed; Norco has not been started.",
        /* (H191) */
        "A Norco prescription was considered in December but was not given.", NULL};
    static const char *const stopped[] = {"She tried Norco in 2015 without benefit.", NULL};
    expect_each(never, "hydrocodone/acetaminophen", "negated", 1);
    expect_each(stopped, "hydrocodone/acetaminophen", "discontinued", 1);
}

/* Wordings of the fifty-fourth round (H193): a pronoun in the next sentence, a refusal of "any
 * further medication", "tapered off it", "came off it", "which he took ... without relief",
 * "and he never took it". */
Test(stop_wordings, wordings_of_round_54)
{
    static const char *const stopped[] = {
        "His physician started Norco 10 mg daily in November 2013 for pain. Because of "
        "constipation it was stopped in March 2014 and he was changed over to ice packs.",
        "Her first pain pill was Norco 5 mg daily. She quit it on her own early in 2013 after "
        "gaining weight.",
        "Norco 5 mg was added in July 2014; she developed itching and was tapered off it by "
        "October 2014.",
        "He used Norco for several years; with a gradual taper he came off it completely in "
        "mid-2014.",
        "His family doctor added Norco 5 mg twice daily, which he took for about a month without "
        "relief, and in February 2014 he was referred.",
        NULL};
    static const char *const never[] = {
        "The psychologist recommended a trial of Norco for the pain; he refused any further "
        "medication.",
        "A trial of Norco was proposed in 2014 but was not authorized and he never took it.", NULL};
    expect_each(stopped, "hydrocodone/acetaminophen", "discontinued", 1);
    expect_each(never, "hydrocodone/acetaminophen", "negated", 1);
    /* (another drug named first in the next sentence takes its pronoun) */
    json_t *r = summary("He took Norco for a year. Soma was added later and it was stopped in "
                        "2015.");
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "discontinued"));
    json_decref(r);
}

/* Wordings of the fifty-fifth round (H196, H198, H199). */
Test(stop_wordings, wordings_of_round_55)
{
    static const char *const never[] = {
        "She took aspirin for two weeks. She was not placed on Norco.",
        "Norco (Vicodin) was recommended by a consulting neurologist, but it was never approved "
        "and he has not started it.",
        NULL};
    static const char *const stopped[] = {
        "Medications:\nNorco 5/325 mg tab, 1 PO q6h PRN ................... discontinued "
        "01/10/2017\nNaproxen 500 mg bid ........ active",
        "Norco 25 mg as needed is listed as discontinued 11/2016 because of daytime sedation.",
        NULL};
    expect_each(never, "hydrocodone/acetaminophen", "negated", 1);
    expect_each(stopped, "hydrocodone/acetaminophen", "discontinued", 1);
    json_t *r = summary(stopped[0]);
    cr_expect(!flag(must(r, "naproxen"), "discontinued"), "its own row is active");
    json_decref(r);
}

/* Wordings of the fifty-sixth round (H200, H203). */
Test(stop_wordings, wordings_of_round_56)
{
    static const char *const stopped[] = {
        "He took Norco for several years until a gastrointestinal bleed in 2015, after which it "
        "was stopped.",
        NULL};
    static const char *const never[] = {
        "The psychiatrist offered Norco in September 2022, and she declined.", NULL};
    expect_each(stopped, "hydrocodone/acetaminophen", "discontinued", 1);
    expect_each(never, "hydrocodone/acetaminophen", "negated", 1);
}

/* Wordings of the fifty-seventh round (H205, H207). */
Test(stop_wordings, wordings_of_round_57)
{
    json_t *r = summary("He has never taken an antidepressant for pain, such as Cymbalta.");
    cr_expect(flag(must(r, "duloxetine"), "negated"));
    json_decref(r);
    r = summary("His listed allergies are penicillin (hives) and codeine (nausea and vomiting). He "
                "takes Plavix 75 mg daily.");
    cr_expect(flag(must(r, "codeine"), "negated"));
    cr_expect(!flag(must(r, "clopidogrel"), "negated"));
    json_decref(r);
    r = summary("Her allergy list includes aspirin (angioedema).");
    cr_expect(flag(must(r, "aspirin"), "negated"));
    json_decref(r);
    r = summary(
        "He took warfarin after a deep vein thrombosis in 2019; it was changed to Xarelto in "
        "10/2020 because of labile INR values.");
    cr_expect(flag(must(r, "warfarin"), "discontinued"));
    cr_expect(!flag(must(r, "rivaroxaban"), "discontinued"));
    json_decref(r);
}

/* A guideline's condition names drugs as examples, not as the worker's (H208). */
Test(stop_wordings, a_guideline_condition_names_examples)
{
    json_t *r =
        summary("He takes Fioricet. Botox is recommended once at least two or three classes "
                "of preventive medication, such as Norco or propranolol, have failed or "
                "were not tolerated.");
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "discontinued"));
    cr_expect(!flag(must(r, "hydrocodone/acetaminophen"), "negated"));
    json_decref(r);
    /* (a use told plainly still is) */
    r = summary("Norco was not tolerated because of nausea.");
    cr_expect(flag(must(r, "hydrocodone/acetaminophen"), "discontinued"));
    json_decref(r);
}

/* Wordings of the fifty-eighth round (H209). */
Test(stop_wordings, wordings_of_round_58)
{
    static const char *const stopped[] = {
        "A compounded cream containing Norco was prescribed in 2014, and she stopped using it "
        "after a month, saying it did nothing.",
        NULL};
    expect_each(stopped, "hydrocodone/acetaminophen", "discontinued", 1);
    /* (H215) */
    static const char *const never[] = {
        "A pain management consultant wrote a prescription for Norco in July 2018, which he never "
        "filled.",
        NULL};
    expect_each(never, "hydrocodone/acetaminophen", "negated", 1);
}
