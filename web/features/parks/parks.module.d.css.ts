export const __esModule: true;
export const columnsMenu: string;
export const columnsMenuList: string;
export const indicatorList: string;
export const parkTargets: string;
export const parkTargetsCode: string;
export const parksTable: string;
export const sortButton: string;
export const sortButtonIcon: string;
export const staleYear: string;

