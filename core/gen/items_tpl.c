/* How disputed items are named, per category. Several phrasings of the same service, so that an
 * extractor cannot learn one wording. Counts and frequencies are filled in to agree. */
#include "gen/model.h"

#define N    GEN_NO_TOPIC
#define CNT  GEN_F_COUNT
#define SP   GEN_F_SPINE
#define LB   GEN_F_LIMB
#define AR   GEN_F_ARTICLE
#define HD   GEN_F_HAND
#define T(x) GEN_TP_##x
#define K(x) GEN_K_##x

static const imrx_gen_tpl_t pt[] = {
    {"Physical therapy {F} for {R}", K(PT), T(PHYSMED), T(PHYS_METHODS), CNT, "physical therapy", 6,
     18},
    {"Physical therapy {N} sessions for {R}", K(PT), T(PHYSMED), N, CNT, "physical therapy", 6, 24},
    {"Additional physical therapy {F}, {r}", K(PT), T(PHYSMED), N, CNT,
     "additional physical therapy", 6, 12},
    {"{W} sessions of physical therapy for {R}", K(PT), T(PHYSMED), N, CNT, "physical therapy", 6,
     12},
    {"Physical therapy evaluation and treatment, {R}", K(PT), T(PHYSMED), N, AR, "physical therapy",
     0, 0},
    {"Post-operative physical therapy {F} for {R}", K(PT_POSTOP), T(POSTSURG), N, CNT,
     "post-operative therapy", 8, 24},
    {"Aquatic therapy {F} for {R}", K(AQUATIC), T(AQUATIC), N, CNT, "aquatic therapy", 6, 12},
    {"Occupational therapy for {W} sessions", K(OT), T(PHYSMED), N, CNT | HD,
     "occupational therapy", 6, 12},
    {"Occupational therapy {F} for {R}", K(OT), T(PHYSMED), T(PHYS_METHODS), CNT | HD,
     "occupational therapy", 6, 12},
    {"Massage therapy, {N} sessions for {R}", K(MASSAGE), T(PHYSMED), N, CNT, "massage therapy", 4,
     8},
    {"Work hardening program, {N} sessions", K(WORKHARD), T(PHYSMED), N, CNT, "work hardening", 10,
     20},
};

static const imrx_gen_tpl_t chiro[] = {
    {"Chiropractic treatment {F} for {R}", K(CHIRO), T(MANIP), N, CNT | SP, "chiropractic care", 6,
     12},
    {"Chiropractic manipulation, {N} sessions for {R}", K(CHIRO), T(MANIP), N, CNT | SP,
     "chiropractic manipulation", 6, 12},
    {"Chiropractic therapy sessions for {R}, #{N}", K(CHIRO), T(MANIP), N, CNT | SP,
     "chiropractic therapy", 6, 12},
    {"{W} chiropractic visits for {R}", K(CHIRO), T(MANIP), T(PHYS_METHODS), CNT | SP,
     "chiropractic care", 6, 18},
    {"Chiropractic care with myofascial release {F}", K(CHIRO), T(MANIP), N, CNT,
     "chiropractic care", 6, 12},
};

static const imrx_gen_tpl_t acu[] = {
    {"Acupuncture {F} for {R}", K(ACU), T(ACU), N, CNT, "acupuncture", 6, 12},
    {"Acupuncture, {N} sessions for {R}", K(ACU), T(ACU), N, CNT, "acupuncture", 6, 12},
    {"Additional acupuncture x {N}", K(ACU), T(ACU), N, CNT, "additional acupuncture", 6, 12},
    {"Acupuncture {N} sessions", K(ACU), T(ACU), N, CNT, "acupuncture", 6, 12},
    {"Electroacupuncture {F} for {R}", K(ACU), T(ACU), N, CNT, "electroacupuncture", 6, 12},
};

