#include "CMallocArenas.h"

#if defined(__has_include)
#if __has_include(<malloc.h>) && defined(__GLIBC__)
#include <malloc.h>
#endif
#endif

int vaani_limit_malloc_arenas(int count) {
#if defined(M_ARENA_MAX)
    return mallopt(M_ARENA_MAX, count) == 1 ? 1 : 0;
#else
    (void)count;
    return 0;
#endif
}
