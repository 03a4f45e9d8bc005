/* What rationales say, by family of request: the guideline's position, why a case falls short
 * of it, why a case meets it. %s in a sentence is the thing requested. Written for this project;
 * the arguments are the common ones of MTUS-based reviews. */
#include "gen/rationale.h"

const imrx_gen_family_t imrx_gen_families[F_N] = {
    [F_OPIOID] =
        {{"Ongoing opioid management calls for documentation of pain relief, functional "
          "status, side effects and aberrant drug-taking behavior at each visit.",
          "The guidelines support continued opioids only when there is a measurable "
          "improvement in function or a return to work.",
          "Opioids for chronic non-malignant pain are advised at the lowest effective "
          "dose, with a written agreement and periodic urine drug testing."},
         {"The records do not describe any objective functional gain attributable to %s.",
          "No urine drug screen, risk assessment or signed pain agreement was found in the "
          "file.",
          "Pain scores remain essentially unchanged despite long-term use of %s, and a "
          "taper would be appropriate rather than continued dispensing."},
         {"The provider documents a reduction in pain from 8/10 to 4/10 with %s, a return "
          "to modified work, a consistent drug screen and an opioid agreement.",
          "The criteria for continued use are met, and the quantity is consistent with "
          "the documented dosing."}},
    [F_NSAID] = {{"Anti-inflammatory drugs are recommended at the lowest dose for the shortest "
                  "period in patients with moderate to severe pain.",
                  "For chronic low back pain, NSAIDs are an option for short-term symptomatic "
                  "relief; long-term use requires monitoring for adverse effects."},
                 {"%s has been prescribed for more than a year without documentation of specific "
                  "benefit.",
                  "There is no record of blood pressure or laboratory monitoring during "
                  "long-term use."},
                 {"The records show improved tolerance for standing and walking with %s, and no "
                  "gastrointestinal or renal adverse effects are reported.",
                  "The use is intermittent and well tolerated."}},
    [F_MUSCLE] = {{"Non-sedating muscle relaxants are recommended with caution as a second-line "
                   "option for the short-term treatment of acute exacerbations of chronic pain.",
                   "Efficacy appears to diminish over time, and prolonged use may lead to "
                   "dependence."},
                  {"%s has been taken daily for several months and no acute flare-up or muscle "
                   "spasm is documented.",
                   "The request exceeds the short course the guidelines allow."},
                  {"The provider documents an acute exacerbation with palpable spasm, and %s is "
                   "requested as a short course.",
                   "The quantity corresponds to a two-week course."}},
    [F_AED] = {{"Antiepilepsy drugs are recommended for neuropathic pain, and a good response is "
                "defined as a 30 to 50 percent reduction in pain.",
                "Continued use depends on documented improvement in pain and function."},
               {"There is no objective evidence of a neuropathic condition, and the response to "
                "%s is not documented in measurable terms.",
                "The records do not document the percentage of pain relief with %s."},
               {"The injured worker has radicular findings on examination and reports a 40 "
                "percent reduction in burning pain with %s.",
                "Side effects are absent and function has improved."}},
    [F_PPI] = {{"A proton pump inhibitor is appropriate for patients on NSAIDs who are at "
                "intermediate or high risk for gastrointestinal events.",
                "Risk factors include age over 65, a history of peptic ulcer or bleeding, and "
                "concurrent use of corticosteroids or anticoagulants."},
               {"None of these risk factors is documented, and no gastrointestinal complaints "
                "are recorded.",
                "The medical necessity of %s is not established in this case."},
               {"The injured worker has a history of gastritis while taking anti-inflammatory "
                "medication, which places the injured worker at intermediate risk.",
                "Continued use of %s is consistent with the guideline."}},
    [F_TOPICAL] = {{"Topical analgesics are largely experimental, with few randomized trials to "
                    "establish efficacy or safety.",
                    "Any compounded product that contains at least one drug that is not "
                    "recommended is not recommended."},
                   {"There is no documentation that first-line oral agents were tried and "
                    "failed before %s.",
                    "The request does not specify the area of application or the frequency."},
                   {"Localized peripheral neuropathic pain is documented after failure of oral "
                    "first-line agents, which meets the criteria for %s.",
                    "The treating physician documents improved sleep and function with its use."}},
    [F_SLEEP] = {{"The guidelines recommend hypnotics only for the short-term treatment of "
                  "insomnia, generally two to six weeks.",
                  "Treatment of insomnia should follow an evaluation of its cause and a trial of "
                  "sleep hygiene measures."},
                 {"%s has been used nightly for an extended period, and no evaluation of the sleep "
                  "disturbance is documented.",
                  "Long-term use is not supported."},
                 {"The insomnia is of recent onset, sleep hygiene measures have been tried, and a "
                  "short course of %s is requested.",
                  "The quantity is limited to 30 days."}},
    [F_ANTIDEP] = {{"Antidepressants are recommended as a first-line option for neuropathic pain "
                    "and as a possibility for non-neuropathic pain.",
                    "Assessment of treatment efficacy should include pain outcomes, function, "
                    "sleep quality and psychological assessment."},
                   {"The records do not describe any change in pain, sleep or function with %s.",
                    "Depressive symptoms are not documented in the recent reports."},
                   {"The injured worker has neuropathic pain with depressive symptoms, and %s has "
                    "improved sleep and daily function.",
                    "The requested medication is well tolerated."}},
    [F_BENZO] = {{"Benzodiazepines are not recommended for long-term use because efficacy is "
                  "unproven and there is a risk of dependence.",
                  "Most guidelines limit use to four weeks."},
                 {"%s has been prescribed for months, well beyond the recommended duration.",
                  "A taper should be considered."},
                 {"A brief course of %s is requested for an acute episode, with a plan to "
                  "discontinue it.",
                  "The request is limited in duration."}},
    [F_DRUG] = {{"The guidelines recommend this medication only for specific indications and "
                 "with documented benefit.",
                 "Medications for chronic pain should be tried one at a time, with an assessment "
                 "of their effect on pain and function."},
                {"The indication for %s is not documented.",
                 "There is no description of benefit from prior use of %s."},
                {"The indication for %s is documented and prior use produced a clear benefit.",
                 "The request is consistent with the guideline."}},
    [F_PT] = {{"Physical medicine guidelines allow for fading of treatment frequency plus active "
               "self-directed home exercise.",
               "For myalgia and myositis the guidelines allow 9 to 10 visits over 8 weeks, and "
               "for neuralgia or radiculitis 8 to 10 visits over 4 weeks."},
              {"The injured worker has already completed a full course of therapy, and there is "
               "no reason given why the exercises cannot be continued at home.",
               "The number of sessions requested exceeds the guideline recommendation.",
               "There is no documentation of objective functional improvement from the prior "
               "sessions."},
              {"This is a new flare of symptoms after a period of stability, and the number of "
               "sessions requested is within the guideline.",
               "Objective improvement in range of motion and strength is documented after the "
               "initial sessions."}},
    [F_MANUAL] = {{"Manual therapy and manipulation are recommended for chronic pain caused by "
                   "musculoskeletal conditions, with a trial of 6 visits over 2 weeks.",
                   "With evidence of objective functional improvement, a total of up to 18 visits "
                   "over 6 to 8 weeks may be considered."},
                  {"Prior chiropractic treatment did not produce documented functional "
                   "improvement.",
                   "The request exceeds the initial trial allowed by the guideline."},
                  {"This is an initial trial for a musculoskeletal condition, within the number of "
                   "visits the guideline allows.",
                   "Improvement with prior care is documented."}},
    [F_ACU] = {{"Acupuncture is used as an option when pain medication is reduced or not "
                "tolerated, and may be used as an adjunct to physical rehabilitation.",
                "The time to produce functional improvement is 3 to 6 treatments, and treatments "
                "may be extended if functional improvement is documented."},
               {"The records do not document functional improvement from the prior acupuncture "
                "sessions.",
                "The number of sessions requested exceeds the initial trial."},
               {"This is an initial trial within the recommended number of treatments.",
                "Functional improvement is documented after the first sessions."}},
    [F_ESI] = {{"Epidural steroid injections are an option for radicular pain, defined as pain in "
                "a dermatomal distribution with corroborative findings of radiculopathy.",
                "Radiculopathy must be documented by physical examination and corroborated by "
                "imaging or electrodiagnostic testing."},
               {"The examination does not document objective radicular findings, and the imaging "
                "does not show nerve root compromise at the level requested.",
                "There is no documentation of at least 50 percent pain relief for six to eight "
                "weeks after the prior injection."},
               {"Radicular findings on examination are corroborated by imaging, and conservative "
                "treatment has failed.",
                "The prior injection produced more than 50 percent relief for three months."}},
    [F_FACET] = {{"Facet joint blocks are limited to patients with non-radicular pain at no more "
                  "than two levels bilaterally.",
                  "Radiofrequency neurotomy requires a diagnosis of facet joint pain confirmed by "
                  "medial branch blocks."},
                 {"The injured worker has radicular symptoms, which is an exclusion criterion.",
                  "There is no record of a positive diagnostic block."},
                 {"Non-radicular facet-mediated pain is documented at two levels after failure of "
                  "conservative care.",
                  "A diagnostic block produced more than 70 percent relief."}},
    [F_INJECT] = {{"Injections are recommended only for specific indications documented on "
                   "examination, after failure of conservative treatment.",
                   "Repeat injections depend on the response to the prior injection."},
                  {"The indication for %s is not documented on examination.",
                   "There is no documentation of the response to prior injections."},
                  {"The indication is documented, and conservative care has failed.",
                   "The examination findings support %s."}},
    [F_IMAGING] = {{"Imaging is recommended for red flags, for physiologic evidence of tissue "
                    "insult or neurologic dysfunction, or to clarify anatomy before surgery.",
                    "Repeat imaging is not routinely recommended and should be reserved for a "
                    "significant change in symptoms or findings."},
                   {"No red flags or progressive neurologic deficit are documented.",
                    "There is no indication that surgery is being considered or that the result "
                    "would change management."},
                   {"The injured worker has a progressive neurologic deficit and surgery is being "
                    "considered.",
                    "The findings have changed significantly since the prior study."}},
    [F_EMG] = {{"Electrodiagnostic studies may help identify subtle focal neurologic dysfunction "
                "in patients with symptoms lasting more than three or four weeks.",
                "They are not recommended when radiculopathy is already clinically obvious."},
               {"The neurologic examination is normal and the symptoms are not described in a "
                "dermatomal pattern.",
                "Radiculopathy is already established by imaging and examination."},
               {"The injured worker has persistent numbness with equivocal findings, and the "
                "study would distinguish radiculopathy from peripheral entrapment.",
                "Symptoms have lasted more than three months despite conservative care."}},
    [F_TEST] = {{"Testing is recommended when its result would change treatment.",
                 "The frequency of testing should be based on documented risk."},
                {"The records do not explain how the result of %s would change management.",
                 "The injured worker was tested recently and is at low risk."},
                {"The result is needed to guide the treatment plan documented by the provider.",
                 "The injured worker is at moderate risk and has not been tested in the past "
                 "year."}},
    [F_DEVICE] = {{"Durable medical equipment is recommended when it is medically necessary and "
                   "primarily serves a medical purpose.",
                   "A one-month home-based trial may be considered when used as an adjunct to a "
                   "program of evidence-based functional restoration."},
                  {"The records do not document how %s would improve function.",
                   "There is no documentation of a successful trial or of the intended duration "
                   "of use."},
                  {"The provider documents a clear functional need for %s.",
                   "A successful trial with reduced medication use is documented."}},
    [F_SURGERY] = {{"Surgical consultation is indicated for activity limitation for more than "
                    "four months and clear clinical and imaging evidence of a lesion shown to "
                    "benefit from surgical repair.",
                    "Associated services are supported only when the underlying procedure is "
                    "supported."},
                   {"Conservative treatment has not been exhausted, and the imaging does not "
                    "show a lesion that correlates with the examination.",
                    "As the primary procedure is not supported, %s is not supported either."},
                   {"The injured worker has failed more than six months of conservative care, "
                    "and the imaging findings correlate with the examination.",
                    "The procedure is supported, and %s is appropriate for it."}},
    [F_VISIT] = {{"The need for a clinical office visit is individualized, based on the "
                  "patient's concerns, signs and symptoms, clinical stability and medications.",
                  "A referral may be made when the plan of care would benefit from additional "
                  "expertise."},
                 {"The reason for %s is not explained in the records.",
                  "The injured worker is already followed by a specialist in this area."},
                 {"The injured worker takes medications that require monitoring, and %s is "
                  "reasonable.",
                  "The diagnosis is uncertain and the provider documents a specific question for "
                  "the consultant."}},
    [F_PSYCH] = {{"Psychological evaluations are recommended for patients with chronic pain "
                  "whose recovery is delayed.",
                  "An initial trial of 3 to 4 psychotherapy visits over 2 weeks is recommended, "
                  "with up to 6 to 10 visits given evidence of functional improvement."},
                 {"The number of sessions requested exceeds the initial trial.",
                  "Prior sessions did not produce documented functional improvement."},
                 {"The injured worker has depressive symptoms and delayed recovery, and %s is "
                  "supported.",
                  "Objective improvement on standardized measures is documented."}},
    [F_PROGRAM] = {{"Functional restoration programs are recommended for patients with chronic "
                    "disabling pain who have failed other treatment and are motivated to change.",
                    "Treatment is not suggested for longer than two weeks without evidence of "
                    "demonstrated efficacy."},
                   {"The request exceeds the two-week trial the guideline allows.",
                    "Negative predictors of success have not been addressed."},
                   {"The baseline evaluation documents motivation and the failure of prior "
                    "treatment, and the request is limited to an initial trial.",
                    "The injured worker is not a candidate for surgery."}},
    [F_HOME] = {{"Home health services are recommended only for medical treatment for patients "
                 "who are homebound, generally up to no more than 35 hours per week.",
                 "Medical treatment does not include homemaker services such as shopping, "
                 "cleaning and laundry."},
                {"The records do not show that the injured worker is homebound or that skilled "
                 "care is needed.",
                 "The services described are custodial rather than medical."},
                {"The injured worker is homebound after surgery and needs skilled wound care.",
                 "The hours requested are within the guideline."}},
    [F_SUPPORT] = {{"Such services are recommended when a patient has a documented need that "
                    "prevents attendance at medical appointments or communication with the "
                    "provider.",
                    "The need should be documented by the treating provider."},
                   {"No such need is documented for %s.",
                    "The records do not explain why other arrangements are not available."},
                   {"The need for %s is documented by the treating provider.",
                    "Without it the injured worker could not attend the treatment ordered."}},
};
