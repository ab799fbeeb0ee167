export const __esModule: true;
export const isActive: string;
export const tab: string;
export const tabs: string;

