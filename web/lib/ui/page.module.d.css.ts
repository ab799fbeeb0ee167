export const __esModule: true;
export const actions: string;
export const breadcrumb: string;
export const context: string;
export const detailHead: string;
export const head: string;
export const intro: string;
export const kicker: string;
export const main: string;
export const page: string;
export const scope: string;
export const side: string;
export const title: string;

