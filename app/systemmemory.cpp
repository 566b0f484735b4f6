#include "systemmemory.h"

#include <cstdlib> // defines __GLIBC__ where it is glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace SystemMemory {

void giveBackLargeBlocks()
{
#if defined(__GLIBC__)
    // Setting it at all turns the raising off (mallopt(3)).
    mallopt(M_MMAP_THRESHOLD, 4 << 20);
#endif
}

} // namespace SystemMemory
