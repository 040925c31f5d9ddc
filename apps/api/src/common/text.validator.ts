import { ValidateBy, ValidationOptions } from 'class-validator';

/** C0 and C1 control characters other than tab, line feed and carriage return (NUL among them). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const LINE_BREAK = /[\n\r\u2028\u2029]/u;
/** What shows nothing on its own: white space, zero-width characters, bidirectional controls, soft hyphen. */
const INVISIBLE = /[\s\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;

export interface TextOptions extends ValidationOptions {
  /** Line breaks allowed (descriptions, messages); names and labels are one line. */
  multiline?: boolean;
}

/** What is wrong with a text, in words, or null. Lengths count characters (code points), as PostgreSQL's varchar(n) does. */
export function textProblem(value: unknown, min: number, max: number, multiline = false): string | null {
  if (typeof value !== 'string') return 'must be a string';
  const length = [...value].length;
  if (length < min || length > max) return min > 0 ? `must be ${min} to ${max} characters long (it has ${length})` : `must be at most ${max} characters long (it has ${length})`;
  if (CONTROL.test(value)) return 'must not contain control characters (such as NUL)';
  if (!multiline && LINE_BREAK.test(value)) return 'must be one line';
  if (min > 0 && value.replace(INVISIBLE, '').length === 0) return 'must contain a visible character';
  return null;
}

/** A text field: `min` to `max` characters, no control characters, one line unless `multiline`, something visible when required. */
export function Text(min: number, max: number, options: TextOptions = {}): PropertyDecorator {
  const { multiline = false, ...validationOptions } = options;
  return ValidateBy(
    {
      name: 'text',
      constraints: [min, max, multiline],
      validator: {
        validate: (value) => textProblem(value, min, max, multiline) === null,
        defaultMessage: (args) => `${args?.property ?? 'text'} ${textProblem(args?.value, min, max, multiline)}`,
      },
    },
    validationOptions,
  );
}
