export const __esModule: true;
export const button: string;
export const count: string;
export const isZero: string;
export const item: string;
export const list: string;
export const summary: string;
export const title: string;
export const total: string;

