export const __esModule: true;
export const isDisabled: string;
export const num: string;
export const scroll: string;
export const scrollSticky: string;
export const table: string;
export const wrap: string;

