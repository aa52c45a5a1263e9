#ifndef C_MALLOC_ARENAS_H
#define C_MALLOC_ARENAS_H

/// Caps glibc's malloc arenas at `count` (mallopt(M_ARENA_MAX, count)); returns 1 when applied and 0
/// where the C library has no such setting.
int vaani_limit_malloc_arenas(int count);

#endif