static const imrx_gen_tpl_t inject[] = {
    {"{A} epidural steroid injection at {L}", K(ESI), T(ESI), N, SP | AR,
     "the epidural steroid injection", 0, 0},
    {"Transforaminal epidural steroid injection at {S} {L}", K(ESI), T(ESI), N, SP | AR,
     "the epidural injection", 0, 0},
    {"Interlaminar {A} epidural steroid injection at {L}", K(ESI), T(ESI), N, SP | AR,
     "the epidural injection", 0, 0},
    {"Bilateral {A} medial branch blocks at {L}", K(FACET), T(FACET), N, SP, "medial branch blocks",
     0, 0},
    {"{A} facet injections at {L} bilaterally", K(FACET), T(FACET), N, SP, "facet injections", 0,
     0},
    {"Radiofrequency ablation of the bilateral {L} medial branches", K(RFA), T(RFA), N, SP,
     "radiofrequency ablation", 0, 0},
    {"Trigger point injections x{N} to the {A} paraspinal muscles", K(TPI), T(TPI), N, SP,
     "trigger point injections", 2, 4},
    {"Trigger point injections to the bilateral trapezius", K(TPI), T(TPI), N, 0,
     "trigger point injections", 0, 0},
    {"{S} {A} corticosteroid injection under ultrasound guidance", K(JOINT), T(JOINT_INJ), N,
     LB | AR, "the corticosteroid injection", 0, 0},
    {"Corticosteroid injection to the {r}", K(JOINT), T(JOINT_INJ), N, LB | AR,
     "the corticosteroid injection", 0, 0},
    {"Platelet rich plasma injection to the {r}", K(PRP), T(PRP), N, LB | AR, "the PRP injection",
     0, 0},
    {"Sacroiliac joint injection, {S}", K(JOINT), T(SI), N, SP | AR,
     "the sacroiliac joint injection", 0, 0},
    {"Bilateral greater occipital nerve blocks", K(BLOCK), T(NERVE_BLOCK), N, 0,
     "occipital nerve blocks", 0, 0},
};

static const imrx_gen_tpl_t diag[] = {
    {"MRI of {R} without contrast", K(MRI), T(SPECIAL), N, AR, "the MRI", 0, 0},
    {"MRI of {R}", K(MRI), T(SPECIAL), N, AR, "the MRI", 0, 0},
    {"Repeat MRI of {R}", K(MRI), T(SPECIAL), N, AR, "a repeat MRI", 0, 0},
    {"{A} MRI", K(MRI), T(SPECIAL), N, SP | AR, "the MRI", 0, 0},
    {"MR arthrogram of the {r}", K(MRI), T(SPECIAL), N, LB | AR, "the MR arthrogram", 0, 0},
    {"X-rays of {R}", K(XRAY), T(SPECIAL), N, 0, "the radiographs", 0, 0},
    {"X-ray of the {r}, three views", K(XRAY), T(SPECIAL), N, LB | AR, "the radiographs", 0, 0},
    {"Flexion and extension X-rays of {R}", K(XRAY), T(SPECIAL), N, SP,
     "the flexion-extension "
     "films",
     0, 0},
    {"CT scan of {R}", K(CT), T(SPECIAL), N, AR, "the CT scan", 0, 0},
    {"EMG/NCV of the bilateral lower extremities", K(EMG), T(EMG), N, SP,
     "electrodiagnostic "
     "testing",
     0, 0},
    {"EMG/NCS of the bilateral upper extremities", K(EMG), T(EMG), N, 0,
     "electrodiagnostic "
     "testing",
     0, 0},
    {"Nerve conduction study of the {S} upper extremity", K(EMG), T(EMG), N, HD,
     "the nerve "
     "conduction study",
     0, 0},
    {"Urine drug screen", K(UDS), T(UDS), N, AR, "urine drug testing", 0, 0},
    {"Urine toxicology screen", K(UDS), T(UDS), N, AR, "urine drug testing", 0, 0},
    {"Functional capacity evaluation", K(FCE), T(FCE), N, AR, "a functional capacity evaluation", 0,
     0},
    {"Sleep study", K(SLEEP), T(SLEEPSTUDY), N, AR, "a sleep study", 0, 0},
    {"Polysomnography", K(SLEEP), T(SLEEPSTUDY), N, 0, "polysomnography", 0, 0},
    {"Laboratory testing: CBC and comprehensive metabolic panel", K(LAB), T(LAB), N, 0,
     "laboratory testing", 0, 0},
    {"Hepatic and renal function panel", K(LAB), T(LAB), N, AR, "laboratory testing", 0, 0},
    {"Diagnostic ultrasound of the {r}", K(US), T(SPECIAL), N, LB | AR, "the ultrasound", 0, 0},
};

