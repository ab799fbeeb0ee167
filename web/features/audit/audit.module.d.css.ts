export const __esModule: true;
export const auditDetail: string;
export const auditJson: string;
export const auditTable: string;
export const isWarn: string;
export const pager: string;

