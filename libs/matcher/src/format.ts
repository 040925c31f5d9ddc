/** The matcher's file format, forum-matcher/v1 (see libs/matcher/FORMAT.md). */
export const MATCHER_FORMAT = 'forum-matcher/v1';

export interface InstanceSlot {
  id: string;
  start: string;
  end: string;
}

export interface InstanceTable {
  id: string;
  interpreter?: boolean;
}

export interface InstanceCompany {
  id: string;
  side?: string;
  maxMeetings?: number;
  unavailable?: string[];
}

export interface InstancePair {
  a: string;
  b: string;
  weight: number;
  needsInterpreter?: boolean;
  onlySlots?: string[];
}

export interface InstanceFixedMeeting {
  a: string;
  b: string;
  slot: string;
  table?: string;
}

export interface Instance {
  format: typeof MATCHER_FORMAT;
  name?: string;
  slots: InstanceSlot[];
  tables: InstanceTable[];
  companies: InstanceCompany[];
  pairs: InstancePair[];
  fixed?: InstanceFixedMeeting[];
}

export interface ScheduledMeeting {
  a: string;
  b: string;
  slot: string;
  table: string;
}

export interface Schedule {
  format: typeof MATCHER_FORMAT;
  meetings: ScheduledMeeting[];
  objective: number;
}
