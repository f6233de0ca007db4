#include "tagger/features.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <unordered_set>

#include "gazetteer.h"
#include "mentions/cues.h"
#include "text/fields.h"
#include "text/language_tag.h"
#include "text/normalize.h"

namespace crosswire::tagger {

HanNameLists HanNameLists::Load(const DataPack& data) {
  HanNameLists lists;
  auto read = [&](const char* path, std::unordered_set<std::string>& into) {
    if (std::optional<std::string_view> text = data.Find(path)) {
      for (std::string_view line : DataLines(*text)) {
        for (std::string_view word : NonEmptyFields(line, ' ')) into.emplace(word);
      }
    }
  };
  read("names/zh-surnames.txt", lists.zh_surnames);
  read("names/ja-surnames.txt", lists.ja_surnames);
  read("names/zh-transliteration.txt", lists.transliteration);
  if (std::optional<std::string_view> text = data.Find("names/han-name-ends.txt")) {
    for (std::string_view line : DataLines(*text)) {
      const std::vector<std::string_view> fields = SplitFields(line, '\t');
      if (fields.size() != 2 || (fields[0] != "org" && fields[0] != "place")) continue;
      const char kind = fields[0][0];
      for (std::string_view word : NonEmptyFields(fields[1], ' ')) {
        std::string& kinds = lists.name_ends[std::string(word)];
        if (kinds.find(kind) == std::string::npos) kinds += kind;
        std::sort(kinds.begin(), kinds.end());
      }
    }
  }
  return lists;
}

namespace {

// "Xxxx" for "Paris", "XX" for "NATO", "d" for "1996", "Xx-Xx" for "Saint-Denis": each character
// as its class, runs of the same class kept at two.
std::string ShapeString(const icu::UnicodeString& text, int32_t begin, int32_t end) {
  std::string shape;
  char last = 0;
  int run = 0;
  for (int32_t i = begin; i < end;) {
    const UChar32 c = text.char32At(i);
    i = text.moveIndex32(i, 1);
    char k;
    if (u_isupper(c) || u_istitle(c))
      k = 'X';
    else if (u_islower(c))
      k = 'x';
    else if (u_isdigit(c))
      k = 'd';
    else if (u_isalpha(c))
      k = 'a';  // letters of uncased scripts
    else if (c < 0x80)
      k = static_cast<char>(c);
    else
      k = 'o';
    run = k == last ? run + 1 : 1;
    last = k;
    if (run <= 2) shape += k;
  }
  return shape;
}

// The class of a character for Han/Kana text.
const char* CharClass(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  switch (uscript_getScript(c, &status)) {
    case USCRIPT_HAN:
      return "han";
    case USCRIPT_HIRAGANA:
      return "hira";
    case USCRIPT_KATAKANA:
      return "kata";
    case USCRIPT_LATIN:
      return "latn";
    default:
      break;
  }
  if (c == 0x30FC) return "kata";  // the prolonged sound mark
  if (u_isdigit(c)) return "digit";
  if (u_isalpha(c)) return "alpha";
  return "punct";
}

// The first or last `n` code points of a UTF-8 key.
std::string_view Prefix(std::string_view s, int n) {
  std::size_t i = 0;
  for (int k = 0; k < n && i < s.size(); ++k) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  return s.substr(0, i);
}
std::string_view Suffix(std::string_view s, int n) {
  std::size_t i = s.size();
  for (int k = 0; k < n && i > 0; ++k) {
    --i;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  }
  return s.substr(i);
}

const char* TypeLetter(EntityType t) {
  switch (t) {
    case EntityType::kPerson:
      return "P";
    case EntityType::kOrg:
      return "O";
    case EntityType::kPlace:
      return "L";
    case EntityType::kMisc:
      break;
  }
  return "M";
}

// What the cue files say about a word: one letter per list it is in.
std::string CueClass(const mentions::LangCues& cues, const std::string& key) {
  std::string out;
  if (cues.titles.count(key)) out += 't';
  if (cues.org_start.count(key)) out += 'o';
  if (cues.org_end.count(key)) out += 'e';
  if (cues.place_end.count(key)) out += 'p';
  if (cues.misc_end.count(key)) out += 'm';
  if (cues.connectors.count(key)) out += 'c';
  if (cues.stops.count(key)) out += 's';
  if (cues.after_name.count(key)) out += 'a';
  if (cues.not_names.count(key)) out += 'n';
  return out;
}

struct UnitView {
  std::string key;    // match key (word) or the character itself
  std::string shape;  // ShapeString, or the character class
  std::string cue;    // CueClass
  std::string rule;   // rule candidate's type + B/I, or empty
};

}  // namespace

int FeatureLanguage(const Document& doc, const Sequence& seq) {
  if (seq.group != ModelGroup::kCjk) return 0;
  return PrimaryLanguage(doc.LangOf(seq.paragraph)) == "ja" ? 1 : 2;
}

ArticleContext FeatureExtractor::Context(const Document& doc,
                                         const std::vector<MentionCandidate>& rules) const {
  ArticleContext context;
  {
    // The candidates are sorted and do not overlap: one walk over the tokens.
    std::size_t t = 0;
    for (const MentionCandidate& c : rules) {
      while (t < doc.tokens.size() && doc.tokens[t].utf16_end <= c.utf16_begin) ++t;
      for (std::size_t k = t; k < doc.tokens.size() && doc.tokens[k].utf16_begin < c.utf16_end;
           ++k) {
        const Token& token = doc.tokens[k];
        if (token.kind != TokenKind::kWord || !IsCasedScript(token.script)) continue;
        std::string& types = context.rule_types[token.key];
        const char letter = TypeLetter(c.type)[0];
        if (types.find(letter) == std::string::npos) {
          types += letter;
          std::sort(types.begin(), types.end());
        }
      }
    }
  }
  for (const Sentence& s : doc.sentences) {
    for (int32_t t = s.first_token; t < s.end_token; ++t) {
      const Token& token = doc.tokens[t];
      if (token.kind != TokenKind::kWord || !IsCasedScript(token.script)) continue;
      if (!token.capitalized)
        context.lower.insert(token.key);
      else if (t > s.first_token)
        context.capital_inside.insert(token.key);
    }
  }
  return context;
}

Features FeatureExtractor::Extract(const Document& doc, const Units& units, const Sequence& seq,
                                   const std::vector<MentionCandidate>& rules,
                                   const ArticleContext& context) const {
  const std::vector<Unit>& us = units.units;
  const int32_t first = seq.first_unit;
  const std::size_t n = static_cast<std::size_t>(seq.end_unit - seq.first_unit);
  Features out;
  out.offsets.reserve(n + 1);
  out.shape.resize(n);
  out.hashes.reserve(n * 40);
  // Chinese and Japanese share the Han characters but not how names are written or annotated: a
  // model trained on both with shared features scored lower on each than one per language
  // (People's Daily zh val 0.68 against 0.73), so every feature of a Han/Kana unit is conjoined
  // with the paragraph's language (Japanese, or Chinese for any other) and the cjk model holds the
  // two side by side.
  static constexpr std::string_view kLanguageSeeds[kFeatureLanguages] = {"", "ja|", "zh|"};
  const uint32_t seed = Hash(kLanguageSeeds[FeatureLanguage(doc, seq)]);
  const std::unordered_set<std::string>& lower = context.lower;
  const std::unordered_set<std::string>& capital_inside = context.capital_inside;

  // Views of every unit, and the rule candidate covering it.
  std::vector<UnitView> view(n);
  std::vector<const MentionCandidate*> rule_of(n, nullptr);
  // The first candidate that ends after the sequence begins.
  std::size_t r =
      static_cast<std::size_t>(std::partition_point(rules.begin(), rules.end(),
                                                    [&](const MentionCandidate& c) {
                                                      return c.utf16_end <= us[first].utf16_begin;
                                                    }) -
                               rules.begin());
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t u = first + i;
    const Unit& unit = us[u];
    const Token& token = doc.tokens[unit.token];
    UnitView& v = view[i];
    if (unit.cjk_char) {
      v.key = doc.Slice(unit.utf16_begin, unit.utf16_end);
      v.shape = CharClass(doc.text.char32At(unit.utf16_begin));
    } else {
      v.key = token.key;
      v.shape = ShapeString(doc.text, unit.utf16_begin, unit.utf16_end);
      v.cue = CueClass(cues_, token.key);
    }
    while (r < rules.size() && rules[r].utf16_end <= unit.utf16_begin) ++r;
    if (r < rules.size() && rules[r].utf16_begin < unit.utf16_end) {
      rule_of[i] = &rules[r];
      v.rule = std::string(TypeLetter(rules[r].type)) +
               (rules[r].utf16_begin >= unit.utf16_begin ? "B" : "I");
    }
    out.shape[i] = Hash(v.shape, Hash("s", seed));
  }

