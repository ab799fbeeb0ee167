export const __esModule: true;
export const cityList: string;
export const cityListValue: string;
export const legendDot: string;
export const legendSwatchCovered: string;
export const legendSwatchUncovered: string;
export const mapLayout: string;
export const sideList: string;
export const uncovered: string;
export const uncoveredIcon: string;

