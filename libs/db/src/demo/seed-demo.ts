import { hashPassword } from '@forum/common';
import { DataSource, EntityManager } from 'typeorm';
import { Company, Delegate, Forum, ForumSession, ForumTable, MeetingRequest, Registration, Slot, User } from '../entities';
import { generateSlots } from '../slot-generation';
import { KR_NAMES, KR_PEOPLE, OFFERS, SECTORS, SEEKS, SUFFIXES, TITLES, VN_NAMES, VN_PEOPLE } from './demo-content';

export const DEMO_ORGANIZER = { email: 'organizer@demo.forum', password: 'demo-organizer' };
export const DEMO_COMPANY = { email: 'ceo@vinatech.vn', password: 'demo-company' };
/** A delegate of VinaTech: reads the agenda, may not act for the company. */
export const DEMO_DELEGATE = { email: 'delegate@vinatech.vn', password: 'demo-delegate' };

export interface DemoSeedResult {
  created: boolean;
  forumId: string;
  companies: number;
  requests: number;
}

/**
 * The Korea–Vietnam ICT Investment Forum, Da Nang: one day (09:00–12:00 and
 * 13:30–17:00, Asia/Ho_Chi_Minh, 25-minute meetings with 5-minute changeovers),
 * 20 tables of which 8 have interpreters, about 40 Korean and 60 Vietnamese
 * companies (or `companies` in all) with complementary offers and seeks,
 * delegates, partial availability, and meeting requests with priorities — some
 * mutual, some accepted, some declined. Requests are closed: ready to schedule.
 *
 * Deterministic (a fixed seed) and idempotent: a forum of that name and size
 * already there is left alone.
 */
