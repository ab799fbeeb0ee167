export const __esModule: true;
export const sparkline: string;
export const sparklineLast: string;
export const sparklineLine: string;
export const sparklineTarget: string;

