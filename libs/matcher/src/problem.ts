/**
 * The instance with every id replaced by an index and every rule precomputed,
 * the form the algorithms work on. Built by `parseInstance`.
 */
export interface Problem {
  slotIds: string[];
  /** Day number of each slot (slots on one calendar date share a day). */
  slotDay: Int32Array;
  tableIds: string[];
  tableInterpreter: boolean[];
  companyIds: string[];
  /** Meetings a company may have in all: maxMeetings, capped by its available slots. */
  companyCapacity: Int32Array;
  /** companyAvailable[c * slotCount + s] = 1 when company c can meet in slot s. */
  companyAvailable: Uint8Array;
  pairs: ProblemPair[];
  /** Fixed meetings, each naming its pair (an index into `pairs`). */
  fixed: ProblemFixed[];
  slotCount: number;
  tableCount: number;
  interpreterTableCount: number;
  companyCount: number;
  warnings: string[];
}

export interface ProblemPair {
  a: number;
  b: number;
  weight: number;
  needsInterpreter: boolean;
  /** Slots this meeting can use: its onlySlots where both companies are available. */
  slots: Int32Array;
  /** Whether the pair came from `fixed` only (not from `pairs`). */
  fixedOnly: boolean;
}

export interface ProblemFixed {
  pair: number;
  slot: number;
  /** A table index, or -1 when the solver picks. */
  table: number;
}
