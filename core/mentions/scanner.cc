// The scanner of one document: its passes in order, and what they share (see scanner.h).
#include "mentions/scanner.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "text/language_tag.h"
#include "text/normalize.h"
#include "text/script.h"

namespace crosswire::mentions {

std::vector<Found> DocumentScanner::Scan(const std::vector<Word>& words) {
  words_ = &words;
  ScanCased();
  ScanUncased();
  return std::move(found_);
}

const LangCues& DocumentScanner::Cues(int32_t paragraph) const {
  std::string lang = PrimaryLanguage(doc_.paragraphs[paragraph].lang);
  if (lang == "und" || lang.empty()) lang = PrimaryLanguage(doc_.lang);
  auto it = by_lang_.find(lang);
  return it != by_lang_.end() ? it->second : all_cues_;
}

void DocumentScanner::Emit(int32_t begin, int32_t end, EntityType type, float confidence,
                           int priority, Script script, int32_t paragraph, std::string cue,
                           std::string gazetteer_name, bool acronym) {
  if (end <= begin || end - begin > kMaxMentionUtf16) return;
  int words = 1;
  for (int32_t k = begin; k < end; ++k) words += doc_.text[k] == u' ';
  if (words > kMaxMentionWords) return;
  Found found;
  MentionCandidate& c = found.candidate;
  c.utf16_begin = begin;
  c.utf16_end = end;
  c.text = doc_.Slice(begin, end);
  c.type = type;
  c.type_confidence = confidence;
  c.lang = doc_.LangOf(paragraph);
  c.script = script;
  c.cue = std::move(cue);
  c.gazetteer_name = std::move(gazetteer_name);
  c.is_acronym = acronym;
  found.priority = priority;
  found_.push_back(std::move(found));
}

}  // namespace crosswire::mentions
