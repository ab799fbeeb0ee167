export const __esModule: true;
export const code: string;
export const mono: string;
export const muted: string;
export const plainList: string;
export const quote: string;
export const quoteSource: string;
export const visuallyHidden: string;

