export const __esModule: true;
export const item: string;
export const legend: string;
export const swatch: string;

