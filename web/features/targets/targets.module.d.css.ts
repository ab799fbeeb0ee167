export const __esModule: true;
export const coverageGrid: string;
export const coverageHeading: string;
export const coverageHeadingBad: string;
export const includedLine: string;
export const kpi: string;
export const kpiSub: string;
export const kpiValue: string;
export const kpiWide: string;
export const kpis: string;
export const parkStatusList: string;
export const quoteLabel: string;
export const readingsList: string;

