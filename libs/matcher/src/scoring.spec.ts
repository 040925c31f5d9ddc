import { needsInterpreter, pairWeight, requestWeight } from './scoring';

describe('pair weights', () => {
  it('grows with the priority of a request', () => {
    expect([1, 2, 3, 4, 5].map(requestWeight)).toEqual([10, 14, 18, 22, 26]);
  });

  it('weighs a mutual request above any one-sided one', () => {
    expect(pairWeight({ priorityAtoB: 1, priorityBtoA: 1 })).toBe(30);
    expect(pairWeight({ priorityAtoB: 1, priorityBtoA: 1 })).toBeGreaterThan(pairWeight({ priorityAtoB: 5 }));
    expect(pairWeight({ priorityAtoB: 5, priorityBtoA: 5 })).toBe(78);
  });

  it('keeps recommendations below every request, and gives nothing for no interest', () => {
    expect(pairWeight({ recommendation: 1 })).toBe(5);
    expect(pairWeight({ recommendation: 1 })).toBeLessThan(pairWeight({ priorityBtoA: 1 }));
    expect(pairWeight({ recommendation: 0 })).toBe(0);
    expect(pairWeight({})).toBe(0);
  });

  it('adds the organiser boost', () => {
    expect(pairWeight({ priorityAtoB: 3, boost: 2 })).toBe(18 + 40);
    expect(pairWeight({ boost: 1 })).toBe(20);
  });
});

describe('needsInterpreter', () => {
  it('is true only when the delegations share no language', () => {
    expect(needsInterpreter(['ko'], ['vi'])).toBe(true);
    expect(needsInterpreter(['ko', 'en'], ['vi', 'EN'])).toBe(false);
    expect(needsInterpreter([], ['vi'])).toBe(true);
  });
});
