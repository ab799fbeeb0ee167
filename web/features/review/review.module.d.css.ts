export const __esModule: true;
export const confirmNoteLabel: string;
export const inlineFilter: string;
export const isJump: string;
export const jumpTag: string;
export const levels: string;
export const levelsChoice: string;
export const levelsForm: string;
export const reviewActions: string;
export const reviewGroups: string;
export const reviewTable: string;
export const reviewTableBy: string;
export const reviewTableNote: string;

