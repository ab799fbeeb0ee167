export const __esModule: true;
export const header: string;
export const panel: string;
export const subtitle: string;
export const title: string;
export const titles: string;
export const tools: string;

