import { Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { clockTime, longDate } from '../../../lib/time';

/**
 * One day of a schedule as a table: the day's date above, the slots' times
 * across, `corner` over the row headers, the rows (`children`) below, in a
 * box that scrolls both ways under its sticky headers.
 */
export function DayGrid(props: {
  slots: { id: string; startsAt: string }[];
  timeZone: string;
  language: string;
  corner: string;
  className: string;
  label: string;
  testId?: string;
  /** Role "grid" when the cells hold controls; otherwise the box itself takes the focus, so the keyboard scrolls it. */
  interactive: boolean;
  children: ReactNode;
}) {
  const day = longDate(props.slots[0].startsAt, props.language, props.timeZone);
  const box = { overflowX: 'auto', maxHeight: '70vh', overflowY: 'auto', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6 } as const;
  return (
    <div>
      <Title order={3} size="h5" mb={4}>
        {day}
      </Title>
      <div style={box} {...(props.interactive ? {} : { tabIndex: 0, role: 'region', 'aria-label': props.label })}>
        <table className={props.className} role={props.interactive ? 'grid' : undefined} aria-label={`${props.label} — ${day}`} data-testid={props.testId}>
          <thead>
            <tr>
              <th scope="col" className="corner">
                {props.corner}
              </th>
              {props.slots.map((slot) => (
                <th scope="col" key={slot.id}>
                  {clockTime(slot.startsAt, props.language, props.timeZone)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{props.children}</tbody>
        </table>
      </div>
    </div>
  );
}
