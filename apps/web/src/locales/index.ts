import enAgenda from './en/agenda.json';
import enAuth from './en/auth.json';
import enCommon from './en/common.json';
import enErrors from './en/errors.json';
import enForums from './en/forums.json';
import enParticipants from './en/participants.json';
import enProfile from './en/profile.json';
import enRegistration from './en/registration.json';
import enOrganizer from './en/organizer.json';
import enRequests from './en/requests.json';
import koAgenda from './ko/agenda.json';
import koAuth from './ko/auth.json';
import koCommon from './ko/common.json';
import koErrors from './ko/errors.json';
import koForums from './ko/forums.json';
import koParticipants from './ko/participants.json';
import koProfile from './ko/profile.json';
import koRegistration from './ko/registration.json';
import koOrganizer from './ko/organizer.json';
import koRequests from './ko/requests.json';
import viAgenda from './vi/agenda.json';
import viAuth from './vi/auth.json';
import viCommon from './vi/common.json';
import viErrors from './vi/errors.json';
import viForums from './vi/forums.json';
import viParticipants from './vi/participants.json';
import viProfile from './vi/profile.json';
import viRegistration from './vi/registration.json';
import viOrganizer from './vi/organizer.json';
import viRequests from './vi/requests.json';

/** The languages of a Korea–Vietnam forum, each named in itself for the language menu. */
export const LANGUAGES = ['en', 'ko', 'vi'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ko: '한국어', vi: 'Tiếng Việt' };

/** One catalogue per feature and language, side by side in this folder (reviewable together). */
export const catalogues = {
  en: { common: enCommon, auth: enAuth, forums: enForums, agenda: enAgenda, errors: enErrors, requests: enRequests, participants: enParticipants, profile: enProfile, registration: enRegistration, organizer: enOrganizer },
  ko: { common: koCommon, auth: koAuth, forums: koForums, agenda: koAgenda, errors: koErrors, requests: koRequests, participants: koParticipants, profile: koProfile, registration: koRegistration, organizer: koOrganizer },
  vi: { common: viCommon, auth: viAuth, forums: viForums, agenda: viAgenda, errors: viErrors, requests: viRequests, participants: viParticipants, profile: viProfile, registration: viRegistration, organizer: viOrganizer },
} as const;
