#include "tokens.h"

#include "text.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static int word_number(const char *w, size_t len)
{
    /* Most words are not numbers: rule them out by their first letter and length. */
    if (len < 3 || len > 9 || !strchr("zotfsen", w[0])) return -1;
    static const char *const words[] = {
        "zero",     "one",     "two",     "three",     "four",     "five",     "six",
        "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",   "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
    for (int i = 0; i <= 20; i++)
        if (words[i][0] == w[0] && words[i][1] == w[1] && strcmp(w, words[i]) == 0) return i;
    static const struct {
        const char *word;
        int value;
    } tens[] = {{"thirty", 30}, {"forty", 40}, {"sixty", 60}, {"ninety", 90}};
    for (int i = 0; i < 4; i++)
        if (tens[i].word[0] == w[0] && strcmp(w, tens[i].word) == 0) return tens[i].value;
    return -1;
}

/* ASCII classes, inline (the C locale's, without its table look-ups through a function). */
static inline int ascii_digit(unsigned char c)
{
    return (unsigned char)(c - '0') < 10;
}

size_t imrx_tokenize(const char *text, uint32_t b, uint32_t e, imrx_token_t *out, size_t max)
{
    size_t n = 0;
    uint32_t i = b;
    while (i < e && n < max) {
        unsigned char c = (unsigned char)text[i];
        imrx_token_t *t = &out[n];
        if (imrx_text_letter(c) || ascii_digit(c)) {
            int digits = ascii_digit(c);
            uint32_t j = i;
            size_t k = 0;
            long value = 0;
            if (digits) {
                for (; j < e && ascii_digit((unsigned char)text[j]); j++) {
                    if (k < sizeof t->low - 1) t->low[k++] = text[j];
                    if (j - i < 9) value = value * 10 + (text[j] - '0');
                }
            } else {
                for (; j < e && imrx_text_letter((unsigned char)text[j]); j++)
                    if (k < sizeof t->low - 1) t->low[k++] = (char)(text[j] | 0x20);
            }
            t->low[k] = '\0';
            t->b = i;
            t->e = j;
            t->num = digits ? (k < 9 ? (int)value : -1) : word_number(t->low, k);
            n++;
            i = j;
            continue;
        }
        if (c == '#' || c == '-' || c == '/' || c == '%' || c == '(' || c == ')') {
            t->b = i;
            t->e = i + 1;
            t->num = -1;
            t->low[0] = (char)c;
            t->low[1] = '\0';
            n++;
        }
        i++;
    }
    return n;
}

/* 1: a letter, 2: a digit, 3: a one-character token, 0: no token. */
static int token_class(unsigned char c)
{
    if (imrx_text_letter(c)) return 1;
    if (ascii_digit(c)) return 2;
    return c == '#' || c == '-' || c == '/' || c == '%' || c == '(' || c == ')' ? 3 : 0;
}

uint32_t imrx_tokens_back(const char *text, uint32_t b, uint32_t p, int count, int *got)
{
    int k = 0;
    while (k < count) {
        uint32_t j = p;
        while (j > b && !token_class((unsigned char)text[j - 1])) j--;
        if (j == b) break;
        int c = token_class((unsigned char)text[j - 1]);
        if (c == 3)
            j--;
        else
            while (j > b && token_class((unsigned char)text[j - 1]) == c) j--;
        p = j;
        k++;
    }
    *got = k;
    return p;
}

int imrx_token_is(const imrx_token_t *t, const char *const *words)
{
    for (; *words; words++)
        if ((*words)[0] == t->low[0] && strcmp(t->low, *words) == 0) return 1;
    return 0;
}
