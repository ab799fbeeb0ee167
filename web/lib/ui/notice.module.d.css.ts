export const __esModule: true;
export const info: string;
export const note: string;
export const noteWarn: string;
export const notice: string;
export const ok: string;
export const overdue: string;
export const tag: string;
export const tagBad: string;
export const tagOk: string;
export const warn: string;

