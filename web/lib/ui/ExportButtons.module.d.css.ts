export const __esModule: true;
export const error: string;
export const group: string;
export const segmented: string;

