#pragma once

#include <QString>
#include <QStringView>

#include <optional>

// Finds the first date written in English prose ("19 March 2024", "March 19, 2024",
// "March 2024", "Sept. 2019", "2024-03-19", "2019") and gives it as the file format's EDTF
// ("2024-03-19", "2024-03", "2019") with the phrase as written, so that an event made from a
// selected sentence starts with the date the sentence gives.
class DateFinder
{
public:
    struct Found
    {
        QString when; // EDTF
        QString phrase; // the text as it stands in the prose
        qsizetype at = -1;
    };

    static std::optional<Found> find(QStringView text);
};
