export const __esModule: true;
export const change: string;
export const drawer: string;
export const head: string;
export const history: string;
export const item: string;
export const old: string;
export const rowNote: string;
export const rowNoteConflict: string;
export const title: string;
export const when: string;
export const why: string;

