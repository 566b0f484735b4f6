#include "translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

bool Translations::install(QCoreApplication *app)
{
    auto *translator = new QTranslator(app);
    const QString directory = u":/i18n"_s;
    if (!translator->load(QLocale(), u"sourceline"_s, u"_"_s, directory)
        && !translator->load(u"sourceline_en"_s, directory)) {
        delete translator;
        return false;
    }
    return QCoreApplication::installTranslator(translator);
}
