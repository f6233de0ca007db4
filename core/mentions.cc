// Mention detection.
//
// Cased scripts: runs of capitalised words (with connectors such as "de", "al") are split at
// titles, adjectives of nationality, the ends of organisation names and known places, and typed by
// cue, gazetteer or shape. A capital at the start of a sentence or in a title-case line counts only
// when the batch writes the word capitalised elsewhere.
//
// Uncased scripts: title and organisation cues are matched as prefixes of the text (Thai glues them
// to the name); the name's extent comes from segmenting the text after the cue afresh and stopping
// at function words, verbs that follow names, spaces and other cues, since ICU's dictionary splits
// transliterated names into syllables. Then a batch pass finds names already found elsewhere: the
// same spelling, or the same name after transliteration (NameMatcher).
#include "mentions.h"

#include <unicode/bytestrie.h>
#include <unicode/uchar.h>
#include <unicode/udata.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "gazetteer.h"
#include "names.h"
#include "text/normalize.h"
#include "segment.h"
#include "text/fields.h"
#include "text/language_tag.h"
#include "text/script.h"

namespace crosswire {
namespace {

// ---------------------------------------------------------------------------------------------
// Cue tables (core/data/cues/<lang>.txt; see core/data/cues/README.md)

struct Cue {
  EntityType type = EntityType::kMisc;
  bool weak = false;   // only confirms a name the gazetteer knows
  bool loose = false;  // also starts ordinary words and surnames: does not cut a name short
  std::string text;    // as written in the cue file
};

// The cues of one language (its own file plus common.txt).
struct LangCues {
  // Cased scripts: keyed by the MatchKeys of the cue's words joined by ' ', without dots
  // ("brigadier general", "mr"). Titles are kept out of the name.
  std::unordered_map<std::string, Cue> titles;
  int max_title_words = 1;
  std::unordered_set<std::string> org_start;                // begins an org name, kept in
  std::unordered_set<std::string> org_start_sentence_case;  // ... continued in lower case (French)
  std::unordered_set<std::string> org_end;                  // ends an org name, kept in
  std::unordered_set<std::string> place_end;                // ends a place's name ("Gulf")
  std::unordered_set<std::string> misc_end;                 // ends an event's or law's name
  std::unordered_set<std::string> connectors;
  std::unordered_set<std::string> not_names;
  std::unordered_set<std::string> stops;       // function words: a name ends before them
  std::unordered_set<std::string> after_name;  // verbs and role nouns that follow a person's name
  // Uncased scripts: cues matched as prefixes of the text (Thai writes them against the name).
  std::vector<std::pair<icu::UnicodeString, Cue>> prefix_titles;     // kept out
  std::vector<std::pair<icu::UnicodeString, Cue>> prefix_org_start;  // kept in
  std::vector<icu::UnicodeString> not_cues;
  // The prefix cues above by their first UTF-16 unit (indices, longest first): the scan tries
  // them at every word start of uncased text.
  std::unordered_map<char16_t, std::vector<std::size_t>> titles_by_first;
  std::unordered_map<char16_t, std::vector<std::size_t>> org_by_first;
  std::unordered_map<char16_t, std::vector<std::size_t>> not_cues_by_first;

