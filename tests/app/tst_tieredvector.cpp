#include "tieredvector.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <numeric>
#include <vector>

// Every operation checked against std::vector, with blocks of 4 elements so that a few dozen
// elements span many blocks, full and partial, flat and tiered.
class TestTieredVector : public QObject
{
    Q_OBJECT

private:
    enum class Op { Insert, Erase, PushBack, PopBack };
    using Small = TieredVector<int, 2>;

    static Small filled(int size)
    {
        Small v;
        for (int i = 0; i < size; ++i)
            v.push_back(i);
        return v;
    }
    static std::vector<int> reference(int size)
    {
        std::vector<int> v(static_cast<std::size_t>(size));
        std::iota(v.begin(), v.end(), 0);
        return v;
    }
    static std::vector<int> contents(const Small &v)
    {
        std::vector<int> out;
        for (std::size_t i = 0; i < v.size(); ++i)
            out.push_back(v[i]);
        // Iterators see the same as operator[].
        if (!std::equal(v.begin(), v.end(), out.begin(), out.end()))
            out.push_back(-1);
        return out;
    }

private Q_SLOTS:
    void matchesVector_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<int>("where"); // -1 random, 0 front, 1 middle, 2 last element
        QTest::newRow("empty, random") << 0 << 1u << -1;
        QTest::newRow("one, random") << 1 << 2u << -1;
        QTest::newRow("less than a block") << 3 << 3u << -1;
        QTest::newRow("one block") << 4 << 4u << -1;
        QTest::newRow("one block and one") << 5 << 5u << -1;
        QTest::newRow("many blocks, random") << 37 << 6u << -1;
        QTest::newRow("whole blocks, random") << 40 << 7u << -1;
        QTest::newRow("many blocks, at the front") << 37 << 8u << 0;
        QTest::newRow("many blocks, in the middle") << 37 << 9u << 1;
        QTest::newRow("many blocks, at the last") << 37 << 10u << 2;
    }
    void matchesVector()
    {
        QFETCH(int, size);
        QFETCH(quint32, seed);
        QFETCH(int, where);
        Small v = filled(size);
        std::vector<int> expected = reference(size);
        QRandomGenerator random(seed);
        int next = 1000;
        for (int step = 0; step < 400; ++step) {
            const auto op = Op(random.bounded(4));
            const auto count = int(expected.size());
            const auto at = [&](int end) {
                if (end <= 0)
                    return 0;
                return where == 0 ? 0 : where == 1 ? end / 2 : where == 2 ? end - 1 : int(random.bounded(end));
            };
            if (op == Op::Insert) {
                const int i = at(count + 1);
                const auto it = v.insert(v.begin() + i, next);
                QCOMPARE(it - v.begin(), i);
                expected.insert(expected.begin() + i, next++);
            } else if (op == Op::Erase && count > 0) {
                const int i = at(count);
                const auto it = v.erase(v.begin() + i);
                QCOMPARE(it - v.begin(), i);
                expected.erase(expected.begin() + i);
            } else if (op == Op::PushBack) {
                v.push_back(next);
                expected.push_back(next++);
            } else if (op == Op::PopBack && count > 0) {
                v.pop_back();
                expected.pop_back();
            }
            QCOMPARE(v.size(), expected.size());
            QCOMPARE(contents(v), expected);
        }
    }

    void insertAndEraseAtBlockEdges_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("at");
        for (const int size : { 8, 9, 11 }) {
            for (const int at : { 0, 1, 3, 4, 5, 7, size - 1 })
                QTest::addRow("%d elements, at %d", size, at) << size << at;
        }
    }
    void insertAndEraseAtBlockEdges()
    {
        QFETCH(int, size);
        QFETCH(int, at);
        Small v = filled(size);
        std::vector<int> expected = reference(size);
        v.insert(v.begin() + at, -5);
        expected.insert(expected.begin() + at, -5);
        QVERIFY(v.isTiered());
        QCOMPARE(contents(v), expected);
        // Erasing it again gives back the original, and so does erasing at the same place twice.
        v.erase(v.begin() + at);
        expected.erase(expected.begin() + at);
        QCOMPARE(contents(v), expected);
        v.erase(v.begin() + at);
        expected.erase(expected.begin() + at);
        QCOMPARE(contents(v), expected);
        v.push_back(99);
        expected.push_back(99);
        QCOMPARE(contents(v), expected);
    }

    void tieringKeepsTheFlatStorage()
    {
        // The loader's array becomes the blocks in place: no element is copied but the tail's.
        Small v = filled(10);
        const int *first = &v[0];
        const int *fifth = &v[5];
        v.insert(v.begin() + 9, 42);
        QVERIFY(v.isTiered());
        QCOMPARE(&v[0], first);
        QCOMPARE(&v[5], fifth);
    }

    void appendingStaysFlat()
    {
        Small v = filled(10);
        v.insert(v.end(), 10);
        v.erase(v.end() - 1);
        v.push_back(10);
        QVERIFY(!v.isTiered());
        QCOMPARE(contents(v), reference(11));
        QCOMPARE(v.flat().size(), std::size_t(11));
    }

    void copiesAreFlatAndEqual()
    {
        Small v = filled(13);
        v.insert(v.begin() + 2, -1);
        v.erase(v.begin() + 7);
        const Small copy = v;
        QVERIFY(!copy.isTiered());
        QCOMPARE(contents(copy), contents(v));
        Small assigned;
        assigned = v;
        QCOMPARE(contents(assigned), contents(v));
        const Small moved = std::move(v);
        QCOMPARE(contents(moved), contents(copy));
    }

    void erasingEverythingMakesItFlatAgain()
    {
        Small v = filled(9);
        v.insert(v.begin(), -1);
        while (!v.empty())
            v.erase(v.begin() + int(v.size() / 2));
        QVERIFY(!v.isTiered());
        v.push_back(1);
        QCOMPARE(contents(v), std::vector<int>({ 1 }));
    }

    void worksWithAlgorithms()
    {
        Small v = filled(30);
        v.insert(v.begin() + 11, 11); // still sorted, with a repeat
        QCOMPARE(std::upper_bound(v.begin(), v.end(), 11) - v.begin(), 13);
        QCOMPARE(std::lower_bound(v.cbegin(), v.cend(), 11) - v.cbegin(), 11);
        int sum = 0;
        for (const int x : std::as_const(v))
            sum += x;
        QCOMPARE(sum, 29 * 30 / 2 + 11);
        for (int &x : v)
            x *= 2;
        QCOMPARE(v.back(), 58);
        QCOMPARE(v.front(), 0);
    }

    void largeBlocksOfRecords()
    {
        // The timeline's own shape: records of many bytes in blocks of 1024.
        struct Record
        {
            std::int64_t key;
            char padding[88];
        };
        TieredVector<Record> v;
        const int count = 5000;
        for (int i = 0; i < count; ++i)
            v.push_back({ 2 * i, {} });
        v.insert(v.begin() + 1500, { 2999, {} }); // between 1499 and 1500
        v.erase(v.begin() + 10);
        v.insert(v.begin() + 4000, { -1, {} });
        QCOMPARE(v.size(), std::size_t(count + 1));
        QCOMPARE(v[10].key, 22);
        QCOMPARE(v[1499].key, 2999);
        QCOMPARE(v[1500].key, 3000);
        QCOMPARE(v[4000].key, -1);
        QCOMPARE(v[4001].key, 2 * 4000);
        QCOMPARE(v.back().key, 2 * (count - 1));
    }
};

QTEST_GUILESS_MAIN(TestTieredVector)
#include "tst_tieredvector.moc"
