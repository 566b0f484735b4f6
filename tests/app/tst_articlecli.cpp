#include "articlecli.h"
#include "articlereader.h"
#include "testutils.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The article commands of the command line: --timex output and bad articles.
class TestArticleCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void timexOffsetsAreCodePoints();
    void publishedFromDateLine();
    void badPublished_data();
    void badPublished();
    void badArticles_data();
    void badArticles();
    void latin1IsReadWithAWarning();

private:
    QString write(const QByteArray &contents);
    QTemporaryDir m_dir;
    int m_files = 0;
};

QString TestArticleCli::write(const QByteArray &contents)
{
    const QString path = m_dir.filePath(u"article-%1.txt"_s.arg(++m_files));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestArticleCli::timexOffsetsAreCodePoints()
{
    // Two emoji (two UTF-16 units each) before the date: code points count them once.
    const QString text = u"\U0001F680\U0001F680 It launched on 6 March 2008."_s;
    const ArticleCli::Output out = ArticleCli::timex(write(text.toUtf8()), u"2008-03-12"_s);
    QCOMPARE(out.exitCode, 0);
    QCOMPARE(out.standardError, QString());
    const QJsonArray list = QJsonDocument::fromJson(out.standardOutput).object()[u"timex"_s].toArray();
    QCOMPARE(list.size(), 1);
    const QJsonObject t = list[0].toObject();
    QCOMPARE(t[u"text"_s].toString(), u"6 March 2008"_s);
    QCOMPARE(t[u"begin"_s].toInt(), 18); // 2 emoji, then " It launched on " (16 characters)
    QCOMPARE(t[u"end"_s].toInt(), 30);
    QCOMPARE(t[u"type"_s].toString(), u"DATE"_s);
    QCOMPARE(t[u"value"_s].toString(), u"2008-03-06"_s);
    QCOMPARE(t[u"edtf"_s].toString(), u"2008-03-06"_s);
}

void TestArticleCli::publishedFromDateLine()
{
    const QByteArray article = "Board meets\nMarch 01, 2008\nThe board met yesterday.\n";
    const ArticleCli::Output out = ArticleCli::timex(write(article), QString());
    const QJsonArray list = QJsonDocument::fromJson(out.standardOutput).object()[u"timex"_s].toArray();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list[1].toObject()[u"value"_s].toString(), u"2008-02-29"_s); // 2008 is a leap year

    // Without a date line, "yesterday" stays unresolved and dates nothing.
    const ArticleCli::Output open = ArticleCli::timex(write("The board met yesterday.\n"), QString());
    const QJsonObject t =
        QJsonDocument::fromJson(open.standardOutput).object()[u"timex"_s].toArray()[0].toObject();
    QCOMPARE(t[u"value"_s].toString(), u"XXXX-XX-XX"_s);
    QCOMPARE(t[u"edtf"_s].toString(), QString());
}

void TestArticleCli::badPublished_data()
{
    QTest::addColumn<QString>("published");
    QTest::newRow("month only") << u"2008-03"_s;
    QTest::newRow("no such day") << u"2023-02-29"_s;
    QTest::newRow("words") << u"yesterday"_s;
    QTest::newRow("out of range") << u"99999-01-01"_s;
}

void TestArticleCli::badPublished()
{
    QFETCH(QString, published);
    const ArticleCli::Output out = ArticleCli::timex(write("It rained yesterday."), published);
    QCOMPARE(out.exitCode, 2);
    QVERIFY(out.standardOutput.isEmpty());
    QCOMPARE(out.standardError,
             u"sourceline: --published must be a day written YYYY-MM-DD, e.g. 2025-01-22\n"_s);
}

void TestArticleCli::badArticles_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("message"); // after "FILE: "

    QTest::newRow("empty") << QByteArray() << u"the article is empty"_s;
    QTest::newRow("only white space") << QByteArray(" \n\t\n") << u"the article is empty"_s;
    QTest::newRow("only a byte order mark") << QByteArray("\xef\xbb\xbf") << u"the article is empty"_s;
    QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)
                            << u"byte 9: this is a binary file, not an article (it holds a NUL byte)"_s;
}

void TestArticleCli::badArticles()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, message);
    const QString path = write(contents);
    const ArticleCli::Output out = ArticleCli::timex(path, QString());
    QCOMPARE(out.exitCode, 1);
    QVERIFY(out.standardOutput.isEmpty());
    QCOMPARE(out.standardError, u"sourceline: "_s + path + u": "_s + message + u'\n');

    const ArticleCli::Output missing = ArticleCli::timex(m_dir.filePath(u"missing.txt"_s), QString());
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.standardError.startsWith(u"sourceline: "_s + m_dir.filePath(u"missing.txt"_s)
                                             + u": cannot read the article: "_s));
}

void TestArticleCli::latin1IsReadWithAWarning()
{
    // "Caf\xe9" is Latin-1: not UTF-8, read anyway, and the tagger still runs.
    const QString path = write("Caf\xe9 opened on 6 March 2008.");
    const ArticleCli::Output out = ArticleCli::timex(path, QString());
    QCOMPARE(out.exitCode, 0);
    QCOMPARE(out.standardError,
             u"sourceline: warning: "_s + path
                 + u": byte 4: the article is not UTF-8; read it as Latin-1\n"_s);
    const QJsonArray list = QJsonDocument::fromJson(out.standardOutput).object()[u"timex"_s].toArray();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].toObject()[u"begin"_s].toInt(), 15);
}

SOURCELINE_TEST_MAIN(TestArticleCli)
#include "tst_articlecli.moc"
