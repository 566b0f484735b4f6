#pragma once

#include <cstddef>

// How the process takes memory from the system and gives it back.
namespace SystemMemory {

// Has blocks of 4 MiB and more (a file's bytes, the arrays of a hundred thousand events)
// mapped from the system on their own, and so given back the moment they are freed. Called
// first thing by every program that loads timelines: glibc otherwise raises that threshold to
// the largest block freed so far, and once a load has freed one, the next arrays come from the
// heap, where what is freed stays with the process: a load peaked higher, and each timeline
// closed or replaced left tens of megabytes behind. Below 4 MiB, blocks stay on the heap, to
// be used again: mapping each afresh made a small file's load a tenth slower.
void giveBackLargeBlocks();

// Gives the system back the pages of the heap's free blocks, what giveBackLargeBlocks() leaves
// with the process. Called before a large load: what the last timeline freed lies in holes that
// a new load's arrays mostly do not fit, and the second of two loads of a 100,000-event file
// peaked 2.4 MB higher than the first, a sixth of the file. It costs the load the faults of
// the pages it then takes afresh, 2 to 4 ms of such a load's 45 to 65.
void giveBackFreeBlocks();

// Asks for the whole 2 MiB pages within [begin, begin + bytes) to be backed by huge pages as
// they are first written (Linux's transparent huge pages, where the system leaves them to the
// program, as Debian does). For a large array about to be filled: one fault per 2 MiB rather
// than one per 4 KiB, which with 100,000 actors was most of what making their lanes cost.
// Does nothing elsewhere, or for a block smaller than a huge page.
void preferHugePages(void *begin, std::size_t bytes);

// The same for the room an array (std::vector, QList) has past its elements, up to `end` of
// them: where it is written next.
template<typename Array> void preferHugePagesAhead(Array &array, std::size_t end)
{
    const auto size = std::size_t(array.size());
    if (end > size)
        preferHugePages(array.data() + size, (end - size) * sizeof(*array.data()));
}

} // namespace SystemMemory
