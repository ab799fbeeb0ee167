export const __esModule: true;
export const createBox: string;
export const createBoxToggle: string;
export const createdLink: string;
export const inlineForm: string;
export const inputWithButton: string;
export const parkSearch: string;
export const roleForm: string;
export const rowActions: string;

