// Types of the <crosswire-analyzer> custom element (element.js). Importing the module defines the element.
import type { Analysis, Link, Story } from './crosswire.js';

/** A link the user made by moving an article into another story (a STORY line of the aliases file). */
export interface ManualLink extends Link {
  manual: true;
}

export interface CorrectedStory extends Omit<Story, 'links'> {
  links: (Link | ManualLink)[];
}

/** The analysis with the user's corrections applied: moved articles carry a ManualLink. */
export interface CorrectedAnalysis extends Omit<Analysis, 'stories'> {
  stories: CorrectedStory[];
}

/** One correction of the Corrections view: the aliases lines it adds, with when and what. */
export interface Correction {
  id: string;
  kind: 'merge' | 'split' | 'rename' | 'move' | 'import';
  label: string;
  /** Lines of the aliases format: `TYPE\tcanonical\tvariant…`, `APART\tspelling\tspelling…`, `STORY\tarticle\tarticle`. */
  lines: string[];
  /** Milliseconds since the epoch. */
  time: number;
}

/** The element's state, in its `data-state` attribute. */
export type CrosswireState = 'starting' | 'analyzing' | 'ready' | 'empty' | 'error';

export interface CrosswireAnalysisEventDetail {
  analysis: CorrectedAnalysis;
}

/**
 * The whole app as one element, in a shadow root.
 * Attributes (read when the element is connected): `workspace="name"` (default "default") names the workspace saved
 * in the browser's IndexedDB; `ephemeral` saves nothing.
 */
export class CrosswireAnalyzerElement extends HTMLElement {
  /** The current analysis (corrections applied), or null before the first one. */
  readonly analysis: CorrectedAnalysis | null;
  /** The corrections, oldest first (the aliases file is generated from them). */
  readonly corrections: Correction[];
  /** Takes back the newest correction (Ctrl+Z); resolves when the analysis is done. */
  undo(): Promise<void>;
  /** Makes the last undone correction again (Ctrl+Shift+Z). */
  redo(): Promise<void>;
  /** Removes one correction by id and re-runs the analysis. */
  removeCorrection(id: string): Promise<void>;
  /** Removes articles by id (rejected ones too) and re-runs the analysis. */
  removeArticles(ids: Iterable<string>): Promise<void>;
  /** Resolves when the workspace is saved in the browser. */
  saved(): Promise<void>;
  /** Adds articles given as text and re-runs the analysis; resolves when it is done. */
  addArticles(articles: Iterable<{ id: string; text: string; published?: string }>): Promise<void>;
  /** Sets an article's publication date ("YYYY-MM-DD"; "" clears it) and re-runs the analysis. */
  setPublished(id: string, published: string): Promise<void>;
  /** Adds files (.txt, .md, .html) as if dropped on the element; resolves when the analysis is done. */
  addFiles(files: Iterable<File> | ArrayLike<File>): Promise<void>;
  /** Adds the sample articles shipped with the package. */
  loadSamples(): Promise<void>;
  /** Drops every article and correction, here and in the saved workspace. */
  newWorkspace(): Promise<void>;
}

declare global {
  interface HTMLElementTagNameMap {
    'crosswire-analyzer': CrosswireAnalyzerElement;
  }
  interface HTMLElementEventMap {
    /** The analyzer has started (bubbles, composed). */
    'crosswire-ready': CustomEvent<null>;
    /** An analysis finished (bubbles, composed). */
    'crosswire-analysis': CustomEvent<CrosswireAnalysisEventDetail>;
  }
}