static const imrx_gen_tpl_t dme[] = {
    {"TENS unit, 30 day rental", K(TENS), T(TENS), N, AR, "a TENS unit", 0, 0},
    {"TENS unit purchase", K(TENS), T(TENS), N, 0, "a TENS unit", 0, 0},
    {"Interferential current stimulator, one month rental", K(TENS), T(TENS), N, AR,
     "an interferential stimulator", 0, 0},
    {"H-wave device, 30-day home trial", K(TENS), T(TENS), N, AR, "an H-wave device", 0, 0},
    {"Hinged {S} knee brace", K(BRACE), T(BRACE), N, AR, "the brace", 0, 0},
    {"Lumbar support brace", K(BRACE), T(BRACE), N, SP | AR, "the lumbar support", 0, 0},
    {"{S} wrist splint", K(BRACE), T(BRACE), N, HD | AR, "the splint", 0, 0},
    {"Cold therapy unit, 7 day rental", K(COLD), T(COLD), N, AR, "a cold therapy unit", 0, 0},
    {"Hot/cold therapy unit purchase", K(COLD), T(COLD), N, 0, "a hot/cold therapy unit", 0, 0},
    {"Cervical traction unit for home use", K(DME), T(DME), N, SP | AR, "home traction", 0, 0},
    {"Front-wheeled walker", K(DME), T(DME), N, AR, "the walker", 0, 0},
    {"Shower chair", K(DME), T(DME), N, AR, "the shower chair", 0, 0},
    {"Custom orthotics for both feet", K(DME), T(DME), N, 0, "custom orthotics", 0, 0},
    {"Home exercise kit for {R}", K(DME), T(DME), N, AR, "the exercise kit", 0, 0},
};

static const imrx_gen_tpl_t surgery[] = {
    {"{X}", K(SURG), T(SURGICAL), N, 0, "the proposed surgery", 0, 0},
    {"{X}", K(SURG), T(SURGICAL), N, 0, "the proposed surgery", 0, 0},
    {"Associated surgical service: Assistant surgeon for {Y}", K(ASSIST), T(ASSIST), N, 0,
     "an assistant surgeon", 0, 0},
    {"Pre-operative medical clearance", K(PREOP), T(PREOP), N, 0, "pre-operative clearance", 0, 0},
    /* Associated services count by what they are (corpus/README.md): pre-operative labs would
     * be diagnostic testing; anesthesia belongs to the surgery. */
    {"Associated surgical service: Anesthesia services", K(PREOP), T(PREOP), N, 0,
     "anesthesia for the procedure", 0, 0},
    {"Associated surgical service: Inpatient stay, {N} days", K(STAY), T(SURGICAL), N, 0,
     "an inpatient stay", 1, 3},
};

static const imrx_gen_tpl_t em[] = {
    {"Follow up visit in {N} weeks", K(FOLLOWUP), T(OFFICE), N, AR, "a follow-up visit", 4, 8},
    {"Follow-up visits with the pain management physician", K(FOLLOWUP), T(OFFICE), N, 0,
     "follow-up visits", 0, 0},
    {"Orthopedic spine surgery consultation", K(CONSULT), T(CONSULT), N, SP | AR,
     "a spine surgery consultation", 0, 0},
    {"Referral to a hand surgeon", K(CONSULT), T(CONSULT), N, HD | AR, "a hand surgery referral", 0,
     0},
    {"Pain management consultation", K(CONSULT), T(CONSULT), N, AR,
     "a pain management consultation", 0, 0},
    {"Neurology consultation", K(CONSULT), T(CONSULT), N, AR, "a neurology consultation", 0, 0},
    {"Internal medicine consultation for gastrointestinal complaints", K(CONSULT), T(CONSULT), N,
     AR, "an internal medicine consultation", 0, 0},
    {"Office visit for medication management", K(FOLLOWUP), T(OFFICE), N, AR, "an office visit", 0,
     0},
    {"Orthopedic follow-up evaluation for {R}", K(FOLLOWUP), T(OFFICE), N, AR,
     "an orthopedic follow-up", 0, 0},
};

