/* The gold file of a generated letter. */
#ifndef IMRX_GEN_GOLD_H
#define IMRX_GEN_GOLD_H

#include "gen/model.h"
#include "util/buf.h"

void imrx_gen_gold(const imrx_gen_letter_t *L, imrx_buf_t *b);
/* The claims administrator's guideline says it cited no evidence (layouts A and B only). */
int imrx_gen_ca_no_citation(const imrx_gen_letter_t *L, const imrx_gen_item_t *it);

#endif
