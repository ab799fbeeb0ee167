export const __esModule: true;
export const appFooter: string;
export const appHeader: string;
export const appHeaderInner: string;
export const appMain: string;
export const appNav: string;
export const appNavLink: string;
export const appSubtitle: string;
export const appTitle: string;
export const brand: string;
export const brandMark: string;
export const demoBanner: string;
export const demoBannerLabel: string;
export const isActive: string;
export const langSwitch: string;
export const skipLink: string;
export const userMenuSlot: string;