  // Place names in Han/Kana text, which has no word spaces to find them by: the longest gazetteer
  // name starting at each character.
  std::vector<char> gazetteer_mark(n, 0);
  {
    std::vector<int32_t> ends;
    for (std::size_t i = 0; i < n; ++i) ends.push_back(us[first + i].utf16_end);
    const std::u16string_view text(reinterpret_cast<const char16_t*>(doc.text.getBuffer()),
                                   doc.text.length());
    for (std::size_t i = 0; i < n; ++i) {
      if (!us[first + i].cjk_char || gazetteer_mark[i]) continue;
      std::optional<Gazetteer::Hit> hit =
          gazetteer_.LongestMatch(text, us[first + i].utf16_begin, ends);
      if (!hit) continue;
      gazetteer_mark[i] = 'B';
      for (std::size_t k = i + 1; k < n && us[first + k].utf16_begin < hit->utf16_end; ++k) {
        gazetteer_mark[k] = 'I';
      }
    }
  }

  // Names in Han text by what its characters are: a Chinese or Japanese family name starting at a
  // character (the longest listed), and runs of characters of foreign-name transliteration
  // ("拜登", "泽连斯基": a run of two or more is likely a foreign name).
  std::vector<std::string> family(n), run(n), name_end(n), end_ahead(n), kata(n);
  {
    auto adjacent = [&](std::size_t a, std::size_t b) {
      return us[first + a].cjk_char && us[first + b].cjk_char &&
             us[first + a].utf16_end == us[first + b].utf16_begin;
    };
    auto chars = [&](std::size_t i, std::size_t count) {
      std::string s;
      for (std::size_t k = i; k < i + count; ++k) s += view[k].key;
      return s;
    };
    for (std::size_t i = 0; i < n; ++i) {
      if (!us[first + i].cjk_char) continue;
      for (std::size_t length = 3; length >= 1; --length) {
        bool whole = i + length <= n;
        for (std::size_t k = i; whole && k + 1 < i + length; ++k) whole = adjacent(k, k + 1);
        if (!whole) continue;
        const std::string name = chars(i, length);
        const bool zh = length <= 2 && han_names_.zh_surnames.count(name) != 0;
        const bool ja = han_names_.ja_surnames.count(name) != 0;
        if (zh || ja) {
          family[i] = std::string(zh ? "z" : "") + (ja ? "j" : "") + std::to_string(length);
          break;
        }
      }
    }
    // Organisation and place name ends: the longest listed word ending at each character, then
    // for each character the nearest such end at or ahead of it in its run of Han/Kana characters
    // (a name is mostly written without punctuation inside), with its distance: the look-ahead
    // that tells "海口市中级人民法院" from the characters before it.
    for (std::size_t i = 0; i < n; ++i) {
      if (!us[first + i].cjk_char) continue;
      for (std::size_t length = std::min<std::size_t>(i + 1, 5); length >= 1; --length) {
        const std::size_t from = i + 1 - length;
        bool whole = true;
        for (std::size_t k = from; whole && k < i; ++k) whole = adjacent(k, k + 1);
        if (!whole) continue;
        auto it = han_names_.name_ends.find(chars(from, length));
        if (it != han_names_.name_ends.end()) {
          name_end[i] = it->second + std::to_string(length);
          break;
        }
      }
    }
    {
      std::size_t next_end = n;  // the nearest end at or after i in i's run
      for (std::size_t i = n; i-- > 0;) {
        if (!us[first + i].cjk_char) {
          next_end = n;
          continue;
        }
        if (i + 1 < n && !adjacent(i, i + 1)) next_end = n;
        if (!name_end[i].empty()) next_end = i;
        if (next_end == n || next_end - i > 10) continue;
        const std::size_t d = next_end - i;
        const char* bucket = d == 0 ? "0" : d == 1 ? "1" : d == 2 ? "2" : d <= 4 ? "3" : "5";
        end_ahead[i] = name_end[next_end].substr(0, name_end[next_end].size() - 1) + bucket;
      }
    }
    // Runs of Katakana (foreign names and loanwords), whatever the dictionary made of them.
    for (std::size_t i = 0; i < n;) {
      std::size_t end = i;
      while (end < n && us[first + end].cjk_char && view[end].shape == std::string_view("kata") &&
             (end == i || adjacent(end - 1, end))) {
        ++end;
      }
      if (end == i) {
        ++i;
        continue;
      }
      const std::string length = std::to_string(std::min<std::size_t>(end - i, 6));
      for (std::size_t k = i; k < end; ++k) {
        kata[k] = (k == i ? "B" : k + 1 == end ? "E" : "I") + length;
      }
      i = end;
    }
    for (std::size_t i = 0; i < n;) {
      std::size_t end = i;
      while (end < n && us[first + end].cjk_char &&
             han_names_.transliteration.count(view[end].key) != 0 &&
             (end == i || adjacent(end - 1, end))) {
        ++end;
      }
      if (end == i) {
        ++i;
        continue;
      }
      const std::string length = std::to_string(std::min<std::size_t>(end - i, 4));
      for (std::size_t k = i; k < end; ++k) {
        run[k] = (k == i ? "B" : k + 1 == end ? "E" : "I") + length;
      }
      i = end;
    }
  }

