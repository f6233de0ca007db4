// DateFinder (dates.h): loads the tables once, then for each article reads its dates
// (date_reader.h), gives them values (year_resolution.h), chooses its published and event dates
// (published_and_event.h) and reports them. The batch pass is in batch_pass.cc.
// See docs/ARCHITECTURE.md (dates).
#include <algorithm>
#include <utility>

#include "dates.h"
#include "dates/date_reader.h"
#include "dates/published_and_event.h"
#include "dates/year_resolution.h"
#include "text/language_tag.h"

namespace crosswire {
namespace {

using dates::RawDate;
using dates::Resolved;
using dates::YearSource;

// Every date expression of the article, with whether it lies in removed boilerplate.
std::vector<Resolved> ReadDates(const dates::DateReader& reader, const Document& doc) {
  const dates::FoldedText& f = reader.folded();
  std::vector<Resolved> found;
  for (const RawDate& raw : reader.ReadAll()) {
    Resolved r;
    r.raw = raw;
    r.removed = doc.IsRemoved(f.begin[raw.fold_begin], f.end[raw.fold_end - 1]);
    found.push_back(r);
  }
  return found;
}

// The mentions of the dates that have a value and were kept, and what a second pass over the batch
// learns from this article.
void Report(const std::vector<Resolved>& found, const Document& doc, const dates::FoldedText& f,
            ArticleDates* out) {
  for (const Resolved& r : found) {
    if (!r.value || r.removed) continue;
    DateMention m;
    m.utf16_begin = f.begin[r.raw.fold_begin];
    m.utf16_end = f.end[r.raw.fold_end - 1];
    m.text = doc.Slice(m.utf16_begin, m.utf16_end);
    m.value = *r.value;
    out->mentions.push_back(std::move(m));
    if (r.raw.form == RawDate::Form::kFull && r.raw.day &&
        (r.source == YearSource::kStated || r.source == YearSource::kPublished ||
         r.source == YearSource::kArticle)) {
      out->known_days.push_back(*r.value);
    }
    if (r.raw.form == RawDate::Form::kFull && r.source == YearSource::kNone) {
      out->needs_batch = true;
    }
  }
  for (const Resolved& r : found) {
    if (r.raw.form == RawDate::Form::kFull && !r.value) out->needs_batch = true;
  }
}

}  // namespace

DateFinder::DateFinder(std::unique_ptr<dates::Tables> tables) : tables_(std::move(tables)) {}
DateFinder::~DateFinder() = default;

Result<std::unique_ptr<DateFinder>> DateFinder::Create(const DataPack& data) {
  auto tables = std::make_unique<dates::Tables>();
  CROSSWIRE_ASSIGN_OR_RETURN(tables->calendar, dates::LoadCalendarNames(data));
  CROSSWIRE_ASSIGN_OR_RETURN(tables->words, dates::LoadDateWords(data));
  for (const dates::DateWords::LanguageWord& m : tables->words.month_names) {
    dates::AddLanguageName(CldrLanguage(m.lang), m.word, dates::NameKind::kMonth, m.value,
                           &tables->calendar);
  }
  dates::Tables& t = *tables;
  for (const auto& [c, value] : t.calendar.han_numerals) t.cjk_starts.insert(c);
  for (const auto& [era, year] : t.calendar.eras) t.cjk_starts.insert(era[0]);
  for (const auto& [name, entries] : t.calendar.names) {
    for (const dates::NameEntry& e : entries) {
      if ((e.kind == dates::NameKind::kRelYear || e.kind == dates::NameKind::kRelMonth ||
           e.kind == dates::NameKind::kRelWeek) &&
          name[0] >= 0x1100) {
        t.cjk_starts.insert(name[0]);
      }
    }
  }
  for (const auto& [word, value] : t.words.month_words) t.cjk_starts.insert(word[0]);
  for (const auto& [word, value] : t.words.nth_words) t.cjk_starts.insert(word[0]);
  for (char16_t c : t.words.nth_prefixes + t.words.day_prefixes) t.cjk_starts.insert(c);
  return std::unique_ptr<DateFinder>(new DateFinder(std::move(tables)));
}

ArticleDates DateFinder::Find(const Document& doc, std::optional<Date> assumed_published,
                              std::optional<int> batch_year_hint) const {
  return FindWith(doc, assumed_published, batch_year_hint, nullptr);
}

ArticleDates DateFinder::FindWith(const Document& doc, std::optional<Date> assumed_published,
                                  std::optional<int> batch_year_hint,
                                  const dates::BatchEvidence* batch) const {
  const dates::DateReader reader(*tables_, doc);
  const dates::FoldedText& f = reader.folded();
  std::vector<Resolved> found = ReadDates(reader, doc);
  // 1. Dates stated in full.
  dates::SetStatedValues(found);
  // 2. Published: a full date near the top, on a line of its own (a dateline).
  // A publication date given with the article is its publication date, whatever the text says.
  ArticleDates out;
  const Resolved* dateline = dates::FindDateline(found);
  if (doc.published) {
    out.published = doc.published;
    out.reason = "published " + doc.published->ToString() + ": given with the article";
  } else {
    if (dateline) out.published = dateline->value;
    out.reason = dates::PublishedReason(dateline, assumed_published, doc, f);
  }
  // 3. Years for the dates that lack one, and relative dates.
  dates::YearEvidence evidence;
  evidence.anchor = out.published ? out.published : assumed_published;
  evidence.article_year = dates::LatestStatedYear(found);
  evidence.batch_year_hint = batch_year_hint;
  evidence.batch = batch;
  dates::ResolveMissingYears(found, evidence);
  out.batch_may_change =
      !evidence.anchor && std::any_of(found.begin(), found.end(), [](const Resolved& r) {
        return r.raw.form == dates::RawDate::Form::kFull && r.raw.year == 0 && r.raw.month != 0;
      });
  // 4. The event: the day the article's first dated sentences point to, close to publication.
  const Resolved* event_mention = dates::ChooseEventMention(found, dateline, out.published);
  dates::SetEventDate(found, event_mention, doc, f, &out);
  // 5. The mentions, and what the batch pass needs to know.
  Report(found, doc, f, &out);
  if (!event_mention && !out.published) out.needs_batch = true;
  if (out.published)
    out.stated_year = out.published->year;
  else if (evidence.article_year)
    out.stated_year = evidence.article_year;
  return out;
}

}  // namespace crosswire
