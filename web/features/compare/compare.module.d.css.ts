export const __esModule: true;
export const chip: string;
export const chipRemove: string;
export const chips: string;

