// Who a reported value is about: one park, a region's own total, or a published figure for all the
// zones of a region. Stored as one key so that (subject, indicator, year) is unique on any database.
export type SubjectKind = 'park' | 'region' | 'zones';

export interface Subject {
  kind: SubjectKind;
  parkId: number | null;
  regionCode: string | null;
}

export function subjectKey(subject: Subject): string {
  return subject.kind === 'park' ? `park:${subject.parkId}` : `${subject.kind}:${subject.regionCode}`;
}

export function parseSubjectKey(key: string): Subject {
  const [kind, id] = key.split(':') as [SubjectKind, string];
  return kind === 'park' ? { kind, parkId: Number(id), regionCode: null } : { kind, parkId: null, regionCode: id };
}
