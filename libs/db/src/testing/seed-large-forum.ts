import { DataSource } from 'typeorm';

/** Runs one GraphQL document as the organiser and returns its data (throws on errors). */
export type OrganizerGraphql = <T>(query: string, variables: Record<string, unknown>) => Promise<T>;

/**
 * A forum of `companies` registered companies (40 % KR, 60 % VN) with about six
 * requests each, written straight to the database (fast), requests closed:
 * large enough that scheduling it takes seconds.
 */
export async function seedLargeForum(dataSource: DataSource, graphql: OrganizerGraphql, companies: number): Promise<string> {
  const forumId = (
    await graphql<{ createForum: { id: string } }>(
      'mutation ($in: CreateForumInput!) { createForum(input: $in) { id } }',
      {
        in: {
          name: `Large forum (${companies})`,
          timeZone: 'Asia/Ho_Chi_Minh',
          sides: ['KR', 'VN'],
          slotMinutes: 20,
          breakMinutes: 0,
          maxMeetingsPerCompany: 10,
          sessions: [
            { startsAt: '2024-06-10T09:00:00+07:00', endsAt: '2024-06-10T12:00:00+07:00' },
            { startsAt: '2024-06-10T13:00:00+07:00', endsAt: '2024-06-10T17:00:00+07:00' },
          ],
          tableCount: Math.ceil(companies / 5),
          interpreterTableCount: Math.ceil(companies / 12),
        },
      },
    )
  ).createForum.id;
  await graphql('mutation ($id: ID!) { setForumStatus(id: $id, status: OPEN) { id } }', { id: forumId });

  let state = 12345;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  const korean = Math.round(companies * 0.4);
  const names = Array.from({ length: companies }, (_, i) => `Seeded ${i < korean ? 'KR' : 'VN'} ${i}`);
  const countries = names.map((_, i) => (i < korean ? 'KR' : 'VN'));
  const languages = countries.map((country) => (country === 'KR' ? (random() < 0.5 ? '{ko,en}' : '{ko}') : random() < 0.6 ? '{vi,en}' : '{vi}'));
  const ids: { id: string }[] = await dataSource.query(
    'INSERT INTO company (name, country, languages) SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[]::varchar[][]) RETURNING id',
    [names, countries, languages],
  ).catch(async () =>
    // Arrays of arrays need a uniform shape; insert one by one as a fallback.
    Promise.all(names.map((name, i) => dataSource.query('INSERT INTO company (name, country, languages) VALUES ($1, $2, $3) RETURNING id', [name, countries[i], languages[i]]).then((rows) => rows[0]))),
  );
  const companyIds = ids.map((row) => row.id);
  await dataSource.query(
    'INSERT INTO registration (forum_id, company_id, side) SELECT $1, * FROM unnest($2::uuid[], $3::varchar[])',
    [forumId, companyIds, countries],
  );
  const from: string[] = [];
  const to: string[] = [];
  const priority: number[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < companies; i++) {
    for (let k = 0; k < 6; k++) {
      const j = i < korean ? korean + Math.floor(random() * (companies - korean)) : Math.floor(random() * korean);
      const key = `${i}:${j}`;
      if (seen.has(key)) continue;
      seen.add(key);
      from.push(companyIds[i]);
      to.push(companyIds[j]);
      priority.push(1 + Math.floor(random() * 5));
    }
  }
  await dataSource.query(
    "INSERT INTO meeting_request (forum_id, from_company_id, to_company_id, priority, status) SELECT $1, f, t, p, 'PENDING' FROM unnest($2::uuid[], $3::uuid[], $4::int[]) AS x(f, t, p)",
    [forumId, from, to, priority],
  );
  await graphql('mutation ($id: ID!) { setForumStatus(id: $id, status: REQUESTS_CLOSED) { id } }', { id: forumId });
  return forumId;
}
