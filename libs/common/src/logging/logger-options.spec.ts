import { redactSecrets } from './logger-options';

describe('redactSecrets', () => {
  it('keeps URLs but never the value of a token parameter', () => {
    expect(redactSecrets('/forums/1/agenda.ics?token=abc123')).toBe('/forums/1/agenda.ics?token=[redacted]');
    expect(redactSecrets('/admin/queues?x=1&token=abc&y=2')).toBe('/admin/queues?x=1&token=[redacted]&y=2');
    expect(redactSecrets('/graphql')).toBe('/graphql');
  });
});
