export const __esModule: true;
export const button: string;
export const danger: string;
export const ghost: string;
export const link: string;
export const secondary: string;
export const small: string;

