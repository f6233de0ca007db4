// Types of Crosswire's JS module (crosswire.js) and of the analysis JSON it returns (schema "crosswire/1").
// The JSON types mirror schema/crosswire-1.schema.json; a test checks that both list the same fields.

/** Entity types, as written in the JSON. */
export type EntityType = 'PERSON' | 'ORG' | 'PLACE' | 'MISC';

/** Codes of AnalyzerError and of rejected inputs. */
export type ErrorCode = 'invalid_argument' | 'too_large' | 'binary_input' | 'bad_aliases' | 'data_error' | 'data_needed' | 'unreadable' | 'out_of_memory' | 'internal';

/** "YYYY-MM-DD", or "YYYY-MM" / "YYYY" when only the month or the year is known. */
export type IsoDate = string;

/** The analysis document: what `crosswire analyze` prints and what `analyzer.analyze()` returns. */
export interface Analysis {
  schema: 'crosswire/1';
  articles: Article[];
  entities: Entity[];
  stories: Story[];
  /** Inputs that were refused while the rest was analysed. */
  rejected: Rejected[];
}

/** One analysed article. Offsets (`start`, `end`) are half-open UTF-16 code units: `text.slice(start, end)`. */
export interface Article {
  /** The file name (unique within a batch), or the id given to addArticle. */
  id: string;
  title: string;
  /** Language tag ("en", "th", "fr"...; "und" when unknown). */
  lang: string;
  /** Length of the decoded text in UTF-16 code units. */
  text_length: number;
  /** The date the article was published: given with it (addArticle's `published`), else stated in its text. */
  published: IsoDate | null;
  /** The date of the main event it reports. */
  event_date: IsoDate | null;
  /** Boilerplate spans left out of the analysis (bylines, share buttons, source links...). */
  removed: RemovedSpan[];
  warnings: string[];
  mentions: Mention[];
  dates: DateMention[];
  /** The encoding the input was decoded from, as detected ("UTF-8", "windows-1251"...). */
  encoding: string;
  /** Why `published` and `event_date` were chosen. */
  date_reason: string;
}

export interface RemovedSpan {
  start: number;
  end: number;
  /** The kind of boilerplate: "byline", "share", "source-link"... */
  reason: string;
}

/** A name found in an article's text. */
export interface Mention {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  /** The id of the entity it refers to ("E1"...). */
  entity: string;
}

/** A date written in an article's text. */
export interface DateMention {
  start: number;
  end: number;
  text: string;
  value: IsoDate;
  precision: 'day' | 'month' | 'year';
}

/** A person, organisation, place or other name, with its spellings merged across languages and scripts. */
export interface Entity {
  /** "E1", "E2"... */
  id: string;
  type: EntityType;
  /** The canonical name. */
  name: string;
  variants: Variant[];
  /** Ids of the articles that mention it. */
  articles: string[];
  /** How many mentions it has in all articles. */
  mentions: number;
}

export interface Variant {
  text: string;
  lang: string;
  count: number;
  /** The spelling in its base form ("Donalda Trumpa" -> "Donald Trump"); the text itself in languages without inflection rules. */
  base: string;
  /** The standard form the name matcher compares: transliterated to Latin, lower case, ASCII ("tramp" for Трамп). */
  latin: string;
  /** Why this spelling belongs to the entity: the link that first joined it to the entity's other spellings; null for the entity's first spelling. */
  link: VariantLink | null;
}

export interface VariantLink {
  /**
   * known-name: both are names of one place or organisation the gazetteer or the aliases list;
   * abbreviation: an acronym and the name its article spells out; stated: given in parentheses
   * beside the other ("Марк Рютте (Mark Rutte)"); same-spelling: written alike once case and script
   * are set aside; similar: the name matcher calls them the same name; part-of: a shorter name
   * standing for the full one.
   */
  rule: 'known-name' | 'abbreviation' | 'stated' | 'same-spelling' | 'similar' | 'part-of';
  /** The spelling it was joined to, or (known-name) the known name. */
  with: string;
  /** The name matcher's score (0..1) for similar and part-of; 1 for the other rules, which are certain. */
  score: number;
}

