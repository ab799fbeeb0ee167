export const __esModule: true;
export const bar: string;
export const buttons: string;
export const status: string;

