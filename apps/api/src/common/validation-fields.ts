import { BadRequestException } from '@nestjs/common';
import type { ValidationError } from 'class-validator';

/** One refused field of an input: its path inside the argument ("website", "delegates.1.email"), the rule it broke, and why. */
export interface FieldProblem {
  field: string;
  /** class-validator's name of the rule (isUrl, matches, text, …); absent for a service's own check. */
  constraint?: string;
  message: string;
}

/** class-validator's tree of errors as a flat list of fields, nested objects and list items by their index. */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    // Nested messages name their whole path, as Nest's default does ("delegates.1.email must be an email").
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({ field, constraint, message: parent ? `${parent}.${message}` : message }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/** The ValidationPipe's error: the usual 400 (messages joined), with the fields so that a form can show each message on its field. */
export function validationException(errors: ValidationError[]): BadRequestException {
  const fields = fieldProblems(errors);
  return new BadRequestException({ message: fields.map((problem) => problem.message), fields });
}

/** "field: what is wrong" — how a service's BadInputError names the field it refuses. */
const FIELD_PREFIX = /^([A-Za-z][\w.]*): /;

export function fieldOfMessage(message: string): FieldProblem[] {
  const match = FIELD_PREFIX.exec(message);
  return match ? [{ field: match[1], message }] : [];
}
