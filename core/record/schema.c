#include "record/schema.h"

typedef struct field {
    const char *path; /* parent "." key; parents listed before children */
    imrx_type_t type;
} field_t;

static const field_t skeleton[] = {
    {"case_number", IMRX_T_NULL},
    {"dates", IMRX_T_OBJECT},
    {"dates.assigned", IMRX_T_NULL},
    {"dates.injury", IMRX_T_NULL},
    {"dates.decision", IMRX_T_NULL},
    {"dates.ur_denial", IMRX_T_NULL},
    {"dates.application_received", IMRX_T_NULL},
    {"priority", IMRX_T_NULL},
    {"patient", IMRX_T_OBJECT},
    {"patient.age", IMRX_T_NULL},
    {"patient.sex", IMRX_T_NULL},
    {"patient.diagnoses", IMRX_T_ARRAY},
    {"reviewer", IMRX_T_OBJECT},
    {"reviewer.licensure", IMRX_T_ARRAY},
    {"reviewer.specialties", IMRX_T_ARRAY},
    {"reviewer.specialties_canonical", IMRX_T_ARRAY},
    {"items", IMRX_T_ARRAY},
    {"medications", IMRX_T_ARRAY},
    {"treatments_to_date", IMRX_T_ARRAY},
    {"dates_in_narrative", IMRX_T_OBJECT},
    {"dates_in_narrative.injury", IMRX_T_NULL},
    {"dates_in_narrative.ur_decision", IMRX_T_NULL},
    {"clinical_events", IMRX_T_ARRAY},
};

imrx_status_t imrx_schema_skeleton(imrx_record_t *r)
{
    for (size_t i = 0; i < sizeof skeleton / sizeof skeleton[0]; i++) {
        const char *path = skeleton[i].path;
        imrx_node_t parent = 0;
        const char *key = path;
        for (const char *p = path; *p; p++) {
            if (*p != '.') continue;
            char name[32];
            size_t n = (size_t)(p - key);
            if (n >= sizeof name) return IMRX_EINVAL;
            for (size_t k = 0; k < n; k++) name[k] = key[k];
            name[n] = '\0';
            parent = imrx_record_get(r, parent, name);
            key = p + 1;
        }
        if (imrx_record_put_static(r, parent, key, skeleton[i].type) == IMRX_NODE_NONE)
            return IMRX_ENOMEM;
    }
    return IMRX_OK;
}
