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

export interface Fit {
  /** 0–1: 1 means at least the best fit we score for. */
  score: number;
  reasons: string[];
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
  const reasons: string[] = [];
  for (const offer of candidate.offers) {
    const sought = me.seeks.find((seek) => phrasesMatch(offer, seek));
    if (sought) {
      points += COMPLEMENT;
      reasons.push(`offers '${offer}' which you seek ('${sought}')`);
    }
  }
  for (const seek of candidate.seeks) {
    const offered = me.offers.find((offer) => phrasesMatch(seek, offer));
    if (offered) {
      points += COMPLEMENT;
      reasons.push(`seeks '${seek}' which you offer ('${offered}')`);
    }
  }
  const mySectors = new Set(me.sectors.map((sector) => sector.toLowerCase()));
  for (const sector of candidate.sectors) {
    if (mySectors.has(sector.toLowerCase())) {
      points += SECTOR;
      reasons.push(`shares your sector ${sector}`);
    }
  }
  const shared = candidate.languages.filter((language) => me.languages.includes(language));
  if (shared.length > 0) {
    points += LANGUAGE;
    reasons.push(`speaks ${shared.join(', ')} like you`);
  } else if (points > 0) {
    reasons.push('no language in common: the meeting will need an interpreter table');
  }
  return { score: Math.min(1, points / FULL_SCORE), reasons };
}
