export const __esModule: true;
export const fixLabel: string;
export const fixes: string;
export const list: string;
export const notes: string;

