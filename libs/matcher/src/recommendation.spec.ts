import { fitOf, Profile } from './recommendation';

const vinaTech: Profile = {
  name: 'VinaTech Software',
  sectors: ['SOFTWARE'],
  offers: ['offshore development'],
  seeks: ['AI partners'],
  languages: ['vi', 'en'],
};

describe('fitOf', () => {
  it('scores complementary offers and seeks both ways, sectors and a common language, and says why', () => {
    const seoulAi: Profile = {
      name: 'Seoul AI Labs',
      sectors: ['AI', 'SOFTWARE'],
      offers: ['AI partners for computer vision'],
      seeks: ['offshore development teams'],
      languages: ['ko', 'en'],
    };
    const fit = fitOf(vinaTech, seoulAi);
    expect(fit.score).toBeCloseTo((3 + 3 + 1 + 1) / 10);
    expect(fit.reasons).toEqual([
      "offers 'AI partners for computer vision' which you seek ('AI partners')",
      "seeks 'offshore development teams' which you offer ('offshore development')",
      'shares your sector SOFTWARE',
      'speaks en like you',
    ]);
    expect(fit.why[0]).toEqual({ kind: 'OFFERS_WHAT_YOU_SEEK', theirs: 'AI partners for computer vision', yours: 'AI partners' });
    expect(fit.why[3]).toEqual({ kind: 'SHARED_LANGUAGES', languages: ['en'] });
  });

  it('gives nothing to a company with nothing in common, and notes when an interpreter is needed', () => {
    expect(fitOf(vinaTech, { name: 'X', sectors: ['TELECOM'], offers: ['5G base stations'], seeks: ['distributors'], languages: ['ko'] })).toEqual({
      score: 0,
      why: [],
      reasons: [],
    });
    const koOnly = fitOf(vinaTech, { name: 'Y', sectors: [], offers: ['AI chips'], seeks: [], languages: ['ko'] });
    expect(koOnly.reasons).toContain('no language in common: the meeting will need an interpreter table');
  });
});
