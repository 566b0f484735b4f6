#pragma once

#include <QDate>
#include <QString>
#include <QStringView>

#include <optional>

// Finds the first date written in English prose ("19 March 2024", "March 19, 2024",
// "March 2024", "Sept. 2019", "2024-03-19", "2019", "late 2022", and with a publication date
// "yesterday" or "last year") and gives it as the file format's EDTF ("2024-03-19", "2024-03",
// "2019", "2022-09~/2022-12~") with the phrase as written, so that an event made from a
// selected sentence starts with the date the sentence gives. It is the temporal tagger's
// reading (TemporalTagger), so that it agrees with an imported article's drafts.
class DateFinder
{
public:
    struct Found
    {
        QString when; // EDTF
        QString phrase; // the text as it stands in the prose
        qsizetype at = -1;
    };

    // Without `published`, expressions relative to the day of writing find nothing.
    static std::optional<Found> find(QStringView text, std::optional<QDate> published = std::nullopt);
};
