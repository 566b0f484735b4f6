#include "systemmemory.h"

#include <cstdlib> // defines __GLIBC__ where it is glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif
#if defined(__linux__)
#include <sys/mman.h>
#endif

#include <cstdint>

namespace SystemMemory {

void giveBackLargeBlocks()
{
#if defined(__GLIBC__)
    // Setting it at all turns the raising off (mallopt(3)).
    mallopt(M_MMAP_THRESHOLD, 4 << 20);
#endif
}

void giveBackFreeBlocks()
{
#if defined(__GLIBC__)
    malloc_trim(0); // every arena's free pages, not only the top of the main heap's
#endif
}

void preferHugePages(void *begin, std::size_t bytes)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    constexpr std::uintptr_t huge = std::uintptr_t(2) << 20;
    const auto from = (reinterpret_cast<std::uintptr_t>(begin) + huge - 1) & ~(huge - 1);
    const auto to = (reinterpret_cast<std::uintptr_t>(begin) + bytes) & ~(huge - 1);
    if (to > from)
        madvise(reinterpret_cast<void *>(from), to - from, MADV_HUGEPAGE); // only advice: failing is fine
#else
    (void)begin;
    (void)bytes;
#endif
}

} // namespace SystemMemory
