/**
 * How well two companies fit, and why in words: what one offers that the
 * other seeks (both ways), sectors in common, a language in common. Phrases
 * match when they share a meaningful word ("AI partners" ~ "AI solutions").
 */
export interface Profile {
  name: string;
  sectors: string[];
  offers: string[];
  seeks: string[];
  languages: string[];
}

export const REASON_KINDS = ['OFFERS_WHAT_YOU_SEEK', 'SEEKS_WHAT_YOU_OFFER', 'SHARED_SECTOR', 'SHARED_LANGUAGES', 'NEEDS_INTERPRETER'] as const;
export type ReasonKind = (typeof REASON_KINDS)[number];

/**
 * One reason as data, so each reader gets it in their own language:
 * `theirs` is the candidate's phrase (an offer, a need, a sector), `yours` the
 * reader's phrase it answers, `languages` the languages both speak.
 */
export interface Reason {
  kind: ReasonKind;
  theirs?: string;
  yours?: string;
  languages?: string[];
}

export interface Fit {
  /** 0–1: 1 means at least the best fit we score for. */
  score: number;
  /** The reasons as data, strongest first. */
  why: Reason[];
  /** The same reasons as English sentences (logs, the CLI, API clients without a catalogue). */
  reasons: string[];
}

/** A reason as an English sentence addressed to the reader. */
export function reasonInEnglish(reason: Reason): string {
  switch (reason.kind) {
    case 'OFFERS_WHAT_YOU_SEEK':
      return `offers '${reason.theirs}' which you seek ('${reason.yours}')`;
    case 'SEEKS_WHAT_YOU_OFFER':
      return `seeks '${reason.theirs}' which you offer ('${reason.yours}')`;
    case 'SHARED_SECTOR':
      return `shares your sector ${reason.theirs}`;
    case 'SHARED_LANGUAGES':
      return `speaks ${(reason.languages ?? []).join(', ')} like you`;
    case 'NEEDS_INTERPRETER':
      return 'no language in common: the meeting will need an interpreter table';
  }
}

const STOP_WORDS = new Set(['and', 'the', 'for', 'with', 'from', 'into', 'our', 'your', 'of', 'in', 'to', 'a', 'an', 'or']);
const COMPLEMENT = 3;
const SECTOR = 1;
const LANGUAGE = 1;
const FULL_SCORE = 10;

function words(phrase: string): Set<string> {
  return new Set(
    phrase
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length >= 2 && !STOP_WORDS.has(word)),
  );
}

function phrasesMatch(a: string, b: string): boolean {
  const left = words(a);
  for (const word of words(b)) if (left.has(word)) return true;
  return false;
}

/** The fit of `candidate` for `me`, with reasons phrased for me. */
export function fitOf(me: Profile, candidate: Profile): Fit {
  let points = 0;
  const why: Reason[] = [];
  for (const offer of candidate.offers) {
    const sought = me.seeks.find((seek) => phrasesMatch(offer, seek));
    if (sought) {
      points += COMPLEMENT;
      why.push({ kind: 'OFFERS_WHAT_YOU_SEEK', theirs: offer, yours: sought });
    }
  }
  for (const seek of candidate.seeks) {
    const offered = me.offers.find((offer) => phrasesMatch(seek, offer));
    if (offered) {
      points += COMPLEMENT;
      why.push({ kind: 'SEEKS_WHAT_YOU_OFFER', theirs: seek, yours: offered });
    }
  }
  const mySectors = new Set(me.sectors.map((sector) => sector.toLowerCase()));
  for (const sector of candidate.sectors) {
    if (mySectors.has(sector.toLowerCase())) {
      points += SECTOR;
      why.push({ kind: 'SHARED_SECTOR', theirs: sector });
    }
  }
  const shared = candidate.languages.filter((language) => me.languages.includes(language));
  if (shared.length > 0) {
    points += LANGUAGE;
    why.push({ kind: 'SHARED_LANGUAGES', languages: shared });
  } else if (points > 0) {
    why.push({ kind: 'NEEDS_INTERPRETER' });
  }
  return { score: Math.min(1, points / FULL_SCORE), why, reasons: why.map(reasonInEnglish) };
}
