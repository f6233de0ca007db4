// Names in scripts without case (Thai, Arabic, CJK...): cue words matched as prefixes of the
// text, the name's extent found by segmenting afresh after the cue, and gazetteer names.
#include <unicode/uchar.h>

#include <algorithm>

#include "mentions/scanner.h"
#include "text/language_tag.h"
#include "text/normalize.h"
#include "text/script.h"

namespace crosswire::mentions {

void DocumentScanner::ParagraphTokens(const Paragraph& paragraph, std::vector<int32_t>& starts,
                                      std::vector<int32_t>& ends) const {
  auto token = std::lower_bound(doc_.tokens.begin(), doc_.tokens.end(), paragraph.utf16_begin,
                                [](const Token& t, int32_t at) { return t.utf16_begin < at; });
  for (; token != doc_.tokens.end() && token->utf16_end <= paragraph.utf16_end; ++token) {
    ends.push_back(token->utf16_end);
    if (token->kind == TokenKind::kWord && !IsCasedScript(token->script) &&
        token->script != Script::kCommon) {
      starts.push_back(token->utf16_begin);
    }
  }
}

void DocumentScanner::ScanUncased() {
  for (std::size_t p = 0; p < doc_.paragraphs.size(); ++p) {
    const Paragraph& paragraph = doc_.paragraphs[p];
    if (paragraph.removed) continue;
    // Token starts and ends of this paragraph in uncased scripts.
    std::vector<int32_t> starts, ends;
    ParagraphTokens(paragraph, starts, ends);
    // Abbreviations are glued to the word before them as often as not ("ชาวกาญจนบุรีด.ช.X"):
    // the letter before a dot starts one wherever ICU cut.
    // Only abbreviations with two dots or more (ด.ช., พ.ต.อ.): a single letter and a dot also
    // ends ordinary abbreviations (ผอ.).
    for (int32_t i = paragraph.utf16_begin; i + 3 < paragraph.utf16_end; ++i) {
      if (doc_.text[i + 1] == u'.' && ScriptOf(doc_.text[i]) == Script::kThai &&
          ScriptOf(doc_.text[i + 2]) == Script::kThai &&
          (doc_.text[i + 3] == u'.' || (i + 4 < paragraph.utf16_end && doc_.text[i + 4] == u'.')) &&
          (i == paragraph.utf16_begin || doc_.text[i - 1] != u'.')) {
        starts.push_back(i);
      }
    }
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    if (starts.empty()) continue;
    const LangCues& cues = Cues(static_cast<int32_t>(p));
    std::sort(ends.begin(), ends.end());
    int32_t covered_until = paragraph.utf16_begin;
    for (int32_t start : starts) {
      if (start < covered_until) continue;
      int32_t end = ScanUncasedAt(start, paragraph, static_cast<int32_t>(p), cues, ends);
      covered_until = std::max(covered_until, end);
    }
  }
}

bool DocumentScanner::StartsWith(int32_t at, const icu::UnicodeString& prefix,
                                 int32_t limit) const {
  return at + prefix.length() <= limit && doc_.text.compare(at, prefix.length(), prefix) == 0;
}

int32_t DocumentScanner::ChunkEnd(int32_t from, int32_t limit, Script script) const {
  int32_t i = from;
  while (i < limit) {
    UChar32 c = doc_.text.char32At(i);
    if (IsSpaceChar(c)) break;
    if (!u_isalpha(c) && u_charType(c) != U_NON_SPACING_MARK &&
        u_charType(c) != U_COMBINING_SPACING_MARK && c != u'.' && c != 0x0E2F && c != 0x0E46) {
      break;  // Thai ฯ (abbreviation) and ๆ (repetition) belong to words
    }
    if (u_isalpha(c) && ScriptOf(c) != script) break;
    // A dot inside an abbreviation (ด.ช.) belongs to the chunk; at the end of a Thai
    // abbreviation ("สธ.") too; elsewhere it ends a sentence.
    if (c == u'.') {
      const bool letter_follows = i + 1 < limit && u_isalpha(doc_.text.char32At(i + 1)) &&
                                  ScriptOf(doc_.text.char32At(i + 1)) == script;
      if (!letter_follows) {
        if (script == Script::kThai) ++i;
        break;
      }
    }
    i += U16_LENGTH(c);
  }
  work_.units_chunked += i - from;
  return i;
}

std::vector<int32_t> DocumentScanner::Resegment(int32_t from, int32_t to) {
  work_.units_resegmented += to - from;
  icu::UnicodeString piece(doc_.text, from, to - from);
  std::vector<int32_t> bounds = segmenter_.WordBoundaries(piece, "th");
  for (int32_t& b : bounds) b += from;
  if (bounds.empty() || bounds.front() != from) bounds.insert(bounds.begin(), from);
  if (bounds.back() != to) bounds.push_back(to);
  return bounds;
}

DocumentScanner::Stop DocumentScanner::StopAt(const LangCues& cues, int32_t from,
                                              int32_t to) const {
  std::string key = MatchKey(icu::UnicodeString(doc_.text, from, to - from));
  if (cues.stops.count(key) != 0) return Stop::kFunction;
  if (cues.after_name.count(key) != 0) return Stop::kAfterName;
  return Stop::kNone;
}

bool DocumentScanner::CueAt(int32_t at, int32_t limit, const LangCues& cues) const {
  if (at >= limit) return false;
  for (std::size_t k : CuesStartingWith(cues.titles_by_first, doc_.text[at])) {
    const auto& [prefix, cue] = cues.prefix_titles[k];
    if (!cue.loose && StartsWith(at, prefix, limit)) return true;
  }
  for (std::size_t k : CuesStartingWith(cues.org_by_first, doc_.text[at])) {
    const auto& [prefix, cue] = cues.prefix_org_start[k];
    if (!cue.weak && StartsWith(at, prefix, limit)) return true;
  }
  return false;
}

bool DocumentScanner::IsThaiWord(int32_t from, int32_t to) const {
  return thai_dictionary_.Contains(icu::UnicodeString(doc_.text, from, to - from));
}

bool DocumentScanner::WordsFollow(const std::vector<int32_t>& bounds, std::size_t b, Script script,
                                  std::size_t need) const {
  if (script != Script::kThai) return true;
  std::size_t seen = 0;
  for (std::size_t k = b; k + 1 < bounds.size() && k < b + 3; ++k, ++seen) {
    if (!IsThaiWord(bounds[k], bounds[k + 1])) return false;
  }
  return seen >= need;
}

bool DocumentScanner::GoodEnd(int32_t at, int32_t limit, Script script,
                              const std::vector<int32_t>& ends) {
  if (at >= limit) return true;
  UChar32 c = doc_.text.char32At(at);
  if (!u_isalpha(c) || ScriptOf(c) != script) return true;
  if (std::binary_search(ends.begin(), ends.end(), at)) return true;
  if (script != Script::kThai) return false;
  std::vector<int32_t> bounds = Resegment(at, ChunkEnd(at, std::min(limit, at + 16), script));
  return bounds.size() >= 2 && bounds[1] - bounds[0] >= 2 && IsThaiWord(bounds[0], bounds[1]);
}

std::optional<Gazetteer::Hit> DocumentScanner::PlaceAt(int32_t at, int32_t limit, Script script,
                                                       const std::vector<int32_t>& ends) {
  std::u16string_view text(reinterpret_cast<const char16_t*>(doc_.text.getBuffer()),
                           static_cast<std::size_t>(doc_.text.length()));
  // Every character position: ICU's word ends are unreliable around foreign names.
  std::vector<int32_t> candidates;
  for (int32_t i = at; i < limit && i < at + 48;) {
    i += U16_LENGTH(doc_.text.char32At(i));
    candidates.push_back(i);
  }
  for (int tries = 0; tries < 3 && !candidates.empty(); ++tries) {
    std::optional<Gazetteer::Hit> hit = gazetteer_.LongestMatch(text, at, candidates);
    if (!hit) return std::nullopt;
    if (GoodEnd(hit->utf16_end, limit, script, ends)) return hit;
    while (!candidates.empty() && candidates.back() >= hit->utf16_end) candidates.pop_back();
  }
  return std::nullopt;
}

std::optional<Gazetteer::Hit> DocumentScanner::CliticPlaceAt(int32_t at, int32_t limit,
                                                             int32_t paragraph, Script script,
                                                             const std::vector<int32_t>& ends) {
  const std::string lang = PrimaryLanguage(doc_.LangOf(paragraph));
  if (!base_forms_.HasPrefixes(lang)) return std::nullopt;
  auto word_end = std::upper_bound(ends.begin(), ends.end(), at);
  if (word_end == ends.end() || *word_end > limit) return std::nullopt;
  const int32_t end = *word_end;
  // The rest of what a gazetteer name can span, as in PlaceAt.
  const int32_t rest_end = std::min(limit, end + 48);
  const icu::UnicodeString rest(doc_.text, end, rest_end - end);
  const icu::UnicodeString word(doc_.text, at, end - at);
  for (const icu::UnicodeString& form : base_forms_.Candidates(word, lang)) {
    const icu::UnicodeString probe = form + rest;
    std::vector<int32_t> probe_ends;  // the word's end, then every character position after it
    for (int32_t i = form.length(); i <= probe.length();) {
      probe_ends.push_back(i);
      if (i == probe.length()) break;
      i += U16_LENGTH(probe.char32At(i));
    }
    const std::u16string_view view(reinterpret_cast<const char16_t*>(probe.getBuffer()),
                                   static_cast<std::size_t>(probe.length()));
    std::optional<Gazetteer::Hit> hit = gazetteer_.LongestMatch(view, 0, probe_ends);
    if (!hit) continue;
    hit->utf16_end = end + (hit->utf16_end - form.length());
    if (GoodEnd(hit->utf16_end, limit, script, ends)) return hit;
  }
  return std::nullopt;
}

int32_t DocumentScanner::NameEnd(int32_t from, int32_t limit, Script script, const LangCues& cues,
                                 bool person, bool org, bool after_space) {
  // Only a person's title can be glued to a syllable that reads as a verb.
  after_space = after_space || !person;
  int32_t end = from;
  for (int part = 0; part < (person ? 3 : 1); ++part) {
    int32_t start = end;
    if (part > 0) {
      // One space, then a letter of the same script.
      if (start >= limit || !IsSpaceChar(doc_.text.char32At(start))) break;
      ++start;
      if (start >= limit || ScriptOf(doc_.text.char32At(start)) != script) break;
      if (CueAt(start, limit, cues)) break;
    }
    // Text without spaces can run for a whole paragraph: look no further than a name can reach
    // (names are cut to 24 units below), so that each cue costs constant time.
    const int32_t chunk_end = ChunkEnd(start, std::min(limit, start + kMaxChunkUtf16), script);
    if (chunk_end <= start) break;
    std::vector<int32_t> bounds = Resegment(start, chunk_end);
    int32_t cut = chunk_end;
    for (std::size_t b = 0; b + 1 < bounds.size(); ++b) {
      const Stop stop = StopAt(cues, bounds[b], bounds[b + 1]);
      if (b == 0) {
        // The first word: a function word means there is no name here. A verb or role word
        // right after a title may be a syllable of the name ("มาซูด"), unless a space came
        // first, it starts a further part, or a run of real words follows ("นายกฯตอบคำถาม").
        if (stop == Stop::kFunction ||
            (stop == Stop::kAfterName &&
             (part > 0 || after_space || org || WordsFollow(bounds, b, script, 3)))) {
          cut = start;
          break;
        }
        continue;
      }
      if (org) {
        if (auto place = PlaceAt(bounds[b], chunk_end, script, bounds)) {
          if (place->entry.type == EntityType::kPlace) {
            cut = place->utf16_end;
            break;
          }
        }
        const bool of =
            MatchKey(icu::UnicodeString(doc_.text, bounds[b], bounds[b + 1] - bounds[b])) ==
            MatchKey(std::string_view("แห่ง"));
        // A verb ends the name unless a place name is still to come ("องค์กรความ|ร่วม|มือ
        // เซี่ยงไฮ้": cooperation organisation of Shanghai).
        bool place_follows = false;
        for (std::size_t k = b + 1; stop == Stop::kAfterName && k + 1 < bounds.size(); ++k) {
          if (StopAt(cues, bounds[k], bounds[k + 1]) == Stop::kFunction) break;
          if (auto later = PlaceAt(bounds[k], chunk_end, script, bounds)) {
            place_follows = later->entry.type == EntityType::kPlace;
            if (place_follows) break;
          }
        }
        if ((stop == Stop::kFunction && !of) ||
            (stop == Stop::kAfterName && !place_follows && WordsFollow(bounds, b, script, 2))) {
          cut = bounds[b];
          break;
        }
        continue;
      }
      // Surnames are whole chunks, often compounds of ordinary words (บุญ|มา|นุช): only a
      // function word followed by real words cuts one.
      const bool cuts = part == 0 ? stop != Stop::kNone : stop == Stop::kFunction;
      if ((cuts && WordsFollow(bounds, b, script)) || CueAt(bounds[b], chunk_end, cues)) {
        cut = bounds[b];
        break;
      }
    }
    if (cut <= start) break;
    if (part > 0) {
      if (cut - start > 20) break;
      if (gazetteer_.Lookup(doc_.Slice(start, cut))) break;
    }
    if (part == 0 && cut - start > 24) {
      // No stop word in a long run of text: keep what a name can be, cut at a word boundary.
      int32_t best = start;
      for (int32_t b : bounds) {
        if (b - start <= 16) best = b;
      }
      if (best <= start) break;
      cut = best;
    }
    end = cut;
    if (cut != chunk_end) break;
  }
  return end;
}

int32_t DocumentScanner::AbbreviationEnd(int32_t at, int32_t limit, Script script,
                                         int* dots_out) const {
  auto is_letter = [&](int32_t i) {
    UChar32 c = doc_.text.char32At(i);
    return (u_isalpha(c) && ScriptOf(c) == script) || u_charType(c) == U_NON_SPACING_MARK;
  };
  int32_t i = at;
  int dots = 0;
  // Longer than 12 units is no abbreviation: stop there, so that a text of nothing but letters
  // and dots costs linear time, not a scan to its end from every position.
  while (i - at <= 12) {
    // Up to four letters, then a dot.
    int32_t letters_end = i;
    while (letters_end < limit && letters_end - i < 5 && is_letter(letters_end)) ++letters_end;
    if (letters_end == i || letters_end >= limit || doc_.text[letters_end] != u'.') break;
    i = letters_end + 1;
    ++dots;
  }
  if (dots == 0 || i - at > 12) return at;
  *dots_out = dots;
  return i;
}

int32_t DocumentScanner::ScanUncasedAt(int32_t at, const Paragraph& paragraph, int32_t p,
                                       const LangCues& cues, const std::vector<int32_t>& ends) {
  const int32_t limit = paragraph.utf16_end;
  const Script script = ScriptOf(doc_.text.char32At(at));
  const bool thai = script == Script::kThai;
  for (std::size_t k : CuesStartingWith(cues.not_cues_by_first, doc_.text[at])) {
    const icu::UnicodeString& word = cues.not_cues[k];
    if (StartsWith(at, word, limit)) return at + word.length();
  }
  // The word ICU found here: a cue that is only the start of a longer dictionary word is not a
  // cue (กรมธรรม์ "insurance policy" is not กรม "department"). ICU also glues a letter of the
  // next word to a cue at times (สภาค|วาม), so a longer word counts only when its rest is more
  // than a stray letter or two.
  int32_t token_end = at;
  auto it = std::upper_bound(ends.begin(), ends.end(), at);
  if (it != ends.end()) token_end = *it;
  auto longer_dictionary_word = [&](int32_t cue_end) {
    return thai && token_end >= cue_end + 3 && IsThaiWord(at, token_end);
  };
  for (std::size_t k : CuesStartingWith(cues.titles_by_first, doc_.text[at])) {
    const auto& [prefix, cue] = cues.prefix_titles[k];
    if (!StartsWith(at, prefix, limit)) continue;
    const int32_t cue_end = at + prefix.length();
    // A weak cue only confirms a known place, so it may be glued into one word (ประเทศไทย).
    if (!cue.weak && longer_dictionary_word(cue_end)) continue;
    int32_t name_begin = cue_end;
    std::string cue_text = cue.text;
    // Stacked titles ("ศ.ดร." professor doctor, "พล.ต.อ.นพ."): all are the cue.
    for (bool more = cue.type == EntityType::kPerson; more;) {
      more = false;
      if (name_begin >= limit) break;
      for (std::size_t n : CuesStartingWith(cues.titles_by_first, doc_.text[name_begin])) {
        const auto& [next_prefix, next_cue] = cues.prefix_titles[n];
        if (next_cue.type == EntityType::kPerson && !next_cue.loose &&
            StartsWith(name_begin, next_prefix, limit)) {
          cue_text += next_cue.text;
          name_begin += next_prefix.length();
          more = true;
          break;
        }
      }
    }
    const bool after_space = name_begin < limit && IsSpaceChar(doc_.text.char32At(name_begin));
    if (after_space) ++name_begin;
    if (name_begin >= limit || ScriptOf(doc_.text.char32At(name_begin)) != script) return cue_end;
    if (cue.type == EntityType::kPlace || cue.weak) {
      if (auto hit = PlaceAt(name_begin, limit, script, ends)) {
        Emit(name_begin, hit->utf16_end, hit->entry.type, 0.95f, 3, script, p, cue.text,
             hit->entry.canonical);
        return hit->utf16_end;
      }
      if (cue.weak) continue;
    }
    const int32_t name_end =
        NameEnd(name_begin, limit, script, cues, cue.type == EntityType::kPerson,
                cue.type == EntityType::kOrg, after_space);
    // A title with no name after it is still a title: it is not read again as something else.
    if (name_end <= name_begin) return cue_end;
    Emit(name_begin, name_end, cue.type, 0.9f, 3, script, p, cue_text);
    return name_end;
  }
  for (std::size_t k : CuesStartingWith(cues.org_by_first, doc_.text[at])) {
    const auto& [prefix, cue] = cues.prefix_org_start[k];
    if (cue.weak || !StartsWith(at, prefix, limit)) continue;
    const int32_t cue_end = at + prefix.length();
    if (longer_dictionary_word(cue_end)) continue;
    // Scripts written with spaces (Arabic, Hebrew) continue the name in further words.
    const bool spaced = !IsDictionaryScript(script);
    int32_t from = cue_end;
    if (spaced && from < limit && IsSpaceChar(doc_.text.char32At(from))) ++from;
    const int32_t name_end = spaced ? NameEnd(from, limit, script, cues, true, false, true)
                                    : NameEnd(cue_end, limit, script, cues, false, true, false);
    // The longest organisation word alone ("คณะกรรมการ" "committee") is a common noun, not a
    // shorter one with a name ("คณะ" + "กรรมการ").
    if (name_end <= from) return cue_end;
    Emit(at, name_end, EntityType::kOrg, 0.85f, 3, script, p, {});
    return name_end;
  }
  if (auto hit = PlaceAt(at, limit, script, ends)) {
    Emit(at, hit->utf16_end, hit->entry.type, 0.9f, 2, script, p, {}, hit->entry.canonical);
    return hit->utf16_end;
  }
  if (auto hit = CliticPlaceAt(at, limit, p, script, ends)) {
    Emit(at, hit->utf16_end, hit->entry.type, 0.9f, 2, script, p, {}, hit->entry.canonical);
    return hit->utf16_end;
  }
  if (thai) {
    int dots = 0;
    const int32_t abbreviation_end = AbbreviationEnd(at, limit, script, &dots);
    if (abbreviation_end > at && dots >= 2 && abbreviation_end < limit &&
        ScriptOf(doc_.text.char32At(abbreviation_end)) == script) {
      const int32_t name_end = NameEnd(abbreviation_end, limit, script, cues, true, false, false);
      if (name_end > abbreviation_end) {
        Emit(abbreviation_end, name_end, EntityType::kPerson, 0.6f, 1, script, p,
             doc_.Slice(at, abbreviation_end));
        return name_end;
      }
    } else if (abbreviation_end > at && dots == 1 && abbreviation_end - at >= 3) {
      Emit(at, abbreviation_end, EntityType::kOrg, 0.4f, 1, script, p, {}, {}, true);
    }
    if (abbreviation_end > at) return abbreviation_end;
  }
  return at;
}

}  // namespace crosswire::mentions
