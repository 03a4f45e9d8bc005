/* Where reviewers are licensed and what they are certified in. */
#include "gen/vocab.h"

const imrx_gen_state_t imrx_gen_states[] = {
    {"California", "CA"},     {"Texas", "TX"},       {"New York", "NY"},
    {"Florida", "FL"},        {"Illinois", "IL"},    {"Pennsylvania", "PA"},
    {"Ohio", "OH"},           {"Michigan", "MI"},    {"North Carolina", "NC"},
    {"Georgia", "GA"},        {"Arizona", "AZ"},     {"Washington", "WA"},
    {"Massachusetts", "MA"},  {"Maryland", "MD"},    {"Virginia", "VA"},
    {"New Jersey", "NJ"},     {"Colorado", "CO"},    {"Oregon", "OR"},
    {"Tennessee", "TN"},      {"Minnesota", "MN"},   {"Wisconsin", "WI"},
    {"Missouri", "MO"},       {"Connecticut", "CT"}, {"Nevada", "NV"},
    {"Utah", "UT"},           {"Kentucky", "KY"},    {"Indiana", "IN"},
    {"South Carolina", "SC"}, {"New Mexico", "NM"},  {"West Virginia", "WV"},
};
const size_t imrx_gen_nstates = sizeof imrx_gen_states / sizeof imrx_gen_states[0];

#define C(x) (1u << GEN_CAT_##x)
#define MSK  (C(PHARMA) | C(PT) | C(INJECT) | C(DIAG) | C(DME) | C(PROGRAMS) | C(EM))
const imrx_gen_specialty_t imrx_gen_specialties[] = {
    {"Family Practice", MSK | C(HOME) | C(TRANSPORT) | C(OTHER), "Family Pratice"},
    {"Internal Medicine", MSK | C(HOME) | C(TRANSPORT) | C(OTHER), "Internal Medicne"},
    {"Occupational Medicine", MSK | C(CHIRO) | C(ACU) | C(OTHER), NULL},
    {"Preventive Medicine", MSK, NULL},
    {"Public Health & General Preventive Medicine", MSK, NULL},
    {"Physical Medicine & Rehabilitation", MSK | C(CHIRO) | C(ACU) | C(HOME),
     "Physical Medicine & "
     "Rehabilitaion"},
    {"Pain Medicine", MSK | C(INJECT) | C(BEHAV), NULL},
    {"Pain Management", MSK | C(INJECT), NULL},
    {"Anesthesiology", C(PHARMA) | C(INJECT) | C(PROGRAMS) | C(DIAG), "Anesthesiolgy"},
    {"Orthopedic Surgery", C(SURGERY) | C(DIAG) | C(DME) | C(PT) | C(INJECT), "Orthopedic Sugery"},
    {"Orthopaedic Surgery", C(SURGERY) | C(DIAG) | C(DME) | C(PT), NULL},
    {"Spine Surgery", C(SURGERY) | C(DIAG) | C(INJECT), NULL},
    {"Sports Medicine", C(PT) | C(DME) | C(INJECT) | C(DIAG), "Sports Medicinea"},
    {"Neurology", C(DIAG) | C(PHARMA) | C(EM), NULL},
    {"Clinical Neurophysiology", C(DIAG), NULL},
    {"Neurological Surgery", C(SURGERY) | C(DIAG), NULL},
    {"Psychiatry", C(BEHAV) | C(PHARMA) | C(PROGRAMS), NULL},
    {"Psychology", C(BEHAV) | C(PROGRAMS), NULL},
    {"Chiropractic Medicine", C(CHIRO) | C(PT) | C(DME), NULL},
    {"Acupuncture", C(ACU), NULL},
    {"Plastic Surgery", C(SURGERY), NULL},
    {"Surgery of the Hand", C(SURGERY) | C(PT), NULL},
    {"Rheumatology", C(PHARMA) | C(DIAG), NULL},
    {"Emergency Medicine", C(PHARMA) | C(DIAG) | C(TRANSPORT), NULL},
    {"Geriatric Medicine", C(HOME) | C(PHARMA) | C(TRANSPORT), NULL},
    {"Podiatry", C(SURGERY) | C(DME), NULL},
};
const size_t imrx_gen_nspecialties = sizeof imrx_gen_specialties / sizeof imrx_gen_specialties[0];
