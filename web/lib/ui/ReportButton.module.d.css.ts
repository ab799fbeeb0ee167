export const __esModule: true;
export const bar: string;
export const error: string;
export const note: string;
export const progress: string;
export const report: string;

