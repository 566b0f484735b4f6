// libFuzzer target: see fuzzchecks.h for what it checks; ./dev fuzz runs it.
#include "fuzzchecks.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (!FuzzChecks::tagger(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size))))
        std::abort();
    return 0;
}
