export const __esModule: true;
export const badge: string;
export const compact: string;
export const icon: string;