/** Articles that report one real-world event. Every article belongs to exactly one story. */
export interface Story {
  /** "S1", "S2"... */
  id: string;
  label: string;
  articles: string[];
  /** Ids of the entities the story is about. */
  entities: string[];
  date: IsoDate | null;
  /** Why its articles belong together. */
  links: Link[];
  languages: string[];
}

/** Evidence that two articles of a story report the same event. */
export interface Link {
  /** Article ids. */
  a: string;
  b: string;
  score: number;
  /** Ids of the entities both articles name. */
  shared: string[];
}

export interface Rejected {
  id: string;
  code: ErrorCode;
  message: string;
}

/** Options of createAnalyzer; all are optional. */
export interface AnalyzerOptions {
  /** Where crosswire-core.wasm is, resolved against the module's URL. Default: next to crosswire.js. */
  wasmUrl?: string | URL;
  /** The folder of the data packs (or any file in it), resolved against the module's URL. Default: next to crosswire.js. */
  dataUrl?: string | URL;
  /** The wasm file's bytes, instead of fetching wasmUrl. */
  wasmBinary?: Uint8Array | ArrayBuffer;
  /** Data packs as bytes by name, instead of fetching them. */
  packBytes?: Partial<Record<PackName, Uint8Array | ArrayBuffer>>;
  /**
   * "auto": the base pack at the start, then what loadDataFor finds; "all": every pack at the start.
   * Default: "all" under Node and when packBytes has every pack, else "auto".
   */
  packs?: 'auto' | 'all';
  /** Language of every article ("" or absent: identified per article). */
  language?: string;
  /** "YYYY-MM-DD": the publication date assumed for articles that state none. */
  assumedPublished?: string;
  /** Largest article in bytes (0 or absent: 2 MiB). Larger ones are refused with "too_large". */
  maxArticleBytes?: number;
  /** Largest batch in bytes (0 or absent: 256 MiB). */
  maxBatchBytes?: number;
  /**
   * Names in Latin, Cyrillic, Greek... and Thai text found and typed by the trained tagger beside
   * the rules, as the CLI's --tagger does (Chinese and Japanese are always tagged). The models come
   * in the "tagger" pack (about 0.7 MB gzipped), loaded when the analyzer is created. Default false.
   */
  tagger?: boolean;
}

/**
 * The data packs beyond the base pack: Chinese/Japanese, Thai, Southeast Asian, legacy converters,
 * and the tagger's models of the other scripts.
 */
export type PackName = 'base' | 'cjk' | 'thai' | 'sea' | 'legacy' | 'tagger';

/** What addFile decoded. */
export interface DecodedFile {
  id: string;
  text: string;
  encoding: string;
  warnings: string[];
}

export interface MatchResult {
  /** 0..1 */
  score: number;
  same: boolean;
}

/** A word or number: [start, end) in UTF-16 code units. */
export type TokenSpan = [start: number, end: number];

/** Every error of the API. Strings are never thrown. */
export class AnalyzerError extends Error {
  constructor(code: ErrorCode, message: string);
  readonly name: 'AnalyzerError';
  readonly code: ErrorCode;
}

