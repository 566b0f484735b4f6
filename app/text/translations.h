#pragma once

class QCoreApplication;

// The app's translations, embedded under :/i18n. English has one too: the source strings are
// written "%n event(s)", and only the English catalogue turns them into "1 event" and "16 events".
namespace Translations {

// Installs the catalogue for the user's languages, or the English one when there is none for
// them. Returns false when no catalogue could be loaded.
bool install(QCoreApplication *app);

} // namespace Translations
