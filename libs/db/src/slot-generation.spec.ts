import { generateSlots, sessionProblem } from './slot-generation';

const at = (text: string) => new Date(text);
const local = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(date);

describe('generateSlots', () => {
  it('cuts the reference forum (09:00–12:00 and 13:30–17:00, 30-minute slots) into 13 slots', () => {
    const slots = generateSlots(
      [
        { startsAt: at('2024-06-10T09:00:00+07:00'), endsAt: at('2024-06-10T12:00:00+07:00') },
        { startsAt: at('2024-06-10T13:30:00+07:00'), endsAt: at('2024-06-10T17:00:00+07:00') },
      ],
      30,
      0,
    );
    expect(slots).toHaveLength(6 + 7);
    expect(local(slots[0].startsAt, 'Asia/Ho_Chi_Minh')).toBe('10/06, 09:00');
    expect(local(slots[5].endsAt, 'Asia/Ho_Chi_Minh')).toBe('10/06, 12:00');
    expect(local(slots[6].startsAt, 'Asia/Ho_Chi_Minh')).toBe('10/06, 13:30');
    expect(slots.map((slot) => slot.session)).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('leaves the changeover between slots and never runs past the end of a session', () => {
    // 25-minute meetings, 5-minute changeovers, 09:00–10:20: 09:00, 09:30 and 10:00 would end 10:25.
    const slots = generateSlots([{ startsAt: at('2024-06-10T09:00:00+07:00'), endsAt: at('2024-06-10T10:20:00+07:00') }], 25, 5);
    expect(slots.map((slot) => local(slot.startsAt, 'Asia/Ho_Chi_Minh'))).toEqual(['10/06, 09:00', '10/06, 09:30']);
    expect(local(slots[1].endsAt, 'Asia/Ho_Chi_Minh')).toBe('10/06, 09:55');
  });

  it('handles a session across midnight in the forum time zone, and a second day', () => {
    const slots = generateSlots(
      [
        { startsAt: at('2024-06-10T23:00:00+07:00'), endsAt: at('2024-06-11T01:00:00+07:00') },
        { startsAt: at('2024-06-11T09:00:00+07:00'), endsAt: at('2024-06-11T10:00:00+07:00') },
      ],
      60,
      0,
    );
    expect(slots.map((slot) => local(slot.startsAt, 'Asia/Ho_Chi_Minh'))).toEqual(['10/06, 23:00', '11/06, 00:00', '11/06, 09:00']);
    // The same instants read in Seoul are two hours later.
    expect(local(slots[0].startsAt, 'Asia/Seoul')).toBe('11/06, 01:00');
  });
});

describe('sessionProblem', () => {
  const session = (from: string, to: string) => ({ startsAt: at(from), endsAt: at(to) });

  it('accepts ordered sessions and names what is wrong otherwise', () => {
    expect(sessionProblem([session('2024-06-10T09:00:00Z', '2024-06-10T10:00:00Z')], 30)).toBeNull();
    expect(sessionProblem([], 30)).toMatch(/at least one session/);
    expect(sessionProblem([session('2024-06-10T10:00:00Z', '2024-06-10T09:00:00Z')], 30)).toMatch(/^sessions\[0\]: endsAt must be after/);
    expect(sessionProblem([session('2024-06-10T09:00:00Z', '2024-06-10T09:20:00Z')], 30)).toMatch(/shorter than one 30-minute slot/);
    expect(
      sessionProblem([session('2024-06-10T09:00:00Z', '2024-06-10T11:00:00Z'), session('2024-06-10T10:00:00Z', '2024-06-10T12:00:00Z')], 30),
    ).toMatch(/^sessions\[1\]: must start after sessions\[0\] ends/);
  });
});