/** An analyzer: a batch of articles and the corrections that apply to it. */
export interface Analyzer {
  /**
   * Loads the data packs these texts or files need, once per wasm instance; resolves with the names of the
   * packs it loaded. Call it before adding them: a text whose pack is missing is refused with "data_needed".
   */
  loadDataFor(inputs: Iterable<string | Uint8Array | ArrayBuffer>): Promise<PackName[]>;
  /**
   * Adds an article given as text. `published` ("YYYY-MM-DD"), when known, is the article's
   * publication date: its `published`, and what its relative and year-less dates count from.
   * Throws AnalyzerError (a duplicate id, too large, a malformed date...).
   */
  addArticle(article: { id: string; text: string; published?: string }): void;
  /**
   * The map step of one article (decoding, language, cleaning, paragraphs, dates) as a "crosswire-record/2" line,
   * what `crosswire map` writes for it; an article the core refuses gives its rejection record. Needs an
   * analyzer that holds no articles and keeps none. Throws AnalyzerError as addArticle does.
   */
  mapArticle(article: { id: string; text: string; published?: string }, options?: { countCasing?: boolean }): string;
  /**
   * The casing counts of the articles mapped with { countCasing: true } since the last call, as one
   * "crosswire-casing/1" line; the tally starts again. The map steps of a batch sum these.
   */
  takeCasing(): string;
  /**
   * Gives the batch's casing counts (lines of takeCasing or `crosswire map --casing-out`; they add up):
   * mapRecord() and analyze() read these instead of counting. clear() drops them.
   */
  addCasingCounts(line: string): void;
  /**
   * Round 2 of the map step: a "crosswire-record/2" line in, its "crosswire-record/3" line out (mention
   * candidates and story words, found with the casing counts of addCasingCounts), which the reduce step takes
   * without segmenting the article again. Needs an analyzer that holds no articles and keeps none.
   */
  mapRecord(line: string): string;
  /**
   * Runs the per-article step of the articles added so far ahead of analyze(), which then does not run it
   * again: round 1 (the default: language, cleaning, paragraphs, dates, casing counts) or rounds 1 and 2
   * (name candidates and story words, read with the counts of addCasingCounts, or else of these articles).
   */
  prepare(options?: { round?: 1 | 2 }): void;
  /** The casing counts of the articles added so far (or those given), as one "crosswire-casing/1" line. */
  casingCounts(): string;
  /**
   * Adds a record line of mapArticle or `crosswire map`: analyze() over a batch's records equals analyze()
   * over its articles. Throws AnalyzerError ("invalid_argument" for a line that is not a record, with why).
   */
  addRecord(line: string): void;
  /** Adds a file's bytes; the encoding is detected. Throws AnalyzerError ("binary_input"...). */
  addFile(bytes: Uint8Array | ArrayBuffer, name: string): DecodedFile;
  /** Adds corrections in the aliases format: TYPE<TAB>canonical<TAB>variant... per line. */
  addAliases(text: string): void;
  /** Runs the analysis: a plain object, a copy (nothing refers into the wasm heap). */
  analyze(): Analysis;
  /** The analysis as JSON text, byte for byte what the CLI prints for the same batch. */
  analyzeJson(): string;
  /**
   * The analysis in two calls, so that the scoring of pairs of names can be shared with analyzers in
   * other workers (no shared memory): beginAnalysis() runs analyze() up to that scoring; the pairs are
   * cut into `parts` pieces of about equal work; scorePairPiece scores one here, pairTask gives one as
   * a task for another analyzer's scorePairs, givePairScores hands its scores back;
   * finishAnalysisJson() scores the pieces not given and returns analyzeJson()'s text, byte for byte.
   */
  beginAnalysis(): void;
  pairTask(part: number, parts: number): Uint8Array;
  givePairScores(part: number, parts: number, scores: Float64Array): void;
  scorePairPiece(part: number, parts: number): void;
  finishAnalysisJson(): string;
  /** The scores of another analyzer's pairTask(): two numbers a pair. Load the packs of taskNames(task) first. */
  scorePairs(task: Uint8Array): Float64Array;
  /** Compares two names with the entity matcher. */
  match(a: string, b: string): MatchResult;
  /** Word segmentation alone (ICU, in the language's locale): words and numbers, no punctuation. */
  tokenize(text: string, lang?: string): TokenSpan[];
  /** Drops the articles; corrections stay. */
  clear(): void;
  /** Drops the corrections added with addAliases. */
  clearAliases(): void;
  /** Frees the analyzer's memory; using it afterwards throws AnalyzerError. */
  dispose(): void;
}

/** Starts the wasm module (once per wasm and data pair) and creates an analyzer. */
export function createAnalyzer(options?: AnalyzerOptions): Promise<Analyzer>;

/** The names of a pairTask() as one text, for loadDataFor(). */
export function taskNames(task: Uint8Array): string;

/** The data packs a text needs beyond the base pack, by its scripts and language. */
export function packsFor(text: string, language?: string): Set<PackName>;
