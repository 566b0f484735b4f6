#include "smallarray.h"

#include <QRandomGenerator>
#include <QTest>

#include <cstdint>
#include <utility>
#include <vector>

// Every operation checked against std::vector, for values of which several, one and none fit in
// place, across the step from in place to the heap and back through copies and moves.
class TestSmallArray : public QObject
{
    Q_OBJECT

private:
    struct Wide
    {
        std::int64_t first;
        std::int64_t last;
        friend bool operator==(const Wide &, const Wide &) = default;
    };

    template<typename T> static std::vector<T> contents(const SmallArray<T> &a)
    {
        std::vector<T> out(a.begin(), a.end());
        // operator[] sees the same as the iterators.
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (!(a[i] == out[i]))
                out.clear();
        }
        return out;
    }
    template<typename T> static T valueOf(int n)
    {
        if constexpr (std::is_same_v<T, Wide>)
            return { n, -n };
        else
            return T(n);
    }

    template<typename T> void matchesVector(quint32 seed)
    {
        SmallArray<T> a;
        std::vector<T> expected;
        QRandomGenerator random(seed);
        for (int step = 0; step < 600; ++step) {
            const int op = int(random.bounded(7));
            const auto count = int(expected.size());
            const T value = valueOf<T>(step % 100);
            if (op == 0 || (op == 1 && count > 12)) { // erase, more often as it grows
                if (count > 0) {
                    const auto at = int(random.bounded(count));
                    const auto it = a.erase(a.begin() + at);
                    QCOMPARE(it - a.begin(), at);
                    expected.erase(expected.begin() + at);
                }
            } else if (op == 1 || op == 2) {
                const auto at = int(random.bounded(count + 1));
                const auto it = a.insert(a.begin() + at, value);
                QCOMPARE(it - a.begin(), at);
                QVERIFY(*it == value);
                expected.insert(expected.begin() + at, value);
            } else if (op == 3) {
                a.push_back(value);
                expected.push_back(value);
            } else if (op == 4) { // a copy, whether it holds in place or on the heap, then moved in
                SmallArray<T> copy = a;
                QCOMPARE(contents(copy), expected);
                a = SmallArray<T>();
                QVERIFY(a.empty());
                a = std::move(copy);
                QVERIFY(copy.empty());
            } else if (op == 5) { // assigned over an array of another size
                SmallArray<T> other;
                const int size = int(random.bounded(8));
                for (int i = 0; i < size; ++i)
                    other.push_back(valueOf<T>(i));
                other = a;
                a = SmallArray<T>(std::move(other));
            } else if (random.bounded(8) == 0) {
                a.clear();
                expected.clear();
            }
            QCOMPARE(a.size(), expected.size());
            QCOMPARE(contents(a), expected);
        }
    }

private Q_SLOTS:
    void bytesMatchVector() { matchesVector<std::uint8_t>(1); }
    void intsMatchVector() { matchesVector<std::int32_t>(2); }
    void wideValuesMatchVector() { matchesVector<Wide>(3); }

    void smallOnesNeedNoHeap()
    {
        QCOMPARE(sizeof(SmallArray<std::int32_t>), std::size_t(16));
        QCOMPARE(SmallArray<std::uint8_t>::inPlace, 8u);
        QCOMPARE(SmallArray<std::int32_t>::inPlace, 2u);
        QCOMPARE(SmallArray<Wide>::inPlace, 0u);

        SmallArray<std::int32_t> a;
        a.reserve(2);
        a.push_back(7);
        a.push_back(8);
        QCOMPARE(a.heapBytes(), std::size_t(0));
        const std::int32_t *inPlace = a.data();
        a.push_back(9);
        QVERIFY(a.heapBytes() >= 3 * sizeof(std::int32_t));
        QVERIFY(a.data() != inPlace);
        QCOMPARE(contents(a), (std::vector<std::int32_t> { 7, 8, 9 }));
        // A move takes the heap block itself; a copy of two values keeps them in place.
        const std::int32_t *block = a.data();
        SmallArray<std::int32_t> moved(std::move(a));
        QCOMPARE(moved.data(), block);
        a.push_back(1);
        a.push_back(2);
        SmallArray<std::int32_t> copy(a);
        QCOMPARE(copy.heapBytes(), std::size_t(0));
        QVERIFY(copy == a);
    }
};

QTEST_APPLESS_MAIN(TestSmallArray)
#include "tst_smallarray.moc"
