#include "actorfinder.h"
#include "testutils.h"

using namespace Qt::StringLiterals;

// ActorFinder: the actors a text names, by name or alias, as whole words, in order of mention.
class TestActorFinder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void find_data();
    void find();
};

void TestActorFinder::find_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<int>>("actors");

    QTest::newRow("by name") << u"Microsoft invested in OpenAI."_s << QList<int> { 1, 0 };
    QTest::newRow("by alias") << u"Altman returned as CEO."_s << QList<int> { 2 };
    QTest::newRow("possessive") << u"OpenAI's board met."_s << QList<int> { 0 };
    QTest::newRow("named twice, listed once") << u"OpenAI and OpenAI again."_s << QList<int> { 0 };
    QTest::newRow("not inside a word") << u"The OpenAIs of this world; Microsofty."_s << QList<int> {};
    QTest::newRow("case matters") << u"openai is lower case."_s << QList<int> {};
    QTest::newRow("none") << u"Nobody in particular."_s << QList<int> {};
}

void TestActorFinder::find()
{
    QFETCH(QString, text);
    QFETCH(QList<int>, actors);
    QList<Actor> known(3);
    known[0].setName(u"OpenAI"_s);
    known[1].setName(u"Microsoft"_s);
    known[2].setName(u"Sam Altman"_s);
    known[2].aliases = { u"Altman"_s };
    QCOMPARE(ActorFinder::find(known, text), actors);
}

SOURCELINE_TEST_MAIN(TestActorFinder)
#include "tst_actorfinder.moc"