  std::string f;
  auto add = [&](std::string_view name, std::string_view value) {
    out.hashes.push_back(Hash(value, Hash(name, seed)));
  };
  // A feature whose value is the parts written one after the other: FNV-1a reads bytes in order,
  // so this is the hash of the joined text without building it.
  auto add_joined = [&](std::string_view name, std::initializer_list<std::string_view> parts) {
    uint32_t h = Hash(name, seed);
    for (std::string_view part : parts) h = Hash(part, h);
    out.hashes.push_back(h);
  };
  static constexpr std::string_view kPrefixNames[] = {"", "p1=", "p2=", "p3=", "p4="};
  static constexpr std::string_view kSuffixNames[] = {"", "x1=", "x2=", "x3=", "x4=", "x5="};
  {
    const std::string lang = PrimaryLanguage(doc.LangOf(seq.paragraph));
    auto at = [&](int32_t u) -> const UnitView* {
      return u >= seq.first_unit && u < seq.end_unit ? &view[u - first] : nullptr;
    };
    auto key_at = [&](int32_t u) -> std::string_view {
      const UnitView* v = at(u);
      return v ? std::string_view(v->key) : (u < seq.first_unit ? "<s>" : "</s>");
    };
    auto shape_at = [&](int32_t u) -> std::string_view {
      const UnitView* v = at(u);
      return v ? std::string_view(v->shape) : "<>";
    };
    // The sequence's form (alphabetic text): its length in words, bucketed, and "." where its
    // last unit is a full stop, question or exclamation mark.
    std::string form;
    {
      int words = 0;
      for (int32_t u = seq.first_unit; u < seq.end_unit; ++u) {
        words += !us[u].cjk_char && doc.tokens[us[u].token].kind == TokenKind::kWord;
      }
      form = words <= 3 ? std::to_string(words) : words <= 6 ? "6" : words <= 12 ? "12" : "n";
      const std::string_view last = view[n - 1].key;
      if (last == "." || last == "?" || last == "!") form += ".";
      form += "|";
    }
    for (int32_t u = seq.first_unit; u < seq.end_unit; ++u) {
      out.offsets.push_back(static_cast<uint32_t>(out.hashes.size()));
      const Unit& unit = us[u];
      const UnitView& v = view[u - first];
      add("b", "");
      add("s=", v.shape);
      add_joined("s-1|s|s+1=", {shape_at(u - 1), "|", v.shape, "|", shape_at(u + 1)});
      add("r=", v.rule);
      add("r-1=", at(u - 1) ? std::string_view(at(u - 1)->rule) : "<>");
      add("r+1=", at(u + 1) ? std::string_view(at(u + 1)->rule) : "<>");
      if (const MentionCandidate* c = rule_of[u - first]) {
        if (!c->gazetteer_name.empty()) add("rg=", v.rule);
        if (!c->cue.empty()) add("rc=", v.rule);
        if (c->is_acronym) add("ra=", v.rule);
        const int confidence = static_cast<int>(c->type_confidence * 4);
        add_joined("rq=", {v.rule, std::to_string(confidence)});
        if (c->utf16_end <= unit.utf16_end) add("rE=", v.rule);
      }
      if (unit.cjk_char) {
        const Token& token = doc.tokens[unit.token];
        const int32_t word_chars =
            token.utf16_end - token.utf16_begin;  // close enough for BMP text
        const bool last = unit.utf16_end >= token.utf16_end;
        const char* position = word_chars <= 1        ? "S"
                               : unit.char_index == 0 ? "B"
                               : last                 ? "E"
                                                      : "I";
        add("c=", v.key);
        add("c-1=", key_at(u - 1));
        add("c+1=", key_at(u + 1));
        add("c-2=", key_at(u - 2));
        add("c+2=", key_at(u + 2));
        add_joined("c-1|c=", {key_at(u - 1), "|", v.key});
        add_joined("c|c+1=", {v.key, "|", key_at(u + 1)});
        add_joined("c-2|c-1=", {key_at(u - 2), "|", key_at(u - 1)});
        add_joined("c+1|c+2=", {key_at(u + 1), "|", key_at(u + 2)});
        add("dp=", position);
        add_joined("dp|c=", {position, v.key});
        if (word_chars <= 8) add("dw=", token.key);
        add("dl=", std::to_string(std::min(word_chars, 6)));
        add("g=", std::string(1, gazetteer_mark[u - first] ? gazetteer_mark[u - first] : '-'));
        add_joined("s|c=", {v.shape, v.key});
        const std::size_t local = static_cast<std::size_t>(u - first);
        add("fam=", family[local]);
        add("fam-1=", local > 0 ? family[local - 1] : "<>");
        add("tr=", run[local]);
        add("tr-1|tr=", (local > 0 ? run[local - 1] : "<>") + "|" + run[local]);
        add("c-1|c|c+1=",
            std::string(key_at(u - 1)) + "|" + v.key + "|" + std::string(key_at(u + 1)));
        add_joined("L|c=", {lang, "|", v.key});
        add("ne=", name_end[local]);
        add("ne-1=", local > 0 ? name_end[local - 1] : "<>");
        add("na=", end_ahead[local]);
        add("na|dp=", end_ahead[local] + position);
        add("kr=", kata[local]);
        // The dictionary words before and after the one this character is in.
        const int32_t seq_first_token = us[first].token,
                      seq_last_token = us[seq.end_unit - 1].token;
        auto word_at = [&](int32_t t) -> std::string_view {
          if (t < seq_first_token) return "<s>";
          if (t > seq_last_token) return "</s>";
          return doc.tokens[t].key;
        };
        if (position[0] == 'B' || position[0] == 'S') add("dw-1=", word_at(unit.token - 1));
        if (position[0] == 'E' || position[0] == 'S') add("dw+1=", word_at(unit.token + 1));
        continue;
      }
      const std::string& w = v.key;
      const Token& token = doc.tokens[unit.token];
      add("w=", w);
      // What kind of text the word stands in: a short fragment (a heading, a list item, a caption)
      // or prose, by the sequence's length in words and whether it ends as a sentence does.
      add_joined("n|s=", {form, v.shape});
      if (token.folded_key != w) add("f=", token.folded_key);
      for (int k = 1; k <= 4; ++k) add(kPrefixNames[k], Prefix(w, k));
      for (int k = 1; k <= 5; ++k) add(kSuffixNames[k], Suffix(w, k));
      add_joined("L|x2=", {lang, "|", Suffix(w, 2)});
      add_joined("L|x3=", {lang, "|", Suffix(w, 3)});
      add_joined("L|s=", {lang, "|", v.shape});
      add("w-1=", key_at(u - 1));
      add("w+1=", key_at(u + 1));
      add("w-2=", key_at(u - 2));
      add("w+2=", key_at(u + 2));
      add_joined("w-1|w=", {key_at(u - 1), "|", w});
      add_joined("w|w+1=", {w, "|", key_at(u + 1)});
      add("s-1=", shape_at(u - 1));
      add("s+1=", shape_at(u + 1));
      add("x3-1=", at(u - 1) ? Suffix(at(u - 1)->key, 3) : "<>");
      if (u == seq.first_unit) add("first|s=", v.shape);
      add("cue=", v.cue);
      add("cue-1=", at(u - 1) ? std::string_view(at(u - 1)->cue) : "<>");
      add("cue+1=", at(u + 1) ? std::string_view(at(u + 1)->cue) : "<>");
      add("sc=", ScriptName(token.script));
      if (token.capitalized && token.kind == TokenKind::kWord) {
        add("lc=", lower.count(w) ? "y" : "n");
        add("ci=", capital_inside.count(w) ? "y" : "n");
        if (std::optional<GazetteerEntry> e = gazetteer_.LookupKeys(w, token.folded_key)) {
          add("gz=", TypeLetter(e->type));
        }
        if (gazetteer_.LookupDemonymKey(w)) add("dem=", "");
        auto types = context.rule_types.find(w);
        const std::string& article_types =
            types == context.rule_types.end() ? std::string() : types->second;
        add("ar=", article_types);
        add_joined("ar|r=", {article_types, "|", v.rule});
      }
    }
  }
  out.offsets.push_back(static_cast<uint32_t>(out.hashes.size()));
  return out;
}

}  // namespace crosswire::tagger