static const imrx_gen_tpl_t behav[] = {
    {"Cognitive behavioral therapy, {N} sessions", K(CBT), T(BEHAV), N, CNT,
     "cognitive behavioral therapy", 4, 12},
    {"Psychological evaluation", K(PSYEVAL), T(PSYCH_EVAL), N, AR, "a psychological evaluation", 0,
     0},
    {"Outpatient psychological evaluation", K(PSYEVAL), T(PSYCH_EVAL), N, AR,
     "a psychological evaluation", 0, 0},
    {"Psychotherapy, {N} sessions", K(CBT), T(STRESS), N, CNT, "psychotherapy", 6, 12},
    {"Individual psychotherapy once a week for {N} weeks", K(CBT), T(BEHAV), N, CNT,
     "psychotherapy", 6, 12},
    {"Biofeedback, {N} sessions", K(BIOFEED), T(BIOFEEDBACK), N, CNT, "biofeedback", 4, 10},
    {"Psychological testing", K(PSYEVAL), T(PSYCH_EVAL), N, 0, "psychological testing", 0, 0},
};

static const imrx_gen_tpl_t programs[] = {
    {"Functional restoration program, {N} hours", K(FRP), T(FRP), N, 0,
     "a functional restoration program", 80, 160},
    {"Functional restoration program evaluation", K(FRP), T(FRP), N, AR, "a program evaluation", 0,
     0},
    {"Multidisciplinary pain program, {N} hours", K(FRP), T(FRP), N, AR, "a pain program", 80, 160},
    {"Gym membership for {N} months", K(GYM), T(GYM), N, AR, "a gym membership", 3, 12},
    {"Medically supervised weight loss program", K(WEIGHT), T(WEIGHT), N, AR,
     "a weight loss program", 0, 0},
};

static const imrx_gen_tpl_t home[] = {
    {"Home health care {N} hours a day, 5 days a week for 6 weeks", K(HOME), T(HOME), N, 0,
     "home health care", 2, 8},
    {"Home health aide services, {N} hours per day, 3 days per week for 4 weeks", K(HOME), T(HOME),
     N, 0, "home health aide services", 2, 6},
    {"Home health nursing evaluation", K(HOME), T(HOME), N, AR, "a home health evaluation", 0, 0},
    {"In-home care assistance, {N} hours a day", K(HOME), T(HOME), N, 0, "in-home assistance", 4,
     8},
};

static const imrx_gen_tpl_t transport[] = {
    {"Round trip transportation to and from medical appointments", K(TRANSPORT), T(TRANSPORT), N, 0,
     "transportation", 0, 0},
    {"Transportation to all medical appointments for {N} months", K(TRANSPORT), T(TRANSPORT), N, 0,
     "transportation", 2, 6},
    {"Non-emergency medical transportation", K(TRANSPORT), T(TRANSPORT), N, 0, "transportation", 0,
     0},
};

static const imrx_gen_tpl_t other[] = {
    {"Interpreter services for all medical appointments", K(INTERP), T(INTERPRETER), N, 0,
     "interpreter services", 0, 0},
    {"Spanish interpreter for office visits", K(INTERP), T(INTERPRETER), N, AR, "an interpreter", 0,
     0},
    {"Ergonomic workstation evaluation", K(ERGO), T(ERGO), N, AR, "an ergonomic evaluation", 0, 0},
};

const imrx_gen_tpl_t *const imrx_gen_tpls[GEN_NCAT] = {
    NULL, pt, chiro, acu, inject, diag, dme, surgery, em, behav, programs, home, transport, other,
};
const size_t imrx_gen_ntpls[GEN_NCAT] = {
    0,
    IMRX_GEN_COUNT(pt),
    IMRX_GEN_COUNT(chiro),
    IMRX_GEN_COUNT(acu),
    IMRX_GEN_COUNT(inject),
    IMRX_GEN_COUNT(diag),
    IMRX_GEN_COUNT(dme),
    IMRX_GEN_COUNT(surgery),
    IMRX_GEN_COUNT(em),
    IMRX_GEN_COUNT(behav),
    IMRX_GEN_COUNT(programs),
    IMRX_GEN_COUNT(home),
    IMRX_GEN_COUNT(transport),
    IMRX_GEN_COUNT(other),
};