export async function seedDemo(dataSource: DataSource, options: { companies?: number } = {}): Promise<DemoSeedResult> {
  const size = Math.max(4, Math.min(10_000, options.companies ?? 100));
  const name = size === 100 ? 'Korea–Vietnam ICT Investment Forum, Da Nang' : `Korea–Vietnam ICT Investment Forum (${size} companies)`;
  const existing = await dataSource.getRepository(Forum).findOneBy({ name });
  if (existing) return { created: false, forumId: existing.id, companies: await dataSource.getRepository(Registration).countBy({ forumId: existing.id }), requests: await dataSource.getRepository(MeetingRequest).countBy({ forumId: existing.id }) };

  let state = 20240610;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];

  return dataSource.transaction(async (manager) => {
    const organizer = await findOrCreateUser(manager, DEMO_ORGANIZER.email, DEMO_ORGANIZER.password, 'Forum Organiser', 'ORGANIZER', null);
    const forum = await manager.getRepository(Forum).save({
      organizerId: organizer.id,
      name,
      venue: 'Da Nang',
      timeZone: 'Asia/Ho_Chi_Minh',
      status: 'REQUESTS_CLOSED',
      sides: ['KR', 'VN'],
      slotMinutes: 25,
      breakMinutes: 5,
      maxMeetingsPerCompany: 8,
      sideMustMatchCountry: true,
      requestDeadline: new Date('2024-06-05T17:00:00+07:00'),
    });
    const sessions = [
      { startsAt: new Date('2024-06-10T09:00:00+07:00'), endsAt: new Date('2024-06-10T12:00:00+07:00') },
      { startsAt: new Date('2024-06-10T13:30:00+07:00'), endsAt: new Date('2024-06-10T17:00:00+07:00') },
    ];
    const savedSessions = await manager.getRepository(ForumSession).save(sessions.map((session) => ({ ...session, forumId: forum.id })));
    const slots = await manager.getRepository(Slot).save(
      generateSlots(sessions, forum.slotMinutes, forum.breakMinutes).map((slot, position) => ({ forumId: forum.id, sessionId: savedSessions[slot.session].id, position, startsAt: slot.startsAt, endsAt: slot.endsAt })),
    );
    const tableCount = size === 100 ? 20 : Math.max(4, Math.ceil(size / 5));
    const interpreterTables = size === 100 ? 8 : Math.ceil(tableCount * 0.4);
    await manager.getRepository(ForumTable).insert(
      Array.from({ length: tableCount }, (_, i) => ({ forumId: forum.id, number: i + 1, label: `T${String(i + 1).padStart(Math.max(2, String(tableCount).length), '0')}`, interpreter: i < interpreterTables })),
    );

    const korean = Math.round(size * 0.4);
    const profiles = Array.from({ length: size }, (_, i) => {
      const kr = i < korean;
      const sector = kr ? SECTORS[i % SECTORS.length] : SECTORS[(i - korean) % SECTORS.length];
      const otherSector = pick(SECTORS);
      const base = kr ? KR_NAMES[i % KR_NAMES.length] : VN_NAMES[(i - korean) % VN_NAMES.length];
      const round = Math.floor((kr ? i : i - korean) / (kr ? KR_NAMES.length : VN_NAMES.length));
      const companyName = i === korean ? 'VinaTech Software' : `${base} ${SUFFIXES[sector]}${round ? ` ${round + 1}` : ''}`;
      return {
        kr,
        sector,
        company: {
          name: companyName,
          country: kr ? 'KR' : 'VN',
          city: kr ? pick(['Seoul', 'Busan', 'Daejeon', 'Pangyo', 'Incheon']) : pick(['Hanoi', 'Ho Chi Minh City', 'Da Nang', 'Hai Phong', 'Can Tho']),
          sectors: sector === otherSector ? [sector] : [sector, otherSector],
          offers: [pick(OFFERS[sector]), pick(OFFERS[otherSector])].filter((x, k, all) => all.indexOf(x) === k),
          seeks: [pick(SEEKS[sector]), pick(SEEKS[otherSector])].filter((x, k, all) => all.indexOf(x) === k),
          languages: kr ? (random() < 0.5 ? ['ko', 'en'] : ['ko']) : random() < 0.6 ? ['vi', 'en'] : ['vi'],
          website: `https://${companyName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.${kr ? 'kr' : 'vn'}`,
          description: `${companyName} works in ${SUFFIXES[sector].toLowerCase()} and looks for ${kr ? 'Vietnamese' : 'Korean'} partners.`,
        },
      };
    });
    const companies = await manager.getRepository(Company).save(profiles.map((profile) => profile.company));
    // The demo company's login: VinaTech Software's representative.
    await findOrCreateUser(manager, DEMO_COMPANY.email, DEMO_COMPANY.password, 'Nguyen Van An', 'COMPANY', companies[korean].id);
    await findOrCreateUser(manager, DEMO_DELEGATE.email, DEMO_DELEGATE.password, 'Tran Thi Mai', 'DELEGATE', companies[korean].id);

    const registrations = await manager.getRepository(Registration).save(
      companies.map((company) => ({
        forumId: forum.id,
        companyId: company.id,
        side: company.country,
        maxMeetings: random() < 0.2 ? 5 + Math.floor(random() * 3) : null,
        // One company in six is away for a stretch of the day.
        unavailableSlots: random() < 1 / 6 ? slots.slice(Math.floor(random() * (slots.length - 3))).slice(0, 2 + Math.floor(random() * 2)) : [],
      })),
    );
    await manager.getRepository(Delegate).insert(
      registrations.flatMap((registration, i) => {
        const kr = profiles[i].kr;
        const people = kr ? KR_PEOPLE : VN_PEOPLE;
        const count = random() < 0.4 ? 2 : 1;
        return Array.from({ length: count }, (_, k) => {
          const person = people[(i + k * 3) % people.length];
          return {
            registrationId: registration.id,
            name: person,
            email: `${person.toLowerCase().replace(/[^a-z]+/g, '.')}.${i}@${profiles[i].company.website.split('//')[1]}`,
            title: pick(TITLES),
            languages: profiles[i].company.languages,
          };
        });
      }),
    );

    // Requests: each company asks for 2–5 partners on the other side, favouring complementary profiles.
    const requests: Partial<MeetingRequest>[] = [];
    const asked = new Set<string>();
    const fit = (a: number, b: number) => {
      const theirOffers = profiles[b].company.offers;
      return profiles[a].company.seeks.filter((seek) => theirOffers.includes(seek)).length + (profiles[a].company.sectors.some((s) => profiles[b].company.sectors.includes(s)) ? 0.5 : 0);
    };
    for (let a = 0; a < size; a++) {
      const others = profiles.map((_, b) => b).filter((b) => profiles[b].kr !== profiles[a].kr);
      const ranked = others.map((b) => ({ b, score: fit(a, b) + random() * 1.5 })).sort((x, y) => y.score - x.score);
      const count = 2 + Math.floor(random() * 4);
      for (const { b } of ranked.slice(0, count)) {
        asked.add(`${a}>${b}`);
        const roll = random();
        const status = roll < 0.1 ? 'DECLINED' : roll < 0.5 ? 'ACCEPTED' : 'PENDING';
        requests.push({ forumId: forum.id, fromCompanyId: companies[a].id, toCompanyId: companies[b].id, priority: 1 + Math.floor(random() * 5), status, message: `${profiles[a].company.name} would like to discuss ${pick(profiles[b].company.offers)}.`, respondedAt: status === 'PENDING' ? null : new Date('2024-06-04T10:00:00+07:00') });
      }
    }
    for (let i = 0; i < requests.length; i += 1000) await manager.getRepository(MeetingRequest).insert(requests.slice(i, i + 1000));
    return { created: true, forumId: forum.id, companies: size, requests: requests.length };
  });
}

async function findOrCreateUser(manager: EntityManager, email: string, password: string, name: string, role: User['role'], companyId: string | null): Promise<User> {
  const users = manager.getRepository(User);
  return (await users.findOneBy({ email })) ?? users.save({ email, passwordHash: await hashPassword(password), name, role, companyId });
}
