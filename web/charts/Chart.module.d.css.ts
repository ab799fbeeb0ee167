export const __esModule: true;
export const chart: string;
export const figure: string;
export const isHidden: string;
export const panel: string;