  void Index() {
    titles_by_first.clear();
    org_by_first.clear();
    not_cues_by_first.clear();
    for (std::size_t k = 0; k < prefix_titles.size(); ++k) {
      titles_by_first[prefix_titles[k].first[0]].push_back(k);
    }
    for (std::size_t k = 0; k < prefix_org_start.size(); ++k) {
      org_by_first[prefix_org_start[k].first[0]].push_back(k);
    }
    for (std::size_t k = 0; k < not_cues.size(); ++k)
      not_cues_by_first[not_cues[k][0]].push_back(k);
  }
};

const std::vector<std::size_t>& CuesStartingWith(
    const std::unordered_map<char16_t, std::vector<std::size_t>>& index, char16_t first) {
  static const std::vector<std::size_t> kNone;
  auto it = index.find(first);
  return it == index.end() ? kNone : it->second;
}

bool IsCasedText(std::string_view utf8) {
  icu::UnicodeString text = FromUtf8(utf8);
  for (int32_t i = 0; i < text.length();) {
    UChar32 c = text.char32At(i);
    if (u_isalpha(c)) return IsCasedScript(ScriptOf(c));
    i += U16_LENGTH(c);
  }
  return false;
}

// "Brigadier General" -> "brigadier general"; "Mr." -> "mr"; "Lt. Gen." -> "lt gen".
std::string CueKey(std::string_view utf8) {
  std::string key = MatchKey(utf8);
  std::string out;
  for (char c : key) {
    if (c == '.') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      continue;
    }
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

int WordCount(std::string_view key) {
  return key.empty() ? 0 : 1 + static_cast<int>(std::count(key.begin(), key.end(), ' '));
}

void SortLongestFirst(std::vector<std::pair<icu::UnicodeString, Cue>>& cues) {
  std::stable_sort(cues.begin(), cues.end(), [](const auto& a, const auto& b) {
    return a.first.length() > b.first.length();
  });
}

void ParseCueFile(std::string_view text, LangCues& cues) {
  std::string section;
  for (std::string_view line : DataLines(text)) {
    if (line.front() == '[' && line.back() == ']') {
      section = std::string(line.substr(1, line.size() - 2));
      continue;
    }
    Cue cue;
    std::size_t tab = line.find('\t');
    std::string_view word = line.substr(0, tab);
    if (tab != std::string_view::npos) {
      cue.weak = line.substr(tab + 1).find("weak") != std::string_view::npos;
      cue.loose = line.substr(tab + 1).find("loose") != std::string_view::npos;
    }
    while (!word.empty() && word.back() == ' ') word.remove_suffix(1);
    if (word.empty()) continue;
    cue.text = std::string(word);
    const bool cased = IsCasedText(word);
    if (section == "person" || section == "place" || section == "org") {
      cue.type = section == "person"  ? EntityType::kPerson
                 : section == "place" ? EntityType::kPlace
                                      : EntityType::kOrg;
      if (cased) {
        std::string key = CueKey(word);
        cues.max_title_words = std::max(cues.max_title_words, WordCount(key));
        cues.titles.emplace(key, cue);
      } else {
        cues.prefix_titles.emplace_back(FromUtf8(word), cue);
      }
    } else if (section == "org-start" || section == "org-start-sentence-case") {
      cue.type = EntityType::kOrg;
      if (cased) {
        cues.org_start.insert(MatchKey(word));
        if (section == "org-start-sentence-case")
          cues.org_start_sentence_case.insert(MatchKey(word));
      } else {
        cues.prefix_org_start.emplace_back(FromUtf8(word), cue);
      }
    } else if (section == "org-end") {
      cues.org_end.insert(MatchKey(word));
    } else if (section == "place-end") {
      cues.place_end.insert(MatchKey(word));
    } else if (section == "misc-end") {
      cues.misc_end.insert(MatchKey(word));
    } else if (section == "connector") {
      cues.connectors.insert(MatchKey(word));
    } else if (section == "not-name") {
      cues.not_names.insert(MatchKey(word));
    } else if (section == "stop") {
      cues.stops.insert(MatchKey(word));
    } else if (section == "after-name") {
      cues.after_name.insert(MatchKey(word));
    } else if (section == "not-cue") {
      cues.not_cues.push_back(FromUtf8(word));
    }
  }
}

void Merge(const LangCues& from, LangCues& into) {
  for (const auto& [k, v] : from.titles) into.titles.emplace(k, v);
  into.max_title_words = std::max(into.max_title_words, from.max_title_words);
  into.org_start.insert(from.org_start.begin(), from.org_start.end());
  into.org_start_sentence_case.insert(from.org_start_sentence_case.begin(),
                                      from.org_start_sentence_case.end());
  into.org_end.insert(from.org_end.begin(), from.org_end.end());
  into.place_end.insert(from.place_end.begin(), from.place_end.end());
  into.misc_end.insert(from.misc_end.begin(), from.misc_end.end());
  into.connectors.insert(from.connectors.begin(), from.connectors.end());
  into.not_names.insert(from.not_names.begin(), from.not_names.end());
  into.stops.insert(from.stops.begin(), from.stops.end());
  into.after_name.insert(from.after_name.begin(), from.after_name.end());
  into.prefix_titles.insert(into.prefix_titles.end(), from.prefix_titles.begin(),
                            from.prefix_titles.end());
  into.prefix_org_start.insert(into.prefix_org_start.end(), from.prefix_org_start.begin(),
                               from.prefix_org_start.end());
  into.not_cues.insert(into.not_cues.end(), from.not_cues.begin(), from.not_cues.end());
}

bool IsSpaceChar(UChar32 c) { return u_isUWhiteSpace(c) || c == 0x200B; }

// ---------------------------------------------------------------------------------------------
// ICU's Thai dictionary, read through the public udata and BytesTrie APIs: the break iterator
// says where it cut, not whether a piece is a word it knows, and that is what tells a Thai word
// from a syllable of a transliterated foreign name.
class ThaiDictionary {
 public:
  ThaiDictionary() {
    UErrorCode status = U_ZERO_ERROR;
    memory_ = udata_open(U_ICUDATA_NAME "-brkitr", "dict", "thaidict", &status);
    if (U_FAILURE(status)) {
      memory_ = nullptr;
      return;
    }
    // Layout of ICU dictionary data (dictionarydata.h): int32 indexes, [0] = offset of the trie,
    // [4] = trie type (0 = bytes), [5] = transform (0x01000000 | code point offset).
    const auto* indexes = static_cast<const int32_t*>(udata_getMemory(memory_));
    if ((indexes[4] & 7) != 0 || (indexes[5] & 0x7f000000) != 0x01000000) {
      udata_close(memory_);
      memory_ = nullptr;
      return;
    }
    trie_bytes_ = reinterpret_cast<const char*>(indexes) + indexes[0];
    offset_ = indexes[5] & 0x1fffff;
  }
  ~ThaiDictionary() {
    if (memory_ != nullptr) udata_close(memory_);
  }
  ThaiDictionary(const ThaiDictionary&) = delete;
  ThaiDictionary& operator=(const ThaiDictionary&) = delete;

  bool Contains(const icu::UnicodeString& word) const {
    if (trie_bytes_ == nullptr || word.isEmpty()) return false;
    icu::BytesTrie trie(trie_bytes_);
    UStringTrieResult result = USTRINGTRIE_NO_MATCH;
    for (int32_t i = 0; i < word.length(); ++i) {
      char16_t c = word[i];
      int32_t byte = c == 0x200D ? 0xFF : c == 0x200C ? 0xFE : c - offset_;
      if (byte < 0 || byte > 0xFD) return false;
      result = trie.next(byte);
      if (!USTRINGTRIE_HAS_NEXT(result) && i + 1 < word.length()) return false;
    }
    return USTRINGTRIE_HAS_VALUE(result);
  }

 private:
  UDataMemory* memory_ = nullptr;
  const char* trie_bytes_ = nullptr;
  int32_t offset_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Working view of a document's words for the cased-script pass.

struct Word {
  int32_t begin = 0;  // the word without elision ("l'") or possessive ("'s")
  int32_t end = 0;
  int32_t token = 0;
  std::string key;         // MatchKey of the word
  std::string folded_key;  // FoldedKey of the word
  Script script = Script::kCommon;
  bool cased_script = false;
  bool capitalized = false;
  bool all_caps = false;
  bool sentence_initial = false;
  bool elided = false;      // "l'Iran": a particle precedes the word within its token
  bool possessive = false;  // "Iran's": the name ends with this word
  // What separates this word from the previous one: nothing but spaces, a hyphen, a dot, or
  // other punctuation (which ends a name).
  enum class Gap { kSpace, kHyphen, kDot, kPunct } gap = Gap::kSpace;
  bool headline = false;  // in a title-case line, where capitals say little
  int32_t paragraph = 0;
};

bool IsApostrophe(char16_t c) { return c == u'\'' || c == u'\u2019'; }

// Batch statistics that judge capitalised words at the start of sentences and in headlines.
struct CaseStats {
  std::unordered_map<std::string, int> capitalized_inside;  // capitalised, not sentence-initial
  std::unordered_map<std::string, int> lower;               // written in lower case
};

bool IsSentenceEndPunct(const icu::UnicodeString& text, const Token& token) {
  if (token.utf16_end - token.utf16_begin != 1) return false;
  char16_t c = text[token.utf16_begin];
  return c == u'.' || c == u'!' || c == u'?' || c == u':' || c == u'|' || c == u'\u2022' ||
         c == u'\u2013' || c == u'\u2014' || c == u';';
}

// Builds the word view of one paragraph's tokens [first, end).
void CollectWords(const Document& doc, int32_t paragraph, int32_t first, int32_t end,
                  std::vector<Word>& words) {
  const icu::UnicodeString& text = doc.text;
  bool at_sentence_start = true;
  std::size_t sentence_index = 0;
  Word::Gap gap = Word::Gap::kSpace;
  int32_t previous_end = -1;
  const std::size_t paragraph_first_word = words.size();
  for (int32_t t = first; t < end; ++t) {
    const Token& token = doc.tokens[t];
    while (sentence_index < doc.sentences.size() && doc.sentences[sentence_index].end_token <= t) {
      ++sentence_index;
    }
    if (sentence_index < doc.sentences.size() && doc.sentences[sentence_index].first_token == t) {
      at_sentence_start = true;
    }
    if (token.kind != TokenKind::kWord) {
      if (token.kind == TokenKind::kNumber) {
        gap = Word::Gap::kPunct;
        at_sentence_start = false;
        previous_end = token.utf16_end;
        continue;
      }
      const bool attached = previous_end == token.utf16_begin;
      const char16_t c = text[token.utf16_begin];
      const bool single = token.utf16_end - token.utf16_begin == 1;
      if (single && c == u'-' && attached && gap == Word::Gap::kSpace) {
        gap = Word::Gap::kHyphen;
      } else if (single && c == u'.' && attached && gap == Word::Gap::kSpace) {
        gap = Word::Gap::kDot;
      } else {
        gap = Word::Gap::kPunct;
      }
      if (IsSentenceEndPunct(text, token) || c == u'"' || c == u'\u201C' || c == u'\u00AB' ||
          c == u'(' || c == u'[' || c == u'>') {
        // A quote or bracket opens what reads like a new sentence; a colon or dash starts one
        // in headlines and datelines. A dot after an abbreviation is judged later.
        if (!(single && c == u'.' && attached)) at_sentence_start = true;
      }
      previous_end = token.utf16_end;
      continue;
    }
    Word word;
    word.token = t;
    word.paragraph = paragraph;
    word.begin = token.utf16_begin;
    word.end = token.utf16_end;
    // Elision: a French or Italian article or preposition and an apostrophe before the word
    // ("l'Iran", "d’IRNA", "dell'Onu"); not an Irish or Arabic name part ("O'Brien").
    for (int32_t i = word.begin + 1; i < word.end - 1 && i <= word.begin + 7; ++i) {
      if (IsApostrophe(text[i])) {
        static constexpr std::string_view kElisions[] = {
            "l",     "d",      "j",      "m",    "n",    "s",    "t",    "c",   "qu",
            "jusqu", "lorsqu", "puisqu", "dell", "dall", "nell", "sull", "all", "un"};
        const std::string particle = MatchKey(icu::UnicodeString(text, word.begin, i - word.begin));
        const bool elision =
            std::find(std::begin(kElisions), std::end(kElisions), particle) != std::end(kElisions);
        if (elision && u_isalpha(text.char32At(i + 1))) {
          word.begin = i + 1;
          word.elided = true;
        }
        break;
      }
    }
    // Possessive: "'s", "’s", or a final apostrophe.
    if (word.end - word.begin > 2 && IsApostrophe(text[word.end - 2]) &&
        (text[word.end - 1] == u's' || text[word.end - 1] == u'S')) {
      word.end -= 2;
      word.possessive = true;
    } else if (word.end - word.begin > 1 && IsApostrophe(text[word.end - 1])) {
      word.end -= 1;
      word.possessive = true;
    }
    icu::UnicodeString core(text, word.begin, word.end - word.begin);
    if (word.begin == token.utf16_begin && word.end == token.utf16_end) {
      word.key = token.key;  // the segmenter's keys, when the word is the whole token
      word.folded_key = token.folded_key;
    } else {
      word.key = MatchKey(core);
      word.folded_key = FoldedKey(core);
    }
    int32_t letters = 0, upper = 0;
    for (int32_t i = 0; i < core.length();) {
      UChar32 c = core.char32At(i);
      i += U16_LENGTH(c);
      if (!u_isalpha(c)) continue;
      const bool is_upper = u_isupper(c) || u_istitle(c);
      if (letters == 0) {
        word.script = ScriptOf(c);
        word.capitalized = is_upper;
      }
      ++letters;
      upper += is_upper;
    }
    word.all_caps = letters >= 2 && upper == letters;
    word.cased_script = IsCasedScript(word.script);
    // A dot after a short capitalised word is an abbreviation ("Mr.", "M.", "Gen."), not the end
    // of a sentence; after anything else it ends one.
    if (gap == Word::Gap::kDot && !words.empty() && words.size() > paragraph_first_word) {
      const Word& previous = words.back();
      const int32_t previous_length = previous.end - previous.begin;
      if (!(previous.capitalized && previous_length <= 4)) {
        gap = Word::Gap::kPunct;
        at_sentence_start = true;
      }
    }
    word.gap = words.size() > paragraph_first_word ? gap : Word::Gap::kPunct;
    word.sentence_initial = at_sentence_start;
    at_sentence_start = false;
    gap = Word::Gap::kSpace;
    previous_end = token.utf16_end;
    words.push_back(std::move(word));
  }
  // Title-case lines (headlines, site names): short, most words capitalised, and not ended like
  // a sentence (a sentence can be dense with names: "President Masoud Pezeshkian met ...").
  int cased = 0, capitalized = 0;
  for (std::size_t i = paragraph_first_word; i < words.size(); ++i) {
    if (!words[i].cased_script) continue;
    ++cased;
    capitalized += words[i].capitalized;
  }
  int32_t last = doc.paragraphs[paragraph].utf16_end - 1;
  const char16_t last_char = last >= 0 ? text[last] : u' ';
  const bool ends_like_sentence = last_char == u'.' || last_char == u'!' || last_char == u'?' ||
                                  last_char == u'"' || last_char == u'\u201D';
  if (cased >= 2 && cased <= 16 && !ends_like_sentence && capitalized * 10 >= cased * 7) {
    for (std::size_t i = paragraph_first_word; i < words.size(); ++i) words[i].headline = true;
  }
}

// A name found in the first pass, looked for again in the whole batch.
struct KnownName {
  icu::UnicodeString text;
  EntityType type = EntityType::kMisc;
  std::string gazetteer_name;
  const NameKey* key = nullptr;  // for names in other scripts, compared after transliteration
  std::size_t doc = 0;           // where it was found
};

// Candidate plus how it was found, to resolve overlaps.
struct Found {
  MentionCandidate candidate;
  int priority = 0;  // 3: cue, 2: gazetteer, 1: shape, 0: second pass
};

}  // namespace

// ---------------------------------------------------------------------------------------------

struct MentionFinder::Tables {
  const Gazetteer* gazetteer = nullptr;
  std::map<std::string, LangCues> by_lang;  // each with common.txt merged in
  LangCues all;                             // every language: for "und" and unknown languages
  std::unordered_set<std::string> calendar_words;
  ThaiDictionary thai_dictionary;

  const LangCues& CuesFor(std::string_view lang) const {
    auto it = by_lang.find(PrimaryLanguage(lang));
    return it != by_lang.end() ? it->second : all;
  }
};

Result<std::unique_ptr<MentionFinder>> MentionFinder::Create(const DataPack& data,
                                                             const Gazetteer& gazetteer) {
  auto tables = std::make_unique<Tables>();
  tables->gazetteer = &gazetteer;
  LangCues common;
  if (std::optional<std::string_view> text = data.Find("cues/common.txt"))
    ParseCueFile(*text, common);
  Merge(common, tables->all);
  for (const DataFile& file : data.List("cues/")) {
    std::string_view path = file.path;
    if (path.size() < 4 || path.substr(path.size() - 4) != ".txt" || path == "cues/common.txt") {
      continue;
    }
    std::string lang(path.substr(5, path.size() - 9));
    LangCues cues;
    ParseCueFile(file.contents, cues);
    Merge(cues, tables->all);
    Merge(common, cues);
    SortLongestFirst(cues.prefix_titles);
    SortLongestFirst(cues.prefix_org_start);
    cues.Index();
    tables->by_lang.emplace(lang, std::move(cues));
  }
  SortLongestFirst(tables->all.prefix_titles);
  SortLongestFirst(tables->all.prefix_org_start);
  tables->all.Index();
  // Month and weekday names in every CLDR language: capitalised in many, names in none.
  if (std::optional<std::string_view> calendar = data.Find("gen/calendar.tsv")) {
    for (std::string_view line : DataLines(*calendar)) {
      std::vector<std::string_view> fields = SplitFields(line);
      if (fields.size() < 4 || (fields[1] != "month" && fields[1] != "weekday")) continue;
      for (std::string_view name : SplitFields(fields[3], '|')) {
        if (!name.empty()) tables->calendar_words.insert(MatchKey(name));
      }
    }
  }
  return std::unique_ptr<MentionFinder>(new MentionFinder(std::move(tables)));
}

MentionFinder::MentionFinder(std::unique_ptr<Tables> tables) : tables_(std::move(tables)) {}
MentionFinder::~MentionFinder() = default;

namespace {

// Everything one FindAll call needs while it works on a document.
class DocumentScanner {
 public:
  DocumentScanner(const Document& doc, const LangCues& all_cues,
                  const std::map<std::string, LangCues>& by_lang, const Gazetteer& gazetteer,
                  const std::unordered_set<std::string>& calendar_words,
                  const ThaiDictionary& thai_dictionary, const CaseStats& stats,
                  Segmenter& segmenter)
      : doc_(doc),
        all_cues_(all_cues),
        by_lang_(by_lang),
        gazetteer_(gazetteer),
        calendar_words_(calendar_words),
        thai_dictionary_(thai_dictionary),
        stats_(stats),
        segmenter_(segmenter) {}

  std::vector<Found> Scan(const std::vector<Word>& words) {
    words_ = &words;
    ScanCased();
    ScanUncased();
    return std::move(found_);
  }

 private:
  const LangCues& Cues(int32_t paragraph) const {
    std::string lang = PrimaryLanguage(doc_.paragraphs[paragraph].lang);
    if (lang == "und" || lang.empty()) lang = PrimaryLanguage(doc_.lang);
    auto it = by_lang_.find(lang);
    return it != by_lang_.end() ? it->second : all_cues_;
  }
  std::string LangOf(int32_t paragraph) const {
    const std::string& lang = doc_.paragraphs[paragraph].lang;
    return lang.empty() || lang == "und" ? doc_.lang : lang;
  }

  void Emit(int32_t begin, int32_t end, EntityType type, float confidence, int priority,
            Script script, int32_t paragraph, std::string cue = {}, std::string gazetteer_name = {},
            bool acronym = false) {
    if (end <= begin) return;
    Found found;
    MentionCandidate& c = found.candidate;
    c.utf16_begin = begin;
    c.utf16_end = end;
    c.text = doc_.Slice(begin, end);
    c.type = type;
    c.type_confidence = confidence;
    c.lang = LangOf(paragraph);
    c.script = script;
    c.cue = std::move(cue);
    c.gazetteer_name = std::move(gazetteer_name);
    c.is_acronym = acronym;
    found.priority = priority;
    found_.push_back(std::move(found));
  }

  // ------------------------------------------------------------------ cased scripts

  const Word& W(std::size_t i) const { return (*words_)[i]; }

  // Longest title starting at word i (ending before `limit`); returns its word count.
  int TitleAt(std::size_t i, std::size_t limit, const LangCues& cues, const Cue** cue) const {
    std::string key;
    int best = 0;
    for (std::size_t j = i; j < limit && static_cast<int>(j - i) < cues.max_title_words; ++j) {
      if (j > i && W(j).gap == Word::Gap::kPunct) break;
      if (j > i) key += ' ';
      key += W(j).key;
      auto it = cues.titles.find(key);
      if (it != cues.titles.end()) {
        best = static_cast<int>(j - i + 1);
        *cue = &it->second;
      }
    }
    return best;
  }

  bool IsOrgWord(const Word& w, const LangCues& cues) const {
    return cues.org_end.count(w.key) != 0 || cues.org_start.count(w.key) != 0;
  }

  std::string SpanText(std::size_t a, std::size_t b) const {
    return doc_.Slice(W(a).begin, W(b - 1).end);
  }

  std::optional<GazetteerEntry> WordPlace(std::size_t i) const {
    return gazetteer_.LookupKeys(W(i).key, W(i).folded_key);
  }
  bool IsDemonym(std::size_t i) const { return gazetteer_.LookupDemonymKey(W(i).key).has_value(); }
  // Words [i, j) as one name: their keys joined by single spaces when only spaces separate them.
  std::optional<GazetteerEntry> SpanPlace(std::size_t i, std::size_t j) const {
    if (j == i + 1) return WordPlace(i);
    std::string key = W(i).key, folded = W(i).folded_key;
    for (std::size_t k = i + 1; k < j; ++k) {
      if (W(k).gap != Word::Gap::kSpace || W(k).begin != W(k - 1).end + 1) {
        return gazetteer_.Lookup(SpanText(i, j));
      }
      key += ' ' + W(k).key;
      folded += ' ' + W(k).folded_key;
    }
    return gazetteer_.LookupKeys(key, folded);
  }

  // Longest gazetteer entry made of words [i, j) with j <= i + 5, crossing no punctuation;
  // lower-case words may follow the first ("Guinée équatoriale").
  std::size_t GazetteerAt(std::size_t i, std::size_t paragraph_end, GazetteerEntry* entry) const {
    std::size_t best = i;
    // Russian and its neighbours inflect names: "в Минске", "Беларуси", "Ирана". CLDR has the
    // nominative; try it for a single word by swapping a case ending for a nominative one.
    if (W(i).script == Script::kCyrillic && !WordPlace(i)) {
      if (auto nominative = LookupInflected(SpanText(i, i + 1))) {
        *entry = *nominative;
        best = i + 1;
      }
    }
    std::string prefix = W(i).key, folded_prefix = W(i).folded_key;
    for (std::size_t j = i + 1; j <= paragraph_end && j <= i + 5; ++j) {
      if (j > i + 1) {
        if (W(j - 1).gap == Word::Gap::kPunct || W(j - 2).possessive) break;
        // No name starts with these words: no longer span can match either.
        if (W(j - 1).gap == Word::Gap::kSpace) {
          prefix += ' ';
          folded_prefix += ' ';
          if (!gazetteer_.IsKeyPrefix(prefix) && !gazetteer_.IsKeyPrefix(folded_prefix)) break;
          prefix += W(j - 1).key;
          folded_prefix += W(j - 1).folded_key;
        }
      }
      if (auto hit = SpanPlace(i, j)) {
        best = j;
        *entry = *hit;
      }
    }
    return best;
  }

  std::optional<GazetteerEntry> LookupInflected(const std::string& word) const {
    static constexpr std::string_view kCaseEndings[] = {
        "ами", "ями", "ом", "ем", "ой", "ей", "ах", "ях", "у", "ю", "е", "и", "ы", "а", "я"};
    static constexpr std::string_view kNominativeEndings[] = {"", "ь", "а", "я", "ия", "й"};
    for (std::string_view ending : kCaseEndings) {
      if (word.size() <= ending.size() + 4 ||
          word.compare(word.size() - ending.size(), ending.size(), ending) != 0) {
        continue;
      }
      const std::string stem = word.substr(0, word.size() - ending.size());
      for (std::string_view nominative : kNominativeEndings) {
        if (auto hit = gazetteer_.Lookup(stem + std::string(nominative))) return hit;
      }
    }
    return std::nullopt;
  }

  // Is word i, capitalised, a plausible start or part of a name?
  bool CapitalIsEvidence(std::size_t i) const {
    const Word& w = W(i);
    if (w.all_caps) return true;
    if (!w.sentence_initial && !w.headline) return true;
    if (WordPlace(i)) return true;
    if (w.script == Script::kCyrillic && LookupInflected(SpanText(i, i + 1))) return true;
    auto inside = stats_.capitalized_inside.find(w.key);
    auto lower = stats_.lower.find(w.key);
    const int inside_count = inside != stats_.capitalized_inside.end() ? inside->second : 0;
    const int lower_count = lower != stats_.lower.end() ? lower->second : 0;
    if (inside_count > 0) return true;
    if (lower_count > 0) return false;
    // Unknown word: in a headline it proves nothing; at a sentence start it is a name only when
    // another capitalised word follows it ("Viktor Khrenin said").
    if (w.headline) return false;
    return i + 1 < words_->size() && W(i + 1).paragraph == w.paragraph &&
           W(i + 1).gap == Word::Gap::kSpace && W(i + 1).capitalized;
  }

  void ScanCased() {
    const std::vector<Word>& words = *words_;
    std::size_t i = 0;
    while (i < words.size()) {
      const Word& w = words[i];
      if (!w.cased_script || !w.capitalized) {
        ++i;
        continue;
      }
      std::size_t paragraph_end = i;
      while (paragraph_end < words.size() && words[paragraph_end].paragraph == w.paragraph) {
        ++paragraph_end;
      }
      const LangCues& cues = Cues(w.paragraph);
      // The run: capitalised words, connectors between them, hyphens inside names.
      std::size_t j = i + 1;
      while (j < paragraph_end) {
        const Word& next = words[j];
        if (words[j - 1].possessive) break;
        if (!next.cased_script) break;
        if (next.gap == Word::Gap::kPunct) break;
        if (next.gap == Word::Gap::kDot && words[j - 1].end - words[j - 1].begin > 1 &&
            cues.titles.count(CueKey(SpanText(j - 1, j))) == 0) {
          break;  // only initials ("G. Khrenin") and titles ("Mr. X") carry a name over a dot
        }
        if (next.gap == Word::Gap::kHyphen && (WordPlace(j - 1) || WordPlace(j))) {
          break;  // "Iran-Belarus": two places
        }
        if (next.capitalized) {
          ++j;
          continue;
        }
        // A lower-case connector joins two capitalised words ("Abu al Abbas", "van der Berg").
        std::size_t k = j;
        while (k < paragraph_end && cues.connectors.count(words[k].key) != 0 &&
               !words[k].capitalized && words[k].gap != Word::Gap::kPunct && k - j < 3) {
          ++k;
        }
        if (k > j && k < paragraph_end && words[k].capitalized &&
            words[k].gap != Word::Gap::kPunct && words[k].cased_script &&
            !words[k - 1].possessive && words[j].key != "of") {
          j = k + 1;
          continue;
        }
        break;
      }
      ProcessRun(i, j, paragraph_end, cues);
      i = std::max(j, i + 1);
    }
  }

  // Splits a run of capitalised words into names, strips titles, types them.
  void ProcessRun(std::size_t begin, std::size_t end, std::size_t paragraph_end,
                  const LangCues& cues) {
    std::size_t i = begin;
    std::string cue_text;
    EntityType cue_type = EntityType::kMisc;
    while (i < end) {
      const Word& w = W(i);
      // Known places first: "Eastern Europe" before "Eastern" is judged as a word.
      GazetteerEntry entry;
      std::size_t place_end = GazetteerAt(i, paragraph_end, &entry);
      // After a person's title a known place name alone is that person's name ("Mr. Jordan");
      // followed by more of the name, it qualifies the title ("Президент Беларуси Александр
      // Лукашенко", "President of Belarus").
      const bool person_title = !cue_text.empty() && cue_type == EntityType::kPerson;
      if (place_end > i && (!person_title || place_end < end) &&
          (place_end >= end || !RestIsOrg(place_end, end, cues)) && CapitalIsEvidence(i)) {
        const bool acronym = place_end == i + 1 && w.all_caps && entry.type != EntityType::kPlace;
        Emit(w.begin, W(place_end - 1).end, entry.type, cue_text.empty() ? 0.9f : 0.95f, 2,
             w.script, w.paragraph, person_title ? std::string() : cue_text, entry.canonical,
             acronym);
        if (!person_title) cue_text.clear();
        i = place_end;
        continue;
      }
      const Cue* cue = nullptr;
      int title_words = TitleAt(i, end, cues, &cue);
      if (title_words > 0 && !(i + title_words < end && RestIsOrg(i + title_words, end, cues))) {
        cue_text = SpanText(i, i + title_words);
        const int32_t after_title = W(i + title_words - 1).end;
        if (after_title < doc_.text.length() && doc_.text[after_title] == u'.') cue_text += '.';
        cue_type = cue->type;
        i += title_words;
        continue;
      }
      // Right after a title, a capital is a name whatever the sentence breaker said about the
      // title's dot ("Mr. Ahmadian").
      if (cues.not_names.count(w.key) != 0 || calendar_words_.count(w.key) != 0 || IsDemonym(i) ||
          (cue_text.empty() && !CapitalIsEvidence(i))) {
        cue_text.clear();
        ++i;
        continue;
      }
      // The name: up to the end of the run, a title inside it, a demonym, or the end of an
      // organisation's name followed by another name ("... Security Council Ali Akbar Ahmadian").
      std::size_t j = i + 1;
      bool org = IsOrgWord(w, cues);
      while (j < end) {
        const Word& next = W(j);
        if (IsDemonym(j) && !next.all_caps) break;
        const Cue* inner = nullptr;
        if (TitleAt(j, end, cues, &inner) > 0 && !RestIsOrg(j, end, cues) && !org) break;
        // "secrétaire d'État du Conseil ...": a sentence-case organisation starts a new name.
        if (cues.org_start_sentence_case.count(next.key) != 0) break;
        if (cues.org_end.count(W(j - 1).key) != 0 && cues.org_end.count(next.key) == 0 &&
            cues.connectors.count(next.key) == 0) {
          break;
        }
        // A known place at the start, then a person's name ("Belarus Alexander Volfovich").
        if (j == i + 1 && !org && WordPlace(i) && !SpanPlace(i, end) && !RestIsOrg(j, end, cues)) {
          break;
        }
        org = org || IsOrgWord(next, cues);
        ++j;
      }
      std::size_t name_end = j;
      // Romance languages write organisations in sentence case: "Organisation de coopération de
      // Shanghai", "Conseil suprême de sécurité nationale".
      if (cues.org_start_sentence_case.count(w.key) != 0 && name_end == i + 1) {
        name_end = ExtendSentenceCaseOrg(i, paragraph_end, cues);
      }
      EmitName(i, name_end, cues, cue_text, cue_type);
      cue_text.clear();
      i = j > name_end ? j : name_end;
      if (i > end) break;
    }
  }

  bool RestIsOrg(std::size_t from, std::size_t end, const LangCues& cues) const {
    for (std::size_t k = from; k < end; ++k) {
      if (cues.org_end.count(W(k).key) != 0) return true;
    }
    return false;
  }

  std::size_t ExtendSentenceCaseOrg(std::size_t i, std::size_t paragraph_end,
                                    const LangCues& cues) const {
    std::size_t last_capital = i + 1;
    std::size_t last_word = i + 1;
    bool ended_by_punct = false;
    for (std::size_t k = i + 1; k < paragraph_end && k < i + 9; ++k) {
      const Word& w = W(k);
      if (w.gap == Word::Gap::kPunct || !w.cased_script) {
        ended_by_punct = w.gap == Word::Gap::kPunct;
        break;
      }
      if (w.capitalized) {
        last_capital = k + 1;
        if (W(k).possessive) break;
        continue;
      }
      if (cues.connectors.count(w.key) == 0 && cues.not_names.count(w.key) != 0) break;
      last_word = k + 1;
      if (k + 1 == paragraph_end) ended_by_punct = true;
    }
    if (last_capital > i + 1) return last_capital;
    if (!ended_by_punct || last_word - i > 6) return i + 1;
    // Lower-case words up to the punctuation, without a trailing adjective of nationality or
    // connector ("Conseil suprême de sécurité nationale iranien,").
    std::size_t end = last_word;
    while (end > i + 1 && (cues.connectors.count(W(end - 1).key) != 0 || IsDemonym(end - 1))) {
      --end;
    }
    return end;
  }

  void EmitName(std::size_t i, std::size_t j, const LangCues& cues, const std::string& cue_text,
                EntityType cue_type) {
    // Connectors never end a name.
    while (j > i + 1 && cues.connectors.count(W(j - 1).key) != 0 && !W(j - 1).capitalized) --j;
    const Word& first = W(i);
    const int32_t begin = first.begin, end = W(j - 1).end;
    const std::size_t count = j - i;
    bool org = false;
    for (std::size_t k = i; k < j; ++k) org = org || cues.org_end.count(W(k).key) != 0;
    org = org || cues.org_start.count(first.key) != 0;
    GazetteerEntry entry;
    const bool in_gazetteer = GazetteerAt(i, j, &entry) == j;
    if (!cue_text.empty() && cue_type == EntityType::kPerson && !org) {
      Emit(begin, end, EntityType::kPerson, 0.9f, 3, first.script, first.paragraph, cue_text);
    } else if (in_gazetteer) {
      Emit(begin, end, entry.type, 0.9f, 2, first.script, first.paragraph, cue_text,
           entry.canonical, count == 1 && first.all_caps && entry.type != EntityType::kPlace);
    } else if (!cue_text.empty() && !org) {
      Emit(begin, end, cue_type, 0.8f, 3, first.script, first.paragraph, cue_text);
    } else if (org) {
      if (count == 1 && !first.all_caps) return;  // "Council" alone is a common noun
      Emit(begin, end, EntityType::kOrg, 0.8f, 2, first.script, first.paragraph, cue_text);
    } else if (count == 1 && first.all_caps && end - begin <= 10) {
      Emit(begin, end, EntityType::kOrg, 0.4f, 1, first.script, first.paragraph, {}, {}, true);
    } else if (count >= 2 && cues.place_end.count(W(j - 1).key) != 0) {
      Emit(begin, end, EntityType::kPlace, 0.7f, 2, first.script, first.paragraph);
    } else if (count >= 2 && cues.misc_end.count(W(j - 1).key) != 0) {
      Emit(begin, end, EntityType::kMisc, 0.6f, 2, first.script, first.paragraph);
    } else if (count >= 2) {
      Emit(begin, end, EntityType::kPerson, 0.5f, 1, first.script, first.paragraph);
    } else {
      // One capitalised word with no other evidence. A word also written in lower case in the
      // batch is an ordinary word capitalised for emphasis or style.
      auto lower = stats_.lower.find(first.key);
      if (lower != stats_.lower.end() && lower->second > 0) return;
      Emit(begin, end, EntityType::kMisc, 0.3f, 1, first.script, first.paragraph);
    }
  }

  // ------------------------------------------------------------------ uncased scripts

  // Where the paragraph's tokens end, and where its words in uncased scripts start.
  void ParagraphTokens(const Paragraph& paragraph, std::vector<int32_t>& starts,
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

  void ScanUncased() {
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
            (doc_.text[i + 3] == u'.' ||
             (i + 4 < paragraph.utf16_end && doc_.text[i + 4] == u'.')) &&
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

  bool StartsWith(int32_t at, const icu::UnicodeString& prefix, int32_t limit) const {
    return at + prefix.length() <= limit && doc_.text.compare(at, prefix.length(), prefix) == 0;
  }

  // Text [from, limit) up to the first space, punctuation or change of script.
  int32_t ChunkEnd(int32_t from, int32_t limit, Script script) const {
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
    return i;
  }

  // The words of [from, to), segmented afresh: ICU's cuts before a cue was removed can straddle
  // the name's first letters ("นา|ยอ|เล็ก" for นาย+อเล็ก...).
  std::vector<int32_t> Resegment(int32_t from, int32_t to) {
    icu::UnicodeString piece(doc_.text, from, to - from);
    std::vector<int32_t> bounds = segmenter_.WordBoundaries(piece, "th");
    for (int32_t& b : bounds) b += from;
    if (bounds.empty() || bounds.front() != from) bounds.insert(bounds.begin(), from);
    if (bounds.back() != to) bounds.push_back(to);
    return bounds;
  }

  enum class Stop { kNone, kFunction, kAfterName };
  Stop StopAt(const LangCues& cues, int32_t from, int32_t to) const {
    std::string key = MatchKey(icu::UnicodeString(doc_.text, from, to - from));
    if (cues.stops.count(key) != 0) return Stop::kFunction;
    if (cues.after_name.count(key) != 0) return Stop::kAfterName;
    return Stop::kNone;
  }

  bool CueAt(int32_t at, int32_t limit, const LangCues& cues) const {
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

  bool IsThaiWord(int32_t from, int32_t to) const {
    return thai_dictionary_.Contains(icu::UnicodeString(doc_.text, from, to - from));
  }

  // A stop word inside a run of Thai letters ends the name only if real words follow it: in
  // อัค|มา|เดีย|น, "มา" ("come") is a syllable of a transliterated name. With `need` words, that
  // many must be there.
  bool WordsFollow(const std::vector<int32_t>& bounds, std::size_t b, Script script,
                   std::size_t need = 1) const {
    if (script != Script::kThai) return true;
    std::size_t seen = 0;
    for (std::size_t k = b; k + 1 < bounds.size() && k < b + 3; ++k, ++seen) {
      if (!IsThaiWord(bounds[k], bounds[k + 1])) return false;
    }
    return seen >= need;
  }

  // Can a name written without spaces end at `at`? Yes at a space, punctuation or another script,
  // at a word boundary ICU found, or where a dictionary word starts afresh.
  bool GoodEnd(int32_t at, int32_t limit, Script script, const std::vector<int32_t>& ends) {
    if (at >= limit) return true;
    UChar32 c = doc_.text.char32At(at);
    if (!u_isalpha(c) || ScriptOf(c) != script) return true;
    if (std::binary_search(ends.begin(), ends.end(), at)) return true;
    if (script != Script::kThai) return false;
    std::vector<int32_t> bounds = Resegment(at, ChunkEnd(at, std::min(limit, at + 16), script));
    return bounds.size() >= 2 && bounds[1] - bounds[0] >= 2 && IsThaiWord(bounds[0], bounds[1]);
  }

  // The longest gazetteer name at `at` that ends where a name can end.
  std::optional<Gazetteer::Hit> PlaceAt(int32_t at, int32_t limit, Script script,
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

  // How far a name runs from `from` in an uncased script. A person's name: the words of its
  // chunk up to a stop word, then up to two more space-separated parts that do not start with a
  // stop word. An organisation's name: its chunk up to a function word, or up to the end of a place
  // name inside it ("ธนาคารแห่งประเทศไทย|ได้..."). `after_space`: a space separates the name
  // from its cue, so a verb there is the sentence going on, not a syllable of a name.
  int32_t NameEnd(int32_t from, int32_t limit, Script script, const LangCues& cues, bool person,
                  bool org, bool after_space) {
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
      const int32_t chunk_end = ChunkEnd(start, limit, script);
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

  // A dotted abbreviation the cue files do not know, written against the following word. With two
  // dots or more ("น.สพ.", "พ.จ.ต.") it is a rank or title before a person's name; with one at its
  // end ("สธ.", "ครม.") it is usually an organisation's short name. Returns the end of the
  // abbreviation and its number of dots, or `at`.
  int32_t AbbreviationEnd(int32_t at, int32_t limit, Script script, int* dots_out) const {
    auto is_letter = [&](int32_t i) {
      UChar32 c = doc_.text.char32At(i);
      return (u_isalpha(c) && ScriptOf(c) == script) || u_charType(c) == U_NON_SPACING_MARK;
    };
    int32_t i = at;
    int dots = 0;
    while (true) {
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

  // Cues and gazetteer entries at one position of an uncased-script paragraph; returns the end
  // of what was found there (or `at`).
  int32_t ScanUncasedAt(int32_t at, const Paragraph& paragraph, int32_t p, const LangCues& cues,
                        const std::vector<int32_t>& ends) {
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

 public:
  // Second pass, for uncased scripts: spans not yet taken that are written exactly as a name
  // found with a cue elsewhere in the batch ("สมคิด" after "นายสมคิด"), or that match, after
  // transliteration, a name found in another script ("ลูกาเชนโก" for "Lukashenko").
  std::vector<Found> FindKnown(const std::vector<KnownName>& same_script,
                               const std::vector<KnownName>& other_script, NameMatcher& matcher,
                               const std::vector<MentionCandidate>& taken) {
    found_.clear();
    auto is_taken = [&](int32_t begin, int32_t end) {
      auto it = std::lower_bound(
          taken.begin(), taken.end(), end,
          [](const MentionCandidate& c, int32_t at) { return c.utf16_begin < at; });
      while (it != taken.begin()) {
        --it;
        if (it->utf16_end <= begin) return false;
        if (it->utf16_begin < end) return true;
      }
      return false;
    };
    for (std::size_t p = 0; p < doc_.paragraphs.size(); ++p) {
      const Paragraph& paragraph = doc_.paragraphs[p];
      if (paragraph.removed) continue;
      const LangCues& cues = Cues(static_cast<int32_t>(p));
      std::vector<int32_t> starts, ends;
      ParagraphTokens(paragraph, starts, ends);
      std::sort(ends.begin(), ends.end());
      int32_t covered_until = paragraph.utf16_begin;
      for (int32_t at : starts) {
        if (at < covered_until) continue;
        const Script script = ScriptOf(doc_.text.char32At(at));
        // Exact spellings first: the longest that ends where a word can end.
        const KnownName* best = nullptr;
        auto [first_known, last_known] = std::equal_range(
            same_script.begin(), same_script.end(), doc_.text[at],
            [](const auto& a, const auto& b) {
              auto unit = [](const auto& x) -> char16_t {
                if constexpr (std::is_same_v<std::decay_t<decltype(x)>, KnownName>) {
                  return x.text[0];
                } else {
                  return x;
                }
              };
              return unit(a) < unit(b);
            });
        for (auto known_it = first_known; known_it != last_known; ++known_it) {
          const KnownName& known = *known_it;
          if ((best == nullptr || known.text.length() > best->text.length()) &&
              StartsWith(at, known.text, paragraph.utf16_end) &&
              GoodEnd(at + known.text.length(), paragraph.utf16_end, script, ends) &&
              !is_taken(at, at + known.text.length())) {
            best = &known;
          }
        }
        if (best != nullptr) {
          const int32_t end = at + best->text.length();
          Emit(at, end, best->type, 0.6f, 0, script, static_cast<int32_t>(p), {},
               best->gazetteer_name);
          covered_until = end;
          continue;
        }
        if (!other_script.empty() && script == Script::kThai) {
          covered_until = std::max(covered_until,
                                   MatchTransliterated(at, paragraph, static_cast<int32_t>(p), cues,
                                                       other_script, matcher, ends, is_taken));
        }
      }
    }
    return std::move(found_);
  }

 private:
  // The longest span of Thai words from `at` (within its chunk, up to six words, with at least one
  // that is not a dictionary word: Thai spellings of foreign names are syllables) that the
  // matcher calls the same name as a known one. Returns its end, or `at`.
  template <typename IsTaken>
  int32_t MatchTransliterated(int32_t at, const Paragraph& paragraph, int32_t p,
                              const LangCues& cues, const std::vector<KnownName>& other_script,
                              NameMatcher& matcher, const std::vector<int32_t>& ends,
                              const IsTaken& is_taken) {
    const int32_t chunk_end = ChunkEnd(at, paragraph.utf16_end, Script::kThai);
    if (chunk_end - at < 3) return at;
    // ICU's own word ends: away from cues they are as good as any, and cost nothing more.
    std::vector<int32_t> bounds = {at};
    for (auto it = std::upper_bound(ends.begin(), ends.end(), at);
         it != ends.end() && *it <= std::min(chunk_end, at + 40); ++it) {
      bounds.push_back(*it);
    }
    if (bounds.size() < 2 || StopAt(cues, bounds[0], bounds[1]) != Stop::kNone) return at;
    double best_score = 0;
    int32_t best_end = at;
    const KnownName* best = nullptr;
    bool syllables = false;
    for (std::size_t e = 1; e < bounds.size() && e <= 6; ++e) {
      if (e > 1 && StopAt(cues, bounds[e - 1], bounds[e]) != Stop::kNone) break;
      syllables = syllables || !IsThaiWord(bounds[e - 1], bounds[e]);
      const int32_t end = bounds[e];
      if (end - at < 3 || end - at > 24 || !syllables || is_taken(at, end)) continue;
      const NameKey& key = matcher.Key(doc_.Slice(at, end));
      for (const KnownName& known : other_script) {
        const std::size_t a = key.latin.size(), b = known.key->latin.size();
        if (a * 10 < b * 6 || b * 10 < a * 6) continue;
        const double score = matcher.Similarity(key, *known.key);
        if (score >= NameMatcher::kSameThreshold && score >= best_score) {
          best_score = score;
          best_end = end;
          best = &known;
        }
      }
    }
    if (best == nullptr) return at;
    Emit(at, best_end, best->type, 0.6f, 0, Script::kThai, p, {}, best->gazetteer_name);
    return best_end;
  }

  const Document& doc_;
  const LangCues& all_cues_;
  const std::map<std::string, LangCues>& by_lang_;
  const Gazetteer& gazetteer_;
  const std::unordered_set<std::string>& calendar_words_;
  const ThaiDictionary& thai_dictionary_;
  const CaseStats& stats_;
  Segmenter& segmenter_;
  const std::vector<Word>* words_ = nullptr;
  std::vector<Found> found_;
};

// Keeps the best of overlapping candidates: found by a cue over the gazetteer over shape alone,
// then the longer. Returns them in text order.
std::vector<MentionCandidate> ResolveOverlaps(std::vector<Found> found) {
  std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    if (a.priority != b.priority) return a.priority > b.priority;
    const int32_t la = a.candidate.utf16_end - a.candidate.utf16_begin;
    const int32_t lb = b.candidate.utf16_end - b.candidate.utf16_begin;
    if (la != lb) return la > lb;
    return a.candidate.utf16_begin < b.candidate.utf16_begin;
  });
  std::vector<MentionCandidate> kept;
  for (Found& f : found) {
    bool overlaps = false;
    for (const MentionCandidate& k : kept) {
      if (f.candidate.utf16_begin < k.utf16_end && k.utf16_begin < f.candidate.utf16_end) {
        overlaps = true;
        break;
      }
    }
    if (!overlaps) kept.push_back(std::move(f.candidate));
  }
  std::sort(kept.begin(), kept.end(), [](const MentionCandidate& a, const MentionCandidate& b) {
    return a.utf16_begin < b.utf16_begin;
  });
  return kept;
}

// Initials of the words of `text`, lower case ("Organisation de coopération de Shanghai" ->
// "odcds"), and the same without connectors.
std::string Initials(const icu::UnicodeString& text) {
  std::string out;
  bool at_word_start = true;
  for (int32_t i = 0; i < text.length();) {
    UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if (IsApostrophe(static_cast<char16_t>(c))) {
      // "l'Organisation": the word after the elision counts, not the particle.
      if (!at_word_start && !out.empty()) out.pop_back();
      at_word_start = true;
      continue;
    }
    if (!u_isalpha(c)) {
      at_word_start = true;
      continue;
    }
    if (at_word_start) {
      icu::UnicodeString letter(c);
      out += FoldedKey(letter);
    }
    at_word_start = false;
  }
  return out;
}

// The acronym's letters appear, in order, among the expansion's initials, the first matching the
// first ("SNSC" in "Supreme National Security Council of Iran").
bool AcronymFits(std::string_view acronym, std::string_view initials) {
  if (acronym.empty() || initials.empty() || acronym.front() != initials.front()) return false;
  std::size_t k = 0;
  for (char c : initials) {
    if (k < acronym.size() && c == acronym[k]) ++k;
  }
  return k == acronym.size();
}

// Ties "(ACRONYM)" to the name before the parenthesis, and every other use of that acronym in the
// article to the same name. An acronym defined by lower-case words ("memorandum of understanding
// (MOU)") is an ordinary noun: its candidates are dropped.
void LinkAcronyms(const Document& doc, std::vector<MentionCandidate>& candidates) {
  const icu::UnicodeString& text = doc.text;
  std::map<std::string, int> expansion_of;  // acronym key -> index of its expansion
  std::unordered_set<std::string> common_nouns;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    MentionCandidate& c = candidates[i];
    if (!c.is_acronym) continue;
    int32_t open = c.utf16_begin - 1;
    if (open < 1 || text[open] != u'(' || c.utf16_end >= text.length() ||
        text[c.utf16_end] != u')') {
      continue;
    }
    int32_t before = open;
    while (before > 0 && IsSpaceChar(text[before - 1])) --before;
    std::string acronym = FoldedKey(c.text);
    int found = -1;
    for (int k = static_cast<int>(i) - 1; k >= 0 && k >= static_cast<int>(i) - 4; --k) {
      const MentionCandidate& e = candidates[k];
      if (before - e.utf16_end > 40) break;
      if (e.script != c.script) {
        // Another script cannot be checked letter by letter: only an organisation right before
        // the parenthesis ("องค์กรความร่วมมือเซี่ยงไฮ้ (SCO)").
        if (e.utf16_end == before && e.type == EntityType::kOrg) found = k;
        break;
      }
      if (AcronymFits(acronym,
                      Initials(icu::UnicodeString(text, e.utf16_begin, before - e.utf16_begin)))) {
        found = k;
        break;
      }
    }
    if (found >= 0) {
      expansion_of.emplace(acronym, found);
      continue;
    }
    // Lower-case words before the parenthesis whose initials spell the acronym.
    int32_t from = before;
    for (int words = 0; from > 0 && words < static_cast<int>(acronym.size()) + 3;) {
      --from;
      if (IsSpaceChar(text[from])) ++words;
      if (text[from] == u'\n') break;
    }
    icu::UnicodeString window(text, from, before - from);
    std::string initials = Initials(window);
    if (initials.size() >= acronym.size() && window == window.toLower() &&
        initials.find(acronym) != std::string::npos) {
      common_nouns.insert(acronym);
    }
  }
  if (!common_nouns.empty()) {
    std::vector<MentionCandidate> kept;
    std::vector<int> new_index(candidates.size(), -1);
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      if (candidates[i].is_acronym && common_nouns.count(FoldedKey(candidates[i].text)) != 0)
        continue;
      new_index[i] = static_cast<int>(kept.size());
      kept.push_back(std::move(candidates[i]));
    }
    for (auto& [acronym, index] : expansion_of) index = new_index[index];
    candidates = std::move(kept);
  }
  for (MentionCandidate& c : candidates) {
    if (!c.is_acronym) continue;
    auto it = expansion_of.find(FoldedKey(c.text));
    if (it == expansion_of.end() || it->second < 0) continue;
    c.expansion_of = it->second;
    const MentionCandidate& expansion = candidates[it->second];
    if (expansion.type != EntityType::kMisc && c.gazetteer_name.empty()) {
      c.type = expansion.type;
      c.type_confidence = std::max(c.type_confidence, 0.8f);
    }
  }
}

void CountCases(const std::vector<Word>& words, CaseStats& stats) {
  for (const Word& w : words) {
    if (!w.cased_script || w.key.empty()) continue;
    if (!w.capitalized) {
      ++stats.lower[w.key];
    } else if (!w.sentence_initial && !w.headline && !w.all_caps) {
      ++stats.capitalized_inside[w.key];
    }
  }
}

}  // namespace

std::vector<std::vector<MentionCandidate>> MentionFinder::FindAll(
    const std::vector<const Document*>& docs, NameMatcher& matcher) const {
  // Words of every document first: how a word is written elsewhere in the batch judges it at the
  // start of a sentence.
  std::vector<std::vector<Word>> words(docs.size());
  CaseStats stats;
  for (std::size_t d = 0; d < docs.size(); ++d) {
    const Document& doc = *docs[d];
    for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
      const Paragraph& paragraph = doc.paragraphs[p];
      if (paragraph.removed) continue;
      auto first = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), paragraph.utf16_begin,
                                    [](const Token& t, int32_t at) { return t.utf16_begin < at; });
      auto last = std::lower_bound(first, doc.tokens.end(), paragraph.utf16_end,
                                   [](const Token& t, int32_t at) { return t.utf16_begin < at; });
      CollectWords(doc, static_cast<int32_t>(p), static_cast<int32_t>(first - doc.tokens.begin()),
                   static_cast<int32_t>(last - doc.tokens.begin()), words[d]);
    }
    CountCases(words[d], stats);
  }

  Segmenter segmenter;
  std::vector<std::vector<MentionCandidate>> out(docs.size());
  for (std::size_t d = 0; d < docs.size(); ++d) {
    DocumentScanner scanner(*docs[d], tables_->all, tables_->by_lang, *tables_->gazetteer,
                            tables_->calendar_words, tables_->thai_dictionary, stats, segmenter);
    out[d] = ResolveOverlaps(scanner.Scan(words[d]));
  }
  SecondPass(docs, matcher, out);
  // One-word names that are the last part of a person's name elsewhere are that person's surname.
  std::unordered_set<std::string> surnames;
  for (const auto& candidates : out) {
    for (const MentionCandidate& c : candidates) {
      if (c.type != EntityType::kPerson) continue;
      std::size_t space = c.text.rfind(' ');
      if (space != std::string::npos) surnames.insert(MatchKey(c.text.substr(space + 1)));
    }
  }
  for (std::size_t d = 0; d < docs.size(); ++d) {
    for (MentionCandidate& c : out[d]) {
      if (c.type == EntityType::kMisc && surnames.count(MatchKey(c.text)) != 0) {
        c.type = EntityType::kPerson;
        c.type_confidence = 0.6f;
      }
    }
    LinkAcronyms(*docs[d], out[d]);
  }
  return out;
}

void MentionFinder::SecondPass(const std::vector<const Document*>& docs, NameMatcher& matcher,
                               std::vector<std::vector<MentionCandidate>>& out) const {
  // Names the first pass is sure of, in uncased scripts (found with a cue), and names of at
  // least two words in cased scripts (whose last word, a surname, is looked for too).
  std::vector<KnownName> same_script;
  std::vector<KnownName> other_script;
  std::unordered_set<std::string> seen;
  Segmenter segmenter;
  auto add = [&](std::vector<KnownName>& list, const icu::UnicodeString& text,
                 const MentionCandidate& c, std::size_t d) {
    if (text.length() < 3) return;
    // A name made of ordinary Thai words (ประนอม "compromise", เสีย|ชีวิต "die") would be found
    // in every sentence that uses them; a transliterated name has syllables that are not words.
    if (&list == &same_script) {
      if (text.length() < 4) return;
      std::vector<int32_t> bounds = segmenter.WordBoundaries(text, "th");
      bool all_words = true;
      for (std::size_t b = 0; b + 1 < bounds.size() && all_words; ++b) {
        all_words = tables_->thai_dictionary.Contains(
            icu::UnicodeString(text, bounds[b], bounds[b + 1] - bounds[b]));
      }
      if (all_words) return;
    }
    std::string utf8 = ToUtf8(text);
    if (!seen.insert(utf8 + '\t' + std::string(EntityTypeName(c.type))).second) return;
    KnownName known;
    known.text = text;
    known.type = c.type;
    known.gazetteer_name = c.gazetteer_name;
    known.doc = d;
    list.push_back(std::move(known));
  };
  for (std::size_t d = 0; d < out.size(); ++d) {
    for (const MentionCandidate& c : out[d]) {
      if (c.type == EntityType::kMisc || c.type_confidence < 0.5f) continue;
      icu::UnicodeString text = FromUtf8(c.text);
      if (!IsCasedScript(c.script)) {
        // Only names a cue vouches for: gazetteer names are found everywhere already.
        if (c.type_confidence < 0.85f || !c.gazetteer_name.empty()) continue;
        add(same_script, text, c, d);
        // Thai news often names a person again by the first part of the name alone.
        int32_t space = text.indexOf(u' ');
        if (c.type == EntityType::kPerson && space > 0) {
          add(same_script, icu::UnicodeString(text, 0, space), c, d);
          add(same_script, icu::UnicodeString(text, text.lastIndexOf(u' ') + 1), c, d);
        }
      } else if (!c.is_acronym && c.gazetteer_name.empty()) {
        int32_t space = text.lastIndexOf(u' ');
        if (space < 0) continue;
        add(other_script, text, c, d);
        if (c.type == EntityType::kPerson)
          add(other_script, icu::UnicodeString(text, space + 1), c, d);
      }
    }
  }
  if (same_script.empty() && other_script.empty()) return;
  std::stable_sort(same_script.begin(), same_script.end(),
                   [](const KnownName& a, const KnownName& b) { return a.text[0] < b.text[0]; });
  for (KnownName& known : other_script) known.key = &matcher.Key(ToUtf8(known.text));

  CaseStats no_stats;
  for (std::size_t d = 0; d < docs.size(); ++d) {
    bool uncased = false;
    for (const Token& token : docs[d]->tokens) {
      if (token.kind == TokenKind::kWord && !IsCasedScript(token.script) &&
          token.script != Script::kCommon) {
        uncased = true;
        break;
      }
    }
    if (!uncased) continue;
    DocumentScanner scanner(*docs[d], tables_->all, tables_->by_lang, *tables_->gazetteer,
                            tables_->calendar_words, tables_->thai_dictionary, no_stats, segmenter);
    std::vector<Found> found = scanner.FindKnown(same_script, other_script, matcher, out[d]);
    if (found.empty()) continue;
    for (MentionCandidate& c : out[d]) found.push_back(Found{std::move(c), 4});
    out[d] = ResolveOverlaps(std::move(found));
  }
}

}  // namespace crosswire
