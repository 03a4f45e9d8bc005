#include "util/size.h"

#include <stdio.h>

const char *imrx_size_text(uint64_t bytes, char *out, size_t n)
{
    static const char *const units[] = {"KiB", "MiB", "GiB", "TiB"};
    if (bytes < 1024) {
        snprintf(out, n, "%llu bytes", (unsigned long long)bytes);
        return out;
    }
    double v = (double)bytes / 1024.0;
    int u = 0;
    while (v >= 1024.0 && u < 3) v /= 1024.0, u++;
    snprintf(out, n, "%.1f %s", v, units[u]);
    return out;
}
